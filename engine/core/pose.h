/*
 * Stick-figure poses: the <pose> of an exercise (rules/limber-ruleset.xsd,
 * docs/rules-format.md) read into numbers, and turned into the shapes a
 * printed plan draws.  The renderers (render-pdf.c with cairo, render-html.c
 * as SVG) draw the same shapes, so a picture looks the same on paper and on
 * screen.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

typedef enum {
  LIMBER_JOINT_HEAD,
  LIMBER_JOINT_NECK,
  LIMBER_JOINT_BACK,        /* optional: the middle of a bent back */
  LIMBER_JOINT_HIP,
  LIMBER_JOINT_KNEE_L,
  LIMBER_JOINT_ANKLE_L,
  LIMBER_JOINT_TOE_L,       /* optional */
  LIMBER_JOINT_KNEE_R,
  LIMBER_JOINT_ANKLE_R,
  LIMBER_JOINT_TOE_R,       /* optional */
  LIMBER_JOINT_ELBOW_L,
  LIMBER_JOINT_HAND_L,
  LIMBER_JOINT_ELBOW_R,
  LIMBER_JOINT_HAND_R,
  LIMBER_N_JOINTS
} LimberJoint;

typedef struct {
  double x, y;              /* 0-100, y up from the floor */
  gboolean set;
} LimberPoint;

typedef struct {
  LimberPoint joints[LIMBER_N_JOINTS];
} LimberFigure;

typedef enum {
  LIMBER_VIEW_SIDE,         /* facing right; -l limbs are the far ones */
  LIMBER_VIEW_FRONT,
  LIMBER_VIEW_TOP,          /* from above: no floor */
} LimberView;

typedef enum {
  LIMBER_POSE_START,
  LIMBER_POSE_END,
  LIMBER_POSE_N_FIGURES
} LimberPoseFigure;

typedef struct _LimberPose LimberPose;
struct _LimberPose {
  LimberView view;
  LimberFigure figures[LIMBER_POSE_N_FIGURES];
  gboolean has_chair;
  LimberPoint chair;        /* the front edge of the seat */
  gboolean has_wall;
  double wall_x;
};

/* The head's radius, in the pose's units. */
#define LIMBER_POSE_HEAD_RADIUS 6.0

/* Reads a <pose> element the schema has already checked; NULL gives NULL,
 * so the loader can pass whatever child it found. */
LimberPose *limber_pose_read (xmlNode *pose);
void limber_pose_free (LimberPose *pose);

typedef enum {
  LIMBER_INK_PROP,          /* floor, chair, wall */
  LIMBER_INK_FAR,           /* the far limbs of a side view */
  LIMBER_INK_BODY,
} LimberInk;

typedef enum {
  LIMBER_SHAPE_LINE,        /* from (x1, y1) to (x2, y2) */
  LIMBER_SHAPE_CURVE,       /* quadratic: (x1, y1) to (x2, y2) bending towards (cx, cy) */
  LIMBER_SHAPE_HEAD,        /* a filled circle at (x1, y1), radius r */
} LimberShapeKind;

typedef struct {
  LimberShapeKind kind;
  LimberInk ink;
  double x1, y1, x2, y2, cx, cy, r;
} LimberShape;

/* The shapes of one figure with its props, in drawing order (props, far
 * limbs, body, near limbs), in the pose's units with y up. */
GArray *limber_pose_shapes (const LimberPose *pose, LimberPoseFigure figure);

/* The box both figures and their props fit in, head and a margin for the
 * strokes included, so start and end are drawn at one scale. */
void limber_pose_bounds (const LimberPose *pose, double *x0, double *y0, double *x1, double *y1);
