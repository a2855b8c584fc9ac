/* Problem records: every problem carries a stable code saying its kind, and
 * an unknown id that is a likely typo of a known one carries that one as a
 * suggestion ("did you mean"), in its record and at the end of its message. */
#include <string.h>

#include <limber.h>

#include "suggest.h"
#include "support.h"

TestSuite (error);

/* ---- the suggestion helper (suggest.c) -------------------------------------- */

LIMBER_TEST (error, the_distance_counts_edits_swaps_and_ignores_case)
{
  cr_assert_eq (limber_suggest_distance ("hip.flx", "hip.flex"), 1);    /* a letter left out */
  cr_assert_eq (limber_suggest_distance ("hpi.flex", "hip.flex"), 1);   /* two letters swapped */
  cr_assert_eq (limber_suggest_distance ("hip.flux", "hip.flex"), 1);   /* one replaced */
  cr_assert_eq (limber_suggest_distance ("Hip.Flex", "hip.flex"), 0);   /* case alone */
  cr_assert_eq (limber_suggest_distance ("kitten", "sitting"), 3);
  cr_assert_eq (limber_suggest_distance ("", "abc"), 3);
}

LIMBER_TEST (error, a_close_id_is_suggested_and_a_far_one_is_not)
{
  const char *const ids[] = { "hip.flexion", "hip.extension", "hamstring.slr", NULL };
  cr_assert_str_eq (limber_suggest_among ("hip.flexoin", ids, -1), "hip.flexion");
  cr_assert_str_eq (limber_suggest_among ("HIP.EXTENSION", ids, -1), "hip.extension");
  cr_assert_null (limber_suggest_among ("shoulder.flexion", ids, -1));
  cr_assert_null (limber_suggest_among ("hip.flexion", ids, -1), "a known id is no typo");
  /* two letters are too few to tell a typo from another word: case only */
  const char *const short_ids[] = { "ab", "cd", NULL };
  cr_assert_null (limber_suggest_among ("ac", short_ids, -1));
  cr_assert_str_eq (limber_suggest_among ("AB", short_ids, -1), "ab");
}

LIMBER_TEST (error, a_word_cut_short_suggests_the_only_id_it_begins)
{
  const char *const one[] = { "hip.flexion", "hip.extension", NULL };
  cr_assert_str_eq (limber_suggest_among ("hip.flex", one, -1), "hip.flexion");
  const char *const two[] = { "hip.flexion", "hip.flexion-knee-bent", NULL };
  cr_assert_null (limber_suggest_among ("hip.flex", two, -1), "two ids begin with it: no guess");
}

LIMBER_TEST (error, ties_go_to_the_first_id_in_byte_order_whatever_the_offering_order)
{
  const char *const forward[] = { "pose-a", "pose-b", NULL };
  const char *const backward[] = { "pose-b", "pose-a", NULL };
  cr_assert_str_eq (limber_suggest_among ("pose-c", forward, -1), "pose-a");
  cr_assert_str_eq (limber_suggest_among ("pose-c", backward, -1), "pose-a");
}

LIMBER_TEST (error, the_hint_is_the_words_a_message_ends_with)
{
  g_autofree char *hint = limber_suggest_hint ("hip.flexion");
  cr_assert_str_eq (hint, " (did you mean \"hip.flexion\"?)");
  g_autofree char *none = limber_suggest_hint (NULL);
  cr_assert_str_eq (none, "");
}

/* ---- codes and suggestions in errors ------------------------------------------ */

/* The problem of err whose field is field (asserts there is one). */
static const LimberProblem *
problem_of (const GError *err, const char *field)
{
  for (guint i = 0; i < limber_error_get_n_problems (err); i++)
    {
      const LimberProblem *p = limber_error_get_problem (err, i);
      if (g_strcmp0 (limber_problem_get_field (p), field) == 0)
        return p;
    }
  cr_assert_fail ("no problem about %s in:\n%s", field, err->message);
  return NULL;
}

static void
assert_problem (const GError *err, const char *field, const char *code, const char *suggestion)
{
  const LimberProblem *p = problem_of (err, field);
  cr_assert_str_eq (limber_problem_get_code (p), code, "%s: %s", field, limber_problem_get_text (p));
  if (suggestion == NULL)
    {
      cr_assert_null (limber_problem_get_suggestion (p), "%s", limber_problem_get_text (p));
      return;
    }
  cr_assert_str_eq (limber_problem_get_suggestion (p), suggestion);
  /* the message says it too, closing what was expected */
  g_autofree char *hint = g_strdup_printf ("(did you mean \"%s\"?)", suggestion);
  cr_assert (g_str_has_suffix (limber_problem_get_expected (p), hint), "%s", limber_problem_get_expected (p));
  cr_assert (g_str_has_suffix (limber_problem_get_text (p), hint), "%s", limber_problem_get_text (p));
}

