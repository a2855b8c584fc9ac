/* libFuzzer target: a landmarks JSON file (docs/scan.md), read as a capture
 * and, when it loads, scanned for both sides of every measure of the
 * built-in rule set, each result written as JSON: whatever the frames hold,
 * a scan returns a result or an error, never a crash, and a usable result
 * has a finite angle. */
#include "fuzz-common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const LimberRuleset *rs = limber_fuzz_rules ();
  GError *error = NULL;
  LimberCapture *capture = limber_capture_new_from_json ((const char *) data, (gssize) size, "fuzz.json", &error);
  if (capture == NULL)
    {
      g_error_free (error);
      return 0;
    }
  for (unsigned i = 0; i < limber_ruleset_get_n_measures (rs); i++)
    for (int side = LIMBER_SIDE_LEFT; side <= LIMBER_SIDE_RIGHT; side++)
      {
        const char *id = limber_measure_get_id (limber_ruleset_get_measure (rs, i));
        LimberScanResult *r = limber_scan_result_new (rs, id, (LimberSide) side, capture, NULL);
        if (r == NULL)
          abort ();  /* every default measure has a protocol and the side is valid */
        if (limber_scan_result_is_usable (r) && !isfinite (limber_scan_result_get_angle (r)))
          {
            fprintf (stderr, "%s: a usable result without a finite angle\n", id);
            abort ();
          }
        g_free (limber_scan_result_to_json (r, TRUE));
        limber_scan_result_free (r);
      }
  limber_capture_free (capture);
  return 0;
}
