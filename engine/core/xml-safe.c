/*
 * Safe XML reading shared by the rule-set and test-case loaders (see
 * xml-safe.h).  A document from outside may be hostile: a DTD is where
 * entity bombs and external entities live, so no document may declare one,
 * and the parser is told never to fetch or expand anything.
 */
#include "xml-safe.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>

#include "limber/error.h"
#include "error-private.h"
#include "suggest.h"
#include "resources.h"
#include "ruleset-private.h"

typedef struct {
  const char *name;
  const char *source;
  gsize length;
  LimberReport *report;
} Collector;

/* What an XSD type name asks for, in words. */
static const char *
type_words (const char *type)
{
  static const struct { const char *type, *words; } types[] = {
    { "xs:decimal", "a number" },           { "xs:double", "a number" },
    { "xs:float", "a number" },             { "xs:integer", "a whole number" },
    { "xs:int", "a whole number" },         { "xs:nonNegativeInteger", "a whole number, 0 or more" },
    { "xs:positiveInteger", "a whole number, 1 or more" }, { "xs:unsignedInt", "a whole number, 0 or more" },
    { "xs:boolean", "true or false" },      { "xs:date", "a date as YYYY-MM-DD" },
    { "xs:ID", "an id" },                   { "xs:NCName", "an id (letters, digits, '-', '_', '.')" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type, types[i].type))
      return types[i].words;
  return NULL;
}

/* libxml2's schema messages end in sentences of their own ("This element
 * is not expected. Expected is one of ( a, b ).", "[facet 'enumeration']
 * The value 'x' is not an element of the set {'a', 'b'}."); every limber
 * message reads "what is wrong; expected what" (limber/error.h), so they
 * are reworded into that shape, keeping libxml2's facts.  A message of a
 * shape not known here keeps its words and gains a general "expected", so
 * the shape holds whatever libxml2 says. */
