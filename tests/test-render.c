/* Specification of printed plans (limber_plan_render): what the PDF and the
 * HTML hold, that they hold the same items, that nothing leaves the page,
 * and the poses their pictures are drawn from.  The PDF is read back with
 * poppler's tools (pdftotext, pdffonts, pdfinfo), as a reader would. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <limber.h>

#include "dose-words.h"
#include "i18n.h"
#include "plan-private.h"
#include "pose.h"
#include "render-private.h"
#include "ruleset-private.h"
#include "support.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

TestSuite (render);

#define START "2026-11-23"

/* ---- plans ------------------------------------------------------------------ */

static LimberRuleset *
load_rules (const char *data_name)
{
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = NULL;
  if (data_name == NULL)
    rs = limber_ruleset_new_default (&error);
  else
    {
      g_autofree char *path = limber_test_data (data_name);
      rs = limber_ruleset_new_from_file (path, &error);
    }
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

/* The plan of an example profile, starting on START. */
static LimberPlan *
example_plan (const LimberRuleset *rs, const char *profile)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/examples/profiles/%s.json", LIMBER_SOURCE_DIR, profile);
  g_autoptr (LimberProfile) person = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (person, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_start (options, START, NULL));
  LimberPlan *plan = limber_generate (rs, person, options, &error);
  cr_assert_not_null (plan, "%s", error ? error->message : "");
  return plan;
}

/* The steps a PDF's card prints: the short ones in a week the full ones
 * would make longer than two pages, else (and for an exercise without
 * short ones) the full ones. */
static const char *const *
printed_steps (const LimberExercise *e, gboolean brief)
{
  return brief && e->brief ? (const char *const *) e->brief : (const char *const *) e->instructions;
}

static LimberDay *
add_day (LimberPlan *plan, unsigned offset, gboolean rest)
{
  g_autoptr (GDate) date = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_date_add_days (date, offset);
  LimberDay *day = limber_day_alloc (date);
  day->rest = rest;
  g_ptr_array_add (plan->days, day);
  return day;
}

static LimberPlan *
new_plan (const LimberRuleset *rs, const char *name)
{
  LimberPlan *plan = limber_plan_alloc (rs);
  g_strlcpy (plan->start, START, sizeof plan->start);
  plan->name = name ? g_strdup (name) : NULL;
  plan->goal = LIMBER_GOAL_RECOVERY;
  plan->minutes_per_day = 15;
  plan->days_per_week = 5;
  return plan;
}

/* Seven days of fifteen items each from the long rule set, every item a
 * dose of its own, so that the week's table runs over several pages. */
static LimberPlan *
stress_plan (const LimberRuleset *rs)
{
  static const char *const ids[] = { "long-one", "long-two", "long-three" };
  LimberPlan *plan = new_plan (rs, "Maximiliane Oberschenkelrückseitendehnung-Järvinen (a name long enough to wrap "
                                   "in the header and the footer of every page of the plan)");
  limber_plan_add_advisory (plan, "An advisory that goes on for a long time to see that a long list of notes is laid "
                                  "out properly, wrapping over several lines without running into the margin or the "
                                  "boxes around it, in whichever paper size is chosen.");
  for (unsigned d = 0; d < 7; d++)
    {
      LimberDay *day = add_day (plan, d, d == 2);
      day->minutes = day->rest ? 0 : 42.5;
      for (unsigned j = 0; !day->rest && j < 15; j++)
        {
          const LimberExercise *e = limber_ruleset_lookup_exercise (rs, ids[(d + j) % 3]);
          LimberItem *item = limber_item_alloc (e, j < 5 ? "warm-up" : j < 10 ? "mobility" : "relax");
          item->dose = (LimberDose) { 1 + j % 3, 3 + j, j % 2 ? 5 : 0, 0 };
          item->step = 2;
          item->previous_step = j == 0 ? 1 : 0;
          if (j % 4 == 1 && e->per_side)
            {
              item->emphasis_side = LIMBER_SIDE_LEFT;
              item->extra_sets = 1;
            }
          limber_item_add_reason (item, "progression", "step 1 \u2192 2: 3 sessions completed, discomfort \u2264 2");
          limber_day_add_item (day, item);
        }
    }
  return plan;
}

/* ---- reading outputs back -------------------------------------------------------- */

static unsigned char *
render (const LimberPlan *plan, LimberRenderFormat format, LimberPaper paper, gsize *length)
{
  g_autoptr (GError) error = NULL;
  unsigned char *doc = limber_plan_render (plan, format, paper, length, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "");
  cr_assert_gt (*length, 0);
  cr_assert_eq (doc[*length], '\0', "the document is followed by a NUL");
  return doc;
}

/* Runs a tool; its standard output, asserting it succeeded. */
static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  gboolean ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  cr_assert (ok, "cannot run %s: %s", argv[0], error ? error->message : "");
  cr_assert (g_spawn_check_wait_status (status, NULL), "%s failed: %s", argv[0], err);
  return out;
}

/* The rendered PDF in a file of its own, removed when the test ends. */
typedef struct {
  char *path;
} PdfFile;

static void
pdf_file_free (PdfFile *f)
{
  g_unlink (f->path);
  g_free (f->path);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfFile, pdf_file_free)

static PdfFile *
pdf_file (const LimberPlan *plan, LimberPaper paper)
{
  gsize length = 0;
  g_autofree unsigned char *pdf = render (plan, LIMBER_RENDER_PDF, paper, &length);
  cr_assert_eq (memcmp (pdf, "%PDF-", 5), 0);
  PdfFile *f = g_new0 (PdfFile, 1);
  int fd = g_file_open_tmp ("limber-render-XXXXXX.pdf", &f->path, NULL);
  cr_assert_geq (fd, 0);
  close (fd);
  cr_assert (g_file_set_contents (f->path, (const char *) pdf, (gssize) length, NULL));
  return f;
}

/* Whitespace collapsed to single spaces: a name wrapped over two lines of a
 * table cell reads as the name again, and "hip-" at a line's end followed
 * by "width" as "hip-width". */
static char *
collapse (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean space = FALSE, newline = FALSE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          newline |= *p == '\n';
        }
      else
        {
          if (space && !(newline && out->str[out->len - 1] == '-'))
            g_string_append_c (out, ' ');
          space = newline = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_strdup (out->str);
}

/* pdftotext's text of all pages (page 0) or one; raw: in drawing order,
 * where a table's rows read as rows, else in reading order, where kerned
 * pairs such as "To" stay one word. */
static char *
pdf_plain (const PdfFile *f, int page, gboolean raw)
{
  g_autofree char *number = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = page > 0 ? g_strdup (number) : g_strdup ("-1");
  if (page == 0)
    return run ((const char *const[]) { "pdftotext", raw ? "-raw" : "-nopgbrk", f->path, "-", NULL });
  return run ((const char *const[]) { "pdftotext", raw ? "-raw" : "-nopgbrk", "-f", number, "-l", last, f->path, "-",
                                      NULL });
}

/* The PDF's text read both ways, whitespace collapsed, without the "NAME
 * (continued)" that heads the rest of an exercise split between columns, so
 * that its steps read on. */
static char *
pdf_text (const PdfFile *f, int page)
{
  g_autoptr (GRegex) continued = g_regex_new ("\\n[^\\n]*\\(continued\\)\\n", 0, 0, NULL);
  g_autoptr (GString) both = g_string_new (NULL);
  for (int raw = 1; raw >= 0; raw--)
    {
      g_autofree char *text = pdf_plain (f, page, raw);
      g_autofree char *joined = g_regex_replace_literal (continued, text, -1, 0, "\n", 0, NULL);
      g_autofree char *collapsed = collapse (joined);
      g_string_append_printf (both, "%s%s", both->len ? " \xe2\x80\x96 " : "", collapsed);
    }
  return g_strdup (both->str);
}

/* The text read both ways, as pdf_text(), as it flows on from column to
 * column and page to page: without the footers and the "NAME (continued)"
 * lines between. */
static char *
pdf_flow (const PdfFile *f)
{
  g_autoptr (GRegex) breaks = g_regex_new ("\\n[^\\n]*(\\(continued\\)|Page [0-9]+ of [0-9]+"
                                           "|^limber \xc2\xb7 rule set )[^\\n]*(?=\\n)",
                                           G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GString) both = g_string_new (NULL);
  for (int raw = 1; raw >= 0; raw--)
    {
      g_autofree char *text = pdf_plain (f, 0, raw);
      g_autofree char *joined = g_regex_replace_literal (breaks, text, -1, 0, "", 0, NULL);
      g_autofree char *collapsed = collapse (joined);
      g_string_append_printf (both, "%s%s", both->len ? " \xe2\x80\x96 " : "", collapsed);
    }
  return g_strdup (both->str);
}

