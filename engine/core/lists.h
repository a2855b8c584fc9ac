/* The accessors' bounds check, written once: the index'th element of a
 * list, or NULL past its end (or for no list).  A list is anything with a
 * GPtrArray's pdata and len: a GPtrArray, or a plan's arena-backed
 * LimberPlanList (plan-private.h). */
#pragma once

#include <glib.h>

static inline gpointer
limber_list_element (gpointer *pdata, guint len, guint index)
{
  return index < len ? pdata[index] : NULL;
}

#define limber_list_at(list, index) \
  ((list) != NULL ? limber_list_element ((list)->pdata, (list)->len, (index)) : NULL)
