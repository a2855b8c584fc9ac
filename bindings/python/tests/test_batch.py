"""plan_many: the batch in C, on threads, with the GIL released."""

import threading
import time

import pytest

import limber
from conftest import FLEX


def population(rules, n):
    """n varied, valid profiles."""
    goals = rules.goals
    out = []
    for i in range(n):
        out.append({"goal": goals[i % len(goals)], "age": 20 + i % 60, "minutes_per_day": 8 + i % 20,
                    "scan": [{"measure": "hip.internal-rotation", "left": 20 + i % 15, "right": 40 - i % 10}],
                    "answers": {"pain-today": i % 8}})
    return out


def test_plan_many_matches_plan(rules):
    profiles = population(rules, 60)
    plans = rules.plan_many(profiles, start="2026-11-24", seed=5, threads=2)
    assert len(plans) == 60 and all(isinstance(p, limber.Plan) for p in plans)
    for profile, plan in zip(profiles, plans):
        assert plan.to_json() == rules.plan(profile, start="2026-11-24", seed=5).to_json()


def test_threads_do_not_change_results(rules):
    profiles = population(rules, 200)
    one = [p.to_json() for p in rules.plan_many(profiles, start="2026-11-24", seed=1, threads=1)]
    two = [p.to_json() for p in rules.plan_many(profiles, start="2026-11-24", seed=1, threads=2)]
    many = [p.to_json() for p in rules.iplan_many(profiles, start="2026-11-24", seed=1, threads=3, chunk=7)]
    assert one == two == many


def test_mixed_inputs(rules, stiff_back):
    loaded = limber.Profile.from_dict(stiff_back, rules)
    plans = rules.plan_many([FLEX, loaded, stiff_back, '{"goal": "performance"}'], start="2026-11-24")
    assert plans[1].to_json() == plans[2].to_json()
    assert plans[3].to_dict()["goal"] == "performance"


def test_errors_raise_with_index(rules):
    profiles = population(rules, 40)
    profiles[17] = {"minutes_per_day": 0}
    with pytest.raises(limber.ProfileError) as e:
        rules.plan_many(profiles, threads=2)
    assert e.value.index == 17 and e.value.field == "minutes_per_day" and e.value.file == "profiles[17]"


def test_errors_returned_in_place(rules):
    profiles = population(rules, 10)
    profiles[3] = {"age": "old"}
    profiles[4] = '{"goal": "recovery" "age": 3}'
    bad = limber.Profile()
    bad.days_per_week = 9
    profiles[6] = bad
    results = rules.plan_many(profiles, errors="return")
    assert isinstance(results[3], limber.ProfileError) and results[3].field == "age"
    assert isinstance(results[6], limber.ProfileError) and results[6].field == "days_per_week"
    assert isinstance(results[4], limber.ProfileError) and results[4].code == "parse"
    assert results[4].file == "profiles[4]" and results[4].line == 1
    assert sum(isinstance(r, limber.Plan) for r in results) == 7
    assert limber.plans_frame(results).status.tolist().count("error") == 3
    with pytest.raises(ValueError):
        rules.plan_many(profiles, errors="ignore")


def test_empty_batch(rules):
    assert rules.plan_many([]) == []


def test_gil_is_released_during_the_batch(rules):
    """Another Python thread keeps running while C plans."""
    profiles = [limber.Profile.from_dict(p, rules) for p in population(rules, 1500)]
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    lib = limber.lowlevel
    plans = lib.ffi.new("LimberPlan *[]", len(profiles))
    errs = lib.ffi.new("GError *[]", len(profiles))
    loaded = lib.ffi.new("LimberProfile *[]", [p._ptr for p in profiles])
    spans = []
    t = threading.Thread(target=tick)
    t.start()
    try:
        # batches until C has worked a while, however fast a plan is
        while sum(end - start for start, end in spans) < 0.2:
            start = time.perf_counter()
            lib.limber_py_plan_many(rules._ptr, loaded, lib.ffi.NULL, lib.ffi.NULL, len(profiles), lib.ffi.NULL, 1,
                                    plans, errs)
            spans.append((start, time.perf_counter()))
            for i in range(len(profiles)):
                lib.limber_plan_free(plans[i])
    finally:
        done.set()
        t.join()
    during = [x for x in ticks if any(start < x < end for start, end in spans)]
    assert len(during) >= 20, "the ticking thread was blocked while C worked"


def test_shared_rule_set_across_python_threads(rules):
    """plan() from several Python threads at once."""
    profiles = population(rules, 40)
    expected = [rules.plan(p, start="2026-11-24").to_json() for p in profiles]
    out = [None] * len(profiles)

    def work(k):
        for i in range(k, len(profiles), 4):
            out[i] = rules.plan(profiles[i], start="2026-11-24").to_json()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == expected


def test_json_output_is_each_plans_document(rules, stiff_back):
    """output="json": the bytes Plan.to_json() gives, made and freed in C."""
    profiles = population(rules, 50) + [stiff_back, limber.Profile.from_dict(stiff_back, rules)]
    docs = rules.plan_many(profiles, start="2026-11-24", seed=3, threads=2, output="json")
    assert all(isinstance(d, bytes) for d in docs)
    for profile, doc in zip(profiles, docs):
        assert doc == rules.plan(profile, start="2026-11-24", seed=3).to_json().encode()
    chunked = list(rules.iplan_many(profiles, start="2026-11-24", seed=3, threads=3, chunk=5, output="json"))
    assert chunked == docs


def test_json_output_reports_errors_in_place(rules):
    profiles = population(rules, 8)
    profiles[2] = {"minutes_per_day": 0}
    profiles[5] = b'{"goal": '
    results = rules.plan_many(profiles, errors="return", output="json")
    assert isinstance(results[2], limber.ProfileError) and results[2].field == "minutes_per_day"
    assert isinstance(results[5], limber.ProfileError) and results[5].code == "parse"
    assert results[5].file == "profiles[5]"
    assert sum(isinstance(r, bytes) for r in results) == 6
    with pytest.raises(limber.ProfileError) as e:
        rules.plan_many(profiles, output="json")
    assert e.value.index == 2
    with pytest.raises(ValueError):
        rules.plan_many(profiles, output="xml")


def test_chunks_are_prepared_while_c_plans(rules):
    """Many small chunks, dicts and loaded profiles mixed: order and content kept across the overlap."""
    dicts = population(rules, 90)
    mixed = [limber.Profile.from_dict(d, rules) if i % 3 == 0 else d for i, d in enumerate(dicts)]
    one = [p.to_json() for p in rules.plan_many(dicts, start="2026-11-24", threads=1)]
    overlapped = [p.to_json() for p in rules.iplan_many(mixed, start="2026-11-24", threads=2, chunk=4)]
    assert overlapped == one
