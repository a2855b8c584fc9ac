"""Population sweeps on Dask: two worker processes plan a population exactly as one local call does."""

import json

import dask.bag
import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

import limber
import limber.dask
from conftest import EXAMPLES, FLEX

START = "2026-01-05"


@pytest.fixture(scope="module")
def population():
    """400 varied profiles: the examples and variations of the issue's flexibility profile."""
    examples = [json.loads(p.read_text()) for p in sorted(EXAMPLES.glob("*.json"))]
    out = []
    for k in range(400):
        if k % 10 == 0:
            out.append(examples[(k // 10) % len(examples)])
            continue
        p = json.loads(json.dumps(FLEX))
        p["minutes_per_day"] = 10 + k % 25
        p["goal"] = ("recovery", "flexibility", "performance")[k % 3]
        p["scan"][0]["left"] = 15 + k % 30
        out.append(p)
    return out


@pytest.fixture(scope="module")
def client():
    # processes, not threads: the rule set and profiles are pickled to other
    # interpreters, as on a real cluster
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as c:
        yield c


def _local(rules, population, table):
    plans = rules.plan_many(population, start=START, seed=11, threads=1)
    return {"items": limber.items_frame, "plans": limber.plans_frame, "facts": limber.facts_frame}[table](plans)


@pytest.mark.parametrize("table", ["items", "plans", "facts"])
def test_two_worker_processes_give_the_local_tables(client, rules, population, table):
    ddf = limber.dask.plan(rules, population, table, npartitions=5, start=START, seed=11)
    assert ddf.npartitions == 5
    got = ddf.compute().reset_index(drop=True)
    want = _local(rules, population, table)
    pd.testing.assert_frame_equal(got, want)
    # the work was done in both workers, not here
    assert len(client.scheduler_info()["workers"]) == 2


def test_a_bag_of_profiles_numbers_plans_across_partitions(client, rules, population):
    bag = dask.bag.from_sequence(population, npartitions=3)
    got = limber.dask.items(rules, bag, start=START, seed=11).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, _local(rules, population, "items"))


def test_a_bad_profile_is_an_error_row_or_fails_the_computation(client, rules, population):
    bad = population[:20] + [{"goal": "flexibility", "minutes_per_day": -5}]
    summary = limber.dask.plans(rules, bad, npartitions=2, start=START, errors="return").compute()
    assert list(summary["status"]).count("error") == 1
    assert "minutes_per_day" in summary.set_index("plan").loc[20, "error"]
    with pytest.raises(limber.ProfileError, match="minutes_per_day"):
        limber.dask.items(rules, bad, npartitions=2, start=START).compute()


def test_bad_arguments_fail_before_anything_is_sent(rules, population):
    with pytest.raises(ValueError, match="seed"):
        limber.dask.items(rules, population, seed=-1)
    with pytest.raises(ValueError, match="table"):
        limber.dask.plan(rules, population, "days")
    with pytest.raises(TypeError, match="profiles"):
        limber.dask.items(rules, json.dumps(FLEX))
