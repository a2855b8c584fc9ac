/* The LimberRuleset object: reference counting, teardown and accessors. */
#include "ruleset-private.h"
#include "lists.h"
#include "struct-size.h"

#include "limber/error.h"
#include "pose.h"

static const char *const empty_strv[] = { NULL };

gboolean
limber_exercise_uses_floor (const LimberExercise *e)
{
  g_return_val_if_fail (e != NULL, FALSE);
  return e->posture >= LIMBER_POSTURE_SUPINE || e->to_floor || e->position == LIMBER_POSITION_FLOOR
         || e->position == LIMBER_POSITION_KNEELING;
}

gboolean
limber_exercise_targets (const LimberExercise *e, int measure, gboolean any_role)
{
  for (guint k = 0; e->targets && k < e->targets->len; k++)
    {
      const LimberExerciseTarget *t = &g_array_index (e->targets, LimberExerciseTarget, k);
      if (t->measure_index == measure && (any_role || t->primary))
        return TRUE;
    }
  return FALSE;
}

gboolean
limber_exercise_has_target (const LimberExercise *e, const char *measure, gboolean primary_only)
{
  g_return_val_if_fail (e != NULL, FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);
  for (guint k = 0; e->targets && k < e->targets->len; k++)
    {
      const LimberExerciseTarget *t = &g_array_index (e->targets, LimberExerciseTarget, k);
      if (g_strcmp0 (t->measure, measure) == 0 && (!primary_only || t->primary))
        return TRUE;
    }
  return FALSE;
}

int
limber_ruleset_index_of (GHashTable *index, const char *id)
{
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (index, id)) - 1;
}

void
limber_cond_free (LimberCond *cond)
{
  if (cond == NULL)
    return;
  g_clear_pointer (&cond->children, g_ptr_array_unref);
  g_free (cond->ref);
  g_free (cond->value);
  g_free (cond);
}

static void
action_free (LimberAction *a)
{
  g_clear_pointer (&a->targets, g_array_unref);
  g_free (a->target);
  g_free (a->measure);
  g_free (a->text);
  g_free (a);
}

static void
rule_free (LimberRule *r)
{
  g_free (r->id);
  g_free (r->description);
  g_free (r->reason);
  g_strfreev (r->cite);
  limber_cond_free (r->when);
  g_clear_pointer (&r->actions, g_ptr_array_unref);
  g_free (r);
}

static void
measure_free (LimberMeasure *m)
{
  g_free (m->id);
  g_free (m->label);
  g_free (m->name);
  g_free (m->unit);
  g_strfreev (m->cite);
  limber_scan_protocol_free (m->protocol);
  g_free (m->no_scan);
  g_free (m);
}

static void
question_free (LimberQuestion *q)
{
  g_free (q->id);
  g_free (q->text);
  g_strfreev (q->choices);
  g_strfreev (q->choice_texts);
  g_free (q);
}

static void
red_flag_free (LimberRedFlag *f)
{
  g_free (f->id);
  g_free (f->question);
  g_free (f->is);
  g_free (f->sign);
  g_free (f->message);
  g_strfreev (f->cite);
  g_free (f);
}

static void
score_item_free (LimberScoreItem *item)
{
  g_free (item->question);
  g_clear_pointer (&item->points, g_array_unref);
  g_strfreev (item->point_choices);
  g_free (item->point_values);
  g_free (item);
}

static void
subscale_free (LimberSubscale *s)
{
  g_free (s->id);
  g_clear_pointer (&s->items, g_array_unref);
  g_strfreev (s->item_questions);
  g_free (s);
}

static void
bound_free (LimberSubscaleBound *b)
{
  g_free (b->ref);
  g_free (b);
}

static void
category_free (LimberCategory *c)
{
  g_free (c->id);
  g_clear_pointer (&c->bounds, g_ptr_array_unref);
  g_free (c);
}

