/* limber check FILE.xml */
#include <stdio.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_check (int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
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
  return LIMBER_EXIT_OK;
}
