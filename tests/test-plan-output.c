/* Specification of the plan's accessors and its three serialisations (JSON,
 * XML, text), on plans built by hand from tests/data/minimal.xml so that
 * nothing here depends on how generation chooses exercises. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <limber.h>

#include "i18n.h"
#include "plan-private.h"
#include "support.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

TestSuite (plan_output);


#define TRICKY_ADVISORY "Say \"stop\" if <pain> & tingling spread — café, naïve, 足"

/* ---- building plans by hand ------------------------------------------- */

static LimberRuleset *
load_minimal (void)
{
  g_autofree char *path = limber_test_data ("minimal.xml");
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

static LimberDay *
add_day (LimberPlan *plan, unsigned offset, gboolean rest, double minutes)
{
  g_autoptr (GDate) date = g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
  g_date_add_days (date, offset);
  LimberDay *day = limber_day_alloc (date);
  day->rest = rest;
  day->minutes = minutes;
  g_ptr_array_add (plan->days, day);
  return day;
}

static LimberItem *
add_item (LimberDay *day, const LimberRuleset *rs, const char *exercise, LimberDose dose)
{
  LimberItem *item = limber_item_alloc (limber_ruleset_lookup_exercise (rs, exercise), "mobility");
  item->dose = dose;
  limber_day_add_item (day, item);
  return item;
}

static void
add_facts (LimberPlan *plan)
{
  limber_plan_list_add (plan, plan->flags, (gpointer) "sciatica");

  /* records live in the plan's arena, as generate.c puts them */
  LimberDeficitOut *d = limber_arena_new0 (&plan->arena, LimberDeficitOut, 1);
  d->measure = "hip.flexion"; /* ids are borrowed, as from a rule set */
  d->left = 100;
  d->right = 118;
  d->deficit_left = 20;
  d->deficit_right = -0.0; /* must print as 0 */
  limber_plan_list_add (plan, plan->deficits, d);

  LimberAsymmetryOut *a = limber_arena_new0 (&plan->arena, LimberAsymmetryOut, 1);
  a->measure = "hip.flexion";
  a->difference = 18;
  a->tighter = LIMBER_SIDE_LEFT;
  limber_plan_list_add (plan, plan->asymmetries, a);

  static const char *const ids[] = { "mini", "unfinished" };
  for (unsigned i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LimberScoreOut *s = limber_arena_new0 (&plan->arena, LimberScoreOut, 1);
      s->id = ids[i];
      s->complete = i == 0;
      s->total = i == 0 ? 2 : 0.5;
      s->n_subscales = 1;
      s->subscale_ids = limber_arena_new0 (&plan->arena, const char *, 1);
      s->subscale_values = limber_arena_new0 (&plan->arena, double, 1);
      s->subscale_ids[0] = "distress";
      s->subscale_values[0] = 1;
      s->category = s->complete ? "high" : NULL;
      limber_plan_list_add (plan, plan->scores, s);
    }
}

/* Tue 24 Nov: pelvic tilts and wipers with emphasis; Wed 25: rest; Thu 26:
 * one item per kind of dose the text must put in words. */
static LimberPlan *
build_plan (const LimberRuleset *rs)
{
  LimberPlan *plan = limber_plan_alloc (rs);
  plan->seed = 42;
  g_strlcpy (plan->start, "2026-11-24", sizeof plan->start);
  plan->goal = LIMBER_GOAL_RECOVERY;
  plan->minutes_per_day = 15;
  plan->days_per_week = 5;
  limber_plan_add_advisory (plan, "Skip rotations.");
  limber_plan_list_add (plan, plan->fired_rules, (gpointer) "tight-hip");
  add_facts (plan);

  LimberDay *tue = add_day (plan, 0, FALSE, 14.54);
  LimberItem *tilts = add_item (tue, rs, "pelvic-tilts", (LimberDose) { 1, 5, 5, 0 });
  tilts->step = 2;
  tilts->previous_step = 1;
  tilts->seconds = 49.6;
  limber_item_add_reason (tilts, "tight-hip", "weight x%g", 2.0);
  limber_item_add_reason (tilts, "ladder", "step %u of %u: %u sessions completed", 2, 2, 3);
  LimberItem *wipers = add_item (tue, rs, "windshield-wipers", (LimberDose) { 2, 1, 30, 0 });
  wipers->emphasis_side = LIMBER_SIDE_LEFT;
  wipers->extra_sets = 1;
  wipers->seconds = 170.2;
  limber_item_add_reason (wipers, "tight-hip", "+%u set on the left", 1);
  limber_item_add_reason (wipers, "tight-hip", "weight x2");

  add_day (plan, 1, TRUE, 0);

  LimberDay *thu = add_day (plan, 2, FALSE, 9);
  add_item (thu, rs, "windshield-wipers", (LimberDose) { 1, 0, 0, 60 })->seconds = 130;
  add_item (thu, rs, "pelvic-tilts", (LimberDose) { 3, 10, 0, 0 })->seconds = 120;
  add_item (thu, rs, "windshield-wipers", (LimberDose) { 1, 0, 0, 90 })->seconds = 190;
  add_item (thu, rs, "windshield-wipers", (LimberDose) { 2, 0, 0, 120 })->seconds = 500;
  return plan;
}

static LimberPlan *
build_referral (const LimberRuleset *rs)
{
  LimberPlan *plan = limber_plan_alloc (rs);
  plan->status = LIMBER_PLAN_REFERRAL;
  plan->outcome = LIMBER_OUTCOME_EMERGENCY;
  plan->referral_message = g_strdup ("Seek urgent care now.");
  limber_plan_list_add (plan, plan->referral_flags, (gpointer) "cauda-equina");
  limber_plan_list_add (plan, plan->flags, (gpointer) "cauda-equina");
  g_strlcpy (plan->start, "2026-11-24", sizeof plan->start);
  plan->minutes_per_day = 15;
  plan->days_per_week = 5;
  add_day (plan, 0, FALSE, 0);
  add_day (plan, 1, TRUE, 0);
  return plan;
}

/* ---- reading outputs back -------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);
  cr_assert_not_null (root, "not JSON: %s\n%s", error ? error->message : "", text);
  cr_assert (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

static JsonObject *
member_object (JsonObject *o, const char *name)
{
  cr_assert (json_object_has_member (o, name), "no member %s", name);
  return json_object_get_object_member (o, name);
}

static JsonObject *
array_object (JsonObject *o, const char *name, guint index)
{
  JsonArray *a = json_object_get_array_member (o, name);
  cr_assert_not_null (a, "no array %s", name);
  cr_assert_lt (index, json_array_get_length (a));
  return json_array_get_object_element (a, index);
}

static gboolean
member_is_null (JsonObject *o, const char *name)
{
  return json_object_has_member (o, name) && json_object_get_null_member (o, name);
}

static gboolean
member_is_int (JsonObject *o, const char *name, gint64 expected)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && json_node_get_value_type (n) == G_TYPE_INT64 && json_node_get_int (n) == expected;
}

/* The object's member names, comma-separated, in document order. */
static char *
member_names (JsonObject *o)
{
  g_autoptr (GList) names = json_object_get_members (o);
  g_autoptr (GString) out = g_string_new (NULL);
  for (GList *l = names; l; l = l->next)
    g_string_append_printf (out, "%s%s", out->len ? "," : "", (const char *) l->data);
  return g_strdup (out->str);
}

static xmlDoc *
parse_xml (const char *text)
{
  xmlDoc *doc = xmlReadMemory (text, (int) strlen (text), "plan.xml", NULL, XML_PARSE_NONET);
  cr_assert_not_null (doc, "not well-formed XML:\n%s", text);
  return doc;
}

static char *
xpath_string (xmlDoc *doc, const char *expr)
{
  g_autoptr (xmlXPathContext) ctx = xmlXPathNewContext (doc);
  g_autoptr (xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  cr_assert_not_null (result, "bad XPath %s", expr);
  xmlChar *s = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) s);
  xmlFree (s);
  return copy;
}

