/* Specification of generation on the default rule set: screening first,
 * absolute exclusions, emphasis on the tighter side, the time budget, the
 * shape of the week, doses from the log, explanations, determinism and
 * sharing one rule set between threads. */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <limber.h>

#include "support.h"
#include "trace.h"

TestSuite (generate);

#define START "2026-11-23" /* a Monday */

static LimberPlan *
generate (const LimberRuleset *rs, const LimberProfile *p, guint64 seed, unsigned days)
{
  return limber_test_generate (rs, p, START, seed, days);
}

static gboolean
strv_has (const char *const *v, const char *s)
{
  return g_strv_contains (v, s);
}

/* Calls check on every item of every day. */
#define FOR_EACH_ITEM(plan, item)                                                            \
  for (unsigned _d = 0; _d < limber_plan_get_n_days (plan); _d++)                           \
    for (unsigned _i = 0; _i < limber_day_get_n_items (limber_plan_get_day (plan, _d)); _i++) \
      for (const LimberItem *item = limber_day_get_item (limber_plan_get_day (plan, _d), _i); item; item = NULL)

static unsigned
count_items (const LimberPlan *plan)
{
  unsigned n = 0;
  FOR_EACH_ITEM (plan, item)
  n++;
  return n;
}

/* The answer that triggers each red flag, read from describe's JSON the way
 * a tool would. */
static void
for_each_flag (const LimberRuleset *rs, void (*fn) (const LimberRuleset *, const char *, const char *, const char *, double))
{
  g_autofree char *json = limber_ruleset_to_json (rs, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL));
  JsonArray *questions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "questions");
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *q = json_array_get_object_element (questions, i);
      JsonArray *flags = json_object_get_array_member (q, "red_flags");
      for (guint k = 0; k < json_array_get_length (flags); k++)
        {
          JsonObject *f = json_array_get_object_element (flags, k);
          JsonNode *trigger = json_object_get_member (f, "trigger");
          const char *is = JSON_NODE_HOLDS_VALUE (trigger) ? json_node_get_string (trigger) : NULL;
          double at_least = JSON_NODE_HOLDS_OBJECT (trigger)
                              ? json_object_get_double_member (json_node_get_object (trigger), "at_least")
                              : 0;
          fn (rs, json_object_get_string_member (q, "id"), json_object_get_string_member (f, "outcome"), is, at_least);
        }
    }
}

static void
answer (LimberProfile *p, const LimberRuleset *rs, const char *question, const char *is, double at_least)
{
  const LimberQuestion *q = limber_ruleset_lookup_question (rs, question);
  switch (limber_question_get_kind (q))
    {
    case LIMBER_QUESTION_YES_NO: limber_profile_set_answer_bool (p, question, g_strcmp0 (is, "yes") == 0); break;
    case LIMBER_QUESTION_CHOICE: limber_profile_set_answer_choice (p, question, is); break;
    case LIMBER_QUESTION_SCALE: limber_profile_set_answer_number (p, question, at_least); break;
    }
}

static void
expect_referral (const LimberRuleset *rs, const char *question, const char *outcome, const char *is, double at_least)
{
  if (strcmp (outcome, "caution") == 0)
    return;
  g_autoptr (LimberProfile) p = limber_profile_new ();
  /* everything else about this person asks for a full program */
  limber_profile_set_goal (p, LIMBER_GOAL_PERFORMANCE);
  limber_profile_set_measure (p, "hip.internal-rotation", 20, 40);
  answer (p, rs, question, is, at_least);
  g_autoptr (LimberPlan) plan = generate (rs, p, 1, 7);
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_REFERRAL, "%s did not refer", question);
  LimberOutcome expected = strcmp (outcome, "emergency") == 0 ? LIMBER_OUTCOME_EMERGENCY : LIMBER_OUTCOME_SEE_CLINICIAN;
  cr_assert_eq (limber_plan_get_outcome (plan), expected, "%s: wrong outcome", question);
  cr_assert_eq (count_items (plan), 0, "%s: a referral with exercises", question);
  cr_assert_not_null (limber_plan_get_referral_message (plan));
  cr_assert_gt (strlen (limber_plan_get_referral_message (plan)), 20);
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  cr_assert (strstr (json, "\"status\":\"referral\"") != NULL, "%s", json);
}

LIMBER_TEST (generate, every_emergency_and_see_clinician_flag_refers_with_no_exercises)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for_each_flag (rs, expect_referral);
}

LIMBER_TEST (generate, an_emergency_outranks_a_see_clinician_flag)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "cancer-history", TRUE);
  limber_profile_set_answer_bool (p, "bladder-bowel-change", TRUE);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0, 7);
  cr_assert_eq (limber_plan_get_outcome (plan), LIMBER_OUTCOME_EMERGENCY);
}

LIMBER_TEST (generate, a_no_answer_to_a_red_flag_question_changes_nothing)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "bladder-bowel-change", FALSE);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0, 7);
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_OK);
  cr_assert_gt (count_items (plan), 0);
}

LIMBER_TEST (generate, sciatica_caution_removes_every_rotation_and_advises)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (guint64 seed = 0; seed < 10; seed++)
    {
      g_autoptr (LimberProfile) p = limber_profile_new ();
      limber_profile_set_answer_bool (p, "leg-pain-radiating", TRUE);
      g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
      cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_OK);
      cr_assert_eq (limber_plan_get_outcome (plan), LIMBER_OUTCOME_CAUTION);
      cr_assert_gt (count_items (plan), 0);
      FOR_EACH_ITEM (plan, item)
      {
        const LimberExercise *e = limber_item_get_exercise (item);
        cr_assert_not (strv_has (limber_exercise_get_tags (e), "rotation"), "%s under sciatica",
                       limber_exercise_get_id (e));
      }
      cr_assert_gt (limber_plan_get_n_advisories (plan), 1);
    }
}

