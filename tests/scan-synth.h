/*
 * Synthetic camera captures for the scan tests (tests/test-scan.c): the
 * forward kinematics of a stick skeleton doing one protocol's test with a
 * known end angle, filmed by an orthographic camera that may be tilted in
 * the image plane (roll) or turned away from square on (yaw), with pixel
 * noise, lost frames and the compensations the protocols forbid.  The same
 * settings always give the same frames (a fixed-seed xorshift generator).
 *
 * Timeline, at 30 frames a second unless told otherwise: 1 s still in the start position, 1.5 s
 * moving to the end (smoothstep), the hold, 1 s back.
 */
#ifndef LIMBER_SCAN_SYNTH_H
#define LIMBER_SCAN_SYNTH_H

#include <math.h>
#include <string.h>

#include "limber/scan.h"
#include "scan-private.h"

typedef struct {
  const char *measure;
  double angle;              /* the true end angle, degrees */
  LimberSide side;
  double noise_px;           /* standard deviation of each coordinate */
  double drop;               /* share of frames lost (half missing, half unseen) */
  double roll_deg;           /* camera tilted in the image plane */
  double yaw_deg;            /* camera turned away from square on */
  double hold_s;             /* 0: 2 s */
  const char *compensation;  /* NULL, "bent", "other-leg", "pelvis", "lean", "hips-turn", "shin" */
  double compensation_deg;
  LimberLandmarkFormat format;
  gboolean no_depth;         /* MediaPipe without z */
  unsigned seed;
  double fps;                /* 0: 30 frames a second */
} Synth;

typedef struct {
  double p[2][SCAN_N_PARTS][3];  /* [0] the tested side, [1] the other; metres, y up, z towards the camera */
} SynthPose;

static double
synth_rad (double d)
{
  return d * G_PI / 180;
}

static void
set3 (double *p, double x, double y, double z)
{
  p[0] = x, p[1] = y, p[2] = z;
}

static void
along (double *to, const double *from, double len, double ax, double ay, double az)
{
  set3 (to, from[0] + len * ax, from[1] + len * ay, from[2] + len * az);
}

