/* Specification of rule test cases: the format (loading, safety, errors at
 * their line), running (each kind of expectation, the explanation of a
 * failure), the reports (TAP, JUnit), and the promise the shipped cases
 * make: breaking a rule in a copy of the default rule set makes a shipped
 * case fail with a message that names the cause. */
#include <string.h>

#include <glib/gstdio.h>
#include <limber.h>

#include "support.h"

TestSuite (testcase);

/* ---- helpers ------------------------------------------------------------------ */

static char *
shipped (const char *name)
{
  return g_strdup_printf ("%s/rules/tests/%s.xml", LIMBER_SOURCE_DIR, name);
}

static LimberTestCase *
load_shipped (const char *name)
{
  g_autofree char *path = shipped (name);
  g_autoptr (GError) error = NULL;
  LimberTestCase *tc = limber_testcase_new_from_file (path, &error);
  cr_assert_not_null (tc, "%s", error ? error->message : "");
  return tc;
}

static LimberTestCase *
load_text (const char *xml)
{
  g_autoptr (GError) error = NULL;
  LimberTestCase *tc = limber_testcase_new_from_data (xml, -1, "case.xml", &error);
  cr_assert_not_null (tc, "%s", error ? error->message : "");
  return tc;
}

static void
expect_load_error (const char *xml, int code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberTestCase) tc = limber_testcase_new_from_data (xml, -1, "case.xml", &error);
  cr_assert_null (tc);
  cr_assert_not_null (error);
  cr_assert_eq (error->code, code, "code %d: %s", error->code, error->message);
  cr_assert (strstr (error->message, fragment) != NULL, "expected \"%s\" in: %s", fragment, error->message);
}

static LimberTestResult *
run (const LimberTestCase *tc, const LimberRuleset *rs)
{
  g_autoptr (GError) error = NULL;
  LimberTestResult *r = limber_testcase_run (tc, rs, &error);
  cr_assert_not_null (r, "%s", error ? error->message : "");
  return r;
}

/* A case around a JSON profile and some expectations. */
static char *
json_case (const char *profile, const char *expect)
{
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<testcase id=\"t\">\n  <description>A test.</description>\n"
                          "  <profile-json>%s</profile-json>\n  <expect>\n%s\n  </expect>\n</testcase>\n",
                          profile, expect);
}

static LimberTestResult *
run_json (const char *profile, const char *expect)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *xml = json_case (profile, expect);
  g_autoptr (LimberTestCase) tc = load_text (xml);
  return run (tc, rs);
}

static gboolean
trace_has (const LimberTestFailure *f, const char *fragment)
{
  for (unsigned i = 0; i < limber_test_failure_get_n_trace (f); i++)
    if (strstr (limber_test_failure_get_trace (f, i), fragment))
      return TRUE;
  return FALSE;
}

/* ---- loading ------------------------------------------------------------------ */

LIMBER_TEST (testcase, a_shipped_case_loads_with_its_name_and_expectations)
{
  g_autoptr (LimberTestCase) tc = load_shipped ("red-flag-sciatica");
  cr_assert_str_eq (limber_testcase_get_name (tc), "red-flag-sciatica");
  cr_assert (strstr (limber_testcase_get_description (tc), "caution") != NULL);
  cr_assert (g_str_has_suffix (limber_testcase_get_file (tc), "rules/tests/red-flag-sciatica.xml"));
  cr_assert_gt (limber_testcase_get_n_expectations (tc), 5);
}

LIMBER_TEST (testcase, every_shipped_case_passes_on_the_default_rules)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *dir = g_build_filename (LIMBER_SOURCE_DIR, "rules", "tests", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  cr_assert_not_null (d);
  unsigned n = 0;
  for (const char *name; (name = g_dir_read_name (d)) != NULL;)
    {
      if (!g_str_has_suffix (name, ".xml"))
        continue;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberTestCase) tc = limber_testcase_new_from_file (path, &error);
      cr_assert_not_null (tc, "%s", error ? error->message : "");
      g_autoptr (LimberTestResult) r = run (tc, rs);
      g_autofree char *message = limber_test_result_get_message (r);
      cr_assert (limber_test_result_get_passed (r), "%s", message);
      n++;
    }
  cr_assert_geq (n, 40, "the default rule set ships at least 40 cases, found %u", n);
}