static void
assert_xpath (xmlDoc *doc, const char *expr, const char *expected)
{
  g_autofree char *value = xpath_string (doc, expr);
  cr_assert_str_eq (value, expected, "%s", expr);
}

static void
assert_contains (const char *text, const char *fragment)
{
  cr_assert_not_null (strstr (text, fragment), "lacks \"%s\":\n%s", fragment, text);
}

/* ---- accessors ---------------------------------------------------------- */

LIMBER_TEST (plan_output, accessors_read_what_the_constructors_built)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);

  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_OK);
  cr_assert_eq (limber_plan_get_outcome (plan), LIMBER_OUTCOME_NONE);
  cr_assert_null (limber_plan_get_referral_message (plan));
  cr_assert_eq (limber_plan_get_seed (plan), 42);
  cr_assert_eq (limber_plan_get_n_days (plan), 3);
  cr_assert_null (limber_plan_get_day (plan, 3));

  const LimberDay *tue = limber_plan_get_day (plan, 0);
  cr_assert_str_eq (limber_day_get_date (tue), "2026-11-24");
  cr_assert_str_eq (limber_day_get_date (limber_plan_get_day (plan, 2)), "2026-11-26");
  cr_assert_not (limber_day_get_rest (tue));
  cr_assert (limber_day_get_rest (limber_plan_get_day (plan, 1)));
  cr_assert_float_eq (limber_day_get_minutes (tue), 14.54, 1e-9);
  cr_assert_eq (limber_day_get_n_items (tue), 2);
  cr_assert_null (limber_day_get_item (tue, 2));

  const LimberItem *wipers = limber_day_get_item (tue, 1);
  cr_assert_eq (limber_item_get_exercise (wipers), limber_ruleset_lookup_exercise (rs, "windshield-wipers"));
  cr_assert_str_eq (limber_item_get_slot (wipers), "mobility");
  LimberDose dose = { 0 };
  limber_item_get_dose (wipers, &dose);
  cr_assert_eq (dose.sets, 2);
  cr_assert_float_eq (dose.hold_s, 30, 1e-9);
  cr_assert_eq (limber_item_get_step (wipers), 1);
  cr_assert_eq (limber_item_get_emphasis_side (wipers), LIMBER_SIDE_LEFT);
  cr_assert_eq (limber_item_get_emphasis_extra_sets (wipers), 1);
  cr_assert_float_eq (limber_item_get_seconds (wipers), 170.2, 1e-9);

  const LimberItem *tilts = limber_day_get_item (tue, 0);
  cr_assert_eq (limber_item_get_step (tilts), 2);
  cr_assert_eq (limber_item_get_n_reasons (tilts), 2);
  const char *effect = NULL;
  cr_assert_str_eq (limber_item_get_reason (tilts, 1, &effect), "ladder");
  cr_assert_str_eq (effect, "step 2 of 2: 3 sessions completed");
  cr_assert_str_eq (limber_item_get_reason (tilts, 0, NULL), "tight-hip");
  cr_assert_null (limber_item_get_reason (tilts, 2, &effect));
  cr_assert_null (effect);
}