LIMBER_TEST (generate, no_floor_work_means_no_floor_or_kneeling_exercise)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (int goal = 0; goal < 3; goal++)
    {
      g_autoptr (LimberProfile) p = limber_profile_new ();
      limber_profile_set_goal (p, (LimberGoal) goal);
      limber_profile_set_no_floor (p, TRUE);
      g_autoptr (LimberPlan) plan = generate (rs, p, 3, 7);
      cr_assert_gt (count_items (plan), 0, "goal %d: an empty plan without the floor", goal);
      FOR_EACH_ITEM (plan, item)
      {
        LimberPosition pos = limber_exercise_get_position (limber_item_get_exercise (item));
        cr_assert (pos != LIMBER_POSITION_FLOOR && pos != LIMBER_POSITION_KNEELING, "%s",
                   limber_exercise_get_id (limber_item_get_exercise (item)));
      }
    }
}

LIMBER_TEST (generate, missing_equipment_and_avoided_regions_are_absolute)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_equipment (p, (const char *const[]) { NULL });
  limber_profile_add_avoid_region (p, "shoulder");
  for (guint64 seed = 0; seed < 5; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
      FOR_EACH_ITEM (plan, item)
      {
        const LimberExercise *e = limber_item_get_exercise (item);
        cr_assert_null (limber_exercise_get_equipment (e)[0], "%s needs equipment", limber_exercise_get_id (e));
        cr_assert_not (strv_has (limber_exercise_get_regions (e), "shoulder"), "%s", limber_exercise_get_id (e));
      }
    }
}

static void
expect_emphasis (double left, double right, LimberSide expected)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  limber_profile_set_minutes_per_day (p, 25);
  limber_profile_set_measure (p, "hip.internal-rotation", left, right);
  g_autoptr (LimberPlan) plan = generate (rs, p, 7, 7);
  unsigned emphasised = 0;
  FOR_EACH_ITEM (plan, item)
  {
    if (limber_item_get_emphasis_side (item) == LIMBER_SIDE_NONE)
      continue;
    emphasised++;
    cr_assert_eq (limber_item_get_emphasis_side (item), expected);
    cr_assert_geq (limber_item_get_emphasis_extra_sets (item), 1);
    cr_assert (limber_exercise_get_per_side (limber_item_get_exercise (item)));
  }
  cr_assert_gt (emphasised, 0, "no item emphasised the tighter side");
}

LIMBER_TEST (generate, the_tighter_right_hip_gets_the_extra_sets)
{
  expect_emphasis (40, 25, LIMBER_SIDE_RIGHT);
}

LIMBER_TEST (generate, the_tighter_left_hip_gets_the_extra_sets)
{
  expect_emphasis (25, 40, LIMBER_SIDE_LEFT);
}

LIMBER_TEST (generate, a_small_difference_is_not_an_asymmetry)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_measure (p, "hip.internal-rotation", 33, 36);
  g_autoptr (LimberPlan) plan = generate (rs, p, 7, 7);
  FOR_EACH_ITEM (plan, item)
  cr_assert_eq (limber_item_get_emphasis_side (item), LIMBER_SIDE_NONE);
}

/* The sentence next to an item says "An extra set on your right" only
 * when the item has one: a rule that emphasises speaks for the exercises
 * it gave extra sets, not for a two-sided one it only weighed, nor for one
 * where an opposite asymmetry cancelled the emphasis. */
static void
expect_no_false_extra_sets (const LimberPlan *plan)
{
  FOR_EACH_ITEM (plan, item)
  {
    const char *said = limber_item_get_explanation (item);
    if (limber_test_says_extra_set (said))
      cr_assert_gt (limber_item_get_emphasis_extra_sets (item), 0, "%s says \"%s\" without an extra set",
                    limber_exercise_get_id (limber_item_get_exercise (item)), said);
  }
}

LIMBER_TEST (generate, opposite_asymmetries_cancel_the_extra_set_and_its_sentence)
{
  /* hip turning inwards tighter on the left, outwards tighter on the right:
   * the seated hip rotation (no floor work) works both, so neither side
   * gets more, and its sentence must not say one does */
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  limber_profile_set_no_floor (p, TRUE);
  limber_profile_set_measure (p, "hip.internal-rotation", 25, 40);
  limber_profile_set_measure (p, "hip.external-rotation", 40, 25);
  gboolean cancelled = FALSE;
  for (guint64 seed = 0; seed < 8; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
      expect_no_false_extra_sets (plan);
      FOR_EACH_ITEM (plan, item)
      cancelled |= g_str_equal (limber_exercise_get_id (limber_item_get_exercise (item)), "seated-hip-rotation")
                   && limber_item_get_emphasis_side (item) == LIMBER_SIDE_NONE;
    }
  cr_assert (cancelled, "no plan held the seated hip rotation without emphasis");
}

