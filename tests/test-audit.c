/* Specification of the audit: session-quality figures over plans (fill,
 * position changes, variant pairs, the week's core, deficit coverage, plain
 * reasons), thresholds, the text and JSON reports and `limber audit`. */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <limber.h>

#include "plan-private.h"
#include "support.h"

TestSuite (audit);

static LimberRuleset *
audit_rules (void)
{
  g_autofree char *path = limber_test_data ("audit-rules.xml");
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

typedef struct {
  const char *exercise;
  double seconds;
  const char *explanation;
} Item;

/* A day of hand-made items (NULL items: a rest day), the nth of January 2026. */
static void
add_day (LimberPlan *plan, unsigned n, const Item *items)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) n, G_DATE_JANUARY, 2026);
  LimberDay *day = limber_day_alloc (&date);
  day->rest = items == NULL;
  for (const Item *it = items; it && it->exercise; it++)
    {
      const LimberExercise *e = limber_ruleset_lookup_exercise (plan->rs, it->exercise);
      cr_assert_not_null (e, "%s", it->exercise);
      LimberItem *item = limber_item_alloc (e, "mobility");
      item->seconds = it->seconds;
      item->explanation = it->explanation; /* borrowed, as a plan borrows its rule set's */
      limber_day_add_item (day, item);
    }
  g_ptr_array_add (plan->days, day);
}

static void
add_focus (LimberPlan *plan, const char *measure, const char *covered_by)
{
  LimberFocusOut *f = limber_arena_new0 (&plan->arena, LimberFocusOut, 1);  /* the plan's records, as compose.c puts them */
  /* borrowed, as a plan borrows its rule set's ids */
  f->measure = limber_plan_intern (plan, measure);
  f->covered_by = covered_by ? limber_plan_intern (plan, covered_by) : NULL;
  limber_plan_list_add (plan, plan->focus, f);
}

#define WHY "Moves your hips gently."

/* Ten minutes a day over three training days and a rest day:
 *   5 Jan: standing, floor, chair, floor, floor: 570 s (0.95), 3 changes,
 *          pelvic tilts with their own seated variant, three items with
 *          hip flexion alone as their primary target (3 same-target pairs);
 *   6 Jan: rest;
 *   7 Jan: standing, floor: 600 s (1.0), 1 change;
 *   8 Jan: standing: 240 s (0.4), no change.
 * The standing stretch is on every training day; five exercises in all.
 * Hip flexion is a focus covered on 5 Jan only; the hamstrings a gap.
 * Of the 8 items, one explains itself with a rule id, one not at all, one
 * with an empty sentence. */
static LimberPlan *
known_plan (const LimberRuleset *rs)
{
  LimberPlan *plan = limber_plan_alloc (rs);
  plan->minutes_per_day = 10;
  add_day (plan, 5, (const Item[]) {
    { "standing-stretch", 120, WHY },
    { "pelvic-tilts", 120, "tight-hip" },
    { "seated-tilt", 120, WHY },
    { "knee-hug", 120, NULL },
    { "press-up", 90, WHY },
    { NULL },
  });
  add_day (plan, 6, NULL);
  add_day (plan, 7, (const Item[]) { { "standing-stretch", 300, WHY }, { "press-up", 300, "" }, { NULL } });
  add_day (plan, 8, (const Item[]) { { "standing-stretch", 240, WHY }, { NULL } });
  add_focus (plan, "hip.flexion", "pelvic-tilts");
  add_focus (plan, "hamstring.slr", NULL);
  return plan;
}

#define FIGURE(a, f) limber_audit_get_figure (a, LIMBER_AUDIT_##f)

