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
char     *sf_format_decimal      (double           value,
                                  int              digits);
char     *sf_format_exact        (double           value,
                                  char             decimal);
char     *sf_csv_escape_field    (const char      *value,
                                  char             delimiter);

G_END_DECLS
