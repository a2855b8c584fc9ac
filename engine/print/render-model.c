/* A plan as a printed week says it: every string and table of the handout,
 * shared by the PDF and the HTML renderers. */
#include "render-private.h"

#include <stdio.h>
#include <string.h>

#include "dose-words.h"
#include "i18n.h"
#include "scan-private.h"

/* Every word in the plan's language (i18n.h): the engine's through M(),
 * the rule set's through T(). */
#define M(english) limber_msg (p->lang, english)
#define T(text) limber_tr (plan->tr, text)

/* i18n */
const char *const limber_print_log_columns[LIMBER_PRINT_LOG_COLUMNS] = {
  "Date", "Exercise", "Done", "Sets \xc3\x97 reps or hold", "During", "Next morning",
};
/* i18n */
const char *const limber_print_log_hints[LIMBER_PRINT_LOG_COLUMNS] = {
  "", "", "tick", "as planned, or what you did", "discomfort 0\xe2\x80\x93" "10", "discomfort 0\xe2\x80\x93" "10",
};

char *
limber_print_log_hint (LimberLang lang, unsigned column)
{
  g_return_val_if_fail (column < LIMBER_PRINT_LOG_COLUMNS, NULL);
  GString *hint = g_string_new (limber_print_log_hints[column][0] ? limber_msg (lang, limber_print_log_hints[column])
                                                                  : "");
  g_string_replace (hint, "\xe2\x80\x93", "\xe2\x80\x93\xe2\x81\xa0", 0);
  return g_string_free (hint, FALSE);
}

/* The en dash between two dates. */
#define DASH " \xe2\x80\x93 "
/* The middle dot between facts on one line. */
#define DOT " \xc2\xb7 "

static GDate *
parse_date (const char *iso)
{
  unsigned y, m, d;
  char rest;
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &y, &m, &d, &rest) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* "Mon 23 Nov", with " 2026" when with_year, in the language (the names by
 * hand: the C library's follow the process's locale, not the plan's). */
static char *
date_words (LimberLang lang, const GDate *date, gboolean with_year)
{
  GString *out = g_string_new (NULL);
  if (with_year)
    limber_lang_append_date (out, lang, date);
  else
    {
      g_string_append (out, limber_lang_weekday (lang, g_date_get_weekday (date)));
      g_string_append (out, lang == LIMBER_LANG_DE ? ", " : " ");
      limber_lang_append_day_month (out, lang, date);
    }
  return g_string_free (out, FALSE);
}

/* A number a person reads: a decimal comma where the language writes one. */
static const char *
number_words (LimberLang lang, char *buf, double value, int decimals)
{
  limber_number_format (buf, value, decimals);
  return limber_lang_decimal (lang, buf);
}

/* "Mon 23 Nov – Sun 29 Nov 2026": the year once when both days share it. */
static char *
date_range (LimberLang lang, const char *first_iso, const char *last_iso)
{
  g_autoptr (GDate) first = parse_date (first_iso);
  g_autoptr (GDate) last = parse_date (last_iso);
  if (first == NULL || last == NULL)
    return g_strdup_printf ("%s" DASH "%s", first_iso ? first_iso : "", last_iso ? last_iso : "");
  if (g_date_compare (first, last) == 0)
    return date_words (lang, first, TRUE);
  gboolean same_year = g_date_get_year (first) == g_date_get_year (last);
  g_autofree char *a = date_words (lang, first, !same_year);
  g_autofree char *b = date_words (lang, last, TRUE);
  return g_strconcat (a, DASH, b, NULL);
}

static void
entry_free (LimberPrintEntry *e)
{
  g_free (e->dose);
  g_free (e);
}

static void
day_free (LimberPrintDay *d)
{
  g_free (d->weekday);
  g_free (d->day_month);
  g_free (d->long_date);
  g_free (d->minutes);
  g_ptr_array_unref (d->entries);
  g_free (d);
}

static void
row_free (LimberPrintRow *r)
{
  g_free (r->dose);
  g_free (r->slot_label);
  g_ptr_array_unref (r->cells);
  g_free (r);
}

static void
week_free (LimberPrintWeek *w)
{
  g_free (w->title);
  g_ptr_array_unref (w->rows);
  g_free (w);
}

static void
guide_free (LimberPrintGuide *g)
{
  g_free (g->how);
  g_free (g->dose);
  g_free ((gpointer) g->steps);
  g_free ((gpointer) g->brief);
  g_free (g);
}

static void
log_line_free (LimberPrintLogLine *l)
{
  g_free (l->date);
  g_free (l->day);
  g_free (l->planned);
  g_free (l);
}

static void
measure_free (LimberPrintMeasure *m)
{
  g_free (m->name);
  g_free (m->unit);
  g_free (m->last);
  g_free (m);
}

static void
change_free (LimberPrintChange *c)
{
  g_free (c->what);
  g_free (c->why);
  g_free (c);
}

void
limber_print_free (LimberPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->title);
  g_free (print->name);
  g_free (print->dates);
  g_free (print->goal);
  g_free (print->goal_text);
  g_free (print->schedule);
  g_free (print->ruleset);
  g_free (print->footer);
  g_free (print->start);
  g_free (print->how_to);
  g_free (print->banner);
  g_ptr_array_unref (print->days);
  g_ptr_array_unref (print->weeks);
  g_ptr_array_unref (print->guide);
  g_ptr_array_unref (print->changes);
  g_ptr_array_unref (print->notes);
  g_free (print->safety);
  g_ptr_array_unref (print->warning_signs);
  g_ptr_array_unref (print->log);
  g_ptr_array_unref (print->measures);
  g_free (print->outcome);
  g_free (print->outcome_text);
  g_ptr_array_unref (print->reasons);
  g_free (print->message);
  g_free (print);
}

