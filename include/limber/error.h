/**
 * @file limber/error.h
 * @brief The error domain of liblimber and its codes.
 *
 * Every function that can fail for a reason the caller does not control (a
 * file, a rule set, a profile) takes a `GError **error` last and fills it
 * with a #LIMBER_ERROR error.  Messages follow one shape so that people and
 * tools can read them: `FILE:LINE:COLUMN: FIELD: what is wrong; expected what`,
 * one line per problem when several are found at once.
 *
 * The errors of loading a profile, a rule set or a test case also carry
 * their problems as records, so that an app can put each one next to the
 * form field it is about without reading the message:
 * limber_error_get_n_problems() and limber_error_get_problem(), then
 * limber_problem_get_field() ("history[2].date"), limber_problem_get_line()
 * and the others.  Each has a stable code saying its kind
 * (limber_problem_get_code(), the @ref problem_codes) and, for a mistyped
 * id, the id most likely meant (limber_problem_get_suggestion()).  The
 * records belong to the error and go with it.
 *
 * Thread safety: errors are ordinary GErrors, owned by whoever receives
 * them.
 */
#ifndef LIMBER_ERROR_H
#define LIMBER_ERROR_H

#include <glib.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** The error domain of every error liblimber reports. */
#define LIMBER_ERROR (limber_error_quark())

/**
 * @brief Error codes in the #LIMBER_ERROR domain.
 */
typedef enum {
  LIMBER_ERROR_IO = 1,       /**< A file could not be read or written. */
  LIMBER_ERROR_PARSE,        /**< The input is not well-formed XML or JSON. */
  LIMBER_ERROR_SCHEMA,       /**< A rule set does not follow the schema. */
  LIMBER_ERROR_SEMANTIC,     /**< A rule set is well-formed but inconsistent (dangling reference, duplicate id, min above max...). */
  LIMBER_ERROR_UNSAFE,       /**< The input asks for something refused on principle (DOCTYPE, entities, network). */
  LIMBER_ERROR_PROFILE,      /**< A profile field is missing, of the wrong type or out of range. */
  LIMBER_ERROR_OPTIONS,      /**< Generation or rendering options are out of range. */
  LIMBER_ERROR_UNSUPPORTED,  /**< A format or feature this build does not provide. */
} LimberErrorCode;

/**
 * @brief The quark of the #LIMBER_ERROR domain.
 * @return the domain quark.
 */
GQuark limber_error_quark(void);

/**
 * @defgroup problem_codes Problem codes
 * @brief The stable code of each kind of problem (limber_problem_get_code()).
 *
 * A code names the kind of a problem, not its words: messages may be
 * reworded between releases, codes never are, so an app may branch on them
 * (highlight a field, offer the suggestion, translate).  Codes are short
 * kebab-case ASCII strings; compare them with strcmp() or g_strcmp0(),
 * and treat a code you do not know as a problem of the input like any
 * other (later releases may add codes, never change or remove one).
 * docs/embedding.md has a table of them with an example of each.
 * @{
 */
/** The document is not well-formed XML. */
#define LIMBER_PROBLEM_XML_SYNTAX "xml-syntax"
/** The document is not well-formed JSON. */
#define LIMBER_PROBLEM_JSON_SYNTAX "json-syntax"
/** The document breaks its XML schema (an element or attribute where none may be, a value of the wrong form). */
#define LIMBER_PROBLEM_SCHEMA "schema"
/** The document asks for something refused on principle (a DTD, entities). */
#define LIMBER_PROBLEM_UNSAFE "unsafe"
/** The document, or one of its lists, is larger than the library accepts. */
#define LIMBER_PROBLEM_TOO_LARGE "too-large"
/** A member, attribute or element name that does not belong where it is. */
#define LIMBER_PROBLEM_UNKNOWN_KEY "unknown-key"
/** A measure id that the rule set does not declare. */
#define LIMBER_PROBLEM_UNKNOWN_MEASURE "unknown-measure"
/** A question id that the rule set does not declare. */
#define LIMBER_PROBLEM_UNKNOWN_QUESTION "unknown-question"
/** An exercise id that the rule set does not declare. */
#define LIMBER_PROBLEM_UNKNOWN_EXERCISE "unknown-exercise"
/** A goal that is not a goal, or that the rule set does not declare. */
#define LIMBER_PROBLEM_UNKNOWN_GOAL "unknown-goal"
/** A body region that no exercise of the rule set works. */
#define LIMBER_PROBLEM_UNKNOWN_REGION "unknown-region"
/** An answer or value that is not one of the choices it must be among. */
#define LIMBER_PROBLEM_UNKNOWN_CHOICE "unknown-choice"
/** Any other id that names nothing declared: a source, red flag, score, category, subscale, rule, placeholder. */
#define LIMBER_PROBLEM_UNKNOWN_REFERENCE "unknown-reference"
/** A value of the wrong type: text for a number, a number for true or false. */
#define LIMBER_PROBLEM_WRONG_TYPE "wrong-type"
/** A number outside its range, or a lower bound above its upper one. */
#define LIMBER_PROBLEM_OUT_OF_RANGE "out-of-range"
/** A date that is not a real calendar date written YYYY-MM-DD. */
#define LIMBER_PROBLEM_BAD_DATE "bad-date"
/** A value of the right type but not an acceptable one (an empty name, text that is not an id). */
#define LIMBER_PROBLEM_BAD_VALUE "bad-value"
/** A required field, attribute or bound is absent. */
#define LIMBER_PROBLEM_MISSING_FIELD "missing-field"
/** An id, answer or entry given more than once. */
#define LIMBER_PROBLEM_DUPLICATE "duplicate"
/** Fields that may not go together, or a field that does not fit the thing it is on. */
#define LIMBER_PROBLEM_CONFLICT "conflict"
/** Something well-formed that can never take effect: a target no exercise matches, a slot no exercise fills. */
#define LIMBER_PROBLEM_NO_EFFECT "no-effect"
/** @} */

