/* Plans a week for a default profile through the installed library. */
#include <limber.h>
#include <stdio.h>

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
  printf ("%s %u days\n", limber_version (), limber_plan_get_n_days (plan));
  return 0;
}
