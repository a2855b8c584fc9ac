/* Prints a week for a default profile as HTML through the installed print library. */
#include <limber.h>
#include <stdio.h>
#include <string.h>

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rules = limber_ruleset_new_default (&error);
  if (rules == NULL)
    return fprintf (stderr, "%s\n", error->message), 1;
  g_autoptr (LimberProfile) person = limber_profile_new ();
  g_autoptr (LimberPlan) plan = limber_generate (rules, person, NULL, &error);
  if (plan == NULL)
    return fprintf (stderr, "%s\n", error->message), 1;
  gsize length = 0;
  g_autofree unsigned char *html = limber_plan_render (plan, LIMBER_RENDER_HTML, LIMBER_PAPER_A4, &length, &error);
  if (html == NULL)
    return fprintf (stderr, "%s\n", error->message), 1;
  printf ("%s html %s\n", limber_version (), strstr ((const char *) html, "<html") ? "ok" : "missing");
  return 0;
}
