/*
 * Lint (include/limber/lint.h): what a rule set that loads still gets wrong.
 *
 * The loader refuses what cannot be evaluated; lint looks for what can be
 * evaluated but cannot be meant.  Questions about conditions ("can this ever
 * hold", "does this always hold when that does") go to cond-logic.c, which
 * only answers yes when it is sure, so every finding is a real defect.
 *
 * Codes, in docs/rule-testing.md:
 *   L001 error    a rule or contraindication that can never hold
 *   L002 error    a threshold outside what the fact can be
 *   L003 error    a rule or contraindication that only holds in a referral
 *   L004 warning  an action whose every target is excluded whenever it applies
 *   L005 warning  an exercise no profile can ever get
 *   L006 warning  a ladder step progression cannot tell from the one before
 *   L007 warning  a rule that duplicates another
 *   L008 warning  weight actions that cancel out, or change nothing
 *   L009 error    a red flag whose message is a placeholder
 *   L010 warning  other text for the person that is a placeholder
 *   L011 error    a citation of a source whose text is a placeholder
 *   L012 warning  a clinical threshold citing only generic sources
 *   L013 warning  a score category no profile can reach
 *   L014 warning  a deficit or asymmetry rule that reaches no exercise
 *                 working on its measure
 *   L015 warning  in a rule set that scans some measures, a measure with
 *                 neither a scan protocol nor a reason why it cannot be
 *                 camera-measured
 *   L016 warning  a text of the rule set its translation into a language
 *                 lacks (docs/i18n.md)
 *   L017 warning  a translation whose English changed after it was made
 *   L018 warning  in a rule set that gives some exercises short printed
 *                 steps, an exercise without them
 *   L019 warning  in a rule set that words some red flags' signs, an
 *                 emergency or see-clinician flag without one
 */
#include "limber/lint.h"

#include <math.h>
#include <string.h>

#include "condition.h"
#include "cond-logic.h"
#include "json-write.h"

struct _LimberLintFinding {
  char code[8];
  LimberLintSeverity severity;
  int line;
  char *subject;
  char *message;
  char *hint;
};

struct _LimberLintReport {
  LimberRuleset *rs;
  GPtrArray *findings;      /* LimberLintFinding*, in line order */
};

typedef struct {
  const LimberRuleset *rs;
  GPtrArray *findings;
  gboolean *rule_dead;      /* per rule: can never fire, so other checks leave it alone */
} Linter;

static void
finding_free (gpointer data)
{
  LimberLintFinding *f = data;
  g_free (f->subject);
  g_free (f->message);
  g_free (f->hint);
  g_free (f);
}

static void G_GNUC_PRINTF (7, 8)
add (Linter *L, const char *code, LimberLintSeverity severity, int line, const char *subject, const char *hint,
     const char *fmt, ...)
{
  LimberLintFinding *f = g_new0 (LimberLintFinding, 1);
  g_strlcpy (f->code, code, sizeof f->code);
  f->severity = severity;
  f->line = line;
  f->subject = g_strdup (subject);
  f->hint = g_strdup (hint);
  va_list ap;
  va_start (ap, fmt);
  f->message = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (L->findings, f);
}

/* ---- L001, L002, L003: conditions that can never hold ------------------------------ */

/* L002: a bound no profile can meet, whatever else the condition says. */
static gboolean
check_thresholds (Linter *L, const LimberCond *c, const char *id, const char *subject)
{
  if (c == NULL)
    return FALSE;
  gboolean found = FALSE;
  switch (c->kind)
    {
    case COND_ALL:
    case COND_ANY:
    case COND_NOT:
      for (guint i = 0; i < c->children->len; i++)
        found |= check_thresholds (L, g_ptr_array_index (c->children, i), id, subject);
      return found;
    case COND_AGE:
      if (c->has_at_least && c->at_least > 120)
        {
          add (L, "L002", LIMBER_LINT_ERROR, c->line, id, "use an age from 0 to 120, the range of a profile's age",
               "%s: <age at-least=\"%g\"> can never be met: a profile's age is 0 to 120", subject, c->at_least);
          return TRUE;
        }
      return FALSE;
    case COND_MINUTES:
      if ((c->has_at_least && c->at_least > PROFILE_MAX_MINUTES) || (c->has_at_most && c->at_most < PROFILE_MIN_MINUTES))
        {
          add (L, "L002", LIMBER_LINT_ERROR, c->line, id, "use minutes from 5 to 180, the range of a profile's minutes",
               "%s: <minutes> can never be met: a profile asks for 5 to 180 minutes a day", subject);
          return TRUE;
        }
      return FALSE;
    case COND_TREND:
      {
        double range = 0;
        for (guint i = 0; i < L->rs->measures->len; i++)
          {
            const LimberMeasure *m = g_ptr_array_index (L->rs->measures, i);
            if ((c->index < 0 || (int) i == c->index) && (m->sided || !c->trend_asymmetry))
              range = MAX (range, m->max - m->min);
          }
        if ((c->has_at_least && c->at_least > range) || (c->has_at_most && c->at_most < -range))
          {
            add (L, "L002", LIMBER_LINT_ERROR, c->line, id,
                 "use a change within the measure's valid range (max - min), either way",
                 "%s: <trend measure=\"%s\"> bound %g can never be met: a change of %s is at most %g either way",
                 subject, c->ref, c->has_at_least && c->at_least > range ? c->at_least : c->at_most, c->ref, range);
            return TRUE;
          }
        return FALSE;
      }
    default:
      return FALSE;
    }
}

