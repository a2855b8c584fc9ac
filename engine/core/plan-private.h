/*
 * The in-memory plan.  generate.c builds it, plan.c reads and frees it, the
 * plan-*.c serialisers write it out.  A plan holds a reference on its rule
 * set, so the exercises it points at live as long as it does.
 */
#pragma once

#include "arena.h"

#include "facts.h"
#include "limber/plan.h"
#include "why.h"

struct _LimberOptions {
  GDate start;
  unsigned days;
  guint64 seed;
  gboolean require_screening; /* refuse to plan when a stopping red-flag question is unanswered */
  LimberLang lang;           /* the language of the plan's text (i18n.h) */
};

/* the reasons an item keeps for itself (limber_item_add_reason) */
#define LIMBER_ITEM_OWN_REASONS 2

/*
 * Reasons made when first read.  A chosen exercise of a large rule set
 * carries hundreds of reasons (every fired rule that weighed it, every
 * least hold), and most plans of a population are written out once or
 * only summarised.  Its shared reasons are then not copied out while the
 * plan is made: the plan keeps the generation's selection instead, and
 * the first reader of any item's reasons (limber_item_n_why(),
 * limber_item_why(), a writer) makes them all, under the plan's lock,
 * exactly as generation would have (schedule.c).  Small rule sets make
 * them at once: keeping the selection would cost more than it saves.
 */
typedef struct _LimberLateReasons LimberLateReasons;

/* An exercise whose shared reasons wait to be made, and what framing them
 * needs from the composer. */
typedef struct {
  guint exercise;           /* catalogue index */
  const char *slot;         /* the rule set's slot id */
  const char *substitute;   /* the id of the routine move it stands in for, or NULL */
  double weight;            /* the final weight */
  gboolean core;
  guint first, n;           /* its run in LimberLateReasons.why, once made */
} LimberLateExercise;

struct _LimberLateReasons {
  GMutex lock;
  gint made;                /* atomic: 1 once every exercise's reasons are made */
  /* makes them (the core's, reached through the pointer so that the print
   * library's copy of the readers needs none of the engine) */
  void (*make) (LimberLateReasons *late);
  struct _LimberPlan *plan;
  gpointer selection;       /* the generation's LimberSelection, until made */
  GArray *exercises;        /* LimberLateExercise */
  GArray *why;              /* LimberWhy: every waiting exercise's reasons, one run each, once made (exactly
                             * sized: a plan may be kept long after it is read) */
};

/* Makes the reasons if no one has yet (safe from several threads). */
void limber_late_reasons_ensure (LimberLateReasons *late);
/* Frees them, and the selection when they were never made (schedule.c). */
void limber_late_reasons_free (LimberLateReasons *late);

struct _LimberItem {
  const LimberExercise *exercise;
  const char *slot;         /* borrowed: the rule set's slot id (or a static string) */
  LimberDose dose;
  unsigned step;            /* 1-based ladder step */
  unsigned previous_step;   /* the step of the last logged session; 0 when none */
  LimberSide emphasis_side;
  unsigned extra_sets;
  double seconds;
  double weight;            /* the final weight it was chosen with */
  LimberItemRole role;      /* in the week's core (every training day) or a rotating accessory */
  const char *explanation;  /* the plain-language sentence a person reads (borrowed: kept by the plan) */
  gboolean explanation_general; /* it says what the exercise, its routine or its part of the session does
                                 * (their reasons), not what of this person's a rule answers */
  const char *name;         /* the exercise's name in the plan's language (borrowed), or NULL: its name */
  /* why, by reference (why.h): the reasons its exercise shares with every
   * item of it in the plan, then its own */
  const GArray *shared;     /* the plan's LimberWhy records, or NULL */
  guint shared_first, n_shared;  /* (set when made, for an item with late reasons) */
  LimberLateReasons *late;  /* its plan's, when its shared reasons are made when read; else NULL */
  guint n_own;
  LimberWhy own[LIMBER_ITEM_OWN_REASONS];
  gboolean in_block;        /* part of its plan's item block: freed with the plan */
};

