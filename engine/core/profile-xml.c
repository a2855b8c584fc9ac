/*
 * Reading a profile from XML (docs/profile-format.md).
 *
 * Parsed the way rule sets are: no network, no DTD, no entity substitution,
 * and any DOCTYPE refused before libxml2 sees it, because a profile often
 * comes from someone else's tool and a DTD is the door to entity expansion.
 * There is no schema: the elements and attributes are few, and checking
 * them by hand names an unknown one with its line instead of a schema's
 * generic complaint.  Values then go through the setters and
 * limber_profile_check(), exactly as JSON's do, and problems are reported
 * with the same field paths ("history[2].date" is the third <session>).
 */
#include "profile-private.h"
#include "ruleset-private.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "limber/autocleanups.h"
#include "limber/error.h"
#include "read-limit.h"
#include "suggest.h"
#include "xml-safe.h"

typedef struct {
  int line, column;
} Place;

typedef struct {
  const LimberRuleset *rs;
  GHashTable *places;     /* xmlNode* -> Place*, for every element */
  GHashTable *positions;  /* field path -> LimberProfilePos, for the checks' problems */
  GPtrArray *problems;
  LimberProfile *profile;
  gboolean skipped;       /* an element of a list was left out of the profile */
} Reader;

/* ---- safety ------------------------------------------------------------------ */

/* The place of byte offset at in source. */
static Place
place_of (const char *source, const char *at)
{
  Place place = { 1, 1 };
  for (const char *q = source; q < at; q++)
    {
      if (*q == '\n')
        {
          place.line++;
          place.column = 1;
        }
      else if (((unsigned char) *q & 0xC0) != 0x80)
        place.column++;
    }
  return place;
}

/* Skips a comment, processing instruction or CDATA section at p, if any. */
static const char *
skip_markup (const char *p, const char *end)
{
  static const struct { const char *open, *close; } kinds[] = {
    { "<!--", "-->" }, { "<?", "?>" }, { "<![CDATA[", "]]>" },
  };
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gsize n = strlen (kinds[k].open);
      if ((gsize) (end - p) >= n && memcmp (p, kinds[k].open, n) == 0)
        {
          const char *close = g_strstr_len (p + n, end - p - (gssize) n, kinds[k].close);
          return close ? close + strlen (kinds[k].close) : end;
        }
    }
  return p;
}

static void
init_parser_once (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      g_once_init_leave (&once, 1);
    }
}

static xmlDoc *
parse_safely (const char *name, const char *source, gsize length, GError **error)
{
  if (length > G_MAXINT)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %" G_GSIZE_FORMAT " bytes is too large; expected a "
                   "limber profile", name, length);
      return NULL;
    }
  init_parser_once ();
  /* the one discipline for XML from elsewhere: no DOCTYPE, no network, no entities */
  return limber_xml_parse_safely (name, source, length, "profiles", "profile",
                                  "a limber profile (see docs/profile-format.md)", error);
}

/* ---- places -------------------------------------------------------------- */

static void
place_elements (xmlNode *node, const char **cursor, const char *source, const char *end, GHashTable *places)
{
  for (; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      /* libxml2 2.9 keeps a line but no column, and the line of a start tag
       * spread over several lines is its last; without entities, the n-th
       * start tag of the text is the n-th element in document order, so
       * walk the text alongside the tree */
      const char *p = *cursor;
      while (p < end)
        {
          const char *after = skip_markup (p, end);
          if (after != p)
            p = after;
          else if (*p == '<' && p + 1 < end && p[1] != '/' && p[1] != '!' && p[1] != '?')
            break;
          else
            p++;
        }
      Place *place = g_new (Place, 1);
      *place = p < end ? place_of (source, p) : (Place) { xmlGetLineNo (node), 1 };
      g_hash_table_insert (places, node, place);
      *cursor = p < end ? p + 1 : end;
      place_elements (node->children, cursor, source, end, places);
    }
}

static Place
place (Reader *R, xmlNode *node)
{
  const Place *p = g_hash_table_lookup (R->places, node);
  return p ? *p : (Place) { (int) xmlGetLineNo (node), 1 };
}

/* Where the checks' problems about field will point: at node. */
static void
register_field (Reader *R, const char *field, xmlNode *node)
{
  Place p = place (R, node);
  LimberProfilePos *pos = g_new (LimberProfilePos, 1);
  *pos = (LimberProfilePos) { p.line, p.column, p.line, p.column };
  g_hash_table_replace (R->positions, g_strdup (field), pos);
}

