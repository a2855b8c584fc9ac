/*
 * The working state of one generation, per exercise of the catalogue:
 * evaluate.c decides what is allowed and how much it is wanted, dose.c what
 * dose it gets, schedule.c which days it lands on.  Each stage reads what the
 * earlier ones wrote and adds its own reasons, which end up in the plan's
 * explanations.
 */
#pragma once

#include "facts.h"
#include "plan-private.h"
#include "why.h"

typedef struct _LimberSelection LimberSelection;

/* What the fired rules' actions did to a shared list (LimberListState.marks). */
enum {
  LIMBER_SHARED_TOUCHED = 1,  /* anything at all */
  LIMBER_SHARED_EXCLUDED = 2,
  LIMBER_SHARED_REQUIRED = 4,
  LIMBER_SHARED_LOWEST_STEP = 8,
};

/* What the fired rules did to one shared list, together so that taking it
 * reads one cache line. */
typedef struct {
  double add, multiply, min_hold;
  const LimberRule *reason_rule;
  unsigned min_reps;
  guint8 reason_rank, marks;
} LimberListState;

/* How specific a rule's reason is for an exercise (LimberChoice.reason_rank). */
enum { LIMBER_RANK_NONE, LIMBER_RANK_WEIGHT, LIMBER_RANK_REQUIRE, LIMBER_RANK_MEASURE, LIMBER_RANK_EMPHASIS };

typedef struct {
  gboolean excluded;
  gboolean required;
  double weight;            /* (base + add) x multiply, at least 0; 0 when excluded */
  LimberSide emphasis_side;
  unsigned extra_sets;
  gboolean lowest_step;
  double min_hold;
  unsigned min_reps;        /* held steps: at least this many repetitions */
  LimberDose dose;
  unsigned step, previous_step;
  gboolean wants_easier;    /* regressed at the first step: swap for the easier variant */
  gboolean held_back;       /* the log kept or put the step down (discomfort, a break): no fill above it */
  double seconds;
  /* the rule whose reason the person reads, and how specific it is: an
   * emphasis beats a measure target, which beats a requirement, which beats
   * any other rule that raised the weight (set when the rules have run; the
   * selection's arrays below hold them while they run) */
  const LimberRule *reason_rule;
  int reason_rank;
  LimberSelection *owner;   /* the selection it belongs to, whose why holds its reasons */
  guint index;              /* its exercise's catalogue index */
  guint why_first, why_last;  /* its records in the selection's why, as index + 1 (0: none), chained by why_next */
  gboolean contraindicated;  /* excluded by a contraindication; the reasons are made when read */
  /* What dosing decided without recording it (dose.c): the reasons nearly
   * every exercise would take ("step 1 of 3: no sessions logged yet", a
   * hold raised to a rule's least) are made only for the exercises whose
   * reasons are read (limber_dose_reasons), in the place dosing would
   * have recorded them: after record dose_mark (why_last when dosed). */
  gboolean dosed;
  guint dose_mark;
  gboolean fresh;           /* no sessions logged: step 1 of the ladder */
  unsigned lowest_from;     /* the 1-based step a lowest-step rule brought down to 1, or 0 */
} LimberChoice;

