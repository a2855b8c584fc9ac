/**
 * @file limber/plan.h
 * @brief Generating a plan, and reading and serialising what it holds.
 *
 * limber_generate() is the heart of limber: screening first (an emergency or
 * see-clinician red flag gives a referral and no exercises), then the facts a
 * profile implies (deficits, asymmetries, scores), the rules' weights with
 * exclusions and contraindications absolute, a week of training and rest
 * days filled slot by slot within the daily minutes, doses from each
 * exercise's ladder, and an explanation for every item.  The same rule set,
 * profile, options and seed always give a byte-identical plan.
 *
 * #LimberDay and #LimberItem are borrowed from their plan.
 *
 * Thread safety: options belong to one thread while they are set, and may
 * then be shared by threads that only read them (limber_generate()). A
 * plan, its days and items may be read from several threads at once, its
 * writers (JSON, XML, text) and limber_plan_render() included: the texts
 * made on first read are stored atomically, and the reasons of exercises
 * that many rules reach, which a plan of a large rule set makes on first
 * read, are made once under the plan's own lock. Free a plan from one
 * thread, once no other reads it.
 */
#ifndef LIMBER_PLAN_H
#define LIMBER_PLAN_H

#include <glib.h>
#include <limber/profile.h>
#include <limber/ruleset.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief Generation options (owned; free with limber_options_free()). */
typedef struct _LimberOptions LimberOptions;
/** @brief A generated plan (owned; free with limber_plan_free()). */
typedef struct _LimberPlan LimberPlan;
/** @brief One day of a plan (borrowed from its plan). */
typedef struct _LimberDay LimberDay;
/** @brief One exercise of a day, with its dose and explanation (borrowed from its plan). */
typedef struct _LimberItem LimberItem;

/** @brief Whether a plan holds exercises. */
typedef enum {
  LIMBER_PLAN_OK,           /**< A program of exercises. */
  LIMBER_PLAN_REFERRAL,     /**< A referral: no exercises on any day. */
  LIMBER_PLAN_NO_EXERCISES, /**< No referral, but the person's answers and constraints leave nothing to do (every
                                 exercise excluded, or too few minutes for any): no exercises on any day, and
                                 limber_plan_get_no_exercises_message() says why. */
} LimberPlanStatus;

/** @brief A side of the body. */
typedef enum {
  LIMBER_SIDE_NONE,   /**< Neither (no emphasis). */
  LIMBER_SIDE_LEFT,   /**< The left side. */
  LIMBER_SIDE_RIGHT,  /**< The right side. */
} LimberSide;

/** @brief An item's place in the week. */
typedef enum {
  LIMBER_ITEM_CORE,       /**< In the core: the same moves every training day. */
  LIMBER_ITEM_ACCESSORY,  /**< One of a few moves that rotate between days. */
} LimberItemRole;

/**
 * @brief New options: today's date as the start, 7 days, seed 0.
 * @return new options (free with limber_options_free()).
 */
LimberOptions *limber_options_new(void);

/**
 * @brief Frees options.
 * @param options options, or NULL.
 */
void limber_options_free(LimberOptions *options);

/**
 * @brief Sets the first day of the plan.
 * @param options options.
 * @param date the day as YYYY-MM-DD.
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when @p date is not a calendar date.
 * @return TRUE on success.
 */
gboolean limber_options_set_start(LimberOptions *options, const char *date, GError **error);

/**
 * @brief Sets the number of days to plan (1 to 28; default 7).
 * @param options options.
 * @param days the number of days.
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when out of range.
 * @return TRUE on success.
 */
gboolean limber_options_set_days(LimberOptions *options, unsigned days, GError **error);

/**
 * @brief Sets the seed of the weighted choices (default 0).
 * @param options options.
 * @param seed any value.
 */
void limber_options_set_seed(LimberOptions *options, guint64 seed);

/**
 * @brief Strict screening: refuse to plan while a red-flag question that could stop a plan is unanswered.
 *
 * By default (FALSE) such a profile gets a plan that says screening is incomplete
 * (limber_plan_get_screening_complete(), the JSON's "screening", a first advisory and a printed banner). With
 * TRUE, limber_generate() fails with #LIMBER_ERROR_PROFILE naming the unanswered questions instead, unless the
 * answers given already trigger a referral, which is always returned.
 * @param options options.
 * @param require TRUE to refuse incomplete screening.
 */
void limber_options_set_require_screening(LimberOptions *options, gboolean require);

