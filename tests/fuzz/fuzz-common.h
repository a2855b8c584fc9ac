/* Shared by the libFuzzer targets of tests/fuzz (see tests/fuzz/README.md):
 * the entry point every target defines, and what they do with a plan. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <limber.h>

/* libFuzzer's entry points: each target defines the first; the second,
 * here in fuzz-common.c, loads the built-in rule set before the first input
 * (standalone.c's main calls both in builds without libFuzzer). */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* The built-in rule set, loaded once; aborts when it cannot be (a build bug). */
const LimberRuleset *limber_fuzz_rules (void);

/* Writes plan in every text format (JSON, XML, text) and, when render is
 * TRUE, as HTML and PDF on both papers; aborts when one of them fails. */
void limber_fuzz_outputs (const LimberPlan *plan, gboolean render);

/* Generates a plan for profile (days and seed from the input's first byte)
 * and writes it through limber_fuzz_outputs(). */
void limber_fuzz_plan (const LimberRuleset *rs, const LimberProfile *profile, uint8_t knob, gboolean render);

/* A profile loader: limber_profile_new_from_json or _from_xml. */
typedef LimberProfile *(*LimberFuzzLoader) (const LimberRuleset *rs, const char *data, gssize length,
                                             const char *name, GError **error);

/* The profile targets' whole work: loads the input as a profile (refusing
 * one over the default size limit), and when it loads, plans it and writes
 * the plan through limber_fuzz_plan(), the middle byte as the knob. */
int limber_fuzz_profile (const uint8_t *data, size_t size, LimberFuzzLoader load, const char *name);
