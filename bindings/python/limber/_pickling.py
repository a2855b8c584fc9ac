"""Pickling rule sets by content, so they travel to other processes.

A Ruleset pickles as the XML it was loaded from (the built-in rule set by
name), or the compiled file (`limber compile`) it was loaded from, and its
SHA-256 (the digest of that XML, limber_ruleset_get_sha256(), which a
compiled file carries inside).
Unpickling loads the XML again and checks the digest: a worker whose
library's built-in rules differ, or a file edited between loading and
pickling, is an error naming both digests rather than plans made with other
rules.  Plans and profiles pickle their rule set, so a process that unpickles
many of them (a Dask worker given a partition's tasks) would load the same
rules many times: each process keeps the rule sets it has unpickled, by
digest, for as long as something uses them.
"""

import hashlib
import os
import weakref

_loaded = weakref.WeakValueDictionary()

# the first bytes of a compiled rule set (engine/core/ruleset-image.c)
_COMPILED_MAGIC = b"\x89LRS\r\n\x1a\n"


def _compiled_digest(data):
    """The SHA-256 of the XML a compiled rule set was made from, as the file declares it (after its 88-byte
    header: the limber version, the XML's name, then its digest, each a LEB128 length + 1 and UTF-8), or None
    when the file is too short to say. Loading it again checks the rest."""
    at = 88
    texts = []
    for _ in range(3):
        length = shift = 0
        while True:
            if at >= len(data):
                return None
            byte = data[at]
            at += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if length == 0:
            return None
        texts.append(data[at:at + length - 1])
        at += length - 1
    return texts[2].decode("ascii", "replace")


def ruleset_source(rules):
    """The arguments restore_ruleset() loads `rules` again from."""
    return _source(rules) + (tuple(getattr(rules, "languages", ())),)


def _source(rules):
    source = rules._source
    digest = rules.sha256
    if source is None:
        raise TypeError("this rule set cannot be pickled: it was not loaded by Ruleset.default(), .load() "
                        "or .from_string()")
    if source[0] == "default":
        return ("default", None, None, digest)
    if source[0] == "file":
        path = source[1]
        with open(path, "rb") as f:
            data = f.read()
        # a compiled rule set (`limber compile`) carries its XML's digest inside: read it to compare
        found = _compiled_digest(data) if data.startswith(_COMPILED_MAGIC) else hashlib.sha256(data).hexdigest()
        if found != digest:
            from ._errors import RulesetError
            now = "SHA-256 %s" % found if found else "no longer a compiled rule set that can be read"
            raise RulesetError("%s: changed since it was loaded (%s, loaded as SHA-256 %s); expected the file "
                               "the rule set was loaded from, unchanged, to pickle it" % (
                                   os.fsdecode(path), now, digest), "io")
        return ("data", data, os.fsdecode(path), digest)
    return ("data", source[1], source[2], digest)


def restore_ruleset(kind, data, name, digest, languages=()):
    """The rule set a pickle names: loaded again (once per process), its digest and languages checked."""
    key = (kind, name, digest)
    rules = _loaded.get(key)
    if rules is not None and rules._ptr is not None:
        return rules
    from ._errors import RulesetError
    from ._ruleset import Ruleset
    rules = Ruleset.default() if kind == "default" else Ruleset.from_string(data, name)
    if rules.sha256 != digest:
        raise RulesetError("%s: SHA-256 %s where the pickle says %s; expected the same rule set in every process "
                           "(is the library's built-in rule set another version here?)" % (
                               name or "the built-in rule set", rules.sha256, digest), "semantic")
    have = tuple(getattr(rules, "languages", ()))
    if languages and have != tuple(languages):
        # a file's translations (FILE.de.xml beside FILE.xml) are files of their own, not in the pickle
        raise RulesetError("%s: speaks %s here where the pickled rule set spoke %s; expected the same languages "
                           "(a pickle carries the rule set's XML, not the translation files beside it)" % (
                               name or "the built-in rule set", ", ".join(have) or "none",
                               ", ".join(languages)), "semantic")
    _loaded[key] = rules
    return rules
