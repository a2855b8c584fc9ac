/* Specification of plans in a language (docs/i18n.md): the built-in rule
 * set and every engine string come in German and Spanish; a plan's text
 * (names, steps, reasons, doses, dates, headings) is in the language asked
 * for while its ids and numbers are not; English is the text as written; a
 * translation that names a text the rule set does not have, or changes a
 * reason's placeholders, is refused with its file and line; a translation
 * whose English changed is stale, and the English is used until it is
 * brought up to date. */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <limber.h>

#include "i18n.h"
#include "ruleset-private.h"
#include "support.h"

TestSuite (i18n);

/* ---- the engine's table ----------------------------------------------------- */

/* The printf conversions of a format, in order ("%u%s%g"). */
static char *
conversions (const char *fmt)
{
  GString *out = g_string_new (NULL);
  for (const char *p = strchr (fmt, '%'); p != NULL; p = strchr (p + 1, '%'))
    {
      const char *c = p + 1;
      if (*c == '%')
        {
          p = c;
          continue;
        }
      while (*c && strchr ("0123456789.+-# l", *c))
        c++;
      g_string_append_printf (out, "%%%c", *c);
    }
  return g_string_free (out, FALSE);
}

LIMBER_TEST (i18n, every_engine_string_is_in_every_language_with_its_arguments)
{
  const char *english, *translated;
  guint n = 0;
  for (guint i = 0; limber_msg_row (i, LIMBER_LANG_EN, &english, &translated); i++, n++)
    for (LimberLang lang = LIMBER_LANG_DE; lang < LIMBER_N_LANGS; lang++)
      {
        cr_assert (limber_msg_row (i, lang, &english, &translated));
        cr_assert (translated != NULL && translated[0] != '\0', "no %s for \"%s\"", limber_lang_code (lang), english);
        g_autofree char *want = conversions (english);
        g_autofree char *have = conversions (translated);
        cr_assert_str_eq (have, want, "%s \"%s\" has the conversions %s; the English \"%s\" has %s",
                          limber_lang_code (lang), translated, have, english, want);
        cr_assert_str_eq (limber_msg (lang, english), translated);
      }
  cr_assert_gt (n, 150, "the table has %u rows", n);
  /* English is never looked up: the same pointer comes back */
  const char *literal = "Starts ";
  cr_assert_eq (limber_msg (LIMBER_LANG_EN, literal), literal);
}

LIMBER_TEST (i18n, language_codes_take_regions_and_encodings)
{
  LimberLang lang;
  cr_assert (limber_lang_from_code ("de", &lang) && lang == LIMBER_LANG_DE);
  cr_assert (limber_lang_from_code ("de_AT.UTF-8", &lang) && lang == LIMBER_LANG_DE);
  cr_assert (limber_lang_from_code ("es-MX", &lang) && lang == LIMBER_LANG_ES);
  cr_assert (limber_lang_from_code ("EN", &lang) && lang == LIMBER_LANG_EN);
  cr_assert_not (limber_lang_from_code ("fr_FR.UTF-8", &lang));
  cr_assert_not (limber_lang_from_code ("C", &lang));
  cr_assert_not (limber_lang_from_code ("", &lang));
}

LIMBER_TEST (i18n, dates_follow_the_language)
{
  g_autoptr (GDate) date = g_date_new_dmy (5, G_DATE_JANUARY, 2026);
  const char *want[LIMBER_N_LANGS] = { "Mon 5 Jan 2026", "Mo., 5. Jan. 2026", "lun 5 ene 2026" };
  for (LimberLang lang = LIMBER_LANG_EN; lang < LIMBER_N_LANGS; lang++)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      limber_lang_append_date (out, lang, date);
      cr_assert_str_eq (out->str, want[lang]);
    }
  g_date_set_dmy (date, 1, G_DATE_MARCH, 2026);
  g_autoptr (GString) march = g_string_new (NULL);
  limber_lang_append_date (march, LIMBER_LANG_DE, date);
  cr_assert_str_eq (march->str, "So., 1. März 2026");
  char a[16] = "15.5", b[16] = "15.5";
  cr_assert_str_eq (limber_lang_decimal (LIMBER_LANG_DE, a), "15,5");
  cr_assert_str_eq (limber_lang_decimal (LIMBER_LANG_EN, b), "15.5");
  /* in a sentence: only a point between two digits */
  char sentence[] = "12.5 Minuten pro Tag. Mo. 5.";
  cr_assert_str_eq (limber_lang_decimals_in (LIMBER_LANG_ES, sentence), "12,5 Minuten pro Tag. Mo. 5.");
}