LIMBER_TEST (audit, the_figures_of_a_plan_whose_sessions_are_known)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberPlan) plan = known_plan (rs);
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  cr_assert (limber_audit_add_plan (a, plan));
  cr_assert_float_eq (FIGURE (a, PROFILES), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, PLANS), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, REFERRALS), 0, 1e-9);
  cr_assert_float_eq (FIGURE (a, SESSIONS), 3, 1e-9, "the rest day is no session");
  cr_assert_float_eq (FIGURE (a, EMPTY_SESSIONS), 0, 1e-9);
  cr_assert_float_eq (FIGURE (a, ITEMS), 8, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_MEDIAN), 0.95, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_MIN), 0.4, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_MAX), 1.0, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_UNDER_85), 1.0 / 3, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_OUTSIDE_90_110), 1.0 / 3, 1e-9);
  cr_assert_float_eq (FIGURE (a, CHANGES_MEDIAN), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, CHANGES_MAX), 3, 1e-9, "standing > floor > chair > floor");
  cr_assert_float_eq (FIGURE (a, VARIANT_PAIRS_MAX), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, VARIANT_PAIRS_MEAN), 1.0 / 3, 1e-9);
  cr_assert_float_eq (FIGURE (a, SAME_TARGET_PAIRS_MAX), 3, 1e-9);
  cr_assert_float_eq (FIGURE (a, SAME_TARGET_PAIRS_MEAN), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, CORE_MEDIAN), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, DISTINCT_MEDIAN), 5, 1e-9);
  cr_assert_float_eq (FIGURE (a, COVERAGE), 1.0 / 3, 1e-9, "hip flexion on one training day of three");
  cr_assert_float_eq (FIGURE (a, GAPS), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, REASONS), 5.0 / 8, 1e-9, "a rule id, none and an empty one are no reasons");
}

LIMBER_TEST (audit, referrals_are_counted_and_measure_nothing)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberPlan) referral = limber_plan_alloc (rs);
  referral->status = LIMBER_PLAN_REFERRAL;
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  cr_assert (limber_audit_add_plan (a, referral));
  cr_assert_float_eq (FIGURE (a, PROFILES), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, REFERRALS), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, PLANS), 0, 1e-9);
  cr_assert (isnan (FIGURE (a, FILL_MEDIAN)) && isnan (FIGURE (a, CHANGES_MAX)) && isnan (FIGURE (a, CORE_MIN)));
  cr_assert_float_eq (FIGURE (a, COVERAGE), 1, 1e-9, "nothing to cover");
  cr_assert_float_eq (FIGURE (a, REASONS), 1, 1e-9, "no item without a reason");
  /* a figure nothing was measured for fails its threshold, saying so */
  cr_assert (limber_audit_add_threshold (a, LIMBER_AUDIT_FILL_MEDIAN, LIMBER_AUDIT_AT_LEAST, 0.9, NULL));
  g_autofree char *failed = limber_audit_check (a);
  cr_assert_str_eq (failed, "fill-median: the median fill is not measured (no plans); expected at least 0.9\n");
  g_autofree char *json = limber_audit_to_json (a, FALSE);
  cr_assert (strstr (json, "\"fill\":{\"median\":null,") != NULL, "%s", json);
}

LIMBER_TEST (audit, an_empty_training_day_is_a_session_that_fills_nothing)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberPlan) plan = limber_plan_alloc (rs);
  plan->minutes_per_day = 5;
  add_day (plan, 5, (const Item[]) { { "press-up", 300, WHY }, { NULL } });
  add_day (plan, 6, (const Item[]) { { NULL } });
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  cr_assert (limber_audit_add_plan (a, plan));
  cr_assert_float_eq (FIGURE (a, SESSIONS), 2, 1e-9);
  cr_assert_float_eq (FIGURE (a, EMPTY_SESSIONS), 1, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_MIN), 0, 1e-9);
  cr_assert_float_eq (FIGURE (a, FILL_MEDIAN), 0.5, 1e-9, "the mean of the middle two");
  cr_assert_float_eq (FIGURE (a, CORE_MAX), 0, 1e-9, "nothing is on the empty day");
  cr_assert_float_eq (FIGURE (a, DISTINCT_MAX), 1, 1e-9);
}

LIMBER_TEST (audit, a_plan_of_another_rule_set_is_refused)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberRuleset) other = limber_test_default_rules ();
  g_autoptr (LimberPlan) plan = limber_plan_alloc (other);
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  cr_assert_not (limber_audit_add_plan (a, plan));
  cr_assert_float_eq (FIGURE (a, PROFILES), 0, 1e-9);
  /* the same document loaded again is the same rule set */
  g_autoptr (LimberRuleset) again = audit_rules ();
  g_autoptr (LimberPlan) known = known_plan (again);
  cr_assert (limber_audit_add_plan (a, known));
  cr_assert_float_eq (FIGURE (a, VARIANT_PAIRS_MAX), 1, 1e-9);
}

