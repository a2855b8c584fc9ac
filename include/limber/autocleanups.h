/**
 * @file limber/autocleanups.h
 * @brief g_autoptr() support for every owned liblimber type.
 *
 * Kept apart from the module headers because the declarations below expand
 * to inline functions, which binding generators must not see: limber.h
 * includes this file, the Python binding generator reads the module headers.
 */
#ifndef LIMBER_AUTOCLEANUPS_H
#define LIMBER_AUTOCLEANUPS_H

#include <limber/ruleset.h>
#include <limber/profile.h>
#include <limber/plan.h>
#include <limber/testcase.h>
#include <limber/coverage.h>
#include <limber/audit.h>
#include <limber/lint.h>
#include <limber/simulate.h>
#include <limber/scan.h>

/** @cond AUTOCLEANUPS */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberRuleset, limber_ruleset_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProfile, limber_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberOptions, limber_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPlan, limber_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberTestCase, limber_testcase_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberTestResult, limber_test_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberCoverage, limber_coverage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberAudit, limber_audit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberLintReport, limber_lint_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSimulation, limber_simulation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberCapture, limber_capture_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberScanResult, limber_scan_result_free)
/** @endcond */

#endif
