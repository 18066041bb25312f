/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-registry"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "fuzhu.h"

/* Times what staff wait for at city scale: importing the registry from a
 * sheet, and searching it as they type. Usage: bench-registry [N]; with
 * FUZHU_BENCH_KEEP set, the database and sheets are left for a look. */

static double
now (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
time_search (FzRegistry           *registry,
             const char           *label,
             const FzPersonFilter *filter)
{
  const int rounds = 20;
  double count_ms = 0, page_ms = 0, deep_ms = 0;
  guint n = 0;

  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(GPtrArray) deep = NULL;
      double t0 = now (), t1, t2;

      check (fz_registry_count_persons (registry, filter, &n, &error), error);
      t1 = now ();
      page = fz_registry_list_persons (registry, filter, 0, 50, &error);
      check (page != NULL, error);
      t2 = now ();
      deep = fz_registry_list_persons (registry, filter, n > 100 ? n / 2 : 0, 50, &error);
      check (deep != NULL, error);
      count_ms += t1 - t0;
      page_ms += t2 - t1;
      deep_ms += now () - t2;
    }
  g_print ("  %-34s %7u matches  count %7.2f ms  first page %6.2f ms  middle page %7.2f ms\n",
           label, n, count_ms / rounds, page_ms / rounds, deep_ms / rounds);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-bench-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "persons.csv", NULL);
  g_autofree char *db_path = g_build_filename (dir, "fuzhu.db", NULL);
  g_autofree char *out_csv = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *out_xlsx = g_build_filename (dir, "export.xlsx", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzRegistry) registry = NULL;
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(FzImportReport) again = NULL;
  g_autoptr(GPtrArray) sample = NULL;
  guint n_persons = argc > 1 ? (guint) atoi (argv[1]) : 200000;
  guint exported = 0;
  double t;

  setlocale (LC_ALL, "");
  check (dir != NULL, error);
  g_print ("Fuzhu registry benchmark, %u persons, in %s\n", n_persons, dir);

  t = now ();
  check (fz_demo_write_persons (csv, 2022, n_persons, &error), error);
  g_print ("generate CSV:                 %8.0f ms\n", now () - t);

  db = fz_database_open (db_path, &error);
  check (db != NULL, error);
  registry = fz_registry_new (db);

  t = now ();
  check (fz_registry_import_file (registry, csv, &report, &error), error);
  g_print ("import CSV (one transaction): %8.0f ms  (%u added)\n", now () - t,
           fz_import_report_get_added (report));

  t = now ();
  check (fz_registry_import_file (registry, csv, &again, &error), error);
  g_print ("import the same CSV again:    %8.0f ms  (%u unchanged)\n", now () - t,
           fz_import_report_get_unchanged (again));

  t = now ();
  check (fz_registry_export_persons (registry, out_csv, NULL, &exported, &error), error);
  g_print ("export CSV:                   %8.0f ms  (%u rows)\n", now () - t, exported);
  t = now ();
  check (fz_registry_export_persons (registry, out_xlsx, NULL, &exported, &error), error);
  g_print ("export XLSX:                  %8.0f ms  (%u rows)\n", now () - t, exported);

  if (fz_table_can_read_xlsx ())
    {
      g_autofree char *other_path = g_build_filename (dir, "from-xlsx.db", NULL);
      g_autoptr(FzDatabase) other_db = fz_database_open (other_path, &error);
      g_autoptr(FzRegistry) other = NULL;
      g_autoptr(FzImportReport) from_xlsx = NULL;

      check (other_db != NULL, error);
      other = fz_registry_new (other_db);
      t = now ();
      check (fz_registry_import_file (other, out_xlsx, &from_xlsx, &error), error);
      g_print ("import the XLSX elsewhere:    %8.0f ms  (%u added)\n", now () - t,
               fz_import_report_get_added (from_xlsx));
    }

  sample = fz_registry_list_persons (registry, NULL, n_persons / 3, 1, &error);
  check (sample != NULL && sample->len == 1, error);

  g_print ("search (average of 20; count, then a page of 50 at the start and in the middle):\n");
  {
    const char *id = fz_person_get_id_number (sample->pdata[0]);
    const char *cert = fz_person_get_cert_number (sample->pdata[0]);
    g_autofree char *id6 = g_strndup (id, 6);
    g_autofree char *id10 = g_strndup (id, 10);
    g_autofree char *id14 = g_strndup (id, 14);
    g_autofree char *cert19 = g_strndup (cert, 19);
    g_autofree char *name = g_strdup (fz_person_get_name (sample->pdata[0]));
    g_autofree char *given = g_strdup (g_utf8_next_char (name));
    struct { const char *label; FzPersonFilter filter; } cases[] = {
      { "(everyone)",                    { NULL } },
      { "name 王 (1 character)",         { "王" } },
      { "name 芳 (1 character)",         { "芳" } },
      { "name 张伟 (2 characters)",      { "张伟" } },
      { "name 欧阳 (2 characters)",      { "欧阳" } },
      { "given name of a sample",        { given } },
      { "full name of a sample",         { name } },
      { "name 王, 江山市, grade 1",      { "王", "330881", 0, 1 } },
      { "id prefix (6, county)",         { id6 } },
      { "id prefix (10)",                { id10 } },
      { "id prefix (14)",                { id14 } },
      { "whole id number",               { id } },
      { "certificate prefix (19)",       { cert19 } },
      { "county 柯城区",                 { NULL, "330802" } },
      { "肢体, 二级, unemployed",        { NULL, NULL, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED } },
    };

    g_print ("  sample: %s %s\n", name, id);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      time_search (registry, cases[i].label, &cases[i].filter);
  }

  g_clear_object (&registry);
  g_clear_object (&db);
  {
    GStatBuf st;
    if (g_stat (db_path, &st) == 0)
      g_print ("database file: %.1f MB\n", (double) st.st_size / 1e6);
  }
  if (g_getenv ("FUZHU_BENCH_KEEP") == NULL)
    {
      cmd = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cmd) != 0)
        g_printerr ("Could not remove %s\n", dir);
    }
  return 0;
}
