"""The library's named values as Python enums, and dates as datetime.date.

The enums are str-valued: `Status.OK == "ok"`, they hash, print and
serialise (JSON, CSV, pandas) as their strings, so code written when these
were bare strings keeps working while type checkers and editors see the
closed set of names.  The values are the names the JSON formats use; the
tests check that every member matches the C enum it stands for.
"""

import datetime
import enum
from typing import Optional, Union


class _StrEnum(str, enum.Enum):
    """A str that is also an enum member; it behaves as its string everywhere."""

    # Enum's own __str__, __format__ and __hash__ would give "Status.OK" and
    # hash the member's name: a member would no longer be found in a dict
    # keyed by the old strings, nor print as the formats spell it.
    __str__ = str.__str__
    __format__ = str.__format__
    __hash__ = str.__hash__

    def __repr__(self) -> str:
        return "<%s.%s: %r>" % (type(self).__name__, self.name, self.value)


class Status(_StrEnum):
    """What a plan is: a program, a referral, or no exercises (LimberPlanStatus)."""
    OK = "ok"
    REFERRAL = "referral"
    NO_EXERCISES = "no-exercises"


class Outcome(_StrEnum):
    """What screening concluded, mildest first (LimberOutcome)."""
    NONE = "none"
    CAUTION = "caution"
    SEE_CLINICIAN = "see-clinician"
    EMERGENCY = "emergency"


class Goal(_StrEnum):
    """What a person trains for (LimberGoal)."""
    RECOVERY = "recovery"
    FLEXIBILITY = "flexibility"
    PERFORMANCE = "performance"


class Side(_StrEnum):
    """A body side (LimberSide); items say None rather than Side.NONE when nothing is emphasised."""
    NONE = "none"
    LEFT = "left"
    RIGHT = "right"


class Response(_StrEnum):
    """How a simulated person responds to the program (LimberResponse)."""
    IMPROVING = "improving"
    PLATEAU = "plateau"
    FLARE_UP = "flare-up"


# The C enum each stands for; the result of a getter of that type is a member.
BY_CTYPE = {"LimberPlanStatus": Status, "LimberOutcome": Outcome, "LimberGoal": Goal, "LimberSide": Side,
            "LimberResponse": Response}


def to_date(value: Optional[str]) -> Optional[datetime.date]:
    """A YYYY-MM-DD string from C or JSON as a date (None stays None)."""
    return None if value is None else datetime.date.fromisoformat(value)


DateLike = Union[str, datetime.date]


def date_text(value: DateLike, what: str) -> str:
    """A date argument as C takes it: YYYY-MM-DD; a date or datetime is formatted, a str passed as is."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        return value
    if type(value).__name__ == "datetime64":  # numpy's: its str() is the ISO date (or datetime, which C refuses)
        return str(value)
    raise TypeError("%s: %r is not a date; expected a datetime.date or a YYYY-MM-DD string" % (what, value))


U64 = 0xFFFFFFFFFFFFFFFF


def seed_value(seed: int) -> int:
    """A seed as C takes it: 0 to 2**64 - 1; anything else is a ValueError, not a number wrapped around."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        try:
            import operator
            seed = operator.index(seed)  # numpy integers
        except TypeError:
            raise TypeError("seed: %r is not an integer; expected a whole number from 0 to 2**64 - 1"
                            % (seed,)) from None
    if not 0 <= seed <= U64:
        raise ValueError("seed: %d is out of range; expected a whole number from 0 to 2**64 - 1" % seed)
    return seed
