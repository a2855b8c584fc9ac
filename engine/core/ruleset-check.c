/*
 * The semantic pass over a schema-valid rule set.
 *
 * The schema sees one element at a time; this pass sees the whole: ids unique
 * per kind, every reference resolving, bounds ordered and inside a measure's
 * valid range, shares adding up.  While it looks it also resolves every id to
 * an index, so that evaluation never compares a string.  It reports every
 * problem it finds, in document order of discovery, and never stops early.
 */
#include "ruleset-private.h"

#include "error-private.h"
#include "suggest.h"

#include <math.h>
#include <string.h>

#include "reason.h"

typedef struct {
  LimberRuleset *rs;
  const char *source;
  gsize length;
  LimberReport *report;
  GHashTable *sources;
  GHashTable *flags;      /* red-flag id -> index + 1 */
  GHashTable *scores;     /* score id -> index + 1 */
  GHashTable *tags;       /* every tag carried by an exercise -> the exercises (GArray of guint, ascending) */
  GHashTable *regions;    /* every region named by an exercise -> the exercises, the same way */
  GHashTable *positions;  /* every position -> the exercises, the same way */
  GArray **by_measure;    /* per measure index x 2 (primary, any role): the exercises that target it, made when
                           * first asked (measure= targets) */
} Checker;

/* code: the problem's kind, a LIMBER_PROBLEM_* (limber/error.h) */
static void G_GNUC_PRINTF (5, 6)
problem (Checker *C, const char *code, int line, const char *element, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  int column = limber_source_column (C->source, C->length, line, element);
  limber_report_add_element (C->report, code, C->rs->name, (unsigned) MAX (line, 0), (unsigned) MAX (column, 0),
                             element, text);
}

int
limber_source_column (const char *source, gsize length, int line, const char *element)
{
  if (source == NULL || line <= 0)
    return 1;
  const char *p = source, *end = source + length;
  for (int l = 1; l < line && p < end; p++)
    if (*p == '\n')
      l++;
  const char *eol = memchr (p, '\n', (gsize) (end - p));
  if (eol == NULL)
    eol = end;
  g_autofree char *needle = g_strconcat ("<", element, NULL);
  gsize n = strlen (needle);
  for (const char *q = p; q + n <= eol; q++)
    if (memcmp (q, needle, n) == 0 && (q + n == eol || (!g_ascii_isalnum (q[n]) && q[n] != '-')))
      return (int) (q - p) + 1;
  return 1;
}

/* ---- ids and references ------------------------------------------------ */

/* Adds id -> index to table, or reports a duplicate. */
static void
index_id (Checker *C, GHashTable *table, const char *id, guint index, int line,
          const char *element, const char *kind)
{
  if (g_hash_table_contains (table, id))
    {
      problem (C, LIMBER_PROBLEM_DUPLICATE, line, element,
               "id=\"%s\": duplicate %s id; expected each %s id once", id, kind, kind);
      return;
    }
  g_hash_table_insert (table, (gpointer) id, GUINT_TO_POINTER (index + 1));
}

static void
check_cite (Checker *C, char **cite, int line, const char *element)
{
  for (char **c = cite; c && *c; c++)
    if (!g_hash_table_contains (C->sources, *c))
      {
        g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (*c, C->sources));
        problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, line, element,
                 "cite=\"%s\": unknown source; expected an id declared in <sources>%s", *c, hint);
      }
}

static void
check_bounds (Checker *C, gboolean has_lo, double lo, gboolean has_hi, double hi, int line,
              const char *element, const char *lo_name, const char *hi_name)
{
  if (has_lo && has_hi && lo > hi)
    problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, line, element,
             "%s=\"%g\" is above %s=\"%g\"; expected %s <= %s", lo_name, lo, hi_name, hi,
             lo_name, hi_name);
}

static int
choice_index (const LimberQuestion *q, const char *id)
{
  for (int i = 0; q->choices[i]; i++)
    if (g_str_equal (q->choices[i], id))
      return i;
  return -1;
}

static char *
join_choices (const LimberQuestion *q)
{
  return g_strjoinv (", ", q->choices);
}

/* Resolves an answer value (is=) against its question's kind.  Returns the
 * value's index: 1 for yes, 0 for no, the choice's position, or -1. */
