/* Translations of a rule set: overlay files keyed by the base rule set's
 * ids, validated against it, and looked up by the address of the English
 * string they translate (i18n.h, docs/i18n.md). */
#include "i18n.h"

#include <string.h>

#include "error-private.h"
#include "limber/autocleanups.h"
#include "plan-private.h"
#include "read-limit.h"
#include "resources.h"
#include "ruleset-private.h"
#include "scan-private.h"
#include "xml-safe.h"

#define RESOURCE_TRANSLATION_SCHEMA "/org/limber/rules/limber-translation.xsd"

typedef void (*TextFunc) (const char *key, const char *text, int line, gpointer data);

static void
each (TextFunc fn, gpointer data, const char *text, int line, const char *fmt, ...) G_GNUC_PRINTF (5, 6);

static void
each (TextFunc fn, gpointer data, const char *text, int line, const char *fmt, ...)
{
  if (text == NULL || text[0] == '\0')
    return;
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *key = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fn (key, text, line, data);
}

/* Every text of the rule set a person reads, with its key and the line of
 * its element (0 when the loader keeps none), in document order.  The keys
 * are what an overlay names: kind, id, and which text of it (docs/i18n.md
 * lists them). */
void
limber_ruleset_foreach_text (const LimberRuleset *rs, TextFunc fn, gpointer data)
{
  each (fn, data, rs->title, 0, "title");
  each (fn, data, rs->safety, rs->safety_line, "safety");
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    each (fn, data, rs->goal_text[g], 0, "goal/%s", limber_goal_to_string ((LimberGoal) g));
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      each (fn, data, m->label, m->line, "measure/%s/label", m->id);
      each (fn, data, m->name, m->line, "measure/%s/name", m->id);
      /* what a person reads to film the test, and is told when the film
       * shows a compensation; or why the test cannot be filmed */
      each (fn, data, m->no_scan, m->line, "measure/%s/no-scan", m->id);
      if (m->protocol != NULL)
        {
          each (fn, data, m->protocol->instructions, m->protocol->line, "measure/%s/scan", m->id);
          for (guint k = 0; k < m->protocol->forbids->len; k++)
            {
              const LimberScanForbid *f = &g_array_index (m->protocol->forbids, LimberScanForbid, k);
              each (fn, data, f->text, f->line, "measure/%s/scan/forbid/%u", m->id, k + 1);
            }
        }
    }
  for (guint i = 0; i < rs->questions->len; i++)
    {
      const LimberQuestion *q = g_ptr_array_index (rs->questions, i);
      each (fn, data, q->text, q->line, "question/%s", q->id);
      for (guint k = 0; q->choices != NULL && q->choices[k] != NULL; k++)
        each (fn, data, q->choice_texts[k], q->line, "question/%s/choice/%s", q->id, q->choices[k]);
    }
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      each (fn, data, f->sign, f->line, "red-flag/%s/sign", f->id);
      each (fn, data, f->message, f->line, "red-flag/%s", f->id);
    }
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      each (fn, data, s->name, s->line, "score/%s", s->id);
    }
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      const LimberTemplate *t = &rs->templates[g];
      if (!t->present)
        continue;
      const char *goal = limber_goal_to_string ((LimberGoal) g);
      each (fn, data, t->routine_reason, t->routine_line, "template/%s/routine", goal);
      for (guint k = 0; k < t->slots->len; k++)
        {
          const LimberSlot *s = g_ptr_array_index (t->slots, k);
          each (fn, data, s->reason, s->line, "template/%s/slot/%s", goal, s->id);
        }
    }
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      each (fn, data, e->name, e->line, "exercise/%s/name", e->id);
      each (fn, data, e->reason, e->line, "exercise/%s/reason", e->id);
      for (guint k = 0; e->instructions != NULL && e->instructions[k] != NULL; k++)
        each (fn, data, e->instructions[k], e->line, "exercise/%s/step/%u", e->id, k + 1);
      for (guint k = 0; e->brief != NULL && e->brief[k] != NULL; k++)
        each (fn, data, e->brief[k], e->line, "exercise/%s/brief/%u", e->id, k + 1);
      for (guint k = 0; e->muscles != NULL && e->muscles[k] != NULL; k++)
        each (fn, data, e->muscles[k], e->line, "exercise/%s/muscle/%u", e->id, k + 1);
    }
  for (guint i = 0; i < rs->rules->len; i++)
    {
      const LimberRule *r = g_ptr_array_index (rs->rules, i);
      each (fn, data, r->reason, r->reason_line ? r->reason_line : r->line, "rule/%s/reason", r->id);
      guint n = 0;
      for (guint k = 0; k < r->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (r->actions, k);
          if (a->kind == ACTION_ADVISE)
            each (fn, data, a->text, a->line, "rule/%s/advise/%u", r->id, ++n);
        }
    }
}

