/*
 * Compiling a checked rule set for generation: what every plan would
 * otherwise work out again from strings, worked out once at load.
 *
 *  - each template's slot for each exercise (the first slot whose tags the
 *    exercise carries), so composing never compares a tag;
 *  - each exercise's job: exercises with the same set of primary targets
 *    share a job number; with the seated and alternative variants that do
 *    an exercise's job another way, this makes a bit matrix of which
 *    exercises never go in one session, so composing asks "do these two do
 *    the same job?" with one bit test rather than a walk over both target
 *    and variant lists (session.c);
 *  - the set of regions the exercises work, for checking a profile's
 *    avoided regions without walking the catalogue (profile.c);
 *  - each rule's weight on each exercise its weight actions reach, already
 *    combined and grouped by value, so a fired rule applies one number per
 *    group (evaluate.c);
 *  - the lists many groups and actions share, each exercise's shared lists
 *    and the classes of exercises on the same ones (compile_shared_lists);
 *  - the rules, their actions and their distinct conditions side by side
 *    (LimberRuleCode, LimberStep, rs->cond_copies), and per exercise, flat, what
 *    constraints, contraindications, dosing and composing read;
 *  - for each exercise, the rule actions and weights that reach it, so its
 *    reasons are found without looking at every fired rule (evaluate.c).
 *
 * Runs after ruleset-check.c has resolved every id; it cannot fail.
 */
#include "condition.h"
#include "ruleset-private.h"

#include <stdlib.h>

/* A list of indices as a hash table key: its hash, worked out once, its
 * length and its indices.  Interning (rs->index_lists), jobs and member
 * classes compare lists of a few to a few hundred 32-bit indices
 * thousands of times a load: GBytes hashed them byte by byte and had to
 * be made (a copy) just to be looked up; this key is hashed a word at a
 * time, looks up the caller's indices where they are, and is copied only
 * when it goes in. */
typedef struct {
  guint hash;
  guint n;
  const guint32 *indices;
} ListKey;