/* ---- the header ----------------------------------------------------------- */

static const char *
position_words (LimberPosition position, LimberPosture posture)
{
  switch (position)
    {
    case LIMBER_POSITION_STANDING:
      return "Standing";
    case LIMBER_POSITION_SEATED:
      return "On a chair";
    case LIMBER_POSITION_KNEELING:
      /* the posture tells which of the two */
      return posture == LIMBER_POSTURE_QUADRUPED ? "On hands and knees"
             : posture == LIMBER_POSTURE_KNEELING ? "Kneeling"
                                                   : "Kneeling or on hands and knees";
    case LIMBER_POSITION_FLOOR:
      return "On the floor";
    case LIMBER_POSITION_WALL:
      return "At a wall";
    }
  return "";
}

static void
fill_header (LimberPrint *p, const LimberPlan *plan)
{
  char minutes[LIMBER_NUMBER_BUF_SIZE];
  const LimberRuleset *rs = plan->rs;
  p->name = plan->name && plan->name[0] ? g_strdup_printf (M ("For %s"), plan->name) : NULL;
  const char *first = plan->days->len ? ((LimberDay *) g_ptr_array_index (plan->days, 0))->date : plan->start;
  const char *last = plan->days->len ? ((LimberDay *) g_ptr_array_index (plan->days, plan->days->len - 1))->date
                                     : plan->start;
  /* a referral is of the day it was made, not a week: it has no days */
  p->dates = date_range (p->lang, first, p->referral ? first : last);
  p->start = g_strdup (first);
  p->goal = g_strdup (M (limber_goal_to_string (plan->goal)));
  p->goal[0] = g_ascii_toupper (p->goal[0]);
  p->goal_text = rs->goal_text[plan->goal] ? g_strdup (T (rs->goal_text[plan->goal])) : NULL;
  p->schedule = g_strdup_printf (plan->days_per_week == 1 ? M ("%s min a day, %u day a week")
                                                          : M ("%s min a day, %u days a week"),
                                 number_words (p->lang, minutes, plan->minutes_per_day, 1), plan->days_per_week);
  p->ruleset = g_strdup_printf ("%s %s", rs->id, rs->version);
  g_autofree char *ruleset = g_strdup_printf (M ("rule set %s"), p->ruleset);
  p->footer = g_strdup_printf ("limber" DOT "%s" DOT "%s%s%s", ruleset, p->dates,
                               plan->name && plan->name[0] ? DOT : "", plan->name && plan->name[0] ? plan->name : "");
}

/* ---- days and the week at a glance ---------------------------------------- */

/* The strings borrowed from the rule set or its translation, the array ours */
static const char *const *
translated_steps (const LimberPlan *plan, char **english)
{
  guint n = english ? g_strv_length (english) : 0;
  const char **steps = g_new0 (const char *, n + 1);
  for (guint k = 0; k < n; k++)
    steps[k] = T (english[k]);
  return steps;
}

