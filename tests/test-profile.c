/* Specification of profiles: building them, their defaults, JSON and XML
 * loading, the JSON round trip, and how every refusal names its document,
 * line, column and field.  Most tests use tests/data/profile-rules.xml,
 * minimal.xml with one question and one measure of every kind. */
#include <math.h>
#include <signal.h>
#include <string.h>

#include <limber.h>

#include "population.h"
#include "profile-private.h"
#include "selection.h"
#include "support.h"

TestSuite (profile);

static LimberRuleset *
rules (void)
{
  g_autofree char *path = limber_test_data ("profile-rules.xml");
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

/* tests/data/profiles/NAME, loaded with the profile test rule set. */
static LimberProfile *
load (const LimberRuleset *rs, const char *name, GError **error)
{
  g_autofree char *relative = g_build_filename ("profiles", name, NULL);
  g_autofree char *path = limber_test_data (relative);
  return limber_profile_new_from_file (rs, path, error);
}

static LimberProfile *
load_ok (const LimberRuleset *rs, const char *name)
{
  g_autoptr (GError) error = NULL;
  LimberProfile *p = load (rs, name, &error);
  cr_assert_not_null (p, "%s: %s", name, error ? error->message : "");
  return p;
}

static void
assert_error (const GError *error, const char *what, int code, const char *const *fragments)
{
  cr_assert_not_null (error, "%s: no error", what);
  cr_assert_eq (error->domain, LIMBER_ERROR);
  cr_assert_eq (error->code, code, "%s: code %d, expected %d; message: %s", what, error->code, code, error->message);
  for (const char *const *f = fragments; *f; f++)
    cr_assert (strstr (error->message, *f) != NULL, "%s: message lacks \"%s\":\n%s", what, *f, error->message);
}

/* Loads a bad fixture and checks the error's code and message fragments. */
static void
expect_error (const char *fixture, int code, const char *const *fragments)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = load (rs, fixture, &error);
  cr_assert_null (p, "%s loaded, expected an error", fixture);
  assert_error (error, fixture, code, fragments);
}

#define EXPECT(fixture, code, ...) expect_error (fixture, code, (const char *const[]) { __VA_ARGS__, NULL })

/* The same profile as tests/data/profiles/full.json, through the setters. */
static LimberProfile *
full_by_setters (void)
{
  LimberProfile *p = limber_profile_new ();
  limber_profile_set_name (p, "Sam Example");
  limber_profile_set_age (p, 45);
  limber_profile_set_goal (p, LIMBER_GOAL_FLEXIBILITY);
  limber_profile_set_minutes_per_day (p, 12.5);
  limber_profile_set_days_per_week (p, 4);
  limber_profile_set_no_floor (p, TRUE);
  limber_profile_set_equipment (p, (const char *const[]) { "strap", "chair", NULL });
  limber_profile_add_avoid_region (p, "hip");
  limber_profile_set_answer_bool (p, "bladder-change", FALSE);
  limber_profile_set_answer_bool (p, "leg-pain", TRUE);
  limber_profile_set_answer_choice (p, "bother", "slightly");
  limber_profile_set_answer_number (p, "pain", 3.5);
  limber_profile_set_measure (p, "hip.flexion", 100, 112.5);
  limber_profile_set_measure_value (p, "sit-reach", -4);
  limber_profile_add_session (p, &(LimberSession) { .date = "2026-11-17", .exercise = "pelvic-tilts",
                                                     .completed = TRUE, .sets = 1, .reps = 3, .hold_s = 5,
                                                     .discomfort = 2, .discomfort_next_day = 1 });
  limber_profile_add_session (p, &(LimberSession) { .date = "2026-11-19", .exercise = "windshield-wipers",
                                                     .completed = FALSE, .sets = 1, .duration_s = 45,
                                                     .discomfort = -1, .discomfort_next_day = -1 });
  limber_profile_add_rescan (p, "2026-11-20", "hip.flexion", 104, 113);
  return p;
}

/* ---- building ------------------------------------------------------------------- */

LIMBER_TEST (profile, defaults_apply_to_missing_fields)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) p = load_ok (rs, "empty.json");
  cr_assert_eq (limber_profile_get_age (p), 40);
  cr_assert_eq (limber_profile_get_goal (p), LIMBER_GOAL_RECOVERY);
  cr_assert_float_eq (limber_profile_get_minutes_per_day (p), 15.0, 1e-12);
  cr_assert_eq (limber_profile_get_days_per_week (p), 5);
  cr_assert_not (limber_profile_get_no_floor (p));
  cr_assert_null (limber_profile_get_name (p));
  cr_assert_eq (p->equipment->len, 2);
  cr_assert_str_eq (g_ptr_array_index (p->equipment, 0), "chair");
  cr_assert_str_eq (g_ptr_array_index (p->equipment, 1), "wall");
  cr_assert_eq (p->avoid_regions->len, 0);
  cr_assert_eq (p->answers->len, 0);
  cr_assert_eq (p->scans->len, 0);
  cr_assert_eq (limber_profile_get_n_sessions (p), 0);
  cr_assert_eq (p->rescans->len, 0);

  /* a new profile and an empty document are the same profile */
  g_autoptr (LimberProfile) fresh = limber_profile_new ();
  g_autofree char *a = limber_profile_to_json (p, TRUE);
  g_autofree char *b = limber_profile_to_json (fresh, TRUE);
  cr_assert_str_eq (a, b);
  cr_assert (limber_profile_validate (fresh, rs, NULL));
}

LIMBER_TEST (profile, an_empty_equipment_list_means_none_at_all)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) none = limber_profile_new_from_json (rs, "{\"constraints\": {\"equipment\": []}}", -1,
                                                                 NULL, &error);
  cr_assert_not_null (none, "%s", error ? error->message : "");
  cr_assert_eq (none->equipment->len, 0);

  g_autoptr (LimberProfile) xml = limber_profile_new_from_xml (rs, "<profile><constraints no-equipment=\"true\"/></profile>",
                                                               -1, NULL, &error);
  cr_assert_not_null (xml, "%s", error ? error->message : "");
  cr_assert_eq (xml->equipment->len, 0);

  g_autoptr (LimberProfile) other = limber_profile_new_from_json (rs, "{\"constraints\": {\"no_floor\": true}}", -1,
                                                                  NULL, &error);
  cr_assert_not_null (other, "%s", error ? error->message : "");
  cr_assert_eq (other->equipment->len, 2, "constraints without equipment keep the default");
}

