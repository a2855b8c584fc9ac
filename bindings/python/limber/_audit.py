"""Session quality: whether a rule set's plans are sessions a physiotherapist would hand out.

    a = limber.audit(population=200, min_median_fill=0.9, max_changes=4)   # the default rules
    a = rules.audit(profiles=["examples/profiles/stiff-back.json", {...}])
    a["fill-median"], a.figures, a.passed, a.failures, a.to_dict(), a.to_text()

Ruleset.audit() is added to the Ruleset class here; `limber audit` is the same
from the command line (docs/audit.md).
"""

import json
import math
import os

from ._errors import Error, OptionsError, check
from ._native import ffi, lib
from ._coverage import population_args
from ._plan import Plan
from ._profile import Profile
from ._reflect import enum_names, enum_value, header_doc, take_text, wraps_c
from ._values import date_text, seed_value
from ._ruleset import Ruleset, _options

# The first day of every plan unless told otherwise, as `limber audit` does,
# so that an audit gives the same figures on every day it is run.
START = "2026-01-05"

# The thresholds `limber audit` takes, by their option names with underscores:
# name -> (figure, bound).
THRESHOLDS = {
    "min_median_fill": ("fill-median", "at-least"),
    "max_median_fill": ("fill-median", "at-most"),
    "max_under_85": ("fill-under-85", "at-most"),
    "max_outside_90_110": ("fill-outside-90-110", "at-most"),
    "min_fill": ("fill-min", "at-least"),
    "max_fill": ("fill-max", "at-most"),
    "max_median_changes": ("changes-median", "at-most"),
    "max_changes": ("changes-max", "at-most"),
    "max_variant_pairs": ("variant-pairs-max", "at-most"),
    "max_same_target_pairs": ("same-target-pairs-max", "at-most"),
    "min_median_core": ("core-median", "at-least"),
    "max_median_distinct": ("distinct-median", "at-most"),
    "min_coverage": ("coverage", "at-least"),
    "max_gaps": ("gaps", "at-most"),
    "min_reasons": ("reasons", "at-least"),
}


def _figure(name):
    """A LimberAuditFigure from its name ("fill-median"; underscores too)."""
    return enum_value("LimberAuditFigure", str(name).replace("_", "-"))


def _as_profile_source(item):
    """A file path for a path-like or a string that is not JSON; else None."""
    if isinstance(item, os.PathLike):
        return os.fspath(item)
    if isinstance(item, str) and not item.lstrip().startswith(("{", "<")):
        return item
    return None


