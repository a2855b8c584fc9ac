"""The package as a user installs it: an sdist made from a read-only checkout, installed with one `pip install`
into a fresh virtual environment outside the repository, plans a week; the build writes nothing into the checkout.

scripts/python-dist.sh does the rest of the distribution check (the wheel, repaired by auditwheel to a manylinux
tag, installed in a fresh venv and tested), which takes minutes more.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv

import pytest

from conftest import REPO

SCRIPT = """
import limber
plan = limber.Ruleset.default().plan({"goal": "flexibility", "minutes_per_day": 15,
    "scan": [{"measure": "hip.internal-rotation", "left": 25, "right": 40}]}, start="2026-11-24", seed=1)
print(plan.status, len(plan.days), limber.__file__)
"""
WHEELHOUSE = REPO / "build" / "python-wheelhouse"


def _pinned(name):
    for line in (REPO / "bindings" / "python" / "requirements-dev.txt").read_text().splitlines():
        if line.startswith(name + "=="):
            return line.strip()
    raise AssertionError("%s is not pinned in requirements-dev.txt" % name)


def _wheelhouse():
    """The build backend's wheels, downloaded from PyPI once into build/ and reused."""
    wanted = [_pinned("scikit-build-core"), _pinned("cffi")]
    have = {p.name.split("-")[0].lower().replace("_", "-") + "==" + p.name.split("-")[1]
            for p in WHEELHOUSE.glob("*.whl")}
    if not all(w.lower() in have for w in wanted):
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
                        "-d", str(WHEELHOUSE), *wanted], check=True, capture_output=True, timeout=600)
    return WHEELHOUSE


def _snapshot(root):
    return sorted((str(p.relative_to(root)), p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*"))


def _read_only_copy(dest):
    def ignore(directory, names):
        top = pathlib.Path(directory) == REPO
        return [n for n in names if n == "__pycache__" or (top and (n.startswith("build") or n in (".venv", ".git")))
                or (directory == str(REPO / "bindings" / "python") and n == "build")]
    shutil.copytree(REPO, dest, ignore=ignore, symlinks=True)
    for path in [dest, *dest.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)


def test_the_two_pyprojects_describe_the_same_package():
    root = tomllib.loads((REPO / "pyproject.toml").read_text())
    bindings = tomllib.loads((REPO / "bindings" / "python" / "pyproject.toml").read_text())
    root["project"]["readme"] = bindings["project"]["readme"]  # each names the README from where it is
    assert root["project"] == bindings["project"]
    assert root["build-system"] == bindings["build-system"]
    for toml in (root, bindings):  # nothing written into the source tree
        assert "build-dir" not in toml["tool"]["scikit-build"]


@pytest.mark.skipif(os.environ.get("LIMBER_SKIP_INSTALL_TEST") == "1", reason="LIMBER_SKIP_INSTALL_TEST=1")
def test_an_sdist_from_a_read_only_checkout_installs_alone_in_a_fresh_venv(tmp_path):
    source = tmp_path / "checkout"
    _read_only_copy(source)
    before = _snapshot(source)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    dist = tmp_path / "dist"
    made = subprocess.run([sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(dist),
                           str(source)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    (sdist,) = dist.glob("limber-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    # the library's sources, headers, rules and CMake travel with the bindings; docs, C tests, benchmarks do not
    for needed in ("CMakeLists.txt", "cmake/LimberConfig.cmake.in", "include/limber.h", "rules/default.xml",
                   "rules/limber-ruleset.xsd", "engine/core/limber.gresource.xml", "bindings/python/CMakeLists.txt",
                   "bindings/python/limber/__init__.pyi", "bindings/python/limber/py.typed"):
        assert needed in names, needed
    for c in sorted(REPO.glob("engine/*/*.[ch]")) + sorted(REPO.glob("include/limber/*.h")):
        assert str(c.relative_to(REPO)) in names, c
    assert not any(n.startswith(("docs/", "bench/", "tests/", "examples/", "build")) for n in names)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # the build backend from the local wheelhouse, as pip's isolated build environment would fetch it
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-index",
         "--find-links", str(_wheelhouse()), str(sdist)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _snapshot(source) == before, "building wrote into the checkout"
    # run from an empty directory with no environment variables pointing anywhere
    run = subprocess.run([str(python), "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    status, days, where = run.stdout.split()
    assert (status, days) == ("ok", "7")
    assert where.startswith(str(env_dir)), "imported from the new environment"
    assert sys.prefix not in where