static void
score_free (LimberScore *s)
{
  g_free (s->id);
  g_free (s->name);
  g_strfreev (s->cite);
  g_clear_pointer (&s->items, g_ptr_array_unref);
  g_clear_pointer (&s->subscales, g_ptr_array_unref);
  g_clear_pointer (&s->categories, g_ptr_array_unref);
  g_free (s);
}

static void
slot_free (LimberSlot *s)
{
  g_free (s->id);
  g_strfreev (s->tags);
  g_free (s->reason);
  g_free (s);
}

static void
variant_free (LimberVariant *v)
{
  g_free (v->ref);
  g_free (v);
}

static void
exercise_free (LimberExercise *e)
{
  g_free (e->id);
  g_free (e->name);
  g_free (e->reason);
  g_strfreev (e->instructions);
  g_strfreev (e->brief);
  g_strfreev (e->muscles);
  g_strfreev (e->regions);
  g_strfreev (e->tags);
  g_strfreev (e->equipment);
  g_clear_pointer (&e->ladder, g_array_unref);
  g_strfreev (e->ladder_cite);
  limber_cond_free (e->contraindications);
  g_strfreev (e->contraindication_text);
  g_clear_pointer (&e->variants, g_ptr_array_unref);
  limber_pose_free (e->pose);
  if (e->targets != NULL)
    {
      for (guint k = 0; k < e->targets->len; k++)
        g_free (g_array_index (e->targets, LimberExerciseTarget, k).measure);
      g_array_unref (e->targets);
    }
  g_free (e);
}

static void
source_free (LimberSource *s)
{
  g_free (s->id);
  g_free (s->text);
  g_free (s->url);
  g_free (s);
}

/* The destructors live here, beside the structures they free, and the loader
 * borrows them through these constructors so that a half-built rule set is
 * torn down by the same code as a whole one. */
GPtrArray *limber_new_cond_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_cond_free); }
GPtrArray *limber_new_action_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) action_free); }
GPtrArray *limber_new_bound_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) bound_free); }
GPtrArray *limber_new_score_item_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) score_item_free); }
GPtrArray *limber_new_subscale_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) subscale_free); }
GPtrArray *limber_new_category_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) category_free); }
GPtrArray *limber_new_slot_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free); }
GPtrArray *limber_new_variant_array (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) variant_free); }

LimberRuleset *
limber_ruleset_alloc (const char *name)
{
  static gint serials;
  LimberRuleset *rs = g_new0 (LimberRuleset, 1);
  rs->ref_count = 1;
  /* a serial, not the address: a rule set freed and another loaded at the
   * same address must not pass for the one a profile was checked against */
  rs->serial = (guint) g_atomic_int_add (&serials, 1) + 1;
  rs->name = g_strdup (name);
  rs->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  rs->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  rs->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  rs->red_flags = g_ptr_array_new_with_free_func ((GDestroyNotify) red_flag_free);
  rs->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  rs->exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) exercise_free);
  rs->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    rs->templates[g].slots = limber_new_slot_array ();
  rs->exercise_index = g_hash_table_new (g_str_hash, g_str_equal);
  rs->question_index = g_hash_table_new (g_str_hash, g_str_equal);
  rs->measure_index = g_hash_table_new (g_str_hash, g_str_equal);
  return rs;
}

LimberRuleset *
limber_ruleset_ref (LimberRuleset *ruleset)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  g_atomic_int_inc (&ruleset->ref_count);
  return ruleset;
}

