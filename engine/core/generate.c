/*
 * limber_generate(): the pipeline from a profile to a plan.
 *
 *   validate -> facts -> screening -> rules -> doses -> week
 *
 * Screening comes first and short-circuits: an emergency or see-clinician
 * red flag gives a referral plan with no exercises at all, whatever else the
 * profile says, before any rule is looked at.  Generation touches no global
 * state and only reads the rule set, so any number of threads may generate
 * from one rule set at once.
 */
#include <math.h>
#include <string.h>
#include <time.h>

#include "limber/autocleanups.h"
#include "limber/error.h"
#include "read-limit.h"
#include "selection.h"

#define MAX_DAYS 28

LimberOptions *
limber_options_new (void)
{
  LimberOptions *o = g_new0 (LimberOptions, 1);
  g_date_clear (&o->start, 1);
  g_date_set_time_t (&o->start, time (NULL));
  o->days = 7;
  return o;
}

void
limber_options_free (LimberOptions *options)
{
  g_free (options);
}

gboolean
limber_options_set_start (LimberOptions *options, const char *date, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  GDate d;
  if (date == NULL || !limber_parse_date (date, &d))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
                   "start: \"%s\" is not a date; expected a calendar date as YYYY-MM-DD", date ? date : "(null)");
      return FALSE;
    }
  options->start = d;
  return TRUE;
}

gboolean
limber_options_set_days (LimberOptions *options, unsigned days, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (days < 1 || days > MAX_DAYS)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS, "days: %u is out of range; expected 1 to %d", days,
                   MAX_DAYS);
      return FALSE;
    }
  options->days = days;
  return TRUE;
}

void
limber_options_set_seed (LimberOptions *options, guint64 seed)
{
  g_return_if_fail (options != NULL);
  options->seed = seed;
}

void
limber_options_set_require_screening (LimberOptions *options, gboolean require)
{
  g_return_if_fail (options != NULL);
  options->require_screening = require != FALSE;
}

/* The questions a stopping red flag (emergency or see-clinician) hangs on
 * that the profile left unanswered, in the rule set's order: the plan
 * cannot rule out what they ask about.  Caution flags only restrict, and a
 * flag on the logged history needs no answer. */
static void
record_screening (LimberPlan *plan, const LimberFacts *f)
{
  const LimberRuleset *rs = f->rs;
  for (guint q = 0; q < rs->questions->len; q++)
    {
      gboolean stops = FALSE;
      for (guint i = 0; i < rs->red_flags->len && !stops && !f->answers[q].present; i++)
        {
          const LimberRedFlag *flag = g_ptr_array_index (rs->red_flags, i);
          stops = !flag->on_history && flag->question_index == (int) q
                  && flag->outcome >= LIMBER_OUTCOME_SEE_CLINICIAN;
        }
      if (stops)
        limber_plan_list_add (plan, plan->unanswered, ((LimberQuestion *) g_ptr_array_index (rs->questions, q))->id);
    }
}

/* The prominent advisory of an unscreened plan: first, before every other. */
static void
advise_screening (LimberPlan *plan)
{
  if (plan->unanswered->len == 0)
    return;
  limber_plan_list_insert (plan, plan->advisories, 0,
                           (gpointer) limber_plan_internf (plan, limber_msg (plan->lang, "Safety screening is incomplete: %u of the safety questions %s not answered, so "
                                       "this plan cannot rule out a reason to see a doctor before exercising. Please "
                                       "answer them before you start."),
                                       plan->unanswered->len, limber_msg (plan->lang, plan->unanswered->len == 1 ? "was" : "were")));
}

/* Constraints that leave nothing to do give a plan that says so, never an
 * "ok" plan of empty days: every exercise excluded, or every one that is
 * left too long for the day. */
