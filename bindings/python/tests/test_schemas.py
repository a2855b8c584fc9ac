"""The published JSON Schemas (docs/schema/) hold for what limber reads and writes.

Every example profile and every rule test case's profile validates against the
static profile schema and against the schema the rule set writes of its own
profiles (Ruleset.profile_schema(), `limber describe --format json-schema`);
documents the reader refuses are refused by the schemas too, and documents the
schemas accept are read.  Every JSON document limber writes here (plans of the
examples and of every rule test case, describe, coverage, audit, simulations,
and the checked-in examples/simulations) validates against its static schema.
"""

import copy
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

import limber
from conftest import CASES, EXAMPLES, REPO

SCHEMAS = REPO / "docs" / "schema"
NAMES = ("profile", "plan", "describe", "coverage", "audit", "simulation")
START = "2026-11-23"
PROFILE_RULES = REPO / "tests" / "data" / "profile-rules.xml"


def validator(schema):
    """A draft 2020-12 validator that also asserts "format" (dates)."""
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def static(name):
    return validator(json.loads((SCHEMAS / f"{name}.schema.json").read_text()))


def problems(v, document):
    """Each error as 'path: message', for assertion messages that say where."""
    return ["/".join(map(str, e.absolute_path)) + ": " + e.message for e in v.iter_errors(document)]


@pytest.fixture(scope="module")
def generated(rules):
    return validator(rules.profile_schema())


@pytest.fixture(scope="module")
def profile_schema():
    return static("profile")


def example_profiles():
    return sorted(EXAMPLES.glob("*.json"))


def case_profiles():
    """(case file, profile as a dict) for every rule test case: inline JSON as
    written, a JSON file as written, and XML (inline or a file) as the reader
    reads it, written back by limber_profile_to_json()."""
    out = []
    for path in sorted(CASES.glob("*.xml")):
        root = ET.parse(path).getroot()
        inline = root.find("profile-json")
        element = root.find("profile")
        if inline is not None:
            out.append((path.name, json.loads(inline.text)))
        elif element is not None and element.get("file", "").endswith(".json"):
            out.append((path.name, json.loads((path.parent / element.get("file")).read_text())))
        else:
            case = limber.TestCase.load(path)
            out.append((path.name, case.profile().to_dict()))
    return out


CASE_PROFILES = case_profiles()


# -- the schema files themselves -------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_draft_2020_12_with_its_address_title_and_description(name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://limber.dev/schema/{name}.schema.json"
    assert schema["title"] and schema["description"]


def test_every_output_schema_requires_format_version_1_first():
    for name in NAMES[1:]:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
        assert schema["required"][0] == "format_version", name
        assert next(iter(schema["properties"])) == "format_version", name
        assert static(name).is_valid({"format_version": 2}) is False


def test_the_readme_lists_every_schema_file():
    readme = (SCHEMAS / "README.md").read_text()
    for path in SCHEMAS.glob("*.schema.json"):
        assert path.name in readme, path.name


# -- profiles: every valid one validates ---------------------------------------

@pytest.mark.parametrize("path", example_profiles(), ids=lambda p: p.name)
def test_example_profiles_validate_against_both_profile_schemas(path, profile_schema, generated):
    document = json.loads(path.read_text())
    assert problems(profile_schema, document) == []
    assert problems(generated, document) == []


@pytest.mark.parametrize("case,document", CASE_PROFILES, ids=[c for c, _ in CASE_PROFILES])
def test_rule_test_case_profiles_validate_against_both_profile_schemas(case, document, profile_schema, generated):
    assert problems(profile_schema, document) == [], case
    assert problems(generated, document) == [], case


def test_every_rule_test_case_has_a_profile_checked():
    assert len(CASE_PROFILES) == len(list(CASES.glob("*.xml"))) > 80


@pytest.mark.parametrize("path", example_profiles(), ids=lambda p: p.name)
def test_profiles_as_limber_writes_them_validate(path, rules, profile_schema, generated):
    written = rules.profile(json.loads(path.read_text())).to_dict()
    assert problems(profile_schema, written) == []
    assert problems(generated, written) == []


