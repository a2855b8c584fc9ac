/* The plan as JSON (docs/plan-format.md), written straight into one buffer
 * by json-out.c in the documented key order. */
#include "plan-private.h"

#include <math.h>
#include <string.h>

#include "number-format.h"
#include "json-out.h"
#include "json-write.h"

static void
add_referral (LimberJsonOut *j, const LimberPlan *plan)
{
  if (plan->status != LIMBER_PLAN_REFERRAL)
    {
      limber_json_out_null (j, "referral");
      return;
    }
  limber_json_out_begin_object (j, "referral");
  limber_json_out_string (j, "outcome", limber_outcome_to_string (plan->outcome));
  limber_json_out_strings (j, "flags", plan->referral_flags->pdata, plan->referral_flags->len);
  limber_json_out_string (j, "message", plan->referral_message);
  limber_json_out_end_object (j);
}

/* Why a plan that is no referral has nothing to do, or null. */
static void
add_no_exercises (LimberJsonOut *j, const LimberPlan *plan)
{
  if (plan->status != LIMBER_PLAN_NO_EXERCISES)
    {
      limber_json_out_null (j, "no_exercises");
      return;
    }
  limber_json_out_begin_object (j, "no_exercises");
  limber_json_out_string (j, "reason", plan->no_exercises_reason);
  limber_json_out_string (j, "message", plan->no_exercises_message);
  limber_json_out_end_object (j);
}

/* Whether every question a stopping red flag hangs on was answered; an app
 * asks the unanswered ones. */
static void
add_screening (LimberJsonOut *j, const LimberPlan *plan)
{
  limber_json_out_begin_object (j, "screening");
  limber_json_out_bool (j, "complete", plan->unanswered->len == 0);
  limber_json_out_strings (j, "unanswered", plan->unanswered->pdata, plan->unanswered->len);
  limber_json_out_end_object (j);
}

static void
add_ruleset (LimberJsonOut *j, const LimberRuleset *rs)
{
  limber_json_out_begin_object (j, "ruleset");
  limber_json_out_string (j, "id", rs->id);
  limber_json_out_string (j, "version", rs->version);
  limber_json_out_string (j, "sha256", rs->sha256);
  limber_json_out_end_object (j);
}

static void
add_deficits (LimberJsonOut *j, const LimberPlanList *deficits)
{
  limber_json_out_begin_array (j, "deficits");
  for (guint i = 0; i < deficits->len; i++)
    {
      const LimberDeficitOut *d = g_ptr_array_index (deficits, i);
      limber_json_out_begin_object (j, NULL);
      limber_json_out_string (j, "measure", d->measure);
      limber_json_out_number (j, "left", d->left, -1);
      limber_json_out_number (j, "right", d->right, -1);
      limber_json_out_number (j, "deficit_left", d->deficit_left, -1);
      limber_json_out_number (j, "deficit_right", d->deficit_right, -1);
      limber_json_out_end_object (j);
    }
  limber_json_out_end_array (j);
}

static void
add_asymmetries (LimberJsonOut *j, const LimberPlanList *asymmetries)
{
  limber_json_out_begin_array (j, "asymmetries");
  for (guint i = 0; i < asymmetries->len; i++)
    {
      const LimberAsymmetryOut *a = g_ptr_array_index (asymmetries, i);
      limber_json_out_begin_object (j, NULL);
      limber_json_out_string (j, "measure", a->measure);
      limber_json_out_number (j, "difference", a->difference, -1);
      limber_json_out_string (j, "tighter", limber_side_to_string (a->tighter));
      limber_json_out_end_object (j);
    }
  limber_json_out_end_array (j);
}

