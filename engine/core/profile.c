/*
 * The profile object, and the one place that decides what a valid profile is.
 *
 * Setters store what they are given without judging it against a rule set:
 * they cannot, a profile is built before it meets one.  limber_profile_check()
 * below then checks every field, for limber_profile_validate() (API-built
 * profiles, the generator) and for both loaders alike, so that a profile
 * read from a file and one built field by field are held to the same ranges
 * and ids, with the same words.
 */
#include "profile-private.h"
#include "lists.h"

#include "error-private.h"
#include "struct-size.h"
#include "suggest.h"
#include "ruleset-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "limber/error.h"
#include "number-format.h"
#include "read-limit.h"

/* ---- allocation ---------------------------------------------------------- */

static void
answer_free (LimberAnswer *a)
{
  g_free (a->question);
  g_free (a->choice);
  g_free (a);
}

static void
scan_free (LimberScan *s)
{
  g_free (s->measure);
  g_free (s);
}

static void
logged_free (LimberLogged *l)
{
  g_free (l->date);
  g_free (l->exercise);
  g_free (l);
}

static void
rescan_free (LimberRescan *r)
{
  g_free (r->date);
  g_free (r->measure);
  g_free (r);
}

LimberProfile *
limber_profile_new (void)
{
  LimberProfile *p = g_new0 (LimberProfile, 1);
  p->age = LIMBER_PROFILE_DEFAULT_AGE;
  p->goal = LIMBER_GOAL_RECOVERY;
  p->minutes_per_day = LIMBER_PROFILE_DEFAULT_MINUTES;
  p->days_per_week = LIMBER_PROFILE_DEFAULT_DAYS;
  p->no_floor = FALSE;
  p->equipment = g_ptr_array_new_with_free_func (g_free);
  /* every home has a chair and a wall: saying nothing about equipment must
   * not cost a person the exercises that need only those */
  g_ptr_array_add (p->equipment, g_strdup ("chair"));
  g_ptr_array_add (p->equipment, g_strdup ("wall"));
  p->avoid_regions = g_ptr_array_new_with_free_func (g_free);
  p->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
  p->scans = g_ptr_array_new_with_free_func ((GDestroyNotify) scan_free);
  p->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) logged_free);
  p->rescans = g_ptr_array_new_with_free_func ((GDestroyNotify) rescan_free);
  return p;
}

static void
copy_strings (GPtrArray *to, const GPtrArray *from)
{
  g_ptr_array_set_size (to, 0);
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

LimberProfile *
limber_profile_copy (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  LimberProfile *c = limber_profile_new ();
  c->age = profile->age;
  c->goal = profile->goal;
  c->minutes_per_day = profile->minutes_per_day;
  c->days_per_week = profile->days_per_week;
  c->no_floor = profile->no_floor;
  c->name = g_strdup (profile->name);
  copy_strings (c->equipment, profile->equipment);
  copy_strings (c->avoid_regions, profile->avoid_regions);
  for (guint i = 0; i < profile->answers->len; i++)
    {
      const LimberAnswer *a = g_ptr_array_index (profile->answers, i);
      LimberAnswer *n = g_new (LimberAnswer, 1);
      *n = *a;
      n->question = g_strdup (a->question);
      n->choice = g_strdup (a->choice);
      g_ptr_array_add (c->answers, n);
    }
  for (guint i = 0; i < profile->scans->len; i++)
    {
      const LimberScan *s = g_ptr_array_index (profile->scans, i);
      LimberScan *n = g_new (LimberScan, 1);
      *n = *s;
      n->measure = g_strdup (s->measure);
      g_ptr_array_add (c->scans, n);
    }
  for (guint i = 0; i < profile->sessions->len; i++)
    {
      const LimberLogged *l = g_ptr_array_index (profile->sessions, i);
      LimberLogged *n = g_new (LimberLogged, 1);
      *n = *l;
      n->date = g_strdup (l->date);
      n->exercise = g_strdup (l->exercise);
      g_ptr_array_add (c->sessions, n);
    }
  for (guint i = 0; i < profile->rescans->len; i++)
    {
      const LimberRescan *r = g_ptr_array_index (profile->rescans, i);
      LimberRescan *n = g_new (LimberRescan, 1);
      *n = *r;
      n->date = g_strdup (r->date);
      n->measure = g_strdup (r->measure);
      g_ptr_array_add (c->rescans, n);
    }
  /* an exact copy was checked as its original was */
  c->checked_for = profile->checked_for;
  return c;
}

void
limber_profile_free (LimberProfile *profile)
{
  if (profile == NULL)
    return;
  g_ptr_array_unref (profile->equipment);
  g_ptr_array_unref (profile->avoid_regions);
  g_ptr_array_unref (profile->answers);
  g_ptr_array_unref (profile->scans);
  g_ptr_array_unref (profile->sessions);
  g_ptr_array_unref (profile->rescans);
  g_free (profile->name);
  g_free (profile);
}

/* ---- setters and getters ------------------------------------------------ */

void
limber_profile_set_name (LimberProfile *profile, const char *name)
{
  g_return_if_fail (profile != NULL);
  profile->checked_for = 0;
  g_free (profile->name);
  profile->name = g_strdup (name);
}

const char *
limber_profile_get_name (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return profile->name;
}

void
limber_profile_set_age (LimberProfile *profile, unsigned age)
{
  g_return_if_fail (profile != NULL);
  profile->checked_for = 0;
  profile->age = age;
}

unsigned
limber_profile_get_age (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->age;
}

void
limber_profile_set_goal (LimberProfile *profile, LimberGoal goal)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail ((unsigned) goal < LIMBER_N_GOALS);
  profile->checked_for = 0;
  profile->goal = goal;
}

LimberGoal
limber_profile_get_goal (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, LIMBER_GOAL_RECOVERY);
  return profile->goal;
}

void
limber_profile_set_minutes_per_day (LimberProfile *profile, double minutes)
{
  g_return_if_fail (profile != NULL);
  profile->checked_for = 0;
  profile->minutes_per_day = minutes;
}

double
limber_profile_get_minutes_per_day (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->minutes_per_day;
}

void
limber_profile_set_days_per_week (LimberProfile *profile, unsigned days)
{
  g_return_if_fail (profile != NULL);
  profile->checked_for = 0;
  profile->days_per_week = days;
}

