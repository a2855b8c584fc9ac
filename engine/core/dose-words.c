/* Doses and numbers in the words every plan output shares. */
#include "dose-words.h"

#include <math.h>

#include "plan-private.h"

/* Seconds under a minute to one decimal; from a minute on, whole minutes and
 * seconds, because "90 s" is harder to read than "1 min 30 s". */
static void
append_duration (GString *out, double seconds)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  double tenths = limber_number_round (seconds, 1);
  if (tenths < 60.0)
    {
      g_string_append_printf (out, "%s s", limber_number_format (buf, tenths, 1));
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

static void
append_main (GString *out, const LimberDose *dose)
{
  if (dose->duration_s > 0)
    {
      append_sets (out, dose->sets);
      append_duration (out, dose->duration_s);
    }
  else if (dose->hold_s > 0 && dose->reps <= 1)
    {
      /* one held repetition per set reads as holds: "2 × 30 s holds" */
      append_sets (out, dose->sets);
      append_duration (out, dose->hold_s);
      g_string_append (out, dose->sets > 1 ? " holds" : " hold");
    }
  else if (dose->reps > 0)
    {
      append_sets (out, dose->sets);
      g_string_append_printf (out, "%u %s", dose->reps, dose->reps == 1 ? "rep" : "reps");
      if (dose->hold_s > 0)
        {
          g_string_append (out, ", ");
          append_duration (out, dose->hold_s);
          g_string_append (out, " holds");
        }
    }
  else
    g_string_append_printf (out, "%u %s", dose->sets, dose->sets == 1 ? "set" : "sets");
}

char *
limber_dose_words (const LimberDose *dose, gboolean per_side, LimberSide emphasis, unsigned extra_sets)
{
  g_return_val_if_fail (dose != NULL, NULL);

  GString *out = g_string_new (NULL);
  append_main (out, dose);
  if (per_side)
    g_string_append (out, " each side");
  const char *side = limber_side_to_string (emphasis);
  if (side != NULL && extra_sets > 0)
    g_string_append_printf (out, ", +%u %s on the %s", extra_sets, extra_sets == 1 ? "set" : "sets", side);
  return g_string_free (out, FALSE);
}
