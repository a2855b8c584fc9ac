/*
 * Evaluating the rules: from facts to what each exercise may be and how much
 * it is wanted.
 *
 * The combination is declared by the format, not by the order rules happen
 * to be written in: absolute exclusions first (the person's constraints,
 * then contraindications, then exclude actions), then requirements, then
 * weights, where weight = (base + sum of adds) x product of multipliers.
 * Sums and products commute, so reordering rules never changes a plan.
 */
#include <math.h>
#include <string.h>

#include "condition.h"
#include "selection.h"

void
limber_choice_explain (LimberChoice *choice, const char *rule, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  LimberSelection *sel = choice->owner;
  guint before = sel->why->len;
  limber_why_addv (sel->why, choice->index, rule, fmt, ap);
  va_end (ap);
  if (sel->why->len == before)
    return; /* a format limber_why_addv() refused, with a critical */
  LimberWhy *w = &g_array_index (sel->why, LimberWhy, sel->why->len - 1);
  w->phase = sel->phase;
  w->rule_index = sel->rule_index;
  w->action_index = sel->action_index;
  /* each choice's records chained, so reading one exercise's reasons does
   * not walk every record of the selection */
  guint none = 0, at = sel->why->len;
  g_array_append_val (sel->why_next, none);
  if (choice->why_last != 0)
    g_array_index (sel->why_next, guint, choice->why_last - 1) = at;
  else
    choice->why_first = at;
  choice->why_last = at;
}

const char *
limber_selection_keep (LimberSelection *sel, const char *s)
{
  if (sel->strings == NULL)
    sel->strings = g_string_chunk_new (256);
  return g_string_chunk_insert (sel->strings, s);
}

LimberSelection *
limber_selection_new (const LimberFacts *facts)
{
  const LimberRuleset *rs = facts->rs;
  /* one block for the selection and its fixed-size arrays (48: an arena's
   * rounding and sanitizer gap per array) */
  LimberArena arena = LIMBER_ARENA_INIT (sizeof (LimberSelection)
                                         + (sizeof (LimberChoice) + 3 * sizeof (double) + 1) * rs->exercises->len
                                         + (sizeof (char *) + 1) * rs->rules->len + 8 * 48);
  LimberSelection *sel = limber_arena_new0 (&arena, LimberSelection, 1);
  sel->arena = arena;
  sel->facts = facts;
  sel->n = rs->exercises->len;
  sel->choices = limber_arena_new0 (&sel->arena, LimberChoice, sel->n);
  sel->add = limber_arena_new0 (&sel->arena, double, sel->n);
  sel->multiply = limber_arena_new0 (&sel->arena, double, sel->n);
  sel->reason_rule = limber_arena_new0 (&sel->arena, const LimberRule *, sel->n);
  sel->reason_rank = limber_arena_new0 (&sel->arena, guint8, sel->n);
  for (guint i = 0; i < sel->n; i++)
    {
      sel->multiply[i] = 1;
      sel->choices[i].owner = sel;
      sel->choices[i].index = i;
    }
  sel->why = g_array_sized_new (FALSE, FALSE, sizeof (LimberWhy), 4 * MAX (sel->n, 1));
  sel->why_next = g_array_sized_new (FALSE, FALSE, sizeof (guint), 4 * MAX (sel->n, 1));
  sel->fired = limber_arena_new0 (&sel->arena, const char *, rs->rules->len);
  sel->fired_mask = limber_arena_new0 (&sel->arena, guint8, rs->rules->len);
  sel->rule_index = sel->action_index = -1;
  sel->advice = g_ptr_array_new ();
  sel->focus = g_array_new (FALSE, FALSE, sizeof (int));
  return sel;
}

void
limber_selection_free (LimberSelection *sel)
{
  if (sel == NULL)
    return;
  for (guint k = 0; k < sel->why->len; k++)
    limber_why_clear (&g_array_index (sel->why, LimberWhy, k));
  g_array_unref (sel->why);
  g_array_unref (sel->why_next);
  if (sel->strings != NULL)
    g_string_chunk_free (sel->strings);
  g_ptr_array_unref (sel->advice);
  g_array_unref (sel->focus);
  /* the selection lives in its own arena: copy it out before clearing */
  LimberArena arena = sel->arena;
  limber_arena_clear (&arena);
}

/* The person's constraints are absolute and need no rule: what cannot be
 * done at home, on the floor, or without hurting an avoided region is out,
 * as is what a contraindication rules out.  One exercise, with its reasons. */
