/*
 * Numbers as limber writes them, whatever the locale.
 *
 * Every output (JSON, text, XML, PDF/HTML, reasons) prints numbers through
 * here so that 14.5 looks the same everywhere.  printf-family formatting of
 * doubles was the largest single cost of writing a plan, so the common cases
 * (whole numbers, a few decimals, %g of everyday magnitudes) are written by
 * hand; anything else falls back to g_ascii_formatd().  The hand-written
 * paths produce exactly what the printf format named beside each function
 * produces (tests/test-number-format.c checks them against it).
 */
#pragma once

#include <glib.h>

/* Room for anything the functions below write, with the NUL. */
#define LIMBER_NUMBER_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE

/* `value` rounded to `decimals` places (negative: not rounded), with -0
 * turned into 0. */
double limber_number_round (double value, int decimals);

/* `value` rounded to `decimals` places (negative: not rounded) and written
 * as "%.15g" writes it: integers without a fraction, never "-0", '.' as the
 * decimal point.  Writes into buf (LIMBER_NUMBER_BUF_SIZE bytes) and returns
 * it. */
const char *limber_number_format (char *buf, double value, int decimals);

/* `value` as "%g" (or "%+g" when plus) writes it: six significant digits,
 * trailing zeros dropped.  Writes into buf (LIMBER_NUMBER_BUF_SIZE bytes)
 * and returns it. */
const char *limber_number_format_g (char *buf, double value, gboolean plus);

/* A day's time as a person reads it: whole minutes, at least 1 ("16.2 min"
 * reads as sixteen minutes and two seconds to many; data keeps tenths).
 * Writes into buf (LIMBER_NUMBER_BUF_SIZE bytes) and returns it. */
const char *limber_number_format_minutes (char *buf, double minutes);

/* A whole number in decimal.  Writes into buf (at least 24 bytes), NUL
 * terminated, and returns the number of characters written. */
gsize limber_number_print_int (char *buf, gint64 value);
gsize limber_number_print_uint (char *buf, guint64 value);
