#!/usr/bin/env python3
"""Exports one synthetic rule set and one population for the anchor engines.

    export.py RULES.xml N OUT_DIR

RULES.xml comes from bench/gen-ruleset.py: its `synthetic-*` rules each have
one condition on the profile (an answer, an age band, a deficit, an
asymmetry, the goal, the STarT Back category).  Those rules, and N profiles
like bench_python.py's, are written for each engine:

  rules.json      the rules, engine-neutral: {"id", "kind", ...}
  facts.json      per profile, the facts the rules read, as limber computes
                  them (deficits and asymmetries from the scan, the STarT
                  Back category from the plan)
  expected.json   per profile, the synthetic rules limber fired
  profiles.jsonl  the profiles as limber JSON, for bench-conditions
  rules.clp       the rules for CLIPS, and run.clp, which asserts each
                  profile's facts, runs, and prints the time and the count

Every engine's run is checked against expected.json (CLIPS by the count of
rules fired), so the table compares engines doing the same work.
"""

import json
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import limber  # noqa: E402
from bench_python import START, population  # noqa: E402


def synthetic_rules(path):
    out = []
    for rule in ET.parse(path).getroot().iter("rule"):
        rid = rule.get("id")
        if not rid.startswith("synthetic-"):
            continue
        (cond,) = list(rule.find("when"))
        r = {"id": rid, "kind": cond.tag}
        if cond.tag == "answer":
            r.update(question=cond.get("question"), yes=cond.get("is") == "yes")
        elif cond.tag == "age":
            r.update(at_least=int(cond.get("at-least")), at_most=int(cond.get("at-most")))
        elif cond.tag in ("deficit", "asymmetry"):
            r.update(measure=cond.get("measure"), at_least=float(cond.get("at-least")))
        elif cond.tag == "goal":
            r.update(goal=cond.get("is"))
        elif cond.tag == "score":
            assert cond.get("ref") == "startback"
            r.update(category=cond.get("category"))
        else:
            raise SystemExit("%s: a condition the anchors do not translate: <%s>" % (rid, cond.tag))
        out.append(r)
    return out


def facts_of(rules, profile, plan):
    """The facts the synthetic rules read, as limber computes them (facts.c)."""
    measures = {m.id: m for m in rules.measures}
    deficit, asymmetry = {}, {}
    for s in profile["scan"]:
        m = measures[s["measure"]]
        left = s.get("left", s.get("value"))
        right = s.get("right", left) if m.sided else left
        deficit[m.id] = max(0.0, m.normal - left, m.normal - right)
        if m.sided and left != right:  # an asymmetry needs a tighter side
            asymmetry[m.id] = abs(left - right)
    answers = {}
    for q in rules.questions:
        if q.kind == "yes-no" and q.id in profile["answers"]:
            answers[q.id] = bool(profile["answers"][q.id])
    score = plan["facts"]["scores"].get("startback", {})
    return {"age": profile["age"], "goal": profile["goal"], "answers": answers, "deficit": deficit,
            "asymmetry": asymmetry, "startback": score.get("category")}


def clips_symbol(text):
    return text.replace(".", "_")


def clips_rules(rules):
    lines = ["(defglobal ?*fired* = 0)"]
    for r in rules:
        k = r["kind"]
        if k == "answer":
            pattern = "(answer %s %s)" % (r["question"], "yes" if r["yes"] else "no")
        elif k == "age":
            pattern = "(age ?a&:(>= ?a %d)&:(<= ?a %d))" % (r["at_least"], r["at_most"])
        elif k in ("deficit", "asymmetry"):
            pattern = "(%s %s ?v&:(>= ?v %s))" % (k, clips_symbol(r["measure"]), r["at_least"])
        elif k == "goal":
            pattern = "(goal %s)" % r["goal"]
        else:
            pattern = "(startback %s)" % r["category"]
        lines.append("(defrule %s %s => (bind ?*fired* (+ ?*fired* 1)))" % (r["id"], pattern))
    return "\n".join(lines) + "\n"


def clips_run(facts):
    """Each profile: reset, assert its facts, run; the time over all of them."""
    # (reset) would set the globals back too: the count and the clock must last
    lines = ["(set-reset-globals FALSE)", "(bind ?*t0* (time))"]
    for f in facts:
        asserts = ["(age %d)" % f["age"], "(goal %s)" % f["goal"]]
        asserts += ["(answer %s %s)" % (q, "yes" if v else "no") for q, v in f["answers"].items()]
        asserts += ["(deficit %s %r)" % (clips_symbol(m), v) for m, v in f["deficit"].items()]
        asserts += ["(asymmetry %s %r)" % (clips_symbol(m), v) for m, v in f["asymmetry"].items()]
        if f["startback"]:
            asserts.append("(startback %s)" % f["startback"])
        lines.append("(reset)")
        lines.append("(assert %s)" % " ".join(asserts))
        lines.append("(run)")
    lines.append('(printout t "seconds " (- (time) ?*t0*) crlf "fired " ?*fired* crlf)')
    return "(defglobal ?*t0* = 0.0)\n" + "\n".join(lines) + "\n(exit)\n"


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.splitlines()[2].strip())
    path, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    rules = limber.Ruleset.load(path)
    synthetic = synthetic_rules(path)
    ids = {r["id"] for r in synthetic}
    # profiles whose screening lets the rules run (a referral stops before
    # them), drawn until there are n
    profiles, facts, expected = [], [], []
    seed = 42
    while len(profiles) < n:
        drawn = population(rules, n, seed)
        seed += 1
        for profile, doc in zip(drawn, rules.plan_many(drawn, start=START, seed=1, output="json")):
            plan = json.loads(doc)
            if plan["status"] != "ok" or len(profiles) == n:
                continue
            profiles.append(profile)
            facts.append(facts_of(rules, profile, plan))
            expected.append([r for r in plan["rules_fired"] if r in ids])
    with open(os.path.join(out, "rules.json"), "w") as f:
        json.dump(synthetic, f)
    with open(os.path.join(out, "facts.json"), "w") as f:
        json.dump(facts, f)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f)
    with open(os.path.join(out, "profiles.jsonl"), "w") as f:
        for p in profiles:
            f.write(json.dumps(p, separators=(",", ":")) + "\n")
    with open(os.path.join(out, "rules.clp"), "w") as f:
        f.write(clips_rules(synthetic))
    with open(os.path.join(out, "run.clp"), "w") as f:
        f.write(clips_run(facts))
    print("%s: %d synthetic rules, %d profiles, %d rule firings expected"
          % (os.path.basename(path), len(synthetic), n, sum(map(len, expected))))


if __name__ == "__main__":
    main()
