/*
 * Writing a json-glib tree as text, the same way for every JSON limber
 * prints.  json-glib's own generator writes every double with 17 significant
 * digits (0.35 becomes 0.34999999999999998) and -0 as "-0.0"; plans and rule
 * set descriptions are read by people and compared byte for byte, so numbers
 * go through limber_number_format() instead.  Keys keep insertion order.
 */
#pragma once

#include <json-glib/json-glib.h>

/* unsigned_node (may be NULL): the one integer node to print as unsigned
 * (json-glib integers are signed; a 64-bit seed is not). */
char *limber_json_write (JsonNode *root, const JsonNode *unsigned_node, gboolean pretty);

/* Building trees: members that print the same way in every JSON limber writes. */
void limber_json_add_string (JsonBuilder *b, const char *member, const char *value_or_null);
/* The version of the layout of every JSON document limber writes (plans,
 * describe, coverage, audit, simulation), its first member
 * "format_version": raised when a member changes meaning or goes away, not
 * when one is added. */
#define LIMBER_JSON_FORMAT_VERSION 1
void limber_json_add_format_version (JsonBuilder *b);
/* "ruleset": {"id", "version", "sha256"}: which rule set a report is of. */
void limber_json_add_ruleset_ref (JsonBuilder *b, const char *id, const char *version, const char *sha256);
/* A report's first members, the same in every report (coverage, audit,
 * simulation): the format version, then which rule set it is of. */
void limber_json_add_report_head (JsonBuilder *b, const char *id, const char *version, const char *sha256);
/* a number rounded to decimals places (negative: as is); whole numbers become integers */
void limber_json_add_number (JsonBuilder *b, const char *member, double value, int decimals);
void limber_json_add_number_value (JsonBuilder *b, double value, int decimals);
void limber_json_add_int (JsonBuilder *b, const char *member, gint64 value);
void limber_json_add_bool (JsonBuilder *b, const char *member, gboolean value);
void limber_json_add_strv (JsonBuilder *b, const char *member, char **strv);
void limber_json_add_strings (JsonBuilder *b, const char *member, const GPtrArray *strings);