LIMBER_TEST (plan_output, advisories_are_kept_once_in_order)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = limber_plan_alloc (rs);
  limber_plan_add_advisory (plan, "First.");
  limber_plan_add_advisory (plan, "Second.");
  limber_plan_add_advisory (plan, "First.");
  limber_plan_add_advisory (plan, "first.");
  cr_assert_eq (limber_plan_get_n_advisories (plan), 3);
  cr_assert_str_eq (limber_plan_get_advisory (plan, 0), "First.");
  cr_assert_str_eq (limber_plan_get_advisory (plan, 1), "Second.");
  cr_assert_str_eq (limber_plan_get_advisory (plan, 2), "first.");
  cr_assert_null (limber_plan_get_advisory (plan, 3));
}

/* ---- JSON ---------------------------------------------------------------- */

LIMBER_TEST (plan_output, json_has_the_documented_fields_in_order)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonNode) root = parse_json (json);
  JsonObject *o = json_node_get_object (root);

  g_autofree char *names = member_names (o);
  cr_assert_str_eq (names, "format_version,status,referral,no_exercises,screening,advisories,ruleset,seed,start,name,goal,"
                           "minutes_per_day,session_minutes,days_per_week,facts,rules_fired,composition,days");
  cr_assert (member_is_int (o, "format_version", 1));
  cr_assert_str_eq (json_object_get_string_member (o, "status"), "ok");
  cr_assert (member_is_null (o, "referral"));
  cr_assert_eq (json_array_get_length (json_object_get_array_member (o, "advisories")), 1);
  JsonObject *ruleset = member_object (o, "ruleset");
  cr_assert_str_eq (json_object_get_string_member (ruleset, "id"), "minimal");
  cr_assert_str_eq (json_object_get_string_member (ruleset, "version"), "0.1.0");
  cr_assert_str_eq (json_object_get_string_member (ruleset, "sha256"), limber_ruleset_get_sha256 (rs));
  cr_assert (member_is_int (o, "seed", 42));
  cr_assert_str_eq (json_object_get_string_member (o, "start"), "2026-11-24");
  cr_assert_str_eq (json_object_get_string_member (o, "goal"), "recovery");
  cr_assert (member_is_int (o, "minutes_per_day", 15));
  cr_assert (member_is_int (o, "days_per_week", 5));
  cr_assert_str_eq (json_array_get_string_element (json_object_get_array_member (o, "rules_fired"), 0), "tight-hip");

  JsonObject *facts = member_object (o, "facts");
  g_autofree char *fact_names = member_names (facts);
  cr_assert_str_eq (fact_names, "flags,deficits,asymmetries,scores");
  cr_assert_str_eq (json_array_get_string_element (json_object_get_array_member (facts, "flags"), 0), "sciatica");
  JsonObject *deficit = array_object (facts, "deficits", 0);
  g_autofree char *deficit_names = member_names (deficit);
  cr_assert_str_eq (deficit_names, "measure,left,right,deficit_left,deficit_right");
  cr_assert (member_is_int (deficit, "left", 100));
  cr_assert (member_is_int (deficit, "deficit_left", 20));
  cr_assert (member_is_int (deficit, "deficit_right", 0));
  JsonObject *asym = array_object (facts, "asymmetries", 0);
  cr_assert (member_is_int (asym, "difference", 18));
  cr_assert_str_eq (json_object_get_string_member (asym, "tighter"), "left");
  JsonObject *mini = member_object (member_object (facts, "scores"), "mini");
  g_autofree char *score_names = member_names (mini);
  cr_assert_str_eq (score_names, "total,subscales,category,complete");
  cr_assert (member_is_int (mini, "total", 2));
  cr_assert (member_is_int (member_object (mini, "subscales"), "distress", 1));
  cr_assert_str_eq (json_object_get_string_member (mini, "category"), "high");
  cr_assert (json_object_get_boolean_member (mini, "complete"));

  JsonArray *days = json_object_get_array_member (o, "days");
  cr_assert_eq (json_array_get_length (days), 3);
  JsonObject *tue = json_array_get_object_element (days, 0);
  g_autofree char *day_names = member_names (tue);
  cr_assert_str_eq (day_names, "date,rest,minutes,items");
  cr_assert_str_eq (json_object_get_string_member (tue, "date"), "2026-11-24");
  cr_assert_not (json_object_get_boolean_member (tue, "rest"));
  cr_assert_float_eq (json_object_get_double_member (tue, "minutes"), 14.5, 1e-9);
  cr_assert (json_object_get_boolean_member (json_array_get_object_element (days, 1), "rest"));

  JsonObject *tilts = array_object (tue, "items", 0);
  g_autofree char *item_names = member_names (tilts);
  cr_assert_str_eq (item_names, "exercise,name,slot,sets,reps,hold_s,duration_s,per_side,emphasis_side,"
                                "emphasis_extra_sets,step,previous_step,seconds,role,explanation,why");
  cr_assert_str_eq (json_object_get_string_member (tilts, "exercise"), "pelvic-tilts");
  cr_assert_str_eq (json_object_get_string_member (tilts, "name"), "Pelvic Tilts");
  cr_assert_str_eq (json_object_get_string_member (tilts, "slot"), "mobility");
  cr_assert (member_is_int (tilts, "sets", 1));
  cr_assert (member_is_int (tilts, "reps", 5));
  cr_assert (member_is_int (tilts, "hold_s", 5));
  cr_assert (member_is_int (tilts, "duration_s", 0));
  cr_assert_not (json_object_get_boolean_member (tilts, "per_side"));
  cr_assert (member_is_null (tilts, "emphasis_side"));
  cr_assert (member_is_int (tilts, "emphasis_extra_sets", 0));
  cr_assert (member_is_int (tilts, "step", 2));
  cr_assert (member_is_int (tilts, "previous_step", 1));
  cr_assert (member_is_int (tilts, "seconds", 50));
  JsonObject *why = array_object (tilts, "why", 0);
  cr_assert_str_eq (json_object_get_string_member (why, "rule"), "tight-hip");
  cr_assert_str_eq (json_object_get_string_member (why, "effect"), "weight x2");

  JsonObject *wipers = array_object (tue, "items", 1);
  cr_assert (json_object_get_boolean_member (wipers, "per_side"));
  cr_assert_str_eq (json_object_get_string_member (wipers, "emphasis_side"), "left");
  cr_assert (member_is_int (wipers, "emphasis_extra_sets", 1));
  cr_assert (member_is_null (wipers, "previous_step"));
  cr_assert (member_is_int (wipers, "seconds", 170));
}

