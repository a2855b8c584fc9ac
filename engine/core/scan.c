/*
 * The body scan from a camera (include/limber/scan.h, docs/scan.md).
 *
 * A capture holds one person's landmarks, frame by frame, in pixels (a
 * MediaPipe landmark's normalised x and y are scaled by the image size
 * here, so that an angle in a wide image is not skewed).  A result reads a
 * measure's protocol (scan-protocol.c) against the capture:
 *
 *   1. the frames where every landmark of the angle is seen with a
 *      confidence of at least 0.5 (MediaPipe's own default tracking
 *      threshold) give an angle each;
 *   2. a running median of nine frames (0.3 s at 30 frames a second) takes
 *      out jitter and dropped detections without smearing the end position;
 *   3. the first half second is the still start, the baseline of segment
 *      lengths and directions the checks compare with;
 *   4. the hold is the still stretch after the start (its filtered angles
 *      within a band of 6 degrees, or three times the capture's jitter when
 *      that is more; no gap over 0.25 s) lasting at least the protocol's
 *      hold time with the highest mean angle; the result is the median of
 *      the raw angles over it;
 *   5. the checks refuse what a number would hide: the limb leaving the
 *      image plane, each compensation the protocol forbids, an end range
 *      reached but not held, an angle the measure cannot have.
 */
#include "limber/scan.h"
#include "limber/error.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "i18n.h"
#include "json-out.h"
#include "plan-private.h"
#include "profile-private.h"
#include "read-limit.h"
#include "ruleset-private.h"
#include "scan-private.h"

#define SCAN_MAX_BYTES ((gsize) 64 << 20)
#define SCAN_MAX_FRAMES 200000
#define MIN_CONFIDENCE 0.5
#define MIN_FRAMES 10
#define START_S 0.5
#define START_BAND_DEG 8.0
#define HOLD_BAND_DEG 6.0
#define MAX_GAP_S 0.25
#define REACH_SLACK_DEG 8.0
#define MEDIAN_WINDOW 9
#define TURN_SQUARE_DEG 5.0
/* a body seen side-on: the shoulders' width over the trunk's length, about
 * 0.38 m over 0.5 m in adults; how far apart the two shoulders look against
 * it says how far the camera is turned from side-on */
#define SHOULDERS_OVER_TRUNK 0.76

struct _LimberCapture {
  LimberLandmarkFormat format;
  unsigned width, height, n_landmarks;
  GArray *times;   /* double, ms */
  GArray *values;  /* double, n_landmarks * 4 per frame: x, y, z in pixels, confidence */
};

typedef struct {
  LimberScanIssue issue;
  gboolean refusal;
  char *message;
} Reason;

struct _LimberScanResult {
  char *measure;
  LimberSide side;
  double angle;
  gboolean has_hold;
  double hold_start, hold_end;
  unsigned hold_frames, n_frames, n_usable;
  GArray *reasons;   /* Reason */
  GArray *times;     /* double, per readable frame */
  GArray *filtered;  /* double */
};

/* ---- formats ------------------------------------------------------------ */

/* The person's own left side; the right is the next index in both formats. */
static const int mediapipe_left[SCAN_N_PARTS] = { 0, 11, 13, 15, 23, 25, 27, 29, 31 };
static const int coco_left[SCAN_N_PARTS] = { 0, 5, 7, 9, 11, 13, 15, -1, -1 };

static unsigned
format_size (LimberLandmarkFormat format)
{
  return format == LIMBER_LANDMARKS_COCO_17 ? 17 : 33;
}

static const char *
format_name (LimberLandmarkFormat format)
{
  return format == LIMBER_LANDMARKS_COCO_17 ? "COCO keypoints" : "MediaPipe Pose";
}

/* The index of a protocol landmark for a side, -1 when the format has none. */
static int
landmark_index (LimberLandmarkFormat format, int landmark, LimberSide side)
{
  int part = SCAN_PART (landmark);
  const int *left = format == LIMBER_LANDMARKS_COCO_17 ? coco_left : mediapipe_left;
  if (left[part] < 0)
    return -1;
  if (part == SCAN_NOSE)
    return left[part];
  gboolean right = (side == LIMBER_SIDE_RIGHT) != ((landmark & SCAN_OTHER) != 0);
  return left[part] + (right ? 1 : 0);
}

const char *
limber_scan_issue_to_string (LimberScanIssue issue)
{
  static const char *const names[] = {
    "too-few-frames", "landmarks-missing", "no-start", "out-of-plane", "compensation", "not-held", "out-of-range",
    "not-checked",
  };
  return (unsigned) issue < G_N_ELEMENTS (names) ? names[issue] : "unknown";
}

/* ---- captures ----------------------------------------------------------- */

LimberCapture *
limber_capture_new (LimberLandmarkFormat format, unsigned image_width, unsigned image_height)
{
  g_return_val_if_fail (format == LIMBER_LANDMARKS_MEDIAPIPE_POSE || format == LIMBER_LANDMARKS_COCO_17, NULL);
  g_return_val_if_fail (image_width > 0 && image_height > 0, NULL);
  LimberCapture *c = g_new0 (LimberCapture, 1);
  c->format = format;
  c->width = image_width;
  c->height = image_height;
  c->n_landmarks = format_size (format);
  c->times = g_array_new (FALSE, FALSE, sizeof (double));
  c->values = g_array_new (FALSE, FALSE, sizeof (double));
  return c;
}

void
limber_capture_free (LimberCapture *c)
{
  if (c == NULL)
    return;
  g_array_unref (c->times);
  g_array_unref (c->values);
  g_free (c);
}

unsigned
limber_capture_get_n_frames (const LimberCapture *c)
{
  g_return_val_if_fail (c != NULL, 0);
  return c->times->len;
}

LimberLandmarkFormat
limber_capture_get_format (const LimberCapture *c)
{
  g_return_val_if_fail (c != NULL, LIMBER_LANDMARKS_MEDIAPIPE_POSE);
  return c->format;
}

