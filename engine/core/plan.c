/* The LimberPlan object: construction for generate.c, teardown and accessors. */
#include "plan-private.h"
#include "lists.h"
#include "struct-size.h"

#include <string.h>

void
limber_item_free (LimberItem *item)
{
  if (item == NULL)
    return;
  for (guint k = 0; k < item->n_own; k++)
    limber_why_clear (&item->own[k]);
  /* items of a generated plan live in its item block (plan->items) */
  if (!item->in_block)
    g_free (item);
}

static void
day_free (LimberDay *day)
{
  for (guint i = 0; i < day->items->len; i++)
    limber_item_free (day->items->pdata[i]);
  if (day->items->owned)
    g_free (day->items->pdata);
  /* days of a generated plan live in its day block (plan->day_block) */
  if (!day->in_block)
    g_free (day);
}



LimberPlan *
limber_plan_alloc (const LimberRuleset *rs)
{
  g_return_val_if_fail (rs != NULL, NULL);

  LimberPlan *plan = g_new0 (LimberPlan, 1);
  /* records: a block for a plan's usual few (LIMBER_ARENA_INIT's size) */
  plan->arena = (LimberArena) LIMBER_ARENA_INIT (2048);
  /* the plan's items point into the rule set's exercises */
  plan->rs = limber_ruleset_ref ((LimberRuleset *) rs);
  plan->status = LIMBER_PLAN_OK;
  plan->outcome = LIMBER_OUTCOME_NONE;
  /* ids borrowed from the rule set the plan holds */
  plan->referral_flags = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->unanswered = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  /* texts in plan->strings */
  plan->advisories = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_free);
  plan->flags = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  /* records in plan->arena */
  plan->deficits = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->asymmetries = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->scores = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->fired_rules = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  /* exercise ids, borrowed from the rule set the plan holds */
  plan->core = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->accessories = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->focus = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  plan->left_out = limber_arena_new0 (&plan->arena, LimberPlanList, 1);
  return plan;
}

const char *
limber_plan_intern (LimberPlan *plan, const char *text)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (plan->strings == NULL)
    plan->strings = g_string_chunk_new (1024);
  return g_string_chunk_insert (plan->strings, text);
}

const char *
limber_plan_internf (LimberPlan *plan, const char *format, ...)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  va_list ap;
  va_start (ap, format);
  const char *text = limber_plan_internv (plan, format, ap);
  va_end (ap);
  return text;
}

const char *
limber_plan_internv (LimberPlan *plan, const char *format, va_list ap)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  char buf[512];
  va_list again;
  va_copy (again, ap);
  int n = g_vsnprintf (buf, sizeof buf, format, ap);
  const char *text;
  if (n >= 0 && (gsize) n < sizeof buf)
    text = limber_plan_intern (plan, buf);
  else
    {
      /* longer than the buffer: format again, into the heap */
      g_autofree char *heap = g_strdup_vprintf (format, again);
      text = limber_plan_intern (plan, heap);
    }
  va_end (again);
  return text;
}

/* A day whose items go to the room at slots (a window on the plan's item
 * pointers), or, with slots NULL, to an array of its own. */
static void
day_init (LimberDay *day, const GDate *date, gpointer *slots, guint room)
{
  limber_date_format (date, day->date);
  day->items = &day->item_list;
  day->item_list = (LimberItemList) { slots, 0, slots ? room : 0, slots == NULL };
}

void
limber_day_add_item (LimberDay *day, LimberItem *item)
{
  g_return_if_fail (day != NULL && item != NULL);

  LimberItemList *list = day->items;
  if (list->len == list->room)
    {
      /* a window was sized by the schedule that fills it */
      g_return_if_fail (list->owned);
      list->room = MAX (8, 2 * list->room);
      list->pdata = g_renew (gpointer, list->pdata, list->room);
    }
  list->pdata[list->len++] = item;
}