LIMBER_TEST (plan_output, json_numbers_print_as_written)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  plan->seed = G_MAXUINT64;
  plan->minutes_per_day = 12.5;
  ((LimberDay *) g_ptr_array_index (plan->days, 2))->minutes = 14.3;
  ((LimberDeficitOut *) g_ptr_array_index (plan->deficits, 0))->left = -0.0;
  g_autofree char *json = limber_plan_to_json (plan, FALSE);

  assert_contains (json, "\"seed\":18446744073709551615,");
  assert_contains (json, "\"minutes_per_day\":12.5,");
  assert_contains (json, "\"minutes\":14.5,");
  assert_contains (json, "\"minutes\":14.3,");
  assert_contains (json, "\"minutes\":0,");
  assert_contains (json, "\"seconds\":50,");
  assert_contains (json, "\"left\":0,");
  assert_contains (json, "\"deficit_right\":0}");
  assert_contains (json, "\"hold_s\":30,");
  cr_assert_null (strstr (json, "-0"), "negative zero in:\n%s", json);
  cr_assert_null (strstr (json, ".0,"), "a whole number with a fraction in:\n%s", json);
  cr_assert_null (strstr (json, "14.30"), "binary noise in:\n%s", json);
}

LIMBER_TEST (plan_output, json_incomplete_score_has_null_category)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  g_autofree char *json = limber_plan_to_json (plan, TRUE);
  g_autoptr (JsonNode) root = parse_json (json);
  JsonObject *scores = member_object (member_object (json_node_get_object (root), "facts"), "scores");
  g_autofree char *ids = member_names (scores);
  cr_assert_str_eq (ids, "mini,unfinished");
  JsonObject *unfinished = member_object (scores, "unfinished");
  cr_assert (member_is_null (unfinished, "category"));
  cr_assert_not (json_object_get_boolean_member (unfinished, "complete"));
  cr_assert_float_eq (json_object_get_double_member (unfinished, "total"), 0.5, 1e-9);
}

