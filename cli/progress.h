/* Progress of long population runs on a terminal (progress.c). */
#pragma once

#include <glib.h>

typedef struct {
  const char *command;  /* "limber audit" */
  gint64 start, last;   /* monotonic microseconds */
  gint64 delay_us;      /* nothing is shown before */
  gboolean enabled;     /* standard error is a terminal */
  gboolean shown;       /* a line is on the screen */
} LimberCliProgress;

/* Starts timing a run of command. */
void limber_cli_progress_begin (LimberCliProgress *p, const char *command);
/* A LimberProgressFunc: data is the LimberCliProgress. */
void limber_cli_progress (unsigned done, unsigned total, gpointer data);
/* Erases the line, if one was shown. */
void limber_cli_progress_end (LimberCliProgress *p);
/* The line itself (for tests): "CMD: 1,200 of 10,000 plans (12%), 3 s, about 22 s left". */
void limber_cli_progress_text (char *out, gsize size, const char *command, unsigned done, unsigned total,
                               double seconds);
