"""A generated plan, its days and items.

A Plan owns its C plan; its days and items are read from C once, on first
use, into plain Python objects, so they stay valid and cheap.  A plan keeps
its rule set alive (its items' exercises belong to the rule set).
"""

import json
from typing import NamedTuple, Optional, Tuple

from ._catalogue import dose_from_c
from ._native import ffi, lib
from ._reflect import add_getters, converter, getters, header_doc, take_text, text, wraps_c


class Referral(NamedTuple):
    """Why a plan holds no exercises: the outcome, the message, the red flags behind it."""
    outcome: str
    message: Optional[str]
    flags: Tuple[str, ...]


class Item:
    """One exercise of a day: the exercise, its slot, dose, ladder step, emphasis, time and reasons."""

    __slots__ = ("exercise", "slot", "dose", "step", "emphasis_side", "emphasis_extra_sets", "seconds", "reasons",
                 "_extra")

    def __init__(self, **values):
        # getters added to the header after this class was written land in _extra
        self._extra = {}
        for k, v in values.items():
            if k in Item.__slots__:
                setattr(self, k, v)
            else:
                self._extra[k] = v

    def __getattr__(self, name):
        try:
            return object.__getattribute__(self, "_extra")[name]
        except KeyError:
            raise AttributeError(name) from None

    name = property(lambda self: self.exercise.name, doc="The exercise's display name.")
    per_side = property(lambda self: self.exercise.per_side, doc="Whether the dose is done on each side.")
    sets = property(lambda self: self.dose.sets, doc="Sets prescribed.")
    reps = property(lambda self: self.dose.reps, doc="Repetitions per set; 0 for a duration.")
    hold_s = property(lambda self: self.dose.hold_s, doc="Seconds each repetition is held.")
    duration_s = property(lambda self: self.dose.duration_s, doc="Seconds of continuous work per set.")

    def to_dict(self):
        """The item as a flat dict (the exercise by id)."""
        out = {"exercise": self.exercise.id, "name": self.name, "slot": self.slot}
        out.update(self.dose._asdict())
        out.update(per_side=self.per_side, emphasis_side=self.emphasis_side,
                   emphasis_extra_sets=self.emphasis_extra_sets, step=self.step, seconds=self.seconds)
        return out

    def __repr__(self):
        return "<limber.Item %s %s step %d>" % (self.slot, self.exercise.id, self.step)


class Day:
    """One day of a plan: its date, whether it is a rest day, its minutes and items."""

    __slots__ = ("date", "rest", "minutes", "items", "_extra")

    def __init__(self, date, rest, minutes, items, **extra):
        self.date, self.rest, self.minutes, self.items = date, rest, minutes, items
        self._extra = extra  # getters added to the header after this class was written

    def __getattr__(self, name):
        try:
            return object.__getattribute__(self, "_extra")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "<limber.Day %s %s>" % (self.date, "rest" if self.rest else "%d items" % len(self.items))


def _reader(prefix, skip=()):
    """A function reading every one-argument getter of a borrowed object."""
    calls = [(name, getattr(lib, fname), converter(fname))
             for name, fname in getters(prefix).items() if name not in skip]

    def read(ptr):
        return {name: convert(call(ptr)) for name, call, convert in calls}
    return read


