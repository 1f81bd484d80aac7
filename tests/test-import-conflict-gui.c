/* test-import-conflict-gui.c: the case import's preview dialog: what a
 * file changes, shown with the figures before and after, and imported;
 * and when someone else changed a case the file names after the preview
 * read it: the import is refused, nothing is written, the dialog names the
 * case and offers to read the file again, which shows the file against the
 * data with the other change in it, and imports it then.  On a file with a
 * second connection, and on a server (test-import-conflict-gui-on-pg,
 * SF_TEST_STORE=postgresql: two connections, the preview a dry run there).
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sf-import-preview-dialog.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

#define EPS 1e-9

/* In Danish with LC_ALL=da_DK.UTF-8 LANGUAGE=da (the shots: SF_TEST_SHOTS=DIR);
 * SF_TEST_DANISH=1 (test-import-conflict-gui-danish) sets both and fails
 * without the locale */
static gboolean english = TRUE;

typedef struct
{
  char     *dir;
  SfStore  *store;
  SfStore  *other;     /* another program on the same file */
  SfWindow *window;
  gint64    mhj;
  gboolean  server;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = sf_test_open_store (&fx->dir);
  sf_test_import_example (fx->store);
  fx->mhj = sf_test_query_int (fx->store, "SELECT id FROM caseworker WHERE initials = 'MHJ'");
  fx->server = sf_db_get_kind (sf_store_get_db (fx->store)) == SF_DB_POSTGRES;
  fx->other = sf_test_open_second_store (fx->store);
  fx->window = sf_test_present_window (fx->store);
  sf_test_wait_for_frame ();
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  g_clear_object (&fx->other);
  g_clear_object (&fx->store);
  g_clear_pointer (&fx->dir, g_free);
}

static gboolean
label_shows (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return sf_test_find_matching (root, label_shows, text);
}

/* A number with one decimal and a point, as C's printf writes it ("4.0"),
 * where no date (06.12.2026) or time (kl. 20.39) has one digit after it */
static gboolean
label_has_point_decimal (GtkWidget     *widget,
                         gconstpointer  data)
{
  g_autoptr(GRegex) regex = NULL;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  regex = g_regex_new ("[0-9]\\.[0-9](?![0-9])", 0, 0, NULL);
  return g_regex_match (regex, gtk_label_get_label (GTK_LABEL (widget)), 0, NULL);
}

/* Every number in the dialog as the language writes it: under Danish no
 * decimal point anywhere */
static void
assert_numbers_formatted (GtkWidget *dialog)
{
  GtkWidget *raw;

  if (english)
    return;
  raw = sf_test_find_matching (dialog, label_has_point_decimal, NULL);
  if (raw != NULL)
    g_error ("a number not formatted for the language: “%s”", gtk_label_get_label (GTK_LABEL (raw)));
}

static gboolean
mhj_load_is (gpointer data)
{
  Fixture *fx = data;
  const SfWorkerFigures *figures = sf_figures_find_worker (sf_context_get_figures (sf_window_get_context (fx->window)),
                                                           fx->mhj);

  return figures != NULL && fabs (figures->weighted_load - 5.5) < EPS;
}

/* The file makes S-2 (MHJ, kompleks) særligt kompliceret: MHJ 4.5 → 5.5;
 * and S-900 is new for JP.  The dialog shows the counts and the figures
 * before → after in the language's numbers; Import writes it, and the
 * window shows MHJ's new load. */
static void
test_shows_and_imports (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  SfImportPreviewDialog *dialog;
  SfImportPreview *preview;
  gint64 cases = sf_test_query_int (fx->store, "SELECT count(*) FROM casefile");

  path = sf_test_write_file (fx->dir, "cases.csv",
                             "sagsnummer;initialer;kompleksitet;startdato\n"
                             "S-2;MHJ;saerligt-kompliceret;2024-01-01\n"
                             "S-900;JP;enkel;2025-01-01\n");
  file = g_file_new_for_path (path);
  dialog = sf_import_preview_dialog_open (GTK_WINDOW (fx->window), sf_window_get_context (fx->window), file);
  g_assert_nonnull (dialog);
  sf_test_wait_for_frame ();
  sf_test_save_shot (GTK_WIDGET (dialog), "import-preview.png");
  preview = sf_import_preview_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  g_assert_cmpuint (preview->n_new, ==, 1);
  g_assert_cmpfloat_with_epsilon (sf_test_preview_effect (preview, fx->mhj)->load_after, 5.5, EPS);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Mette Hjort (MHJ)"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), english ? "Load 4.5 → 5.5 · "
                                                             : "Sagsstamme 4,5 → 5,5 · "));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "S-900"));
  assert_numbers_formatted (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_sensitive (sf_import_preview_dialog_get_import_button (dialog)));
  /* Nothing written yet */
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count(*) FROM casefile"), ==, cases);

  sf_test_click (sf_import_preview_dialog_get_import_button (dialog));
  g_assert_true (sf_test_wait_until (mhj_load_is, fx));
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count(*) FROM casefile"), ==, cases + 1);
  g_assert_cmpint (sf_test_query_int (fx->other, "SELECT count(*) FROM casefile WHERE reference = 'S-2'"
                                                 " AND complexity = 'saerligt-kompliceret'"), ==, 1);
}