static void
check_rule_conditions (Linter *L)
{
  for (guint r = 0; r < L->rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (L->rs->rules, r);
      g_autofree char *subject = g_strdup_printf ("rule %s", rule->id);
      if (check_thresholds (L, rule->when, rule->id, subject))
        {
          L->rule_dead[r] = TRUE;
          continue;
        }
      g_autofree char *when = limber_cond_describe (L->rs, rule->when);
      int line = rule->when ? rule->when->line : rule->line;
      if (!limber_logic_can_hold (L->rs, rule->when, FALSE))
        {
          L->rule_dead[r] = TRUE;
          add (L, "L001", LIMBER_LINT_ERROR, line, rule->id,
               "correct or remove the parts of <when> that contradict each other",
               "rule %s can never fire: its condition contradicts itself: %s", rule->id, when);
        }
      else if (!limber_logic_can_hold (L->rs, rule->when, TRUE))
        {
          L->rule_dead[r] = TRUE;
          add (L, "L003", LIMBER_LINT_ERROR, line, rule->id,
               "drop the emergency or see-clinician condition: a referral has no exercises and evaluates no rule",
               "rule %s can never fire: its condition needs an emergency or see-clinician red flag, and a "
               "referral evaluates no rule: %s", rule->id, when);
        }
    }
}

static void
check_contraindications (Linter *L)
{
  for (guint i = 0; i < L->rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (L->rs->exercises, i);
      if (e->contraindications == NULL)
        continue;
      g_autofree char *subject = g_strdup_printf ("exercise %s", e->id);
      for (guint k = 0; k < e->contraindications->children->len; k++)
        {
          const LimberCond *c = g_ptr_array_index (e->contraindications->children, k);
          if (check_thresholds (L, c, e->id, subject))
            continue;
          g_autofree char *what = limber_cond_describe (L->rs, c);
          if (!limber_logic_can_hold (L->rs, c, FALSE))
            add (L, "L001", LIMBER_LINT_ERROR, c->line, e->id, "correct the contraindication so that it can hold",
                 "a contraindication of %s can never hold, so it never protects anyone: %s", e->id, what);
          else if (!limber_logic_can_hold (L->rs, c, TRUE))
            add (L, "L003", LIMBER_LINT_ERROR, c->line, e->id,
                 "contraindicate a caution flag instead: emergency and see-clinician flags already give a referral",
                 "a contraindication of %s only holds in a referral, where there are no exercises anyway: %s", e->id,
                 what);
        }
    }
}

/* ---- L004: actions shadowed by an exclusion ------------------------------------------ */

typedef struct {
  LimberCond *no_floor;
  GHashTable *avoids;       /* region -> LimberCond* */
  GHashTable *lacks;        /* equipment -> LimberCond* */
} Synthetic;

static LimberCond *
synthetic (GHashTable *table, const char *id, LimberCond *(*make) (const char *))
{
  LimberCond *c = g_hash_table_lookup (table, id);
  if (c == NULL)
    {
      c = make (id);
      g_hash_table_insert (table, g_strdup (id), c);
    }
  return c;
}

static gboolean
targets_contain (const LimberAction *a, guint exercise)
{
  for (guint t = 0; t < a->targets->len; t++)
    if (g_array_index (a->targets, guint, t) == exercise)
      return TRUE;
  return FALSE;
}

/* What always excludes the exercise whenever `when` holds, in words; NULL
 * when nothing does.  when NULL: always. */
static char *
always_excluded_by (Linter *L, Synthetic *S, const LimberCond *when, guint exercise)
{
  const LimberRuleset *rs = L->rs;
  const LimberExercise *e = g_ptr_array_index (rs->exercises, exercise);
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          if (a->kind == ACTION_EXCLUDE && targets_contain (a, exercise)
              && limber_logic_implies (rs, when, rule->when))
            return g_strdup_printf ("rule %s (line %d)", rule->id, a->line);
        }
    }
  for (guint k = 0; e->contraindications && k < e->contraindications->children->len; k++)
    {
      const LimberCond *c = g_ptr_array_index (e->contraindications->children, k);
      if (limber_logic_implies (rs, when, c))
        {
          g_autofree char *what = limber_cond_describe (rs, c);
          return g_strdup_printf ("its contraindication %s (line %d)", what, c->line);
        }
    }
  if (limber_exercise_uses_floor (e)
      && limber_logic_implies (rs, when, S->no_floor))
    return g_strdup ("the no-floor constraint");
  for (char **region = e->regions; *region; region++)
    if (limber_logic_implies (rs, when, synthetic (S->avoids, *region, limber_logic_avoids)))
      return g_strdup_printf ("the avoided region %s", *region);
  for (char **eq = e->equipment; *eq; eq++)
    if (limber_logic_implies (rs, when, synthetic (S->lacks, *eq, limber_logic_lacks)))
      return g_strdup_printf ("the missing equipment %s", *eq);
  return NULL;
}

