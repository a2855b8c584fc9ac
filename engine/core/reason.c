/* Filling a reason's placeholders from the facts of one generation. */
#include "reason.h"

#include <math.h>
#include <string.h>

#include "i18n.h"
#include "number-format.h"
#include "plan-private.h"

/* The placeholders, in the order append_value() switches on. */
typedef enum {
  P_SIDE, P_OTHER_SIDE, P_TIGHTER, P_LOOSER, P_LEFT, P_RIGHT, P_LOWER, P_NORMAL, P_DEFICIT, P_UNIT, P_AGE,
} Placeholder;

static const char *const placeholder_names[] = {
  "side", "other-side", "tighter", "looser", "left", "right", "lower", "normal", "deficit", "unit", "age",
};

/* The placeholder of the len bytes at name, or -1. */
static int
placeholder_of (const char *name, gsize len)
{
  for (unsigned i = 0; i < G_N_ELEMENTS (placeholder_names); i++)
    if (strncmp (name, placeholder_names[i], len) == 0 && placeholder_names[i][len] == '\0')
      return (int) i;
  return -1;
}

int
limber_reason_placeholder (const char *name)
{
  int p = name ? placeholder_of (name, strlen (name)) : -1;
  return p < 0 ? -1 : p == P_AGE ? 0 : 1;
}

static void
append_number_lang (GString *out, double value, LimberLang lang)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  limber_number_format (buf, value, 0);
  g_string_append (out, limber_lang_decimal (lang, buf));
}

static void
append_value (GString *out, Placeholder p, const LimberFacts *f, int measure, LimberLang lang)
{
  if (p == P_AGE)
    {
      append_number_lang (out, f->profile->age, lang);
      return;
    }
  const LimberMeasure *m = g_ptr_array_index (f->rs->measures, measure);
  const LimberMeasureFact *mf = &f->measures[measure];
  /* the tighter side; when both are equal, the left stands for both */
  gboolean right_tighter = mf->tighter == LIMBER_SIDE_RIGHT;
  switch (p)
    {
    case P_SIDE:
      g_string_append (out, limber_msg (lang, right_tighter ? "right" : "left"));
      return;
    case P_OTHER_SIDE:
      g_string_append (out, limber_msg (lang, right_tighter ? "left" : "right"));
      return;
    case P_UNIT:
      g_string_append (out, g_strcmp0 (m->unit, "deg") == 0 ? "\u00b0" : m->unit ? m->unit : "");
      return;
    default:
      break;
    }
  double value = p == P_TIGHTER  ? (right_tighter ? mf->right : mf->left)
                 : p == P_LOOSER ? (right_tighter ? mf->left : mf->right)
                 : p == P_LEFT   ? mf->left
                 : p == P_RIGHT  ? mf->right
                 : p == P_LOWER  ? MIN (mf->left, mf->right)
                 : p == P_NORMAL ? m->normal
                                 : MAX (mf->deficit_left, mf->deficit_right);  /* P_DEFICIT */
  append_number_lang (out, value, lang);
}

void
limber_reason_render_into (const LimberRule *rule, const LimberFacts *f, GString *out)
{
  limber_reason_render_lang (rule, f, NULL, LIMBER_LANG_EN, out);
}

void
limber_reason_render_lang (const LimberRule *rule, const LimberFacts *f, const LimberTranslation *tr, LimberLang lang,
                           GString *out)
{
  if (rule->reason == NULL)
    return;
  /* the translated template, its placeholders checked against the English
   * when the translation was loaded (i18n.c) */
  const char *p = limber_tr (tr, rule->reason);
  for (const char *open; (open = strchr (p, '{')) != NULL;)
    {
      const char *close = strchr (open, '}');
      if (close == NULL)
        break;
      g_string_append_len (out, p, open - p);
      int ph = placeholder_of (open + 1, (gsize) (close - open - 1));
      if (ph == P_AGE || (ph >= 0 && rule->reason_measure >= 0 && f->measures[rule->reason_measure].present))
        append_value (out, (Placeholder) ph, f, rule->reason_measure, lang);
      p = close + 1;
    }
  g_string_append (out, p);
}
