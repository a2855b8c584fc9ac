"""limber.pytest_plugin: rule test cases as pytest items, run in a pytest inside pytest (pytester)."""

import importlib.metadata

import pytest

from conftest import CASES, FAILING_CASE, FAILING_LINE

N_CASES = len(list(CASES.glob("*.xml")))
PASSING_CASE = FAILING_CASE.replace('id="deliberately-failing"', 'id="passing"').replace("<fired", "<not-fired")


def run(pytester, *args):
    # `--option=value`: pytest reads a separate value of a plugin's option as a
    # path when it looks for the rootdir and ini file (the plugin is not loaded yet)
    return pytester.runpytest("-p", "no:cacheprovider", *args)


def test_registered_through_the_pytest11_entry_point():
    eps = importlib.metadata.entry_points(group="pytest11")
    assert any(ep.name == "limber" and ep.value == "limber.pytest_plugin" for ep in eps)


def test_collects_the_shipped_cases(pytester):
    result = run(pytester, "--limber-cases=" + str(CASES), "-v")
    result.assert_outcomes(passed=N_CASES)
    result.stdout.fnmatch_lines(["limber: rules built-in; cases %s" % CASES,
                                 "*pain-today-5.xml::pain-today-5 PASSED*"])


def test_a_failing_case_reports_expected_actual_and_trace(pytester):
    cases = pytester.mkdir("cases")
    (cases / "failing.xml").write_text(FAILING_CASE)
    (cases / "passing.xml").write_text(PASSING_CASE)
    result = run(pytester, "--limber-cases=cases")
    result.assert_outcomes(passed=1, failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([
        "*limber case: deliberately-failing*",
        "failed 1 of 2 checks against rule set default *(built-in)",
        "case: Pain today 5 is expected to fire pain-today-high*",
        "*failing.xml:%d: <fired rule=\"pain-today-high\">" % FAILING_LINE,
        "  expected: rule pain-today-high to fire",
        "  actual:   rule pain-today-high did not fire*",
        "  trace:",
        "    rule pain-today-high (*",
        "*FAILED cases/failing.xml::deliberately-failing - failed 1 of 2 checks*",
    ])


def test_ini_options_and_another_rule_set(pytester, inverted_rules):
    pytester.makeini("[pytest]\nlimber_cases = %s\nlimber_rules = %s\n" % (CASES, inverted_rules))
    result = run(pytester)
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] >= 1 and outcomes["passed"] + outcomes["failed"] == N_CASES
    result.stdout.fnmatch_lines([
        "limber: rules %s; cases %s" % (inverted_rules, CASES),
        "failed * checks against rule set default 1.0.0 (%s)" % inverted_rules,
        "*pain-today-5.xml:12: <not-fired rule=\"pain-today-high\">",
        "    rule pain-today-high (%s:*): when answer pain-today <= 6" % inverted_rules,
        "*FAILED *pain-today-5.xml::pain-today-5*",
    ])
    # --limber-rules on the command line wins over the ini file
    result = run(pytester, "--limber-rules=" + str(CASES.parent / "default.xml"))
    result.assert_outcomes(passed=N_CASES)


def test_opt_in_only(pytester):
    (pytester.path / "data.xml").write_text("<data/>")
    (pytester.path / "case.xml").write_text(FAILING_CASE)       # a case, but not asked for
    (pytester.path / "limber-case-named.xml").write_text(PASSING_CASE)  # named as one: collected
    result = run(pytester, "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*limber-case-named.xml::passing PASSED*"])
    assert run(pytester, "-p", "no:limber").ret == pytest.ExitCode.NO_TESTS_COLLECTED
    # an .xml named on the command line is what the user asked for
    run(pytester, "case.xml").assert_outcomes(failed=1)


def test_globs_markers_and_errors(pytester, tmp_path):
    result = run(pytester, "--limber-cases=" + str(CASES / "pain-today-*.xml"), "-m", "limber")
    assert result.parseoutcomes()["passed"] == len(list(CASES.glob("pain-today-*.xml")))
    bad = pytester.mkdir("bad")
    (bad / "unknown.xml").write_text(FAILING_CASE.replace("pain-today-high", "no-such-rule"))
    (bad / "invalid.xml").write_text("<testcase/>")
    result = run(pytester, "--limber-cases=bad")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines_random(["could not run: *unknown.xml:%d:*no-such-rule*" % FAILING_LINE,
                                        "could not run: *invalid.xml*"])
    result = run(pytester, "--limber-cases=nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--limber-cases *nowhere: no such file or directory*"])
    result = run(pytester, "--limber-cases=bad", "--limber-rules=missing.xml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    broken = tmp_path / "broken.xml"
    broken.write_text("<ruleset/>")
    result = run(pytester, "--limber-cases=" + str(CASES / "pain-today-5.xml"), "--limber-rules=" + str(broken))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["the rule set under test did not load:", "*broken.xml*"])
