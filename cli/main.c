/* limber: the command-line face of liblimber. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

static const LimberCliCommand commands[] = {
  { "check", limber_cmd_check, "validate a rule set and print a summary" },
  { "compile", limber_cmd_compile, "check a rule set and write it compiled, to load without XML" },
  { "describe", limber_cmd_describe, "describe a rule set (JSON or text)" },
  { "plan", limber_cmd_plan, "make a week's plan for a profile" },
  { "simulate", limber_cmd_simulate, "simulate weeks of a program and print the trajectory" },
  { "scan", limber_cmd_scan, "measure range of motion from a camera's pose landmarks" },
  { "test", limber_cmd_test, "run rule test cases and print TAP (and JUnit)" },
  { "coverage", limber_cmd_coverage, "what rules fired over test cases or a population" },
  { "audit", limber_cmd_audit, "session quality over profiles or a population, with thresholds" },
  { "lint", limber_cmd_lint, "find rules that can never fire, shadowed actions, placeholders..." },
};

static void
usage (FILE *to)
{
  fprintf (to, "Usage: limber COMMAND [OPTIONS...]\n\nCommands:\n");
  for (unsigned i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (to, "\nOptions:\n  -h, --help     show this help\n  --version      print the version\n"
               "\n'limber COMMAND --help' shows a command's options.\n");
}

int
main (int argc, char **argv)
{
  /* the user's language and character set for what GLib prints (help,
   * option errors); numbers stay C's everywhere: a plan's "1.5" must not
   * become "1,5" because of where it is printed */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  if (argc < 2)
    {
      usage (stderr);
      return LIMBER_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return LIMBER_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("limber %s\n", limber_version ());
      return LIMBER_EXIT_OK;
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  /* for the build, which installs what they write; not in the usage */
  if (strcmp (argv[1], "--generate-completions") == 0 || strcmp (argv[1], "--generate-man") == 0)
    return limber_cli_generate (commands, G_N_ELEMENTS (commands), argc, argv);
  if (argv[1][0] == '-')
    {
      fprintf (stderr, "limber: unknown option '%s'; expected a command first (try 'limber --help')\n", argv[1]);
      return LIMBER_EXIT_USAGE;
    }
  g_autoptr (GString) names = g_string_new (NULL);
  for (unsigned i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", commands[i].name);
  fprintf (stderr, "limber: unknown command '%s'; expected one of %s (try 'limber --help')\n", argv[1], names->str);
  return LIMBER_EXIT_USAGE;
}
