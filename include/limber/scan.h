/**
 * @file limber/scan.h
 * @brief The body scan from a camera: range-of-motion angles from pose landmarks, with quality checks.
 *
 * An app that runs a pose estimator (MediaPipe Pose with its 33 landmarks,
 * or a COCO-style one with 17 keypoints) films the person doing one test
 * of the rule set (each measure's @c \<protocol\>: position, camera view,
 * what to do) and hands the landmarks of every frame to a #LimberCapture.
 * limber_scan_result_new() reads the held end position from it and returns
 * the angle with a verdict: usable, or refused with the reasons (landmarks
 * missing or unsure, the limb out of the image plane, a compensation the
 * test forbids, the end not held, too few frames). A refusal is a result,
 * not an error: an app shows its reasons and films again.
 * limber_profile_add_scan_results() puts usable results into a profile's
 * scan (or, with a date, its re-scans). docs/scan.md has the protocols, the
 * landmark file formats and the measured accuracy.
 *
 * Thread safety: a capture is filled by one thread; once filled, and a
 * result once made, both are read-only and may be read from several threads.
 * limber_scan_result_new() only reads its rule set and capture, so several
 * may run at once.
 */
#ifndef LIMBER_SCAN_H
#define LIMBER_SCAN_H

#include <glib.h>
#include <limber/error.h>
#include <limber/ruleset.h>
#include <limber/profile.h>
#include <limber/plan.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief The landmarks of one person over the frames of one test (owned; free with limber_capture_free()). */
typedef struct _LimberCapture LimberCapture;

/** @brief One test's measured angle and verdict (owned; free with limber_scan_result_free()). */
typedef struct _LimberScanResult LimberScanResult;

/** @brief Which pose estimator's landmarks a capture holds. */
typedef enum {
  /** MediaPipe Pose (BlazePose): 33 landmarks in MediaPipe's order, x and y
   * normalised to 0..1 by the image width and height, z on roughly the scale
   * of x (NAN when absent), confidence = the landmark's visibility. */
  LIMBER_LANDMARKS_MEDIAPIPE_POSE,
  /** COCO keypoints: 17 in COCO's order, x and y in pixels, no z (NAN),
   * confidence 0..1. */
  LIMBER_LANDMARKS_COCO_17,
} LimberLandmarkFormat;

/** @brief What is wrong with a capture, for each reason of a result. */
typedef enum {
  LIMBER_SCAN_ISSUE_TOO_FEW_FRAMES,    /**< Too few frames with the landmarks the test needs. */
  LIMBER_SCAN_ISSUE_LANDMARKS_MISSING, /**< A landmark the test needs is not in this format, or was rarely seen. */
  LIMBER_SCAN_ISSUE_NO_START,          /**< The capture does not begin with the person still in the start position. */
  LIMBER_SCAN_ISSUE_OUT_OF_PLANE,      /**< The limb left the image plane, so its angle in the image is foreshortened. */
  LIMBER_SCAN_ISSUE_COMPENSATION,      /**< A movement the test forbids (knee bent, pelvis lifting, trunk turning). */
  LIMBER_SCAN_ISSUE_NOT_HELD,          /**< The end position was not held still long enough. */
  LIMBER_SCAN_ISSUE_OUT_OF_RANGE,      /**< The angle is outside what the measure can be. */
  LIMBER_SCAN_ISSUE_NOT_CHECKED,       /**< A note, not a refusal: a compensation could not be checked. */
} LimberScanIssue;

/**
 * @brief The issue's name as results' JSON spells it ("out-of-plane").
 * @param issue the issue.
 * @return a static string, "unknown" for a value outside the enumeration.
 */
const char *limber_scan_issue_to_string(LimberScanIssue issue);

/**
 * @brief An empty capture, to fill with limber_capture_add_frame().
 * @param format the landmarks' format.
 * @param image_width the frames' width in pixels, at least 1.
 * @param image_height the frames' height in pixels, at least 1.
 * @return the capture, or NULL when a size is 0.
 */
