"""limber: adaptive mobility programs from an XML rule set (Python bindings for liblimber).

    import limber
    rules = limber.Ruleset.default()
    plan = rules.plan({"goal": "flexibility", "minutes_per_day": 15,
                       "scan": [{"measure": "hip.internal-rotation", "left": 25, "right": 40}]},
                      start="2026-11-24", seed=1)
    plan.status, plan.days[0].items[0].exercise.name, plan.to_dict()
    plans = rules.plan_many(profiles, seed=1, threads=2)   # in C, GIL released
    rules.scan("hamstring.slr", "left", limber.Capture.from_arrays(times, landmarks, (1280, 720))).angle
    results = rules.test("rules/tests")                    # rule test cases: TestResult, true when passed
    rules.coverage(cases="rules/tests").percent("rules"), rules.simulate(profile, weeks=8).plans
    limber.audit(population=200, max_changes=4).passed   # session quality, as `limber audit`

pytest collects rule test cases with `pytest --limber-cases=rules/tests`
(limber.pytest_plugin, installed with the package).

Profiles are dicts shaped like the JSON profile (docs/profile-format.md) or
Profile objects.  Errors raise limber.Error subclasses carrying the file,
line, column and field.  `limber.lowlevel` is every C function, generated
from the public headers.  Statuses, outcomes, goals and sides are str-valued
enums (limber.Status...), dates are datetime.date; rule sets, profiles and
plans pickle; limber.dask plans populations on a Dask cluster.  The package
is typed (py.typed, __init__.pyi).
"""

from ._catalogue import Dose, Exercise, Measure, Question
from ._errors import Error, OptionsError, Problem, ProfileError, RulesetError
from ._frames import facts_frame, items_frame, plans_frame
from ._native import lib as _lib
from ._plan import Day, Item, Plan, Referral
from ._profile import Profile
from ._reflect import text as _text
from ._ruleset import Ruleset
from . import _extras  # noqa: F401  (render, lint: when the library has them)
from ._testing import TestCase, TestFailure, TestResult, test_results_to_junit, test_results_to_tap
from ._coverage import Coverage
from ._audit import Audit, audit
from ._simulate import Simulation
from ._scan import Capture, Reason, ScanResult
from ._values import Goal, Outcome, Response, Side, Status
from . import lowlevel

__version__ = _text(_lib.LIMBER_VERSION_STRING)

__all__ = ["Ruleset", "Profile", "Plan", "Day", "Item", "Referral", "Exercise", "Question", "Measure", "Dose",
           "Error", "RulesetError", "ProfileError", "OptionsError", "Problem", "items_frame", "plans_frame",
           "facts_frame",
           "TestCase", "TestResult", "TestFailure", "test_results_to_tap", "test_results_to_junit", "Coverage",
           "Audit", "audit", "Simulation", "library_version", "lowlevel", "Status", "Outcome", "Goal", "Side",
           "Response", "Capture", "ScanResult", "Reason"]


def library_version():
    """The version of the liblimber compiled into the module (limber_version())."""
    return _text(_lib.limber_version())
