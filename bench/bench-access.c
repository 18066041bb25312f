/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-access"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>

#include "fuzhu.h"
#include "fz-access-private.h"

/* What access control costs at city scale: a registry import with and
 * without the guard and audit triggers, a change to every person, and
 * searching and counting through a county scope against city staff's
 * plain tables. Usage: bench-access [N] (default 200000). */

typedef enum {
  TRIGGERS_ALL,    /* guard and audit: as shipped */
  TRIGGERS_GUARD,  /* guard only */
  TRIGGERS_NONE,   /* neither: as before access control */
} Triggers;

static const char *trigger_names[] = { "guard + audit", "guard only", "no triggers" };

static double
now (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

/* Processor time of this process: on a busy machine the wall clock says
 * more about the neighbours. */
static double
cpu (void)
{
  return (double) clock () * 1000.0 / CLOCKS_PER_SEC;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static double
file_mb (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  double mb = 0;

  if (g_stat (path, &st) == 0)
    mb += (double) st.st_size / 1e6;
  if (g_stat (wal, &st) == 0)
    mb += (double) st.st_size / 1e6;
  return mb;
}

/* Drops the triggers a variant goes without, past the guard that keeps
 * them (libfuzhu's own internal mode: a benchmark, not an application). */
static void
drop_triggers (FzDatabase *db,
               Triggers    triggers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  FzGuard *guard = _fz_database_get_guard (db);

  if (triggers == TRIGGERS_ALL)
    return;
  stmt = fz_database_query (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                "(name LIKE 'fz\\_audit\\_ins\\_%' ESCAPE '\\' OR name LIKE 'fz\\_audit\\_upd\\_%' ESCAPE '\\' "
                                "OR name LIKE 'fz\\_audit\\_del\\_%' ESCAPE '\\' OR (?1 AND name LIKE 'fz\\_guard\\_%' ESCAPE '\\'))",
                            g_variant_new ("(b)", triggers == TRIGGERS_NONE), &error);
  check (stmt != NULL, error);
  while (fz_statement_step (stmt, &error))
    g_ptr_array_add (names, fz_statement_dup_text (stmt, 0));
  check (error == NULL, error);
  g_clear_pointer (&stmt, fz_statement_unref);
  _fz_guard_enter_internal (guard);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) names->pdata[i]);
      check (fz_database_exec (db, sql, &error), error);
    }
  _fz_guard_leave_internal (guard);
}

static gboolean
touch_all (FzDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  return fz_database_execute (db, "UPDATE fz_person SET township = township || '一'", NULL, error);
}

static void
import_with (const char *dir,
             const char *csv,
             Triggers    triggers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("import-%d.db", triggers);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(FzDatabase) db = fz_database_open (path, &error);
  g_autoptr(FzRegistry) registry = NULL;
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(FzImportReport) again = NULL;
  gint64 audit_rows = 0;
  double t, c, import_ms, again_ms, update_ms, import_cpu, update_cpu, before_mb;

  check (db != NULL, error);
  drop_triggers (db, triggers);
  registry = fz_registry_new (db);
  before_mb = file_mb (path);

  t = now ();
  c = cpu ();
  check (fz_registry_import_file (registry, csv, &report, &error), error);
  import_ms = now () - t;
  import_cpu = cpu () - c;
  t = now ();
  check (fz_registry_import_file (registry, csv, &again, &error), error);
  again_ms = now () - t;
  t = now ();
  c = cpu ();
  check (fz_database_transaction (db, touch_all, NULL, &error), error);
  update_ms = now () - t;
  update_cpu = cpu () - c;
  check (fz_database_query_int64 (db, "SELECT count(*) FROM fz_audit", NULL, &audit_rows, NULL, &error), error);

  g_print ("  %-14s import %7.0f ms (cpu %7.0f)   again %6.0f ms   update all %6.0f ms (cpu %6.0f)   "
           "audit rows %7" G_GINT64_FORMAT "   file %6.1f MB\n",
           trigger_names[triggers], import_ms, import_cpu, again_ms, update_ms, update_cpu, audit_rows,
           file_mb (path) - before_mb);
}

typedef struct {
  const char     *label;
  FzPersonFilter  filter;
} Search;

static void
time_search (FzRegistry   *registry,
             const Search *search,
             double       *count_ms,
             double       *page_ms,
             guint        *n)
{
  const int rounds = 20;

  *count_ms = *page_ms = 0;
  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      double t0 = now (), t1;

      check (fz_registry_count_persons (registry, &search->filter, n, &error), error);
      t1 = now ();
      page = fz_registry_list_persons (registry, &search->filter, *n > 100 ? *n / 2 : 0, 50, &error);
      check (page != NULL, error);
      *count_ms += t1 - t0;
      *page_ms += now () - t1;
    }
  *count_ms /= rounds;
  *page_ms /= rounds;
}