gboolean
limber_capture_add_frame (LimberCapture *c, double timestamp_ms, const double *landmarks, unsigned n_landmarks,
                          GError **error)
{
  g_return_val_if_fail (c != NULL && landmarks != NULL, FALSE);
  unsigned frame = c->times->len;
  if (n_landmarks != c->n_landmarks)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "frame %u: %u landmarks; expected %u (%s)", frame,
                   n_landmarks, c->n_landmarks, format_name (c->format));
      return FALSE;
    }
  if (!isfinite (timestamp_ms) || timestamp_ms < 0)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "frame %u: timestamp %g ms; expected a finite time of 0 ms or more", frame, timestamp_ms);
      return FALSE;
    }
  if (frame > 0 && timestamp_ms <= g_array_index (c->times, double, frame - 1))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "frame %u: timestamp %g ms is not after the previous frame's %g ms; expected frames in time order",
                   frame, timestamp_ms, g_array_index (c->times, double, frame - 1));
      return FALSE;
    }
  if (frame >= SCAN_MAX_FRAMES)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "frame %u: more than %d frames; expected one test's capture",
                   frame, SCAN_MAX_FRAMES);
      return FALSE;
    }
  for (unsigned i = 0; i < n_landmarks; i++)
    {
      const double *v = landmarks + 4 * i;
      static const char *const what[] = { "x", "y", "z", "confidence" };
      for (int k = 0; k < 4; k++)
        if (!(k == 2 && isnan (v[k])) && !isfinite (v[k]))
          {
            g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                         "frame %u, landmark %u: %s is not a finite number; expected a finite number%s", frame, i,
                         what[k], k == 2 ? " or NAN (no depth)" : "");
            return FALSE;
          }
      if (v[3] < 0 || v[3] > 1)
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                       "frame %u, landmark %u: confidence %g; expected 0 to 1", frame, i, v[3]);
          return FALSE;
        }
      /* an estimator places a landmark it guesses outside the picture a
       * little outside it; a hundred pictures away is not a position (and
       * would overflow the geometry) */
      double span[3] = { 100, 100, 100 };
      if (c->format == LIMBER_LANDMARKS_COCO_17)
        span[0] = 100.0 * c->width, span[1] = 100.0 * c->height, span[2] = 100.0 * c->width;
      for (int k = 0; k < 3; k++)
        if (fabs (v[k]) > span[k])
          {
            g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                         "frame %u, landmark %u: %s is %g; expected a position within a hundred image sizes "
                         "(%g)", frame, i, what[k], v[k], span[k]);
            return FALSE;
          }
    }
  gboolean normalised = c->format == LIMBER_LANDMARKS_MEDIAPIPE_POSE;
  for (unsigned i = 0; i < n_landmarks; i++)
    {
      const double *v = landmarks + 4 * i;
      double px[4] = { v[0], v[1], v[2], v[3] };
      if (normalised)
        {
          /* MediaPipe: x, y normalised by width and height, z "roughly the
           * same scale as x" */
          px[0] *= c->width;
          px[1] *= c->height;
          px[2] *= c->width;
        }
      g_array_append_vals (c->values, px, 4);
    }
  g_array_append_val (c->times, timestamp_ms);
  return TRUE;
}

static const double *
landmark_at (const LimberCapture *c, unsigned frame, int index)
{
  return &g_array_index (c->values, double, ((gsize) frame * c->n_landmarks + (unsigned) index) * 4);
}

/* ---- landmark files ----------------------------------------------------- */

