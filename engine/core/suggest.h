/* "Did you mean": the known id closest to a mistyped one (suggest.c).
 *
 * An unknown id is nearly always a typo of a known one ("hip.flx" for
 * "hip.flex", "Hip.Flex" for "hip.flex"); naming the intended id saves the
 * author a trip to the list.  A suggestion is made only when it is close
 * enough to be a likely typo, so a wrong word never draws a far-fetched
 * guess. */
#pragma once

#include <glib.h>

/* A search for the candidate closest to one word: start it, offer every
 * known id, then read the best.  Offering order does not matter: ties go to
 * the candidate first in byte order, so the answer is deterministic. */
typedef struct {
  const char *word;
  const char *best;     /* borrowed from the caller's candidates; NULL: none close enough */
  guint best_distance;
  guint max_distance;
  const char *prefixed; /* the one candidate the word begins, if only one does */
  guint n_prefixed;
} LimberSuggest;

/* limber_suggest_offer() keeps the closest candidate within the distance;
 * limber_suggest_best() reads the answer: that candidate, or else the only
 * candidate the word is the beginning of ("hip.flex" for "hip.flexion"). */

void limber_suggest_init (LimberSuggest *s, const char *word);
void limber_suggest_offer (LimberSuggest *s, const char *candidate);
const char *limber_suggest_best (const LimberSuggest *s);

/* The edit distance between a and b, ASCII case folded: insertions,
 * deletions, substitutions and swaps of two neighbouring characters count
 * one each (optimal string alignment).  Exposed for the tests. */
guint limber_suggest_distance (const char *a, const char *b);

/* The closest of candidates (n of them, or NULL-terminated when n < 0), or
 * NULL when none is close enough. */
const char *limber_suggest_among (const char *word, const char *const *candidates, gssize n);

/* The same over the keys of a hash table whose keys are strings. */
const char *limber_suggest_among_keys (const char *word, GHashTable *keys);

/* The same over a GPtrArray of structs whose id, a char *, is at offset. */
const char *limber_suggest_among_ids (const char *word, const GPtrArray *items, gsize offset);

/* What a message appends for a suggestion: " (did you mean \"x\"?)", or ""
 * for NULL.  Always free the result.  error.c reads this shape back into
 * the problem's record (limber_problem_get_suggestion()). */
char *limber_suggest_hint (const char *suggestion);
