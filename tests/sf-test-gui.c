/* sf-test-gui.c: helpers shared by the GUI tests.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sf-dialog-fit.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
sf_test_gui_init (int    *argc,
                  char ***argv)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && builddir != NULL)
    {
      g_autofree char *schemas = g_build_filename (builddir, "..", "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* As the application does at start-up */
  sf_dialog_fit_init ();
}

void
sf_test_spin (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
idle_cb (gpointer data)
{
  gboolean *ran = data;

  *ran = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

typedef struct
{
  GtkWidget     *window;
  GdkFrameClock *clock;
  gulong         handler;
  gboolean       painted;
} FrameWait;

static void
frame_wait_free (gpointer data)
{
  FrameWait *wait = data;

  g_signal_handler_disconnect (wait->clock, wait->handler);
  g_object_unref (wait->clock);
  g_object_unref (wait->window);
  g_free (wait);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Every window shown has painted since the wait began (or is gone) */
static gboolean
frames_painted (gpointer data)
{
  GPtrArray *waits = data;

  for (guint i = 0; i < waits->len; i++)
    {
      FrameWait *wait = g_ptr_array_index (waits, i);

      if (!wait->painted && gtk_widget_get_mapped (wait->window))
        return FALSE;
    }
  return TRUE;
}

void
sf_test_wait_for_frame (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) waits = g_ptr_array_new_with_free_func (frame_wait_free);
  gboolean idle_ran = FALSE;

  /* What the test's last step left for an idle (GTK's and ours) runs
   * first: an idle added now runs after those added before it */
  g_idle_add (idle_cb, &idle_ran);
  g_assert_true (sf_test_wait_until (flag_is_set, &idle_ran));

  /* Then every window shown lays out and paints what changed */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      FrameWait *wait;

      if (clock == NULL || !gtk_widget_get_mapped (window))
        continue;
      wait = g_new0 (FrameWait, 1);
      g_ptr_array_add (waits, wait);
      wait->window = g_object_ref (window);
      wait->clock = g_object_ref (clock);
      wait->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &wait->painted);
      gtk_widget_queue_draw (window);
    }
  g_assert_true (sf_test_wait_until (frames_painted, waits));
}

