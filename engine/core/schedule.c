/*
 * Scheduling a week: which days are training days, the session each one
 * holds (composed by compose.c, ordered by session.c), and the plan's items
 * with their reasons.
 *
 * A physiotherapist does not hand out a different list every day: a person
 * learns one sequence by heart and does it daily, with a little variety
 * around it.  So the week is composed, not drawn:
 *
 *   1. The core, done every training day in the same order: what a rule
 *      requires, then one exercise for every measure the rules aimed at (a
 *      deficit or an asymmetry), then the template's routine (the source
 *      article's nine moves, a constraint-safe substitute standing in for a
 *      move the person may not do), then the most wanted exercises slot by
 *      slot, up to the core's share of the minutes.
 *   2. A small pool of accessories, of which each training day takes the
 *      next two or three in turn, so the day fills 90-110% of the minutes.
 *
 * Every choice honours the exclusions first (they set the weight to 0), never
 * puts an exercise beside its own seated variant or beside one with the same
 * primary targets and kind of work, and prefers staying in a position the
 * session already uses.  The session is then ordered as a clinician would:
 * standing, then a chair, then the floor (on the back, on the side, on hands
 * and knees, kneeling, face down), the closing slot's exercises last from the
 * floor up, so a person gets up and down as little as possible (at most two
 * changes in the main part and two in the closing part).
 *
 * Seeded and deterministic: the seed only breaks near-ties between weights
 * (a factor within 5%), and every loop runs in catalogue order.
 */
#include <math.h>
#include <string.h>

#include "compose-private.h"
#include "number-format.h"
#include "reason.h"

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

/* The sentence a person reads next to an item: the rule set's own text when
 * it is one (borrowed), else made into the plan's strings; *general says
 * whether it is about the exercise (what it, its routine or its slot does)
 * rather than about this person (what a rule found), which a short printed
 * card leaves out. */
static const char *
explain (const Composer *C, guint i, guint slot, GString *scratch, gboolean *general)
{
  const LimberChoice *c = &C->sel->choices[i];
  const LimberTemplate *t = C->template;
  LimberPlan *plan = C->plan;
  g_string_truncate (scratch, 0);
  *general = FALSE;
  if (c->reason_rule != NULL && c->reason_rank >= LIMBER_RANK_REQUIRE)
    limber_reason_render_lang (c->reason_rule, C->sel->facts, plan->tr, plan->lang, scratch);
  else if ((C->routine_pos[i] >= 0 || C->substitutes[i] >= 0) && t->routine_reason != NULL)
    {
      *general = TRUE;
      if (C->substitutes[i] < 0)
        return limber_tr (plan->tr, t->routine_reason);
      g_string_append_printf (scratch, limber_msg (plan->lang, "%s Done in place of %s."),
                              limber_tr (plan->tr, t->routine_reason),
                              limber_tr (plan->tr, exercise_at (C, (guint) C->substitutes[i])->name));
    }
  /* what the exercise does says more than a rule that only made it a
   * little more likely */
  else if (exercise_at (C, i)->reason != NULL)
    {
      *general = TRUE;
      return limber_tr (plan->tr, exercise_at (C, i)->reason);
    }
  else if (c->reason_rule != NULL)
    limber_reason_render_lang (c->reason_rule, C->sel->facts, plan->tr, plan->lang, scratch);
  else
    {
      *general = TRUE;
      return limber_tr (plan->tr, ((const LimberSlot *) g_ptr_array_index (t->slots, slot))->reason);
    }
  return limber_plan_intern (plan, scratch->str);
}

/* What items share per exercise: its reasons, once in the plan, and the
 * sentence a person reads.  Made the first time an item of the exercise is,
 * when every choice is final. */
typedef struct {
  guint *shared_first;      /* per exercise: its run in plan->why, G_MAXUINT until made */
  guint *n_shared;
  int *late_of;             /* per exercise: its entry in plan->late->exercises, -1 when its reasons are made now */
  const char **explanation; /* per exercise: the rule set's text or kept in plan->strings */
  gboolean *general;        /* per exercise: explain()'s *general */
  GString *scratch;
} Shared;

