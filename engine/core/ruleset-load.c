/*
 * Loading a rule set: bytes -> XML tree -> schema validation -> LimberRuleset.
 *
 * The order matters.  The document is parsed with no network, no DTD loading
 * and no entity substitution, and any DOCTYPE is refused outright: a rule set
 * has no use for one and it is the door to entity expansion attacks.  Schema
 * validation then guarantees the tree's shape, so the builder below can trust
 * that required attributes exist and hold the right type; what the schema
 * cannot see is left to ruleset-check.c.  Every problem found in one stage is
 * reported at once, one line each, so an author fixes a file in one round.
 */
#include "ruleset-private.h"
#include "sha256.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "limber/error.h"
#include "pose.h"
#include "error-private.h"
#include "read-limit.h"
#include "resources.h"
#include "ruleset-image.h"
#include "xml-safe.h"

#define RESOURCE_DEFAULT "/org/limber/rules/default.xml"
#define RESOURCE_SCHEMA "/org/limber/rules/limber-ruleset.xsd"

typedef struct {
  const char *name;
  const char *source;
  gsize length;
} Loader;

/* ---- small readers over a validated tree ------------------------------ */



static double
attr_double_or (xmlNode *node, const char *name, double fallback)
{
  double v = fallback;
  limber_xml_attr_double (node, name, &v);
  return v;
}

/* A whole-number attribute.  The schema says it is a whole number, not
 * how large: one beyond what an unsigned holds is taken as the most it
 * holds, not wrapped round to something small (a sets="4294967296" would
 * have become 0), so the compiled form (ruleset-image.c) reads back what
 * was built. */
static unsigned
attr_uint_or (xmlNode *node, const char *name, unsigned fallback)
{
  double v = attr_double_or (node, name, fallback);
  return v <= 0 ? 0 : v >= (double) G_MAXUINT ? G_MAXUINT : (unsigned) v;
}

static gboolean
attr_bool (xmlNode *node, const char *name, gboolean fallback)
{
  g_autofree char *value = limber_xml_attr (node, name);
  if (value == NULL)
    return fallback;
  return g_str_equal (value, "true") || g_str_equal (value, "1");
}

static char **
split_ids (const char *s)
{
  if (s == NULL)
    return g_new0 (char *, 1);
  char **parts = g_strsplit_set (s, " \t\r\n", -1);
  GPtrArray *out = g_ptr_array_new ();
  for (char **p = parts; *p; p++)
    if (**p)
      g_ptr_array_add (out, g_strdup (*p));
  g_ptr_array_add (out, NULL);
  g_strfreev (parts);
  return (char **) g_ptr_array_free (out, FALSE);
}

static char **
attr_ids (xmlNode *node, const char *name)
{
  g_autofree char *value = limber_xml_attr (node, name);
  return split_ids (value);
}

static char **
text_ids (xmlNode *node)
{
  g_autofree char *value = limber_xml_text (node);
  return split_ids (value);
}

static gboolean
is (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) name) == 0;
}

#define FOR_CHILDREN(parent, child)                                         \
  for (xmlNode *child = (parent)->children; child; child = child->next)     \
    if (child->type == XML_ELEMENT_NODE)

static xmlNode *
child_named (xmlNode *parent, const char *name)
{
  FOR_CHILDREN (parent, c)
    if (is (c, name))
      return c;
  return NULL;
}

static char *
child_text (xmlNode *parent, const char *name)
{
  xmlNode *c = child_named (parent, name);
  return c ? limber_xml_text (c) : NULL;
}

