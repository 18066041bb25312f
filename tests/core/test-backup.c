/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "fuzhu.h"

typedef struct {
  char *dir;
  char *path;  /* the database */
} Fixture;

static const FzMigration item_steps[] = {
  { 1, "CREATE TABLE t_item (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
       " county TEXT REFERENCES fz_county(code))" },
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("fuzhu-backup-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "county.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("chmod -R u+w '%s'; rm -rf '%s'", f->dir, f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static FzDatabase *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  FzDatabase *db = fz_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (fz_database_migrate (db, "test", item_steps, G_N_ELEMENTS (item_steps), &error));
  g_assert_no_error (error);
  return db;
}

static gboolean
add_items_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  const char *prefix = user_data;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s 第%u户", prefix, i);
      if (!fz_database_execute (db, "INSERT INTO t_item (name, county) VALUES (?1, ?2)",
                                g_variant_new ("(ss)", name, "330825"), error))
        return FALSE;
    }
  return TRUE;
}

/* Five hundred rows named after @prefix, in one change. */
static void
add_items (FzDatabase *db,
           const char *prefix)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_database_transaction (db, add_items_txn, (gpointer) prefix, &error));
  g_assert_no_error (error);
}

static gint64
count_items (const char *path,
             const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = open_db (path);
  g_autofree char *pattern = g_strdup_printf ("%s %%", prefix);
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (db, "SELECT count(*) FROM t_item WHERE name LIKE ?1",
                                          g_variant_new ("(s)", pattern), &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, one string: to see that nothing was left behind. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static char *
sqlite_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  sqlite3_close (db);
  return text;
}

static void
test_backup_to_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = open_db (f->path);
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no", "such", "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  GStatBuf st;

  add_items (db, "张三");
  g_assert_true (fz_backup_database (db, dest, &error));
  g_assert_no_error (error);

  /* Owner-only, one self-contained file (not WAL), sound, with the data. */
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  mode = sqlite_text (dest, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  check = sqlite_text (dest, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (count_items (dest, "张三"), ==, 500);

  /* Nothing but the database, its journal files and the backup is there. */
  before = listing (f->dir);
  g_assert_cmpstr (before, ==, "copy.db county.db county.db-shm county.db-wal");

  /* An existing file is never overwritten, a folder is no file name, and a
   * missing folder is not created. */
  first = read_file (dest);
  add_items (db, "李四");
  g_assert_false (fz_backup_database (db, dest, &error));
  g_assert_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, dest));
  g_clear_error (&error);
  second = read_file (dest);
  g_assert_true (g_bytes_equal (first, second));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (fz_backup_database (db, folder, &error));
  g_assert_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_false (fz_backup_database (db, nowhere, &error));
  g_assert_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  after = listing (f->dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_backup_is_online (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = open_db (f->path);
  g_autoptr(FzDatabase) other = open_db (f->path);
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);

  add_items (db, "张三");

  /* Another connection is in the middle of a change: the backup does not
   * wait for it and holds only what was committed. */
  g_assert_true (fz_database_begin (other, &error));
  g_assert_true (add_items_txn (other, (gpointer) "王五", &error));
  g_assert_no_error (error);

  g_assert_true (fz_backup_database (db, dest, &error));
  g_assert_no_error (error);

  g_assert_true (fz_database_commit (other, &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  g_clear_object (&db);

  g_assert_cmpint (count_items (dest, "张三"), ==, 500);
  g_assert_cmpint (count_items (dest, "王五"), ==, 0);
  g_assert_cmpint (count_items (f->path, "王五"), ==, 500);
}

static void
test_backup_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "typo.db", NULL);

  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "张三");
  }

  /* A path with no database is an error, never a new empty database. */
  g_assert_false (fz_backup_file (missing, dest, &error));
  g_assert_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_false (fz_backup_file (f->dir, dest, &error));
  g_assert_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  g_assert_true (fz_backup_file (f->path, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_items (dest, "张三"), ==, 500);
}

static GDateTime *
day (int d)
{
  return g_date_time_new_local (2025, 3, d, 18, 30, 0);
}

