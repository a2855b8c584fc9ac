/* Numbers as limber writes them (number-format.h). */
#include "number-format.h"

#include <math.h>
#include <string.h>

/* Powers of ten that are exact doubles (5^22 < 2^53). */
static const double exact_power_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

double
limber_number_round (double value, int decimals)
{
  if (decimals >= 0)
    {
      /* pow() gives these exactly too, at a call's cost */
      double scale = decimals < (int) G_N_ELEMENTS (exact_power_of_ten) ? exact_power_of_ten[decimals]
                                                                        : pow (10.0, decimals);
      value = round (value * scale) / scale;
    }
  /* -0 compares equal to 0, and this turns a rounded -0.04 into a plain 0 */
  return value == 0.0 ? 0.0 : value;
}

gsize
limber_number_print_uint (char *buf, guint64 value)
{
  char digits[24];
  int n = (int) sizeof digits;
  do
    {
      digits[--n] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  gsize length = sizeof digits - (gsize) n;
  memcpy (buf, digits + n, length);
  buf[length] = '\0';
  return length;
}

gsize
limber_number_print_int (char *buf, gint64 value)
{
  if (value >= 0)
    return limber_number_print_uint (buf, (guint64) value);
  buf[0] = '-';
  return 1 + limber_number_print_uint (buf + 1, (guint64) 0 - (guint64) value);
}

/* The decimal `digits` / 10^decimals, trailing zeros of the fraction
 * dropped, after `sign` (0 for none).  digits > 0, decimals <= 20. */
static const char *
write_fixed (char *buf, char sign, guint64 digits, int decimals)
{
  while (decimals > 0 && digits % 10 == 0)
    {
      digits /= 10;
      decimals--;
    }
  char text[24];
  gsize n = limber_number_print_uint (text, digits);
  gsize at = 0;
  if (sign)
    buf[at++] = sign;
  if ((gsize) decimals >= n)
    {
      /* 0.0ddd */
      buf[at++] = '0';
      buf[at++] = '.';
      for (gsize k = n; k < (gsize) decimals; k++)
        buf[at++] = '0';
      memcpy (buf + at, text, n);
      at += n;
    }
  else
    {
      gsize whole = n - (gsize) decimals;
      memcpy (buf + at, text, whole);
      at += whole;
      if (decimals > 0)
        {
          buf[at++] = '.';
          memcpy (buf + at, text + whole, (gsize) decimals);
          at += (gsize) decimals;
        }
    }
  buf[at] = '\0';
  return buf;
}

/* `value` as "%.<precision>g" writes it, by hand when that is certain to
 * be right: a finite value from 1e-4 up to (not including) 10^precision,
 * precision <= 15, not exactly half-way between two roundings.  Returns
 * FALSE otherwise (the caller asks printf).
 *
 * The first `precision` significant digits are value x 10^k rounded to a
 * whole number, k = precision - 1 - (the exponent of value's first
 * digit).  10^k is exact (k <= 18), and fma() gives the product's rounding
 * error exactly, so the rounding below sees the exact product: it agrees
 * with glibc's printf, which also rounds the exact binary value. */
static gboolean
format_g (char *buf, double value, int precision, gboolean plus)
{
  double a = fabs (value);
  if (!(a >= 1e-4 && a < exact_power_of_ten[precision]))
    return FALSE;
  /* whole numbers (sets, seconds, steps, most weights) are their digits */
  if (a == (double) (guint64) a)
    return write_fixed (buf, value < 0 ? '-' : plus ? '+' : 0, (guint64) a, 0) != NULL;
  /* the exponent of the first digit, by comparison (exact from 1 up; one
   * off below 1 at worst, which the loop below corrects as for log10) */
  int e;
  if (a >= 1)
    for (e = 0; e + 1 < precision && a >= exact_power_of_ten[e + 1]; e++)
      ;
  else
    {
      static const double below_one[] = { 1e-1, 1e-2, 1e-3 };
      for (e = -1; e > -4 && a < below_one[-e - 1]; e--)
        ;
    }
  guint64 low = (guint64) exact_power_of_ten[precision - 1], high = (guint64) exact_power_of_ten[precision];
  for (int attempt = 0; attempt < 2; attempt++)
    {
      int k = precision - 1 - e;
      if (k < 0 || k >= (int) G_N_ELEMENTS (exact_power_of_ten))
        return FALSE;
      double p = exact_power_of_ten[k];
      double product = a * p;
      double error = fma (a, p, -product);  /* a x p = product + error, exactly */
      double whole = nearbyint (product);
      double fraction = (product - whole) + error;
      if (fabs (fabs (fraction) - 0.5) < 1e-6)
        return FALSE;                        /* (nearly) half-way: printf decides */
      if (fraction > 0.5)
        whole += 1;
      else if (fraction < -0.5)
        whole -= 1;
      guint64 digits = (guint64) whole;
      /* log10() may be one off near a power of ten: then the digits are
       * one too many or too few, and the exponent moves */
      if (digits >= high)
        e++;
      else if (digits < low)
        e--;
      else
        return write_fixed (buf, value < 0 ? '-' : plus ? '+' : 0, digits, k) != NULL;
    }
  return FALSE;
}

const char *
limber_number_format (char *buf, double value, int decimals)
{
  /* %.15g keeps binary noise out (14.3, not 14.300000000000001) and prints
   * whole numbers without a fraction */
  double v = limber_number_round (value, decimals);
  if (v == 0.0)
    return strcpy (buf, "0");
  if (format_g (buf, v, 15, FALSE))
    return buf;
  return g_ascii_formatd (buf, LIMBER_NUMBER_BUF_SIZE, "%.15g", v);
}

const char *
limber_number_format_g (char *buf, double value, gboolean plus)
{
  if (value == 0.0)
    return strcpy (buf, signbit (value) ? "-0" : plus ? "+0" : "0");
  if (format_g (buf, value, 6, plus))
    return buf;
  return g_ascii_formatd (buf, LIMBER_NUMBER_BUF_SIZE, plus ? "%+g" : "%g", value);
}

const char *
limber_number_format_minutes (char *buf, double minutes)
{
  return limber_number_format (buf, MAX (1.0, round (minutes)), 0);
}