LIMBER_TEST (generate, no_sentence_promises_an_extra_set_the_item_lacks)
{
  /* asymmetries of every measure, one side or the other, over goals and
   * seeds: two-sided exercises the asymmetry rules weigh say something else */
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  static const char *const sided[] = { "hip.internal-rotation", "hip.external-rotation", "hip.flexion",
                                       "hip.extension", "hamstring.slr", "shoulder.flexion", "ankle.dorsiflexion" };
  for (guint k = 0; k < 96; k++)
    {
      g_autoptr (LimberProfile) p = limber_profile_new ();
      limber_profile_set_goal (p, (LimberGoal) (k % 3));
      limber_profile_set_no_floor (p, (k / 3) % 2);
      for (guint m = 0; m < G_N_ELEMENTS (sided); m++)
        if (((k / 6) >> (m % 4)) & 1 || m < 2)
          {
            const LimberMeasure *measure = limber_ruleset_lookup_measure (rs, sided[m]);
            double normal = limber_measure_get_normal (measure);
            double tight = normal * 0.6, loose = normal * 0.9;
            if ((k / 6 + m) % 2)
              limber_profile_set_measure (p, sided[m], tight, loose);
            else
              limber_profile_set_measure (p, sided[m], loose, tight);
          }
      g_autoptr (LimberPlan) plan = generate (rs, p, k, 7);
      expect_no_false_extra_sets (plan);
    }
}

LIMBER_TEST (generate, no_training_day_runs_more_than_ten_percent_over)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const double minutes[] = { 5, 8, 10, 12, 15, 20, 30, 45 };
  for (guint m = 0; m < G_N_ELEMENTS (minutes); m++)
    for (int goal = 0; goal < 3; goal++)
      for (guint64 seed = 0; seed < 4; seed++)
        {
          g_autoptr (LimberProfile) p = limber_profile_new ();
          limber_profile_set_goal (p, (LimberGoal) goal);
          limber_profile_set_minutes_per_day (p, minutes[m]);
          limber_profile_set_measure (p, "hamstring.slr", 50, 70);
          g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
          for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
            {
              const LimberDay *day = limber_plan_get_day (plan, d);
              double seconds = 0;
              for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
                seconds += limber_item_get_seconds (limber_day_get_item (day, i));
              cr_assert_leq (seconds, minutes[m] * 60 * 1.10 + 1e-6, "%g min, goal %d: day %u takes %g s", minutes[m],
                             goal, d, seconds);
              cr_assert_float_eq (limber_day_get_minutes (day), round (seconds / 6.0) / 10.0, 1e-9);
              /* short budgets are filled; long ones may stop at the slots' item caps */
              if (!limber_day_get_rest (day) && minutes[m] >= 8 && minutes[m] <= 12)
                cr_assert_geq (seconds, minutes[m] * 60 * 0.6, "%g min, goal %d: day %u only %g s", minutes[m], goal, d,
                               seconds);
              /* the default templates allow about a dozen a day per 15 minutes */
              cr_assert_leq (limber_day_get_n_items (day), 13 * MAX (1.0, minutes[m] / 15) + 2,
                             "%g min: more items than the template's caps allow", minutes[m]);
            }
        }
}

LIMBER_TEST (generate, training_days_are_spread_and_rest_days_marked)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (unsigned n = 1; n <= 7; n++)
    {
      g_autoptr (LimberProfile) p = limber_profile_new ();
      limber_profile_set_days_per_week (p, n);
      g_autoptr (LimberPlan) plan = generate (rs, p, 0, 14);
      unsigned training = 0, run = 0, longest = 0;
      for (unsigned d = 0; d < 14; d++)
        {
          const LimberDay *day = limber_plan_get_day (plan, d);
          if (limber_day_get_rest (day))
            {
              cr_assert_eq (limber_day_get_n_items (day), 0);
              run = 0;
              continue;
            }
          cr_assert_gt (limber_day_get_n_items (day), 0);
          training++;
          run++;
          longest = MAX (longest, run);
        }
      cr_assert_eq (training, 2 * n, "%u days a week gave %u training days in 14", n, training);
      cr_assert (!limber_day_get_rest (limber_plan_get_day (plan, 0)), "the plan starts with rest");
      /* as evenly as a repeating week allows: 3 days never back to back,
       * 4 never three in a row; 5 days a week cannot avoid one run of three */
      unsigned rest = 7 - n;
      unsigned best = rest == 0 ? 14 : (n + rest - 1) / rest;
      cr_assert_leq (longest, best, "%u days a week: %u in a row, expected at most %u", n, longest, best);
      if (n == 3)
        cr_assert_eq (longest, 1);
    }
  /* and the dates run on from the start */
  g_autoptr (LimberProfile) p = limber_profile_new ();
  g_autoptr (LimberPlan) plan = generate (rs, p, 0, 7);
  cr_assert_str_eq (limber_day_get_date (limber_plan_get_day (plan, 0)), "2026-11-23");
  cr_assert_str_eq (limber_day_get_date (limber_plan_get_day (plan, 6)), "2026-11-29");
}

LIMBER_TEST (generate, required_exercises_are_on_every_training_day)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "forward-bend-painful", TRUE);
  g_autoptr (LimberPlan) plan = generate (rs, p, 5, 7);
  for (unsigned d = 0; d < 7; d++)
    {
      const LimberDay *day = limber_plan_get_day (plan, d);
      if (limber_day_get_rest (day))
        continue;
      gboolean found = FALSE;
      for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
        found |= strcmp (limber_exercise_get_id (limber_item_get_exercise (limber_day_get_item (day, i))),
                         "standing-back-extension") == 0;
      cr_assert (found, "day %u lacks the required standing back extension", d);
    }
}