static guint
hash_indices (const guint32 *indices, guint n)
{
  /* two indices a multiply, then the high half folded into the low, which
   * GHashTable reads: a list's hash spreads whatever its length */
  guint64 h = n;
  guint k = 0;
  for (; k + 2 <= n; k += 2)
    h = (h ^ (indices[k] | (guint64) indices[k + 1] << 32)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  if (k < n)
    h = (h ^ indices[k]) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  return (guint) (h ^ (h >> 32));
}

/* An interned list (rs->index_lists): its key, its place in the order of
 * interning, and its indices, in one block.  The steps after interning
 * count and number the lists by that place, in flat arrays, rather than
 * in tables keyed by the lists' addresses. */
typedef struct {
  ListKey key;
  guint serial;
  guint32 indices[];
} InternedList;

/* The place of an interned list (not NULL) in the order of interning. */
static guint
list_serial (const guint32 *list)
{
  return ((const InternedList *) (gconstpointer) ((const char *) list - G_STRUCT_OFFSET (InternedList, indices)))
      ->serial;
}

static ListKey
list_key (const guint32 *indices, guint n)
{
  return (ListKey) { hash_indices (indices, n), n, indices };
}

static guint
list_key_hash (gconstpointer key)
{
  return ((const ListKey *) key)->hash;
}

static gboolean
list_key_equal (gconstpointer a, gconstpointer b)
{
  const ListKey *x = a, *y = b;
  return x->hash == y->hash && x->n == y->n && memcmp (x->indices, y->indices, sizeof (guint32) * x->n) == 0;
}

static gint
compare_guint32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

/* Each exercise's job: the same number for the same set of primary
 * targets (their measure indexes, sorted), in order of first use; and its
 * primary targets' bits (rs->primary_bits). */
static void
compile_jobs (LimberRuleset *rs)
{
  guint n = rs->exercises->len, total = 0;
  for (guint i = 0; i < n; i++)
    total += ((const LimberExercise *) g_ptr_array_index (rs->exercises, i))->targets->len;
  /* every exercise's sorted measures side by side, each keyed where it
   * lies: the keys borrow them, and nothing is allocated per exercise */
  g_autofree guint32 *measures = g_new (guint32, MAX (total, 1));
  g_autofree ListKey *keys = g_new (ListKey, MAX (n, 1));
  g_autoptr (GHashTable) jobs = g_hash_table_new (list_key_hash, list_key_equal);
  rs->primary_bits = g_new0 (guint64, MAX (n, 1));
  guint32 *m = measures;
  for (guint i = 0; i < n; i++)
    {
      LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      guint len = 0;
      for (guint k = 0; k < e->targets->len; k++)
        {
          const LimberExerciseTarget *t = &g_array_index (e->targets, LimberExerciseTarget, k);
          if (t->primary && t->measure_index >= 0)
            {
              rs->primary_bits[i] |= G_GUINT64_CONSTANT (1) << ((guint) t->measure_index % 64);
              m[len++] = (guint32) t->measure_index;
            }
        }
      e->job = -1;
      if (len == 0)
        continue;
      qsort (m, len, sizeof (guint32), compare_guint32);
      keys[i] = list_key (m, len);
      m += len;
      gpointer found;
      if (g_hash_table_lookup_extended (jobs, &keys[i], NULL, &found))
        e->job = GPOINTER_TO_INT (found);
      else
        {
          e->job = (int) g_hash_table_size (jobs);
          g_hash_table_insert (jobs, &keys[i], GINT_TO_POINTER (e->job));
        }
    }
}

static void
set_redundant (LimberRuleset *rs, guint a, guint b)
{
  rs->redundant[(gsize) a * rs->redundant_words + b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
  rs->redundant[(gsize) b * rs->redundant_words + a / 64] |= G_GUINT64_CONSTANT (1) << (a % 64);
}

/* Runs after compile_jobs(): one job, or a seated or alternative variant
 * of the other (either way round). */
static void
compile_redundancy (LimberRuleset *rs)
{
  guint n = rs->exercises->len;
  rs->redundant_words = MAX ((n + 63) / 64, 1);
  rs->redundant = g_new0 (guint64, (gsize) MAX (n, 1) * rs->redundant_words);
  /* the members of each job, in catalogue order */
  g_autoptr (GHashTable) members = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      set_redundant (rs, i, i);
      if (e->job < 0)
        continue;
      GArray *same = g_hash_table_lookup (members, GINT_TO_POINTER (e->job));
      if (same == NULL)
        {
          same = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (members, GINT_TO_POINTER (e->job), same);
        }
      for (guint k = 0; k < same->len; k++)
        set_redundant (rs, i, g_array_index (same, guint, k));
      g_array_append_val (same, i);
    }
  for (guint i = 0; i < n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      for (guint v = 0; v < e->variants->len; v++)
        {
          const LimberVariant *var = g_ptr_array_index (e->variants, v);
          if ((var->kind == VARIANT_SEATED || var->kind == VARIANT_ALTERNATIVE) && var->index >= 0)
            set_redundant (rs, i, (guint) var->index);
        }
    }
}

static void
compile_slots (LimberRuleset *rs)
{
  guint n = rs->exercises->len;
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    {
      LimberTemplate *t = &rs->templates[g];
      if (!t->present)
        continue;
      t->slot_of = g_new (int, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
          t->slot_of[i] = -1;
          for (guint k = 0; k < t->slots->len && t->slot_of[i] < 0; k++)
            for (char **tag = ((LimberSlot *) g_ptr_array_index (t->slots, k))->tags; *tag; tag++)
              if (g_strv_contains ((const char *const *) e->tags, *tag))
                {
                  t->slot_of[i] = (int) k;
                  break;
                }
        }
    }
}

static const guint32 *intern_indices (LimberRuleset *rs, const guint32 *indices, guint n);

static void
compile_actions (LimberRuleset *rs)
{
  G_STATIC_ASSERT (sizeof (guint) == sizeof (guint32));
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint a = 0; a < rule->actions->len; a++)
        {
          LimberAction *action = g_ptr_array_index (rule->actions, a);
          action->target_list
            = intern_indices (rs, (const guint32 *) (gconstpointer) action->targets->data, action->targets->len);
        }
    }
}

static void
compile_regions (LimberRuleset *rs)
{
  rs->regions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint e = 0; e < rs->exercises->len; e++)
    for (char **r = ((LimberExercise *) g_ptr_array_index (rs->exercises, e))->regions; *r; r++)
      g_hash_table_add (rs->regions, *r);
}

/* One rule's weight on each exercise its weight actions reach, combined
 * (LimberRuleWeight, into out, in the order first reached; returns how
 * many): whatever number of its selectors match, a rule raises an
 * exercise's weight at most once (its largest multiplier above 1), lowers
 * it at most once (its smallest below 1) and adds its largest addition
 * once.  out has room for every exercise (a rule reaches each at most
 * once), so a weight is written in place, not appended; at, up and down
 * are per-exercise scratch (at: -1 everywhere, and left so). */
