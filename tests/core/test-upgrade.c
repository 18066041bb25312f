/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-upgrade"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "fuzhu.h"

/* Databases made by released versions (tests/fixtures/schema-VERSION.sql,
 * written by build-aux/make-upgrade-fixture) opened by this code, with every
 * measure of the build tree loaded so that every owner migrates: nothing of
 * what the old version kept may be lost or changed.
 *
 * Elsewhere: a failing migration rolls back whole (test-database.c
 * migrate-steps; test-plugins.c load-good-and-broken, the broken-migration
 * fixture plugin), and a file whose "core" owner is newer is refused
 * untouched (test-database.c refuse-newer). */

typedef struct {
  char *dir;
  char *reference;  /* the dump loaded, never opened by Fuzhu */
  char *path;       /* a copy of it, for Fuzhu */
} Fixture;

typedef struct {
  FzDatabase      *db;
  GSettings       *settings;
  FzContext       *context;
  FzPluginManager *manager;
} Opened;

typedef struct {
  gint64  rows;
  char   *checksum;
} TableSum;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *sql_path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3) raw = NULL;
  char *message = NULL;
  int rc;

  f->dir = g_dir_make_tmp ("fuzhu-upgrade-XXXXXX", &error);
  g_assert_no_error (error);
  f->reference = g_build_filename (f->dir, "reference.db", NULL);
  f->path = g_build_filename (f->dir, "county.db", NULL);

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->reference, &raw), ==, SQLITE_OK);
  rc = sqlite3_exec (raw, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("Could not load %s: %s", sql_path, message);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->reference);
  g_free (f->path);
  g_free (f->dir);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &bytes, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, bytes, (gssize) length, &error));
  g_assert_no_error (error);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return raw;
}

