/*
 * Deriving facts from a validated profile: the one place where answers,
 * scans and history are interpreted, so that every rule sees the same
 * reading of them.
 */
#include "facts.h"

#include <math.h>
#include <string.h>

static void
resolve_answers (LimberFacts *f)
{
  const LimberRuleset *rs = f->rs;
  for (guint i = 0; i < f->profile->answers->len; i++)
    {
      const LimberAnswer *a = g_ptr_array_index (f->profile->answers, i);
      int q = limber_ruleset_index_of (rs->question_index, a->question);
      if (q < 0)
        continue; /* validation refuses unknown ids; nothing to resolve */
      const LimberQuestion *question = g_ptr_array_index (rs->questions, q);
      LimberAnswerFact *fact = &f->answers[q];
      switch (a->kind)
        {
        case ANSWER_BOOL:
          fact->value = a->yes ? 1 : 0;
          break;
        case ANSWER_NUMBER:
          fact->value = a->number;
          break;
        case ANSWER_CHOICE:
          fact->value = -1;
          for (int c = 0; question->choices[c]; c++)
            if (g_strcmp0 (question->choices[c], a->choice) == 0)
              fact->value = c;
          break;
        }
      fact->present = TRUE;
    }
}

static void
screen_flags (LimberFacts *f)
{
  f->worst = LIMBER_OUTCOME_NONE;
  for (guint i = 0; i < f->rs->red_flags->len; i++)
    {
      const LimberRedFlag *flag = g_ptr_array_index (f->rs->red_flags, i);
      gboolean hit;
      if (flag->on_history)
        {
          double v;
          if (!limber_history_fact_value (&f->history, flag->history_fact, &v))
            continue;
          hit = v >= flag->at_least;
        }
      else
        {
          if (flag->question_index < 0)
            continue;
          const LimberAnswerFact *a = &f->answers[flag->question_index];
          if (!a->present)
            continue;
          hit = flag->has_at_least ? a->value >= flag->at_least : a->value == flag->is_index;
        }
      f->flags[i] = hit;
      if (hit)
        f->worst = MAX (f->worst, flag->outcome);
    }
}

static gint
snapshot_compare (gconstpointer a, gconstpointer b)
{
  const LimberSnapshot *x = a, *y = b;
  return x->day < y->day ? -1 : x->day > y->day ? 1 : 0;
}

/* Each measure's series: the profile's scan (undated, so the oldest), then
 * every re-scan dated before the plan starts; the newest is what the person
 * can do now, and all deficits and asymmetries are read from it. */
static void
derive_measures (LimberFacts *f)
{
  const LimberRuleset *rs = f->rs;
  guint32 start = g_date_get_julian (&f->start);
  for (guint i = 0; i < rs->measures->len; i++)
    f->measures[i].series = g_array_new (FALSE, FALSE, sizeof (LimberSnapshot));
  for (guint i = 0; i < f->profile->scans->len; i++)
    {
      const LimberScan *scan = g_ptr_array_index (f->profile->scans, i);
      int mi = limber_ruleset_index_of (rs->measure_index, scan->measure);
      if (mi >= 0)
        g_array_append_val (f->measures[mi].series, ((LimberSnapshot) { 0, scan->left, scan->right }));
    }
  for (guint i = 0; i < f->profile->rescans->len; i++)
    {
      const LimberRescan *r = g_ptr_array_index (f->profile->rescans, i);
      int mi = limber_ruleset_index_of (rs->measure_index, r->measure);
      GDate d;
      if (mi < 0 || !limber_parse_date (r->date, &d) || g_date_get_julian (&d) >= start)
        continue;
      g_array_append_val (f->measures[mi].series, ((LimberSnapshot) { g_date_get_julian (&d), r->left, r->right }));
    }
  for (guint mi = 0; mi < rs->measures->len; mi++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, mi);
      LimberMeasureFact *fact = &f->measures[mi];
      if (fact->series->len == 0)
        continue;
      g_array_sort (fact->series, snapshot_compare); /* stable: same-day re-scans keep their order */
      const LimberSnapshot *now = &g_array_index (fact->series, LimberSnapshot, fact->series->len - 1);
      fact->present = TRUE;
      fact->left = now->left;
      fact->right = m->sided ? now->right : now->left;
      fact->deficit_left = MAX (0.0, m->normal - fact->left);
      fact->deficit_right = MAX (0.0, m->normal - fact->right);
      if (m->sided)
        {
          fact->asymmetry = fabs (fact->left - fact->right);
          fact->asymmetric = m->asymmetry > 0 && fact->asymmetry >= m->asymmetry;
          /* less range of motion is the tighter side */
          fact->tighter = fact->left < fact->right   ? LIMBER_SIDE_LEFT
                          : fact->right < fact->left ? LIMBER_SIDE_RIGHT
                                                     : LIMBER_SIDE_NONE;
        }
    }
}