static int
resolve_answer (Checker *C, const LimberQuestion *q, const char *is, gboolean has_at_least,
                double at_least, gboolean has_at_most, double at_most, int line, const char *element)
{
  switch (q->kind)
    {
    case LIMBER_QUESTION_YES_NO:
      if (has_at_least || has_at_most)
        problem (C, LIMBER_PROBLEM_CONFLICT, line, element,
                 "question=\"%s\" is yes-no; expected is=\"yes\" or is=\"no\", not bounds", q->id);
      if (g_strcmp0 (is, "yes") == 0)
        return 1;
      if (g_strcmp0 (is, "no") == 0)
        return 0;
      problem (C, LIMBER_PROBLEM_UNKNOWN_CHOICE, line, element,
               "is=\"%s\": not an answer to yes-no question \"%s\"; expected yes or no",
               is ? is : "", q->id);
      return -1;
    case LIMBER_QUESTION_CHOICE:
      {
        int i = is ? choice_index (q, is) : -1;
        if (i < 0)
          {
            g_autofree char *choices = join_choices (q);
            g_autofree char *hint
                = limber_suggest_hint (limber_suggest_among (is, (const char *const *) q->choices, -1));
            problem (C, LIMBER_PROBLEM_UNKNOWN_CHOICE, line, element,
                     "is=\"%s\": not a choice of question \"%s\"; expected one of: %s%s", is ? is : "", q->id, choices,
                     hint);
          }
        if (has_at_least || has_at_most)
          problem (C, LIMBER_PROBLEM_CONFLICT, line, element,
                   "question=\"%s\" is a choice question; expected is=, not bounds", q->id);
        return i;
      }
    case LIMBER_QUESTION_SCALE:
      if (is != NULL)
        problem (C, LIMBER_PROBLEM_CONFLICT, line, element,
                 "is=\"%s\": question \"%s\" is a scale; expected at-least= or at-most=", is,
                 q->id);
      else if (!has_at_least && !has_at_most)
        problem (C, LIMBER_PROBLEM_CONFLICT, line, element,
                 "question \"%s\" is a scale; expected at-least= or at-most=", q->id);
      if ((has_at_least && (at_least < q->min || at_least > q->max))
          || (has_at_most && (at_most < q->min || at_most > q->max)))
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, line, element,
                 "threshold outside the range of question \"%s\"; expected %g to %g", q->id,
                 q->min, q->max);
      return -1;
    }
  return -1;
}

static const LimberMeasure *
resolve_measure (Checker *C, const char *id, int *index, int line, const char *element)
{
  *index = limber_ruleset_index_of (C->rs->measure_index, id);
  if (*index < 0)
    {
      g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (id, C->rs->measure_index));
      problem (C, LIMBER_PROBLEM_UNKNOWN_MEASURE, line, element,
               "measure=\"%s\": unknown measure; expected an id declared in <measures>%s", id, hint);
      return NULL;
    }
  return g_ptr_array_index (C->rs->measures, *index);
}

/* ---- conditions -------------------------------------------------------- */

/* by LimberCondKind: every kind has its element's name */
static const char *const cond_elements[] = {
  "all", "any", "not", "goal", "age", "deficit", "asymmetry",
  "answer", "flag", "score", "constraint", "history", "trend", "minutes", "unanswered",
};
G_STATIC_ASSERT (G_N_ELEMENTS (cond_elements) == COND_UNANSWERED + 1);

/* The question a condition names (question=), or -1 after reporting it. */
static int
condition_question (Checker *C, const LimberCond *c, const char *el)
{
  int index = limber_ruleset_index_of (C->rs->question_index, c->ref);
  if (index < 0)
    {
      g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (c->ref, C->rs->question_index));
      problem (C, LIMBER_PROBLEM_UNKNOWN_QUESTION, c->line, el,
               "question=\"%s\": unknown question; expected an id declared in <questions>%s", c->ref, hint);
    }
  return index;
}

