/*
 * Bounded reads and line-ending unification (see read-limit.h).
 */
#define _XOPEN_SOURCE 700 /* open(), O_CLOEXEC, fstat(), realpath() */

#include "read-limit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber/error.h"
#include "error-private.h"

/* "1 MiB", "16 MiB", "64 KiB", "300 bytes": a size as people read it. */
static char *
size_words (gsize bytes)
{
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", bytes / (1024 * 1024));
  if (bytes >= 1024 && bytes % 1024 == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " KiB", bytes / 1024);
  return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes", bytes);
}

static void
too_large (int code, const char *name, const char *size, const char *how, gsize max_bytes, const char *expected,
           const char *hint, GError **error)
{
  g_autofree char *words = size_words (max_bytes);
  g_autofree char *in_words = g_str_has_suffix (words, " bytes") ? g_strdup ("") : g_strdup_printf (" (%s)", words);
  g_set_error (error, LIMBER_ERROR, code,
               "%s: %s: too large%s; expected %s of at most %" G_GSIZE_FORMAT " bytes%s%s%s", name, size, how,
               expected, max_bytes, in_words, hint ? "; " : "", hint ? hint : "");
  /* and as a record (limber/error.h): the message after "NAME: " */
  if (error != NULL)
    limber_error_add_problem (*error, LIMBER_PROBLEM_TOO_LARGE, name, 0, 0, NULL,
                              (*error)->message + strlen (name) + strlen (": "), (*error)->message);
}

void
limber_size_error (const char *name, gsize length, gsize max_bytes, const char *expected, const char *hint,
                   GError **error)
{
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT " bytes", length);
  too_large (LIMBER_ERROR_PARSE, name, size, "", max_bytes, expected, hint, error);
}

gboolean
limber_read_bounded (const char *path, gsize max_bytes, const char *expected, const char *hint, char **data,
                     gsize *length, GError **error)
{
  gboolean is_stdin = g_str_equal (path, "-");
  const char *name = is_stdin ? "<stdin>" : path;
  int fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_IO, "%s: cannot open: %s; expected %s", name,
                   g_strerror (saved), expected);
      return FALSE;
    }

  gboolean ok = FALSE;
  GString *buffer = NULL;
  struct stat st;
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_IO, "%s: cannot read: it is a directory; expected %s", name,
                   expected);
      goto out;
    }
  /* a regular file says its size: refuse it before reading a byte */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > (guint64) max_bytes)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", (guint64) st.st_size);
      too_large (LIMBER_ERROR_IO, name, size, ", refused before reading further", max_bytes, expected, hint, error);
      goto out;
    }

  /* anything else (a pipe, a device, a file that grows) is read in chunks
   * and refused at the first byte past the limit */
  buffer = g_string_sized_new (MIN (max_bytes + 1, (gsize) 65536));
  char chunk[65536];
  for (;;)
    {
      gsize want = MIN (sizeof chunk, max_bytes + 1 - buffer->len);
      ssize_t n = read (fd, chunk, want);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_IO, "%s: cannot read: %s; expected %s", name,
                       g_strerror (saved), expected);
          goto out;
        }
      if (n == 0)
        break;
      g_string_append_len (buffer, chunk, n);
      if (buffer->len > max_bytes)
        {
          g_autofree char *size = g_strdup_printf ("more than %" G_GSIZE_FORMAT " bytes", max_bytes);
          too_large (LIMBER_ERROR_IO, name, size, ", refused before reading further", max_bytes, expected, hint, error);
          goto out;
        }
    }
  *length = buffer->len;
  *data = g_string_free (g_steal_pointer (&buffer), FALSE);
  ok = TRUE;

out:
  if (buffer != NULL)
    g_string_free (buffer, TRUE);
  if (!is_stdin)
    close (fd);
  return ok;
}

char *
limber_unify_newlines (const char *data, gsize *length)
{
  if (memchr (data, '\r', *length) == NULL)
    return NULL;
  char *out = g_malloc (*length + 1);
  gsize n = 0;
  for (gsize i = 0; i < *length; i++)
    {
      if (data[i] != '\r')
        out[n++] = data[i];
      else
        {
          out[n++] = '\n';
          if (i + 1 < *length && data[i + 1] == '\n')
            i++;
        }
    }
  out[n] = '\0';
  *length = n;
  return out;
}

gboolean
limber_path_is_inside (const char *dir, const char *path)
{
  char *real_dir = realpath (dir, NULL);
  char *real_path = realpath (path, NULL);
  gboolean inside = FALSE;
  if (real_dir != NULL && real_path != NULL)
    {
      gsize n = strlen (real_dir);
      /* "/" is every path's folder; otherwise the folder and a separator */
      inside = g_str_equal (real_dir, "/")
               || (strncmp (real_path, real_dir, n) == 0 && (real_path[n] == '/' || real_path[n] == '\0'));
    }
  free (real_dir);
  free (real_path);
  return inside;
}

gboolean
limber_dates_fit (const GDate *start, unsigned days, const char *what, GError **error)
{
  GDate last;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
  guint32 from = g_date_get_julian (start);
  if (days == 0 || (guint64) from + days - 1 <= g_date_get_julian (&last))
    return TRUE;
  char text[16];
  g_date_strftime (text, sizeof text, "%Y-%m-%d", start);
  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
               "start: %s: %s from it would run past 9999-12-31; expected a start at most %u days before "
               "10000-01-01 (dates are written YYYY-MM-DD)",
               text, what, days);
  return FALSE;
}
