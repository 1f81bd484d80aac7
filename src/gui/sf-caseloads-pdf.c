/* sf-caseloads-pdf.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-caseload-item.h"
#include "sf-caseloads-pdf.h"
#include "sf-pdf.h"

#define ROW_PADDING 3.0
#define BAR_HEIGHT  10.0
#define BAR_ROW     16.0

typedef struct
{
  const char *column;
  const char *title;
  double      width;     /* share of the table's width */
  gboolean    numeric;
} Column;

/* The colours of the status; a word beside each bar says it too */
static void
set_status_colour (cairo_t  *cr,
                   SfStatus  status)
{
  switch (status)
    {
    case SF_STATUS_OVER:
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      break;
    case SF_STATUS_NEAR:
      cairo_set_source_rgb (cr, 0.90, 0.65, 0.04);
      break;
    case SF_STATUS_WITHIN:
    default:
      cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);
      break;
    }
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_text (SfPdf      *pdf,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width,
           gboolean    right,
           double      grey)
{
  g_autoptr(PangoLayout) layout = sf_pdf_layout (pdf, text, font, width);

  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  sf_pdf_show_layout (pdf, layout, x, y, grey);
}

static void
rule (SfPdf  *pdf,
      double  y,
      double  grey)
{
  cairo_t *cr = sf_pdf_get_cairo (pdf);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, SF_PDF_MARGIN, y);
  cairo_line_to (cr, SF_PDF_MARGIN + sf_pdf_get_width (pdf), y);
  cairo_stroke (cr);
}

static void
table_header (SfPdf        *pdf,
              const Column *columns,
              guint         n_columns)
{
  double x = SF_PDF_MARGIN, height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      double width = columns[i].width * sf_pdf_get_width (pdf);
      g_autoptr(PangoLayout) layout = sf_pdf_layout (pdf, columns[i].title, "Sans Bold 8", width - 2 * ROW_PADDING);

      height = MAX (height, layout_height (layout));
    }
  sf_pdf_ensure_space (pdf, height + 2 * ROW_PADDING + 20);
  for (guint i = 0; i < n_columns; i++)
    {
      double width = columns[i].width * sf_pdf_get_width (pdf);

      show_text (pdf, columns[i].title, "Sans Bold 8", x + ROW_PADDING, sf_pdf_get_y (pdf) + ROW_PADDING,
                 width - 2 * ROW_PADDING, columns[i].numeric, 0.25);
      x += width;
    }
  sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + height + 2 * ROW_PADDING);
  rule (pdf, sf_pdf_get_y (pdf), 0.3);
}

