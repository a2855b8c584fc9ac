/* Specification of adaptation over weeks on the default rule set: the
 * progression policy read from logs, re-scans moving emphasis, the advisories
 * that a plateau or a growing asymmetry earn, and the simulator. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "support.h"

TestSuite (adapt);

#define START "2026-11-23"

static LimberProfile *
example (const LimberRuleset *rs, const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/examples/profiles/%s.json", LIMBER_SOURCE_DIR, name);
  g_autoptr (GError) error = NULL;
  LimberProfile *p = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  return p;
}

static LimberSimulation *
simulate (const LimberRuleset *rs, const LimberProfile *p, unsigned weeks, LimberResponse response, guint64 seed)
{
  g_autoptr (LimberOptions) o = limber_options_new ();
  cr_assert (limber_options_set_start (o, START, NULL));
  limber_options_set_seed (o, seed);
  g_autoptr (GError) error = NULL;
  LimberSimulation *sim = limber_simulate (rs, p, o, weeks, 1.0, response, &error);
  cr_assert_not_null (sim, "%s", error ? error->message : "");
  return sim;
}

static LimberPlan *
generate (const LimberRuleset *rs, const LimberProfile *p, guint64 seed)
{
  return limber_test_generate (rs, p, START, seed, 0);
}

#define FOR_EACH_ITEM(plan, item)                                                              \
  for (unsigned _d = 0; _d < limber_plan_get_n_days (plan); _d++)                             \
    for (unsigned _i = 0; _i < limber_day_get_n_items (limber_plan_get_day (plan, _d)); _i++) \
      for (const LimberItem *item = limber_day_get_item (limber_plan_get_day (plan, _d), _i); item; item = NULL)

static gboolean
has_advisory (const LimberPlan *plan, const char *fragment)
{
  for (unsigned i = 0; i < limber_plan_get_n_advisories (plan); i++)
    if (strstr (limber_plan_get_advisory (plan, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

static const char *
reason_of (const LimberItem *item, const char *rule)
{
  for (unsigned r = 0; r < limber_item_get_n_reasons (item); r++)
    {
      const char *effect = NULL;
      if (strcmp (limber_item_get_reason (item, r, &effect), rule) == 0)
        return effect;
    }
  return NULL;
}

LIMBER_TEST (adapt, steady_painless_progress_advances_at_most_one_step_a_week)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberSimulation) sim = simulate (rs, p, 8, LIMBER_RESPONSE_IMPROVING, 3);
  cr_assert_eq (limber_simulation_get_n_weeks (sim), 8);
  unsigned advanced = 0;
  for (unsigned w = 0; w < 8; w++)
    {
      const LimberPlan *plan = limber_simulation_get_plan (sim, w);
      FOR_EACH_ITEM (plan, item)
      {
        /* previous_step is where the log left the exercise; never more than one above */
        unsigned before = 0;
        const char *why = reason_of (item, "progression");
        if (why && sscanf (why, "step %u", &before) == 1 && limber_item_get_step (item) > before)
          {
            cr_assert_eq (limber_item_get_step (item), before + 1, "week %u: %s", w + 1, why);
            advanced++;
          }
      }
    }
  cr_assert_gt (advanced, 0, "eight painless weeks advanced nothing");
}

LIMBER_TEST (adapt, a_flare_up_regresses_in_the_next_plan)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  /* weeks 1-2 fine, week 3 hurts: week 4's plan must step back */
  g_autoptr (LimberSimulation) sim = simulate (rs, p, 4, LIMBER_RESPONSE_FLARE_UP, 3);
  const LimberPlan *week4 = limber_simulation_get_plan (sim, 3);
  unsigned down = 0, up = 0;
  FOR_EACH_ITEM (week4, item)
  {
    const char *why = reason_of (item, "progression");
    if (why == NULL)
      continue;
    if (strstr (why, "too much") || strstr (why, "worse the next morning") || strstr (why, "replaces"))
      down++;
    if (strstr (why, "sessions completed, discomfort"))
      up++;
  }
  cr_assert_gt (down, 0, "no exercise stepped back after a flare-up");
  cr_assert_eq (up, 0, "an exercise advanced during a flare-up");
  cr_assert (has_advisory (week4, "more than your back should take"), "no advisory about the flare-up");
}