/* ---- plans ------------------------------------------------------------------ */

static LimberProfile *
example (const LimberRuleset *rs, const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/examples/profiles/%s.json", LIMBER_SOURCE_DIR, name);
  g_autoptr (GError) error = NULL;
  LimberProfile *p = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  return p;
}

static LimberPlan *
plan_in (const LimberRuleset *rs, const LimberProfile *p, const char *lang)
{
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_start (options, "2026-01-05", NULL));
  g_autoptr (GError) error = NULL;
  cr_assert (limber_options_set_language (options, lang, &error), "%s", error ? error->message : "");
  LimberPlan *plan = limber_generate (rs, p, options, &error);
  cr_assert_not_null (plan, "%s", error ? error->message : "");
  return plan;
}

static void
assert_has (const char *text, const char *what)
{
  cr_assert_not_null (strstr (text, what), "expected \"%s\" in:\n%s", what, text);
}

LIMBER_TEST (i18n, the_built_in_rule_set_speaks_english_german_and_spanish)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_auto (GStrv) languages = limber_ruleset_get_languages (rs);
  g_autofree char *list = g_strjoinv (" ", languages);
  cr_assert_str_eq (list, "en de es");
}

LIMBER_TEST (i18n, a_german_plan_says_everything_in_german)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "de");
  cr_assert_str_eq (limber_plan_get_language (plan), "de");
  g_autofree char *text = limber_plan_to_text (plan);
  assert_has (text, "Dehnplan — Regelwerk default");                 /* the heading */
  assert_has (text, "Beginn: Mo., 5. Jan. 2026 · Ziel: Erholung");     /* the date and the goal */
  assert_has (text, "Bitte beachten Sie:");
  assert_has (text, "1. Hüftkreisen — 10 Wdh. [Aufwärmen]");          /* name, dose words, slot */
  assert_has (text, "Knie zur Brust — 5 Wdh., je 5 s halten pro Seite");
  assert_has (text, "warum: Ihre Hüfte lässt sich 28° nach innen drehen, weniger als die üblichen 35°");  /* a reason */
  assert_has (text, "Di., 6. Jan. 2026 — 15 min");                    /* a day in whole minutes */
  /* the safety text, not softened: stop, and urgent care */
  assert_has (text, "Hören Sie auf und holen Sie Rat ein");
  assert_has (text, "Suchen Sie sofort ärztliche Notfallhilfe");
  cr_assert_null (strstr (text, "Hip Circles"));
  cr_assert_null (strstr (text, " why: "));
}

/* Numbers a person reads take the language's decimal mark */
LIMBER_TEST (i18n, a_german_plan_writes_a_decimal_comma)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (GError) error = NULL;
  static const char *const json = "{\"age\": 40, \"goal\": \"recovery\", \"minutes_per_day\": 12.5}";
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, json, -1, "decimal.json", &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "de");
  g_autofree char *text = limber_plan_to_text (plan);
  assert_has (text, "12,5 min pro Tag");
  cr_assert_null (strstr (text, "12.5"), "a decimal point in the German plan:\n%s", text);
}

LIMBER_TEST (i18n, a_spanish_plan_says_everything_in_spanish)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "athlete-tight-left-hip");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "es-ES");
  cr_assert_str_eq (limber_plan_get_language (plan), "es");
  g_autofree char *text = limber_plan_to_text (plan);
  assert_has (text, "Plan de estiramientos — conjunto de reglas default");
  assert_has (text, "Comienza: lun 5 ene 2026");
  assert_has (text, "Tenga en cuenta:");
  assert_has (text, " por qué: ");
  /* a side emphasis: the reason names the side in Spanish, the dose says the extra set */
  assert_has (text, "en el lado izquierdo");
  assert_has (text, "rep.");
  cr_assert_null (strstr (text, " each side"));
  cr_assert_null (strstr (text, " on the left"));
}

/* Every number, boolean and id of the JSON plan is the same in every
 * language: only text fields a person reads differ. */