LIMBER_TEST (profile, json_and_setters_build_the_same_profile)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) loaded = load_ok (rs, "full.json");
  g_autoptr (LimberProfile) built = full_by_setters ();
  g_autoptr (GError) error = NULL;
  cr_assert (limber_profile_validate (built, rs, &error), "%s", error ? error->message : "");

  g_autofree char *a = limber_profile_to_json (loaded, TRUE);
  g_autofree char *b = limber_profile_to_json (built, TRUE);
  cr_assert_str_eq (a, b);

  cr_assert_str_eq (limber_profile_get_name (loaded), "Sam Example");
  cr_assert_eq (limber_profile_get_age (loaded), 45);
  cr_assert_eq (limber_profile_get_goal (loaded), LIMBER_GOAL_FLEXIBILITY);
  cr_assert_float_eq (limber_profile_get_minutes_per_day (loaded), 12.5, 1e-12);
  cr_assert (limber_profile_get_no_floor (loaded));
  const LimberAnswer *pain = limber_profile_find_answer (loaded, "pain");
  cr_assert_not_null (pain);
  cr_assert_eq (pain->kind, ANSWER_NUMBER);
  cr_assert_float_eq (pain->number, 3.5, 1e-12);
  const LimberAnswer *bother = limber_profile_find_answer (loaded, "bother");
  cr_assert_eq (bother->kind, ANSWER_CHOICE);
  cr_assert_str_eq (bother->choice, "slightly");
  cr_assert_null (limber_profile_find_answer (loaded, "no-such-question"));
  const LimberScan *reach = limber_profile_find_scan (loaded, "sit-reach");
  cr_assert_not (reach->sided);
  cr_assert_float_eq (reach->left, -4, 1e-12);
  cr_assert_float_eq (reach->right, -4, 1e-12);
  const LimberScan *hip = limber_profile_find_scan (loaded, "hip.flexion");
  cr_assert (hip->sided);
  cr_assert_float_eq (hip->right, 112.5, 1e-12);
  cr_assert_eq (limber_profile_get_n_sessions (loaded), 2);
  const LimberLogged *second = g_ptr_array_index (loaded->sessions, 1);
  cr_assert_float_eq (second->discomfort, -1, 0, "an unreported discomfort reads as -1");
  cr_assert_float_eq (second->duration_s, 45, 1e-12);
}

LIMBER_TEST (profile, round_trip_through_json)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) original = full_by_setters ();
  /* a sum no person types, that needs all 17 digits to read back */
  limber_profile_set_minutes_per_day (original, 10 + 0.1 + 0.2);

  for (int pretty = 0; pretty < 2; pretty++)
    {
      g_autofree char *json = limber_profile_to_json (original, pretty);
      cr_assert_eq (strchr (json, '\n') == NULL || pretty, TRUE, "compact JSON is one line");
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberProfile) again = limber_profile_new_from_json (rs, json, -1, "round-trip.json", &error);
      cr_assert_not_null (again, "%s\n%s", error ? error->message : "", json);
      cr_assert_eq (limber_profile_get_minutes_per_day (again), 10 + 0.1 + 0.2);
      g_autofree char *json2 = limber_profile_to_json (again, pretty);
      cr_assert_str_eq (json, json2);
    }
}

LIMBER_TEST (profile, xml_and_json_agree)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) from_json = load_ok (rs, "full.json");
  g_autoptr (LimberProfile) from_xml = load_ok (rs, "full.xml");
  g_autofree char *a = limber_profile_to_json (from_json, TRUE);
  g_autofree char *b = limber_profile_to_json (from_xml, TRUE);
  cr_assert_str_eq (a, b);
}

LIMBER_TEST (profile, copy_is_deep)
{
  g_autoptr (LimberProfile) original = full_by_setters ();
  g_autofree char *before = limber_profile_to_json (original, FALSE);
  g_autoptr (LimberProfile) copy = limber_profile_copy (original);
  limber_profile_set_answer_choice (copy, "bother", "very-much");
  limber_profile_set_measure (copy, "hip.flexion", 1, 2);
  limber_profile_set_name (copy, "Someone Else");
  limber_profile_add_avoid_region (copy, "hip");
  g_autofree char *after = limber_profile_to_json (original, FALSE);
  cr_assert_str_eq (before, after, "changing the copy changed the original");

  g_clear_pointer (&original, limber_profile_free);
  cr_assert_str_eq (limber_profile_find_answer (copy, "bother")->choice, "very-much");
  cr_assert_str_eq (((LimberLogged *) g_ptr_array_index (copy->sessions, 0))->exercise, "pelvic-tilts");
}

LIMBER_TEST (profile, answering_or_measuring_twice_replaces_in_place)
{
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_answer_bool (p, "leg-pain", TRUE);
  limber_profile_set_answer_choice (p, "bother", "slightly");
  limber_profile_set_answer_choice (p, "leg-pain", "very-much");
  limber_profile_set_measure (p, "hip.flexion", 1, 2);
  limber_profile_set_measure_value (p, "sit-reach", 3);
  limber_profile_set_measure (p, "hip.flexion", 5, 6);
  cr_assert_eq (p->answers->len, 2);
  const LimberAnswer *first = g_ptr_array_index (p->answers, 0);
  cr_assert_str_eq (first->question, "leg-pain");
  cr_assert_eq (first->kind, ANSWER_CHOICE);
  cr_assert_str_eq (first->choice, "very-much");
  cr_assert_eq (p->scans->len, 2);
  const LimberScan *hip = g_ptr_array_index (p->scans, 0);
  cr_assert_float_eq (hip->left, 5, 0);
  cr_assert_float_eq (hip->right, 6, 0);
}

LIMBER_TEST (profile, the_name_is_kept_and_written)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_name (p, "Zoë \"Z\" Müller");
  cr_assert_str_eq (limber_profile_get_name (p), "Zoë \"Z\" Müller");
  g_autofree char *json = limber_profile_to_json (p, FALSE);
  g_autoptr (LimberProfile) again = limber_profile_new_from_json (rs, json, -1, NULL, NULL);
  cr_assert_not_null (again, "%s", json);
  cr_assert_str_eq (limber_profile_get_name (again), "Zoë \"Z\" Müller");
  limber_profile_set_name (p, NULL);
  cr_assert_null (limber_profile_get_name (p));

  limber_profile_set_name (p, "two\nlines");
  g_autoptr (GError) error = NULL;
  cr_assert_not (limber_profile_validate (p, rs, &error));
  assert_error (error, "name", LIMBER_ERROR_PROFILE,
                (const char *const[]) { "name: \"two\\nlines\" holds a control character", NULL });
}

