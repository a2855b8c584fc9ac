/*
 * The printed week as a PDF: cairo draws, pango sets the text.
 *
 * Every piece of the handout is first built as a block: text lines, boxes,
 * rules and pictures at positions measured with pango, and the places where
 * the block may be split.  A pager then puts blocks on the page (one column,
 * or two for short lists side by side and for the exercise guide), moves
 * a block that does not fit to the next column or page, and splits one that
 * is too tall between lines or table rows, repeating a table's header (an
 * exercise runs on into the next column under its name).  Nothing is drawn
 * outside the page's margins and nothing is clipped.
 *
 * The handout is set for readers over 65 following it alone: every word a
 * person reads is 10 pt or more (labels and the footer aside).  The week
 * and the safety box come first (before the notes, so that a long list of
 * them cannot push the signs that need urgent help off page 1), then what
 * changed and the notes; then the exercises, two
 * columns of cards (a tinted band with the name, where it is done, how much
 * with any side emphasis, and the picture with its motion arrow; the steps
 * and why under it; a short card leaves out where, which its picture and
 * first step say); then, from a page of their own, the log sheet (a line
 * per exercise per training day, the fields of a history entry) and the
 * re-scan sheet.  The stiff-back week takes two A4 pages and its sheets
 * two; a longer week flows onto more.
 *
 * Thirteen exercises' full steps alone fill more than a page at 10 pt, so a
 * week they would take past two pages prints the rule set's short steps on
 * every card instead, without the reasons that are not about the person.
 *
 * The layout runs twice, identically: once to count the pages (three times
 * when the full steps did not fit), once to draw them with "page N of M".  Text is real text (selectable, searchable) in
 * DejaVu Sans, which cairo embeds as a subset.  The document is dated by the
 * plan's first day, so the same plan always gives the same bytes.
 */
#include "render-private.h"
#include "i18n.h"

/* The handout's own words in the plan's language (i18n.h). */
#define L(english) limber_msg (P->print->lang, english)

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "limber/error.h"

/* ---- look --------------------------------------------------------------- */

typedef struct {
  double r, g, b;
} Colour;

static const Colour INK = { 0.106, 0.141, 0.188 };
static const Colour MUTED = { 0.357, 0.404, 0.459 };
static const Colour ACCENT = { 0.059, 0.431, 0.416 };
static const Colour ACCENT_SOFT = { 0.906, 0.949, 0.945 };
static const Colour LINE = { 0.835, 0.859, 0.882 };
static const Colour RULE = { 0.886, 0.902, 0.918 };
static const Colour REST = { 0.945, 0.953, 0.961 };
static const Colour WARN = { 0.706, 0.137, 0.094 };
static const Colour WARN_SOFT = { 0.992, 0.949, 0.945 };
static const Colour POSE_INKS[] = {
  [LIMBER_INK_PROP] = { 0.722, 0.757, 0.792 },
  [LIMBER_INK_FAR] = { 0.596, 0.643, 0.690 },
  [LIMBER_INK_BODY] = { 0.106, 0.141, 0.188 },
};

typedef enum {
  F_TITLE,
  F_NAME,
  F_DATES,
  F_H2,
  F_H3,
  F_CARD_TITLE,
  F_BODY,
  F_BODY_BOLD,
  F_STEP,
  F_STEP_BOLD,
  F_SIGN,
  F_LARGE,
  F_LARGE_BOLD,
  F_SMALL,
  F_LABEL,
  F_TABLE,
  F_TABLE_BOLD,
  F_NUMBER,
  F_BOX,
  F_OUTCOME,
  F_FOOTER,
  N_FONTS
} Font;

/* DejaVu Sans (Debian fonts-dejavu-core): wide coverage (×, –, ≤, →, ☐)
 * and metric-stable, so a layout measures the same on every machine. */
static const char *const font_names[N_FONTS] = {
  [F_TITLE] = "DejaVu Sans Bold 20",      [F_NAME] = "DejaVu Sans Bold 11.5",
  [F_DATES] = "DejaVu Sans 10",           [F_H2] = "DejaVu Sans Bold 13",
  [F_H3] = "DejaVu Sans Bold 11",         [F_CARD_TITLE] = "DejaVu Sans Bold 11.5",
  [F_BODY] = "DejaVu Sans 10",            [F_BODY_BOLD] = "DejaVu Sans Bold 10",
  [F_STEP] = "DejaVu Sans 10",            [F_STEP_BOLD] = "DejaVu Sans Bold 10",
  [F_SIGN] = "DejaVu Sans 10",
  [F_LARGE] = "DejaVu Sans 11",           [F_LARGE_BOLD] = "DejaVu Sans Bold 12",
  [F_SMALL] = "DejaVu Sans 10",           [F_LABEL] = "DejaVu Sans Bold 8",
  [F_TABLE] = "DejaVu Sans 10",           [F_TABLE_BOLD] = "DejaVu Sans Bold 10",
  [F_NUMBER] = "DejaVu Sans Bold 10",     [F_BOX] = "DejaVu Sans 14",
  [F_OUTCOME] = "DejaVu Sans Bold 16",    [F_FOOTER] = "DejaVu Sans 7",
};

/* Page geometry, in points: margins a printer can print (the footer ends
 * 13 pt above the page's edge). */
#define MARGIN_X 32.0
#define MARGIN_TOP 28.0
#define MARGIN_BOTTOM 32.0
#define FOOTER_GAP 11.0
#define COLUMN_GAP 9.0
#define SECTION_GAP 10.0
/* The exercise guide: its columns; a card's picture, at most PICTURE_H
 * tall or PICTURE_SHARE of the card wide, or down to PICTURE_SHRINK of
 * that to keep a name from wrapping; the tinted band's padding around the
 * text and (less: a pose has a margin of its own) around the picture. */
#define GUIDE_COLUMNS 2
#define PICTURE_H 46.0
#define PICTURE_SHARE 0.40
#define PICTURE_SHRINK 0.85
#define CARD_PAD 3.0
#define PICTURE_PAD 2.5
/* The steps: the gap between two, their lines as a share of the font's
 * height and their letter spacing in points.  DejaVu Sans is tall and wide
 * for its size: narrow columns of it read well set a little tighter. */
#define STEP_GAP 1.0
#define STEP_LEADING 0.95
#define STEP_TRACKING 0.0
#define EPSILON 0.01

/* ---- blocks ---------------------------------------------------------------- */

typedef enum {
  ITEM_LINE,                /* one line of a layout */
  ITEM_RECT,
  ITEM_RULE,
  ITEM_POSE,
} ItemKind;

typedef struct {
  ItemKind kind;
  double x, y, w, h;        /* from the block's top left */
  PangoLayout *layout;      /* ITEM_LINE: a reference */
  int line;
  double baseline;          /* ITEM_LINE: from y */
  Colour colour;            /* text, rule, or fill */
  Colour stroke;
  gboolean fill, outline;
  double width, radius;
  gboolean background;      /* ITEM_RECT behind a whole box: cut where the box is split */
  const LimberPose *pose;
} Item;

typedef struct {
  GArray *items;            /* Item */
  GArray *repeat;           /* Item: drawn atop every continuation (a table's header) */
  double repeat_h;
  GArray *breaks;           /* double: where the block may be split: between paragraphs, rows */
  GArray *line_breaks;      /* double: where it may be split too, inside a paragraph */
  double height;
  double min_break;         /* never split above this: keeps a heading with what follows */
  double min_tail;          /* nor leave less than this below a split */
  gboolean keep;            /* move whole to the next column when it fits there */
} Block;

static void
item_clear (Item *it)
{
  g_clear_object (&it->layout);
}

static Block *
block_new (gboolean keep)
{
  Block *b = g_new0 (Block, 1);
  b->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (b->items, (GDestroyNotify) item_clear);
  b->repeat = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (b->repeat, (GDestroyNotify) item_clear);
  b->breaks = g_array_new (FALSE, TRUE, sizeof (double));
  b->line_breaks = g_array_new (FALSE, TRUE, sizeof (double));
  b->keep = keep;
  return b;
}

static void
block_free (Block *b)
{
  g_array_unref (b->items);
  g_array_unref (b->repeat);
  g_array_unref (b->breaks);
  g_array_unref (b->line_breaks);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Block, block_free)

static void
block_break (Block *b, double y)
{
  g_array_append_val (b->breaks, y);
}

static void
block_rect (Block *b, double x, double y, double w, double h, const Colour *fill, const Colour *stroke, double width,
            double radius, gboolean background)
{
  Item it = { .kind = ITEM_RECT, .x = x, .y = y, .w = w, .h = h, .width = width, .radius = radius,
              .background = background };
  if (fill)
    it.fill = TRUE, it.colour = *fill;
  if (stroke)
    it.outline = TRUE, it.stroke = *stroke;
  g_array_append_val (b->items, it);
}

static void
block_rule (Block *b, double x1, double y, double x2, const Colour *colour, double width)
{
  Item it = { .kind = ITEM_RULE, .x = x1, .y = y, .w = x2 - x1, .h = 0, .colour = *colour, .width = width };
  g_array_append_val (b->items, it);
}

