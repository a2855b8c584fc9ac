/*
 * The printed week as one self-contained HTML file.
 *
 * No external assets: the CSS is inline and the pictures are inline SVG, so
 * the file can be mailed, opened offline and printed.  The markup is
 * XHTML-compatible HTML5 (every element closed, attributes quoted, no named
 * entities), so XML tools can read it as well as browsers.  On a phone the
 * week shows as one list per day; on a wider screen and on paper as the
 * table the PDF prints.
 */
#include "render-private.h"

#include "dose-words.h"

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
  ".log .notes-col{width:34%}\n"
  ".guide{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px}\n"
  /* as on paper: the name, where it is done and the picture in a tinted
   * band, the steps under it */
  ".card{break-inside:avoid;page-break-inside:avoid}\n"
  ".card .head{display:flow-root;background:var(--accent-soft);border-radius:6px;padding:8px 10px}\n"
  ".card .head svg{float:right;display:block;height:64px;width:auto;max-width:50%;margin:-4px -4px -4px 10px}\n"
  ".card h3{font-size:1.05em;margin:0}\n"
  ".card .how{font-size:.85em;color:var(--muted);margin:0}\n"
  ".card .why{font-size:.85em;margin:4px 0 0}\n"
  ".card ol{margin:6px 0 0;padding-left:1.3em;font-size:.92em}\n"
  ".card li{margin:2px 0}\n"
  ".referral{border:3px solid var(--warn);background:var(--warn-soft);border-radius:10px;padding:8px 18px 14px}\n"
  ".referral h2{color:var(--warn);border-color:var(--warn)}\n"
  ".banner{border:3px solid var(--warn);background:var(--warn-soft);border-radius:10px;padding:10px 18px;"
  "font-weight:700;font-size:1.1em}\n"
  ".outcome{font-size:1.25em;font-weight:700;color:var(--warn);margin:10px 0 4px;text-transform:uppercase;"
  "letter-spacing:.04em}\n"
  ".message{font-size:1.15em;font-weight:600}\n"
  "footer{margin-top:28px;font-size:.8em;color:var(--muted);border-top:1px solid var(--line);padding-top:8px}\n"
  "@media (max-width:640px){body{font-size:17px}main{padding:14px 12px 32px}.glance-wrap{display:none}"
  ".days{display:block}.facts div{min-width:100%}.who{text-align:left}}\n"
  /* on paper as the PDF, set close: the week, what changed and the notes
   * side by side, the safety box and the log, then on a page of their own
   * the exercises, in three columns */
  "@media print{body{font-size:8.5pt;line-height:1.25;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "main{max-width:none;padding:0}.glance-wrap{display:block}.days{display:none}.table-scroll{overflow:visible}"
  "h1{font-size:1.9em}h2{margin-top:10px;margin-bottom:6px;break-after:avoid;page-break-after:avoid}"
  "tr{break-inside:avoid;page-break-inside:avoid}.glance th,.glance td{padding:1px 4px}"
  ".glance tr.slot th{padding-top:4px}.how-to{margin-bottom:4px}.facts{padding:6px 10px;margin-bottom:8px}"
  ".safety{margin-top:12px;padding:2px 12px 6px}.safety h2{margin-top:6px}.safety h3{margin-top:6px}"
  ".log tbody td,.log tbody th{height:18pt;padding:1px 4px;vertical-align:middle}"
  ".safety,.log{break-inside:avoid;page-break-inside:avoid}"
  ".guide-section{break-before:page;page-break-before:always}"
  ".pair{grid-template-columns:1fr 1fr}.guide{display:block;columns:3;column-gap:9pt}.card{margin:0 0 7pt}"
  ".card ol{font-size:7.5pt;line-height:1.2}"
  ".card .head{padding:3pt}.card h3{font-size:8.5pt}.card .how{font-size:6.6pt}"
  ".card .head svg{height:28pt;margin:-1.5pt -1.5pt -1.5pt 6pt}"
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
      double width = s->ink == LIMBER_INK_PROP ? 1.6 : 3.2;
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
          g_string_append (out, "<path d=\"M");
          num (out, s->x1 - x0 + dx);
          g_string_append_c (out, ' ');
          num (out, y1 - s->y1);
          if (s->kind == LIMBER_SHAPE_CURVE)
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
          g_string_append_printf (out, "\" stroke=\"%s\" stroke-width=\"", colour);
          num (out, width);
          g_string_append (out, "\"/>");
          break;
        }
    }
  g_string_append (out, "</g>");
}

/* Start, an arrow, end: both figures at one scale in one picture. */
static void
append_pose (GString *out, const LimberPose *pose, const char *name)
{
  double x0, y0, x1, y1;
  limber_pose_bounds (pose, &x0, &y0, &x1, &y1);
  double w = x1 - x0, h = y1 - y0, gap = MAX (18.0, h * 0.3);
  double width = 2 * w + gap;
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
  num (out, width);
  g_string_append_c (out, ' ');
  num (out, h);
  g_string_append (out, "\" role=\"img\" aria-label=\"");
  g_autofree char *label = g_strdup_printf ("%s: start and end position", name);
  esc (out, label);
  g_string_append (out, "\">");
  append_figure (out, pose, LIMBER_POSE_START, 0, x0, y1);
  /* the arrow, centred in the gap */
  double ax0 = w + gap * 0.22, ax1 = w + gap * 0.78, ay = h / 2, head = gap * 0.16;
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
  g_string_append (out, "\" fill=\"none\" stroke=\"#0f6e6a\" stroke-width=\"2.5\" stroke-linecap=\"round\" "
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
      g_string_append (out, "<div><dt>Goal</dt><dd><strong>");
      esc (out, p->goal);
      g_string_append (out, "</strong>");
      if (p->goal_text)
        {
          g_string_append (out, ": ");
          esc (out, p->goal_text);
        }
      g_string_append (out, "</dd></div><div><dt>Time</dt>");
      element (out, "dd", NULL, p->schedule);
      g_string_append (out, "</div>");
    }
  g_string_append (out, "<div><dt>Rule set</dt>");
  element (out, "dd", NULL, p->ruleset);
  g_string_append (out, "</div></dl></header>");
}

