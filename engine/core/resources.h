/*
 * The files compiled into the library (engine/core/limber.gresource.xml:
 * the default rule set, the schemas).  glib-compile-resources registers
 * them with a constructor unless told not to, and a static link drops a
 * constructor nothing references, and the default rules with it; so the
 * library registers them itself, once, before its first lookup.
 */
#pragma once

#include <gio/gio.h>

/* The library's data under `path` (e.g. "/org/limber/default.xml"). */
GBytes *limber_resource_lookup (const char *path, GError **error);