LIMBER_TEST (testcase, a_doctype_is_refused_at_its_line)
{
  expect_load_error ("<?xml version=\"1.0\"?>\n<!DOCTYPE testcase [<!ENTITY x \"y\">]>\n<testcase id=\"t\"/>\n",
                     LIMBER_ERROR_UNSAFE, "case.xml:2:1: DOCTYPE: refused: rule test cases may not declare a DTD");
}

LIMBER_TEST (testcase, malformed_xml_is_a_parse_error_naming_the_format)
{
  expect_load_error ("<testcase id=\"t\">\n<description>x</descr>\n", LIMBER_ERROR_PARSE,
                     "expected a limber rule test case (see rules/limber-testcase.xsd)");
}

LIMBER_TEST (testcase, an_unknown_expectation_is_a_schema_error_at_its_line)
{
  g_autofree char *xml = json_case ("{}", "    <status is=\"ok\"/>\n    <exercise-count is=\"3\"/>");
  expect_load_error (xml, LIMBER_ERROR_SCHEMA, "case.xml:7:5: Element 'exercise-count'");
}

LIMBER_TEST (testcase, a_group_needs_exactly_one_target)
{
  g_autofree char *none = json_case ("{}", "    <excluded by=\"constraint\"/>");
  expect_load_error (none, LIMBER_ERROR_SEMANTIC, "case.xml:6:5: <excluded> no target; expected exactly one of");
  g_autofree char *two = json_case ("{}", "    <allowed exercise=\"cat-cow\" tag=\"all\"/>");
  expect_load_error (two, LIMBER_ERROR_SEMANTIC, "<allowed> more than one target");
}

LIMBER_TEST (testcase, bounds_and_dates_are_checked_when_loading)
{
  g_autofree char *no_bound = json_case ("{}", "    <weight exercise=\"cat-cow\"/>");
  expect_load_error (no_bound, LIMBER_ERROR_SEMANTIC, "<weight> no bound; expected is=, at-least= or at-most=");
  g_autofree char *one_bound = json_case ("{}", "    <minutes at-most=\"4\"/>");
  g_autoptr (LimberTestCase) tc = load_text (one_bound); /* minutes needs only one bound */
  cr_assert_not_null (tc);
  /* crossed bounds could never pass: an author's slip, said at load */
  g_autofree char *crossed = json_case ("{}", "    <minutes at-least=\"9\" at-most=\"4\"/>");
  expect_load_error (crossed, LIMBER_ERROR_SEMANTIC, "<minutes> at-least=\"9\" is above at-most=\"4\"; expected at-least <= at-most");
  const char *date = "<testcase id=\"t\"><description>d</description><options start=\"2026-02-30\"/>"
                     "<profile-json>{}</profile-json><expect><status is=\"ok\"/></expect></testcase>";
  expect_load_error (date, LIMBER_ERROR_SEMANTIC, "<options> start=\"2026-02-30\" is not a calendar date");
}

LIMBER_TEST (testcase, a_profile_mistake_is_reported_at_its_place_in_the_case_file)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberTestCase) tc = load_text ("<testcase id=\"t\">\n  <description>d</description>\n  <profile-json>\n"
                                             "    {\"goal\": \"recovery\",\n     \"age\": 200}\n  </profile-json>\n"
                                             "  <expect><status is=\"ok\"/></expect>\n</testcase>\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberTestResult) r = limber_testcase_run (tc, rs, &error);
  cr_assert_null (r);
  cr_assert_str_eq (error->message, "case.xml:5:13: age: 200 is out of range; expected a whole number from 0 to 120");

  g_autoptr (LimberTestCase) xml = load_text ("<testcase id=\"t\">\n  <description>d</description>\n"
                                              "  <profile goal=\"recovery\">\n    <answer question=\"pain-today\">11</answer>\n"
                                              "  </profile>\n  <expect><status is=\"ok\"/></expect>\n</testcase>\n");
  g_clear_error (&error);
  g_autoptr (LimberTestResult) r2 = limber_testcase_run (xml, rs, &error);
  cr_assert_null (r2);
  cr_assert (g_str_has_prefix (error->message, "case.xml:4:5: answers.pain-today:"), "%s", error->message);
}

