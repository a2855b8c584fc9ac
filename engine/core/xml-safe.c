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
#include "resources.h"
#include "ruleset-private.h"

typedef struct {
  const char *name;
  const char *source;
  gsize length;
  LimberReport *report;
} Collector;

/* One schema problem: its line of the message, and its record.  libxml2
 * writes "Element 'x', attribute 'y': what"; the element (and attribute) is
 * the record's field, the rest its message. */
static void
append_error (LimberReport *report, const char *name, int line, int column, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *full = line > 0 ? g_strdup_printf ("%s:%d:%d: %s", name, line, MAX (column, 1), trimmed)
                                   : g_strdup_printf ("%s: %s", name, trimmed);
  g_autofree char *field = NULL;
  const char *message = trimmed;
  const char *end = g_str_has_prefix (trimmed, "Element '") ? strstr (trimmed, "': ") : NULL;
  if (end != NULL)
    {
      field = g_strndup (trimmed, (gsize) (end + 1 - trimmed));
      message = end + 3;
    }
  limber_report_add (report, full, name, line > 0 ? (unsigned) line : 0, line > 0 ? (unsigned) MAX (column, 1) : 0,
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
  append_error (C->report, C->name, err->line, column, err->message ? err->message : "unknown XML error");
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
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
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
        limber_error_add_problem (*error, name, (unsigned) MAX (line, 0), (unsigned) MAX (column, 1), NULL, message,
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
    append_error (report, name, 0, 0, fallback);
  limber_report_set_error (report, error, LIMBER_ERROR_SCHEMA);
  return FALSE;
}

char *
limber_xml_attr (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

gboolean
limber_xml_attr_double (xmlNode *node, const char *name, double *out)
{
  g_autofree char *value = limber_xml_attr (node, name);
  if (value == NULL)
    return FALSE;
  *out = g_ascii_strtod (value, NULL);
  return TRUE;
}
