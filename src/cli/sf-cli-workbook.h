#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* `workbook`: the HR workbook (.xlsx), with a saved scenario's comparison
 * when one is named.  Returns the exit status (0 done, 1 refused, 2 usage). */
int sf_cli_workbook (SfStore  *store,
                     int       argc,
                     char    **argv);

G_END_DECLS