static void
block_pose (Block *b, const LimberPose *pose, double x, double y, double w, double h)
{
  Item it = { .kind = ITEM_POSE, .x = x, .y = y, .w = w, .h = h, .pose = pose };
  g_array_append_val (b->items, it);
}

/* Adds lines [from, to) of a layout (to < 0: all of them), the first one's
 * top at y; each line's top is a place the block may break when breakable.
 * Returns the height of the lines added. */
static double
block_lines (Block *b, GArray *into, PangoLayout *layout, double x, double y, const Colour *colour, int from, int to,
             gboolean breakable)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;
  double first_top = 0, last_bottom = 0;
  gboolean any = FALSE;
  guint previous = G_MAXUINT;
  do
    {
      if (index < from || (to >= 0 && index >= to))
        continue;
      int top, bottom;
      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (!any)
        first_top = pango_units_to_double (top);
      any = TRUE;
      last_bottom = pango_units_to_double (bottom);
      Item it = {
        .kind = ITEM_LINE,
        .x = x + pango_units_to_double (logical.x),
        .y = y + pango_units_to_double (top) - first_top,
        .h = pango_units_to_double (bottom - top),
        .baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - top),
        .layout = g_object_ref (layout),
        .line = index,
        .colour = *colour,
      };
      if (breakable)
        g_array_append_val (index == from ? b->breaks : b->line_breaks, it.y);
      /* lines set tighter than the font's height overlap a little: each
       * but the last ends where the next begins, so that a split between
       * them crosses neither */
      if (previous != G_MAXUINT)
        {
          Item *above = &g_array_index (into, Item, previous);
          above->h = MIN (above->h, it.y - above->y);
        }
      previous = into->len;
      g_array_append_val (into, it);
    }
  while (index++, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return any ? last_bottom - first_top : 0;
}

static double
block_text (Block *b, PangoLayout *layout, double x, double y, const Colour *colour, gboolean breakable)
{
  return block_lines (b, b->items, layout, x, y, colour, 0, -1, breakable);
}

static void
block_grow (Block *b, double bottom)
{
  b->height = MAX (b->height, bottom);
}

/* ---- the pager ---------------------------------------------------------------- */

typedef struct {
  cairo_t *cr;
  PangoContext *pc;
  PangoFontDescription *fonts[N_FONTS];
  const LimberPrint *print;
  gboolean drawing;         /* FALSE on the first pass, which only counts pages */
  double page_w, page_h;
  unsigned page, n_pages;
  unsigned columns, column;
  double band_top;          /* where the columns of this page's band start */
  double band_bottom;       /* the lowest point any column of the band reached */
  double balance;           /* when above 0, where columns but the last end: evens out a last page */
  gboolean whole;           /* while balancing: blocks move whole rather than split */
  gboolean brief;           /* cards print the rule set's short steps where it has them */
  gboolean whole_at_page_end; /* a block that would run on over a page turn moves whole instead (it may
                               * still run on from one column into the next) */
  unsigned week_pages;      /* the pages before the log sheet, when laid out */
  double y;
} Pager;

static double
content_width (const Pager *P)
{
  return P->page_w - 2 * MARGIN_X;
}

static double
width_of_columns (const Pager *P, unsigned columns)
{
  return (content_width (P) - (columns - 1) * COLUMN_GAP) / columns;
}

static double
column_width (const Pager *P)
{
  return width_of_columns (P, P->columns);
}

static double
column_x (const Pager *P)
{
  return MARGIN_X + P->column * (column_width (P) + COLUMN_GAP);
}

static double
page_bottom (const Pager *P)
{
  return P->page_h - MARGIN_BOTTOM;
}

static double
frame_bottom (const Pager *P)
{
  if (P->balance > 0 && P->column + 1 < P->columns)
    return MIN (P->balance, page_bottom (P));
  return page_bottom (P);
}

static gboolean
frame_empty (const Pager *P)
{
  return P->y <= P->band_top + EPSILON;
}

