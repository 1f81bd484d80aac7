#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-forecast.h"
#include "sf-trend.h"

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
/* The trend's points (sf_trend_compute()) over @from … @to, of every team
 * or of @team_id alone. */
char     *sf_report_render_trend (const SfDataset *dataset,
                                  SfDay            from,
                                  SfDay            to,
                                  SfTrendStep      step,
                                  GPtrArray       *points,
                                  gint64           team_id,
                                  SfReportFormat   format);
char     *sf_report_render_forecast (const SfForecast *forecast,
                                     gint64            team_id,
                                     SfReportFormat    format);

G_END_DECLS
