/* Importing cases with a preview: what would change, without changing
 * anything; refusals by line; Windows-1252 files; column names of other
 * case systems mapped once and remembered.
 *
 * The organisation: team Familie (norm 20), MHJ and LK.  In the database:
 * A-1 kompleks (MHJ), A-2 enkel (MHJ), A-3 kompleks (LK), all open.
 * MHJ carries 1.5, LK 1.0. */

#include <math.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

typedef struct
{
  SfTestStore db;              /* sf_test_store_set_up() */
  SfStore *store;             /* db.store */
  gint64   mhj;
  gint64   lk;
  SfDay    ref;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;team-norm;initialer;navn;startdato\n"
                                            "Familie;boern-familie;20;MHJ;Mette Hjort;2015-01-01\n"
                                            "Familie;boern-familie;20;LK;Lars Krog;2015-01-01\n");
  g_autoptr(GBytes) cases = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                           "A-1;MHJ;kompleks;2024-01-01\n"
                                           "A-2;MHJ;enkel;2024-01-01\n"
                                           "A-3;LK;kompleks;2024-01-01\n");
  g_auto(SfImportResult) result = { 0 };
  g_auto(SfImportResult) case_result = { 0 };
  g_autoptr(SfDataset) ds = NULL;

  sf_test_store_set_up (&f->db, data);
  f->store = f->db.store;
  g_assert_true (sf_import_roster (f->store, roster, &result, &error));
  g_assert_true (sf_import_cases (f->store, cases, &case_result, &error));
  g_assert_no_error (error);
  ds = sf_store_load_dataset (f->store, &error);
  for (guint i = 0; i < ds->caseworkers->len; i++)
    {
      const SfCaseworker *w = &g_array_index (ds->caseworkers, SfCaseworker, i);

      if (g_str_equal (w->initials, "MHJ"))
        f->mhj = w->id;
      else
        f->lk = w->id;
    }
  f->ref = sf_test_day ("2025-01-15");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->store = NULL;
  sf_test_store_tear_down (&f->db, data);
}

static const SfPreviewCase *
change_of (SfImportPreview *preview,
           const char      *reference)
{
  for (guint i = 0; i < preview->cases->len; i++)
    if (g_str_equal (g_array_index (preview->cases, SfPreviewCase, i).reference, reference))
      return &g_array_index (preview->cases, SfPreviewCase, i);
  return NULL;
}

/* The file: A-1 becomes særligt kompliceret, A-2 is closed on 10 January,
 * A-4 is new for LK; A-3 is not in the file and stays open.  On 15 January
 * MHJ goes from 1.5 to 2.0 and LK from 1.0 to 2.0. */
static void
test_preview_then_apply (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato;lukket\n"
                                          "A-1;MHJ;særligt kompliceret;2024-01-01;\n"
                                          "A-2;MHJ;enkel;2024-01-01;2025-01-10\n"
                                          "A-4;LK;kompleks;2025-01-02;\n");
  g_autoptr(SfImportPreview) preview = NULL;
  g_auto(SfImportResult) result = { 0 };
  const SfCaseEffect *e;
  gint64 audits = sf_store_count (f->store, "audit");

  preview = sf_import_preview_cases (f->store, file, f->ref, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpuint (preview->rows, ==, 3);
  g_assert_cmpuint (preview->n_new, ==, 1);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  g_assert_cmpuint (preview->n_closed, ==, 1);
  g_assert_cmpuint (preview->n_unchanged, ==, 0);
  g_assert_cmpuint (preview->n_not_in_file, ==, 1);
  g_assert_cmpstr (preview->encoding, ==, "UTF-8");
  g_assert_cmpint (change_of (preview, "A-1")->kind, ==, SF_PREVIEW_UPDATED);
  g_assert_cmpint (change_of (preview, "A-2")->kind, ==, SF_PREVIEW_CLOSED);
  g_assert_cmpint (change_of (preview, "A-4")->kind, ==, SF_PREVIEW_NEW);
  g_assert_cmpint (change_of (preview, "A-4")->caseworker_id, ==, f->lk);
  g_assert_null (change_of (preview, "A-3"));

  g_assert_cmpuint (preview->effects->len, ==, 2);
  e = sf_test_preview_effect (preview, f->mhj);
  g_assert_cmpfloat_with_epsilon (e->load_before, 1.5, EPS);
  g_assert_cmpfloat_with_epsilon (e->load_after, 2.0, EPS);
  g_assert_cmpuint (e->open_before, ==, 2);
  g_assert_cmpuint (e->open_after, ==, 1);
  e = sf_test_preview_effect (preview, f->lk);
  g_assert_cmpfloat_with_epsilon (e->load_before, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (e->load_after, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (e->utilisation_after, 0.1, EPS);

  /* The preview wrote nothing */
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 3);
  g_assert_cmpint (sf_store_count (f->store, "audit"), ==, audits);

  g_assert_true (sf_import_preview_apply (f->store, preview, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 1);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 4);
  {
    g_autoptr(SfDataset) ds = sf_store_load_dataset (f->store, NULL);
    SfSettings settings;
    g_autoptr(SfFigures) fig = NULL;

    sf_store_load_settings (f->store, &settings, NULL);
    fig = sf_figures_compute (ds, &settings, f->ref);
    g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (fig, f->mhj)->weighted_load, 2.0, EPS);
    g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (fig, f->lk)->weighted_load, 2.0, EPS);
  }
}

