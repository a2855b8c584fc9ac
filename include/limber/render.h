/**
 * @file limber/render.h
 * @brief Printing a plan: the week a person follows on paper or on screen.
 *
 * limber_plan_render() turns a plan into a handout: a PDF (cairo and pango:
 * selectable text, embedded fonts, A4 or US Letter, portrait), one
 * self-contained HTML file (inline CSS and SVG pictures, readable on a phone
 * and printable from a browser), or the plain text of limber_plan_to_text().
 *
 * A printed week holds a header (the week's dates, the goal, the minutes per
 * day, the rule set and the person's name), the week at a glance with each
 * day's exercises in order and their dose in words, each exercise once with
 * a stick-figure picture drawn from its pose in the rule set and how to do
 * it, what changed since the last week and why, the advisories, a safety box
 * with the warning signs, and a log grid to fill in by hand.  A referral
 * prints one page saying what to do now, and no exercises.  The PDF and the
 * HTML hold the same items; the same plan always gives the same bytes.
 *
 * These functions live in liblimber-print (`pkg-config --libs limber-print`,
 * CMake `Limber::print`), not in the core library: an app that never prints
 * does not load cairo, pango or their fonts.  liblimber-print needs the
 * liblimber of its own version.  Thread safety: a plan may be rendered from
 * several threads at once, as it may be read.
 */
#ifndef LIMBER_RENDER_H
#define LIMBER_RENDER_H

#include <glib.h>
#include <limber/plan.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** @brief What limber_plan_render() writes. */
typedef enum {
  LIMBER_RENDER_PDF,   /**< A PDF document. */
  LIMBER_RENDER_HTML,  /**< One self-contained HTML file, UTF-8. */
  LIMBER_RENDER_TEXT,  /**< The plain text of limber_plan_to_text(), UTF-8. */
} LimberRenderFormat;

/** @brief The paper a printed plan is laid out for (always portrait). */
typedef enum {
  LIMBER_PAPER_A4,      /**< ISO A4, 210 × 297 mm. */
  LIMBER_PAPER_LETTER,  /**< US Letter, 8.5 × 11 in. */
} LimberPaper;

/**
 * @brief Renders a plan for printing or reading.
 *
 * For #LIMBER_RENDER_HTML the paper sets the page size the browser prints
 * on; for #LIMBER_RENDER_TEXT it changes nothing (but is checked all the
 * same).
 *
 * @param plan a plan.
 * @param format the output format.
 * @param paper the paper size.
 * @param length return location for the number of bytes written, or NULL.
 * @param error return location for a #LIMBER_ERROR_OPTIONS error when @p format or @p paper is
 *   out of range, or #LIMBER_ERROR_IO when the PDF cannot be produced.
 * @return the document (free with g_free()), followed by a NUL byte that @p length does not
 *   count, so text and HTML can be used as strings; NULL on error.
 */
unsigned char *limber_plan_render(const LimberPlan *plan, LimberRenderFormat format, LimberPaper paper,
                                  gsize *length, GError **error);

#pragma GCC visibility pop
G_END_DECLS

#endif
