"""Values as Python users expect them: enums, dates, equal items, errors of the right class, pickling, tables."""

import datetime
import json
import pickle

import pytest

import limber
from conftest import EXAMPLES, FLEX, REPO

START = datetime.date(2026, 11, 24)


@pytest.fixture(scope="module")
def plan(rules):
    return rules.plan(FLEX, start=START, seed=1)


# -- named values ---------------------------------------------------------
def test_status_outcome_goal_and_side_are_enums_equal_to_their_old_strings(rules, plan, emergency):
    assert plan.status is limber.Status.OK and plan.status == "ok"
    assert plan.outcome is limber.Outcome.NONE and plan.goal is limber.Goal.FLEXIBILITY
    referred = rules.plan(emergency, start=START)
    assert referred.status is limber.Status.REFERRAL and referred.referral.outcome is limber.Outcome.EMERGENCY
    # they print, format, hash and serialise as the strings the formats use
    assert str(limber.Outcome.SEE_CLINICIAN) == "see-clinician" and f"{limber.Status.NO_EXERCISES}" == "no-exercises"
    assert {"ok": 1}[plan.status] == 1 and json.dumps([plan.status]) == '["ok"]'
    sides = {item.emphasis_side for _, item in rules.plan(
        json.loads((EXAMPLES / "athlete-tight-left-hip.json").read_text()), start=START).items()}
    assert sides <= {None, limber.Side.LEFT, limber.Side.RIGHT} and sides & {limber.Side.LEFT, limber.Side.RIGHT}


def test_enums_match_the_c_enums_they_stand_for():
    from limber._reflect import enum_names
    for cname, py in (("LimberPlanStatus", limber.Status), ("LimberOutcome", limber.Outcome),
                      ("LimberGoal", limber.Goal), ("LimberSide", limber.Side), ("LimberResponse", limber.Response)):
        assert [m.value for m in py] == [enum_names(cname)[v] for v in sorted(enum_names(cname))], cname


def test_profile_goal_is_a_goal_and_takes_one():
    p = limber.Profile()
    p.goal = limber.Goal.PERFORMANCE
    assert p.goal is limber.Goal.PERFORMANCE and p.goal == "performance"


# -- dates ----------------------------------------------------------------
def test_dates_are_dates_in_and_out(rules, plan):
    assert plan.start == START and isinstance(plan.start, datetime.date)
    assert [d.date for d in plan.days] == [START + datetime.timedelta(days=k) for k in range(7)]
    assert rules.plan(FLEX, start="2026-11-24", seed=1).to_json() == plan.to_json()
    frame = plan.to_dataframe()
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["date"].iloc[0].date() == START


def test_a_start_that_is_neither_a_date_nor_text_is_a_type_error(rules):
    with pytest.raises(TypeError, match="start: 20261124 is not a date"):
        rules.plan(FLEX, start=20261124)


# -- values compare as values -----------------------------------------------
def test_identical_items_and_doses_are_equal_and_hash_alike(rules, plan):
    again = rules.plan(FLEX, start=START, seed=1)
    a, b = plan.days[0].items[0], again.days[0].items[0]
    assert a is not b and a == b and hash(a) == hash(b) and a.dose == b.dose and hash(a.dose) == hash(b.dose)
    assert len({item for _, item in plan.items()} | {item for _, item in again.items()}) == \
        len({item for _, item in plan.items()})
    assert plan.days == again.days
    assert plan.days[0].items[0] != plan.days[0].items[1]


# -- bad arguments ----------------------------------------------------------
@pytest.mark.parametrize("seed", [-1, 2 ** 64])
def test_a_seed_out_of_range_is_a_value_error_not_a_wrapped_number(rules, seed):
    with pytest.raises(ValueError, match="seed: .* is out of range; expected a whole number from 0 to 2\\*\\*64 - 1"):
        rules.plan(FLEX, seed=seed)
    with pytest.raises(ValueError, match="seed"):
        rules.plan_many([FLEX], seed=seed)
    with pytest.raises(ValueError, match="seed"):
        rules.coverage(population=1, seed=seed)


