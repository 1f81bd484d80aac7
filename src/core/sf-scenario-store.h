#pragma once

#include <glib.h>

#include "sf-scenario.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* Saved what-if scenarios: named changes files kept in the database,
 * apart from the real data (the table `scenario`).  Saving, renaming and
 * deleting one are recorded in the change log; none of it changes a
 * figure, an alert or the history.  Names are unique regardless of case
 * and Unicode form.
 *
 * Applying a scenario carries its changes out on the real data as the
 * ordinary edits (sf-roster-edit.c, sf-cases.c, sf-planned-hires.c, the
 * settings), in one transaction; what it returns undoes it. */

typedef struct
{
  gint64  id;
  char   *name;
  guint   n_changes;
  char   *created;             /* ISO 8601, UTC */
  char   *updated;
} SfSavedScenario;

void              sf_saved_scenario_free       (SfSavedScenario   *saved);

/* The saved scenarios (SfSavedScenario), by name. */
GPtrArray        *sf_scenario_store_list       (SfStore           *store,
                                                GError           **error);
/* The id of the scenario called @name, 0 when there is none. */
gint64            sf_scenario_store_find       (SfStore           *store,
                                                const char        *name);
/* Saves @scenario under its name: a new one when @id is 0, else over the
 * scenario @id.  A name another scenario has is refused.  Returns the id,
 * 0 on error. */
gint64            sf_scenario_store_save       (SfStore           *store,
                                                gint64             id,
                                                const SfScenario  *scenario,
                                                GError           **error);
/* The scenario @id, its names not looked up: people and teams it names may
 * have gone since (applying it skips those changes). */
SfScenario       *sf_scenario_store_load       (SfStore           *store,
                                                gint64             id,
                                                GError           **error);
gboolean          sf_scenario_store_rename     (SfStore           *store,
                                                gint64             id,
                                                const char        *name,
                                                GError           **error);
/* A copy of scenario @id called @name; returns its id, 0 on error. */
gint64            sf_scenario_store_duplicate  (SfStore           *store,
                                                gint64             id,
                                                const char        *name,
                                                GError           **error);
gboolean          sf_scenario_store_delete     (SfStore           *store,
                                                gint64             id,
                                                GError           **error);

typedef struct _SfScenarioUndo SfScenarioUndo;

/* Applies @scenario to the real data as of @ref (the day whose open cases a
 * reassignment moves): every change that still applies, in order, as the
 * edits the app makes, all in one transaction with a change-log entry.
 * Changes naming someone or a team that is gone are skipped and listed
 * (@skipped, SfScenarioSkip, as sf_scenario_apply() lists them).  A change
 * the data refuses (a value that no longer fits) stops it all: nothing is
 * changed, and the error names the change.  Returns what undoes it. */
SfScenarioUndo   *sf_scenario_store_apply      (SfStore           *store,
                                                const SfScenario  *scenario,
                                                SfDay              ref,
                                                GPtrArray        **skipped,
                                                GError           **error);
/* Puts back what applying changed, in one transaction.  Fails, changing
 * nothing, when the data changed since so that it no longer fits. */
gboolean          sf_scenario_store_undo       (SfStore           *store,
                                                SfScenarioUndo    *undo,
                                                GError           **error);
/* "Scenario “…” applied", translated: for a toast. */
const char       *sf_scenario_undo_get_summary (SfScenarioUndo    *undo);
void              sf_scenario_undo_free        (SfScenarioUndo    *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfSavedScenario, sf_saved_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfScenarioUndo, sf_scenario_undo_free)

G_END_DECLS