static void
exec_raw (sqlite3    *raw,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The build tree's measures only ($FUZHU_PLUGIN_PATH), never an installed one. */
static Opened
open_with_plugins (const char *path,
                   gboolean    expect_success)
{
  g_auto(GStrv) paths = g_strsplit (g_getenv ("FUZHU_PLUGIN_PATH"), ":", -1);
  g_autoptr(GError) error = NULL;
  Opened o = { 0 };

  o.db = fz_database_open (path, &error);
  g_assert_no_error (error);
  o.settings = g_settings_new (APP_ID);
  g_settings_reset (o.settings, "disabled-plugins");
  o.context = fz_context_new (o.db, o.settings, "tester");
  o.manager = fz_plugin_manager_new_for_paths (o.context, (const char * const *) paths);
  fz_plugin_manager_load_all (o.manager);

  if (expect_success)
    {
      GListModel *plugins = fz_plugin_manager_get_plugins (o.manager);

      g_assert_cmpuint (g_list_model_get_n_items (plugins), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
        {
          g_autoptr(FzPluginEntry) entry = g_list_model_get_item (plugins, i);

          if (fz_plugin_entry_get_state (entry) != FZ_PLUGIN_STATE_LOADED)
            g_error ("The plugin %s did not load: %s", fz_plugin_entry_get_id (entry),
                     fz_plugin_entry_get_reason (entry));
        }
    }
  return o;
}

static void
close_opened (Opened *o)
{
  g_assert_finalize_object (o->manager);
  g_assert_finalize_object (o->context);
  g_assert_finalize_object (o->settings);
  g_assert_finalize_object (o->db);
}

/* owner -> version, from fz_schema. */
static GHashTable *
read_versions (const char *path)
{
  GHashTable *versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3) raw = open_raw (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT owner, version FROM fz_schema", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (versions, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_finalize (stmt);
  return versions;
}

/* What the current code makes of an empty file: the current version of
 * every owner (core only, or with the measures), and its schema. */
static char *
make_current (Fixture  *f,
              gboolean  with_plugins)
{
  char *path = g_build_filename (f->dir, with_plugins ? "current.db" : "current-core.db", NULL);

  if (with_plugins)
    {
      Opened o = open_with_plugins (path, TRUE);
      close_opened (&o);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      FzDatabase *db = fz_database_open (path, &error);

      g_assert_no_error (error);
      g_assert_finalize_object (db);
    }
  return path;
}

static char *
quote (const char *identifier)
{
  g_autoptr(GString) s = g_string_new ("\"");

  for (const char *p = identifier; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The tables of schema @db of @raw (but SQLite's own), each with whether it has rowids. */
static GPtrArray *
list_tables (sqlite3    *raw,
             const char *db,
             GArray     *has_rowid)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                       "SELECT name, wr FROM pragma_table_list WHERE schema = ?1 AND type = 'table'"
                                       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, db, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean rowid = sqlite3_column_int (stmt, 1) == 0;

      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (has_rowid, rowid);
    }
  sqlite3_finalize (stmt);
  return tables;
}

/* "rowid, a, b, c" (no rowid for a WITHOUT ROWID table), the columns of
 * @table in schema @db. */
static char *
column_list (sqlite3    *raw,
             const char *db,
             const char *table,
             gboolean    rowid)
{
  GString *columns = g_string_new (rowid ? "rowid" : NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT name FROM pragma_table_info(?1, ?2) ORDER BY cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, db, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *name = quote ((const char *) sqlite3_column_text (stmt, 0));

      if (columns->len)
        g_string_append (columns, ", ");
      g_string_append (columns, name);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (columns->len, >, 0);
  return g_string_free (columns, FALSE);
}

/* The rows of @table in schema @db, @columns only, in rowid order (or key
 * order without rowids), each value with its storage class. */
static TableSum
sum_table (sqlite3    *raw,
           const char *db,
           const char *table,
           const char *columns)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *qtable = quote (table);
  g_autofree char *qdb = quote (db);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s.%s ORDER BY 1", columns, qdb, qtable);
  sqlite3_stmt *stmt = NULL;
  TableSum sum = { 0 };
  int rc;

  /* Without rowids the first column need not be the key: order by every column. */
  if (!g_str_has_prefix (columns, "rowid"))
    {
      g_free (sql);
      sql = g_strdup_printf ("SELECT %s FROM %s.%s ORDER BY %s", columns, qdb, qtable, columns);
    }
  if (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (raw));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          int type = sqlite3_column_type (stmt, i);
          guint8 tag = (guint8) type;
          g_autofree char *text = NULL;

          g_checksum_update (checksum, &tag, 1);
          switch (type)
            {
            case SQLITE_INTEGER:
              text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_FLOAT:
              text = g_strdup_printf ("%.17g", sqlite3_column_double (stmt, i));
              break;
            case SQLITE_TEXT:
            case SQLITE_BLOB:
              {
                const void *bytes = sqlite3_column_blob (stmt, i);
                gsize n = (gsize) sqlite3_column_bytes (stmt, i);
                guint64 size = n;

                g_checksum_update (checksum, (const guchar *) &size, sizeof size);
                if (n)
                  g_checksum_update (checksum, bytes, n);
              }
              break;
            case SQLITE_NULL:
            default:
              break;
            }
          if (text)
            g_checksum_update (checksum, (const guchar *) text, -1);
        }
      sum.rows++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sum.checksum = g_strdup (g_checksum_get_string (checksum));
  return sum;
}

/* Every table of the reference (attached as "fixture") still in main with
 * every row: same count, same values (and rowids), same checksum. */
static void
assert_records_intact (sqlite3     *raw,
                       const char  *only_prefix)
{
  g_autoptr(GArray) has_rowid = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) tables = list_tables (raw, "fixture", has_rowid);
  guint checked = 0;

  g_assert_cmpuint (tables->len, >, 0);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gboolean rowid = g_array_index (has_rowid, gboolean, i);
      g_autofree char *columns = NULL;
      g_autofree char *qtable = quote (table);
      g_autofree char *missing_sql = NULL;
      sqlite3_stmt *stmt = NULL;
      TableSum before, after;

      /* fz_schema's versions are meant to change. */
      if (g_str_equal (table, "fz_schema") || (only_prefix && !g_str_has_prefix (table, only_prefix)))
        continue;
      columns = column_list (raw, "fixture", table, rowid);

      /* The first row that is gone or changed, to say which. */
      missing_sql = g_strdup_printf ("SELECT %s FROM fixture.%s EXCEPT SELECT %s FROM main.%s LIMIT 1",
                                     columns, qtable, columns, qtable);
      if (sqlite3_prepare_v2 (raw, missing_sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("The table %s lost a column: %s", table, sqlite3_errmsg (raw));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_error ("A row of %s is gone or changed: the first column is %s", table,
                 (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      before = sum_table (raw, "fixture", table, columns);
      after = sum_table (raw, "main", table, columns);
      if (before.rows != after.rows || g_strcmp0 (before.checksum, after.checksum) != 0)
        g_error ("%s had %" G_GINT64_FORMAT " rows (%s) and has %" G_GINT64_FORMAT " (%s)", table,
                 before.rows, before.checksum, after.rows, after.checksum);
      g_free (before.checksum);
      g_free (after.checksum);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
  g_test_message ("%u tables intact", checked);
}

static void
attach_reference (sqlite3    *raw,
                  const char *reference)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "ATTACH ?1 AS fixture", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Tables, indexes and triggers as SQLite keeps them, one per line. */
static char *
dump_schema (const char *path)
{
  g_autoptr(sqlite3) raw = open_raw (path);
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                       "SELECT type, name, sql FROM sqlite_master"
                                       " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

/* Names the first object that differs, rather than print two whole schemas. */
static void
assert_same_schema (const char *upgraded,
                    const char *fresh)
{
  g_auto(GStrv) a = g_strsplit (upgraded, "\n", -1);
  g_auto(GStrv) b = g_strsplit (fresh, "\n", -1);

  for (guint i = 0; a[i] || b[i]; i++)
    if (a[i] == NULL || b[i] == NULL || !g_str_equal (a[i], b[i]))
      g_error ("The upgraded schema differs from a new database's (was a released step edited?):\n"
               "  upgraded: %s\n  new:      %s", a[i] ? a[i] : "(nothing)", b[i] ? b[i] : "(nothing)");
}

static void
assert_sound (sqlite3 *raw)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA main.integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA main.foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("A row of %s (rowid %lld) refers to a missing row of %s",
             sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
}

static void
test_records_intact (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *current = make_current (f, TRUE);
  g_autoptr(GHashTable) fixture_versions = read_versions (f->reference);
  g_autoptr(GHashTable) current_versions = read_versions (current);
  g_autoptr(GHashTable) versions = NULL;
  g_autofree char *current_schema = dump_schema (current);
  g_autofree char *schema = NULL;
  g_autoptr(sqlite3) raw = NULL;
  GHashTableIter iter;
  gpointer owner, version;
  Opened o;

  copy_file (f->reference, f->path);
  o = open_with_plugins (f->path, TRUE);
  close_opened (&o);

  /* Every owner, the fixture's and the current code's, at the current version. */
  versions = read_versions (f->path);
  g_hash_table_iter_init (&iter, fixture_versions);
  while (g_hash_table_iter_next (&iter, &owner, &version))
    if (!g_hash_table_contains (current_versions, owner))
      g_error ("The fixture has data of “%s”, which this code no longer knows", (const char *) owner);
  g_hash_table_iter_init (&iter, current_versions);
  while (g_hash_table_iter_next (&iter, &owner, &version))
    {
      if (GPOINTER_TO_INT (g_hash_table_lookup (fixture_versions, owner)) != GPOINTER_TO_INT (version))
        g_test_message ("%s: from version %d to %d", (const char *) owner,
                        GPOINTER_TO_INT (g_hash_table_lookup (fixture_versions, owner)), GPOINTER_TO_INT (version));
      g_assert_true (g_hash_table_contains (versions, owner));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (versions, owner)), ==, GPOINTER_TO_INT (version));
    }

  /* The steps made the schema a new file gets: no released step was edited. */
  schema = dump_schema (f->path);
  assert_same_schema (schema, current_schema);

  raw = open_raw (f->path);
  assert_sound (raw);
  attach_reference (raw, f->reference);
  assert_records_intact (raw, NULL);
}

static void
bump_version (const char *path,
              const char *owner,
              int         version)
{
  g_autoptr(sqlite3) raw = open_raw (path);
  g_autofree char *sql = NULL;
  g_autofree char *quoted = g_strdup_printf ("'%s'", owner);

  /* Without the triggers: those of the access guard and the audit log call
   * functions that only Fuzhu's own connections have (fz-access-guard.c). */
  g_assert_cmpint (sqlite3_db_config (raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL), ==, SQLITE_OK);

  g_assert_null (strchr (owner, '\''));
  /* An owner the fixture's version did not know yet gets its row. */
  sql = g_strdup_printf ("INSERT INTO fz_schema (owner, version) VALUES (%s, %d)"
                         " ON CONFLICT (owner) DO UPDATE SET version = excluded.version", quoted, version);
  exec_raw (raw, sql);
  g_assert_cmpint (sqlite3_changes (raw), ==, 1);
}

/* Data of any of libfuzhu's owners from a newer Fuzhu: refused, the file
 * left byte for byte as it was. */
static void
test_newer_core_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *current = make_current (f, FALSE);
  g_autoptr(GHashTable) core_versions = read_versions (current);
  GHashTableIter iter;
  gpointer owner, version;

  g_assert_cmpuint (g_hash_table_size (core_versions), >, 1);
  g_hash_table_iter_init (&iter, core_versions);
  while (g_hash_table_iter_next (&iter, &owner, &version))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
      gsize len_before, len_after;
      FzDatabase *db;

      copy_file (f->reference, f->path);
      bump_version (f->path, owner, GPOINTER_TO_INT (version) + 1);
      g_assert_true (g_file_get_contents (f->path, &before, &len_before, NULL));

      db = fz_database_open (f->path, &error);
      g_assert_null (db);
      g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_TOO_NEW);
      g_assert_nonnull (strstr (error->message, owner));

      g_assert_true (g_file_get_contents (f->path, &after, &len_after, NULL));
      g_assert_cmpmem (before, len_before, after, len_after);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

/* A measure's data from a newer Fuzhu: that measure is refused with the
 * reason, its data untouched; the others load. */
static void
test_newer_plugin_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *core = make_current (f, FALSE);
  g_autofree char *current = make_current (f, TRUE);
  g_autoptr(GHashTable) core_versions = read_versions (core);
  g_autoptr(GHashTable) current_versions = read_versions (current);
  GHashTableIter iter;
  gpointer owner, version;
  guint plugins = 0;

  g_hash_table_iter_init (&iter, current_versions);
  while (g_hash_table_iter_next (&iter, &owner, &version))
    {
      g_autofree char *bumped = g_build_filename (f->dir, "bumped.db", NULL);
      g_auto(GStrv) words = NULL;
      g_autofree char *prefix = NULL;
      g_autoptr(sqlite3) raw = NULL;
      g_autoptr(GHashTable) versions = NULL;
      GListModel *list;
      Opened o;

      if (g_hash_table_contains (core_versions, owner))
        continue;
      plugins++;
      copy_file (f->reference, f->path);
      bump_version (f->path, owner, GPOINTER_TO_INT (version) + 1);
      copy_file (f->path, bumped);

      o = open_with_plugins (f->path, FALSE);
      list = fz_plugin_manager_get_plugins (o.manager);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(FzPluginEntry) entry = g_list_model_get_item (list, i);

          if (g_str_equal (fz_plugin_entry_get_id (entry), owner))
            {
              g_assert_cmpint (fz_plugin_entry_get_state (entry), ==, FZ_PLUGIN_STATE_FAILED);
              g_assert_nonnull (strstr (fz_plugin_entry_get_reason (entry), "newer Fuzhu"));
            }
          else
            g_assert_cmpint (fz_plugin_entry_get_state (entry), ==, FZ_PLUGIN_STATE_LOADED);
        }
      close_opened (&o);

      /* Its tables are named after its id, in snake_case. */
      words = g_strsplit (owner, "-", -1);
      prefix = g_strjoinv ("_", words);
      raw = open_raw (f->path);
      assert_sound (raw);
      attach_reference (raw, bumped);
      assert_records_intact (raw, prefix);
      versions = read_versions (f->path);
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (versions, owner)), ==, GPOINTER_TO_INT (version) + 1);
    }
  g_assert_cmpuint (plugins, >, 0);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) fixtures = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* One set of cases per released version: schema-VERSION.sql. */
  dir = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, "schema-") && g_str_has_suffix (name, ".sql"))
      g_ptr_array_add (fixtures, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (fixtures, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (fixtures->len, >, 0);

  for (guint i = 0; i < fixtures->len; i++)
    {
      const char *path = g_ptr_array_index (fixtures, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *version = g_strndup (base + strlen ("schema-"),
                                            strlen (base) - strlen ("schema-") - strlen (".sql"));
      g_autofree char *intact = g_strdup_printf ("/Fuzhu/Upgrade/%s/records-intact", version);
      g_autofree char *core = g_strdup_printf ("/Fuzhu/Upgrade/%s/newer-core-refused", version);
      g_autofree char *plugin = g_strdup_printf ("/Fuzhu/Upgrade/%s/newer-plugin-refused", version);

      g_test_add (intact, Fixture, path, fixture_setup, test_records_intact, fixture_teardown);
      g_test_add (core, Fixture, path, fixture_setup, test_newer_core_refused, fixture_teardown);
      g_test_add (plugin, Fixture, path, fixture_setup, test_newer_plugin_refused, fixture_teardown);
    }

  return g_test_run ();
}
