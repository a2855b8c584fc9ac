"""Errors carry the message's parts: file, line, column, field, what, expected."""

import pytest

import limber
from conftest import TEST_DATA
from limber._errors import parse_problem


def test_bad_profile_names_the_field(rules):
    with pytest.raises(limber.ProfileError) as e:
        rules.plan({"goal": "recovery", "minutes_per_day": -5})
    err = e.value
    assert err.code == "profile" and err.field == "minutes_per_day"
    assert err.line == 1 and err.column > 1 and err.file == "<memory>"
    assert "out of range" in err.what and "from 5 to 180" in err.expected
    assert isinstance(err, limber.Error) and isinstance(err, ValueError)


def test_unknown_question_and_several_problems(rules):
    with pytest.raises(limber.ProfileError) as e:
        rules.plan({"answers": {"no-such-question": True}, "scan": [{"measure": "hip.flexion", "left": 500, "right": 1}]})
    fields = [p.field for p in e.value.problems]
    assert "answers.no-such-question" in fields and "scan[0].left" in fields
    assert e.value.field == fields[0]


def test_profile_files_name_the_file(rules):
    with pytest.raises(limber.ProfileError) as e:
        limber.Profile.load(TEST_DATA / "profiles" / "negative-minutes.json", rules)
    assert e.value.file.endswith("negative-minutes.json") and e.value.field == "minutes_per_day"


def test_malformed_json_is_a_profile_error(rules):
    with pytest.raises(limber.ProfileError) as e:
        limber.Profile.from_json('{"goal": "recovery" "age": 3}', rules, name="p.json")
    assert e.value.code == "parse" and e.value.file == "p.json" and e.value.line == 1


def test_setter_built_profile_errors_have_no_place(rules):
    p = limber.Profile()
    p.minutes_per_day = -5
    with pytest.raises(limber.ProfileError) as e:
        rules.plan(p)
    assert e.value.field == "minutes_per_day" and e.value.file is None and e.value.line is None


def test_bad_rule_set_xml_names_the_line():
    with pytest.raises(limber.RulesetError) as e:
        limber.Ruleset.from_string("<ruleset>\n  <measures>\n", name="broken.xml")
    err = e.value
    assert err.file == "broken.xml" and err.line >= 2 and err.code == "parse"
    assert "not well-formed XML" in err.what and err.expected.startswith("a limber rule set")


def test_semantic_rule_set_errors():
    with pytest.raises(limber.RulesetError) as e:
        limber.Ruleset.load(TEST_DATA / "invalid" / "several-errors.xml")
    err = e.value
    assert err.code == "semantic" and len(err.problems) == 3
    assert err.field == '<exercise> id="pelvic-tilts"' and err.line == 69 and err.column == 5
    assert err.expected == "each exercise id once"


def test_missing_rule_set_file():
    with pytest.raises(limber.RulesetError) as e:
        limber.Ruleset.load("/nonexistent/rules.xml")
    assert e.value.code == "io"


@pytest.mark.parametrize("line, parts", [
    ("p.json:3:22: minutes_per_day: -5 is out of range; expected a number of minutes from 5 to 180",
     ("p.json", 3, 22, "minutes_per_day", "-5 is out of range", "a number of minutes from 5 to 180")),
    ("minutes_per_day: -5 is out of range; expected a number of minutes from 5 to 180",
     (None, None, None, "minutes_per_day", "-5 is out of range", "a number of minutes from 5 to 180")),
    ('rules.xml:82:13: <deficit> measure="hip.flex": unknown measure; expected an id declared in <measures>',
     ("rules.xml", 82, 13, '<deficit> measure="hip.flex"', "unknown measure", "an id declared in <measures>")),
    ("p.json:3:20: not well-formed JSON: unexpected string; expected a limber profile",
     ("p.json", 3, 20, None, "not well-formed JSON: unexpected string", "a limber profile")),
    ("C:/x/p.json:4:75: history[0].hold: unknown key; expected one of date, exercise",
     ("C:/x/p.json", 4, 75, "history[0].hold", "unknown key", "one of date, exercise")),
])
def test_parse_problem(line, parts):
    assert tuple(parse_problem(line))[:6] == parts


def test_profile_problems_come_from_c_records(rules):
    """A field whose name reads like a message's parts is still the field: the record says so, no parsing."""
    with pytest.raises(limber.ProfileError) as e:
        limber.Profile.from_json('{"age": 300, "answers": {"odd: id; expected x": true}}', rules, name="form.json")
    problems = e.value.problems
    assert [p.text for p in problems] == e.value.message.splitlines()
    by_field = {p.field: p for p in problems}
    assert by_field["age"].what == "300 is out of range"
    assert by_field["age"].expected == "a whole number from 0 to 120"
    assert by_field["age"].file == "form.json" and by_field["age"].line == 1
    odd = by_field["answers.odd: id; expected x"]
    assert odd.what == "unknown question" and odd.line == 1 and odd.column == 26
    assert odd.expected == "one of the rule set's question ids (limber describe lists them)"
    # the message's own line, split by pattern, cannot tell where that field ends
    assert parse_problem(odd.text).field != odd.field


def test_problems_carry_stable_codes_and_suggestions(rules):
    """Each problem says its kind as a code, and a typo of a known id names that id."""
    with pytest.raises(limber.ProfileError) as e:
        limber.Profile.from_json('{"agee": 40, "age": 300, "answers": {"night-pian": true}}', rules, name="form.json")
    by_field = {p.field: p for p in e.value.problems}
    assert by_field["agee"].code == "unknown-key" and by_field["agee"].suggestion == "age"
    assert by_field["age"].code == "out-of-range" and by_field["age"].suggestion is None
    assert by_field["answers.night-pian"].code == "unknown-question"
    assert by_field["answers.night-pian"].suggestion == "night-pain"
    assert by_field["answers.night-pian"].expected.endswith('(did you mean "night-pain"?)')


def test_rule_set_problems_carry_codes():
    with pytest.raises(limber.RulesetError) as e:
        limber.Ruleset.load(TEST_DATA / "invalid" / "several-errors.xml")
    assert [p.code for p in e.value.problems] == ["duplicate", "unknown-measure", "unknown-exercise"]


def test_a_split_message_has_no_code():
    assert parse_problem("f.json:1:2: age: 300 is out of range; expected 0 to 120").code is None