/* The fingerprint of an English text an overlay records: the first eight
 * hex digits of its SHA-256, enough to notice any change. */
char *
limber_translation_fingerprint (const char *english)
{
  char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, english, -1);
  hex[8] = '\0';
  return hex;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* "{a} and {b}" as the sorted set "a\nb\n", to compare a translation's
 * placeholders with its English. */
static char *
placeholders_of (const char *s)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *open; (open = strchr (s, '{')) != NULL;)
    {
      const char *close = strchr (open, '}');
      if (close == NULL)
        break;
      g_ptr_array_add (names, g_strndup (open + 1, close - open - 1));
      s = close + 1;
    }
  g_ptr_array_sort (names, compare_names);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

typedef struct {
  char *text;
  char *en;     /* the fingerprint of the English it was made from */
  int line;
  gboolean used;
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->text);
  g_free (e->en);
  g_free (e);
}

typedef struct {
  LimberTranslation *t;
  GHashTable *entries;   /* key -> Entry */
  const char *name;
  GError *error;         /* the first problem */
} Apply;

static void
apply_one (const char *key, const char *english, int line, gpointer data)
{
  (void) line;
  Apply *A = data;
  Entry *e = g_hash_table_lookup (A->entries, key);
  if (e == NULL)
    {
      g_ptr_array_add (A->t->missing, g_strdup (key));
      return;
    }
  e->used = TRUE;
  g_autofree char *want = placeholders_of (english);
  g_autofree char *have = placeholders_of (e->text);
  if (A->error == NULL && !g_str_equal (want, have))
    {
      g_strdelimit (want, "\n", ' ');
      g_strdelimit (have, "\n", ' ');
      g_set_error (&A->error, LIMBER_ERROR, LIMBER_ERROR_SEMANTIC,
                   "%s:%d: <text key=\"%s\">: the placeholders of the translation (%s) differ from the English's "
                   "(%s); expected the same {placeholders} as the English text",
                   A->name, e->line, key, g_strstrip (have)[0] ? have : "none", g_strstrip (want)[0] ? want : "none");
      return;
    }
  g_autofree char *fingerprint = limber_translation_fingerprint (english);
  if (!g_str_equal (fingerprint, e->en))
    {
      /* the English changed after it was translated: the old translation
       * may say something else now (a safety text above all), so the
       * English is used until the translation is brought up to date */
      g_ptr_array_add (A->t->stale, g_strdup (key));
      g_array_append_val (A->t->stale_lines, e->line);
      return;
    }
  g_hash_table_insert (A->t->texts, (gpointer) english, g_steal_pointer (&e->text));
}

void
limber_translation_free (LimberTranslation *t)
{
  if (t == NULL)
    return;
  g_free (t->name);
  g_hash_table_unref (t->texts);
  g_ptr_array_unref (t->missing);
  g_ptr_array_unref (t->stale);
  g_array_unref (t->stale_lines);
  g_free (t);
}

/* Loads an overlay for rs (its id must be rs's) and adds it to rs, after
 * checking every key names a text of rs and every reason keeps its
 * placeholders.  FALSE with a LIMBER_ERROR naming the file and line. */