static void
check_something_to_do (LimberPlan *plan, const LimberSelection *sel)
{
  for (guint d = 0; d < plan->days->len; d++)
    if (((LimberDay *) g_ptr_array_index (plan->days, d))->items->len > 0)
      return;
  double shortest = -1;
  for (guint i = 0; i < sel->n; i++)
    {
      const LimberChoice *c = &sel->choices[i];
      if (!c->excluded && (c->weight > 0 || c->required) && (shortest < 0 || c->seconds < shortest))
        shortest = c->seconds;
    }
  gboolean training = FALSE;
  for (guint d = 0; d < plan->days->len; d++)
    training |= !((LimberDay *) g_ptr_array_index (plan->days, d))->rest;
  if (shortest >= 0 && !training)
    return; /* only rest days asked for: nothing was impossible */
  plan->status = LIMBER_PLAN_NO_EXERCISES;
  if (shortest < 0)
    {
      plan->no_exercises_reason = g_strdup ("excluded");
      plan->no_exercises_message = g_strdup (limber_msg (plan->lang,
        "Your answers and constraints leave no exercise in this plan that is safe and possible for you: every one "
        "is left out (by not using the floor, the equipment you have, the parts of the body you want to spare, or "
        "the cautions your answers raised). Allow a little more if you can, for example fewer parts of the body "
        "to spare, or ask a physiotherapist for a plan made for you."));
    }
  else
    {
      plan->no_exercises_reason = g_strdup ("minutes");
      plan->no_exercises_message = g_strdup_printf (limber_msg (plan->lang,
        "%g minutes a day is too short for any exercise in this plan: the shortest takes about %g minutes. Choose "
        "at least %g minutes a day."),
        plan->minutes_per_day, ceil (shortest / 60.0), ceil (shortest / 60.0));
      limber_lang_decimals_in (plan->lang, plan->no_exercises_message);
    }
  for (guint d = 0; d < plan->days->len; d++)
    {
      LimberDay *day = g_ptr_array_index (plan->days, d);
      day->rest = TRUE;
      day->minutes = 0;
    }
}

/* The facts a plan carries, so a reader can see what it was made from. */
static void
record_facts (LimberPlan *plan, const LimberFacts *f)
{
  const LimberRuleset *rs = f->rs;
  for (guint i = 0; i < rs->red_flags->len; i++)
    if (f->flags[i])
      limber_plan_list_add (plan, plan->flags, ((LimberRedFlag *) g_ptr_array_index (rs->red_flags, i))->id);
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      const LimberMeasureFact *mf = &f->measures[i];
      if (!mf->present)
        continue;
      if (mf->deficit_left > 0 || mf->deficit_right > 0)
        {
          LimberDeficitOut *d = limber_arena_new0 (&plan->arena, LimberDeficitOut, 1);
          d->measure = m->id;
          d->left = mf->left;
          d->right = mf->right;
          d->deficit_left = mf->deficit_left;
          d->deficit_right = mf->deficit_right;
          limber_plan_list_add (plan, plan->deficits, d);
        }
      if (mf->asymmetric)
        {
          LimberAsymmetryOut *a = limber_arena_new0 (&plan->arena, LimberAsymmetryOut, 1);
          a->measure = m->id;
          a->difference = mf->asymmetry;
          a->tighter = mf->tighter;
          limber_plan_list_add (plan, plan->asymmetries, a);
        }
    }
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      const LimberScoreFact *sf = &f->scores[i];
      LimberScoreOut *out = limber_arena_new0 (&plan->arena, LimberScoreOut, 1);
      out->id = s->id;
      out->complete = sf->complete;
      out->total = sf->total;
      out->n_subscales = s->subscales->len;
      out->subscale_ids = limber_arena_new0 (&plan->arena, const char *, out->n_subscales);
      out->subscale_values = limber_arena_new0 (&plan->arena, double, out->n_subscales);
      for (guint k = 0; k < s->subscales->len; k++)
        {
          out->subscale_ids[k] = ((LimberSubscale *) g_ptr_array_index (s->subscales, k))->id;
          out->subscale_values[k] = sf->subscales[k];
        }
      if (sf->category >= 0)
        out->category = ((LimberCategory *) g_ptr_array_index (s->categories, sf->category))->id;
      limber_plan_list_add (plan, plan->scores, out);
    }
}

/* Every triggered flag of the given outcome, in document order. */
static void
add_flag_messages (LimberPlan *plan, const LimberFacts *f, LimberOutcome outcome, GString *message)
{
  for (guint i = 0; i < f->rs->red_flags->len; i++)
    {
      const LimberRedFlag *flag = g_ptr_array_index (f->rs->red_flags, i);
      if (!f->flags[i] || flag->outcome != outcome)
        continue;
      if (message != NULL)
        {
          limber_plan_list_add (plan, plan->referral_flags, flag->id);
          const char *text = limber_tr (plan->tr, flag->message);
          if (strstr (message->str, text) == NULL)
            g_string_append_printf (message, "%s%s", message->len ? " " : "", text);
        }
      else
        limber_plan_add_advisory (plan, flag->message);
    }
}

