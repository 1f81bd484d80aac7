/* sf-chart.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sf-chart.h"

/* ---- the model --------------------------------------------------------- */

struct _SfChartModel
{
  grefcount    ref_count;
  char        *title;
  SfChartUnit  unit;
  int          digits;
  GPtrArray   *series;         /* SfChartSeries */
  GArray      *lines;          /* SfChartLine */
  SfDay        today;
  GArray      *days;           /* cache of sf_chart_model_get_days() */
};

static void
series_free (gpointer data)
{
  SfChartSeries *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

static void
line_clear (gpointer data)
{
  SfChartLine *line = data;

  g_free (line->name);
}

SfChartModel *
sf_chart_model_new (const char  *title,
                    SfChartUnit  unit,
                    int          digits)
{
  SfChartModel *model = g_new0 (SfChartModel, 1);

  g_ref_count_init (&model->ref_count);
  model->title = g_strdup (title);
  model->unit = unit;
  model->digits = digits;
  model->series = g_ptr_array_new_with_free_func (series_free);
  model->lines = g_array_new (FALSE, TRUE, sizeof (SfChartLine));
  g_array_set_clear_func (model->lines, line_clear);
  model->today = SF_DAY_NONE;
  return model;
}

SfChartModel *
sf_chart_model_ref (SfChartModel *model)
{
  g_ref_count_inc (&model->ref_count);
  return model;
}

void
sf_chart_model_unref (SfChartModel *model)
{
  if (model == NULL || !g_ref_count_dec (&model->ref_count))
    return;
  g_free (model->title);
  g_ptr_array_unref (model->series);
  g_array_unref (model->lines);
  g_clear_pointer (&model->days, g_array_unref);
  g_free (model);
}

const char *
sf_chart_model_get_title (SfChartModel *model)
{
  return model->title;
}

guint
sf_chart_model_add_series (SfChartModel  *model,
                           const char    *name,
                           SfChartDash    dash,
                           SfChartMarker  marker,
                           SfChartColour  colour)
{
  SfChartSeries *series = g_new0 (SfChartSeries, 1);

  series->name = g_strdup (name);
  series->dash = dash;
  series->marker = marker;
  series->colour = colour;
  series->points = g_array_new (FALSE, FALSE, sizeof (SfChartPoint));
  g_ptr_array_add (model->series, series);
  return model->series->len - 1;
}

void
sf_chart_model_add_point (SfChartModel *model,
                          guint         series,
                          SfDay         day,
                          double        value)
{
  SfChartSeries *s;
  SfChartPoint point = { day, value };

  g_return_if_fail (series < model->series->len);
  s = g_ptr_array_index (model->series, series);
  g_return_if_fail (s->points->len == 0 || g_array_index (s->points, SfChartPoint, s->points->len - 1).day < day);
  g_array_append_val (s->points, point);
  g_clear_pointer (&model->days, g_array_unref);
}

void
sf_chart_model_add_line (SfChartModel  *model,
                         const char    *name,
                         double         value,
                         SfChartDash    dash,
                         SfChartColour  colour)
{
  SfChartLine line = { g_strdup (name), value, dash, colour };

  g_array_append_val (model->lines, line);
}

void
sf_chart_model_set_today (SfChartModel *model,
                          SfDay         today)
{
  model->today = today;
}

guint
sf_chart_model_get_n_series (SfChartModel *model)
{
  return model->series->len;
}

const SfChartSeries *
sf_chart_model_get_series (SfChartModel *model,
                           guint         series)
{
  g_return_val_if_fail (series < model->series->len, NULL);
  return g_ptr_array_index (model->series, series);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  SfDay x = *(const SfDay *) a;
  SfDay y = *(const SfDay *) b;

  return x < y ? -1 : x > y;
}

GArray *
sf_chart_model_get_days (SfChartModel *model)
{
  if (model->days == NULL)
    {
      model->days = g_array_new (FALSE, FALSE, sizeof (SfDay));
      for (guint s = 0; s < model->series->len; s++)
        {
          const SfChartSeries *series = g_ptr_array_index (model->series, s);

          for (guint i = 0; i < series->points->len; i++)
            g_array_append_val (model->days, g_array_index (series->points, SfChartPoint, i).day);
        }
      g_array_sort (model->days, compare_days);
      for (guint i = 1; i < model->days->len;)
        {
          if (g_array_index (model->days, SfDay, i) == g_array_index (model->days, SfDay, i - 1))
            g_array_remove_index (model->days, i);
          else
            i++;
        }
    }
  return model->days;
}

double
sf_chart_model_get_value (SfChartModel *model,
                          guint         series,
                          SfDay         day)
{
  const SfChartSeries *s = sf_chart_model_get_series (model, series);
  guint lo = 0, hi;

  if (s == NULL)
    return NAN;
  hi = s->points->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      SfDay at = g_array_index (s->points, SfChartPoint, mid).day;

      if (at == day)
        return g_array_index (s->points, SfChartPoint, mid).value;
      if (at < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NAN;
}

char *
sf_chart_model_format (SfChartModel *model,
                       double        value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (model->unit == SF_CHART_PERCENT)
    {
      g_autofree char *number = sf_format_decimal (value * 100.0, model->digits);

      /* Translators: a percentage; Danish writes a space before the sign */
      return g_strdup_printf (_("%s %%"), number);
    }
  return sf_format_decimal (value, model->digits);
}

char *
sf_chart_model_describe (SfChartModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < model->series->len; s++)
    {
      const SfChartSeries *series = g_ptr_array_index (model->series, s);
      const SfChartPoint *first = NULL, *last = NULL, *top = NULL;

      for (guint i = 0; i < series->points->len; i++)
        {
          const SfChartPoint *point = &g_array_index (series->points, SfChartPoint, i);

          if (!isfinite (point->value))
            continue;
          if (first == NULL)
            first = point;
          last = point;
          if (top == NULL || point->value > top->value)
            top = point;
        }
      if (out->len > 0)
        g_string_append (out, " ");
      if (first == NULL)
        {
          /* Translators: a series of a chart without figures; %s is its name */
          g_string_append_printf (out, _("%s: no figures."), series->name);
          continue;
        }
      {
        g_autofree char *first_value = sf_chart_model_format (model, first->value);
        g_autofree char *first_day = sf_day_format (first->day);
        g_autofree char *last_value = sf_chart_model_format (model, last->value);
        g_autofree char *last_day = sf_day_format (last->day);
        g_autofree char *top_value = sf_chart_model_format (model, top->value);
        g_autofree char *top_day = sf_day_format (top->day);

        /* Translators: what a screen reader says of a series of a chart: its
         * name, the first value and its date, the last value and its date,
         * the highest value and its date */
        g_string_append_printf (out, _("%s: %s on %s, %s on %s, highest %s on %s."),
                                series->name, first_value, first_day, last_value, last_day,
                                top_value, top_day);
      }
    }
  for (guint l = 0; l < model->lines->len; l++)
    {
      const SfChartLine *line = &g_array_index (model->lines, SfChartLine, l);
      g_autofree char *value = sf_chart_model_format (model, line->value);

      /* Translators: a threshold line of a chart: its name and value */
      g_string_append_printf (out, _(" Line: %s at %s."), line->name, value);
    }
  return g_string_free (out, FALSE);
}

/* ---- drawing (cairo: the widget and the PDF) ---------------------------- */

void
sf_chart_palette_init (SfChartPalette *palette,
                       const GdkRGBA  *foreground,
                       gboolean        dark)
{
  /* GNOME's palette: blue 3 / orange 5 / red 3 on light; lighter ones on dark */
  static const double light[SF_CHART_N_COLOURS][3] = {
    { 0, 0, 0 }, { 0x1c / 255., 0x71 / 255., 0xd8 / 255. },
    { 0xc6 / 255., 0x46 / 255., 0x00 / 255. }, { 0xc0 / 255., 0x1c / 255., 0x28 / 255. },
  };
  static const double night[SF_CHART_N_COLOURS][3] = {
    { 1, 1, 1 }, { 0x99 / 255., 0xc1 / 255., 0xf1 / 255. },
    { 0xff / 255., 0xa3 / 255., 0x48 / 255. }, { 0xff / 255., 0x7b / 255., 0x63 / 255. },
  };

  for (int c = 0; c < SF_CHART_N_COLOURS; c++)
    {
      for (int k = 0; k < 3; k++)
        palette->rgba[c][k] = dark ? night[c][k] : light[c][k];
      palette->rgba[c][3] = 1.0;
    }
  if (foreground != NULL)
    {
      palette->rgba[SF_CHART_FOREGROUND][0] = foreground->red;
      palette->rgba[SF_CHART_FOREGROUND][1] = foreground->green;
      palette->rgba[SF_CHART_FOREGROUND][2] = foreground->blue;
      palette->rgba[SF_CHART_FOREGROUND][3] = foreground->alpha;
    }
}

static void
set_colour (cairo_t              *cr,
            const SfChartPalette *palette,
            SfChartColour         colour,
            double                alpha)
{
  const double *c = palette->rgba[colour];

  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3] * alpha);
}

