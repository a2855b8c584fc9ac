/* Rule sets written in a test: the default rule set's XML with more rules
 * spliced in before its closing </rules>.  Header-only, so that the plain
 * programs (tests/threads.c) use it as the Criterion suites do. */
#pragma once

#include <string.h>

#include <glib.h>

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