/* code: the problem's kind, a LIMBER_PROBLEM_* (limber/error.h) */
G_GNUC_PRINTF (5, 6)
static void
problem_at (Reader *R, const char *code, xmlNode *node, const char *field, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  LimberProfileProblem *p = limber_profile_problem_add (R->problems, code, field, FALSE, "%s", message);
  Place where = place (R, node);
  p->line = where.line;
  p->column = where.column;
}

/* ---- attributes and text --------------------------------------------------- */

typedef struct {
  const char *xml;   /* the attribute */
  const char *json;  /* the member of the same meaning: field paths use it */
} AttrName;

static const char *
json_name (const AttrName *names, const char *xml)
{
  for (const AttrName *a = names; a->xml; a++)
    if (g_str_equal (a->xml, xml))
      return a->json;
  return xml;
}

/* Reports attributes that are not in names, and a namespace on the element. */
static void
check_attributes (Reader *R, xmlNode *node, const char *field, const AttrName *names)
{
  for (xmlAttr *a = node->properties; a; a = a->next)
    {
      gboolean known = FALSE;
      for (const AttrName *n = names; a->ns == NULL && n->xml && !known; n++)
        known = g_str_equal ((const char *) a->name, n->xml);
      if (!known)
        {
          GString *expected = g_string_new (NULL);
          LimberSuggest near;
          limber_suggest_init (&near, (const char *) a->name);
          for (const AttrName *n = names; n->xml; n++)
            {
              g_string_append_printf (expected, "%s%s", expected->len ? ", " : "", n->xml);
              limber_suggest_offer (&near, n->xml);
            }
          g_autofree char *hint = limber_suggest_hint (a->ns == NULL ? limber_suggest_best (&near) : NULL);
          problem_at (R, LIMBER_PROBLEM_UNKNOWN_KEY, node, field, "unknown attribute %s%s%s; expected %s%s%s",
                      a->ns ? (const char *) a->ns->prefix : "", a->ns ? ":" : "", (const char *) a->name,
                      expected->len ? "one of " : "no attributes", expected->str, hint);
          g_string_free (expected, TRUE);
        }
    }
}


/* A number as XML Schema would take it (surrounding blanks allowed);
 * "NaN" and "INF" read as such and are refused by the checks. */
static gboolean
parse_number (const char *text, double *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return FALSE;
  char *end = NULL;
  double v = g_ascii_strtod (trimmed, &end);
  if (end == trimmed || *end != '\0')
    return FALSE;
  *out = v;
  return TRUE;
}

/* The attribute xml of node as a number, into out; FALSE when absent or
 * (after reporting) not a number. */
static gboolean
number_attribute (Reader *R, xmlNode *node, const char *path, const AttrName *names, const char *xml,
                  double *out)
{
  g_autofree char *text = limber_xml_attr (node, xml);
  if (text == NULL)
    return FALSE;
  g_autofree char *field = *path ? g_strconcat (path, ".", json_name (names, xml), NULL)
                                 : g_strdup (json_name (names, xml));
  if (parse_number (text, out))
    return TRUE;
  g_autofree char *quoted = limber_profile_quote (text);
  problem_at (R, LIMBER_PROBLEM_WRONG_TYPE, node, field, "%s is not a number; expected a number", quoted);
  return FALSE;
}

static gboolean
unsigned_attribute (Reader *R, xmlNode *node, const char *path, const AttrName *names, const char *xml,
                    unsigned *out)
{
  double v;
  if (!number_attribute (R, node, path, names, xml, &v))
    return FALSE;
  g_autofree char *field = *path ? g_strconcat (path, ".", json_name (names, xml), NULL)
                                 : g_strdup (json_name (names, xml));
  if (!limber_profile_check_number (field, v, R->problems))
    return FALSE;
  *out = (unsigned) v;
  return TRUE;
}

static gboolean
bool_attribute (Reader *R, xmlNode *node, const char *path, const AttrName *names, const char *xml,
                gboolean *out)
{
  g_autofree char *text = limber_xml_attr (node, xml);
  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  /* the xs:boolean spellings */
  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *out = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *out = FALSE;
  else
    {
      g_autofree char *field = *path ? g_strconcat (path, ".", json_name (names, xml), NULL)
                                     : g_strdup (json_name (names, xml));
      g_autofree char *quoted = limber_profile_quote (text);
      problem_at (R, LIMBER_PROBLEM_WRONG_TYPE, node, field, "%s is not true or false; expected true or false", quoted);
      return FALSE;
    }
  return TRUE;
}

