/*
 * Evaluating the rules: from facts to what each exercise may be and how much
 * it is wanted.
 *
 * The combination is declared by the format, not by the order rules happen
 * to be written in: absolute exclusions first (the person's constraints,
 * then contraindications, then exclude actions), then requirements, then
 * weights, where weight = (base + sum of adds) x product of multipliers.
 * Sums and products commute, so reordering rules never changes a plan (to
 * the last bit of a double, they are taken list by list: see below).
 *
 * The work grows with what fires, not with rules times exercises: each
 * distinct condition is evaluated at most once; a fired action or weight
 * on a list that many rules use (a tag, a region, a measure) acts once on
 * the list, and each class of exercises on the same lists takes them
 * combined once when the rules have run (take_shared); only the rest go
 * exercise by exercise.  Reasons are not written while the rules run: a
 * mask of fired rules and each exercise's compiled list of the rules that
 * reach it give them when read (limber_selection_reasons).
 */
#include <math.h>
#include <string.h>

#include "condition.h"
#include "selection.h"

/* Files the choice's newest record (the last of sel->why) under it. */
static void
chain_record (LimberSelection *sel, LimberChoice *choice)
{
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
  chain_record (sel, choice);
}

/* limber_choice_explain() from a record's parts (limber_why_put()), for
 * the reasons made once per exercise of a rule's targets. */
static void
choice_put (LimberChoice *choice, const char *rule, const char *fmt, guint n_args, const LimberWhyArg *args)
{
  LimberSelection *sel = choice->owner;
  limber_why_put (sel->why, choice->index, rule, fmt, 0, n_args, args);
  chain_record (sel, choice);
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
                                         + (sizeof (LimberChoice) + 4 * sizeof (double) + 2) * rs->exercises->len
                                         + sizeof (LimberListState) * (rs->n_shared_lists + rs->n_member_classes)
                                         + (sizeof (char *) + 1) * rs->rules->len + rs->n_conds + 15 * 48);
  LimberSelection *sel = limber_arena_new0 (&arena, LimberSelection, 1);
  sel->arena = arena;
  sel->facts = facts;
  sel->rs = rs;
  sel->n = rs->exercises->len;
  sel->choices = limber_arena_new0 (&sel->arena, LimberChoice, sel->n);
  sel->add = limber_arena_new0 (&sel->arena, double, sel->n);
  sel->multiply = limber_arena_new0 (&sel->arena, double, sel->n);
  sel->reason_rule = limber_arena_new0 (&sel->arena, const LimberRule *, sel->n);
  sel->reason_rank = limber_arena_new0 (&sel->arena, guint8, sel->n);
  sel->emphasis_rule = limber_arena_new0 (&sel->arena, const LimberRule *, sel->n);
  sel->cond_memo = limber_arena_new0 (&sel->arena, guint8, rs->n_conds);
  sel->logged = limber_arena_new0 (&sel->arena, guint8, sel->n);
  guint n_shared = rs->n_shared_lists;
  sel->lists = limber_arena_new0 (&sel->arena, LimberListState, n_shared);
  sel->classes = limber_arena_new0 (&sel->arena, LimberListState, rs->n_member_classes);
  for (guint s = 0; s < n_shared; s++)
    sel->lists[s].multiply = 1;
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

/* Whether the rule set's distinct condition number cond holds for the
 * person: each is evaluated once a plan, when first asked (conditions read
 * the facts only, which do not change while the rules run). */
static gboolean
holds (LimberSelection *sel, guint cond)
{
  guint8 known = sel->cond_memo[cond];
  if (known == 0)
    {
      known = limber_cond_eval (&sel->rs->cond_copies[cond], sel->facts) ? 2 : 1;
      sel->cond_memo[cond] = known;
    }
  return known == 2;
}

static void contraindicate (LimberSelection *sel, guint i);

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
  contraindicate (sel, i);
}

/* An exercise's contraindications: any that holds excludes it.  Its
 * reasons, one per contraindication that holds, are made when read
 * (contraindication_reasons): a rule set whose caution answers rule out
 * hundreds of exercises a plan reads the reasons of a few. */
