/* Specification of evaluation (engine/core/evaluate.c): whatever path a
 * rule's actions take (exercise by exercise, or once on a list many rules
 * share and then to each class of exercises on the same lists), each
 * exercise ends with what the format declares.  A fired rule raises an
 * exercise's weight by its largest multiplier above 1, lowers it by its
 * smallest below 1 and adds its largest addition, once each, however many of
 * its selectors name the exercise; weight = (base + sum of additions) x
 * product of multipliers; exclusions, requirements and first steps combine by
 * "or", least holds and repetitions by "at least".  Checked against a plain
 * reading of the rules, over a population, on the default rule set and on
 * one with 90 more rules on tags and regions (which evaluation shares). */
#include <math.h>
#include <string.h>

#include "condition.h"
#include "facts.h"
#include "population.h"
#include "rule-xml.h"
#include "ruleset-private.h"
#include "selection.h"
#include "support.h"

TestSuite (evaluate);

/* What the rules declare for one exercise, read plainly. */
typedef struct {
  double add, multiply, min_hold;
  unsigned min_reps;
  gboolean excluded, required, lowest_step;
} Declared;

static gboolean
targets (const LimberAction *a, guint exercise)
{
  for (guint t = 0; t < a->targets->len; t++)
    if (g_array_index (a->targets, guint, t) == exercise)
      return TRUE;
  return FALSE;
}

static Declared
declared (const LimberRuleset *rs, const LimberFacts *facts, guint exercise)
{
  Declared d = { 0, 1, 0, 0, FALSE, FALSE, FALSE };
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      if (!limber_cond_eval (rule->when, facts))
        continue;
      double up = 1, down = 1, add = 0;
      gboolean adds = FALSE;
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          if (a->targets == NULL || !targets (a, exercise))
            continue;
          switch (a->kind)
            {
            case ACTION_WEIGHT:
              if (a->has_multiply && a->multiply > 1)
                up = MAX (up, a->multiply);
              else if (a->has_multiply)
                down = MIN (down, a->multiply);
              if (a->has_add)
                add = adds ? MAX (add, a->add) : a->add;
              adds |= a->has_add;
              break;
            case ACTION_EXCLUDE: d.excluded = TRUE; break;
            case ACTION_REQUIRE: d.required = TRUE; break;
            case ACTION_LOWEST_STEP: d.lowest_step = TRUE; break;
            case ACTION_MIN_HOLD: d.min_hold = MAX (d.min_hold, a->seconds); break;
            case ACTION_MIN_REPS: d.min_reps = MAX (d.min_reps, a->reps); break;
            default: break;
            }
        }
      d.add += add;
      d.multiply *= up * down;
    }
  return d;
}

static void
expect_as_declared (const LimberRuleset *rs, guint n_profiles, guint64 seed)
{
  LimberRandom random = { seed };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, G_DATE_JANUARY, 2026);
  guint weighed = 0;
  for (guint k = 0; k < n_profiles; k++)
    {
      g_autoptr (LimberProfile) profile = limber_population_profile (rs, &random, &start);
      LimberFacts *facts = limber_facts_new (rs, profile, &start);
      LimberSelection *sel = limber_selection_new (facts);
      limber_evaluate (sel);
      for (guint i = 0; i < sel->n; i++)
        {
          const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
          const LimberChoice *c = &sel->choices[i];
          Declared d = declared (rs, facts, i);
          if (d.excluded)
            cr_assert (c->excluded, "profile %u: %s: a fired rule excludes it", k, e->id);
          cr_assert_eq (c->lowest_step, d.lowest_step, "profile %u: %s: first step", k, e->id);
          cr_assert_eq (c->min_hold, d.min_hold, "profile %u: %s: least hold %g, declared %g", k, e->id, c->min_hold,
                        d.min_hold);
          cr_assert_eq (c->min_reps, d.min_reps, "profile %u: %s: least repetitions", k, e->id);
          if (c->excluded)
            {
              cr_assert (!c->required && c->weight == 0, "profile %u: %s: excluded but wanted", k, e->id);
              continue;
            }
          cr_assert (!d.excluded);
          cr_assert_eq (c->required, d.required, "profile %u: %s: required", k, e->id);
          double expected = MAX (0.0, (e->base_weight + d.add) * d.multiply);
          /* the same terms, summed and multiplied in another order */
          cr_assert (fabs (c->weight - expected) <= 1e-12 * MAX (1.0, fabs (expected)),
                     "profile %u: %s: weight %.17g, declared %.17g", k, e->id, c->weight, expected);
          weighed += d.multiply != 1 || d.add != 0;
        }
      limber_selection_free (sel);
      limber_facts_free (facts);
    }
  cr_assert_gt (weighed, 0, "no rule weighed any exercise: the check checked nothing");
}

LIMBER_TEST (evaluate, the_default_rules_weigh_as_declared)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  expect_as_declared (rs, 120, 1);
}

/* The default rule set with 90 more rules whose actions name tags and
 * regions (several per rule, overlapping, raising and lowering), so that
 * evaluation shares their lists and combines them by class. */
static LimberRuleset *
many_rules (void)
{
  static const char *const when[] = {
    "<goal is=\"recovery\"/>", "<goal is=\"flexibility\"/>", "<goal is=\"performance\"/>",
    "<age at-least=\"50\"/>", "<age at-most=\"40\"/>", "<answer question=\"night-pain\" is=\"no\"/>",
  };
  static const char *const then[] = {
    "<weight tag=\"static-stretch\" multiply=\"1.25\"/>",
    "<weight tag=\"static-stretch\" multiply=\"1.5\"/><weight region=\"hip\" multiply=\"0.8\"/>",
    "<weight region=\"lumbar\" add=\"0.5\"/><weight tag=\"mobility\" add=\"0.25\"/>",
    "<weight tag=\"warm-up\" multiply=\"2\"/><weight region=\"thoracic\" multiply=\"1.5\"/>",
    "<min-hold tag=\"static-stretch\" seconds=\"25\"/>",
    "<lowest-step region=\"hip\"/><weight region=\"glute\" multiply=\"0.9\"/>",
    "<min-reps tag=\"static-stretch\" reps=\"2\"/><weight tag=\"supine\" add=\"-0.25\"/>",
    "<weight tag=\"dynamic\" multiply=\"0.75\"/><weight tag=\"mobility\" multiply=\"1.1\"/>",
    "<exclude tag=\"rotation\"/>",
  };
  g_autoptr (GString) rules = g_string_new (NULL);
  for (guint r = 0; r < 90; r++)
    {
      g_autofree char *id = g_strdup_printf ("evaluate-%u", r);
      limber_test_append_rule (rules, id, when[r % G_N_ELEMENTS (when)], then[(r / 2) % G_N_ELEMENTS (then)]);
    }
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_test_rules_with (path, rules->str, "evaluate-many-rules.xml", &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

LIMBER_TEST (evaluate, rules_sharing_tags_and_regions_weigh_as_declared)
{
  g_autoptr (LimberRuleset) rs = many_rules ();
  cr_assert_gt (rs->n_shared_lists, 0, "no list is shared: the test does not reach the shared path");
  expect_as_declared (rs, 120, 2);
}
