/*
 * Loading a rule test case: bytes -> XML tree (no DTD, no entities, no
 * network) -> the test-case schema -> LimberTestCase.
 *
 * The profile is kept as text and read only when the case runs, because a
 * profile is read against a rule set and a case may be run against several.
 * An inline profile keeps its place: the text handed to the profile reader
 * is padded with the lines and columns that precede it in the case file, so
 * a mistake in it is reported at its true line and column.
 */
#include "testcase-private.h"

#include <string.h>

#include <libxml/tree.h>

#include "limber/error.h"
#include "error-private.h"
#include "profile-private.h"
#include "read-limit.h"
#include "xml-safe.h"

#define RESOURCE_SCHEMA "/org/limber/rules/limber-testcase.xsd"

typedef struct {
  const char *name;
  const char *source;
  gsize length;
  LimberReport *report;
  LimberTestCase *tc;
} Loader;

static void
expect_free (gpointer data)
{
  LimberExpect *x = data;
  g_free (x->element);
  g_free (x->id);
  g_free (x->value);
  g_free (x->text);
  g_free (x);
}

void
limber_testcase_free (LimberTestCase *tc)
{
  if (tc == NULL)
    return;
  g_free (tc->name);
  g_free (tc->file);
  g_free (tc->description);
  g_free (tc->start);
  g_free (tc->profile);
  if (tc->expects)
    g_ptr_array_unref (tc->expects);
  g_free (tc);
}

/* ---- small readers over a validated tree ------------------------------ */



static gboolean
attr_bool (xmlNode *node, const char *name, gboolean *out)
{
  g_autofree char *value = limber_xml_attr (node, name);
  if (value == NULL)
    return FALSE;
  g_strstrip (value);
  *out = g_str_equal (value, "true") || g_str_equal (value, "1");
  return TRUE;
}

static gboolean
is (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) name) == 0;
}

/* The element as its author wrote it, for messages: <name a="v" ...>. */
static char *
element_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "<%s", (const char *) node->name);
  for (xmlAttr *a = node->properties; a; a = a->next)
    {
      g_autofree char *value = limber_xml_attr (node, (const char *) a->name);
      g_string_append_printf (out, " %s=\"%s\"", (const char *) a->name, value ? value : "");
    }
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

/* code: the problem's kind, a LIMBER_PROBLEM_* (limber/error.h) */
static void G_GNUC_PRINTF (4, 5)
problem (Loader *L, const char *code, xmlNode *node, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  int line = xmlGetLineNo (node);
  int column = limber_source_column (L->source, L->length, line, (const char *) node->name);
  limber_report_add_element (L->report, code, L->name, (unsigned) MAX (line, 0), (unsigned) MAX (column, 0),
                             (const char *) node->name, text);
}

/* ---- the profile ----------------------------------------------------------- */

/* Byte offset of the start of line (from 1) in source. */
static gsize
line_offset (const char *source, gsize length, int line)
{
  gsize i = 0;
  for (int l = 1; l < line && i < length; i++)
    if (source[i] == '\n')
      l++;
  return i;
}

/* The end of the start tag beginning at p: just after its '>', skipping
 * quoted attribute values, which may hold a '>'. */
static const char *
start_tag_end (const char *p, const char *end)
{
  char quote = 0;
  for (; p < end; p++)
    {
      if (quote)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }
  return end;
}

/* text padded with blank lines and spaces up to position `at` of source, so
 * that the profile reader counts lines and columns as the case file does. */
static char *
padded (const char *source, const char *at, const char *text, gsize text_length)
{
  GString *out = g_string_new (NULL);
  const char *line_start = source;
  for (const char *q = source; q < at; q++)
    if (*q == '\n')
      {
        g_string_append_c (out, '\n');
        line_start = q + 1;
      }
  for (const char *q = line_start; q < at; q++)
    if (((unsigned char) *q & 0xC0) != 0x80)
      g_string_append_c (out, ' ');
  g_string_append_len (out, text, (gssize) text_length);
  return g_string_free (out, FALSE);
}

