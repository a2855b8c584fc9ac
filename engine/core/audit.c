/*
 * Session quality (include/limber/audit.h): measuring, over many plans, what
 * a person following them would notice.  Like coverage, plans are read and
 * never re-derived: a session is what the plan's day holds, its fill is its
 * items' seconds, its order is the items' order.
 */
#include "limber/audit.h"

#include <math.h>
#include <string.h>

#include "json-write.h"
#include "limber/autocleanups.h"
#include "limber/error.h"
#include "plan-private.h"
#include "population.h"


#define N_FIGURES (LIMBER_AUDIT_REASONS + 1)

/* Names as the Python binding names the enumerators, and as people read them. */
static const struct {
  const char *name;
  const char *title;
} figures[N_FIGURES] = {
  [LIMBER_AUDIT_PROFILES] = { "profiles", "profiles" },
  [LIMBER_AUDIT_REFERRALS] = { "referrals", "referrals" },
  [LIMBER_AUDIT_PLANS] = { "plans", "plans (not referrals)" },
  [LIMBER_AUDIT_SESSIONS] = { "sessions", "sessions" },
  [LIMBER_AUDIT_EMPTY_SESSIONS] = { "empty-sessions", "training days with no item" },
  [LIMBER_AUDIT_ITEMS] = { "items", "items" },
  [LIMBER_AUDIT_FILL_MEDIAN] = { "fill-median", "the median fill" },
  [LIMBER_AUDIT_FILL_UNDER_85] = { "fill-under-85", "the share of sessions under 85% of the minutes" },
  [LIMBER_AUDIT_FILL_OUTSIDE_90_110] = { "fill-outside-90-110", "the share of sessions outside 90-110% of the minutes" },
  [LIMBER_AUDIT_FILL_MIN] = { "fill-min", "the least fill" },
  [LIMBER_AUDIT_FILL_MAX] = { "fill-max", "the greatest fill" },
  [LIMBER_AUDIT_CHANGES_MEDIAN] = { "changes-median", "the median of position changes per session" },
  [LIMBER_AUDIT_CHANGES_MAX] = { "changes-max", "the most position changes in a session" },
  [LIMBER_AUDIT_VARIANT_PAIRS_MEAN] = { "variant-pairs-mean", "the mean of variant pairs per session" },
  [LIMBER_AUDIT_VARIANT_PAIRS_MAX] = { "variant-pairs-max", "the most variant pairs in a session" },
  [LIMBER_AUDIT_SAME_TARGET_PAIRS_MEAN] = { "same-target-pairs-mean",
                                            "the mean of same-target pairs per session" },
  [LIMBER_AUDIT_SAME_TARGET_PAIRS_MAX] = { "same-target-pairs-max", "the most same-target pairs in a session" },
  [LIMBER_AUDIT_CORE_MEDIAN] = { "core-median", "the median of exercises on every training day" },
  [LIMBER_AUDIT_CORE_MIN] = { "core-min", "the fewest exercises on every training day" },
  [LIMBER_AUDIT_CORE_MAX] = { "core-max", "the most exercises on every training day" },
  [LIMBER_AUDIT_DISTINCT_MEDIAN] = { "distinct-median", "the median of distinct exercises in a week" },
  [LIMBER_AUDIT_DISTINCT_MIN] = { "distinct-min", "the fewest distinct exercises in a week" },
  [LIMBER_AUDIT_DISTINCT_MAX] = { "distinct-max", "the most distinct exercises in a week" },
  [LIMBER_AUDIT_COVERAGE] = { "coverage", "the share of focus measures covered on training days" },
  [LIMBER_AUDIT_GAPS] = { "gaps", "focus measures with no exercise allowed" },
  [LIMBER_AUDIT_REASONS] = { "reasons", "the share of items with a plain-language reason" },
};

typedef struct {
  LimberAuditFigure figure;
  LimberAuditBound bound;
  double limit;
  char *label;
} Threshold;

/* Where a figure's extreme was seen: the profile (1-based, in the order the
 * plans were added) and the day; profile 0 when nowhere yet. */
typedef struct {
  unsigned profile;
  char date[11];
} Where;