LIMBER_TEST (profile, validate_names_the_field_of_a_profile_built_by_setters)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_minutes_per_day (p, -5);
  limber_profile_set_goal (p, LIMBER_GOAL_PERFORMANCE);
  limber_profile_set_answer_number (p, "pain", NAN);
  limber_profile_add_session (p, &(LimberSession) { .date = "2026-11-31", .exercise = "pelvic-tilts",
                                                     .discomfort = -1, .discomfort_next_day = 10.5 });
  limber_profile_add_rescan (p, "2026-11-20", "sit-reach", 1, 2);
  limber_profile_set_equipment (p, (const char *const[]) { "Foam Roller", "strap", "strap", NULL });
  g_autoptr (GError) error = NULL;
  cr_assert_not (limber_profile_validate (p, rs, &error));
  assert_error (error, "validate", LIMBER_ERROR_PROFILE,
                (const char *const[]) {
                  "goal: performance is not declared by this rule set; expected one of recovery, flexibility\n",
                  "minutes_per_day: -5 is out of range; expected a number of minutes from 5 to 180\n",
                  "constraints.equipment[0]: \"Foam Roller\" is not an id; expected an id of lowercase letters, "
                  "digits, '.', '_' or '-', like the rule set's\n",
                  "constraints.equipment[2]: \"strap\" is listed twice (first as constraints.equipment[1]); expected "
                  "each equipment id once\n",
                  "answers.pain: NaN is not a finite number; expected a number from 0 to 10\n",
                  "history[0].date: \"2026-11-31\" is not a date; expected a real calendar date as YYYY-MM-DD\n",
                  "history[0].discomfort_next_day: 10.5 is out of range; expected a number from 0 to 10\n",
                  "rescans[0].measure: sit-reach is not a sided measure",
                  NULL });
  /* no document, so no document name or place in front of the field */
  cr_assert (g_str_has_prefix (error->message, "goal: "), "%s", error->message);
}

LIMBER_TEST (profile, parse_date_takes_only_real_calendar_dates)
{
  GDate d;
  cr_assert (limber_parse_date ("2024-02-29", &d));
  cr_assert_eq (g_date_get_year (&d), 2024);
  cr_assert_eq (g_date_get_month (&d), 2);
  cr_assert_eq (g_date_get_day (&d), 29);
  cr_assert (limber_parse_date ("2000-02-29", NULL));
  const char *bad[] = { "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
                        "2026-01-1", "26-01-01", "2026-01-01x", "2026/01/01", " 2026-01-01", "0000-01-01", "", NULL };
  for (const char **b = bad; *b; b++)
    cr_assert_not (limber_parse_date (*b, &d), "\"%s\" read as a date", *b);
  cr_assert_not (limber_parse_date (NULL, &d));
}

LIMBER_TEST (profile, example_profiles_load_with_the_default_rule_set)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autofree char *dir = g_build_filename (LIMBER_SOURCE_DIR, "examples", "profiles", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  cr_assert_not_null (listing);
  unsigned n = 0;
  for (const char *entry; (entry = g_dir_read_name (listing)) != NULL;)
    {
      if (!g_str_has_suffix (entry, ".json"))
        continue;
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autoptr (LimberProfile) p = limber_profile_new_from_file (rs, path, &error);
      cr_assert_not_null (p, "%s", error ? error->message : "");
      g_autofree char *json = limber_profile_to_json (p, TRUE);
      g_autoptr (LimberProfile) again = limber_profile_new_from_json (rs, json, -1, entry, &error);
      cr_assert_not_null (again, "%s", error ? error->message : "");
      n++;
    }
  cr_assert_gt (n, 0);
}

/* ---- bad JSON profiles: one kind each ------------------------------------------ */

LIMBER_TEST (profile, negative_minutes_are_out_of_range)
{
  EXPECT ("negative-minutes.json", LIMBER_ERROR_PROFILE,
          "negative-minutes.json:3:22: minutes_per_day: -5 is out of range; expected a number of minutes from 5 to 180");
}

LIMBER_TEST (profile, discomfort_above_10_is_out_of_range)
{
  EXPECT ("discomfort-11.json", LIMBER_ERROR_PROFILE,
          "discomfort-11.json:5:20: history[1].discomfort: 11 is out of range; expected a number from 0 to 10");
}

LIMBER_TEST (profile, days_per_week_of_8_is_out_of_range)
{
  EXPECT ("days-8.json", LIMBER_ERROR_PROFILE,
          "days-8.json:3:20: days_per_week: 8 is out of range; expected a whole number from 1 to 7");
}

LIMBER_TEST (profile, a_nan_token_is_not_json)
{
  EXPECT ("nan.json", LIMBER_ERROR_PARSE, "nan.json:3:49: not well-formed JSON: ", "NaN",
          "expected a limber profile");
}

LIMBER_TEST (profile, an_infinite_number_is_refused)
{
  EXPECT ("infinite.json", LIMBER_ERROR_PROFILE,
          "infinite.json:2:22: minutes_per_day: Infinity is not a finite number; expected a number of minutes "
          "from 5 to 180");
}

LIMBER_TEST (profile, an_impossible_date_is_not_a_date)
{
  EXPECT ("not-a-date.json", LIMBER_ERROR_PROFILE,
          "not-a-date.json:4:14: history[1].date: \"2026-02-30\" is not a date; expected a real calendar date as "
          "YYYY-MM-DD");
}

LIMBER_TEST (profile, an_unknown_question_is_named)
{
  EXPECT ("unknown-question.json", LIMBER_ERROR_PROFILE,
          "unknown-question.json:5:5: answers.bladder-chnage: unknown question; expected one of the rule set's "
          "question ids (limber describe lists them)");
}

LIMBER_TEST (profile, an_unknown_measure_is_named)
{
  EXPECT ("unknown-measure.json", LIMBER_ERROR_PROFILE,
          "unknown-measure.json:4:17: scan[1].measure: \"hip.internal-rotaton\" is an unknown measure; expected one "
          "of the rule set's measure ids");
}