static void
set_dash (cairo_t     *cr,
          SfChartDash  dash)
{
  static const double dashed[] = { 7.0, 4.0 };
  static const double dotted[] = { 1.5, 3.0 };
  static const double dash_dot[] = { 9.0, 3.0, 1.5, 3.0 };

  switch (dash)
    {
    case SF_CHART_DASHED:
      cairo_set_dash (cr, dashed, 2, 0);
      break;
    case SF_CHART_DOTTED:
      cairo_set_dash (cr, dotted, 2, 0);
      break;
    case SF_CHART_DASH_DOT:
      cairo_set_dash (cr, dash_dot, 4, 0);
      break;
    case SF_CHART_SOLID:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
draw_marker (cairo_t       *cr,
             SfChartMarker  marker,
             double         x,
             double         y,
             double         r)
{
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_sub_path (cr);
  switch (marker)
    {
    case SF_CHART_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      cairo_fill (cr);
      break;
    case SF_CHART_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y + r);
      cairo_line_to (cr, x - r * 1.2, y + r);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SF_CHART_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SF_CHART_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
}

typedef struct
{
  double left, top, right, bottom;      /* the plot area */
  double y_min, y_max, y_step;
  SfDay  x_min, x_max;
} Frame;

#define LEGEND_HEIGHT 22.0
#define AXIS_HEIGHT   20.0
#define AXIS_WIDTH    60.0
#define MARGIN        10.0

static double
nice_step (double range)
{
  double raw = range / 4.0;
  double magnitude;
  double fraction;

  if (raw <= 0)
    return 1.0;
  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1.0)
    return magnitude;
  if (fraction <= 2.0)
    return 2.0 * magnitude;
  if (fraction <= 5.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

static gboolean
compute_frame (SfChartModel *model,
               double        width,
               double        height,
               Frame        *frame)
{
  GArray *days = sf_chart_model_get_days (model);
  double lo = 0, hi = 0;

  if (days->len == 0)
    return FALSE;
  for (guint s = 0; s < model->series->len; s++)
    {
      const SfChartSeries *series = g_ptr_array_index (model->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          double v = g_array_index (series->points, SfChartPoint, i).value;

          if (isfinite (v))
            {
              lo = MIN (lo, v);
              hi = MAX (hi, v);
            }
        }
    }
  for (guint l = 0; l < model->lines->len; l++)
    {
      double v = g_array_index (model->lines, SfChartLine, l).value;

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (hi - lo < SF_EPSILON)
    hi = lo + (model->unit == SF_CHART_PERCENT ? 1.0 : 1.0);
  frame->y_step = nice_step (hi - lo);
  frame->y_min = floor (lo / frame->y_step) * frame->y_step;
  frame->y_max = ceil (hi * 1.05 / frame->y_step) * frame->y_step;
  if (frame->y_max <= frame->y_min)
    frame->y_max = frame->y_min + frame->y_step;
  frame->x_min = g_array_index (days, SfDay, 0);
  frame->x_max = g_array_index (days, SfDay, days->len - 1);
  frame->left = AXIS_WIDTH;
  frame->top = LEGEND_HEIGHT + MARGIN;
  frame->right = width - MARGIN * 2;
  frame->bottom = height - AXIS_HEIGHT;
  return frame->right > frame->left + 20 && frame->bottom > frame->top + 20;
}

static double
x_of (const Frame *frame,
      SfDay        day)
{
  if (frame->x_max == frame->x_min)
    return (frame->left + frame->right) / 2;
  return frame->left + (frame->right - frame->left) * (double) (day - frame->x_min) /
                       (double) (frame->x_max - frame->x_min);
}

static double
y_of (const Frame *frame,
      double       value)
{
  return frame->bottom - (frame->bottom - frame->top) * (value - frame->y_min) / (frame->y_max - frame->y_min);
}

static void
draw_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        x,
           double        y,
           double        xalign,
           double        yalign)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (cr, layout);
}

static void
text_size (PangoContext *context,
           const char   *text,
           int          *w,
           int          *h)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, w, h);
}