/** @brief One problem of an error: where it is and what is wrong (borrowed from its error). */
typedef struct _LimberProblem LimberProblem;

/**
 * @brief The number of problems an error carries as records.
 * @param error an error (of any domain).
 * @return the number of records; 0 for an error that has none (another domain, or a message only).
 */
guint limber_error_get_n_problems(const GError *error);

/**
 * @brief One of an error's problems, in the order of its message's lines.
 * @param error an error.
 * @param index from 0 to limber_error_get_n_problems() - 1.
 * @return the problem (borrowed from @p error), or NULL when @p index is out of range.
 */
const LimberProblem *limber_error_get_problem(const GError *error, guint index);

/**
 * @brief The document the problem is in.
 * @param problem a problem.
 * @return its name as the error gives it (a path, "<memory>", "<stdin>"), or NULL when it has none.
 */
const char *limber_problem_get_file(const LimberProblem *problem);

/**
 * @brief The line of the problem in its document.
 * @param problem a problem.
 * @return the line, from 1; 0 when the place is not known.
 */
unsigned limber_problem_get_line(const LimberProblem *problem);

/**
 * @brief The column of the problem in its line, in characters.
 * @param problem a problem.
 * @return the column, from 1; 0 when the place is not known.
 */
unsigned limber_problem_get_column(const LimberProblem *problem);

/**
 * @brief The field the problem is about, as a path.
 * @param problem a problem.
 * @return "age", "answers.leg-pain", "history[2].date"...; NULL for a problem of the whole document
 *   (not well-formed JSON).
 */
const char *limber_problem_get_field(const LimberProblem *problem);

/**
 * @brief What is wrong.
 * @param problem a problem.
 * @return "120.5 is not a whole number", "unknown key"...; never NULL.
 */
const char *limber_problem_get_what(const LimberProblem *problem);

/**
 * @brief What was expected instead.
 * @param problem a problem.
 * @return "a whole number from 0 to 120"...; NULL when the message says nothing expected.
 */
const char *limber_problem_get_expected(const LimberProblem *problem);

/**
 * @brief The problem's line of the error message, whole.
 * @param problem a problem.
 * @return the line; never NULL.
 */
const char *limber_problem_get_text(const LimberProblem *problem);

/**
 * @brief The kind of the problem, as a stable code.
 * @param problem a problem.
 * @return one of the @ref problem_codes ("unknown-measure", "out-of-range"...); never NULL.
 */
const char *limber_problem_get_code(const LimberProblem *problem);

/**
 * @brief The known id the problem's unknown one is most likely a typo of.
 *
 * Offered for an unknown id or key when a known one is within a small edit
 * distance (a third of its length, at most two edits; a difference of case
 * alone always counts), or else when it is the only known id the unknown one
 * is the beginning of ("hip.flex" for "hip.flexion").  The message says it
 * too, at the end of what was expected: `(did you mean "hip.flexion"?)`.
 * @param problem a problem.
 * @return the suggested id (borrowed from @p problem), or NULL when there is none.
 */
const char *limber_problem_get_suggestion(const LimberProblem *problem);

#pragma GCC visibility pop
G_END_DECLS

#endif