static void
test_automatic (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = open_db (f->path);
  g_autofree char *folder = fz_backup_get_folder (f->path);
  g_autofree char *expected_folder = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *made = NULL;
  g_autofree char *other = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GDateTime) first = day (1);
  GStatBuf st;

  g_assert_cmpstr (folder, ==, expected_folder);

  add_items (db, "张三");
  g_assert_true (fz_backup_automatic (db, 3, first, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_suffix (made, "/backups/county-2025-03-01.db"));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_pointer (&made, g_free);

  /* At most once a day. */
  add_items (db, "李四");
  g_assert_true (fz_backup_automatic (db, 3, first, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);

  /* Files of other databases and other files in the folder are not ours to remove. */
  other = g_build_filename (folder, "fuzhu-2025-01-01.db", NULL);
  g_assert_true (g_file_set_contents (other, "another database's", -1, NULL));
  g_clear_pointer (&other, g_free);
  other = g_build_filename (folder, "county-notes.txt", NULL);
  g_assert_true (g_file_set_contents (other, "notes", -1, NULL));

  for (int d = 2; d <= 9; d++)
    {
      g_autoptr(GDateTime) when = day (d);

      g_assert_true (fz_backup_automatic (db, 3, when, &made, &error));
      g_assert_no_error (error);
      g_assert_nonnull (made);
      g_clear_pointer (&made, g_free);
    }
  names = listing (folder);
  g_assert_cmpstr (names, ==, "county-2025-03-07.db county-2025-03-08.db county-2025-03-09.db "
                              "county-notes.txt fuzhu-2025-01-01.db");

  /* The first day's backup does not have the second day's work. */
  g_clear_pointer (&other, g_free);
  other = g_build_filename (folder, "county-2025-03-09.db", NULL);
  g_assert_cmpint (count_items (other, "李四"), ==, 500);
}

static void
test_automatic_wrong_clock (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = open_db (f->path);
  g_autoptr(GDateTime) later = g_date_time_new_local (2031, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) today = day (5);
  g_autofree char *made = NULL;
  g_autofree char *folder = fz_backup_get_folder (f->path);
  g_autofree char *names = NULL;

  /* A backup dated in the future, from a clock that was wrong: the day's new
   * one stays even when only one is kept. */
  g_assert_true (fz_backup_automatic (db, 1, later, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_backup_automatic (db, 1, today, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  names = listing (folder);
  g_assert_cmpstr (names, ==, "county-2025-03-05.db");
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "monday.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  GStatBuf st;

  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "张三");
    g_assert_true (fz_backup_database (db, backup, &error));
    g_assert_no_error (error);
    add_items (db, "李四");
  }

  g_assert_true (fz_backup_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);

  /* The database is Monday's again; what it was is kept beside it. */
  g_assert_cmpint (count_items (f->path, "张三"), ==, 500);
  g_assert_cmpint (count_items (f->path, "李四"), ==, 0);
  g_assert_nonnull (kept);
  kept_name = g_path_get_basename (kept);
  g_assert_true (g_str_has_prefix (kept_name, "county.db.before-restore-"));
  g_assert_cmpint (g_stat (kept, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_items (kept, "李四"), ==, 500);
  g_assert_cmpint (count_items (backup, "李四"), ==, 0);

  /* The restored database works as before. */
  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "王五");
  }
  g_assert_cmpint (count_items (f->path, "王五"), ==, 500);
}

static void
test_restore_into_new_place (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "monday.db", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "new", "fuzhu.db", NULL);
  g_autofree char *kept = NULL;

  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "张三");
    g_assert_true (fz_backup_database (db, backup, &error));
  }
  g_assert_true (fz_backup_restore (elsewhere, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);
  g_assert_cmpint (count_items (elsewhere, "张三"), ==, 500);
}

static void
test_restore_over_damaged (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "monday.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GBytes) kept_bytes = NULL;
  g_autofree char *junk = g_strnfill (8192, '#');

  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "张三");
    g_assert_true (fz_backup_database (db, backup, &error));
  }

  /* The database was overwritten with something that is not one: restore is
   * what the user needs most then. What was there is kept, byte for byte. */
  g_assert_true (g_file_set_contents (f->path, junk, -1, NULL));
  garbage = read_file (f->path);
  g_assert_true (fz_backup_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  kept_bytes = read_file (kept);
  g_assert_true (g_bytes_equal (garbage, kept_bytes));
  g_assert_cmpint (count_items (f->path, "张三"), ==, 500);
}

