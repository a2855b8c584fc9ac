/*
 * Scheduling a week: which days are training days, and what each training
 * day holds.
 *
 * Training days are spread as evenly as the week allows, starting on the
 * first day (3 days: Mon, Wed, Sat; never three in a row).  The plan first
 * draws its repertoire: per slot, a weighted, seeded pool of exercises worth
 * about a quarter more than the slot's share of a day, so that the week
 * repeats a learnable set rather than scattering the whole catalogue over
 * seven days.  Each training day then fills its goal's slots in template
 * order: required exercises first, then weighted draws without replacement
 * from the slot's pool among what fits the slot's share of the minutes (plus
 * whatever earlier slots left unused) and its item cap.  The day as a whole
 * never runs more than 10% over the person's minutes.  A day never repeats
 * the previous training day's list while the pool offers an alternative.
 */
#include <math.h>

#include "selection.h"

#define OVERRUN 1.10
/* a slot's pool holds this many times its daily share */
#define POOL 1.25

double
limber_random_double (LimberRandom *r)
{
  guint64 z = (r->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z ^= z >> 31;
  return (double) (z >> 11) * (1.0 / 9007199254740992.0);
}

/* Offsets (0..6) of n training days in a 7-day block: round(i * 7 / n). */
static gboolean
is_training_offset (unsigned offset, unsigned n)
{
  for (unsigned i = 0; i < n; i++)
    if ((unsigned) floor (i * 7.0 / n + 0.5) == offset)
      return TRUE;
  return FALSE;
}

typedef struct {
  LimberSelection *sel;
  const LimberTemplate *template;
  double budget;            /* seconds */
  LimberRandom *random;
  int *pool;                /* per exercise: the slot whose pool holds it, or -1 */
  double cap_scale;         /* the day's minutes over the template's reference minutes, at least 1 */
} Day;

/* A slot's item cap for this day, 0 for none. */
static unsigned
slot_cap (const Day *day, const LimberSlot *slot)
{
  return (unsigned) floor (slot->max_items * day->cap_scale + 0.5);
}

static gboolean
has_any_tag (const LimberExercise *e, char **tags)
{
  for (char **t = tags; *t; t++)
    if (g_strv_contains ((const char *const *) e->tags, *t))
      return TRUE;
  return FALSE;
}

/* Chooses one index among candidates with probability proportional to
 * weight; candidates are in catalogue order, so a seed always picks the same. */
static int
draw (Day *day, GArray *candidates)
{
  double total = 0;
  for (guint k = 0; k < candidates->len; k++)
    total += day->sel->choices[g_array_index (candidates, guint, k)].weight;
  if (total <= 0)
    return -1;
  double x = limber_random_double (day->random) * total;
  for (guint k = 0; k < candidates->len; k++)
    {
      x -= day->sel->choices[g_array_index (candidates, guint, k)].weight;
      if (x < 0)
        return (int) k;
    }
  return (int) candidates->len - 1;
}

typedef struct {
  guint exercise;
  guint slot;
} Pick;

/* Fills one day; forbidden (may be NULL) lists exercises this attempt may
 * not use.  Returns the picks in slot order. */
static GArray *
fill_day (Day *day, const gboolean *forbidden)
{
  LimberSelection *sel = day->sel;
  const LimberRuleset *rs = sel->facts->rs;
  GArray *picks = g_array_new (FALSE, FALSE, sizeof (Pick));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (sel->n, 1));
  double used_total = 0;
  guint n_slots = day->template->slots->len;
  g_autofree double *slot_used = g_new0 (double, MAX (n_slots, 1));

  /* required exercises first, each in the first slot that takes it */
  for (guint i = 0; i < sel->n; i++)
    {
      const LimberChoice *c = &sel->choices[i];
      if (!c->required || used_total + c->seconds > day->budget * OVERRUN)
        continue;
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      guint slot = 0;
      for (guint s = n_slots; s-- > 0;)
        if (has_any_tag (e, ((LimberSlot *) g_ptr_array_index (day->template->slots, s))->tags))
          slot = s;
      Pick pick = { i, slot };
      g_array_append_val (picks, pick);
      used[i] = TRUE;
      used_total += c->seconds;
      slot_used[slot] += c->seconds;
    }

  double carry = 0;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < n_slots; s++)
    {
      const LimberSlot *slot = g_ptr_array_index (day->template->slots, s);
      double slot_budget = slot->share * day->budget + carry;
      unsigned count = 0;
      for (guint k = 0; k < picks->len; k++)
        count += g_array_index (picks, Pick, k).slot == s;
      unsigned max_items = slot_cap (day, slot);
      while (max_items == 0 || count < max_items)
        {
          g_array_set_size (candidates, 0);
          for (guint i = 0; i < sel->n; i++)
            {
              const LimberChoice *c = &sel->choices[i];
              if (used[i] || day->pool[i] != (int) s || (forbidden && forbidden[i]))
                continue;
              gboolean fits_slot = slot_used[s] + c->seconds <= slot_budget;
              /* a slot still empty may borrow from the day's 10% margin, so
               * a short share does not leave a whole part of the session out */
              gboolean fits_margin = slot_used[s] == 0 && used_total + c->seconds <= day->budget * OVERRUN;
              if ((fits_slot || fits_margin) && used_total + c->seconds <= day->budget * OVERRUN)
                g_array_append_val (candidates, i);
            }
          int k = draw (day, candidates);
          if (k < 0)
            break;
          guint i = g_array_index (candidates, guint, k);
          Pick pick = { i, s };
          g_array_append_val (picks, pick);
          used[i] = TRUE;
          used_total += sel->choices[i].seconds;
          slot_used[s] += sel->choices[i].seconds;
          count++;
        }
      carry = MAX (0.0, slot_budget - slot_used[s]);
    }
  return picks;
}

