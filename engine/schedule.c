/*
 * Scheduling a week: which days are training days, and the session each one
 * holds.
 *
 * A physiotherapist does not hand out a different list every day: a person
 * learns one sequence by heart and does it daily, with a little variety
 * around it.  So the week is composed, not drawn:
 *
 *   1. The core, done every training day in the same order: what a rule
 *      requires, then one exercise for every measure the rules aimed at (a
 *      deficit or an asymmetry), then the template's routine (the source
 *      article's nine moves, a constraint-safe substitute standing in for a
 *      move the person may not do), then the most wanted exercises slot by
 *      slot, up to the core's share of the minutes.
 *   2. A small pool of accessories, of which each training day takes the
 *      next two or three in turn, so the day fills 90-110% of the minutes.
 *
 * Every choice honours the exclusions first (they set the weight to 0), never
 * puts an exercise beside its own seated variant or beside one with the same
 * primary targets and kind of work, and prefers staying in a position the
 * session already uses.  The session is then ordered as a clinician would:
 * standing, then a chair, then the floor (on the back, on the side, on hands
 * and knees, kneeling, face down), the closing slot's exercises last from the
 * floor up, so a person gets up and down as little as possible (at most two
 * changes in the main part and two in the closing part).
 *
 * Seeded and deterministic: the seed only breaks near-ties between weights
 * (a factor within 5%), and every loop runs in catalogue order.
 */
#include <math.h>
#include <string.h>

#include "reason.h"
#include "selection.h"

#define OVERRUN 1.10
#define UNDERRUN 0.90
/* filling with longer doses stops once a session reaches this share */
#define FILL_TARGET 0.95
/* a session that would add a new position (standing, chair, floor) takes a
 * candidate only if it is clearly better than one in a position it has */
#define NEW_LEVEL_FACTOR 0.6
/* the accessories' share of a day, and the most they ever take */
#define ACCESSORY_SHARE 0.2
#define ACCESSORY_MAX_SECONDS 150.0
#define ACCESSORY_MAX_ITEMS 3
#define ACCESSORY_POOL_ITEMS 4
#define ACCESSORY_RESERVED 2
/* days this short get a few well-chosen moves, not many shortened ones */
#define SHORT_DAY_MINUTES 5.0
#define SHORT_DAY_ITEMS 3