LimberCapture *limber_capture_new(LimberLandmarkFormat format, unsigned image_width, unsigned image_height);

/**
 * @brief Reads a capture from a landmarks JSON document (docs/scan.md, "Landmark files").
 * @param data the JSON text.
 * @param length its length in bytes, or -1 when NUL-terminated.
 * @param name the document's name for messages (a file name), or NULL.
 * @param error return location for an error naming the document and the field, or NULL.
 * @return the capture, or NULL with @p error set.
 */
LimberCapture *limber_capture_new_from_json(const char *data, gssize length, const char *name, GError **error);

/**
 * @brief Reads a landmarks JSON file ("-" reads standard input), at most 64 MiB.
 * @param path the file.
 * @param error return location for an error, or NULL.
 * @return the capture, or NULL with @p error set.
 */
LimberCapture *limber_capture_new_from_file(const char *path, GError **error);

/**
 * @brief Frees a capture.
 * @param capture the capture, or NULL.
 */
void limber_capture_free(LimberCapture *capture);

/**
 * @brief Adds one frame; frames come in time order.
 * @param capture the capture.
 * @param timestamp_ms the frame's time in milliseconds, later than the previous frame's.
 * @param landmarks @p n_landmarks rows of four numbers: x, y, z (NAN when the
 *   estimator gives none) and confidence (0..1), in the capture format's units.
 * @param n_landmarks 33 for MediaPipe Pose, 17 for COCO.
 * @param error return location for an error saying which value is wrong, or NULL.
 * @return TRUE when the frame was added.
 */
gboolean limber_capture_add_frame(LimberCapture *capture, double timestamp_ms, const double *landmarks,
                                  unsigned n_landmarks, GError **error);

/**
 * @brief The number of frames.
 * @param capture the capture.
 * @return the number of frames added.
 */
unsigned limber_capture_get_n_frames(const LimberCapture *capture);

/**
 * @brief The landmarks' format.
 * @param capture the capture.
 * @return the format.
 */
LimberLandmarkFormat limber_capture_get_format(const LimberCapture *capture);

/**
 * @brief The instructions a person reads before filming a measure's test.
 * @param measure a measure of a rule set.
 * @return the protocol's instructions (borrowed), or NULL when the measure has no scan protocol.
 */
const char *limber_measure_get_scan_instructions(const LimberMeasure *measure);

/**
 * @brief The instructions a person reads before filming a measure's test, in a language.
 *
 * As limber_measure_get_scan_instructions(), translated by the rule set's
 * translation into @p language (docs/i18n.md).
 *
 * @param ruleset the rule set.
 * @param measure the measure's id ("hamstring.slr").
 * @param language a language code ("de", "es"; NULL or "en": the rule set as written).
 * @param error return location for an error, or NULL.
 * @return the instructions (borrowed from the rule set), or NULL with @p error set: #LIMBER_ERROR_OPTIONS for
 *   an unknown measure or a language the rule set has no translation into, #LIMBER_ERROR_UNSUPPORTED for a
 *   measure without a scan protocol (the message says why, when the rule set does).
 */
const char *limber_ruleset_get_scan_instructions(const LimberRuleset *ruleset, const char *measure,
                                                 const char *language, GError **error);

/**
 * @brief Measures one side of one test from a capture.
 *
 * The protocol is the measure's in @p ruleset. Only a request that cannot
 * be answered is an error (an unknown measure, one without a protocol, no
 * side for a sided measure); a capture that cannot be trusted gives a
 * result that is not usable, with its reasons.
 *
 * @param ruleset the rule set.
 * @param measure the measure's id ("hamstring.slr"), which names its protocol.
 * @param side #LIMBER_SIDE_LEFT or #LIMBER_SIDE_RIGHT: the side filmed (the person's own left or right).
 * @param capture the frames.
 * @param error return location for an error, or NULL.
 * @return the result, or NULL with @p error set.
 */