def test_the_largest_seed_is_planned(rules):
    assert rules.plan(FLEX, start=START, seed=2 ** 64 - 1).seed == 2 ** 64 - 1


@pytest.mark.parametrize("days", [0, 29, -3])
def test_days_out_of_range_are_value_errors(rules, days):
    with pytest.raises(ValueError, match="days"):
        rules.plan(FLEX, days=days)


def test_a_bad_start_is_a_value_error(rules):
    with pytest.raises(ValueError, match="2026-02-30"):
        rules.plan(FLEX, start="2026-02-30")


# -- files --------------------------------------------------------------------
def test_a_missing_rule_file_is_file_not_found_and_still_a_ruleset_error(tmp_path):
    missing = tmp_path / "nope.xml"
    with pytest.raises(FileNotFoundError) as e:
        limber.Ruleset.load(missing)
    assert isinstance(e.value, limber.RulesetError) and e.value.code == "io"
    assert e.value.filename == str(missing) and e.value.errno == 2 and str(missing) in str(e.value)


def test_a_directory_given_as_a_profile_file_is_is_a_directory_error(tmp_path):
    with pytest.raises(IsADirectoryError) as e:
        limber.Profile.load(tmp_path)
    assert isinstance(e.value, limber.ProfileError) and e.value.filename == str(tmp_path)