static void
check_shadowed (Linter *L, Synthetic *S)
{
  const LimberRuleset *rs = L->rs;
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      if (L->rule_dead[r])
        continue;
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          /* an exclusion already excluded is belt and braces, not a defect;
           * advice reaches the person whatever is excluded */
          if (a->kind == ACTION_EXCLUDE || a->kind == ACTION_ADVISE || a->kind == ACTION_LIMIT_MINUTES
              || a->targets->len == 0)
            continue;
          g_autofree char *first = NULL;
          gboolean all = TRUE;
          for (guint t = 0; t < a->targets->len && all; t++)
            {
              char *by = always_excluded_by (L, S, rule->when, g_array_index (a->targets, guint, t));
              all = by != NULL;
              if (first == NULL)
                first = by;
              else
                g_free (by);
            }
          if (!all)
            continue;
          g_autofree char *action = limber_action_describe (a);
          const LimberExercise *e = g_ptr_array_index (rs->exercises, g_array_index (a->targets, guint, 0));
          add (L, "L004", LIMBER_LINT_WARNING, a->line, rule->id,
               "remove the action, or narrow the exclusion so that what it targets can be in the plan",
               "in rule %s, \"%s\" never has an effect: whenever the rule fires, every exercise it targets is "
               "excluded (%s%s by %s)", rule->id, action, e->id, a->targets->len > 1 ? " and the others" : "", first);
        }
    }
}

/* ---- L005: exercises no profile can get ----------------------------------------------- */

static gboolean
has_slot_tag (const LimberTemplate *t, const LimberExercise *e)
{
  for (guint s = 0; t->slots && s < t->slots->len; s++)
    for (char **tag = ((LimberSlot *) g_ptr_array_index (t->slots, s))->tags; *tag; tag++)
      if (g_strv_contains ((const char *const *) e->tags, *tag))
        return TRUE;
  return FALSE;
}

/* A temporary "all of (a; b)" that owns neither. */
static LimberCond *
both (const LimberCond *a, const LimberCond *b)
{
  LimberCond *c = g_new0 (LimberCond, 1);
  c->kind = COND_ALL;
  c->index = c->value_index = -1;
  c->children = g_ptr_array_new ();
  g_ptr_array_add (c->children, (gpointer) a);
  if (b != NULL)
    g_ptr_array_add (c->children, (gpointer) b);
  return c;
}

static void
both_free (LimberCond *c)
{
  g_ptr_array_unref (c->children);
  g_free (c);
}

static void
check_unreachable (Linter *L, Synthetic *S)
{
  const LimberRuleset *rs = L->rs;
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      gboolean can_weigh = e->base_weight > 0;
      g_autoptr (GString) why = g_string_new (NULL);
      gboolean reachable = FALSE, in_any_slot = FALSE;
      for (LimberGoal g = 0; g < LIMBER_N_GOALS && !reachable; g++)
        {
          if (!rs->goal_declared[g])
            continue;
          LimberCond *goal = limber_logic_goal (g);
          gboolean placed = has_slot_tag (&rs->templates[g], e), weighs = can_weigh;
          /* a requirement places an exercise in a slot whatever its tags */
          for (guint r = 0; r < rs->rules->len; r++)
            {
              const LimberRule *rule = g_ptr_array_index (rs->rules, r);
              for (guint k = 0; k < rule->actions->len; k++)
                {
                  const LimberAction *a = g_ptr_array_index (rule->actions, k);
                  gboolean relevant = (a->kind == ACTION_REQUIRE || (a->kind == ACTION_WEIGHT && a->has_add && a->add > 0))
                                      && targets_contain (a, i);
                  if (!relevant || L->rule_dead[r])
                    continue;
                  LimberCond *with = both (goal, rule->when);
                  if (limber_logic_can_hold (rs, with, TRUE))
                    {
                      placed |= a->kind == ACTION_REQUIRE;
                      weighs = TRUE;
                    }
                  both_free (with);
                }
            }
          in_any_slot |= placed;
          g_autofree char *by = placed && weighs ? always_excluded_by (L, S, goal, i) : NULL;
          if (placed && weighs && by == NULL)
            reachable = TRUE;
          else if (placed && weighs)
            g_string_append_printf (why, "%s%s: excluded by %s", why->len ? "; " : "", limber_goal_to_string (g), by);
          else if (placed)
            g_string_append_printf (why, "%s%s: weight always 0", why->len ? "; " : "", limber_goal_to_string (g));
          limber_cond_free (goal);
        }
      if (reachable)
        continue;
      if (!in_any_slot)
        add (L, "L005", LIMBER_LINT_WARNING, e->line, e->id,
             "give it a tag of a template slot (or remove it from the catalogue)",
             "exercise %s can never be in a plan: it carries no tag of any goal's template slots (%s) and no rule "
             "requires it", e->id, *e->tags ? "its tags do not match" : "it has no tags");
      else
        add (L, "L005", LIMBER_LINT_WARNING, e->line, e->id,
             "narrow the exclusion, or remove the exercise from the catalogue",
             "exercise %s can never be in a plan, whatever the goal (%s)", e->id, why->str);
    }
}