gboolean
limber_facts_trend (const LimberFacts *f, guint measure, unsigned over_days, gboolean asymmetry, double *change)
{
  const LimberMeasureFact *fact = &f->measures[measure];
  if (fact->series->len < 2)
    return FALSE;
  const LimberSnapshot *now = &g_array_index (fact->series, LimberSnapshot, fact->series->len - 1);
  if (now->day == 0)
    return FALSE; /* only an undated scan: no time has passed that we know of */
  const LimberSnapshot *base = NULL;
  for (guint i = 0; i + 1 < fact->series->len; i++)
    {
      const LimberSnapshot *s = &g_array_index (fact->series, LimberSnapshot, i);
      if (s->day == 0 || s->day + over_days <= now->day)
        base = s;
    }
  if (base == NULL)
    return FALSE;
  *change = asymmetry ? fabs (now->left - now->right) - fabs (base->left - base->right)
                      : ((now->left - base->left) + (now->right - base->right)) / 2.0;
  return TRUE;
}

static double
item_points (const LimberScoreItem *item, const LimberQuestion *q, const LimberAnswerFact *a)
{
  switch (q->kind)
    {
    case LIMBER_QUESTION_YES_NO:
    case LIMBER_QUESTION_SCALE:
      return a->value;
    case LIMBER_QUESTION_CHOICE:
      return a->value >= 0 && (guint) a->value < item->points->len ? g_array_index (item->points, double, (guint) a->value)
                                                                    : 0;
    }
  return 0;
}

static gboolean
within (gboolean has_lo, double lo, gboolean has_hi, double hi, double v)
{
  return (!has_lo || v >= lo) && (!has_hi || v <= hi);
}

static void
derive_scores (LimberFacts *f)
{
  for (guint i = 0; i < f->rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (f->rs->scores, i);
      LimberScoreFact *fact = &f->scores[i];
      fact->subscales = g_new0 (double, MAX (s->subscales->len, 1));
      fact->category = -1;
      g_autofree double *points = g_new0 (double, s->items->len);
      for (guint k = 0; k < s->items->len; k++)
        {
          const LimberScoreItem *item = g_ptr_array_index (s->items, k);
          const LimberAnswerFact *a = &f->answers[item->question_index];
          if (!a->present)
            continue;
          fact->answered++;
          points[k] = item_points (item, g_ptr_array_index (f->rs->questions, item->question_index), a);
          fact->total += points[k];
        }
      fact->complete = fact->answered == s->items->len;
      for (guint k = 0; k < s->subscales->len; k++)
        {
          const LimberSubscale *sub = g_ptr_array_index (s->subscales, k);
          for (guint j = 0; j < sub->items->len; j++)
            fact->subscales[k] += points[g_array_index (sub->items, guint, j)];
        }
      /* A partly answered questionnaire has no category: a missing "agree"
       * could change it, and a rule must not act on a guess. */
      if (!fact->complete)
        continue;
      for (guint c = 0; c < s->categories->len && fact->category < 0; c++)
        {
          const LimberCategory *cat = g_ptr_array_index (s->categories, c);
          gboolean holds = within (cat->has_total_at_least, cat->total_at_least, cat->has_total_at_most,
                                   cat->total_at_most, fact->total);
          for (guint b = 0; b < cat->bounds->len && holds; b++)
            {
              const LimberSubscaleBound *bound = g_ptr_array_index (cat->bounds, b);
              holds = within (bound->has_at_least, bound->at_least, bound->has_at_most, bound->at_most,
                              fact->subscales[bound->subscale_index]);
            }
          if (holds)
            fact->category = (int) c;
        }
    }
}

