/*
 * Drawing a population of profiles (see population.h).
 *
 * The aim is breadth rather than realism: every goal, ages from young to
 * old, scans from normal to very tight with either side the tighter, every
 * kind of screening answer, and histories from nothing to two months of
 * logs with breaks, flare-ups and re-scans, so that a population of a few
 * thousand reaches what a rule set can do.  Red flags that stop a plan are
 * answered yes rarely, or most plans would be referrals that fire no rule.
 */
#include "population.h"

#include <math.h>

static double
uniform (LimberRandom *r, double lo, double hi)
{
  return lo + (hi - lo) * limber_random_double (r);
}

static unsigned
pick (LimberRandom *r, unsigned n)
{
  unsigned k = (unsigned) (limber_random_double (r) * n); /* MIN would draw twice */
  return MIN (k, n - 1);
}

static gboolean
chance (LimberRandom *r, double p)
{
  return limber_random_double (r) < p;
}

/* The most severe outcome a yes (or a choice, or a high value) can lead to. */
static LimberOutcome
flag_outcome (const LimberRuleset *rs, guint question, const char **is, double *at_least)
{
  LimberOutcome worst = LIMBER_OUTCOME_NONE;
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      if (f->question_index != (int) question || f->outcome <= worst)
        continue;
      worst = f->outcome;
      *is = f->is;
      *at_least = f->at_least;
    }
  return worst;
}

static void
answer (const LimberRuleset *rs, LimberProfile *p, LimberRandom *r, guint qi)
{
  const LimberQuestion *q = g_ptr_array_index (rs->questions, qi);
  const char *flag_is = NULL;
  double flag_at_least = 0;
  LimberOutcome outcome = flag_outcome (rs, qi, &flag_is, &flag_at_least);
  double p_flag = outcome >= LIMBER_OUTCOME_SEE_CLINICIAN ? 0.01 : 0.15;
  switch (q->kind)
    {
    case LIMBER_QUESTION_YES_NO:
      {
        gboolean yes = chance (r, 0.5);
        if (outcome != LIMBER_OUTCOME_NONE)
          yes = chance (r, p_flag) == (g_strcmp0 (flag_is, "yes") == 0);
        limber_profile_set_answer_bool (p, q->id, yes);
        break;
      }
    case LIMBER_QUESTION_SCALE:
      {
        double hi = q->max;
        /* below a flag's threshold, except rarely */
        if (outcome != LIMBER_OUTCOME_NONE && !chance (r, p_flag))
          hi = MAX (q->min, ceil (flag_at_least) - 1);
        limber_profile_set_answer_number (p, q->id, floor (uniform (r, q->min, hi + 1)));
        break;
      }
    case LIMBER_QUESTION_CHOICE:
      {
        unsigned n = g_strv_length (q->choices);
        unsigned k = pick (r, n);
        /* a flagged choice, rarely: otherwise one of the others */
        if (outcome != LIMBER_OUTCOME_NONE && g_strcmp0 (q->choices[k], flag_is) == 0 && n > 1 && !chance (r, p_flag))
          k = (k + 1 + pick (r, n - 1)) % n;
        limber_profile_set_answer_choice (p, q->id, q->choices[k]);
        break;
      }
    }
}

static void
scan (const LimberRuleset *rs, LimberProfile *p, LimberRandom *r, const GDate *start)
{
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      if (!chance (r, 0.7))
        continue;
      /* half near normal, half with a deficit of up to half the possible */
      double deficit = chance (r, 0.5) ? uniform (r, -5, 5) : uniform (r, 0, (m->normal - m->min) * 0.5);
      double left = CLAMP (round (m->normal - deficit), m->min, m->max), right = left;
      if (m->sided && chance (r, 0.4))
        {
          double gap = round (uniform (r, 0, MAX (m->asymmetry, 5) * 2.5));
          if (chance (r, 0.5))
            left = CLAMP (left - gap, m->min, m->max);
          else
            right = CLAMP (right - gap, m->min, m->max);
        }
      if (!m->sided)
        {
          limber_profile_set_measure_value (p, m->id, left);
          continue;
        }
      limber_profile_set_measure (p, m->id, left, right);
      /* re-scans over the last weeks: improving, flat or diverging */
      if (!chance (r, 0.25))
        continue;
      double drift = uniform (r, -2, 2), spread = uniform (r, -1.5, 1.5);
      for (int weeks_ago = 6; weeks_ago >= 0; weeks_ago -= 2)
        {
          GDate d = *start;
          g_date_subtract_days (&d, (guint) (weeks_ago * 7 + 1));
          char date[11];
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
          double l = CLAMP (round (left + drift * (6 - weeks_ago) + spread * (6 - weeks_ago)), m->min, m->max);
          double rr = CLAMP (round (right + drift * (6 - weeks_ago) - spread * (6 - weeks_ago)), m->min, m->max);
          limber_profile_add_rescan (p, date, m->id, l, rr);
        }
    }
}

