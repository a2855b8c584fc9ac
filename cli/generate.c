/* limber --generate-completions bash|zsh [FILE], limber --generate-man DIR: the
 * shell completions and manual pages, made from the commands' own option
 * tables so that they can never disagree with what the tool accepts.
 *
 * Each command is run with limber_cli_parse() set to hand its options over
 * (limber_cli_set_describe()) rather than parse them: the tables stay where
 * they are, beside the variables they fill, and nothing is listed twice. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <limber.h>

#include "commands.h"

typedef struct {
  char *long_name;
  char short_name;       /* 0: none */
  gboolean takes_value;
  gboolean is_file;      /* its value is a file name: complete files */
  char *description;
  char *value_name;      /* "FILE", "FORMAT"..., or NULL */
} Option;

typedef struct {
  const LimberCliCommand *command;
  char *params;          /* what follows the options: "FILE.xml", "[CASES...]", "" */
  char *summary;
  GPtrArray *options;    /* Option*, in the table's order, then --help */
} Described;

static void
option_free (Option *o)
{
  g_free (o->long_name);
  g_free (o->description);
  g_free (o->value_name);
  g_free (o);
}

static void
described_clear (Described *d)
{
  g_free (d->params);
  g_free (d->summary);
  g_clear_pointer (&d->options, g_ptr_array_unref);
}

static void
collect (const char *command, const char *params, const char *summary, const GOptionEntry *entries, gpointer data)
{
  (void) command;
  Described *d = data;
  d->params = g_strdup (params);
  d->summary = g_strdup (summary);
  d->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  for (const GOptionEntry *e = entries; e->long_name != NULL; e++)
    {
      if (e->flags & G_OPTION_FLAG_HIDDEN)
        continue;
      Option *o = g_new0 (Option, 1);
      o->long_name = g_strdup (e->long_name);
      o->short_name = e->short_name;
      o->takes_value = e->arg != G_OPTION_ARG_NONE;
      o->is_file = e->arg == G_OPTION_ARG_FILENAME || e->arg == G_OPTION_ARG_FILENAME_ARRAY;
      o->description = g_strdup (e->description);
      o->value_name = g_strdup (e->arg_description);
      g_ptr_array_add (d->options, o);
    }
  /* GOption's own, which every command has */
  Option *help = g_new0 (Option, 1);
  help->long_name = g_strdup ("help");
  help->short_name = 'h';
  help->description = g_strdup ("Show help options");
  g_ptr_array_add (d->options, help);
}

/* Every command's options, by running it in describe mode. */
static Described *
describe_all (const LimberCliCommand *commands, guint n)
{
  Described *all = g_new0 (Described, n);
  for (guint i = 0; i < n; i++)
    {
      all[i].command = &commands[i];
      limber_cli_set_describe (collect, &all[i]);
      char *argv[] = { (char *) commands[i].name, NULL };
      commands[i].run (1, argv);
      limber_cli_set_describe (NULL, NULL);
      /* a command that parses no options would have no page: a mistake here */
      g_assert (all[i].options != NULL);
    }
  return all;
}

static void
describe_free (Described *all, guint n)
{
  for (guint i = 0; i < n; i++)
    described_clear (&all[i]);
  g_free (all);
}

/* Whether a command takes file arguments after its options. */
static gboolean
takes_files (const Described *d)
{
  return d->params[0] != '\0';
}

/* ---- bash ---------------------------------------------------------------- */

