/* test-items-gui.c: a list's item that keeps its object while its
 * figures change (sf_list_item_take_contents) tells whoever watches it:
 * each property whose value changed is notified once, the others not at
 * all, and a binding on the item stays true.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-alert-item.h"
#include "sf-caseload-item.h"
#include "sf-list-edit.h"
#include "sf-property-cell.h"
#include "sf-roster-item.h"
#include "sf-team-item.h"
#include "sf-test-gui.h"

/* How often each property was notified, by name */
static void
on_item_notify_cb (GObject    *item,
                   GParamSpec *pspec,
                   GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count_of (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* Anne Bo on @hours hours a week, team norm 30, @cases kompleks cases */
static SfRosterItem *
new_item (double hours,
          guint  cases)
{
  SfCaseworker worker = { .id = 7, .initials = (char *) "AB", .name = (char *) "Anne Bo", .weekly_hours = hours };
  SfTeam team = { .id = 1, .name = (char *) "Familie" };
  SfWorkerFigures figures = { .worker = &worker, .team = &team, .started = TRUE,
                              .availability = hours / 37, .experience = 1, .individual_factor = 1,
                              .base_norm = 30, .adjusted_norm = 30 * hours / 37,
                              .open_cases = cases, .weighted_load = cases };

  figures.utilisation = figures.weighted_load / figures.adjusted_norm;
  figures.status = figures.utilisation > 1 ? SF_STATUS_OVER : figures.utilisation > 0.9 ? SF_STATUS_NEAR : SF_STATUS_WITHIN;
  return sf_roster_item_new (&figures, NULL);
}

/* Each property of @item notified once if it is in @changed, else never */
static void
assert_notified (gpointer            item,
                 GHashTable         *counts,
                 const char * const *changed)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      guint expected = g_strv_contains (changed, pspecs[i]->name) ? 1 : 0;

      if (count_of (counts, pspecs[i]->name) != expected)
        g_error ("%s was notified %u times, not %u", pspecs[i]->name,
                 count_of (counts, pspecs[i]->name), expected);
    }
  g_assert_cmpuint (g_hash_table_size (counts), ==, g_strv_length ((char **) changed));
}

/* 37 → 36.97 hours with 27 kompleks cases: the norm goes from 30 to
 * 29.98, so the utilisation from 0.90 (within) to 0.9007 (near).  What
 * shows it changes; the person, the cases, the load, the norm at one
 * decimal ("30.0"), the utilisation in whole per cent ("90 %") and the
 * explanation (availability 1.00 at two decimals) do not. */
static void
test_roster_item_notifies (void)
{
  static const char * const changed_names[] = {
    "weekly-hours", "hours-text", "availability", "adjusted-norm", "utilisation",
    "utilisation-rank", "status", "status-rank", "status-label", "status-icon-name", NULL
  };
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  SfRosterItem *item = new_item (37, 27);
  SfRosterItem *changed = new_item (36.97, 27);
  SfRosterItem *same = new_item (36.97, 27);
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

  g_assert_cmpint (sf_roster_item_get_status (item), ==, SF_STATUS_WITHIN);
  g_object_bind_property (item, "hours-text", label, "label", G_BINDING_SYNC_CREATE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "37");
  g_signal_connect (item, "notify", G_CALLBACK (on_item_notify_cb), counts);

  sf_list_item_take_contents (item, changed);

  /* The item has the new figures, @changed the old ones, and the binding
   * followed */
  g_assert_cmpfloat (sf_roster_item_get_weekly_hours (item), ==, 36.97);
  g_assert_cmpint (sf_roster_item_get_status (item), ==, SF_STATUS_NEAR);
  g_assert_cmpfloat (sf_roster_item_get_weekly_hours (changed), ==, 37);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "36.97");
  assert_notified (item, counts, changed_names);

  /* The same figures again: nothing to tell */
  g_hash_table_remove_all (counts);
  sf_list_item_take_contents (item, same);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  g_assert_finalize_object (changed);
  g_assert_finalize_object (same);
  g_assert_finalize_object (label);
  g_assert_finalize_object (item);
}