static void
contraindicate (LimberSelection *sel, guint i)
{
  const LimberRuleset *rs = sel->rs;
  LimberChoice *c = &sel->choices[i];
  for (guint k = rs->contra_first[i]; k < rs->contra_first[i + 1]; k++)
    if (holds (sel, rs->contra_conds[k]))
      c->excluded = c->contraindicated = TRUE;
}

/* The reasons contraindicate() left to be made: each contraindication of
 * the exercise that holds (all were asked when it was excluded). */
static void
contraindication_reasons (const LimberSelection *sel, guint exercise, GArray *out)
{
  const LimberRuleset *rs = sel->rs;
  const LimberExercise *e = g_ptr_array_index (rs->exercises, exercise);
  for (guint k = rs->contra_first[exercise]; k < rs->contra_first[exercise + 1]; k++)
    if (sel->cond_memo[rs->contra_conds[k]] == 2)
      limber_why_put (out, exercise, "contraindication", "excluded: %s", 0, 1,
                      &(LimberWhyArg) { .s = e->contraindication_text[k - rs->contra_first[exercise]] });
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
    if ((no_floor && rs->floor_work[i]) || (rs->equipment_bits[i] & ~have) || (rs->region_bits[i] & avoid))
      constrain (sel, i);
    else
      contraindicate (sel, i);
}

/* The most specific rule with a reason speaks for the exercise; among
 * equals, the first in document order.  A rule that emphasises does not
 * speak here (LimberRuleCode.speaks): its reason says why a side gets
 * extra sets ("An extra set on your right: ..."), which is true only where
 * it gave them, not of a two-sided exercise it only weighed, nor of one
 * where an opposite asymmetry cancelled its emphasis.  (Emphasis speaks apart: see
 * apply_emphasis.)  Rules run in document order, so the first offer of a
 * rank stands. */
static inline void
offer_reason (LimberSelection *sel, guint i, const LimberRule *rule, guint8 rank)
{
  if (rank > sel->reason_rank[i])
    {
      sel->reason_rule[i] = rule;
      sel->reason_rank[i] = rank;
    }
}

/* The same for a shared list's exercises; they take it in take_shared(). */
static void
offer_shared_reason (LimberSelection *sel, guint list, const LimberRule *rule, guint8 rank)
{
  if (rank > sel->lists[list].reason_rank)
    {
      sel->lists[list].reason_rule = rule;
      sel->lists[list].reason_rank = rank;
    }
}

/* Whether a reason of rank (from rule) goes before the one held (held_rank,
 * from held): more specific, or as specific and earlier in the file. */
static inline gboolean
reason_before (guint8 rank, const LimberRule *rule, guint8 held_rank, const LimberRule *held)
{
  return rank > held_rank || (rank != LIMBER_RANK_NONE && rank == held_rank && rule->index < held->index);
}

static void
add_focus (LimberSelection *sel, int measure)
{
  for (guint i = 0; i < sel->focus->len; i++)
    if (g_array_index (sel->focus, int, i) == measure)
      return;
  g_array_append_val (sel->focus, measure);
}

/* One emphasis action on its targets: extra sets on the tighter side of a
 * meaningful asymmetry, never a trivial difference, for exercises done
 * one side at a time. */
