/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-county"

#include "config.h"

#include "fz-county.h"
#include "fz-database.h"

void
fz_county_free (FzCounty *county)
{
  if (county == NULL)
    return;
  g_free (county->code);
  g_free (county->name);
  g_free (county);
}

GPtrArray *
fz_county_list (FzDatabase  *db,
                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_county_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db, "SELECT code, name FROM fz_county WHERE parent IS NOT NULL ORDER BY sort, code",
                          NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzCounty *county = g_new0 (FzCounty, 1);
      county->code = fz_statement_dup_text (st, 0);
      county->name = fz_statement_dup_text (st, 1);
      g_ptr_array_add (list, county);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
fz_county_lookup (FzDatabase *db,
                  const char *code_or_name)
{
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *text = NULL;

  if (code_or_name == NULL)
    return NULL;
  text = g_strstrip (g_strdup (code_or_name));
  if (*text == '\0')
    return NULL;

  /* "柯城" matches "柯城区": the name is the text plus one ending character. */
  st = fz_database_query (db,
                          "SELECT code FROM fz_county WHERE code = ?1 OR name = ?1 "
                          "OR (length(name) = length(?1) + 1 AND substr(name, 1, length(?1)) = ?1) "
                          "ORDER BY code = ?1 DESC, name = ?1 DESC LIMIT 1",
                          g_variant_new ("(s)", text), NULL);
  if (st && fz_statement_step (st, NULL))
    return fz_statement_dup_text (st, 0);
  return NULL;
}

char *
fz_county_get_name (FzDatabase *db,
                    const char *code)
{
  g_autoptr(FzStatement) st = fz_database_query (db, "SELECT name FROM fz_county WHERE code = ?1",
                                                 g_variant_new ("(s)", code ? code : ""), NULL);

  if (st && fz_statement_step (st, NULL))
    return fz_statement_dup_text (st, 0);
  return NULL;
}
