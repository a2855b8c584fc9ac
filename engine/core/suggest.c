/* "Did you mean" (suggest.h). */
#include "suggest.h"

#include <string.h>

/* How far a word may be from a candidate and still be a likely typo.  Very
 * short ids differ from each other by a character or two anyway ("hip",
 * "leg"), so they get only a case-insensitive match; a third of the length,
 * at most two edits, for the rest. */
static guint
max_distance_for (const char *word)
{
  gsize n = strlen (word);
  if (n < 3)
    return 0;
  return (guint) MIN (2, n / 3);
}

guint
limber_suggest_distance (const char *a, const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  /* three rows of the dynamic programme: two back for the swap */
  g_autofree guint *rows = g_new (guint, 3 * (m + 1));
  guint *prev2 = rows, *prev = rows + (m + 1), *cur = rows + 2 * (m + 1);
  for (gsize j = 0; j <= m; j++)
    prev[j] = (guint) j;
  for (gsize i = 1; i <= n; i++)
    {
      cur[0] = (guint) i;
      char ca = g_ascii_tolower (a[i - 1]);
      for (gsize j = 1; j <= m; j++)
        {
          char cb = g_ascii_tolower (b[j - 1]);
          guint cost = ca == cb ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);
          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && ca == g_ascii_tolower (b[j - 2]) && g_ascii_tolower (a[i - 2]) == cb)
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
        }
      guint *t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
  return prev[m];
}

void
limber_suggest_init (LimberSuggest *s, const char *word)
{
  s->word = word;
  s->best = NULL;
  s->best_distance = G_MAXUINT;
  s->max_distance = word != NULL ? max_distance_for (word) : 0;
  s->prefixed = NULL;
  s->n_prefixed = 0;
}

const char *
limber_suggest_best (const LimberSuggest *s)
{
  if (s->best != NULL)
    return s->best;
  /* a word cut short ("hip.flex") is too far from the whole id by edits
   * alone; when only one id begins with it, that is the one meant */
  return s->n_prefixed == 1 ? s->prefixed : NULL;
}

void
limber_suggest_offer (LimberSuggest *s, const char *candidate)
{
  if (s->word == NULL || candidate == NULL || strcmp (s->word, candidate) == 0)
    return;  /* a known word is not a typo of itself */
  gsize n = strlen (s->word), m = strlen (candidate);
  if (n >= 3 && m > n && g_ascii_strncasecmp (s->word, candidate, n) == 0)
    {
      s->prefixed = candidate;
      s->n_prefixed++;
    }
  /* lengths alone rule most candidates out before any table is filled */
  if ((n > m ? n - m : m - n) > s->max_distance)
    return;
  guint d = limber_suggest_distance (s->word, candidate);
  if (d > s->max_distance)
    return;
  if (s->best == NULL || d < s->best_distance || (d == s->best_distance && strcmp (candidate, s->best) < 0))
    {
      s->best = candidate;
      s->best_distance = d;
    }
}

const char *
limber_suggest_among (const char *word, const char *const *candidates, gssize n)
{
  LimberSuggest s;
  limber_suggest_init (&s, word);
  for (gssize i = 0; candidates != NULL && (n < 0 ? candidates[i] != NULL : i < n); i++)
    limber_suggest_offer (&s, candidates[i]);
  return limber_suggest_best (&s);
}

const char *
limber_suggest_among_keys (const char *word, GHashTable *keys)
{
  LimberSuggest s;
  limber_suggest_init (&s, word);
  GHashTableIter it;
  gpointer key;
  if (keys != NULL)
    {
      g_hash_table_iter_init (&it, keys);
      while (g_hash_table_iter_next (&it, &key, NULL))
        limber_suggest_offer (&s, key);
    }
  return limber_suggest_best (&s);
}

const char *
limber_suggest_among_ids (const char *word, const GPtrArray *items, gsize offset)
{
  LimberSuggest s;
  limber_suggest_init (&s, word);
  for (guint i = 0; items != NULL && i < items->len; i++)
    limber_suggest_offer (&s, G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), offset));
  return limber_suggest_best (&s);
}

char *
limber_suggest_hint (const char *suggestion)
{
  return suggestion != NULL ? g_strdup_printf (" (did you mean \"%s\"?)", suggestion) : g_strdup ("");
}
