/*
 * The body scan from a camera (include/limber/scan.h, docs/scan.md), on
 * synthetic captures (tests/scan-synth.h) of the default rule set's
 * protocols whose true angle is known: a clean in-plane capture reads
 * within 5 degrees of it, an unusable one is refused with its reason.
 */
#include "support.h"

#include <math.h>

#include "scan-synth.h"

static LimberScanResult *
scan (const LimberRuleset *rs, const Synth *S)
{
  g_autofree char *json = synth_json (S);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberCapture) c = limber_capture_new_from_json (json, -1, "synthetic.json", &error);
  cr_assert_not_null (c, "%s", error ? error->message : "");
  LimberScanResult *r = limber_scan_result_new (rs, S->measure, S->side, c, &error);
  cr_assert_not_null (r, "%s", error ? error->message : "");
  return r;
}

static char *
reasons (const LimberScanResult *r)
{
  GString *s = g_string_new (NULL);
  for (unsigned i = 0; i < limber_scan_result_get_n_reasons (r); i++)
    g_string_append_printf (s, "  %s\n", limber_scan_result_get_reason (r, i, NULL, NULL));
  return g_string_free (s, FALSE);
}

static gboolean
has_issue (const LimberScanResult *r, LimberScanIssue want)
{
  for (unsigned i = 0; i < limber_scan_result_get_n_reasons (r); i++)
    {
      LimberScanIssue issue;
      gboolean refusal;
      limber_scan_result_get_reason (r, i, &issue, &refusal);
      if (issue == want && refusal)
        return TRUE;
    }
  return FALSE;
}

static const struct {
  const char *measure;
  double angles[3];
} cases[] = {
  { "hamstring.slr", { 45, 70, 90 } },
  { "hip.flexion", { 80, 110, 125 } },
  { "hip.extension", { 5, 15, 25 } },
  { "hip.internal-rotation", { 20, 35, 45 } },
  { "hip.external-rotation", { 25, 42, 55 } },
  { "shoulder.flexion", { 120, 150, 170 } },
  { "ankle.dorsiflexion", { 5, 13, 25 } },
  { "thoracic.rotation", { 20, 30, 45 } },
};

/* The error of every case under one condition: worst and mean absolute. */
static void
accuracy_of (const LimberRuleset *rs, const char *condition, Synth base, double *worst_out, gboolean within_5)
{
  for (guint m = 0; m < G_N_ELEMENTS (cases); m++)
    {
      double worst = 0, sum = 0;
      int count = 0;
      /* a turn read from shortening needs a square-on start: with the
       * camera turned, its own test below expects a refusal */
      if (base.yaw_deg != 0 && g_str_equal (cases[m].measure, "thoracic.rotation"))
        continue;
      for (int a = 0; a < 3; a++)
        for (int side = 0; side < 2; side++)
          {
            Synth S = base;
            S.measure = cases[m].measure;
            S.angle = cases[m].angles[a];
            S.side = side ? LIMBER_SIDE_RIGHT : LIMBER_SIDE_LEFT;
            S.seed = base.seed + 17 * m + 3 * a + side;
            g_autoptr (LimberScanResult) r = scan (rs, &S);
            g_autofree char *why = reasons (r);
            if (!within_5 && !limber_scan_result_is_usable (r))
              {
                printf ("| %s | %s %g | refused |\n", condition, S.measure, S.angle);
                continue;
              }
            cr_assert (limber_scan_result_is_usable (r), "%s %s %g %s: refused:\n%s", condition, S.measure, S.angle,
                       side ? "right" : "left", why);
            double err = fabs (limber_scan_result_get_angle (r) - S.angle);
            cr_assert (!within_5 || err <= 5.0, "%s %s %g %s: read %.1f", condition, S.measure, S.angle, side ? "right" : "left",
                           limber_scan_result_get_angle (r));
            worst = MAX (worst, err);
            sum += err;
            count++;
          }
      /* the accuracy table of docs/scan.md */
      printf ("| %s | %s | %.1f | %.1f |\n", condition, cases[m].measure, count ? sum / count : NAN, worst);
      worst_out[m] = worst;
    }
}

