#!/usr/bin/env python3
"""Turns CLIPS's "seconds S / fired K" (run.clp) into run.sh's JSON line, checked against expected.json."""
import json
import os
import sys

out = dict(line.split() for line in sys.stdin if line.split()[:1] in (["seconds"], ["fired"]))
with open(os.path.join(sys.argv[1], "expected.json")) as f:
    expected = json.load(f)
with open(os.path.join(sys.argv[1], "rules.json")) as f:
    rules = len(json.load(f))
fired, want = int(out["fired"]), sum(map(len, expected))
if fired != want:
    sys.exit("CLIPS fired %d rules, limber %d" % (fired, want))
seconds = float(out["seconds"])
print(json.dumps({"engine": "CLIPS", "rules": rules, "profiles": len(expected), "cpu_s": seconds,
                  "us_per_profile": seconds / len(expected) * 1e6, "evaluations_per_s": rules * len(expected) / seconds,
                  "checked": True, "wall": True}))
