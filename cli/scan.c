/* limber scan --protocol MEASURE --side left|right --landmarks FILE [...]
 *             [--profile FILE [--date YYYY-MM-DD]] [--format text|json]
 *             [--instructions [--lang LANG]] [--rules FILE] [--output FILE]
 *
 * Each --protocol/--side/--landmarks triple (in the order given) is one
 * filmed test; docs/scan.md. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

static void
append_text (GString *out, const LimberScanResult *r, const char *file)
{
  const char *side = limber_scan_result_get_side (r) == LIMBER_SIDE_LEFT ? "left" : "right";
  if (limber_scan_result_is_usable (r))
    {
      double start, end;
      limber_scan_result_get_hold (r, &start, &end);
      g_string_append_printf (out, "%s, %s side: %.1f degrees (held %.1f s) from %s\n",
                              limber_scan_result_get_measure (r), side, limber_scan_result_get_angle (r),
                              (end - start) / 1000, file);
    }
  else
    g_string_append_printf (out, "%s, %s side: refused, film it again (%s):\n", limber_scan_result_get_measure (r),
                            side, file);
  for (unsigned i = 0; i < limber_scan_result_get_n_reasons (r); i++)
    {
      gboolean refusal;
      const char *why = limber_scan_result_get_reason (r, i, NULL, &refusal);
      g_string_append_printf (out, "  %s %s\n", refusal ? "-" : "note:", why);
    }
}

int
limber_cmd_scan (int argc, char **argv)
{
  g_auto (GStrv) protocols = NULL, sides = NULL, landmarks = NULL;
  g_autofree char *rules = NULL, *format = NULL, *profile_path = NULL, *date = NULL, *output = NULL, *lang = NULL;
  gboolean instructions = FALSE;
  GOptionEntry entries[] = {
    { "protocol", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &protocols,
      "The test filmed: a measure id of the rule set (hamstring.slr); once per test", "MEASURE" },
    { "side", 's', 0, G_OPTION_ARG_STRING_ARRAY, &sides, "The side filmed, left or right; once per test", "SIDE" },
    { "landmarks", 'l', 0, G_OPTION_ARG_FILENAME_ARRAY, &landmarks,
      "The test's landmarks file (MediaPipe Pose or COCO JSON, docs/scan.md); once per test", "FILE" },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &profile_path,
      "Add the results to this profile and print it as JSON (both sides of each measure needed)", "FILE" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, "With --profile: add them as a re-scan of this day", "YYYY-MM-DD" },
    { "instructions", 0, 0, G_OPTION_ARG_NONE, &instructions,
      "Print what the person is told to do for each --protocol, and stop", NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "With --instructions: their language, en, de or es (default: the locale's when limber speaks it, else en)",
      "LANG" },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set (default: the built-in one)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: text or json (default text)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL },
  };
  if (!limber_cli_parse ("scan", "",
                         "Measure range of motion from a camera's pose landmarks: each --protocol, --side and\n"
                         "--landmarks (in that order, once per filmed test) gives the held angle or refuses the\n"
                         "capture with its reasons. Exit 1 when a capture is refused.",
                         entries, &argc, &argv, 0))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("scan", format, "text", (const char *const[]) { "text", "json", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  guint n = protocols ? g_strv_length (protocols) : 0;
  if (n == 0)
    {
      fprintf (stderr, "limber scan: no --protocol; expected a measure id such as --protocol hamstring.slr\n");
      return LIMBER_EXIT_USAGE;
    }
  if (date != NULL && profile_path == NULL)
    {
      fprintf (stderr, "limber scan: --date without --profile; expected --profile FILE to add the re-scan to\n");
      return LIMBER_EXIT_USAGE;
    }
  if (lang != NULL && !instructions)
    {
      fprintf (stderr, "limber scan: --lang without --instructions; expected --instructions to print them in a "
               "language (a scan's results are data)\n");
      return LIMBER_EXIT_USAGE;
    }
  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  if (lang != NULL)
    {
      /* a language limber does not speak, then one this rule set has no
       * translation into, is the command line's mistake, said once before
       * any measure (the instructions check the language before the
       * measure, so an options error for a measure the rule set has is the
       * language's) */
      g_autoptr (LimberOptions) options = limber_options_new ();
      if (!limber_cli_set_language ("scan", options, lang))
        return LIMBER_EXIT_USAGE;
      g_autoptr (GError) error = NULL;
      if (limber_ruleset_lookup_measure (rs, protocols[0]) != NULL
          && limber_ruleset_get_scan_instructions (rs, protocols[0], lang, &error) == NULL
          && g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS))
        {
          fprintf (stderr, "limber scan: --lang %s: %s\n", lang, error->message);
          return LIMBER_EXIT_USAGE;
        }
    }
  if (instructions)
    {
      GString *out = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GError) error = NULL;
          const char *text = limber_ruleset_get_scan_instructions (rs, protocols[i], limber_cli_language (lang), &error);
          if (text == NULL)
            {
              fprintf (stderr, "limber scan: --protocol %s: %s\n", protocols[i], error->message);
              g_string_free (out, TRUE);
              return LIMBER_EXIT_FAILED;
            }
          g_string_append_printf (out, "%s: %s\n", protocols[i], text);
        }
      gboolean ok = limber_cli_write (output, out->str, out->len);
      g_string_free (out, TRUE);
      return ok ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
    }
  guint n_sides = sides ? g_strv_length (sides) : 0, n_files = landmarks ? g_strv_length (landmarks) : 0;
  if (n_sides != n || n_files != n)
    {
      fprintf (stderr, "limber scan: %u --protocol, %u --side, %u --landmarks; expected one of each per test\n", n,
               n_sides, n_files);
      return LIMBER_EXIT_USAGE;
    }
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_scan_result_free);
  gboolean all_usable = TRUE;
  for (guint i = 0; i < n; i++)
    {
      LimberSide side;
      if (strcmp (sides[i], "left") == 0)
        side = LIMBER_SIDE_LEFT;
      else if (strcmp (sides[i], "right") == 0)
        side = LIMBER_SIDE_RIGHT;
      else
        {
          fprintf (stderr, "limber scan: --side %s: unknown side; expected left or right\n", sides[i]);
          return LIMBER_EXIT_USAGE;
        }
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberCapture) capture = limber_capture_new_from_file (landmarks[i], &error);
      LimberScanResult *r = capture ? limber_scan_result_new (rs, protocols[i], side, capture, &error) : NULL;
      if (r == NULL)
        {
          fprintf (stderr, "limber scan: %s\n", error->message);
          return LIMBER_EXIT_FAILED;
        }
      all_usable &= limber_scan_result_is_usable (r);
      g_ptr_array_add (results, r);
    }
  if (profile_path != NULL)
    {
      g_autoptr (LimberProfile) profile = limber_cli_load_profile (rs, profile_path);
      if (profile == NULL)
        return LIMBER_EXIT_FAILED;
      g_autoptr (GError) error = NULL;
      if (!limber_profile_add_scan_results (profile, rs, date, (const LimberScanResult *const *) results->pdata,
                                            results->len, &error))
        {
          fprintf (stderr, "limber scan: %s: %s\n", profile_path, error->message);
          return LIMBER_EXIT_FAILED;
        }
      g_autofree char *json = limber_profile_to_json (profile, TRUE);
      g_autofree char *text = g_strconcat (json, "\n", NULL);
      return limber_cli_write (output, text, strlen (text)) ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
    }
  GString *out = g_string_new (NULL);
  if (strcmp (fmt, "json") == 0)
    {
      g_string_append (out, "{\"results\": [\n");
      for (guint i = 0; i < results->len; i++)
        {
          g_autofree char *json = limber_scan_result_to_json (results->pdata[i], FALSE);
          g_string_append_printf (out, "  %s%s\n", json, i + 1 < results->len ? "," : "");
        }
      g_string_append (out, "]}\n");
    }
  else
    for (guint i = 0; i < results->len; i++)
      append_text (out, results->pdata[i], landmarks[i]);
  gboolean ok = limber_cli_write (output, out->str, out->len);
  g_string_free (out, TRUE);
  if (!ok)
    return LIMBER_EXIT_FAILED;
  return all_usable ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}
