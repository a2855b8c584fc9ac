/*
 * Reading XML that comes from someone else: rule sets and rule test cases.
 *
 * Both loaders follow one discipline, kept here so that it is written once:
 * any DOCTYPE is refused before libxml2 sees the document, parsing never
 * touches the network, loads no DTD and substitutes no entity, and schema
 * errors are collected one line each with the file, line and column.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

/* Refuses a DOCTYPE in the prolog of source.  `kinds` names the documents in
 * the plural for the message ("rule sets"), `root` the element a document
 * must start at ("ruleset").  FALSE with a LIMBER_ERROR_UNSAFE error naming
 * the line and column of the DOCTYPE. */
gboolean limber_xml_refuse_doctype (const char *name, const char *source, gsize length, const char *kinds,
                                    const char *root, GError **error);

/* Refuses a DOCTYPE, then parses with no network, no DTD loading and no
 * entity substitution.  `expected` ends the not-well-formed message ("a
 * limber rule set (see rules/limber-ruleset.xsd)").  NULL with a
 * LIMBER_ERROR_UNSAFE or LIMBER_ERROR_PARSE error on failure; free the
 * document with xmlFreeDoc(). */
xmlDoc *limber_xml_parse_safely (const char *name, const char *source, gsize length, const char *kinds,
                                 const char *root, const char *expected, GError **error);

/* The schema stored in the library's GResource at `resource` (a string that
 * lives forever, such as a literal), compiled on first use and shared from
 * then on.  The schemas are ours and compiled in, so a failure to compile is
 * a build bug and aborts. */
xmlSchemaPtr limber_xml_schema (const char *resource);

/* Validates doc against schema.  On failure, a LIMBER_ERROR_SCHEMA error with
 * one "NAME:LINE:COLUMN: message" line per problem (libxml2's own words,
 * which name the element, what was wrong and what was expected), or
 * "NAME: fallback" when libxml2 gave no detail. */
gboolean limber_xml_validate (xmlSchemaPtr schema, xmlDoc *doc, const char *name, const char *source, gsize length,
                              const char *fallback, GError **error);

/* Reading a validated tree: an attribute's value (newly allocated), or NULL
 * when absent; a numeric attribute (schema-checked, so no error is left to
 * report), FALSE when absent. */
char *limber_xml_attr (xmlNode *node, const char *name);
/* An element's text with runs of white space folded to one space and none
 * at either end (newly allocated): authors wrap long texts over several
 * lines, people read them as one.  Rule sets, their translations and test
 * cases all read text this way, so a translation's fingerprint is taken of
 * the same English a plan shows. */
char *limber_xml_text (xmlNode *node);
gboolean limber_xml_attr_double (xmlNode *node, const char *name, double *out);