static PangoLayout *
text_layout (Pager *P, Font font, const char *text, double width, PangoAlignment align)
{
  PangoLayout *l = pango_layout_new (P->pc);
  pango_layout_set_font_description (l, P->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (l, pango_units_from_double (width));
      /* words first; a word longer than the line is cut rather than let out */
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (l, align);
  pango_layout_set_text (l, text ? text : "", -1);
  return l;
}

static PangoLayout *
markup_layout (Pager *P, Font font, const char *markup, double width)
{
  PangoLayout *l = text_layout (P, font, "", width, PANGO_ALIGN_LEFT);
  pango_layout_set_markup (l, markup, -1);
  return l;
}

static double
layout_height (PangoLayout *l)
{
  int w, h;
  pango_layout_get_size (l, &w, &h);
  return pango_units_to_double (h);
}

static void
set_colour (cairo_t *cr, const Colour *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Both figures of a pose side by side with an arrow between them, fitted
 * into the box; a still pose (a rest position) is one figure. */
static unsigned
pose_figures (const LimberPose *pose)
{
  LimberPoseMotion m;
  limber_pose_motion (pose, &m);
  return m.still ? 1 : LIMBER_POSE_N_FIGURES;
}

/* The gap between the two figures, in the pose's units. */
static double
pose_gap (double bh)
{
  return MAX (18.0, bh * 0.3);
}

static void
draw_pose (cairo_t *cr, const LimberPose *pose, double x, double y, double w, double h)
{
  double x0, y0, x1, y1;
  limber_pose_bounds (pose, &x0, &y0, &x1, &y1);
  unsigned n = pose_figures (pose);
  double bw = x1 - x0, bh = y1 - y0, gap = pose_gap (bh);
  double total = n * bw + (n - 1) * gap;
  double scale = MIN (w / total, h / bh);
  double ox = x + (w - total * scale) / 2, oy = y + (h - bh * scale) / 2;
  double body = CLAMP (3.0 * scale, 0.9, 2.4), prop = CLAMP (1.6 * scale, 0.5, 1.1);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (unsigned f = 0; f < n; f++)
    {
      double dx = f == LIMBER_POSE_START ? 0 : bw + gap;
      g_autoptr (GArray) shapes = limber_pose_shapes (pose, (LimberPoseFigure) f);
      for (guint i = 0; i < shapes->len; i++)
        {
          const LimberShape *s = &g_array_index (shapes, LimberShape, i);
#define PX(v) (ox + ((v) - x0 + dx) * scale)
#define PY(v) (oy + (y1 - (v)) * scale)
          set_colour (cr, s->ink == LIMBER_INK_MOTION ? &ACCENT : &POSE_INKS[s->ink]);
          if (s->kind == LIMBER_SHAPE_HEAD)
            {
              cairo_arc (cr, PX (s->x1), PY (s->y1), s->r * scale, 0, 2 * G_PI);
              cairo_fill (cr);
              continue;
            }
          cairo_move_to (cr, PX (s->x1), PY (s->y1));
          if (s->kind == LIMBER_SHAPE_CURVE || s->kind == LIMBER_SHAPE_ARROW)
            {
              /* the quadratic as the cubic cairo draws: control points two
               * thirds of the way from each end to the quadratic's */
              double c1x = s->x1 + 2.0 / 3 * (s->cx - s->x1), c1y = s->y1 + 2.0 / 3 * (s->cy - s->y1);
              double c2x = s->x2 + 2.0 / 3 * (s->cx - s->x2), c2y = s->y2 + 2.0 / 3 * (s->cy - s->y2);
              cairo_curve_to (cr, PX (c1x), PY (c1y), PX (c2x), PY (c2y), PX (s->x2), PY (s->y2));
            }
          else
            cairo_line_to (cr, PX (s->x2), PY (s->y2));
          if (s->kind == LIMBER_SHAPE_ARROW)
            {
              double barbs[2][2];
              limber_shape_arrow_barbs (s, barbs);
              for (int k = 0; k < 2; k++)
                {
                  cairo_move_to (cr, PX (barbs[k][0]), PY (barbs[k][1]));
                  cairo_line_to (cr, PX (s->x2), PY (s->y2));
                }
              cairo_set_line_width (cr, CLAMP (2.2 * scale, 0.8, 1.6));
            }
          else
            cairo_set_line_width (cr, s->ink == LIMBER_INK_PROP ? prop : body);
          cairo_stroke (cr);
#undef PX
#undef PY
        }
    }
  if (n == LIMBER_POSE_N_FIGURES)
    {
      /* then: the arrow from start to end */
      LimberGapArrow arrow = limber_pose_gap_arrow (bw, gap, bh);
      double ax0 = ox + arrow.x0 * scale, ax1 = ox + arrow.x1 * scale;
      double ay = oy + arrow.y * scale, head = arrow.head * scale;
      set_colour (cr, &MUTED);
      cairo_set_line_width (cr, CLAMP (2.5 * scale, 0.8, 1.6));
      cairo_move_to (cr, ax0, ay);
      cairo_line_to (cr, ax1, ay);
      cairo_move_to (cr, ax1 - head, ay - head);
      cairo_line_to (cr, ax1, ay);
      cairo_line_to (cr, ax1 - head, ay + head);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The pose's width for its height, as draw_pose() lays it out. */
static double
pose_aspect (const LimberPose *pose)
{
  double x0, y0, x1, y1;
  limber_pose_bounds (pose, &x0, &y0, &x1, &y1);
  unsigned n = pose_figures (pose);
  double bh = y1 - y0;
  return (n * (x1 - x0) + (n - 1) * pose_gap (bh)) / bh;
}

/* Draws an item with its top at (ox + it->x, top); a background rectangle
 * only over [from, to) of the block, reaching lead points higher to sit
 * behind a repeated header too. */
static void
draw_item (Pager *P, const Item *it, double ox, double top, double from, double to, double lead)
{
  cairo_t *cr = P->cr;
  switch (it->kind)
    {
    case ITEM_LINE:
      {
        set_colour (cr, &it->colour);
        cairo_move_to (cr, ox + it->x, top + it->baseline);
        pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (it->layout, it->line));
        break;
      }
    case ITEM_RECT:
      {
        double y = top, h = it->h;
        if (it->background)
          {
            double a = MAX (it->y, from), b = MIN (it->y + it->h, to);
            y = top + (a - it->y) - lead;
            h = b - a + lead;
          }
        if (h <= 0)
          break;
        rounded_rect (cr, ox + it->x, y, it->w, h, it->radius);
        if (it->fill)
          {
            set_colour (cr, &it->colour);
            it->outline ? cairo_fill_preserve (cr) : cairo_fill (cr);
          }
        if (it->outline)
          {
            set_colour (cr, &it->stroke);
            cairo_set_line_width (cr, it->width);
            cairo_stroke (cr);
          }
        break;
      }
    case ITEM_RULE:
      set_colour (cr, &it->colour);
      cairo_set_line_width (cr, it->width);
      cairo_move_to (cr, ox + it->x, top);
      cairo_line_to (cr, ox + it->x + it->w, top);
      cairo_stroke (cr);
      break;
    case ITEM_POSE:
      draw_pose (cr, it->pose, ox + it->x, top, it->w, it->h);
      break;
    }
}

static void
draw_footer (Pager *P)
{
  const LimberPrint *p = P->print;
  double y = P->page_h - MARGIN_BOTTOM + FOOTER_GAP;
  double w = content_width (P);
  g_autofree char *page = g_strdup_printf (L ("Page %u of %u"), P->page + 1, P->n_pages);
  g_autoptr (PangoLayout) right = text_layout (P, F_FOOTER, page, -1, PANGO_ALIGN_LEFT);
  int rw, rh;
  pango_layout_get_size (right, &rw, &rh);
  double right_w = pango_units_to_double (rw);
  g_autoptr (PangoLayout) left = text_layout (P, F_FOOTER, p->footer, w - right_w - 12, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  set_colour (P->cr, &LINE);
  cairo_set_line_width (P->cr, 0.5);
  cairo_move_to (P->cr, MARGIN_X, y - 5);
  cairo_line_to (P->cr, MARGIN_X + w, y - 5);
  cairo_stroke (P->cr);
  set_colour (P->cr, &MUTED);
  cairo_move_to (P->cr, MARGIN_X, y);
  pango_cairo_show_layout (P->cr, left);
  cairo_move_to (P->cr, MARGIN_X + w - right_w, y);
  pango_cairo_show_layout (P->cr, right);
}

static void
new_page (Pager *P)
{
  if (P->drawing)
    {
      draw_footer (P);
      cairo_show_page (P->cr);
    }
  P->page++;
  P->column = 0;
  P->balance = 0;
  P->whole = FALSE;
  P->band_top = P->band_bottom = P->y = MARGIN_TOP;
}

static void
next_frame (Pager *P)
{
  P->band_bottom = MAX (P->band_bottom, P->y);
  if (P->column + 1 < P->columns)
    {
      P->column++;
      P->y = P->band_top;
    }
  else
    new_page (P);
}

/* Columns change below everything placed so far on the page.  One
 * column is the page's own frame again: what follows is not at its top. */
static void
set_columns (Pager *P, unsigned columns)
{
  if (columns == P->columns)
    return;
  P->band_bottom = MAX (P->band_bottom, P->y);
  P->columns = columns;
  P->column = 0;
  P->y = P->band_bottom;
  P->band_top = columns == 1 ? MARGIN_TOP : P->y;
}

static void
space (Pager *P, double s)
{
  if (!frame_empty (P))
    P->y += s;
}

/* Starts a new column unless h points are left in this one. */
static void
need (Pager *P, double h)
{
  if (!frame_empty (P) && P->y + h > frame_bottom (P) + EPSILON)
    next_frame (P);
}

/* Whether an item other than a background crosses y. */
static gboolean
crossed (const Block *b, double y)
{
  for (guint i = 0; i < b->items->len; i++)
    {
      const Item *it = &g_array_index (b->items, Item, i);
      if (!it->background && it->y < y - EPSILON && it->y + it->h > y + EPSILON)
        return TRUE;
    }
  return FALSE;
}

/* The lowest place of a list in (lo, hi] where the block may split, or lo
 * if none; with hi < 0, the first one after lo, however far. */
static double
find_break_in (const Block *b, GArray *breaks, double lo, double hi)
{
  double best = lo;
  gboolean lowest = hi < 0;
  for (guint i = 0; i < breaks->len; i++)
    {
      double y = g_array_index (breaks, double, i);
      if (y <= lo + EPSILON || y < b->min_break - EPSILON || (!lowest && y > hi + EPSILON)
          || b->height - y < b->min_tail - EPSILON || crossed (b, y))
        continue;
      if (lowest ? (best == lo || y < best) : y > best)
        best = y;
    }
  return best;
}

/* Where to split: between paragraphs or rows, unless splitting inside a
 * paragraph fills the column much better. */
#define PREFER_WHOLE 12.0
static double
find_break (const Block *b, double lo, double hi)
{
  double whole = find_break_in (b, b->breaks, lo, hi);
  double line = find_break_in (b, b->line_breaks, lo, hi);
  if (hi < 0)
    return whole > lo && (line <= lo || whole <= line) ? whole : line;
  return whole > lo && whole >= line - PREFER_WHOLE ? whole : MAX (whole, line);
}

/* Whether an item is drawn with the piece [from, to) of its block; a rule
 * on a break belongs to the piece above it. */
static gboolean
in_piece (const Item *it, double from, double to)
{
  if (it->background)
    return it->y < to && it->y + it->h > from;
  if (it->h <= EPSILON)
    return (it->y > from + EPSILON || from <= EPSILON) && it->y <= to + EPSILON;
  return it->y >= from - EPSILON && it->y < to - EPSILON;
}

static void
draw_piece (Pager *P, const Block *b, double from, double to, gboolean continued)
{
  double ox = column_x (P), top = P->y;
  double head = continued ? b->repeat_h : 0, shift = top + head - from;
  /* backgrounds first, whatever order they were added in, then a repeated
   * header, then the rest */
  for (guint i = 0; P->drawing && i < b->items->len; i++)
    {
      const Item *it = &g_array_index (b->items, Item, i);
      if (it->background && in_piece (it, from, to))
        draw_item (P, it, ox, it->y + shift, from, to, it->y < from ? head : 0);
    }
  for (guint i = 0; P->drawing && continued && i < b->repeat->len; i++)
    {
      const Item *r = &g_array_index (b->repeat, Item, i);
      draw_item (P, r, ox, top + r->y, r->y, r->y + r->h, 0);
    }
  for (guint i = 0; P->drawing && i < b->items->len; i++)
    {
      const Item *it = &g_array_index (b->items, Item, i);
      if (!it->background && in_piece (it, from, to))
        draw_item (P, it, ox, it->y + shift, from, to, 0);
    }
  P->y += head + (to - from);
}

/* Puts a block in the current column, moving on or splitting it as needed. */
static void
place (Pager *P, const Block *b)
{
  double offset = 0;
  gboolean continued = FALSE;
  while (offset < b->height - EPSILON)
    {
      double head = continued ? b->repeat_h : 0;
      double room = frame_bottom (P) - P->y - head;
      double full = frame_bottom (P) - P->band_top - head;
      if (b->height - offset <= room + EPSILON)
        {
          draw_piece (P, b, offset, b->height, continued);
          return;
        }
      gboolean keep = b->keep || P->whole || (P->whole_at_page_end && P->column + 1 == P->columns);
      /* balancing: the last column takes whatever the others could not */
      if (!continued && P->whole && P->column + 1 < P->columns)
        {
          next_frame (P);
          continue;
        }
      if (!frame_empty (P) && ((!continued && keep && b->height <= full + EPSILON) || room < 24))
        {
          next_frame (P);
          continue;
        }
      double cut = find_break (b, offset, offset + room);
      if (cut <= offset + EPSILON)
        {
          if (!frame_empty (P))
            {
              next_frame (P);
              continue;
            }
          /* nothing fits even a whole column: cut at the first place that
           * can be cut at all (layouts never make such a piece) */
          cut = find_break (b, offset, -1);
          if (cut <= offset + EPSILON)
            cut = b->height;
        }
      draw_piece (P, b, offset, cut, continued);
      offset = cut;
      continued = TRUE;
      if (offset < b->height - EPSILON)
        next_frame (P);
    }
}

/* ---- the handout's pieces -------------------------------------------------------- */

/* A section's heading over a rule; an aside, when given, follows it on
 * its line in small type when there is room, else goes under the rule. */
static double
heading_with (Pager *P, Block *b, double y, const char *text, const char *aside, const Colour *colour)
{
  double w = column_width (P);
  g_autoptr (PangoLayout) l = text_layout (P, F_H2, text, w, PANGO_ALIGN_LEFT);
  int text_w, base = pango_layout_get_baseline (l);
  pango_layout_get_size (l, &text_w, NULL);
  g_autoptr (PangoLayout) a = aside ? text_layout (P, F_BODY, aside, -1, PANGO_ALIGN_LEFT) : NULL;
  int aside_w = 0;
  if (a)
    pango_layout_get_size (a, &aside_w, NULL);
  gboolean beside = a && pango_layout_get_line_count (l) == 1
                    && pango_units_to_double (text_w + aside_w) + 12 <= w;
  double top = y;
  y += block_text (b, l, 0, y, colour, FALSE) + 1.5;
  if (beside)
    block_text (b, a, w - pango_units_to_double (aside_w),
                top + pango_units_to_double (base - pango_layout_get_baseline (a)), &MUTED, FALSE);
  block_rule (b, 0, y, w, colour, 1.2);
  y += 5;
  if (a && !beside)
    {
      g_autoptr (PangoLayout) under = text_layout (P, F_BODY, aside, w, PANGO_ALIGN_LEFT);
      y += block_text (b, under, 0, y, &MUTED, FALSE) + 4;
    }
  return y;
}

static double
heading (Pager *P, Block *b, double y, const char *text, const Colour *colour)
{
  return heading_with (P, b, y, text, NULL, colour);
}

static void
header_block (Pager *P)
{
  const LimberPrint *p = P->print;
  g_autoptr (Block) b = block_new (TRUE);
  double w = column_width (P), y = 0;
  const Colour *title_colour = p->referral ? &WARN : &ACCENT;
  g_autoptr (PangoLayout) title = text_layout (P, F_TITLE, p->title, w, PANGO_ALIGN_LEFT);
  /* the person and the dates at the right of the title, when the title
   * leaves them room enough; else under it */
  int title_w;
  pango_layout_get_size (title, &title_w, NULL);
  double side_w = w - pango_units_to_double (title_w) - 16;
  gboolean beside = pango_layout_get_line_count (title) == 1 && side_w >= w * 0.36;
  g_autoptr (PangoLayout) name = p->name ? text_layout (P, F_NAME, p->name, side_w, PANGO_ALIGN_RIGHT) : NULL;
  g_autoptr (PangoLayout) dates = text_layout (P, F_DATES, p->dates, side_w, PANGO_ALIGN_RIGHT);
  /* a name that would wrap in more than two lines there reads better under it */
  beside = beside && (name == NULL || pango_layout_get_line_count (name) <= 2)
           && pango_layout_get_line_count (dates) == 1;
  double who_x = beside ? w - side_w : 0;
  PangoLayout *who[] = { dates, name };
  for (guint i = 0; !beside && i < G_N_ELEMENTS (who); i++)
    if (who[i])
      {
        pango_layout_set_width (who[i], pango_units_from_double (w));
        pango_layout_set_alignment (who[i], PANGO_ALIGN_LEFT);
      }
  double title_h = block_text (b, title, 0, y, title_colour, FALSE);
  double who_y = beside ? y : y + title_h + 2, who_h = 0;
  if (beside)
    {
      /* the last line of the two at the title's baseline */
      double both = (name ? layout_height (name) + 1 : 0) + layout_height (dates);
      int base = pango_layout_get_baseline (title);
      PangoLayoutIter *iter = pango_layout_get_iter (dates);
      while (pango_layout_iter_next_line (iter))
        ;
      double last_base = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      pango_layout_iter_free (iter);
      who_y = MAX (y, y + pango_units_to_double (base) - (both - layout_height (dates)) - last_base);
    }
  if (name)
    who_h += block_text (b, name, who_x, who_y + who_h, &INK, FALSE) + 1;
  who_h += block_text (b, dates, who_x, who_y + who_h, &MUTED, FALSE);
  y = MAX (y + title_h, who_y + who_h) + 6;

  /* the facts, side by side in a tinted band */
  g_autofree char *goal_label = g_utf8_strup (L ("Goal"), -1);
  g_autofree char *time_label = g_utf8_strup (L ("Time"), -1);
  g_autofree char *ruleset_label = g_utf8_strup (L ("Rule set"), -1);
  const char *labels[3] = { goal_label, time_label, ruleset_label };
  g_autofree char *goal = p->goal_text ? g_markup_printf_escaped ("<b>%s</b>: %s", p->goal, p->goal_text)
                                       : g_markup_printf_escaped ("<b>%s</b>", p->goal);
  g_autofree char *schedule = g_markup_escape_text (p->schedule, -1);
  g_autofree char *ruleset = g_markup_escape_text (p->ruleset, -1);
  const char *values[3] = { goal, schedule, ruleset };
  double shares[3] = { 0.52, 0.28, 0.20 };
  unsigned first = p->referral ? 2 : 0;
  double pad = 6, inner = w - 2 * pad, x = pad, bottom = 0;
  double used = 0;
  for (unsigned i = first; i < 3; i++)
    used += shares[i];
  for (unsigned i = first; i < 3; i++)
    {
      double cw = inner * shares[i] / used - (i < 2 ? 10 : 0);
      g_autoptr (PangoLayout) label = text_layout (P, F_LABEL, labels[i], cw, PANGO_ALIGN_LEFT);
      double h = block_text (b, label, x, y + pad, &MUTED, FALSE) + 1.5;
      g_autoptr (PangoLayout) value = markup_layout (P, F_BODY, values[i], cw);
      h += block_text (b, value, x, y + pad + h, &INK, FALSE);
      bottom = MAX (bottom, h);
      x += cw + 10;
    }
  block_rect (b, 0, y, w, bottom + 2 * pad, &ACCENT_SOFT, NULL, 0, 4, TRUE);
  block_grow (b, y + bottom + 2 * pad);
  place (P, b);
}

/* Column positions of the week table. */
typedef struct {
  double name_x, name_w, dose_x, dose_w, day_x, day_w;
} WeekColumns;

static WeekColumns
week_columns (Pager *P, unsigned n_days)
{
  WeekColumns c;
  double w = column_width (P);
  c.day_w = 40;
  double rest = w - n_days * c.day_w;
  c.name_x = 0;
  c.name_w = rest * 0.54;
  c.dose_x = c.name_w;
  c.dose_w = rest - c.name_w;
  c.day_x = rest;
  return c;
}

#define CELL_PAD 1.6
#define LOG_ROW_H 17.0

/* The table's header row, at y in items. */
static double
week_header (Pager *P, Block *b, GArray *items, double y, const LimberPrintWeek *wk, const WeekColumns *c)
{
  const LimberPrint *p = P->print;
  double h = 0;
  /* measure first: every cell sits on the row's bottom */
  g_autoptr (PangoLayout) ex = text_layout (P, F_LABEL, L (LIMBER_PRINT_EXERCISE), c->name_w - CELL_PAD, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) dose = text_layout (P, F_LABEL, L (LIMBER_PRINT_DOSE), c->dose_w - CELL_PAD, PANGO_ALIGN_LEFT);
  PangoLayout *days[7][3] = { { NULL } };
  double day_h = 0;
  for (unsigned d = 0; d < wk->n_days; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, wk->first_day + d);
      days[d][0] = text_layout (P, F_TABLE_BOLD, day->weekday, c->day_w - 2, PANGO_ALIGN_CENTER);
      days[d][1] = text_layout (P, F_SMALL, day->day_month, c->day_w - 2, PANGO_ALIGN_CENTER);
      days[d][2] = text_layout (P, F_SMALL, day->rest ? L (LIMBER_PRINT_REST) : day->minutes, c->day_w - 2, PANGO_ALIGN_CENTER);
      double dh = 0;
      for (unsigned k = 0; k < 3; k++)
        dh += layout_height (days[d][k]);
      day_h = MAX (day_h, dh);
    }
  h = MAX (day_h, layout_height (ex)) + 2 * CELL_PAD;
  double label_y = y + h - CELL_PAD - layout_height (ex);
  for (unsigned d = 0; d < wk->n_days; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, wk->first_day + d);
      double x = c->day_x + d * c->day_w;
      if (day->rest)
        {
          Item bg = { .kind = ITEM_RECT, .x = x + 1, .y = y, .w = c->day_w - 2, .h = h, .fill = TRUE, .colour = REST };
          g_array_append_val (items, bg);
        }
      double dy = y + h - CELL_PAD - (layout_height (days[d][0]) + layout_height (days[d][1]) + layout_height (days[d][2]));
      for (unsigned k = 0; k < 3; k++)
        {
          dy += block_lines (b, items, days[d][k], x + 1, dy, k == 0 ? &INK : &MUTED, 0, -1, FALSE);
          g_object_unref (days[d][k]);
        }
    }
  block_lines (b, items, ex, c->name_x, label_y, &MUTED, 0, -1, FALSE);
  block_lines (b, items, dose, c->dose_x, label_y, &MUTED, 0, -1, FALSE);
  Item rule = { .kind = ITEM_RULE, .x = 0, .y = y + h, .w = column_width (P), .colour = INK, .width = 0.8 };
  g_array_append_val (items, rule);
  return h;
}

static void
week_block (Pager *P, const LimberPrintWeek *wk, gboolean first)
{
  const LimberPrint *p = P->print;
  g_autoptr (Block) b = block_new (FALSE);
  double w = column_width (P), y = 0;
  if (first)
    {
      y = heading (P, b, y, L (LIMBER_PRINT_WEEK_HEADING), &ACCENT);
      g_autoptr (PangoLayout) how = text_layout (P, F_BODY, p->how_to, w, PANGO_ALIGN_LEFT);
      y += block_text (b, how, 0, y, &MUTED, FALSE) + 5;
    }
  if (wk->title)
    {
      g_autoptr (PangoLayout) t = text_layout (P, F_H3, wk->title, w, PANGO_ALIGN_LEFT);
      y += block_text (b, t, 0, y, &INK, FALSE) + 3;
    }
  WeekColumns c = week_columns (P, wk->n_days);
  y += week_header (P, b, b->items, y, wk, &c);
  b->repeat_h = week_header (P, b, b->repeat, 0, wk, &c);

  for (guint r = 0; r < wk->rows->len; r++)
    {
      const LimberPrintRow *row = g_ptr_array_index (wk->rows, r);
      block_break (b, y);
      if (row->slot_label)
        {
          g_autofree char *upper = g_utf8_strup (row->slot_label, -1);
          g_autoptr (PangoLayout) l = text_layout (P, F_LABEL, upper, c.name_w + c.dose_w, PANGO_ALIGN_LEFT);
          y += 3;
          y += block_text (b, l, CELL_PAD, y, &ACCENT, FALSE) + 0.5;
        }
      g_autoptr (PangoLayout) name = text_layout (P, F_TABLE_BOLD, row->name, c.name_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) dose = text_layout (P, F_TABLE, row->dose, c.dose_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
      double h = MAX (layout_height (name), layout_height (dose)) + 2 * CELL_PAD;
      PangoLayout *numbers[7] = { NULL };
      for (unsigned d = 0; d < wk->n_days; d++)
        {
          const char *cell = g_ptr_array_index (row->cells, d);
          if (cell == NULL)
            continue;
          numbers[d] = text_layout (P, F_NUMBER, cell, c.day_w - 2, PANGO_ALIGN_CENTER);
          h = MAX (h, layout_height (numbers[d]) + 2 * CELL_PAD);
        }
      /* in reading order: the exercise, its dose, then the days */
      block_text (b, name, c.name_x + CELL_PAD, y + CELL_PAD, &INK, FALSE);
      block_text (b, dose, c.dose_x + CELL_PAD, y + CELL_PAD, &INK, FALSE);
      for (unsigned d = 0; d < wk->n_days; d++)
        {
          const LimberPrintDay *day = g_ptr_array_index (p->days, wk->first_day + d);
          double x = c.day_x + d * c.day_w;
          if (day->rest)
            block_rect (b, x + 1, y, c.day_w - 2, h, &REST, NULL, 0, 0, FALSE);
          if (numbers[d] == NULL)
            continue;
          block_text (b, numbers[d], x + 1, y + CELL_PAD, &ACCENT, FALSE);
          g_object_unref (numbers[d]);
        }
      y += h;
      block_rule (b, 0, y, w, &RULE, 0.5);
      if (r == 0)
        b->min_break = y;
    }
  block_grow (b, y);
  place (P, b);
}

/* The lines of a list's item that always stay on one page */
#define LIST_ITEM_WHOLE_LINES 10

/* A heading and a list of bullets; bullets may hold markup.  NULL when
 * the list is empty. */
static Block *
list_block (Pager *P, const char *title, GPtrArray *markup_items, const Colour *colour)
{
  if (markup_items->len == 0)
    return NULL;
  Block *b = block_new (FALSE);
  double w = column_width (P), y = heading (P, b, 0, title, colour);
  for (guint i = 0; i < markup_items->len; i++)
    {
      g_autoptr (PangoLayout) dot = text_layout (P, F_BODY_BOLD, "\xe2\x80\xa2", 8, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) l = markup_layout (P, F_BODY, g_ptr_array_index (markup_items, i), w - 10);
      /* a list breaks between its items, not inside one: a note is read
       * whole, not half on one page and half over the page; only one too
       * long for that (a rule set's own, of a dozen lines) may break
       * between its lines, so that it never runs past a page's foot */
      if (i > 0)
        block_break (b, y);
      block_text (b, dot, 1, y, colour, FALSE);
      y += block_text (b, l, 10, y, &INK, pango_layout_get_line_count (l) > LIST_ITEM_WHOLE_LINES) + 2.5;
      if (i == 0)
        b->min_break = y;
    }
  block_grow (b, y - 2.5);
  return b;
}

/* Two lists side by side when both are short enough for it to save room,
 * else one under the other. */
#define SIDE_BY_SIDE_MAX 160.0
static void
two_lists (Pager *P, const char *title_a, GPtrArray *a, const char *title_b, GPtrArray *b, const Colour *colour)
{
  g_autoptr (Block) full_a = list_block (P, title_a, a, colour);
  g_autoptr (Block) full_b = list_block (P, title_b, b, colour);
  if (full_a && full_b)
    {
      /* measured on a copy: the pager itself moves on only when they are placed */
      Pager T = *P;
      T.columns = 2;
      g_autoptr (Block) half_a = list_block (&T, title_a, a, colour);
      g_autoptr (Block) half_b = list_block (&T, title_b, b, colour);
      double tall = MAX (half_a->height, half_b->height);
      if (tall <= SIDE_BY_SIDE_MAX && tall + EPSILON < full_a->height + SECTION_GAP + full_b->height)
        {
          space (P, SECTION_GAP);
          need (P, tall);
          set_columns (P, 2);
          place (P, half_a);
          next_frame (P);
          place (P, half_b);
          set_columns (P, 1);
          return;
        }
    }
  Block *lists[] = { full_a, full_b };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i])
      {
        space (P, SECTION_GAP);
        place (P, lists[i]);
      }
}

static void
changes_and_notes (Pager *P)
{
  const LimberPrint *p = P->print;
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < p->changes->len; i++)
    {
      const LimberPrintChange *c = g_ptr_array_index (p->changes, i);
      g_ptr_array_add (changes, c->why ? g_markup_printf_escaped ("<b>%s</b>. %s.", c->what, c->why)
                                       : g_markup_printf_escaped ("<b>%s</b>.", c->what));
    }
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < p->notes->len; i++)
    g_ptr_array_add (notes, g_markup_escape_text (g_ptr_array_index (p->notes, i), -1));
  two_lists (P, L (LIMBER_PRINT_CHANGES_HEADING), changes, L (LIMBER_PRINT_NOTES_HEADING), notes, &ACCENT);
}