static void
accuracy (const LimberRuleset *rs, const char *condition, Synth base, double *worst_out)
{
  accuracy_of (rs, condition, base, worst_out, TRUE);
}

LIMBER_TEST (scan, clean_in_plane_captures_read_within_5_degrees_of_the_true_angle)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  double worst[G_N_ELEMENTS (cases)];
  accuracy (rs, "clean (noise 1 px)", (Synth) { .noise_px = 1, .seed = 1 }, worst);
  accuracy (rs, "noise 4 px, 10% frames lost", (Synth) { .noise_px = 4, .drop = 0.1, .seed = 100 }, worst);
  accuracy (rs, "camera rolled 12 degrees", (Synth) { .noise_px = 2, .roll_deg = 12, .seed = 200 }, worst);
  accuracy (rs, "no depth (2D only)", (Synth) { .noise_px = 2, .no_depth = TRUE, .seed = 300 }, worst);
  accuracy (rs, "camera turned 10 degrees", (Synth) { .noise_px = 2, .yaw_deg = 10, .seed = 400 }, worst);
  /* just inside the 20 degrees the side-on check allows: measured and
   * printed for docs/scan.md, not held to 5 degrees (it is not a clean
   * capture) */
  accuracy_of (rs, "camera turned 18 degrees", (Synth) { .noise_px = 2, .yaw_deg = 18, .seed = 500 }, worst, FALSE);
}

LIMBER_TEST (scan, a_trunk_turn_needs_a_square_on_start_and_depth_shows_when_it_was_not)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth S = { .measure = "thoracic.rotation", .angle = 30, .side = LIMBER_SIDE_LEFT, .noise_px = 2, .yaw_deg = 10,
              .seed = 21 };
  g_autoptr (LimberScanResult) r = scan (rs, &S);
  g_autofree char *why = reasons (r);
  cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_OUT_OF_PLANE), "read %.1f:\n%s", limber_scan_result_get_angle (r), why);
  /* without depth the same capture cannot be told from a clean one: the
   * limit of a 2D front view that docs/scan.md states, measured here */
  S.no_depth = TRUE;
  g_autoptr (LimberScanResult) flat = scan (rs, &S);
  cr_assert (limber_scan_result_is_usable (flat));
  printf ("| camera turned 10 degrees, no depth | thoracic.rotation 30 | %.1f |\n",
          fabs (limber_scan_result_get_angle (flat) - 30));
}

LIMBER_TEST (scan, COCO_keypoints_read_the_tests_they_have_landmarks_for)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth S = { .measure = "hamstring.slr", .angle = 70, .side = LIMBER_SIDE_RIGHT, .noise_px = 2,
              .format = LIMBER_LANDMARKS_COCO_17, .seed = 5 };
  g_autoptr (LimberScanResult) r = scan (rs, &S);
  cr_assert (limber_scan_result_is_usable (r));
  cr_assert_leq (fabs (limber_scan_result_get_angle (r) - 70), 5);
}

LIMBER_TEST (scan, COCO_keypoints_have_no_foot_so_the_ankle_test_is_refused_not_guessed)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth S = { .measure = "ankle.dorsiflexion", .angle = 13, .side = LIMBER_SIDE_LEFT, .noise_px = 1,
              .format = LIMBER_LANDMARKS_COCO_17, .seed = 6 };
  g_autoptr (LimberScanResult) r = scan (rs, &S);
  cr_assert_not (limber_scan_result_is_usable (r));
  cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_LANDMARKS_MISSING));
  cr_assert (isnan (limber_scan_result_get_angle (r)));
  cr_assert_not_null (strstr (limber_scan_result_get_reason (r, 0, NULL, NULL), "heel and foot-index"));
}