static void
check_cond (Checker *C, LimberCond *c)
{
  LimberRuleset *rs = C->rs;
  const char *el = cond_elements[c->kind];
  switch (c->kind)
    {
    case COND_ALL:
    case COND_ANY:
    case COND_NOT:
      for (guint i = 0; i < c->children->len; i++)
        check_cond (C, g_ptr_array_index (c->children, i));
      break;
    case COND_GOAL:
      if (!rs->goal_declared[c->goal])
        problem (C, LIMBER_PROBLEM_UNKNOWN_GOAL, c->line, el,
                 "is=\"%s\": goal not declared; expected a goal listed in <goals>",
                 limber_goal_to_string (c->goal));
      break;
    case COND_AGE:
    case COND_MINUTES:
      if (!c->has_at_least && !c->has_at_most)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, c->line, el, "no bound; expected at-least= or at-most=");
      check_bounds (C, c->has_at_least, c->at_least, c->has_at_most, c->at_most, c->line, el, "at-least",
                    "at-most");
      break;
    case COND_DEFICIT:
    case COND_ASYMMETRY:
      {
        const LimberMeasure *m = resolve_measure (C, c->ref, &c->index, c->line, el);
        if (m == NULL)
          break;
        double range = m->max - m->min;
        if (c->kind == COND_ASYMMETRY && !m->sided)
          problem (C, LIMBER_PROBLEM_CONFLICT, c->line, el,
                   "measure=\"%s\" is not sided; expected a measure with sided=\"true\"", m->id);
        if (c->kind == COND_ASYMMETRY && !c->has_at_least && m->asymmetry <= 0)
          problem (C, LIMBER_PROBLEM_MISSING_FIELD, c->line, el,
                   "measure=\"%s\" declares no asymmetry threshold; expected at-least= here or asymmetry= on "
                   "the measure",
                   m->id);
        if (c->kind == COND_DEFICIT && c->side != SIDE_ANY && !m->sided)
          problem (C, LIMBER_PROBLEM_CONFLICT, c->line, el, "side= on unsided measure \"%s\"; expected no side", m->id);
        /* a deficit is counted down from normal, an asymmetry across the range */
        double limit = c->kind == COND_DEFICIT ? m->normal - m->min : range;
        if (c->has_at_least && m->min <= m->max && (c->at_least <= 0 || c->at_least > limit))
          problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, c->line, el,
                   "at-least=\"%g\" can never be met by measure \"%s\" (normal %g, valid %g to %g); expected above 0 "
                   "and at most %g",
                   c->at_least, m->id, m->normal, m->min, m->max, limit);
        break;
      }
    case COND_UNANSWERED:
      c->index = condition_question (C, c, el);
      break;
    case COND_ANSWER:
      {
        c->index = condition_question (C, c, el);
        if (c->index < 0)
          break;
        const LimberQuestion *q = g_ptr_array_index (rs->questions, c->index);
        c->value_index = resolve_answer (C, q, c->value, c->has_at_least, c->at_least, c->has_at_most,
                                         c->at_most, c->line, el);
        check_bounds (C, c->has_at_least, c->at_least, c->has_at_most, c->at_most, c->line, el, "at-least",
                      "at-most");
        break;
      }
    case COND_FLAG:
      c->index = limber_ruleset_index_of (C->flags, c->ref);
      if (c->index < 0)
        {
          g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (c->ref, C->flags));
          problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, c->line, el,
                   "ref=\"%s\": unknown red flag; expected an id declared in <red-flags>%s", c->ref, hint);
        }
      break;
    case COND_SCORE:
      {
        c->index = limber_ruleset_index_of (C->scores, c->ref);
        if (c->index < 0)
          {
            g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (c->ref, C->scores));
            problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, c->line, el,
                     "ref=\"%s\": unknown score; expected an id declared in <scores>%s", c->ref, hint);
            break;
          }
        LimberScore *s = g_ptr_array_index (rs->scores, c->index);
        for (guint i = 0; i < s->categories->len; i++)
          if (g_str_equal (((LimberCategory *) g_ptr_array_index (s->categories, i))->id, c->value))
            c->value_index = (int) i;
        if (c->value_index < 0)
          {
            g_autofree char *hint = limber_suggest_hint (
                limber_suggest_among_ids (c->value, s->categories, G_STRUCT_OFFSET (LimberCategory, id)));
            problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, c->line, el,
                     "category=\"%s\": not a category of score \"%s\"; expected one of its <category> ids%s", c->value,
                     s->id, hint);
          }
        break;
      }
    case COND_CONSTRAINT:
      if (c->value == NULL)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, c->line, el,
                 "no attribute; expected one of no-floor=, has-equipment=, avoids-region=");
      else if (c->constraint == CONSTRAINT_AVOIDS_REGION && !g_hash_table_contains (C->regions, c->value))
        {
          g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (c->value, C->regions));
          problem (C, LIMBER_PROBLEM_UNKNOWN_REGION, c->line, el,
                   "avoids-region=\"%s\": no exercise works this region; expected a region named in "
                   "<regions> of some exercise%s", c->value, hint);
        }
      break;
    case COND_TREND:
      if (!c->has_at_least && !c->has_at_most)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, c->line, el,
                 "no bound; expected at-least= or at-most= (the change, in the measure's unit)");
      check_bounds (C, c->has_at_least, c->at_least, c->has_at_most, c->at_most, c->line, el, "at-least",
                    "at-most");
      if (g_strcmp0 (c->ref, "any") != 0)
        {
          const LimberMeasure *m = resolve_measure (C, c->ref, &c->index, c->line, el);
          if (m != NULL && c->trend_asymmetry && !m->sided)
            problem (C, LIMBER_PROBLEM_CONFLICT, c->line, el,
                     "of=\"asymmetry\" on unsided measure \"%s\"; expected a sided measure", m->id);
        }
      break;
    case COND_HISTORY:
      if (!c->has_at_least && !c->has_at_most)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, c->line, el, "no bound; expected at-least= or at-most=");
      check_bounds (C, c->has_at_least, c->at_least, c->has_at_most, c->at_most, c->line, el, "at-least",
                    "at-most");
      if (c->fact == HISTORY_RECENT_MAX_DISCOMFORT
          && ((c->has_at_least && c->at_least > 10) || (c->has_at_most && c->at_most > 10)))
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, c->line, el, "discomfort threshold above 10; expected 0 to 10");
      break;
    }
}

/* ---- actions ----------------------------------------------------------- */

static const char *const action_elements[] = {
  "weight", "exclude", "require", "emphasise", "lowest-step", "min-hold", "min-reps", "advise", "limit-minutes",
};

