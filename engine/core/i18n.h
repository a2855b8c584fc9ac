/*
 * The languages a plan can be written in (docs/i18n.md).
 *
 * Two kinds of text change with the language, and each has its own home:
 *
 *  - the rule set's prose (exercise names, steps, reasons, messages...),
 *    translated in overlay files beside the rule set (rules/default.de.xml),
 *    keyed by the base rule set's ids; a loaded overlay maps each English
 *    string of the compiled rule set, by its address, to its translation;
 *  - the engine's own words (dose words, headings, dates, the advisories the
 *    composer writes), in one table compiled into both libraries
 *    (i18n-text.c), keyed by the English text itself.
 *
 * Nothing here has global state: the language is a field of the options and
 * of the plan, so threads planning in different languages never meet.
 * English is the base and never looked up, so English output is the text as
 * written, byte for byte.
 */
#pragma once

#include <glib.h>

typedef enum {
  LIMBER_LANG_EN,
  LIMBER_LANG_DE,
  LIMBER_LANG_ES,
  LIMBER_N_LANGS
} LimberLang;

/* ---- i18n-text.c (limber-common: both libraries) ------------------------ */

/* "en", "de", "es". */
const char *limber_lang_code (LimberLang lang);

/* The language of a code ("de"), a tag ("de-AT") or a locale name
 * ("de_DE.UTF-8"): only the language part counts.  FALSE when the engine
 * has no such language. */
gboolean limber_lang_from_code (const char *code, LimberLang *lang);

/* The English text in lang: the table's translation, or english itself
 * when lang is English or the table has none (a test keeps the table
 * complete).  A format stays a format with the same conversions in the same
 * order, so callers may pass the result to printf-style functions. */
const char *limber_msg (LimberLang lang, const char *english) G_GNUC_FORMAT (2);

/* Engine table access for the completeness test and lint: row i's English
 * and translation, FALSE past the end. */
gboolean limber_msg_row (guint i, LimberLang lang, const char **english, const char **translated);

/* Weekday (G_DATE_MONDAY..G_DATE_SUNDAY) and month (1..12) abbreviations. */
const char *limber_lang_weekday (LimberLang lang, GDateWeekday weekday);
const char *limber_lang_month (LimberLang lang, unsigned month);

/* A full date as the language writes it: "Mon 5 Jan 2026", "Mo., 5. Jan.
 * 2026", "lun 5 ene 2026". */
void limber_lang_append_date (GString *out, LimberLang lang, const GDate *date);

/* A short day and month: "5 Jan", "5. Jan.", "5 ene". */
void limber_lang_append_day_month (GString *out, LimberLang lang, const GDate *date);

/* A number written for a person, in place: the decimal point becomes a
 * comma in German and Spanish.  Returns buf. */
char *limber_lang_decimal (LimberLang lang, char *buf);

/* The same for the numbers of a sentence the engine formatted with printf
 * ("%g minutes"), in place: a '.' between two digits becomes a comma in
 * German and Spanish.  Returns text. */
char *limber_lang_decimals_in (LimberLang lang, char *text);

/* ---- translations of a rule set (i18n.c: the core) --------------------- */

typedef struct _LimberTranslation LimberTranslation;
struct _LimberTranslation {
  LimberLang lang;
  char *name;            /* the overlay's file name, for messages */
  GHashTable *texts;     /* the rule set's English string (by address) -> its translation */
  GPtrArray *missing;    /* char*: keys of English texts with no translation */
  GPtrArray *stale;      /* char*: keys whose English changed after the translation (English is used) */
  GArray *stale_lines;   /* int: the line of each stale key's <text> in the overlay */
};

/* Whether a text already ends its sentence (. ? ! or …), so that a full
 * stop added after it would double it. */
static inline gboolean
limber_ends_sentence (const char *text)
{
  return text != NULL
         && (g_str_has_suffix (text, ".") || g_str_has_suffix (text, "?") || g_str_has_suffix (text, "!")
             || g_str_has_suffix (text, "\xe2\x80\xa6"));
}

/* The translation of one of the rule set's own strings, or s itself. */
static inline const char *
limber_tr (const LimberTranslation *t, const char *s)
{
  if (t == NULL || s == NULL)
    return s;
  const char *x = g_hash_table_lookup (t->texts, s);
  return x != NULL ? x : s;
}
