/*
 * limber._dicts: profiles straight from Python dicts, for plan_many().
 *
 * A dict profile used to cost more in Python than its plan costs in C:
 * json.dumps() (about 24 us for a profile with a full scan and a history,
 * with the GIL held, so one core at a time however many plan) and then
 * reading the JSON again in C.  This module walks the dicts with the Python
 * C API and calls the profile setters directly, so a dict costs a few
 * microseconds and no text.
 *
 * It takes the shapes a program writes and nothing else, as the fast JSON
 * reader does (engine/core/profile-json-fast.c): str keys it knows, values of
 * exactly the types the JSON would have had, every id and range checked by
 * the engine's own check.  At anything else it gives up on that dict,
 * silently: plan_many() then serialises it and the JSON readers find the
 * same thing and say where it is, as they always have.  A dict it reads
 * gives the profile that JSON gives (bindings/python/tests/test_batch.py).
 *
 * It links no engine: the profile calls come from `limber._native` by
 * address (LimberPyProfileApi, limber-py.h), so the profiles it makes
 * belong to the same engine as the rule sets they are checked against.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "limber-py.h"

/* Strings a list of equipment or regions may hold here; a longer list goes
 * the JSON way. */
#define MAX_STRINGS 64

static const LimberPyProfileApi *api;

/* Lists and tuples, and floats, by the full API's macros; an abi3 build
 * (Py_LIMITED_API, one wheel for every CPython from 3.10: the CMake file
 * sets it) has only the functions, which check their argument again. */
#ifdef Py_LIMITED_API
#define SEQ_SIZE(o) (PyList_Check (o) ? PyList_Size (o) : PyTuple_Size (o))
#define SEQ_ITEM(o, i) (PyList_Check (o) ? PyList_GetItem ((o), (i)) : PyTuple_GetItem ((o), (i)))
#define LIST_SIZE(o) PyList_Size (o)
#define LIST_ITEM(o, i) PyList_GetItem ((o), (i))
#define FLOAT_VALUE(o) PyFloat_AsDouble (o)
#else
#define SEQ_SIZE(o) PySequence_Fast_GET_SIZE (o)
#define SEQ_ITEM(o, i) PySequence_Fast_GET_ITEM ((o), (i))
#define LIST_SIZE(o) PyList_GET_SIZE (o)
#define LIST_ITEM(o, i) PyList_GET_ITEM ((o), (i))
#define FLOAT_VALUE(o) PyFloat_AS_DOUBLE (o)
#endif

/* A str as UTF-8 without NUL inside, or NULL (no Python error left set). */
static const char *
text (PyObject *o)
{
  if (!PyUnicode_Check (o))
    return NULL;
  Py_ssize_t size;
  const char *s = PyUnicode_AsUTF8AndSize (o, &size);
  if (s == NULL)
    {
      PyErr_Clear (); /* a lone surrogate: the JSON way reports it */
      return NULL;
    }
  return (Py_ssize_t) strlen (s) == size ? s : NULL;
}

/* An int or a float (not a bool, which JSON writes as true/false), as the
 * double JSON would read it back; finite only. */
static int
number (PyObject *o, double *out)
{
  if (PyBool_Check (o))
    return 0;
  double v;
  if (PyFloat_Check (o))
    v = FLOAT_VALUE (o);
  else if (PyLong_Check (o))
    {
      v = PyLong_AsDouble (o);
      if (v == -1.0 && PyErr_Occurred ())
        {
          PyErr_Clear ();
          return 0;
        }
    }
  else
    return 0;
  if (!isfinite (v))
    return 0;
  *out = v;
  return 1;
}

/* A whole number an unsigned holds (the engine's check then checks its
 * range). */
static int
count (PyObject *o, unsigned *out)
{
  double v;
  if (!number (o, &v) || v < 0 || v > UINT32_MAX || v != floor (v))
    return 0;
  *out = (unsigned) v;
  return 1;
}

