/* The error domain, its problem records, and the library's version. */
#include "limber/error.h"
#include "limber/version.h"

#include <string.h>

#include "error-private.h"

struct _LimberProblem {
  const char *code;  /* static: a LIMBER_PROBLEM_* */
  char *file;
  unsigned line, column;
  char *field;
  char *what;
  char *expected;
  char *suggestion;
  char *text;
};

static void
problem_free (LimberProblem *p)
{
  g_free (p->file);
  g_free (p->field);
  g_free (p->what);
  g_free (p->expected);
  g_free (p->suggestion);
  g_free (p->text);
  g_free (p);
}

/* An extended error domain (GLib 2.68): every LIMBER_ERROR carries a list
 * of problem records beside its message, empty unless a loader fills it.
 * A copied error shares the list: it is never changed once made. */
typedef struct {
  GPtrArray *problems;  /* LimberProblem*, or NULL */
} LimberErrorPrivate;

static void
limber_error_private_init (LimberErrorPrivate *priv)
{
  priv->problems = NULL;
}

static void
limber_error_private_copy (const LimberErrorPrivate *src, LimberErrorPrivate *dest)
{
  dest->problems = src->problems != NULL ? g_ptr_array_ref (src->problems) : NULL;
}

static void
limber_error_private_clear (LimberErrorPrivate *priv)
{
  g_clear_pointer (&priv->problems, g_ptr_array_unref);
}

G_DEFINE_EXTENDED_ERROR (LimberError, limber_error)

void
limber_error_add_problem (GError *error, const char *code, const char *file, unsigned line, unsigned column, const char *field,
                          const char *message, const char *text)
{
  g_return_if_fail (error != NULL && error->domain == LIMBER_ERROR);
  g_return_if_fail (code != NULL);
  LimberErrorPrivate *priv = limber_error_get_private (error);
  if (priv->problems == NULL)
    priv->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  LimberProblem *p = g_new0 (LimberProblem, 1);
  p->code = code;
  p->file = g_strdup (file);
  p->line = line;
  p->column = column;
  p->field = g_strdup (field);
  /* messages are written "what is wrong; expected what" (error.h) */
  const char *expected = g_strrstr (message, "; expected ");
  p->what = expected ? g_strndup (message, (gsize) (expected - message)) : g_strdup (message);
  p->expected = expected ? g_strdup (expected + strlen ("; expected ")) : NULL;
  /* limber_suggest_hint()'s words, closing what was expected */
  static const char open[] = " (did you mean \"", close[] = "\"?)";
  const char *hint = p->expected ? g_strrstr (p->expected, open) : NULL;
  if (hint != NULL && g_str_has_suffix (hint, close))
    p->suggestion = g_strndup (hint + strlen (open), strlen (hint) - strlen (open) - strlen (close));
  p->text = g_strdup (text);
  g_ptr_array_add (priv->problems, p);
}

guint
limber_error_get_n_problems (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);
  if (error->domain != LIMBER_ERROR)
    return 0;
  const LimberErrorPrivate *priv = limber_error_get_private (error);
  return priv->problems != NULL ? priv->problems->len : 0;
}

const LimberProblem *
limber_error_get_problem (const GError *error, guint index)
{
  g_return_val_if_fail (error != NULL, NULL);
  if (index >= limber_error_get_n_problems (error))
    return NULL;
  return g_ptr_array_index (limber_error_get_private (error)->problems, index);
}

const char *
limber_problem_get_file (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->file;
}

unsigned
limber_problem_get_line (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->line;
}

unsigned
limber_problem_get_column (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->column;
}

const char *
limber_problem_get_field (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->field;
}

const char *
limber_problem_get_what (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->what;
}

const char *
limber_problem_get_expected (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->expected;
}

const char *
limber_problem_get_text (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->text;
}

const char *
limber_problem_get_code (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->code;
}

const char *
limber_problem_get_suggestion (const LimberProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->suggestion;
}

/* ---- reports: problems gathered before the error is made ------------------- */

typedef struct {
  const char *code;
  char *file, *field, *message, *text;
  unsigned line, column;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->file);
  g_free (p->field);
  g_free (p->message);
  g_free (p->text);
  g_free (p);
}

struct _LimberReport {
  GPtrArray *problems;  /* Pending* */
};

LimberReport *
limber_report_new (void)
{
  LimberReport *r = g_new0 (LimberReport, 1);
  r->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  return r;
}

void
limber_report_free (LimberReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

void
limber_report_add (LimberReport *report, const char *code, const char *text, const char *file, unsigned line, unsigned column,
                   const char *field, const char *message)
{
  Pending *p = g_new0 (Pending, 1);
  p->code = code;
  p->text = g_strdup (text);
  p->file = g_strdup (file);
  p->line = line;
  p->column = column;
  p->field = g_strdup (field);
  p->message = g_strdup (message);
  g_ptr_array_add (report->problems, p);
}

void
limber_report_add_element (LimberReport *report, const char *code, const char *file, unsigned line, unsigned column,
                           const char *element, const char *text)
{
  g_autofree char *full = g_strdup_printf ("%s:%u:%u: <%s> %s", file, line, column, element, text);
  /* name="value" pairs up to ": " belong to the field; anything else ends them */
  const char *p = text, *field_end = NULL;
  while (g_ascii_isalpha (*p))
    {
      const char *q = p;
      while (g_ascii_isalnum (*q) || *q == '-' || *q == '_')
        q++;
      if (q[0] != '=' || q[1] != '"')
        break;
      const char *close = strchr (q + 2, '"');
      if (close == NULL)
        break;
      p = close + 1;
      if (g_str_has_prefix (p, ": "))
        {
          field_end = p;
          break;
        }
      if (*p != ' ')
        break;
      p++;
    }
  g_autofree char *field = field_end ? g_strdup_printf ("<%s> %.*s", element, (int) (field_end - text), text)
                                     : g_strdup_printf ("<%s>", element);
  limber_report_add (report, code, full, file, line, column, field, field_end ? field_end + 2 : text);
}

guint
limber_report_count (const LimberReport *report)
{
  return report->problems->len;
}

void
limber_report_set_error (const LimberReport *report, GError **error, int code)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const Pending *p = g_ptr_array_index (report->problems, i);
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, p->text);
    }
  g_set_error_literal (error, LIMBER_ERROR, code, text->str);
  g_string_free (text, TRUE);
  for (guint i = 0; error != NULL && i < report->problems->len; i++)
    {
      const Pending *p = g_ptr_array_index (report->problems, i);
      limber_error_add_problem (*error, p->code, p->file, p->line, p->column, p->field, p->message, p->text);
    }
}

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
