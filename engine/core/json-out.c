#include "json-out.h"

#include <math.h>
#include <string.h>

#include "number-format.h"

/* Appending goes through here rather than g_string_append*(): a plan is
 * thousands of small pieces, and GString's general insertion costs more
 * than the copy.  GString's fields are public; the buffer grows as
 * GString would grow it. */
static inline char *reserve (GString *out, gsize n);

static inline void
put (GString *out, const char *s, gsize n)
{
  reserve (out, n);
  memcpy (out->str + out->len, s, n);
  out->len += n;
  out->str[out->len] = '\0';
}

static inline void
put_c (GString *out, char c)
{
  put (out, &c, 1);
}

void
limber_json_out_init (LimberJsonOut *j, GString *out, gboolean pretty)
{
  j->out = out;
  j->pretty = pretty;
  j->depth = 0;
  j->empty = 0;
}

/* Room for n more bytes and the NUL at the end of out, where the caller
 * writes them itself (then adds them to out->len). */
static inline char *
reserve (GString *out, gsize n)
{
  if (out->len + n + 1 > out->allocated_len)
    {
      gsize len = out->len;
      g_string_set_size (out, MAX (2 * out->allocated_len, len + n + 1));
      g_string_truncate (out, len);
    }
  return out->str + out->len;
}

/* The separator, line break and key before a value: one reservation and
 * direct stores, as every value of a plan starts here. */
static void
prefix (LimberJsonOut *j, const char *member)
{
  gsize name = member != NULL ? strlen (member) : 0;
  char *start = reserve (j->out, 2 + 2 * (gsize) j->depth + name + 4), *p = start;
  if (j->depth > 0)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << (j->depth - 1);
      if (!(j->empty & bit))
        *p++ = ',';
      j->empty &= ~bit;
      if (j->pretty)
        {
          *p++ = '\n';
          memset (p, ' ', 2 * (gsize) j->depth);
          p += 2 * j->depth;
        }
    }
  if (member != NULL)
    {
      /* member names are ids and literals: nothing in them to escape */
      *p++ = '"';
      memcpy (p, member, name);
      p += name;
      *p++ = '"';
      *p++ = ':';
      if (j->pretty)
        *p++ = ' ';
    }
  *p = '\0';
  j->out->len += (gsize) (p - start);
}

static void
open_container (LimberJsonOut *j, const char *member, char c)
{
  prefix (j, member);
  put_c (j->out, c);
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
      put_c (j->out, '\n');
      for (int i = 0; i < j->depth; i++)
        put (j->out, "  ", 2);
    }
  put_c (j->out, c);
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
  put (j->out, text, length);
  if (j->depth > 0)
    j->empty &= ~(G_GUINT64_CONSTANT (1) << (j->depth - 1));
}

void
limber_json_out_quote (GString *out, const char *s)
{
  put_c (out, '"');
  const char *run = s;
  const unsigned char *p = (const unsigned char *) s;
  const unsigned char *end = p + strlen (s);
  for (; p < end; p++)
    {
      /* most text needs no escape: skipped eight bytes at a time while no
       * byte of them is a control character, a quote or a backslash (the
       * word tests "some byte is below n" and "some byte is zero", exact
       * about whether there is one; the one found is escaped below) */
      while (end - p >= 8)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 highs = ones * 0x80;
          guint64 v;
          memcpy (&v, p, 8);
          guint64 quote = v ^ (ones * '"'), backslash = v ^ (ones * '\\');
          guint64 special = ((v - ones * 0x20) & ~v) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
          if ((special & highs) != 0)
            break;
          p += 8;
        }
      if (p == end)
        break;
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;
      put (out, run, (gsize) ((const char *) p - run));
      switch (*p)
        {
        case '"': put (out, "\\\"", 2); break;
        case '\\': put (out, "\\\\", 2); break;
        case '\n': put (out, "\\n", 2); break;
        case '\r': put (out, "\\r", 2); break;
        case '\t': put (out, "\\t", 2); break;
        default:
          {
            char u[8];
            g_snprintf (u, sizeof u, "\\u%04x", *p);
            put (out, u, 6);
          }
        }
      run = (const char *) p + 1;
    }
  put (out, run, (gsize) ((const char *) p - run));
  put_c (out, '"');
}

void
limber_json_out_string (LimberJsonOut *j, const char *member, const char *value)
{
  prefix (j, member);
  if (value == NULL)
    put (j->out, "null", 4);
  else
    limber_json_out_quote (j->out, value);
}

void
limber_json_out_null (LimberJsonOut *j, const char *member)
{
  prefix (j, member);
  put (j->out, "null", 4);
}

void
limber_json_out_bool (LimberJsonOut *j, const char *member, gboolean value)
{
  prefix (j, member);
  if (value)
    put (j->out, "true", 4);
  else
    put (j->out, "false", 5);
}

static void
append_signed (GString *out, gint64 v)
{
  char digits[24];
  put (out, digits, limber_number_print_int (digits, v));
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
  char digits[24];
  put (j->out, digits, limber_number_print_uint (digits, value));
}

void
limber_json_out_number (LimberJsonOut *j, const char *member, double value, int decimals)
{
  prefix (j, member);
  double v = limber_number_round (value, decimals);
  if (!isfinite (v))
    put (j->out, "null", 4);
  else if (v == nearbyint (v) && fabs (v) < 9007199254740992.0)
    append_signed (j->out, (gint64) v);
  else
    {
      char buf[LIMBER_NUMBER_BUF_SIZE];
      const char *text = limber_number_format (buf, v, -1);  /* v is rounded already */
      put (j->out, text, strlen (text));
    }
}

void
limber_json_out_strings (LimberJsonOut *j, const char *member, gpointer const *strings, guint n)
{
  limber_json_out_begin_array (j, member);
  for (guint i = 0; i < n; i++)
    limber_json_out_string (j, NULL, strings[i]);
  limber_json_out_end_array (j);
}