unsigned
limber_profile_get_days_per_week (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->days_per_week;
}

void
limber_profile_set_no_floor (LimberProfile *profile, gboolean no_floor)
{
  g_return_if_fail (profile != NULL);
  profile->checked_for = 0;
  profile->no_floor = !!no_floor;
}

gboolean
limber_profile_get_no_floor (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);
  return profile->no_floor;
}

void
limber_profile_set_equipment (LimberProfile *profile, const char *const *equipment)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (equipment != NULL);
  profile->checked_for = 0;
  g_ptr_array_set_size (profile->equipment, 0);
  for (const char *const *e = equipment; *e; e++)
    g_ptr_array_add (profile->equipment, g_strdup (*e));
}

void
limber_profile_add_avoid_region (LimberProfile *profile, const char *region)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (region != NULL);
  profile->checked_for = 0;
  g_ptr_array_add (profile->avoid_regions, g_strdup (region));
}

/* The answer to question, emptied for a new value: answering twice replaces
 * the first answer in its place, so the order given stays the order kept. */
static LimberAnswer *
answer_slot (LimberProfile *profile, const char *question)
{
  for (guint i = 0; i < profile->answers->len; i++)
    {
      LimberAnswer *a = g_ptr_array_index (profile->answers, i);
      if (g_str_equal (a->question, question))
        {
          g_clear_pointer (&a->choice, g_free);
          a->yes = FALSE;
          a->number = 0;
          return a;
        }
    }
  return limber_profile_answer_append (profile, question);
}

LimberAnswer *
limber_profile_answer_append (LimberProfile *profile, const char *question)
{
  profile->checked_for = 0;
  LimberAnswer *a = g_new0 (LimberAnswer, 1);
  a->question = g_strdup (question);
  g_ptr_array_add (profile->answers, a);
  return a;
}

void
limber_profile_set_answer_bool (LimberProfile *profile, const char *question, gboolean yes)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (question != NULL);
  profile->checked_for = 0;
  LimberAnswer *a = answer_slot (profile, question);
  a->kind = ANSWER_BOOL;
  a->yes = !!yes;
}

void
limber_profile_set_answer_number (LimberProfile *profile, const char *question, double value)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (question != NULL);
  profile->checked_for = 0;
  LimberAnswer *a = answer_slot (profile, question);
  a->kind = ANSWER_NUMBER;
  a->number = value;
}

void
limber_profile_set_answer_choice (LimberProfile *profile, const char *question, const char *choice)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (question != NULL);
  g_return_if_fail (choice != NULL);
  profile->checked_for = 0;
  LimberAnswer *a = answer_slot (profile, question);
  a->kind = ANSWER_CHOICE;
  a->choice = g_strdup (choice);
}

static LimberScan *
scan_slot (LimberProfile *profile, const char *measure)
{
  for (guint i = 0; i < profile->scans->len; i++)
    {
      LimberScan *s = g_ptr_array_index (profile->scans, i);
      if (g_str_equal (s->measure, measure))
        return s;
    }
  LimberScan *s = g_new0 (LimberScan, 1);
  s->measure = g_strdup (measure);
  g_ptr_array_add (profile->scans, s);
  return s;
}

void
limber_profile_set_measure (LimberProfile *profile, const char *measure, double left, double right)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (measure != NULL);
  profile->checked_for = 0;
  LimberScan *s = scan_slot (profile, measure);
  s->sided = TRUE;
  s->left = left;
  s->right = right;
}

void
limber_profile_set_measure_value (LimberProfile *profile, const char *measure, double value)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (measure != NULL);
  profile->checked_for = 0;
  LimberScan *s = scan_slot (profile, measure);
  s->sided = FALSE;
  s->left = s->right = value;
}

void
limber_profile_add_session (LimberProfile *profile, const LimberSession *session)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (session != NULL);
  g_return_if_fail (LIMBER_STRUCT_SIZE_OK (session, LimberSession));
  g_return_if_fail (session->date != NULL);
  g_return_if_fail (session->exercise != NULL);
  profile->checked_for = 0;
  LimberLogged *l = g_new0 (LimberLogged, 1);
  l->date = g_strdup (session->date);
  l->exercise = g_strdup (session->exercise);
  l->completed = !!session->completed;
  l->sets = session->sets;
  l->reps = session->reps;
  l->hold_s = session->hold_s;
  l->duration_s = session->duration_s;
  l->discomfort = session->discomfort;
  l->discomfort_next_day = session->discomfort_next_day;
  g_ptr_array_add (profile->sessions, l);
}

void
limber_profile_add_rescan (LimberProfile *profile, const char *date, const char *measure, double left,
                           double right)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (date != NULL);
  g_return_if_fail (measure != NULL);
  profile->checked_for = 0;
  LimberRescan *r = g_new0 (LimberRescan, 1);
  r->date = g_strdup (date);
  r->measure = g_strdup (measure);
  r->left = left;
  r->right = right;
  g_ptr_array_add (profile->rescans, r);
}

unsigned
limber_profile_get_n_sessions (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->sessions->len;
}

const LimberAnswer *
limber_profile_find_answer (const LimberProfile *profile, const char *question)
{
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (question != NULL, NULL);
  for (guint i = 0; i < profile->answers->len; i++)
    {
      const LimberAnswer *a = g_ptr_array_index (profile->answers, i);
      if (g_str_equal (a->question, question))
        return a;
    }
  return NULL;
}

const LimberScan *
limber_profile_find_scan (const LimberProfile *profile, const char *measure)
{
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);
  for (guint i = 0; i < profile->scans->len; i++)
    {
      const LimberScan *s = g_ptr_array_index (profile->scans, i);
      if (g_str_equal (s->measure, measure))
        return s;
    }
  return NULL;
}

/* ---- dates ----------------------------------------------------------------- */

