/* An item's reasons: its exercise's, shared by every item of it, then its
 * own.  Shared by the core and the print library (limber-common). */
#include "plan-private.h"

guint
limber_item_n_why (const LimberItem *item)
{
  return item->n_shared + item->n_own;
}

const LimberWhy *
limber_item_why (const LimberItem *item, guint k)
{
  if (k < item->n_shared)
    return &g_array_index (item->shared, LimberWhy, item->shared_first + k);
  return k - item->n_shared < item->n_own ? &item->own[k - item->n_shared] : NULL;
}