LIMBER_TEST (audit, thresholds_pass_and_fail_naming_each_failure)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberPlan) plan = known_plan (rs);
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  limber_audit_add_plan (a, plan);
  cr_assert_null (limber_audit_check (a), "no thresholds, nothing fails");
  cr_assert (limber_audit_add_threshold (a, LIMBER_AUDIT_FILL_MEDIAN, LIMBER_AUDIT_AT_LEAST, 0.9, "--min-median-fill"));
  cr_assert (limber_audit_add_threshold (a, LIMBER_AUDIT_CHANGES_MAX, LIMBER_AUDIT_AT_MOST, 3, NULL));
  cr_assert_null (limber_audit_check (a), "0.95 >= 0.9 and 3 <= 3");
  cr_assert (limber_audit_add_threshold (a, LIMBER_AUDIT_VARIANT_PAIRS_MAX, LIMBER_AUDIT_AT_MOST, 0, "--max-variant-pairs"));
  cr_assert (limber_audit_add_threshold (a, LIMBER_AUDIT_COVERAGE, LIMBER_AUDIT_AT_LEAST, 1, NULL));
  g_autofree char *failed = limber_audit_check (a);
  cr_assert_str_eq (failed, "--max-variant-pairs: the most variant pairs in a session is 1; expected at most 0\n"
                            "coverage: the share of focus measures covered on training days is 0.3333; "
                            "expected at least 1\n");
  cr_assert_not (limber_audit_add_threshold (a, LIMBER_AUDIT_COVERAGE, LIMBER_AUDIT_AT_LEAST, NAN, NULL));
  cr_assert_not (limber_audit_add_threshold (a, (LimberAuditFigure) 99, LIMBER_AUDIT_AT_LEAST, 1, NULL));
  cr_assert_not (limber_audit_add_threshold (a, LIMBER_AUDIT_GAPS, (LimberAuditBound) 7, 1, NULL));
  g_autofree char *text = limber_audit_to_text (a);
  cr_assert (strstr (text, "\nthresholds\n  ok   --min-median-fill") != NULL, "%s", text);
  cr_assert (strstr (text, "\n  FAIL --max-variant-pairs ") != NULL, "%s", text);
}

static GList *
member_names (JsonObject *object)
{
  return json_object_get_members (object); /* in insertion order */
}

static void
assert_members (JsonObject *object, const char *const *expected)
{
  g_autoptr (GList) names = member_names (object);
  GList *l = names;
  for (const char *const *e = expected; *e; e++, l = l->next)
    {
      cr_assert_not_null (l, "missing %s", *e);
      cr_assert_str_eq (l->data, *e);
    }
  cr_assert_null (l, "an unexpected member %s", l ? (const char *) l->data : "");
}

LIMBER_TEST (audit, json_has_stable_keys_and_the_figures)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberPlan) plan = known_plan (rs);
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  limber_audit_add_plan (a, plan);
  limber_audit_add_threshold (a, LIMBER_AUDIT_REASONS, LIMBER_AUDIT_AT_LEAST, 1, "--min-reasons");
  g_autofree char *json = limber_audit_to_json (a, TRUE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  assert_members (root, (const char *const[]) { "format_version", "ruleset", "profiles", "referrals", "plans", "sessions",
                                                "empty_sessions", "items", "fill", "position_changes",
                                                "variant_pairs", "same_target_pairs", "core", "distinct",
                                                "deficit_coverage", "reasons", "thresholds", "passed", NULL });
  JsonObject *fill = json_object_get_object_member (root, "fill");
  assert_members (fill, (const char *const[]) { "median", "under_85", "outside_90_110", "min", "max", "min_at",
                                                "max_at", NULL });
  cr_assert_float_eq (json_object_get_double_member (fill, "median"), 0.95, 1e-9);
  JsonObject *min_at = json_object_get_object_member (fill, "min_at");
  cr_assert_eq (json_object_get_int_member (min_at, "profile"), 1);
  cr_assert_str_eq (json_object_get_string_member (min_at, "date"), "2026-01-08");
  JsonObject *changes = json_object_get_object_member (root, "position_changes");
  cr_assert_eq (json_object_get_int_member (changes, "max"), 3);
  cr_assert_str_eq (json_object_get_string_member (json_object_get_object_member (changes, "max_at"), "date"),
                    "2026-01-05");
  JsonObject *cov = json_object_get_object_member (root, "deficit_coverage");
  assert_members (cov, (const char *const[]) { "share", "covered", "opportunities", "gaps", "missed", NULL });
  cr_assert_eq (json_object_get_int_member (cov, "covered"), 1);
  cr_assert_eq (json_object_get_int_member (cov, "opportunities"), 3);
  cr_assert_eq (json_object_get_int_member (json_object_get_object_member (cov, "missed"), "hip.flexion"), 2);
  JsonObject *reasons = json_object_get_object_member (root, "reasons");
  cr_assert_eq (json_object_get_int_member (reasons, "plain"), 5);
  JsonArray *thresholds = json_object_get_array_member (root, "thresholds");
  cr_assert_eq (json_array_get_length (thresholds), 1);
  JsonObject *t = json_array_get_object_element (thresholds, 0);
  assert_members (t, (const char *const[]) { "figure", "label", "bound", "limit", "value", "passed", NULL });
  cr_assert_str_eq (json_object_get_string_member (t, "figure"), "reasons");
  cr_assert_str_eq (json_object_get_string_member (t, "bound"), "at-least");
  cr_assert_not (json_object_get_boolean_member (t, "passed"));
  cr_assert_not (json_object_get_boolean_member (root, "passed"));
}

