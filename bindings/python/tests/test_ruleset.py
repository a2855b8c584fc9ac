"""Rule sets: loading, what they hold, lifetime."""

import pytest

import limber
from conftest import REPO


def test_default_rule_set_properties(rules):
    assert rules.id == "default"
    assert rules.version
    assert len(rules.sha256) == 64 and int(rules.sha256, 16) >= 0
    assert rules.n_rules > 0
    assert "default" in repr(rules)


def test_exercises_questions_measures_are_records(rules):
    assert len(rules.exercises) == rules.n_exercises > 0
    ex = rules.exercises[0]
    assert isinstance(ex, limber.Exercise)
    assert ex.id and ex.name and ex.instructions and isinstance(ex.instructions, tuple)
    assert ex.position in {"standing", "seated", "kneeling", "floor", "wall"}
    assert 1 <= ex.level <= 5 and isinstance(ex.per_side, bool)
    assert len(ex.steps) == ex.n_steps >= 1 and isinstance(ex.steps[0], limber.Dose)
    assert rules.exercise(ex.id) is ex and str(ex) == ex.id
    q = rules.questions[0]
    assert q.kind in {"yes-no", "scale", "choice"} and q.text
    assert q.red_flag_outcome in {"none", "caution", "see-clinician", "emergency"}
    assert all(c.choices for c in rules.questions if c.kind == "choice")
    assert all(c.max > c.min for c in rules.questions if c.kind == "scale")
    m = rules.measure("hip.internal-rotation")
    assert m.unit == "deg" and m.sided is True and m.min < m.normal <= m.max
    assert {e.id for e in rules.exercises} == {e["id"] for e in rules.describe()["exercises"]}
    with pytest.raises(KeyError):
        rules.exercise("no-such-exercise")


def test_records_are_documented_from_the_headers():
    assert "display name" in limber.Exercise.name.__doc__
    assert "limber_exercise_get_name" in limber.Exercise.name.__doc__
    assert "SHA-256" in limber.Ruleset.sha256.__doc__
    assert "Sets" in limber.Dose.sets.__doc__


def test_load_and_from_string_agree(rules):
    path = REPO / "rules" / "default.xml"
    loaded = limber.Ruleset.load(path)
    again = limber.Ruleset.from_string(path.read_bytes(), name="default.xml")
    assert loaded.sha256 == again.sha256 == rules.sha256
    assert [e.id for e in loaded.exercises] == [e.id for e in rules.exercises]


def test_describe_and_text(rules):
    d = rules.describe()
    assert d["id"] == "default" and d["sha256"] == rules.sha256
    assert set(rules.goals) == {"recovery", "flexibility", "performance"}
    assert rules.id in rules.to_text()
    assert rules.to_json(pretty=True).startswith("{\n")


def test_context_manager_closes_but_plans_survive(flex):
    with limber.Ruleset.default() as rules:
        plan = rules.plan(flex, start="2026-11-24")
    assert "closed" in repr(rules)
    with pytest.raises(ValueError):
        rules.id
    # the plan holds its own reference to the C rule set
    assert plan.days[0].items[0].exercise.name
    assert plan.to_dict()["ruleset"]["id"] == "default"


def test_a_compiled_rule_set_loads_and_plans_as_its_xml(rules, stiff_back, tmp_path):
    path = tmp_path / "default.limberc"
    rules.write_compiled(path)
    compiled = limber.Ruleset.load(path)
    assert compiled.sha256 == rules.sha256 and compiled.to_json() == rules.to_json()
    a = rules.plan(stiff_back, start="2026-11-24", seed=3)
    b = compiled.plan(stiff_back, start="2026-11-24", seed=3)
    assert a.to_json() == b.to_json()
    # pickled by its file, as a rule set loaded from XML is
    import pickle
    assert pickle.loads(pickle.dumps(compiled)).sha256 == rules.sha256
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 1
    with pytest.raises(limber.RulesetError, match="SHA-256 does not match"):
        limber.Ruleset.from_string(bytes(damaged), name="damaged.limberc")
    with pytest.raises(limber.RulesetError, match="cannot write"):
        rules.write_compiled(tmp_path / "no-such-dir" / "x.limberc")