static unsigned
guide_index (LimberPrint *p, const LimberPlan *plan, const LimberItem *item)
{
  const LimberExercise *e = item->exercise;
  for (guint i = 0; i < p->guide->len; i++)
    if (((LimberPrintGuide *) g_ptr_array_index (p->guide, i))->exercise == e)
      return i;
  LimberPrintGuide *g = g_new0 (LimberPrintGuide, 1);
  g->exercise = e;
  g->name = T (e->name);
  /* where it is done; "each side" is in its dose, on the line under it */
  g->how = g_strdup (M (position_words (e->position, e->posture)));
  g->steps = translated_steps (plan, e->instructions);
  g->brief = e->brief ? translated_steps (plan, e->brief) : NULL;
  g->why = item->explanation;
  /* the composer knows (a stand-in's "Done in place of ..." is general too:
   * on a short card it names an exercise the person never sees) */
  g->why_general = item->explanation_general;
  g->pose = e->pose;
  g_ptr_array_add (p->guide, g);
  return p->guide->len - 1;
}

static char *
item_dose (LimberLang lang, const LimberItem *item)
{
  return limber_dose_words_lang (&item->dose, item->exercise->per_side, item->emphasis_side,
                                 limber_item_get_emphasis_extra_sets (item), lang);
}

static void
fill_days (LimberPrint *p, const LimberPlan *plan)
{
  char minutes[LIMBER_NUMBER_BUF_SIZE];
  for (guint i = 0; i < plan->days->len; i++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, i);
      LimberPrintDay *d = g_new0 (LimberPrintDay, 1);
      g_autoptr (GDate) date = parse_date (day->date);
      d->weekday = g_strdup (date ? limber_lang_weekday (p->lang, g_date_get_weekday (date)) : day->date);
      GString *day_month = g_string_new (NULL);
      if (date)
        limber_lang_append_day_month (day_month, p->lang, date);
      d->day_month = g_string_free (day_month, FALSE);
      d->long_date = date ? date_words (p->lang, date, TRUE) : g_strdup (day->date);
      d->rest = day->rest || day->items->len == 0;
      if (!d->rest)
        {
          limber_number_format_minutes (minutes, day->minutes);
          d->minutes = g_strdup_printf ("%s min", limber_lang_decimal (p->lang, minutes));
        }
      d->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
      for (guint j = 0; j < day->items->len; j++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, j);
          LimberPrintEntry *e = g_new0 (LimberPrintEntry, 1);
          e->number = j + 1;
          e->name = T (item->exercise->name);
          e->dose = item_dose (p->lang, item);
          e->guide = guide_index (p, plan, item);
          g_ptr_array_add (d->entries, e);
        }
      g_ptr_array_add (p->days, d);
    }
}

static unsigned
slot_rank (GPtrArray *slots, const char *slot)
{
  guint index;
  if (!g_ptr_array_find_with_equal_func (slots, slot, g_str_equal, &index))
    {
      g_ptr_array_add (slots, (gpointer) slot);
      index = slots->len - 1;
    }
  return index;
}

/* "warm-up" as "Warm-up": slot ids are lowercase-hyphen ids (the default
 * rule set's in the language's words). */
