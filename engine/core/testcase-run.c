/*
 * Running a rule test case: the case's profile through limber_generate()
 * for the plan a person would get, and through a trace (trace.c) for what
 * the plan cannot show (the weight, dose and exclusions of exercises the
 * week's draws did not pick), then every expectation judged against them.
 *
 * A failure says what happened, what was expected, and why it happened: the
 * exercise's explanation, or the rule's condition with what held, so that a
 * broken rule set points at its cause rather than at a symptom.
 */
#include "testcase-private.h"

#include "error-private.h"
#include "suggest.h"

#include <math.h>
#include <string.h>

#include "condition.h"
#include "limber/autocleanups.h"
#include "limber/error.h"
#include "trace.h"

#define SEP "\037"

/* ---- results ------------------------------------------------------------------ */

static void
failure_free (gpointer data)
{
  LimberTestFailure *f = data;
  g_free (f->check);
  g_free (f->message);
  g_free (f->expected);
  g_free (f->actual);
  g_ptr_array_unref (f->trace);
  g_free (f);
}

LimberTestResult *
limber_test_result_alloc (const char *name, const char *file)
{
  LimberTestResult *r = g_new0 (LimberTestResult, 1);
  r->name = g_strdup (name);
  r->file = g_strdup (file);
  r->failures = g_ptr_array_new_with_free_func (failure_free);
  return r;
}

LimberTestFailure *
limber_test_result_add_failure (LimberTestResult *r, int line, const char *check, const char *expected,
                                const char *actual, GPtrArray *trace)
{
  LimberTestFailure *f = g_new0 (LimberTestFailure, 1);
  f->line = line;
  f->check = g_strdup (check ? check : "");
  f->expected = g_strdup (expected);
  f->actual = g_strdup (actual);
  f->trace = trace ? trace : g_ptr_array_new_with_free_func (g_free);
  if (line > 0)
    f->message = g_strdup_printf ("%s:%d: %s: %s; expected %s", r->file, line, f->check, actual, expected);
  else
    f->message = g_strdup (actual);
  g_ptr_array_add (r->failures, f);
  return f;
}

void
limber_test_result_free (LimberTestResult *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r->file);
  g_ptr_array_unref (r->failures);
  limber_plan_free (r->plan);
  g_free (r);
}

LimberTestResult *
limber_test_result_new_error (const LimberTestCase *tc, const char *file, const GError *error)
{
  g_return_val_if_fail (tc != NULL || file != NULL, NULL);
  g_autofree char *name = NULL;
  if (tc == NULL)
    {
      name = g_path_get_basename (file);
      if (g_str_has_suffix (name, ".xml"))
        name[strlen (name) - 4] = '\0';
    }
  LimberTestResult *r = limber_test_result_alloc (tc ? tc->name : name, tc ? tc->file : file);
  r->errored = TRUE;
  limber_test_result_add_failure (r, 0, NULL, "a case that loads and runs",
                                  error ? error->message : "the case could not be run", NULL);
  return r;
}

const char *
limber_test_result_get_name (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);
  return r->name;
}

const char *
limber_test_result_get_file (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);
  return r->file;
}

gboolean
limber_test_result_get_passed (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, FALSE);
  return !r->errored && r->failures->len == 0;
}

gboolean
limber_test_result_get_errored (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, FALSE);
  return r->errored;
}

unsigned
limber_test_result_get_n_checks (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, 0);
  return r->n_checks;
}

unsigned
limber_test_result_get_n_failures (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, 0);
  return r->failures->len;
}

const LimberTestFailure *
limber_test_result_get_failure (const LimberTestResult *r, unsigned index)
{
  g_return_val_if_fail (r != NULL, NULL);
  return index < r->failures->len ? g_ptr_array_index (r->failures, index) : NULL;
}

char *
limber_test_result_get_message (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < r->failures->len; i++)
    g_string_append_printf (out, "%s%s", i ? "\n" : "", ((LimberTestFailure *) g_ptr_array_index (r->failures, i))->message);
  return g_string_free (out, FALSE);
}

const LimberPlan *
limber_test_result_get_plan (const LimberTestResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);
  return r->plan;
}

int
limber_test_failure_get_line (const LimberTestFailure *f)
{
  g_return_val_if_fail (f != NULL, 0);
  return f->line;
}

const char *
limber_test_failure_get_check (const LimberTestFailure *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->check;
}

const char *
limber_test_failure_get_message (const LimberTestFailure *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->message;
}

const char *
limber_test_failure_get_expected (const LimberTestFailure *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->expected;
}

const char *
limber_test_failure_get_actual (const LimberTestFailure *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->actual;
}

unsigned
limber_test_failure_get_n_trace (const LimberTestFailure *f)
{
  g_return_val_if_fail (f != NULL, 0);
  return f->trace->len;
}

const char *
limber_test_failure_get_trace (const LimberTestFailure *f, unsigned index)
{
  g_return_val_if_fail (f != NULL, NULL);
  return index < f->trace->len ? g_ptr_array_index (f->trace, index) : NULL;
}

/* ---- the ids a case names must exist in the rule set ------------------------- */

static int
index_by_id (GPtrArray *array, gsize id_offset, const char *id)
{
  for (guint i = 0; id != NULL && i < array->len; i++)
    if (g_strcmp0 (G_STRUCT_MEMBER (const char *, g_ptr_array_index (array, i), id_offset), id) == 0)
      return (int) i;
  return -1;
}

