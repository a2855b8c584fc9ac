/*
 * Tracing a generation up to its doses (see trace.h).  Nothing here decides
 * anything: every decision comes from the functions limber_generate() calls.
 */
#include "trace.h"

#include "condition.h"
#include "limber/error.h"

LimberTrace *
limber_trace_new (const LimberRuleset *rs, const LimberProfile *profile, const GDate *start, GError **error)
{
  g_return_val_if_fail (rs != NULL && profile != NULL && start != NULL, NULL);
  if (!limber_profile_validate (profile, rs, error))
    return NULL;
  LimberTrace *trace = g_new0 (LimberTrace, 1);
  trace->facts = limber_facts_new (rs, profile, start);
  /* the same short circuit as generate.c: a referral evaluates no rule */
  if (trace->facts->worst >= LIMBER_OUTCOME_SEE_CLINICIAN)
    return trace;
  trace->selection = limber_selection_new (trace->facts);
  limber_evaluate (trace->selection);
  limber_dose (trace->selection);
  return trace;
}

void
limber_trace_free (LimberTrace *trace)
{
  if (trace == NULL)
    return;
  limber_selection_free (trace->selection);
  limber_facts_free (trace->facts);
  g_free (trace);
}

const LimberChoice *
limber_trace_choice (const LimberTrace *trace, const char *exercise)
{
  if (trace->selection == NULL)
    return NULL;
  int i = limber_ruleset_index_of (trace->facts->rs->exercise_index, exercise);
  return i < 0 ? NULL : &trace->selection->choices[i];
}

GPtrArray *
limber_trace_why (const LimberTrace *trace, guint exercise)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  if (trace->selection == NULL || exercise >= trace->selection->n)
    return out;
  const LimberExercise *e = g_ptr_array_index (trace->facts->rs->exercises, exercise);
  const LimberChoice *c = &trace->selection->choices[exercise];
  /* the same lines as a plan item's why (schedule.c make_item), so a test
   * failure reads like the plan a person would get */
  g_ptr_array_add (out, g_strdup_printf ("catalogue: base weight %g", e->base_weight));
  g_autoptr (GArray) why = g_array_new (FALSE, FALSE, sizeof (LimberWhy));
  limber_selection_reasons (trace->selection, exercise, why);
  for (guint k = 0; k < why->len; k++)
    {
      LimberWhy *w = &g_array_index (why, LimberWhy, k);
      g_ptr_array_add (out, g_strdup_printf ("%s: %s", w->rule, limber_why_text (w)));
      limber_why_clear (w);
    }
  g_ptr_array_add (out, g_strdup_printf ("selection: final weight %g%s", c->weight,
                                         c->excluded ? " (excluded)" : c->required ? " (required)" : ""));
  return out;
}

/* The fact a leaf condition reads, in words; NULL when there is nothing
 * more to say than the condition itself. */
