/* limber describe [--rules FILE] --format json|json-schema|text [--lang en|de|es] */
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_describe (int argc, char **argv)
{
  g_autofree char *rules = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL, *lang = NULL;
  GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set to describe (default: the built-in one)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json, json-schema (a JSON Schema of this rule set's profiles) or text (default: text)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "Language of the texts a person reads (names, steps, questions...): en, de or es (default en)", "LANG" },
    { NULL },
  };
  if (!limber_cli_parse ("describe", "", "Describe a rule set's questions, measures, scores, exercises and rules.",
                         entries, &argc, &argv, 0))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("describe", format, "text",
                                      (const char *const[]) { "json", "json-schema", "text", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  if (strcmp (fmt, "json") == 0)
    {
      g_autofree char *json = limber_ruleset_to_json_in (rs, TRUE, lang, &error);
      if (json == NULL)
        {
          fprintf (stderr, "limber describe: --lang %s: %s\n", lang, error->message);
          return LIMBER_EXIT_USAGE;
        }
      text = g_strconcat (json, "\n", NULL);
    }
  else if (strcmp (fmt, "json-schema") == 0)
    {
      /* what an editor checks a profile for this rule set with */
      char *schema = limber_ruleset_to_profile_schema (rs, TRUE);
      text = g_strconcat (schema, "\n", NULL);
      g_free (schema);
    }
  else if ((text = limber_ruleset_to_text_in (rs, lang, &error)) == NULL)
    {
      fprintf (stderr, "limber describe: --lang %s: %s\n", lang, error->message);
      return LIMBER_EXIT_USAGE;
    }
  return limber_cli_write (output, text, strlen (text)) ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}