static void
read_profile_json (Loader *L, xmlNode *node)
{
  const char *end = L->source + L->length;
  int line = xmlGetLineNo (node);
  int column = limber_source_column (L->source, L->length, line, "profile-json");
  const char *p = start_tag_end (L->source + line_offset (L->source, L->length, line) + column - 1, end);
  if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
    p += 9;
  /* the decoded text, placed where it starts; a character reference in it
   * would shift later columns of its line a little, nothing more */
  xmlChar *raw = xmlNodeGetContent (node);
  L->tc->profile_source = PROFILE_JSON;
  L->tc->profile = padded (L->source, p, (const char *) raw, strlen ((const char *) raw));
  xmlFree (raw);
}

static void
read_profile_xml (Loader *L, xmlNode *node)
{
  g_autofree char *file = limber_xml_attr (node, "file");
  if (file != NULL)
    {
      gboolean alone = node->properties->next == NULL && node->properties == xmlHasProp (node, BAD_CAST "file");
      for (xmlNode *c = node->children; c; c = c->next)
        alone &= c->type != XML_ELEMENT_NODE;
      if (!alone)
        {
          problem (L, LIMBER_PROBLEM_CONFLICT, node,
                   "file=\"%s\" with other attributes or elements; expected either file= alone or an "
                   "inline profile", file);
          return;
        }
      /* a case reads files of its own folder or below it, never anyone
       * else's: no absolute path, no way up (symbolic links are followed and
       * checked when the profile is read) */
      g_auto (GStrv) parts = g_strsplit (file, "/", -1);
      gboolean up = FALSE;
      for (char **part = parts; *part; part++)
        up |= g_str_equal (*part, "..");
      if (g_path_is_absolute (file) || up || file[0] == '\0')
        {
          problem (L, LIMBER_PROBLEM_BAD_VALUE, node,
                   "file=\"%s\" %s; expected a path relative to the case file's folder, to a file in it or "
                   "below it", file, file[0] == '\0' ? "is empty" : up ? "leaves the case file's folder"
                   : "is an absolute path");
          return;
        }
      L->tc->profile_source = PROFILE_FILE;
      g_autofree char *dir = L->name[0] == '<' ? g_strdup (".") : g_path_get_dirname (L->name);
      L->tc->profile = g_build_filename (dir, file, NULL);
      return;
    }
  /* the element's own bytes, from '<profile' to the end of '</profile>' */
  const char *end = L->source + L->length;
  int line = xmlGetLineNo (node);
  int column = limber_source_column (L->source, L->length, line, "profile");
  const char *start = L->source + line_offset (L->source, L->length, line) + column - 1;
  const char *close = start_tag_end (start, end);
  if (close - start < 2 || close[-2] != '/')
    {
      const char *tail = g_strstr_len (close, end - close, "</profile");
      close = tail ? start_tag_end (tail, end) : end;
    }
  L->tc->profile_source = PROFILE_XML;
  L->tc->profile = padded (L->source, start, start, (gsize) (close - start));
}

/* ---- expectations ------------------------------------------------------------ */

static const struct {
  const char *element;
  LimberExpectKind kind;
} expect_kinds[] = {
  { "status", EXPECT_STATUS },
  { "outcome", EXPECT_OUTCOME },
  { "referral", EXPECT_REFERRAL },
  { "flag", EXPECT_FLAG },
  { "score", EXPECT_SCORE },
  { "fired", EXPECT_FIRED },
  { "not-fired", EXPECT_NOT_FIRED },
  { "included", EXPECT_INCLUDED },
  { "excluded", EXPECT_EXCLUDED },
  { "allowed", EXPECT_ALLOWED },
  { "weight", EXPECT_WEIGHT },
  { "dose", EXPECT_DOSE },
  { "emphasis", EXPECT_EMPHASIS },
  { "why", EXPECT_WHY },
  { "advisory", EXPECT_ADVISORY },
  { "no-advisory", EXPECT_NO_ADVISORY },
  { "minutes", EXPECT_MINUTES },
  { "within-budget", EXPECT_WITHIN_BUDGET },
  { "training-days", EXPECT_TRAINING_DAYS },
  { "screening", EXPECT_SCREENING },
};

static const char *const dose_fields[] = {
  "step", "previous-step", "sets", "reps", "hold", "duration", "extra-sets", "seconds",
};