static char *
slot_label (LimberLang lang, const char *slot)
{
  char *label = g_strdup (limber_msg (lang, slot));
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

typedef struct {
  LimberPrintRow *row;
  unsigned rank, order;
  const char *slot;
} RankedRow;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const RankedRow *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Rows in the order of the session (a session flows through positions
 * rather than slot by slot): by an exercise's place on the first day it
 * comes, then in the order rows were met, so that read down a day's numbers
 * mostly rise and the table reads as the routine.  A row a slot starts is
 * labelled with it only when the rows still run slot by slot. */
static LimberPrintWeek *
make_week (const LimberPlan *plan, LimberPrint *p, unsigned first, unsigned n, GPtrArray *slots)
{
  LimberPrintWeek *w = g_new0 (LimberPrintWeek, 1);
  w->first_day = first;
  w->n_days = n;
  g_autoptr (GArray) ranked = g_array_new (FALSE, TRUE, sizeof (RankedRow));
  for (unsigned d = 0; d < n; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, first + d);
      const LimberPrintDay *pd = g_ptr_array_index (p->days, first + d);
      for (guint j = 0; j < day->items->len; j++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, j);
          const LimberPrintEntry *e = g_ptr_array_index (pd->entries, j);
          RankedRow *found = NULL;
          for (guint r = 0; r < ranked->len && !found; r++)
            {
              RankedRow *rr = &g_array_index (ranked, RankedRow, r);
              if (rr->row->guide == e->guide && strcmp (rr->row->dose, e->dose) == 0)
                found = rr;
            }
          if (found == NULL)
            {
              LimberPrintRow *row = g_new0 (LimberPrintRow, 1);
              row->name = e->name;
              row->dose = g_strdup (e->dose);
              row->guide = e->guide;
              row->cells = g_ptr_array_new_with_free_func (g_free);
              for (unsigned c = 0; c < n; c++)
                g_ptr_array_add (row->cells, NULL);
              RankedRow rr = { row, e->number, ranked->len, item->slot };
              (void) slot_rank (slots, item->slot);
              g_array_append_val (ranked, rr);
              found = &g_array_index (ranked, RankedRow, ranked->len - 1);
            }
          char **cell = (char **) &g_ptr_array_index (found->row->cells, d);
          char *old = *cell;
          *cell = old ? g_strdup_printf ("%s, %u", old, e->number) : g_strdup_printf ("%u", e->number);
          g_free (old);
        }
    }
  g_array_sort (ranked, compare_ranked);
  /* slot labels only help when each slot's rows come together */
  gboolean grouped = TRUE;
  for (guint r = 1; r < ranked->len && grouped; r++)
    {
      const char *here = g_array_index (ranked, RankedRow, r).slot;
      if (strcmp (here, g_array_index (ranked, RankedRow, r - 1).slot) == 0)
        continue;
      for (guint q = 0; q + 1 < r && grouped; q++)
        grouped = strcmp (g_array_index (ranked, RankedRow, q).slot, here) != 0;
    }
  w->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint r = 0; r < ranked->len; r++)
    {
      const RankedRow *rr = &g_array_index (ranked, RankedRow, r);
      if (grouped && (r == 0 || strcmp (g_array_index (ranked, RankedRow, r - 1).slot, rr->slot) != 0))
        rr->row->slot_label = slot_label (p->lang, rr->slot);
      g_ptr_array_add (w->rows, rr->row);
    }
  return w;
}

static void
fill_weeks (LimberPrint *p, const LimberPlan *plan)
{
  g_autoptr (GPtrArray) slots = g_ptr_array_new ();
  unsigned n_days = plan->days->len;
  for (unsigned first = 0; first < n_days; first += 7)
    {
      unsigned n = MIN (7, n_days - first);
      LimberPrintWeek *w = make_week (plan, p, first, n, slots);
      if (n_days > 7)
        {
          const LimberDay *a = g_ptr_array_index (plan->days, first);
          const LimberDay *b = g_ptr_array_index (plan->days, first + n - 1);
          g_autofree char *range = date_range (p->lang, a->date, b->date);
          w->title = g_strdup_printf (M ("Week %u: %s"), first / 7 + 1, range);
        }
      g_ptr_array_add (p->weeks, w);
    }
}

/* The guide in the order of the week's table (warm-up first), so that a
 * reader finds an exercise where its row led them to expect it. */
static void
order_guide (LimberPrint *p)
{
  guint n = p->guide->len;
  g_autofree guint *new_index = g_new (guint, n);
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  g_autoptr (GPtrArray) ordered = g_ptr_array_new_full (n, (GDestroyNotify) guide_free);
  for (guint w = 0; w < p->weeks->len; w++)
    {
      const LimberPrintWeek *week = g_ptr_array_index (p->weeks, w);
      for (guint r = 0; r < week->rows->len; r++)
        {
          guint g = ((LimberPrintRow *) g_ptr_array_index (week->rows, r))->guide;
          if (placed[g])
            continue;
          placed[g] = TRUE;
          new_index[g] = ordered->len;
          g_ptr_array_add (ordered, g_ptr_array_index (p->guide, g));
        }
    }
  /* every exercise of the plan has a row, but keep any that would not */
  for (guint g = 0; g < n; g++)
    if (!placed[g])
      {
        new_index[g] = ordered->len;
        g_ptr_array_add (ordered, g_ptr_array_index (p->guide, g));
      }
  g_ptr_array_set_free_func (p->guide, NULL);
  g_ptr_array_unref (p->guide);
  p->guide = g_steal_pointer (&ordered);
  for (guint d = 0; d < p->days->len; d++)
    {
      const LimberPrintDay *day = g_ptr_array_index (p->days, d);
      for (guint i = 0; i < day->entries->len; i++)
        {
          LimberPrintEntry *e = g_ptr_array_index (day->entries, i);
          e->guide = new_index[e->guide];
        }
    }
  for (guint w = 0; w < p->weeks->len; w++)
    {
      const LimberPrintWeek *week = g_ptr_array_index (p->weeks, w);
      for (guint r = 0; r < week->rows->len; r++)
        {
          LimberPrintRow *row = g_ptr_array_index (week->rows, r);
          row->guide = new_index[row->guide];
        }
    }
}

