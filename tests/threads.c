/*
 * One rule set, eight threads: each generates plans for its share of a
 * population, writes them in every format, renders them (HTML, and some as
 * PDF) and runs its share of the rule test cases of rules/tests, while the
 * others do the same from the same LimberRuleset.  Every thread's output is
 * compared with what one thread alone made of the same inputs beforehand.
 * The plans are in English, German and Spanish in turn, so that threads
 * write in different languages from one rule set at once (docs/i18n.md).
 * Every thread also scans one shared camera capture (docs/scan.md), and
 * writes the rule set in compiled form (limber_ruleset_write_compiled()).
 *
 * Built like every test, it checks that threads change nothing; built with
 * LIMBER_TSAN=ON (scripts/tsan.sh), ThreadSanitizer watches it for races on
 * limber's data, with tests/tsan.supp for what GLib, pango and fontconfig do
 * where ThreadSanitizer cannot see.  A plain program rather than a Criterion
 * suite: Criterion's own runner threads and forks would be watched too.
 *
 * Usage: threads [CASE.xml...]  (the cases are shared out among the threads)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <limber.h>

#include "plan-private.h"
#include "population.h"
#include "rule-xml.h"

#define N_THREADS 8
#define N_PROFILES 64   /* 8 for each thread */

typedef struct {
  const LimberRuleset *rs;
  LimberProfile *profiles[N_PROFILES];
  char *expected[N_PROFILES];      /* JSON of each plan, made by one thread alone */
  char *expected_text[N_PROFILES]; /* its text, in its language */
  char **cases;
  int n_cases;
  gboolean expected_pass[256];
  const LimberCapture *capture;    /* examples/landmarks/hamstring.slr-left.json */
  char *expected_scan;             /* its scan, made by one thread alone */
  GBytes *expected_compiled;       /* the rule set compiled by one thread alone */
  int failures;                    /* only read after every thread has joined */
} Shared;

typedef struct {
  Shared *shared;
  int index;
  int failures;
} Work;

static const char *const languages[] = { "en", "de", "es" };

/* The plan of profile `seed` in its language, one in three of each. */
static LimberPlan *
generate_plan (const LimberRuleset *rs, const LimberProfile *profile, guint64 seed)
{
  g_autoptr (LimberOptions) options = limber_options_new ();
  limber_options_set_start (options, "2026-01-05", NULL);
  limber_options_set_seed (options, seed);
  limber_options_set_language (options, languages[seed % G_N_ELEMENTS (languages)], NULL);
  g_autoptr (GError) error = NULL;
  LimberPlan *plan = limber_generate (rs, profile, options, &error);
  if (plan == NULL)
    fprintf (stderr, "threads: profile %" G_GUINT64_FORMAT ": %s\n", seed, error->message);
  return plan;
}

static char *
plan_json (const LimberRuleset *rs, const LimberProfile *profile, guint64 seed, LimberPlan **out)
{
  LimberPlan *plan = generate_plan (rs, profile, seed);
  if (plan == NULL)
    return NULL;
  char *json = limber_plan_to_json (plan, FALSE);
  if (out)
    *out = plan;
  else
    limber_plan_free (plan);
  return json;
}

static gboolean
run_case (const LimberRuleset *rs, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberTestCase) tc = limber_testcase_new_from_file (path, &error);
  if (tc == NULL)
    return FALSE;
  g_autoptr (LimberTestResult) result = limber_testcase_run (tc, rs, &error);
  return result != NULL && limber_test_result_get_passed (result);
}

