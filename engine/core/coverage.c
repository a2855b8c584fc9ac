/*
 * Rule coverage (include/limber/coverage.h): counting, over many plans, what
 * a rule set did.  Plans are read, never re-derived: a rule "fired" when the
 * plan lists it, an exercise was "selected" when some day holds it, so
 * coverage sees exactly what people would get.
 */
#include "limber/coverage.h"

#include <string.h>

#include "json-write.h"
#include "limber/autocleanups.h"
#include "limber/error.h"
#include "plan-private.h"
#include "population.h"


struct _LimberCoverage {
  LimberRuleset *rs;
  unsigned n_plans, n_referrals;
  unsigned threads;         /* for populations: 1 unless set, 0 for one per processor */
  LimberProgressFunc progress;  /* for populations: told after each block, or NULL */
  gpointer progress_data;
  GPtrArray *names[4];      /* char* per kind, in rule-set order */
  GArray *counts[4];        /* unsigned, parallel to names */
  GHashTable *index[4];     /* name -> position + 1 */
};

static void
add_name (LimberCoverage *c, LimberCoverageKind kind, const char *name)
{
  g_ptr_array_add (c->names[kind], g_strdup (name));
  g_hash_table_insert (c->index[kind], g_ptr_array_index (c->names[kind], c->names[kind]->len - 1),
                       GUINT_TO_POINTER (c->names[kind]->len));
  unsigned zero = 0;
  g_array_append_val (c->counts[kind], zero);
}

LimberCoverage *
limber_coverage_new (LimberRuleset *rs)
{
  g_return_val_if_fail (rs != NULL, NULL);
  LimberCoverage *c = g_new0 (LimberCoverage, 1);
  c->rs = limber_ruleset_ref (rs);
  c->threads = 1;
  for (int k = 0; k < 4; k++)
    {
      c->names[k] = g_ptr_array_new_with_free_func (g_free);
      c->counts[k] = g_array_new (FALSE, FALSE, sizeof (unsigned));
      c->index[k] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  for (guint i = 0; i < rs->rules->len; i++)
    add_name (c, LIMBER_COVERAGE_RULES, ((LimberRule *) g_ptr_array_index (rs->rules, i))->id);
  for (guint i = 0; i < rs->exercises->len; i++)
    add_name (c, LIMBER_COVERAGE_EXERCISES, ((LimberExercise *) g_ptr_array_index (rs->exercises, i))->id);
  for (guint i = 0; i < rs->red_flags->len; i++)
    add_name (c, LIMBER_COVERAGE_RED_FLAGS, ((LimberRedFlag *) g_ptr_array_index (rs->red_flags, i))->id);
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      for (guint k = 0; k < s->categories->len; k++)
        {
          g_autofree char *name = g_strdup_printf ("%s/%s", s->id, ((LimberCategory *) g_ptr_array_index (s->categories, k))->id);
          add_name (c, LIMBER_COVERAGE_SCORE_CATEGORIES, name);
        }
    }
  return c;
}

void
limber_coverage_free (LimberCoverage *c)
{
  if (c == NULL)
    return;
  for (int k = 0; k < 4; k++)
    {
      g_hash_table_unref (c->index[k]);
      g_ptr_array_unref (c->names[k]);
      g_array_unref (c->counts[k]);
    }
  limber_ruleset_unref (c->rs);
  g_free (c);
}

static void
count (LimberCoverage *c, LimberCoverageKind kind, const char *name, GHashTable *seen)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (c->index[kind], name));
  /* once per plan: coverage counts plans, not occurrences within one */
  if (position == 0 || !g_hash_table_add (seen, GUINT_TO_POINTER (position + 1000000u * kind)))
    return;
  g_array_index (c->counts[kind], unsigned, position - 1)++;
}

gboolean
limber_coverage_add_plan (LimberCoverage *c, const LimberPlan *plan)
{
  g_return_val_if_fail (c != NULL && plan != NULL, FALSE);
  /* the same document loaded twice is the same rule set */
  if (g_strcmp0 (plan->rs->sha256, c->rs->sha256) != 0)
    return FALSE;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  c->n_plans++;
  c->n_referrals += plan->status == LIMBER_PLAN_REFERRAL;
  for (guint i = 0; i < plan->fired_rules->len; i++)
    count (c, LIMBER_COVERAGE_RULES, g_ptr_array_index (plan->fired_rules, i), seen);
  for (guint d = 0; d < plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      for (guint k = 0; k < day->items->len; k++)
        count (c, LIMBER_COVERAGE_EXERCISES, ((LimberItem *) g_ptr_array_index (day->items, k))->exercise->id, seen);
    }
  for (guint i = 0; i < plan->flags->len; i++)
    count (c, LIMBER_COVERAGE_RED_FLAGS, g_ptr_array_index (plan->flags, i), seen);
  for (guint i = 0; i < plan->scores->len; i++)
    {
      const LimberScoreOut *s = g_ptr_array_index (plan->scores, i);
      if (s->category == NULL)
        continue;
      g_autofree char *name = g_strdup_printf ("%s/%s", s->id, s->category);
      count (c, LIMBER_COVERAGE_SCORE_CATEGORIES, name, seen);
    }
  return TRUE;
}

