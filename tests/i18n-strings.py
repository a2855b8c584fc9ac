#!/usr/bin/env python3
"""Every English text the engine translates is in its table (docs/i18n.md).

The code keeps its English literals where they are used and passes them
through limber_msg() (M() and L() in the writers): this finds those literals
in engine/**/*.c, both branches of a ?: and the LIMBER_PRINT_* headings
included, plus the few tables passed by variable (marked in the source with
a comment "/* i18n */"), and the formats of why a dose changed, and checks that each is a row of
engine/core/i18n-text.c.  The Criterion suite (tests/test-i18n.c) checks
each row has every language with the same printf conversions.

Usage: i18n-strings.py SOURCE_DIR
"""
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
LIT = r'"(?:[^"\\]|\\.)*"'


def decode(literals):
    """Adjacent C string literals as the bytes they make, as text."""
    out = bytearray()
    for lit in re.findall(LIT, literals):
        body, i = lit[1:-1], 0
        while i < len(body):
            c = body[i]
            if c != "\\":
                out += c.encode()
                i += 1
                continue
            n = body[i + 1]
            if n == "x":
                m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
                out.append(int(m.group(0), 16))
                i += 2 + len(m.group(0))
            elif n == "u":
                out += chr(int(body[i + 2:i + 6], 16)).encode()
                i += 6
            else:
                out += {"n": b"\n", "t": b"\t", '"': b'"', "\\": b"\\"}.get(n, n.encode())
                i += 2
    return out.decode()


# the table: the first literal run of each row
def read(path):
    # G_GUINT64_FORMAT between literals, as it expands on x86-64 and arm64
    return re.sub(r'"\s*G_GUINT64_FORMAT\s*"', "lu", path.read_text())


table_src = read(src / "engine/core/i18n-text.c")
rows = set()
for row in re.finditer(r"\{ \{ ((?:" + LIT + r"\s*)+),", table_src):
    rows.add(decode(row.group(1)))

headings = {}
for m in re.finditer(r"#define (LIMBER_PRINT_[A-Z_]+) ((?:" + LIT + r"\s*(?:\\\n\s*)?)+)",
                     (src / "engine/print/render-private.h").read_text()):
    headings[m.group(1)] = decode(m.group(2).replace("\\\n", ""))

calls = re.compile(r"\b(?:M|L|limber_msg)\s*\(\s*(?:[a-zA-Z_>\-.]+\s*,\s*)?")
missing = []
for path in sorted((src / "engine").rglob("*.c")):
    if path.name == "i18n-text.c":
        continue
    code = read(path)
    for m in calls.finditer(code):
        # the argument up to its closing parenthesis
        depth, i = 1, m.end()
        while depth and i < len(code):
            if code[i] == '"':
                i = re.match(LIT, code[i:]).end() + i
                continue
            depth += {"(": 1, ")": -1}.get(code[i], 0)
            i += 1
        arg = code[m.end():i - 1]
        texts = []
        for branch in re.split(r"[?:]\s*(?=\")", arg):
            lits = re.match(r"\s*((?:" + LIT + r"\s*)+)", branch)
            if lits:
                texts.append(decode(lits.group(1)))
        for name in re.findall(r"LIMBER_PRINT_[A-Z_]+", arg):
            texts.append(headings[name])
        for t in texts:
            if t not in rows:
                line = code.count("\n", 0, m.start()) + 1
                missing.append("%s:%d: \"%s\" is not in engine/core/i18n-text.c" % (path.relative_to(src), line, t))
    # texts passed by variable: every literal of the statement after an
    # "/* i18n */" comment (a table, a format chosen by ?:)
    for m in re.finditer(r"/\* i18n[^*]*\*/([^;]*);", code):
        for run in re.finditer(r"(?:" + LIT + r"\s*)+", m.group(1)):
            t = decode(run.group(0))
            if t and t not in rows:
                line = code.count("\n", 0, m.start()) + 1
                missing.append("%s:%d: \"%s\" is not in engine/core/i18n-text.c" % (path.relative_to(src), line, t))
    # why a dose changed, formatted in the plan's language when read
    # (limber_why_format_lang): the progression's and the composer's formats
    for m in re.finditer(r"(?:limber_choice_explain\s*\(\s*c\s*,\s*\"progression\"|"
                         r"limber_item_add_reason\s*\(\s*item\s*,\s*\"composer\")\s*,\s*((?:" + LIT + r"\s*)+)", code):
        t = decode(m.group(1))
        if t not in rows:
            line = code.count("\n", 0, m.start()) + 1
            missing.append("%s:%d: \"%s\" is not in engine/core/i18n-text.c" % (path.relative_to(src), line, t))

for line in missing:
    print(line)
print("i18n-strings: %d rows; %s" % (len(rows), "every translated text has one" if not missing else
                                      "%d texts without a row" % len(missing)))
sys.exit(1 if missing else 0)
