/**
 * @file limber/ruleset.h
 * @brief Loading a rule set and reading what it holds.
 *
 * A rule set is one XML document (schema: `rules/limber-ruleset.xsd`, guide:
 * `docs/rules-format.md`) holding the measures, screening questions, red
 * flags, scores, exercise catalogue, rules, session templates and progression
 * policy that drive generation.  Loading validates it against the schema and
 * then checks it as a whole; a loaded #LimberRuleset is immutable and may be
 * shared by any number of threads.
 *
 * Objects returned by the `limber_ruleset_get_*()` and `lookup` functions
 * (#LimberExercise, #LimberQuestion, #LimberMeasure) are borrowed: they stay
 * valid while the rule set holds a reference and are never freed by the
 * caller.
 *
 * Thread safety: a loaded rule set is immutable and reference counted
 * with atomic operations: share it between any number of threads, and
 * generate from it on all of them at once; the records it lends
 * (exercises, questions, measures) are read-only too.
 */
#ifndef LIMBER_RULESET_H
#define LIMBER_RULESET_H

#include <glib.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief A loaded, validated, immutable rule set (reference counted). */
typedef struct _LimberRuleset LimberRuleset;
/** @brief An exercise of a rule set's catalogue (borrowed from its rule set). */
typedef struct _LimberExercise LimberExercise;
/** @brief A screening question (borrowed from its rule set). */
typedef struct _LimberQuestion LimberQuestion;
/** @brief A scan measurement a profile may report (borrowed from its rule set). */
typedef struct _LimberMeasure LimberMeasure;

/** @brief What a person wants from the program. */
typedef enum {
  LIMBER_GOAL_RECOVERY,     /**< Ease pain and stiffness. */
  LIMBER_GOAL_FLEXIBILITY,  /**< Gain range of motion. */
  LIMBER_GOAL_PERFORMANCE,  /**< Move well for sport or work. */
} LimberGoal;

/** @brief How a screening question is answered. */
typedef enum {
  LIMBER_QUESTION_YES_NO,  /**< true or false. */
  LIMBER_QUESTION_SCALE,   /**< A number between the question's min and max. */
  LIMBER_QUESTION_CHOICE,  /**< One of the question's choice ids. */
} LimberQuestionKind;

/** @brief What a triggered red flag does to a plan, from least to most severe. */
typedef enum {
  LIMBER_OUTCOME_NONE,           /**< No red flag. */
  LIMBER_OUTCOME_CAUTION,        /**< The plan continues, restricted, with an advisory. */
  LIMBER_OUTCOME_SEE_CLINICIAN,  /**< No exercises: book an assessment. */
  LIMBER_OUTCOME_EMERGENCY,      /**< No exercises: seek urgent care now. */
} LimberOutcome;

/** @brief The body position an exercise is done in. */
typedef enum {
  LIMBER_POSITION_STANDING,
  LIMBER_POSITION_SEATED,
  LIMBER_POSITION_KNEELING,
  LIMBER_POSITION_FLOOR,
  LIMBER_POSITION_WALL,
} LimberPosition;

/**
 * @brief Where the body is during an exercise, finer than LimberPosition.
 *
 * Sessions flow through postures in this order (standing, then a chair, then
 * the floor), so a person gets up and down as little as possible; every
 * posture from @c LIMBER_POSTURE_SUPINE on is down on the floor.
 */
typedef enum {
  LIMBER_POSTURE_STANDING,    /**< On the feet, free or at a wall. */
  LIMBER_POSTURE_SEATED,      /**< On a chair. */
  LIMBER_POSTURE_SUPINE,      /**< Lying on the back. */
  LIMBER_POSTURE_SIDE_LYING,  /**< Lying on one side. */
  LIMBER_POSTURE_QUADRUPED,   /**< On hands and knees. */
  LIMBER_POSTURE_KNEELING,    /**< Kneeling, or sitting back on the heels. */
  LIMBER_POSTURE_PRONE,       /**< Lying face down. */
} LimberPosture;

/**
 * @brief One step of an exercise's dose ladder, or a prescribed dose.
 *
 * A step is either sets of repetitions (each held @c hold_s seconds when
 * @c hold_s is above zero) or sets of one continuous @c duration_s.
 *
 * The caller allocates it; @c struct_size says which layout it has, so that
 * a later library can add fields after it without writing past an older
 * caller's struct (docs/embedding.md, "Structs the caller allocates").
 * Declare it with #LIMBER_DOSE_INIT, or zeroed: a @c struct_size of 0 means
 * this layout.
 */
