/* An exercise's pose described as shapes for the printed plan: lines,
 * circles and props, and the box they fit in.  Shared by the core and the
 * print library (limber-common): no XML here, no state. */
#include "pose.h"

/* Room around the figures so that round stroke ends stay inside the box. */
#define MARGIN 3.0
/* Props, in the pose's units: a chair's seat depth, backrest and a wall's height. */
#define SEAT_DEPTH 18.0
#define BACKREST 24.0

static void
add_line (GArray *shapes, LimberInk ink, double x1, double y1, double x2, double y2)
{
  LimberShape s = { .kind = LIMBER_SHAPE_LINE, .ink = ink, .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2 };
  g_array_append_val (shapes, s);
}

/* A bone between two joints, when both are given. */
static void
add_bone (GArray *shapes, LimberInk ink, const LimberFigure *f, LimberJoint a, LimberJoint b)
{
  const LimberPoint *p = &f->joints[a], *q = &f->joints[b];
  if (p->set && q->set)
    add_line (shapes, ink, p->x, p->y, q->x, q->y);
}

static void
add_limbs (GArray *shapes, LimberInk ink, const LimberFigure *f, gboolean left)
{
  LimberJoint knee = left ? LIMBER_JOINT_KNEE_L : LIMBER_JOINT_KNEE_R;
  LimberJoint ankle = left ? LIMBER_JOINT_ANKLE_L : LIMBER_JOINT_ANKLE_R;
  LimberJoint toe = left ? LIMBER_JOINT_TOE_L : LIMBER_JOINT_TOE_R;
  LimberJoint elbow = left ? LIMBER_JOINT_ELBOW_L : LIMBER_JOINT_ELBOW_R;
  LimberJoint hand = left ? LIMBER_JOINT_HAND_L : LIMBER_JOINT_HAND_R;
  add_bone (shapes, ink, f, LIMBER_JOINT_HIP, knee);
  add_bone (shapes, ink, f, knee, ankle);
  add_bone (shapes, ink, f, ankle, toe);
  add_bone (shapes, ink, f, LIMBER_JOINT_NECK, elbow);
  add_bone (shapes, ink, f, elbow, hand);
}

/* The torso: straight, or a curve through the back point.  A quadratic
 * curve passes through its middle point at t = 1/2 when the control point
 * is 2·back − (hip + neck)/2, so the author gives a point on the back and
 * the curve goes through it. */
static void
add_torso (GArray *shapes, const LimberFigure *f)
{
  const LimberPoint *hip = &f->joints[LIMBER_JOINT_HIP], *neck = &f->joints[LIMBER_JOINT_NECK];
  const LimberPoint *back = &f->joints[LIMBER_JOINT_BACK];
  if (!back->set)
    {
      add_bone (shapes, LIMBER_INK_BODY, f, LIMBER_JOINT_HIP, LIMBER_JOINT_NECK);
      return;
    }
  LimberShape s = {
    .kind = LIMBER_SHAPE_CURVE, .ink = LIMBER_INK_BODY,
    .x1 = hip->x, .y1 = hip->y, .x2 = neck->x, .y2 = neck->y,
    .cx = 2 * back->x - (hip->x + neck->x) / 2, .cy = 2 * back->y - (hip->y + neck->y) / 2,
  };
  g_array_append_val (shapes, s);
}

static void
add_props (GArray *shapes, const LimberPose *pose, double x0, double x1, double y1)
{
  if (pose->view != LIMBER_VIEW_TOP)
    add_line (shapes, LIMBER_INK_PROP, x0, 0, x1, 0);
  if (pose->has_wall)
    add_line (shapes, LIMBER_INK_PROP, pose->wall_x, 0, pose->wall_x, y1);
  if (!pose->has_chair)
    return;
  double cx = pose->chair.x, cy = pose->chair.y;
  if (pose->view == LIMBER_VIEW_SIDE)
    {
      /* the figure faces right, so the seat runs back (left) from its front
       * edge and the backrest rises at its back */
      add_line (shapes, LIMBER_INK_PROP, cx - SEAT_DEPTH, cy, cx, cy);
      add_line (shapes, LIMBER_INK_PROP, cx - 1, cy, cx - 1, 0);
      add_line (shapes, LIMBER_INK_PROP, cx - SEAT_DEPTH + 1, cy, cx - SEAT_DEPTH + 1, 0);
      add_line (shapes, LIMBER_INK_PROP, cx - SEAT_DEPTH, cy, cx - SEAT_DEPTH - 2, cy + BACKREST);
    }
  else
    {
      double half = SEAT_DEPTH * 0.8;
      add_line (shapes, LIMBER_INK_PROP, cx - half, cy, cx + half, cy);
      add_line (shapes, LIMBER_INK_PROP, cx - half + 1, cy, cx - half + 1, 0);
      add_line (shapes, LIMBER_INK_PROP, cx + half - 1, cy, cx + half - 1, 0);
    }
}