static gboolean
json_error (GError **error, const char *name, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static gboolean
json_error (GError **error, const char *name, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *what = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %s", name, what);
  return FALSE;
}

static gboolean
member_number (JsonObject *o, const char *member, double *out, gboolean required, const char *name,
               const char *where, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (required)
        return json_error (error, name, "%s: \"%s\" is missing; expected a number", where, member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (n) || (json_node_get_value_type (n) != G_TYPE_DOUBLE
                                     && json_node_get_value_type (n) != G_TYPE_INT64))
    return json_error (error, name, "%s: \"%s\" is not a number; expected a number", where, member);
  *out = json_node_get_double (n);
  if (!isfinite (*out))
    return json_error (error, name, "%s: \"%s\" is not finite; expected a finite number", where, member);
  return TRUE;
}

static gboolean
only_members (JsonObject *o, const char *const *allowed, const char *name, const char *where, GError **error)
{
  g_autoptr (GList) members = json_object_get_members (o);
  for (GList *m = members; m != NULL; m = m->next)
    if (!g_strv_contains (allowed, m->data))
      {
        g_autofree char *list = g_strjoinv ("\", \"", (char **) allowed);
        return json_error (error, name, "%s: unknown key \"%s\"; expected one of \"%s\"", where,
                           (const char *) m->data, list);
      }
  return TRUE;
}

static gboolean
read_frame (LimberCapture *c, JsonNode *node, unsigned i, gboolean coco_flags, const char *name, GError **error)
{
  g_autofree char *where = g_strdup_printf ("frames[%u]", i);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_error (error, name, "%s is not an object; expected {\"timestamp_ms\": ..., \"%s\": [...]}", where,
                       c->format == LIMBER_LANDMARKS_COCO_17 ? "keypoints" : "landmarks");
  JsonObject *o = json_node_get_object (node);
  double t = 0;
  if (!member_number (o, "timestamp_ms", &t, TRUE, name, where, error))
    return FALSE;
  g_autofree double *v = g_new (double, (gsize) c->n_landmarks * 4);
  if (c->format == LIMBER_LANDMARKS_COCO_17)
    {
      static const char *const keys[] = { "timestamp_ms", "keypoints", NULL };
      if (!only_members (o, keys, name, where, error))
        return FALSE;
      JsonNode *k = json_object_get_member (o, "keypoints");
      if (k == NULL || !JSON_NODE_HOLDS_ARRAY (k) || json_array_get_length (json_node_get_array (k)) != 51)
        return json_error (error, name, "%s: \"keypoints\" must be an array of 51 numbers; expected x, y, v for each "
                           "of COCO's 17 keypoints", where);
      JsonArray *a = json_node_get_array (k);
      for (unsigned j = 0; j < 51; j++)
        {
          JsonNode *e = json_array_get_element (a, j);
          if (!JSON_NODE_HOLDS_VALUE (e) || (json_node_get_value_type (e) != G_TYPE_DOUBLE
                                             && json_node_get_value_type (e) != G_TYPE_INT64))
            return json_error (error, name, "%s: keypoints[%u] is not a number; expected a number", where, j);
          double x = json_node_get_double (e);
          if (j % 3 == 2)
            {
              if (coco_flags)
                {
                  /* COCO's v: 0 not labelled, 1 labelled but not visible,
                   * 2 visible; only a visible keypoint is trusted */
                  if (x != 0 && x != 1 && x != 2)
                    return json_error (error, name, "%s: keypoints[%u] (keypoint %u's v) is %g; expected 0, 1 or 2 "
                                       "(format \"coco-17\"; detector scores go in format \"coco-17-scores\")",
                                       where, j, j / 3, x);
                  x = x == 2 ? 1.0 : 0.0;
                }
              else if (x < 0 || x > 1)
                return json_error (error, name, "%s: keypoints[%u] (keypoint %u's score) is %g; expected 0 to 1",
                                   where, j, j / 3, x);
              v[(j / 3) * 4 + 2] = NAN;
              v[(j / 3) * 4 + 3] = x;
            }
          else
            v[(j / 3) * 4 + j % 3] = x;
        }
    }
  else
    {
      static const char *const keys[] = { "timestamp_ms", "landmarks", NULL };
      if (!only_members (o, keys, name, where, error))
        return FALSE;
      JsonNode *l = json_object_get_member (o, "landmarks");
      if (l == NULL || !JSON_NODE_HOLDS_ARRAY (l) || json_array_get_length (json_node_get_array (l)) != 33)
        return json_error (error, name, "%s: \"landmarks\" must be an array of 33 objects; expected MediaPipe Pose's "
                           "33 landmarks in its order", where);
      JsonArray *a = json_node_get_array (l);
      for (unsigned j = 0; j < 33; j++)
        {
          g_autofree char *lw = g_strdup_printf ("%s.landmarks[%u]", where, j);
          JsonNode *e = json_array_get_element (a, j);
          if (!JSON_NODE_HOLDS_OBJECT (e))
            return json_error (error, name, "%s is not an object; expected {\"x\", \"y\", \"z\", \"visibility\"}",
                               lw);
          JsonObject *lo = json_node_get_object (e);
          static const char *const lkeys[] = { "x", "y", "z", "visibility", "presence", NULL };
          if (!only_members (lo, lkeys, name, lw, error))
            return FALSE;
          double x = 0, y = 0, z = NAN, vis = 0, presence = 1;
          if (!member_number (lo, "x", &x, TRUE, name, lw, error)
              || !member_number (lo, "y", &y, TRUE, name, lw, error)
              || !member_number (lo, "z", &z, FALSE, name, lw, error)
              || !member_number (lo, "visibility", &vis, TRUE, name, lw, error)
              || !member_number (lo, "presence", &presence, FALSE, name, lw, error))
            return FALSE;
          if (vis < 0 || vis > 1 || presence < 0 || presence > 1)
            return json_error (error, name, "%s: visibility %g, presence %g; expected both 0 to 1", lw, vis,
                               presence);
          v[j * 4] = x;
          v[j * 4 + 1] = y;
          v[j * 4 + 2] = z;
          /* a landmark out of the picture can be "visible" in the model's
           * sense; the lower of the two is how far it can be trusted */
          v[j * 4 + 3] = MIN (vis, presence);
        }
    }
  GError *local = NULL;
  if (!limber_capture_add_frame (c, t, v, c->n_landmarks, &local))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %s", name, local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

LimberCapture *
limber_capture_new_from_json (const char *data, gssize length, const char *name, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  name = name ? name : "<landmarks>";
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (len > SCAN_MAX_BYTES)
    {
      limber_size_error (name, len, SCAN_MAX_BYTES, "a landmarks file of one test", NULL, error);
      return NULL;
    }
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  GError *local = NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %s", name, local->message);
      g_error_free (local);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      json_error (error, name, "not a JSON object; expected {\"format\", \"image_width\", \"image_height\", "
                  "\"frames\"}");
      return NULL;
    }
  JsonObject *o = json_node_get_object (root);
  static const char *const keys[] = { "format", "image_width", "image_height", "frames", NULL };
  if (!only_members (o, keys, name, "the document", error))
    return NULL;
  const char *format = json_object_has_member (o, "format") ? json_object_get_string_member_with_default (o, "format", NULL)
                                                            : NULL;
  LimberLandmarkFormat f;
  gboolean coco_flags = FALSE;
  if (g_strcmp0 (format, "mediapipe-pose") == 0)
    f = LIMBER_LANDMARKS_MEDIAPIPE_POSE;
  else if (g_strcmp0 (format, "coco-17") == 0 || g_strcmp0 (format, "coco-17-scores") == 0)
    {
      f = LIMBER_LANDMARKS_COCO_17;
      coco_flags = g_strcmp0 (format, "coco-17") == 0;
    }
  else
    {
      json_error (error, name, "\"format\" is %s%s%s; expected \"mediapipe-pose\", \"coco-17\" or \"coco-17-scores\"",
                  format ? "\"" : "", format ? format : "missing or not a string", format ? "\"" : "");
      return NULL;
    }
  double w = 0, h = 0;
  if (!member_number (o, "image_width", &w, TRUE, name, "the document", error)
      || !member_number (o, "image_height", &h, TRUE, name, "the document", error))
    return NULL;
  if (w < 1 || h < 1 || w > 100000 || h > 100000 || w != floor (w) || h != floor (h))
    {
      json_error (error, name, "image size %g x %g; expected whole numbers of pixels from 1 to 100000", w, h);
      return NULL;
    }
  JsonNode *frames = json_object_get_member (o, "frames");
  if (frames == NULL || !JSON_NODE_HOLDS_ARRAY (frames))
    {
      json_error (error, name, "\"frames\" is missing or not an array; expected an array of frames");
      return NULL;
    }
  LimberCapture *c = limber_capture_new (f, (unsigned) w, (unsigned) h);
  JsonArray *a = json_node_get_array (frames);
  for (unsigned i = 0; i < json_array_get_length (a); i++)
    if (!read_frame (c, json_array_get_element (a, i), i, coco_flags, name, error))
      {
        limber_capture_free (c);
        return NULL;
      }
  return c;
}

LimberCapture *
limber_capture_new_from_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!limber_read_bounded (path, SCAN_MAX_BYTES, "a landmarks file of one test", NULL, &contents, &length, error))
    return NULL;
  return limber_capture_new_from_json (contents, (gssize) length, g_str_equal (path, "-") ? "<stdin>" : path, error);
}

/* ---- geometry ----------------------------------------------------------- */

/* The landmark's pixel position in a frame when seen confidently enough. */
static gboolean
seen (const LimberCapture *c, unsigned frame, int index, double out[3])
{
  const double *v = landmark_at (c, frame, index);
  if (v[3] < MIN_CONFIDENCE)
    return FALSE;
  out[0] = v[0];
  out[1] = v[1];
  out[2] = v[2];
  return TRUE;
}

static double
deg (double rad)
{
  return rad * 180.0 / G_PI;
}

/* The angle between two image vectors, 0 to 180. */
static double
between (const double a[2], const double b[2])
{
  double dot = a[0] * b[0] + a[1] * b[1];
  double cross = a[0] * b[1] - a[1] * b[0];
  return deg (atan2 (fabs (cross), dot));
}

/* A segment's image direction, degrees, -180 to 180. */
static double
direction (const double d[2])
{
  return deg (atan2 (d[1], d[0]));
}