/* A required attribute, or NULL after reporting it missing. */
static char *
required_attribute (Reader *R, xmlNode *node, const char *path, const AttrName *names, const char *xml,
                    const char *expected)
{
  char *value = limber_xml_attr (node, xml);
  if (value == NULL)
    {
      g_autofree char *field = g_strconcat (path, ".", json_name (names, xml), NULL);
      problem_at (R, LIMBER_PROBLEM_MISSING_FIELD, node, field, "missing (attribute %s); expected %s", xml, expected);
    }
  return value;
}

/* The element's text, trimmed; child elements are reported. */
static char *
text_content (Reader *R, xmlNode *node, const char *field)
{
  GString *out = g_string_new (NULL);
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
      g_string_append (out, (const char *) c->content);
    else if (c->type == XML_ELEMENT_NODE)
      problem_at (R, LIMBER_PROBLEM_UNKNOWN_KEY, c, field,
                  "unknown element <%s>; expected only text", (const char *) c->name);
  return g_strstrip (g_string_free (out, FALSE));
}

/* Reports text among the children of an element that holds only elements. */
static void
check_no_text (Reader *R, xmlNode *node, const char *field)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
      {
        g_autofree char *text = g_strstrip (g_strdup ((const char *) c->content));
        if (*text != '\0')
          {
            g_autofree char *quoted = limber_profile_quote (text);
            problem_at (R, LIMBER_PROBLEM_UNKNOWN_KEY, node, field,
                        "unexpected text %s; expected only elements", quoted);
            return;
          }
      }
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL && g_str_equal ((const char *) node->name, name);
}

static void
unknown_element (Reader *R, xmlNode *node, const char *field, const char *expected)
{
  if (node->ns != NULL && node->ns->href != NULL)
    problem_at (R, LIMBER_PROBLEM_UNKNOWN_KEY, node, field,
                "unknown element <%s> in namespace %s; expected one of %s (in no namespace)",
                (const char *) node->name, (const char *) node->ns->href, expected);
  else
    {
      /* expected lists the element names ("equipment, avoid-region") */
      g_auto (GStrv) names = g_strsplit (expected, ", ", -1);
      g_autofree char *hint
          = limber_suggest_hint (limber_suggest_among ((const char *) node->name, (const char *const *) names, -1));
      problem_at (R, LIMBER_PROBLEM_UNKNOWN_KEY, node, field, "unknown element <%s>; expected one of %s%s",
                  (const char *) node->name, expected, hint);
    }
}

/* ---- elements ---------------------------------------------------------------- */

static const AttrName profile_attrs[] = {
  { "name", "name" }, { "age", "age" }, { "goal", "goal" },
  { "minutes-per-day", "minutes_per_day" }, { "days-per-week", "days_per_week" }, { NULL, NULL },
};
static const AttrName constraints_attrs[] = {
  { "no-floor", "no_floor" }, { "no-equipment", "no_equipment" }, { NULL, NULL },
};
static const AttrName answer_attrs[] = { { "question", "question" }, { NULL, NULL } };
static const AttrName scan_attrs[] = {
  { "measure", "measure" }, { "left", "left" }, { "right", "right" }, { "value", "value" }, { NULL, NULL },
};
static const AttrName session_attrs[] = {
  { "date", "date" }, { "exercise", "exercise" }, { "completed", "completed" }, { "sets", "sets" },
  { "reps", "reps" }, { "hold-s", "hold_s" }, { "duration-s", "duration_s" }, { "discomfort", "discomfort" },
  { "discomfort-next-day", "discomfort_next_day" }, { NULL, NULL },
};
static const AttrName rescan_attrs[] = {
  { "date", "date" }, { "measure", "measure" }, { "left", "left" }, { "right", "right" }, { NULL, NULL },
};
static const AttrName no_attrs[] = { { NULL, NULL } };