LIMBER_TEST (generate, every_item_explains_itself)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_measure (p, "hip.flexion", 90, 100);
  g_autoptr (LimberPlan) plan = generate (rs, p, 2, 7);
  unsigned by_goal = 0;
  FOR_EACH_ITEM (plan, item)
  {
    gboolean ladder = FALSE;
    for (unsigned r = 0; r < limber_item_get_n_reasons (item); r++)
      {
        const char *effect = NULL;
        const char *rule = limber_item_get_reason (item, r, &effect);
        cr_assert_not_null (rule);
        cr_assert_not_null (effect);
        ladder |= strcmp (rule, "ladder") == 0;
        by_goal += strcmp (rule, "goal-recovery") == 0;
      }
    cr_assert (ladder, "%s does not explain its dose", limber_exercise_get_id (limber_item_get_exercise (item)));
  }
  cr_assert_gt (by_goal, 0, "no item says the recovery goal raised its weight");
  cr_assert_null (limber_item_get_reason (limber_day_get_item (limber_plan_get_day (plan, 0), 0), 999, NULL));
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  cr_assert (strstr (json, limber_ruleset_get_sha256 (rs)) != NULL);
  cr_assert (strstr (json, "\"deficit-hip-flexion\"") != NULL, "the fired deficit rule is not named");
}

LIMBER_TEST (generate, from_65_holds_last_at_least_30_seconds)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_age (p, 70);
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  g_autoptr (LimberPlan) plan = generate (rs, p, 4, 7);
  unsigned stretches = 0;
  FOR_EACH_ITEM (plan, item)
  {
    LimberDose d;
    limber_item_get_dose (item, &d);
    if (strv_has (limber_exercise_get_tags (limber_item_get_exercise (item)), "static-stretch") && d.hold_s > 0)
      {
        stretches++;
        cr_assert_geq (d.hold_s, 30, "%s held %g s", limber_exercise_get_id (limber_item_get_exercise (item)), d.hold_s);
      }
  }
  cr_assert_gt (stretches, 0);
}

static void
log_sessions (LimberProfile *p, const LimberExercise *e, unsigned step, const char *const *dates, double discomfort,
              double next_day)
{
  LimberDose d;
  cr_assert (limber_exercise_get_step (e, step, &d));
  for (const char *const *date = dates; *date; date++)
    {
      LimberSession s = { *date, limber_exercise_get_id (e), TRUE, d.sets, d.reps, d.hold_s, d.duration_s, discomfort,
                          next_day };
      limber_profile_add_session (p, &s);
    }
}

static unsigned
step_of (const LimberPlan *plan, const char *exercise)
{
  FOR_EACH_ITEM (plan, item)
  if (strcmp (limber_exercise_get_id (limber_item_get_exercise (item)), exercise) == 0)
    return limber_item_get_step (item);
  return 0;
}

/* pelvic tilts on every training day, so its step can be read from the plan */
static LimberProfile *
tilts_profile (const LimberRuleset *rs, double discomfort, double next_day, const char *const *dates)
{
  LimberProfile *p = limber_profile_new ();
  limber_profile_set_minutes_per_day (p, 30);
  log_sessions (p, limber_ruleset_lookup_exercise (rs, "pelvic-tilts"), 0, dates, discomfort, next_day);
  return p;
}

/* The step progression gave pelvic tilts (a long day may give a planned
 * item a fuller dose on top: its step in the plan is at least this one). */
static unsigned
tilts_step (const LimberRuleset *rs, const LimberProfile *p)
{
  GDate start;
  g_date_clear (&start, 1);
  cr_assert (limber_parse_date (START, &start));
  g_autoptr (GError) error = NULL;
  LimberTrace *trace = limber_trace_new (rs, p, &start, &error);
  cr_assert_not_null (trace, "%s", error ? error->message : "");
  unsigned step = limber_trace_choice (trace, "pelvic-tilts")->step;
  limber_trace_free (trace);
  for (guint64 seed = 0; seed < 50; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
      unsigned planned = step_of (plan, "pelvic-tilts");
      if (planned > 0)
        {
          cr_assert_geq (planned, step);
          return step;
        }
    }
  cr_assert_fail ("pelvic tilts never chosen");
  return 0;
}

LIMBER_TEST (generate, three_easy_sessions_advance_one_step)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { "2026-11-17", "2026-11-19", "2026-11-21", NULL };
  g_autoptr (LimberProfile) p = tilts_profile (rs, 1, 1, dates);
  cr_assert_eq (tilts_step (rs, p), 2);
}

LIMBER_TEST (generate, acceptable_but_not_safe_discomfort_holds_the_step)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { "2026-11-17", "2026-11-19", "2026-11-21", NULL };
  g_autoptr (LimberProfile) p = tilts_profile (rs, 4, 3, dates);
  cr_assert_eq (tilts_step (rs, p), 1);
}

LIMBER_TEST (generate, no_history_starts_at_the_first_step)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { NULL };
  g_autoptr (LimberProfile) p = tilts_profile (rs, 0, 0, dates);
  cr_assert_eq (tilts_step (rs, p), 1);
}

static char *
plan_json (const LimberRuleset *rs, const LimberProfile *p, guint64 seed)
{
  g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
  return limber_plan_to_json (plan, TRUE);
}

static LimberProfile *
rich_profile (void)
{
  LimberProfile *p = limber_profile_new ();
  limber_profile_set_age (p, 52);
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  limber_profile_set_measure (p, "hip.internal-rotation", 22, 38);
  limber_profile_set_measure (p, "hamstring.slr", 55, 60);
  limber_profile_set_answer_bool (p, "leg-pain-radiating", TRUE);
  return p;
}