class Audit:
    """Session-quality figures over the plans added: fill, position changes,
    variant pairs, the week's core, deficit coverage and plain-language reasons.

    Make one with limber.audit(...), rules.audit(...) or Audit(rules), then
    add() profiles or plans and add_population().  Figures are named as in
    Audit.FIGURES ("fill-median", "changes-max", "coverage"...); a figure
    nothing was measured for is None.
    """

    __slots__ = ("_ptr", "ruleset", "__weakref__")

    FIGURES = tuple(enum_names("LimberAuditFigure").values())

    def __init__(self, ruleset):
        self.ruleset = ruleset
        self._ptr = ffi.gc(lib.limber_audit_new(ruleset._live()), lib.limber_audit_free)

    # -- measuring -------------------------------------------------------
    def add_plan(self, plan):
        """Measures one plan; ValueError when it was made from another rule set."""
        if not lib.limber_audit_add_plan(self._ptr, plan._live()):
            raise ValueError("%r was made from another rule set than %r" % (plan, self.ruleset))
        return self

    @wraps_c("limber_audit_add_profile")
    def add(self, profiles, start=START, seed=0):
        """Plans profiles and measures the plans.

        `profiles`: one or an iterable of dicts, JSON strings, Profile
        objects, file paths (JSON or XML) or Plan objects (measured as they
        are).  Every profile is planned from `start` (default 2026-01-05)
        with `seed`.  A profile that does not fit the rule set raises
        ProfileError: it would leave a hole in the figures.
        """
        if isinstance(profiles, (str, bytes, dict, os.PathLike, Profile, Plan)):
            profiles = [profiles]
        opts = _options(start, None, seed)
        for item in profiles:
            if isinstance(item, Plan):
                self.add_plan(item)
                continue
            path = _as_profile_source(item)
            profile = Profile.load(path, self.ruleset) if path is not None else Profile.coerce(item, self.ruleset)
            err = ffi.new("GError **")
            lib.limber_audit_add_profile(self._ptr, profile._live(), opts, err)
            check(err, Error)
        return self

    @wraps_c("limber_audit_add_population", "limber_audit_set_threads")
    def add_population(self, n, seed=0, start=None, threads=None):
        """Generates `n` varied profiles (1 to 1000000) from `seed` and measures their plans.

        The plans are made in C on `threads` threads (None: every core), the
        GIL released; the figures are the same for any number of threads.
        """
        n, threads = population_args(n, threads)
        lib.limber_audit_set_threads(self._ptr, threads)
        err = ffi.new("GError **")
        lib.limber_audit_add_population(self._ptr, n, seed_value(seed),
                                        ffi.NULL if start is None else date_text(start, "start").encode(), err)
        check(err, OptionsError)
        return self

    @staticmethod
    @wraps_c("limber_audit_population_profile")
    def population_profile(ruleset, k, seed=0, start=None):
        """Profile `k` (from 1, as the reports name it) of the population of `seed`, to look at its plan
        (planned with seed `seed + k - 1` from `start`, default 2026-01-05)."""
        k = int(k)
        if not 1 <= k <= 1000000:
            raise OptionsError("population profile: %d is out of range; expected 1 to 1000000" % k, "options")
        err = ffi.new("GError **")
        day = ffi.NULL if start is None else date_text(start, "start").encode()
        ptr = lib.limber_audit_population_profile(ruleset._live(), seed_value(seed), day, k - 1, err)
        check(err, OptionsError)
        return Profile(ptr)

    # -- thresholds ------------------------------------------------------
    @wraps_c("limber_audit_add_threshold")
    def add_threshold(self, figure, at_least=None, at_most=None, label=None):
        """Holds a figure to a limit (or two): check() and .failures name each one that fails."""
        if at_least is None and at_most is None:
            raise ValueError("add_threshold(%r): expected at_least=, at_most= or both" % (figure,))
        f = _figure(figure)
        for bound, limit in ((lib.LIMBER_AUDIT_AT_LEAST, at_least), (lib.LIMBER_AUDIT_AT_MOST, at_most)):
            if limit is None:
                continue
            ok = lib.limber_audit_add_threshold(self._ptr, f, bound, float(limit),
                                                ffi.NULL if label is None else str(label).encode())
            if not ok:
                raise ValueError("add_threshold(%r): %r is not a finite number" % (figure, limit))
        return self

    def hold(self, **thresholds):
        """Adds thresholds named like `limber audit`'s options: hold(min_median_fill=0.9, max_changes=4)."""
        for name, limit in thresholds.items():
            if name not in THRESHOLDS:
                raise TypeError("unknown threshold %r; expected one of %s" % (name, ", ".join(THRESHOLDS)))
            figure, bound = THRESHOLDS[name]
            self.add_threshold(figure, label=name, **{bound.replace("-", "_"): limit})
        return self

    @property
    def failures(self):
        """One line per threshold that fails, naming it, the figure and the limit ([] when all hold)."""
        text = take_text(lib.limber_audit_check(self._ptr))
        return text.splitlines() if text else []

    @property
    def passed(self):
        """Whether every threshold holds."""
        return not self.failures

    # -- reading ---------------------------------------------------------
    @wraps_c("limber_audit_get_figure")
    def figure(self, name):
        """A figure by name ("fill-median"); None when nothing was measured for it."""
        value = lib.limber_audit_get_figure(self._ptr, _figure(name))
        return None if math.isnan(value) else value

    __getitem__ = figure

    @property
    def figures(self):
        """{name: value} for every figure, in Audit.FIGURES order (None when not measured)."""
        return {name: self.figure(name) for name in self.FIGURES}

    def to_json(self, pretty=False):
        """The audit as JSON, as `limber audit --format json` prints it."""
        return take_text(lib.limber_audit_to_json(self._ptr, bool(pretty)))

    def to_dict(self):
        """The audit as a dict, in the JSON form (docs/audit.md)."""
        return json.loads(self.to_json())

    def to_text(self):
        """The audit as text, for people, with each threshold and whether it held."""
        return take_text(lib.limber_audit_to_text(self._ptr))

    def __str__(self):
        return self.to_text()

    def __repr__(self):
        fill = self.figure("fill-median")
        return "<limber.Audit %s: %d profiles, median fill %s>" % (
            self.ruleset.id, self.figure("profiles"), "-" if fill is None else "%.3f" % fill)


def _audit(ruleset, profiles, population, seed, start, thresholds, threads=None):
    a = Audit(ruleset).hold(**thresholds)
    if population is not None:
        a.add_population(population, seed, start, threads)
    if profiles is not None:
        a.add(profiles, START if start is None else start, seed)
    return a


@wraps_c("limber_audit_add_population", "limber_audit_add_profile")
def ruleset_audit(self, profiles=None, population=None, seed=0, start=None, threads=None, **thresholds):
    """Session-quality figures of this rule set over profiles, a generated population, or both.

    Args:
        profiles: dicts, JSON strings, Profile objects, file paths or Plan objects (one or an iterable).
        population: the number of varied profiles to generate (1 to 1000000).
        seed: the population's seed, and the plans' seed for `profiles`.
        start: the plans' first day (default 2026-01-05).
        threads: threads the population is planned on (None: every core).
        **thresholds: limits named like `limber audit`'s options (min_median_fill=0.9,
            max_under_85=0.05, max_changes=4, min_coverage=1.0...); see Audit.passed and .failures.

    Returns:
        an Audit: a["fill-median"], .figures, .passed, .failures, .to_dict(), .to_text().
    """
    return _audit(self, profiles, population, seed, start, thresholds, threads)


def audit(profiles=None, population=None, seed=0, start=None, rules=None, threads=None, **thresholds):
    """Session-quality figures over profiles or a generated population, as `limber audit` prints them.

    `rules`: a Ruleset, a path to a rule-set file, or None for the default rule set; the other
    arguments as for Ruleset.audit().
    """
    if rules is None:
        rules = Ruleset.default()
    elif not isinstance(rules, Ruleset):
        rules = Ruleset.load(rules)
    return _audit(rules, profiles, population, seed, start, thresholds, threads)


audit.__doc__ += "\n\n" + ruleset_audit.__doc__
Ruleset.audit = ruleset_audit
assert set(t[0] for t in THRESHOLDS.values()) <= set(Audit.FIGURES)
Audit.__doc__ += "\n\nFrom limber/audit.h: " + header_doc("audit.h")