static void
draw_teams (SfPdf           *pdf,
            const SfFigures *figures)
{
  const Column columns[] = {
    { "name", _("Team"), 0.22, FALSE },
    { "open", _("Open Cases"), 0.08, TRUE },
    { "load", _("Load / Capacity"), 0.11, TRUE },
    { "fte", _("FTE / Needed"), 0.10, TRUE },
    { "compliance", _("Within Norm"), 0.08, TRUE },
    { "per-fte", _("Per FTE"), 0.07, TRUE },
    { "ds", _("Range"), 0.07, TRUE },
    { "survey", _("Avg. 2023"), 0.07, TRUE },
    { "position", _("Against the Range"), 0.20, FALSE },
  };

  sf_pdf_paragraph (pdf, _("Teams"), "Sans Bold 12", 0, 0, 4);
  table_header (pdf, columns, G_N_ELEMENTS (columns));

  for (guint t = 0; t < figures->teams->len; t++)
    {
      g_autoptr(SfCaseloadTeamItem) item = sf_caseload_team_item_new (&g_array_index (figures->teams,
                                                                                      SfTeamFigures, t));
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, t);
      g_autofree char *members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u caseworker", "%u caseworkers",
                                                               tf->members), tf->members);
      double height = 0, x = SF_PDF_MARGIN;
      char *texts[G_N_ELEMENTS (columns)];

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          double width = columns[i].width * sf_pdf_get_width (pdf) - 2 * ROW_PADDING;
          g_autoptr(PangoLayout) layout = NULL;

          if (g_str_equal (columns[i].column, "name"))
            texts[i] = g_strdup_printf ("%s\n%s · %s", sf_caseload_team_item_get_name (item),
                                        sf_caseload_team_item_get_area (item), members);
          else if (g_str_equal (columns[i].column, "open") && tf->uncovered_cases > 0)
            texts[i] = g_strdup_printf ("%s\n%s", sf_caseload_team_item_get_text (item, "open"),
                                        sf_caseload_team_item_get_text (item, "uncovered"));
          else
            texts[i] = g_strdup (sf_caseload_team_item_get_text (item, columns[i].column));
          layout = sf_pdf_layout (pdf, texts[i], "Sans 8", width);
          height = MAX (height, layout_height (layout));
        }
      sf_pdf_ensure_space (pdf, height + 2 * ROW_PADDING);
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          double width = columns[i].width * sf_pdf_get_width (pdf);
          gboolean above = g_str_equal (columns[i].column, "position") &&
                           sf_caseload_team_item_get_position (item) == SF_TEAM_POSITION_ABOVE;

          show_text (pdf, texts[i], above ? "Sans Bold 8" : "Sans 8", x + ROW_PADDING,
                     sf_pdf_get_y (pdf) + ROW_PADDING, width - 2 * ROW_PADDING, columns[i].numeric, 0);
          x += width;
          g_free (texts[i]);
        }
      sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + height + 2 * ROW_PADDING);
      rule (pdf, sf_pdf_get_y (pdf), 0.8);
    }
  sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 4);
  sf_pdf_paragraph (pdf, _("Per FTE: open cases, unweighted, per full-time equivalent, as DS’ ranges count them. "
                           "The DS range, the national average and the caseload union representatives found "
                           "appropriate are from DS’ Sagstalsundersøgelse 2023."),
                    "Sans 7", 0, 0.35, 4);
  /* What the marks beside a range mean: whose range it is. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint t = 0; t < figures->teams->len; t++)
      {
        const SfArea *area = g_array_index (figures->teams, SfTeamFigures, t).area;
        g_autofree char *footnote = NULL;
        g_autofree char *text = NULL;

        if (area == NULL || g_hash_table_contains (seen, &area->id))
          continue;
        g_hash_table_add (seen, (gpointer) &area->id);
        footnote = sf_area_footnote (area);
        if (footnote == NULL)
          continue;
        text = g_strdup_printf ("* %s: %s", area->name, footnote);
        sf_pdf_paragraph (pdf, text, "Sans 7", 0, 0.35, 4);
      }
  }
  sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 10);
}

static int
compare_workers (gconstpointer a,
                 gconstpointer b)
{
  const SfWorkerFigures *wa = *(const SfWorkerFigures * const *) a;
  const SfWorkerFigures *wb = *(const SfWorkerFigures * const *) b;
  int by_team = g_utf8_collate (wa->team != NULL ? wa->team->name : "", wb->team != NULL ? wb->team->name : "");
  double ua = isnan (wa->utilisation) ? -1 : wa->utilisation;
  double ub = isnan (wb->utilisation) ? -1 : wb->utilisation;

  if (by_team != 0)
    return by_team;
  /* The most loaded first, as on screen */
  if (ua != ub)
    return ua > ub ? -1 : 1;
  return g_utf8_collate (wa->worker->initials, wb->worker->initials);
}

static void
draw_legend (SfPdf *pdf)
{
  cairo_t *cr = sf_pdf_get_cairo (pdf);
  double x = SF_PDF_MARGIN;
  double y = sf_pdf_get_y (pdf);

  for (SfStatus s = SF_STATUS_WITHIN; s <= SF_STATUS_OVER; s++)
    {
      g_autoptr(PangoLayout) layout = sf_pdf_layout (pdf, sf_status_to_label (s), "Sans 8", -1);
      int width, height;

      set_status_colour (cr, s);
      cairo_rectangle (cr, x, y + 2, 8, 8);
      cairo_fill (cr);
      sf_pdf_show_layout (pdf, layout, x + 12, y, 0);
      pango_layout_get_size (layout, &width, &height);
      x += 12 + (double) width / PANGO_SCALE + 18;
    }
  sf_pdf_set_y (pdf, y + 16);
}

