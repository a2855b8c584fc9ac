"""Rule test cases (docs/rule-testing.md) from Python: run them, read their failures, report them.

    results = rules.test("rules/tests")            # a directory, files, globs, TestCase objects
    failed = [r for r in results if not r]
    print(failed[0])                               # each failure: expected, actual, explanation trace
    limber.test_results_to_tap(results), limber.test_results_to_junit(results)

Ruleset.test() is added to the Ruleset class here; the pytest plugin
(limber.pytest_plugin) is built on it.
"""

import errno
import glob
import os
from typing import NamedTuple, Tuple

from ._errors import Error, check
from ._native import ffi, lib
from ._plan import BorrowedPlan
from ._profile import Profile
from ._reflect import add_getters, header_doc, take_text, text, wraps_c
from ._ruleset import Ruleset


class TestFailure(NamedTuple):
    """One expectation of a case that did not hold (or, for an errored case, why it could not run)."""

    __test__ = False  # not a pytest test class, whatever module imports it

    line: int
    """The line of the expectation in the case file (0 for an errored case)."""
    check: str
    """The expectation as written, e.g. `<excluded exercise="windshield-wipers">`."""
    message: str
    """The failure in one line: `FILE:LINE: <element>: what happened; expected what`."""
    expected: str
    """What the expectation asked for, in words."""
    actual: str
    """What the plan had instead, in words."""
    trace: Tuple[str, ...]
    """The explanation of the item in question: an exercise's `why` entries, a rule's condition and what held."""

    def format(self, file=None):
        """For people: `FILE:LINE: CHECK`, then expected, actual and the trace, indented."""
        if not self.check:
            lines = [self.message]  # an errored case: the message says it all
        else:
            where = ":".join(str(x) for x in (file, self.line) if x)
            lines = ["%s: %s" % (where, self.check) if where else self.check,
                     "  expected: %s" % self.expected,
                     "  actual:   %s" % self.actual]
        if self.trace:
            lines.append("  trace:")
            lines.extend("    " + t for t in self.trace)
        return "\n".join(lines)

    def __str__(self):
        return self.format()

    def to_dict(self):
        """The failure as a plain dict (the trace as a list)."""
        out = self._asdict()
        out["trace"] = list(self.trace)
        return out


def _read_failure(f):
    return TestFailure(
        line=lib.limber_test_failure_get_line(f),
        check=text(lib.limber_test_failure_get_check(f)) or "",
        message=text(lib.limber_test_failure_get_message(f)) or "",
        expected=text(lib.limber_test_failure_get_expected(f)) or "",
        actual=text(lib.limber_test_failure_get_actual(f)) or "",
        trace=tuple(text(lib.limber_test_failure_get_trace(f, i))
                    for i in range(lib.limber_test_failure_get_n_trace(f))))


class TestCase:
    """A loaded rule test case: a profile and what a rule set must make of it.

    TestCase.load(path) or TestCase.from_string(xml, name); run it with
    `rules.test(case)`.  name, description, file and n_expectations come
    from C.
    """

    __test__ = False
    __slots__ = ("_ptr", "__weakref__")

    def __init__(self, ptr):
        self._ptr = ffi.gc(ptr, lib.limber_testcase_free)

    @classmethod
    @wraps_c("limber_testcase_new_from_file")
    def load(cls, path):
        """Loads a case file and checks it against the test-case schema (raises limber.Error)."""
        err = ffi.new("GError **")
        ptr = lib.limber_testcase_new_from_file(os.fsencode(path), err)
        check(err, Error)
        return cls(ptr)

    @classmethod
    @wraps_c("limber_testcase_new_from_data")
    def from_string(cls, xml, name=None):
        """A case from an XML document (str or bytes); `name` is its file name in messages
        (its directory is where `<profile file>` is looked up)."""
        raw = xml.encode("utf-8") if isinstance(xml, str) else bytes(xml)
        err = ffi.new("GError **")
        ptr = lib.limber_testcase_new_from_data(raw, len(raw), os.fsencode(name) if name else ffi.NULL, err)
        check(err, Error)
        return cls(ptr)

    def _live(self):
        if self._ptr is None:
            raise ValueError("the test case is closed")
        return self._ptr

    @wraps_c("limber_testcase_load_profile")
    def profile(self, ruleset=None):
        """The case's profile, read against `ruleset` (default: the built-in rule set)."""
        rules = ruleset if ruleset is not None else Ruleset.default()
        err = ffi.new("GError **")
        ptr = lib.limber_testcase_load_profile(self._live(), rules._live(), err)
        check(err, Error)
        return Profile(ptr, rules)

    def __repr__(self):
        if self._ptr is None:
            return "<limber.TestCase (closed)>"
        return "<limber.TestCase %s (%s)>" % (self.name, self.file)