/* A day's items.  A generated day's list is a window on the plan's item
 * pointers, sized by the schedule before it fills it, so a week of items
 * costs no allocation per day; a day built by hand (tests, readers) owns a
 * growing array.  Shaped like a GPtrArray (pdata, len) so that
 * g_ptr_array_index() reads either. */
typedef struct {
  gpointer *pdata;          /* LimberItem* */
  guint len;
  guint room;               /* slots at pdata */
  gboolean owned;           /* pdata is the day's own (g_free), not a window */
} LimberItemList;

/* A plan's list of ids or records: a GPtrArray's shape (pdata, len: read
 * with g_ptr_array_index() and limber_list_at()) without its allocations,
 * the list and its array in the plan's arena, freed with the plan.  A
 * plan fills a dozen of these; as GPtrArrays they were a fifth of its
 * allocations. */
typedef struct {
  gpointer *pdata;
  guint len;
  guint room;
} LimberPlanList;

struct _LimberDay {
  char date[11];
  gboolean rest;
  double minutes;
  LimberItemList *items;    /* always &item_list: day->items->len reads as it did */
  LimberItemList item_list;
  gboolean in_block;        /* part of its plan's day block: freed with the plan */
};

/* Ids in these records are borrowed from the rule set the plan holds;
 * generated texts live in the plan's string chunk (limber_plan_intern()). */
typedef struct {
  const char *measure;
  double left, right;
  double deficit_left, deficit_right;
} LimberDeficitOut;

typedef struct {
  const char *measure;
  double difference;
  LimberSide tighter;
} LimberAsymmetryOut;

/* A measure the rules asked the plan to work on (a deficit or asymmetry a
 * rule acted on through measure=), and the exercise that covers it every
 * training day, or NULL when the person's constraints left none. */
typedef struct {
  const char *measure;
  const char *covered_by;   /* exercise id, or NULL: a gap */
} LimberFocusOut;

/* An exercise the composer considered and left out, and why. */
typedef struct {
  const char *exercise;
  const char *why;          /* in the plan's string chunk */
  guint index;              /* the exercise's catalogue index */
} LimberLeftOut;

typedef struct {
  const char *id;
  gboolean complete;
  double total;
  const char **subscale_ids;  /* the rule set's, n_subscales of them */
  double *subscale_values;
  guint n_subscales;
  const char *category;           /* NULL when incomplete */
} LimberScoreOut;

struct _LimberPlan {
  LimberRuleset *rs;        /* a reference */
  LimberPlanStatus status;
  LimberOutcome outcome;
  LimberPlanList *referral_flags; /* char*: ids of the flags behind a referral */
  char *referral_message;
  char *no_exercises_reason;   /* LIMBER_PLAN_NO_EXERCISES: "excluded" or "minutes", else NULL */
  char *no_exercises_message;  /* LIMBER_PLAN_NO_EXERCISES: why, in plain words, else NULL */
  LimberPlanList *unanswered;   /* char*: ids of unanswered questions a stopping red flag hangs on */
  LimberPlanList *advisories; /* char*, in order, no duplicates */
  guint64 seed;
  char start[11];
  char *name;               /* the person's, or NULL */
  LimberGoal goal;
  double minutes_per_day;
  double session_minutes;   /* what sessions are planned to last: minutes_per_day, or a rule's shorter limit */
  unsigned days_per_week;
  gboolean no_floor;        /* the person cannot get down to the floor: the re-scan sheet says who
                             * takes a test done lying down */
  GPtrArray *days;          /* LimberDay* */
  LimberPlanList *flags;     /* char*: every triggered red flag id */
  LimberPlanList *deficits;  /* LimberDeficitOut*, measures with any deficit */
  LimberPlanList *asymmetries; /* LimberAsymmetryOut*, meaningful ones only */
  LimberPlanList *scores;    /* LimberScoreOut* */
  LimberPlanList *fired_rules; /* char*: ids of the rules whose conditions held */
  /* the composer's trace */
  const char *routine;      /* "routine" (static) when the template's routine shaped the core, else NULL */
  LimberPlanList *core;      /* char*: exercise ids done every training day, in session order */
  LimberPlanList *accessories; /* char*: the rotating exercises of the week */
  LimberPlanList *focus;     /* LimberFocusOut* */
  LimberPlanList *left_out;  /* LimberLeftOut* */
  GArray *why;              /* LimberWhy: each planned exercise's reasons, one run per exercise */
  LimberItem *items;        /* the generated items, in one block (days point into it), or NULL */
  LimberDay *day_block;     /* the generated days, in one block (plan->days points into it), or NULL */
  guint n_items, max_items;
  GStringChunk *strings;    /* texts the plan made: explanations, advisories (limber_plan_intern()) */
  LimberArena arena;        /* the plan's records (deficits, asymmetries, scores, focus, left out): freed at once */
  GStringChunk *selection_strings;  /* texts the reasons borrow, kept from the selection */
  LimberLateReasons *late;  /* reasons made when read, or NULL */
  LimberLang lang;          /* the language of its text (i18n.h) */
  const LimberTranslation *tr; /* the rule set's translation into it, NULL for English */
};

