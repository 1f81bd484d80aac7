#pragma once

#include <glib.h>

#include "sf-model.h"

G_BEGIN_DECLS

/* The case-area catalogue that ships with the app (data/case-areas.json,
 * compiled in as a resource).  A newer DS revision is a data change. */
typedef struct
{
  char   *source;
  int     year;
  GArray *areas;               /* SfArea, id 0 */
} SfCatalogue;

GBytes      *sf_catalogue_default_bytes (GError          **error);
SfCatalogue *sf_catalogue_load_default (GError          **error);
SfCatalogue *sf_catalogue_load_bytes   (GBytes           *bytes,
                                        GError          **error);
void         sf_catalogue_free         (SfCatalogue      *catalogue);
const SfArea *sf_catalogue_find        (const SfCatalogue *catalogue,
                                        const char       *key);

void         sf_area_clear             (SfArea           *area);
const char  *sf_area_get_note          (const SfArea     *area);
/* Whether @note is one of the catalogue's notes marked for translation */
gboolean     sf_area_note_is_marked    (const char       *note);
void         sf_area_copy              (const SfArea     *src,
                                        SfArea           *dest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfCatalogue, sf_catalogue_free)

G_END_DECLS