typedef struct {
  unsigned sets;        /**< Sets (at least 1). */
  unsigned reps;        /**< Repetitions per set; 0 when the step is a duration. */
  double hold_s;        /**< Seconds each repetition is held; 0 for none. */
  double duration_s;    /**< Seconds of continuous work per set; 0 when the step is repetitions. */
  unsigned struct_size; /**< sizeof (LimberDose) as the caller compiled it, or 0 for this layout; a function
                             that fills a dose sets it to the size it filled. Always after the fields above,
                             never moved. */
} LimberDose;

/** A #LimberDose ready to be filled: zero, with its @c struct_size set. */
#define LIMBER_DOSE_INIT { .struct_size = sizeof (LimberDose) }

/**
 * @brief Loads and validates a rule set from a file.
 * @param path the XML file, or its compiled form (limber_ruleset_write_compiled()).
 * @param error return location for a #LIMBER_ERROR naming the file, line and column.
 * @return a new rule set (release with limber_ruleset_unref()), or NULL on error.
 */
LimberRuleset *limber_ruleset_new_from_file(const char *path, GError **error);

/**
 * @brief Loads and validates a rule set from memory.
 * @param data the XML document, or a compiled rule set (limber_ruleset_write_compiled()).
 * @param length its length in bytes, or -1 when @p data is NUL-terminated.
 * @param name what error messages call the document (a file name), or NULL for "<memory>".
 * @param error return location for a #LIMBER_ERROR.
 * @return a new rule set (release with limber_ruleset_unref()), or NULL on error.
 */
LimberRuleset *limber_ruleset_new_from_data(const char *data, gssize length, const char *name,
                                            GError **error);

/**
 * @brief Writes the rule set in compiled form, which loads without XML.
 *
 * limber_ruleset_new_from_file() and limber_ruleset_new_from_data() read what this writes as they read XML, several
 * times faster for a large rule set (docs/performance.md), and the plans made from it are byte-identical to those
 * made from the XML. It keeps the XML's file name, line numbers and SHA-256, so messages and plans still name the
 * source; it is checked again when read, and is tied to this version of limber: another version refuses it and
 * says to compile it again (`limber compile`). Translations are not part of it: FILE.limberc takes FILE.de.xml and
 * FILE.es.xml beside it, as FILE.xml does (docs/i18n.md).
 * @param ruleset a rule set.
 * @param path the file to write; replaced whole, never left half-written.
 * @param error return location for a #LIMBER_ERROR naming the file.
 * @return TRUE when the file was written.
 */
gboolean limber_ruleset_write_compiled(const LimberRuleset *ruleset, const char *path, GError **error);

/**
 * @brief Loads the default rule set compiled into the library (`rules/default.xml`).
 * @param error return location for a #LIMBER_ERROR (only if the build is broken).
 * @return a new reference to the default rule set (release with limber_ruleset_unref()).
 */
LimberRuleset *limber_ruleset_new_default(GError **error);

/**
 * @brief The languages a plan from this rule set can be written in.
 *
 * English first (the rule set itself), then each language it has a translation for and limber speaks: the
 * built-in rule set carries German and Spanish; a rule set loaded from FILE.xml takes FILE.de.xml and
 * FILE.es.xml beside it (docs/i18n.md).
 * @param ruleset a rule set.
 * @return a NULL-terminated array of language codes (free with g_strfreev()).
 */
char **limber_ruleset_get_languages(const LimberRuleset *ruleset);

/**
 * @brief Adds a translation of the rule set into a language, from memory.
 *
 * The same as a translation file beside the rule set (docs/i18n.md): checked against the rule set (every key one
 * of its texts, every reason with the English's placeholders), missing and stale texts falling back to English.
 * Not thread-safe: add translations before the rule set is shared between threads. The built-in rule set already
 * has its languages, so adding one to it is refused.
 * @param ruleset a rule set.
 * @param data the translation's XML (rules/limber-translation.xsd).
 * @param length its length in bytes, or -1 when NUL-terminated.
 * @param name a name for messages (a file name), or NULL.
 * @param error return location for a #LIMBER_ERROR naming the file and line of what is wrong.
 * @return TRUE when the translation was added.
 */
gboolean limber_ruleset_add_translation(LimberRuleset *ruleset, const char *data, gssize length, const char *name,
                                        GError **error);

