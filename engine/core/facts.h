/*
 * What a profile implies under a rule set, computed once per generation:
 * answers resolved to question indexes, triggered red flags, deficits and
 * asymmetries per measure, score totals and categories, history facts.
 * Conditions are evaluated against this and never against the raw profile.
 */
#pragma once

#include "arena.h"
#include "profile-private.h"
#include "ruleset-private.h"
#include "limber/plan.h"

typedef struct {
  gboolean present;
  double value;            /* yes-no: 1/0; scale: the number; choice: its index */
} LimberAnswerFact;

typedef struct {
  guint32 day;             /* julian day; 0 for the profile's undated scan */
  double left, right;
} LimberSnapshot;

typedef struct {
  gboolean present;
  LimberSnapshot *series;  /* oldest first; the last is current (in the facts' arena) */
  guint n_series;
  double left, right;      /* the current values; unsided: both the value */
  double deficit_left, deficit_right; /* normal - value, floored at 0 */
  double asymmetry;        /* |left - right| (sided only) */
  gboolean asymmetric;     /* asymmetry >= the measure's threshold */
  LimberSide tighter;      /* the side with less range, NONE when equal or unsided */
} LimberMeasureFact;

typedef struct {
  gboolean complete;       /* every item answered */
  unsigned answered;
  double total;
  double *subscales;       /* one per subscale of the score */
  int category;            /* index into the score's categories, -1 when incomplete */
} LimberScoreFact;

typedef struct {
  unsigned sessions_completed;
  int days_since_last;     /* -1: no history */
  unsigned weeks_active;
  double recent_max_discomfort; /* -1: none reported in the last 7 days */
  /* days from the first to the last logged day of the latest unbroken run of
   * days whose discomfort (during or next morning) was above the acceptable
   * zone; 0 when the latest logged day settled; -1: no history */
  int unsettled_days;
  /* the active weeks when re-scans cover the last six weeks and no measure
   * improved by a degree (or unit) over them; 0 when one did, or no re-scan
   * shows it */
  unsigned weeks_without_improvement;
} LimberHistoryFacts;

typedef struct {
  LimberArena arena;            /* every array below: one lifetime, a few blocks */
  const LimberRuleset *rs;
  const LimberProfile *profile;
  GDate start;
  LimberAnswerFact *answers;    /* per question */
  gboolean *flags;              /* per red flag: triggered */
  LimberOutcome worst;          /* most severe triggered outcome */
  LimberMeasureFact *measures;  /* per measure */
  LimberScoreFact *scores;      /* per score */
  LimberHistoryFacts history;
  guint32 *session_day;         /* per logged session: its julian day, 0 when not a date */
  int *session_exercise;        /* per logged session: its exercise's catalogue index, -1 when unknown */
  const GPtrArray *equipment;   /* the profile's equipment ids (borrowed; limber_facts_has()) */
  const GPtrArray *avoid;       /* the profile's avoided regions (borrowed) */
} LimberFacts;

/* The profile must have passed limber_profile_validate() against rs. */
LimberFacts *limber_facts_new (const LimberRuleset *rs, const LimberProfile *profile, const GDate *start);
void limber_facts_free (LimberFacts *facts);

/* The change of a measure from the newest snapshot at least over_days older
 * than the current one to the current one: the mean change of the sides, or
 * of the left/right difference.  FALSE when there is no such snapshot. */
gboolean limber_facts_trend (const LimberFacts *facts, guint measure, unsigned over_days, gboolean asymmetry,
                             double *change);

/* A history fact's value; FALSE when the history does not have it (no
 * session logged for the last session, recent or unsettled discomfort). */
gboolean limber_history_fact_value (const LimberHistoryFacts *h, LimberHistoryFact fact, double *value);

/* condition.c */
gboolean limber_cond_eval (const LimberCond *cond, const LimberFacts *facts);

/* Whether list (the profile's equipment or avoided regions) holds id.  The
 * lists are short (a profile holds at most 100 of each, and usually a
 * handful): a scan costs less than hashing every id. */
gboolean limber_facts_has (const GPtrArray *list, const char *id);
