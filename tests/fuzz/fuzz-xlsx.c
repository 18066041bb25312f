/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-xlsx"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fuzz.h"
#include "fuzz-table.h"

/* fz_table_read_file() on hostile zip files (it reads a workbook from a
 * file, so each input is written to one first): broken zips, parts
 * missing, parts that claim to be huge, XML that is not, entities, rows and
 * cells with absurd references. Inputs that are not zips go to the CSV
 * reader, which fuzz-csv covers: they are skipped. */

static char *path;
static int   fd = -1;

static void
remove_file (void)
{
  if (fd >= 0)
    close (fd);
  if (path)
    g_unlink (path);
  g_free (path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_again = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzTable) again = NULL;

  if (!fz_table_can_read_xlsx () || size < 4 || memcmp (data, "PK\003\004", 4) != 0)
    return 0;
  if (fd < 0)
    {
      g_autoptr(GError) tmp_error = NULL;

      fd = g_file_open_tmp ("fuzz-XXXXXX.xlsx", &path, &tmp_error);
      g_assert_no_error (tmp_error);
      atexit (remove_file);
    }
  g_assert_cmpint (ftruncate (fd, 0), ==, 0);
  g_assert_cmpint (pwrite (fd, data, size, 0), ==, (ssize_t) size);

  table = fz_table_read_file (path, &error);
  again = fz_table_read_file (path, &error_again);
  fuzz_check_table (path, table, error);
  fuzz_check_same (table, error, again, error_again);
  if (table)
    g_assert_cmpstr (fz_table_get_encoding (table), ==, "XLSX");
  return 0;
}
