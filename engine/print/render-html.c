/*
 * The printed week as one self-contained HTML file.
 *
 * No external assets: the CSS is inline, the pictures are inline SVG and
 * the one script (the log's export to profile history JSON) is inline and
 * makes no network request, so the file can be mailed, opened offline,
 * filled in and printed.  The markup is
 * XHTML-compatible HTML5 (every element closed, attributes quoted, no named
 * entities), so XML tools can read it as well as browsers.  On a phone the
 * week shows as one list per day; on a wider screen and on paper as the
 * table the PDF prints.
 */
#include "render-private.h"
#include "i18n.h"

/* The handout's own words in the plan's language (i18n.h). */
#define L(english) limber_msg (p->lang, english)

#include "dose-words.h"

#include <math.h>

static const char style[] =
  ":root{--ink:#1b2430;--muted:#5b6775;--accent:#0f6e6a;--accent-soft:#e7f2f1;--line:#d5dbe1;"
  "--rest:#f1f3f5;--warn:#b42318;--warn-soft:#fdf2f1}\n"
  "*{box-sizing:border-box}\n"
  "html{-webkit-text-size-adjust:100%}\n"
  "body{margin:0;background:#fff;color:var(--ink);font:16px/1.45 system-ui,-apple-system,'Segoe UI',"
  "'DejaVu Sans',Roboto,Arial,sans-serif}\n"
  "main{max-width:960px;margin:0 auto;padding:20px 16px 40px}\n"
  "h1{font-size:1.9em;line-height:1.15;margin:0 0 4px;color:var(--accent)}\n"
  "h2{font-size:1.2em;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--accent);color:var(--accent)}\n"
  "h3{font-size:1em;margin:0 0 4px}\n"
  "p{margin:0 0 8px}\n"
  ".top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-end;gap:0 24px;margin:0 0 12px}\n"
  ".who{text-align:right}\n"
  ".for{font-size:1.15em;font-weight:600;margin:0}\n"
  ".dates{font-size:1.05em;color:var(--muted);margin:0}\n"
  ".facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0 0 12px;padding:10px 14px;background:var(--accent-soft);"
  "border-radius:8px}\n"
  ".facts div{min-width:150px;flex:1 1 auto}\n"
  ".facts dt{font-size:.75em;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}\n"
  ".facts dd{margin:0}\n"
  ".how-to{color:var(--muted)}\n"
  ".table-scroll{overflow-x:auto}\n"
  "table{border-collapse:collapse;width:100%}\n"
  ".glance th,.glance td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}\n"
  ".glance thead th{font-size:.8em;color:var(--muted);font-weight:600;vertical-align:bottom}\n"
  ".glance thead th.day{text-align:center;min-width:3.4em}\n"
  ".glance thead th.day span{display:block;white-space:nowrap}\n"
  ".glance thead th.day span:first-child{color:var(--ink);font-size:1.15em}\n"
  ".glance td.n{text-align:center;font-weight:700;color:var(--accent)}\n"
  ".glance td.rest,.glance th.rest{background:var(--rest)}\n"
  ".glance tr.slot th{font-size:.75em;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);"
  "padding-top:10px;border-bottom:1px solid var(--ink)}\n"
  ".glance tbody th{font-weight:600}\n"
  ".glance td.dose{white-space:normal}\n"
  "a{color:inherit;text-decoration:none}\n"
  "a:hover{text-decoration:underline}\n"
  ".days{display:none}\n"
  ".day{border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin:0 0 10px}\n"
  ".day h3{display:flex;justify-content:space-between;gap:8px}\n"
  ".day h3 span{color:var(--muted);font-weight:400}\n"
  ".day.rest{background:var(--rest)}\n"
  ".day ol{margin:0;padding-left:1.6em}\n"
  ".day li{margin:2px 0}\n"
  ".day .dose{color:var(--muted)}\n"
  ".changes li,.notes li{margin:4px 0}\n"
  ".pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:0 24px}\n"
  ".why{color:var(--muted)}\n"
  ".safety{border:2px solid var(--warn);background:var(--warn-soft);border-radius:8px;padding:4px 16px 8px;"
  "margin-top:24px}\n"
  ".safety h2{color:var(--warn);border-color:var(--warn);margin-top:10px}\n"
  ".safety h3{color:var(--warn);margin-top:10px}\n"
  ".safety ul{margin:4px 0 4px;padding-left:1.2em;columns:2 280px;column-gap:28px}\n"
  ".safety li{break-inside:avoid;page-break-inside:avoid;margin:0 0 3px}\n"
  ".log th,.log td{border:1px solid var(--ink);padding:4px 6px;text-align:left;vertical-align:top}\n"
  ".log thead th{font-size:.8em;background:var(--accent-soft)}\n"
  ".log thead th small{display:block;font-weight:400;color:var(--muted)}\n"
  ".log tbody td,.log tbody th{height:2.6em}\n"
  ".log td.box{text-align:center;font-size:1.3em}\n"
  ".log tr.first th,.log tr.first td{border-top:2px solid var(--ink)}\n"
  ".log input[type=number]{width:3.6em;font:inherit;padding:2px 4px}\n"
  ".log input[type=checkbox]{width:1.4em;height:1.4em}\n"
  ".log td.amount{white-space:nowrap}\n"
  ".measure{display:flex;flex-wrap:wrap;justify-content:space-between;gap:6px 16px;padding:8px 0;"
  "border-bottom:1px solid var(--line)}\n"
  ".measure > div:first-child{flex:1 1 260px}\n"
  ".measure .how{color:var(--muted);margin:0}\n"
  ".measure .sides{display:flex;gap:12px;align-items:flex-end}\n"
  ".measure input{width:4.5em;font:inherit;padding:2px 4px;display:block}\n"
  ".export button{font:inherit;font-weight:600;padding:8px 14px;border-radius:6px;border:2px solid var(--accent);"
  "background:var(--accent-soft);color:var(--accent);cursor:pointer}\n"
  ".export textarea{width:100%;font:.85em monospace}\n"
  ".guide{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px}\n"
  /* as on paper: the name, where it is done and the picture in a tinted
   * band, the steps under it */
  ".card{break-inside:avoid;page-break-inside:avoid}\n"
  ".card .head{display:flow-root;background:var(--accent-soft);border-radius:6px;padding:8px 10px}\n"
  ".card .head svg{display:block;width:100%;max-width:340px;height:auto;max-height:150px;margin:6px 0 0}\n"
  ".card h3{font-size:1.05em;margin:0}\n"
  ".card .how{color:var(--muted);margin:0}\n"
  ".card .dose{font-weight:700;color:var(--accent);margin:2px 0 0}\n"
  ".card .why{margin:4px 0 0}\n"
  ".card ol{margin:6px 0 0;padding-left:1.3em;font-size:.92em}\n"
  ".card li{margin:2px 0}\n"
  /* on screen the full steps; on paper the short ones, as a long PDF week */
  ".card ol.brief{display:none}\n"
  ".referral{border:3px solid var(--warn);background:var(--warn-soft);border-radius:10px;padding:8px 18px 14px}\n"
  ".referral h2{color:var(--warn);border-color:var(--warn)}\n"
  ".banner{border:3px solid var(--warn);background:var(--warn-soft);border-radius:10px;padding:10px 18px;"
  "font-weight:700;font-size:1.1em}\n"
  ".outcome{font-size:1.25em;font-weight:700;color:var(--warn);margin:10px 0 4px;text-transform:uppercase;"
  "letter-spacing:.04em}\n"
  ".message{font-size:1.15em;font-weight:600}\n"
  "footer{margin-top:28px;font-size:.8em;color:var(--muted);border-top:1px solid var(--line);padding-top:8px}\n"
  "@media (max-width:640px){body{font-size:17px}main{padding:14px 12px 32px}.glance-wrap{display:none}"
  ".days{display:block}.facts div{min-width:100%}.who{text-align:left}"
  /* the log as one block per line on a phone: no table wider than the screen */
  ".log table,.log tbody,.log tr,.log th,.log td{display:block;width:auto;height:auto}.log thead{display:none}"
  ".log tr.entry{border:1px solid var(--line);border-radius:6px;margin:0 0 6px;padding:4px}"
  ".log tbody td,.log tbody th{border:none;height:auto}.log tr.first{border-top:3px solid var(--ink)}}\n"
  /* on paper as the PDF: the week, what changed and the notes side by
   * side and the safety box, then the exercises in two columns, then on a
   * page of their own the log and the re-scan sheets; text no smaller than
   * 10 pt */
  "@media print{body{font-size:10pt;line-height:1.25;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "main{max-width:none;padding:0}.glance-wrap{display:block}.days{display:none}.table-scroll{overflow:visible}"
  "h1{font-size:1.9em}h2{margin-top:10px;margin-bottom:6px;break-after:avoid;page-break-after:avoid}"
  "tr{break-inside:avoid;page-break-inside:avoid}.glance th,.glance td{padding:1px 4px}"
  ".glance tr.slot th{padding-top:4px}.how-to{margin-bottom:4px}.facts{padding:6px 10px;margin-bottom:8px}"
  ".safety{margin-top:12px;padding:2px 12px 6px}.safety h2{margin-top:6px}.safety h3{margin-top:6px}"
  ".log tbody td,.log tbody th{height:19pt;padding:1px 4px;vertical-align:middle}"
  ".log{break-before:page;page-break-before:always}.export{display:none}"
  ".log input{border:none;padding:0;width:2.4em}.measure{break-inside:avoid}"
  ".safety{break-inside:avoid;page-break-inside:avoid}"
  ".guide-section{break-before:page;page-break-before:always}"
  /* a list's bottom margin at the foot of page 1 made a blank page 2 */
  ".changes ul,.notes ul{margin-bottom:0}"
  ".pair{grid-template-columns:1fr 1fr}.guide{display:block;columns:2;column-gap:12pt}.card{margin:0 0 8pt}"
  ".card ol{font-size:10pt;line-height:1.2}.card ol.has-brief{display:none}.card ol.brief{display:block}"
  ".card .head{padding:3pt}.card h3{font-size:11.5pt}.card .how{font-size:10pt}"
  ".card .head svg{height:56pt;width:auto;max-width:100%}"
  "a{text-decoration:none}footer{margin-top:12px}}\n";

