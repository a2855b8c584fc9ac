/* Specification of the input limits and the reliability findings of issue 16:
 * sizes refused while reading (devices, pipes, files, memory), counts
 * refused with the field that holds them, dates that cannot be written,
 * test cases kept inside their folder, empty test cases, and line numbers
 * for CR, LF and CRLF alike. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <limber.h>

#include "support.h"

TestSuite (limits);

#define STIFF_BACK LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json"

static void
assert_has (const char *text, const char *part)
{
  cr_assert_not_null (strstr (text, part), "expected \"%s\" in: %s", part, text);
}

/* A shell command line, its stderr and exit status (for pipes). */
static int
run_shell (const char *command, char **err)
{
  const char *sh[] = { "/bin/sh", "-c", command, NULL };
  int status = -1;
  cr_assert (g_spawn_sync (NULL, (char **) sh, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* A fresh folder under the temporary directory (removed by the caller). */
/* ---- sizes ------------------------------------------------------------------------ */

LIMBER_TEST (limits, profile_from_a_device_stops_at_the_limit)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_file (rs, "/dev/zero", &error);
  cr_assert_null (p);
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_IO));
  assert_has (error->message, "/dev/zero: more than 1048576 bytes: too large");
  assert_has (error->message, "expected a JSON or XML profile of at most 1048576 bytes (1 MiB)");
}

LIMBER_TEST (limits, profile_file_over_the_limit_is_refused_by_its_size)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_file_bounded (rs, STIFF_BACK, 100, &error);
  cr_assert_null (p);
  assert_has (error->message, "stiff-back.json: ");
  assert_has (error->message, "bytes: too large, refused before reading further; expected a JSON or XML profile "
                              "of at most 100 bytes");
  /* the same file within a larger limit loads */
  g_clear_error (&error);
  g_autoptr (LimberProfile) ok = limber_profile_new_from_file_bounded (rs, STIFF_BACK, 1 << 20, &error);
  cr_assert_not_null (ok, "%s", error ? error->message : "");
}

LIMBER_TEST (limits, profile_that_is_a_directory_is_refused)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_file (rs, LIMBER_SOURCE_DIR, &error);
  cr_assert_null (p);
  assert_has (error->message, "cannot read: it is a directory; expected a JSON or XML profile");
}

LIMBER_TEST (limits, cli_profile_from_an_endless_pipe_is_refused)
{
  g_autofree char *err = NULL;
  g_autofree char *cmd = g_strdup_printf ("head -c 3000000 /dev/zero | '%s' plan --profile -", LIMBER_CLI);
  cr_assert_eq (run_shell (cmd, &err), 1, "%s", err);
  assert_has (err, "<stdin>: more than 1048576 bytes: too large");
  assert_has (err, "limber --max-profile-bytes");
}

LIMBER_TEST (limits, cli_max_profile_bytes_sets_the_limit)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *small[] = { "plan", "--profile", STIFF_BACK, "--max-profile-bytes", "200", NULL };
  cr_assert_eq (limber_test_run_cli (small, NULL, &out, &err), 1);
  assert_has (err, "expected a JSON or XML profile of at most 200 bytes");
  g_free (out), g_free (err);
  const char *zero[] = { "plan", "--profile", STIFF_BACK, "--max-profile-bytes", "0", NULL };
  cr_assert_eq (limber_test_run_cli (zero, NULL, &out, &err), 2);
  assert_has (err, "--max-profile-bytes 0");
  g_free (out), g_free (err);
  const char *enough[] = { "plan", "--profile", STIFF_BACK, "--max-profile-bytes", "100000", "--start", "2026-01-05",
                           NULL };
  cr_assert_eq (limber_test_run_cli (enough, NULL, &out, &err), 0, "%s", err);
}

LIMBER_TEST (limits, ruleset_and_testcase_from_a_device_stop_at_their_limits)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file ("/dev/zero", &error);
  cr_assert_null (rs);
  assert_has (error->message, "/dev/zero: more than 16777216 bytes: too large");
  assert_has (error->message, "expected a readable limber rule set of at most 16777216 bytes (16 MiB)");
  g_clear_error (&error);
  g_autoptr (LimberTestCase) tc = limber_testcase_new_from_file ("/dev/zero", &error);
  cr_assert_null (tc);
  assert_has (error->message, "/dev/zero: more than 2097152 bytes: too large");
}