LIMBER_TEST (profile, an_avoided_region_no_exercise_works_is_refused)
{
  /* a typo must not silently avoid nothing */
  EXPECT ("unknown-region.json", LIMBER_ERROR_PROFILE,
          "unknown-region.json:3:47: constraints.avoid_regions[1]: \"shoulders\" is not a region any exercise works; "
          "expected one of hip, lumbar");
}

LIMBER_TEST (profile, an_unknown_key_is_named_with_the_keys_expected)
{
  EXPECT ("unknown-key.json", LIMBER_ERROR_PROFILE,
          "unknown-key.json:4:75: history[0].hold: unknown key; expected one of date, exercise, completed, sets, "
          "reps, hold_s, duration_s, discomfort, discomfort_next_day");
}

LIMBER_TEST (profile, a_yes_no_answer_must_be_a_boolean)
{
  EXPECT ("yes-no-string.json", LIMBER_ERROR_PROFILE,
          "yes-no-string.json:2:33: answers.bladder-change: \"no\" is not a yes-no answer; expected true or false");
}

LIMBER_TEST (profile, a_choice_must_be_one_of_the_choices)
{
  EXPECT ("choice-not-among.json", LIMBER_ERROR_PROFILE,
          "choice-not-among.json:2:25: answers.bother: \"extremely\" is not one of the choices; expected one of "
          "slightly, very-much");
}

LIMBER_TEST (profile, a_scale_answer_must_be_within_its_range)
{
  EXPECT ("scale-out-of-range.json", LIMBER_ERROR_PROFILE,
          "scale-out-of-range.json:2:23: answers.pain: 11 is out of range; expected a number from 0 to 10");
}

LIMBER_TEST (profile, a_scan_value_must_be_within_the_measure_range)
{
  EXPECT ("scan-out-of-range.json", LIMBER_ERROR_PROFILE,
          "scan-out-of-range.json:2:61: scan[0].right: 200 is out of range; expected a number from 0 to 160 (deg, "
          "the range of hip.flexion)");
}

LIMBER_TEST (profile, a_sided_measure_given_as_one_value_is_refused)
{
  EXPECT ("sided-as-value.json", LIMBER_ERROR_PROFILE,
          "sided-as-value.json:2:48: scan[0].value: hip.flexion is a sided measure; expected left and right instead "
          "of value");
}

LIMBER_TEST (profile, an_unsided_measure_given_left_and_right_is_refused)
{
  EXPECT ("unsided-as-sides.json", LIMBER_ERROR_PROFILE,
          "unsided-as-sides.json:2:45: scan[0].left: sit-reach is not a sided measure; expected value instead of "
          "left and right");
}

LIMBER_TEST (profile, an_unknown_exercise_in_history_is_named)
{
  EXPECT ("unknown-exercise.json", LIMBER_ERROR_PROFILE,
          "unknown-exercise.json:3:40: history[0].exercise: \"pelvic-tilt\" is an unknown exercise; expected one of "
          "the rule set's exercise ids");
}

LIMBER_TEST (profile, every_problem_is_reported_at_once_in_document_order)
{
  const char *const lines[] = {
    "several-problems.json:2:20: days_per_week: 0 is out of range; expected a whole number from 1 to 7\n",
    "several-problems.json:3:10: age: 130 is out of range; expected a whole number from 0 to 120\n",
    "several-problems.json:4:27: answers.leg-pain: 1 is not a yes-no answer; expected true or false",
    NULL,
  };
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = load (rs, "several-problems.json", &error);
  cr_assert_null (p);
  assert_error (error, "several-problems.json", LIMBER_ERROR_PROFILE, lines);
  /* the range checks of the loader and of validation, merged by place */
  cr_assert (strstr (error->message, lines[0]) < strstr (error->message, lines[1]));
  cr_assert (strstr (error->message, lines[1]) < strstr (error->message, lines[2]));
}

LIMBER_TEST (profile, malformed_json_is_a_parse_error_at_its_place)
{
  EXPECT ("malformed.json", LIMBER_ERROR_PARSE, "malformed.json:3:20: not well-formed JSON: ",
          "; expected a limber profile (see docs/profile-format.md)");
}

/* The remaining refusals are small enough to read inline. */
static void
expect_json_error (const char *json, int code, const char *const *fragments)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, json, -1, "p.json", &error);
  cr_assert_null (p, "%s loaded, expected an error", json);
  assert_error (error, json, code, fragments);
}

#define EXPECT_JSON(json, code, ...) expect_json_error (json, code, (const char *const[]) { __VA_ARGS__, NULL })

LIMBER_TEST (profile, a_value_of_the_wrong_json_type_is_named)
{
  EXPECT_JSON ("{\"age\": \"45\"}", LIMBER_ERROR_PROFILE, "p.json:1:9: age: \"45\" is a string; expected a number");
  EXPECT_JSON ("{\"constraints\": {\"equipment\": [\"strap\", 7]}}", LIMBER_ERROR_PROFILE,
               "p.json:1:41: constraints.equipment[1]: 7 is a number; expected an equipment id");
  EXPECT_JSON ("{\"history\": {}}", LIMBER_ERROR_PROFILE,
               "p.json:1:13: history: the value is an object; expected an array of sessions");
  EXPECT_JSON ("[]", LIMBER_ERROR_PROFILE, "p.json:1:1: profile: the value is an array; expected an object");
}

LIMBER_TEST (profile, a_whole_number_field_refuses_a_fraction)
{
  EXPECT_JSON ("{\"age\": 45.5}", LIMBER_ERROR_PROFILE,
               "p.json:1:9: age: 45.5 is not a whole number; expected a whole number from 0 to 120");
}

LIMBER_TEST (profile, the_goal_must_be_one_the_rule_set_declares)
{
  EXPECT_JSON ("{\"goal\": \"performance\"}", LIMBER_ERROR_PROFILE,
               "p.json:1:10: goal: performance is not declared by this rule set; expected one of recovery, flexibility");
  EXPECT_JSON ("{\"goal\": \"strength\"}", LIMBER_ERROR_PROFILE,
               "p.json:1:10: goal: \"strength\" is not a goal; expected one of recovery, flexibility");
}

LIMBER_TEST (profile, a_key_given_twice_is_refused)
{
  EXPECT_JSON ("{\"age\": 45,\n \"age\": 46}", LIMBER_ERROR_PROFILE,
               "p.json:2:2: age: given twice (first on line 1); expected each key once");
}