GArray *
limber_pose_shapes (const LimberPose *pose, LimberPoseFigure figure)
{
  g_return_val_if_fail (pose != NULL && figure < LIMBER_POSE_N_FIGURES, NULL);
  GArray *shapes = g_array_new (FALSE, TRUE, sizeof (LimberShape));
  const LimberFigure *f = &pose->figures[figure];
  double x0, y0, x1, y1;
  limber_pose_bounds (pose, &x0, &y0, &x1, &y1);
  add_props (shapes, pose, x0 + MARGIN, x1 - MARGIN, y1 - MARGIN);

  /* seen from the side, the far limbs go behind the body in a lighter ink
   * so that two crossing legs can be told apart; from the front or above
   * both sides are seen alike */
  gboolean side = pose->view == LIMBER_VIEW_SIDE;
  add_limbs (shapes, side ? LIMBER_INK_FAR : LIMBER_INK_BODY, f, TRUE);
  add_torso (shapes, f);
  add_bone (shapes, LIMBER_INK_BODY, f, LIMBER_JOINT_NECK, LIMBER_JOINT_HEAD);
  const LimberPoint *head = &f->joints[LIMBER_JOINT_HEAD];
  LimberShape h = { .kind = LIMBER_SHAPE_HEAD, .ink = LIMBER_INK_BODY, .x1 = head->x, .y1 = head->y,
                    .r = LIMBER_POSE_HEAD_RADIUS };
  g_array_append_val (shapes, h);
  add_limbs (shapes, LIMBER_INK_BODY, f, FALSE);
  return shapes;
}

static void
grow (double *x0, double *y0, double *x1, double *y1, double x, double y, double r)
{
  *x0 = MIN (*x0, x - r);
  *y0 = MIN (*y0, y - r);
  *x1 = MAX (*x1, x + r);
  *y1 = MAX (*y1, y + r);
}

void
limber_pose_bounds (const LimberPose *pose, double *x0, double *y0, double *x1, double *y1)
{
  g_return_if_fail (pose != NULL);
  double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;
  for (unsigned f = 0; f < LIMBER_POSE_N_FIGURES; f++)
    for (unsigned j = 0; j < LIMBER_N_JOINTS; j++)
      {
        const LimberPoint *p = &pose->figures[f].joints[j];
        if (p->set)
          grow (&bx0, &by0, &bx1, &by1, p->x, p->y, j == LIMBER_JOINT_HEAD ? LIMBER_POSE_HEAD_RADIUS : 0);
      }
  if (pose->view != LIMBER_VIEW_TOP)
    by0 = MIN (by0, 0);
  if (pose->has_chair)
    {
      double cx = pose->chair.x, cy = pose->chair.y;
      if (pose->view == LIMBER_VIEW_SIDE)
        grow (&bx0, &by0, &bx1, &by1, cx - SEAT_DEPTH - 2, cy + BACKREST, 0);
      else
        {
          grow (&bx0, &by0, &bx1, &by1, cx - SEAT_DEPTH * 0.8, cy, 0);
          grow (&bx0, &by0, &bx1, &by1, cx + SEAT_DEPTH * 0.8, cy, 0);
        }
      grow (&bx0, &by0, &bx1, &by1, cx, 0, 0);
    }
  if (pose->has_wall)
    grow (&bx0, &by0, &bx1, &by1, pose->wall_x, 0, 0);
  if (bx0 > bx1)
    bx0 = by0 = 0, bx1 = by1 = 100;
  *x0 = bx0 - MARGIN;
  *y0 = by0 - MARGIN;
  *x1 = bx1 + MARGIN;
  *y1 = by1 + MARGIN;
}