LIMBER_TEST (error, each_problem_of_a_profile_carries_its_own_code)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  static const char json[] = "{\n"
                             "  \"agee\": 40,\n"
                             "  \"age\": 300,\n"
                             "  \"minutes_per_day\": \"ten\",\n"
                             "  \"constraints\": {\"avoid_regions\": [\"shoulders\"]},\n"
                             "  \"answers\": {\"night-pian\": true, \"pain-today\": 42},\n"
                             "  \"scan\": [{\"measure\": \"hip.flexoin\", \"left\": 100, \"right\": 110}],\n"
                             "  \"history\": [{\"date\": \"2026-02-30\", \"exercise\": \"hip-circle\", \"completed\": "
                             "true, \"sets\": 1, \"reps\": 3}]\n"
                             "}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, json, -1, "form.json", &error);
  cr_assert_null (p);
  cr_assert_not_null (error);
  assert_problem (error, "agee", LIMBER_PROBLEM_UNKNOWN_KEY, "age");
  assert_problem (error, "minutes_per_day", LIMBER_PROBLEM_WRONG_TYPE, NULL);
}

LIMBER_TEST (error, a_checked_profile_names_each_unknown_id_and_its_likely_intent)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  static const char json[] = "{\n"
                             "  \"age\": 300,\n"
                             "  \"constraints\": {\"avoid_regions\": [\"shoulders\"]},\n"
                             "  \"answers\": {\"night-pian\": true, \"pain-today\": 42},\n"
                             "  \"scan\": [{\"measure\": \"hip.flexoin\", \"left\": 100, \"right\": 110}],\n"
                             "  \"history\": [{\"date\": \"2026-02-30\", \"exercise\": \"hip-circle\", \"completed\": "
                             "true, \"sets\": 1, \"reps\": 3}]\n"
                             "}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, json, -1, "form.json", &error);
  cr_assert_null (p);
  assert_problem (error, "age", LIMBER_PROBLEM_OUT_OF_RANGE, NULL);
  assert_problem (error, "constraints.avoid_regions[0]", LIMBER_PROBLEM_UNKNOWN_REGION, "shoulder");
  assert_problem (error, "answers.night-pian", LIMBER_PROBLEM_UNKNOWN_QUESTION, "night-pain");
  assert_problem (error, "answers.pain-today", LIMBER_PROBLEM_OUT_OF_RANGE, NULL);
  assert_problem (error, "scan[0].measure", LIMBER_PROBLEM_UNKNOWN_MEASURE, "hip.flexion");
  assert_problem (error, "history[0].date", LIMBER_PROBLEM_BAD_DATE, NULL);
  assert_problem (error, "history[0].exercise", LIMBER_PROBLEM_UNKNOWN_EXERCISE, "hip-circles");
}

