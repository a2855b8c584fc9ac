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

G_END_DECLS

#endif
