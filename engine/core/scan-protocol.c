/*
 * Reading and checking a measure's scan protocol (docs/scan.md).
 *
 * The rule-set schema has already refused a malformed <protocol>: a missing
 * attribute, a landmark name it does not know, a segment that is not two
 * landmarks.  What is left here is converting it, and the few rules the
 * schema cannot express, which ruleset-check.c reports with their line.
 */
#include "scan-private.h"

#include <string.h>

#include "xml-safe.h"

static const char *const part_names[SCAN_N_PARTS] = {
  "nose", "shoulder", "elbow", "wrist", "hip", "knee", "ankle", "heel", "foot-index",
};

static const char *const other_names[SCAN_N_PARTS] = {
  "nose", "other-shoulder", "other-elbow", "other-wrist", "other-hip", "other-knee", "other-ankle",
  "other-heel", "other-foot-index",
};

const char *
limber_scan_landmark_name (int landmark)
{
  int part = SCAN_PART (landmark);
  if (part < 0 || part >= SCAN_N_PARTS)
    return "?";
  return (landmark & SCAN_OTHER) ? other_names[part] : part_names[part];
}

static int
landmark_from_name (const char *name)
{
  for (int i = 0; i < SCAN_N_PARTS; i++)
    {
      if (strcmp (name, part_names[i]) == 0)
        return i;
      if (i != SCAN_NOSE && strcmp (name, other_names[i]) == 0)
        return i | SCAN_OTHER;
    }
  return -1;
}

/* Up to max landmarks from a space-separated list; their count. */
static int
read_landmarks (xmlNode *node, const char *attr, int *out, int max)
{
  g_autofree char *value = limber_xml_attr (node, attr);
  if (value == NULL)
    return 0;
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (value), " \t\r\n", -1);
  int n = 0;
  for (char **w = words; *w != NULL; w++)
    if (**w != '\0')
      {
        if (n == max)
          return max + 1;
        out[n++] = landmark_from_name (*w);
      }
  return n;
}

static gboolean
named (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) name) == 0;
}

static double
attr_double (xmlNode *node, const char *name, double fallback)
{
  double value;
  return limber_xml_attr_double (node, name, &value) ? value : fallback;
}

static void
forbid_clear (gpointer data)
{
  g_free (((LimberScanForbid *) data)->text);
}

LimberScanProtocol *
limber_scan_protocol_new (void)
{
  LimberScanProtocol *p = g_new0 (LimberScanProtocol, 1);
  p->reference[0] = p->reference[1] = -1;
  p->forbids = g_array_new (FALSE, TRUE, sizeof (LimberScanForbid));
  g_array_set_clear_func (p->forbids, forbid_clear);
  return p;
}