LIMBER_TEST (limits, ruleset_in_memory_over_the_limit_is_refused)
{
  gsize size = ((gsize) 16 << 20) + 1;
  g_autofree char *data = g_malloc (size);
  memset (data, ' ', size);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (data, (gssize) size, "huge.xml", &error);
  cr_assert_null (rs);
  assert_has (error->message, "huge.xml: 16777217 bytes: too large");
}

/* ---- counts ---------------------------------------------------------------------- */

LIMBER_TEST (limits, too_many_sessions_name_the_field)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GString) json = g_string_new ("{\"goal\": \"recovery\",\n \"history\": [\n");
  for (int i = 0; i < 10001; i++)
    g_string_append_printf (json, "%s{\"date\": \"2026-01-01\", \"exercise\": \"bridge\", \"completed\": true}\n",
                            i ? "," : "");
  g_string_append (json, "]}");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, json->str, -1, "many.json", &error);
  cr_assert_null (p);
  /* placed at the first session past the limit, on line 10,003 */
  cr_assert_str_eq (error->message,
                    "many.json:10003:2: history[10000]: 10001 sessions in all: too many; expected at most 10000 "
                    "(see docs/profile-format.md, Limits)");
  g_clear_error (&error);
  /* the same in XML */
  g_autoptr (GString) xml = g_string_new ("<profile>\n");
  for (int i = 0; i < 10001; i++)
    g_string_append (xml, "<session date=\"2026-01-01\" exercise=\"bridge\" completed=\"true\"/>\n");
  g_string_append (xml, "</profile>\n");
  g_autoptr (LimberProfile) px = limber_profile_new_from_xml (rs, xml->str, -1, "many.xml", &error);
  cr_assert_null (px);
  cr_assert_str_eq (error->message,
                    "many.xml:10002:1: history[10000]: 10001 sessions in all: too many; expected at most 10000 "
                    "(see docs/profile-format.md, Limits)");
}

/* minimal.xml with the lines from `from` up to `to` repeated n times more:
 * loading it must fail with `expected`. */
static void
expect_too_many (const char *from_text, const char *to_text, int n, const char *expected)
{
  g_autofree char *minimal = limber_test_read ("minimal.xml", NULL);
  const char *from = strstr (minimal, from_text);
  const char *to = strstr (minimal, to_text);
  cr_assert (from && to && from < to);
  g_autoptr (GString) xml = g_string_new_len (minimal, to - minimal);
  for (int i = 0; i < n; i++)
    g_string_append_len (xml, from, to - from);
  g_string_append (xml, to);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (xml->str, -1, "many.xml", &error);
  cr_assert_null (rs);
  cr_assert_str_eq (error->message, expected);
}

LIMBER_TEST (limits, too_many_exercises_name_the_section_and_line)
{
  /* the 1,001st exercise: 1,000 copies of 10 lines after line 59 */
  expect_too_many ("    <exercise id=\"pelvic-tilts\"", "    <exercise id=\"windshield-wipers\"", 1000,
                   "many.xml:10059:5: <exercises>: more than 1000 <exercise> elements; expected at most 1000 (see "
                   "docs/rules-format.md, Limits)");
}

LIMBER_TEST (limits, too_many_rules_name_the_section_and_line)
{
  /* the 2,001st rule: 2,000 copies of 8 lines after line 80 */
  expect_too_many ("    <rule id=\"tight-hip\"", "  </rules>", 2000,
                   "many.xml:16080:5: <rules>: more than 2000 <rule> elements; expected at most 2000 (see "
                   "docs/rules-format.md, Limits)");
}

/* ---- dates ----------------------------------------------------------------------- */

LIMBER_TEST (limits, plans_never_run_past_9999)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *past[] = { "plan", "--profile", STIFF_BACK, "--start", "9999-12-31", "--days", "3", NULL };
  cr_assert_eq (limber_test_run_cli (past, NULL, &out, &err), 1);
  cr_assert_str_eq (out, "");
  assert_has (err, "start: 9999-12-31: a plan of 3 days from it would run past 9999-12-31; expected a start at "
                   "most 3 days before 10000-01-01");
  g_free (out), g_free (err);
  const char *last[] = { "plan", "--profile", STIFF_BACK, "--start", "9999-12-29", "--days", "3", "--format",
                         "json", NULL };
  cr_assert_eq (limber_test_run_cli (last, NULL, &out, &err), 0, "%s", err);
  assert_has (out, "\"9999-12-31\"");
  cr_assert_null (strstr (out, "10000-"));
}

