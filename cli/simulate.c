/* limber simulate --profile FILE --weeks N [--adherence 0..1] [--response MODEL]
 *                 [--seed N] [--start DATE] [--rules FILE] [--format json|csv] [-o FILE]
 *                 [--max-profile-bytes N] [--lang en|de|es] */
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_simulate (int argc, char **argv)
{
  g_autofree char *profile_path = NULL, *rules = NULL, *start = NULL, *weeks = NULL, *seed = NULL;
  g_autofree char *adherence = NULL, *response = NULL, *format = NULL, *output = NULL;
  g_autofree char *max_profile_bytes = NULL, *lang = NULL;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, "The starting profile, JSON or XML ('-': standard input)",
      "FILE" },
    { "max-profile-bytes", 0, 0, G_OPTION_ARG_STRING, &max_profile_bytes,
      "Refuse a profile larger than N bytes (default 1048576, 1 MiB; at most 1 GiB)", "N" },
    { "weeks", 'w', 0, G_OPTION_ARG_STRING, &weeks, "Weeks to simulate, 1 to 52 (default 8)", "N" },
    { "adherence", 'a', 0, G_OPTION_ARG_STRING, &adherence, "Share of planned sessions done, 0 to 1 (default 0.9)", "X" },
    { "response", 0, 0, G_OPTION_ARG_STRING, &response, "improving, plateau or flare-up (default improving)", "MODEL" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Seed (default 0)", "N" },
    { "start", 's', 0, G_OPTION_ARG_STRING, &start, "First day of the first week (default: today)", "YYYY-MM-DD" },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set (default: the built-in one)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: json or csv (default json)", "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "Language of the weeks' advice: en, de or es (default en: the output is data, not the locale's)", "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("simulate", "", "Simulate weeks of a program with synthetic logs and print the trajectory.",
                         entries, &argc, &argv, 0))
    return LIMBER_EXIT_USAGE;
  if (profile_path == NULL)
    {
      fprintf (stderr, "limber simulate: missing --profile FILE; expected the starting profile\n");
      return LIMBER_EXIT_USAGE;
    }
  guint64 max_bytes = 0;
  if (max_profile_bytes
      && !limber_cli_parse_unsigned ("simulate", "--max-profile-bytes", max_profile_bytes, 1,
                                     LIMBER_CLI_MAX_PROFILE_BYTES, &max_bytes))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("simulate", format, "json", (const char *const[]) { "json", "csv", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  LimberResponse model = LIMBER_RESPONSE_IMPROVING;
  if (response && !limber_response_from_string (response, &model))
    {
      fprintf (stderr, "limber simulate: --response %s: unknown model; expected improving, plateau or flare-up\n",
               response);
      return LIMBER_EXIT_USAGE;
    }
  guint64 n_weeks = 8;
  if (weeks && !limber_cli_parse_unsigned ("simulate", "--weeks", weeks, 1, 52, &n_weeks))
    return LIMBER_EXIT_USAGE;
  double share = 0.9;
  if (adherence)
    {
      char *end = NULL;
      share = g_ascii_strtod (adherence, &end);
      if (end == adherence || *end != '\0' || !(share >= 0 && share <= 1))
        {
          fprintf (stderr, "limber simulate: --adherence %s: not a share; expected a number from 0 to 1\n", adherence);
          return LIMBER_EXIT_USAGE;
        }
    }
  g_autoptr (LimberOptions) options = limber_cli_options ("simulate", start, NULL, seed);
  if (options == NULL || (lang != NULL && !limber_cli_set_language ("simulate", options, lang)))
    return LIMBER_EXIT_USAGE;

  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  g_autoptr (LimberProfile) profile = limber_cli_load_profile_bounded (rs, profile_path, "simulate",
                                                                               max_profile_bytes);
  if (profile == NULL)
    return LIMBER_EXIT_FAILED;
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberSimulation) sim = limber_simulate (rs, profile, options, (unsigned) n_weeks, share, model, &error);
  if (sim == NULL)
    {
      fprintf (stderr, "limber simulate: %s\n", error->message);
      return LIMBER_EXIT_FAILED;
    }
  g_autofree char *text = NULL;
  if (strcmp (fmt, "csv") == 0)
    text = limber_simulation_to_csv (sim);
  else
    {
      g_autofree char *json = limber_simulation_to_json (sim, TRUE);
      text = g_strconcat (json, "\n", NULL);
    }
  return limber_cli_write (output, text, strlen (text)) ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}
