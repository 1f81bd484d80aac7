/* sf-context.h: what the application has loaded, kept current
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-access.h"
#include "sf-capacity.h"
#include "sf-recompute.h"
#include "sf-settings.h"
#include "sf-store-changes.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* What SfContext::changed says changed. */
typedef enum
{
  /* Everything was read again: the dataset, the figures, the settings and
   * the alerts are new objects (the old pointers are gone). */
  SF_CONTEXT_EVERYTHING = 1 << 0,
  /* Some figures were computed again in place: SfContextChanges.delta
   * lists whose. */
  SF_CONTEXT_FIGURES    = 1 << 1,
  /* Checklists, their items or their events were written. */
  SF_CONTEXT_CHECKLISTS = 1 << 2,
  /* The alerts were evaluated again (sf_context_get_alerts()). */
  SF_CONTEXT_ALERTS     = 1 << 3,
} SfContextWhat;

/* The argument of SfContext::changed, valid during the emission only. */
typedef struct
{
  SfContextWhat   what;
  /* With SF_CONTEXT_FIGURES and without SF_CONTEXT_EVERYTHING: the
   * caseworkers, teams and cases whose figures were computed again. */
  const SfDelta  *delta;
  /* The store's change that led here, or NULL after a reload. */
  const SfChange *change;
} SfContextChanges;

/* An undo offered after an edit (sf_context_offer_undo()): @data is
 * written back to @store. */
typedef gboolean (*SfUndoFunc) (SfStore   *store,
                                gpointer   data,
                                GError   **error);

typedef struct _SfUndo SfUndo;

#define SF_TYPE_UNDO (sf_undo_get_type ())

GType       sf_undo_get_type  (void) G_GNUC_CONST;
SfUndo     *sf_undo_ref       (SfUndo   *undo);
void        sf_undo_unref     (SfUndo   *undo);
const char *sf_undo_get_title (SfUndo   *undo);
gboolean    sf_undo_run       (SfUndo   *undo,
                               GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfUndo, sf_undo_unref)

#define SF_TYPE_CONTEXT (sf_context_get_type ())

G_DECLARE_FINAL_TYPE (SfContext, sf_context, SF, CONTEXT, GObject)

SfContext        *sf_context_new               (SfStore       *store);
SfStore          *sf_context_get_store         (SfContext     *self);
gboolean          sf_context_reload            (SfContext     *self,
                                                GError       **error);
gboolean          sf_context_check_for_changes (SfContext     *self);
gboolean          sf_context_follow_others     (SfContext     *self,
                                                GError       **error);
gboolean          sf_context_is_following_others (SfContext   *self);
gboolean          sf_context_take_others_changes (SfContext   *self);
const SfDataset  *sf_context_get_dataset       (SfContext     *self);
const SfFigures  *sf_context_get_figures       (SfContext     *self);
const SfSettings *sf_context_get_settings      (SfContext     *self);
GPtrArray        *sf_context_get_alerts        (SfContext     *self);
gboolean          sf_context_is_empty          (SfContext     *self);
const SfAccessSelf *sf_context_get_access      (SfContext     *self);
void              sf_context_offer_undo        (SfContext     *self,
                                                const char    *title,
                                                SfUndoFunc     func,
                                                gpointer       data,
                                                GDestroyNotify destroy);

G_END_DECLS