static LimberProfile *
logged (const LimberRuleset *rs, const char *exercise, unsigned step, const char *const *dates, double discomfort,
        double next_day)
{
  LimberProfile *p = limber_profile_new ();
  limber_profile_set_minutes_per_day (p, 30);
  const LimberExercise *e = limber_ruleset_lookup_exercise (rs, exercise);
  LimberDose d;
  cr_assert (limber_exercise_get_step (e, step - 1, &d));
  for (const char *const *date = dates; *date; date++)
    {
      LimberSession s = { *date, exercise, TRUE, d.sets, d.reps, d.hold_s, d.duration_s, discomfort, next_day };
      limber_profile_add_session (p, &s);
    }
  return p;
}

/* The item for an exercise in any of a few seeds' plans. */
static unsigned
find_step (const LimberRuleset *rs, const LimberProfile *p, const char *exercise, char **why)
{
  for (guint64 seed = 0; seed < 40; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed);
      FOR_EACH_ITEM (plan, item)
      if (strcmp (limber_exercise_get_id (limber_item_get_exercise (item)), exercise) == 0)
        {
          if (why)
            *why = g_strdup (reason_of (item, "progression"));
          return limber_item_get_step (item);
        }
    }
  return 0;
}

LIMBER_TEST (adapt, a_break_restarts_lower)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { "2026-10-20", "2026-10-22", "2026-10-24", NULL };
  g_autoptr (LimberProfile) p = logged (rs, "pelvic-tilts", 3, dates, 1, 0);
  g_autofree char *why = NULL;
  unsigned step = find_step (rs, p, "pelvic-tilts", &why);
  cr_assert_gt (step, 0);
  cr_assert_lt (step, 3, "after a month off pelvic tilts stayed at step %u", step);
  cr_assert (why && strstr (why, "days since the last session"), "%s", why ? why : "(no reason)");
  g_autoptr (LimberPlan) plan = generate (rs, p, 0);
  cr_assert (has_advisory (plan, "Welcome back"));
}

LIMBER_TEST (adapt, worse_the_next_morning_steps_back)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { "2026-11-18", "2026-11-20", "2026-11-22", NULL };
  g_autoptr (LimberProfile) p = logged (rs, "pelvic-tilts", 3, dates, 2, 4);
  g_autofree char *why = NULL;
  cr_assert_eq (find_step (rs, p, "pelvic-tilts", &why), 2, "%s", why ? why : "");
  cr_assert (strstr (why, "step 3 \u2192 2: worse the next morning"), "%s", why);
}

LIMBER_TEST (adapt, too_much_at_the_first_step_swaps_for_the_easier_variant)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { "2026-11-20", "2026-11-22", NULL };
  g_autoptr (LimberProfile) p = logged (rs, "windshield-wipers", 1, dates, 7, 7);
  for (guint64 seed = 0; seed < 10; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed);
      FOR_EACH_ITEM (plan, item)
      cr_assert_str_neq (limber_exercise_get_id (limber_item_get_exercise (item)), "windshield-wipers");
    }
  g_autofree char *why = NULL;
  cr_assert_gt (find_step (rs, p, "pelvic-tilts", &why), 0);
  cr_assert (why && strstr (why, "replaces Windshield Wipers"), "%s", why ? why : "(no reason)");
}

/* Extra sets on the tighter hip for a first scan of 20/40 and the given re-scan. */
static unsigned
hip_extra_sets (const LimberRuleset *rs, double left_now, LimberSide *side)
{
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  limber_profile_set_minutes_per_day (p, 30);
  limber_profile_set_measure (p, "hip.internal-rotation", 20, 40);
  if (left_now > 0)
    limber_profile_add_rescan (p, "2026-11-20", "hip.internal-rotation", left_now, 40);
  unsigned most = 0;
  *side = LIMBER_SIDE_NONE;
  for (guint64 seed = 0; seed < 5; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed);
      FOR_EACH_ITEM (plan, item)
      if (limber_item_get_emphasis_extra_sets (item) > most)
        {
          most = limber_item_get_emphasis_extra_sets (item);
          *side = limber_item_get_emphasis_side (item);
        }
    }
  return most;
}