static void
test_restore_other_page_size (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "small-pages.db", NULL);
  g_autofree char *kept = NULL;
  sqlite3 *raw = NULL;

  /* A database made with 1 KiB pages, by another SQLite, say. */
  g_assert_cmpint (sqlite3_open (other, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA page_size = 1024; CREATE TABLE x (y)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  {
    g_autoptr(FzDatabase) db = open_db (other);
    add_items (db, "赵六");
    g_assert_true (fz_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  }
  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "张三");
  }

  g_assert_true (fz_backup_restore (f->path, other, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_items (f->path, "赵六"), ==, 500);
  g_assert_cmpint (count_items (f->path, "张三"), ==, 0);
}

static void
test_restore_in_use (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = open_db (f->path);
  g_autofree char *backup = g_build_filename (f->dir, "monday.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_items (db, "张三");
  g_assert_true (fz_backup_database (db, backup, &error));
  add_items (db, "李四");
  before = listing (f->dir);

  /* A window still has it open: refused (after the busy timeout), untouched. */
  g_assert_false (fz_backup_restore (f->path, backup, &kept, &error));
  g_assert_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use"));
  g_assert_null (kept);
  after = listing (f->dir);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&db);
  g_assert_cmpint (count_items (f->path, "李四"), ==, 500);
}

typedef enum {
  BAD_TEXT,
  BAD_EMPTY,
  BAD_FOLDER,
  BAD_MISSING,
  BAD_TRUNCATED,
  BAD_DAMAGED,
  BAD_NOT_FUZHU,
  BAD_TOO_NEW,
  BAD_REFERENCES,
} Bad;

static const struct {
  Bad         bad;
  const char *name;
  int         code;
  const char *says;
} bad_files[] = {
  { BAD_TEXT, "persons.csv", FZ_BACKUP_ERROR_INVALID, "not an SQLite file" },
  { BAD_EMPTY, "empty.db", FZ_BACKUP_ERROR_INVALID, "empty" },
  { BAD_FOLDER, "a-folder", FZ_BACKUP_ERROR_INVALID, "folder" },
  { BAD_MISSING, "missing.db", FZ_BACKUP_ERROR_NOT_FOUND, "no file" },
  { BAD_TRUNCATED, "truncated.db", FZ_BACKUP_ERROR_DAMAGED, "damaged" },
  { BAD_DAMAGED, "damaged.db", FZ_BACKUP_ERROR_DAMAGED, "damaged" },
  { BAD_NOT_FUZHU, "other-program.db", FZ_BACKUP_ERROR_INVALID, "fz_schema" },
  { BAD_TOO_NEW, "from-the-future.db", FZ_BACKUP_ERROR_TOO_NEW, "newer Fuzhu" },
  { BAD_REFERENCES, "dangling.db", FZ_BACKUP_ERROR_DAMAGED, "refers to a row" },
};

static void
write_bytes (const char *path,
             GBytes     *bytes,
             gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) len, &error));
  g_assert_no_error (error);
}

/* Makes the hostile file @bad at @path from the good backup @good. */
/* A file another program changed: Fuzhu's access triggers call functions
 * only Fuzhu's connection has, so such a program drops them first. */
static void
drop_triggers (sqlite3 *raw)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT name FROM sqlite_master WHERE type = 'trigger'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP TRIGGER \"%w\"", (char *) g_ptr_array_index (names, i));

      g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
    }
}