static double
wrap180 (double a)
{
  while (a > 180)
    a -= 360;
  while (a < -180)
    a += 360;
  return a;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_of (const double *v, gsize n)
{
  if (n == 0)
    return NAN;
  g_autofree double *copy = g_memdup2 (v, n * sizeof *v);
  qsort (copy, n, sizeof *copy, compare_double);
  return n % 2 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
}

/* ---- results ------------------------------------------------------------ */

static void
reason_clear (gpointer data)
{
  g_free (((Reason *) data)->message);
}

static void G_GNUC_PRINTF (4, 5)
add_reason (LimberScanResult *r, LimberScanIssue issue, gboolean refusal, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  Reason reason = { issue, refusal, g_strdup_vprintf (fmt, ap) };
  va_end (ap);
  g_array_append_val (r->reasons, reason);
}

typedef struct {
  const LimberCapture *c;
  const LimberScanProtocol *p;
  LimberSide side;
  GArray *frames;  /* unsigned: the readable frames' indices */
  GArray *raw;     /* double: their angle (turn: the segment's length) */
  guint n_start;   /* the first n_start readable frames are the still start */
} Scan;

static gboolean
segment_vec (const Scan *S, unsigned frame, const int lm[2], double d[3])
{
  double a[3], b[3];
  if (!seen (S->c, frame, landmark_index (S->c->format, lm[0], S->side), a)
      || !seen (S->c, frame, landmark_index (S->c->format, lm[1], S->side), b))
    return FALSE;
  for (int k = 0; k < 3; k++)
    d[k] = b[k] - a[k];
  return TRUE;
}

/* The protocol's angle in one frame (for formula="turn", the segment's
 * length, turned into an angle once the start length is known). */
static gboolean
frame_value (const Scan *S, unsigned frame, double *out)
{
  const LimberScanProtocol *p = S->p;
  double d[3], r[3] = { 0, -1, 0 };
  if (!segment_vec (S, frame, p->segment, d) || hypot (d[0], d[1]) < 1e-6)
    return FALSE;
  if (p->formula == SCAN_FORMULA_TURN)
    {
      *out = hypot (d[0], d[1]);
      return TRUE;
    }
  if (p->reference[0] >= 0)
    {
      if (!segment_vec (S, frame, p->reference, r) || hypot (r[0], r[1]) < 1e-6)
        return FALSE;
    }
  double a;
  if (p->against == SCAN_AGAINST_VERTICAL)
    a = deg (atan2 (fabs (d[0]), fabs (d[1])));  /* as lines: 0 to 90 */
  else if (p->against == SCAN_AGAINST_HORIZONTAL)
    a = deg (atan2 (fabs (d[1]), fabs (d[0])));
  else
    a = between (d, r);
  if (p->positive_up)
    {
      /* the normal of the reference line that points up in the image (y
       * grows downwards); the segment below the line is negative */
      double n[2] = { r[1], -r[0] };
      if (n[1] > 0)
        n[0] = -n[0], n[1] = -n[1];
      if (d[0] * n[0] + d[1] * n[1] < 0)
        a = -a;
    }
  *out = p->formula == SCAN_FORMULA_FROM_90 ? 90 - a : a;
  return TRUE;
}

static void
median_filter (const double *in, double *out, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      gsize lo = i >= MEDIAN_WINDOW / 2 ? i - MEDIAN_WINDOW / 2 : 0;
      gsize hi = MIN (n - 1, i + MEDIAN_WINDOW / 2);
      out[i] = median_of (in + lo, hi - lo + 1);
    }
}

/* The hold: among the still stretches (filtered values within the band, no
 * gap over MAX_GAP_S) lasting at least min_s, the one with the highest
 * mean.  Two pointers with monotonic queues for the stretch's minimum and
 * maximum keep it linear in the number of frames. */
static gboolean
find_hold (const double *t, const double *f, gsize n, gsize first, double band, double min_s, gsize *from, gsize *to,
           double *longest_s)
{
  g_autofree gsize *qmax = g_new (gsize, n + 1), *qmin = g_new (gsize, n + 1);
  g_autofree double *prefix = g_new (double, n + 1);
  prefix[0] = 0;
  for (gsize i = 0; i < n; i++)
    prefix[i + 1] = prefix[i] + f[i];
  gsize hmax = 0, tmax = 0, hmin = 0, tmin = 0, j = 0;
  gboolean found = FALSE;
  double best = -INFINITY;
  *longest_s = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (j < i)
        {
          j = i;
          hmax = tmax = hmin = tmin = 0;
        }
      if (tmax == hmax)
        {
          qmax[tmax++] = i;
          qmin[tmin++] = i;
          j = i;
        }
      while (j + 1 < n && (t[j + 1] - t[j]) <= MAX_GAP_S * 1000)
        {
          double hi = MAX (f[qmax[hmax]], f[j + 1]), lo = MIN (f[qmin[hmin]], f[j + 1]);
          if (hi - lo > band)
            break;
          j++;
          while (tmax > hmax && f[qmax[tmax - 1]] <= f[j])
            tmax--;
          qmax[tmax++] = j;
          while (tmin > hmin && f[qmin[tmin - 1]] >= f[j])
            tmin--;
          qmin[tmin++] = j;
        }
      double span = (t[j] - t[i]) / 1000;
      *longest_s = MAX (*longest_s, span);
      double mean = (prefix[j + 1] - prefix[i]) / (double) (j - i + 1);
      if (i >= first && span >= min_s && mean > best)
        {
          best = mean;
          *from = i;
          *to = j;
          found = TRUE;
        }
      if (hmax < tmax && qmax[hmax] == i)
        hmax++;
      if (hmin < tmin && qmin[hmin] == i)
        hmin++;
      if (hmax == tmax)
        j = i; /* the queues are empty: the next stretch starts afresh */
    }
  return found;
}

/* The median over frames [from, to] of the readable frames of a segment's
 * image direction (still), length (square) or joint angle (straight); the
 * count of frames it was seen in via *n. */
static double
forbid_value (const Scan *S, const LimberScanForbid *fb, gsize from, gsize to, gsize *n, double *spread)
{
  g_autoptr (GArray) v = g_array_new (FALSE, FALSE, sizeof (double));
  for (gsize i = from; i <= to; i++)
    {
      unsigned frame = g_array_index (S->frames, unsigned, i);
      double d[3], e[3], x;
      if (fb->check == SCAN_CHECK_STRAIGHT)
        {
          int a[2] = { fb->landmarks[1], fb->landmarks[0] }, b[2] = { fb->landmarks[1], fb->landmarks[2] };
          if (!segment_vec (S, frame, a, d) || !segment_vec (S, frame, b, e))
            continue;
          x = between (d, e);
        }
      else
        {
          if (!segment_vec (S, frame, fb->landmarks, d))
            continue;
          x = fb->check == SCAN_CHECK_STILL ? direction (d) : hypot (d[0], d[1]);
        }
      g_array_append_val (v, x);
    }
  *n = v->len;
  if (fb->check == SCAN_CHECK_STILL && v->len > 0)
    {
      /* directions wrap at 180: take them around the first one */
      double ref = g_array_index (v, double, 0);
      for (guint i = 0; i < v->len; i++)
        g_array_index (v, double, i) = ref + wrap180 (g_array_index (v, double, i) - ref);
    }
  double mid = median_of ((const double *) v->data, v->len);
  /* the values' spread as a standard deviation, from their median
   * absolute deviation (robust to the odd wild frame) */
  for (guint i = 0; i < v->len; i++)
    g_array_index (v, double, i) = fabs (g_array_index (v, double, i) - mid);
  *spread = 1.4826 * median_of ((const double *) v->data, v->len);
  return mid;
}

