/*
 * The fast path for a JSON profile: one pass over the text, straight into
 * the profile, for documents a program wrote.
 *
 * The full reader (profile-json.c) is built for people's mistakes: a scanner
 * records the place of every member so that any problem can name its line
 * and column, json-glib builds a tree, the loader walks it.  That costs
 * about a hundred microseconds and a few hundred allocations for a profile
 * of 2 KB, which is more than making its plan; a batch of a million
 * profiles from Python or a server is almost all well-formed.  So this
 * reader takes strict JSON of the profile's exact shape only, with no
 * escapes in its strings, and gives up (returns NULL, having reported
 * nothing) at the first thing it would have to explain: a syntax error, a
 * key it does not know or sees twice, a value of the wrong type, a value
 * out of range, a check of limber_profile_check() that fails.  The caller
 * then reads the document again with the full reader, which finds the same
 * thing and says where it is.  A document this reader accepts gives the
 * profile the full reader gives (tests/test-profile.c holds the two to
 * that, and the JSON profile fuzz target compares them on every input it
 * makes).
 */
#include "profile-private.h"
#include "ruleset-private.h"

#include <math.h>
#include <string.h>

#include "limber/autocleanups.h"

/* Lists a profile holds that this reader gathers before storing them: more
 * elements than this go the full way. */
#define FAST_MAX_STRINGS 64

typedef struct {
  char *p, *end;        /* a private copy of the document: strings end in place */
  GPtrArray *problems;  /* what a check found: never read, the full reader reports it */
} Fast;

static void
ws (Fast *F)
{
  while (F->p < F->end && (*F->p == ' ' || *F->p == '\n' || *F->p == '\t' || *F->p == '\r'))
    F->p++;
}