static char *
schema_phrase (const char *message)
{
  g_autofree char *text = g_strdup (message);
  gsize n = strlen (text);
  if (n > 0 && text[n - 1] == '.')
    text[--n] = '\0';
  /* "[facet 'pattern'] The value..." -> "The value..." */
  char *what = text;
  if (g_str_has_prefix (what, "[facet '"))
    {
      char *close = strstr (what, "'] ");
      if (close != NULL)
        what = close + 3;
    }
  if (g_ascii_isupper (what[0]) && !g_ascii_isupper (what[1]))
    what[0] = g_ascii_tolower (what[0]);

  char *mark;
  if ((mark = strstr (what, ". Expected is one of ( ")) != NULL)
    {
      *mark = '\0';
      char *list = mark + strlen (". Expected is one of ( ");
      char *end = g_strrstr (list, " )");
      if (end != NULL)
        *end = '\0';
      return g_strdup_printf ("%s; expected one of %s", what, list);
    }
  if ((mark = strstr (what, ". Expected is ( ")) != NULL)
    {
      *mark = '\0';
      char *one = mark + strlen (". Expected is ( ");
      char *end = g_strrstr (one, " )");
      if (end != NULL)
        *end = '\0';
      return g_strdup_printf ("%s; expected %s", what, one);
    }
  if ((mark = strstr (what, " is not an element of the set {")) != NULL)
    {
      char *set = mark + strlen (" is not an element of the set {");
      char *end = strrchr (set, '}');
      if (end != NULL)
        *end = '\0';
      g_autofree char *head = g_strndup (what, (gsize) (mark - what));
      /* "the value 'x'" and "'a', 'b'": the value and the allowed ones, for a suggestion */
      const char *open = strchr (head, '\'');
      const char *close = open ? strchr (open + 1, '\'') : NULL;
      g_autofree char *value = close ? g_strndup (open + 1, (gsize) (close - open - 1)) : NULL;
      g_auto (GStrv) allowed = g_strsplit (set, ", ", -1);
      for (char **a = allowed; *a; a++)
        if (**a == '\'' && g_str_has_suffix (*a, "'") && strlen (*a) >= 2)
          {
            memmove (*a, *a + 1, strlen (*a) - 2);
            (*a)[strlen (*a) - 2] = '\0';
          }
      g_autofree char *hint = limber_suggest_hint (limber_suggest_among (value, (const char *const *) allowed, -1));
      return g_strdup_printf ("%s is not allowed; expected one of %s%s", head, set, hint);
    }
  /* a text the schema reads with its white space collapsed (NonEmptyText):
   * length 0 is nothing but white space, or nothing at all */
  if (strstr (what, "has a length of '0'; this underruns the allowed minimum length of '1'") != NULL)
    return g_strdup ("the text is empty or only white space; expected some text");
  if ((mark = strstr (what, " is not accepted by the pattern '")) != NULL)
    {
      char *pattern = mark + strlen (" is not accepted by the pattern '");
      char *end = strrchr (pattern, '\'');
      if (end != NULL)
        *end = '\0';
      g_autofree char *head = g_strndup (what, (gsize) (mark - what));
      return g_strdup_printf ("%s does not have the allowed form; expected a value matching %s", head, pattern);
    }
  if ((mark = strstr (what, " is less than the minimum value allowed ('")) != NULL
      || (mark = strstr (what, " is greater than the maximum value allowed ('")) != NULL)
    {
      gboolean less = strstr (mark, "minimum") != NULL;
      char *bound = strstr (mark, "('") + 2;
      char *end = strstr (bound, "')");
      if (end != NULL)
        *end = '\0';
      g_autofree char *head = g_strndup (what, (gsize) (mark - what));
      return g_strdup_printf ("%s is %s; expected %s %s", head, less ? "too small" : "too large",
                              less ? "at least" : "at most", bound);
    }
  if ((mark = strstr (what, " is not a valid value of the atomic type '")) != NULL)
    {
      char *type = mark + strlen (" is not a valid value of the atomic type '");
      char *end = strchr (type, '\'');
      if (end != NULL)
        *end = '\0';
      const char *words = type_words (type);
      g_autofree char *head = g_strndup (what, (gsize) (mark - what));
      return words ? g_strdup_printf ("%s is not %s (%s); expected %s", head, words, type, words)
                   : g_strdup_printf ("%s is not a valid %s; expected a value of that type", head, type);
    }
  if ((mark = strstr (what, " is required but missing")) != NULL)
    {
      /* "the attribute 'x' is required but missing" */
      char *name = strchr (what, '\'');
      char *end = name ? strchr (name + 1, '\'') : NULL;
      if (name != NULL && end != NULL && end < mark)
        return g_strdup_printf ("%s; expected %.*s=\"...\"", what, (int) (end - name - 1), name + 1);
    }
  if (g_str_has_suffix (what, " is not allowed") && g_str_has_prefix (what, "the attribute '"))
    return g_strdup_printf ("%s; expected only the attributes the schema declares for this element", what);
  if (strstr (what, "content other than whitespace is not allowed") != NULL)
    return g_strdup_printf ("%s; expected only elements here", what);
  /* libxml2 names no expected element when nothing more may follow in
   * the parent: the element is one too many (a fourth <step> of a
   * <brief>) or out of the schema's order (a <sign> after its <message>) */
  if (g_str_has_suffix (what, "this element is not expected"))
    return g_strdup_printf ("%s; expected nothing more here: it is one too many, or belongs earlier in its parent "
                            "(the schema's order, docs/rules-format.md)", what);
  if (strstr (what, "; expected ") != NULL)
    return g_strdup (what);
  return g_strdup_printf ("%s; expected what the schema allows here", what);
}

/* One schema problem: its line of the message, and its record.  libxml2
 * writes "Element 'x', attribute 'y': what"; the element (and attribute) is
 * the record's field, the rest, reworded (schema_phrase), its message. */
static void
append_error (LimberReport *report, const char *code, const char *name, int line, int column, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *field = NULL;
  const char *said = trimmed;
  const char *end = g_str_has_prefix (trimmed, "Element '") ? strstr (trimmed, "': ") : NULL;
  if (end != NULL)
    {
      field = g_strndup (trimmed, (gsize) (end + 1 - trimmed));
      said = end + 3;
    }
  g_autofree char *message = schema_phrase (said);
  g_autofree char *where = field ? g_strdup_printf ("%s: %s", field, message) : g_strdup (message);
  g_autofree char *full = line > 0 ? g_strdup_printf ("%s:%d:%d: %s", name, line, MAX (column, 1), where)
                                   : g_strdup_printf ("%s: %s", name, where);
  limber_report_add (report, code, full, name, line > 0 ? (unsigned) line : 0, line > 0 ? (unsigned) MAX (column, 1) : 0,
                     field, message);
}