static void
check_forbids (Scan *S, LimberScanResult *r, gsize from, gsize to)
{
  for (guint k = 0; k < S->p->forbids->len; k++)
    {
      const LimberScanForbid *fb = &g_array_index (S->p->forbids, LimberScanForbid, k);
      gsize n_hold, n_start = 0;
      double sd_hold, sd_start = 0;
      double hold = forbid_value (S, fb, from, to, &n_hold, &sd_hold);
      double start = fb->check == SCAN_CHECK_STRAIGHT ? NAN
                                                      : forbid_value (S, fb, 0, S->n_start - 1, &n_start, &sd_start);
      /* a check seen in under half the hold, or not in the start, cannot
       * be trusted either way: say so, but do not refuse on it */
      if (n_hold * 2 < to - from + 1 || (fb->check != SCAN_CHECK_STRAIGHT && n_start == 0))
        {
          add_reason (r, LIMBER_SCAN_ISSUE_NOT_CHECKED, FALSE,
                      "could not check that %s did not happen: the %s and %s were not seen clearly enough",
                      fb->text, limber_scan_landmark_name (fb->landmarks[0]),
                      limber_scan_landmark_name (fb->landmarks[fb->n_landmarks - 1]));
          continue;
        }
      double amount;
      gboolean bad;
      switch (fb->check)
        {
        case SCAN_CHECK_STRAIGHT:
          amount = hold;
          bad = hold < fb->limit;
          if (bad)
            add_reason (r, LIMBER_SCAN_ISSUE_COMPENSATION, TRUE,
                        "%s: the angle at the %s was %.0f degrees during the hold; the test needs at least %.0f",
                        fb->text, limber_scan_landmark_name (fb->landmarks[1]), amount, fb->limit);
          break;
        case SCAN_CHECK_STILL:
          amount = fabs (wrap180 (hold - start));
          if (amount > fb->limit)
            add_reason (r, LIMBER_SCAN_ISSUE_COMPENSATION, TRUE,
                        "%s: the line from the %s to the %s turned %.0f degrees from the start; the test allows %.0f",
                        fb->text, limber_scan_landmark_name (fb->landmarks[0]),
                        limber_scan_landmark_name (fb->landmarks[1]), amount, fb->limit);
          break;
        case SCAN_CHECK_SQUARE:
          amount = deg (acos (CLAMP (hold / start, 0, 1)));
          /* a short segment (the hips) shortening a little is within the
           * noise of its ends: refuse only a shortening twice its standard
           * error (that of a median, 1.25 sd / sqrt n, with the larger of
           * the two spreads: a dozen start frames can look calmer than
           * they are), note one below it */
          if (amount > fb->limit
              && start - hold < 2 * 1.25 * MAX (sd_hold, sd_start)
                                    * sqrt (1.0 / (double) n_hold + 1.0 / (double) MAX (n_start, 1)))
            {
              add_reason (r, LIMBER_SCAN_ISSUE_NOT_CHECKED, FALSE,
                          "could not check that %s did not happen: the %s and %s jittered too much", fb->text,
                          limber_scan_landmark_name (fb->landmarks[0]), limber_scan_landmark_name (fb->landmarks[1]));
              break;
            }
          if (amount > fb->limit)
            add_reason (r, LIMBER_SCAN_ISSUE_COMPENSATION, TRUE,
                        "%s: the line from the %s to the %s turned about %.0f degrees away from the camera; the test "
                        "allows %.0f",
                        fb->text, limber_scan_landmark_name (fb->landmarks[0]),
                        limber_scan_landmark_name (fb->landmarks[1]), amount, fb->limit);
          break;
        }
    }
}

/* How far the measured segment left the image plane during the hold, from
 * its depth when the estimator gives one and from its change of length in
 * the image against the start otherwise; its median over the hold. */
static void
check_plane (Scan *S, LimberScanResult *r, gsize from, gsize to)
{
  const LimberScanProtocol *p = S->p;
  if (p->formula == SCAN_FORMULA_TURN)
    {
      /* leaving the image plane is what a turn measures, from a start
       * square on to the camera: a start already turned by a few degrees
       * hardly shortens the segment (the cosine is flat there) but changes
       * the turn read by far more.  Only depth can show it. */
      g_autoptr (GArray) skew = g_array_new (FALSE, FALSE, sizeof (double));
      for (gsize i = 0; i < S->n_start; i++)
        {
          double d[3];
          if (segment_vec (S, g_array_index (S->frames, unsigned, i), p->segment, d) && !isnan (d[2]))
            {
              double a = deg (atan2 (fabs (d[2]), hypot (d[0], d[1])));
              g_array_append_val (skew, a);
            }
        }
      double a = median_of ((const double *) skew->data, skew->len);
      if (skew->len * 2 > S->n_start && a > TURN_SQUARE_DEG)
        add_reason (r, LIMBER_SCAN_ISSUE_OUT_OF_PLANE, TRUE,
                    "at the start the %s-to-%s line was already turned about %.0f degrees from square on to the "
                    "camera (at most %.0f allowed), which would change the turn read by far more; start facing the "
                    "camera square on",
                    limber_scan_landmark_name (p->segment[0]), limber_scan_landmark_name (p->segment[1]), a,
                    TURN_SQUARE_DEG);
      return;
    }
  g_autoptr (GArray) depth = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) len = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) start = g_array_new (FALSE, FALSE, sizeof (double));
  for (gsize i = 0; i <= to; i++)
    {
      double d[3];
      if (!segment_vec (S, g_array_index (S->frames, unsigned, i), p->segment, d))
        continue;
      double l = hypot (d[0], d[1]);
      if (i < S->n_start)
        g_array_append_val (start, l);
      if (i < from)
        continue;
      g_array_append_val (len, l);
      if (!isnan (d[2]))
        {
          double a = deg (atan2 (fabs (d[2]), l));
          g_array_append_val (depth, a);
        }
    }
  double tol = p->plane_tolerance;
  if (g_strcmp0 (p->view, "side") == 0)
    {
      /* the limb may stay in its plane while the camera looks at the body
       * obliquely: then the trunk and every segment are skewed alike, and
       * only the two shoulders drawing apart shows it */
      g_autoptr (GArray) turn = g_array_new (FALSE, FALSE, sizeof (double));
      int shoulders[2] = { SCAN_SHOULDER, SCAN_SHOULDER | SCAN_OTHER }, trunk[2] = { SCAN_SHOULDER, SCAN_HIP };
      for (gsize i = 0; i < S->n_start; i++)
        {
          double w[3], l[3];
          unsigned frame = g_array_index (S->frames, unsigned, i);
          if (segment_vec (S, frame, shoulders, w) && segment_vec (S, frame, trunk, l) && hypot (l[0], l[1]) > 1e-6)
            {
              double a = deg (asin (CLAMP (hypot (w[0], w[1]) / hypot (l[0], l[1]) / SHOULDERS_OVER_TRUNK, 0, 1)));
              g_array_append_val (turn, a);
            }
        }
      double a = median_of ((const double *) turn->data, turn->len);
      if (turn->len > 0 && a > tol)
        {
          add_reason (r, LIMBER_SCAN_ISSUE_OUT_OF_PLANE, TRUE,
                      "the camera saw the body about %.0f degrees from side-on (the two shoulders apart in the "
                      "picture; at most %.0f allowed), so the angles in the picture are not the real ones; film from "
                      "straight beside the body",
                      a, tol);
          return;
        }
    }
  if (depth->len * 2 > len->len)
    {
      double a = median_of ((const double *) depth->data, depth->len);
      if (a > tol)
        {
          add_reason (r, LIMBER_SCAN_ISSUE_OUT_OF_PLANE, TRUE,
                      "the %s-to-%s line pointed about %.0f degrees towards or away from the camera (at most %.0f "
                      "allowed): its angle in the picture is not its real angle; face the camera square on, the "
                      "side being measured nearest to it",
                      limber_scan_landmark_name (p->segment[0]), limber_scan_landmark_name (p->segment[1]), a, tol);
          return;
        }
    }
  if (start->len > 0 && len->len > 0)
    {
      double ratio = median_of ((const double *) len->data, len->len)
                     / median_of ((const double *) start->data, start->len);
      double limit = cos (tol * G_PI / 180);
      if (ratio < limit || ratio > 1 / limit)
        add_reason (r, LIMBER_SCAN_ISSUE_OUT_OF_PLANE, TRUE,
                    "the %s-to-%s line looked %.0f%% %s in the hold than at the start, so it moved out of the "
                    "picture's plane (its angle in the picture is not its real angle); move in line with the "
                    "instructions, the side being measured square on to the camera",
                    limber_scan_landmark_name (p->segment[0]), limber_scan_landmark_name (p->segment[1]),
                    fabs (ratio - 1) * 100, ratio < 1 ? "shorter" : "longer");
    }
}

