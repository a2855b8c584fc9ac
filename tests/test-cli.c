/* Specification of the limber tool: exit codes, messages and outputs. */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "support.h"

TestSuite (cli);

#define RUN(out, err, ...) limber_test_run_cli ((const char *const[]) { __VA_ARGS__, NULL }, NULL, out, err)

LIMBER_TEST (cli, check_accepts_the_default_rule_set_with_a_summary)
{
  g_autofree char *out = NULL, *err = NULL;
  int code = RUN (&out, &err, "check", LIMBER_SOURCE_DIR "/rules/default.xml");
  cr_assert_eq (code, 0, "%s", err);
  cr_assert (strstr (out, ": ok: default 1.0.0") != NULL, "%s", out);
  cr_assert (strstr (out, " exercises, ") != NULL && strstr (out, " rules, ") != NULL
               && strstr (out, " questions") != NULL, "%s", out);
}

LIMBER_TEST (cli, check_prints_every_error_and_exits_1)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = limber_test_data ("invalid/several-errors.xml");
  int code = RUN (&out, &err, "check", path);
  cr_assert_eq (code, 1);
  cr_assert (strstr (err, ":69:5: <exercise> id=\"pelvic-tilts\": duplicate exercise id") != NULL, "%s", err);
  cr_assert (strstr (err, ":82:13: <deficit> measure=\"hip.flex\": unknown measure") != NULL, "%s", err);
  cr_assert_str_eq (out, "");
}

LIMBER_TEST (cli, describe_json_lists_exercises_flags_and_measures)
{
  g_autofree char *out = NULL, *err = NULL;
  int code = RUN (&out, &err, "describe", "--format", "json");
  cr_assert_eq (code, 0, "%s", err);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, out, -1, NULL), "not JSON: %.200s", out);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  for (const char *const *key = (const char *const[]) { "id", "version", "sha256", "goals", "questions", "measures",
                                                        "exercises", "scores", NULL };
       *key; key++)
    cr_assert (json_object_has_member (root, *key), "no %s", *key);
  cr_assert_geq (json_array_get_length (json_object_get_array_member (root, "exercises")), 25);
  cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "goals")), 3);

  JsonArray *exercises = json_object_get_array_member (root, "exercises");
  JsonObject *first = json_array_get_object_element (exercises, 0);
  for (const char *const *key = (const char *const[]) { "id", "name", "tags", "regions", "position", "equipment",
                                                        "per_side", "level", "ladder", "contraindications", NULL };
       *key; key++)
    cr_assert (json_object_has_member (first, *key), "exercise without %s", *key);
  JsonObject *step = json_array_get_object_element (json_object_get_array_member (first, "ladder"), 0);
  for (const char *const *key = (const char *const[]) { "sets", "reps", "hold_s", "duration_s", NULL }; *key; key++)
    cr_assert (json_object_has_member (step, *key), "ladder step without %s", *key);

  unsigned emergencies = 0;
  JsonArray *questions = json_object_get_array_member (root, "questions");
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *q = json_array_get_object_element (questions, i);
      for (const char *const *key = (const char *const[]) { "id", "text", "kind", "choices", "min", "max", "red_flag",
                                                            "trigger", NULL };
           *key; key++)
        cr_assert (json_object_has_member (q, *key), "question without %s", *key);
      if (!json_object_get_null_member (q, "red_flag")
          && strcmp (json_object_get_string_member (q, "red_flag"), "emergency") == 0)
        emergencies++;
    }
  cr_assert_geq (emergencies, 5);

  JsonObject *m = json_array_get_object_element (json_object_get_array_member (root, "measures"), 0);
  for (const char *const *key = (const char *const[]) { "id", "unit", "sided", "normal", "min", "max", "asymmetry", NULL };
       *key; key++)
    cr_assert (json_object_has_member (m, *key), "measure without %s", *key);
}

LIMBER_TEST (cli, describe_text_is_for_people)
{
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (RUN (&out, &err, "describe"), 0, "%s", err);
  cr_assert (strstr (out, "Exercises (") != NULL && strstr (out, "Pelvic Tilts") != NULL, "%s", out);
}

LIMBER_TEST (cli, plan_prints_a_week_for_the_stiff_back_example)
{
  g_autofree char *out = NULL, *err = NULL;
  int code = RUN (&out, &err, "plan", "--profile", LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json", "--start",
                  "2026-11-23", "--format", "json");
  cr_assert_eq (code, 0, "%s", err);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, out, -1, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  cr_assert_str_eq (json_object_get_string_member (root, "status"), "ok");
  cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "days")), 7);
}