static guint
rule_weights (const LimberRule *rule, LimberRuleWeight *out, int *at, double *up, double *down)
{
  guint len = 0;
  for (guint a = 0; a < rule->actions->len; a++)
    {
      const LimberAction *action = g_ptr_array_index (rule->actions, a);
      if (action->kind != ACTION_WEIGHT)
        continue;
      /* the action's fields in locals: the stores through out, up and
       * down below could otherwise alias them, and each would be read
       * again for every exercise */
      const gboolean raises_by = action->has_multiply && action->multiply > 1;
      const gboolean lowers_by = action->has_multiply && !(action->multiply > 1);
      const gboolean has_add = action->has_add;
      const double multiply = action->multiply, add = action->add;
      const guint8 has_multiply = (guint8) action->has_multiply, by_measure = action->target_kind == TARGET_MEASURE;
      const guint *targets = (const guint *) (gconstpointer) action->targets->data;
      for (guint t = 0; t < action->targets->len; t++)
        {
          guint i = targets[t];
          if (at[i] < 0)
            {
              at[i] = (int) len;
              out[len++] = (LimberRuleWeight) { .exercise = i };
              up[i] = down[i] = 1;
            }
          LimberRuleWeight *w = &out[at[i]];
          if (raises_by)
            up[i] = MAX (up[i], multiply);
          else if (lowers_by)
            down[i] = MIN (down[i], multiply);
          if (has_add)
            w->add = w->has_add ? MAX (w->add, add) : add;
          w->has_multiply |= has_multiply;
          w->has_add |= has_add;
          w->by_measure |= by_measure;
        }
    }
  for (guint k = 0; k < len; k++)
    {
      LimberRuleWeight *w = &out[k];
      w->multiply = up[w->exercise] * down[w->exercise];
      w->raises = (w->has_multiply && w->multiply > 1) || (w->has_add && w->add > 0);
      at[w->exercise] = -1;
    }
  return len;
}

static gboolean
same_weight (const LimberRuleWeight *a, const LimberRuleWeight *b)
{
  /* bit for bit: a weight is applied as it is stored, so exercises that
   * share a group take exactly what each would have taken alone */
  return a->has_multiply == b->has_multiply && a->has_add == b->has_add && a->by_measure == b->by_measure
         && a->raises == b->raises && memcmp (&a->multiply, &b->multiply, sizeof (double)) == 0
         && memcmp (&a->add, &b->add, sizeof (double)) == 0;
}

/* Whether the n indices are in ascending order (a single action's
 * targets are: its group needs no sort). */
static gboolean
ascending (const guint32 *indices, guint n)
{
  for (guint k = 1; k < n; k++)
    if (indices[k - 1] > indices[k])
      return FALSE;
  return TRUE;
}

/* One copy of each list of exercise indices the rule set's rules use:
 * rules that name the same tag or region share it.  rs->index_lists holds
 * each as an InternedList (its key and value, freed with the table); a
 * list with no indices is NULL. */
static const guint32 *
intern_indices (LimberRuleset *rs, const guint32 *indices, guint n)
{
  if (n == 0)
    return NULL;
  if (rs->index_lists == NULL)
    rs->index_lists = g_hash_table_new_full (list_key_hash, list_key_equal, g_free, NULL);
  ListKey key = list_key (indices, n);
  InternedList *interned = g_hash_table_lookup (rs->index_lists, &key);
  if (interned == NULL)
    {
      interned = g_malloc (sizeof (InternedList) + sizeof (guint32) * n);
      memcpy (interned->indices, indices, sizeof (guint32) * n);
      interned->key = (ListKey) { key.hash, n, interned->indices };
      interned->serial = g_hash_table_size (rs->index_lists);
      g_hash_table_add (rs->index_lists, interned);
    }
  return interned->indices;
}

/* Each rule's weights (rule_weights), grouped by value, each group's
 * exercises in one interned list (LimberWeightGroup), and for each
 * exercise the rules whose weight reaches it (rs->weighted, by exercise,
 * in rule order).  One pass over the rules with scratch arrays: a large
 * rule set reaches a quarter of a million exercise weights, which are
 * counted into place rather than appended exercise by exercise, both here
 * (a rule's groups' exercises, side by side in one scratch array) and in
 * rs->weighted.  (The references are collected in rule order and put in
 * place by exercise in a tight loop after the pass: measured, that is
 * faster than writing each straight to its place during the pass, where
 * the scattered writes to a thousand places interleave with the rest.) */
