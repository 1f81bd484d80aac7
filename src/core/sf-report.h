#pragma once

#include <glib.h>

#include "sf-capacity.h"

G_BEGIN_DECLS

typedef enum
{
  SF_REPORT_TEXT,
  SF_REPORT_CSV,
  SF_REPORT_JSON,
} SfReportFormat;

gboolean  sf_report_format_parse (const char      *text,
                                  SfReportFormat  *out);
char     *sf_report_render       (const SfFigures *figures,
                                  SfReportFormat   format);

G_END_DECLS
