/*
 * The in-memory form of a rule set.
 *
 * The loader (ruleset-load.c) fills these structures from the XML tree, the
 * semantic pass (ruleset-check.c) resolves every id to an index, so that
 * evaluation never looks a string up: conditions carry the index of the
 * measure, question, flag or score they read, and actions carry the list of
 * exercises they target, computed once at load.
 */
#pragma once

#include "limber/ruleset.h"
#include "i18n.h"
#include "scan-private.h"

#define LIMBER_N_GOALS 3

typedef enum {
  COND_ALL,
  COND_ANY,
  COND_NOT,
  COND_GOAL,
  COND_AGE,
  COND_DEFICIT,
  COND_ASYMMETRY,
  COND_ANSWER,
  COND_FLAG,
  COND_SCORE,
  COND_CONSTRAINT,
  COND_HISTORY,
  COND_TREND,
  COND_MINUTES,             /* the minutes a day the person asked for */
  COND_UNANSWERED,          /* a question the profile leaves unanswered */
} LimberCondKind;

typedef enum {
  SIDE_ANY,
  SIDE_LEFT,
  SIDE_RIGHT,
  SIDE_BOTH,
} LimberSideSel;

typedef enum {
  CONSTRAINT_NO_FLOOR,
  CONSTRAINT_HAS_EQUIPMENT,
  CONSTRAINT_AVOIDS_REGION,
} LimberConstraintKind;

typedef enum {
  HISTORY_SESSIONS_COMPLETED,
  HISTORY_DAYS_SINCE_LAST,
  HISTORY_WEEKS_ACTIVE,
  HISTORY_RECENT_MAX_DISCOMFORT,
  HISTORY_UNSETTLED_DISCOMFORT_DAYS,
  HISTORY_WEEKS_WITHOUT_IMPROVEMENT,
} LimberHistoryFact;

typedef struct _LimberCond LimberCond;
struct _LimberCond {
  LimberCondKind kind;
  int line;
  GPtrArray *children;      /* all / any / not: LimberCond* */
  char *ref;                /* measure, question, flag or score id */
  char *value;              /* answer is=, score category, equipment, region */
  int index;                /* resolved ref, -1 until checked */
  int value_index;          /* resolved choice or category, -1 when none */
  gboolean has_at_least, has_at_most;
  double at_least, at_most;
  LimberGoal goal;
  LimberSideSel side;
  LimberConstraintKind constraint;
  gboolean flag_value;      /* no-floor="true|false" */
  LimberHistoryFact fact;
  gboolean trend_asymmetry; /* trend of="asymmetry", else of="range" */
  unsigned over_days;
};

typedef enum {
  TARGET_EXERCISE,
  TARGET_TAG,
  TARGET_REGION,
  TARGET_POSITION,
  TARGET_MEASURE,           /* the exercises whose targets name the measure */
} LimberTargetKind;

typedef enum {
  ACTION_WEIGHT,
  ACTION_EXCLUDE,
  ACTION_REQUIRE,
  ACTION_EMPHASISE,
  ACTION_LOWEST_STEP,
  ACTION_MIN_HOLD,
  ACTION_MIN_REPS,
  ACTION_ADVISE,
  ACTION_LIMIT_MINUTES,     /* no target: the session's minutes at most */
} LimberActionKind;

typedef struct {
  LimberActionKind kind;
  int line;
  LimberTargetKind target_kind;
  char *target;             /* as written, for explanations */
  gboolean any_role;        /* measure=: secondary targets count too (role="any") */
  GArray *targets;          /* guint exercise indexes, resolved */
  const guint32 *target_list; /* the same, interned in the rule set's index_lists (ruleset-compile.c):
                               * what evaluation reads, shared by the actions with the same selector */
  gboolean has_multiply, has_add;
  double multiply, add;
  char *measure;            /* emphasise */
  int measure_index;
  int target_measure;       /* a measure target's index, -1 for other targets (ruleset-compile.c) */
  int shared;               /* exclude, require, lowest-step, min-hold, min-reps: its targets' number among the
                             * shared lists (rs->n_shared_lists), or -1 (ruleset-compile.c) */
  unsigned extra_sets;
  double seconds;           /* min-hold */
  double minutes;           /* limit-minutes */
  unsigned reps;            /* min-reps */
  char *text;               /* advise */
} LimberAction;

/* One rule's weight on one exercise, its weight actions combined as
 * evaluate.c describes (a raise once, a lowering once, the largest
 * addition once).  It depends on nothing but the rule, so it is worked out
 * at load (ruleset-compile.c) and a fired rule only applies it. */
