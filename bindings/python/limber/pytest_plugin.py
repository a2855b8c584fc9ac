"""A pytest plugin: rule test cases (docs/rule-testing.md) as pytest items, one per case.

Installed with limber (entry point ``limber`` of the ``pytest11`` group), it
does nothing until asked, so it never collects another project's XML:

    pytest --limber-cases rules/tests                  # a directory's *.xml, a case file or a glob; repeatable
    pytest --limber-cases rules/tests --limber-rules my-rules.xml

or, in the project's pytest configuration (paths relative to that file)::

    [tool.pytest.ini_options]
    limber_cases = ["rules/tests"]
    limber_rules = "rules/my-rules.xml"               # default: the rule set built into the library

It collects

- the ``*.xml`` files directly in a directory given by ``--limber-cases`` or
  ``limber_cases`` (or the files, or a glob's matches:
  ``"rules/tests/**/*.xml"``).  ``--limber-cases`` paths are collected
  whatever else the command line names; ``limber_cases`` paths when it
  names no path, like ``testpaths``, and always when pytest walks into them;
- any file named ``limber-case-*.xml``;
- an ``.xml`` file named on the command line.

Each case runs through ``Ruleset.test()``; a failure shows, for each
expectation that did not hold, its line, what was expected, what the plan
had and the explanation trace.  Items carry the ``limber`` marker
(``-m limber`` selects them); ``-p no:limber`` turns the plugin off.
"""

import fnmatch
import glob
import os
import pathlib

import pytest

CASE_NAME = "limber-case-*.xml"


class CaseFailed(AssertionError):
    """A rule test case did not pass; `result` is its limber.TestResult."""

    def __init__(self, result):
        super().__init__(result.report())
        self.result = result


class _State:
    """What the session was asked to collect, and the rule set under test (loaded on first use)."""

    def __init__(self, roots, files, rules_path, asked):
        self.roots = frozenset(roots)   # directories whose *.xml are cases
        self.files = frozenset(files)   # case files named one by one
        self.rules_path = rules_path    # None: the built-in rule set
        self.asked = asked              # the options as given, for the report header
        self._rules = None

    def wants(self, path):
        return path in self.files or path.parent in self.roots or fnmatch.fnmatch(path.name, CASE_NAME)

    def ruleset(self):
        if self._rules is None:
            import limber
            try:
                self._rules = (limber.Ruleset.load(self.rules_path) if self.rules_path is not None
                               else limber.Ruleset.default())
            except limber.Error as e:  # every case reports it, once loaded
                self._rules = e
        if isinstance(self._rules, Exception):
            raise self._rules
        return self._rules


# pytest 7.2 or later (stash, args_source); under an older pytest the plugin
# defines no hook (see the end of the file), so merely being installed never
# breaks a test run.
_SUPPORTED = hasattr(pytest, "StashKey") and hasattr(getattr(pytest, "Config", None), "ArgsSource")
_STATE = pytest.StashKey[_State]() if _SUPPORTED else None


def pytest_addoption(parser):
    group = parser.getgroup("limber", "limber rule test cases")
    group.addoption("--limber-cases", action="append", default=[], metavar="PATH",
                    help="collect limber rule test cases: the *.xml files of a directory, a case file, or a glob "
                         "(repeatable)")
    group.addoption("--limber-rules", default=None, metavar="FILE",
                    help="the rule set the cases run against (default: limber_rules, else the built-in rule set)")
    parser.addini("limber_cases", type="paths", default=[],
                  help="directories, files or globs of limber rule test cases (relative to this file)")
    parser.addini("limber_rules", type="string", default="",
                  help="the rule set limber rule test cases run against (relative to this file)")


def _absolute(base, path):
    return pathlib.Path(os.path.abspath(os.path.join(str(base), os.path.expanduser(str(path)))))


def _expand(spec, where):
    """(directories, files) a --limber-cases/limber_cases value stands for."""
    text = str(spec)
    if os.path.isdir(text):
        return [spec], []
    if os.path.isfile(text):
        return [], [spec]
    if glob.escape(text) != text:
        found = [_absolute("", p) for p in sorted(glob.glob(text, recursive=True))]
        if found:
            return [p for p in found if p.is_dir()], [p for p in found if p.is_file()]
        raise pytest.UsageError("%s %s: no file or directory matches" % (where, spec))
    raise pytest.UsageError("%s %s: no such file or directory; expected a directory of limber test cases, "
                            "a case file or a glob" % (where, spec))


