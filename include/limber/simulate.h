/**
 * @file limber/simulate.h
 * @brief Running a program over weeks with synthetic logs, to see what rules do before a person does.
 *
 * Each simulated week generates the plan from the profile and everything
 * logged so far, logs the sessions a person with the given adherence would
 * have done (with discomfort and range of motion following a response
 * model), adds a dated re-scan at the end of the week, and moves on.  The
 * same inputs and seed always give the same trajectory.
 *
 * Thread safety: a simulation only reads its rule set and starting
 * profile, so several may run at once from one rule set; a simulation
 * result belongs to one thread at a time.
 */
#ifndef LIMBER_SIMULATE_H
#define LIMBER_SIMULATE_H

#include <glib.h>
#include <limber/plan.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief A simulated run of several weeks (owned; free with limber_simulation_free()). */
typedef struct _LimberSimulation LimberSimulation;

/** @brief How the simulated person responds to the program. */
typedef enum {
  LIMBER_RESPONSE_IMPROVING,  /**< Discomfort eases, range grows (most on the tighter side). */
  LIMBER_RESPONSE_PLATEAU,    /**< Mild steady discomfort, range unchanged. */
  LIMBER_RESPONSE_FLARE_UP,   /**< Fine for two weeks, then discomfort above 5/10 and worse the next morning. */
} LimberResponse;

/**
 * @brief Parses a response model name ("improving", "plateau", "flare-up").
 * @param name the name.
 * @param response return location for the model.
 * @return TRUE when @p name is a model's name.
 */
gboolean limber_response_from_string(const char *name, LimberResponse *response);

/**
 * @brief Simulates weeks of the program.
 * @param ruleset the rules.
 * @param profile the starting profile (not modified).
 * @param options the first week's start and the seed (NULL: today, seed 0); the number of days is ignored.
 * @param weeks the number of weeks, 1 to 52.
 * @param adherence the share of planned sessions done, 0 to 1.
 * @param response the response model.
 * @param error return location for a #LIMBER_ERROR (invalid profile, weeks or adherence).
 * @return a new simulation, or NULL on error.
 */
LimberSimulation *limber_simulate(const LimberRuleset *ruleset, const LimberProfile *profile,
                                  const LimberOptions *options, unsigned weeks, double adherence,
                                  LimberResponse response, GError **error);

/**
 * @brief Frees a simulation and the plans borrowed from it.
 * @param simulation a simulation, or NULL.
 */
void limber_simulation_free(LimberSimulation *simulation);

/**
 * @brief The number of weeks simulated (fewer than asked when a referral ended the run).
 * @param simulation a simulation.
 * @return the count.
 */
unsigned limber_simulation_get_n_weeks(const LimberSimulation *simulation);

/**
 * @brief The plan of one week.
 * @param simulation a simulation.
 * @param week from 0 to limber_simulation_get_n_weeks() - 1.
 * @return the plan (borrowed), or NULL when out of range.
 */
const LimberPlan *limber_simulation_get_plan(const LimberSimulation *simulation, unsigned week);

/**
 * @brief The profile at the end of the run: the starting one with every synthetic session and re-scan.
 * @param simulation a simulation.
 * @return the profile (borrowed).
 */
const LimberProfile *limber_simulation_get_profile(const LimberSimulation *simulation);

/**
 * @brief The trajectory as JSON: per week, per exercise (step, discomfort) and per measure (range).
 * @param simulation a simulation.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated string (free with g_free()).
 */
char *limber_simulation_to_json(const LimberSimulation *simulation, gboolean pretty);

/**
 * @brief The trajectory as CSV, one row per week and exercise or measure.
 * @param simulation a simulation.
 * @return a new NUL-terminated string (free with g_free()).
 */
char *limber_simulation_to_csv(const LimberSimulation *simulation);

#pragma GCC visibility pop
G_END_DECLS

#endif
