/*
 * Compiled rule sets: a checked rule set written as bytes, and read back
 * without XML.
 *
 * Why.  A large rule set spends most of its load in libxml2: parsing into a
 * tree of a few hundred thousand nodes, validating the tree against the
 * schema, building our structures from it and freeing it again (about
 * 55 ms of 85 at 2,000 rules x 1,000 exercises; docs/performance.md).  An
 * app that loads the same rule set on every start, or a worker that loads
 * it in every process, can pay that once: `limber compile` (or
 * limber_ruleset_write_compiled()) writes what the XML said, in the order
 * the loader built it, and limber_ruleset_new_from_data() reads it back
 * into the same structures.
 *
 * What is stored is the rule set *as written* -- ids, numbers, texts, line
 * numbers of the XML -- never what checking and compiling derive from it
 * (resolved indexes, exercise lists, bitsets).  A compiled rule set is
 * checked again by the same ruleset-check.c and compiled by the same
 * ruleset-compile.c as one read from XML, so an image that was tampered
 * with can at worst describe another *valid* rule set; it can never skip a
 * check, leave an id unresolved or a contraindication pointing nowhere.
 * What the schema guarantees the builder and the engine relies on --
 * required texts, enumerations, landmarks that index arrays, ranges --
 * the reader checks field by field as it reads (the ranges no narrower
 * than the schema's, so whatever loads from XML loads compiled).  The
 * payload's SHA-256 catches damage, not tampering, and the XML's digest the
 * image carries (and plans report) is the one it declares.  Line numbers and the file name stay the XML's, so lint, coverage
 * and rule-test messages point at the source an author edits.
 *
 * Layout: a header (magic, format, payload length, the payload's SHA-256
 * as 64 hex digits), then the payload: the limber version that wrote it, the XML
 * file's name and SHA-256, and the sections.  Integers are zigzag LEB128
 * varints, doubles 8 bytes little-endian, texts a varint length + 1 (0 for
 * none) and UTF-8 bytes.  An image is tied to the limber version that
 * wrote it: another version refuses it and says to compile again, since
 * the layout follows the structures of this file's version.
 *
 * Every write and read of a structure is one function, io_*(), run in one
 * of two directions, so the writer and the reader cannot drift apart.
 * Writing never stores into the rule set (the field macros assign only when
 * reading): other threads may be planning from it meanwhile.
 */
#include "ruleset-private.h"
#include "sha256.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "limber/error.h"
#include "limber/version.h"
#include "error-private.h"
#include "pose.h"
#include "read-limit.h"
#include "ruleset-image.h"

/* PNG's trick: a high byte first, then CR LF, ^Z and LF, so that a text-mode
 * transfer or a 7-bit channel that mangles the file is caught by the magic. */
static const guint8 image_magic[8] = { 0x89, 'L', 'R', 'S', '\r', '\n', 0x1a, '\n' };
#define IMAGE_HEADER 88           /* magic, format (u32), reserved (u32), payload length (u64), SHA-256 in hex */
/* Conditions nest at most as deep as libxml2 lets an XML document nest. */
#define IMAGE_MAX_DEPTH 256

typedef struct {
  GByteArray *out;              /* writing; NULL when reading */
  const guint8 *start, *p, *end; /* reading: the payload */
  char *problem;                /* the first thing wrong, or NULL */
} Image;

static gboolean
reading (const Image *im)
{
  return im->out == NULL;
}

static G_GNUC_PRINTF (3, 4) void
fail (Image *im, const char *field, const char *format, ...)
{
  if (im->problem != NULL)
    return;
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  im->problem = g_strdup_printf ("byte %zu of the payload, %s: %s", (size_t) (im->p - im->start), field, what);
  /* nothing more is read: every later field reads as zero or none */
  im->p = im->end;
}

/* ---- primitives -------------------------------------------------------- */

