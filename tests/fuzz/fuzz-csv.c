/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "fuzz-table.h"

/* fz_table_read_data(), the CSV reader of every import, on hostile bytes:
 * any encoding or none, quotes that never close, lone CRs, NULs, huge
 * fields. Besides fuzz_check_table(): records begin on lines in order, on
 * lines the file has. */

#define NAME "fuzz.csv"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_again = NULL;
  g_autoptr(FzTable) table = fz_table_read_data (NAME, data, size, &error);
  g_autoptr(FzTable) again = fz_table_read_data (NAME, data, size, &error_again);
  guint lines = 1;

  fuzz_check_table (NAME, table, error);
  fuzz_check_same (table, error, again, error_again);

  /* Lines end in LF, CRLF or a lone CR. */
  for (gsize i = 0; i < size; i++)
    lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));
  if (error && error->code == FZ_TABLE_ERROR_PARSE)
    g_assert_cmpuint (g_ascii_strtoull (error->message + strlen (NAME) + 1, NULL, 10), <=, lines);
  if (table == NULL)
    return 0;

  for (guint r = 0; r < fz_table_get_n_records (table); r++)
    {
      if (r > 0)
        g_assert_cmpuint (fz_table_get_line (table, r), >=, fz_table_get_line (table, r - 1));
      /* UTF-16 has its line ends in two bytes, counted otherwise. */
      if (g_strcmp0 (fz_table_get_encoding (table), "UTF-16") != 0)
        g_assert_cmpuint (fz_table_get_line (table, r), <=, lines);
    }
  return 0;
}