struct _LimberAudit {
  LimberRuleset *rs;
  GHashTable *rule_ids;        /* borrowed from rs */
  unsigned profiles, referrals, plans, sessions, empty_sessions, items;
  GArray *fills;               /* double per session (sessions of a plan with minutes) */
  GArray *changes;             /* unsigned per session */
  unsigned variant_pairs, variant_pairs_max, same_target_pairs, same_target_pairs_max;
  GArray *core, *distinct;     /* unsigned per plan with a training day */
  unsigned covered, opportunities, gaps;
  GArray *missed;              /* unsigned per measure of rs, parallel to rs->measures */
  unsigned plain;
  Where fill_min_at, fill_max_at, changes_max_at, variant_pairs_max_at;
  double fill_min, fill_max;
  unsigned changes_max;
  GArray *thresholds;          /* Threshold */
  unsigned threads;            /* for populations: 1 unless set, 0 for one per processor */
  LimberProgressFunc progress; /* for populations: told after each block, or NULL */
  gpointer progress_data;
};

static void
threshold_clear (gpointer data)
{
  g_free (((Threshold *) data)->label);
}

LimberAudit *
limber_audit_new (LimberRuleset *rs)
{
  g_return_val_if_fail (rs != NULL, NULL);
  LimberAudit *a = g_new0 (LimberAudit, 1);
  a->rs = limber_ruleset_ref (rs);
  a->threads = 1;
  a->rule_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < rs->rules->len; i++)
    g_hash_table_add (a->rule_ids, ((LimberRule *) g_ptr_array_index (rs->rules, i))->id);
  a->fills = g_array_new (FALSE, FALSE, sizeof (double));
  a->changes = g_array_new (FALSE, FALSE, sizeof (unsigned));
  a->core = g_array_new (FALSE, FALSE, sizeof (unsigned));
  a->distinct = g_array_new (FALSE, FALSE, sizeof (unsigned));
  a->missed = g_array_sized_new (FALSE, TRUE, sizeof (unsigned), rs->measures->len);
  g_array_set_size (a->missed, rs->measures->len);
  a->thresholds = g_array_new (FALSE, FALSE, sizeof (Threshold));
  g_array_set_clear_func (a->thresholds, threshold_clear);
  return a;
}

void
limber_audit_free (LimberAudit *a)
{
  if (a == NULL)
    return;
  g_hash_table_unref (a->rule_ids);
  g_array_unref (a->fills);
  g_array_unref (a->changes);
  g_array_unref (a->core);
  g_array_unref (a->distinct);
  g_array_unref (a->missed);
  g_array_unref (a->thresholds);
  limber_ruleset_unref (a->rs);
  g_free (a);
}

/* ---- measuring one plan ------------------------------------------------ */

/* Whether one names the other as its seated variant. */
static gboolean
seated_variants (const LimberExercise *x, const LimberExercise *y)
{
  for (int pass = 0; pass < 2; pass++)
    {
      const LimberExercise *from = pass ? y : x, *to = pass ? x : y;
      for (guint k = 0; from->variants && k < from->variants->len; k++)
        {
          const LimberVariant *v = g_ptr_array_index (from->variants, k);
          if (v->kind == VARIANT_SEATED && v->index == (int) to->index)
            return TRUE;
        }
    }
  return FALSE;
}

/* The same primary targets: the job the rule set numbered at load. */
static gboolean
same_targets (const LimberExercise *x, const LimberExercise *y)
{
  return x->job >= 0 && x->job == y->job;
}

/* A plain-language reason: not empty, and not only rule ids ("goal-recovery, deficit-hamstring-slr"). */
static gboolean
plain_reason (const LimberAudit *a, const char *text)
{
  if (text == NULL)
    return FALSE;
  g_auto (GStrv) words = g_strsplit_set (text, ", \t\n", -1);
  for (char **w = words; *w; w++)
    if (**w != '\0' && !g_hash_table_contains (a->rule_ids, *w))
      return TRUE;
  return FALSE;
}

static void
where (Where *w, unsigned profile, const LimberDay *day)
{
  w->profile = profile;
  g_strlcpy (w->date, day->date, sizeof w->date);
}

