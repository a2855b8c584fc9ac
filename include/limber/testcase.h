/**
 * @file limber/testcase.h
 * @brief Rule test cases: a profile and what a rule set must make of it.
 *
 * A test case is one XML file (schema: `rules/limber-testcase.xsd`, guide:
 * `docs/rule-testing.md`) holding a profile and expectations about the plan
 * a rule set makes for it: status and referral, red flags and scores, rules
 * fired and not fired, exercises included, excluded or allowed, an
 * exercise's weight, dose, emphasis and explanation, advisories, and the
 * minutes of each day.  Running a case against a rule set gives a
 * #LimberTestResult that lists every expectation that failed, each with the
 * expected and the actual value and the explanation trace of the item in
 * question (the rule's condition with what held, or the exercise's `why`).
 *
 * #LimberTestFailure objects are borrowed from their result.
 *
 * Thread safety: a loaded test case is read-only and may be run from
 * several threads at once against one rule set; each run's result belongs
 * to the thread that made it.
 */
#ifndef LIMBER_TESTCASE_H
#define LIMBER_TESTCASE_H

#include <glib.h>
#include <limber/plan.h>
#include <limber/ruleset.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief A loaded rule test case (owned; free with limber_testcase_free()). */
typedef struct _LimberTestCase LimberTestCase;
/** @brief The outcome of running a test case (owned; free with limber_test_result_free()). */
typedef struct _LimberTestResult LimberTestResult;
/** @brief One failed expectation of a result (borrowed from its result). */
typedef struct _LimberTestFailure LimberTestFailure;

/**
 * @brief Loads a test case from a file and checks it against the test-case schema.
 *
 * The profile is not read yet: it is read against the rule set the case runs
 * with.  A `<profile file="..."/>` is relative to the case file's directory.
 *
 * @param path the XML file.
 * @param error return location for a #LIMBER_ERROR naming the file, line and column.
 * @return a new test case (free with limber_testcase_free()), or NULL on error.
 */
LimberTestCase *limber_testcase_new_from_file(const char *path, GError **error);

/**
 * @brief Loads a test case from memory.
 * @param data the XML document.
 * @param length its length in bytes, or -1 when @p data is NUL-terminated.
 * @param name what messages call the document (a file name; its directory is where
 *        `<profile file>` is looked up), or NULL for "<memory>".
 * @param error return location for a #LIMBER_ERROR.
 * @return a new test case (free with limber_testcase_free()), or NULL on error.
 */
LimberTestCase *limber_testcase_new_from_data(const char *data, gssize length, const char *name,
                                              GError **error);

/**
 * @brief Frees a test case.
 * @param testcase a test case, or NULL.
 */
void limber_testcase_free(LimberTestCase *testcase);

/**
 * @brief The case's name: the `id` of its `<testcase>`.
 * @param testcase a test case.
 * @return the name (borrowed).
 */
const char *limber_testcase_get_name(const LimberTestCase *testcase);

/**
 * @brief What the case checks, in words.
 * @param testcase a test case.
 * @return the description (borrowed).
 */
const char *limber_testcase_get_description(const LimberTestCase *testcase);

/**
 * @brief The file the case came from, as messages name it.
 * @param testcase a test case.
 * @return the file name (borrowed).
 */
const char *limber_testcase_get_file(const LimberTestCase *testcase);

/**
 * @brief The number of expectations the case states.
 * @param testcase a test case.
 * @return the count (at least 1).
 */
unsigned limber_testcase_get_n_expectations(const LimberTestCase *testcase);

/**
 * @brief Reads the case's profile against a rule set.
 * @param testcase a test case.
 * @param ruleset the rule set whose questions and measures the profile answers.
 * @param error return location for a #LIMBER_ERROR naming the case file (or the profile file), line and field.
 * @return a new profile (free with limber_profile_free()), or NULL on error.
 */
LimberProfile *limber_testcase_load_profile(const LimberTestCase *testcase, const LimberRuleset *ruleset,
                                            GError **error);

/**
 * @brief The generation options the case asks for (start, seed, days).
 *
 * Without `<options start>` the start is 2026-01-05, so that a case gives the
 * same plan whatever day it runs on.
 *
 * @param testcase a test case.
 * @return new options (free with limber_options_free()).
 */
LimberOptions *limber_testcase_new_options(const LimberTestCase *testcase);

/**
 * @brief Runs a test case against a rule set.
 *
 * Fails (returns NULL) only when the case cannot be judged with this rule
 * set: its profile cannot be read or is not valid for the rule set, or an
 * expectation names an exercise, rule, red flag, score, category, tag or
 * region the rule set does not have.  Expectations that do not hold are not
 * errors: they are the result's failures.
 *
 * @param testcase a test case.
 * @param ruleset the rules under test.
 * @param error return location for a #LIMBER_ERROR naming the case file, line and element.
 * @return a new result (free with limber_test_result_free()), or NULL on error.
 */
LimberTestResult *limber_testcase_run(const LimberTestCase *testcase, const LimberRuleset *ruleset,
                                      GError **error);

