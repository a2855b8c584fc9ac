#!/usr/bin/env python3
"""Prints run.sh's results (JSON lines on standard input) as a Markdown table."""
import json
import sys

label, rows = sys.argv[1], [json.loads(line) for line in sys.stdin if line.strip()]
print("\n%s, %d profiles\n" % (label, rows[0]["profiles"]))
print("| engine | rules | µs per profile | rule evaluations/s |")
print("|---|---|---|---|")
for r in rows:
    note = " (wall)" if r.get("wall") else ""
    print("| %s | %d | %.1f%s | %s |" % (r["engine"], r["rules"], r["us_per_profile"], note,
                                        format(int(r["evaluations_per_s"]), ",")))
