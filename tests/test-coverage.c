/* Specification of coverage: counting what a rule set did over plans, test
 * cases and a generated population, and reporting it as text and JSON. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <limber.h>

#include "support.h"

TestSuite (coverage);

static unsigned
count_of (const LimberCoverage *c, LimberCoverageKind kind, const char *id)
{
  for (unsigned i = 0; i < limber_coverage_get_n_items (c, kind); i++)
    {
      unsigned n = 0;
      if (g_str_equal (limber_coverage_get_item (c, kind, i, &n), id))
        return n;
    }
  cr_assert_fail ("%s is not counted", id);
  return 0;
}

static LimberPlan *
plan_for (const LimberRuleset *rs, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, json, -1, NULL, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) o = limber_options_new ();
  cr_assert (limber_options_set_start (o, "2026-01-05", NULL));
  LimberPlan *plan = limber_generate (rs, p, o, &error);
  cr_assert_not_null (plan, "%s", error ? error->message : "");
  return plan;
}

LIMBER_TEST (coverage, empty_coverage_lists_everything_as_never)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
  cr_assert_eq (limber_coverage_get_n_plans (c), 0);
  cr_assert_eq (limber_coverage_get_n_items (c, LIMBER_COVERAGE_RULES), limber_ruleset_get_n_rules (rs));
  cr_assert_eq (limber_coverage_get_n_items (c, LIMBER_COVERAGE_EXERCISES), limber_ruleset_get_n_exercises (rs));
  cr_assert_eq (limber_coverage_get_n_items (c, LIMBER_COVERAGE_RED_FLAGS), 26);
  cr_assert_eq (limber_coverage_get_n_items (c, LIMBER_COVERAGE_SCORE_CATEGORIES), 3);
  cr_assert_str_eq (limber_coverage_get_item (c, LIMBER_COVERAGE_SCORE_CATEGORIES, 0, NULL), "startback/high");
  cr_assert_null (limber_coverage_get_item (c, LIMBER_COVERAGE_RULES, 1000, NULL));
  cr_assert_float_eq (limber_coverage_get_percent (c, LIMBER_COVERAGE_RULES), 0.0, 1e-9);
}

LIMBER_TEST (coverage, a_plan_counts_its_rules_exercises_flags_and_categories_once)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
  g_autoptr (LimberPlan) a = plan_for (rs, "{\"goal\": \"flexibility\", \"answers\": {\"leg-pain-radiating\": true}}");
  g_autoptr (LimberPlan) b = plan_for (rs, "{\"answers\": {\"trauma-fall\": true}}");
  cr_assert (limber_coverage_add_plan (c, a));
  cr_assert (limber_coverage_add_plan (c, b));
  cr_assert (limber_coverage_add_plan (c, a));
  cr_assert_eq (limber_coverage_get_n_plans (c), 3);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RULES, "goal-flexibility"), 2);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RULES, "caution-sciatica"), 2);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RULES, "goal-recovery"), 0, "a referral fires no rule");
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RED_FLAGS, "sciatica"), 2);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RED_FLAGS, "trauma-fall"), 1);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_EXERCISES, "windshield-wipers"), 0, "excluded under sciatica");
  cr_assert_gt (limber_coverage_get_percent (c, LIMBER_COVERAGE_EXERCISES), 10.0);
  cr_assert_float_eq (limber_coverage_get_percent (c, LIMBER_COVERAGE_RED_FLAGS), 200.0 / 26, 1e-9); /* 2 of 26 */
}

LIMBER_TEST (coverage, a_plan_of_another_rule_set_is_refused)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *path = limber_test_data ("minimal.xml");
  g_autoptr (LimberRuleset) other = limber_ruleset_new_from_file (path, NULL);
  cr_assert_not_null (other);
  g_autoptr (LimberPlan) plan = plan_for (other, "{}");
  g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
  cr_assert_not (limber_coverage_add_plan (c, plan));
  cr_assert_eq (limber_coverage_get_n_plans (c), 0);
}

LIMBER_TEST (coverage, test_cases_are_run_and_counted)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
  const char *names[] = { "goal-recovery", "startback-high-distress-4", "red-flag-night-pain" };
  for (unsigned i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/rules/tests/%s.xml", LIMBER_SOURCE_DIR, names[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberTestCase) tc = limber_testcase_new_from_file (path, &error);
      cr_assert_not_null (tc, "%s", error ? error->message : "");
      cr_assert (limber_coverage_add_testcase (c, tc, &error), "%s", error ? error->message : "");
    }
  cr_assert_eq (limber_coverage_get_n_plans (c), 3);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RULES, "startback-high"), 1);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_SCORE_CATEGORIES, "startback/high"), 1);
  cr_assert_eq (count_of (c, LIMBER_COVERAGE_RED_FLAGS, "night-pain"), 1);
}