LIMBER_TEST (scan, a_camera_turned_away_from_square_on_is_refused_as_out_of_plane)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  const char *measures[] = { "hamstring.slr", "shoulder.flexion", "hip.flexion" };
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    for (int depth = 0; depth < 2; depth++)
      {
        Synth S = { .measure = measures[i], .angle = i == 1 ? 160 : 70, .side = LIMBER_SIDE_LEFT, .noise_px = 2,
                    .yaw_deg = 40, .no_depth = depth == 1, .seed = 7 + i };
        g_autoptr (LimberScanResult) r = scan (rs, &S);
        g_autofree char *why = reasons (r);
        cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_OUT_OF_PLANE), "%s %s: %g read, reasons:\n%s", measures[i],
                   depth ? "2D" : "with z", limber_scan_result_get_angle (r), why);
        cr_assert_not (limber_scan_result_is_usable (r));
      }
}

LIMBER_TEST (scan, each_forbidden_compensation_is_refused_with_its_own_words)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  static const struct {
    const char *measure, *compensation;
    double angle, amount;
    const char *words;
  } comps[] = {
    { "hamstring.slr", "bent", 70, 45, "the knee bent" },
    { "hamstring.slr", "other-leg", 70, 25, "the other leg lifted" },
    { "hamstring.slr", "pelvis", 70, 20, "the pelvis lifted" },
    { "hip.flexion", "other-leg", 110, 30, "the other thigh lifted" },
    { "hip.extension", "bent", 15, 45, "the knee bent" },
    { "hip.extension", "pelvis", 15, 20, "the pelvis lifted" },
    { "hip.internal-rotation", "pelvis", 35, 25, "the pelvis rolled" },
    { "hip.external-rotation", "pelvis", 42, 25, "the pelvis rolled" },
    { "shoulder.flexion", "bent", 160, 60, "the elbow bent" },
    { "shoulder.flexion", "lean", 160, 20, "the back arched" },
    { "ankle.dorsiflexion", "shin", 13, 20, "the shin moved" },
    { "thoracic.rotation", "hips-turn", 35, 30, "the hips turned" },
    { "thoracic.rotation", "lean", 35, 25, "the trunk leaned sideways" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (comps); i++)
    {
      Synth S = { .measure = comps[i].measure, .angle = comps[i].angle, .side = LIMBER_SIDE_RIGHT, .noise_px = 2,
                  .compensation = comps[i].compensation, .compensation_deg = comps[i].amount, .seed = 30 + i };
      g_autoptr (LimberScanResult) r = scan (rs, &S);
      g_autofree char *why = reasons (r);
      cr_assert_not (limber_scan_result_is_usable (r), "%s %s: not refused, read %.1f", comps[i].measure,
                     comps[i].compensation, limber_scan_result_get_angle (r));
      cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_COMPENSATION), "%s %s:\n%s", comps[i].measure,
                 comps[i].compensation, why);
      cr_assert_not_null (strstr (why, comps[i].words), "%s %s:\n%s", comps[i].measure, comps[i].compensation, why);
    }
}

LIMBER_TEST (scan, an_end_position_not_held_for_a_second_is_refused)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth S = { .measure = "hamstring.slr", .angle = 70, .side = LIMBER_SIDE_LEFT, .noise_px = 1, .hold_s = 0.3,
              .seed = 9 };
  g_autoptr (LimberScanResult) r = scan (rs, &S);
  g_autofree char *why = reasons (r);
  cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_NOT_HELD), "%s", why);
  cr_assert_not (limber_scan_result_is_usable (r));
}

LIMBER_TEST (scan, a_capture_mostly_lost_is_refused_for_its_landmarks)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth S = { .measure = "shoulder.flexion", .angle = 150, .side = LIMBER_SIDE_LEFT, .noise_px = 1, .drop = 0.97,
              .seed = 10 };
  g_autoptr (LimberScanResult) r = scan (rs, &S);
  g_autofree char *why = reasons (r);
  cr_assert_not (limber_scan_result_is_usable (r));
  cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_LANDMARKS_MISSING) || has_issue (r, LIMBER_SCAN_ISSUE_TOO_FEW_FRAMES)
             || has_issue (r, LIMBER_SCAN_ISSUE_NO_START) || has_issue (r, LIMBER_SCAN_ISSUE_NOT_HELD), "%s", why);
}

