/* An exercise's pose described as shapes for the printed plan: lines,
 * circles and props, and the box they fit in.  Shared by the core and the
 * print library (limber-common): no XML here, no state. */
#include "pose.h"

#include <math.h>

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

/* ---- motion --------------------------------------------------------------- */

/* The bones whose turn is measured, from their pivot. */
static const LimberJoint bones[][2] = {
  { LIMBER_JOINT_HIP, LIMBER_JOINT_KNEE_L },      { LIMBER_JOINT_KNEE_L, LIMBER_JOINT_ANKLE_L },
  { LIMBER_JOINT_HIP, LIMBER_JOINT_KNEE_R },      { LIMBER_JOINT_KNEE_R, LIMBER_JOINT_ANKLE_R },
  { LIMBER_JOINT_NECK, LIMBER_JOINT_ELBOW_L },    { LIMBER_JOINT_ELBOW_L, LIMBER_JOINT_HAND_L },
  { LIMBER_JOINT_NECK, LIMBER_JOINT_ELBOW_R },    { LIMBER_JOINT_ELBOW_R, LIMBER_JOINT_HAND_R },
  { LIMBER_JOINT_NECK, LIMBER_JOINT_HEAD },       { LIMBER_JOINT_HIP, LIMBER_JOINT_BACK },
  { LIMBER_JOINT_HIP, LIMBER_JOINT_NECK },
};

static gboolean
both_set (const LimberPose *pose, LimberJoint j)
{
  return pose->figures[LIMBER_POSE_START].joints[j].set && pose->figures[LIMBER_POSE_END].joints[j].set;
}

static double
bone_angle (const LimberFigure *f, LimberJoint a, LimberJoint b)
{
  return atan2 (f->joints[b].y - f->joints[a].y, f->joints[b].x - f->joints[a].x) * 180 / G_PI;
}

void
limber_pose_motion (const LimberPose *pose, LimberPoseMotion *motion)
{
  g_return_if_fail (pose != NULL && motion != NULL);
  const LimberFigure *a = &pose->figures[LIMBER_POSE_START], *b = &pose->figures[LIMBER_POSE_END];
  *motion = (LimberPoseMotion) { .still = TRUE, .joint = LIMBER_JOINT_HIP, .pivot = LIMBER_JOINT_HIP,
                                 .tip = LIMBER_JOINT_NECK };
  for (unsigned j = 0; j < LIMBER_N_JOINTS; j++)
    {
      /* a joint only one figure has (a back that bends) is a change too */
      if (a->joints[j].set != b->joints[j].set)
        motion->still = FALSE;
      if (!both_set (pose, j))
        continue;
      double d = hypot (b->joints[j].x - a->joints[j].x, b->joints[j].y - a->joints[j].y);
      if (d > 0)
        motion->still = FALSE;
      if (d > motion->distance)
        motion->distance = d, motion->joint = j;
    }
  for (unsigned k = 0; k < G_N_ELEMENTS (bones); k++)
    {
      LimberJoint p = bones[k][0], q = bones[k][1];
      if (!both_set (pose, p) || !both_set (pose, q))
        continue;
      double turn = remainder (bone_angle (b, p, q) - bone_angle (a, p, q), 360.0);
      if (fabs (turn) > fabs (motion->turn))
        motion->turn = turn, motion->pivot = p, motion->tip = q;
    }
}

gboolean
limber_pose_moves_visibly (const LimberPose *pose)
{
  LimberPoseMotion m;
  limber_pose_motion (pose, &m);
  return !m.still && (m.distance >= LIMBER_POSE_VISIBLE_MOVE || fabs (m.turn) >= LIMBER_POSE_VISIBLE_TURN);
}

void
limber_shape_arrow_barbs (const LimberShape *s, double barbs[2][2])
{
  double a = atan2 (s->y2 - s->cy, s->x2 - s->cx);
  for (int k = 0; k < 2; k++)
    {
      double b = a + G_PI + (k == 0 ? -0.5 : 0.5);
      barbs[k][0] = s->x2 + s->r * cos (b);
      barbs[k][1] = s->y2 + s->r * sin (b);
    }
}

LimberGapArrow
limber_pose_gap_arrow (double w, double gap, double h)
{
  return (LimberGapArrow) { .x0 = w + gap * 0.22, .x1 = w + gap * 0.78, .y = h / 2, .head = gap * 0.16 };
}

static void
add_arrow (GArray *shapes, double x1, double y1, double cx, double cy, double x2, double y2, double barb)
{
  LimberShape s = { .kind = LIMBER_SHAPE_ARROW, .ink = LIMBER_INK_MOTION, .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2,
                    .cx = cx, .cy = cy, .r = barb };
  g_array_append_val (shapes, s);
}

/* The arrow on the end figure.  A joint that travels far enough gets its
 * path, from where it was to where it is, bowed away from the hip so that
 * it runs beside the body rather than through it; a turn too small to
 * travel far gets an arc around the bone's pivot, opened to 60 degrees at
 * least so that it can be seen, in the direction of the turn. */