static unsigned
pdf_pages (const PdfFile *f)
{
  g_autofree char *info = run ((const char *const[]) { "pdfinfo", f->path, NULL });
  const char *pages = strstr (info, "\nPages:");
  cr_assert_not_null (pages, "%s", info);
  return (unsigned) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static void
assert_has (const char *text, const char *fragment)
{
  g_autofree char *want = collapse (fragment);
  cr_assert_not_null (strstr (text, want), "lacks \"%s\" in:\n%.3000s", want, text);
}

/* Every page has text, and "Page N of M" says how many there are. */
static void
assert_pages_filled (const PdfFile *f, unsigned pages)
{
  for (unsigned p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (f, (int) p);
      cr_assert_gt (strlen (text), 20, "page %u is blank", p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, pages);
      assert_has (text, footer);
    }
}

/* The HTML as XML: the doctype line is HTML's, the rest must be well-formed. */
static xmlDoc *
parse_html (const unsigned char *html, gsize length)
{
  const char *text = (const char *) html;
  cr_assert (g_str_has_prefix (text, "<!DOCTYPE html>\n"), "%.100s", text);
  const char *rest = text + strlen ("<!DOCTYPE html>\n");
  xmlDoc *doc = xmlReadMemory (rest, (int) (length - (gsize) (rest - text)), "plan.html", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  cr_assert_not_null (doc, "the HTML is not well-formed XML");
  return doc;
}

static xmlXPathObject *
xpath (xmlDoc *doc, const char *expr)
{
  g_autoptr (xmlXPathContext) ctx = xmlXPathNewContext (doc);
  xmlXPathObject *r = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  cr_assert_not_null (r, "bad XPath %s", expr);
  return r;
}

static char *
xpath_string (xmlDoc *doc, const char *expr)
{
  g_autoptr (xmlXPathObject) r = xpath (doc, expr);
  xmlChar *s = xmlXPathCastToString (r);
  char *copy = g_strdup ((const char *) s);
  xmlFree (s);
  return copy;
}

static int
xpath_count (xmlDoc *doc, const char *expr)
{
  g_autoptr (xmlXPathObject) r = xpath (doc, expr);
  return r->nodesetval ? r->nodesetval->nodeNr : 0;
}

static char *
item_dose (const LimberItem *item)
{
  return limber_dose_words (&item->dose, item->exercise->per_side, item->emphasis_side,
                            limber_item_get_emphasis_extra_sets (item));
}

/* ---- the PDF --------------------------------------------------------------------- */

LIMBER_TEST (render, pdf_holds_the_week_the_exercises_and_the_log)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 0);

  assert_has (text, "Your stretching week");
  assert_has (text, "For Sam (desk worker, stiff lower back)");
  assert_has (text, "Mon 23 Nov \u2013 Sun 29 Nov 2026");
  assert_has (text, "15 min a day, 5 days a week");
  assert_has (text, "default 1.0.0");
  for (const char *const *day = (const char *const[]) { "Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov", "Thu 26 Nov",
                                                        "Fri 27 Nov", "Sat 28 Nov", "Sun 29 Nov", NULL };
       *day; day++)
    assert_has (text, *day);
  for (guint d = 0; d < plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      for (guint i = 0; i < day->items->len; i++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, i);
          g_autofree char *dose = item_dose (item);
          g_autofree char *row = g_strdup_printf ("%s %s", item->exercise->name, dose);
          assert_has (text, row);
          /* thirteen exercises: their full steps would take a third page */
          for (const char *const *step = printed_steps (item->exercise, TRUE); *step; step++)
            assert_has (text, *step);
        }
    }
  /* the log sheet's columns are the fields of a history entry */
  for (const char *const *h = (const char *const[]) { "The week at a glance", "Stay safe", "Your log", "Date",
                                                      "Exercise", "Done", "Sets \u00d7 reps or hold",
                                                      "During", "Next morning", "discomfort 0\u201310",
                                                      "How to do each exercise",
                                                      "Re-scan: measure again", NULL };
       *h; h++)
    assert_has (text, *h);
  assert_has (text, rs->safety);
  /* the rule set's emergency warning signs, as statements, not as the
   * screening questions that ask about them; and a tick box per exercise
   * of each training day: a line of the log for each entry of the history */
  assert_has (text, "New loss of bladder or bowel control, or difficulty passing urine");
  assert_has (text, "Back pain after a fall, accident or direct blow to your back");
  cr_assert_null (strstr (text, "Since your back pain began"), "a screening question among the signs");
  unsigned entries = 0;
  for (guint d = 0; d < plan->days->len; d++)
    entries += ((LimberDay *) g_ptr_array_index (plan->days, d))->items->len;
  unsigned boxes = 0;
  g_autofree char *raw = pdf_plain (f, 0, TRUE);
  for (const char *p = raw; (p = strstr (p, "\u2610")); p++)
    boxes++;
  cr_assert_eq (boxes, entries);
  /* the re-scan sheet: each measure of Sam's scan, its unit and how to take it */
  assert_has (text, "Hamstrings (back of the thigh), in degrees");
  assert_has (text, "last time: left 62, right 65");
  assert_has (text, "Straight-leg raise (hamstring length)");
}

LIMBER_TEST (render, pdf_fonts_are_embedded)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *fonts = run ((const char *const[]) { "pdffonts", f->path, NULL });
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  unsigned n = 0;
  /* name type encoding emb sub uni object ID: two header lines */
  for (guint i = 2; lines[i]; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_auto (GStrv) cols = g_strsplit_set (lines[i], " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();
      for (guint c = 0; cols[c]; c++)
        if (cols[c][0])
          g_ptr_array_add (words, cols[c]);
      cr_assert_geq (words->len, 7, "%s", lines[i]);
      /* emb is the fifth column from the end */
      cr_assert_str_eq (g_ptr_array_index (words, words->len - 5), "yes", "not embedded: %s", lines[i]);
      cr_assert (strstr (lines[i], "DejaVuSans") != NULL, "%s", lines[i]);
      n++;
    }
  cr_assert_geq (n, 2, "%s", fonts);
}

LIMBER_TEST (render, pdf_pages_are_a4_or_letter_and_none_is_blank)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  for (LimberPaper paper = LIMBER_PAPER_A4; paper <= LIMBER_PAPER_LETTER; paper++)
    {
      g_autoptr (PdfFile) f = pdf_file (plan, paper);
      g_autofree char *info = run ((const char *const[]) { "pdfinfo", f->path, NULL });
      assert_has (info, paper == LIMBER_PAPER_A4 ? "595.276 x 841.89 pts (A4)" : "612 x 792 pts (letter)");
      unsigned pages = pdf_pages (f);
      cr_assert_geq (pages, 2);
      /* the week and its exercises on three, the log and re-scan sheets on
       * two more (three on Letter, which is shorter) */
      cr_assert_leq (pages, 7, "the stiff-back week and its sheets take %u pages", pages);
      assert_pages_filled (f, pages);
    }
}

LIMBER_TEST (render, the_same_plan_gives_the_same_bytes)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "older-adult-70");
  for (LimberRenderFormat format = LIMBER_RENDER_PDF; format <= LIMBER_RENDER_HTML; format++)
    {
      gsize a_len = 0, b_len = 0;
      g_autofree unsigned char *a = render (plan, format, LIMBER_PAPER_A4, &a_len);
      g_autofree unsigned char *b = render (plan, format, LIMBER_PAPER_A4, &b_len);
      cr_assert_eq (a_len, b_len);
      cr_assert_eq (memcmp (a, b, a_len), 0, "format %d differs between runs", format);
    }
}

/* ---- the HTML --------------------------------------------------------------------- */