LIMBER_TEST (scan, too_few_frames_are_refused)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCapture) c = limber_capture_new (LIMBER_LANDMARKS_COCO_17, 640, 480);
  double lm[17 * 4];
  for (int i = 0; i < 17; i++)
    lm[4 * i] = 100 + i, lm[4 * i + 1] = 200 + 3 * i, lm[4 * i + 2] = NAN, lm[4 * i + 3] = 0.9;
  for (int f = 0; f < 4; f++)
    cr_assert (limber_capture_add_frame (c, f * 33.3, lm, 17, NULL));
  g_autoptr (LimberScanResult) r = limber_scan_result_new (rs, "hamstring.slr", LIMBER_SIDE_LEFT, c, NULL);
  cr_assert (has_issue (r, LIMBER_SCAN_ISSUE_TOO_FEW_FRAMES));
  g_autofree char *json = limber_scan_result_to_json (r, FALSE);
  cr_assert_not_null (strstr (json, "\"usable\":false"), "%s", json);
  cr_assert_not_null (strstr (json, "\"issue\":\"too-few-frames\""), "%s", json);
}

LIMBER_TEST (scan, bad_requests_and_bad_frames_are_errors_naming_what_is_wrong)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autoptr (LimberCapture) c = limber_capture_new (LIMBER_LANDMARKS_COCO_17, 640, 480);
  g_autoptr (GError) error = NULL;
  cr_assert_null (limber_scan_result_new (rs, "hamstring.srl", LIMBER_SIDE_LEFT, c, &error));
  cr_assert_not_null (strstr (error->message, "hamstring.srl"));
  g_clear_error (&error);
  cr_assert_null (limber_scan_result_new (rs, "hamstring.slr", LIMBER_SIDE_NONE, c, &error));
  cr_assert_not_null (strstr (error->message, "expected left or right"));
  g_clear_error (&error);
  double lm[17 * 4] = { 0 };
  lm[3] = 1.5;
  cr_assert_not (limber_capture_add_frame (c, 0, lm, 17, &error));
  cr_assert_not_null (strstr (error->message, "confidence 1.5; expected 0 to 1"), "%s", error->message);
  g_clear_error (&error);
  lm[3] = 1;
  cr_assert (limber_capture_add_frame (c, 10, lm, 17, NULL));
  cr_assert_not (limber_capture_add_frame (c, 5, lm, 17, &error));
  cr_assert_not_null (strstr (error->message, "not after the previous frame"), "%s", error->message);
  g_clear_error (&error);

  static const struct {
    const char *json, *words;
  } bad[] = {
    { "[]", "not a JSON object" },
    { "{\"format\": \"openpose\", \"image_width\": 10, \"image_height\": 10, \"frames\": []}",
      "\"format\" is \"openpose\"; expected \"mediapipe-pose\"" },
    { "{\"format\": \"coco-17\", \"image_width\": 0, \"image_height\": 10, \"frames\": []}", "image size 0 x 10" },
    { "{\"format\": \"coco-17\", \"image_width\": 10, \"image_height\": 10, \"frames\": [{\"timestamp_ms\": 0, "
      "\"keypoints\": [1, 2]}]}",
      "frames[0]: \"keypoints\" must be an array of 51 numbers" },
    { "{\"format\": \"coco-17\", \"image_width\": 10, \"image_height\": 10, \"fps\": 30, \"frames\": []}",
      "unknown key \"fps\"" },
    { "{\"format\": \"mediapipe-pose\", \"image_width\": 10, \"image_height\": 10, \"frames\": [{\"landmarks\": []}]}",
      "frames[0]: \"timestamp_ms\" is missing" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) e = NULL;
      cr_assert_null (limber_capture_new_from_json (bad[i].json, -1, "frames.json", &e));
      cr_assert_not_null (strstr (e->message, "frames.json: "), "%s", e->message);
      cr_assert_not_null (strstr (e->message, bad[i].words), "%s\nwanted: %s", e->message, bad[i].words);
    }
  /* COCO's v flag is 0, 1 or 2; a detector's score needs coco-17-scores */
  GString *coco = g_string_new ("{\"format\": \"coco-17\", \"image_width\": 10, \"image_height\": 10, \"frames\": "
                                "[{\"timestamp_ms\": 0, \"keypoints\": [");
  for (int i = 0; i < 17; i++)
    g_string_append_printf (coco, "%s1, 2, 0.7", i ? ", " : "");
  g_string_append (coco, "]}]}");
  g_autoptr (GError) e = NULL;
  cr_assert_null (limber_capture_new_from_json (coco->str, -1, "frames.json", &e));
  cr_assert_not_null (strstr (e->message, "expected 0, 1 or 2"), "%s", e->message);
  g_string_free (coco, TRUE);

  /* a landmark a hundred pictures away is not a position */
  g_clear_error (&e);
  g_autofree char *far = NULL;
  cr_assert (g_file_get_contents (LIMBER_TEST_DATA "/fuzz/landmarks/mediapipe-far-away.json", &far, NULL, NULL));
  cr_assert_null (limber_capture_new_from_json (far, -1, "far.json", &e));
  cr_assert_not_null (strstr (e->message, "far.json: frame 0, landmark 0: x is 1e+300; expected a position within a "
                                          "hundred image sizes"), "%s", e->message);
}