/* The plan's repertoire: per slot, weighted draws among the exercises that
 * may fill it until the pool is worth POOL times the slot's daily share (or
 * holds one more than its item cap).  Required exercises are placed every day anyway
 * and stay out of the pools. */
static void
draw_pools (Day *day)
{
  LimberSelection *sel = day->sel;
  const LimberRuleset *rs = sel->facts->rs;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < sel->n; i++)
    day->pool[i] = -1;
  for (guint s = 0; s < day->template->slots->len; s++)
    {
      const LimberSlot *slot = g_ptr_array_index (day->template->slots, s);
      double worth = 0;
      unsigned max_items = slot_cap (day, slot);
      unsigned count = 0, cap = max_items ? max_items + 1 : G_MAXUINT;
      /* what a rule asked to emphasise goes in first, most wanted first:
       * an asymmetry the rules care about must not be left to chance */
      for (;;)
        {
          int best = -1;
          for (guint i = 0; i < sel->n; i++)
            if (day->pool[i] < 0 && sel->choices[i].extra_sets > 0 && sel->choices[i].weight > 0
                && !sel->choices[i].required && has_any_tag (g_ptr_array_index (rs->exercises, i), slot->tags)
                && (best < 0 || sel->choices[i].weight > sel->choices[best].weight))
              best = (int) i;
          if (best < 0 || count >= (max_items ? max_items : cap) || worth >= slot->share * day->budget)
            break;
          day->pool[best] = (int) s;
          worth += sel->choices[best].seconds;
          count++;
        }
      while (worth < POOL * slot->share * day->budget && count < cap)
        {
          g_array_set_size (candidates, 0);
          for (guint i = 0; i < sel->n; i++)
            if (day->pool[i] < 0 && !sel->choices[i].required && sel->choices[i].weight > 0
                && has_any_tag (g_ptr_array_index (rs->exercises, i), slot->tags))
              g_array_append_val (candidates, i);
          int k = draw (day, candidates);
          if (k < 0)
            break;
          guint i = g_array_index (candidates, guint, k);
          day->pool[i] = (int) s;
          worth += sel->choices[i].seconds;
          count++;
        }
    }
}

static gint
pick_compare (gconstpointer a, gconstpointer b)
{
  const Pick *x = a, *y = b;
  return x->slot < y->slot ? -1 : x->slot > y->slot ? 1 : 0;
}

static gboolean
same_exercises (GArray *a, GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < b->len && !found; j++)
        found = g_array_index (a, Pick, i).exercise == g_array_index (b, Pick, j).exercise;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* A day that repeats the previous one is drawn again without one of the
 * previous day's optional exercises, the least wanted first, until the list
 * differs; when nothing else fits, the repeat stands. */