static void
bash (GString *out, const Described *all, guint n)
{
  g_string_append (out, "# bash completion for limber                                   -*- shell-script -*-\n"
                        "# Made by `limber --generate-completions bash` from the tool's option tables.\n\n"
                        "_limber()\n{\n"
                        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
                        "    [ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                        "    if [ \"$COMP_CWORD\" -le 1 ]; then\n"
                        "        COMPREPLY=($(compgen -W \"");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s ", all[i].command->name);
  g_string_append (out, "--help --version\" -- \"$cur\"))\n"
                        "        return\n"
                        "    fi\n"
                        "    local options= file_options= value_options= files=\n"
                        "    case ${COMP_WORDS[1]} in\n");
  for (guint i = 0; i < n; i++)
    {
      const Described *d = &all[i];
      GString *options = g_string_new (NULL), *file_options = g_string_new (NULL), *value_options = g_string_new (NULL);
      for (guint k = 0; k < d->options->len; k++)
        {
          const Option *o = g_ptr_array_index (d->options, k);
          g_string_append_printf (options, "%s--%s", options->len ? " " : "", o->long_name);
          GString *kind = o->is_file ? file_options : o->takes_value ? value_options : NULL;
          if (kind != NULL)
            g_string_append_printf (kind, "%s--%s", kind->len ? " " : "", o->long_name);
          if (o->short_name != 0)
            {
              g_string_append_printf (options, " -%c", o->short_name);
              if (kind != NULL)
                g_string_append_printf (kind, " -%c", o->short_name);
            }
        }
      g_string_append_printf (out,
                              "        %s)\n"
                              "            options=\"%s\"\n"
                              "            file_options=\"%s\"\n"
                              "            value_options=\"%s\"\n"
                              "            files=%s\n"
                              "            ;;\n",
                              d->command->name, options->str, file_options->str, value_options->str,
                              takes_files (d) ? "yes" : "no");
      g_string_free (options, TRUE);
      g_string_free (file_options, TRUE);
      g_string_free (value_options, TRUE);
    }
  g_string_append (out, "        *)\n"
                        "            return\n"
                        "            ;;\n"
                        "    esac\n"
                        "    # the value of an option: a file name, or a word the shell cannot guess\n"
                        "    case \" $file_options \" in *\" $prev \"*)\n"
                        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                        "        return\n"
                        "    esac\n"
                        "    case \" $value_options \" in *\" $prev \"*)\n"
                        "        COMPREPLY=()\n"
                        "        return\n"
                        "    esac\n"
                        "    if [[ $cur == -* || $files == no ]]; then\n"
                        "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
                        "    else\n"
                        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                        "    fi\n"
                        "}\n"
                        "complete -o filenames -F _limber limber\n");
}

/* ---- zsh ----------------------------------------------------------------- */

/* text for inside a single-quoted zsh word; special, the characters that
 * end the part of an _arguments spec it is in ("]" in a [description],
 * ":" in a message) are quoted with a backslash */
static void
zsh_text (GString *out, const char *text, const char *special)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append (out, "'\\''");
      else if (*p == '\\' || (special != NULL && strchr (special, *p) != NULL))
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static void
zsh (GString *out, const Described *all, guint n)
{
  g_string_append (out, "#compdef limber\n"
                        "# zsh completion for limber, made by `limber --generate-completions zsh` from the\n"
                        "# tool's option tables.\n\n"
                        "_limber() {\n"
                        "  local -a commands\n"
                        "  commands=(\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "    '%s:", all[i].command->name);
      zsh_text (out, all[i].command->summary, NULL);
      g_string_append (out, "'\n");
    }
  g_string_append (out, "  )\n"
                        "  if (( CURRENT == 2 )); then\n"
                        "    _describe -t commands 'limber command' commands\n"
                        "    return\n"
                        "  fi\n"
                        "  local command=$words[2]\n"
                        "  shift words\n"
                        "  (( CURRENT-- ))\n"
                        "  case $command in\n");
  for (guint i = 0; i < n; i++)
    {
      const Described *d = &all[i];
      g_string_append_printf (out, "    %s)\n      _arguments -s", d->command->name);
      for (guint k = 0; k < d->options->len; k++)
        {
          const Option *o = g_ptr_array_index (d->options, k);
          g_autoptr (GString) spec = g_string_new (NULL);
          g_string_append_c (spec, '[');
          zsh_text (spec, o->description ? o->description : "", "[]");
          g_string_append_c (spec, ']');
          if (o->takes_value)
            {
              g_string_append_c (spec, ':');
              zsh_text (spec, o->value_name ? o->value_name : "VALUE", ":");
              g_string_append (spec, o->is_file ? ":_files" : ": ");
            }
          if (o->short_name != 0)
            g_string_append_printf (out, " \\\n        '(-%c --%s)-%c%s%s'", o->short_name, o->long_name,
                                    o->short_name, o->takes_value ? "+" : "", spec->str);
          g_string_append_printf (out, " \\\n        '");
          if (o->short_name != 0)
            g_string_append_printf (out, "(-%c --%s)", o->short_name, o->long_name);
          g_string_append_printf (out, "--%s%s%s'", o->long_name, o->takes_value ? "=" : "", spec->str);
        }
      if (takes_files (d))
        g_string_append (out, " \\\n        '*:file:_files'");
      g_string_append (out, "\n      ;;\n");
    }
  g_string_append (out, "  esac\n"
                        "}\n\n"
                        "_limber \"$@\"\n");
}

/* ---- manual pages -------------------------------------------------------- */

/* text for a roff line: backslashes as \e, a leading . or ' kept literal */
static void
roff_text (GString *out, const char *text)
{
  gboolean line_start = TRUE;
  for (const char *p = text; *p; p++)
    {
      if (line_start && (*p == '.' || *p == '\''))
        g_string_append (out, "\\&");
      if (*p == '\\')
        g_string_append (out, "\\e");
      else
        g_string_append_c (out, *p);
      line_start = *p == '\n';
    }
}

/* an option name, whose hyphens are minus signs (so they copy and search as typed) */
static void
roff_option (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append (out, *p == '-' ? "\\-" : (char[]) { *p, '\0' });
}

static void
man_head (GString *out, const char *title, const char *name, const char *what)
{
  g_autofree char *upper = g_ascii_strup (title, -1);
  /* no date: the page is the same whenever it is built */
  g_string_append_printf (out, ".TH %s 1 \"\" \"limber %s\" \"limber manual\"\n.SH NAME\n", upper,
                          limber_version ());
  roff_option (out, name);
  g_string_append (out, " \\- ");
  roff_text (out, what);
  g_string_append_c (out, '\n');
}

static const char exit_status[] = ".SH EXIT STATUS\n"
                                  ".TP\n.B 0\nSuccess.\n"
                                  ".TP\n.B 1\nThe input failed: it could not be read, was not valid, or did not meet "
                                  "the thresholds asked for.\n"
                                  ".TP\n.B 2\nThe command line was wrong: an unknown command or option, or a "
                                  "missing or stray argument.\n";

static void
man_command (GString *out, const Described *d)
{
  g_autofree char *name = g_strdup_printf ("limber-%s", d->command->name);
  man_head (out, name, name, d->command->summary);
  g_string_append_printf (out, ".SH SYNOPSIS\n.B limber %s\n.RI [ OPTION ...]\n", d->command->name);
  if (takes_files (d))
    {
      g_string_append (out, ".I ");
      roff_text (out, d->params);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, ".SH DESCRIPTION\n");
  roff_text (out, d->summary);
  g_string_append (out, "\n.SH OPTIONS\n");
  for (guint k = 0; k < d->options->len; k++)
    {
      const Option *o = g_ptr_array_index (d->options, k);
      g_string_append (out, ".TP\n");
      if (o->short_name != 0)
        g_string_append_printf (out, "\\fB\\-%c\\fR, ", o->short_name);
      g_string_append (out, "\\fB\\-\\-");
      roff_option (out, o->long_name);
      g_string_append (out, "\\fR");
      if (o->takes_value)
        {
          g_string_append (out, " \\fI");
          roff_text (out, o->value_name ? o->value_name : "VALUE");
          g_string_append (out, "\\fR");
        }
      g_string_append_c (out, '\n');
      roff_text (out, o->description ? o->description : "");
      g_string_append_c (out, '\n');
    }
  g_string_append (out, exit_status);
  g_string_append (out, ".SH SEE ALSO\n.BR limber (1)\n");
}

static void
man_limber (GString *out, const Described *all, guint n)
{
  man_head (out, "limber", "limber", "adaptive mobility programs from clinical rule sets");
  g_string_append (out, ".SH SYNOPSIS\n.B limber\n.I COMMAND\n.RI [ OPTION ...]\n"
                        ".br\n.B limber \\-\\-help\n.br\n.B limber \\-\\-version\n"
                        ".SH DESCRIPTION\n"
                        "limber makes a week's mobility program for a person from a profile (answers to screening "
                        "questions, measurements, the sessions they logged) and a rule set, adapts it week by week, "
                        "and checks, tests and audits rule sets.\n"
                        "Without \\fB\\-\\-rules\\fR, commands use the built-in rule set.\n"
                        "Each command has its own page, and \\fBlimber\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR "
                        "lists its options.\n"
                        ".SH COMMANDS\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, ".TP\n.B %s\n", all[i].command->name);
      roff_text (out, all[i].command->summary);
      g_string_append_printf (out, "; see\n.BR \\%%limber\\-%s (1).\n", all[i].command->name);
    }
  g_string_append (out, ".SH OPTIONS\n"
                        ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nList the commands.\n"
                        ".TP\n\\fB\\-\\-version\\fR\nPrint the version.\n");
  g_string_append (out, exit_status);
  g_string_append (out, ".SH SEE ALSO\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, ".BR \\%%limber\\-%s (1)%s\n", all[i].command->name, i + 1 < n ? "," : "");
}

static gboolean
write_page (const char *dir, const char *name, const GString *page)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, page->str, (gssize) page->len, &error))
    {
      fprintf (stderr, "limber: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
limber_cli_generate (const LimberCliCommand *commands, guint n, int argc, char **argv)
{
  const char *what = argv[1];
  gboolean man = strcmp (what, "--generate-man") == 0;
  if (argc != 3 && (man || argc != 4))
    {
      fprintf (stderr, "limber: %s: wrong number of arguments; expected %s\n", what,
               man ? "the directory to write the pages in" : "bash or zsh, and optionally the file to write");
      return LIMBER_EXIT_USAGE;
    }
  const char *arg = argv[2];
  if (strcmp (what, "--generate-completions") == 0 && strcmp (arg, "bash") != 0 && strcmp (arg, "zsh") != 0)
    {
      fprintf (stderr, "limber: --generate-completions %s: unknown shell; expected bash or zsh\n", arg);
      return LIMBER_EXIT_USAGE;
    }
  Described *all = describe_all (commands, n);
  int status = LIMBER_EXIT_OK;
  g_autoptr (GString) out = g_string_new (NULL);
  if (!man)
    {
      if (strcmp (arg, "bash") == 0)
        bash (out, all, n);
      else
        zsh (out, all, n);
      if (!limber_cli_write (argc == 4 ? argv[3] : NULL, out->str, out->len))
        status = LIMBER_EXIT_FAILED;
    }
  else
    {
      /* limber.1, and limber-COMMAND.1 for each command */
      if (g_mkdir_with_parents (arg, 0755) != 0)
        {
          fprintf (stderr, "limber: cannot make %s: %s\n", arg, g_strerror (errno));
          status = LIMBER_EXIT_FAILED;
        }
      man_limber (out, all, n);
      if (status == LIMBER_EXIT_OK && !write_page (arg, "limber.1", out))
        status = LIMBER_EXIT_FAILED;
      for (guint i = 0; status == LIMBER_EXIT_OK && i < n; i++)
        {
          g_string_truncate (out, 0);
          man_command (out, &all[i]);
          g_autofree char *name = g_strdup_printf ("limber-%s.1", all[i].command->name);
          if (!write_page (arg, name, out))
            status = LIMBER_EXIT_FAILED;
        }
    }
  describe_free (all, n);
  return status;
}