LIMBER_TEST (scan, both_sides_go_into_the_profile_and_the_plan_reads_them)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth L = { .measure = "hamstring.slr", .angle = 50, .side = LIMBER_SIDE_LEFT, .noise_px = 1, .seed = 11 };
  Synth R = { .measure = "hamstring.slr", .angle = 75, .side = LIMBER_SIDE_RIGHT, .noise_px = 1, .seed = 12 };
  g_autoptr (LimberScanResult) left = scan (rs, &L);
  g_autoptr (LimberScanResult) right = scan (rs, &R);
  const LimberScanResult *both[] = { left, right };
  g_autoptr (LimberProfile) p = limber_profile_new ();
  limber_profile_set_age (p, 40);
  g_autoptr (GError) error = NULL;
  cr_assert (limber_profile_add_scan_results (p, rs, NULL, both, 2, &error), "%s", error ? error->message : "");
  cr_assert (limber_profile_add_scan_results (p, rs, "2026-12-01", both, 2, &error), "%s",
             error ? error->message : "");
  gboolean sided;
  double l, r;
  cr_assert_str_eq (limber_profile_get_measure (p, 0, &sided, &l, &r), "hamstring.slr");
  cr_assert_leq (fabs (l - 50), 5);
  cr_assert_leq (fabs (r - 75), 5);
  g_autofree char *json = limber_profile_to_json (p, FALSE);
  cr_assert_not_null (strstr (json, "\"rescans\""), "%s", json);
  /* a 25 degree difference is an asymmetry the plan names */
  g_autoptr (LimberPlan) plan = limber_test_generate (rs, p, "2026-12-02", 1, 0);
  gboolean named = FALSE;
  for (unsigned i = 0; i < limber_plan_get_n_asymmetries (plan); i++)
    named |= g_str_equal (limber_plan_get_asymmetry (plan, i, NULL, NULL), "hamstring.slr");
  cr_assert (named);

  /* one side alone, or a refused scan, adds nothing */
  g_autoptr (LimberProfile) q = limber_profile_new ();
  cr_assert_not (limber_profile_add_scan_results (q, rs, "2026-02-30", both, 2, &error));
  cr_assert_not_null (strstr (error->message, "date \"2026-02-30\": not a real date"), "%s", error->message);
  g_clear_error (&error);
  cr_assert_not (limber_profile_add_scan_results (q, rs, NULL, both, 1, &error));
  cr_assert_not_null (strstr (error->message, "only the left side was scanned"), "%s", error->message);
  g_clear_error (&error);
  Synth bent = R;
  bent.compensation = "bent";
  bent.compensation_deg = 45;
  g_autoptr (LimberScanResult) refused = scan (rs, &bent);
  const LimberScanResult *with_refused[] = { left, refused };
  cr_assert_not (limber_profile_add_scan_results (q, rs, NULL, with_refused, 2, &error));
  cr_assert_not_null (strstr (error->message, "the knee bent"), "%s", error->message);
  cr_assert_eq (limber_profile_get_n_measures (q), 0);
}

