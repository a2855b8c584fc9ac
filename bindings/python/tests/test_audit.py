"""Session quality from Python: limber.audit() and Ruleset.audit(), as `limber audit`."""

import json

import pytest

import limber
from conftest import EXAMPLES


def test_a_population_gives_the_figures_of_the_cli(rules):
    a = limber.audit(population=40, seed=3)
    assert isinstance(a, limber.Audit)
    assert a.to_dict() == rules.audit(population=40, seed=3).to_dict()   # the same seed, the same figures
    assert a.to_dict() == rules.audit(population=40, seed=3, threads=1).to_dict()   # whatever the threads
    figures = a.figures
    assert list(figures) == list(limber.Audit.FIGURES)
    assert figures["profiles"] == 40 == a["profiles"]
    assert figures["plans"] + figures["referrals"] == 40
    assert 0 <= figures["fill-under-85"] <= 1 and 0 <= figures["coverage"] <= 1
    assert figures["fill-min"] <= figures["fill-median"] <= figures["fill-max"]
    d = a.to_dict()
    assert d["profiles"] == 40 and d["fill"]["max"] == round(figures["fill-max"], 4)
    assert d["position_changes"]["max"] == figures["changes-max"]
    assert list(d)[:8] == ["format_version", "ruleset", "profiles", "referrals", "plans", "sessions", "empty_sessions",
                           "items"]
    assert a.to_text().startswith("Audit of rule set default ") and str(a) == a.to_text()
    assert repr(a).startswith("<limber.Audit default: 40 profiles, median fill ")
    assert a.passed and a.failures == []
    with pytest.raises(limber.OptionsError):
        limber.audit(population=0)
    with pytest.raises(limber.OptionsError):
        limber.audit(population=5, start="2026-02-30")
    with pytest.raises(ValueError):
        a.figure("no-such-figure")


def test_thresholds_are_named_like_the_cli_options():
    a = limber.audit(population=30, max_changes=0, max_fill=0.01, min_reasons=0.0, min_median_fill=0.0)
    assert not a.passed
    assert len(a.failures) == 2
    # in the order given
    assert a.failures[0].startswith("max_changes: the most position changes in a session is ")
    assert a.failures[1].startswith("max_fill: the greatest fill is ") and a.failures[1].endswith("expected at most 0.01")
    checked = a.to_dict()["thresholds"]
    assert [t["label"] for t in checked] == ["max_changes", "max_fill", "min_reasons", "min_median_fill"]
    assert [t["passed"] for t in checked] == [False, False, True, True]
    with pytest.raises(TypeError, match="unknown threshold 'max_chnages'"):
        limber.audit(population=5, max_chnages=1)
    b = limber.Audit(limber.Ruleset.default()).add_population(10)
    b.add_threshold("fill-median", at_least=0.0, at_most=100)
    b.add_threshold("changes_max", at_most=-1, label="never")
    assert b.failures == [f for f in b.failures if f.startswith("never: ")] and len(b.failures) == 1
    with pytest.raises(ValueError):
        b.add_threshold("gaps")
    with pytest.raises(ValueError):
        b.add_threshold("gaps", at_most=float("nan"))


def test_profiles_files_and_plans_are_measured(rules, stiff_back):
    path = EXAMPLES / "stiff-back.json"
    by_path = limber.audit(profiles=[path, str(path)])
    assert by_path["profiles"] == 2
    by_dict = rules.audit(profiles=stiff_back)
    by_json = rules.audit(profiles=json.dumps(stiff_back))
    plan = rules.plan(stiff_back, start="2026-01-05")
    by_plan = rules.audit(profiles=[plan])
    assert by_dict.to_dict() == by_json.to_dict() == by_plan.to_dict()
    assert by_dict["sessions"] == stiff_back.get("days_per_week", by_dict["sessions"])
    other = limber.Ruleset.load(EXAMPLES.parent.parent / "tests" / "data" / "audit-rules.xml")
    with pytest.raises(ValueError):
        other.audit(profiles=[plan])                  # a plan of another rule set
    with pytest.raises(limber.ProfileError):
        rules.audit(profiles={"goal": "nothing"})      # a profile that does not fit: a hole in the figures


def test_empty_audit_figures_are_none(rules):
    a = limber.Audit(rules)
    assert a["fill-median"] is None and a["profiles"] == 0 and a["coverage"] == 1
    a.add_threshold("fill-median", at_least=0.9)
    assert a.failures == ["fill-median: the median fill is not measured (no plans); expected at least 0.9"]
    assert a.to_dict()["fill"]["median"] is None


def test_a_population_profile_is_the_one_the_report_names(rules):
    a = rules.audit(population=12, seed=4)
    again = limber.Audit(rules)
    for k in range(1, 13):
        p = limber.Audit.population_profile(rules, k, seed=4)
        assert isinstance(p, limber.Profile)
        again.add(p, seed=4 + k - 1)
    assert again.to_dict() == a.to_dict()
    with pytest.raises(limber.OptionsError):
        limber.Audit.population_profile(rules, 0)
