/* The plan as XML: the content of the JSON (docs/plan-format.md), with
 * scalars as attributes, lists as elements, names in kebab-case, and absent
 * values (JSON null) left out. */
#include "plan-private.h"

#include <libxml/xmlwriter.h>

#include "number-format.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* ---- small writers; libxml2 escapes attribute values and text --------- */

static void
start (xmlTextWriterPtr w, const char *element)
{
  xmlTextWriterStartElement (w, BAD_CAST element);
}

static void
end (xmlTextWriterPtr w)
{
  xmlTextWriterEndElement (w);
}

static void
attr (xmlTextWriterPtr w, const char *name, const char *value)
{
  if (value != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static void
attr_number (xmlTextWriterPtr w, const char *name, double value, int decimals)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  attr (w, name, limber_number_format (buf, value, decimals));
}

static void
attr_uint (xmlTextWriterPtr w, const char *name, guint64 value)
{
  char buf[32];
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  attr (w, name, buf);
}

static void
attr_bool (xmlTextWriterPtr w, const char *name, gboolean value)
{
  attr (w, name, value ? "true" : "false");
}

static void
text_element (xmlTextWriterPtr w, const char *element, const char *text)
{
  if (text != NULL)
    xmlTextWriterWriteElement (w, BAD_CAST element, BAD_CAST text);
}

/* <list><element>s</element>...</list> */
static void
string_list (xmlTextWriterPtr w, const char *list, const char *element, const LimberPlanList *strings)
{
  start (w, list);
  for (guint i = 0; i < strings->len; i++)
    text_element (w, element, g_ptr_array_index (strings, i));
  end (w);
}

/* ---- the plan ----------------------------------------------------------- */

static void
write_referral (xmlTextWriterPtr w, const LimberPlan *plan)
{
  if (plan->status != LIMBER_PLAN_REFERRAL)
    return;
  start (w, "referral");
  attr (w, "outcome", limber_outcome_to_string (plan->outcome));
  string_list (w, "flags", "flag", plan->referral_flags);
  text_element (w, "message", plan->referral_message);
  end (w);
}

static void
write_no_exercises (xmlTextWriterPtr w, const LimberPlan *plan)
{
  if (plan->status != LIMBER_PLAN_NO_EXERCISES)
    return;
  start (w, "no-exercises");
  attr (w, "reason", plan->no_exercises_reason);
  text_element (w, "message", plan->no_exercises_message);
  end (w);
}

static void
write_ruleset (xmlTextWriterPtr w, const LimberRuleset *rs)
{
  start (w, "ruleset");
  attr (w, "id", rs->id);
  attr (w, "version", rs->version);
  attr (w, "sha256", rs->sha256);
  end (w);
}

static void
write_deficits (xmlTextWriterPtr w, const LimberPlanList *deficits)
{
  start (w, "deficits");
  for (guint i = 0; i < deficits->len; i++)
    {
      const LimberDeficitOut *d = g_ptr_array_index (deficits, i);
      start (w, "deficit");
      attr (w, "measure", d->measure);
      attr_number (w, "left", d->left, -1);
      attr_number (w, "right", d->right, -1);
      attr_number (w, "deficit-left", d->deficit_left, -1);
      attr_number (w, "deficit-right", d->deficit_right, -1);
      end (w);
    }
  end (w);
}

static void
write_asymmetries (xmlTextWriterPtr w, const LimberPlanList *asymmetries)
{
  start (w, "asymmetries");
  for (guint i = 0; i < asymmetries->len; i++)
    {
      const LimberAsymmetryOut *a = g_ptr_array_index (asymmetries, i);
      start (w, "asymmetry");
      attr (w, "measure", a->measure);
      attr_number (w, "difference", a->difference, -1);
      attr (w, "tighter", limber_side_to_string (a->tighter));
      end (w);
    }
  end (w);
}

static void
write_scores (xmlTextWriterPtr w, const LimberPlanList *scores)
{
  start (w, "scores");
  for (guint i = 0; i < scores->len; i++)
    {
      const LimberScoreOut *s = g_ptr_array_index (scores, i);
      start (w, "score");
      attr (w, "id", s->id);
      attr_number (w, "total", s->total, -1);
      attr (w, "category", s->complete ? s->category : NULL);
      attr_bool (w, "complete", s->complete);
      for (guint k = 0; k < s->n_subscales; k++)
        {
          start (w, "subscale");
          attr (w, "id", s->subscale_ids[k]);
          attr_number (w, "value", s->subscale_values[k], -1);
          end (w);
        }
      end (w);
    }
  end (w);
}

static void
write_facts (xmlTextWriterPtr w, const LimberPlan *plan)
{
  start (w, "facts");
  string_list (w, "flags", "flag", plan->flags);
  write_deficits (w, plan->deficits);
  write_asymmetries (w, plan->asymmetries);
  write_scores (w, plan->scores);
  end (w);
}

static void
write_item (xmlTextWriterPtr w, const LimberPlan *plan, const LimberItem *item)
{
  start (w, "item");
  attr (w, "exercise", item->exercise->id);
  attr (w, "name", limber_tr (plan->tr, item->exercise->name));
  attr (w, "slot", item->slot);
  attr_uint (w, "sets", item->dose.sets);
  attr_uint (w, "reps", item->dose.reps);
  attr_number (w, "hold-s", item->dose.hold_s, -1);
  attr_number (w, "duration-s", item->dose.duration_s, -1);
  attr_bool (w, "per-side", item->exercise->per_side);
  attr (w, "emphasis-side", limber_side_to_string (item->emphasis_side));
  attr_uint (w, "emphasis-extra-sets", limber_item_get_emphasis_extra_sets (item));
  attr_uint (w, "step", item->step);
  if (item->previous_step != 0)
    attr_uint (w, "previous-step", item->previous_step);
  attr_number (w, "seconds", item->seconds, 0);
  attr (w, "role", item->role == LIMBER_ITEM_CORE ? "core" : "accessory");
  if (item->explanation != NULL)
    {
      start (w, "explanation");
      xmlTextWriterWriteString (w, BAD_CAST item->explanation);
      end (w);
    }
  for (guint i = 0; i < limber_item_n_why (item); i++)
    {
      const LimberWhy *r = limber_item_why (item, i);
      start (w, "why");
      attr (w, "rule", r->rule);
      attr (w, "effect", limber_why_text (r));
      end (w);
    }
  end (w);
}

static void
write_composition (xmlTextWriterPtr w, const LimberPlan *plan)
{
  if (plan->status != LIMBER_PLAN_OK)
    return;
  start (w, "composition");
  attr_bool (w, "routine", plan->routine != NULL);
  string_list (w, "core", "exercise", plan->core);
  string_list (w, "accessories", "exercise", plan->accessories);
  start (w, "focus");
  for (guint i = 0; i < plan->focus->len; i++)
    {
      const LimberFocusOut *f = g_ptr_array_index (plan->focus, i);
      start (w, "measure");
      attr (w, "id", f->measure);
      if (f->covered_by != NULL)
        attr (w, "covered-by", f->covered_by);
      end (w);
    }
  end (w);
  start (w, "left-out");
  for (guint i = 0; i < plan->left_out->len; i++)
    {
      const LimberLeftOut *l = g_ptr_array_index (plan->left_out, i);
      start (w, "exercise");
      attr (w, "id", l->exercise);
      attr (w, "why", l->why);
      end (w);
    }
  end (w);
  end (w);
}

static void
write_days (xmlTextWriterPtr w, const LimberPlan *plan)
{
  start (w, "days");
  for (guint i = 0; i < plan->days->len; i++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, i);
      start (w, "day");
      attr (w, "date", day->date);
      attr_bool (w, "rest", day->rest);
      attr_number (w, "minutes", day->minutes, 1);
      /* a referral holds no exercises, whatever a day was given */
      for (guint k = 0; plan->status == LIMBER_PLAN_OK && k < day->items->len; k++)
        write_item (w, plan, g_ptr_array_index (day->items, k));
      end (w);
    }
  end (w);
}

