/* SHA-256 of a rule set's bytes, with the processor's SHA instructions
 * when it has them (sha256.c). */
#pragma once

#include <glib.h>

/* The digest of length bytes at data, as 64 lowercase hex digits (free
 * with g_free()). */
char *limber_sha256_hex (const void *data, gsize length);

/* The same with GChecksum alone, whatever the processor (what
 * limber_sha256_hex() falls back to, and is tested against). */
char *limber_sha256_hex_portable (const void *data, gsize length);

/* Whether limber_sha256_hex() uses the processor's SHA instructions. */
gboolean limber_sha256_accelerated (void);