/* The texts of every <item> child of parent, as a NULL-terminated array. */
static char **
children_texts (xmlNode *parent, const char *item)
{
  GPtrArray *out = g_ptr_array_new ();
  if (parent != NULL)
    {
      FOR_CHILDREN (parent, c)
        if (is (c, item))
          g_ptr_array_add (out, limber_xml_text (c));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* ---- conditions and actions ------------------------------------------- */

static void
read_bounds (xmlNode *node, LimberCond *c)
{
  c->has_at_least = limber_xml_attr_double (node, "at-least", &c->at_least);
  c->has_at_most = limber_xml_attr_double (node, "at-most", &c->at_most);
}

static LimberCond *read_cond (xmlNode *node);

/* A history fact's name as the schema spells it (HistoryFact). */
static LimberHistoryFact
history_fact (const char *name)
{
  return g_strcmp0 (name, "sessions-completed") == 0        ? HISTORY_SESSIONS_COMPLETED
         : g_strcmp0 (name, "days-since-last-session") == 0 ? HISTORY_DAYS_SINCE_LAST
         : g_strcmp0 (name, "weeks-active") == 0            ? HISTORY_WEEKS_ACTIVE
         : g_strcmp0 (name, "unsettled-discomfort-days") == 0 ? HISTORY_UNSETTLED_DISCOMFORT_DAYS
         : g_strcmp0 (name, "weeks-without-improvement") == 0 ? HISTORY_WEEKS_WITHOUT_IMPROVEMENT
                                                            : HISTORY_RECENT_MAX_DISCOMFORT;
}

static LimberCond *
read_cond_list (xmlNode *node, LimberCondKind kind)
{
  LimberCond *c = g_new0 (LimberCond, 1);
  c->kind = kind;
  c->line = xmlGetLineNo (node);
  c->index = c->value_index = -1;
  c->children = limber_new_cond_array ();
  FOR_CHILDREN (node, child)
    g_ptr_array_add (c->children, read_cond (child));
  return c;
}

static LimberCond *
read_cond (xmlNode *node)
{
  static const struct { const char *name; LimberCondKind kind; } kinds[] = {
    { "all", COND_ALL }, { "any", COND_ANY }, { "not", COND_NOT },
    { "goal", COND_GOAL }, { "age", COND_AGE }, { "deficit", COND_DEFICIT },
    { "asymmetry", COND_ASYMMETRY }, { "answer", COND_ANSWER }, { "flag", COND_FLAG },
    { "score", COND_SCORE }, { "constraint", COND_CONSTRAINT }, { "history", COND_HISTORY },
    { "trend", COND_TREND }, { "minutes", COND_MINUTES }, { "unanswered", COND_UNANSWERED },
  };
  LimberCondKind kind = COND_ALL;
  for (unsigned i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (is (node, kinds[i].name))
      kind = kinds[i].kind;

  if (kind == COND_ALL || kind == COND_ANY || kind == COND_NOT)
    return read_cond_list (node, kind);

  LimberCond *c = g_new0 (LimberCond, 1);
  c->kind = kind;
  c->line = xmlGetLineNo (node);
  c->index = c->value_index = -1;
  read_bounds (node, c);
  switch (kind)
    {
    case COND_GOAL:
      {
        g_autofree char *goal = limber_xml_attr (node, "is");
        limber_goal_from_string (goal, &c->goal);
        break;
      }
    case COND_DEFICIT:
    case COND_ASYMMETRY:
      {
        c->ref = limber_xml_attr (node, "measure");
        g_autofree char *side = limber_xml_attr (node, kind == COND_DEFICIT ? "side" : "tighter");
        c->side = g_strcmp0 (side, "left") == 0    ? SIDE_LEFT
                  : g_strcmp0 (side, "right") == 0 ? SIDE_RIGHT
                  : g_strcmp0 (side, "both") == 0  ? SIDE_BOTH
                                                   : SIDE_ANY;
        break;
      }
    case COND_ANSWER:
      c->ref = limber_xml_attr (node, "question");
      c->value = limber_xml_attr (node, "is");
      break;
    case COND_UNANSWERED:
      c->ref = limber_xml_attr (node, "question");
      break;
    case COND_FLAG:
      c->ref = limber_xml_attr (node, "ref");
      break;
    case COND_SCORE:
      c->ref = limber_xml_attr (node, "ref");
      c->value = limber_xml_attr (node, "category");
      break;
    case COND_CONSTRAINT:
      if ((c->value = limber_xml_attr (node, "has-equipment")) != NULL)
        c->constraint = CONSTRAINT_HAS_EQUIPMENT;
      else if ((c->value = limber_xml_attr (node, "avoids-region")) != NULL)
        c->constraint = CONSTRAINT_AVOIDS_REGION;
      else
        {
          c->constraint = CONSTRAINT_NO_FLOOR;
          c->flag_value = attr_bool (node, "no-floor", TRUE);
          c->value = limber_xml_attr (node, "no-floor"); /* kept so the checker sees if it was given */
        }
      break;
    case COND_TREND:
      {
        c->ref = limber_xml_attr (node, "measure");
        g_autofree char *of = limber_xml_attr (node, "of");
        c->trend_asymmetry = g_strcmp0 (of, "asymmetry") == 0;
        c->over_days = attr_uint_or (node, "over-days", 1);
        break;
      }
    case COND_HISTORY:
      {
        g_autofree char *fact = limber_xml_attr (node, "fact");
        c->fact = history_fact (fact);
        break;
      }
    default:
      break;
    }
  return c;
}

static void
read_target (xmlNode *node, LimberAction *a, gboolean with_measure)
{
  static const struct { const char *attr; LimberTargetKind kind; } kinds[] = {
    { "exercise", TARGET_EXERCISE }, { "tag", TARGET_TAG },
    { "region", TARGET_REGION }, { "position", TARGET_POSITION },
    { "measure", TARGET_MEASURE },
  };
  for (unsigned i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i].kind == TARGET_MEASURE && !with_measure)
        continue;
      char *value = limber_xml_attr (node, kinds[i].attr);
      if (value == NULL)
        continue;
      if (a->target != NULL)
        {
          /* the checker reports it: remember that there were two */
          g_free (value);
          a->target_kind = (LimberTargetKind) -1;
          continue;
        }
      a->target = value;
      a->target_kind = kinds[i].kind;
    }
}

static LimberAction *
read_action (xmlNode *node)
{
  LimberAction *a = g_new0 (LimberAction, 1);
  a->line = xmlGetLineNo (node);
  a->measure_index = -1;
  a->targets = g_array_new (FALSE, FALSE, sizeof (guint));
  if (is (node, "weight"))
    {
      a->kind = ACTION_WEIGHT;
      a->has_multiply = limber_xml_attr_double (node, "multiply", &a->multiply);
      a->has_add = limber_xml_attr_double (node, "add", &a->add);
    }
  else if (is (node, "exclude"))
    a->kind = ACTION_EXCLUDE;
  else if (is (node, "require"))
    a->kind = ACTION_REQUIRE;
  else if (is (node, "emphasise"))
    {
      a->kind = ACTION_EMPHASISE;
      a->measure = limber_xml_attr (node, "measure");
      a->extra_sets = attr_uint_or (node, "extra-sets", 1);
    }
  else if (is (node, "lowest-step"))
    a->kind = ACTION_LOWEST_STEP;
  else if (is (node, "min-hold"))
    {
      a->kind = ACTION_MIN_HOLD;
      a->seconds = attr_double_or (node, "seconds", 0);
    }
  else if (is (node, "min-reps"))
    {
      a->kind = ACTION_MIN_REPS;
      a->reps = attr_uint_or (node, "reps", 0);
    }
  else if (is (node, "limit-minutes"))
    {
      a->kind = ACTION_LIMIT_MINUTES;
      a->minutes = attr_double_or (node, "minutes", 0);
    }
  else
    {
      a->kind = ACTION_ADVISE;
      a->text = limber_xml_text (node);
    }
  if (a->kind == ACTION_EMPHASISE)
    {
      /* emphasise's measure= names the asymmetry; without another selector
       * the emphasis goes to the exercises that target that measure */
      read_target (node, a, FALSE);
      if (a->target == NULL && a->target_kind != (LimberTargetKind) -1)
        {
          a->target = g_strdup (a->measure);
          a->target_kind = TARGET_MEASURE;
        }
    }
  else if (a->kind != ACTION_ADVISE && a->kind != ACTION_LIMIT_MINUTES)
    read_target (node, a, TRUE);
  g_autofree char *role = limber_xml_attr (node, "role");
  a->any_role = g_strcmp0 (role, "any") == 0;
  return a;
}

/* ---- sections ---------------------------------------------------------- */

static void
read_metadata (LimberRuleset *rs, xmlNode *root)
{
  rs->id = limber_xml_attr (root, "id");
  rs->version = limber_xml_attr (root, "version");
  rs->schema_version = attr_uint_or (root, "schema-version", 1);
  rs->title = child_text (root, "title");
  rs->description = child_text (root, "description");
  rs->authors = children_texts (child_named (root, "authors"), "author");
  xmlNode *safety = child_named (root, "safety");
  if (safety != NULL)
    {
      rs->safety = limber_xml_text (safety);
      rs->safety_cite = attr_ids (safety, "cite");
      rs->safety_line = xmlGetLineNo (safety);
    }
  FOR_CHILDREN (child_named (root, "sources"), s)
    {
      LimberSource *src = g_new0 (LimberSource, 1);
      src->id = limber_xml_attr (s, "id");
      src->url = limber_xml_attr (s, "url");
      src->text = limber_xml_text (s);
      src->line = xmlGetLineNo (s);
      g_ptr_array_add (rs->sources, src);
    }
  FOR_CHILDREN (child_named (root, "goals"), g)
    {
      g_autofree char *id = limber_xml_attr (g, "id");
      LimberGoal goal;
      if (limber_goal_from_string (id, &goal))
        {
          g_free (rs->goal_text[goal]);
          rs->goal_text[goal] = limber_xml_text (g);
          rs->goal_declared[goal] = TRUE;
        }
    }
}

static void
read_measures (LimberRuleset *rs, xmlNode *section)
{
  FOR_CHILDREN (section, n)
    {
      LimberMeasure *m = g_new0 (LimberMeasure, 1);
      m->id = limber_xml_attr (n, "id");
      m->unit = limber_xml_attr (n, "unit");
      m->label = child_text (n, "label");
      m->name = child_text (n, "name");
      m->sided = attr_bool (n, "sided", FALSE);
      m->normal = attr_double_or (n, "normal", 0);
      m->min = attr_double_or (n, "min", 0);
      m->max = attr_double_or (n, "max", 0);
      m->asymmetry = attr_double_or (n, "asymmetry", 0);
      m->cite = attr_ids (n, "cite");
      m->line = xmlGetLineNo (n);
      m->protocol = limber_scan_protocol_read (n, &m->no_scan);
      g_ptr_array_add (rs->measures, m);
    }
}

static void
read_questions (LimberRuleset *rs, xmlNode *section)
{
  FOR_CHILDREN (section, n)
    {
      LimberQuestion *q = g_new0 (LimberQuestion, 1);
      q->id = limber_xml_attr (n, "id");
      q->text = child_text (n, "text");
      q->line = xmlGetLineNo (n);
      g_autofree char *kind = limber_xml_attr (n, "kind");
      q->kind = g_strcmp0 (kind, "scale") == 0    ? LIMBER_QUESTION_SCALE
                : g_strcmp0 (kind, "choice") == 0 ? LIMBER_QUESTION_CHOICE
                                                  : LIMBER_QUESTION_YES_NO;
      GPtrArray *ids = g_ptr_array_new ();
      q->choice_texts = children_texts (n, "choice");
      FOR_CHILDREN (n, c)
        if (is (c, "choice"))
          g_ptr_array_add (ids, limber_xml_attr (c, "id"));
      g_ptr_array_add (ids, NULL);
      q->choices = (char **) g_ptr_array_free (ids, FALSE);
      q->min = attr_double_or (n, "min", 0);
      q->max = attr_double_or (n, "max", q->kind == LIMBER_QUESTION_SCALE ? 10 : 1);
      g_ptr_array_add (rs->questions, q);
    }
}

static void
read_red_flags (LimberRuleset *rs, xmlNode *section)
{
  FOR_CHILDREN (section, n)
    {
      LimberRedFlag *f = g_new0 (LimberRedFlag, 1);
      f->id = limber_xml_attr (n, "id");
      g_autofree char *outcome = limber_xml_attr (n, "outcome");
      f->outcome = g_strcmp0 (outcome, "emergency") == 0       ? LIMBER_OUTCOME_EMERGENCY
                   : g_strcmp0 (outcome, "see-clinician") == 0 ? LIMBER_OUTCOME_SEE_CLINICIAN
                                                               : LIMBER_OUTCOME_CAUTION;
      f->question = limber_xml_attr (n, "question");
      f->question_index = f->is_index = -1;
      g_autofree char *fact = limber_xml_attr (n, "history");
      if (fact != NULL)
        {
          f->on_history = TRUE;
          f->history_fact = history_fact (fact);
        }
      f->is = limber_xml_attr (n, "is");
      f->has_at_least = limber_xml_attr_double (n, "at-least", &f->at_least);
      f->sign = child_text (n, "sign");
      f->message = child_text (n, "message");
      f->cite = attr_ids (n, "cite");
      f->line = xmlGetLineNo (n);
      g_ptr_array_add (rs->red_flags, f);
    }
}

static LimberScoreItem *
read_score_item (xmlNode *n)
{
  LimberScoreItem *item = g_new0 (LimberScoreItem, 1);
  item->question = limber_xml_attr (n, "question");
  item->question_index = -1;
  item->line = xmlGetLineNo (n);
  GPtrArray *choices = g_ptr_array_new ();
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  FOR_CHILDREN (n, p)
    {
      g_ptr_array_add (choices, limber_xml_attr (p, "choice"));
      double v = attr_double_or (p, "value", 0);
      g_array_append_val (values, v);
    }
  item->n_points = choices->len;
  g_ptr_array_add (choices, NULL);
  item->point_choices = (char **) g_ptr_array_free (choices, FALSE);
  item->point_values = (double *) g_array_free (values, FALSE);
  return item;
}

static void
read_scores (LimberRuleset *rs, xmlNode *section)
{
  FOR_CHILDREN (section, n)
    {
      LimberScore *s = g_new0 (LimberScore, 1);
      s->id = limber_xml_attr (n, "id");
      s->name = child_text (n, "name");
      s->cite = attr_ids (n, "cite");
      s->line = xmlGetLineNo (n);
      s->items = limber_new_score_item_array ();
      s->subscales = limber_new_subscale_array ();
      s->categories = limber_new_category_array ();
      FOR_CHILDREN (n, c)
        {
          if (is (c, "item"))
            g_ptr_array_add (s->items, read_score_item (c));
          else if (is (c, "subscale"))
            {
              LimberSubscale *sub = g_new0 (LimberSubscale, 1);
              sub->id = limber_xml_attr (c, "id");
              sub->line = xmlGetLineNo (c);
              sub->items = g_array_new (FALSE, FALSE, sizeof (guint));
              GPtrArray *qs = g_ptr_array_new ();
              FOR_CHILDREN (c, r)
                g_ptr_array_add (qs, limber_xml_attr (r, "question"));
              g_ptr_array_add (qs, NULL);
              sub->item_questions = (char **) g_ptr_array_free (qs, FALSE);
              g_ptr_array_add (s->subscales, sub);
            }
          else if (is (c, "category"))
            {
              LimberCategory *cat = g_new0 (LimberCategory, 1);
              cat->id = limber_xml_attr (c, "id");
              cat->line = xmlGetLineNo (c);
              cat->has_total_at_least = limber_xml_attr_double (c, "total-at-least", &cat->total_at_least);
              cat->has_total_at_most = limber_xml_attr_double (c, "total-at-most", &cat->total_at_most);
              cat->bounds = limber_new_bound_array ();
              FOR_CHILDREN (c, b)
                {
                  LimberSubscaleBound *bound = g_new0 (LimberSubscaleBound, 1);
                  bound->ref = limber_xml_attr (b, "ref");
                  bound->subscale_index = -1;
                  bound->line = xmlGetLineNo (b);
                  bound->has_at_least = limber_xml_attr_double (b, "at-least", &bound->at_least);
                  bound->has_at_most = limber_xml_attr_double (b, "at-most", &bound->at_most);
                  g_ptr_array_add (cat->bounds, bound);
                }
              g_ptr_array_add (s->categories, cat);
            }
        }
      g_ptr_array_add (rs->scores, s);
    }
}

static void
read_policy (LimberRuleset *rs, xmlNode *root)
{
  xmlNode *t = child_named (root, "timing");
  rs->timing.set_rest = attr_double_or (t, "set-rest", 0);
  rs->timing.transition = attr_double_or (t, "transition", 0);
  rs->timing.rep = attr_double_or (t, "rep", 0);

  xmlNode *p = child_named (root, "progression");
  LimberProgression *pr = &rs->progression;
  pr->advance_after = attr_uint_or (p, "advance-after", 3);
  pr->safe_max = attr_double_or (p, "safe-max", 2);
  pr->acceptable_max = attr_double_or (p, "acceptable-max", 5);
  pr->max_steps_per_week = attr_uint_or (p, "max-steps-per-week", 1);
  pr->break_days = attr_uint_or (p, "break-days", 14);
  pr->break_steps_back = attr_uint_or (p, "break-steps-back", 1);
  pr->cite = attr_ids (p, "cite");
  pr->line = xmlGetLineNo (p);
}

static void
read_templates (LimberRuleset *rs, xmlNode *section)
{
  rs->template_minutes = attr_uint_or (section, "reference-minutes", 0);
  FOR_CHILDREN (section, n)
    {
      g_autofree char *goal_s = limber_xml_attr (n, "goal");
      LimberGoal goal = LIMBER_GOAL_RECOVERY;
      limber_goal_from_string (goal_s, &goal);
      LimberTemplate *t = &rs->templates[goal];
      if (t->present)
        {
          /* a second template for the same goal: the checker reports it */
          t->line = -(int) xmlGetLineNo (n);
          continue;
        }
      t->present = TRUE;
      t->line = xmlGetLineNo (n);
      FOR_CHILDREN (n, s)
        {
          if (is (s, "routine"))
            {
              t->routine = attr_ids (s, "exercises");
              t->routine_cite = attr_ids (s, "cite");
              t->routine_reason = child_text (s, "reason");
              t->routine_line = xmlGetLineNo (s);
              continue;
            }
          LimberSlot *slot = g_new0 (LimberSlot, 1);
          slot->id = limber_xml_attr (s, "id");
          slot->share = attr_double_or (s, "share", 0);
          slot->tags = attr_ids (s, "tags");
          slot->max_items = attr_uint_or (s, "max-items", 0);
          slot->reason = limber_xml_attr (s, "reason");
          slot->line = xmlGetLineNo (s);
          g_ptr_array_add (t->slots, slot);
        }
    }
}

static LimberExercise *
read_exercise (xmlNode *n)
{
  LimberExercise *e = g_new0 (LimberExercise, 1);
  e->id = limber_xml_attr (n, "id");
  e->line = xmlGetLineNo (n);
  e->name = child_text (n, "name");
  e->reason = child_text (n, "reason");
  e->instructions = children_texts (child_named (n, "instructions"), "step");
  xmlNode *brief = child_named (n, "brief");
  e->brief = brief ? children_texts (brief, "step") : NULL;
  e->muscles = children_texts (child_named (n, "muscles"), "muscle");
  e->regions = text_ids (child_named (n, "regions"));
  e->tags = text_ids (child_named (n, "tags"));
  xmlNode *equipment = child_named (n, "equipment");
  e->equipment = equipment ? text_ids (equipment) : g_new0 (char *, 1);

  g_autofree char *position = limber_xml_attr (n, "position");
  e->position = LIMBER_POSITION_STANDING;
  for (unsigned p = LIMBER_POSITION_STANDING; p <= LIMBER_POSITION_WALL; p++)
    if (g_strcmp0 (position, limber_position_to_string ((LimberPosition) p)) == 0)
      e->position = (LimberPosition) p;
  /* without posture= the position says roughly where the body is */
  static const LimberPosture from_position[] = { LIMBER_POSTURE_STANDING, LIMBER_POSTURE_SEATED,
                                                 LIMBER_POSTURE_QUADRUPED, LIMBER_POSTURE_SUPINE,
                                                 LIMBER_POSTURE_STANDING };
  e->posture = from_position[e->position];
  g_autofree char *posture = limber_xml_attr (n, "posture");
  if (posture != NULL)
    limber_posture_from_string (posture, &e->posture);
  e->to_floor = attr_bool (n, "to-floor", FALSE);
  e->targets = g_array_new (FALSE, FALSE, sizeof (LimberExerciseTarget));
  xmlNode *targets = child_named (n, "targets");
  if (targets != NULL)
  FOR_CHILDREN (targets, t)
    {
      g_autofree char *role = limber_xml_attr (t, "role");
      LimberExerciseTarget target = {
        .measure = limber_xml_attr (t, "measure"),
        .measure_index = -1,
        .primary = g_strcmp0 (role, "secondary") != 0,
        .stretches = is (t, "stretches"),
        .line = xmlGetLineNo (t),
      };
      g_array_append_val (e->targets, target);
    }
  e->level = attr_uint_or (n, "level", 1);
  e->per_side = attr_bool (n, "per-side", FALSE);
  e->base_weight = attr_double_or (n, "base-weight", 1);
  e->has_seconds_per_rep = limber_xml_attr_double (n, "seconds-per-rep", &e->seconds_per_rep);

  xmlNode *ladder = child_named (n, "ladder");
  e->ladder = g_array_new (FALSE, TRUE, sizeof (LimberDose));
  e->ladder_line = xmlGetLineNo (ladder);
  e->ladder_cite = attr_ids (ladder, "cite");
  e->fill_up_to = attr_uint_or (ladder, "fill-up-to", 0);
  FOR_CHILDREN (ladder, s)
    {
      LimberDose d = {
        .sets = attr_uint_or (s, "sets", 1),
        .reps = attr_uint_or (s, "reps", 0),
        .hold_s = attr_double_or (s, "hold", 0),
        .duration_s = attr_double_or (s, "duration", 0),
      };
      g_array_append_val (e->ladder, d);
    }

  xmlNode *contra = child_named (n, "contraindications");
  if (contra != NULL)
    e->contraindications = read_cond_list (contra, COND_ANY);

  e->variants = limber_new_variant_array ();
  xmlNode *variants = child_named (n, "variants");
  if (variants != NULL)
    {
    FOR_CHILDREN (variants, v)
      {
        LimberVariant *var = g_new0 (LimberVariant, 1);
        g_autofree char *kind = limber_xml_attr (v, "kind");
        var->kind = g_strcmp0 (kind, "easier") == 0        ? VARIANT_EASIER
                    : g_strcmp0 (kind, "seated") == 0      ? VARIANT_SEATED
                    : g_strcmp0 (kind, "alternative") == 0 ? VARIANT_ALTERNATIVE
                                                           : VARIANT_HARDER;
        var->ref = limber_xml_attr (v, "ref");
        var->index = -1;
        var->line = xmlGetLineNo (v);
        g_ptr_array_add (e->variants, var);
      }
    }
  e->pose = limber_pose_read (child_named (n, "pose"));
  return e;
}

static void
read_rules (LimberRuleset *rs, xmlNode *section)
{
  FOR_CHILDREN (section, n)
    {
      LimberRule *r = g_new0 (LimberRule, 1);
      r->id = limber_xml_attr (n, "id");
      r->cite = attr_ids (n, "cite");
      r->line = xmlGetLineNo (n);
      r->description = child_text (n, "description");
      r->reason = child_text (n, "reason");
      r->reason_line = r->reason ? (int) xmlGetLineNo (child_named (n, "reason")) : 0;
      r->reason_measure = -1;
      xmlNode *when = child_named (n, "when");
      FOR_CHILDREN (when, c)
        r->when = read_cond (c);
      r->actions = limber_new_action_array ();
      FOR_CHILDREN (child_named (n, "then"), a)
        g_ptr_array_add (r->actions, read_action (a));
      g_ptr_array_add (rs->rules, r);
    }
}

static LimberRuleset *
build (xmlDoc *doc, const char *name)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  LimberRuleset *rs = limber_ruleset_alloc (name);
  read_metadata (rs, root);
  FOR_CHILDREN (root, section)
    {
      if (is (section, "measures"))
        read_measures (rs, section);
      else if (is (section, "questions"))
        read_questions (rs, section);
      else if (is (section, "red-flags"))
        read_red_flags (rs, section);
      else if (is (section, "scores"))
        read_scores (rs, section);
      else if (is (section, "templates"))
        read_templates (rs, section);
      else if (is (section, "exercises"))
        {
          FOR_CHILDREN (section, e)
            {
              LimberExercise *x = read_exercise (e);
              x->index = rs->exercises->len;
              g_ptr_array_add (rs->exercises, x);
            }
        }
      else if (is (section, "rules"))
        read_rules (rs, section);
    }
  read_policy (rs, root);
  return rs;
}