LIMBER_TEST (profile, a_measure_scanned_twice_is_refused)
{
  EXPECT_JSON ("{\"scan\": [{\"measure\": \"hip.flexion\", \"left\": 1, \"right\": 2},\n"
               " {\"measure\": \"hip.flexion\", \"left\": 3, \"right\": 4}]}",
               LIMBER_ERROR_PROFILE,
               "p.json:2:14: scan[1].measure: \"hip.flexion\" is given twice (first in scan[0]); expected each measure "
               "once");
}

LIMBER_TEST (profile, a_missing_required_member_points_at_its_object)
{
  EXPECT_JSON ("{\"history\": [\n  {\"date\": \"2026-11-17\", \"completed\": true}]}", LIMBER_ERROR_PROFILE,
               "p.json:2:3: history[0].exercise: missing; expected an exercise id");
  EXPECT_JSON ("{\"scan\": [{\"measure\": \"hip.flexion\", \"left\": 1}]}", LIMBER_ERROR_PROFILE,
               "p.json:1:11: scan[0].right: missing; expected a number, with left");
}

LIMBER_TEST (profile, integers_beyond_64_bits_are_read_as_written)
{
  /* json-glib alone reads this as -1, which for discomfort means "not reported" */
  EXPECT_JSON ("{\"history\": [{\"date\": \"2026-11-17\", \"exercise\": \"pelvic-tilts\", \"completed\": true, "
               "\"discomfort\": 99999999999999999999}]}",
               LIMBER_ERROR_PROFILE, "history[0].discomfort: 1e+20 is out of range; expected a number from 0 to 10");
}

LIMBER_TEST (profile, nesting_far_deeper_than_a_profile_is_refused_before_parsing)
{
  /* json-glib 1.6 recurses once per level and overflows the stack */
  g_autofree char *deep = g_strnfill (200000, '[');
  EXPECT_JSON (deep, LIMBER_ERROR_PARSE, "p.json:1:33: nested more than 32 levels deep");
}

LIMBER_TEST (profile, a_byte_order_mark_does_not_shift_columns)
{
  EXPECT_JSON ("\xEF\xBB\xBF{\"age\": 141}", LIMBER_ERROR_PROFILE, "p.json:1:9: age: 141 is out of range");
}

LIMBER_TEST (profile, an_empty_document_is_not_a_profile)
{
  EXPECT_JSON ("  \n", LIMBER_ERROR_PARSE, "p.json: empty document; expected a limber profile");
}

LIMBER_TEST (profile, a_missing_file_is_an_io_error)
{
  EXPECT ("no-such-profile.json", LIMBER_ERROR_IO, "no-such-profile.json: cannot open: ");
}

/* ---- XML ------------------------------------------------------------------------- */

LIMBER_TEST (profile, xml_unknown_element_is_named_with_its_place)
{
  EXPECT ("unknown-element.xml", LIMBER_ERROR_PROFILE,
          "unknown-element.xml:4:3: profile: unknown element <sesion>; expected one of constraints, answer, scan, "
          "session, rescan");
}

LIMBER_TEST (profile, xml_unknown_attribute_is_named_with_its_place)
{
  EXPECT ("unknown-attribute.xml", LIMBER_ERROR_PROFILE,
          "unknown-attribute.xml:3:3: scan[0]: unknown attribute rigth; expected one of measure, left, right, value");
}

LIMBER_TEST (profile, xml_doctype_is_refused)
{
  EXPECT ("doctype.xml", LIMBER_ERROR_UNSAFE, "doctype.xml:2:1: DOCTYPE: refused");
}

LIMBER_TEST (profile, xml_problems_point_at_the_start_of_their_element)
{
  /* the <scan> start tag spans lines 4 and 5; libxml2 alone would say 5 */
  EXPECT ("scan-out-of-range.xml", LIMBER_ERROR_PROFILE,
          "scan-out-of-range.xml:4:5: scan[0].right: 200 is out of range; expected a number from 0 to 160");
}

LIMBER_TEST (profile, xml_attribute_that_is_not_a_number_is_named)
{
  EXPECT ("not-a-number.xml", LIMBER_ERROR_PROFILE,
          "not-a-number.xml:2:1: age: \"forty-five\" is not a number; expected a number");
}

static void
expect_xml_error (const char *xml, int code, const char *const *fragments)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_xml (rs, xml, -1, "p.xml", &error);
  cr_assert_null (p, "%s loaded, expected an error", xml);
  assert_error (error, xml, code, fragments);
}

#define EXPECT_XML(xml, code, ...) expect_xml_error (xml, code, (const char *const[]) { __VA_ARGS__, NULL })

LIMBER_TEST (profile, xml_answers_are_read_by_their_question_kind)
{
  EXPECT_XML ("<profile>\n  <answer question=\"leg-pain\">maybe</answer>\n</profile>", LIMBER_ERROR_PROFILE,
              "p.xml:2:3: answers.leg-pain: \"maybe\" is not a yes-no answer; expected true or false");
  EXPECT_XML ("<profile><answer question=\"pain\">lots</answer></profile>", LIMBER_ERROR_PROFILE,
              "p.xml:1:10: answers.pain: \"lots\" is not a number; expected a number from 0 to 10");
  EXPECT_XML ("<profile><answer question=\"leg-pain\">yes</answer><answer question=\"leg-pain\">no</answer></profile>",
              LIMBER_ERROR_PROFILE, "p.xml:1:50: answers.leg-pain: given twice (first on line 1)");
}

LIMBER_TEST (profile, xml_that_is_not_well_formed_is_a_parse_error)
{
  EXPECT_XML ("<profile>\n<scan measure=\"hip.flexion\" left=\"1\" right=\"2\">\n</profile>", LIMBER_ERROR_PARSE,
              "p.xml:3:", "not well-formed XML: ");
  EXPECT_XML ("<profile age=\"&ent;\"/>", LIMBER_ERROR_PARSE, "not well-formed XML: ");
}

LIMBER_TEST (profile, xml_of_another_kind_is_not_a_profile)
{
  EXPECT_XML ("<plan/>", LIMBER_ERROR_PROFILE, "p.xml:1:1: profile: <plan> is not a profile");
  EXPECT_XML ("<p:profile xmlns:p=\"urn:x\"/>", LIMBER_ERROR_PROFILE, "is in namespace urn:x");
}

/* ---- the fast path for documents programs write ---------------------------- */

/* The fast path's profile, or NULL; when it reads one, the full reader must
 * read the document too, into the same profile. */
