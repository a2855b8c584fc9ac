"""A loaded rule set, and planning with it, one profile or a million."""

import json
import os
from concurrent.futures import ThreadPoolExecutor

from ._catalogue import Exercise, Measure, Question
from ._errors import Error, OptionsError, ProfileError, RulesetError, check, from_gerror
from ._native import ffi, lib
from ._plan import Plan
from ._oserrors import as_os_error
from ._pickling import restore_ruleset, ruleset_source
from ._profile import Profile, dicts_read_all, dicts_to_profiles, to_json_bytes
from ._reflect import add_getters, enum_names, header_doc, take_text, wraps_c
from ._values import date_text, seed_value

# Profiles handed to C per batch call: bounds the memory held for JSON
# documents and lets iplan_many() stream; large enough that the per-call cost
# (starting threads) is nothing next to the plans.
CHUNK = 4096


def _options(start, days, seed, lang=None):
    """New C options (freed with the returned cdata)."""
    opts = ffi.gc(lib.limber_options_new(), lib.limber_options_free)
    err = ffi.new("GError **")
    seed = seed_value(seed)  # before C: -1 is a ValueError, not 2**64 - 1
    if start is not None:
        lib.limber_options_set_start(opts, date_text(start, "start").encode(), err)
        check(err, OptionsError)
    if days is not None:
        if not 0 <= int(days) <= 0xFFFFFFFF:
            raise OptionsError("days: %s is out of range; expected 1 to 28" % days, "options")
        lib.limber_options_set_days(opts, int(days), err)
        check(err, OptionsError)
    lib.limber_options_set_seed(opts, seed)
    if lang is not None:
        lib.limber_options_set_language(opts, str(lang).encode(), err)
        check(err, OptionsError)
    return opts