static gint
day_compare (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* The pain-monitoring model: discomfort above the acceptable zone reduces
 * the load (dose.c steps back, rules lighten the plan), and it must then
 * settle.  This is how long it has not: the days from the first to the last
 * logged day of the latest run of logged days whose worst discomfort (during
 * or the next morning) stayed above acceptable-max.  Days without a log
 * (or logs without a discomfort) neither break nor extend the run; a logged
 * day at or under the acceptable zone ends it.  The load was reduced from
 * the day after the run's first day, so a run of 14 days is two weeks of
 * discomfort at a reduced load.  -1 without a dated, reported log. */
static int
unsettled_days (const LimberFacts *f, guint32 start)
{
  double acceptable = f->rs->progression.acceptable_max;
  g_autoptr (GHashTable) worst = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (guint i = 0; i < f->profile->sessions->len; i++)
    {
      const LimberLogged *s = g_ptr_array_index (f->profile->sessions, i);
      guint32 j = f->session_day[i];
      if (j == 0 || j >= start)
        continue;
      double d = MAX (s->discomfort, s->discomfort_next_day);
      if (d < 0)
        continue; /* not reported: says nothing about settling */
      double *w = g_hash_table_lookup (worst, GUINT_TO_POINTER (j));
      if (w == NULL)
        {
          w = g_new (double, 1);
          *w = d;
          g_hash_table_insert (worst, GUINT_TO_POINTER (j), w);
        }
      else
        *w = MAX (*w, d);
    }
  if (g_hash_table_size (worst) == 0)
    return -1;
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, worst);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      guint32 j = GPOINTER_TO_UINT (key);
      g_array_append_val (days, j);
    }
  g_array_sort (days, day_compare);
  guint32 last = g_array_index (days, guint32, days->len - 1), first = 0;
  /* walk back from the last logged day while the days stay unsettled */
  for (guint k = days->len; k-- > 0;)
    {
      guint32 j = g_array_index (days, guint32, k);
      if (*(double *) g_hash_table_lookup (worst, GUINT_TO_POINTER (j)) <= acceptable)
        break;
      first = j;
    }
  return first == 0 ? 0 : (int) (last - first);
}

/* No improvement after six weeks of home care is a reason to be assessed
 * (the clinical reference, NICE NG59): the active weeks, when re-scans reach
 * back six weeks and no measure gained a unit over them.  Without such a
 * re-scan nothing is known, and the fact is 0. */
#define IMPROVEMENT_DAYS 42

static unsigned
weeks_without_improvement (const LimberFacts *f)
{
  gboolean known = FALSE;
  for (guint m = 0; m < f->rs->measures->len; m++)
    {
      double change;
      if (!limber_facts_trend (f, m, IMPROVEMENT_DAYS, FALSE, &change))
        continue;
      known = TRUE;
      if (change >= 1)
        return 0;
    }
  return known ? f->history.weeks_active : 0;
}

