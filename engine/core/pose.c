/* An exercise's <pose>, read from the rule set (pose-shapes.c draws it). */
#include "pose.h"

#include <string.h>

static const char *const joint_names[LIMBER_N_JOINTS] = {
  [LIMBER_JOINT_HEAD] = "head",       [LIMBER_JOINT_NECK] = "neck",       [LIMBER_JOINT_BACK] = "back",
  [LIMBER_JOINT_HIP] = "hip",         [LIMBER_JOINT_KNEE_L] = "knee-l",   [LIMBER_JOINT_ANKLE_L] = "ankle-l",
  [LIMBER_JOINT_TOE_L] = "toe-l",     [LIMBER_JOINT_KNEE_R] = "knee-r",   [LIMBER_JOINT_ANKLE_R] = "ankle-r",
  [LIMBER_JOINT_TOE_R] = "toe-r",     [LIMBER_JOINT_ELBOW_L] = "elbow-l", [LIMBER_JOINT_HAND_L] = "hand-l",
  [LIMBER_JOINT_ELBOW_R] = "elbow-r", [LIMBER_JOINT_HAND_R] = "hand-r",
};

/* "x,y"; the schema has checked the shape, this only converts it. */
static LimberPoint
parse_point (const char *text)
{
  LimberPoint p = { 0 };
  if (text == NULL)
    return p;
  char *end = NULL;
  p.x = g_ascii_strtod (text, &end);
  if (end == NULL || *end != ',')
    return p;
  p.y = g_ascii_strtod (end + 1, &end);
  p.set = end != NULL && *end == '\0';
  return p;
}

static LimberPoint
point_attr (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  LimberPoint p = parse_point ((const char *) value);
  xmlFree (value);
  return p;
}

static void
read_figure (xmlNode *node, LimberFigure *figure)
{
  for (unsigned j = 0; j < LIMBER_N_JOINTS; j++)
    figure->joints[j] = point_attr (node, joint_names[j]);
}

LimberPose *
limber_pose_read (xmlNode *pose)
{
  if (pose == NULL)
    return NULL;
  LimberPose *p = g_new0 (LimberPose, 1);
  xmlChar *view = xmlGetProp (pose, BAD_CAST "view");
  p->view = g_strcmp0 ((const char *) view, "front") == 0 ? LIMBER_VIEW_FRONT
            : g_strcmp0 ((const char *) view, "top") == 0 ? LIMBER_VIEW_TOP
                                                          : LIMBER_VIEW_SIDE;
  xmlFree (view);
  p->chair = point_attr (pose, "chair");
  p->has_chair = p->chair.set;
  xmlChar *wall = xmlGetProp (pose, BAD_CAST "wall");
  if (wall != NULL)
    {
      p->has_wall = TRUE;
      p->wall_x = g_ascii_strtod ((const char *) wall, NULL);
      xmlFree (wall);
    }
  for (xmlNode *c = pose->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) c->name, "start") == 0)
        read_figure (c, &p->figures[LIMBER_POSE_START]);
      else if (strcmp ((const char *) c->name, "end") == 0)
        read_figure (c, &p->figures[LIMBER_POSE_END]);
    }
  return p;
}

void
limber_pose_free (LimberPose *pose)
{
  g_free (pose);
}
