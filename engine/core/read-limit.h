/*
 * Bounded input: every document limber reads from outside (profiles, rule
 * sets, rule test cases) has a size limit checked while it is read, so a
 * device such as /dev/zero, a pipe that never ends or a huge file is refused
 * after at most limit + 1 bytes; and the counts of the lists a document may
 * hold (sessions, re-scans, exercises, rules) are limited too.  The limits
 * are stated in docs/profile-format.md and docs/rules-format.md.
 *
 * Line endings: CR LF and a lone CR are turned into LF before a document is
 * parsed, as XML itself prescribes, so that every line and column in a
 * message counts lines the way an editor does, whatever the file's endings.
 */
#pragma once

#include <glib.h>

/* The largest rule set and rule test case read from a file or memory. */
#define LIMBER_RULESET_MAX_BYTES ((gsize) 16 << 20)
#define LIMBER_TESTCASE_MAX_BYTES ((gsize) 2 << 20)

/* The most entries a profile's lists and a rule set's sections may hold. */
#define LIMBER_MAX_SESSIONS 10000
#define LIMBER_MAX_RESCANS 1000
#define LIMBER_MAX_LIST_ITEMS 100   /* constraints.equipment, constraints.avoid_regions */
#define LIMBER_MAX_EXERCISES 1000
#define LIMBER_MAX_RULES 2000

/* Reads the file at path ("-" for standard input) into *data (NUL-terminated,
 * free with g_free()), refusing it as soon as it holds more than max_bytes:
 * a regular file by its size before anything is read, anything else (a
 * pipe, a device) after max_bytes + 1 bytes.  `expected` ends the messages
 * ("a JSON or XML profile"), `hint` (or NULL) says how to raise the limit.
 * FALSE with a LIMBER_ERROR_IO error naming the file on failure. */
gboolean limber_read_bounded (const char *path, gsize max_bytes, const char *expected, const char *hint,
                              char **data, gsize *length, GError **error);

/* The refusal of a document of `length` bytes over max_bytes, for loaders
 * handed memory: a LIMBER_ERROR_PARSE error naming the document. */
void limber_size_error (const char *name, gsize length, gsize max_bytes, const char *expected, const char *hint,
                        GError **error);

/* data with every CR LF and lone CR turned into LF, newly allocated and
 * NUL-terminated, *length updated; NULL (and *length untouched) when data
 * holds no CR and can be used as it is. */
char *limber_unify_newlines (const char *data, gsize *length);

/* Whether path, once every symbolic link is resolved, is dir itself or lies
 * below it (both must exist); FALSE too when either cannot be resolved. */
gboolean limber_path_is_inside (const char *dir, const char *path);

/* Dates are written YYYY-MM-DD: the last day a plan or a simulation may
 * reach is 9999-12-31.  FALSE with a LIMBER_ERROR_OPTIONS error naming
 * `what` ("a plan of 3 days") when start + days - 1 lies past it. */
gboolean limber_dates_fit (const GDate *start, unsigned days, const char *what, GError **error);
