#pragma once

#include "sf-import.h"

G_BEGIN_DECLS

/* For tests only: called during an import on a server, after the file's
 * rows have been copied into the temporary tables and before they are
 * applied (to cut the connection there, say).  NULL: no hook. */
typedef void (*SfImportTestHook) (SfStore  *store,
                                  gpointer  user_data);

void sf_import_set_test_hook (SfImportTestHook hook,
                              gpointer         user_data);

G_END_DECLS