LIMBER_TEST (coverage, a_population_is_varied_and_the_same_for_a_seed)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCoverage) a = limber_coverage_new (rs);
  g_autoptr (LimberCoverage) b = limber_coverage_new (rs);
  g_autoptr (GError) error = NULL;
  cr_assert (limber_coverage_add_population (a, 400, 7, &error), "%s", error ? error->message : "");
  cr_assert (limber_coverage_add_population (b, 400, 7, &error));
  g_autofree char *ja = limber_coverage_to_json (a, FALSE), *jb = limber_coverage_to_json (b, FALSE);
  cr_assert_str_eq (ja, jb);
  cr_assert_eq (limber_coverage_get_n_plans (a), 400);
  /* every goal, referrals and programmes, caution flags and scores */
  cr_assert_gt (count_of (a, LIMBER_COVERAGE_RULES, "goal-recovery"), 50);
  cr_assert_gt (count_of (a, LIMBER_COVERAGE_RULES, "goal-performance"), 50);
  cr_assert_gt (count_of (a, LIMBER_COVERAGE_RED_FLAGS, "sciatica"), 10);
  cr_assert_gt (limber_coverage_get_percent (a, LIMBER_COVERAGE_RULES), 85.0);
  cr_assert_float_eq (limber_coverage_get_percent (a, LIMBER_COVERAGE_SCORE_CATEGORIES), 100.0, 1e-9);
  cr_assert_not (limber_coverage_add_population (a, 0, 1, &error));
  cr_assert_eq (error->code, LIMBER_ERROR_OPTIONS);
}

LIMBER_TEST (coverage, a_population_counts_the_same_on_any_number_of_threads)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *one = NULL;
  /* 1100 profiles: more than a block of a thread, and not a multiple of one */
  for (unsigned threads = 1; threads <= 8; threads *= 2)
    {
      g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
      limber_coverage_set_threads (c, threads);
      g_autoptr (GError) error = NULL;
      cr_assert (limber_coverage_add_population (c, 1100, 3, &error), "%s", error ? error->message : "");
      cr_assert_eq (limber_coverage_get_n_plans (c), 1100);
      g_autofree char *json = limber_coverage_to_json (c, FALSE);
      if (one == NULL)
        one = g_steal_pointer (&json);
      else
        cr_assert_str_eq (json, one, "%u threads count what one thread counts", threads);
    }
}

LIMBER_TEST (coverage, text_and_json_reports)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
  g_autoptr (LimberPlan) plan = plan_for (rs, "{\"goal\": \"recovery\"}");
  limber_coverage_add_plan (c, plan);
  g_autofree char *text = limber_coverage_to_text (c);
  cr_assert (g_str_has_prefix (text, "Coverage of rule set default 1.0.0 over 1 plan (0 referrals)\n"), "%s", text);
  cr_assert (strstr (text, "\nrules fired: 2 of ") != NULL, "%s", text);
  cr_assert (strstr (text, "  goal-flexibility") != NULL && strstr (text, "never") != NULL, "%s", text);
  g_autofree char *json = limber_coverage_to_json (c, TRUE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  cr_assert_eq (json_object_get_int_member (root, "plans"), 1);
  JsonObject *rules = json_object_get_object_member (root, "rules");
  cr_assert_eq (json_object_get_int_member (rules, "covered"), 2);
  cr_assert_eq (json_object_get_int_member (json_object_get_object_member (rules, "counts"), "goal-recovery"), 1);
  JsonArray *never = json_object_get_array_member (rules, "never");
  cr_assert_str_eq (json_array_get_string_element (never, 0), "goal-flexibility");
  cr_assert (json_object_has_member (root, "score_categories"));
}

LIMBER_TEST (coverage, the_cli_fails_under_the_minimum_and_on_usage_errors)
{
  g_autofree char *one = g_strdup_printf ("%s/rules/tests/goal-recovery.xml", LIMBER_SOURCE_DIR);
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", "--min", "100", one, NULL }, NULL, &out, &err), 1);
  cr_assert (strstr (err, "of the rules fired; expected at least 100%") != NULL, "%s", err);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", "--min", "1", "--format", "json", one, NULL }, NULL,
                                     &out, &err), 0, "%s", err);
  cr_assert (strstr (out, "\"plans\": 1") != NULL, "%s", out);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", "--population", "50", "--seed", "3", NULL }, NULL,
                                     &out, &err), 0, "%s", err);
  cr_assert (strstr (out, "over 50 plans") != NULL, "%s", out);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", NULL }, NULL, &out, &err), 2);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", "--population", "5", one, NULL }, NULL, &out, &err), 2);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", "--min", "140", one, NULL }, NULL, &out, &err), 2);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "coverage", "--population", "0", NULL }, NULL, &out, &err), 2);
}

typedef struct {
  GThread *thread;
  unsigned calls, last, total;
  gboolean in_order, same_thread;
} Progress;

static void
record_progress (unsigned done, unsigned total, gpointer data)
{
  Progress *p = data;
  p->in_order = p->in_order && done > p->last && done <= total;
  p->same_thread = p->same_thread && g_thread_self () == p->thread;
  p->calls++;
  p->last = done;
  p->total = total;
}

LIMBER_TEST (coverage, a_population_run_tells_its_progress_in_the_calling_thread)
{
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (NULL);
  for (unsigned threads = 1; threads <= 3; threads += 2)
    {
      g_autoptr (LimberCoverage) c = limber_coverage_new (rs);
      limber_coverage_set_threads (c, threads);
      Progress p = { g_thread_self (), 0, 0, 0, TRUE, TRUE };
      limber_coverage_set_progress (c, record_progress, &p);
      cr_assert (limber_coverage_add_population (c, 1000, 3, NULL));
      /* blocks of 256 plans a thread: several calls, the last at the end */
      cr_assert_geq (p.calls, 2, "%u threads: %u calls", threads, p.calls);
      cr_assert (p.in_order && p.same_thread);
      cr_assert_eq (p.last, 1000);
      cr_assert_eq (p.total, 1000);
      /* and it can be taken back */
      limber_coverage_set_progress (c, NULL, NULL);
      p.calls = 0;
      cr_assert (limber_coverage_add_population (c, 10, 4, NULL));
      cr_assert_eq (p.calls, 0);
    }
}