typedef struct {
  guint exercise;
  guint8 has_multiply, has_add, by_measure;
  guint8 raises;            /* it raises the weight (a multiplier above 1 or an addition above 0) */
  double multiply;          /* the largest raise times the smallest lowering */
  double add;
} LimberRuleWeight;

/* A rule's weights as evaluation applies them: the exercises that take the
 * same weight from the rule, listed together.  The lists are interned in
 * the rule set (rules that weigh the same tag share one), so the exercise
 * indices a plan reads stay in cache however many rules fire: a plan of
 * a 2,000-rule set reads a few dozen kilobytes of lists instead of
 * megabytes of per-exercise weights (ruleset-compile.c). */
typedef struct {
  LimberRuleWeight value;   /* its exercise field unused */
  const guint32 *exercises; /* ascending; interned in the rule set's index_lists */
  guint n;
  int shared;               /* its list's number among the shared lists (rs->shared_lists), or -1 */
} LimberWeightGroup;

/* An exercise's weight from one rule: the rule, and the rule's weight
 * group the exercise is in (its value in rs->weight_groups). */
typedef struct {
  guint32 rule, group;
} LimberWeightRef;

/* An action as evaluation reads it, the rule set's in one array, each
 * rule's together (LimberRuleCode): a fired rule's actions are a few
 * neighbouring entries, not a pointer chase through its action list
 * (ruleset-compile.c).  Weight actions are steps only when they aim at a
 * measure the plan should name; their weights are the rule's groups. */
typedef struct {
  LimberActionKind kind;
  int shared;               /* the action's shared list, or -1 */
  int focus;                /* the measure the action aims at and raises, or -1 */
  guint action_index;       /* its place in the rule's actions */
  guint n;                  /* targets */
  const guint32 *targets;   /* interned */
  const LimberAction *action;
} LimberStep;

typedef struct _LimberRule LimberRule;

/* What dosing reads of an exercise (rs->dosing). */
typedef struct {
  guint32 ladder_first;     /* its first step in rs->ladder_steps */
  double rep_seconds;       /* its seconds per repetition, or the rule set's */
  gboolean per_side;
} LimberDosing;

/* An action other than a weight that targets an exercise: its rule's
 * place and its step (rs->acted). */
typedef struct {
  guint32 rule, step;
} LimberActedOn;

/* A rule as evaluation reads it: its condition, its steps and its weight
 * groups (rs->rule_code, in rule order). */
typedef struct {
  const LimberRule *rule;
  int cond;                 /* its condition's number among the distinct conditions (rs->cond_copies), or -1:
                             * always */
  gboolean speaks;          /* its reason may speak for what it weighs or requires: it has a reason and no
                             * emphasise action (evaluate.c, offer_reason) */
  guint first_step, n_steps;
  guint first_group, n_groups;  /* its weights grouped by value, in rs->weight_groups */
} LimberRuleCode;

struct _LimberRule {
  char *id;
  char *description;
  char **cite;
  int line;
  char *reason;             /* the sentence a person reads, with {placeholders}, or NULL */
  int reason_line;
  int reason_measure;       /* the measure the placeholders read: the first deficit or asymmetry of <when>, or -1 */
  LimberCond *when;
  GPtrArray *actions;       /* LimberAction* */
  guint index;              /* its place in the rule set's rules (ruleset-compile.c) */
};

struct _LimberMeasure {
  char *id;
  char *label;
  char *name;               /* a short plain name ("hamstrings"), or NULL */
  char *unit;
  gboolean sided;
  double normal, min, max, asymmetry;
  char **cite;
  int line;
  LimberScanProtocol *protocol; /* how a camera scan takes it (scan.c), or NULL */
  char *no_scan;                /* why it cannot be camera-measured, or NULL */
};

struct _LimberQuestion {
  char *id;
  char *text;
  LimberQuestionKind kind;
  double min, max;          /* scale bounds; yes-no and choice: 0..1 / 0..n-1 */
  char **choices;
  char **choice_texts;
  LimberOutcome worst_outcome;
  int line;
};

typedef struct {
  char *id;
  LimberOutcome outcome;
  char *question;           /* NULL for a flag on a history fact */
  int question_index;
  gboolean on_history;      /* history= instead of question=: triggered by the logged history */
  LimberHistoryFact history_fact;
  char *is;                 /* yes / no / choice id, or NULL */
  int is_index;             /* choice index; yes-no: 1 yes, 0 no */
  gboolean has_at_least;
  double at_least;
  char *sign;               /* the warning sign as a statement, or NULL */
  char *message;
  char **cite;
  int line;
} LimberRedFlag;