/**
 * @brief Takes a reference.
 * @param ruleset a rule set.
 * @return @p ruleset.
 */
LimberRuleset *limber_ruleset_ref(LimberRuleset *ruleset);

/**
 * @brief Drops a reference; the last one frees the rule set and every object borrowed from it.
 * @param ruleset a rule set, or NULL.
 */
void limber_ruleset_unref(LimberRuleset *ruleset);

/**
 * @brief The rule set's id.
 * @param ruleset a rule set.
 * @return the id (borrowed).
 */
const char *limber_ruleset_get_id(const LimberRuleset *ruleset);

/**
 * @brief The rule set's own version, as its authors number it.
 * @param ruleset a rule set.
 * @return the version (borrowed).
 */
const char *limber_ruleset_get_version(const LimberRuleset *ruleset);

/**
 * @brief The rule set's title.
 * @param ruleset a rule set.
 * @return the title (borrowed).
 */
const char *limber_ruleset_get_title(const LimberRuleset *ruleset);

/**
 * @brief The SHA-256 of the document's bytes, in lowercase hex.
 *
 * Plans carry it so that a plan can be traced to the exact rules it came from.
 *
 * @param ruleset a rule set.
 * @return 64 hex digits (borrowed).
 */
const char *limber_ruleset_get_sha256(const LimberRuleset *ruleset);

/**
 * @brief The number of rules.
 * @param ruleset a rule set.
 * @return the count.
 */
unsigned limber_ruleset_get_n_rules(const LimberRuleset *ruleset);

/**
 * @brief The number of exercises in the catalogue.
 * @param ruleset a rule set.
 * @return the count.
 */
unsigned limber_ruleset_get_n_exercises(const LimberRuleset *ruleset);

/**
 * @brief An exercise by position, in document order.
 * @param ruleset a rule set.
 * @param index from 0 to limber_ruleset_get_n_exercises() - 1.
 * @return the exercise (borrowed), or NULL when @p index is out of range.
 */
const LimberExercise *limber_ruleset_get_exercise(const LimberRuleset *ruleset, unsigned index);

/**
 * @brief An exercise by id.
 * @param ruleset a rule set.
 * @param id an exercise id.
 * @return the exercise (borrowed), or NULL when there is none.
 */
const LimberExercise *limber_ruleset_lookup_exercise(const LimberRuleset *ruleset, const char *id);

/**
 * @brief The number of screening questions.
 * @param ruleset a rule set.
 * @return the count.
 */
unsigned limber_ruleset_get_n_questions(const LimberRuleset *ruleset);

/**
 * @brief A question by position, in document order.
 * @param ruleset a rule set.
 * @param index from 0 to limber_ruleset_get_n_questions() - 1.
 * @return the question (borrowed), or NULL when @p index is out of range.
 */
const LimberQuestion *limber_ruleset_get_question(const LimberRuleset *ruleset, unsigned index);

/**
 * @brief A question by id.
 * @param ruleset a rule set.
 * @param id a question id.
 * @return the question (borrowed), or NULL when there is none.
 */
const LimberQuestion *limber_ruleset_lookup_question(const LimberRuleset *ruleset, const char *id);

/**
 * @brief The number of measures.
 * @param ruleset a rule set.
 * @return the count.
 */
unsigned limber_ruleset_get_n_measures(const LimberRuleset *ruleset);

/**
 * @brief A measure by position, in document order.
 * @param ruleset a rule set.
 * @param index from 0 to limber_ruleset_get_n_measures() - 1.
 * @return the measure (borrowed), or NULL when @p index is out of range.
 */
const LimberMeasure *limber_ruleset_get_measure(const LimberRuleset *ruleset, unsigned index);

/**
 * @brief A measure by id.
 * @param ruleset a rule set.
 * @param id a measure id such as "hip.internal-rotation".
 * @return the measure (borrowed), or NULL when there is none.
 */
const LimberMeasure *limber_ruleset_lookup_measure(const LimberRuleset *ruleset, const char *id);

/**
 * @brief Describes the whole rule set as JSON, for tools (`limber describe`).
 * @param ruleset a rule set.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated JSON document (free with g_free()).
 */
char *limber_ruleset_to_json(const LimberRuleset *ruleset, gboolean pretty);