gboolean
limber_parse_date (const char *text, GDate *date)
{
  if (text == NULL)
    return FALSE;
  /* exactly 4-2-2 digits: g_date_set_parse() would also take "11/20/26" or
   * "20 Nov", guessing at day/month order, and a guessed date in a training
   * log silently shifts every history fact computed from it */
  static const char shape[] = "dddd-dd-dd";
  for (gsize i = 0; i < sizeof shape - 1; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
      return FALSE;
  if (text[sizeof shape - 1] != '\0')
    return FALSE;

  unsigned year = (unsigned) g_ascii_strtoull (text, NULL, 10);
  unsigned month = (unsigned) g_ascii_strtoull (text + 5, NULL, 10);
  unsigned day = (unsigned) g_ascii_strtoull (text + 8, NULL, 10);
  if (month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

guint32
limber_parse_julian (const char *text)
{
  GDate d;
  return limber_parse_date (text, &d) ? g_date_get_julian (&d) : 0;
}

/* ---- problems and their messages ------------------------------------------ */

static void
problem_free (LimberProfileProblem *p)
{
  g_free (p->field);
  g_free (p->message);
  g_free (p);
}

GPtrArray *
limber_profile_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

LimberProfileProblem *
limber_profile_problem_add (GPtrArray *problems, const char *code, const char *field, gboolean at_key,
                            const char *format, ...)
{
  LimberProfileProblem *p = g_new0 (LimberProfileProblem, 1);
  p->code = code;
  va_list args;
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  p->field = g_strdup (field);
  p->at_key = at_key;
  g_ptr_array_add (problems, p);
  return p;
}

char *
limber_profile_number_text (double value)
{
  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  /* 15 digits read as people wrote them (0.1, not 0.10000000000000001);
   * 17 when 15 would not read back as the same double */
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  return g_strdup (buf);
}

char *
limber_profile_quote (const char *text)
{
  /* a message is one line: whatever a person typed must not break it, and
   * a pasted paragraph must not drown the message */
  const glong max_chars = 60;
  g_autofree char *shown = g_utf8_make_valid (text, -1);
  gboolean cut = g_utf8_strlen (shown, -1) > max_chars;
  if (cut)
    *g_utf8_offset_to_pointer (shown, max_chars) = '\0';

  GString *out = g_string_new ("\"");
  for (const char *p = shown; *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append (out, cut ? "...\"" : "\"");
  return g_string_free (out, FALSE);
}

/* Orders problems by place, and by the order they were found at one place. */
static int
compare_located (gconstpointer a, gconstpointer b, gpointer data)
{
  GPtrArray *problems = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const LimberProfileProblem *pa = g_ptr_array_index (problems, ia);
  const LimberProfileProblem *pb = g_ptr_array_index (problems, ib);
  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Drops the last segment of a field path: "scan[0].right" -> "scan[0]" ->
 * "scan" -> "", so that a missing member is placed at its parent. */
static void
strip_last_segment (char *path)
{
  char *dot = strrchr (path, '.');
  char *bracket = strrchr (path, '[');
  char *cut = MAX (dot, bracket);
  if (cut != NULL)
    *cut = '\0';
  else
    *path = '\0';
}

static void
locate (LimberProfileProblem *p, GHashTable *positions)
{
  if (p->line > 0 || positions == NULL)
    return;
  g_autofree char *path = g_strdup (p->field);
  for (gboolean exact = TRUE;; exact = FALSE)
    {
      const LimberProfilePos *pos = g_hash_table_lookup (positions, path);
      if (pos != NULL)
        {
          gboolean key = exact && p->at_key && pos->key_line > 0;
          p->line = key ? pos->key_line : pos->line;
          p->column = key ? pos->key_column : pos->column;
          return;
        }
      if (*path == '\0')
        return;
      strip_last_segment (path);
    }
}

void
limber_profile_problems_to_error (GPtrArray *problems, const char *name, GHashTable *positions, GError **error)
{
  g_return_if_fail (problems != NULL && problems->len > 0);

  g_autofree guint *order = g_new (guint, problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      locate (g_ptr_array_index (problems, i), positions);
      order[i] = i;
    }
  /* a document's problems in the order its author reads it */
  if (name != NULL)
    g_qsort_with_data (order, (gint) problems->len, sizeof *order, compare_located, problems);

  GString *text = g_string_new (NULL);
  g_autofree gsize *starts = g_new (gsize, problems->len + 1);
  for (guint i = 0; i < problems->len; i++)
    {
      const LimberProfileProblem *p = g_ptr_array_index (problems, order[i]);
      if (i > 0)
        g_string_append_c (text, '\n');
      starts[i] = text->len;
      if (name != NULL && p->line > 0)
        g_string_append_printf (text, "%s:%d:%d: ", name, p->line, MAX (p->column, 1));
      else if (name != NULL)
        g_string_append_printf (text, "%s: ", name);
      g_string_append_printf (text, "%s: %s", p->field, p->message);
    }
  starts[problems->len] = text->len + 1;
  g_set_error_literal (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, text->str);
  /* and each problem as a record (limber/error.h), its line of the message
   * with it */
  for (guint i = 0; error != NULL && i < problems->len; i++)
    {
      const LimberProfileProblem *p = g_ptr_array_index (problems, order[i]);
      g_autofree char *line = g_strndup (text->str + starts[i], starts[i + 1] - 1 - starts[i]);
      gboolean placed = name != NULL && p->line > 0;
      limber_error_add_problem (*error, p->code, name, placed ? (unsigned) p->line : 0,
                                placed ? (unsigned) MAX (p->column, 1) : 0, p->field, p->message, line);
    }
  g_string_free (text, TRUE);
}

/* ---- the checks ---------------------------------------------------------- */

typedef struct {
  const char *member;
  double min, max;
  gboolean above_min;      /* min itself is out of range */
  gboolean whole;
  gboolean minus_one_unset; /* -1 means "not reported" */
  const char *expected;
} NumberSpec;

static const NumberSpec number_specs[] = {
  { "age", 0, 120, FALSE, TRUE, FALSE, "a whole number from 0 to 120" },
  /* 5 minutes: the shortest session the routine names (a mobility break),
   * and about the least that holds one exercise with its transitions */
  { "minutes_per_day", 5, 180, FALSE, FALSE, FALSE, "a number of minutes from 5 to 180" },
  { "days_per_week", 1, 7, FALSE, TRUE, FALSE, "a whole number from 1 to 7" },
  { "sets", 0, G_MAXUINT, FALSE, TRUE, FALSE, "a whole number, 0 or more" },
  { "reps", 0, G_MAXUINT, FALSE, TRUE, FALSE, "a whole number, 0 or more" },
  { "hold_s", 0, G_MAXDOUBLE, FALSE, FALSE, FALSE, "a number of seconds, 0 or more" },
  { "duration_s", 0, G_MAXDOUBLE, FALSE, FALSE, FALSE, "a number of seconds, 0 or more" },
  { "discomfort", 0, 10, FALSE, FALSE, TRUE, "a number from 0 to 10" },
  { "discomfort_next_day", 0, 10, FALSE, FALSE, TRUE, "a number from 0 to 10" },
};

gboolean
limber_profile_number_range (const char *member, double *min, double *max, gboolean *above_min, gboolean *whole)
{
  *min = 0;
  *max = G_MAXDOUBLE;
  *above_min = *whole = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (number_specs); i++)
    if (g_str_equal (member, number_specs[i].member))
      {
        *min = number_specs[i].min;
        *max = number_specs[i].max;
        *above_min = number_specs[i].above_min;
        *whole = number_specs[i].whole;
        return TRUE;
      }
  g_return_val_if_reached (FALSE);
}

gboolean
limber_profile_check_number (const char *field, double value, GPtrArray *problems)
{
  const char *dot = strrchr (field, '.');
  const char *member = dot ? dot + 1 : field;
  const NumberSpec *spec = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (number_specs) && spec == NULL; i++)
    if (g_str_equal (member, number_specs[i].member))
      spec = &number_specs[i];
  g_return_val_if_fail (spec != NULL, FALSE);

  const char *wrong;
  if (!isfinite (value))
    wrong = "is not a finite number";
  else if (spec->minus_one_unset && value == -1)
    return TRUE;
  else if (value < spec->min || value > spec->max || (spec->above_min && value == spec->min))
    wrong = "is out of range";
  else if (spec->whole && value != floor (value))
    wrong = "is not a whole number";
  else
    return TRUE;
  /* formatted only here: valid numbers, by far the most, cost no printf */
  g_autofree char *text = limber_profile_number_text (value);
  limber_profile_problem_add (problems, LIMBER_PROBLEM_OUT_OF_RANGE, field, FALSE,
                              "%s %s; expected %s", text, wrong, spec->expected);
  return FALSE;
}

static char *
declared_goals (const LimberRuleset *rs)
{
  GString *out = g_string_new (NULL);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    if (rs->goal_declared[g])
      g_string_append_printf (out, "%s%s", out->len ? ", " : "", limber_goal_to_string ((LimberGoal) g));
  return g_string_free (out, FALSE);
}

gboolean
limber_profile_check_goal_name (const LimberRuleset *ruleset, const char *name, LimberGoal *goal,
                                GPtrArray *problems)
{
  if (limber_goal_from_string (name, goal))
    return TRUE;
  g_autofree char *quoted = limber_profile_quote (name);
  g_autofree char *goals = declared_goals (ruleset);
  LimberSuggest near;
  limber_suggest_init (&near, name);
  for (unsigned g = 0; g < LIMBER_N_GOALS; g++)
    if (ruleset->goal_declared[g])
      limber_suggest_offer (&near, limber_goal_to_string ((LimberGoal) g));
  g_autofree char *hint = limber_suggest_hint (limber_suggest_best (&near));
  limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_GOAL, "goal", FALSE,
                              "%s is not a goal; expected one of %s%s",
                              quoted, goals, hint);
  return FALSE;
}

/* The ids of the rule set: lowercase letters, digits, '.', '_' and '-',
 * starting with a letter or digit (rules/limber-ruleset.xsd, type Id). */
static gboolean
is_id (const char *s)
{
  if (s == NULL || !(g_ascii_islower (*s) || g_ascii_isdigit (*s)))
    return FALSE;
  gsize n = 0;
  for (; s[n]; n++)
    if (!(g_ascii_islower (s[n]) || g_ascii_isdigit (s[n]) || s[n] == '.' || s[n] == '_' || s[n] == '-'))
      return FALSE;
  return n <= 64;
}

/* A field's path ("history[3].reps") in a buffer rather than an allocated
 * string: every valid profile is checked on every generation, and its
 * paths are needed only when something is wrong. */
typedef struct {
  char text[256];
} Field;

/* list[index].member (without "[index]" when index is G_MAXUINT, without
 * ".member" when member is NULL); cut short, never overrun, past the
 * buffer, which no path of a checked length reaches. */
static const char *
field_at (Field *f, const char *list, guint index, const char *member)
{
  gsize n = 0, room = sizeof f->text - 1;
  gsize len = MIN (strlen (list), room);
  memcpy (f->text, list, len);
  n = len;
  if (index != G_MAXUINT && n + 24 < room)
    {
      f->text[n++] = '[';
      n += limber_number_print_uint (f->text + n, index);
      f->text[n++] = ']';
    }
  if (member != NULL && n + 1 < room)
    {
      f->text[n++] = '.';
      len = MIN (strlen (member), room - n);
      memcpy (f->text + n, member, len);
      n += len;
    }
  f->text[n] = '\0';
  return f->text;
}

/* noun: what each id names ("equipment id"). */
static void
check_ids (GPtrArray *ids, const char *field, const char *noun, GPtrArray *problems)
{
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      Field item;
      if (!is_id (id))
        {
          g_autofree char *quoted = limber_profile_quote (id);
          field_at (&item, field, i, NULL);
          limber_profile_problem_add (problems, LIMBER_PROBLEM_BAD_VALUE, item.text, FALSE,
                                      "%s is not an id; expected an id of lowercase letters, digits, '.', '_' or "
                                      "'-', like the rule set's",
                                      quoted);
          continue;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (id, g_ptr_array_index (ids, j)))
          {
            g_autofree char *quoted = limber_profile_quote (id);
            field_at (&item, field, i, NULL);
            limber_profile_problem_add (problems, LIMBER_PROBLEM_DUPLICATE, item.text, FALSE,
                                        "%s is listed twice (first as %s[%u]); expected each %s once", quoted, field, j,
                                        noun);
            break;
          }
    }
}

static int
compare_strings (const void *a, const void *b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* An avoided region no exercise works would silently avoid nothing: a typo
 * ("shoulders") must not leave the person exposed to what they meant. */
static void
check_regions_known (const LimberRuleset *rs, GPtrArray *regions, GPtrArray *problems)
{
  GHashTable *known = rs->regions;  /* every region an exercise works (ruleset-compile.c) */
  for (guint i = 0; i < regions->len; i++)
    {
      const char *id = g_ptr_array_index (regions, i);
      if (g_hash_table_contains (known, id))
        continue;
      Field item;
      field_at (&item, "constraints.avoid_regions", i, NULL);
      g_autofree char *quoted = limber_profile_quote (id);
      g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (known, NULL);
      qsort (names, g_hash_table_size (known), sizeof (char *), compare_strings);
      g_autofree char *list = g_strjoinv (", ", (char **) names);
      g_autofree char *hint = limber_suggest_hint (limber_suggest_among (id, names, g_hash_table_size (known)));
      limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_REGION, item.text, FALSE,
                                  "%s is not a region any exercise works; expected one of %s%s", quoted, list, hint);
    }
}

static void
check_name (const char *name, GPtrArray *problems)
{
  if (name == NULL)
    return;
  if (!g_utf8_validate (name, -1, NULL))
    limber_profile_problem_add (problems, LIMBER_PROBLEM_BAD_VALUE, "name", FALSE, "is not valid UTF-8; expected text");
  else if (*name == '\0')
    limber_profile_problem_add (problems, LIMBER_PROBLEM_BAD_VALUE, "name", FALSE,
                                "is empty; expected the person's name, or no name at all");
  else
    for (const char *p = name; *p; p = g_utf8_next_char (p))
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_autofree char *quoted = limber_profile_quote (name);
          limber_profile_problem_add (problems, LIMBER_PROBLEM_BAD_VALUE, "name", FALSE,
                                      "%s holds a control character; expected one line of text", quoted);
          return;
        }
}

