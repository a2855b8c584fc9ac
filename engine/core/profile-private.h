/*
 * The in-memory profile.  Answers and measures are kept by id, as the person
 * gave them; limber_profile_validate() checks them against a rule set, and
 * facts.c resolves them to the rule set's indexes for one generation.
 */
#pragma once

#include "limber/profile.h"

typedef enum {
  ANSWER_BOOL,
  ANSWER_NUMBER,
  ANSWER_CHOICE,
} LimberAnswerKind;

typedef struct {
  char *question;
  LimberAnswerKind kind;
  gboolean yes;
  double number;
  char *choice;
  /* Resolved by limber_profile_mark_checked() and valid only while the
   * profile's checked_for is the rule set's serial (see resolved_for()
   * in facts.c): planning then reads indices, not ids. */
  int question_index;  /* into the rule set's questions */
  int choice_index;    /* into the question's choices, -1 if none */
} LimberAnswer;

typedef struct {
  char *measure;
  gboolean sided;
  double left, right;  /* unsided: both hold the value */
  int measure_index;   /* resolved at mark_checked, as LimberAnswer's */
} LimberScan;

typedef struct {
  char *date;          /* YYYY-MM-DD */
  char *exercise;
  gboolean completed;
  unsigned sets, reps;
  double hold_s, duration_s;
  double discomfort, discomfort_next_day; /* -1: not reported */
  int exercise_index;  /* resolved at mark_checked, as LimberAnswer's */
  guint32 day;         /* the date's Julian day, 0 if not a date */
} LimberLogged;

typedef struct {
  char *date;
  char *measure;
  double left, right;
  int measure_index;   /* resolved at mark_checked, as LimberAnswer's */
  guint32 day;         /* the date's Julian day, 0 if not a date */
} LimberRescan;

struct _LimberProfile {
  unsigned age;
  LimberGoal goal;
  double minutes_per_day;
  unsigned days_per_week;
  gboolean no_floor;
  GPtrArray *equipment;      /* char* */
  GPtrArray *avoid_regions;  /* char* */
  GPtrArray *answers;        /* LimberAnswer*, one per question, in the order given */
  GPtrArray *scans;          /* LimberScan*, one per measure */
  GPtrArray *sessions;       /* LimberLogged*, in the order given */
  GPtrArray *rescans;        /* LimberRescan* */
  char *name;                /* the person's name, or NULL */
  /* The serial of the rule set a loader checked this profile against, 0 if
   * none or if a setter changed it since: limber_profile_validate() (and so
   * every plan) then skips checking it again.  Only loaders set it and
   * every setter clears it, so generating, which only reads profiles, stays
   * free of writes and safe from several threads. */
  guint checked_for;
};

/* A new answer to question at the end of the answers, without looking for
 * an earlier one (a loader that knows there is none); kind and value are
 * the caller's to set. */
LimberAnswer *limber_profile_answer_append (LimberProfile *profile, const char *question);

/* Marks profile as checked against ruleset (loaders, after a clean check). */
void limber_profile_mark_checked (LimberProfile *profile, const LimberRuleset *ruleset);

#define LIMBER_PROFILE_DEFAULT_AGE 40
#define LIMBER_PROFILE_DEFAULT_MINUTES 15.0
#define LIMBER_PROFILE_DEFAULT_DAYS 5

const LimberAnswer *limber_profile_find_answer (const LimberProfile *profile, const char *question);
const LimberScan *limber_profile_find_scan (const LimberProfile *profile, const char *measure);

/* ---- checking: profile.c is the one place that decides what is valid ----
 *
 * limber_profile_validate() and both loaders share these, so that a range,
 * an id or a message is written once.  A problem keeps its field path
 * ("history[2].date", "answers.leg-pain") apart from its message ("what is
 * wrong; expected what") so that a loader can put the line and column of the
 * field in front of it. */

typedef struct {
  const char *code;  /* a LIMBER_PROBLEM_* (limber/error.h) */
  char *field;
  gboolean at_key;   /* the member's name is wrong (an unknown id), not its value */
  char *message;
  int line, column;  /* set by a loader that knows them; 0: look the field up */
} LimberProfileProblem;

/* Where a field is in a document: its member name, and its value (for an
 * array element or an XML element, both are the same place). */
typedef struct {
  int key_line, key_column;
  int line, column;
} LimberProfilePos;

/* A GPtrArray of LimberProfileProblem that frees them. */
GPtrArray *limber_profile_problems_new (void);
/* Appends a problem of kind code (a LIMBER_PROBLEM_*); returns it
 * (borrowed) so the caller can set its place. */
LimberProfileProblem *limber_profile_problem_add (GPtrArray *problems, const char *code, const char *field,
                                                  gboolean at_key, const char *format, ...) G_GNUC_PRINTF (5, 6);
/* Every check of limber_profile_validate(); FALSE when it appended any problem. */
gboolean limber_profile_check (const LimberProfile *profile, const LimberRuleset *ruleset, GPtrArray *problems);
/* The range of a numeric field, by its last member name ("age",
 * "history[0].sets"): loaders call it for values the setters' unsigned types
 * cannot hold (a negative age), validation for the rest. */
gboolean limber_profile_check_number (const char *field, double value, GPtrArray *problems);
/* The range the checks hold a number member to ("age", "sets"...), for the
 * profile's JSON Schema (profile-schema.c), which says the same */
gboolean limber_profile_number_range (const char *member, double *min, double *max, gboolean *above_min,
                                      gboolean *whole);
/* A goal by name, for loaders: a name that is no goal at all cannot be stored. */
gboolean limber_profile_check_goal_name (const LimberRuleset *ruleset, const char *name, LimberGoal *goal,
                                         GPtrArray *problems);
/* One LIMBER_ERROR_PROFILE error, one line per problem in document order:
 * "NAME:LINE:COL: FIELD: message" where positions (path -> LimberProfilePos,
 * or NULL) place the field, "NAME: FIELD: message" where not, and
 * "FIELD: message" when name is NULL. */
void limber_profile_problems_to_error (GPtrArray *problems, const char *name, GHashTable *positions,
                                       GError **error);
/* A user's text for a message: quoted, escaped, shortened when long. */
char *limber_profile_quote (const char *text);
/* A number for a message or a document: the shortest text that reads back
 * as the same double. */
char *limber_profile_number_text (double value);

/* A JSON profile a program wrote, read in one pass (profile-json-fast.c),
 * or NULL, having reported nothing, for anything the full reader would have
 * to explain: it then reads the document again and says what is wrong. */
LimberProfile *limber_profile_read_json_fast (const LimberRuleset *ruleset, const char *data, gsize size);
/* The full reader alone (profile-json.c): what limber_profile_new_from_json()
 * falls back to, and what tests hold the fast path to. */
LimberProfile *limber_profile_read_json_full (const LimberRuleset *ruleset, const char *data, gsize size,
                                              const char *name, GError **error);

/* A strict YYYY-MM-DD parser shared by profiles, options and the CLI: a
 * real calendar date or FALSE.  date may be NULL to only check. */
gboolean limber_parse_date (const char *text, GDate *date);
/* The Julian day of a YYYY-MM-DD date, or 0 when it is not one. */
guint32 limber_parse_julian (const char *text);