static void
esc (GString *out, const char *text)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_string_append (out, e);
}

/* Writes <tag class="cls">text</tag>. */
static void
element (GString *out, const char *tag, const char *cls, const char *text)
{
  if (cls)
    g_string_append_printf (out, "<%s class=\"%s\">", tag, cls);
  else
    g_string_append_printf (out, "<%s>", tag);
  esc (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

/* ---- pictures -------------------------------------------------------------- */

static const char *const ink_colours[] = {
  [LIMBER_INK_PROP] = "#b8c1ca",
  [LIMBER_INK_FAR] = "#98a4b0",
  [LIMBER_INK_BODY] = "#1b2430",
  [LIMBER_INK_MOTION] = "#0f6e6a",
};

static void
num (GString *out, double v)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  g_string_append (out, limber_number_format (buf, v, 1));
}

/* One figure, shifted right by dx, flipped so y grows downwards as SVG's does. */
static void
append_figure (GString *out, const LimberPose *pose, LimberPoseFigure figure, double dx, double x0, double y1)
{
  g_autoptr (GArray) shapes = limber_pose_shapes (pose, figure);
  g_string_append (out, "<g fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
  for (guint i = 0; i < shapes->len; i++)
    {
      const LimberShape *s = &g_array_index (shapes, LimberShape, i);
      const char *colour = ink_colours[s->ink];
      double width = s->ink == LIMBER_INK_PROP ? 1.6 : s->ink == LIMBER_INK_MOTION ? 2.2 : 3.2;
      switch (s->kind)
        {
        case LIMBER_SHAPE_HEAD:
          g_string_append (out, "<circle cx=\"");
          num (out, s->x1 - x0 + dx);
          g_string_append (out, "\" cy=\"");
          num (out, y1 - s->y1);
          g_string_append (out, "\" r=\"");
          num (out, s->r);
          g_string_append_printf (out, "\" fill=\"%s\" stroke=\"none\"/>", colour);
          break;
        case LIMBER_SHAPE_LINE:
        case LIMBER_SHAPE_CURVE:
        case LIMBER_SHAPE_ARROW:
          g_string_append (out, "<path d=\"M");
          num (out, s->x1 - x0 + dx);
          g_string_append_c (out, ' ');
          num (out, y1 - s->y1);
          if (s->kind != LIMBER_SHAPE_LINE)
            {
              g_string_append (out, " Q");
              num (out, s->cx - x0 + dx);
              g_string_append_c (out, ' ');
              num (out, y1 - s->cy);
            }
          else
            g_string_append (out, " L");
          g_string_append_c (out, ' ');
          num (out, s->x2 - x0 + dx);
          g_string_append_c (out, ' ');
          num (out, y1 - s->y2);
          if (s->kind == LIMBER_SHAPE_ARROW)
            {
              double barbs[2][2];
              limber_shape_arrow_barbs (s, barbs);
              for (int k = 0; k < 2; k++)
                {
                  g_string_append (out, " M");
                  num (out, barbs[k][0] - x0 + dx);
                  g_string_append_c (out, ' ');
                  num (out, y1 - barbs[k][1]);
                  g_string_append (out, " L");
                  num (out, s->x2 - x0 + dx);
                  g_string_append_c (out, ' ');
                  num (out, y1 - s->y2);
                }
            }
          g_string_append_printf (out, "\" stroke=\"%s\" stroke-width=\"", colour);
          num (out, width);
          g_string_append (out, "\"/>");
          break;
        }
    }
  g_string_append (out, "</g>");
}

/* Start, an arrow, end: both figures at one scale in one picture; a still
 * pose (a rest position) is one figure. */
static void
append_pose (GString *out, const LimberPrint *p, const LimberPose *pose, const char *name)
{
  double x0, y0, x1, y1;
  limber_pose_bounds (pose, &x0, &y0, &x1, &y1);
  LimberPoseMotion m;
  limber_pose_motion (pose, &m);
  unsigned n = m.still ? 1 : 2;
  double w = x1 - x0, h = y1 - y0, gap = MAX (18.0, h * 0.3);
  double width = n * w + (n - 1) * gap;
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
  num (out, width);
  g_string_append_c (out, ' ');
  num (out, h);
  g_string_append (out, "\" role=\"img\" aria-label=\"");
  g_autofree char *label = g_strdup_printf (m.still ? L ("%s: the position") : L ("%s: start and end position"), name);
  esc (out, label);
  g_string_append (out, "\">");
  append_figure (out, pose, LIMBER_POSE_START, 0, x0, y1);
  if (m.still)
    {
      g_string_append (out, "</svg>");
      return;
    }
  /* the arrow, centred in the gap */
  LimberGapArrow arrow = limber_pose_gap_arrow (w, gap, h);
  double ax0 = arrow.x0, ax1 = arrow.x1, ay = arrow.y, head = arrow.head;
  g_string_append (out, "<path d=\"M");
  num (out, ax0);
  g_string_append_c (out, ' ');
  num (out, ay);
  g_string_append (out, " L");
  num (out, ax1);
  g_string_append_c (out, ' ');
  num (out, ay);
  g_string_append (out, " M");
  num (out, ax1 - head);
  g_string_append_c (out, ' ');
  num (out, ay - head);
  g_string_append (out, " L");
  num (out, ax1);
  g_string_append_c (out, ' ');
  num (out, ay);
  g_string_append (out, " L");
  num (out, ax1 - head);
  g_string_append_c (out, ' ');
  num (out, ay + head);
  g_string_append (out, "\" fill=\"none\" stroke=\"#5b6775\" stroke-width=\"2.5\" stroke-linecap=\"round\" "
                        "stroke-linejoin=\"round\"/>");
  append_figure (out, pose, LIMBER_POSE_END, w + gap, x0, y1);
  g_string_append (out, "</svg>");
}

/* ---- sections ---------------------------------------------------------------- */

static void
append_header (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<header><div class=\"top\">");
  element (out, "h1", NULL, p->title);
  g_string_append (out, "<div class=\"who\">");
  if (p->name)
    element (out, "p", "for", p->name);
  element (out, "p", "dates", p->dates);
  g_string_append (out, "</div></div>");
  g_string_append (out, "<dl class=\"facts\">");
  if (!p->referral)
    {
      g_string_append_printf (out, "<div><dt>%s</dt><dd><strong>", L ("Goal"));
      esc (out, p->goal);
      g_string_append (out, "</strong>");
      if (p->goal_text)
        {
          g_string_append (out, ": ");
          esc (out, p->goal_text);
        }
      g_string_append_printf (out, "</dd></div><div><dt>%s</dt>", L ("Time"));
      element (out, "dd", NULL, p->schedule);
      g_string_append (out, "</div>");
    }
  g_string_append_printf (out, "<div><dt>%s</dt>", L ("Rule set"));
  element (out, "dd", NULL, p->ruleset);
  g_string_append (out, "</div></dl></header>");
}

static void
append_week_table (GString *out, const LimberPrint *p, const LimberPrintWeek *w)
{
  g_string_append (out, "<div class=\"table-scroll\"><table class=\"glance\"><thead><tr>");
  g_string_append_printf (out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", L (LIMBER_PRINT_EXERCISE),
                          L (LIMBER_PRINT_DOSE));
  for (unsigned d = 0; d < w->n_days; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, w->first_day + d);
      g_string_append_printf (out, "<th scope=\"col\" class=\"day%s\">", day->rest ? " rest" : "");
      element (out, "span", NULL, day->weekday);
      element (out, "span", NULL, day->day_month);
      element (out, "span", NULL, day->rest ? L (LIMBER_PRINT_REST) : day->minutes);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody>");
  for (guint r = 0; r < w->rows->len; r++)
    {
      const LimberPrintRow *row = g_ptr_array_index (w->rows, r);
      if (row->slot_label)
        {
          g_string_append_printf (out, "<tr class=\"slot\"><th colspan=\"%u\">", w->n_days + 2);
          esc (out, row->slot_label);
          g_string_append (out, "</th></tr>");
        }
      g_string_append_printf (out, "<tr><th scope=\"row\"><a href=\"#exercise-%u\">", row->guide + 1);
      esc (out, row->name);
      g_string_append (out, "</a></th>");
      element (out, "td", "dose", row->dose);
      for (unsigned d = 0; d < w->n_days; d++)
        {
          const LimberPrintDay *day = g_ptr_array_index (p->days, w->first_day + d);
          const char *cell = g_ptr_array_index (row->cells, d);
          element (out, "td", day->rest ? "n rest" : "n", cell);
        }
      g_string_append (out, "</tr>");
    }
  g_string_append (out, "</tbody></table></div>");
}

/* The same week as one list per day, for narrow screens. */
static void
append_day_lists (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<div class=\"days\">");
  for (guint d = 0; d < p->days->len; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, d);
      g_string_append_printf (out, "<section class=\"day%s\"><h3>", day->rest ? " rest" : "");
      esc (out, day->long_date);
      element (out, "span", NULL, day->rest ? L (LIMBER_PRINT_REST) : day->minutes);
      g_string_append (out, "</h3>");
      if (day->entries->len > 0)
        {
          g_string_append (out, "<ol>");
          for (guint i = 0; i < day->entries->len; i++)
            {
              const LimberPrintEntry *e = g_ptr_array_index (day->entries, i);
              g_string_append_printf (out, "<li value=\"%u\"><a href=\"#exercise-%u\">", e->number, e->guide + 1);
              esc (out, e->name);
              g_string_append (out, "</a> ");
              element (out, "span", "dose", e->dose);
              g_string_append (out, "</li>");
            }
          g_string_append (out, "</ol>");
        }
      g_string_append (out, "</section>");
    }
  g_string_append (out, "</div>");
}

