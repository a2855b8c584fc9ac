"""A person's profile, owned by Python.

Most code passes profiles as dicts shaped like the JSON profile
(docs/profile-format.md) and never sees this class; it is for profiles
loaded once and planned many times, built field by field, or read back.
"""

import json
import numbers
import os

from ._errors import ProfileError, check
from ._native import ffi, lib
from ._oserrors import as_os_error
from ._reflect import add_getters, brief, enum_value, header_doc, take_text, wraps_c
from ._values import Goal, date_text


def _plain(value):
    """json.dumps fallback: numpy scalars and arrays, dates, sets."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "shape", None) == ():
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError("%r cannot be part of a profile" % (value,))


try:  # the dict reader (src/dicts.c): CPython only; elsewhere dicts go through JSON
    from . import _dicts
    _dicts.bind(int(ffi.cast("uintptr_t", lib.limber_py_profile_api())))
except ImportError:  # pragma: no cover - depends on the build
    _dicts = None


def dicts_to_profiles(dicts, ruleset_ptr):
    """C profiles for the dicts the dict reader reads (a cdata LimberProfile *[]; NULL
    where a dict must go the JSON way, which then reports what is wrong).  The
    caller owns them."""
    out = ffi.new("LimberProfile *[]", len(dicts))
    if _dicts is not None and dicts:
        _dicts.profiles(dicts, int(ffi.cast("uintptr_t", ruleset_ptr)), int(ffi.cast("uintptr_t", out)))
    return out


def dicts_read_all(dicts, ruleset_ptr):
    """The C profiles of every dict of the list (a cdata LimberProfile *[] the
    caller owns), or None when the dict reader gave up on any of them: then
    none are kept, and the caller takes the way that reports what is wrong."""
    if _dicts is None or not dicts:
        return None
    out = ffi.new("LimberProfile *[]", len(dicts))
    built = _dicts.profiles(dicts, int(ffi.cast("uintptr_t", ruleset_ptr)), int(ffi.cast("uintptr_t", out)))
    if built == len(dicts):
        return out
    lib.limber_py_profiles_free(out, len(dicts))
    return None


def to_json_bytes(data):
    """A profile dict as compact UTF-8 JSON, the way limber_profile_new_from_json() reads it."""
    return json.dumps(data, separators=(",", ":"), default=_plain, allow_nan=True).encode("utf-8")


class Profile:
    """A person: age, goal, time, constraints, screening answers, scan and history.

    Make one with Profile() (every field at its default, see below),
    Profile(data) for a dict or JSON string (as Profile.coerce()), or load
    one against the rule set it will be planned with: Profile.from_dict(),
    .from_json(), .from_xml(), .load(path), or `rules.profile(...)`.  Loading
    checks every field and raises ProfileError naming the first bad one.
    Setting attributes (age, goal, minutes_per_day...) calls the C setters;
    validate(rules) checks a profile built that way.

    Usable as a context manager: the C profile is freed on exit.
    """

    __slots__ = ("_ptr", "_rules", "__weakref__")

    def __init__(self, data=None, ruleset=None):
        """A profile: every field at its default, or `data` (a dict or JSON document) read against `ruleset`.

        `data` read this way is checked as from_dict() checks it (ProfileError
        naming the field); `ruleset` defaults to the built-in rule set.
        """
        # the rule set it was read against, if any: a pickled profile is read
        # back against the same one (its questions and measures)
        self._rules = ruleset
        if data is None:
            ptr = lib.limber_profile_new()
        elif isinstance(data, ffi.CData):
            ptr = data  # the library's own constructors: this object owns it from now on
        else:
            loaded = Profile.coerce(data, ruleset)
            # take the C profile over from the loaded object, which is then empty
            ptr = loaded._live()
            ffi.gc(ptr, None)  # the loaded object no longer frees it
            loaded._ptr = None
            self._rules = loaded._rules
        self._ptr = ffi.gc(ptr, lib.limber_profile_free)

    def __reduce__(self):
        """Pickled as its JSON (to_json()) and the rule set it was read against (by content)."""
        return _profile_from_json, (self.to_json(), self._rules)


    # -- loading ---------------------------------------------------------
    @classmethod
    def _load(cls, fn, ruleset, *args):
        from ._ruleset import Ruleset
        rules = ruleset if ruleset is not None else Ruleset.default()
        err = ffi.new("GError **")
        ptr = fn(rules._ptr, *args, err)
        try:
            check(err, ProfileError)
        except ProfileError as e:
            if fn is lib.limber_profile_new_from_file_bounded:
                raise as_os_error(e, args[0]) from None
            raise
        return cls(ptr, ruleset)

    @classmethod
    def from_dict(cls, data, ruleset=None, name=None):
        """A profile from a dict shaped like the JSON profile, checked against `ruleset` (default: the built-in).

        Read straight from the dict in C when it is shaped as a program
        writes it; otherwise (and for every problem) through its JSON, whose
        reader names the field at fault.
        """
        from ._ruleset import Ruleset
        rules = ruleset if ruleset is not None else Ruleset.default()
        if isinstance(data, dict):
            built = dicts_to_profiles([data], rules._live())[0]
            if built != ffi.NULL:
                return cls(built, ruleset)
        raw = to_json_bytes(data)
        return cls._load(lib.limber_profile_new_from_json, ruleset, raw, len(raw),
                         name.encode() if name else ffi.NULL)

    @classmethod
    @wraps_c("limber_profile_new_from_json")
    def from_json(cls, text, ruleset=None, name=None):
        """A profile from a JSON document (str or bytes)."""
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._load(lib.limber_profile_new_from_json, ruleset, raw, len(raw),
                         name.encode() if name else ffi.NULL)

    @classmethod
    @wraps_c("limber_profile_new_from_xml")
    def from_xml(cls, text, ruleset=None, name=None):
        """A profile from a `<profile>` XML document (str or bytes)."""
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._load(lib.limber_profile_new_from_xml, ruleset, raw, len(raw),
                         name.encode() if name else ffi.NULL)

    @classmethod
    @wraps_c("limber_profile_new_from_file_bounded")
    def load(cls, path, ruleset=None, max_bytes=None):
        """A profile from a JSON or XML file ("-" for standard input), at most `max_bytes` long (default 1 MiB)."""
        limit = lib.LIMBER_PROFILE_MAX_BYTES_DEFAULT if max_bytes is None else int(max_bytes)
        if limit < 1:
            raise ValueError("max_bytes: %d; expected at least 1" % limit)
        return cls._load(lib.limber_profile_new_from_file_bounded, ruleset, os.fsencode(path), limit)

    @classmethod
    def coerce(cls, profile, ruleset=None):
        """`profile` as a Profile: a Profile as is, a dict or a JSON string loaded."""
        if isinstance(profile, Profile):
            return profile
        if isinstance(profile, (str, bytes)):
            return cls.from_json(profile, ruleset)
        return cls.from_dict(profile, ruleset)

    # -- reading and writing ---------------------------------------------
    def _live(self):
        if self._ptr is None:
            raise ValueError("the profile is closed")
        return self._ptr

    def copy(self):
        """An independent copy."""
        return Profile(lib.limber_profile_copy(self._live()), self._rules)

    @wraps_c("limber_profile_validate")
    def validate(self, ruleset):
        """Checks every field against `ruleset`; raises ProfileError naming the field."""
        err = ffi.new("GError **")
        lib.limber_profile_validate(self._live(), ruleset._ptr, err)
        check(err, ProfileError)

    def to_json(self, pretty=False):
        """The profile as JSON, in the shape from_json() reads."""
        return take_text(lib.limber_profile_to_json(self._live(), bool(pretty)))

    def to_dict(self):
        """The profile as a dict, in the shape from_dict() reads."""
        return json.loads(self.to_json())

    def set_equipment(self, equipment):
        """Replaces the equipment available (an iterable of ids; empty for none at all)."""
        ids = [ffi.new("char[]", e.encode()) for e in equipment]
        lib.limber_profile_set_equipment(self._live(), ffi.new("const char *[]", ids + [ffi.NULL]))

    def avoid_region(self, region):
        """Adds a body region to avoid ("shoulder"): exercises working it are left out."""
        lib.limber_profile_add_avoid_region(self._live(), region.encode())

    def answer(self, question, value):
        """Answers a question: a bool for yes-no, a number for a scale, a str for a choice."""
        p, q = self._live(), question.encode()
        if isinstance(value, bool) or type(value).__name__ == "bool_":
            lib.limber_profile_set_answer_bool(p, q, bool(value))
        elif isinstance(value, numbers.Real):
            lib.limber_profile_set_answer_number(p, q, float(value))
        else:
            lib.limber_profile_set_answer_choice(p, q, str(value).encode())

    def measure(self, measure, left=None, right=None, value=None):
        """Records a scan measure: `left` and `right` for a sided one, `value` for an unsided one."""
        if value is not None:
            lib.limber_profile_set_measure_value(self._live(), measure.encode(), float(value))
        else:
            lib.limber_profile_set_measure(self._live(), measure.encode(), float(left), float(right))

    def add_session(self, date, exercise, completed=True, sets=0, reps=0, hold_s=0.0, duration_s=0.0,
                    discomfort=None, discomfort_next_day=None):
        """Logs a session of one exercise; a discomfort of None means not reported."""
        keep = [ffi.new("char[]", date_text(date, "date").encode()), ffi.new("char[]", exercise.encode())]
        session = ffi.new("LimberSession *", {
            "date": keep[0], "exercise": keep[1], "completed": bool(completed), "sets": sets, "reps": reps,
            "hold_s": hold_s, "duration_s": duration_s,
            "discomfort": -1 if discomfort is None else discomfort,
            "discomfort_next_day": -1 if discomfort_next_day is None else discomfort_next_day})
        lib.limber_profile_add_session(self._live(), session)

    def add_rescan(self, date, measure, left, right):
        """Logs a dated re-scan of a sided measure."""
        lib.limber_profile_add_rescan(self._live(), date_text(date, "date").encode(), measure.encode(), float(left),
                                      float(right))

    @property
    def goal(self):
        """The goal: a Goal, which equals its name ("recovery", "flexibility" or "performance")."""
        from ._reflect import enum_names
        return Goal(enum_names("LimberGoal")[lib.limber_profile_get_goal(self._live())])

    @goal.setter
    def goal(self, goal):
        lib.limber_profile_set_goal(self._live(), enum_value("LimberGoal", goal))

    # -- lifetime --------------------------------------------------------
    def close(self):
        """Frees the C profile now rather than when garbage collected."""
        if self._ptr is not None:
            ffi.release(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        if self._ptr is None:
            return "<limber.Profile (closed)>"
        return "<limber.Profile goal=%s age=%s>" % (self.goal, self.age)


def _with_setters(cls):
    """name/age/minutes_per_day/... as read-write properties over the C getters and setters."""
    add_getters(cls, "limber_profile")
    for attr in list(vars(cls)):
        setter = "limber_profile_set_" + attr
        prop = vars(cls)[attr]
        if isinstance(prop, property) and prop.fset is None and hasattr(lib, setter):
            fset = getattr(lib, setter)

            def set_(self, value, _f=fset):
                _f(self._live(), value.encode() if isinstance(value, str) else
                   (ffi.NULL if value is None else value))
            setattr(cls, attr, property(prop.fget, set_, doc=prop.__doc__ + "\nSettable: " + brief(setter)))
    return cls


_with_setters(Profile)


def _profile_from_json(text, ruleset=None):
    """A pickled profile: its JSON read back against the rule set it was read against (default: the built-in)."""
    return Profile.from_json(text, ruleset)
Profile.__doc__ += "\n\nFrom limber/profile.h: " + header_doc("profile.h")