/* The pose at progress s (0 start, 1 end); c = the compensation's angle now. */
static void
synth_pose (const Synth *S, double s, SynthPose *P)
{
  memset (P, 0, sizeof *P);
  double a = synth_rad (S->angle) * s;
  const char *comp = S->compensation ? S->compensation : "";
  double c = synth_rad (S->compensation_deg) * s;
  double (*T)[3] = P->p[0], (*O)[3] = P->p[1];
  const char *m = S->measure;
  if (g_str_equal (m, "hamstring.slr") || g_str_equal (m, "hip.flexion") || g_str_equal (m, "hip.extension"))
    {
      /* lying along x, head at -x, the tested side nearest the camera */
      for (int k = 0; k < 2; k++)
        {
          double z = k == 0 ? 0.1 : -0.1;
          set3 (P->p[k][SCAN_HIP], 0, 0.1, z);
          set3 (P->p[k][SCAN_SHOULDER], -0.5, 0.1, k == 0 ? 0.19 : -0.19);
          along (P->p[k][SCAN_ELBOW], P->p[k][SCAN_SHOULDER], 0.3, 1, 0, 0);
          along (P->p[k][SCAN_WRIST], P->p[k][SCAN_ELBOW], 0.27, 1, 0, 0);
        }
      set3 (T[SCAN_NOSE], -0.72, 0.2, 0);
      set3 (O[SCAN_NOSE], -0.72, 0.2, 0);
      if (g_str_equal (comp, "pelvis"))
        {
          /* the pelvis lifts: the hips rise, the trunk line turns */
          for (int k = 0; k < 2; k++)
            P->p[k][SCAN_HIP][1] = 0.1 + 0.5 * tan (c);
        }
      /* lifting the pelvis takes the leg up with it */
      double thigh = a + (g_str_equal (comp, "pelvis") ? c : 0);
      along (T[SCAN_KNEE], T[SCAN_HIP], 0.45, cos (thigh), sin (thigh), 0);
      double shank = thigh;
      if (g_str_equal (comp, "bent"))
        shank = thigh - c;
      else if (g_str_equal (m, "hip.flexion"))
        shank = thigh - synth_rad (120) * s;
      along (T[SCAN_ANKLE], T[SCAN_KNEE], 0.42, cos (shank), sin (shank), 0);
      double other = g_str_equal (comp, "other-leg") ? c : 0;
      along (O[SCAN_KNEE], O[SCAN_HIP], 0.45, cos (other), sin (other), 0);
      along (O[SCAN_ANKLE], O[SCAN_KNEE], 0.42, cos (other), sin (other), 0);
      for (int k = 0; k < 2; k++)
        {
          along (P->p[k][SCAN_HEEL], P->p[k][SCAN_ANKLE], 0.06, 1, 0, 0);
          along (P->p[k][SCAN_FOOT_INDEX], P->p[k][SCAN_ANKLE], 0.2, 0.3, 0.95, 0);
        }
    }
  else if (g_str_equal (m, "shoulder.flexion"))
    {
      double lean = g_str_equal (comp, "lean") ? c : 0;
      for (int k = 0; k < 2; k++)
        {
          double z = k == 0 ? 0.19 : -0.19;
          set3 (P->p[k][SCAN_HIP], 0, 1.0, k == 0 ? 0.1 : -0.1);
          along (P->p[k][SCAN_SHOULDER], P->p[k][SCAN_HIP], 0.5, -sin (lean), cos (lean), 0);
          P->p[k][SCAN_SHOULDER][2] = z;
          along (P->p[k][SCAN_KNEE], P->p[k][SCAN_HIP], 0.45, 0, -1, 0);
          along (P->p[k][SCAN_ANKLE], P->p[k][SCAN_KNEE], 0.42, 0, -1, 0);
          along (P->p[k][SCAN_HEEL], P->p[k][SCAN_ANKLE], 0.06, -1, -0.5, 0);
          along (P->p[k][SCAN_FOOT_INDEX], P->p[k][SCAN_ANKLE], 0.18, 1, -0.3, 0);
        }
      set3 (T[SCAN_NOSE], 0.1 - 0.65 * sin (lean), 1.0 + 0.65 * cos (lean), 0);
      memcpy (O[SCAN_NOSE], T[SCAN_NOSE], sizeof T[SCAN_NOSE]);
      /* the arm turns from hanging down (along the trunk) forwards and up */
      double arm = a - lean;
      along (T[SCAN_ELBOW], T[SCAN_SHOULDER], 0.3, sin (arm), -cos (arm), 0);
      double fore = g_str_equal (comp, "bent") ? arm + c : arm;
      along (T[SCAN_WRIST], T[SCAN_ELBOW], 0.27, sin (fore), -cos (fore), 0);
      along (O[SCAN_ELBOW], O[SCAN_SHOULDER], 0.3, -sin (lean), -cos (lean), 0);
      along (O[SCAN_WRIST], O[SCAN_ELBOW], 0.27, -sin (lean), -cos (lean), 0);
    }
  else if (g_str_equal (m, "ankle.dorsiflexion"))
    {
      /* seated, side view: the shin upright, the heel on the floor */
      double shin = g_str_equal (comp, "shin") ? c : 0;
      for (int k = 0; k < 2; k++)
        {
          double z = k == 0 ? 0.1 : -0.1;
          set3 (P->p[k][SCAN_ANKLE], 0, 0.1, z);
          along (P->p[k][SCAN_KNEE], P->p[k][SCAN_ANKLE], 0.42, -sin (k == 0 ? shin : 0), cos (k == 0 ? shin : 0),
                 0);
          along (P->p[k][SCAN_HIP], P->p[k][SCAN_KNEE], 0.45, -1, 0, 0);
          along (P->p[k][SCAN_SHOULDER], P->p[k][SCAN_HIP], 0.5, 0, 1, 0);
          P->p[k][SCAN_SHOULDER][2] = k == 0 ? 0.19 : -0.19;
          along (P->p[k][SCAN_ELBOW], P->p[k][SCAN_SHOULDER], 0.3, 0, -1, 0);
          along (P->p[k][SCAN_WRIST], P->p[k][SCAN_ELBOW], 0.27, 0.5, -0.5, 0);
          /* the foot turns about the ankle: heel behind, toes ahead; its
           * heel-to-toe axis is square to the shin at 0 degrees */
          double f = (k == 0 ? a : 0) + (k == 0 ? shin : 0);
          double hx = -0.05, hy = -0.06;
          set3 (P->p[k][SCAN_HEEL], P->p[k][SCAN_ANKLE][0] + hx * cos (f) - hy * sin (f),
                P->p[k][SCAN_ANKLE][1] + hx * sin (f) + hy * cos (f), z);
          along (P->p[k][SCAN_FOOT_INDEX], P->p[k][SCAN_HEEL], 0.22, cos (f), sin (f), 0);
        }
      set3 (T[SCAN_NOSE], -0.35, 1.2, 0);
      memcpy (O[SCAN_NOSE], T[SCAN_NOSE], sizeof T[SCAN_NOSE]);
    }
  else if (g_str_equal (m, "hip.internal-rotation") || g_str_equal (m, "hip.external-rotation"))
    {
      /* face down, filmed from the feet: x across the body (the person's
       * right on the camera's right), y up, z along the body towards the
       * camera */
      double sx = S->side == LIMBER_SIDE_RIGHT ? 1 : -1;
      double roll = g_str_equal (comp, "pelvis") ? c : 0;
      for (int k = 0; k < 2; k++)
        {
          double x = (k == 0 ? sx : -sx) * 0.1;
          set3 (P->p[k][SCAN_HIP], x * cos (roll), 0.1 + x * sin (roll), 0);
          set3 (P->p[k][SCAN_SHOULDER], x * 1.9, 0.1, -0.5);
          set3 (P->p[k][SCAN_ELBOW], x * 2.5, 0.05, -0.3);
          set3 (P->p[k][SCAN_WRIST], x * 2.5, 0.05, -0.05);
          along (P->p[k][SCAN_KNEE], P->p[k][SCAN_HIP], 0.45, 0, 0, 1);
        }
      set3 (T[SCAN_NOSE], 0, 0.15, -0.75);
      memcpy (O[SCAN_NOSE], T[SCAN_NOSE], sizeof T[SCAN_NOSE]);
      /* internal rotation: the foot falls outwards; external: inwards */
      double out = g_str_equal (m, "hip.internal-rotation") ? sx : -sx;
      along (T[SCAN_ANKLE], T[SCAN_KNEE], 0.42, out * sin (a), cos (a), 0);
      along (O[SCAN_ANKLE], O[SCAN_KNEE], 0.42, 0, 0, 1);
      for (int k = 0; k < 2; k++)
        {
          along (P->p[k][SCAN_HEEL], P->p[k][SCAN_ANKLE], 0.06, 0, 0, 1);
          along (P->p[k][SCAN_FOOT_INDEX], P->p[k][SCAN_ANKLE], 0.15, 0, -0.5, 0.8);
        }
    }
  else /* thoracic.rotation: seated, filmed from the front */
    {
      double sx = S->side == LIMBER_SIDE_RIGHT ? -1 : 1;  /* facing the camera, their right is on its left */
      double hips = g_str_equal (comp, "hips-turn") ? c : 0;
      double lean = g_str_equal (comp, "lean") ? c : 0;
      for (int k = 0; k < 2; k++)
        {
          double x = (k == 0 ? sx : -sx);
          /* the hips turn about the vertical through their middle */
          set3 (P->p[k][SCAN_HIP], x * 0.1 * cos (hips), 0.5, -x * 0.1 * sin (hips));
          set3 (P->p[k][SCAN_KNEE], x * 0.12, 0.5, 0.45);
          set3 (P->p[k][SCAN_ANKLE], x * 0.12, 0.08, 0.45);
          set3 (P->p[k][SCAN_HEEL], x * 0.12, 0.02, 0.4);
          set3 (P->p[k][SCAN_FOOT_INDEX], x * 0.12, 0.02, 0.62);
          /* the upper body turns by a about the vertical, then leans
           * sideways by lean: shoulders, and the hands on the stick in
           * front of them */
          double pts[3][3] = { { x * 0.19, 1.0, 0 }, { x * 0.35, 1.0, 0.1 }, { x * 0.4, 1.0, 0.12 } };
          int parts[3] = { SCAN_SHOULDER, SCAN_ELBOW, SCAN_WRIST };
          for (int j = 0; j < 3; j++)
            {
              double px = pts[j][0], pz = pts[j][2];
              /* turning towards the tested side brings it backwards */
              double turn = sx * a;
              double rx = px * cos (turn) - pz * sin (turn), rz = px * sin (turn) + pz * cos (turn);
              double ry = pts[j][1] + rx * sin (lean);
              set3 (P->p[k][parts[j]], rx * cos (lean), ry, rz);
            }
        }
      set3 (T[SCAN_NOSE], 0, 1.3, 0.1);
      memcpy (O[SCAN_NOSE], T[SCAN_NOSE], sizeof T[SCAN_NOSE]);
    }
}

