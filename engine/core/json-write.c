#include "json-write.h"

#include <math.h>

#include "json-out.h"
#include "number-format.h"

typedef struct {
  GString *out;
  const JsonNode *unsigned_node; /* the seed */
} Writer;

static void
write_value (Writer *w, JsonNode *node)
{
  GString *out = w->out;
  char buf[LIMBER_NUMBER_BUF_SIZE];
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      if (node == w->unsigned_node)
        g_string_append_len (out, buf, (gssize) limber_number_print_uint (buf, (guint64) json_node_get_int (node)));
      else
        g_string_append_len (out, buf, (gssize) limber_number_print_int (buf, json_node_get_int (node)));
      break;
    case G_TYPE_DOUBLE:
      /* JSON has no NaN or infinity */
      if (isfinite (json_node_get_double (node)))
        g_string_append (out, limber_number_format (buf, json_node_get_double (node), -1));
      else
        g_string_append (out, "null");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      limber_json_out_quote (out, json_node_get_string (node));
    }
}

/* depth < 0: compact, on one line */
static void
write_break (GString *out, int depth)
{
  if (depth < 0)
    return;
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void write_node (Writer *w, JsonNode *node, int depth);

static void
write_object (Writer *w, JsonObject *object, int depth)
{
  GString *out = w->out;
  int inner = depth < 0 ? depth : depth + 1;
  g_autoptr (GList) members = json_object_get_members (object);
  g_string_append_c (out, '{');
  for (GList *m = members; m; m = m->next)
    {
      write_break (out, inner);
      limber_json_out_quote (out, m->data);
      g_string_append (out, depth < 0 ? ":" : ": ");
      write_node (w, json_object_get_member (object, m->data), inner);
      if (m->next)
        g_string_append_c (out, ',');
    }
  if (members)
    write_break (out, depth);
  g_string_append_c (out, '}');
}

static void
write_array (Writer *w, JsonArray *array, int depth)
{
  GString *out = w->out;
  int inner = depth < 0 ? depth : depth + 1;
  guint n = json_array_get_length (array);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      write_break (out, inner);
      write_node (w, json_array_get_element (array, i), inner);
      if (i + 1 < n)
        g_string_append_c (out, ',');
    }
  if (n > 0)
    write_break (out, depth);
  g_string_append_c (out, ']');
}

static void
write_node (Writer *w, JsonNode *node, int depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (w, json_node_get_object (node), depth);
      break;
    case JSON_NODE_ARRAY:
      write_array (w, json_node_get_array (node), depth);
      break;
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;
    case JSON_NODE_VALUE:
      write_value (w, node);
      break;
    }
}

char *
limber_json_write (JsonNode *root, const JsonNode *unsigned_node, gboolean pretty)
{
  Writer w = { g_string_new (NULL), unsigned_node };
  write_node (&w, root, pretty ? 0 : -1);
  return g_string_free (w.out, FALSE);
}

/* ---- building trees ------------------------------------------------------ */

void
limber_json_add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
limber_json_add_number_value (JsonBuilder *b, double value, int decimals)
{
  double v = limber_number_round (value, decimals);
  /* whole numbers become integers, so that readers see 45 and not 45.0 */
  if (isfinite (v) && v == nearbyint (v) && fabs (v) < 9007199254740992.0)
    json_builder_add_int_value (b, (gint64) v);
  else
    json_builder_add_double_value (b, v);
}

void
limber_json_add_number (JsonBuilder *b, const char *member, double value, int decimals)
{
  json_builder_set_member_name (b, member);
  limber_json_add_number_value (b, value, decimals);
}

void
limber_json_add_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

void
limber_json_add_bool (JsonBuilder *b, const char *member, gboolean value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

void
limber_json_add_strv (JsonBuilder *b, const char *member, char **strv)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (char **p = strv; p && *p; p++)
    json_builder_add_string_value (b, *p);
  json_builder_end_array (b);
}

void
limber_json_add_strings (JsonBuilder *b, const char *member, const GPtrArray *strings)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (strings, i));
  json_builder_end_array (b);
}

void
limber_json_add_format_version (JsonBuilder *b)
{
  limber_json_add_int (b, "format_version", LIMBER_JSON_FORMAT_VERSION);
}

void
limber_json_add_ruleset_ref (JsonBuilder *b, const char *id, const char *version, const char *sha256)
{
  json_builder_set_member_name (b, "ruleset");
  json_builder_begin_object (b);
  limber_json_add_string (b, "id", id);
  limber_json_add_string (b, "version", version);
  limber_json_add_string (b, "sha256", sha256);
  json_builder_end_object (b);
}

void
limber_json_add_report_head (JsonBuilder *b, const char *id, const char *version, const char *sha256)
{
  limber_json_add_format_version (b);
  limber_json_add_ruleset_ref (b, id, version, sha256);
}