add_getters(TestCase, "limber_testcase")


class TestResult:
    """The outcome of running one test case against a rule set.

    True when the case passed.  Attributes: name, file, description, passed,
    errored (the case could not be loaded or run), checks (expectations
    checked), failures (a tuple of TestFailure, in file order), message
    (every failure's message, one a line), ruleset, and plan (the Plan the
    case was judged on; None for an errored case).  str() is a report with
    expected, actual and trace of each failure.
    """

    __test__ = False
    __slots__ = ("_ptr", "ruleset", "name", "file", "description", "passed", "errored", "checks", "failures",
                 "_plan", "__weakref__")

    def __init__(self, ptr, ruleset, description=None):
        self._ptr = ffi.gc(ptr, lib.limber_test_result_free)
        self.ruleset = ruleset
        self.description = description
        self.name = text(lib.limber_test_result_get_name(ptr))
        self.file = text(lib.limber_test_result_get_file(ptr))
        self.passed = bool(lib.limber_test_result_get_passed(ptr))
        self.errored = bool(lib.limber_test_result_get_errored(ptr))
        self.checks = lib.limber_test_result_get_n_checks(ptr)
        self.failures = tuple(_read_failure(lib.limber_test_result_get_failure(ptr, i))
                              for i in range(lib.limber_test_result_get_n_failures(ptr)))
        self._plan = None

    @property
    def message(self):
        """Every failure's message, one a line; empty when the case passed."""
        return "\n".join(f.message for f in self.failures)

    @property
    def plan(self):
        """The plan the case was judged on (a Plan kept alive by this result), or None for an errored case."""
        if self._plan is None:
            ptr = lib.limber_test_result_get_plan(self._ptr)
            if ptr == ffi.NULL:
                return None
            self._plan = BorrowedPlan(ptr, self.ruleset, self)
        return self._plan

    def __bool__(self):
        return self.passed

    def _outcome(self):
        if self.passed:
            return "passed (%d checks)" % self.checks
        if self.errored:
            return "could not run: %s" % (self.failures[0].message if self.failures else "")
        return "failed %d of %d checks" % (len(self.failures), self.checks)

    def summary(self):
        """One line: the case, and whether it passed, failed (how many checks) or could not run."""
        return "%s %s" % (self.name, self._outcome())

    def report(self):
        """For people: the summary, then each failure with expected, actual and trace."""
        if self.errored:
            return self.summary()  # the error names the file
        head = "%s (%s) %s" % (self.name, self.file, self._outcome())
        return "\n".join([head] + [f.format(self.file) for f in self.failures])

    def assert_passed(self):
        """Raises AssertionError with report() when the case did not pass (for plain pytest functions)."""
        if not self.passed:
            raise AssertionError(self.report())

    def to_dict(self):
        """The result as a plain dict, failures included."""
        return {"name": self.name, "file": self.file, "description": self.description, "passed": self.passed,
                "errored": self.errored, "checks": self.checks, "failures": [f.to_dict() for f in self.failures]}

    def __str__(self):
        return self.report()

    def __repr__(self):
        return "<limber.TestResult %s>" % self.summary()


def _is_pattern(path):
    return glob.escape(path) != path


