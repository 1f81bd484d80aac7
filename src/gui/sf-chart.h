/* sf-chart.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* A line chart of figures over days, drawn by the page (SfChart, with
 * GtkSnapshot) and by the PDF report (sf_chart_model_draw(), on any cairo
 * surface) from one model.  Every series has its own line style and marker
 * as well as its colour, so the chart reads in grey and for those who
 * cannot tell the colours apart; the same figures can be shown as a table. */

typedef enum
{
  SF_CHART_SOLID,
  SF_CHART_DASHED,
  SF_CHART_DOTTED,
  SF_CHART_DASH_DOT,           /* a what-if scenario's lines */
} SfChartDash;

typedef enum
{
  SF_CHART_CIRCLE,
  SF_CHART_SQUARE,
  SF_CHART_TRIANGLE,
  SF_CHART_DIAMOND,
} SfChartMarker;

typedef enum
{
  SF_CHART_FOREGROUND,         /* the text colour: black, or white in the dark style */
  SF_CHART_BLUE,
  SF_CHART_ORANGE,
  SF_CHART_RED,
  SF_CHART_N_COLOURS,
} SfChartColour;

typedef enum
{
  SF_CHART_NUMBER,
  SF_CHART_PERCENT,            /* values are fractions: 0.9 reads "90 %" */
} SfChartUnit;

typedef struct
{
  SfDay  day;
  double value;                /* NAN: no figure that day (the line breaks) */
} SfChartPoint;

typedef struct
{
  char          *name;
  SfChartDash    dash;
  SfChartMarker  marker;
  SfChartColour  colour;
  GArray        *points;       /* SfChartPoint, by day */
} SfChartSeries;

typedef struct
{
  char          *name;
  double         value;
  SfChartDash    dash;
  SfChartColour  colour;
} SfChartLine;

typedef struct _SfChartModel SfChartModel;

SfChartModel *sf_chart_model_new         (const char    *title,
                                          SfChartUnit    unit,
                                          int            digits);
SfChartModel *sf_chart_model_ref         (SfChartModel  *model);
void          sf_chart_model_unref       (SfChartModel  *model);
const char   *sf_chart_model_get_title   (SfChartModel  *model);
/* Returns the series' index. */
guint         sf_chart_model_add_series  (SfChartModel  *model,
                                          const char    *name,
                                          SfChartDash    dash,
                                          SfChartMarker  marker,
                                          SfChartColour  colour);
void          sf_chart_model_add_point   (SfChartModel  *model,
                                          guint          series,
                                          SfDay          day,
                                          double         value);
/* A horizontal line at @value: a threshold. */
void          sf_chart_model_add_line    (SfChartModel  *model,
                                          const char    *name,
                                          double         value,
                                          SfChartDash    dash,
                                          SfChartColour  colour);
/* A vertical line marking the reference date. */
void          sf_chart_model_set_today   (SfChartModel  *model,
                                          SfDay          today);
guint         sf_chart_model_get_n_series (SfChartModel *model);
const SfChartSeries *sf_chart_model_get_series (SfChartModel *model,
                                                guint         series);
/* The days with a figure in any series, ascending: the rows of the table. */
GArray       *sf_chart_model_get_days    (SfChartModel  *model);
/* The value of @series on @day, NAN when it has none. */
double        sf_chart_model_get_value   (SfChartModel  *model,
                                          guint          series,
                                          SfDay          day);
/* A value as the chart, its table and its exports show it: "90 %", "12,5";
 * a dash for none. */
char         *sf_chart_model_format      (SfChartModel  *model,
                                          double         value);
/* What a screen reader says about the chart: where each series starts,
 * ends and peaks. */
char         *sf_chart_model_describe    (SfChartModel  *model);

typedef struct
{
  double rgba[SF_CHART_N_COLOURS][4];
} SfChartPalette;

/* The palette of the light (@dark FALSE) or dark style, with @foreground
 * (NULL: black) as the text colour. */
void          sf_chart_palette_init      (SfChartPalette *palette,
                                          const GdkRGBA  *foreground,
                                          gboolean        dark);
/* Draws @model in the rectangle 0, 0, @width, @height of @cr: the legend,
 * the axes, the lines and the series. */
void          sf_chart_model_draw        (SfChartModel         *model,
                                          cairo_t              *cr,
                                          PangoContext         *context,
                                          const SfChartPalette *palette,
                                          double                width,
                                          double                height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChartModel, sf_chart_model_unref)

#define SF_TYPE_CHART (sf_chart_get_type ())

G_DECLARE_FINAL_TYPE (SfChart, sf_chart, SF, CHART, GtkWidget)

/* Shows @model (NULL: nothing); the chart keeps a reference. */
void          sf_chart_set_model         (SfChart       *self,
                                          SfChartModel  *model);
SfChartModel *sf_chart_get_model         (SfChart       *self);
/* Whether the figures are shown as a table instead of the plot. */
void          sf_chart_set_show_table    (SfChart       *self,
                                          gboolean       show_table);
/* The table's grid (built when first shown; NULL before), for tests. */
GtkWidget    *sf_chart_get_table         (SfChart       *self);

G_END_DECLS