LimberScanResult *limber_scan_result_new(const LimberRuleset *ruleset, const char *measure, LimberSide side,
                                         const LimberCapture *capture, GError **error);

/**
 * @brief Frees a result.
 * @param result the result, or NULL.
 */
void limber_scan_result_free(LimberScanResult *result);

/**
 * @brief Whether the angle can be used.
 * @param result the result.
 * @return TRUE when no reason refuses the capture.
 */
gboolean limber_scan_result_is_usable(const LimberScanResult *result);

/**
 * @brief The measured angle: the median over the held end position.
 * @param result the result.
 * @return degrees, in the measure's unit; NAN when the result is not usable.
 */
double limber_scan_result_get_angle(const LimberScanResult *result);

/**
 * @brief The measure's id.
 * @param result the result.
 * @return the id (borrowed).
 */
const char *limber_scan_result_get_measure(const LimberScanResult *result);

/**
 * @brief The side measured.
 * @param result the result.
 * @return the side given to limber_scan_result_new().
 */
LimberSide limber_scan_result_get_side(const LimberScanResult *result);

/**
 * @brief The held end position's time span.
 * @param result the result.
 * @param start_ms return location for its first frame's time, or NULL.
 * @param end_ms return location for its last frame's time, or NULL.
 * @return TRUE when a hold was found (even if too short or refused for another reason).
 */
gboolean limber_scan_result_get_hold(const LimberScanResult *result, double *start_ms, double *end_ms);

/**
 * @brief The number of reasons (refusals and notes), in the order found.
 * @param result the result.
 * @return the count; 0 for a clean capture.
 */
unsigned limber_scan_result_get_n_reasons(const LimberScanResult *result);

/**
 * @brief One reason, in plain words for the person.
 * @param result the result.
 * @param index from 0 to limber_scan_result_get_n_reasons() - 1.
 * @param issue return location for its kind, or NULL.
 * @param refusal return location: TRUE when it makes the result unusable (FALSE for a note), or NULL.
 * @return the message (borrowed), or NULL when @p index is out of range.
 */
const char *limber_scan_result_get_reason(const LimberScanResult *result, unsigned index, LimberScanIssue *issue,
                                          gboolean *refusal);

/**
 * @brief The number of frames whose angle could be read (the angle over time, for a plot).
 * @param result the result.
 * @return the count.
 */
unsigned limber_scan_result_get_n_samples(const LimberScanResult *result);

/**
 * @brief The angle of one readable frame, after the jitter filter.
 * @param result the result.
 * @param index from 0 to limber_scan_result_get_n_samples() - 1.
 * @param timestamp_ms return location for the frame's time, or NULL.
 * @param angle return location for the filtered angle in degrees, or NULL.
 * @return FALSE when @p index is out of range.
 */
gboolean limber_scan_result_get_sample(const LimberScanResult *result, unsigned index, double *timestamp_ms,
                                       double *angle);

/**
 * @brief The result as JSON (docs/scan.md, "Results").
 * @param result the result.
 * @param pretty TRUE for indented output.
 * @return the JSON text (free with g_free()).
 */
char *limber_scan_result_to_json(const LimberScanResult *result, gboolean pretty);

/**
 * @brief Puts scan results into a profile: its scan, or with a date a re-scan entry.
 *
 * Results are grouped by measure; a sided measure needs a usable left and
 * right result, an unsided one a single usable result. Nothing is added
 * when any result is refused, a side is missing or given twice.
 *
 * @param profile the profile to change.
 * @param ruleset the rule set the results were measured against.
 * @param date NULL for the profile's scan, or the re-scan's day as YYYY-MM-DD.
 * @param results the results.
 * @param n_results how many.
 * @param error return location for an error naming the measure and what is wrong, or NULL.
 * @return TRUE when every measure was added.
 */
gboolean limber_profile_add_scan_results(LimberProfile *profile, const LimberRuleset *ruleset, const char *date,
                                         const LimberScanResult *const *results, unsigned n_results,
                                         GError **error);

#pragma GCC visibility pop
G_END_DECLS

#endif
