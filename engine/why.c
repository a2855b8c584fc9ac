/* Recording reasons by reference and formatting them when read (why.h). */
#include "why.h"

#include <math.h>

void
limber_why_addv (GArray *out, guint exercise, const char *rule, const char *fmt, va_list ap)
{
  LimberWhy w = { .rule = rule, .fmt = fmt, .exercise = exercise };
  for (const char *p = fmt; *p; p++)
    {
      if (*p != '%')
        continue;
      p++;
      if (*p == '+')
        p++;
      if (*p == '%')
        continue;
      g_return_if_fail (w.n_args < LIMBER_WHY_MAX_ARGS);
      LimberWhyArg *a = &w.args[w.n_args++];
      switch (*p)
        {
        case 'u': a->u = va_arg (ap, unsigned); break;
        case 'd': a->i = va_arg (ap, int); break;
        case 'g': a->d = va_arg (ap, double); break;
        case 's': a->s = va_arg (ap, const char *); break;
        default: g_return_if_reached ();
        }
    }
  g_array_append_val (out, w);
}

void
limber_why_add (GArray *out, guint exercise, const char *rule, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  limber_why_addv (out, exercise, rule, fmt, ap);
  va_end (ap);
}

static void
append_unsigned (GString *out, guint64 v)
{
  char digits[24];
  int n = 0;
  do
    {
      digits[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* v as printf's %g (or %+g) writes it in the C locale: six significant
 * digits, trailing zeros dropped.  Done by hand for the numbers reasons
 * hold (1e-4 to 1e6), where printf is most of the cost of writing a plan;
 * anything else, or a value at a rounding boundary, goes to
 * g_ascii_formatd(). */
static void
append_g (GString *out, double v, gboolean plus)
{
  double a = fabs (v);
  if (!isfinite (v) || a < 1e-4 || a >= 1e6 || a == 0)
    {
      if (a == 0 && isfinite (v))
        {
          g_string_append (out, signbit (v) ? "-0" : plus ? "+0" : "0");
          return;
        }
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, plus ? "%+g" : "%g", v));
      return;
    }
  int e = (int) floor (log10 (a));          /* the exponent of the first significant digit */
  int decimals = 5 - e;                     /* six significant digits */
  double scaled = a * pow (10, decimals);
  gint64 digits = (gint64) llround (scaled);
  /* a carry into a seventh digit, or a half-way value printf may round
   * the other way: leave it to printf */
  if (digits >= 1000000 || digits < 100000 || fabs (scaled - floor (scaled) - 0.5) < 1e-6)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, plus ? "%+g" : "%g", v));
      return;
    }
  char text[32];
  int n = 0;
  if (v < 0)
    text[n++] = '-';
  else if (plus)
    text[n++] = '+';
  char d[8];
  for (int k = 5; k >= 0; k--, digits /= 10)
    d[k] = (char) ('0' + digits % 10);
  /* the digits with the point after the units (e >= 0), or after "0."
   * and -e-1 zeros (e < 0) */
  int last = 5;
  while (last > 0 && d[last] == '0' && last > e)
    last--;
  if (e >= 0)
    {
      for (int k = 0; k <= MAX (e, last); k++)
        {
          if (k == e + 1)
            text[n++] = '.';
          text[n++] = d[k];
        }
    }
  else
    {
      text[n++] = '0';
      text[n++] = '.';
      for (int k = 0; k < -e - 1; k++)
        text[n++] = '0';
      for (int k = 0; k <= last; k++)
        text[n++] = d[k];
    }
  g_string_append_len (out, text, n);
}

void
limber_why_format (const LimberWhy *w, GString *out)
{
  guint n = 0;
  const char *run = w->fmt;
  for (const char *p = w->fmt; *p; p++)
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
          append_unsigned (out, a->u);
          break;
        case 'd':
          if (a->i < 0)
            g_string_append_c (out, '-');
          append_unsigned (out, a->i < 0 ? (guint64) 0 - (guint64) a->i : (guint64) a->i);
          break;
        case 'g':
          append_g (out, a->d, plus);
          break;
        case 's':
          g_string_append (out, a->s ? a->s : "(null)");
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