LIMBER_TEST (error, each_problem_of_a_rule_set_carries_its_own_code)
{
  g_autofree char *path = limber_test_data ("invalid/several-errors.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_null (rs);
  cr_assert_eq (limber_error_get_n_problems (error), 3, "%s", error->message);
  cr_assert_str_eq (limber_problem_get_code (limber_error_get_problem (error, 0)), LIMBER_PROBLEM_DUPLICATE);
  cr_assert_str_eq (limber_problem_get_code (limber_error_get_problem (error, 1)), LIMBER_PROBLEM_UNKNOWN_MEASURE);
  cr_assert_str_eq (limber_problem_get_code (limber_error_get_problem (error, 2)), LIMBER_PROBLEM_UNKNOWN_EXERCISE);
  /* "hip.flex" is cut short of the one measure it begins */
  cr_assert_str_eq (limber_problem_get_suggestion (limber_error_get_problem (error, 1)), "hip.flexion");
}

LIMBER_TEST (error, an_unknown_red_flag_in_a_rule_set_suggests_the_declared_one)
{
  g_autofree char *path = limber_test_data ("invalid/unknown-flag.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_null (rs);
  const LimberProblem *p = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_UNKNOWN_REFERENCE);
  cr_assert_str_eq (limber_problem_get_suggestion (p), "sciatica");
  cr_assert_str_eq (limber_problem_get_expected (p), "an id declared in <red-flags> (did you mean \"sciatica\"?)");
}

LIMBER_TEST (error, schema_problems_read_what_then_expected)
{
  static const struct { const char *file, *what, *expected; } cases[] = {
    { "invalid/unknown-element.xml", "this element is not expected", "one of targets, equipment, ladder" },
    { "invalid/bad-number.xml", "'one-twenty' is not a number (xs:decimal)", "a number" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = limber_test_data (cases[i].file);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
      cr_assert_null (rs);
      cr_assert_eq (error->code, LIMBER_ERROR_SCHEMA);
      const LimberProblem *p = limber_error_get_problem (error, 0);
      cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_SCHEMA);
      cr_assert_str_eq (limber_problem_get_what (p), cases[i].what);
      cr_assert_str_eq (limber_problem_get_expected (p), cases[i].expected);
    }
}

LIMBER_TEST (error, a_schema_enumeration_names_the_allowed_values_and_the_one_meant)
{
  g_autofree char *minimal = limber_test_read ("minimal.xml", NULL);
  g_autoptr (GString) doc = g_string_new (minimal);
  /* kind="yes-no" is one of an enumeration; a value outside it breaks the schema */
  cr_assert (g_string_replace (doc, "kind=\"yes-no\"", "kind=\"yesno\"", 1) == 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (doc->str, (gssize) doc->len, "enum.xml", &error);
  cr_assert_null (rs);
  const LimberProblem *p = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_SCHEMA);
  cr_assert (strstr (limber_problem_get_what (p), "'yesno'") != NULL, "%s", limber_problem_get_text (p));
  cr_assert (g_str_has_prefix (limber_problem_get_expected (p), "one of "), "%s", limber_problem_get_text (p));
  cr_assert (strstr (limber_problem_get_expected (p), "'yes-no'") != NULL, "%s", limber_problem_get_text (p));
  /* and the allowed value it is most likely a typo of */
  cr_assert_str_eq (limber_problem_get_suggestion (p), "yes-no");
}

LIMBER_TEST (error, the_first_xml_error_is_reported_not_the_last)
{
  /* line 3 closes the wrong element; libxml2 goes on to complain about the
   * end of the document, which is only a consequence */
  static const char doc[] = "<ruleset>\n  <title>t</title>\n  <measures></goals>\n  <x>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (doc, -1, "first.xml", &error);
  cr_assert_null (rs);
  cr_assert_eq (limber_error_get_n_problems (error), 1);
  const LimberProblem *p = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_XML_SYNTAX);
  cr_assert_eq (limber_problem_get_line (p), 3, "%s", error->message);
  cr_assert (strstr (limber_problem_get_what (p), "mismatch") != NULL, "%s", error->message);
}

LIMBER_TEST (error, malformed_json_is_a_json_syntax_problem)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, "{\"age\": 3,", -1, "cut.json", &error);
  cr_assert_null (p);
  cr_assert_str_eq (limber_problem_get_code (limber_error_get_problem (error, 0)), LIMBER_PROBLEM_JSON_SYNTAX);
}

LIMBER_TEST (error, a_test_case_naming_an_unknown_rule_suggests_the_declared_one)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  static const char xml[] = "<testcase id=\"typo\">\n"
                            "  <description>Two ids, each a letter off.</description>\n"
                            "  <profile-json>{\"age\": 64, \"goal\": \"flexibility\"}</profile-json>\n"
                            "  <expect>\n"
                            "    <not-fired rule=\"age-65-longer-hold\"/>\n"
                            "    <dose exercise=\"standing-hamstring-strech\" of=\"hold\" is=\"20\"/>\n"
                            "  </expect>\n"
                            "</testcase>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberTestCase) tc = limber_testcase_new_from_data (xml, -1, "typo.xml", &error);
  cr_assert_not_null (tc, "%s", error ? error->message : "");
  g_autoptr (LimberTestResult) result = limber_testcase_run (tc, rs, &error);
  cr_assert_null (result);
  cr_assert_eq (limber_error_get_n_problems (error), 2, "%s", error->message);
  const LimberProblem *rule = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_code (rule), LIMBER_PROBLEM_UNKNOWN_REFERENCE, "%s", error->message);
  cr_assert_str_eq (limber_problem_get_suggestion (rule), "age-65-longer-holds");
  const LimberProblem *exercise = limber_error_get_problem (error, 1);
  cr_assert_str_eq (limber_problem_get_code (exercise), LIMBER_PROBLEM_UNKNOWN_EXERCISE, "%s", error->message);
  cr_assert_str_eq (limber_problem_get_suggestion (exercise), "standing-hamstring-stretch");
}