LIMBER_TEST (scan, the_held_angle_is_in_the_samples_and_the_hold_is_found)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  Synth S = { .measure = "shoulder.flexion", .angle = 165, .side = LIMBER_SIDE_LEFT, .noise_px = 2, .seed = 13 };
  g_autoptr (LimberScanResult) r = scan (rs, &S);
  double start, end;
  cr_assert (limber_scan_result_get_hold (r, &start, &end));
  /* the synthetic hold runs from 2.5 s to 4.5 s */
  cr_assert_geq (start, 2300);
  cr_assert_leq (end, 4700);
  cr_assert_geq (end - start, 1000);
  cr_assert_gt (limber_scan_result_get_n_samples (r), 100);
  double t, a;
  cr_assert (limber_scan_result_get_sample (r, 0, &t, &a));
  cr_assert_leq (fabs (a), 5);
  cr_assert_not (limber_scan_result_get_sample (r, 100000, &t, &a));
}

LIMBER_TEST (scan, every_measure_of_the_default_rule_set_has_a_protocol_with_instructions)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (unsigned i = 0; i < limber_ruleset_get_n_measures (rs); i++)
    {
      const LimberMeasure *m = limber_ruleset_get_measure (rs, i);
      const char *text = limber_measure_get_scan_instructions (m);
      cr_assert_not_null (text, "%s", limber_measure_get_id (m));
      cr_assert_gt (strlen (text), 100);
    }
}

/* The instructions in the person's language: every measure's in German
 * and Spanish differs from the English; a language, a measure or a protocol
 * the rule set does not have is an error saying which. */
LIMBER_TEST (scan, the_instructions_are_read_in_the_persons_language)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  for (unsigned i = 0; i < limber_ruleset_get_n_measures (rs); i++)
    {
      const LimberMeasure *m = limber_ruleset_get_measure (rs, i);
      const char *id = limber_measure_get_id (m);
      g_autoptr (GError) error = NULL;
      const char *english = limber_ruleset_get_scan_instructions (rs, id, NULL, &error);
      cr_assert_str_eq (english, limber_measure_get_scan_instructions (m), "%s", error ? error->message : "");
      cr_assert_eq (limber_ruleset_get_scan_instructions (rs, id, "en", NULL), english);
      for (const char *const *lang = (const char *const[]) { "de", "es", NULL }; *lang; lang++)
        {
          const char *text = limber_ruleset_get_scan_instructions (rs, id, *lang, &error);
          cr_assert_not_null (text, "%s", error ? error->message : "");
          cr_assert_str_neq (text, english, "%s has no %s instructions", id, *lang);
        }
    }
  g_autoptr (GError) error = NULL;
  cr_assert_null (limber_ruleset_get_scan_instructions (rs, "hamstring.slr", "fr", &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS), "%s", error ? error->message : "no error");
  cr_assert_not_null (strstr (error->message, "expected one of en (English), de (German), es (Spanish)"), "%s",
                      error->message);
  g_clear_error (&error);
  cr_assert_null (limber_ruleset_get_scan_instructions (rs, "knee.flexion", "de", &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_OPTIONS), "%s", error ? error->message : "no error");
  cr_assert_not_null (strstr (error->message, "measure \"knee.flexion\": not in rule set \"default\""), "%s",
                      error->message);
  /* a measure that says why no camera can take it: its words, in the error */
  g_clear_error (&error);
  g_autofree char *path = limber_test_data ("lint/scan-protocol.xml");
  g_autoptr (LimberRuleset) some = limber_ruleset_new_from_file (path, NULL);
  cr_assert_not_null (some);
  cr_assert_null (limber_ruleset_get_scan_instructions (some, "grip.strength", NULL, &error));
  cr_assert (g_error_matches (error, LIMBER_ERROR, LIMBER_ERROR_UNSUPPORTED), "%s", error ? error->message : "no error");
  cr_assert_not_null (strstr (error->message, "no scan protocol: "), "%s", error->message);
}