static void
refer (LimberPlan *plan, const LimberFacts *f, const GDate *start, unsigned n_days)
{
  plan->status = LIMBER_PLAN_REFERRAL;
  g_autoptr (GString) message = g_string_new (NULL);
  add_flag_messages (plan, f, f->worst, message);
  /* a see-clinician referral also names any emergency-free reasons below it,
   * but an emergency is never diluted by lesser advice */
  if (f->worst == LIMBER_OUTCOME_SEE_CLINICIAN)
    add_flag_messages (plan, f, LIMBER_OUTCOME_CAUTION, NULL);
  plan->referral_message = g_string_free (g_steal_pointer (&message), FALSE);
  limber_plan_add_days (plan, start, n_days, NULL);
  for (unsigned d = 0; d < n_days; d++)
    ((LimberDay *) g_ptr_array_index (plan->days, d))->rest = TRUE;
}

LimberPlan *
limber_generate (const LimberRuleset *rs, const LimberProfile *profile, const LimberOptions *options,
                 GError **error)
{
  g_return_val_if_fail (rs != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!limber_profile_validate (profile, rs, error))
    return NULL;
  g_autoptr (LimberOptions) defaults = options ? NULL : limber_options_new ();
  const LimberOptions *o = options ? options : defaults;
  if (!limber_dates_fit (&o->start, o->days, NULL, NULL))
    {
      /* the message made only when it is needed */
      g_autofree char *span = g_strdup_printf ("a plan of %u days", o->days);
      limber_dates_fit (&o->start, o->days, span, error);
      return NULL;
    }

  LimberPlan *plan = limber_plan_alloc (rs);
  if (!limber_plan_set_language (plan, o->lang, error))
    {
      limber_plan_free (plan);
      return NULL;
    }
  plan->seed = o->seed;
  limber_date_format (&o->start, plan->start);
  plan->name = g_strdup (limber_profile_get_name (profile));
  plan->goal = profile->goal;
  plan->minutes_per_day = profile->minutes_per_day;
  plan->days_per_week = profile->days_per_week;
  plan->no_floor = profile->no_floor;

  LimberFacts *facts = limber_facts_new (rs, profile, &o->start);
  plan->outcome = facts->worst;
  record_facts (plan, facts);
  record_screening (plan, facts);
  if (o->require_screening && plan->unanswered->len > 0 && facts->worst < LIMBER_OUTCOME_SEE_CLINICIAN)
    {
      /* strict mode: a referral the answers already give is always returned,
       * anything else waits for the missing answers */
      g_autoptr (GString) ids = g_string_new (NULL);
      for (guint i = 0; i < plan->unanswered->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (plan->unanswered, i));
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE,
                   "answers: screening is incomplete: %u red-flag question%s unanswered (%s); expected an answer to "
                   "every question an emergency or see-clinician red flag hangs on",
                   plan->unanswered->len, plan->unanswered->len == 1 ? "" : "s", ids->str);
      limber_facts_free (facts);
      limber_plan_free (plan);
      return NULL;
    }
  if (facts->worst >= LIMBER_OUTCOME_SEE_CLINICIAN)
    {
      refer (plan, facts, &o->start, o->days);
      limber_facts_free (facts);
      return plan;
    }

  LimberSelection *sel = limber_selection_new (facts);
  limber_evaluate (sel);
  for (guint i = 0; i < sel->n_fired; i++)
    limber_plan_list_add (plan, plan->fired_rules, (gpointer) sel->fired[i]);
  add_flag_messages (plan, facts, LIMBER_OUTCOME_CAUTION, NULL);
  for (guint i = 0; i < sel->advice->len; i++)
    limber_plan_add_advisory (plan, g_ptr_array_index (sel->advice, i));
  limber_dose (sel);
  limber_schedule (sel, plan, &o->start, o->days, o->seed);
  check_something_to_do (plan, sel);
  if (plan->status == LIMBER_PLAN_NO_EXERCISES)
    {
      /* advice about exercises there are none of would confuse: keep only
       * what the caution flags say, which stands on its own */
      plan->advisories->len = 0;
      add_flag_messages (plan, facts, LIMBER_OUTCOME_CAUTION, NULL);
    }
  /* the safety text goes with exercises; a plan without any does not need it */
  if (rs->safety != NULL && plan->status == LIMBER_PLAN_OK)
    limber_plan_add_advisory (plan, rs->safety);
  advise_screening (plan);

  if (plan->late != NULL)
    {
      /* the plan keeps the selection to make its late reasons from; the
       * facts (and the profile they point at) are not read then */
      sel->facts = NULL;
      plan->late->selection = sel;
    }
  else
    limber_selection_free (sel);
  limber_facts_free (facts);
  return plan;
}