LIMBER_TEST (render, html_is_well_formed_self_contained_and_printable)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_LETTER, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  const char *text = (const char *) html;
  for (const char *const *bad = (const char *const[]) { "<link", " src=", "href=\"http", "url(", "@import", "fetch(",
                                                        "XMLHttpRequest", NULL };
       *bad; bad++)
    cr_assert_null (strstr (text, *bad), "an external asset or a network call: %s", *bad);
  /* one script, in the page: the log's export */
  cr_assert_eq (xpath_count (doc, "//*[local-name()='script']"), 1);
  cr_assert_not_null (strstr (text, "@media print"));
  cr_assert_not_null (strstr (text, "@page{size:letter portrait"));
  cr_assert_not_null (strstr (text, "name=\"viewport\""));
  /* one picture per exercise with a pose, as inline SVG */
  cr_assert_eq (xpath_count (doc, "//*[local-name()='svg']"), xpath_count (doc, "//article"));
  cr_assert_gt (xpath_count (doc, "//article"), 5);
}

/* Every item of every day of the JSON plan, in order, with its dose in
 * words, in the HTML's day lists and in the table, and every exercise once
 * in the guide. */
LIMBER_TEST (render, html_holds_the_same_items_as_the_json_plan)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  g_autoptr (GHashTable) exercises = g_hash_table_new (NULL, NULL);
  g_autofree char *json = limber_plan_to_json (plan, FALSE);
  g_autoptr (JsonNode) root = json_from_string (json, NULL);
  JsonArray *days = json_object_get_array_member (json_node_get_object (root), "days");

  cr_assert_eq (xpath_count (doc, "//div[@class='days']/section"), (int) json_array_get_length (days));
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (days, d), "items");
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      g_autofree char *count = g_strdup_printf ("//div[@class='days']/section[%u]/ol/li", d + 1);
      cr_assert_eq (xpath_count (doc, count), (int) json_array_get_length (items), "day %s", day->date);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, i);
          const char *json_name = json_object_get_string_member (json_array_get_object_element (items, i), "name");
          cr_assert_str_eq (json_name, item->exercise->name);
          g_hash_table_add (exercises, (gpointer) item->exercise);
          g_autofree char *dose = item_dose (item);
          g_autofree char *li = g_strdup_printf ("//div[@class='days']/section[%u]/ol/li[%u]", d + 1, i + 1);
          g_autofree char *name_x = g_strconcat (li, "/a", NULL);
          g_autofree char *dose_x = g_strconcat (li, "/span[@class='dose']", NULL);
          g_autofree char *value_x = g_strconcat ("string(", li, "/@value)", NULL);
          g_autofree char *name = xpath_string (doc, name_x);
          g_autofree char *words = xpath_string (doc, dose_x);
          g_autofree char *value = xpath_string (doc, value_x);
          cr_assert_str_eq (name, item->exercise->name);
          cr_assert_str_eq (words, dose);
          cr_assert_eq (atoi (value), (int) i + 1);
          /* and in the table: the row of this exercise at this dose has the number in this day's column */
          g_autofree char *cell = g_strdup_printf (
            "//table[@class='glance']/tbody/tr[th/a=\"%s\" and td[@class='dose']=\"%s\"]/td[%u]", item->exercise->name,
            dose, d + 2);
          g_autofree char *numbers = xpath_string (doc, cell);
          g_autofree char *want = g_strdup_printf ("%u", i + 1);
          g_auto (GStrv) list = g_strsplit (numbers, ", ", -1);
          cr_assert (g_strv_contains ((const char *const *) list, want), "%s: \"%s\" lacks %s", cell, numbers, want);
        }
    }
  cr_assert_eq (xpath_count (doc, "//article"), (int) g_hash_table_size (exercises));
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, exercises);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const LimberExercise *e = key;
      g_autofree char *x = g_strdup_printf ("//article[div/h3=\"%s\"]", e->name);
      cr_assert_eq (xpath_count (doc, x), 1, "%s is not in the guide once", e->name);
      /* the full steps for the screen, and the short ones for paper */
      g_autofree char *steps = g_strdup_printf ("//article[div/h3=\"%s\"]/ol[not(@class='brief')]/li", e->name);
      cr_assert_eq (xpath_count (doc, steps), (int) g_strv_length (e->instructions));
      g_autofree char *brief = g_strdup_printf ("//article[div/h3=\"%s\"]/ol[@class='brief']/li", e->name);
      cr_assert_eq (xpath_count (doc, brief), e->brief ? (int) g_strv_length (e->brief) : 0);
    }
  /* the log: a line per exercise per training day, its fields a history
   * entry's, the planned amounts filled in */
  unsigned entries = 0;
  for (guint d = 0; d < plan->days->len; d++)
    entries += ((LimberDay *) g_ptr_array_index (plan->days, d))->items->len;
  cr_assert_eq (xpath_count (doc, "//section[@class='log']//tbody/tr"), (int) entries);
  cr_assert_eq (xpath_count (doc, "//tr[@data-date='2026-11-23' and @data-exercise='hip-circles']"
                                  "//input[@data-field='reps' and @value='10']"),
                1);
  for (const char *const *field = (const char *const[]) { "completed", "sets", "discomfort", "discomfort_next_day", NULL };
       *field; field++)
    {
      g_autofree char *x = g_strdup_printf ("//section[@class='log']//tbody/tr//input[@data-field='%s']", *field);
      cr_assert_eq (xpath_count (doc, x), (int) entries, "every line has %s", *field);
    }
  /* the export, in the page itself: no script or style from elsewhere */
  cr_assert_eq (xpath_count (doc, "//button[@onclick='limberExport()']"), 1);
  cr_assert_eq (xpath_count (doc, "//script[@src] | //link"), 0);
  cr_assert_eq (xpath_count (doc, "//section[@class='rescan']//div[@class='measure']"), 4, "Sam's four measures");
}

/* The PDF shows the same things as the HTML: the same exercises, doses,
 * advisories and warning signs. */
LIMBER_TEST (render, pdf_and_html_hold_the_same_items)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "cannot-lie-flat");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *pdf = pdf_text (f, 0);
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  /* the steps paper gets: this week's are short in both (a PDF week too
   * long with the full steps; the HTML's print stylesheet) */
  static const char *const lists[] = { "//table[@class='glance']/tbody/tr/th/a", "//td[@class='dose']",
                                       "//section[@class='notes']//li", "//section[@class='safety']//li",
                                       "//article/div/h3",
                                       "//article/ol[@class='brief']/li | //article[not(ol[@class='brief'])]/ol/li" };
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr (xmlXPathObject) r = xpath (doc, lists[l]);
      cr_assert (r->nodesetval && r->nodesetval->nodeNr > 0, "nothing at %s", lists[l]);
      for (int i = 0; i < r->nodesetval->nodeNr; i++)
        {
          xmlChar *s = xmlNodeGetContent (r->nodesetval->nodeTab[i]);
          assert_has (pdf, (const char *) s);
          xmlFree (s);
        }
    }
}

/* ---- referrals ----------------------------------------------------------------------- */

LIMBER_TEST (render, a_referral_is_one_page_without_exercises)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "emergency");
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_REFERRAL);
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  cr_assert_eq (pdf_pages (f), 1);
  g_autofree char *text = pdf_text (f, 0);
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  g_autofree char *html_text = xpath_string (doc, "string(//main)");

  assert_has (text, "EMERGENCY");
  assert_has (html_text, "Emergency");
  for (const char *t = text; t; t = t == text ? html_text : NULL)
    {
      assert_has (t, "Get medical help now");
      assert_has (t, "What to do now");
      assert_has (t, limber_plan_get_referral_message (plan));
      /* why: the warning sign the answer showed, as a statement (the rule
       * set's <sign>), not the screening question again */
      assert_has (t, "New loss of bladder or bowel control, or difficulty passing urine.");
      cr_assert_null (strstr (t, "have you had any new loss"), "the question, not the sign:\n%s", t);
      /* dated by the day it was made: a referral is no week */
      assert_has (t, "Mon 23 Nov 2026");
      cr_assert_null (strstr (t, "Sun 29 Nov"), "a week's dates on a referral:\n%s", t);
      for (unsigned i = 0; i < limber_ruleset_get_n_exercises (rs); i++)
        cr_assert_null (strstr (t, limber_exercise_get_name (limber_ruleset_get_exercise (rs, i))),
                        "a referral names %s", limber_exercise_get_name (limber_ruleset_get_exercise (rs, i)));
      cr_assert_null (strstr (t, "Your log"));
      cr_assert_null (strstr (t, "How to do each exercise"));
    }
  cr_assert_eq (xpath_count (doc, "//article"), 0);
}

