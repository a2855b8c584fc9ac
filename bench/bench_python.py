#!/usr/bin/env python3
"""bench_python: what the Python binding costs over C.

    .venv/bin/python bench/bench_python.py [N_PROFILES (default 100000)] [--c-bench PATH]

Prints, on a population like bench-generate's (every question answered, red
flags rare, a full scan, three logged sessions; built untimed, as in C):

  - one plan() call from Python, over the C cost of the same plan (the C
    batch function, one thread, on the same profiles);
  - plan_many() throughput on 1 and 2 threads over N profiles, loaded
    Profile objects and dicts, next to the C batch on the same profiles;
  - plan_many(dicts, output="json"): dicts in, each plan's JSON out, the
    plans made, written and freed on C threads while Python serialises the
    next chunk; wall and CPU (process) time, and the seconds a million
    would take at that rate;
  - plan_many(dicts, output="frame"): the same, each plan summed up in a
    row of a pandas DataFrame (plans_frame()'s columns) instead of JSON;
  - with --stream N: N dicts (the population, cycled) streamed through
    iplan_many(output="frame") (or --stream-output json) on 2 threads,
    timed whole (the issue's "a million profiles from Python" figure:
    --stream 1000000);
  - build/bench/bench-generate's own figures when it is there.

Every timing includes freeing the plans, as bench-generate's does.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import time

import limber
from limber import lowlevel as ll

START = "2026-11-24"
CHUNK = 10_000  # plans alive at once in the batch runs (a plan is tens of kB)


def population(rules, n, seed=42):
    """Dicts varied as bench-generate's profiles are."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        answers = {}
        for q in rules.questions:
            rare = q.red_flag_outcome in ("see-clinician", "emergency")
            if q.kind == "yes-no":
                answers[q.id] = rng.randrange(200 if rare else 4) == 0
            elif q.kind == "scale":
                answers[q.id] = rng.randrange(int(q.min), int(q.min + (q.max - q.min) * (0.7 if rare else 1)) + 1)
            else:
                answers[q.id] = rng.choice(q.choices)
        scan = []
        for m in rules.measures:
            left = min(max(m.normal - rng.uniform(-5, m.normal * 0.4), m.min), m.max)
            right = min(max(left + rng.uniform(-15, 15), m.min), m.max)
            scan.append({"measure": m.id, "left": left, "right": right} if m.sided else {"measure": m.id, "value": left})
        ex = rng.choice(rules.exercises)
        d = ex.steps[0]
        history = [{"date": "2026-11-%02d" % (17 + 2 * s), "exercise": ex.id, "completed": True, "sets": d.sets,
                    "reps": d.reps, "hold_s": d.hold_s, "duration_s": d.duration_s,
                    "discomfort": rng.randrange(5), "discomfort_next_day": rng.randrange(4)} for s in range(3)]
        out.append({"age": rng.randrange(18, 86), "goal": rng.choice(rules.goals),
                    "minutes_per_day": rng.randrange(8, 31), "days_per_week": rng.randrange(2, 8),
                    "constraints": {"no_floor": rng.randrange(10) == 0,
                                    "equipment": ["chair", "wall"] + (["strap"] if rng.random() < 0.5 else [])},
                    "answers": answers, "scan": scan, "history": history})
    return out


def c_batch(rules, profiles, threads):
    """Seconds for the C batch function alone (plus freeing), on loaded profiles."""
    total = 0.0
    opts = ll.ffi.gc(ll.limber_options_new(), ll.lib.limber_options_free)
    ll.limber_options_set_start(opts, START.encode())
    ll.limber_options_set_seed(opts, 1)
    for i in range(0, len(profiles), CHUNK):
        chunk = profiles[i:i + CHUNK]
        n = len(chunk)
        loaded = ll.ffi.new("LimberProfile *[]", [p._ptr for p in chunk])
        plans = ll.ffi.new("LimberPlan *[]", n)
        errs = ll.ffi.new("GError *[]", n)
        t = time.perf_counter()
        failed = ll.limber_py_plan_many(rules._ptr, loaded, ll.ffi.NULL, ll.ffi.NULL, n, opts, threads, plans, errs)
        for k in range(n):
            ll.lib.limber_plan_free(plans[k])
        total += time.perf_counter() - t
        assert failed == 0
    return total


def py_batch(rules, profiles, threads):
    """Seconds for rules.plan_many(), results dropped chunk by chunk."""
    total = 0.0
    for i in range(0, len(profiles), CHUNK):
        chunk = profiles[i:i + CHUNK]
        t = time.perf_counter()
        plans = rules.plan_many(chunk, start=START, seed=1, threads=threads)
        del plans
        total += time.perf_counter() - t
    return total


