/* Specification of the session composer (engine/core/schedule.c) on the default
 * rule set: a learnable core done every training day with a few rotating
 * accessories, targeted at the measures the rules aim at, in a flowing
 * order, without redundancy, filling the minutes, with reasons in plain
 * words. */
#include <math.h>
#include <string.h>

#include <limber.h>

#include "plan-private.h"
#include "population.h"
#include "ruleset-private.h"
#include "support.h"

TestSuite (compose);

#define START "2026-11-23" /* a Monday */

static LimberPlan *
generate (const LimberRuleset *rs, const LimberProfile *p, guint64 seed)
{
  return limber_test_generate (rs, p, START, seed, 0);
}

static const char *
id_of (const LimberItem *item)
{
  return limber_exercise_get_id (limber_item_get_exercise (item));
}

static int
level_of (const LimberItem *item)
{
  LimberPosture p = limber_exercise_get_posture (limber_item_get_exercise (item));
  return p == LIMBER_POSTURE_STANDING ? 0 : p == LIMBER_POSTURE_SEATED ? 1 : 2;
}

static unsigned
position_changes (const LimberDay *day)
{
  unsigned changes = 0;
  for (unsigned i = 1; i < limber_day_get_n_items (day); i++)
    changes += level_of (limber_day_get_item (day, i)) != level_of (limber_day_get_item (day, i - 1));
  return changes;
}

static double
day_seconds (const LimberDay *day)
{
  double seconds = 0;
  for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
    seconds += limber_item_get_seconds (limber_day_get_item (day, i));
  return seconds;
}