LIMBER_TEST (plan_output, json_pretty_and_compact_hold_the_same)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  g_autofree char *compact = limber_plan_to_json (plan, FALSE);
  g_autofree char *pretty = limber_plan_to_json (plan, TRUE);
  cr_assert_null (strchr (compact, '\n'));
  assert_contains (pretty, "{\n  \"format_version\": 1,\n  \"status\": \"ok\",\n  \"referral\": null,\n");
  assert_contains (pretty, "\"advisories\": [\n    \"Skip rotations.\"\n  ],");
  assert_contains (pretty, "\"items\": []");
  g_autoptr (JsonNode) a = parse_json (compact);
  g_autoptr (JsonNode) b = parse_json (pretty);
  cr_assert (json_node_equal (a, b));
}

/* ---- XML ----------------------------------------------------------------- */

LIMBER_TEST (plan_output, xml_is_well_formed_and_holds_the_same_items)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  g_autofree char *xml = limber_plan_to_xml (plan);
  cr_assert (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan "), "%s", xml);
  g_autoptr (xmlDoc) doc = parse_xml (xml);

  assert_xpath (doc, "/plan/@status", "ok");
  assert_xpath (doc, "/plan/@seed", "42");
  assert_xpath (doc, "/plan/@start", "2026-11-24");
  assert_xpath (doc, "/plan/@goal", "recovery");
  assert_xpath (doc, "/plan/@minutes-per-day", "15");
  assert_xpath (doc, "/plan/@days-per-week", "5");
  assert_xpath (doc, "count(/plan/referral)", "0");
  assert_xpath (doc, "/plan/advisories/advisory", "Skip rotations.");
  assert_xpath (doc, "/plan/ruleset/@id", "minimal");
  assert_xpath (doc, "/plan/ruleset/@version", "0.1.0");
  assert_xpath (doc, "/plan/facts/flags/flag", "sciatica");
  assert_xpath (doc, "/plan/facts/deficits/deficit/@deficit-left", "20");
  assert_xpath (doc, "/plan/facts/deficits/deficit/@deficit-right", "0");
  assert_xpath (doc, "/plan/facts/asymmetries/asymmetry/@tighter", "left");
  assert_xpath (doc, "/plan/facts/scores/score[@id='mini']/@category", "high");
  assert_xpath (doc, "/plan/facts/scores/score[@id='mini']/subscale[@id='distress']/@value", "1");
  assert_xpath (doc, "count(/plan/facts/scores/score[@id='unfinished']/@category)", "0");
  assert_xpath (doc, "/plan/facts/scores/score[@id='unfinished']/@complete", "false");
  assert_xpath (doc, "/plan/rules-fired/rule", "tight-hip");

  assert_xpath (doc, "count(/plan/days/day)", "3");
  assert_xpath (doc, "/plan/days/day[1]/@minutes", "14.5");
  assert_xpath (doc, "/plan/days/day[2]/@rest", "true");
  /* the same items as the JSON, in the same order */
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonNode) root = parse_json (json);
  JsonArray *days = json_object_get_array_member (json_node_get_object (root), "days");
  guint n_items = 0;
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (days, d), "items");
      for (guint i = 0; i < json_array_get_length (items); i++, n_items++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          g_autofree char *expr = g_strdup_printf ("/plan/days/day[%u]/item[%u]/@exercise", d + 1, i + 1);
          assert_xpath (doc, expr, json_object_get_string_member (item, "exercise"));
          g_autofree char *seconds = g_strdup_printf ("/plan/days/day[%u]/item[%u]/@seconds", d + 1, i + 1);
          g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                       json_object_get_int_member (item, "seconds"));
          assert_xpath (doc, seconds, expected);
        }
    }
  g_autofree char *count = g_strdup_printf ("%u", n_items);
  assert_xpath (doc, "count(//item)", count);

  assert_xpath (doc, "/plan/days/day[1]/item[1]/@name", "Pelvic Tilts");
  assert_xpath (doc, "/plan/days/day[1]/item[1]/@hold-s", "5");
  assert_xpath (doc, "/plan/days/day[1]/item[1]/@previous-step", "1");
  assert_xpath (doc, "count(/plan/days/day[1]/item[1]/@emphasis-side)", "0");
  assert_xpath (doc, "/plan/days/day[1]/item[1]/why[2]/@rule", "ladder");
  assert_xpath (doc, "/plan/days/day[1]/item[2]/@per-side", "true");
  assert_xpath (doc, "/plan/days/day[1]/item[2]/@emphasis-side", "left");
  assert_xpath (doc, "/plan/days/day[1]/item[2]/@emphasis-extra-sets", "1");
}