/* Draws the legend across @width, in as many rows as it takes; returns the
 * number of rows. */
static guint
draw_legend (SfChartModel         *model,
             cairo_t              *cr,
             PangoContext         *context,
             const SfChartPalette *palette,
             double                width)
{
  double x = AXIS_WIDTH;
  guint rows = 1;

  for (guint s = 0; s < model->series->len; s++)
    {
      const SfChartSeries *series = g_ptr_array_index (model->series, s);
      double y;
      int w, h;

      text_size (context, series->name, &w, &h);
      if (s > 0 && x + 34 + w > width - MARGIN)
        {
          x = AXIS_WIDTH;
          rows++;
        }
      y = (rows - 1) * LEGEND_HEIGHT + LEGEND_HEIGHT / 2;
      set_colour (cr, palette, series->colour, 1.0);
      cairo_set_line_width (cr, 2.0);
      set_dash (cr, series->dash);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 28, y);
      cairo_stroke (cr);
      draw_marker (cr, series->marker, x + 14, y, 3.5);
      set_colour (cr, palette, SF_CHART_FOREGROUND, 1.0);
      draw_text (cr, context, series->name, x + 34, y, 0, 0.5);
      x += 34 + w + 18;
    }
  return rows;
}

void
sf_chart_model_draw (SfChartModel         *model,
                     cairo_t              *cr,
                     PangoContext         *context,
                     const SfChartPalette *palette,
                     double                width,
                     double                height)
{
  Frame frame;
  int label_w, label_h;
  int n_labels;
  double last_label_end = -1e9;
  double highest_line = -HUGE_VAL;
  guint legend_rows;

  cairo_save (cr);
  legend_rows = draw_legend (model, cr, context, palette, width);
  if (!compute_frame (model, width, height, &frame) ||
      (frame.top += (legend_rows - 1) * LEGEND_HEIGHT) > frame.bottom - 20)
    {
      cairo_restore (cr);
      return;
    }

  /* The grid and the y axis' labels */
  cairo_set_line_width (cr, 1.0);
  for (double v = frame.y_min; v <= frame.y_max + frame.y_step / 2; v += frame.y_step)
    {
      g_autofree char *label = sf_chart_model_format (model, v);
      double y = round (y_of (&frame, v)) + 0.5;

      set_colour (cr, palette, SF_CHART_FOREGROUND, fabs (v) < SF_EPSILON ? 0.45 : 0.15);
      set_dash (cr, SF_CHART_SOLID);
      cairo_move_to (cr, frame.left, y);
      cairo_line_to (cr, frame.right, y);
      cairo_stroke (cr);
      set_colour (cr, palette, SF_CHART_FOREGROUND, 0.75);
      draw_text (cr, context, label, frame.left - 6, y, 1.0, 0.5);
    }

  /* The x axis' dates: as many as fit */
  {
    GArray *days = sf_chart_model_get_days (model);
    g_autofree char *sample = sf_day_format (frame.x_min);
    guint every;

    text_size (context, sample, &label_w, &label_h);
    n_labels = MAX (1, (int) ((frame.right - frame.left) / (label_w + 16)));
    every = MAX (1, (days->len + n_labels - 1) / n_labels);
    set_colour (cr, palette, SF_CHART_FOREGROUND, 0.75);
    for (guint i = 0; i < days->len; i += every)
      {
        SfDay day = g_array_index (days, SfDay, i);
        g_autofree char *label = sf_day_format (day);
        double x = x_of (&frame, day);
        double start = CLAMP (x - label_w / 2.0, 0, width - label_w);

        if (start < last_label_end + 8)
          continue;
        draw_text (cr, context, label, start, frame.bottom + 4, 0, 0);
        last_label_end = start + label_w;
      }
  }

  /* The reference date */
  if (model->today != SF_DAY_NONE && model->today >= frame.x_min && model->today <= frame.x_max)
    {
      double x = round (x_of (&frame, model->today)) + 0.5;

      set_colour (cr, palette, SF_CHART_FOREGROUND, 0.6);
      set_dash (cr, SF_CHART_DOTTED);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x, frame.top);
      cairo_line_to (cr, x, frame.bottom);
      cairo_stroke (cr);
      /* Translators: the label of the line marking today in a chart */
      draw_text (cr, context, _("Today"), x + 4, frame.top, 0, 0);
    }

  /* Thresholds */
  for (guint l = 0; l < model->lines->len; l++)
    highest_line = MAX (highest_line, g_array_index (model->lines, SfChartLine, l).value);
  for (guint l = 0; l < model->lines->len; l++)
    {
      const SfChartLine *line = &g_array_index (model->lines, SfChartLine, l);
      double y = y_of (&frame, line->value);

      set_colour (cr, palette, line->colour, 1.0);
      set_dash (cr, line->dash);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, frame.left, y);
      cairo_line_to (cr, frame.right, y);
      cairo_stroke (cr);
      /* The highest line's name above it, the others' below theirs, so
       * that two close thresholds keep their names apart */
      if (line->value >= highest_line)
        draw_text (cr, context, line->name, frame.right, y - 2, 1.0, 1.0);
      else
        draw_text (cr, context, line->name, frame.right, y + 2, 1.0, 0.0);
    }

  /* The series */
  for (guint s = 0; s < model->series->len; s++)
    {
      const SfChartSeries *series = g_ptr_array_index (model->series, s);
      gboolean drawing = FALSE;
      double r = series->points->len > 60 ? 2.5 : 3.5;

      set_colour (cr, palette, series->colour, 1.0);
      set_dash (cr, series->dash);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < series->points->len; i++)
        {
          const SfChartPoint *point = &g_array_index (series->points, SfChartPoint, i);

          if (!isfinite (point->value))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, x_of (&frame, point->day), y_of (&frame, point->value));
          else
            cairo_move_to (cr, x_of (&frame, point->day), y_of (&frame, point->value));
          drawing = TRUE;
        }
      cairo_stroke (cr);
      for (guint i = 0; i < series->points->len; i++)
        {
          const SfChartPoint *point = &g_array_index (series->points, SfChartPoint, i);

          if (isfinite (point->value))
            draw_marker (cr, series->marker, x_of (&frame, point->day), y_of (&frame, point->value), r);
        }
    }
  cairo_restore (cr);
}