LIMBER_TEST (generate, same_inputs_and_seed_give_byte_identical_plans)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = rich_profile ();
  g_autofree char *a = plan_json (rs, p, 42);
  g_autofree char *b = plan_json (rs, p, 42);
  cr_assert_str_eq (a, b);
  /* a different seed draws a different week */
  gboolean differs = FALSE;
  for (guint64 seed = 43; seed < 48 && !differs; seed++)
    {
      g_autofree char *c = plan_json (rs, p, seed);
      differs = strcmp (a, c) != 0;
    }
  cr_assert (differs, "the seed changes nothing");
}

typedef struct {
  const LimberRuleset *rs;
  const LimberProfile *profile;
  char *json[8];
} Shared;

static gpointer
worker (gpointer data)
{
  Shared *s = data;
  for (guint64 seed = 0; seed < 8; seed++)
    {
      g_autoptr (LimberOptions) o = limber_options_new ();
      limber_options_set_start (o, START, NULL);
      limber_options_set_seed (o, seed);
      g_autoptr (LimberPlan) plan = limber_generate (s->rs, s->profile, o, NULL);
      s->json[seed] = limber_plan_to_json (plan, FALSE);
    }
  return NULL;
}

LIMBER_TEST (generate, threads_sharing_one_rule_set_get_the_same_plans)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = rich_profile ();
  Shared shared[4] = { 0 };
  GThread *threads[4];
  for (int t = 0; t < 4; t++)
    {
      shared[t] = (Shared) { rs, p, { 0 } };
      threads[t] = g_thread_new ("generate", worker, &shared[t]);
    }
  for (int t = 0; t < 4; t++)
    g_thread_join (threads[t]);
  for (guint64 seed = 0; seed < 8; seed++)
    {
      g_autofree char *alone = plan_json (rs, p, seed);
      g_autoptr (JsonNode) expected = json_from_string (alone, NULL);
      for (int t = 0; t < 4; t++)
        {
          g_autoptr (JsonNode) got = json_from_string (shared[t].json[seed], NULL);
          cr_assert (json_node_equal (expected, got), "thread %d, seed %" G_GUINT64_FORMAT " differs", t, seed);
        }
    }
  for (int t = 0; t < 4; t++)
    for (int k = 0; k < 8; k++)
      g_free (shared[t].json[k]);
}

LIMBER_TEST (generate, an_invalid_profile_is_refused_with_the_field)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "no-such-question", TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberPlan) plan = limber_generate (rs, p, NULL, &error);
  cr_assert_null (plan);
  cr_assert_eq (error->code, LIMBER_ERROR_PROFILE);
  cr_assert (strstr (error->message, "no-such-question") != NULL, "%s", error->message);
}

LIMBER_TEST (generate, bad_options_are_refused)
{
  g_autoptr (LimberOptions) o = limber_options_new ();
  g_autoptr (GError) error = NULL;
  cr_assert_not (limber_options_set_start (o, "2026-02-30", &error));
  cr_assert_eq (error->code, LIMBER_ERROR_OPTIONS);
  cr_assert (strstr (error->message, "YYYY-MM-DD") != NULL);
  g_clear_error (&error);
  cr_assert_not (limber_options_set_days (o, 0, &error));
  cr_assert (strstr (error->message, "expected 1 to 28") != NULL, "%s", error->message);
}

static const char *const startback[] = { "startback-leg-pain", "startback-shoulder-neck", "startback-walk-short",
                                         "startback-dress-slowly", "startback-not-safe", "startback-worrying",
                                         "startback-terrible", "startback-not-enjoyed" };

/* The STarT Back category for `physical` agreed items among 1-4 and `distress`
 * among 5-8, item 9 answered `bother`; NULL bother leaves item 9 unanswered. */
static char *
startback_category (unsigned physical, unsigned distress, const char *bother)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  for (unsigned i = 0; i < 4; i++)
    limber_profile_set_answer_bool (p, startback[i], i < physical);
  for (unsigned i = 0; i < 4; i++)
    limber_profile_set_answer_bool (p, startback[4 + i], i < distress);
  if (bother)
    limber_profile_set_answer_choice (p, "startback-bothersome", bother);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0, 7);
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonNode) root = json_from_string (json, NULL);
  JsonObject *s = json_object_get_object_member (
    json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "facts"), "scores"),
    "startback");
  return json_object_get_null_member (s, "category") ? NULL : g_strdup (json_object_get_string_member (s, "category"));
}

LIMBER_TEST (generate, start_back_categories_hold_at_their_boundaries)
{
  struct { unsigned physical, distress; const char *bother, *expected; } cases[] = {
    { 0, 0, "not-at-all", "low" },     /* total 0 */
    { 3, 0, "moderately", "low" },     /* total 3: still low */
    { 4, 0, "slightly", "medium" },    /* total 4, distress 0 */
    { 1, 3, "moderately", "medium" },  /* total 4, distress 3 */
    { 0, 3, "very-much", "high" },     /* distress 4 (item 9 counts) with total 4 */
    { 0, 4, "not-at-all", "high" },    /* distress 4 */
    { 4, 3, "moderately", "medium" },  /* total 7, distress 3: medium, not high */
    { 0, 3, "extremely", "high" },     /* 'extremely' scores like 'very much' */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = startback_category (cases[i].physical, cases[i].distress, cases[i].bother);
      cr_assert_str_eq (got ? got : "(none)", cases[i].expected, "case %u", i);
    }
  /* an unanswered item leaves the category open rather than guessing */
  g_autofree char *partial = startback_category (4, 4, NULL);
  cr_assert_null (partial);
}

