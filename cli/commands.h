/* The limber tool's subcommands: each takes the arguments after its name and
 * returns the process exit status (0 ok, 1 failure of the input, 2 usage). */
#pragma once

#include <glib.h>

#define LIMBER_EXIT_OK 0
#define LIMBER_EXIT_FAILED 1
#define LIMBER_EXIT_USAGE 2

int limber_cmd_check (int argc, char **argv);
int limber_cmd_compile (int argc, char **argv);
int limber_cmd_describe (int argc, char **argv);
int limber_cmd_plan (int argc, char **argv);
int limber_cmd_test (int argc, char **argv);
int limber_cmd_coverage (int argc, char **argv);
int limber_cmd_audit (int argc, char **argv);
int limber_cmd_lint (int argc, char **argv);
int limber_cmd_simulate (int argc, char **argv);
int limber_cmd_scan (int argc, char **argv);

/* One of the tool's commands, as main.c lists them. */
typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} LimberCliCommand;

/* While set, limber_cli_parse() hands a command's options to func instead
 * of parsing them and returns FALSE, so the command stops there: how the
 * completions and manual pages read the option tables (generate.c). */
typedef void (*LimberCliDescribeFunc) (const char *command, const char *params, const char *summary,
                                       const GOptionEntry *entries, gpointer data);
void limber_cli_set_describe (LimberCliDescribeFunc func, gpointer data);

/* limber --generate-completions bash|zsh [FILE] (default: standard output) and
 * limber --generate-man DIR (limber.1 and limber-COMMAND.1 in DIR), from
 * commands' option tables; argv[1] is the option.  Returns the exit status. */
int limber_cli_generate (const LimberCliCommand *commands, guint n_commands, int argc, char **argv);

/* Parses argv with entries; on an unknown option or a stray argument prints
 * a clear message with the usage hint and returns FALSE. */
gboolean limber_cli_parse (const char *command, const char *params, const char *summary,
                           GOptionEntry *entries, int *argc, char ***argv, int max_positional);

/* Loads --rules FILE, or the default rule set when path is NULL; prints the
 * error and returns NULL on failure. */
struct _LimberRuleset *limber_cli_load_rules (const char *path);

/* Loads a profile (JSON or XML, "-" for standard input) checked against rs;
 * prints the error and returns NULL on failure. */
struct _LimberProfile *limber_cli_load_profile (const struct _LimberRuleset *rs, const char *path);

/* The same, refusing a profile larger than --max-profile-bytes (max_bytes,
 * the option's text, or NULL for the library's 1 MiB) of command. */
struct _LimberProfile *limber_cli_load_profile_bounded (const struct _LimberRuleset *rs, const char *path,
                                                        const char *command, const char *max_bytes);

/* The largest --max-profile-bytes accepted: 1 GiB. */
#define LIMBER_CLI_MAX_PROFILE_BYTES ((guint64) 1 << 30)

/* Parses a whole number from min to max given to option; prints what was
 * wrong and what was expected and returns FALSE otherwise. */
gboolean limber_cli_parse_unsigned (const char *command, const char *option, const char *text, guint64 min,
                                    guint64 max, guint64 *out);

/* Generation options from --start, --days and --seed (any may be NULL);
 * prints the problem and returns NULL when one is refused. */
struct _LimberOptions *limber_cli_options (const char *command, const char *start, const char *days,
                                           const char *seed);

/* The language of the output: --lang when given, else the locale's
 * (LC_ALL, LC_MESSAGES, LANG) when limber speaks it, else English.  Sets it
 * on options; FALSE after printing the error (an unknown --lang, listing the
 * languages limber has). */
gboolean limber_cli_set_language (const char *command, struct _LimberOptions *options, const char *lang);
/* --format as given, or dflt when not given; NULL, after saying on stderr
 * which formats the command writes (formats, NULL-terminated, in the order
 * the message lists them), for one it does not write */
const char *limber_cli_format (const char *command, const char *format, const char *dflt, const char *const *formats);
/* --lang as given, else the locale's language when limber speaks it, else
 * "en": for the calls that take a language code rather than options */
const char *limber_cli_language (const char *lang);

/* The paper a printed plan defaults to: Letter where the locale (LC_ALL,
 * LC_PAPER, LANG) names a country that uses it, else A4. */
int limber_cli_default_paper (void);

/* Writes text to path ("-" or NULL: standard output). */
gboolean limber_cli_write (const char *path, const char *text, gsize length);
