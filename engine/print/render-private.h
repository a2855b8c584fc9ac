/*
 * What a printed plan says, decided once for every printed format.
 *
 * render-model.c turns a plan into a LimberPrint: every string a handout
 * shows (dates in words, doses in words, the week as a table, what changed,
 * the warning signs, the referral), in the order it is shown.
 * render-pdf.c lays it out on pages and render-html.c writes it as HTML, so
 * the PDF and the HTML cannot disagree about what the week holds.  Nothing
 * here depends on the locale: day and month names are English, numbers use
 * limber_number_format().
 */
#pragma once

#include "plan-private.h"
#include "pose.h"
#include "ruleset-private.h"
#include "limber/render.h"

/* One exercise of one day, as the day lists it. */
typedef struct {
  unsigned number;          /* its place in the day, from 1 */
  const char *name;         /* the exercise's (borrowed) */
  char *dose;               /* in words */
  unsigned guide;           /* index into LimberPrint.guide */
} LimberPrintEntry;

typedef struct {
  char *weekday;            /* "Mon" */
  char *day_month;          /* "23 Nov" */
  char *long_date;          /* "Mon 23 Nov 2026" */
  gboolean rest;
  char *minutes;            /* "15 min"; NULL on a rest day */
  GPtrArray *entries;       /* LimberPrintEntry*, in order */
} LimberPrintDay;

/* A row of the week at a glance: one exercise at one dose, and on which
 * days it comes where. */
typedef struct {
  const char *name;         /* borrowed */
  char *dose;
  char *slot_label;         /* on the first row of a slot, its name ("Warm-up"), else NULL */
  unsigned guide;
  GPtrArray *cells;         /* char* per day of the week: "3", "3, 12", or NULL */
} LimberPrintRow;

/* Seven days (fewer at the end of a plan) and their table. */
typedef struct {
  char *title;              /* "Week 2: Mon 30 Nov – Sun 6 Dec"; NULL when the plan is one week */
  unsigned first_day, n_days;
  GPtrArray *rows;          /* LimberPrintRow* */
} LimberPrintWeek;

/* An exercise of the plan, once, for the guide. */
typedef struct {
  const LimberExercise *exercise;
  const char *name;         /* borrowed */
  char *how;                /* where it is done: "On the floor", "On hands and knees" */
  const char *const *steps; /* the catalogue's instructions in the plan's language (the array owned, its
                             * strings borrowed) */
  const char *const *brief; /* the same in two or three short steps, likewise, or NULL when the rule set
                             * has none: what a PDF prints when the full steps would not fit its pages */
  const char *why;          /* why it is in the plan, in plain words (borrowed from the item), or NULL;
                             * for an item with a side emphasis, the reason for it */
  gboolean why_general;     /* why says what the exercise, its routine or its part of the session does
                             * (their reasons), not what of this person's a rule answers */
  const LimberPose *pose;   /* borrowed, or NULL: printed without a picture */
  char *dose;               /* how much, with the side emphasis in words ("2 × 30 s holds each side, one
                             * extra set on the left"); when the week has several doses, each with its days */
} LimberPrintGuide;

/* A line of the log sheet: one exercise on one training day, as the
 * profile's "history" records it (docs/profile-format.md), so that a
 * filled-in sheet can be typed back. */
typedef struct {
  char *date;               /* YYYY-MM-DD */
  char *day;                /* "Mon 23 Nov" */
  const char *exercise;     /* the exercise's id (borrowed) */
  const char *name;         /* borrowed */
  LimberDose dose;          /* as planned */
  char *planned;            /* the planned dose in words, without the emphasis */
  gboolean first_of_day;
} LimberPrintLogLine;

/* A measure of the re-scan sheet. */
typedef struct {
  const char *id;           /* borrowed */
  char *name;               /* "Hamstrings (back of the thigh)" */
  const char *how;          /* how to measure it: the rule set's label (borrowed) */
  char *unit;               /* "degrees" */
  gboolean sided;
  double min, max;          /* the range the profile reader accepts */
  char *last;               /* the last scan's values in words, or NULL when the plan did not see them */
  const char *note;         /* who should take it when the person cannot do its test alone, or NULL */
} LimberPrintMeasure;

typedef struct {
  char *what;               /* "Pelvic Tilts: up from step 1 to step 2, now 5 reps, 5 s holds" */
  char *why;                /* the progression rule's reason, or NULL */
} LimberPrintChange;

