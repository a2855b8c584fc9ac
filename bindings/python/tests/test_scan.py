"""Camera scans from Python (docs/scan.md): landmarks as numpy arrays, files, results, into a profile."""

import math

import numpy as np
import pytest

import limber

from conftest import REPO

LANDMARKS = REPO / "examples" / "landmarks"


def slr_capture(angle, side="left", knee_bend=0.0, seed=0, fps=30.0, noise_px=1.5):
    """A straight-leg raise filmed from the side: the forward kinematics of a stick leg, MediaPipe Pose layout.

    1 s lying still, 1.5 s raising the leg to `angle` degrees, 2 s held, 1 s down; x, y normalised to a
    1280 x 720 image at 300 pixels a metre, with Gaussian pixel noise.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(0, 5.5, 1 / fps)
    u = np.clip((t - 1.0) / 1.5, 0, 1)
    rise = u * u * (3 - 2 * u)
    down = np.clip((t - 4.5) / 1.0, 0, 1)
    s = rise * (1 - down * down * (3 - 2 * down))
    a = np.radians(angle) * s
    bend = np.radians(knee_bend) * s
    n = len(t)
    pts = np.zeros((n, 33, 4))
    pts[:, :, 3] = 0.0                       # landmarks not drawn are unseen
    near, far = (11, 23, 25, 27), (12, 24, 26, 28)  # shoulder, hip, knee, ankle of the person's left / right
    if side == "right":
        near, far = far, near

    def put(index, x, y):
        pts[:, index, 0] = (640 + 300 * x + rng.normal(0, noise_px, n)) / 1280
        pts[:, index, 1] = (680 - 300 * y + rng.normal(0, noise_px, n)) / 720
        pts[:, index, 2] = np.nan
        pts[:, index, 3] = 0.95

    for (shoulder, hip, knee, ankle), leg in ((near, a), (far, np.zeros(n))):
        put(shoulder, np.full(n, -0.5), np.full(n, 0.1))
        put(hip, np.zeros(n), np.full(n, 0.1))
        kx, ky = 0.45 * np.cos(leg), 0.1 + 0.45 * np.sin(leg)
        put(knee, kx, ky)
        shank = leg - (bend if hip == near[1] else 0)
        put(ankle, kx + 0.42 * np.cos(shank), ky + 0.42 * np.sin(shank))
    return t * 1000, pts


def test_a_numpy_capture_reads_the_true_angle(rules):
    times, pts = slr_capture(70, "left")
    cap = limber.Capture.from_arrays(times, pts, (1280, 720))
    assert len(cap) == len(times)
    result = rules.scan("hamstring.slr", "left", cap)
    assert result.usable, result.reasons
    assert abs(result.angle - 70) <= 5
    start, end = result.hold
    assert end - start >= 1000
    t, a = result.samples()
    assert len(t) == len(times) and abs(a[0]) < 3 and max(a) == pytest.approx(70, abs=5)
    assert result.to_dict()["usable"] is True


def test_three_columns_mean_no_depth_and_the_right_side_works_too(rules):
    times, pts = slr_capture(55, "right", seed=1)
    cap = limber.Capture.from_arrays(times, pts[:, :, [0, 1, 3]], (1280, 720))
    result = rules.scan("hamstring.slr", "right", cap)
    assert result.usable and abs(result.angle - 55) <= 5


def test_a_bent_knee_is_refused_with_its_reason_not_a_number(rules):
    times, pts = slr_capture(70, knee_bend=45, seed=2)
    result = rules.scan("hamstring.slr", "left", limber.Capture.from_arrays(times, pts, (1280, 720)))
    assert not result.usable and result.angle is None
    assert any(r.issue == "compensation" and r.refusal and "the knee bent" in r.message for r in result.reasons)


def test_files_and_the_profile(rules):
    left = rules.scan("hamstring.slr", "left", limber.Capture.from_file(LANDMARKS / "hamstring.slr-left.json"))
    right = rules.scan("hamstring.slr", "right", LANDMARKS / "hamstring.slr-right.json")
    profile = limber.Profile({"goal": "flexibility", "minutes_per_day": 15}, rules)
    profile.add_scan_results(rules, [left, right])
    profile.add_scan_results(rules, [left, right], date="2026-12-01")
    d = profile.to_dict()
    assert d["scan"][0]["measure"] == "hamstring.slr" and abs(d["scan"][0]["left"] - 62) <= 5
    assert d["rescans"][0]["date"] == "2026-12-01"
    assert rules.plan(profile, start="2026-12-02", seed=1).status
    with pytest.raises(limber.ProfileError, match="only the left side"):
        limber.Profile(None, rules).add_scan_results(rules, [left])


def test_every_default_measure_has_instructions(rules):
    for m in rules.measures:
        assert "Hold the end" in rules.scan_instructions(m.id)
    with pytest.raises(KeyError):
        rules.scan_instructions("hamstring.srl")


def test_instructions_come_in_the_persons_language(rules):
    for m in rules.measures:
        assert "Halten Sie die Endposition" in rules.scan_instructions(m.id, lang="de")
        assert rules.scan_instructions(m.id, lang="es") != rules.scan_instructions(m.id)
        assert rules.scan_instructions(m.id, lang="en") == rules.scan_instructions(m.id)
    with pytest.raises(limber.OptionsError, match="unknown language 'fr'"):
        rules.scan_instructions("hamstring.slr", lang="fr")


def test_a_measure_no_camera_can_take_has_no_instructions_in_any_language_the_rules_have():
    from conftest import TEST_DATA
    some = limber.Ruleset.load(TEST_DATA / "lint" / "scan-protocol.xml")
    assert some.scan_instructions("grip.strength") is None
    assert some.scan_instructions("grip.strength", lang="en") is None
    # but a language is checked first, whatever the measure
    with pytest.raises(limber.OptionsError, match="unknown language 'fr'"):
        some.scan_instructions("grip.strength", lang="fr")
    with pytest.raises(limber.OptionsError, match="has no translation into 'de'"):
        some.scan_instructions("grip.strength", lang="de")


def test_bad_input_raises_naming_what_is_wrong(rules):
    times, pts = slr_capture(70)
    with pytest.raises(ValueError, match="expected \\(frames, 33, 4\\)"):
        limber.Capture.from_arrays(times, pts[:, :17], (1280, 720))
    with pytest.raises(limber.Error, match="timestamp"):
        limber.Capture.from_arrays(times[::-1], pts, (1280, 720))
    with pytest.raises(limber.Error, match='unknown key "fps"'):
        limber.Capture.from_json('{"format": "coco-17", "image_width": 1, "image_height": 1, "fps": 3, "frames": []}')
    cap = limber.Capture.from_arrays(times, pts, (1280, 720))
    with pytest.raises(ValueError, match="left"):
        rules.scan("hamstring.slr", "up", cap)
    with pytest.raises(limber.Error, match="hamstring.srl"):
        rules.scan("hamstring.srl", "left", cap)
    assert math.isfinite(rules.scan("hamstring.slr", "left", cap).angle)
