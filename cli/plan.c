/* limber plan --profile FILE [--rules FILE] [--start DATE] [--days N] [--seed N]
 *             [--format text|json|xml|pdf|html] [--paper a4|letter] [--lang en|de|es] [-o FILE]
 *             [--max-profile-bytes N] */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <limber.h>

#include "commands.h"

int
limber_cmd_plan (int argc, char **argv)
{
  g_autofree char *profile_path = NULL, *rules = NULL, *start = NULL, *days = NULL, *seed = NULL;
  g_autofree char *format = NULL, *output = NULL, *paper = NULL;
  g_autofree char *max_profile_bytes = NULL, *lang = NULL;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, "The person's profile, JSON or XML ('-': standard input)",
      "FILE" },
    { "max-profile-bytes", 0, 0, G_OPTION_ARG_STRING, &max_profile_bytes,
      "Refuse a profile larger than N bytes (default 1048576, 1 MiB; at most 1 GiB)", "N" },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set (default: the built-in one)", "FILE" },
    { "start", 's', 0, G_OPTION_ARG_STRING, &start, "First day of the plan (default: today)", "YYYY-MM-DD" },
    { "days", 'd', 0, G_OPTION_ARG_STRING, &days, "Number of days (default 7, at most 28)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Seed of the weighted choices (default 0)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: text, json, xml, pdf or html (default text)", "FORMAT" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      "Paper of a pdf or html plan: a4 or letter (default: letter where the locale's country uses it, else a4)",
      "PAPER" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "Language of the plan's text: en, de or es (default: the locale's when limber speaks it, else en)", "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("plan", "", "Make a plan for a profile.", entries, &argc, &argv, 0))
    return LIMBER_EXIT_USAGE;
  if (profile_path == NULL)
    {
      fprintf (stderr, "limber plan: missing --profile FILE; expected the person's profile (try 'limber plan --help')\n");
      return LIMBER_EXIT_USAGE;
    }
  guint64 max_bytes = 0;
  if (max_profile_bytes
      && !limber_cli_parse_unsigned ("plan", "--max-profile-bytes", max_profile_bytes, 1,
                                     LIMBER_CLI_MAX_PROFILE_BYTES, &max_bytes))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("plan", format, "text",
                                      (const char *const[]) { "text", "json", "xml", "pdf", "html", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  LimberPaper paper_size = paper ? LIMBER_PAPER_A4 : (LimberPaper) limber_cli_default_paper ();
  if (paper && g_ascii_strcasecmp (paper, "letter") == 0)
    paper_size = LIMBER_PAPER_LETTER;
  else if (paper && g_ascii_strcasecmp (paper, "a4") != 0)
    {
      fprintf (stderr, "limber plan: --paper %s: unknown paper; expected a4 or letter\n", paper);
      return LIMBER_EXIT_USAGE;
    }
  /* a PDF is binary: never sprayed over a terminal */
  gboolean to_stdout = output == NULL || strcmp (output, "-") == 0;
  if (strcmp (fmt, "pdf") == 0 && to_stdout && isatty (STDOUT_FILENO))
    {
      fprintf (stderr, "limber plan: --format pdf: standard output is a terminal; expected -o FILE (or a pipe)\n");
      return LIMBER_EXIT_USAGE;
    }

  g_autoptr (LimberOptions) options = limber_cli_options ("plan", start, days, seed);
  if (options == NULL || !limber_cli_set_language ("plan", options, lang))
    return LIMBER_EXIT_USAGE;

  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  g_autoptr (LimberProfile) profile = limber_cli_load_profile_bounded (rs, profile_path, "plan",
                                                                               max_profile_bytes);
  if (profile == NULL)
    return LIMBER_EXIT_FAILED;
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberPlan) plan = limber_generate (rs, profile, options, &error);
  if (plan == NULL)
    {
      fprintf (stderr, "limber plan: %s\n", error->message);
      return LIMBER_EXIT_FAILED;
    }
  if (strcmp (fmt, "pdf") == 0 || strcmp (fmt, "html") == 0)
    {
      gsize length = 0;
      g_autofree unsigned char *doc = limber_plan_render (
        plan, strcmp (fmt, "pdf") == 0 ? LIMBER_RENDER_PDF : LIMBER_RENDER_HTML, paper_size, &length, &error);
      if (doc == NULL)
        {
          fprintf (stderr, "limber plan: %s\n", error->message);
          return LIMBER_EXIT_FAILED;
        }
      return limber_cli_write (output, (const char *) doc, length) ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
    }
  g_autofree char *text = NULL;
  if (strcmp (fmt, "json") == 0)
    {
      g_autofree char *json = limber_plan_to_json (plan, TRUE);
      text = g_strconcat (json, "\n", NULL);
    }
  else if (strcmp (fmt, "xml") == 0)
    text = limber_plan_to_xml (plan);
  else
    text = limber_plan_to_text (plan);
  return limber_cli_write (output, text, strlen (text)) ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}