static int
rule_index (const LimberRuleset *rs, const char *id)
{
  return index_by_id (rs->rules, G_STRUCT_OFFSET (LimberRule, id), id);
}

static int
flag_index (const LimberRuleset *rs, const char *id)
{
  return index_by_id (rs->red_flags, G_STRUCT_OFFSET (LimberRedFlag, id), id);
}

static int
score_index (const LimberRuleset *rs, const char *id)
{
  return index_by_id (rs->scores, G_STRUCT_OFFSET (LimberScore, id), id);
}

static gboolean
in_target (const LimberExercise *e, LimberTargetKind kind, const char *id)
{
  switch (kind)
    {
    case TARGET_EXERCISE: return g_strcmp0 (e->id, id) == 0;
    case TARGET_TAG: return g_strv_contains ((const char *const *) e->tags, id);
    case TARGET_REGION: return g_strv_contains ((const char *const *) e->regions, id);
    case TARGET_POSITION: return g_strcmp0 (limber_position_to_string (e->position), id) == 0;
    case TARGET_MEASURE: return limber_exercise_has_target (e, id, TRUE);
    }
  return FALSE;
}

/* The catalogue indexes of the exercises a target names. */
static GArray *
members (const LimberRuleset *rs, LimberTargetKind kind, const char *id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < rs->exercises->len; i++)
    if (in_target (g_ptr_array_index (rs->exercises, i), kind, id))
      g_array_append_val (out, i);
  return out;
}

/* The engine steps that explain items besides rules (evaluate.c, dose.c,
 * schedule.c). */
static const char *const engine_steps[] = {
  "catalogue", "constraint", "contraindication", "ladder", "progression", "dose", "selection", "composer", NULL,
};

/* code: the problem's kind, a LIMBER_PROBLEM_* (limber/error.h) */
static void G_GNUC_PRINTF (5, 6)
unknown (LimberReport *errors, const char *code, const LimberTestCase *tc, const LimberExpect *x, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_autofree char *full = g_strdup_printf ("%s:%d: %s: %s", tc->file, x->line, x->element, text);
  limber_report_add (errors, code, full, tc->file, (unsigned) MAX (x->line, 0), 0, x->element, text);
}

static gboolean
resolve (const LimberTestCase *tc, const LimberRuleset *rs, GError **error)
{
  static const char *const targets[] = { "exercise", "tag", "region", "position", "measure" };
  g_autoptr (LimberReport) errors = limber_report_new ();
  for (guint i = 0; i < tc->expects->len; i++)
    {
      const LimberExpect *x = g_ptr_array_index (tc->expects, i);
      switch (x->kind)
        {
        case EXPECT_SCREENING:
          if (x->id != NULL && limber_ruleset_index_of (rs->question_index, x->id) < 0)
            {
              g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (x->id, rs->question_index));
              unknown (errors, LIMBER_PROBLEM_UNKNOWN_QUESTION, tc, x,
                       "unknown question \"%s\"; expected a question id of rule set %s%s", x->id, rs->id, hint);
            }
          break;
        case EXPECT_REFERRAL:
        case EXPECT_FLAG:
          if (x->id != NULL && flag_index (rs, x->id) < 0)
            {
              g_autofree char *hint = limber_suggest_hint (
                  limber_suggest_among_ids (x->id, rs->red_flags, G_STRUCT_OFFSET (LimberRedFlag, id)));
              unknown (errors, LIMBER_PROBLEM_UNKNOWN_REFERENCE, tc, x,
                       "unknown red flag \"%s\"; expected a red-flag id of rule set %s%s", x->id, rs->id, hint);
            }
          break;
        case EXPECT_SCORE:
          {
            int s = score_index (rs, x->id);
            if (s < 0)
              {
                g_autofree char *hint = limber_suggest_hint (
                    limber_suggest_among_ids (x->id, rs->scores, G_STRUCT_OFFSET (LimberScore, id)));
                unknown (errors, LIMBER_PROBLEM_UNKNOWN_REFERENCE, tc, x,
                         "unknown score \"%s\"; expected a score id of rule set %s%s", x->id, rs->id, hint);
                break;
              }
            const LimberScore *score = g_ptr_array_index (rs->scores, s);
            if (x->value != NULL && index_by_id (score->categories, G_STRUCT_OFFSET (LimberCategory, id), x->value) < 0)
              unknown (errors, LIMBER_PROBLEM_UNKNOWN_REFERENCE, tc, x,
                       "\"%s\" is not a category of score %s; expected one of its <category> ids",
                       x->value, score->id);
            break;
          }
        case EXPECT_FIRED:
        case EXPECT_NOT_FIRED:
          if (rule_index (rs, x->id) < 0)
            {
              g_autofree char *hint
                  = limber_suggest_hint (limber_suggest_among_ids (x->id, rs->rules, G_STRUCT_OFFSET (LimberRule, id)));
              unknown (errors, LIMBER_PROBLEM_UNKNOWN_REFERENCE, tc, x,
                       "unknown rule \"%s\"; expected a rule id of rule set %s%s", x->id, rs->id, hint);
            }
          break;
        case EXPECT_INCLUDED:
        case EXPECT_EXCLUDED:
        case EXPECT_ALLOWED:
          {
            g_autoptr (GArray) m = members (rs, x->target, x->id);
            if (m->len == 0)
              unknown (errors, LIMBER_PROBLEM_NO_EFFECT, tc, x,
                       "%s \"%s\" matches no exercise; expected %s of rule set %s", targets[x->target],
                       x->id, x->target == TARGET_EXERCISE   ? "an exercise id"
                       : x->target == TARGET_MEASURE ? "a measure some exercise has as its primary target"
                                                     : "a value some exercise has", rs->id);
            if (x->kind == EXPECT_EXCLUDED && x->value != NULL && rule_index (rs, x->value) < 0
                && g_strcmp0 (x->value, "contraindication") != 0 && g_strcmp0 (x->value, "constraint") != 0)
              unknown (errors, LIMBER_PROBLEM_UNKNOWN_REFERENCE, tc, x,
                       "by=\"%s\": unknown rule; expected a rule id, contraindication or constraint",
                       x->value);
            break;
          }
        case EXPECT_WEIGHT:
        case EXPECT_DOSE:
        case EXPECT_EMPHASIS:
        case EXPECT_WHY:
          if (limber_ruleset_index_of (rs->exercise_index, x->id) < 0)
            {
              g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (x->id, rs->exercise_index));
              unknown (errors, LIMBER_PROBLEM_UNKNOWN_EXERCISE, tc, x,
                       "unknown exercise \"%s\"; expected an exercise id of rule set %s%s", x->id, rs->id, hint);
            }
          if (x->kind == EXPECT_WHY && x->value != NULL && rule_index (rs, x->value) < 0
              && !g_strv_contains (engine_steps, x->value))
            unknown (errors, LIMBER_PROBLEM_UNKNOWN_REFERENCE, tc, x,
                     "rule=\"%s\": unknown rule; expected a rule id or an engine step (catalogue, "
                     "constraint, contraindication, ladder, progression, dose, selection)", x->value);
          break;
        default:
          break;
        }
    }
  if (limber_report_count (errors) == 0)
    return TRUE;
  limber_report_set_error (errors, error, LIMBER_ERROR_SEMANTIC);
  return FALSE;
}