static void
read_target (Loader *L, xmlNode *node, LimberExpect *x)
{
  static const struct { const char *attr; LimberTargetKind kind; } kinds[] = {
    { "exercise", TARGET_EXERCISE }, { "tag", TARGET_TAG }, { "region", TARGET_REGION },
    { "position", TARGET_POSITION }, { "measure", TARGET_MEASURE },
  };
  unsigned n = 0;
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      char *value = limber_xml_attr (node, kinds[k].attr);
      if (value == NULL)
        continue;
      n++;
      g_free (x->id);
      x->id = value;
      x->target = kinds[k].kind;
    }
  if (n != 1)
    problem (L, LIMBER_PROBLEM_CONFLICT, node,
             "%s; expected exactly one of exercise=, tag=, region=, position=, measure=",
             n == 0 ? "no target" : "more than one target");
}

static void
read_bounds (Loader *L, xmlNode *node, LimberExpect *x, gboolean with_is)
{
  x->has_is = with_is && limber_xml_attr_double (node, "is", &x->is);
  x->has_at_least = limber_xml_attr_double (node, "at-least", &x->at_least);
  x->has_at_most = limber_xml_attr_double (node, "at-most", &x->at_most);
  if (!x->has_is && !x->has_at_least && !x->has_at_most)
    problem (L, LIMBER_PROBLEM_MISSING_FIELD, node,
             "no bound; expected %sat-least= or at-most=", with_is ? "is=, " : "");
  else if (x->has_is && (x->has_at_least || x->has_at_most))
    problem (L, LIMBER_PROBLEM_CONFLICT, node,
             "is= with at-least= or at-most=; expected either an exact value or bounds");
  else if (x->has_at_least && x->has_at_most && x->at_least > x->at_most)
    problem (L, LIMBER_PROBLEM_OUT_OF_RANGE, node,
             "at-least=\"%g\" is above at-most=\"%g\"; expected at-least <= at-most", x->at_least,
             x->at_most);
}

static LimberExpect *
read_expect (Loader *L, xmlNode *node)
{
  LimberExpect *x = g_new0 (LimberExpect, 1);
  x->line = xmlGetLineNo (node);
  x->element = element_text (node);
  x->target = TARGET_EXERCISE;
  for (gsize k = 0; k < G_N_ELEMENTS (expect_kinds); k++)
    if (is (node, expect_kinds[k].element))
      x->kind = expect_kinds[k].kind;
  switch (x->kind)
    {
    case EXPECT_STATUS:
    case EXPECT_OUTCOME:
      x->value = limber_xml_attr (node, "is");
      break;
    case EXPECT_REFERRAL:
      x->id = limber_xml_attr (node, "flag");
      x->text = limber_xml_attr (node, "contains");
      break;
    case EXPECT_FLAG:
      x->id = limber_xml_attr (node, "ref");
      x->yes = TRUE;
      attr_bool (node, "triggered", &x->yes);
      break;
    case EXPECT_SCORE:
      x->id = limber_xml_attr (node, "ref");
      x->value = limber_xml_attr (node, "category");
      x->has_number = limber_xml_attr_double (node, "total", &x->number);
      x->has_yes = attr_bool (node, "complete", &x->yes);
      if (x->value == NULL && !x->has_number && !x->has_yes)
        problem (L, LIMBER_PROBLEM_MISSING_FIELD, node, "checks nothing; expected category=, total= or complete=");
      break;
    case EXPECT_FIRED:
    case EXPECT_NOT_FIRED:
      x->id = limber_xml_attr (node, "rule");
      break;
    case EXPECT_INCLUDED:
      {
        read_target (L, node, x);
        g_autofree char *on = limber_xml_attr (node, "on");
        x->yes = g_strcmp0 (on, "every-training-day") == 0;
        break;
      }
    case EXPECT_EXCLUDED:
      read_target (L, node, x);
      x->value = limber_xml_attr (node, "by");
      break;
    case EXPECT_ALLOWED:
      read_target (L, node, x);
      break;
    case EXPECT_WEIGHT:
      x->id = limber_xml_attr (node, "exercise");
      read_bounds (L, node, x, TRUE);
      break;
    case EXPECT_DOSE:
      {
        x->id = limber_xml_attr (node, "exercise");
        g_autofree char *of = limber_xml_attr (node, "of");
        for (gsize k = 0; k < G_N_ELEMENTS (dose_fields); k++)
          if (g_strcmp0 (of, dose_fields[k]) == 0)
            x->field = (LimberDoseField) k;
        read_bounds (L, node, x, TRUE);
        break;
      }
    case EXPECT_EMPHASIS:
      x->id = limber_xml_attr (node, "exercise");
      x->value = limber_xml_attr (node, "side");
      x->has_number = limber_xml_attr_double (node, "extra-sets", &x->number);
      break;
    case EXPECT_WHY:
      x->id = limber_xml_attr (node, "exercise");
      x->value = limber_xml_attr (node, "rule");
      x->text = limber_xml_attr (node, "contains");
      if (x->value == NULL && x->text == NULL)
        problem (L, LIMBER_PROBLEM_MISSING_FIELD, node, "checks nothing; expected rule=, contains= or both");
      break;
    case EXPECT_ADVISORY:
    case EXPECT_NO_ADVISORY:
      x->text = limber_xml_attr (node, "contains");
      break;
    case EXPECT_MINUTES:
      read_bounds (L, node, x, FALSE);
      break;
    case EXPECT_WITHIN_BUDGET:
      x->number = 0.1;
      limber_xml_attr_double (node, "margin", &x->number);
      break;
    case EXPECT_TRAINING_DAYS:
      read_bounds (L, node, x, TRUE);
      break;
    case EXPECT_SCREENING:
      x->has_yes = attr_bool (node, "complete", &x->yes);
      x->id = limber_xml_attr (node, "unanswered");
      if (!x->has_yes && x->id == NULL)
        problem (L, LIMBER_PROBLEM_MISSING_FIELD, node, "checks nothing; expected complete=, unanswered= or both");
      break;
    }
  return x;
}

