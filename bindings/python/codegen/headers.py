"""Reads liblimber's public headers the way a compiler does.

The declarations handed to cffi are the preprocessor's output, restricted to
the lines that come from our own headers (the `# LINE "FILE"` markers say
where each line came from), so nothing is copied by hand and every macro
(G_BEGIN_DECLS, G_GNUC_*...) is expanded exactly as a C compiler would.
"""

import os
import re
import shlex
import subprocess

# Headers that must never reach cffi: autocleanups.h expands to inline
# functions (g_autoptr support), which are C-only conveniences.
SKIPPED = {"autocleanups.h"}

# Compiler-specific syntax cffi's parser does not know.  GLib's G_GNUC_*
# macros all end in __attribute__, so neutralising it covers them; the
# remaining spellings appear in glibc/GLib headers that we preprocess but
# then discard, and are defined away so nothing odd leaks into our lines.
NEUTRALISE = [
    "-D__attribute__(x)=",
    "-D__extension__=",
    "-D__restrict=",
    "-D__restrict__=",
    "-D__inline=",
    "-D__inline__=",
    "-D__asm__(x)=",
    "-D__declspec(x)=",
    "-DG_DISABLE_DEPRECATION_WARNINGS",
]

LINE_MARKER = re.compile(r'^#\s*(?:line\s+)?\d+\s+"([^"]*)"')


def public_headers(include_dir):
    """The module headers under include/limber/, sorted, without the skipped ones."""
    folder = os.path.join(include_dir, "limber")
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.endswith(".h") and name not in SKIPPED]


def glib_cflags():
    """GLib's include flags from pkg-config, for when CMake does not pass them."""
    out = subprocess.run(["pkg-config", "--cflags", "glib-2.0"], check=True,
                         capture_output=True, text=True).stdout
    return shlex.split(out)


def preprocess(cc, headers, cflags):
    """Runs `cc -E` over a unit that includes every header, and returns its output."""
    unit = "".join('#include "%s"\n' % os.path.abspath(h) for h in headers)
    cmd = shlex.split(cc) + ["-E", "-std=c11", "-x", "c"] + NEUTRALISE + list(cflags) + ["-"]
    proc = subprocess.run(cmd, input=unit, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit("preprocessing the public headers failed:\n%s" % proc.stderr)
    return proc.stdout


def extract(preprocessed, headers):
    """Keeps the lines that come from one of `headers`, minus preprocessor leftovers.

    `#pragma GCC visibility push/pop` survives preprocessing and means nothing
    to cffi, so every directive line is dropped; blank runs are squeezed.
    """
    wanted = {os.path.realpath(h) for h in headers}
    keep = False
    out = []
    for line in preprocessed.splitlines():
        marker = LINE_MARKER.match(line)
        if marker:
            keep = os.path.realpath(marker.group(1)) in wanted
            continue
        if not keep or line.lstrip().startswith("#"):
            continue
        # attribute macros expand to nothing and leave stray blanks behind
        line = re.sub(r"\s+;$", ";", line.rstrip())
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    return "\n".join(out).strip() + "\n"


DEFINE = re.compile(r"^\s*#\s*define\s+([A-Z][A-Z0-9_]*)\s+(.+?)\s*(?:/\*.*)?$")


def constants(headers):
    """Object-like macros whose value is a literal, as cffi constant declarations.

    Integer literals become `#define NAME ...` (cffi asks the compiler for the
    value) and string literals `static const char *const NAME;`; macros that
    expand to expressions or calls (LIMBER_ERROR) are left to the Python layer.
    """
    decls = []
    for path in headers:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = DEFINE.match(line)
                if not m or m.group(1).endswith("_H"):
                    continue
                name, value = m.groups()
                if re.fullmatch(r"-?(0[xX][0-9a-fA-F]+|\d+)[uUlL]*", value):
                    decls.append("#define %s ..." % name)
                elif re.fullmatch(r'"(?:[^"\\]|\\.)*"', value):
                    decls.append("static const char *const %s;" % name)
    return decls
