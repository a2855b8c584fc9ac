"""Input limits (issue 16): a profile file is read only up to its limit."""

import pytest

import limber
from conftest import EXAMPLES


def test_a_device_is_refused_at_the_default_limit(rules):
    with pytest.raises(limber.Error) as e:
        limber.Profile.load("/dev/zero", rules)
    assert e.value.code == "io"
    assert "more than 1048576 bytes: too large" in str(e.value)


def test_max_bytes_sets_the_limit(rules):
    with pytest.raises(limber.Error) as e:
        limber.Profile.load(EXAMPLES / "stiff-back.json", rules, max_bytes=100)
    assert "at most 100 bytes" in str(e.value)
    assert limber.Profile.load(EXAMPLES / "stiff-back.json", rules, max_bytes=1 << 20).to_json()
    with pytest.raises(ValueError):
        limber.Profile.load(EXAMPLES / "stiff-back.json", rules, max_bytes=0)
