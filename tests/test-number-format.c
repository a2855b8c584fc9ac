/* Specification of how numbers are written (engine/core/number-format.c): the
 * hand-written paths write exactly what the printf format each function
 * names writes in the C locale, over the numbers plans hold (doses, minutes,
 * degrees, reason arguments) and over random values of every magnitude. */
#include <math.h>
#include <string.h>

#include "number-format.h"
#include "support.h"

TestSuite (number_format);

/* What %.15g writes of value rounded as limber_number_format() rounds. */
static void
expect_like_printf (double value, int decimals)
{
  char ours[LIMBER_NUMBER_BUF_SIZE], theirs[LIMBER_NUMBER_BUF_SIZE];
  limber_number_format (ours, value, decimals);
  g_ascii_formatd (theirs, sizeof theirs, "%.15g", limber_number_round (value, decimals));
  cr_assert_str_eq (ours, theirs, "%.17g to %d decimals", value, decimals);
}

static void
expect_g_like_printf (double value, gboolean plus)
{
  char ours[LIMBER_NUMBER_BUF_SIZE], theirs[LIMBER_NUMBER_BUF_SIZE];
  limber_number_format_g (ours, value, plus);
  g_ascii_formatd (theirs, sizeof theirs, plus ? "%+g" : "%g", value);
  cr_assert_str_eq (ours, theirs, "%.17g as %s", value, plus ? "%+g" : "%g");
}

LIMBER_TEST (number_format, everyday_numbers_come_out_as_printf_writes_them)
{
  static const double values[] = {
    0, -0.0, 1, -1, 0.5, 1.5, 2.25, 14.3, 16.2, 15.6, 22.5, 30, 45, 59.95, 60, 99.99, 100, 0.1, 0.2, 0.3,
    0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e-4, 1.5e-4, 9.99e-5, 123456.789, 999999.5, 1e6, 1e9 - 0.5, 1e9, 1e15,
    0.05, 0.15, 0.25, 0.35, 2.675, 1.005, -16.2, -0.04, 7.0000001, 86400.25,
  };
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    for (int decimals = -1; decimals <= 8; decimals++)
      {
        expect_like_printf (values[i], decimals);
        expect_like_printf (-values[i], decimals);
      }
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    for (int plus = 0; plus < 2; plus++)
      {
        expect_g_like_printf (values[i], plus);
        expect_g_like_printf (-values[i], plus);
      }
}

LIMBER_TEST (number_format, numbers_come_out_as_written)
{
  /* the expected texts themselves, not printf's: doses, minutes, degrees */
  char buf[LIMBER_NUMBER_BUF_SIZE];
  cr_assert_str_eq (limber_number_format (buf, 16.2, 1), "16.2");
  cr_assert_str_eq (limber_number_format (buf, 14.333333, 1), "14.3");
  cr_assert_str_eq (limber_number_format (buf, 0.1 + 0.2, -1), "0.3");
  cr_assert_str_eq (limber_number_format (buf, 45, -1), "45");
  cr_assert_str_eq (limber_number_format (buf, 0.00015, -1), "0.00015");
  cr_assert_str_eq (limber_number_format (buf, -123456789.125, -1), "-123456789.125");
  cr_assert_str_eq (limber_number_format_g (buf, 1.5, TRUE), "+1.5");
  cr_assert_str_eq (limber_number_format_g (buf, 0.00123, FALSE), "0.00123");
  cr_assert_str_eq (limber_number_format_g (buf, 123456.7, FALSE), "123457");
  cr_assert_str_eq (limber_number_format_g (buf, -2.0 / 3, FALSE), "-0.666667");
}

LIMBER_TEST (number_format, random_numbers_of_every_magnitude_come_out_as_printf_writes_them)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);
  for (int i = 0; i < 200000; i++)
    {
      /* mantissas in [1, 10) times powers of ten from 1e-7 to 1e16, and
       * short decimals such as doses and degrees */
      double v = g_rand_double_range (rand, 1, 10) * pow (10, g_rand_int_range (rand, -7, 17));
      double short_decimal = g_rand_int_range (rand, -100000, 100000) / pow (10, g_rand_int_range (rand, 0, 5));
      for (int decimals = -1; decimals <= 7; decimals += 2)
        {
          expect_like_printf (v, decimals);
          expect_like_printf (short_decimal, decimals);
        }
      expect_g_like_printf (v, i & 1);
      expect_g_like_printf (short_decimal, !(i & 1));
    }
}

LIMBER_TEST (number_format, numbers_next_to_a_power_of_ten_come_out_as_printf_writes_them)
{
  /* where the first digit's exponent changes: the exponent is found by
   * comparison with powers of ten, some of which (below 1) are not exact */
  for (int k = -5; k <= 16; k++)
    {
      double p = pow (10, k);
      const double near[] = { nextafter (p, 0), p, nextafter (p, INFINITY), p * (1 - 1e-7), p * (1 + 1e-7),
                              p * 0.9999995, p * 9.9999995 };
      for (gsize i = 0; i < G_N_ELEMENTS (near); i++)
        {
          for (int decimals = -1; decimals <= 8; decimals++)
            expect_like_printf (near[i], decimals);
          expect_g_like_printf (near[i], FALSE);
          expect_g_like_printf (-near[i], TRUE);
        }
    }
}

LIMBER_TEST (number_format, special_values_fall_back_to_printf)
{
  expect_like_printf (INFINITY, -1);
  expect_like_printf (-INFINITY, 2);
  expect_g_like_printf (INFINITY, FALSE);
  expect_g_like_printf (-INFINITY, TRUE);
  char buf[LIMBER_NUMBER_BUF_SIZE];
  cr_assert_str_eq (limber_number_format (buf, -0.04, 1), "0", "a rounded -0.04 is a plain 0");
  cr_assert_str_eq (limber_number_format_g (buf, -0.0, FALSE), "-0");
}

LIMBER_TEST (number_format, whole_numbers_are_written_in_full_down_to_the_extremes)
{
  static const gint64 values[] = { 0, 1, -1, 9, 10, -10, 123456789, G_MAXINT64, G_MININT64 };
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char ours[24], theirs[32];
      gsize n = limber_number_print_int (ours, values[i]);
      g_snprintf (theirs, sizeof theirs, "%" G_GINT64_FORMAT, values[i]);
      cr_assert_str_eq (ours, theirs);
      cr_assert_eq (n, strlen (theirs));
    }
  char ours[24];
  cr_assert_eq (limber_number_print_uint (ours, G_MAXUINT64), 20);
  cr_assert_str_eq (ours, "18446744073709551615");
}

LIMBER_TEST (number_format, a_days_time_is_said_in_whole_minutes_and_never_none)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  cr_assert_str_eq (limber_number_format_minutes (buf, 16.2), "16");
  cr_assert_str_eq (limber_number_format_minutes (buf, 14.5), "15");
  cr_assert_str_eq (limber_number_format_minutes (buf, 15.0), "15");
  cr_assert_str_eq (limber_number_format_minutes (buf, 0.3), "1");
}
