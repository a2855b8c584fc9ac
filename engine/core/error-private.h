/* Filling an error's problem records (error.c; limber/error.h reads them). */
#pragma once

#include <glib.h>

#include "limber/error.h"  /* the LIMBER_PROBLEM_* codes every recorder passes */

/* Appends a record to error (of the LIMBER_ERROR domain): code (one of
 * limber/error.h's LIMBER_PROBLEM_*, a static string), file (or NULL), line
 * and column (0: not known), field (or NULL), message ("what is wrong;
 * expected what", split here; a closing ` (did you mean "x"?)`, which
 * suggest.h writes, becomes the suggestion) and text, the message's line. */
void limber_error_add_problem (GError *error, const char *code, const char *file, unsigned line, unsigned column, const char *field,
                               const char *message, const char *text);

/* Problems being gathered for one error, by a loader or a checker that
 * finds several: each problem's line of the message, as the site writes it,
 * and its record beside it.  limber_report_set_error() makes the error. */
typedef struct _LimberReport LimberReport;

LimberReport *limber_report_new (void);
void limber_report_free (LimberReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberReport, limber_report_free)
/* Appends a problem of kind code (a LIMBER_PROBLEM_*): text is its line of the message (without newline);
 * file, line, column (0: not known), field (or NULL) and message ("what is
 * wrong; expected what") make its record. */
void limber_report_add (LimberReport *report, const char *code, const char *text, const char *file, unsigned line, unsigned column,
                        const char *field, const char *message);
/* The same for a problem of an XML element: text is "<element> what", and
 * attributes that open it and name the element (`id="x": ...`) join the
 * field ("<exercise> id=\"x\""), as the message shows them. */
void limber_report_add_element (LimberReport *report, const char *code, const char *file, unsigned line, unsigned column,
                                const char *element, const char *text);
/* How many problems were added. */
guint limber_report_count (const LimberReport *report);
/* Sets error (of the LIMBER_ERROR domain, with code) to the problems: one
 * line each, and a record each. */
void limber_report_set_error (const LimberReport *report, GError **error, int code);