/* ---- L006: ladder steps ----------------------------------------------------------------- */

static void
check_ladders (Linter *L)
{
  for (guint i = 0; i < L->rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (L->rs->exercises, i);
      for (guint k = 1; k < e->ladder->len; k++)
        {
          const LimberDose *p = &g_array_index (e->ladder, LimberDose, k - 1);
          const LimberDose *d = &g_array_index (e->ladder, LimberDose, k);
          gboolean same = p->sets == d->sets && p->reps == d->reps && p->hold_s == d->hold_s
                          && p->duration_s == d->duration_s;
          gboolean easier = d->sets <= p->sets && d->reps <= p->reps && d->hold_s <= p->hold_s
                            && d->duration_s <= p->duration_s;
          if (same)
            add (L, "L006", LIMBER_LINT_WARNING, e->ladder_line, e->id,
                 "remove the repeated step, or make it harder than the one before",
                 "exercise %s: ladder step %u repeats step %u, so progression can never tell them apart", e->id,
                 k + 1, k);
          else if (easier)
            add (L, "L006", LIMBER_LINT_WARNING, e->ladder_line, e->id,
                 "order the steps from easiest to hardest, each harder than the one before in some figure",
                 "exercise %s: ladder step %u is no harder than step %u, so whoever does step %u has already "
                 "reached step %u and progression skips it", e->id, k + 1, k, k, k + 1);
        }
    }
}

/* ---- L007, L008: duplicate and cancelling rules ------------------------------------------ */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The actions of a rule in words, sorted: equal for equal sets of actions. */
static char *
actions_key (const LimberRule *rule)
{
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < rule->actions->len; k++)
    g_ptr_array_add (words, limber_action_describe (g_ptr_array_index (rule->actions, k)));
  g_ptr_array_sort (words, compare_strings);
  g_ptr_array_add (words, NULL);
  return g_strjoinv ("\n", (char **) words->pdata);
}

static void
check_duplicates (Linter *L)
{
  const LimberRuleset *rs = L->rs;
  guint n = rs->rules->len;
  /* classes of rules whose conditions hold for the same profiles */
  g_autofree guint *class = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      class[i] = i;
      const LimberRule *b = g_ptr_array_index (rs->rules, i);
      if (L->rule_dead[i])
        continue;
      for (guint j = 0; j < i; j++)
        {
          const LimberRule *a = g_ptr_array_index (rs->rules, j);
          if (L->rule_dead[j] || class[j] != j || !limber_logic_equivalent (rs, a->when, b->when))
            continue;
          class[i] = j;
          g_autofree char *ka = actions_key (a), *kb = actions_key (b);
          if (g_str_equal (ka, kb))
            add (L, "L007", LIMBER_LINT_WARNING, b->line, b->id, "remove one of the two rules",
                 "rule %s duplicates rule %s (line %d): the same condition and the same actions, so it applies "
                 "everything twice", b->id, a->id, a->line);
          break;
        }
    }
  /* weights on one target under one condition: their product and sum */
  for (guint c = 0; c < n; c++)
    {
      if (class[c] != c || L->rule_dead[c])
        continue;
      g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = c; i < n; i++)
        {
          if (class[i] != c)
            continue;
          const LimberRule *rule = g_ptr_array_index (rs->rules, i);
          for (guint k = 0; k < rule->actions->len; k++)
            {
              const LimberAction *a = g_ptr_array_index (rule->actions, k);
              if (a->kind != ACTION_WEIGHT)
                continue;
              g_autofree char *key = g_strdup_printf ("%d:%s", a->target_kind, a->target);
              if (g_hash_table_contains (seen, key))
                continue;
              g_hash_table_add (seen, g_strdup (key));
              /* every weight on this target from this class of rules */
              double product = 1, sum = 0;
              guint count = 0;
              int last_line = a->line;
              g_autoptr (GString) rules = g_string_new (NULL);
              for (guint i2 = i; i2 < n; i2++)
                {
                  if (class[i2] != c)
                    continue;
                  const LimberRule *r2 = g_ptr_array_index (rs->rules, i2);
                  for (guint k2 = 0; k2 < r2->actions->len; k2++)
                    {
                      const LimberAction *b = g_ptr_array_index (r2->actions, k2);
                      if (b->kind != ACTION_WEIGHT || b->target_kind != a->target_kind
                          || g_strcmp0 (b->target, a->target) != 0)
                        continue;
                      product *= b->has_multiply ? b->multiply : 1;
                      sum += b->has_add ? b->add : 0;
                      count++;
                      last_line = MAX (last_line, b->line);
                      if (!strstr (rules->str, r2->id))
                        g_string_append_printf (rules, "%s%s", rules->len ? ", " : "", r2->id);
                    }
                }
              if (fabs (product - 1) > 1e-9 || fabs (sum) > 1e-9)
                continue;
              if (count > 1)
                add (L, "L008", LIMBER_LINT_WARNING, last_line, rule->id,
                     "remove the weights that cancel, or give them different conditions",
                     "weights on %s in %s cancel out under the same condition (together x1, +0)", a->target,
                     rules->str);
              else
                add (L, "L008", LIMBER_LINT_WARNING, last_line, rule->id, "remove the action, or change its factor",
                     "in rule %s, a weight of x1 +0 on %s changes nothing", rule->id, a->target);
            }
        }
    }
}

