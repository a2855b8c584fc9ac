/*
 * Sessions: the picks of one day, which exercises would do the same job
 * twice, and the order a clinician would put them in.
 *
 * The order gets a person up and down as little as possible: standing, then
 * a chair, then the floor (on the back, on the side, on hands and knees,
 * kneeling, face down); the closing slot's exercises come last, from the
 * floor up, each level ending with what is done lying or sitting still.  A
 * session therefore changes level at most twice in each part.
 */
#include "compose-private.h"

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

/* Whether a and b do the same job, so one session needs only one of them:
 * the same primary targets (two exercises that stretch or move the same
 * measures as their purpose do one job, whichever way they do it), or one
 * is the other's seated or alternative variant (ruleset-compile.c). */
gboolean
limber_session_redundant (const Composer *C, guint a, guint b)
{
  return limber_ruleset_redundant (C->rs, a, b);
}

void
limber_session_init (Session *s)
{
  s->picks = g_array_sized_new (FALSE, FALSE, sizeof (Pick), 24);
  s->seconds = 0;
  s->levels[0] = s->levels[1] = s->levels[2] = FALSE;
}

gboolean
limber_session_has (const Session *s, guint i)
{
  for (guint k = 0; k < s->picks->len; k++)
    if (g_array_index (s->picks, Pick, k).exercise == i)
      return TRUE;
  return FALSE;
}

/* The pick i would duplicate, or -1. */
int
limber_session_clash (const Composer *C, const Session *s, guint i)
{
  for (guint k = 0; k < s->picks->len; k++)
    {
      guint j = g_array_index (s->picks, Pick, k).exercise;
      if (limber_session_redundant (C, i, j))
        return (int) j;
    }
  return -1;
}

void
limber_session_add (const Composer *C, Session *s, guint i)
{
  int slot = C->slot_of[i];
  const LimberChoice *c = &C->sel->choices[i];
  Pick pick = {
    .exercise = i,
    .slot = slot >= 0 ? (guint) slot : C->template->slots->len - 1,
    .dose = c->dose,
    .step = c->step,
    .seconds = c->seconds,
  };
  g_array_append_val (s->picks, pick);
  s->seconds += c->seconds;
  s->levels[C->rs->levels[i]] = TRUE;
}

/* The levels the session's picks use, again, after a pick is taken out. */
void
limber_session_recount_levels (const Composer *C, Session *s)
{
  s->levels[0] = s->levels[1] = s->levels[2] = FALSE;
  for (guint k = 0; k < s->picks->len; k++)
    s->levels[C->rs->levels[g_array_index (s->picks, Pick, k).exercise]] = TRUE;
}

/* How much the session wants i: its weight, the seed's tie-breaker, and a
 * discount for taking the person to a position the session does not use. */
double
limber_session_score (const Composer *C, const Session *s, guint i)
{
  double value = C->sel->choices[i].weight * C->jitter[i];
  if (s->picks->len > 0 && !s->levels[C->rs->levels[i]])
    value *= NEW_LEVEL_FACTOR;
  return value;
}

gboolean
limber_session_fits (const Composer *C, const Session *s, guint i, double budget)
{
  return s->picks->len < C->max_items && s->seconds + C->sel->choices[i].seconds <= budget * OVERRUN;
}

gboolean
limber_session_takes (const Composer *C, const Session *s, guint i, double budget)
{
  /* an exercise already in the session clashes with itself; the cheap
   * test first (the three are questions, the order changes no answer) */
  return allowed (C, i) && limber_session_fits (C, s, i, budget) && limber_session_clash (C, s, i) < 0;
}

static gboolean
still (const Composer *C, guint i)
{
  const LimberChoice *c = &C->sel->choices[i];
  return c->dose.duration_s >= 60 && c->dose.reps == 0 && !exercise_at (C, i)->per_side;
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
      int lx = 2 - limber_exercise_level (ex), ly = 2 - limber_exercise_level (ey);
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

/* flow_compare()'s order as a key per pick, worked out once: a session
 * of n picks is sorted with n keys, not n log n comparisons that each
 * look both exercises up again. */
typedef struct {
  int part[5];              /* closing, level from the floor, still, rank, routine place */
  guint slot, exercise;
  Pick pick;
} FlowKey;

static void
flow_key (const Composer *C, const Pick *p, FlowKey *k)
{
  guint last = C->template->slots->len - 1;
  const LimberExercise *e = exercise_at (C, p->exercise);
  int closing = p->slot == last;
  k->part[0] = closing;
  k->part[1] = closing ? 2 - limber_exercise_level (e) : 0;
  k->part[2] = closing ? still (C, p->exercise) : 0;
  k->part[3] = closing ? closing_rank (e) : main_rank (e);
  k->part[4] = routine_place (C, p->exercise);
  k->slot = p->slot;
  k->exercise = p->exercise;
  k->pick = *p;
}

static gboolean
flow_key_before (const FlowKey *x, const FlowKey *y)
{
  for (int i = 0; i < 5; i++)
    if (x->part[i] != y->part[i])
      return x->part[i] < y->part[i];
  if (x->slot != y->slot)
    return x->slot < y->slot;
  return x->exercise < y->exercise;
}

void
limber_session_order (Composer *C, Session *s)
{
  guint n = s->picks->len;
  if (n > 64)
    {
      /* more than a day ever holds: the plain sort */
      g_array_sort_with_data (s->picks, flow_compare, C);
      return;
    }
  FlowKey keys[64];
  for (guint k = 0; k < n; k++)
    {
      FlowKey key;
      flow_key (C, &g_array_index (s->picks, Pick, k), &key);
      /* insertion: the key is total, so this is flow_compare()'s order */
      guint at = k;
      while (at > 0 && flow_key_before (&key, &keys[at - 1]))
        {
          keys[at] = keys[at - 1];
          at--;
        }
      keys[at] = key;
    }
  for (guint k = 0; k < n; k++)
    g_array_index (s->picks, Pick, k) = keys[k].pick;
}
