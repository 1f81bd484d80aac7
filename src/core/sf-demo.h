#pragma once

#include "sf-store.h"

G_BEGIN_DECLS

/* Demonstration data: a small social services department with teams in three
 * case areas, people in every situation the model knows (part-time,
 * reductions, new hires, absent with and without cover) and cases around
 * the norm.  Dates are relative to @today so the situations stay true. */
gboolean sf_demo_populate (SfStore  *store,
                           SfDay     today,
                           GError  **error);

G_END_DECLS
