"""Turns the headers' Doxygen comments into Python docstrings.

The comments are read straight from the header text (Doxygen itself is not
needed to build the package): each `/** ... */` documents the declaration
that follows it, each `/**< ... */` the enumerator or field before it on the
same line.  The result is plain data that the generator writes into
`limber/_docs.py`.
"""

import re

COMMENT = re.compile(r"/\*\*(<?)(.*?)\*/", re.S)
COND = re.compile(r"@cond\b.*?@endcond", re.S)


def _clean(body):
    """The comment's text without the leading `*` of each line."""
    lines = [re.sub(r"^\s*\*?[ \t]?", "", line, count=1) for line in body.splitlines()]
    return "\n".join(lines).strip()


def _inline(text):
    """Doxygen inline markup as plain text: `@p x`, `@c x`, `#Name`, `@ref x`."""
    text = re.sub(r"[@\\](?:p|c|a|e|ref)\s+(\S+?)([.,;:)]?(?:\s|$))", r"`\1`\2", text)
    text = re.sub(r"(?<![\w&])#([A-Za-z_]\w*)", r"\1", text)
    return re.sub(r"[ \t]+", " ", text)


def _parse(text):
    """Splits a comment into brief, details, params, returns and notes."""
    doc = {"brief": "", "details": [], "params": [], "returns": "", "notes": []}
    current = None
    paragraph = []

    def flush():
        nonlocal paragraph
        if paragraph:
            para = _inline(" ".join(paragraph).strip())
            if current is None:
                if not doc["brief"]:
                    doc["brief"] = para
                else:
                    doc["details"].append(para)
            paragraph = []

    for raw in text.splitlines():
        line = raw.strip()
        cmd = re.match(r"[@\\](\w+)(?:\[(\w+)\])?\s*(.*)", line)
        if cmd:
            name, _, rest = cmd.groups()
            if name == "brief":
                flush()
                current = None
                paragraph = [rest]
                continue
            if name == "param":
                flush()
                pname, _, pdesc = rest.partition(" ")
                doc["params"].append([pname, pdesc.strip()])
                current = ("param", len(doc["params"]) - 1)
                continue
            if name in ("return", "returns", "retval"):
                flush()
                doc["returns"] = rest
                current = ("returns", None)
                continue
            if name in ("note", "warning", "see", "since", "deprecated"):
                flush()
                doc["notes"].append([name, rest])
                current = ("note", len(doc["notes"]) - 1)
                continue
            if name in ("file", "cond", "endcond", "{", "}"):
                continue
        if not line:
            flush()
            current = None
            continue
        if current is None:
            paragraph.append(line)
        elif current[0] == "param":
            doc["params"][current[1]][1] += " " + line
        elif current[0] == "returns":
            doc["returns"] += " " + line
        else:
            doc["notes"][current[1]][1] += " " + line
    flush()
    doc["params"] = [[n, _inline(d)] for n, d in doc["params"]]
    doc["returns"] = _inline(doc["returns"])
    doc["notes"] = [[n, _inline(d)] for n, d in doc["notes"]]
    return doc


def _balanced(src, start):
    """Index just past the brace block opening at or after `start`."""
    depth = 0
    for i in range(src.index("{", start), len(src)):
        if src[i] == "{":
            depth += 1
        elif src[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(src)


def _declaration(src, start):
    """The declaration after a comment: (kind, name, text, end)."""
    rest = src[start:]
    stripped = rest.lstrip()
    offset = start + len(rest) - len(stripped)
    define = re.match(r"#\s*define\s+(\w+)", stripped)
    if define:
        end = src.find("\n", offset)
        return "macro", define.group(1), src[offset:end].strip(), end
    if re.match(r"typedef\s+(struct|enum|union)\s*\w*\s*\{", stripped):
        close = _balanced(src, offset)
        semi = src.index(";", close)
        name = re.findall(r"\w+", src[close:semi])[-1]
        kind = re.match(r"typedef\s+(\w+)", stripped).group(1)
        return kind, name, src[offset:semi + 1], semi + 1
    semi = src.find(";", offset)
    text = src[offset:semi + 1]
    if text.startswith("typedef"):
        pointer = re.search(r"\(\s*\*\s*(\w+)\s*\)", text)
        name = pointer.group(1) if pointer else re.findall(r"\w+", text)[-1]
        return "typedef", name, text, semi + 1
    call = re.search(r"(\w+)\s*\(", text)
    if call:
        return "function", call.group(1), text, semi + 1
    return "variable", re.findall(r"\w+", text)[-1], text, semi + 1


def _members(block):
    """Enumerator or field docs inside a typedef'd enum or struct body."""
    out = {}
    for m in COMMENT.finditer(block):
        if not m.group(1):
            continue
        before = block[:m.start()].rstrip()
        line = before.splitlines()[-1] if before else ""
        names = re.findall(r"([A-Za-z_]\w*)\s*(?:=[^,;]*)?[,;]?\s*$", line)
        if names:
            out[names[-1]] = _inline(" ".join(_clean(m.group(2)).split()))
    return out


def parse_header(path):
    """Every documented declaration of one header, keyed by C name."""
    with open(path, encoding="utf-8") as f:
        src = COND.sub("", f.read())
    docs = {}
    file_doc = None
    for m in COMMENT.finditer(src):
        if m.group(1):
            continue  # member comments are read with their enum or struct
        text = _clean(m.group(2))
        if re.search(r"[@\\]file\b", text):
            file_doc = _parse(text)
            continue
        kind, name, decl, _ = _declaration(src, m.end())
        entry = _parse(text)
        entry.update(kind=kind, decl=" ".join(decl.split()) if kind not in ("enum", "struct") else decl)
        if kind in ("enum", "struct", "union"):
            entry["members"] = _members(decl)
            entry["decl"] = "typedef %s %s" % (kind, name)
        docs[name] = entry
    return file_doc, docs


def format_doc(name, entry):
    """A docstring: the C prototype, the brief, details, parameters and return."""
    parts = []
    if entry.get("kind") == "function":
        parts.append(entry["decl"])
    if entry.get("brief"):
        parts.append(entry["brief"])
    parts.extend(entry.get("details", []))
    params = [p for p in entry.get("params", []) if p[0] != "error"]
    if params:
        parts.append("Parameters:\n" + "\n".join("    %s: %s" % (n, d) for n, d in params))
    if any(p[0] == "error" for p in entry.get("params", [])):
        why = re.sub(r"^return location for (an? )?", "", dict(entry["params"])["error"])
        parts.append("Raises:\n    limber.Error: " + why)
    if entry.get("returns"):
        parts.append("Returns:\n    " + entry["returns"])
    for note, text in entry.get("notes", []):
        parts.append("%s: %s" % (note.capitalize(), text))
    members = entry.get("members")
    if members:
        parts.append("Members:\n" + "\n".join("    %s: %s" % kv for kv in members.items()))
    return "\n\n".join(parts)