static void
append_list (GString *out, const char *heading, const char *cls, GPtrArray *items)
{
  if (items->len == 0)
    return;
  g_string_append_printf (out, "<section class=\"%s\">", cls);
  element (out, "h2", NULL, heading);
  g_string_append (out, "<ul>");
  for (guint i = 0; i < items->len; i++)
    element (out, "li", NULL, g_ptr_array_index (items, i));
  g_string_append (out, "</ul></section>");
}

static void
append_changes (GString *out, const LimberPrint *p)
{
  if (p->changes->len == 0)
    return;
  g_string_append (out, "<section class=\"changes\">");
  element (out, "h2", NULL, L (LIMBER_PRINT_CHANGES_HEADING));
  g_string_append (out, "<ul>");
  for (guint i = 0; i < p->changes->len; i++)
    {
      const LimberPrintChange *c = g_ptr_array_index (p->changes, i);
      g_string_append (out, "<li>");
      element (out, "strong", NULL, c->what);
      if (c->why)
        {
          g_string_append (out, " ");
          element (out, "span", "why", c->why);
        }
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ul></section>");
}

static void
append_safety (GString *out, const LimberPrint *p)
{
  if (p->safety == NULL && p->warning_signs->len == 0)
    return;
  g_string_append (out, "<section class=\"safety\">");
  element (out, "h2", NULL, L (LIMBER_PRINT_SAFETY_HEADING));
  if (p->safety)
    element (out, "p", NULL, p->safety);
  if (p->warning_signs->len > 0)
    {
      element (out, "h3", NULL, L (LIMBER_PRINT_SIGNS_HEADING));
      g_string_append (out, "<ul>");
      for (guint i = 0; i < p->warning_signs->len; i++)
        element (out, "li", NULL, g_ptr_array_index (p->warning_signs, i));
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</section>");
}

/* A number input of the log form, its value the plan's when given. */
static void
ranged_input (GString *out, const char *field, const char *label, double value, double min, double max,
              gboolean fill)
{
  char lo[LIMBER_NUMBER_BUF_SIZE], hi[LIMBER_NUMBER_BUF_SIZE], buf[LIMBER_NUMBER_BUF_SIZE];
  g_string_append_printf (out, "<input type=\"number\" inputmode=\"decimal\" min=\"%s\" max=\"%s\" step=\"any\" "
                               "data-field=\"%s\" aria-label=\"",
                          limber_number_format (lo, min, 1), limber_number_format (hi, max, 1), field);
  esc (out, label);
  g_string_append_c (out, '"');
  if (fill)
    g_string_append_printf (out, " value=\"%s\"", limber_number_format (buf, value, 1));
  g_string_append (out, "/>");
}

static void
number_input (GString *out, const char *field, const char *label, double value, double max, gboolean fill)
{
  ranged_input (out, field, label, value, 0, max, fill);
}

/* The log sheet, as a form: a line per exercise per training day, its
 * fields those of a history entry, the planned amounts filled in.  Printed,
 * it is the same sheet to fill in by hand. */
static void
append_log (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<section class=\"log\" id=\"log\">");
  element (out, "h2", NULL, L (LIMBER_PRINT_LOG_HEADING));
  g_autofree char *how_to = g_strdup_printf ("%s %s", L (LIMBER_PRINT_LOG_INTRO), L (LIMBER_PRINT_LOG_HOW));
  element (out, "p", "how-to", how_to);
  g_string_append (out, "<div class=\"table-scroll\"><table><thead><tr>");
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    {
      g_string_append (out, "<th scope=\"col\">");
      esc (out, L (limber_print_log_columns[c]));
      g_autofree char *hint = limber_print_log_hint (p->lang, c);
      if (hint[0])
        element (out, "small", NULL, hint);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody>");
  for (guint i = 0; i < p->log->len; i++)
    {
      const LimberPrintLogLine *l = g_ptr_array_index (p->log, i);
      g_string_append_printf (out, "<tr class=\"entry%s\" data-date=\"%s\" data-exercise=\"", l->first_of_day ? " first" : "",
                              l->date);
      esc (out, l->exercise);
      g_string_append (out, "\"><th scope=\"row\">");
      esc (out, l->day);
      g_string_append (out, "</th>");
      element (out, "td", NULL, l->name);
      g_autofree char *done = g_strdup_printf (L ("%s %s: done"), l->day, l->name);
      g_string_append (out, "<td class=\"box\"><input type=\"checkbox\" data-field=\"completed\" aria-label=\"");
      esc (out, done);
      g_string_append (out, "\"/></td><td class=\"amount\">");
      number_input (out, "sets", "sets", l->dose.sets, 20, TRUE);
      g_string_append (out, " \xc3\x97 ");
      if (l->dose.reps > 0)
        {
          number_input (out, "reps", "reps", l->dose.reps, 100, TRUE);
          g_string_append (out, L (" reps"));
          if (l->dose.hold_s > 0)
            {
              g_string_append (out, ", ");
              number_input (out, "hold_s", L ("seconds held"), l->dose.hold_s, 600, TRUE);
              g_string_append (out, " s");
            }
        }
      else
        {
          number_input (out, "duration_s", L ("seconds"), l->dose.duration_s, 3600, TRUE);
          g_string_append (out, " s");
        }
      g_string_append (out, "</td><td>");
      number_input (out, "discomfort", L ("discomfort during, 0 to 10"), 0, 10, FALSE);
      g_string_append (out, "</td><td>");
      number_input (out, "discomfort_next_day", L ("discomfort next morning, 0 to 10"), 0, 10, FALSE);
      g_string_append (out, "</td></tr>");
    }
  g_string_append (out, "</tbody></table></div></section>\n");
}

/* The re-scan sheet, as a form too. */
static void
append_rescan (GString *out, const LimberPrint *p)
{
  if (p->measures->len == 0)
    return;
  g_string_append (out, "<section class=\"rescan\" id=\"rescan\">");
  element (out, "h2", NULL, L (LIMBER_PRINT_RESCAN_HEADING));
  element (out, "p", "how-to", L (LIMBER_PRINT_RESCAN_INTRO));
  g_string_append_printf (out, "<p><label>%s <input type=\"date\" id=\"rescan-date\"/></label></p>", L ("Date"));
  for (guint i = 0; i < p->measures->len; i++)
    {
      const LimberPrintMeasure *m = g_ptr_array_index (p->measures, i);
      g_string_append (out, "<div class=\"measure\" data-measure=\"");
      esc (out, m->id);
      g_string_append_printf (out, "\" data-sided=\"%s\"><div>", m->sided ? "true" : "false");
      g_autofree char *title = g_strdup_printf (L ("%s, in %s"), m->name, m->unit);
      element (out, "h3", NULL, title);
      element (out, "p", "how", m->how);
      if (m->note)
        element (out, "p", "how", m->note);
      if (m->last)
        element (out, "p", "how", m->last);
      g_string_append (out, "</div><div class=\"sides\">");
      const char *sides[2] = { m->sided ? L ("Left") : L ("Value"), m->sided ? L ("Right") : NULL };
      const char *fields[2] = { "left", "right" };
      for (unsigned k = 0; k < 2; k++)
        if (sides[k])
          {
            g_string_append_printf (out, "<label>%s ", sides[k]);
            ranged_input (out, fields[k], sides[k], 0, m->min, m->max, FALSE);
            g_string_append (out, "</label>");
          }
      g_string_append (out, "</div></div>");
    }
  g_string_append (out, "</section>\n");
}

/* Turning the filled-in form into the profile's "history" and "rescans"
 * (docs/profile-format.md): a line goes in when anything on it was filled
 * in, done or not; numbers are read as the reader expects them (whole sets
 * and reps, seconds and discomfort as numbers, an empty discomfort as
 * null); re-scans are of sided measures only, as the reader takes them.  Plain script, no network: it works from a file. */
static const char export_script[] =
  "function limberLog(){\n"
  "var num=function(i){if(!i||i.value==='')return null;var v=Number(i.value);return isFinite(v)?v:null;};\n"
  "var history=[],rescans=[];\n"
  "document.querySelectorAll('#log tr.entry').forEach(function(tr){\n"
  " var f=function(n){return tr.querySelector('[data-field=\"'+n+'\"]');};\n"
  " var done=f('completed').checked,d=num(f('discomfort')),n=num(f('discomfort_next_day'));\n"
  " if(!done&&d===null&&n===null)return;\n"
  " var e={date:tr.dataset.date,exercise:tr.dataset.exercise,completed:done};\n"
  " var s=num(f('sets'));if(s!==null)e.sets=Math.round(s);\n"
  " var r=num(f('reps'));if(r!==null)e.reps=Math.round(r);\n"
  " var h=num(f('hold_s'));if(h!==null)e.hold_s=h;\n"
  " var t=num(f('duration_s'));if(t!==null)e.duration_s=t;\n"
  " e.discomfort=d;e.discomfort_next_day=n;history.push(e);});\n"
  "var date=document.getElementById('rescan-date');\n"
  "document.querySelectorAll('#rescan .measure').forEach(function(m){\n"
  " var l=num(m.querySelector('[data-field=\"left\"]')),r=num(m.querySelector('[data-field=\"right\"]'));\n"
  " if(m.dataset.sided!=='true')return;\n"
  " if(l===null||r===null||!date||!date.value)return;\n"
  " rescans.push({date:date.value,measure:m.dataset.measure,left:l,right:r});});\n"
  "var out={history:history};if(rescans.length)out.rescans=rescans;\n"
  "return JSON.stringify(out,null,1);}\n"
  "function limberExport(){\n"
  "var text=limberLog(),box=document.getElementById('export-text');box.value=text;box.hidden=false;\n"
  "var a=document.createElement('a');a.href=URL.createObjectURL(new Blob([text],{type:'application/json'}));\n"
  "a.download='history.json';document.body.appendChild(a);a.click();a.remove();}\n";

static void
append_export (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<section class=\"export\"><p><button type=\"button\" onclick=\"limberExport()\">");
  esc (out, L ("Save the log as profile history (JSON)"));
  g_string_append (out, "</button></p><p class=\"how-to\">");
  /* element text: quotes need no escaping, and the table's texts hold no markup */
  g_string_append (out, L ("It saves a file, history.json, with the lines you filled in and the re-scan: add its "
                           "\"history\" and \"rescans\" to the profile and plan the next week."));
  g_string_append (out, "</p><textarea id=\"export-text\" rows=\"8\" readonly=\"readonly\" hidden=\"hidden\" "
                        "aria-label=\"");
  esc (out, L ("the saved history"));
  g_string_append (out, "\"></textarea></section>\n");
  /* in a CDATA section behind comments: the page stays well-formed XML
   * (its && and <) and the browser reads plain script */
  g_string_append (out, "<script>//<![CDATA[\n");
  g_string_append (out, export_script);
  g_string_append (out, "//]]></script>\n");
}

static void
append_guide (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<section class=\"guide-section\">");
  element (out, "h2", NULL, L (LIMBER_PRINT_GUIDE_HEADING));
  g_string_append (out, "<div class=\"guide\">");
  for (guint i = 0; i < p->guide->len; i++)
    {
      const LimberPrintGuide *g = g_ptr_array_index (p->guide, i);
      /* as on paper: the name, the place, how much and the picture in a tinted band */
      g_string_append_printf (out, "<article class=\"card\" id=\"exercise-%u\"><div class=\"head\">", i + 1);
      element (out, "h3", NULL, g->name);
      element (out, "p", "how", g->how);
      element (out, "p", "dose", g->dose);
      if (g->pose)
        append_pose (out, p, g->pose, g->name);
      g_string_append (out, g->brief ? "</div><ol class=\"has-brief\">" : "</div><ol>");
      for (const char *const *s = g->steps; s && *s; s++)
        element (out, "li", NULL, *s);
      g_string_append (out, "</ol>");
      if (g->brief)
        {
          g_string_append (out, "<ol class=\"brief\">");
          for (const char *const *s = g->brief; *s; s++)
            element (out, "li", NULL, *s);
          g_string_append (out, "</ol>");
        }
      if (g->why)
        element (out, "p", "why", g->why);
      g_string_append (out, "</article>");
    }
  g_string_append (out, "</div></section>");
}