static void
compile_weights (LimberRuleset *rs)
{
  guint n = rs->exercises->len;
  g_autofree int *at = g_new (int, MAX (n, 1));
  g_autofree double *up = g_new (double, MAX (n, 1)), *down = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    at[i] = -1;
  guint n_weights = 0, reach = 0; /* at most this many exercise weights */
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint a = 0; a < rule->actions->len; a++)
        {
          const LimberAction *action = g_ptr_array_index (rule->actions, a);
          reach += action->kind == ACTION_WEIGHT ? action->targets->len : 0;
          n_weights += action->kind == ACTION_WEIGHT;
        }
    }
  /* each exercise weight's reference and exercise, in rule order */
  g_autofree LimberWeightRef *refs = g_new (LimberWeightRef, MAX (reach, 1));
  g_autofree guint32 *reached = g_new (guint32, MAX (reach, 1));
  guint n_refs = 0;
  /* a rule's weights, each one's group among the rule's, and its groups'
   * exercises: a rule reaches each exercise at most once, so each has
   * room for every exercise, and a rule has at most as many groups */
  g_autofree LimberRuleWeight *weights = g_new (LimberRuleWeight, MAX (n, 1));
  g_autofree guint32 *group_of = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *members = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *group_size = g_new (guint32, MAX (n, 1)), *group_fill = g_new (guint32, MAX (n, 1));
  /* most weight actions make one group (one value on every exercise they
   * reach): room for that many at the start */
  rs->weight_groups = g_array_sized_new (FALSE, FALSE, sizeof (LimberWeightGroup), n_weights);
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      LimberRuleCode *code = &rs->rule_code[r];
      guint len = rule_weights (rule, weights, at, up, down);
      code->first_group = rs->weight_groups->len;
      code->n_groups = 0;
      for (guint k = 0; k < len; k++)
        {
          const LimberRuleWeight *w = &weights[k];
          const LimberWeightGroup *groups = &g_array_index (rs->weight_groups, LimberWeightGroup, code->first_group);
          guint g = 0;
          while (g < code->n_groups && !same_weight (&groups[g].value, w))
            g++;
          if (g == code->n_groups)
            {
              LimberWeightGroup group = { .value = *w };
              g_array_append_val (rs->weight_groups, group);
              group_size[code->n_groups++] = 0;
            }
          group_size[g]++;
          group_of[k] = g;
          refs[n_refs] = (LimberWeightRef) { r, code->first_group + g };
          reached[n_refs++] = w->exercise;
        }
      /* each group's exercises together, in the order first reached */
      for (guint g = 0, at_member = 0; g < code->n_groups; g++)
        {
          group_fill[g] = at_member;
          at_member += group_size[g];
        }
      for (guint k = 0; k < len; k++)
        members[group_fill[group_of[k]]++] = weights[k].exercise;
      for (guint g = 0; g < code->n_groups; g++)
        {
          /* group_fill[g] is now the end of the group's exercises */
          guint32 *list = members + group_fill[g] - group_size[g];
          if (!ascending (list, group_size[g]))
            qsort (list, group_size[g], sizeof (guint32), compare_guint32);
          LimberWeightGroup *group = &g_array_index (rs->weight_groups, LimberWeightGroup, code->first_group + g);
          group->n = group_size[g];
          group->exercises = intern_indices (rs, list, group_size[g]);
        }
    }
  /* by exercise, each exercise's in rule order (a stable counting sort) */
  rs->weighted_first = g_new0 (guint32, n + 1);
  for (guint k = 0; k < n_refs; k++)
    rs->weighted_first[reached[k] + 1]++;
  for (guint i = 0; i < n; i++)
    rs->weighted_first[i + 1] += rs->weighted_first[i];
  rs->weighted = g_new (LimberWeightRef, MAX (n_refs, 1));
  g_autofree guint32 *fill = g_memdup2 (rs->weighted_first, sizeof (guint32) * (n + 1));
  for (guint k = 0; k < n_refs; k++)
    rs->weighted[fill[reached[k]]++] = refs[k];
}

/* A list that this many weight groups and actions act on is acted on
 * once per fired group or action, and each member takes it once per plan;
 * below it, member by member as each fires.  Three: a rule set's rules
 * fire about half the time, so a list used three times is met one and a
 * half times a plan on average, and one met less than once is cheaper to
 * leave eager. */
#define LIMBER_SHARED_LIST_MIN_USES 3

/* The actions whose effect on an exercise a shared list can hold: their
 * effects combine by "or" and "at least", whatever the order.  (Emphasis
 * reads the measures and what earlier rules emphasised, so it stays per
 * exercise; advice and minute limits target none.) */
static gboolean
action_can_share (const LimberAction *a)
{
  return a->kind == ACTION_EXCLUDE || a->kind == ACTION_REQUIRE || a->kind == ACTION_LOWEST_STEP
         || a->kind == ACTION_MIN_HOLD || a->kind == ACTION_MIN_REPS;
}

