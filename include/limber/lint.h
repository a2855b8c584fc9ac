/**
 * @file limber/lint.h
 * @brief Lint: what a valid rule set gets wrong.
 *
 * Loading a rule set refuses what is broken (a dangling reference, a
 * threshold no measurement can reach).  Lint looks for what loads but
 * cannot be what the author meant: rules that can never fire, actions an
 * exclusion always cancels, exercises no profile can get, ladder steps
 * progression cannot tell apart, duplicate or cancelling rules, placeholder
 * messages and sources.  Each finding has a code (`L001`...), a severity,
 * the line of the element concerned and a one-line fix hint;
 * `docs/rule-testing.md` lists the codes.
 *
 * #LimberLintFinding objects are borrowed from their report.
 *
 * Thread safety: linting only reads the rule set, so several threads may
 * lint one rule set at once; a report belongs to the thread that reads
 * it.
 */
#ifndef LIMBER_LINT_H
#define LIMBER_LINT_H

#include <glib.h>
#include <limber/ruleset.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief The findings of linting one rule set (owned; free with limber_lint_report_free()). */
typedef struct _LimberLintReport LimberLintReport;
/** @brief One finding (borrowed from its report). */
typedef struct _LimberLintFinding LimberLintFinding;

/** @brief How much a finding matters, from least to most. */
typedef enum {
  LIMBER_LINT_INFO,     /**< Worth knowing; nothing is wrong with the plans. */
  LIMBER_LINT_WARNING,  /**< Something does not do what it says (dead or redundant content). */
  LIMBER_LINT_ERROR,    /**< A safety or clinical promise is broken (a rule that can never fire, a placeholder message). */
} LimberLintSeverity;

/**
 * @brief Lints a loaded rule set.
 * @param ruleset the rule set.
 * @return a new report, findings in line order (free with limber_lint_report_free()).
 */
LimberLintReport *limber_lint(const LimberRuleset *ruleset);

/**
 * @brief Frees a report and its findings.
 * @param report a report, or NULL.
 */
void limber_lint_report_free(LimberLintReport *report);

/**
 * @brief The number of findings.
 * @param report a report.
 * @return the count (0: the rule set lints clean).
 */
unsigned limber_lint_report_get_n_findings(const LimberLintReport *report);

/**
 * @brief The number of findings of at least a severity.
 * @param report a report.
 * @param severity the least severity to count.
 * @return the count.
 */
unsigned limber_lint_report_count(const LimberLintReport *report, LimberLintSeverity severity);

/**
 * @brief A finding, in line order.
 * @param report a report.
 * @param index from 0 to limber_lint_report_get_n_findings() - 1.
 * @return the finding (borrowed), or NULL when @p index is out of range.
 */
const LimberLintFinding *limber_lint_report_get_finding(const LimberLintReport *report, unsigned index);

/**
 * @brief The report as text, one line per finding: `FILE:LINE: SEVERITY CODE: message; fix: hint`.
 * @param report a report.
 * @return a new NUL-terminated text, empty when there is no finding (free with g_free()).
 */
char *limber_lint_report_to_text(const LimberLintReport *report);

/**
 * @brief The report as JSON, for tools: the rule set and an array of findings.
 * @param report a report.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated JSON document (free with g_free()).
 */
char *limber_lint_report_to_json(const LimberLintReport *report, gboolean pretty);

/**
 * @brief The finding's code, such as "L001".
 * @param finding a finding.
 * @return the code (borrowed).
 */
const char *limber_lint_finding_get_code(const LimberLintFinding *finding);

/**
 * @brief The finding's severity.
 * @param finding a finding.
 * @return the severity.
 */
LimberLintSeverity limber_lint_finding_get_severity(const LimberLintFinding *finding);

/**
 * @brief The line of the element concerned in the rule-set file.
 * @param finding a finding.
 * @return the line, from 1.
 */
int limber_lint_finding_get_line(const LimberLintFinding *finding);

/**
 * @brief The id of what the finding is about (a rule, exercise, red flag, source...).
 * @param finding a finding.
 * @return the id (borrowed).
 */
const char *limber_lint_finding_get_subject(const LimberLintFinding *finding);

/**
 * @brief What is wrong, in one line.
 * @param finding a finding.
 * @return the message (borrowed).
 */
const char *limber_lint_finding_get_message(const LimberLintFinding *finding);

/**
 * @brief How to fix it, in one line.
 * @param finding a finding.
 * @return the hint (borrowed).
 */
const char *limber_lint_finding_get_hint(const LimberLintFinding *finding);

/**
 * @brief A severity's name: "info", "warning" or "error".
 * @param severity a severity.
 * @return the name (static).
 */
const char *limber_lint_severity_to_string(LimberLintSeverity severity);

#pragma GCC visibility pop
G_END_DECLS

#endif