gboolean
limber_translation_add (LimberRuleset *rs, const char *data, gsize length, const char *name, GError **error)
{
  if (length > LIMBER_RULESET_MAX_BYTES)
    {
      limber_size_error (name, length, LIMBER_RULESET_MAX_BYTES, "a limber rule-set translation", NULL, error);
      return FALSE;
    }
  xmlDoc *doc = limber_xml_parse_safely (name, data, length, "translations", "translation",
                                         "a limber rule-set translation (see rules/limber-translation.xsd)", error);
  if (doc == NULL)
    return FALSE;
  if (!limber_xml_validate (limber_xml_schema (RESOURCE_TRANSLATION_SCHEMA), doc, name, data, length,
                            "does not follow the translation schema", error))
    {
      xmlFreeDoc (doc);
      return FALSE;
    }
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *ruleset = limber_xml_attr (root, "ruleset");
  g_autofree char *code = limber_xml_attr (root, "lang");
  LimberLang lang;
  if (!limber_lang_from_code (code, &lang) || lang == LIMBER_LANG_EN)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_SEMANTIC,
                   "%s:%d: <translation lang=\"%s\">: limber has no words of its own in this language; expected de "
                   "or es (English is the rule set itself)", name, (int) xmlGetLineNo (root), code);
      xmlFreeDoc (doc);
      return FALSE;
    }
  if (!g_str_equal (ruleset, rs->id))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_SEMANTIC,
                   "%s:%d: <translation ruleset=\"%s\">: translates another rule set; expected \"%s\"", name,
                   (int) xmlGetLineNo (root), ruleset, rs->id);
      xmlFreeDoc (doc);
      return FALSE;
    }
  for (guint i = 0; rs->translations != NULL && i < rs->translations->len; i++)
    if (((LimberTranslation *) g_ptr_array_index (rs->translations, i))->lang == lang)
      {
        g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_SEMANTIC,
                     "%s:%d: <translation lang=\"%s\">: the rule set already has a translation into this language; "
                     "expected one per language", name, (int) xmlGetLineNo (root), code);
        xmlFreeDoc (doc);
        return FALSE;
      }

  g_autoptr (GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      char *key = limber_xml_attr (n, "key");
      if (g_hash_table_contains (entries, key))
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_SEMANTIC,
                       "%s:%d: <text key=\"%s\">: translated twice; expected each key once", name, (int) xmlGetLineNo (n),
                       key);
          g_free (key);
          xmlFreeDoc (doc);
          return FALSE;
        }
      Entry *e = g_new0 (Entry, 1);
      e->text = limber_xml_text (n);
      e->en = limber_xml_attr (n, "en");
      e->line = (int) xmlGetLineNo (n);
      g_hash_table_insert (entries, key, e);
    }
  xmlFreeDoc (doc);

  LimberTranslation *t = g_new0 (LimberTranslation, 1);
  t->lang = lang;
  t->name = g_strdup (name);
  t->texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  t->missing = g_ptr_array_new_with_free_func (g_free);
  t->stale = g_ptr_array_new_with_free_func (g_free);
  t->stale_lines = g_array_new (FALSE, FALSE, sizeof (int));
  Apply A = { .t = t, .entries = entries, .name = name };
  limber_ruleset_foreach_text (rs, apply_one, &A);
  if (A.error == NULL)
    {
      /* a key the rule set does not have: a typo, or a text since removed */
      GHashTableIter it;
      gpointer key, value;
      const Entry *first = NULL;
      const char *first_key = NULL;
      g_hash_table_iter_init (&it, entries);
      while (g_hash_table_iter_next (&it, &key, &value))
        if (!((Entry *) value)->used && (first == NULL || ((Entry *) value)->line < first->line))
          {
            first = value;
            first_key = key;
          }
      if (first != NULL)
        g_set_error (&A.error, LIMBER_ERROR, LIMBER_ERROR_SEMANTIC,
                     "%s:%d: <text key=\"%s\">: rule set %s has no such text; expected the key of one of its texts "
                     "(limber lint --lang lists the missing ones)", name, first->line, first_key, rs->id);
    }
  if (A.error != NULL)
    {
      g_propagate_error (error, A.error);
      limber_translation_free (t);
      return FALSE;
    }
  if (rs->translations == NULL)
    rs->translations = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_translation_free);
  g_ptr_array_add (rs->translations, t);
  return TRUE;
}

const LimberTranslation *
limber_ruleset_translation (const LimberRuleset *rs, LimberLang lang)
{
  for (guint i = 0; rs->translations != NULL && i < rs->translations->len; i++)
    {
      const LimberTranslation *t = g_ptr_array_index (rs->translations, i);
      if (t->lang == lang)
        return t;
    }
  return NULL;
}

/* The overlays beside a rule set: "rules/x.xml" has "rules/x.de.xml" and
 * "rules/x.es.xml"; the built-in rule set's are in the GResource. */