LIMBER_TEST (testcase, a_profile_file_is_read_relative_to_the_case)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberTestCase) tc = load_shipped ("profile-from-file");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_testcase_load_profile (tc, rs, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  /* file= stands alone: a file and inline fields would be two profiles */
  expect_load_error ("<testcase id=\"t\"><description>d</description><profile file=\"p.json\" age=\"40\"/>"
                     "<expect><status is=\"ok\"/></expect></testcase>",
                     LIMBER_ERROR_SEMANTIC, "<profile> file=\"p.json\" with other attributes or elements");
}

LIMBER_TEST (testcase, an_id_the_rule_set_lacks_is_an_error_naming_the_line)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *xml = json_case ("{}", "    <fired rule=\"goal-recovery\"/>\n    <fired rule=\"no-such-rule\"/>\n"
                                          "    <excluded tag=\"no-such-tag\"/>");
  g_autoptr (LimberTestCase) tc = load_text (xml);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberTestResult) r = limber_testcase_run (tc, rs, &error);
  cr_assert_null (r);
  cr_assert (strstr (error->message, "case.xml:7: <fired rule=\"no-such-rule\">: unknown rule \"no-such-rule\"") != NULL,
             "%s", error->message);
  cr_assert (strstr (error->message, "case.xml:8: <excluded tag=\"no-such-tag\">: tag \"no-such-tag\" matches no exercise")
               != NULL, "%s", error->message);
}

/* ---- expectations --------------------------------------------------------------- */

LIMBER_TEST (testcase, a_failing_rule_expectation_shows_its_condition_and_what_held)
{
  g_autoptr (LimberTestResult) r = run_json ("{\"goal\": \"recovery\", \"answers\": {\"pain-today\": 5}}",
                                             "    <fired rule=\"pain-today-high\"/>\n    <fired rule=\"goal-recovery\"/>");
  cr_assert_not (limber_test_result_get_passed (r));
  cr_assert_not (limber_test_result_get_errored (r));
  cr_assert_eq (limber_test_result_get_n_checks (r), 2);
  cr_assert_eq (limber_test_result_get_n_failures (r), 1);
  const LimberTestFailure *f = limber_test_result_get_failure (r, 0);
  cr_assert_eq (limber_test_failure_get_line (f), 6);
  cr_assert_str_eq (limber_test_failure_get_check (f), "<fired rule=\"pain-today-high\">");
  cr_assert_str_eq (limber_test_failure_get_message (f),
                    "case.xml:6: <fired rule=\"pain-today-high\">: rule pain-today-high did not fire: its condition "
                    "(answer pain-today >= 6) did not hold; expected rule pain-today-high to fire");
  cr_assert_str_eq (limber_test_failure_get_expected (f), "rule pain-today-high to fire");
  cr_assert (trace_has (f, "did not hold: answer pain-today >= 6 (answer pain-today: 5)"));
  cr_assert (trace_has (f, "rule pain-today-high (rules/default.xml:"));
  cr_assert_null (limber_test_result_get_failure (r, 1));
}

