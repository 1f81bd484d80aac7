/* libFuzzer target: the CSV reader and both import paths on arbitrary
 * bytes.  Built with -Dfuzzing=true under clang (build-aux/sanitize). */

#include <stdint.h>

#include "sf-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static SfStore *store;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(SfCsvReader) reader = NULL;
  g_auto(SfImportResult) roster = { 0 };
  g_auto(SfImportResult) cases = { 0 };

  if (store == NULL)
    {
      store = sf_store_open (":memory:", NULL);
      g_assert (store != NULL);
      /* Some people and cases for case files to refer to. */
      g_assert (sf_demo_populate (store, sf_day_new (2026, 1, 15), NULL));
    }

  reader = sf_csv_reader_new (bytes, NULL);
  if (reader != NULL)
    {
      GStrv fields = NULL;
      guint line = 0;

      while (sf_csv_reader_next (reader, &fields, &line, NULL))
        g_clear_pointer (&fields, g_strfreev);
    }

  /* Everything the imports refuse is a GError; anything they accept goes
   * into the in-memory database, which is fine. */
  sf_import_roster (store, bytes, &roster, NULL);
  sf_import_cases (store, bytes, &cases, NULL);
  return 0;
}
