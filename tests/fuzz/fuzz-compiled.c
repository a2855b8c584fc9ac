/* libFuzzer target: a compiled rule set (engine/core/ruleset-image.c).
 *
 * The input is the body of an image (what follows its version), given this
 * limber's version and a header with a matching digest before it is read,
 * so that mutations reach the reader instead of stopping at the checksum.
 * An input that starts with '<' is an XML rule set instead: when it loads,
 * it is compiled and read back, and must describe itself the same; with
 * LIMBER_FUZZ_SEED_OUT set, its body is written there (how scripts/fuzz.sh
 * makes the seeds, in the format of the build that fuzzes).  Whatever
 * loads is described, linted and planned. */
#include "fuzz-common.h"

#include <stdlib.h>
#include <string.h>

#include "ruleset-image.h"

static void
exercise (LimberRuleset *rs, uint8_t knob)
{
  g_free (limber_ruleset_to_text (rs));
  LimberLintReport *lint = limber_lint (rs);
  limber_lint_report_free (lint);
  GError *error = NULL;
  LimberProfile *profile = limber_profile_new ();
  if (limber_profile_validate (profile, rs, &error))
    limber_fuzz_plan (rs, profile, knob, FALSE);
  else
    g_clear_error (&error);
  limber_profile_free (profile);
}

static void
from_xml (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  LimberRuleset *xml = limber_ruleset_new_from_data ((const char *) data, (gssize) size, "fuzz.xml", &error);
  if (xml == NULL)
    {
      g_error_free (error);
      return;
    }
  GBytes *image = limber_ruleset_image_write (xml);
  const char *out = getenv ("LIMBER_FUZZ_SEED_OUT");
  if (out != NULL)
    {
      GBytes *body = limber_ruleset_image_body (image);
      if (!g_file_set_contents (out, g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL))
        abort ();
      g_bytes_unref (body);
    }
  LimberRuleset *back = limber_ruleset_new_from_data (g_bytes_get_data (image, NULL),
                                                      (gssize) g_bytes_get_size (image), "fuzz.limberc", &error);
  if (back == NULL)
    abort (); /* a rule set that loaded from XML must load compiled */
  char *a = limber_ruleset_to_json (xml, FALSE), *b = limber_ruleset_to_json (back, FALSE);
  if (strcmp (a, b) != 0)
    abort ();
  g_free (a);
  g_free (b);
  exercise (back, size ? data[size - 1] : 0);
  limber_ruleset_unref (back);
  limber_ruleset_unref (xml);
  g_bytes_unref (image);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 0 && data[0] == '<')
    {
      from_xml (data, size);
      return 0;
    }
  GBytes *image = limber_ruleset_image_body_wrap (data, size);
  GError *error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_data (g_bytes_get_data (image, NULL), (gssize) g_bytes_get_size (image),
                                                    "fuzz.limberc", &error);
  g_bytes_unref (image);
  if (rs == NULL)
    {
      g_error_free (error);
      return 0;
    }
  exercise (rs, size ? data[size - 1] : 0);
  limber_ruleset_unref (rs);
  return 0;
}
