/* The compiled-in files, registered on first use (resources.h). */
#include "resources.h"

/* made by glib-compile-resources --manual-register (the top CMakeLists.txt) */
void limber_resources_register_resource (void);

GBytes *
limber_resource_lookup (const char *path, GError **error)
{
  static gsize registered = 0;
  if (g_once_init_enter (&registered))
    {
      limber_resources_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