/* ---- text ---------------------------------------------------------------- */

LIMBER_TEST (plan_output, text_reads_as_a_week)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  g_autofree char *text = limber_plan_to_text (plan);

  assert_contains (text, "minimal 0.1.0");
  assert_contains (text, "Tue 24 Nov 2026");
  assert_contains (text, "goal: recovery");
  assert_contains (text, "15 min a day");
  assert_contains (text, "seed 42");
  assert_contains (text, "  • Skip rotations.\n");
  /* a day's time in whole minutes (14.5 in the JSON) */
  assert_contains (text, "\nTue 24 Nov 2026 — 15 min\n");
  assert_contains (text, "\nWed 25 Nov 2026 — rest day\n");
  assert_contains (text, "\nThu 26 Nov 2026 — 9 min\n");
  assert_contains (text, "  1. Pelvic Tilts — 5 reps, 5 s holds [mobility]\n");
  /* the minimal rule set gives no reason sentences: no why line, and never a rule id */
  cr_assert_null (strstr (text, "tight-hip"), "%s", text);
  assert_contains (text, "  2. Windshield Wipers — 2 × 30 s holds each side, +1 set on the left [mobility]\n");
  cr_assert (g_utf8_validate (text, -1, NULL));
  cr_assert (g_str_has_suffix (text, "\n"));
  /* the days come in order */
  cr_assert_lt (strstr (text, "Tue 24 Nov 2026 —"), strstr (text, "Wed 25 Nov 2026 —"));
  cr_assert_lt (strstr (text, "Wed 25 Nov 2026 —"), strstr (text, "Thu 26 Nov 2026 —"));
}

LIMBER_TEST (plan_output, text_puts_doses_in_words)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  g_autofree char *text = limber_plan_to_text (plan);

  assert_contains (text, "  1. Windshield Wipers — 1 min each side [mobility]\n");
  assert_contains (text, "  2. Pelvic Tilts — 3 × 10 reps [mobility]\n");
  assert_contains (text, "  3. Windshield Wipers — 1 min 30 s each side [mobility]\n");
  assert_contains (text, "  4. Windshield Wipers — 2 × 2 min each side [mobility]\n");
}

/* ---- referral --------------------------------------------------------------- */

LIMBER_TEST (plan_output, referral_plan_lists_days_without_items)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_referral (rs);
  cr_assert_str_eq (limber_plan_get_referral_message (plan), "Seek urgent care now.");

  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonNode) root = parse_json (json);
  JsonObject *o = json_node_get_object (root);
  cr_assert_str_eq (json_object_get_string_member (o, "status"), "referral");
  JsonObject *referral = member_object (o, "referral");
  g_autofree char *names = member_names (referral);
  cr_assert_str_eq (names, "outcome,flags,message");
  cr_assert_str_eq (json_object_get_string_member (referral, "outcome"), "emergency");
  cr_assert_str_eq (json_array_get_string_element (json_object_get_array_member (referral, "flags"), 0),
                    "cauda-equina");
  cr_assert_str_eq (json_object_get_string_member (referral, "message"), "Seek urgent care now.");
  JsonArray *days = json_object_get_array_member (o, "days");
  cr_assert_eq (json_array_get_length (days), 2);
  for (guint d = 0; d < 2; d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      cr_assert_eq (json_array_get_length (json_object_get_array_member (day, "items")), 0);
      cr_assert_eq (json_object_get_boolean_member (day, "rest"), d == 1);
    }

  g_autofree char *xml = limber_plan_to_xml (plan);
  g_autoptr (xmlDoc) doc = parse_xml (xml);
  assert_xpath (doc, "/plan/@status", "referral");
  assert_xpath (doc, "/plan/referral/@outcome", "emergency");
  assert_xpath (doc, "/plan/referral/flags/flag", "cauda-equina");
  assert_xpath (doc, "/plan/referral/message", "Seek urgent care now.");
  assert_xpath (doc, "count(/plan/days/day)", "2");
  assert_xpath (doc, "count(//item)", "0");

  g_autofree char *text = limber_plan_to_text (plan);
  assert_contains (text, "\nEMERGENCY\n");
  assert_contains (text, "Seek urgent care now.");
  /* the warning sign in words (this rule set has no <sign>: its question),
   * never the flag's id, which is for the app */
  assert_contains (text, "Because of:\n  • Any new change in bladder control?\n");
  cr_assert_null (strstr (text, "cauda-equina"), "a red flag's id in the text plan:\n%s", text);
  cr_assert_null (strstr (text, " min\n"), "a day of exercises in a referral:\n%s", text);
  cr_assert_null (strstr (text, "  1. "), "an exercise in a referral:\n%s", text);
}