LIMBER_TEST (limits, simulations_never_run_past_9999)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *past[] = { "simulate", "--profile", STIFF_BACK, "--start", "9999-12-01", "--weeks", "8", NULL };
  cr_assert_eq (limber_test_run_cli (past, NULL, &out, &err), 1);
  assert_has (err, "a simulation of 8 weeks from it would run past 9999-12-31");
  g_free (out), g_free (err);
  /* the last start that fits: the simulation reads back the history it logged */
  const char *last[] = { "simulate", "--profile", STIFF_BACK, "--start", "9999-11-06", "--weeks", "8", NULL };
  cr_assert_eq (limber_test_run_cli (last, NULL, &out, &err), 0, "%s", err);
  cr_assert_null (strstr (out, "10000-"));
}

/* ---- test cases ------------------------------------------------------------------ */

static LimberTestResult *
run_case_in (const char *dir, const char *profile_element, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "case.xml", NULL);
  g_autofree char *xml = g_strdup_printf ("<testcase id=\"c\"><description>d</description>%s"
                                          "<expect><status is=\"ok\"/></expect></testcase>",
                                          profile_element);
  cr_assert (g_file_set_contents (path, xml, -1, NULL));
  LimberTestCase *tc = limber_testcase_new_from_file (path, error);
  if (tc == NULL)
    return NULL;
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  LimberTestResult *result = limber_testcase_run (tc, rs, error);
  limber_testcase_free (tc);
  return result;
}

LIMBER_TEST (limits, testcase_profile_files_stay_in_the_case_folder)
{
  g_autofree char *dir = limber_test_scratch_dir ();
  g_autoptr (GError) error = NULL;
  /* absolute: refused when the case loads, and nothing of the file is quoted */
  g_autoptr (LimberTestResult) r1 = run_case_in (dir, "<profile file=\"/etc/passwd\"/>", &error);
  cr_assert_null (r1);
  assert_has (error->message, "case.xml:1:46: <profile> file=\"/etc/passwd\" is an absolute path; expected a path "
                              "relative to the case file's folder");
  cr_assert_null (strstr (error->message, "root"));
  g_clear_error (&error);
  /* up and out */
  g_autoptr (LimberTestResult) r2 = run_case_in (dir, "<profile file=\"sub/../../x.json\"/>", &error);
  cr_assert_null (r2);
  assert_has (error->message, "leaves the case file's folder");
  g_clear_error (&error);
  /* a link inside the folder that leads out of it */
  g_autofree char *link = g_build_filename (dir, "zero.json", NULL);
  g_autoptr (GFile) link_file = g_file_new_for_path (link);
  cr_assert (g_file_make_symbolic_link (link_file, "/dev/zero", NULL, NULL));
  g_autoptr (LimberTestResult) r3 = run_case_in (dir, "<profile file=\"zero.json\"/>", &error);
  const char *message = r3 ? limber_test_result_get_failure (r3, 0) ? limber_test_failure_get_message (
                                   limber_test_result_get_failure (r3, 0))
                                                                     : ""
                           : error->message;
  cr_assert (r3 == NULL || limber_test_result_get_errored (r3));
  assert_has (message, "is a link that leads out of the case file's folder");
  g_clear_error (&error);
  /* below the folder: read */
  g_autofree char *sub = g_build_filename (dir, "people", NULL);
  cr_assert_eq (g_mkdir (sub, 0700), 0);
  g_autofree char *copy = g_build_filename (sub, "sam.json", NULL);
  g_autofree char *json = NULL;
  cr_assert (g_file_get_contents (STIFF_BACK, &json, NULL, NULL));
  cr_assert (g_file_set_contents (copy, json, -1, NULL));
  g_autoptr (LimberTestResult) r4 = run_case_in (dir, "<profile file=\"people/sam.json\"/>", &error);
  cr_assert_not_null (r4, "%s", error ? error->message : "");
  cr_assert (limber_test_result_get_passed (r4));
  limber_test_scratch_remove (dir);
}

