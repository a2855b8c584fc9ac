"""Rule coverage: what a rule set did over many plans, and what it never did.

    cov = rules.coverage(cases="rules/tests")          # or population=10000, seed=1; or both
    cov.percent("rules"), cov.never("rules"), cov.counts("red-flags"), cov.to_dict()

Ruleset.coverage() is added to the Ruleset class here.
"""

import json
import os

from ._errors import Error, OptionsError, check
from ._native import ffi, lib
from ._plan import Plan
from ._reflect import enum_names, enum_value, header_doc, take_text, text, wraps_c
from ._values import seed_value
from ._ruleset import Ruleset
from ._testing import TestCase, TestResult, expand_cases


def _kind(kind):
    """A LimberCoverageKind from "rules", "exercises", "red-flags" or "score-categories" (underscores too)."""
    return enum_value("LimberCoverageKind", str(kind).replace("_", "-"))


class Coverage:
    """Counts, over the plans added, how often each rule fired, each exercise was put in a plan,
    each red flag was triggered and each score category reached.

    Kinds are "rules", "exercises", "red-flags" and "score-categories"
    (score categories named "score/category").  Make one with
    rules.coverage(...) or Coverage(rules), then add() cases, results or
    plans and add_population().
    """

    __slots__ = ("_ptr", "ruleset", "__weakref__")

    KINDS = ("rules", "exercises", "red-flags", "score-categories")

    def __init__(self, ruleset):
        self.ruleset = ruleset
        self._ptr = ffi.gc(lib.limber_coverage_new(ruleset._live()), lib.limber_coverage_free)

    # -- counting --------------------------------------------------------
    def add_plan(self, plan):
        """Counts one plan; ValueError when it was made from another rule set."""
        if not lib.limber_coverage_add_plan(self._ptr, plan._live()):
            raise ValueError("%r was made from another rule set than %r" % (plan, self.ruleset))

    def add(self, cases):
        """Counts the plans of test cases, whether or not their expectations hold.

        `cases`: as for Ruleset.test() (files, directories, globs, TestCase
        objects), or TestResult objects (their plans, without running them
        again), or Plan objects; one or an iterable of them.  A case that
        cannot run with the rule set raises limber.Error: it would leave a
        hole in the figures.
        """
        if isinstance(cases, (str, bytes, os.PathLike, TestCase, TestResult, Plan)):
            cases = [cases]
        for case in cases:
            if isinstance(case, Plan):
                self.add_plan(case)
            elif isinstance(case, TestResult):
                if case.plan is None:
                    raise Error(case.message)
                self.add_plan(case.plan)
            else:
                for one in expand_cases(case):
                    self._add_case(one if isinstance(one, TestCase) else TestCase.load(one))
        return self

    def _add_case(self, case):
        err = ffi.new("GError **")
        lib.limber_coverage_add_testcase(self._ptr, case._live(), err)
        check(err, Error)

    @wraps_c("limber_coverage_add_population", "limber_coverage_set_threads")
    def add_population(self, n, seed=0, threads=None):
        """Generates `n` varied profiles (1 to 1000000) from `seed` and counts their plans.

        The plans are made in C on `threads` threads (None: every core), the
        GIL released; the counts are the same for any number of threads.
        """
        n, threads = population_args(n, threads)
        lib.limber_coverage_set_threads(self._ptr, threads)
        err = ffi.new("GError **")
        lib.limber_coverage_add_population(self._ptr, n, seed_value(seed), err)
        check(err, OptionsError)
        return self

    # -- reading ---------------------------------------------------------
    @property
    def n_plans(self):
        """The number of plans counted."""
        return lib.limber_coverage_get_n_plans(self._ptr)

    @wraps_c("limber_coverage_get_percent")
    def percent(self, kind="rules"):
        """The share (0 to 100) of the rule set's things of a kind that occurred at least once."""
        return lib.limber_coverage_get_percent(self._ptr, _kind(kind))

    def counts(self, kind="rules"):
        """{id: in how many plans it occurred}, in rule-set order, zeros included."""
        k = _kind(kind)
        count = ffi.new("unsigned *")
        out = {}
        for i in range(lib.limber_coverage_get_n_items(self._ptr, k)):
            name = text(lib.limber_coverage_get_item(self._ptr, k, i, count))
            out[name] = count[0]
        return out

    def never(self, kind="rules"):
        """The ids of the things of a kind that never occurred, in rule-set order."""
        return [name for name, n in self.counts(kind).items() if n == 0]

    def to_json(self, pretty=False):
        """The coverage as JSON, as `limber coverage --format json` prints it."""
        return take_text(lib.limber_coverage_to_json(self._ptr, bool(pretty)))

    def to_dict(self):
        """The coverage as a dict, in the JSON form (docs/rule-testing.md)."""
        return json.loads(self.to_json())

    def to_text(self):
        """The coverage as text, for people: percentages, counts and what never occurred."""
        return take_text(lib.limber_coverage_to_text(self._ptr))

    def to_dataframe(self):
        """A pandas DataFrame with one row per thing counted: kind, id, plans (needs pandas)."""
        from ._frames import _pandas
        rows = [(kind, name, n) for kind in self.KINDS for name, n in self.counts(kind).items()]
        return _pandas().DataFrame.from_records(rows, columns=["kind", "id", "plans"])

    def __str__(self):
        return self.to_text()

    def __repr__(self):
        return "<limber.Coverage %s: rules %.1f%% over %d plans>" % (self.ruleset.id, self.percent("rules"),
                                                                      self.n_plans)


assert set(Coverage.KINDS) == set(enum_names("LimberCoverageKind").values())


def population_args(n, threads):
    """A population's size and threads for C: n as C's unsigned (C checks 1 to 1000000 and says so),
    threads as its set_threads() takes them (0: every core)."""
    n = int(n)
    if not 0 <= n <= 0xFFFFFFFF:
        raise OptionsError("population: %d is out of range; expected 1 to 1000000" % n, "options")
    if threads is not None and int(threads) < 1:
        raise ValueError("threads must be at least 1")
    return n, 0 if threads is None else min(int(threads), 64)


@wraps_c("limber_coverage_add_testcase", "limber_coverage_add_population")
def coverage(self, cases=None, population=None, seed=0, threads=None):
    """Coverage of this rule set over test cases, a generated population, or both.

    Args:
        cases: as for Ruleset.test() (files, directories, globs, TestCase), or
            TestResult or Plan objects; their plans are counted whether or not
            the cases pass.
        population: the number of varied profiles to generate (1 to 1000000).
        seed: the population's seed; the same seed gives the same population.
        threads: threads the population is planned on (None: every core).

    Returns:
        a Coverage: .percent(kind), .counts(kind), .never(kind), .to_dict(), .to_text().
    """
    cov = Coverage(self)
    if population is not None:
        cov.add_population(population, seed, threads)
    if cases is not None:
        cov.add(cases)
    return cov


Ruleset.coverage = coverage
Coverage.__doc__ += "\n\nFrom limber/coverage.h: " + header_doc("coverage.h")
