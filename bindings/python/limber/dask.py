"""Population sweeps on Dask: profiles in partitions, planned in the workers, tables back.

    import limber, limber.dask
    from dask.distributed import Client
    client = Client("scheduler-address:8786")         # or LocalCluster(n_workers=2) here
    rules = limber.Ruleset.load("rules/my-rules.xml")  # pickled by content: the workers need no file
    items = limber.dask.items(rules, profiles, npartitions=8, start="2026-01-05", seed=1)
    items.groupby("exercise").size().compute()

Each partition is planned with Ruleset.plan_many() (in C, on `threads`
threads per task; one by default, since Dask runs a task per core) and
turned into a pandas table with limber.items_frame(), plans_frame() or
facts_frame() in the worker, so only tables travel back.  Plans are numbered
across the whole population (`plan` is the profile's position), so the
result equals the table of a local run: `items(rules, profiles, ...)` and
`limber.items_frame(rules.plan_many(profiles, ...))` hold the same rows.

`profiles` is a sequence (split here into `npartitions` parts) or a
dask.bag.Bag of profiles, for populations read or generated in the workers
(dask.bag.read_text("profiles-*.jsonl").map(json.loads)); a bag is counted
once first to number the plans, so persist() it when it is costly to make.
The workers need the same limber installed (same version of the library:
the rule set's digest is checked when it is unpickled).
"""

import importlib
import operator
from typing import Any, Callable, Dict, List, Literal, Optional, Sequence, Union

import limber

Table = Literal["items", "plans", "facts"]
_TABLES: Dict[str, Callable[..., Any]] = {"items": limber.items_frame, "plans": limber.plans_frame,
                                          "facts": limber.facts_frame}


def _plan_part(rules: "limber.Ruleset", profiles: List[Any], base: int, table: Table, start: Any, days: int,
               seed: int, threads: int, errors: Literal["raise", "return"]) -> Any:
    """One partition, in a worker: its plans as a pandas table numbered from `base`."""
    plans = rules.plan_many(profiles, start, days, seed, threads, errors=errors)
    return _TABLES[table](plans, "pandas", base)


def _split(profiles: Sequence[Any], npartitions: int) -> List[List[Any]]:
    n = len(profiles)
    size = -(-n // npartitions) if n else 1
    return [list(profiles[i:i + size]) for i in range(0, n, size)] or [[]]


def plan(rules: "limber.Ruleset", profiles: Union[Sequence[Any], Any], table: Table = "items",
         npartitions: Optional[int] = None, start: Any = None, days: int = 7, seed: int = 0, threads: int = 1,
         errors: Literal["raise", "return"] = "raise") -> Any:
    """A Dask DataFrame of the plans of `profiles`: one row per item, plan or fact (`table`).

    Args:
        rules: the rule set (pickled to the workers by content).
        profiles: a sequence of profiles (dicts, JSON strings or Profiles), or a dask.bag.Bag of them.
        table: "items" (items_frame()), "plans" (plans_frame()) or "facts" (facts_frame()).
        npartitions: parts a sequence is split into (default: about 10,000 profiles each); a bag
            keeps its own partitions.
        start, days, seed: as for Ruleset.plan_many(); every profile is planned with the same ones,
            as a local plan_many() would.
        threads: C threads per partition task.
        errors: "raise" (the first bad profile fails the computation) or "return" (it is a row with
            status "error" in the "plans" table and has no items or facts).

    Returns:
        a dask.dataframe.DataFrame; nothing is planned until it is computed.
    """
    # Dask's own annotations are partial: it is used untyped here, behind this typed function
    dask: Any = importlib.import_module("dask")
    dask_bag: Any = importlib.import_module("dask.bag")
    dask_dataframe: Any = importlib.import_module("dask.dataframe")

    if table not in _TABLES:
        raise ValueError("table: %r is not one of items, plans, facts" % (table,))
    if errors not in ("raise", "return"):
        raise ValueError('errors: %r; expected "raise" or "return"' % (errors,))
    threads = operator.index(threads)
    if threads < 1:
        raise ValueError("threads: %d; expected at least 1" % threads)
    # checked here, not in the first worker: bad options fail before anything is sent
    rules.plan_many([], start, days, seed)
    meta = _TABLES[table]([], "pandas", 0)
    plan_part = dask.delayed(_plan_part, pure=True)
    if isinstance(profiles, dask_bag.Bag):
        parts = profiles.to_delayed()
        sizes = dask.compute(*[dask.delayed(len)(part) for part in parts])
        bases = [sum(sizes[:k]) for k in range(len(sizes))]
    else:
        if isinstance(profiles, (str, bytes)) or not hasattr(profiles, "__len__"):
            raise TypeError("profiles: expected a sequence of profiles or a dask.bag.Bag, got %s"
                            % type(profiles).__name__)
        n = len(profiles)
        if npartitions is None:
            npartitions = max(1, -(-n // 10000))
        npartitions = operator.index(npartitions)
        if npartitions < 1:
            raise ValueError("npartitions: %d; expected at least 1" % npartitions)
        chunks = _split(profiles, npartitions)
        bases = [sum(len(c) for c in chunks[:k]) for k in range(len(chunks))]
        parts = [dask.delayed(chunk, traverse=False) for chunk in chunks]
    # the rule set is one object in the graph, shipped once per worker
    rules_node = dask.delayed(rules, traverse=False)
    frames = [plan_part(rules_node, part, base, table, start, days, seed, threads, errors)
              for part, base in zip(parts, bases)]
    return dask_dataframe.from_delayed(frames, meta=meta, verify_meta=False)


def items(rules: "limber.Ruleset", profiles: Union[Sequence[Any], Any], npartitions: Optional[int] = None,
          start: Any = None, days: int = 7, seed: int = 0, threads: int = 1) -> Any:
    """plan(..., table="items"): one row per item of every plan, as limber.items_frame()."""
    return plan(rules, profiles, "items", npartitions, start, days, seed, threads)


def facts(rules: "limber.Ruleset", profiles: Union[Sequence[Any], Any], npartitions: Optional[int] = None,
          start: Any = None, days: int = 7, seed: int = 0, threads: int = 1) -> Any:
    """plan(..., table="facts"): one row per flag, deficit, asymmetry and score, as limber.facts_frame()."""
    return plan(rules, profiles, "facts", npartitions, start, days, seed, threads)


def plans(rules: "limber.Ruleset", profiles: Union[Sequence[Any], Any], npartitions: Optional[int] = None,
          start: Any = None, days: int = 7, seed: int = 0, threads: int = 1,
          errors: Literal["raise", "return"] = "raise") -> Any:
    """plan(..., table="plans"): one row per profile, as limber.plans_frame()."""
    return plan(rules, profiles, "plans", npartitions, start, days, seed, threads, errors)
