/* An item's reasons: its exercise's, shared by every item of it, then its
 * own.  Shared by the core and the print library (limber-common). */
#include "plan-private.h"

void
limber_late_reasons_ensure (LimberLateReasons *late)
{
  if (late == NULL || g_atomic_int_get (&late->made))
    return;
  g_mutex_lock (&late->lock);
  /* read atomically here too: a thread that waited on the lock sees what
   * the maker wrote through the flag (ThreadSanitizer does not see into
   * GLib's futex-based mutex) */
  if (!g_atomic_int_get (&late->made))
    {
      late->make (late);
      /* the items' fields are written before this, and read after it */
      g_atomic_int_set (&late->made, 1);
    }
  g_mutex_unlock (&late->lock);
}

guint
limber_item_n_why (const LimberItem *item)
{
  limber_late_reasons_ensure (item->late);
  return item->n_shared + item->n_own;
}

const LimberWhy *
limber_item_why (const LimberItem *item, guint k)
{
  limber_late_reasons_ensure (item->late);
  if (k < item->n_shared)
    return &g_array_index (item->shared, LimberWhy, item->shared_first + k);
  return k - item->n_shared < item->n_own ? &item->own[k - item->n_shared] : NULL;
}