static int
boolean (PyObject *o, gboolean *out)
{
  if (!PyBool_Check (o))
    return 0;
  *out = o == Py_True;
  return 1;
}

/* A list or tuple of str, NULL-terminated into out. */
static int
strings (PyObject *o, const char **out)
{
  if (!PyList_Check (o) && !PyTuple_Check (o))
    return 0;
  Py_ssize_t n = SEQ_SIZE (o);
  if (n > MAX_STRINGS)
    return 0;
  for (Py_ssize_t i = 0; i < n; i++)
    if ((out[i] = text (SEQ_ITEM (o, i))) == NULL)
      return 0;
  out[n] = NULL;
  return 1;
}

/* The index of a str key in known (NULL-terminated), or -1. */
static int
key_index (PyObject *key, const char *const *known)
{
  const char *k = text (key);
  if (k == NULL)
    return -1;
  for (int i = 0; known[i]; i++)
    if (strcmp (k, known[i]) == 0)
      return i;
  return -1;
}

static int
sequence (PyObject *o, Py_ssize_t *n)
{
  if (!PyList_Check (o) && !PyTuple_Check (o))
    return 0;
  *n = SEQ_SIZE (o);
  return 1;
}

static int
constraints (LimberProfile *p, PyObject *o)
{
  static const char *const known[] = { "no_floor", "equipment", "avoid_regions", NULL };
  if (!PyDict_Check (o))
    return 0;
  PyObject *key, *value;
  Py_ssize_t pos = 0;
  while (PyDict_Next (o, &pos, &key, &value))
    {
      const char *list[MAX_STRINGS + 1];
      gboolean b;
      switch (key_index (key, known))
        {
        case 0:
          if (!boolean (value, &b))
            return 0;
          api->set_no_floor (p, b);
          break;
        case 1:
          if (!strings (value, list))
            return 0;
          api->set_equipment (p, list);
          break;
        case 2:
          if (!strings (value, list))
            return 0;
          for (const char *const *r = list; *r; r++)
            api->add_avoid_region (p, *r);
          break;
        default:
          return 0;
        }
    }
  return 1;
}

static int
answers (LimberProfile *p, PyObject *o)
{
  if (!PyDict_Check (o))
    return 0;
  PyObject *key, *value;
  Py_ssize_t pos = 0;
  /* a dict's keys are unique: no answer is given twice */
  while (PyDict_Next (o, &pos, &key, &value))
    {
      const char *question = text (key), *choice;
      gboolean yes;
      double v;
      if (question == NULL)
        return 0;
      if (boolean (value, &yes))
        api->add_answer_bool (p, question, yes);
      else if (number (value, &v))
        api->add_answer_number (p, question, v);
      else if ((choice = text (value)) != NULL)
        api->add_answer_choice (p, question, choice);
      else
        return 0;
    }
  return 1;
}

/* One field of a record: key is its index in the record's known keys. */
typedef int (*FieldFunc) (void *record, int key, PyObject *value);
/* A record whose fields are read: seen has a bit per key given. */
typedef int (*TakeFunc) (LimberProfile *p, void *record, unsigned seen);

/* A list (or tuple) of dicts of known keys (scan, history, re-scans): each
 * read field by field into a copy of blank, then taken.  0 at the first
 * thing to give up on. */
static int
records (LimberProfile *p, PyObject *o, const char *const *known, const void *blank, size_t size, FieldFunc field,
         TakeFunc take)
{
  union {
    max_align_t align;
    char bytes[128];
  } record;
  g_assert (size <= sizeof record.bytes);
  Py_ssize_t n;
  if (!sequence (o, &n))
    return 0;
  for (Py_ssize_t i = 0; i < n; i++)
    {
      PyObject *entry = SEQ_ITEM (o, i);
      if (!PyDict_Check (entry))
        return 0;
      memcpy (record.bytes, blank, size);
      PyObject *key, *value;
      Py_ssize_t pos = 0;
      unsigned seen = 0;
      while (PyDict_Next (entry, &pos, &key, &value))
        {
          int k = key_index (key, known);
          if (k < 0 || !field (record.bytes, k, value))
            return 0;
          seen |= 1u << k;
        }
      if (!take (p, record.bytes, seen))
        return 0;
    }
  return 1;
}

