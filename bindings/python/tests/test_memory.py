"""Memory owned by Python objects is freed: no growth under repeated use."""

import gc
import os

import limber
from conftest import REPO

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def grows(step, warmup, n):
    for _ in range(warmup):
        step()
    before = rss()
    for _ in range(n):
        step()
    return rss() - before


def test_plans_do_not_leak(rules, stiff_back):
    def step():
        plan = rules.plan(stiff_back, start="2026-11-24", seed=1)
        plan.days, plan.to_dict(), plan.to_text(), plan.referral, plan.advisories
    # a leaked plan is tens of kilobytes: 800 would be tens of megabytes
    assert grows(step, 100, 800) < 4 * 2**20


def test_errors_and_profiles_do_not_leak(rules):
    def step():
        try:
            rules.plan({"minutes_per_day": -5, "answers": {"nope": 1}})
        except limber.ProfileError:
            pass
        p = limber.Profile()
        p.set_equipment(["chair", "strap"])
        p.to_json()
    assert grows(step, 500, 5000) < 2 * 2**20


def test_rule_sets_do_not_leak(rules):
    xml = (REPO / "rules" / "default.xml").read_bytes()

    def step():
        with limber.Ruleset.from_string(xml) as r:
            r.exercises
        try:
            limber.Ruleset.from_string(b"<ruleset>")
        except limber.RulesetError:
            pass
    # a rule set is hundreds of kilobytes
    assert grows(step, 20, 150) < 4 * 2**20


def test_batches_do_not_leak(rules, stiff_back):
    bad = {"age": -1}

    def step():
        results = rules.plan_many([stiff_back] * 30 + [bad], threads=2, errors="return")
        assert isinstance(results[-1], limber.ProfileError)
    assert grows(step, 10, 60) < 4 * 2**20


def test_test_results_coverage_and_simulations_do_not_leak(rules, stiff_back, tmp_path):
    cases = REPO / "rules" / "tests"
    missing = tmp_path / "missing.xml"

    def step():
        results = rules.test([cases / "pain-today-5.xml", cases / "red-flag-sciatica.xml", missing])
        results[0].plan.days, limber.test_results_to_tap(results), limber.test_results_to_junit(results)
        rules.coverage(results[:2]).to_dict()
        sim = rules.simulate(stiff_back, weeks=2, start="2026-01-05", seed=1)
        sim.plans[-1].days, sim.to_csv(), sim.profile
    assert grows(step, 50, 200) < 4 * 2**20  # a leaked result or simulation is tens of kilobytes
