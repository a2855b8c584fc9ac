/* The names the formats give the engine's enums (goals, outcomes,
 * positions, postures, sides), both ways.  Shared by the core and the print
 * library (the top CMakeLists.txt: limber-common), so nothing here may
 * hold state or be part of the public API. */
#include "plan-private.h"
#include "ruleset-private.h"

static const char *const goal_names[] = { "recovery", "flexibility", "performance" };
static const char *const outcome_names[] = { "none", "caution", "see-clinician", "emergency" };
static const char *const position_names[] = { "standing", "seated", "kneeling", "floor", "wall" };
static const char *const posture_names[] = { "standing", "seated", "supine", "side-lying", "quadruped", "kneeling",
                                              "prone" };

const char *
limber_posture_to_string (LimberPosture posture)
{
  g_return_val_if_fail ((unsigned) posture < G_N_ELEMENTS (posture_names), NULL);
  return posture_names[posture];
}

gboolean
limber_posture_from_string (const char *s, LimberPosture *posture)
{
  for (unsigned i = 0; i < G_N_ELEMENTS (posture_names); i++)
    if (g_strcmp0 (s, posture_names[i]) == 0)
      {
        *posture = (LimberPosture) i;
        return TRUE;
      }
  return FALSE;
}

const char *
limber_goal_to_string (LimberGoal goal)
{
  g_return_val_if_fail ((unsigned) goal < G_N_ELEMENTS (goal_names), NULL);
  return goal_names[goal];
}

gboolean
limber_goal_from_string (const char *s, LimberGoal *goal)
{
  for (unsigned i = 0; i < G_N_ELEMENTS (goal_names); i++)
    if (g_strcmp0 (s, goal_names[i]) == 0)
      {
        *goal = (LimberGoal) i;
        return TRUE;
      }
  return FALSE;
}

const char *
limber_outcome_to_string (LimberOutcome outcome)
{
  g_return_val_if_fail ((unsigned) outcome < G_N_ELEMENTS (outcome_names), NULL);
  return outcome_names[outcome];
}

const char *
limber_position_to_string (LimberPosition position)
{
  g_return_val_if_fail ((unsigned) position < G_N_ELEMENTS (position_names), NULL);
  return position_names[position];
}

const char *
limber_side_to_string (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      return "left";
    case LIMBER_SIDE_RIGHT:
      return "right";
    case LIMBER_SIDE_NONE:
    default:
      return NULL;
    }
}