typedef struct {
  char *question;
  int question_index;
  GArray *points;           /* double per choice of the question, resolved */
  char **point_choices;     /* as written, parallel to point_values */
  double *point_values;
  unsigned n_points;
  int line;
} LimberScoreItem;

typedef struct {
  char *id;
  GArray *items;            /* guint indexes into the score's items */
  char **item_questions;    /* as written */
  int line;
} LimberSubscale;

typedef struct {
  char *ref;
  int subscale_index;
  gboolean has_at_least, has_at_most;
  double at_least, at_most;
  int line;
} LimberSubscaleBound;

typedef struct {
  char *id;
  gboolean has_total_at_least, has_total_at_most;
  double total_at_least, total_at_most;
  GPtrArray *bounds;        /* LimberSubscaleBound* */
  int line;
} LimberCategory;

typedef struct {
  char *id;
  char *name;
  char **cite;
  GPtrArray *items;         /* LimberScoreItem* */
  GPtrArray *subscales;     /* LimberSubscale* */
  GPtrArray *categories;    /* LimberCategory* */
  int line;
} LimberScore;

typedef struct {
  char *id;
  double share;
  char **tags;
  unsigned max_items;       /* 0: no cap */
  char *reason;             /* why an exercise of this slot is there, in plain words, or NULL */
  int line;
} LimberSlot;

typedef struct {
  gboolean present;
  GPtrArray *slots;         /* LimberSlot* */
  int line;
  /* the routine: an ordered list of exercises done every training day
   * (e.g. the source article's nine moves), or NULL */
  char **routine;
  GArray *routine_index;    /* guint exercise indexes, resolved */
  char *routine_reason;     /* the sentence its moves carry */
  char **routine_cite;
  int routine_line;
  int *slot_of;             /* per exercise: its slot, -1 for none (ruleset-compile.c) */
} LimberTemplate;

typedef enum {
  VARIANT_EASIER,
  VARIANT_SEATED,
  VARIANT_HARDER,
  VARIANT_ALTERNATIVE,      /* does the same job another way: never both in one session */
} LimberVariantKind;

typedef struct {
  LimberVariantKind kind;
  char *ref;
  int index;
  int line;
} LimberVariant;

/* What an exercise works on: a measure it stretches (static lengthening)
 * or moves through its range (active mobility), as its main purpose
 * (primary) or on the way (secondary). */
typedef struct {
  char *measure;
  int measure_index;        /* resolved, -1 until checked */
  gboolean primary;
  gboolean stretches;       /* <stretches>, else <moves> */
  int line;
} LimberExerciseTarget;

struct _LimberExercise {
  guint index;              /* its place in the catalogue */
  char *id;
  char *name;
  char *reason;             /* what it does, in plain words, or NULL */
  char **instructions;
  char **brief;             /* the short steps of a printed card, or NULL */
  char **muscles;
  char **regions;
  char **tags;
  char **equipment;
  LimberPosition position;
  LimberPosture posture;    /* the body's position, for the session's flow and no-floor */
  gboolean to_floor;        /* goes down to the floor from its posture (a lunge's back knee) */
  GArray *targets;          /* LimberExerciseTarget */
  int job;                  /* the same number for the same primary targets, -1 for none (ruleset-compile.c) */
  unsigned level;
  gboolean per_side;
  double base_weight;
  gboolean has_seconds_per_rep;
  double seconds_per_rep;
  GArray *ladder;           /* LimberDose */
  char **ladder_cite;
  unsigned fill_up_to;      /* the highest 1-based step a long day may be filled with; 0: none */
  LimberCond *contraindications; /* an COND_ANY, or NULL */
  char **contraindication_text;  /* each contraindication described, in their order, or NULL (ruleset-compile.c):
                                  * a plan names the one that excluded the exercise without formatting it */
  GPtrArray *variants;      /* LimberVariant* */
  int line;
  int ladder_line;
  struct _LimberPose *pose;      /* pose.h: the pictogram, or NULL */
};

typedef struct {
  unsigned advance_after;
  double safe_max;
  double acceptable_max;
  unsigned max_steps_per_week;
  unsigned break_days;
  unsigned break_steps_back;
  char **cite;
  int line;
} LimberProgression;

typedef struct {
  double set_rest;
  double transition;
  double rep;
} LimberTiming;

typedef struct {
  char *id;
  char *text;
  char *url;
  int line;
} LimberSource;

