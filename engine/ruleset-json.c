/* Describing a rule set for tools (JSON) and for people (text). */
#include "ruleset-private.h"

#include <json-glib/json-glib.h>

#include "condition.h"
#include "json-write.h"

static void
add_strv (JsonBuilder *b, const char *member, char **v)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (char **p = v; p && *p; p++)
    json_builder_add_string_value (b, *p);
  json_builder_end_array (b);
}

static void
add_string_or_null (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_double (JsonBuilder *b, const char *member, double value)
{
  json_builder_set_member_name (b, member);
  /* whole numbers print as integers, so JSON readers see 45, not 45.0 */
  if (value == (double) (gint64) value)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *member, gboolean value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

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
      add_double (b, "at_least", f->at_least);
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
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, q->id);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, q->text);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kind_names[q->kind]);
      add_strv (b, "choices", q->choices);
      add_double (b, "min", q->min);
      add_double (b, "max", q->max);
      add_string_or_null (b, "red_flag", worst ? limber_outcome_to_string (worst->outcome) : NULL);
      add_trigger (b, worst);
      json_builder_set_member_name (b, "red_flags");
      json_builder_begin_array (b);
      for (guint k = 0; k < rs->red_flags->len; k++)
        {
          const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, k);
          if (f->question_index != (int) i)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, f->id);
          json_builder_set_member_name (b, "outcome");
          json_builder_add_string_value (b, limber_outcome_to_string (f->outcome));
          add_trigger (b, f);
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, f->message);
          add_strv (b, "cite", f->cite);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
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
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, m->label);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, m->unit);
      add_bool (b, "sided", m->sided);
      add_double (b, "normal", m->normal);
      add_double (b, "min", m->min);
      add_double (b, "max", m->max);
      add_double (b, "asymmetry", m->asymmetry);
      add_strv (b, "cite", m->cite);
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
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, s->name);
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
          add_strv (b, sub->id, sub->item_questions);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "categories");
      json_builder_begin_array (b);
      for (guint k = 0; k < s->categories->len; k++)
        {
          const LimberCategory *c = g_ptr_array_index (s->categories, k);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, c->id);
          if (c->has_total_at_least)
            add_double (b, "total_at_least", c->total_at_least);
          if (c->has_total_at_most)
            add_double (b, "total_at_most", c->total_at_most);
          json_builder_set_member_name (b, "subscales");
          json_builder_begin_array (b);
          for (guint j = 0; j < c->bounds->len; j++)
            {
              const LimberSubscaleBound *sb = g_ptr_array_index (c->bounds, j);
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "ref");
              json_builder_add_string_value (b, sb->ref);
              if (sb->has_at_least)
                add_double (b, "at_least", sb->at_least);
              if (sb->has_at_most)
                add_double (b, "at_most", sb->at_most);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_strv (b, "cite", s->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_dose (JsonBuilder *b, const LimberDose *d)
{
  json_builder_begin_object (b);
  add_int (b, "sets", d->sets);
  add_int (b, "reps", d->reps);
  add_double (b, "hold_s", d->hold_s);
  add_double (b, "duration_s", d->duration_s);
  json_builder_end_object (b);
}

static void
describe_exercises (JsonBuilder *b, const LimberRuleset *rs)
{
  static const char *const variant_names[] = { "easier", "seated", "harder" };
  json_builder_set_member_name (b, "exercises");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, e->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, e->name);
      add_strv (b, "instructions", e->instructions);
      add_strv (b, "muscles", e->muscles);
      add_strv (b, "tags", e->tags);
      add_strv (b, "regions", e->regions);
      json_builder_set_member_name (b, "position");
      json_builder_add_string_value (b, limber_position_to_string (e->position));
      add_strv (b, "equipment", e->equipment);
      add_bool (b, "per_side", e->per_side);
      add_int (b, "level", e->level);
      add_double (b, "base_weight", e->base_weight);
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
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, r->id);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, r->description);
      g_autofree char *when = limber_cond_describe (rs, r->when);
      json_builder_set_member_name (b, "when");
      json_builder_add_string_value (b, when);
      json_builder_set_member_name (b, "then");
      json_builder_begin_array (b);
      for (guint a = 0; a < r->actions->len; a++)
        {
          g_autofree char *text = limber_action_describe (g_ptr_array_index (r->actions, a));
          json_builder_add_string_value (b, text);
        }
      json_builder_end_array (b);
      add_strv (b, "cite", r->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_templates (JsonBuilder *b, const LimberRuleset *rs)
{
  json_builder_set_member_name (b, "templates");
  json_builder_begin_object (b);
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
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, s->id);
          add_double (b, "share", s->share);
          add_strv (b, "tags", s->tags);
          if (s->max_items > 0)
            add_int (b, "max_items", s->max_items);
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
  add_int (b, "advance_after", p->advance_after);
  add_double (b, "safe_max", p->safe_max);
  add_double (b, "acceptable_max", p->acceptable_max);
  add_int (b, "max_steps_per_week", p->max_steps_per_week);
  add_int (b, "break_days", p->break_days);
  add_int (b, "break_steps_back", p->break_steps_back);
  add_strv (b, "cite", p->cite);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "timing");
  json_builder_begin_object (b);
  add_double (b, "set_rest_s", rs->timing.set_rest);
  add_double (b, "transition_s", rs->timing.transition);
  add_double (b, "rep_s", rs->timing.rep);
  json_builder_end_object (b);
}

char *
limber_ruleset_to_json (const LimberRuleset *rs, gboolean pretty)
{
  g_return_val_if_fail (rs != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, rs->id);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, rs->version);
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, rs->sha256);
  add_int (b, "schema_version", rs->schema_version);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, rs->title);
  add_strv (b, "authors", rs->authors);
  add_string_or_null (b, "safety", rs->safety);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->sources->len; i++)
    {
      const LimberSource *s = g_ptr_array_index (rs->sources, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, s->text);
      add_string_or_null (b, "url", s->url);
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
