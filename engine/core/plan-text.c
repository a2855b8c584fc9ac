/* The plan as a week a person reads in a terminal or an email. */
#include "plan-private.h"

#include <stdio.h>

#include "dose-words.h"
#include "i18n.h"

/* Every text in the plan's language (i18n.h): the engine's words through
 * M(), the rule set's through T(). */
#define M(english) limber_msg (plan->lang, english)
#define T(text) limber_tr (plan->tr, text)

/* "2026-11-24" as "Tue 24 Nov 2026" (in the plan's language: the names are
 * by hand, since the C library's follow the process's locale, not the
 * plan's); anything else as it is. */
static void
append_date (GString *out, const LimberPlan *plan, const char *iso)
{
  unsigned y, m, d;
  char rest;
  if (sscanf (iso, "%4u-%2u-%2u%c", &y, &m, &d, &rest) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_string_append (out, iso);
      return;
    }
  g_autoptr (GDate) date = g_date_new_dmy (d, m, y);
  limber_lang_append_date (out, plan->lang, date);
}

static void
append_header (GString *out, const LimberPlan *plan)
{
  char minutes[LIMBER_NUMBER_BUF_SIZE];
  g_string_append_printf (out, M ("Stretching plan — rule set %s %s\n"), plan->rs->id, plan->rs->version);
  g_string_append (out, M ("Starts "));
  append_date (out, plan, plan->start);
  limber_number_format (minutes, plan->minutes_per_day, 1);
  g_string_append_printf (out, M (" · goal: %s · %s min a day, %u days a week · seed %" G_GUINT64_FORMAT "\n"),
                          M (limber_goal_to_string (plan->goal)), limber_lang_decimal (plan->lang, minutes),
                          plan->days_per_week, plan->seed);
}

static void
append_advisories (GString *out, const LimberPlan *plan)
{
  if (plan->advisories->len == 0)
    return;
  g_string_append (out, M ("\nPlease note:\n"));
  for (guint i = 0; i < plan->advisories->len; i++)
    g_string_append_printf (out, "  • %s\n", (const char *) g_ptr_array_index (plan->advisories, i));
}

static void
append_referral (GString *out, const LimberPlan *plan)
{
  g_autofree char *outcome = g_ascii_strup (limber_outcome_to_string (plan->outcome), -1);
  g_strdelimit (outcome, "-", ' ');
  g_string_append_printf (out, "\n%s\n", M (outcome));
  if (plan->referral_message)
    g_string_append_printf (out, "%s\n", plan->referral_message);
  if (plan->referral_flags->len > 0)
    {
      /* the warning signs in words, a line each; the flags' ids are in the
       * JSON and XML for the app */
      g_string_append (out, M ("Because of:"));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < plan->referral_flags->len; i++)
        {
          const LimberRedFlag *f = limber_ruleset_find_red_flag (plan->rs, g_ptr_array_index (plan->referral_flags, i));
          const char *sign = f ? limber_red_flag_sign (plan->rs, f) : NULL;
          /* as the printed referral words a flag without a sign: by where
           * it came from, answers or log */
          g_string_append_printf (out, "  • %s\n", sign ? T (sign)
                                                   : f != NULL && f->on_history ? M ("A warning sign in your exercise log")
                                                                                : M ("Your answers show a warning sign."));
        }
    }
  g_string_append (out, M ("No exercises are planned.\n"));
}

/* Why the item is there, in the person's words, and any change of dose
 * since the log; rule ids stay in the JSON trace. */
static void
append_why (GString *out, const LimberPlan *plan, const LimberItem *item)
{
  if (item->explanation != NULL && item->explanation[0] != '\0')
    g_string_append_printf (out, M ("     why: %s\n"), item->explanation);
  for (guint i = 0; i < limber_item_n_why (item); i++)
    {
      const LimberWhy *w = limber_item_why (item, i);
      if (g_str_equal (w->rule, "progression"))
        {
          g_string_append (out, M ("     dose: "));
          limber_why_format_lang (w, plan->lang, plan->tr, out);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_item (GString *out, const LimberPlan *plan, guint number, const LimberItem *item)
{
  g_autofree char *dose = limber_dose_words_lang (&item->dose, item->exercise->per_side, item->emphasis_side,
                                                  limber_item_get_emphasis_extra_sets (item), plan->lang);
  g_string_append_printf (out, "  %u. %s — %s [%s]\n", number, T (item->exercise->name), dose, M (item->slot));
  append_why (out, plan, item);
}

static void
append_day (GString *out, const LimberPlan *plan, const LimberDay *day)
{
  char minutes[LIMBER_NUMBER_BUF_SIZE];
  g_string_append_c (out, '\n');
  append_date (out, plan, day->date);
  if (day->rest)
    g_string_append (out, M (" — rest day\n"));
  else
    {
      limber_number_format_minutes (minutes, day->minutes);
      g_string_append_printf (out, " — %s min\n", limber_lang_decimal (plan->lang, minutes));
    }
  for (guint i = 0; i < day->items->len; i++)
    append_item (out, plan, i + 1, g_ptr_array_index (day->items, i));
}

char *
limber_plan_to_text (const LimberPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  GString *out = g_string_new (NULL);
  append_header (out, plan);
  /* the banner; the question ids are in the JSON, for the app to ask */
  if (plan->unanswered->len > 0 && plan->status != LIMBER_PLAN_REFERRAL)
    g_string_append (out, M ("\n!! SAFETY SCREENING INCOMPLETE: see the first note below.\n"));
  if (plan->status == LIMBER_PLAN_REFERRAL)
    append_referral (out, plan);
  if (plan->status == LIMBER_PLAN_NO_EXERCISES)
    g_string_append_printf (out, M ("\nNO EXERCISES\n%s\nNo exercises are planned.\n"), plan->no_exercises_message);
  append_advisories (out, plan);
  /* a referral is not a week of exercises: it lists no days at all */
  for (guint i = 0; plan->status == LIMBER_PLAN_OK && i < plan->days->len; i++)
    append_day (out, plan, g_ptr_array_index (plan->days, i));
  return g_string_free (out, FALSE);
}