/* What numbering the shared lists reads and writes, per interned list
 * (list_serial): the groups and actions that use it, and its shared
 * number (-1 until numbered); and the shared lists in number order, with
 * their sizes. */
typedef struct {
  LimberRuleset *rs;
  guint32 *uses;
  int *number;
  GPtrArray *lists;
  GArray *sizes;
} Sharing;

static void
count_use (Sharing *S, const guint32 *list, guint n)
{
  if (n > 1)
    S->uses[list_serial (list)]++;
}

/* The shared number of list, numbered (and added to lists and sizes) when
 * first met. */
static int
number_list (Sharing *S, const guint32 *list, guint n)
{
  int *number = &S->number[list_serial (list)];
  if (*number < 0)
    {
      *number = (int) S->rs->n_shared_lists++;
      g_ptr_array_add (S->lists, (gpointer) list);
      g_array_append_val (S->sizes, n);
    }
  return *number;
}

/* The shared number of list (numbered when first met), or -1 when too few
 * groups and actions use it. */
static int
share_list (Sharing *S, const guint32 *list, guint n)
{
  if (n < 2 || S->uses[list_serial (list)] < LIMBER_SHARED_LIST_MIN_USES)
    return -1;
  return number_list (S, list, n);
}

/* For each exercise, the shared lists it is on (in list number order), and
 * the classes of exercises on the same lists (in order of first member):
 * made again from scratch when lists were added. */
static void
file_members (LimberRuleset *rs, GPtrArray *lists, GArray *sizes)
{
  guint n = rs->exercises->len;
  g_clear_pointer (&rs->member_first, g_free);
  g_clear_pointer (&rs->member_lists, g_free);
  g_clear_pointer (&rs->member_class, g_free);
  g_clear_pointer (&rs->class_exercise, g_free);
  g_autofree guint32 *count = g_new0 (guint32, MAX (n, 1));
  for (guint s = 0; s < lists->len; s++)
    for (guint k = 0; k < g_array_index (sizes, guint, s); k++)
      count[((const guint32 *) g_ptr_array_index (lists, s))[k]]++;
  rs->member_first = g_new (guint32, n + 1);
  rs->member_first[0] = 0;
  for (guint i = 0; i < n; i++)
    rs->member_first[i + 1] = rs->member_first[i] + count[i];
  rs->member_lists = g_new (guint32, MAX (rs->member_first[n], 1));
  g_autofree guint32 *fill = g_memdup2 (rs->member_first, sizeof (guint32) * (n + 1));
  for (guint s = 0; s < lists->len; s++)
    for (guint k = 0; k < g_array_index (sizes, guint, s); k++)
      rs->member_lists[fill[((const guint32 *) g_ptr_array_index (lists, s))[k]]++] = s;
  /* the classes of exercises on the same lists, in order of first member:
   * each exercise's lists keyed where they lie in rs->member_lists */
  g_autofree ListKey *keys = g_new (ListKey, MAX (n, 1));
  g_autoptr (GHashTable) classes = g_hash_table_new (list_key_hash, list_key_equal);
  rs->member_class = g_new (guint32, MAX (n, 1));
  rs->class_exercise = g_new (guint32, MAX (n, 1));
  rs->n_member_classes = 0;
  for (guint i = 0; i < n; i++)
    {
      keys[i] = list_key (rs->member_lists + rs->member_first[i], rs->member_first[i + 1] - rs->member_first[i]);
      gpointer found;
      if (g_hash_table_lookup_extended (classes, &keys[i], NULL, &found))
        {
          rs->member_class[i] = GPOINTER_TO_UINT (found);
          continue;
        }
      rs->member_class[i] = rs->n_member_classes;
      rs->class_exercise[rs->n_member_classes] = i;
      g_hash_table_insert (classes, &keys[i], GUINT_TO_POINTER (rs->n_member_classes++));
    }
}

/* share_list() for a list too few groups and actions use: shared when it
 * takes in whole classes of exercises (so sharing it splits none) and its
 * uses times its size is at least twice the classes it takes in; -1
 * otherwise.  in_class: per class, zeros (and left so). */
static int
share_whole_classes (Sharing *S, const guint32 *list, guint n, guint32 *in_class, const guint32 *class_size)
{
  if (n < 2)
    return -1;
  LimberRuleset *rs = S->rs;
  if (S->number[list_serial (list)] >= 0)
    return S->number[list_serial (list)];
  guint classes = 0;
  for (guint k = 0; k < n; k++)
    classes += in_class[rs->member_class[list[k]]]++ == 0;
  gboolean whole = TRUE;
  for (guint k = 0; k < n; k++)
    {
      guint c = rs->member_class[list[k]];
      whole &= in_class[c] == 0 || in_class[c] == class_size[c];
      in_class[c] = 0;
    }
  if (!whole || (guint64) S->uses[list_serial (list)] * n < 2 * (guint64) classes)
    return -1;
  return number_list (S, list, n);
}