/* ---- the cards' doses, the log and the re-scan sheets ---------------------- */

/* "one extra set on the left": the side emphasis in words, for the card */
static char *
card_dose (LimberLang lang, const LimberItem *item)
{
  g_autofree char *base = limber_dose_words_lang (&item->dose, item->exercise->per_side, LIMBER_SIDE_NONE, 0, lang);
  unsigned extra = limber_item_get_emphasis_extra_sets (item);
  if (item->emphasis_side == LIMBER_SIDE_NONE || extra == 0)
    return g_steal_pointer (&base);
  /* i18n */
  static const char *const counts[] = { "", "one", "two", "three", "four" };
  char number[LIMBER_NUMBER_BUF_SIZE];
  const char *count = extra < G_N_ELEMENTS (counts) ? limber_msg (lang, counts[extra])
                                                    : limber_number_format (number, extra, 0);
  gboolean left = item->emphasis_side == LIMBER_SIDE_LEFT;
  /* i18n */
  const char *fmt = extra == 1 ? (left ? "%s, %s extra set on the left" : "%s, %s extra set on the right")
                               : (left ? "%s, %s extra sets on the left" : "%s, %s extra sets on the right");
  return g_strdup_printf (limber_msg (lang, fmt), base, count);
}

static void
string_free (gpointer s)
{
  g_string_free (s, TRUE);
}

/* Each card says how much: one dose, or when the week changes it, each
 * dose with its days ("5 reps on Mon, Tue; 6 reps on Thu, Fri"). */
static void
fill_guide_doses (LimberPrint *p, const LimberPlan *plan)
{
  for (guint g = 0; g < p->guide->len; g++)
    {
      LimberPrintGuide *guide = g_ptr_array_index (p->guide, g);
      g_autoptr (GPtrArray) doses = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (string_free);
      for (guint d = 0; d < plan->days->len; d++)
        {
          const LimberDay *day = g_ptr_array_index (plan->days, d);
          const LimberPrintDay *pd = g_ptr_array_index (p->days, d);
          for (guint i = 0; i < day->items->len; i++)
            {
              const LimberItem *item = g_ptr_array_index (day->items, i);
              if (item->exercise != guide->exercise)
                continue;
              char *dose = card_dose (p->lang, item);
              guint k;
              if (!g_ptr_array_find_with_equal_func (doses, dose, g_str_equal, &k))
                {
                  g_ptr_array_add (doses, dose);
                  g_ptr_array_add (days, g_string_new (NULL));
                  k = doses->len - 1;
                }
              else
                g_free (dose);
              GString *list = g_ptr_array_index (days, k);
              g_string_append_printf (list, "%s%s", list->len ? ", " : "", pd->weekday);
            }
        }
      if (doses->len == 1)
        {
          guide->dose = g_strdup (g_ptr_array_index (doses, 0));
          continue;
        }
      GString *all = g_string_new (NULL);
      for (guint k = 0; k < doses->len; k++)
        g_string_append_printf (all, M ("%s%s on %s"), k ? "; " : "", (char *) g_ptr_array_index (doses, k),
                                ((GString *) g_ptr_array_index (days, k))->str);
      guide->dose = g_string_free (all, FALSE);
    }
}

