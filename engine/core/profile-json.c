/*
 * Reading a profile from JSON, and from a file in either format.
 *
 * json-glib 1.6 parses well but keeps no positions, lets a repeated key
 * silently replace the first, reads integers beyond 64 bits as -1 and
 * recurses without bound on nesting (a few hundred thousand '[' crash it).
 * So a small scanner reads the text first: it refuses nesting deeper than
 * any profile needs, records where every member and element is by the path
 * messages print ("history[2].date"), reports repeated keys, and keeps each
 * number's text as written.  The loader then checks JSON types and shapes
 * only, builds the profile through the setters, and leaves every range and
 * id to limber_profile_check(), placing its problems by their paths.
 */
#include "profile-private.h"
#include "ruleset-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "limber/autocleanups.h"
#include "limber/error.h"
#include "error-private.h"
#include "suggest.h"
#include "read-limit.h"

/* A profile is three levels deep; anything far deeper is not one. */
#define MAX_DEPTH 32

typedef struct {
  LimberProfilePos pos;  /* first: profile.c reads the table as LimberProfilePos */
  const char *token;     /* a scalar's text as written */
  gsize token_length;
} JsonPos;

/* ---- the position scanner ------------------------------------------------ */

typedef struct {
  const char *p, *end;
  int line;
  int column;
  GHashTable *positions;  /* path -> JsonPos */
  GPtrArray *problems;
  gboolean too_deep;
  int deep_line, deep_column;
} Scanner;

/* The column of S->p, in characters as editors count them (UTF-8
 * continuation bytes do not start a column).  Kept as the scanner moves:
 * counting from the line's start for every value would be quadratic on the
 * one-line documents programs write. */
static int
column_here (const Scanner *S)
{
  return S->column;
}

static void
advance (Scanner *S)
{
  if (*S->p == '\n')
    {
      S->line++;
      S->column = 1;
    }
  else if (((unsigned char) *S->p & 0xC0) != 0x80)
    S->column++;
  S->p++;
}

static void
skip_blank (Scanner *S)
{
  while (S->p < S->end && g_ascii_isspace (*S->p))
    advance (S);
}

static void
append_unichar (GString *out, gunichar c)
{
  char buf[6];
  g_string_append_len (out, buf, g_unichar_to_utf8 (c, buf));
}

static int
hex4 (const char *p, const char *end)
{
  if (end - p < 4)
    return -1;
  int v = 0;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* A string at S->p (json-glib also takes single quotes), decoded the way
 * json-glib decodes keys, so that paths match the members it reports. */
static char *
read_string (Scanner *S)
{
  char quote = *S->p;
  advance (S);
  GString *out = g_string_new (NULL);
  while (S->p < S->end && *S->p != quote)
    {
      if (*S->p != '\\' || S->end - S->p < 2)
        {
          g_string_append_c (out, *S->p);
          advance (S);
          continue;
        }
      advance (S);
      char e = *S->p;
      advance (S);
      switch (e)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          {
            int c = hex4 (S->p, S->end);
            if (c < 0)
              break;
            S->p += 4;
            if (c >= 0xD800 && c < 0xDC00 && S->end - S->p >= 6 && S->p[0] == '\\' && S->p[1] == 'u')
              {
                int low = hex4 (S->p + 2, S->end);
                if (low >= 0xDC00 && low < 0xE000)
                  {
                    S->p += 6;
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                  }
              }
            append_unichar (out, (gunichar) c);
            break;
          }
        default: g_string_append_c (out, e); break;
        }
    }
  if (S->p < S->end)
    advance (S);
  return g_string_free (out, FALSE);
}

static void scan_value (Scanner *S, const char *path, JsonPos *pos, int depth);

static JsonPos *
register_path (Scanner *S, const char *path, int key_line, int key_column)
{
  JsonPos *pos = g_new0 (JsonPos, 1);
  pos->pos.key_line = key_line;
  pos->pos.key_column = key_column;
  /* a repeated key replaces the first, as in json-glib: the problem found
   * in its value is at the last one */
  g_hash_table_replace (S->positions, g_strdup (path), pos);
  return pos;
}

