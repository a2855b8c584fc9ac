/* libFuzzer target: printed plans.  The input is a JSON profile whose free
 * text (the name) and choices reach the PDF and HTML renderers; its first
 * byte picks the days, the seed and the start. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1 || size > 65536)
    return -1;
  const LimberRuleset *rs = limber_fuzz_rules ();
  GError *error = NULL;
  LimberProfile *profile = limber_profile_new_from_json (rs, (const char *) data + 1, (gssize) size - 1,
                                                         "fuzz.json", &error);
  if (profile == NULL)
    {
      /* the profile's shape is the other targets' work: here the name, at
       * least, is always the input's, so every byte reaches the renderers */
      g_clear_error (&error);
      profile = limber_profile_new ();
      char *name = g_utf8_make_valid ((const char *) data + 1, (gssize) size - 1);
      limber_profile_set_name (profile, name);
      g_free (name);
      if (!limber_profile_validate (profile, rs, &error))
        {
          g_clear_error (&error);
          limber_profile_free (profile);
          return 0;
        }
    }
  limber_fuzz_plan (rs, profile, data[0], TRUE);
  limber_profile_free (profile);
  return 0;
}