/* ---- judging ----------------------------------------------------------------- */

typedef struct {
  const LimberTestCase *tc;
  const LimberRuleset *rs;
  const LimberPlan *plan;
  const LimberTrace *trace;
  LimberTestResult *result;
} Run;

static GPtrArray *
strings (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void G_GNUC_PRINTF (4, 5)
fail (Run *R, const LimberExpect *x, GPtrArray *trace, const char *fmt, ...)
{
  /* fmt gives the actual value, SEP, the expected one: SEP (a control
   * character XML text cannot hold) never occurs in either */
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_auto (GStrv) parts = g_strsplit (text, SEP, 2);
  limber_test_result_add_failure (R->result, x->line, x->element, parts[1] ? parts[1] : "", parts[0], trace);
}

static gboolean
bounds_hold (const LimberExpect *x, double v)
{
  /* a hair of tolerance: weights are products of decimals written in XML */
  const double eps = 1e-9 * MAX (1.0, fabs (v));
  if (x->has_is && fabs (v - x->is) > eps)
    return FALSE;
  return (!x->has_at_least || v >= x->at_least - eps) && (!x->has_at_most || v <= x->at_most + eps);
}

static char *
bounds_text (const LimberExpect *x)
{
  if (x->has_is)
    return g_strdup_printf ("%g", x->is);
  if (x->has_at_least && x->has_at_most)
    return g_strdup_printf ("%g to %g", x->at_least, x->at_most);
  return x->has_at_least ? g_strdup_printf ("at least %g", x->at_least) : g_strdup_printf ("at most %g", x->at_most);
}

/* plan_has() and join() take a GPtrArray or a plan's list (pdata, len) */
static gboolean
strings_have (gpointer const *strings, guint n, const char *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (strings[i], id) == 0)
      return TRUE;
  return FALSE;
}
#define plan_has(list, id) strings_have ((list)->pdata, (list)->len, (id))

static char *
strings_join (gpointer const *strings, guint n, const char *none)
{
  if (n == 0)
    return g_strdup (none);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", (const char *) strings[i]);
  return g_string_free (out, FALSE);
}
#define join(list, none) strings_join ((list)->pdata, (list)->len, (none))

/* The red flags a profile triggered, with their outcomes, and the referral. */
static GPtrArray *
screening_trace (Run *R)
{
  GPtrArray *out = strings ();
  const LimberFacts *f = R->trace->facts;
  for (guint i = 0; i < R->rs->red_flags->len; i++)
    if (f->flags[i])
      {
        const LimberRedFlag *flag = g_ptr_array_index (R->rs->red_flags, i);
        g_ptr_array_add (out, g_strdup_printf ("red flag %s (%s:%d): %s, triggered by %s", flag->id, R->rs->name,
                                               flag->line, limber_outcome_to_string (flag->outcome),
                                               flag->on_history ? "the logged history" : flag->question));
      }
  if (out->len == 0)
    g_ptr_array_add (out, g_strdup ("no red flag triggered"));
  if (R->plan->referral_message)
    g_ptr_array_add (out, g_strdup_printf ("referral message: %s", R->plan->referral_message));
  return out;
}