def _chunks(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare(batch, base, ruleset_ptr):
    """A chunk as the C batch functions take it: loaded profiles (a Profile's,
    or built from a dict by the dict reader), or JSON documents and their
    names (the other dicts serialised here).  The cdata that must outlive the
    call travels with it, and the profiles made here to be freed after it."""
    n = len(batch)
    names = ffi.new("const char *[]", n)
    at = [i for i, profile in enumerate(batch) if isinstance(profile, dict)]
    if len(at) == n:
        # the usual case, a chunk of dicts the reader reads every one of:
        # its array goes to C as it is, and is freed in one call
        loaded = dicts_read_all(batch, ruleset_ptr)
        if loaded is not None:
            return (n, base, loaded, ffi.NULL, names, [batch], (loaded, n))
    loaded = ffi.new("LimberProfile *[]", n)
    json_docs = ffi.new("const char *[]", n)
    keep = []
    made = []
    any_loaded = any_json = False
    if at:
        built = dicts_to_profiles([batch[i] for i in at], ruleset_ptr)
        for j, i in enumerate(at):
            if built[j] != ffi.NULL:
                loaded[i] = built[j]
                made.append(built[j])
                any_loaded = True
    for i, profile in enumerate(batch):
        if loaded[i] != ffi.NULL:
            continue
        if isinstance(profile, Profile):
            loaded[i] = profile._live()
            any_loaded = True
        else:
            raw = profile.encode("utf-8") if isinstance(profile, str) else (
                profile if isinstance(profile, bytes) else to_json_bytes(profile))
            doc = ffi.new("char[]", raw)
            name = ffi.new("char[]", b"profiles[%d]" % (base + i))
            keep.append((doc, name))
            json_docs[i], names[i] = doc, name
            any_json = True
    keep.append(batch)  # Profile objects stay alive while C reads them
    made_array = ffi.new("LimberProfile *[]", made) if made else ffi.NULL
    return (n, base, loaded if any_loaded else ffi.NULL, json_docs if any_json else ffi.NULL, names, keep,
            (made_array, len(made)))


def _pandas():
    from ._frames import _pandas as pandas
    return pandas()


FRAME_COLUMNS = ["plan", "status", "outcome", "advisories", "training_days", "items", "minutes", "error"]


def _empty_frame():
    return _pandas().DataFrame({c: [] for c in FRAME_COLUMNS})


def _rows_frame(rows, errs, n, base, errors):
    """plans_frame()'s DataFrame from C's rows, column by column (no object per plan but the strings)."""
    import numpy as np
    pd = _pandas()
    dtype = np.dtype([("status", "<i4"), ("outcome", "<i4"), ("advisories", "<u4"), ("training_days", "<u4"),
                      ("items", "<u4"), ("reserved", "<u4"), ("minutes", "<f8")])
    assert dtype.itemsize == ffi.sizeof("LimberPyPlanRow")
    a = np.frombuffer(ffi.buffer(rows), dtype=dtype, count=n)
    failed = a["status"] < 0
    statuses = enum_names("LimberPlanStatus")
    outcomes = enum_names("LimberOutcome")
    status_names = np.array([statuses.get(k) for k in range(max(statuses) + 1)] + ["error"], dtype=object)
    outcome_names = np.array([outcomes.get(k) for k in range(max(outcomes) + 1)], dtype=object)
    status = status_names[np.where(failed, len(status_names) - 1, a["status"])]
    outcome = outcome_names[np.clip(a["outcome"], 0, len(outcome_names) - 1)]
    outcome[failed] = None
    error = np.full(n, None, dtype=object)
    failure = None
    for i in np.flatnonzero(failed):
        exc = from_gerror(errs[i], ProfileError)
        exc.index = base + int(i)
        if errors == "raise":
            failure = failure or exc
        error[i] = str(exc)
    if failure is not None:
        raise failure
    zero = np.where(failed, 0, 1)
    return pd.DataFrame({
        "plan": np.arange(base, base + n, dtype=np.int64),
        "status": status,
        "outcome": outcome,
        "advisories": (a["advisories"] * zero).astype(np.int64),
        "training_days": (a["training_days"] * zero).astype(np.int64),
        "items": (a["items"] * zero).astype(np.int64),
        "minutes": np.where(failed, 0.0, a["minutes"]),
        "error": error,
    })


def _threads(threads):
    if threads is None:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:
            return os.cpu_count() or 1
    if int(threads) < 1:
        raise ValueError("threads must be at least 1")
    return min(int(threads), 256)  # more threads than that only thrash


class Ruleset:
    """A loaded, validated, immutable rule set; share one freely between threads.

    Get one with Ruleset.default() (compiled into the library),
    Ruleset.load(path) or Ruleset.from_string(xml).  Loading problems raise
    RulesetError with the file, line, column and field.  id, version, title,
    sha256 and n_rules come from C; exercises, questions and measures are
    tuples of records; plan() and plan_many() generate plans.
    """

    __slots__ = ("_ptr", "_exercises", "_questions", "_measures", "_goals", "_by_address", "_describe", "_source",
                 "__weakref__")

    def __init__(self, ptr, _source=None):
        self._ptr = ffi.gc(ptr, lib.limber_ruleset_unref)
        self._exercises = self._questions = self._measures = self._goals = None
        self._by_address = self._describe = None
        self._source = _source  # what pickling needs to load it again (limber/_pickling.py)

    @classmethod
    def _new(cls, fn, *args, source=None):
        err = ffi.new("GError **")
        ptr = fn(*args, err)
        try:
            check(err, RulesetError)
        except RulesetError as e:
            if fn is lib.limber_ruleset_new_from_file:
                raise as_os_error(e, args[0]) from None
            raise
        return cls(ptr, source)

    def __reduce__(self):
        """Pickled by content: the XML it was loaded from (the built-in one by name) and its SHA-256,
        so a process without the file (a Dask or multiprocessing worker) loads the same rules, and
        a file changed since loading is an error, not other rules."""
        return restore_ruleset, ruleset_source(self)

    @classmethod
    @wraps_c("limber_ruleset_new_default")
    def default(cls):
        """The default rule set compiled into the library (rules/default.xml)."""
        return cls._new(lib.limber_ruleset_new_default, source=("default",))

    @classmethod
    @wraps_c("limber_ruleset_new_from_file")
    def load(cls, path):
        """Loads and validates a rule set file."""
        return cls._new(lib.limber_ruleset_new_from_file, os.fsencode(path),
                        source=("file", os.path.abspath(os.fspath(path))))

    @classmethod
    @wraps_c("limber_ruleset_new_from_data")
    def from_string(cls, xml, name=None):
        """Loads and validates a rule set from an XML document (str or bytes); `name` is used in errors."""
        raw = xml.encode("utf-8") if isinstance(xml, str) else bytes(xml)
        return cls._new(lib.limber_ruleset_new_from_data, raw, len(raw), name.encode() if name else ffi.NULL,
                        source=("data", raw, name))

    def _live(self):
        if self._ptr is None:
            raise ValueError("the rule set is closed")
        return self._ptr

    # -- what it holds ---------------------------------------------------
    def _records(self, kind, cls, describe=None):
        p = self._live()
        n = getattr(lib, "limber_ruleset_get_n_%ss" % kind)(p)
        get = getattr(lib, "limber_ruleset_get_%s" % kind)
        return tuple(cls._read(get(p, i), describe) for i in range(n))

    @property
    def exercises(self):
        """The exercise catalogue, in document order: a tuple of Exercise."""
        if self._exercises is None:
            self._exercises = self._records("exercise", Exercise)
        return self._exercises

    @property
    def questions(self):
        """The screening questions, in document order: a tuple of Question."""
        if self._questions is None:
            described = {q["id"]: q for q in self.describe().get("questions", [])}
            self._questions = self._records("question", Question, described)
        return self._questions

    @property
    def measures(self):
        """The scan measures, in document order: a tuple of Measure."""
        if self._measures is None:
            self._measures = self._records("measure", Measure)
        return self._measures

    @property
    def goals(self):
        """The goals the rule set offers."""
        if self._goals is None:
            self._goals = tuple(self.describe().get("goals", ()))
        return self._goals

    def _lookup(self, records, kind, id):
        for r in records:
            if r.id == id:
                return r
        raise KeyError("%s has no %s %r" % (self.id, kind, id))

    def exercise(self, id):
        """The exercise with this id (KeyError when none)."""
        return self._lookup(self.exercises, "exercise", id)

    def question(self, id):
        """The question with this id (KeyError when none)."""
        return self._lookup(self.questions, "question", id)

    def measure(self, id):
        """The measure with this id (KeyError when none)."""
        return self._lookup(self.measures, "measure", id)

    def _exercise_by_address(self):
        if self._by_address is None:
            p = self._live()
            self._by_address = {int(ffi.cast("uintptr_t", lib.limber_ruleset_get_exercise(p, i))): e
                                for i, e in enumerate(self.exercises)}
        return self._by_address

    def describe(self, lang=None):
        """The whole rule set as a dict (`limber describe --format json`).

        Args:
            lang: the language of the texts a person reads (names, steps,
                questions...): "en", "de" or "es"; None for English.  Ids
                and numbers are the same in every language.

        Raises:
            OptionsError: the language is unknown, or the rule set has no
                translation into it.
        """
        if lang is not None:
            err = ffi.new("GError **")
            text = lib.limber_ruleset_to_json_in(self._live(), False, str(lang).encode(), err)
            check(err, OptionsError)
            return json.loads(take_text(text))
        if self._describe is None:
            self._describe = self.to_json()
        return json.loads(self._describe)

    def to_json(self, pretty=False):
        """The whole rule set described as JSON, for tools."""
        return take_text(lib.limber_ruleset_to_json(self._live(), bool(pretty)))

    def to_text(self):
        """The whole rule set described as text, for people."""
        return take_text(lib.limber_ruleset_to_text(self._live()))

    @wraps_c("limber_ruleset_write_compiled")
    def write_compiled(self, path):
        """Writes the rule set compiled (`limber compile`): `Ruleset.load` reads that file
        several times faster than the XML, and it plans byte for byte the same."""
        err = ffi.new("GError **")
        if not lib.limber_ruleset_write_compiled(self._live(), os.fsencode(path), err):
            check(err, RulesetError)

    @wraps_c("limber_ruleset_to_profile_schema")
    def profile_schema(self):
        """A JSON Schema (draft 2020-12) of this rule set's profiles, as a dict
        (`limber describe --format json-schema`): its goals, questions, measures
        and their ranges, regions and exercise ids."""
        return json.loads(take_text(lib.limber_ruleset_to_profile_schema(self._live(), False)))

    # -- planning --------------------------------------------------------
    def profile(self, data):
        """A Profile from a dict, a JSON string or a Profile, checked against this rule set."""
        profile = Profile.coerce(data, self)
        if profile is data:
            profile.validate(self)
        return profile

    @wraps_c("limber_generate")
    def plan(self, profile, start=None, days=7, seed=0, lang=None):
        """Generates a plan for one profile.

        Args:
            profile: a dict shaped like the JSON profile, a JSON string, or a Profile.
            start: the first day (YYYY-MM-DD or a date); None for today.
            days: the number of days, 1 to 28.
            seed: the seed of the weighted choices; the same inputs and seed give the same plan.
            lang: the language of the plan's text, "en", "de" or "es" (None: English); ids
                and numbers are the same in every language (docs/i18n.md).

        Raises:
            ProfileError: the profile is malformed or does not fit the rule set (see .field).
            OptionsError: start or days are out of range, or the language is unknown or the
                rule set has no translation into it.
        """
        p = Profile.coerce(profile, self)
        opts = _options(start, days, seed, lang)
        err = ffi.new("GError **")
        ptr = lib.limber_generate(self._live(), p._live(), opts, err)
        check(err, Error)
        return Plan(ptr, self)

    @wraps_c("limber_py_plan_many", "limber_py_plan_many_json", "limber_py_plan_many_rows")
    def plan_many(self, profiles, start=None, days=7, seed=0, threads=None, errors="raise", output="plans",
                  lang=None):
        """Generates one plan per profile, in C, on `threads` threads (default: every core).

        The GIL is released while C works.  Dicts are read in C straight
        from the dict (limber._dicts) when they are shaped as a program
        writes them, otherwise as JSON on the worker threads; either way a
        bad one is reported as ProfileError with its field.  Each plan is
        the one plan() would give for the same profile and seed, whatever
        its place in the batch.

        Args:
            profiles: an iterable of dicts, JSON strings or bytes, or Profile objects.
            start, days, seed, lang: as for plan(), the same for every profile.
            threads: worker threads (None: one per available core).
            errors: "raise" to raise the first bad profile's ProfileError (its
                `index` attribute says which), or "return" to put the exception
                in the result list in place of the plan.
            output: "plans" for Plan objects; "json" for each plan as compact
                JSON bytes (Plan.to_json()'s document), written on the worker
                thread that made the plan, which is then freed: no plan object
                is made in Python, and a batch keeps only its documents;
                "frame" for a pandas DataFrame with plans_frame()'s columns
                (one row per profile, summed up in C, the plans freed there:
                a million profiles make a million rows and nothing else).

        Returns:
            a list of Plan or bytes (or exceptions, with errors="return"), in
            input order; with output="frame", one DataFrame (an "error" row,
            with its message, for each bad profile when errors="return").
        """
        if output == "frame":
            frames = list(self.iplan_many(profiles, start, days, seed, threads, errors, output=output, lang=lang))
            if not frames:
                return _empty_frame()
            return frames[0] if len(frames) == 1 else _pandas().concat(frames, ignore_index=True)
        return list(self.iplan_many(profiles, start, days, seed, threads, errors, output=output, lang=lang))

    def iplan_many(self, profiles, start=None, days=7, seed=0, threads=None, errors="raise", chunk=CHUNK,
                   output="plans", lang=None):
        """Like plan_many(), as an iterator: profiles are planned `chunk` at a time, so memory stays bounded.

        While C plans one chunk (the GIL released), a Python thread reads the
        next chunk's dicts, so that work and C's overlap.  With
        output="frame" it yields one DataFrame per chunk.
        """
        if errors not in ("raise", "return"):
            raise ValueError('errors must be "raise" or "return"')
        if output not in ("plans", "json", "frame"):
            raise ValueError('output must be "plans", "json" or "frame"')
        opts = _options(start, days, seed, lang)
        nthreads = _threads(threads)
        pending, base = None, 0
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="limber-prepare") as prepare:
                for batch in _chunks(profiles, chunk):
                    ready = prepare.submit(_prepare, batch, base, self._live())
                    base += len(batch)
                    previous, pending = pending, ready
                    if previous is not None:
                        yield from self._run_and_free(previous.result(), opts, nthreads, errors, output, prepare)
                if pending is not None:
                    done, pending = pending, None
                    yield from self._run_and_free(done.result(), opts, nthreads, errors, output, prepare)
        finally:
            # a chunk read but never planned (the caller stopped early, or a
            # batch raised): the profiles the dict reader made for it
            if pending is not None and pending.exception() is None:
                lib.limber_py_profiles_free(*pending.result()[-1])

    def _run_and_free(self, prepared, opts, threads, errors, output, freer=None):
        try:
            results = self._run(prepared, opts, threads, errors, output)
        finally:
            # the profiles the dict reader made: freed by the thread that
            # made them (freer, the reading thread, while C plans the next
            # chunk), or here; a glibc arena frees its own blocks cheapest
            if freer is not None:
                freer.submit(lib.limber_py_profiles_free, *prepared[-1])
            else:
                lib.limber_py_profiles_free(*prepared[-1])
        return [results] if output == "frame" else results

    def _run(self, prepared, opts, threads, errors, output):
        n, base, loaded, json_docs, names, _keep, _made = prepared
        errs = ffi.new("GError *[]", n)
        if output == "frame":
            rows = ffi.new("LimberPyPlanRow[]", n)
            lib.limber_py_plan_many_rows(self._live(), loaded, json_docs, names, n, opts, threads, rows, errs)
            return _rows_frame(rows, errs, n, base, errors)
        if output == "json":
            docs = ffi.new("char *[]", n)
            lengths = ffi.new("gsize[]", n)
            lib.limber_py_plan_many_json(self._live(), loaded, json_docs, names, n, opts, threads, docs, lengths, errs)
            results = [None] * n
            for i in range(n):
                if docs[i] != ffi.NULL:
                    results[i] = ffi.unpack(docs[i], lengths[i])
                    lib.g_free(docs[i])
        else:
            plans = ffi.new("LimberPlan *[]", n)
            lib.limber_py_plan_many(self._live(), loaded, json_docs, names, n, opts, threads, plans, errs)
            results = [Plan(plans[i], self) if plans[i] != ffi.NULL else None for i in range(n)]
        failure = None
        for i in range(n):
            if results[i] is None:
                exc = from_gerror(errs[i], ProfileError)  # malformed JSON too
                exc.index = base + i
                if errors == "raise" and failure is None:
                    failure = exc
                results[i] = exc
        if failure is not None:
            raise failure  # the plans made so far are freed with `results`
        return results

    # -- lifetime --------------------------------------------------------
    def close(self):
        """Drops this object's reference now; plans made from it keep their own."""
        if self._ptr is not None:
            self._exercise_by_address()  # plans still read their items through it
            ffi.release(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        if self._ptr is None:
            return "<limber.Ruleset (closed)>"
        return "<limber.Ruleset %s %s>" % (self.id, self.version)


add_getters(Ruleset, "limber_ruleset")
Ruleset.__doc__ += "\n\nFrom limber/ruleset.h: " + header_doc("ruleset.h")
