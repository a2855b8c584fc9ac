"""Rule coverage and simulated weeks from Python."""

import datetime
import gc
import io

import pytest

import limber
from conftest import CASES, FAILING_CASE


def test_the_shipped_cases_fire_every_rule(rules):
    cov = rules.coverage(cases=CASES)
    assert isinstance(cov, limber.Coverage)
    assert cov.n_plans == len(list(CASES.glob("*.xml")))
    assert cov.percent("rules") == 100.0 and cov.never("rules") == []
    counts = cov.counts("rules")
    assert len(counts) == rules.n_rules and min(counts.values()) >= 1
    d = cov.to_dict()
    assert d["plans"] == cov.n_plans and d["rules"]["percent"] == 100 and d["rules"]["never"] == []
    assert d["rules"]["counts"] == counts
    assert d["red_flags"]["counts"] == cov.counts("red-flags") == cov.counts("red_flags")
    assert d["score_categories"]["counts"] == cov.counts("score-categories")
    assert set(cov.counts("exercises")) == {e.id for e in rules.exercises}
    assert "rules fired: %d of %d (100.0%%)" % (rules.n_rules, rules.n_rules) in cov.to_text()
    assert repr(cov) == "<limber.Coverage default: rules 100.0%% over %d plans>" % cov.n_plans
    with pytest.raises(ValueError):
        cov.percent("questions")


def test_coverage_of_results_plans_and_a_population(rules, tmp_path, inverted_rules):
    results = rules.test(CASES)
    assert rules.coverage(results).to_dict() == rules.coverage(cases=str(CASES / "*.xml")).to_dict()
    one = rules.coverage(cases=[CASES / "pain-today-6.xml"])
    assert one.counts("rules")["pain-today-high"] == 1 and one.percent("rules") < 100
    plan = rules.plan({"goal": "recovery"}, start="2026-01-05")
    cov = limber.Coverage(rules)
    cov.add_plan(plan)
    assert cov.n_plans == 1 and cov.counts("rules")["goal-recovery"] == 1
    with pytest.raises(ValueError):
        cov.add_plan(limber.Ruleset.load(inverted_rules).plan({"goal": "recovery"}))   # another rule set
    a = rules.coverage(population=300, seed=7)
    assert a.to_dict() == rules.coverage(population=300, seed=7).to_dict()   # the same seed, the same population
    assert a.to_dict() == rules.coverage(population=300, seed=7, threads=1).to_dict()   # whatever the threads
    with pytest.raises(ValueError):
        rules.coverage(population=10, threads=0)
    assert a.n_plans == 300 and a.to_dict()["referrals"] > 0
    both = rules.coverage(cases=CASES, population=300, seed=7)
    assert both.n_plans == 300 + len(results)
    with pytest.raises(limber.OptionsError):
        rules.coverage(population=0)
    unknown = tmp_path / "unknown.xml"
    unknown.write_text(FAILING_CASE.replace("pain-today-high", "no-such-rule"))
    with pytest.raises(limber.Error, match="no-such-rule"):
        rules.coverage(cases=unknown)   # a case that cannot run leaves a hole: an error
    pd = pytest.importorskip("pandas")
    frame = a.to_dataframe()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == ["kind", "id", "plans"]
    assert set(frame.kind) == set(limber.Coverage.KINDS)


def simulate(rules, stiff_back, **kw):
    args = dict(weeks=6, adherence=0.8, response="improving", start="2026-01-05", seed=3)
    args.update(kw)
    return rules.simulate(stiff_back, **args)


def test_simulate_is_deterministic(rules, stiff_back):
    a, b = simulate(rules, stiff_back), simulate(rules, stiff_back)
    assert isinstance(a, limber.Simulation)
    assert a.to_json() == b.to_json() and a.to_csv() == b.to_csv()
    assert [p.to_json() for p in a.plans] == [p.to_json() for p in b.plans]
    assert a.profile.to_json() == b.profile.to_json()
    assert simulate(rules, stiff_back, seed=4).to_json() != a.to_json()
    assert simulate(rules, stiff_back, start=datetime.date(2026, 1, 5)).to_json() == a.to_json()


def test_simulation_contents(rules, stiff_back):
    sim = simulate(rules, stiff_back)
    assert sim.n_weeks == len(sim.plans) == len(sim) == 6 and list(sim) == list(sim.plans)
    assert all(isinstance(p, limber.Plan) and p.status == "ok" for p in sim.plans)
    starts = [p.start for p in sim.plans]
    assert (starts[0], starts[1], starts[-1]) == (datetime.date(2026, 1, 5), datetime.date(2026, 1, 12),
                                              datetime.date(2026, 2, 9))
    d = sim.to_dict()
    assert (d["seed"], d["adherence"], d["response"], d["weeks_asked"]) == (3, 0.8, "improving", 6)
    assert [w["week"] for w in d["weeks"]] == list(range(1, 7))
    assert len(sim.profile.to_dict()["history"]) > len(stiff_back.get("history", ()))   # the logged sessions
    assert sim.to_csv().startswith("week,start,kind,id,step,")
    assert repr(sim) == "<limber.Simulation 6 of 6 weeks, improving, adherence 0.8>"
    plans = sim.plans
    del sim
    gc.collect()
    assert plans[-1].days and plans[-1].to_dict()   # plans keep their simulation alive
    pd = pytest.importorskip("pandas")
    frame = simulate(rules, stiff_back).to_dataframe()
    expect = pd.read_csv(io.StringIO(simulate(rules, stiff_back).to_csv()))
    assert len(frame) == len(expect) and list(frame.columns) == list(expect.columns)
    assert frame.week.max() == 6 and set(frame.kind) <= {"exercise", "measure"}


def test_simulate_errors_and_models(rules, stiff_back, emergency):
    with pytest.raises(ValueError, match="improving"):
        simulate(rules, stiff_back, response="miraculous")
    with pytest.raises(limber.Error):
        simulate(rules, stiff_back, weeks=0)
    with pytest.raises(limber.Error):
        simulate(rules, stiff_back, adherence=1.5)
    with pytest.raises(limber.ProfileError):
        simulate(rules, {"age": 500})
    flare = simulate(rules, stiff_back, response="flare-up")
    assert flare.to_dict()["response"] == "flare-up" and flare.to_json() != simulate(rules, stiff_back).to_json()
    referred = simulate(rules, emergency, weeks=4)
    assert referred.n_weeks <= 4 and referred.plans[0].status == "referral"
