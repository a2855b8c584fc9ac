/* What every subcommand needs: option parsing with clear errors, loading the
 * rules, writing the output. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"

static LimberCliDescribeFunc describe_func;
static gpointer describe_data;

void
limber_cli_set_describe (LimberCliDescribeFunc func, gpointer data)
{
  describe_func = func;
  describe_data = data;
}

gboolean
limber_cli_parse (const char *command, const char *params, const char *summary, GOptionEntry *entries,
                  int *argc, char ***argv, int max_positional)
{
  if (describe_func != NULL)
    {
      describe_func (command, params, summary, entries, describe_data);
      return FALSE;
    }
  /* "limber check [OPTION…] FILE.xml": the program name carries the
   * command, the parameter string only what follows the options */
  g_autoptr (GOptionContext) ctx = g_option_context_new (params);
  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autofree char *prgname = g_strdup_printf ("limber %s", command);
  g_set_prgname (prgname);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "limber %s: %s (try 'limber %s --help')\n", command, error->message, command);
      return FALSE;
    }
  for (int i = 1; i < *argc; i++)
    if ((*argv)[i][0] == '-' && (*argv)[i][1] != '\0')
      {
        fprintf (stderr, "limber %s: unknown option %s (try 'limber %s --help')\n", command, (*argv)[i], command);
        return FALSE;
      }
  if (*argc - 1 > max_positional)
    {
      fprintf (stderr, "limber %s: unexpected argument '%s'; expected %s (try 'limber %s --help')\n", command,
               (*argv)[max_positional + 1], params[0] ? params : "no arguments", command);
      return FALSE;
    }
  return TRUE;
}

LimberRuleset *
limber_cli_load_rules (const char *path)
{
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = path ? limber_ruleset_new_from_file (path, &error) : limber_ruleset_new_default (&error);
  if (rs == NULL)
    fprintf (stderr, "%s\n", error->message);
  return rs;
}

gboolean
limber_cli_parse_unsigned (const char *command, const char *option, const char *text, guint64 min, guint64 max,
                           guint64 *out)
{
  g_autoptr (GError) error = NULL;
  if (g_ascii_string_to_unsigned (text, 10, min, max, out, &error))
    return TRUE;
  fprintf (stderr, "limber %s: %s %s: %s; expected %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT " (a whole number)\n",
           command, option, text, error->message, min, max);
  return FALSE;
}

LimberOptions *
limber_cli_options (const char *command, const char *start, const char *days, const char *seed)
{
  g_autoptr (LimberOptions) options = limber_options_new ();
  g_autoptr (GError) error = NULL;
  guint64 value = 0;
  if (start && !limber_options_set_start (options, start, &error))
    {
      fprintf (stderr, "limber %s: --%s\n", command, error->message);
      return NULL;
    }
  /* the range of days is the library's to say: parse anything, let it refuse */
  if (days && (!limber_cli_parse_unsigned (command, "--days", days, 0, G_MAXUINT, &value)
               || !limber_options_set_days (options, (unsigned) value, &error)))
    {
      if (error)
        fprintf (stderr, "limber %s: --%s\n", command, error->message);
      return NULL;
    }
  if (seed)
    {
      if (!limber_cli_parse_unsigned (command, "--seed", seed, 0, G_MAXUINT64, &value))
        return NULL;
      limber_options_set_seed (options, value);
    }
  return g_steal_pointer (&options);
}

/* The first of the variables that is set and not empty, as the C library
 * reads them for one category. */
static const char *
locale_variable (const char *category)
{
  const char *names[] = { "LC_ALL", category, "LANG" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);
      if (value != NULL && value[0] != '\0')
        return value;
    }
  return NULL;
}

gboolean
limber_cli_set_language (const char *command, LimberOptions *options, const char *lang)
{
  /* without --lang the locale's language, which limber_cli_language()
   * only gives when limber speaks it: that cannot fail */
  g_autoptr (GError) error = NULL;
  const char *language = limber_cli_language (lang);
  if (limber_options_set_language (options, language, &error))
    return TRUE;
  fprintf (stderr, "limber %s: --lang %s: %s\n", command, language, error->message);
  return FALSE;
}

const char *
limber_cli_format (const char *command, const char *format, const char *dflt, const char *const *formats)
{
  const char *fmt = format ? format : dflt;
  if (g_strv_contains (formats, fmt))
    return fmt;
  /* "a", "a or b", "a, b or c" */
  g_autoptr (GString) expected = g_string_new (NULL);
  guint n = g_strv_length ((char **) formats);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (expected, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", formats[i]);
  fprintf (stderr, "limber %s: --format %s: unknown format; expected %s\n", command, fmt, expected->str);
  return NULL;
}

const char *
limber_cli_language (const char *lang)
{
  if (lang != NULL)
    return lang;
  /* from the locale only when limber speaks its language: "C", "POSIX" and
   * any other language write English, as before there were languages */
  const char *locale = locale_variable ("LC_MESSAGES");
  g_autoptr (LimberOptions) options = limber_options_new ();
  return locale != NULL && limber_options_set_language (options, locale, NULL) ? locale : "en";
}

int
limber_cli_default_paper (void)
{
  /* the countries that print on Letter (the rest of the world uses A4) */
  static const char *const letter[] = { "US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "GT", "CR", "SV", "NI",
                                        "HN", "PA", "DO" };
  const char *locale = locale_variable ("LC_PAPER");
  const char *sep = locale ? strchr (locale, '_') : NULL;
  for (gsize i = 0; sep != NULL && i < G_N_ELEMENTS (letter); i++)
    if (strncmp (sep + 1, letter[i], 2) == 0 && !g_ascii_isalpha (sep[3]))
      return LIMBER_PAPER_LETTER;
  return LIMBER_PAPER_A4;
}

LimberProfile *
limber_cli_load_profile (const LimberRuleset *rs, const char *path)
{
  return limber_cli_load_profile_bounded (rs, path, NULL, NULL);
}

LimberProfile *
limber_cli_load_profile_bounded (const LimberRuleset *rs, const char *path, const char *command,
                                 const char *max_bytes)
{
  g_autoptr (GError) error = NULL;
  guint64 limit = LIMBER_PROFILE_MAX_BYTES_DEFAULT;
  if (max_bytes
      && !limber_cli_parse_unsigned (command, "--max-profile-bytes", max_bytes, 1, LIMBER_CLI_MAX_PROFILE_BYTES,
                                     &limit))
    return NULL;
  LimberProfile *profile = limber_profile_new_from_file_bounded (rs, path, (gsize) limit, &error);
  if (profile == NULL)
    fprintf (stderr, "%s\n", error->message);
  return profile;
}

gboolean
limber_cli_write (const char *path, const char *text, gsize length)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, "limber: cannot write to standard output: %s\n", g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  /* A regular file is replaced atomically, so a reader never sees half a
   * plan.  Anything else that exists (/dev/null, a FIFO, a terminal) is
   * written in place: replacing it would swap a device for a file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      FILE *out = fopen (path, "wb");
      gboolean ok = out != NULL && fwrite (text, 1, length, out) == length;
      int saved = errno;
      if (out != NULL && fclose (out) != 0 && ok)
        {
          ok = FALSE;
          saved = errno;
        }
      if (!ok)
        fprintf (stderr, "limber: cannot write to %s: %s\n", path, g_strerror (saved));
      return ok;
    }
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, text, (gssize) length, &error))
    {
      fprintf (stderr, "limber: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}