/* One day of the week as composed, its picks in order (in the schedule's
 * arena). */
typedef struct {
  gboolean training;
  Pick *picks;
  guint n_picks;
  double seconds;
} DayPicks;

static void
shared_init (Shared *S, const Composer *C, LimberArena *arena)
{
  guint n = C->sel->n;
  S->shared_first = limber_arena_new0 (arena, guint, n);
  S->n_shared = limber_arena_new0 (arena, guint, n);
  S->explanation = limber_arena_new0 (arena, const char *, n);
  S->general = limber_arena_new0 (arena, gboolean, n);
  S->late_of = limber_arena_new0 (arena, int, n);
  S->scratch = g_string_sized_new (256);
  for (guint i = 0; i < n; i++)
    {
      S->shared_first[i] = G_MAXUINT;
      S->late_of[i] = -1;
    }
}

static void
shared_clear (Shared *S)
{
  g_string_free (S->scratch, TRUE);
}


/* An exercise that this many of the rules' actions and weights reach has
 * its reasons made when read (LimberLateReasons); below it, at once.  The
 * default rule set's exercises are reached by a dozen at most; a chosen
 * exercise of a 2,000-rule set by hundreds. */
#define LATE_REASONS_MIN 64

static gboolean
reasons_wait (const LimberRuleset *rs, guint i)
{
  return rs->acted_first[i + 1] - rs->acted_first[i] + rs->weighted_first[i + 1] - rs->weighted_first[i]
         >= LATE_REASONS_MIN;
}

/* The exercise's shared reasons into why: where its base weight came from,
 * what every rule and step did to it, the routine move it stands in for
 * (substitute, or NULL), how it was chosen. */
static void
exercise_reasons (const LimberSelection *sel, guint i, const char *substitute, double weight, const char *slot,
                  gboolean core, GArray *why)
{
  const LimberExercise *e = g_ptr_array_index (sel->rs->exercises, i);
  limber_why_add (why, i, "catalogue", "base weight %g", e->base_weight);
  limber_selection_reasons (sel, i, why);
  if (substitute != NULL)
    limber_why_add (why, i, "composer", "in place of routine move %s", substitute);
  limber_why_add (why, i, "selection", "final weight %g, slot %s, %s", weight, slot,
                  core ? "core: every training day" : "accessory: rotates between days");
}

/* LimberLateReasons.make: each waiting exercise's reasons as
 * share_exercise() would have made them, given to its items; then the
 * selection goes. */
static void
make_late_reasons (LimberLateReasons *late)
{
  LimberSelection *sel = late->selection;
  LimberPlan *plan = late->plan;
  /* about as many as the rules that reach the exercises (half of them
   * fire, some give two records), so the array seldom grows */
  guint about = 0;
  for (guint k = 0; k < late->exercises->len; k++)
    {
      guint i = g_array_index (late->exercises, LimberLateExercise, k).exercise;
      about += sel->rs->acted_first[i + 1] - sel->rs->acted_first[i] + sel->rs->weighted_first[i + 1]
               - sel->rs->weighted_first[i] + 8;
    }
  g_autoptr (GArray) made = g_array_sized_new (FALSE, FALSE, sizeof (LimberWhy), about);
  for (guint k = 0; k < late->exercises->len; k++)
    {
      LimberLateExercise *x = &g_array_index (late->exercises, LimberLateExercise, k);
      x->first = made->len;
      exercise_reasons (sel, x->exercise, x->substitute, x->weight, x->slot, x->core, made);
      x->n = made->len - x->first;
    }
  /* the records borrow nothing of the selection: it goes before the copy */
  limber_selection_free (sel);
  late->selection = NULL;
  late->why = g_array_sized_new (FALSE, FALSE, sizeof (LimberWhy), made->len);
  g_array_append_vals (late->why, made->data, made->len);
  for (guint n = 0; n < plan->n_items; n++)
    {
      LimberItem *item = &plan->items[n];
      for (guint k = 0; item->late != NULL && k < late->exercises->len; k++)
        {
          const LimberLateExercise *x = &g_array_index (late->exercises, LimberLateExercise, k);
          if (x->exercise == item->exercise->index)
            {
              item->shared = late->why;
              item->shared_first = x->first;
              item->n_shared = x->n;
              break;
            }
        }
    }
}