static void
resolve_targets (Checker *C, LimberAction *a)
{
  const char *el = action_elements[a->kind];
  if (a->target_kind == (LimberTargetKind) -1)
    {
      problem (C, LIMBER_PROBLEM_CONFLICT, a->line, el,
               "more than one target; expected exactly one of exercise=, tag=, region=, position=, "
               "measure=");
      return;
    }
  if (a->target == NULL)
    {
      problem (C, LIMBER_PROBLEM_MISSING_FIELD, a->line, el,
               "no target; expected exactly one of exercise=, tag=, region=, position=, measure=");
      return;
    }
  int measure = -1;
  if (a->target_kind == TARGET_MEASURE
      && resolve_measure (C, a->target, &measure, a->line, el) == NULL)
    return;
  /* tags, regions, positions and ids by their indexes (check_exercises):
   * thousands of actions over a thousand exercises compare no strings */
  const GArray *members = NULL;
  int index;
  switch (a->target_kind)
    {
    case TARGET_MEASURE:
      {
        /* thousands of actions name a few measures: each measure's
         * exercises are found once */
        GArray **found = &C->by_measure[2 * measure + (a->any_role ? 1 : 0)];
        if (*found == NULL)
          {
            *found = g_array_new (FALSE, FALSE, sizeof (guint));
            for (guint i = 0; i < C->rs->exercises->len; i++)
              if (limber_exercise_targets (g_ptr_array_index (C->rs->exercises, i), measure, a->any_role))
                g_array_append_val (*found, i);
          }
        members = *found;
        break;
      }
    case TARGET_EXERCISE:
      if ((index = limber_ruleset_index_of (C->rs->exercise_index, a->target)) >= 0)
        g_array_append_val (a->targets, index);
      break;
    case TARGET_TAG: members = g_hash_table_lookup (C->tags, a->target); break;
    case TARGET_REGION: members = g_hash_table_lookup (C->regions, a->target); break;
    case TARGET_POSITION: members = g_hash_table_lookup (C->positions, a->target); break;
    }
  if (members != NULL)
    g_array_append_vals (a->targets, members->data, members->len);
  static const char *const what[] = { "exercise", "tag", "region", "position", "measure" };
  if (a->targets->len == 0)
    {
      /* an id no exercise carries is most often a typo of one that some do */
      GHashTable *known = a->target_kind == TARGET_EXERCISE ? C->rs->exercise_index
                          : a->target_kind == TARGET_TAG    ? C->tags
                          : a->target_kind == TARGET_REGION ? C->regions
                          : a->target_kind == TARGET_POSITION ? C->positions
                                                              : NULL;
      g_autofree char *hint = limber_suggest_hint (known ? limber_suggest_among_keys (a->target, known) : NULL);
      problem (C,
               a->target_kind == TARGET_EXERCISE  ? LIMBER_PROBLEM_UNKNOWN_EXERCISE
               : a->target_kind == TARGET_REGION ? LIMBER_PROBLEM_UNKNOWN_REGION
                                                 : LIMBER_PROBLEM_NO_EFFECT,
               a->line, el, "%s=\"%s\" matches no exercise; expected %s%s", what[a->target_kind], a->target,
               a->target_kind == TARGET_EXERCISE   ? "an id declared in <exercises>"
               : a->target_kind == TARGET_MEASURE ? (a->any_role ? "a measure some exercise's <targets> name"
                                                                 : "a measure some exercise's <targets> name as primary")
                                                  : "a value carried by at least one exercise",
               hint);
    }
}

static void
check_action (Checker *C, LimberAction *a)
{
  const char *el = action_elements[a->kind];
  if (a->kind == ACTION_ADVISE)
    return;
  if (a->kind == ACTION_LIMIT_MINUTES)
    {
      if (a->minutes <= 0)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, a->line, el,
                 "minutes=\"%g\"; expected a session length above 0", a->minutes);
      return;
    }
  resolve_targets (C, a);
  switch (a->kind)
    {
    case ACTION_WEIGHT:
      if (!a->has_multiply && !a->has_add)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, a->line, el, "changes nothing; expected multiply= or add=");
      break;
    case ACTION_REQUIRE:
      if (a->target_kind != TARGET_EXERCISE)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, a->line, el, "requires a group; expected exercise=");
      break;
    case ACTION_EMPHASISE:
      {
        const LimberMeasure *m = resolve_measure (C, a->measure, &a->measure_index, a->line, el);
        if (m != NULL && !m->sided)
          problem (C, LIMBER_PROBLEM_CONFLICT, a->line, el,
                   "measure=\"%s\" is not sided, so it has no tighter side; expected a sided measure",
                   m->id);
        gboolean any_per_side = FALSE;
        for (guint i = 0; i < a->targets->len; i++)
          {
            LimberExercise *e = g_ptr_array_index (C->rs->exercises, g_array_index (a->targets, guint, i));
            any_per_side |= e->per_side;
          }
        if (a->targets->len > 0 && !any_per_side)
          problem (C, LIMBER_PROBLEM_NO_EFFECT, a->line, el,
                   "%s targets no per-side exercise, so there is no side to emphasise; expected "
                   "per-side=\"true\" exercises", a->target);
        break;
      }
    case ACTION_MIN_HOLD:
      if (a->seconds <= 0)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, a->line, el, "seconds=\"%g\"; expected a hold above 0", a->seconds);
      break;
    case ACTION_MIN_REPS:
      if (a->reps < 1)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, a->line, el, "reps=\"%u\"; expected 1 or more repetitions", a->reps);
      break;
    default:
      break;
    }
}

/* ---- sections ---------------------------------------------------------- */

static void
check_measures (Checker *C)
{
  for (guint i = 0; i < C->rs->measures->len; i++)
    {
      LimberMeasure *m = g_ptr_array_index (C->rs->measures, i);
      index_id (C, C->rs->measure_index, m->id, i, m->line, "measure", "measure");
      check_cite (C, m->cite, m->line, "measure");
      if (m->min > m->max)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, m->line, "measure",
                 "id=\"%s\": min=\"%g\" is above max=\"%g\"; expected min <= max", m->id,
                 m->min, m->max);
      else if (m->normal < m->min || m->normal > m->max)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, m->line, "measure",
                 "id=\"%s\": normal=\"%g\" outside the valid range; expected %g to %g",
                 m->id, m->normal, m->min, m->max);
      if (m->asymmetry > 0 && !m->sided)
        problem (C, LIMBER_PROBLEM_CONFLICT, m->line, "measure",
                 "id=\"%s\": asymmetry= on an unsided measure; expected sided=\"true\"",
                 m->id);
      if (m->min <= m->max && m->asymmetry > m->max - m->min)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, m->line, "measure",
                 "id=\"%s\": asymmetry=\"%g\" wider than the valid range; expected at most %g",
                 m->id, m->asymmetry, m->max - m->min);
      if (m->protocol != NULL)
        {
          int line;
          g_autofree char *wrong = limber_scan_protocol_problem (m->protocol, &line);
          if (wrong != NULL)
            problem (C, LIMBER_PROBLEM_CONFLICT, line, "protocol", "measure \"%s\": %s", m->id, wrong);
          check_cite (C, m->protocol->cite, m->protocol->line, "protocol");
        }
    }
}

