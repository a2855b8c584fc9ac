"""What a rule set declares: exercises, questions, measures, and doses.

These objects are read once from the rule set and then hold plain Python
values, so they stay valid and cheap however they are used (in sets, as
dict keys, after the rule set is closed).  Their attributes are every
one-argument getter the headers declare for the type, documented from the
headers; a getter added to a header appears here after a rebuild.
"""

import collections

from . import _docs
from ._native import ffi, lib
from ._reflect import brief, getters, snapshot


def _struct_tuple(name, ctype):
    """A namedtuple with the fields of a C struct, documented from its header."""
    # struct_size says the C layout (limber/ruleset.h), not the dose
    fields = [f for f, _ in ffi.typeof(ctype).fields if f != "struct_size"]
    cls = collections.namedtuple(name, fields)
    entry = _docs.ENTRIES.get(ctype, {})
    cls.__doc__ = _docs.DOCSTRINGS.get(ctype, name)
    for field, text in entry.get("members", {}).items():
        if field in fields:
            getattr(cls, field).__doc__ = text
    return cls


Dose = _struct_tuple("Dose", "LimberDose")


def dose_from_c(d):
    return Dose(*(getattr(d, f) for f in Dose._fields))


class _Record:
    """A read-only record of a borrowed rule-set object."""

    __slots__ = ("_v",)
    _prefix = None   # the C function prefix whose getters become attributes

    def __init__(self, values):
        self._v = values

    @classmethod
    def _read(cls, ptr, ruleset_describe=None):
        return cls(snapshot(ptr, cls._prefix))

    def to_dict(self):
        """The record as a plain dict."""
        return dict(self._v)

    def __eq__(self, other):
        return type(other) is type(self) and other._v == self._v

    def __hash__(self):
        return hash((type(self).__name__, self._v.get("id")))

    def __str__(self):
        return str(self._v.get("id"))

    def __repr__(self):
        return "<limber.%s %s>" % (type(self).__name__, self._v.get("id"))

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        for name, fname in getters(cls._prefix).items():
            if name not in cls.__dict__:
                setattr(cls, name, property(lambda self, _n=name: self._v[_n], doc=brief(fname)))


class Exercise(_Record):
    """An exercise of the rule set's catalogue; `steps` is its dose ladder, easiest first."""

    __slots__ = ()
    _prefix = "limber_exercise"

    @classmethod
    def _read(cls, ptr, describe=None):
        values = snapshot(ptr, cls._prefix)
        steps = []
        dose = ffi.new("LimberDose *")
        for i in range(lib.limber_exercise_get_n_steps(ptr)):
            lib.limber_exercise_get_step(ptr, i, dose)
            steps.append(dose_from_c(dose))
        values["steps"] = tuple(steps)
        return cls(values)

    @property
    def steps(self):
        """The dose ladder: a tuple of Dose, from the first (easiest) step."""
        return self._v["steps"]


class Question(_Record):
    """A screening question; `min` and `max` bound the answer of a scale question."""

    __slots__ = ()
    _prefix = "limber_question"

    @classmethod
    def _read(cls, ptr, describe=None):
        values = snapshot(ptr, cls._prefix)
        # The range of a scale is not in the C API; the rule set's
        # description (limber_ruleset_to_json) has it.
        info = (describe or {}).get(values.get("id"), {})
        values["min"] = info.get("min", 0)
        values["max"] = info.get("max", 10)
        return cls(values)

    @property
    def min(self):
        """The lowest answer of a scale question (0 unless the rule set says otherwise)."""
        return self._v["min"]

    @property
    def max(self):
        """The highest answer of a scale question (10 unless the rule set says otherwise)."""
        return self._v["max"]


class Measure(_Record):
    """A scan measurement a profile may report, with its unit, normal value and valid range."""

    __slots__ = ()
    _prefix = "limber_measure"