static gboolean
day_has (const LimberDay *day, const char *id)
{
  for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
    if (strcmp (id_of (limber_day_get_item (day, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
day_has_target (const LimberDay *day, const char *measure)
{
  for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
    if (limber_exercise_has_target (limber_item_get_exercise (limber_day_get_item (day, i)), measure, TRUE))
      return TRUE;
  return FALSE;
}

static LimberProfile *
stiff_back (const LimberRuleset *rs)
{
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "examples", "profiles", "stiff-back.json", NULL);
  g_autoptr (GError) error = NULL;
  LimberProfile *p = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  return p;
}

static const char *const classic[] = {
  "hip-circles", "windshield-wipers", "knee-to-chest", "reclining-single-leg-stretch", "pelvic-tilts",
  "cat-cow",     "childs-pose",       "legs-up-the-wall", "corpse-pose",
};

LIMBER_TEST (compose, the_stiff_back_week_is_the_articles_routine_in_its_order)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = stiff_back (rs);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0);
  g_autoptr (GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  unsigned classic_everyday = 0;
  for (guint c = 0; c < G_N_ELEMENTS (classic); c++)
    {
      gboolean every = TRUE;
      for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
        if (!limber_day_get_rest (limber_plan_get_day (plan, d)))
          every &= day_has (limber_plan_get_day (plan, d), classic[c]);
      classic_everyday += every;
    }
  cr_assert_geq (classic_everyday, 7, "only %u of the nine classic moves every training day", classic_everyday);
  for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
    {
      const LimberDay *day = limber_plan_get_day (plan, d);
      if (limber_day_get_rest (day))
        continue;
      cr_assert_geq (limber_day_get_n_items (day), 5);
      int last = -1;
      for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
        {
          const char *id = id_of (limber_day_get_item (day, i));
          g_hash_table_add (distinct, (gpointer) id);
          for (int c = 0; c < (int) G_N_ELEMENTS (classic); c++)
            if (strcmp (classic[c], id) == 0)
              {
                cr_assert_gt (c, last, "day %u: %s out of the article's order", d, id);
                last = c;
              }
        }
    }
  cr_assert_leq (g_hash_table_size (distinct), 14, "%u distinct exercises in the week", g_hash_table_size (distinct));
}

LIMBER_TEST (compose, the_core_is_the_same_every_training_day_and_accessories_rotate)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = stiff_back (rs);
  g_autoptr (LimberPlan) plan = generate (rs, p, 3);
  g_autoptr (GPtrArray) core = NULL;
  unsigned accessories = 0;
  for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
    {
      const LimberDay *day = limber_plan_get_day (plan, d);
      if (limber_day_get_rest (day))
        continue;
      g_autoptr (GPtrArray) today = g_ptr_array_new ();
      for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
        {
          const LimberItem *item = limber_day_get_item (day, i);
          if (limber_item_get_role (item) == LIMBER_ITEM_CORE)
            g_ptr_array_add (today, (gpointer) id_of (item));
          else
            accessories++;
        }
      if (core == NULL)
        {
          core = g_steal_pointer (&today);
          continue;
        }
      cr_assert_eq (today->len, core->len, "day %u: a different core", d);
      for (guint k = 0; k < core->len; k++)
        cr_assert_str_eq (g_ptr_array_index (today, k), g_ptr_array_index (core, k), "day %u: the core in another order", d);
    }
  cr_assert_gt (accessories, 0, "no accessory at all");
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  cr_assert (strstr (json, "\"composition\":{\"routine\":true,\"core\":[\"hip-circles\"") != NULL, "%s", json);
}

LIMBER_TEST (compose, a_tight_hamstring_gets_a_hamstring_stretch_every_training_day)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (int goal = 0; goal < 3; goal++)
    for (guint64 seed = 0; seed < 3; seed++)
      {
        g_autoptr (LimberProfile) p = limber_profile_new ();
        limber_profile_set_goal (p, (LimberGoal) goal);
        limber_profile_set_measure (p, "hamstring.slr", 60, 62);
        g_autoptr (LimberPlan) plan = generate (rs, p, seed);
        for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
          {
            const LimberDay *day = limber_plan_get_day (plan, d);
            if (!limber_day_get_rest (day))
              cr_assert (day_has_target (day, "hamstring.slr"), "goal %d, day %u: no hamstring stretch", goal, d);
          }
        const char *covered = NULL;
        cr_assert_str_eq (limber_plan_get_focus (plan, 0, &covered), "hamstring.slr");
        cr_assert_not_null (covered);
      }
}

LIMBER_TEST (compose, a_hip_extension_asymmetry_gets_a_hip_flexor_stretch_on_the_tighter_side)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (int goal = 0; goal < 3; goal++)
    {
      g_autoptr (LimberProfile) p = limber_profile_new ();
      limber_profile_set_goal (p, (LimberGoal) goal);
      limber_profile_set_measure (p, "hip.extension", 15, 4);
      g_autoptr (LimberPlan) plan = generate (rs, p, 1);
      for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
        {
          const LimberDay *day = limber_plan_get_day (plan, d);
          if (limber_day_get_rest (day))
            continue;
          gboolean found = FALSE;
          for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
            {
              const LimberItem *item = limber_day_get_item (day, i);
              if (limber_exercise_has_target (limber_item_get_exercise (item), "hip.extension", TRUE)
                  && limber_item_get_emphasis_side (item) == LIMBER_SIDE_RIGHT)
                {
                  found = TRUE;
                  cr_assert (strstr (limber_item_get_explanation (item), "right") != NULL, "%s",
                             limber_item_get_explanation (item));
                  cr_assert (strstr (limber_item_get_explanation (item), "4\u00b0") != NULL, "%s",
                             limber_item_get_explanation (item));
                }
            }
          cr_assert (found, "goal %d, day %u: no hip-flexor stretch with the right side emphasised", goal, d);
        }
    }
}

/* Every session of a varied population, checked by `check`. */
static void
for_each_session (void (*check) (const LimberRuleset *, const LimberPlan *, const LimberDay *, gpointer), gpointer data,
                  unsigned n)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  LimberRandom random = { 20261201 };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 23, 11, 2026);
  for (unsigned k = 0; k < n; k++)
    {
      g_autoptr (LimberProfile) p = limber_population_profile (rs, &random, &start);
      g_autoptr (LimberPlan) plan = generate (rs, p, k);
      if (limber_plan_get_status (plan) != LIMBER_PLAN_OK)
        continue;
      for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
        if (!limber_day_get_rest (limber_plan_get_day (plan, d)))
          check (rs, plan, limber_plan_get_day (plan, d), data);
    }
}

