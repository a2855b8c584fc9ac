/* Specification of compiled rule sets (engine/core/ruleset-image.c,
 * `limber compile`): a rule set written compiled and read back is the same
 * rule set -- the same description, the same lint, the same plans byte for
 * byte in every language, the XML's name, lines and digest -- and an image
 * that is damaged, cut short, of another version or forged is refused with
 * a message naming the file, never half-read and never trusted unchecked. */
#include <glib/gstdio.h>
#include <string.h>

#include "population.h"
#include "ruleset-image.h"
#include "support.h"

TestSuite (compiled);

static LimberRuleset *
load (const char *path)
{
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s: %s", path, error ? error->message : "");
  return rs;
}

/* rs compiled to dir/NAME.limberc, and read back. */
static LimberRuleset *
round_trip (const LimberRuleset *rs, const char *dir, const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.limberc", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GError) error = NULL;
  cr_assert (limber_ruleset_write_compiled (rs, path, &error), "%s", error ? error->message : "");
  return load (path);
}

/* Each of n population profiles planned from a and from b, in lang, must
 * be the same plan, written the same in JSON and text. */
static void
expect_same_plans (const LimberRuleset *a, const LimberRuleset *b, unsigned n, const char *lang)
{
  LimberRandom ra = { 0xC0FFEE }, rb = { 0xC0FFEE };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, G_DATE_JANUARY, 2026);
  for (unsigned i = 0; i < n; i++)
    {
      g_autoptr (LimberProfile) pa = limber_population_profile (a, &ra, &start);
      g_autoptr (LimberProfile) pb = limber_population_profile (b, &rb, &start);
      g_autoptr (LimberOptions) o = limber_options_new ();
      cr_assert (limber_options_set_start (o, "2026-01-05", NULL));
      limber_options_set_seed (o, i);
      g_autoptr (GError) error = NULL;
      cr_assert (limber_options_set_language (o, lang, &error), "%s", error ? error->message : "");
      g_autoptr (LimberPlan) plan_a = limber_generate (a, pa, o, &error);
      cr_assert_not_null (plan_a, "%s", error ? error->message : "");
      g_autoptr (LimberPlan) plan_b = limber_generate (b, pb, o, &error);
      cr_assert_not_null (plan_b, "%s", error ? error->message : "");
      g_autofree char *json_a = limber_plan_to_json (plan_a, FALSE);
      g_autofree char *json_b = limber_plan_to_json (plan_b, FALSE);
      cr_assert_str_eq (json_b, json_a, "profile %u (%s): the compiled rule set planned otherwise", i, lang);
      g_autofree char *text_a = limber_plan_to_text (plan_a);
      g_autofree char *text_b = limber_plan_to_text (plan_b);
      cr_assert_str_eq (text_b, text_a, "profile %u (%s): the plan's text differs", i, lang);
    }
}

/* Every capture of examples/landmarks (MEASURE-left....json or
 * MEASURE-right....json) scanned with a and with b, for that measure and side,
 * and every measure's scan instructions in every language: the scan
 * protocols survive compiling. */