LIMBER_TEST (testcase, a_failing_exercise_expectation_shows_its_explanation)
{
  g_autoptr (LimberTestResult) r = run_json ("{\"goal\": \"recovery\"}", "    <weight exercise=\"childs-pose\" at-least=\"3\"/>\n"
                                                                         "    <excluded exercise=\"cat-cow\"/>");
  cr_assert_eq (limber_test_result_get_n_failures (r), 2);
  const LimberTestFailure *w = limber_test_result_get_failure (r, 0);
  cr_assert (strstr (limber_test_failure_get_actual (w), "childs-pose weighs 2.25") != NULL);
  cr_assert (trace_has (w, "catalogue: base weight 1.5"));
  cr_assert (trace_has (w, "goal-recovery: weight x1.5"));
  cr_assert (trace_has (w, "selection: final weight 2.25"));
  const LimberTestFailure *x = limber_test_result_get_failure (r, 1);
  cr_assert (g_str_has_prefix (limber_test_failure_get_actual (x), "cat-cow is allowed, weight 1.8"));
  cr_assert_str_eq (limber_test_failure_get_expected (x), "cat-cow excluded");
}

LIMBER_TEST (testcase, exclusions_say_who_excluded_an_exercise)
{
  g_autoptr (LimberTestResult) r = run_json ("{\"answers\": {\"leg-pain-radiating\": true}}",
                                             "    <excluded exercise=\"windshield-wipers\" by=\"caution-sciatica\"/>\n"
                                             "    <excluded exercise=\"windshield-wipers\" by=\"contraindication\"/>\n"
                                             "    <excluded exercise=\"seated-twist\" by=\"constraint\"/>");
  cr_assert_eq (limber_test_result_get_n_failures (r), 1);
  const LimberTestFailure *f = limber_test_result_get_failure (r, 0);
  cr_assert_eq (limber_test_failure_get_line (f), 8);
  cr_assert (strstr (limber_test_failure_get_actual (f), "seated-twist is excluded by contraindication, caution-sciatica, not by constraint"),
             "%s", limber_test_failure_get_actual (f));
}

LIMBER_TEST (testcase, screening_expectations)
{
  g_autoptr (LimberTestResult) ok = run_json ("{\"answers\": {\"trauma-fall\": true}}",
                                              "    <status is=\"referral\"/>\n    <outcome is=\"emergency\"/>\n"
                                              "    <referral flag=\"trauma-fall\" contains=\"fracture\"/>\n"
                                              "    <flag ref=\"sciatica\" triggered=\"false\"/>\n    <training-days is=\"0\"/>\n"
                                              "    <excluded tag=\"all\"/>");
  g_autofree char *message = limber_test_result_get_message (ok);
  cr_assert (limber_test_result_get_passed (ok), "%s", message);
  g_autoptr (LimberTestResult) bad = run_json ("{\"answers\": {\"trauma-fall\": true}}",
                                               "    <status is=\"ok\"/>\n    <weight exercise=\"cat-cow\" is=\"1\"/>");
  cr_assert_eq (limber_test_result_get_n_failures (bad), 2);
  const LimberTestFailure *f = limber_test_result_get_failure (bad, 0);
  cr_assert_str_eq (limber_test_failure_get_actual (f), "status is referral");
  cr_assert (trace_has (f, "red flag trauma-fall (rules/default.xml:"));
  cr_assert (trace_has (f, "emergency, triggered by trauma-fall"));
  const LimberTestFailure *w = limber_test_result_get_failure (bad, 1);
  cr_assert (strstr (limber_test_failure_get_actual (w), "the plan is a referral") != NULL);
}

