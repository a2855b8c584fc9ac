/* A bump allocator; see arena.h. */
#include "arena.h"

#include <stddef.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define LIMBER_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMBER_ARENA_ASAN 1
#endif
#endif

#ifdef LIMBER_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION ((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION ((p), (n))
/* a gap between allocations, poisoned: an overrun lands in it */
#define REDZONE 16
#else
#define POISON(p, n) ((void) (p), (void) (n))
#define UNPOISON(p, n) ((void) (p), (void) (n))
#define REDZONE 0
#endif

#define ALIGN (sizeof (max_align_t))

struct _LimberArenaBlock {
  LimberArenaBlock *next;
  gsize size, used;
  max_align_t data[];
};

static gsize
round_up (gsize n)
{
  return (n + ALIGN - 1) & ~(ALIGN - 1);
}

gpointer
limber_arena_alloc (LimberArena *arena, gsize size)
{
  g_return_val_if_fail (arena != NULL, NULL);
  gsize need = round_up (MAX (size, 1) + REDZONE);
  g_return_val_if_fail (need >= size, NULL);
  LimberArenaBlock *b = arena->head;
  if (b == NULL || b->size - b->used < need)
    {
      gsize block = MAX (arena->next_size, need);
      if (arena->next_size < G_MAXSIZE / 4)
        arena->next_size = MAX (arena->next_size, 256) * 2;
      b = g_malloc (offsetof (LimberArenaBlock, data) + block);
      b->next = arena->head;
      b->size = block;
      b->used = 0;
      POISON ((char *) b->data, block);
      arena->head = b;
    }
  char *p = (char *) b->data + b->used;
  b->used += need;
  UNPOISON (p, size);
  memset (p, 0, size);
  return p;
}

gpointer
limber_arena_alloc_n (LimberArena *arena, gsize n, gsize size)
{
  gsize total;
  if (!g_size_checked_mul (&total, n, size))
    g_error ("limber: an arena allocation of %" G_GSIZE_FORMAT " x %" G_GSIZE_FORMAT " bytes overflows", n, size);
  return limber_arena_alloc (arena, total);
}

char *
limber_arena_strdup (LimberArena *arena, const char *text)
{
  if (text == NULL)
    return NULL;
  gsize n = strlen (text) + 1;
  char *copy = limber_arena_alloc (arena, n);
  memcpy (copy, text, n);
  return copy;
}

void
limber_arena_clear (LimberArena *arena)
{
  LimberArenaBlock *b = arena->head;
  while (b != NULL)
    {
      LimberArenaBlock *next = b->next;
      UNPOISON ((char *) b->data, b->size);
      g_free (b);
      b = next;
    }
  arena->head = NULL;
}