static void
scan_object (Scanner *S, const char *path, int depth)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  advance (S);
  while (S->p < S->end)
    {
      skip_blank (S);
      if (S->p >= S->end)
        return;
      char c = *S->p;
      if (c == '}')
        {
          advance (S);
          return;
        }
      if (c != '"' && c != '\'')
        {
          /* json-glib refused anything else already; just move on */
          advance (S);
          continue;
        }
      int key_line = S->line, key_column = column_here (S);
      g_autofree char *key = read_string (S);
      g_autofree char *child = *path ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
      gpointer first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        {
          LimberProfileProblem *p = limber_profile_problem_add (
            S->problems, LIMBER_PROBLEM_DUPLICATE, child, TRUE, "given twice (first on line %d); expected each key once",
            GPOINTER_TO_INT (first));
          p->line = key_line;
          p->column = key_column;
        }
      else
        g_hash_table_insert (seen, g_strdup (key), GINT_TO_POINTER (key_line));
      skip_blank (S);
      if (S->p < S->end && *S->p == ':')
        advance (S);
      JsonPos *pos = register_path (S, child, key_line, key_column);
      scan_value (S, child, pos, depth + 1);
    }
}

static void
scan_array (Scanner *S, const char *path, int depth)
{
  advance (S);
  for (guint i = 0; S->p < S->end;)
    {
      skip_blank (S);
      if (S->p >= S->end)
        return;
      if (*S->p == ']')
        {
          advance (S);
          return;
        }
      if (*S->p == ',')
        {
          advance (S);
          continue;
        }
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, i++);
      JsonPos *pos = register_path (S, child, 0, 0);
      scan_value (S, child, pos, depth + 1);
    }
}

static void
scan_value (Scanner *S, const char *path, JsonPos *pos, int depth)
{
  skip_blank (S);
  if (S->p >= S->end)
    return;
  pos->pos.line = S->line;
  pos->pos.column = column_here (S);
  if (pos->pos.key_line == 0)
    {
      pos->pos.key_line = pos->pos.line;
      pos->pos.key_column = pos->pos.column;
    }
  char c = *S->p;
  if ((c == '{' || c == '[') && depth >= MAX_DEPTH)
    {
      S->too_deep = TRUE;
      S->deep_line = pos->pos.line;
      S->deep_column = pos->pos.column;
      S->p = S->end;
    }
  else if (c == '{')
    scan_object (S, path, depth);
  else if (c == '[')
    scan_array (S, path, depth);
  else if (c == '"' || c == '\'')
    g_free (read_string (S));
  else
    {
      const char *start = S->p;
      while (S->p < S->end && !g_ascii_isspace (*S->p) && !strchr (",:]}", *S->p))
        advance (S);
      if (S->p == start)
        advance (S);  /* a stray ':' or ',': never stand still */
      else
        {
          pos->token = start;
          pos->token_length = (gsize) (S->p - start);
        }
    }
}

/* ---- reading the tree ------------------------------------------------------ */

typedef struct {
  const LimberRuleset *rs;
  GHashTable *positions;
  GPtrArray *problems;
  LimberProfile *profile;
  gboolean skipped;  /* an element of a list was left out of the profile */
} Reader;

static char *
join_path (const char *path, const char *member)
{
  return g_strconcat (path, ".", member, NULL);
}