def test_a_profile_may_name_its_schema(rules, profile_schema, generated, stiff_back):
    document = dict(stiff_back, **{"$schema": "https://limber.dev/schema/profile.schema.json"})
    assert problems(profile_schema, document) == [] and problems(generated, document) == []
    rules.profile(document)  # the reader sets it aside


# -- profiles: what the reader refuses, the schemas refuse ----------------------

def changed(document, path, value):
    """A deep copy of document with the member at path (keys and indexes) set to value."""
    out = copy.deepcopy(document)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def refused_by_reader(rules, document):
    with pytest.raises(limber.ProfileError):
        rules.profile(document)
    return True


# (what is wrong, path in stiff-back.json, value): refused by the reader, by
# the generated schema and by the static one (shape, type, key and date
# problems need no rule set).
EVERYWHERE = [
    ("age of the wrong type", ["age"], "45"),
    ("age not whole", ["age"], 45.5),
    ("age out of range", ["age"], 121),
    ("minutes under 5", ["minutes_per_day"], 4),
    ("days per week as a string", ["days_per_week"], "5"),
    ("a goal no rule set has", ["goal"], "strength"),
    ("an unknown top-level key", ["minutes"], 15),
    ("an unknown constraint", ["constraints", "no_equipment"], True),
    ("no_floor as a string", ["constraints", "no_floor"], "yes"),
    ("equipment not an array", ["constraints", "equipment"], "strap"),
    ("equipment listed twice", ["constraints", "equipment"], ["strap", "strap"]),
    ("equipment not an id", ["constraints", "equipment"], ["Yoga Mat"]),
    ("an answer that is an object", ["answers", "pain-today"], {"value": 3}),
    ("a scan entry with an unknown key", ["scan", 0, "side"], "left"),
    ("a scan entry with value and left and right", ["scan", 0, "value"], 30),
    ("a scan number as a string", ["scan", 0, "left"], "25"),
    ("a session date in another shape", ["history", 0, "date"], "20/11/2026"),
    ("a session date that is no calendar date", ["history", 0, "date"], "2026-02-30"),
    ("a session without completed", ["history", 0], {"date": "2026-11-20", "exercise": "pelvic-tilts"}),
    ("negative sets", ["history", 0, "sets"], -1),
    ("discomfort above 10", ["history", 0, "discomfort"], 11),
    ("an empty name", ["name"], ""),
    ("a name of two lines", ["name"], "Sam\nSmith"),
]

# refused by the reader and the generated schema; the static schema cannot
# know the rule set's ids and ranges
RULESET_ONLY = [
    ("an unknown question id", ["answers", "bladder-bowel-chnage"], False),
    ("a yes-no question answered with a number", ["answers", "bladder-bowel-change"], 0),
    ("a scale answer out of range", ["answers", "pain-today"], 11),
    ("a scale question answered yes", ["answers", "pain-today"], True),
    ("a choice that is not among the choices", ["answers", "startback-bothersome"], "a-lot"),
    ("an unknown measure", ["scan", 0, "measure"], "hip.flexion.left"),
    ("a measure out of range", ["scan", 0, "right"], 200),
    ("a measure below its range", ["scan", 0, "left"], -5),
    ("a sided measure given one value", ["scan", 0], {"measure": "hip.internal-rotation", "value": 30}),
    ("an unknown exercise in the history", ["history", 0, "exercise"], "pelvic-tilt"),
    ("a region no exercise works", ["constraints", "avoid_regions"], ["shoulders"]),
]


def base_profile(stiff_back):
    """stiff-back.json with one entry in every list, so that every path above exists."""
    document = copy.deepcopy(stiff_back)
    document.setdefault("history", [{"date": "2026-11-20", "exercise": "pelvic-tilts", "completed": True}])
    document.setdefault("constraints", {})
    assert document["scan"] and document["history"]
    return document