/* libxml2 reports schema errors through this; the element name in the
 * message lets limber_source_column() find the column libxml2 leaves out. */
static void
structured_error (void *data, xmlErrorPtr err)
{
  Collector *C = data;
  if (err == NULL || err->level == XML_ERR_WARNING)
    return;
  int column = err->int2;
  if (column <= 0 && err->node != NULL && ((xmlNode *) err->node)->type == XML_ELEMENT_NODE)
    column = limber_source_column (C->source, C->length, err->line, (const char *) ((xmlNode *) err->node)->name);
  /* libxml2 says "Element 'x': ..." already; keep its words, they name the
   * element, what was wrong and what was expected */
  append_error (C->report, LIMBER_PROBLEM_SCHEMA, C->name, err->line, column, err->message ? err->message : "unknown XML error");
}

/* Checking the prolog ourselves means no entity is ever declared, let alone
 * expanded or fetched, whatever the parser's defaults. */
gboolean
limber_xml_refuse_doctype (const char *name, const char *source, gsize length, const char *kinds, const char *root,
                           GError **error)
{
  const char *p = source, *end = source + length;
  while (p < end)
    {
      if (g_ascii_isspace (*p) || (p == source && end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0))
        p += g_ascii_isspace (*p) ? 1 : 3;
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "?>");
          p = close ? close + 2 : end;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");
          p = close ? close + 3 : end;
        }
      else if (end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0)
        {
          int line = 1, column = 1;
          for (const char *q = source; q < p; q++)
            {
              column = *q == '\n' ? 1 : column + 1;
              line += *q == '\n';
            }
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_UNSAFE,
                       "%s:%d:%d: DOCTYPE: refused: %s may not declare a DTD or entities "
                       "(entities are never expanded and external resources never fetched); expected the "
                       "document to start at <%s>",
                       name, line, column, kinds, root);
          if (error != NULL)
            {
              g_autofree char *place = g_strdup_printf ("%s:%d:%d: DOCTYPE: ", name, line, column);
              const char *message = (*error)->message + strlen (place);
              limber_error_add_problem (*error, LIMBER_PROBLEM_UNSAFE, name, (unsigned) line, (unsigned) column,
                                        "DOCTYPE", message, (*error)->message);
            }
          return FALSE;
        }
      else
        break;
    }
  return TRUE;
}

/* The first error of a parse: libxml2 goes on after a fatal error and keeps
 * only its last, which is usually a consequence ("Premature end of data"
 * after a tag left open three lines earlier); the first is the mistake. */
typedef struct {
  int line, column;
  char *message;
} FirstError;