LIMBER_TEST (scan, a_protocol_the_schema_allows_but_that_cannot_be_measured_is_refused_with_its_line)
{
  gsize length;
  g_autofree char *xml = limber_test_read ("lint/scan-protocol.xml", &length);
  g_auto (GStrv) parts = g_strsplit (xml, "reference=\"shoulder hip\"", -1);
  g_autofree char *bad = g_strjoinv ("reference=\"shoulder hip\" against=\"vertical\"", parts);
  g_autoptr (GError) error = NULL;
  g_autoptr (LimberRuleset) rs = limber_ruleset_new_from_data (bad, -1, "bad.xml", &error);
  cr_assert_null (rs);
  cr_assert_not_null (strstr (error->message, "bad.xml:"), "%s", error->message);
  cr_assert_not_null (strstr (error->message, "expected exactly one of reference="), "%s", error->message);
}

/* examples/landmarks/: a capture per protocol (MediaPipe Pose, 15 frames a
 * second, the left side), the right side of the straight-leg raise (for the
 * profile example), the same test as COCO keypoints, and a refused one. */
static const struct {
  const char *file;
  Synth synth;
  gboolean usable;
} examples[] = {
  { "hamstring.slr-left.json", { .measure = "hamstring.slr", .angle = 62, .side = LIMBER_SIDE_LEFT } , TRUE },
  { "hamstring.slr-right.json", { .measure = "hamstring.slr", .angle = 78, .side = LIMBER_SIDE_RIGHT }, TRUE },
  { "hip.flexion-left.json", { .measure = "hip.flexion", .angle = 112, .side = LIMBER_SIDE_LEFT }, TRUE },
  { "hip.extension-left.json", { .measure = "hip.extension", .angle = 12, .side = LIMBER_SIDE_LEFT }, TRUE },
  { "hip.internal-rotation-left.json", { .measure = "hip.internal-rotation", .angle = 28, .side = LIMBER_SIDE_LEFT },
    TRUE },
  { "hip.external-rotation-left.json", { .measure = "hip.external-rotation", .angle = 40, .side = LIMBER_SIDE_LEFT },
    TRUE },
  { "shoulder.flexion-left.json", { .measure = "shoulder.flexion", .angle = 158, .side = LIMBER_SIDE_LEFT }, TRUE },
  { "ankle.dorsiflexion-left.json", { .measure = "ankle.dorsiflexion", .angle = 10, .side = LIMBER_SIDE_LEFT },
    TRUE },
  { "thoracic.rotation-left.json", { .measure = "thoracic.rotation", .angle = 33, .side = LIMBER_SIDE_LEFT }, TRUE },
  { "hamstring.slr-left-coco.json",
    { .measure = "hamstring.slr", .angle = 62, .side = LIMBER_SIDE_LEFT, .format = LIMBER_LANDMARKS_COCO_17 }, TRUE },
  { "hamstring.slr-left-knee-bent.json",
    { .measure = "hamstring.slr", .angle = 62, .side = LIMBER_SIDE_LEFT, .compensation = "bent",
      .compensation_deg = 40 },
    FALSE },
};

LIMBER_TEST (scan, the_example_landmark_files_are_the_generators_and_scan_as_documented)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  /* LIMBER_WRITE_SCAN_EXAMPLES=1 rewrites them after a change of the generator */
  gboolean write = g_getenv ("LIMBER_WRITE_SCAN_EXAMPLES") != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      Synth S = examples[i].synth;
      S.noise_px = 2;
      S.drop = 0.05;
      S.fps = 15;
      S.seed = 1000 + i;
      g_autofree char *json = synth_json (&S);
      g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "examples", "landmarks", examples[i].file, NULL);
      if (write)
        cr_assert (g_file_set_contents (path, json, -1, NULL), "%s", path);
      g_autofree char *stored = NULL;
      cr_assert (g_file_get_contents (path, &stored, NULL, NULL), "%s is missing", path);
      cr_assert_str_eq (stored, json, "%s is not the generator's output (LIMBER_WRITE_SCAN_EXAMPLES=1)", path);
      g_autoptr (GError) error = NULL;
      g_autoptr (LimberCapture) c = limber_capture_new_from_file (path, &error);
      cr_assert_not_null (c, "%s", error ? error->message : "");
      g_autoptr (LimberScanResult) r = limber_scan_result_new (rs, S.measure, S.side, c, &error);
      g_autofree char *why = reasons (r);
      cr_assert_eq (limber_scan_result_is_usable (r), examples[i].usable, "%s:\n%s", examples[i].file, why);
      if (examples[i].usable)
        cr_assert_leq (fabs (limber_scan_result_get_angle (r) - S.angle), 5, "%s: %.1f", examples[i].file,
                       limber_scan_result_get_angle (r));
    }
}

