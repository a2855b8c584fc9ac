"""liblimber's GErrors as Python exceptions.

Profile errors carry their problems as records in C (limber/error.h:
limber_error_get_problem()), which the exceptions take as they are; other
errors carry a message only, whose lines are split here.

liblimber writes every problem on one line shaped
`FILE:LINE:COLUMN: FIELD: what is wrong; expected what` (see
include/limber/error.h); the exceptions carry those parts as attributes so
that tools need not parse messages themselves.
"""

import re
from typing import NamedTuple, Optional

from ._native import ffi, lib
from ._reflect import enum_names

_PLACE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): (?P<rest>.*)$")
# A field is a path (`scan[0].left`, `answers.leg-pain`), a rule-set element
# with its identifying attribute (`<deficit> measure="hip.flex"`), or a word
# such as DOCTYPE; "not well-formed JSON: ..." is a description, not a field.
_FIELD = re.compile(r'^(?P<field>[A-Za-z_][\w.\-\[\]]*|<[\w-]+>(?: [\w-]+="[^"]*")*|Element \'[^\']*\'(?:, attribute \'[^\']*\')?): (?P<rest>.*)$')


class Problem(NamedTuple):
    """One line of an error message, in its parts (None where a part is absent).

    `code` is the problem's stable kind ("unknown-measure", "out-of-range";
    the LIMBER_PROBLEM_* of limber/error.h) and `suggestion` the known id an
    unknown one is most likely a typo of; both come from C's records, so a
    message split here (an error without records) has neither.
    """
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    field: Optional[str]
    what: str
    expected: Optional[str]
    text: str
    code: Optional[str] = None
    suggestion: Optional[str] = None


def parse_problem(line):
    """Splits one `FILE:LINE:COL: FIELD: what; expected what` line."""
    file = row = col = field = expected = None
    rest = line
    place = _PLACE.match(rest)
    if place:
        file, row, col, rest = place["file"], int(place["line"]), int(place["column"]), place["rest"]
    named = _FIELD.match(rest)
    if named:
        field, rest = named["field"], named["rest"]
    what, sep, tail = rest.rpartition("; expected ")
    if sep:
        expected = tail
    else:
        what = rest
    return Problem(file, row, col, field, what, expected, line)


class Error(Exception):
    """An error reported by liblimber.

    Attributes:
        message: the whole message (one line per problem).
        code: the LimberErrorCode name ("profile", "schema", "io"...), or None.
        problems: every line of the message as a Problem.
        file, line, column, field, what, expected: the first problem's parts.
    """

    def __init__(self, message, code=None, problems=None):
        super().__init__(message)
        self.message = message
        self.code = code
        if problems is None:
            problems = [parse_problem(line) for line in message.splitlines() if line.strip()]
        self.problems = list(problems)
        first = self.problems[0] if self.problems else Problem(None, None, None, None, message, None, message)
        self.file, self.line, self.column = first.file, first.line, first.column
        self.field, self.what, self.expected = first.field, first.what, first.expected

    def __str__(self):
        return self.message


class RulesetError(Error):
    """A rule set could not be loaded: not found, not XML, against the schema or inconsistent."""


class ProfileError(Error, ValueError):
    """A profile is malformed or does not fit its rule set; `field` names the culprit."""


class OptionsError(Error, ValueError):
    """Generation options are out of range (a start that is not a date, days outside 1..28)."""


_BY_CODE = {"profile": ProfileError, "options": OptionsError}


def _text(ptr):
    return ffi.string(ptr).decode("utf-8", "replace") if ptr != ffi.NULL else None


def _records(err):
    """The error's problem records from C, as Problems; None when it has none."""
    n = lib.limber_error_get_n_problems(err)
    if n == 0:
        return None
    out = []
    for i in range(n):
        p = lib.limber_error_get_problem(err, i)
        line, column = lib.limber_problem_get_line(p), lib.limber_problem_get_column(p)
        out.append(Problem(_text(lib.limber_problem_get_file(p)), line or None, column or None,
                           _text(lib.limber_problem_get_field(p)), _text(lib.limber_problem_get_what(p)),
                           _text(lib.limber_problem_get_expected(p)), _text(lib.limber_problem_get_text(p)),
                           _text(lib.limber_problem_get_code(p)), _text(lib.limber_problem_get_suggestion(p))))
    return out


def from_gerror(err, default=Error):
    """An exception for a GError*, which is freed.

    The class follows the error code for profile and option errors, else the
    caller's `default` (a parse error while loading rules is a RulesetError).
    """
    try:
        message = ffi.string(err.message).decode("utf-8", "replace")
        code = problems = None
        if err.domain == lib.limber_error_quark():
            code = enum_names("LimberErrorCode").get(err.code)
            problems = _records(err)
    finally:
        lib.g_error_free(err)
    cls = _BY_CODE.get(code, default)
    if default is RulesetError:
        cls = RulesetError
    return cls(message, code, problems)


def check(errp, default=Error):
    """Raises when the GError** holds an error."""
    if errp[0] != ffi.NULL:
        raise from_gerror(errp[0], default)