/* A plan of a profile given as JSON, starting on START. */
static LimberPlan *
json_plan (const LimberRuleset *rs, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberProfile) person = limber_profile_new_from_json (rs, json, -1, NULL, &error);
  cr_assert_not_null (person, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_start (options, START, NULL));
  LimberPlan *plan = limber_generate (rs, person, options, &error);
  cr_assert_not_null (plan, "%s", error ? error->message : "");
  return plan;
}

LIMBER_TEST (render, an_unscreened_plan_carries_a_banner_first)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = json_plan (rs, "{\"goal\": \"recovery\", \"answers\": {\"pain-today\": 2}}");
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_OK);
  cr_assert_not (limber_plan_get_screening_complete (plan));
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 1);
  assert_has (text, "Safety screening is incomplete: 14 of the safety questions were not answered.");
  /* above the week: before its heading */
  cr_assert_lt (strstr (text, "Safety screening is incomplete"), strstr (text, "The week at a glance"));
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  g_autofree char *banner = xpath_string (doc, "string(//main/p[@class='banner'])");
  assert_has (banner, "Safety screening is incomplete");
  cr_assert_eq (xpath_count (doc, "//main/p[@class='banner']/following::section[@class='week']"), 1);

  /* a screened plan has none */
  g_autoptr (LimberPlan) screened = example_plan (rs, "stiff-back");
  if (limber_plan_get_screening_complete (screened))
    {
      g_autofree unsigned char *h2 = render (screened, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
      cr_assert_null (strstr ((const char *) h2, "class=\"banner\""));
    }
}

LIMBER_TEST (render, a_plan_with_nothing_to_do_prints_one_page_saying_so)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = json_plan (
    rs, "{\"goal\": \"recovery\", \"constraints\": {\"no_floor\": true, \"avoid_regions\": [\"lumbar\", "
        "\"thoracic\", \"cervical\", \"hip\", \"hamstring\", \"glute\", \"quadriceps\", \"calf\", \"ankle\", "
        "\"shoulder\", \"chest\", \"core\", \"knee\", \"wrist\"]}}");
  cr_assert_eq (limber_plan_get_status (plan), LIMBER_PLAN_NO_EXERCISES);
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  cr_assert_eq (pdf_pages (f), 1);
  g_autofree char *text = pdf_text (f, 0);
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  g_autofree char *html_text = xpath_string (doc, "string(//main)");
  for (const char *t = text; t; t = t == text ? html_text : NULL)
    {
      assert_has (t, "No exercises fit yet");
      assert_has (t, "What to do now");
      assert_has (t, limber_plan_get_no_exercises_message (plan));
      cr_assert_null (strstr (t, "Your log"));
      cr_assert_null (strstr (t, "How to do each exercise"));
    }
  cr_assert_eq (xpath_count (doc, "//article"), 0);
  g_autofree unsigned char *plain = render (plan, LIMBER_RENDER_TEXT, LIMBER_PAPER_A4, &length);
  assert_has ((const char *) plain, "NO EXERCISES");
}

/* ---- what changed ---------------------------------------------------------------------- */

LIMBER_TEST (render, progressions_are_said_with_their_reason)
{
  g_autoptr (LimberRuleset) rs = load_rules ("minimal.xml");
  g_autoptr (LimberPlan) plan = new_plan (rs, NULL);
  LimberDay *day = add_day (plan, 0, FALSE);
  LimberItem *tilts = limber_item_alloc (limber_ruleset_lookup_exercise (rs, "pelvic-tilts"), "mobility");
  tilts->dose = (LimberDose) { 1, 5, 5, 0 };
  tilts->step = 2;
  tilts->previous_step = 1;
  limber_item_add_reason (tilts, "goal-recovery", "weight x1.5");
  limber_item_add_reason (tilts, "progression", "step 1 \u2192 2: 3 sessions completed, discomfort \u2264 2");
  limber_day_add_item (day, tilts);
  /* held at its step: not a change */
  LimberItem *wipers = limber_item_alloc (limber_ruleset_lookup_exercise (rs, "windshield-wipers"), "mobility");
  wipers->dose = (LimberDose) { 1, 0, 0, 60 };
  wipers->step = wipers->previous_step = 1;
  limber_day_add_item (day, wipers);

  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 0);
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  g_autofree char *changes = xpath_string (doc, "string(//section[@class='changes'])");
  for (const char *t = text; t; t = t == text ? changes : NULL)
    {
      assert_has (t, "What changed since last week");
      assert_has (t, "Pelvic Tilts: up from step 1 to step 2, now 5 reps, 5 s holds");
      assert_has (t, "3 sessions completed, discomfort \u2264 2");
      cr_assert_null (strstr (t, "Windshield Wipers:"));
    }
  /* no name in the plan: no "For" line */
  cr_assert_null (strstr (text, "For "));
}

/* ---- pictures ---------------------------------------------------------------------------- */

LIMBER_TEST (render, every_default_exercise_has_a_whole_pose)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  cr_assert_geq (limber_ruleset_get_n_exercises (rs), 40);
  for (unsigned i = 0; i < limber_ruleset_get_n_exercises (rs); i++)
    {
      const LimberExercise *e = limber_ruleset_get_exercise (rs, i);
      cr_assert_not_null (e->pose, "%s has no pose", e->id);
      for (unsigned f = 0; f < LIMBER_POSE_N_FIGURES; f++)
        for (unsigned j = 0; j < LIMBER_N_JOINTS; j++)
          {
            const LimberPoint *p = &e->pose->figures[f].joints[j];
            gboolean optional = j == LIMBER_JOINT_BACK || j == LIMBER_JOINT_TOE_L || j == LIMBER_JOINT_TOE_R;
            cr_assert (optional || p->set, "%s: joint %u of figure %u missing", e->id, j, f);
            cr_assert (!p->set || (p->x >= 0 && p->x <= 100 && p->y >= 0 && p->y <= 100), "%s: joint %u out of the box",
                       e->id, j);
          }
    }
}

/* Every figure shows its movement: start and end differ by a joint
 * travelling far enough or a bone turning far enough to be seen at print
 * size, and the end figure carries a motion arrow.  Only a position held
 * still (start and end the same, a rest) has neither: it is drawn once. */
LIMBER_TEST (render, every_default_figure_shows_its_movement_with_an_arrow)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  for (unsigned i = 0; i < limber_ruleset_get_n_exercises (rs); i++)
    {
      const LimberExercise *e = limber_ruleset_get_exercise (rs, i);
      LimberPoseMotion m;
      limber_pose_motion (e->pose, &m);
      g_autoptr (GArray) shapes = limber_pose_shapes (e->pose, LIMBER_POSE_END);
      unsigned arrows = 0;
      for (guint k = 0; k < shapes->len; k++)
        arrows += g_array_index (shapes, LimberShape, k).kind == LIMBER_SHAPE_ARROW;
      if (m.still)
        {
          cr_assert_eq (arrows, 0, "%s is held still: no arrow", e->id);
          continue;
        }
      cr_assert (limber_pose_moves_visibly (e->pose),
                 "%s: start and end look the same (a joint travels %.1f, a bone turns %.0f degrees)", e->id,
                 m.distance, m.turn);
      cr_assert_eq (arrows, 1, "%s: one motion arrow on the end figure", e->id);
      /* the arrow stays inside the picture's box */
      double x0, y0, x1, y1;
      limber_pose_bounds (e->pose, &x0, &y0, &x1, &y1);
      for (guint k = 0; k < shapes->len; k++)
        {
          const LimberShape *s = &g_array_index (shapes, LimberShape, k);
          if (s->kind != LIMBER_SHAPE_ARROW)
            continue;
          cr_assert (s->x1 >= x0 && s->x2 <= x1 + 1e-9 && s->x2 >= x0 && s->y2 >= y0 && s->y2 <= y1,
                     "%s: the arrow leaves the picture", e->id);
        }
    }
}

/* The measure is a pure function of the pose: a pelvic tilt rocks the
 * pelvis a few units but turns the lower back by 24 degrees, so it is a
 * turn the arrow shows around the hip; a leg lifted travels. */
