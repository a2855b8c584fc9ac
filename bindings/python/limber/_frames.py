"""Tables of plans: one row per item, per fact or per plan, as pandas, polars or Arrow.

Every table is built as columns first, then handed to the library asked for:
pandas (the default), "polars" or "arrow" (a pyarrow.Table).  Dates are
dates in each: a datetime64 column in pandas, date32 in Arrow and polars.
Named values (status, outcome, side) are their strings.  `base` numbers the
plans from an offset, so that tables made from parts of a population (a Dask
partition) number them as one table of the whole would.
"""

LIBRARIES = ("pandas", "polars", "arrow")


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe() needs pandas: pip install pandas") from e
    return pandas


def _arrow():
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('library="arrow" needs pyarrow: pip install pyarrow') from e
    return pyarrow


ITEM_COLUMNS = ["plan", "day", "date", "order", "slot", "exercise", "name", "sets", "reps", "hold_s",
                "duration_s", "per_side", "emphasis_side", "emphasis_extra_sets", "step", "seconds"]
# Arrow's type of each column, so that an empty table has the same schema as a full one.
_ITEM_TYPES = ["int64", "int64", "date32", "int64", "string", "string", "string", "int64", "int64", "float64",
               "float64", "bool", "string", "int64", "int64", "float64"]

PLAN_COLUMNS = ["plan", "status", "outcome", "advisories", "training_days", "items", "minutes", "error"]
_PLAN_TYPES = ["int64", "string", "string", "int64", "int64", "int64", "float64", "string"]

FACT_COLUMNS = ["plan", "kind", "id", "left", "right", "deficit_left", "deficit_right", "difference", "tighter",
                "total", "category"]
_FACT_TYPES = ["int64", "string", "string", "float64", "float64", "float64", "float64", "float64", "string",
               "float64", "string"]


def _plain(value):
    """An enum member as its str, so every library sees plain strings."""
    return None if value is None else str(value)


def _item_rows(plans, base):
    for p, plan in enumerate(plans):
        if isinstance(plan, Exception):
            continue  # a profile that could not be planned (errors="return") has no items
        for d, day in enumerate(plan.days):
            for order, item in enumerate(day.items):
                dose = item.dose
                ex = item.exercise
                yield (base + p, d, day.date, order, item.slot, ex.id, ex.name, dose.sets, dose.reps, dose.hold_s,
                       dose.duration_s, ex.per_side, _plain(item.emphasis_side), item.emphasis_extra_sets,
                       item.step, item.seconds)


def _plan_rows(plans, base):
    for p, plan in enumerate(plans):
        if isinstance(plan, Exception):
            yield (base + p, "error", None, 0, 0, 0, 0.0, str(plan))
            continue
        days = plan.days
        yield (base + p, _plain(plan.status), _plain(plan.outcome), plan.n_advisories,
               sum(1 for d in days if not d.rest), sum(len(d.items) for d in days), sum(d.minutes for d in days), None)


def _fact_rows(plans, base):
    """One row per red flag, deficit, asymmetry and score of each plan's facts (docs/plan-format.md)."""
    for p, plan in enumerate(plans):
        if isinstance(plan, Exception):
            continue
        facts = plan.facts
        for flag in facts.get("flags", ()):
            yield (base + p, "flag", flag if isinstance(flag, str) else flag.get("id"), None, None, None, None, None,
                   None, None, None)
        for d in facts.get("deficits", ()):
            yield (base + p, "deficit", d["measure"], d.get("left"), d.get("right"), d.get("deficit_left"),
                   d.get("deficit_right"), None, None, None, None)
        for a in facts.get("asymmetries", ()):
            yield (base + p, "asymmetry", a["measure"], None, None, None, None, a.get("difference"), a.get("tighter"),
                   None, None)
        for name, score in sorted(facts.get("scores", {}).items()):
            yield (base + p, "score", name, None, None, None, None, None, None, score.get("total"),
                   score.get("category"))


def _table(rows, columns, types, library):
    if library not in LIBRARIES:
        raise ValueError("library: %r is not one of %s" % (library, ", ".join(LIBRARIES)))
    rows = list(rows)
    if library == "pandas":
        pd = _pandas()
        frame = pd.DataFrame.from_records(rows, columns=columns)
        for name, kind in zip(columns, types):
            if kind == "date32":
                frame[name] = pd.to_datetime(frame[name])
            elif kind == "float64":
                frame[name] = frame[name].astype("float64")
            elif kind == "int64":
                frame[name] = frame[name].astype("int64")
            elif kind == "bool":
                frame[name] = frame[name].astype("bool")
            elif kind == "string" and int(pd.__version__.split(".")[0]) >= 3:  # before 3, None became "None"
                # pandas 3's text dtype (missing values NaN), also for an empty
                # column, so that every part of a table has the same dtypes
                frame[name] = frame[name].astype("str")
        return frame
    pa = _arrow()
    cols = list(zip(*rows)) if rows else [()] * len(columns)
    table = pa.table({name: pa.array(list(values), type=getattr(pa, "bool_" if kind == "bool" else kind)())
                      for name, values, kind in zip(columns, cols, types)})
    if library == "arrow":
        return table
    try:
        import polars
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('library="polars" needs polars: pip install polars') from e
    return polars.from_arrow(table)


def items_frame(plans, library="pandas", base=0):
    """A table with one row per item of each plan; `plan` is the plan's position in `plans` (plus `base`)."""
    return _table(_item_rows(plans, base), ITEM_COLUMNS, _ITEM_TYPES, library)


def plans_frame(plans, library="pandas", base=0):
    """A table with one row per plan: status, outcome, advisories, days, items and minutes (an exception: "error")."""
    return _table(_plan_rows(plans, base), PLAN_COLUMNS, _PLAN_TYPES, library)


def facts_frame(plans, library="pandas", base=0):
    """A table with one row per fact of each plan: kind ("flag", "deficit", "asymmetry", "score") and its values."""
    return _table(_fact_rows(plans, base), FACT_COLUMNS, _FACT_TYPES, library)
