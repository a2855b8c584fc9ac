/* The accessors' bounds check, written once: the index'th element of a
 * list, or NULL past its end (or for no list). */
#pragma once

#include <glib.h>

static inline gpointer
limber_list_at (const GPtrArray *list, guint index)
{
  return list != NULL && index < list->len ? g_ptr_array_index (list, index) : NULL;
}
