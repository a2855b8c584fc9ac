/* libFuzzer target: a compiled rule set (engine/core/ruleset-image.c).
 *
 * The input is the body of an image (what follows its version), given this
 * limber's version and a header with a matching digest before it is read,
 * so that mutations reach the reader instead of stopping at the checksum.
 * An input that starts with '<' is an XML rule set instead: when it loads,
 * it is compiled and read back, and must describe itself the same; with
 * LIMBER_FUZZ_SEED_OUT set, its body is written there (how scripts/fuzz.sh
 * makes the seeds, in the format of the build that fuzzes).  Whatever
 * loads is described, linted, planned and scanned (every measure with a
 * protocol, both sides, from a still skeleton the last byte places). */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset-image.h"

/* A capture of two seconds of a still MediaPipe skeleton, its joints
 * placed from the knob: what a scan with the rule set's protocols reads. */
static LimberCapture *
still_capture (uint8_t knob)
{
  LimberCapture *capture = limber_capture_new (LIMBER_LANDMARKS_MEDIAPIPE_POSE, 640, 480);
  double landmarks[33 * 4];
  for (unsigned i = 0; i < 33; i++)
    {
      landmarks[4 * i] = 0.2 + 0.6 * ((i * 37 + knob) % 101) / 100.0;
      landmarks[4 * i + 1] = 0.1 + 0.8 * ((i * 53 + knob * 7) % 97) / 96.0;
      landmarks[4 * i + 2] = 0;
      landmarks[4 * i + 3] = 0.9;
    }
  for (unsigned f = 0; f < 60; f++)
    if (!limber_capture_add_frame (capture, f * 33.4, landmarks, 33, NULL))
      {
        fprintf (stderr, "fuzz-compiled: the still skeleton's frame %u was refused\n", f);
        abort ();
      }
  return capture;
}

/* Every measure with a scan protocol scanned on both sides, and its
 * instructions read: what a compiled protocol's landmarks reach. */
static void
scan_all (const LimberRuleset *rs, uint8_t knob)
{
  LimberCapture *capture = still_capture (knob);
  for (unsigned m = 0; m < limber_ruleset_get_n_measures (rs); m++)
    {
      const char *id = limber_measure_get_id (limber_ruleset_get_measure (rs, m));
      if (limber_ruleset_get_scan_instructions (rs, id, NULL, NULL) == NULL)
        continue;
      for (int side = LIMBER_SIDE_LEFT; side <= LIMBER_SIDE_RIGHT; side++)
        {
          LimberScanResult *r = limber_scan_result_new (rs, id, (LimberSide) side, capture, NULL);
          if (r != NULL)
            g_free (limber_scan_result_to_json (r, FALSE));
          limber_scan_result_free (r);
        }
    }
  limber_capture_free (capture);
}

static void
exercise (LimberRuleset *rs, uint8_t knob)
{
  scan_all (rs, knob);
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
        {
          fprintf (stderr, "fuzz-compiled: cannot write %s\n", out);
          abort ();
        }
      g_bytes_unref (body);
    }
  LimberRuleset *back = limber_ruleset_new_from_data (g_bytes_get_data (image, NULL),
                                                      (gssize) g_bytes_get_size (image), "fuzz.limberc", &error);
  if (back == NULL)
    {
      /* a rule set that loaded from XML must load compiled */
      fprintf (stderr, "fuzz-compiled: %s\n", error->message);
      abort ();
    }
  char *a = limber_ruleset_to_json (xml, FALSE), *b = limber_ruleset_to_json (back, FALSE);
  if (strcmp (a, b) != 0)
    {
      fprintf (stderr, "fuzz-compiled: the compiled rule set describes itself otherwise than its XML\n");
      abort ();
    }
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
