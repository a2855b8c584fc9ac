/* Specification of lint: the default rule set lints clean, and each kind of
 * defect has a fixture in tests/data/lint/ where lint finds it, with its
 * code, at its line, and nothing else. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <limber.h>

#include "support.h"

TestSuite (lint);

static LimberRuleset *
load (const char *name)
{
  g_autofree char *path = limber_test_data (name);
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

static char *
describe (const LimberLintReport *report)
{
  g_autofree char *text = limber_lint_report_to_text (report);
  return g_strdup (*text ? text : "(no findings)\n");
}

/* Asserts that the fixture yields `code` at each of `lines` (0-terminated)
 * and no finding of another code; returns the report for more checks. */
static LimberLintReport *
expect_findings (const char *fixture, const char *code, LimberLintSeverity severity, const int *lines)
{
  g_autofree char *name = g_strdup_printf ("lint/%s", fixture);
  g_autoptr (LimberRuleset) rs = load (name);
  LimberLintReport *report = limber_lint (rs);
  g_autofree char *text = describe (report);
  for (const int *line = lines; *line; line++)
    {
      gboolean found = FALSE;
      for (unsigned i = 0; i < limber_lint_report_get_n_findings (report); i++)
        {
          const LimberLintFinding *f = limber_lint_report_get_finding (report, i);
          found |= g_str_equal (limber_lint_finding_get_code (f), code) && limber_lint_finding_get_line (f) == *line;
        }
      cr_assert (found, "%s: expected %s at line %d, got:\n%s", fixture, code, *line, text);
    }
  for (unsigned i = 0; i < limber_lint_report_get_n_findings (report); i++)
    {
      const LimberLintFinding *f = limber_lint_report_get_finding (report, i);
      cr_assert_str_eq (limber_lint_finding_get_code (f), code, "%s: only %s expected, got:\n%s", fixture, code, text);
      cr_assert_eq (limber_lint_finding_get_severity (f), severity);
      cr_assert_gt (strlen (limber_lint_finding_get_message (f)), 20);
      cr_assert_gt (strlen (limber_lint_finding_get_hint (f)), 10);
      cr_assert_null (strchr (limber_lint_finding_get_hint (f), '\n'), "a hint is one line");
      cr_assert_not_null (limber_lint_finding_get_subject (f));
    }
  return report;
}

static gboolean
message_has (const LimberLintReport *report, const char *fragment)
{
  for (unsigned i = 0; i < limber_lint_report_get_n_findings (report); i++)
    if (strstr (limber_lint_finding_get_message (limber_lint_report_get_finding (report, i)), fragment))
      return TRUE;
  return FALSE;
}

LIMBER_TEST (lint, the_default_rule_set_lints_clean)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs);
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  g_autofree char *text = describe (report);
  cr_assert_eq (limber_lint_report_get_n_findings (report), 0, "%s", text);
  g_autofree char *empty = limber_lint_report_to_text (report);
  cr_assert_str_eq (empty, "");
}

LIMBER_TEST (lint, the_test_rule_sets_lint_clean)
{
  g_autoptr (LimberRuleset) minimal = load ("minimal.xml");
  g_autoptr (LimberLintReport) report = limber_lint (minimal);
  g_autofree char *text = describe (report);
  cr_assert_eq (limber_lint_report_get_n_findings (report), 0, "%s", text);
}

LIMBER_TEST (lint, L001_contradictory_conditions)
{
  g_autoptr (LimberLintReport) r
    = expect_findings ("contradiction.xml", "L001", LIMBER_LINT_ERROR, (const int[]) { 90, 95, 100, 0 });
  cr_assert (message_has (r, "rule two-goals can never fire"));
  cr_assert (message_has (r, "all of (age >= 70; red flag sciatica; age <= 60)"));
  cr_assert (message_has (r, "rule flag-and-not-its-answer can never fire"));
}

LIMBER_TEST (lint, L002_thresholds_outside_the_valid_range)
{
  g_autoptr (LimberLintReport) r = expect_findings ("threshold.xml", "L002", LIMBER_LINT_ERROR, (const int[]) { 90, 95, 0 });
  cr_assert (message_has (r, "<age at-least=\"130\"> can never be met"));
  cr_assert (message_has (r, "a change of hip.flexion is at most 160 either way"));
}

