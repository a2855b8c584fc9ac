/**
 * @file limber/audit.h
 * @brief Session quality: whether a rule set's plans are sessions a physiotherapist would hand out.
 *
 * A #LimberAudit measures, over the plans added to it (of given profiles, or
 * of a generated population of varied profiles), what a person following
 * them would notice: how much of the minutes they asked for each session
 * fills, how often a session makes them get up or down (between standing,
 * a chair and the floor), whether an exercise and its own seated variant
 * share a session, how much of the week is a learnable routine, whether
 * every deficit the rules acted on is worked on every training day, and
 * whether each item says why in plain words.  Referrals hold no sessions:
 * they are counted, and left out of every other figure.
 *
 * Thresholds (limber_audit_add_threshold()) let a test hold a rule set to
 * figures: limber_audit_check() names each one that fails.
 *
 * Thread safety: an audit belongs to one thread at a time;
 * limber_audit_add_population() runs its own worker threads
 * (limber_audit_set_threads()) and calls the progress function in the
 * calling thread. Several audits of one rule set may run in parallel
 * threads.
 */
#ifndef LIMBER_AUDIT_H
#define LIMBER_AUDIT_H

#include <glib.h>
#include <limber/plan.h>
#include <limber/profile.h>
#include <limber/progress.h>
#include <limber/ruleset.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief Session-quality figures over the plans of one rule set (owned; free with limber_audit_free()). */
typedef struct _LimberAudit LimberAudit;

/**
 * @brief What an audit measures.
 *
 * A session is a training (not rest) day of a plan that is not a referral.
 * Its fill is its items' seconds over the minutes the plan gives a session:
 * the person's minutes a day, or fewer when a rule limits sessions.  Its
 * position changes count consecutive items whose level differs, the levels
 * being standing, a chair (seated) and the floor (every other posture).
 * Shares are fractions from 0 to 1.  A figure over sessions or plans is NaN
 * when there were none.
 */
typedef enum {
  LIMBER_AUDIT_PROFILES,              /**< Plans added, referrals included. */
  LIMBER_AUDIT_REFERRALS,             /**< Referrals among them. */
  LIMBER_AUDIT_PLANS,                 /**< Plans that are programmes (not referrals). */
  LIMBER_AUDIT_SESSIONS,              /**< Training days of those plans. */
  LIMBER_AUDIT_EMPTY_SESSIONS,        /**< Training days with no item (each is also a fill of 0). */
  LIMBER_AUDIT_ITEMS,                 /**< Items in all sessions. */
  LIMBER_AUDIT_FILL_MEDIAN,           /**< Median fill of a session. */
  LIMBER_AUDIT_FILL_UNDER_85,         /**< Share of sessions that fill less than 85% of the minutes. */
  LIMBER_AUDIT_FILL_OUTSIDE_90_110,   /**< Share of sessions that fill less than 90% or more than 110%. */
  LIMBER_AUDIT_FILL_MIN,              /**< The least fill of a session. */
  LIMBER_AUDIT_FILL_MAX,              /**< The greatest fill of a session. */
  LIMBER_AUDIT_CHANGES_MEDIAN,        /**< Median position changes in a session. */
  LIMBER_AUDIT_CHANGES_MAX,           /**< The most position changes in a session. */
  LIMBER_AUDIT_VARIANT_PAIRS_MEAN,    /**< Mean pairs of an exercise and its own seated variant in a session. */
  LIMBER_AUDIT_VARIANT_PAIRS_MAX,     /**< The most such pairs in a session. */
  LIMBER_AUDIT_SAME_TARGET_PAIRS_MEAN,/**< Mean pairs of exercises with the same primary targets in a session. */
  LIMBER_AUDIT_SAME_TARGET_PAIRS_MAX, /**< The most such pairs in a session. */
  LIMBER_AUDIT_CORE_MEDIAN,           /**< Median, over plans, of the exercises done on every training day. */
  LIMBER_AUDIT_CORE_MIN,              /**< The fewest exercises done on every training day of a plan. */
  LIMBER_AUDIT_CORE_MAX,              /**< The most exercises done on every training day of a plan. */
  LIMBER_AUDIT_DISTINCT_MEDIAN,       /**< Median, over plans, of the distinct exercises of the week. */
  LIMBER_AUDIT_DISTINCT_MIN,          /**< The fewest distinct exercises of a plan's week. */
  LIMBER_AUDIT_DISTINCT_MAX,          /**< The most distinct exercises of a plan's week. */
  LIMBER_AUDIT_COVERAGE,              /**< Share of (focus measure, training day) pairs, where the rule set has an
                                           exercise for the measure the person may do, on which some item has the
                                           measure as a primary target (1 when there are none). */
  LIMBER_AUDIT_GAPS,                  /**< Focus measures for which the constraints left no exercise. */
  LIMBER_AUDIT_REASONS,               /**< Share of items with a plain-language reason: an explanation that is
                                           neither empty nor made of rule ids (1 when there are no items). */
} LimberAuditFigure;

/** @brief Which side of a threshold a figure must stay on. */
typedef enum {
  LIMBER_AUDIT_AT_LEAST,  /**< The figure must be at least the limit. */
  LIMBER_AUDIT_AT_MOST,   /**< The figure must be at most the limit. */
} LimberAuditBound;