/* The day of the points nearest @x, or SF_DAY_NONE. */
static SfDay
day_at (SfChartModel *model,
        double        width,
        double        height,
        double        x)
{
  GArray *days = sf_chart_model_get_days (model);
  Frame frame;
  SfDay best = SF_DAY_NONE;
  double best_distance = 1e9;

  if (!compute_frame (model, width, height, &frame))
    return SF_DAY_NONE;
  for (guint i = 0; i < days->len; i++)
    {
      SfDay day = g_array_index (days, SfDay, i);
      double distance = fabs (x_of (&frame, day) - x);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = day;
        }
    }
  return best_distance <= 24 ? best : SF_DAY_NONE;
}

/* ---- the plot: a widget that snapshots the model ------------------------ */

#define SF_TYPE_CHART_PLOT (sf_chart_plot_get_type ())
G_DECLARE_FINAL_TYPE (SfChartPlot, sf_chart_plot, SF, CHART_PLOT, GtkWidget)

struct _SfChartPlot
{
  GtkWidget     parent_instance;
  SfChartModel *model;
};

G_DEFINE_FINAL_TYPE (SfChartPlot, sf_chart_plot, GTK_TYPE_WIDGET)

static void
widget_foreground (GtkWidget *widget,
                   GdkRGBA   *rgba)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than the 4.8 the build allows itself (GDK_VERSION_MAX_ALLOWED),
   * which would warn: only built where the GTK has it */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