static void
measure_session (LimberAudit *a, const LimberPlan *plan, const LimberDay *day)
{
  unsigned profile = a->profiles;
  guint n = day->items->len;
  a->sessions++;
  a->empty_sessions += n == 0;
  a->items += n;
  double seconds = 0;
  unsigned changes = 0, variant_pairs = 0, same_target_pairs = 0;
  for (guint i = 0; i < n; i++)
    {
      const LimberItem *item = g_ptr_array_index (day->items, i);
      seconds += limber_item_get_seconds (item);
      a->plain += plain_reason (a, limber_item_get_explanation (item));
      if (i > 0 && limber_exercise_level (item->exercise)
                       != limber_exercise_level (((LimberItem *) g_ptr_array_index (day->items, i - 1))->exercise))
        changes++;
      for (guint j = 0; j < i; j++)
        {
          const LimberItem *other = g_ptr_array_index (day->items, j);
          variant_pairs += seated_variants (other->exercise, item->exercise);
          same_target_pairs += same_targets (other->exercise, item->exercise);
        }
    }
  /* against the minutes the plan gives a session: the person's, or fewer
   * when a rule limits sessions (high pain today, a high STarT Back score),
   * which is the plan doing its job rather than leaving time unused */
  double minutes = plan->session_minutes > 0 ? plan->session_minutes : plan->minutes_per_day;
  if (minutes > 0)
    {
      double fill = seconds / (minutes * 60.0);
      if (a->fills->len == 0 || fill < a->fill_min)
        {
          a->fill_min = fill;
          where (&a->fill_min_at, profile, day);
        }
      if (a->fills->len == 0 || fill > a->fill_max)
        {
          a->fill_max = fill;
          where (&a->fill_max_at, profile, day);
        }
      g_array_append_val (a->fills, fill);
    }
  if (a->changes->len == 0 || changes > a->changes_max)
    {
      a->changes_max = changes;
      where (&a->changes_max_at, profile, day);
    }
  g_array_append_val (a->changes, changes);
  a->variant_pairs += variant_pairs;
  if (a->sessions == 1 || variant_pairs > a->variant_pairs_max)
    {
      a->variant_pairs_max = variant_pairs;
      where (&a->variant_pairs_max_at, profile, day);
    }
  a->same_target_pairs += same_target_pairs;
  a->same_target_pairs_max = MAX (a->same_target_pairs_max, same_target_pairs);
}

static gboolean
day_has_primary (const LimberDay *day, const char *measure)
{
  for (guint k = 0; k < day->items->len; k++)
    if (limber_exercise_has_target (((LimberItem *) g_ptr_array_index (day->items, k))->exercise, measure, TRUE))
      return TRUE;
  return FALSE;
}

gboolean
limber_audit_add_plan (LimberAudit *a, const LimberPlan *plan)
{
  g_return_val_if_fail (a != NULL && plan != NULL, FALSE);
  /* the same document loaded twice is the same rule set */
  if (g_strcmp0 (plan->rs->sha256, a->rs->sha256) != 0)
    return FALSE;
  a->profiles++;
  if (plan->status == LIMBER_PLAN_REFERRAL)
    {
      a->referrals++;
      return TRUE;
    }
  a->plans++;
  unsigned training = 0;
  /* exercise -> the number of training days it is on */
  g_autoptr (GHashTable) days_on = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint d = 0; d < plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      if (day->rest)
        continue;
      training++;
      measure_session (a, plan, day);
      g_autoptr (GHashTable) today = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint k = 0; k < day->items->len; k++)
        {
          const LimberExercise *e = ((LimberItem *) g_ptr_array_index (day->items, k))->exercise;
          if (g_hash_table_add (today, (gpointer) e))
            g_hash_table_insert (days_on, (gpointer) e,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (days_on, e)) + 1));
        }
      for (guint f = 0; f < plan->focus->len; f++)
        {
          const LimberFocusOut *focus = g_ptr_array_index (plan->focus, f);
          if (focus->covered_by == NULL)
            continue;
          a->opportunities++;
          if (day_has_primary (day, focus->measure))
            a->covered++;
          else
            {
              int m = limber_ruleset_index_of (a->rs->measure_index, focus->measure);
              if (m >= 0)
                g_array_index (a->missed, unsigned, m)++;
            }
        }
    }
  for (guint f = 0; f < plan->focus->len; f++)
    a->gaps += ((LimberFocusOut *) g_ptr_array_index (plan->focus, f))->covered_by == NULL;
  if (training > 0)
    {
      unsigned core = 0, distinct = g_hash_table_size (days_on);
      GHashTableIter it;
      gpointer value;
      g_hash_table_iter_init (&it, days_on);
      while (g_hash_table_iter_next (&it, NULL, &value))
        core += GPOINTER_TO_UINT (value) == training;
      g_array_append_val (a->core, core);
      g_array_append_val (a->distinct, distinct);
    }
  return TRUE;
}

