/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-database"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "fuzhu.h"

typedef struct {
  char       *dir;
  char       *path;
  FzDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fuzhu-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "fuzhu.db", NULL);
  f->db = fz_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  if (f->db)
    g_assert_finalize_object (f->db);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_open_creates_private_file (Fixture       *f,
                                gconstpointer  data)
{
  struct stat st;
  gint64 counties = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The core schema is there: the six county-level units and the city. */
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM fz_county", NULL,
                                          &counties, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counties, ==, 7);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "core"), >=, 1);

  /* Foreign keys and WAL are on. */
  g_assert_true (fz_database_query_int64 (f->db, "PRAGMA foreign_keys", NULL, &counties, NULL, &error));
  g_assert_cmpint (counties, ==, 1);
  {
    g_autoptr(FzStatement) st2 = fz_database_query (f->db, "PRAGMA journal_mode", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (fz_statement_step (st2, &error));
    g_assert_cmpstr (fz_statement_get_text (st2, 0), ==, "wal");
  }
}

static const FzMigration good_steps[] = {
  { 1, "CREATE TABLE t_item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)" },
  { 2, "ALTER TABLE t_item ADD COLUMN note TEXT" },
};

static const FzMigration bad_steps[] = {
  { 1, "CREATE TABLE t_item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)" },
  { 2, "ALTER TABLE t_item ADD COLUMN note TEXT" },
  { 3, "CREATE TABLE t_other (x INTEGER)" },
  { 4, "THIS IS NOT SQL" },
};

