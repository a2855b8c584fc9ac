"""A file the library could not open raises what Python code expects of a file.

liblimber reports an unreadable file as a GError with the code "io" and a
message naming the file.  Python callers catch FileNotFoundError,
PermissionError or IsADirectoryError for that, while existing callers catch
limber.RulesetError or ProfileError: the exception raised is both (a class
derived from the limber error and from the OSError that opening the file
gives), with errno, strerror and filename set as for any OSError.
"""

import os

_classes = {}


def _combined(limber_cls, os_cls):
    key = (limber_cls, os_cls)
    if key not in _classes:
        name = limber_cls.__name__.replace("Error", "") + os_cls.__name__
        cls = type(name, (limber_cls, os_cls), {
            "__module__": "limber",
            "__doc__": "%s: also a %s, for code that handles files as Python does." % (
                limber_cls.__name__, os_cls.__name__),
            "__str__": limber_cls.__str__,
        })
        _classes[key] = cls
    return _classes[key]


def as_os_error(exc, path):
    """`exc` (a limber Error) as an exception that is also the OSError opening `path` gives.

    `exc` itself when it is not an I/O error or when Python can open the file
    (then what went wrong is the library's to say, and it has).
    """
    if getattr(exc, "code", None) != "io" or path in (None, "-"):
        return exc
    try:
        with open(path, "rb"):
            return exc
    except OSError as os_err:
        cls = _combined(type(exc), type(os_err))
        out = cls(exc.message, exc.code, exc.problems)
        out.errno, out.strerror = os_err.errno, os_err.strerror
        out.filename = os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else path
        return out