/* Scores are an object keyed by score id, written in the plan's order. */
static void
add_scores (LimberJsonOut *j, const LimberPlanList *scores)
{
  limber_json_out_begin_object (j, "scores");
  for (guint i = 0; i < scores->len; i++)
    {
      const LimberScoreOut *s = g_ptr_array_index (scores, i);
      limber_json_out_begin_object (j, s->id);
      limber_json_out_number (j, "total", s->total, -1);
      limber_json_out_begin_object (j, "subscales");
      for (guint k = 0; k < s->n_subscales; k++)
        limber_json_out_number (j, s->subscale_ids[k], s->subscale_values[k], -1);
      limber_json_out_end_object (j);
      limber_json_out_string (j, "category", s->complete ? s->category : NULL);
      limber_json_out_bool (j, "complete", s->complete);
      limber_json_out_end_object (j);
    }
  limber_json_out_end_object (j);
}

static void
add_facts (LimberJsonOut *j, const LimberPlan *plan)
{
  limber_json_out_begin_object (j, "facts");
  limber_json_out_strings (j, "flags", plan->flags->pdata, plan->flags->len);
  add_deficits (j, plan->deficits);
  add_asymmetries (j, plan->asymmetries);
  add_scores (j, plan->scores);
  limber_json_out_end_object (j);
}

/* One call's state: a scratch buffer for reasons, and each exercise's
 * shared reasons as written once, for its other items. */
typedef struct {
  const LimberItem *item;   /* the first item written with this text */
  gsize offset, length;     /* its text in Writing.cache */
} WrittenItem;

typedef struct {
  GString *scratch;
  GString *cache;
  guint n;                  /* exercises in the rule set */
  WrittenItem *why;         /* per exercise: its shared reasons as written (item NULL: not yet) */
  WrittenItem *items;       /* per exercise: its first item as written: a week repeats its items */
  const LimberTranslation *tr; /* the plan's language's texts of the rule set (i18n.h), NULL for English */
} Writing;