static void
draw_chart (SfPdf           *pdf,
            const SfFigures *figures)
{
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  cairo_t *cr = sf_pdf_get_cairo (pdf);
  double label_width = 0.22 * sf_pdf_get_width (pdf);
  double value_width = 0.30 * sf_pdf_get_width (pdf);
  double bar_x = SF_PDF_MARGIN + label_width;
  double bar_width = sf_pdf_get_width (pdf) - label_width - value_width;
  double scale = 1.5;                /* the bars run from 0 to 150 % … */
  g_autofree char *near = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *explanation = NULL;
  const SfTeam *team = NULL;

  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);

      g_ptr_array_add (workers, (gpointer) wf);
      if (!isnan (wf->utilisation))
        scale = MAX (scale, ceil (wf->utilisation * 4) / 4);   /* … or to the highest, by quarters */
    }
  g_ptr_array_sort (workers, compare_workers);

  near = sf_format_decimal (figures->settings.near_threshold * 100, 0);
  scale_text = sf_format_decimal (scale * 100, 0);
  /* Translators: under the chart of the caseload report; %1$s and %2$s are percentages */
  explanation = g_strdup_printf (_("Weighted caseload as a share of each caseworker’s adjusted norm. The solid line "
                                   "is the norm (100 %%), the dashed line the threshold for “near the norm” "
                                   "(%1$s %%); the bars run to %2$s %%."),
                                 near, scale_text);
  sf_pdf_ensure_space (pdf, 80);
  sf_pdf_paragraph (pdf, _("Utilisation per Caseworker"), "Sans Bold 12", 0, 0, 4);
  sf_pdf_paragraph (pdf, explanation, "Sans 8", 0, 0.35, 4);
  draw_legend (pdf);

  for (guint i = 0; i < workers->len; i++)
    {
      const SfWorkerFigures *wf = g_ptr_array_index (workers, i);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;
      double y, x_norm, x_near;

      if (wf->team != team)
        {
          team = wf->team;
          sf_pdf_ensure_space (pdf, 14 + BAR_ROW);
          sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 4);
          sf_pdf_paragraph (pdf, team != NULL ? team->name : _("No team"), "Sans Bold 9", 0, 0, 2);
        }
      sf_pdf_ensure_space (pdf, BAR_ROW);
      y = sf_pdf_get_y (pdf);

      label = g_strdup_printf ("%s  %s", wf->worker->initials, wf->worker->name);
      show_text (pdf, label, "Sans 8", SF_PDF_MARGIN, y, label_width - 8, FALSE, 0);

      /* The track, then the bar */
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_rectangle (cr, bar_x, y + 1, bar_width, BAR_HEIGHT);
      cairo_fill (cr);
      if (!isnan (wf->utilisation))
        {
          set_status_colour (cr, wf->status);
          cairo_rectangle (cr, bar_x, y + 1, bar_width * MIN (wf->utilisation, scale) / scale, BAR_HEIGHT);
          cairo_fill (cr);
        }
      else if (wf->weighted_load > 0)
        {
          /* Cases and no norm: over, the whole track */
          set_status_colour (cr, SF_STATUS_OVER);
          cairo_rectangle (cr, bar_x, y + 1, bar_width, BAR_HEIGHT);
          cairo_fill (cr);
        }

      /* The norm, and the threshold for "near" */
      x_norm = bar_x + bar_width / scale;
      x_near = bar_x + bar_width * figures->settings.near_threshold / scale;
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x_norm, y - 1);
      cairo_line_to (cr, x_norm, y + BAR_HEIGHT + 3);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 0.5);
      cairo_set_dash (cr, (double[]) { 2, 2 }, 2, 0);
      cairo_move_to (cr, x_near, y - 1);
      cairo_line_to (cr, x_near, y + BAR_HEIGHT + 3);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (wf->adjusted_norm > 0)
        {
          g_autofree char *percent = sf_format_decimal (wf->utilisation * 100, 0);
          g_autofree char *load = sf_format_decimal (wf->weighted_load, 1);
          g_autofree char *norm = sf_format_decimal (wf->adjusted_norm, 1);

          /* Translators: beside a bar: utilisation, status, load / norm */
          value = g_strdup_printf (_("%1$s %% %2$s (%3$s / %4$s)"), percent, sf_status_to_label (wf->status),
                                   load, norm);
        }
      else
        value = g_strdup_printf ("%s (%s)", sf_status_to_label (wf->status), _("no capacity"));
      show_text (pdf, value, wf->status == SF_STATUS_OVER ? "Sans Bold 8" : "Sans 8", bar_x + bar_width + 6, y,
                 value_width - 6, FALSE, 0);
      sf_pdf_set_y (pdf, y + BAR_ROW);
    }
}

gboolean
sf_caseloads_pdf_export (const SfFigures  *figures,
                         GFile            *file,
                         GError          **error)
{
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  char *weights[SF_N_COMPLEXITIES] = { NULL, };
  SfPdf *pdf;

  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  day = sf_day_format (figures->ref);
  /* Translators: the title of the caseload report; %s is a date */
  title = g_strdup_printf (_("Caseloads on %s"), day);
  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    weights[c] = sf_format_decimal (figures->settings.weights[c], 1);
  /* Translators: under the title of the caseload report: the weights of the complexities */
  subtitle = g_strdup_printf (_("Weighted caseloads against adjusted norms. Weights: %s %s, %s %s, %s %s."),
                              sf_complexity_to_label (SF_COMPLEXITY_ENKEL), weights[SF_COMPLEXITY_ENKEL],
                              sf_complexity_to_label (SF_COMPLEXITY_KOMPLEKS), weights[SF_COMPLEXITY_KOMPLEKS],
                              sf_complexity_to_label (SF_COMPLEXITY_SAERLIGT_KOMPLICERET),
                              weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET]);

  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    g_free (weights[c]);

  pdf = sf_pdf_new (file, TRUE, title, title, error);
  if (pdf == NULL)
    return FALSE;
  sf_pdf_paragraph (pdf, title, "Sans Bold 16", 0, 0, 4);
  sf_pdf_paragraph (pdf, subtitle, "Sans 9", 0, 0.3, 12);
  draw_teams (pdf, figures);
  draw_chart (pdf, figures);
  return sf_pdf_finish (pdf, error);
}