static GArray *
fill_varied_day (Day *day, GArray *previous)
{
  LimberSelection *sel = day->sel;
  GArray *picks = fill_day (day, NULL);
  if (!same_exercises (picks, previous))
    return picks;
  g_autoptr (GArray) order = g_array_copy (previous);
  g_autofree gboolean *forbidden = g_new0 (gboolean, MAX (sel->n, 1));
  for (guint tries = 0; tries < order->len; tries++)
    {
      /* the remaining optional exercise of the previous day with the least weight */
      int best = -1;
      for (guint k = 0; k < order->len; k++)
        {
          guint i = g_array_index (order, Pick, k).exercise;
          if (forbidden[i] || sel->choices[i].required)
            continue;
          if (best < 0 || sel->choices[i].weight < sel->choices[best].weight)
            best = (int) i;
        }
      if (best < 0)
        break;
      forbidden[best] = TRUE;
      GArray *again = fill_day (day, forbidden);
      if (again->len > 0 && !same_exercises (again, previous))
        {
          g_array_unref (picks);
          return again;
        }
      g_array_unref (again);
    }
  return picks;
}

static LimberItem *
make_item (LimberSelection *sel, const Pick *pick, const LimberTemplate *t)
{
  const LimberExercise *e = g_ptr_array_index (sel->facts->rs->exercises, pick->exercise);
  const LimberChoice *c = &sel->choices[pick->exercise];
  const LimberSlot *slot = g_ptr_array_index (t->slots, pick->slot);
  LimberItem *item = limber_item_alloc (e, slot->id);
  item->dose = c->dose;
  item->step = c->step;
  item->previous_step = c->previous_step;
  item->emphasis_side = c->extra_sets > 0 ? c->emphasis_side : LIMBER_SIDE_NONE;
  item->extra_sets = item->emphasis_side != LIMBER_SIDE_NONE ? c->extra_sets : 0;
  item->seconds = c->seconds;
  item->weight = c->weight;
  limber_item_add_reason (item, "catalogue", "base weight %g", e->base_weight);
  for (guint k = 0; k < c->why_rule->len; k++)
    limber_item_add_reason (item, g_ptr_array_index (c->why_rule, k), "%s",
                            (const char *) g_ptr_array_index (c->why_effect, k));
  limber_item_add_reason (item, "selection", "final weight %g, slot %s", c->weight, slot->id);
  return item;
}

void
limber_schedule (LimberSelection *sel, LimberPlan *plan, const GDate *start, unsigned n_days, guint64 seed)
{
  const LimberProfile *profile = sel->facts->profile;
  Day day = {
    .sel = sel,
    .template = &sel->facts->rs->templates[profile->goal],
    .budget = profile->minutes_per_day * 60.0,
    .random = &(LimberRandom) { seed },
    .cap_scale = sel->facts->rs->template_minutes > 0
                   ? MAX (1.0, profile->minutes_per_day / sel->facts->rs->template_minutes)
                   : 1.0,
  };
  g_autofree int *pool = g_new (int, MAX (sel->n, 1));
  day.pool = pool;
  draw_pools (&day);
  g_autoptr (GArray) previous = NULL;
  gboolean warned_required = FALSE;
  for (unsigned d = 0; d < n_days; d++)
    {
      GDate date = *start;
      g_date_add_days (&date, d);
      LimberDay *out = limber_day_alloc (&date);
      g_ptr_array_add (plan->days, out);
      out->rest = !is_training_offset (d % 7, profile->days_per_week);
      if (out->rest)
        continue;
      g_autoptr (GArray) picks = fill_varied_day (&day, previous);
      g_array_sort (picks, pick_compare);
      double seconds = 0;
      for (guint k = 0; k < picks->len; k++)
        {
          const Pick *pick = &g_array_index (picks, Pick, k);
          g_ptr_array_add (out->items, make_item (sel, pick, day.template));
          seconds += sel->choices[pick->exercise].seconds;
        }
      out->minutes = round (seconds / 6.0) / 10.0;
      for (guint i = 0; i < sel->n && !warned_required; i++)
        {
          gboolean placed = FALSE;
          for (guint k = 0; k < picks->len; k++)
            placed |= g_array_index (picks, Pick, k).exercise == i;
          if (sel->choices[i].required && !placed)
            {
              const LimberExercise *e = g_ptr_array_index (sel->facts->rs->exercises, i);
              g_autofree char *text = g_strdup_printf (
                "%s is recommended every training day but does not fit in %g minutes; allow more minutes a day to "
                "include it.", e->name, profile->minutes_per_day);
              limber_plan_add_advisory (plan, text);
              warned_required = TRUE;
            }
        }
      g_clear_pointer (&previous, g_array_unref);
      previous = g_steal_pointer (&picks);
    }
}