static void
apply_emphasis (LimberSelection *sel, const LimberRule *rule, const LimberAction *a, const guint32 *targets, guint n)
{
  const LimberMeasureFact *m = &sel->facts->measures[a->measure_index];
  const LimberMeasure *measure = g_ptr_array_index (sel->rs->measures, a->measure_index);
  if (!m->present || !m->asymmetric || m->tighter == LIMBER_SIDE_NONE)
    return;
  const char *tighter = limber_side_to_string (m->tighter);
  LimberWhyArg added[] = { { .u = a->extra_sets }, { .s = a->extra_sets == 1 ? "" : "s" }, { .s = tighter },
                           { .s = measure->id }, { .d = m->left }, { .d = m->right }, { .s = measure->unit } };
  for (guint t = 0; t < n; t++)
    {
      guint i = targets[t];
      LimberChoice *c = &sel->choices[i];
      if (!sel->rs->dosing[i].per_side)
        continue;
      if (c->emphasis_side != LIMBER_SIDE_NONE && c->emphasis_side != m->tighter)
        {
          /* two asymmetries pulling to opposite sides cancel out: no emphasis */
          limber_choice_explain (c, rule->id, "no emphasis: %s is tighter on the %s, another measure on the %s",
                                 measure->id, tighter, limber_side_to_string (c->emphasis_side));
          c->emphasis_side = LIMBER_SIDE_NONE;
          c->extra_sets = 0;
          /* the emphasis no longer speaks; the other rules' reason does */
          sel->emphasis_rule[i] = NULL;
          continue;
        }
      /* the rule giving the most extra sets speaks for them */
      if (rule->reason != NULL && a->extra_sets >= c->extra_sets)
        sel->emphasis_rule[i] = rule;
      c->emphasis_side = m->tighter;
      c->extra_sets = MAX (c->extra_sets, a->extra_sets);
      choice_put (c, rule->id, "+%u set%s on the %s: %s left %g, right %g %s", G_N_ELEMENTS (added), added);
    }
}

/* The reasons of a rule's weight on an exercise (limber_selection_reasons). */
static void
weight_reasons (GArray *out, guint exercise, const char *rule_id, const LimberRuleWeight *w)
{
  /* a large rule set's chosen exercises take thousands of these a plan:
   * made from their parts, the format not read */
  if (w->has_add)
    limber_why_put (out, exercise, rule_id, "weight %+g", 0, 1, &(LimberWhyArg) { .d = w->add });
  if (w->has_multiply)
    limber_why_put (out, exercise, rule_id, "weight x%g", 0, 1, &(LimberWhyArg) { .d = w->multiply });
}

/* A fired rule's weight on one exercise, its weight actions combined at
 * load (ruleset-compile.c): whatever number of its selectors match, a rule
 * raises an exercise's weight at most once (its largest multiplier above
 * 1) and lowers it at most once (its smallest below 1), and adds its
 * largest addition once: two tags of one exercise do not multiply it
 * twice, but a boost and a damping of one rule both apply. */
static void
apply_weights (LimberSelection *sel, const LimberRule *rule, const LimberRuleCode *code)
{
  double *add = sel->add, *multiply = sel->multiply;
  const LimberWeightGroup *groups = &g_array_index (sel->rs->weight_groups, LimberWeightGroup, code->first_group);
  for (guint g = 0; g < code->n_groups; g++)
    {
      const LimberWeightGroup *group = &groups[g];
      const LimberRuleWeight *w = &group->value;
      if (group->shared >= 0)
        {
          /* weighed once on the list (take_shared) */
          guint s = (guint) group->shared;
          sel->lists[s].marks |= LIMBER_SHARED_TOUCHED;
          if (w->has_add)
            sel->lists[s].add += w->add;
          if (w->has_multiply)
            sel->lists[s].multiply *= w->multiply;
          if (code->speaks && w->raises)
            offer_shared_reason (sel, s, rule, w->by_measure ? LIMBER_RANK_MEASURE : LIMBER_RANK_WEIGHT);
          continue;
        }
      const guint32 *members = group->exercises;
      if (w->has_add)
        for (guint k = 0; k < group->n; k++)
          add[members[k]] += w->add;
      if (w->has_multiply)
        for (guint k = 0; k < group->n; k++)
          multiply[members[k]] *= w->multiply;
      if (code->speaks && w->raises)
        for (guint k = 0; k < group->n; k++)
          offer_reason (sel, members[k], rule, w->by_measure ? LIMBER_RANK_MEASURE : LIMBER_RANK_WEIGHT);
    }
}

/* A fired rule's step (its actions other than weights, compiled:
 * LimberStep); limber_evaluate applies the rule's weights after them. */