static char *
answer_text (const LimberAnswer *a)
{
  switch (a->kind)
    {
    case ANSWER_BOOL:
      return g_strdup (a->yes ? "true" : "false");
    case ANSWER_NUMBER:
      return limber_profile_number_text (a->number);
    case ANSWER_CHOICE:
    default:
      return limber_profile_quote (a->choice ? a->choice : "");
    }
}

typedef enum {
  ANSWER_OK,
  ANSWER_NOT_YES_NO,
  ANSWER_NOT_NUMBER,
  ANSWER_NOT_FINITE,
  ANSWER_OUT_OF_RANGE,
  ANSWER_NOT_A_CHOICE,
} AnswerProblem;

static AnswerProblem
answer_problem (const LimberQuestion *q, const LimberAnswer *a)
{
  switch (q->kind)
    {
    case LIMBER_QUESTION_YES_NO:
      return a->kind != ANSWER_BOOL ? ANSWER_NOT_YES_NO : ANSWER_OK;
    case LIMBER_QUESTION_SCALE:
      if (a->kind != ANSWER_NUMBER)
        return ANSWER_NOT_NUMBER;
      if (!isfinite (a->number))
        return ANSWER_NOT_FINITE;
      return a->number < q->min || a->number > q->max ? ANSWER_OUT_OF_RANGE : ANSWER_OK;
    case LIMBER_QUESTION_CHOICE:
      return a->kind != ANSWER_CHOICE || !g_strv_contains ((const char *const *) q->choices, a->choice)
               ? ANSWER_NOT_A_CHOICE
               : ANSWER_OK;
    }
  return ANSWER_OK;
}

