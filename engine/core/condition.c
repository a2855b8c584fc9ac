/* Rule conditions and actions: evaluated against a profile's facts, and put
 * into words for describe output and for the explanation of every plan item. */
#include "condition.h"

#include <string.h>

#include "facts.h"

static void
describe_bounds (GString *out, const LimberCond *c)
{
  if (c->has_at_least && c->has_at_most)
    g_string_append_printf (out, " %g to %g", c->at_least, c->at_most);
  else if (c->has_at_least)
    g_string_append_printf (out, " >= %g", c->at_least);
  else if (c->has_at_most)
    g_string_append_printf (out, " <= %g", c->at_most);
}

static void
describe_into (GString *out, const LimberRuleset *rs, const LimberCond *c)
{
  static const char *const sides[] = { "either side", "left", "right", "both sides" };
  static const char *const facts[] = {
    "sessions completed", "days since last session", "active weeks", "recent max discomfort",
    "days of unsettled discomfort", "active weeks without improvement",
  };
  switch (c->kind)
    {
    case COND_ALL:
    case COND_ANY:
      g_string_append (out, c->kind == COND_ALL ? "all of (" : "any of (");
      for (guint i = 0; i < c->children->len; i++)
        {
          if (i > 0)
            g_string_append (out, "; ");
          describe_into (out, rs, g_ptr_array_index (c->children, i));
        }
      g_string_append_c (out, ')');
      break;
    case COND_NOT:
      g_string_append (out, "not (");
      describe_into (out, rs, g_ptr_array_index (c->children, 0));
      g_string_append_c (out, ')');
      break;
    case COND_GOAL:
      g_string_append_printf (out, "goal is %s", limber_goal_to_string (c->goal));
      break;
    case COND_AGE:
      g_string_append (out, "age");
      describe_bounds (out, c);
      break;
    case COND_MINUTES:
      g_string_append (out, "minutes a day");
      describe_bounds (out, c);
      break;
    case COND_UNANSWERED:
      g_string_append_printf (out, "answer %s not given", c->ref);
      break;
    case COND_DEFICIT:
      {
        int m = limber_ruleset_index_of (rs->measure_index, c->ref);
        g_string_append_printf (out, "deficit of %s >= %g %s (%s)", c->ref, c->at_least,
                                m >= 0 ? ((LimberMeasure *) g_ptr_array_index (rs->measures, m))->unit : "",
                                sides[c->side]);
        break;
      }
    case COND_ASYMMETRY:
      g_string_append_printf (out, "asymmetry of %s", c->ref);
      if (c->has_at_least)
        g_string_append_printf (out, " >= %g", c->at_least);
      if (c->side != SIDE_ANY)
        g_string_append_printf (out, ", %s tighter", sides[c->side]);
      break;
    case COND_ANSWER:
      g_string_append_printf (out, "answer %s", c->ref);
      if (c->value)
        g_string_append_printf (out, " is %s", c->value);
      describe_bounds (out, c);
      break;
    case COND_FLAG:
      g_string_append_printf (out, "red flag %s", c->ref);
      break;
    case COND_SCORE:
      g_string_append_printf (out, "score %s is %s", c->ref, c->value);
      break;
    case COND_CONSTRAINT:
      if (c->constraint == CONSTRAINT_NO_FLOOR)
        g_string_append (out, c->flag_value ? "no floor work" : "floor work allowed");
      else if (c->constraint == CONSTRAINT_HAS_EQUIPMENT)
        g_string_append_printf (out, "has %s", c->value);
      else
        g_string_append_printf (out, "avoids region %s", c->value);
      break;
    case COND_HISTORY:
      g_string_append (out, facts[c->fact]);
      describe_bounds (out, c);
      break;
    case COND_TREND:
      g_string_append_printf (out, "change of %s %s over %u days", c->ref,
                              c->trend_asymmetry ? "asymmetry" : "range", c->over_days);
      describe_bounds (out, c);
      break;
    }
}

char *
limber_cond_describe (const LimberRuleset *rs, const LimberCond *cond)
{
  if (cond == NULL)
    return g_strdup ("always");
  GString *out = g_string_new (NULL);
  describe_into (out, rs, cond);
  return g_string_free (out, FALSE);
}