/* Counts each property of @item through a handler of "notify::NAME", as a
 * binding watches it (a handler of "notify" alone would be seen by
 * anything that asks whether the item is watched at all) */
static void
watch_each_property (gpointer    item,
                     GHashTable *counts)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", pspecs[i]->name, NULL);

      g_signal_connect (item, signal, G_CALLBACK (on_item_notify_cb), counts);
    }
}

/* A binding alone watches the item, through "notify::hours-text": it
 * follows the swap too. */
static void
test_binding_follows (void)
{
  SfRosterItem *item = new_item (37, 27);
  SfRosterItem *changed = new_item (18.5, 27);
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

  g_object_bind_property (item, "hours-text", label, "label", G_BINDING_SYNC_CREATE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "37");

  sf_list_item_take_contents (item, changed);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "18.5");

  g_assert_finalize_object (changed);
  g_assert_finalize_object (label);
  g_assert_finalize_object (item);
}

/* Anne Bo with @simple, @complex and @special open cases (weights 1, 1.5, 2) */
static SfCaseloadItem *
new_caseload_item (guint simple,
                   guint complex,
                   guint special)
{
  SfCaseworker worker = { .id = 7, .initials = (char *) "AB", .name = (char *) "Anne Bo", .weekly_hours = 37 };
  SfTeam team = { .id = 1, .name = (char *) "Familie" };
  SfWorkerFigures figures = { .worker = &worker, .team = &team, .started = TRUE,
                              .availability = 1, .experience = 1, .individual_factor = 1,
                              .base_norm = 30, .adjusted_norm = 30,
                              .cases_by_complexity = { simple, complex, special },
                              .open_cases = simple + complex + special,
                              .weighted_load = simple + 1.5 * complex + 2 * special };

  figures.utilisation = figures.weighted_load / figures.adjusted_norm;
  return sf_caseload_item_new (&figures, NULL);
}

/* One complex case more (4 simple, 10 → 11 complex, 2 special): the
 * complex cases change, and the caseworker's figures, which the item
 * holds as another roster item; the simple and special ones do not. */
static void
test_caseload_item_notifies (void)
{
  static const char * const changed_names[] = { "complex-cases", "roster-item", NULL };
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  SfCaseloadItem *item = new_caseload_item (4, 10, 2);
  SfCaseloadItem *changed = new_caseload_item (4, 11, 2);
  guint simple, complex, special;

  watch_each_property (item, counts);
  sf_list_item_take_contents (item, changed);

  g_object_get (item, "simple-cases", &simple, "complex-cases", &complex, "special-cases", &special, NULL);
  g_assert_cmpuint (simple, ==, 4);
  g_assert_cmpuint (complex, ==, 11);
  g_assert_cmpuint (special, ==, 2);
  /* 4 + 16.5 + 4 */
  g_assert_cmpfloat (sf_roster_item_get_weighted_load (sf_caseload_item_get_roster_item (item)), ==, 24.5);
  assert_notified (item, counts, changed_names);

  g_assert_finalize_object (changed);
  g_assert_finalize_object (item);
}

/* AB's over-norm alert in team Familie: what the alerts' rows and their
 * team headings read from the item's properties */
static void
test_alert_item_properties (void)
{
  SfAlert alert = { .kind = SF_ALERT_OVER_NORM, .severity = SF_SEVERITY_ERROR, .team_id = 1,
                    .caseworker_id = 7, .subject = (char *) "AB", .team_name = (char *) "Familie",
                    .message = (char *) "AB is over the norm.", .resolution = (char *) "Move cases." };
  SfAlertItem *item = sf_alert_item_new (&alert, sf_day_new (2026, 3, 2), "2 alerts");
  g_autofree char *expected_identity = g_strdup_printf ("%s:1:7", sf_alert_kind_to_key (SF_ALERT_OVER_NORM));
  g_autofree char *identity = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *group_title = NULL;
  g_autofree char *group_description = NULL;
  gboolean is_error, acknowledged;
  gint64 caseworker_id, team_id;

  g_object_get (item, "identity", &identity, "title", &title, "subtitle", &subtitle,
                "group-title", &group_title, "group-description", &group_description,
                "is-error", &is_error, "acknowledged", &acknowledged,
                "caseworker-id", &caseworker_id, "team-id", &team_id, NULL);
  g_assert_cmpstr (identity, ==, expected_identity);
  g_assert_cmpstr (title, ==, "Over norm — AB");
  g_assert_cmpstr (subtitle, ==, "AB is over the norm.\nMove cases.");
  g_assert_cmpstr (group_title, ==, "Familie");
  g_assert_cmpstr (group_description, ==, "2 alerts");
  g_assert_true (is_error);
  g_assert_false (acknowledged);
  g_assert_cmpint (caseworker_id, ==, 7);
  g_assert_cmpint (team_id, ==, 1);
  g_assert_finalize_object (item);
}