/**
 * @brief New, empty audit for a rule set.
 * @param ruleset the rule set whose plans will be added (a reference is kept).
 * @return a new audit (free with limber_audit_free()).
 */
LimberAudit *limber_audit_new(LimberRuleset *ruleset);

/**
 * @brief Frees an audit.
 * @param audit an audit, or NULL.
 */
void limber_audit_free(LimberAudit *audit);

/**
 * @brief Measures one plan.
 * @param audit an audit.
 * @param plan a plan made from the audit's rule set.
 * @return TRUE, or FALSE when the plan was made from another rule set (it is then not measured).
 */
gboolean limber_audit_add_plan(LimberAudit *audit, const LimberPlan *plan);

/**
 * @brief Generates the plan of a profile and measures it.
 * @param audit an audit.
 * @param profile the person.
 * @param options the options, or NULL for the defaults.
 * @param error return location for a #LIMBER_ERROR when the profile or options are refused.
 * @return TRUE on success.
 */
gboolean limber_audit_add_profile(LimberAudit *audit, const LimberProfile *profile, const LimberOptions *options,
                                  GError **error);

/**
 * @brief Generates a population of varied profiles and measures their plans.
 *
 * The population of limber_coverage_add_population(): the same @p seed and
 * @p start always give the same profiles; profile @c i is planned with seed
 * @p seed + @c i.
 *
 * @param audit an audit.
 * @param n the number of profiles (1 to 1000000).
 * @param seed the seed of the population.
 * @param start the plans' first day as YYYY-MM-DD, or NULL for 2026-01-05.
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when @p n or @p start is refused.
 * @return TRUE on success.
 */
gboolean limber_audit_add_population(LimberAudit *audit, unsigned n, guint64 seed, const char *start,
                                     GError **error);

/**
 * @brief Sets how many threads limber_audit_add_population() plans on.
 *
 * The figures do not depend on it, nor do the profiles the reports name:
 * profiles are drawn in one seeded stream and their plans measured in the
 * population's order.
 * @param audit an audit.
 * @param threads worker threads, the calling one included; 0 for one per processor.  The default is 1.
 */
void limber_audit_set_threads(LimberAudit *audit, unsigned threads);

/**
 * @brief Sets what limber_audit_add_population() tells of its progress.
 *
 * @param audit an audit.
 * @param func called after each block of plans and at the end (see #LimberProgressFunc), or NULL for none.
 * @param user_data passed to @p func.
 */
void limber_audit_set_progress(LimberAudit *audit, LimberProgressFunc func, gpointer user_data);

/**
 * @brief One profile of the population limber_audit_add_population() draws, to look at a session the audit points at.
 *
 * The reports name where an extreme was seen as "profile K": with a
 * population, K is @p index + 1, and the profile's plan is made with seed
 * @p seed + @p index from @p start.
 * @param ruleset the rule set the population is drawn for.
 * @param seed the seed of the population.
 * @param start the plans' first day as YYYY-MM-DD, or NULL for 2026-01-05 (the re-scans and logs lead up to it).
 * @param index the profile's place in the population, from 0 (below 1000000).
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when @p index or @p start is refused.
 * @return a new profile (free with limber_profile_free()), or NULL on error.
 */
LimberProfile *limber_audit_population_profile(const LimberRuleset *ruleset, guint64 seed, const char *start,
                                               unsigned index, GError **error);

/**
 * @brief A figure over the plans measured so far.
 * @param audit an audit.
 * @param figure what to read.
 * @return its value (a count, a ratio or a share from 0 to 1), NaN when nothing was measured for it.
 */
double limber_audit_get_figure(const LimberAudit *audit, LimberAuditFigure figure);

/**
 * @brief Holds the audit to a threshold, checked by limber_audit_check().
 *
 * Thresholds are kept in the order they are added, and reported in it.
 * @param audit an audit.
 * @param figure the figure to hold.
 * @param bound whether it must be at least or at most @p limit.
 * @param limit the limit (a finite number).
 * @param label how messages name the threshold (e.g. the option that set it), or NULL for the figure's name.
 * @return TRUE, or FALSE when @p figure, @p bound or @p limit is out of range (nothing is added).
 */
gboolean limber_audit_add_threshold(LimberAudit *audit, LimberAuditFigure figure, LimberAuditBound bound,
                                    double limit, const char *label);

/**
 * @brief Checks every threshold against the figures.
 *
 * A figure that is NaN (nothing measured) fails its threshold.
 * @param audit an audit.
 * @return NULL when every threshold holds; otherwise a new text with one line per failed threshold, naming it, the
 *         figure and the limit (free with g_free()).
 */
char *limber_audit_check(const LimberAudit *audit);

/**
 * @brief The figures as text, for people, with the thresholds and whether each held.
 * @param audit an audit.
 * @return a new NUL-terminated text (free with g_free()).
 */
char *limber_audit_to_text(const LimberAudit *audit);

/**
 * @brief The figures as JSON, for tools (see docs/audit.md); NaN figures are null.
 * @param audit an audit.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated JSON document (free with g_free()).
 */
char *limber_audit_to_json(const LimberAudit *audit, gboolean pretty);

#pragma GCC visibility pop
G_END_DECLS

#endif