LIMBER_TEST (render, a_small_tilt_is_seen_as_a_turn_and_a_lift_as_travel)
{
  LimberPose tilt = { .view = LIMBER_VIEW_SIDE };
  LimberFigure *a = &tilt.figures[LIMBER_POSE_START], *b = &tilt.figures[LIMBER_POSE_END];
  a->joints[LIMBER_JOINT_HIP] = (LimberPoint) { 50, 5, TRUE };
  a->joints[LIMBER_JOINT_BACK] = (LimberPoint) { 36, 8, TRUE };
  a->joints[LIMBER_JOINT_NECK] = (LimberPoint) { 22, 5, TRUE };
  *b = *a;
  b->joints[LIMBER_JOINT_HIP].y = 7.5;
  b->joints[LIMBER_JOINT_BACK].y = 4.5;
  LimberPoseMotion m;
  limber_pose_motion (&tilt, &m);
  cr_assert_not (m.still);
  cr_assert_lt (m.distance, LIMBER_POSE_VISIBLE_MOVE);
  cr_assert_eq (m.pivot, LIMBER_JOINT_HIP);
  cr_assert_eq (m.tip, LIMBER_JOINT_BACK);
  cr_assert_float_eq (m.turn, 24.2, 0.1, "the lower back turns %.2f degrees", m.turn);
  cr_assert (limber_pose_moves_visibly (&tilt));
  /* both figures mark the pelvis: a bar across the hip, square to the lower
   * back, so that its tilt can be compared */
  for (unsigned f = 0; f < LIMBER_POSE_N_FIGURES; f++)
    {
      const LimberPoint *hip = &tilt.figures[f].joints[LIMBER_JOINT_HIP];
      const LimberPoint *back = &tilt.figures[f].joints[LIMBER_JOINT_BACK];
      g_autoptr (GArray) shapes = limber_pose_shapes (&tilt, (LimberPoseFigure) f);
      unsigned marks = 0;
      for (guint k = 0; k < shapes->len; k++)
        {
          const LimberShape *sh = &g_array_index (shapes, LimberShape, k);
          if (sh->kind != LIMBER_SHAPE_LINE || fabs ((sh->x1 + sh->x2) / 2 - hip->x) > 1e-9
              || fabs ((sh->y1 + sh->y2) / 2 - hip->y) > 1e-9)
            continue;
          double dot = (sh->x2 - sh->x1) * (back->x - hip->x) + (sh->y2 - sh->y1) * (back->y - hip->y);
          cr_assert_float_eq (dot, 0, 1e-9, "the mark is square to the lower back");
          marks++;
        }
      cr_assert_eq (marks, 1, "figure %u marks the pelvis once", f);
    }

  LimberPose lift = tilt;
  lift.figures[LIMBER_POSE_START].joints[LIMBER_JOINT_ANKLE_R] = (LimberPoint) { 72, 2.5, TRUE };
  lift.figures[LIMBER_POSE_END] = lift.figures[LIMBER_POSE_START];
  lift.figures[LIMBER_POSE_END].joints[LIMBER_JOINT_ANKLE_R] = (LimberPoint) { 57, 51, TRUE };
  limber_pose_motion (&lift, &m);
  cr_assert_eq (m.joint, LIMBER_JOINT_ANKLE_R);
  cr_assert_float_eq (m.distance, hypot (15, 48.5), 1e-9);

  LimberPose still = lift;
  still.figures[LIMBER_POSE_END] = still.figures[LIMBER_POSE_START];
  limber_pose_motion (&still, &m);
  cr_assert (m.still);
  cr_assert_not (limber_pose_moves_visibly (&still));
}

LIMBER_TEST (render, a_pose_is_read_and_drawn_with_its_props)
{
  g_autoptr (LimberRuleset) rs = load_rules ("render-long.xml");
  const LimberExercise *e = limber_ruleset_lookup_exercise (rs, "long-one");
  const LimberPose *pose = e->pose;
  cr_assert_not_null (pose);
  cr_assert_null (limber_ruleset_lookup_exercise (rs, "long-two")->pose);
  cr_assert_eq (pose->view, LIMBER_VIEW_SIDE);
  cr_assert (pose->has_chair && pose->has_wall);
  cr_assert_float_eq (pose->chair.x, 58, 1e-9);
  cr_assert_float_eq (pose->wall_x, 90, 1e-9);
  const LimberFigure *start = &pose->figures[LIMBER_POSE_START];
  cr_assert_float_eq (start->joints[LIMBER_JOINT_HEAD].x, 41, 1e-9);
  cr_assert_float_eq (start->joints[LIMBER_JOINT_HEAD].y, 62, 1e-9);
  cr_assert (start->joints[LIMBER_JOINT_BACK].set);
  cr_assert_not (pose->figures[LIMBER_POSE_END].joints[LIMBER_JOINT_BACK].set);
  cr_assert_not (pose->figures[LIMBER_POSE_END].joints[LIMBER_JOINT_TOE_L].set);

  double x0, y0, x1, y1;
  limber_pose_bounds (pose, &x0, &y0, &x1, &y1);
  cr_assert_leq (x0, 58 - 18 - 2); /* the chair's backrest */
  cr_assert_geq (x1, 90);          /* the wall */
  cr_assert_leq (y0, 0);           /* the floor */
  cr_assert_geq (y1, 62 + LIMBER_POSE_HEAD_RADIUS);

  g_autoptr (GArray) shapes = limber_pose_shapes (pose, LIMBER_POSE_START);
  unsigned heads = 0, curves = 0, far = 0, props = 0;
  gboolean body_seen = FALSE;
  for (guint i = 0; i < shapes->len; i++)
    {
      const LimberShape *s = &g_array_index (shapes, LimberShape, i);
      heads += s->kind == LIMBER_SHAPE_HEAD;
      curves += s->kind == LIMBER_SHAPE_CURVE;
      far += s->ink == LIMBER_INK_FAR;
      props += s->ink == LIMBER_INK_PROP;
      /* drawn in order: props behind the far limbs behind the body */
      cr_assert (!(body_seen && s->ink == LIMBER_INK_PROP), "a prop after the body");
      body_seen |= s->ink != LIMBER_INK_PROP;
    }
  cr_assert_eq (props, 6, "the floor, the wall and the chair's seat, two legs and backrest");
  cr_assert_eq (heads, 1);
  cr_assert_eq (curves, 1, "the bent back is a curve");
  cr_assert_eq (far, 5, "thigh, shin, foot, upper arm and forearm of the far side");
}

LIMBER_TEST (render, an_exercise_without_a_pose_prints_without_a_picture)
{
  g_autoptr (LimberRuleset) rs = load_rules ("minimal.xml");
  g_autoptr (LimberPlan) plan = new_plan (rs, "Sam");
  LimberDay *day = add_day (plan, 0, FALSE);
  LimberItem *item = limber_item_alloc (limber_ruleset_lookup_exercise (rs, "pelvic-tilts"), "mobility");
  item->dose = (LimberDose) { 1, 3, 5, 0 };
  limber_day_add_item (day, item);
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  cr_assert_eq (xpath_count (doc, "//article"), 1);
  cr_assert_eq (xpath_count (doc, "//*[local-name()='svg']"), 0);
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 0);
  assert_has (text, "Pelvic Tilts");
  assert_has (text, "Lie on your back, knees bent.");
}

/* ---- nothing leaves the page -------------------------------------------------------------- */

typedef struct {
  double x0, y0, x1, y1;
  char *word;
} Word;

static void
word_clear (Word *w)
{
  g_free (w->word);
}

/* pdftotext -bbox: the page sizes and each page's words with their boxes. */
static GPtrArray *
pdf_words (const PdfFile *f, GArray *sizes)
{
  g_autofree char *xhtml = run ((const char *const[]) { "pdftotext", "-bbox", f->path, "-", NULL });
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GRegex) re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">|<word xMin=\"([0-9.]+)\" "
                                       "yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                       0, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;
  g_regex_match (re, xhtml, 0, &m);
  GArray *words = NULL;
  while (g_match_info_matches (m))
    {
      g_autofree char *width = g_match_info_fetch (m, 1);
      if (width && width[0])
        {
          g_autofree char *height = g_match_info_fetch (m, 2);
          double size[2] = { g_ascii_strtod (width, NULL), g_ascii_strtod (height, NULL) };
          g_array_append_vals (sizes, size, 2);
          words = g_array_new (FALSE, TRUE, sizeof (Word));
          g_array_set_clear_func (words, (GDestroyNotify) word_clear);
          g_ptr_array_add (pages, words);
        }
      else
        {
          cr_assert_not_null (words);
          Word w = { 0 };
          double *v[4] = { &w.x0, &w.y0, &w.x1, &w.y1 };
          for (int k = 0; k < 4; k++)
            {
              g_autofree char *s = g_match_info_fetch (m, 3 + k);
              *v[k] = g_ascii_strtod (s, NULL);
            }
          w.word = g_match_info_fetch (m, 7);
          g_array_append_val (words, w);
        }
      g_match_info_next (m, NULL);
    }
  return pages;
}