static double
time_query (FzDatabase *db,
            const char *sql)
{
  const int rounds = 20;
  double t = now ();

  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzStatement) stmt = fz_database_query (db, sql, NULL, &error);

      check (stmt != NULL, error);
      while (fz_statement_step (stmt, &error))
        ;
      check (error == NULL, error);
    }
  return (now () - t) / rounds;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-bench-access-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "persons.csv", NULL);
  g_autofree char *scope_path = NULL;
  g_autofree char *cmd = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzContext) context = NULL;
  g_autoptr(FzRegistry) registry = NULL;
  guint n_persons = argc > 1 ? (guint) atoi (argv[1]) : 200000;
  const char *queries[] = {
    "SELECT county_code, count(*) FROM fz_person GROUP BY county_code",
    "SELECT count(*) FROM fz_person WHERE employment_status = 'employed'",
    "SELECT p.name, o.name FROM fz_person p LEFT JOIN fz_organization o ON o.county_code = p.county_code "
    "WHERE p.grade = 1 LIMIT 100",
  };
  const Search searches[] = {
    { "(everyone)",             { NULL } },
    { "name 王 (1 character)",  { "王" } },
    { "name 张伟 (2 characters)", { "张伟" } },
    { "id prefix (6)",          { "330802" } },
    { "肢体, 二级, unemployed", { NULL, NULL, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED } },
  };
  double t;

  setlocale (LC_ALL, "");
  check (dir != NULL, error);
  g_print ("Fuzhu access benchmark, %u persons, in %s\n", n_persons, dir);
  check (fz_demo_write_persons (csv, 2022, n_persons, &error), error);

  g_print ("registry import in one transaction, then the same file again, then one change to every person:\n");
  for (Triggers k = TRIGGERS_NONE; (int) k >= (int) TRIGGERS_ALL; k--)
    import_with (dir, csv, k);

  /* The county scope: the same database seen by city staff and by county staff. */
  scope_path = g_build_filename (dir, "import-0.db", NULL);
  db = fz_database_open (scope_path, &error);
  check (db != NULL, error);
  context = fz_context_new (db, NULL, NULL);
  check (fz_access_create_account (context, "admin", NULL, "bench-admin-pass", FZ_ROLE_ADMINISTRATOR, NULL, &error), error);
  check (fz_access_create_account (context, "city", NULL, "bench-city-pass", FZ_ROLE_CITY_STAFF, NULL, &error), error);
  check (fz_access_create_account (context, "kecheng", NULL, "bench-county-pass", FZ_ROLE_COUNTY_STAFF, "330802", &error), error);
  fz_access_sign_out (context);
  registry = fz_registry_new (db);

  t = now ();
  check (fz_access_sign_in (context, "city", "bench-city-pass", "bench", &error), error);
  g_print ("sign-in (argon2id, 64 MiB): %.0f ms\n", now () - t);
  {
    double city[G_N_ELEMENTS (searches)][2], county[G_N_ELEMENTS (searches)][2];
    double city_q[G_N_ELEMENTS (queries)], county_q[G_N_ELEMENTS (queries)];
    guint city_n[G_N_ELEMENTS (searches)], county_n[G_N_ELEMENTS (searches)];

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      time_search (registry, &searches[i], &city[i][0], &city[i][1], &city_n[i]);
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      city_q[i] = time_query (db, queries[i]);

    fz_access_sign_out (context);
    t = now ();
    check (fz_access_sign_in (context, "kecheng", "bench-county-pass", "bench", &error), error);
    g_print ("sign-in as county staff, with the scope's views: %.0f ms\n", now () - t);
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      time_search (registry, &searches[i], &county[i][0], &county[i][1], &county_n[i]);
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      county_q[i] = time_query (db, queries[i]);

    g_print ("registry searches (average of 20: count, then a page of 50 in the middle), city staff | county staff 柯城区:\n");
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      g_print ("  %-26s %7u  count %7.2f  page %7.2f ms  | %6u  count %7.2f  page %7.2f ms\n",
               searches[i].label, city_n[i], city[i][0], city[i][1], county_n[i], county[i][0], county[i][1]);
    g_print ("a plugin's plain queries (average of 20), city staff | county staff:\n");
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      g_print ("  %7.2f ms | %7.2f ms   %.70s…\n", city_q[i], county_q[i], queries[i]);
  }

  fz_access_sign_out (context);
  check (fz_access_sign_in (context, "admin", "bench-admin-pass", "bench", &error), error);
  {
    FzAuditFilter by_table = { .table_name = "fz_person" };
    FzAuditFilter by_record = { .table_name = "fz_person", .record_id = "4242" };
    FzAuditFilter by_day = { .operator_name = "kecheng", .since = "2020-01-01" };
    FzAuditFilter *filters[] = { NULL, &by_table, &by_record, &by_day };
    const char *labels[] = { "everything", "table fz_person", "one record", "operator and day" };

    g_print ("audit trail searches (count, then the newest page of 100):\n");
    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        g_autoptr(GPtrArray) page = NULL;
        guint n = 0;
        double t1;

        t = now ();
        check (fz_audit_count (context, filters[i], &n, &error), error);
        t1 = now ();
        page = fz_audit_list (context, filters[i], 0, 100, &error);
        check (page != NULL, error);
        g_print ("  %-18s %8u entries  count %7.2f ms  page %6.2f ms\n", labels[i], n, t1 - t, now () - t1);
      }
  }

  g_clear_object (&registry);
  g_clear_object (&context);
  g_clear_object (&db);
  if (g_getenv ("FUZHU_BENCH_KEEP") == NULL)
    {
      cmd = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cmd) != 0)
        g_printerr ("Could not remove %s\n", dir);
    }
  return 0;
}