/* The safety text and the warning signs, in two columns, in a red box. */
static void
safety_block (Pager *P)
{
  const LimberPrint *p = P->print;
  if (p->safety == NULL && p->warning_signs->len == 0)
    return;
  g_autoptr (Block) b = block_new (TRUE);
  double w = column_width (P), pad = 8, inner = w - 2 * pad, y = pad - 3;
  g_autoptr (PangoLayout) h = text_layout (P, F_H2, L (LIMBER_PRINT_SAFETY_HEADING), inner, PANGO_ALIGN_LEFT);
  y += block_text (b, h, pad, y, &WARN, FALSE) + 2;
  if (p->safety)
    {
      g_autoptr (PangoLayout) s = text_layout (P, F_BODY, p->safety, inner, PANGO_ALIGN_LEFT);
      y += block_text (b, s, pad, y, &INK, TRUE) + 4;
    }
  if (p->warning_signs->len > 0)
    {
      g_autoptr (PangoLayout) sh = text_layout (P, F_BODY_BOLD, L (LIMBER_PRINT_SIGNS_HEADING), inner, PANGO_ALIGN_LEFT);
      block_break (b, y);
      y += block_text (b, sh, pad, y, &WARN, FALSE) + 3;
      /* in two columns, read down, split where they end most evenly */
      const double gap = 14, sign_gap = 2;
      double cw = (inner - gap) / 2;
      guint n = p->warning_signs->len;
      g_autoptr (GPtrArray) signs = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree double *heights = g_new0 (double, n + 1);
      double total = 0;
      for (guint k = 0; k < n; k++)
        {
          PangoLayout *l = text_layout (P, F_SIGN, g_ptr_array_index (p->warning_signs, k), cw - 9, PANGO_ALIGN_LEFT);
          g_ptr_array_add (signs, l);
          heights[k] = layout_height (l) + sign_gap;
          total += heights[k];
        }
      guint split = n;
      double left = 0, best = G_MAXDOUBLE;
      for (guint k = 0; k <= n; k++)
        {
          /* the left column the longer one on a tie */
          if (MAX (left, total - left) <= best + EPSILON)
            {
              best = MAX (left, total - left);
              split = k;
            }
          left += heights[k];
        }
      double bottom = y;
      for (guint c = 0; c < 2; c++)
        {
          double x = pad + c * (cw + gap), cy = y;
          for (guint k = c == 0 ? 0 : split; k < (c == 0 ? split : n); k++)
            {
              g_autoptr (PangoLayout) dot = text_layout (P, F_BODY_BOLD, "\xe2\x80\xa2", 8, PANGO_ALIGN_LEFT);
              block_text (b, dot, x, cy, &WARN, FALSE);
              /* between signs, or between the lines of one when the other
               * column has no line there */
              cy += block_text (b, g_ptr_array_index (signs, k), x + 9, cy, &INK, cy > y) + sign_gap;
            }
          bottom = MAX (bottom, cy);
        }
      y = bottom;
    }
  y += pad - 4;
  block_rect (b, 0, 0, w, y, &WARN_SOFT, &WARN, 1.2, 5, TRUE);
  block_grow (b, y);
  space (P, SECTION_GAP);
  place (P, b);
}