static gboolean
is_number (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  GType type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
is_type (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* "what is wrong" for a value of the wrong JSON type. */
static char *
describe (Reader *R, const char *field, JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup ("the value is an object");
    case JSON_NODE_ARRAY:
      return g_strdup ("the value is an array");
    case JSON_NODE_NULL:
      return g_strdup ("the value is null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  if (is_type (node, G_TYPE_STRING))
    {
      g_autofree char *quoted = limber_profile_quote (json_node_get_string (node));
      return g_strdup_printf ("%s is a string", quoted);
    }
  if (is_type (node, G_TYPE_BOOLEAN))
    return g_strdup_printf ("%s is a boolean", json_node_get_boolean (node) ? "true" : "false");
  const JsonPos *pos = g_hash_table_lookup (R->positions, field);
  if (pos != NULL && pos->token != NULL)
    return g_strdup_printf ("%.*s is a number", (int) MIN (pos->token_length, 40), pos->token);
  g_autofree char *text = limber_profile_number_text (json_node_get_double (node));
  return g_strdup_printf ("%s is a number", text);
}

static void
wrong_type (Reader *R, const char *field, JsonNode *node, const char *expected)
{
  g_autofree char *what = describe (R, field, node);
  limber_profile_problem_add (R->problems, LIMBER_PROBLEM_WRONG_TYPE, field, FALSE, "%s; expected %s", what, expected);
}

static void
missing (Reader *R, const char *field, const char *expected)
{
  limber_profile_problem_add (R->problems, LIMBER_PROBLEM_MISSING_FIELD, field, FALSE,
                              "missing; expected %s", expected);
}

static gboolean
read_number (Reader *R, const char *field, JsonNode *node, double *out)
{
  if (!is_number (node))
    {
      wrong_type (R, field, node, "a number");
      return FALSE;
    }
  *out = json_node_get_double (node);
  /* json-glib reads 99999999999999999999 as -1: read the number as written */
  const JsonPos *pos = g_hash_table_lookup (R->positions, field);
  if (pos != NULL && pos->token != NULL)
    {
      g_autofree char *text = g_strndup (pos->token, pos->token_length);
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);
      if (end != text && *end == '\0')
        *out = v;
    }
  return TRUE;
}

/* A number the setters hold in an unsigned: its range is checked before it
 * is stored, by the same check validation uses. */
static gboolean
read_unsigned (Reader *R, const char *field, JsonNode *node, unsigned *out)
{
  double v;
  if (!read_number (R, field, node, &v) || !limber_profile_check_number (field, v, R->problems))
    return FALSE;
  *out = (unsigned) v;
  return TRUE;
}

static const char *
read_string_member (Reader *R, const char *field, JsonNode *node, const char *expected)
{
  if (!is_type (node, G_TYPE_STRING))
    {
      wrong_type (R, field, node, expected);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
read_bool (Reader *R, const char *field, JsonNode *node, gboolean *out)
{
  if (!is_type (node, G_TYPE_BOOLEAN))
    {
      wrong_type (R, field, node, "true or false");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* The object at node, or NULL after reporting it; unknown keys are reported
 * too, with every key the object may hold. */
static JsonObject *
read_object (Reader *R, const char *path, JsonNode *node, const char *const *known)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (R, *path ? path : "profile", node, "an object");
      return NULL;
    }
  JsonObject *object = json_node_get_object (node);
  GList *members = json_object_get_members (object);
  for (GList *m = members; m; m = m->next)
    if (!g_strv_contains (known, m->data))
      {
        g_autofree char *field = *path ? join_path (path, m->data) : g_strdup (m->data);
        g_autofree char *keys = g_strjoinv (", ", (char **) known);
        g_autofree char *hint = limber_suggest_hint (limber_suggest_among (m->data, (const char *const *) known, -1));
        limber_profile_problem_add (R->problems, LIMBER_PROBLEM_UNKNOWN_KEY, field, TRUE,
                                    "unknown key; expected one of %s%s",
                                    keys, hint);
      }
  g_list_free (members);
  return object;
}

static JsonArray *
read_array (Reader *R, const char *field, JsonNode *node, const char *expected)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (R, field, node, expected);
      return NULL;
    }
  return json_node_get_array (node);
}

/* The strings of an array, NULL-terminated, or NULL after reporting.
 * item: what each string is ("an equipment id"). */
static char **
read_strings (Reader *R, const char *field, JsonNode *node, const char *item)
{
  g_autofree char *expected = g_strdup_printf ("an array of strings, each %s", item);
  JsonArray *array = read_array (R, field, node, expected);
  if (array == NULL)
    return NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", field, i);
      const char *s = read_string_member (R, element, json_array_get_element (array, i), item);
      ok = ok && s != NULL;
      if (s != NULL)
        g_ptr_array_add (out, g_strdup (s));
    }
  if (!ok)
    return NULL;
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static void
read_constraints (Reader *R, JsonNode *node)
{
  static const char *const known[] = { "no_floor", "equipment", "avoid_regions", NULL };
  JsonObject *object = read_object (R, "constraints", node, known);
  if (object == NULL)
    return;
  JsonNode *n;
  gboolean no_floor;
  if ((n = json_object_get_member (object, "no_floor")) && read_bool (R, "constraints.no_floor", n, &no_floor))
    limber_profile_set_no_floor (R->profile, no_floor);
  if ((n = json_object_get_member (object, "equipment")))
    {
      g_auto (GStrv) equipment = read_strings (R, "constraints.equipment", n, "an equipment id");
      if (equipment != NULL)
        limber_profile_set_equipment (R->profile, (const char *const *) equipment);
    }
  if ((n = json_object_get_member (object, "avoid_regions")))
    {
      g_auto (GStrv) regions = read_strings (R, "constraints.avoid_regions", n, "a region id");
      for (char **r = regions; r && *r; r++)
        limber_profile_add_avoid_region (R->profile, *r);
    }
}

static void
read_answers (Reader *R, JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (R, "answers", node, "an object of question ids and answers");
      return;
    }
  JsonObject *object = json_node_get_object (node);
  /* the members in the order written, which is the order kept */
  GList *members = json_object_get_members (object);
  for (GList *m = members; m; m = m->next)
    {
      const char *question = m->data;
      g_autofree char *field = join_path ("answers", question);
      JsonNode *value = json_object_get_member (object, question);
      double number;
      if (is_type (value, G_TYPE_BOOLEAN))
        limber_profile_set_answer_bool (R->profile, question, json_node_get_boolean (value));
      else if (is_type (value, G_TYPE_STRING))
        limber_profile_set_answer_choice (R->profile, question, json_node_get_string (value));
      else if (is_number (value) && read_number (R, field, value, &number))
        limber_profile_set_answer_number (R->profile, question, number);
      else
        wrong_type (R, field, value, "true or false, a number or a choice id");
    }
  g_list_free (members);
}

static void
read_scan (Reader *R, JsonNode *node)
{
  static const char *const known[] = { "measure", "left", "right", "value", NULL };
  JsonArray *array = read_array (R, "scan", node, "an array of measurements");
  if (array == NULL)
    return;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("scan[%u]", i);
      JsonObject *object = read_object (R, path, json_array_get_element (array, i), known);
      if (object == NULL)
        {
          R->skipped = TRUE;
          continue;
        }
      g_autofree char *measure_field = join_path (path, "measure");
      g_autofree char *left_field = join_path (path, "left");
      g_autofree char *right_field = join_path (path, "right");
      g_autofree char *value_field = join_path (path, "value");
      JsonNode *n;
      const char *measure = NULL;
      if ((n = json_object_get_member (object, "measure")))
        measure = read_string_member (R, measure_field, n, "a measure id");
      else
        missing (R, measure_field, "a measure id");
      JsonNode *left = json_object_get_member (object, "left");
      JsonNode *right = json_object_get_member (object, "right");
      JsonNode *value = json_object_get_member (object, "value");
      double l = 0, r = 0, v = 0;
      gboolean ok = measure != NULL;
      if (value != NULL && (left != NULL || right != NULL))
        {
          limber_profile_problem_add (R->problems, LIMBER_PROBLEM_CONFLICT, value_field, FALSE,
                                      "given with left or right; expected value alone (an unsided measure) or "
                                      "left and right (a sided one)");
          ok = FALSE;
        }
      else if (value != NULL)
        ok = read_number (R, value_field, value, &v) && ok;
      else if (left == NULL && right == NULL)
        {
          missing (R, path, "left and right (a sided measure) or value (an unsided one)");
          ok = FALSE;
        }
      else
        {
          if (left == NULL)
            missing (R, left_field, "a number, with right");
          if (right == NULL)
            missing (R, right_field, "a number, with left");
          ok = left != NULL && right != NULL && read_number (R, left_field, left, &l)
               && read_number (R, right_field, right, &r) && ok;
        }
      if (measure != NULL)
        {
          gpointer first = g_hash_table_lookup (seen, measure);
          if (first != NULL)
            {
              g_autofree char *quoted = limber_profile_quote (measure);
              limber_profile_problem_add (R->problems, LIMBER_PROBLEM_DUPLICATE, measure_field, FALSE,
                                          "%s is given twice (first in scan[%d]); expected each measure once", quoted,
                                          GPOINTER_TO_INT (first) - 1);
              ok = FALSE;
            }
          else
            g_hash_table_insert (seen, g_strdup (measure), GINT_TO_POINTER ((int) i + 1));
        }
      if (!ok)
        {
          R->skipped = TRUE;
          continue;
        }
      if (value != NULL)
        limber_profile_set_measure_value (R->profile, measure, v);
      else
        limber_profile_set_measure (R->profile, measure, l, r);
    }
}

