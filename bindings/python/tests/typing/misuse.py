"""Misuse that `mypy --strict` must report: each line with an "expect" comment gives the error it names, and no other line
gives any."""

import limber

rules = limber.Ruleset.default()
plan = rules.plan({"goal": "flexibility"})
rules.plan(42)  # expect: arg-type
count: int = plan.days[0].items[0].name  # expect: assignment
status: int = plan.status  # expect: assignment
day: str = plan.start  # expect: assignment
rules.plan(profile={"goal": "flexibility"}, seed="1")  # expect: arg-type
rules.plan_many([{}], output="xml")  # expect: call-overload
limber.Ruleset.load(3.5)  # expect: arg-type
rules.simulate({}, response="worse")  # expect: arg-type
plan.to_json(pretty=True).decode()  # expect: attr-defined