/* Each refusal is listed with its line; nothing is applied while any remain. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("sagsnummer;initialer;kompleksitet\n"
                                          "010190-1234;MHJ;kompleks\n"
                                          "B-2;XYZ;kompleks\n"
                                          "B-3;MHJ;tung\n"
                                          "0101901234;LK;enkel\n"
                                          "B-5;MHJ;kompleks\n"
                                          "B-5;LK;kompleks\n"
                                          "\n"
                                          "B-8;MHJ;enkel;ekstra\n");
  g_autoptr(SfImportPreview) preview = NULL;
  g_auto(SfImportResult) result = { 0 };
  static const char * const expected[] = {
    "Line 2: the case number “010190-1234” looks like a CPR number.",
    "Line 3: no caseworker has the initials “XYZ”.",
    "Line 4: “tung” is not a complexity",
    "Line 5: the case number “0101901234” looks like a CPR number.",
    "Line 7: the case number “B-5” is on line 6 too.",
    "Line 9: the row has 4 fields but the header names 3 columns.",
  };

  preview = sf_import_preview_cases (f->store, file, f->ref, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *problem = g_ptr_array_index (preview->problems, i);

      if (!g_str_has_prefix (problem, expected[i]))
        g_error ("problem %u is “%s”, expected “%s…”", i, problem, expected[i]);
    }
  g_assert_nonnull (strstr (g_ptr_array_index (preview->problems, 0), "never stores citizens' CPR numbers"));

  g_assert_false (sf_import_preview_apply (f->store, preview, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 3);
}

/* A legacy file from a case system: Windows-1252, ';', CRLF, "æ" as 0xE6. */
static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("Sagsnummer;Initialer;Kompleksitet;D\xe6kkes af\r\n"
                                          "C-1;MHJ;S\xe6rligt kompliceret;LK\r\n");
  g_autoptr(SfImportPreview) preview = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(SfDataset) ds = NULL;
  const SfCase *c = NULL;

  preview = sf_import_preview_cases (f->store, file, f->ref, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpstr (preview->encoding, ==, "WINDOWS-1252");
  g_assert_cmpuint (preview->n_new, ==, 1);
  g_assert_cmpint (change_of (preview, "C-1")->complexity, ==, SF_COMPLEXITY_SAERLIGT_KOMPLICERET);
  /* Covered by LK: the weight 2 counts on LK */
  g_assert_cmpfloat_with_epsilon (sf_test_preview_effect (preview, f->lk)->load_after, 3.0, EPS);

  g_assert_true (sf_import_preview_apply (f->store, preview, &result, &error));
  g_assert_no_error (error);
  ds = sf_store_load_dataset (f->store, NULL);
  for (guint i = 0; i < ds->cases->len; i++)
    if (g_str_equal (g_array_index (ds->cases, SfCase, i).reference, "C-1"))
      c = &g_array_index (ds->cases, SfCase, i);
  g_assert_nonnull (c);
  g_assert_cmpint (c->cover_id, ==, f->lk);
}