void
limber_late_reasons_free (LimberLateReasons *late)
{
  if (late == NULL)
    return;
  for (guint r = 0; late->why != NULL && r < late->why->len; r++)
    limber_why_clear (&g_array_index (late->why, LimberWhy, r));
  if (late->why != NULL)
    g_array_unref (late->why);
  g_array_unref (late->exercises);
  limber_selection_free (late->selection);
  g_mutex_clear (&late->lock);
  g_free (late);
}

/* The exercise's shared reasons (exercise_reasons(), now or when read) and
 * the sentence a person reads. */
static void
share_exercise (const Composer *C, Shared *S, const Pick *pick, gboolean core)
{
  guint i = pick->exercise;
  if (S->shared_first[i] != G_MAXUINT || S->late_of[i] >= 0)
    return;
  LimberPlan *plan = C->plan;
  const LimberChoice *c = &C->sel->choices[i];
  const LimberSlot *slot = g_ptr_array_index (C->template->slots, pick->slot);
  const char *substitute = C->substitutes[i] >= 0 ? exercise_at (C, (guint) C->substitutes[i])->id : NULL;
  if (reasons_wait (C->rs, i))
    {
      if (plan->late == NULL)
        {
          plan->late = g_new0 (LimberLateReasons, 1);
          g_mutex_init (&plan->late->lock);
          plan->late->make = make_late_reasons;
          plan->late->plan = plan;
          plan->late->exercises = g_array_new (FALSE, FALSE, sizeof (LimberLateExercise));
        }
      LimberLateExercise x = { i, slot->id, substitute, c->weight, core, 0, 0 };
      S->late_of[i] = (int) plan->late->exercises->len;
      g_array_append_val (plan->late->exercises, x);
    }
  else
    {
      if (plan->why == NULL)
        plan->why = g_array_sized_new (FALSE, FALSE, sizeof (LimberWhy), C->sel->why->len + 64);
      guint first = plan->why->len;
      exercise_reasons (C->sel, i, substitute, c->weight, slot->id, core, plan->why);
      S->shared_first[i] = first;
      S->n_shared[i] = plan->why->len - first;
    }
  S->explanation[i] = explain (C, i, pick->slot, S->scratch, &S->general[i]);
}

static LimberItem *
make_item (const Composer *C, Shared *S, const Pick *pick, gboolean core)
{
  const LimberExercise *e = exercise_at (C, pick->exercise);
  const LimberChoice *c = &C->sel->choices[pick->exercise];
  const LimberSlot *slot = g_ptr_array_index (C->template->slots, pick->slot);
  share_exercise (C, S, pick, core);
  /* in the plan's item block: one allocation for the week's items */
  LimberPlan *plan = C->plan;
  g_assert (plan->n_items < plan->max_items);
  LimberItem *item = &plan->items[plan->n_items++];
  item->exercise = e;
  item->slot = slot->id;
  item->in_block = TRUE;
  item->dose = pick->dose;
  item->step = pick->step;
  item->previous_step = c->previous_step;
  item->emphasis_side = c->extra_sets > 0 ? c->emphasis_side : LIMBER_SIDE_NONE;
  item->extra_sets = item->emphasis_side != LIMBER_SIDE_NONE ? c->extra_sets : 0;
  item->seconds = pick->seconds;
  item->weight = c->weight;
  item->role = core ? LIMBER_ITEM_CORE : LIMBER_ITEM_ACCESSORY;
  item->explanation = S->explanation[pick->exercise];
  item->explanation_general = S->general[pick->exercise];
  item->name = limber_tr (plan->tr, e->name);
  if (S->late_of[pick->exercise] >= 0)
    item->late = plan->late; /* the rest when made */
  else
    {
      item->shared = C->plan->why;
      item->shared_first = S->shared_first[pick->exercise];
      item->n_shared = S->n_shared[pick->exercise];
    }
  if (pick->filled_from > 0)
    limber_item_add_reason (item, "composer", "step %u \u2192 %u: a fuller dose within the ladder fills the day's %g "
                            "minutes", pick->filled_from, pick->step, C->plan->session_minutes);
  return item;
}