LimberScanProtocol *
limber_scan_protocol_read (xmlNode *measure, char **no_scan)
{
  LimberScanProtocol *p = NULL;
  for (xmlNode *n = measure->children; n != NULL; n = n->next)
    {
      if (named (n, "no-scan"))
        {
          g_free (*no_scan);
          *no_scan = limber_xml_text (n);
        }
      if (!named (n, "protocol"))
        continue;
      p = limber_scan_protocol_new ();
      p->position = limber_xml_attr (n, "position");
      p->view = limber_xml_attr (n, "view");
      p->plane = limber_xml_attr (n, "plane");
      p->hold_s = attr_double (n, "hold", 1.0);
      p->plane_tolerance = attr_double (n, "plane-tolerance", 20.0);
      g_autofree char *cite = limber_xml_attr (n, "cite");
      g_auto (GStrv) words = g_strsplit_set (cite ? cite : "", " \t\r\n", -1);
      GPtrArray *ids = g_ptr_array_new ();
      for (char **w = words; *w != NULL; w++)
        if (**w != '\0')
          g_ptr_array_add (ids, g_strdup (*w));
      g_ptr_array_add (ids, NULL);
      p->cite = (char **) g_ptr_array_free (ids, FALSE);
      p->line = xmlGetLineNo (n);
      for (xmlNode *c = n->children; c != NULL; c = c->next)
        {
          if (named (c, "instructions"))
            p->instructions = limber_xml_text (c);
          else if (named (c, "angle"))
            {
              g_autofree char *formula = limber_xml_attr (c, "formula");
              g_autofree char *against = limber_xml_attr (c, "against");
              g_autofree char *positive = limber_xml_attr (c, "positive");
              p->formula = g_strcmp0 (formula, "from-90") == 0 ? SCAN_FORMULA_FROM_90
                           : g_strcmp0 (formula, "turn") == 0  ? SCAN_FORMULA_TURN
                                                                : SCAN_FORMULA_BETWEEN;
              read_landmarks (c, "segment", p->segment, 2);
              if (read_landmarks (c, "reference", p->reference, 2) != 2)
                p->reference[0] = p->reference[1] = -1;
              p->against = g_strcmp0 (against, "vertical") == 0     ? SCAN_AGAINST_VERTICAL
                           : g_strcmp0 (against, "horizontal") == 0 ? SCAN_AGAINST_HORIZONTAL
                                                                    : SCAN_AGAINST_NONE;
              p->positive_up = g_strcmp0 (positive, "up") == 0;
              p->angle_line = xmlGetLineNo (c);
            }
          else if (named (c, "forbid"))
            {
              LimberScanForbid f = { 0 };
              g_autofree char *check = limber_xml_attr (c, "check");
              f.check = g_strcmp0 (check, "straight") == 0 ? SCAN_CHECK_STRAIGHT
                        : g_strcmp0 (check, "square") == 0 ? SCAN_CHECK_SQUARE
                                                           : SCAN_CHECK_STILL;
              f.n_landmarks = read_landmarks (c, "landmarks", f.landmarks, 3);
              f.limit = attr_double (c, "limit", 0);
              f.text = limber_xml_text (c);
              f.line = xmlGetLineNo (c);
              g_array_append_val (p->forbids, f);
            }
        }
    }
  return p;
}

void
limber_scan_protocol_free (LimberScanProtocol *p)
{
  if (p == NULL)
    return;
  g_free (p->position);
  g_free (p->view);
  g_free (p->plane);
  g_free (p->instructions);
  g_strfreev (p->cite);
  g_array_unref (p->forbids);
  g_free (p);
}

char *
limber_scan_protocol_problem (const LimberScanProtocol *p, int *line)
{
  gboolean has_reference = p->reference[0] >= 0;
  *line = p->angle_line;
  if (p->formula == SCAN_FORMULA_TURN && (has_reference || p->against != SCAN_AGAINST_NONE || p->positive_up))
    return g_strdup ("formula=\"turn\" reads the segment's shortening alone; expected no reference=, against= or "
                     "positive=");
  if (p->formula != SCAN_FORMULA_TURN && has_reference == (p->against != SCAN_AGAINST_NONE))
    return g_strdup ("the angle needs one reference; expected exactly one of reference=\"A B\" (two landmarks) or "
                     "against=\"vertical\"/\"horizontal\"");
  if (p->segment[0] == p->segment[1] || (has_reference && p->reference[0] == p->reference[1]))
    return g_strdup_printf ("a segment from \"%s\" to itself has no direction; expected two different landmarks",
                            limber_scan_landmark_name (p->segment[0] == p->segment[1] ? p->segment[0]
                                                                                      : p->reference[0]));
  for (guint i = 0; i < p->forbids->len; i++)
    {
      const LimberScanForbid *f = &g_array_index (p->forbids, LimberScanForbid, i);
      int want = f->check == SCAN_CHECK_STRAIGHT ? 3 : 2;
      *line = f->line;
      if (f->n_landmarks != want)
        return g_strdup_printf ("check=\"%s\" takes %d landmarks (%s), found %d; expected landmarks=\"%s\"",
                                f->check == SCAN_CHECK_STRAIGHT ? "straight"
                                : f->check == SCAN_CHECK_STILL  ? "still"
                                                                : "square",
                                want, want == 3 ? "the joint's angle at the middle one" : "a segment",
                                f->n_landmarks, want == 3 ? "hip knee ankle" : "shoulder hip");
      if (f->check != SCAN_CHECK_STRAIGHT && f->landmarks[0] == f->landmarks[1])
        return g_strdup_printf ("a segment from \"%s\" to itself has no direction; expected two different landmarks",
                                limber_scan_landmark_name (f->landmarks[0]));
    }
  return NULL;
}
