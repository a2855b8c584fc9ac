# limber.lowlevel: every C function of the public headers under its C name,
# generated at build time from the headers, so typed as Any here.
from typing import Any, List

ffi: Any
lib: Any

def functions() -> List[str]: ...
def __getattr__(name: str) -> Any: ...
