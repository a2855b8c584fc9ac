/**
 * @file limber/coverage.h
 * @brief Rule coverage: what a rule set did over many plans, and what it never did.
 *
 * A #LimberCoverage counts, over the plans added to it (the plans of test
 * cases, or of a generated population of varied profiles), how often each
 * rule fired, how often each exercise was put in a plan, how often each red
 * flag was triggered and each score category reached.  What never happened
 * is what no test exercises: a rule that never fired is a rule nobody has
 * checked.
 *
 * Thread safety: coverage belongs to one thread at a time;
 * limber_coverage_add_population() runs its own worker threads
 * (limber_coverage_set_threads()) and calls the progress function in the
 * calling thread. Several coverages of one rule set may run in parallel
 * threads.
 */
#ifndef LIMBER_COVERAGE_H
#define LIMBER_COVERAGE_H

#include <glib.h>
#include <limber/plan.h>
#include <limber/progress.h>
#include <limber/ruleset.h>
#include <limber/testcase.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief Coverage counts over the plans of one rule set (owned; free with limber_coverage_free()). */
typedef struct _LimberCoverage LimberCoverage;

/** @brief What coverage counts. */
typedef enum {
  LIMBER_COVERAGE_RULES,             /**< Rules fired. */
  LIMBER_COVERAGE_EXERCISES,         /**< Exercises put in a plan. */
  LIMBER_COVERAGE_RED_FLAGS,         /**< Red flags triggered. */
  LIMBER_COVERAGE_SCORE_CATEGORIES,  /**< Score categories reached, named "score/category". */
} LimberCoverageKind;

/**
 * @brief New, empty coverage for a rule set.
 * @param ruleset the rule set whose plans will be added (a reference is kept).
 * @return new coverage (free with limber_coverage_free()).
 */
LimberCoverage *limber_coverage_new(LimberRuleset *ruleset);

/**
 * @brief Frees coverage.
 * @param coverage coverage, or NULL.
 */
void limber_coverage_free(LimberCoverage *coverage);

/**
 * @brief Counts one plan.
 * @param coverage coverage.
 * @param plan a plan made from the coverage's rule set.
 * @return TRUE, or FALSE when the plan was made from another rule set (it is then not counted).
 */
gboolean limber_coverage_add_plan(LimberCoverage *coverage, const LimberPlan *plan);

/**
 * @brief Runs a test case and counts its plan (whether or not its expectations hold).
 * @param coverage coverage.
 * @param testcase a test case.
 * @param error return location for a #LIMBER_ERROR when the case cannot be run with the rule set.
 * @return TRUE on success.
 */
gboolean limber_coverage_add_testcase(LimberCoverage *coverage, const LimberTestCase *testcase, GError **error);

/**
 * @brief Generates a population of varied profiles and counts their plans.
 *
 * The profiles vary goal, age, minutes, days, constraints, screening answers
 * (red-flag answers rare, so most plans are programmes), scans with deficits
 * and asymmetries, logged sessions and re-scans.  The same @p seed always
 * gives the same population, each plan starting on 2026-01-05.
 *
 * @param coverage coverage.
 * @param n the number of profiles (1 to 1000000).
 * @param seed the seed of the population.
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when @p n is out of range.
 * @return TRUE on success.
 */
gboolean limber_coverage_add_population(LimberCoverage *coverage, unsigned n, guint64 seed, GError **error);

/**
 * @brief Sets how many threads limber_coverage_add_population() plans on.
 *
 * The counts do not depend on it: profiles are drawn in one seeded stream
 * and their plans counted in the population's order.
 * @param coverage coverage.
 * @param threads worker threads, the calling one included; 0 for one per processor.  The default is 1.
 */
void limber_coverage_set_threads(LimberCoverage *coverage, unsigned threads);

/**
 * @brief Sets what limber_coverage_add_population() tells of its progress.
 *
 * @param coverage a coverage.
 * @param func called after each block of plans and at the end (see #LimberProgressFunc), or NULL for none.
 * @param user_data passed to @p func.
 */
void limber_coverage_set_progress(LimberCoverage *coverage, LimberProgressFunc func, gpointer user_data);

/**
 * @brief The number of plans counted.
 * @param coverage coverage.
 * @return the count.
 */
unsigned limber_coverage_get_n_plans(const LimberCoverage *coverage);

/**
 * @brief The number of things of a kind the rule set has (rules, exercises...).
 * @param coverage coverage.
 * @param kind what to count.
 * @return the count.
 */
unsigned limber_coverage_get_n_items(const LimberCoverage *coverage, LimberCoverageKind kind);

/**
 * @brief A thing of a kind, in rule-set order.
 * @param coverage coverage.
 * @param kind what to count.
 * @param index from 0 to limber_coverage_get_n_items() - 1.
 * @param count return location for how many plans it occurred in, or NULL.
 * @return its id (borrowed; score categories as "score/category"), or NULL when @p index is out of range.
 */
const char *limber_coverage_get_item(const LimberCoverage *coverage, LimberCoverageKind kind, unsigned index,
                                     unsigned *count);

/**
 * @brief The share of things of a kind that occurred at least once.
 * @param coverage coverage.
 * @param kind what to count.
 * @return a percentage from 0 to 100 (100 when the rule set has none).
 */
double limber_coverage_get_percent(const LimberCoverage *coverage, LimberCoverageKind kind);

/**
 * @brief The coverage as text, for people: percentages, counts and what never occurred.
 * @param coverage coverage.
 * @return a new NUL-terminated text (free with g_free()).
 */
char *limber_coverage_to_text(const LimberCoverage *coverage);

/**
 * @brief The coverage as JSON, for tools (see docs/rule-testing.md).
 * @param coverage coverage.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated JSON document (free with g_free()).
 */
char *limber_coverage_to_json(const LimberCoverage *coverage, gboolean pretty);

#pragma GCC visibility pop
G_END_DECLS

#endif