static void
constrain (LimberSelection *sel, guint i)
{
  const LimberFacts *f = sel->facts;
  const LimberExercise *e = g_ptr_array_index (f->rs->exercises, i);
  LimberChoice *c = &sel->choices[i];
  if (f->profile->no_floor && limber_exercise_uses_floor (e))
    {
      c->excluded = TRUE;
      limber_choice_explain (c, "constraint", "excluded: no floor work (%s%s)",
                             limber_posture_to_string (e->posture), e->to_floor ? ", goes down to the floor" : "");
    }
  for (char **eq = e->equipment; *eq; eq++)
    if (!limber_facts_has (f->equipment, *eq))
      {
        c->excluded = TRUE;
        limber_choice_explain (c, "constraint", "excluded: needs %s", *eq);
      }
  for (char **r = e->regions; *r; r++)
    if (limber_facts_has (f->avoid, *r))
      {
        c->excluded = TRUE;
        limber_choice_explain (c, "constraint", "excluded: works the avoided region %s", *r);
      }
  if (e->contraindications == NULL)
    return;
  for (guint k = 0; k < e->contraindications->children->len; k++)
    {
      const LimberCond *cond = g_ptr_array_index (e->contraindications->children, k);
      if (limber_cond_eval (cond, f))
        {
          c->excluded = TRUE;
          limber_choice_explain (c, "contraindication", "excluded: %s", e->contraindication_text[k]);
        }
    }
}

/* The bits of the ids of list that are among ids (the rule set's). */
static guint64
bits_of (const GPtrArray *ids, const GPtrArray *list)
{
  guint64 bits = 0;
  for (guint k = 0; k < ids->len; k++)
    if (limber_facts_has (list, g_ptr_array_index (ids, k)))
      bits |= G_GUINT64_CONSTANT (1) << k;
  return bits;
}

static void
apply_constraints (LimberSelection *sel)
{
  const LimberFacts *f = sel->facts;
  const LimberRuleset *rs = f->rs;
  if (rs->equipment_bits == NULL)
    {
      for (guint i = 0; i < sel->n; i++)
        constrain (sel, i);
      return;
    }
  /* most exercises pass every constraint: the bits tell which cannot,
   * and only those (and those with contraindications) are looked at */
  guint64 have = bits_of (rs->equipment_ids, f->equipment);
  guint64 avoid = bits_of (rs->region_ids, f->avoid);
  gboolean no_floor = f->profile->no_floor;
  for (guint i = 0; i < sel->n; i++)
    if ((no_floor && rs->floor_work[i]) || (rs->equipment_bits[i] & ~have) || (rs->region_bits[i] & avoid)
        || rs->contraindicated[i])
      constrain (sel, i);
}

/* The most specific rule with a reason speaks for the exercise; among
 * equals, the first in document order. */
static void
offer_reason (LimberSelection *sel, guint i, const LimberRule *rule, int rank)
{
  if (rule->reason != NULL && rank > sel->reason_rank[i])
    {
      sel->reason_rule[i] = rule;
      sel->reason_rank[i] = (guint8) rank;
    }
}

static void
add_focus (LimberSelection *sel, int measure)
{
  for (guint i = 0; i < sel->focus->len; i++)
    if (g_array_index (sel->focus, int, i) == measure)
      return;
  g_array_append_val (sel->focus, measure);
}

static void
apply_emphasis (LimberSelection *sel, const LimberRule *rule, const LimberAction *a, const LimberExercise *e,
                LimberChoice *c)
{
  const LimberMeasureFact *m = &sel->facts->measures[a->measure_index];
  const LimberMeasure *measure = g_ptr_array_index (sel->facts->rs->measures, a->measure_index);
  /* emphasis follows a meaningful asymmetry, never a trivial difference */
  if (!e->per_side || !m->present || !m->asymmetric || m->tighter == LIMBER_SIDE_NONE)
    return;
  if (c->emphasis_side != LIMBER_SIDE_NONE && c->emphasis_side != m->tighter)
    {
      /* two asymmetries pulling to opposite sides cancel out: no emphasis */
      limber_choice_explain (c, rule->id, "no emphasis: %s is tighter on the %s, another measure on the %s",
                             measure->id, limber_side_to_string (m->tighter), limber_side_to_string (c->emphasis_side));
      c->emphasis_side = LIMBER_SIDE_NONE;
      c->extra_sets = 0;
      if (sel->reason_rank[c->index] == LIMBER_RANK_EMPHASIS)
        {
          sel->reason_rule[c->index] = NULL;
          sel->reason_rank[c->index] = LIMBER_RANK_NONE;
        }
      return;
    }
  /* the rule giving the most extra sets speaks for them */
  if (rule->reason != NULL && a->extra_sets >= c->extra_sets && sel->reason_rank[c->index] <= LIMBER_RANK_EMPHASIS)
    {
      sel->reason_rule[c->index] = rule;
      sel->reason_rank[c->index] = LIMBER_RANK_EMPHASIS;
    }
  c->emphasis_side = m->tighter;
  c->extra_sets = MAX (c->extra_sets, a->extra_sets);
  limber_choice_explain (c, rule->id, "+%u set%s on the %s: %s left %g, right %g %s", a->extra_sets,
                         a->extra_sets == 1 ? "" : "s", limber_side_to_string (m->tighter), measure->id, m->left,
                         m->right, measure->unit);
}

