/* Filling a reason's placeholders from the facts of one generation. */
#include "reason.h"

#include <math.h>
#include <string.h>

#include "i18n.h"
#include "number-format.h"
#include "plan-private.h"

static const struct {
  const char *name;
  int needs_measure;
} placeholders[] = {
  { "side", 1 },   { "other-side", 1 }, { "tighter", 1 }, { "looser", 1 }, { "left", 1 },  { "right", 1 },
  { "lower", 1 },  { "normal", 1 },     { "deficit", 1 }, { "unit", 1 },   { "age", 0 },
};

int
limber_reason_placeholder (const char *name)
{
  for (unsigned i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_strcmp0 (name, placeholders[i].name) == 0)
      return placeholders[i].needs_measure;
  return -1;
}

static void
append_number_lang (GString *out, double value, LimberLang lang)
{
  char buf[LIMBER_NUMBER_BUF_SIZE];
  limber_number_format (buf, value, 0);
  g_string_append (out, limber_lang_decimal (lang, buf));
}

static void
append_value (GString *out, const char *name, const LimberFacts *f, int measure, LimberLang lang)
{
#define append_number(out, value) append_number_lang (out, value, lang)
  if (g_str_equal (name, "age"))
    {
      append_number (out, f->profile->age);
      return;
    }
  const LimberMeasure *m = g_ptr_array_index (f->rs->measures, measure);
  const LimberMeasureFact *mf = &f->measures[measure];
  /* the tighter side; when both are equal, the left stands for both */
  gboolean right_tighter = mf->tighter == LIMBER_SIDE_RIGHT;
  if (g_str_equal (name, "side"))
    g_string_append (out, limber_msg (lang, right_tighter ? "right" : "left"));
  else if (g_str_equal (name, "other-side"))
    g_string_append (out, limber_msg (lang, right_tighter ? "left" : "right"));
  else if (g_str_equal (name, "tighter"))
    append_number (out, right_tighter ? mf->right : mf->left);
  else if (g_str_equal (name, "looser"))
    append_number (out, right_tighter ? mf->left : mf->right);
  else if (g_str_equal (name, "left"))
    append_number (out, mf->left);
  else if (g_str_equal (name, "right"))
    append_number (out, mf->right);
  else if (g_str_equal (name, "lower"))
    append_number (out, MIN (mf->left, mf->right));
  else if (g_str_equal (name, "normal"))
    append_number (out, m->normal);
  else if (g_str_equal (name, "deficit"))
    append_number (out, MAX (mf->deficit_left, mf->deficit_right));
  else if (g_str_equal (name, "unit"))
    g_string_append (out, g_strcmp0 (m->unit, "deg") == 0 ? "\u00b0" : m->unit ? m->unit : "");
#undef append_number
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
      char name[32];
      gsize n = MIN ((gsize) (close - open - 1), sizeof name - 1);
      memcpy (name, open + 1, n);
      name[n] = '\0';
      int kind = limber_reason_placeholder (name);
      if (kind == 0 || (kind == 1 && rule->reason_measure >= 0 && f->measures[rule->reason_measure].present))
        append_value (out, name, f, rule->reason_measure, lang);
      p = close + 1;
    }
  g_string_append (out, p);
}