/* The measure a scan request names, with its protocol; or NULL with the
 * error that says which it lacks (why it cannot be filmed, in the
 * translation's words when there is one). */
static const LimberMeasure *
scanned_measure (const LimberRuleset *rs, const char *measure, const LimberTranslation *tr, GError **error)
{
  const LimberMeasure *m = limber_ruleset_lookup_measure (rs, measure);
  if (m == NULL)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
                   "measure \"%s\": not in rule set \"%s\"; expected one of its measure ids (limber describe)",
                   measure, rs->id);
      return NULL;
    }
  if (m->protocol == NULL)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_UNSUPPORTED, "measure \"%s\": no scan protocol%s%s; expected "
                   "a measure with a <protocol> (docs/scan.md)", measure, m->no_scan ? ": " : "",
                   m->no_scan ? limber_tr (tr, m->no_scan) : "");
      return NULL;
    }
  return m;
}

LimberScanResult *
limber_scan_result_new (const LimberRuleset *rs, const char *measure, LimberSide side, const LimberCapture *c,
                        GError **error)
{
  g_return_val_if_fail (rs != NULL && measure != NULL && c != NULL, NULL);
  const LimberMeasure *m = scanned_measure (rs, measure, NULL, error);
  if (m == NULL)
    return NULL;
  if (side != LIMBER_SIDE_LEFT && side != LIMBER_SIDE_RIGHT)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS,
                   "measure \"%s\": no side; expected left or right (the side filmed)", measure);
      return NULL;
    }
  const LimberScanProtocol *p = m->protocol;
  LimberScanResult *r = g_new0 (LimberScanResult, 1);
  r->measure = g_strdup (measure);
  r->side = side;
  r->angle = NAN;
  r->n_frames = c->times->len;
  r->reasons = g_array_new (FALSE, TRUE, sizeof (Reason));
  g_array_set_clear_func (r->reasons, reason_clear);
  r->times = g_array_new (FALSE, FALSE, sizeof (double));
  r->filtered = g_array_new (FALSE, FALSE, sizeof (double));

  /* landmarks the format does not have */
  int needed[4] = { p->segment[0], p->segment[1], p->reference[0], p->reference[1] };
  g_autoptr (GString) absent = g_string_new (NULL);
  for (int k = 0; k < 4; k++)
    {
      /* each landmark named once (compared as landmarks: one name can be
       * part of another, "hip" of "other-hip") */
      gboolean named_before = FALSE;
      for (int j = 0; j < k; j++)
        named_before |= needed[j] == needed[k];
      if (needed[k] >= 0 && !named_before && landmark_index (c->format, needed[k], side) < 0)
        g_string_append_printf (absent, "%s%s", absent->len ? " and " : "", limber_scan_landmark_name (needed[k]));
    }
  if (absent->len > 0)
    {
      add_reason (r, LIMBER_SCAN_ISSUE_LANDMARKS_MISSING, TRUE,
                  "this test needs the %s, which the %s format lacks; film it with a pose estimator that "
                  "gives them (MediaPipe Pose)", absent->str, format_name (c->format));
      return r;
    }

  g_autofree double *t = NULL, *resid = NULL;
  Scan S = { c, p, side, g_array_new (FALSE, FALSE, sizeof (unsigned)), g_array_new (FALSE, FALSE, sizeof (double)),
             0 };
  for (unsigned f = 0; f < c->times->len; f++)
    {
      double v;
      if (frame_value (&S, f, &v))
        {
          g_array_append_val (S.frames, f);
          g_array_append_val (S.raw, v);
        }
    }
  gsize n = S.frames->len;
  r->n_usable = (unsigned) n;
  if (n < MIN_FRAMES)
    {
      if (c->times->len >= MIN_FRAMES)
        add_reason (r, LIMBER_SCAN_ISSUE_LANDMARKS_MISSING, TRUE,
                    "the %s, %s%s%s were seen clearly in only %zu of %u frames; film with the whole body in the "
                    "picture, in good light, the side being measured nearest the camera",
                    limber_scan_landmark_name (p->segment[0]), limber_scan_landmark_name (p->segment[1]),
                    p->reference[0] >= 0 ? " and " : "",
                    p->reference[0] >= 0 ? limber_scan_landmark_name (p->reference[0]) : "", n, c->times->len);
      else
        add_reason (r, LIMBER_SCAN_ISSUE_TOO_FEW_FRAMES, TRUE,
                    "%u frames; the test needs at least %d readable frames (film the whole movement and the hold)",
                    c->times->len, MIN_FRAMES);
      goto out;
    }
  t = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    t[i] = g_array_index (c->times, double, g_array_index (S.frames, unsigned, i));
  double *raw = (double *) S.raw->data;
  while (S.n_start < n && t[S.n_start] - t[0] <= START_S * 1000)
    S.n_start++;
  if (p->formula == SCAN_FORMULA_TURN)
    {
      /* the turn is how much the segment shortened from its length in the
       * still start, which faces the camera square on */
      double l0 = median_of (raw, MAX (S.n_start, 1));
      if (S.n_start >= 3)
        {
          /* the start must be still, judged on the lengths: near no turn
           * at all the arc cosine turns their jitter into tens of degrees */
          g_autofree double *fl = g_new (double, n), *dev = g_new (double, n);
          median_filter (raw, fl, n);
          for (gsize i = 0; i < n; i++)
            dev[i] = fabs (raw[i] - fl[i]);
          double jitter_l = 1.4826 * median_of (dev, n), lo_l = INFINITY, hi_l = -INFINITY;
          for (gsize i = 0; i < S.n_start; i++)
            lo_l = MIN (lo_l, fl[i]), hi_l = MAX (hi_l, fl[i]);
          if (hi_l - lo_l > MAX (0.08 * l0, 3 * jitter_l))
            {
              add_reason (r, LIMBER_SCAN_ISSUE_NO_START, TRUE,
                          "the %s-to-%s line changed length by %.0f%% in the first half second; start the film with "
                          "half a second still in the start position, facing the camera",
                          limber_scan_landmark_name (p->segment[0]), limber_scan_landmark_name (p->segment[1]),
                          100 * (hi_l - lo_l) / l0);
              goto out;
            }
        }
      for (gsize i = 0; i < n; i++)
        raw[i] = deg (acos (CLAMP (raw[i] / l0, 0, 1)));
    }
  g_array_set_size (r->filtered, (guint) n);
  median_filter (raw, (double *) r->filtered->data, n);
  g_array_append_vals (r->times, t, (guint) n);
  const double *f = (const double *) r->filtered->data;

  if (S.n_start < 3)
    {
      add_reason (r, LIMBER_SCAN_ISSUE_NO_START, TRUE,
                  "the first half second has %u readable frames; start the film with half a second still in the "
                  "start position", S.n_start);
      goto out;
    }
  double lo = INFINITY, hi = -INFINITY;
  for (gsize i = 0; i < S.n_start; i++)
    lo = MIN (lo, f[i]), hi = MAX (hi, f[i]);
  /* the jitter: the median distance of the raw angles from the filtered
   * ones, as a standard deviation (1.4826 times it for normal noise) */
  resid = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    resid[i] = fabs (raw[i] - f[i]);
  double jitter = 1.4826 * median_of (resid, n);
  double band = MAX (HOLD_BAND_DEG, 3 * jitter);
  if (p->formula != SCAN_FORMULA_TURN && hi - lo > MAX (START_BAND_DEG, 3 * jitter))
    {
      add_reason (r, LIMBER_SCAN_ISSUE_NO_START, TRUE,
                  "the angle moved %.0f degrees in the first half second; start the film with half a second still "
                  "in the start position", hi - lo);
      goto out;
    }

  gsize from = 0, to = 0;
  double longest;
  if (!find_hold (t, f, n, S.n_start, band, p->hold_s, &from, &to, &longest))
    {
      add_reason (r, LIMBER_SCAN_ISSUE_NOT_HELD, TRUE,
                  "no position was held still for %.1f s (the longest was %.1f s); hold the end position for at "
                  "least %.1f s", p->hold_s, longest, p->hold_s);
      goto out;
    }
  r->has_hold = TRUE;
  r->hold_start = t[from];
  r->hold_end = t[to];
  r->hold_frames = (unsigned) (to - from + 1);
  double peak = -INFINITY;
  for (gsize i = S.n_start; i < n; i++)
    peak = MAX (peak, f[i]);
  double held = median_of (f + from, to - from + 1);
  if (peak - held > MAX (REACH_SLACK_DEG, band))
    add_reason (r, LIMBER_SCAN_ISSUE_NOT_HELD, TRUE,
                "the movement reached about %.0f degrees but was held still only at about %.0f; hold the end "
                "position for at least %.1f s",
                peak, held, p->hold_s);
  r->angle = median_of (raw + from, to - from + 1);
  if (!isfinite (r->angle))
    {
      add_reason (r, LIMBER_SCAN_ISSUE_LANDMARKS_MISSING, TRUE,
                  "the landmarks of the hold give no angle (they lie on top of each other); film again");
      goto out;
    }
  check_plane (&S, r, from, to);
  check_forbids (&S, r, from, to);
  if (r->angle < m->min || r->angle > m->max)
    add_reason (r, LIMBER_SCAN_ISSUE_OUT_OF_RANGE, TRUE,
                "the angle read, %.0f degrees, is outside what this measure can be (%g to %g); check the camera "
                "set-up against the instructions",
                r->angle, m->min, m->max);

