/*
 * Properties of every plan, over a generated population (engine/core/population.c):
 * 2,000 profiles of every goal and age, with constraints, screening answers,
 * scans and histories, drawn from fixed seeds so that a failure is the same
 * on every run.  For each profile's plan:
 *
 *   - a referral, or a plan with nothing to do, holds no item on any day; a
 *     plan that is "ok" has an item on every training day (never silently empty);
 *   - the person's constraints are absolute: no floor work when they cannot
 *     get down, no equipment they lack, nothing working an avoided region;
 *   - so are the rule set's exclusions (contraindications): no excluded exercise;
 *   - every dose is a step of its exercise's ladder, except a hold or a
 *     repetition count lifted by a rule that declares it (min-hold, min-reps:
 *     the 65+ rule), which the item's explanation names;
 *   - no training day takes more than 110% of the person's minutes;
 *   - an item's sentence promises an extra set only when the item has one;
 *   - the same inputs give the same plan, byte for byte;
 *   - the JSON and the XML of the plan say the same (days, items, doses).
 *
 * The population is split into chunks, one test each, so Criterion runs them
 * on every core.
 */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "limber.h"
#include "population.h"
#include "profile-private.h"
#include "ruleset-private.h"
#include "selection.h"
#include "support.h"

#define N_CHUNKS 8
#define PER_CHUNK 250 /* 2,000 profiles in all */
#define START "2026-01-05"
#define BUDGET_MARGIN 1.10

static gboolean
in_list (GPtrArray *list, const char *id)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), id))
      return TRUE;
  return FALSE;
}

static guint
exercise_index (const LimberRuleset *rs, const LimberExercise *e)
{
  for (guint i = 0; i < rs->exercises->len; i++)
    if (g_ptr_array_index (rs->exercises, i) == e)
      return i;
  cr_assert_fail ("an item's exercise is not in the rule set's catalogue");
  return 0;
}

/* Whether one of the item's reasons says a rule lifted it to `value`. */
static gboolean
lifted_by_rule (const LimberItem *item, const char *format, double value)
{
  g_autofree char *expected = g_strdup_printf (format, value);
  for (unsigned k = 0; k < limber_item_get_n_reasons (item); k++)
    {
      const char *effect = NULL;
      const char *rule = limber_item_get_reason (item, k, &effect);
      /* named by the rule itself: not the catalogue, the ladder or the scheduler */
      if (rule && effect && g_str_equal (effect, expected) && !g_str_equal (rule, "dose")
          && !g_str_equal (rule, "ladder"))
        return TRUE;
    }
  return FALSE;
}

/* ---- JSON against XML ------------------------------------------------------- */

static GString *
summary_from_json (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "the plan's JSON does not parse");
  JsonObject *plan = json_node_get_object (json_parser_get_root (parser));
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "status=%s\n", json_object_get_string_member (plan, "status"));
  JsonArray *days = json_object_get_array_member (plan, "days");
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      g_string_append_printf (out, "day %s rest=%s minutes=%g\n", json_object_get_string_member (day, "date"),
                              json_object_get_boolean_member (day, "rest") ? "true" : "false",
                              json_object_get_double_member (day, "minutes"));
      JsonArray *items = json_object_get_array_member (day, "items");
      for (guint i = 0; items && i < json_array_get_length (items); i++)
        {
          JsonObject *it = json_array_get_object_element (items, i);
          g_string_append_printf (out, "  %s sets=%g reps=%g hold=%g duration=%g step=%g extra=%g seconds=%g\n",
                                  json_object_get_string_member (it, "exercise"),
                                  json_object_get_double_member (it, "sets"),
                                  json_object_get_double_member (it, "reps"),
                                  json_object_get_double_member (it, "hold_s"),
                                  json_object_get_double_member (it, "duration_s"),
                                  json_object_get_double_member (it, "step"),
                                  json_object_get_double_member (it, "emphasis_extra_sets"),
                                  json_object_get_double_member (it, "seconds"));
        }
    }
  return out;
}

static double
xml_number (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  cr_assert_not_null (value, "<%s> has no %s= in the plan's XML", (const char *) node->name, name);
  double v = g_ascii_strtod ((const char *) value, NULL);
  xmlFree (value);
  return v;
}

