/* limber audit [--rules FILE] [--format text|json] [-o FILE] [--start DATE] [--seed S] [THRESHOLDS...]
 *              (PROFILES... | --population N [--threads T] [--show K])
 * Session-quality figures (include/limber/audit.h, docs/audit.md). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <limber.h>

#include "commands.h"
#include "progress.h"

/* The thresholds, in the order they are checked and reported. */
static const struct {
  const char *option;
  LimberAuditFigure figure;
  LimberAuditBound bound;
  gboolean share;           /* a share: from 0 to 1 */
  const char *help;
} thresholds[] = {
  { "min-median-fill", LIMBER_AUDIT_FILL_MEDIAN, LIMBER_AUDIT_AT_LEAST, FALSE, "Fail when the median fill is under X (0.90: 90%)" },
  { "max-median-fill", LIMBER_AUDIT_FILL_MEDIAN, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when the median fill is over X" },
  { "max-under-85", LIMBER_AUDIT_FILL_UNDER_85, LIMBER_AUDIT_AT_MOST, TRUE, "Fail when more than a share X of sessions fill under 85%" },
  { "max-outside-90-110", LIMBER_AUDIT_FILL_OUTSIDE_90_110, LIMBER_AUDIT_AT_MOST, TRUE, "Fail when more than a share X of sessions fill outside 90-110%" },
  { "min-fill", LIMBER_AUDIT_FILL_MIN, LIMBER_AUDIT_AT_LEAST, FALSE, "Fail when a session fills less than X" },
  { "max-fill", LIMBER_AUDIT_FILL_MAX, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when a session fills more than X" },
  { "max-median-changes", LIMBER_AUDIT_CHANGES_MEDIAN, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when the median of position changes is over X" },
  { "max-changes", LIMBER_AUDIT_CHANGES_MAX, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when a session changes position more than X times" },
  { "max-variant-pairs", LIMBER_AUDIT_VARIANT_PAIRS_MAX, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when a session holds more than X exercise/seated-variant pairs" },
  { "max-same-target-pairs", LIMBER_AUDIT_SAME_TARGET_PAIRS_MAX, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when a session holds more than X pairs with the same primary targets" },
  { "min-median-core", LIMBER_AUDIT_CORE_MEDIAN, LIMBER_AUDIT_AT_LEAST, FALSE, "Fail when the median of exercises on every training day is under X" },
  { "max-median-distinct", LIMBER_AUDIT_DISTINCT_MEDIAN, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when the median of distinct exercises in a week is over X" },
  { "min-coverage", LIMBER_AUDIT_COVERAGE, LIMBER_AUDIT_AT_LEAST, TRUE, "Fail when under a share X of focus measures are covered on training days" },
  { "max-gaps", LIMBER_AUDIT_GAPS, LIMBER_AUDIT_AT_MOST, FALSE, "Fail when more than X focus measures have no allowed exercise" },
  { "min-reasons", LIMBER_AUDIT_REASONS, LIMBER_AUDIT_AT_LEAST, TRUE, "Fail when under a share X of items have a plain-language reason" },
};

#define N_THRESHOLDS G_N_ELEMENTS (thresholds)
#define N_FIXED 9

/* --show K: profile K of the population, as JSON, and its plan, as text. */
static int
show_profile (const LimberRuleset *rs, guint64 seed, const char *start, unsigned k, LimberOptions *options,
              const char *output)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) profile = limber_audit_population_profile (rs, seed, start, k - 1, &error);
  if (profile == NULL)
    {
      fprintf (stderr, "limber audit: %s\n", error->message);
      return LIMBER_EXIT_USAGE;
    }
  limber_options_set_seed (options, seed + k - 1);
  g_autoptr (LimberPlan) plan = limber_generate (rs, profile, options, &error);
  if (plan == NULL)
    {
      fprintf (stderr, "limber audit: profile %u: %s\n", k, error->message);
      return LIMBER_EXIT_FAILED;
    }
  g_autofree char *json = limber_profile_to_json (profile, TRUE);
  g_autofree char *text = limber_plan_to_text (plan);
  g_autofree char *all = g_strdup_printf ("Profile %u of the population of seed %" G_GUINT64_FORMAT
                                          " (plan seed %" G_GUINT64_FORMAT "):\n%s\n\n%s",
                                          k, seed, seed + k - 1, json, text);
  return limber_cli_write (output, all, strlen (all)) ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}

static int
run (int argc, char **argv, char **limits)
{
  g_autofree char *rules = NULL, *format = NULL, *output = NULL, *population = NULL, *seed = NULL, *start = NULL;
  g_autofree char *max_profile_bytes = NULL, *show = NULL, *threads = NULL;
  GOptionEntry entries[N_FIXED + N_THRESHOLDS + 1] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "Rule set (default: the built-in one)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: text or json (default text)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "population", 'n', 0, G_OPTION_ARG_STRING, &population, "Generate N varied profiles instead of reading PROFILES",
      "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Seed of the population, or of the plans of PROFILES (default 0)", "S" },
    { "start", 's', 0, G_OPTION_ARG_STRING, &start, "First day of every plan (default 2026-01-05)", "YYYY-MM-DD" },
    { "max-profile-bytes", 0, 0, G_OPTION_ARG_STRING, &max_profile_bytes,
      "Refuse a profile file larger than BYTES (default 1048576)", "BYTES" },
    { "show", 0, 0, G_OPTION_ARG_STRING, &show,
      "Instead of the figures, print profile K of the population (as the report names it) and its plan", "K" },
    { "threads", 'j', 0, G_OPTION_ARG_STRING, &threads,
      "Plan the population on T threads (default: one per processor; the figures are the same)", "T" },
  };
  /* an option added above without raising N_FIXED would be overwritten */
  g_assert (entries[N_FIXED - 1].long_name != NULL && entries[N_FIXED].long_name == NULL);
  for (unsigned i = 0; i < N_THRESHOLDS; i++)
    entries[N_FIXED + i]
        = (GOptionEntry) { thresholds[i].option, 0, 0, G_OPTION_ARG_STRING, &limits[i], thresholds[i].help, "X" };
  /* the last entry stays zero: the terminator */
  if (!limber_cli_parse ("audit", "[PROFILES...]",
                         "Session quality over profiles or a generated population: how much of the minutes each\n"
                         "session fills, position changes (standing, chair, floor), an exercise with its own seated\n"
                         "variant, the week's core, deficit coverage and plain-language reasons (docs/audit.md).\n"
                         "Thresholds fail the command (exit 1), naming each figure outside its limit.",
                         entries, &argc, &argv, G_MAXINT))
    return LIMBER_EXIT_USAGE;
  const char *fmt = limber_cli_format ("audit", format, "text", (const char *const[]) { "text", "json", NULL });
  if (fmt == NULL)
    return LIMBER_EXIT_USAGE;
  if ((argc < 2) == (population == NULL))
    {
      fprintf (stderr, "limber audit: %s; expected profile files or --population N, not both "
                       "(try 'limber audit --help')\n", argc < 2 ? "nothing to audit" : "PROFILES with --population");
      return LIMBER_EXIT_USAGE;
    }
  guint64 n = 0, s = 0;
  if (population && !limber_cli_parse_unsigned ("audit", "--population", population, 1, 1000000, &n))
    return LIMBER_EXIT_USAGE;
  if (seed && !limber_cli_parse_unsigned ("audit", "--seed", seed, 0, G_MAXUINT64, &s))
    return LIMBER_EXIT_USAGE;
  guint64 k = 0;
  if (show && !population)
    {
      fprintf (stderr, "limber audit: --show without --population; expected --population N with it\n");
      return LIMBER_EXIT_USAGE;
    }
  if (show && !limber_cli_parse_unsigned ("audit", "--show", show, 1, n, &k))
    return LIMBER_EXIT_USAGE;
  guint64 t = 0;
  if (threads && !population)
    {
      fprintf (stderr, "limber audit: --threads without --population; expected --population N with it\n");
      return LIMBER_EXIT_USAGE;
    }
  if (threads && !limber_cli_parse_unsigned ("audit", "--threads", threads, 1, 64, &t))
    return LIMBER_EXIT_USAGE;
  guint64 bytes = 0;
  if (max_profile_bytes
      && !limber_cli_parse_unsigned ("audit", "--max-profile-bytes", max_profile_bytes, 1,
                                     LIMBER_CLI_MAX_PROFILE_BYTES, &bytes))
    return LIMBER_EXIT_USAGE;
  g_autoptr (LimberOptions) options = limber_cli_options ("audit", start ? start : "2026-01-05", NULL, seed);
  if (options == NULL)
    return LIMBER_EXIT_USAGE;

  double values[N_THRESHOLDS] = { 0 };
  for (unsigned i = 0; i < N_THRESHOLDS; i++)
    {
      if (limits[i] == NULL)
        continue;
      char *end = NULL;
      values[i] = g_ascii_strtod (limits[i], &end);
      double hi = thresholds[i].share ? 1 : G_MAXDOUBLE;
      if (end == limits[i] || *end != '\0' || !isfinite (values[i]) || values[i] < 0 || values[i] > hi)
        {
          fprintf (stderr, "limber audit: --%s %s: not a valid limit; expected %s\n", thresholds[i].option, limits[i],
                   thresholds[i].share ? "a share from 0 to 1 (0.05: 5%)" : "a number, 0 or more");
          return LIMBER_EXIT_USAGE;
        }
    }

  g_autoptr (LimberRuleset) rs = limber_cli_load_rules (rules);
  if (rs == NULL)
    return LIMBER_EXIT_FAILED;
  if (show)
    return show_profile (rs, s, start, (unsigned) k, options, output);
  g_autoptr (LimberAudit) audit = limber_audit_new (rs);
  limber_audit_set_threads (audit, (unsigned) t);
  for (unsigned i = 0; i < N_THRESHOLDS; i++)
    if (limits[i] != NULL)
      {
        g_autofree char *label = g_strconcat ("--", thresholds[i].option, NULL);
        limber_audit_add_threshold (audit, thresholds[i].figure, thresholds[i].bound, values[i], label);
      }
  g_autoptr (GError) error = NULL;
  LimberCliProgress progress;
  limber_cli_progress_begin (&progress, "limber audit");
  limber_audit_set_progress (audit, limber_cli_progress, &progress);
  gboolean populated = !population || limber_audit_add_population (audit, (unsigned) n, s, start, &error);
  limber_cli_progress_end (&progress);
  if (!populated)
    {
      fprintf (stderr, "limber audit: %s\n", error->message);
      return error->code == LIMBER_ERROR_OPTIONS ? LIMBER_EXIT_USAGE : LIMBER_EXIT_FAILED;
    }
  gboolean ran_all = TRUE;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (LimberProfile) profile = limber_cli_load_profile_bounded (rs, argv[i], "audit", max_profile_bytes);
      /* a profile that cannot be planned leaves a hole in the figures: say so, and fail */
      if (profile == NULL)
        ran_all = FALSE;
      else if (!limber_audit_add_profile (audit, profile, options, &local))
        {
          fprintf (stderr, "%s: %s\n", argv[i], local->message);
          ran_all = FALSE;
        }
    }
  g_autofree char *text = NULL;
  if (strcmp (fmt, "json") == 0)
    {
      g_autofree char *json = limber_audit_to_json (audit, TRUE);
      text = g_strconcat (json, "\n", NULL);
    }
  else
    text = limber_audit_to_text (audit);
  if (!limber_cli_write (output, text, strlen (text)))
    return LIMBER_EXIT_FAILED;
  g_autofree char *failed = limber_audit_check (audit);
  if (failed != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (g_strchomp (failed), "\n", -1);
      for (char **line = lines; *line; line++)
        fprintf (stderr, "limber audit: threshold failed: %s\n", *line);
      return LIMBER_EXIT_FAILED;
    }
  return ran_all ? LIMBER_EXIT_OK : LIMBER_EXIT_FAILED;
}

int
limber_cmd_audit (int argc, char **argv)
{
  char *limits[N_THRESHOLDS] = { NULL };
  int status = run (argc, argv, limits);
  for (unsigned i = 0; i < N_THRESHOLDS; i++)
    g_free (limits[i]);
  return status;
}
