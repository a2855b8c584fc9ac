/* Shared by every test suite: paths, reading files, running the CLI, and the
 * leak check that makes a leaking test fail under the sanitizer build. */
#pragma once

#include <criterion/criterion.h>
#include <glib.h>

/* Runs LeakSanitizer at the end of every test of a suite declared with
 * TestSuite (name, .fini = limber_test_leak_check): Criterion runs tests in
 * worker processes whose exit status it ignores, so a leak found at exit
 * would otherwise pass unnoticed. */
void limber_test_leak_check (void);

/* tests/data/NAME, newly allocated */
char *limber_test_data (const char *name);

/* The contents of tests/data/NAME (asserts it exists). */
char *limber_test_read (const char *name, gsize *length);

/* Runs the CLI with argv (NULL-terminated, without the program name) and
 * optional stdin text; returns the exit status and fills out/err. */
int limber_test_run_cli (const char *const *args, const char *input, char **out, char **err);