static void
history (const LimberRuleset *rs, LimberProfile *p, LimberRandom *r, const GDate *start)
{
  if (!chance (r, 0.5))
    return;
  unsigned weeks = 1 + pick (r, 8);
  unsigned gap = chance (r, 0.15) ? 14 + pick (r, 20) : 1 + pick (r, 3);
  double pain = chance (r, 0.2) ? uniform (r, 3, 8) : uniform (r, 0, 2.5);
  unsigned n_exercises = 1 + pick (r, 4);
  for (unsigned k = 0; k < n_exercises; k++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, pick (r, rs->exercises->len));
      unsigned top = e->ladder->len;
      unsigned step = pick (r, top);
      for (unsigned day = weeks * 7; day >= gap && day >= 1;)
        {
          GDate d = *start;
          g_date_subtract_days (&d, day);
          char date[11];
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
          const LimberDose *dose = &g_array_index (e->ladder, LimberDose, MIN (step, top - 1));
          /* drawn first: CLAMP evaluates its argument more than once */
          double during = pain + uniform (r, -1, 1), after = pain + uniform (r, -1, 2);
          gboolean reported = !chance (r, 0.3);
          LimberSession s = {
            .date = date,
            .exercise = e->id,
            .completed = chance (r, 0.9),
            .sets = dose->sets,
            .reps = dose->reps,
            .hold_s = dose->hold_s,
            .duration_s = dose->duration_s,
            .discomfort = round (CLAMP (during, 0, 10)),
            .discomfort_next_day = reported ? round (CLAMP (after, 0, 10)) : -1,
          };
          limber_profile_add_session (p, &s);
          if (chance (r, 0.2) && step + 1 < top)
            step++;
          unsigned every = 2 + pick (r, 2); /* every 2 or 3 days */
          day -= MIN (day, every);
        }
    }
}

LimberProfile *
limber_population_profile (const LimberRuleset *rs, LimberRandom *r, const GDate *start)
{
  LimberProfile *p = limber_profile_new ();
  GArray *goals = g_array_new (FALSE, FALSE, sizeof (LimberGoal));
  for (LimberGoal g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      g_array_append_val (goals, g);
  limber_profile_set_goal (p, g_array_index (goals, LimberGoal, pick (r, goals->len)));
  g_array_unref (goals);
  limber_profile_set_age (p, 18 + pick (r, 73));
  static const double minutes[] = { 5, 10, 15, 20, 30, 45 };
  limber_profile_set_minutes_per_day (p, minutes[pick (r, G_N_ELEMENTS (minutes))]);
  limber_profile_set_days_per_week (p, 1 + pick (r, 7));
  limber_profile_set_no_floor (p, chance (r, 0.15));
  if (chance (r, 0.15))
    {
      static const char *const none[] = { NULL }, *const chair[] = { "chair", NULL }, *const strap[] = { "chair", "wall", "strap", NULL };
      const char *const *sets[] = { none, chair, strap };
      limber_profile_set_equipment (p, sets[pick (r, G_N_ELEMENTS (sets))]);
    }
  if (chance (r, 0.1) && rs->exercises->len > 0)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, pick (r, rs->exercises->len));
      if (e->regions[0] != NULL)
        limber_profile_add_avoid_region (p, e->regions[pick (r, g_strv_length (e->regions))]);
    }
  for (guint q = 0; q < rs->questions->len; q++)
    if (chance (r, 0.9))
      answer (rs, p, r, q);
  scan (rs, p, r, start);
  history (rs, p, r, start);
  return p;
}