static void
make_bad_file (Bad         bad,
               const char *path,
               const char *good)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_file (good);
  gsize len = g_bytes_get_size (bytes);
  sqlite3 *raw = NULL;

  switch (bad)
    {
    case BAD_TEXT:
      g_assert_true (g_file_set_contents (path, "姓名,身份证号\n张三,11010519491231002X\n", -1, NULL));
      break;
    case BAD_EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      break;
    case BAD_FOLDER:
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      break;
    case BAD_MISSING:
      break;
    case BAD_TRUNCATED:
      /* Cut off in the middle, as by a full USB stick. */
      write_bytes (path, bytes, len / 2);
      break;
    case BAD_DAMAGED:
      {
        /* A block of zeros over the middle pages, header intact. */
        guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
        g_autoptr(GBytes) damaged = NULL;

        memset (data + len / 3, 0x5a, len / 3);
        damaged = g_bytes_new_take (data, len);
        write_bytes (path, damaged, len);
      }
      break;
    case BAD_NOT_FUZHU:
      g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (raw);
      break;
    case BAD_TOO_NEW:
    case BAD_REFERENCES:
      write_bytes (path, bytes, len);
      g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
      drop_triggers (raw);
      g_assert_cmpint (sqlite3_exec (raw, bad == BAD_TOO_NEW
                                          ? "UPDATE fz_schema SET version = 999 WHERE owner = 'core'"
                                          : "INSERT INTO t_item (name, county) VALUES ('孤儿', '999999')",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (raw);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  g_autofree char *bad_dir = g_build_filename (f->dir, "bad", NULL);

  {
    g_autoptr(FzDatabase) db = open_db (f->path);
    add_items (db, "张三");
    add_items (db, "李四");
    g_assert_true (fz_backup_database (db, good, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir (bad_dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *bad = g_build_filename (bad_dir, bad_files[i].name, NULL);
      g_autoptr(GBytes) db_before = NULL;
      g_autoptr(GBytes) db_after = NULL;
      g_autoptr(GBytes) bad_before = NULL;
      g_autoptr(GBytes) bad_after = NULL;
      g_autofree char *list_before = NULL;
      g_autofree char *list_after = NULL;
      g_autofree char *bad_list_before = NULL;
      g_autofree char *bad_list_after = NULL;
      g_autofree char *kept = NULL;

      make_bad_file (bad_files[i].bad, bad, good);
      g_test_message ("restoring from %s", bad_files[i].name);

      db_before = read_file (f->path);
      list_before = listing (f->dir);
      bad_list_before = listing (bad_dir);
      if (g_file_test (bad, G_FILE_TEST_IS_REGULAR))
        bad_before = read_file (bad);

      g_assert_false (fz_backup_restore (f->path, bad, &kept, &error));
      g_assert_error (error, FZ_BACKUP_ERROR, bad_files[i].code);
      g_assert_nonnull (strstr (error->message, bad));
      g_assert_nonnull (strstr (error->message, bad_files[i].says));
      g_assert_null (kept);
      g_test_message ("%s", error->message);
      g_clear_error (&error);

      /* Nothing was touched: the database, its folder, the file itself. */
      db_after = read_file (f->path);
      g_assert_true (g_bytes_equal (db_before, db_after));
      list_after = listing (f->dir);
      g_assert_cmpstr (list_after, ==, list_before);
      bad_list_after = listing (bad_dir);
      g_assert_cmpstr (bad_list_after, ==, bad_list_before);
      if (bad_before)
        {
          bad_after = read_file (bad);
          g_assert_true (g_bytes_equal (bad_before, bad_after));
        }
    }

  g_assert_cmpint (count_items (f->path, "李四"), ==, 500);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Backup/to-file", Fixture, NULL, fixture_setup, test_backup_to_file, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/online", Fixture, NULL, fixture_setup, test_backup_is_online, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/file", Fixture, NULL, fixture_setup, test_backup_file, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/automatic", Fixture, NULL, fixture_setup, test_automatic, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/automatic-wrong-clock", Fixture, NULL, fixture_setup, test_automatic_wrong_clock, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/restore-into-new-place", Fixture, NULL, fixture_setup, test_restore_into_new_place, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/restore-over-damaged", Fixture, NULL, fixture_setup, test_restore_over_damaged, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/restore-other-page-size", Fixture, NULL, fixture_setup, test_restore_other_page_size, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/restore-in-use", Fixture, NULL, fixture_setup, test_restore_in_use, fixture_teardown);
  g_test_add ("/Fuzhu/Backup/restore-refuses-bad-files", Fixture, NULL, fixture_setup, test_restore_refuses, fixture_teardown);

  return g_test_run ();
}
