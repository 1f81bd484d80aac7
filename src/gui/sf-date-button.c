/* sf-date-button.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-date-button.h"

/* A date or "no date", chosen in a calendar that pops over the button. */
struct _SfDateButton
{
  GtkWidget      parent_instance;

  SfDay          day;
  char          *title;
  gboolean       updating;

  GtkMenuButton *menu_button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (SfDateButton, sf_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (SfDateButton *self)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (self->day == SF_DAY_NONE)
    text = g_strdup (C_("date", "Not set"));
  else
    text = sf_day_format (self->day);
  gtk_menu_button_set_label (self->menu_button, text);

  /* Translators: read by a screen reader, e.g. "Start date: 01.03.2026" */
  accessible = g_strdup_printf (_("%s: %s"), self->title ? self->title : _("Date"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_calendar_day_selected_cb (SfDateButton *self,
                             GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->updating)
    return;
  date = gtk_calendar_get_date (calendar);
  sf_date_button_set_day (self, sf_day_new (g_date_time_get_year (date),
                                            g_date_time_get_month (date),
                                            g_date_time_get_day_of_month (date)));
  gtk_popover_popdown (self->popover);
}

static void
on_clear_button_clicked_cb (SfDateButton *self,
                            GtkButton    *button)
{
  sf_date_button_set_day (self, SF_DAY_NONE);
  gtk_popover_popdown (self->popover);
}

static void
sf_date_button_dispose (GObject *object)
{
  SfDateButton *self = (SfDateButton *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_DATE_BUTTON);

  G_OBJECT_CLASS (sf_date_button_parent_class)->dispose (object);
}

static void
sf_date_button_finalize (GObject *object)
{
  SfDateButton *self = (SfDateButton *)object;

  g_free (self->title);

  G_OBJECT_CLASS (sf_date_button_parent_class)->finalize (object);
}

static void
sf_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SfDateButton *self = SF_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SfDateButton *self = SF_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DAY:
      sf_date_button_set_day (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_date_button_class_init (SfDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_date_button_dispose;
  object_class->finalize = sf_date_button_finalize;
  object_class->get_property = sf_date_button_get_property;
  object_class->set_property = sf_date_button_set_property;

  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, SfDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SfDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, SfDateButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_date_button_init (SfDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

GtkWidget *
sf_date_button_new (void)
{
  return g_object_new (SF_TYPE_DATE_BUTTON, NULL);
}

SfDay
sf_date_button_get_day (SfDateButton *self)
{
  g_return_val_if_fail (SF_IS_DATE_BUTTON (self), SF_DAY_NONE);

  return self->day;
}

void
sf_date_button_set_day (SfDateButton *self,
                        SfDay         day)
{
  g_return_if_fail (SF_IS_DATE_BUTTON (self));

  if (self->day == day)
    return;
  self->day = day;

  if (day != SF_DAY_NONE)
    {
      int y, m, d;
      g_autoptr(GDateTime) date = NULL;

      sf_day_get_ymd (day, &y, &m, &d);
      date = g_date_time_new_local (y, m, d, 12, 0, 0);
      self->updating = TRUE;
      gtk_calendar_select_day (self->calendar, date);
      self->updating = FALSE;
    }
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

/* What the date is, for a screen reader: "Start date". */
void
sf_date_button_set_title (SfDateButton *self,
                          const char   *title)
{
  g_return_if_fail (SF_IS_DATE_BUTTON (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_label (self);
}