/* A referral from the default rule set names each warning sign in its
 * short statement (<sign>), in the plan's language, one a line. */
LIMBER_TEST (plan_output, a_referral_names_its_warning_signs_in_words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  static const char *const json = "{\"age\": 52, \"goal\": \"recovery\", \"minutes_per_day\": 15, "
                                  "\"answers\": {\"bladder-bowel-change\": true, \"trauma-fall\": true}}";
  g_autoptr (LimberProfile) person = limber_profile_new_from_json (rs, json, -1, "signs.json", &error);
  cr_assert_not_null (person, "%s", error ? error->message : "");
  for (const char *const *lang = (const char *const[]) { "en", "de", NULL }; *lang; lang++)
    {
      g_autoptr (LimberOptions) options = limber_options_new ();
      cr_assert (limber_options_set_language (options, *lang, NULL));
      g_autoptr (LimberPlan) plan = limber_generate (rs, person, options, &error);
      cr_assert_not_null (plan, "%s", error ? error->message : "");
      g_autofree char *text = limber_plan_to_text (plan);
      if (g_str_equal (*lang, "en"))
        assert_contains (text, "Because of:\n  • New loss of bladder or bowel control, or difficulty passing urine\n"
                               "  • Back pain after a fall, accident or direct blow to your back\n");
      else
        {
          const LimberTranslation *tr = limber_ruleset_translation (rs, LIMBER_LANG_DE);
          const LimberRedFlag *flag = limber_ruleset_find_red_flag (rs, "cauda-equina-bladder-bowel");
          cr_assert (tr != NULL && flag != NULL && flag->sign != NULL);
          cr_assert_str_neq (limber_tr (tr, flag->sign), flag->sign);
          g_autofree char *line = g_strdup_printf ("Grund:\n  • %s\n", limber_tr (tr, flag->sign));
          assert_contains (text, line);
          cr_assert_null (strstr (text, "New loss of bladder"), "an English sign in the German plan:\n%s", text);
        }
      cr_assert_null (strstr (text, "cauda-equina"), "a red flag's id in:\n%s", text);
      cr_assert_null (strstr (text, "trauma-fall"), "a red flag's id in:\n%s", text);
    }
}