gboolean
limber_audit_add_profile (LimberAudit *a, const LimberProfile *profile, const LimberOptions *options,
                          GError **error)
{
  g_return_val_if_fail (a != NULL && profile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (LimberPlan) plan = limber_generate (a->rs, profile, options, error);
  return plan != NULL && limber_audit_add_plan (a, plan);
}

static void
measure_plan (const LimberPlan *plan, gpointer data)
{
  limber_audit_add_plan (data, plan);
}

gboolean
limber_audit_add_population (LimberAudit *a, unsigned n, guint64 seed, const char *start, GError **error)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return limber_population_run (a->rs, n, seed, start, a->threads, measure_plan, a, a->progress, a->progress_data,
                                error);
}

void
limber_audit_set_threads (LimberAudit *a, unsigned threads)
{
  g_return_if_fail (a != NULL);
  a->threads = threads;
}

void
limber_audit_set_progress (LimberAudit *a, LimberProgressFunc func, gpointer user_data)
{
  g_return_if_fail (a != NULL);
  a->progress = func;
  a->progress_data = user_data;
}

LimberProfile *
limber_audit_population_profile (const LimberRuleset *rs, guint64 seed, const char *start, unsigned index,
                                 GError **error)
{
  g_return_val_if_fail (rs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (index >= LIMBER_POPULATION_MAX)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS, "population profile: %u is out of range; expected 0 to %d",
                   index, LIMBER_POPULATION_MAX - 1);
      return NULL;
    }
  g_autoptr (LimberOptions) options = limber_options_new ();
  if (!limber_options_set_start (options, start ? start : LIMBER_POPULATION_START, error))
    return NULL;
  /* the generator's state after the profiles before it: draw them again */
  LimberRandom random = { seed };
  for (unsigned i = 0; i < index; i++)
    limber_profile_free (limber_population_profile (rs, &random, &options->start));
  return limber_population_profile (rs, &random, &options->start);
}

/* ---- figures ------------------------------------------------------------- */

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_of_doubles (const GArray *values)
{
  if (values->len == 0)
    return NAN;
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), values->len);
  g_array_append_vals (sorted, values->data, values->len);
  g_array_sort (sorted, compare_double);
  guint n = sorted->len;
  double lo = g_array_index (sorted, double, (n - 1) / 2), hi = g_array_index (sorted, double, n / 2);
  return (lo + hi) / 2;
}

/* median, min or max (which: 0, 1, 2) of unsigned values; NaN when none */
static double
stat_of_unsigned (const GArray *values, int which)
{
  if (values->len == 0)
    return NAN;
  g_autoptr (GArray) d = g_array_sized_new (FALSE, FALSE, sizeof (double), values->len);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, unsigned, i);
      g_array_append_val (d, v);
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  return which == 0 ? median_of_doubles (d) : which == 1 ? lo : hi;
}

static double
share_of_fills (const GArray *fills, double lo, double hi)
{
  if (fills->len == 0)
    return NAN;
  unsigned n = 0;
  for (guint i = 0; i < fills->len; i++)
    {
      double f = g_array_index (fills, double, i);
      n += f < lo || f > hi;
    }
  return (double) n / fills->len;
}

