/*
 * Reasoning about conditions (see cond-logic.h).
 *
 * A condition is expanded into disjunctive normal form: a list of
 * conjunctions of leaf conditions, each positive or negated.  A conjunction
 * can hold when every fact it constrains has a value left: the goal among
 * the goals not ruled out, the age in its bounds minus the bounds negated,
 * an answer among the values allowed (and, in a programme, not one that
 * triggers a referral), and so on, one fact at a time.  "a implies b" is
 * "a and not b can never hold".  Facts are modelled independently, which is
 * what keeps the answers certain in one direction only: two facts that
 * constrain each other (a score and its items' answers) are never used to
 * call a condition impossible.
 */
#include "cond-logic.h"

#include <math.h>
#include <string.h>

#define MAX_CONJUNCTIONS 256
#define PROFILE_MAX_AGE 120

typedef struct {
  const LimberCond *leaf;
  gboolean positive;
} Lit;

/* ---- normal form ------------------------------------------------------------ */

static void
dnf_free (GPtrArray *dnf)
{
  if (dnf)
    g_ptr_array_unref (dnf);
}

static GPtrArray *
dnf_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static GArray *
conj_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Lit));
}

/* Every conjunction of a followed by every one of b; NULL when too many. */
static GPtrArray *
product (GPtrArray *a, GPtrArray *b)
{
  if ((guint64) a->len * b->len > MAX_CONJUNCTIONS)
    return NULL;
  GPtrArray *out = dnf_new ();
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        GArray *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, j);
        GArray *c = conj_new ();
        g_array_append_vals (c, x->data, x->len);
        g_array_append_vals (c, y->data, y->len);
        g_ptr_array_add (out, c);
      }
  return out;
}

/* The normal form of cond, or of not cond; NULL when it would be too large
 * to reason about. */
static GPtrArray *
dnf (const LimberCond *c, gboolean negate)
{
  GPtrArray *out = dnf_new ();
  if (c == NULL)
    {
      /* "always": one empty conjunction; "never": none */
      if (!negate)
        g_ptr_array_add (out, conj_new ());
      return out;
    }
  gboolean conjunctive = (c->kind == COND_ALL) != negate;
  switch (c->kind)
    {
    case COND_NOT:
      dnf_free (out);
      return dnf (g_ptr_array_index (c->children, 0), !negate);
    case COND_ALL:
    case COND_ANY:
      if (conjunctive)
        g_ptr_array_add (out, conj_new ());
      for (guint i = 0; i < c->children->len; i++)
        {
          GPtrArray *child = dnf (g_ptr_array_index (c->children, i), negate);
          if (child == NULL)
            {
              dnf_free (out);
              return NULL;
            }
          if (conjunctive)
            {
              GPtrArray *next = product (out, child);
              dnf_free (out);
              dnf_free (child);
              if (next == NULL)
                return NULL;
              out = next;
            }
          else
            {
              while (child->len > 0)
                g_ptr_array_add (out, g_ptr_array_steal_index (child, 0));
              dnf_free (child);
              if (out->len > MAX_CONJUNCTIONS)
                {
                  dnf_free (out);
                  return NULL;
                }
            }
        }
      return out;
    default:
      {
        GArray *conj = conj_new ();
        Lit lit = { c, !negate };
        g_array_append_val (conj, lit);
        g_ptr_array_add (out, conj);
        return out;
      }
    }
}

/* ---- numbers: an interval minus forbidden intervals ---------------------------- */

typedef struct {
  double lo, hi;
  gboolean integer;
  gboolean needed;          /* a positive literal needs the fact to be there */
  GArray *forbidden;        /* double pairs: closed [a, b] */
} Num;