def _covered(path, args, base):
    """Whether pytest already collects `path` from one of its arguments."""
    for arg in args:
        top = _absolute(base, arg.split("::", 1)[0])
        if top == path or top in path.parents:
            return True
    return False


def pytest_configure(config):
    config.addinivalue_line("markers", "limber: a limber rule test case (collected by limber.pytest_plugin)")
    base = config.invocation_params.dir
    ini_base = config.inipath.parent if config.inipath is not None else config.rootpath
    from_cli = [_absolute(base, p) for p in config.getoption("limber_cases")]
    from_ini = [_absolute(ini_base, p) for p in config.getini("limber_cases")]
    roots, files, extra = [], [], []
    for specs, where, collect in ((from_cli, "--limber-cases", True),
                                  (from_ini, "limber_cases", config.args_source != pytest.Config.ArgsSource.ARGS)):
        for spec in specs:
            dirs, found = _expand(spec, where)
            roots += dirs
            files += found
            if collect:
                extra += dirs + found
    # Named cases are collected even when pytest would not walk into them
    # (testpaths elsewhere, or other paths on the command line).
    for path in extra:
        if not _covered(path, config.args, base):
            config.args.append(str(path))
    rules = config.getoption("limber_rules")
    if rules:
        rules_path = _absolute(base, rules)
    elif config.getini("limber_rules"):
        rules_path = _absolute(ini_base, config.getini("limber_rules"))
    else:
        rules_path = None
    if rules_path is not None and not rules_path.is_file():
        raise pytest.UsageError("limber rule set %s: no such file; expected the rule set the cases run against"
                                % rules_path)
    asked = bool(from_cli or from_ini or rules_path)
    config.stash[_STATE] = _State(roots, files, rules_path, asked)


def pytest_report_header(config):
    state = config.stash.get(_STATE, None)
    if state is None or not state.asked:
        return None
    cases = [str(p) for p in sorted(state.roots | state.files)]
    return "limber: rules %s; cases %s" % (state.rules_path or "built-in", ", ".join(cases) or "none")


def pytest_collect_file(file_path, parent):
    if file_path.suffix.lower() != ".xml":
        return None
    state = parent.config.stash.get(_STATE, None)
    if state is None:
        return None
    if state.wants(file_path) or parent.session.isinitpath(file_path):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    """A rule test case file: one case, so one item, named by the case's id."""

    def collect(self):
        import limber
        try:
            case = limber.TestCase.load(self.path)
            name = case.name
        except limber.Error:
            # not a valid case: the item reports why when it runs, as `limber test` does
            case, name = None, self.path.stem
        yield CaseItem.from_parent(self, name=name, case=case)


class CaseItem(pytest.Item):
    """One rule test case, run against the session's rule set."""

    def __init__(self, *, case=None, **kwargs):
        super().__init__(**kwargs)
        self.case = case
        self.result = None
        self.add_marker("limber")

    def runtest(self):
        rules = self.config.stash[_STATE].ruleset()
        self.result = rules.test(self.case if self.case is not None else self.path)[0]
        self.user_properties.append(("limber_checks", self.result.checks))
        if not self.result:
            raise CaseFailed(self.result)

    def repr_failure(self, excinfo, style=None):
        import limber
        if isinstance(excinfo.value, CaseFailed):
            # first line: what the short summary shows; then each failure with its trace
            result = excinfo.value.result
            rules = result.ruleset
            where = self.config.stash[_STATE].rules_path or "built-in"
            lines = ["%s against rule set %s %s (%s)" % (result._outcome(), rules.id, rules.version, where)]
            if result.errored:
                return "\n".join(lines)
            if result.description:
                lines.append("case: " + result.description)
            lines.extend(f.format(result.file) for f in result.failures)
            return "\n".join(lines)
        if isinstance(excinfo.value, limber.RulesetError):
            return "the rule set under test did not load:\n%s" % excinfo.value
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        line = None
        if self.result is not None and self.result.failures and self.result.failures[0].line:
            line = self.result.failures[0].line - 1
        return self.path, line, "limber case: %s" % self.name


if not _SUPPORTED:  # pragma: no cover - depends on the installed pytest
    del pytest_addoption, pytest_configure, pytest_report_header, pytest_collect_file
