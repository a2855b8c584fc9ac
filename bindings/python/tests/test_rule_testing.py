"""Rule test cases from Python: Ruleset.test(), its results, TAP and JUnit."""

import datetime
import gc
import os
import xml.etree.ElementTree as ET

import pytest

import limber
from conftest import CASES, FAILING_CASE, FAILING_LINE


def test_the_shipped_cases_all_pass(rules):
    files = sorted(CASES.glob("*.xml"))
    results = rules.test(CASES)
    assert len(results) == len(files) >= 40
    assert [r.file for r in results] == [str(f) for f in files]
    failed = [r.report() for r in results if not r]
    assert not failed, "\n\n".join(failed)
    for r in results:
        assert isinstance(r, limber.TestResult) and r.passed and not r.errored and not r.failures
        assert r.checks >= 1 and r.name and r.description and r.message == ""
        assert repr(r) == "<limber.TestResult %s passed (%d checks)>" % (r.name, r.checks)
    assert len({r.name for r in results}) == len(results)


def test_paths_globs_and_cases(rules):
    one = CASES / "pain-today-5.xml"
    assert [r.name for r in rules.test(one)] == ["pain-today-5"]
    assert [r.name for r in rules.test(str(one))] == ["pain-today-5"]
    by_glob = rules.test(str(CASES / "pain-today-*.xml"))
    assert [r.name for r in by_glob] == sorted(r.name for r in by_glob) and len(by_glob) >= 2
    mixed = rules.test([CASES / "pain-today-6.xml", str(CASES / "pain-today-5.xml")])
    assert [r.name for r in mixed] == ["pain-today-6", "pain-today-5"]  # the order given
    case = limber.TestCase.load(one)
    assert (case.name, case.file, case.n_expectations) == ("pain-today-5", str(one), 3)
    assert case.description.startswith("Pain today 5") and "pain-today-5" in repr(case)
    assert case.profile(rules).to_dict()["answers"] == {"pain-today": 5}
    assert rules.test(case)[0].passed
    with pytest.raises(FileNotFoundError):
        rules.test(str(CASES / "no-such-*.xml"))


def test_a_failing_case_shows_expected_actual_and_trace(rules, tmp_path):
    path = tmp_path / "failing.xml"
    path.write_text(FAILING_CASE)
    (result,) = rules.test(path)
    assert not result and not result.passed and not result.errored
    assert (result.name, result.file, result.checks) == ("deliberately-failing", str(path), 2)
    assert repr(result) == "<limber.TestResult deliberately-failing failed 1 of 2 checks>"
    (f,) = result.failures
    assert isinstance(f, limber.TestFailure)
    assert f.line == FAILING_LINE and f.check == '<fired rule="pain-today-high">'
    assert f.expected == "rule pain-today-high to fire"
    assert f.actual.startswith("rule pain-today-high did not fire") and "pain-today >= 6" in f.actual
    assert f.message.startswith("%s:%d: " % (path, FAILING_LINE)) and f.message == result.message
    assert any("did not hold" in t and "pain-today: 5" in t for t in f.trace)
    report = str(result)
    for part in ("%s:%d: %s" % (path, FAILING_LINE, f.check), "expected: " + f.expected, "actual:   " + f.actual,
                 "trace:", f.trace[0]):
        assert part in report
    assert result.to_dict()["failures"][0]["trace"] == list(f.trace)
    with pytest.raises(AssertionError, match="expected: rule pain-today-high to fire"):
        result.assert_passed()
    rules.test(CASES / "pain-today-5.xml")[0].assert_passed()


def test_breaking_a_rule_fails_a_shipped_case_at_its_cause(inverted_rules):
    """The issue's bar: an inverted threshold in a copy of the default set fails a case, pointing at the rule."""
    broken = limber.Ruleset.load(inverted_rules)
    (result,) = broken.test(CASES / "pain-today-5.xml")
    assert not result
    first = result.failures[0]
    assert first.check == '<not-fired rule="pain-today-high">'
    assert "pain-today <= 6" in first.actual
    assert any(str(inverted_rules) in t for t in first.trace)  # the rule's file and line


def test_cases_that_cannot_run_are_errored_results(rules, tmp_path):
    unknown = tmp_path / "unknown-rule.xml"
    unknown.write_text(FAILING_CASE.replace("pain-today-high", "no-such-rule"))
    invalid = tmp_path / "invalid.xml"
    invalid.write_text("<testcase id='x'><expect/></testcase>")
    missing = tmp_path / "missing.xml"
    results = rules.test([unknown, invalid, missing])
    assert [r.errored for r in results] == [True, True, True] and not any(results)
    assert results[0].name == "deliberately-failing" and "no-such-rule" in results[0].message
    assert "%s:%d" % (unknown, FAILING_LINE) in results[0].message
    assert results[1].name == "invalid" and str(invalid) in results[1].message
    assert results[2].name == "missing" and "could not run" in repr(results[2])
    assert all(r.plan is None and len(r.failures) == 1 for r in results)
    with pytest.raises(limber.Error):
        limber.TestCase.load(invalid)


def test_in_memory_cases(rules):
    case = limber.TestCase.from_string(FAILING_CASE.replace("<fired", "<not-fired"), name="memory.xml")
    (result,) = rules.test(case)
    assert result and result.file == "memory.xml" and result.description.startswith("Pain today 5")


def test_the_plan_a_case_was_judged_on(rules):
    result = rules.test(CASES / "pain-today-5.xml")[0]
    plan = result.plan
    assert isinstance(plan, limber.Plan) and plan is result.plan
    assert plan.status == "ok" and "pain-today-high" not in plan.rules_fired and plan.start == datetime.date(2026, 1, 5)
    del result
    gc.collect()
    assert plan.days and plan.to_dict()["seed"] == 1  # the plan keeps its result alive


def test_tap_and_junit(rules, tmp_path):
    path = tmp_path / "failing.xml"
    path.write_text(FAILING_CASE)
    results = rules.test([CASES / "pain-today-5.xml", path])
    tap = limber.test_results_to_tap(results)
    assert tap.startswith("TAP version 13\n1..2\n")
    assert "ok 1 - pain-today-5\n" in tap and "not ok 2 - deliberately-failing\n" in tap
    assert "expected: \"rule pain-today-high to fire\"" in tap
    junit = ET.fromstring(limber.test_results_to_junit(results))
    assert junit.get("tests") == "2" and junit.get("failures") == "1"
    assert junit.get("name") == "%s %s" % (rules.id, rules.version)
    assert ET.fromstring(limber.test_results_to_junit(results, suite="mine")).get("name") == "mine"
    assert limber.test_results_to_tap([]).startswith("TAP version 13\n1..0")
    with pytest.raises(TypeError):
        limber.test_results_to_tap([object()])


def test_result_classes_are_not_collected_as_tests():
    for obj in (limber.TestCase, limber.TestResult, limber.TestFailure, limber.test_results_to_tap,
                limber.test_results_to_junit):
        assert obj.__test__ is False


def test_docs_come_from_the_header():
    assert "limber_testcase_run" in limber.Ruleset.test.__doc__
    assert "Rule test cases" in limber.TestCase.__doc__
    assert limber.TestCase.n_expectations.__doc__


def test_results_outlive_their_case_files(rules, tmp_path):
    path = tmp_path / "failing.xml"
    path.write_text(FAILING_CASE)
    results = rules.test(path)
    os.remove(path)
    gc.collect()
    assert results[0].failures[0].line == FAILING_LINE and limber.test_results_to_tap(results)
