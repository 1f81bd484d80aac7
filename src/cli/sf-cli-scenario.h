#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* `scenario`: a what-if scenario from a JSON file of changes, computed
 * beside today's data without saving anything.  Returns the exit status
 * (0 done, 1 refused, 2 usage). */
int sf_cli_scenario (SfStore  *store,
                     int       argc,
                     char    **argv);

G_END_DECLS