LIMBER_TEST (audit, text_report_is_aligned_and_names_where_extremes_were)
{
  g_autoptr (LimberRuleset) rs = audit_rules ();
  g_autoptr (LimberPlan) plan = known_plan (rs);
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  limber_audit_add_plan (a, plan);
  g_autofree char *text = limber_audit_to_text (a);
  cr_assert (g_str_has_prefix (text, "Audit of rule set audit 0.1.0 over 1 profile (0 referrals)\n"
                                     "1 plan, 3 sessions (0 empty), 8 items\n"), "%s", text);
  cr_assert (strstr (text, "\n  median                     0.950\n") != NULL, "%s", text);
  cr_assert (strstr (text, "\n  under 85%                  33.3%\n") != NULL, "%s", text);
  cr_assert (strstr (text, "\n  min                        0.400  (profile 1, 2026-01-08)\n") != NULL, "%s", text);
  cr_assert (strstr (text, "\n  max                        3  (profile 1, 2026-01-05)\n") != NULL, "%s", text);
  cr_assert (strstr (text, "\n  missed                     hip.flexion 2\n") != NULL, "%s", text);
  cr_assert (strstr (text, "\n  plain language             62.5%  (5 of 8 items in plain words)\n") != NULL, "%s",
             text);
  cr_assert_null (strstr (text, "thresholds"), "none were set");
}

LIMBER_TEST (audit, a_population_is_deterministic_and_adds_up)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  g_autoptr (LimberAudit) b = limber_audit_new (rs);
  g_autoptr (GError) error = NULL;
  cr_assert (limber_audit_add_population (a, 60, 5, NULL, &error), "%s", error ? error->message : "");
  cr_assert (limber_audit_add_population (b, 60, 5, "2026-01-05", &error), "%s", error ? error->message : "");
  g_autofree char *ja = limber_audit_to_json (a, FALSE), *jb = limber_audit_to_json (b, FALSE);
  cr_assert_str_eq (ja, jb);
  cr_assert_float_eq (FIGURE (a, PROFILES), 60, 1e-9);
  cr_assert_float_eq (FIGURE (a, PLANS) + FIGURE (a, REFERRALS), 60, 1e-9);
  cr_assert_gt (FIGURE (a, PLANS), 30);
  cr_assert_gt (FIGURE (a, SESSIONS), FIGURE (a, PLANS) - 1);
  cr_assert_geq (FIGURE (a, ITEMS), FIGURE (a, SESSIONS) - FIGURE (a, EMPTY_SESSIONS));
  for (LimberAuditFigure f = LIMBER_AUDIT_FILL_UNDER_85; f <= LIMBER_AUDIT_FILL_OUTSIDE_90_110; f++)
    cr_assert (limber_audit_get_figure (a, f) >= 0 && limber_audit_get_figure (a, f) <= 1);
  cr_assert_leq (FIGURE (a, FILL_MIN), FIGURE (a, FILL_MEDIAN));
  cr_assert_leq (FIGURE (a, FILL_MEDIAN), FIGURE (a, FILL_MAX));
  cr_assert_leq (FIGURE (a, CORE_MAX), FIGURE (a, DISTINCT_MAX));
  cr_assert_leq (FIGURE (a, CHANGES_MEDIAN), FIGURE (a, CHANGES_MAX));
  /* another seed, another population */
  g_autoptr (LimberAudit) c = limber_audit_new (rs);
  cr_assert (limber_audit_add_population (c, 60, 6, NULL, NULL));
  g_autofree char *jc = limber_audit_to_json (c, FALSE);
  cr_assert_str_neq (ja, jc);
  cr_assert_not (limber_audit_add_population (c, 0, 1, NULL, &error));
  cr_assert_eq (error->code, LIMBER_ERROR_OPTIONS);
  g_clear_error (&error);
  cr_assert_not (limber_audit_add_population (c, 5, 1, "2026-02-30", &error));
  cr_assert_eq (error->code, LIMBER_ERROR_OPTIONS);
}

