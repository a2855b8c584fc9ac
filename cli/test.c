/* limber test [--rules FILE] [--junit FILE] [-o FILE] CASES... (files, or directories of *.xml) */
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
limber_cmd_test (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *rules = NULL, *junit = NULL;
  GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set under test (default: the built-in one)", "FILE" },
    { "junit", 0, 0, G_OPTION_ARG_FILENAME, &junit, "Also write the results as JUnit XML to FILE", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("test", "CASES...",
                         "Run rule test cases (files, or directories whose *.xml files are cases) and print TAP "
                         "(exit 1 when any fails).",
                         entries, &argc, &argv, G_MAXINT))
    return LIMBER_EXIT_USAGE;
  if (argc < 2)
    {
      fprintf (stderr, "limber test: missing CASES; expected one or more test-case files such as rules/tests/*.xml "
                       "(try 'limber test --help')\n");
      return LIMBER_EXIT_USAGE;
    }
  /* a directory stands for its *.xml files, in name order */
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (argv[i]));
          continue;
        }
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        {
          fprintf (stderr, "limber test: %s\n", error->message);
          return LIMBER_EXIT_FAILED;
        }
      g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
        if (g_str_has_suffix (name, ".xml"))
          g_ptr_array_add (found, g_build_filename (argv[i], name, NULL));
      if (found->len == 0)
        {
          fprintf (stderr, "limber test: %s holds no test case; expected *.xml test-case files in it\n", argv[i]);
          return LIMBER_EXIT_FAILED;
        }
      g_ptr_array_sort (found, compare_paths);
      for (guint k = 0; k < found->len; k++)
        g_ptr_array_add (files, g_strdup (g_ptr_array_index (found, k)));
    }

  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;

  /* a case that cannot be loaded or run is reported like a failed one, so
   * the report lists every case given */
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_test_result_free);
  gboolean all_passed = TRUE;
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberTestCase) tc = limber_testcase_new_from_file (file, &error);
      LimberTestResult *result = tc ? limber_testcase_run (tc, rs, &error) : NULL;
      if (result == NULL)
        result = limber_test_result_new_error (tc, file, error);
      all_passed &= limber_test_result_get_passed (result);
      g_ptr_array_add (results, result);
    }
  const LimberTestResult *const *list = (const LimberTestResult *const *) results->pdata;
  g_autofree char *tap = limber_test_results_to_tap (list, results->len);
  gboolean written = limber_cli_write (output, tap, strlen (tap));
  if (junit != NULL)
    {
      g_autofree char *suite = g_strdup_printf ("%s %s", limber_ruleset_get_id (rs), limber_ruleset_get_version (rs));
      g_autofree char *xml = limber_test_results_to_junit (list, results->len, suite);
      written &= limber_cli_write (junit, xml, strlen (xml));
    }
  return all_passed && written ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}