gboolean
sf_test_wait_until (gboolean (*condition) (gpointer),
                    gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (30000, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return condition (data);
}

void
sf_test_import_example (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes (
    "team;omraade;team-norm;initialer;navn;startdato\n"
    "Familie;boern-familie;20;MHJ;Mette Hjort;2015-01-01\n"
    "Familie;boern-familie;20;LK;Lars Krog;2015-01-01\n"
    "Familie;boern-familie;20;SB;Sara Berg;2015-01-01\n"
    "Sygedagpenge;sygedagpenge;40;JP;Jens Poulsen;2015-01-01\n");
  g_auto(SfImportResult) result = { 0 };
  g_auto(SfImportResult) case_result = { 0 };
  GString *cases = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autoptr(GBytes) bytes = NULL;
  guint n = 0;

  g_assert_true (sf_import_roster (store, roster, &result, &error));
  g_assert_no_error (error);
  g_string_append_printf (cases, "S-%u;MHJ;enkel;2024-01-01\n", ++n);
  g_string_append_printf (cases, "S-%u;MHJ;kompleks;2024-01-01\n", ++n);
  g_string_append_printf (cases, "S-%u;MHJ;kompleks;2024-01-01\n", ++n);
  g_string_append_printf (cases, "S-%u;MHJ;særligt kompliceret;2024-01-01\n", ++n);
  for (guint i = 0; i < 18; i++)
    g_string_append_printf (cases, "S-%u;LK;kompleks;2024-01-01\n", ++n);
  for (guint i = 0; i < 2; i++)
    g_string_append_printf (cases, "S-%u;LK;saerligt-kompliceret;2024-01-01\n", ++n);
  for (guint i = 0; i < 19; i++)
    g_string_append_printf (cases, "S-%u;SB;kompleks;2024-01-01\n", ++n);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (cases, "S-%u;JP;kompleks;2024-01-01\n", ++n);
  bytes = g_string_free_to_bytes (cases);
  g_assert_true (sf_import_cases (store, bytes, &case_result, &error));
  g_assert_no_error (error);
}

void
sf_test_import_large (SfStore *store,
                      guint    n_teams)
{
  static const guint cases_of[5] = { 25, 25, 19, 5, 5 };
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_auto(SfImportResult) case_result = { 0 };
  GString *roster = g_string_new ("team;omraade;team-norm;initialer;navn;startdato\n");
  GString *cases = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autoptr(GBytes) roster_bytes = NULL;
  g_autoptr(GBytes) case_bytes = NULL;
  guint n = 0;

  for (guint t = 0; t < n_teams; t++)
    for (guint w = 0; w < 5; w++)
      {
        g_string_append_printf (roster, "Team %03u;boern-familie;20;T%03uW%u;Worker %u of team %u;2015-01-01\n",
                                t, t, w, w, t);
        for (guint c = 0; c < cases_of[w]; c++)
          g_string_append_printf (cases, "S-%u;T%03uW%u;kompleks;2024-01-01\n", ++n, t, w);
      }
  roster_bytes = g_string_free_to_bytes (roster);
  case_bytes = g_string_free_to_bytes (cases);
  g_assert_true (sf_import_roster (store, roster_bytes, &result, &error));
  g_assert_no_error (error);
  g_assert_true (sf_import_cases (store, case_bytes, &case_result, &error));
  g_assert_no_error (error);
}

SfWindow *
sf_test_present_window (SfStore *store)
{
  SfWindow *window = sf_test_window_new (store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
sf_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  sf_test_wait_for_frame ();
}

gpointer
sf_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      /* The list of toplevels keeps the window alive */
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

GtkWidget *
sf_test_find_matching (GtkWidget      *widget,
                       SfTestMatchFunc match,
                       gconstpointer   data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sf_test_find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

GtkWidget *
sf_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return sf_test_find_matching (widget, is_of_type, &type);
}

GtkWidget *
sf_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  return sf_test_find_matching (widget, is_named, name);
}

GtkWidget *
sf_test_find_button (GtkWidget  *widget,
                     const char *label)
{
  return sf_test_find_matching (widget, is_button_labelled, label);
}

GtkWidget *
sf_test_find_label (GtkWidget  *widget,
                    const char *text)
{
  return sf_test_find_matching (widget, is_label_saying, text);
}

GtkWidget *
sf_test_find_label_starting (GtkWidget  *widget,
                             const char *prefix)
{
  return sf_test_find_matching (widget, is_label_starting, prefix);
}

gboolean
sf_test_shown_in (GtkWidget *widget,
                  GtkWidget *area)
{
  graphene_point_t top;

  if (!gtk_widget_is_drawable (widget) ||
      !gtk_widget_compute_point (widget, area, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;
  return top.y >= 0 && top.y + gtk_widget_get_height (widget) <= gtk_widget_get_height (area);
}

GtkWidget *
sf_test_child (gpointer    widget,
               GType       type,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

void
sf_test_click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  sf_test_wait_for_frame ();
}

void
sf_test_fixture_set_up (SfTestFixture *fixture,
                        gconstpointer  data)
{
  fixture->store = sf_test_open_store (&fixture->dir);
  fixture->window = sf_test_present_window (fixture->store);
  sf_test_wait_for_frame ();
}

void
sf_test_fixture_tear_down (SfTestFixture *fixture,
                           gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  fixture->window = NULL;
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The real window on @store, with a context of its own, not shown. */
SfWindow *
sf_test_window_new (SfStore *store)
{
  g_autoptr(SfContext) context = sf_context_new (store);

  return sf_window_new (NULL, context);
}

guint
sf_test_choose_in_drop_down (GtkDropDown *dropdown,
                             const char  *prefix)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return i;
      }
  g_error ("No entry beginning with “%s” to choose", prefix);
}

/* @window as drawn, into $SF_TEST_SHOTS/@name (nothing without it) */
void
sf_test_save_shot (GtkWidget  *window,
                   const char *name)
{
  const char *dir = g_getenv ("SF_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  sf_test_wait_for_frame ();
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