static void
fill_log (LimberPrint *p, const LimberPlan *plan)
{
  for (guint d = 0; d < plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      const LimberPrintDay *pd = g_ptr_array_index (p->days, d);
      for (guint i = 0; i < day->items->len; i++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, i);
          LimberPrintLogLine *l = g_new0 (LimberPrintLogLine, 1);
          l->date = g_strdup (day->date);
          l->day = g_strdup_printf ("%s %s", pd->weekday, pd->day_month);
          l->exercise = item->exercise->id;
          l->name = T (item->exercise->name);
          l->dose = item->dose;
          l->planned = limber_dose_words_lang (&item->dose, item->exercise->per_side, LIMBER_SIDE_NONE, 0, p->lang);
          l->first_of_day = i == 0;
          g_ptr_array_add (p->log, l);
        }
    }
}

/* The measures of the person's scan the plan saw (those below normal, with
 * their values, so that the sheet shows where the person started), or
 * every measure of the rule set when it saw none. */
static void
fill_measures (LimberPrint *p, const LimberPlan *plan)
{
  const LimberRuleset *rs = plan->rs;
  char a[LIMBER_NUMBER_BUF_SIZE], b[LIMBER_NUMBER_BUF_SIZE];
  /* the person's scan when the plan saw one, else every measure */
  gboolean scanned = limber_plan_get_n_deficits (plan) > 0;
  for (unsigned i = 0; i < limber_ruleset_get_n_measures (rs); i++)
    {
      const LimberMeasure *measure = limber_ruleset_get_measure (rs, i);
      gboolean seen = FALSE;
      for (unsigned k = 0; k < limber_plan_get_n_deficits (plan) && !seen; k++)
        seen = g_strcmp0 (limber_plan_get_deficit (plan, k, NULL, NULL, NULL, NULL), measure->id) == 0;
      if (scanned && !seen)
        continue;
      LimberPrintMeasure *m = g_new0 (LimberPrintMeasure, 1);
      m->id = measure->id;
      m->name = g_strdup (measure->name ? T (measure->name) : measure->id);
      m->name[0] = g_ascii_toupper (m->name[0]);
      m->how = T (measure->label);
      m->unit = g_strdup (g_strcmp0 (measure->unit, "deg") == 0 ? M ("degrees")
                          : g_strcmp0 (measure->unit, "cm") == 0 ? "cm"
                                                                 : measure->unit);
      /* a test done lying on the floor is not one to ask of a person whose
       * plan keeps off the floor */
      if (plan->no_floor && measure->protocol != NULL && g_str_has_prefix (measure->protocol->position, "lying"))
        m->note = M ("Your plan keeps you off the floor and this test is done lying down: ask your physiotherapist "
                     "or doctor to take it, or leave it blank.");
      m->sided = measure->sided;
      m->min = measure->min;
      m->max = measure->max;
      for (unsigned k = 0; k < limber_plan_get_n_deficits (plan); k++)
        {
          double left, right;
          if (g_strcmp0 (limber_plan_get_deficit (plan, k, &left, &right, NULL, NULL), measure->id) != 0)
            continue;
          m->last = m->sided ? g_strdup_printf (M ("last time: left %s, right %s"), number_words (p->lang, a, left, 1),
                                                number_words (p->lang, b, right, 1))
                             : g_strdup_printf (M ("last time: %s"), number_words (p->lang, a, left, 1));
        }
      g_ptr_array_add (p->measures, m);
    }
}

/* ---- what changed ----------------------------------------------------------- */

/* "step 1 → 2: 3 sessions completed, discomfort ≤ 2" gives what follows the
 * colon; the step numbers are said in words already. */
static char *
progression_reason (const LimberPlan *plan, const LimberItem *item)
{
  for (guint i = 0; i < limber_item_n_why (item); i++)
    {
      const LimberWhy *w = limber_item_why (item, i);
      if (g_strcmp0 (w->rule, "progression") != 0)
        continue;
      g_autoptr (GString) formatted = g_string_new (NULL);
      limber_why_format_lang (w, plan->lang, plan->tr, formatted);
      const char *effect = formatted->str;
      /* the language's word for a step starts the sentence as "step " does */
      const char *colon = strstr (effect, ": ");
      const char *step = limber_msg (plan->lang, "step ");
      const char *text = colon && g_str_has_prefix (effect, step) ? colon + 2 : effect;
      char *why = g_strdup (text);
      why[0] = g_unichar_isalpha (g_utf8_get_char (why)) ? g_ascii_toupper (why[0]) : why[0];
      return why;
    }
  return NULL;
}