/* ---- L009, L010: placeholder texts --------------------------------------------------------- */

/* Why text is a placeholder rather than words for a person; NULL when it is not. */
static const char *
placeholder (const char *text)
{
  static const char *const whole[] = {
    "todo", "to do", "tbd", "tba", "fixme", "xxx", "placeholder", "message", "text", "n/a", "na", "none", "-",
    "...", "?", "write me", "citation needed", "source needed", "unknown", "source", "reference", NULL,
  };
  static const char *const words[] = { "TODO", "FIXME", "TBD", "XXX", NULL };
  g_autofree char *t = g_strstrip (g_ascii_strdown (text ? text : "", -1));
  while (*t && strchr (".!:;", t[strlen (t) - 1]) && strlen (t) > 1)
    t[strlen (t) - 1] = '\0';
  if (*t == '\0')
    return "it is empty";
  if (g_strv_contains (whole, t) || g_str_has_prefix (t, "lorem ipsum"))
    return "it is a placeholder";
  for (const char *const *w = words; *w; w++)
    for (const char *p = strstr (text, *w); p; p = strstr (p + 1, *w))
      {
        gsize n = strlen (*w);
        gboolean starts = p == text || !g_ascii_isalnum (p[-1]);
        if (starts && !g_ascii_isalnum (p[n]))
          return "it holds a placeholder marker";
      }
  return NULL;
}

static void
check_texts (Linter *L)
{
  const LimberRuleset *rs = L->rs;
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      const char *why = placeholder (f->message);
      if (why)
        add (L, "L009", LIMBER_LINT_ERROR, f->line, f->id,
             "write in <message> what the person must do and how urgently",
             "red flag %s has no real message (%s: \"%s\"), yet it is what a person at risk is told", f->id, why,
             f->message ? f->message : "");
    }
  if (rs->safety && placeholder (rs->safety))
    add (L, "L010", LIMBER_LINT_WARNING, rs->safety_line, "safety", "write the safety advice every plan carries",
         "the <safety> text is a placeholder (\"%s\"), and every plan carries it", rs->safety);
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          if (a->kind == ACTION_ADVISE && placeholder (a->text))
            add (L, "L010", LIMBER_LINT_WARNING, a->line, rule->id, "write the advice for the person, or remove it",
                 "rule %s advises a placeholder (\"%s\"), which would reach the person's plan", rule->id, a->text);
        }
    }
}

/* ---- L011, L012: citations ---------------------------------------------------------------- */

static const LimberSource *
source (const LimberRuleset *rs, const char *id)
{
  for (guint i = 0; i < rs->sources->len; i++)
    if (g_strcmp0 (((LimberSource *) g_ptr_array_index (rs->sources, i))->id, id) == 0)
      return g_ptr_array_index (rs->sources, i);
  return NULL;
}

/* A source that supports nothing in particular. */
static gboolean
generic (const LimberSource *s)
{
  static const char *const whole[] = {
    "common knowledge", "expert opinion", "clinical experience", "clinical judgement", "clinical judgment",
    "best practice", "general practice", "general guidance", "general knowledge", "common practice", "internet",
    "the internet", "various", "various sources", "misc", "miscellaneous", "see above", "common sense", "experience",
    "anecdotal", "google", "wikipedia", "own experience", "author's opinion", "authors' opinion", NULL,
  };
  static const char *const within[] = { "expert opinion", "common knowledge", "personal communication", "wikipedia",
                                        NULL };
  g_autofree char *t = g_strstrip (g_ascii_strdown (s->text ? s->text : "", -1));
  while (*t && strchr (".!:;", t[strlen (t) - 1]))
    t[strlen (t) - 1] = '\0';
  if (g_strv_contains (whole, t))
    return TRUE;
  for (const char *const *w = within; *w; w++)
    if (strstr (t, *w))
      return TRUE;
  return FALSE;
}

static void
check_cite (Linter *L, char **cite, int line, const char *what, const char *id)
{
  for (char **c = cite; c && *c; c++)
    {
      const LimberSource *s = source (L->rs, *c);
      const char *why = s ? placeholder (s->text) : NULL;
      if (why)
        add (L, "L011", LIMBER_LINT_ERROR, line, id,
             "write the full citation in the <source>, or cite a real source",
             "%s %s cites source %s (line %d), but %s (\"%s\"), so nothing supports it", what, id, s->id, s->line,
             why, s->text ? s->text : "");
    }
}

static gboolean
has_threshold (const LimberCond *c)
{
  if (c == NULL)
    return FALSE;
  switch (c->kind)
    {
    case COND_ALL:
    case COND_ANY:
    case COND_NOT:
      for (guint i = 0; i < c->children->len; i++)
        if (has_threshold (g_ptr_array_index (c->children, i)))
          return TRUE;
      return FALSE;
    case COND_AGE:
    case COND_MINUTES:
    case COND_DEFICIT:
    case COND_ASYMMETRY:
    case COND_HISTORY:
    case COND_TREND:
      return TRUE;
    case COND_ANSWER:
      return c->has_at_least || c->has_at_most;
    default:
      return FALSE;
    }
}

