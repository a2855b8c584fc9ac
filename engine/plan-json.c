/* The plan as JSON (docs/plan-format.md): json-glib builds the tree in key
 * order, json-write.c writes it. */
#include "plan-private.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "dose-words.h"
#include "json-write.h"

/* ---- building the tree ------------------------------------------------- */







static void
add_referral (JsonBuilder *b, const LimberPlan *plan)
{
  json_builder_set_member_name (b, "referral");
  if (plan->status != LIMBER_PLAN_REFERRAL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  limber_json_add_string (b, "outcome", limber_outcome_to_string (plan->outcome));
  limber_json_add_strings (b, "flags", plan->referral_flags);
  limber_json_add_string (b, "message", plan->referral_message);
  json_builder_end_object (b);
}

/* Why a plan that is no referral has nothing to do, or null. */
static void
add_no_exercises (JsonBuilder *b, const LimberPlan *plan)
{
  json_builder_set_member_name (b, "no_exercises");
  if (plan->status != LIMBER_PLAN_NO_EXERCISES)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  limber_json_add_string (b, "reason", plan->no_exercises_reason);
  limber_json_add_string (b, "message", plan->no_exercises_message);
  json_builder_end_object (b);
}

/* Whether every question a stopping red flag hangs on was answered; an app
 * asks the unanswered ones. */
static void
add_screening (JsonBuilder *b, const LimberPlan *plan)
{
  json_builder_set_member_name (b, "screening");
  json_builder_begin_object (b);
  limber_json_add_bool (b, "complete", plan->unanswered->len == 0);
  limber_json_add_strings (b, "unanswered", plan->unanswered);
  json_builder_end_object (b);
}

static void
add_ruleset (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "ruleset");
  json_builder_begin_object (b);
  limber_json_add_string (b, "id", rs->id);
  limber_json_add_string (b, "version", rs->version);
  limber_json_add_string (b, "sha256", rs->sha256);
  json_builder_end_object (b);
}