/* A required string member of an element of history or rescans. */
static const char *
required_string (Reader *R, JsonObject *object, const char *path, const char *member, const char *expected)
{
  g_autofree char *field = join_path (path, member);
  JsonNode *n = json_object_get_member (object, member);
  if (n == NULL)
    {
      missing (R, field, expected);
      return NULL;
    }
  return read_string_member (R, field, n, expected);
}

static gboolean
required_number (Reader *R, JsonObject *object, const char *path, const char *member, double *out)
{
  g_autofree char *field = join_path (path, member);
  JsonNode *n = json_object_get_member (object, member);
  if (n == NULL)
    {
      missing (R, field, "a number");
      return FALSE;
    }
  return read_number (R, field, n, out);
}

static void
read_history (Reader *R, JsonNode *node)
{
  static const char *const known[] = { "date", "exercise", "completed", "sets", "reps", "hold_s",
                                       "duration_s", "discomfort", "discomfort_next_day", NULL };
  JsonArray *array = read_array (R, "history", node, "an array of sessions");
  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("history[%u]", i);
      JsonObject *object = read_object (R, path, json_array_get_element (array, i), known);
      if (object == NULL)
        {
          R->skipped = TRUE;
          continue;
        }
      LimberSession s = { 0 };
      s.discomfort = s.discomfort_next_day = -1;
      s.date = required_string (R, object, path, "date", "a date as YYYY-MM-DD");
      s.exercise = required_string (R, object, path, "exercise", "an exercise id");
      gboolean ok = s.date != NULL && s.exercise != NULL;

      g_autofree char *completed_field = join_path (path, "completed");
      JsonNode *n = json_object_get_member (object, "completed");
      if (n == NULL)
        {
          missing (R, completed_field, "true or false");
          ok = FALSE;
        }
      else
        ok = read_bool (R, completed_field, n, &s.completed) && ok;

      static const char *const counts[] = { "sets", "reps" };
      unsigned *count_out[] = { &s.sets, &s.reps };
      for (gsize k = 0; k < G_N_ELEMENTS (counts); k++)
        if ((n = json_object_get_member (object, counts[k])))
          {
            g_autofree char *field = join_path (path, counts[k]);
            ok = read_unsigned (R, field, n, count_out[k]) && ok;
          }

      static const char *const reals[] = { "hold_s", "duration_s", "discomfort", "discomfort_next_day" };
      double *real_out[] = { &s.hold_s, &s.duration_s, &s.discomfort, &s.discomfort_next_day };
      for (gsize k = 0; k < G_N_ELEMENTS (reals); k++)
        if ((n = json_object_get_member (object, reals[k])))
          {
            g_autofree char *field = join_path (path, reals[k]);
            /* null says "not reported" out loud; only discomfort has that */
            if (k >= 2 && JSON_NODE_HOLDS_NULL (n))
              continue;
            ok = read_number (R, field, n, real_out[k]) && ok;
          }
      if (ok)
        limber_profile_add_session (R->profile, &s);
      else
        R->skipped = TRUE;
    }
}

