/**
 * @file limber.h
 * @brief The umbrella header of liblimber: include this one.
 *
 * liblimber turns a person's body scan, goal, screening answers and logged
 * sessions into a safe, progressive weekly program of stretches and mobility
 * work, driven by an XML rule set.  Start with limber/ruleset.h.
 */
#ifndef LIMBER_H
#define LIMBER_H

#include <limber/version.h>
#include <limber/error.h>
#include <limber/ruleset.h>
#include <limber/profile.h>
#include <limber/plan.h>
#include <limber/progress.h>
#include <limber/testcase.h>
#include <limber/coverage.h>
#include <limber/audit.h>
#include <limber/lint.h>
#include <limber/render.h>
#include <limber/simulate.h>
#include <limber/scan.h>
#include <limber/autocleanups.h>

#endif