/* The reasons of a rule's weight on an exercise (limber_selection_reasons). */
static void
weight_reasons (GArray *out, guint exercise, const LimberRule *rule, const LimberRuleWeight *w)
{
  if (w->has_add)
    limber_why_add (out, exercise, rule->id, "weight %+g", w->add);
  if (w->has_multiply)
    limber_why_add (out, exercise, rule->id, "weight x%g", w->multiply);
}

/* A fired rule's weight on one exercise, its weight actions combined at
 * load (ruleset-compile.c): whatever number of its selectors match, a rule
 * raises an exercise's weight at most once (its largest multiplier above
 * 1) and lowers it at most once (its smallest below 1), and adds its
 * largest addition once: two tags of one exercise do not multiply it
 * twice, but a boost and a damping of one rule both apply. */
static void
apply_weights (LimberSelection *sel, const LimberRule *rule)
{
  double *add = sel->add, *multiply = sel->multiply;
  const LimberWeightGroup *groups = &g_array_index (sel->facts->rs->weight_groups, LimberWeightGroup, rule->first_group);
  for (guint g = 0; g < rule->n_groups; g++)
    {
      const LimberWeightGroup *group = &groups[g];
      const LimberRuleWeight *w = &group->value;
      const guint32 *members = group->exercises;
      if (w->has_add)
        for (guint k = 0; k < group->n; k++)
          add[members[k]] += w->add;
      if (w->has_multiply)
        for (guint k = 0; k < group->n; k++)
          multiply[members[k]] *= w->multiply;
      if (rule->reason != NULL && w->raises)
        for (guint k = 0; k < group->n; k++)
          offer_reason (sel, members[k], rule, w->by_measure ? LIMBER_RANK_MEASURE : LIMBER_RANK_WEIGHT);
    }
}

/* A rule's actions other than its weights (limber_evaluate applies those,
 * compiled, after them). */
static void
apply_action (LimberSelection *sel, const LimberRule *rule, const LimberAction *a)
{
  if (a->kind == ACTION_ADVISE)
    {
      g_ptr_array_add (sel->advice, a->text);
      return;
    }
  if (a->kind == ACTION_LIMIT_MINUTES)
    {
      if (sel->minutes_cap <= 0 || a->minutes < sel->minutes_cap)
        sel->minutes_cap = a->minutes;
      return;
    }
  if (a->target_kind == TARGET_MEASURE && (a->kind == ACTION_WEIGHT || a->kind == ACTION_EMPHASISE))
    {
      int measure = a->target_measure;
      if (measure >= 0 && (a->kind == ACTION_EMPHASISE || (a->has_multiply && a->multiply > 1)
                           || (a->has_add && a->add > 0)))
        add_focus (sel, measure);
    }
  /* one loop per kind, over the action's interned targets (a selector's
   * list, shared with the other actions that use it: it stays in cache) */
  const guint32 *targets = a->target_list;
  guint n = a->targets->len;
  LimberChoice *choices = sel->choices;
  switch (a->kind)
    {
    case ACTION_EXCLUDE:
      for (guint t = 0; t < n; t++)
        choices[targets[t]].excluded = TRUE;
      break;
    case ACTION_REQUIRE:
      for (guint t = 0; t < n; t++)
        {
          choices[targets[t]].required = TRUE;
          offer_reason (sel, targets[t], rule, LIMBER_RANK_REQUIRE);
        }
      break;
    case ACTION_EMPHASISE:
      for (guint t = 0; t < n; t++)
        apply_emphasis (sel, rule, a, g_ptr_array_index (sel->facts->rs->exercises, targets[t]), &choices[targets[t]]);
      break;
    case ACTION_LOWEST_STEP:
      for (guint t = 0; t < n; t++)
        choices[targets[t]].lowest_step = TRUE;
      break;
    case ACTION_MIN_HOLD:
      for (guint t = 0; t < n; t++)
        choices[targets[t]].min_hold = MAX (choices[targets[t]].min_hold, a->seconds);
      break;
    case ACTION_MIN_REPS:
      for (guint t = 0; t < n; t++)
        choices[targets[t]].min_reps = MAX (choices[targets[t]].min_reps, a->reps);
      break;
    case ACTION_WEIGHT:
    case ACTION_ADVISE:
    case ACTION_LIMIT_MINUTES:
      break;
    }
}


