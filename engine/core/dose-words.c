/* Doses and numbers in the words every plan output shares. */
#include "dose-words.h"

#include <math.h>

#include "plan-private.h"

/* Seconds under a minute to one decimal; from a minute on, whole minutes and
 * seconds, because "90 s" is harder to read than "1 min 30 s". */
static void
append_duration (GString *out, double seconds, LimberLang lang)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  double tenths = limber_number_round (seconds, 1);
  if (tenths < 60.0)
    {
      limber_number_format (buf, tenths, 1);
      g_string_append_printf (out, "%s s", limber_lang_decimal (lang, buf));
      return;
    }
  unsigned long total = (unsigned long) lround (seconds);
  g_string_append_printf (out, "%lu min", total / 60);
  if (total % 60 != 0)
    g_string_append_printf (out, " %lu s", total % 60);
}

static void
append_sets (GString *out, unsigned sets)
{
  if (sets > 1)
    g_string_append_printf (out, "%u × ", sets);
}

/* Each phrase is one message, its number or duration an argument, so a
 * language can put the verb before it ("mantener 30 s") or after it
 * ("30 s halten"). */
static void
append_main (GString *out, const LimberDose *dose, LimberLang lang)
{
  g_autoptr (GString) part = g_string_new (NULL);
  if (dose->duration_s > 0)
    {
      append_sets (out, dose->sets);
      append_duration (out, dose->duration_s, lang);
    }
  else if (dose->hold_s > 0 && dose->reps <= 1)
    {
      /* one held repetition per set reads as holds: "2 × 30 s holds" */
      append_sets (part, dose->sets);
      append_duration (part, dose->hold_s, lang);
      g_string_append_printf (out, dose->sets > 1 ? limber_msg (lang, "%s holds") : limber_msg (lang, "%s hold"),
                              part->str);
    }
  else if (dose->reps > 0)
    {
      append_sets (out, dose->sets);
      g_string_append_printf (out, dose->reps == 1 ? limber_msg (lang, "%u rep") : limber_msg (lang, "%u reps"),
                              dose->reps);
      if (dose->hold_s > 0)
        {
          append_duration (part, dose->hold_s, lang);
          g_string_append_printf (out, limber_msg (lang, ", %s holds"), part->str);
        }
    }
  else
    g_string_append_printf (out, dose->sets == 1 ? limber_msg (lang, "%u set") : limber_msg (lang, "%u sets"),
                            dose->sets);
}

char *
limber_dose_words_lang (const LimberDose *dose, gboolean per_side, LimberSide emphasis, unsigned extra_sets,
                        LimberLang lang)
{
  g_return_val_if_fail (dose != NULL, NULL);

  GString *out = g_string_new (NULL);
  append_main (out, dose, lang);
  if (per_side)
    g_string_append (out, limber_msg (lang, " each side"));
  if (extra_sets > 0 && (emphasis == LIMBER_SIDE_LEFT || emphasis == LIMBER_SIDE_RIGHT))
    {
      /* i18n */
      const char *fmt = emphasis == LIMBER_SIDE_LEFT
                          ? (extra_sets == 1 ? ", +%u set on the left" : ", +%u sets on the left")
                          : (extra_sets == 1 ? ", +%u set on the right" : ", +%u sets on the right");
      g_string_append_printf (out, limber_msg (lang, fmt), extra_sets);
    }
  return g_string_free (out, FALSE);
}

char *
limber_dose_words (const LimberDose *dose, gboolean per_side, LimberSide emphasis, unsigned extra_sets)
{
  return limber_dose_words_lang (dose, per_side, emphasis, extra_sets, LIMBER_LANG_EN);
}