/* ---- issue 11: populations, unscreened and impossible profiles ---------------- */

static const char *const stopping_questions[] = {
  "bladder-bowel-change", "saddle-numbness", "sexual-function-change", "leg-weakness-progressive",
  "fever-with-back-pain", "trauma-fall", "night-pain", "new-leg-numbness-one-side", "limits-daily-tasks-2-weeks",
  "no-improvement-6-weeks", "pain-progressively-worse", "cancer-history", "unexplained-weight-loss",
  "osteoporosis-steroids-trauma",
};

LIMBER_TEST (generate, an_unscreened_profile_gets_a_plan_that_says_so)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "bladder-bowel-change", FALSE);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0, 7);
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_OK);
  cr_assert_not (limber_plan_get_screening_complete (plan));
  /* every stopping question but the one answered, pain-today (a scale) too; no caution question */
  cr_assert_eq (limber_plan_get_n_unanswered (plan), G_N_ELEMENTS (stopping_questions) - 1 + 1);
  gboolean saw_pain = FALSE;
  for (unsigned i = 0; i < limber_plan_get_n_unanswered (plan); i++)
    {
      const char *q = limber_plan_get_unanswered (plan, i);
      cr_assert_str_neq (q, "bladder-bowel-change");
      cr_assert_str_neq (q, "pregnant");
      cr_assert_str_neq (q, "leg-pain-radiating");
      saw_pain |= g_str_equal (q, "pain-today");
    }
  cr_assert (saw_pain);
  cr_assert_null (limber_plan_get_unanswered (plan, 99));
  cr_assert (g_str_has_prefix (limber_plan_get_advisory (plan, 0), "Safety screening is incomplete"),
             "%s", limber_plan_get_advisory (plan, 0));
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  cr_assert (strstr (json, "\"screening\":{\"complete\":false,\"unanswered\":[\"saddle-numbness\",") != NULL, "%s",
             json);

  /* answered in full, screening is complete and nothing is said */
  for (gsize i = 0; i < G_N_ELEMENTS (stopping_questions); i++)
    limber_profile_set_answer_bool (p, stopping_questions[i], FALSE);
  limber_profile_set_answer_number (p, "pain-today", 2);
  g_autoptr (LimberPlan) screened = generate (rs, p, 0, 7);
  cr_assert (limber_plan_get_screening_complete (screened));
  cr_assert_eq (limber_plan_get_n_unanswered (screened), 0);
  for (unsigned i = 0; i < limber_plan_get_n_advisories (screened); i++)
    cr_assert_null (strstr (limber_plan_get_advisory (screened, i), "screening"));
  g_autofree char *json2 = limber_plan_to_json (screened, FALSE);
  cr_assert (strstr (json2, "\"screening\":{\"complete\":true,\"unanswered\":[]}") != NULL, "%s", json2);
}

LIMBER_TEST (generate, strict_screening_refuses_to_plan_but_never_hides_a_referral)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "night-pain", FALSE);
  g_autoptr (LimberOptions) o = limber_options_new ();
  cr_assert (limber_options_set_start (o, START, NULL));
  limber_options_set_require_screening (o, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberPlan) refused = limber_generate (rs, p, o, &error);
  cr_assert_null (refused);
  cr_assert_eq (error->code, LIMBER_ERROR_PROFILE);
  cr_assert (strstr (error->message, "screening is incomplete") != NULL, "%s", error->message);
  cr_assert (strstr (error->message, "trauma-fall") != NULL, "%s", error->message);
  cr_assert_null (strstr (error->message, "night-pain"), "%s", error->message);

  /* an emergency among the answers given is returned all the same */
  limber_profile_set_answer_bool (p, "saddle-numbness", TRUE);
  g_autoptr (GError) e2 = NULL;
  g_autoptr (LimberPlan) referral = limber_generate (rs, p, o, &e2);
  cr_assert_not_null (referral, "%s", e2 ? e2->message : "");
  cr_assert_eq (limber_plan_get_status (referral), LIMBER_PLAN_REFERRAL);

  /* fully screened, strict mode plans as usual */
  limber_profile_set_answer_bool (p, "saddle-numbness", FALSE);
  for (gsize i = 0; i < G_N_ELEMENTS (stopping_questions); i++)
    limber_profile_set_answer_bool (p, stopping_questions[i], FALSE);
  limber_profile_set_answer_number (p, "pain-today", 1);
  g_autoptr (GError) e3 = NULL;
  g_autoptr (LimberPlan) plan = limber_generate (rs, p, o, &e3);
  cr_assert_not_null (plan, "%s", e3 ? e3->message : "");
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_OK);
}