static void
check_answer (const LimberRuleset *rs, const LimberAnswer *a, GPtrArray *problems)
{
  int index = limber_ruleset_index_of (rs->question_index, a->question);
  const LimberQuestion *q = index >= 0 ? g_ptr_array_index (rs->questions, index) : NULL;
  AnswerProblem problem = q ? answer_problem (q, a) : ANSWER_OK;
  if (q != NULL && problem == ANSWER_OK)
    return; /* the common case formats nothing */
  g_autofree char *field = g_strconcat ("answers.", a->question, NULL);
  if (q == NULL)
    {
      g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (a->question, rs->question_index));
      limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_QUESTION, field, TRUE,
                                  "unknown question; expected one of the rule set's question ids "
                                  "(limber describe lists them)%s",
                                  hint);
      return;
    }
  g_autofree char *given = answer_text (a);
  g_autofree char *min = limber_profile_number_text (q->min);
  g_autofree char *max = limber_profile_number_text (q->max);
  g_autofree char *choices = g_strjoinv (", ", q->choices);
  switch (problem)
    {
    case ANSWER_NOT_YES_NO:
      limber_profile_problem_add (problems, LIMBER_PROBLEM_WRONG_TYPE, field, FALSE,
                                  "%s is not a yes-no answer; expected true or false", given);
      break;
    case ANSWER_NOT_NUMBER:
      limber_profile_problem_add (problems, LIMBER_PROBLEM_WRONG_TYPE, field, FALSE,
                                  "%s is not a number; expected a number from %s to %s (a scale question)", given,
                                  min, max);
      break;
    case ANSWER_NOT_FINITE:
      limber_profile_problem_add (problems, LIMBER_PROBLEM_WRONG_TYPE, field, FALSE,
                                  "%s is not a finite number; expected a number from %s to %s",
                                  given, min, max);
      break;
    case ANSWER_OUT_OF_RANGE:
      limber_profile_problem_add (problems, LIMBER_PROBLEM_OUT_OF_RANGE, field, FALSE,
                                  "%s is out of range; expected a number from %s to %s",
                                  given, min, max);
      break;
    case ANSWER_NOT_A_CHOICE:
      {
        g_autofree char *hint
            = limber_suggest_hint (limber_suggest_among (a->choice, (const char *const *) q->choices, -1));
        limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_CHOICE, field, FALSE,
                                    "%s is not one of the choices; expected one of %s%s", given, choices, hint);
      }
      break;
    case ANSWER_OK:
      break;
    }
}

/* The measure a scan or re-scan names, or NULL after reporting it. */
static const LimberMeasure *
known_measure (const LimberRuleset *rs, const char *measure, const char *field, GPtrArray *problems)
{
  int index = limber_ruleset_index_of (rs->measure_index, measure);
  if (index >= 0)
    return g_ptr_array_index (rs->measures, index);
  g_autofree char *quoted = limber_profile_quote (measure);
  g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (measure, rs->measure_index));
  limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_MEASURE, field, FALSE,
                              "%s is an unknown measure; expected one of the rule set's measure ids "
                              "(limber describe lists them)%s",
                              quoted, hint);
  return NULL;
}