void
limber_evaluate (LimberSelection *sel)
{
  const LimberRuleset *rs = sel->facts->rs;
  apply_constraints (sel);
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      if (!limber_cond_eval (rule->when, sel->facts))
        continue;
      sel->fired[sel->n_fired++] = rule->id;
      sel->fired_mask[r] = 1;
      sel->phase = 1;
      sel->rule_index = (int) r;
      for (guint a = 0; a < rule->actions->len; a++)
        {
          sel->action_index = (int) a;
          apply_action (sel, rule, g_ptr_array_index (rule->actions, a));
        }
      sel->rule_index = sel->action_index = -1;
      /* each exercise takes the rule's weight once; in which order the
       * exercises take it does not matter (their reasons are worked out
       * later, limber_selection_reasons) */
      apply_weights (sel, rule);
    }
  /* what is recorded from here on comes after the rules */
  sel->phase = 2;
  for (guint i = 0; i < sel->n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      LimberChoice *c = &sel->choices[i];
      c->reason_rule = sel->reason_rule[i];
      c->reason_rank = sel->reason_rank[i];
      if (c->excluded)
        {
          /* exclusion wins over everything, requirements included */
          c->required = FALSE;
          c->weight = 0;
          continue;
        }
      c->weight = MAX (0.0, (e->base_weight + sel->add[i]) * sel->multiply[i]);
    }
}


/* The explicit records of the exercise in one phase (and, in phase 1, of
 * one rule's action) to out, in the order made. */
static void
copy_records (const LimberSelection *sel, guint exercise, guint8 phase, int rule, int action, GArray *out)
{
  for (guint at = sel->choices[exercise].why_first; at != 0; at = g_array_index (sel->why_next, guint, at - 1))
    {
      const LimberWhy *w = &g_array_index (sel->why, LimberWhy, at - 1);
      if (w->exercise != exercise || w->phase != phase
          || (phase == 1 && (w->rule_index != rule || w->action_index != action)))
        continue;
      LimberWhy copy = *w;
      copy.text = NULL;
      g_array_append_val (out, copy);
    }
}

void
limber_selection_reasons (const LimberSelection *sel, guint exercise, GArray *out)
{
  const LimberRuleset *rs = sel->facts->rs;
  const LimberExercise *e = g_ptr_array_index (rs->exercises, exercise);
  copy_records (sel, exercise, 0, -1, -1, out);
  /* what the rules that fired did to it, rule by rule: their other
   * actions (acted_on_by), then their weight (weighted_by, as compiled),
   * the two lists merged by rule */
  const GArray *by = e->acted_on_by;
  const GArray *weighted = e->weighted_by;
  guint nb = by != NULL ? by->len : 0, nw = weighted != NULL ? weighted->len : 0;
  for (guint k = 0, wk = 0; k < nb || wk < nw;)
    {
      guint rb = k < nb ? g_array_index (by, guint32, k) >> 8 : G_MAXUINT;
      guint rw = wk < nw ? g_array_index (weighted, LimberWeightRef, wk).rule : G_MAXUINT;
      guint r = MIN (rb, rw);
      guint end = k;
      while (end < nb && g_array_index (by, guint32, end) >> 8 == r)
        end++;
      const LimberWeightRef *weight = rw == r ? &g_array_index (weighted, LimberWeightRef, wk++) : NULL;
      if (!sel->fired_mask[r])
        {
          k = end;
          continue;
        }
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (; k < end; k++)
        {
          guint ai = g_array_index (by, guint32, k) & 0xff;
          const LimberAction *a = g_ptr_array_index (rule->actions, ai);
          switch (a->kind)
            {
            case ACTION_EXCLUDE: limber_why_add (out, exercise, rule->id, "excluded"); break;
            case ACTION_REQUIRE: limber_why_add (out, exercise, rule->id, "required every training day"); break;
            case ACTION_EMPHASISE: copy_records (sel, exercise, 1, (int) r, (int) ai, out); break;
            case ACTION_LOWEST_STEP: limber_why_add (out, exercise, rule->id, "starts at the first ladder step"); break;
            case ACTION_MIN_HOLD: limber_why_add (out, exercise, rule->id, "holds of at least %g s", a->seconds); break;
            case ACTION_MIN_REPS:
              limber_why_add (out, exercise, rule->id, "at least %u repetitions of each hold", a->reps);
              break;
            case ACTION_WEIGHT:
            case ACTION_ADVISE:
            case ACTION_LIMIT_MINUTES:
              break;
            }
        }
      if (weight != NULL)
        weight_reasons (out, exercise, rule, &weight->value);
    }
  copy_records (sel, exercise, 2, -1, -1, out);
}
