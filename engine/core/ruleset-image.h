/*
 * Compiled rule sets (ruleset-image.c): a checked rule set as bytes, read
 * back without XML.
 */
#pragma once

#include <glib.h>

#include "ruleset-private.h"

/* The layout of the payload.  Raise it whenever an io_*() function of
 * ruleset-image.c changes what it writes: test-compiled holds the body of
 * tests/data/minimal.xml in tests/data/fuzz/compiled/minimal.format-N.body
 * for this N, so a changed layout under the same number fails there. */
#define LIMBER_IMAGE_FORMAT 2

/* Whether data starts with a compiled rule set's signature. */
gboolean limber_ruleset_image_is (const char *data, gsize length);

/* rs (loaded and checked) as a compiled rule set. */
GBytes *limber_ruleset_image_write (const LimberRuleset *rs);

/* A compiled rule set read, checked and compiled like one from XML; NULL
 * with a LIMBER_ERROR naming `name` when it is damaged, of another limber
 * version or not one at all. */
LimberRuleset *limber_ruleset_image_read (const char *data, gsize length, const char *name, GError **error);

/* For the tests and the fuzz target, which forge images
 * (tests/fuzz/fuzz-compiled.c): payload with a valid header in front; an
 * image's body (what follows the version in its payload); and a body with
 * this limber's version and a valid header in front. */
GBytes *limber_ruleset_image_wrap (const guint8 *payload, gsize length);
GBytes *limber_ruleset_image_body (GBytes *image);
GBytes *limber_ruleset_image_body_wrap (const guint8 *body, gsize length);
