/*
 * Reasoning about rule conditions without a profile: can a condition ever
 * hold, and does one condition hold whenever another does.  Lint
 * (lint.c) asks these to find rules that can never fire, actions that an
 * exclusion always shadows, and exercises nobody can get.
 *
 * Sound but not complete: "never" and "implies" are only answered TRUE when
 * they are certain (contradictory bounds on one fact, a goal that must be
 * two goals, an answer that must trigger a referral...).  When the analysis
 * cannot tell (a condition too large to expand, facts that constrain each
 * other in ways it does not model) it says "can hold" and "does not imply",
 * so lint never reports a defect that is not there.
 */
#pragma once

#include "ruleset-private.h"

/* the minutes a day a profile may ask for (profile.c checks them) */
#define PROFILE_MIN_MINUTES 5.0
#define PROFILE_MAX_MINUTES 180.0

/* Whether cond can hold for some valid profile.  programme: also require
 * the plan to be a programme (no emergency or see-clinician red flag),
 * which is when rules and contraindications are looked at at all. */
gboolean limber_logic_can_hold (const LimberRuleset *rs, const LimberCond *cond, gboolean programme);

/* Whether b holds whenever a holds, for every valid profile whose plan is a
 * programme.  a NULL is "always". */
gboolean limber_logic_implies (const LimberRuleset *rs, const LimberCond *a, const LimberCond *b);

/* Whether a and b hold for exactly the same profiles (in programmes). */
gboolean limber_logic_equivalent (const LimberRuleset *rs, const LimberCond *a, const LimberCond *b);

/* Whether a category of a score can ever be a profile's category: its
 * bounds are within what the score's items can add up to, and no earlier
 * category (tried first) takes every profile it would take. */
gboolean limber_logic_category_reachable (const LimberRuleset *rs, const LimberScore *score, guint category);

/* Conditions built for a question lint asks (free with limber_cond_free()). */
LimberCond *limber_logic_goal (LimberGoal goal);
LimberCond *limber_logic_no_floor (void);
LimberCond *limber_logic_avoids (const char *region);
LimberCond *limber_logic_lacks (const char *equipment);