/* Every word inside the page's margins (the footer inside the bottom one),
 * and no two words on one another. */
static void
assert_words_inside (const PdfFile *f)
{
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) pages = pdf_words (f, sizes);
  cr_assert_eq (pages->len, pdf_pages (f));
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);
      double w = g_array_index (sizes, double, 2 * p), h = g_array_index (sizes, double, 2 * p + 1);
      cr_assert_gt (words->len, 10, "page %u is nearly blank", p + 1);
      for (guint i = 0; i < words->len; i++)
        {
          const Word *a = &g_array_index (words, Word, i);
          cr_assert (a->x0 >= 30 && a->x1 <= w - 30 && a->y0 >= 24 && a->y1 <= h - 12,
                     "page %u: \"%s\" at %.1f,%.1f-%.1f,%.1f is outside the margins of %.0fx%.0f", p + 1, a->word,
                     a->x0, a->y0, a->x1, a->y1, w, h);
          for (guint j = i + 1; j < words->len; j++)
            {
              const Word *b = &g_array_index (words, Word, j);
              double ox = MIN (a->x1, b->x1) - MAX (a->x0, b->x0), oy = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);
              double small = MIN ((a->x1 - a->x0) * (a->y1 - a->y0), (b->x1 - b->x0) * (b->y1 - b->y0));
              cr_assert (ox <= 0 || oy <= 0 || ox * oy < 0.3 * small,
                         "page %u: \"%s\" and \"%s\" overlap", p + 1, a->word, b->word);
            }
        }
    }
}

/* Where the words of a text begin, one after another, on any page: its
 * first word, or NULL. */
static const Word *
find_words (GPtrArray *pages, const char *text, unsigned n_words)
{
  g_auto (GStrv) want = g_strsplit (text, " ", -1);
  n_words = MIN (n_words, g_strv_length (want));
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);
      for (guint i = 0; i + n_words <= words->len; i++)
        {
          unsigned k = 0;
          while (k < n_words && g_strcmp0 (g_array_index (words, Word, i + k).word, want[k]) == 0)
            k++;
          if (k == n_words)
            return &g_array_index (words, Word, i);
        }
    }
  return NULL;
}

/* Whether a word is a label rather than text a person reads: the
 * uppercase tags (GOAL, WARM-UP) and the week table's column names, set
 * smaller and bold. */
static gboolean
is_label (const char *word)
{
  if (g_strv_contains ((const char *const[]) { "Exercise", "How", "much", NULL }, word))
    return TRUE;
  for (const char *p = word; *p; p++)
    if (g_ascii_islower (*p))
      return FALSE;
  return TRUE;
}

/* Issue 15: each card of the stiff-back week says how much, in words, and
 * every word a person reads is set at 10 pt or more, measured in the PDF
 * (a word's box is DejaVu Sans' ascent and descent: 1.163 of its size);
 * the week and how to do its exercises come first, on two A4 pages (its
 * thirteen exercises in their short steps: the full ones alone fill more
 * than a page at 10 pt), then the log and the re-scan sheets on pages of
 * their own. */
LIMBER_TEST (render, the_stiff_back_week_is_set_at_10_pt_with_the_dose_on_every_card)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  unsigned pages = pdf_pages (f);
  assert_pages_filled (f, pages);
  g_autofree char *first = pdf_text (f, 1);
  for (const char *const *h = (const char *const[]) { "The week at a glance", "Stay safe", NULL }; *h; h++)
    assert_has (first, *h);
  /* the log sheet starts a page, after the week's two */
  unsigned log_page = 0;
  for (unsigned p = 1; p <= pages && log_page == 0; p++)
    {
      g_autofree char *text = pdf_plain (f, (int) p, TRUE);
      if (g_str_has_prefix (text, LIMBER_PRINT_LOG_HEADING))
        log_page = p;
    }
  cr_assert_gt (log_page, 1, "the log sheet starts a page of its own");
  cr_assert_eq (log_page - 1, 2, "the week and its exercises take %u A4 pages", log_page - 1);
  /* a day's time in whole minutes: "16.2 min" reads as 16 minutes 2 seconds */
  g_autofree char *glance = pdf_text (f, 1);
  g_autoptr (GRegex) tenths = g_regex_new ("[0-9][.,][0-9] min", 0, 0, NULL);
  cr_assert_not (g_regex_match (tenths, glance, 0, NULL), "tenths of a minute in:\n%.1500s", glance);

  /* the cards: name and how much, with the side emphasis (a short card's
   * picture and first step say where it is done) */
  g_autofree char *text = pdf_text (f, 0);
  g_autoptr (LimberPrint) print = limber_print_new (plan);
  for (guint g = 0; g < print->guide->len; g++)
    {
      const LimberPrintGuide *guide = g_ptr_array_index (print->guide, g);
      g_autofree char *card = g_strdup_printf ("%s %s", guide->name, guide->dose);
      assert_has (text, card);
    }

  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) words = pdf_words (f, sizes);
  unsigned measured = 0;
  for (guint p = 0; p < words->len; p++)
    {
      GArray *page = g_ptr_array_index (words, p);
      double h = g_array_index (sizes, double, 2 * p + 1);
      for (guint i = 0; i < page->len; i++)
        {
          const Word *w = &g_array_index (page, Word, i);
          /* the footer, under the bottom margin, and the labels are not read as text */
          if (w->y0 > h - 32 || is_label (w->word))
            continue;
          double size = (w->y1 - w->y0) / 1.163;
          cr_assert_geq (size, 9.95, "page %u: \"%s\" is set at %.2f pt", p + 1, w->word, size);
          measured++;
        }
    }
  cr_assert_gt (measured, 1500, "the words measured: %u", measured);
  /* and every exercise's short steps, whole */
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  for (guint d = 0; d < plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      for (guint i = 0; i < day->items->len; i++)
        {
          const LimberExercise *e = ((const LimberItem *) g_ptr_array_index (day->items, i))->exercise;
          if (!g_hash_table_add (seen, (gpointer) e))
            continue;
          cr_assert_not_null (e->brief, "%s has no short steps", e->id);
          for (const char *const *step = printed_steps (e, TRUE); *step; step++)
            cr_assert_not_null (find_words (words, *step, 3), "no \"%s\"", *step);
        }
    }
  cr_assert_geq (g_hash_table_size (seen), 12);
}

/* The safety box and its warning signs come right after the week, before
 * the notes: an older adult's seven notes run onto page 2, the signs stay
 * on page 1, and the week still takes two pages. */
LIMBER_TEST (render, the_safety_box_stays_on_page_one_ahead_of_a_long_list_of_notes)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "older-adult-70");
  cr_assert_geq (plan->advisories->len, 6);
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *first = pdf_text (f, 1);
  assert_has (first, "Stay safe");
  assert_has (first, "Stop and get urgent help if any of these happens");
  assert_has (first, "New loss of bladder or bowel control");
  const char *safety = strstr (first, "Stay safe"), *notes = strstr (first, "Please note");
  cr_assert (notes == NULL || notes > safety, "the notes before the safety box:\n%s", first);
  g_autofree char *third = pdf_plain (f, 3, TRUE);
  cr_assert (g_str_has_prefix (third, LIMBER_PRINT_LOG_HEADING), "the week does not end on page 2:\n%.300s", third);
  /* and each note is on one page, whole: a list breaks between its items */
  for (guint i = 0; i < plan->advisories->len; i++)
    {
      g_autofree char *note = collapse (g_ptr_array_index (plan->advisories, i));
      gboolean whole = FALSE;
      for (int p = 1; p <= 2 && !whole; p++)
        {
          g_autofree char *page = pdf_text (f, p);
          whole = strstr (page, note) != NULL;
        }
      cr_assert (whole, "a note split over a page turn or missing: %s", note);
    }
}

/* A person who cannot get to the floor is not asked to re-take a test done
 * lying down on their own: the re-scan sheet says who can; a seated test
 * is theirs to take. */