/* The log sheet's header row: each column's name and, under it, what to write. */
static double
log_header (Pager *P, Block *b, GArray *items, double y, const double *xs, const double *ws)
{
  double h = 0;
  PangoLayout *cells[LIMBER_PRINT_LOG_COLUMNS];
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    {
      g_autofree char *hint = limber_print_log_hint (P->print->lang, c);
      g_autofree char *markup = hint[0] ? g_markup_printf_escaped ("<b>%s</b>\n%s", L (limber_print_log_columns[c]), hint)
                                        : g_markup_printf_escaped ("<b>%s</b>", L (limber_print_log_columns[c]));
      cells[c] = markup_layout (P, F_TABLE, markup, ws[c] - 2 * CELL_PAD);
    }
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    h = MAX (h, layout_height (cells[c]) + 2 * CELL_PAD);
  Item bg = { .kind = ITEM_RECT, .x = 0, .y = y, .w = xs[LIMBER_PRINT_LOG_COLUMNS - 1] + ws[LIMBER_PRINT_LOG_COLUMNS - 1],
              .h = h, .fill = TRUE, .colour = ACCENT_SOFT, .outline = TRUE, .stroke = INK, .width = 0.6 };
  g_array_append_val (items, bg);
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    {
      block_lines (b, items, cells[c], xs[c] + CELL_PAD, y + CELL_PAD, &INK, 0, -1, FALSE);
      g_object_unref (cells[c]);
    }
  return h;
}