LIMBER_TEST (testcase, dose_emphasis_advice_and_minutes)
{
  g_autoptr (LimberTestResult) r = run_json (
    "{\"age\": 70, \"minutes_per_day\": 10, \"scan\": [{\"measure\": \"hip.internal-rotation\", \"left\": 20, \"right\": 35}]}",
    "    <dose exercise=\"standing-hamstring-stretch\" of=\"hold\" is=\"30\"/>\n"
    "    <emphasis exercise=\"seated-hip-rotation\" side=\"left\" extra-sets=\"1\"/>\n"
    "    <advisory contains=\"From 65\"/>\n    <no-advisory contains=\"Welcome back\"/>\n"
    "    <within-budget/>\n    <minutes at-most=\"11\"/>\n"
    "    <why exercise=\"seated-hip-rotation\" rule=\"asymmetry-hip-internal-rotation\" contains=\"on the left\"/>\n"
    "    <dose exercise=\"standing-hamstring-stretch\" of=\"hold\" at-most=\"20\"/>\n"
    "    <emphasis exercise=\"seated-hip-rotation\" side=\"right\"/>\n"
    "    <minutes at-most=\"2\"/>");
  cr_assert_eq (limber_test_result_get_n_failures (r), 3);
  cr_assert_eq (limber_test_failure_get_line (limber_test_result_get_failure (r, 0)), 13);
  cr_assert (strstr (limber_test_failure_get_actual (limber_test_result_get_failure (r, 0)),
                     "standing-hamstring-stretch hold is 30"));
  cr_assert (strstr (limber_test_failure_get_actual (limber_test_result_get_failure (r, 1)),
                     "seated-hip-rotation has emphasis left, 1 extra set(s)"));
  cr_assert (strstr (limber_test_failure_get_actual (limber_test_result_get_failure (r, 2)), "takes"));
}

/* ---- reports ---------------------------------------------------------------------- */

LIMBER_TEST (testcase, tap_numbers_cases_and_explains_failures_in_yaml)
{
  g_autoptr (LimberTestResult) pass = run_json ("{}", "    <status is=\"ok\"/>");
  g_autoptr (LimberTestResult) fail = run_json ("{}", "    <outcome is=\"caution\"/>");
  g_autoptr (GError) error = g_error_new_literal (LIMBER_ERROR, LIMBER_ERROR_IO, "gone.xml: cannot read");
  g_autoptr (LimberTestResult) errored = limber_test_result_new_error (NULL, "dir/gone.xml", error);
  cr_assert (limber_test_result_get_errored (errored));
  cr_assert_str_eq (limber_test_result_get_name (errored), "gone");
  cr_assert_null (limber_test_result_get_plan (errored));
  const LimberTestResult *results[] = { pass, fail, errored };
  g_autofree char *tap = limber_test_results_to_tap (results, 3);
  cr_assert (g_str_has_prefix (tap, "TAP version 13\n1..3\nok 1 - t\nnot ok 2 - t\n  ---\n  file: \"case.xml\"\n"), "%s",
             tap);
  cr_assert (strstr (tap, "      expected: \"outcome caution\"\n      actual: \"outcome is none\"\n") != NULL, "%s", tap);
  cr_assert (strstr (tap, "      why:\n        - \"no red flag triggered\"\n") != NULL, "%s", tap);
  cr_assert (strstr (tap, "not ok 3 - gone\n  ---\n  file: \"dir/gone.xml\"\n  errored: true\n") != NULL, "%s", tap);
  cr_assert (g_str_has_suffix (tap, "  ...\n"));
}

LIMBER_TEST (testcase, junit_counts_failures_and_errors)
{
  g_autoptr (LimberTestResult) pass = run_json ("{}", "    <status is=\"ok\"/>");
  g_autoptr (LimberTestResult) fail = run_json ("{}", "    <advisory contains=\"a &amp; b &lt; c\"/>");
  g_autoptr (GError) error = g_error_new_literal (LIMBER_ERROR, LIMBER_ERROR_IO, "cannot read");
  g_autoptr (LimberTestResult) errored = limber_test_result_new_error (NULL, "gone.xml", error);
  const LimberTestResult *results[] = { pass, fail, errored };
  g_autofree char *xml = limber_test_results_to_junit (results, 3, "default 1.0.0");
  cr_assert (strstr (xml, "<testsuites name=\"default 1.0.0\" tests=\"3\" failures=\"1\" errors=\"1\">") != NULL, "%s", xml);
  cr_assert (strstr (xml, "<failure message=\"case.xml:6: &lt;advisory contains=&quot;a &amp; b &lt; c&quot;&gt;:") != NULL,
             "%s", xml);
  cr_assert (strstr (xml, "<error message=\"cannot read\" type=\"error\">") != NULL, "%s", xml);
}

