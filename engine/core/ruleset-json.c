/* Describing a rule set for tools (JSON) and for people (text). */
#include "ruleset-private.h"

#include <json-glib/json-glib.h>

#include "condition.h"
#include "json-write.h"
#include "limber/autocleanups.h"
#include "plan-private.h"
#include "scan-private.h"






static const char *const kind_names[] = { "yes-no", "scale", "choice" };

/* Describing in a language (docs/i18n.md): the rule set's texts through
 * its translation tr (NULL: the English); ids and numbers are the same. */
#define T(text) limber_tr (tr, text)

static void
add_strv_tr (JsonBuilder *b, const char *name, char **strv, const LimberTranslation *tr)
{
  if (tr == NULL || strv == NULL)
    {
      limber_json_add_strv (b, name, strv);
      return;
    }
  guint n = g_strv_length (strv);
  g_autofree const char **translated = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    translated[i] = T (strv[i]);
  limber_json_add_strv (b, name, (char **) translated);
}

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
describe_questions (JsonBuilder *b, const LimberRuleset *rs, const LimberTranslation *tr)
{
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->questions->len; i++)
    {
      const LimberQuestion *q = g_ptr_array_index (rs->questions, i);
      const LimberRedFlag *worst = worst_flag (rs, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", q->id);
      limber_json_add_string (b, "text", T (q->text));
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
          if (f->sign != NULL)
            limber_json_add_string (b, "sign", T (f->sign));
          limber_json_add_string (b, "message", T (f->message));
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
describe_history_flags (JsonBuilder *b, const LimberRuleset *rs, const LimberTranslation *tr)
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
      if (f->sign != NULL)
        limber_json_add_string (b, "sign", T (f->sign));
      limber_json_add_string (b, "message", T (f->message));
      limber_json_add_strv (b, "cite", f->cite);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_measures (JsonBuilder *b, const LimberRuleset *rs, const LimberTranslation *tr)
{
  json_builder_set_member_name (b, "measures");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", m->id);
      limber_json_add_string (b, "label", T (m->label));
      limber_json_add_string (b, "unit", m->unit);
      limber_json_add_bool (b, "sided", m->sided);
      limber_json_add_number (b, "normal", m->normal, -1);
      limber_json_add_number (b, "min", m->min, -1);
      limber_json_add_number (b, "max", m->max, -1);
      limber_json_add_number (b, "asymmetry", m->asymmetry, -1);
      limber_json_add_strv (b, "cite", m->cite);
      if (m->protocol != NULL)
        {
          /* what an app shows before filming, in the person's language */
          const LimberScanProtocol *p = m->protocol;
          json_builder_set_member_name (b, "scan");
          json_builder_begin_object (b);
          limber_json_add_string (b, "position", p->position);
          limber_json_add_string (b, "view", p->view);
          limber_json_add_string (b, "plane", p->plane);
          limber_json_add_string (b, "instructions", T (p->instructions));
          json_builder_set_member_name (b, "checks");
          json_builder_begin_array (b);
          for (guint k = 0; k < p->forbids->len; k++)
            json_builder_add_string_value (b, T (g_array_index (p->forbids, LimberScanForbid, k).text));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      if (m->no_scan != NULL)
        limber_json_add_string (b, "no_scan", T (m->no_scan));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_scores (JsonBuilder *b, const LimberRuleset *rs, const LimberTranslation *tr)
{
  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", s->id);
      limber_json_add_string (b, "name", T (s->name));
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
describe_exercises (JsonBuilder *b, const LimberRuleset *rs, const LimberTranslation *tr)
{
  static const char *const variant_names[] = { "easier", "seated", "harder", "alternative" };
  json_builder_set_member_name (b, "exercises");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "id", e->id);
      limber_json_add_string (b, "name", T (e->name));
      add_strv_tr (b, "instructions", e->instructions, tr);
      if (e->brief != NULL)
        add_strv_tr (b, "brief_instructions", e->brief, tr);
      add_strv_tr (b, "muscles", e->muscles, tr);
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

static char *
to_json (const LimberRuleset *rs, gboolean pretty, const LimberTranslation *tr)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  limber_json_add_format_version (b);
  limber_json_add_string (b, "id", rs->id);
  limber_json_add_string (b, "version", rs->version);
  limber_json_add_string (b, "sha256", rs->sha256);
  limber_json_add_int (b, "schema_version", rs->schema_version);
  limber_json_add_string (b, "title", T (rs->title));
  limber_json_add_strv (b, "authors", rs->authors);
  limber_json_add_string (b, "safety", T (rs->safety));
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
  describe_questions (b, rs, tr);
  describe_history_flags (b, rs, tr);
  describe_measures (b, rs, tr);
  describe_scores (b, rs, tr);
  describe_exercises (b, rs, tr);
  describe_rules (b, rs);
  describe_templates (b, rs);
  describe_policy (b, rs);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return limber_json_write (root, NULL, pretty);
}

char *
limber_ruleset_to_json (const LimberRuleset *rs, gboolean pretty)
{
  g_return_val_if_fail (rs != NULL, NULL);
  return to_json (rs, pretty, NULL);
}

char *
limber_ruleset_to_json_in (const LimberRuleset *ruleset, gboolean pretty, const char *language, GError **error)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  const LimberTranslation *tr;
  if (!limber_ruleset_translation_for (ruleset, language, &tr, error))
    return NULL;
  return to_json (ruleset, pretty, tr);
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

static char *
to_text (const LimberRuleset *rs, const LimberTranslation *tr)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s %s: %s\nsha256 %s\n", rs->id, rs->version, T (rs->title), rs->sha256);
  g_string_append (out, "\nGoals:");
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      g_string_append_printf (out, " %s", limber_goal_to_string ((LimberGoal) g));
  g_string_append_printf (out, "\n\nQuestions (%u):\n", rs->questions->len);
  for (guint i = 0; i < rs->questions->len; i++)
    {
      const LimberQuestion *q = g_ptr_array_index (rs->questions, i);
      g_string_append_printf (out, "  %-28s %-7s %s%s%s%s\n", q->id, kind_names[q->kind], T (q->text),
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
      g_string_append_printf (out, "  %s: %s, %u items, categories:", s->id, T (s->name), s->items->len);
      for (guint k = 0; k < s->categories->len; k++)
        g_string_append_printf (out, " %s", ((LimberCategory *) g_ptr_array_index (s->categories, k))->id);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\nExercises (%u):\n", rs->exercises->len);
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      g_string_append_printf (out, "  %-28s %-32s %-8s level %u%s  ", e->id, T (e->name),
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

char *
limber_ruleset_to_text (const LimberRuleset *rs)
{
  g_return_val_if_fail (rs != NULL, NULL);
  return to_text (rs, NULL);
}

char *
limber_ruleset_to_text_in (const LimberRuleset *ruleset, const char *language, GError **error)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  const LimberTranslation *tr;
  if (!limber_ruleset_translation_for (ruleset, language, &tr, error))
    return NULL;
  return to_text (ruleset, tr);
}