static LimberProfile *
fast_as_full (const LimberRuleset *rs, const char *doc)
{
  LimberProfile *fast = limber_profile_read_json_fast (rs, doc, strlen (doc));
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) full = limber_profile_read_json_full (rs, doc, strlen (doc), "doc", &error);
  if (fast != NULL)
    {
      cr_assert_not_null (full, "the fast path read what the full reader refuses: %s\n%s", error->message, doc);
      g_autofree char *a = limber_profile_to_json (fast, FALSE);
      g_autofree char *b = limber_profile_to_json (full, FALSE);
      cr_assert_str_eq (a, b, "the fast path and the full reader differ on\n%s", doc);
    }
  return fast;
}

LIMBER_TEST (profile, the_fast_path_reads_written_profiles_as_the_full_reader_does)
{
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (NULL);
  LimberRandom random = { 7 };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 24, 11, 2026);
  for (int i = 0; i < 300; i++)
    {
      g_autoptr (LimberProfile) p = limber_population_profile (rs, &random, &start);
      for (int pretty = 0; pretty < 2; pretty++)
        {
          g_autofree char *doc = limber_profile_to_json (p, pretty);
          g_autoptr (LimberProfile) fast = fast_as_full (rs, doc);
          cr_assert_not_null (fast, "a profile limber wrote took the slow path:\n%s", doc);
        }
    }
  /* the test rule set's full profile, as a person wrote it */
  g_autoptr (LimberRuleset) test_rules = rules ();
  g_autofree char *path = limber_test_data ("profiles/full.json");
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (path, &text, NULL, NULL));
  g_autoptr (LimberProfile) fast = fast_as_full (test_rules, text);
  cr_assert_not_null (fast);
}

LIMBER_TEST (profile, the_fast_path_leaves_anything_to_explain_to_the_full_reader)
{
  g_autoptr (LimberRuleset) rs = rules ();
  /* each is refused by the fast path; some the full reader reads (escapes,
   * null discomfort is fine and stays fast), the rest it explains */
  static const char *const slow[] = {
    "",
    "[]",
    "{\"age\": 40,}",
    "{\"age\": 40} x",
    "{'age': 40}",
    "{\"age\": 40, \"age\": 41}",
    "{\"agee\": 40}",
    "{\"age\": -1}",
    "{\"age\": 40.5}",
    "{\"age\": \"40\"}",
    "{\"age\": 1e999}",
    "{\"age\": 01}",
    "{\"age\": +1}",
    "{\"age\": NaN}",
    "{\"goal\": \"strength\"}",
    "{\"name\": \"Sam \\\"Ex\\\" Ample\"}",
    "{\"name\": \"Sam\\u00e9\"}",
    "{\"name\": \"tab\there\"}",
    "{\"name\": \"\xff\"}",
    "{\"answers\": {\"leg-pain\": true, \"leg-pain\": false}}",
    "{\"answers\": {\"no-such-question\": true}}",
    "{\"answers\": {\"leg-pain\": null}}",
    "{\"scan\": [{\"measure\": \"hip.flexion\", \"left\": 100}]}",
    "{\"scan\": [{\"measure\": \"hip.flexion\", \"value\": 100, \"left\": 100}]}",
    "{\"scan\": [{\"left\": 100, \"right\": 100}]}",
    "{\"constraints\": {\"equipment\": [\"strap\", 3]}}",
    "{\"history\": [{\"date\": \"2026-11-01\", \"exercise\": \"pelvic-tilts\"}]}",
    "{\"history\": [{\"date\": \"2026-11-01\", \"exercise\": \"pelvic-tilts\", \"completed\": true, \"sets\": null}]}",
    "{\"rescans\": [{\"date\": \"2026-11-01\", \"measure\": \"hip.flexion\", \"left\": 1}]}",
    "{\"minutes_per_day\": 10",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (slow); i++)
    {
      g_autoptr (LimberProfile) fast = fast_as_full (rs, slow[i]);
      cr_assert_null (fast, "the fast path read %s", slow[i]);
      /* the public call still answers: a profile or an error naming a place */
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, slow[i], -1, "doc", &error);
      cr_assert ((p == NULL) != (error == NULL));
      if (error != NULL)
        cr_assert (g_str_has_prefix (error->message, "doc"), "%s", error->message);
    }
  static const char *const fast_docs[] = {
    "{}",
    "\xEF\xBB\xBF{\"age\": 40}",
    " {\r\n\t\"age\" : 40 , \"goal\":\"recovery\" }\r\n",
    "{\"history\": [{\"date\": \"2026-11-01\", \"exercise\": \"pelvic-tilts\", \"completed\": true, \"discomfort\": null}]}",
    "{\"scan\": [], \"history\": [], \"rescans\": [], \"answers\": {}, \"constraints\": {\"equipment\": []}}",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (fast_docs); i++)
    {
      g_autoptr (LimberProfile) fast = fast_as_full (rs, fast_docs[i]);
      cr_assert_not_null (fast, "the fast path refused %s", fast_docs[i]);
    }
}

/* A loaded profile is not checked again for each plan, but only while it is
 * the document it was checked as, against the rule set it was checked for. */
