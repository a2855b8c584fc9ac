/*
 * Composing a week's sessions: the core done every training day, the pool
 * of accessories that rotate, and each day's session filled to its minutes
 * (docs/composer.md).
 *
 * Every choice honours the exclusions first (they set the weight to 0),
 * never puts an exercise beside its own seated variant or beside one with
 * the same primary targets and kind of work (session.c), and takes the most
 * wanted first; the seed only breaks near-ties.
 */
#include <math.h>
#include <string.h>

#include "compose-private.h"

static void
leave_out (Composer *C, guint i, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static void
leave_out (Composer *C, guint i, const char *fmt, ...)
{
  const char *id = exercise_at (C, i)->id;
  for (guint k = 0; k < C->plan->left_out->len; k++)
    if (g_str_equal (((LimberLeftOut *) g_ptr_array_index (C->plan->left_out, k))->exercise, id))
      return;
  LimberLeftOut *l = limber_arena_new0 (&C->plan->arena, LimberLeftOut, 1);
  l->exercise = id;
  l->index = i;
  va_list ap;
  va_start (ap, fmt);
  l->why = limber_plan_internv (C->plan, fmt, ap);
  va_end (ap);
  limber_plan_list_add (C->plan, C->plan->left_out, l);
}

/* The first reason an exercise was excluded, as the trace says it. */
static const char *
exclusion_of (const Composer *C, guint i)
{
  LimberWhy w;
  if (!limber_selection_first_exclusion (C->sel, i, &w))
    return "not wanted by the rules (weight 0)";
  /* the text lives as long as the plan: its rule id and format are the
   * rule set's, its arguments the rule set's or kept */
  g_autoptr (GString) text = g_string_new (NULL);
  limber_why_format (&w, text);
  return limber_selection_keep (C->sel, text->str);
}

typedef gboolean (*Want) (const Composer *C, guint i, gpointer data);

/* The best candidate for the session among those `want` accepts; -1 when
 * none fits. */
static int
best (Composer *C, const Session *s, double budget, Want want, gpointer data)
{
  int found = -1;
  double found_score = 0;
  if (s->picks->len >= C->max_items)
    return -1; /* a full session takes nothing (limber_session_fits) */
  for (guint i = 0; i < C->sel->n; i++)
    {
      /* limber_session_takes(), its clash test (a walk over the picks)
       * asked only of a candidate that would be the best so far */
      if (!want (C, i, data) || !allowed (C, i) || !limber_session_fits (C, s, i, budget))
        continue;
      double value = limber_session_score (C, s, i);
      if ((found < 0 || value > found_score) && limber_session_clash (C, s, i) < 0)
        {
          found = (int) i;
          found_score = value;
        }
    }
  return found;
}

static gboolean
want_measure (const Composer *C, guint i, gpointer data)
{
  return limber_ruleset_targets_primary (C->rs, i, GPOINTER_TO_INT (data));
}

static gboolean
want_slot (const Composer *C, guint i, gpointer data)
{
  return C->slot_of[i] == GPOINTER_TO_INT (data);
}

static gboolean
want_any (const Composer *C, guint i, gpointer data)
{
  (void) data;
  return C->slot_of[i] >= 0 || C->routine_pos[i] >= 0;
}

/* A stand-in for routine move r: its easier variant (the same position,
 * gentler), an alternative that does its job another way, its seated
 * variant (no floor), or the most wanted exercise with one of its primary
 * targets. */
static int
substitute (Composer *C, const Session *s, guint r, double budget)
{
  const LimberExercise *e = exercise_at (C, r);
  static const LimberVariantKind order[] = { VARIANT_EASIER, VARIANT_ALTERNATIVE, VARIANT_SEATED };
  for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
    for (guint v = 0; v < e->variants->len; v++)
      {
        const LimberVariant *var = g_ptr_array_index (e->variants, v);
        if (var->kind != order[pass] || var->index < 0)
          continue;
        guint i = (guint) var->index;
        if (limber_session_takes (C, s, i, budget))
          return (int) i;
      }
  for (guint k = 0; k < e->targets->len; k++)
    {
      const LimberExerciseTarget *t = &g_array_index (e->targets, LimberExerciseTarget, k);
      if (!t->primary)
        continue;
      int i = best (C, s, budget, want_measure, GINT_TO_POINTER (t->measure_index));
      if (i >= 0)
        return i;
    }
  return -1;
}

/* A session that falls short of its window with no room for another
 * exercise (its item cap is reached) swaps optional picks, the last first,
 * for the candidate that brings it nearest the window without passing it. */
static void
stretch_to_window (Composer *C, Session *s, double budget, const gboolean *pinned)
{
  for (guint k = s->picks->len; k-- > 0 && s->seconds < budget * UNDERRUN;)
    {
      guint out = g_array_index (s->picks, Pick, k).exercise;
      if (pinned[out])
        continue;
      double without = s->seconds - g_array_index (s->picks, Pick, k).seconds;
      int found = -1;
      double found_total = s->seconds, found_score = 0;
      Pick held = g_array_index (s->picks, Pick, k);
      g_array_remove_index (s->picks, k);
      for (guint i = 0; i < C->sel->n; i++)
        {
          double total = without + C->sel->choices[i].seconds;
          if (i == out || !allowed (C, i) || !want_any (C, i, NULL) || total > budget * OVERRUN || total < found_total
              || limber_session_clash (C, s, i) >= 0)
            continue;
          /* into the window, the most wanted; short of it, the nearest */
          gboolean in = total >= budget * UNDERRUN, found_in = found_total >= budget * UNDERRUN;
          double value = limber_session_score (C, s, i);
          if (found < 0 || (in && !found_in) || (in && value > found_score) || (!in && !found_in && total > found_total))
            {
              found = (int) i;
              found_total = total;
              found_score = value;
            }
        }
      if (found < 0)
        {
          g_array_insert_val (s->picks, k, held);
          continue;
        }
      s->seconds = without;
      limber_session_recount_levels (C, s);
      limber_session_add (C, s, (guint) found);
      leave_out (C, out, "swapped for %s so the session fills its minutes", exercise_at (C, (guint) found)->name);
    }
}

/* Fills a session that falls short of its window with the ladder rather
 * than with more exercises: one step up at a time, in session order, for
 * exercises whose ladder allows it (fill-up-to), that no rule keeps at the
 * first step and whose log did not hold them back, and never in a week with
 * a flare-up.  `skip` (may be NULL) lists exercises to leave as they are. */
static void
fill_with_steps (Composer *C, Session *s, double budget, const Session *skip)
{
  const LimberFacts *f = C->sel->facts;
  if (f->history.recent_max_discomfort > f->rs->progression.acceptable_max)
    return;
  /* the smallest step up first, so the time spreads over the session (a
   * few more seconds in each stretch) before a long walk takes it */
  while (s->seconds < budget * FILL_TARGET)
    {
      Pick *best_pick = NULL;
      LimberDose best_dose = { 0 };
      double best_seconds = 0, best_delta = G_MAXDOUBLE;
      for (guint k = 0; k < s->picks->len; k++)
        {
          Pick *p = &g_array_index (s->picks, Pick, k);
          const LimberChoice *c = &C->sel->choices[p->exercise];
          const LimberExercise *e = exercise_at (C, p->exercise);
          if ((skip && limber_session_has (skip, p->exercise)) || c->lowest_step || c->held_back
              || p->step >= e->fill_up_to || p->step >= e->ladder->len)
            continue;
          LimberDose next = limber_dose_at_step (c, e, p->step);
          double seconds = limber_dose_seconds (C->rs, e, &next, c->extra_sets);
          double delta = seconds - p->seconds;
          if (s->seconds + delta > budget * OVERRUN || delta >= best_delta)
            continue;
          best_pick = p;
          best_dose = next;
          best_seconds = seconds;
          best_delta = delta;
        }
      if (best_pick == NULL)
        break;
      if (best_pick->filled_from == 0)
        best_pick->filled_from = best_pick->step;
      s->seconds += best_delta;
      best_pick->seconds = best_seconds;
      best_pick->dose = best_dose;
      best_pick->step++;
    }
}

/* The most seconds an exercise may take in this plan: its dose at the
 * highest step filling may give it (fill_with_steps), else its dose now. */
static double
reach_seconds (const Composer *C, guint i)
{
  const LimberChoice *c = &C->sel->choices[i];
  const LimberExercise *e = exercise_at (C, i);
  const LimberFacts *f = C->sel->facts;
  if (c->lowest_step || c->held_back || c->step >= e->fill_up_to
      || f->history.recent_max_discomfort > f->rs->progression.acceptable_max)
    return c->seconds;
  LimberDose top = limber_dose_at_step (c, e, e->fill_up_to - 1);
  return MAX (c->seconds, limber_dose_seconds (C->rs, e, &top, c->extra_sets));
}

#define SHORT_DAY_CANDIDATES 16

/* A very short day the greedy passes left short of its window: the best
 * set of moves among the most wanted, keeping every pinned pick, judged
 * first by whether it can reach the window (with fuller doses where the
 * ladder allows), then by how much it is wanted. */
static void
compose_short (Composer *C, Session *s, double budget, const gboolean *pinned)
{
  Session kept;
  limber_session_init (&kept);
  for (guint k = 0; k < s->picks->len; k++)
    {
      guint i = g_array_index (s->picks, Pick, k).exercise;
      if (pinned[i])
        limber_session_add (C, &kept, i);
    }
  guint free_slots = C->max_items > kept.picks->len ? C->max_items - kept.picks->len : 0;
  /* the most wanted candidates, best first */
  guint cand[SHORT_DAY_CANDIDATES];
  double value[SHORT_DAY_CANDIDATES];
  guint n = 0;
  for (guint i = 0; i < C->sel->n; i++)
    {
      if (!allowed (C, i) || !want_any (C, i, NULL) || limber_session_clash (C, &kept, i) >= 0)
        continue;
      double v = limber_session_score (C, &kept, i);
      guint at = n < SHORT_DAY_CANDIDATES ? n++ : SHORT_DAY_CANDIDATES;
      if (at == SHORT_DAY_CANDIDATES)
        {
          if (v <= value[SHORT_DAY_CANDIDATES - 1])
            continue;
          at = SHORT_DAY_CANDIDATES - 1;
        }
      for (; at > 0 && value[at - 1] < v; at--)
        {
          cand[at] = cand[at - 1];
          value[at] = value[at - 1];
        }
      cand[at] = i;
      value[at] = v;
    }
  double kept_now = kept.seconds, kept_reach = 0;
  for (guint k = 0; k < kept.picks->len; k++)
    kept_reach += reach_seconds (C, g_array_index (kept.picks, Pick, k).exercise);
  int best_set[3] = { -1, -1, -1 };
  gboolean best_reaches = FALSE;
  double best_value = -1;
  guint m = MIN (free_slots, 3);
  /* every set of up to m candidates, as indexes a < b < c (-1: unused) */
  for (int a = -1; a < (int) n; a++)
    for (int b = a < 0 ? -1 : a + 1; b < (int) n; b = b < 0 ? (a < 0 ? (int) n : a + 1) : b + 1)
      for (int c = b < 0 ? -1 : b + 1; c < (int) n; c = c < 0 ? (b < 0 ? (int) n : b + 1) : c + 1)
        {
          int set[3] = { a, b, c };
          guint used = (a >= 0) + (b >= 0) + (c >= 0);
          if (used > m)
            continue;
          double now = kept_now, reach = kept_reach, v = 0;
          gboolean ok = TRUE;
          for (int x = 0; x < 3 && ok; x++)
            {
              if (set[x] < 0)
                continue;
              guint i = cand[set[x]];
              now += C->sel->choices[i].seconds;
              reach += reach_seconds (C, i);
              v += value[set[x]];
              for (int y = 0; y < x && ok; y++)
                ok = set[y] < 0 || !limber_session_redundant (C, i, cand[set[y]]);
            }
          if (!ok || now > budget * OVERRUN)
            continue;
          gboolean reaches = reach >= budget * UNDERRUN;
          if ((reaches && !best_reaches) || (reaches == best_reaches && v > best_value))
            {
              best_reaches = reaches;
              best_value = v;
              memcpy (best_set, set, sizeof set);
            }
          if (c < 0 && b >= 0)
            break;
        }
  if (!best_reaches)
    {
      g_array_unref (kept.picks);
      return;
    }
  for (guint k = 0; k < s->picks->len; k++)
    {
      guint i = g_array_index (s->picks, Pick, k).exercise;
      gboolean stays = pinned[i];
      for (int x = 0; x < 3; x++)
        stays |= best_set[x] >= 0 && cand[best_set[x]] == i;
      if (!stays)
        leave_out (C, i, "a better set of moves fills the short session");
    }
  g_array_unref (s->picks);
  *s = kept;
  for (int x = 0; x < 3; x++)
    if (best_set[x] >= 0)
      limber_session_add (C, s, cand[best_set[x]]);
}

/* The core: done every training day. */
void
limber_compose_core (Composer *C, Session *s, double budget, gboolean *pinned)
{
  LimberSelection *sel = C->sel;
  const LimberTemplate *t = C->template;

  for (guint i = 0; i < sel->n; i++)
    if (sel->choices[i].required && allowed (C, i))
      {
        if (limber_session_clash (C, s, i) < 0 && limber_session_fits (C, s, i, budget))
          {
            limber_session_add (C, s, i);
            pinned[i] = TRUE;
          }
        else
          {
            limber_plan_add_advisory (C->plan, limber_plan_internf (
              C->plan, limber_msg (C->plan->lang, "%s is recommended every training day but does not fit in %g minutes; allow more minutes a "
              "day to include it."), limber_tr (C->plan->tr, exercise_at (C, i)->name), C->plan->session_minutes));
            leave_out (C, i, "required, but does not fit in the day's minutes");
          }
      }

  /* every measure the rules aimed at gets an exercise that works on it as
   * its main purpose: a routine move when one does, a one-sided one when the
   * measure is asymmetric, so the extra set has a side to land on */
  for (guint f = 0; f < sel->focus->len; f++)
    {
      int m = g_array_index (sel->focus, int, f);
      const LimberMeasure *measure = g_ptr_array_index (C->rs->measures, m);
      LimberFocusOut *out = limber_arena_new0 (&C->plan->arena, LimberFocusOut, 1);
      out->measure = measure->id;
      limber_plan_list_add (C->plan, C->plan->focus, out);
      int found = -1;
      for (guint k = 0; k < s->picks->len && found < 0; k++)
        {
          guint i = g_array_index (s->picks, Pick, k).exercise;
          if (limber_ruleset_targets_primary (C->rs, i, m))
            found = (int) i;
        }
      if (found < 0)
        {
          double best_value = 0;
          for (guint i = 0; i < sel->n; i++)
            {
              if (!limber_ruleset_targets_primary (C->rs, i, m) || !allowed (C, i)
                  || !limber_session_fits (C, s, i, budget))
                continue;
              double value = limber_session_score (C, s, i);
              if (C->routine_pos[i] >= 0)
                value *= 2;
              if (sel->choices[i].extra_sets > 0)
                value *= 2;
              /* the clash test last, for a new best only (best()) */
              if ((found < 0 || value > best_value) && limber_session_clash (C, s, i) < 0)
                {
                  found = (int) i;
                  best_value = value;
                }
            }
          if (found >= 0)
            {
              limber_session_add (C, s, (guint) found);
              pinned[found] = TRUE;
            }
        }
      if (found >= 0)
        {
          out->covered_by = exercise_at (C, (guint) found)->id;
          continue;
        }
      gboolean any = FALSE;
      for (guint i = 0; i < sel->n && !any; i++)
        any = allowed (C, i) && limber_ruleset_targets_primary (C->rs, i, m);
      const char *what = measure->name ? limber_tr (C->plan->tr, measure->name) : measure->id;
      LimberLang lang = C->plan->lang;
      limber_plan_add_advisory (
        C->plan, any ? limber_plan_internf (C->plan, limber_msg (lang, "An exercise for your %s does not fit in %g minutes a day; allow "
                                            "a few more minutes to include one."), what, C->plan->session_minutes)
                     : limber_plan_internf (C->plan, limber_msg (lang, "Your answers and constraints leave no exercise for your %s in "
                                            "this plan; ask a physiotherapist for one you can do."), what));
    }

  /* the routine: first the moves the person may do, its closing moves
   * before the others (a session ends lying still even when the day is too
   * short for all of it), then stand-ins for the moves they may not do, so a
   * stand-in never crowds out a move of the routine itself */
  if (t->routine_index != NULL)
    {
      guint last = t->slots->len - 1;
      for (int pass = 0; pass < 3; pass++)
        for (guint k = 0; k < t->routine_index->len; k++)
          {
            guint r = g_array_index (t->routine_index, guint, k);
            gboolean closing = C->slot_of[r] == (int) last;
            if (limber_session_has (s, r) || (pass == 0 && !closing) || (pass == 1 && closing)
                || (pass < 2) != allowed (C, r))
              continue;
            if (pass < 2)
              {
                int clash = limber_session_clash (C, s, r);
                if (clash >= 0)
                  leave_out (C, r, "the same work as %s, already in the session", exercise_at (C, (guint) clash)->name);
                else if (limber_session_fits (C, s, r, budget))
                  {
                    limber_session_add (C, s, r);
                    /* a very short day keeps the right to swap a move for
                     * one that fills it better */
                    pinned[r] = C->budget > SHORT_DAY_MINUTES * 60;
                  }
                else
                  leave_out (C, r, "routine move that does not fit in the day's minutes");
                continue;
              }
            int i = substitute (C, s, r, budget);
            if (i >= 0)
              {
                limber_session_add (C, s, (guint) i);
                C->substitutes[i] = (int) r;
                leave_out (C, r, "%s; %s takes its place", exclusion_of (C, r), exercise_at (C, (guint) i)->name);
              }
            else
              leave_out (C, r, "%s, and no stand-in suits", exclusion_of (C, r));
          }
    }

  /* a fuller dose of what the core holds before another exercise, on a long
   * day: fewer moves to learn, and the dose stretches are best at */
  if (C->budget > LONG_DAY_MINUTES * 60)
    fill_with_steps (C, s, budget, NULL);

  /* then slot by slot, the most wanted, each slot up to its share and cap */
  double carry = 0;
  for (guint k = 0; k < t->slots->len; k++)
    {
      const LimberSlot *slot = g_ptr_array_index (t->slots, k);
      double target = slot->share * budget + carry, used = 0;
      unsigned count = 0, cap = slot->max_items ? (unsigned) floor (slot->max_items * C->cap_scale + 0.5) : G_MAXUINT;
      for (guint p = 0; p < s->picks->len; p++)
        {
          const Pick *pick = &g_array_index (s->picks, Pick, p);
          if (pick->slot == k)
            {
              used += pick->seconds;
              count++;
            }
        }
      while (used < target && count < cap)
        {
          int i = best (C, s, budget, want_slot, GINT_TO_POINTER ((int) k));
          if (i < 0 || used + sel->choices[i].seconds > target + 0.1 * budget)
            break;
          limber_session_add (C, s, (guint) i);
          used += sel->choices[i].seconds;
          count++;
        }
      carry = MAX (0.0, target - used);
    }
  /* whatever slot can still use the time */
  while (s->seconds < budget * UNDERRUN)
    {
      int i = best (C, s, budget, want_any, NULL);
      if (i < 0)
        break;
      limber_session_add (C, s, (guint) i);
    }
  /* a short day with no room left swaps a move for a longer one */
  if (C->budget <= SHORT_SWAP_MINUTES * 60)
    stretch_to_window (C, s, budget, pinned);
  fill_with_steps (C, s, budget, NULL);
  if (s->seconds < budget * UNDERRUN && C->max_items <= SHORT_DAY_ITEMS)
    {
      compose_short (C, s, budget, pinned);
      fill_with_steps (C, s, budget, NULL);
      /* when the moves the rules insist on take every place and still
       * leave the short day short (their first steps are brief), one more */
      gboolean all_pinned = TRUE;
      for (guint k = 0; k < s->picks->len; k++)
        all_pinned &= pinned[g_array_index (s->picks, Pick, k).exercise];
      if (s->seconds < budget * UNDERRUN && all_pinned && s->picks->len >= C->max_items)
        {
          C->max_items++;
          int i = best (C, s, budget, want_any, NULL);
          if (i >= 0)
            limber_session_add (C, s, (guint) i);
          fill_with_steps (C, s, budget, NULL);
          C->max_items--;
        }
    }
}

/* The pool of accessories: the most wanted exercises the core left, none
 * doing the core's work, worth about a day of accessories and never more
 * than a few, so the week stays learnable. */
GArray *
limber_compose_accessories (Composer *C, const Session *core, double allowance)
{
  GArray *pool = g_array_new (FALSE, FALSE, sizeof (guint));
  Session probe = *core;
  probe.picks = g_array_copy (core->picks);
  double worth = 0;
  while (worth < allowance && pool->len < ACCESSORY_POOL_ITEMS)
    {
      int i = -1;
      double found_score = 0;
      for (guint j = 0; j < C->sel->n; j++)
        {
          if (!allowed (C, j) || !want_any (C, j, NULL) || C->sel->choices[j].seconds > allowance * OVERRUN)
            continue;
          /* the clash test (a walk over the picks) only for a new best */
          double value = limber_session_score (C, core, j);
          if ((i < 0 || value > found_score) && limber_session_clash (C, &probe, j) < 0)
            {
              i = (int) j;
              found_score = value;
            }
        }
      if (i < 0)
        break;
      g_array_append_val (pool, i);
      Pick pick = { (guint) i, 0 };
      g_array_append_val (probe.picks, pick);
      worth += C->sel->choices[i].seconds;
    }
  g_array_unref (probe.picks);
  return pool;
}

/* One training day: the core, then accessories from the pool in turn from
 * `offset`, then (rarely) anything else that fits, to reach the window. */
void
limber_compose_day (Composer *C, const Session *core, GArray *pool, guint offset, Session *day)
{
  /* the day's picks go to the caller's array, reused from day to day */
  GArray *picks = day->picks;
  *day = *core;
  day->picks = picks;
  g_array_set_size (picks, 0);
  g_array_append_vals (day->picks, core->picks->data, core->picks->len);
  unsigned added = 0;
  for (guint k = 0; k < pool->len && added < ACCESSORY_MAX_ITEMS && day->seconds < C->budget * 0.97; k++)
    {
      guint i = g_array_index (pool, guint, (offset + k) % pool->len);
      if (!limber_session_takes (C, day, i, C->budget))
        continue;
      limber_session_add (C, day, i);
      added++;
    }
  /* doses stay the week's: a day short of its window takes one more
   * exercise rather than a fuller dose of one that other days have at
   * another, past the item cap by two at most when it must */
  unsigned cap = C->max_items;
  unsigned extra = C->budget > SHORT_DAY_MINUTES * 60 ? DAY_EXTRA_ITEMS : 0;
  while (day->seconds < C->budget * UNDERRUN && C->max_items <= cap + extra)
    {
      int i = best (C, day, C->budget, want_any, NULL);
      if (i < 0)
        {
          C->max_items++;
          continue;
        }
      limber_session_add (C, day, (guint) i);
    }
  C->max_items = cap;
}