static void
num_init (Num *v, double lo, double hi, gboolean integer)
{
  v->lo = lo;
  v->hi = hi;
  v->integer = integer;
  v->needed = FALSE;
  v->forbidden = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
num_clear (Num *v)
{
  g_clear_pointer (&v->forbidden, g_array_unref);
}

static void
num_bound (Num *v, gboolean has_lo, double lo, gboolean has_hi, double hi)
{
  if (has_lo)
    v->lo = MAX (v->lo, lo);
  if (has_hi)
    v->hi = MIN (v->hi, hi);
}

static void
num_forbid (Num *v, gboolean has_lo, double lo, gboolean has_hi, double hi)
{
  double pair[2] = { has_lo ? lo : -INFINITY, has_hi ? hi : INFINITY };
  g_array_append_vals (v->forbidden, pair, 2);
}

/* Whether some value in [lo, hi] is outside every forbidden interval: walk
 * up from lo through the forbidden intervals that cover the current point. */
static gboolean
num_sat (const Num *v)
{
  double lo = v->integer ? ceil (v->lo) : v->lo;
  double hi = v->integer ? floor (v->hi) : v->hi;
  if (lo > hi)
    return FALSE;
  guint n = v->forbidden->len / 2;
  const double *f = (const double *) v->forbidden->data;
  double cur = lo;
  for (;;)
    {
      double reach = -INFINITY;
      for (guint i = 0; i < n; i++)
        {
          double a = v->integer ? ceil (f[2 * i]) : f[2 * i];
          double b = v->integer ? floor (f[2 * i + 1]) : f[2 * i + 1];
          if (a <= cur && b >= cur)
            reach = MAX (reach, b);
        }
      if (reach == -INFINITY)
        return TRUE;            /* cur itself is allowed */
      if (reach >= hi)
        return FALSE;           /* everything from cur to hi is forbidden */
      /* reals: a point just above cur is free when nothing covers past it */
      if (!v->integer && reach == cur)
        return TRUE;
      cur = v->integer ? reach + 1 : reach;
    }
}

/* ---- the facts of one conjunction ----------------------------------------------- */

typedef struct {
  Num num;                  /* scale answers */
  guint64 allowed;          /* yes-no (bit 0 no, bit 1 yes) and choice answers */
  guint64 refused;          /* values negated: apply when answered */
} Question;

typedef struct {
  gboolean needed;
  guint64 allowed, refused;
} Score;

typedef struct {
  gboolean needed;          /* measured */
  double lo[2], hi[2];      /* deficit left, right */
  double any_min;           /* max (left, right) >= this; -1: none */
  double both_below;        /* min (left, right) < this; INFINITY: none */
  GArray *asym_pos;         /* pairs: threshold, side */
  GArray *asym_neg;
} Measure;

typedef struct {
  const LimberRuleset *rs;
  gboolean programme;
  guint goals;              /* still possible */
  Num age;
  Num minutes;
  Num history[6];
  GHashTable *questions;    /* index -> Question* */
  GHashTable *scores;
  GHashTable *measures;
  GHashTable *switches;     /* "no-floor", "has:ID", "avoids:ID" -> 1 must be true | 2 must be false */
  GHashTable *trends;       /* "measure/of/over" -> Trend* */
} Facts;

static void
question_free (gpointer p)
{
  Question *q = p;
  num_clear (&q->num);
  g_free (q);
}

static void
measure_free (gpointer p)
{
  Measure *m = p;
  g_array_unref (m->asym_pos);
  g_array_unref (m->asym_neg);
  g_free (m);
}

/* A trend's change.  For measure="any" each positive literal may be met by
 * a different measure, so positives are kept apart (pos: bound pairs) and
 * each is checked alone against the negations, which hold for every measure. */
typedef struct {
  Num num;
  gboolean any;
  GArray *pos;              /* double pairs: lo, hi (measure="any" only) */
} Trend;

static void
trend_free (gpointer p)
{
  Trend *t = p;
  num_clear (&t->num);
  g_array_unref (t->pos);
  g_free (t);
}

static gboolean
trend_sat (const Trend *t)
{
  if (!t->any)
    return !t->num.needed || num_sat (&t->num);
  const double *p = (const double *) t->pos->data;
  for (guint i = 0; i < t->pos->len / 2; i++)
    {
      Num one = t->num;
      num_bound (&one, TRUE, p[2 * i], TRUE, p[2 * i + 1]);
      if (!num_sat (&one))
        return FALSE;
    }
  return TRUE;
}

static void
facts_init (Facts *F, const LimberRuleset *rs, gboolean programme)
{
  F->rs = rs;
  F->programme = programme;
  F->goals = 0;
  for (int g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      F->goals |= 1u << g;
  num_init (&F->age, 0, PROFILE_MAX_AGE, TRUE);
  num_init (&F->minutes, PROFILE_MIN_MINUTES, PROFILE_MAX_MINUTES, FALSE);
  num_init (&F->history[HISTORY_SESSIONS_COMPLETED], 0, INFINITY, TRUE);
  num_init (&F->history[HISTORY_WEEKS_ACTIVE], 0, INFINITY, TRUE);
  num_init (&F->history[HISTORY_DAYS_SINCE_LAST], 1, INFINITY, TRUE);
  num_init (&F->history[HISTORY_RECENT_MAX_DISCOMFORT], 0, 10, FALSE);
  num_init (&F->history[HISTORY_UNSETTLED_DISCOMFORT_DAYS], 0, INFINITY, TRUE);
  num_init (&F->history[HISTORY_WEEKS_WITHOUT_IMPROVEMENT], 0, INFINITY, TRUE);
  /* in a programme no see-clinician or emergency flag on the history held */
  for (guint i = 0; programme && i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *flag = g_ptr_array_index (rs->red_flags, i);
      if (flag->on_history && flag->has_at_least && flag->outcome >= LIMBER_OUTCOME_SEE_CLINICIAN)
        num_forbid (&F->history[flag->history_fact], TRUE, flag->at_least, FALSE, 0);
    }
  F->questions = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, question_free);
  F->scores = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  F->measures = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, measure_free);
  F->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  F->trends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, trend_free);
}

