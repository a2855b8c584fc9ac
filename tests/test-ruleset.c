/* Specification of rule-set loading: what loads, what is refused, and how
 * every refusal names its file, line and column. */
#include <string.h>

#include <limber.h>

#include "support.h"

TestSuite (ruleset);

static LimberRuleset *
load_fixture (const char *name, GError **error)
{
  g_autofree char *path = limber_test_data (name);
  return limber_ruleset_new_from_file (path, error);
}

/* Loads an invalid fixture and checks the error's code and that its message
 * holds every expected fragment. */
static void
expect_error (const char *fixture, int code, const char *const *fragments)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = load_fixture (fixture, &error);
  cr_assert_null (rs, "%s loaded, expected an error", fixture);
  cr_assert_not_null (error);
  cr_assert_eq (error->domain, LIMBER_ERROR);
  cr_assert_eq (error->code, code, "%s: code %d, expected %d; message: %s", fixture, error->code, code,
                error->message);
  for (const char *const *f = fragments; *f; f++)
    cr_assert (strstr (error->message, *f) != NULL, "%s: message lacks \"%s\":\n%s", fixture, *f, error->message);
}

LIMBER_TEST (ruleset, minimal_rule_set_loads_with_its_metadata)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = load_fixture ("minimal.xml", &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  cr_assert_str_eq (limber_ruleset_get_id (rs), "minimal");
  cr_assert_str_eq (limber_ruleset_get_version (rs), "0.1.0");
  cr_assert_str_eq (limber_ruleset_get_title (rs), "Minimal test rule set");
  cr_assert_eq (strlen (limber_ruleset_get_sha256 (rs)), 64);
  cr_assert_eq (limber_ruleset_get_n_exercises (rs), 2);
  cr_assert_eq (limber_ruleset_get_n_questions (rs), 3);
  cr_assert_eq (limber_ruleset_get_n_measures (rs), 1);
  cr_assert_eq (limber_ruleset_get_n_rules (rs), 1);
}

LIMBER_TEST (ruleset, exercises_questions_and_measures_are_readable)
{
  g_autoptr (LimberRuleset) rs = load_fixture ("minimal.xml", NULL);
  cr_assert_not_null (rs);

  const LimberExercise *e = limber_ruleset_lookup_exercise (rs, "pelvic-tilts");
  cr_assert_not_null (e);
  cr_assert_eq (limber_ruleset_get_exercise (rs, 0), e);
  cr_assert_null (limber_ruleset_get_exercise (rs, 99));
  cr_assert_null (limber_ruleset_lookup_exercise (rs, "no-such-exercise"));
  cr_assert_str_eq (limber_exercise_get_name (e), "Pelvic Tilts");
  cr_assert_eq (limber_exercise_get_position (e), LIMBER_POSITION_FLOOR);
  cr_assert_eq (limber_exercise_get_level (e), 1);
  cr_assert_not (limber_exercise_get_per_side (e));
  cr_assert_str_eq (limber_exercise_get_regions (e)[0], "lumbar");
  cr_assert_null (limber_exercise_get_regions (e)[1]);
  cr_assert_str_eq (limber_exercise_get_instructions (e)[1], "Flatten your back.");
  /* no short steps: none, not NULL */
  cr_assert_not_null (limber_exercise_get_brief_instructions (e));
  cr_assert_null (limber_exercise_get_brief_instructions (e)[0]);
  cr_assert_null (limber_exercise_get_equipment (e)[0]);
  cr_assert_eq (limber_exercise_get_n_steps (e), 2);
  LimberDose d = { 0 };
  cr_assert (limber_exercise_get_step (e, 1, &d));
  cr_assert_eq (d.sets, 1);
  cr_assert_eq (d.reps, 5);
  cr_assert_float_eq (d.hold_s, 5.0, 1e-9);
  cr_assert_not (limber_exercise_get_step (e, 2, &d));

  const LimberQuestion *q = limber_ruleset_lookup_question (rs, "bladder-change");
  cr_assert_not_null (q);
  cr_assert_eq (limber_question_get_kind (q), LIMBER_QUESTION_YES_NO);
  cr_assert_eq (limber_question_get_red_flag_outcome (q), LIMBER_OUTCOME_EMERGENCY);
  const LimberQuestion *bother = limber_ruleset_lookup_question (rs, "bother");
  cr_assert_eq (limber_question_get_kind (bother), LIMBER_QUESTION_CHOICE);
  cr_assert_str_eq (limber_question_get_choices (bother)[1], "very-much");
  cr_assert_eq (limber_question_get_red_flag_outcome (bother), LIMBER_OUTCOME_NONE);

  const LimberMeasure *m = limber_ruleset_lookup_measure (rs, "hip.flexion");
  cr_assert_not_null (m);
  cr_assert_str_eq (limber_measure_get_unit (m), "deg");
  cr_assert (limber_measure_get_sided (m));
  cr_assert_float_eq (limber_measure_get_normal (m), 120.0, 1e-9);
  cr_assert_float_eq (limber_measure_get_asymmetry (m), 10.0, 1e-9);
}

