/*
 * The session composer's shared state: what schedule.c, compose.c and
 * session.c pass between them while a week is composed (docs/composer.md).
 *
 * A Composer holds one generation's per-exercise facts for composing (the
 * seed's tie-breakers, each exercise's slot and place in the routine); a
 * Session is one day's picks being built.  Both live for one call of
 * limber_schedule() and are never shared between threads.
 */
#pragma once

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
/* days this short may swap a move for a longer one to fill their minutes */
#define SHORT_SWAP_MINUTES 8.0
/* days longer than this give the core fuller doses before more exercises */
#define LONG_DAY_MINUTES 20.0
/* how far past its item cap a day may go when it cannot fill its minutes */
#define DAY_EXTRA_ITEMS 2

/* One exercise of a session, with the dose it gets that day: the choice's
 * dose, or a fuller step of its ladder when filling the day needed one. */
typedef struct {
  guint exercise;
  guint slot;
  LimberDose dose;
  unsigned step;            /* 1-based */
  unsigned filled_from;     /* the step before filling raised it; 0: not raised */
  double seconds;
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
} Composer;

/* The session being built: picks, their seconds and the levels (standing,
 * chair, floor) they use. */
typedef struct {
  GArray *picks;            /* Pick */
  double seconds;
  gboolean levels[3];
} Session;

static inline const LimberExercise *
exercise_at (const Composer *C, guint i)
{
  return g_ptr_array_index (C->rs->exercises, i);
}

/* Not excluded and wanted at all. */
static inline gboolean
allowed (const Composer *C, guint i)
{
  const LimberChoice *c = &C->sel->choices[i];
  return !c->excluded && c->weight > 0;
}

/* session.c: sessions, redundancy and the flow */
gboolean limber_session_redundant (const Composer *C, guint a, guint b);
void limber_session_init (Session *s);
gboolean limber_session_has (const Session *s, guint i);
int limber_session_clash (const Composer *C, const Session *s, guint i);  /* the pick i duplicates, or -1 */
void limber_session_add (const Composer *C, Session *s, guint i);
void limber_session_recount_levels (const Composer *C, Session *s);
double limber_session_score (const Composer *C, const Session *s, guint i);
gboolean limber_session_fits (const Composer *C, const Session *s, guint i, double budget);
/* allowed, not in the session nor doing the work of a pick, and it fits */
gboolean limber_session_takes (const Composer *C, const Session *s, guint i, double budget);
void limber_session_order (Composer *C, Session *s);

/* compose.c: the core, the accessories, a day */
void limber_compose_core (Composer *C, Session *s, double budget, gboolean *pinned);
GArray *limber_compose_accessories (Composer *C, const Session *core, double allowance);
/* day->picks: an array of the caller's, emptied and filled (reused day to day) */
void limber_compose_day (Composer *C, const Session *core, GArray *pool, guint offset, Session *day);
