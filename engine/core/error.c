/* The error domain and the library's version. */
#include "limber/error.h"
#include "limber/version.h"

G_DEFINE_QUARK (limber-error-quark, limber_error)

const char *
limber_version (void)
{
  return LIMBER_VERSION_STRING;
}

gboolean
limber_check_version (unsigned major, unsigned minor, unsigned patch)
{
  /* the library's own version, compiled in: what an app runs against */
  if (major != LIMBER_VERSION_MAJOR)
    return FALSE;
  return LIMBER_VERSION_MINOR > minor || (LIMBER_VERSION_MINOR == minor && LIMBER_VERSION_PATCH >= patch);
}