struct _LimberSelection {
  LimberArena arena;        /* the selection itself, its choices and its fixed-size arrays */
  const LimberFacts *facts; /* NULL once a plan keeps the selection for its late reasons (plan-private.h) */
  const LimberRuleset *rs;  /* the facts' */
  LimberChoice *choices;    /* one per exercise of the rule set, in catalogue order */
  guint n;
  const char **fired;       /* ids of rules whose conditions held, in rule order */
  guint n_fired;
  guint8 *fired_mask;       /* per rule: 1 when it fired */
  /* where reasons being recorded come from (LimberWhy.phase, rule_index,
   * action_index) */
  guint8 phase;
  int rule_index, action_index;
  GPtrArray *advice;        /* const char*: advise texts of fired rules, in rule order */
  GArray *focus;            /* int: measures a fired rule aimed at through measure=, in first-seen order */
  double minutes_cap;       /* the shortest limit-minutes of the fired rules; 0: none */
  guint8 *logged;           /* per exercise: 1 when the profile logged a session of it (dose.c) */
  guint8 *cond_memo;        /* per distinct condition of the rule set (rs->cond_copies): 0 not asked yet, 1 false, 2 true */
  /* While the rules run, per exercise: the sum and product of the fired
   * rules' weights and the reason offered so far.  Arrays rather than
   * fields of the choices because a large rule set applies a hundred
   * thousand weights a plan, each to a scattered exercise: these fit in
   * the first-level cache, the choices do not.  limber_evaluate() writes
   * the outcome into the choices. */
  double *add, *multiply;
  const LimberRule **reason_rule;
  guint8 *reason_rank;
  const LimberRule **emphasis_rule;  /* per exercise: the emphasis rule that speaks for it, apart from the rest */
  /* The same per shared list (LimberRuleset.member_lists): fired groups
   * and actions on a shared list act on the list, which its exercises take
   * when the rules have run. */
  LimberListState *lists;
  LimberListState *classes; /* per class of exercises on the same lists: the lists combined (take_shared) */
  GArray *why;              /* LimberWhy: every reason of every choice, in the order decided */
  GArray *why_next;         /* guint per record: the next record of the same choice, as index + 1 (0: none) */
  GStringChunk *strings;    /* texts the reasons borrow that are made during generation */
};

LimberSelection *limber_selection_new (const LimberFacts *facts);
void limber_selection_free (LimberSelection *sel);
/* Records a reason of the choice (why.h): the strings it formats with must
 * outlive the plan (the rule set's, static ones, or limber_selection_keep()'s). */
void limber_choice_explain (LimberChoice *choice, const char *rule, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
/* The first of the exercise's reasons (limber_selection_reasons) that
 * excluded or replaced it, into *out (its text not made); FALSE when none
 * did.  Without making the others, which for an exercise many rules reach
 * are hundreds. */
gboolean limber_selection_first_exclusion (const LimberSelection *sel, guint exercise, LimberWhy *out);

/* The reasons dosing left unrecorded for the exercise (LimberChoice.dosed),
 * appended to out in the order dosing decided them (dose.c). */
void limber_dose_reasons (const LimberSelection *sel, guint exercise, GArray *out);

/* A copy of s that lives as long as the plan made from the selection. */
const char *limber_selection_keep (LimberSelection *sel, const char *s);

/* Every reason of an exercise, in the order decided, appended to out (a
 * GArray of LimberWhy): the engine's records and, for each rule that fired,
 * what its actions did to the exercise.  Those are not recorded while the
 * rules run (a large rule set touches thousands of exercises a plan): they
 * are worked out here, from the rules, for the exercises someone reads. */
void limber_selection_reasons (const LimberSelection *sel, guint exercise, GArray *out);

/* evaluate.c: constraints, contraindications and rules -> exclusions,
 * requirements, weights, emphasis and advice */
void limber_evaluate (LimberSelection *sel);

/* dose.c: the ladder step each exercise has reached, its dose and its time */
void limber_dose (LimberSelection *sel);
double limber_dose_seconds (const LimberRuleset *rs, const LimberExercise *e, const LimberDose *dose,
                            unsigned extra_sets);
/* The dose of step (0-based) of e's ladder as c gets it: with the rules'
 * minimum hold and repetitions applied. */
LimberDose limber_dose_at_step (const LimberChoice *c, const LimberExercise *e, unsigned step);

/* schedule.c: training and rest days, each day's session composed as a
 * whole (compose.c) within its minutes */
void limber_schedule (LimberSelection *sel, LimberPlan *plan, const GDate *start, unsigned n_days, guint64 seed);

/* the seeded generator behind every weighted choice: splitmix64, chosen for
 * being tiny, fast and the same on every platform */
typedef struct {
  guint64 state;
} LimberRandom;

double limber_random_double (LimberRandom *r); /* [0, 1) */