LIMBER_TEST (scan, the_cli_prints_the_angle_refuses_with_reasons_and_fills_a_profile)
{
  g_autofree char *dir = g_build_filename (LIMBER_SOURCE_DIR, "examples", "landmarks", NULL);
  g_autofree char *left = g_build_filename (dir, "hamstring.slr-left.json", NULL);
  g_autofree char *right = g_build_filename (dir, "hamstring.slr-right.json", NULL);
  g_autofree char *bent = g_build_filename (dir, "hamstring.slr-left-knee-bent.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *one[] = { "scan", "--protocol", "hamstring.slr", "--side", "left", "--landmarks", left, NULL };
  cr_assert_eq (limber_test_run_cli (one, NULL, &out, &err), 0, "%s", err);
  cr_assert_not_null (strstr (out, "hamstring.slr, left side: 6"), "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  const char *refused[] = { "scan", "-p", "hamstring.slr", "-s", "left", "-l", bent, "--format", "json", NULL };
  cr_assert_eq (limber_test_run_cli (refused, NULL, &out, &err), 1, "%s", err);
  cr_assert_not_null (strstr (out, "\"usable\":false"), "%s", out);
  cr_assert_not_null (strstr (out, "the knee bent"), "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_autofree char *profile = g_build_filename (LIMBER_SOURCE_DIR, "examples", "profiles", "stiff-back.json", NULL);
  const char *into[] = { "scan", "-p", "hamstring.slr", "-s", "left", "-l", left, "-p", "hamstring.slr", "-s", "right",
                         "-l", right, "--profile", profile, "--date", "2026-12-01", NULL };
  cr_assert_eq (limber_test_run_cli (into, NULL, &out, &err), 0, "%s", err);
  cr_assert_not_null (strstr (out, "\"rescans\""), "%s", out);
  /* what it prints is a profile limber plan reads */
  g_autofree char *plan_out = NULL, *plan_err = NULL;
  const char *plan[] = { "plan", "--profile", "-", "--start", "2026-12-02", NULL };
  cr_assert_eq (limber_test_run_cli (plan, out, &plan_out, &plan_err), 0, "%s", plan_err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  const char *unpaired[] = { "scan", "-p", "hamstring.slr", "-l", left, NULL };
  cr_assert_eq (limber_test_run_cli (unpaired, NULL, &out, &err), 2);
  cr_assert_not_null (strstr (err, "expected one of each per test"), "%s", err);
}

/* --instructions in the person's language; a language it cannot give, or
 * --lang for a scan's results (data, not words), is a usage error naming
 * --lang */
LIMBER_TEST (scan, the_cli_prints_instructions_in_a_language_and_refuses_a_bad_lang)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *de[] = { "scan", "-p", "hamstring.slr", "--instructions", "--lang", "de", NULL };
  cr_assert_eq (limber_test_run_cli (de, NULL, &out, &err), 0, "%s", err);
  cr_assert (g_str_has_prefix (out, "hamstring.slr: Stellen Sie das Handy"), "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  const char *fr[] = { "scan", "-p", "hamstring.slr", "--instructions", "--lang", "fr", NULL };
  cr_assert_eq (limber_test_run_cli (fr, NULL, &out, &err), 2);
  cr_assert_not_null (strstr (err, "limber scan: --lang fr: language: unknown language 'fr'"), "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  const char *stray[] = { "scan", "-p", "hamstring.slr", "--lang", "de", NULL };
  cr_assert_eq (limber_test_run_cli (stray, NULL, &out, &err), 2);
  cr_assert_not_null (strstr (err, "--lang without --instructions"), "%s", err);
}