/* Runs after compile_weights() and compile_actions(): numbers the
 * lists that at least LIMBER_SHARED_LIST_MIN_USES weight groups and
 * actions of more than one exercise use, marks their groups and actions,
 * and lists for each exercise the shared lists it is on
 * (LimberRuleset.member_lists).  This is what keeps a plan's cost growing
 * with the rules that fire rather than with fired rules times the
 * exercises a tag reaches. */
static void
compile_shared_lists (LimberRuleset *rs)
{
  guint n = rs->exercises->len;
  guint n_lists = rs->index_lists != NULL ? g_hash_table_size (rs->index_lists) : 0;
  g_autofree guint32 *uses = g_new0 (guint32, MAX (n_lists, 1));
  g_autofree int *number = g_new (int, MAX (n_lists, 1));
  for (guint k = 0; k < n_lists; k++)
    number[k] = -1;
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  Sharing S = { rs, uses, number, lists, sizes };
  for (guint g = 0; g < rs->weight_groups->len; g++)
    {
      const LimberWeightGroup *group = &g_array_index (rs->weight_groups, LimberWeightGroup, g);
      count_use (&S, group->exercises, group->n);
    }
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          if (action_can_share (a))
            count_use (&S, a->target_list, a->targets->len);
        }
    }
  rs->n_shared_lists = 0;
  for (guint g = 0; g < rs->weight_groups->len; g++)
    {
      LimberWeightGroup *group = &g_array_index (rs->weight_groups, LimberWeightGroup, g);
      group->shared = share_list (&S, group->exercises, group->n);
    }
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint k = 0; k < rule->actions->len; k++)
        {
          LimberAction *a = g_ptr_array_index (rule->actions, k);
          a->shared = action_can_share (a) ? share_list (&S, a->target_list, a->targets->len) : -1;
        }
    }
  file_members (rs, lists, sizes);
  /* then the lists fewer groups and actions use that take in whole classes
   * of exercises: on the list, they cost a plan one step per class (and
   * change no class), member by member half their uses times their size */
  g_autofree guint32 *in_class = g_new0 (guint32, MAX (rs->n_member_classes, 1));
  g_autofree guint32 *class_size = g_new0 (guint32, MAX (rs->n_member_classes, 1));
  for (guint i = 0; i < n; i++)
    class_size[rs->member_class[i]]++;
  guint before = rs->n_shared_lists;
  for (guint g = 0; g < rs->weight_groups->len; g++)
    {
      LimberWeightGroup *group = &g_array_index (rs->weight_groups, LimberWeightGroup, g);
      if (group->shared < 0)
        group->shared = share_whole_classes (&S, group->exercises, group->n, in_class, class_size);
    }
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint k = 0; k < rule->actions->len; k++)
        {
          LimberAction *a = g_ptr_array_index (rule->actions, k);
          if (action_can_share (a) && a->shared < 0)
            a->shared = share_whole_classes (&S, a->target_list, a->targets->len, in_class, class_size);
        }
    }
  if (rs->n_shared_lists > before)
    file_members (rs, lists, sizes);
}

/* The bit of id among ids (added when new), or -1 past 64 ids. */
static int
id_bit (GPtrArray *ids, const char *id)
{
  for (guint k = 0; k < ids->len; k++)
    if (strcmp (g_ptr_array_index (ids, k), id) == 0)
      return (int) k;
  if (ids->len == 64)
    return -1;
  g_ptr_array_add (ids, (gpointer) id);
  return (int) ids->len - 1;
}

static gboolean
ids_to_bits (GPtrArray *ids, char **list, guint64 *bits)
{
  *bits = 0;
  for (char **p = list; p && *p; p++)
    {
      int bit = id_bit (ids, *p);
      if (bit < 0)
        return FALSE;
      *bits |= G_GUINT64_CONSTANT (1) << bit;
    }
  return TRUE;
}