static void
sf_chart_plot_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SfChartPlot *self = SF_CHART_PLOT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SfChartPalette palette;
  GdkRGBA foreground;
  cairo_t *cr;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;
  widget_foreground (widget, &foreground);
  sf_chart_palette_init (&palette, &foreground, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sf_chart_model_draw (self->model, cr, gtk_widget_get_pango_context (widget), &palette, width, height);
  cairo_destroy (cr);
}

static gboolean
on_plot_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  SfChartPlot *self = SF_CHART_PLOT (widget);
  g_autofree char *date = NULL;
  GString *text;
  SfDay day;

  if (self->model == NULL)
    return FALSE;
  day = day_at (self->model, gtk_widget_get_width (widget), gtk_widget_get_height (widget), x);
  if (day == SF_DAY_NONE)
    return FALSE;
  date = sf_day_format (day);
  text = g_string_new (date);
  if (self->model->today != SF_DAY_NONE && day > self->model->today)
    {
      g_string_append (text, " ");
      /* Translators: after a date in a chart's tooltip: the figures are forecast */
      g_string_append (text, _("(forecast)"));
    }
  for (guint s = 0; s < self->model->series->len; s++)
    {
      const SfChartSeries *series = g_ptr_array_index (self->model->series, s);
      double value = sf_chart_model_get_value (self->model, s, day);
      g_autofree char *formatted = NULL;

      if (isnan (value))
        continue;
      formatted = sf_chart_model_format (self->model, value);
      g_string_append_printf (text, "\n%s: %s", series->name, formatted);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
on_dark_changed_cb (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

static void
sf_chart_plot_dispose (GObject *object)
{
  SfChartPlot *self = SF_CHART_PLOT (object);

  g_clear_pointer (&self->model, sf_chart_model_unref);
  G_OBJECT_CLASS (sf_chart_plot_parent_class)->dispose (object);
}

static void
sf_chart_plot_class_init (SfChartPlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_chart_plot_dispose;
  widget_class->snapshot = sf_chart_plot_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sf_chart_plot_init (SfChartPlot *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 220);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_plot_query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- the chart: title, plot or table, and the toggle -------------------- */

struct _SfChart
{
  GtkWidget        parent_instance;

  SfChartModel    *model;
  GtkWidget       *box;
  GtkWidget       *title;
  GtkToggleButton *table_button;
  GtkStack        *stack;
  SfChartPlot     *plot;
  GtkWidget       *table;          /* a GtkGrid, built when first shown */
  GtkWidget       *table_window;
};

G_DEFINE_FINAL_TYPE (SfChart, sf_chart, GTK_TYPE_WIDGET)

static GtkWidget *
table_cell (const char *text,
            gboolean    header,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
build_table (SfChart *self)
{
  GtkGrid *grid;
  GArray *days;

  if (self->table != NULL)
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->table_window), NULL);
  self->table = NULL;
  if (self->model == NULL)
    return;
  self->table = gtk_grid_new ();
  grid = GTK_GRID (self->table);
  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_widget_set_margin_start (self->table, 6);
  gtk_widget_set_margin_end (self->table, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->model->title, -1);
  gtk_grid_attach (grid, table_cell (_("Date"), TRUE, FALSE), 0, 0, 1, 1);
  for (guint s = 0; s < self->model->series->len; s++)
    {
      const SfChartSeries *series = g_ptr_array_index (self->model->series, s);

      gtk_grid_attach (grid, table_cell (series->name, TRUE, TRUE), (int) s + 1, 0, 1, 1);
    }
  days = sf_chart_model_get_days (self->model);
  for (guint i = 0; i < days->len; i++)
    {
      SfDay day = g_array_index (days, SfDay, i);
      g_autofree char *date = sf_day_format (day);

      gtk_grid_attach (grid, table_cell (date, FALSE, FALSE), 0, (int) i + 1, 1, 1);
      for (guint s = 0; s < self->model->series->len; s++)
        {
          g_autofree char *value = sf_chart_model_format (self->model,
                                                         sf_chart_model_get_value (self->model, s, day));

          gtk_grid_attach (grid, table_cell (value, FALSE, TRUE), (int) s + 1, (int) i + 1, 1, 1);
        }
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->table_window), self->table);
}

static void
on_table_button_toggled_cb (SfChart *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_button);

  if (table && self->table == NULL)
    build_table (self);
  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "plot");
  gtk_button_set_label (GTK_BUTTON (self->table_button), table ? _("Show as _Chart") : _("Show as _Table"));
}

