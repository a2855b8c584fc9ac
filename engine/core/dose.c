/*
 * Dosing: which ladder step each exercise has reached, the dose it gets and
 * the time it takes.
 *
 * The step comes from the log, read through the rule set's progression
 * policy (the pain-monitoring model): advance one step after enough completed
 * sessions in the safe band, hold when discomfort is acceptable but not safe,
 * step back when it is too much, worse the next morning or growing week on
 * week, and restart lower after a break.  Every decision leaves a reason.
 */
#include <math.h>

#include "selection.h"

/* A logged session of one exercise, with the ladder step its dose reached. */
typedef struct {
  guint32 day;              /* julian */
  const LimberLogged *log;
  int step;                 /* 0-based; -1 when below the first step */
} Entry;

static double
worst_discomfort (const LimberLogged *s)
{
  return MAX (s->discomfort, s->discomfort_next_day);
}

/* The highest step whose every figure the logged dose met: the step the
 * person has reached, whatever they were prescribed. */
static int
step_reached (const LimberExercise *e, const LimberLogged *s)
{
  int reached = -1;
  for (guint k = 0; k < e->ladder->len; k++)
    {
      const LimberDose *d = &g_array_index (e->ladder, LimberDose, k);
      /* sets not logged (0) say nothing about sets: the reps and holds decide */
      gboolean met = (s->sets == 0 || s->sets >= d->sets) && s->reps >= d->reps && s->hold_s + 1e-9 >= d->hold_s
                     && s->duration_s + 1e-9 >= d->duration_s;
      if (met)
        reached = (int) k;
    }
  return reached;
}

static gint
entry_compare (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  return x->day < y->day ? -1 : x->day > y->day ? 1 : 0;
}

/* This exercise's sessions before the plan starts, oldest first (stable, so
 * two logs of one day keep the order they were given in), in out (reused
 * from exercise to exercise: one allocation per plan, not one each). */
static GArray *
history_of (const LimberFacts *f, const LimberExercise *e, guint index, GArray *out)
{
  g_array_set_size (out, 0);
  guint32 start = g_date_get_julian (&f->start);
  for (guint i = 0; i < f->profile->sessions->len; i++)
    {
      const LimberLogged *s = g_ptr_array_index (f->profile->sessions, i);
      guint32 day = f->session_day[i];
      if (day == 0 || day >= start || f->session_exercise[i] != (int) index)
        continue;
      Entry entry = { day, s, step_reached (e, s) };
      g_array_append_val (out, entry);
    }
  if (out->len > 1)
    g_array_sort (out, entry_compare); /* g_array_sort is a stable merge sort */
  return out;
}

static double
week_max (GArray *h, guint32 from, guint32 to)
{
  double worst = -1;
  for (guint i = 0; i < h->len; i++)
    {
      const Entry *x = &g_array_index (h, Entry, i);
      if (x->day >= from && x->day < to)
        worst = MAX (worst, worst_discomfort (x->log));
    }
  return worst;
}