LIMBER_TEST (render, the_rescan_sheet_sends_lying_tests_of_a_person_off_the_floor_to_a_clinician)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "cannot-lie-flat");
  g_autoptr (LimberPrint) print = limber_print_new (plan);
  cr_assert_eq (print->measures->len, 2);
  for (guint i = 0; i < print->measures->len; i++)
    {
      const LimberPrintMeasure *m = g_ptr_array_index (print->measures, i);
      if (g_str_equal (m->id, "hip.flexion"))
        cr_assert (m->note != NULL && strstr (m->note, "ask your physiotherapist or doctor"), "%s", m->id);
      else
        cr_assert_null (m->note, "%s: %s", m->id, m->note);
    }
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 0);
  assert_has (text, "this test is done lying down: ask your physiotherapist or doctor to take it");
  /* and a person who can get to the floor is asked nothing of the kind */
  g_autoptr (LimberPlan) sam = example_plan (rs, "stiff-back");
  g_autoptr (LimberPrint) sams = limber_print_new (sam);
  for (guint i = 0; i < sams->measures->len; i++)
    cr_assert_null (((const LimberPrintMeasure *) g_ptr_array_index (sams->measures, i))->note);
}

/* A week whose full steps fit on two pages prints them, every card: the
 * short ones are for a week they would make longer. */
LIMBER_TEST (render, a_short_week_prints_the_full_steps)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = new_plan (rs, "Sam");
  static const char *const ids[] = { "knee-to-chest", "pelvic-tilts", "cat-cow" };
  for (unsigned d = 0; d < 7; d++)
    {
      LimberDay *day = add_day (plan, d, d % 2 == 1);
      for (guint i = 0; !day->rest && i < G_N_ELEMENTS (ids); i++)
        {
          LimberItem *item = limber_item_alloc (limber_ruleset_lookup_exercise (rs, ids[i]), "mobility");
          item->dose = (LimberDose) { 1, 5, 5, 0 };
          limber_day_add_item (day, item);
        }
    }
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_flow (f);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const LimberExercise *e = limber_ruleset_lookup_exercise (rs, ids[i]);
      cr_assert_not_null (e->brief);
      for (const char *const *step = printed_steps (e, FALSE); *step; step++)
        assert_has (text, *step);
      g_autofree char *brief = collapse (e->brief[0]);
      cr_assert_null (strstr (text, brief), "a short step in a short week: %s", e->brief[0]);
    }
}

/* A rule set without short steps has nothing to shorten a long week with:
 * its cards keep their full steps and their general reasons (only a card
 * that prints short steps leaves those out): here, the routine's reason
 * and a routine move's full steps. */
LIMBER_TEST (render, a_rule_set_without_short_steps_keeps_every_card_whole)
{
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autofree char *xml = NULL;
  cr_assert (g_file_get_contents (path, &xml, NULL, NULL));
  g_autoptr (GRegex) briefs = g_regex_new ("\\s*<brief>.*?</brief>", G_REGEX_DOTALL, 0, NULL);
  g_autofree char *without = g_regex_replace (briefs, xml, -1, 0, "", 0, NULL);
  cr_assert_null (strstr (without, "<brief>"));
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (without, -1, "no-briefs.xml", &error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_flow (f);
  assert_has (text, "Part of your stiff-back routine: the same moves in the same order each session.");
  const LimberExercise *e = limber_ruleset_lookup_exercise (rs, "knee-to-chest");
  cr_assert_null (e->brief, "the rule set still has short steps: the test does not reach a week without them");
  for (const char *const *step = printed_steps (e, TRUE); *step; step++)
    assert_has (text, *step);
}

/* In German the stiff-back week's cards print their short steps in German
 * (German runs longer than English: three pages at most, not two). */
LIMBER_TEST (render, a_translated_week_prints_the_translated_short_steps)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/examples/profiles/stiff-back.json", LIMBER_SOURCE_DIR);
  g_autoptr (LimberProfile) person = limber_profile_new_from_file (rs, path, &error);
  cr_assert_not_null (person, "%s", error ? error->message : "");
  g_autoptr (LimberOptions) options = limber_options_new ();
  cr_assert (limber_options_set_start (options, START, NULL));
  cr_assert (limber_options_set_language (options, "de", NULL));
  g_autoptr (LimberPlan) plan = limber_generate (rs, person, options, &error);
  cr_assert_not_null (plan, "%s", error ? error->message : "");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_flow (f);
  const LimberTranslation *tr = limber_ruleset_translation (rs, LIMBER_LANG_DE);
  cr_assert_not_null (tr);
  const LimberExercise *e = limber_ruleset_lookup_exercise (rs, "knee-to-chest");
  for (const char *const *step = printed_steps (e, TRUE); *step; step++)
    {
      const char *german = limber_tr (tr, *step);
      cr_assert_str_neq (german, *step, "no German for \"%s\"", *step);
      assert_has (text, german);
    }
  /* the warning signs too */
  const LimberRedFlag *flag = limber_ruleset_find_red_flag (rs, "cauda-equina-bladder-bowel");
  cr_assert_not_null (flag);
  cr_assert_str_neq (limber_tr (tr, flag->sign), flag->sign);
  assert_has (text, limber_tr (tr, flag->sign));
  unsigned pages = pdf_pages (f), log_page = 0;
  for (unsigned p = 1; p <= pages && log_page == 0; p++)
    {
      g_autofree char *page = pdf_plain (f, (int) p, TRUE);
      if (g_str_has_prefix (page, limber_msg (LIMBER_LANG_DE, LIMBER_PRINT_LOG_HEADING)))
        log_page = p;
    }
  cr_assert_gt (log_page, 1, "no German log sheet");
  cr_assert_leq (log_page - 1, 3, "the German week takes %u A4 pages", log_page - 1);
  /* the log's dates on one line each: its date column widens for the
   * longer German date ("Mo. 23. Nov."), the exercise's gives way */
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) words = pdf_words (f, sizes);
  GArray *sheet = g_ptr_array_index (words, log_page - 1);
  unsigned dates = 0;
  for (guint i = 0; i + 2 < sheet->len; i++)
    {
      const Word *w = &g_array_index (sheet, Word, i);
      if (g_strcmp0 (w->word, "Mo.") != 0 || g_strcmp0 (g_array_index (sheet, Word, i + 1).word, "23.") != 0)
        continue;
      const Word *month = &g_array_index (sheet, Word, i + 2);
      cr_assert_str_eq (month->word, "Nov.");
      cr_assert_float_eq (month->y0, w->y0, 0.5, "a date broken over two lines in the German log");
      dates++;
    }
  cr_assert_gt (dates, 0, "no date Mo. 23. Nov. in the German log");
}

/* A card says the side emphasis in words and, under the steps, why. */
LIMBER_TEST (render, a_card_says_the_side_emphasis_and_its_reason)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "athlete-tight-left-hip");
  g_autoptr (LimberPrint) print = limber_print_new (plan);
  const LimberPrintGuide *found = NULL;
  for (guint g = 0; g < print->guide->len; g++)
    {
      const LimberPrintGuide *guide = g_ptr_array_index (print->guide, g);
      if (strstr (guide->dose, "extra set"))
        found = guide;
    }
  cr_assert_not_null (found, "the athlete's week has an emphasised exercise");
  cr_assert (g_str_has_suffix (found->dose, ", one extra set on the left"), "%s", found->dose);
  assert_has (found->why, "your left hip stretches back 8\u00b0, your right 16\u00b0");
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 0);
  assert_has (text, found->dose);
  assert_has (text, found->why);
}

/* A note is kept whole on a page, but one longer than a page's column
 * (a rule set's own advice can be) still breaks between its lines rather
 * than run past the page's foot. */
LIMBER_TEST (render, a_note_taller_than_a_page_breaks_inside_the_margins)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  g_autoptr (GString) long_note = g_string_new (NULL);
  for (int i = 1; i <= 120; i++)
    g_string_append_printf (long_note, "Sentence %d of a very long piece of advice a rule set could give. ", i);
  limber_plan_add_advisory (plan, long_note->str);
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  assert_pages_filled (f, pdf_pages (f));
  assert_words_inside (f);
  g_autofree char *text = pdf_flow (f);
  assert_has (text, "Sentence 120 of a very long piece of advice");
}

