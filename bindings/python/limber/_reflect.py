"""What the generated module knows about each C function, turned into Python.

The Python classes build most of their properties from here instead of
listing getters by hand: a `limber_exercise_get_foo()` added to a header
becomes `Exercise.foo` with its header's documentation, once rebuilt.
"""

import functools
import inspect

from . import _docs
from ._native import ffi, lib
from ._values import BY_CTYPE


def text(ptr):
    """A borrowed C string as str (None for NULL)."""
    return None if ptr == ffi.NULL else ffi.string(ptr).decode("utf-8")


def take_text(ptr):
    """An owned C string (free with g_free()) as str; frees it."""
    try:
        return text(ptr)
    finally:
        if ptr != ffi.NULL:
            lib.g_free(ptr)


def strv(ptr):
    """A borrowed NULL-terminated string array as a tuple of str."""
    out = []
    if ptr != ffi.NULL:
        i = 0
        while ptr[i] != ffi.NULL:
            out.append(ffi.string(ptr[i]).decode("utf-8"))
            i += 1
    return tuple(out)


def take_strv(ptr):
    """An owned NULL-terminated string array (free with g_strfreev()) as a tuple of str; frees it."""
    try:
        return strv(ptr)
    finally:
        if ptr != ffi.NULL:
            lib.g_strfreev(ptr)


@functools.lru_cache(maxsize=None)
def enum_names(ctype):
    """{value: name} for a C enum, named as the JSON formats name them.

    LIMBER_OUTCOME_SEE_CLINICIAN -> "see-clinician": the common prefix of the
    enumerators is dropped, the rest lowercased with dashes.
    """
    elements = ffi.typeof(ctype).elements
    names = list(elements.values())
    if len(names) > 1:
        prefix = names[0]
        for n in names[1:]:
            while not n.startswith(prefix):
                prefix = prefix[:-1]
        prefix = prefix[:prefix.rfind("_") + 1]
    else:
        prefix = names[0][:names[0].rfind("_") + 1]
    return {v: k[len(prefix):].lower().replace("_", "-") for v, k in elements.items()}


@functools.lru_cache(maxsize=None)
def enum_values(ctype):
    """{name: value}, the inverse of enum_names()."""
    return {name: value for value, name in enum_names(ctype).items()}


def enum_value(ctype, name):
    """The value of an enum name ("flexibility"), or ValueError listing the names."""
    try:
        return enum_values(ctype)[name]
    except KeyError:
        raise ValueError("%r is not a %s; expected one of %s"
                         % (name, ctype, ", ".join(enum_values(ctype)))) from None


@functools.lru_cache(maxsize=None)
def ctype_of(fname):
    """The function's cffi type (with .args and .result)."""
    return ffi.typeof(ffi.addressof(lib, fname))


def return_decl(fname):
    """The return type as the header spells it (`gboolean`, `const char *const *`)."""
    entry = _docs.ENTRIES.get(fname)
    if entry and entry.get("decl"):
        decl = entry["decl"]
        return decl[:decl.index(fname)].strip()
    return ctype_of(fname).result.cname


def converter(fname):
    """A function turning the C function's result into a Python value."""
    result = ctype_of(fname).result
    spelled = " ".join(return_decl(fname).replace("*", " * ").split())
    if spelled == "gboolean":
        return bool
    if result.kind == "enum":
        names = enum_names(result.cname)
        py_enum = BY_CTYPE.get(result.cname)
        if py_enum is not None:  # status, outcome, goal, side: a str-valued Enum member
            members = {v: py_enum(name) for v, name in names.items()}
            return lambda v: members.get(v, v)
        return lambda v: names.get(v, v)
    if spelled in ("const char * const *", "char * const *", "const char * *"):
        return strv
    if spelled in ("char * *", "gchar * *"):
        return take_strv  # owned: "free with g_strfreev()"
    if spelled == "const char *":
        return text
    if spelled in ("char *", "gchar *"):
        return take_text  # owned: "free with g_free()" by the headers' convention
    return lambda v: v


def doc(fname):
    """The header's documentation of a function, for a Python docstring."""
    return _docs.DOCSTRINGS.get(fname, fname)


def brief(fname):
    """One line: the brief and what it returns."""
    entry = _docs.ENTRIES.get(fname, {})
    out = entry.get("brief", "")
    if entry.get("returns"):
        out += " Returns " + entry["returns"]
    return "%s\n\n(C: %s())" % (out, fname)


def getters(prefix):
    """{name: C function} for every one-argument `PREFIX_get_NAME` function."""
    out = {}
    start = prefix + "_get_"
    for fname in dir(lib):
        if fname.startswith(start):
            ctype = ctype_of(fname)
            if len(ctype.args) == 1 and ctype.result.cname != "void":
                out[fname[len(start):]] = fname
    return out


def cproperty(fname):
    """A read-only property calling a one-argument getter on self._ptr."""
    call = getattr(lib, fname)
    convert = converter(fname)

    def get(self):
        ptr = self._ptr
        if ptr is None:
            raise ValueError("the %s is closed" % type(self).__name__)
        return convert(call(ptr))
    return property(get, doc=brief(fname))


def add_getters(cls, prefix):
    """Adds a property to `cls` for every one-argument getter it does not define."""
    for name, fname in getters(prefix).items():
        if not hasattr(cls, name):
            setattr(cls, name, cproperty(fname))
    return cls


def snapshot(ptr, prefix):
    """{name: value} of every one-argument getter, read once from a borrowed object."""
    return {name: converter(fname)(getattr(lib, fname)(ptr)) for name, fname in getters(prefix).items()}


def wraps_c(*fnames):
    """Appends the headers' documentation of the C functions a method calls."""
    def decorate(fn):
        parts = [inspect.cleandoc(fn.__doc__ or "")] + ["Wraps %s:\n\n%s" % (f, indent(doc(f))) for f in fnames if hasattr(lib, f)]
        fn.__doc__ = "\n\n".join(p.rstrip() for p in parts)
        return fn
    return decorate


def indent(text, by="    "):
    return "\n".join(by + line if line else line for line in text.splitlines())


def header_doc(header):
    """The @file comment of a header, as text (empty when the header is not in this build)."""
    entry = _docs.FILES.get(header) or {}
    return "\n\n".join([entry.get("brief", "")] + entry.get("details", [])).strip()
