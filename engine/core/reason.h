/*
 * Reasons in plain words: the sentence a rule (or a routine, or a slot)
 * gives a person for an exercise, with the person's own values filled in.
 *
 * A rule's <reason> is a template such as "Extra set on your {side}: it
 * measured {tighter}{unit} against {looser}{unit} on your {other-side}."
 * The checker (ruleset-check.c) refuses unknown placeholders at load, so
 * rendering never meets one it cannot fill.
 */
#pragma once

#include "facts.h"

#define LIMBER_REASON_PLACEHOLDERS \
  "{side}, {other-side}, {tighter}, {looser}, {left}, {right}, {lower}, {normal}, {deficit}, {unit}, {age}"

/* -1 for an unknown placeholder, 0 for one that needs no measure ({age}),
 * 1 for one that reads the rule's measure. */
int limber_reason_placeholder (const char *name);

/* The rule's reason (it has one) with its placeholders filled from the
 * facts, appended to out.  Measure values are rounded to whole units. */
void limber_reason_render_into (const LimberRule *rule, const LimberFacts *facts, GString *out);

/* The same in a language: the rule's reason as tr translates it (NULL: the
 * English), with side words and numbers written as lang writes them. */
void limber_reason_render_lang (const LimberRule *rule, const LimberFacts *facts, const LimberTranslation *tr,
                                LimberLang lang, GString *out);
