/**
 * @file limber/version.h
 * @brief Library version, for compile-time and run-time checks.
 *
 * Thread safety: the version functions read constants; call them from any
 * thread.
 */
#ifndef LIMBER_VERSION_H
#define LIMBER_VERSION_H

#include <glib.h>

G_BEGIN_DECLS
#pragma GCC visibility push(default)

/** Major version of the headers: an increase breaks the ABI. */
#define LIMBER_VERSION_MAJOR 0
/** Minor version of the headers: an increase adds to the API. */
#define LIMBER_VERSION_MINOR 1
/** Patch version of the headers. */
#define LIMBER_VERSION_PATCH 0
/** The headers' version as a string. */
#define LIMBER_VERSION_STRING "0.1.0"

/**
 * @brief Whether the headers are version @p major.@p minor.@p patch or later, at compile time.
 *
 * For code that must build against several versions:
 * `#if LIMBER_CHECK_VERSION (0, 2, 0)` ... `#endif`.
 */
#define LIMBER_CHECK_VERSION(major, minor, patch)                                                              \
  (LIMBER_VERSION_MAJOR > (major) || (LIMBER_VERSION_MAJOR == (major) && LIMBER_VERSION_MINOR > (minor))     \
   || (LIMBER_VERSION_MAJOR == (major) && LIMBER_VERSION_MINOR == (minor) && LIMBER_VERSION_PATCH >= (patch)))

/**
 * @brief The version of the library linked at run time.
 *
 * Compare with #LIMBER_VERSION_STRING to detect a header/library mismatch.
 *
 * @return a static string such as "0.1.0"; never NULL, never freed.
 */
const char *limber_version(void);

/**
 * @brief Whether the library linked at run time is version @p major.@p minor.@p patch or later.
 *
 * An app that needs a function added in a later minor version checks it
 * before calling it, when it may run with an older library installed.
 *
 * @param major the major version required.
 * @param minor the minor version required.
 * @param patch the patch version required.
 * @return TRUE when the library is that version or later (and the same major version: a new major
 *   version breaks the ABI, so it does not satisfy an older requirement).
 */
gboolean limber_check_version(unsigned major, unsigned minor, unsigned patch);

#pragma GCC visibility pop
G_END_DECLS

#endif