void
limber_ruleset_unref (LimberRuleset *rs)
{
  if (rs == NULL || !g_atomic_int_dec_and_test (&rs->ref_count))
    return;
  g_clear_pointer (&rs->translations, g_ptr_array_unref);
  g_hash_table_unref (rs->exercise_index);
  g_hash_table_unref (rs->question_index);
  g_hash_table_unref (rs->measure_index);
  g_ptr_array_unref (rs->rules);
  g_ptr_array_unref (rs->exercises);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      g_ptr_array_unref (rs->templates[g].slots);
      g_strfreev (rs->templates[g].routine);
      g_clear_pointer (&rs->templates[g].routine_index, g_array_unref);
      g_free (rs->templates[g].slot_of);
      g_free (rs->templates[g].routine_reason);
      g_strfreev (rs->templates[g].routine_cite);
      g_free (rs->goal_text[g]);
    }
  g_ptr_array_unref (rs->scores);
  g_ptr_array_unref (rs->red_flags);
  g_ptr_array_unref (rs->questions);
  g_ptr_array_unref (rs->measures);
  g_ptr_array_unref (rs->sources);
  g_strfreev (rs->progression.cite);
  g_strfreev (rs->authors);
  g_free (rs->redundant);
  g_clear_pointer (&rs->index_lists, g_hash_table_unref);
  g_clear_pointer (&rs->weight_groups, g_array_unref);
  g_clear_pointer (&rs->member_first, g_free);
  g_clear_pointer (&rs->member_lists, g_free);
  g_clear_pointer (&rs->member_class, g_free);
  g_clear_pointer (&rs->weighted_first, g_free);
  g_clear_pointer (&rs->weighted, g_free);
  g_clear_pointer (&rs->acted_first, g_free);
  g_clear_pointer (&rs->acted, g_free);
  g_clear_pointer (&rs->class_exercise, g_free);
  g_clear_pointer (&rs->rule_code, g_free);
  g_clear_pointer (&rs->base_weights, g_free);
  g_clear_pointer (&rs->rule_ids, g_free);
  g_clear_pointer (&rs->cond_copies, g_free);
  g_clear_pointer (&rs->contra_first, g_free);
  g_clear_pointer (&rs->contra_conds, g_free);
  g_clear_pointer (&rs->primary_bits, g_free);
  g_clear_pointer (&rs->levels, g_free);
  g_clear_pointer (&rs->dosing, g_free);
  g_clear_pointer (&rs->ladder_steps, g_free);
  g_clear_pointer (&rs->steps, g_free);
  g_free (rs->equipment_bits);
  g_free (rs->region_bits);
  g_free (rs->floor_work);
  g_clear_pointer (&rs->equipment_ids, g_ptr_array_unref);
  g_clear_pointer (&rs->region_ids, g_ptr_array_unref);
  g_clear_pointer (&rs->regions, g_hash_table_unref);
  g_free (rs->safety);
  g_strfreev (rs->safety_cite);
  g_free (rs->name);
  g_free (rs->id);
  g_free (rs->version);
  g_free (rs->title);
  g_free (rs->description);
  g_free (rs->sha256);
  g_free (rs);
}

#define GETTER(type, ret, fn, obj, expr, fallback) \
  ret fn (const type *obj) { g_return_val_if_fail (obj != NULL, fallback); return expr; }

GETTER (LimberRuleset, const char *, limber_ruleset_get_id, rs, rs->id, NULL)
GETTER (LimberRuleset, const char *, limber_ruleset_get_version, rs, rs->version, NULL)
GETTER (LimberRuleset, const char *, limber_ruleset_get_title, rs, rs->title, NULL)
GETTER (LimberRuleset, const char *, limber_ruleset_get_sha256, rs, rs->sha256, NULL)
GETTER (LimberRuleset, unsigned, limber_ruleset_get_n_rules, rs, rs->rules->len, 0)
GETTER (LimberRuleset, unsigned, limber_ruleset_get_n_exercises, rs, rs->exercises->len, 0)
GETTER (LimberRuleset, unsigned, limber_ruleset_get_n_questions, rs, rs->questions->len, 0)
GETTER (LimberRuleset, unsigned, limber_ruleset_get_n_measures, rs, rs->measures->len, 0)

GETTER (LimberExercise, const char *, limber_exercise_get_id, e, e->id, NULL)
GETTER (LimberExercise, const char *, limber_exercise_get_name, e, e->name, NULL)
GETTER (LimberExercise, const char *const *, limber_exercise_get_instructions, e, (const char *const *) e->instructions, empty_strv)
GETTER (LimberExercise, const char *const *, limber_exercise_get_brief_instructions, e,
        e->brief ? (const char *const *) e->brief : empty_strv, empty_strv)