static void
append_week_table (GString *out, const LimberPrint *p, const LimberPrintWeek *w)
{
  g_string_append (out, "<div class=\"table-scroll\"><table class=\"glance\"><thead><tr>");
  g_string_append (out, "<th scope=\"col\">" LIMBER_PRINT_EXERCISE "</th><th scope=\"col\">" LIMBER_PRINT_DOSE "</th>");
  for (unsigned d = 0; d < w->n_days; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, w->first_day + d);
      g_string_append_printf (out, "<th scope=\"col\" class=\"day%s\">", day->rest ? " rest" : "");
      element (out, "span", NULL, day->weekday);
      element (out, "span", NULL, day->day_month);
      element (out, "span", NULL, day->rest ? LIMBER_PRINT_REST : day->minutes);
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
      element (out, "span", NULL, day->rest ? LIMBER_PRINT_REST : day->minutes);
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
  element (out, "h2", NULL, LIMBER_PRINT_CHANGES_HEADING);
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
  element (out, "h2", NULL, LIMBER_PRINT_SAFETY_HEADING);
  if (p->safety)
    element (out, "p", NULL, p->safety);
  if (p->warning_signs->len > 0)
    {
      element (out, "h3", NULL, LIMBER_PRINT_SIGNS_HEADING);
      g_string_append (out, "<ul>");
      for (guint i = 0; i < p->warning_signs->len; i++)
        element (out, "li", NULL, g_ptr_array_index (p->warning_signs, i));
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</section>");
}

static void
append_log (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<section class=\"log\">");
  element (out, "h2", NULL, LIMBER_PRINT_LOG_HEADING);
  element (out, "p", "how-to", LIMBER_PRINT_LOG_INTRO);
  g_string_append (out, "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Day</th>");
  for (unsigned c = 0; c < LIMBER_PRINT_LOG_COLUMNS; c++)
    {
      g_string_append_printf (out, "<th scope=\"col\"%s>", c == LIMBER_PRINT_LOG_COLUMNS - 1 ? " class=\"notes-col\"" : "");
      esc (out, limber_print_log_columns[c]);
      if (limber_print_log_hints[c][0])
        element (out, "small", NULL, limber_print_log_hints[c]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody>");
  for (guint d = 0; d < p->days->len; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, d);
      if (day->rest)
        continue;
      g_string_append (out, "<tr>");
      element (out, "th", NULL, day->long_date);
      element (out, "td", "box", LIMBER_PRINT_BOX);
      for (unsigned c = 1; c < LIMBER_PRINT_LOG_COLUMNS; c++)
        g_string_append (out, "<td></td>");
      g_string_append (out, "</tr>");
    }
  g_string_append (out, "</tbody></table></div></section>");
}

static void
append_guide (GString *out, const LimberPrint *p)
{
  g_string_append (out, "<section class=\"guide-section\">");
  element (out, "h2", NULL, LIMBER_PRINT_GUIDE_HEADING);
  g_string_append (out, "<div class=\"guide\">");
  for (guint i = 0; i < p->guide->len; i++)
    {
      const LimberPrintGuide *g = g_ptr_array_index (p->guide, i);
      /* as on paper: the picture beside the name, in a tinted band */
      g_string_append_printf (out, "<article class=\"card\" id=\"exercise-%u\"><div class=\"head\">", i + 1);
      if (g->pose)
        append_pose (out, g->pose, g->name);
      element (out, "h3", NULL, g->name);
      element (out, "p", "how", g->how);
      g_string_append (out, "</div><ol>");
      for (const char *const *s = g->steps; s && *s; s++)
        element (out, "li", NULL, *s);
      g_string_append (out, "</ol>");
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
      element (out, "h2", NULL, LIMBER_PRINT_WHY_HEADING);
      g_string_append (out, "<ul>");
      for (guint i = 0; i < p->reasons->len; i++)
        element (out, "li", NULL, g_ptr_array_index (p->reasons, i));
      g_string_append (out, "</ul>");
    }
  if (p->message)
    {
      element (out, "h2", NULL, LIMBER_PRINT_NOW_HEADING);
      element (out, "p", "message", p->message);
    }
  g_string_append (out, "</section>");
}

unsigned char *
limber_render_html (const LimberPrint *p, LimberPaper paper, gsize *length)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
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
      append_list (out, LIMBER_PRINT_NOTES_HEADING, "notes", p->notes);
      append_safety (out, p);
    }
  else
    {
      g_string_append (out, "<section class=\"week\">");
      element (out, "h2", NULL, LIMBER_PRINT_WEEK_HEADING);
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
      /* side by side when both are there, as on paper */
      gboolean pair = p->changes->len > 0 && p->notes->len > 0;
      if (pair)
        g_string_append (out, "<div class=\"pair\">");
      append_changes (out, p);
      append_list (out, LIMBER_PRINT_NOTES_HEADING, "notes", p->notes);
      if (pair)
        g_string_append (out, "</div>");
      append_safety (out, p);
      g_string_append_c (out, '\n');
      append_log (out, p);
      g_string_append_c (out, '\n');
      append_guide (out, p);
    }
  g_string_append (out, "\n<footer>");
  esc (out, p->footer);
  g_string_append (out, "</footer>\n</main>\n</body>\n</html>\n");
  *length = out->len;
  return (unsigned char *) g_string_free (out, FALSE);
}