/**
 * @brief Describes the rule set as JSON in a language: the texts a person reads (title, safety, questions,
 * red-flag messages, measure labels, score names, exercise names, steps and muscles) translated; ids,
 * numbers and the rest as limber_ruleset_to_json() writes them.
 * @param ruleset a rule set.
 * @param pretty TRUE for indented output.
 * @param language a language code ("de", "es"; NULL or "en": the rule set as written).
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when limber or the rule set has no such
 *   language (limber_ruleset_get_languages()).
 * @return a new NUL-terminated JSON document (free with g_free()), or NULL on error.
 */
char *limber_ruleset_to_json_in(const LimberRuleset *ruleset, gboolean pretty, const char *language,
                                GError **error);

/**
 * @brief A JSON Schema (draft 2020-12) of the profiles this rule set reads
 *        (`limber describe --format json-schema`).
 *
 * Where `docs/schema/profile.schema.json` gives the shape every rule set
 * shares, this one names the rule set's own goals, its questions (each
 * answer's type, and the range of a scale or the ids of a choice), its
 * measures with their ranges, sided or not, the regions its exercises work
 * and its exercise ids, and refuses unknown keys wherever the profile reader
 * does.  A document it accepts is read by limber_profile_new_from_json()
 * against this rule set, except for what JSON Schema cannot say: a measure
 * given twice in `scan`, and a date of the right shape that is no calendar
 * date (a validator that asserts `"format": "date"` catches that one).  The
 * output is the same, byte for byte, for the same rule set.
 *
 * @param ruleset a rule set.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated JSON document (free with g_free()).
 */
char *limber_ruleset_to_profile_schema(const LimberRuleset *ruleset, gboolean pretty);

/**
 * @brief Describes the whole rule set as text, for people.
 * @param ruleset a rule set.
 * @return a new NUL-terminated text (free with g_free()).
 */
char *limber_ruleset_to_text(const LimberRuleset *ruleset);

/**
 * @brief Describes the rule set as text in a language: its title, questions, score names and exercise names
 * translated, everything else as limber_ruleset_to_text() writes it.
 * @param ruleset a rule set.
 * @param language a language code ("de", "es"; NULL or "en": the rule set as written).
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when limber or the rule set has no such
 *   language (limber_ruleset_get_languages()).
 * @return a new NUL-terminated text (free with g_free()), or NULL on error.
 */
char *limber_ruleset_to_text_in(const LimberRuleset *ruleset, const char *language, GError **error);

/**
 * @brief The exercise's id.
 * @param exercise an exercise.
 * @return the id (borrowed).
 */
const char *limber_exercise_get_id(const LimberExercise *exercise);

/**
 * @brief The exercise's display name.
 * @param exercise an exercise.
 * @return the name (borrowed).
 */
const char *limber_exercise_get_name(const LimberExercise *exercise);

/**
 * @brief How to do the exercise, one step per string.
 * @param exercise an exercise.
 * @return a NULL-terminated array (borrowed).
 */
const char *const *limber_exercise_get_instructions(const LimberExercise *exercise);

/**
 * @brief The exercise in two or three short steps, as a printed card gives it
 *        when the full instructions do not fit on the page.
 *
 * A PDF week that would take more than two pages with the full steps prints
 * these on every card; printed HTML always does (a browser's pages cannot be
 * counted beforehand), and shows the full steps on screen. A rule set may
 * leave them out (`<brief>` is optional); a card then prints the full steps.
 * @param exercise an exercise.
 * @return a NULL-terminated array (borrowed), empty when the rule set has no
 *         brief form of this exercise.
 */
const char *const *limber_exercise_get_brief_instructions(const LimberExercise *exercise);

/**
 * @brief The body regions the exercise works (e.g. "lumbar", "hip").
 * @param exercise an exercise.
 * @return a NULL-terminated array (borrowed).
 */
const char *const *limber_exercise_get_regions(const LimberExercise *exercise);

/**
 * @brief The exercise's tags (e.g. "static-stretch", "rotation").
 * @param exercise an exercise.
 * @return a NULL-terminated array (borrowed).
 */
const char *const *limber_exercise_get_tags(const LimberExercise *exercise);

/**
 * @brief The equipment the exercise needs; empty when it needs none.
 * @param exercise an exercise.
 * @return a NULL-terminated array (borrowed).
 */
const char *const *limber_exercise_get_equipment(const LimberExercise *exercise);

/**
 * @brief The body position of the exercise.
 * @param exercise an exercise.
 * @return the position.
 */
LimberPosition limber_exercise_get_position(const LimberExercise *exercise);

