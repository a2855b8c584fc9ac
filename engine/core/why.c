/* Recording reasons by reference and formatting them when read (why.h). */
#include "why.h"

#include <string.h>

#include "number-format.h"

gboolean
limber_why_initv (LimberWhy *out, guint exercise, const char *rule, const char *fmt, va_list ap)
{
  /* a plan records about a hundred of these: written in place, the unused
   * arguments left as they are (only n_args of them are read), and the
   * format searched for its '%'s rather than walked a byte at a time */
  out->rule = rule;
  out->fmt = fmt;
  out->exercise = exercise;
  out->phase = 0;
  out->rule_index = out->action_index = 0;
  out->n_args = 0;
  out->text = NULL;
  for (const char *p = strchr (fmt, '%'); p != NULL; p = strchr (p + 1, '%'))
    {
      p++;
      if (*p == '+')
        p++;
      if (*p == '%')
        continue;
      g_return_val_if_fail (out->n_args < LIMBER_WHY_MAX_ARGS, FALSE);
      LimberWhyArg *a = &out->args[out->n_args++];
      switch (*p)
        {
        case 'u': a->u = va_arg (ap, unsigned); break;
        case 'd': a->i = va_arg (ap, int); break;
        case 'g': a->d = va_arg (ap, double); break;
        case 's': a->s = va_arg (ap, const char *); break;
        default: g_return_val_if_reached (FALSE);
        }
    }
  return TRUE;
}

void
limber_why_addv (GArray *out, guint exercise, const char *rule, const char *fmt, va_list ap)
{
  /* initialised where it is kept; taken back if the format is refused */
  guint at = out->len;
  g_array_set_size (out, at + 1);
  if (!limber_why_initv (&g_array_index (out, LimberWhy, at), exercise, rule, fmt, ap))
    g_array_set_size (out, at);
}

void
limber_why_put (GArray *out, guint exercise, const char *rule, const char *fmt, guint8 phase, guint n_args,
                const LimberWhyArg *args)
{
  g_return_if_fail (n_args <= LIMBER_WHY_MAX_ARGS);
  guint at = out->len;
  g_array_set_size (out, at + 1);
  LimberWhy *w = &g_array_index (out, LimberWhy, at);
  w->rule = rule;
  w->fmt = fmt;
  w->exercise = exercise;
  w->phase = phase;
  w->rule_index = w->action_index = 0;
  w->n_args = n_args;
  w->text = NULL;
  for (guint k = 0; k < n_args; k++)
    w->args[k] = args[k];
}

void
limber_why_add (GArray *out, guint exercise, const char *rule, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  limber_why_addv (out, exercise, rule, fmt, ap);
  va_end (ap);
}

void
limber_why_format (const LimberWhy *w, GString *out)
{
  limber_why_format_lang (w, LIMBER_LANG_EN, NULL, out);
}

void
limber_why_format_lang (const LimberWhy *w, LimberLang lang, const LimberTranslation *tr, GString *out)
{
  char number[LIMBER_NUMBER_BUF_SIZE];
  guint n = 0;
  /* the format in the language: the same arguments in the same order
   * (i18n-text.c), its words the table's, its names the rule set's */
  const char *fmt = limber_msg (lang, w->fmt);
  const char *run = fmt;
  for (const char *p = fmt; *p; p++)
    {
      if (*p != '%')
        continue;
      g_string_append_len (out, run, p - run);
      p++;
      gboolean plus = *p == '+';
      if (plus)
        p++;
      run = p + 1;
      if (*p == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }
      const LimberWhyArg *a = &w->args[n++];
      switch (*p)
        {
        case 'u':
          g_string_append_len (out, number, (gssize) limber_number_print_uint (number, a->u));
          break;
        case 'd':
          g_string_append_len (out, number, (gssize) limber_number_print_int (number, a->i));
          break;
        case 'g':
          limber_number_format_g (number, a->d, plus);
          g_string_append (out, limber_lang_decimal (lang, number));
          break;
        case 's':
          g_string_append (out, a->s ? limber_tr (tr, a->s) : "(null)");
          break;
        default:
          break;
        }
    }
  g_string_append (out, run);
}

const char *
limber_why_text (const LimberWhy *w)
{
  LimberWhy *cache = (LimberWhy *) w;
  char *text = g_atomic_pointer_get (&cache->text);
  if (text != NULL)
    return text;
  GString *s = g_string_sized_new (64);
  limber_why_format (w, s);
  text = g_string_free (s, FALSE);
  /* two readers may format it at once: the first to store keeps its copy */
  if (!g_atomic_pointer_compare_and_exchange (&cache->text, NULL, text))
    {
      g_free (text);
      text = g_atomic_pointer_get (&cache->text);
    }
  return text;
}

void
limber_why_clear (LimberWhy *w)
{
  g_clear_pointer (&w->text, g_free);
}
