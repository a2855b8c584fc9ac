/* The structs an app allocates (LimberDose, LimberSession) carry a
 * struct_size after their original fields: 0 or sizeof as the app compiled
 * it.  A later library appends fields after struct_size, reads only what an
 * older app's struct holds and fills only that much, so neither side reads
 * or writes past the other's struct (docs/embedding.md). */
#pragma once

#include <string.h>

#include <glib.h>

/* Whether s (a Type) says a layout this library can read: 0 (the first
 * layout), or at least up to and including struct_size itself. */
#define LIMBER_STRUCT_SIZE_OK(s, Type) \
  ((s)->struct_size == 0 || (s)->struct_size >= G_STRUCT_OFFSET (Type, struct_size) + sizeof (unsigned))

/* Copies value (a Type) out into the app's *dest: the fields of the first
 * layout, then the size filled in struct_size.  The app's struct_size is
 * not read: apps have long passed uninitialised structs to be filled, and
 * the first layout is all any of them can hold.  A later library with more
 * fields fills those only for an app whose struct_size asks for them
 * (docs/embedding.md). */
#define LIMBER_STRUCT_COPY_OUT(dest, value, Type)                                 \
  G_STMT_START                                                                      \
  {                                                                                 \
    Type limber_copy_ = (value);                                                    \
    memcpy ((dest), &limber_copy_, G_STRUCT_OFFSET (Type, struct_size));           \
    (dest)->struct_size = (unsigned) sizeof (Type);                                 \
  }                                                                                 \
  G_STMT_END
