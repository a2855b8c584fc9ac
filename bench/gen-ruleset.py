#!/usr/bin/env python3
"""Synthetic rule sets for the scaling benchmark.

    bench/gen-ruleset.py RULES EXERCISES [SEED] > big.xml

Starts from rules/default.xml (its questions, red flags, scores, measures,
templates and rules stay as they are, so every profile of the default set is
valid for the big one) and adds copies of its exercises, with their own ids,
until there are EXERCISES, then rules until there are RULES: each rule has a
condition a population profile can meet (an answer, an age band, a deficit,
an asymmetry, a goal, a STarT Back category) and one to three actions on a
tag, a region, a measure or an exercise (weights mostly, some exclusions,
emphasis, lowest steps). Deterministic for a seed. The benchmark loads the
result with limber_ruleset_new_from_file() and plans the usual population.
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: gen-ruleset.py RULES EXERCISES [SEED]")
    n_rules, n_exercises = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    xml = (ROOT / "rules" / "default.xml").read_text()

    exercises = re.findall(r"    <exercise id=\"[^\"]+\".*?</exercise>\n", xml, re.S)
    ids = [re.search(r'id="([^"]+)"', e).group(1) for e in exercises]
    copies = []
    k = 0
    while len(ids) + len(copies) < n_exercises:
        src = exercises[k % len(exercises)]
        new_id = "%s-%d" % (ids[k % len(ids)], k // len(ids) + 1)
        # a copy keeps its content; variants point at the originals
        copy = re.sub(r'<exercise id="[^"]+"', '<exercise id="%s"' % new_id, src, count=1)
        copy = re.sub(r"<name>([^<]*)</name>", lambda m: "<name>%s %d</name>" % (m.group(1), k // len(ids) + 1),
                      copy, count=1)
        copies.append(copy)
        k += 1
    all_ids = ids + [re.search(r'id="([^"]+)"', c).group(1) for c in copies]
    end = xml.index("  </exercises>")
    xml = xml[:end] + "".join(copies) + xml[end:]

    tags = sorted({t for e in exercises for t in re.search(r"<tags>([^<]*)</tags>", e).group(1).split()} - {"all"})
    regions = sorted({r for e in exercises for r in re.search(r"<regions>([^<]*)</regions>", e).group(1).split()})
    measures = re.findall(r'<measure id="([^"]+)"', xml)
    questions = re.findall(r'<question id="([^"]+)" kind="yes-no"', xml)
    primary = sorted(set(re.findall(r'<(?:stretches|moves) measure="([^"]+)"/>', xml)))
    n_existing = len(re.findall(r"<rule id=", xml))

    def condition():
        kind = rng.randrange(6)
        if kind == 0:
            return '<answer question="%s" is="%s"/>' % (rng.choice(questions), rng.choice(["yes", "no"]))
        if kind == 1:
            lo = rng.randrange(18, 80)
            return '<age at-least="%d" at-most="%d"/>' % (lo, lo + rng.randrange(5, 30))
        if kind == 2:
            return '<deficit measure="%s" at-least="%d"/>' % (rng.choice(measures), rng.randrange(1, 15))
        if kind == 3:
            return '<asymmetry measure="%s" at-least="%d"/>' % (rng.choice(measures), rng.randrange(2, 12))
        if kind == 4:
            return '<goal is="%s"/>' % rng.choice(["recovery", "flexibility", "performance"])
        return '<score ref="startback" category="%s"/>' % rng.choice(["low", "medium", "high"])

    def target():
        kind = rng.randrange(4)
        if kind == 0:
            return 'tag="%s"' % rng.choice(tags)
        if kind == 1:
            return 'region="%s"' % rng.choice(regions)
        if kind == 2 and primary:
            return 'measure="%s"' % rng.choice(primary)
        return 'exercise="%s"' % rng.choice(all_ids)

    def action():
        kind = rng.randrange(10)
        if kind < 7:
            return '<weight %s multiply="%.2f"/>' % (target(), rng.uniform(0.5, 2.0))
        if kind == 7:
            return '<exclude exercise="%s"/>' % rng.choice(all_ids)
        if kind == 8:
            return '<lowest-step %s/>' % target()
        return '<min-hold tag="static-stretch" seconds="%d"/>' % rng.choice([20, 25, 30])

    rules = []
    for r in range(max(0, n_rules - n_existing)):
        actions = "\n        ".join(action() for _ in range(rng.randrange(1, 4)))
        rules.append('''    <rule id="synthetic-%d" cite="stiff-back-routine">
      <description>Synthetic rule %d for the scaling benchmark.</description>
      <when>%s</when>
      <then>
        %s
      </then>
    </rule>
''' % (r, r, condition(), actions))
    end = xml.index("  </rules>")
    xml = xml[:end] + "".join(rules) + xml[end:]
    xml = xml.replace('<ruleset id="default"', '<ruleset id="synthetic-%d-%d"' % (n_rules, n_exercises), 1)
    sys.stdout.write(xml)


if __name__ == "__main__":
    main()