LIMBER_TEST (generate, constraints_that_leave_nothing_give_a_plan_that_says_so)
{
  static const char *const regions[] = { "lumbar", "thoracic", "cervical", "hip", "hamstring", "glute", "quadriceps",
                                         "calf", "ankle", "shoulder", "chest", "core", "knee", "wrist" };
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_no_floor (p, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (regions); i++)
    limber_profile_add_avoid_region (p, regions[i]);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0, 7);
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_NO_EXERCISES);
  cr_assert_eq (limber_plan_get_outcome (plan), LIMBER_OUTCOME_NONE);
  cr_assert_null (limber_plan_get_referral_message (plan));
  const char *message = limber_plan_get_no_exercises_message (plan);
  cr_assert_not_null (message);
  cr_assert (strstr (message, "no exercise") != NULL, "%s", message);
  cr_assert_eq (count_items (plan), 0);
  for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
    cr_assert (limber_day_get_rest (limber_plan_get_day (plan, d)));
  /* no safety text about exercises there are none of */
  for (unsigned i = 0; i < limber_plan_get_n_advisories (plan); i++)
    cr_assert_null (strstr (limber_plan_get_advisory (plan, i), "Stretch to mild tension"));
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  cr_assert (strstr (json, "\"status\":\"no-exercises\"") != NULL, "%s", json);
  cr_assert (strstr (json, "\"no_exercises\":{\"reason\":\"excluded\",\"message\":") != NULL, "%s", json);
  /* an ok plan says nothing of it */
  g_autoptr (LimberProfile) fine = limber_profile_new ();
  g_autoptr (LimberPlan) ok = generate (rs, fine, 0, 7);
  cr_assert_null (limber_plan_get_no_exercises_message (ok));
  g_autofree char *ok_json = limber_plan_to_json (ok, FALSE);
  cr_assert (strstr (ok_json, "\"no_exercises\":null") != NULL);
}

LIMBER_TEST (generate, fewer_than_five_minutes_a_day_are_refused)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_minutes_per_day (p, 4);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberPlan) plan = limber_generate (rs, p, NULL, &error);
  cr_assert_null (plan);
  cr_assert_eq (error->code, LIMBER_ERROR_PROFILE);
  cr_assert (strstr (error->message, "minutes_per_day: 4 is out of range; expected a number of minutes from 5 to 180")
               != NULL, "%s", error->message);
  limber_profile_set_minutes_per_day (p, 5);
  g_autoptr (LimberPlan) five = generate (rs, p, 0, 7);
  cr_assert_eq (limber_plan_get_status (five), LIMBER_PLAN_OK);
  cr_assert_gt (count_items (five), 0);
}

LIMBER_TEST (generate, from_65_every_stretch_accumulates_about_a_minute)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_age (p, 72);
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  for (guint64 seed = 0; seed < 4; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed, 7);
      unsigned stretches = 0;
      FOR_EACH_ITEM (plan, item)
      {
        LimberDose d;
        limber_item_get_dose (item, &d);
        if (!strv_has (limber_exercise_get_tags (limber_item_get_exercise (item)), "static-stretch") || d.hold_s <= 0)
          continue;
        stretches++;
        cr_assert_geq (d.reps * d.sets * d.hold_s, 60, "%s: %u x %u x %g s",
                       limber_exercise_get_id (limber_item_get_exercise (item)), d.sets, d.reps, d.hold_s);
      }
      cr_assert_gt (stretches, 0);
    }
}

static gboolean
any_item_tagged (const LimberPlan *plan, const char *tag)
{
  FOR_EACH_ITEM (plan, item)
  if (strv_has (limber_exercise_get_tags (limber_item_get_exercise (item)), tag))
    return TRUE;
  return FALSE;
}

LIMBER_TEST (generate, cautions_for_thin_bones_and_late_pregnancy_hold_on_every_seed)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (guint64 seed = 0; seed < 6; seed++)
    {
      g_autoptr (LimberProfile) bones = limber_profile_new ();
      limber_profile_set_answer_bool (bones, "osteoporosis", TRUE);
      g_autoptr (LimberPlan) a = generate (rs, bones, seed, 7);
      cr_assert_eq (limber_plan_get_status (a), LIMBER_PLAN_OK);
      cr_assert_gt (count_items (a), 0);
      cr_assert_not (any_item_tagged (a, "flexion"), "seed %" G_GUINT64_FORMAT, seed);
      cr_assert_not (any_item_tagged (a, "rotation"), "seed %" G_GUINT64_FORMAT, seed);
      cr_assert_not (any_item_tagged (a, "advanced"), "seed %" G_GUINT64_FORMAT, seed);

      g_autoptr (LimberProfile) late = limber_profile_new ();
      limber_profile_set_answer_bool (late, "pregnant", TRUE);
      limber_profile_set_answer_bool (late, "pregnant-past-16-weeks", TRUE);
      g_autoptr (LimberPlan) b = generate (rs, late, seed, 7);
      cr_assert_eq (limber_plan_get_status (b), LIMBER_PLAN_OK);
      cr_assert_gt (count_items (b), 0);
      cr_assert_not (any_item_tagged (b, "supine"), "seed %" G_GUINT64_FORMAT, seed);
      cr_assert_not (any_item_tagged (b, "prone"), "seed %" G_GUINT64_FORMAT, seed);
      FOR_EACH_ITEM (b, item)
      {
        const char *id = limber_exercise_get_id (limber_item_get_exercise (item));
        cr_assert_str_neq (id, "corpse-pose");
        cr_assert_str_neq (id, "legs-up-the-wall");
      }
    }
}

/* Everything the plan's JSON says of the person and the rules is reachable
 * through the API too: the same values, read both ways. */