LIMBER_TEST (profile, a_loaded_profile_is_checked_again_once_changed_or_used_with_other_rules)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberRuleset) other = limber_ruleset_new_default (NULL);
  static const char doc[] = "{\"age\": 40, \"answers\": {\"pain\": 3}}";
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, doc, -1, "doc", NULL);
  cr_assert_not_null (p);
  cr_assert (limber_profile_validate (p, rs, NULL));

  /* another rule set: "pain" is no question of the default rules */
  g_autoptr (GError) error = NULL;
  cr_assert_not (limber_profile_validate (p, other, &error));
  cr_assert (strstr (error->message, "answers.pain") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* a copy is the same document */
  g_autoptr (LimberProfile) copy = limber_profile_copy (p);
  cr_assert (limber_profile_validate (copy, rs, NULL));

  /* a setter makes it another: out of range now, and said so */
  limber_profile_set_days_per_week (p, 9);
  cr_assert_not (limber_profile_validate (p, rs, &error));
  cr_assert (strstr (error->message, "days_per_week") != NULL, "%s", error->message);
  g_clear_error (&error);
  g_autoptr (LimberPlan) plan = limber_generate (rs, p, NULL, &error);
  cr_assert_null (plan);
  cr_assert_not_null (error);
  g_clear_error (&error);
  limber_profile_set_days_per_week (p, 3);
  limber_profile_set_answer_number (copy, "pain", 11);
  cr_assert (limber_profile_validate (p, rs, NULL));
  cr_assert_not (limber_profile_validate (copy, rs, NULL));

  /* every setter forgets the check: each one breaks a checked profile in
   * its own way, and validation must notice */
  static const char *const fields[] = { "age", "minutes_per_day", "equipment", "avoid", "answer-bool",
                                        "answer-choice", "measure", "measure-value", "session", "rescan", "name" };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr (LimberProfile) q = limber_profile_new_from_json (rs, doc, -1, "doc", NULL);
      cr_assert (limber_profile_validate (q, rs, NULL));
      const char *f = fields[i];
      if (g_str_equal (f, "age"))
        limber_profile_set_age (q, 1000);
      else if (g_str_equal (f, "minutes_per_day"))
        limber_profile_set_minutes_per_day (q, -1);
      else if (g_str_equal (f, "equipment"))
        limber_profile_set_equipment (q, (const char *const[]) { "Not An Id!", NULL });
      else if (g_str_equal (f, "avoid"))
        limber_profile_add_avoid_region (q, "no-such-region");
      else if (g_str_equal (f, "answer-bool"))
        limber_profile_set_answer_bool (q, "no-such-question", TRUE);
      else if (g_str_equal (f, "answer-choice"))
        limber_profile_set_answer_choice (q, "bother", "no-such-choice");
      else if (g_str_equal (f, "measure"))
        limber_profile_set_measure (q, "hip.flexion", 500, 10);
      else if (g_str_equal (f, "measure-value"))
        limber_profile_set_measure_value (q, "sit-reach", 500);
      else if (g_str_equal (f, "session"))
        limber_profile_add_session (q, &(LimberSession) { "2026-13-40", "pelvic-tilts", TRUE, 1, 1, 0, 0, -1, -1 });
      else if (g_str_equal (f, "rescan"))
        limber_profile_add_rescan (q, "2026-11-01", "no-such-measure", 1, 1);
      else
        limber_profile_set_name (q, "\x01");
      cr_assert_not (limber_profile_validate (q, rs, NULL), "%s: a changed profile passed as checked", f);
    }
}

/* "$schema" is for editors: a string, set aside by both JSON readers. */
LIMBER_TEST (profile, a_schema_key_is_set_aside)
{
  g_autoptr (LimberRuleset) rs = rules ();
  static const char doc[] = "{\"$schema\": \"https://example.org/limber-profile.json\", \"age\": 44}";
  g_autoptr (LimberProfile) fast = fast_as_full (rs, doc);
  cr_assert_not_null (fast);
  cr_assert_eq (limber_profile_get_age (fast), 44);
  /* an escape sends the document to the full reader, which sets it aside too */
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) full = limber_profile_new_from_json (rs, "{\"$schema\": \"x\", \"name\": \"Ren\\u00e9\"}", -1,
                                                                 "doc", &error);
  cr_assert_not_null (full, "%s", error ? error->message : "");
  cr_assert_str_eq (limber_profile_get_name (full), "Ren\u00e9");
  g_autoptr (LimberProfile) bad = limber_profile_new_from_json (rs, "{\"$schema\": 3}", -1, "doc", &error);
  cr_assert_null (bad);
  cr_assert (strstr (error->message, "doc:1:13: $schema: 3 is a number; expected a string") != NULL, "%s",
             error->message);
}

/* A profile error's problems as records: field, place, what and expected,
 * the same as its message's lines, for an app to put next to its fields. */
LIMBER_TEST (profile, errors_carry_each_problem_as_a_record)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = load (rs, "several-problems.json", &error);
  cr_assert_null (p);
  guint n = limber_error_get_n_problems (error);
  cr_assert_geq (n, 2, "%s", error->message);
  g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
  cr_assert_eq (g_strv_length (lines), n, "one record per line of the message");
  for (guint i = 0; i < n; i++)
    {
      const LimberProblem *problem = limber_error_get_problem (error, i);
      cr_assert_str_eq (limber_problem_get_text (problem), lines[i]);
      cr_assert (g_str_has_suffix (limber_problem_get_file (problem), "several-problems.json"));
      cr_assert_gt (limber_problem_get_line (problem), 0);
      cr_assert_gt (limber_problem_get_column (problem), 0);
      g_autofree char *place = g_strdup_printf ("%s:%u:%u: %s: %s", limber_problem_get_file (problem),
                                                limber_problem_get_line (problem), limber_problem_get_column (problem),
                                                limber_problem_get_field (problem), limber_problem_get_what (problem));
      cr_assert (g_str_has_prefix (lines[i], place), "%s\n%s", lines[i], place);
      if (limber_problem_get_expected (problem) != NULL)
        cr_assert (g_str_has_suffix (lines[i], limber_problem_get_expected (problem)));
    }
  cr_assert_null (limber_error_get_problem (error, n));
  /* a copy carries them too */
  g_autoptr (GError) copy = g_error_copy (error);
  cr_assert_eq (limber_error_get_n_problems (copy), n);
  cr_assert_str_eq (limber_problem_get_field (limber_error_get_problem (copy, 0)),
                    limber_problem_get_field (limber_error_get_problem (error, 0)));

  /* one field, with what and expected apart */
  g_clear_error (&error);
  g_autoptr (LimberProfile) q = limber_profile_new_from_json (rs, "{\"age\": 300}", -1, "form", &error);
  cr_assert_null (q);
  cr_assert_eq (limber_error_get_n_problems (error), 1);
  const LimberProblem *age = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_field (age), "age");
  cr_assert_str_eq (limber_problem_get_what (age), "300 is out of range");
  cr_assert_str_eq (limber_problem_get_expected (age), "a whole number from 0 to 120");
  cr_assert_eq (limber_problem_get_line (age), 1);

  /* a document that is no JSON: a record without a field */
  g_clear_error (&error);
  g_autoptr (LimberProfile) r = limber_profile_new_from_json (rs, "{\"age\": ", -1, "form", &error);
  cr_assert_null (r);
  cr_assert_eq (limber_error_get_n_problems (error), 1);
  const LimberProblem *doc = limber_error_get_problem (error, 0);
  cr_assert_null (limber_problem_get_field (doc));
  cr_assert (g_str_has_prefix (limber_problem_get_what (doc), "not well-formed JSON: "), "%s",
             limber_problem_get_what (doc));
  cr_assert_str_eq (limber_problem_get_expected (doc), "a limber profile (see docs/profile-format.md)");

  /* another domain has none */
  g_autoptr (GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "no");
  cr_assert_eq (limber_error_get_n_problems (other), 0);
}

