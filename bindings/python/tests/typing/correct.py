"""Correct use of limber, as a rule author writes it: `mypy --strict` must find nothing here."""

import datetime
import pickle
from typing import Dict, List, Optional, Union

import limber
import limber.dask

rules: limber.Ruleset = limber.Ruleset.default()
profile: Dict[str, object] = {"goal": "flexibility", "minutes_per_day": 15,
                              "scan": [{"measure": "hip.internal-rotation", "left": 25, "right": 40}]}
plan: limber.Plan = rules.plan(profile, start=datetime.date(2026, 11, 24), seed=1)
status: limber.Status = plan.status
ok: bool = status == limber.Status.OK and plan.goal is limber.Goal.FLEXIBILITY
first: datetime.date = plan.start
names: List[str] = [item.name for day in plan.days for item in day.items]
sides: List[Optional[limber.Side]] = [item.emphasis_side for _, item in plan.items()]
dose: limber.Dose = plan.days[0].items[0].dose
sets: int = dose.sets
referral: Optional[limber.Referral] = plan.referral
text: str = plan.to_text()
pdf: bytes = plan.render("pdf")
html: str = plan.render("html")
plans: List[limber.Plan] = rules.plan_many([profile, profile], seed=1, threads=2)
docs: List[bytes] = rules.plan_many([profile], output="json")
mixed: List[Union[limber.Plan, limber.Error]] = rules.plan_many([profile], errors="return")
back: limber.Plan = pickle.loads(pickle.dumps(plan))
person = limber.Profile(profile)
person.goal = limber.Goal.RECOVERY
person.age = 40
results: List[limber.TestResult] = rules.test("rules/tests")
failed: List[str] = [f.message for r in results if not r for f in r.failures]
percent: float = rules.coverage(population=10, seed=1).percent("rules")
median: Optional[float] = limber.audit(population=5)["fill-median"]
sim: limber.Simulation = rules.simulate(profile, weeks=8, response=limber.Response.PLATEAU, start="2026-01-05")
weekly: List[datetime.date] = [p.start for p in sim.plans]
findings: List[str] = [f.message for f in rules.lint()]
try:
    limber.Ruleset.load("missing.xml")
except FileNotFoundError as e:
    where: Optional[str] = e.filename
except limber.RulesetError as e:
    line: Optional[int] = e.line
items = limber.dask.items(rules, [profile] * 10, npartitions=2, seed=1)