LIMBER_TEST (cli, plan_reads_the_profile_from_standard_input)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *profile = "{\"goal\": \"flexibility\", \"answers\": {\"bladder-bowel-change\": true}}";
  int code = limber_test_run_cli ((const char *const[]) { "plan", "--profile", "-", "--format", "json", NULL }, profile,
                                  &out, &err);
  cr_assert_eq (code, 0, "%s", err);
  cr_assert (strstr (out, "\"status\": \"referral\"") != NULL, "%s", out);
}

LIMBER_TEST (cli, plan_with_a_bad_profile_names_the_field_and_exits_1)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *profile = "{\"minutes_per_day\": -5}";
  int code = limber_test_run_cli ((const char *const[]) { "plan", "--profile", "-", NULL }, profile, &out, &err);
  cr_assert_eq (code, 1);
  cr_assert (strstr (err, "minutes_per_day") != NULL, "%s", err);
}

LIMBER_TEST (cli, the_same_seed_prints_the_same_plan)
{
  g_autofree char *a = NULL, *b = NULL;
  const char *p = LIMBER_SOURCE_DIR "/examples/profiles/athlete-tight-left-hip.json";
  cr_assert_eq (RUN (&a, NULL, "plan", "--profile", p, "--start", "2026-11-23", "--seed", "9", "--format", "xml"), 0);
  cr_assert_eq (RUN (&b, NULL, "plan", "--profile", p, "--start", "2026-11-23", "--seed", "9", "--format", "xml"), 0);
  cr_assert_str_eq (a, b);
}

LIMBER_TEST (cli, help_and_version_exit_0)
{
  g_autofree char *out = NULL, *ver = NULL;
  cr_assert_eq (RUN (&out, NULL, "--help"), 0);
  cr_assert (strstr (out, "Usage: limber COMMAND") != NULL, "%s", out);
  cr_assert_eq (RUN (&ver, NULL, "--version"), 0);
  cr_assert (g_str_has_prefix (ver, "limber "), "%s", ver);
}

LIMBER_TEST (cli, unknown_options_and_commands_exit_2_with_a_message)
{
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL;
  cr_assert_eq (RUN (NULL, &e1, "--frobnicate"), 2);
  cr_assert (strstr (e1, "unknown option '--frobnicate'") != NULL, "%s", e1);
  cr_assert_eq (RUN (NULL, &e2, "frobnicate"), 2);
  cr_assert (strstr (e2, "unknown command 'frobnicate'") != NULL, "%s", e2);
  cr_assert_eq (RUN (NULL, &e3, "describe", "--colour"), 2);
  cr_assert (strstr (e3, "--colour") != NULL, "%s", e3);
  cr_assert_eq (RUN (NULL, &e4, "describe", "--format", "yaml"), 2);
  cr_assert (strstr (e4, "expected json, json-schema or text") != NULL, "%s", e4);
}

LIMBER_TEST (cli, plan_refuses_bad_options)
{
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;
  const char *p = LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json";
  cr_assert_eq (RUN (NULL, &e1, "plan", "--profile", p, "--start", "2026-13-01"), 2);
  cr_assert (strstr (e1, "YYYY-MM-DD") != NULL, "%s", e1);
  cr_assert_eq (RUN (NULL, &e2, "plan", "--profile", p, "--days", "99"), 2);
  cr_assert (strstr (e2, "expected 1 to 28") != NULL, "%s", e2);
  cr_assert_eq (RUN (NULL, &e3, "plan"), 2);
  cr_assert (strstr (e3, "missing --profile") != NULL, "%s", e3);
}

LIMBER_TEST (cli, every_example_profile_plans)
{
  const char *names[] = { "stiff-back", "athlete-tight-left-hip", "older-adult-70", "cannot-lie-flat", "emergency" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/examples/profiles/%s.json", LIMBER_SOURCE_DIR, names[i]);
      g_autofree char *out = NULL, *err = NULL;
      cr_assert_eq (RUN (&out, &err, "plan", "--profile", path, "--start", "2026-11-23"), 0, "%s: %s", names[i], err);
    }
}