typedef struct {
  const char *measure;
  double values[4];  /* by key: left, right, value at 1, 2, 3 */
} ScanRecord;

static int
scan_field (void *record, int key, PyObject *value)
{
  ScanRecord *r = record;
  return key == 0 ? (r->measure = text (value)) != NULL : number (value, &r->values[key]);
}

static int
take_scan (LimberProfile *p, void *record, unsigned seen)
{
  ScanRecord *r = record;
  /* a measure once, with value alone or left and right */
  if (r->measure == NULL || api->has_measure (p, r->measure))
    return 0;
  if (seen == (1u | 8u))
    api->set_measure_value (p, r->measure, r->values[3]);
  else if (seen == (1u | 2u | 4u))
    api->set_measure (p, r->measure, r->values[1], r->values[2]);
  else
    return 0;
  return 1;
}

static int
scan (LimberProfile *p, PyObject *o)
{
  static const char *const known[] = { "measure", "left", "right", "value", NULL };
  static const ScanRecord blank = { 0 };
  return records (p, o, known, &blank, sizeof blank, scan_field, take_scan);
}

static int
session_field (void *record, int key, PyObject *value)
{
  LimberSession *s = record;
  switch (key)
    {
    case 0: return (s->date = text (value)) != NULL;
    case 1: return (s->exercise = text (value)) != NULL;
    case 2: return boolean (value, &s->completed);
    case 3: return count (value, &s->sets);
    case 4: return count (value, &s->reps);
    case 5: return number (value, &s->hold_s);
    case 6: return number (value, &s->duration_s);
    /* None says "not reported" out loud; only discomfort has that */
    case 7: return value == Py_None || number (value, &s->discomfort);
    case 8: return value == Py_None || number (value, &s->discomfort_next_day);
    default: return 0;
    }
}

static int
take_session (LimberProfile *p, void *record, unsigned seen)
{
  /* date, exercise and completed are required */
  if ((seen & 7u) != 7u)
    return 0;
  api->add_session (p, record);
  return 1;
}

static int
history (LimberProfile *p, PyObject *o)
{
  static const char *const known[] = { "date", "exercise", "completed", "sets", "reps", "hold_s",
                                       "duration_s", "discomfort", "discomfort_next_day", NULL };
  static const LimberSession blank = { .discomfort = -1, .discomfort_next_day = -1 };
  return records (p, o, known, &blank, sizeof blank, session_field, take_session);
}

typedef struct {
  const char *date, *measure;
  double left, right;
} RescanRecord;

static int
rescan_field (void *record, int key, PyObject *value)
{
  RescanRecord *r = record;
  return key == 0   ? (r->date = text (value)) != NULL
         : key == 1 ? (r->measure = text (value)) != NULL
         : key == 2 ? number (value, &r->left)
                    : number (value, &r->right);
}

static int
take_rescan (LimberProfile *p, void *record, unsigned seen)
{
  RescanRecord *r = record;
  if (seen != 15u)
    return 0;
  api->add_rescan (p, r->date, r->measure, r->left, r->right);
  return 1;
}

static int
rescans (LimberProfile *p, PyObject *o)
{
  static const char *const known[] = { "date", "measure", "left", "right", NULL };
  static const RescanRecord blank = { 0 };
  return records (p, o, known, &blank, sizeof blank, rescan_field, take_rescan);
}