LIMBER_TEST (limits, empty_testcase_files_are_refused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberTestCase) empty = limber_testcase_new_from_data ("", 0, "empty.xml", &error);
  cr_assert_null (empty);
  cr_assert_str_eq (error->message, "empty.xml: empty file; expected a limber rule test case, a <testcase> element "
                                    "(see rules/limber-testcase.xsd)");
  g_clear_error (&error);
  g_autoptr (LimberTestCase) blank = limber_testcase_new_from_data (" \r\n\t\n", -1, "blank.xml", &error);
  cr_assert_null (blank);
  assert_has (error->message, "blank.xml: nothing but white space; expected a limber rule test case");
}

/* ---- plans with nothing in them -------------------------------------------------- */

LIMBER_TEST (limits, a_vanishing_number_of_minutes_is_refused_not_planned_empty)
{
  /* the finding: minutes_per_day 1e-300 gave an "ok" plan of empty days */
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p
      = limber_profile_new_from_json (rs, "{\"goal\": \"recovery\", \"minutes_per_day\": 1e-300}", -1, "tiny.json", &error);
  cr_assert_null (p);
  cr_assert_str_eq (error->message, "tiny.json:1:41: minutes_per_day: 1e-300 is out of range; expected a number of "
                                    "minutes from 5 to 180");
  /* and through the API: validation refuses it before generating */
  g_autoptr (LimberProfile) api = limber_profile_new ();
  limber_profile_set_minutes_per_day (api, 1e-300);
  g_clear_error (&error);
  cr_assert_not (limber_profile_validate (api, rs, &error));
  assert_has (error->message, "minutes_per_day: 1e-300 is out of range");
}

/* ---- line endings ---------------------------------------------------------------- */

/* text with every "\n" replaced by eol */
static char *
with_endings (const char *text, const char *eol)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (eol, lines);
}

LIMBER_TEST (limits, line_numbers_count_cr_lf_and_crlf_alike)
{
  static const char *const endings[] = { "\n", "\r", "\r\n" };
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (gsize k = 0; k < G_N_ELEMENTS (endings); k++)
    {
      g_autoptr (GError) error = NULL;
      /* a rule set: a schema error on line 59 */
      g_autofree char *minimal = limber_test_read ("minimal.xml", NULL);
      g_autoptr (GString) bogus = g_string_new (minimal);
      const char *at = strstr (minimal, "  <exercises>\n");
      cr_assert_not_null (at);
      g_string_insert (bogus, at - minimal + strlen ("  <exercises>\n"), "<bogus/>\n");
      g_autofree char *bad_rules = with_endings (bogus->str, endings[k]);
      g_autoptr (LimberRuleset) r = limber_ruleset_new_from_data (bad_rules, -1, "r.xml", &error);
      cr_assert_null (r);
      cr_assert (g_str_has_prefix (error->message, "r.xml:59:1: Element 'bogus'"), "ending %zu: %s", k,
                 error->message);
      g_clear_error (&error);
      /* a JSON profile: a wrong goal on line 3, column 9 */
      g_autofree char *json = with_endings ("{\n\"age\": 30,\n\"goal\": \"nope\"\n}", endings[k]);
      g_autoptr (LimberProfile) pj = limber_profile_new_from_json (rs, json, -1, "p.json", &error);
      cr_assert_null (pj);
      cr_assert (g_str_has_prefix (error->message, "p.json:3:9: goal:"), "ending %zu: %s", k, error->message);
      g_clear_error (&error);
      /* an XML profile: an unknown element on line 3 */
      g_autofree char *xml = with_endings ("<profile>\n<constraints/>\n<goal>nope</goal>\n</profile>", endings[k]);
      g_autoptr (LimberProfile) px = limber_profile_new_from_xml (rs, xml, -1, "p.xml", &error);
      cr_assert_null (px);
      cr_assert (g_str_has_prefix (error->message, "p.xml:3:1: profile: unknown element <goal>"), "ending %zu: %s", k,
                 error->message);
      g_clear_error (&error);
      /* a test case: a schema error on line 3 */
      g_autofree char *tc_xml = with_endings ("<testcase id=\"t\">\n<description>d</description>\n<bogus/>\n"
                                              "</testcase>",
                                              endings[k]);
      g_autoptr (LimberTestCase) tc = limber_testcase_new_from_data (tc_xml, -1, "t.xml", &error);
      cr_assert_null (tc);
      cr_assert (g_str_has_prefix (error->message, "t.xml:3:"), "ending %zu: %s", k, error->message);
    }
}
