"""The package is typed: its stubs match the package, mypy --strict passes on them and on correct use,
and reports misuse."""

import ast
import enum
import inspect
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import limber
import limber.dask
from conftest import REPO

PACKAGE = pathlib.Path(limber.__file__).resolve().parent
TYPING = pathlib.Path(__file__).resolve().parent / "typing"
NOTEBOOK = REPO / "examples" / "notebooks" / "rule-testing.ipynb"
# Methods a build may leave out (render.h, lint.h are optional modules of the library).
OPTIONAL = {("Plan", "render"), ("Ruleset", "lint")}
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<kind>error|note): (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$")


def mypy(*args, cwd):
    """Runs mypy --strict; the limber under test is found as the tests import it."""
    env = dict(os.environ)
    where = str(PACKAGE.parent)
    if "site-packages" not in where:  # a build tree: mypy refuses site-packages in MYPYPATH
        env["MYPYPATH"] = where
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--show-error-codes",
                           "--no-error-summary", "--hide-error-context", "--python-executable", sys.executable,
                           *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    errors = [m.groupdict() for m in map(LINE.match, proc.stdout.splitlines()) if m and m["kind"] == "error"]
    return proc, errors


def test_the_stubs_and_the_dask_helper_pass_mypy_strict(tmp_path):
    files = ["__init__.pyi", "lowlevel.pyi", "dask.py", "py.typed"]
    # checked as a copy: in site-packages, mypy would take the whole site-packages for the source root
    (tmp_path / "limber").mkdir()
    for name in files:
        shutil.copy(PACKAGE / name, tmp_path / "limber" / name)
    proc, errors = mypy(*["limber/" + f for f in files[:-1]], cwd=tmp_path)
    assert proc.returncode == 0 and not errors, proc.stdout + proc.stderr


def test_correct_use_passes_and_misuse_is_reported(tmp_path):
    proc, errors = mypy(str(TYPING / "correct.py"), cwd=REPO)
    assert proc.returncode == 0 and not errors, proc.stdout + proc.stderr
    misuse = TYPING / "misuse.py"
    expected = {(n, m.group(1)) for n, line in enumerate(misuse.read_text().splitlines(), 1)
                if (m := re.search(r"# expect: ([\w-]+)", line))}
    proc, errors = mypy(str(misuse), cwd=REPO)
    got = {(int(e["line"]), e["code"]) for e in errors}
    assert got == expected, proc.stdout
    messages = {int(e["line"]): e["message"] for e in errors}
    assert 'Argument 1 to "plan" of "Ruleset" has incompatible type "int"' in messages[8]
    assert 'expression has type "str", variable has type "int"' in messages[9]


def test_the_notebook_code_passes_mypy_strict(tmp_path):
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    code = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    # IPython's magics are not Python; pandas ships no types (pandas-stubs is another package), so its
    # objects are Any: everything limber, numpy and matplotlib return is checked
    code = "\n".join(line for line in code.splitlines() if not line.startswith("%"))
    (tmp_path / "notebook.py").write_text(code + "\n")
    proc, errors = mypy("--disable-error-code", "import-untyped", "notebook.py", cwd=tmp_path)
    assert proc.returncode == 0 and not errors, proc.stdout + proc.stderr


# -- the stubs say what the package has ---------------------------------------------------
def _stub():
    tree = ast.parse((PACKAGE / "__init__.pyi").read_text())
    classes, top = {}, set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = {}
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    members.setdefault(item.name, []).append(item)
                elif isinstance(item, ast.AnnAssign):
                    members.setdefault(item.target.id, [])
                elif isinstance(item, ast.Assign):
                    for t in item.targets:
                        members.setdefault(t.id, [])
            bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
            classes[node.name] = (members, bases)
            top.add(node.name)
        elif isinstance(node, (ast.FunctionDef, ast.AnnAssign, ast.Assign, ast.ImportFrom)):
            names = ([node.name] if isinstance(node, ast.FunctionDef) else
                     [node.target.id] if isinstance(node, ast.AnnAssign) else
                     [a.asname or a.name for a in node.names] if isinstance(node, ast.ImportFrom) else
                     [t.id for t in node.targets if isinstance(t, ast.Name)])
            top.update(names)
    return tree, classes, top


def _stub_members(classes, name):
    members, bases = classes[name]
    out = dict(members)
    for base in bases:
        if base in classes:
            for k, v in _stub_members(classes, base).items():
                out.setdefault(k, v)
    return out


_BUILTIN_BASES = (object, tuple, str, Exception, ValueError, OSError, enum.Enum)


def _runtime_members(cls):
    inherited = set()
    for base in _BUILTIN_BASES:
        if issubclass(cls, base):
            inherited |= set(dir(base))
    names = {n for n in dir(cls) if not n.startswith("_") and n not in inherited}
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):
        names |= set(cls._fields)
    return names


def test_every_public_name_is_in_the_stubs():
    _, classes, top = _stub()
    assert set(limber.__all__) <= top, set(limber.__all__) - top
    for name in limber.__all__:
        obj = getattr(limber, name)
        if inspect.isclass(obj):
            missing = _runtime_members(obj) - set(_stub_members(classes, name))
            assert not missing, "%s has %s, which limber/__init__.pyi does not type" % (name, sorted(missing))


def test_every_method_in_the_stubs_exists_with_its_parameters():
    _, classes, _ = _stub()
    for cls_name in classes:
        obj = getattr(limber, cls_name, None)
        if obj is None:
            assert cls_name.startswith("_") or cls_name == "LintFinding", cls_name
            continue
        for member, defs in _stub_members(classes, cls_name).items():
            if not defs or member.startswith("_") or (cls_name, member) in OPTIONAL and not hasattr(obj, member):
                continue
            assert hasattr(obj, member), "limber/__init__.pyi types %s.%s, which limber does not have" % (
                cls_name, member)
            attr = inspect.getattr_static(obj, member)
            if isinstance(attr, property) or not callable(getattr(obj, member)):
                continue
            stub_params = set()
            for d in defs:
                args = d.args
                stub_params |= {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
                stub_params |= {a.arg for a in (args.vararg, args.kwarg) if a}
            runtime = set(inspect.signature(getattr(obj, member)).parameters)
            assert stub_params - {"self", "cls"} == runtime - {"self", "cls"}, "%s.%s" % (cls_name, member)


def test_the_enums_in_the_stubs_have_the_members_of_the_package():
    tree, classes, _ = _stub()
    for name in ("Status", "Outcome", "Goal", "Side", "Response"):
        members, _bases = classes[name]
        assert set(members) == {m.name for m in getattr(limber, name)}, name
