/* sf-planning-export.c: the Planning page's CSV and PDF
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-pdf.h"
#include "sf-planning-page-private.h"

#define CHART_HEIGHT 190.0
#define TABLE_ROW    11.0

/* The charts of @place, in the page's order, without the NULL ones. */
static GPtrArray *
place_charts (SfPlanningData  *data,
              SfPlanningPlace  place)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_chart_model_unref);
  SfChartModel *gap = sf_planning_gap_chart (data, place);

  g_ptr_array_add (charts, sf_planning_capacity_chart (data, place));
  g_ptr_array_add (charts, sf_planning_utilisation_chart (data, place));
  if (gap != NULL)
    g_ptr_array_add (charts, gap);
  return charts;
}

/* One table a chart (its title in the first column, then the date and one
 * column a series), then the teams going over with the events behind each.
 * Dates ISO, numbers unrounded with a decimal comma, utilisation a fraction. */
char *
sf_planning_export_csv_text (SfPlanningData  *data,
                             SfPlanningPlace  place)
{
  g_autoptr(GPtrArray) charts = place_charts (data, place);
  g_autoptr(GPtrArray) over = sf_planning_teams_going_over (data, place);
  g_autofree char *title = sf_planning_place_title (data, place);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < charts->len; c++)
    {
      SfChartModel *model = g_ptr_array_index (charts, c);
      GArray *days = sf_chart_model_get_days (model);
      guint n = sf_chart_model_get_n_series (model);

      if (c > 0)
        g_string_append (out, "\r\n");
      sf_csv_append_field (out, _("Place"), FALSE);
      sf_csv_append_field (out, _("Chart"), FALSE);
      sf_csv_append_field (out, _("Date"), n == 0);
      for (guint s = 0; s < n; s++)
        sf_csv_append_field (out, sf_chart_model_get_series (model, s)->name, s + 1 == n);
      for (guint i = 0; i < days->len; i++)
        {
          SfDay day = g_array_index (days, SfDay, i);
          g_autofree char *iso = sf_day_to_iso (day);

          sf_csv_append_field (out, title, FALSE);
          sf_csv_append_field (out, sf_chart_model_get_title (model), FALSE);
          sf_csv_append_field (out, iso, n == 0);
          for (guint s = 0; s < n; s++)
            sf_csv_append_number (out, sf_chart_model_get_value (model, s, day), s + 1 == n);
        }
    }

  if (place.level != SF_PLANNING_WORKER)
    {
      g_string_append (out, "\r\n");
      sf_csv_append_field (out, _("Team"), FALSE);
      sf_csv_append_field (out, _("Area"), FALSE);
      sf_csv_append_field (out, _("Hire by"), FALSE);
      sf_csv_append_field (out, _("Over from"), FALSE);
      sf_csv_append_field (out, _("Net inflow a month"), FALSE);
      sf_csv_append_field (out, _("Event date"), FALSE);
      sf_csv_append_field (out, _("Event"), TRUE);
      for (guint i = 0; i < over->len; i++)
        {
          const SfTeamForecast *tf = g_ptr_array_index (over, i);
          g_autofree char *hire_by = sf_day_to_iso (tf->hire_by);
          g_autofree char *first_over = sf_day_to_iso (sf_planning_first_over (tf));

          for (guint e = 0; e < MAX (tf->events->len, 1); e++)
            {
              const SfForecastEvent *event = e < tf->events->len
                ? &g_array_index (tf->events, SfForecastEvent, e) : NULL;
              g_autofree char *day = event != NULL ? sf_day_to_iso (event->day) : NULL;
              g_autofree char *text = event != NULL ? sf_forecast_event_describe (event) : NULL;

              sf_csv_append_field (out, tf->team->name, FALSE);
              sf_csv_append_field (out, tf->area != NULL ? tf->area->name : "", FALSE);
              sf_csv_append_field (out, hire_by, FALSE);
              sf_csv_append_field (out, first_over, FALSE);
              sf_csv_append_number (out, tf->net_inflow, FALSE);
              sf_csv_append_field (out, day, FALSE);
              sf_csv_append_field (out, text, TRUE);
            }
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
sf_planning_export_csv (SfPlanningData  *data,
                        SfPlanningPlace  place,
                        GFile           *file,
                        GError         **error)
{
  g_autofree char *text = sf_planning_export_csv_text (data, place);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

/* ---- PDF ---------------------------------------------------------------- */

static void
draw_chart (SfPdf        *pdf,
            SfChartModel *model)
{
  cairo_t *cr = sf_pdf_get_cairo (pdf);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7");
  SfChartPalette palette;
  double y;

  sf_pdf_ensure_space (pdf, CHART_HEIGHT + 24);
  sf_pdf_paragraph (pdf, sf_chart_model_get_title (model), "Sans Bold 11", 0, 0, 4);
  y = sf_pdf_get_y (pdf);
  pango_context_set_font_description (context, font);
  sf_chart_palette_init (&palette, NULL, FALSE);
  cairo_save (cr);
  cairo_translate (cr, SF_PDF_MARGIN, y);
  sf_chart_model_draw (model, cr, context, &palette, sf_pdf_get_width (pdf), CHART_HEIGHT);
  cairo_restore (cr);
  g_object_unref (context);
  sf_pdf_set_y (pdf, y + CHART_HEIGHT + 8);
}

static void
table_text (SfPdf      *pdf,
            const char *text,
            const char *font,
            double      x,
            double      width,
            double      y,
            gboolean    right)
{
  g_autoptr(PangoLayout) layout = sf_pdf_layout (pdf, text, font, width);

  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  sf_pdf_show_layout (pdf, layout, x, y, 0);
}

static void
draw_table_header (SfPdf        *pdf,
                   SfChartModel *model,
                   double        column)
{
  double y = sf_pdf_get_y (pdf);
  guint n = sf_chart_model_get_n_series (model);

  table_text (pdf, _("Date"), "Sans Bold 7", SF_PDF_MARGIN, column, y, FALSE);
  for (guint s = 0; s < n; s++)
    table_text (pdf, sf_chart_model_get_series (model, s)->name, "Sans Bold 7",
                SF_PDF_MARGIN + column * (s + 1), column - 6, y, TRUE);
  sf_pdf_set_y (pdf, y + TABLE_ROW + 2);
}

static void
draw_table (SfPdf        *pdf,
            SfChartModel *model)
{
  GArray *days = sf_chart_model_get_days (model);
  guint n = sf_chart_model_get_n_series (model);
  double column = MIN (110.0, sf_pdf_get_width (pdf) / (n + 1));

  sf_pdf_ensure_space (pdf, TABLE_ROW * 3);
  draw_table_header (pdf, model, column);
  for (guint i = 0; i < days->len; i++)
    {
      SfDay day = g_array_index (days, SfDay, i);
      g_autofree char *date = sf_day_format (day);
      double before = sf_pdf_get_y (pdf);
      double y;

      /* A table continued on the next page repeats its header */
      sf_pdf_ensure_space (pdf, TABLE_ROW);
      if (sf_pdf_get_y (pdf) < before)
        draw_table_header (pdf, model, column);
      y = sf_pdf_get_y (pdf);
      table_text (pdf, date, "Sans 7", SF_PDF_MARGIN, column, y, FALSE);
      for (guint s = 0; s < n; s++)
        {
          g_autofree char *value = sf_chart_model_format (model, sf_chart_model_get_value (model, s, day));

          table_text (pdf, value, "Sans 7", SF_PDF_MARGIN + column * (s + 1), column - 6, y, TRUE);
        }
      sf_pdf_set_y (pdf, y + TABLE_ROW);
    }
  sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 10);
}

gboolean
sf_planning_export_pdf (SfPlanningData  *data,
                        SfPlanningPlace  place,
                        GFile           *file,
                        GError         **error)
{
  g_autoptr(GPtrArray) charts = place_charts (data, place);
  g_autoptr(GPtrArray) over = sf_planning_teams_going_over (data, place);
  g_autofree char *name = sf_planning_place_title (data, place);
  g_autofree char *day = sf_day_format (data->today);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  SfPlanningFigures figures;
  g_autofree char *used = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *load = NULL;
  g_autofree char *now = NULL;
  SfPdf *pdf;

  /* Translators: the title of the planning report; a place and a date */
  title = g_strdup_printf (_("Planning: %s on %s"), name, day);
  /* Translators: under the title of the planning report */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A year back, weekly, and the forecast for the next %d month. Points after the dotted line “Today” are forecast.",
                                           "A year back, weekly, and the forecast for the next %d months. Points after the dotted line “Today” are forecast.",
                                           data->forecast->months),
                              data->forecast->months);
  sf_planning_place_figures (data, place, data->points->len - 1, &figures);
  used = sf_format_decimal (figures.utilisation * 100, 0);
  capacity = sf_format_decimal (figures.capacity, 1);
  load = sf_format_decimal (figures.load, 1);
  /* Translators: the figures now in the planning report: load, capacity, utilisation, open cases */
  now = g_strdup_printf (_("Now: load %s of a capacity of %s, %s %% used, %u open cases."),
                         load, capacity, used, figures.open_cases);

  pdf = sf_pdf_new (file, FALSE, title, title, error);
  if (pdf == NULL)
    return FALSE;
  sf_pdf_paragraph (pdf, title, "Sans Bold 16", 0, 0, 4);
  sf_pdf_paragraph (pdf, subtitle, "Sans 9", 0, 0.3, 4);
  sf_pdf_paragraph (pdf, now, "Sans 9", 0, 0, 12);
  for (guint c = 0; c < charts->len; c++)
    draw_chart (pdf, g_ptr_array_index (charts, c));

  if (place.level != SF_PLANNING_WORKER)
    {
      sf_pdf_ensure_space (pdf, 60);
      sf_pdf_paragraph (pdf, _("Teams That Will Go Over"), "Sans Bold 12", 0, 0, 4);
      if (over->len == 0)
        sf_pdf_paragraph (pdf, _("None in the forecast."), "Sans 9", 0, 0, 8);
      for (guint i = 0; i < over->len; i++)
        {
          const SfTeamForecast *tf = g_ptr_array_index (over, i);
          g_autofree char *hire_by = sf_day_format (tf->hire_by);
          g_autofree char *first_over = sf_day_format (sf_planning_first_over (tf));
          g_autofree char *line = NULL;

          /* Translators: a team going over in the planning report: team, two dates */
          line = g_strdup_printf (_("%s: hire by %s (over from %s)"), tf->team->name, hire_by, first_over);
          sf_pdf_ensure_space (pdf, 24);
          sf_pdf_paragraph (pdf, line, "Sans Bold 9", 0, 0, 2);
          for (guint e = 0; e < tf->events->len; e++)
            {
              const SfForecastEvent *event = &g_array_index (tf->events, SfForecastEvent, e);
              g_autofree char *date = sf_day_format (event->day);
              g_autofree char *text = sf_forecast_event_describe (event);
              g_autofree char *event_line = g_strdup_printf ("%s  %s", date, text);

              sf_pdf_paragraph (pdf, event_line, "Sans 8", 12, 0.2, 1);
            }
          sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 4);
        }
    }

  /* The figures of each chart as a table, for reading them exactly */
  for (guint c = 0; c < charts->len; c++)
    {
      SfChartModel *model = g_ptr_array_index (charts, c);
      /* Translators: a heading in the planning report; %s is a chart's title */
      g_autofree char *heading = g_strdup_printf (_("Table: %s"), sf_chart_model_get_title (model));

      sf_pdf_ensure_space (pdf, 60);
      sf_pdf_paragraph (pdf, heading, "Sans Bold 11", 0, 0, 4);
      draw_table (pdf, model);
    }
  return sf_pdf_finish (pdf, error);
}
