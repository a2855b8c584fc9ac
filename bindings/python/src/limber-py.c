/* Batch generation for the Python binding; see limber-py.h. */
#include "limber-py.h"

typedef struct {
  const LimberRuleset *ruleset;
  LimberProfile *const *profiles;
  const char *const *json;
  const char *const *names;
  gsize n;
  const LimberOptions *options;
  LimberPlan **plans;
  GError **errors;
  gint next;       /* the next index to take, shared by the workers */
  gint failures;
} Batch;

/* Small chunks taken from a shared counter balance threads whose profiles
 * differ in cost (a referral is far cheaper than a full week). */
#define CHUNK 16

static void
plan_one (Batch *b, gsize i)
{
  LimberProfile *loaded = NULL;
  const LimberProfile *profile = b->profiles ? b->profiles[i] : NULL;
  if (profile == NULL)
    {
      const char *name = b->names ? b->names[i] : NULL;
      loaded = limber_profile_new_from_json (b->ruleset, b->json[i], -1, name, &b->errors[i]);
      profile = loaded;
    }
  if (profile != NULL)
    b->plans[i] = limber_generate (b->ruleset, profile, b->options, &b->errors[i]);
  if (b->plans[i] == NULL)
    g_atomic_int_inc (&b->failures);
  limber_profile_free (loaded);
}

static gpointer
work (gpointer data)
{
  Batch *b = data;
  for (;;)
    {
      gsize from = (gsize) g_atomic_int_add (&b->next, CHUNK);
      if (from >= b->n)
        return NULL;
      gsize to = MIN (from + CHUNK, b->n);
      for (gsize i = from; i < to; i++)
        plan_one (b, i);
    }
}

gsize
limber_py_plan_many (const LimberRuleset *ruleset, LimberProfile *const *profiles, const char *const *json,
                     const char *const *names, gsize n, const LimberOptions *options, unsigned threads,
                     LimberPlan **plans, GError **errors)
{
  g_return_val_if_fail (ruleset != NULL && (profiles != NULL || json != NULL || n == 0), n);
  g_return_val_if_fail (n <= G_MAXINT - CHUNK, n);
  Batch b = { ruleset, profiles, json, names, n, options, plans, errors, 0, 0 };
  for (gsize i = 0; i < n; i++)
    {
      plans[i] = NULL;
      errors[i] = NULL;
    }
  if (threads == 0)
    threads = g_get_num_processors ();
  threads = (unsigned) MIN ((gsize) threads, (n + CHUNK - 1) / CHUNK);
  if (threads <= 1)
    {
      work (&b);
      return (gsize) b.failures;
    }
  /* The calling thread is one of the workers. */
  GThread **pool = g_new (GThread *, threads - 1);
  for (unsigned t = 0; t + 1 < threads; t++)
    pool[t] = g_thread_new ("limber-py", work, &b);
  work (&b);
  for (unsigned t = 0; t + 1 < threads; t++)
    g_thread_join (pool[t]);
  g_free (pool);
  return (gsize) b.failures;
}