LIMBER_TEST (cli, simulate_prints_a_trajectory_per_exercise_and_measure)
{
  g_autofree char *json = NULL, *csv = NULL, *err = NULL;
  const char *p = LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json";
  cr_assert_eq (RUN (&json, &err, "simulate", "--profile", p, "--weeks", "3", "--start", "2026-11-23", "--response",
                     "plateau", "--adherence", "0.5"),
                0, "%s", err);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  cr_assert_str_eq (json_object_get_string_member (root, "response"), "plateau");
  JsonArray *weeks = json_object_get_array_member (root, "weeks");
  cr_assert_eq (json_array_get_length (weeks), 3);
  JsonObject *week = json_array_get_object_element (weeks, 0);
  cr_assert_gt (json_array_get_length (json_object_get_array_member (week, "exercises")), 0);
  cr_assert_gt (json_array_get_length (json_object_get_array_member (week, "measures")), 0);
  cr_assert_eq (RUN (&csv, NULL, "simulate", "--profile", p, "--weeks", "2", "--format", "csv"), 0);
  cr_assert (g_str_has_prefix (csv, "week,start,kind,id,step,previous_step,sessions,discomfort,left,right\n"), "%s", csv);
}

LIMBER_TEST (cli, simulate_refuses_bad_arguments)
{
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;
  const char *p = LIMBER_SOURCE_DIR "/examples/profiles/stiff-back.json";
  cr_assert_eq (RUN (NULL, &e1, "simulate", "--profile", p, "--response", "sideways"), 2);
  cr_assert (strstr (e1, "expected improving, plateau or flare-up") != NULL, "%s", e1);
  cr_assert_eq (RUN (NULL, &e2, "simulate", "--profile", p, "--adherence", "2"), 2);
  cr_assert (strstr (e2, "expected a number from 0 to 1") != NULL, "%s", e2);
  cr_assert_eq (RUN (NULL, &e3, "simulate", "--profile", p, "--weeks", "0"), 2);
  cr_assert (strstr (e3, "expected 1 to 52") != NULL, "%s", e3);
}

static gpointer
drain (gpointer path)
{
  g_autofree char *contents = NULL;
  g_file_get_contents (path, &contents, NULL, NULL);
  return g_steal_pointer (&contents);
}

LIMBER_TEST (cli, writing_to_a_fifo_leaves_it_a_fifo)
{
  /* -o /dev/null and its kin must be written into, never replaced by a file;
   * a FIFO stands in for the device so a regression cannot break the machine */
  g_autofree char *dir = g_dir_make_tmp ("limber-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "out", NULL);
  cr_assert_eq (mkfifo (fifo, 0600), 0);
  GThread *reader = g_thread_new ("drain", drain, fifo);
  g_autofree char *err = NULL;
  int code = RUN (NULL, &err, "describe", "--format", "json", "-o", fifo);
  g_autofree char *read = g_thread_join (reader);
  cr_assert_eq (code, 0, "%s", err);
  cr_assert (read != NULL && g_str_has_prefix (read, "{"), "nothing came through the FIFO");
  struct stat st;
  cr_assert_eq (stat (fifo, &st), 0);
  cr_assert (S_ISFIFO (st.st_mode), "the FIFO was replaced by a file");
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Runs the tool with a pseudo-terminal as its standard error (standard
 * output to /dev/null) and returns what the terminal showed. */
static char *
run_on_terminal (const char *const *args)
{
  int master = -1;
  pid_t pid = forkpty (&master, NULL, NULL, NULL);
  cr_assert_geq (pid, 0, "forkpty: %s", g_strerror (errno));
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, STDOUT_FILENO);
      g_setenv ("LIMBER_PROGRESS_DELAY_MS", "0", TRUE);
      g_setenv ("TERM", "xterm", TRUE);
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_ptr_array_add (argv, (gpointer) LIMBER_CLI);
      for (const char *const *a = args; *a; a++)
        g_ptr_array_add (argv, (gpointer) *a);
      g_ptr_array_add (argv, NULL);
      execv (LIMBER_CLI, (char **) argv->pdata);
      _exit (127);
    }
  GString *shown = g_string_new (NULL);
  char buf[4096];
  ssize_t got;
  /* the terminal reads EIO once the child has closed it */
  while ((got = read (master, buf, sizeof buf)) > 0)
    g_string_append_len (shown, buf, got);
  close (master);
  int status = 0;
  waitpid (pid, &status, 0);
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0, "exit status %d: %s", status, shown->str);
  return g_string_free (shown, FALSE);
}

