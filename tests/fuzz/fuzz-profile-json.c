/* libFuzzer target: a JSON profile, read against the built-in rule set, then
 * (when it loads) generated and written in every output format.
 *
 * Differential too: whatever the fast path reads (profile-json-fast.c), the
 * full reader must read as well, into the same profile; whatever the full
 * reader refuses, the fast path must have refused. */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile-private.h"

static void
same_as_full_reader (const uint8_t *data, size_t size)
{
  const LimberRuleset *rs = limber_fuzz_rules ();
  LimberProfile *fast = limber_profile_read_json_fast (rs, (const char *) data, size);
  GError *error = NULL;
  LimberProfile *full = limber_profile_read_json_full (rs, (const char *) data, size, "fuzz.json", &error);
  if (fast != NULL && full == NULL)
    {
      fprintf (stderr, "the fast path read a profile the full reader refuses: %s\n", error->message);
      abort ();
    }
  if (fast != NULL)
    {
      char *a = limber_profile_to_json (fast, FALSE), *b = limber_profile_to_json (full, FALSE);
      if (strcmp (a, b) != 0)
        {
          fprintf (stderr, "the fast path and the full reader differ:\n%s\n%s\n", a, b);
          abort ();
        }
      g_free (a);
      g_free (b);
    }
  if (error != NULL)
    g_error_free (error);
  if (fast != NULL)
    limber_profile_free (fast);
  if (full != NULL)
    limber_profile_free (full);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size <= LIMBER_PROFILE_MAX_BYTES_DEFAULT)
    same_as_full_reader (data, size);
  return limber_fuzz_profile (data, size, limber_profile_new_from_json, "fuzz.json");
}