static void
keep_first_error (void *data, xmlErrorPtr err)
{
  /* the parser passes its context, whose _private is ours */
  FirstError *first = ((xmlParserCtxtPtr) data)->_private;
  if (first == NULL || first->message != NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  first->line = err->line;
  first->column = err->int2;
  first->message = g_strdup (err->message ? err->message : "not well-formed");
}

xmlDoc *
limber_xml_parse_safely (const char *name, const char *source, gsize length, const char *kinds, const char *root,
                         const char *expected, GError **error)
{
  if (!limber_xml_refuse_doctype (name, source, length, kinds, root, error))
    return NULL;

  /* NONET: no network, ever.  No NOENT, DTDLOAD or DTDATTR: entities stay
   * unexpanded and no external subset is fetched.  NONET also covers
   * XInclude, which we never process anyway.  NOERROR keeps libxml2 from
   * printing: errors reach us through the context, and the process-wide
   * handlers, which an embedding app may own, are left alone. */
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: out of memory", name);
      return NULL;
    }
  FirstError first = { 0, 0, NULL };
  ctxt->_private = &first;
  ctxt->sax->serror = keep_first_error;
  xmlDoc *doc = xmlCtxtReadMemory (ctxt, source, (int) length, name, "UTF-8", options);
  ctxt->_private = NULL;
  if (doc == NULL || !ctxt->wellFormed)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);
      int line = first.message ? first.line : err ? err->line : 0;
      int column = first.message ? first.column : err ? err->int2 : 0;
      g_autofree char *what = g_strdup (first.message ? first.message
                                        : err && err->message ? err->message
                                                              : "not well-formed");
      g_strstrip (what);
      g_autofree char *message = g_strdup_printf ("not well-formed XML: %s; expected %s", what, expected);
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:%d:%d: %s", name, line, MAX (column, 1), message);
      if (error != NULL)
        limber_error_add_problem (*error, LIMBER_PROBLEM_XML_SYNTAX, name, (unsigned) MAX (line, 0), (unsigned) MAX (column, 1), NULL, message,
                                  (*error)->message);
      g_free (first.message);
      xmlFreeDoc (doc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  g_free (first.message);  /* an error libxml2 recovered from */
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static xmlSchemaPtr
schema_compile (const char *resource)
{
  xmlInitParser ();
  g_autoptr (GBytes) bytes = limber_resource_lookup (resource, NULL);
  g_assert (bytes != NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaPtr schema = xmlSchemaParse (pctxt);
  xmlSchemaFreeParserCtxt (pctxt);
  g_assert (schema != NULL);
  return schema;
}

xmlSchemaPtr
limber_xml_schema (const char *resource)
{
  /* compiled once per schema and kept for the life of the process: a
   * compiled schema is read-only, so every thread may validate with it */
  static GMutex lock;
  static GHashTable *compiled = NULL;
  g_mutex_lock (&lock);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_str_hash, g_str_equal);
  xmlSchemaPtr schema = g_hash_table_lookup (compiled, resource);
  if (schema == NULL)
    {
      schema = schema_compile (resource);
      g_hash_table_insert (compiled, (gpointer) resource, schema);
    }
  g_mutex_unlock (&lock);
  return schema;
}

gboolean
limber_xml_validate (xmlSchemaPtr schema, xmlDoc *doc, const char *name, const char *source, gsize length,
                     const char *fallback, GError **error)
{
  g_autoptr (LimberReport) report = limber_report_new ();
  Collector C = { name, source, length, report };
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, structured_error, &C);
  int rc = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);
  if (rc == 0)
    return TRUE;
  if (limber_report_count (report) == 0)
    append_error (report, LIMBER_PROBLEM_SCHEMA, name, 0, 0, fallback);
  limber_report_set_error (report, error, LIMBER_ERROR_SCHEMA);
  return FALSE;
}

/* The text of a node list that is a single text node, read in place (no
 * copy), or NULL when it is anything else.  Loading a large rule set reads
 * a few hundred thousand texts and attributes; almost all are one text
 * node, and libxml2's general getters copy each of them first. */
static const char *
single_text (const xmlNode *children)
{
  if (children != NULL && children->next == NULL
      && (children->type == XML_TEXT_NODE || children->type == XML_CDATA_SECTION_NODE))
    return (const char *) children->content;
  return NULL;
}

/* The attribute `name` without a namespace, as xmlGetNoNsProp() finds it
 * (no DTD defaults: limber's documents have no DTD). */
static const xmlAttr *
attr_node (const xmlNode *node, const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns == NULL && strcmp ((const char *) a->name, name) == 0)
      return a;
  return NULL;
}

char *
limber_xml_text (xmlNode *node)
{
  const char *in_place = node != NULL ? single_text (node->children) : NULL;
  xmlChar *raw = in_place != NULL ? NULL : xmlNodeGetContent (node);
  const char *text = in_place != NULL ? in_place : (const char *) raw;
  /* spaces collapsed and trimmed: never longer than the text */
  char *out = g_malloc (text != NULL ? strlen (text) + 1 : 1);
  gsize n = 0;
  gboolean space = FALSE;
  for (const char *p = text; p && *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = n > 0;
      else
        {
          if (space)
            out[n++] = ' ';
          space = FALSE;
          out[n++] = *p;
        }
    }
  out[n] = '\0';
  xmlFree (raw);
  return out;
}

char *
limber_xml_attr (xmlNode *node, const char *name)
{
  const xmlAttr *a = attr_node (node, name);
  if (a == NULL)
    return NULL;
  const char *in_place = single_text (a->children);
  if (in_place != NULL)
    return g_strdup (in_place);
  xmlChar *value = xmlNodeListGetString (node->doc, a->children, 1);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);
  return copy;
}

gboolean
limber_xml_attr_double (xmlNode *node, const char *name, double *out)
{
  const xmlAttr *a = attr_node (node, name);
  if (a == NULL)
    return FALSE;
  const char *in_place = single_text (a->children);
  if (in_place != NULL)
    {
      *out = g_ascii_strtod (in_place, NULL);
      return TRUE;
    }
  g_autofree char *value = limber_xml_attr (node, name);
  *out = g_ascii_strtod (value, NULL);
  return TRUE;
}
