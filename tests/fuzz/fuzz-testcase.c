/* libFuzzer target: a rule test case from bytes; when it loads, it is run
 * against the built-in rule set and its result written as TAP and JUnit. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  /* named inside a folder of its own that holds nothing: a <profile file>
   * finds no file to read */
  LimberTestCase *tc = limber_testcase_new_from_data ((const char *) data, (gssize) size,
                                                      "/nonexistent-limber-fuzz/case.xml", &error);
  if (tc == NULL)
    {
      g_error_free (error);
      return 0;
    }
  LimberTestResult *result = limber_testcase_run (tc, limber_fuzz_rules (), &error);
  if (result == NULL)
    {
      result = limber_test_result_new_error (tc, NULL, error);
      g_clear_error (&error);
    }
  const LimberTestResult *results[] = { result };
  g_free (limber_test_results_to_tap (results, 1));
  g_free (limber_test_results_to_junit (results, 1, "fuzz"));
  g_free (limber_test_result_get_message (result));
  limber_test_result_free (result);
  limber_testcase_free (tc);
  return 0;
}
