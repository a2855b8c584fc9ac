/* Shared by every test suite: paths, reading files, running the CLI, and the
 * leak check that makes a leaking test fail under the sanitizer build. */
#pragma once

#include <criterion/criterion.h>
#include <glib.h>
#include <limber.h>

/* Runs LeakSanitizer now (sanitizer builds only) and fails the running test
 * when anything leaked. */
void limber_test_leak_check (void);

/* Declares a test whose body is followed by a leak check.  Criterion runs
 * tests in worker processes whose leak reports at exit it ignores, and it
 * counts a test as passed even when an assertion fails in a suite's .fini; so
 * the check runs in the test proper, after the body has returned and its
 * g_autoptr locals are gone.  Every limber test is declared with this. */
#define LIMBER_TEST(suite, name)                                               \
  static void suite##_##name##_body (void);                                    \
  Test (suite, name)                                                           \
  {                                                                            \
    suite##_##name##_body ();                                                  \
    limber_test_leak_check ();                                                 \
  }                                                                            \
  static void suite##_##name##_body (void)

/* tests/data/NAME, newly allocated */
char *limber_test_data (const char *name);

/* The contents of tests/data/NAME (asserts it exists). */
char *limber_test_read (const char *name, gsize *length);

/* Runs the CLI with argv (NULL-terminated, without the program name) and
 * optional stdin text; returns the exit status and fills out/err. */
int limber_test_run_cli (const char *const *args, const char *input, char **out, char **err);

/* Whether an item's sentence promises it an extra set ("An extra set on
 * your left: ...", "Two extra sets ..."); FALSE for no sentence. */
static inline gboolean
limber_test_says_extra_set (const char *said)
{
  return said != NULL && (g_str_has_prefix (said, "An extra set") || g_str_has_prefix (said, "Two extra sets"));
}

/* A new empty folder under the temporary directory (asserts it is made;
 * free with g_free()), and that folder removed with all it holds (links
 * removed, not followed). */
char *limber_test_scratch_dir (void);
void limber_test_scratch_remove (const char *dir);

/* The built-in rule set (asserts it loads). */
LimberRuleset *limber_test_default_rules (void);

/* The plan of p from start (YYYY-MM-DD) with seed, over days (0: the
 * default week); asserts it is made. */
LimberPlan *limber_test_generate (const LimberRuleset *rs, const LimberProfile *p, const char *start, guint64 seed,
                                  unsigned days);