static int
profile_fields (LimberProfile *p, const LimberRuleset *rs, PyObject *o)
{
  static const char *const known[] = { "name", "age", "goal", "minutes_per_day", "days_per_week", "constraints",
                                       "answers", "scan", "history", "rescans", "$schema", NULL };
  if (!PyDict_Check (o))
    return 0;
  PyObject *key, *value;
  Py_ssize_t pos = 0;
  while (PyDict_Next (o, &pos, &key, &value))
    {
      const char *s;
      unsigned u;
      double d;
      int ok;
      switch (key_index (key, known))
        {
        case 0:
          if ((ok = (s = text (value)) != NULL))
            api->set_name (p, s);
          break;
        case 1:
          if ((ok = count (value, &u)))
            api->set_age (p, u);
          break;
        case 2: ok = (s = text (value)) != NULL && api->set_goal_name (p, rs, s); break;
        case 3:
          if ((ok = number (value, &d)))
            api->set_minutes_per_day (p, d);
          break;
        case 4:
          if ((ok = count (value, &u)))
            api->set_days_per_week (p, u);
          break;
        case 5: ok = constraints (p, value); break;
        case 6: ok = answers (p, value); break;
        case 7: ok = scan (p, value); break;
        case 8: ok = history (p, value); break;
        case 9: ok = rescans (p, value); break;
        case 10: ok = text (value) != NULL; break;  /* "$schema": set aside */
        default: ok = 0; break;
        }
      if (!ok)
        return 0;
    }
  return api->seal (p, rs);
}

PyDoc_STRVAR (bind_doc, "bind(api_address)\n\n"
                        "Takes the address of limber._native's LimberPyProfileApi table (once, at import).");

static PyObject *
bind (PyObject *self, PyObject *arg)
{
  (void) self;
  uintptr_t address = (uintptr_t) PyLong_AsUnsignedLongLong (arg);
  if (PyErr_Occurred ())
    return NULL;
  const LimberPyProfileApi *table = (const LimberPyProfileApi *) address;
  if (table == NULL || table->size != sizeof (LimberPyProfileApi))
    {
      PyErr_SetString (PyExc_ValueError, "limber._dicts: the profile table does not match this module's build");
      return NULL;
    }
  api = table;
  Py_RETURN_NONE;
}

PyDoc_STRVAR (profiles_doc,
              "profiles(dicts, ruleset_address, out_address) -> int\n\n"
              "Builds a profile for each dict it can read into out[i] (a LimberProfile *[] of len(dicts));\n"
              "NULL where it gave up.  Returns how many it built.");

static PyObject *
profiles (PyObject *self, PyObject *args)
{
  (void) self;
  PyObject *list;
  unsigned long long rs_address, out_address;
  if (!PyArg_ParseTuple (args, "OKK", &list, &rs_address, &out_address))
    return NULL;
  if (api == NULL)
    {
      PyErr_SetString (PyExc_RuntimeError, "limber._dicts: bind() was not called");
      return NULL;
    }
  if (!PyList_Check (list))
    {
      PyErr_SetString (PyExc_TypeError, "limber._dicts.profiles: dicts must be a list");
      return NULL;
    }
  const LimberRuleset *rs = (const LimberRuleset *) (uintptr_t) rs_address;
  LimberProfile **out = (LimberProfile **) (uintptr_t) out_address;
  Py_ssize_t built = 0;
  for (Py_ssize_t i = 0; i < LIST_SIZE (list); i++)
    {
      PyObject *d = LIST_ITEM (list, i);
      out[i] = NULL;
      if (!PyDict_Check (d))
        continue;
      LimberProfile *p = api->profile_new ();
      if (profile_fields (p, rs, d))
        {
          out[i] = p;
          built++;
        }
      else
        api->profile_free (p);
    }
  return PyLong_FromSsize_t (built);
}

static PyMethodDef methods[] = {
  { "bind", bind, METH_O, bind_doc },
  { "profiles", profiles, METH_VARARGS, profiles_doc },
  { NULL, NULL, 0, NULL },
};

static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, "limber._dicts", "Profiles straight from Python dicts, for plan_many().", -1, methods,
  NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__dicts (void)
{
  return PyModule_Create (&module);
}