static void
test_migrate_steps (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean found = TRUE;

  g_assert_true (fz_database_migrate (f->db, "test", good_steps, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "test"), ==, 1);

  /* Stepwise: the second step is applied on top of the first. */
  g_assert_true (fz_database_migrate (f->db, "test", good_steps, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "test"), ==, 2);
  g_assert_true (fz_database_execute (f->db, "INSERT INTO t_item (name, note) VALUES (?1, ?2)",
                                      g_variant_new ("(sms)", "张三", NULL), &error));
  g_assert_no_error (error);

  /* Applying again is a no-op. */
  g_assert_true (fz_database_migrate (f->db, "test", good_steps, 2, &error));
  g_assert_no_error (error);

  /* A failing step rolls back every step of that run, and the version stays. */
  g_assert_false (fz_database_migrate (f->db, "test", bad_steps, 4, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "version 4"));
  g_clear_error (&error);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "test"), ==, 2);
  g_assert_true (fz_database_query_int64 (f->db,
                                          "SELECT 1 FROM sqlite_master WHERE name = 't_other'",
                                          NULL, NULL, &found, &error));
  g_assert_false (found);
  g_assert_false (fz_database_in_transaction (f->db));
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  FzDatabase *again;

  g_assert_true (fz_database_migrate (f->db, "test", good_steps, 2, &error));
  /* A plugin that knows only step 1 meets data at step 2. */
  g_assert_false (fz_database_migrate (f->db, "test", good_steps, 1, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* The core itself from the future: the file is refused and left as it was. */
  g_assert_true (fz_database_execute (f->db, "UPDATE fz_schema SET version = 999 WHERE owner = ?1",
                                      g_variant_new ("(s)", "core"), &error));
  g_assert_no_error (error);
  g_assert_true (fz_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_finalize_object (g_steal_pointer (&f->db));

  g_assert_true (g_file_get_contents (f->path, &before, &len_before, NULL));
  again = fz_database_open (f->path, &error);
  g_assert_null (again);
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "999"));
  g_assert_true (g_file_get_contents (f->path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *cmd = NULL;
  FzDatabase *db;

  g_assert_true (g_file_set_contents (path, "姓名,身份证号\n张三,1234\n"
                                      "this is a spreadsheet, not a database, and long enough to"
                                      " fill a header of one hundred bytes at the least.", -1, NULL));
  db = fz_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

static gboolean
insert_two_then_fail (FzDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  if (!fz_database_execute (db, "INSERT INTO t_item (name) VALUES (?1)", g_variant_new ("(s)", "李四"), error))
    return FALSE;
  /* A duplicate: the UNIQUE constraint fails and the whole change must go. */
  return fz_database_execute (db, "INSERT INTO t_item (name) VALUES (?1)", g_variant_new ("(s)", "李四"), error);
}

static gboolean
insert_one (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  return fz_database_execute (db, "INSERT INTO t_item (name) VALUES (?1)",
                              g_variant_new ("(s)", (const char *) user_data), error);
}

static gboolean
nested (FzDatabase  *db,
        gpointer     user_data,
        GError     **error)
{
  g_autoptr(GError) inner = NULL;

  if (!insert_one (db, (gpointer) "王五", error))
    return FALSE;
  /* The inner change fails and is rolled back alone. */
  g_assert_false (fz_database_transaction (db, insert_two_then_fail, NULL, &inner));
  g_assert_error (inner, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT);
  return TRUE;
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (fz_database_migrate (f->db, "test", good_steps, 2, &error));

  g_assert_false (fz_database_transaction (f->db, insert_two_then_fail, NULL, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM t_item", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 0);

  g_assert_true (fz_database_transaction (f->db, nested, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM t_item", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 1);
  g_assert_false (fz_database_in_transaction (f->db));
}

static void
test_binding (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzStatement) st = NULL;
  const char *hostile = "x'); DROP TABLE t_item; --";

  g_assert_true (fz_database_migrate (f->db, "test", good_steps, 2, &error));
  g_assert_true (fz_database_execute (f->db, "INSERT INTO t_item (name, note) VALUES (?1, ?2)",
                                      g_variant_new ("(ss)", hostile, "备注"), &error));
  g_assert_no_error (error);

  st = fz_database_query (f->db, "SELECT name, note, id FROM t_item WHERE name = ?1",
                          g_variant_new ("(s)", hostile), &error);
  g_assert_no_error (error);
  g_assert_true (fz_statement_step (st, &error));
  g_assert_cmpstr (fz_statement_get_text (st, 0), ==, hostile);
  g_assert_cmpstr (fz_statement_get_text (st, 1), ==, "备注");
  g_assert_false (fz_statement_step (st, &error));
  g_assert_no_error (error);

  /* Wrong parameter counts are an error, not a silent NULL. */
  g_assert_null (fz_database_query (f->db, "SELECT ?1, ?2", g_variant_new ("(s)", "a"), &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  /* A bad query names itself. */
  g_assert_null (fz_database_prepare (f->db, "SELECT * FROM no_such_table", &error));
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

static gpointer
commit_soon (gpointer data)
{
  sqlite3 *other = data;

  g_usleep (300 * 1000);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

static void
test_open_while_another_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(FzDatabase) db = NULL;
  GThread *thread;
  sqlite3 *other = NULL;

  /* Another process is writing to a file not yet in WAL mode, as when two
   * start on a new database at once. Switching it to WAL must wait for the
   * other (SQLite itself returns "busy" at once there, to avoid a deadlock). */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE other (x); BEGIN IMMEDIATE; INSERT INTO other VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("other", commit_soon, other);

  db = fz_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_thread_join (thread);
  sqlite3_close (other);
  g_clear_object (&db);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Database/open-creates-private-file", Fixture, NULL,
              fixture_setup, test_open_creates_private_file, fixture_teardown);
  g_test_add ("/Fuzhu/Database/migrate-steps", Fixture, NULL,
              fixture_setup, test_migrate_steps, fixture_teardown);
  g_test_add ("/Fuzhu/Database/refuse-newer", Fixture, NULL,
              fixture_setup, test_refuse_newer, fixture_teardown);
  g_test_add ("/Fuzhu/Database/transactions", Fixture, NULL,
              fixture_setup, test_transactions, fixture_teardown);
  g_test_add ("/Fuzhu/Database/binding", Fixture, NULL,
              fixture_setup, test_binding, fixture_teardown);
  g_test_add_func ("/Fuzhu/Database/not-a-database", test_not_a_database);
  g_test_add_func ("/Fuzhu/Database/open-while-another-writes", test_open_while_another_writes);

  return g_test_run ();
}
