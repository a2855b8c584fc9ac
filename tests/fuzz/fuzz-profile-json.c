/* libFuzzer target: a JSON profile, read against the built-in rule set, then
 * (when it loads) generated and written in every output format. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return limber_fuzz_profile (data, size, limber_profile_new_from_json, "fuzz.json");
}
