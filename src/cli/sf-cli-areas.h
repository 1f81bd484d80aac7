#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* The case-area commands of sagsfordeling-cli: DS' areas and the
 * organisation's own, with the caseloads of other projects as references.
 * Each returns the exit status (0 done, 1 refused, 2 usage). */
int sf_cli_areas       (SfStore  *store,
                        int       argc,
                        char    **argv);
int sf_cli_area_add    (SfStore  *store,
                        int       argc,
                        char    **argv);
int sf_cli_area_remove (SfStore  *store,
                        int       argc,
                        char    **argv);

G_END_DECLS