gboolean
limber_coverage_add_testcase (LimberCoverage *c, const LimberTestCase *tc, GError **error)
{
  g_return_val_if_fail (c != NULL && tc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (LimberTestResult) result = limber_testcase_run (tc, c->rs, error);
  if (result == NULL)
    return FALSE;
  return limber_coverage_add_plan (c, limber_test_result_get_plan (result));
}

static void
count_plan (const LimberPlan *plan, gpointer data)
{
  limber_coverage_add_plan (data, plan);
}

gboolean
limber_coverage_add_population (LimberCoverage *c, unsigned n, guint64 seed, GError **error)
{
  g_return_val_if_fail (c != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return limber_population_run (c->rs, n, seed, NULL, c->threads, count_plan, c, c->progress, c->progress_data,
                                error);
}

void
limber_coverage_set_threads (LimberCoverage *c, unsigned threads)
{
  g_return_if_fail (c != NULL);
  c->threads = threads;
}

void
limber_coverage_set_progress (LimberCoverage *c, LimberProgressFunc func, gpointer user_data)
{
  g_return_if_fail (c != NULL);
  c->progress = func;
  c->progress_data = user_data;
}

unsigned
limber_coverage_get_n_plans (const LimberCoverage *c)
{
  g_return_val_if_fail (c != NULL, 0);
  return c->n_plans;
}

unsigned
limber_coverage_get_n_items (const LimberCoverage *c, LimberCoverageKind kind)
{
  g_return_val_if_fail (c != NULL && kind <= LIMBER_COVERAGE_SCORE_CATEGORIES, 0);
  return c->names[kind]->len;
}

const char *
limber_coverage_get_item (const LimberCoverage *c, LimberCoverageKind kind, unsigned index, unsigned *n)
{
  g_return_val_if_fail (c != NULL && kind <= LIMBER_COVERAGE_SCORE_CATEGORIES, NULL);
  if (index >= c->names[kind]->len)
    return NULL;
  if (n)
    *n = g_array_index (c->counts[kind], unsigned, index);
  return g_ptr_array_index (c->names[kind], index);
}

static unsigned
n_covered (const LimberCoverage *c, LimberCoverageKind kind)
{
  unsigned covered = 0;
  for (guint i = 0; i < c->counts[kind]->len; i++)
    covered += g_array_index (c->counts[kind], unsigned, i) > 0;
  return covered;
}

double
limber_coverage_get_percent (const LimberCoverage *c, LimberCoverageKind kind)
{
  g_return_val_if_fail (c != NULL && kind <= LIMBER_COVERAGE_SCORE_CATEGORIES, 0);
  unsigned total = c->names[kind]->len;
  return total == 0 ? 100.0 : 100.0 * n_covered (c, kind) / total;
}

static const char *const kind_titles[] = { "rules fired", "exercises selected", "red flags triggered",
                                           "score categories reached" };
static const char *const kind_keys[] = { "rules", "exercises", "red_flags", "score_categories" };

char *
limber_coverage_to_text (const LimberCoverage *c)
{
  g_return_val_if_fail (c != NULL, NULL);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "Coverage of rule set %s %s over %u plan%s (%u referral%s)\n", c->rs->id,
                          c->rs->version, c->n_plans, c->n_plans == 1 ? "" : "s", c->n_referrals,
                          c->n_referrals == 1 ? "" : "s");
  for (LimberCoverageKind k = 0; k <= LIMBER_COVERAGE_SCORE_CATEGORIES; k++)
    {
      unsigned total = c->names[k]->len;
      char percent[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (percent, sizeof percent, "%.1f", limber_coverage_get_percent (c, k));
      g_string_append_printf (out, "\n%s: %u of %u (%s%%)\n", kind_titles[k], n_covered (c, k), total, percent);
      gsize width = 0;
      for (guint i = 0; i < total; i++)
        width = MAX (width, strlen (g_ptr_array_index (c->names[k], i)));
      for (guint i = 0; i < total; i++)
        {
          unsigned n = g_array_index (c->counts[k], unsigned, i);
          g_string_append_printf (out, "  %-*s %6u%s\n", (int) width, (const char *) g_ptr_array_index (c->names[k], i),
                                  n, n == 0 ? "  never" : "");
        }
    }
  return g_string_free (out, FALSE);
}

char *
limber_coverage_to_json (const LimberCoverage *c, gboolean pretty)
{
  g_return_val_if_fail (c != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  limber_json_add_report_head (b, c->rs->id, c->rs->version, c->rs->sha256);
  limber_json_add_int (b, "plans", c->n_plans);
  limber_json_add_int (b, "referrals", c->n_referrals);
  for (LimberCoverageKind k = 0; k <= LIMBER_COVERAGE_SCORE_CATEGORIES; k++)
    {
      json_builder_set_member_name (b, kind_keys[k]);
      json_builder_begin_object (b);
      limber_json_add_int (b, "total", c->names[k]->len);
      limber_json_add_int (b, "covered", n_covered (c, k));
      limber_json_add_number (b, "percent", limber_coverage_get_percent (c, k), 1);
      json_builder_set_member_name (b, "counts");
      json_builder_begin_object (b);
      for (guint i = 0; i < c->names[k]->len; i++)
        limber_json_add_int (b, g_ptr_array_index (c->names[k], i), g_array_index (c->counts[k], unsigned, i));
      json_builder_end_object (b);
      json_builder_set_member_name (b, "never");
      json_builder_begin_array (b);
      for (guint i = 0; i < c->names[k]->len; i++)
        if (g_array_index (c->counts[k], unsigned, i) == 0)
          json_builder_add_string_value (b, g_ptr_array_index (c->names[k], i));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return limber_json_write (root, NULL, pretty);
}
