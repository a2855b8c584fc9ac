/* Specification of limber_ruleset_to_profile_schema(): a JSON Schema of the
 * profiles one rule set reads, naming that rule set's goals, questions,
 * measures, regions and exercises.  Whether documents validate against it is
 * bindings/python/tests/test_schemas.py's to show (with a real validator);
 * here, the schema's shape for a small rule set whose every part is known
 * (tests/data/profile-rules.xml), and the CLI that writes it. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <limber.h>

#include "support.h"

TestSuite (profile_schema);

static LimberRuleset *
profile_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = limber_test_data ("profile-rules.xml");
  LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

/* The schema of rs, parsed (asserts it is JSON with an object at its root). */
static JsonNode *
schema_of (const LimberRuleset *rs)
{
  g_autofree char *text = limber_ruleset_to_profile_schema (rs, TRUE);
  cr_assert_not_null (text);
  g_autoptr (GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);
  cr_assert_not_null (root, "not JSON: %s", error ? error->message : "");
  cr_assert (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

/* The node at a '/'-separated path of member names, or NULL. */
static JsonNode *
at (JsonNode *root, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;
  for (char **p = parts; *p && node; p++)
    node = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), *p) : NULL;
  return node;
}

static const char *
string_at (JsonNode *root, const char *path)
{
  JsonNode *node = at (root, path);
  cr_assert_not_null (node, "no %s", path);
  cr_assert (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING, "%s: not a string",
             path);
  return json_node_get_string (node);
}

static double
number_at (JsonNode *root, const char *path)
{
  JsonNode *node = at (root, path);
  cr_assert_not_null (node, "no %s", path);
  cr_assert (JSON_NODE_HOLDS_VALUE (node), "%s: not a number", path);
  return json_node_get_double (node);
}

static gboolean
bool_at (JsonNode *root, const char *path)
{
  JsonNode *node = at (root, path);
  cr_assert_not_null (node, "no %s", path);
  cr_assert (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN, "%s: not a boolean",
             path);
  return json_node_get_boolean (node);
}

/* The strings of the array at path, joined by spaces ("recovery flexibility"). */
static char *
strings_at (JsonNode *root, const char *path)
{
  JsonNode *node = at (root, path);
  cr_assert_not_null (node, "no %s", path);
  cr_assert (JSON_NODE_HOLDS_ARRAY (node), "%s: not an array", path);
  JsonArray *array = json_node_get_array (node);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", json_array_get_string_element (array, i));
  return g_string_free (out, FALSE);
}

/* The "then" of the allOf condition of a measurement or re-scan whose "if"
 * names measure, or NULL when none does. */
static JsonNode *
condition_for (JsonNode *root, const char *def, const char *measure)
{
  g_autofree char *path = g_strdup_printf ("$defs/%s/allOf", def);
  JsonNode *all = at (root, path);
  cr_assert (all && JSON_NODE_HOLDS_ARRAY (all), "no %s", path);
  JsonArray *array = json_node_get_array (all);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *branch = json_array_get_element (array, i);
      if (g_strcmp0 (string_at (branch, "if/properties/measure/const"), measure) == 0)
        return at (branch, "then");
    }
  return NULL;
}

LIMBER_TEST (profile_schema, is_draft_2020_12_named_after_its_rule_set_and_refuses_unknown_top_level_keys)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  cr_assert_str_eq (string_at (s, "$schema"), "https://json-schema.org/draft/2020-12/schema");
  cr_assert (strstr (string_at (s, "title"), limber_ruleset_get_id (rs)) != NULL);
  cr_assert (strstr (string_at (s, "description"), limber_ruleset_get_sha256 (rs)) != NULL,
             "the description names the exact rule set");
  cr_assert_str_eq (string_at (s, "type"), "object");
  cr_assert_not (bool_at (s, "additionalProperties"));
  /* every key the JSON reader knows, "$schema" included, and no other */
  JsonObject *properties = json_node_get_object (at (s, "properties"));
  g_autoptr (GList) keys = json_object_get_members (properties);
  GString *names = g_string_new (NULL);
  for (GList *k = keys; k; k = k->next)
    g_string_append_printf (names, "%s%s", names->len ? " " : "", (const char *) k->data);
  g_autofree char *joined = g_string_free (names, FALSE);
  cr_assert_str_eq (joined, "$schema name age goal minutes_per_day days_per_week constraints answers scan history rescans");
}

LIMBER_TEST (profile_schema, goal_is_one_of_the_goals_the_rule_set_declares)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  /* profile-rules.xml declares two of the three goals */
  g_autofree char *goals = strings_at (s, "properties/goal/enum");
  cr_assert_str_eq (goals, "recovery flexibility");
  cr_assert_str_eq (string_at (s, "properties/goal/default"), "recovery");
}