static void
add_deficits (JsonBuilder *b, const GPtrArray *deficits)
{
  json_builder_set_member_name (b, "deficits");
  json_builder_begin_array (b);
  for (guint i = 0; i < deficits->len; i++)
    {
      const LimberDeficitOut *d = g_ptr_array_index (deficits, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "measure", d->measure);
      limber_json_add_number (b, "left", d->left, -1);
      limber_json_add_number (b, "right", d->right, -1);
      limber_json_add_number (b, "deficit_left", d->deficit_left, -1);
      limber_json_add_number (b, "deficit_right", d->deficit_right, -1);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_asymmetries (JsonBuilder *b, const GPtrArray *asymmetries)
{
  json_builder_set_member_name (b, "asymmetries");
  json_builder_begin_array (b);
  for (guint i = 0; i < asymmetries->len; i++)
    {
      const LimberAsymmetryOut *a = g_ptr_array_index (asymmetries, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "measure", a->measure);
      limber_json_add_number (b, "difference", a->difference, -1);
      limber_json_add_string (b, "tighter", limber_side_to_string (a->tighter));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Scores are an object keyed by score id, written in the plan's order. */
static void
add_scores (JsonBuilder *b, const GPtrArray *scores)
{
  json_builder_set_member_name (b, "scores");
  json_builder_begin_object (b);
  for (guint i = 0; i < scores->len; i++)
    {
      const LimberScoreOut *s = g_ptr_array_index (scores, i);
      json_builder_set_member_name (b, s->id);
      json_builder_begin_object (b);
      limber_json_add_number (b, "total", s->total, -1);
      json_builder_set_member_name (b, "subscales");
      json_builder_begin_object (b);
      guint n = s->subscale_ids ? s->subscale_ids->len : 0;
      for (guint k = 0; k < n && s->subscale_values && k < s->subscale_values->len; k++)
        limber_json_add_number (b, g_ptr_array_index (s->subscale_ids, k), g_array_index (s->subscale_values, double, k), -1);
      json_builder_end_object (b);
      limber_json_add_string (b, "category", s->complete ? s->category : NULL);
      limber_json_add_bool (b, "complete", s->complete);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
add_facts (JsonBuilder *b, const LimberPlan *plan)
{
  json_builder_set_member_name (b, "facts");
  json_builder_begin_object (b);
  limber_json_add_strings (b, "flags", plan->flags);
  add_deficits (b, plan->deficits);
  add_asymmetries (b, plan->asymmetries);
  add_scores (b, plan->scores);
  json_builder_end_object (b);
}

static void
add_why (JsonBuilder *b, const LimberItem *item)
{
  json_builder_set_member_name (b, "why");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->why->len; i++)
    {
      const LimberReason *r = g_ptr_array_index (item->why, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "rule", r->rule);
      limber_json_add_string (b, "effect", r->effect);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_item (JsonBuilder *b, const LimberItem *item)
{
  json_builder_begin_object (b);
  limber_json_add_string (b, "exercise", item->exercise->id);
  limber_json_add_string (b, "name", item->exercise->name);
  limber_json_add_string (b, "slot", item->slot);
  limber_json_add_int (b, "sets", item->dose.sets);
  limber_json_add_int (b, "reps", item->dose.reps);
  limber_json_add_number (b, "hold_s", item->dose.hold_s, -1);
  limber_json_add_number (b, "duration_s", item->dose.duration_s, -1);
  limber_json_add_bool (b, "per_side", item->exercise->per_side);
  limber_json_add_string (b, "emphasis_side", limber_side_to_string (item->emphasis_side));
  limber_json_add_int (b, "emphasis_extra_sets", limber_item_get_emphasis_extra_sets (item));
  limber_json_add_int (b, "step", item->step);
  json_builder_set_member_name (b, "previous_step");
  if (item->previous_step == 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, item->previous_step);
  limber_json_add_number (b, "seconds", item->seconds, 0);
  limber_json_add_string (b, "role", item->role == LIMBER_ITEM_CORE ? "core" : "accessory");
  limber_json_add_string (b, "explanation", item->explanation);
  add_why (b, item);
  json_builder_end_object (b);
}

/* How the week was composed: the core, the accessories, the measures the
 * rules aimed at and what covers them, and what was left out and why. */
static void
add_composition (JsonBuilder *b, const LimberPlan *plan)
{
  json_builder_set_member_name (b, "composition");
  if (plan->status != LIMBER_PLAN_OK)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  limber_json_add_bool (b, "routine", plan->routine != NULL);
  limber_json_add_strings (b, "core", plan->core);
  limber_json_add_strings (b, "accessories", plan->accessories);
  json_builder_set_member_name (b, "focus");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->focus->len; i++)
    {
      const LimberFocusOut *f = g_ptr_array_index (plan->focus, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "measure", f->measure);
      limber_json_add_string (b, "covered_by", f->covered_by);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "left_out");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->left_out->len; i++)
    {
      const LimberLeftOut *l = g_ptr_array_index (plan->left_out, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "exercise", l->exercise);
      limber_json_add_string (b, "why", l->why);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_days (JsonBuilder *b, const LimberPlan *plan)
{
  json_builder_set_member_name (b, "days");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->days->len; i++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "date", day->date);
      limber_json_add_bool (b, "rest", day->rest);
      limber_json_add_number (b, "minutes", day->minutes, 1);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      /* a referral holds no exercises, whatever a day was given */
      for (guint k = 0; plan->status == LIMBER_PLAN_OK && k < day->items->len; k++)
        add_item (b, g_ptr_array_index (day->items, k));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonNode *
plan_tree (const LimberPlan *plan, JsonNode **seed)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  limber_json_add_string (b, "status", limber_plan_status_to_string (plan->status));
  add_referral (b, plan);
  add_no_exercises (b, plan);
  add_screening (b, plan);
  limber_json_add_strings (b, "advisories", plan->advisories);
  add_ruleset (b, plan->rs);
  /* json-glib integers are signed: the seed goes in as its bit pattern and
   * the writer prints that one node back as unsigned */
  limber_json_add_int (b, "seed", (gint64) plan->seed);
  limber_json_add_string (b, "start", plan->start);
  limber_json_add_string (b, "name", plan->name);
  limber_json_add_string (b, "goal", limber_goal_to_string (plan->goal));
  limber_json_add_number (b, "minutes_per_day", plan->minutes_per_day, -1);
  limber_json_add_number (b, "session_minutes", plan->session_minutes > 0 ? plan->session_minutes
                                                                          : plan->minutes_per_day, -1);
  limber_json_add_int (b, "days_per_week", plan->days_per_week);
  add_facts (b, plan);
  limber_json_add_strings (b, "rules_fired", plan->fired_rules);
  add_composition (b, plan);
  add_days (b, plan);
  json_builder_end_object (b);
  JsonNode *root = json_builder_get_root (b);
  *seed = json_object_get_member (json_node_get_object (root), "seed");
  return root;
}

char *
limber_plan_to_json (const LimberPlan *plan, gboolean pretty)
{
  g_return_val_if_fail (plan != NULL, NULL);

  JsonNode *seed = NULL;
  g_autoptr (JsonNode) root = plan_tree (plan, &seed);
  return limber_json_write (root, seed, pretty);
}