double
limber_random_double (LimberRandom *r)
{
  guint64 z = (r->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z ^= z >> 31;
  return (double) (z >> 11) * (1.0 / 9007199254740992.0);
}

/* Offsets (0..6) of n training days in a 7-day block: round(i * 7 / n). */
static gboolean
is_training_offset (unsigned offset, unsigned n)
{
  for (unsigned i = 0; i < n; i++)
    if ((unsigned) floor (i * 7.0 / n + 0.5) == offset)
      return TRUE;
  return FALSE;
}

/* ---- positions and flow ------------------------------------------------ */

/* Standing, chair or floor: getting up or down between these is what costs
 * a person effort, so these are the changes the flow counts. */
static int
level_of (const LimberExercise *e)
{
  return e->posture == LIMBER_POSTURE_STANDING ? 0 : e->posture == LIMBER_POSTURE_SEATED ? 1 : 2;
}

/* The main part goes down: standing, chair, on the back, on the side, on
 * hands and knees, kneeling, face down. */
static int
main_rank (const LimberExercise *e)
{
  return (int) e->posture;
}

/* The closing part starts where the main part ended, on the floor, and
 * comes up: kneeling, hands and knees, face down, on the side, on the back
 * (lying still), then a chair, then standing. */
static int
closing_rank (const LimberExercise *e)
{
  static const int rank[] = {
    [LIMBER_POSTURE_STANDING] = 6, [LIMBER_POSTURE_SEATED] = 5,    [LIMBER_POSTURE_SUPINE] = 4,
    [LIMBER_POSTURE_SIDE_LYING] = 3, [LIMBER_POSTURE_QUADRUPED] = 1, [LIMBER_POSTURE_KNEELING] = 0,
    [LIMBER_POSTURE_PRONE] = 2,
  };
  return rank[e->posture];
}

/* ---- the composer ------------------------------------------------------ */

typedef struct {
  guint exercise;
  guint slot;
} Pick;

typedef struct {
  LimberSelection *sel;
  const LimberRuleset *rs;
  const LimberTemplate *template;
  LimberPlan *plan;
  double budget;            /* seconds a day */
  unsigned max_items;       /* a day's item cap */
  double cap_scale;         /* the day's minutes over the template's reference minutes, at least 1 */
  double *jitter;           /* per exercise: the seed's tie-breaker, 0.95 to 1.05 */
  int *slot_of;             /* per exercise: the first slot whose tags it carries, -1 for none */
  int *routine_pos;         /* per exercise: its place in the routine, -1 when not in it */
  int *substitutes;         /* per exercise: the routine move it stands in for, -1 for none */
  gboolean *in_core;
} Composer;

static const LimberExercise *
exercise_at (const Composer *C, guint i)
{
  return g_ptr_array_index (C->rs->exercises, i);
}

static gboolean
allowed (const Composer *C, guint i)
{
  const LimberChoice *c = &C->sel->choices[i];
  return !c->excluded && c->weight > 0;
}

static gboolean
seated_variant_of (const LimberExercise *a, guint b)
{
  for (guint v = 0; v < a->variants->len; v++)
    {
      const LimberVariant *var = g_ptr_array_index (a->variants, v);
      if (var->kind == VARIANT_SEATED && var->index == (int) b)
        return TRUE;
    }
  return FALSE;
}

/* The same primary targets with the same kind of work (stretching or moving). */
static gboolean
same_work (const LimberExercise *a, const LimberExercise *b)
{
  guint na = 0, nb = 0;
  for (guint k = 0; k < a->targets->len; k++)
    na += g_array_index (a->targets, LimberExerciseTarget, k).primary;
  for (guint k = 0; k < b->targets->len; k++)
    nb += g_array_index (b->targets, LimberExerciseTarget, k).primary;
  if (na == 0 || na != nb)
    return FALSE;
  for (guint k = 0; k < a->targets->len; k++)
    {
      const LimberExerciseTarget *t = &g_array_index (a->targets, LimberExerciseTarget, k);
      if (!t->primary)
        continue;
      gboolean found = FALSE;
      for (guint j = 0; j < b->targets->len && !found; j++)
        {
          const LimberExerciseTarget *u = &g_array_index (b->targets, LimberExerciseTarget, j);
          found = u->primary && u->measure_index == t->measure_index && u->stretches == t->stretches;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Whether a and b do the same job, so one session needs only one of them. */
static gboolean
redundant (const Composer *C, guint a, guint b)
{
  const LimberExercise *x = exercise_at (C, a), *y = exercise_at (C, b);
  return a == b || seated_variant_of (x, b) || seated_variant_of (y, a) || same_work (x, y);
}

/* The session being built: picks, their seconds and positions. */
typedef struct {
  GArray *picks;            /* Pick */
  double seconds;
  gboolean levels[3];
} Session;

static void
session_init (Session *s)
{
  s->picks = g_array_new (FALSE, FALSE, sizeof (Pick));
  s->seconds = 0;
  s->levels[0] = s->levels[1] = s->levels[2] = FALSE;
}

static gboolean
session_has (const Session *s, guint i)
{
  for (guint k = 0; k < s->picks->len; k++)
    if (g_array_index (s->picks, Pick, k).exercise == i)
      return TRUE;
  return FALSE;
}

/* The pick i would duplicate, or -1. */
static int
session_clash (const Composer *C, const Session *s, guint i)
{
  for (guint k = 0; k < s->picks->len; k++)
    {
      guint j = g_array_index (s->picks, Pick, k).exercise;
      if (redundant (C, i, j))
        return (int) j;
    }
  return -1;
}

static void
session_add (const Composer *C, Session *s, guint i)
{
  int slot = C->slot_of[i];
  Pick pick = { i, slot >= 0 ? (guint) slot : C->template->slots->len - 1 };
  g_array_append_val (s->picks, pick);
  s->seconds += C->sel->choices[i].seconds;
  s->levels[level_of (exercise_at (C, i))] = TRUE;
}

/* How much the session wants i: its weight, the seed's tie-breaker, and a
 * discount for taking the person to a position the session does not use. */
static double
score (const Composer *C, const Session *s, guint i)
{
  double value = C->sel->choices[i].weight * C->jitter[i];
  if (s->picks->len > 0 && !s->levels[level_of (exercise_at (C, i))])
    value *= NEW_LEVEL_FACTOR;
  return value;
}

static gboolean
fits (const Composer *C, const Session *s, guint i, double budget)
{
  return s->picks->len < C->max_items && s->seconds + C->sel->choices[i].seconds <= budget * OVERRUN;
}

static void
leave_out (Composer *C, guint i, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static void
leave_out (Composer *C, guint i, const char *fmt, ...)
{
  const char *id = exercise_at (C, i)->id;
  for (guint k = 0; k < C->plan->left_out->len; k++)
    if (g_str_equal (((LimberLeftOut *) g_ptr_array_index (C->plan->left_out, k))->exercise, id))
      return;
  LimberLeftOut *l = g_new0 (LimberLeftOut, 1);
  l->exercise = g_strdup (id);
  va_list ap;
  va_start (ap, fmt);
  l->why = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (C->plan->left_out, l);
}

/* The first reason an exercise was excluded, as the trace says it. */
static const char *
exclusion_of (const Composer *C, guint i)
{
  const LimberChoice *c = &C->sel->choices[i];
  for (guint k = 0; k < c->why_effect->len; k++)
    {
      const char *effect = g_ptr_array_index (c->why_effect, k);
      if (g_str_has_prefix (effect, "excluded") || g_str_has_prefix (effect, "replaced"))
        return effect;
    }
  return "not wanted by the rules (weight 0)";
}

/* The best candidate for the session among those `want` accepts; -1 when
 * none fits. */
typedef gboolean (*Want) (const Composer *C, guint i, gpointer data);

static int
best (Composer *C, const Session *s, double budget, Want want, gpointer data)
{
  int found = -1;
  double found_score = 0;
  for (guint i = 0; i < C->sel->n; i++)
    {
      if (!allowed (C, i) || session_has (s, i) || !want (C, i, data) || !fits (C, s, i, budget))
        continue;
      if (session_clash (C, s, i) >= 0)
        continue;
      double value = score (C, s, i);
      if (found < 0 || value > found_score)
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
  return limber_exercise_targets (exercise_at (C, i), GPOINTER_TO_INT (data), FALSE);
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

/* A stand-in for routine move r: its seated variant, its easier variant, or
 * the most wanted exercise with one of its primary targets. */
static int
substitute (Composer *C, const Session *s, guint r, double budget)
{
  const LimberExercise *e = exercise_at (C, r);
  for (int pass = 0; pass < 2; pass++)
    for (guint v = 0; v < e->variants->len; v++)
      {
        const LimberVariant *var = g_ptr_array_index (e->variants, v);
        if (var->kind != (pass == 0 ? VARIANT_SEATED : VARIANT_EASIER) || var->index < 0)
          continue;
        guint i = (guint) var->index;
        if (allowed (C, i) && !session_has (s, i) && session_clash (C, s, i) < 0 && fits (C, s, i, budget))
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
      double without = s->seconds - C->sel->choices[out].seconds;
      int found = -1;
      double found_total = s->seconds, found_score = 0;
      Pick held = g_array_index (s->picks, Pick, k);
      g_array_remove_index (s->picks, k);
      for (guint i = 0; i < C->sel->n; i++)
        {
          double total = without + C->sel->choices[i].seconds;
          if (i == out || !allowed (C, i) || session_has (s, i) || !want_any (C, i, NULL) || total > budget * OVERRUN
              || total < found_total || session_clash (C, s, i) >= 0)
            continue;
          /* into the window, the most wanted; short of it, the nearest */
          gboolean in = total >= budget * UNDERRUN, found_in = found_total >= budget * UNDERRUN;
          double value = score (C, s, i);
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
      s->levels[0] = s->levels[1] = s->levels[2] = FALSE;
      for (guint p = 0; p < s->picks->len; p++)
        s->levels[level_of (exercise_at (C, g_array_index (s->picks, Pick, p).exercise))] = TRUE;
      session_add (C, s, (guint) found);
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
  for (gboolean changed = TRUE; changed && s->seconds < budget * FILL_TARGET;)
    {
      changed = FALSE;
      for (guint k = 0; k < s->picks->len && s->seconds < budget * FILL_TARGET; k++)
        {
          guint i = g_array_index (s->picks, Pick, k).exercise;
          LimberChoice *c = &C->sel->choices[i];
          const LimberExercise *e = exercise_at (C, i);
          if ((skip && session_has (skip, i)) || c->lowest_step || c->held_back || c->step >= e->fill_up_to
              || c->step >= e->ladder->len)
            continue;
          LimberDose next = g_array_index (e->ladder, LimberDose, c->step);
          if (c->min_hold > 0 && next.hold_s > 0 && next.hold_s < c->min_hold)
            next.hold_s = c->min_hold;
          double seconds = limber_dose_seconds (C->rs, e, &next, c->extra_sets);
          if (s->seconds - c->seconds + seconds > budget * OVERRUN)
            continue;
          limber_choice_explain (c, "composer", "step %u \u2192 %u: a fuller dose within the ladder fills the day's %g "
                                 "minutes", c->step, c->step + 1, C->plan->session_minutes);
          s->seconds += seconds - c->seconds;
          c->seconds = seconds;
          c->dose = next;
          c->step++;
          changed = TRUE;
        }
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
  LimberDose top = g_array_index (e->ladder, LimberDose, e->fill_up_to - 1);
  if (c->min_hold > 0 && top.hold_s > 0 && top.hold_s < c->min_hold)
    top.hold_s = c->min_hold;
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
  session_init (&kept);
  for (guint k = 0; k < s->picks->len; k++)
    {
      guint i = g_array_index (s->picks, Pick, k).exercise;
      if (pinned[i])
        session_add (C, &kept, i);
    }
  guint free_slots = C->max_items > kept.picks->len ? C->max_items - kept.picks->len : 0;
  /* the most wanted candidates, best first */
  guint cand[SHORT_DAY_CANDIDATES];
  double value[SHORT_DAY_CANDIDATES];
  guint n = 0;
  for (guint i = 0; i < C->sel->n; i++)
    {
      if (!allowed (C, i) || session_has (&kept, i) || !want_any (C, i, NULL) || session_clash (C, &kept, i) >= 0)
        continue;
      double v = score (C, &kept, i);
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
                ok = set[y] < 0 || !redundant (C, i, cand[set[y]]);
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
      session_add (C, s, cand[best_set[x]]);
}

/* The core: done every training day. */
static void
compose_core (Composer *C, Session *s, double budget, gboolean *pinned)
{
  LimberSelection *sel = C->sel;
  const LimberTemplate *t = C->template;

  for (guint i = 0; i < sel->n; i++)
    if (sel->choices[i].required && allowed (C, i))
      {
        if (session_clash (C, s, i) < 0 && fits (C, s, i, budget))
          {
            session_add (C, s, i);
            pinned[i] = TRUE;
          }
        else
          {
            g_autofree char *text = g_strdup_printf (
              "%s is recommended every training day but does not fit in %g minutes; allow more minutes a day to "
              "include it.", exercise_at (C, i)->name, C->plan->session_minutes);
            limber_plan_add_advisory (C->plan, text);
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
      LimberFocusOut *out = g_new0 (LimberFocusOut, 1);
      out->measure = g_strdup (measure->id);
      g_ptr_array_add (C->plan->focus, out);
      int found = -1;
      for (guint k = 0; k < s->picks->len && found < 0; k++)
        {
          guint i = g_array_index (s->picks, Pick, k).exercise;
          if (limber_exercise_targets (exercise_at (C, i), m, FALSE))
            found = (int) i;
        }
      if (found < 0)
        {
          double best_value = 0;
          for (guint i = 0; i < sel->n; i++)
            {
              if (!allowed (C, i) || !limber_exercise_targets (exercise_at (C, i), m, FALSE)
                  || session_clash (C, s, i) >= 0 || !fits (C, s, i, budget))
                continue;
              double value = score (C, s, i);
              if (C->routine_pos[i] >= 0)
                value *= 2;
              if (sel->choices[i].extra_sets > 0)
                value *= 2;
              if (found < 0 || value > best_value)
                {
                  found = (int) i;
                  best_value = value;
                }
            }
          if (found >= 0)
            {
              session_add (C, s, (guint) found);
              pinned[found] = TRUE;
            }
        }
      if (found >= 0)
        {
          out->covered_by = g_strdup (exercise_at (C, (guint) found)->id);
          continue;
        }
      gboolean any = FALSE;
      for (guint i = 0; i < sel->n && !any; i++)
        any = allowed (C, i) && limber_exercise_targets (exercise_at (C, i), m, FALSE);
      const char *what = measure->name ? measure->name : measure->id;
      g_autofree char *text
        = any ? g_strdup_printf ("An exercise for your %s does not fit in %g minutes a day; allow a few more minutes "
                                 "to include one.", what, C->plan->session_minutes)
              : g_strdup_printf ("Your answers and constraints leave no exercise for your %s in this plan; ask a "
                                 "physiotherapist for one you can do.", what);
      limber_plan_add_advisory (C->plan, text);
    }

  /* the routine, in its order, each move or its stand-in */
  if (t->routine_index != NULL)
    for (guint k = 0; k < t->routine_index->len; k++)
      {
        guint r = g_array_index (t->routine_index, guint, k);
        if (session_has (s, r))
          continue;
        if (allowed (C, r))
          {
            int clash = session_clash (C, s, r);
            if (clash >= 0)
              leave_out (C, r, "the same work as %s, already in the session", exercise_at (C, (guint) clash)->name);
            else if (fits (C, s, r, budget))
              {
                session_add (C, s, r);
                /* a very short day keeps the right to swap a move for one
                 * that fills it better */
                pinned[r] = C->budget > SHORT_DAY_MINUTES * 60;
              }
            else
              leave_out (C, r, "routine move that does not fit in the day's minutes");
            continue;
          }
        int i = substitute (C, s, r, budget);
        if (i >= 0)
          {
            session_add (C, s, (guint) i);
            C->substitutes[i] = (int) r;
            leave_out (C, r, "%s; %s takes its place", exclusion_of (C, r), exercise_at (C, (guint) i)->name);
          }
        else
          leave_out (C, r, "%s, and no stand-in suits", exclusion_of (C, r));
      }

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
              used += sel->choices[pick->exercise].seconds;
              count++;
            }
        }
      while (used < target && count < cap)
        {
          int i = best (C, s, budget, want_slot, GINT_TO_POINTER ((int) k));
          if (i < 0 || used + sel->choices[i].seconds > target + 0.1 * budget)
            break;
          session_add (C, s, (guint) i);
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
      session_add (C, s, (guint) i);
    }
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
            session_add (C, s, (guint) i);
          fill_with_steps (C, s, budget, NULL);
          C->max_items--;
        }
    }
}

/* The pool of accessories: the most wanted exercises the core left, none
 * doing the core's work, worth about a day of accessories and never more
 * than a few, so the week stays learnable. */
static GArray *
accessory_pool (Composer *C, const Session *core, double allowance)
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
          if (!allowed (C, j) || session_has (&probe, j) || !want_any (C, j, NULL)
              || C->sel->choices[j].seconds > allowance * OVERRUN || session_clash (C, &probe, j) >= 0)
            continue;
          double value = score (C, core, j);
          if (i < 0 || value > found_score)
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

/* A session's seconds from its exercises' current doses. */
static double
session_seconds (const Composer *C, const Session *s)
{
  double seconds = 0;
  for (guint k = 0; k < s->picks->len; k++)
    seconds += C->sel->choices[g_array_index (s->picks, Pick, k).exercise].seconds;
  return seconds;
}

/* One training day: the core, then accessories from the pool in turn from
 * `offset`, then (rarely) anything else that fits, to reach the window. */
static void
compose_day (Composer *C, const Session *core, GArray *pool, guint offset, Session *day)
{
  *day = *core;
  day->picks = g_array_copy (core->picks);
  /* an earlier day may have given the core fuller doses */
  day->seconds = session_seconds (C, day);
  unsigned added = 0;
  for (guint k = 0; k < pool->len && added < ACCESSORY_MAX_ITEMS && day->seconds < C->budget * 0.97; k++)
    {
      guint i = g_array_index (pool, guint, (offset + k) % pool->len);
      if (session_has (day, i) || session_clash (C, day, i) >= 0 || !fits (C, day, i, C->budget))
        continue;
      session_add (C, day, i);
      added++;
    }
  fill_with_steps (C, day, C->budget, core);
  while (day->seconds < C->budget * UNDERRUN)
    {
      int i = best (C, day, C->budget, want_any, NULL);
      if (i < 0)
        break;
      session_add (C, day, (guint) i);
    }
  /* the last resort: fuller doses of the core too, which then hold for the
   * rest of the week */
  if (day->seconds < C->budget * UNDERRUN)
    fill_with_steps (C, day, C->budget, NULL);
}


/* Session order: the main part down from standing to the floor, the closing
 * slot's exercises after it from the floor up; within a position, routine
 * moves (and their stand-ins) in the routine's order, then by slot, then in
 * catalogue order.  The key is total, so the same picks always come out in
 * the same order. */
static int
routine_place (const Composer *C, guint i)
{
  if (C->routine_pos[i] >= 0)
    return C->routine_pos[i];
  return C->substitutes[i] >= 0 ? C->routine_pos[C->substitutes[i]] : G_MAXINT;
}

static gboolean
still (const Composer *C, guint i)
{
  const LimberChoice *c = &C->sel->choices[i];
  return c->dose.duration_s >= 60 && c->dose.reps == 0 && !exercise_at (C, i)->per_side;
}

static gint
flow_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  const Composer *C = data;
  const Pick *x = a, *y = b;
  guint last = C->template->slots->len - 1;
  const LimberExercise *ex = exercise_at (C, x->exercise), *ey = exercise_at (C, y->exercise);
  int cx = x->slot == last, cy = y->slot == last;
  if (cx != cy)
    return cx - cy;
  /* the closing part comes up from the floor, and on each level ends lying
   * (or sitting) still: rests and breathing, continuous holds of a minute or
   * more, after the stretches */
  if (cx)
    {
      int lx = 2 - level_of (ex), ly = 2 - level_of (ey);
      if (lx != ly)
        return lx - ly;
      int sx = still (C, x->exercise), sy = still (C, y->exercise);
      if (sx != sy)
        return sx - sy;
    }
  int rx = cx ? closing_rank (ex) : main_rank (ex), ry = cy ? closing_rank (ey) : main_rank (ey);
  if (rx != ry)
    return rx - ry;
  int px = routine_place (C, x->exercise), py = routine_place (C, y->exercise);
  if (px != py)
    return px < py ? -1 : 1;
  if (x->slot != y->slot)
    return x->slot < y->slot ? -1 : 1;
  return x->exercise < y->exercise ? -1 : x->exercise > y->exercise;
}

static void
order_session (Composer *C, Session *s)
{
  g_array_sort_with_data (s->picks, flow_compare, C);
}

/* The sentence a person reads next to an item. */
static char *
explain (const Composer *C, guint i, guint slot)
{
  const LimberChoice *c = &C->sel->choices[i];
  const LimberTemplate *t = C->template;
  if (c->reason_rule != NULL && c->reason_rank >= LIMBER_RANK_REQUIRE)
    return limber_reason_render (c->reason_rule, C->sel->facts);
  if ((C->routine_pos[i] >= 0 || C->substitutes[i] >= 0) && t->routine_reason != NULL)
    {
      if (C->substitutes[i] >= 0)
        return g_strdup_printf ("%s Done in place of %s.", t->routine_reason,
                                exercise_at (C, (guint) C->substitutes[i])->name);
      return g_strdup (t->routine_reason);
    }
  if (c->reason_rule != NULL)
    return limber_reason_render (c->reason_rule, C->sel->facts);
  const LimberSlot *s = g_ptr_array_index (t->slots, slot);
  return g_strdup (s->reason);
}

static LimberItem *
make_item (const Composer *C, const Pick *pick, gboolean core)
{
  const LimberSelection *sel = C->sel;
  const LimberExercise *e = exercise_at (C, pick->exercise);
  const LimberChoice *c = &sel->choices[pick->exercise];
  const LimberSlot *slot = g_ptr_array_index (C->template->slots, pick->slot);
  LimberItem *item = limber_item_alloc (e, slot->id);
  item->dose = c->dose;
  item->step = c->step;
  item->previous_step = c->previous_step;
  item->emphasis_side = c->extra_sets > 0 ? c->emphasis_side : LIMBER_SIDE_NONE;
  item->extra_sets = item->emphasis_side != LIMBER_SIDE_NONE ? c->extra_sets : 0;
  item->seconds = c->seconds;
  item->weight = c->weight;
  item->role = core ? LIMBER_ITEM_CORE : LIMBER_ITEM_ACCESSORY;
  item->explanation = explain (C, pick->exercise, pick->slot);
  limber_item_add_reason (item, "catalogue", "base weight %g", e->base_weight);
  for (guint k = 0; k < c->why_rule->len; k++)
    limber_item_add_reason (item, g_ptr_array_index (c->why_rule, k), "%s",
                            (const char *) g_ptr_array_index (c->why_effect, k));
  if (C->substitutes[pick->exercise] >= 0)
    limber_item_add_reason (item, "composer", "in place of routine move %s",
                            exercise_at (C, (guint) C->substitutes[pick->exercise])->id);
  limber_item_add_reason (item, "selection", "final weight %g, slot %s, %s", c->weight, slot->id,
                          core ? "core: every training day" : "accessory: rotates between days");
  return item;
}

void
limber_schedule (LimberSelection *sel, LimberPlan *plan, const GDate *start, unsigned n_days, guint64 seed)
{
  const LimberProfile *profile = sel->facts->profile;
  const LimberRuleset *rs = sel->facts->rs;
  const LimberTemplate *t = &rs->templates[profile->goal];
  guint n = MAX (sel->n, 1);
  g_autofree double *jitter = g_new (double, n);
  g_autofree int *slot_of = g_new (int, n);
  g_autofree int *routine_pos = g_new (int, n);
  g_autofree int *substitutes = g_new (int, n);
  g_autofree gboolean *pinned = g_new0 (gboolean, n);
  Composer C = {
    .sel = sel,
    .rs = rs,
    .template = t,
    .plan = plan,
    .budget = 60.0 * (sel->minutes_cap > 0 ? MIN (profile->minutes_per_day, sel->minutes_cap)
                                            : profile->minutes_per_day),
    .cap_scale = 1.0,
    .jitter = jitter,
    .slot_of = slot_of,
    .routine_pos = routine_pos,
    .substitutes = substitutes,
  };
  LimberRandom random = { seed };
  plan->session_minutes = C.budget / 60.0;
  double minutes = plan->session_minutes;
  C.cap_scale = rs->template_minutes > 0 ? MAX (1.0, minutes / rs->template_minutes) : 1.0;
  unsigned caps = 0;
  for (guint k = 0; k < t->slots->len; k++)
    {
      const LimberSlot *slot = g_ptr_array_index (t->slots, k);
      caps = slot->max_items == 0 || caps == G_MAXUINT ? G_MAXUINT
                                                       : caps + (unsigned) floor (slot->max_items * C.cap_scale + 0.5);
    }
  C.max_items = minutes <= SHORT_DAY_MINUTES ? SHORT_DAY_ITEMS : MAX (caps, SHORT_DAY_ITEMS);
  for (guint i = 0; i < sel->n; i++)
    {
      jitter[i] = 0.95 + 0.1 * limber_random_double (&random);
      slot_of[i] = -1;
      routine_pos[i] = -1;
      substitutes[i] = -1;
      const LimberExercise *e = exercise_at (&C, i);
      for (guint k = t->slots->len; k-- > 0;)
        for (char **tag = ((LimberSlot *) g_ptr_array_index (t->slots, k))->tags; *tag; tag++)
          if (g_strv_contains ((const char *const *) e->tags, *tag))
            slot_of[i] = (int) k;
    }
  for (guint k = 0; t->routine_index && k < t->routine_index->len; k++)
    routine_pos[g_array_index (t->routine_index, guint, k)] = (int) k;
  if (t->routine_index != NULL && t->routine_index->len > 0)
    plan->routine = g_strdup ("routine");

  double allowance = minutes <= 8 ? 0 : MIN (ACCESSORY_SHARE * C.budget, ACCESSORY_MAX_SECONDS);
  Session core;
  session_init (&core);
  /* the core leaves room for two accessories under the day's item cap */
  unsigned day_cap = C.max_items;
  if (allowance > 0 && C.max_items > 2 * ACCESSORY_RESERVED)
    C.max_items -= ACCESSORY_RESERVED;
  compose_core (&C, &core, C.budget - allowance, pinned);
  C.max_items = day_cap;
  g_autoptr (GArray) pool = allowance > 0 ? accessory_pool (&C, &core, allowance) : g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < pool->len; k++)
    g_ptr_array_add (plan->accessories, g_strdup (exercise_at (&C, g_array_index (pool, guint, k))->id));

  gboolean warned_short = FALSE;
  guint training = 0;
  for (unsigned d = 0; d < n_days; d++)
    {
      GDate date = *start;
      g_date_add_days (&date, d);
      LimberDay *out = limber_day_alloc (&date);
      g_ptr_array_add (plan->days, out);
      out->rest = !is_training_offset (d % 7, profile->days_per_week);
      if (out->rest)
        continue;
      Session day;
      compose_day (&C, &core, pool, training * ACCESSORY_MAX_ITEMS / 2, &day);
      training++;
      order_session (&C, &day);
      for (guint k = 0; k < day.picks->len; k++)
        {
          const Pick *pick = &g_array_index (day.picks, Pick, k);
          g_ptr_array_add (out->items, make_item (&C, pick, session_has (&core, pick->exercise)));
        }
      out->minutes = round (day.seconds / 6.0) / 10.0;
      if (day.seconds < C.budget * UNDERRUN && day.picks->len > 0 && !warned_short)
        {
          char minutes_text[32];
          g_ascii_formatd (minutes_text, sizeof minutes_text, "%.0f", MAX (1.0, round (day.seconds / 60.0)));
          g_autofree char *text = g_strdup_printf (
            "Your sessions take about %s of your %g minutes: no more exercises suit your answers and constraints "
            "in this rule set.", minutes_text, plan->session_minutes);
          limber_plan_add_advisory (plan, text);
          warned_short = TRUE;
        }
      g_array_unref (day.picks);
    }
  /* what was left out at one point but came back (a swap, a stand-in, a
   * later day) is not left out */
  for (guint k = plan->left_out->len; k-- > 0;)
    {
      const LimberLeftOut *l = g_ptr_array_index (plan->left_out, k);
      gboolean used = FALSE;
      for (guint d = 0; d < plan->days->len && !used; d++)
        {
          const LimberDay *day = g_ptr_array_index (plan->days, d);
          for (guint i = 0; i < day->items->len && !used; i++)
            used = g_str_equal (((const LimberItem *) g_ptr_array_index (day->items, i))->exercise->id, l->exercise);
        }
      if (used)
        g_ptr_array_remove_index (plan->left_out, k);
    }
  order_session (&C, &core);
  for (guint k = 0; k < core.picks->len; k++)
    g_ptr_array_add (plan->core, g_strdup (exercise_at (&C, g_array_index (core.picks, Pick, k).exercise)->id));
  g_array_unref (core.picks);
}