static void
check_questions (Checker *C)
{
  for (guint i = 0; i < C->rs->questions->len; i++)
    {
      LimberQuestion *q = g_ptr_array_index (C->rs->questions, i);
      index_id (C, C->rs->question_index, q->id, i, q->line, "question", "question");
      guint n = g_strv_length (q->choices);
      if (q->kind == LIMBER_QUESTION_CHOICE && n < 2)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, q->line, "question",
                 "id=\"%s\": a choice question with %u choice(s); expected at least 2",
                 q->id, n);
      if (q->kind != LIMBER_QUESTION_CHOICE && n > 0)
        problem (C, LIMBER_PROBLEM_CONFLICT, q->line, "question",
                 "id=\"%s\": <choice> on a %s question; expected kind=\"choice\"", q->id,
                 q->kind == LIMBER_QUESTION_SCALE ? "scale" : "yes-no");
      if (q->kind == LIMBER_QUESTION_CHOICE)
        {
          q->min = 0;
          q->max = n > 0 ? n - 1 : 0;
          for (guint a = 0; a < n; a++)
            for (guint b = a + 1; b < n; b++)
              if (g_str_equal (q->choices[a], q->choices[b]))
                problem (C, LIMBER_PROBLEM_DUPLICATE, q->line, "question",
                         "id=\"%s\": choice \"%s\" twice; expected each choice once", q->id,
                         q->choices[a]);
        }
      if (q->min > q->max)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, q->line, "question",
                 "id=\"%s\": min=\"%g\" is above max=\"%g\"; expected min <= max", q->id,
                 q->min, q->max);
    }
}

static void
check_red_flags (Checker *C)
{
  for (guint i = 0; i < C->rs->red_flags->len; i++)
    {
      LimberRedFlag *f = g_ptr_array_index (C->rs->red_flags, i);
      index_id (C, C->flags, f->id, i, f->line, "red-flag", "red-flag");
      check_cite (C, f->cite, f->line, "red-flag");
      if (f->on_history || f->question == NULL)
        {
          /* a flag on the logged history: a threshold, no answer */
          if (f->on_history == (f->question != NULL))
            problem (C, LIMBER_PROBLEM_CONFLICT, f->line, "red-flag",
                     "%s; expected exactly one of question= and history=",
                     f->on_history ? "both question= and history=" : "neither question= nor history=");
          else if (!f->has_at_least || f->is != NULL)
            problem (C, LIMBER_PROBLEM_CONFLICT, f->line, "red-flag", "history= with %s; expected at-least= alone",
                     f->is != NULL ? "is=" : "no at-least=");
          continue;
        }
      f->question_index = limber_ruleset_index_of (C->rs->question_index, f->question);
      if (f->question_index < 0)
        {
          g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (f->question, C->rs->question_index));
          problem (C, LIMBER_PROBLEM_UNKNOWN_QUESTION, f->line, "red-flag",
                   "question=\"%s\": unknown question; expected an id declared in <questions>%s", f->question, hint);
          continue;
        }
      LimberQuestion *q = g_ptr_array_index (C->rs->questions, f->question_index);
      f->is_index = resolve_answer (C, q, f->is, f->has_at_least, f->at_least, FALSE, 0, f->line, "red-flag");
      q->worst_outcome = MAX (q->worst_outcome, f->outcome);
    }
}