/* The log sheet, on a page of its own: a line per exercise per training
 * day, its columns the fields of a history entry, the planned amount
 * printed where the person writes what they did. */
static void
log_block (Pager *P)
{
  const LimberPrint *p = P->print;
  if (p->log->len == 0)
    return;
  set_columns (P, 1);
  new_page (P);
  g_autoptr (Block) b = block_new (FALSE);
  double w = column_width (P), y = heading_with (P, b, 0, L (LIMBER_PRINT_LOG_HEADING), NULL, &ACCENT);
  g_autofree char *log_how_to = g_strdup_printf ("%s %s", L (LIMBER_PRINT_LOG_INTRO), L (LIMBER_PRINT_LOG_HOW));
  g_autoptr (PangoLayout) intro = text_layout (P, F_BODY, log_how_to, w,
                                               PANGO_ALIGN_LEFT);
  y += block_text (b, intro, 0, y, &MUTED, FALSE) + 6;
  static const double shares[LIMBER_PRINT_LOG_COLUMNS] = { 0.135, 0.275, 0.07, 0.27, 0.125, 0.125 };
  double xs[LIMBER_PRINT_LOG_COLUMNS], ws[LIMBER_PRINT_LOG_COLUMNS], x = 0;
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    ws[c] = w * shares[c];
  /* the date column as wide as its widest bold date, taken from the
   * exercise's, so that "Mo. 23. Nov." stays on one line (a name wraps
   * better than a date) */
  double widest = 0;
  for (guint i = 0; i < p->log->len; i++)
    {
      const LimberPrintLogLine *l = g_ptr_array_index (p->log, i);
      if (!l->first_of_day)
        continue;
      g_autoptr (PangoLayout) day = text_layout (P, F_TABLE_BOLD, l->day, -1, PANGO_ALIGN_LEFT);
      PangoRectangle ink;
      pango_layout_get_extents (day, NULL, &ink);
      widest = MAX (widest, pango_units_to_double (ink.width) + 2 * CELL_PAD + 1);
    }
  double more = CLAMP (widest - ws[0], 0, ws[1] * 0.15);
  ws[0] += more;
  ws[1] -= more;
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    {
      xs[c] = x;
      x += ws[c];
    }
  y += log_header (P, b, b->items, y, xs, ws);
  b->repeat_h = log_header (P, b, b->repeat, 0, xs, ws);
  for (guint i = 0; i < p->log->len; i++)
    {
      const LimberPrintLogLine *l = g_ptr_array_index (p->log, i);
      block_break (b, y);
      /* the date on every line, so that each reads as one entry wherever
       * the sheet is cut; bold where a day starts */
      g_autoptr (PangoLayout) day = text_layout (P, l->first_of_day ? F_TABLE_BOLD : F_TABLE, l->day,
                                                 ws[0] - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) name = text_layout (P, F_TABLE, l->name, ws[1] - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) box = text_layout (P, F_BOX, LIMBER_PRINT_BOX, ws[2], PANGO_ALIGN_CENTER);
      g_autoptr (PangoLayout) planned = text_layout (P, F_TABLE, l->planned, ws[3] - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
      double h = MAX (LOG_ROW_H, MAX (layout_height (day), MAX (layout_height (name), layout_height (planned)))
                                   + 2 * CELL_PAD);
      /* a day's lines under a heavier rule */
      if (l->first_of_day && i > 0)
        block_rule (b, 0, y, w, &INK, 1.4);
      for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
        {
          Item v = { .kind = ITEM_RECT, .x = xs[c], .y = y, .w = ws[c], .h = h, .outline = TRUE, .stroke = LINE,
                     .width = 0.6 };
          g_array_append_val (b->items, v);
        }
      block_text (b, day, CELL_PAD, y + CELL_PAD, l->first_of_day ? &INK : &MUTED, FALSE);
      block_text (b, name, xs[1] + CELL_PAD, y + CELL_PAD, &INK, FALSE);
      block_text (b, box, xs[2], y + (h - layout_height (box)) / 2, &INK, FALSE);
      block_text (b, planned, xs[3] + CELL_PAD, y + CELL_PAD, &MUTED, FALSE);
      y += h;
      if (i == 0)
        b->min_break = y;
    }
  block_grow (b, y);
  place (P, b);
}

/* The re-scan sheet: each measure, how to take it, and boxes for both sides. */
static void
rescan_block (Pager *P)
{
  const LimberPrint *p = P->print;
  if (p->measures->len == 0)
    return;
  /* whole, on the log's last page when it fits there, else on a page of its own */
  g_autoptr (Block) b = block_new (TRUE);
  double w = column_width (P), y = heading_with (P, b, 0, L (LIMBER_PRINT_RESCAN_HEADING), NULL, &ACCENT);
  g_autofree char *intro_text = g_strdup_printf ("%s %s: ____________", L (LIMBER_PRINT_RESCAN_INTRO), L ("Date"));
  g_autoptr (PangoLayout) intro = text_layout (P, F_BODY, intro_text, w, PANGO_ALIGN_LEFT);
  y += block_text (b, intro, 0, y, &MUTED, FALSE) + 6;
  double box_w = 62, text_w = w - 2 * (box_w + 6) - 4;
  b->min_break = y;
  for (guint i = 0; i < p->measures->len; i++)
    {
      const LimberPrintMeasure *m = g_ptr_array_index (p->measures, i);
      block_break (b, y);
      g_autofree char *title = g_markup_printf_escaped (L ("<b>%s</b>, in %s%s%s"), m->name, m->unit, m->last ? " \xc2\xb7 " : "",
                                                        m->last ? m->last : "");
      g_autoptr (PangoLayout) t = markup_layout (P, F_BODY, title, text_w);
      g_autofree char *how_words = m->note ? g_strdup_printf ("%s%s %s", m->how, limber_ends_sentence (m->how) ? "" : ".",
                                                              m->note)
                                           : NULL;
      g_autoptr (PangoLayout) how = text_layout (P, F_BODY, how_words ? how_words : m->how, text_w, PANGO_ALIGN_LEFT);
      double top = y + 3, h = layout_height (t) + 1 + layout_height (how);
      block_text (b, t, 0, top, &INK, FALSE);
      block_text (b, how, 0, top + layout_height (t) + 1, &MUTED, FALSE);
      const char *sides[2] = { m->sided ? L ("Left") : L ("Value"), m->sided ? L ("Right") : NULL };
      for (unsigned k = 0; k < 2; k++)
        {
          if (sides[k] == NULL)
            continue;
          double bx = w - (2 - k) * (box_w + 6) + 6;
          g_autoptr (PangoLayout) label = text_layout (P, F_TABLE, sides[k], box_w, PANGO_ALIGN_LEFT);
          block_text (b, label, bx, top, &MUTED, FALSE);
          block_rect (b, bx, top + layout_height (label) + 1, box_w, 20, NULL, &INK, 0.6, 2, FALSE);
          h = MAX (h, layout_height (label) + 21);
        }
      y = top + h + 4;
      block_rule (b, 0, y, w, &RULE, 0.5);
    }
  block_grow (b, y);
  space (P, SECTION_GAP + 6);
  place (P, b);
}

/* A step of an exercise: 7.5 pt, lines and letters set a little tight. */
static PangoLayout *
step_layout (Pager *P, const char *text, double width)
{
  PangoLayout *l = text_layout (P, F_STEP, text, width, PANGO_ALIGN_LEFT);
  pango_layout_set_line_spacing (l, STEP_LEADING);
  PangoAttrList *attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (pango_units_from_double (STEP_TRACKING)));
  pango_layout_set_attributes (l, attrs);
  pango_attr_list_unref (attrs);
  return l;
}