/* ---- entry points ------------------------------------------------------ */

/* No DTD, no entities, no network: see xml-safe.c. */
static xmlDoc *
parse_safely (Loader *L, GError **error)
{
  return limber_xml_parse_safely (L->name, L->source, L->length, "rule sets", "ruleset",
                                  "a limber rule set (see rules/limber-ruleset.xsd)", error);
}

static gboolean
validate (Loader *L, xmlDoc *doc, GError **error)
{
  return limber_xml_validate (limber_xml_schema (RESOURCE_SCHEMA), doc, L->name, L->source, L->length,
                              "does not follow the rule-set schema", error);
}

/* The sections whose size the schema leaves open are counted before the
 * schema and the checks walk them (read-limit.h, docs/rules-format.md). */
static gboolean
within_counts (Loader *L, xmlDoc *doc, GError **error)
{
  static const struct { const char *section, *element; unsigned max; } limits[] = {
    { "exercises", "exercise", LIMBER_MAX_EXERCISES },
    { "rules", "rule", LIMBER_MAX_RULES },
  };
  xmlNode *root = xmlDocGetRootElement (doc);
  for (gsize k = 0; root != NULL && k < G_N_ELEMENTS (limits); k++)
    FOR_CHILDREN (root, section)
      {
        if (!is (section, limits[k].section))
          continue;
        unsigned n = 0;
        FOR_CHILDREN (section, e)
          {
            if (!is (e, limits[k].element) || ++n <= limits[k].max)
              continue;
            int line = xmlGetLineNo (e);
            g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_SCHEMA,
                         "%s:%d:%d: <%s>: more than %u <%s> elements; expected at most %u (see docs/rules-format.md, "
                         "Limits)",
                         L->name, line, limber_source_column (L->source, L->length, line, limits[k].element),
                         limits[k].section, limits[k].max, limits[k].element, limits[k].max);
            return FALSE;
          }
      }
  return TRUE;
}