/**
 * @brief The language the plan's text is written in: its exercises, reasons, doses, dates and headings.
 *
 * English ("en", the default) is the rule set itself; "de" (German) and "es" (Spanish) are built in. A code
 * may carry a region or encoding ("de_DE.UTF-8", "es-MX"): only the language counts. Ids and numbers in the
 * JSON plan never change with the language; only its text fields do. limber_generate() refuses a language the
 * rule set has no translation for (limber_ruleset_get_languages()). See docs/i18n.md.
 * @param options options.
 * @param language a language code, or NULL for English.
 * @param error return location for a #LIMBER_ERROR_OPTIONS error naming the languages limber has.
 * @return TRUE on success.
 */
gboolean limber_options_set_language(LimberOptions *options, const char *language, GError **error);

/**
 * @brief The language a plan's text is written in.
 * @param plan a plan.
 * @return its language code ("en", "de", "es"), owned by the library.
 */
const char *limber_plan_get_language(const LimberPlan *plan);

/**
 * @brief Generates a plan.
 * @param ruleset the rules.
 * @param profile the person; checked with limber_profile_validate() first.
 * @param options the options, or NULL for the defaults.
 * @param error return location for a #LIMBER_ERROR (an invalid profile or options).
 * @return a new plan (free with limber_plan_free()), or NULL on error.
 */
LimberPlan *limber_generate(const LimberRuleset *ruleset, const LimberProfile *profile,
                            const LimberOptions *options, GError **error);

/**
 * @brief Frees a plan and everything borrowed from it.
 * @param plan a plan, or NULL.
 */
void limber_plan_free(LimberPlan *plan);

/**
 * @brief Whether the plan holds exercises or is a referral.
 * @param plan a plan.
 * @return the status.
 */
LimberPlanStatus limber_plan_get_status(const LimberPlan *plan);

/**
 * @brief The most severe red-flag outcome the profile triggered.
 * @param plan a plan.
 * @return the outcome (#LIMBER_OUTCOME_NONE when none).
 */
LimberOutcome limber_plan_get_outcome(const LimberPlan *plan);

/**
 * @brief What a referral plan tells the person to do.
 * @param plan a plan.
 * @return the message (borrowed), or NULL when the plan is not a referral.
 */
const char *limber_plan_get_referral_message(const LimberPlan *plan);

/**
 * @brief Why a plan has no exercises though it is no referral.
 * @param plan a plan.
 * @return the message (borrowed), or NULL when the status is not #LIMBER_PLAN_NO_EXERCISES.
 */
const char *limber_plan_get_no_exercises_message(const LimberPlan *plan);

/**
 * @brief Whether every question a stopping red flag (emergency or see-clinician) hangs on was answered.
 * @param plan a plan.
 * @return TRUE when screening is complete.
 */
gboolean limber_plan_get_screening_complete(const LimberPlan *plan);

/**
 * @brief The number of unanswered questions a stopping red flag hangs on.
 * @param plan a plan.
 * @return the count (0 when screening is complete).
 */
unsigned limber_plan_get_n_unanswered(const LimberPlan *plan);

/**
 * @brief An unanswered screening question, in the rule set's order.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_unanswered() - 1.
 * @return the question id (borrowed), or NULL when out of range.
 */
const char *limber_plan_get_unanswered(const LimberPlan *plan, unsigned index);

/**
 * @brief The number of advisories (cautions, rule advice, safety notes).
 * @param plan a plan.
 * @return the count.
 */
unsigned limber_plan_get_n_advisories(const LimberPlan *plan);

/**
 * @brief An advisory.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_advisories() - 1.
 * @return the text (borrowed), or NULL when out of range.
 */
const char *limber_plan_get_advisory(const LimberPlan *plan, unsigned index);

/**
 * @brief The seed the plan was made with.
 * @param plan a plan.
 * @return the seed.
 */
guint64 limber_plan_get_seed(const LimberPlan *plan);

/**
 * @brief The number of days planned.
 * @param plan a plan.
 * @return the count.
 */
unsigned limber_plan_get_n_days(const LimberPlan *plan);

/**
 * @brief A day of the plan.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_days() - 1.
 * @return the day (borrowed), or NULL when out of range.
 */
const LimberDay *limber_plan_get_day(const LimberPlan *plan, unsigned index);

/**
 * @brief The plan as JSON (see docs/plan-format.md).
 * @param plan a plan.
 * @param pretty TRUE for indented output.
 * @return a new NUL-terminated string (free with g_free()).
 */
char *limber_plan_to_json(const LimberPlan *plan, gboolean pretty);

/**
 * @brief The plan as XML, with the same content as the JSON.
 * @param plan a plan.
 * @return a new NUL-terminated string (free with g_free()).
 */