LIMBER_TEST (audit, a_population_measures_the_same_on_any_number_of_threads)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *one = NULL;
  /* 700 profiles: past a thread's block, and not a multiple of one; the
   * profiles the report names (extremes) must not move either */
  for (unsigned threads = 1; threads <= 4; threads++)
    {
      g_autoptr (LimberAudit) a = limber_audit_new (rs);
      limber_audit_set_threads (a, threads);
      g_autoptr (GError) error = NULL;
      cr_assert (limber_audit_add_population (a, 700, 11, NULL, &error), "%s", error ? error->message : "");
      g_autofree char *json = limber_audit_to_json (a, FALSE);
      if (one == NULL)
        one = g_steal_pointer (&json);
      else
        cr_assert_str_eq (json, one, "%u threads measure what one thread measures", threads);
    }
}

LIMBER_TEST (audit, a_population_profile_is_the_one_the_reports_name)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberAudit) whole = limber_audit_new (rs);
  g_autoptr (LimberAudit) one_by_one = limber_audit_new (rs);
  g_autoptr (GError) error = NULL;
  cr_assert (limber_audit_add_population (whole, 15, 9, "2026-03-02", &error), "%s", error ? error->message : "");
  g_autoptr (LimberOptions) o = limber_options_new ();
  cr_assert (limber_options_set_start (o, "2026-03-02", NULL));
  for (unsigned i = 0; i < 15; i++)
    {
      g_autoptr (LimberProfile) p = limber_audit_population_profile (rs, 9, "2026-03-02", i, &error);
      cr_assert_not_null (p, "%s", error ? error->message : "");
      limber_options_set_seed (o, 9 + i);
      cr_assert (limber_audit_add_profile (one_by_one, p, o, &error), "%s", error ? error->message : "");
    }
  g_autofree char *a = limber_audit_to_json (whole, FALSE), *b = limber_audit_to_json (one_by_one, FALSE);
  cr_assert_str_eq (a, b);
  cr_assert_null (limber_audit_population_profile (rs, 9, NULL, 1000000, &error));
  cr_assert_eq (error->code, LIMBER_ERROR_OPTIONS);
  g_clear_error (&error);
  cr_assert_null (limber_audit_population_profile (rs, 9, "yesterday", 0, &error));
  cr_assert_eq (error->code, LIMBER_ERROR_OPTIONS);
}

LIMBER_TEST (audit, a_profile_is_planned_and_measured)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *path = g_strdup_printf ("%s/examples/profiles/stiff-back.json", LIMBER_SOURCE_DIR);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) o = limber_options_new ();
  cr_assert (limber_options_set_start (o, "2026-01-05", NULL));
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  cr_assert (limber_audit_add_profile (a, p, o, &error), "%s", error ? error->message : "");
  cr_assert_float_eq (FIGURE (a, PLANS), 1, 1e-9);
  /* the same as measuring the plan itself */
  g_autoptr (LimberPlan) plan = limber_generate (rs, p, o, NULL);
  g_autoptr (LimberAudit) b = limber_audit_new (rs);
  cr_assert (limber_audit_add_plan (b, plan));
  g_autofree char *ja = limber_audit_to_json (a, FALSE), *jb = limber_audit_to_json (b, FALSE);
  cr_assert_str_eq (ja, jb);
  cr_assert_float_eq (FIGURE (a, SESSIONS), limber_profile_get_days_per_week (p), 1e-9);
}

static int
run (const char *const *args, char **out, char **err)
{
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  return limber_test_run_cli (args, NULL, out, err);
}