char *
limber_action_describe (const LimberAction *a)
{
  static const char *const targets[] = { "exercise", "tag", "region", "position", "exercises targeting" };
  const char *tk = a->target_kind <= TARGET_MEASURE ? targets[a->target_kind] : "target";
  switch (a->kind)
    {
    case ACTION_WEIGHT:
      if (a->has_multiply && a->has_add)
        return g_strdup_printf ("weight %+g then x%g for %s %s", a->add, a->multiply, tk, a->target);
      if (a->has_multiply)
        return g_strdup_printf ("weight x%g for %s %s", a->multiply, tk, a->target);
      return g_strdup_printf ("weight %+g for %s %s", a->add, tk, a->target);
    case ACTION_EXCLUDE:
      return g_strdup_printf ("exclude %s %s", tk, a->target);
    case ACTION_REQUIRE:
      return g_strdup_printf ("require %s", a->target);
    case ACTION_EMPHASISE:
      return g_strdup_printf ("emphasise the tighter side of %s (+%u set%s) for %s %s", a->measure, a->extra_sets,
                              a->extra_sets == 1 ? "" : "s", tk, a->target);
    case ACTION_LOWEST_STEP:
      return g_strdup_printf ("start at the first ladder step for %s %s", tk, a->target);
    case ACTION_MIN_HOLD:
      return g_strdup_printf ("holds of at least %g s for %s %s", a->seconds, tk, a->target);
    case ACTION_MIN_REPS:
      return g_strdup_printf ("at least %u repetitions of each hold for %s %s", a->reps, tk, a->target);
    case ACTION_ADVISE:
      return g_strdup_printf ("advise: %s", a->text);
    case ACTION_LIMIT_MINUTES:
      return g_strdup_printf ("sessions of at most %g minutes", a->minutes);
    }
  return g_strdup ("?");
}

/* ---- evaluation -------------------------------------------------------- */

static gboolean
in_bounds (const LimberCond *c, double v)
{
  return (!c->has_at_least || v >= c->at_least) && (!c->has_at_most || v <= c->at_most);
}

static gboolean
eval_deficit (const LimberCond *c, const LimberMeasureFact *m)
{
  if (!m->present)
    return FALSE;
  switch (c->side)
    {
    case SIDE_LEFT: return m->deficit_left >= c->at_least;
    case SIDE_RIGHT: return m->deficit_right >= c->at_least;
    case SIDE_BOTH: return MIN (m->deficit_left, m->deficit_right) >= c->at_least;
    case SIDE_ANY: break;
    }
  return MAX (m->deficit_left, m->deficit_right) >= c->at_least;
}

static gboolean
eval_asymmetry (const LimberCond *c, const LimberMeasureFact *m, const LimberMeasure *measure)
{
  if (!m->present || m->tighter == LIMBER_SIDE_NONE)
    return FALSE;
  double threshold = c->has_at_least ? c->at_least : measure->asymmetry;
  if (m->asymmetry < threshold)
    return FALSE;
  return c->side == SIDE_ANY || (c->side == SIDE_LEFT && m->tighter == LIMBER_SIDE_LEFT)
         || (c->side == SIDE_RIGHT && m->tighter == LIMBER_SIDE_RIGHT);
}

static gboolean
eval_history (const LimberCond *c, const LimberHistoryFacts *h)
{
  switch (c->fact)
    {
    case HISTORY_SESSIONS_COMPLETED: return in_bounds (c, h->sessions_completed);
    case HISTORY_WEEKS_ACTIVE: return in_bounds (c, h->weeks_active);
    /* with no history there is no last session and no recent discomfort:
     * a rule about them must not fire on a newcomer */
    case HISTORY_DAYS_SINCE_LAST: return h->days_since_last >= 0 && in_bounds (c, h->days_since_last);
    case HISTORY_RECENT_MAX_DISCOMFORT:
      return h->recent_max_discomfort >= 0 && in_bounds (c, h->recent_max_discomfort);
    case HISTORY_UNSETTLED_DISCOMFORT_DAYS:
      return h->unsettled_days >= 0 && in_bounds (c, h->unsettled_days);
    case HISTORY_WEEKS_WITHOUT_IMPROVEMENT: return in_bounds (c, h->weeks_without_improvement);
    }
  return FALSE;
}

static gboolean
eval_trend (const LimberCond *c, const LimberFacts *f, guint measure)
{
  const LimberMeasure *m = g_ptr_array_index (f->rs->measures, measure);
  double change;
  if (c->trend_asymmetry && !m->sided)
    return FALSE;
  if (!limber_facts_trend (f, measure, c->over_days, c->trend_asymmetry, &change))
    return FALSE;
  return in_bounds (c, change);
}

/* Structural identity, for evaluating each distinct condition of a rule
 * set once a plan (ruleset-compile.c): every field any kind reads is
 * compared (the line is not: two rules' equal conditions are one). */
