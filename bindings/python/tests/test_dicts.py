"""The dict reader (limber._dicts): dicts read in C give the profile their JSON gives, or go the JSON way."""

import enum
import json
import random

import pytest

import limber
from limber import _profile
from limber._native import ffi
from conftest import EXAMPLES

pytestmark = pytest.mark.skipif(_profile._dicts is None, reason="the dict reader is CPython-only")


def read_in_c(rules, d):
    """The dict reader's profile as JSON, or None when it gave up."""
    built = _profile.dicts_to_profiles([d], rules._ptr)[0]
    if built == ffi.NULL:
        return None
    return limber.Profile(built).to_json()


def read_as_json(rules, d):
    """The JSON readers' profile as JSON, or the ProfileError."""
    try:
        return limber.Profile.from_json(_profile.to_json_bytes(d), rules).to_json()
    except limber.ProfileError as e:
        return e
    except (TypeError, ValueError) as e:  # not serialisable at all
        return e


def varied(rules, n, seed=3):
    """Dicts as programs write them: every question, a full scan, history and re-scans."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        answers = {}
        for q in rules.questions:
            if q.kind == "yes-no":
                answers[q.id] = rng.random() < 0.2
            elif q.kind == "scale":
                answers[q.id] = rng.choice([rng.randrange(int(q.max) + 1), rng.uniform(0, q.max)])
            else:
                answers[q.id] = rng.choice(q.choices)
        scan = []
        for m in rules.measures:
            v = round(rng.uniform(m.min, m.max - 3), rng.randrange(4))
            scan.append({"measure": m.id, "left": v, "right": v + 3} if m.sided else {"measure": m.id, "value": v})
        ex = rng.choice(rules.exercises)
        d = {"age": rng.randrange(18, 90), "goal": rng.choice(rules.goals), "minutes_per_day": rng.choice([10, 12.5, 30]),
             "days_per_week": rng.randrange(1, 8), "answers": answers, "scan": scan,
             "constraints": {"no_floor": k % 5 == 0, "equipment": ["chair", "strap"][: k % 3],
                             "avoid_regions": ["knee"] if k % 7 == 0 else []},
             "history": [{"date": "2026-11-%02d" % (10 + s), "exercise": ex.id, "completed": s % 2 == 0,
                          "sets": 1, "reps": 5, "hold_s": 20.5, "duration_s": 0,
                          "discomfort": None if s == 1 else rng.randrange(6), "discomfort_next_day": rng.randrange(4)}
                         for s in range(k % 4)],
             "rescans": [{"date": "2026-11-01", "measure": rules.measures[0].id, "left": rules.measures[0].min + 1,
                          "right": rules.measures[0].min + 2}]
             if k % 3 == 0 else []}
        if k % 4 == 0:
            d["name"] = "Person %d \u00e9\u2603" % k
        out.append(d)
    return out


def test_written_dicts_are_read_in_c_as_their_json_reads(rules):
    for d in varied(rules, 300) + [json.loads(p.read_text()) for p in sorted(EXAMPLES.glob("*.json"))]:
        in_c = read_in_c(rules, d)
        assert in_c is not None, d
        assert in_c == read_as_json(rules, d)


class Level(enum.IntEnum):
    FIVE = 5


@pytest.mark.parametrize("change", [
    lambda d: d.update(age=True),                     # JSON true: not a number
    lambda d: d.update(age=40.5),                     # not whole
    lambda d: d.update(age=-1),
    lambda d: d.update(age=10 ** 30),
    lambda d: d.update(minutes_per_day=float("nan")),
    lambda d: d.update(minutes_per_day=float("inf")),
    lambda d: d.update(minutes_per_day="15"),
    lambda d: d.update(goal="strength"),
    lambda d: d.update(agee=3),
    lambda d: d.update({1: 2}),                       # json.dumps makes it "1"
    lambda d: d.update(name="a\x00b"),
    lambda d: d.update(name="\ud800"),
    lambda d: d.update(name="tab\there"),
    lambda d: d["answers"].update({"no-such-question": True}),
    lambda d: d["answers"].update({"pain-today": None}),
    lambda d: d["answers"].update({"pain-today": Level.FIVE}),   # an int: read as 5
    lambda d: d["answers"].update({"pain-today": 11}),
    lambda d: d["scan"].append(dict(d["scan"][0])),   # a measure twice
    lambda d: d["scan"][0].update(value=3),
    lambda d: d["scan"][0].pop("measure"),
    lambda d: d.update(scan=tuple(d["scan"])),        # JSON has no tuples: an array
    lambda d: d.update(constraints={"equipment": {"strap"}}),
    lambda d: d.update(constraints={"equipment": ["strap"] * 70}),
    lambda d: d.update(constraints={"no_floor": 1}),
    lambda d: d.update(history=[{"date": "2026-11-01", "exercise": "cat-cow"}]),
    lambda d: d.update(history=[{"date": "2026-11-01", "exercise": "cat-cow", "completed": True, "sets": None}]),
    lambda d: d.update(history=[{"date": "2026-13-01", "exercise": "cat-cow", "completed": True}]),
    lambda d: d.update(rescans=[{"date": "2026-11-01", "measure": "hip.flexion", "left": 1}]),
    lambda d: d.update(answers=[]),
])
def test_anything_else_reads_as_its_json_does(rules, stiff_back, change):
    d = json.loads(json.dumps(stiff_back))
    change(d)
    in_c, as_json = read_in_c(rules, d), read_as_json(rules, d)
    if isinstance(as_json, Exception):
        assert in_c is None, "read in C what JSON refuses: %r" % (as_json,)
        if isinstance(as_json, limber.ProfileError):
            with pytest.raises(limber.ProfileError) as e:
                limber.Profile.from_dict(d, rules)
            assert str(e.value) == str(as_json)
    else:
        assert in_c in (None, as_json)
        assert limber.Profile.from_dict(d, rules).to_json() == as_json


def test_frame_output_is_plans_frame(rules, stiff_back):
    dicts = varied(rules, 40)
    dicts[5] = {"minutes_per_day": 0}
    dicts[9] = '{"goal": '
    mixed = dicts + [limber.Profile.from_dict(stiff_back, rules), stiff_back]
    plans = rules.plan_many(mixed, start="2026-11-24", seed=2, threads=2, errors="return")
    frame = rules.plan_many(mixed, start="2026-11-24", seed=2, threads=2, errors="return", output="frame")
    expected = limber.plans_frame(plans)
    assert list(frame.columns) == list(expected.columns)
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == \
        expected.astype(object).where(expected.notna(), None).values.tolist()
    chunked = rules.plan_many(mixed, start="2026-11-24", seed=2, threads=3, errors="return", output="frame")
    assert chunked.equals(frame)
    parts = list(rules.iplan_many(mixed, start="2026-11-24", seed=2, errors="return", output="frame", chunk=16))
    assert [len(p) for p in parts] == [16, 16, 10]
    with pytest.raises(limber.ProfileError) as e:
        rules.plan_many(mixed, output="frame")
    assert e.value.index == 5
    assert list(rules.plan_many([], output="frame").columns) == list(expected.columns)



def test_stopping_early_frees_what_was_read(rules):
    """A caller that stops after the first chunk: the next chunk, already read in C, is freed, not leaked."""
    from limber._native import lib
    freed = []
    from limber._native import ffi
    real = lib.limber_profile_free
    real_many = lib.limber_py_profiles_free

    class Counting:
        def __getattr__(self, name):
            return getattr(lib, name)

        def limber_profile_free(self, p):
            freed.append(p)
            real(p)

        def limber_py_profiles_free(self, profiles, n):
            # a chunk's profiles are freed in one call
            freed.extend(profiles[i] for i in range(n) if profiles[i] != ffi.NULL)
            real_many(profiles, n)

    import limber._ruleset as module
    saved = module.lib
    module.lib = Counting()
    try:
        it = rules.iplan_many(varied(rules, 12), start="2026-11-24", chunk=4, output="json")
        next(it)
        it.close()
    finally:
        module.lib = saved
    # the first chunk's four after planning, the second's four read ahead and never planned
    assert len(freed) == 8
