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