static void
expect_same_scans (const LimberRuleset *a, const LimberRuleset *b)
{
  g_autoptr (GDir) dir = g_dir_open (LIMBER_SOURCE_DIR "/examples/landmarks", 0, NULL);
  cr_assert_not_null (dir);
  unsigned scanned = 0;
  for (const char *file; (file = g_dir_read_name (dir)) != NULL;)
    {
      const char *left = strstr (file, "-left"), *right = strstr (file, "-right");
      if (left == NULL && right == NULL)
        continue;
      LimberSide side = left != NULL ? LIMBER_SIDE_LEFT : LIMBER_SIDE_RIGHT;
      g_autofree char *measure = g_strndup (file, (gsize) ((left != NULL ? left : right) - file));
      g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "examples", "landmarks", file, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberCapture) capture = limber_capture_new_from_file (path, &error);
      cr_assert_not_null (capture, "%s", error ? error->message : "");
      g_autoptr (LimberScanResult) ra = limber_scan_result_new (a, measure, side, capture, &error);
      cr_assert_not_null (ra, "%s: %s", file, error ? error->message : "");
      g_autoptr (LimberScanResult) rb = limber_scan_result_new (b, measure, side, capture, &error);
      cr_assert_not_null (rb, "%s: %s", file, error ? error->message : "");
      g_autofree char *ja = limber_scan_result_to_json (ra, FALSE);
      g_autofree char *jb = limber_scan_result_to_json (rb, FALSE);
      cr_assert_str_eq (jb, ja, "%s: the compiled rule set scanned otherwise", file);
      scanned++;
    }
  cr_assert_geq (scanned, 11, "too few captures scanned: the test does not reach the protocols");
  for (guint m = 0; m < limber_ruleset_get_n_measures (a); m++)
    for (const char *const *lang = (const char *const[]) { "en", "de", "es", NULL }; *lang; lang++)
      {
        const char *id = limber_measure_get_id (limber_ruleset_get_measure (a, m));
        const char *ia = limber_ruleset_get_scan_instructions (a, id, *lang, NULL);
        const char *ib = limber_ruleset_get_scan_instructions (b, id, *lang, NULL);
        cr_assert_str_eq (ib ? ib : "(none)", ia ? ia : "(none)", "%s in %s", id, *lang);
      }
}

/* What a rule set says of itself: its description, lint and identity. */
static void
expect_same_rule_set (const LimberRuleset *a, const LimberRuleset *b)
{
  g_autofree char *json_a = limber_ruleset_to_json (a, FALSE);
  g_autofree char *json_b = limber_ruleset_to_json (b, FALSE);
  cr_assert_str_eq (json_b, json_a);
  g_autofree char *text_a = limber_ruleset_to_text (a);
  g_autofree char *text_b = limber_ruleset_to_text (b);
  cr_assert_str_eq (text_b, text_a);
  g_autoptr (LimberLintReport) lint_a = limber_lint (a);
  g_autoptr (LimberLintReport) lint_b = limber_lint (b);
  g_autofree char *findings_a = limber_lint_report_to_text (lint_a);
  g_autofree char *findings_b = limber_lint_report_to_text (lint_b);
  cr_assert_str_eq (findings_b, findings_a);
  cr_assert_str_eq (limber_ruleset_get_sha256 (b), limber_ruleset_get_sha256 (a));
  cr_assert_eq (limber_ruleset_get_n_rules (b), limber_ruleset_get_n_rules (a));
  cr_assert_eq (limber_ruleset_get_n_exercises (b), limber_ruleset_get_n_exercises (a));
}