static GPtrArray *
rule_trace (Run *R, const LimberRule *rule)
{
  GPtrArray *out = strings ();
  g_autofree char *when = limber_cond_describe (R->rs, rule->when);
  g_ptr_array_add (out, g_strdup_printf ("rule %s (%s:%d): when %s", rule->id, R->rs->name, rule->line, when));
  if (R->trace->selection == NULL)
    g_ptr_array_add (out, g_strdup_printf ("the plan is a referral (%s): no rule is evaluated",
                                           limber_outcome_to_string (R->plan->outcome)));
  limber_trace_explain_cond (R->trace, rule->when, out);
  return out;
}

/* Which rules or engine steps excluded an exercise, from its explanation. */
static GPtrArray *
excluders (const LimberChoice *c)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr (GArray) why = g_array_new (FALSE, FALSE, sizeof (LimberWhy));
  limber_selection_reasons (c->owner, c->index, why);
  for (guint k = 0; k < why->len; k++)
    {
      const LimberWhy *w = &g_array_index (why, LimberWhy, k);
      if (g_str_has_prefix (w->fmt, "excluded") && !plan_has (out, w->rule))
        g_ptr_array_add (out, (gpointer) w->rule);
    }
  return out;
}

/* The days (dates) of the plan an exercise is on. */
static GPtrArray *
days_with (const LimberPlan *plan, const LimberExercise *e)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint d = 0; d < plan->days->len; d++)
    {
      LimberDay *day = g_ptr_array_index (plan->days, d);
      for (guint k = 0; k < day->items->len; k++)
        if (((LimberItem *) g_ptr_array_index (day->items, k))->exercise == e)
          {
            g_ptr_array_add (out, day->date);
            break;
          }
    }
  return out;
}

static unsigned
training_days (const LimberPlan *plan)
{
  unsigned n = 0;
  for (guint d = 0; d < plan->days->len; d++)
    n += !((LimberDay *) g_ptr_array_index (plan->days, d))->rest;
  return n;
}

/* "excluded by caution-sciatica, contraindication" or "allowed, weight 1.8". */
static char *
state_of (Run *R, guint i)
{
  const LimberExercise *e = g_ptr_array_index (R->rs->exercises, i);
  if (R->trace->selection == NULL)
    return g_strdup_printf ("%s has no state: the plan is a referral", e->id);
  const LimberChoice *c = &R->trace->selection->choices[i];
  g_autoptr (GPtrArray) by = excluders (c);
  g_autoptr (GPtrArray) days = days_with (R->plan, e);
  if (c->excluded)
    {
      g_autofree char *who = join (by, "?");
      return g_strdup_printf ("%s is excluded by %s", e->id, who);
    }
  return g_strdup_printf ("%s is %s, weight %g, on %u of %u training days", e->id, c->required ? "required" : "allowed",
                          c->weight, days->len, training_days (R->plan));
}

static GPtrArray *
exercise_trace (Run *R, guint i)
{
  GPtrArray *out = limber_trace_why (R->trace, i);
  if (R->trace->selection == NULL)
    {
      g_ptr_array_unref (out);
      return screening_trace (R);
    }
  const LimberExercise *e = g_ptr_array_index (R->rs->exercises, i);
  g_autoptr (GPtrArray) days = days_with (R->plan, e);
  g_autofree char *on = join (days, "no day");
  g_ptr_array_add (out, g_strdup_printf ("plan: on %s", on));
  return out;
}

static void
check_status (Run *R, const LimberExpect *x)
{
  const char *actual = limber_plan_status_to_string (R->plan->status);
  if (g_strcmp0 (actual, x->value) != 0)
    {
      GPtrArray *trace = screening_trace (R);
      if (R->plan->no_exercises_message != NULL)
        g_ptr_array_add (trace, g_strdup_printf ("no exercises: %s", R->plan->no_exercises_message));
      fail (R, x, trace, "status is %s" SEP "status %s", actual, x->value);
    }
}

/* Whether the questions a stopping red flag hangs on were all answered, and
 * which were not. */
static void
check_screening (Run *R, const LimberExpect *x)
{
  const LimberPlanList *missing = R->plan->unanswered;
  g_autofree char *list = join ((GPtrArray *) missing, "none");
  GPtrArray *trace = strings ();
  g_ptr_array_add (trace, g_strdup_printf ("unanswered red-flag questions: %s", list));
  if (x->has_yes && x->yes != (missing->len == 0))
    fail (R, x, trace, "screening is %s (unanswered: %s)" SEP "screening %s", missing->len ? "incomplete" : "complete",
          list, x->yes ? "complete" : "incomplete");
  else if (x->id != NULL && !plan_has ((GPtrArray *) missing, x->id))
    fail (R, x, trace, "%s is not among the unanswered questions (%s)" SEP "%s unanswered", x->id, list, x->id);
  else
    g_ptr_array_unref (trace);
}

static void
check_outcome (Run *R, const LimberExpect *x)
{
  const char *actual = limber_outcome_to_string (R->plan->outcome);
  if (g_strcmp0 (actual, x->value) != 0)
    fail (R, x, screening_trace (R), "outcome is %s" SEP "outcome %s", actual, x->value);
}

static void
check_referral (Run *R, const LimberExpect *x)
{
  if (R->plan->status != LIMBER_PLAN_REFERRAL)
    fail (R, x, screening_trace (R), "the plan is not a referral (status ok)" SEP "a referral");
  else if (x->id && !plan_has (R->plan->referral_flags, x->id))
    {
      g_autofree char *flags = join (R->plan->referral_flags, "none");
      fail (R, x, screening_trace (R), "the referral is for %s" SEP "a referral for red flag %s", flags, x->id);
    }
  else if (x->text && strstr (R->plan->referral_message ? R->plan->referral_message : "", x->text) == NULL)
    fail (R, x, screening_trace (R), "the referral message does not contain \"%s\"" SEP "a message containing \"%s\"",
          x->text, x->text);
}