static void
check_scores (Checker *C)
{
  LimberRuleset *rs = C->rs;
  for (guint i = 0; i < rs->scores->len; i++)
    {
      LimberScore *s = g_ptr_array_index (rs->scores, i);
      index_id (C, C->scores, s->id, i, s->line, "score", "score");
      check_cite (C, s->cite, s->line, "score");
      for (guint k = 0; k < s->items->len; k++)
        {
          LimberScoreItem *item = g_ptr_array_index (s->items, k);
          item->question_index = limber_ruleset_index_of (rs->question_index, item->question);
          if (item->question_index < 0)
            {
              g_autofree char *hint
                  = limber_suggest_hint (limber_suggest_among_keys (item->question, rs->question_index));
              problem (C, LIMBER_PROBLEM_UNKNOWN_QUESTION, item->line, "item",
                       "question=\"%s\": unknown question; expected an id declared in <questions>%s", item->question,
                       hint);
              continue;
            }
          for (guint j = 0; j < k; j++)
            if (g_str_equal (((LimberScoreItem *) g_ptr_array_index (s->items, j))->question, item->question))
              problem (C, LIMBER_PROBLEM_DUPLICATE, item->line, "item",
                       "question=\"%s\" counted twice in score \"%s\"; expected each item once",
                       item->question, s->id);
          LimberQuestion *q = g_ptr_array_index (rs->questions, item->question_index);
          if (q->kind != LIMBER_QUESTION_CHOICE && item->n_points > 0)
            problem (C, LIMBER_PROBLEM_CONFLICT, item->line, "item",
                     "<points> on question \"%s\", which is not a choice question; expected "
                     "none (yes scores 1, a scale scores its value)", q->id);
          guint n = g_strv_length (q->choices);
          item->points = g_array_sized_new (FALSE, TRUE, sizeof (double), n);
          g_array_set_size (item->points, n);
          for (guint p = 0; p < item->n_points; p++)
            {
              int ci = choice_index (q, item->point_choices[p]);
              if (ci < 0)
                {
                  g_autofree char *choices = join_choices (q);
                  g_autofree char *hint = limber_suggest_hint (
                      limber_suggest_among (item->point_choices[p], (const char *const *) q->choices, -1));
                  problem (C, LIMBER_PROBLEM_UNKNOWN_CHOICE, item->line, "item",
                           "choice=\"%s\" is not a choice of question \"%s\"; expected one of: %s%s",
                           item->point_choices[p], q->id, choices, hint);
                }
              else
                g_array_index (item->points, double, ci) = item->point_values[p];
            }
        }
      for (guint k = 0; k < s->subscales->len; k++)
        {
          LimberSubscale *sub = g_ptr_array_index (s->subscales, k);
          for (guint j = 0; j < k; j++)
            if (g_str_equal (((LimberSubscale *) g_ptr_array_index (s->subscales, j))->id, sub->id))
              problem (C, LIMBER_PROBLEM_DUPLICATE, sub->line, "subscale",
                       "id=\"%s\": duplicate subscale id; expected each once", sub->id);
          for (char **qid = sub->item_questions; *qid; qid++)
            {
              guint found = G_MAXUINT;
              for (guint j = 0; j < s->items->len; j++)
                if (g_str_equal (((LimberScoreItem *) g_ptr_array_index (s->items, j))->question, *qid))
                  found = j;
              if (found == G_MAXUINT)
                problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, sub->line, "subscale",
                         "item-ref question=\"%s\" is not an item of score \"%s\"; expected "
                         "one of its <item> questions", *qid, s->id);
              else
                g_array_append_val (sub->items, found);
            }
        }
      for (guint k = 0; k < s->categories->len; k++)
        {
          LimberCategory *cat = g_ptr_array_index (s->categories, k);
          for (guint j = 0; j < k; j++)
            if (g_str_equal (((LimberCategory *) g_ptr_array_index (s->categories, j))->id, cat->id))
              problem (C, LIMBER_PROBLEM_DUPLICATE, cat->line, "category",
                       "id=\"%s\": duplicate category id; expected each once", cat->id);
          check_bounds (C, cat->has_total_at_least, cat->total_at_least, cat->has_total_at_most,
                        cat->total_at_most, cat->line, "category", "total-at-least", "total-at-most");
          for (guint b = 0; b < cat->bounds->len; b++)
            {
              LimberSubscaleBound *bound = g_ptr_array_index (cat->bounds, b);
              for (guint j = 0; j < s->subscales->len; j++)
                if (g_str_equal (((LimberSubscale *) g_ptr_array_index (s->subscales, j))->id, bound->ref))
                  bound->subscale_index = (int) j;
              if (bound->subscale_index < 0)
                {
                  g_autofree char *hint = limber_suggest_hint (
                      limber_suggest_among_ids (bound->ref, s->subscales, G_STRUCT_OFFSET (LimberSubscale, id)));
                  problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, bound->line, "subscale-bound",
                           "ref=\"%s\": not a subscale of score \"%s\"; expected one of its <subscale> ids%s",
                           bound->ref, s->id, hint);
                }
              if (!bound->has_at_least && !bound->has_at_most)
                problem (C, LIMBER_PROBLEM_MISSING_FIELD, bound->line, "subscale-bound",
                         "no bound; expected at-least= or at-most=");
              check_bounds (C, bound->has_at_least, bound->at_least, bound->has_at_most, bound->at_most,
                            bound->line, "subscale-bound", "at-least", "at-most");
            }
          gboolean bounded = cat->has_total_at_least || cat->has_total_at_most || cat->bounds->len > 0;
          if (k == s->categories->len - 1 && bounded)
            problem (C, LIMBER_PROBLEM_CONFLICT, cat->line, "category",
                     "id=\"%s\": the last category of score \"%s\" has bounds, so some "
                     "answers would fall in no category; expected the last category without bounds (the fallback)",
                     cat->id, s->id);
        }
    }
}