static void
apply_step (LimberSelection *sel, const LimberRuleCode *code, const LimberStep *step)
{
  const LimberRule *rule = code->rule;
  const LimberAction *a = step->action;
  if (step->focus >= 0)
    add_focus (sel, step->focus);
  switch (step->kind)
    {
    case ACTION_ADVISE:
      g_ptr_array_add (sel->advice, a->text);
      return;
    case ACTION_LIMIT_MINUTES:
      if (sel->minutes_cap <= 0 || a->minutes < sel->minutes_cap)
        sel->minutes_cap = a->minutes;
      return;
    case ACTION_WEIGHT: /* a step only for its focus */
      return;
    default:
      break;
    }
  if (step->shared >= 0)
    {
      /* on the list, once; its exercises take it in take_shared() */
      LimberListState *list = &sel->lists[step->shared];
      list->marks |= LIMBER_SHARED_TOUCHED;
      switch (step->kind)
        {
        case ACTION_EXCLUDE: list->marks |= LIMBER_SHARED_EXCLUDED; break;
        case ACTION_REQUIRE:
          list->marks |= LIMBER_SHARED_REQUIRED;
          if (code->speaks)
            offer_shared_reason (sel, (guint) step->shared, rule, LIMBER_RANK_REQUIRE);
          break;
        case ACTION_LOWEST_STEP: list->marks |= LIMBER_SHARED_LOWEST_STEP; break;
        case ACTION_MIN_HOLD: list->min_hold = MAX (list->min_hold, a->seconds); break;
        case ACTION_MIN_REPS: list->min_reps = MAX (list->min_reps, a->reps); break;
        default: g_assert_not_reached ();
        }
      return;
    }
  /* one loop per kind, over the action's interned targets (a selector's
   * list, shared with the other actions that use it: it stays in cache) */
  const guint32 *targets = step->targets;
  guint n = step->n;
  LimberChoice *choices = sel->choices;
  switch (step->kind)
    {
    case ACTION_EXCLUDE:
      for (guint t = 0; t < n; t++)
        choices[targets[t]].excluded = TRUE;
      break;
    case ACTION_REQUIRE:
      for (guint t = 0; t < n; t++)
        {
          choices[targets[t]].required = TRUE;
          if (code->speaks)
            offer_reason (sel, targets[t], rule, LIMBER_RANK_REQUIRE);
        }
      break;
    case ACTION_EMPHASISE:
      apply_emphasis (sel, rule, a, targets, n);
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

/* What the fired rules did to the shared lists, taken by each of their
 * exercises: weights, marks, least holds and repetitions (which combine
 * the same in any order), and the lists' reasons: the most specific, and
 * among equals the first rule, as if each had been offered member by
 * member.  Exercises on the same lists (a class) take the same: the lists
 * are combined once per class, then given to each of its exercises. */
static void
take_shared (LimberSelection *sel)
{
  const LimberRuleset *rs = sel->rs;
  if (rs->n_shared_lists == 0)
    return;
  LimberListState *classes = sel->classes;
  for (guint k = 0; k < rs->n_member_classes; k++)
    {
      guint first = rs->class_exercise[k];
      LimberListState *to = &classes[k];
      *to = (LimberListState) { .multiply = 1 };
      for (guint m = rs->member_first[first]; m < rs->member_first[first + 1]; m++)
        {
          const LimberListState *list = &sel->lists[rs->member_lists[m]];
          if (list->marks == 0)
            continue;
          to->add += list->add;
          to->multiply *= list->multiply;
          to->marks |= list->marks;
          to->min_hold = MAX (to->min_hold, list->min_hold);
          to->min_reps = MAX (to->min_reps, list->min_reps);
          if (reason_before (list->reason_rank, list->reason_rule, to->reason_rank, to->reason_rule))
            {
              to->reason_rule = list->reason_rule;
              to->reason_rank = list->reason_rank;
            }
        }
    }
  for (guint i = 0; i < sel->n; i++)
    {
      const LimberListState *from = &classes[rs->member_class[i]];
      if (from->marks == 0)
        continue;
      LimberChoice *c = &sel->choices[i];
      sel->add[i] += from->add;
      sel->multiply[i] *= from->multiply;
      c->excluded |= (from->marks & LIMBER_SHARED_EXCLUDED) != 0;
      c->required |= (from->marks & LIMBER_SHARED_REQUIRED) != 0;
      c->lowest_step |= (from->marks & LIMBER_SHARED_LOWEST_STEP) != 0;
      c->min_hold = MAX (c->min_hold, from->min_hold);
      c->min_reps = MAX (c->min_reps, from->min_reps);
      if (reason_before (from->reason_rank, from->reason_rule, sel->reason_rank[i], sel->reason_rule[i]))
        {
          sel->reason_rule[i] = from->reason_rule;
          sel->reason_rank[i] = from->reason_rank;
        }
    }
}

void
limber_evaluate (LimberSelection *sel)
{
  const LimberRuleset *rs = sel->rs;
  apply_constraints (sel);
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRuleCode *code = &rs->rule_code[r];
      if (code->cond >= 0 && !holds (sel, (guint) code->cond))
        continue;
      const LimberRule *rule = code->rule;
      sel->fired[sel->n_fired++] = rs->rule_ids[r];
      sel->fired_mask[r] = 1;
      sel->phase = 1;
      sel->rule_index = (int) r;
      for (guint k = 0; k < code->n_steps; k++)
        {
          const LimberStep *step = &rs->steps[code->first_step + k];
          sel->action_index = (int) step->action_index;
          apply_step (sel, code, step);
        }
      sel->rule_index = sel->action_index = -1;
      /* each exercise takes the rule's weight once; in which order the
       * exercises take it does not matter (their reasons are worked out
       * later, limber_selection_reasons) */
      if (code->n_groups > 0)
        apply_weights (sel, rule, code);
    }
  take_shared (sel);
  /* what is recorded from here on comes after the rules */
  sel->phase = 2;
  for (guint i = 0; i < sel->n; i++)
    {
      LimberChoice *c = &sel->choices[i];
      c->reason_rule = sel->emphasis_rule[i] != NULL ? sel->emphasis_rule[i] : sel->reason_rule[i];
      c->reason_rank = sel->emphasis_rule[i] != NULL ? LIMBER_RANK_EMPHASIS : sel->reason_rank[i];
      if (c->excluded)
        {
          /* exclusion wins over everything, requirements included */
          c->required = FALSE;
          c->weight = 0;
          continue;
        }
      c->weight = MAX (0.0, (rs->base_weights[i] + sel->add[i]) * sel->multiply[i]);
    }
}


/* The explicit records of the exercise in one phase (and, in phase 1, of
 * one rule's action) to out, in the order made; in phase 2, the dosing's
 * routine reasons (limber_dose_reasons) where dosing would have made them. */
static void
copy_records (const LimberSelection *sel, guint exercise, guint8 phase, int rule, int action, GArray *out)
{
  const LimberChoice *c = &sel->choices[exercise];
  gboolean dose_notes = phase == 2 && c->dosed;
  if (dose_notes && c->dose_mark == 0)
    limber_dose_reasons (sel, exercise, out);
  for (guint at = c->why_first; at != 0; at = g_array_index (sel->why_next, guint, at - 1))
    {
      const LimberWhy *w = &g_array_index (sel->why, LimberWhy, at - 1);
      if (w->exercise == exercise && w->phase == phase
          && (phase != 1 || (w->rule_index == rule && w->action_index == action)))
        {
          LimberWhy copy = *w;
          copy.text = NULL;
          g_array_append_val (out, copy);
        }
      if (dose_notes && at == c->dose_mark)
        limber_dose_reasons (sel, exercise, out);
    }
  /* the constraints' records come before the rules; the contraindications
   * are the last of them (constrain) */
  if (phase == 0 && c->contraindicated)
    contraindication_reasons (sel, exercise, out);
}

static gboolean
is_exclusion (const LimberWhy *w)
{
  return g_str_has_prefix (w->fmt, "excluded") || g_str_has_prefix (w->fmt, "replaced");
}

/* The first of the records copy_records() gives that is an exclusion. */
static gboolean
first_exclusion_in (const LimberSelection *sel, guint exercise, guint8 phase, LimberWhy *out)
{
  g_autoptr (GArray) records = g_array_new (FALSE, FALSE, sizeof (LimberWhy));
  copy_records (sel, exercise, phase, -1, -1, records);
  for (guint k = 0; k < records->len; k++)
    if (is_exclusion (&g_array_index (records, LimberWhy, k)))
      {
        *out = g_array_index (records, LimberWhy, k);
        return TRUE;
      }
  return FALSE;
}

gboolean
limber_selection_first_exclusion (const LimberSelection *sel, guint exercise, LimberWhy *out)
{
  /* limber_selection_reasons()' order: before the rules, the rules (whose
   * only exclusions are their exclude actions), after them */
  if (first_exclusion_in (sel, exercise, 0, out))
    return TRUE;
  const LimberRuleset *rs = sel->rs;
  for (guint k = rs->acted_first[exercise]; k < rs->acted_first[exercise + 1]; k++)
    {
      const LimberActedOn *on = &rs->acted[k];
      if (sel->fired_mask[on->rule] && sel->rs->steps[on->step].kind == ACTION_EXCLUDE)
        {
          /* as limber_selection_reasons() records it */
          *out = (LimberWhy) { .rule = sel->rs->rule_ids[on->rule], .fmt = "excluded", .exercise = exercise };
          return TRUE;
        }
    }
  return first_exclusion_in (sel, exercise, 2, out);
}

void
limber_selection_reasons (const LimberSelection *sel, guint exercise, GArray *out)
{
  const LimberRuleset *rs = sel->rs;
  copy_records (sel, exercise, 0, -1, -1, out);
  /* what the rules that fired did to it, rule by rule: their other
   * actions (rs->acted), then their weight (rs->weighted, as compiled),
   * the two lists merged by rule */
  const LimberActedOn *on = rs->acted + rs->acted_first[exercise];
  const LimberWeightRef *weighted = rs->weighted + rs->weighted_first[exercise];
  guint nb = rs->acted_first[exercise + 1] - rs->acted_first[exercise];
  guint nw = rs->weighted_first[exercise + 1] - rs->weighted_first[exercise];
  for (guint k = 0, wk = 0; k < nb || wk < nw;)
    {
      guint rb = k < nb ? on[k].rule : G_MAXUINT;
      guint rw = wk < nw ? weighted[wk].rule : G_MAXUINT;
      guint r = MIN (rb, rw);
      guint end = k;
      while (end < nb && on[end].rule == r)
        end++;
      const LimberWeightRef *weight = rw == r ? &weighted[wk++] : NULL;
      if (!sel->fired_mask[r])
        {
          k = end;
          continue;
        }
      const char *rule_id = rs->rule_ids[r];
      for (; k < end; k++)
        {
          const LimberStep *step = &rs->steps[on[k].step];
          const LimberAction *a = step->action;
          switch (step->kind)
            {
            case ACTION_EXCLUDE: limber_why_add (out, exercise, rule_id, "excluded"); break;
            case ACTION_REQUIRE: limber_why_add (out, exercise, rule_id, "required every training day"); break;
            case ACTION_EMPHASISE: copy_records (sel, exercise, 1, (int) r, (int) step->action_index, out); break;
            case ACTION_LOWEST_STEP: limber_why_add (out, exercise, rule_id, "starts at the first ladder step"); break;
            case ACTION_MIN_HOLD:
              limber_why_put (out, exercise, rule_id, "holds of at least %g s", 0, 1, &(LimberWhyArg) { .d = a->seconds });
              break;
            case ACTION_MIN_REPS:
              limber_why_add (out, exercise, rule_id, "at least %u repetitions of each hold", a->reps);
              break;
            case ACTION_WEIGHT:
            case ACTION_ADVISE:
            case ACTION_LIMIT_MINUTES:
              break;
            }
        }
      if (weight != NULL)
        weight_reasons (out, exercise, rule_id, &g_array_index (rs->weight_groups, LimberWeightGroup, weight->group).value);
    }
  copy_records (sel, exercise, 2, -1, -1, out);
}
