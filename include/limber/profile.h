/**
 * @file limber/profile.h
 * @brief A person: age, goal, time, constraints, screening answers, scan and history.
 *
 * A profile is built through the setters below or loaded from JSON or XML
 * (see docs/profile-format.md).  Loading checks every field against the rule
 * set the profile will be used with: an unknown question or measure id, a
 * value of the wrong type or out of range is an error naming the field and
 * what was expected; nothing is guessed and nothing is dropped.  Profiles
 * built through the setters are checked the same way by limber_profile_validate(),
 * which limber_generate() calls.
 *
 * Defaults for fields never set: age 40, goal recovery, 15 minutes a day,
 * 5 days a week, floor work allowed, equipment "chair" and "wall" (every
 * home has both), no regions avoided, no answers, no scan, no history, no name.
 *
 * Thread safety: a profile belongs to one thread while it is being
 * changed (the setters); once built or loaded, any number of threads may
 * read it or plan it at once (limber_generate() only reads its profile).
 */
#ifndef LIMBER_PROFILE_H
#define LIMBER_PROFILE_H

#include <glib.h>
#include <limber/ruleset.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief A person's profile (owned; free with limber_profile_free()). */
typedef struct _LimberProfile LimberProfile;

/**
 * @brief One logged session of one exercise.
 *
 * Strings are copied by limber_profile_add_session(); a discomfort of -1 means
 * "not reported".
 *
 * The caller allocates it; @c struct_size says which layout it has, so that
 * a later library can add fields after it and still read (and fill) an
 * older caller's struct (docs/embedding.md, "Structs the caller allocates").
 * Declare it with #LIMBER_SESSION_INIT, or zeroed, or with the fields
 * before @c struct_size in order: a @c struct_size of 0 means this layout.
 */
typedef struct {
  const char *date;            /**< The day, as YYYY-MM-DD. */
  const char *exercise;        /**< The exercise id. */
  gboolean completed;          /**< Whether the prescribed dose was done. */
  unsigned sets;               /**< Sets done. */
  unsigned reps;               /**< Repetitions per set done (0 for a duration). */
  double hold_s;               /**< Seconds each repetition was held. */
  double duration_s;           /**< Seconds of continuous work per set. */
  double discomfort;           /**< Discomfort during, 0 to 10, or -1. */
  double discomfort_next_day;  /**< Discomfort the next morning, 0 to 10, or -1. */
  unsigned struct_size;        /**< sizeof (LimberSession) as the caller compiled it, or 0 for this layout;
                                    limber_profile_get_session() sets it to the size it filled. Always after
                                    the fields above, never moved. */
} LimberSession;

/** A #LimberSession ready to be filled: zero, discomforts "not reported", its @c struct_size set. */
#define LIMBER_SESSION_INIT \
  { .discomfort = -1, .discomfort_next_day = -1, .struct_size = sizeof (LimberSession) }

/**
 * @brief A new profile with every field at its default.
 * @return a new profile (free with limber_profile_free()).
 */
LimberProfile *limber_profile_new(void);

/**
 * @brief Loads a profile from JSON and checks it against a rule set.
 * @param ruleset the rule set whose questions and measures the profile answers.
 * @param data the JSON document.
 * @param length its length in bytes, or -1 when NUL-terminated.
 * @param name what error messages call the document, or NULL for "<memory>".
 * @param error return location for a #LIMBER_ERROR_PROFILE (or _PARSE) error naming the field.
 * @return a new profile, or NULL on error.
 */
LimberProfile *limber_profile_new_from_json(const LimberRuleset *ruleset, const char *data, gssize length,
                                            const char *name, GError **error);

/**
 * @brief Loads a profile from a JSON or XML file (by its first non-blank character).
 * @param ruleset the rule set whose questions and measures the profile answers.
 * @param path the file, or "-" for standard input.
 * @param error return location for a #LIMBER_ERROR naming the file and field.
 * @return a new profile, or NULL on error.
 */
LimberProfile *limber_profile_new_from_file(const LimberRuleset *ruleset, const char *path, GError **error);

/** @brief The largest profile limber_profile_new_from_file() reads, in bytes (1 MiB). */
#define LIMBER_PROFILE_MAX_BYTES_DEFAULT 1048576

/**
 * @brief Loads a profile from a file, refusing one larger than a limit.
 *
 * The file is read in chunks and refused at the first byte past the limit,
 * so a device (/dev/zero) or a pipe that never ends costs at most the limit;
 * a regular file is refused by its size before it is read.
 * limber_profile_new_from_file() is this with #LIMBER_PROFILE_MAX_BYTES_DEFAULT.
 * @param ruleset the rule set whose questions and measures the profile answers.
 * @param path the file, or "-" for standard input.
 * @param max_bytes the largest file accepted, in bytes (at least 1).
 * @param error return location for a #LIMBER_ERROR naming the file (and the limit when it was passed).
 * @return a new profile, or NULL on error.
 */