static gboolean
only_generic (const LimberRuleset *rs, char **cite)
{
  if (cite == NULL || *cite == NULL)
    return FALSE;
  for (char **c = cite; *c; c++)
    {
      const LimberSource *s = source (rs, *c);
      if (s == NULL || !generic (s))
        return FALSE;
    }
  return TRUE;
}

static void
check_citations (Linter *L)
{
  const LimberRuleset *rs = L->rs;
  /* A rule set with no protocol at all is not meant for camera scans (its
   * numbers are typed in), so only one that scans some measures is held to
   * scanning them all. */
  gboolean scans = FALSE;
  for (guint i = 0; i < rs->measures->len; i++)
    scans |= ((const LimberMeasure *) g_ptr_array_index (rs->measures, i))->protocol != NULL;
  for (guint i = 0; i < rs->measures->len; i++)
    {
      const LimberMeasure *m = g_ptr_array_index (rs->measures, i);
      check_cite (L, m->cite, m->line, "measure", m->id);
      /* an app with a camera cannot measure it, so its people must type the
       * number in; saying why (<no-scan>) is as good as a protocol */
      if (scans && m->protocol == NULL && m->no_scan == NULL)
        add (L, "L015", LIMBER_LINT_WARNING, m->line, m->id,
             "add a <protocol> saying how a camera scan takes it (docs/scan.md), or a <no-scan> saying why it cannot",
             "measure \"%s\" has no scan protocol", m->id);
    }
  for (guint i = 0; i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      check_cite (L, f->cite, f->line, "red flag", f->id);
      if (f->has_at_least && only_generic (rs, f->cite))
        add (L, "L012", LIMBER_LINT_WARNING, f->line, f->id,
             "cite the guideline or study the threshold comes from",
             "red flag %s sets a clinical threshold (%s at least %g) but cites only generic sources", f->id,
             f->question ? f->question : "a history fact", f->at_least);
    }
  for (guint i = 0; i < rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (rs->scores, i);
      check_cite (L, s->cite, s->line, "score", s->id);
    }
  check_cite (L, rs->progression.cite, rs->progression.line, "progression", "progression");
  check_cite (L, rs->safety_cite, rs->safety_line, "safety", "safety");
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      check_cite (L, e->ladder_cite, e->ladder_line, "the ladder of exercise", e->id);
    }
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      check_cite (L, rule->cite, rule->line, "rule", rule->id);
      gboolean dose = FALSE;
      for (guint k = 0; k < rule->actions->len; k++)
        {
          LimberActionKind kind = ((LimberAction *) g_ptr_array_index (rule->actions, k))->kind;
          dose |= kind == ACTION_MIN_HOLD || kind == ACTION_MIN_REPS;
        }
      if ((has_threshold (rule->when) || dose) && only_generic (rs, rule->cite))
        add (L, "L012", LIMBER_LINT_WARNING, rule->line, rule->id,
             "cite the guideline or study the threshold or dose comes from",
             "rule %s sets a clinical %s but cites only generic sources", rule->id,
             has_threshold (rule->when) ? "threshold" : "dose");
    }
}

/* ---- L013: score categories ------------------------------------------------------------------ */

static void
check_categories (Linter *L)
{
  for (guint i = 0; i < L->rs->scores->len; i++)
    {
      const LimberScore *s = g_ptr_array_index (L->rs->scores, i);
      for (guint k = 0; k < s->categories->len; k++)
        if (!limber_logic_category_reachable (L->rs, s, k))
          {
            const LimberCategory *cat = g_ptr_array_index (s->categories, k);
            add (L, "L013", LIMBER_LINT_WARNING, cat->line, s->id,
                 "change its bounds, or its place: categories are tried in order",
                 "category %s of score %s can never be reached: its bounds are outside what the items can add up to, "
                 "or an earlier category takes every profile it would", cat->id, s->id);
          }
    }
}

/* ---- L014: deficit and asymmetry rules that miss their measure -------------------------- */

/* The measures a condition's deficit and asymmetry leaves name, outside any
 * <not>, appended to out. */
static void
condition_measures (const LimberCond *c, GArray *out)
{
  if (c == NULL || c->kind == COND_NOT)
    return;
  if ((c->kind == COND_DEFICIT || c->kind == COND_ASYMMETRY) && c->index >= 0)
    g_array_append_val (out, c->index);
  for (guint i = 0; c->children && i < c->children->len; i++)
    condition_measures (g_ptr_array_index (c->children, i), out);
}

/* A rule that fires on a deficit or an asymmetry is there to work on that
 * measure; when none of the exercises it favours, requires or emphasises
 * has the measure as a primary target, it favours stand-ins (a broad tag or
 * region), and the person gets no exercise for what was measured. */