LIMBER_TEST (compiled, the_default_rule_set_plans_byte_for_byte_as_its_xml_in_every_language)
{
  g_autofree char *dir = limber_test_scratch_dir ();
  /* the translations beside the compiled file, as beside the XML */
  for (const char *const *lang = (const char *const[]) { "de", "es", NULL }; *lang; lang++)
    {
      g_autofree char *from = g_strdup_printf (LIMBER_SOURCE_DIR "/rules/default.%s.xml", *lang);
      g_autofree char *to = g_strdup_printf ("%s/default.%s.xml", dir, *lang);
      g_autofree char *contents = NULL;
      gsize length;
      cr_assert (g_file_get_contents (from, &contents, &length, NULL));
      cr_assert (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
  g_autoptr (LimberRuleset) xml = load (LIMBER_SOURCE_DIR "/rules/default.xml");
  g_autoptr (LimberRuleset) compiled = round_trip (xml, dir, "default");
  expect_same_rule_set (xml, compiled);
  g_auto (GStrv) languages = limber_ruleset_get_languages (compiled);
  cr_assert_eq (g_strv_length (languages), 3, "the compiled rule set did not take its translations beside it");
  expect_same_plans (xml, compiled, 120, "en");
  expect_same_plans (xml, compiled, 40, "de");
  expect_same_plans (xml, compiled, 40, "es");
  expect_same_scans (xml, compiled);
  limber_test_scratch_remove (dir);
}

LIMBER_TEST (compiled, every_rule_set_of_the_tests_survives_compiling)
{
  /* scores and subscales, poses, routines, slots, history conditions (the
   * scan protocols are the default rule set's, compared above) */
  static const char *const files[] = { "minimal.xml", "audit-rules.xml", "profile-rules.xml", "render-long.xml" };
  g_autofree char *dir = limber_test_scratch_dir ();
  for (guint k = 0; k < G_N_ELEMENTS (files); k++)
    {
      g_autofree char *path = limber_test_data (files[k]);
      g_autoptr (LimberRuleset) xml = load (path);
      g_autoptr (LimberRuleset) compiled = round_trip (xml, dir, files[k]);
      expect_same_rule_set (xml, compiled);
      expect_same_plans (xml, compiled, 30, "en");
    }
  limber_test_scratch_remove (dir);
}

LIMBER_TEST (compiled, an_image_keeps_the_xml_name_and_lines_for_messages)
{
  /* a rule set with a lint finding, so that a message names a file and line */
  g_autofree char *path = limber_test_data ("lint/advice.xml");
  g_autoptr (LimberRuleset) rs = load (path);
  g_autoptr (GBytes) image = limber_ruleset_image_write (rs);
  gsize length;
  const char *data = g_bytes_get_data (image, &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) back = limber_ruleset_new_from_data (data, (gssize) length, "elsewhere.limberc", &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  /* lint names the XML file and a line in it */
  g_autoptr (LimberLintReport) lint = limber_lint (back);
  g_autoptr (LimberLintReport) lint_xml = limber_lint (rs);
  g_autofree char *text = limber_lint_report_to_text (lint);
  g_autofree char *text_xml = limber_lint_report_to_text (lint_xml);
  cr_assert_str_eq (text, text_xml);
  cr_assert_null (strstr (text, "elsewhere"), "%s", text);
  cr_assert_not_null (strstr (text, "advice.xml:91: warning"), "%s", text);
  /* and a second image of it is the first, byte for byte */
  g_autoptr (GBytes) again = limber_ruleset_image_write (back);
  cr_assert (g_bytes_equal (again, image), "writing what was read does not give the same bytes");
}

/* The image of the default rule set: its bytes, and where its payload starts. */
static GBytes *
default_image (gsize *payload_at)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  GBytes *image = limber_ruleset_image_write (rs);
  /* the header's size: an image of an empty payload is just its header */
  g_autoptr (GBytes) empty = limber_ruleset_image_wrap ((const guint8 *) "", 0);
  *payload_at = g_bytes_get_size (empty);
  return image;
}

/* A copy of the default rule set's payload (what follows the header), to forge. */
static guint8 *
default_payload (gsize *size)
{
  gsize at, length;
  g_autoptr (GBytes) image = default_image (&at);
  const guint8 *data = g_bytes_get_data (image, &length);
  *size = length - at;
  return g_memdup2 (data + at, *size);
}

static void
expect_refused (const guint8 *data, gsize length, int code, const char *says)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data ((const char *) data, (gssize) length, "x.limberc", &error);
  cr_assert_null (rs, "a broken image loaded (%s)", says);
  cr_assert (g_error_matches (error, LIMBER_ERROR, code), "%s: code %d, expected %d", error->message, error->code,
             code);
  cr_assert (g_str_has_prefix (error->message, "x.limberc"), "the message does not name the file: %s",
             error->message);
  cr_assert_not_null (strstr (error->message, says), "%s\ndoes not say: %s", error->message, says);
}

LIMBER_TEST (compiled, a_damaged_or_cut_or_lengthened_image_is_refused)
{
  gsize at;
  g_autoptr (GBytes) image = default_image (&at);
  gsize length;
  const guint8 *data = g_bytes_get_data (image, &length);
  g_autofree guint8 *copy = g_memdup2 (data, length);

  copy[at + length / 2 - at / 2] ^= 0x20;
  expect_refused (copy, length, LIMBER_ERROR_PARSE, "SHA-256 does not match");
  expect_refused (data, length - 1, LIMBER_ERROR_PARSE, "cut short or added to");
  g_autofree guint8 *longer = g_malloc (length + 1);
  memcpy (longer, data, length);
  longer[length] = '\n';
  expect_refused (longer, length + 1, LIMBER_ERROR_PARSE, "cut short or added to");
  expect_refused (data, 20, LIMBER_ERROR_PARSE, "shorter than its");
  memcpy (copy, data, length);
  copy[8] = 99;   /* the format */
  g_autofree char *reads = g_strdup_printf ("reads format %d", LIMBER_IMAGE_FORMAT);
  expect_refused (copy, length, LIMBER_ERROR_PARSE, reads);
}

LIMBER_TEST (compiled, an_image_of_another_limber_version_is_refused)
{
  gsize size;
  g_autofree guint8 *payload = default_payload (&size);
  /* the payload opens with the version that wrote it: make it another */
  const char *mine = LIMBER_VERSION_STRING;
  cr_assert (memcmp (payload + 1, mine, strlen (mine)) == 0);
  payload[1] = payload[1] == '9' ? '8' : '9';
  g_autoptr (GBytes) forged = limber_ruleset_image_wrap (payload, size);
  expect_refused (g_bytes_get_data (forged, NULL), g_bytes_get_size (forged), LIMBER_ERROR_PARSE,
                  "compile the rule set again");
}

LIMBER_TEST (compiled, a_forged_image_is_checked_as_xml_is)
{
  gsize size;
  g_autofree guint8 *payload = default_payload (&size);
  /* one mention of an exercise as a whole text (its length, 7 + 1, then
   * the id): the routine's, which comes before the catalogue, made to name
   * none: a valid digest, a broken rule set */
  guint8 *hit = NULL;
  for (gsize i = 0; hit == NULL && i + 8 <= size; i++)
    if (memcmp (payload + i, "\x08" "cat-cow", 8) == 0)
      hit = payload + i + 1;
  cr_assert_not_null (hit);
  hit[6] = 'x';
  g_autoptr (GBytes) forged = limber_ruleset_image_wrap (payload, size);
  expect_refused (g_bytes_get_data (forged, NULL), g_bytes_get_size (forged), LIMBER_ERROR_SEMANTIC, "cat-cox");
}

LIMBER_TEST (compiled, every_cut_of_an_image_is_refused_whole)
{
  gsize at;
  g_autoptr (GBytes) image = default_image (&at);
  gsize length;
  const guint8 *data = g_bytes_get_data (image, &length);
  gsize payload = length - at;
  /* a payload cut anywhere, with a digest that matches the cut: the reader
   * must notice where the data ends, in a number, a text or a list */
  gsize stride = payload / 400 + 1;
  for (gsize cut = 0; cut < payload; cut += stride)
    {
      g_autoptr (GBytes) forged = limber_ruleset_image_wrap (data + at, cut);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberRuleset) rs
          = limber_ruleset_new_from_data (g_bytes_get_data (forged, NULL), (gssize) g_bytes_get_size (forged),
                                          "cut.limberc", &error);
      cr_assert_null (rs, "a payload cut at %zu of %zu loaded", cut, payload);
      cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_PARSE), "cut at %zu: %s", cut, error->message);
      cr_assert (g_str_has_prefix (error->message, "cut.limberc: not a usable compiled rule set: "), "%s",
                 error->message);
    }
}