static guint64
synth_next (guint64 *state)
{
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

static double
synth_uniform (guint64 *state)
{
  return ((synth_next (state) >> 11) + 0.5) / 9007199254740992.0;
}

static double
synth_gauss (guint64 *state)
{
  double u = synth_uniform (state), v = synth_uniform (state);
  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

#define SYNTH_W 1280
#define SYNTH_H 720
#define SYNTH_SCALE 300.0

/* The capture as a landmarks JSON document (docs/scan.md). */
static char *
synth_json (const Synth *S)
{
  guint64 state = 0x9E3779B97F4A7C15ull ^ ((guint64) S->seed * 0x100000001B3ull + 1);
  double hold = S->hold_s > 0 ? S->hold_s : 2.0;
  double total = 1.0 + 1.5 + hold + 1.0;
  double fps = S->fps > 0 ? S->fps : 30;
  int n = (int) (total * fps);
  gboolean coco = S->format == LIMBER_LANDMARKS_COCO_17;
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "{\"format\": \"%s\", \"image_width\": %d, \"image_height\": %d, \"frames\": [\n",
                          coco ? "coco-17-scores" : "mediapipe-pose", SYNTH_W, SYNTH_H);
  double yaw = synth_rad (S->yaw_deg), roll = synth_rad (S->roll_deg);
  gboolean first = TRUE;
  for (int f = 0; f < n; f++)
    {
      double t = f / fps, s;
      if (t < 1.0)
        s = 0;
      else if (t < 2.5)
        {
          double u = (t - 1.0) / 1.5;
          s = u * u * (3 - 2 * u);
        }
      else if (t < 2.5 + hold)
        s = 1;
      else
        {
          double u = MIN (1.0, (t - 2.5 - hold) / 1.0);
          s = 1 - u * u * (3 - 2 * u);
        }
      double lost = synth_uniform (&state);
      if (lost < S->drop / 2)
        continue;  /* the frame never arrived */
      gboolean unseen = lost < S->drop;
      SynthPose P;
      synth_pose (S, s, &P);
      /* image position and depth of every landmark of the format */
      int count = coco ? 17 : 33;
      double (*L)[4] = g_malloc0 (sizeof (double[4]) * (gsize) count);
      for (int i = 0; i < count; i++)
        L[i][3] = 0;  /* landmarks not drawn (eyes, ears, fingers) are unseen */
      for (int k = 0; k < 2; k++)
        for (int part = 0; part < SCAN_N_PARTS; part++)
          {
            LimberSide body = (k == 0) == (S->side == LIMBER_SIDE_LEFT) ? LIMBER_SIDE_LEFT : LIMBER_SIDE_RIGHT;
            static const int mp[SCAN_N_PARTS] = { 0, 11, 13, 15, 23, 25, 27, 29, 31 };
            static const int cc[SCAN_N_PARTS] = { 0, 5, 7, 9, 11, 13, 15, -1, -1 };
            int idx = coco ? cc[part] : mp[part];
            if (idx < 0)
              continue;
            if (part != SCAN_NOSE && body == LIMBER_SIDE_RIGHT)
              idx++;
            const double *w = P.p[k][part];
            /* the camera turned by yaw about the vertical, tilted by roll */
            double x = w[0] * cos (yaw) + w[2] * sin (yaw), z = -w[0] * sin (yaw) + w[2] * cos (yaw), y = w[1];
            double xr = x * cos (roll) - y * sin (roll), yr = x * sin (roll) + y * cos (roll);
            double px = SYNTH_W / 2.0 + SYNTH_SCALE * xr + S->noise_px * synth_gauss (&state);
            double py = SYNTH_H - 40 - SYNTH_SCALE * yr + S->noise_px * synth_gauss (&state);
            double pz = -SYNTH_SCALE * z + S->noise_px * synth_gauss (&state);
            L[idx][0] = px, L[idx][1] = py, L[idx][2] = pz;
            L[idx][3] = unseen ? 0.1 : 0.95;
          }
      g_string_append_printf (out, "%s  {\"timestamp_ms\": %.1f, \"%s\": [", first ? "" : ",\n", t * 1000,
                              coco ? "keypoints" : "landmarks");
      first = FALSE;
      for (int i = 0; i < count; i++)
        {
          if (coco)
            g_string_append_printf (out, "%s%.1f,%.1f,%.2f", i ? "," : "", L[i][0], L[i][1], L[i][3]);
          else if (S->no_depth)
            g_string_append_printf (out, "%s{\"x\":%.4f,\"y\":%.4f,\"visibility\":%.2f}", i ? "," : "",
                                    L[i][0] / SYNTH_W, L[i][1] / SYNTH_H, L[i][3]);
          else
            g_string_append_printf (out, "%s{\"x\":%.4f,\"y\":%.4f,\"z\":%.4f,\"visibility\":%.2f}",
                                    i ? "," : "", L[i][0] / SYNTH_W, L[i][1] / SYNTH_H, L[i][2] / SYNTH_W, L[i][3]);
        }
      g_string_append (out, "]}");
      g_free (L);
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (out, FALSE);
}

#endif