gboolean
limber_translations_load_beside (LimberRuleset *rs, const char *path, gboolean resource, GError **error)
{
  /* FILE.xml and its compiled form FILE.limberc take the same FILE.de.xml */
  const char *suffix = g_str_has_suffix (path, ".xml") ? ".xml" : g_str_has_suffix (path, ".limberc") ? ".limberc" : "";
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (suffix));
  for (unsigned l = LIMBER_LANG_EN + 1; l < LIMBER_N_LANGS; l++)
    {
      g_autofree char *file = g_strdup_printf ("%s.%s.xml", stem, limber_lang_code ((LimberLang) l));
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autofree char *shown = NULL;
      if (resource)
        {
          g_autofree char *at = g_strdup_printf ("/org/limber/rules/%s", strrchr (file, '/') ? strrchr (file, '/') + 1 : file);
          g_autoptr (GBytes) bytes = limber_resource_lookup (at, NULL);
          if (bytes == NULL)
            continue;
          contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          length = g_bytes_get_size (bytes);
          shown = g_strdup (file);
        }
      else
        {
          if (!g_file_test (file, G_FILE_TEST_EXISTS))
            continue;
          if (!limber_read_bounded (file, LIMBER_RULESET_MAX_BYTES, "a readable limber rule-set translation", NULL,
                                    &contents, &length, error))
            return FALSE;
          shown = g_strdup (file);
        }
      if (!limber_translation_add (rs, contents, length, shown, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- the public face -------------------------------------------------- */

static char *
available_list (const LimberRuleset *rs)
{
  GString *out = g_string_new ("en (English)");
  static const char *const names[LIMBER_N_LANGS] = { "English", "German", "Spanish" };
  for (unsigned l = LIMBER_LANG_EN + 1; l < LIMBER_N_LANGS; l++)
    if (rs == NULL || limber_ruleset_translation (rs, (LimberLang) l) != NULL)
      g_string_append_printf (out, ", %s (%s)", limber_lang_code ((LimberLang) l), names[l]);
  return g_string_free (out, FALSE);
}

gboolean
limber_options_set_language (LimberOptions *options, const char *language, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  LimberLang lang = LIMBER_LANG_EN;
  if (language != NULL && !limber_lang_from_code (language, &lang))
    {
      g_autofree char *list = available_list (NULL);
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS, "language: unknown language '%s'; expected one of %s",
                   language, list);
      return FALSE;
    }
  options->lang = lang;
  return TRUE;
}

/* One wording, wherever a language is asked of a rule set without it */
static void
no_translation (const LimberRuleset *rs, LimberLang lang, GError **error)
{
  g_autofree char *list = available_list (rs);
  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
               "language: rule set %s (%s) has no translation into '%s'; expected one of %s (a translation is a "
               "file beside the rule set: see docs/i18n.md)",
               rs->id, rs->name, limber_lang_code (lang), list);
}

/* Sets the plan's language from the options: FALSE with an error when the
 * rule set has no translation into it. */
gboolean
limber_plan_set_language (LimberPlan *plan, LimberLang lang, GError **error)
{
  plan->lang = lang;
  if (lang == LIMBER_LANG_EN)
    return TRUE;
  plan->tr = limber_ruleset_translation (plan->rs, lang);
  if (plan->tr != NULL)
    return TRUE;
  no_translation (plan->rs, lang, error);
  return FALSE;
}

const char *
limber_plan_get_language (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return limber_lang_code (plan->lang);
}

char **
limber_ruleset_get_languages (const LimberRuleset *ruleset)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();
  g_ptr_array_add (out, g_strdup ("en"));
  for (unsigned l = LIMBER_LANG_EN + 1; l < LIMBER_N_LANGS; l++)
    if (limber_ruleset_translation (ruleset, (LimberLang) l) != NULL)
      g_ptr_array_add (out, g_strdup (limber_lang_code ((LimberLang) l)));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
limber_ruleset_add_translation (LimberRuleset *ruleset, const char *data, gssize length, const char *name,
                                GError **error)
{
  g_return_val_if_fail (ruleset != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return limber_translation_add (ruleset, data, length < 0 ? strlen (data) : (gsize) length,
                                 name ? name : "<memory>", error);
}

/* The translation into `language`, a code as the caller gave it: NULL for
 * English; FALSE with an error for a language limber or the rule set does
 * not have (every call that takes a language code says it the same way). */
gboolean
limber_ruleset_translation_for (const LimberRuleset *rs, const char *language, const LimberTranslation **tr,
                                GError **error)
{
  *tr = NULL;
  g_autoptr (LimberOptions) options = limber_options_new ();
  if (!limber_options_set_language (options, language, error))
    return FALSE;
  if (options->lang == LIMBER_LANG_EN)
    return TRUE;
  *tr = limber_ruleset_translation (rs, options->lang);
  if (*tr != NULL)
    return TRUE;
  no_translation (rs, options->lang, error);
  return FALSE;
}
