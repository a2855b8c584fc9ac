/* Specification of the streaming JSON writer (engine/core/json-out.c): it writes
 * what the json-glib tree writer (engine/core/json-write.c) writes for the same
 * content, byte for byte, compact and pretty. */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <limber.h>

#include "json-out.h"
#include "json-write.h"
#include "population.h"
#include "support.h"

TestSuite (json_out);

/* What the tree writer makes of the streaming writer's text. */
static char *
rewritten (const char *json, gboolean pretty, const char *unsigned_member)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_data (parser, json, -1, &error), "%s: %s", error ? error->message : "", json);
  JsonNode *root = json_parser_get_root (parser);
  const JsonNode *seed = NULL;
  if (unsigned_member && JSON_NODE_HOLDS_OBJECT (root))
    seed = json_object_get_member (json_node_get_object (root), unsigned_member);
  return limber_json_write (root, seed, pretty);
}

LIMBER_TEST (json_out, containers_members_and_escapes_come_out_as_the_tree_writer_writes_them)
{
  for (int pretty = 0; pretty < 2; pretty++)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      LimberJsonOut j;
      limber_json_out_init (&j, out, pretty);
      limber_json_out_begin_object (&j, NULL);
      limber_json_out_string (&j, "text", "quote \" backslash \\ newline \n tab \t bell \x07 é");
      limber_json_out_string (&j, "none", NULL);
      limber_json_out_begin_object (&j, "empty object");
      limber_json_out_end_object (&j);
      limber_json_out_begin_array (&j, "empty array");
      limber_json_out_end_array (&j);
      limber_json_out_begin_array (&j, "nested");
      limber_json_out_begin_object (&j, NULL);
      limber_json_out_bool (&j, "yes", TRUE);
      limber_json_out_bool (&j, "no", FALSE);
      limber_json_out_end_object (&j);
      limber_json_out_begin_array (&j, NULL);
      limber_json_out_int (&j, NULL, -42);
      limber_json_out_null (&j, NULL);
      limber_json_out_end_array (&j);
      limber_json_out_end_array (&j);
      limber_json_out_end_object (&j);
      g_autofree char *again = rewritten (out->str, pretty, NULL);
      cr_assert_str_eq (out->str, again);
      /* the two writers share their escaping: hold it to the text itself */
      if (!pretty)
        cr_assert_str_eq (out->str, "{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 é\","
                                    "\"none\":null,\"empty object\":{},\"empty array\":[],"
                                    "\"nested\":[{\"yes\":true,\"no\":false},[-42,null]]}");
    }
}

LIMBER_TEST (json_out, numbers_are_rounded_whole_ones_are_integers_and_non_finite_ones_null)
{
  g_autoptr (GString) out = g_string_new (NULL);
  LimberJsonOut j;
  limber_json_out_init (&j, out, FALSE);
  limber_json_out_begin_array (&j, NULL);
  limber_json_out_number (&j, NULL, 0.35, -1);
  limber_json_out_number (&j, NULL, 14.333333, 1);
  limber_json_out_number (&j, NULL, 45.0, -1);
  limber_json_out_number (&j, NULL, -0.0, -1);
  limber_json_out_number (&j, NULL, -0.04, 1);
  limber_json_out_number (&j, NULL, 1e300, -1);
  limber_json_out_number (&j, NULL, NAN, -1);
  limber_json_out_number (&j, NULL, INFINITY, -1);
  limber_json_out_int (&j, NULL, G_MININT64);
  limber_json_out_uint (&j, NULL, G_MAXUINT64);
  limber_json_out_end_array (&j);
  cr_assert_str_eq (out->str, "[0.35,14.3,45,0,0,1e+300,null,null,-9223372036854775808,18446744073709551615]");
}

LIMBER_TEST (json_out, plans_are_byte_identical_to_their_tree_rewrite)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs);
  LimberRandom random = { 7 };
  GDate start;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 23, 11, 2026);
  for (guint k = 0; k < 120; k++)
    {
      g_autoptr (LimberProfile) p = limber_population_profile (rs, &random, &start);
      g_autoptr (LimberOptions) o = limber_options_new ();
      cr_assert (limber_options_set_start (o, "2026-11-23", NULL));
      /* seeds either side of 2^63: the seed is the one unsigned member */
      limber_options_set_seed (o, G_GUINT64_CONSTANT (0x7fffffffffffffc4) + k);
      g_autoptr (LimberPlan) plan = limber_generate (rs, p, o, &error);
      cr_assert_not_null (plan, "%s", error ? error->message : "");
      for (int pretty = 0; pretty < 2; pretty++)
        {
          g_autofree char *json = limber_plan_to_json (plan, pretty);
          g_autofree char *again = rewritten (json, pretty, "seed");
          cr_assert_str_eq (json, again, "profile %u, pretty %d", k, pretty);
        }
    }
}

/* The escaper the word-at-a-time one must equal: one byte at a time. */
static void
quote_bytewise (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default:
        if (*p < 0x20)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, (char) *p);
      }
  g_string_append_c (out, '"');
}

LIMBER_TEST (json_out, every_byte_that_needs_an_escape_is_escaped_wherever_it_falls_in_a_word)
{
  /* each special byte (and bytes next to the tests' limits: 0x1f/0x20,
   * 0x7f/0x80, 0xff, '!' and '#' around the quote, '[' and ']' around the
   * backslash) at every offset of strings of every length up to 40, on a
   * background of plain and of UTF-8 text */
  static const unsigned char probes[] = { 0x01, 0x07, '\t', '\n', '\r', 0x1f, 0x20, '!', '"', '#', '[', '\\', ']',
                                          0x7f, 0x80, 0xc3, 0xe9, 0xff };
  static const char *backgrounds[] = { "abcdefghijklmnopqrstuvwxyz0123456789ABCD", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" };
  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    for (guint len = 1; len <= 40; len++)
      for (guint at = 0; at < len; at++)
        for (guint k = 0; k < G_N_ELEMENTS (probes); k++)
          {
            char text[48];
            memcpy (text, backgrounds[b], len);
            text[len] = '\0';
            text[at] = (char) probes[k];
            g_autoptr (GString) got = g_string_new (NULL);
            g_autoptr (GString) want = g_string_new (NULL);
            limber_json_out_quote (got, text);
            quote_bytewise (want, text);
            cr_assert_str_eq (got->str, want->str, "byte 0x%02x at %u of %u", probes[k], at, len);
          }
}
