/* limber compile FILE.xml [-o FILE.limberc] */
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_compile (int argc, char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (default: FILE.xml's name with .limberc)",
      "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("compile", "FILE.xml",
                         "Check a rule set and write it in compiled form, which loads without XML "
                         "(docs/performance.md).",
                         entries, &argc, &argv, 1))
    return LIMBER_EXIT_USAGE;
  if (argc < 2)
    {
      fprintf (stderr, "limber compile: missing FILE.xml; expected the rule set to compile (try 'limber compile "
                       "--help')\n");
      return LIMBER_EXIT_USAGE;
    }
  const char *input = argv[1];
  if (output == NULL)
    {
      if (g_str_equal (input, "-"))
        {
          fprintf (stderr, "limber compile: -: standard input has no file name to derive the output's from; expected "
                       "--output FILE\n");
          return LIMBER_EXIT_USAGE;
        }
      gsize stem = g_str_has_suffix (input, ".xml") ? strlen (input) - 4 : strlen (input);
      output = g_strdup_printf ("%.*s.limberc", (int) stem, input);
    }
  if (g_str_equal (output, "-"))
    {
      fprintf (stderr, "limber compile: --output -: a compiled rule set is binary; expected a file to write it to\n");
      return LIMBER_EXIT_USAGE;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (input, &error);
  if (rs == NULL || !limber_ruleset_write_compiled (rs, output, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return LIMBER_EXIT_FAILED;
    }
  printf ("%s: compiled %s %s (%u exercises, %u rules) from %s\n", output, limber_ruleset_get_id (rs),
          limber_ruleset_get_version (rs), limber_ruleset_get_n_exercises (rs), limber_ruleset_get_n_rules (rs),
          input);
  return LIMBER_EXIT_OK;
}