LIMBER_TEST (compiled, writing_where_it_cannot_is_an_error_naming_the_file)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  cr_assert_not (limber_ruleset_write_compiled (rs, "/nonexistent-dir/x.limberc", &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_IO));
  cr_assert (g_str_has_prefix (error->message, "/nonexistent-dir/x.limberc: cannot write"), "%s", error->message);
}

LIMBER_TEST (compiled, limber_compile_writes_beside_the_xml_and_the_tool_plans_from_it)
{
  g_autofree char *dir = limber_test_scratch_dir ();
  g_autofree char *xml = g_build_filename (dir, "mine.xml", NULL);
  g_autofree char *compiled = g_build_filename (dir, "mine.limberc", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  cr_assert (g_file_get_contents (LIMBER_SOURCE_DIR "/rules/default.xml", &contents, &length, NULL));
  cr_assert (g_file_set_contents (xml, contents, (gssize) length, NULL));

  g_autofree char *out = NULL, *err = NULL;
  int code = limber_test_run_cli ((const char *const[]) { "compile", xml, NULL }, NULL, &out, &err);
  cr_assert_eq (code, 0, "%s", err);
  cr_assert (g_file_test (compiled, G_FILE_TEST_IS_REGULAR), "%s", out);
  cr_assert_not_null (strstr (out, "compiled default"), "%s", out);

  const char *profile = LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json";
  g_autofree char *plan_xml = NULL, *plan_compiled = NULL, *e1 = NULL, *e2 = NULL;
  cr_assert_eq (limber_test_run_cli ((const char *const[]) { "plan", "--rules", xml, "--profile", profile, "--start",
                                                             "2026-01-05", "--format", "json", NULL },
                                     NULL, &plan_xml, &e1),
                0, "%s", e1);
  cr_assert_eq (limber_test_run_cli ((const char *const[]) { "plan", "--rules", compiled, "--profile", profile,
                                                             "--start", "2026-01-05", "--format", "json", NULL },
                                     NULL, &plan_compiled, &e2),
                0, "%s", e2);
  cr_assert_str_eq (plan_compiled, plan_xml);

  /* standard input has no name to derive one from */
  g_autofree char *o3 = NULL, *e3 = NULL;
  cr_assert_eq (limber_test_run_cli ((const char *const[]) { "compile", "-", NULL }, contents, &o3, &e3), 2);
  cr_assert_not_null (strstr (e3, "--output"), "%s", e3);
  g_autofree char *o4 = NULL, *e4 = NULL;
  cr_assert_eq (limber_test_run_cli ((const char *const[]) { "compile", xml, "-o", "-", NULL }, NULL, &o4, &e4), 2);
  cr_assert_not_null (strstr (e4, "binary"), "%s", e4);
  limber_test_scratch_remove (dir);
}

LIMBER_TEST (compiled, the_layout_changes_only_with_the_format_number)
{
  /* what the fuzz target writes for tests/data/minimal.xml (as "fuzz.xml") */
  g_autofree char *xml = limber_test_read ("minimal.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (xml, -1, "fuzz.xml", &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autoptr (GBytes) image = limber_ruleset_image_write (rs);
  g_autoptr (GBytes) body = limber_ruleset_image_body (image);
  g_autofree char *name = g_strdup_printf ("fuzz/compiled/minimal.format-%d.body", LIMBER_IMAGE_FORMAT);
  g_autofree char *path = limber_test_data (name);
  g_autofree char *kept = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (path, &kept, &length, NULL) && length == g_bytes_get_size (body)
                 && memcmp (kept, g_bytes_get_data (body, NULL), length) == 0,
             "the compiled layout is not the one of format %d (%s): if ruleset-image.c changed what it writes, raise "
             "LIMBER_IMAGE_FORMAT (ruleset-image.h) and write the new body with LIMBER_FUZZ_SEED_OUT=tests/data/"
             "fuzz/compiled/minimal.format-N.body build/tests/fuzz/fuzz-compiled tests/data/minimal.xml",
             LIMBER_IMAGE_FORMAT, path);
}

/* Whole numbers too large for an unsigned: the builder saturates them, so
 * a rule set that loads from XML loads compiled too (they used to wrap to
 * 0, which the compiled reader refused for sets and advance-after). */
LIMBER_TEST (compiled, a_valid_rule_set_with_huge_whole_numbers_loads_compiled)
{
  g_autofree char *xml = limber_test_read ("minimal.xml", NULL);
  g_autofree char *huge = NULL;
  {
    g_autoptr (GString) s = g_string_new (xml);
    cr_assert (g_string_replace (s, "advance-after=\"3\"", "advance-after=\"4294967296\"", 1) == 1);
    cr_assert (g_string_replace (s, "<step sets=\"1\" reps=\"3\"", "<step sets=\"4294967296\" reps=\"3\"", 1) == 1);
    huge = g_string_free (g_steal_pointer (&s), FALSE);
  }
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (huge, -1, "huge.xml", &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autoptr (GBytes) image = limber_ruleset_image_write (rs);
  g_autoptr (LimberRuleset) back = limber_ruleset_new_from_data (g_bytes_get_data (image, NULL),
                                                                 (gssize) g_bytes_get_size (image), "huge.limberc",
                                                                 &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  expect_same_rule_set (rs, back);
}

/* An image whose scan protocol names no landmark, or lacks a text the
 * schema requires, is refused when read: scan.c indexes arrays with the
 * landmarks and prints the texts (forged here by editing a rule set in
 * memory before writing it, as a hand-made file could say). */
static void
expect_forged_protocol_refused (void (*forge) (LimberScanProtocol *p, gboolean undo), const char *says)
{
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autoptr (LimberRuleset) rs = load (path);
  LimberScanProtocol *p = NULL;
  for (guint m = 0; p == NULL && m < rs->measures->len; m++)
    p = ((LimberMeasure *) g_ptr_array_index (rs->measures, m))->protocol;
  cr_assert_not_null (p, "the default rule set has no scan protocol");
  forge (p, FALSE);
  g_autoptr (GBytes) image = limber_ruleset_image_write (rs);
  forge (p, TRUE);
  expect_refused (g_bytes_get_data (image, NULL), g_bytes_get_size (image), LIMBER_ERROR_PARSE, says);
}

static void
segment_nowhere (LimberScanProtocol *p, gboolean undo)
{
  static int kept;
  if (!undo)
    kept = p->segment[0];
  p->segment[0] = undo ? kept : -1;
}

static void
half_a_reference (LimberScanProtocol *p, gboolean undo)
{
  static int kept[2];
  if (!undo)
    memcpy (kept, p->reference, sizeof kept);
  if (undo)
    memcpy (p->reference, kept, sizeof kept);
  else
    p->reference[0] = SCAN_HIP, p->reference[1] = -1;
}

static void
other_nose (LimberScanProtocol *p, gboolean undo)
{
  static int kept;
  if (!undo)
    kept = p->segment[1];
  p->segment[1] = undo ? kept : SCAN_OTHER | SCAN_NOSE;
}

static void
no_instructions (LimberScanProtocol *p, gboolean undo)
{
  static char *kept;
  if (!undo)
    kept = p->instructions;
  p->instructions = undo ? kept : NULL;
}

LIMBER_TEST (compiled, a_forged_scan_protocol_is_refused)
{
  expect_forged_protocol_refused (segment_nowhere, "p->segment: -1 is no landmark; expected one the schema names");
  expect_forged_protocol_refused (half_a_reference, "p->reference: -1 is no landmark");
  expect_forged_protocol_refused (other_nose, "p->segment: 16 is no landmark");
  expect_forged_protocol_refused (no_instructions, "p->instructions: missing");
}
