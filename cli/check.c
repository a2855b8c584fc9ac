/* limber check FILE.xml */
#include <stdio.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_check (int argc, char **argv)
{
  gboolean strict = FALSE;
  GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Lint too (limber lint): fail on any error or warning", NULL },
    { NULL },
  };
  if (!limber_cli_parse ("check", "FILE.xml", "Validate a rule set: schema, then references and ranges.", entries,
                         &argc, &argv, 1))
    return LIMBER_EXIT_USAGE;
  if (argc < 2)
    {
      fprintf (stderr, "limber check: missing FILE.xml; expected the rule set to check (try 'limber check --help')\n");
      return LIMBER_EXIT_USAGE;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (argv[1], &error);
  if (rs == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return LIMBER_EXIT_FAILED;
    }
  printf ("%s: ok: %s %s, %u exercises, %u rules, %u questions, %u measures\n", argv[1], limber_ruleset_get_id (rs),
          limber_ruleset_get_version (rs), limber_ruleset_get_n_exercises (rs), limber_ruleset_get_n_rules (rs),
          limber_ruleset_get_n_questions (rs), limber_ruleset_get_n_measures (rs));
  if (!strict)
    return LIMBER_EXIT_OK;
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  g_autofree char *findings = limber_lint_report_to_text (report);
  fputs (findings, stdout);
  return limber_lint_report_count (report, LIMBER_LINT_WARNING) > 0 ? LIMBER_EXIT_FAILED : LIMBER_EXIT_OK;
}
