"""Camera scans: range-of-motion angles from pose landmarks, with quality checks (docs/scan.md).

    cap = limber.Capture.from_arrays(times_ms, landmarks, (1280, 720))   # landmarks: (frames, 33, 4) numpy
    result = rules.scan("hamstring.slr", "left", cap)
    result.usable, result.angle, result.reasons, result.hold, result.samples()
    profile.add_scan_results(rules, [left, right], date=None)             # into scan, or with a date rescans

Ruleset.scan() and Profile.add_scan_results() are added to their classes here.
"""

import json
from typing import NamedTuple

from ._errors import Error, OptionsError, check
from ._native import ffi, lib
from ._profile import Profile
from ._reflect import take_text, text, wraps_c
from ._ruleset import Ruleset

FORMATS = {"mediapipe-pose": lib.LIMBER_LANDMARKS_MEDIAPIPE_POSE, "coco-17": lib.LIMBER_LANDMARKS_COCO_17}
_N_LANDMARKS = {"mediapipe-pose": 33, "coco-17": 17}
_SIDES = {"left": lib.LIMBER_SIDE_LEFT, "right": lib.LIMBER_SIDE_RIGHT}


class Reason(NamedTuple):
    """Why a capture was refused (refusal true) or what could not be checked (a note)."""
    issue: str
    message: str
    refusal: bool