static char *
leaf_fact (const LimberFacts *f, const LimberCond *c)
{
  const LimberRuleset *rs = f->rs;
  switch (c->kind)
    {
    case COND_ALL:
    case COND_ANY:
    case COND_NOT:
      return NULL;
    case COND_GOAL:
      return g_strdup_printf ("goal: %s", limber_goal_to_string (f->profile->goal));
    case COND_AGE:
      return g_strdup_printf ("age: %u", f->profile->age);
    case COND_MINUTES:
      return g_strdup_printf ("minutes a day: %g", f->profile->minutes_per_day);
    case COND_UNANSWERED:
      {
        const LimberQuestion *q = g_ptr_array_index (rs->questions, c->index);
        return g_strdup_printf ("answer %s: %s", q->id, f->answers[c->index].present ? "given" : "not answered");
      }
    case COND_DEFICIT:
    case COND_ASYMMETRY:
      {
        const LimberMeasureFact *m = &f->measures[c->index];
        if (!m->present)
          return g_strdup_printf ("%s: not measured", c->ref);
        if (c->kind == COND_DEFICIT)
          return g_strdup_printf ("%s: left %g, right %g; deficit left %g, right %g", c->ref, m->left, m->right,
                                  m->deficit_left, m->deficit_right);
        return g_strdup_printf ("%s: left %g, right %g; difference %g, tighter %s", c->ref, m->left, m->right,
                                m->asymmetry, m->tighter == LIMBER_SIDE_NONE ? "neither" : limber_side_to_string (m->tighter));
      }
    case COND_ANSWER:
      {
        const LimberAnswerFact *a = &f->answers[c->index];
        const LimberQuestion *q = g_ptr_array_index (rs->questions, c->index);
        if (!a->present)
          return g_strdup_printf ("answer %s: not answered", q->id);
        if (q->kind == LIMBER_QUESTION_YES_NO)
          return g_strdup_printf ("answer %s: %s", q->id, a->value > 0 ? "yes" : "no");
        if (q->kind == LIMBER_QUESTION_CHOICE && a->value >= 0)
          return g_strdup_printf ("answer %s: %s", q->id, q->choices[(int) a->value]);
        return g_strdup_printf ("answer %s: %g", q->id, a->value);
      }
    case COND_FLAG:
      return g_strdup_printf ("red flag %s: %s", c->ref, f->flags[c->index] ? "triggered" : "not triggered");
    case COND_SCORE:
      {
        const LimberScore *s = g_ptr_array_index (rs->scores, c->index);
        const LimberScoreFact *sf = &f->scores[c->index];
        if (sf->category < 0)
          return g_strdup_printf ("score %s: incomplete (%u of %u items answered)", s->id, sf->answered,
                                  s->items->len);
        return g_strdup_printf ("score %s: %s (total %g)", s->id,
                                ((LimberCategory *) g_ptr_array_index (s->categories, sf->category))->id, sf->total);
      }
    case COND_CONSTRAINT:
      if (c->constraint == CONSTRAINT_NO_FLOOR)
        return g_strdup_printf ("no floor: %s", f->profile->no_floor ? "true" : "false");
      return NULL;
    case COND_HISTORY:
      switch (c->fact)
        {
        case HISTORY_SESSIONS_COMPLETED:
          return g_strdup_printf ("sessions completed: %u", f->history.sessions_completed);
        case HISTORY_WEEKS_ACTIVE:
          return g_strdup_printf ("active weeks: %u", f->history.weeks_active);
        case HISTORY_DAYS_SINCE_LAST:
          return f->history.days_since_last < 0 ? g_strdup ("days since last session: no session logged")
                                                : g_strdup_printf ("days since last session: %d", f->history.days_since_last);
        case HISTORY_RECENT_MAX_DISCOMFORT:
          return f->history.recent_max_discomfort < 0
                   ? g_strdup ("recent max discomfort: none reported in the last 7 days")
                   : g_strdup_printf ("recent max discomfort: %g", f->history.recent_max_discomfort);
        case HISTORY_UNSETTLED_DISCOMFORT_DAYS:
          return f->history.unsettled_days < 0
                   ? g_strdup ("days of unsettled discomfort: no session logged")
                   : g_strdup_printf ("days of unsettled discomfort: %d", f->history.unsettled_days);
        case HISTORY_WEEKS_WITHOUT_IMPROVEMENT:
          return g_strdup_printf ("active weeks without improvement: %u", f->history.weeks_without_improvement);
        }
      return NULL;
    case COND_TREND:
      {
        double change;
        if (c->index >= 0 && limber_facts_trend (f, (guint) c->index, c->over_days, c->trend_asymmetry, &change))
          return g_strdup_printf ("change of %s: %g", c->ref, change);
        return c->index >= 0 ? g_strdup_printf ("change of %s: no re-scan %u days apart", c->ref, c->over_days) : NULL;
      }
    }
  return NULL;
}

static void
explain_into (const LimberFacts *f, const LimberCond *c, unsigned depth, GPtrArray *out)
{
  gboolean held = limber_cond_eval (c, f);
  g_autofree char *indent = g_strnfill (depth * 2, ' ');
  const char *verdict = held ? "held" : "did not hold";
  if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT)
    {
      const char *what = c->kind == COND_ALL ? "all of" : c->kind == COND_ANY ? "any of" : "not";
      g_ptr_array_add (out, g_strdup_printf ("%s%s: %s", indent, verdict, what));
      for (guint i = 0; i < c->children->len; i++)
        explain_into (f, g_ptr_array_index (c->children, i), depth + 1, out);
      return;
    }
  g_autofree char *what = limber_cond_describe (f->rs, c);
  g_autofree char *fact = leaf_fact (f, c);
  g_ptr_array_add (out, fact ? g_strdup_printf ("%s%s: %s (%s)", indent, verdict, what, fact)
                             : g_strdup_printf ("%s%s: %s", indent, verdict, what));
}

void
limber_trace_explain_cond (const LimberTrace *trace, const LimberCond *cond, GPtrArray *out)
{
  if (cond == NULL)
    {
      g_ptr_array_add (out, g_strdup ("held: always"));
      return;
    }
  explain_into (trace->facts, cond, 0, out);
}