@pytest.mark.parametrize("what,path,value", EVERYWHERE, ids=[w for w, _, _ in EVERYWHERE])
def test_both_schemas_refuse_what_the_reader_refuses(what, path, value, rules, stiff_back, profile_schema, generated):
    document = changed(base_profile(stiff_back), path, value)
    assert refused_by_reader(rules, document)
    assert problems(generated, document), "the generated schema accepts " + what
    assert problems(profile_schema, document), "the static schema accepts " + what


@pytest.mark.parametrize("what,path,value", RULESET_ONLY, ids=[w for w, _, _ in RULESET_ONLY])
def test_the_rule_sets_schema_refuses_its_unknown_ids_and_out_of_range_values(what, path, value, rules, stiff_back,
                                                                           generated):
    document = changed(base_profile(stiff_back), path, value)
    assert refused_by_reader(rules, document)
    assert problems(generated, document), "the generated schema accepts " + what


def test_the_refused_documents_differ_from_a_valid_one_only_where_wrong(rules, stiff_back, generated):
    document = base_profile(stiff_back)
    rules.profile(document)
    assert problems(generated, document) == []


def test_a_goal_the_rule_set_does_not_declare_is_refused_by_its_schema_only():
    rules = limber.Ruleset.load(PROFILE_RULES)  # recovery and flexibility, not performance
    document = {"goal": "performance"}
    with pytest.raises(limber.ProfileError):
        rules.profile(document)
    assert problems(validator(rules.profile_schema()), document)
    assert problems(static("profile"), document) == []


def test_an_unsided_measure_takes_value_and_refuses_left_and_right():
    rules = limber.Ruleset.load(PROFILE_RULES)
    v = validator(rules.profile_schema())
    good = {"scan": [{"measure": "sit-reach", "value": -4}]}
    rules.profile(good)
    assert problems(v, good) == []
    for bad in ({"scan": [{"measure": "sit-reach", "left": -4, "right": -4}]},
                {"scan": [{"measure": "sit-reach", "value": 41}]},
                {"rescans": [{"date": "2026-11-20", "measure": "sit-reach", "left": 1, "right": 1}]}):
        with pytest.raises(limber.ProfileError):
            rules.profile(bad)
        assert problems(v, bad), bad


def test_discomfort_not_reported_is_null_or_minus_one(rules, stiff_back, profile_schema, generated):
    for value in (None, -1, 0, 10, 2.5):
        document = changed(base_profile(stiff_back), ["history", 0, "discomfort"], value)
        rules.profile(document)
        assert problems(generated, document) == [] and problems(profile_schema, document) == [], value


def test_whole_numbers_may_be_written_with_a_zero_fraction(rules, stiff_back, generated):
    document = changed(stiff_back, ["age"], 45.0)
    rules.profile(document)
    assert problems(generated, document) == []


# -- outputs -------------------------------------------------------------------

@pytest.fixture(scope="module")
def plan_schema():
    return static("plan")


@pytest.mark.parametrize("path", example_profiles(), ids=lambda p: p.name)
def test_plans_of_the_examples_validate(path, rules, plan_schema):
    plan = rules.plan(json.loads(path.read_text()), start=START, seed=1)
    assert problems(plan_schema, json.loads(plan.to_json(pretty=True))) == []


def test_plans_of_every_rule_test_case_validate(rules, plan_schema):
    results = rules.test(sorted(CASES.glob("*.xml")))
    statuses = set()
    for result in results:
        plan = result.plan
        assert plan is not None, result
        document = json.loads(plan.to_json())
        statuses.add(document["status"])
        assert problems(plan_schema, document) == [], result
    # the cases reach every status, so every branch of the schema is used
    assert statuses == {"ok", "referral", "no-exercises"}


def test_plans_of_a_varied_population_validate(rules, plan_schema):
    profiles = [limber.Audit.population_profile(rules, k, seed=3) for k in range(1, 41)]
    for k, plan in enumerate(rules.plan_many(profiles, start=START, seed=1, threads=2), start=1):
        assert problems(plan_schema, json.loads(plan.to_json())) == [], k


