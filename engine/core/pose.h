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
  LIMBER_INK_MOTION,        /* the motion arrow, in the accent colour */
} LimberInk;

typedef enum {
  LIMBER_SHAPE_LINE,        /* from (x1, y1) to (x2, y2) */
  LIMBER_SHAPE_CURVE,       /* quadratic: (x1, y1) to (x2, y2) bending towards (cx, cy) */
  LIMBER_SHAPE_HEAD,        /* a filled circle at (x1, y1), radius r */
  LIMBER_SHAPE_ARROW,       /* a CURVE with an arrowhead at (x2, y2), its barbs r long */
} LimberShapeKind;

typedef struct {
  LimberShapeKind kind;
  LimberInk ink;
  double x1, y1, x2, y2, cx, cy, r;
} LimberShape;

/* The shapes of one figure with its props, in drawing order (props, far
 * limbs, body, near limbs), in the pose's units with y up.  The end figure
 * ends with its motion arrow: the path of the joint that travels farthest,
 * from where it started, or for a turn too small to travel far (a pelvic
 * tilt) a curved arrow around the bone's pivot; a still pose has none.
 * A pelvis that tilts rather than moves (seen from the side) is marked in
 * both figures by a short bar across the hip, square to the lower back. */
GArray *limber_pose_shapes (const LimberPose *pose, LimberPoseFigure figure);

/* The outer ends of an ARROW's two barbs, in the pose's units: its head
 * points along the curve's end, away from its control point. */
void limber_shape_arrow_barbs (const LimberShape *arrow, double barbs[2][2]);

/* The arrow between the start and end figures of a picture w wide per
 * figure with gap between them (any unit, y down, h tall): its shaft from
 * x0 to x1 at height y, its head's barbs `head` back and aside; centred in
 * the gap, so HTML and PDF pictures read alike. */
typedef struct {
  double x0, x1, y, head;
} LimberGapArrow;
LimberGapArrow limber_pose_gap_arrow (double w, double gap, double h);

/* How a pose moves from start to end: the joint that travels farthest
 * and the bone that turns most.  A movement can be small in distance and
 * still plain to see as a turn (a pelvic tilt rocks the pelvis a few units
 * but turns the lower back by 20 degrees), so both are measured. */
typedef struct {
  gboolean still;           /* start and end are the same: a position held */
  LimberJoint joint;        /* the joint that travels farthest */
  double distance;          /* how far, in the pose's units */
  LimberJoint pivot, tip;   /* the bone that turns most, from its pivot */
  double turn;              /* by how much, in degrees: > 0 anticlockwise (y up) */
} LimberPoseMotion;

/* What a reader can see at a printed figure's size: a joint travelling
 * this far (the figures are about 100 units across), or a bone turning by
 * this many degrees. */
#define LIMBER_POSE_VISIBLE_MOVE 5.0
#define LIMBER_POSE_VISIBLE_TURN 15.0

void limber_pose_motion (const LimberPose *pose, LimberPoseMotion *motion);
/* Whether start and end differ enough for a reader to see the movement;
 * a still pose (a rest position) does not. */
gboolean limber_pose_moves_visibly (const LimberPose *pose);

/* The box both figures and their props fit in, head and a margin for the
 * strokes included, so start and end are drawn at one scale. */
void limber_pose_bounds (const LimberPose *pose, double *x0, double *y0, double *x1, double *y1);