static void
check_no_redundancy (const LimberRuleset *rs, const LimberPlan *plan, const LimberDay *day, gpointer data)
{
  (void) plan;
  (void) data;
  for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
    {
      const LimberExercise *a = limber_item_get_exercise (limber_day_get_item (day, i));
      for (unsigned k = 0; k < limber_day_get_n_items (day); k++)
        {
          const LimberExercise *b = limber_item_get_exercise (limber_day_get_item (day, k));
          if (a == b)
            {
              cr_assert_eq (i, k, "%s twice in one session", a->id);
              continue;
            }
          for (guint v = 0; v < a->variants->len; v++)
            {
              const LimberVariant *var = g_ptr_array_index (a->variants, v);
              cr_assert_not (var->kind == VARIANT_SEATED && g_ptr_array_index (rs->exercises, var->index) == b,
                             "%s beside its own seated variant %s", a->id, b->id);
            }
        }
      /* an extra set only ever lands on an exercise with sides */
      if (limber_item_get_emphasis_side (limber_day_get_item (day, i)) != LIMBER_SIDE_NONE)
        cr_assert (a->per_side, "%s has no sides but an extra set", a->id);
    }
}

LIMBER_TEST (compose, no_session_holds_an_exercise_and_its_own_variant)
{
  for_each_session (check_no_redundancy, NULL, 150);
}

typedef struct {
  GArray *changes;          /* unsigned per session */
  GArray *fill;             /* double per session */
  unsigned sessions, reasons, items;
} Figures;

static void
collect (const LimberRuleset *rs, const LimberPlan *plan, const LimberDay *day, gpointer data)
{
  Figures *f = data;
  unsigned changes = position_changes (day);
  double fill = day_seconds (day) / (plan->session_minutes * 60);
  g_array_append_val (f->changes, changes);
  g_array_append_val (f->fill, fill);
  f->sessions++;
  for (unsigned i = 0; i < limber_day_get_n_items (day); i++)
    {
      const char *why = limber_item_get_explanation (limber_day_get_item (day, i));
      f->items++;
      if (why == NULL || why[0] == '\0')
        continue;
      gboolean is_id = FALSE;
      for (guint r = 0; r < rs->rules->len; r++)
        is_id |= strstr (why, ((LimberRule *) g_ptr_array_index (rs->rules, r))->id) != NULL;
      f->reasons += !is_id;
    }
}

static gint
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  unsigned x = *(const unsigned *) a, y = *(const unsigned *) b;
  return x < y ? -1 : x > y;
}

LIMBER_TEST (compose, sessions_flow_fill_their_minutes_and_explain_every_item)
{
  Figures f = {
    .changes = g_array_new (FALSE, FALSE, sizeof (unsigned)),
    .fill = g_array_new (FALSE, FALSE, sizeof (double)),
  };
  for_each_session (collect, &f, 220);
  cr_assert_gt (f.sessions, 200);
  g_array_sort (f.changes, compare_uint);
  g_array_sort (f.fill, compare_double);
  unsigned median_changes = g_array_index (f.changes, unsigned, f.changes->len / 2);
  unsigned max_changes = g_array_index (f.changes, unsigned, f.changes->len - 1);
  double median_fill = g_array_index (f.fill, double, f.fill->len / 2);
  unsigned under = 0;
  for (guint k = 0; k < f.fill->len; k++)
    under += g_array_index (f.fill, double, k) < 0.85;
  cr_assert_leq (median_changes, 2, "median %u position changes", median_changes);
  cr_assert_leq (max_changes, 4, "%u position changes in one session", max_changes);
  cr_assert (median_fill >= 0.90 && median_fill <= 1.10, "median fill %.3f", median_fill);
  cr_assert_leq (under, f.sessions / 20, "%u of %u sessions under 85%%", under, f.sessions);
  cr_assert_leq (g_array_index (f.fill, double, f.fill->len - 1), 1.10 + 1e-9);
  cr_assert_eq (f.reasons, f.items, "%u of %u items without a plain-language reason", f.items - f.reasons, f.items);
  g_array_unref (f.changes);
  g_array_unref (f.fill);
}

LIMBER_TEST (compose, every_day_length_is_filled_and_short_days_get_three_moves)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const double minutes[] = { 5, 8, 10, 12, 15, 20, 30, 45 };
  for (guint m = 0; m < G_N_ELEMENTS (minutes); m++)
    for (int goal = 0; goal < 3; goal++)
      for (guint64 seed = 0; seed < 3; seed++)
        {
          g_autoptr (LimberProfile) p = limber_profile_new ();
          limber_profile_set_goal (p, (LimberGoal) goal);
          limber_profile_set_minutes_per_day (p, minutes[m]);
          g_autoptr (LimberPlan) plan = generate (rs, p, seed);
          for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
            {
              const LimberDay *day = limber_plan_get_day (plan, d);
              if (limber_day_get_rest (day))
                continue;
              double fill = day_seconds (day) / (minutes[m] * 60);
              cr_assert (fill >= 0.90 && fill <= 1.10, "%g min, goal %d, seed %d: day %u fills %.2f", minutes[m], goal,
                         (int) seed, d, fill);
              if (minutes[m] <= 5)
                cr_assert_leq (limber_day_get_n_items (day), 3, "a 5-minute day with %u moves",
                               limber_day_get_n_items (day));
              cr_assert_leq (position_changes (day), 4);
            }
        }
}