LIMBER_TEST (ruleset, loading_from_memory_and_from_file_agree)
{
  gsize length = 0;
  g_autofree char *xml = limber_test_read ("minimal.xml", &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) from_memory = limber_ruleset_new_from_data (xml, (gssize) length, "minimal.xml", &error);
  cr_assert_not_null (from_memory, "%s", error ? error->message : "");
  g_autoptr (LimberRuleset) from_file = load_fixture ("minimal.xml", NULL);
  cr_assert_str_eq (limber_ruleset_get_sha256 (from_memory), limber_ruleset_get_sha256 (from_file));
  g_autofree char *a = limber_ruleset_to_json (from_memory, FALSE);
  g_autofree char *b = limber_ruleset_to_json (from_file, FALSE);
  cr_assert_str_eq (a, b);
  /* and the hash is the SHA-256 of the bytes */
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) xml, length);
  cr_assert_str_eq (limber_ruleset_get_sha256 (from_file), sha);
}

LIMBER_TEST (ruleset, nul_terminated_memory_needs_no_length)
{
  g_autofree char *xml = limber_test_read ("minimal.xml", NULL);
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (xml, -1, NULL, NULL);
  cr_assert_not_null (rs);
}

LIMBER_TEST (ruleset, errors_from_memory_are_named_memory)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data ("<ruleset", -1, NULL, &error);
  cr_assert_null (rs);
  cr_assert_eq (error->code, LIMBER_ERROR_PARSE);
  cr_assert (g_str_has_prefix (error->message, "<memory>:1:"), "%s", error->message);
}

LIMBER_TEST (ruleset, a_reference_keeps_the_rule_set_alive)
{
  LimberRuleset *rs = load_fixture ("minimal.xml", NULL);
  LimberRuleset *again = limber_ruleset_ref (rs);
  cr_assert_eq (again, rs);
  limber_ruleset_unref (rs);
  cr_assert_str_eq (limber_ruleset_get_id (again), "minimal");
  limber_ruleset_unref (again);
  limber_ruleset_unref (NULL);
}

LIMBER_TEST (ruleset, a_missing_file_is_an_io_error_naming_it)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file ("/nonexistent/rules.xml", &error);
  cr_assert_null (rs);
  cr_assert_eq (error->code, LIMBER_ERROR_IO);
  cr_assert (strstr (error->message, "/nonexistent/rules.xml") != NULL, "%s", error->message);
}

LIMBER_TEST (ruleset, not_xml_is_a_parse_error_with_line_and_column)
{
  expect_error ("invalid/not-xml.xml", LIMBER_ERROR_PARSE,
                (const char *[]) { "invalid/not-xml.xml:3:11:", "not well-formed XML",
                                   "Opening and ending tag mismatch: title line 2 and ruleset", "expected", NULL });
}

LIMBER_TEST (ruleset, an_unknown_element_is_a_schema_error_at_its_line)
{
  expect_error ("invalid/unknown-element.xml", LIMBER_ERROR_SCHEMA,
                (const char *[]) { "unknown-element.xml:64:7:", "Element 'colour': this element is not expected; "
                                   "expected one of targets, equipment, ladder", NULL });
}

LIMBER_TEST (ruleset, a_brief_of_more_than_three_steps_is_a_schema_error_at_its_line)
{
  expect_error ("invalid/long-brief.xml", LIMBER_ERROR_SCHEMA,
                (const char *[]) { "long-brief.xml:62:", "Element 'step': this element is not expected; expected nothing "
                                   "more here: it is one too many, or belongs earlier in its parent", NULL });
}