double
limber_audit_get_figure (const LimberAudit *a, LimberAuditFigure figure)
{
  g_return_val_if_fail (a != NULL, NAN);
  g_return_val_if_fail ((unsigned) figure < N_FIGURES, NAN);
  switch (figure)
    {
    case LIMBER_AUDIT_PROFILES:
      return a->profiles;
    case LIMBER_AUDIT_REFERRALS:
      return a->referrals;
    case LIMBER_AUDIT_PLANS:
      return a->plans;
    case LIMBER_AUDIT_SESSIONS:
      return a->sessions;
    case LIMBER_AUDIT_EMPTY_SESSIONS:
      return a->empty_sessions;
    case LIMBER_AUDIT_ITEMS:
      return a->items;
    case LIMBER_AUDIT_FILL_MEDIAN:
      return median_of_doubles (a->fills);
    case LIMBER_AUDIT_FILL_UNDER_85:
      return share_of_fills (a->fills, 0.85, G_MAXDOUBLE);
    case LIMBER_AUDIT_FILL_OUTSIDE_90_110:
      return share_of_fills (a->fills, 0.90, 1.10);
    case LIMBER_AUDIT_FILL_MIN:
      return a->fills->len ? a->fill_min : NAN;
    case LIMBER_AUDIT_FILL_MAX:
      return a->fills->len ? a->fill_max : NAN;
    case LIMBER_AUDIT_CHANGES_MEDIAN:
      return stat_of_unsigned (a->changes, 0);
    case LIMBER_AUDIT_CHANGES_MAX:
      return a->sessions ? a->changes_max : NAN;
    case LIMBER_AUDIT_VARIANT_PAIRS_MEAN:
      return a->sessions ? (double) a->variant_pairs / a->sessions : NAN;
    case LIMBER_AUDIT_VARIANT_PAIRS_MAX:
      return a->sessions ? a->variant_pairs_max : NAN;
    case LIMBER_AUDIT_SAME_TARGET_PAIRS_MEAN:
      return a->sessions ? (double) a->same_target_pairs / a->sessions : NAN;
    case LIMBER_AUDIT_SAME_TARGET_PAIRS_MAX:
      return a->sessions ? a->same_target_pairs_max : NAN;
    case LIMBER_AUDIT_CORE_MEDIAN:
    case LIMBER_AUDIT_CORE_MIN:
    case LIMBER_AUDIT_CORE_MAX:
      return stat_of_unsigned (a->core, figure - LIMBER_AUDIT_CORE_MEDIAN);
    case LIMBER_AUDIT_DISTINCT_MEDIAN:
    case LIMBER_AUDIT_DISTINCT_MIN:
    case LIMBER_AUDIT_DISTINCT_MAX:
      return stat_of_unsigned (a->distinct, figure - LIMBER_AUDIT_DISTINCT_MEDIAN);
    case LIMBER_AUDIT_COVERAGE:
      return a->opportunities ? (double) a->covered / a->opportunities : 1.0;
    case LIMBER_AUDIT_GAPS:
      return a->gaps;
    case LIMBER_AUDIT_REASONS:
      return a->items ? (double) a->plain / a->items : 1.0;
    }
  return NAN;
}

/* ---- thresholds ---------------------------------------------------------- */

gboolean
limber_audit_add_threshold (LimberAudit *a, LimberAuditFigure figure, LimberAuditBound bound, double limit,
                            const char *label)
{
  g_return_val_if_fail (a != NULL, FALSE);
  if ((unsigned) figure >= N_FIGURES || (unsigned) bound > LIMBER_AUDIT_AT_MOST || !isfinite (limit))
    return FALSE;
  Threshold t = { figure, bound, limit, g_strdup (label ? label : figures[figure].name) };
  g_array_append_val (a->thresholds, t);
  return TRUE;
}

static gboolean
holds (const LimberAudit *a, const Threshold *t, double *value)
{
  *value = limber_audit_get_figure (a, t->figure);
  if (isnan (*value))
    return FALSE;
  return t->bound == LIMBER_AUDIT_AT_LEAST ? *value >= t->limit : *value <= t->limit;
}

/* A figure as people read it: at most four significant digits, no exponent for ordinary values. */
static char *
format_value (double v)
{
  if (isnan (v))
    return g_strdup ("not measured");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.4g", v);
  return g_strdup (buf);
}

static const char *
bound_words (LimberAuditBound bound)
{
  return bound == LIMBER_AUDIT_AT_LEAST ? "at least" : "at most";
}