LIMBER_TEST (cli, long_population_runs_show_progress_on_a_terminal_only)
{
  static const char *const commands[][7] = {
    { "coverage", "--population", "2000", "--threads", "1", NULL },
    { "audit", "--population", "2000", "--threads", "2", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *shown = run_on_terminal (commands[i]);
      g_autofree char *expected = g_strdup_printf ("\rlimber %s: ", commands[i][0]);
      cr_assert (strstr (shown, expected) != NULL, "no progress line: %s", shown);
      cr_assert (strstr (shown, " of 2,000 plans (") != NULL, "%s", shown);
      /* the line is erased at the end: the terminal is left as it was */
      cr_assert (g_str_has_suffix (shown, "\r\033[K"), "not erased: %s", shown);
    }
  /* not a terminal: nothing on standard error */
  g_setenv ("LIMBER_PROGRESS_DELAY_MS", "0", TRUE);
  g_autofree char *out = NULL, *err = NULL;
  int code = RUN (&out, &err, "coverage", "--population", "600");
  g_unsetenv ("LIMBER_PROGRESS_DELAY_MS");
  cr_assert_eq (code, 0, "%s", err);
  cr_assert_str_eq (err, "");
}

/* Each command's usage line reads as it is typed: the command once, then
 * the options, then its arguments. */
LIMBER_TEST (cli, usage_lines_name_the_command_once_then_its_arguments)
{
  static const char *const commands[][2] = {
    { "check", " FILE.xml" }, { "test", " CASES..." }, { "audit", " [PROFILES...]" }, { "plan", "" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      cr_assert_eq (RUN (&out, &err, commands[i][0], "--help"), 0, "%s", err);
      g_auto (GStrv) lines = g_strsplit (out, "\n", 3);
      cr_assert_not_null (lines[1]);
      g_autofree char *start = g_strdup_printf ("  limber %s [OPTION", commands[i][0]);
      cr_assert (g_str_has_prefix (lines[1], start), "%s", lines[1]);
      /* "[OPTION…]" or, without a UTF-8 locale, "[OPTION...]"; then the arguments, and nothing else */
      g_autofree char *after = g_strchomp (g_strdup (strchr (lines[1], ']') + 1));
      cr_assert_str_eq (after, commands[i][1]);
    }
}

/* Every command that writes a report writes it to -o FILE as it would to
 * standard output. */
LIMBER_TEST (cli, every_report_can_go_to_a_file)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-cli-XXXXXX", NULL);
  g_autofree char *cases = g_build_filename (LIMBER_SOURCE_DIR, "rules", "tests", "composer-stiff-back-routine.xml", NULL);
  const char *const commands[][5] = {
    { "coverage", "--population", "30", NULL },
    { "lint", "--format", "json", NULL },
    { "test", cases, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      cr_assert_eq (limber_test_run_cli (commands[i], NULL, &out, &err), 0, "%s: %s", commands[i][0], err);
      cr_assert_gt (strlen (out), 0, "%s wrote nothing", commands[i][0]);
      g_autofree char *path = g_build_filename (dir, commands[i][0], NULL);
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      for (const char *const *a = commands[i]; *a; a++)
        g_ptr_array_add (args, (gpointer) *a);
      g_ptr_array_add (args, (gpointer) "-o");
      g_ptr_array_add (args, path);
      g_ptr_array_add (args, NULL);
      g_autofree char *out2 = NULL, *err2 = NULL;
      cr_assert_eq (limber_test_run_cli ((const char *const *) args->pdata, NULL, &out2, &err2), 0, "%s", err2);
      cr_assert_str_eq (out2, "", "%s -o still wrote to standard output", commands[i][0]);
      g_autofree char *written = NULL;
      cr_assert (g_file_get_contents (path, &written, NULL, NULL));
      cr_assert_str_eq (written, out);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A directory stands for its *.xml test cases, in name order; one without
 * any is an error, never an empty success. */
LIMBER_TEST (cli, test_takes_a_directory_of_cases)
{
  g_autofree char *dir = g_build_filename (LIMBER_SOURCE_DIR, "rules", "tests", NULL);
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (RUN (&out, &err, "test", dir), 0, "%s", err);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  for (const char *name; (name = g_dir_read_name (d)) != NULL;)
    n += g_str_has_suffix (name, ".xml");
  g_autofree char *plan = g_strdup_printf ("\n1..%u\n", n);
  cr_assert (strstr (out, plan) != NULL, "expected %u cases:\n%.200s", n, out);
  cr_assert (strstr (out, "not ok") == NULL);

  g_autofree char *empty = g_dir_make_tmp ("limber-empty-XXXXXX", NULL);
  g_autofree char *out2 = NULL, *err2 = NULL;
  cr_assert_eq (RUN (&out2, &err2, "test", empty), 1);
  cr_assert (strstr (err2, "holds no test case; expected *.xml test-case files") != NULL, "%s", err2);
  cr_assert_str_eq (out2, "");
  g_rmdir (empty);
}