def expand_cases(cases):
    """Case files (str), or TestCase objects, from a path, a directory, a glob or an iterable of them.

    A directory stands for its *.xml files and a glob for its matches, each
    sorted; a plain path is kept even when it does not exist (running it
    gives an errored result naming it).  A directory or glob that gives no
    file raises FileNotFoundError, so that a typo does not pass with no test.
    """
    if isinstance(cases, (str, bytes, os.PathLike, TestCase)):
        cases = [cases]
    out = []
    for case in cases:
        if isinstance(case, TestCase):
            out.append(case)
            continue
        path = os.fsdecode(os.fspath(case))
        if os.path.isdir(path):
            found = sorted(glob.glob(os.path.join(glob.escape(path), "*.xml")))
        elif _is_pattern(path) and not os.path.exists(path):
            found = sorted(p for p in glob.glob(path, recursive=True) if not os.path.isdir(p))
        else:
            out.append(path)
            continue
        if not found:
            raise FileNotFoundError(errno.ENOENT, "no test case (*.xml) in" if os.path.isdir(path)
                                    else "no test case matches", path)
        out.extend(found)
    return out


def _error_result(testcase, file, err):
    try:
        ptr = lib.limber_test_result_new_error(testcase if testcase is not None else ffi.NULL,
                                               os.fsencode(file) if file else ffi.NULL, err)
    finally:
        lib.g_error_free(err)
    return ptr


def run_case(ruleset, case):
    """Runs one case (a path or a TestCase); a case that cannot be loaded or run gives an errored result."""
    err = ffi.new("GError **")
    rules = ruleset._live()
    if isinstance(case, TestCase):
        tc, file = case._live(), None
    else:
        tc, file = lib.limber_testcase_new_from_file(os.fsencode(case), err), case
        if tc == ffi.NULL:
            return TestResult(_error_result(None, file, err[0]), ruleset)
        tc = ffi.gc(tc, lib.limber_testcase_free)
    description = text(lib.limber_testcase_get_description(tc))
    ptr = lib.limber_testcase_run(tc, rules, err)
    if ptr == ffi.NULL:
        ptr = _error_result(tc, file, err[0])
    return TestResult(ptr, ruleset, description)


@wraps_c("limber_testcase_run")
def test(self, cases):
    """Runs rule test cases against this rule set: a list of TestResult, in the order given.

    Args:
        cases: a case file, a directory (its *.xml files), a glob
            ("rules/tests/pain-*.xml"), a TestCase, or an iterable of them.

    A case that cannot be loaded or run with this rule set (a schema error, a
    rule it names that the set does not have) is an errored result, as
    `limber test` reports it, not an exception; a directory or glob with no
    case raises FileNotFoundError.
    """
    return [run_case(self, case) for case in expand_cases(cases)]


test.__test__ = False
Ruleset.test = test


def _result_array(results):
    results = list(results)
    for r in results:
        if not isinstance(r, TestResult):
            raise TypeError("expected TestResult objects, got %r" % (r,))
    return results, (ffi.new("const LimberTestResult *[]", [r._ptr for r in results]) if results else ffi.NULL)


@wraps_c("limber_test_results_to_tap")
def test_results_to_tap(results):
    """TestResults as TAP version 13 (what `limber test` prints), with expected, actual and trace under each failure."""
    results, array = _result_array(results)
    return take_text(lib.limber_test_results_to_tap(array, len(results)))


@wraps_c("limber_test_results_to_junit")
def test_results_to_junit(results, suite=None):
    """TestResults as JUnit XML for CI servers; `suite` defaults to the rule set's id and version."""
    results, array = _result_array(results)
    if suite is None:
        sets = {(r.ruleset.id, r.ruleset.version) for r in results if r.ruleset is not None}
        if len(sets) == 1:
            suite = "%s %s" % sets.pop()
    return take_text(lib.limber_test_results_to_junit(array, len(results), suite.encode() if suite else ffi.NULL))


test_results_to_tap.__test__ = test_results_to_junit.__test__ = False
TestCase.__doc__ += "\n\nFrom limber/testcase.h: " + header_doc("testcase.h")
