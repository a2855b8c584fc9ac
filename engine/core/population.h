/*
 * Varied, valid profiles for a rule set, drawn from a seeded generator: the
 * population `limber coverage --population N` runs a rule set over to see
 * what its rules do across many kinds of people.
 */
#pragma once

#include "limber/progress.h"
#include "selection.h"

/* One profile for a plan starting on start.  Every id comes from rs and
 * every value is within the rule set's ranges, so the profile validates. */
LimberProfile *limber_population_profile (const LimberRuleset *rs, LimberRandom *random, const GDate *start);

/* The first day of a population's plans, unless a caller says otherwise,
 * and the most profiles one run draws. */
#define LIMBER_POPULATION_START "2026-01-05"
#define LIMBER_POPULATION_MAX 1000000

/* Called for each plan of a population, in the population's order, in the
 * calling thread. */
typedef void (*LimberPopulationFunc) (const LimberPlan *plan, gpointer user_data);

/* Draws n profiles from seed, plans each (profile K with seed + K, from
 * start, or LIMBER_POPULATION_START when NULL) on `threads` threads (0: one
 * per processor), and hands the plans to each() in order: the result does
 * not depend on the number of threads.  Profiles are drawn in the calling
 * thread (the generator is one stream), a block at a time, while the
 * workers plan the block before.  FALSE with a LIMBER_ERROR_OPTIONS for an
 * n or start out of range, or a LIMBER_ERROR_PROFILE naming the profile
 * when a plan cannot be made (a bug in population.c: it draws only valid
 * profiles).  progress, when not NULL, is told after each block and at
 * the end, in the calling thread. */
gboolean limber_population_run (const LimberRuleset *rs, unsigned n, guint64 seed, const char *start, unsigned threads,
                                LimberPopulationFunc each, gpointer user_data, LimberProgressFunc progress,
                                gpointer progress_data, GError **error);