static void
read_constraints (Reader *R, xmlNode *node)
{
  register_field (R, "constraints", node);
  check_attributes (R, node, "constraints", constraints_attrs);
  check_no_text (R, node, "constraints");
  gboolean no_floor, no_equipment = FALSE;
  if (bool_attribute (R, node, "constraints", constraints_attrs, "no-floor", &no_floor))
    limber_profile_set_no_floor (R->profile, no_floor);
  bool_attribute (R, node, "constraints", constraints_attrs, "no-equipment", &no_equipment);

  g_autoptr (GPtrArray) equipment = g_ptr_array_new_with_free_func (g_free);
  guint n_regions = 0;
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (c, "equipment") || is_element (c, "avoid-region"))
        {
          gboolean is_equipment = is_element (c, "equipment");
          g_autofree char *field = is_equipment ? g_strdup_printf ("constraints.equipment[%u]", equipment->len)
                                                : g_strdup_printf ("constraints.avoid_regions[%u]", n_regions++);
          register_field (R, field, c);
          check_attributes (R, c, field, no_attrs);
          char *text = text_content (R, c, field);
          if (is_equipment)
            g_ptr_array_add (equipment, text);
          else
            {
              limber_profile_add_avoid_region (R->profile, text);
              g_free (text);
            }
        }
      else
        unknown_element (R, c, "constraints", "equipment, avoid-region");
    }
  if (no_equipment && equipment->len > 0)
    problem_at (R, LIMBER_PROBLEM_CONFLICT, node, "constraints.no_equipment",
                "no-equipment=\"true\" with <equipment> elements; expected one or the other");
  /* without either, the default equipment stands; no-equipment says "none"
   * out loud, as an empty JSON array does */
  if (no_equipment || equipment->len > 0)
    {
      g_ptr_array_add (equipment, NULL);
      limber_profile_set_equipment (R->profile, (const char *const *) equipment->pdata);
    }
}

static void
read_answer (Reader *R, xmlNode *node, GHashTable *seen)
{
  check_attributes (R, node, "answers", answer_attrs);
  g_autofree char *question = limber_xml_attr (node, "question");
  if (question == NULL)
    {
      problem_at (R, LIMBER_PROBLEM_MISSING_FIELD, node, "answers",
                  "<answer> without question=; expected the id of the question it answers");
      return;
    }
  g_autofree char *field = g_strconcat ("answers.", question, NULL);
  g_autofree char *text = text_content (R, node, field);
  const Place *first = g_hash_table_lookup (seen, question);
  if (first != NULL)
    {
      problem_at (R, LIMBER_PROBLEM_DUPLICATE, node, field,
                  "given twice (first on line %d); expected each question answered once",
                  first->line);
      return;
    }
  Place *here = g_new (Place, 1);
  *here = place (R, node);
  g_hash_table_insert (seen, g_strdup (question), here);
  register_field (R, field, node);

  /* XML text has no types: the question says how to read it, and what
   * does not read as its kind is kept as text for the checks to refuse
   * with the question's own expectations */
  const LimberQuestion *q = limber_ruleset_lookup_question (R->rs, question);
  LimberQuestionKind kind = q ? limber_question_get_kind (q) : LIMBER_QUESTION_CHOICE;
  double number;
  if (kind == LIMBER_QUESTION_YES_NO && (g_str_equal (text, "yes") || g_str_equal (text, "true")))
    limber_profile_set_answer_bool (R->profile, question, TRUE);
  else if (kind == LIMBER_QUESTION_YES_NO && (g_str_equal (text, "no") || g_str_equal (text, "false")))
    limber_profile_set_answer_bool (R->profile, question, FALSE);
  else if (kind == LIMBER_QUESTION_SCALE && parse_number (text, &number))
    limber_profile_set_answer_number (R->profile, question, number);
  else
    limber_profile_set_answer_choice (R->profile, question, text);
}

