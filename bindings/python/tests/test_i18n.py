"""Plans in a language (docs/i18n.md): lang= on plan(), plan_many() and
describe(); the text a person reads changes, ids and numbers do not."""

import json

import pytest

import limber


def test_the_built_in_rules_speak_three_languages(rules):
    assert rules.languages == ("en", "de", "es")


def test_a_german_plan(rules, stiff_back):
    plan = rules.plan(stiff_back, start="2026-01-05", lang="de")
    assert plan.language == "de"
    item = plan.days[0].items[0]
    assert item.exercise.id == "hip-circles" and item.name == "Hüftkreisen"
    assert item.exercise.name == "Hip Circles"  # the catalogue is the rule set's, in English
    assert "Beginn: Mo., 5. Jan. 2026" in plan.to_text()
    d = plan.to_dict()
    assert d["days"][0]["items"][0]["name"] == "Hüftkreisen"
    assert json.loads(plan.to_json())["days"][0]["items"][0]["name"] == "Hüftkreisen"


def test_ids_and_numbers_do_not_change_with_the_language(rules, stiff_back):
    en = rules.plan(stiff_back, start="2026-01-05").to_dict()
    es = rules.plan(stiff_back, start="2026-01-05", lang="es").to_dict()
    assert en["rules_fired"] == es["rules_fired"] and en["facts"] == es["facts"]
    for a, b in zip(en["days"], es["days"]):
        assert (a["date"], a["rest"], a["minutes"]) == (b["date"], b["rest"], b["minutes"])
        for x, y in zip(a["items"], b["items"]):
            assert {k: v for k, v in x.items() if k not in ("name", "explanation")} == \
                   {k: v for k, v in y.items() if k not in ("name", "explanation")}


def test_plan_many_plans_in_the_language_as_plan_does(rules, stiff_back):
    many = rules.plan_many([stiff_back, stiff_back], start="2026-01-05", lang="es", threads=2)
    one = rules.plan(stiff_back, start="2026-01-05", lang="es")
    assert [p.to_json() for p in many] == [one.to_json()] * 2
    assert many[0].days[0].items[0].name == "Círculos de cadera"
    docs = rules.plan_many([stiff_back], start="2026-01-05", lang="es", output="json")
    assert json.loads(docs[0])["days"][0]["items"][0]["name"] == "Círculos de cadera"


def test_describe_in_a_language(rules):
    de = rules.describe(lang="de")
    en = rules.describe()
    assert [e["id"] for e in de["exercises"]] == [e["id"] for e in en["exercises"]]
    names = {e["id"]: e["name"] for e in de["exercises"]}
    assert names["hip-circles"] == "Hüftkreisen"
    assert rules.describe(lang="en") == en


def test_an_unknown_language_is_an_options_error(rules, stiff_back):
    with pytest.raises(limber.OptionsError, match=r"unknown language 'fr'; expected one of en \(English\), "
                                                  r"de \(German\), es \(Spanish\)"):
        rules.plan(stiff_back, lang="fr")
    with pytest.raises(limber.OptionsError, match="unknown language 'xx'"):
        rules.describe(lang="xx")
