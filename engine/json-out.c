#include "json-out.h"

#include <math.h>

#include "dose-words.h"

void
limber_json_out_init (LimberJsonOut *j, GString *out, gboolean pretty)
{
  j->out = out;
  j->pretty = pretty;
  j->depth = 0;
  j->empty = 0;
}

/* The separator, line break and key before a value. */
static void
prefix (LimberJsonOut *j, const char *member)
{
  if (j->depth > 0)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << (j->depth - 1);
      if (!(j->empty & bit))
        g_string_append_c (j->out, ',');
      j->empty &= ~bit;
      if (j->pretty)
        {
          g_string_append_c (j->out, '\n');
          for (int i = 0; i < j->depth; i++)
            g_string_append (j->out, "  ");
        }
    }
  if (member != NULL)
    {
      limber_json_out_quote (j->out, member);
      g_string_append (j->out, j->pretty ? ": " : ":");
    }
}

static void
open_container (LimberJsonOut *j, const char *member, char c)
{
  prefix (j, member);
  g_string_append_c (j->out, c);
  g_return_if_fail (j->depth < 64);
  j->depth++;
  j->empty |= G_GUINT64_CONSTANT (1) << (j->depth - 1);
}

static void
close_container (LimberJsonOut *j, char c)
{
  g_return_if_fail (j->depth > 0);
  guint64 bit = G_GUINT64_CONSTANT (1) << (j->depth - 1);
  gboolean was_empty = (j->empty & bit) != 0;
  j->empty &= ~bit;
  j->depth--;
  if (!was_empty && j->pretty)
    {
      g_string_append_c (j->out, '\n');
      for (int i = 0; i < j->depth; i++)
        g_string_append (j->out, "  ");
    }
  g_string_append_c (j->out, c);
}

void
limber_json_out_begin_object (LimberJsonOut *j, const char *member)
{
  open_container (j, member, '{');
}

void
limber_json_out_end_object (LimberJsonOut *j)
{
  close_container (j, '}');
}

void
limber_json_out_begin_array (LimberJsonOut *j, const char *member)
{
  open_container (j, member, '[');
}

void
limber_json_out_end_array (LimberJsonOut *j)
{
  close_container (j, ']');
}

void
limber_json_out_raw (LimberJsonOut *j, const char *text, gsize length)
{
  if (length == 0)
    return;
  g_string_append_len (j->out, text, (gssize) length);
  if (j->depth > 0)
    j->empty &= ~(G_GUINT64_CONSTANT (1) << (j->depth - 1));
}

void
limber_json_out_quote (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  const char *run = s;
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      const char *escape = NULL;
      switch (*p)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          if (*p >= 0x20)
            continue;
        }
      /* what came before goes in one piece */
      g_string_append_len (out, run, (const char *) p - run);
      if (escape)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", *p);
      run = (const char *) p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

void
limber_json_out_string (LimberJsonOut *j, const char *member, const char *value)
{
  prefix (j, member);
  if (value == NULL)
    g_string_append (j->out, "null");
  else
    limber_json_out_quote (j->out, value);
}

void
limber_json_out_null (LimberJsonOut *j, const char *member)
{
  prefix (j, member);
  g_string_append (j->out, "null");
}

void
limber_json_out_bool (LimberJsonOut *j, const char *member, gboolean value)
{
  prefix (j, member);
  g_string_append (j->out, value ? "true" : "false");
}

/* Digits by hand: printf is the slowest part of writing a plan otherwise. */
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

static void
append_signed (GString *out, gint64 v)
{
  if (v < 0)
    {
      g_string_append_c (out, '-');
      append_unsigned (out, (guint64) 0 - (guint64) v);
    }
  else
    append_unsigned (out, (guint64) v);
}

void
limber_json_out_int (LimberJsonOut *j, const char *member, gint64 value)
{
  prefix (j, member);
  append_signed (j->out, value);
}

void
limber_json_out_uint (LimberJsonOut *j, const char *member, guint64 value)
{
  prefix (j, member);
  append_unsigned (j->out, value);
}

void
limber_json_out_number (LimberJsonOut *j, const char *member, double value, int decimals)
{
  prefix (j, member);
  double v = limber_number_round (value, decimals);
  if (!isfinite (v))
    g_string_append (j->out, "null");
  else if (v == nearbyint (v) && fabs (v) < 9007199254740992.0)
    append_signed (j->out, (gint64) v);
  else
    {
      char buf[LIMBER_NUMBER_BUF_SIZE];
      g_string_append (j->out, limber_number_format (buf, v, -1));
    }
}

void
limber_json_out_strings (LimberJsonOut *j, const char *member, const GPtrArray *strings)
{
  if (strings == NULL)
    {
      limber_json_out_null (j, member);
      return;
    }
  limber_json_out_begin_array (j, member);
  for (guint i = 0; i < strings->len; i++)
    limber_json_out_string (j, NULL, g_ptr_array_index (strings, i));
  limber_json_out_end_array (j);
}
