"""Generates the cffi extension module `limber._native` and its docstrings.

    python generate.py --include INCLUDE_DIR --out-c _native.c --out-docs _docs.py
                       [--cc CC] [--extra-header H]... [CFLAGS...]

Run by CMake at build time.  The declarations come from the public headers
through the C preprocessor (see headers.py); cffi emits C in API mode that
includes those same headers, so any disagreement between what cffi was told
and what the headers say is a compile error.  Docstrings come from the
headers' Doxygen comments (see doxygen.py).
"""

import argparse
import os
import pprint
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cffi  # noqa: E402

import doxygen  # noqa: E402
import headers  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def build_cdef(include_dir, extra_headers, cc, cflags):
    """The preamble plus every declaration of the public (and extra) headers."""
    public = headers.public_headers(include_dir)
    everything = public + list(extra_headers)
    text = headers.preprocess(cc, everything, ["-I" + include_dir] + cflags)
    with open(os.path.join(HERE, "glib-preamble.cdef"), encoding="utf-8") as f:
        preamble = f.read()
    cdef = "\n".join([preamble, headers.extract(text, everything)] + headers.constants(everything))
    return public, cdef


def make_ffi(public, extra_headers, cdef):
    ffi = cffi.FFI()
    try:
        ffi.cdef(cdef)
    except cffi.CDefError as e:
        raise SystemExit("cffi cannot read the public headers' declarations: %s\n"
                         "(a GLib type missing from codegen/glib-preamble.cdef?)" % e)
    # Each header by name rather than <limber.h> alone, so a header not yet
    # added to the umbrella is still compiled against.
    includes = "".join("#include <limber/%s>\n" % os.path.basename(h) for h in public)
    includes += "".join('#include "%s"\n' % os.path.basename(h) for h in extra_headers)
    ffi.set_source("limber._native", "#include <limber.h>\n" + includes)
    return ffi


def collect_docs(public, extra_headers):
    files, entries = {}, {}
    for path in public + list(extra_headers):
        file_doc, docs = doxygen.parse_header(path)
        files[os.path.basename(path)] = file_doc
        for name, entry in docs.items():
            entry["header"] = os.path.basename(path)
            entries[name] = entry
    return files, entries


def write_docs(path, files, entries):
    docstrings = {name: doxygen.format_doc(name, e) for name, e in entries.items()}
    with open(path, "w", encoding="utf-8") as f:
        f.write('"""Generated from the public headers\' Doxygen comments by '
                'bindings/python/codegen/generate.py: do not edit."""\n\n')
        f.write("# C name -> ready-made docstring\nDOCSTRINGS = ")
        f.write(pprint.pformat(docstrings, width=110, sort_dicts=True))
        f.write("\n\n# C name -> the comment's parts (brief, params, returns, members, header...)\nENTRIES = ")
        f.write(pprint.pformat(entries, width=110, sort_dicts=True))
        f.write("\n\n# header file name -> its @file comment's parts\nFILES = ")
        f.write(pprint.pformat(files, width=110, sort_dicts=True))
        f.write("\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--include", required=True, help="the include/ directory")
    parser.add_argument("--out-c", required=True)
    parser.add_argument("--out-docs", required=True)
    parser.add_argument("--out-cdef", help="also write the extracted declarations here (for reading)")
    parser.add_argument("--cc", default=os.environ.get("CC", "cc"))
    parser.add_argument("--extra-header", action="append", default=[],
                        help="a header of the extension itself to expose too")
    args, cflags = parser.parse_known_args(argv)
    include_dir = os.path.abspath(args.include)
    cflags = [c for c in cflags if c] or headers.glib_cflags()
    public, cdef = build_cdef(include_dir, args.extra_header, args.cc, cflags)
    ffi = make_ffi(public, args.extra_header, cdef)
    ffi.emit_c_code(args.out_c)
    if args.out_cdef:
        with open(args.out_cdef, "w", encoding="utf-8") as f:
            f.write(cdef)
    files, entries = collect_docs(public, args.extra_header)
    write_docs(args.out_docs, files, entries)


if __name__ == "__main__":
    main()
