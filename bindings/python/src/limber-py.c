/* Batch generation for the Python binding; see limber-py.h. */
#include "limber-py.h"

#include <string.h>

typedef struct {
  const LimberRuleset *ruleset;
  LimberProfile *const *profiles;
  const char *const *json;
  const char *const *names;
  gsize n;
  const LimberOptions *options;
  LimberPlan **plans;
  char **json_out;       /* when set, plans are written here and freed */
  gsize *json_length;
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
  LimberPlan *plan = NULL;
  if (profile != NULL)
    plan = limber_generate (b->ruleset, profile, b->options, &b->errors[i]);
  if (plan == NULL)
    g_atomic_int_inc (&b->failures);
  else if (b->json_out != NULL)
    {
      /* written while the plan is hot in this core's cache, freed at once:
       * a batch of JSON holds only its documents */
      b->json_out[i] = limber_plan_to_json (plan, FALSE);
      b->json_length[i] = strlen (b->json_out[i]);
      limber_plan_free (plan);
    }
  else
    b->plans[i] = plan;
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

/* Runs the batch on threads (the calling thread is one of them). */
static gsize
run (Batch *b, unsigned threads)
{
  if (threads == 0)
    threads = g_get_num_processors ();
  threads = (unsigned) MIN ((gsize) threads, (b->n + CHUNK - 1) / CHUNK);
  if (threads <= 1)
    {
      work (b);
      return (gsize) b->failures;
    }
  GThread **pool = g_new (GThread *, threads - 1);
  for (unsigned t = 0; t + 1 < threads; t++)
    pool[t] = g_thread_new ("limber-py", work, b);
  work (b);
  for (unsigned t = 0; t + 1 < threads; t++)
    g_thread_join (pool[t]);
  g_free (pool);
  return (gsize) b->failures;
}

gsize
limber_py_plan_many (const LimberRuleset *ruleset, LimberProfile *const *profiles, const char *const *json,
                     const char *const *names, gsize n, const LimberOptions *options, unsigned threads,
                     LimberPlan **plans, GError **errors)
{
  g_return_val_if_fail (ruleset != NULL && (profiles != NULL || json != NULL || n == 0), n);
  g_return_val_if_fail (plans != NULL || n == 0, n);
  g_return_val_if_fail (n <= G_MAXINT - CHUNK, n);
  Batch b = { ruleset, profiles, json, names, n, options, plans, NULL, NULL, errors, 0, 0 };
  for (gsize i = 0; i < n; i++)
    {
      plans[i] = NULL;
      errors[i] = NULL;
    }
  return run (&b, threads);
}

gsize
limber_py_plan_many_json (const LimberRuleset *ruleset, LimberProfile *const *profiles, const char *const *json,
                          const char *const *names, gsize n, const LimberOptions *options, unsigned threads,
                          char **plans_json, gsize *lengths, GError **errors)
{
  g_return_val_if_fail (ruleset != NULL && (profiles != NULL || json != NULL || n == 0), n);
  g_return_val_if_fail ((plans_json != NULL && lengths != NULL) || n == 0, n);
  g_return_val_if_fail (n <= G_MAXINT - CHUNK, n);
  Batch b = { ruleset, profiles, json, names, n, options, NULL, plans_json, lengths, errors, 0, 0 };
  for (gsize i = 0; i < n; i++)
    {
      plans_json[i] = NULL;
      lengths[i] = 0;
      errors[i] = NULL;
    }
  return run (&b, threads);
}