static void
assert_same_but_text (JsonNode *a, JsonNode *b, const char *where)
{
  static const char *const text_fields[] = { "name", "explanation", "message", "advisories", NULL };
  cr_assert_eq (JSON_NODE_TYPE (a), JSON_NODE_TYPE (b), "%s: different kinds", where);
  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
      g_autoptr (GList) members = json_object_get_members (oa);
      cr_assert_eq (json_object_get_size (oa), json_object_get_size (ob), "%s: different members", where);
      for (GList *m = members; m; m = m->next)
        {
          const char *key = m->data;
          cr_assert (json_object_has_member (ob, key), "%s.%s missing", where, key);
          if (g_strv_contains (text_fields, key) && strcmp (where, "$") != 0)
            continue;
          g_autofree char *at = g_strdup_printf ("%s.%s", where, key);
          assert_same_but_text (json_object_get_member (oa, key), json_object_get_member (ob, key), at);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *xa = json_node_get_array (a), *xb = json_node_get_array (b);
      cr_assert_eq (json_array_get_length (xa), json_array_get_length (xb), "%s: different lengths", where);
      for (guint i = 0; i < json_array_get_length (xa); i++)
        {
          g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
          assert_same_but_text (json_array_get_element (xa, i), json_array_get_element (xb, i), at);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (a))
    {
      g_autofree char *va = json_to_string (a, FALSE), *vb = json_to_string (b, FALSE);
      cr_assert_str_eq (va, vb, "%s differs", where);
    }
}

LIMBER_TEST (i18n, the_json_plan_keeps_ids_and_numbers_in_every_language)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *names[] = { "stiff-back", "athlete-tight-left-hip", "older-adult-70", "cannot-lie-flat", "emergency" };
  for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autoptr (LimberProfile) p = example (rs, names[k]);
      g_autoptr (LimberPlan) en = plan_in (rs, p, NULL);
      g_autofree char *en_json = limber_plan_to_json (en, FALSE);
      for (const char *const *lang = (const char *const[]) { "de", "es", NULL }; *lang; lang++)
        {
          g_autoptr (LimberPlan) other = plan_in (rs, p, *lang);
          g_autofree char *json = limber_plan_to_json (other, FALSE);
          g_autoptr (JsonNode) a = json_from_string (en_json, NULL);
          g_autoptr (JsonNode) b = json_from_string (json, NULL);
          assert_same_but_text (a, b, names[k]);
          /* the item names did change */
          if (limber_plan_get_status (en) == LIMBER_PLAN_OK)
            cr_assert_str_neq (en_json, json);
        }
    }
}

LIMBER_TEST (i18n, english_is_the_text_as_written)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberPlan) plain = plan_in (rs, p, NULL);
  g_autoptr (LimberPlan) en = plan_in (rs, p, "en_GB.UTF-8");
  g_autofree char *a = limber_plan_to_text (plain);
  g_autofree char *b = limber_plan_to_text (en);
  cr_assert_str_eq (a, b);
  assert_has (a, "Starts Mon 5 Jan 2026 · goal: recovery");
  assert_has (a, "1. Hip Circles — 10 reps [warm-up]");
}

LIMBER_TEST (i18n, an_unknown_language_is_refused_naming_the_ones_there_are)
{
  g_autoptr (LimberOptions) options = limber_options_new ();
  g_autoptr (GError) error = NULL;
  cr_assert_not (limber_options_set_language (options, "fr", &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS));
  assert_has (error->message, "unknown language 'fr'");
  assert_has (error->message, "en (English), de (German), es (Spanish)");
}

LIMBER_TEST (i18n, a_rule_set_without_a_translation_refuses_that_language)
{
  g_autofree char *path = limber_test_data ("minimal.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs);
  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, "{\"goal\": \"recovery\"}", -1, "profile", &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_language (options, "de", NULL));
  g_autoptr (LimberPlan) plan = limber_generate (rs, p, options, &error);
  cr_assert_null (plan);
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS));
  assert_has (error->message, "has no translation into 'de'; expected one of en (English)");
}

/* ---- the printed week ------------------------------------------------------- */