static void
check_templates (Checker *C)
{
  LimberRuleset *rs = C->rs;
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      LimberTemplate *t = &rs->templates[g];
      const char *goal = limber_goal_to_string ((LimberGoal) g);
      if (t->line < 0)
        problem (C, LIMBER_PROBLEM_DUPLICATE, -t->line, "template",
                 "goal=\"%s\": a second template for this goal; expected one per goal", goal);
      if (rs->goal_declared[g] && !t->present)
        problem (C, LIMBER_PROBLEM_NO_EFFECT, 1, "templates",
                 "goal \"%s\" is declared but has no <template>; expected one template per goal",
                 goal);
      if (!t->present)
        continue;
      if (!rs->goal_declared[g])
        problem (C, LIMBER_PROBLEM_UNKNOWN_GOAL, ABS (t->line), "template",
                 "goal=\"%s\" is not declared in <goals>; expected a declared goal",
                 goal);
      if (t->routine != NULL)
        {
          check_cite (C, t->routine_cite, t->routine_line, "routine");
          t->routine_index = g_array_new (FALSE, FALSE, sizeof (guint));
          for (char **id = t->routine; *id; id++)
            {
              int index = limber_ruleset_index_of (rs->exercise_index, *id);
              if (index < 0)
                {
                  g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (*id, rs->exercise_index));
                  problem (C, LIMBER_PROBLEM_UNKNOWN_EXERCISE, t->routine_line, "routine",
                           "exercises: \"%s\" is not an exercise; expected ids declared in <exercises>%s", *id, hint);
                }
              else
                {
                  guint u = (guint) index;
                  for (guint k = 0; k < t->routine_index->len; k++)
                    if (g_array_index (t->routine_index, guint, k) == u)
                      problem (C, LIMBER_PROBLEM_DUPLICATE, t->routine_line, "routine",
                               "exercises: \"%s\" twice; expected each move once",
                               *id);
                  g_array_append_val (t->routine_index, u);
                }
            }
        }
      double total = 0;
      for (guint i = 0; i < t->slots->len; i++)
        {
          LimberSlot *slot = g_ptr_array_index (t->slots, i);
          total += slot->share;
          for (guint j = 0; j < i; j++)
            if (g_str_equal (((LimberSlot *) g_ptr_array_index (t->slots, j))->id, slot->id))
              problem (C, LIMBER_PROBLEM_DUPLICATE, slot->line, "slot",
                       "id=\"%s\": twice in the %s template; expected each slot once", slot->id,
                       goal);
          gboolean filled = FALSE;
          for (char **tag = slot->tags; *tag; tag++)
            filled |= g_hash_table_contains (C->tags, *tag);
          if (!filled)
            problem (C, LIMBER_PROBLEM_NO_EFFECT, slot->line, "slot",
                     "id=\"%s\": no exercise carries any of its tags, so it can never be "
                     "filled; expected tags used by the catalogue", slot->id);
        }
      if (fabs (total - 1.0) > 0.001)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, ABS (t->line), "template",
                 "goal=\"%s\": slot shares add up to %g; expected 1", goal, total);
    }
}

/* Exercise i under key in one of the checker's indexes (once, however
 * often the exercise names it). */
static void
add_member (GHashTable *index, const char *key, guint i)
{
  GArray *members = g_hash_table_lookup (index, key);
  if (members == NULL)
    {
      members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, (gpointer) key, members);
    }
  if (members->len == 0 || g_array_index (members, guint, members->len - 1) != i)
    g_array_append_val (members, i);
}

static void
check_exercises (Checker *C)
{
  LimberRuleset *rs = C->rs;
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      index_id (C, rs->exercise_index, e->id, i, e->line, "exercise", "exercise");
      for (char **t = e->tags; *t; t++)
        add_member (C->tags, *t, i);
      for (char **r = e->regions; *r; r++)
        add_member (C->regions, *r, i);
      add_member (C->positions, limber_position_to_string (e->position), i);
    }
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      check_cite (C, e->ladder_cite, e->ladder_line, "ladder");
      if (e->ladder->len == 0)
        problem (C, LIMBER_PROBLEM_MISSING_FIELD, e->ladder_line, "ladder",
                 "exercise \"%s\" has an empty ladder; expected at least one <step>",
                 e->id);
      if (e->fill_up_to > e->ladder->len)
        problem (C, LIMBER_PROBLEM_OUT_OF_RANGE, e->ladder_line, "ladder",
                 "exercise \"%s\": fill-up-to=\"%u\" is past its %u steps; expected at most "
                 "%u", e->id, e->fill_up_to, e->ladder->len, e->ladder->len);
      for (guint s = 0; s < e->ladder->len; s++)
        {
          LimberDose *d = &g_array_index (e->ladder, LimberDose, s);
          if ((d->reps > 0) == (d->duration_s > 0))
            problem (C, LIMBER_PROBLEM_CONFLICT, e->ladder_line, "ladder",
                     "exercise \"%s\" step %u: %s; expected reps= (with or without "
                     "hold=) or duration=",
                     e->id, s + 1, d->reps > 0 ? "both reps= and duration=" : "no reps= and no duration=");
          if (d->hold_s > 0 && d->duration_s > 0)
            problem (C, LIMBER_PROBLEM_CONFLICT, e->ladder_line, "ladder",
                     "exercise \"%s\" step %u: hold= with duration=; expected hold= "
                     "only with reps=", e->id, s + 1);
        }
      for (guint k = 0; k < e->targets->len; k++)
        {
          LimberExerciseTarget *t = &g_array_index (e->targets, LimberExerciseTarget, k);
          const char *el = t->stretches ? "stretches" : "moves";
          if (resolve_measure (C, t->measure, &t->measure_index, t->line, el) == NULL)
            continue;
          for (guint j = 0; j < k; j++)
            if (g_array_index (e->targets, LimberExerciseTarget, j).measure_index == t->measure_index)
              problem (C, LIMBER_PROBLEM_DUPLICATE, t->line, el,
                       "measure=\"%s\" named twice for exercise \"%s\"; expected each measure once",
                       t->measure, e->id);
        }
      if (e->contraindications != NULL)
        check_cond (C, e->contraindications);
      for (guint v = 0; v < e->variants->len; v++)
        {
          LimberVariant *var = g_ptr_array_index (e->variants, v);
          var->index = limber_ruleset_index_of (rs->exercise_index, var->ref);
          if (var->index < 0)
            {
              g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (var->ref, rs->exercise_index));
              problem (C, LIMBER_PROBLEM_UNKNOWN_EXERCISE, var->line, "variant",
                       "ref=\"%s\": unknown exercise; expected an id declared in <exercises>%s", var->ref, hint);
            }
          else if (var->index == (int) i)
            problem (C, LIMBER_PROBLEM_CONFLICT, var->line, "variant",
                     "ref=\"%s\": an exercise cannot be its own variant; expected another "
                     "exercise", var->ref);
        }
    }
}

