/*
 * Planning a population on several threads (population.h).
 *
 * Drawing a profile is cheap next to planning it, and the generator is one
 * seeded stream, so the calling thread draws a block of profiles and the
 * workers plan them, taking small chunks from a shared counter (a referral
 * costs far less than a full week, so fixed shares would leave threads
 * idle).  Plans are handed on in the population's order once the block is
 * done: coverage and audit figures, and the profiles an audit points at,
 * are the same with one thread or eight.
 */
#include "population.h"

#include "limber/autocleanups.h"
#include "limber/error.h"
#include "plan-private.h"

/* Profiles a block holds per thread, and what a worker takes at once. */
#define BLOCK_PER_THREAD 256
#define CHUNK 8

typedef struct {
  const LimberRuleset *rs;
  LimberProfile **profiles;
  LimberPlan **plans;
  GError **errors;
  guint64 seed;             /* the seed of profile 0 of the block */
  const char *start;
  guint n;
  gint next;
} Block;

static gpointer
work (gpointer data)
{
  Block *b = data;
  g_autoptr (LimberOptions) options = limber_options_new ();
  /* checked by the caller */
  limber_options_set_start (options, b->start, NULL);
  for (;;)
    {
      guint from = (guint) g_atomic_int_add (&b->next, CHUNK);
      if (from >= b->n)
        return NULL;
      for (guint i = from; i < MIN (from + CHUNK, b->n); i++)
        {
          limber_options_set_seed (options, b->seed + i);
          b->plans[i] = limber_generate (b->rs, b->profiles[i], options, &b->errors[i]);
        }
    }
}

gboolean
limber_population_run (const LimberRuleset *rs, unsigned n, guint64 seed, const char *start, unsigned threads,
                       LimberPopulationFunc each, gpointer user_data, LimberProgressFunc progress,
                       gpointer progress_data, GError **error)
{
  g_return_val_if_fail (rs != NULL && each != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (n < 1 || n > LIMBER_POPULATION_MAX)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS, "population: %u is out of range; expected 1 to %d", n,
                   LIMBER_POPULATION_MAX);
      return FALSE;
    }
  g_autoptr (LimberOptions) check = limber_options_new ();
  if (!limber_options_set_start (check, start ? start : LIMBER_POPULATION_START, error))
    return FALSE;
  GDate first = check->start;
  if (threads == 0)
    threads = g_get_num_processors ();
  threads = MAX (1, MIN (threads, 64));
  guint size = MIN (n, threads * BLOCK_PER_THREAD);
  g_autofree LimberProfile **profiles = g_new0 (LimberProfile *, size);
  g_autofree LimberPlan **plans = g_new0 (LimberPlan *, size);
  g_autofree GError **errors = g_new0 (GError *, size);
  g_autofree GThread **pool = g_new0 (GThread *, threads);
  LimberRandom random = { seed };
  gboolean ok = TRUE;
  for (unsigned done = 0; done < n && ok; done += size)
    {
      Block b = { rs, profiles, plans, errors, seed + done, start ? start : LIMBER_POPULATION_START,
                  MIN (size, n - done), 0 };
      for (guint i = 0; i < b.n; i++)
        profiles[i] = limber_population_profile (rs, &random, &first);
      /* the calling thread is one of the workers */
      guint helpers = MIN (threads - 1, (b.n + CHUNK - 1) / CHUNK - 1);
      for (guint t = 0; t < helpers; t++)
        pool[t] = g_thread_new ("limber-population", work, &b);
      work (&b);
      for (guint t = 0; t < helpers; t++)
        g_thread_join (pool[t]);
      for (guint i = 0; i < b.n; i++)
        {
          if (ok && plans[i] != NULL)
            each (plans[i], user_data);
          else if (ok)
            {
              g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "population profile %u: %s", done + i,
                           errors[i]->message);
              ok = FALSE;
            }
          g_clear_pointer (&plans[i], limber_plan_free);
          g_clear_error (&errors[i]);
          g_clear_pointer (&profiles[i], limber_profile_free);
        }
      if (ok && progress != NULL)
        progress (done + b.n, n, progress_data);
    }
  return ok;
}