LIMBER_TEST (i18n, the_printed_week_is_in_the_language)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "es");
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *html = (char *) limber_plan_render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length, &error);
  cr_assert_not_null (html, "%s", error ? error->message : "");
  assert_has (html, "<html lang=\"es\">");
  assert_has (html, "La semana de un vistazo");
  assert_has (html, "Cómo hacer cada ejercicio");
  assert_has (html, "Círculos de cadera");
  assert_has (html, "Póngase de pie con los pies separados");   /* a step */
  assert_has (html, "lun 5 ene 2026");
  assert_has (html, "Haga ejercicio con seguridad");
  cr_assert_null (strstr (html, "How to do each exercise"));
}

LIMBER_TEST (i18n, the_pdf_says_it_in_german)
{
  g_autofree char *profile = g_strdup_printf ("%s/examples/profiles/stiff-back.json", LIMBER_SOURCE_DIR);
  g_autofree char *dir = g_dir_make_tmp ("limber-i18n-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  const char *args[] = { "plan", "--lang", "de", "-p", profile, "-s", "2026-01-05", "-f", "pdf", "-o", pdf, NULL };
  g_autofree char *err = NULL;
  cr_assert_eq (limber_test_run_cli (args, NULL, NULL, &err), 0, "%s", err);
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *text = NULL;
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                           &text, NULL, &status, NULL));
  assert_has (text, "Ihre Dehnwoche");
  assert_has (text, "Die Woche auf einen Blick");
  assert_has (text, "So machen Sie jede Übung");
  assert_has (text, "Hüftkreisen");
  assert_has (text, "Mo., 5. Jan.");
  assert_has (text, "Seite 1 von");
  g_unlink (pdf);
  g_rmdir (dir);
}

LIMBER_TEST (i18n, the_tool_takes_the_language_from_the_locale_or_refuses_an_unknown_one)
{
  g_autofree char *profile = g_strdup_printf ("%s/examples/profiles/stiff-back.json", LIMBER_SOURCE_DIR);
  g_autofree char *out = NULL, *err = NULL;
  const char *bad[] = { "plan", "--lang", "xx", "-p", profile, NULL };
  cr_assert_eq (limber_test_run_cli (bad, NULL, &out, &err), 2);
  assert_has (err, "--lang xx: language: unknown language 'xx'; expected one of en (English), de (German), es (Spanish)");
  /* LANG=es_ES.UTF-8 gives Spanish, fr_FR English (limber has no French) */
  const char *env_es[] = { "env", "LANG=es_ES.UTF-8", LIMBER_CLI, "plan", "-p", profile, "-s", "2026-01-05", NULL };
  g_autofree char *es = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) env_es, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &es, NULL, NULL, NULL));
  assert_has (es, "Comienza: lun 5 ene 2026");
  const char *env_fr[] = { "env", "LC_ALL=fr_FR.UTF-8", LIMBER_CLI, "plan", "-p", profile, "-s", "2026-01-05", NULL };
  g_autofree char *fr = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) env_fr, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &fr, NULL, NULL, NULL));
  assert_has (fr, "Starts Mon 5 Jan 2026");
}

/* ---- translations of a rule set --------------------------------------------- */

/* A copy of the default rule set in a directory of its own, with the
 * German overlay edited by replacing `from` with `to` (NULL: as shipped). */
static char *
rule_set_with_overlay (const char *from, const char *to, char **dir_out)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-i18n-XXXXXX", NULL);
  g_autofree char *xml = NULL, *de = NULL;
  g_autofree char *src = g_strdup_printf ("%s/rules/default.xml", LIMBER_SOURCE_DIR);
  g_autofree char *src_de = g_strdup_printf ("%s/rules/default.de.xml", LIMBER_SOURCE_DIR);
  cr_assert (g_file_get_contents (src, &xml, NULL, NULL));
  cr_assert (g_file_get_contents (src_de, &de, NULL, NULL));
  if (from != NULL)
    {
      cr_assert_not_null (strstr (de, from), "the overlay has no \"%s\"", from);
      g_auto (GStrv) parts = g_strsplit (de, from, 2);
      g_free (de);
      de = g_strjoin (to, parts[0], parts[1], NULL);
    }
  char *path = g_build_filename (dir, "set.xml", NULL);
  g_autofree char *path_de = g_build_filename (dir, "set.de.xml", NULL);
  cr_assert (g_file_set_contents (path, xml, -1, NULL));
  cr_assert (g_file_set_contents (path_de, de, -1, NULL));
  *dir_out = g_steal_pointer (&dir);
  return path;
}

