"""Simulating weeks of a program with synthetic logs, to see what rules do before a person does.

    sim = rules.simulate(profile, weeks=8, adherence=0.9, response="improving", start="2026-01-05", seed=1)
    sim.plans[-1].days, sim.profile.to_dict(), sim.to_dict(), sim.to_csv(), sim.to_dataframe()

Ruleset.simulate() is added to the Ruleset class here.
"""

import io
import json

from ._errors import Error, OptionsError, check
from ._native import ffi, lib
from ._plan import BorrowedPlan
from ._profile import Profile
from ._reflect import add_getters, enum_names, enum_value, header_doc, take_text, wraps_c
from ._ruleset import Ruleset, _options


class Simulation:
    """A simulated run: one plan a week, each made from the profile and everything logged before it.

    Attributes: plans (a list of Plan, one a week; fewer than asked when a
    referral ended the run), n_weeks, profile (the end profile, with every
    synthetic session and re-scan), weeks_asked, adherence, response, seed,
    ruleset.  to_dict()/to_json() give the trajectory per week, exercise and
    measure; to_csv() and to_dataframe() one row per week and exercise or
    measure.  Iterating gives the plans.
    """

    __slots__ = ("_ptr", "ruleset", "weeks_asked", "adherence", "response", "seed", "_plans", "__weakref__")

    def __init__(self, ptr, ruleset, weeks, adherence, response, seed):
        self._ptr = ffi.gc(ptr, lib.limber_simulation_free)
        self.ruleset = ruleset
        self.weeks_asked, self.adherence, self.response, self.seed = weeks, adherence, response, seed
        self._plans = None

    @property
    def plans(self):
        """One Plan a week, in order (a new list of the same Plan objects, each keeping the simulation alive)."""
        if self._plans is None:
            self._plans = tuple(BorrowedPlan(lib.limber_simulation_get_plan(self._ptr, w), self.ruleset, self)
                                for w in range(lib.limber_simulation_get_n_weeks(self._ptr)))
        return list(self._plans)

    @property
    def profile(self):
        """The profile at the end of the run (a copy): the starting one with every synthetic session and re-scan."""
        return Profile(lib.limber_profile_copy(lib.limber_simulation_get_profile(self._ptr)), self.ruleset)

    def __iter__(self):
        return iter(self.plans)

    def __len__(self):
        return lib.limber_simulation_get_n_weeks(self._ptr)

    @wraps_c("limber_simulation_to_json")
    def to_json(self, pretty=False):
        """The trajectory as JSON: per week, per exercise (step, discomfort) and per measure (range)."""
        return take_text(lib.limber_simulation_to_json(self._ptr, bool(pretty)))

    def to_dict(self):
        """The trajectory as a dict (a new one each call)."""
        return json.loads(self.to_json())

    @wraps_c("limber_simulation_to_csv")
    def to_csv(self):
        """The trajectory as CSV, one row per week and exercise or measure."""
        return take_text(lib.limber_simulation_to_csv(self._ptr))

    def to_dataframe(self):
        """The CSV trajectory as a pandas DataFrame (needs pandas); `start` is parsed as a date."""
        from ._frames import _pandas
        return _pandas().read_csv(io.StringIO(self.to_csv()), parse_dates=["start"])

    def __repr__(self):
        return "<limber.Simulation %d of %d weeks, %s, adherence %g>" % (
            self.n_weeks, self.weeks_asked, self.response, self.adherence)


add_getters(Simulation, "limber_simulation")

RESPONSES = tuple(enum_names("LimberResponse").values())


@wraps_c("limber_simulate")
def simulate(self, profile, weeks=8, adherence=0.9, response="improving", start=None, seed=0):
    """Simulates `weeks` of the program for a profile, logging what a person would have done.

    Args:
        profile: a dict shaped like the JSON profile, a JSON string, or a Profile (not modified).
        weeks: 1 to 52.
        adherence: the share of planned sessions done, 0 to 1.
        response: how the person responds: "improving", "plateau" or "flare-up".
        start: the first week's first day (YYYY-MM-DD or a date); None for today.
        seed: the same inputs and seed give the same trajectory.

    Returns:
        a Simulation: .plans, .profile, .to_dict(), .to_csv(), .to_dataframe().

    Raises:
        ProfileError: the profile is malformed or does not fit the rule set.
        OptionsError: start, weeks or adherence are out of range.
        ValueError: an unknown response model.
    """
    p = Profile.coerce(profile, self)
    model = enum_value("LimberResponse", response)
    opts = _options(start, None, seed)
    if not 0 <= int(weeks) <= 0xFFFFFFFF:
        raise OptionsError("weeks: %s is out of range; expected 1 to 52" % weeks, "options")
    err = ffi.new("GError **")
    ptr = lib.limber_simulate(self._live(), p._live(), opts, int(weeks), float(adherence), model, err)
    check(err, Error)
    return Simulation(ptr, self, int(weeks), float(adherence), response, int(seed))


Ruleset.simulate = simulate
Simulation.__doc__ += "\n\nFrom limber/simulate.h: " + header_doc("simulate.h")
