/* limber coverage [--rules FILE] [--format text|json] [--min PERCENT]
 *                 (CASES... | --population N [--seed S] [--threads T]) */
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"
#include "progress.h"

int
limber_cmd_coverage (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *rules = NULL, *format = NULL, *min = NULL, *population = NULL, *seed = NULL,
                   *threads = NULL;
  GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set (default: the built-in one)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: text or json (default text)", "FORMAT" },
    { "min", 0, 0, G_OPTION_ARG_STRING, &min, "Fail (exit 1) when under PERCENT of the rules fired", "PERCENT" },
    { "population", 'n', 0, G_OPTION_ARG_STRING, &population, "Generate N varied profiles instead of running cases",
      "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Seed of the population (default 0)", "S" },
    { "threads", 'j', 0, G_OPTION_ARG_STRING, &threads,
      "Plan the population on T threads (default: one per processor; the counts are the same)", "T" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("coverage", "[CASES...]",
                         "Which rules fired, exercises were selected, red flags and score categories were reached,\n"
                         "over test cases or a generated population of profiles.",
                         entries, &argc, &argv, G_MAXINT))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("coverage", format, "text", (const char *const[]) { "text", "json", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  if ((argc < 2) == (population == NULL))
    {
      fprintf (stderr, "limber coverage: %s; expected test-case files or --population N, not both "
                       "(try 'limber coverage --help')\n", argc < 2 ? "nothing to run" : "CASES with --population");
      return LIMBER_EXIT_USAGE;
    }
  if ((seed || threads) && !population)
    {
      fprintf (stderr, "limber coverage: %s without --population; expected --population N with it\n",
               seed ? "--seed" : "--threads");
      return LIMBER_EXIT_USAGE;
    }
  double min_percent = 0;
  if (min != NULL)
    {
      char *end = NULL;
      min_percent = g_ascii_strtod (min, &end);
      if (end == min || *end != '\0' || !(min_percent >= 0 && min_percent <= 100))
        {
          fprintf (stderr, "limber coverage: --min %s: not a percentage; expected a number from 0 to 100\n", min);
          return LIMBER_EXIT_USAGE;
        }
    }
  guint64 n = 0, s = 0, t = 0;
  if (population && !limber_cli_parse_unsigned ("coverage", "--population", population, 0, 1000000, &n))
    return LIMBER_EXIT_USAGE;
  if (seed && !limber_cli_parse_unsigned ("coverage", "--seed", seed, 0, G_MAXUINT64, &s))
    return LIMBER_EXIT_USAGE;
  if (threads && !limber_cli_parse_unsigned ("coverage", "--threads", threads, 1, 64, &t))
    return LIMBER_EXIT_USAGE;

  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  g_autoptr (LimberCoverage) coverage = limber_coverage_new (rs);
  limber_coverage_set_threads (coverage, (unsigned) t);
  g_autoptr (GError) error = NULL;
  LimberCliProgress progress;
  limber_cli_progress_begin (&progress, "limber coverage");
  limber_coverage_set_progress (coverage, limber_cli_progress, &progress);
  gboolean populated = !population || limber_coverage_add_population (coverage, (unsigned) n, s, &error);
  limber_cli_progress_end (&progress);
  if (!populated)
    {
      fprintf (stderr, "limber coverage: %s\n", error->message);
      return error->code == LIMBER_ERROR_OPTIONS ? LIMBER_EXIT_USAGE : LIMBER_EXIT_FAILED;
    }
  gboolean ran_all = TRUE;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (LimberTestCase) tc = limber_testcase_new_from_file (argv[i], &local);
      /* a case that does not run leaves a hole in the figures: say so, and fail */
      if (tc == NULL || !limber_coverage_add_testcase (coverage, tc, &local))
        {
          fprintf (stderr, "%s\n", local->message);
          ran_all = FALSE;
        }
    }
  g_autofree char *text = NULL;
  if (strcmp (fmt, "json") == 0)
    {
      g_autofree char *json = limber_coverage_to_json (coverage, TRUE);
      text = g_strconcat (json, "\n", NULL);
    }
  else
    text = limber_coverage_to_text (coverage);
  if (!limber_cli_write (output, text, strlen (text)))
    return LIMBER_EXIT_FAILED;
  double percent = limber_coverage_get_percent (coverage, LIMBER_COVERAGE_RULES);
  if (min != NULL && percent < min_percent)
    {
      fprintf (stderr, "limber coverage: %.1f%% of the rules fired; expected at least %g%%\n", percent, min_percent);
      return LIMBER_EXIT_FAILED;
    }
  return ran_all ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}