void
limber_date_format (const GDate *date, char out[11])
{
  /* by hand rather than g_date_strftime(), which goes through the locale,
   * or printf, which costs more than the rest of a day (years are 1 to
   * 9999: read-limit.h) */
  unsigned y = g_date_get_year (date), m = g_date_get_month (date), d = g_date_get_day (date);
  out[0] = (char) ('0' + y / 1000 % 10);
  out[1] = (char) ('0' + y / 100 % 10);
  out[2] = (char) ('0' + y / 10 % 10);
  out[3] = (char) ('0' + y % 10);
  out[4] = '-';
  out[5] = (char) ('0' + m / 10);
  out[6] = (char) ('0' + m % 10);
  out[7] = '-';
  out[8] = (char) ('0' + d / 10);
  out[9] = (char) ('0' + d % 10);
  out[10] = '\0';
}

LimberDay *
limber_day_alloc (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  LimberDay *day = g_new0 (LimberDay, 1);
  day_init (day, date, NULL, 0);
  return day;
}

void
limber_plan_add_days (LimberPlan *plan, const GDate *start, unsigned n, const guint *reserve)
{
  g_return_if_fail (plan != NULL && plan->day_block == NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));

  plan->day_block = g_new0 (LimberDay, MAX (n, 1));
  guint total = 0;
  for (unsigned d = 0; reserve && d < n; d++)
    total += reserve[d];
  gpointer *slots = limber_arena_new0 (&plan->arena, gpointer, MAX (total, 1));
  for (unsigned d = 0; d < n; d++)
    {
      GDate date = *start;
      g_date_add_days (&date, d);
      LimberDay *day = &plan->day_block[d];
      guint room = reserve ? reserve[d] : 0;
      day_init (day, &date, slots, room);
      slots += room;
      day->in_block = TRUE;
      g_ptr_array_add (plan->days, day);
    }
}

LimberItem *
limber_item_alloc (const LimberExercise *exercise, const char *slot)
{
  g_return_val_if_fail (exercise != NULL, NULL);
  g_return_val_if_fail (slot != NULL, NULL);

  LimberItem *item = g_new0 (LimberItem, 1);
  item->exercise = exercise;
  item->slot = slot;
  item->step = 1;
  item->emphasis_side = LIMBER_SIDE_NONE;
  return item;
}

void
limber_item_add_reason (LimberItem *item, const char *rule, const char *fmt, ...)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (rule != NULL);
  g_return_if_fail (fmt != NULL);

  g_return_if_fail (item->n_own < LIMBER_ITEM_OWN_REASONS);
  va_list args;
  va_start (args, fmt);
  gboolean ok = limber_why_initv (&item->own[item->n_own], 0, rule, fmt, args);
  va_end (args);
  if (ok)
    item->n_own++;
}

void
limber_plan_add_advisory (LimberPlan *plan, const char *text)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (text != NULL);

  /* the rule set's own texts (flags, advice, safety) in the plan's language,
   * and the numbers of the engine's own with the language's decimal mark */
  text = limber_tr (plan->tr, text);
  g_autofree char *numbers = NULL;
  if (plan->lang != LIMBER_LANG_EN && strchr (text, '.') != NULL)
    text = numbers = limber_lang_decimals_in (plan->lang, g_strdup (text));
  /* several rules and flags may give the same advice; the person reads it once */
  for (guint i = 0; i < plan->advisories->len; i++)
    if (strcmp (plan->advisories->pdata[i], text) == 0)
      return;
  limber_plan_list_add (plan, plan->advisories, (gpointer) limber_plan_intern (plan, text));
}

void
limber_plan_list_add (LimberPlan *plan, LimberPlanList *list, gpointer data)
{
  if (list->len == list->room)
    {
      /* the old array stays in the arena until the plan goes: lists are
       * short, so doubling from 8 wastes a few hundred bytes at most */
      guint room = MAX (8, 2 * list->room);
      gpointer *pdata = limber_arena_new0 (&plan->arena, gpointer, room);
      if (list->len > 0)
        memcpy (pdata, list->pdata, sizeof (gpointer) * list->len);
      list->pdata = pdata;
      list->room = room;
    }
  list->pdata[list->len++] = data;
}

void
limber_plan_list_insert (LimberPlan *plan, LimberPlanList *list, guint index, gpointer data)
{
  g_return_if_fail (index <= list->len);
  limber_plan_list_add (plan, list, data);
  memmove (&list->pdata[index + 1], &list->pdata[index], sizeof (gpointer) * (list->len - 1 - index));
  list->pdata[index] = data;
}