/* The measure a rule's reason reads its values from: the first deficit,
 * asymmetry or trend condition of <when>, depth first. */
static int
first_measure (const LimberCond *c)
{
  if (c == NULL)
    return -1;
  if ((c->kind == COND_DEFICIT || c->kind == COND_ASYMMETRY) && c->index >= 0)
    return c->index;
  for (guint i = 0; c->children && i < c->children->len; i++)
    {
      int m = first_measure (g_ptr_array_index (c->children, i));
      if (m >= 0)
        return m;
    }
  return -1;
}

/* Every {placeholder} of a reason must be one the engine fills, and the
 * measure ones need a measure to read. */
static void
check_reason (Checker *C, LimberRule *r)
{
  r->reason_measure = first_measure (r->when);
  for (const char *p = strchr (r->reason, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *end = strchr (p, '}');
      if (end == NULL)
        {
          problem (C, LIMBER_PROBLEM_MISSING_FIELD, r->reason_line, "reason",
                   "rule \"%s\": a '{' without its '}'; expected {name} placeholders",
                   r->id);
          return;
        }
      g_autofree char *name = g_strndup (p + 1, (gsize) (end - p - 1));
      int kind = limber_reason_placeholder (name);
      if (kind < 0)
        problem (C, LIMBER_PROBLEM_UNKNOWN_REFERENCE, r->reason_line, "reason",
                 "rule \"%s\": unknown placeholder {%s}; expected one of %s", r->id, name,
                 LIMBER_REASON_PLACEHOLDERS);
      else if (kind == 1 && r->reason_measure < 0)
        problem (C, LIMBER_PROBLEM_NO_EFFECT, r->reason_line, "reason",
                 "rule \"%s\": {%s} reads a measure, but <when> has no deficit or "
                 "asymmetry condition; expected one, or no measure placeholder", r->id, name);
    }
}

static void
check_rules (Checker *C)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < C->rs->rules->len; i++)
    {
      LimberRule *r = g_ptr_array_index (C->rs->rules, i);
      index_id (C, ids, r->id, i, r->line, "rule", "rule");
      check_cite (C, r->cite, r->line, "rule");
      if (r->when != NULL)
        check_cond (C, r->when);
      if (r->reason != NULL)
        check_reason (C, r);
      for (guint a = 0; a < r->actions->len; a++)
        check_action (C, g_ptr_array_index (r->actions, a));
    }
}

gboolean
limber_ruleset_check (LimberRuleset *rs, const char *source, gsize length, LimberReport *report)
{
  Checker C = {
    .rs = rs,
    .source = source,
    .length = length,
    .report = report,
    .sources = g_hash_table_new (g_str_hash, g_str_equal),
    .flags = g_hash_table_new (g_str_hash, g_str_equal),
    .scores = g_hash_table_new (g_str_hash, g_str_equal),
    .tags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref),
    .regions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref),
    .positions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref),
    .by_measure = g_new0 (GArray *, MAX (2 * rs->measures->len, 1)),
  };
  guint before = limber_report_count (report);

  for (guint i = 0; i < rs->sources->len; i++)
    {
      LimberSource *s = g_ptr_array_index (rs->sources, i);
      index_id (&C, C.sources, s->id, i, s->line, "source", "source");
    }
  check_cite (&C, rs->progression.cite, rs->progression.line, "progression");
  check_cite (&C, rs->safety_cite, rs->safety_line, "safety");
  if (rs->progression.safe_max > rs->progression.acceptable_max || rs->progression.acceptable_max > 10)
    problem (&C, LIMBER_PROBLEM_OUT_OF_RANGE, rs->progression.line, "progression",
             "safe-max=\"%g\", acceptable-max=\"%g\"; expected safe-max <= acceptable-max <= 10",
             rs->progression.safe_max, rs->progression.acceptable_max);

  check_measures (&C);
  check_questions (&C);
  check_red_flags (&C);
  check_scores (&C);
  check_exercises (&C);
  check_templates (&C);
  check_rules (&C);

  g_hash_table_unref (C.sources);
  g_hash_table_unref (C.flags);
  g_hash_table_unref (C.scores);
  g_hash_table_unref (C.tags);
  g_hash_table_unref (C.regions);
  g_hash_table_unref (C.positions);
  for (guint k = 0; k < 2 * rs->measures->len; k++)
    if (C.by_measure[k] != NULL)
      g_array_unref (C.by_measure[k]);
  g_free (C.by_measure);
  return limber_report_count (report) == before;
}