LimberProfile *limber_profile_new_from_file_bounded(const LimberRuleset *ruleset, const char *path, gsize max_bytes,
                                                    GError **error);

/**
 * @brief Loads a profile from XML (`<profile>`, see docs/profile-format.md) and checks it.
 * @param ruleset the rule set whose questions and measures the profile answers.
 * @param data the XML document.
 * @param length its length in bytes, or -1 when NUL-terminated.
 * @param name what error messages call the document, or NULL for "<memory>".
 * @param error return location for a #LIMBER_ERROR naming the line and field.
 * @return a new profile, or NULL on error.
 */
LimberProfile *limber_profile_new_from_xml(const LimberRuleset *ruleset, const char *data, gssize length,
                                           const char *name, GError **error);

/**
 * @brief Copies a profile.
 * @param profile a profile.
 * @return a new, independent profile (free with limber_profile_free()).
 */
LimberProfile *limber_profile_copy(const LimberProfile *profile);

/**
 * @brief Frees a profile.
 * @param profile a profile, or NULL.
 */
void limber_profile_free(LimberProfile *profile);

/**
 * @brief Sets the person's name, for printed plans.
 * @param profile a profile.
 * @param name the name (copied): one line of text; NULL for none.
 */
void limber_profile_set_name(LimberProfile *profile, const char *name);

/**
 * @brief The person's name.
 * @param profile a profile.
 * @return the name (borrowed), or NULL when none was set.
 */
const char *limber_profile_get_name(const LimberProfile *profile);

/**
 * @brief Sets the age in years (0 to 120).
 * @param profile a profile.
 * @param age the age.
 */
void limber_profile_set_age(LimberProfile *profile, unsigned age);

/**
 * @brief The age in years.
 * @param profile a profile.
 * @return the age.
 */
unsigned limber_profile_get_age(const LimberProfile *profile);

/**
 * @brief Sets the goal.
 * @param profile a profile.
 * @param goal the goal.
 */
void limber_profile_set_goal(LimberProfile *profile, LimberGoal goal);

/**
 * @brief The goal.
 * @param profile a profile.
 * @return the goal.
 */
LimberGoal limber_profile_get_goal(const LimberProfile *profile);

/**
 * @brief Sets the minutes a training day may take (above 0, at most 180).
 * @param profile a profile.
 * @param minutes the daily budget.
 */
void limber_profile_set_minutes_per_day(LimberProfile *profile, double minutes);

/**
 * @brief The minutes a training day may take.
 * @param profile a profile.
 * @return the daily budget.
 */
double limber_profile_get_minutes_per_day(const LimberProfile *profile);

/**
 * @brief Sets the training days per week (1 to 7).
 * @param profile a profile.
 * @param days the number of days.
 */
void limber_profile_set_days_per_week(LimberProfile *profile, unsigned days);

/**
 * @brief The training days per week.
 * @param profile a profile.
 * @return the number of days.
 */
unsigned limber_profile_get_days_per_week(const LimberProfile *profile);

/**
 * @brief Sets whether the person cannot get down to the floor (excludes floor and kneeling work).
 * @param profile a profile.
 * @param no_floor TRUE to exclude floor and kneeling exercises.
 */
void limber_profile_set_no_floor(LimberProfile *profile, gboolean no_floor);

/**
 * @brief Whether floor and kneeling work is excluded.
 * @param profile a profile.
 * @return TRUE when excluded.
 */
gboolean limber_profile_get_no_floor(const LimberProfile *profile);

/**
 * @brief Replaces the equipment available (the default is "chair" and "wall").
 * @param profile a profile.
 * @param equipment a NULL-terminated array of equipment ids; empty for none at all.
 */
void limber_profile_set_equipment(LimberProfile *profile, const char *const *equipment);

/**
 * @brief Adds a body region to avoid (e.g. "shoulder"): exercises working it are excluded.
 * @param profile a profile.
 * @param region a region id.
 */
void limber_profile_add_avoid_region(LimberProfile *profile, const char *region);

/**
 * @brief Answers a yes-no question.
 * @param profile a profile.
 * @param question the question id.
 * @param yes the answer.
 */
void limber_profile_set_answer_bool(LimberProfile *profile, const char *question, gboolean yes);

/**
 * @brief Answers a scale question.
 * @param profile a profile.
 * @param question the question id.
 * @param value the answer, within the question's range.
 */
void limber_profile_set_answer_number(LimberProfile *profile, const char *question, double value);

/**
 * @brief Answers a choice question.
 * @param profile a profile.
 * @param question the question id.
 * @param choice one of the question's choice ids.
 */
void limber_profile_set_answer_choice(LimberProfile *profile, const char *question, const char *choice);