static void
remove_rule_set (char *dir)
{
  g_autofree char *a = g_build_filename (dir, "set.xml", NULL);
  g_autofree char *b = g_build_filename (dir, "set.de.xml", NULL);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
  g_free (dir);
}

/* The line of the first occurrence of `what` in `text`, from 1. */
static int
line_of (const char *text, const char *what)
{
  const char *at = strstr (text, what);
  cr_assert_not_null (at);
  int line = 1;
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

LIMBER_TEST (i18n, a_translation_beside_a_rule_file_is_loaded_with_it)
{
  char *dir = NULL;
  g_autofree char *path = rule_set_with_overlay (NULL, NULL, &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_auto (GStrv) languages = limber_ruleset_get_languages (rs);
  g_autofree char *list = g_strjoinv (" ", languages);
  cr_assert_str_eq (list, "en de");
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  cr_assert_eq (limber_lint_report_get_n_findings (report), 0);
  remove_rule_set (dir);
}

LIMBER_TEST (i18n, a_key_the_rule_set_lacks_is_refused_with_its_line)
{
  char *dir = NULL;
  const char *title = "<text key=\"title\"";
  g_autofree char *bogus = g_strconcat ("<text key=\"exercise/no-such-exercise/name\" en=\"00000000\">Keine</text>\n  ",
                                        title, NULL);
  g_autofree char *path = rule_set_with_overlay (title, bogus, &dir);
  g_autofree char *overlay = g_build_filename (dir, "set.de.xml", NULL);
  g_autofree char *contents = NULL;
  cr_assert (g_file_get_contents (overlay, &contents, NULL, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_null (rs);
  g_autofree char *want = g_strdup_printf ("%s:%d: <text key=\"exercise/no-such-exercise/name\">: rule set default has "
                                           "no such text", overlay, line_of (contents, "no-such-exercise"));
  assert_has (error->message, want);
  remove_rule_set (dir);
}

LIMBER_TEST (i18n, a_reason_whose_placeholders_differ_is_refused_with_its_line)
{
  char *dir = NULL;
  const char *key = "<text key=\"rule/deficit-hip-flexion/reason\"";
  g_autofree char *path = rule_set_with_overlay ("Ihre Hüfte lässt sich {lower}{unit} beugen",
                                                 "Ihre Hüfte lässt sich {lowr}{unit} beugen", &dir);
  g_autofree char *overlay = g_build_filename (dir, "set.de.xml", NULL);
  g_autofree char *contents = NULL;
  cr_assert (g_file_get_contents (overlay, &contents, NULL, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_null (rs);
  g_autofree char *want = g_strdup_printf ("%s:%d: <text key=\"rule/deficit-hip-flexion/reason\">: the placeholders of "
                                           "the translation (lowr normal unit unit) differ from the English's (lower "
                                           "normal unit unit)", overlay, line_of (contents, key));
  assert_has (error->message, want);
  remove_rule_set (dir);
}

LIMBER_TEST (i18n, a_stale_translation_gives_way_to_the_english_and_lint_says_so)
{
  char *dir = NULL;
  /* the fingerprint of another English: as if the English had changed since */
  const char *from = "<text key=\"exercise/hip-circles/name\" en=\"";
  g_autoptr (GError) error = NULL;
  g_autofree char *shipped = NULL;
  g_autofree char *src_de = g_strdup_printf ("%s/rules/default.de.xml", LIMBER_SOURCE_DIR);
  cr_assert (g_file_get_contents (src_de, &shipped, NULL, NULL));
  const char *at = strstr (shipped, from);
  cr_assert_not_null (at);
  g_autofree char *old = g_strndup (at, strlen (from) + 8);
  g_autofree char *stale = g_strconcat (from, "ffffffff", NULL);
  g_autofree char *path = rule_set_with_overlay (old, stale, &dir);
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  g_autofree char *text = limber_lint_report_to_text (report);
  cr_assert_eq (limber_lint_report_get_n_findings (report), 1, "%s", text);
  assert_has (text, "warning L017");
  assert_has (text, "the German translation of exercise/hip-circles/name is stale");
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "de");
  g_autofree char *plan_text = limber_plan_to_text (plan);
  assert_has (plan_text, "1. Hip Circles — 10 Wdh.");
  remove_rule_set (dir);
}

LIMBER_TEST (i18n, a_missing_translation_falls_back_to_english_and_lint_says_so)
{
  char *dir = NULL;
  g_autofree char *shipped = NULL;
  g_autofree char *src_de = g_strdup_printf ("%s/rules/default.de.xml", LIMBER_SOURCE_DIR);
  cr_assert (g_file_get_contents (src_de, &shipped, NULL, NULL));
  const char *at = strstr (shipped, "<text key=\"exercise/wall-angels/name\"");
  cr_assert_not_null (at);
  g_autofree char *line = g_strndup (at, strchr (at, '\n') - at + 1);
  g_autofree char *path = rule_set_with_overlay (line, "", &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  g_autofree char *text = limber_lint_report_to_text (report);
  cr_assert_eq (limber_lint_report_get_n_findings (report), 1, "%s", text);
  assert_has (text, "warning L016");
  assert_has (text, "has no German translation of exercise/wall-angels/name");
  /* at the line of the exercise in the rule set */
  g_autofree char *xml = NULL;
  cr_assert (g_file_get_contents (path, &xml, NULL, NULL));
  g_autofree char *where = g_strdup_printf ("%s:%d: warning L016", path, line_of (xml, "<exercise id=\"wall-angels\""));
  assert_has (text, where);
  g_autoptr (LimberProfile) p = example (rs, "stiff-back");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "de");
  g_autofree char *plan_text = limber_plan_to_text (plan);
  assert_has (plan_text, "2. Wall Angels — 5 Wdh.");
  remove_rule_set (dir);
}

LIMBER_TEST (i18n, a_translation_added_from_memory_is_checked_and_used)
{
  g_autofree char *path = limber_test_data ("minimal.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_file (path, &error);
  cr_assert_not_null (rs);
  g_autofree char *fingerprint = limber_translation_fingerprint ("Pelvic Tilts");
  g_autofree char *xml = g_strdup_printf ("<translation ruleset=\"minimal\" lang=\"es\">\n"
                                          "  <text key=\"exercise/pelvic-tilts/name\" en=\"%s\">Basculaciones de "
                                          "pelvis</text>\n</translation>\n", fingerprint);
  cr_assert (limber_ruleset_add_translation (rs, xml, -1, "minimal.es.xml", &error), "%s",
             error ? error->message : "");
  g_auto (GStrv) languages = limber_ruleset_get_languages (rs);
  g_autofree char *list = g_strjoinv (" ", languages);
  cr_assert_str_eq (list, "en es");
  /* a second translation into the same language is refused */
  cr_assert_not (limber_ruleset_add_translation (rs, xml, -1, "again.es.xml", &error));
  assert_has (error->message, "again.es.xml:1: <translation lang=\"es\">: the rule set already has a translation");
  g_clear_error (&error);
  /* a translation of another rule set, too */
  cr_assert_not (limber_ruleset_add_translation (rs, "<translation ruleset=\"default\" lang=\"de\"/>", -1, NULL,
                                                 &error));
  assert_has (error->message, "<memory>:1: <translation ruleset=\"default\">: translates another rule set; expected "
                              "\"minimal\"");
  g_clear_error (&error);
  /* the built-in rule set has its languages already */
  g_autoptr (LimberRuleset) builtin = limber_test_default_rules ();
  cr_assert_not (limber_ruleset_add_translation (builtin, "<translation ruleset=\"default\" lang=\"es\"/>", -1, NULL,
                                                 &error));
  assert_has (error->message, "already has a translation into this language");
  g_clear_error (&error);

  g_autoptr (LimberProfile) p = limber_profile_new_from_json (rs, "{\"goal\": \"recovery\"}", -1, "profile", &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");
  g_autoptr (LimberPlan) plan = plan_in (rs, p, "es");
  g_autofree char *text = limber_plan_to_text (plan);
  assert_has (text, "Basculaciones de pelvis");
  /* what it lacks, lint lists */
  g_autoptr (LimberLintReport) report = limber_lint (rs);
  g_autofree char *lint = limber_lint_report_to_text (report);
  assert_has (lint, "warning L016: minimal.es.xml has no Spanish translation of exercise/windshield-wipers/name");
}