def test_a_bad_rule_file_is_not_an_os_error(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<ruleset>")
    with pytest.raises(limber.RulesetError) as e:
        limber.Ruleset.load(bad)
    assert not isinstance(e.value, OSError) and e.value.code == "parse"


# -- Profile(dict) -------------------------------------------------------------
def test_profile_from_a_dict_or_json(rules, stiff_back):
    p = limber.Profile(stiff_back)
    assert p.age == stiff_back["age"] and p.goal == stiff_back["goal"]
    assert limber.Profile(json.dumps(stiff_back)).to_json() == p.to_json()
    assert rules.plan(p, start=START).to_json() == rules.plan(stiff_back, start=START).to_json()
    with pytest.raises(limber.ProfileError) as e:
        limber.Profile({"goal": "flexibility", "minutes_per_day": -5})
    assert e.value.field == "minutes_per_day"


# -- pickling -------------------------------------------------------------------
def test_rule_sets_pickle_by_content(tmp_path):
    xml = (REPO / "rules" / "default.xml").read_text()
    path = tmp_path / "copy.xml"
    path.write_text(xml)
    loaded = (limber.Ruleset.default(), limber.Ruleset.load(path), limber.Ruleset.from_string(xml, "mine.xml"))
    pickles = [pickle.dumps(rules) for rules in loaded]
    path.unlink()  # a process without the file loads it from the pickle
    for rules, data in zip(loaded, pickles):
        back = pickle.loads(data)
        assert (back.id, back.version, back.sha256) == (rules.id, rules.version, rules.sha256)
        assert pickle.loads(data) is back  # loaded once per process while in use


def test_a_rule_file_changed_since_loading_does_not_pickle(tmp_path):
    path = tmp_path / "rules.xml"
    path.write_text((REPO / "rules" / "default.xml").read_text())
    rules = limber.Ruleset.load(path)
    path.write_text(path.read_text().replace('version="1.0.0"', 'version="1.0.1"', 1))
    with pytest.raises(limber.RulesetError, match="changed since it was loaded"):
        pickle.dumps(rules)


def test_a_rule_file_with_translations_beside_it_does_not_unpickle_without_them(tmp_path):
    # a copy of the default rules with their translations beside them (default.de.xml, default.es.xml)
    for name in ("default.xml", "default.de.xml", "default.es.xml"):
        (tmp_path / name).write_bytes((REPO / "rules" / name).read_bytes())
    rules = limber.Ruleset.load(tmp_path / "default.xml")
    assert len(rules.languages) > 1
    data = pickle.dumps(rules)
    # where the pickle is read (a worker on another machine) the translation files are not there
    (tmp_path / "default.de.xml").unlink()
    (tmp_path / "default.es.xml").unlink()
    with pytest.raises(limber.RulesetError, match="not the translation files beside it"):
        pickle.loads(data)


def test_plans_round_trip_through_pickle(rules, plan, emergency):
    for original in (plan, rules.plan(emergency, start=START)):
        back = pickle.loads(pickle.dumps(original))
        assert back.to_json() == original.to_json() and back.to_dict() == original.to_dict()
        assert back.days == original.days and back.status is original.status and back.outcome is original.outcome
        assert (back.seed, back.n_days, back.advisories, back.facts, back.rules_fired, back.start, back.referral) == \
            (original.seed, original.n_days, original.advisories, original.facts, original.rules_fired,
             original.start, original.referral)
        assert back.ruleset.sha256 == rules.sha256
        assert limber.items_frame([back]).equals(limber.items_frame([original]))
    with pytest.raises(ValueError, match="unpickled"):
        back.to_text()
    assert "unpickled" in str(back)


def test_profiles_pickle_as_their_json(stiff_back):
    p = limber.Profile(stiff_back)
    assert pickle.loads(pickle.dumps(p)).to_json() == p.to_json()
    # read back against the rule set it was read against
    rules = limber.Ruleset.from_string((REPO / "rules" / "default.xml").read_text(), "mine.xml")
    assert pickle.loads(pickle.dumps(limber.Profile(stiff_back, rules)))._rules.sha256 == rules.sha256


# -- notebooks and tables ---------------------------------------------------------
def test_a_plan_shows_its_handout_in_a_notebook(plan):
    out = plan._repr_html_()
    assert out.lstrip().startswith("<!DOCTYPE html>") and "Seated Hip Circles" in out


def test_tables_in_pandas_and_arrow_agree(rules, stiff_back, emergency):
    plans = rules.plan_many([FLEX, stiff_back, emergency], start=START, seed=3)
    items = limber.items_frame(plans)
    table = limber.items_frame(plans, library="arrow")
    assert table.num_rows == len(items) and table.column_names == list(items.columns)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert table.column("date").to_pylist()[0] == START
    assert table.column("exercise").to_pylist() == list(items["exercise"])
    summary = limber.plans_frame(plans)
    assert list(summary["status"]) == ["ok", "ok", "referral"]
    assert limber.plans_frame(plans, library="arrow").column("status").to_pylist() == ["ok", "ok", "referral"]
    facts = limber.facts_frame(plans)
    first = facts[facts["plan"] == 0]
    assert list(first["kind"]) == ["deficit", "asymmetry", "score"]
    assert first.iloc[1][["id", "difference", "tighter"]].tolist() == ["hip.internal-rotation", 15.0, "left"]
    assert limber.facts_frame(plans, library="arrow").num_rows == len(facts)
    with pytest.raises(ValueError, match="library: 'excel'"):
        limber.items_frame(plans, library="excel")


def test_polars_tables_hold_the_arrow_rows(rules, stiff_back, emergency):
    import polars
    plans = rules.plan_many([FLEX, stiff_back, emergency], start=START, seed=3)
    for make in (limber.items_frame, limber.plans_frame, limber.facts_frame):
        frame = make(plans, library="polars")
        assert isinstance(frame, polars.DataFrame)
        assert frame.to_dicts() == make(plans, library="arrow").to_pylist()
    items = limber.items_frame(plans, library="polars")
    assert items.schema["date"] == polars.Date and items["date"][0] == START
    assert plans[0].to_dataframe("polars").height == sum(len(d.items) for d in plans[0].days)


def test_empty_tables_have_their_columns_and_types():
    assert limber.items_frame([], library="arrow").schema.field("date").type == "date32[day]"
    assert list(limber.items_frame([]).columns)[:3] == ["plan", "day", "date"]
