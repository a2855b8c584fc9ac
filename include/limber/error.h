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

#pragma GCC visibility pop
G_END_DECLS

#endif