LIMBER_TEST (lint, L003_rules_that_need_a_referral)
{
  g_autoptr (LimberLintReport) r = expect_findings ("referral-only.xml", "L003", LIMBER_LINT_ERROR, (const int[]) { 90, 0 });
  cr_assert (message_has (r, "rule after-emergency can never fire"));
}

LIMBER_TEST (lint, L004_actions_shadowed_by_an_exclusion)
{
  g_autoptr (LimberLintReport) r
    = expect_findings ("shadowed.xml", "L004", LIMBER_LINT_WARNING, (const int[]) { 96, 101, 0 });
  /* a weaker-or-equal condition excludes what the weight targets */
  cr_assert (message_has (r, "in rule favour-wipers, \"weight x2 for exercise windshield-wipers\" never has an effect"));
  cr_assert (message_has (r, "by rule no-twisting (line 91)"));
  /* a contraindication always excludes it */
  cr_assert (message_has (r, "by its contraindication red flag sciatica (line 75)"));
}

LIMBER_TEST (lint, L005_exercises_no_profile_can_get)
{
  g_autoptr (LimberLintReport) r = expect_findings ("unreachable.xml", "L005", LIMBER_LINT_WARNING, (const int[]) { 78, 86, 0 });
  cr_assert (message_has (r, "exercise wall-sit can never be in a plan: it carries no tag of any goal's template slots"));
  cr_assert (message_has (r, "exercise cobra can never be in a plan, whatever the goal (recovery: excluded by rule never-cobra"));
}

LIMBER_TEST (lint, L006_unreachable_ladder_steps)
{
  g_autoptr (LimberLintReport) r = expect_findings ("ladder.xml", "L006", LIMBER_LINT_WARNING, (const int[]) { 64, 75, 0 });
  cr_assert (message_has (r, "ladder step 3 repeats step 2"));
  cr_assert (message_has (r, "ladder step 2 is no harder than step 1"));
}

LIMBER_TEST (lint, L007_duplicate_rules)
{
  g_autoptr (LimberLintReport) r = expect_findings ("duplicate.xml", "L007", LIMBER_LINT_WARNING, (const int[]) { 88, 0 });
  cr_assert (message_has (r, "rule tight-hip-again duplicates rule tight-hip (line 80)"));
}

LIMBER_TEST (lint, L008_cancelling_weights)
{
  g_autoptr (LimberLintReport) r = expect_findings ("cancelling.xml", "L008", LIMBER_LINT_WARNING, (const int[]) { 96, 0 });
  cr_assert (message_has (r, "weights on pelvic-tilts in more-tilts, fewer-tilts cancel out"));
}

LIMBER_TEST (lint, L009_red_flags_without_a_message)
{
  g_autoptr (LimberLintReport) r = expect_findings ("red-flag-message.xml", "L009", LIMBER_LINT_ERROR, (const int[]) { 29, 0 });
  cr_assert (message_has (r, "red flag cauda-equina has no real message"));
}

LIMBER_TEST (lint, L010_placeholder_advice)
{
  g_autoptr (LimberLintReport) r = expect_findings ("advice.xml", "L010", LIMBER_LINT_WARNING, (const int[]) { 91, 0 });
  cr_assert (message_has (r, "rule tbd-advice advises a placeholder"));
}

LIMBER_TEST (lint, L011_citing_a_placeholder_source)
{
  g_autoptr (LimberLintReport) r
    = expect_findings ("placeholder-source.xml", "L011", LIMBER_LINT_ERROR, (const int[]) { 81, 0 });
  cr_assert (message_has (r, "rule tight-hip cites source to-find (line 9)"));
}

LIMBER_TEST (lint, L012_clinical_thresholds_citing_only_generic_sources)
{
  g_autoptr (LimberLintReport) r = expect_findings ("generic-source.xml", "L012", LIMBER_LINT_WARNING, (const int[]) { 81, 0 });
  cr_assert (message_has (r, "rule tight-hip sets a clinical threshold but cites only generic sources"));
}