static void
read_rescans (Reader *R, JsonNode *node)
{
  static const char *const known[] = { "date", "measure", "left", "right", NULL };
  JsonArray *array = read_array (R, "rescans", node, "an array of re-scans");
  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("rescans[%u]", i);
      JsonObject *object = read_object (R, path, json_array_get_element (array, i), known);
      if (object == NULL)
        {
          R->skipped = TRUE;
          continue;
        }
      const char *date = required_string (R, object, path, "date", "a date as YYYY-MM-DD");
      const char *measure = required_string (R, object, path, "measure", "a measure id");
      double left = 0, right = 0;
      gboolean have_left = required_number (R, object, path, "left", &left);
      gboolean have_right = required_number (R, object, path, "right", &right);
      if (date != NULL && measure != NULL && have_left && have_right)
        limber_profile_add_rescan (R->profile, date, measure, left, right);
      else
        R->skipped = TRUE;
    }
}

static void
read_profile (Reader *R, JsonNode *root)
{
  static const char *const known[] = { "name", "age", "goal", "minutes_per_day", "days_per_week", "constraints",
                                       "answers", "scan", "history", "rescans", "$schema", NULL };
  JsonObject *object = read_object (R, "", root, known);
  if (object == NULL)
    return;
  JsonNode *n;
  /* "$schema" names the schema an editor checks the document with: a
   * string, read and set aside */
  if ((n = json_object_get_member (object, "$schema")))
    read_string_member (R, "$schema", n, "a string (the address of a JSON schema)");
  if ((n = json_object_get_member (object, "name")))
    {
      const char *name = read_string_member (R, "name", n, "a string (the person's name)");
      if (name != NULL)
        limber_profile_set_name (R->profile, name);
    }
  unsigned u;
  double d;
  if ((n = json_object_get_member (object, "age")) && read_unsigned (R, "age", n, &u))
    limber_profile_set_age (R->profile, u);
  if ((n = json_object_get_member (object, "goal")))
    {
      const char *name = read_string_member (R, "goal", n, "a goal name");
      LimberGoal goal;
      if (name != NULL && limber_profile_check_goal_name (R->rs, name, &goal, R->problems))
        limber_profile_set_goal (R->profile, goal);
    }
  if ((n = json_object_get_member (object, "minutes_per_day")) && read_number (R, "minutes_per_day", n, &d))
    limber_profile_set_minutes_per_day (R->profile, d);
  if ((n = json_object_get_member (object, "days_per_week")) && read_unsigned (R, "days_per_week", n, &u))
    limber_profile_set_days_per_week (R->profile, u);
  if ((n = json_object_get_member (object, "constraints")))
    read_constraints (R, n);
  if ((n = json_object_get_member (object, "answers")))
    read_answers (R, n);
  if ((n = json_object_get_member (object, "scan")))
    read_scan (R, n);
  if ((n = json_object_get_member (object, "history")))
    read_history (R, n);
  if ((n = json_object_get_member (object, "rescans")))
    read_rescans (R, n);
}