/* Decides the step (0-based) from the history; explains the decision. */
static unsigned
progress (const LimberFacts *f, const LimberExercise *e, LimberChoice *c, GArray *h)
{
  const LimberProgression *p = &f->rs->progression;
  unsigned top = e->ladder->len - 1;
  if (h->len == 0)
    {
      /* said when read (limber_dose_reasons) */
      c->fresh = TRUE;
      return 0;
    }
  const Entry *last = &g_array_index (h, Entry, h->len - 1);
  unsigned current = (unsigned) MAX (last->step, 0);
  c->previous_step = current + 1;
  guint32 start = g_date_get_julian (&f->start);
  unsigned gap = start - last->day;

  if (gap >= p->break_days)
    {
      unsigned back = MIN (current, p->break_steps_back);
      c->held_back = TRUE;
      limber_choice_explain (c, "progression", "step %u \u2192 %u: %u days since the last session (a break of %u+ days "
                             "restarts lower)", current + 1, current - back + 1, gap, p->break_days);
      return current - back;
    }

  const LimberLogged *s = last->log;
  double this_week = week_max (h, start - 7, start);
  double week_before = week_max (h, start - 14, start - 7);
  /* why the dose goes down, each reason one whole sentence with its figures
   * as arguments, so a plan in another language can say it (i18n.h) */
  enum { UP, TOO_MUCH, WORSE_NEXT_MORNING, GROWING } down = UP;
  double a = 0, b = 0;
  if (worst_discomfort (s) > p->acceptable_max)
    {
      down = TOO_MUCH;
      a = worst_discomfort (s);
      b = p->acceptable_max;
    }
  else if (s->discomfort >= 0 && s->discomfort_next_day > s->discomfort && s->discomfort_next_day > p->safe_max)
    {
      down = WORSE_NEXT_MORNING;
      a = s->discomfort;
      b = s->discomfort_next_day;
    }
  else if (week_before >= 0 && this_week > week_before && this_week > p->safe_max)
    {
      down = GROWING;
      a = week_before;
      b = this_week;
    }
  if (down != UP)
    {
      c->held_back = TRUE;
      if (current == 0)
        {
          if (down == TOO_MUCH)
            limber_choice_explain (c, "progression", "step 1 held, the lowest: too much (discomfort %g above %g)", a, b);
          else if (down == WORSE_NEXT_MORNING)
            limber_choice_explain (c, "progression", "step 1 held, the lowest: worse the next morning (discomfort %g "
                                   "during, %g the next morning)", a, b);
          else
            limber_choice_explain (c, "progression", "step 1 held, the lowest: growing week on week (discomfort up "
                                   "from %g to %g)", a, b);
          c->wants_easier = TRUE;
          return 0;
        }
      if (down == TOO_MUCH)
        limber_choice_explain (c, "progression", "step %u \u2192 %u: too much (discomfort %g above %g)", current + 1,
                               current, a, b);
      else if (down == WORSE_NEXT_MORNING)
        limber_choice_explain (c, "progression", "step %u \u2192 %u: worse the next morning (discomfort %g during, %g "
                               "the next morning)", current + 1, current, a, b);
      else
        limber_choice_explain (c, "progression", "step %u \u2192 %u: growing week on week (discomfort up from %g to "
                               "%g)", current + 1, current, a, b);
      return current - 1;
    }

  /* count the latest run of completed sessions at the current step */
  unsigned run = 0;
  double run_worst = 0;
  for (guint i = h->len; i-- > 0;)
    {
      const Entry *x = &g_array_index (h, Entry, i);
      if (x->step != last->step || !x->log->completed)
        break;
      run++;
      run_worst = MAX (run_worst, worst_discomfort (x->log));
    }
  if (current >= top)
    {
      limber_choice_explain (c, "progression", "step %u of %u: the top of the ladder", current + 1, top + 1);
      return current;
    }
  if (run >= p->advance_after && run_worst <= p->safe_max && f->history.recent_max_discomfort > p->acceptable_max)
    {
      /* a flare-up anywhere is no week to load anything more */
      c->held_back = TRUE;
      limber_choice_explain (c, "progression", "step %u held: discomfort %g in the last week (above %g)", current + 1,
                             f->history.recent_max_discomfort, p->acceptable_max);
      return current;
    }
  if (run >= p->advance_after && run_worst <= p->safe_max)
    {
      /* never more than the policy's largest step in any seven days */
      int week_ago = -1;
      for (guint i = 0; i < h->len; i++)
        if (g_array_index (h, Entry, i).day + 7 <= start)
          week_ago = g_array_index (h, Entry, i).step;
      if (week_ago >= 0 && (int) current + 1 - week_ago > (int) p->max_steps_per_week)
        {
          if ((int) current - week_ago == 1)
            limber_choice_explain (c, "progression", "step %u held: already up %d step this week (at most %u)",
                                   current + 1, (int) current - week_ago, p->max_steps_per_week);
          else
            limber_choice_explain (c, "progression", "step %u held: already up %d steps this week (at most %u)",
                                   current + 1, (int) current - week_ago, p->max_steps_per_week);
          return current;
        }
      limber_choice_explain (c, "progression", "step %u \u2192 %u: %u sessions completed, discomfort \u2264 %g", current + 1,
                             current + 2, run, run_worst);
      return current + 1;
    }
  c->held_back |= run_worst > p->safe_max;
  if (run_worst > p->safe_max)
    limber_choice_explain (c, "progression", "step %u held: discomfort %g is acceptable, not yet safe (\u2264 %g)",
                           current + 1, run_worst, p->safe_max);
  else
    limber_choice_explain (c, "progression", "step %u held: %u of %u sessions completed", current + 1, run,
                           p->advance_after);
  return current;
}

/* The seconds of a dose: sets, rests and transitions (rep: the seconds of
 * a repetition that is not held). */
static double
seconds_of (const LimberRuleset *rs, double rep, gboolean per_side, const LimberDose *d, unsigned extra_sets)
{
  double set_time = d->duration_s > 0 ? d->duration_s : d->reps * (d->hold_s > 0 ? d->hold_s : rep);
  unsigned sides = per_side ? 2 : 1;
  unsigned sets = d->sets * sides + extra_sets;
  /* rests fall between the sets of one side; one transition into the
   * exercise and one more to change sides */
  double rests = rs->timing.set_rest * (double) (sets - sides);
  double transitions = rs->timing.transition * sides;
  return round (set_time * sets + rests + transitions);
}

double
limber_dose_seconds (const LimberRuleset *rs, const LimberExercise *e, const LimberDose *d, unsigned extra_sets)
{
  return seconds_of (rs, e->has_seconds_per_rep ? e->seconds_per_rep : rs->timing.rep, e->per_side, d, extra_sets);
}

/* Whether a rule's least hold, or least repetitions, raises the step's.
 * min-reps acts on held steps (static stretches), where repetitions
 * accumulate time in the stretch; flows and counted moves keep theirs. */