LimberRuleset *
limber_ruleset_new_from_data (const char *data, gssize length, const char *name, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  Loader L = {
    .name = name ? name : "<memory>",
    .source = data,
    .length = length < 0 ? strlen (data) : (gsize) length,
  };
  if (L.length > LIMBER_RULESET_MAX_BYTES)
    {
      limber_size_error (L.name, L.length, LIMBER_RULESET_MAX_BYTES, "a limber rule set", NULL, error);
      return NULL;
    }
  /* `limber compile`'s output: no XML at all (ruleset-image.c) */
  if (limber_ruleset_image_is (L.source, L.length))
    return limber_ruleset_image_read (L.source, L.length, L.name, error);
  /* the checksum is of the bytes as given; lines end at CR LF and a lone CR
   * too, for the parser and every line number (read-limit.h) */
  g_autofree char *sha256 = limber_sha256_hex (L.source, L.length);
  g_autofree char *unified = limber_unify_newlines (L.source, &L.length);
  if (unified != NULL)
    L.source = unified;

  /* compiled before the first parse: it also initialises libxml2, once */
  limber_xml_schema (RESOURCE_SCHEMA);
  /* Errors reach us through the parser context (NOERROR keeps libxml2 from
   * printing them) and through the validation context's structured handler:
   * the process-wide handlers, which an embedding app may own, are left alone. */
  xmlDoc *doc = parse_safely (&L, error);
  if (doc == NULL || !within_counts (&L, doc, error) || !validate (&L, doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  LimberRuleset *rs = build (doc, L.name);
  xmlFreeDoc (doc);
  rs->sha256 = g_steal_pointer (&sha256);
  g_autoptr (LimberReport) report = limber_report_new ();
  if (!limber_ruleset_check (rs, L.source, L.length, report))
    {
      limber_report_set_error (report, error, LIMBER_ERROR_SEMANTIC);
      limber_ruleset_unref (rs);
      return NULL;
    }
  limber_ruleset_compile (rs);
  return rs;
}

LimberRuleset *
limber_ruleset_new_from_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!limber_read_bounded (path, LIMBER_RULESET_MAX_BYTES, "a readable limber rule set", NULL, &contents, &length,
                            error))
    return NULL;
  LimberRuleset *rs = limber_ruleset_new_from_data (contents, (gssize) length,
                                                    g_str_equal (path, "-") ? "<stdin>" : path, error);
  /* its translations beside it (docs/i18n.md): FILE.de.xml, FILE.es.xml */
  if (rs != NULL && !g_str_equal (path, "-") && !limber_translations_load_beside (rs, path, FALSE, error))
    g_clear_pointer (&rs, limber_ruleset_unref);
  return rs;
}

LimberRuleset *
limber_ruleset_new_default (GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Loaded once and shared: it is immutable, and plans made from it all
   * point at the same catalogue. */
  static gsize once = 0;
  static LimberRuleset *shared = NULL;
  static GError *shared_error = NULL;
  if (g_once_init_enter (&once))
    {
      g_autoptr (GBytes) bytes = limber_resource_lookup (RESOURCE_DEFAULT, &shared_error);
      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);
          shared = limber_ruleset_new_from_data (data, (gssize) size, "rules/default.xml", &shared_error);
          if (shared != NULL && !limber_translations_load_beside (shared, "rules/default.xml", TRUE, &shared_error))
            g_clear_pointer (&shared, limber_ruleset_unref);
        }
      g_once_init_leave (&once, 1);
    }
  if (shared == NULL)
    {
      g_propagate_error (error, g_error_copy (shared_error));
      return NULL;
    }
  return limber_ruleset_ref (shared);
}
