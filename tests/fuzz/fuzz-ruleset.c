/* libFuzzer target: a rule set from bytes; when it loads, it is described,
 * linted, and a plan is made from it for a plain profile. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_data ((const char *) data, (gssize) size, "fuzz.xml", &error);
  if (rs == NULL)
    {
      g_error_free (error);
      return 0;
    }
  g_free (limber_ruleset_to_json (rs, TRUE));
  g_free (limber_ruleset_to_text (rs));
  LimberLintReport *lint = limber_lint (rs);
  limber_lint_report_free (lint);
  /* a profile with nothing set is valid for any rule set that declares the
   * default goal; one that does not may refuse it, and says so */
  LimberProfile *profile = limber_profile_new ();
  if (limber_profile_validate (profile, rs, &error))
    limber_fuzz_plan (rs, profile, size ? data[size - 1] : 0, FALSE);
  else
    g_clear_error (&error);
  limber_profile_free (profile);
  limber_ruleset_unref (rs);
  return 0;
}
