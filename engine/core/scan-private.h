/*
 * Scan protocols (the <protocol> of a rule set's <measure>) as the loader
 * reads them, for ruleset-load.c, ruleset-check.c and scan.c.
 */
#ifndef LIMBER_SCAN_PRIVATE_H
#define LIMBER_SCAN_PRIVATE_H

#include <glib.h>
#include <libxml/tree.h>

/* A body part; a landmark is a part plus SCAN_OTHER for the side not being
 * measured (the nose belongs to neither side). */
typedef enum {
  SCAN_NOSE,
  SCAN_SHOULDER,
  SCAN_ELBOW,
  SCAN_WRIST,
  SCAN_HIP,
  SCAN_KNEE,
  SCAN_ANKLE,
  SCAN_HEEL,
  SCAN_FOOT_INDEX,
  SCAN_N_PARTS
} LimberScanPart;

#define SCAN_OTHER 0x10
#define SCAN_PART(landmark) ((landmark) & 0x0f)

typedef enum {
  SCAN_FORMULA_BETWEEN,
  SCAN_FORMULA_FROM_90,
  SCAN_FORMULA_TURN,
} LimberScanFormula;

typedef enum {
  SCAN_AGAINST_NONE,
  SCAN_AGAINST_VERTICAL,
  SCAN_AGAINST_HORIZONTAL,
} LimberScanAgainst;

typedef enum {
  SCAN_CHECK_STRAIGHT,
  SCAN_CHECK_STILL,
  SCAN_CHECK_SQUARE,
} LimberScanCheck;

typedef struct {
  LimberScanCheck check;
  int landmarks[3];
  int n_landmarks;
  double limit;             /* degrees */
  char *text;               /* what went wrong, in plain words */
  int line;
} LimberScanForbid;

typedef struct {
  char *position, *view, *plane;
  char *instructions;
  char **cite;
  LimberScanFormula formula;
  int segment[2];
  int reference[2];         /* -1 -1 when none */
  LimberScanAgainst against;
  gboolean positive_up;
  double hold_s;            /* default 1 */
  double plane_tolerance;   /* degrees, default 20 */
  GArray *forbids;          /* LimberScanForbid */
  int line, angle_line;
} LimberScanProtocol;

/* The <protocol> of a <measure> element, or NULL when it has none; the
 * text of its <no-scan>, if any, in *no_scan.  The schema has checked the
 * structure, so this only converts. */
LimberScanProtocol *limber_scan_protocol_read (xmlNode *measure, char **no_scan);
void limber_scan_protocol_free (LimberScanProtocol *protocol);
/* An empty protocol (no reference, no forbids), for readers of other forms
 * (ruleset-image.c). */
LimberScanProtocol *limber_scan_protocol_new (void);

/* What the schema cannot say about a protocol (reference= or against=, not
 * both; a joint of three landmarks...): a message and its line, or NULL. */
char *limber_scan_protocol_problem (const LimberScanProtocol *protocol, int *line);

/* "knee", "other-hip": the landmark's name as the rule file spells it. */
const char *limber_scan_landmark_name (int landmark);

#endif