GETTER (LimberExercise, const char *const *, limber_exercise_get_regions, e, (const char *const *) e->regions, empty_strv)
GETTER (LimberExercise, const char *const *, limber_exercise_get_tags, e, (const char *const *) e->tags, empty_strv)
GETTER (LimberExercise, const char *const *, limber_exercise_get_equipment, e, (const char *const *) e->equipment, empty_strv)
GETTER (LimberExercise, LimberPosition, limber_exercise_get_position, e, e->position, LIMBER_POSITION_STANDING)
GETTER (LimberExercise, LimberPosture, limber_exercise_get_posture, e, e->posture, LIMBER_POSTURE_STANDING)
GETTER (LimberExercise, unsigned, limber_exercise_get_level, e, e->level, 0)
GETTER (LimberExercise, gboolean, limber_exercise_get_per_side, e, e->per_side, FALSE)
GETTER (LimberExercise, unsigned, limber_exercise_get_n_steps, e, e->ladder->len, 0)

GETTER (LimberQuestion, const char *, limber_question_get_id, q, q->id, NULL)
GETTER (LimberQuestion, const char *, limber_question_get_text, q, q->text, NULL)
GETTER (LimberQuestion, LimberQuestionKind, limber_question_get_kind, q, q->kind, LIMBER_QUESTION_YES_NO)
GETTER (LimberQuestion, const char *const *, limber_question_get_choices, q, (const char *const *) q->choices, empty_strv)
GETTER (LimberQuestion, LimberOutcome, limber_question_get_red_flag_outcome, q, q->worst_outcome, LIMBER_OUTCOME_NONE)

GETTER (LimberMeasure, const char *, limber_measure_get_id, m, m->id, NULL)
GETTER (LimberMeasure, const char *, limber_measure_get_unit, m, m->unit, NULL)
GETTER (LimberMeasure, gboolean, limber_measure_get_sided, m, m->sided, FALSE)
GETTER (LimberMeasure, double, limber_measure_get_normal, m, m->normal, 0)
GETTER (LimberMeasure, double, limber_measure_get_min, m, m->min, 0)
GETTER (LimberMeasure, double, limber_measure_get_max, m, m->max, 0)
GETTER (LimberMeasure, double, limber_measure_get_asymmetry, m, m->asymmetry, 0)

#define BY_INDEX(type, fn, array)                                          \
  const type *fn (const LimberRuleset *rs, unsigned index)                 \
  {                                                                        \
    g_return_val_if_fail (rs != NULL, NULL);                               \
    return limber_list_at (rs->array, index);                             \
  }

BY_INDEX (LimberExercise, limber_ruleset_get_exercise, exercises)
BY_INDEX (LimberQuestion, limber_ruleset_get_question, questions)
BY_INDEX (LimberMeasure, limber_ruleset_get_measure, measures)

#define BY_ID(type, fn, array, index_table)                                \
  const type *fn (const LimberRuleset *rs, const char *id)                 \
  {                                                                        \
    g_return_val_if_fail (rs != NULL, NULL);                               \
    g_return_val_if_fail (id != NULL, NULL);                               \
    int i = limber_ruleset_index_of (rs->index_table, id);                 \
    return i < 0 ? NULL : g_ptr_array_index (rs->array, i);                \
  }

BY_ID (LimberExercise, limber_ruleset_lookup_exercise, exercises, exercise_index)
BY_ID (LimberQuestion, limber_ruleset_lookup_question, questions, question_index)
BY_ID (LimberMeasure, limber_ruleset_lookup_measure, measures, measure_index)

gboolean
limber_exercise_get_step (const LimberExercise *exercise, unsigned index, LimberDose *dose)
{
  g_return_val_if_fail (exercise != NULL, FALSE);
  g_return_val_if_fail (dose != NULL, FALSE);
  if (index >= exercise->ladder->len)
    return FALSE;
  LIMBER_STRUCT_COPY_OUT (dose, g_array_index (exercise->ladder, LimberDose, index), LimberDose);
  return TRUE;
}