void
limber_schedule (LimberSelection *sel, LimberPlan *plan, const GDate *start, unsigned n_days, guint64 seed)
{
  const LimberProfile *profile = sel->facts->profile;
  const LimberRuleset *rs = sel->facts->rs;
  const LimberTemplate *t = &rs->templates[profile->goal];
  guint n = sel->n;
  /* the schedule's working arrays, in one block that goes with it (48: an
   * arena's rounding and sanitizer gap per array) */
  LimberArena arena = LIMBER_ARENA_INIT ((sizeof (double) + 4 * sizeof (int) + 2 * sizeof (gboolean) + 2 * sizeof (guint)
                                          + sizeof (char *)) * n + (sizeof (Session) + sizeof (guint)) * n_days
                                         + 12 * 48);
  double *jitter = limber_arena_new0 (&arena, double, n);
  int *slot_of = limber_arena_new0 (&arena, int, n);
  int *routine_pos = limber_arena_new0 (&arena, int, n);
  int *substitutes = limber_arena_new0 (&arena, int, n);
  gboolean *pinned = limber_arena_new0 (&arena, gboolean, n);
  Composer C = {
    .sel = sel,
    .rs = rs,
    .template = t,
    .plan = plan,
    .budget = 60.0 * (sel->minutes_cap > 0 ? MIN (profile->minutes_per_day, sel->minutes_cap)
                                            : profile->minutes_per_day),
    .cap_scale = 1.0,
    .jitter = jitter,
    .slot_of = slot_of,
    .routine_pos = routine_pos,
    .substitutes = substitutes,
  };
  LimberRandom random = { seed };
  plan->session_minutes = C.budget / 60.0;
  double minutes = plan->session_minutes;
  /* longer days get more exercises, but fewer than in proportion: the time
   * goes into fuller doses first, so the routine stays learnable */
  C.cap_scale = rs->template_minutes > 0 ? MAX (1.0, 1.0 + 0.1 * (minutes / rs->template_minutes - 1.0)) : 1.0;
  unsigned caps = 0;
  for (guint k = 0; k < t->slots->len; k++)
    {
      const LimberSlot *slot = g_ptr_array_index (t->slots, k);
      caps = slot->max_items == 0 || caps == G_MAXUINT ? G_MAXUINT
                                                       : caps + (unsigned) floor (slot->max_items * C.cap_scale + 0.5);
    }
  C.max_items = minutes <= SHORT_DAY_MINUTES ? SHORT_DAY_ITEMS : MAX (caps, SHORT_DAY_ITEMS);
  for (guint i = 0; i < sel->n; i++)
    {
      jitter[i] = 0.95 + 0.1 * limber_random_double (&random);
      slot_of[i] = t->slot_of ? t->slot_of[i] : -1;
      routine_pos[i] = -1;
      substitutes[i] = -1;
    }
  for (guint k = 0; t->routine_index && k < t->routine_index->len; k++)
    routine_pos[g_array_index (t->routine_index, guint, k)] = (int) k;
  if (t->routine_index != NULL && t->routine_index->len > 0)
    plan->routine = "routine";

  double allowance = minutes <= 8 ? 0 : MIN (ACCESSORY_SHARE * C.budget, ACCESSORY_MAX_SECONDS);
  Session core;
  limber_session_init (&core);
  /* the core leaves room for two accessories under the day's item cap */
  unsigned day_cap = C.max_items;
  if (allowance > 0 && C.max_items > 2 * ACCESSORY_RESERVED)
    C.max_items -= ACCESSORY_RESERVED;
  limber_compose_core (&C, &core, C.budget - allowance, pinned);
  C.max_items = day_cap;
  g_autoptr (GArray) pool = allowance > 0 ? limber_compose_accessories (&C, &core, allowance) : g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < pool->len; k++)
    limber_plan_list_add (plan, plan->accessories, exercise_at (&C, g_array_index (pool, guint, k))->id);

  Shared S;
  shared_init (&S, &C, &arena);
  /* the selection's strings are the reasons' too: the plan keeps them */
  g_assert (plan->selection_strings == NULL);
  plan->selection_strings = g_steal_pointer (&sel->strings);
  /* every training day composed first, so the week's items take one block;
   * each day is composed in one reused array and its ordered picks kept in
   * the schedule's arena */
  DayPicks *days = limber_arena_new0 (&arena, DayPicks, n_days);
  g_autoptr (GArray) scratch
    = g_array_sized_new (FALSE, FALSE, sizeof (Pick), core.picks->len + ACCESSORY_MAX_ITEMS + DAY_EXTRA_ITEMS + 2);
  guint training = 0, n_picks = 0;
  for (unsigned d = 0; d < n_days; d++)
    {
      if (!is_training_offset (d % 7, profile->days_per_week))
        continue;
      Session session = { .picks = scratch };
      limber_compose_day (&C, &core, pool, training * ACCESSORY_MAX_ITEMS / 2, &session);
      training++;
      limber_session_order (&C, &session);
      days[d].training = TRUE;
      days[d].n_picks = scratch->len;
      days[d].seconds = session.seconds;
      days[d].picks = limber_arena_new0 (&arena, Pick, MAX (scratch->len, 1));
      memcpy (days[d].picks, scratch->data, sizeof (Pick) * scratch->len);
      n_picks += scratch->len;
    }
  plan->max_items = n_picks;
  plan->items = g_new0 (LimberItem, MAX (n_picks, 1));

  guint *reserve = limber_arena_new0 (&arena, guint, n_days);
  for (unsigned d = 0; d < n_days; d++)
    reserve[d] = days[d].n_picks;
  limber_plan_add_days (plan, start, n_days, reserve);
  gboolean warned_short = FALSE;
  gboolean *planned = limber_arena_new0 (&arena, gboolean, n);  /* per exercise: in some day's session */
  for (unsigned d = 0; d < n_days; d++)
    {
      LimberDay *out = g_ptr_array_index (plan->days, d);
      const DayPicks *day = &days[d];
      out->rest = !day->training;
      if (out->rest)
        continue;
      for (guint k = 0; k < day->n_picks; k++)
        {
          const Pick *pick = &day->picks[k];
          limber_day_add_item (out, make_item (&C, &S, pick, limber_session_has (&core, pick->exercise)));
          planned[pick->exercise] = TRUE;
        }
      out->minutes = round (day->seconds / 6.0) / 10.0;
      if (day->seconds < C.budget * UNDERRUN && day->n_picks > 0 && !warned_short)
        {
          char minutes_text[LIMBER_NUMBER_BUF_SIZE];
          limber_number_format_minutes (minutes_text, day->seconds / 60.0);
          limber_plan_add_advisory (plan, limber_plan_internf (plan, limber_msg (plan->lang, "Your sessions take about %s of your %g minutes: no "
                                                               "more exercises suit your answers and constraints in "
                                                               "this rule set."), minutes_text, plan->session_minutes));
          warned_short = TRUE;
        }
    }
  /* what was left out at one point but came back (a swap, a stand-in, a
   * later day) is not left out */
  for (guint k = plan->left_out->len; k-- > 0;)
    if (planned[((const LimberLeftOut *) g_ptr_array_index (plan->left_out, k))->index])
      limber_plan_list_remove_index (plan->left_out, k);
  limber_session_order (&C, &core);
  for (guint k = 0; k < core.picks->len; k++)
    limber_plan_list_add (plan, plan->core, exercise_at (&C, g_array_index (core.picks, Pick, k).exercise)->id);
  g_array_unref (core.picks);
  shared_clear (&S);
  limber_arena_clear (&arena);
}