LIMBER_TEST (adapt, a_shrinking_asymmetry_loses_emphasis_and_a_resolved_one_loses_it_all)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  LimberSide side;
  cr_assert_eq (hip_extra_sets (rs, 0, &side), 2, "a 20 degree difference");
  cr_assert_eq (side, LIMBER_SIDE_LEFT);
  cr_assert_eq (hip_extra_sets (rs, 28, &side), 1, "shrunk to 12 degrees");
  cr_assert_eq (side, LIMBER_SIDE_LEFT);
  cr_assert_eq (hip_extra_sets (rs, 36, &side), 0, "resolved to 4 degrees");
}

/* No improvement after six weeks of home care is a reason to be assessed:
 * a plateau whose re-scans show it refers the person, and the program stops
 * there; an improving one never does. */
LIMBER_TEST (adapt, six_weeks_without_improvement_refer_to_a_clinician)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberSimulation) plateau = simulate (rs, p, 10, LIMBER_RESPONSE_PLATEAU, 1);
  unsigned n = limber_simulation_get_n_weeks (plateau);
  cr_assert_lt (n, 10, "a ten-week plateau without a referral");
  /* the example had a week of practice before the simulation began */
  cr_assert_geq (n, 6, "referred before six weeks of practice");
  const LimberPlan *last = limber_simulation_get_plan (plateau, n - 1);
  cr_assert_eq (limber_plan_get_status (last), LIMBER_PLAN_REFERRAL);
  cr_assert_eq (limber_plan_get_outcome (last), LIMBER_OUTCOME_SEE_CLINICIAN);
  g_autofree char *json = limber_plan_to_json (last, FALSE);
  cr_assert (strstr (json, "\"no-improvement-on-plan\"") != NULL, "%s", json);
  g_autoptr (LimberSimulation) better = simulate (rs, p, 10, LIMBER_RESPONSE_IMPROVING, 1);
  cr_assert_eq (limber_simulation_get_n_weeks (better), 10);
  for (unsigned w = 0; w < 10; w++)
    cr_assert_eq (limber_plan_get_status (limber_simulation_get_plan (better, w)), LIMBER_PLAN_OK, "week %u", w + 1);
}

LIMBER_TEST (adapt, an_asymmetry_growing_over_two_weeks_of_practice_is_flagged)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "athlete-tight-left-hip");
  g_autoptr (LimberSimulation) sim = simulate (rs, p, 6, LIMBER_RESPONSE_FLARE_UP, 2);
  gboolean flagged = FALSE;
  for (unsigned w = 0; w < limber_simulation_get_n_weeks (sim); w++)
    flagged |= has_advisory (limber_simulation_get_plan (sim, w), "difference between your left and right side has grown");
  cr_assert (flagged);
  g_autoptr (LimberSimulation) fine = simulate (rs, p, 6, LIMBER_RESPONSE_IMPROVING, 2);
  for (unsigned w = 0; w < limber_simulation_get_n_weeks (fine); w++)
    cr_assert_not (has_advisory (limber_simulation_get_plan (fine, w), "has grown"));
}

/* The pain-monitoring model: discomfort above 5/10 must settle once the load
 * is reduced.  The simulated flare-up keeps it at 6-8 from week 3 whatever
 * the plan does, so two weeks after the first reduced plan the person is
 * sent to a clinician, and the program stops there. */
LIMBER_TEST (adapt, a_flare_up_that_does_not_settle_for_two_weeks_refers)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberSimulation) sim = simulate (rs, p, 8, LIMBER_RESPONSE_FLARE_UP, 1);
  unsigned n = limber_simulation_get_n_weeks (sim);
  cr_assert_lt (n, 8, "the flare-up ran all 8 weeks without a referral");
  const LimberPlan *last = limber_simulation_get_plan (sim, n - 1);
  cr_assert_eq (limber_plan_get_status (last), LIMBER_PLAN_REFERRAL);
  cr_assert_eq (limber_plan_get_outcome (last), LIMBER_OUTCOME_SEE_CLINICIAN);
  cr_assert (strstr (limber_plan_get_referral_message (last), "stayed above 5 out of 10 for two weeks") != NULL);
  g_autofree char *json = limber_plan_to_json (last, FALSE);
  cr_assert (strstr (json, "\"discomfort-not-settling\"") != NULL, "%s", json);
  /* not before two weeks of reduced load: the weeks before still plan, and
   * the first reduced week is no referral */
  cr_assert_geq (n, 5);
  for (unsigned w = 0; w + 1 < n; w++)
    cr_assert_eq (limber_plan_get_status (limber_simulation_get_plan (sim, w)), LIMBER_PLAN_OK, "week %u", w + 1);
  /* and no "good outlook" is said next to a flare-up */
  for (unsigned w = 0; w + 1 < n; w++)
    if (has_advisory (limber_simulation_get_plan (sim, w), "more than your back should take"))
      cr_assert_not (has_advisory (limber_simulation_get_plan (sim, w), "good outlook"), "week %u", w + 1);
  /* an improving response never gets there */
  g_autoptr (LimberSimulation) fine = simulate (rs, p, 8, LIMBER_RESPONSE_IMPROVING, 1);
  cr_assert_eq (limber_simulation_get_n_weeks (fine), 8);
}

