/*
 * Doses and numbers as the plan outputs write them.  The text serialiser uses
 * these today and the PDF/HTML renderer will reuse them, so that every output
 * says "2 × 30 s holds each side" and prints 14.5 the same way.
 */
#pragma once

#include "limber/plan.h"

/* Room for anything limber_number_format() writes. */
#define LIMBER_NUMBER_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE

/* A number rounded to `decimals` places (negative: up to 15 significant
 * digits), integers without a fraction, never "-0", always '.' as the decimal
 * point whatever the locale.  Writes into buf (LIMBER_NUMBER_BUF_SIZE bytes)
 * and returns it. */
const char *limber_number_format (char *buf, double value, int decimals);

/* `value` rounded to `decimals` places, with -0 turned into 0. */
double limber_number_round (double value, int decimals);

/* A dose in plain words: "2 × 30 s holds each side, +1 set on the left",
 * "5 reps, 5 s holds", "1 min 30 s", "3 × 10 reps". */
char *limber_dose_words (const LimberDose *dose, gboolean per_side, LimberSide emphasis, unsigned extra_sets);