static void
check_measure_reach (Linter *L)
{
  const LimberRuleset *rs = L->rs;
  g_autoptr (GArray) measures = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      if (L->rule_dead[r])
        continue;
      g_array_set_size (measures, 0);
      condition_measures (rule->when, measures);
      for (guint m = 0; m < measures->len; m++)
        {
          int measure = g_array_index (measures, int, m);
          gboolean acts = FALSE, reaches = FALSE;
          for (guint k = 0; k < rule->actions->len && !reaches; k++)
            {
              const LimberAction *a = g_ptr_array_index (rule->actions, k);
              gboolean favours = a->kind == ACTION_EMPHASISE || a->kind == ACTION_REQUIRE
                                 || (a->kind == ACTION_WEIGHT && ((a->has_multiply && a->multiply > 1)
                                                                  || (a->has_add && a->add > 0)));
              if (!favours)
                continue;
              acts = TRUE;
              for (guint t = 0; t < a->targets->len && !reaches; t++)
                reaches = limber_exercise_targets (g_ptr_array_index (rs->exercises, g_array_index (a->targets, guint, t)),
                                                   measure, FALSE);
            }
          if (acts && !reaches)
            {
              const LimberMeasure *me = g_ptr_array_index (rs->measures, measure);
              add (L, "L014", LIMBER_LINT_WARNING, rule->line, rule->id,
                   "target the measure itself (measure=) or give the exercises it means <targets> naming it",
                   "rule %s acts on %s but none of the exercises it favours has %s as a primary target", rule->id,
                   me->id, me->id);
            }
        }
    }
}

/* ---- the report ------------------------------------------------------------------------------ */

/* ---- L016, L017: translations missing or stale ------------------------------------------ */

typedef struct {
  const char *text;
  int line;
} KeyedText;

static void
collect_text (const char *key, const char *text, int line, gpointer data)
{
  KeyedText *k = g_new (KeyedText, 1);
  k->text = text;
  k->line = line;
  g_hash_table_insert (data, g_strdup (key), k);
}

static void
check_translations (Linter *L)
{
  const LimberRuleset *rs = L->rs;
  if (rs->translations == NULL || rs->translations->len == 0)
    return;
  static const char *const language[LIMBER_N_LANGS] = { "English", "German", "Spanish" };
  /* key -> the English and the line of its element, where findings point */
  g_autoptr (GHashTable) english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  limber_ruleset_foreach_text (rs, collect_text, english);
  for (guint i = 0; i < rs->translations->len; i++)
    {
      const LimberTranslation *t = g_ptr_array_index (rs->translations, i);
      for (guint k = 0; k < t->missing->len; k++)
        {
          const char *key = g_ptr_array_index (t->missing, k);
          const KeyedText *en = g_hash_table_lookup (english, key);
          g_autofree char *fingerprint = limber_translation_fingerprint (en->text);
          g_autofree char *hint = g_strdup_printf ("add <text key=\"%s\" en=\"%s\">...</text> to %s", key, fingerprint,
                                                   t->name);
          add (L, "L016", LIMBER_LINT_WARNING, en->line, key, hint,
               "%s has no %s translation of %s: plans in %s show its English", t->name, language[t->lang], key,
               language[t->lang]);
        }
      for (guint k = 0; k < t->stale->len; k++)
        {
          const char *key = g_ptr_array_index (t->stale, k);
          const KeyedText *en = g_hash_table_lookup (english, key);
          g_autofree char *fingerprint = limber_translation_fingerprint (en->text);
          g_autofree char *hint = g_strdup_printf ("bring the translation up to date with the English, then set its "
                                                   "en=\"%s\"", fingerprint);
          add (L, "L017", LIMBER_LINT_WARNING, en->line, key, hint,
               "%s:%d: the %s translation of %s is stale: its English changed after it was translated, so plans in "
               "%s show the English until it is updated", t->name, g_array_index (t->stale_lines, int, k),
               language[t->lang], key, language[t->lang]);
        }
    }
}

static gint
finding_compare (gconstpointer a, gconstpointer b)
{
  const LimberLintFinding *x = *(LimberLintFinding *const *) a, *y = *(LimberLintFinding *const *) b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return strcmp (x->code, y->code);
}

/* ---- L018, L019: the texts a printed plan needs -------------------------------------------- */

/* Like scan protocols (L015), short steps and signs are optional for a
 * rule set that never uses them; one that has some is held to having them
 * all, or its printed weeks mix short cards with long ones, and its list
 * of warning signs mixes statements with questions. */
static void
check_print_texts (Linter *L)
{
  const LimberRuleset *rs = L->rs;
  gboolean briefs = FALSE, signs = FALSE;
  for (guint i = 0; i < rs->exercises->len; i++)
    briefs |= ((const LimberExercise *) g_ptr_array_index (rs->exercises, i))->brief != NULL;
  for (guint i = 0; i < rs->red_flags->len; i++)
    signs |= ((const LimberRedFlag *) g_ptr_array_index (rs->red_flags, i))->sign != NULL;
  for (guint i = 0; briefs && i < rs->exercises->len; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      if (e->brief == NULL)
        add (L, "L018", LIMBER_LINT_WARNING, e->line, e->id,
             "add a <brief> of two or three short steps after its <instructions> (docs/rules-format.md)",
             "exercise \"%s\" has no short steps: a long printed week prints its full steps among short ones",
             e->id);
    }
  for (guint i = 0; signs && i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      if (f->sign == NULL && f->outcome != LIMBER_OUTCOME_CAUTION)
        add (L, "L019", LIMBER_LINT_WARNING, f->line, f->id,
             "add a <sign> before its <message>: the warning sign as a short statement (docs/rules-format.md)",
             "red flag \"%s\" has no sign: printed plans name it by %s", f->id,
             f->on_history ? "what the log shows" : "its whole question");
    }
}