/* The file makes S-2 (MHJ, kompleks) særligt kompliceret: MHJ 4.5 → 5.5.
 * Meanwhile another program makes S-2 enkel (MHJ 4.0). */
static void
test_refused_then_read_again (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  SfImportPreviewDialog *dialog;
  SfImportPreview *preview;
  const SfCaseEffect *effect;
  GtkWidget *read_again;
  gint64 audits = sf_test_query_int (fx->store, "SELECT count(*) FROM audit");

  path = sf_test_write_file (fx->dir, "cases.csv",
                             "sagsnummer;initialer;kompleksitet\n"
                             "S-2;MHJ;saerligt-kompliceret\n");
  file = g_file_new_for_path (path);
  dialog = sf_import_preview_dialog_open (GTK_WINDOW (fx->window), sf_window_get_context (fx->window), file);
  g_assert_nonnull (dialog);
  sf_test_wait_for_frame ();
  preview = sf_import_preview_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  effect = sf_test_preview_effect (preview, fx->mhj);
  g_assert_cmpfloat_with_epsilon (effect->load_before, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (effect->load_after, 5.5, EPS);

  g_assert_true (sf_store_exec (fx->other, "UPDATE casefile SET complexity = 'enkel' WHERE reference = 'S-2'",
                                &error));
  g_assert_no_error (error);

  /* Import: refused, named, nothing written, Import no longer offered */
  sf_test_click (sf_import_preview_dialog_get_import_button (dialog));
  sf_test_wait_for_frame ();
  sf_test_save_shot (GTK_WIDGET (dialog), "import-refused.png");
  g_assert_nonnull (sf_import_preview_dialog_get_refusal (dialog));
  g_assert_nonnull (strstr (sf_import_preview_dialog_get_refusal (dialog), "S-2"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), !english ? "S-2: "
                                                    : fx->server ? "the case S-2: changed by "
                                                    : "the case S-2: changed in another window or program"));
  assert_numbers_formatted (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_get_sensitive (sf_import_preview_dialog_get_import_button (dialog)));
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count(*) FROM casefile WHERE complexity = 'enkel'"
                                                 " AND reference = 'S-2'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count(*) FROM audit"), ==, audits);

  /* Read again: the file against the data with the other change in it */
  read_again = sf_test_find_button (GTK_WIDGET (dialog), g_dgettext (GETTEXT_PACKAGE, "_Read Again"));
  g_assert_nonnull (read_again);
  sf_test_click (read_again);
  sf_test_wait_for_frame ();
  sf_test_save_shot (GTK_WIDGET (dialog), "import-read-again.png");
  g_assert_null (sf_import_preview_dialog_get_refusal (dialog));
  preview = sf_import_preview_dialog_get_preview (dialog);
  effect = sf_test_preview_effect (preview, fx->mhj);
  g_assert_cmpfloat_with_epsilon (effect->load_before, 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (effect->load_after, 5.5, EPS);
  g_assert_true (gtk_widget_get_sensitive (sf_import_preview_dialog_get_import_button (dialog)));
  /* … with the other change named above it */
  g_assert_nonnull (english ? sf_test_find_label_starting (GTK_WIDGET (dialog),
                                                           fx->server ? "the case S-2: changed by "
                                                           : "the case S-2: changed in another window or program")
                            : find_label (GTK_WIDGET (dialog), "S-2: "));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), english ? "Load 4.0 → 5.5 · " : "Sagsstamme 4,0 → 5,5 · "));
  assert_numbers_formatted (GTK_WIDGET (dialog));

  sf_import_preview_dialog_import (dialog);
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count(*) FROM casefile WHERE reference = 'S-2'"
                                                 " AND complexity = 'saerligt-kompliceret'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gboolean danish = g_strcmp0 (g_getenv ("SF_TEST_DANISH"), "1") == 0;

  if (danish)
    {
      g_setenv ("LANGUAGE", "da", TRUE);
      g_setenv ("LC_ALL", "da_DK.UTF-8", TRUE);
    }
  sf_test_gui_init (&argc, &argv);
  /* gtk_test_init leaves the C locale; the app's main() calls this */
  if (setlocale (LC_ALL, "") != NULL && g_str_has_prefix (setlocale (LC_ALL, NULL), "da_DK"))
    english = FALSE;
  sf_i18n_init ();
  if (danish && english)
    {
      g_printerr ("The da_DK.UTF-8 locale is missing: build-aux/test generates it (locale-gen).\n");
      return 1;
    }

  g_test_add ("/gui/import-preview/shows-and-imports", Fixture, NULL,
              fixture_set_up, test_shows_and_imports, fixture_tear_down);
  g_test_add ("/gui/import-conflict/refused-then-read-again", Fixture, NULL,
              fixture_set_up, test_refused_then_read_again, fixture_tear_down);

  return g_test_run ();
}
