"""Shared fixtures: the repository, the default rule set, example profiles."""

import json
import os
import pathlib

import pytest

import limber

# pytester runs pytest inside the tests (for limber.pytest_plugin).
pytest_plugins = ["pytester"]

REPO = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "profiles"
TEST_DATA = REPO / "tests" / "data"
CASES = REPO / "rules" / "tests"

# A small profile of the example: flexibility, one asymmetric scan.
FLEX = {"goal": "flexibility", "minutes_per_day": 15,
        "scan": [{"measure": "hip.internal-rotation", "left": 25, "right": 40}]}


@pytest.fixture(scope="session")
def rules():
    return limber.Ruleset.default()


@pytest.fixture(scope="session")
def stiff_back():
    return json.loads((EXAMPLES / "stiff-back.json").read_text())


@pytest.fixture(scope="session")
def emergency():
    return json.loads((EXAMPLES / "emergency.json").read_text())


@pytest.fixture
def flex():
    return json.loads(json.dumps(FLEX))


# A case that fails against the default rules: pain-today-high starts at 6.
FAILING_CASE = """<?xml version="1.0" encoding="UTF-8"?>
<testcase id="deliberately-failing">
  <description>Pain today 5 is expected to fire pain-today-high, which starts at 6.</description>
  <options start="2026-01-05" seed="1"/>
  <profile-json>{"goal": "performance", "answers": {"pain-today": 5}}</profile-json>
  <expect>
    <status is="ok"/>
    <fired rule="pain-today-high"/>
  </expect>
</testcase>
"""
FAILING_LINE = 8


@pytest.fixture(scope="session")
def inverted_rules(tmp_path_factory):
    """A copy of the default rules with pain-today-high's threshold inverted (docs/rule-testing.md's example)."""
    xml = (REPO / "rules" / "default.xml").read_text()
    # only pain-today-high's own condition: other rules test the same answer
    old = '<when><answer question="pain-today" at-least="6"/></when>'
    assert xml.count(old) == 1
    path = tmp_path_factory.mktemp("rules") / "inverted.xml"
    path.write_text(xml.replace(old, '<when><answer question="pain-today" at-most="6"/></when>'))
    return path


# scripts/python-dist.sh runs these tests against a repaired wheel installed
# in a fresh venv: make sure that is the limber they test.
if os.environ.get("LIMBER_EXPECT_PREFIX"):
    assert pathlib.Path(limber.__file__).resolve().is_relative_to(
        pathlib.Path(os.environ["LIMBER_EXPECT_PREFIX"]).resolve()), limber.__file__