LIMBER_TEST (lint, L013_unreachable_score_categories)
{
  g_autoptr (LimberLintReport) r = expect_findings ("category.xml", "L013", LIMBER_LINT_WARNING, (const int[]) { 44, 0 });
  cr_assert (message_has (r, "category severe of score mini can never be reached"));
}

LIMBER_TEST (lint, text_and_json_reports)
{
  g_autoptr (LimberRuleset) rs = load ("lint/contradiction.xml");
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  cr_assert_eq (limber_lint_report_count (report, LIMBER_LINT_ERROR), 3);
  cr_assert_eq (limber_lint_report_count (report, LIMBER_LINT_INFO), 3);
  g_autofree char *text = limber_lint_report_to_text (report);
  cr_assert (strstr (text, "contradiction.xml:90: error L001: rule two-goals can never fire") != NULL, "%s", text);
  cr_assert (strstr (text, "; fix: correct or remove the parts of <when> that contradict each other\n") != NULL, "%s", text);
  g_autofree char *json = limber_lint_report_to_json (report, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  cr_assert_eq (json_object_get_int_member (root, "errors"), 3);
  JsonArray *findings = json_object_get_array_member (root, "findings");
  cr_assert_eq (json_array_get_length (findings), 3);
  JsonObject *first = json_array_get_object_element (findings, 0);
  cr_assert_str_eq (json_object_get_string_member (first, "code"), "L001");
  cr_assert_str_eq (json_object_get_string_member (first, "severity"), "error");
  cr_assert_eq (json_object_get_int_member (first, "line"), 90);
  cr_assert_str_eq (json_object_get_string_member (first, "subject"), "two-goals");
  cr_assert_str_eq (limber_lint_severity_to_string (LIMBER_LINT_WARNING), "warning");
}

LIMBER_TEST (lint, the_cli_lints_and_check_strict_lints_too)
{
  g_autofree char *fixture = limber_test_data ("lint/duplicate.xml");
  g_autofree char *def = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "lint", def, NULL }, NULL, &out, &err), 0, "%s%s", out, err);
  cr_assert_str_eq (out, "");
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "lint", fixture, NULL }, NULL, &out, &err), 1);
  cr_assert (strstr (out, "duplicate.xml:88: warning L007:") != NULL, "%s", out);
  cr_assert (strstr (err, "0 errors, 1 warning") != NULL, "%s", err);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "lint", "--format", "json", "--rules", fixture, NULL }, NULL,
                                     &out, &err), 1);
  cr_assert (strstr (out, "\"code\": \"L007\"") != NULL, "%s", out);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "check", fixture, NULL }, NULL, &out, &err), 0);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "check", "--strict", fixture, NULL }, NULL, &out, &err), 1);
  cr_assert (strstr (out, ": ok: minimal") != NULL, "%s", out);
  cr_assert (strstr (out, "L007") != NULL, "%s", out);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "check", "--strict", def, NULL }, NULL, &out, &err), 0, "%s", out);
  g_free (out);
  g_free (err);
  cr_assert_eq (limber_test_run_cli ((const char *[]) { "lint", "--format", "yaml", NULL }, NULL, &out, &err), 2);
}