LIMBER_TEST (generate, the_plan_s_facts_and_rules_are_reachable_through_the_api)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "examples", "profiles", "athlete-tight-left-hip.json", NULL);
  g_autoptr (LimberProfile) profile = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (profile, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_start (options, "2026-11-23", NULL));
  g_autoptr (LimberPlan) plan = limber_generate (rs, profile, options, &error);
  cr_assert_not_null (plan);
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  cr_assert_str_eq (limber_plan_get_start (plan), json_object_get_string_member (root, "start"));
  cr_assert_eq (limber_plan_get_goal (plan), limber_profile_get_goal (profile));
  cr_assert_eq (limber_plan_get_ruleset (plan), rs);

  JsonArray *fired = json_object_get_array_member (root, "rules_fired");
  cr_assert_eq (limber_plan_get_n_rules_fired (plan), json_array_get_length (fired));
  cr_assert_gt (limber_plan_get_n_rules_fired (plan), 0);
  for (guint i = 0; i < json_array_get_length (fired); i++)
    cr_assert_str_eq (limber_plan_get_rule_fired (plan, i), json_array_get_string_element (fired, i));
  cr_assert_null (limber_plan_get_rule_fired (plan, limber_plan_get_n_rules_fired (plan)));
  cr_assert_eq (limber_plan_get_n_referral_flags (plan), 0);

  JsonObject *facts = json_object_get_object_member (root, "facts");
  JsonArray *deficits = json_object_get_array_member (facts, "deficits");
  cr_assert_eq (limber_plan_get_n_deficits (plan), json_array_get_length (deficits));
  for (guint i = 0; i < json_array_get_length (deficits); i++)
    {
      JsonObject *d = json_array_get_object_element (deficits, i);
      double left, right, dl, dr;
      cr_assert_str_eq (limber_plan_get_deficit (plan, i, &left, &right, &dl, &dr),
                        json_object_get_string_member (d, "measure"));
      cr_assert_float_eq (dl, json_object_get_double_member (d, "deficit_left"), 1e-9);
      cr_assert_float_eq (dr, json_object_get_double_member (d, "deficit_right"), 1e-9);
    }
  JsonArray *asym = json_object_get_array_member (facts, "asymmetries");
  cr_assert_gt (json_array_get_length (asym), 0, "the example has a tight left hip");
  cr_assert_eq (limber_plan_get_n_asymmetries (plan), json_array_get_length (asym));
  double difference;
  LimberSide tighter;
  JsonObject *a0 = json_array_get_object_element (asym, 0);
  cr_assert_str_eq (limber_plan_get_asymmetry (plan, 0, &difference, &tighter),
                    json_object_get_string_member (a0, "measure"));
  cr_assert_float_eq (difference, json_object_get_double_member (a0, "difference"), 1e-9);
  cr_assert_eq (tighter, LIMBER_SIDE_LEFT);
  cr_assert_null (limber_plan_get_asymmetry (plan, 99, &difference, &tighter));
  cr_assert_eq (tighter, LIMBER_SIDE_NONE);

  JsonObject *scores = json_object_get_object_member (facts, "scores");
  cr_assert_eq (limber_plan_get_n_scores (plan), json_object_get_size (scores));
  double total;
  gboolean complete;
  const char *category;
  const char *score = limber_plan_get_score (plan, 0, &total, &complete, &category);
  JsonObject *s0 = json_object_get_object_member (scores, score);
  cr_assert_not_null (s0);
  cr_assert_float_eq (total, json_object_get_double_member (s0, "total"), 1e-9);
  cr_assert_eq (complete, json_object_get_boolean_member (s0, "complete"));

  /* each item's previous step is the one its JSON gives (null: never
   * logged), for a person with a log (the stiff-back example) */
  g_autofree char *logged_path = g_build_filename (LIMBER_SOURCE_DIR, "examples", "profiles", "stiff-back.json", NULL);
  g_autoptr (LimberProfile) with_log = limber_profile_new_from_file (rs, logged_path, &error);
  cr_assert_not_null (with_log, "%s", error ? error->message : "");
  g_autoptr (LimberPlan) week = limber_generate (rs, with_log, options, &error);
  g_autofree char *week_json = limber_plan_to_json (week, FALSE);
  g_autoptr (JsonParser) week_parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (week_parser, week_json, -1, NULL));
  JsonArray *days = json_object_get_array_member (json_node_get_object (json_parser_get_root (week_parser)), "days");
  guint logged = 0;
  for (unsigned d = 0; d < limber_plan_get_n_days (week); d++)
    {
      const LimberDay *day = limber_plan_get_day (week, d);
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (days, d), "items");
      for (unsigned k = 0; k < limber_day_get_n_items (day); k++)
        {
          JsonObject *item = json_array_get_object_element (items, k);
          unsigned previous = limber_item_get_previous_step (limber_day_get_item (day, k));
          if (json_object_get_null_member (item, "previous_step"))
            cr_assert_eq (previous, 0);
          else
            cr_assert_eq (previous, json_object_get_int_member (item, "previous_step"));
          logged += previous > 0;
        }
    }
  cr_assert_gt (logged, 0, "the stiff-back example logs sessions: some item has a previous step");
}

LIMBER_TEST (generate, a_referral_names_its_flags_through_the_api)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "examples", "profiles", "emergency.json", NULL);
  g_autoptr (LimberProfile) profile = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (profile, "%s", error ? error->message : "");
  g_autoptr (LimberPlan) plan = limber_generate (rs, profile, NULL, &error);
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_REFERRAL);
  cr_assert_gt (limber_plan_get_n_referral_flags (plan), 0);
  cr_assert_not_null (limber_plan_get_referral_flag (plan, 0));
  cr_assert_null (limber_plan_get_referral_flag (plan, limber_plan_get_n_referral_flags (plan)));
  cr_assert_eq (limber_plan_get_n_rules_fired (plan), 0, "a referral stops before the rules");
}
