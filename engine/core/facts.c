/*
 * Deriving facts from a validated profile: the one place where answers,
 * scans and history are interpreted, so that every rule sees the same
 * reading of them.
 */
#include "facts.h"

#include <math.h>
#include <string.h>

/* Whether the profile's ids were resolved and its dates parsed against
 * this rule set when it was loaded (limber_profile_mark_checked()); an
 * API-built or edited profile is looked up here instead. */
static gboolean
resolved_for (const LimberFacts *f)
{
  return f->profile->checked_for == f->rs->serial;
}

static void
resolve_answers (LimberFacts *f)
{
  const LimberRuleset *rs = f->rs;
  gboolean resolved = resolved_for (f);
  for (guint i = 0; i < f->profile->answers->len; i++)
    {
      const LimberAnswer *a = g_ptr_array_index (f->profile->answers, i);
      int q = resolved ? a->question_index : limber_ruleset_index_of (rs->question_index, a->question);
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
          if (resolved)
            fact->value = a->choice_index;
          else
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
snapshot_compare (gconstpointer a, gconstpointer b, gpointer unused)
{
  (void) unused;
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
  /* each measure's snapshots counted first, then stored in one array each */
  guint n_rescans = f->profile->rescans->len;
  guint n_scans = f->profile->scans->len;
  int *scan_measure = limber_arena_new0 (&f->arena, int, n_scans);
  int *rescan_measure = limber_arena_new0 (&f->arena, int, n_rescans);
  guint32 *rescan_day = limber_arena_new0 (&f->arena, guint32, n_rescans);
  guint *capacity = limber_arena_new0 (&f->arena, guint, rs->measures->len);
  gboolean resolved = resolved_for (f);
  for (guint i = 0; i < n_scans; i++)
    {
      const LimberScan *scan = g_ptr_array_index (f->profile->scans, i);
      int mi = scan_measure[i] = resolved ? scan->measure_index
                                          : limber_ruleset_index_of (rs->measure_index, scan->measure);
      if (mi >= 0)
        capacity[mi]++;
    }
  for (guint i = 0; i < n_rescans; i++)
    {
      const LimberRescan *r = g_ptr_array_index (f->profile->rescans, i);
      int mi = resolved ? r->measure_index : limber_ruleset_index_of (rs->measure_index, r->measure);
      guint32 day = resolved ? r->day : limber_parse_julian (r->date);
      if (mi < 0 || day == 0 || day >= start)
        mi = -1;
      else
        rescan_day[i] = day;
      rescan_measure[i] = mi;
      if (mi >= 0)
        capacity[mi]++;
    }
  for (guint i = 0; i < rs->measures->len; i++)
    f->measures[i].series = limber_arena_new0 (&f->arena, LimberSnapshot, capacity[i]);
  for (guint i = 0; i < n_scans; i++)
    {
      const LimberScan *scan = g_ptr_array_index (f->profile->scans, i);
      int mi = scan_measure[i];
      if (mi >= 0)
        f->measures[mi].series[f->measures[mi].n_series++] = (LimberSnapshot) { 0, scan->left, scan->right };
    }
  for (guint i = 0; i < n_rescans; i++)
    {
      const LimberRescan *r = g_ptr_array_index (f->profile->rescans, i);
      int mi = rescan_measure[i];
      if (mi >= 0)
        f->measures[mi].series[f->measures[mi].n_series++] = (LimberSnapshot) { rescan_day[i], r->left, r->right };
    }
  for (guint mi = 0; mi < rs->measures->len; mi++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, mi);
      LimberMeasureFact *fact = &f->measures[mi];
      if (fact->n_series == 0)
        continue;
      /* stable (GLib's merge sort): same-day re-scans keep their order */
      g_qsort_with_data (fact->series, (gint) fact->n_series, sizeof (LimberSnapshot),
                         snapshot_compare, NULL);
      const LimberSnapshot *now = &fact->series[fact->n_series - 1];
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
  if (fact->n_series < 2)
    return FALSE;
  const LimberSnapshot *now = &fact->series[fact->n_series - 1];
  if (now->day == 0)
    return FALSE; /* only an undated scan: no time has passed that we know of */
  const LimberSnapshot *base = NULL;
  for (guint i = 0; i + 1 < fact->n_series; i++)
    {
      const LimberSnapshot *s = &fact->series[i];
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
      fact->subscales = limber_arena_new0 (&f->arena, double, s->subscales->len);
      fact->category = -1;
      double *points = limber_arena_new0 (&f->arena, double, s->items->len);
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
day_compare (gconstpointer a, gconstpointer b, gpointer unused)
{
  (void) unused;
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

typedef struct {
  guint32 day;
  double worst;
} DayWorst;

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
unsettled_days (LimberFacts *f, guint32 start)
{
  double acceptable = f->rs->progression.acceptable_max;
  /* each reported log's day and discomfort, sorted by day; a day's worst
   * is the largest of its logs */
  DayWorst *logs = limber_arena_new0 (&f->arena, DayWorst, f->profile->sessions->len);
  guint n = 0;
  for (guint i = 0; i < f->profile->sessions->len; i++)
    {
      const LimberLogged *s = g_ptr_array_index (f->profile->sessions, i);
      guint32 j = f->session_day[i];
      if (j == 0 || j >= start)
        continue;
      double d = MAX (s->discomfort, s->discomfort_next_day);
      if (d < 0)
        continue; /* not reported: says nothing about settling */
      logs[n++] = (DayWorst) { j, d };
    }
  if (n == 0)
    return -1;
  g_qsort_with_data (logs, (gint) n, sizeof (DayWorst), day_compare, NULL);
  guint32 last = logs[n - 1].day, first = 0;
  /* walk back from the last logged day, a day at a time, while the days
   * stay unsettled */
  for (guint k = n; k > 0;)
    {
      guint32 day = logs[k - 1].day;
      double worst = -1;
      for (; k > 0 && logs[k - 1].day == day; k--)
        worst = MAX (worst, logs[k - 1].worst);
      if (worst <= acceptable)
        break;
      first = day;
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
  /* the ISO weeks of completed sessions, counted once each after sorting */
  guint32 *weeks = limber_arena_new0 (&f->arena, guint32, f->profile->sessions->len);
  guint n_weeks = 0;
  guint32 start = g_date_get_julian (&f->start);
  guint32 last = 0;
  /* every session's date is parsed here, once, for every stage after */
  f->session_day = limber_arena_new0 (&f->arena, guint32, f->profile->sessions->len);
  f->session_exercise = limber_arena_new0 (&f->arena, int, f->profile->sessions->len);
  gboolean resolved = resolved_for (f);
  for (guint i = 0; i < f->profile->sessions->len; i++)
    {
      const LimberLogged *s = g_ptr_array_index (f->profile->sessions, i);
      f->session_exercise[i] = resolved ? s->exercise_index
                                        : limber_ruleset_index_of (f->rs->exercise_index, s->exercise);
      guint32 j = f->session_day[i] = resolved ? s->day : limber_parse_julian (s->date);
      if (j == 0)
        continue;
      if (j >= start)
        continue; /* a log from the future of the plan says nothing about its past */
      last = MAX (last, j);
      if (s->completed)
        {
          h->sessions_completed++;
          GDate d;
          g_date_clear (&d, 1);
          g_date_set_julian (&d, j);
          weeks[n_weeks++] = g_date_get_iso8601_week_of_year (&d) + 100u * g_date_get_year (&d);
        }
      if (j + 7 >= start)
        h->recent_max_discomfort = MAX (h->recent_max_discomfort, MAX (s->discomfort, s->discomfort_next_day));
    }
  g_qsort_with_data (weeks, (gint) n_weeks, sizeof (guint32), day_compare, NULL);
  h->weeks_active = 0;
  for (guint k = 0; k < n_weeks; k++)
    h->weeks_active += k == 0 || weeks[k] != weeks[k - 1];
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
  /* the facts and their arrays in one arena, its first block sized for
   * them so that a plan's facts are one allocation (a guess too small
   * costs a second block, nothing more); 48: an arena's rounding and
   * sanitizer gaps per array */
  gsize first = sizeof (LimberFacts) + sizeof (LimberAnswerFact) * rs->questions->len
                + sizeof (gboolean) * rs->red_flags->len
                + (sizeof (LimberMeasureFact) + sizeof (guint) + 2 * sizeof (LimberSnapshot) + 48) * rs->measures->len
                + (sizeof (LimberScoreFact) + 256) * rs->scores->len
                + (sizeof (guint32) + sizeof (int)) * profile->sessions->len
                + sizeof (LimberSnapshot) * profile->rescans->len + 16 * 48;
  LimberArena arena = LIMBER_ARENA_INIT (first);
  LimberFacts *f = limber_arena_new0 (&arena, LimberFacts, 1);
  f->arena = arena;
  f->rs = rs;
  f->profile = profile;
  f->start = *start;
  f->answers = limber_arena_new0 (&f->arena, LimberAnswerFact, rs->questions->len);
  f->flags = limber_arena_new0 (&f->arena, gboolean, rs->red_flags->len);
  f->measures = limber_arena_new0 (&f->arena, LimberMeasureFact, rs->measures->len);
  f->scores = limber_arena_new0 (&f->arena, LimberScoreFact, rs->scores->len);
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
  /* the facts live in their own arena: copy it out before clearing */
  LimberArena arena = f->arena;
  limber_arena_clear (&arena);
}
