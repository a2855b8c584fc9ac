/* limber_plan_render(): checks the request and hands it to a format. */
#include "render-private.h"

#include <string.h>

#include "limber/error.h"

unsigned char *
limber_plan_render (const LimberPlan *plan, LimberRenderFormat format, LimberPaper paper, gsize *length,
                    GError **error)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((unsigned) paper > LIMBER_PAPER_LETTER)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
                   "paper: %d is not a paper size; expected LIMBER_PAPER_A4 or LIMBER_PAPER_LETTER", (int) paper);
      return NULL;
    }
  gsize n = 0;
  unsigned char *out = NULL;
  switch (format)
    {
    case LIMBER_RENDER_TEXT:
      {
        char *text = limber_plan_to_text (plan);
        n = strlen (text);
        out = (unsigned char *) text;
        break;
      }
    case LIMBER_RENDER_HTML:
      {
        g_autoptr (LimberPrint) print = limber_print_new (plan);
        out = limber_render_html (print, paper, &n);
        break;
      }
    case LIMBER_RENDER_PDF:
      {
        g_autoptr (LimberPrint) print = limber_print_new (plan);
        out = limber_render_pdf (print, paper, &n, error);
        break;
      }
    default:
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
                   "format: %d is not a render format; expected LIMBER_RENDER_PDF, LIMBER_RENDER_HTML or "
                   "LIMBER_RENDER_TEXT", (int) format);
      return NULL;
    }
  if (out != NULL && length != NULL)
    *length = n;
  return out;
}
