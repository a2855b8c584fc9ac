/*
 * Explanations by reference.
 *
 * Every decision of a generation leaves a reason ("weight x1.5", "step 1 →
 * 2: 3 sessions completed, discomfort ≤ 2").  Formatting them as it goes
 * was most of the cost of a plan (a vasprintf and two copies per reason per
 * item), so a reason is recorded as what it is made of: the rule, a static
 * format and its arguments (numbers, and strings that outlive the plan).
 * Text is made only when something reads it: the JSON, text and XML
 * writers format into their own buffers, the accessors once into a cache.
 *
 * Formats use %u, %d, %g, %+g, %s and %%, nothing else (checked when
 * recorded); %g is written as g_ascii_formatd() writes it, whatever the
 * locale.
 */
#pragma once

#include <stdarg.h>

#include <glib.h>

#include "i18n.h"

#define LIMBER_WHY_MAX_ARGS 8

typedef union {
  gint64 i;
  guint64 u;
  double d;
  const char *s;
} LimberWhyArg;

typedef struct {
  const char *rule;         /* borrowed: a rule id of the rule set, or a static engine step */
  const char *fmt;          /* static */
  guint exercise;           /* catalogue index */
  /* where in a generation it was made: 0 before the rules, 1 by rule
   * rule_index's action action_index, 2 after the rules */
  guint8 phase;
  int rule_index, action_index;
  guint n_args;
  LimberWhyArg args[LIMBER_WHY_MAX_ARGS];
  char *text;               /* the effect as text, made on first read (limber_why_text) */
} LimberWhy;

/* Fills *out with a record; FALSE (and a critical) for a format outside
 * the ones above. */
gboolean limber_why_initv (LimberWhy *out, guint exercise, const char *rule, const char *fmt, va_list ap);

/* Appends a record to out (a GArray of LimberWhy). */
void limber_why_add (GArray *out, guint exercise, const char *rule, const char *fmt, ...) G_GNUC_PRINTF (4, 5);
void limber_why_addv (GArray *out, guint exercise, const char *rule, const char *fmt, va_list ap);

/* Appends a record made of its parts: fmt's arguments already taken
 * (n_args of args, in fmt's order and types).  For the engine's own
 * formats on paths that record thousands a plan; fmt is not read. */
void limber_why_put (GArray *out, guint exercise, const char *rule, const char *fmt, guint8 phase, guint n_args,
                     const LimberWhyArg *args);

/* The effect as text, appended to out. */
void limber_why_format (const LimberWhy *w, GString *out);

/* The same in a language (i18n.h): the format from the engine's table, a
 * %s argument that is one of the rule set's texts (an exercise's name) from
 * tr, numbers with the language's decimal mark. */
void limber_why_format_lang (const LimberWhy *w, LimberLang lang, const LimberTranslation *tr, GString *out);

/* The effect as text, made once and kept in the record (safe to call from
 * several threads reading one plan). */
const char *limber_why_text (const LimberWhy *w);

/* Frees what a record keeps (its cached text). */
void limber_why_clear (LimberWhy *w);