static void
fill_changes (LimberPrint *p, const LimberPlan *plan)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  for (guint d = 0; d < plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (plan->days, d);
      for (guint i = 0; i < day->items->len; i++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, i);
          if (item->previous_step == 0 || item->previous_step == item->step
              || g_ptr_array_find (seen, item->exercise, NULL))
            continue;
          g_ptr_array_add (seen, (gpointer) item->exercise);
          g_autofree char *dose = item_dose (p->lang, item);
          LimberPrintChange *c = g_new0 (LimberPrintChange, 1);
          c->what = g_strdup_printf (item->step > item->previous_step ? M ("%s: up from step %u to step %u, now %s")
                                                                      : M ("%s: eased back from step %u to step %u, now %s"),
                                     T (item->exercise->name), item->previous_step, item->step, dose);
          c->why = progression_reason (plan, item);
          g_ptr_array_add (p->changes, c);
        }
    }
}

/* ---- safety and the referral -------------------------------------------------- */

static const LimberQuestion *
flag_question (const LimberRuleset *rs, const LimberRedFlag *f)
{
  if (f->question_index < 0 || (guint) f->question_index >= rs->questions->len)
    return NULL;
  return g_ptr_array_index (rs->questions, f->question_index);
}

static void
fill_safety (LimberPrint *p, const LimberPlan *plan)
{
  const LimberRuleset *rs = plan->rs;
  p->safety = rs->safety ? g_strdup (T (rs->safety)) : NULL;
  for (guint i = 0; i < plan->advisories->len; i++)
    {
      const char *a = g_ptr_array_index (plan->advisories, i);
      /* the safety text has a box of its own */
      if (g_strcmp0 (a, T (rs->safety)) != 0)
        g_ptr_array_add (p->notes, g_strdup (a));
    }
  /* the signs that need urgent help, as statements a person recognises
   * (or, in a rule set without signs, as the questions that ask them) */
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      const char *sign = f->on_history ? NULL : limber_red_flag_sign (rs, f);
      if (f->outcome != LIMBER_OUTCOME_EMERGENCY || sign == NULL
          || g_ptr_array_find_with_equal_func (p->warning_signs, T (sign), g_str_equal, NULL))
        continue;
      g_ptr_array_add (p->warning_signs, g_strdup (T (sign)));
    }
}

