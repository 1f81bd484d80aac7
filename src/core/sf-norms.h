#pragma once

#include <glib.h>

#include "sf-model.h"

G_BEGIN_DECLS

/* The largest norm anyone may set, in cases per full-time caseworker: a
 * team's own cap, either end of an area's own range */
#define SF_NORM_MAX 1000.0

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

/* The range a team in @area is compared with: DS' for an area of the
 * catalogue, the organisation's own for an own area.  FALSE when there is
 * none (an own area without a range). */
gboolean     sf_area_get_range         (const SfArea     *area,
                                        double           *low,
                                        double           *high);
/* Whose the range is, for a sentence or a column: "DS 20–30 (2023)",
 * "own range 20–25 (the organisation’s, not DS’)", "no range of its own" */
char        *sf_area_describe_range    (const SfArea     *area);
/* What a mark beside @area's range explains, or NULL: a note of the
 * catalogue (fleksjob's borrowed range), or, for an own area, that the
 * range is the organisation's own and not DS' (with its source), or that
 * there is none. */
char        *sf_area_footnote          (const SfArea     *area);
/* Whose the range is, for a column: "DS 2023", "The organisation’s own",
 * "None (own area)" */
char        *sf_area_range_owner       (const SfArea     *area);

/* Caseloads of other projects, from the guidance "Viden om begrænsede
 * sagsstammer" (data/caseload-references.json): shown where a manager sets
 * an own area's range or a team's cap, so that the choice is informed. */
typedef enum
{
  SF_REFERENCE_AT_MOST,        /* a maximum per person: value */
  SF_REFERENCE_AVERAGE,        /* an average per person: value */
  SF_REFERENCE_RANGE,          /* low–high, with an average avg_low–avg_high */
} SfReferenceKind;

typedef struct
{
  char            *key;
  char            *project;    /* a proper name, as the guidance writes it */
  char            *note;       /* English, marked for translation; may be NULL */
  char            *role;       /* English, marked for translation */
  SfReferenceKind  kind;
  double           value;
  double           low;
  double           high;
  double           avg_low;
  double           avg_high;
} SfReference;

typedef struct
{
  char   *source;              /* the title of the guidance */
  char   *section;
  GArray *references;          /* SfReference */
} SfReferences;

SfReferences *sf_references_load_default (GError            **error);
SfReferences *sf_references_load_bytes   (GBytes             *bytes,
                                          GError            **error);
void          sf_references_free         (SfReferences       *references);
/* "IPS: at most 25 per consultant", in the reader's language */
char         *sf_reference_format        (const SfReference  *reference);
/* The same, followed by " — " and the source */
char         *sf_reference_format_with_source (const SfReference  *reference,
                                               const char         *source);
/* Whether @text is one of the roles or notes marked for translation */
gboolean      sf_reference_text_is_marked (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfCatalogue, sf_catalogue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfReferences, sf_references_free)

G_END_DECLS