static void
check_measure_value (const LimberMeasure *m, const char *field, double value, GPtrArray *problems)
{
  if (isfinite (value) && value >= m->min && value <= m->max)
    return;
  g_autofree char *text = limber_profile_number_text (value);
  g_autofree char *min = limber_profile_number_text (m->min);
  g_autofree char *max = limber_profile_number_text (m->max);
  limber_profile_problem_add (problems, LIMBER_PROBLEM_OUT_OF_RANGE, field, FALSE,
                              "%s is %s; expected a number from %s to %s (%s, the range of %s)",
                              text, isfinite (value) ? "out of range" : "not a finite number", min, max, m->unit,
                              m->id);
}

static void
check_date (const char *date, const char *field, GPtrArray *problems)
{
  if (limber_parse_date (date, NULL))
    return;
  g_autofree char *quoted = limber_profile_quote (date);
  limber_profile_problem_add (problems, LIMBER_PROBLEM_BAD_DATE, field, FALSE,
                              "%s is not a date; expected a real calendar date as YYYY-MM-DD",
                              quoted);
}

/* Checks path.member with limber_profile_check_number(). */
static void
check_member_number (const char *path, const char *member, double value, GPtrArray *problems)
{
  Field field;
  limber_profile_check_number (field_at (&field, path, G_MAXUINT, member), value, problems);
}

static void
check_scan (const LimberRuleset *rs, const LimberScan *s, const char *path, GPtrArray *problems)
{
  Field measure, value, left, right;
  const char *measure_field = field_at (&measure, path, G_MAXUINT, "measure");
  const char *value_field = field_at (&value, path, G_MAXUINT, "value");
  const char *left_field = field_at (&left, path, G_MAXUINT, "left");
  const char *right_field = field_at (&right, path, G_MAXUINT, "right");
  const LimberMeasure *m = known_measure (rs, s->measure, measure_field, problems);
  if (m == NULL)
    return;
  if (m->sided && !s->sided)
    limber_profile_problem_add (problems, LIMBER_PROBLEM_CONFLICT, value_field, FALSE,
                                "%s is a sided measure; expected left and right instead of value", m->id);
  else if (!m->sided && s->sided)
    limber_profile_problem_add (problems, LIMBER_PROBLEM_CONFLICT, left_field, FALSE,
                                "%s is not a sided measure; expected value instead of left and right", m->id);
  else if (s->sided)
    {
      check_measure_value (m, left_field, s->left, problems);
      check_measure_value (m, right_field, s->right, problems);
    }
  else
    check_measure_value (m, value_field, s->left, problems);
}

static void
check_session (const LimberRuleset *rs, const LimberLogged *l, const char *path, GPtrArray *problems)
{
  Field date, exercise;
  const char *date_field = field_at (&date, path, G_MAXUINT, "date");
  const char *exercise_field = field_at (&exercise, path, G_MAXUINT, "exercise");
  check_date (l->date, date_field, problems);
  if (limber_ruleset_index_of (rs->exercise_index, l->exercise) < 0)
    {
      g_autofree char *quoted = limber_profile_quote (l->exercise);
      g_autofree char *hint = limber_suggest_hint (limber_suggest_among_keys (l->exercise, rs->exercise_index));
      limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_EXERCISE, exercise_field, FALSE,
                                  "%s is an unknown exercise; expected one of the rule set's exercise ids "
                                  "(limber describe lists them)%s",
                                  quoted, hint);
    }
  check_member_number (path, "sets", l->sets, problems);
  check_member_number (path, "reps", l->reps, problems);
  check_member_number (path, "hold_s", l->hold_s, problems);
  check_member_number (path, "duration_s", l->duration_s, problems);
  check_member_number (path, "discomfort", l->discomfort, problems);
  check_member_number (path, "discomfort_next_day", l->discomfort_next_day, problems);
}

static void
check_rescan (const LimberRuleset *rs, const LimberRescan *r, const char *path, GPtrArray *problems)
{
  Field date, measure, left, right;
  const char *date_field = field_at (&date, path, G_MAXUINT, "date");
  const char *measure_field = field_at (&measure, path, G_MAXUINT, "measure");
  const char *left_field = field_at (&left, path, G_MAXUINT, "left");
  const char *right_field = field_at (&right, path, G_MAXUINT, "right");
  check_date (r->date, date_field, problems);
  const LimberMeasure *m = known_measure (rs, r->measure, measure_field, problems);
  if (m == NULL)
    return;
  if (!m->sided)
    {
      limber_profile_problem_add (problems, LIMBER_PROBLEM_CONFLICT, measure_field, FALSE,
                                  "%s is not a sided measure; expected a sided one (a re-scan records left and right)",
                                  m->id);
      return;
    }
  check_measure_value (m, left_field, r->left, problems);
  check_measure_value (m, right_field, r->right, problems);
}

static gboolean
check_counts (const LimberProfile *profile, GPtrArray *problems)
{
  const struct { const char *field, *what; guint n, max; } counts[] = {
    { "history", "sessions", profile->sessions->len, LIMBER_MAX_SESSIONS },
    { "rescans", "re-scans", profile->rescans->len, LIMBER_MAX_RESCANS },
    { "constraints.equipment", "equipment ids", profile->equipment->len, LIMBER_MAX_LIST_ITEMS },
    { "constraints.avoid_regions", "region ids", profile->avoid_regions->len, LIMBER_MAX_LIST_ITEMS },
  };
  gboolean ok = TRUE;
  for (gsize k = 0; k < G_N_ELEMENTS (counts); k++)
    if (counts[k].n > counts[k].max)
      {
        /* placed at the first entry past the limit, which loaders can find */
        g_autofree char *field = g_strdup_printf ("%s[%u]", counts[k].field, counts[k].max);
        limber_profile_problem_add (problems, LIMBER_PROBLEM_TOO_LARGE, field, FALSE,
                                    "%u %s in all: too many; expected at most %u (see docs/profile-format.md, "
                                    "Limits)",
                                    counts[k].n, counts[k].what, counts[k].max);
        ok = FALSE;
      }
  return ok;
}