/* ---- the case ------------------------------------------------------------------ */

static void
read_options (Loader *L, xmlNode *node)
{
  g_autofree char *start = limber_xml_attr (node, "start");
  if (start != NULL)
    {
      if (limber_parse_date (start, NULL))
        {
          g_free (L->tc->start);
          L->tc->start = g_steal_pointer (&start);
        }
      else
        problem (L, LIMBER_PROBLEM_BAD_DATE, node,
                 "start=\"%s\" is not a calendar date; expected a real date as YYYY-MM-DD", start);
    }
  g_autofree char *seed = limber_xml_attr (node, "seed");
  if (seed != NULL && !g_ascii_string_to_unsigned (g_strstrip (seed), 10, 0, G_MAXUINT64, &L->tc->seed, NULL))
    problem (L, LIMBER_PROBLEM_OUT_OF_RANGE, node,
             "seed=\"%s\" is too large; expected a whole number from 0 to %" G_GUINT64_FORMAT, seed,
             G_MAXUINT64);
  double days;
  if (limber_xml_attr_double (node, "days", &days))
    L->tc->days = (unsigned) days;
}

static void
build (Loader *L, xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  LimberTestCase *tc = L->tc;
  tc->name = limber_xml_attr (root, "id");
  for (xmlNode *n = root->children; n; n = n->next)
    {
      if (is (n, "description"))
        tc->description = limber_xml_text (n);
      else if (is (n, "options"))
        read_options (L, n);
      else if (is (n, "profile-json"))
        read_profile_json (L, n);
      else if (is (n, "profile"))
        read_profile_xml (L, n);
      else if (is (n, "expect"))
        for (xmlNode *e = n->children; e; e = e->next)
          if (e->type == XML_ELEMENT_NODE)
            g_ptr_array_add (tc->expects, read_expect (L, e));
    }
}