typedef struct {
  gboolean referral;
  LimberLang lang;          /* the plan's language: every heading and word below is in it (i18n.h) */
  char *title;              /* "Your stretching week", or the referral's headline */
  char *name;               /* "For Sam", or NULL */
  char *dates;              /* "Mon 23 Nov – Sun 29 Nov 2026" */
  char *goal;               /* "Recovery" */
  char *goal_text;          /* the rule set's description of the goal, or NULL */
  char *schedule;           /* "15 min a day, 5 days a week" */
  char *ruleset;            /* "default 1.0.0" */
  char *footer;             /* what every page ends with */
  char *start;              /* the first day, YYYY-MM-DD: the PDF is dated by it */
  char *how_to;             /* how to use the sheet */
  char *banner;             /* a warning above everything (incomplete screening), or NULL */

  GPtrArray *days;          /* LimberPrintDay* */
  GPtrArray *weeks;         /* LimberPrintWeek* */
  GPtrArray *guide;         /* LimberPrintGuide* */
  GPtrArray *changes;       /* LimberPrintChange* */
  GPtrArray *notes;         /* char*: the advisories, but the safety text */
  char *safety;             /* the rule set's <safety>, or NULL */
  GPtrArray *warning_signs; /* char*: the questions of the emergency red flags */
  GPtrArray *log;           /* LimberPrintLogLine*, by day then in the day's order */
  GPtrArray *measures;      /* LimberPrintMeasure*: the re-scan sheet */

  /* a referral */
  char *outcome;            /* "Emergency" / "See a clinician" */
  char *outcome_text;       /* one sentence on what it means */
  GPtrArray *reasons;       /* char*: the triggered flags, as the questions and answers */
  char *message;            /* what to do now, or NULL */
} LimberPrint;

/* Headings every format shares. */
#define LIMBER_PRINT_WEEK_HEADING "The week at a glance"
#define LIMBER_PRINT_CHANGES_HEADING "What changed since last week"
#define LIMBER_PRINT_NOTES_HEADING "Please note"
#define LIMBER_PRINT_SAFETY_HEADING "Stay safe"
#define LIMBER_PRINT_SIGNS_HEADING "Stop and get urgent help if any of these happens"
#define LIMBER_PRINT_LOG_HEADING "Your log"
#define LIMBER_PRINT_LOG_INTRO "Fill in a line for each exercise after each session: it is what next week's plan is made from."
#define LIMBER_PRINT_GUIDE_HEADING "How to do each exercise"
#define LIMBER_PRINT_WHY_HEADING "Why"
#define LIMBER_PRINT_NOW_HEADING "What to do now"
#define LIMBER_PRINT_EXERCISE "Exercise"
#define LIMBER_PRINT_DOSE "How much"
#define LIMBER_PRINT_REST "Rest"

/* The log sheet's columns, one a field of a history entry: the date, the
 * exercise, done (completed), sets × reps or hold (sets, reps, hold_s or
 * duration_s), discomfort during (discomfort) and the next morning
 * (discomfort_next_day). */
#define LIMBER_PRINT_LOG_COLUMNS 6
extern const char *const limber_print_log_columns[LIMBER_PRINT_LOG_COLUMNS];
extern const char *const limber_print_log_hints[LIMBER_PRINT_LOG_COLUMNS];
/* A column's hint in the language, a range kept whole ("0–10" never breaks
 * after its dash: a word joiner, which prints as nothing, follows it);
 * "" for a column without one. Free with g_free(). */
char *limber_print_log_hint (LimberLang lang, unsigned column);
#define LIMBER_PRINT_RESCAN_HEADING "Re-scan: measure again"
#define LIMBER_PRINT_RESCAN_INTRO "Every two to four weeks, measure each movement as you did the first time, on " \
  "both sides, and write the date and the numbers. The next plan reads them."
#define LIMBER_PRINT_LOG_HOW "Tick Done when you did the exercise as written. If you did more or less, " \
  "cross out the amount and write what you did. Discomfort: 0 is none, 10 the worst imaginable; " \
  "write it for during the exercise, and again the next morning."
/* The box to tick in the log's first column. */
#define LIMBER_PRINT_BOX "\xe2\x98\x90"

/* render-model.c */
LimberPrint *limber_print_new (const LimberPlan *plan);
void limber_print_free (LimberPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPrint, limber_print_free)

/* The formats: each returns the document, NUL-terminated, its length
 * without the NUL in *length. */
unsigned char *limber_render_pdf (const LimberPrint *print, LimberPaper paper, gsize *length, GError **error);
unsigned char *limber_render_html (const LimberPrint *print, LimberPaper paper, gsize *length);