struct _LimberRuleset {
  gint ref_count;
  guint serial;             /* unique in the process: what a loaded profile was checked against */
  char *name;               /* file name used in messages */
  char *id, *version, *title, *description, *sha256;
  unsigned schema_version;
  char **authors;
  char *safety;             /* the advice every plan carries, or NULL */
  char **safety_cite;
  int safety_line;
  GPtrArray *sources;       /* LimberSource* */
  char *goal_text[LIMBER_N_GOALS];
  gboolean goal_declared[LIMBER_N_GOALS];
  GPtrArray *measures;      /* LimberMeasure* */
  GPtrArray *questions;     /* LimberQuestion* */
  GPtrArray *red_flags;     /* LimberRedFlag* */
  GPtrArray *scores;        /* LimberScore* */
  LimberTiming timing;
  LimberProgression progression;
  LimberTemplate templates[LIMBER_N_GOALS];
  unsigned template_minutes;  /* the day length slot caps are written for; 0: caps are absolute */
  GPtrArray *exercises;     /* LimberExercise* */
  GPtrArray *rules;         /* LimberRule* */
  GHashTable *exercise_index;  /* id -> index + 1 */
  GHashTable *question_index;
  GHashTable *measure_index;
  /* which exercises do one job (ruleset-compile.c): row i, redundant_words
   * 64-bit words, has bit j set when i and j never go in one session */
  guint64 *redundant;
  guint redundant_words;
  GHashTable *regions;      /* set of the region ids some exercise works (borrowed keys; ruleset-compile.c) */
  /* The constraints every plan checks against every exercise, as bits
   * (ruleset-compile.c): each exercise's equipment and regions over the
   * rule set's ids of each (bit k: equipment_ids[k]), whether it works on
   * the floor (contraindications: contra_first).  NULL when there are more
   * than 64 equipment or region ids: then they are checked by name. */
  guint64 *equipment_bits, *region_bits;
  guint8 *floor_work;
  GPtrArray *equipment_ids, *region_ids;  /* borrowed from the exercises */
  GArray *weight_groups;    /* LimberWeightGroup: every rule's, one rule after another, so the fired
                             * rules' groups are read in one forward sweep */
  GHashTable *index_lists;  /* a set of lists of guint32 exercise indices, each a block with its key (its
                             * hash, length and indices): the weight groups' and actions' interned lists
                             * (ruleset-compile.c, InternedList) */
  /* The lists of exercises that many weight groups and actions share (a
   * tag, a region, a measure): a fired group or action on one of them acts
   * once on the list, and each exercise takes what its lists took when the
   * rules have run (evaluate.c).  For each exercise, the shared lists it
   * is on: member_lists[member_first[i] .. member_first[i + 1]). */
  guint n_shared_lists;
  guint32 *member_first, *member_lists;
  /* Exercises on the same shared lists take the same from them: each such
   * class's lists are combined once a plan, then given to its exercises
   * (evaluate.c).  member_class[i]: exercise i's class; a class's lists are
   * those of its first exercise, class_exercise[c]. */
  guint n_member_classes;
  guint32 *member_class, *class_exercise;
  /* for each exercise, the rules whose weight reaches it, in rule order:
   * weighted[weighted_first[i] .. weighted_first[i + 1]) (ruleset-compile.c) */
  guint32 *weighted_first;
  LimberWeightRef *weighted;
  /* for each exercise, the actions other than weights that target it, in
   * rule then action order: acted[acted_first[i] .. acted_first[i + 1]) */
  guint32 *acted_first;
  LimberActedOn *acted;
  LimberRuleCode *rule_code; /* one per rule (ruleset-compile.c) */
  double *base_weights;     /* each exercise's base weight, in catalogue order (ruleset-compile.c) */
  const char **rule_ids;    /* each rule's id, in rule order (ruleset-compile.c) */
  /* The distinct conditions of the rules and contraindications
   * (structurally: limber_cond_equal): a plan evaluates each at most once,
   * however many rules and exercises share it (evaluate.c). */
  guint n_conds;
  LimberCond *cond_copies;  /* each copied side by side (shallow: children are the originals'), which a plan
                             * reads in one forward sweep rather than all over the heap */
  /* each exercise's contraindications by condition number:
   * contra_conds[contra_first[i] .. contra_first[i + 1]) */
  guint32 *contra_first, *contra_conds;
  guint64 *primary_bits;    /* per exercise: bit m % 64 for each primary target's measure m, in catalogue order */
  guint8 *levels;           /* each exercise's limber_exercise_level(), in catalogue order */
  /* What dosing reads of each exercise, in catalogue order, and every
   * ladder in one array (ruleset-compile.c): a plan doses every exercise
   * it may choose, and most have no log to read. */
  LimberDosing *dosing;
  LimberDose *ladder_steps;
  LimberStep *steps;
  GPtrArray *translations;  /* LimberTranslation*: the overlays loaded with it (i18n.c), or NULL */
};

