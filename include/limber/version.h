/**
 * @file limber/version.h
 * @brief Library version, for compile-time and run-time checks.
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
 * @brief The version of the library linked at run time.
 *
 * Compare with #LIMBER_VERSION_STRING to detect a header/library mismatch.
 *
 * @return a static string such as "0.1.0"; never NULL, never freed.
 */
const char *limber_version(void);

#pragma GCC visibility pop
G_END_DECLS

#endif
