/* sf-remote-change.h: what another user changed on a shared server
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sf-db.h"
#include "sf-model.h"
#include "sf-store-changes.h"

G_BEGIN_DECLS

/* The channel the server's triggers notify (sf-store-pg-schema.h, step 4) */
#define SF_REMOTE_CHANNEL "sagsfordeling"

/* One statement another connection committed, as its trigger named it:
 * {"table": "caseworker", "op": "UPDATE", "who": "mkj", "ids": [12],
 *  "columns": ["weekly_hours"]}, or with "all": true instead of the ids
 * when the statement wrote more rows than are worth listing. */
typedef struct
{
  char          *table;
  SfDbOperation  operation;
  char          *who;
  GArray        *ids;        /* gint64, ascending; NULL: the whole table may have changed */
  char         **columns;    /* the columns an UPDATE of a few rows changed; NULL: not said */
} SfRemoteChange;

SfRemoteChange *sf_remote_change_parse    (const char            *payload,
                                           GError               **error);
void            sf_remote_change_free     (SfRemoteChange        *remote);
void            sf_remote_change_add_to   (const SfRemoteChange  *remote,
                                           SfChange              *change);
/* Who made the changes in @remotes (SfRemoteChange) and what they
 * changed, in a sentence for a toast ("mkj changed Trine Larsen's hours"),
 * naming rows as @dataset has them. */
char           *sf_remote_change_describe (GPtrArray             *remotes,
                                           const SfDataset       *dataset);
/* Whether describing @remotes needs the dataset from after they were
 * applied (a row added) rather than from before (a row removed). */
gboolean        sf_remote_change_describe_after (GPtrArray       *remotes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfRemoteChange, sf_remote_change_free)

G_END_DECLS