LIMBER_TEST (adapt, the_simulator_is_deterministic_for_a_seed)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberOptions) o = limber_options_new ();
  limber_options_set_start (o, START, NULL);
  limber_options_set_seed (o, 5);
  g_autoptr (LimberSimulation) a = limber_simulate (rs, p, o, 6, 0.7, LIMBER_RESPONSE_IMPROVING, NULL);
  g_autoptr (LimberSimulation) b = limber_simulate (rs, p, o, 6, 0.7, LIMBER_RESPONSE_IMPROVING, NULL);
  g_autofree char *ja = limber_simulation_to_json (a, FALSE);
  g_autofree char *jb = limber_simulation_to_json (b, FALSE);
  cr_assert_str_eq (ja, jb);
  g_autofree char *ca = limber_simulation_to_csv (a);
  g_autofree char *cb = limber_simulation_to_csv (b);
  cr_assert_str_eq (ca, cb);
  limber_options_set_seed (o, 6);
  g_autoptr (LimberSimulation) c = limber_simulate (rs, p, o, 6, 0.7, LIMBER_RESPONSE_IMPROVING, NULL);
  g_autofree char *jc = limber_simulation_to_json (c, FALSE);
  cr_assert_str_neq (ja, jc);
  /* the input profile is left alone */
  cr_assert_eq (limber_profile_get_n_sessions (p), 3);
  cr_assert_gt (limber_profile_get_n_sessions (limber_simulation_get_profile (a)), 3);
}

LIMBER_TEST (adapt, simulator_arguments_are_checked)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  g_autoptr (GError) e1 = NULL, e2 = NULL;
  cr_assert_null (limber_simulate (rs, p, NULL, 0, 1, LIMBER_RESPONSE_PLATEAU, &e1));
  cr_assert (strstr (e1->message, "expected 1 to 52"), "%s", e1->message);
  cr_assert_null (limber_simulate (rs, p, NULL, 4, 1.5, LIMBER_RESPONSE_PLATEAU, &e2));
  cr_assert (strstr (e2->message, "expected 0 to 1"), "%s", e2->message);
  LimberResponse r;
  cr_assert (limber_response_from_string ("flare-up", &r));
  cr_assert_eq (r, LIMBER_RESPONSE_FLARE_UP);
  cr_assert_not (limber_response_from_string ("flare", &r));
}

LIMBER_TEST (adapt, plan_json_shows_the_previous_and_new_step)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *dates[] = { "2026-11-17", "2026-11-19", "2026-11-21", NULL };
  g_autoptr (LimberProfile) p = logged (rs, "pelvic-tilts", 1, dates, 1, 0);
  for (guint64 seed = 0; seed < 40; seed++)
    {
      g_autoptr (LimberPlan) plan = generate (rs, p, seed);
      g_autofree char *json = limber_plan_to_json (plan, FALSE);
      if (strstr (json, "\"exercise\":\"pelvic-tilts\"") == NULL)
        continue;
      /* a fuller dose may fill a long day on top of step 2 */
      cr_assert (strstr (json, "\"step\":2,\"previous_step\":1") != NULL
                 || strstr (json, "\"step\":3,\"previous_step\":1") != NULL, "%s", json);
      cr_assert (strstr (json, "step 1 \u2192 2: 3 sessions completed, discomfort \u2264 1") != NULL, "%s", json);
      return;
    }
  cr_assert_fail ("pelvic tilts never planned");
}
