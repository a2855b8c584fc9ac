#include "support.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

void
limber_test_leak_check (void)
{
#if defined(__SANITIZE_ADDRESS__)
  cr_assert_eq (__lsan_do_recoverable_leak_check (), 0, "LeakSanitizer found leaks (see the report above)");
#endif
}

char *
limber_test_data (const char *name)
{
  return g_build_filename (LIMBER_TEST_DATA, name, NULL);
}

char *
limber_test_read (const char *name, gsize *length)
{
  g_autofree char *path = limber_test_data (name);
  char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = g_file_get_contents (path, &contents, length, &error);
  cr_assert (ok, "cannot read %s: %s", path, error ? error->message : "");
  return contents;
}

int
limber_test_run_cli (const char *const *args, const char *input, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) LIMBER_CLI);
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);

  int status = -1;
  g_autoptr (GError) error = NULL;
  char *stdout_text = NULL, *stderr_text = NULL;
  /* the tool writes in the locale's language and paper when it speaks it
   * (docs/i18n.md): the tests expect English and A4 whatever the machine's
   * locale, and a test of the locale sets it itself */
  g_auto (GStrv) env = g_get_environ ();
  for (const char *const *v = (const char *const[]) { "LC_ALL", "LC_MESSAGES", "LC_PAPER", "LANG", NULL }; *v; v++)
    env = g_environ_unsetenv (env, *v);
  if (input == NULL)
    {
      gboolean ok = g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                                  &stderr_text, &status, &error);
      cr_assert (ok, "cannot run %s: %s", LIMBER_CLI, error ? error->message : "");
    }
  else
    {
      /* stdin needs a pipe: write the input to a file and let the shell feed it */
      g_autofree char *tmp = NULL;
      int fd = g_file_open_tmp ("limber-test-XXXXXX", &tmp, &error);
      cr_assert (fd >= 0);
      close (fd);
      cr_assert (g_file_set_contents (tmp, input, -1, NULL));
      g_autoptr (GString) cmd = g_string_new (NULL);
      for (guint i = 0; i < argv->len - 1; i++)
        {
          g_autofree char *q = g_shell_quote (g_ptr_array_index (argv, i));
          g_string_append_printf (cmd, "%s ", q);
        }
      g_autofree char *qtmp = g_shell_quote (tmp);
      g_string_append_printf (cmd, "< %s", qtmp);
      const char *sh[] = { "/bin/sh", "-c", cmd->str, NULL };
      gboolean ok = g_spawn_sync (NULL, (char **) sh, env, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text, &stderr_text,
                                  &status, &error);
      g_unlink (tmp);
      cr_assert (ok);
    }
  int code = g_spawn_check_wait_status (status, NULL) ? 0 : (WIFEXITED (status) ? WEXITSTATUS (status) : -1);
  if (out)
    *out = stdout_text;
  else
    g_free (stdout_text);
  if (err)
    *err = stderr_text;
  else
    g_free (stderr_text);
  return code;
}

LimberRuleset *
limber_test_default_rules (void)
{
  g_autoptr (GError) error = NULL;
  LimberRuleset *rs = limber_ruleset_new_default (&error);
  cr_assert_not_null (rs, "%s", error ? error->message : "");
  return rs;
}

LimberPlan *
limber_test_generate (const LimberRuleset *rs, const LimberProfile *p, const char *start, guint64 seed, unsigned days)
{
  g_autoptr (LimberOptions) o = limber_options_new ();
  cr_assert (limber_options_set_start (o, start, NULL));
  limber_options_set_seed (o, seed);
  if (days > 0)
    cr_assert (limber_options_set_days (o, days, NULL));
  g_autoptr (GError) error = NULL;
  LimberPlan *plan = limber_generate (rs, p, o, &error);
  cr_assert_not_null (plan, "%s", error ? error->message : "");
  return plan;
}

char *
limber_test_scratch_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("limber-test-XXXXXX", &error);
  cr_assert_not_null (dir, "%s", error ? error->message : "");
  return dir;
}

void
limber_test_scratch_remove (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      /* a link is removed, never followed */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        limber_test_scratch_remove (path);
      else
        cr_assert_eq (g_unlink (path), 0, "cannot remove %s", path);
    }
  cr_assert_eq (g_rmdir (dir), 0, "cannot remove %s", dir);
}