/* Conditions that look alike but can hold: lint must stay silent. */
LIMBER_TEST (lint, satisfiable_conditions_raise_no_alarm)
{
  static const char *const whens[] = {
    "<all><age at-least=\"60\"/><not><age at-least=\"70\"/></not></all>",
    "<all><deficit measure=\"hip.flexion\" side=\"left\" at-least=\"20\"/>"
    "<not><deficit measure=\"hip.flexion\" side=\"right\" at-least=\"5\"/></not></all>",
    "<all><asymmetry measure=\"hip.flexion\"/><not><asymmetry measure=\"hip.flexion\" tighter=\"right\"/></not></all>",
    "<all><flag ref=\"sciatica\"/><not><answer question=\"bother\" is=\"slightly\"/></not></all>",
    "<all><not><goal is=\"recovery\"/></not><score ref=\"mini\" category=\"medium\"/></all>",
    "<all><trend measure=\"any\" of=\"range\" over-days=\"14\" at-least=\"5\"/>"
    "<not><trend measure=\"any\" of=\"range\" over-days=\"14\" at-least=\"20\"/></not></all>",
    "<any><goal is=\"recovery\"/><all><goal is=\"recovery\"/><goal is=\"flexibility\"/></all></any>",
    "<all><history fact=\"sessions-completed\" at-least=\"3\"/><history fact=\"weeks-active\" at-most=\"1\"/></all>",
    "<all><not><flag ref=\"cauda-equina\"/></not><answer question=\"bladder-change\" is=\"no\"/></all>",
  };
  g_autofree char *base = limber_test_read ("minimal.xml", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (whens); i++)
    {
      g_autofree char *rule = g_strdup_printf ("    <rule id=\"r\" cite=\"test-src\"><description>d</description>"
                                               "<when>%s</when><then><weight tag=\"mobility\" multiply=\"2\"/></then></rule>\n"
                                               "  </rules>", whens[i]);
      g_auto (GStrv) parts = g_strsplit (base, "  </rules>", 2);
      g_autofree char *xml = g_strjoin (rule, parts[0], parts[1], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (xml, -1, "r.xml", &error);
      cr_assert_not_null (rs, "%s: %s", whens[i], error ? error->message : "");
      g_autoptr (LimberLintReport) report = limber_lint (rs);
      g_autofree char *text = describe (report);
      cr_assert_eq (limber_lint_report_get_n_findings (report), 0, "%s:\n%s", whens[i], text);
    }
}

LIMBER_TEST (lint, L014_a_deficit_rule_that_reaches_no_exercise_for_its_measure)
{
  g_autoptr (LimberLintReport) r = expect_findings ("measure-reach.xml", "L014", LIMBER_LINT_WARNING, (const int[]) { 80, 0 });
  cr_assert (message_has (r, "rule tight-hip acts on hip.flexion but none of the exercises it favours has hip.flexion as "
                             "a primary target"));
}

LIMBER_TEST (lint, L015_a_measure_without_a_scan_protocol_in_a_rule_set_that_scans)
{
  /* hip.flexion has neither; shoulder.flexion has a protocol and
   * grip.strength says why a camera cannot take it, so neither is found */
  g_autoptr (LimberLintReport) r = expect_findings ("scan-protocol.xml", "L015", LIMBER_LINT_WARNING,
                                                    (const int[]) { 17, 0 });
  cr_assert_eq (limber_lint_report_get_n_findings (r), 1);
  cr_assert (message_has (r, "measure \"hip.flexion\" has no scan protocol"));
}

/* Short printed steps and warning signs are optional, but a rule set that
 * gives some is held to giving them all: an exercise without <brief> and an
 * emergency flag without <sign> are found, a caution flag without one is
 * not (its sign is never printed), and neither is anything in a rule set
 * that has none (every other fixture). */
LIMBER_TEST (lint, L018_L019_the_texts_of_a_printed_plan_given_for_some_but_not_all)
{
  g_autoptr (LimberRuleset) rs = load ("lint/print-texts.xml");
  g_autoptr (LimberLintReport) r = limber_lint (rs);
  g_autofree char *text = describe (r);
  cr_assert_eq (limber_lint_report_get_n_findings (r), 2, "%s", text);
  const LimberLintFinding *sign = limber_lint_report_get_finding (r, 0);
  const LimberLintFinding *brief = limber_lint_report_get_finding (r, 1);
  if (g_str_equal (limber_lint_finding_get_code (sign), "L018"))
    {
      const LimberLintFinding *t = sign;
      sign = brief;
      brief = t;
    }
  cr_assert_str_eq (limber_lint_finding_get_code (brief), "L018", "%s", text);
  cr_assert_eq (limber_lint_finding_get_line (brief), 72);
  cr_assert_str_eq (limber_lint_finding_get_subject (brief), "windshield-wipers");
  cr_assert_eq (limber_lint_finding_get_severity (brief), LIMBER_LINT_WARNING);
  cr_assert (message_has (r, "exercise \"windshield-wipers\" has no short steps"));
  cr_assert_str_eq (limber_lint_finding_get_code (sign), "L019", "%s", text);
  cr_assert_eq (limber_lint_finding_get_line (sign), 30);
  cr_assert_str_eq (limber_lint_finding_get_subject (sign), "cauda-equina");
  cr_assert (message_has (r, "red flag \"cauda-equina\" has no sign"));
}
