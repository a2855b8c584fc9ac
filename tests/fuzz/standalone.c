/* A main for the fuzz targets where libFuzzer is not there (gcc builds): runs
 * the target once over each file named on the command line, or each file of
 * each folder named, so the regression inputs of tests/data/fuzz run with
 * every build and under the sanitizers of the test command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
run_file (const char *path)
{
  gchar *data = NULL;
  gsize length = 0;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      g_error_free (error);
      return 1;
    }
  /* a copy of exactly the file's bytes, as libFuzzer hands them: no NUL
   * after, and a real pointer even for an empty input */
  uint8_t *copy = g_malloc (MAX (length, 1));
  memcpy (copy, data, length);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  g_free (data);
  return 0;
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  int failed = 0, ran = 0;
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          failed |= run_file (argv[i]);
          ran++;
          continue;
        }
      GDir *dir = g_dir_open (argv[i], 0, NULL);
      const char *entry;
      while (dir && (entry = g_dir_read_name (dir)))
        {
          char *path = g_build_filename (argv[i], entry, NULL);
          failed |= run_file (path);
          ran++;
          g_free (path);
        }
      if (dir)
        g_dir_close (dir);
    }
  printf ("%d inputs run\n", ran);
  return failed;
}