static void
check_flag (Run *R, const LimberExpect *x)
{
  int i = flag_index (R->rs, x->id);
  gboolean triggered = R->trace->facts->flags[i];
  if (triggered != x->yes)
    {
      const LimberRedFlag *flag = g_ptr_array_index (R->rs->red_flags, i);
      GPtrArray *trace = screening_trace (R);
      if (flag->on_history)
        {
          double value;
          gboolean known = limber_history_fact_value (&R->trace->facts->history, flag->history_fact, &value);
          g_ptr_array_add (trace, g_strdup_printf ("red flag %s (%s:%d) triggers when the history fact is at least %g",
                                                   flag->id, R->rs->name, flag->line, flag->at_least));
          g_ptr_array_add (trace, known ? g_strdup_printf ("history fact: %g", value)
                                        : g_strdup ("history fact: no session logged"));
          fail (R, x, trace, "red flag %s was %s" SEP "red flag %s %s", x->id, triggered ? "triggered" : "not triggered",
                x->id, x->yes ? "triggered" : "not triggered");
          return;
        }
      const LimberAnswerFact *a = &R->trace->facts->answers[flag->question_index];
      const LimberQuestion *q = g_ptr_array_index (R->rs->questions, flag->question_index);
      g_ptr_array_add (trace, flag->has_at_least
                                ? g_strdup_printf ("red flag %s (%s:%d) triggers when %s is at least %g", flag->id,
                                                   R->rs->name, flag->line, q->id, flag->at_least)
                                : g_strdup_printf ("red flag %s (%s:%d) triggers when %s is %s", flag->id, R->rs->name,
                                                   flag->line, q->id, flag->is));
      if (!a->present)
        g_ptr_array_add (trace, g_strdup_printf ("answer %s: not answered", q->id));
      else if (q->kind == LIMBER_QUESTION_YES_NO)
        g_ptr_array_add (trace, g_strdup_printf ("answer %s: %s", q->id, a->value > 0 ? "yes" : "no"));
      else if (q->kind == LIMBER_QUESTION_CHOICE)
        g_ptr_array_add (trace, g_strdup_printf ("answer %s: %s", q->id, q->choices[(int) a->value]));
      else
        g_ptr_array_add (trace, g_strdup_printf ("answer %s: %g", q->id, a->value));
      fail (R, x, trace, "red flag %s was %s" SEP "red flag %s %s", x->id, triggered ? "triggered" : "not triggered", x->id,
            x->yes ? "triggered" : "not triggered");
    }
}

static void
check_score (Run *R, const LimberExpect *x)
{
  int s = score_index (R->rs, x->id);
  const LimberScore *score = g_ptr_array_index (R->rs->scores, s);
  const LimberScoreFact *sf = &R->trace->facts->scores[s];
  const char *category = sf->category >= 0 ? ((LimberCategory *) g_ptr_array_index (score->categories, sf->category))->id
                                           : "none (incomplete)";
  GString *sub = g_string_new (NULL);
  for (guint k = 0; k < score->subscales->len; k++)
    g_string_append_printf (sub, ", %s %g", ((LimberSubscale *) g_ptr_array_index (score->subscales, k))->id,
                            sf->subscales[k]);
  g_autofree char *subscales = g_string_free (sub, FALSE);
  g_autofree char *actual = g_strdup_printf ("score %s: category %s, total %g%s, %u of %u items answered", score->id,
                                             category, sf->total, subscales, sf->answered, score->items->len);
  GPtrArray *trace = strings ();
  g_ptr_array_add (trace, g_strdup_printf ("score %s (%s:%d): %s", score->id, R->rs->name, score->line, actual + 6));
  for (guint c = 0; c < score->categories->len; c++)
    {
      const LimberCategory *cat = g_ptr_array_index (score->categories, c);
      GString *b = g_string_new (NULL);
      if (cat->has_total_at_least)
        g_string_append_printf (b, " total >= %g", cat->total_at_least);
      if (cat->has_total_at_most)
        g_string_append_printf (b, " total <= %g", cat->total_at_most);
      for (guint k = 0; k < cat->bounds->len; k++)
        {
          const LimberSubscaleBound *bound = g_ptr_array_index (cat->bounds, k);
          if (bound->has_at_least)
            g_string_append_printf (b, " %s >= %g", bound->ref, bound->at_least);
          if (bound->has_at_most)
            g_string_append_printf (b, " %s <= %g", bound->ref, bound->at_most);
        }
      g_autofree char *text = g_string_free (b, FALSE);
      g_ptr_array_add (trace, g_strdup_printf ("category %s (%s:%d):%s", cat->id, R->rs->name, cat->line,
                                               *text ? text : " otherwise"));
    }
  if (x->value && g_strcmp0 (x->value, category) != 0)
    fail (R, x, trace, "%s" SEP "category %s", actual, x->value);
  else if (x->has_number && fabs (sf->total - x->number) > 1e-9)
    fail (R, x, trace, "%s" SEP "total %g", actual, x->number);
  else if (x->has_yes && sf->complete != x->yes)
    fail (R, x, trace, "%s" SEP "%s", actual, x->yes ? "a complete score" : "an incomplete score");
  else
    g_ptr_array_unref (trace);
}