LIMBER_TEST (plan_output, a_plan_with_nothing_to_do_and_unanswered_questions_says_so_everywhere)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_referral (rs);
  plan->status = LIMBER_PLAN_NO_EXERCISES;
  plan->outcome = LIMBER_OUTCOME_NONE;
  plan->referral_flags->len = 0;
  plan->no_exercises_reason = g_strdup ("minutes");
  plan->no_exercises_message = g_strdup ("5 minutes a day is too short for any exercise in this plan.");
  limber_plan_list_add (plan, plan->unanswered, (gpointer) "night-pain");
  limber_plan_list_add (plan, plan->unanswered, (gpointer) "trauma-fall");
  cr_assert_null (limber_plan_get_referral_message (plan));
  cr_assert_str_eq (limber_plan_get_no_exercises_message (plan), plan->no_exercises_message);
  cr_assert_not (limber_plan_get_screening_complete (plan));
  cr_assert_eq (limber_plan_get_n_unanswered (plan), 2);
  cr_assert_str_eq (limber_plan_get_unanswered (plan, 1), "trauma-fall");

  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonNode) root = parse_json (json);
  JsonObject *o = json_node_get_object (root);
  cr_assert_str_eq (json_object_get_string_member (o, "status"), "no-exercises");
  cr_assert (member_is_null (o, "referral"));
  JsonObject *none = member_object (o, "no_exercises");
  g_autofree char *none_names = member_names (none);
  cr_assert_str_eq (none_names, "reason,message");
  cr_assert_str_eq (json_object_get_string_member (none, "reason"), "minutes");
  JsonObject *screening = member_object (o, "screening");
  cr_assert_not (json_object_get_boolean_member (screening, "complete"));
  cr_assert_str_eq (json_array_get_string_element (json_object_get_array_member (screening, "unanswered"), 0),
                    "night-pain");
  JsonArray *days = json_object_get_array_member (o, "days");
  for (guint d = 0; d < json_array_get_length (days); d++)
    cr_assert_eq (json_array_get_length (json_object_get_array_member (json_array_get_object_element (days, d), "items")),
                  0);

  g_autofree char *xml = limber_plan_to_xml (plan);
  g_autoptr (xmlDoc) doc = parse_xml (xml);
  assert_xpath (doc, "/plan/@status", "no-exercises");
  assert_xpath (doc, "/plan/no-exercises/@reason", "minutes");
  assert_xpath (doc, "/plan/screening/@complete", "false");
  assert_xpath (doc, "/plan/screening/unanswered/question[2]", "trauma-fall");
  assert_xpath (doc, "count(//item)", "0");

  g_autofree char *text = limber_plan_to_text (plan);
  assert_contains (text, "SAFETY SCREENING INCOMPLETE");
  assert_contains (text, "\nNO EXERCISES\n5 minutes a day is too short");
  cr_assert_null (strstr (text, "  1. "), "an exercise in a plan without any:\n%s", text);

  /* a complete screening is written too, as complete */
  plan->unanswered->len = 0;
  g_autofree char *json2 = limber_plan_to_json (plan, FALSE);
  assert_contains (json2, "\"screening\":{\"complete\":true,\"unanswered\":[]}");
  g_autofree char *text2 = limber_plan_to_text (plan);
  cr_assert_null (strstr (text2, "SCREENING"), "%s", text2);
}

/* ---- determinism and escaping -------------------------------------------- */

LIMBER_TEST (plan_output, serialisations_are_deterministic)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) a = build_plan (rs);
  g_autoptr (LimberPlan) b = build_plan (rs);
  char *(*const text_of[]) (const LimberPlan *) = { limber_plan_to_xml, limber_plan_to_text };
  for (unsigned pretty = 0; pretty < 2; pretty++)
    {
      g_autofree char *first = limber_plan_to_json (a, pretty);
      g_autofree char *again = limber_plan_to_json (a, pretty);
      g_autofree char *other = limber_plan_to_json (b, pretty);
      cr_assert_str_eq (first, again);
      cr_assert_str_eq (first, other);
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (text_of); i++)
    {
      g_autofree char *first = text_of[i](a);
      g_autofree char *again = text_of[i](a);
      g_autofree char *other = text_of[i](b);
      cr_assert_str_eq (first, again);
      cr_assert_str_eq (first, other);
    }
}

LIMBER_TEST (plan_output, special_characters_are_escaped)
{
  g_autoptr (LimberRuleset) rs = load_minimal ();
  g_autoptr (LimberPlan) plan = build_plan (rs);
  limber_plan_add_advisory (plan, TRICKY_ADVISORY);
  limber_plan_add_advisory (plan, "tab\there, line\nbreak, back\\slash");

  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  cr_assert (g_utf8_validate (json, -1, NULL));
  assert_contains (json, "\\\"stop\\\"");
  assert_contains (json, "tab\\there, line\\nbreak, back\\\\slash");
  g_autoptr (JsonNode) root = parse_json (json);
  JsonArray *advisories = json_object_get_array_member (json_node_get_object (root), "advisories");
  cr_assert_str_eq (json_array_get_string_element (advisories, 1), TRICKY_ADVISORY);
  cr_assert_str_eq (json_array_get_string_element (advisories, 2), "tab\there, line\nbreak, back\\slash");

  g_autofree char *xml = limber_plan_to_xml (plan);
  cr_assert (g_utf8_validate (xml, -1, NULL));
  assert_contains (xml, "&lt;pain&gt; &amp; tingling");
  assert_contains (xml, "café, naïve, 足"); /* UTF-8 as is, not character references */
  g_autoptr (xmlDoc) doc = parse_xml (xml);
  assert_xpath (doc, "/plan/advisories/advisory[2]", TRICKY_ADVISORY);

  g_autofree char *text = limber_plan_to_text (plan);
  assert_contains (text, "  • " TRICKY_ADVISORY "\n");
}
