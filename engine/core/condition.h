/* Rule conditions and actions: describing them in words (and, with the
 * engine, evaluating them against a profile's facts). */
#pragma once

#include "ruleset-private.h"

/* "deficit of hip.flexion >= 20 deg", "all of (goal is recovery; ...)" */
char *limber_cond_describe (const LimberRuleset *rs, const LimberCond *cond);

/* Structural hash and equality of conditions (GHashFunc, GEqualFunc):
 * equal conditions hold for the same facts. */
guint limber_cond_hash (gconstpointer cond);
gboolean limber_cond_equal (gconstpointer a, gconstpointer b);

/* "weight x2 for region lumbar", "exclude tag rotation" */
char *limber_action_describe (const LimberAction *action);