LIMBER_TEST (ruleset, a_text_of_only_white_space_is_a_schema_error_saying_so)
{
  expect_error ("invalid/blank-text.xml", LIMBER_ERROR_SCHEMA,
                (const char *[]) { "blank-text.xml:60:7:", "Element 'name': the text is empty or only white space; "
                                   "expected some text", NULL });
}

LIMBER_TEST (ruleset, a_bad_number_is_a_schema_error_naming_the_attribute)
{
  expect_error ("invalid/bad-number.xml", LIMBER_ERROR_SCHEMA,
                (const char *[]) { "bad-number.xml:15:5:", "normal", "one-twenty", "xs:decimal", NULL });
}

LIMBER_TEST (ruleset, a_dangling_reference_names_what_was_expected)
{
  expect_error ("invalid/dangling-reference.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "dangling-reference.xml:82:13: <deficit> measure=\"hip.flex\": unknown measure; "
                                   "expected an id declared in <measures>",
                                   NULL });
}

LIMBER_TEST (ruleset, a_duplicate_id_is_reported_at_the_second_one)
{
  expect_error ("invalid/duplicate-id.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "duplicate-id.xml:69:5: <exercise> id=\"pelvic-tilts\": duplicate exercise id", NULL });
}

LIMBER_TEST (ruleset, an_empty_ladder_is_refused)
{
  expect_error ("invalid/empty-ladder.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "empty-ladder.xml:74:7: <ladder> exercise \"windshield-wipers\" has an empty ladder; "
                                   "expected at least one <step>",
                                   NULL });
}

LIMBER_TEST (ruleset, min_above_max_is_refused)
{
  expect_error ("invalid/min-above-max.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "min-above-max.xml:15:5: <measure> id=\"hip.flexion\": min=\"170\" is above max=\"160\"",
                                   NULL });
}

LIMBER_TEST (ruleset, a_threshold_outside_the_measure_range_is_refused)
{
  expect_error ("invalid/threshold-out-of-range.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "threshold-out-of-range.xml:82:13: <deficit> at-least=\"500\" can never be met", NULL });
}

LIMBER_TEST (ruleset, an_unknown_red_flag_in_a_contraindication_is_refused)
{
  expect_error ("invalid/unknown-flag.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "unknown-flag.xml:75:26: <flag> ref=\"sciatic\": unknown red flag", NULL });
}

LIMBER_TEST (ruleset, slot_shares_must_add_up_to_one)
{
  expect_error ("invalid/shares.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { "goal=\"recovery\": slot shares add up to 0.5; expected 1", NULL });
}

LIMBER_TEST (ruleset, every_problem_is_reported_at_once)
{
  expect_error ("invalid/several-errors.xml", LIMBER_ERROR_SEMANTIC,
                (const char *[]) { ":69:5: <exercise> id=\"pelvic-tilts\": duplicate", ":82:13: <deficit> measure=\"hip.flex\"",
                                   NULL });
}

LIMBER_TEST (ruleset, entity_expansion_is_refused)
{
  expect_error ("invalid/entity-expansion.xml", LIMBER_ERROR_UNSAFE,
                (const char *[]) { "entity-expansion.xml:2:1: DOCTYPE: refused", NULL });
}

LIMBER_TEST (ruleset, external_entities_are_never_fetched)
{
  /* The entity points at a closed local port: were it fetched, the error
   * would be a connection failure, not the refusal. */
  expect_error ("invalid/external-entity.xml", LIMBER_ERROR_UNSAFE,
                (const char *[]) { "external-entity.xml:2:1: DOCTYPE: refused", NULL });
}

LIMBER_TEST (ruleset, a_network_dtd_is_refused_without_a_fetch)
{
  const char *xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ruleset SYSTEM \"http://127.0.0.1:9/ruleset.dtd\">\n"
                    "<ruleset id=\"x\" version=\"1\" schema-version=\"1\"/>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (xml, -1, "net.xml", &error);
  cr_assert_null (rs);
  cr_assert_eq (error->code, LIMBER_ERROR_UNSAFE, "%s", error->message);
}

