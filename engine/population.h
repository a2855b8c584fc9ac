/*
 * Varied, valid profiles for a rule set, drawn from a seeded generator: the
 * population `limber coverage --population N` runs a rule set over to see
 * what its rules do across many kinds of people.
 */
#pragma once

#include "selection.h"

/* One profile for a plan starting on start.  Every id comes from rs and
 * every value is within the rule set's ranges, so the profile validates. */
LimberProfile *limber_population_profile (const LimberRuleset *rs, LimberRandom *random, const GDate *start);
