"""Helpers of check-html.sh around the log the HTML exported.

merge-history.py PROFILE EXPORTED OUT   the profile with the exported history and re-scans added
merge-history.py --check EXPORTED PLAN  the export holds what fill-log.js filled in, and the plan made
                                        from it is a week of exercises
"""
import json
import sys


def fail(message):
    sys.exit("FAIL: " + message)


if sys.argv[1] == "--check":
    exported = json.load(open(sys.argv[2], encoding="utf-8"))
    plan = json.load(open(sys.argv[3], encoding="utf-8"))
    history = exported["history"]
    if len(history) != 4:
        fail("expected the 4 lines filled in, got %d: %s" % (len(history), history))
    first, second, skipped, held = history
    if not (first["completed"] and first["discomfort"] == 2 and first["discomfort_next_day"] == 1):
        fail("the first line: %s" % first)
    if not (second["completed"] and second["sets"] == 2 and second["discomfort"] == 0
            and second["discomfort_next_day"] is None):
        fail("the second line: %s" % second)
    if skipped["completed"] or skipped["discomfort"] != 3:
        fail("the line not done: %s" % skipped)
    if not (held["completed"] and held["hold_s"] == 4 and held["discomfort_next_day"] == 2):
        fail("the held line: %s" % held)
    for entry in history:
        if entry["date"] != "2026-11-23" or not entry["exercise"]:
            fail("an entry without its date or exercise: %s" % entry)
    rescans = exported.get("rescans", [])
    if len(rescans) != 1 or rescans[0]["date"] != "2026-11-29" or rescans[0]["left"] != 30:
        fail("the re-scan: %s" % rescans)
    if plan["status"] != "ok" or not plan["days"]:
        fail("the next plan is not a week of exercises: %s" % plan["status"])
    sys.exit(0)

profile = json.load(open(sys.argv[1], encoding="utf-8"))
exported = json.load(open(sys.argv[2], encoding="utf-8"))
profile.setdefault("history", []).extend(exported["history"])
if "rescans" in exported:
    profile.setdefault("rescans", []).extend(exported["rescans"])
with open(sys.argv[3], "w", encoding="utf-8") as f:
    json.dump(profile, f, indent=1)