LimberLintReport *
limber_lint (const LimberRuleset *rs)
{
  g_return_val_if_fail (rs != NULL, NULL);
  Linter L = {
    .rs = rs,
    .findings = g_ptr_array_new_with_free_func (finding_free),
    .rule_dead = g_new0 (gboolean, MAX (rs->rules->len, 1)),
  };
  Synthetic S = {
    .no_floor = limber_logic_no_floor (),
    .avoids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) limber_cond_free),
    .lacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) limber_cond_free),
  };
  check_rule_conditions (&L);
  check_contraindications (&L);
  check_shadowed (&L, &S);
  check_unreachable (&L, &S);
  check_ladders (&L);
  check_duplicates (&L);
  check_texts (&L);
  check_citations (&L);
  check_categories (&L);
  check_measure_reach (&L);
  check_translations (&L);
  check_print_texts (&L);
  limber_cond_free (S.no_floor);
  g_hash_table_unref (S.avoids);
  g_hash_table_unref (S.lacks);
  g_free (L.rule_dead);

  g_ptr_array_sort (L.findings, finding_compare);
  LimberLintReport *report = g_new0 (LimberLintReport, 1);
  report->rs = limber_ruleset_ref ((LimberRuleset *) rs);
  report->findings = L.findings;
  return report;
}

void
limber_lint_report_free (LimberLintReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->findings);
  limber_ruleset_unref (report->rs);
  g_free (report);
}

unsigned
limber_lint_report_get_n_findings (const LimberLintReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->findings->len;
}

unsigned
limber_lint_report_count (const LimberLintReport *report, LimberLintSeverity severity)
{
  g_return_val_if_fail (report != NULL, 0);
  unsigned n = 0;
  for (guint i = 0; i < report->findings->len; i++)
    n += ((LimberLintFinding *) g_ptr_array_index (report->findings, i))->severity >= severity;
  return n;
}

const LimberLintFinding *
limber_lint_report_get_finding (const LimberLintReport *report, unsigned index)
{
  g_return_val_if_fail (report != NULL, NULL);
  return index < report->findings->len ? g_ptr_array_index (report->findings, index) : NULL;
}

const char *
limber_lint_severity_to_string (LimberLintSeverity severity)
{
  switch (severity)
    {
    case LIMBER_LINT_INFO: return "info";
    case LIMBER_LINT_WARNING: return "warning";
    case LIMBER_LINT_ERROR: return "error";
    }
  return "unknown";
}

char *
limber_lint_report_to_text (const LimberLintReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < report->findings->len; i++)
    {
      const LimberLintFinding *f = g_ptr_array_index (report->findings, i);
      g_string_append_printf (out, "%s:%d: %s %s: %s; fix: %s\n", report->rs->name, f->line,
                              limber_lint_severity_to_string (f->severity), f->code, f->message, f->hint);
    }
  return g_string_free (out, FALSE);
}

char *
limber_lint_report_to_json (const LimberLintReport *report, gboolean pretty)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ruleset");
  json_builder_begin_object (b);
  limber_json_add_string (b, "id", report->rs->id);
  limber_json_add_string (b, "version", report->rs->version);
  limber_json_add_string (b, "file", report->rs->name);
  json_builder_end_object (b);
  limber_json_add_int (b, "errors", limber_lint_report_count (report, LIMBER_LINT_ERROR));
  limber_json_add_int (b, "warnings",
                       limber_lint_report_count (report, LIMBER_LINT_WARNING)
                         - limber_lint_report_count (report, LIMBER_LINT_ERROR));
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->findings->len; i++)
    {
      const LimberLintFinding *f = g_ptr_array_index (report->findings, i);
      json_builder_begin_object (b);
      limber_json_add_string (b, "code", f->code);
      limber_json_add_string (b, "severity", limber_lint_severity_to_string (f->severity));
      limber_json_add_int (b, "line", f->line);
      limber_json_add_string (b, "subject", f->subject);
      limber_json_add_string (b, "message", f->message);
      limber_json_add_string (b, "hint", f->hint);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return limber_json_write (root, NULL, pretty);
}

const char *
limber_lint_finding_get_code (const LimberLintFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->code;
}

LimberLintSeverity
limber_lint_finding_get_severity (const LimberLintFinding *f)
{
  g_return_val_if_fail (f != NULL, LIMBER_LINT_INFO);
  return f->severity;
}

int
limber_lint_finding_get_line (const LimberLintFinding *f)
{
  g_return_val_if_fail (f != NULL, 0);
  return f->line;
}

const char *
limber_lint_finding_get_subject (const LimberLintFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->subject;
}

const char *
limber_lint_finding_get_message (const LimberLintFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->message;
}

const char *
limber_lint_finding_get_hint (const LimberLintFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  return f->hint;
}
