/*
 * A look inside one generation without its schedule: what the facts were,
 * which rules fired, and for every exercise of the catalogue whether it was
 * excluded or required, its final weight, its dose and the reasons for all
 * of it.  The rule tests (testcase-run.c) and coverage read it to judge
 * exercises that the week's draws happened not to pick.
 *
 * It runs the very stages limber_generate() runs (facts.c, evaluate.c,
 * dose.c) in the same order, so a trace and a plan made from the same
 * profile and start always agree.
 */
#pragma once

#include "selection.h"

typedef struct {
  LimberFacts *facts;
  LimberSelection *selection;  /* NULL for a referral: screening stops before any rule */
} LimberTrace;

/* Validates the profile against rs, then runs facts, evaluation and dosing
 * for a plan starting on start.  NULL with a LIMBER_ERROR_PROFILE error when
 * the profile is not valid for the rule set. */
LimberTrace *limber_trace_new (const LimberRuleset *rs, const LimberProfile *profile, const GDate *start,
                               GError **error);
void limber_trace_free (LimberTrace *trace);

/* The exercise's state, or NULL for a referral or an unknown exercise. */
const LimberChoice *limber_trace_choice (const LimberTrace *trace, const char *exercise);

/* The exercise's explanation as "rule: effect" lines, in the order a plan
 * item lists them (base weight first, final weight last); empty for a
 * referral.  A new array of strings. */
GPtrArray *limber_trace_why (const LimberTrace *trace, guint exercise);

/* A condition as an indented tree, one line per node: "held: ..." or "did
 * not hold: ...", each leaf with the fact it read ("answer: 5", "left 100,
 * right 118"), so a reader sees which part decided.  Appends to out. */
void limber_trace_explain_cond (const LimberTrace *trace, const LimberCond *cond, GPtrArray *out);
