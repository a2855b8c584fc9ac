/* limber plan: arrives with the engine. */
#include <stdio.h>

#include "commands.h"

int
limber_cmd_plan (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  fprintf (stderr, "limber plan: not built yet\n");
  return LIMBER_EXIT_FAILED;
}