static void
check_fired (Run *R, const LimberExpect *x)
{
  const LimberRule *rule = g_ptr_array_index (R->rs->rules, rule_index (R->rs, x->id));
  gboolean fired = plan_has (R->plan->fired_rules, x->id);
  gboolean want = x->kind == EXPECT_FIRED;
  if (fired == want)
    return;
  g_autofree char *when = limber_cond_describe (R->rs, rule->when);
  if (want)
    fail (R, x, rule_trace (R, rule), "rule %s did not fire: its condition (%s) did not hold" SEP "rule %s to fire",
          rule->id, when, rule->id);
  else
    fail (R, x, rule_trace (R, rule), "rule %s fired: its condition (%s) held" SEP "rule %s not to fire", rule->id, when,
          rule->id);
}

static void
check_included (Run *R, const LimberExpect *x)
{
  g_autoptr (GArray) m = members (R->rs, x->target, x->id);
  unsigned n_training = 0, n_with = 0;
  for (guint d = 0; d < R->plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (R->plan->days, d);
      if (day->rest)
        continue;
      n_training++;
      gboolean has = FALSE;
      for (guint k = 0; k < day->items->len && !has; k++)
        for (guint j = 0; j < m->len && !has; j++)
          has = ((LimberItem *) g_ptr_array_index (day->items, k))->exercise
                == g_ptr_array_index (R->rs->exercises, g_array_index (m, guint, j));
      n_with += has;
    }
  gboolean ok = x->yes ? n_training > 0 && n_with == n_training : n_with > 0;
  if (ok)
    return;
  const char *what = x->target == TARGET_EXERCISE ? "" : "an exercise with ";
  const char *kind = x->target == TARGET_TAG ? "tag " : x->target == TARGET_REGION ? "region " : x->target == TARGET_POSITION ? "position " : x->target == TARGET_MEASURE ? "primary target " : "";
  GPtrArray *trace;
  if (x->target == TARGET_EXERCISE)
    trace = exercise_trace (R, g_array_index (m, guint, 0));
  else
    {
      trace = strings ();
      for (guint j = 0; j < m->len; j++)
        g_ptr_array_add (trace, state_of (R, g_array_index (m, guint, j)));
    }
  if (R->plan->status == LIMBER_PLAN_REFERRAL)
    fail (R, x, trace, "the plan is a referral, with no exercises" SEP "%s%s%s %s", what, kind, x->id,
          x->yes ? "on every training day" : "on some day");
  else
    fail (R, x, trace, "%s%s%s is on %u of %u training days" SEP "%s%s%s %s", what, kind, x->id, n_with, n_training, what,
          kind, x->id, x->yes ? "on every training day" : "on some day");
}

static void
check_excluded (Run *R, const LimberExpect *x)
{
  g_autoptr (GArray) m = members (R->rs, x->target, x->id);
  if (R->trace->selection == NULL)
    {
      /* a referral excludes everything, and no rule: only a plain exclusion holds */
      if (x->value != NULL)
        fail (R, x, screening_trace (R), "the plan is a referral: nothing is excluded by %s" SEP "an exclusion by %s",
              x->value, x->value);
      return;
    }
  for (guint j = 0; j < m->len; j++)
    {
      guint i = g_array_index (m, guint, j);
      const LimberExercise *e = g_ptr_array_index (R->rs->exercises, i);
      const LimberChoice *c = &R->trace->selection->choices[i];
      g_autoptr (GPtrArray) by = excluders (c);
      g_autofree char *state = state_of (R, i);
      g_autofree char *group = x->target == TARGET_EXERCISE ? g_strdup (e->id)
                                                            : g_strdup_printf ("%s (%s %s)", e->id,
                                                                               x->target == TARGET_TAG ? "tag"
                                                                               : x->target == TARGET_REGION ? "region"
                                                                                                            : "position",
                                                                               x->id);
      if (!c->excluded)
        {
          fail (R, x, exercise_trace (R, i), "%s" SEP "%s excluded%s%s", state, group, x->value ? " by " : "",
                x->value ? x->value : "");
          return;
        }
      if (x->value && !plan_has (by, x->value))
        {
          g_autofree char *who = join (by, "?");
          fail (R, x, exercise_trace (R, i), "%s is excluded by %s, not by %s" SEP "%s excluded by %s", e->id, who,
                x->value, group, x->value);
          return;
        }
    }
}

static void
check_allowed (Run *R, const LimberExpect *x)
{
  g_autoptr (GArray) m = members (R->rs, x->target, x->id);
  if (R->trace->selection == NULL)
    {
      fail (R, x, screening_trace (R), "the plan is a referral, with no exercises" SEP "%s allowed", x->id);
      return;
    }
  for (guint j = 0; j < m->len; j++)
    {
      guint i = g_array_index (m, guint, j);
      const LimberChoice *c = &R->trace->selection->choices[i];
      if (c->excluded || (c->weight <= 0 && !c->required))
        {
          g_autofree char *state = state_of (R, i);
          fail (R, x, exercise_trace (R, i), "%s" SEP "%s allowed (not excluded, weight above 0)", state,
                ((LimberExercise *) g_ptr_array_index (R->rs->exercises, i))->id);
          return;
        }
    }
}

