/* sf-store-changes.h: what one write to the store changed
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tables a change touched, in the groups the views care about. */
typedef enum
{
  SF_CHANGE_CASES       = 1 << 0,   /* casefile */
  SF_CHANGE_CASEWORKERS = 1 << 1,   /* caseworker */
  SF_CHANGE_REDUCTIONS  = 1 << 2,   /* reduction */
  SF_CHANGE_CHECKLISTS  = 1 << 3,   /* checklists, their items, events and templates */
  SF_CHANGE_LOG       = 1 << 4,   /* the change log */
  SF_CHANGE_OTHER       = 1 << 5,   /* anything else: teams, areas, acknowledgements … */
  SF_CHANGE_SCENARIOS   = 1 << 6,   /* saved what-if scenarios: no figure changes */
} SfChangeTables;

/* What the store saw a write change, passed with SfStore::changed.  When
 * @everything is set, what changed is not known (another program wrote to
 * the file, a backup was restored, a bulk import changed more rows than are
 * worth listing, or a table the store cannot follow row by row was
 * written): read everything again.  Otherwise the rows of cases,
 * caseworkers and reductions that were added, changed or removed are
 * listed by id. */
typedef struct
{
  gboolean        everything;
  SfChangeTables  tables;          /* the tables with rows changed */
  SfChangeTables  inserted;        /* of those, the tables with rows added */
  SfChangeTables  deleted;         /* and with rows removed */
  GArray         *cases;           /* gint64 ids, ascending, each once */
  GArray         *caseworkers;
  GArray         *reductions;
} SfChange;

/* The most rows a change lists; with more it is "everything". */
#define SF_CHANGE_MAX_ROWS 5000

SfChange   *sf_change_new          (void);
void        sf_change_free         (SfChange    *change);
void        sf_change_clear        (SfChange    *change);
void        sf_change_add_row      (SfChange    *change,
                                    const char  *table,
                                    int          operation,
                                    gint64       rowid);
void        sf_change_finish       (SfChange    *change);
gboolean    sf_change_is_empty     (const SfChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChange, sf_change_free)

G_END_DECLS