TEST_RULESETS = [REPO / "tests" / "data" / f"{name}.xml" for name in ("minimal", "profile-rules", "audit-rules",
                                                                        "render-long")]


@pytest.mark.parametrize("path", TEST_RULESETS, ids=lambda p: p.stem)
def test_plans_under_the_test_suites_rule_sets_validate(path, plan_schema):
    rules = limber.Ruleset.load(path)
    profiles = [{}] + [limber.Audit.population_profile(rules, k, seed=5) for k in range(1, 16)]
    for k, plan in enumerate(rules.plan_many(profiles, start=START, seed=1, threads=2)):
        assert problems(plan_schema, json.loads(plan.to_json())) == [], (path.name, k)


@pytest.mark.parametrize("path", TEST_RULESETS, ids=lambda p: p.stem)
def test_every_test_rule_set_writes_a_valid_profile_schema_its_population_meets(path):
    rules = limber.Ruleset.load(path)
    v = validator(rules.profile_schema())
    for k in range(1, 16):
        document = limber.Audit.population_profile(rules, k, seed=5).to_dict()
        assert problems(v, document) == [], (path.name, k)


def test_profile_schema_is_a_dict_named_after_its_rule_set_and_the_same_every_time(rules):
    schema = rules.profile_schema()
    assert isinstance(schema, dict)
    assert rules.id in schema["title"] and rules.sha256 in schema["description"]
    assert schema == rules.profile_schema()
    # the C function's pretty output holds the same schema
    text = limber.lowlevel.limber_ruleset_to_profile_schema(rules._live(), True)
    try:
        assert json.loads(limber.lowlevel.ffi.string(text).decode()) == schema
    finally:
        limber.lowlevel.lib.g_free(text)


@pytest.mark.parametrize("path", [None, PROFILE_RULES, REPO / "tests" / "data" / "minimal.xml"],
                         ids=["default", "profile-rules", "minimal"])
def test_describe_validates(path):
    rules = limber.Ruleset.default() if path is None else limber.Ruleset.load(path)
    assert problems(static("describe"), rules.describe()) == []


def test_coverage_of_the_cases_and_of_a_population_validates(rules):
    v = static("coverage")
    assert problems(v, rules.coverage(sorted(CASES.glob("*.xml"))).to_dict()) == []
    assert problems(v, rules.coverage(population=30, threads=2).to_dict()) == []


def test_audits_validate_with_and_without_anything_measured(rules, emergency):
    v = static("audit")
    report = rules.audit(population=30, threads=2, min_median_fill=0.9, max_changes=4)
    assert problems(v, report.to_dict()) == []
    # only a referral: nothing measured, every figure null
    nothing = rules.audit([emergency], min_median_fill=0.9)
    document = nothing.to_dict()
    assert document["fill"]["median"] is None
    assert problems(v, document) == []


@pytest.mark.parametrize("response", ["improving", "plateau", "flare-up"])
def test_simulations_validate(rules, stiff_back, response):
    sim = rules.simulate(stiff_back, weeks=3, response=response, start=START, seed=2)
    assert problems(static("simulation"), sim.to_dict()) == []


@pytest.mark.parametrize("path", sorted((REPO / "examples" / "simulations").glob("*.json")), ids=lambda p: p.name)
def test_checked_in_simulations_validate(path):
    assert problems(static("simulation"), json.loads(path.read_text())) == []


def test_a_plan_that_stops_matching_is_refused(rules, stiff_back, plan_schema):
    """The output schemas are exact: a renamed, retyped or dropped member fails."""
    document = json.loads(rules.plan(stiff_back, start=START).to_json())
    assert problems(plan_schema, document) == []
    item = ["days", 0, "items", 0]
    for broken in (changed(document, ["status"], "okay"),
                   changed(document, ["start"], "23 Nov 2026"),
                   changed(document, item + ["sets"], "2"),
                   changed(document, item + ["reason"], "x"),
                   {k: v for k, v in document.items() if k != "facts"}):
        assert problems(plan_schema, broken)