/* One exercise: a tinted band with its name, where it is done and the
 * picture, then the numbered steps under it. */
static Block *
card_block (Pager *P, const LimberPrintGuide *g, double w)
{
  /* a card may run on into the next column, as in a newspaper, under its
   * name again: whole cards would leave a column's foot empty too often */
  Block *b = block_new (FALSE);
  const double pad = CARD_PAD;
  g_autofree char *more = g_strdup_printf (L ("%s (continued)"), g->name);
  g_autoptr (PangoLayout) again = text_layout (P, F_SMALL, more, w - 2 * pad, PANGO_ALIGN_LEFT);
  b->repeat_h = block_lines (b, b->repeat, again, pad, 0, &MUTED, 0, -1, FALSE) + 2.5;

  double inner = w - 2 * pad, pic_w = 0, pic_h = 0, y = pad;
  g_autoptr (PangoLayout) name = text_layout (P, F_CARD_TITLE, g->name, inner, PANGO_ALIGN_LEFT);
  /* where it is done, unless the card is short: then the picture and the
   * first step ("Lie on your back ...") say it */
  gboolean show_how = !(P->brief && g->brief);
  g_autoptr (PangoLayout) how = text_layout (P, F_SMALL, g->how, inner, PANGO_ALIGN_LEFT);
  double how_h = show_how ? layout_height (how) + 1 : 0;
  /* how much, on the card itself: the reader need not look back at the week */
  g_autoptr (PangoLayout) dose = text_layout (P, F_BODY_BOLD, g->dose, inner, PANGO_ALIGN_LEFT);
  gboolean beside = FALSE;
  if (g->pose)
    {
      /* at the band's right, as tall as PICTURE_H or as wide as
       * PICTURE_SHARE of the card, whichever comes first (a standing
       * figure gets the height, a lying one the width), with the name and
       * the place wrapping beside it; down to PICTURE_SHRINK of that when
       * the name then wraps in fewer lines and the band gets shorter; and
       * under a name too long to wrap beside it in a few lines */
      double aspect = pose_aspect (g->pose), best = G_MAXDOUBLE;
      double largest = MIN (PICTURE_H, inner * PICTURE_SHARE / aspect);
      for (double h = largest; h >= largest * PICTURE_SHRINK - EPSILON; h -= 0.5)
        {
          pango_layout_set_width (name, pango_units_from_double (inner - h * aspect - 6));
          pango_layout_set_width (how, pango_units_from_double (inner - h * aspect - 6));
          pango_layout_set_width (dose, pango_units_from_double (inner - h * aspect - 6));
          double band = MAX (h + PICTURE_PAD, pad + layout_height (name) + how_h + 2 + layout_height (dose) + pad);
          if (band < best - 1 && pango_layout_get_line_count (name) <= 3)
            {
              best = band;
              pic_h = h;
              beside = TRUE;
            }
          /* the picture is what makes the band this tall: smaller, it
           * would only be smaller */
          if (beside && h + PICTURE_PAD >= band - EPSILON)
            break;
        }
      if (!beside)
        pic_h = MIN (PICTURE_H, inner * 0.8 / aspect);
      pic_w = pic_h * aspect;
      double text_w = beside ? inner - pic_w - 6 : inner;
      pango_layout_set_width (name, pango_units_from_double (text_w));
      pango_layout_set_width (how, pango_units_from_double (text_w));
      pango_layout_set_width (dose, pango_units_from_double (text_w));
    }
  double text_h = block_text (b, name, pad, y, &INK, FALSE) + 1;
  if (show_how)
    text_h += block_text (b, how, pad, y + text_h, &MUTED, FALSE) + 1;
  text_h += 1;
  text_h += block_text (b, dose, pad, y + text_h, &ACCENT, FALSE);
  /* the picture reaches nearer the band's edges than the text: it has a
   * margin of its own */
  double band;
  if (beside)
    {
      band = MAX (pad + text_h + pad, pic_h + PICTURE_PAD);
      block_pose (b, g->pose, w - pad - pic_w, (band - pic_h) / 2, pic_w, pic_h);
    }
  else if (g->pose)
    {
      block_pose (b, g->pose, (w - pic_w) / 2, pad + text_h + 2, pic_w, pic_h);
      band = pad + text_h + 2 + pic_h + 1.5;
    }
  else
    band = pad + text_h + pad;
  /* under what it holds */
  Item tint = { .kind = ITEM_RECT, .w = w, .h = band, .fill = TRUE, .colour = ACCENT_SOFT, .radius = 3 };
  g_array_prepend_val (b->items, tint);
  y = band + 2.5;
  /* a piece holds the band and two lines at least, and so does a rest */
  g_autoptr (PangoLayout) one = step_layout (P, "1", -1);
  g_autoptr (PangoLayout) two = step_layout (P, "1\n2", -1);
  double two_lines = 2 * (layout_height (two) - layout_height (one));
  b->min_break = y + two_lines;
  b->min_tail = two_lines;

  const double number_w = 10;
  unsigned k = 0;
  for (const char *const *s = P->brief && g->brief ? g->brief : g->steps; s && *s; s++, k++)
    {
      g_autofree char *number = g_strdup_printf ("%u", k + 1);
      g_autoptr (PangoLayout) n = text_layout (P, F_STEP_BOLD, number, number_w, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) text = step_layout (P, *s, w - number_w);
      block_text (b, n, 0.5, y, &ACCENT, FALSE);
      y += block_text (b, text, number_w, y, &INK, TRUE) + (s[1] ? STEP_GAP : 0);
    }
  /* a short week keeps the reasons that are about this person (a
   * measure, a side, an answer); what an exercise does in general is in
   * the full steps' plan (text, HTML) */
  if (g->why && !(P->brief && g->brief && g->why_general))
    {
      /* why it is in the plan, under the steps, quieter than them */
      g_autoptr (PangoLayout) why = text_layout (P, F_SMALL, g->why, w, PANGO_ALIGN_LEFT);
      y += 1;
      y += STEP_GAP + block_text (b, why, 0, y + STEP_GAP, &MUTED, TRUE);
    }
  block_grow (b, y);
  return b;
}

#define CARD_GAP 5.0
/* The pages a week may take with the full steps on its cards: the week at
 * a glance and one page of cards.  A longer one prints the short steps. */
#define WEEK_PAGES 2u

/* Whether the cards from `from` on all end on this page above `limit`
 * (the last column may reach lower while it is tried): tried on a copy of
 * the pager that draws nothing. */
static gboolean
cards_fit (const Pager *P, GPtrArray *cards, guint from, double limit)
{
  Pager T = *P;
  T.drawing = FALSE;
  T.balance = limit;
  T.whole = TRUE;
  for (guint i = from; i < cards->len; i++)
    {
      /* exactly as guide_blocks() places them */
      if (i > 0)
        space (&T, CARD_GAP);
      place (&T, g_ptr_array_index (cards, i));
      if (T.page != P->page)
        return FALSE;
    }
  /* the last column too: the tallest column is what balancing lowers */
  return T.y <= limit + EPSILON;
}

/* When the rest of the guide fits in the band that starts here, its
 * columns end as evenly as whole cards allow instead of the first ones
 * full and the last one nearly empty. */