static void
compile_constraints (LimberRuleset *rs)
{
  guint n = rs->exercises->len;
  rs->equipment_ids = g_ptr_array_new ();
  rs->region_ids = g_ptr_array_new ();
  rs->equipment_bits = g_new0 (guint64, MAX (n, 1));
  rs->region_bits = g_new0 (guint64, MAX (n, 1));
  rs->floor_work = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      if (!ids_to_bits (rs->equipment_ids, e->equipment, &rs->equipment_bits[i])
          || !ids_to_bits (rs->region_ids, e->regions, &rs->region_bits[i]))
        {
          /* more ids than bits: every plan checks them by name */
          g_clear_pointer (&rs->equipment_bits, g_free);
          g_clear_pointer (&rs->region_bits, g_free);
          return;
        }
      rs->floor_work[i] = limber_exercise_uses_floor (e);
    }
}

/* Each contraindication's description, once: a plan that an exercise's
 * contraindication excluded names it in the exercise's reasons. */
static void
compile_contraindication_texts (LimberRuleset *rs)
{
  for (guint i = 0; i < rs->exercises->len; i++)
    {
      LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      if (e->contraindications == NULL)
        continue;
      GPtrArray *children = e->contraindications->children;
      e->contraindication_text = g_new0 (char *, children->len + 1);
      for (guint k = 0; k < children->len; k++)
        e->contraindication_text[k] = limber_cond_describe (rs, g_ptr_array_index (children, k));
    }
}

/* Each measure target's index, so that a fired rule names its measure
 * without looking its id up. */
static void
compile_target_measures (LimberRuleset *rs)
{
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint a = 0; a < rule->actions->len; a++)
        {
          LimberAction *action = g_ptr_array_index (rule->actions, a);
          action->target_measure = action->target_kind == TARGET_MEASURE
                                     ? limber_ruleset_index_of (rs->measure_index, action->target)
                                     : -1;
        }
    }
}

/* The measure a weight or emphasis names with measure= and raises (so the
 * plan names it among its focus), or -1. */
static int
action_focus (const LimberAction *a)
{
  if (a->target_kind != TARGET_MEASURE || a->target_measure < 0)
    return -1;
  if (a->kind == ACTION_EMPHASISE || (a->kind == ACTION_WEIGHT && ((a->has_multiply && a->multiply > 1)
                                                                   || (a->has_add && a->add > 0))))
    return a->target_measure;
  return -1;
}

/* The number of cond among the distinct conditions, numbered (and added to
 * conds) when new. */
static guint
cond_number (GPtrArray *conds, GHashTable *numbers, const LimberCond *cond)
{
  gpointer found;
  if (g_hash_table_lookup_extended (numbers, cond, NULL, &found))
    return GPOINTER_TO_UINT (found);
  guint n = conds->len;
  g_ptr_array_add (conds, (gpointer) cond);
  g_hash_table_insert (numbers, (gpointer) cond, GUINT_TO_POINTER (n));
  return n;
}

/* The rules' and contraindications' distinct conditions.  Rule sets say
 * the same thing many times ("answered yes to the osteoporosis question"
 * in a rule and in six exercises' contraindications); a plan asks each
 * once. */
static void
compile_conditions (LimberRuleset *rs)
{
  g_autoptr (GHashTable) numbers = g_hash_table_new (limber_cond_hash, limber_cond_equal);
  g_autoptr (GPtrArray) conds = g_ptr_array_new ();
  guint n = rs->exercises->len, total = 0;
  rs->contra_first = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      rs->contra_first[i] = total;
      total += e->contraindications != NULL ? e->contraindications->children->len : 0;
    }
  rs->contra_first[n] = total;
  rs->contra_conds = g_new (guint32, MAX (total, 1));
  for (guint i = 0; i < n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      for (guint k = rs->contra_first[i]; k < rs->contra_first[i + 1]; k++)
        rs->contra_conds[k]
            = cond_number (conds, numbers, g_ptr_array_index (e->contraindications->children, k - rs->contra_first[i]));
    }
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      rs->rule_code[r].cond = rule->when != NULL ? (int) cond_number (conds, numbers, rule->when) : -1;
    }
  rs->n_conds = conds->len;
  rs->cond_copies = g_new (LimberCond, MAX (conds->len, 1));
  for (guint k = 0; k < conds->len; k++)
    rs->cond_copies[k] = *(const LimberCond *) g_ptr_array_index (conds, k);
}

/* Whether an action is one of an exercise's acted-on list (rs->acted):
 * weights reach an exercise's reasons through rs->weighted, and advice and
 * minute limits target no exercise. */
static gboolean
acts_on_exercises (const LimberAction *a)
{
  return a->kind != ACTION_WEIGHT && a->kind != ACTION_ADVISE && a->kind != ACTION_LIMIT_MINUTES;
}

/* Runs after compile_shared_lists() (it reads each action's shared list):
 * the rules and their actions as evaluation reads them (LimberRuleCode,
 * LimberStep). */
