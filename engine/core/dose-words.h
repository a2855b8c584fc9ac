/*
 * Doses and numbers as the plan outputs write them.  The text serialiser uses
 * these today and the PDF/HTML renderer will reuse them, so that every output
 * says "2 × 30 s holds each side" and prints 14.5 the same way.
 */
#pragma once

#include "limber/plan.h"
#include "number-format.h"

/* A dose in plain words: "2 × 30 s holds each side, +1 set on the left",
 * "5 reps, 5 s holds", "1 min 30 s", "3 × 10 reps". */
char *limber_dose_words (const LimberDose *dose, gboolean per_side, LimberSide emphasis, unsigned extra_sets);

/* The same in a language (i18n.h): "5 Wdh., je 5 s halten pro Seite". */
#include "i18n.h"
char *limber_dose_words_lang (const LimberDose *dose, gboolean per_side, LimberSide emphasis, unsigned extra_sets,
                              LimberLang lang);
