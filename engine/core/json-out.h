/*
 * A streaming JSON writer: members go straight into one buffer, with no
 * tree in between.  It writes exactly what json-write.c writes for the same
 * content (keys in the order given, numbers through limber_number_format(),
 * whole numbers as integers, two-space indentation when pretty), so outputs
 * can move from a json-glib tree to it without a byte changing, at a
 * fraction of the allocations.
 *
 * Every call takes the member name, or NULL inside an array.
 */
#pragma once

#include <glib.h>

typedef struct {
  GString *out;
  gboolean pretty;
  int depth;                /* open objects and arrays */
  guint64 empty;            /* bit d: the container at depth d has nothing in it yet */
} LimberJsonOut;

/* The writer holds nothing of its own: there is nothing to free. */
void limber_json_out_init (LimberJsonOut *j, GString *out, gboolean pretty);

void limber_json_out_begin_object (LimberJsonOut *j, const char *member);
void limber_json_out_end_object (LimberJsonOut *j);
void limber_json_out_begin_array (LimberJsonOut *j, const char *member);
void limber_json_out_end_array (LimberJsonOut *j);

/* NULL writes null */
void limber_json_out_string (LimberJsonOut *j, const char *member, const char *value);
void limber_json_out_null (LimberJsonOut *j, const char *member);
void limber_json_out_bool (LimberJsonOut *j, const char *member, gboolean value);
void limber_json_out_int (LimberJsonOut *j, const char *member, gint64 value);
void limber_json_out_uint (LimberJsonOut *j, const char *member, guint64 value);
/* rounded to decimals places (negative: as is); whole numbers as integers,
 * NaN and infinities as null */
void limber_json_out_number (LimberJsonOut *j, const char *member, double value, int decimals);
/* an array of strings (NULL: null) */
/* An array of n strings (from a GPtrArray's or a plan list's pdata). */
void limber_json_out_strings (LimberJsonOut *j, const char *member, gpointer const *strings, guint n);

/* Appends text written earlier by this writer at the same depth (one or
 * more values of the open container, separators included) as it is. */
void limber_json_out_raw (LimberJsonOut *j, const char *text, gsize length);

/* A JSON string literal of s, quotes included, appended to out. */
void limber_json_out_quote (GString *out, const char *s);