static void
add_motion (GArray *shapes, const LimberPose *pose)
{
  LimberPoseMotion m;
  limber_pose_motion (pose, &m);
  const LimberFigure *a = &pose->figures[LIMBER_POSE_START], *b = &pose->figures[LIMBER_POSE_END];
  if (m.still)
    return;
  if (m.distance >= LIMBER_POSE_VISIBLE_MOVE)
    {
      const LimberPoint *p = &a->joints[m.joint], *q = &b->joints[m.joint];
      double mx = (p->x + q->x) / 2, my = (p->y + q->y) / 2;
      double dx = q->x - p->x, dy = q->y - p->y;
      /* the perpendicular, a third of the path long, on the side away from the hip */
      double nx = -dy * 0.3, ny = dx * 0.3;
      const LimberPoint *hip = &b->joints[LIMBER_JOINT_HIP];
      if (hip->set && hypot (mx + nx - hip->x, my + ny - hip->y) < hypot (mx - nx - hip->x, my - ny - hip->y))
        nx = -nx, ny = -ny;
      /* the quadratic's control point: twice the bow, as its middle lies
       * halfway to it */
      add_arrow (shapes, p->x, p->y, mx + 2 * nx, my + 2 * ny, q->x, q->y, CLAMP (m.distance * 0.3, 3.0, 6.0));
      return;
    }
  if (fabs (m.turn) < LIMBER_POSE_VISIBLE_TURN)
    return;
  const LimberPoint *pivot = &b->joints[m.pivot], *tip = &b->joints[m.tip];
  double length = hypot (tip->x - pivot->x, tip->y - pivot->y);
  double r = CLAMP (length * 0.9, 10.0, 16.0);
  double sweep = MAX (fabs (m.turn), 60.0) * (m.turn > 0 ? 1 : -1);
  double mid = (bone_angle (a, m.pivot, m.tip) + bone_angle (b, m.pivot, m.tip)) / 2 * G_PI / 180;
  double t0 = mid - sweep / 2 * G_PI / 180, t1 = mid + sweep / 2 * G_PI / 180;
  /* a quadratic through the arc's ends and its middle: the curve's
   * middle is halfway between its control point and the ends' midpoint,
   * which lies r·cos(half the sweep) from the pivot */
  double half = fabs (t1 - t0) / 2, rc = r * (2 - cos (half));
  add_arrow (shapes, pivot->x + r * cos (t0), pivot->y + r * sin (t0), pivot->x + rc * cos (mid),
             pivot->y + rc * sin (mid), pivot->x + r * cos (t1), pivot->y + r * sin (t1), 4.5);
}

/* A pelvis tilted rather than moved (a pelvic tilt, seen from the side):
 * a short bar across the hip, square to the lower back, marks the pelvis
 * in both figures so that its tilt can be compared. */
static void
add_pelvis_mark (GArray *shapes, const LimberPose *pose, const LimberFigure *f)
{
  LimberPoseMotion m;
  limber_pose_motion (pose, &m);
  if (pose->view != LIMBER_VIEW_SIDE || m.still || m.distance >= LIMBER_POSE_VISIBLE_MOVE
      || m.pivot != LIMBER_JOINT_HIP || m.tip != LIMBER_JOINT_BACK)
    return;
  const LimberPoint *hip = &f->joints[LIMBER_JOINT_HIP], *back = &f->joints[LIMBER_JOINT_BACK];
  double dx = back->x - hip->x, dy = back->y - hip->y, length = hypot (dx, dy);
  if (length <= 0)
    return;
  double half = 5.0 / length;
  add_line (shapes, LIMBER_INK_BODY, hip->x - dy * half, hip->y + dx * half, hip->x + dy * half, hip->y - dx * half);
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
  add_pelvis_mark (shapes, pose, f);
  add_bone (shapes, LIMBER_INK_BODY, f, LIMBER_JOINT_NECK, LIMBER_JOINT_HEAD);
  const LimberPoint *head = &f->joints[LIMBER_JOINT_HEAD];
  LimberShape h = { .kind = LIMBER_SHAPE_HEAD, .ink = LIMBER_INK_BODY, .x1 = head->x, .y1 = head->y,
                    .r = LIMBER_POSE_HEAD_RADIUS };
  g_array_append_val (shapes, h);
  add_limbs (shapes, LIMBER_INK_BODY, f, FALSE);
  if (figure == LIMBER_POSE_END)
    add_motion (shapes, pose);
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
  /* the motion arrow: its ends and points along its curve, barbs included */
  g_autoptr (GArray) arrow = g_array_new (FALSE, TRUE, sizeof (LimberShape));
  add_motion (arrow, pose);
  for (guint i = 0; i < arrow->len; i++)
    {
      const LimberShape *a = &g_array_index (arrow, LimberShape, i);
      for (double t = 0; t <= 1.0001; t += 0.25)
        grow (&bx0, &by0, &bx1, &by1, (1 - t) * (1 - t) * a->x1 + 2 * t * (1 - t) * a->cx + t * t * a->x2,
              (1 - t) * (1 - t) * a->y1 + 2 * t * (1 - t) * a->cy + t * t * a->y2, t > 0.9 ? a->r : 1);
    }
  if (bx0 > bx1)
    bx0 = by0 = 0, bx1 = by1 = 100;
  *x0 = bx0 - MARGIN;
  *y0 = by0 - MARGIN;
  *x1 = bx1 + MARGIN;
  *y1 = by1 + MARGIN;
}