LIMBER_TEST (profile_schema, the_fields_every_rule_set_shares_carry_the_readers_ranges)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  cr_assert_str_eq (string_at (s, "properties/age/type"), "integer");
  cr_assert_eq (number_at (s, "properties/age/minimum"), 0);
  cr_assert_eq (number_at (s, "properties/age/maximum"), 120);
  cr_assert_str_eq (string_at (s, "properties/minutes_per_day/type"), "number");
  cr_assert_eq (number_at (s, "properties/minutes_per_day/minimum"), 5);
  cr_assert_eq (number_at (s, "properties/minutes_per_day/maximum"), 180);
  cr_assert_str_eq (string_at (s, "properties/days_per_week/type"), "integer");
  cr_assert_eq (number_at (s, "properties/days_per_week/minimum"), 1);
  cr_assert_eq (number_at (s, "properties/days_per_week/maximum"), 7);
  cr_assert_not (bool_at (s, "properties/constraints/additionalProperties"));
  cr_assert_eq (number_at (s, "properties/history/maxItems"), 10000);
  cr_assert_eq (number_at (s, "properties/rescans/maxItems"), 1000);
  cr_assert_eq (number_at (s, "properties/constraints/properties/equipment/maxItems"), 100);
  cr_assert (bool_at (s, "properties/constraints/properties/equipment/uniqueItems"));
  cr_assert_str_eq (string_at (s, "$defs/date/format"), "date");
  cr_assert_not_null (at (s, "$defs/date/pattern"));
}

LIMBER_TEST (profile_schema, each_question_is_answered_by_its_kind_and_no_other_key_is_an_answer)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  cr_assert_not (bool_at (s, "properties/answers/additionalProperties"));
  JsonObject *answers = json_node_get_object (at (s, "properties/answers/properties"));
  cr_assert_eq (json_object_get_size (answers), limber_ruleset_get_n_questions (rs),
                "one property per question of the rule set");
  cr_assert_str_eq (string_at (s, "properties/answers/properties/leg-pain/type"), "boolean");
  cr_assert_str_eq (string_at (s, "properties/answers/properties/pain/type"), "number");
  cr_assert_eq (number_at (s, "properties/answers/properties/pain/minimum"), 0);
  cr_assert_eq (number_at (s, "properties/answers/properties/pain/maximum"), 10);
  cr_assert_str_eq (string_at (s, "properties/answers/properties/bother/type"), "string");
  g_autofree char *choices = strings_at (s, "properties/answers/properties/bother/enum");
  const LimberQuestion *bother = limber_ruleset_lookup_question (rs, "bother");
  g_autofree char *expected = g_strjoinv (" ", (char **) limber_question_get_choices (bother));
  cr_assert_str_eq (choices, expected);
  /* the question as asked, for an editor to show beside the key */
  cr_assert_str_eq (string_at (s, "properties/answers/properties/pain/description"), "Pain today, 0 to 10?");
}

LIMBER_TEST (profile_schema, a_red_flag_question_says_so_in_its_description)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  const LimberQuestion *q = limber_ruleset_lookup_question (rs, "bladder-change");
  cr_assert_gt (limber_question_get_red_flag_outcome (q), LIMBER_OUTCOME_NONE,
                "the fixture's bladder question carries a red flag");
  const char *description = string_at (s, "properties/answers/properties/bladder-change/description");
  cr_assert (strstr (description, "a red flag") != NULL, "%s", description);
}

LIMBER_TEST (profile_schema, a_sided_measure_needs_left_and_right_in_its_range_and_refuses_value)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  g_autofree char *measures = strings_at (s, "$defs/measurement/properties/measure/enum");
  cr_assert_str_eq (measures, "hip.flexion sit-reach");
  cr_assert_not (bool_at (s, "$defs/measurement/additionalProperties"));
  JsonNode *then = condition_for (s, "measurement", "hip.flexion");
  cr_assert_not_null (then);
  g_autofree char *required = strings_at (then, "required");
  cr_assert_str_eq (required, "left right");
  const LimberMeasure *m = limber_ruleset_lookup_measure (rs, "hip.flexion");
  cr_assert_eq (number_at (then, "properties/left/minimum"), limber_measure_get_min (m));
  cr_assert_eq (number_at (then, "properties/left/maximum"), limber_measure_get_max (m));
  cr_assert_eq (number_at (then, "properties/right/maximum"), limber_measure_get_max (m));
  cr_assert_not (bool_at (then, "properties/value"), "value is refused for a sided measure");
}