LIMBER_TEST (testcase, the_cli_prints_tap_writes_junit_and_exits_by_the_results)
{
  g_autofree char *ok = shipped ("goal-recovery");
  g_autofree char *out = NULL, *err = NULL;
  int status = limber_test_run_cli ((const char *[]) { "test", ok, NULL }, NULL, &out, &err);
  cr_assert_eq (status, 0, "%s%s", out, err);
  cr_assert_str_eq (out, "TAP version 13\n1..1\nok 1 - goal-recovery\n");

  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.xml", NULL);
  g_autofree char *junit = g_build_filename (dir, "junit.xml", NULL);
  cr_assert (g_file_set_contents (bad, "<testcase id=\"bad\"><description>d</description><profile-json>{}</profile-json>"
                                       "<expect><status is=\"referral\"/></expect></testcase>", -1, NULL));
  g_free (out);
  g_free (err);
  status = limber_test_run_cli ((const char *[]) { "test", "--junit", junit, ok, bad, NULL }, NULL, &out, &err);
  cr_assert_eq (status, 1, "%s%s", out, err);
  cr_assert (strstr (out, "not ok 2 - bad\n") != NULL, "%s", out);
  g_autofree char *xml = NULL;
  cr_assert (g_file_get_contents (junit, &xml, NULL, NULL));
  cr_assert (strstr (xml, "failures=\"1\"") != NULL, "%s", xml);

  g_free (out);
  g_free (err);
  status = limber_test_run_cli ((const char *[]) { "test", NULL }, NULL, &out, &err);
  cr_assert_eq (status, 2);
  cr_assert (strstr (err, "missing CASES") != NULL, "%s", err);
  g_free (out);
  g_free (err);
  status = limber_test_run_cli ((const char *[]) { "test", "--bogus", ok, NULL }, NULL, &out, &err);
  cr_assert_eq (status, 2);
  g_unlink (bad);
  g_unlink (junit);
  g_rmdir (dir);
}

/* ---- breaking the default rule set: the shipped cases catch it ------------------------ */

/* The default rule set's text with `old` (which must occur exactly once after
 * `anchor`, or anywhere when anchor is NULL) replaced by `new`. */
static char *
mutated (const char *anchor, const char *old, const char *new)
{
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autofree char *xml = NULL;
  cr_assert (g_file_get_contents (path, &xml, NULL, NULL));
  const char *from = anchor ? strstr (xml, anchor) : xml;
  cr_assert_not_null (from, "anchor %s not in default.xml", anchor);
  const char *at = strstr (from, old);
  cr_assert_not_null (at, "\"%s\" not in default.xml: update this mutation", old);
  if (anchor == NULL)
    cr_assert_null (strstr (at + 1, old), "\"%s\" occurs twice in default.xml: use an anchor", old);
  GString *out = g_string_new_len (xml, at - xml);
  g_string_append (out, new);
  g_string_append (out, at + strlen (old));
  return g_string_free (out, FALSE);
}

/* Runs a shipped case on the mutated rules; asserts it fails and that its
 * report (each failure's message and explanation) names every fragment. */