static void
read_scan (Reader *R, xmlNode *node, guint index, GHashTable *seen)
{
  g_autofree char *path = g_strdup_printf ("scan[%u]", index);
  register_field (R, path, node);
  check_attributes (R, node, path, scan_attrs);
  check_no_text (R, node, path);
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      unknown_element (R, c, path, "no element (<scan> is empty)");
  g_autofree char *measure = required_attribute (R, node, path, scan_attrs, "measure", "a measure id");
  gboolean has_left = xmlHasProp (node, (const xmlChar *) "left") != NULL;
  gboolean has_right = xmlHasProp (node, (const xmlChar *) "right") != NULL;
  gboolean has_value = xmlHasProp (node, (const xmlChar *) "value") != NULL;
  double left = 0, right = 0, value = 0;
  gboolean ok = measure != NULL;
  g_autofree char *value_field = g_strconcat (path, ".value", NULL);
  if (has_value && (has_left || has_right))
    {
      problem_at (R, LIMBER_PROBLEM_CONFLICT, node, value_field,
                  "given with left or right; expected value alone (an unsided measure) or left and right (a sided one)");
      ok = FALSE;
    }
  else if (has_value)
    ok = number_attribute (R, node, path, scan_attrs, "value", &value) && ok;
  else if (!has_left || !has_right)
    {
      problem_at (R, LIMBER_PROBLEM_MISSING_FIELD, node, path,
                  "missing %s; expected left and right (a sided measure) or value (an unsided one)",
                  has_left ? "right" : has_right ? "left" : "left and right");
      ok = FALSE;
    }
  else
    {
      gboolean l = number_attribute (R, node, path, scan_attrs, "left", &left);
      gboolean r = number_attribute (R, node, path, scan_attrs, "right", &right);
      ok = l && r && ok;
    }
  if (measure != NULL)
    {
      gpointer first = g_hash_table_lookup (seen, measure);
      if (first != NULL)
        {
          g_autofree char *field = g_strconcat (path, ".measure", NULL);
          g_autofree char *quoted = limber_profile_quote (measure);
          problem_at (R, LIMBER_PROBLEM_DUPLICATE, node, field,
                      "%s is given twice (first in scan[%d]); expected each measure once", quoted,
                      GPOINTER_TO_INT (first) - 1);
          ok = FALSE;
        }
      else
        g_hash_table_insert (seen, g_strdup (measure), GINT_TO_POINTER ((int) index + 1));
    }
  if (!ok)
    {
      R->skipped = TRUE;
      return;
    }
  if (has_value)
    limber_profile_set_measure_value (R->profile, measure, value);
  else
    limber_profile_set_measure (R->profile, measure, left, right);
}

static void
read_session (Reader *R, xmlNode *node, guint index)
{
  g_autofree char *path = g_strdup_printf ("history[%u]", index);
  register_field (R, path, node);
  check_attributes (R, node, path, session_attrs);
  check_no_text (R, node, path);
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      unknown_element (R, c, path, "no element (<session> is empty)");
  g_autofree char *date = required_attribute (R, node, path, session_attrs, "date", "a date as YYYY-MM-DD");
  g_autofree char *exercise = required_attribute (R, node, path, session_attrs, "exercise", "an exercise id");
  LimberSession s = { date, exercise };
  s.discomfort = s.discomfort_next_day = -1;
  gboolean ok = date != NULL && exercise != NULL;
  if (xmlHasProp (node, (const xmlChar *) "completed") == NULL)
    {
      g_autofree char *field = g_strconcat (path, ".completed", NULL);
      problem_at (R, LIMBER_PROBLEM_MISSING_FIELD, node, field,
                  "missing (attribute completed); expected true or false");
      ok = FALSE;
    }
  else
    ok = bool_attribute (R, node, path, session_attrs, "completed", &s.completed) && ok;

  static const char *const counts[] = { "sets", "reps" };
  unsigned *count_out[] = { &s.sets, &s.reps };
  for (gsize k = 0; k < G_N_ELEMENTS (counts); k++)
    if (xmlHasProp (node, (const xmlChar *) counts[k]))
      ok = unsigned_attribute (R, node, path, session_attrs, counts[k], count_out[k]) && ok;

  static const char *const reals[] = { "hold-s", "duration-s", "discomfort", "discomfort-next-day" };
  double *real_out[] = { &s.hold_s, &s.duration_s, &s.discomfort, &s.discomfort_next_day };
  for (gsize k = 0; k < G_N_ELEMENTS (reals); k++)
    if (xmlHasProp (node, (const xmlChar *) reals[k]))
      ok = number_attribute (R, node, path, session_attrs, reals[k], real_out[k]) && ok;
  if (ok)
    limber_profile_add_session (R->profile, &s);
  else
    R->skipped = TRUE;
}