static void
append_referral (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<section class=\"referral\">");
  element (out, "p", "outcome", p->outcome);
  element (out, "p", NULL, p->outcome_text);
  if (p->reasons->len > 0)
    {
      element (out, "h2", NULL, L (LIMBER_PRINT_WHY_HEADING));
      g_string_append (out, "<ul>");
      for (guint i = 0; i < p->reasons->len; i++)
        element (out, "li", NULL, g_ptr_array_index (p->reasons, i));
      g_string_append (out, "</ul>");
    }
  if (p->message)
    {
      element (out, "h2", NULL, L (LIMBER_PRINT_NOW_HEADING));
      element (out, "p", "message", p->message);
    }
  g_string_append (out, "</section>");
}

unsigned char *
limber_render_html (const LimberPrint *p, LimberPaper paper, gsize *length)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"");
  g_string_append (out, limber_lang_code (p->lang));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                        "<meta name=\"generator\" content=\"limber\"/>\n<title>");
  esc (out, p->title);
  g_string_append (out, " \xc2\xb7 ");
  esc (out, p->dates);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style);
  g_string_append_printf (out, "@page{size:%s portrait;margin:12mm}\n", paper == LIMBER_PAPER_LETTER ? "letter" : "A4");
  g_string_append (out, "</style>\n</head>\n<body>\n<main>\n");
  append_header (out, p);
  g_string_append_c (out, '\n');
  if (p->banner)
    element (out, "p", "banner", p->banner);
  if (p->referral)
    {
      append_referral (out, p);
      append_list (out, L (LIMBER_PRINT_NOTES_HEADING), "notes", p->notes);
      append_safety (out, p);
    }
  else
    {
      g_string_append (out, "<section class=\"week\">");
      element (out, "h2", NULL, L (LIMBER_PRINT_WEEK_HEADING));
      element (out, "p", "how-to", p->how_to);
      g_string_append (out, "<div class=\"glance-wrap\">");
      for (guint i = 0; i < p->weeks->len; i++)
        {
          const LimberPrintWeek *w = g_ptr_array_index (p->weeks, i);
          if (w->title)
            element (out, "h3", NULL, w->title);
          append_week_table (out, p, w);
        }
      g_string_append (out, "</div>");
      append_day_lists (out, p);
      g_string_append (out, "</section>\n");
      /* the safety box and the signs that need urgent help come right after
       * the week, as on paper, before what changed and the notes */
      append_safety (out, p);
      /* side by side when both are there, as on paper */
      gboolean pair = p->changes->len > 0 && p->notes->len > 0;
      if (pair)
        g_string_append (out, "<div class=\"pair\">");
      append_changes (out, p);
      append_list (out, L (LIMBER_PRINT_NOTES_HEADING), "notes", p->notes);
      if (pair)
        g_string_append (out, "</div>");
      g_string_append_c (out, '\n');
      append_guide (out, p);
      g_string_append_c (out, '\n');
      append_log (out, p);
      append_rescan (out, p);
      append_export (out, p);
    }
  g_string_append (out, "\n<footer>");
  esc (out, p->footer);
  g_string_append (out, "</footer>\n</main>\n</body>\n</html>\n");
  *length = out->len;
  return (unsigned char *) g_string_free (out, FALSE);
}