out:
  g_array_unref (S.frames);
  g_array_unref (S.raw);
  if (!limber_scan_result_is_usable (r))
    r->angle = NAN;
  return r;
}

void
limber_scan_result_free (LimberScanResult *r)
{
  if (r == NULL)
    return;
  g_free (r->measure);
  g_array_unref (r->reasons);
  g_array_unref (r->times);
  g_array_unref (r->filtered);
  g_free (r);
}

gboolean
limber_scan_result_is_usable (const LimberScanResult *r)
{
  g_return_val_if_fail (r != NULL, FALSE);
  for (guint i = 0; i < r->reasons->len; i++)
    if (g_array_index (r->reasons, Reason, i).refusal)
      return FALSE;
  return TRUE;
}

double
limber_scan_result_get_angle (const LimberScanResult *r)
{
  g_return_val_if_fail (r != NULL, NAN);
  return r->angle;
}

const char *
limber_scan_result_get_measure (const LimberScanResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);
  return r->measure;
}

LimberSide
limber_scan_result_get_side (const LimberScanResult *r)
{
  g_return_val_if_fail (r != NULL, LIMBER_SIDE_NONE);
  return r->side;
}

gboolean
limber_scan_result_get_hold (const LimberScanResult *r, double *start_ms, double *end_ms)
{
  g_return_val_if_fail (r != NULL, FALSE);
  if (start_ms)
    *start_ms = r->has_hold ? r->hold_start : NAN;
  if (end_ms)
    *end_ms = r->has_hold ? r->hold_end : NAN;
  return r->has_hold;
}

unsigned
limber_scan_result_get_n_reasons (const LimberScanResult *r)
{
  g_return_val_if_fail (r != NULL, 0);
  return r->reasons->len;
}

const char *
limber_scan_result_get_reason (const LimberScanResult *r, unsigned index, LimberScanIssue *issue, gboolean *refusal)
{
  g_return_val_if_fail (r != NULL, NULL);
  if (index >= r->reasons->len)
    return NULL;
  const Reason *reason = &g_array_index (r->reasons, Reason, index);
  if (issue)
    *issue = reason->issue;
  if (refusal)
    *refusal = reason->refusal;
  return reason->message;
}

