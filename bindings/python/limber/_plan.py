"""A generated plan, its days and items.

A Plan owns its C plan; its days and items are read from C once, on first
use, into plain Python objects, so they stay valid and cheap.  A plan keeps
its rule set alive (its items' exercises belong to the rule set).
"""

import html
import json
from typing import NamedTuple, Optional, Tuple

from ._catalogue import dose_from_c
from ._native import ffi, lib
from ._reflect import add_getters, converter, getters, header_doc, take_text, text, wraps_c
from ._values import Outcome, Side, to_date


class Referral(NamedTuple):
    """Why a plan holds no exercises: the outcome, the message, the red flags behind it."""
    outcome: Outcome
    message: Optional[str]
    flags: Tuple[str, ...]


class _Value:
    """Items and days are values: two with the same content (an item's
    exercise, dose, step...; a day's date and items) are equal and hash
    alike, whichever plan (or pickle) they came from.  Subclasses say what
    the content is in _key()."""

    __slots__ = ()

    def _key(self):
        raise NotImplementedError

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())


class Item(_Value):
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

    # the C getter gives the name in the plan's language; an item made
    # without one (a pickle of an older version) falls back to the exercise's
    name = property(lambda self: self._extra.get("name") or self.exercise.name,
                    doc="The exercise's display name, in the plan's language.")
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

    def _key(self):
        return (self.exercise, self.slot, self.dose, self.step, self.emphasis_side, self.emphasis_extra_sets,
                self.seconds, self.reasons, tuple(sorted(self._extra.items())))

    def __reduce__(self):
        values = {k: getattr(self, k) for k in Item.__slots__ if k != "_extra"}
        values.update(self._extra)
        return _item, (values,)

    def __repr__(self):
        return "<limber.Item %s %s step %d>" % (self.slot, self.exercise.id, self.step)


def _item(values):
    return Item(**values)


class Day(_Value):
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

    def _key(self):
        return (self.date, self.rest, self.minutes, self.items, tuple(sorted(self._extra.items())))

    def __reduce__(self):
        return _day, (self.date, self.rest, self.minutes, self.items, self._extra)

    def __repr__(self):
        return "<limber.Day %s %s>" % (self.date, "rest" if self.rest else "%d items" % len(self.items))


def _day(date, rest, minutes, items, extra):
    return Day(date, rest, minutes, items, **extra)


def _reader(prefix, skip=()):
    """A function reading every one-argument getter of a borrowed object."""
    calls = [(name, getattr(lib, fname), converter(fname))
             for name, fname in getters(prefix).items() if name not in skip]

    def read(ptr):
        return {name: convert(call(ptr)) for name, call, convert in calls}
    return read


