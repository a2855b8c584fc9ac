/*
 * bench-generate: CPU and wall time per plan, allocations per plan, the JSON
 * writer's time and size per plan, and peak memory, for the default rule set
 * over a population of varied profiles.
 *
 *   bench-generate [N_PROFILES (default 2000)] [THREADS (default 1)] [RULES.xml]
 *
 * With RULES.xml (e.g. made by bench/gen-ruleset.py 2000 1000) the plans come
 * from that rule set, and its load time is printed too: the process's first
 * load, the best of three more, and the best of three loads of its compiled
 * form (`limber compile`), side by side.  RULES.limberc times the compiled
 * form's first load of the process.
 *
 * Profiles vary goal, age, minutes, days, constraints, screening answers
 * (a few percent with a referral), scans with deficits and asymmetries, and a
 * short history.  Building the profiles is not timed; generating is, then
 * writing each plan as JSON.  Machines running this are shared and noisy:
 * the CPU time per plan (user + system of the process, over the plans) is
 * the figure to compare, the wall time is printed beside it.
 *
 * Allocations are counted by interposing malloc and friends for the whole
 * process (this executable's definitions take precedence over libc's for
 * every library), during the timed loops only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *p, size_t size);
extern void __libc_free (void *p);

static long long allocations;

void *
malloc (size_t size)
{
  __atomic_fetch_add (&allocations, 1, __ATOMIC_RELAXED);
  return __libc_malloc (size);
}

void *
calloc (size_t n, size_t size)
{
  __atomic_fetch_add (&allocations, 1, __ATOMIC_RELAXED);
  return __libc_calloc (n, size);
}

void *
realloc (void *p, size_t size)
{
  __atomic_fetch_add (&allocations, 1, __ATOMIC_RELAXED);
  return __libc_realloc (p, size);
}

void
free (void *p)
{
  __libc_free (p);
}

/* CPU seconds of the whole process so far (every thread). */
static double
cpu_seconds (void)
{
  struct timespec t;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

#include <limber.h>

typedef struct {
  const LimberRuleset *rs;
  LimberProfile **profiles;
  char **profile_json;  /* each profile as limber_profile_to_json() writes it */
  guint from, to;
  guint64 checksum;
  guint64 json_bytes;
  long long allocations, json_allocations, read_allocations;   /* counted in this thread's calls (others' too when threads > 1) */
  double generate_cpu, json_cpu, read_cpu;
} Work;

static LimberProfile *
make_profile (const LimberRuleset *rs, GRand *r)
{
  LimberProfile *p = limber_profile_new ();
  limber_profile_set_age (p, (unsigned) g_rand_int_range (r, 18, 86));
  limber_profile_set_goal (p, (LimberGoal) g_rand_int_range (r, 0, 3));
  limber_profile_set_minutes_per_day (p, g_rand_int_range (r, 8, 31));
  limber_profile_set_days_per_week (p, (unsigned) g_rand_int_range (r, 2, 8));
  limber_profile_set_no_floor (p, g_rand_int_range (r, 0, 10) == 0);
  if (g_rand_boolean (r))
    limber_profile_set_equipment (p, (const char *const[]) { "chair", "wall", "strap", NULL });
  for (unsigned i = 0; i < limber_ruleset_get_n_questions (rs); i++)
    {
      const LimberQuestion *q = limber_ruleset_get_question (rs, i);
      const char *id = limber_question_get_id (q);
      /* red flags are rare, other answers common */
      gboolean rare = limber_question_get_red_flag_outcome (q) >= LIMBER_OUTCOME_SEE_CLINICIAN;
      switch (limber_question_get_kind (q))
        {
        case LIMBER_QUESTION_YES_NO:
          limber_profile_set_answer_bool (p, id, g_rand_int_range (r, 0, rare ? 200 : 4) == 0);
          break;
        case LIMBER_QUESTION_SCALE:
          limber_profile_set_answer_number (p, id, g_rand_int_range (r, 0, rare ? 8 : 11));
          break;
        case LIMBER_QUESTION_CHOICE:
          {
            const char *const *choices = limber_question_get_choices (q);
            limber_profile_set_answer_choice (p, id, choices[g_rand_int_range (r, 0, (gint32) g_strv_length ((char **) choices))]);
            break;
          }
        }
    }
  for (unsigned i = 0; i < limber_ruleset_get_n_measures (rs); i++)
    {
      const LimberMeasure *m = limber_ruleset_get_measure (rs, i);
      double normal = limber_measure_get_normal (m), lo = limber_measure_get_min (m), hi = limber_measure_get_max (m);
      double left = CLAMP (normal - g_rand_double_range (r, -5, normal * 0.4), lo, hi);
      double right = CLAMP (left + g_rand_double_range (r, -15, 15), lo, hi);
      if (limber_measure_get_sided (m))
        limber_profile_set_measure (p, limber_measure_get_id (m), left, right);
      else
        limber_profile_set_measure_value (p, limber_measure_get_id (m), left);
    }
  const LimberExercise *e = limber_ruleset_get_exercise (rs, (unsigned) g_rand_int_range (r, 0, (gint32) limber_ruleset_get_n_exercises (rs)));
  LimberDose d;
  limber_exercise_get_step (e, 0, &d);
  for (int s = 0; s < 3; s++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02d", 17 + 2 * s);
      LimberSession session = { date, limber_exercise_get_id (e), TRUE, d.sets, d.reps, d.hold_s, d.duration_s,
                                g_rand_int_range (r, 0, 5), g_rand_int_range (r, 0, 4) };
      limber_profile_add_session (p, &session);
    }
  return p;
}

/* CPU seconds of the calling thread. */
static double
thread_seconds (void)
{
  struct timespec t;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* Reads each profile from its JSON, generates its plan from it, then writes
 * the plan as JSON while it is hot, as a server would: the three are timed
 * apart on the thread's CPU clock, their allocations counted apart.  (A
 * profile read against the rule set is not checked again when planned.) */
static gpointer
run (gpointer data)
{
  Work *w = data;
  g_autoptr (LimberOptions) options = limber_options_new ();
  limber_options_set_start (options, "2026-11-24", NULL);
  for (guint i = w->from; i < w->to; i++)
    {
      limber_options_set_seed (options, i);
      g_autoptr (GError) error = NULL;
      long long a0 = __atomic_load_n (&allocations, __ATOMIC_RELAXED);
      double r0 = thread_seconds ();
      LimberProfile *read = limber_profile_new_from_json (w->rs, w->profile_json[i], -1, "bench", &error);
      double r1 = thread_seconds ();
      w->read_allocations += __atomic_load_n (&allocations, __ATOMIC_RELAXED) - a0;
      w->read_cpu += r1 - r0;
      if (read == NULL)
        g_error ("profile %u: %s", i, error->message);
      a0 = __atomic_load_n (&allocations, __ATOMIC_RELAXED);
      double t0 = thread_seconds ();
      LimberPlan *plan = limber_generate (w->rs, read, options, &error);
      double t1 = thread_seconds ();
      w->allocations += __atomic_load_n (&allocations, __ATOMIC_RELAXED) - a0;
      if (plan == NULL)
        g_error ("profile %u: %s", i, error->message);
      w->checksum += limber_plan_get_n_days (plan) + limber_plan_get_status (plan);
      a0 = __atomic_load_n (&allocations, __ATOMIC_RELAXED);
      double t2 = thread_seconds ();
      char *json = limber_plan_to_json (plan, FALSE);
      double t3 = thread_seconds ();
      w->json_allocations += __atomic_load_n (&allocations, __ATOMIC_RELAXED) - a0;
      w->json_bytes += strlen (json);
      g_free (json);
      limber_plan_free (plan);
      limber_profile_free (read);
      w->generate_cpu += t1 - t0;
      w->json_cpu += t3 - t2;
    }
  return NULL;
}

/* Runs fn over the work in threads; returns the wall seconds. */
static double
in_threads (GThreadFunc fn, Work *work, guint threads)
{
  GThread **pool = g_new0 (GThread *, threads);
  gint64 t0 = g_get_monotonic_time ();
  for (guint t = 0; t < threads; t++)
    pool[t] = g_thread_new ("bench", fn, &work[t]);
  for (guint t = 0; t < threads; t++)
    g_thread_join (pool[t]);
  g_free (pool);
  return (g_get_monotonic_time () - t0) / 1e6;
}

/* The least CPU time of three loads of the rule set file at path. */
static double
best_load_cpu (const char *path)
{
  double best = 0;
  for (int k = 0; k < 3; k++)
    {
      g_autoptr (GError) error = NULL;
      double a0 = cpu_seconds ();
      LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
      double spent = cpu_seconds () - a0;
      if (rs == NULL)
        g_error ("%s", error->message);
      limber_ruleset_unref (rs);
      best = k == 0 ? spent : MIN (best, spent);
    }
  return best;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 2000;
  guint threads = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 1;
  if (n == 0 || threads == 0 || threads > 64)
    {
      fprintf (stderr, "usage: bench-generate [N_PROFILES>0] [THREADS 1..64] [RULES.xml]\n");
      return 2;
    }
  g_autoptr (GError) error = NULL;
  const char *rules = argc > 3 ? argv[3] : NULL;
  double l0 = cpu_seconds ();
  gint64 w0 = g_get_monotonic_time ();
  g_autoptr (LimberRuleset) rs = rules ? limber_ruleset_new_from_file (rules, &error) : limber_ruleset_new_default (&error);
  double load_cpu = cpu_seconds () - l0, load_wall = (g_get_monotonic_time () - w0) / 1e6;
  if (rs == NULL)
    g_error ("%s", error->message);
  /* the first load of a process also compiles the schema and touches fresh
   * memory; the same file loaded again shows what each later load costs */
  double again_cpu = rules != NULL ? best_load_cpu (rules) : 0;

  /* the same rule set compiled (limber_ruleset_write_compiled), loaded
   * three times in the same process, so the two forms compare side by side */
  double compiled_cpu = 0;
  gsize compiled_bytes = 0;
  if (rules != NULL && !g_str_has_suffix (rules, ".limberc"))
    {
      g_autofree char *path = NULL;
      int fd = g_file_open_tmp ("bench-XXXXXX.limberc", &path, &error);
      if (fd < 0 || !limber_ruleset_write_compiled (rs, path, &error))
        g_error ("%s", error->message);
      close (fd);
      compiled_cpu = best_load_cpu (path);
      GStatBuf st;
      if (g_stat (path, &st) == 0)
        compiled_bytes = (gsize) st.st_size;
      g_unlink (path);
    }

  g_autoptr (GRand) r = g_rand_new_with_seed (42);
  LimberProfile **profiles = g_new (LimberProfile *, n);
  char **profile_json = g_new (char *, n);
  for (guint i = 0; i < n; i++)
    {
      profiles[i] = make_profile (rs, r);
      profile_json[i] = limber_profile_to_json (profiles[i], FALSE);
    }

  Work *work = g_new0 (Work, threads);
  for (guint t = 0; t < threads; t++)
    work[t] = (Work) { .rs = rs, .profiles = profiles, .profile_json = profile_json, .from = n * t / threads, .to = n * (t + 1) / threads };

  double c0 = cpu_seconds ();
  double seconds = in_threads (run, work, threads);
  double cpu = cpu_seconds () - c0;

  guint64 checksum = 0, json_bytes = 0;
  long long plan_allocations = 0, json_allocations = 0, read_allocations = 0;
  double generate_cpu = 0, json_cpu = 0, read_cpu = 0;
  for (guint t = 0; t < threads; t++)
    {
      checksum += work[t].checksum;
      json_bytes += work[t].json_bytes;
      plan_allocations += work[t].allocations;
      json_allocations += work[t].json_allocations;
      generate_cpu += work[t].generate_cpu;
      json_cpu += work[t].json_cpu;
      read_allocations += work[t].read_allocations;
      read_cpu += work[t].read_cpu;
    }

  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  printf ("rule set        %s %s (%u exercises, %u rules)\n", limber_ruleset_get_id (rs),
          limber_ruleset_get_version (rs), limber_ruleset_get_n_exercises (rs), limber_ruleset_get_n_rules (rs));
  printf ("load            %.1f ms CPU, %.1f ms wall%s\n", load_cpu * 1e3, load_wall * 1e3,
          rules ? " (the process's first)" : " (built in, shared)");
  if (rules != NULL)
    printf ("load again      %.1f ms CPU (the best of three more loads of the file)\n", again_cpu * 1e3);
  if (compiled_bytes > 0)
    printf ("load compiled   %.1f ms CPU (the best of three loads of its `limber compile` form, %.0f KB), %.1fx "
            "faster than again\n",
            compiled_cpu * 1e3, compiled_bytes / 1024.0, again_cpu / compiled_cpu);
  printf ("profiles        %u, threads %u, 7-day plans\n", n, threads);
  printf ("plans/s         %.0f (wall, profile read, plan generated and written as JSON)\n", n / seconds);
  printf ("profile JSON    %.1f us CPU per profile read, %.1f allocations\n", read_cpu * 1e6 / n,
          threads == 1 ? (double) read_allocations / n : -1.0);
  printf ("generate        %.1f us CPU per plan, %.1f allocations per plan\n", generate_cpu * 1e6 / n,
          threads == 1 ? (double) plan_allocations / n : -1.0);
  printf ("json            %.1f us CPU per plan, %.0f bytes, %.1f allocations per plan\n", json_cpu * 1e6 / n,
          (double) json_bytes / n, threads == 1 ? (double) json_allocations / n : -1.0);
  printf ("process         %.1f us CPU per plan, %.1f us wall per plan\n", cpu * 1e6 / n, seconds * 1e6 / n);
  printf ("peak RSS        %.1f MiB\n", usage.ru_maxrss / 1024.0);
  printf ("checksum        %" G_GUINT64_FORMAT "\n", checksum);

  for (guint i = 0; i < n; i++)
    {
      limber_profile_free (profiles[i]);
      g_free (profile_json[i]);
    }
  g_free (profiles);
  g_free (profile_json);
  g_free (work);
  return 0;
}