/* Standing (0), a chair (1) or the floor (2): getting up or down between
 * these is what costs a person effort, so these are the changes a
 * session's order counts (session.c) and the audit measures (audit.c). */
static inline int
limber_exercise_level (const LimberExercise *e)
{
  return e->posture == LIMBER_POSTURE_STANDING ? 0 : e->posture == LIMBER_POSTURE_SEATED ? 1 : 2;
}

/* Whether exercises a and b do the same job (compiled rule sets only). */
static inline gboolean
limber_ruleset_redundant (const LimberRuleset *rs, guint a, guint b)
{
  return (rs->redundant[(gsize) a * rs->redundant_words + b / 64] >> (b % 64)) & 1;
}

/* ruleset.c */
LimberRuleset *limber_ruleset_alloc(const char *name);
const char *limber_goal_to_string(LimberGoal goal);
gboolean limber_goal_from_string(const char *s, LimberGoal *goal);
const char *limber_outcome_to_string(LimberOutcome outcome);
const char *limber_position_to_string(LimberPosition position);
const char *limber_posture_to_string(LimberPosture posture);
gboolean limber_posture_from_string(const char *s, LimberPosture *posture);
/* the primary target of e that names measure, or any target when any_role */
gboolean limber_exercise_targets(const LimberExercise *e, int measure, gboolean any_role);
int limber_ruleset_index_of(GHashTable *index, const char *id);
/* limber_exercise_targets (exercise i, measure, FALSE) for a compiled rule
 * set: the composer asks it of every exercise for every measure in focus,
 * and most answers are "no", which the flat bits give without reading the
 * exercise. */
static inline gboolean
limber_ruleset_targets_primary (const LimberRuleset *rs, guint i, int measure)
{
  /* exact when the rule set has at most 64 measures */
  return measure >= 0 && ((rs->primary_bits[i] >> ((guint) measure % 64)) & 1)
         && (rs->measures->len <= 64 || limber_exercise_targets (g_ptr_array_index (rs->exercises, i), measure, FALSE));
}
void limber_cond_free(LimberCond *cond);

/* ruleset-check.c: resolve ids and check the whole; adds each problem to
 * report (error-private.h) and returns FALSE when there was any */
/* i18n.c: the rule set's translations (i18n.h, docs/i18n.md) */
void limber_ruleset_foreach_text (const LimberRuleset *rs,
                                  void (*fn) (const char *key, const char *text, int line, gpointer data),
                                  gpointer data);
char *limber_translation_fingerprint (const char *english);
void limber_translation_free (LimberTranslation *t);
gboolean limber_translation_add (LimberRuleset *rs, const char *data, gsize length, const char *name, GError **error);
const LimberTranslation *limber_ruleset_translation (const LimberRuleset *rs, LimberLang lang);
gboolean limber_ruleset_translation_for (const LimberRuleset *rs, const char *language, const LimberTranslation **tr,
                                         GError **error);
gboolean limber_translations_load_beside (LimberRuleset *rs, const char *path, gboolean resource, GError **error);

typedef struct _LimberReport LimberReport;
gboolean limber_ruleset_check(LimberRuleset *rs, const char *source, gsize length, LimberReport *report);

/* ruleset-compile.c: what generation needs worked out once, after a
 * successful check */
void limber_ruleset_compile(LimberRuleset *rs);

/* Message location helper shared by the loader and the checker: the column of
 * the element named `element` on `line` of `source`, so that messages point at
 * the element's '<' even though libxml2 2.9 keeps no column for nodes. */
int limber_source_column(const char *source, gsize length, int line, const char *element);

/* flag-sign.c: a red flag by id, or NULL; and the words that name its
 * warning sign to a person (its <sign>, else its question's text, in
 * English: translate with limber_tr), or NULL for a flag on the log that
 * has no sign, which the caller then describes from its history fact */
const LimberRedFlag *limber_ruleset_find_red_flag (const LimberRuleset *rs, const char *id);
const char *limber_red_flag_sign (const LimberRuleset *rs, const LimberRedFlag *flag);

/* ruleset.c: arrays whose free functions know their element type */
GPtrArray *limber_new_cond_array (void);
GPtrArray *limber_new_action_array (void);
GPtrArray *limber_new_bound_array (void);
GPtrArray *limber_new_score_item_array (void);
GPtrArray *limber_new_subscale_array (void);
GPtrArray *limber_new_category_array (void);
GPtrArray *limber_new_slot_array (void);
GPtrArray *limber_new_variant_array (void);