void
limber_plan_list_remove_index (LimberPlanList *list, guint index)
{
  g_return_if_fail (index < list->len);
  memmove (&list->pdata[index], &list->pdata[index + 1], sizeof (gpointer) * (list->len - index - 1));
  list->len--;
}


void
limber_plan_free (LimberPlan *plan)
{
  if (plan == NULL)
    return;
  /* the days go first: their items point into the rule set */
  g_clear_pointer (&plan->days, g_ptr_array_unref);
  g_free (plan->day_block);
  g_free (plan->items);
  if (plan->why != NULL)
    {
      for (guint k = 0; k < plan->why->len; k++)
        limber_why_clear (&g_array_index (plan->why, LimberWhy, k));
      g_array_unref (plan->why);
    }
  g_clear_pointer (&plan->strings, g_string_chunk_free);
  g_clear_pointer (&plan->late, limber_late_reasons_free);
  g_clear_pointer (&plan->selection_strings, g_string_chunk_free);
  limber_arena_clear (&plan->arena);
  g_free (plan->referral_message);
  g_free (plan->no_exercises_reason);
  g_free (plan->no_exercises_message);
  g_free (plan->name);
  g_clear_pointer (&plan->rs, limber_ruleset_unref);
  g_free (plan);
}

LimberPlanStatus
limber_plan_get_status (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, LIMBER_PLAN_OK);
  return plan->status;
}

LimberOutcome
limber_plan_get_outcome (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, LIMBER_OUTCOME_NONE);
  return plan->outcome;
}

const char *
limber_plan_get_referral_message (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->status == LIMBER_PLAN_REFERRAL ? plan->referral_message : NULL;
}

const char *
limber_plan_status_to_string (LimberPlanStatus status)
{
  switch (status)
    {
    case LIMBER_PLAN_OK: return "ok";
    case LIMBER_PLAN_REFERRAL: return "referral";
    case LIMBER_PLAN_NO_EXERCISES: return "no-exercises";
    }
  return "ok";
}

const char *
limber_plan_get_no_exercises_message (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->status == LIMBER_PLAN_NO_EXERCISES ? plan->no_exercises_message : NULL;
}

gboolean
limber_plan_get_screening_complete (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);
  return plan->unanswered->len == 0;
}

unsigned
limber_plan_get_n_unanswered (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->unanswered->len;
}

const char *
limber_plan_get_unanswered (const LimberPlan *plan, unsigned index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return limber_list_at (plan->unanswered, index);
}

unsigned
limber_plan_get_n_advisories (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->advisories->len;
}

const char *
limber_plan_get_advisory (const LimberPlan *plan, unsigned index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return limber_list_at (plan->advisories, index);
}

guint64
limber_plan_get_seed (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->seed;
}

unsigned
limber_plan_get_n_days (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->days->len;
}

const LimberDay *
limber_plan_get_day (const LimberPlan *plan, unsigned index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return limber_list_at (plan->days, index);
}

const char *
limber_day_get_date (const LimberDay *day)
{
  g_return_val_if_fail (day != NULL, NULL);
  return day->date;
}

gboolean
limber_day_get_rest (const LimberDay *day)
{
  g_return_val_if_fail (day != NULL, FALSE);
  return day->rest;
}

double
limber_day_get_minutes (const LimberDay *day)
{
  g_return_val_if_fail (day != NULL, 0);
  return day->minutes;
}

unsigned
limber_day_get_n_items (const LimberDay *day)
{
  g_return_val_if_fail (day != NULL, 0);
  return day->items->len;
}

const LimberItem *
limber_day_get_item (const LimberDay *day, unsigned index)
{
  g_return_val_if_fail (day != NULL, NULL);
  return limber_list_at (day->items, index);
}

const LimberExercise *
limber_item_get_exercise (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->exercise;
}

const char *
limber_item_get_slot (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->slot;
}

void
limber_item_get_dose (const LimberItem *item, LimberDose *dose)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (dose != NULL);
  LIMBER_STRUCT_COPY_OUT (dose, item->dose, LimberDose);
}

unsigned
limber_item_get_step (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->step;
}

LimberSide
limber_item_get_emphasis_side (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, LIMBER_SIDE_NONE);
  return item->emphasis_side;
}