LIMBER_TEST (ruleset, the_default_rule_set_loads_with_its_content)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  cr_assert_geq (limber_ruleset_get_n_exercises (rs), 25);
  /* the classic stiff-back routine is all there */
  const char *classic[] = { "hip-circles", "windshield-wipers", "knee-to-chest", "double-knee-to-chest",
                            "reclining-single-leg-stretch", "pelvic-tilts", "cat-cow", "childs-pose",
                            "legs-up-the-wall", "corpse-pose" };
  for (guint i = 0; i < G_N_ELEMENTS (classic); i++)
    cr_assert_not_null (limber_ruleset_lookup_exercise (rs, classic[i]), "%s missing", classic[i]);
  const char *measures[] = { "hip.internal-rotation", "hip.external-rotation", "hip.flexion", "hip.extension",
                             "hamstring.slr", "thoracic.rotation", "shoulder.flexion", "ankle.dorsiflexion" };
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    cr_assert_not_null (limber_ruleset_lookup_measure (rs, measures[i]), "%s missing", measures[i]);
  unsigned outcomes[4] = { 0 };
  for (unsigned i = 0; i < limber_ruleset_get_n_questions (rs); i++)
    outcomes[limber_question_get_red_flag_outcome (limber_ruleset_get_question (rs, i))]++;
  cr_assert_geq (outcomes[LIMBER_OUTCOME_EMERGENCY], 7);
  cr_assert_geq (outcomes[LIMBER_OUTCOME_SEE_CLINICIAN], 6);
  cr_assert_geq (outcomes[LIMBER_OUTCOME_CAUTION], 4);
  /* every exercise in two or three short steps for a printed card, each
   * shorter than the full ones; numbers are the dose's, printed beside */
  for (unsigned i = 0; i < limber_ruleset_get_n_exercises (rs); i++)
    {
      const LimberExercise *e = limber_ruleset_get_exercise (rs, i);
      const char *const *brief = limber_exercise_get_brief_instructions (e);
      guint n = g_strv_length ((char **) brief);
      cr_assert (n >= 2 && n <= 3, "%s has %u short steps", limber_exercise_get_id (e), n);
      gsize short_length = 0, full_length = 0;
      for (guint k = 0; k < n; k++)
        {
          short_length += strlen (brief[k]);
          cr_assert_null (strpbrk (brief[k], "0123456789"), "a number in %s: %s", limber_exercise_get_id (e), brief[k]);
        }
      for (const char *const *s = limber_exercise_get_instructions (e); *s; s++)
        full_length += strlen (*s);
      cr_assert_leq (short_length, 200, "%s: %zu characters of short steps", limber_exercise_get_id (e), short_length);
      cr_assert_lt (short_length, full_length, "%s: short steps no shorter than the full", limber_exercise_get_id (e));
    }
  /* the same bytes as rules/default.xml in the source tree */
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autoptr (LimberRuleset) from_file = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (from_file, "%s", error ? error->message : "");
  cr_assert_str_eq (limber_ruleset_get_sha256 (rs), limber_ruleset_get_sha256 (from_file));
  /* and it is shared, not reloaded */
  g_autoptr (LimberRuleset) again = limber_ruleset_new_default (NULL);
  cr_assert_eq (again, rs);
}

LIMBER_TEST (ruleset, the_default_start_back_score_is_exactly_the_keele_tool)
{
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (NULL);
  g_autofree char *json = limber_ruleset_to_json (rs, FALSE);
  /* nine items in order, distress = items 5-9, high by distress >= 4, medium by total >= 4 and distress <= 3 */
  cr_assert (strstr (json, "\"items\":[\"startback-leg-pain\",\"startback-shoulder-neck\",\"startback-walk-short\","
                           "\"startback-dress-slowly\",\"startback-not-safe\",\"startback-worrying\","
                           "\"startback-terrible\",\"startback-not-enjoyed\",\"startback-bothersome\"]")
               != NULL, "%s", json);
  cr_assert (strstr (json, "\"distress\":[\"startback-not-safe\",\"startback-worrying\",\"startback-terrible\","
                           "\"startback-not-enjoyed\",\"startback-bothersome\"]")
               != NULL);
  cr_assert (strstr (json, "{\"id\":\"high\",\"subscales\":[{\"ref\":\"distress\",\"at_least\":4}]}") != NULL, "%s",
             strstr (json, "\"categories\""));
  cr_assert (strstr (json, "{\"id\":\"medium\",\"total_at_least\":4,\"subscales\":[{\"ref\":\"distress\",\"at_most\":3}]}")
             != NULL, "%s", strstr (json, "\"categories\""));
  cr_assert (strstr (json, "{\"id\":\"low\",\"subscales\":[]}") != NULL);
}