char *limber_plan_to_xml(const LimberPlan *plan);

/**
 * @brief The plan as readable text, for terminals and email.
 * @param plan a plan.
 * @return a new NUL-terminated string (free with g_free()).
 */
char *limber_plan_to_text(const LimberPlan *plan);

/**
 * @brief The day's date.
 * @param day a day.
 * @return YYYY-MM-DD (borrowed).
 */
const char *limber_day_get_date(const LimberDay *day);

/**
 * @brief Whether the day is a rest day.
 * @param day a day.
 * @return TRUE for a rest day.
 */
gboolean limber_day_get_rest(const LimberDay *day);

/**
 * @brief The estimated minutes the day's items take.
 * @param day a day.
 * @return the minutes (0 on a rest day).
 */
double limber_day_get_minutes(const LimberDay *day);

/**
 * @brief The number of items on the day.
 * @param day a day.
 * @return the count (0 on a rest day or in a referral).
 */
unsigned limber_day_get_n_items(const LimberDay *day);

/**
 * @brief An item of the day, in the order to do them.
 * @param day a day.
 * @param index from 0 to limber_day_get_n_items() - 1.
 * @return the item (borrowed), or NULL when out of range.
 */
const LimberItem *limber_day_get_item(const LimberDay *day, unsigned index);

/**
 * @brief The item's exercise.
 * @param item an item.
 * @return the exercise (borrowed from the plan's rule set).
 */
const LimberExercise *limber_item_get_exercise(const LimberItem *item);

/**
 * @brief The session slot the item fills (e.g. "warm-up").
 * @param item an item.
 * @return the slot id (borrowed).
 */
const char *limber_item_get_slot(const LimberItem *item);

/**
 * @brief The prescribed dose.
 * @param item an item.
 * @param dose return location for the dose.
 */
void limber_item_get_dose(const LimberItem *item, LimberDose *dose);

/**
 * @brief The ladder step the dose comes from, counted from 1.
 * @param item an item.
 * @return the step.
 */
unsigned limber_item_get_step(const LimberItem *item);

/**
 * @brief The side that gets extra sets, if any.
 * @param item an item.
 * @return the side, #LIMBER_SIDE_NONE when no emphasis.
 */
LimberSide limber_item_get_emphasis_side(const LimberItem *item);

/**
 * @brief The extra sets on the emphasised side.
 * @param item an item.
 * @return the number of extra sets (0 when no emphasis).
 */
unsigned limber_item_get_emphasis_extra_sets(const LimberItem *item);

/**
 * @brief The estimated seconds the item takes, sides, rests and transition included.
 * @param item an item.
 * @return the seconds.
 */
double limber_item_get_seconds(const LimberItem *item);

/**
 * @brief The number of reasons explaining the item's choice and dose.
 * @param item an item.
 * @return the count.
 */
unsigned limber_item_get_n_reasons(const LimberItem *item);

/**
 * @brief One reason: the rule (or engine step) and its effect.
 * @param item an item.
 * @param index from 0 to limber_item_get_n_reasons() - 1.
 * @param effect return location for the effect (borrowed), or NULL.
 * @return the rule id or engine step (borrowed), or NULL when out of range.
 */
const char *limber_item_get_reason(const LimberItem *item, unsigned index, const char **effect);

/**
 * @brief Why the item is in the plan, as one sentence a person understands,
 *        with their own values ("Extra set on your right: ...").
 *
 * Built from the rule set's reason templates (a rule's, the routine's or the
 * slot's); never a rule id.  limber_item_get_reason() keeps the structured
 * trace alongside.
 * @param item an item.
 * @return the sentence (borrowed), or NULL when the rule set gives none.
 */
const char *limber_item_get_explanation(const LimberItem *item);

/**
 * @brief The name of the item's exercise as the plan writes it: in the plan's language
 * (limber_options_set_language()), the rule set's name in English.
 * @param item an item.
 * @return the name (borrowed).
 */
const char *limber_item_get_name(const LimberItem *item);

/**
 * @brief Whether the item belongs to the week's core, done every training
 *        day, or is one of the few accessories that rotate between days.
 * @param item an item.
 * @return the item's role.
 */
LimberItemRole limber_item_get_role(const LimberItem *item);

/**
 * @brief The ladder step the person was at before this plan (from the log).
 * @param item an item.
 * @return the 1-based step reached in the logged sessions, 0 when the exercise was never logged.
 */
unsigned limber_item_get_previous_step(const LimberItem *item);

/**
 * @brief How many measures the rules asked the plan to work on (deficits
 *        and asymmetries a rule acted on through a measure target).
 * @param plan a plan.
 * @return the number of focus measures; 0 for a referral.
 */