static void
put_varint (Image *im, guint64 v)
{
  guint8 buf[10];
  guint n = 0;
  do
    {
      buf[n++] = (guint8) ((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
      v >>= 7;
    }
  while (v != 0);
  g_byte_array_append (im->out, buf, n);
}

static guint64
get_varint (Image *im, const char *field)
{
  guint64 v = 0;
  for (guint shift = 0; shift < 64; shift += 7)
    {
      if (im->p >= im->end)
        {
          fail (im, field, "the data ends inside a number");
          return 0;
        }
      guint8 b = *im->p++;
      v |= (guint64) (b & 0x7f) << shift;
      if ((b & 0x80) == 0)
        return v;
    }
  fail (im, field, "a number longer than 64 bits");
  return 0;
}

/* An integer in [lo, hi]: written as it is, read and checked. */
static gint64
io_int (Image *im, gint64 v, gint64 lo, gint64 hi, const char *field)
{
  if (!reading (im))
    {
      put_varint (im, ((guint64) v << 1) ^ (guint64) (v >> 63));
      return v;
    }
  guint64 z = get_varint (im, field);
  gint64 r = (gint64) (z >> 1) ^ -(gint64) (z & 1);
  if (im->problem == NULL && (r < lo || r > hi))
    {
      fail (im, field, "%" G_GINT64_FORMAT " is out of range; expected %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, r,
            lo, hi);
      return lo;
    }
  return im->problem ? lo : r;
}

/* A double in [lo, hi], bit for bit: never NaN, which no decimal of the
 * schema reads as, but an infinity where a valid decimal too long for a
 * double reads as one in the XML too. */
static double
io_double (Image *im, double v, double lo, double hi, const char *field)
{
  guint64 bits;
  if (!reading (im))
    {
      memcpy (&bits, &v, sizeof bits);
      bits = GUINT64_TO_LE (bits);
      g_byte_array_append (im->out, (const guint8 *) &bits, sizeof bits);
      return v;
    }
  if ((gsize) (im->end - im->p) < sizeof bits)
    {
      fail (im, field, "the data ends inside a number");
      return lo;
    }
  memcpy (&bits, im->p, sizeof bits);
  im->p += sizeof bits;
  bits = GUINT64_FROM_LE (bits);
  double r;
  memcpy (&r, &bits, sizeof r);
  if (isnan (r) || r < lo || r > hi)
    {
      fail (im, field, "%g is out of range; expected a number from %g to %g", r, lo, hi);
      return lo;
    }
  return r;
}

/* A count of what follows, each at least one byte: never more than the
 * bytes left, so a forged count cannot make the reader allocate more than
 * the image holds. */
static guint
io_count (Image *im, guint n, guint max, const char *field)
{
  gint64 r = io_int (im, n, 0, max, field);
  if (reading (im) && im->problem == NULL && (guint64) r > (guint64) (im->end - im->p))
    {
      fail (im, field, "%" G_GINT64_FORMAT " entries, more than the bytes left", r);
      return 0;
    }
  return (guint) r;
}

/* A text, or none; `required` refuses none where the schema does. */
static char *
io_str (Image *im, const char *s, gboolean required, const char *field)
{
  if (!reading (im))
    {
      gsize n = s ? strlen (s) : 0;
      put_varint (im, s ? n + 1 : 0);
      if (s != NULL)
        g_byte_array_append (im->out, (const guint8 *) s, (guint) n);
      return NULL;
    }
  guint64 n = get_varint (im, field);
  if (im->problem != NULL)
    return NULL;
  if (n == 0)
    {
      if (required)
        fail (im, field, "missing; the rule-set schema requires it");
      return NULL;
    }
  n--;
  if (n > (guint64) (im->end - im->p))
    {
      fail (im, field, "a text of %" G_GUINT64_FORMAT " bytes, more than the bytes left", n);
      return NULL;
    }
  const char *text = (const char *) im->p;
  if (!g_utf8_validate_len (text, (gsize) n, NULL) || memchr (text, '\0', (gsize) n) != NULL)
    {
      fail (im, field, "not a UTF-8 text without NUL characters");
      return NULL;
    }
  im->p += n;
  return g_strndup (text, (gsize) n);
}

/* A NULL-terminated list of texts, or none. */
static char **
io_strv (Image *im, char **v, gboolean required, const char *field)
{
  if (!reading (im))
    {
      put_varint (im, v ? g_strv_length (v) + 1 : 0);
      for (char **s = v; s && *s; s++)
        io_str (im, *s, TRUE, field);
      return NULL;
    }
  guint64 n = get_varint (im, field);
  if (im->problem != NULL || n == 0)
    {
      if (im->problem == NULL && required)
        fail (im, field, "missing; the rule-set schema requires it");
      return required ? g_new0 (char *, 1) : NULL;
    }
  n--;
  if (n > (guint64) (im->end - im->p))
    {
      fail (im, field, "%" G_GUINT64_FORMAT " texts, more than the bytes left", n);
      return g_new0 (char *, 1);
    }
  char **out = g_new0 (char *, n + 1);
  for (guint64 i = 0; i < n && im->problem == NULL; i++)
    out[i] = io_str (im, NULL, TRUE, field);
  return out;
}

/* The field macros: write the field, or read into it.  The field's own
 * spelling names it in a message. */
#define IO_INT(im, f, lo, hi)                                             \
  do {                                                                    \
    gint64 v_ = io_int ((im), (gint64) (f), (lo), (hi), #f);              \
    if (reading (im))                                                     \
      (f) = v_;                                                           \
  } while (0)
#define IO_UINT(im, f) IO_INT (im, f, 0, G_MAXUINT32)
#define IO_LINE(im, f) IO_INT (im, f, -1, G_MAXINT32)
#define IO_BOOL(im, f) IO_INT (im, f, 0, 1)
#define IO_ENUM(im, f, last) IO_INT (im, f, 0, (last))
#define IO_DOUBLE_IN(im, f, lo, hi)                                       \
  do {                                                                    \
    double v_ = io_double ((im), (f), (lo), (hi), #f);                    \
    if (reading (im))                                                     \
      (f) = v_;                                                           \
  } while (0)
#define IO_DOUBLE(im, f) IO_DOUBLE_IN (im, f, -INFINITY, INFINITY)
#define IO_NONNEG(im, f) IO_DOUBLE_IN (im, f, 0, INFINITY)
#define IO_STR(im, f, required)                                           \
  do {                                                                    \
    char *v_ = io_str ((im), (f), (required), #f);                        \
    if (reading (im))                                                     \
      (f) = v_;                                                           \
  } while (0)
#define IO_STRV(im, f, required)                                          \
  do {                                                                    \
    char **v_ = io_strv ((im), (f), (required), #f);                      \
    if (reading (im))                                                     \
      (f) = v_;                                                           \
  } while (0)
/* the number of entries of a GPtrArray or GArray (NULL: none) */
#define IO_LEN(im, array, max, field) io_count ((im), (array) ? (array)->len : 0, (max), (field))

/* The i-th element of a GPtrArray of structures: the one there when
 * writing; when reading, a new zeroed one, added to the array. */
static gpointer
io_element (Image *im, GPtrArray *array, guint i, gsize size)
{
  if (!reading (im))
    return g_ptr_array_index (array, i);
  gpointer element = g_malloc0 (size);
  g_ptr_array_add (array, element);
  return element;
}
#define IO_ELEMENT(im, array, i, type) ((type *) io_element ((im), (array), (i), sizeof (type)))
/* for each entry i of array (a GPtrArray or GArray), its count written or
 * read first; reading stops at the first problem */
#define IO_EACH(im, i, array, max, field)                                                \
  for (guint i = 0, n_##i = IO_LEN ((im), (array), (max), (field)); i < n_##i && (im)->problem == NULL; i++)

/* ---- conditions and actions -------------------------------------------- */

static LimberCond *io_cond (Image *im, LimberCond *c, unsigned depth);

/* The kinds whose ref= the checker looks up: a missing one could not be. */
static gboolean
cond_needs_ref (LimberCondKind kind)
{
  return kind != COND_GOAL && kind != COND_AGE && kind != COND_CONSTRAINT && kind != COND_HISTORY
         && kind != COND_MINUTES;
}

static LimberCond *
io_cond (Image *im, LimberCond *c, unsigned depth)
{
  if (reading (im))
    {
      c = g_new0 (LimberCond, 1);
      c->index = c->value_index = -1;
    }
  if (depth > IMAGE_MAX_DEPTH)
    fail (im, "condition", "nested deeper than %d", IMAGE_MAX_DEPTH);
  IO_ENUM (im, c->kind, COND_UNANSWERED);
  IO_LINE (im, c->line);
  if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT)
    {
      if (reading (im))
        c->children = limber_new_cond_array ();
      guint n = IO_LEN (im, c->children, G_MAXINT32, "condition children");
      if (reading (im) && im->problem == NULL && (n == 0 || (c->kind == COND_NOT && n != 1)))
        fail (im, "condition children", "%u; expected %s", n, c->kind == COND_NOT ? "one" : "at least one");
      for (guint i = 0; i < n && im->problem == NULL; i++)
        {
          LimberCond *child = io_cond (im, reading (im) ? NULL : g_ptr_array_index (c->children, i), depth + 1);
          if (reading (im))
            g_ptr_array_add (c->children, child);
        }
      return c;
    }
  IO_STR (im, c->ref, cond_needs_ref (c->kind));
  IO_STR (im, c->value, c->kind == COND_SCORE);
  IO_BOOL (im, c->has_at_least);
  IO_BOOL (im, c->has_at_most);
  IO_DOUBLE (im, c->at_least);
  IO_DOUBLE (im, c->at_most);
  IO_ENUM (im, c->goal, LIMBER_N_GOALS - 1);
  IO_ENUM (im, c->side, SIDE_BOTH);
  IO_ENUM (im, c->constraint, CONSTRAINT_AVOIDS_REGION);
  if (reading (im) && im->problem == NULL && c->constraint != CONSTRAINT_NO_FLOOR && c->value == NULL)
    fail (im, "c->value", "missing; the constraint names what it is about");
  IO_BOOL (im, c->flag_value);
  IO_ENUM (im, c->fact, HISTORY_WEEKS_WITHOUT_IMPROVEMENT);
  IO_BOOL (im, c->trend_asymmetry);
  IO_UINT (im, c->over_days);
  return c;
}

static void
io_action (Image *im, LimberAction *a)
{
  IO_ENUM (im, a->kind, ACTION_LIMIT_MINUTES);
  IO_LINE (im, a->line);
  IO_ENUM (im, a->target_kind, TARGET_MEASURE);
  gboolean targeted = a->kind != ACTION_ADVISE && a->kind != ACTION_LIMIT_MINUTES;
  IO_STR (im, a->target, targeted);
  IO_BOOL (im, a->any_role);
  IO_BOOL (im, a->has_multiply);
  IO_BOOL (im, a->has_add);
  IO_NONNEG (im, a->multiply);
  IO_DOUBLE (im, a->add);
  IO_STR (im, a->measure, a->kind == ACTION_EMPHASISE);
  IO_UINT (im, a->extra_sets);
  IO_NONNEG (im, a->seconds);
  IO_NONNEG (im, a->minutes);
  IO_UINT (im, a->reps);
  IO_STR (im, a->text, a->kind == ACTION_ADVISE);
}

/* ---- sections ---------------------------------------------------------- */

static void
io_metadata (Image *im, LimberRuleset *rs)
{
  IO_STR (im, rs->id, TRUE);
  IO_STR (im, rs->version, TRUE);
  IO_UINT (im, rs->schema_version);
  IO_STR (im, rs->title, TRUE);
  IO_STR (im, rs->description, FALSE);
  IO_STRV (im, rs->authors, TRUE);
  IO_STR (im, rs->safety, FALSE);
  IO_STRV (im, rs->safety_cite, FALSE);
  IO_LINE (im, rs->safety_line);
  IO_EACH (im, i, rs->sources, G_MAXINT32, "sources")
    {
      LimberSource *s = IO_ELEMENT (im, rs->sources, i, LimberSource);
      IO_STR (im, s->id, TRUE);
      IO_STR (im, s->url, FALSE);
      IO_STR (im, s->text, TRUE);
      IO_LINE (im, s->line);
    }
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      IO_STR (im, rs->goal_text[g], FALSE);
      IO_BOOL (im, rs->goal_declared[g]);
    }
}

/* A landmark as the schema names one: the nose, or a part of the tested
 * or the other side (there is no other nose).  scan.c indexes arrays of
 * parts with it, so nothing else may get through. */
static gboolean
valid_landmark (int landmark)
{
  return landmark == SCAN_NOSE
         || (landmark > 0 && (landmark & ~(SCAN_OTHER | 0x0f)) == 0 && SCAN_PART (landmark) > SCAN_NOSE
             && SCAN_PART (landmark) < SCAN_N_PARTS);
}

/* n landmarks, of which the first `used` must be landmarks and the rest
 * what the loader leaves there (0, or -1 for none). */
static void
io_landmarks (Image *im, int *landmarks, unsigned n, unsigned used, const char *field)
{
  for (unsigned k = 0; k < n; k++)
    {
      IO_INT (im, landmarks[k], -1, SCAN_OTHER | (SCAN_N_PARTS - 1));
      if (reading (im) && im->problem == NULL && k < used && !valid_landmark (landmarks[k]))
        fail (im, field, "%d is no landmark; expected one the schema names (the nose, or a body part of the "
              "tested or the other side)", landmarks[k]);
    }
}

static LimberScanProtocol *
io_protocol (Image *im, LimberScanProtocol *p)
{
  gboolean present = p != NULL;
  IO_BOOL (im, present);
  if (!present)
    return NULL;
  if (reading (im))
    p = limber_scan_protocol_new ();
  IO_STR (im, p->position, TRUE);
  IO_STR (im, p->view, TRUE);
  IO_STR (im, p->plane, TRUE);
  IO_STR (im, p->instructions, TRUE);
  IO_STRV (im, p->cite, TRUE);
  IO_ENUM (im, p->formula, SCAN_FORMULA_TURN);
  io_landmarks (im, p->segment, 2, 2, "p->segment");
  /* a reference is two landmarks or none (-1 -1) */
  gboolean referenced = p->reference[0] >= 0;
  IO_BOOL (im, referenced);
  io_landmarks (im, p->reference, 2, referenced ? 2 : 0, "p->reference");
  if (reading (im) && im->problem == NULL && !referenced && (p->reference[0] != -1 || p->reference[1] != -1))
    fail (im, "p->reference", "%d %d; expected two landmarks or none (-1 -1)", p->reference[0], p->reference[1]);
  IO_ENUM (im, p->against, SCAN_AGAINST_HORIZONTAL);
  IO_BOOL (im, p->positive_up);
  IO_NONNEG (im, p->hold_s);
  IO_DOUBLE_IN (im, p->plane_tolerance, 0, 180);
  IO_EACH (im, i, p->forbids, G_MAXINT32, "forbids")
    {
      LimberScanForbid f = { 0 };
      LimberScanForbid *fp = reading (im) ? &f : &g_array_index (p->forbids, LimberScanForbid, i);
      IO_ENUM (im, fp->check, SCAN_CHECK_SQUARE);
      IO_INT (im, fp->n_landmarks, 0, 3);
      io_landmarks (im, fp->landmarks, 3, (unsigned) fp->n_landmarks, "fp->landmarks");
      IO_DOUBLE_IN (im, fp->limit, 0, 180);
      IO_STR (im, fp->text, TRUE);
      IO_LINE (im, fp->line);
      if (reading (im))
        g_array_append_val (p->forbids, f);
    }
  IO_LINE (im, p->line);
  IO_LINE (im, p->angle_line);
  return p;
}

static void
io_measures (Image *im, LimberRuleset *rs)
{
  IO_EACH (im, i, rs->measures, G_MAXINT32, "measures")
    {
      LimberMeasure *m = IO_ELEMENT (im, rs->measures, i, LimberMeasure);
      IO_STR (im, m->id, TRUE);
      IO_STR (im, m->unit, TRUE);
      IO_STR (im, m->label, TRUE);
      IO_STR (im, m->name, FALSE);
      IO_BOOL (im, m->sided);
      IO_DOUBLE (im, m->normal);
      IO_DOUBLE (im, m->min);
      IO_DOUBLE (im, m->max);
      IO_NONNEG (im, m->asymmetry);
      IO_STRV (im, m->cite, TRUE);
      IO_LINE (im, m->line);
      LimberScanProtocol *protocol = io_protocol (im, m->protocol);
      if (reading (im))
        m->protocol = protocol;
      IO_STR (im, m->no_scan, FALSE);
    }
}

static void
io_questions (Image *im, LimberRuleset *rs)
{
  IO_EACH (im, i, rs->questions, G_MAXINT32, "questions")
    {
      LimberQuestion *q = IO_ELEMENT (im, rs->questions, i, LimberQuestion);
      IO_STR (im, q->id, TRUE);
      IO_STR (im, q->text, TRUE);
      IO_LINE (im, q->line);
      IO_ENUM (im, q->kind, LIMBER_QUESTION_CHOICE);
      IO_STRV (im, q->choice_texts, TRUE);
      IO_STRV (im, q->choices, TRUE);
      if (reading (im) && im->problem == NULL && g_strv_length (q->choices) != g_strv_length (q->choice_texts))
        fail (im, "q->choices", "a choice without its text");
      IO_DOUBLE (im, q->min);
      IO_DOUBLE (im, q->max);
    }
}

static void
io_red_flags (Image *im, LimberRuleset *rs)
{
  IO_EACH (im, i, rs->red_flags, G_MAXINT32, "red flags")
    {
      LimberRedFlag *f = IO_ELEMENT (im, rs->red_flags, i, LimberRedFlag);
      if (reading (im))
        f->question_index = f->is_index = -1;
      IO_STR (im, f->id, TRUE);
      IO_INT (im, f->outcome, LIMBER_OUTCOME_CAUTION, LIMBER_OUTCOME_EMERGENCY);
      IO_BOOL (im, f->on_history);
      IO_STR (im, f->question, !f->on_history);
      IO_ENUM (im, f->history_fact, HISTORY_WEEKS_WITHOUT_IMPROVEMENT);
      IO_STR (im, f->is, FALSE);
      IO_BOOL (im, f->has_at_least);
      IO_DOUBLE (im, f->at_least);
      IO_STR (im, f->sign, FALSE);
      IO_STR (im, f->message, TRUE);
      IO_STRV (im, f->cite, TRUE);
      IO_LINE (im, f->line);
    }
}

static void
io_score (Image *im, LimberScore *s)
{
  IO_STR (im, s->id, TRUE);
  IO_STR (im, s->name, TRUE);
  IO_STRV (im, s->cite, TRUE);
  IO_LINE (im, s->line);
  IO_EACH (im, i, s->items, G_MAXINT32, "score items")
    {
      LimberScoreItem *item = IO_ELEMENT (im, s->items, i, LimberScoreItem);
      if (reading (im))
        item->question_index = -1;
      IO_STR (im, item->question, TRUE);
      IO_LINE (im, item->line);
      IO_STRV (im, item->point_choices, TRUE);
      if (reading (im))
        {
          item->n_points = g_strv_length (item->point_choices);
          item->point_values = g_new0 (double, item->n_points);
        }
      for (guint k = 0; k < item->n_points; k++)
        IO_DOUBLE (im, item->point_values[k]);
    }
  IO_EACH (im, i, s->subscales, G_MAXINT32, "subscales")
    {
      LimberSubscale *sub = IO_ELEMENT (im, s->subscales, i, LimberSubscale);
      if (reading (im))
        sub->items = g_array_new (FALSE, FALSE, sizeof (guint));
      IO_STR (im, sub->id, TRUE);
      IO_LINE (im, sub->line);
      IO_STRV (im, sub->item_questions, TRUE);
    }
  IO_EACH (im, i, s->categories, G_MAXINT32, "categories")
    {
      LimberCategory *cat = IO_ELEMENT (im, s->categories, i, LimberCategory);
      if (reading (im))
        cat->bounds = limber_new_bound_array ();
      IO_STR (im, cat->id, TRUE);
      IO_LINE (im, cat->line);
      IO_BOOL (im, cat->has_total_at_least);
      IO_BOOL (im, cat->has_total_at_most);
      IO_DOUBLE (im, cat->total_at_least);
      IO_DOUBLE (im, cat->total_at_most);
      IO_EACH (im, k, cat->bounds, G_MAXINT32, "category bounds")
        {
          LimberSubscaleBound *b = IO_ELEMENT (im, cat->bounds, k, LimberSubscaleBound);
          if (reading (im))
            b->subscale_index = -1;
          IO_STR (im, b->ref, TRUE);
          IO_LINE (im, b->line);
          IO_BOOL (im, b->has_at_least);
          IO_BOOL (im, b->has_at_most);
          IO_DOUBLE (im, b->at_least);
          IO_DOUBLE (im, b->at_most);
        }
    }
}

static void
io_scores (Image *im, LimberRuleset *rs)
{
  IO_EACH (im, i, rs->scores, G_MAXINT32, "scores")
    {
      LimberScore *s = IO_ELEMENT (im, rs->scores, i, LimberScore);
      if (reading (im))
        {
          s->items = limber_new_score_item_array ();
          s->subscales = limber_new_subscale_array ();
          s->categories = limber_new_category_array ();
        }
      io_score (im, s);
    }
}

static void
io_templates (Image *im, LimberRuleset *rs)
{
  IO_UINT (im, rs->template_minutes);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      LimberTemplate *t = &rs->templates[g];
      IO_BOOL (im, t->present);
      IO_LINE (im, t->line);
      IO_STRV (im, t->routine, FALSE);
      IO_STRV (im, t->routine_cite, FALSE);
      IO_STR (im, t->routine_reason, FALSE);
      IO_LINE (im, t->routine_line);
      IO_EACH (im, i, t->slots, G_MAXINT32, "slots")
        {
          LimberSlot *s = IO_ELEMENT (im, t->slots, i, LimberSlot);
          IO_STR (im, s->id, TRUE);
          IO_DOUBLE_IN (im, s->share, 0, 1);
          IO_STRV (im, s->tags, TRUE);
          IO_UINT (im, s->max_items);
          IO_STR (im, s->reason, FALSE);
          IO_LINE (im, s->line);
        }
    }
}

static LimberPose *
io_pose (Image *im, LimberPose *p)
{
  gboolean present = p != NULL;
  IO_BOOL (im, present);
  if (!present)
    return NULL;
  if (reading (im))
    p = g_new0 (LimberPose, 1);
  IO_ENUM (im, p->view, LIMBER_VIEW_TOP);
  for (unsigned f = 0; f < LIMBER_POSE_N_FIGURES; f++)
    for (unsigned j = 0; j < LIMBER_N_JOINTS; j++)
      {
        LimberPoint *pt = &p->figures[f].joints[j];
        IO_BOOL (im, pt->set);
        IO_DOUBLE_IN (im, pt->x, 0, 100);
        IO_DOUBLE_IN (im, pt->y, 0, 100);
      }
  IO_BOOL (im, p->has_chair);
  IO_BOOL (im, p->chair.set);
  IO_DOUBLE_IN (im, p->chair.x, 0, 100);
  IO_DOUBLE_IN (im, p->chair.y, 0, 100);
  IO_BOOL (im, p->has_wall);
  IO_DOUBLE_IN (im, p->wall_x, 0, 100);
  return p;
}

static void
io_exercise (Image *im, LimberExercise *e)
{
  IO_STR (im, e->id, TRUE);
  IO_LINE (im, e->line);
  IO_STR (im, e->name, TRUE);
  IO_STR (im, e->reason, FALSE);
  IO_STRV (im, e->instructions, TRUE);
  IO_STRV (im, e->brief, FALSE);
  IO_STRV (im, e->muscles, TRUE);
  IO_STRV (im, e->regions, TRUE);
  IO_STRV (im, e->tags, TRUE);
  IO_STRV (im, e->equipment, TRUE);
  IO_ENUM (im, e->position, LIMBER_POSITION_WALL);
  IO_ENUM (im, e->posture, LIMBER_POSTURE_PRONE);
  IO_BOOL (im, e->to_floor);
  if (reading (im))
    e->targets = g_array_new (FALSE, FALSE, sizeof (LimberExerciseTarget));
  IO_EACH (im, i, e->targets, G_MAXINT32, "exercise targets")
    {
      LimberExerciseTarget t = { .measure_index = -1 };
      LimberExerciseTarget *tp = reading (im) ? &t : &g_array_index (e->targets, LimberExerciseTarget, i);
      IO_STR (im, tp->measure, TRUE);
      IO_BOOL (im, tp->primary);
      IO_BOOL (im, tp->stretches);
      IO_LINE (im, tp->line);
      if (reading (im))
        g_array_append_val (e->targets, t);
    }
  IO_INT (im, e->level, 1, 5);
  IO_BOOL (im, e->per_side);
  IO_NONNEG (im, e->base_weight);
  IO_BOOL (im, e->has_seconds_per_rep);
  IO_NONNEG (im, e->seconds_per_rep);

  if (reading (im))
    e->ladder = g_array_new (FALSE, TRUE, sizeof (LimberDose));
  IO_LINE (im, e->ladder_line);
  IO_STRV (im, e->ladder_cite, TRUE);
  IO_UINT (im, e->fill_up_to);
  guint n = IO_LEN (im, e->ladder, G_MAXINT32, "ladder steps");
  if (reading (im) && im->problem == NULL && n == 0)
    fail (im, "ladder steps", "none; an exercise's ladder has at least one step");
  for (guint i = 0; i < n && im->problem == NULL; i++)
    {
      LimberDose d = { 0 };
      LimberDose *dp = reading (im) ? &d : &g_array_index (e->ladder, LimberDose, i);
      IO_INT (im, dp->sets, 1, G_MAXUINT32);
      IO_UINT (im, dp->reps);
      IO_NONNEG (im, dp->hold_s);
      IO_NONNEG (im, dp->duration_s);
      if (reading (im))
        g_array_append_val (e->ladder, d);
    }

  gboolean contra = e->contraindications != NULL;
  IO_BOOL (im, contra);
  if (contra)
    {
      LimberCond *c = io_cond (im, e->contraindications, 0);
      if (reading (im))
        {
          e->contraindications = c;
          if (im->problem == NULL && c->kind != COND_ANY)
            fail (im, "contraindications", "not a list of conditions");
        }
    }
  if (reading (im))
    e->variants = limber_new_variant_array ();
  IO_EACH (im, i, e->variants, G_MAXINT32, "variants")
    {
      LimberVariant *v = IO_ELEMENT (im, e->variants, i, LimberVariant);
      if (reading (im))
        v->index = -1;
      IO_ENUM (im, v->kind, VARIANT_ALTERNATIVE);
      IO_STR (im, v->ref, TRUE);
      IO_LINE (im, v->line);
    }
  LimberPose *pose = io_pose (im, e->pose);
  if (reading (im))
    e->pose = pose;
}

static void
io_exercises (Image *im, LimberRuleset *rs)
{
  IO_EACH (im, i, rs->exercises, LIMBER_MAX_EXERCISES, "exercises")
    {
      LimberExercise *e = IO_ELEMENT (im, rs->exercises, i, LimberExercise);
      if (reading (im))
        e->index = i;
      io_exercise (im, e);
    }
}

static void
io_rules (Image *im, LimberRuleset *rs)
{
  IO_EACH (im, i, rs->rules, LIMBER_MAX_RULES, "rules")
    {
      LimberRule *r = IO_ELEMENT (im, rs->rules, i, LimberRule);
      if (reading (im))
        {
          r->reason_measure = -1;
          r->actions = limber_new_action_array ();
        }
      IO_STR (im, r->id, TRUE);
      IO_STRV (im, r->cite, TRUE);
      IO_LINE (im, r->line);
      IO_STR (im, r->description, TRUE);
      IO_STR (im, r->reason, FALSE);
      IO_LINE (im, r->reason_line);
      LimberCond *when = io_cond (im, r->when, 0);
      if (reading (im))
        r->when = when;
      IO_EACH (im, k, r->actions, G_MAXINT32, "actions")
        {
          LimberAction *a = IO_ELEMENT (im, r->actions, k, LimberAction);
          if (reading (im))
            {
              a->measure_index = -1;
              a->targets = g_array_new (FALSE, FALSE, sizeof (guint));
            }
          io_action (im, a);
        }
    }
}

static void
io_policy (Image *im, LimberRuleset *rs)
{
  IO_NONNEG (im, rs->timing.set_rest);
  IO_NONNEG (im, rs->timing.transition);
  IO_NONNEG (im, rs->timing.rep);
  LimberProgression *pr = &rs->progression;
  IO_INT (im, pr->advance_after, 1, G_MAXUINT32);
  IO_NONNEG (im, pr->safe_max);
  IO_NONNEG (im, pr->acceptable_max);
  IO_UINT (im, pr->max_steps_per_week);
  IO_UINT (im, pr->break_days);
  IO_UINT (im, pr->break_steps_back);
  IO_STRV (im, pr->cite, TRUE);
  IO_LINE (im, pr->line);
}

/* The whole payload, in the order build() in ruleset-load.c reads the
 * sections: the lists keep the XML's order, which the plans depend on. */
static void
io_ruleset (Image *im, LimberRuleset *rs)
{
  io_metadata (im, rs);
  io_measures (im, rs);
  io_questions (im, rs);
  io_red_flags (im, rs);
  io_scores (im, rs);
  io_templates (im, rs);
  io_exercises (im, rs);
  io_rules (im, rs);
  io_policy (im, rs);
}

/* ---- the two directions ------------------------------------------------ */

gboolean
limber_ruleset_image_is (const char *data, gsize length)
{
  return length >= sizeof image_magic && memcmp (data, image_magic, sizeof image_magic) == 0;
}

/* A writer with room for the header in front; image_finish() fills it in
 * once the payload is written, so the payload is never copied. */
static Image
image_start (void)
{
  Image im = { .out = g_byte_array_new () };
  g_byte_array_set_size (im.out, IMAGE_HEADER);
  return im;
}

static GBytes *
image_finish (Image *im)
{
  guint8 *header = im->out->data;
  gsize length = im->out->len - IMAGE_HEADER;
  guint32 format = GUINT32_TO_LE (LIMBER_IMAGE_FORMAT), reserved = 0;
  guint64 size = GUINT64_TO_LE ((guint64) length);
  memcpy (header, image_magic, sizeof image_magic);
  memcpy (header + 8, &format, sizeof format);
  memcpy (header + 12, &reserved, sizeof reserved);
  memcpy (header + 16, &size, sizeof size);
  g_autofree char *digest = limber_sha256_hex (header + IMAGE_HEADER, length);
  memcpy (header + 24, digest, 64);
  return g_byte_array_free_to_bytes (g_steal_pointer (&im->out));
}

GBytes *
limber_ruleset_image_wrap (const guint8 *payload, gsize length)
{
  Image im = image_start ();
  g_byte_array_append (im.out, payload, (guint) length);
  return image_finish (&im);
}

GBytes *
limber_ruleset_image_body_wrap (const guint8 *body, gsize length)
{
  Image im = image_start ();
  io_str (&im, LIMBER_VERSION_STRING, TRUE, "version");
  g_byte_array_append (im.out, body, (guint) length);
  return image_finish (&im);
}

GBytes *
limber_ruleset_image_body (GBytes *image)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (image, &length);
  g_return_val_if_fail (length > IMAGE_HEADER, NULL);
  Image im = { .start = data + IMAGE_HEADER, .p = data + IMAGE_HEADER, .end = data + length };
  g_free (io_str (&im, NULL, TRUE, "version"));
  g_return_val_if_fail (im.problem == NULL, NULL);
  return g_bytes_new (im.p, (gsize) (im.end - im.p));
}

GBytes *
limber_ruleset_image_write (const LimberRuleset *rs)
{
  Image im = image_start ();
  io_str (&im, LIMBER_VERSION_STRING, TRUE, "version");
  io_str (&im, rs->name, TRUE, "name");
  io_str (&im, rs->sha256, TRUE, "sha256");
  /* the io_ functions take the rule set to write as they take one to fill */
  io_ruleset (&im, (LimberRuleset *) rs);
  return image_finish (&im);
}

static G_GNUC_PRINTF (3, 4) void
refuse (GError **error, const char *name, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: not a usable compiled rule set: %s", name, what);
}

LimberRuleset *
limber_ruleset_image_read (const char *data, gsize length, const char *name, GError **error)
{
  const guint8 *bytes = (const guint8 *) data;
  if (length < IMAGE_HEADER || !limber_ruleset_image_is (data, length))
    {
      refuse (error, name, "%zu bytes, shorter than its %d-byte header or without its signature; expected the output "
              "of `limber compile`", (size_t) length, IMAGE_HEADER);
      return NULL;
    }
  guint32 format;
  guint64 size;
  memcpy (&format, bytes + 8, sizeof format);
  memcpy (&size, bytes + 16, sizeof size);
  format = GUINT32_FROM_LE (format);
  size = GUINT64_FROM_LE (size);
  if (format != LIMBER_IMAGE_FORMAT)
    {
      refuse (error, name, "written in format %u, and this limber (%s) reads format %d; compile the rule set again "
              "with `limber compile`", format, LIMBER_VERSION_STRING, LIMBER_IMAGE_FORMAT);
      return NULL;
    }
  if (size != length - IMAGE_HEADER)
    {
      refuse (error, name, "its header announces %" G_GUINT64_FORMAT " bytes of rules and %zu follow; the file was cut "
              "short or added to", size, (size_t) (length - IMAGE_HEADER));
      return NULL;
    }
  g_autofree char *digest = limber_sha256_hex (bytes + IMAGE_HEADER, (gsize) size);
  if (memcmp (digest, bytes + 24, 64) != 0)
    {
      refuse (error, name, "its SHA-256 does not match its contents; the file is damaged: compile the rule set again");
      return NULL;
    }

  Image im = { .start = bytes + IMAGE_HEADER, .p = bytes + IMAGE_HEADER, .end = bytes + length };
  g_autofree char *version = io_str (&im, NULL, TRUE, "version");
  if (im.problem == NULL && !g_str_equal (version, LIMBER_VERSION_STRING))
    {
      refuse (error, name, "compiled by limber %s, and this is limber %s; compile the rule set again with "
              "`limber compile`", version, LIMBER_VERSION_STRING);
      return NULL;
    }
  g_autofree char *source = io_str (&im, NULL, TRUE, "name");
  g_autofree char *sha256 = io_str (&im, NULL, TRUE, "sha256");
  if (im.problem == NULL && (strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64))
    fail (&im, "sha256", "not a SHA-256 in hexadecimal");
  LimberRuleset *rs = limber_ruleset_alloc (source ? source : name);
  io_ruleset (&im, rs);
  if (im.problem == NULL && im.p != im.end)
    fail (&im, "the end", "%zu bytes follow the rules", (size_t) (im.end - im.p));
  if (im.problem != NULL)
    {
      refuse (error, name, "%s", im.problem);
      g_free (im.problem);
      limber_ruleset_unref (rs);
      return NULL;
    }
  rs->sha256 = g_steal_pointer (&sha256);
  /* the same check as for the XML: an image can only ever hold a rule set
   * that would load from XML (the top of this file) */
  g_autoptr (LimberReport) report = limber_report_new ();
  if (!limber_ruleset_check (rs, NULL, 0, report))
    {
      limber_report_set_error (report, error, LIMBER_ERROR_SEMANTIC);
      /* an image only ever comes from a rule set that passed: the file was
       * altered, so say which file, before the lines of the XML it names */
      g_prefix_error (error, "%s: a compiled rule set that fails the checks its XML passed when compiled (the file "
                      "was altered: compile the rule set again):\n", name);
      limber_ruleset_unref (rs);
      return NULL;
    }
  limber_ruleset_compile (rs);
  return rs;
}

gboolean
limber_ruleset_write_compiled (const LimberRuleset *ruleset, const char *path, GError **error)
{
  g_return_val_if_fail (ruleset != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr (GBytes) image = limber_ruleset_image_write (ruleset);
  gsize length;
  const char *data = g_bytes_get_data (image, &length);
  g_autoptr (GError) local = NULL;
  /* g_file_set_contents writes a temporary file and renames it over path */
  if (!g_file_set_contents (path, data, (gssize) length, &local))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_IO, "%s: cannot write the compiled rule set: %s", path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}
