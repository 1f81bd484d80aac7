/* sf-dialog-fit.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sf-dialog-fit.h"

/* In newer libadwaita (1.7 in Debian 13), an AdwMessageDialog has two
 * headings: a large one on one line, and a smaller one that wraps, shown
 * when the large one is wider than the dialog.  It measures the large one
 * for the dialog's width all the same, and GTK from 4.12 warns of every
 * such measure ("Trying to measure GtkLabel … for width of 252, but it
 * needs at least 422"): every dialog whose heading is long.  Here the
 * large heading is ellipsized, and both are given the same minimum width
 * (the larger of their own), which is then the least the dialog gives
 * them: each may be measured for any width it is given.  Nothing changes
 * on screen: the dialog still chooses between them by the large one's
 * natural width, which ellipsizing leaves as it is.  libadwaita 1.2
 * (Debian 12) has one heading, which wraps: nothing here matches it.
 *
 * Can go when the dialogs are AdwAlertDialog (libadwaita 1.5), once
 * Debian 12 is no longer supported. */

/* The two headings: the labels of one of libadwaita's own gizmos, one
 * that does not wrap and one that does */
static gboolean
find_headings (GtkWidget  *widget,
               GtkLabel  **large,
               GtkLabel  **small)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);
  GtkWidget *second = first != NULL ? gtk_widget_get_next_sibling (first) : NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwGizmo") == 0 &&
      GTK_IS_LABEL (first) && GTK_IS_LABEL (second) && gtk_widget_get_next_sibling (second) == NULL &&
      !gtk_label_get_wrap (GTK_LABEL (first)) && gtk_label_get_wrap (GTK_LABEL (second)))
    {
      *large = GTK_LABEL (first);
      *small = GTK_LABEL (second);
      return TRUE;
    }
  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (find_headings (child, large, small))
      return TRUE;
  return FALSE;
}

static void
on_dialog_changed_cb (GtkWidget *dialog)
{
  GtkLabel *large, *small;
  int large_min, small_min;

  if (!find_headings (dialog, &large, &small))
    return;
  gtk_label_set_ellipsize (large, PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (GTK_WIDGET (large), -1, -1);
  gtk_widget_set_size_request (GTK_WIDGET (small), -1, -1);
  gtk_widget_measure (GTK_WIDGET (large), GTK_ORIENTATION_HORIZONTAL, -1, &large_min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (small), GTK_ORIENTATION_HORIZONTAL, -1, &small_min, NULL, NULL, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (large), MAX (large_min, small_min), -1);
  gtk_widget_set_size_request (GTK_WIDGET (small), MAX (large_min, small_min), -1);
}

/* Each new message dialog: once its heading is set (its template has made
 * the labels by then), and again as it is realized */
static void
on_toplevels_changed_cb (GListModel *toplevels,
                         guint       position,
                         guint       removed,
                         guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (!ADW_IS_MESSAGE_DIALOG (window) || g_object_get_data (window, "sf-dialog-fit") != NULL)
        continue;
      g_object_set_data (window, "sf-dialog-fit", GINT_TO_POINTER (TRUE));
      g_signal_connect (window, "notify::heading", G_CALLBACK (on_dialog_changed_cb), NULL);
      g_signal_connect (window, "realize", G_CALLBACK (on_dialog_changed_cb), NULL);
    }
}

/* Called once at start-up (and by the GUI tests) */
void
sf_dialog_fit_init (void)
{
  static gboolean done;

  if (done || gtk_check_version (4, 12, 0) != NULL)
    return;
  done = TRUE;
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (on_toplevels_changed_cb), NULL);
}
