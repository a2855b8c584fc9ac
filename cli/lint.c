/* limber lint [--rules FILE] [--format text|json] [FILE.xml] */
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_lint (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *rules = NULL, *format = NULL;
  GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set to lint (the same as FILE.xml)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: text or json (default text)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("lint", "[FILE.xml]",
                         "Find what a valid rule set gets wrong: rules that can never fire, shadowed actions,\n"
                         "unreachable exercises and ladder steps, duplicates, placeholder messages and sources.\n"
                         "Exit 1 when there is an error or a warning. Without a file, lints the built-in rule set.",
                         entries, &argc, &argv, 1))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("lint", format, "text", (const char *const[]) { "text", "json", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  if (rules != NULL && argc > 1 && strcmp (rules, argv[1]) != 0)
    {
      fprintf (stderr, "limber lint: --rules %s and %s; expected one rule set\n", rules, argv[1]);
      return LIMBER_EXIT_USAGE;
    }
  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (argc > 1 ? argv[1] : rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  g_autofree char *text = NULL;
  if (strcmp (fmt, "json") == 0)
    {
      g_autofree char *json = limber_lint_report_to_json (report, TRUE);
      text = g_strconcat (json, "\n", NULL);
    }
  else
    text = limber_lint_report_to_text (report);
  if (!limber_cli_write (output, text, strlen (text)))
    return LIMBER_EXIT_FAILED;
  unsigned errors = limber_lint_report_count (report, LIMBER_LINT_ERROR);
  unsigned warnings = limber_lint_report_count (report, LIMBER_LINT_WARNING) - errors;
  if (strcmp (fmt, "text") == 0)
    fprintf (stderr, "%s: %u error%s, %u warning%s\n", argc > 1 ? argv[1] : rules ? rules : "built-in rule set",
             errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  return errors + warnings > 0 ? LIMBER_EXIT_FAILED : LIMBER_EXIT_OK;
}