static void
read_rescan (Reader *R, xmlNode *node, guint index)
{
  g_autofree char *path = g_strdup_printf ("rescans[%u]", index);
  register_field (R, path, node);
  check_attributes (R, node, path, rescan_attrs);
  check_no_text (R, node, path);
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      unknown_element (R, c, path, "no element (<rescan> is empty)");
  g_autofree char *date = required_attribute (R, node, path, rescan_attrs, "date", "a date as YYYY-MM-DD");
  g_autofree char *measure = required_attribute (R, node, path, rescan_attrs, "measure", "a measure id");
  double left = 0, right = 0;
  gboolean ok = date != NULL && measure != NULL;
  for (int side = 0; side < 2; side++)
    {
      const char *xml = side == 0 ? "left" : "right";
      if (xmlHasProp (node, (const xmlChar *) xml) == NULL)
        {
          g_autofree char *field = g_strconcat (path, ".", xml, NULL);
          problem_at (R, LIMBER_PROBLEM_MISSING_FIELD, node, field, "missing (attribute %s); expected a number", xml);
          ok = FALSE;
        }
      else
        ok = number_attribute (R, node, path, rescan_attrs, xml, side == 0 ? &left : &right) && ok;
    }
  if (ok)
    limber_profile_add_rescan (R->profile, date, measure, left, right);
  else
    R->skipped = TRUE;
}

static void
read_profile (Reader *R, xmlNode *root)
{
  register_field (R, "", root);
  check_attributes (R, root, "profile", profile_attrs);
  check_no_text (R, root, "profile");

  g_autofree char *name = limber_xml_attr (root, "name");
  if (name != NULL)
    limber_profile_set_name (R->profile, name);
  unsigned u;
  double d;
  if (unsigned_attribute (R, root, "", profile_attrs, "age", &u))
    limber_profile_set_age (R->profile, u);
  g_autofree char *goal_name = limber_xml_attr (root, "goal");
  LimberGoal goal;
  if (goal_name != NULL && limber_profile_check_goal_name (R->rs, goal_name, &goal, R->problems))
    limber_profile_set_goal (R->profile, goal);
  if (number_attribute (R, root, "", profile_attrs, "minutes-per-day", &d))
    limber_profile_set_minutes_per_day (R->profile, d);
  if (unsigned_attribute (R, root, "", profile_attrs, "days-per-week", &u))
    limber_profile_set_days_per_week (R->profile, u);

  g_autoptr (GHashTable) answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_scans = 0, n_sessions = 0, n_rescans = 0;
  xmlNode *constraints = NULL;
  for (xmlNode *c = root->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (c, "constraints"))
        {
          if (constraints != NULL)
            problem_at (R, LIMBER_PROBLEM_DUPLICATE, c, "constraints",
                        "given twice (first on line %d); expected one <constraints>",
                        place (R, constraints).line);
          else
            read_constraints (R, c);
          constraints = constraints ? constraints : c;
        }
      else if (is_element (c, "answer"))
        read_answer (R, c, answered);
      else if (is_element (c, "scan"))
        read_scan (R, c, n_scans++, measured);
      else if (is_element (c, "session"))
        read_session (R, c, n_sessions++);
      else if (is_element (c, "rescan"))
        read_rescan (R, c, n_rescans++);
      else
        unknown_element (R, c, "profile", "constraints, answer, scan, session, rescan");
    }
}

LimberProfile *
limber_profile_new_from_xml (const LimberRuleset *ruleset, const char *data, gssize length, const char *name,
                             GError **error)
{
  g_return_val_if_fail (ruleset != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (name == NULL)
    name = "<memory>";
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  /* lines end at CR LF and a lone CR too (read-limit.h) */
  g_autofree char *unified = limber_unify_newlines (data, &size);
  if (unified != NULL)
    data = unified;

  xmlDoc *doc = parse_safely (name, data, size, error);
  if (doc == NULL)
    return NULL;
  xmlNode *root = xmlDocGetRootElement (doc);

  g_autoptr (GHashTable) places = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  const char *cursor = data;
  place_elements (root, &cursor, data, data + size, places);

  g_autoptr (GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) problems = limber_profile_problems_new ();
  g_autoptr (LimberProfile) profile = limber_profile_new ();
  Reader R = { ruleset, places, positions, problems, profile, FALSE };
  if (is_element (root, "profile"))
    read_profile (&R, root);
  else if (root->ns != NULL && root->ns->href != NULL)
    problem_at (&R, LIMBER_PROBLEM_UNKNOWN_KEY, root, "profile",
                "<%s> is in namespace %s; expected <profile> in no namespace",
                (const char *) root->name, (const char *) root->ns->href);
  else
    problem_at (&R, LIMBER_PROBLEM_UNKNOWN_KEY, root, "profile",
                "<%s> is not a profile; expected <profile> as the document element",
                (const char *) root->name);
  xmlFreeDoc (doc);

  /* as for JSON: the checks run too, unless a left-out <scan>, <session>
   * or <rescan> shifted the indexes they name */
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