class Capture:
    """One person's landmarks over the frames of one filmed test.

    Capture.from_file(path) and .from_json(text) read a landmarks file
    (MediaPipe Pose or COCO JSON); Capture.from_arrays() takes arrays of
    frames, as a pose estimator hands them over.
    """

    __slots__ = ("_ptr", "format", "__weakref__")

    def __init__(self, ptr, fmt):
        self._ptr = ffi.gc(ptr, lib.limber_capture_free)
        self.format = fmt

    @staticmethod
    def _format_of(ptr):
        return "coco-17" if lib.limber_capture_get_format(ptr) == lib.LIMBER_LANDMARKS_COCO_17 else "mediapipe-pose"

    @classmethod
    @wraps_c("limber_capture_new_from_file")
    def from_file(cls, path):
        """Reads a landmarks JSON file (docs/scan.md); raises limber.Error naming the file and field."""
        err = ffi.new("GError **")
        ptr = lib.limber_capture_new_from_file(str(path).encode(), err)
        check(err, Error)
        return cls(ptr, cls._format_of(ptr))

    @classmethod
    @wraps_c("limber_capture_new_from_json")
    def from_json(cls, data, name="<landmarks>"):
        """Reads a landmarks JSON document (str or bytes)."""
        raw = data.encode() if isinstance(data, str) else bytes(data)
        err = ffi.new("GError **")
        ptr = lib.limber_capture_new_from_json(raw, len(raw), str(name).encode(), err)
        check(err, Error)
        return cls(ptr, cls._format_of(ptr))

    @classmethod
    @wraps_c("limber_capture_new", "limber_capture_add_frame")
    def from_arrays(cls, timestamps_ms, landmarks, image_size, format="mediapipe-pose"):
        """A capture from arrays (numpy or nested sequences).

        Args:
            timestamps_ms: one time per frame, in milliseconds, increasing.
            landmarks: shape (frames, 33, 4) for MediaPipe Pose (x, y normalised
                to the image, z or NaN, visibility) or (frames, 17, 4) for COCO
                (x, y in pixels, NaN, confidence 0..1); a last axis of 3 means
                x, y, confidence with no depth.
            image_size: (width, height) in pixels.
            format: "mediapipe-pose" or "coco-17".
        """
        if format not in FORMATS:
            raise ValueError("format %r: expected one of %s" % (format, ", ".join(sorted(FORMATS))))
        width, height = (int(v) for v in image_size)
        if width < 1 or height < 1:
            raise OptionsError("image_size: %r; expected two sizes of at least 1 pixel" % (image_size,), "options")
        n = _N_LANDMARKS[format]
        try:
            import numpy as np
        except ImportError:  # nested sequences work without numpy, more slowly
            np = None
        if np is not None:
            arr = np.asarray(landmarks, dtype=np.float64)
            times = np.asarray(timestamps_ms, dtype=np.float64).reshape(-1)
            if arr.ndim != 3 or arr.shape[1] != n or arr.shape[2] not in (3, 4):
                raise ValueError("landmarks: shape %s; expected (frames, %d, 4) or (frames, %d, 3) for %s"
                                 % (arr.shape, n, n, format))
            if arr.shape[2] == 3:
                arr = np.stack([arr[:, :, 0], arr[:, :, 1], np.full(arr.shape[:2], np.nan), arr[:, :, 2]], axis=2)
            arr = np.ascontiguousarray(arr)
            frames = [(float(times[i]), arr[i]) for i in range(arr.shape[0])] if len(times) == arr.shape[0] else None
        else:
            rows = [list(f) for f in landmarks]
            times = list(timestamps_ms)
            frames = []
            for t, frame in zip(times, rows):
                flat = []
                for lm in frame:
                    lm = list(lm)
                    flat.extend(lm if len(lm) == 4 else [lm[0], lm[1], float("nan"), lm[2]])
                frames.append((float(t), flat))
            if len(times) != len(rows):
                frames = None
        if frames is None:
            raise ValueError("timestamps_ms: %d times for %d frames; expected one per frame"
                             % (len(times), len(landmarks)))
        cap = cls(lib.limber_capture_new(FORMATS[format], width, height), format)
        for i, (t, values) in enumerate(frames):
            buf = ffi.from_buffer("double[]", values) if np is not None else ffi.new("double[]", values)
            if np is None and len(values) != 4 * n:
                raise ValueError("landmarks[%d]: %d landmarks; expected %d" % (i, len(values) // 4, n))
            err = ffi.new("GError **")
            lib.limber_capture_add_frame(cap._ptr, t, buf, n, err)
            check(err, Error)
        return cap

    def __len__(self):
        return lib.limber_capture_get_n_frames(self._ptr)

    def __repr__(self):
        return "<limber.Capture %s, %d frames>" % (self.format, len(self))


class ScanResult:
    """One test's measured angle (the median over the held end position) and its verdict.

    Attributes: measure, side, usable, angle (degrees, None when refused),
    hold ((start_ms, end_ms) or None), reasons (a list of Reason).
    samples() gives the filtered angle of every readable frame, to plot.
    """

    __slots__ = ("_ptr", "__weakref__")

    def __init__(self, ptr):
        self._ptr = ffi.gc(ptr, lib.limber_scan_result_free)

    @property
    def measure(self):
        return text(lib.limber_scan_result_get_measure(self._ptr))

    @property
    def side(self):
        return "left" if lib.limber_scan_result_get_side(self._ptr) == lib.LIMBER_SIDE_LEFT else "right"

    @property
    def usable(self):
        return bool(lib.limber_scan_result_is_usable(self._ptr))

    @property
    def angle(self):
        a = lib.limber_scan_result_get_angle(self._ptr)
        return None if a != a else a

    @property
    def hold(self):
        start, end = ffi.new("double *"), ffi.new("double *")
        if not lib.limber_scan_result_get_hold(self._ptr, start, end):
            return None
        return (start[0], end[0])

    @property
    def reasons(self):
        out = []
        issue, refusal = ffi.new("LimberScanIssue *"), ffi.new("gboolean *")
        for i in range(lib.limber_scan_result_get_n_reasons(self._ptr)):
            message = text(lib.limber_scan_result_get_reason(self._ptr, i, issue, refusal))
            out.append(Reason(text(lib.limber_scan_issue_to_string(issue[0])), message, bool(refusal[0])))
        return out

    def samples(self):
        """(times_ms, angles): two lists, the filtered angle of every frame whose landmarks were seen."""
        t, a = ffi.new("double *"), ffi.new("double *")
        times, angles = [], []
        for i in range(lib.limber_scan_result_get_n_samples(self._ptr)):
            lib.limber_scan_result_get_sample(self._ptr, i, t, a)
            times.append(t[0])
            angles.append(a[0])
        return times, angles

    @wraps_c("limber_scan_result_to_json")
    def to_json(self, pretty=False):
        """The result as JSON (docs/scan.md, Results)."""
        return take_text(lib.limber_scan_result_to_json(self._ptr, bool(pretty)))

    def to_dict(self):
        return json.loads(self.to_json())

    def __repr__(self):
        if self.usable:
            return "<limber.ScanResult %s %s: %.1f degrees>" % (self.measure, self.side, self.angle)
        return "<limber.ScanResult %s %s: refused>" % (self.measure, self.side)


@wraps_c("limber_scan_result_new")
def scan(self, measure, side, capture):
    """Measures one side of one test (the measure's scan protocol) from a Capture.

    A capture that cannot be trusted is not an error: the result's usable
    is False and its reasons say why.  Raises limber.Error for an unknown
    measure or one without a protocol, ValueError for a side other than
    "left" or "right".
    """
    if side not in _SIDES:
        raise ValueError("side %r: expected 'left' or 'right'" % (side,))
    if not isinstance(capture, Capture):
        capture = Capture.from_file(capture)
    err = ffi.new("GError **")
    ptr = lib.limber_scan_result_new(self._live(), str(measure).encode(), _SIDES[side], capture._ptr, err)
    check(err, Error)
    return ScanResult(ptr)


@wraps_c("limber_profile_add_scan_results")
def add_scan_results(self, ruleset, results, date=None):
    """Puts usable scan results (both sides of each sided measure) into the profile's scan, or with a date
    (YYYY-MM-DD or a datetime.date) a re-scan entry.  Raises ProfileError, adding nothing, for a refused
    result, a missing side or a side given twice."""
    from ._errors import ProfileError
    results = list(results)
    arr = ffi.new("LimberScanResult *[]", [r._ptr for r in results]) if results else ffi.NULL
    day = ffi.NULL if date is None else str(date).encode()
    err = ffi.new("GError **")
    lib.limber_profile_add_scan_results(self._live(), ruleset._live(), day, arr, len(results), err)
    check(err, ProfileError)
    return self


@wraps_c("limber_ruleset_get_scan_instructions")
def scan_instructions(self, measure, lang=None):
    """What the person is told to do before filming a measure's test, in ``lang`` ("de", "es"; None: the rule
    set's English); None when it has no scan protocol.  Raises KeyError for a measure the rule set does not
    have, OptionsError for a language it has no translation into."""
    m = lib.limber_ruleset_lookup_measure(self._live(), str(measure).encode())
    if m == ffi.NULL:
        raise KeyError(measure)
    err = ffi.new("GError **")
    found = lib.limber_ruleset_get_scan_instructions(self._live(), str(measure).encode(),
                                                     ffi.NULL if lang is None else str(lang).encode(), err)
    # the language is checked first: a measure without a protocol has None,
    # in any language the rule set has
    if found == ffi.NULL and err[0] != ffi.NULL and err[0].code == lib.LIMBER_ERROR_UNSUPPORTED:
        lib.g_error_free(err[0])
        return None
    check(err, OptionsError)
    return text(found)


Ruleset.scan = scan
Ruleset.scan_instructions = scan_instructions
Profile.add_scan_results = add_scan_results