LIMBER_TEST (compose, a_measure_no_exercise_may_work_on_is_named_as_a_gap)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_measure (p, "hamstring.slr", 55, 55);
  limber_profile_add_avoid_region (p, "hamstring");
  g_autoptr (LimberPlan) plan = generate (rs, p, 0);
  const char *covered = "unset";
  cr_assert_str_eq (limber_plan_get_focus (plan, 0, &covered), "hamstring.slr");
  cr_assert_null (covered);
  gboolean said = FALSE;
  for (unsigned i = 0; i < limber_plan_get_n_advisories (plan); i++)
    said |= strstr (limber_plan_get_advisory (plan, i), "hamstrings") != NULL;
  cr_assert (said, "no advisory names the hamstrings");
}

/* A rule set of one exercise with two tags and one rule whose two weight
 * actions both match it. */
static const char rule_once[] =
  "<?xml version=\"1.0\"?>\n"
  "<ruleset id=\"once\" version=\"1\" schema-version=\"1\"><title>t</title><authors><author>a</author></authors>"
  "<sources><source id=\"s\">s</source></sources><goals><goal id=\"recovery\">r</goal></goals><measures/>"
  "<questions/><red-flags/><scores/><timing set-rest=\"10\" transition=\"10\" rep=\"3\"/>"
  "<progression advance-after=\"3\" safe-max=\"2\" acceptable-max=\"5\" max-steps-per-week=\"1\" break-days=\"14\" "
  "break-steps-back=\"1\" cite=\"s\"/><templates><template goal=\"recovery\"><slot id=\"m\" share=\"1\" tags=\"a\"/>"
  "</template></templates><exercises><exercise id=\"x\" position=\"standing\" level=\"1\" per-side=\"false\">"
  "<name>X</name><instructions><step>Do it.</step></instructions><regions>hip</regions><tags>a b</tags>"
  "<ladder><step reps=\"5\"/></ladder></exercise></exercises><rules precedence=\"exclude require weight\">"
  "<rule id=\"both\" cite=\"s\"><description>d</description><when><goal is=\"recovery\"/></when><then>"
  "<weight tag=\"a\" multiply=\"2\"/><weight tag=\"b\" multiply=\"3\"/></then></rule></rules></ruleset>\n";

LIMBER_TEST (compose, a_rule_multiplies_an_exercises_weight_once)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (rule_once, -1, "once.xml", &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autoptr (LimberProfile) p = limber_profile_new ();
  g_autoptr (LimberPlan) plan = generate (rs, p, 0);
  const LimberItem *item = limber_day_get_item (limber_plan_get_day (plan, 0), 0);
  unsigned multiplied = 0;
  for (unsigned r = 0; r < limber_item_get_n_reasons (item); r++)
    {
      const char *effect = NULL;
      if (strcmp (limber_item_get_reason (item, r, &effect), "both") == 0)
        {
          multiplied++;
          cr_assert_str_eq (effect, "weight x3");
        }
    }
  cr_assert_eq (multiplied, 1);
}

LIMBER_TEST (compose, text_plans_give_sentences_never_rule_ids)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = stiff_back (rs);
  limber_profile_set_measure (p, "hamstring.slr", 68, 80);
  g_autoptr (LimberPlan) plan = generate (rs, p, 0);
  g_autofree char *text = limber_plan_to_text (plan);
  for (guint r = 0; r < rs->rules->len; r++)
    cr_assert_null (strstr (text, ((LimberRule *) g_ptr_array_index (rs->rules, r))->id), "%s in:\n%s",
                    ((LimberRule *) g_ptr_array_index (rs->rules, r))->id, text);
  cr_assert (strstr (text, "An extra set on your left: your left hamstring measured 68\u00b0 against 80\u00b0 on your "
                           "right.") != NULL, "%s", text);
}
