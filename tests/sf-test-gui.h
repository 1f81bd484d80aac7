/* sf-test-gui.h: what every GUI test needs to drive the real window: the
 * main loop, the widget tree, the toplevels.  Compiled only into the GUI
 * tests; the core tests use sf-test-util.h alone.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-core.h"
#include "sf-window.h"

G_BEGIN_DECLS

/* Initialises GTK and libadwaita for a test: the schemas compiled in
 * <build>/data, GSettings in memory (nothing kept between runs). */
void       sf_test_gui_init           (int         *argc,
                                       char      ***argv);

/* The fixture of most GUI tests: the real window on an empty temporary
 * database. */
typedef struct
{
  char     *dir;
  SfStore  *store;
  SfWindow *window;
} SfTestFixture;

/* Opens the store and presents the window, then lets it draw. */
void       sf_test_fixture_set_up     (SfTestFixture *fixture,
                                       gconstpointer  data);
/* Destroys the window and every dialog, then closes the store. */
void       sf_test_fixture_tear_down  (SfTestFixture *fixture,
                                       gconstpointer  data);

/* Runs the main loop for @ms milliseconds.  Only for benchmark-gui, which
 * lets the window settle between timings: a test waits for a condition
 * (sf_test_wait_for_frame(), sf_test_wait_until()), since a clock wait
 * breaks on a busy machine. */
void       sf_test_spin               (guint        ms);
/* Runs the main loop until what the test's last step queued for an idle
 * has run and every window shown has laid out and painted a frame after
 * it: what a user would see next.  The wait most GUI tests need. */
void       sf_test_wait_for_frame     (void);
/* Runs the main loop until @condition holds or 30 seconds have passed;
 * returns whether it holds.  It returns as soon as the condition holds, so
 * the bound costs a passing test nothing; it is long because on a loaded
 * machine (the two-core CI with other builds beside it) the window's own
 * work can keep the main loop busy for several seconds. */
gboolean   sf_test_wait_until         (gboolean   (*condition) (gpointer),
                                       gpointer     data);

/* Imports two teams into @store.  Team Familie (boern-familie, norm 20):
 * MHJ with S-1 enkel, S-2 and S-3 kompleks, S-4 særligt kompliceret = 4.5
 * (22.5 %); LK with 18 kompleks (S-5 … S-22) + 2 særligt kompliceret = 22
 * (110 %, over); SB with 19 kompleks = 19 (95 %, near).  Team Sygedagpenge
 * (norm 40): JP with 10 kompleks = 10 (25 %). */
void       sf_test_import_example     (SfStore     *store);
/* Imports @n_teams teams (norm 20) of five caseworkers each: in every team
 * the first two are over their norm (25 kompleks cases), the third near it
 * (19), the others within it (5). */
void       sf_test_import_large       (SfStore     *store,
                                       guint        n_teams);
/* The real window on @store, with a context of its own, not shown. */
SfWindow  *sf_test_window_new         (SfStore     *store);
/* The real window on @store at 1280×800, presented. */
SfWindow  *sf_test_present_window     (SfStore     *store);
/* Destroys every toplevel (dialogs and windows), then lets GTK settle. */
void       sf_test_destroy_toplevels  (void);
/* The first toplevel of @type, or NULL. */
gpointer   sf_test_find_toplevel      (GType        type);

/* The first widget of @type at or under @widget, depth first, or NULL. */
GtkWidget *sf_test_find_widget        (GtkWidget   *widget,
                                       GType        type);
/* The first widget at or under @widget that @match accepts, depth first,
 * or NULL; the finders below are made of it. */
typedef gboolean (*SfTestMatchFunc) (GtkWidget     *widget,
                                     gconstpointer  data);
GtkWidget *sf_test_find_matching      (GtkWidget      *widget,
                                       SfTestMatchFunc match,
                                       gconstpointer   data);
/* The first widget whose name is @name at or under @widget, or NULL. */
GtkWidget *sf_test_find_named         (GtkWidget   *widget,
                                       const char  *name);
/* The first button labelled @label at or under @widget, or NULL. */
GtkWidget *sf_test_find_button        (GtkWidget   *widget,
                                       const char  *label);
/* The first label saying @text, or whose text starts with @prefix, at or
 * under @widget, depth first, or NULL. */
GtkWidget *sf_test_find_label         (GtkWidget   *widget,
                                       const char  *text);
GtkWidget *sf_test_find_label_starting (GtkWidget  *widget,
                                       const char  *prefix);
/* The template child @name of @widget, an instance of @type; asserts it exists. */
/* Whether @widget is drawn and wholly within @area's height */
gboolean   sf_test_shown_in           (GtkWidget   *widget,
                                       GtkWidget   *area);
GtkWidget *sf_test_child              (gpointer     widget,
                                       GType        type,
                                       const char  *name);

/* Selects the first entry of @dropdown (a GtkStringList) that begins
 * with @prefix and returns its position; fails the test without one */
guint      sf_test_choose_in_drop_down (GtkDropDown *dropdown,
                                        const char  *prefix);

/* Clicks @button and lets the handler run.  "clicked", not
 * gtk_widget_activate(): a realized button only clicks after its 250 ms
 * press animation. */
void       sf_test_click              (GtkWidget   *button);

/* Saves @window as drawn into $SF_TEST_SHOTS/@name, a PNG; does nothing
 * when SF_TEST_SHOTS is not set. */
void       sf_test_save_shot          (GtkWidget   *window,
                                       const char  *name);

G_END_DECLS