/* Team Familie with @members members, 40 open cases and a load of 50 on a
 * capacity of @capacity */
static SfTeamFigures
team_figures (SfTeam  *team,
              guint    members,
              double   capacity,
              guint    uncovered)
{
  SfTeamFigures figures = { .team = team, .members = members, .base_norm = 30,
                            .fte_available = members, .fte_needed = 50.0 / 30, .capacity = capacity,
                            .load = 50, .open_cases = 40, .uncovered_cases = uncovered,
                            .members_with_capacity = members, .members_within = members,
                            .compliance = 1, .cases_per_fte = 40.0 / members };

  return figures;
}

/* Three cases nobody covers: the open cases' cell says so below the
 * number; nothing else the team table shows changes. */
static void
test_caseload_team_item_notifies (void)
{
  static const char * const changed_names[] = { "open-markup", NULL };
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  SfTeam team = { .id = 1, .name = (char *) "Familie" };
  SfTeamFigures before = team_figures (&team, 2, 60, 0);
  SfTeamFigures after = team_figures (&team, 2, 60, 3);
  SfCaseloadTeamItem *item = sf_caseload_team_item_new (&before);
  SfCaseloadTeamItem *changed = sf_caseload_team_item_new (&after);
  g_autofree char *markup = NULL;

  g_object_get (item, "open-markup", &markup, NULL);
  g_assert_cmpstr (markup, ==, "40");
  g_clear_pointer (&markup, g_free);
  watch_each_property (item, counts);
  sf_list_item_take_contents (item, changed);

  g_object_get (item, "open-markup", &markup, NULL);
  g_assert_cmpstr (markup, ==, "40\n<small>+3 uncovered</small>");
  assert_notified (item, counts, changed_names);

  g_assert_finalize_object (changed);
  g_assert_finalize_object (item);
}

/* A third member, same load on a capacity of 60 → 90: the members, the
 * summary, the utilisation (83 % → 56 %) change; the name does not. */
static void
test_team_item_notifies (void)
{
  static const char * const changed_names[] = { "members", "summary", "utilisation-rank", "utilisation-text", NULL };
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  SfTeam team = { .id = 1, .name = (char *) "Familie" };
  SfTeamFigures before = team_figures (&team, 2, 60, 0);
  SfTeamFigures after = team_figures (&team, 3, 90, 0);
  SfSettings settings;
  SfTeamItem *item = NULL;
  SfTeamItem *changed = NULL;

  sf_settings_init_defaults (&settings);
  item = sf_team_item_new (&before, &settings);
  changed = sf_team_item_new (&after, &settings);
  watch_each_property (item, counts);
  sf_list_item_take_contents (item, changed);

  g_assert_cmpuint (sf_team_item_get_members (item), ==, 3);
  assert_notified (item, counts, changed_names);

  g_assert_finalize_object (changed);
  g_assert_finalize_object (item);
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} ShownLabel;

static gboolean
label_shown (gpointer data)
{
  ShownLabel *shown = data;

  return sf_test_find_label (shown->window, shown->text) != NULL;
}

/* A table whose cells come from sf_property_cell_factory_new() shows an
 * item that changes in place as it now is, without the list saying that
 * anything changed: through a property of the item ("complex-cases") and
 * through a path to another object ("roster-item.load-text"). */