gboolean
limber_profile_check (const LimberProfile *profile, const LimberRuleset *ruleset, GPtrArray *problems)
{
  guint before = problems->len;

  /* the lists' lengths first (read-limit.h): past them, nothing else is
   * checked, so a huge history costs one message, not thousands */
  if (!check_counts (profile, problems))
    return FALSE;
  limber_profile_check_number ("age", profile->age, problems);
  if (!ruleset->goal_declared[profile->goal])
    {
      g_autofree char *goals = declared_goals (ruleset);
      limber_profile_problem_add (problems, LIMBER_PROBLEM_UNKNOWN_GOAL, "goal", FALSE,
                                  "%s is not declared by this rule set; expected one of %s",
                                  limber_goal_to_string (profile->goal), goals);
    }
  limber_profile_check_number ("minutes_per_day", profile->minutes_per_day, problems);
  limber_profile_check_number ("days_per_week", profile->days_per_week, problems);
  check_name (profile->name, problems);
  check_ids (profile->equipment, "constraints.equipment", "equipment id", problems);
  check_ids (profile->avoid_regions, "constraints.avoid_regions", "region id", problems);
  check_regions_known (ruleset, profile->avoid_regions, problems);

  for (guint i = 0; i < profile->answers->len; i++)
    check_answer (ruleset, g_ptr_array_index (profile->answers, i), problems);
  for (guint i = 0; i < profile->scans->len; i++)
    {
      Field path;
      check_scan (ruleset, g_ptr_array_index (profile->scans, i), field_at (&path, "scan", i, NULL), problems);
    }
  for (guint i = 0; i < profile->sessions->len; i++)
    {
      Field path;
      check_session (ruleset, g_ptr_array_index (profile->sessions, i), field_at (&path, "history", i, NULL), problems);
    }
  for (guint i = 0; i < profile->rescans->len; i++)
    {
      Field path;
      check_rescan (ruleset, g_ptr_array_index (profile->rescans, i), field_at (&path, "rescans", i, NULL), problems);
    }
  return problems->len == before;
}

