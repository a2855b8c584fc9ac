/*
 * bench-audit: the session-quality figures of the default rule set (the
 * figures `limber audit` prints, docs/audit.md) over a generated population,
 * and what measuring them costs.
 *
 *   bench-audit [N_PROFILES (default 2000)] [SEED (default 0)]
 */
#include <stdio.h>
#include <stdlib.h>

#include <limber.h>

int
main (int argc, char **argv)
{
  unsigned long n = argc > 1 ? strtoul (argv[1], NULL, 10) : 2000;
  unsigned long long seed = argc > 2 ? strtoull (argv[2], NULL, 10) : 0;
  if (n == 0 || n > 1000000)
    {
      fprintf (stderr, "usage: bench-audit [N_PROFILES 1..1000000] [SEED]\n");
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_default (&error);
  if (rs == NULL)
    g_error ("%s", error->message);
  g_autoptr (LimberAudit) audit = limber_audit_new (rs);
  gint64 t0 = g_get_monotonic_time ();
  if (!limber_audit_add_population (audit, (unsigned) n, seed, NULL, &error))
    g_error ("%s", error->message);
  double seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_autofree char *text = limber_audit_to_text (audit);
  fputs (text, stdout);
  printf ("\nprofiles/s      %.0f (generating and measuring, seed %llu)\n", n / seconds, seed);
  return 0;
}