LIMBER_TEST (render, a_crowded_week_flows_onto_pages_inside_the_margins)
{
  g_autoptr (LimberRuleset) rs = load_rules ("render-long.xml");
  g_autoptr (LimberPlan) plan = stress_plan (rs);
  for (LimberPaper paper = LIMBER_PAPER_A4; paper <= LIMBER_PAPER_LETTER; paper++)
    {
      g_autoptr (PdfFile) f = pdf_file (plan, paper);
      unsigned pages = pdf_pages (f);
      cr_assert_geq (pages, 3, "a week this full needs pages: %u", pages);
      assert_pages_filled (f, pages);
      assert_words_inside (f);
      g_autofree char *text = pdf_text (f, 0);
      /* the table's header repeats on the page the table continues on */
      unsigned headers = 0;
      g_autofree char *raw_text = pdf_plain (f, 0, TRUE);
      for (const char *p = raw_text; (p = strstr (p, "How much")); p++)
        headers++;
      cr_assert_geq (headers, 2);
      assert_has (text, "Very Long Exercise Name For Testing How A Printed Plan Wraps Names");
      assert_has (text, "Pidä asento rauhallisesti ja hengitä syvään");
    }
}

LIMBER_TEST (render, the_example_weeks_stay_inside_the_margins)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  for (const char *const *name = (const char *const[]) { "stiff-back", "athlete-tight-left-hip", "cannot-lie-flat",
                                                         "older-adult-70", "emergency", NULL };
       *name; name++)
    {
      g_autoptr (LimberPlan) plan = example_plan (rs, *name);
      for (LimberPaper paper = LIMBER_PAPER_A4; paper <= LIMBER_PAPER_LETTER; paper++)
        {
          g_autoptr (PdfFile) f = pdf_file (plan, paper);
          assert_words_inside (f);
        }
    }
}

/* Every exercise of the default rule set in one week: a guide longer than
 * a page, whose cards run on into the next column under their names, and
 * whose every step still prints whole. */
LIMBER_TEST (render, a_long_guide_runs_cards_on_into_the_next_column)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = new_plan (rs, "Sam");
  unsigned n = limber_ruleset_get_n_exercises (rs);
  for (unsigned d = 0; d < 7; d++)
    {
      LimberDay *day = add_day (plan, d, FALSE);
      day->minutes = 30;
      for (unsigned i = d; i < n; i += 7)
        {
          LimberItem *item = limber_item_alloc (limber_ruleset_get_exercise (rs, i), "mobility");
          item->dose = (LimberDose) { 1, 5, 5, 0 };
          limber_day_add_item (day, item);
        }
    }
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  unsigned pages = pdf_pages (f);
  cr_assert_geq (pages, 3, "forty exercises in %u pages", pages);
  assert_pages_filled (f, pages);
  assert_words_inside (f);
  g_autofree char *raw = pdf_plain (f, 0, TRUE);
  assert_has (raw, "(continued)");
  /* but only from one column into the next on its page: a card never runs
   * on over a page turn, so "(continued)" heads a right-hand column */
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) words = pdf_words (f, sizes);
  unsigned continued = 0;
  for (guint p = 0; p < words->len; p++)
    {
      GArray *page = g_ptr_array_index (words, p);
      double width = g_array_index (sizes, double, 2 * p);
      for (guint i = 0; i < page->len; i++)
        {
          const Word *w = &g_array_index (page, Word, i);
          if (g_strcmp0 (w->word, "(continued)") != 0)
            continue;
          continued++;
          cr_assert_gt (w->x0, width / 2, "page %u: a card continued from the page before", p + 1);
        }
    }
  cr_assert_gt (continued, 0);
  g_autofree char *text = pdf_flow (f);
  for (unsigned i = 0; i < n; i++)
    {
      const LimberExercise *e = limber_ruleset_get_exercise (rs, i);
      assert_has (text, e->name);
      for (const char *const *step = printed_steps (e, TRUE); *step; step++)
        assert_has (text, *step);
    }
}

LIMBER_TEST (render, a_plan_of_several_weeks_has_a_table_per_week)
{
  g_autoptr (LimberRuleset) rs = load_rules ("minimal.xml");
  g_autoptr (LimberPlan) plan = new_plan (rs, NULL);
  for (unsigned d = 0; d < 10; d++)
    {
      LimberDay *day = add_day (plan, d, d % 3 == 2);
      if (day->rest)
        continue;
      LimberItem *item = limber_item_alloc (limber_ruleset_lookup_exercise (rs, "pelvic-tilts"), "mobility");
      item->dose = (LimberDose) { 1, 3 + d, 5, 0 };
      limber_day_add_item (day, item);
    }
  g_autoptr (PdfFile) f = pdf_file (plan, LIMBER_PAPER_A4);
  g_autofree char *text = pdf_text (f, 0);
  assert_has (text, "Week 1: Mon 23 Nov \u2013 Sun 29 Nov 2026");
  assert_has (text, "Week 2: Mon 30 Nov \u2013 Wed 2 Dec 2026");
  assert_has (text, "Mon 23 Nov \u2013 Wed 2 Dec 2026");
  gsize length = 0;
  g_autofree unsigned char *html = render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length);
  g_autoptr (xmlDoc) doc = parse_html (html, length);
  cr_assert_eq (xpath_count (doc, "//table[@class='glance']"), 2);
  cr_assert_eq (xpath_count (doc, "//section[@class='log']//tbody/tr"), 7, "a line per exercise per day");
}

/* ---- the API and the tool ------------------------------------------------------------------ */

LIMBER_TEST (render, text_is_the_plain_week)
{
  g_autoptr (LimberRuleset) rs = load_rules (NULL);
  g_autoptr (LimberPlan) plan = example_plan (rs, "stiff-back");
  gsize length = 0;
  g_autofree unsigned char *text = render (plan, LIMBER_RENDER_TEXT, LIMBER_PAPER_A4, &length);
  g_autofree char *plain = limber_plan_to_text (plan);
  cr_assert_str_eq ((const char *) text, plain);
  cr_assert_eq (length, strlen (plain));
}

LIMBER_TEST (render, unknown_formats_and_papers_are_errors)
{
  g_autoptr (LimberRuleset) rs = load_rules ("minimal.xml");
  g_autoptr (LimberPlan) plan = new_plan (rs, NULL);
  g_autoptr (GError) error = NULL;
  gsize length = 7;
  cr_assert_null (limber_plan_render (plan, (LimberRenderFormat) 9, LIMBER_PAPER_A4, &length, &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS));
  cr_assert (strstr (error->message, "format") != NULL, "%s", error->message);
  cr_assert_eq (length, 7);
  g_clear_error (&error);
  cr_assert_null (limber_plan_render (plan, LIMBER_RENDER_PDF, (LimberPaper) 5, NULL, &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS));
  cr_assert (strstr (error->message, "paper") != NULL, "%s", error->message);
}

LIMBER_TEST (render, cli_writes_pdf_and_html)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-render-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "week.pdf", NULL);
  const char *profile = LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json";
  g_autofree char *out = NULL, *err = NULL;
  int code = limber_test_run_cli ((const char *const[]) { "plan", "--profile", profile, "--start", START, "--format",
                                                          "pdf", "--paper", "letter", "-o", pdf_path, NULL },
                                  NULL, &out, &err);
  cr_assert_eq (code, 0, "%s", err);
  g_autofree char *pdf = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  cr_assert_eq (memcmp (pdf, "%PDF-", 5), 0);
  g_autofree char *info = run ((const char *const[]) { "pdfinfo", pdf_path, NULL });
  assert_has (info, "(letter)");
  g_unlink (pdf_path);
  g_rmdir (dir);

  /* standard output that is a pipe takes the PDF too */
  g_autofree char *piped = NULL, *piped_err = NULL;
  code = limber_test_run_cli ((const char *const[]) { "plan", "--profile", profile, "--format", "pdf", NULL }, NULL,
                              &piped, &piped_err);
  cr_assert_eq (code, 0, "%s", piped_err);
  cr_assert_eq (strncmp (piped, "%PDF-", 5), 0);

  g_autofree char *html = NULL, *html_err = NULL;
  code = limber_test_run_cli ((const char *const[]) { "plan", "--profile", profile, "--start", START, "--format",
                                                      "html", NULL },
                              NULL, &html, &html_err);
  cr_assert_eq (code, 0, "%s", html_err);
  cr_assert (g_str_has_prefix (html, "<!DOCTYPE html>"));
  cr_assert_not_null (strstr (html, "@page{size:A4 portrait"));

  g_autofree char *bad = NULL, *bad_err = NULL;
  code = limber_test_run_cli ((const char *const[]) { "plan", "--profile", profile, "--format", "pdf", "--paper",
                                                      "a5", NULL },
                              NULL, &bad, &bad_err);
  cr_assert_eq (code, 2);
  cr_assert_not_null (strstr (bad_err, "--paper a5: unknown paper; expected a4 or letter"), "%s", bad_err);
}