static void
write_plan (xmlTextWriterPtr w, const LimberPlan *plan)
{
  start (w, "plan");
  attr (w, "status", limber_plan_status_to_string (plan->status));
  attr_uint (w, "seed", plan->seed);
  attr (w, "start", plan->start);
  if (plan->name != NULL)
    attr (w, "name", plan->name);
  attr (w, "goal", limber_goal_to_string (plan->goal));
  attr_number (w, "minutes-per-day", plan->minutes_per_day, -1);
  attr_number (w, "session-minutes", plan->session_minutes > 0 ? plan->session_minutes : plan->minutes_per_day, -1);
  attr_uint (w, "days-per-week", plan->days_per_week);
  write_referral (w, plan);
  write_no_exercises (w, plan);
  start (w, "screening");
  attr_bool (w, "complete", plan->unanswered->len == 0);
  string_list (w, "unanswered", "question", plan->unanswered);
  end (w);
  string_list (w, "advisories", "advisory", plan->advisories);
  write_ruleset (w, plan->rs);
  write_facts (w, plan);
  string_list (w, "rules-fired", "rule", plan->fired_rules);
  write_composition (w, plan);
  write_days (w, plan);
  end (w);
}

char *
limber_plan_to_xml (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_autoptr (xmlBuffer) buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  write_plan (w, plan);
  xmlTextWriterEndDocument (w);
  /* freeing the writer flushes it into the buffer */
  xmlFreeTextWriter (w);
  return g_strdup ((const char *) xmlBufferContent (buffer));
}
