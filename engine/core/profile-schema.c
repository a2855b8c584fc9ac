/*
 * A JSON Schema (draft 2020-12) of the profiles one rule set reads: the
 * static docs/schema/profile.schema.json knows only the shape every rule set
 * shares, so an editor cannot tell from it that "goal": "performance" is
 * refused by a rule set without that goal, or that a hamstring at 200 degrees
 * is out of range.  This one names the rule set's own goals, questions with
 * the type and range or choices of their answers, measures with their ranges,
 * the regions its exercises work and its exercise ids.
 *
 * It says what the readers (profile-json.c, and the checks of profile.c)
 * accept, no more and no less where JSON Schema can say it: unknown keys are
 * refused wherever the reader refuses them.  Two checks are beyond it and
 * stay the reader's alone: a measure given twice in scan (uniqueItems
 * compares whole items), and a date that has the shape but not the reality
 * of a calendar date (2026-02-30), which only validators that assert
 * "format": "date" catch.
 *
 * Output is deterministic: everything comes in rule-set document order,
 * except the regions, which the rule set keeps in a hash table and are
 * sorted here.
 */
#include "ruleset-private.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "json-write.h"
#include "number-format.h"
#include "profile-private.h"
#include "read-limit.h"

static void
begin_member_object (JsonBuilder *b, const char *member)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
}

static void
add_ref (JsonBuilder *b, const char *member, const char *ref)
{
  begin_member_object (b, member);
  limber_json_add_string (b, "$ref", ref);
  json_builder_end_object (b);
}

/* {"type": type, "minimum": min, "maximum": max} as members of the open object */
static void
add_range (JsonBuilder *b, const char *type, double min, double max)
{
  limber_json_add_string (b, "type", type);
  limber_json_add_number (b, "minimum", min, -1);
  limber_json_add_number (b, "maximum", max, -1);
}

/* The range profile.c checks a number member against, as add_range() */
static void
add_checked_range (JsonBuilder *b, const char *member)
{
  double min, max;
  gboolean above_min, whole;
  limber_profile_number_range (member, &min, &max, &above_min, &whole);
  add_range (b, whole ? "integer" : "number", min, max);
  /* min itself out of range: the schema says so as the checks do */
  if (above_min)
    limber_json_add_number (b, "exclusiveMinimum", min, -1);
}

static void
add_const_string (JsonBuilder *b, const char *member, const char *value)
{
  begin_member_object (b, member);
  limber_json_add_string (b, "const", value);
  json_builder_end_object (b);
}

/* "required": [names...] */
static void
add_required (JsonBuilder *b, const char *const *names)
{
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  for (const char *const *n = names; *n; n++)
    json_builder_add_string_value (b, *n);
  json_builder_end_array (b);
}

/* member: false, for a key the reader refuses in this case */
static void
add_forbidden (JsonBuilder *b, const char *member)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, FALSE);
}

/* An array of ids of the rule set: "items" is the enum of them, or, when
 * the rule set has none, the array must be empty (an empty enum would
 * refuse every item too, but says so less plainly). */
static void
add_id_array_items (JsonBuilder *b, const GPtrArray *ids)
{
  if (ids->len == 0)
    {
      limber_json_add_int (b, "maxItems", 0);
      return;
    }
  begin_member_object (b, "items");
  limber_json_add_strings (b, "enum", ids);
  json_builder_end_object (b);
}

/* "type": "string" and "enum": ids, members of the open object; a rule set
 * without any such id gets "not": true, which refuses every value (an empty
 * enum does too, but some validators call it an invalid schema). */
static void
add_id_enum (JsonBuilder *b, const GPtrArray *ids)
{
  limber_json_add_string (b, "type", "string");
  if (ids->len > 0)
    limber_json_add_strings (b, "enum", ids);
  else
    limber_json_add_bool (b, "not", TRUE);
}

static GPtrArray *
measure_ids (const LimberRuleset *rs, gboolean sided_only)
{
  GPtrArray *ids = g_ptr_array_new ();
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      if (m->sided || !sided_only)
        g_ptr_array_add (ids, m->id);
    }
  return ids;
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* ---- the top level's members ---------------------------------------------- */

static void
add_goal (JsonBuilder *b, const LimberRuleset *rs)
{
  begin_member_object (b, "goal");
  limber_json_add_string (b, "description", "What the person wants from the program: one of the rule set's goals.");
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      json_builder_add_string_value (b, limber_goal_to_string ((LimberGoal) g));
  json_builder_end_array (b);
  /* a profile without a goal reads as recovery, which is only valid when
   * the rule set declares it */
  if (rs->goal_declared[LIMBER_GOAL_RECOVERY])
    limber_json_add_string (b, "default", limber_goal_to_string (LIMBER_GOAL_RECOVERY));
  json_builder_end_object (b);
}

