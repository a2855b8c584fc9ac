#include "limber/error.h"
#include "limber/version.h"

G_DEFINE_QUARK (limber-error-quark, limber_error)

const char *
limber_version (void)
{
  return LIMBER_VERSION_STRING;
}
