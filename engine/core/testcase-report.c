/*
 * Reporting test results: TAP version 13 for people and TAP consumers,
 * JUnit XML for CI servers.  Both carry, for each failure, the expected and
 * the actual value and the explanation trace, so a report alone is enough to
 * find the cause.
 */
#include "testcase-private.h"

#include <libxml/xmlwriter.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* A YAML double-quoted scalar: safe for any text. */
static void
yaml_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) (text ? text : ""); *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\x%02x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

/* TAP descriptions end at a '#' (a directive): keep names free of it. */
static void
tap_name (GString *out, const char *name)
{
  for (const char *p = name; *p; p++)
    g_string_append_c (out, *p == '#' || *p == '\n' ? ' ' : *p);
}

char *
limber_test_results_to_tap (const LimberTestResult *const *results, unsigned n)
{
  g_return_val_if_fail (results != NULL || n == 0, NULL);
  GString *out = g_string_new ("TAP version 13\n");
  g_string_append_printf (out, "1..%u\n", n);
  for (unsigned i = 0; i < n; i++)
    {
      const LimberTestResult *r = results[i];
      gboolean passed = limber_test_result_get_passed (r);
      g_string_append_printf (out, "%s %u - ", passed ? "ok" : "not ok", i + 1);
      tap_name (out, r->name);
      g_string_append_c (out, '\n');
      if (passed)
        continue;
      g_string_append (out, "  ---\n  file: ");
      yaml_string (out, r->file);
      g_string_append_printf (out, "\n  errored: %s\n  failures:\n", r->errored ? "true" : "false");
      for (guint k = 0; k < r->failures->len; k++)
        {
          const LimberTestFailure *f = g_ptr_array_index (r->failures, k);
          g_string_append_printf (out, "    - line: %d\n      message: ", f->line);
          yaml_string (out, f->message);
          g_string_append (out, "\n");
          if (f->line <= 0)
            continue; /* a case that did not run: the message is all there is */
          g_string_append (out, "      check: ");
          yaml_string (out, f->check);
          g_string_append (out, "\n      expected: ");
          yaml_string (out, f->expected);
          g_string_append (out, "\n      actual: ");
          yaml_string (out, f->actual);
          g_string_append (out, "\n");
          if (f->trace->len == 0)
            continue;
          g_string_append (out, "      why:\n");
          for (guint t = 0; t < f->trace->len; t++)
            {
              g_string_append (out, "        - ");
              yaml_string (out, g_ptr_array_index (f->trace, t));
              g_string_append_c (out, '\n');
            }
        }
      g_string_append (out, "  ...\n");
    }
  return g_string_free (out, FALSE);
}

/* The full text of a result's failures, for JUnit's failure body. */
static char *
failure_text (const LimberTestResult *r)
{
  GString *out = g_string_new (NULL);
  for (guint k = 0; k < r->failures->len; k++)
    {
      const LimberTestFailure *f = g_ptr_array_index (r->failures, k);
      g_string_append_printf (out, "%s\n", f->message);
      if (f->line > 0)
        g_string_append_printf (out, "  expected: %s\n  actual: %s\n", f->expected, f->actual);
      for (guint t = 0; t < f->trace->len; t++)
        g_string_append_printf (out, "  why: %s\n", (const char *) g_ptr_array_index (f->trace, t));
    }
  return g_string_free (out, FALSE);
}

static void
write_counts (xmlTextWriterPtr w, unsigned n, unsigned failures, unsigned errors)
{
  g_autofree char *tests = g_strdup_printf ("%u", n);
  g_autofree char *f = g_strdup_printf ("%u", failures);
  g_autofree char *e = g_strdup_printf ("%u", errors);
  xmlTextWriterWriteAttribute (w, BAD_CAST "tests", BAD_CAST tests);
  xmlTextWriterWriteAttribute (w, BAD_CAST "failures", BAD_CAST f);
  xmlTextWriterWriteAttribute (w, BAD_CAST "errors", BAD_CAST e);
}

char *
limber_test_results_to_junit (const LimberTestResult *const *results, unsigned n, const char *suite)
{
  g_return_val_if_fail (results != NULL || n == 0, NULL);
  const char *name = suite ? suite : "limber rules";
  unsigned failures = 0, errors = 0;
  for (unsigned i = 0; i < n; i++)
    {
      errors += results[i]->errored;
      failures += !results[i]->errored && results[i]->failures->len > 0;
    }
  g_autoptr (xmlBuffer) buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "testsuites");
  xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST name);
  write_counts (w, n, failures, errors);
  xmlTextWriterStartElement (w, BAD_CAST "testsuite");
  xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST name);
  write_counts (w, n, failures, errors);
  for (unsigned i = 0; i < n; i++)
    {
      const LimberTestResult *r = results[i];
      xmlTextWriterStartElement (w, BAD_CAST "testcase");
      xmlTextWriterWriteAttribute (w, BAD_CAST "classname", BAD_CAST name);
      xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST r->name);
      xmlTextWriterWriteAttribute (w, BAD_CAST "file", BAD_CAST r->file);
      if (r->failures->len > 0)
        {
          const LimberTestFailure *first = g_ptr_array_index (r->failures, 0);
          g_autofree char *text = failure_text (r);
          xmlTextWriterStartElement (w, BAD_CAST (r->errored ? "error" : "failure"));
          xmlTextWriterWriteAttribute (w, BAD_CAST "message", BAD_CAST first->message);
          xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST (r->errored ? "error" : "expectation"));
          xmlTextWriterWriteString (w, BAD_CAST text);
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  return g_strndup ((const char *) xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
}