char *
limber_audit_check (const LimberAudit *a)
{
  g_return_val_if_fail (a != NULL, NULL);
  GString *out = NULL;
  for (guint i = 0; i < a->thresholds->len; i++)
    {
      const Threshold *t = &g_array_index (a->thresholds, Threshold, i);
      double value;
      if (holds (a, t, &value))
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      g_autofree char *v = format_value (value), *limit = format_value (t->limit);
      if (isnan (value))
        g_string_append_printf (out, "%s: %s is not measured (no %s); expected %s %s\n", t->label,
                                figures[t->figure].title, a->plans ? "sessions" : "plans", bound_words (t->bound), limit);
      else
        g_string_append_printf (out, "%s: %s is %s; expected %s %s\n", t->label, figures[t->figure].title, v,
                                bound_words (t->bound), limit);
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

/* ---- text ---------------------------------------------------------------- */

static void
row (GString *out, const char *label, const char *value, const char *note)
{
  g_string_append_printf (out, "  %-26s %s%s%s\n", label, value, note && *note ? "  " : "", note ? note : "");
}

static char *
ratio_text (double v)
{
  if (isnan (v))
    return g_strdup ("-");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3f", v));
}

static char *
percent_text (double v)
{
  if (isnan (v))
    return g_strdup ("-");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.1f", 100 * v);
  return g_strconcat (buf, "%", NULL);
}

static char *
where_text (const Where *w)
{
  return w->profile ? g_strdup_printf ("(profile %u, %s)", w->profile, w->date) : g_strdup ("");
}

static void
row_figure (GString *out, const LimberAudit *a, const char *label, LimberAuditFigure f, gboolean percent,
            const Where *at)
{
  double v = limber_audit_get_figure (a, f);
  g_autofree char *value = isnan (v) ? g_strdup ("-") : percent ? percent_text (v) : format_value (v);
  g_autofree char *note = at && !isnan (v) ? where_text (at) : NULL;
  row (out, label, value, note);
}

char *
limber_audit_to_text (const LimberAudit *a)
{
  g_return_val_if_fail (a != NULL, NULL);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "Audit of rule set %s %s over %u profile%s (%u referral%s)\n", a->rs->id,
                          a->rs->version, a->profiles, a->profiles == 1 ? "" : "s", a->referrals,
                          a->referrals == 1 ? "" : "s");
  g_string_append_printf (out, "%u plan%s, %u session%s (%u empty), %u item%s\n", a->plans, a->plans == 1 ? "" : "s",
                          a->sessions, a->sessions == 1 ? "" : "s", a->empty_sessions, a->items,
                          a->items == 1 ? "" : "s");

  g_string_append (out, "\nfill (a session's time over its minutes: the person's, or a rule's shorter limit)\n");
  g_autofree char *median = ratio_text (limber_audit_get_figure (a, LIMBER_AUDIT_FILL_MEDIAN));
  row (out, "median", median, NULL);
  row_figure (out, a, "under 85%", LIMBER_AUDIT_FILL_UNDER_85, TRUE, NULL);
  row_figure (out, a, "outside 90-110%", LIMBER_AUDIT_FILL_OUTSIDE_90_110, TRUE, NULL);
  g_autofree char *lo = ratio_text (limber_audit_get_figure (a, LIMBER_AUDIT_FILL_MIN));
  g_autofree char *hi = ratio_text (limber_audit_get_figure (a, LIMBER_AUDIT_FILL_MAX));
  g_autofree char *lo_at = a->fills->len ? where_text (&a->fill_min_at) : NULL;
  g_autofree char *hi_at = a->fills->len ? where_text (&a->fill_max_at) : NULL;
  row (out, "min", lo, lo_at);
  row (out, "max", hi, hi_at);

  g_string_append (out, "\nposition changes per session (standing, chair, floor)\n");
  row_figure (out, a, "median", LIMBER_AUDIT_CHANGES_MEDIAN, FALSE, NULL);
  row_figure (out, a, "max", LIMBER_AUDIT_CHANGES_MAX, FALSE, &a->changes_max_at);

  g_string_append (out, "\nredundancy per session\n");
  g_autofree char *vp_mean = ratio_text (limber_audit_get_figure (a, LIMBER_AUDIT_VARIANT_PAIRS_MEAN));
  row (out, "variant pairs, mean", vp_mean, NULL);
  row_figure (out, a, "variant pairs, max", LIMBER_AUDIT_VARIANT_PAIRS_MAX, FALSE,
              a->variant_pairs_max > 0 ? &a->variant_pairs_max_at : NULL);
  g_autofree char *st_mean = ratio_text (limber_audit_get_figure (a, LIMBER_AUDIT_SAME_TARGET_PAIRS_MEAN));
  row (out, "same-target pairs, mean", st_mean, NULL);
  row_figure (out, a, "same-target pairs, max", LIMBER_AUDIT_SAME_TARGET_PAIRS_MAX, FALSE, NULL);

  g_string_append (out, "\nthe week (per plan: median, min-max)\n");
  for (int k = 0; k < 2; k++)
    {
      LimberAuditFigure base = k == 0 ? LIMBER_AUDIT_CORE_MEDIAN : LIMBER_AUDIT_DISTINCT_MEDIAN;
      g_autofree char *m = format_value (limber_audit_get_figure (a, base));
      g_autofree char *mn = format_value (limber_audit_get_figure (a, base + 1));
      g_autofree char *mx = format_value (limber_audit_get_figure (a, base + 2));
      g_autofree char *value = isnan (limber_audit_get_figure (a, base)) ? g_strdup ("-")
                                                                         : g_strdup_printf ("%s  (%s-%s)", m, mn, mx);
      row (out, k == 0 ? "on every training day" : "distinct exercises", value, NULL);
    }

  g_string_append (out, "\ndeficit coverage (focus measures with an allowed exercise, per training day)\n");
  g_autofree char *cov = percent_text (limber_audit_get_figure (a, LIMBER_AUDIT_COVERAGE));
  g_autofree char *cov_note = g_strdup_printf ("(%u of %u)", a->covered, a->opportunities);
  row (out, "covered", cov, cov_note);
  g_autofree char *gaps = g_strdup_printf ("%u", a->gaps);
  row (out, "gaps", gaps, "(no exercise the person may do)");
  g_autoptr (GString) missed = g_string_new (NULL);
  for (guint m = 0; m < a->missed->len; m++)
    if (g_array_index (a->missed, unsigned, m) > 0)
      g_string_append_printf (missed, "%s%s %u", missed->len ? ", " : "",
                              ((LimberMeasure *) g_ptr_array_index (a->rs->measures, m))->id,
                              g_array_index (a->missed, unsigned, m));
  if (missed->len)
    row (out, "missed", missed->str, NULL);

  g_string_append (out, "\nreasons\n");
  g_autofree char *reasons = percent_text (limber_audit_get_figure (a, LIMBER_AUDIT_REASONS));
  g_autofree char *reasons_note = g_strdup_printf ("(%u of %u items in plain words)", a->plain, a->items);
  row (out, "plain language", reasons, reasons_note);

  if (a->thresholds->len)
    {
      g_string_append (out, "\nthresholds\n");
      gsize width = 0;
      for (guint i = 0; i < a->thresholds->len; i++)
        width = MAX (width, strlen (g_array_index (a->thresholds, Threshold, i).label));
      for (guint i = 0; i < a->thresholds->len; i++)
        {
          const Threshold *t = &g_array_index (a->thresholds, Threshold, i);
          double value;
          gboolean ok = holds (a, t, &value);
          g_autofree char *v = format_value (value), *limit = format_value (t->limit);
          g_string_append_printf (out, "  %-4s %-*s %-8s expected %s %s\n", ok ? "ok" : "FAIL", (int) width, t->label,
                                  isnan (value) ? "-" : v, bound_words (t->bound), limit);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- JSON ---------------------------------------------------------------- */

static void
add_where (JsonBuilder *b, const char *member, const Where *w, gboolean known)
{
  json_builder_set_member_name (b, member);
  if (!known || w->profile == 0)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  limber_json_add_int (b, "profile", w->profile);
  limber_json_add_string (b, "date", w->date);
  json_builder_end_object (b);
}

char *
limber_audit_to_json (const LimberAudit *a, gboolean pretty)
{
  g_return_val_if_fail (a != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  limber_json_add_report_head (b, a->rs->id, a->rs->version, a->rs->sha256);
  limber_json_add_int (b, "profiles", a->profiles);
  limber_json_add_int (b, "referrals", a->referrals);
  limber_json_add_int (b, "plans", a->plans);
  limber_json_add_int (b, "sessions", a->sessions);
  limber_json_add_int (b, "empty_sessions", a->empty_sessions);
  limber_json_add_int (b, "items", a->items);

  json_builder_set_member_name (b, "fill");
  json_builder_begin_object (b);
  limber_json_add_number (b, "median", limber_audit_get_figure (a, LIMBER_AUDIT_FILL_MEDIAN), 4);
  limber_json_add_number (b, "under_85", limber_audit_get_figure (a, LIMBER_AUDIT_FILL_UNDER_85), 4);
  limber_json_add_number (b, "outside_90_110", limber_audit_get_figure (a, LIMBER_AUDIT_FILL_OUTSIDE_90_110), 4);
  limber_json_add_number (b, "min", limber_audit_get_figure (a, LIMBER_AUDIT_FILL_MIN), 4);
  limber_json_add_number (b, "max", limber_audit_get_figure (a, LIMBER_AUDIT_FILL_MAX), 4);
  add_where (b, "min_at", &a->fill_min_at, a->fills->len > 0);
  add_where (b, "max_at", &a->fill_max_at, a->fills->len > 0);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "position_changes");
  json_builder_begin_object (b);
  limber_json_add_number (b, "median", limber_audit_get_figure (a, LIMBER_AUDIT_CHANGES_MEDIAN), 1);
  limber_json_add_number (b, "max", limber_audit_get_figure (a, LIMBER_AUDIT_CHANGES_MAX), 0);
  add_where (b, "max_at", &a->changes_max_at, a->sessions > 0);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "variant_pairs");
  json_builder_begin_object (b);
  limber_json_add_number (b, "mean", limber_audit_get_figure (a, LIMBER_AUDIT_VARIANT_PAIRS_MEAN), 4);
  limber_json_add_number (b, "max", limber_audit_get_figure (a, LIMBER_AUDIT_VARIANT_PAIRS_MAX), 0);
  add_where (b, "max_at", &a->variant_pairs_max_at, a->variant_pairs_max > 0);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "same_target_pairs");
  json_builder_begin_object (b);
  limber_json_add_number (b, "mean", limber_audit_get_figure (a, LIMBER_AUDIT_SAME_TARGET_PAIRS_MEAN), 4);
  limber_json_add_number (b, "max", limber_audit_get_figure (a, LIMBER_AUDIT_SAME_TARGET_PAIRS_MAX), 0);
  json_builder_end_object (b);

  static const char *const week_keys[] = { "core", "distinct" };
  for (int k = 0; k < 2; k++)
    {
      LimberAuditFigure base = k == 0 ? LIMBER_AUDIT_CORE_MEDIAN : LIMBER_AUDIT_DISTINCT_MEDIAN;
      json_builder_set_member_name (b, week_keys[k]);
      json_builder_begin_object (b);
      limber_json_add_number (b, "median", limber_audit_get_figure (a, base), 1);
      limber_json_add_number (b, "min", limber_audit_get_figure (a, base + 1), 0);
      limber_json_add_number (b, "max", limber_audit_get_figure (a, base + 2), 0);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "deficit_coverage");
  json_builder_begin_object (b);
  limber_json_add_number (b, "share", limber_audit_get_figure (a, LIMBER_AUDIT_COVERAGE), 4);
  limber_json_add_int (b, "covered", a->covered);
  limber_json_add_int (b, "opportunities", a->opportunities);
  limber_json_add_int (b, "gaps", a->gaps);
  json_builder_set_member_name (b, "missed");
  json_builder_begin_object (b);
  for (guint m = 0; m < a->missed->len; m++)
    if (g_array_index (a->missed, unsigned, m) > 0)
      limber_json_add_int (b, ((LimberMeasure *) g_ptr_array_index (a->rs->measures, m))->id,
                           g_array_index (a->missed, unsigned, m));
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "reasons");
  json_builder_begin_object (b);
  limber_json_add_number (b, "share", limber_audit_get_figure (a, LIMBER_AUDIT_REASONS), 4);
  limber_json_add_int (b, "plain", a->plain);
  limber_json_add_int (b, "items", a->items);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "thresholds");
  json_builder_begin_array (b);
  gboolean all = TRUE;
  for (guint i = 0; i < a->thresholds->len; i++)
    {
      const Threshold *t = &g_array_index (a->thresholds, Threshold, i);
      double value;
      gboolean ok = holds (a, t, &value);
      all = all && ok;
      json_builder_begin_object (b);
      limber_json_add_string (b, "figure", figures[t->figure].name);
      limber_json_add_string (b, "label", t->label);
      limber_json_add_string (b, "bound", t->bound == LIMBER_AUDIT_AT_LEAST ? "at-least" : "at-most");
      limber_json_add_number (b, "limit", t->limit, -1);
      limber_json_add_number (b, "value", value, 4);
      limber_json_add_bool (b, "passed", ok);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  limber_json_add_bool (b, "passed", all);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return limber_json_write (root, NULL, pretty);
}