static void
expect_caught (const char *anchor, const char *old, const char *new, const char *casename, const char *const *fragments)
{
  g_autofree char *xml = mutated (anchor, old, new);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (xml, -1, "mutated.xml", &error);
  cr_assert_not_null (rs, "the mutation must load: %s", error ? error->message : "");
  g_autoptr (LimberTestCase) tc = load_shipped (casename);
  g_autoptr (LimberTestResult) r = run (tc, rs);
  /* what a reader of the report sees: each failure's line and its trace */
  g_autoptr (GString) report = g_string_new (NULL);
  for (unsigned i = 0; i < limber_test_result_get_n_failures (r); i++)
    {
      const LimberTestFailure *f = limber_test_result_get_failure (r, i);
      g_string_append_printf (report, "%s\n", limber_test_failure_get_message (f));
      for (unsigned t = 0; t < limber_test_failure_get_n_trace (f); t++)
        g_string_append_printf (report, "  why: %s\n", limber_test_failure_get_trace (f, t));
    }
  const char *message = report->str;
  cr_assert_not (limber_test_result_get_passed (r), "%s still passes after the mutation", casename);
  for (const char *const *f = fragments; *f; f++)
    cr_assert (strstr (message, *f) != NULL, "expected \"%s\" in:\n%s", *f, message);
}

LIMBER_TEST (testcase, removing_a_contraindication_is_caught)
{
  expect_caught ("<exercise id=\"corpse-pose\"",
                 "<contraindications>\n        <flag ref=\"lying-flat-painful\"/>\n      </contraindications>\n", "",
                 "red-flag-lying-flat-painful",
                 (const char *[]) { "<excluded exercise=\"corpse-pose\" by=\"contraindication\">",
                                    "corpse-pose is excluded by caution-lying-flat, not by contraindication",
                                    NULL });
}

LIMBER_TEST (testcase, removing_a_flag_contraindication_covered_by_a_rule_is_still_caught)
{
  /* caution-sciatica still excludes it by its rotation tag: only by= tells them apart */
  expect_caught ("<exercise id=\"windshield-wipers\"",
                 "<contraindications>\n        <flag ref=\"sciatica\"/>\n      </contraindications>\n", "",
                 "red-flag-sciatica",
                 (const char *[]) { "windshield-wipers is excluded by caution-sciatica, not by contraindication", NULL });
}

LIMBER_TEST (testcase, inverting_a_threshold_is_caught)
{
  expect_caught ("<rule id=\"pain-today-high\"", "<answer question=\"pain-today\" at-least=\"6\"/>",
                 "<answer question=\"pain-today\" at-most=\"6\"/>",
                 "pain-today-5",
                 (const char *[]) { "<not-fired rule=\"pain-today-high\">", "rule pain-today-high fired",
                                    "answer pain-today <= 6", NULL });
}

LIMBER_TEST (testcase, inverting_a_score_category_bound_is_caught)
{
  expect_caught (NULL, "<category id=\"medium\" total-at-least=\"4\">", "<category id=\"medium\" total-at-most=\"4\">",
                 "startback-low-total-3",
                 (const char *[]) { "score startback: category medium, total 3", "expected category low",
                                    "rule startback-low did not fire", NULL });
}

LIMBER_TEST (testcase, moving_a_deficit_threshold_is_caught)
{
  expect_caught (NULL, "<deficit measure=\"hip.flexion\" at-least=\"18\"/>", "<deficit measure=\"hip.flexion\" at-least=\"19\"/>",
                 "measure-hip-flexion-left",
                 (const char *[]) { "rule deficit-hip-flexion did not fire", "deficit of hip.flexion >= 19", NULL });
}

LIMBER_TEST (testcase, weakening_a_red_flag_is_caught)
{
  expect_caught (NULL, "<red-flag id=\"severe-pain-today\" outcome=\"see-clinician\"",
                 "<red-flag id=\"severe-pain-today\" outcome=\"caution\"", "red-flag-severe-pain-today",
                 (const char *[]) { "status is ok; expected status referral", "outcome is caution",
                                    "red flag severe-pain-today (mutated.xml:", NULL });
}

LIMBER_TEST (testcase, dropping_a_requirement_is_caught)
{
  expect_caught (NULL, "<require exercise=\"standing-back-extension\"/>", "", "red-flag-forward-bend-painful",
                 (const char *[]) { "<included exercise=\"standing-back-extension\" on=\"every-training-day\">",
                                    "standing-back-extension is on", NULL });
}