static void
derive_history (LimberFacts *f)
{
  LimberHistoryFacts *h = &f->history;
  h->days_since_last = -1;
  h->recent_max_discomfort = -1;
  g_autoptr (GHashTable) weeks = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint32 start = g_date_get_julian (&f->start);
  guint32 last = 0;
  /* every session's date is parsed here, once, for every stage after */
  f->session_day = g_new0 (guint32, MAX (f->profile->sessions->len, 1));
  f->session_exercise = g_new (int, MAX (f->profile->sessions->len, 1));
  for (guint i = 0; i < f->profile->sessions->len; i++)
    {
      const LimberLogged *s = g_ptr_array_index (f->profile->sessions, i);
      f->session_exercise[i] = limber_ruleset_index_of (f->rs->exercise_index, s->exercise);
      GDate d;
      if (!limber_parse_date (s->date, &d))
        continue;
      guint32 j = f->session_day[i] = g_date_get_julian (&d);
      if (j >= start)
        continue; /* a log from the future of the plan says nothing about its past */
      last = MAX (last, j);
      if (s->completed)
        {
          h->sessions_completed++;
          guint week = g_date_get_iso8601_week_of_year (&d) + 100u * g_date_get_year (&d);
          g_hash_table_add (weeks, GUINT_TO_POINTER (week));
        }
      if (j + 7 >= start)
        h->recent_max_discomfort = MAX (h->recent_max_discomfort, MAX (s->discomfort, s->discomfort_next_day));
    }
  h->weeks_active = g_hash_table_size (weeks);
  if (last > 0)
    h->days_since_last = (int) (start - last);
  h->unsettled_days = unsettled_days (f, start);
  h->weeks_without_improvement = weeks_without_improvement (f);
}

gboolean
limber_history_fact_value (const LimberHistoryFacts *h, LimberHistoryFact fact, double *value)
{
  switch (fact)
    {
    case HISTORY_SESSIONS_COMPLETED: *value = h->sessions_completed; return TRUE;
    case HISTORY_WEEKS_ACTIVE: *value = h->weeks_active; return TRUE;
    case HISTORY_DAYS_SINCE_LAST: *value = h->days_since_last; return h->days_since_last >= 0;
    case HISTORY_RECENT_MAX_DISCOMFORT: *value = h->recent_max_discomfort; return h->recent_max_discomfort >= 0;
    case HISTORY_UNSETTLED_DISCOMFORT_DAYS: *value = h->unsettled_days; return h->unsettled_days >= 0;
    case HISTORY_WEEKS_WITHOUT_IMPROVEMENT: *value = h->weeks_without_improvement; return TRUE;
    }
  return FALSE;
}

gboolean
limber_facts_has (const GPtrArray *list, const char *id)
{
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), id) == 0)
      return TRUE;
  return FALSE;
}

LimberFacts *
limber_facts_new (const LimberRuleset *rs, const LimberProfile *profile, const GDate *start)
{
  LimberFacts *f = g_new0 (LimberFacts, 1);
  f->rs = rs;
  f->profile = profile;
  f->start = *start;
  f->answers = g_new0 (LimberAnswerFact, MAX (rs->questions->len, 1));
  f->flags = g_new0 (gboolean, MAX (rs->red_flags->len, 1));
  f->measures = g_new0 (LimberMeasureFact, MAX (rs->measures->len, 1));
  f->scores = g_new0 (LimberScoreFact, MAX (rs->scores->len, 1));
  f->equipment = profile->equipment;
  f->avoid = profile->avoid_regions;
  resolve_answers (f);
  derive_measures (f);
  derive_history (f); /* before screening: a red flag can be on a history fact */
  screen_flags (f);
  derive_scores (f);
  return f;
}

void
limber_facts_free (LimberFacts *f)
{
  if (f == NULL)
    return;
  for (guint i = 0; i < f->rs->scores->len; i++)
    g_free (f->scores[i].subscales);
  for (guint i = 0; i < f->rs->measures->len; i++)
    g_clear_pointer (&f->measures[i].series, g_array_unref);
  g_free (f->answers);
  g_free (f->session_day);
  g_free (f->session_exercise);
  g_free (f->flags);
  g_free (f->measures);
  g_free (f->scores);
  g_free (f);
}