static void
fill_referral (LimberPrint *p, const LimberPlan *plan)
{
  char number[LIMBER_NUMBER_BUF_SIZE];
  if (plan->status == LIMBER_PLAN_NO_EXERCISES)
    {
      p->title = g_strdup (M ("No exercises fit yet"));
      p->outcome = g_strdup (M ("No exercises"));
      p->outcome_text = g_strdup (M ("Your answers and choices leave no exercise this plan can offer you, so this week "
                                     "has none."));
      p->message = g_strdup (plan->no_exercises_message);
      return;
    }
  gboolean emergency = plan->outcome == LIMBER_OUTCOME_EMERGENCY;
  p->title = g_strdup (emergency ? M ("Get medical help now") : M ("Please see a doctor or physiotherapist first"));
  p->outcome = g_strdup (emergency ? M ("Emergency") : M ("See a clinician"));
  gboolean from_log = FALSE;
  for (guint i = 0; i < plan->referral_flags->len; i++)
    {
      const LimberRedFlag *f = limber_ruleset_find_red_flag (plan->rs, g_ptr_array_index (plan->referral_flags, i));
      from_log |= f != NULL && f->on_history;
    }
  p->outcome_text = g_strdup (emergency ? M ("Your answers show a warning sign that needs urgent care. "
                                             "Do not start an exercise programme.")
                              : from_log ? M ("Your answers or your exercise log show that your back should be "
                                              "assessed before you go on, so this plan has no exercises.")
                                         : M ("Your answers show that your back should be assessed before you "
                                              "start a new exercise programme, so this plan has no exercises."));
  p->message = plan->referral_message ? g_strdup (plan->referral_message) : NULL;
  for (guint i = 0; i < plan->referral_flags->len; i++)
    {
      const char *id = g_ptr_array_index (plan->referral_flags, i);
      const LimberRedFlag *f = limber_ruleset_find_red_flag (plan->rs, id);
      const LimberQuestion *q = f ? flag_question (plan->rs, f) : NULL;
      if (f != NULL && f->sign != NULL)
        {
          /* the sign as a statement says what the answer or the log showed,
           * as the text plan says it */
          g_ptr_array_add (p->reasons, g_strdup_printf ("%s%s", T (f->sign), limber_ends_sentence (T (f->sign)) ? "" : "."));
          continue;
        }
      if (f != NULL && f->on_history)
        {
          /* a flag on the logged history: say what the log shows, in words */
          char days[LIMBER_NUMBER_BUF_SIZE];
          g_ptr_array_add (p->reasons,
                           f->history_fact == HISTORY_UNSETTLED_DISCOMFORT_DAYS
                             ? g_strdup_printf (M ("Your exercise log: discomfort has stayed above %s out of 10 for %s "
                                                   "days or more, although the exercises were made easier."),
                                                number_words (p->lang, number, plan->rs->progression.acceptable_max, -1),
                                                number_words (p->lang, days, f->at_least, -1))
                           : f->history_fact == HISTORY_WEEKS_WITHOUT_IMPROVEMENT
                             ? g_strdup_printf (M ("Your exercise log and scans: %s weeks or more of regular practice "
                                                   "without a measurable improvement."),
                                                number_words (p->lang, days, f->at_least, -1))
                             : g_strdup (M ("Your exercise log shows a warning sign.")));
          continue;
        }
      if (q == NULL)
        {
          /* a flag this rule set does not have (a plan built by hand): its
           * id is no words for a person */
          g_ptr_array_add (p->reasons, g_strdup (M ("Your answers show a warning sign.")));
          continue;
        }
      /* the answer as the person saw it: a choice by its text, not its id */
      const char *choice = f->is != NULL && q->choice_texts != NULL && f->is_index >= 0
                               && (guint) f->is_index < g_strv_length (q->choice_texts)
                             ? T (q->choice_texts[f->is_index])
                             : f->is;
      char *answer = f->is ? g_strdup_printf (M ("you answered %s"), g_strcmp0 (f->is, "yes") == 0  ? M ("yes")
                                                                     : g_strcmp0 (f->is, "no") == 0 ? M ("no")
                                                                                                    : choice)
                           : g_strdup_printf (M ("your answer was %s or more"),
                                              number_words (p->lang, number, f->at_least, -1));
      g_ptr_array_add (p->reasons, g_strdup_printf ("%s \xe2\x80\x94 %s.", T (q->text), answer));
      g_free (answer);
    }
}

LimberPrint *
limber_print_new (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  LimberPrint *p = g_new0 (LimberPrint, 1);
  p->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_free);
  p->weeks = g_ptr_array_new_with_free_func ((GDestroyNotify) week_free);
  p->guide = g_ptr_array_new_with_free_func ((GDestroyNotify) guide_free);
  p->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  p->notes = g_ptr_array_new_with_free_func (g_free);
  p->warning_signs = g_ptr_array_new_with_free_func (g_free);
  p->reasons = g_ptr_array_new_with_free_func (g_free);
  p->log = g_ptr_array_new_with_free_func ((GDestroyNotify) log_line_free);
  p->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  /* a plan with nothing to do prints like a referral: one page, what was
   * found and what to do now */
  p->referral = plan->status != LIMBER_PLAN_OK;
  p->lang = plan->lang;

  fill_header (p, plan);
  fill_safety (p, plan);
  if (plan->unanswered->len > 0 && plan->status != LIMBER_PLAN_REFERRAL)
    p->banner = g_strdup_printf (M ("Safety screening is incomplete: %u of the safety questions %s not answered. "
                                    "Answer them before you start: this plan cannot rule out a reason to see a doctor "
                                    "first."),
                                 plan->unanswered->len, plan->unanswered->len == 1 ? M ("was") : M ("were"));
  if (p->referral)
    {
      /* a referral is not a week of exercises: no days, no guide, no log,
       * and no advice on how to stretch, only the warning signs */
      fill_referral (p, plan);
      g_clear_pointer (&p->safety, g_free);
      return p;
    }
  p->title = g_strdup (M ("Your stretching week"));
  p->how_to = g_strdup (M ("On each training day, do the exercises in the order of the numbers in that day's "
                           "column. Move slowly, breathe, and stretch only to mild tension, never to pain."));
  fill_days (p, plan);
  fill_weeks (p, plan);
  order_guide (p);
  fill_guide_doses (p, plan);
  fill_log (p, plan);
  fill_measures (p, plan);
  fill_changes (p, plan);
  return p;
}