static char *
xml_text (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup (value ? (const char *) value : "");
  xmlFree (value);
  return copy;
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static GString *
summary_from_xml (const char *xml)
{
  xmlDoc *doc = xmlReadMemory (xml, (int) strlen (xml), "plan.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
  cr_assert_not_null (doc, "the plan's XML does not parse");
  xmlNode *plan = xmlDocGetRootElement (doc);
  GString *out = g_string_new (NULL);
  g_autofree char *status = xml_text (plan, "status");
  g_string_append_printf (out, "status=%s\n", status);
  for (xmlNode *days = plan->children; days; days = days->next)
    if (is_element (days, "days"))
      for (xmlNode *day = days->children; day; day = day->next)
        {
          if (!is_element (day, "day"))
            continue;
          g_autofree char *date = xml_text (day, "date");
          g_autofree char *rest = xml_text (day, "rest");
          g_string_append_printf (out, "day %s rest=%s minutes=%g\n", date, rest, xml_number (day, "minutes"));
          for (xmlNode *it = day->children; it; it = it->next)
            {
              if (!is_element (it, "item"))
                continue;
              g_autofree char *exercise = xml_text (it, "exercise");
              g_string_append_printf (out, "  %s sets=%g reps=%g hold=%g duration=%g step=%g extra=%g seconds=%g\n",
                                      exercise, xml_number (it, "sets"), xml_number (it, "reps"),
                                      xml_number (it, "hold-s"), xml_number (it, "duration-s"),
                                      xml_number (it, "step"), xml_number (it, "emphasis-extra-sets"),
                                      xml_number (it, "seconds"));
            }
        }
  xmlFreeDoc (doc);
  return out;
}

/* ---- one profile ---------------------------------------------------------------- */

static LimberPlan *
generate (const LimberRuleset *rs, const LimberProfile *profile, guint64 seed)
{
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_start (options, START, NULL));
  limber_options_set_seed (options, seed);
  g_autoptr (GError) error = NULL;
  LimberPlan *plan = limber_generate (rs, profile, options, &error);
  cr_assert_not_null (plan, "profile %" G_GUINT64_FORMAT ": %s", seed, error ? error->message : "");
  return plan;
}

static void
check_profile (const LimberRuleset *rs, const LimberProfile *profile, guint64 seed, const GDate *start)
{
  g_autoptr (LimberPlan) plan = generate (rs, profile, seed);
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autofree char *profile_json = limber_profile_to_json (profile, FALSE);
#define WHO "profile %" G_GUINT64_FORMAT " (%s): "

  /* the same inputs, the same plan */
  g_autoptr (LimberPlan) again = generate (rs, profile, seed);
  g_autofree char *json_again = limber_plan_to_json (again, FALSE);
  cr_assert_str_eq (json, json_again, WHO "two generations differ", seed, profile_json);

  /* JSON and XML say the same */
  g_autofree char *xml = limber_plan_to_xml (plan);
  g_autoptr (GString) from_json = summary_from_json (json);
  g_autoptr (GString) from_xml = summary_from_xml (xml);
  cr_assert_str_eq (from_json->str, from_xml->str, WHO "the JSON and the XML of the plan differ", seed, profile_json);

  /* what the rule set excludes for this person, computed as the engine does */
  LimberFacts *facts = limber_facts_new (rs, profile, start);
  LimberSelection *sel = limber_selection_new (facts);
  limber_evaluate (sel);

  LimberPlanStatus status = limber_plan_get_status (plan);
  for (unsigned d = 0; d < limber_plan_get_n_days (plan); d++)
    {
      const LimberDay *day = limber_plan_get_day (plan, d);
      unsigned n = limber_day_get_n_items (day);
      const char *date = limber_day_get_date (day);
      if (status != LIMBER_PLAN_OK)
        cr_assert_eq (n, 0, WHO "%s: a plan that is not \"ok\" (a referral, or nothing fits) holds %u items",
                      seed, profile_json, date, n);
      else if (!limber_day_get_rest (day))
        cr_assert_gt (n, 0, WHO "%s: an \"ok\" plan has an empty training day", seed, profile_json, date);
      double minutes = limber_day_get_minutes (day);
      cr_assert_leq (minutes, profile->minutes_per_day * BUDGET_MARGIN + 1e-9,
                     WHO "%s: %g minutes, over 110%% of the %g minutes a day", seed, profile_json, date, minutes,
                     profile->minutes_per_day);

      for (unsigned i = 0; i < n; i++)
        {
          const LimberItem *item = limber_day_get_item (day, i);
          const LimberExercise *e = limber_item_get_exercise (item);
          const char *id = limber_exercise_get_id (e);
          /* constraints */
          cr_assert (!(profile->no_floor && limber_exercise_uses_floor (e)),
                     WHO "%s: %s is floor work for someone who cannot get down", seed, profile_json, date, id);
          for (const char *const *eq = limber_exercise_get_equipment (e); eq && *eq; eq++)
            cr_assert (in_list (profile->equipment, *eq), WHO "%s: %s needs %s, which the person lacks", seed,
                       profile_json, date, id, *eq);
          for (const char *const *r = limber_exercise_get_regions (e); r && *r; r++)
            cr_assert (!in_list (profile->avoid_regions, *r), WHO "%s: %s works the avoided region %s", seed,
                       profile_json, date, id, *r);
          /* contraindications and every other exclusion */
          cr_assert (!sel->choices[exercise_index (rs, e)].excluded, WHO "%s: %s is excluded for this person",
                     seed, profile_json, date, id);
          /* the dose is on the ladder */
          unsigned step = limber_item_get_step (item);
          cr_assert (step >= 1 && step <= limber_exercise_get_n_steps (e), WHO "%s: %s at step %u of %u", seed,
                     profile_json, date, id, step, limber_exercise_get_n_steps (e));
          LimberDose ladder, dose;
          cr_assert (limber_exercise_get_step (e, step - 1, &ladder));
          limber_item_get_dose (item, &dose);
          cr_assert_eq (dose.sets, ladder.sets, WHO "%s: %s: %u sets, the ladder's step %u says %u", seed,
                        profile_json, date, id, dose.sets, step, ladder.sets);
          cr_assert (fabs (dose.duration_s - ladder.duration_s) < 1e-9, WHO "%s: %s: %g s, the ladder says %g s",
                     seed, profile_json, date, id, dose.duration_s, ladder.duration_s);
          cr_assert (dose.hold_s + 1e-9 >= ladder.hold_s && dose.reps >= ladder.reps,
                     WHO "%s: %s: below its ladder step", seed, profile_json, date, id);
          if (dose.hold_s > ladder.hold_s + 1e-9)
            cr_assert (lifted_by_rule (item, "holds of at least %g s", dose.hold_s),
                       WHO "%s: %s: held %g s, above the ladder's %g s, and no rule declares it", seed,
                       profile_json, date, id, dose.hold_s, ladder.hold_s);
          if (dose.reps > ladder.reps)
            cr_assert (lifted_by_rule (item, "at least %g repetitions of each hold", (double) dose.reps),
                       WHO "%s: %s: %u repetitions, above the ladder's %u, and no rule declares it", seed,
                       profile_json, date, id, dose.reps, ladder.reps);
          /* the sentence promises no extra set the item lacks */
          const char *said = limber_item_get_explanation (item);
          if (limber_test_says_extra_set (said))
            cr_assert_gt (limber_item_get_emphasis_extra_sets (item), 0, WHO "%s: %s says \"%s\" without an extra set",
                          seed, profile_json, date, id, said);
        }
    }
  limber_selection_free (sel);
  limber_facts_free (facts);
#undef WHO
}

static void
check_chunk (unsigned chunk)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  GDate start;
  cr_assert (limber_parse_date (START, &start));
  LimberRandom random = { 0x5EED0000u + chunk };
  for (unsigned i = 0; i < PER_CHUNK; i++)
    {
      g_autoptr (LimberProfile) profile = limber_population_profile (rs, &random, &start);
      check_profile (rs, profile, (guint64) chunk * PER_CHUNK + i, &start);
    }
}

/* ---- the suite: 8 chunks of 250 profiles ------------------------------------------ */

LIMBER_TEST (property, chunk0) { check_chunk (0); }
LIMBER_TEST (property, chunk1) { check_chunk (1); }
LIMBER_TEST (property, chunk2) { check_chunk (2); }
LIMBER_TEST (property, chunk3) { check_chunk (3); }
LIMBER_TEST (property, chunk4) { check_chunk (4); }
LIMBER_TEST (property, chunk5) { check_chunk (5); }
LIMBER_TEST (property, chunk6) { check_chunk (6); }
LIMBER_TEST (property, chunk7) { check_chunk (7); }