static void
test_property_cells_follow (void)
{
  GListStore *store = g_list_store_new (SF_TYPE_CASELOAD_ITEM);
  SfCaseloadItem *item = new_caseload_item (4, 10, 2);
  SfCaseloadItem *changed = new_caseload_item (4, 11, 2);
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkWidget *window = gtk_window_new ();
  const char *paths[] = { "roster-item.initials", "complex-cases", "roster-item.load-text" };
  ShownLabel shown = { window, NULL };
  g_autoptr(GtkNoSelection) selection = NULL;

  g_list_store_append (store, item);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GtkListItemFactory *factory = sf_property_cell_factory_new (paths[i], i == 0 ? SF_CELL_TEXT : SF_CELL_NUMBER);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (paths[i], factory);

      gtk_column_view_append_column (view, column);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  shown.text = "23.0";   /* 4 + 15 + 4 */
  g_assert_true (sf_test_wait_until (label_shown, &shown));
  g_assert_nonnull (sf_test_find_label (window, "10"));

  sf_list_item_take_contents (item, changed);
  shown.text = "24.5";
  g_assert_true (sf_test_wait_until (label_shown, &shown));
  g_assert_nonnull (sf_test_find_label (window, "11"));
  g_assert_null (sf_test_find_label (window, "10"));
  g_assert_nonnull (sf_test_find_label (window, "AB"));

  sf_test_destroy_toplevels ();
  g_assert_finalize_object (g_steal_pointer (&selection));
  g_assert_finalize_object (store);
  g_assert_finalize_object (changed);
  g_assert_finalize_object (item);
}

/* A list edit that replaces an item keeps the object in the store and
 * notifies it; an item nobody watches is swapped all the same. */
static void
test_list_edit_notifies (void)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *store = g_list_store_new (SF_TYPE_ROSTER_ITEM);
  SfRosterItem *watched = new_item (37, 12);
  SfRosterItem *unwatched = new_item (37, 30);
  g_autoptr(GArray) edits = sf_list_edits_new ();
  g_autoptr(SfRosterItem) first = NULL;
  g_autoptr(SfRosterItem) second = NULL;

  g_list_store_append (store, watched);
  g_list_store_append (store, unwatched);
  g_signal_connect (watched, "notify", G_CALLBACK (on_item_notify_cb), counts);

  sf_list_edits_add (edits, 0, g_object_ref (watched), new_item (37, 13));
  sf_list_edits_add (edits, 1, g_object_ref (unwatched), new_item (18.5, 30));
  sf_list_store_apply_edits (store, edits);
  g_clear_pointer (&edits, g_array_unref);

  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_true (first == watched);
  g_assert_true (second == unwatched);
  g_assert_cmpuint (sf_roster_item_get_open_cases (watched), ==, 13);
  g_assert_cmpstr (sf_roster_item_get_hours_text (unwatched), ==, "18.5");

  g_assert_cmpuint (count_of (counts, "open-cases"), ==, 1);
  g_assert_cmpuint (count_of (counts, "cases-text"), ==, 1);
  g_assert_cmpuint (count_of (counts, "weighted-load"), ==, 1);
  g_assert_cmpuint (count_of (counts, "weekly-hours"), ==, 0);
  g_assert_cmpuint (count_of (counts, "hours-text"), ==, 0);

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (store);
  g_assert_finalize_object (watched);
  g_assert_finalize_object (unwatched);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add_func ("/gui/items/roster-item-notifies", test_roster_item_notifies);
  g_test_add_func ("/gui/items/list-edit-notifies", test_list_edit_notifies);
  g_test_add_func ("/gui/items/binding-follows", test_binding_follows);
  g_test_add_func ("/gui/items/caseload-item-notifies", test_caseload_item_notifies);
  g_test_add_func ("/gui/items/caseload-team-item-notifies", test_caseload_team_item_notifies);
  g_test_add_func ("/gui/items/alert-item-properties", test_alert_item_properties);
  g_test_add_func ("/gui/items/team-item-notifies", test_team_item_notifies);
  g_test_add_func ("/gui/items/property-cells-follow", test_property_cells_follow);

  return g_test_run ();
}