class Plan:
    """A week (or up to 28 days) of exercises, or a referral.

    Attributes read from C: status (a Status, equal to "ok", "referral" or
    "no-exercises"), outcome (an Outcome), referral, advisories, seed, start
    (a datetime.date), days (each with items).  The rest of the plan format
    (facts, rules_fired...) is in to_dict().  Usable as a context manager:
    the C plan is freed on exit.  Plans pickle (see __reduce__) and show
    their printable handout in a notebook.
    """

    __slots__ = ("_ptr", "ruleset", "_days", "_json", "_state", "__weakref__")

    def __init__(self, ptr, ruleset):
        self._ptr = ffi.gc(ptr, lib.limber_plan_free)
        self.ruleset = ruleset
        self._days = None
        self._json = None
        self._state = None

    def _live(self):
        if self._ptr is None:
            if self._state is not None:
                raise ValueError("this plan was unpickled: it holds its JSON, days and C getters' values, but not "
                                 "the C plan that text, XML and rendering need; plan the profile again for those")
            raise ValueError("the plan is closed")
        return self._ptr

    # -- pickling --------------------------------------------------------
    def __reduce__(self):
        """Pickled as its rule set, its JSON, its days and every C getter's value.

        The library cannot read a plan back from JSON, so the unpickled plan
        is not a C plan: everything a Plan reads (status, days, items, facts,
        to_json(), to_dict(), frames) is as it was; to_text(), to_xml() and
        render() raise ValueError.  The rule set is pickled by content
        (Ruleset.__reduce__), so a process that has never seen the file can
        read the items' exercises.
        """
        state = {name: getattr(self, name) for name in _GETTER_NAMES}
        state["advisories"] = self.advisories
        return _restore_plan, (self.ruleset, self.to_json(), self.days, state)

    def _html_or_none(self):
        render = getattr(self, "render", None)
        if render is None or self._ptr is None:
            return None
        return render("html")

    def _repr_html_(self):
        """The plan's printable HTML handout, inline in a notebook (its text, escaped, when it cannot be rendered)."""
        try:
            out = self._html_or_none()
        except Exception:  # pylint: disable=broad-except
            out = None  # a notebook shows the text instead of a traceback
        if out is not None:
            return out
        if self._ptr is not None:
            return "<pre>%s</pre>" % html.escape(self.to_text())
        return "<pre>%s</pre>" % html.escape(repr(self))

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
        if self._ptr is None and self._state is not None:
            return self._state["advisories"]
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
                if values["emphasis_side"] == Side.NONE:
                    values["emphasis_side"] = None
                lib.limber_item_get_dose(item, dose)
                values["dose"] = dose_from_c(dose)
                reasons = []
                for r in range(values.pop("n_reasons")):
                    rule = text(lib.limber_item_get_reason(item, r, effect))
                    reasons.append((rule, text(effect[0])))
                values["reasons"] = tuple(reasons)
                items.append(Item(**values))
            values = read_day(day)
            values["date"] = to_date(values["date"])
            days.append(Day(items=tuple(items), **values))
        return tuple(days)

    # -- output ----------------------------------------------------------
    @wraps_c("limber_plan_to_json")
    def to_json(self, pretty=False):
        """The plan as JSON (docs/plan-format.md); byte-identical for the same inputs."""
        if pretty:
            if self._ptr is None and self._state is not None:
                return json.dumps(json.loads(self._json), indent=2, ensure_ascii=False)
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

    def to_dataframe(self, library="pandas"):
        """A table with one row per item: pandas (default), "polars" or "arrow" (needs that library)."""
        from ._frames import items_frame
        return items_frame([self], library)

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
        """The first day, a datetime.date."""
        return self.days[0].date if self.days else to_date(self.to_dict()["start"])

    # -- lifetime --------------------------------------------------------
    def close(self):
        """Frees the C plan now (days and items already read stay usable)."""
        if self._ptr is not None:
            ffi.release(self._ptr)
            self._ptr = None
            self._json = None
        self._state = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __str__(self):
        if self._ptr is None and self._state is not None:
            return repr(self)  # str() must not raise; an unpickled plan has no text
        return self.to_text()

    def __repr__(self):
        if self._ptr is None:
            if self._state is not None:
                return "<limber.Plan %s, %d days (unpickled)>" % (self.status, self.n_days)
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
        self._state = None
        self._owner = owner

    def close(self):
        """Lets go of the plan (days and items already read stay usable)."""
        self._ptr = None
        self._json = None
        self._state = None
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


def _with_state(name, prop):
    """The C getter's property, answered from the pickled values when the plan was unpickled."""
    def get(self):
        if self._ptr is None and self._state is not None:
            return self._state[name]
        return prop.fget(self)
    return property(get, doc=prop.__doc__)


# every C getter a Plan has as a property (start is Python's own, a date)
_GETTER_NAMES = tuple(name for name in getters("limber_plan")
                      if name != "start" and isinstance(vars(Plan).get(name), property))
for _name in _GETTER_NAMES:
    setattr(Plan, _name, _with_state(_name, vars(Plan)[_name]))


def _restore_plan(ruleset, json_text, days, state):
    plan = Plan.__new__(Plan)
    plan._ptr = None
    plan.ruleset = ruleset
    plan._json = json_text
    plan._days = days
    plan._state = state
    return plan
Plan.__doc__ += "\n\nFrom limber/plan.h: " + header_doc("plan.h")
