/* A red flag's warning sign in words, for the text plan (core) and the
 * printed one (print library): both name the signs a referral is for and
 * the signs that need urgent help, and must name them the same way. */
#include "ruleset-private.h"

const LimberRedFlag *
limber_ruleset_find_red_flag (const LimberRuleset *rs, const char *id)
{
  for (guint i = 0; id != NULL && i < rs->red_flags->len; i++)
    {
      const LimberRedFlag *f = g_ptr_array_index (rs->red_flags, i);
      if (g_str_equal (f->id, id))
        return f;
    }
  return NULL;
}

/* A sign says what happened ("New loss of bladder or bowel control"); a
 * rule set written before signs existed still names the sign by the
 * question that asks about it, which is plain words too, only longer. */
const char *
limber_red_flag_sign (const LimberRuleset *rs, const LimberRedFlag *f)
{
  if (f->sign != NULL)
    return f->sign;
  if (f->question_index >= 0 && (guint) f->question_index < rs->questions->len)
    return ((const LimberQuestion *) g_ptr_array_index (rs->questions, f->question_index))->text;
  return NULL;
}