static guint
hash_double (double d)
{
  /* -0 and 0 are equal to limber_cond_equal: one hash for both */
  if (d == 0)
    d = 0;
  guint64 bits;
  memcpy (&bits, &d, sizeof bits);
  return (guint) (bits ^ (bits >> 32));
}

guint
limber_cond_hash (gconstpointer p)
{
  const LimberCond *c = p;
  guint h = (guint) c->kind * 31u + (guint) (c->index + 1) * 131u + (guint) (c->value_index + 1) * 7u;
  if (c->has_at_least)
    h = h * 33u + hash_double (c->at_least);
  if (c->has_at_most)
    h = h * 33u + hash_double (c->at_most);
  if (c->children != NULL)
    for (guint i = 0; i < c->children->len; i++)
      h = h * 37u + limber_cond_hash (g_ptr_array_index (c->children, i));
  return h;
}

gboolean
limber_cond_equal (gconstpointer pa, gconstpointer pb)
{
  const LimberCond *a = pa, *b = pb;
  if (a->kind != b->kind || a->index != b->index || a->value_index != b->value_index
      || a->has_at_least != b->has_at_least || a->has_at_most != b->has_at_most
      || (a->has_at_least && a->at_least != b->at_least) || (a->has_at_most && a->at_most != b->at_most)
      || a->goal != b->goal || a->side != b->side || a->constraint != b->constraint || a->flag_value != b->flag_value
      || a->fact != b->fact || a->trend_asymmetry != b->trend_asymmetry || a->over_days != b->over_days
      || g_strcmp0 (a->ref, b->ref) != 0 || g_strcmp0 (a->value, b->value) != 0
      || (a->children == NULL) != (b->children == NULL))
    return FALSE;
  if (a->children == NULL)
    return TRUE;
  if (a->children->len != b->children->len)
    return FALSE;
  for (guint i = 0; i < a->children->len; i++)
    if (!limber_cond_equal (g_ptr_array_index (a->children, i), g_ptr_array_index (b->children, i)))
      return FALSE;
  return TRUE;
}

gboolean
limber_cond_eval (const LimberCond *c, const LimberFacts *f)
{
  if (c == NULL)
    return TRUE;
  switch (c->kind)
    {
    case COND_ALL:
      for (guint i = 0; i < c->children->len; i++)
        if (!limber_cond_eval (g_ptr_array_index (c->children, i), f))
          return FALSE;
      return TRUE;
    case COND_ANY:
      for (guint i = 0; i < c->children->len; i++)
        if (limber_cond_eval (g_ptr_array_index (c->children, i), f))
          return TRUE;
      return FALSE;
    case COND_NOT:
      return !limber_cond_eval (g_ptr_array_index (c->children, 0), f);
    case COND_GOAL:
      return f->profile->goal == c->goal;
    case COND_AGE:
      return in_bounds (c, f->profile->age);
    case COND_MINUTES:
      return in_bounds (c, f->profile->minutes_per_day);
    case COND_UNANSWERED:
      return !f->answers[c->index].present;
    case COND_DEFICIT:
      return eval_deficit (c, &f->measures[c->index]);
    case COND_ASYMMETRY:
      return eval_asymmetry (c, &f->measures[c->index], g_ptr_array_index (f->rs->measures, c->index));
    case COND_ANSWER:
      {
        const LimberAnswerFact *a = &f->answers[c->index];
        if (!a->present)
          return FALSE;
        if (c->value != NULL)
          return a->value == c->value_index;
        return in_bounds (c, a->value);
      }
    case COND_FLAG:
      return f->flags[c->index];
    case COND_SCORE:
      return f->scores[c->index].category == c->value_index;
    case COND_CONSTRAINT:
      switch (c->constraint)
        {
        case CONSTRAINT_NO_FLOOR: return f->profile->no_floor == c->flag_value;
        case CONSTRAINT_HAS_EQUIPMENT: return limber_facts_has (f->equipment, c->value);
        case CONSTRAINT_AVOIDS_REGION: return limber_facts_has (f->avoid, c->value);
        }
      return FALSE;
    case COND_HISTORY:
      return eval_history (c, &f->history);
    case COND_TREND:
      if (c->index >= 0)
        return eval_trend (c, f, (guint) c->index);
      for (guint m = 0; m < f->rs->measures->len; m++)
        if (eval_trend (c, f, m))
          return TRUE;
      return FALSE;
    }
  return FALSE;
}
