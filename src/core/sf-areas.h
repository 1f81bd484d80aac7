#pragma once

#include <glib.h>

#include "sf-model.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* The organisation's own case areas: a key, a Danish name and, optionally,
 * a recommended range of its own (own_low–own_high) with its source.  They
 * carry no survey figures.  A team in an own area has the upper end of the
 * own range as its base norm; without a range it must have a cap.
 *
 * Every write runs in one transaction with an audit entry and emits
 * SfStore::changed after the commit.  Errors are SF_ERROR_INVALID_INPUT
 * (SF_ERROR_PRIVACY for a CPR-like number, SF_ERROR_NOT_FOUND for an area
 * that is gone) with a whole, translated sentence that says what to do. */

#define SF_AREA_MAX_KEY  40
#define SF_AREA_MAX_TEXT 200

/* @text as an area key: lower case, æ ø å spelled ae oe aa, words joined
 * by '-' ("IPS team" → "ips-team").  NULL with an error when it is empty or
 * holds anything but a–z, 0–9 and '-'. */
char     *sf_areas_normalize_key (const char    *text,
                                  GError       **error);

/* Checks an own area as the forms and the command line give it: @area's
 * key (already normalized), name, own_low/own_high (both NAN for none) and
 * source.  @area->id is the area being edited, 0 for a new one. */
gboolean  sf_areas_check         (SfStore       *store,
                                  const SfArea  *area,
                                  GError       **error);

/* Adds @area (key, name, own_low, own_high, source) as an own area.
 * Returns its id, 0 on error. */
gint64    sf_areas_add           (SfStore       *store,
                                  const SfArea  *area,
                                  GError       **error);
/* Changes the own area @area->id, claiming it at @area->version
 * (sf-conflict.h: refused with an SF_CONFLICT_ERROR when someone changed
 * or removed it since it was read; 0 claims nothing).  Taking its range away is refused while
 * a team without a cap takes its norm from it. */
gboolean  sf_areas_update        (SfStore       *store,
                                  const SfArea  *area,
                                  GError       **error);
/* Removes the own area @id, refused while a team or a case uses it.  What
 * was removed is copied to @removed (may be NULL; clear it with
 * sf_area_clear()), for an undo through sf_areas_add(). */
gboolean  sf_areas_remove        (SfStore       *store,
                                  gint64         id,
                                  SfArea        *removed,
                                  GError       **error);
/* The same for the area as read at @version (0 claims nothing) */
gboolean  sf_areas_remove_versioned (SfStore    *store,
                                  gint64         id,
                                  gint64         version,
                                  SfArea        *removed,
                                  GError       **error);

/* The id of the area whose key or name is @text (compared as keys), 0 if
 * none; @custom says whether it is an own area. */
gint64    sf_areas_find          (SfStore       *store,
                                  const char    *text,
                                  gboolean      *custom);

G_END_DECLS