static void
facts_clear (Facts *F)
{
  num_clear (&F->age);
  num_clear (&F->minutes);
  for (int i = 0; i < 6; i++)
    num_clear (&F->history[i]);
  g_hash_table_unref (F->questions);
  g_hash_table_unref (F->scores);
  g_hash_table_unref (F->measures);
  g_hash_table_unref (F->switches);
  g_hash_table_unref (F->trends);
}

static Question *
question (Facts *F, int index)
{
  Question *q = g_hash_table_lookup (F->questions, GINT_TO_POINTER (index + 1));
  if (q == NULL)
    {
      const LimberQuestion *lq = g_ptr_array_index (F->rs->questions, index);
      q = g_new0 (Question, 1);
      num_init (&q->num, lq->min, lq->max, FALSE);
      q->allowed = G_MAXUINT64;
      g_hash_table_insert (F->questions, GINT_TO_POINTER (index + 1), q);
    }
  return q;
}

static Measure *
measure (Facts *F, int index)
{
  Measure *m = g_hash_table_lookup (F->measures, GINT_TO_POINTER (index + 1));
  if (m == NULL)
    {
      const LimberMeasure *lm = g_ptr_array_index (F->rs->measures, index);
      m = g_new0 (Measure, 1);
      m->hi[0] = m->hi[1] = MAX (0.0, lm->normal - lm->min);
      m->any_min = -1;
      m->both_below = INFINITY;
      m->asym_pos = g_array_new (FALSE, FALSE, sizeof (double));
      m->asym_neg = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (F->measures, GINT_TO_POINTER (index + 1), m);
    }
  return m;
}

static void
switch_need (Facts *F, const char *key, gboolean value)
{
  guint need = GPOINTER_TO_UINT (g_hash_table_lookup (F->switches, key));
  g_hash_table_insert (F->switches, g_strdup (key), GUINT_TO_POINTER (need | (value ? 1u : 2u)));
}