static void
sf_chart_dispose (GObject *object)
{
  SfChart *self = SF_CHART (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->model, sf_chart_model_unref);
  G_OBJECT_CLASS (sf_chart_parent_class)->dispose (object);
}

static void
sf_chart_class_init (SfChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_chart_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sfchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sf_chart_init (SfChart *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (header), self->title);

  self->table_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("Show as _Table")));
  gtk_widget_set_valign (GTK_WIDGET (self->table_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button),
                               _("Show the figures of this chart as a table, which a screen reader can read"));
  gtk_widget_add_css_class (GTK_WIDGET (self->table_button), "flat");
  g_signal_connect_swapped (self->table_button, "toggled", G_CALLBACK (on_table_button_toggled_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->table_button));
  gtk_box_append (GTK_BOX (self->box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  self->plot = g_object_new (SF_TYPE_CHART_PLOT, NULL);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->plot), "plot");
  self->table_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->table_window),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->table_window), TRUE);
  /* As tall as the plot it stands for, and scrolled beyond that */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->table_window), 220);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->table_window), 320);
  gtk_stack_add_named (self->stack, self->table_window, "table");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

void
sf_chart_set_model (SfChart      *self,
                    SfChartModel *model)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SF_IS_CHART (self));

  if (model != NULL)
    sf_chart_model_ref (model);
  g_clear_pointer (&self->model, sf_chart_model_unref);
  self->model = model;
  g_clear_pointer (&self->plot->model, sf_chart_model_unref);
  self->plot->model = model != NULL ? sf_chart_model_ref (model) : NULL;

  gtk_label_set_text (GTK_LABEL (self->title), model != NULL ? model->title : "");
  description = model != NULL ? sf_chart_model_describe (model) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, model != NULL ? model->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, model != NULL ? model->title : "",
                                  -1);
  /* The table is made again when it is shown */
  if (self->table != NULL)
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->table_window), NULL);
      self->table = NULL;
    }
  if (gtk_toggle_button_get_active (self->table_button))
    build_table (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot));
}

SfChartModel *
sf_chart_get_model (SfChart *self)
{
  g_return_val_if_fail (SF_IS_CHART (self), NULL);
  return self->model;
}

void
sf_chart_set_show_table (SfChart  *self,
                         gboolean  show_table)
{
  g_return_if_fail (SF_IS_CHART (self));
  gtk_toggle_button_set_active (self->table_button, show_table);
}

GtkWidget *
sf_chart_get_table (SfChart *self)
{
  g_return_val_if_fail (SF_IS_CHART (self), NULL);
  return self->table;
}