gboolean
limber_profile_validate (const LimberProfile *profile, const LimberRuleset *ruleset, GError **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (ruleset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* loaded against this rule set and unchanged since: checked already */
  if (profile->checked_for == ruleset->serial)
    return TRUE;
  g_autoptr (GPtrArray) problems = limber_profile_problems_new ();
  if (limber_profile_check (profile, ruleset, problems))
    return TRUE;
  limber_profile_problems_to_error (problems, NULL, NULL, error);
  return FALSE;
}

/* A checked profile is planned many times (a population, a simulation, an
 * app re-planning a person): its ids are resolved against the rule set and
 * its dates parsed here, once, so that deriving facts looks nothing up. */
void
limber_profile_mark_checked (LimberProfile *profile, const LimberRuleset *ruleset)
{
  for (guint i = 0; i < profile->answers->len; i++)
    {
      LimberAnswer *a = g_ptr_array_index (profile->answers, i);
      a->question_index = limber_ruleset_index_of (ruleset->question_index, a->question);
      a->choice_index = -1;
      if (a->question_index >= 0 && a->kind == ANSWER_CHOICE)
        {
          const LimberQuestion *q = g_ptr_array_index (ruleset->questions, a->question_index);
          for (int c = 0; q->choices[c]; c++)
            if (g_strcmp0 (q->choices[c], a->choice) == 0)
              a->choice_index = c;
        }
    }
  for (guint i = 0; i < profile->scans->len; i++)
    {
      LimberScan *s = g_ptr_array_index (profile->scans, i);
      s->measure_index = limber_ruleset_index_of (ruleset->measure_index, s->measure);
    }
  for (guint i = 0; i < profile->sessions->len; i++)
    {
      LimberLogged *l = g_ptr_array_index (profile->sessions, i);
      l->exercise_index = limber_ruleset_index_of (ruleset->exercise_index, l->exercise);
      l->day = limber_parse_julian (l->date);
    }
  for (guint i = 0; i < profile->rescans->len; i++)
    {
      LimberRescan *r = g_ptr_array_index (profile->rescans, i);
      r->measure_index = limber_ruleset_index_of (ruleset->measure_index, r->measure);
      r->day = limber_parse_julian (r->date);
    }
  profile->checked_for = ruleset->serial;
}

/* ---- writing JSON ---------------------------------------------------------- */

/* Written by hand rather than with JsonGenerator, whose doubles come out as
 * 0.10000000000000001 and whose members as "key" : value: a profile is a
 * file people read and diff, and its key order is fixed so the same profile
 * always gives the same bytes. */
typedef struct {
  GString *out;
  gboolean pretty;
  int depth;
  gboolean first;  /* no member yet in the innermost container */
} Writer;

static void
write_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_newline (Writer *W)
{
  if (!W->pretty)
    return;
  g_string_append_c (W->out, '\n');
  for (int i = 0; i < W->depth; i++)
    g_string_append (W->out, "  ");
}

/* Starts a member (key != NULL) or an array element. */
static void
write_item (Writer *W, const char *key)
{
  if (!W->first)
    g_string_append_c (W->out, ',');
  W->first = FALSE;
  write_newline (W);
  if (key != NULL)
    {
      write_string (W->out, key);
      g_string_append (W->out, W->pretty ? ": " : ":");
    }
}

static void
write_open (Writer *W, const char *key, char bracket)
{
  write_item (W, key);
  g_string_append_c (W->out, bracket);
  W->depth++;
  W->first = TRUE;
}

static void
write_close (Writer *W, char bracket)
{
  W->depth--;
  if (!W->first)
    write_newline (W);
  g_string_append_c (W->out, bracket);
  W->first = FALSE;
}

static void
write_number (Writer *W, const char *key, double value)
{
  write_item (W, key);
  if (!isfinite (value))
    {
      /* JSON has no NaN; such a profile never validates anyway */
      g_string_append (W->out, "null");
      return;
    }
  g_autofree char *text = limber_profile_number_text (value);
  g_string_append (W->out, text);
}

static void
write_text (Writer *W, const char *key, const char *value)
{
  write_item (W, key);
  write_string (W->out, value);
}

static void
write_bool (Writer *W, const char *key, gboolean value)
{
  write_item (W, key);
  g_string_append (W->out, value ? "true" : "false");
}

static void
write_strings (Writer *W, const char *key, GPtrArray *strings)
{
  write_open (W, key, '[');
  for (guint i = 0; i < strings->len; i++)
    write_text (W, NULL, g_ptr_array_index (strings, i));
  write_close (W, ']');
}

char *
limber_profile_to_json (const LimberProfile *profile, gboolean pretty)
{
  g_return_val_if_fail (profile != NULL, NULL);

  Writer W = { g_string_new (NULL), pretty, 0, TRUE };
  g_string_append_c (W.out, '{');
  W.depth = 1;
  if (profile->name != NULL)
    write_text (&W, "name", profile->name);
  write_number (&W, "age", profile->age);
  write_text (&W, "goal", limber_goal_to_string (profile->goal));
  write_number (&W, "minutes_per_day", profile->minutes_per_day);
  write_number (&W, "days_per_week", profile->days_per_week);

  write_open (&W, "constraints", '{');
  write_bool (&W, "no_floor", profile->no_floor);
  write_strings (&W, "equipment", profile->equipment);
  write_strings (&W, "avoid_regions", profile->avoid_regions);
  write_close (&W, '}');

  write_open (&W, "answers", '{');
  for (guint i = 0; i < profile->answers->len; i++)
    {
      const LimberAnswer *a = g_ptr_array_index (profile->answers, i);
      if (a->kind == ANSWER_BOOL)
        write_bool (&W, a->question, a->yes);
      else if (a->kind == ANSWER_NUMBER)
        write_number (&W, a->question, a->number);
      else
        write_text (&W, a->question, a->choice);
    }
  write_close (&W, '}');

  write_open (&W, "scan", '[');
  for (guint i = 0; i < profile->scans->len; i++)
    {
      const LimberScan *s = g_ptr_array_index (profile->scans, i);
      write_open (&W, NULL, '{');
      write_text (&W, "measure", s->measure);
      if (s->sided)
        {
          write_number (&W, "left", s->left);
          write_number (&W, "right", s->right);
        }
      else
        write_number (&W, "value", s->left);
      write_close (&W, '}');
    }
  write_close (&W, ']');

  write_open (&W, "history", '[');
  for (guint i = 0; i < profile->sessions->len; i++)
    {
      const LimberLogged *l = g_ptr_array_index (profile->sessions, i);
      write_open (&W, NULL, '{');
      write_text (&W, "date", l->date);
      write_text (&W, "exercise", l->exercise);
      write_bool (&W, "completed", l->completed);
      write_number (&W, "sets", l->sets);
      write_number (&W, "reps", l->reps);
      write_number (&W, "hold_s", l->hold_s);
      write_number (&W, "duration_s", l->duration_s);
      /* "not reported" is written by leaving the member out, as it is read */
      if (l->discomfort != -1)
        write_number (&W, "discomfort", l->discomfort);
      if (l->discomfort_next_day != -1)
        write_number (&W, "discomfort_next_day", l->discomfort_next_day);
      write_close (&W, '}');
    }
  write_close (&W, ']');

  write_open (&W, "rescans", '[');
  for (guint i = 0; i < profile->rescans->len; i++)
    {
      const LimberRescan *r = g_ptr_array_index (profile->rescans, i);
      write_open (&W, NULL, '{');
      write_text (&W, "date", r->date);
      write_text (&W, "measure", r->measure);
      write_number (&W, "left", r->left);
      write_number (&W, "right", r->right);
      write_close (&W, '}');
    }
  write_close (&W, ']');

  write_close (&W, '}');
  if (pretty)
    g_string_append_c (W.out, '\n');
  return g_string_free (W.out, FALSE);
}

/* ---- reading a profile back ------------------------------------------------ */

gboolean
limber_profile_get_session (const LimberProfile *profile, unsigned index, LimberSession *session)
{
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  const LimberLogged *l = limber_list_at (profile->sessions, index);
  if (l == NULL)
    return FALSE;
  LIMBER_STRUCT_COPY_OUT (session,
                          ((LimberSession) { l->date, l->exercise, l->completed, l->sets, l->reps, l->hold_s,
                                             l->duration_s, l->discomfort, l->discomfort_next_day }),
                          LimberSession);
  return TRUE;
}

unsigned
limber_profile_get_n_answers (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->answers->len;
}

const char *
limber_profile_get_answer (const LimberProfile *profile, unsigned index, LimberAnswerType *type, gboolean *yes,
                           double *number, const char **choice)
{
  const LimberAnswer *a = limber_list_at (profile ? profile->answers : NULL, index);
  if (type)
    *type = a == NULL || a->kind == ANSWER_BOOL ? LIMBER_ANSWER_YES_NO
            : a->kind == ANSWER_NUMBER          ? LIMBER_ANSWER_NUMBER
                                                : LIMBER_ANSWER_CHOICE;
  if (yes)
    *yes = a != NULL && a->kind == ANSWER_BOOL && a->yes;
  if (number)
    *number = a != NULL && a->kind == ANSWER_NUMBER ? a->number : 0;
  if (choice)
    *choice = a != NULL && a->kind == ANSWER_CHOICE ? a->choice : NULL;
  g_return_val_if_fail (profile != NULL, NULL);
  return a ? a->question : NULL;
}

unsigned
limber_profile_get_n_measures (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->scans->len;
}

const char *
limber_profile_get_measure (const LimberProfile *profile, unsigned index, gboolean *sided, double *left,
                            double *right)
{
  const LimberScan *s = limber_list_at (profile ? profile->scans : NULL, index);
  if (sided)
    *sided = s != NULL && s->sided;
  if (left)
    *left = s ? s->left : 0;
  if (right)
    *right = s ? s->right : 0;
  g_return_val_if_fail (profile != NULL, NULL);
  return s ? s->measure : NULL;
}

unsigned
limber_profile_get_n_equipment (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->equipment->len;
}

const char *
limber_profile_get_equipment (const LimberProfile *profile, unsigned index)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return limber_list_at (profile->equipment, index);
}

unsigned
limber_profile_get_n_avoid_regions (const LimberProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);
  return profile->avoid_regions->len;
}

const char *
limber_profile_get_avoid_region (const LimberProfile *profile, unsigned index)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return limber_list_at (profile->avoid_regions, index);
}
