/* Batch generation for the Python binding; see limber-py.h. */
#include "limber-py.h"

#include <string.h>

/* the dict reader's table reaches past the public API (limber-py.h) */
#include "profile-private.h"
#include "ruleset-private.h"

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
  LimberPyPlanRow *rows;  /* when set, plans are summed up here and freed */
  GError **errors;
  gint next;       /* the next index to take, shared by the workers */
  gint failures;
} Batch;

/* Small chunks taken from a shared counter balance threads whose profiles
 * differ in cost (a referral is far cheaper than a full week). */
#define CHUNK 16

/* A plan's row of limber.plans_frame(). */
static void
sum_up (const LimberPlan *plan, LimberPyPlanRow *row)
{
  *row = (LimberPyPlanRow) { limber_plan_get_status (plan), limber_plan_get_outcome (plan),
                             limber_plan_get_n_advisories (plan), 0, 0, 0, 0 };
  for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
    {
      const LimberDay *day = limber_plan_get_day (plan, d);
      row->training_days += !limber_day_get_rest (day);
      row->items += limber_day_get_n_items (day);
      row->minutes += limber_day_get_minutes (day);
    }
}

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
  else if (b->rows != NULL)
    {
      sum_up (plan, &b->rows[i]);
      limber_plan_free (plan);
    }
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
  Batch b = { ruleset, profiles, json, names, n, options, plans, NULL, NULL, NULL, errors, 0, 0 };
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
  Batch b = { ruleset, profiles, json, names, n, options, NULL, plans_json, lengths, NULL, errors, 0, 0 };
  for (gsize i = 0; i < n; i++)
    {
      plans_json[i] = NULL;
      lengths[i] = 0;
      errors[i] = NULL;
    }
  return run (&b, threads);
}

gsize
limber_py_plan_many_rows (const LimberRuleset *ruleset, LimberProfile *const *profiles, const char *const *json,
                          const char *const *names, gsize n, const LimberOptions *options, unsigned threads,
                          LimberPyPlanRow *rows, GError **errors)
{
  g_return_val_if_fail (ruleset != NULL && (profiles != NULL || json != NULL || n == 0), n);
  g_return_val_if_fail (rows != NULL || n == 0, n);
  g_return_val_if_fail (n <= G_MAXINT - CHUNK, n);
  Batch b = { ruleset, profiles, json, names, n, options, NULL, NULL, NULL, rows, errors, 0, 0 };
  for (gsize i = 0; i < n; i++)
    {
      rows[i] = (LimberPyPlanRow) { -1, 0, 0, 0, 0, 0, 0 };
      errors[i] = NULL;
    }
  return run (&b, threads);
}

/* ---- the dict reader's table ---------------------------------------------- */

static gboolean
set_goal_name (LimberProfile *profile, const LimberRuleset *ruleset, const char *name)
{
  g_autoptr (GPtrArray) problems = limber_profile_problems_new ();
  LimberGoal goal;
  if (!limber_profile_check_goal_name (ruleset, name, &goal, problems))
    return FALSE;
  limber_profile_set_goal (profile, goal);
  return TRUE;
}

/* Answers as the setters store them, appended without a search. */
static void
add_answer_bool (LimberProfile *profile, const char *question, gboolean yes)
{
  LimberAnswer *a = limber_profile_answer_append (profile, question);
  a->kind = ANSWER_BOOL;
  a->yes = !!yes;
}

static void
add_answer_number (LimberProfile *profile, const char *question, double value)
{
  LimberAnswer *a = limber_profile_answer_append (profile, question);
  a->kind = ANSWER_NUMBER;
  a->number = value;
}

static void
add_answer_choice (LimberProfile *profile, const char *question, const char *choice)
{
  LimberAnswer *a = limber_profile_answer_append (profile, question);
  a->kind = ANSWER_CHOICE;
  a->choice = g_strdup (choice);
}

static gboolean
has_measure (const LimberProfile *profile, const char *measure)
{
  return limber_profile_find_scan (profile, measure) != NULL;
}

static gboolean
seal (LimberProfile *profile, const LimberRuleset *ruleset)
{
  g_autoptr (GPtrArray) problems = limber_profile_problems_new ();
  if (!limber_profile_check (profile, ruleset, problems))
    return FALSE;
  limber_profile_mark_checked (profile, ruleset);
  return TRUE;
}

const LimberPyProfileApi *
limber_py_profile_api (void)
{
  static const LimberPyProfileApi api = {
    sizeof (LimberPyProfileApi),
    limber_profile_new,
    limber_profile_free,
    limber_profile_set_name,
    limber_profile_set_age,
    set_goal_name,
    limber_profile_set_minutes_per_day,
    limber_profile_set_days_per_week,
    limber_profile_set_no_floor,
    limber_profile_set_equipment,
    limber_profile_add_avoid_region,
    add_answer_bool,
    add_answer_number,
    add_answer_choice,
    has_measure,
    limber_profile_set_measure,
    limber_profile_set_measure_value,
    limber_profile_add_session,
    limber_profile_add_rescan,
    seal,
  };
  return &api;
}

void
limber_py_profiles_free (LimberProfile *const *profiles, gsize n)
{
  for (gsize i = 0; profiles != NULL && i < n; i++)
    limber_profile_free (profiles[i]);
}