/**
 * @brief A result for a case that could not be loaded or run, so that reports list it.
 *
 * The result did not pass, is marked as errored and holds one failure
 * carrying the error's message.
 *
 * @param testcase the case, or NULL when it could not be loaded.
 * @param file the case's file, used when @p testcase is NULL (its base name, without `.xml`, becomes the name).
 * @param error the error that stopped the case.
 * @return a new result (free with limber_test_result_free()).
 */
LimberTestResult *limber_test_result_new_error(const LimberTestCase *testcase, const char *file,
                                               const GError *error);

/**
 * @brief Frees a result and its failures.
 * @param result a result, or NULL.
 */
void limber_test_result_free(LimberTestResult *result);

/**
 * @brief The name of the case the result is for.
 * @param result a result.
 * @return the name (borrowed).
 */
const char *limber_test_result_get_name(const LimberTestResult *result);

/**
 * @brief The file of the case the result is for.
 * @param result a result.
 * @return the file name (borrowed).
 */
const char *limber_test_result_get_file(const LimberTestResult *result);

/**
 * @brief Whether every expectation held.
 * @param result a result.
 * @return TRUE when the case passed.
 */
gboolean limber_test_result_get_passed(const LimberTestResult *result);

/**
 * @brief Whether the case could not be loaded or run at all (see limber_test_result_new_error()).
 * @param result a result.
 * @return TRUE for an errored case.
 */
gboolean limber_test_result_get_errored(const LimberTestResult *result);

/**
 * @brief The number of expectations checked.
 * @param result a result.
 * @return the count (0 for an errored case).
 */
unsigned limber_test_result_get_n_checks(const LimberTestResult *result);

/**
 * @brief The number of expectations that failed.
 * @param result a result.
 * @return the count (1 for an errored case).
 */
unsigned limber_test_result_get_n_failures(const LimberTestResult *result);

/**
 * @brief A failed expectation, in the order of the case file.
 * @param result a result.
 * @param index from 0 to limber_test_result_get_n_failures() - 1.
 * @return the failure (borrowed), or NULL when @p index is out of range.
 */
const LimberTestFailure *limber_test_result_get_failure(const LimberTestResult *result, unsigned index);

/**
 * @brief Every failure's message, one line each.
 * @param result a result.
 * @return a new string, empty when the case passed (free with g_free()).
 */
char *limber_test_result_get_message(const LimberTestResult *result);

/**
 * @brief The plan the case was judged on.
 * @param result a result.
 * @return the plan (borrowed), or NULL for an errored case.
 */
const LimberPlan *limber_test_result_get_plan(const LimberTestResult *result);

/**
 * @brief The line of the expectation in the case file.
 * @param failure a failure.
 * @return the line, from 1; 0 when there is none (an errored case).
 */
int limber_test_failure_get_line(const LimberTestFailure *failure);

/**
 * @brief The expectation as written, e.g. `<excluded exercise="windshield-wipers">`.
 * @param failure a failure.
 * @return the element (borrowed).
 */
const char *limber_test_failure_get_check(const LimberTestFailure *failure);

/**
 * @brief The failure in one line: `FILE:LINE: <element>: what happened; expected what`.
 * @param failure a failure.
 * @return the message (borrowed).
 */
const char *limber_test_failure_get_message(const LimberTestFailure *failure);

/**
 * @brief What the expectation asked for, in words.
 * @param failure a failure.
 * @return the expected value (borrowed).
 */
const char *limber_test_failure_get_expected(const LimberTestFailure *failure);

/**
 * @brief What the plan had instead, in words.
 * @param failure a failure.
 * @return the actual value (borrowed).
 */
const char *limber_test_failure_get_actual(const LimberTestFailure *failure);

/**
 * @brief The number of lines of the explanation trace.
 * @param failure a failure.
 * @return the count (0 when there is nothing to explain).
 */
unsigned limber_test_failure_get_n_trace(const LimberTestFailure *failure);

/**
 * @brief A line of the explanation trace: for an exercise its `why` entries
 *        ("rule: effect"), for a rule its condition and what held.
 * @param failure a failure.
 * @param index from 0 to limber_test_failure_get_n_trace() - 1.
 * @return the line (borrowed), or NULL when @p index is out of range.
 */
const char *limber_test_failure_get_trace(const LimberTestFailure *failure, unsigned index);

/**
 * @brief Results as TAP version 13, with a YAML block of expected, actual and trace under each failure.
 * @param results the results, in the order to number them.
 * @param n_results the number of results.
 * @return a new NUL-terminated text (free with g_free()).
 */
char *limber_test_results_to_tap(const LimberTestResult *const *results, unsigned n_results);

/**
 * @brief Results as JUnit XML, for CI servers.
 * @param results the results.
 * @param n_results the number of results.
 * @param suite the name of the test suite (e.g. the rule set's id), or NULL for "limber rules".
 * @return a new NUL-terminated XML document (free with g_free()).
 */
char *limber_test_results_to_junit(const LimberTestResult *const *results, unsigned n_results, const char *suite);

#pragma GCC visibility pop
G_END_DECLS

#endif