static void
compile_steps (LimberRuleset *rs)
{
  guint n_steps = 0;
  for (guint r = 0; r < rs->rules->len; r++)
    n_steps += ((const LimberRule *) g_ptr_array_index (rs->rules, r))->actions->len;
  /* each exercise's actions, counted into one array (rs->acted) */
  guint n = rs->exercises->len;
  rs->acted_first = g_new0 (guint32, n + 1);
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          if (acts_on_exercises (a))
            for (guint t = 0; t < a->targets->len; t++)
              rs->acted_first[g_array_index (a->targets, guint, t) + 1]++;
        }
    }
  for (guint i = 0; i < n; i++)
    rs->acted_first[i + 1] += rs->acted_first[i];
  rs->acted = g_new (LimberActedOn, MAX (rs->acted_first[n], 1));
  g_autofree guint32 *fill = g_memdup2 (rs->acted_first, sizeof (guint32) * (n + 1));
  rs->rule_ids = g_new (const char *, MAX (rs->rules->len, 1));
  rs->steps = g_new0 (LimberStep, MAX (n_steps, 1));
  guint at = 0;
  for (guint r = 0; r < rs->rules->len; r++)
    {
      const LimberRule *rule = g_ptr_array_index (rs->rules, r);
      LimberRuleCode *code = &rs->rule_code[r];
      code->first_step = at;
      gboolean emphasises = FALSE;
      rs->rule_ids[r] = rule->id;
      for (guint k = 0; k < rule->actions->len; k++)
        {
          const LimberAction *a = g_ptr_array_index (rule->actions, k);
          emphasises |= a->kind == ACTION_EMPHASISE;
          int focus = action_focus (a);
          if (a->kind == ACTION_WEIGHT && focus < 0)
            continue;
          guint32 step = at++;
          rs->steps[step] = (LimberStep) { a->kind, a->shared, focus, k, a->targets ? a->targets->len : 0,
                                           a->target_list, a };
          if (!acts_on_exercises (a))
            continue;
          LimberActedOn on = { r, step };
          for (guint t = 0; t < a->targets->len; t++)
            rs->acted[fill[g_array_index (a->targets, guint, t)]++] = on;
        }
      code->n_steps = at - code->first_step;
      /* a rule that emphasises says why a side gets extra sets: not true
       * of what it only weighs or requires (evaluate.c, offer_reason) */
      code->speaks = rule->reason != NULL && !emphasises;
    }
}

/* What dosing, weighing and the session's order read of each exercise,
 * flat (rs->dosing, rs->ladder_steps, rs->base_weights, rs->levels). */
static void
compile_dosing (LimberRuleset *rs)
{
  guint n = rs->exercises->len, total = 0;
  for (guint i = 0; i < n; i++)
    total += ((const LimberExercise *) g_ptr_array_index (rs->exercises, i))->ladder->len;
  rs->dosing = g_new (LimberDosing, MAX (n, 1));
  rs->base_weights = g_new (double, MAX (n, 1));
  rs->levels = g_new (guint8, MAX (n, 1));
  rs->ladder_steps = g_new (LimberDose, MAX (total, 1));
  guint at = 0;
  for (guint i = 0; i < n; i++)
    {
      const LimberExercise *e = g_ptr_array_index (rs->exercises, i);
      rs->base_weights[i] = e->base_weight;
      rs->levels[i] = (guint8) limber_exercise_level (e);
      rs->dosing[i] = (LimberDosing) { at, e->has_seconds_per_rep ? e->seconds_per_rep : rs->timing.rep,
                                       e->per_side };
      for (guint k = 0; k < e->ladder->len; k++)
        rs->ladder_steps[at++] = g_array_index (e->ladder, LimberDose, k);
    }
}

void
limber_ruleset_compile (LimberRuleset *rs)
{
  /* each rule's place, and its code, which the steps below fill in */
  rs->rule_code = g_new0 (LimberRuleCode, MAX (rs->rules->len, 1));
  for (guint r = 0; r < rs->rules->len; r++)
    {
      LimberRule *rule = g_ptr_array_index (rs->rules, r);
      rule->index = r;
      rs->rule_code[r].rule = rule;
      rs->rule_code[r].cond = -1;
    }
  compile_target_measures (rs);
  compile_contraindication_texts (rs);
  compile_weights (rs);
  compile_regions (rs);
  compile_constraints (rs);
  compile_jobs (rs);
  compile_redundancy (rs);
  compile_slots (rs);
  compile_actions (rs);
  compile_shared_lists (rs);
  compile_steps (rs);
  compile_conditions (rs);
  compile_dosing (rs);
}