def output_batch(rules, profiles, threads, output):
    """(wall, CPU) seconds for plan_many(output=...) over profiles, chunk by chunk, and the bytes kept."""
    wall = cpu = 0.0
    size = 0
    for i in range(0, len(profiles), CHUNK):
        chunk = profiles[i:i + CHUNK]
        t, c = time.perf_counter(), time.process_time()
        out = rules.plan_many(chunk, start=START, seed=1, threads=threads, output=output)
        wall += time.perf_counter() - t
        cpu += time.process_time() - c
        size += sum(map(len, out)) if output == "json" else int(out.memory_usage(deep=True).sum())
    return wall, cpu, size


def stream(rules, dicts, n, threads, output):
    """(wall, CPU) seconds and bytes kept for n dicts streamed through iplan_many(output=...)."""
    import itertools
    t, c = time.perf_counter(), time.process_time()
    size = count = 0
    for part in rules.iplan_many(itertools.islice(itertools.cycle(dicts), n), start=START, seed=1, threads=threads,
                                 output=output):
        if output == "json":
            size += len(part)
            count += 1
        else:
            size += int(part.memory_usage(deep=True).sum())
            count += len(part)
    assert count == n
    return time.perf_counter() - t, time.process_time() - c, size


def single(rules, profiles):
    t = time.perf_counter()
    for p in profiles:
        rules.plan(p, start=START, seed=1)
    return time.perf_counter() - t


def c_bench(path, n, threads):
    try:
        out = subprocess.run([path, str(n), str(threads)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    m = re.search(r"plans/s\s+(\d+)", out)
    return float(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000, help="profiles (default 100000)")
    ap.add_argument("--single", type=int, default=2000, help="profiles for the single-call figure")
    ap.add_argument("--stream", type=int, default=0, help="also stream this many dicts on 2 threads")
    ap.add_argument("--stream-output", choices=("frame", "json"), default="frame", help="what the stream keeps")
    ap.add_argument("--c-bench", default=os.path.join(os.path.dirname(__file__), "..", "build", "bench", "bench-generate"))
    args = ap.parse_args()

    rules = limber.Ruleset.default()
    t = time.perf_counter()
    dicts = population(rules, args.n)
    profiles = [limber.Profile.from_dict(d, rules) for d in dicts]
    print("rule set        %s %s, limber %s, Python %s" % (rules.id, rules.version, limber.__version__,
                                                          sys.version.split()[0]))
    print("population      %d profiles built and loaded in %.1f s (untimed below)" % (args.n, time.perf_counter() - t))

    rules.plan_many(profiles[:500], start=START, threads=2)  # warm up: first touches, lazy initialisation
    k = min(args.single, args.n)
    c_us = c_batch(rules, profiles[:k], 1) / k * 1e6
    py_us = single(rules, profiles[:k]) / k * 1e6
    py_dict_us = single(rules, dicts[:k]) / k * 1e6
    print("\none plan, %d calls, 1 thread" % k)
    print("  C (batch function, same profiles)     %7.1f us/plan" % c_us)
    print("  plan(Profile) from Python              %7.1f us/plan   %.2fx C" % (py_us, py_us / c_us))
    print("  plan(dict) from Python (+ JSON load)   %7.1f us/plan   %.2fx C" % (py_dict_us, py_dict_us / c_us))

    print("\nplan_many over %d profiles" % args.n)
    for threads in (1, 2):
        c_s = c_batch(rules, profiles, threads)
        py_s = py_batch(rules, profiles, threads)
        dict_s = py_batch(rules, dicts, threads)
        print("  %d thread%s  C batch %8.0f plans/s | plan_many(Profile) %8.0f plans/s (%.2fx C per plan)"
              " | plan_many(dict) %8.0f plans/s (%.2fx)"
              % (threads, " " if threads == 1 else "s", args.n / c_s, args.n / py_s, py_s / c_s,
                 args.n / dict_s, dict_s / c_s))

    for output in ("json", "frame"):
        print("\nplan_many(dicts, output=\"%s\") over %d profiles (plans %s and freed in C)"
              % (output, args.n, "written" if output == "json" else "summed up"))
        for threads in (1, 2):
            wall, cpu, size = output_batch(rules, dicts, threads, output)
            print("  %d thread%s  %8.0f plans/s, %6.1f us CPU per plan, %7.1f bytes kept per plan; 1M: %.0f s wall"
                  % (threads, " " if threads == 1 else "s", args.n / wall, cpu / args.n * 1e6, size / args.n,
                     wall / args.n * 1e6))

    if args.stream:
        wall, cpu, size = stream(rules, dicts, args.stream, 2, args.stream_output)
        print("\nstreamed %d dicts -> %s on 2 threads: %.1f s wall, %.1f s CPU (%.1f us per plan), %.1f MB kept"
              % (args.stream, args.stream_output, wall, cpu, cpu / args.stream * 1e6, size / 1e6))

    print("\nbuild/bench/bench-generate (its own population, for reference)")
    for threads in (1, 2):
        rate = c_bench(os.path.abspath(args.c_bench), min(args.n, 20_000), threads)
        print("  %d thread%s  %s" % (threads, " " if threads == 1 else "s",
                                     "%.0f plans/s" % rate if rate else "not built"))


if __name__ == "__main__":
    main()