unsigned
limber_scan_result_get_n_samples (const LimberScanResult *r)
{
  g_return_val_if_fail (r != NULL, 0);
  return r->filtered->len;
}

gboolean
limber_scan_result_get_sample (const LimberScanResult *r, unsigned index, double *timestamp_ms, double *angle)
{
  g_return_val_if_fail (r != NULL, FALSE);
  if (index >= r->filtered->len)
    return FALSE;
  if (timestamp_ms)
    *timestamp_ms = g_array_index (r->times, double, index);
  if (angle)
    *angle = g_array_index (r->filtered, double, index);
  return TRUE;
}

char *
limber_scan_result_to_json (const LimberScanResult *r, gboolean pretty)
{
  g_return_val_if_fail (r != NULL, NULL);
  GString *out = g_string_new (NULL);
  LimberJsonOut j;
  limber_json_out_init (&j, out, pretty);
  limber_json_out_begin_object (&j, NULL);
  limber_json_out_string (&j, "measure", r->measure);
  limber_json_out_string (&j, "side", limber_side_to_string (r->side));
  limber_json_out_bool (&j, "usable", limber_scan_result_is_usable (r));
  if (isnan (r->angle))
    limber_json_out_null (&j, "angle");
  else
    limber_json_out_number (&j, "angle", r->angle, 1);
  if (r->has_hold)
    {
      limber_json_out_begin_object (&j, "hold");
      limber_json_out_number (&j, "start_ms", r->hold_start, 1);
      limber_json_out_number (&j, "end_ms", r->hold_end, 1);
      limber_json_out_uint (&j, "frames", r->hold_frames);
      limber_json_out_end_object (&j);
    }
  else
    limber_json_out_null (&j, "hold");
  limber_json_out_uint (&j, "frames", r->n_frames);
  limber_json_out_uint (&j, "readable_frames", r->n_usable);
  limber_json_out_begin_array (&j, "reasons");
  for (guint i = 0; i < r->reasons->len; i++)
    {
      const Reason *reason = &g_array_index (r->reasons, Reason, i);
      limber_json_out_begin_object (&j, NULL);
      limber_json_out_string (&j, "issue", limber_scan_issue_to_string (reason->issue));
      limber_json_out_bool (&j, "refusal", reason->refusal);
      limber_json_out_string (&j, "message", reason->message);
      limber_json_out_end_object (&j);
    }
  limber_json_out_end_array (&j);
  limber_json_out_end_object (&j);
  if (pretty)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

const char *
limber_measure_get_scan_instructions (const LimberMeasure *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  return m->protocol ? m->protocol->instructions : NULL;
}

const char *
limber_ruleset_get_scan_instructions (const LimberRuleset *rs, const char *measure, const char *language,
                                      GError **error)
{
  g_return_val_if_fail (rs != NULL && measure != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  const LimberTranslation *tr;
  if (!limber_ruleset_translation_for (rs, language, &tr, error))
    return NULL;
  const LimberMeasure *m = scanned_measure (rs, measure, tr, error);
  return m ? limber_tr (tr, m->protocol->instructions) : NULL;
}

/* ---- into a profile ----------------------------------------------------- */

gboolean
limber_profile_add_scan_results (LimberProfile *profile, const LimberRuleset *rs, const char *date,
                                 const LimberScanResult *const *results, unsigned n, GError **error)
{
  g_return_val_if_fail (profile != NULL && rs != NULL && (results != NULL || n == 0), FALSE);
  if (date != NULL)
    {
      if (!limber_parse_date (date, NULL))
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "date \"%s\": not a real date; expected YYYY-MM-DD",
                       date);
          return FALSE;
        }
    }
  /* check everything first, so that a refusal adds nothing */
  g_autoptr (GPtrArray) measures = g_ptr_array_new ();
  for (unsigned i = 0; i < n; i++)
    {
      const LimberScanResult *r = results[i];
      const LimberMeasure *m = limber_ruleset_lookup_measure (rs, r->measure);
      if (m == NULL)
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "measure \"%s\": not in rule set \"%s\"", r->measure,
                       rs->id);
          return FALSE;
        }
      if (!limber_scan_result_is_usable (r))
        {
          g_autoptr (GString) why = g_string_new (NULL);
          for (guint k = 0; k < r->reasons->len; k++)
            if (g_array_index (r->reasons, Reason, k).refusal)
              g_string_append_printf (why, "%s%s", why->len ? "; " : "", g_array_index (r->reasons, Reason, k).message);
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "measure \"%s\", %s side: the scan was refused (%s); "
                       "expected a usable scan of it", r->measure, limber_side_to_string (r->side), why->str);
          return FALSE;
        }
      for (unsigned k = 0; k < i; k++)
        if (g_str_equal (results[k]->measure, r->measure) && results[k]->side == r->side)
          {
            g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "measure \"%s\", %s side: scanned twice; expected "
                         "one result per side", r->measure, limber_side_to_string (r->side));
            return FALSE;
          }
      gboolean listed = FALSE;
      for (guint k = 0; k < measures->len; k++)
        listed |= measures->pdata[k] == m;
      if (!listed)
        g_ptr_array_add (measures, (gpointer) m);
    }
  /* each measure's two sides, gathered once for the check and the adding */
  g_autofree double *sides = g_new (double, 2 * MAX (measures->len, 1));
  for (guint k = 0; k < measures->len; k++)
    {
      const LimberMeasure *m = measures->pdata[k];
      double left = NAN, right = NAN;
      for (unsigned i = 0; i < n; i++)
        if (g_str_equal (results[i]->measure, m->id))
          *(results[i]->side == LIMBER_SIDE_LEFT ? &left : &right) = results[i]->angle;
      sides[2 * k] = left;
      sides[2 * k + 1] = right;
      if (m->sided && (isnan (left) || isnan (right)))
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "measure \"%s\": only the %s side was scanned; "
                       "expected both sides of a sided measure", m->id, isnan (left) ? "right" : "left");
          return FALSE;
        }
      if (date != NULL && !m->sided)
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PROFILE, "measure \"%s\": re-scans are of sided measures; "
                       "expected no date for an unsided one", m->id);
          return FALSE;
        }
    }
  for (guint k = 0; k < measures->len; k++)
    {
      const LimberMeasure *m = measures->pdata[k];
      /* whole degrees within a tenth: the capture is no finer than that */
      double left = round (sides[2 * k] * 10) / 10;
      double right = round (sides[2 * k + 1] * 10) / 10;
      if (date != NULL)
        limber_profile_add_rescan (profile, date, m->id, left, right);
      else if (m->sided)
        limber_profile_set_measure (profile, m->id, left, right);
      else
        limber_profile_set_measure_value (profile, m->id, isnan (left) ? right : left);
    }
  return TRUE;
}
