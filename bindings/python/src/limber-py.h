/**
 * @file limber-py.h
 * @brief Batch generation for the Python binding: many plans in one call, on several threads.
 *
 * Part of the extension module `limber._native`, not of liblimber.  Python
 * calls it once per batch; cffi drops the GIL for the whole call, so every
 * core works on plans while Python waits, and the per-profile cost stays the
 * C cost.  The binding's generator reads this header like the public ones.
 */
#ifndef LIMBER_PY_H
#define LIMBER_PY_H

#include <limber.h>

G_BEGIN_DECLS

/**
 * @brief Generates one plan per profile, on several threads.
 *
 * Each profile is either given loaded (@p profiles) or as a JSON document
 * (@p json), which is then loaded, on the worker threads, against @p ruleset.
 * Every plan uses the same @p options, so a profile's plan does not depend on
 * its place in the batch.
 *
 * @param ruleset the rules.
 * @param profiles @p n loaded profiles, or NULL when @p json gives them.
 * @param json @p n NUL-terminated JSON profiles, or NULL when @p profiles gives them.
 * @param names what error messages call each JSON profile (e.g. "profiles[3]"), or NULL for "<memory>".
 * @param n the number of profiles.
 * @param options the options of every plan, or NULL for the defaults.
 * @param threads the number of worker threads; 0 for one per processor.
 * @param plans return location for @p n plans (free each with limber_plan_free()); NULL where a profile failed.
 * @param errors return location for @p n errors (free each with g_error_free()); NULL where a plan was made.
 * @return the number of profiles that failed.
 */
gsize limber_py_plan_many(const LimberRuleset *ruleset, LimberProfile *const *profiles, const char *const *json,
                          const char *const *names, gsize n, const LimberOptions *options, unsigned threads,
                          LimberPlan **plans, GError **errors);

/**
 * @brief Generates one plan per profile, on several threads, and writes each as JSON.
 *
 * As limber_py_plan_many(), but each plan is written with
 * limber_plan_to_json() (compact) on the thread that made it, then freed: a
 * batch holds only its documents, and no plan object reaches Python.
 *
 * @param ruleset the rules.
 * @param profiles @p n loaded profiles, or NULL when @p json gives them.
 * @param json @p n NUL-terminated JSON profiles, or NULL when @p profiles gives them.
 * @param names what error messages call each JSON profile (e.g. "profiles[3]"), or NULL for "<memory>".
 * @param n the number of profiles.
 * @param options the options of every plan, or NULL for the defaults.
 * @param threads the number of worker threads; 0 for one per processor.
 * @param plans_json return location for @p n JSON documents (free each with g_free()); NULL where a profile failed.
 * @param lengths return location for the @p n documents' lengths in bytes; 0 where a profile failed.
 * @param errors return location for @p n errors (free each with g_error_free()); NULL where a plan was made.
 * @return the number of profiles that failed.
 */
gsize limber_py_plan_many_json (const LimberRuleset *ruleset, LimberProfile *const *profiles,
                                const char *const *json, const char *const *names, gsize n,
                                const LimberOptions *options, unsigned threads, char **plans_json, gsize *lengths,
                                GError **errors);

/**
 * @brief What a batch keeps of a plan when it keeps no plan: one row of
 * limber.plans_frame().
 */
typedef struct {
  gint32 status;          /**< The #LimberPlanStatus; -1 where the profile failed. */
  gint32 outcome;         /**< The #LimberOutcome. */
  guint32 advisories;     /**< limber_plan_get_n_advisories(). */
  guint32 training_days;  /**< Days that are not rest days. */
  guint32 items;          /**< Items over every day. */
  guint32 reserved;       /**< Zero: keeps the row a multiple of 8 bytes. */
  double minutes;         /**< Minutes over every day. */
} LimberPyPlanRow;

