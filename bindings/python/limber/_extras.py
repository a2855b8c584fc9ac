"""Conveniences over optional modules of the library (rendering, linting).

Each is added only when the generated module has the functions it wraps, so
the Python layer imports whatever headers the library was built with; the
functions themselves are always in limber.lowlevel.
"""

from ._catalogue import _Record
from ._errors import Error, check
from ._native import ffi, lib
from ._plan import Plan
from ._reflect import doc, enum_value
from ._ruleset import Ruleset

if hasattr(lib, "limber_plan_render"):
    def render(self, format="pdf", paper="a4"):
        """The plan as a printable document: bytes of a PDF, or str for "html" and "text".

        format: "pdf", "html" or "text"; paper: "a4" or "letter".
        """
        length = ffi.new("gsize *")
        err = ffi.new("GError **")
        data = lib.limber_plan_render(self._live(), enum_value("LimberRenderFormat", format),
                                      enum_value("LimberPaper", paper), length, err)
        check(err, Error)
        try:
            out = ffi.unpack(ffi.cast("char *", data), length[0])
        finally:
            lib.g_free(data)
        return out if format == "pdf" else out.decode("utf-8")

    render.__doc__ += "\n\n" + doc("limber_plan_render")
    Plan.render = render

if hasattr(lib, "limber_lint") and hasattr(lib, "limber_lint_report_get_finding"):
    class LintFinding(_Record):
        """One finding of Ruleset.lint(): its code, severity, line, subject, message and hint."""

        __slots__ = ()
        _prefix = "limber_lint_finding"

        def __repr__(self):
            return "<limber.LintFinding %s %s>" % (self._v.get("severity"), self._v.get("code"))

    def lint(self):
        """Lints the rule set: a list of LintFinding, in line order (empty when nothing is found)."""
        report = ffi.gc(lib.limber_lint(self._live()), lib.limber_lint_report_free)
        return [LintFinding._read(lib.limber_lint_report_get_finding(report, i))
                for i in range(lib.limber_lint_report_get_n_findings(report))]

    lint.__doc__ += "\n\n" + doc("limber_lint")
    Ruleset.lint = lint
