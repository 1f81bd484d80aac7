/* sf-conflict-dialog.h: someone else changed the row being saved
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* The one conflict dialog every edit dialog uses when its save is refused
 * because the row changed since the dialog read it (SF_CONFLICT_ERROR,
 * sf-conflict.h).  The edit dialog lists its fields as the other user left
 * them and as the form has them (sf_conflict_fields_add(), the same words
 * and formats as the form); the dialog shows those that differ, who changed
 * the row and when, and offers:
 *
 *   Keep Theirs ("theirs"): the edit is dropped and @editor closed (the
 *     window shows the other user's values: the change reached it already
 *     or is on its way, as every change by others does);
 *   Apply Mine ("mine"): *@version becomes the row's current version and
 *     @save runs again: the edit is written over the new version, and may
 *     meet another conflict (this dialog again);
 *   Escape ("back"): back to the form, nothing decided.
 *
 * The dialog is modal to @editor and goes with it. */

typedef gboolean (*SfConflictSave) (gpointer editor);

/* Their value of @column (as text), or NULL: the row is gone, or the
 * value is SQL NULL */
const char       *sf_conflict_dialog_theirs  (const SfConflict *conflict,
                                              const char       *column);

GPtrArray        *sf_conflict_fields_new     (void);
/* Takes @theirs and @mine (either may be NULL: shown as "—") */
void              sf_conflict_fields_add     (GPtrArray      *fields,
                                              const char     *label,
                                              char           *theirs,
                                              char           *mine);
/* Their text of @column beside @mine (copied; NULL: "—") */
void              sf_conflict_fields_add_text (GPtrArray        *fields,
                                               const char       *label,
                                               const SfConflict *conflict,
                                               const char       *column,
                                               const char       *mine);

AdwMessageDialog *sf_conflict_dialog_present (GtkWindow      *editor,
                                              const GError   *error,
                                              GPtrArray      *fields,
                                              gint64         *version,
                                              SfConflictSave  save);

/* The same dialog where no edit dialog stays open (a check mark, an
 * acknowledgement, a list's row, a setting, an undo), modal to @owner's
 * window: @decided is told the choice once, with @owner and the row's
 * version now for SF_CONFLICT_APPLY_MINE (write again on it); then
 * @destroy frees @data.  Escape is SF_CONFLICT_BACK (nothing decided: a
 * caller whose form is gone may open it again); a dialog that goes with
 * its window, or outlives @owner, tells nothing.  (@owner may be NULL: a
 * dialog of no window, told in any case.) */
typedef enum
{
  SF_CONFLICT_KEEP_THEIRS,
  SF_CONFLICT_APPLY_MINE,
  SF_CONFLICT_BACK,
} SfConflictChoice;

typedef void (*SfConflictDecided) (gpointer          owner,
                                   SfConflictChoice  choice,
                                   gint64            version,
                                   gpointer          data);

AdwMessageDialog *sf_conflict_dialog_ask     (GtkWidget        *owner,
                                              const GError     *error,
                                              GPtrArray        *fields,
                                              SfConflictDecided decided,
                                              gpointer          data,
                                              GDestroyNotify    destroy);

G_END_DECLS