static void
balance_columns (Pager *P, GPtrArray *cards, guint from)
{
  P->balance = 0;
  P->whole = FALSE;
  if (!cards_fit (P, cards, from, page_bottom (P)))
    return;
  P->whole = TRUE;
  double lo = P->y, hi = page_bottom (P);
  while (hi - lo > 2)
    {
      double mid = (lo + hi) / 2;
      if (cards_fit (P, cards, from, mid))
        hi = mid;
      else
        lo = mid;
    }
  P->balance = hi;
}

static void
guide_blocks (Pager *P)
{
  const LimberPrint *p = P->print;
  if (p->guide->len == 0)
    return;
  set_columns (P, 1);
  g_autoptr (Block) h = block_new (TRUE);
  double y = heading (P, h, 0, L (LIMBER_PRINT_GUIDE_HEADING), &ACCENT);
  block_grow (h, y - 2);
  /* the heading goes where the first card can follow it */
  double card_w = width_of_columns (P, GUIDE_COLUMNS);
  g_autoptr (Block) first = card_block (P, g_ptr_array_index (p->guide, 0), card_w);
  space (P, SECTION_GAP + 2);
  /* with the first card's band and two lines under it at least: a band
   * is never split, and a column that starts under the heading counts as
   * empty, so the band must fit there */
  need (P, h->height + MIN (MAX (first->min_break, MIN (first->height, 160)), page_bottom (P) - MARGIN_TOP - h->height));
  place (P, h);
  set_columns (P, GUIDE_COLUMNS);
  /* a card read across a page turn is a card read with the page turned
   * back and forth: it starts the next page instead */
  P->whole_at_page_end = TRUE;
  g_autoptr (GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  g_ptr_array_add (cards, g_steal_pointer (&first));
  for (guint i = 1; i < p->guide->len; i++)
    g_ptr_array_add (cards, card_block (P, g_ptr_array_index (p->guide, i), card_w));
  unsigned balanced_page = G_MAXUINT;
  for (guint i = 0; i < cards->len; i++)
    {
      /* once per page: at the guide's start, then after each page turn */
      if (P->column == 0 && P->page != balanced_page)
        {
          balance_columns (P, cards, i);
          balanced_page = P->page;
        }
      if (i > 0)
        space (P, CARD_GAP);
      place (P, g_ptr_array_index (cards, i));
    }
  P->balance = 0;
  P->whole = FALSE;
  P->whole_at_page_end = FALSE;
}

/* A warning above everything else (incomplete screening): bold, boxed. */
static void
banner_block (Pager *P)
{
  const LimberPrint *p = P->print;
  g_autoptr (Block) b = block_new (TRUE);
  double w = column_width (P), pad = 10, inner = w - 2 * pad, y = pad - 2;
  g_autoptr (PangoLayout) t = text_layout (P, F_LARGE_BOLD, p->banner, inner, PANGO_ALIGN_LEFT);
  y += block_text (b, t, pad, y, &WARN, TRUE) + pad - 2;
  block_rect (b, 0, 0, w, y, &WARN_SOFT, &WARN, 2, 6, TRUE);
  block_grow (b, y);
  space (P, SECTION_GAP);
  place (P, b);
}

static void
referral_block (Pager *P)
{
  const LimberPrint *p = P->print;
  g_autoptr (Block) b = block_new (TRUE);
  double w = column_width (P), pad = 12, inner = w - 2 * pad, y = pad - 2;
  g_autofree char *outcome = g_utf8_strup (p->outcome, -1);
  g_autoptr (PangoLayout) o = text_layout (P, F_OUTCOME, outcome, inner, PANGO_ALIGN_LEFT);
  y += block_text (b, o, pad, y, &WARN, FALSE) + 4;
  g_autoptr (PangoLayout) t = text_layout (P, F_LARGE, p->outcome_text, inner, PANGO_ALIGN_LEFT);
  y += block_text (b, t, pad, y, &INK, TRUE) + 10;
  if (p->reasons->len > 0)
    {
      g_autoptr (PangoLayout) h = text_layout (P, F_LARGE_BOLD, L (LIMBER_PRINT_WHY_HEADING), inner, PANGO_ALIGN_LEFT);
      block_break (b, y);
      y += block_text (b, h, pad, y, &WARN, FALSE) + 3;
      for (guint i = 0; i < p->reasons->len; i++)
        {
          g_autoptr (PangoLayout) dot = text_layout (P, F_LARGE, "\xe2\x80\xa2", 10, PANGO_ALIGN_LEFT);
          g_autoptr (PangoLayout) l = text_layout (P, F_LARGE, g_ptr_array_index (p->reasons, i), inner - 12,
                                                   PANGO_ALIGN_LEFT);
          block_text (b, dot, pad, y, &WARN, FALSE);
          y += block_text (b, l, pad + 12, y, &INK, TRUE) + 3;
        }
      y += 7;
    }
  if (p->message)
    {
      g_autoptr (PangoLayout) h = text_layout (P, F_LARGE_BOLD, L (LIMBER_PRINT_NOW_HEADING), inner, PANGO_ALIGN_LEFT);
      block_break (b, y);
      y += block_text (b, h, pad, y, &WARN, FALSE) + 3;
      g_autoptr (PangoLayout) m = text_layout (P, F_LARGE_BOLD, p->message, inner, PANGO_ALIGN_LEFT);
      y += block_text (b, m, pad, y, &INK, TRUE) + 4;
    }
  y += pad - 4;
  block_rect (b, 0, 0, w, y, &WARN_SOFT, &WARN, 2, 6, TRUE);
  block_grow (b, y);
  space (P, SECTION_GAP + 4);
  place (P, b);
}

static void
lay_out (Pager *P)
{
  const LimberPrint *p = P->print;
  P->page = 0;
  P->columns = 1;
  P->column = 0;
  P->band_top = P->band_bottom = P->y = MARGIN_TOP;
  header_block (P);
  if (p->banner)
    banner_block (P);
  if (p->referral)
    {
      referral_block (P);
      changes_and_notes (P);
      safety_block (P);
    }
  else
    {
      for (guint i = 0; i < p->weeks->len; i++)
        {
          space (P, SECTION_GAP);
          week_block (P, g_ptr_array_index (p->weeks, i), i == 0);
        }
      /* before what changed and the notes, which may run onto the next page */
      safety_block (P);
      changes_and_notes (P);
      guide_blocks (P);
      P->week_pages = P->page + 1;
      log_block (P);
      rescan_block (P);
    }
  if (P->drawing)
    {
      draw_footer (P);
      cairo_show_page (P->cr);
    }
}

/* ---- the document ------------------------------------------------------------ */

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

unsigned char *
limber_render_pdf (const LimberPrint *print, LimberPaper paper, gsize *length, GError **error)
{
  double page_w = paper == LIMBER_PAPER_LETTER ? 612 : 595.2756;
  double page_h = paper == LIMBER_PAPER_LETTER ? 792 : 841.8898;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, page_w, page_h);
  /* dated by the plan, not the clock: the same plan gives the same bytes */
  g_autofree char *date = g_strdup_printf ("%sT00:00:00", print->start);
  g_autofree char *title = g_strdup_printf ("%s \xc2\xb7 %s", print->title, print->dates);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "limber");
  cairo_t *cr = cairo_create (surface);

  /* a font map of our own: nothing cached outlives the call, and threads
   * rendering at once share nothing */
  PangoFontMap *fonts = pango_cairo_font_map_new ();
  PangoContext *pc = pango_font_map_create_context (fonts);
  pango_cairo_context_set_resolution (pc, 72);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pc, options);
  cairo_font_options_destroy (options);
  /* the handout's language, not the locale of the process printing it:
   * line breaks and font choices, and so the bytes, do not depend on where
   * a plan is printed */
  pango_context_set_language (pc, pango_language_from_string (limber_lang_code (print->lang)));

  Pager P = { .cr = cr, .pc = pc, .print = print, .page_w = page_w, .page_h = page_h };
  for (unsigned f = 0; f < N_FONTS; f++)
    P.fonts[f] = pango_font_description_from_string (font_names[f]);
  lay_out (&P);
  gboolean any_brief = FALSE;
  for (guint i = 0; i < print->guide->len; i++)
    any_brief |= ((const LimberPrintGuide *) g_ptr_array_index (print->guide, i))->brief != NULL;
  if (P.week_pages > WEEK_PAGES && any_brief)
    {
      /* the full steps make the week too long to follow from the fridge
       * door: the cards take the short ones instead, all of them, so that
       * no card reads differently from its neighbours */
      P.brief = TRUE;
      lay_out (&P);
    }
  P.n_pages = P.page + 1;
  P.drawing = TRUE;
  lay_out (&P);

  for (unsigned f = 0; f < N_FONTS; f++)
    pango_font_description_free (P.fonts[f]);
  g_object_unref (pc);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (fonts);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_IO, "PDF: %s", cairo_status_to_string (status));
      return NULL;
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return g_byte_array_free (bytes, FALSE);
}