/* minimal.xml with its sciatica flag's trigger replaced by `trigger`. */
static LimberRuleset *
minimal_with_flag (const char *trigger, GError **error)
{
  gsize length = 0;
  g_autofree char *xml = limber_test_read ("minimal.xml", &length);
  const char *old = "question=\"leg-pain\" is=\"yes\"";
  char *at = strstr (xml, old);
  cr_assert_not_null (at);
  g_autofree char *edited = g_strdup_printf ("%.*s%s%s", (int) (at - xml), xml, trigger, at + strlen (old));
  return limber_ruleset_new_from_data (edited, -1, "flag.xml", error);
}

LIMBER_TEST (ruleset, a_red_flag_on_the_history_needs_a_threshold_and_no_question)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) ok = minimal_with_flag ("history=\"unsettled-discomfort-days\" at-least=\"14\"", &error);
  cr_assert_not_null (ok, "%s", error ? error->message : "");
  static const struct { const char *trigger, *message; } bad[] = {
    { "question=\"leg-pain\" history=\"unsettled-discomfort-days\" at-least=\"14\"",
      "both question= and history=; expected exactly one of question= and history=" },
    { "is=\"yes\"", "neither question= nor history=; expected exactly one of question= and history=" },
    { "history=\"unsettled-discomfort-days\" is=\"yes\"", "history= with is=; expected at-least= alone" },
    { "history=\"unsettled-discomfort-days\"", "history= with no at-least=; expected at-least= alone" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) e = NULL;
      g_autoptr (LimberRuleset) rs = minimal_with_flag (bad[i].trigger, &e);
      cr_assert_null (rs, "%s loaded", bad[i].trigger);
      cr_assert_eq (e->code, LIMBER_ERROR_SEMANTIC, "%s: %s", bad[i].trigger, e->message);
      cr_assert (strstr (e->message, "<red-flag>") != NULL && strstr (e->message, bad[i].message) != NULL, "%s: %s",
                 bad[i].trigger, e->message);
    }
}

/* The library's version, at compile time and at run time. */
LIMBER_TEST (ruleset, the_version_checks_agree_with_the_version)
{
  cr_assert_str_eq (limber_version (), LIMBER_VERSION_STRING);
  cr_assert (LIMBER_CHECK_VERSION (LIMBER_VERSION_MAJOR, LIMBER_VERSION_MINOR, LIMBER_VERSION_PATCH));
  cr_assert (LIMBER_CHECK_VERSION (LIMBER_VERSION_MAJOR, 0, 0));
  cr_assert_not (LIMBER_CHECK_VERSION (LIMBER_VERSION_MAJOR, LIMBER_VERSION_MINOR + 1, 0));
  cr_assert_not (LIMBER_CHECK_VERSION (LIMBER_VERSION_MAJOR + 1, 0, 0));
  cr_assert (limber_check_version (LIMBER_VERSION_MAJOR, LIMBER_VERSION_MINOR, LIMBER_VERSION_PATCH));
  cr_assert (limber_check_version (LIMBER_VERSION_MAJOR, 0, 0));
  cr_assert_not (limber_check_version (LIMBER_VERSION_MAJOR, LIMBER_VERSION_MINOR, LIMBER_VERSION_PATCH + 1));
  cr_assert_not (limber_check_version (LIMBER_VERSION_MAJOR, LIMBER_VERSION_MINOR + 1, 0));
  /* another major version is another ABI, older or newer */
  cr_assert_not (limber_check_version (LIMBER_VERSION_MAJOR + 1, 0, 0));
  if (LIMBER_VERSION_MAJOR > 0)
    cr_assert_not (limber_check_version (LIMBER_VERSION_MAJOR - 1, 0, 0));
}

/* A rule set's problems come as records too (limber/error.h), one per line
 * of the message: the semantic checks' and the schema's. */
