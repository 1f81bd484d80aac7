#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* The checklist commands of sagsfordeling-cli; each returns the exit
 * status (0 done, 1 refused, 2 usage). */
int sf_cli_checklists      (SfStore  *store,
                            int       argc,
                            char    **argv);
int sf_cli_checklist_new   (SfStore  *store,
                            int       argc,
                            char    **argv);
int sf_cli_checklist_check (SfStore  *store,
                            int       argc,
                            char    **argv);

G_END_DECLS
