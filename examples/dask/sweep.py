"""A population sweep on Dask: which exercises each goal gets, over N generated profiles.

    .venv/bin/python examples/dask/sweep.py [N] [SCHEDULER]

With no scheduler address it starts a local cluster of two worker processes;
with one ("tcp://host:8786") the same code runs on that cluster (docs/python.md).
It prints the share of plans including each of the ten most chosen exercises,
per goal, and checks that the sweep equals a local run on the first 500 profiles.
"""

import random
import sys

import pandas as pd
from dask.distributed import Client, LocalCluster

import limber
import limber.dask

START = "2026-01-05"
SEED = 1


def population(n, seed=7):
    """Varied profiles, drawn from what the default rule set declares (goals, measures)."""
    rng = random.Random(seed)
    rules = limber.Ruleset.default()
    sided = [m for m in rules.measures if m.sided]
    out = []
    for i in range(n):
        scan = []
        for m in rng.sample(sided, 2):
            left = m.normal * rng.uniform(0.6, 1.0)
            right = min(max(left + rng.uniform(-m.asymmetry * 1.5, m.asymmetry * 1.5), m.min), m.max)
            scan.append({"measure": m.id, "left": round(left, 1), "right": round(right, 1)})
        out.append({"name": f"person-{i}", "age": rng.randint(18, 80), "goal": rng.choice(rules.goals),
                    "minutes_per_day": rng.randint(8, 30), "scan": scan})
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    address = sys.argv[2] if len(sys.argv) > 2 else None
    cluster = None if address else LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                                dashboard_address=None)
    with Client(address or cluster) as client:
        print("workers:", len(client.scheduler_info()["workers"]))
        rules = limber.Ruleset.default()
        profiles = population(n)
        items = limber.dask.items(rules, profiles, npartitions=8, start=START, seed=SEED)
        summary = limber.dask.plans(rules, profiles, npartitions=8, start=START, seed=SEED)
        goals = pd.Series([p["goal"] for p in profiles], name="goal")
        # a plan's items are all in one partition: deduplicate there, with no shuffle between workers
        chosen = (items[["plan", "exercise"]].map_partitions(pd.DataFrame.drop_duplicates).compute()
                  .join(goals, on="plan"))
        planned = summary[summary.status == "ok"].compute().join(goals, on="plan").groupby("goal").size()
        share = chosen.groupby(["goal", "exercise"]).size().div(planned, level="goal").unstack("goal").fillna(0)
        top = share.loc[share.max(axis=1).sort_values(ascending=False).index[:10]]
        print(f"{n} profiles, {len(chosen)} (plan, exercise) pairs; share of plans per goal:")
        print(top.map(lambda x: f"{x:.0%}").to_string())
        # the same rows as one local call, on a slice small enough to plan here
        head = profiles[:500]
        local = limber.items_frame(rules.plan_many(head, start=START, seed=SEED))
        remote = limber.dask.items(rules, head, npartitions=4, start=START, seed=SEED).compute()
        pd.testing.assert_frame_equal(remote.reset_index(drop=True), local)
        print("the sweep equals a local run on the first 500 profiles")
    if cluster is not None:
        cluster.close()


if __name__ == "__main__":
    main()