/* Another case system calls the columns Sagsnr, Sagsbehandler and Tyngde:
 * mapped once, remembered for the next file. */
static void
test_mapped_columns (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("Sagsnr,Sagsbehandler,Tyngde,Borgerens navn\n"
                                          "D-1,LK,Kompleks,\n"
                                          "D-2,MHJ,Enkel,\n");
  g_autoptr(SfImportPreview) first = NULL;
  g_autoptr(SfImportPreview) second = NULL;
  g_autoptr(GHashTable) mapping = NULL;

  first = sf_import_preview_cases (f->store, file, f->ref, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (first->unknown_columns), ==, 4);
  g_assert_cmpstr (first->unknown_columns[0], ==, "Sagsnr");
  g_assert_cmpuint (first->problems->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (first->problems, 0), "Line 1: the header lacks the column(s)"));

  g_assert_true (sf_import_mapping_save (f->store, "cases", "Sagsnr", "sagsnummer", &error));
  g_assert_true (sf_import_mapping_save (f->store, "cases", "Sagsbehandler", "initialer", &error));
  g_assert_true (sf_import_mapping_save (f->store, "cases", "Tyngde", "Kompleksitet", &error));
  g_assert_no_error (error);

  /* Wrong mappings are refused */
  g_assert_false (sf_import_mapping_save (f->store, "cases", "Borgerens navn", "navn", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sf_import_mapping_save (f->store, "cases", "Sagsnummer", "initialer", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  mapping = sf_import_mapping_load (f->store, "cases", &error);
  g_assert_cmpuint (g_hash_table_size (mapping), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (mapping, "tyngde"), ==, "kompleksitet");

  second = sf_import_preview_cases (f->store, file, f->ref, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->problems->len, ==, 0);
  g_assert_cmpuint (second->n_new, ==, 2);
  /* The unmapped extra column is ignored, as every unknown column is */
  g_assert_cmpuint (g_strv_length (second->unknown_columns), ==, 1);
  g_assert_cmpstr (second->unknown_columns[0], ==, "Borgerens navn");

  /* Forgetting a mapping */
  g_assert_true (sf_import_mapping_save (f->store, "cases", "Tyngde", NULL, &error));
  g_clear_pointer (&mapping, g_hash_table_unref);
  mapping = sf_import_mapping_load (f->store, "cases", &error);
  g_assert_cmpuint (g_hash_table_size (mapping), ==, 2);
}

/* Mapping rewrites the header but keeps every record on its line, so that
 * problems point at the manager's file. */
static void
test_lines_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("Sagsnr;initialer;kompleksitet\n"
                                          "\n"
                                          "E-1;MHJ;kompleks\n"
                                          "\"E-2\nE-2b\";ZZ;kompleks\n"
                                          "010190-1234;MHJ;enkel\n");
  g_autoptr(SfImportPreview) preview = NULL;

  g_assert_true (sf_import_mapping_save (f->store, "cases", "Sagsnr", "sagsnummer", &error));
  preview = sf_import_preview_cases (f->store, file, f->ref, &error);
  g_assert_no_error (error);
  /* A case number with a line break in it is refused too */
  g_assert_cmpuint (preview->problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (preview->problems, 0), "Line 4: the case number contains a line break"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (preview->problems, 1), "Line 4: no caseworker"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (preview->problems, 2), "Line 6: the case number"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import-preview/preview-then-apply", test_preview_then_apply);
  ADD ("/import-preview/refusals", test_refusals);
  ADD ("/import-preview/windows-1252", test_windows_1252);
  ADD ("/import-preview/mapped-columns", test_mapped_columns);
  ADD ("/import-preview/lines-kept", test_lines_kept);
#undef ADD

  return g_test_run ();
}
