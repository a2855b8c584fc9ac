"""The low-level layer is generated from the headers, and stays in step with them."""

import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig

import pytest

import limber
from limber import lowlevel
from conftest import REPO

CODEGEN = REPO / "bindings" / "python" / "codegen"
sys.path.insert(0, str(CODEGEN))
import generate  # noqa: E402
import headers  # noqa: E402

INCLUDE = REPO / "include"


def declared_functions():
    names = set()
    for h in headers.public_headers(str(INCLUDE)):
        text = re.sub(r"/\*.*?\*/", "", pathlib.Path(h).read_text(), flags=re.S)
        names |= set(re.findall(r"\b(limber_\w+)\s*\(", text))
    return names


def test_every_public_function_is_callable_and_documented():
    names = declared_functions()
    assert "limber_generate" in names and len(names) > 50
    missing = [n for n in sorted(names) if not callable(getattr(lowlevel, n, None))]
    assert not missing
    for n in names:
        doc = getattr(lowlevel, n).__doc__
        assert n + "(" in doc and "(undocumented)" not in doc, n  # the prototype and comment from the header
    assert "Generates a plan." in lowlevel.limber_generate.__doc__
    assert "limber_generate" in dir(lowlevel)


def test_lowlevel_raises_instead_of_gerror():
    with pytest.raises(limber.Error) as e:
        lowlevel.limber_ruleset_new_from_data(b"<x/>", -1, b"x.xml")
    assert e.value.file == "x.xml"
    rules = lowlevel.ffi.gc(lowlevel.limber_ruleset_new_default(), lowlevel.lib.limber_ruleset_unref)
    assert lowlevel.ffi.string(lowlevel.limber_ruleset_get_id(rules)) == b"default"
    assert lowlevel.LIMBER_VERSION_MAJOR == int(limber.__version__.split(".")[0])
    assert limber.library_version() == limber.__version__


def test_constants_and_enums_come_from_the_headers():
    assert lowlevel.LIMBER_PLAN_REFERRAL == 1
    assert lowlevel.lib.LIMBER_ERROR_PROFILE > 0


def make_include(tmp_path, extra=""):
    inc = tmp_path / "include"
    shutil.copytree(INCLUDE, inc)
    if extra:
        (inc / "limber" / "extra.h").write_text(extra)
    return inc


EXTRA = """/**
 * @file limber/extra.h
 * @brief A header that did not exist when the binding was written.
 */
#ifndef LIMBER_EXTRA_H
#define LIMBER_EXTRA_H
#include <glib.h>
G_BEGIN_DECLS
#pragma GCC visibility push(default)
/**
 * @brief Answers everything.
 * @param question the question, or NULL.
 * @return 42.
 */
G_GNUC_CONST unsigned limber_extra_answer(const char *question) G_GNUC_WARN_UNUSED_RESULT;
#pragma GCC visibility pop
G_END_DECLS
#endif
"""


def test_a_new_header_needs_no_edit_in_bindings(tmp_path):
    inc = make_include(tmp_path, EXTRA)
    out = tmp_path / "out"
    out.mkdir()
    generate.main(["--include", str(inc), "--out-c", str(out / "_native.c"), "--out-docs", str(out / "_docs.py"),
                   "--out-cdef", str(out / "cdef.h")])
    cdef = (out / "cdef.h").read_text()
    assert "unsigned limber_extra_answer(const char *question);" in " ".join(cdef.split())
    assert "#pragma" not in cdef and "__attribute__" not in cdef
    assert "G_DEFINE_AUTOPTR" not in cdef and "glib_autoptr" not in cdef  # autocleanups.h is skipped
    assert "#include <limber/extra.h>" in (out / "_native.c").read_text()
    docs = {}
    exec((out / "_docs.py").read_text(), docs)
    assert "Answers everything." in docs["DOCSTRINGS"]["limber_extra_answer"]
    assert docs["FILES"]["extra.h"]["brief"].startswith("A header that did not exist")


def test_a_header_mismatch_is_a_compile_error(tmp_path):
    """The generated C is compiled against the headers: change one and it no longer builds."""
    out = tmp_path / "out"
    out.mkdir()
    generate.main(["--include", str(INCLUDE), "--out-c", str(out / "_native.c"), "--out-docs", str(out / "d.py")])
    flags = ["-fsyntax-only", "-I" + sysconfig.get_paths()["include"]] + headers.glib_cflags()
    cc = ["cc", str(out / "_native.c")] + flags + ["-Werror=incompatible-pointer-types"]
    assert subprocess.run(cc + ["-I" + str(INCLUDE)], capture_output=True).returncode == 0
    changed = make_include(tmp_path)
    plan_h = changed / "limber" / "plan.h"
    plan_h.write_text(plan_h.read_text().replace(
        "LimberPlan *limber_generate(const LimberRuleset *ruleset,",
        "LimberPlan *limber_generate(const LimberProfile *ruleset,"))
    proc = subprocess.run(cc + ["-I" + str(changed)], capture_output=True, text=True)
    assert proc.returncode != 0 and "limber_generate" in proc.stderr