LIMBER_TEST (ruleset, errors_carry_each_problem_as_a_record)
{
  static const char *const files[] = { "invalid/several-errors.xml", "invalid/unknown-element.xml" };
  for (gsize f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = limber_test_data (files[f]);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
      cr_assert_null (rs);
      g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
      guint n = limber_error_get_n_problems (error);
      cr_assert_eq (n, g_strv_length (lines), "%s: one record per line:\n%s", files[f], error->message);
      for (guint i = 0; i < n; i++)
        {
          const LimberProblem *p = limber_error_get_problem (error, i);
          cr_assert_str_eq (limber_problem_get_text (p), lines[i]);
          cr_assert_str_eq (limber_problem_get_file (p), path);
          cr_assert_gt (limber_problem_get_line (p), 0, "%s", lines[i]);
          cr_assert_not_null (limber_problem_get_field (p), "%s", lines[i]);
          g_autofree char *start = g_strdup_printf ("%s:%u:%u: %s", path, limber_problem_get_line (p),
                                                    limber_problem_get_column (p), limber_problem_get_field (p));
          cr_assert (g_str_has_prefix (lines[i], start), "%s\n%s", lines[i], start);
          /* the line ends "what; expected what", or "what" when nothing is said expected */
          const char *expected = limber_problem_get_expected (p);
          g_autofree char *ending = expected ? g_strdup_printf ("%s; expected %s", limber_problem_get_what (p), expected)
                                             : g_strdup (limber_problem_get_what (p));
          cr_assert (g_str_has_suffix (lines[i], ending), "%s\n%s", lines[i], ending);
        }
      if (f == 0)
        {
          cr_assert_geq (n, 2);
          const LimberProblem *dup = NULL;
          for (guint i = 0; i < n && dup == NULL; i++)
            if (strstr (limber_problem_get_what (limber_error_get_problem (error, i)), "duplicate exercise id"))
              dup = limber_error_get_problem (error, i);
          cr_assert_not_null (dup);
          cr_assert_str_eq (limber_problem_get_field (dup), "<exercise> id=\"pelvic-tilts\"");
          cr_assert_str_eq (limber_problem_get_what (dup), "duplicate exercise id");
          cr_assert_str_eq (limber_problem_get_expected (dup), "each exercise id once");
          cr_assert_eq (limber_problem_get_line (dup), 69);
        }
    }
}

/* Not well-formed XML: the first mistake, not what followed from it, and
 * a record of it without a field. */
LIMBER_TEST (ruleset, a_parse_error_names_the_first_mistake)
{
  static const char doc[] = "<ruleset>\n<a>\n<b></a>\n</c>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (doc, -1, "bad.xml", &error);
  cr_assert_null (rs);
  cr_assert (g_str_has_prefix (error->message, "bad.xml:3:"), "%s", error->message);
  cr_assert (strstr (error->message, "Opening and ending tag mismatch: b line 3 and a") != NULL, "%s", error->message);
  cr_assert_eq (limber_error_get_n_problems (error), 1);
  const LimberProblem *p = limber_error_get_problem (error, 0);
  cr_assert_null (limber_problem_get_field (p));
  cr_assert_eq (limber_problem_get_line (p), 3);
  cr_assert_str_eq (limber_problem_get_expected (p), "a limber rule set (see rules/limber-ruleset.xsd)");
}

/* A dose is filled the same whatever the caller put in it, and says the
 * size filled (docs/embedding.md, "Structs the caller allocates"). */
LIMBER_TEST (ruleset, a_dose_is_filled_with_its_size_however_it_was_declared)
{
  g_autofree char *path = limber_test_data ("minimal.xml");
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, NULL);
  const LimberExercise *e = limber_ruleset_lookup_exercise (rs, "pelvic-tilts");
  LimberDose sized = LIMBER_DOSE_INIT, zeroed = { 0 }, garbage;
  memset (&garbage, 0xA5, sizeof garbage);
  cr_assert_eq (sized.struct_size, sizeof (LimberDose));
  LimberDose *all[] = { &sized, &zeroed, &garbage };
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    {
      cr_assert (limber_exercise_get_step (e, 1, all[i]));
      cr_assert_eq (all[i]->sets, 1);
      cr_assert_eq (all[i]->reps, 5);
      cr_assert_eq (all[i]->struct_size, sizeof (LimberDose));
    }
}
