#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* DOMAIN.md's defaults. */
SfSettings     sf_test_default_settings (void);

/* Rows added to an in-memory data set, in id order as the store keeps them. */
void           sf_test_add_area  (SfDataset    *ds,
                                  gint64        id,
                                  const char   *key,
                                  double        low,
                                  double        high);
void           sf_test_add_team  (SfDataset    *ds,
                                  gint64        id,
                                  const char   *name,
                                  gint64        area,
                                  double        cap);
SfCaseworker  *sf_test_add_worker (SfDataset   *ds,
                                   gint64       id,
                                   const char  *initials,
                                   gint64       team,
                                   double       hours,
                                   SfDay        start);
/* @n cases numbered on from those there are. */
void           sf_test_add_cases (SfDataset    *ds,
                                  guint         n,
                                  gint64        worker,
                                  gint64        cover,
                                  SfComplexity  complexity,
                                  SfDay         start,
                                  SfDay         closed);
SfPlannedHire *sf_test_add_hire  (SfDataset    *ds,
                                  gint64        id,
                                  gint64        team,
                                  double        hours,
                                  SfDay         start);

G_END_DECLS