/* A red flag as a constraint on its question's answer. */
static void
add_flag (Facts *F, const LimberRedFlag *flag, gboolean positive)
{
  if (flag->on_history && flag->has_at_least)
    {
      Num *v = &F->history[flag->history_fact];
      if (positive)
        {
          v->needed = TRUE;
          num_bound (v, TRUE, flag->at_least, FALSE, 0);
        }
      else
        num_forbid (v, TRUE, flag->at_least, FALSE, 0);
      return;
    }
  if (flag->question_index < 0)
    return;
  Question *q = question (F, flag->question_index);
  if (positive)
    {
      q->num.needed = TRUE;
      if (flag->has_at_least)
        num_bound (&q->num, TRUE, flag->at_least, FALSE, 0);
      else if (flag->is_index >= 0)
        q->allowed &= G_GUINT64_CONSTANT (1) << flag->is_index;
    }
  else if (flag->has_at_least)
    num_forbid (&q->num, TRUE, flag->at_least, FALSE, 0);
  else if (flag->is_index >= 0)
    q->refused |= G_GUINT64_CONSTANT (1) << flag->is_index;
}

static const double SIDE_ANY_CODE = 0, SIDE_LEFT_CODE = 1, SIDE_RIGHT_CODE = 2;

static void
add_literal (Facts *F, const Lit *lit)
{
  const LimberCond *c = lit->leaf;
  gboolean pos = lit->positive;
  const LimberRuleset *rs = F->rs;
  switch (c->kind)
    {
    case COND_GOAL:
      F->goals &= pos ? 1u << c->goal : ~(1u << c->goal);
      break;
    case COND_AGE:
      if (pos)
        num_bound (&F->age, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
      else
        num_forbid (&F->age, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
      break;
    case COND_MINUTES:
      if (pos)
        num_bound (&F->minutes, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
      else
        num_forbid (&F->minutes, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
      break;
    case COND_ANSWER:
      {
        if (c->index < 0)
          break;
        Question *q = question (F, c->index);
        if (c->value != NULL)
          {
            guint64 bit = c->value_index >= 0 ? G_GUINT64_CONSTANT (1) << c->value_index : 0;
            if (pos)
              q->allowed &= bit;
            else
              q->refused |= bit;
          }
        else if (pos)
          num_bound (&q->num, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
        else
          num_forbid (&q->num, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
        q->num.needed |= pos;
        break;
      }
    case COND_FLAG:
      if (c->index >= 0)
        add_flag (F, g_ptr_array_index (rs->red_flags, c->index), pos);
      break;
    case COND_SCORE:
      {
        if (c->index < 0 || c->value_index < 0)
          break;
        Score *s = g_hash_table_lookup (F->scores, GINT_TO_POINTER (c->index + 1));
        if (s == NULL)
          {
            s = g_new0 (Score, 1);
            const LimberScore *score = g_ptr_array_index (rs->scores, c->index);
            for (guint k = 0; k < score->categories->len && k < 64; k++)
              if (limber_logic_category_reachable (rs, score, k))
                s->allowed |= G_GUINT64_CONSTANT (1) << k;
            g_hash_table_insert (F->scores, GINT_TO_POINTER (c->index + 1), s);
          }
        guint64 bit = G_GUINT64_CONSTANT (1) << c->value_index;
        if (pos)
          {
            s->needed = TRUE;
            s->allowed &= bit;
          }
        else
          s->refused |= bit;
        break;
      }
    case COND_CONSTRAINT:
      {
        g_autofree char *key = c->constraint == CONSTRAINT_NO_FLOOR ? g_strdup ("no-floor")
                               : c->constraint == CONSTRAINT_HAS_EQUIPMENT ? g_strconcat ("has:", c->value, NULL)
                                                                           : g_strconcat ("avoids:", c->value, NULL);
        gboolean value = c->constraint == CONSTRAINT_NO_FLOOR ? c->flag_value : TRUE;
        switch_need (F, key, pos ? value : !value);
        break;
      }
    case COND_HISTORY:
      {
        Num *v = &F->history[c->fact];
        if (pos)
          {
            v->needed = TRUE;
            num_bound (v, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
          }
        else
          num_forbid (v, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
        break;
      }
    case COND_DEFICIT:
      {
        if (c->index < 0)
          break;
        Measure *m = measure (F, c->index);
        if (pos)
          {
            m->needed = TRUE;
            if (c->side == SIDE_LEFT || c->side == SIDE_BOTH)
              m->lo[0] = MAX (m->lo[0], c->at_least);
            if (c->side == SIDE_RIGHT || c->side == SIDE_BOTH)
              m->lo[1] = MAX (m->lo[1], c->at_least);
            if (c->side == SIDE_ANY)
              m->any_min = MAX (m->any_min, c->at_least);
          }
        else
          {
            /* below the threshold: the highest deficit left is just under it */
            double below = nextafter (c->at_least, -INFINITY);
            if (c->side == SIDE_LEFT || c->side == SIDE_ANY)
              m->hi[0] = MIN (m->hi[0], below);
            if (c->side == SIDE_RIGHT || c->side == SIDE_ANY)
              m->hi[1] = MIN (m->hi[1], below);
            if (c->side == SIDE_BOTH)
              m->both_below = MIN (m->both_below, c->at_least);
          }
        break;
      }
    case COND_ASYMMETRY:
      {
        if (c->index < 0)
          break;
        const LimberMeasure *lm = g_ptr_array_index (rs->measures, c->index);
        Measure *m = measure (F, c->index);
        double pair[2] = { c->has_at_least ? c->at_least : lm->asymmetry,
                           c->side == SIDE_LEFT ? SIDE_LEFT_CODE : c->side == SIDE_RIGHT ? SIDE_RIGHT_CODE
                                                                                          : SIDE_ANY_CODE };
        g_array_append_vals (pos ? m->asym_pos : m->asym_neg, pair, 2);
        m->needed |= pos;
        break;
      }
    case COND_TREND:
      {
        g_autofree char *key = g_strdup_printf ("%s/%d/%u", c->ref, c->trend_asymmetry, c->over_days);
        Trend *t = g_hash_table_lookup (F->trends, key);
        if (t == NULL)
          {
            /* a change can be at most the width of the valid range either way */
            double range = 0;
            for (guint i = 0; i < rs->measures->len; i++)
              {
                const LimberMeasure *lm = g_ptr_array_index (rs->measures, i);
                if ((c->index < 0 || (int) i == c->index) && (lm->sided || !c->trend_asymmetry))
                  range = MAX (range, lm->max - lm->min);
              }
            t = g_new0 (Trend, 1);
            num_init (&t->num, -range, range, FALSE);
            t->any = c->index < 0;
            t->pos = g_array_new (FALSE, FALSE, sizeof (double));
            g_hash_table_insert (F->trends, g_steal_pointer (&key), t);
          }
        if (pos && t->any)
          {
            double pair[2] = { c->has_at_least ? c->at_least : -INFINITY, c->has_at_most ? c->at_most : INFINITY };
            g_array_append_vals (t->pos, pair, 2);
          }
        else if (pos)
          {
            t->num.needed = TRUE;
            num_bound (&t->num, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
          }
        else
          num_forbid (&t->num, c->has_at_least, c->at_least, c->has_at_most, c->at_most);
        break;
      }
    default:
      break; /* a kind this analysis does not know constrains nothing it can see */
    }
}

static gboolean
question_sat (Facts *F, int index, Question *q)
{
  if (!q->num.needed)
    return TRUE;            /* unanswered satisfies every negation */
  const LimberQuestion *lq = g_ptr_array_index (F->rs->questions, index);
  if (F->programme)
    for (guint i = 0; i < F->rs->red_flags->len; i++)
      {
        const LimberRedFlag *flag = g_ptr_array_index (F->rs->red_flags, i);
        if (flag->question_index == index && flag->outcome >= LIMBER_OUTCOME_SEE_CLINICIAN)
          add_flag (F, flag, FALSE);
      }
  switch (lq->kind)
    {
    case LIMBER_QUESTION_YES_NO:
      return (q->allowed & ~q->refused & 3) != 0;
    case LIMBER_QUESTION_CHOICE:
      {
        guint n = MIN (g_strv_length (lq->choices), 64);
        guint64 all = n == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << n) - 1;
        return (q->allowed & ~q->refused & all) != 0;
      }
    case LIMBER_QUESTION_SCALE:
      return num_sat (&q->num);
    }
  return TRUE;
}

static gboolean
measure_sat (const LimberMeasure *lm, Measure *m)
{
  if (!m->needed)
    return TRUE;            /* not measured satisfies every negation */
  if (m->lo[0] > m->hi[0] || m->lo[1] > m->hi[1])
    return FALSE;
  /* deficits: each side at its lowest or highest is enough to try */
  gboolean deficits = FALSE;
  for (int l = 0; l < 2 && !deficits; l++)
    for (int r = 0; r < 2 && !deficits; r++)
      {
        double left = l ? m->hi[0] : m->lo[0], right = r ? m->hi[1] : m->lo[1];
        deficits = MAX (left, right) >= m->any_min && MIN (left, right) < m->both_below;
      }
  if (!deficits)
    return FALSE;
  if (m->asym_pos->len == 0)
    return TRUE;
  if (!lm->sided)
    return FALSE;
  /* asymmetry: the smallest difference every positive needs, on a side
   * every positive allows, must escape every negation */
  double need = 0;
  gboolean side_ok[3] = { FALSE, TRUE, TRUE };
  const double *p = (const double *) m->asym_pos->data;
  for (guint i = 0; i < m->asym_pos->len / 2; i++)
    {
      need = MAX (need, p[2 * i]);
      if (p[2 * i + 1] == SIDE_LEFT_CODE)
        side_ok[2] = FALSE;
      if (p[2 * i + 1] == SIDE_RIGHT_CODE)
        side_ok[1] = FALSE;
    }
  if (need > lm->max - lm->min)
    return FALSE;
  const double *n = (const double *) m->asym_neg->data;
  for (int side = 1; side <= 2; side++)
    {
      if (!side_ok[side])
        continue;
      gboolean escapes = TRUE;
      for (guint i = 0; i < m->asym_neg->len / 2 && escapes; i++)
        if (need >= n[2 * i] && (n[2 * i + 1] == SIDE_ANY_CODE || n[2 * i + 1] == side))
          escapes = FALSE;
      if (escapes)
        return TRUE;
    }
  return FALSE;
}

static gboolean
facts_sat (Facts *F)
{
  if (F->goals == 0 || !num_sat (&F->age) || !num_sat (&F->minutes))
    return FALSE;
  /* sessions and active weeks are always known; the last session and recent
   * discomfort only when there is a history */
  if (!num_sat (&F->history[HISTORY_SESSIONS_COMPLETED]) || !num_sat (&F->history[HISTORY_WEEKS_ACTIVE]))
    return FALSE;
  if (F->history[HISTORY_DAYS_SINCE_LAST].needed && !num_sat (&F->history[HISTORY_DAYS_SINCE_LAST]))
    return FALSE;
  if (F->history[HISTORY_RECENT_MAX_DISCOMFORT].needed && !num_sat (&F->history[HISTORY_RECENT_MAX_DISCOMFORT]))
    return FALSE;
  if (F->history[HISTORY_UNSETTLED_DISCOMFORT_DAYS].needed
      && !num_sat (&F->history[HISTORY_UNSETTLED_DISCOMFORT_DAYS]))
    return FALSE;
  if (!num_sat (&F->history[HISTORY_WEEKS_WITHOUT_IMPROVEMENT]))
    return FALSE;
  /* an active week needs a completed session, and a session a history */
  const Num *sessions = &F->history[HISTORY_SESSIONS_COMPLETED], *weeks = &F->history[HISTORY_WEEKS_ACTIVE];
  if (ceil (weeks->lo) > floor (sessions->hi))
    return FALSE;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, F->scores);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      Score *s = value;
      if (s->needed && (s->allowed & ~s->refused) == 0)
        return FALSE;
      /* a category needs every item answered */
      if (s->needed)
        {
          const LimberScore *score = g_ptr_array_index (F->rs->scores, GPOINTER_TO_INT (key) - 1);
          for (guint k = 0; k < score->items->len; k++)
            {
              const LimberScoreItem *item = g_ptr_array_index (score->items, k);
              if (item->question_index >= 0)
                question (F, item->question_index)->num.needed = TRUE;
            }
        }
    }
  g_hash_table_iter_init (&it, F->questions);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (!question_sat (F, GPOINTER_TO_INT (key) - 1, value))
      return FALSE;
  g_hash_table_iter_init (&it, F->measures);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (!measure_sat (g_ptr_array_index (F->rs->measures, GPOINTER_TO_INT (key) - 1), value))
      return FALSE;
  g_hash_table_iter_init (&it, F->switches);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (GPOINTER_TO_UINT (value) == 3)
      return FALSE;
  g_hash_table_iter_init (&it, F->trends);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (!trend_sat (value))
      return FALSE;
  return TRUE;
}

static gboolean
conj_sat (const LimberRuleset *rs, GArray *conj, gboolean programme)
{
  Facts F;
  facts_init (&F, rs, programme);
  for (guint i = 0; i < conj->len; i++)
    add_literal (&F, &g_array_index (conj, Lit, i));
  gboolean sat = facts_sat (&F);
  facts_clear (&F);
  return sat;
}

/* ---- the questions lint asks ---------------------------------------------------- */

gboolean
limber_logic_can_hold (const LimberRuleset *rs, const LimberCond *cond, gboolean programme)
{
  GPtrArray *d = dnf (cond, FALSE);
  if (d == NULL)
    return TRUE;
  gboolean sat = FALSE;
  for (guint i = 0; i < d->len && !sat; i++)
    sat = conj_sat (rs, g_ptr_array_index (d, i), programme);
  dnf_free (d);
  return sat;
}

gboolean
limber_logic_implies (const LimberRuleset *rs, const LimberCond *a, const LimberCond *b)
{
  GPtrArray *da = dnf (a, FALSE);
  GPtrArray *nb = dnf (b, TRUE);
  gboolean implies = da != NULL && nb != NULL;
  for (guint i = 0; implies && i < da->len; i++)
    for (guint j = 0; implies && j < nb->len; j++)
      {
        GArray *x = g_ptr_array_index (da, i), *y = g_ptr_array_index (nb, j);
        g_autoptr (GArray) both = conj_new ();
        g_array_append_vals (both, x->data, x->len);
        g_array_append_vals (both, y->data, y->len);
        implies = !conj_sat (rs, both, TRUE);
      }
  dnf_free (da);
  dnf_free (nb);
  return implies;
}

gboolean
limber_logic_equivalent (const LimberRuleset *rs, const LimberCond *a, const LimberCond *b)
{
  return limber_logic_implies (rs, a, b) && limber_logic_implies (rs, b, a);
}

/* The highest points an item can give. */
static double
item_max (const LimberRuleset *rs, const LimberScoreItem *item)
{
  if (item->question_index < 0)
    return 0;
  const LimberQuestion *q = g_ptr_array_index (rs->questions, item->question_index);
  switch (q->kind)
    {
    case LIMBER_QUESTION_YES_NO: return 1;
    case LIMBER_QUESTION_SCALE: return q->max;
    case LIMBER_QUESTION_CHOICE:
      {
        double best = 0;
        for (guint k = 0; item->points && k < item->points->len; k++)
          best = MAX (best, g_array_index (item->points, double, k));
        return best;
      }
    }
  return 0;
}

static double
item_min (const LimberRuleset *rs, const LimberScoreItem *item)
{
  if (item->question_index < 0)
    return 0;
  const LimberQuestion *q = g_ptr_array_index (rs->questions, item->question_index);
  if (q->kind == LIMBER_QUESTION_SCALE)
    return q->min;
  double worst = 0;
  for (guint k = 0; q->kind == LIMBER_QUESTION_CHOICE && item->points && k < item->points->len; k++)
    worst = MIN (worst, g_array_index (item->points, double, k));
  return worst;
}

/* A category's box: [lo, hi] of the total (dimension 0) and of each subscale. */
static void
category_box (const LimberRuleset *rs, const LimberScore *s, const LimberCategory *cat, double *lo, double *hi,
              gboolean clamp)
{
  guint dims = 1 + s->subscales->len;
  for (guint d = 0; d < dims; d++)
    {
      lo[d] = -INFINITY;
      hi[d] = INFINITY;
    }
  if (clamp)
    {
      lo[0] = hi[0] = 0;
      for (guint k = 0; k < s->items->len; k++)
        {
          lo[0] += item_min (rs, g_ptr_array_index (s->items, k));
          hi[0] += item_max (rs, g_ptr_array_index (s->items, k));
        }
      for (guint d = 0; d < s->subscales->len; d++)
        {
          const LimberSubscale *sub = g_ptr_array_index (s->subscales, d);
          lo[d + 1] = hi[d + 1] = 0;
          for (guint j = 0; sub->items && j < sub->items->len; j++)
            {
              const LimberScoreItem *item = g_ptr_array_index (s->items, g_array_index (sub->items, guint, j));
              lo[d + 1] += item_min (rs, item);
              hi[d + 1] += item_max (rs, item);
            }
        }
    }
  if (cat->has_total_at_least)
    lo[0] = MAX (lo[0], cat->total_at_least);
  if (cat->has_total_at_most)
    hi[0] = MIN (hi[0], cat->total_at_most);
  for (guint b = 0; b < cat->bounds->len; b++)
    {
      const LimberSubscaleBound *bound = g_ptr_array_index (cat->bounds, b);
      if (bound->subscale_index < 0)
        continue;
      if (bound->has_at_least)
        lo[bound->subscale_index + 1] = MAX (lo[bound->subscale_index + 1], bound->at_least);
      if (bound->has_at_most)
        hi[bound->subscale_index + 1] = MIN (hi[bound->subscale_index + 1], bound->at_most);
    }
}

gboolean
limber_logic_category_reachable (const LimberRuleset *rs, const LimberScore *s, guint category)
{
  guint dims = 1 + s->subscales->len;
  g_autofree double *lo = g_new (double, dims), *hi = g_new (double, dims);
  g_autofree double *elo = g_new (double, dims), *ehi = g_new (double, dims);
  category_box (rs, s, g_ptr_array_index (s->categories, category), lo, hi, TRUE);
  for (guint d = 0; d < dims; d++)
    if (lo[d] > hi[d])
      return FALSE;
  /* an earlier category whose bounds contain all of this one's takes
   * every profile first */
  for (guint e = 0; e < category; e++)
    {
      category_box (rs, s, g_ptr_array_index (s->categories, e), elo, ehi, FALSE);
      gboolean contains = TRUE;
      for (guint d = 0; d < dims && contains; d++)
        contains = elo[d] <= lo[d] && ehi[d] >= hi[d];
      if (contains)
        return FALSE;
    }
  return TRUE;
}

/* ---- conditions built for a question ------------------------------------------------ */

static LimberCond *
leaf (LimberCondKind kind)
{
  LimberCond *c = g_new0 (LimberCond, 1);
  c->kind = kind;
  c->index = c->value_index = -1;
  return c;
}

LimberCond *
limber_logic_goal (LimberGoal goal)
{
  LimberCond *c = leaf (COND_GOAL);
  c->goal = goal;
  return c;
}

LimberCond *
limber_logic_no_floor (void)
{
  LimberCond *c = leaf (COND_CONSTRAINT);
  c->constraint = CONSTRAINT_NO_FLOOR;
  c->flag_value = TRUE;
  c->value = g_strdup ("true");
  return c;
}

LimberCond *
limber_logic_avoids (const char *region)
{
  LimberCond *c = leaf (COND_CONSTRAINT);
  c->constraint = CONSTRAINT_AVOIDS_REGION;
  c->value = g_strdup (region);
  return c;
}

LimberCond *
limber_logic_lacks (const char *equipment)
{
  LimberCond *has = leaf (COND_CONSTRAINT);
  has->constraint = CONSTRAINT_HAS_EQUIPMENT;
  has->value = g_strdup (equipment);
  LimberCond *c = leaf (COND_NOT);
  c->children = limber_new_cond_array ();
  g_ptr_array_add (c->children, has);
  return c;
}