LIMBER_TEST (error, a_copied_error_keeps_codes_and_suggestions)
{
  g_autofree char *path = limber_test_data ("invalid/unknown-flag.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  g_autoptr (GError) copy = g_error_copy (error);
  cr_assert_str_eq (limber_problem_get_code (limber_error_get_problem (copy, 0)), LIMBER_PROBLEM_UNKNOWN_REFERENCE);
  cr_assert_str_eq (limber_problem_get_suggestion (limber_error_get_problem (copy, 0)), "sciatica");
}

LIMBER_TEST (error, a_refused_doctype_and_an_oversized_document_carry_their_codes)
{
  g_autofree char *path = limber_test_data ("invalid/external-entity.xml");
  g_autoptr (GError) unsafe = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &unsafe);
  cr_assert_null (rs);
  cr_assert_eq (limber_error_get_n_problems (unsafe), 1, "%s", unsafe->message);
  const LimberProblem *p = limber_error_get_problem (unsafe, 0);
  cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_UNSAFE);
  cr_assert_str_eq (limber_problem_get_field (p), "DOCTYPE");
  cr_assert_eq (limber_problem_get_line (p), 2);
  cr_assert_str_eq (limber_problem_get_expected (p), "the document to start at <ruleset>");

  g_autoptr (LimberRuleset) rules = limber_test_default_rules ();
  g_autoptr (GError) large = NULL;
  g_autofree char *full = limber_test_data ("profiles/full.json");
  g_autoptr (LimberProfile) profile = limber_profile_new_from_file_bounded (rules, full, 64, &large);
  cr_assert_null (profile);
  cr_assert_eq (limber_error_get_n_problems (large), 1, "%s", large->message);
  p = limber_error_get_problem (large, 0);
  cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_TOO_LARGE, "%s", large->message);
  cr_assert_str_eq (limber_problem_get_file (p), full);
  cr_assert (strstr (limber_problem_get_what (p), "too large") != NULL, "%s", limber_problem_get_what (p));
}

LIMBER_TEST (error, an_xml_profile_names_the_attribute_and_element_meant)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  static const char xml[] = "<profile agee=\"3\" goal=\"recovery\">\n"
                            "  <constraints><equipmnt>strap</equipmnt></constraints>\n"
                            "</profile>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) p = limber_profile_new_from_xml (rs, xml, -1, "form.xml", &error);
  cr_assert_null (p);
  cr_assert_eq (limber_error_get_n_problems (error), 2, "%s", error->message);
  const LimberProblem *attribute = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_code (attribute), LIMBER_PROBLEM_UNKNOWN_KEY);
  cr_assert_str_eq (limber_problem_get_suggestion (attribute), "age");
  const LimberProblem *element = limber_error_get_problem (error, 1);
  cr_assert_str_eq (limber_problem_get_code (element), LIMBER_PROBLEM_UNKNOWN_KEY);
  cr_assert_str_eq (limber_problem_get_suggestion (element), "equipment");
  cr_assert_eq (limber_problem_get_line (element), 2);
}

LIMBER_TEST (error, an_unanswered_condition_naming_an_unknown_question_suggests_the_declared_one)
{
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autofree char *xml = NULL;
  cr_assert (g_file_get_contents (path, &xml, NULL, NULL));
  const char *right = "<unanswered question=\"osteoporosis\"/>";
  cr_assert_not_null (strstr (xml, right), "the default rule set has no %s", right);
  g_auto (GStrv) parts = g_strsplit (xml, right, 2);
  g_autofree char *wrong = g_strjoin ("<unanswered question=\"osteoporsis\"/>", parts[0], parts[1], NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (wrong, -1, "bone.xml", &error);
  cr_assert_null (rs);
  cr_assert_eq (limber_error_get_n_problems (error), 1, "%s", error->message);
  const LimberProblem *p = limber_error_get_problem (error, 0);
  cr_assert_str_eq (limber_problem_get_code (p), LIMBER_PROBLEM_UNKNOWN_QUESTION);
  cr_assert_str_eq (limber_problem_get_suggestion (p), "osteoporosis");
  cr_assert_str_eq (limber_problem_get_field (p), "<unanswered> question=\"osteoporsis\"");
}
