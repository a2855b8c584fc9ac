/* libFuzzer target: an XML profile, read against the built-in rule set, then
 * (when it loads) generated and written in every output format. */
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc, (void) argv;
  limber_fuzz_rules ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > LIMBER_PROFILE_MAX_BYTES_DEFAULT)
    return -1;
  const LimberRuleset *rs = limber_fuzz_rules ();
  GError *error = NULL;
  LimberProfile *profile = limber_profile_new_from_xml (rs, (const char *) data, (gssize) size, "fuzz.xml", &error);
  if (profile == NULL)
    {
      g_error_free (error);
      return 0;
    }
  limber_fuzz_plan (rs, profile, size ? data[size / 2] : 0, TRUE);
  limber_profile_free (profile);
  return 0;
}
