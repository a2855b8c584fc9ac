/*
 * The in-memory form of a rule test case and of its result.
 *
 * testcase-load.c fills LimberTestCase from the XML, testcase-run.c judges
 * each expectation against a plan and a trace and fills LimberTestResult,
 * testcase-report.c writes results as TAP and JUnit.
 */
#pragma once

#include "limber/testcase.h"
#include "ruleset-private.h"

/* Where a plan starts when a case does not say: a fixed Monday, so that a
 * case gives the same plan whatever day it is run on. */
#define LIMBER_TESTCASE_DEFAULT_START "2026-01-05"

typedef enum {
  EXPECT_STATUS,
  EXPECT_OUTCOME,
  EXPECT_REFERRAL,
  EXPECT_FLAG,
  EXPECT_SCORE,
  EXPECT_FIRED,
  EXPECT_NOT_FIRED,
  EXPECT_INCLUDED,
  EXPECT_EXCLUDED,
  EXPECT_ALLOWED,
  EXPECT_WEIGHT,
  EXPECT_DOSE,
  EXPECT_EMPHASIS,
  EXPECT_WHY,
  EXPECT_ADVISORY,
  EXPECT_NO_ADVISORY,
  EXPECT_MINUTES,
  EXPECT_WITHIN_BUDGET,
  EXPECT_TRAINING_DAYS,
  EXPECT_SCREENING,
} LimberExpectKind;

typedef enum {
  DOSE_STEP,
  DOSE_PREVIOUS_STEP,
  DOSE_SETS,
  DOSE_REPS,
  DOSE_HOLD,
  DOSE_DURATION,
  DOSE_EXTRA_SETS,
  DOSE_SECONDS,
} LimberDoseField;

typedef struct {
  LimberExpectKind kind;
  int line;
  char *element;            /* as written, for messages: <excluded exercise="x" by="y"> */
  char *id;                 /* the rule, flag, score or exercise; a group's tag, region or position */
  LimberTargetKind target;  /* included, excluded, allowed; TARGET_EXERCISE otherwise */
  char *value;              /* status, outcome, by, category, side, why's rule */
  char *text;               /* contains= */
  gboolean yes;             /* triggered, on every training day, complete */
  gboolean has_yes;
  gboolean has_is, has_at_least, has_at_most;
  double is, at_least, at_most;
  gboolean has_number;      /* score total, emphasis extra-sets */
  double number;
  LimberDoseField field;
} LimberExpect;

typedef enum {
  PROFILE_JSON,
  PROFILE_XML,
  PROFILE_FILE,
} LimberProfileSource;

struct _LimberTestCase {
  char *name;
  char *file;
  char *description;
  char *start;              /* YYYY-MM-DD */
  guint64 seed;
  unsigned days;
  LimberProfileSource profile_source;
  char *profile;            /* JSON or XML text, padded so that its lines are the case file's; or the file path */
  GPtrArray *expects;       /* LimberExpect* */
};

struct _LimberTestFailure {
  int line;
  char *check;
  char *message;
  char *expected;
  char *actual;
  GPtrArray *trace;         /* char* */
};

struct _LimberTestResult {
  char *name;
  char *file;
  gboolean errored;
  unsigned n_checks;
  GPtrArray *failures;      /* LimberTestFailure* */
  LimberPlan *plan;         /* NULL when errored */
};

/* testcase-run.c: a result with no failures yet */
LimberTestResult *limber_test_result_alloc (const char *name, const char *file);
/* Appends a failure; takes trace (may be NULL). */
LimberTestFailure *limber_test_result_add_failure (LimberTestResult *result, int line, const char *check,
                                                   const char *expected, const char *actual, GPtrArray *trace);