unsigned limber_plan_get_n_focus(const LimberPlan *plan);

/**
 * @brief A focus measure and the exercise that covers it every training day.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_focus() - 1.
 * @param covered_by (out, optional) the covering exercise's id (borrowed), or
 *        NULL when the person's constraints leave no exercise for it.
 * @return the measure id (borrowed), or NULL when index is out of range.
 */
const char *limber_plan_get_focus(const LimberPlan *plan, unsigned index, const char **covered_by);

/**
 * @brief The plan's first day.
 * @param plan a plan.
 * @return the date as YYYY-MM-DD (borrowed).
 */
const char *limber_plan_get_start(const LimberPlan *plan);

/**
 * @brief The goal the plan was made for (the profile's).
 * @param plan a plan.
 * @return the goal.
 */
LimberGoal limber_plan_get_goal(const LimberPlan *plan);

/**
 * @brief The rule set the plan was made with; the plan holds a reference to it.
 * @param plan a plan.
 * @return the rule set (borrowed: valid while the plan is): its id, version and sha256 through limber/ruleset.h.
 */
const LimberRuleset *limber_plan_get_ruleset(const LimberPlan *plan);

/**
 * @brief How many rules' conditions held for the person.
 * @param plan a plan.
 * @return the number of rules fired; 0 for a referral, which stops before the rules.
 */
unsigned limber_plan_get_n_rules_fired(const LimberPlan *plan);

/**
 * @brief A rule whose condition held, in the rule set's order.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_rules_fired() - 1.
 * @return the rule's id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_plan_get_rule_fired(const LimberPlan *plan, unsigned index);

/**
 * @brief How many red flags are behind the plan's referral.
 * @param plan a plan.
 * @return the number of flags; 0 unless the plan is a referral.
 */
unsigned limber_plan_get_n_referral_flags(const LimberPlan *plan);

/**
 * @brief A red flag behind the referral.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_referral_flags() - 1.
 * @return the flag's id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_plan_get_referral_flag(const LimberPlan *plan, unsigned index);

/**
 * @brief How many measures of the scan are below normal on a side.
 * @param plan a plan.
 * @return the number of deficits the plan saw.
 */
unsigned limber_plan_get_n_deficits(const LimberPlan *plan);

/**
 * @brief A measure below normal, as the plan read it from the newest scan.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_deficits() - 1.
 * @param left (out, optional) the left side's value (an unsided measure: its value).
 * @param right (out, optional) the right side's value (an unsided measure: its value).
 * @param deficit_left (out, optional) how far the left side is below normal, 0 when it is not.
 * @param deficit_right (out, optional) how far the right side is below normal, 0 when it is not.
 * @return the measure's id (borrowed), or NULL when @p index is out of range (the outputs are then 0).
 */
const char *limber_plan_get_deficit(const LimberPlan *plan, unsigned index, double *left, double *right,
                                    double *deficit_left, double *deficit_right);

/**
 * @brief How many measures differ between the sides by their meaningful amount or more.
 * @param plan a plan.
 * @return the number of asymmetries the plan saw.
 */
unsigned limber_plan_get_n_asymmetries(const LimberPlan *plan);

/**
 * @brief A meaningful difference between the sides of a measure.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_asymmetries() - 1.
 * @param difference (out, optional) the difference, in the measure's unit.
 * @param tighter (out, optional) the side with less range.
 * @return the measure's id (borrowed), or NULL when @p index is out of range (the outputs are then 0 and
 *   #LIMBER_SIDE_NONE).
 */
const char *limber_plan_get_asymmetry(const LimberPlan *plan, unsigned index, double *difference, LimberSide *tighter);

/**
 * @brief How many questionnaire scores the rule set computes (STarT Back...).
 * @param plan a plan.
 * @return the number of scores.
 */
unsigned limber_plan_get_n_scores(const LimberPlan *plan);

/**
 * @brief A questionnaire score as the person's answers make it.
 * @param plan a plan.
 * @param index from 0 to limber_plan_get_n_scores() - 1.
 * @param total (out, optional) the total of the answered items.
 * @param complete (out, optional) whether every item was answered.
 * @param category (out, optional) the category's id (borrowed), or NULL when the score is incomplete (a rule
 *   never acts on a guess).
 * @return the score's id (borrowed), or NULL when @p index is out of range.
 */
const char *limber_plan_get_score(const LimberPlan *plan, unsigned index, double *total, gboolean *complete,
                                  const char **category);

#pragma GCC visibility pop
G_END_DECLS

#endif
