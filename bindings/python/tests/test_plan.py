"""Planning one profile: the plan's content and its outputs."""

import datetime
import gc
import json
import weakref

import pytest

import limber
from conftest import EXAMPLES


def test_issue_example(rules, flex):
    plan = rules.plan(flex, start="2026-11-24", days=7, seed=1)
    assert plan.status == "ok" and plan.referral is None
    assert plan.advisories and all(isinstance(a, str) for a in plan.advisories)
    assert len(plan.days) == 7 and plan.days[0].date == datetime.date(2026, 11, 24)
    item = plan.days[0].items[0]
    assert isinstance(item.exercise, limber.Exercise)
    assert item.exercise is rules.exercise(item.exercise.id)
    d = plan.to_dict()
    assert d["seed"] == 1 and d["goal"] == "flexibility" and d["start"] == "2026-11-24"
    assert d["days"][0]["items"][0]["exercise"] == item.exercise.id
    assert json.loads(plan.to_json()) == d


def test_items_match_the_json(rules, stiff_back):
    plan = rules.plan(stiff_back, start="2026-11-24", seed=3)
    d = plan.to_dict()
    for day, jday in zip(plan.days, d["days"]):
        assert (day.date.isoformat(), day.rest, len(day.items)) == (jday["date"], jday["rest"], len(jday["items"]))
        assert round(day.minutes, 1) == jday["minutes"]
        for item, j in zip(day.items, jday["items"]):
            assert (item.exercise.id, item.name, item.slot, item.step) == (j["exercise"], j["name"], j["slot"], j["step"])
            assert (item.sets, item.reps, item.hold_s, item.duration_s) == (j["sets"], j["reps"], j["hold_s"], j["duration_s"])
            assert (item.emphasis_side, item.emphasis_extra_sets) == (j["emphasis_side"], j["emphasis_extra_sets"])
            assert item.per_side == j["per_side"] and round(item.seconds) == j["seconds"]
            assert [{"rule": r, "effect": e} for r, e in item.reasons] == j["why"]
    assert plan.rules_fired == tuple(d["rules_fired"]) and plan.facts == d["facts"]


def test_same_inputs_same_plan(rules, stiff_back):
    a = rules.plan(stiff_back, start="2026-11-24", seed=7)
    b = rules.plan(json.dumps(stiff_back), start=datetime.date(2026, 11, 24), seed=7)
    c = rules.plan(limber.Profile.from_dict(stiff_back, rules), start="2026-11-24", seed=7)
    assert a.to_json() == b.to_json() == c.to_json()


def test_referral(rules, emergency):
    plan = rules.plan(emergency, start="2026-11-24")
    assert plan.status == "referral" and plan.outcome == "emergency"
    assert plan.referral.outcome == "emergency" and plan.referral.message and plan.referral.flags
    assert all(not day.items for day in plan.days)
    assert "EMERGENCY" in plan.to_text()


def test_outputs(rules, flex):
    plan = rules.plan(flex, start="2026-11-24", days=3, seed=2)
    assert len(plan.days) == 3
    assert plan.to_xml().startswith("<?xml") and "<plan " in plan.to_xml()
    assert str(plan) == plan.to_text() and "Stretching plan" in plan.to_text()
    assert plan.to_json(pretty=True).startswith("{\n  ")


def test_dataframe(rules, flex):
    pd = pytest.importorskip("pandas")
    plan = rules.plan(flex, start="2026-11-24", seed=1)
    df = plan.to_dataframe()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == sum(len(d.items) for d in plan.days)
    assert list(df.exercise) == [i.exercise.id for _, i in plan.items()]
    summary = limber.plans_frame([plan])
    assert summary.status[0] == "ok" and summary["items"][0] == len(df)


def test_options_errors(rules, flex):
    with pytest.raises(limber.OptionsError) as e:
        rules.plan(flex, start="2026-02-30")
    assert e.value.code == "options"
    with pytest.raises(limber.OptionsError):
        rules.plan(flex, days=29)
    with pytest.raises(limber.OptionsError):
        rules.plan(flex, days=-1)


def test_profile_objects(rules, stiff_back):
    p = limber.Profile.from_dict(stiff_back, rules)
    assert p.age == 45 and p.goal == "recovery" and p.minutes_per_day == 15
    assert p.name.startswith("Sam") and p.n_sessions == 3
    assert p.to_dict()["answers"]["startback-bothersome"] == "moderately"
    q = p.copy()
    q.goal = "performance"
    q.age = 30
    q.name = None
    assert (q.goal, q.age, q.name, p.goal) == ("performance", 30, None, "recovery")
    with pytest.raises(ValueError):
        q.goal = "strength"
    built = limber.Profile()
    built.goal = "flexibility"
    built.minutes_per_day = 20
    built.no_floor = True
    built.set_equipment(["chair", "strap"])
    built.avoid_region("shoulder")
    built.answer("pain-today", 3)
    built.answer("leg-pain-radiating", False)
    built.measure("hip.internal-rotation", left=25, right=40)
    built.add_session("2026-11-20", "pelvic-tilts", sets=1, reps=5, hold_s=5, discomfort=2)
    built.validate(rules)
    d = built.to_dict()
    assert d["constraints"] == {"no_floor": True, "equipment": ["chair", "strap"], "avoid_regions": ["shoulder"]}
    assert d["history"][0]["discomfort"] == 2 and "discomfort_next_day" not in d["history"][0]
    plan = rules.plan(built, start="2026-11-24")
    assert all(i.exercise.position not in ("floor", "kneeling") for _, i in plan.items())
    assert limber.Profile.from_json(built.to_json(), rules).to_json() == built.to_json()
    assert limber.Profile.load(EXAMPLES / "stiff-back.json", rules).to_json() == p.to_json()
    with built:
        pass
    with pytest.raises(ValueError):
        built.to_json()


def test_profile_xml(rules):
    xml = '<profile age="33" goal="performance"><scan measure="hip.flexion" left="100" right="110"/></profile>'
    p = limber.Profile.from_xml(xml, rules)
    assert (p.age, p.goal) == (33, "performance")


def test_plan_context_manager_keeps_read_days(rules, flex):
    with rules.plan(flex, start="2026-11-24") as plan:
        days = plan.days
    assert days[0].items and "closed" in repr(plan)
    with pytest.raises(ValueError):
        plan.to_json()


def test_a_plan_keeps_its_rule_set_alive_and_no_longer(flex):
    rules = limber.Ruleset.default()
    ref = weakref.ref(rules)
    plan = rules.plan(flex, start="2026-11-24")
    del rules
    gc.collect()
    assert ref() is not None and plan.days[0].items[0].exercise.name
    assert plan.ruleset.id == "default"
    del plan
    gc.collect()
    assert ref() is None