/* Whether two items of one exercise write the same JSON. */
static gboolean
same_item (const LimberItem *a, const LimberItem *b)
{
  if (a->exercise != b->exercise || a->slot != b->slot || a->dose.sets != b->dose.sets || a->dose.reps != b->dose.reps
      || a->dose.hold_s != b->dose.hold_s || a->dose.duration_s != b->dose.duration_s
      || a->emphasis_side != b->emphasis_side || a->extra_sets != b->extra_sets || a->step != b->step
      || a->previous_step != b->previous_step || a->seconds != b->seconds || a->role != b->role
      || a->explanation != b->explanation || a->shared != b->shared || a->shared_first != b->shared_first
      || a->n_shared != b->n_shared || a->n_own != b->n_own)
    return FALSE;
  for (guint k = 0; k < a->n_own; k++)
    {
      const LimberWhy *x = &a->own[k], *y = &b->own[k];
      if (x->rule != y->rule || x->fmt != y->fmt || x->n_args != y->n_args
          || memcmp (x->args, y->args, x->n_args * sizeof x->args[0]) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
add_reason (LimberJsonOut *j, Writing *W, const LimberWhy *w)
{
  limber_json_out_begin_object (j, NULL);
  limber_json_out_string (j, "rule", w->rule);
  g_string_truncate (W->scratch, 0);
  limber_why_format (w, W->scratch);
  limber_json_out_string (j, "effect", W->scratch->str);
  limber_json_out_end_object (j);
}

static void
add_why (LimberJsonOut *j, Writing *W, const LimberItem *item)
{
  limber_json_out_begin_array (j, "why");
  guint e = item->exercise->index;
  if (item->n_shared > 0 && e < W->n)
    {
      WrittenItem *seen = &W->why[e];
      if (seen->item != NULL && seen->item->shared_first == item->shared_first)
        limber_json_out_raw (j, W->cache->str + seen->offset, seen->length);
      else
        {
          gsize from = j->out->len;
          for (guint k = 0; k < item->n_shared; k++)
            add_reason (j, W, limber_item_why (item, k));
          if (seen->item == NULL)
            {
              seen->item = item;
              seen->offset = W->cache->len;
              seen->length = j->out->len - from;
              g_string_append_len (W->cache, j->out->str + from, (gssize) seen->length);
            }
        }
    }
  else
    for (guint k = 0; k < item->n_shared; k++)
      add_reason (j, W, limber_item_why (item, k));
  for (guint k = item->n_shared; k < limber_item_n_why (item); k++)
    add_reason (j, W, limber_item_why (item, k));
  limber_json_out_end_array (j);
}

static void write_item (LimberJsonOut *j, Writing *W, const LimberItem *item);

/* An item as written before when the week repeats it (a core exercise is
 * the same every training day), else written and kept for next time. */
static void
add_item (LimberJsonOut *j, Writing *W, const LimberItem *item)
{
  guint e = item->exercise->index;
  WrittenItem *seen = e < W->n ? &W->items[e] : NULL;
  if (seen != NULL && seen->item != NULL && same_item (seen->item, item))
    {
      /* the separator before it is not part of the text kept */
      if (!(j->empty & (G_GUINT64_CONSTANT (1) << (j->depth - 1))))
        g_string_append_c (j->out, ',');
      limber_json_out_raw (j, W->cache->str + seen->offset, seen->length);
      return;
    }
  gboolean first = (j->empty & (G_GUINT64_CONSTANT (1) << (j->depth - 1))) != 0;
  gsize from = j->out->len + (first ? 0 : 1);
  write_item (j, W, item);
  if (seen != NULL && seen->item == NULL)
    {
      seen->item = item;
      seen->offset = W->cache->len;
      seen->length = j->out->len - from;
      g_string_append_len (W->cache, j->out->str + from, (gssize) seen->length);
    }
}

static void
write_item (LimberJsonOut *j, Writing *W, const LimberItem *item)
{
  limber_json_out_begin_object (j, NULL);
  limber_json_out_string (j, "exercise", item->exercise->id);
  limber_json_out_string (j, "name", limber_tr (W->tr, item->exercise->name));
  limber_json_out_string (j, "slot", item->slot);
  limber_json_out_int (j, "sets", item->dose.sets);
  limber_json_out_int (j, "reps", item->dose.reps);
  limber_json_out_number (j, "hold_s", item->dose.hold_s, -1);
  limber_json_out_number (j, "duration_s", item->dose.duration_s, -1);
  limber_json_out_bool (j, "per_side", item->exercise->per_side);
  limber_json_out_string (j, "emphasis_side", limber_side_to_string (item->emphasis_side));
  limber_json_out_int (j, "emphasis_extra_sets", limber_item_get_emphasis_extra_sets (item));
  limber_json_out_int (j, "step", item->step);
  if (item->previous_step == 0)
    limber_json_out_null (j, "previous_step");
  else
    limber_json_out_int (j, "previous_step", item->previous_step);
  limber_json_out_number (j, "seconds", item->seconds, 0);
  limber_json_out_string (j, "role", item->role == LIMBER_ITEM_CORE ? "core" : "accessory");
  limber_json_out_string (j, "explanation", item->explanation);
  add_why (j, W, item);
  limber_json_out_end_object (j);
}

/* How the week was composed: the core, the accessories, the measures the
 * rules aimed at and what covers them, and what was left out and why. */
static void
add_composition (LimberJsonOut *j, const LimberPlan *plan)
{
  if (plan->status != LIMBER_PLAN_OK)
    {
      limber_json_out_null (j, "composition");
      return;
    }
  limber_json_out_begin_object (j, "composition");
  limber_json_out_bool (j, "routine", plan->routine != NULL);
  limber_json_out_strings (j, "core", plan->core->pdata, plan->core->len);
  limber_json_out_strings (j, "accessories", plan->accessories->pdata, plan->accessories->len);
  limber_json_out_begin_array (j, "focus");
  for (guint i = 0; i < plan->focus->len; i++)
    {
      const LimberFocusOut *f = g_ptr_array_index (plan->focus, i);
      limber_json_out_begin_object (j, NULL);
      limber_json_out_string (j, "measure", f->measure);
      limber_json_out_string (j, "covered_by", f->covered_by);
      limber_json_out_end_object (j);
    }
  limber_json_out_end_array (j);
  limber_json_out_begin_array (j, "left_out");
  for (guint i = 0; i < plan->left_out->len; i++)
    {
      const LimberLeftOut *l = g_ptr_array_index (plan->left_out, i);
      limber_json_out_begin_object (j, NULL);
      limber_json_out_string (j, "exercise", l->exercise);
      limber_json_out_string (j, "why", l->why);
      limber_json_out_end_object (j);
    }
  limber_json_out_end_array (j);
  limber_json_out_end_object (j);
}

static void
add_days (LimberJsonOut *j, Writing *W, const LimberPlan *plan)
{
  limber_json_out_begin_array (j, "days");
  for (guint i = 0; i < plan->days->len; i++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, i);
      limber_json_out_begin_object (j, NULL);
      limber_json_out_string (j, "date", day->date);
      limber_json_out_bool (j, "rest", day->rest);
      limber_json_out_number (j, "minutes", day->minutes, 1);
      limber_json_out_begin_array (j, "items");
      /* a referral holds no exercises, whatever a day was given */
      for (guint k = 0; plan->status == LIMBER_PLAN_OK && k < day->items->len; k++)
        add_item (j, W, g_ptr_array_index (day->items, k));
      limber_json_out_end_array (j);
      limber_json_out_end_object (j);
    }
  limber_json_out_end_array (j);
}

char *
limber_plan_to_json (const LimberPlan *plan, gboolean pretty)
{
  g_return_val_if_fail (plan != NULL, NULL);
  /* the writer reads the items' shared reasons directly (add_why) */
  limber_late_reasons_ensure (plan->late);

  GString *out = g_string_sized_new (plan->days->len * 4096 + 2048);
  LimberJsonOut js, *j = &js;
  limber_json_out_init (j, out, pretty);
  limber_json_out_begin_object (j, NULL);
  limber_json_out_uint (j, "format_version", LIMBER_JSON_FORMAT_VERSION);
  limber_json_out_string (j, "status", limber_plan_status_to_string (plan->status));
  add_referral (j, plan);
  add_no_exercises (j, plan);
  add_screening (j, plan);
  limber_json_out_strings (j, "advisories", plan->advisories->pdata, plan->advisories->len);
  add_ruleset (j, plan->rs);
  limber_json_out_uint (j, "seed", plan->seed);
  limber_json_out_string (j, "start", plan->start);
  limber_json_out_string (j, "name", plan->name);
  limber_json_out_string (j, "goal", limber_goal_to_string (plan->goal));
  limber_json_out_number (j, "minutes_per_day", plan->minutes_per_day, -1);
  limber_json_out_number (j, "session_minutes", plan->session_minutes > 0 ? plan->session_minutes
                                                                         : plan->minutes_per_day, -1);
  limber_json_out_int (j, "days_per_week", plan->days_per_week);
  add_facts (j, plan);
  limber_json_out_strings (j, "rules_fired", plan->fired_rules->pdata, plan->fired_rules->len);
  add_composition (j, plan);
  Writing W = {
    .scratch = g_string_sized_new (128),
    .cache = g_string_sized_new (4096),
    .n = plan->rs->exercises->len,
    .tr = plan->tr,
  };
  W.why = g_new0 (WrittenItem, 2 * MAX (W.n, 1));
  W.items = W.why + MAX (W.n, 1);
  add_days (j, &W, plan);
  g_string_free (W.scratch, TRUE);
  g_string_free (W.cache, TRUE);
  g_free (W.why);
  limber_json_out_end_object (j);
  return g_string_free (out, FALSE);
}
