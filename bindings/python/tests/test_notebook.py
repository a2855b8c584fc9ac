"""The rule-testing notebook runs headless, so it cannot rot: the population, and the author's loop (edit a rule
in memory, test cases, coverage, audit, an 8-week simulation with a plot, lint, a camera scan with a plot)."""

import os
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import limber
from conftest import REPO

NOTEBOOK = REPO / "examples" / "notebooks" / "rule-testing.ipynb"


def test_rule_testing_notebook_runs(tmp_path, monkeypatch):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel is this interpreter (jupyter_client's native python3 kernel),
    # started in a scratch directory; it must import the limber under test.
    here = str(pathlib.Path(limber.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("LIMBER_REPO", str(REPO))  # where the notebook finds rules/ and examples/
    client = NotebookClient(nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    except CellExecutionError as e:  # pragma: no cover - the message is the point
        pytest.fail("the notebook failed:\n%s" % e)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    # every step of the author's loop ran and said so
    assert "all properties hold over 10000 profiles" in text
    cases = len(list((REPO / "rules" / "tests").glob("*.xml")))
    assert f"original: {cases} of {cases} cases pass" in text and "pain-today-5" in text and "expected: rule" in text
    assert re.search(r"^  rules +100\.0%", text, re.M) and "\npassed\n" in text and "8 weeks" in text
    assert "the author's loop ran" in text
    # the camera-scan cell read its synthetic straight-leg raise and plotted it
    assert re.search(r"hamstring\.slr left: 6\d\.\d degrees \(true 65\), usable: True", text), text[-400:]
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3
    # the plan shows its handout inline
    assert any("<!DOCTYPE html>" in o.get("data", {}).get("text/html", "") for o in outputs)