/* The choice of an exercise-level expectation, or NULL after failing it. */
static const LimberChoice *
choice_for (Run *R, const LimberExpect *x, guint *index)
{
  *index = (guint) limber_ruleset_index_of (R->rs->exercise_index, x->id);
  if (R->trace->selection == NULL)
    {
      fail (R, x, screening_trace (R), "the plan is a referral, so %s has no weight or dose" SEP "%s", x->id,
            x->element);
      return NULL;
    }
  return &R->trace->selection->choices[*index];
}

static void
check_weight (Run *R, const LimberExpect *x)
{
  guint i;
  const LimberChoice *c = choice_for (R, x, &i);
  if (c == NULL || bounds_hold (x, c->weight))
    return;
  g_autofree char *want = bounds_text (x);
  g_autofree char *state = state_of (R, i);
  fail (R, x, exercise_trace (R, i), "%s weighs %g (%s)" SEP "weight %s", x->id, c->weight, state, want);
}

static void
check_dose (Run *R, const LimberExpect *x)
{
  static const char *const names[] = { "step", "previous step", "sets", "reps", "hold", "duration", "extra sets",
                                       "seconds" };
  guint i;
  const LimberChoice *c = choice_for (R, x, &i);
  if (c == NULL)
    return;
  if (c->excluded)
    {
      g_autofree char *state = state_of (R, i);
      fail (R, x, exercise_trace (R, i), "%s, so it has no dose" SEP "a %s to check", state, names[x->field]);
      return;
    }
  const LimberExercise *e = g_ptr_array_index (R->rs->exercises, i);
  gboolean emphasis = c->extra_sets > 0 && c->emphasis_side != LIMBER_SIDE_NONE && e->per_side;
  double values[] = { c->step, c->previous_step, c->dose.sets, c->dose.reps, c->dose.hold_s, c->dose.duration_s,
                      emphasis ? c->extra_sets : 0, c->seconds };
  double v = values[x->field];
  if (bounds_hold (x, v))
    return;
  g_autofree char *want = bounds_text (x);
  fail (R, x, exercise_trace (R, i), "%s %s is %g (step %u: %u set(s), %u reps, hold %g s, duration %g s)" SEP "%s %s",
        x->id, names[x->field], v, c->step, c->dose.sets, c->dose.reps, c->dose.hold_s, c->dose.duration_s,
        names[x->field], want);
}

static void
check_emphasis (Run *R, const LimberExpect *x)
{
  guint i;
  const LimberChoice *c = choice_for (R, x, &i);
  if (c == NULL)
    return;
  const LimberExercise *e = g_ptr_array_index (R->rs->exercises, i);
  LimberSide side = c->extra_sets > 0 && e->per_side ? c->emphasis_side : LIMBER_SIDE_NONE;
  unsigned extra = side != LIMBER_SIDE_NONE ? c->extra_sets : 0;
  const char *actual = side == LIMBER_SIDE_NONE ? "none" : limber_side_to_string (side);
  gboolean ok = g_strcmp0 (actual, x->value) == 0 && (!x->has_number || fabs (extra - x->number) < 1e-9);
  if (ok)
    return;
  g_autofree char *want = x->has_number ? g_strdup_printf ("emphasis %s, %g extra set(s)", x->value, x->number)
                                        : g_strdup_printf ("emphasis %s", x->value);
  fail (R, x, exercise_trace (R, i), "%s has emphasis %s, %u extra set(s)%s" SEP "%s", x->id, actual, extra,
        c->excluded ? " (and is excluded)" : "", want);
}

static void
check_why (Run *R, const LimberExpect *x)
{
  guint i;
  const LimberChoice *c = choice_for (R, x, &i);
  if (c == NULL)
    return;
  g_autoptr (GPtrArray) why = limber_trace_why (R->trace, i);
  for (guint k = 0; k < why->len; k++)
    {
      const char *line = g_ptr_array_index (why, k);
      const char *colon = strstr (line, ": ");
      g_autofree char *rule = g_strndup (line, colon ? (gsize) (colon - line) : strlen (line));
      if ((x->value == NULL || g_strcmp0 (rule, x->value) == 0)
          && (x->text == NULL || (colon && strstr (colon + 2, x->text) != NULL)))
        return;
    }
  g_autofree char *want = g_strdup_printf ("an explanation%s%s%s%s%s", x->value ? " from " : "",
                                           x->value ? x->value : "", x->text ? " containing \"" : "",
                                           x->text ? x->text : "", x->text ? "\"" : "");
  fail (R, x, exercise_trace (R, i), "no such entry in the explanation of %s" SEP "%s", x->id, want);
}

static GPtrArray *
advisory_trace (Run *R)
{
  GPtrArray *out = strings ();
  for (guint k = 0; k < R->plan->advisories->len; k++)
    g_ptr_array_add (out, g_strdup_printf ("advisory: %s", (const char *) g_ptr_array_index (R->plan->advisories, k)));
  if (out->len == 0)
    g_ptr_array_add (out, g_strdup ("no advisories"));
  return out;
}

static void
check_advisory (Run *R, const LimberExpect *x)
{
  gboolean found = FALSE;
  for (guint k = 0; k < R->plan->advisories->len && !found; k++)
    found = strstr (g_ptr_array_index (R->plan->advisories, k), x->text) != NULL;
  if (found && x->kind == EXPECT_NO_ADVISORY)
    fail (R, x, advisory_trace (R), "an advisory contains \"%s\"" SEP "no advisory containing \"%s\"", x->text, x->text);
  else if (!found && x->kind == EXPECT_ADVISORY)
    fail (R, x, advisory_trace (R), "no advisory contains \"%s\"" SEP "an advisory containing \"%s\"", x->text, x->text);
}