/* plan.c */
LimberPlan *limber_plan_alloc (const LimberRuleset *rs);
gboolean limber_plan_set_language (LimberPlan *plan, LimberLang lang, GError **error); /* i18n.c */
LimberDay *limber_day_alloc (const GDate *date);
/* Appends item (owned by the day from now on) to day's items: a day built
 * by hand grows as needed; a generated day has the room it was given. */
void limber_day_add_item (LimberDay *day, LimberItem *item);
/* date as YYYY-MM-DD (years 1 to 9999), without printf or the locale. */
void limber_date_format (const GDate *date, char out[11]);
/* The plan's n days from start, in one block (plan->day_block), added to
 * plan->days; day d has room for reserve[d] items (reserve NULL: none). */
void limber_plan_add_days (LimberPlan *plan, const GDate *start, unsigned n, const guint *reserve);
LimberItem *limber_item_alloc (const LimberExercise *exercise, const char *slot);
void limber_item_free (LimberItem *item);
/* Adds a reason of this item alone (at most LIMBER_ITEM_OWN_REASONS): the
 * rule and the strings fmt formats with must outlive the plan. */
void limber_item_add_reason (LimberItem *item, const char *rule, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
/* An item's reasons, shared ones first. */
guint limber_item_n_why (const LimberItem *item);
const LimberWhy *limber_item_why (const LimberItem *item, guint k);
void limber_plan_add_advisory (LimberPlan *plan, const char *text);
/* Appends data to one of plan's lists (growing it in the plan's arena). */
void limber_plan_list_add (LimberPlan *plan, LimberPlanList *list, gpointer data);
/* Inserts data before the index'th element (index <= len). */
void limber_plan_list_insert (LimberPlan *plan, LimberPlanList *list, guint index, gpointer data);
/* Removes the index'th element, keeping the order of the others. */
void limber_plan_list_remove_index (LimberPlanList *list, guint index);
/* A copy of text (or of the formatted text) that lives as long as the
 * plan, in its string chunk: generated texts without an allocation each. */
const char *limber_plan_intern (LimberPlan *plan, const char *text);
const char *limber_plan_internf (LimberPlan *plan, const char *format, ...) G_GNUC_PRINTF (2, 3);
const char *limber_plan_internv (LimberPlan *plan, const char *format, va_list ap) G_GNUC_PRINTF (2, 0);
const char *limber_side_to_string (LimberSide side);   /* "left", "right", NULL */
const char *limber_plan_status_to_string (LimberPlanStatus status); /* "ok", "referral", "no-exercises" */
