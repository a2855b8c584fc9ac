"""The C API as generated from the public headers, one documented function each.

    from limber import lowlevel
    help(lowlevel.limber_generate)

Every function and constant of include/limber/*.h is here under its C name
(and in `lib`, the raw cffi library); `ffi` makes C values.  Functions whose
last parameter is `GError **error` take the other arguments only and raise
limber.Error instead.  Nothing is converted or freed for you: the
docstrings (from the headers) say who owns what.
"""

import functools

from . import _docs
from ._errors import Error, check
from ._native import ffi, lib
from ._reflect import ctype_of

_GERROR_PP = ffi.typeof("GError **")
_cache = {}


def _wrap(name):
    obj = getattr(lib, name)
    if not callable(obj):
        return obj
    ctype = ctype_of(name)
    # `GError **error` last, by type and by name (a `GError **errors` array is data)
    params = _docs.ENTRIES.get(name, {}).get("params") or [["error"]]
    if ctype.args and ctype.args[-1] is _GERROR_PP and params[-1][0] == "error":
        @functools.wraps(obj)
        def call(*args):
            err = ffi.new("GError **")
            result = obj(*args, err)
            check(err, Error)
            return result
    else:
        def call(*args):
            return obj(*args)
    call.__name__ = call.__qualname__ = name
    call.__doc__ = _docs.DOCSTRINGS.get(name, "%s (undocumented)" % ctype.cname)
    call.__module__ = __name__
    return call


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    if name not in _cache:
        try:
            _cache[name] = _wrap(name)
        except AttributeError:
            raise AttributeError("module %r has no attribute %r" % (__name__, name)) from None
    return _cache[name]


def __dir__():
    return sorted(set(dir(lib)) | {"ffi", "lib"})


def functions():
    """The names of every C function the module exposes."""
    return sorted(n for n in dir(lib) if callable(getattr(lib, n)))