LIMBER_TEST (audit, the_cli_exits_1_naming_each_failed_threshold_and_2_on_usage_errors)
{
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (run ((const char *[]) { "audit", "--population", "20", "--seed", "3", NULL }, &out, &err), 0, "%s",
                err);
  cr_assert (g_str_has_prefix (out, "Audit of rule set default "), "%s", out);
  cr_assert (strstr (out, "over 20 profiles") != NULL, "%s", out);
  cr_assert_eq (run ((const char *[]) { "audit", "--population", "20", "--max-changes", "0", "--max-fill", "0.01",
                                        "--min-reasons", "0", NULL }, &out, &err), 1);
  cr_assert (strstr (err, "limber audit: threshold failed: --max-fill: the greatest fill is ") != NULL, "%s", err);
  cr_assert (strstr (err, "expected at most 0.01\n") != NULL, "%s", err);
  cr_assert_null (strstr (err, "--min-reasons"), "a threshold that holds is not named: %s", err);
  cr_assert (strstr (out, "\n  ok   --min-reasons ") != NULL, "%s", out);
  cr_assert_eq (run ((const char *[]) { "audit", "--population", "20", "--format", "json", "--min-coverage", "0",
                                        NULL }, &out, &err), 0, "%s", err);
  cr_assert (strstr (out, "\"profiles\": 20,") != NULL && strstr (out, "\"passed\": true\n}\n") != NULL, "%s", out);
  g_autofree char *profile = g_strdup_printf ("%s/examples/profiles/stiff-back.json", LIMBER_SOURCE_DIR);
  g_autofree char *dir = g_dir_make_tmp ("limber-audit-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "audit.json", NULL);
  cr_assert_eq (run ((const char *[]) { "audit", "-f", "json", "-o", file, profile, profile, NULL }, &out, &err), 0,
                "%s", err);
  g_autofree char *written = NULL;
  cr_assert (g_file_get_contents (file, &written, NULL, NULL));
  cr_assert (strstr (written, "\"profiles\": 2,") != NULL, "%s", written);
  g_unlink (file);
  g_rmdir (dir);
  const char *const *usage[] = {
    (const char *[]) { "audit", NULL },
    (const char *[]) { "audit", "--population", "5", profile, NULL },
    (const char *[]) { "audit", "--population", "0", NULL },
    (const char *[]) { "audit", "--population", "5", "--format", "xml", NULL },
    (const char *[]) { "audit", "--population", "5", "--min-coverage", "1.5", NULL },
    (const char *[]) { "audit", "--population", "5", "--max-changes", "many", NULL },
    (const char *[]) { "audit", "--population", "5", "--start", "2026-13-01", NULL },
    (const char *[]) { "audit", "--population", "5", "--no-such-option", NULL },
  };
  for (unsigned i = 0; i < G_N_ELEMENTS (usage); i++)
    cr_assert_eq (run (usage[i], &out, &err), 2, "case %u: %s", i, err);
  cr_assert (strstr (err, "--no-such-option") != NULL, "%s", err);
  /* a profile that cannot be read is a hole in the figures */
  cr_assert_eq (run ((const char *[]) { "audit", profile, "/no/such/profile.json", NULL }, &out, &err), 1);
  cr_assert (strstr (err, "/no/such/profile.json") != NULL, "%s", err);
  /* --show K: the profile the report names, and its plan */
  cr_assert_eq (run ((const char *[]) { "audit", "--population", "20", "--seed", "3", "--show", "4", NULL }, &out,
                     &err), 0, "%s", err);
  cr_assert (g_str_has_prefix (out, "Profile 4 of the population of seed 3 (plan seed 6):\n{\n"), "%s", out);
  cr_assert_eq (run ((const char *[]) { "audit", "--population", "20", "--show", "21", NULL }, &out, &err), 2);
  cr_assert_eq (run ((const char *[]) { "audit", "--show", "1", profile, NULL }, &out, &err), 2);
  cr_assert_eq (run ((const char *[]) { "audit", "--help", NULL }, &out, &err), 0);
  cr_assert (strstr (out, "--max-variant-pairs") != NULL && strstr (out, "--population") != NULL, "%s", out);
}

static void
count_progress (unsigned done, unsigned total, gpointer data)
{
  unsigned *last = data;
  cr_assert_gt (done, *last);
  cr_assert_eq (total, 600);
  *last = done;
}

LIMBER_TEST (audit, a_population_run_tells_its_progress)
{
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (NULL);
  g_autoptr (LimberAudit) a = limber_audit_new (rs);
  unsigned last = 0;
  limber_audit_set_progress (a, count_progress, &last);
  cr_assert (limber_audit_add_population (a, 600, 1, NULL, NULL));
  cr_assert_eq (last, 600);
}
