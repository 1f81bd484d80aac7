#pragma once

#include "sf-import.h"

G_BEGIN_DECLS

/* For tests only: called during an import on a server at @stage (to cut
 * the connection there, or change the database as another program
 * would).  NULL: no hook. */
typedef enum
{
  SF_IMPORT_STAGE_CHECKED,     /* the file is checked; nothing is written yet */
  SF_IMPORT_STAGE_COPIED,      /* the rows are in the temporary tables, not applied */
} SfImportStage;

typedef void (*SfImportTestHook) (SfStore       *store,
                                  SfImportStage  stage,
                                  gpointer       user_data);

void sf_import_set_test_hook (SfImportTestHook hook,
                              gpointer         user_data);

G_END_DECLS