static gboolean
raises_hold (const LimberChoice *c, const LimberDose *d)
{
  return c->min_hold > 0 && d->hold_s > 0 && d->hold_s < c->min_hold;
}

static gboolean
raises_reps (const LimberChoice *c, const LimberDose *d)
{
  return c->min_reps > 0 && d->hold_s > 0 && d->reps < c->min_reps;
}

/* The dose at a step with the choice's least hold and repetitions. */
static LimberDose
raised (const LimberChoice *c, LimberDose d)
{
  LimberDose out = d;
  if (raises_hold (c, &d))
    out.hold_s = c->min_hold;
  if (raises_reps (c, &d))
    out.reps = c->min_reps;
  return out;
}

/* An exercise that is too much even at its first step gives way to its
 * easier variant, when the rule set names one the person may do: the variant
 * takes over its place (weight, requirement) for this plan. */
LimberDose
limber_dose_at_step (const LimberChoice *c, const LimberExercise *e, unsigned step)
{
  return raised (c, g_array_index (e->ladder, LimberDose, step));
}

static void
swap_to_easier (LimberSelection *sel)
{
  const LimberRuleset *rs = sel->rs;
  for (guint i = 0; i < sel->n; i++)
    {
      LimberChoice *c = &sel->choices[i];
      if (!c->wants_easier || c->excluded)
        continue;
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      for (guint v = 0; v < e->variants->len; v++)
        {
          const LimberVariant *var = g_ptr_array_index (e->variants, v);
          LimberChoice *easier = &sel->choices[var->index];
          if (var->kind != VARIANT_EASIER || easier->excluded)
            continue;
          const LimberExercise *to = g_ptr_array_index (rs->exercises, var->index);
          c->excluded = TRUE;
          limber_choice_explain (c, "progression", "replaced by %s: too much even at the first step", to->name);
          easier->weight = MAX (easier->weight, c->weight);
          easier->required |= c->required;
          c->required = FALSE;
          c->weight = 0;
          limber_choice_explain (easier, "progression", "replaces %s, which was too much even at its first step",
                                 e->name);
          break;
        }
    }
}

void
limber_dose_reasons (const LimberSelection *sel, guint exercise, GArray *out)
{
  const LimberChoice *c = &sel->choices[exercise];
  const LimberExercise *e = g_ptr_array_index (sel->rs->exercises, exercise);
  if (c->fresh)
    limber_why_put (out, exercise, "ladder", "step 1 of %u: no sessions logged yet", 2, 1,
                    &(LimberWhyArg) { .u = e->ladder->len });
  if (c->lowest_from > 0)
    limber_why_put (out, exercise, "ladder", "step %u \u2192 1: a rule asks for the first step", 2, 1,
                    &(LimberWhyArg) { .u = c->lowest_from });
  /* the step as dosing read it (c->step is 1-based) */
  const LimberDose *d = &sel->rs->ladder_steps[sel->rs->dosing[exercise].ladder_first + c->step - 1];
  if (raises_hold (c, d))
    limber_why_put (out, exercise, "dose", "holds %g s \u2192 %g s", 2, 2,
                    (LimberWhyArg[]) { { .d = d->hold_s }, { .d = c->min_hold } });
  if (raises_reps (c, d))
    limber_why_put (out, exercise, "dose", "repetitions %u \u2192 %u", 2, 2,
                    (LimberWhyArg[]) { { .u = d->reps }, { .u = c->min_reps } });
}

void
limber_dose (LimberSelection *sel)
{
  const LimberFacts *f = sel->facts;
  const LimberRuleset *rs = sel->rs;
  g_autoptr (GArray) scratch = g_array_new (FALSE, FALSE, sizeof (Entry));
  /* the exercises with a logged session: only they have a history to read */
  guint8 *logged = sel->logged;
  for (guint k = 0; k < f->profile->sessions->len; k++)
    if (f->session_exercise[k] >= 0)
      logged[f->session_exercise[k]] = 1;
  for (guint i = 0; i < sel->n; i++)
    {
      LimberChoice *c = &sel->choices[i];
      if (c->excluded)
        continue;
      const LimberDosing *dosing = &rs->dosing[i];
      unsigned step = 0;
      if (logged[i])
        {
          const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
          step = progress (f, e, c, history_of (f, e, i, scratch));
        }
      else
        c->fresh = TRUE; /* progress() for an empty history */
      /* what follows is said when read, from what is kept here
       * (limber_dose_reasons): the first step a rule asks for, a hold or
       * repetitions raised to a rule's least */
      c->dosed = TRUE;
      c->dose_mark = c->why_last;
      if (c->lowest_step && step > 0)
        {
          c->lowest_from = step + 1;
          step = 0;
        }
      c->step = step + 1;
      c->dose = raised (c, rs->ladder_steps[dosing->ladder_first + step]);
      if (!dosing->per_side)
        c->extra_sets = 0;
      c->seconds = seconds_of (rs, dosing->rep_seconds, dosing->per_side, &c->dose, c->extra_sets);
    }
  swap_to_easier (sel);
}