class Plan:
    """A week (or up to 28 days) of exercises, or a referral.

    Attributes read from C: status ("ok", "referral" or "no-exercises"), outcome, referral,
    advisories, seed, days (each with items).  The rest of the plan format
    (facts, rules_fired, start...) is in to_dict().  Usable as a context
    manager: the C plan is freed on exit.
    """

    __slots__ = ("_ptr", "ruleset", "_days", "_json", "__weakref__")

    def __init__(self, ptr, ruleset):
        self._ptr = ffi.gc(ptr, lib.limber_plan_free)
        self.ruleset = ruleset
        self._days = None
        self._json = None

    def _live(self):
        if self._ptr is None:
            raise ValueError("the plan is closed")
        return self._ptr

    @property
    def referral(self):
        """None for a program; a Referral (outcome, message, red flags) when screening referred."""
        if self.status != "referral":
            return None
        ref = self.to_dict()["referral"] or {}
        return Referral(self.outcome, self.referral_message, tuple(ref.get("flags", ())))

    @property
    def advisories(self):
        """Cautions, rule advice and safety notes, in the order they arose."""
        p = self._live()
        return tuple(text(lib.limber_plan_get_advisory(p, i)) for i in range(lib.limber_plan_get_n_advisories(p)))

    @property
    def days(self):
        """The days, in date order: a tuple of Day."""
        if self._days is None:
            self._days = self._read_days()
        return self._days

    def items(self):
        """Every item of every day, in order: an iterator of (Day, Item)."""
        for day in self.days:
            for item in day.items:
                yield day, item

    def _read_days(self):
        p = self._live()
        by_address = self.ruleset._exercise_by_address()
        read_day, read_item = _READ_DAY(), _READ_ITEM()
        dose = ffi.new("LimberDose *")
        effect = ffi.new("const char **")
        days = []
        for d in range(lib.limber_plan_get_n_days(p)):
            day = lib.limber_plan_get_day(p, d)
            items = []
            for i in range(lib.limber_day_get_n_items(day)):
                item = lib.limber_day_get_item(day, i)
                values = read_item(item)
                values["exercise"] = by_address[int(ffi.cast("uintptr_t", values["exercise"]))]
                if values["emphasis_side"] == "none":
                    values["emphasis_side"] = None
                lib.limber_item_get_dose(item, dose)
                values["dose"] = dose_from_c(dose)
                reasons = []
                for r in range(values.pop("n_reasons")):
                    rule = text(lib.limber_item_get_reason(item, r, effect))
                    reasons.append((rule, text(effect[0])))
                values["reasons"] = tuple(reasons)
                items.append(Item(**values))
            days.append(Day(items=tuple(items), **read_day(day)))
        return tuple(days)

    # -- output ----------------------------------------------------------
    @wraps_c("limber_plan_to_json")
    def to_json(self, pretty=False):
        """The plan as JSON (docs/plan-format.md); byte-identical for the same inputs."""
        if pretty:
            return take_text(lib.limber_plan_to_json(self._live(), True))
        if self._json is None:
            self._json = take_text(lib.limber_plan_to_json(self._live(), False))
        return self._json

    def to_dict(self):
        """The plan as a dict, in the JSON plan format (a new dict each call)."""
        return json.loads(self.to_json())

    @wraps_c("limber_plan_to_xml")
    def to_xml(self):
        """The plan as XML, with the same content as the JSON."""
        return take_text(lib.limber_plan_to_xml(self._live()))

    @wraps_c("limber_plan_to_text")
    def to_text(self):
        """The plan as readable text, for terminals and email."""
        return take_text(lib.limber_plan_to_text(self._live()))

    def to_dataframe(self):
        """A pandas DataFrame with one row per item (needs pandas)."""
        from ._frames import items_frame
        return items_frame([self])

    @property
    def facts(self):
        """What the profile implies under the rule set: flags, deficits, asymmetries, scores."""
        return self.to_dict()["facts"]

    @property
    def rules_fired(self):
        """The ids of the rules whose conditions held."""
        return tuple(self.to_dict()["rules_fired"])

    @property
    def start(self):
        """The first day, YYYY-MM-DD."""
        return self.days[0].date if self.days else self.to_dict()["start"]

    # -- lifetime --------------------------------------------------------
    def close(self):
        """Frees the C plan now (days and items already read stay usable)."""
        if self._ptr is not None:
            ffi.release(self._ptr)
            self._ptr = None
            self._json = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __str__(self):
        return self.to_text()

    def __repr__(self):
        if self._ptr is None:
            return "<limber.Plan (closed)>"
        return "<limber.Plan %s, %d days>" % (self.status, lib.limber_plan_get_n_days(self._ptr))


class BorrowedPlan(Plan):
    """A plan that belongs to another object (a simulation, a test result).

    It keeps its owner, and so the C plan, alive; close() only lets go of it.
    """

    __slots__ = ("_owner",)

    def __init__(self, ptr, ruleset, owner):  # pylint: disable=super-init-not-called
        self._ptr = ptr
        self.ruleset = ruleset
        self._days = None
        self._json = None
        self._owner = owner

    def close(self):
        """Lets go of the plan (days and items already read stay usable)."""
        self._ptr = None
        self._json = None
        self._owner = None


# Readers are built on first use (after the class is complete) and reused.
def _cached(factory):
    box = []

    def get():
        if not box:
            box.append(factory())
        return box[0]
    return get


_READ_DAY = _cached(lambda: _reader("limber_day", skip=("n_items",)))
_READ_ITEM = _cached(lambda: _reader("limber_item"))

add_getters(Plan, "limber_plan")
Plan.__doc__ += "\n\nFrom limber/plan.h: " + header_doc("plan.h")
