/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-table"

#include "config.h"

#include <string.h>

#include "fuzz-table.h"

static const char *encodings[] = { "UTF-8", "UTF-8 with BOM", "UTF-16", "GB18030", "XLSX" };

void
fuzz_check_table (const char *name,
                  FzTable    *table,
                  GError     *error)
{
  const char *encoding;
  gboolean known = FALSE;

  if ((table == NULL) == (error == NULL))
    g_error ("The reader returned %s and %s", table ? "a table" : "no table", error ? "an error" : "no error");

  if (error)
    {
      g_assert_true (error->domain == FZ_TABLE_ERROR);
      g_assert_nonnull (error->message);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("The message is not UTF-8: %s", error->message);
      if (strstr (error->message, name) == NULL)
        g_error ("The message “%s” does not name the file %s", error->message, name);
      if (error->code == FZ_TABLE_ERROR_PARSE)
        {
          const char *p = error->message + strlen (name);

          /* FILE:LINE: message */
          g_assert_true (g_str_has_prefix (error->message, name));
          g_assert_cmpint (*p, ==, ':');
          g_assert_true (g_ascii_isdigit (p[1]));
          g_assert_cmpuint (g_ascii_strtoull (p + 1, NULL, 10), >=, 1);
        }
      return;
    }

  encoding = fz_table_get_encoding (table);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    known |= g_strcmp0 (encoding, encodings[i]) == 0;
  if (!known)
    g_error ("Unknown encoding “%s”", encoding);

  for (guint r = 0; r < fz_table_get_n_records (table); r++)
    {
      guint n = fz_table_get_n_fields (table, r);
      gboolean blank = TRUE;

      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (fz_table_get_line (table, r), >=, 1);
      for (guint f = 0; f < n; f++)
        {
          const char *field = fz_table_get_field (table, r, f);

          g_assert_nonnull (field);
          if (!g_utf8_validate (field, -1, NULL))
            g_error ("Record %u field %u is not UTF-8", r, f);
          for (const char *c = field; *c && blank; c++)
            blank = g_ascii_isspace (*c);
        }
      if (blank)
        g_error ("Record %u (line %u) is blank", r, fz_table_get_line (table, r));
      /* Past the end of a record: "". */
      g_assert_cmpstr (fz_table_get_field (table, r, n), ==, "");
    }
}

void
fuzz_check_same (FzTable *a,
                 GError  *error_a,
                 FzTable *b,
                 GError  *error_b)
{
  if (error_a || error_b)
    {
      g_assert_nonnull (error_a);
      g_assert_nonnull (error_b);
      g_assert_cmpint (error_a->code, ==, error_b->code);
      g_assert_cmpstr (error_a->message, ==, error_b->message);
      return;
    }
  g_assert_cmpstr (fz_table_get_encoding (a), ==, fz_table_get_encoding (b));
  g_assert_cmpuint (fz_table_get_n_records (a), ==, fz_table_get_n_records (b));
  for (guint r = 0; r < fz_table_get_n_records (a); r++)
    {
      g_assert_cmpuint (fz_table_get_n_fields (a, r), ==, fz_table_get_n_fields (b, r));
      g_assert_cmpuint (fz_table_get_line (a, r), ==, fz_table_get_line (b, r));
      for (guint f = 0; f < fz_table_get_n_fields (a, r); f++)
        g_assert_cmpstr (fz_table_get_field (a, r, f), ==, fz_table_get_field (b, r, f));
    }
}
