/**
 * @file limber/progress.h
 * @brief Progress of long runs: how much of a population has been planned.
 *
 * A population of a million profiles takes a minute; a program that runs
 * one (a command line, a notebook) wants to say how far it is.  Coverage
 * and audit runs call a #LimberProgressFunc as they go; what it shows, and
 * whether it shows anything, is the caller's.
 */
#ifndef LIMBER_PROGRESS_H
#define LIMBER_PROGRESS_H

#include <glib.h>

G_BEGIN_DECLS

/**
 * @brief Told how far a run is.
 *
 * Called in the thread that started the run, after each block of plans
 * (a few thousand) and once at the end with @p done equal to @p total;
 * never from the worker threads, so it needs no locking of its own.
 *
 * @param done the plans made so far.
 * @param total the plans the run makes.
 * @param user_data what the caller gave with the function.
 */
typedef void (*LimberProgressFunc)(unsigned done, unsigned total, gpointer user_data);

G_END_DECLS

#endif /* LIMBER_PROGRESS_H */