LimberTestCase *
limber_testcase_new_from_data (const char *data, gssize length, const char *name, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (LimberReport) report = limber_report_new ();
  Loader L = {
    .name = name ? name : "<memory>",
    .source = data,
    .length = length < 0 ? strlen (data) : (gsize) length,
    .report = report,
  };
  if (L.length > LIMBER_TESTCASE_MAX_BYTES)
    {
      limber_size_error (L.name, L.length, LIMBER_TESTCASE_MAX_BYTES, "a limber rule test case", NULL, error);
      return NULL;
    }
  gsize blank = 0;
  while (blank < L.length && g_ascii_isspace (L.source[blank]))
    blank++;
  if (blank == L.length)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "%s: %s; expected a limber rule test case, a <testcase> element (see rules/limber-testcase.xsd)",
                   L.name, L.length == 0 ? "empty file" : "nothing but white space");
      return NULL;
    }
  /* lines end at CR LF and a lone CR too (read-limit.h) */
  g_autofree char *unified = limber_unify_newlines (L.source, &L.length);
  if (unified != NULL)
    L.source = unified;
  xmlSchemaPtr schema = limber_xml_schema (RESOURCE_SCHEMA);
  xmlDoc *doc = limber_xml_parse_safely (L.name, L.source, L.length, "rule test cases", "testcase",
                                         "a limber rule test case (see rules/limber-testcase.xsd)", error);
  if (doc == NULL)
    return NULL;
  if (!limber_xml_validate (schema, doc, L.name, L.source, L.length, "does not follow the test-case schema", error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  L.tc = g_new0 (LimberTestCase, 1);
  L.tc->file = g_strdup (L.name);
  L.tc->start = g_strdup (LIMBER_TESTCASE_DEFAULT_START);
  L.tc->days = 7;
  L.tc->expects = g_ptr_array_new_with_free_func (expect_free);
  build (&L, doc);
  xmlFreeDoc (doc);
  if (limber_report_count (report) > 0)
    {
      limber_report_set_error (report, error, LIMBER_ERROR_SEMANTIC);
      limber_testcase_free (L.tc);
      return NULL;
    }
  return L.tc;
}

LimberTestCase *
limber_testcase_new_from_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!limber_read_bounded (path, LIMBER_TESTCASE_MAX_BYTES, "a readable limber rule test case", NULL, &contents,
                            &length, error))
    return NULL;
  return limber_testcase_new_from_data (contents, (gssize) length, path, error);
}

const char *
limber_testcase_get_name (const LimberTestCase *tc)
{
  g_return_val_if_fail (tc != NULL, NULL);
  return tc->name;
}

const char *
limber_testcase_get_description (const LimberTestCase *tc)
{
  g_return_val_if_fail (tc != NULL, NULL);
  return tc->description;
}

const char *
limber_testcase_get_file (const LimberTestCase *tc)
{
  g_return_val_if_fail (tc != NULL, NULL);
  return tc->file;
}

unsigned
limber_testcase_get_n_expectations (const LimberTestCase *tc)
{
  g_return_val_if_fail (tc != NULL, 0);
  return tc->expects->len;
}

LimberProfile *
limber_testcase_load_profile (const LimberTestCase *tc, const LimberRuleset *rs, GError **error)
{
  g_return_val_if_fail (tc != NULL && rs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  switch (tc->profile_source)
    {
    case PROFILE_JSON:
      return limber_profile_new_from_json (rs, tc->profile, -1, tc->file, error);
    case PROFILE_XML:
      return limber_profile_new_from_xml (rs, tc->profile, -1, tc->file, error);
    case PROFILE_FILE:
      {
        /* checked again now that links can be followed: a link in the
         * folder may point anywhere, and what lies outside is not read */
        g_autofree char *dir = tc->file[0] == '<' ? g_strdup (".") : g_path_get_dirname (tc->file);
        if (g_file_test (tc->profile, G_FILE_TEST_EXISTS) && !limber_path_is_inside (dir, tc->profile))
          {
            g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_UNSAFE,
                         "%s: <profile file>: %s is a link that leads out of the case file's folder; expected a "
                         "file in that folder or below it",
                         tc->file, tc->profile);
            return NULL;
          }
        return limber_profile_new_from_file (rs, tc->profile, error);
      }
    }
  g_return_val_if_reached (NULL);
}

LimberOptions *
limber_testcase_new_options (const LimberTestCase *tc)
{
  g_return_val_if_fail (tc != NULL, NULL);
  LimberOptions *options = limber_options_new ();
  /* checked when the case loaded, so these cannot fail */
  limber_options_set_start (options, tc->start, NULL);
  limber_options_set_days (options, tc->days, NULL);
  limber_options_set_seed (options, tc->seed);
  return options;
}