static void
add_constraints (JsonBuilder *b, const LimberRuleset *rs)
{
  begin_member_object (b, "constraints");
  limber_json_add_string (b, "type", "object");
  limber_json_add_bool (b, "additionalProperties", FALSE);
  begin_member_object (b, "properties");

  begin_member_object (b, "no_floor");
  limber_json_add_string (b, "type", "boolean");
  limber_json_add_string (b, "description", "true: the person cannot get down to the floor.");
  limber_json_add_bool (b, "default", FALSE);
  json_builder_end_object (b);

  /* equipment is not checked against the catalogue (a person may own a
   * strap no exercise of this rule set needs): any id, each once */
  begin_member_object (b, "equipment");
  limber_json_add_string (b, "description", "The equipment at hand; [] means none at all (default: chair and wall).");
  limber_json_add_string (b, "type", "array");
  add_ref (b, "items", "#/$defs/id");
  limber_json_add_bool (b, "uniqueItems", TRUE);
  limber_json_add_int (b, "maxItems", LIMBER_MAX_LIST_ITEMS);
  json_builder_end_object (b);

  /* a region no exercise works would silently spare nothing: the reader
   * refuses it, so the schema lists the regions there are */
  g_autofree const char **regions = (const char **) g_hash_table_get_keys_as_array (rs->regions, NULL);
  guint n_regions = g_hash_table_size (rs->regions);
  qsort (regions, n_regions, sizeof (char *), compare_strings);
  g_autoptr (GPtrArray) region_ids = g_ptr_array_new ();
  for (guint i = 0; i < n_regions; i++)
    g_ptr_array_add (region_ids, (gpointer) regions[i]);
  begin_member_object (b, "avoid_regions");
  limber_json_add_string (b, "description", "Body regions to spare: exercises working them are left out.");
  limber_json_add_string (b, "type", "array");
  add_id_array_items (b, region_ids);
  limber_json_add_bool (b, "uniqueItems", TRUE);
  limber_json_add_int (b, "maxItems", LIMBER_MAX_LIST_ITEMS);
  json_builder_end_object (b);

  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_question (JsonBuilder *b, const LimberQuestion *q)
{
  begin_member_object (b, q->id);
  /* the question as asked, and whether a red flag hangs on it: an editor
   * shows this beside the key */
  if (q->worst_outcome != LIMBER_OUTCOME_NONE)
    {
      g_autofree char *text = g_strdup_printf ("%s (a red flag: %s)", q->text, limber_outcome_to_string (q->worst_outcome));
      limber_json_add_string (b, "description", text);
    }
  else
    limber_json_add_string (b, "description", q->text);
  switch (q->kind)
    {
    case LIMBER_QUESTION_YES_NO:
      limber_json_add_string (b, "type", "boolean");
      break;
    case LIMBER_QUESTION_SCALE:
      add_range (b, "number", q->min, q->max);
      break;
    case LIMBER_QUESTION_CHOICE:
      limber_json_add_string (b, "type", "string");
      limber_json_add_strv (b, "enum", q->choices);
      break;
    }
  json_builder_end_object (b);
}

static void
add_answers (JsonBuilder *b, const LimberRuleset *rs)
{
  begin_member_object (b, "answers");
  limber_json_add_string (b, "description",
                          "One member per question answered, keyed by the question's id; unanswered questions are "
                          "absent.");
  limber_json_add_string (b, "type", "object");
  limber_json_add_bool (b, "additionalProperties", FALSE);
  begin_member_object (b, "properties");
  for (guint i = 0; i < rs->questions->len; i++)
    add_question (b, g_ptr_array_index (rs->questions, i));
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_list (JsonBuilder *b, const char *member, const char *description, const char *ref, int max_items)
{
  begin_member_object (b, member);
  limber_json_add_string (b, "description", description);
  limber_json_add_string (b, "type", "array");
  add_ref (b, "items", ref);
  if (max_items > 0)
    limber_json_add_int (b, "maxItems", max_items);
  json_builder_end_object (b);
}

/* ---- $defs ------------------------------------------------------------------ */

static void
add_id_def (JsonBuilder *b)
{
  begin_member_object (b, "id");
  limber_json_add_string (b, "description",
                          "An id as the rule set writes them: lowercase letters, digits, '.', '_' and '-', starting "
                          "with a letter or digit, at most 64 characters.");
  limber_json_add_string (b, "type", "string");
  limber_json_add_string (b, "pattern", "^[a-z0-9][a-z0-9._-]{0,63}$");
  json_builder_end_object (b);
}

static void
add_date_def (JsonBuilder *b)
{
  begin_member_object (b, "date");
  limber_json_add_string (b, "description", "A real calendar date, YYYY-MM-DD.");
  limber_json_add_string (b, "type", "string");
  limber_json_add_string (b, "format", "date");
  /* the pattern holds for validators that only annotate formats */
  limber_json_add_string (b, "pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
  json_builder_end_object (b);
}

static void
add_discomfort_def (JsonBuilder *b)
{
  begin_member_object (b, "discomfort");
  limber_json_add_string (b, "description", "0 to 10; null or -1: not reported.");
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_checked_range (b, "discomfort");
  json_builder_end_object (b);
  json_builder_begin_object (b);
  limber_json_add_int (b, "const", -1);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  limber_json_add_string (b, "type", "null");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* One "if measure is M then its values are within M's range" per measure. */
static void
add_measure_conditions (JsonBuilder *b, const LimberRuleset *rs, gboolean sided_only)
{
  static const char *const sided_required[] = { "left", "right", NULL };
  static const char *const unsided_required[] = { "value", NULL };
  static const char *const measure_required[] = { "measure", NULL };
  json_builder_set_member_name (b, "allOf");
  json_builder_begin_array (b);
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      if (sided_only && !m->sided)
        continue;
      json_builder_begin_object (b);
      begin_member_object (b, "if");
      begin_member_object (b, "properties");
      add_const_string (b, "measure", m->id);
      json_builder_end_object (b);
      add_required (b, measure_required);
      json_builder_end_object (b);

      begin_member_object (b, "then");
      /* the numbers as every output writes them, whatever the locale */
      char min[LIMBER_NUMBER_BUF_SIZE], max[LIMBER_NUMBER_BUF_SIZE];
      g_autofree char *description
        = g_strdup_printf ("%s, in %s, from %s to %s%s", m->label, m->unit, limber_number_format (min, m->min, -1),
                           limber_number_format (max, m->max, -1), m->sided ? ", left and right" : "");
      limber_json_add_string (b, "description", description);
      add_required (b, m->sided ? sided_required : unsided_required);
      begin_member_object (b, "properties");
      const char *const *sides = m->sided ? sided_required : unsided_required;
      for (const char *const *s = sides; *s; s++)
        {
          begin_member_object (b, *s);
          add_range (b, "number", m->min, m->max);
          json_builder_end_object (b);
        }
      /* a sided measure with value, or an unsided one with left or right,
       * is refused by the reader */
      if (m->sided)
        add_forbidden (b, "value");
      else
        {
          add_forbidden (b, "left");
          add_forbidden (b, "right");
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_measurement_def (JsonBuilder *b, const LimberRuleset *rs)
{
  static const char *const required[] = { "measure", NULL };
  g_autoptr (GPtrArray) ids = measure_ids (rs, FALSE);
  begin_member_object (b, "measurement");
  limber_json_add_string (b, "description",
                          "One measure of the body scan: left and right for a sided measure, value for an unsided one.");
  limber_json_add_string (b, "type", "object");
  add_required (b, required);
  limber_json_add_bool (b, "additionalProperties", FALSE);
  begin_member_object (b, "properties");
  begin_member_object (b, "measure");
  add_id_enum (b, ids);
  json_builder_end_object (b);
  static const char *const numbers[] = { "left", "right", "value" };
  for (gsize k = 0; k < G_N_ELEMENTS (numbers); k++)
    {
      begin_member_object (b, numbers[k]);
      limber_json_add_string (b, "type", "number");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  add_measure_conditions (b, rs, FALSE);
  json_builder_end_object (b);
}

static void
add_session_def (JsonBuilder *b, const LimberRuleset *rs)
{
  static const char *const required[] = { "date", "exercise", "completed", NULL };
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  for (guint i = 0; i < rs->exercises->len; i++)
    g_ptr_array_add (ids, ((LimberExercise *) g_ptr_array_index (rs->exercises, i))->id);
  begin_member_object (b, "session");
  limber_json_add_string (b, "description", "A logged session of one exercise.");
  limber_json_add_string (b, "type", "object");
  add_required (b, required);
  limber_json_add_bool (b, "additionalProperties", FALSE);
  begin_member_object (b, "properties");
  add_ref (b, "date", "#/$defs/date");
  begin_member_object (b, "exercise");
  add_id_enum (b, ids);
  json_builder_end_object (b);
  begin_member_object (b, "completed");
  limber_json_add_string (b, "type", "boolean");
  json_builder_end_object (b);
  static const char *const counts[] = { "sets", "reps" };
  for (gsize k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      begin_member_object (b, counts[k]);
      add_checked_range (b, counts[k]);
      json_builder_end_object (b);
    }
  static const char *const seconds[] = { "hold_s", "duration_s" };
  for (gsize k = 0; k < G_N_ELEMENTS (seconds); k++)
    {
      begin_member_object (b, seconds[k]);
      limber_json_add_string (b, "type", "number");
      limber_json_add_int (b, "minimum", 0);
      json_builder_end_object (b);
    }
  add_ref (b, "discomfort", "#/$defs/discomfort");
  add_ref (b, "discomfort_next_day", "#/$defs/discomfort");
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_rescan_def (JsonBuilder *b, const LimberRuleset *rs)
{
  static const char *const required[] = { "date", "measure", "left", "right", NULL };
  g_autoptr (GPtrArray) ids = measure_ids (rs, TRUE);
  begin_member_object (b, "rescan");
  limber_json_add_string (b, "description", "A dated re-measurement of a sided measure.");
  limber_json_add_string (b, "type", "object");
  add_required (b, required);
  limber_json_add_bool (b, "additionalProperties", FALSE);
  begin_member_object (b, "properties");
  add_ref (b, "date", "#/$defs/date");
  begin_member_object (b, "measure");
  add_id_enum (b, ids);  /* no sided measure: nothing can be re-scanned */
  json_builder_end_object (b);
  begin_member_object (b, "left");
  limber_json_add_string (b, "type", "number");
  json_builder_end_object (b);
  begin_member_object (b, "right");
  limber_json_add_string (b, "type", "number");
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_measure_conditions (b, rs, TRUE);
  json_builder_end_object (b);
}

/* ---- the document ----------------------------------------------------------- */

char *
limber_ruleset_to_profile_schema (const LimberRuleset *rs, gboolean pretty)
{
  g_return_val_if_fail (rs != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  limber_json_add_string (b, "$schema", "https://json-schema.org/draft/2020-12/schema");
  g_autofree char *title = g_strdup_printf ("A limber profile for the rule set %s %s", rs->id, rs->version);
  limber_json_add_string (b, "title", title);
  g_autofree char *description = g_strdup_printf (
    "A person's profile as limber reads it against the rule set %s %s (sha256 %s): its goals, questions, measures, "
    "regions and exercises. Written by limber describe --format json-schema; docs/profile-format.md describes every "
    "field, docs/schema/profile.schema.json the shape every rule set shares.",
    rs->id, rs->version, rs->sha256);
  limber_json_add_string (b, "description", description);
  limber_json_add_string (b, "type", "object");
  limber_json_add_bool (b, "additionalProperties", FALSE);
  begin_member_object (b, "properties");

  begin_member_object (b, "$schema");
  limber_json_add_string (b, "description", "The address of the JSON schema an editor checks the document with.");
  limber_json_add_string (b, "type", "string");
  json_builder_end_object (b);

  begin_member_object (b, "name");
  limber_json_add_string (b, "description", "The person's name, for printed plans: one line of text.");
  limber_json_add_string (b, "type", "string");
  limber_json_add_int (b, "minLength", 1);
  /* g_unichar_iscntrl(): the C0 and C1 controls and DEL */
  limber_json_add_string (b, "pattern", "^[^\\u0000-\\u001f\\u007f-\\u009f]+$");
  json_builder_end_object (b);

  /* the ranges of profile.c's checks, which are its own */
  begin_member_object (b, "age");
  add_checked_range (b, "age");
  limber_json_add_int (b, "default", LIMBER_PROFILE_DEFAULT_AGE);
  json_builder_end_object (b);

  add_goal (b, rs);

  begin_member_object (b, "minutes_per_day");
  limber_json_add_string (b, "description", "The daily time budget, in minutes.");
  add_checked_range (b, "minutes_per_day");
  limber_json_add_number (b, "default", LIMBER_PROFILE_DEFAULT_MINUTES, -1);
  json_builder_end_object (b);

  begin_member_object (b, "days_per_week");
  add_checked_range (b, "days_per_week");
  limber_json_add_int (b, "default", LIMBER_PROFILE_DEFAULT_DAYS);
  json_builder_end_object (b);

  add_constraints (b, rs);
  add_answers (b, rs);
  add_list (b, "scan", "The body scan: each measure at most once.", "#/$defs/measurement", 0);
  add_list (b, "history", "The sessions logged, in any order.", "#/$defs/session", LIMBER_MAX_SESSIONS);
  add_list (b, "rescans", "Dated re-measurements of sided measures.", "#/$defs/rescan", LIMBER_MAX_RESCANS);
  json_builder_end_object (b);

  begin_member_object (b, "$defs");
  add_id_def (b);
  add_date_def (b);
  add_discomfort_def (b);
  add_measurement_def (b, rs);
  add_session_def (b, rs);
  add_rescan_def (b, rs);
  json_builder_end_object (b);

  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return limber_json_write (root, NULL, pretty);
}
