#pragma once

#include <glib.h>

#include "sf-model.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* Planned hires (planlagte ansættelser): positions a team expects to fill,
 * with weekly hours and an expected start date.  Each write runs in one
 * transaction with an audit entry and emits SfStore::changed. */

#define SF_PLANNED_HIRE_MAX_NOTE 200

/* Creates @hire when its id is 0, else updates it, claiming it at
 * @hire->version (sf-conflict.h; 0 claims nothing).  Returns the id, 0 on
 * error (an SF_ERROR_INVALID_INPUT, SF_ERROR_PRIVACY or SF_ERROR_NOT_FOUND
 * with a whole, translated sentence). */
gint64    sf_planned_hire_save   (SfStore              *store,
                                  const SfPlannedHire  *hire,
                                  GError              **error);
gboolean  sf_planned_hire_remove (SfStore              *store,
                                  gint64                id,
                                  GError              **error);
/* Removes the hire @id as read at @version: refused with an
 * SF_CONFLICT_ERROR when someone changed or removed it since (0: claims
 * nothing, as sf_planned_hire_remove()). */
gboolean  sf_planned_hire_remove_versioned (SfStore        *store,
                                  gint64                id,
                                  gint64                version,
                                  GError              **error);
/* The planned hires (SfPlannedHire) of @team_id, or of every team with 0,
 * by start date. */
GArray   *sf_planned_hires_load  (SfStore              *store,
                                  gint64                team_id,
                                  GError              **error);

G_END_DECLS