LIMBER_TEST (profile_schema, an_unsided_measure_needs_value_in_its_range_and_refuses_left_and_right)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  JsonNode *then = condition_for (s, "measurement", "sit-reach");
  cr_assert_not_null (then);
  g_autofree char *required = strings_at (then, "required");
  cr_assert_str_eq (required, "value");
  cr_assert_eq (number_at (then, "properties/value/minimum"), -30, "a negative minimum is kept");
  cr_assert_eq (number_at (then, "properties/value/maximum"), 40);
  cr_assert_not (bool_at (then, "properties/left"));
  cr_assert_not (bool_at (then, "properties/right"));
}

LIMBER_TEST (profile_schema, rescans_name_only_sided_measures)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  g_autofree char *measures = strings_at (s, "$defs/rescan/properties/measure/enum");
  cr_assert_str_eq (measures, "hip.flexion");
  g_autofree char *required = strings_at (s, "$defs/rescan/required");
  cr_assert_str_eq (required, "date measure left right");
  cr_assert_not_null (condition_for (s, "rescan", "hip.flexion"));
  cr_assert_null (condition_for (s, "rescan", "sit-reach"));
}

LIMBER_TEST (profile_schema, sessions_name_the_catalogues_exercises_in_document_order)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  GString *ids = g_string_new (NULL);
  for (unsigned i = 0; i < limber_ruleset_get_n_exercises (rs); i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", limber_exercise_get_id (limber_ruleset_get_exercise (rs, i)));
  g_autofree char *expected = g_string_free (ids, FALSE);
  g_autofree char *exercises = strings_at (s, "$defs/session/properties/exercise/enum");
  cr_assert_str_eq (exercises, expected);
  g_autofree char *required = strings_at (s, "$defs/session/required");
  cr_assert_str_eq (required, "date exercise completed");
  cr_assert_not (bool_at (s, "$defs/session/additionalProperties"));
}

/* g_ptr_array_sort() passes pointers to the elements */
static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

LIMBER_TEST (profile_schema, avoided_regions_are_the_regions_some_exercise_works_sorted)
{
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autoptr (JsonNode) s = schema_of (rs);
  /* gathered from every exercise's regions, without repeats, in byte order */
  g_autoptr (GPtrArray) regions = g_ptr_array_new ();
  for (unsigned i = 0; i < limber_ruleset_get_n_exercises (rs); i++)
    for (const char *const *r = limber_exercise_get_regions (limber_ruleset_get_exercise (rs, i)); *r; r++)
      {
        gboolean seen = FALSE;
        for (guint k = 0; k < regions->len && !seen; k++)
          seen = g_str_equal (g_ptr_array_index (regions, k), *r);
        if (!seen)
          g_ptr_array_add (regions, (gpointer) *r);
      }
  g_ptr_array_sort (regions, compare_strings);
  g_ptr_array_add (regions, NULL);
  g_autofree char *expected = g_strjoinv (" ", (char **) regions->pdata);
  g_autofree char *listed = strings_at (s, "properties/constraints/properties/avoid_regions/items/enum");
  cr_assert_str_eq (listed, expected);
}

LIMBER_TEST (profile_schema, is_the_same_bytes_every_time_and_compact_when_asked)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *a = limber_ruleset_to_profile_schema (rs, TRUE);
  g_autofree char *b = limber_ruleset_to_profile_schema (rs, TRUE);
  cr_assert_str_eq (a, b);
  g_autofree char *compact = limber_ruleset_to_profile_schema (rs, FALSE);
  cr_assert_null (strchr (compact, '\n'), "compact output is one line");
  g_autoptr (JsonNode) pa = json_from_string (a, NULL);
  g_autoptr (JsonNode) pc = json_from_string (compact, NULL);
  cr_assert (json_node_equal (pa, pc), "pretty and compact hold the same schema");
}

LIMBER_TEST (profile_schema, limber_describe_writes_it_with_format_json_schema)
{
  g_autofree char *path = limber_test_data ("profile-rules.xml");
  const char *args[] = { "describe", "--rules", path, "--format", "json-schema", NULL };
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (limber_test_run_cli (args, NULL, &out, &err), 0, "%s", err);
  g_autoptr (LimberRuleset) rs = profile_rules ();
  g_autofree char *schema = limber_ruleset_to_profile_schema (rs, TRUE);
  g_autofree char *expected = g_strconcat (schema, "\n", NULL);
  cr_assert_str_eq (out, expected);

  const char *bad[] = { "describe", "--format", "yaml", NULL };
  g_autofree char *out2 = NULL, *err2 = NULL;
  cr_assert_eq (limber_test_run_cli (bad, NULL, &out2, &err2), 2);
  cr_assert (strstr (err2, "expected json, json-schema or text") != NULL, "%s", err2);
}