/* rs written compiled to a scratch file, and read back as bytes. */
static GBytes *
compiled_bytes (const LimberRuleset *rs)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("limber-threads-XXXXXX.limberc", &path, &error);
  if (fd < 0)
    return NULL;
  close (fd);
  char *contents = NULL;
  gsize length = 0;
  gboolean ok = limber_ruleset_write_compiled (rs, path, &error) && g_file_get_contents (path, &contents, &length,
                                                                                          &error);
  remove (path);
  if (!ok)
    {
      fprintf (stderr, "threads: %s\n", error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

static gpointer
work (gpointer data)
{
  Work *w = data;
  Shared *S = w->shared;
  for (int i = w->index; i < N_PROFILES; i += N_THREADS)
    {
      LimberPlan *plan = NULL;
      g_autofree char *json = plan_json (S->rs, S->profiles[i], (guint64) i, &plan);
      if (json == NULL || strcmp (json, S->expected[i]) != 0)
        {
          fprintf (stderr, "threads: thread %d: profile %d: the plan differs from one made alone\n", w->index, i);
          w->failures++;
        }
      if (plan == NULL)
        continue;
      g_free (limber_plan_to_xml (plan));
      g_autofree char *text = limber_plan_to_text (plan);
      if (strcmp (text, S->expected_text[i]) != 0)
        {
          fprintf (stderr, "threads: thread %d: profile %d: the %s text differs from one made alone\n", w->index, i,
                   languages[i % G_N_ELEMENTS (languages)]);
          w->failures++;
        }
      /* every plan as HTML, one in four as a PDF (pango and cairo in
       * several threads at once) */
      for (int pdf = 0; pdf <= (i % 4 == 0); pdf++)
        {
          g_autoptr (GError) error = NULL;
          gsize length = 0;
          g_autofree unsigned char *doc = limber_plan_render (plan, pdf ? LIMBER_RENDER_PDF : LIMBER_RENDER_HTML,
                                                              LIMBER_PAPER_A4, &length, &error);
          if (doc == NULL)
            {
              fprintf (stderr, "threads: thread %d: profile %d: %s\n", w->index, i, error->message);
              w->failures++;
            }
        }
      limber_plan_free (plan);
    }
  for (int k = 0; k < 4; k++)
    {
      g_autoptr (LimberScanResult) r = limber_scan_result_new (S->rs, "hamstring.slr", LIMBER_SIDE_LEFT, S->capture,
                                                               NULL);
      g_autofree char *json = r ? limber_scan_result_to_json (r, FALSE) : NULL;
      if (json == NULL || strcmp (json, S->expected_scan) != 0)
        {
          fprintf (stderr, "threads: thread %d: the scan differs from one made alone\n", w->index);
          w->failures++;
        }
    }
  g_autoptr (GBytes) compiled = compiled_bytes (S->rs);
  if (compiled == NULL || !g_bytes_equal (compiled, S->expected_compiled))
    {
      fprintf (stderr, "threads: thread %d: the compiled rule set differs from one written alone\n", w->index);
      w->failures++;
    }
  for (int c = w->index; c < S->n_cases; c += N_THREADS)
    if (run_case (S->rs, S->cases[c]) != S->expected_pass[c % 256])
      {
        fprintf (stderr, "threads: thread %d: %s: passed alone, not in threads (or the other way round)\n",
                 w->index, S->cases[c]);
        w->failures++;
      }
  return NULL;
}

/* The default rule set with 80 more rules that weigh every static
 * stretch: enough that a plan makes its stretches' reasons when first read
 * (LimberLateReasons), which the readers below race to do. */
static LimberRuleset *
many_rules (const char *path, GError **error)
{
  static const char *const goals[] = { "<goal is=\"recovery\"/>", "<goal is=\"flexibility\"/>",
                                       "<goal is=\"performance\"/>" };
  g_autoptr (GString) rules = g_string_new (NULL);
  for (int r = 0; r < 80; r++)
    {
      g_autofree char *id = g_strdup_printf ("threads-%d", r);
      limber_test_append_rule (rules, id, goals[r % G_N_ELEMENTS (goals)], "<weight tag=\"static-stretch\" multiply=\"1.01\"/>");
    }
  return limber_test_rules_with (path, rules->str, "threads-many-rules.xml", error);
}

typedef struct {
  const LimberPlan *plan;   /* one plan, read by every thread at once */
  const char *json, *text;  /* what one thread alone wrote of its twin */
  int failures;
} OnePlan;

static gpointer
read_one_plan (gpointer data)
{
  OnePlan *one = data;
  g_autofree char *json = limber_plan_to_json (one->plan, FALSE);
  g_autofree char *text = limber_plan_to_text (one->plan);
  if (g_strcmp0 (json, one->json) != 0 || g_strcmp0 (text, one->text) != 0)
    g_atomic_int_inc (&one->failures);
  return NULL;
}

/* Eight threads read one fresh plan of a large rule set at once: the first
 * to read makes the reasons under the plan's lock, the others wait for them
 * and all write what one thread alone wrote of the same plan. */
static int
read_late_reasons_at_once (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = many_rules (path, &error);
  if (rs == NULL)
    {
      fprintf (stderr, "threads: %s\n", error->message);
      return 1;
    }
  LimberRandom random = { 7 };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, G_DATE_JANUARY, 2026);
  int failures = 0, late = 0;
  for (int k = 0; k < 8; k++)
    {
      g_autoptr (LimberProfile) profile = limber_population_profile (rs, &random, &start);
      /* seeds that plan in English: the rule set made here has no translations */
      guint64 seed = 3 * (guint64) k;
      LimberPlan *twin = NULL;
      g_autofree char *json = plan_json (rs, profile, seed, &twin);
      if (json == NULL)
        return 1;
      g_autofree char *text = limber_plan_to_text (twin);
      limber_plan_free (twin);
      /* the same plan again, fresh: not read yet */
      LimberPlan *plan = generate_plan (rs, profile, seed);
      if (plan == NULL)
        return 1;
      if (plan->status == LIMBER_PLAN_OK && plan->late == NULL)
        {
          fprintf (stderr, "threads: plan %d of the large rule set makes its reasons at once\n", k);
          failures++;
        }
      late += plan->late != NULL;
      OnePlan one = { plan, json, text, 0 };
      GThread *readers[N_THREADS];
      for (int t = 0; t < N_THREADS; t++)
        readers[t] = g_thread_new ("limber-read", read_one_plan, &one);
      for (int t = 0; t < N_THREADS; t++)
        g_thread_join (readers[t]);
      if (one.failures > 0)
        fprintf (stderr, "threads: plan %d read by %d threads at once differs from one thread's\n", k, N_THREADS);
      failures += one.failures;
      limber_plan_free (plan);
    }
  if (late == 0)
    {
      fprintf (stderr, "threads: no plan of the large rule set had reasons to make when read\n");
      failures++;
    }
  return failures;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  /* loaded from its file, as an app would: the built-in one is shared
   * process-wide and would hide a rule set that is not thread-safe */
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  if (rs == NULL)
    {
      fprintf (stderr, "threads: %s\n", error->message);
      return 1;
    }
  Shared S = { .rs = rs, .cases = argv + 1, .n_cases = MIN (argc - 1, 256) };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, G_DATE_JANUARY, 2026);
  LimberRandom random = { 16 };
  for (int i = 0; i < N_PROFILES; i++)
    {
      S.profiles[i] = limber_population_profile (rs, &random, &start);
      LimberPlan *plan = NULL;
      S.expected[i] = plan_json (rs, S.profiles[i], (guint64) i, &plan);
      if (S.expected[i] == NULL)
        return 1;
      S.expected_text[i] = limber_plan_to_text (plan);
      limber_plan_free (plan);
    }
  for (int c = 0; c < S.n_cases; c++)
    S.expected_pass[c] = run_case (rs, S.cases[c]);
  g_autofree char *landmarks = g_build_filename (LIMBER_SOURCE_DIR, "examples", "landmarks",
                                                 "hamstring.slr-left.json", NULL);
  g_autoptr (LimberCapture) capture = limber_capture_new_from_file (landmarks, &error);
  g_autoptr (LimberScanResult) alone = capture ? limber_scan_result_new (rs, "hamstring.slr", LIMBER_SIDE_LEFT,
                                                                         capture, &error)
                                               : NULL;
  if (alone == NULL)
    {
      fprintf (stderr, "threads: %s\n", error->message);
      return 1;
    }
  S.capture = capture;
  g_autofree char *expected_scan = limber_scan_result_to_json (alone, FALSE);
  S.expected_scan = expected_scan;

  g_autoptr (GBytes) expected_compiled = compiled_bytes (rs);
  if (expected_compiled == NULL)
    return 1;
  S.expected_compiled = expected_compiled;

  GThread *threads[N_THREADS];
  Work works[N_THREADS];
  for (int t = 0; t < N_THREADS; t++)
    {
      works[t] = (Work) { &S, t, 0 };
      threads[t] = g_thread_new ("limber-check", work, &works[t]);
    }
  int failures = 0;
  for (int t = 0; t < N_THREADS; t++)
    {
      g_thread_join (threads[t]);
      failures += works[t].failures;
    }
  for (int i = 0; i < N_PROFILES; i++)
    {
      limber_profile_free (S.profiles[i]);
      g_free (S.expected[i]);
      g_free (S.expected_text[i]);
    }
  failures += read_late_reasons_at_once (path);
  printf ("threads: %d threads, %d plans in 3 languages (generated, written, rendered), %d rule test cases, "
          "the rule set compiled in each, 8 plans of a large rule set each read by %d threads at once: %s\n",
          N_THREADS, N_PROFILES, S.n_cases, N_THREADS, failures ? "FAILED" : "same as one thread alone");
  return failures ? 1 : 0;
}