/* A problem with the whole document ("what; expected what"), placed when
 * line is known: the message, and its record (limber/error.h) without a
 * field. */
static void
document_error (GError **error, const char *name, unsigned line, unsigned column, const char *what)
{
  if (line > 0)
    g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:%u:%u: %s", name, line, column, what);
  else
    g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %s", name, what);
  if (error != NULL)
    limber_error_add_problem (*error, LIMBER_PROBLEM_JSON_SYNTAX, name, line, column, NULL, what, (*error)->message);
}

#define NOT_A_PROFILE "expected a limber profile (see docs/profile-format.md)"

/* json-glib says "<data>:LINE:COL: Parse error: WHAT"; keep its place and
 * words under the document's own name. */
static void
parse_error (const char *name, const GError *json_error, GError **error)
{
  const char *msg = json_error->message;
  const char *p = g_str_has_prefix (msg, "<data>:") ? msg + strlen ("<data>:") : NULL;
  char *end = NULL;
  long line = p ? strtol (p, &end, 10) : 0;
  long column = (end && *end == ':') ? strtol (end + 1, &end, 10) : 0;
  gboolean placed = line > 0 && column > 0 && end && g_str_has_prefix (end, ": ");
  const char *what = placed ? end + 2 : msg;
  if (placed && g_str_has_prefix (what, "Parse error: "))
    what += strlen ("Parse error: ");
  g_autofree char *text = g_strdup_printf ("not well-formed JSON: %s; " NOT_A_PROFILE, what);
  document_error (error, name, placed ? (unsigned) line : 0, placed ? (unsigned) column : 0, text);
}