/**
 * @brief Records a sided scan measure.
 * @param profile a profile.
 * @param measure the measure id.
 * @param left the left side's value, in the measure's unit.
 * @param right the right side's value.
 */
void limber_profile_set_measure(LimberProfile *profile, const char *measure, double left, double right);

/**
 * @brief Records an unsided scan measure.
 * @param profile a profile.
 * @param measure the measure id.
 * @param value the value, in the measure's unit.
 */
void limber_profile_set_measure_value(LimberProfile *profile, const char *measure, double value);

/**
 * @brief Logs a session.
 * @param profile a profile.
 * @param session the session; its strings are copied.
 */
void limber_profile_add_session(LimberProfile *profile, const LimberSession *session);

/**
 * @brief Logs a dated re-scan of a sided measure (for adaptation over weeks).
 * @param profile a profile.
 * @param date the day, as YYYY-MM-DD.
 * @param measure the measure id.
 * @param left the left side's value.
 * @param right the right side's value.
 */
void limber_profile_add_rescan(LimberProfile *profile, const char *date, const char *measure, double left,
                               double right);

/**
 * @brief The number of logged sessions.
 * @param profile a profile.
 * @return the count.
 */
unsigned limber_profile_get_n_sessions(const LimberProfile *profile);

/**
 * @brief A logged session, as given.
 * @param profile a profile.
 * @param index from 0 to limber_profile_get_n_sessions() - 1.
 * @param session return location for the session; its strings are borrowed from @p profile.
 * @return TRUE when @p index is in range (else @p session is left as it was).
 */
gboolean limber_profile_get_session(const LimberProfile *profile, unsigned index, LimberSession *session);

/** @brief How a screening question was answered. */
typedef enum {
  LIMBER_ANSWER_YES_NO,  /**< Yes or no. */
  LIMBER_ANSWER_NUMBER,  /**< A number (a scale question). */
  LIMBER_ANSWER_CHOICE,  /**< One of a choice question's ids. */
} LimberAnswerType;

/**
 * @brief The number of questions answered.
 * @param profile a profile.
 * @return the count.
 */
unsigned limber_profile_get_n_answers(const LimberProfile *profile);

/**
 * @brief An answer, in the order given.
 * @param profile a profile.
 * @param index from 0 to limber_profile_get_n_answers() - 1.
 * @param type (out, optional) how it was answered.
 * @param yes (out, optional) a yes-no answer: TRUE for yes.
 * @param number (out, optional) a number answer.
 * @param choice (out, optional) a choice answer's id (borrowed); NULL for other answers.
 * @return the question's id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_profile_get_answer(const LimberProfile *profile, unsigned index, LimberAnswerType *type,
                                      gboolean *yes, double *number, const char **choice);

/**
 * @brief The number of measures in the scan.
 * @param profile a profile.
 * @return the count.
 */
unsigned limber_profile_get_n_measures(const LimberProfile *profile);

/**
 * @brief A measure of the scan, in the order given.
 * @param profile a profile.
 * @param index from 0 to limber_profile_get_n_measures() - 1.
 * @param sided (out, optional) TRUE when it was given left and right.
 * @param left (out, optional) the left side (an unsided measure: its value).
 * @param right (out, optional) the right side (an unsided measure: its value).
 * @return the measure's id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_profile_get_measure(const LimberProfile *profile, unsigned index, gboolean *sided, double *left,
                                       double *right);

/**
 * @brief The equipment at hand.
 * @param profile a profile.
 * @return the number of equipment ids.
 */
unsigned limber_profile_get_n_equipment(const LimberProfile *profile);

/**
 * @brief An equipment id.
 * @param profile a profile.
 * @param index from 0 to limber_profile_get_n_equipment() - 1.
 * @return the id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_profile_get_equipment(const LimberProfile *profile, unsigned index);

/**
 * @brief The body regions to spare.
 * @param profile a profile.
 * @return the number of region ids.
 */
unsigned limber_profile_get_n_avoid_regions(const LimberProfile *profile);

/**
 * @brief A region to spare.
 * @param profile a profile.
 * @param index from 0 to limber_profile_get_n_avoid_regions() - 1.
 * @return the id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_profile_get_avoid_region(const LimberProfile *profile, unsigned index);

/**
 * @brief Checks every field against a rule set.
 * @param profile a profile.
 * @param ruleset the rule set it will be used with.
 * @param error return location for a #LIMBER_ERROR_PROFILE error naming the field and what was expected.
 * @return TRUE when the profile is valid.
 */
gboolean limber_profile_validate(const LimberProfile *profile, const LimberRuleset *ruleset, GError **error);

/**
 * @brief The profile as JSON, in the shape limber_profile_new_from_json() reads.
 * @param profile a profile.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated string (free with g_free()).
 */
char *limber_profile_to_json(const LimberProfile *profile, gboolean pretty);

#pragma GCC visibility pop
G_END_DECLS

#endif
