/* Filling an error's problem records (error.c; limber/error.h reads them). */
#pragma once

#include <glib.h>

/* Appends a record to error (of the LIMBER_ERROR domain): file (or NULL),
 * line and column (0: not known), field (or NULL), message ("what is
 * wrong; expected what", split here) and text, the message's line. */
void limber_error_add_problem (GError *error, const char *file, unsigned line, unsigned column, const char *field,
                               const char *message, const char *text);