/* What a profile holds reads back through the API as it was given. */
LIMBER_TEST (profile, every_field_reads_back_through_the_api)
{
  g_autoptr (LimberRuleset) rs = rules ();
  g_autoptr (LimberProfile) p = load_ok (rs, "full.json");
  g_autoptr (LimberProfile) q = full_by_setters ();
  /* the same answers, scan, sessions and lists, read field by field */
  cr_assert_eq (limber_profile_get_n_answers (p), limber_profile_get_n_answers (q));
  cr_assert_gt (limber_profile_get_n_answers (p), 0);
  for (unsigned i = 0; i < limber_profile_get_n_answers (p); i++)
    {
      LimberAnswerType ta, tb;
      gboolean ya, yb;
      double na, nb;
      const char *ca, *cb;
      cr_assert_str_eq (limber_profile_get_answer (p, i, &ta, &ya, &na, &ca),
                        limber_profile_get_answer (q, i, &tb, &yb, &nb, &cb));
      cr_assert_eq (ta, tb);
      cr_assert_eq (ya, yb);
      cr_assert_float_eq (na, nb, 1e-12);
      cr_assert_str_eq (ca ? ca : "", cb ? cb : "");
    }
  LimberAnswerType type;
  const char *choice;
  cr_assert_null (limber_profile_get_answer (p, 99, &type, NULL, NULL, &choice));
  cr_assert_null (choice);
  cr_assert_eq (limber_profile_get_n_measures (p), limber_profile_get_n_measures (q));
  for (unsigned i = 0; i < limber_profile_get_n_measures (p); i++)
    {
      gboolean sa, sb;
      double la, lb, ra, rb;
      cr_assert_str_eq (limber_profile_get_measure (p, i, &sa, &la, &ra), limber_profile_get_measure (q, i, &sb, &lb, &rb));
      cr_assert (sa == sb && la == lb && ra == rb);
    }
  cr_assert_eq (limber_profile_get_n_sessions (p), limber_profile_get_n_sessions (q));
  for (unsigned i = 0; i < limber_profile_get_n_sessions (p); i++)
    {
      LimberSession a, b;
      cr_assert (limber_profile_get_session (p, i, &a) && limber_profile_get_session (q, i, &b));
      cr_assert_str_eq (a.date, b.date);
      cr_assert_str_eq (a.exercise, b.exercise);
      cr_assert (a.completed == b.completed && a.sets == b.sets && a.reps == b.reps && a.hold_s == b.hold_s
                 && a.discomfort == b.discomfort && a.discomfort_next_day == b.discomfort_next_day);
    }
  LimberSession none = { 0 };
  cr_assert_not (limber_profile_get_session (p, 99, &none));
  cr_assert_eq (limber_profile_get_n_equipment (p), 2);
  cr_assert_str_eq (limber_profile_get_equipment (p, 0), "strap");
  cr_assert_null (limber_profile_get_equipment (p, 2));
  cr_assert_eq (limber_profile_get_n_avoid_regions (p), 1);
  cr_assert_str_eq (limber_profile_get_avoid_region (p, 0), "hip");
}

/* ---- structs the caller allocates carry their size (docs/embedding.md) ---- */

LIMBER_TEST (profile, a_session_reads_the_same_zeroed_positional_or_with_its_size)
{
  g_autoptr (LimberProfile) p = limber_profile_new ();
  /* zeroed and filled by name, in order, and from LIMBER_SESSION_INIT: all the first layout */
  LimberSession zeroed = { 0 };
  zeroed.date = "2026-11-17";
  zeroed.exercise = "pelvic-tilts";
  zeroed.sets = 2;
  limber_profile_add_session (p, &zeroed);
  limber_profile_add_session (p, &(LimberSession) { "2026-11-18", "pelvic-tilts", TRUE, 2, 0, 0, 0, -1, -1 });
  LimberSession sized = LIMBER_SESSION_INIT;
  cr_assert_eq (sized.struct_size, sizeof (LimberSession));
  cr_assert_eq (sized.discomfort, -1);
  sized.date = "2026-11-19";
  sized.exercise = "pelvic-tilts";
  sized.sets = 2;
  limber_profile_add_session (p, &sized);
  cr_assert_eq (limber_profile_get_n_sessions (p), 3);
  for (unsigned i = 0; i < 3; i++)
    {
      LimberSession s; /* left uninitialised, as callers always could */
      cr_assert (limber_profile_get_session (p, i, &s));
      cr_assert_eq (s.sets, 2);
      cr_assert_eq (s.struct_size, sizeof (LimberSession), "the library says the size it filled");
    }
}

LIMBER_TEST (profile, a_later_larger_session_keeps_what_this_library_does_not_know)
{
  /* an app built against a later header whose LimberSession grew a field */
  typedef struct {
    LimberSession first;
    double later_field;
  } LaterSession;
  g_autoptr (LimberProfile) p = limber_profile_new ();
  LaterSession in = { .first = LIMBER_SESSION_INIT, .later_field = 7 };
  in.first.struct_size = sizeof in;
  in.first.date = "2026-11-17";
  in.first.exercise = "pelvic-tilts";
  in.first.sets = 3;
  limber_profile_add_session (p, &in.first);
  LaterSession out = { .later_field = 42 };
  out.first.struct_size = sizeof out;
  cr_assert (limber_profile_get_session (p, 0, &out.first));
  cr_assert_eq (out.first.sets, 3);
  cr_assert_eq (out.first.struct_size, sizeof (LimberSession), "only this layout was filled");
  cr_assert_eq (out.later_field, 42, "and nothing was written past it");
}

/* A struct_size too small to reach the field itself is no layout at all:
 * refused as a programming error (a critical, fatal under the tests'
 * G_DEBUG=fatal-criticals), never read past. */
Test (profile, a_session_whose_size_cannot_hold_its_own_fields_is_refused, .signal = SIGTRAP)
{
  g_autoptr (LimberProfile) p = limber_profile_new ();
  LimberSession s = { .date = "2026-11-17", .exercise = "pelvic-tilts", .struct_size = 4 };
  limber_profile_add_session (p, &s);
}