static GPtrArray *
days_trace (Run *R)
{
  GPtrArray *out = strings ();
  for (guint d = 0; d < R->plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (R->plan->days, d);
      if (day->rest)
        {
          g_ptr_array_add (out, g_strdup_printf ("%s: rest", day->date));
          continue;
        }
      GString *line = g_string_new (NULL);
      g_string_append_printf (line, "%s: %g min:", day->date, day->minutes);
      for (guint k = 0; k < day->items->len; k++)
        {
          const LimberItem *item = g_ptr_array_index (day->items, k);
          g_string_append_printf (line, " %s (%g s)", item->exercise->id, item->seconds);
        }
      g_ptr_array_add (out, g_string_free (line, FALSE));
    }
  return out;
}

static void
check_minutes (Run *R, const LimberExpect *x)
{
  double limit_lo = x->has_at_least ? x->at_least : -INFINITY;
  double limit_hi = x->has_at_most ? x->at_most : INFINITY;
  if (x->kind == EXPECT_WITHIN_BUDGET)
    {
      /* day minutes are rounded to a tenth: allow that rounding */
      limit_lo = -INFINITY;
      limit_hi = R->plan->minutes_per_day * (1 + x->number) + 0.05;
    }
  g_autofree char *bounds = x->kind == EXPECT_MINUTES ? bounds_text (x) : NULL;
  unsigned n = 0;
  for (guint d = 0; d < R->plan->days->len; d++)
    {
      const LimberDay *day = g_ptr_array_index (R->plan->days, d);
      if (day->rest)
        continue;
      n++;
      if (day->minutes < limit_lo || day->minutes > limit_hi)
        {
          g_autofree char *want = x->kind == EXPECT_WITHIN_BUDGET
                                    ? g_strdup_printf ("at most %g minutes (%g a day plus %g%%)", limit_hi - 0.05,
                                                       R->plan->minutes_per_day, x->number * 100)
                                    : g_strdup_printf ("%s minutes", bounds);
          fail (R, x, days_trace (R), "%s takes %g minutes" SEP "every training day %s", day->date, day->minutes, want);
          return;
        }
    }
  if (n == 0)
    fail (R, x, screening_trace (R), "the plan has no training day" SEP "training days to measure");
}

static void
check_training_days (Run *R, const LimberExpect *x)
{
  unsigned n = training_days (R->plan);
  if (bounds_hold (x, n))
    return;
  g_autofree char *want = bounds_text (x);
  fail (R, x, days_trace (R), "the plan has %u training days" SEP "%s training days", n, want);
}

static void
check (Run *R, const LimberExpect *x)
{
  switch (x->kind)
    {
    case EXPECT_STATUS: check_status (R, x); break;
    case EXPECT_OUTCOME: check_outcome (R, x); break;
    case EXPECT_REFERRAL: check_referral (R, x); break;
    case EXPECT_FLAG: check_flag (R, x); break;
    case EXPECT_SCORE: check_score (R, x); break;
    case EXPECT_FIRED:
    case EXPECT_NOT_FIRED: check_fired (R, x); break;
    case EXPECT_INCLUDED: check_included (R, x); break;
    case EXPECT_EXCLUDED: check_excluded (R, x); break;
    case EXPECT_ALLOWED: check_allowed (R, x); break;
    case EXPECT_WEIGHT: check_weight (R, x); break;
    case EXPECT_DOSE: check_dose (R, x); break;
    case EXPECT_EMPHASIS: check_emphasis (R, x); break;
    case EXPECT_WHY: check_why (R, x); break;
    case EXPECT_ADVISORY:
    case EXPECT_NO_ADVISORY: check_advisory (R, x); break;
    case EXPECT_MINUTES:
    case EXPECT_WITHIN_BUDGET: check_minutes (R, x); break;
    case EXPECT_TRAINING_DAYS: check_training_days (R, x); break;
    case EXPECT_SCREENING: check_screening (R, x); break;
    }
}

LimberTestResult *
limber_testcase_run (const LimberTestCase *tc, const LimberRuleset *rs, GError **error)
{
  g_return_val_if_fail (tc != NULL && rs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve (tc, rs, error))
    return NULL;
  g_autoptr (LimberProfile) profile = limber_testcase_load_profile (tc, rs, error);
  if (profile == NULL)
    return NULL;
  g_autoptr (LimberOptions) options = limber_testcase_new_options (tc);
  LimberPlan *plan = limber_generate (rs, profile, options, error);
  if (plan == NULL)
    return NULL;
  GDate start;
  limber_parse_date (tc->start, &start);
  LimberTrace *trace = limber_trace_new (rs, profile, &start, error);
  if (trace == NULL)
    {
      limber_plan_free (plan);
      return NULL;
    }
  LimberTestResult *result = limber_test_result_alloc (tc->name, tc->file);
  result->plan = plan;
  Run R = { tc, rs, plan, trace, result };
  for (guint i = 0; i < tc->expects->len; i++)
    {
      check (&R, g_ptr_array_index (tc->expects, i));
      result->n_checks++;
    }
  limber_trace_free (trace);
  return result;
}