/**
 * @brief Generates one plan per profile, on several threads, and keeps a summary row of each.
 *
 * As limber_py_plan_many(), but each plan is summed up in @p rows on the
 * thread that made it, then freed: a million plans cost a million rows.
 *
 * @param ruleset the rules.
 * @param profiles @p n loaded profiles (NULL entries: read from @p json), or NULL when @p json gives them all.
 * @param json @p n NUL-terminated JSON profiles, or NULL when @p profiles gives them all.
 * @param names what error messages call each JSON profile (e.g. "profiles[3]"), or NULL for "<memory>".
 * @param n the number of profiles.
 * @param options the options of every plan, or NULL for the defaults.
 * @param threads the number of worker threads; 0 for one per processor.
 * @param rows return location for @p n rows; status -1 where a profile failed.
 * @param errors return location for @p n errors (free each with g_error_free()); NULL where a plan was made.
 * @return the number of profiles that failed.
 */
gsize limber_py_plan_many_rows (const LimberRuleset *ruleset, LimberProfile *const *profiles,
                                const char *const *json, const char *const *names, gsize n,
                                const LimberOptions *options, unsigned threads, LimberPyPlanRow *rows,
                                GError **errors);

/**
 * @brief Frees @p n profiles in one call (NULL entries are skipped).
 *
 * The profiles the dict reader made for a chunk of plan_many() are freed
 * here rather than one cffi call at a time from a Python loop, which held
 * the GIL for as long as the reader of the next chunk needed it.
 *
 * @param profiles the profiles.
 * @param n the number of entries.
 */
void limber_py_profiles_free (LimberProfile *const *profiles, gsize n);

/**
 * @brief The profile calls the binding's dict reader (the `limber._dicts`
 * module) makes, by address: that module does not link the engine, so a
 * profile it builds is this module's, checked against this module's rule
 * sets.
 */
typedef struct {
  guint32 size;  /**< sizeof (LimberPyProfileApi): a reader built for another layout refuses it. */
  LimberProfile *(*profile_new) (void);                                             /**< limber_profile_new(). */
  void (*profile_free) (LimberProfile *profile);                                     /**< limber_profile_free(). */
  void (*set_name) (LimberProfile *profile, const char *name);                       /**< The setter. */
  void (*set_age) (LimberProfile *profile, unsigned age);                            /**< The setter. */
  gboolean (*set_goal_name) (LimberProfile *profile, const LimberRuleset *ruleset,
                             const char *name);  /**< The goal by the name the rule set declares; FALSE for another. */
  void (*set_minutes_per_day) (LimberProfile *profile, double minutes);              /**< The setter. */
  void (*set_days_per_week) (LimberProfile *profile, unsigned days);                 /**< The setter. */
  void (*set_no_floor) (LimberProfile *profile, gboolean no_floor);                  /**< The setter. */
  void (*set_equipment) (LimberProfile *profile, const char *const *equipment);      /**< The setter. */
  void (*add_avoid_region) (LimberProfile *profile, const char *region);             /**< The setter. */
  /* answers are appended, not looked for first: a dict's keys are unique */
  void (*add_answer_bool) (LimberProfile *profile, const char *question, gboolean yes);       /**< A new answer. */
  void (*add_answer_number) (LimberProfile *profile, const char *question, double value);    /**< A new answer. */
  void (*add_answer_choice) (LimberProfile *profile, const char *question, const char *choice); /**< A new answer. */
  gboolean (*has_measure) (const LimberProfile *profile, const char *measure);  /**< TRUE when the scan has it. */
  void (*set_measure) (LimberProfile *profile, const char *measure, double left, double right); /**< The setter. */
  void (*set_measure_value) (LimberProfile *profile, const char *measure, double value);        /**< The setter. */
  void (*add_session) (LimberProfile *profile, const LimberSession *session);        /**< The setter. */
  void (*add_rescan) (LimberProfile *profile, const char *date, const char *measure, double left,
                      double right);                                                  /**< The setter. */
  gboolean (*seal) (LimberProfile *profile, const LimberRuleset *ruleset);
  /**< limber_profile_validate() without an error: TRUE marks the profile checked, as a loader does. */
} LimberPyProfileApi;

/**
 * @brief The table the dict reader calls.
 * @return a static table.
 */
const LimberPyProfileApi *limber_py_profile_api (void);

G_END_DECLS

#endif
