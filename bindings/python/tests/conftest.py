"""Shared fixtures: the repository, the default rule set, example profiles."""

import json
import pathlib

import pytest

import limber

REPO = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "profiles"
TEST_DATA = REPO / "tests" / "data"

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