/**
 * @brief Where the body is during the exercise (the posture attribute).
 * @param exercise an exercise.
 * @return the posture.
 */
LimberPosture limber_exercise_get_posture(const LimberExercise *exercise);

/**
 * @brief Whether the exercise is done down on the floor or goes down to it
 *        (a person who cannot get down to the floor never gets it).
 * @param exercise an exercise.
 * @return TRUE when it needs the floor.
 */
gboolean limber_exercise_uses_floor(const LimberExercise *exercise);

/**
 * @brief Whether the exercise works on a measure (its @c \<targets\>).
 * @param exercise an exercise.
 * @param measure a measure id of the exercise's rule set.
 * @param primary_only TRUE to count only primary targets.
 * @return TRUE when one of its targets names the measure.
 */
gboolean limber_exercise_has_target(const LimberExercise *exercise, const char *measure, gboolean primary_only);

/**
 * @brief The exercise's level, from 1 (gentlest) to 5.
 * @param exercise an exercise.
 * @return the level.
 */
unsigned limber_exercise_get_level(const LimberExercise *exercise);

/**
 * @brief Whether the dose is done once on each side.
 * @param exercise an exercise.
 * @return TRUE for a per-side exercise.
 */
gboolean limber_exercise_get_per_side(const LimberExercise *exercise);

/**
 * @brief The number of steps in the exercise's dose ladder (at least 1).
 * @param exercise an exercise.
 * @return the count.
 */
unsigned limber_exercise_get_n_steps(const LimberExercise *exercise);

/**
 * @brief One step of the dose ladder.
 * @param exercise an exercise.
 * @param index from 0 (the first, easiest step) to limber_exercise_get_n_steps() - 1.
 * @param dose return location for the step.
 * @return TRUE, or FALSE (and @p dose untouched) when @p index is out of range.
 */
gboolean limber_exercise_get_step(const LimberExercise *exercise, unsigned index, LimberDose *dose);

/**
 * @brief The question's id.
 * @param question a question.
 * @return the id (borrowed).
 */
const char *limber_question_get_id(const LimberQuestion *question);

/**
 * @brief The question as asked.
 * @param question a question.
 * @return the text (borrowed).
 */
const char *limber_question_get_text(const LimberQuestion *question);

/**
 * @brief How the question is answered.
 * @param question a question.
 * @return the kind.
 */
LimberQuestionKind limber_question_get_kind(const LimberQuestion *question);

/**
 * @brief The choice ids of a choice question, in order.
 * @param question a question.
 * @return a NULL-terminated array (borrowed), empty for other kinds.
 */
const char *const *limber_question_get_choices(const LimberQuestion *question);

/**
 * @brief The most severe outcome any red flag on this question can lead to.
 * @param question a question.
 * @return the outcome, #LIMBER_OUTCOME_NONE when no red flag reads it.
 */
LimberOutcome limber_question_get_red_flag_outcome(const LimberQuestion *question);

/**
 * @brief The measure's id.
 * @param measure a measure.
 * @return the id (borrowed).
 */
const char *limber_measure_get_id(const LimberMeasure *measure);

/**
 * @brief The measure's unit (e.g. "deg").
 * @param measure a measure.
 * @return the unit (borrowed).
 */
const char *limber_measure_get_unit(const LimberMeasure *measure);

/**
 * @brief Whether the measure has a left and a right value.
 * @param measure a measure.
 * @return TRUE when sided.
 */
gboolean limber_measure_get_sided(const LimberMeasure *measure);

/**
 * @brief The population normal value, that deficits are counted from.
 * @param measure a measure.
 * @return the normal value, in the measure's unit.
 */
double limber_measure_get_normal(const LimberMeasure *measure);

/**
 * @brief The lowest valid value of the measure.
 * @param measure a measure.
 * @return the minimum, in the measure's unit.
 */
double limber_measure_get_min(const LimberMeasure *measure);

/**
 * @brief The highest valid value of the measure.
 * @param measure a measure.
 * @return the maximum, in the measure's unit.
 */
double limber_measure_get_max(const LimberMeasure *measure);

/**
 * @brief The left/right difference that counts as a meaningful asymmetry.
 * @param measure a measure.
 * @return the difference, in the measure's unit; 0 when the measure has none.
 */
double limber_measure_get_asymmetry(const LimberMeasure *measure);

#pragma GCC visibility pop
G_END_DECLS

#endif