LimberProfile *
limber_profile_new_from_json (const LimberRuleset *ruleset, const char *data, gssize length, const char *name,
                              GError **error)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  /* documents programs write take the fast path; anything it would have to
   * explain comes here, where every member's place is known */
  LimberProfile *fast = limber_profile_read_json_fast (ruleset, data, size);
  if (fast != NULL)
    return fast;
  return limber_profile_read_json_full (ruleset, data, size, name, error);
}

LimberProfile *
limber_profile_read_json_full (const LimberRuleset *ruleset, const char *data, gsize size, const char *name,
                               GError **error)
{
  if (name == NULL)
    name = "<memory>";
  /* lines end at CR LF and a lone CR too (read-limit.h) */
  g_autofree char *unified = limber_unify_newlines (data, &size);
  if (unified != NULL)
    data = unified;

  g_autoptr (GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) problems = limber_profile_problems_new ();
  /* json-glib skips a byte-order mark; so does the scanner, and editors do
   * not count it as a column */
  const char *start = size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? data + 3 : data;
  Scanner S = { start, data + size, 1, 1, positions, problems, FALSE, 0, 0 };
  JsonPos *root_pos = register_path (&S, "", 0, 0);
  scan_value (&S, "", root_pos, 0);
  if (S.too_deep)
    {
      g_autofree char *what = g_strdup_printf ("nested more than %d levels deep; " NOT_A_PROFILE, MAX_DEPTH);
      document_error (error, name, (unsigned) S.deep_line, (unsigned) S.deep_column, what);
      return NULL;
    }

  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) json_error = NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) size, &json_error))
    {
      parse_error (name, json_error, error);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL)
    {
      document_error (error, name, 0, 0,
                      "empty document; expected a limber profile, a JSON object (see docs/profile-format.md)");
      return NULL;
    }

  g_autoptr (LimberProfile) profile = limber_profile_new ();
  Reader R = { ruleset, positions, problems, profile, FALSE };
  read_profile (&R, root);
  /* a field of the wrong type or shape keeps its default, so the checks can
   * still run and every problem be reported at once; unless an element of a
   * list was left out: then the indexes the checks name ("history[3]") are
   * no longer the document's */
  if (!R.skipped)
    limber_profile_check (profile, ruleset, problems);
  if (problems->len > 0)
    {
      limber_profile_problems_to_error (problems, name, positions, error);
      return NULL;
    }
  limber_profile_mark_checked (profile, ruleset);
  return g_steal_pointer (&profile);
}

/* ---- files ------------------------------------------------------------------- */

LimberProfile *
limber_profile_new_from_file (const LimberRuleset *ruleset, const char *path, GError **error)
{
  return limber_profile_new_from_file_bounded (ruleset, path, LIMBER_PROFILE_MAX_BYTES_DEFAULT, error);
}

LimberProfile *
limber_profile_new_from_file_bounded (const LimberRuleset *ruleset, const char *path, gsize max_bytes,
                                      GError **error)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_bytes > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* standard input cannot be sized beforehand, and a file may be a device:
   * both are read in chunks up to the limit (read-limit.c) */
  g_autofree char *data = NULL;
  gsize length = 0;
  if (!limber_read_bounded (path, max_bytes, "a JSON or XML profile",
                            "a larger limit is set with limber_profile_new_from_file_bounded() or "
                            "limber --max-profile-bytes",
                            &data, &length, error))
    return NULL;
  const char *name = g_str_equal (path, "-") ? "<stdin>" : path;

  /* the format by its first character: '<' opens XML, anything else is
   * read as JSON, whose parser then says what is wrong */
  const char *p = data, *end = data + length;
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p < end && *p == '<')
    return limber_profile_new_from_xml (ruleset, data, (gssize) length, name, error);
  return limber_profile_new_from_json (ruleset, data, (gssize) length, name, error);
}