LIMBER_TEST (testcase, a_weaker_emphasis_is_caught)
{
  expect_caught (NULL,
                 "<emphasise measure=\"hip.internal-rotation\" extra-sets=\"2\"/>",
                 "<emphasise measure=\"hip.internal-rotation\" extra-sets=\"1\"/>",
                 "measure-hip-internal-rotation-right",
                 (const char *[]) { "seated-hip-rotation has emphasis right, 1 extra set(s)",
                                    "expected emphasis right, 2 extra set(s)", NULL });
}

LIMBER_TEST (testcase, a_slower_progression_is_caught)
{
  expect_caught (NULL, "advance-after=\"3\"", "advance-after=\"4\"", "progression-advance-after-3-easy",
                 (const char *[]) { "pelvic-tilts step is 1", "expected step 2", "3 of 4 sessions completed", NULL });
}

LIMBER_TEST (testcase, dropping_an_exclusion_is_caught)
{
  expect_caught ("<rule id=\"caution-sciatica\"", "<exclude tag=\"rotation\"/>", "", "red-flag-sciatica",
                 (const char *[]) { "<excluded tag=\"rotation\" by=\"caution-sciatica\">", "(tag rotation)", NULL });
}

/* ---- issue 11: the new cautions, escalation and screening are guarded by their cases ---- */

LIMBER_TEST (testcase, loosening_the_unsettled_discomfort_referral_is_caught)
{
  expect_caught (NULL, "history=\"unsettled-discomfort-days\" at-least=\"14\"",
                 "history=\"unsettled-discomfort-days\" at-least=\"21\"", "history-discomfort-not-settling-14-days",
                 (const char *[]) { "red flag discomfort-not-settling was not triggered", "history fact: 14", NULL });
}

LIMBER_TEST (testcase, dropping_the_osteoporosis_twist_exclusion_is_caught)
{
  expect_caught ("<rule id=\"caution-osteoporosis\"", "<exclude tag=\"rotation\"/>", "",
                 "caution-osteoporosis", (const char *[]) { "windshield-wipers", NULL });
}

LIMBER_TEST (testcase, letting_late_pregnancy_lie_on_the_back_is_caught)
{
  expect_caught ("<rule id=\"caution-pregnancy-16-weeks\"", "<exclude tag=\"supine\"/>", "",
                 "caution-pregnancy-16-weeks", (const char *[]) { "pelvic-tilts", NULL });
}

LIMBER_TEST (testcase, a_screening_expectation_names_what_is_unanswered)
{
  g_autoptr (LimberTestResult) ok = run_json ("{\"answers\": {\"night-pain\": false}}",
                                              "    <screening complete=\"false\" unanswered=\"trauma-fall\"/>");
  g_autofree char *message = limber_test_result_get_message (ok);
  cr_assert (limber_test_result_get_passed (ok), "%s", message);
  g_autoptr (LimberTestResult) bad = run_json ("{\"answers\": {\"night-pain\": false}}",
                                               "    <screening complete=\"true\"/>\n"
                                               "    <screening unanswered=\"night-pain\"/>\n"
                                               "    <status is=\"no-exercises\"/>");
  cr_assert_eq (limber_test_result_get_n_failures (bad), 3);
  const LimberTestFailure *f = limber_test_result_get_failure (bad, 0);
  cr_assert (g_str_has_prefix (limber_test_failure_get_actual (f), "screening is incomplete (unanswered: "),
             "%s", limber_test_failure_get_actual (f));
  cr_assert_str_eq (limber_test_failure_get_expected (limber_test_result_get_failure (bad, 1)), "night-pain unanswered");
  cr_assert_str_eq (limber_test_failure_get_actual (limber_test_result_get_failure (bad, 2)), "status is ok");
  expect_load_error ("<?xml version=\"1.0\"?>\n<testcase id=\"t\"><description>A test.</description>"
                     "<profile-json>{}</profile-json><expect><screening/></expect></testcase>",
                     LIMBER_ERROR_SEMANTIC, "checks nothing; expected complete=, unanswered= or both");
}
