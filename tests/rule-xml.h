/* Rule sets written in a test: the default rule set's XML with more rules
 * spliced in before its closing </rules>.  Header-only, so that the plain
 * programs (tests/threads.c) use it as the Criterion suites do. */
#pragma once

#include <string.h>

#include <glib.h>

#include <limber.h>

/* One rule, as the format writes it, appended to out. */
static inline void
limber_test_append_rule (GString *out, const char *id, const char *when, const char *then)
{
  g_string_append_printf (out,
                          "    <rule id=\"%s\" cite=\"stiff-back-routine\">\n"
                          "      <description>A rule a test added.</description>\n"
                          "      <when>%s</when>\n"
                          "      <then>%s</then>\n"
                          "    </rule>\n",
                          id, when, then);
}

/* xml (a rule set) with rules (rule elements) before its </rules>, or NULL
 * when it has none; free with g_free(). */
static inline char *
limber_test_splice_rules (const char *xml, const char *rules)
{
  const char *end = strstr (xml, "  </rules>");
  if (end == NULL)
    return NULL;
  return g_strdup_printf ("%.*s%s%s", (int) (end - xml), xml, rules, end);
}

/* The rule set of the XML file at path with rules (rule elements) spliced
 * in, loaded as `name`; NULL with error set when the file cannot be read,
 * has no </rules> or the result does not load. */
static inline LimberRuleset *
limber_test_rules_with (const char *path, const char *rules, const char *name, GError **error)
{
  g_autofree char *xml = NULL;
  if (!g_file_get_contents (path, &xml, NULL, error))
    return NULL;
  g_autofree char *spliced = limber_test_splice_rules (xml, rules);
  if (spliced == NULL)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: no </rules> to add rules before", path);
      return NULL;
    }
  return limber_ruleset_new_from_data (spliced, -1, name, error);
}
