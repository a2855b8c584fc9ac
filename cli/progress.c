/* Progress of long population runs on a terminal: "limber audit: 120,000 of
 * 1,000,000 plans (12%), 9 s, about 66 s left", redrawn in place on
 * standard error and erased when the run ends.
 *
 * Shown only when standard error is a terminal (a pipe, a file or CI gets
 * nothing, so scripts and logs stay clean) and only once a run has lasted
 * a second: short runs, most of them, never flash a line.  Redrawn at most
 * ten times a second.  LIMBER_PROGRESS_DELAY_MS sets that first delay
 * (tests use 0 to see the line on a pseudo-terminal). */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define DELAY_US (1000 * 1000)
#define REDRAW_US (100 * 1000)

void
limber_cli_progress_begin (LimberCliProgress *p, const char *command)
{
  *p = (LimberCliProgress) { command, g_get_monotonic_time (), 0, DELAY_US, FALSE, FALSE };
  const char *term = g_getenv ("TERM");
  p->enabled = isatty (STDERR_FILENO) && !(term && g_str_equal (term, "dumb"));
  const char *delay = g_getenv ("LIMBER_PROGRESS_DELAY_MS");
  if (delay != NULL && *delay)
    p->delay_us = (gint64) g_ascii_strtoull (delay, NULL, 10) * 1000;
}

/* 1234567 -> "1,234,567": counts of plans are read at a glance. */
static void
grouped (char *out, gsize size, unsigned n)
{
  char digits[16];
  int len = g_snprintf (digits, sizeof digits, "%u", n);
  gsize o = 0;
  for (int i = 0; i < len && o + 1 < size; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
        out[o++] = ',';
      out[o++] = digits[i];
    }
  out[o] = '\0';
}

void
limber_cli_progress_text (char *out, gsize size, const char *command, unsigned done, unsigned total,
                          double seconds)
{
  char a[16], b[16];
  grouped (a, sizeof a, done);
  grouped (b, sizeof b, total);
  int percent = total ? (int) (100.0 * done / total) : 100;
  if (done > 0 && done < total)
    {
      double left = seconds * (total - done) / done;
      g_snprintf (out, size, "%s: %s of %s plans (%d%%), %.0f s, about %.0f s left", command, a, b, percent, seconds,
                  left < 1 ? 1 : left);
    }
  else
    g_snprintf (out, size, "%s: %s of %s plans (%d%%), %.0f s", command, a, b, percent, seconds);
}

void
limber_cli_progress (unsigned done, unsigned total, gpointer data)
{
  LimberCliProgress *p = data;
  if (!p->enabled)
    return;
  gint64 now = g_get_monotonic_time ();
  if (now - p->start < p->delay_us || (p->shown && now - p->last < REDRAW_US && done < total))
    return;
  char line[160];
  limber_cli_progress_text (line, sizeof line, p->command, done, total, (now - p->start) / 1e6);
  /* \r and erase-to-end: the line is rewritten in place */
  fprintf (stderr, "\r%s\033[K", line);
  fflush (stderr);
  p->shown = TRUE;
  p->last = now;
}

void
limber_cli_progress_end (LimberCliProgress *p)
{
  if (p->shown)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
    }
  p->shown = FALSE;
}
