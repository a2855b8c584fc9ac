/*
 * A bump allocator: many small blocks of memory that share one lifetime,
 * taken from a few large ones and given back all at once.
 *
 * A plan used to cost a few hundred malloc() calls, most for arrays that
 * live exactly as long as the facts, the selection or the schedule that
 * made them.  Each of those now owns an arena: an allocation is a pointer
 * bump, freeing is one call.  Memory is always zeroed and aligned for any
 * type.  Under AddressSanitizer the unused rest of each block is poisoned,
 * so reading or writing past an allocation is still caught.
 */
#pragma once

#include <glib.h>

typedef struct _LimberArenaBlock LimberArenaBlock;

typedef struct {
  LimberArenaBlock *head;  /* the newest block; older ones follow */
  gsize next_size;         /* the size of the next block: doubles from the first */
} LimberArena;

/* An empty arena whose first block will hold first_size bytes. */
#define LIMBER_ARENA_INIT(first_size) { NULL, (first_size) }

/* size zeroed bytes, aligned for any type, that live until the arena is
 * cleared.  size 0 gives a valid, unique pointer. */
gpointer limber_arena_alloc (LimberArena *arena, gsize size);

/* n zeroed elements of type T. */
#define limber_arena_new0(arena, T, n) ((T *) limber_arena_alloc_n ((arena), (n), sizeof (T)))
gpointer limber_arena_alloc_n (LimberArena *arena, gsize n, gsize size);

/* A copy of text in the arena. */
char *limber_arena_strdup (LimberArena *arena, const char *text);

/* Frees every block: every pointer the arena gave is gone.  The arena can
 * be used again. */
void limber_arena_clear (LimberArena *arena);
