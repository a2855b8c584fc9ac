/*
 * bench-conditions: limber's side of the anchor table (bench/anchors/).
 *
 *   bench-conditions RULES.xml EXPORT_DIR
 *
 * Reads the profiles export.py wrote (profiles.jsonl) against the rule set,
 * then times, per profile, on one thread: the facts and every rule's
 * condition (what a rules engine does: limber_facts_new() and
 * limber_cond_eval() over every rule), the same over the synthetic rules
 * only (what the anchors run), and a whole plan (limber_generate()).  The
 * synthetic rules fired must add up to expected.json's count, which
 * bench/anchors/run.sh checks: the engines are held to the same figure.
 * Prints one JSON line per figure.
 *
 * It reaches into the engine (facts.h), so it links the engine's objects as
 * the tests do.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <limber.h>

#include "facts.h"
#include "ruleset-private.h"

static double
cpu_seconds (void)
{
  struct timespec t;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void
report (const char *what, guint rules, guint profiles, double cpu, guint64 fired)
{
  printf ("{\"engine\": \"%s\", \"rules\": %u, \"profiles\": %u, \"cpu_s\": %.6f, \"us_per_profile\": %.3f, "
          "\"evaluations_per_s\": %.0f, \"fired\": %" G_GUINT64_FORMAT "}\n",
          what, rules, profiles, cpu, cpu / profiles * 1e6, (double) rules * profiles / cpu, fired);
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-conditions RULES.xml EXPORT_DIR\n");
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (argv[1], &error);
  if (rs == NULL)
    g_error ("%s", error->message);
  g_autofree char *path = g_build_filename (argv[2], "profiles.jsonl", NULL);
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_profile_free);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l; l++)
    if (**l)
      {
        LimberProfile *p = limber_profile_new_from_json (rs, *l, -1, path, &error);
        if (p == NULL)
          g_error ("%s", error->message);
        g_ptr_array_add (profiles, p);
      }

  /* the synthetic rules, by index */
  g_autoptr (GArray) synthetic = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < rs->rules->len; r++)
    if (g_str_has_prefix (((LimberRule *) g_ptr_array_index (rs->rules, r))->id, "synthetic-"))
      g_array_append_val (synthetic, r);

  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 24, 11, 2026);
  for (int pass = 0; pass < 2; pass++)
    {
      /* pass 0: every rule; pass 1: the synthetic rules, as the anchors run them */
      guint n_rules = pass == 0 ? rs->rules->len : synthetic->len;
      guint64 fired = 0;
      double c0 = cpu_seconds ();
      for (guint i = 0; i < profiles->len; i++)
        {
          LimberFacts *f = limber_facts_new (rs, g_ptr_array_index (profiles, i), &start);
          for (guint k = 0; k < n_rules; k++)
            {
              guint r = pass == 0 ? k : g_array_index (synthetic, guint, k);
              fired += limber_cond_eval (((LimberRule *) g_ptr_array_index (rs->rules, r))->when, f);
            }
          limber_facts_free (f);
        }
      report (pass == 0 ? "limber: facts and every rule's condition" : "limber: facts and the synthetic rules",
              n_rules, profiles->len, cpu_seconds () - c0, fired);
    }

  g_autoptr (LimberOptions) options = limber_options_new ();
  limber_options_set_start (options, "2026-11-24", NULL);
  limber_options_set_seed (options, 1);
  double c0 = cpu_seconds ();
  for (guint i = 0; i < profiles->len; i++)
    limber_plan_free (limber_generate (rs, g_ptr_array_index (profiles, i), options, NULL));
  report ("limber: a whole plan", rs->rules->len, profiles->len, cpu_seconds () - c0, 0);
  return 0;
}