unsigned
limber_item_get_emphasis_extra_sets (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->emphasis_side == LIMBER_SIDE_NONE ? 0 : item->extra_sets;
}

double
limber_item_get_seconds (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->seconds;
}

unsigned
limber_item_get_n_reasons (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return limber_item_n_why (item);
}

const char *
limber_item_get_reason (const LimberItem *item, unsigned index, const char **effect)
{
  if (effect)
    *effect = NULL;
  g_return_val_if_fail (item != NULL, NULL);
  const LimberWhy *w = index < limber_item_n_why (item) ? limber_item_why (item, index) : NULL;
  if (w == NULL)
    return NULL;
  if (effect)
    *effect = limber_why_text (w);
  return w->rule;
}

const char *
limber_item_get_explanation (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->explanation;
}

const char *
limber_item_get_name (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->name != NULL ? item->name : item->exercise->name;
}

LimberItemRole
limber_item_get_role (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, LIMBER_ITEM_CORE);
  return item->role;
}

unsigned
limber_plan_get_n_focus (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->focus->len;
}

const char *
limber_plan_get_focus (const LimberPlan *plan, unsigned index, const char **covered_by)
{
  if (covered_by)
    *covered_by = NULL;
  g_return_val_if_fail (plan != NULL, NULL);
  const LimberFocusOut *f = limber_list_at (plan->focus, index);
  if (f == NULL)
    return NULL;
  if (covered_by)
    *covered_by = f->covered_by;
  return f->measure;
}

/* ---- what the plan knows of the person and the rules ----------------------- */

const char *
limber_plan_get_start (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->start;
}

LimberGoal
limber_plan_get_goal (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, LIMBER_GOAL_RECOVERY);
  return plan->goal;
}

const LimberRuleset *
limber_plan_get_ruleset (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->rs;
}

unsigned
limber_plan_get_n_rules_fired (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->fired_rules->len;
}

const char *
limber_plan_get_rule_fired (const LimberPlan *plan, unsigned index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return limber_list_at (plan->fired_rules, index);
}

unsigned
limber_plan_get_n_referral_flags (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->referral_flags->len;
}

const char *
limber_plan_get_referral_flag (const LimberPlan *plan, unsigned index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return limber_list_at (plan->referral_flags, index);
}

unsigned
limber_plan_get_n_deficits (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->deficits->len;
}

const char *
limber_plan_get_deficit (const LimberPlan *plan, unsigned index, double *left, double *right, double *deficit_left,
                         double *deficit_right)
{
  const LimberDeficitOut *d = limber_list_at (plan ? plan->deficits : NULL, index);
  if (left)
    *left = d ? d->left : 0;
  if (right)
    *right = d ? d->right : 0;
  if (deficit_left)
    *deficit_left = d ? d->deficit_left : 0;
  if (deficit_right)
    *deficit_right = d ? d->deficit_right : 0;
  g_return_val_if_fail (plan != NULL, NULL);
  return d ? d->measure : NULL;
}

unsigned
limber_plan_get_n_asymmetries (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->asymmetries->len;
}

const char *
limber_plan_get_asymmetry (const LimberPlan *plan, unsigned index, double *difference, LimberSide *tighter)
{
  const LimberAsymmetryOut *a = limber_list_at (plan ? plan->asymmetries : NULL, index);
  if (difference)
    *difference = a ? a->difference : 0;
  if (tighter)
    *tighter = a ? a->tighter : LIMBER_SIDE_NONE;
  g_return_val_if_fail (plan != NULL, NULL);
  return a ? a->measure : NULL;
}

unsigned
limber_plan_get_n_scores (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->scores->len;
}

const char *
limber_plan_get_score (const LimberPlan *plan, unsigned index, double *total, gboolean *complete,
                       const char **category)
{
  const LimberScoreOut *s = limber_list_at (plan ? plan->scores : NULL, index);
  if (total)
    *total = s ? s->total : 0;
  if (complete)
    *complete = s ? s->complete : FALSE;
  if (category)
    *category = s ? s->category : NULL;
  g_return_val_if_fail (plan != NULL, NULL);
  return s ? s->id : NULL;
}

unsigned
limber_item_get_previous_step (const LimberItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->previous_step;
}