/* The next non-blank character is c; consumes it. */
static gboolean
eat (Fast *F, char c)
{
  ws (F);
  if (F->p < F->end && *F->p == c)
    {
      F->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
peek (Fast *F, char c)
{
  ws (F);
  return F->p < F->end && *F->p == c;
}

/* A string without escapes or control characters, NUL-terminated in place
 * (over its closing quote). */
static const char *
string (Fast *F)
{
  if (!eat (F, '"'))
    return NULL;
  char *s = F->p;
  while (F->p < F->end && *F->p != '"')
    {
      if (*F->p == '\\' || (unsigned char) *F->p < 0x20)
        return NULL;
      F->p++;
    }
  if (F->p >= F->end)
    return NULL;
  *F->p++ = '\0';
  return s;
}

static gboolean
digits (Fast *F)
{
  const char *start = F->p;
  while (F->p < F->end && g_ascii_isdigit (*F->p))
    F->p++;
  return F->p > start;
}

/* A number in RFC 8259's grammar, read as the full reader reads it (the
 * text as written, by g_ascii_strtod); finite only. */
static gboolean
number (Fast *F, double *out)
{
  ws (F);
  char *start = F->p;
  if (F->p < F->end && *F->p == '-')
    F->p++;
  if (F->p < F->end && *F->p == '0')
    F->p++;
  else if (!digits (F))
    return FALSE;
  if (F->p < F->end && *F->p == '.')
    {
      F->p++;
      if (!digits (F))
        return FALSE;
    }
  if (F->p < F->end && (*F->p == 'e' || *F->p == 'E'))
    {
      F->p++;
      if (F->p < F->end && (*F->p == '+' || *F->p == '-'))
        F->p++;
      if (!digits (F))
        return FALSE;
    }
  if (F->p >= F->end)
    return FALSE;  /* a document is an object: something follows */
  char after = *F->p;
  *F->p = '\0';
  char *end = NULL;
  double v = g_ascii_strtod (start, &end);
  *F->p = after;
  if (end != F->p || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
literal (Fast *F, const char *word)
{
  ws (F);
  gsize n = strlen (word);
  if ((gsize) (F->end - F->p) < n || memcmp (F->p, word, n) != 0)
    return FALSE;
  F->p += n;
  return TRUE;
}

static gboolean
boolean (Fast *F, gboolean *out)
{
  if (literal (F, "true"))
    *out = TRUE;
  else if (literal (F, "false"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* A count the setters keep in an unsigned, range-checked as the full
 * reader checks it (field: the member's name, for the range). */
static gboolean
count (Fast *F, const char *field, unsigned *out)
{
  double v;
  if (!number (F, &v) || !limber_profile_check_number (field, v, F->problems))
    return FALSE;
  *out = (unsigned) v;
  return TRUE;
}

/* Walks the members of an object: call first with *first TRUE; returns the
 * next key, or NULL at the end (*done TRUE) or on bad syntax (*done FALSE).
 * The key's value is next. */
static const char *
member (Fast *F, gboolean *first, gboolean *done)
{
  *done = FALSE;
  if (*first)
    {
      *first = FALSE;
      if (!eat (F, '{'))
        return NULL;
      if (eat (F, '}'))
        {
          *done = TRUE;
          return NULL;
        }
    }
  else if (eat (F, '}'))
    {
      *done = TRUE;
      return NULL;
    }
  else if (!eat (F, ','))
    return NULL;
  const char *key = string (F);
  if (key == NULL || !eat (F, ':'))
    return NULL;
  return key;
}

/* The same for the elements of an array: TRUE when an element is next. */
static gboolean
element (Fast *F, gboolean *first, gboolean *done)
{
  *done = FALSE;
  if (*first)
    {
      *first = FALSE;
      if (!eat (F, '['))
        return FALSE;
      if (eat (F, ']'))
        {
          *done = TRUE;
          return FALSE;
        }
      return TRUE;
    }
  if (eat (F, ']'))
    {
      *done = TRUE;
      return FALSE;
    }
  return eat (F, ',');
}

/* The index of key in known (NULL-terminated), once per object: seen holds
 * the keys already met.  -1 for an unknown or repeated key. */
static int
known_key (const char *key, const char *const *known, guint32 *seen)
{
  for (int i = 0; known[i]; i++)
    if (strcmp (key, known[i]) == 0)
      {
        if (*seen & (1u << i))
          return -1;
        *seen |= 1u << i;
        return i;
      }
  return -1;
}

/* An array of strings into out (NULL-terminated). */
static gboolean
strings (Fast *F, const char **out)
{
  gboolean first = TRUE, done;
  guint n = 0;
  while (element (F, &first, &done))
    {
      if (n == FAST_MAX_STRINGS || (out[n++] = string (F)) == NULL)
        return FALSE;
    }
  out[n] = NULL;
  return done;
}

static gboolean
constraints (Fast *F, LimberProfile *profile)
{
  static const char *const known[] = { "no_floor", "equipment", "avoid_regions", NULL };
  guint32 seen = 0;
  gboolean first = TRUE, done;
  const char *key;
  while ((key = member (F, &first, &done)))
    {
      const char *list[FAST_MAX_STRINGS + 1];
      gboolean b;
      switch (known_key (key, known, &seen))
        {
        case 0:
          if (!boolean (F, &b))
            return FALSE;
          limber_profile_set_no_floor (profile, b);
          break;
        case 1:
          if (!strings (F, list))
            return FALSE;
          limber_profile_set_equipment (profile, list);
          break;
        case 2:
          if (!strings (F, list))
            return FALSE;
          for (const char *const *r = list; *r; r++)
            limber_profile_add_avoid_region (profile, *r);
          break;
        default:
          return FALSE;
        }
    }
  return done;
}

/* Questions a rule set may hold for this reader's record of answers seen;
 * a larger one goes the full way (read-limit.h allows fewer anyway). */
#define FAST_MAX_QUESTIONS 4096

static gboolean
answers (Fast *F, const LimberRuleset *ruleset, LimberProfile *profile)
{
  guint8 seen[FAST_MAX_QUESTIONS / 8] = { 0 };
  gboolean first = TRUE, done;
  const char *question;
  while ((question = member (F, &first, &done)))
    {
      /* an unknown question, or one answered twice, is for the full reader
       * to explain; a known one's index makes "twice" one bit */
      int q = limber_ruleset_index_of (ruleset->question_index, question);
      if (q < 0 || q >= FAST_MAX_QUESTIONS || (seen[q / 8] & (1u << (q % 8))))
        return FALSE;
      seen[q / 8] |= (guint8) (1u << (q % 8));
      LimberAnswer value = { 0 };
      if (peek (F, '"'))
        {
          value.kind = ANSWER_CHOICE;
          if ((value.choice = (char *) string (F)) == NULL)
            return FALSE;
        }
      else if (boolean (F, &value.yes))
        value.kind = ANSWER_BOOL;
      else if (number (F, &value.number))
        value.kind = ANSWER_NUMBER;
      else
        return FALSE;
      /* as the setters store it: the choice copied, the rest as read */
      LimberAnswer *a = limber_profile_answer_append (profile, question);
      a->kind = value.kind;
      a->yes = !!value.yes;
      a->number = value.number;
      a->choice = g_strdup (value.choice);
    }
  return done;
}

static gboolean
scan (Fast *F, LimberProfile *profile)
{
  static const char *const known[] = { "measure", "left", "right", "value", NULL };
  gboolean first = TRUE, done;
  while (element (F, &first, &done))
    {
      guint32 seen = 0;
      gboolean first_member = TRUE, end;
      const char *key, *measure = NULL;
      double values[4];
      while ((key = member (F, &first_member, &end)))
        {
          int k = known_key (key, known, &seen);
          if (k < 0 || (k == 0 ? (measure = string (F)) == NULL : !number (F, &values[k])))
            return FALSE;
        }
      /* a measure with value alone, or left and right */
      if (!end || measure == NULL || limber_profile_find_scan (profile, measure) != NULL)
        return FALSE;
      if (seen == (1u | 8u))
        limber_profile_set_measure_value (profile, measure, values[3]);
      else if (seen == (1u | 2u | 4u))
        limber_profile_set_measure (profile, measure, values[1], values[2]);
      else
        return FALSE;
    }
  return done;
}

static gboolean
history (Fast *F, LimberProfile *profile)
{
  static const char *const known[] = { "date", "exercise", "completed", "sets", "reps", "hold_s",
                                       "duration_s", "discomfort", "discomfort_next_day", NULL };
  gboolean first = TRUE, done;
  while (element (F, &first, &done))
    {
      LimberSession s = { 0 };
      s.discomfort = s.discomfort_next_day = -1;
      guint32 seen = 0;
      gboolean first_member = TRUE, end, ok = TRUE;
      const char *key;
      while (ok && (key = member (F, &first_member, &end)))
        switch (known_key (key, known, &seen))
          {
          case 0: ok = (s.date = string (F)) != NULL; break;
          case 1: ok = (s.exercise = string (F)) != NULL; break;
          case 2: ok = boolean (F, &s.completed); break;
          case 3: ok = count (F, "history[0].sets", &s.sets); break;
          case 4: ok = count (F, "history[0].reps", &s.reps); break;
          case 5: ok = number (F, &s.hold_s); break;
          case 6: ok = number (F, &s.duration_s); break;
          /* null says "not reported" out loud; only discomfort has that */
          case 7: ok = literal (F, "null") || number (F, &s.discomfort); break;
          case 8: ok = literal (F, "null") || number (F, &s.discomfort_next_day); break;
          default: ok = FALSE; break;
          }
      if (!ok || !end || (seen & 7u) != 7u)
        return FALSE;
      limber_profile_add_session (profile, &s);
    }
  return done;
}

static gboolean
rescans (Fast *F, LimberProfile *profile)
{
  static const char *const known[] = { "date", "measure", "left", "right", NULL };
  gboolean first = TRUE, done;
  while (element (F, &first, &done))
    {
      guint32 seen = 0;
      gboolean first_member = TRUE, end;
      const char *key, *date = NULL, *measure = NULL;
      double left = 0, right = 0;
      while ((key = member (F, &first_member, &end)))
        {
          int k = known_key (key, known, &seen);
          gboolean ok = k == 0   ? (date = string (F)) != NULL
                        : k == 1 ? (measure = string (F)) != NULL
                        : k == 2 ? number (F, &left)
                        : k == 3 ? number (F, &right)
                                 : FALSE;
          if (!ok)
            return FALSE;
        }
      if (!end || seen != 15u)
        return FALSE;
      limber_profile_add_rescan (profile, date, measure, left, right);
    }
  return done;
}

static gboolean
profile_object (Fast *F, const LimberRuleset *ruleset, LimberProfile *profile)
{
  static const char *const known[] = { "name", "age", "goal", "minutes_per_day", "days_per_week", "constraints",
                                       "answers", "scan", "history", "rescans", "$schema", NULL };
  guint32 seen = 0;
  gboolean first = TRUE, done, ok = TRUE;
  const char *key;
  while (ok && (key = member (F, &first, &done)))
    {
      const char *text;
      unsigned u;
      double d;
      LimberGoal goal;
      switch (known_key (key, known, &seen))
        {
        case 0:
          if ((ok = (text = string (F)) != NULL))
            limber_profile_set_name (profile, text);
          break;
        case 1:
          if ((ok = count (F, "age", &u)))
            limber_profile_set_age (profile, u);
          break;
        case 2:
          if ((ok = (text = string (F)) != NULL && limber_profile_check_goal_name (ruleset, text, &goal, F->problems)))
            limber_profile_set_goal (profile, goal);
          break;
        case 3:
          if ((ok = number (F, &d)))
            limber_profile_set_minutes_per_day (profile, d);
          break;
        case 4:
          if ((ok = count (F, "days_per_week", &u)))
            limber_profile_set_days_per_week (profile, u);
          break;
        case 5: ok = constraints (F, profile); break;
        case 6: ok = answers (F, ruleset, profile); break;
        case 7: ok = scan (F, profile); break;
        case 8: ok = history (F, profile); break;
        case 9: ok = rescans (F, profile); break;
        case 10: ok = string (F) != NULL; break;  /* "$schema": set aside */
        default: ok = FALSE; break;
        }
    }
  if (!ok || !done)
    return FALSE;
  ws (F);
  return F->p == F->end;
}

LimberProfile *
limber_profile_read_json_fast (const LimberRuleset *ruleset, const char *data, gsize size)
{
  /* a byte-order mark is skipped, as the full reader skips it */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    return NULL;
  g_autofree char *copy = g_malloc (size + 1);
  memcpy (copy, data, size);
  copy[size] = '\0';
  g_autoptr (GPtrArray) problems = limber_profile_problems_new ();
  Fast F = { copy, copy + size, problems };
  g_autoptr (LimberProfile) profile = limber_profile_new ();
  if (!profile_object (&F, ruleset, profile))
    return NULL;
  if (!limber_profile_check (profile, ruleset, problems))
    return NULL;
  limber_profile_mark_checked (profile, ruleset);
  return g_steal_pointer (&profile);
}
