"""pandas views of plans: one row per item, or one row per plan."""


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe() needs pandas: pip install pandas") from e
    return pandas


ITEM_COLUMNS = ["plan", "day", "date", "order", "slot", "exercise", "name", "sets", "reps", "hold_s",
                "duration_s", "per_side", "emphasis_side", "emphasis_extra_sets", "step", "seconds"]


def items_frame(plans):
    """A DataFrame with one row per item of each plan; `plan` is the plan's position in `plans`."""
    pd = _pandas()
    rows = []
    for p, plan in enumerate(plans):
        for d, day in enumerate(plan.days):
            for order, item in enumerate(day.items):
                dose = item.dose
                ex = item.exercise
                rows.append((p, d, day.date, order, item.slot, ex.id, ex.name, dose.sets, dose.reps, dose.hold_s,
                             dose.duration_s, ex.per_side, item.emphasis_side, item.emphasis_extra_sets,
                             item.step, item.seconds))
    return pd.DataFrame.from_records(rows, columns=ITEM_COLUMNS)


def plans_frame(plans):
    """A DataFrame with one row per plan: status, outcome, advisories, days, items and minutes."""
    pd = _pandas()
    rows = []
    for p, plan in enumerate(plans):
        if isinstance(plan, Exception):
            rows.append((p, "error", None, 0, 0, 0, 0.0, str(plan)))
            continue
        days = plan.days
        rows.append((p, plan.status, plan.outcome, plan.n_advisories, sum(1 for d in days if not d.rest),
                     sum(len(d.items) for d in days), sum(d.minutes for d in days), None))
    return pd.DataFrame.from_records(rows, columns=["plan", "status", "outcome", "advisories", "training_days",
                                                    "items", "minutes", "error"])
