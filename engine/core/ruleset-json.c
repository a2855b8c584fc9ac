/* Describing a rule set for tools (JSON) and for people (text). */
#include "ruleset-private.h"

#include <json-glib/json-glib.h>

#include "condition.h"
#include "json-write.h"






static const char *const kind_names[] = { "yes-no", "scale", "choice" };

/* The red flag of a question with the most severe outcome; the first one in
 * document order among equals. */
static const LimberRedFlag *
worst_flag (const LimberRuleset *rs, guint question_index)
{
  const LimberRedFlag *worst = NULL;
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      if (f->question_index == (int) question_index && (worst == NULL || f->outcome > worst->outcome))
        worst = f;
    }
  return worst;
}

static void
add_trigger (JsonBuilder *b, const LimberRedFlag *f)
{
  json_builder_set_member_name (b, "trigger");
  if (f == NULL)
    json_builder_add_null_value (b);
  else if (f->is != NULL)
    json_builder_add_string_value (b, f->is);
  else
    {
      json_builder_begin_object (b);
      limber_json_add_number (b, "at_least", f->at_least, -1);
      json_builder_end_object (b);
    }
}

static void
describe_questions (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->questions->len; i++)
    {
      const LimberQuestion *q = g_ptr_array_index (rs->questions, i);
      const LimberRedFlag *worst = worst_flag (rs, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", q->id);
      limber_json_add_string (b, "text", q->text);
      limber_json_add_string (b, "kind", kind_names[q->kind]);
      limber_json_add_strv (b, "choices", q->choices);
      limber_json_add_number (b, "min", q->min, -1);
      limber_json_add_number (b, "max", q->max, -1);
      limber_json_add_string (b, "red_flag", worst ? limber_outcome_to_string (worst->outcome) : NULL);
      add_trigger (b, worst);
      json_builder_set_member_name (b, "red_flags");
      json_builder_begin_array (b);
      for (guint k = 0; k < rs->red_flags->len; k++)
        {
          const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, k);
          if (f->question_index != (int) i)
            continue;
          json_builder_begin_object (b);
          limber_json_add_string (b, "id", f->id);
          limber_json_add_string (b, "outcome", limber_outcome_to_string (f->outcome));
          add_trigger (b, f);
          limber_json_add_string (b, "message", f->message);
          limber_json_add_strv (b, "cite", f->cite);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static const char *const history_fact_names[] = {
  "sessions-completed", "days-since-last-session", "weeks-active", "recent-max-discomfort", "unsettled-discomfort-days",
  "weeks-without-improvement",
};

/* Red flags on the logged history: no question asks them, so they are
 * listed apart (an app has nothing to ask; the engine reads the log). */
static void
describe_history_flags (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "history_red_flags");
  json_builder_begin_array (b);
  for (guint k = 0; k < rs->red_flags->len; k++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, k);
      if (!f->on_history)
        continue;
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", f->id);
      limber_json_add_string (b, "outcome", limber_outcome_to_string (f->outcome));
      limber_json_add_string (b, "history", history_fact_names[f->history_fact]);
      limber_json_add_number (b, "at_least", f->at_least, -1);
      limber_json_add_string (b, "message", f->message);
      limber_json_add_strv (b, "cite", f->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_measures (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "measures");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", m->id);
      limber_json_add_string (b, "label", m->label);
      limber_json_add_string (b, "unit", m->unit);
      limber_json_add_bool (b, "sided", m->sided);
      limber_json_add_number (b, "normal", m->normal, -1);
      limber_json_add_number (b, "min", m->min, -1);
      limber_json_add_number (b, "max", m->max, -1);
      limber_json_add_number (b, "asymmetry", m->asymmetry, -1);
      limber_json_add_strv (b, "cite", m->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_scores (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", s->id);
      limber_json_add_string (b, "name", s->name);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint k = 0; k < s->items->len; k++)
        json_builder_add_string_value (b, ((LimberScoreItem *) g_ptr_array_index (s->items, k))->question);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "subscales");
      json_builder_begin_object (b);
      for (guint k = 0; k < s->subscales->len; k++)
        {
          const LimberSubscale *sub = g_ptr_array_index (s->subscales, k);
          limber_json_add_strv (b, sub->id, sub->item_questions);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "categories");
      json_builder_begin_array (b);
      for (guint k = 0; k < s->categories->len; k++)
        {
          const LimberCategory *c = g_ptr_array_index (s->categories, k);
          json_builder_begin_object (b);
          limber_json_add_string (b, "id", c->id);
          if (c->has_total_at_least)
            limber_json_add_number (b, "total_at_least", c->total_at_least, -1);
          if (c->has_total_at_most)
            limber_json_add_number (b, "total_at_most", c->total_at_most, -1);
          json_builder_set_member_name (b, "subscales");
          json_builder_begin_array (b);
          for (guint j = 0; j < c->bounds->len; j++)
            {
              const LimberSubscaleBound *sb = g_ptr_array_index (c->bounds, j);
              json_builder_begin_object (b);
              limber_json_add_string (b, "ref", sb->ref);
              if (sb->has_at_least)
                limber_json_add_number (b, "at_least", sb->at_least, -1);
              if (sb->has_at_most)
                limber_json_add_number (b, "at_most", sb->at_most, -1);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      limber_json_add_strv (b, "cite", s->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_dose (JsonBuilder *b, const LimberDose *d)
{
  json_builder_begin_object (b);
  limber_json_add_int (b, "sets", d->sets);
  limber_json_add_int (b, "reps", d->reps);
  limber_json_add_number (b, "hold_s", d->hold_s, -1);
  limber_json_add_number (b, "duration_s", d->duration_s, -1);
  json_builder_end_object (b);
}

static void
describe_exercises (JsonBuilder *b, const LimberRuleset *rs)
{
  static const char *const variant_names[] = { "easier", "seated", "harder", "alternative" };
  json_builder_set_member_name (b, "exercises");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", e->id);
      limber_json_add_string (b, "name", e->name);
      limber_json_add_strv (b, "instructions", e->instructions);
      limber_json_add_strv (b, "muscles", e->muscles);
      limber_json_add_strv (b, "tags", e->tags);
      limber_json_add_strv (b, "regions", e->regions);
      limber_json_add_string (b, "position", limber_position_to_string (e->position));
      limber_json_add_strv (b, "equipment", e->equipment);
      limber_json_add_bool (b, "per_side", e->per_side);
      limber_json_add_int (b, "level", e->level);
      limber_json_add_number (b, "base_weight", e->base_weight, -1);
      json_builder_set_member_name (b, "ladder");
      json_builder_begin_array (b);
      for (guint s = 0; s < e->ladder->len; s++)
        add_dose (b, &g_array_index (e->ladder, LimberDose, s));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "contraindications");
      json_builder_begin_array (b);
      if (e->contraindications)
        for (guint c = 0; c < e->contraindications->children->len; c++)
          {
            g_autofree char *text = limber_cond_describe (rs, g_ptr_array_index (e->contraindications->children, c));
            json_builder_add_string_value (b, text);
          }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "variants");
      json_builder_begin_object (b);
      for (guint v = 0; v < e->variants->len; v++)
        {
          const LimberVariant *var = g_ptr_array_index (e->variants, v);
          json_builder_set_member_name (b, variant_names[var->kind]);
          json_builder_add_string_value (b, var->ref);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_rules (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->rules->len; i++)
    {
      const LimberRule *r = g_ptr_array_index (rs->rules, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", r->id);
      limber_json_add_string (b, "description", r->description);
      g_autofree char *when = limber_cond_describe (rs, r->when);
      limber_json_add_string (b, "when", when);
      json_builder_set_member_name (b, "then");
      json_builder_begin_array (b);
      for (guint a = 0; a < r->actions->len; a++)
        {
          g_autofree char *text = limber_action_describe (g_ptr_array_index (r->actions, a));
          json_builder_add_string_value (b, text);
        }
      json_builder_end_array (b);
      limber_json_add_strv (b, "cite", r->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_templates (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "templates");
  json_builder_begin_object (b);
  if (rs->template_minutes > 0)
    limber_json_add_int (b, "reference_minutes", rs->template_minutes);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      if (!rs->templates[g].present)
        continue;
      json_builder_set_member_name (b, limber_goal_to_string ((LimberGoal) g));
      json_builder_begin_array (b);
      for (guint i = 0; i < rs->templates[g].slots->len; i++)
        {
          const LimberSlot *s = g_ptr_array_index (rs->templates[g].slots, i);
          json_builder_begin_object (b);
          limber_json_add_string (b, "id", s->id);
          limber_json_add_number (b, "share", s->share, -1);
          limber_json_add_strv (b, "tags", s->tags);
          if (s->max_items > 0)
            limber_json_add_int (b, "max_items", s->max_items);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
describe_policy (JsonBuilder *b, const LimberRuleset *rs)
{
  const LimberProgression *p = &rs->progression;
  json_builder_set_member_name (b, "progression");
  json_builder_begin_object (b);
  limber_json_add_int (b, "advance_after", p->advance_after);
  limber_json_add_number (b, "safe_max", p->safe_max, -1);
  limber_json_add_number (b, "acceptable_max", p->acceptable_max, -1);
  limber_json_add_int (b, "max_steps_per_week", p->max_steps_per_week);
  limber_json_add_int (b, "break_days", p->break_days);
  limber_json_add_int (b, "break_steps_back", p->break_steps_back);
  limber_json_add_strv (b, "cite", p->cite);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "timing");
  json_builder_begin_object (b);
  limber_json_add_number (b, "set_rest_s", rs->timing.set_rest, -1);
  limber_json_add_number (b, "transition_s", rs->timing.transition, -1);
  limber_json_add_number (b, "rep_s", rs->timing.rep, -1);
  json_builder_end_object (b);
}

char *
limber_ruleset_to_json (const LimberRuleset *rs, gboolean pretty)
{
  g_return_val_if_fail (rs != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  limber_json_add_format_version (b);
  limber_json_add_string (b, "id", rs->id);
  limber_json_add_string (b, "version", rs->version);
  limber_json_add_string (b, "sha256", rs->sha256);
  limber_json_add_int (b, "schema_version", rs->schema_version);
  limber_json_add_string (b, "title", rs->title);
  limber_json_add_strv (b, "authors", rs->authors);
  limber_json_add_string (b, "safety", rs->safety);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->sources->len; i++)
    {
      const LimberSource *s = g_ptr_array_index (rs->sources, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", s->id);
      limber_json_add_string (b, "text", s->text);
      limber_json_add_string (b, "url", s->url);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "goals");
  json_builder_begin_array (b);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      json_builder_add_string_value (b, limber_goal_to_string ((LimberGoal) g));
  json_builder_end_array (b);
  describe_questions (b, rs);
  describe_history_flags (b, rs);
  describe_measures (b, rs);
  describe_scores (b, rs);
  describe_exercises (b, rs);
  describe_rules (b, rs);
  describe_templates (b, rs);
  describe_policy (b, rs);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return limber_json_write (root, NULL, pretty);
}

static void
text_dose (GString *out, const LimberDose *d)
{
  if (d->duration_s > 0)
    g_string_append_printf (out, "%u x %g s", d->sets, d->duration_s);
  else if (d->hold_s > 0)
    g_string_append_printf (out, "%u x %u reps, %g s holds", d->sets, d->reps, d->hold_s);
  else
    g_string_append_printf (out, "%u x %u reps", d->sets, d->reps);
}

char *
limber_ruleset_to_text (const LimberRuleset *rs)
{
  g_return_val_if_fail (rs != NULL, NULL);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s %s: %s\nsha256 %s\n", rs->id, rs->version, rs->title, rs->sha256);
  g_string_append (out, "\nGoals:");
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      g_string_append_printf (out, " %s", limber_goal_to_string ((LimberGoal) g));
  g_string_append_printf (out, "\n\nQuestions (%u):\n", rs->questions->len);
  for (guint i = 0; i < rs->questions->len; i++)
    {
      const LimberQuestion *q = g_ptr_array_index (rs->questions, i);
      g_string_append_printf (out, "  %-28s %-7s %s%s%s%s\n", q->id, kind_names[q->kind], q->text,
                              q->worst_outcome ? " [red flag: " : "",
                              q->worst_outcome ? limber_outcome_to_string (q->worst_outcome) : "",
                              q->worst_outcome ? "]" : "");
    }
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      if (f->on_history)
        g_string_append_printf (out, "  %-28s history %s >= %g [red flag: %s]\n", f->id,
                                history_fact_names[f->history_fact], f->at_least, limber_outcome_to_string (f->outcome));
    }
  g_string_append_printf (out, "\nMeasures (%u):\n", rs->measures->len);
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      g_string_append_printf (out, "  %-24s normal %g %s (valid %g to %g)%s", m->id, m->normal, m->unit, m->min,
                              m->max, m->sided ? ", sided" : "");
      if (m->asymmetry > 0)
        g_string_append_printf (out, ", asymmetry from %g", m->asymmetry);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\nScores (%u):\n", rs->scores->len);
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      g_string_append_printf (out, "  %s: %s, %u items, categories:", s->id, s->name, s->items->len);
      for (guint k = 0; k < s->categories->len; k++)
        g_string_append_printf (out, " %s", ((LimberCategory *) g_ptr_array_index (s->categories, k))->id);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\nExercises (%u):\n", rs->exercises->len);
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      g_string_append_printf (out, "  %-28s %-32s %-8s level %u%s  ", e->id, e->name,
                              limber_position_to_string (e->position), e->level, e->per_side ? ", per side" : "");
      for (guint s = 0; s < e->ladder->len; s++)
        {
          if (s > 0)
            g_string_append (out, " -> ");
          text_dose (out, &g_array_index (e->ladder, LimberDose, s));
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\nRules (%u):\n", rs->rules->len);
  for (guint i = 0; i < rs->rules->len; i++)
    {
      const LimberRule *r = g_ptr_array_index (rs->rules, i);
      g_string_append_printf (out, "  %-28s %s\n", r->id, r->description);
    }
  return g_string_free (out, FALSE);
}
