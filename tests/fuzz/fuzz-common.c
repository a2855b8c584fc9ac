/* What the fuzz targets share (fuzz-common.h). */
#include "fuzz-common.h"

#include <stdlib.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc, (void) argv;
  limber_fuzz_rules ();
  return 0;
}

const LimberRuleset *
limber_fuzz_rules (void)
{
  static LimberRuleset *rules = NULL;
  if (rules == NULL)
    {
      GError *error = NULL;
      rules = limber_ruleset_new_default (&error);
      if (rules == NULL)
        {
          g_printerr ("the built-in rule set does not load: %s\n", error->message);
          abort ();
        }
    }
  return rules;
}

void
limber_fuzz_outputs (const LimberPlan *plan, gboolean render)
{
  g_free (limber_plan_to_json (plan, TRUE));
  g_free (limber_plan_to_json (plan, FALSE));
  g_free (limber_plan_to_xml (plan));
  g_free (limber_plan_to_text (plan));
  if (!render)
    return;
  static const LimberRenderFormat formats[] = { LIMBER_RENDER_HTML, LIMBER_RENDER_PDF, LIMBER_RENDER_TEXT };
  static const LimberPaper papers[] = { LIMBER_PAPER_A4, LIMBER_PAPER_LETTER };
  for (size_t f = 0; f < G_N_ELEMENTS (formats); f++)
    for (size_t p = 0; p < G_N_ELEMENTS (papers); p++)
      {
        /* one PDF per input is enough: it is by far the slowest */
        if (formats[f] == LIMBER_RENDER_PDF && p > 0)
          continue;
        GError *error = NULL;
        gsize length = 0;
        unsigned char *doc = limber_plan_render (plan, formats[f], papers[p], &length, &error);
        /* a plan that was generated always renders */
        if (doc == NULL)
          {
            g_printerr ("a generated plan does not render: %s\n", error->message);
            abort ();
          }
        g_free (doc);
      }
}

void
limber_fuzz_plan (const LimberRuleset *rs, const LimberProfile *profile, uint8_t knob, gboolean render)
{
  LimberOptions *options = limber_options_new ();
  limber_options_set_start (options, knob & 0x80 ? "2026-02-23" : "2026-11-23", NULL);
  limber_options_set_days (options, 1 + knob % 28, NULL);
  limber_options_set_seed (options, knob >> 3);
  GError *error = NULL;
  LimberPlan *plan = limber_generate (rs, profile, options, &error);
  /* a profile that loaded is valid, and a valid profile always gets a plan */
  if (plan == NULL)
    {
      g_printerr ("a valid profile gets no plan: %s\n", error->message);
      abort ();
    }
  limber_fuzz_outputs (plan, render);
  limber_plan_free (plan);
  limber_options_free (options);
}

int
limber_fuzz_profile (const uint8_t *data, size_t size, LimberFuzzLoader load, const char *name)
{
  if (size > LIMBER_PROFILE_MAX_BYTES_DEFAULT)
    return -1;
  const LimberRuleset *rs = limber_fuzz_rules ();
  GError *error = NULL;
  LimberProfile *profile = load (rs, (const char *) data, (gssize) size, name, &error);
  if (profile == NULL)
    {
      g_error_free (error);
      return 0;
    }
  limber_fuzz_plan (rs, profile, size ? data[size / 2] : 0, TRUE);
  limber_profile_free (profile);
  return 0;
}
