/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fz-access-private.h"
#include "fz-core-private.h"
#include "fz-certificate-register-private.h"
#include "fz-database-private.h"
#include "fz-registry-private.h"

G_DEFINE_QUARK (fz-database-error-quark, fz_database_error)

struct _FzStatement
{
  gatomicrefcount  ref;
  FzDatabase      *db;      /* strong */
  sqlite3_stmt    *stmt;
  char            *sql;     /* the cache key */
  gboolean         upsert;  /* an UPSERT made to name its table (fz-access-guard.c) */
};

struct _FzDatabase
{
  GObject     parent_instance;
  sqlite3    *handle;
  char       *path;
  GHashTable *cache;      /* sql -> idle sqlite3_stmt* */
  guint       depth;      /* transaction nesting */
  FzGuard    *guard;      /* who is signed in, and the rules they work under */
};

G_DEFINE_TYPE (FzDatabase, fz_database, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (FzStatement, fz_statement, fz_statement_ref, fz_statement_unref)

/* The core's own schema. Released steps are never edited. */
static const FzMigration core_migrations[] = {
  { 1,
    "CREATE TABLE fz_county ("
    "  code TEXT PRIMARY KEY CHECK (length(code) = 6),"
    "  name TEXT NOT NULL UNIQUE,"
    "  parent TEXT REFERENCES fz_county(code),"
    "  sort INTEGER NOT NULL DEFAULT 0);"
    "INSERT INTO fz_county (code, name, parent, sort) VALUES"
    "  ('330800', '衢州市', NULL, 0),"
    "  ('330802', '柯城区', '330800', 1),"
    "  ('330803', '衢江区', '330800', 2),"
    "  ('330822', '常山县', '330800', 3),"
    "  ('330824', '开化县', '330800', 4),"
    "  ('330825', '龙游县', '330800', 5),"
    "  ('330881', '江山市', '330800', 6);"
    "CREATE TABLE fz_setting ("
    "  owner TEXT NOT NULL,"
    "  key TEXT NOT NULL,"
    "  value TEXT,"
    "  PRIMARY KEY (owner, key));" },
};

static const guint core_n_migrations = G_N_ELEMENTS (core_migrations);
static const guint documents_n_migrations = FZ_DOCUMENTS_N_MIGRATIONS;
static const guint registry_n_migrations = FZ_REGISTRY_N_MIGRATIONS;

/* libfuzhu's subsystems are owners like any plugin, each with its own
 * steps, so that they grow independently. Applied in this order at open. */
static const struct {
  const char        *owner;
  const FzMigration *migrations;
  const guint       *n_migrations;
} core_owners[] = {
  { "core", core_migrations, &core_n_migrations },
  /* Second, so that the tables made after it get their audit triggers as
   * they are made. */
  { "access", _fz_access_migrations, &_fz_access_n_migrations },
  { "targets", _fz_targets_migrations, &_fz_targets_n_migrations },
  { "report", _fz_report_migrations, &_fz_report_n_migrations },
  { "documents", _fz_documents_migrations, &documents_n_migrations },
  { "registry", _fz_registry_migrations, &registry_n_migrations },
  { "rules", _fz_rules_migrations, &_fz_rules_n_migrations },
};

static int
map_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: return FZ_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     return FZ_DATABASE_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:     return FZ_DATABASE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:   return FZ_DATABASE_ERROR_READONLY;
    case SQLITE_FULL:       return FZ_DATABASE_ERROR_FULL;
    case SQLITE_AUTH:       return FZ_DATABASE_ERROR_DENIED;
    default:                return FZ_DATABASE_ERROR_FAILED;
    }
}

/* SQLite's own words where they help, ours where the user has to act. */
static const char *
explain (int         rc,
         const char *sqlite_message)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("the database is busy: another program is saving to it. Try again in a moment");
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_READONLY:
      return _("the database or its folder is read-only");
    case SQLITE_NOTADB:
      return _("the file is not a database");
    case SQLITE_CORRUPT:
      return _("the database file is damaged");
    default:
      return sqlite_message ? sqlite_message : sqlite3_errstr (rc);
    }
}

void
_fz_database_set_error (FzDatabase  *self,
                        GError     **error,
                        int          rc,
                        const char  *doing)
{
  const char *msg = self && self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  /* The access rules say themselves what was refused and why. */
  if (map_code (rc) == FZ_DATABASE_ERROR_DENIED)
    g_set_error_literal (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_DENIED, msg);
  else
    g_set_error (error, FZ_DATABASE_ERROR, map_code (rc), "%s: %s", doing, explain (rc, msg));
}

static void
fz_database_finalize (GObject *object)
{
  FzDatabase *self = FZ_DATABASE (object);

  if (self->depth > 0)
    g_critical ("Database %s closed inside a transaction; it is rolled back", self->path);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->guard, _fz_guard_free);
  if (self->handle)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);

  G_OBJECT_CLASS (fz_database_parent_class)->finalize (object);
}

static void
fz_database_class_init (FzDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
fz_database_init (FzDatabase *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

char *
fz_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fuzhu", "fuzhu.db", NULL);
}

const char *
fz_database_get_path (FzDatabase *self)
{
  g_return_val_if_fail (FZ_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
fz_database_exec (FzDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (FZ_IS_DATABASE (self), FALSE);

  if (self->guard)
    _fz_guard_statement_started (self->guard);
  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &errmsg);
  if (self->guard)
    _fz_guard_statement_finished (self->guard);
  if ((rc & 0xff) == SQLITE_AUTH && g_strcmp0 (errmsg, "not authorized") == 0)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_DENIED,
                   _("Fuzhu’s access rules do not allow this: %s"), sql);
      sqlite3_free (errmsg);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, FZ_DATABASE_ERROR, map_code (rc), "%s", explain (rc, errmsg));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

/* Reads fz_schema without creating it, so that a newer file can be refused
 * before anything is written to it. */
static gboolean
read_version (FzDatabase  *self,
              const char  *owner,
              guint       *version,
              GError     **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  gint64 has_table = 0;

  *version = 0;
  if (!fz_database_query_int64 (self,
                                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'fz_schema'",
                                NULL, &has_table, NULL, error))
    return FALSE;
  if (!has_table)
    return TRUE;

  stmt = fz_database_query (self, "SELECT version FROM fz_schema WHERE owner = ?1",
                            g_variant_new ("(s)", owner), error);
  if (stmt == NULL)
    return FALSE;
  if (fz_statement_step (stmt, error))
    *version = (guint) fz_statement_get_int64 (stmt, 0);
  else if (error && *error)
    return FALSE;
  return TRUE;
}

guint
fz_database_get_schema_version (FzDatabase *self,
                                const char *owner)
{
  guint version = 0;

  g_return_val_if_fail (FZ_IS_DATABASE (self), 0);
  if (!read_version (self, owner, &version, NULL))
    return 0;
  return version;
}

static gboolean
check_not_newer (FzDatabase         *self,
                 const char         *owner,
                 const FzMigration  *migrations,
                 guint               n_migrations,
                 guint              *current,
                 GError            **error)
{
  guint known = n_migrations > 0 ? migrations[n_migrations - 1].version : 0;

  if (!read_version (self, owner, current, error))
    return FALSE;
  if (*current > known)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_TOO_NEW,
                   _("The data of “%s” in %s is at version %u, made by a newer Fuzhu that knows more than this one (version %u). Install the newer Fuzhu; the file was not changed."),
                   owner, self->path, *current, known);
      return FALSE;
    }
  return TRUE;
}

/* FUZHU_SQL_PROFILE=MS: every statement that ran for MS milliseconds or
 * more (all of them with 0), with its time, on stderr: for finding what is
 * slow, never on in use. */
static int
profile_cb (unsigned int  type,
            void         *data,
            void         *statement,
            void         *nanoseconds)
{
  static gint64 threshold = -1;
  gint64 ns = *(gint64 *) nanoseconds;
  char *sql;

  if (threshold < 0)
    threshold = g_ascii_strtoll (g_getenv ("FUZHU_SQL_PROFILE"), NULL, 10) * 1000000;
  if (ns < threshold)
    return 0;
  /* The statement as written, without the values bound to it. */
  sql = g_strndup (sqlite3_sql (statement), 160);
  g_printerr ("fuzhu-sql: %8.2f ms  %s\n", (double) ns / 1e6, sql);
  g_free (sql);
  return 0;
}

static gboolean apply_migrations (FzDatabase        *self,
                                  const char        *owner,
                                  const FzMigration *migrations,
                                  guint              n_migrations,
                                  GError           **error);

gboolean
fz_database_migrate (FzDatabase         *self,
                     const char         *owner,
                     const FzMigration  *migrations,
                     guint               n_migrations,
                     GError            **error)
{
  guint current = 0;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (owner != NULL, FALSE);

  for (guint i = 0; i < n_migrations; i++)
    g_return_val_if_fail (migrations[i].version == i + 1, FALSE);

  if (!check_not_newer (self, owner, migrations, n_migrations, &current, error))
    return FALSE;
  if (current == n_migrations)
    return TRUE;

  if (self->guard == NULL)
    return apply_migrations (self, owner, migrations, n_migrations, error);

  /* The steps see the tables themselves and may write any of them; access's
   * own steps make the audit trail, which nothing else may touch. */
  _fz_guard_begin_migration (self->guard);
  if (g_str_equal (owner, "access"))
    _fz_guard_enter_internal (self->guard);
  ok = apply_migrations (self, owner, migrations, n_migrations, error);
  if (g_str_equal (owner, "access"))
    _fz_guard_leave_internal (self->guard);
  _fz_guard_end_migration (self->guard);
  return ok;
}

static gboolean
apply_migrations (FzDatabase         *self,
                  const char         *owner,
                  const FzMigration  *migrations,
                  guint               n_migrations,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  guint current = 0;

  if (!fz_database_begin (self, error))
    return FALSE;

  /* Read again under the write lock: another process may have migrated. */
  if (!fz_database_exec (self,
                         "CREATE TABLE IF NOT EXISTS fz_schema ("
                         "  owner TEXT PRIMARY KEY,"
                         "  version INTEGER NOT NULL,"
                         "  applied TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
                         &local_error) ||
      !check_not_newer (self, owner, migrations, n_migrations, &current, &local_error))
    goto failed;

  for (guint i = current; i < n_migrations; i++)
    {
      if (!fz_database_exec (self, migrations[i].sql, &local_error))
        {
          g_autoptr(GError) step_error = g_steal_pointer (&local_error);
          g_set_error (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_MIGRATION,
                       _("Could not update the data of “%s” to version %u: %s"),
                       owner, migrations[i].version, step_error->message);
          goto failed;
        }
    }

  if (!fz_database_execute (self,
                            "INSERT INTO fz_schema (owner, version) VALUES (?1, ?2) "
                            "ON CONFLICT (owner) DO UPDATE SET version = excluded.version, "
                            "applied = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                            g_variant_new ("(su)", owner, migrations[n_migrations - 1].version),
                            &local_error))
    goto failed;

  /* In the same transaction: a new table is never without its triggers. */
  if (self->guard && !_fz_guard_install_triggers (self->guard, &local_error))
    goto failed;

  if (!fz_database_commit (self, &local_error))
    goto failed;
  return TRUE;

failed:
  if (fz_database_in_transaction (self))
    fz_database_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
open_handle (FzDatabase  *self,
             int          flags,
             GError     **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->handle, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not open the database %s"), self->path);
      _fz_database_set_error (self, error, rc, doing);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, FZ_DATABASE_BUSY_TIMEOUT_MS);
  if (g_getenv ("FUZHU_SQL_PROFILE"))
    sqlite3_trace_v2 (self->handle, SQLITE_TRACE_PROFILE, profile_cb, NULL);
  return TRUE;
}

FzDatabase *
_fz_database_open_plain (const char  *path,
                         GError     **error)
{
  g_autoptr(FzDatabase) self = g_object_new (FZ_TYPE_DATABASE, NULL);

  self->path = g_strdup (path);
  if (!open_handle (self, SQLITE_OPEN_READWRITE, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
_fz_database_check_core_versions (FzDatabase  *self,
                                  GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (core_owners); i++)
    {
      guint version;

      if (!check_not_newer (self, core_owners[i].owner, core_owners[i].migrations,
                            *core_owners[i].n_migrations, &version, error))
        return FALSE;
    }
  return TRUE;
}

/* Switching a file to WAL needs it alone for a moment, and SQLite does not
 * wait for that: two processes making a new database at once would see
 * "busy" at once. Tries again until the busy timeout. */
static gboolean
set_wal (FzDatabase  *self,
         GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + FZ_DATABASE_BUSY_TIMEOUT_MS * G_GINT64_CONSTANT (1000);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (fz_database_exec (self, "PRAGMA journal_mode = WAL", &local_error))
        break;
      if (!g_error_matches (local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_BUSY) ||
          g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
  return fz_database_exec (self, "PRAGMA synchronous = NORMAL", error);
}

FzDatabase *
fz_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(FzDatabase) self = NULL;
  g_autofree char *dir = NULL;
  guint core_version = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  _fz_i18n_init ();
  self = g_object_new (FZ_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (strcmp (path, ":memory:") != 0)
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_READONLY,
                       _("Could not create the folder %s: %s"), dir, g_strerror (saved));
          return NULL;
        }
      /* SQLite writes its journal beside the file: say so now rather than
       * fail at the first change with "unable to open database file". */
      if (g_access (dir, W_OK) != 0)
        {
          int saved = errno;
          g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_READONLY,
                       _("Could not open the database %s: its folder %s is read-only (%s). Fuzhu keeps a journal beside the database; move the database to a folder you can write to"),
                       path, dir, g_strerror (saved));
          return NULL;
        }
      /* Create the file ourselves, so that it is the owner's alone from the start. */
      fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, FZ_DATABASE_ERROR,
                       saved == ENOSPC ? FZ_DATABASE_ERROR_FULL : FZ_DATABASE_ERROR_READONLY,
                       _("Could not open the database %s: %s"), path, g_strerror (saved));
          return NULL;
        }
      g_close (fd, NULL);
    }

  if (!open_handle (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;
  self->guard = _fz_guard_new (self, self->handle);

  /* Recursive triggers, so that a row REPLACE removes goes through the
   * delete triggers (guard and audit) like any other. */
  if (!fz_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON", error))
    return NULL;

  {
    g_autoptr(GError) local_error = NULL;

    if (!check_not_newer (self, "core", core_migrations, G_N_ELEMENTS (core_migrations),
                          &core_version, &local_error))
      {
        /* The first read of the file: where a damaged one shows. */
        if (local_error->code == FZ_DATABASE_ERROR_CORRUPT)
          g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CORRUPT,
                       _("Could not open the database %s: the file is damaged or is not a database. Nothing was written to it; restore the last good backup with “fuzhu restore FILE”"),
                       path);
        else
          {
            if (local_error->code != FZ_DATABASE_ERROR_TOO_NEW)
              g_prefix_error (&local_error, _("Could not open the database %s: "), path);
            g_propagate_error (error, g_steal_pointer (&local_error));
          }
        return NULL;
      }
  }

  for (guint i = 1; i < G_N_ELEMENTS (core_owners); i++)
    {
      guint version;
      if (!check_not_newer (self, core_owners[i].owner, core_owners[i].migrations,
                            *core_owners[i].n_migrations, &version, error))
        return NULL;
    }

  /* A city's registry is some 100 MB: searching it as one types wants it
   * in memory rather than read a page at a time (SQLite's default cache
   * is 2 MB). Temporary data stays in memory too: a statement's own journal
   * (of an INSERT of many rows, say, or any write to a table with triggers,
   * as the audit trail's are) would otherwise spill to a file past 64 KB,
   * and a bulk import wrote it all to disk. */
  if (!set_wal (self, error) ||
      !fz_database_exec (self, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; "
                         "PRAGMA temp_store = MEMORY", error))
    {
      g_prefix_error (error, _("Could not open the database %s: "), path);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (core_owners); i++)
    if (!fz_database_migrate (self, core_owners[i].owner, core_owners[i].migrations,
                              *core_owners[i].n_migrations, error))
      {
        g_prefix_error (error, _("Could not open the database %s: "), path);
        return NULL;
      }
  /* Single-user mode, or nobody signed in when there are accounts. */
  if (!_fz_guard_start (self->guard, error))
    {
      g_prefix_error (error, _("Could not open the database %s: "), path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gint64
fz_database_last_insert_rowid (FzDatabase *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

gint64
fz_database_changes (FzDatabase *self)
{
  gint64 forwarded = self->guard ? _fz_guard_get_forwarded_changes (self->guard) : -1;

  /* A write through a county scope's view counts the rows of the table. */
  return forwarded >= 0 ? forwarded : sqlite3_changes64 (self->handle);
}

FzGuard *
_fz_database_get_guard (FzDatabase *self)
{
  return self->guard;
}

gboolean
fz_database_in_transaction (FzDatabase *self)
{
  return self->depth > 0;
}

gboolean
fz_database_begin (FzDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (FZ_IS_DATABASE (self), FALSE);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT fz_%u", self->depth);

  if (!fz_database_exec (self, sql, error))
    {
      g_prefix_error (error, _("Could not start a change in %s: "), self->path);
      return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
fz_database_commit (FzDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (FZ_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE fz_%u", self->depth - 1);

  if (!fz_database_exec (self, sql, error))
    {
      g_prefix_error (error, _("Could not save the change in %s: "), self->path);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
fz_database_rollback (FzDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (FZ_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO fz_%u; RELEASE fz_%u", self->depth - 1, self->depth - 1);

  /* A ROLLBACK can only fail when SQLite already rolled back on its own. */
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  self->depth--;
}

gboolean
fz_database_transaction (FzDatabase         *self,
                         FzTransactionFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!fz_database_begin (self, error))
    return FALSE;
  if (!func (self, user_data, &local_error))
    {
      fz_database_rollback (self);
      if (local_error == NULL)
        g_set_error_literal (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_FAILED,
                             _("The change was cancelled"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!fz_database_commit (self, error))
    {
      fz_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}

FzStatement *
fz_database_prepare (FzDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  FzStatement *st;
  gpointer key = NULL, value = NULL;
  sqlite3_stmt *raw = NULL;

  g_return_val_if_fail (FZ_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (g_hash_table_lookup_extended (self->cache, sql, &key, &value))
    {
      raw = value;
      g_hash_table_steal (self->cache, sql);
      g_free (key);
    }
  else
    {
      int rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, NULL);
      g_autofree char *rewritten = NULL;

      /* SQLite does not UPSERT a view, which is what a county scope puts
       * in place of the table. */
      if (rc == SQLITE_ERROR && self->guard &&
          g_strcmp0 (sqlite3_errmsg (self->handle), "cannot UPSERT a view") == 0 &&
          (rewritten = _fz_guard_rewrite_upsert (self->guard, sql)) != NULL)
        {
          _fz_guard_begin_upsert (self->guard);
          rc = sqlite3_prepare_v3 (self->handle, rewritten, -1, SQLITE_PREPARE_PERSISTENT, &raw, NULL);
          _fz_guard_end_upsert (self->guard);
        }
      if ((rc & 0xff) == SQLITE_AUTH)
        {
          g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_DENIED,
                       _("Your account may not run this query: it reads records outside your county, "
                         "or changes what Fuzhu keeps for itself (%s)"), sql);
          return NULL;
        }
      if (rc != SQLITE_OK)
        {
          _fz_database_set_error (self, error, rc, _("Could not prepare a query"));
          g_prefix_error (error, "%s: ", sql);
          return NULL;
        }
    }

  st = g_new0 (FzStatement, 1);
  g_atomic_ref_count_init (&st->ref);
  st->db = g_object_ref (self);
  st->stmt = raw;
  st->sql = g_strdup (sql);
  st->upsert = strcmp (sqlite3_sql (raw), sql) != 0;
  return st;
}

FzStatement *
fz_database_query (FzDatabase  *self,
                   const char  *sql,
                   GVariant    *params,
                   GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GVariant) sunk = params ? g_variant_ref_sink (params) : NULL;

  st = fz_database_prepare (self, sql, error);
  if (st == NULL)
    return NULL;
  if (sunk && !fz_statement_bind (st, sunk, error))
    return NULL;
  return g_steal_pointer (&st);
}

gboolean
fz_database_execute (FzDatabase  *self,
                     const char  *sql,
                     GVariant    *params,
                     GError     **error)
{
  g_autoptr(FzStatement) st = fz_database_query (self, sql, params, error);

  return st != NULL && fz_statement_run (st, error);
}

gboolean
fz_database_query_int64 (FzDatabase  *self,
                         const char  *sql,
                         GVariant    *params,
                         gint64      *value,
                         gboolean    *found,
                         GError     **error)
{
  g_autoptr(FzStatement) st = fz_database_query (self, sql, params, error);
  g_autoptr(GError) local_error = NULL;

  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, &local_error))
    {
      if (value)
        *value = fz_statement_get_int64 (st, 0);
      if (found)
        *found = TRUE;
      return TRUE;
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (found)
    {
      *found = FALSE;
      return TRUE;
    }
  g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
               _("No row was found for: %s"), sql);
  return FALSE;
}

/* FzStatement */

FzStatement *
fz_statement_ref (FzStatement *stmt)
{
  g_atomic_ref_count_inc (&stmt->ref);
  return stmt;
}

void
fz_statement_unref (FzStatement *stmt)
{
  FzDatabase *db;

  if (!g_atomic_ref_count_dec (&stmt->ref))
    return;

  db = stmt->db;
  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
  if (db->cache != NULL && !g_hash_table_contains (db->cache, stmt->sql))
    g_hash_table_insert (db->cache, g_steal_pointer (&stmt->sql), stmt->stmt);
  else
    sqlite3_finalize (stmt->stmt);
  g_free (stmt->sql);
  g_object_unref (db);
  g_free (stmt);
}

static gboolean
bind_one (FzStatement  *st,
          int           index,
          GVariant     *value,
          GError      **error)
{
  sqlite3_stmt *s = st->stmt;
  const GVariantType *type = g_variant_get_type (value);
  int rc;

  if (g_variant_type_is_maybe (type))
    {
      g_autoptr(GVariant) child = g_variant_get_maybe (value);
      if (child == NULL)
        return sqlite3_bind_null (s, index) == SQLITE_OK;
      return bind_one (st, index, child, error);
    }
  if (g_variant_type_equal (type, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) child = g_variant_get_variant (value);
      return bind_one (st, index, child, error);
    }

  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_STRING:
      rc = sqlite3_bind_text (s, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
      break;
    case G_VARIANT_CLASS_INT64:   rc = sqlite3_bind_int64 (s, index, g_variant_get_int64 (value)); break;
    case G_VARIANT_CLASS_INT32:   rc = sqlite3_bind_int64 (s, index, g_variant_get_int32 (value)); break;
    case G_VARIANT_CLASS_UINT32:  rc = sqlite3_bind_int64 (s, index, g_variant_get_uint32 (value)); break;
    case G_VARIANT_CLASS_UINT64:  rc = sqlite3_bind_int64 (s, index, (sqlite3_int64) g_variant_get_uint64 (value)); break;
    case G_VARIANT_CLASS_INT16:   rc = sqlite3_bind_int64 (s, index, g_variant_get_int16 (value)); break;
    case G_VARIANT_CLASS_BYTE:    rc = sqlite3_bind_int64 (s, index, g_variant_get_byte (value)); break;
    case G_VARIANT_CLASS_BOOLEAN: rc = sqlite3_bind_int64 (s, index, g_variant_get_boolean (value)); break;
    case G_VARIANT_CLASS_DOUBLE:  rc = sqlite3_bind_double (s, index, g_variant_get_double (value)); break;
    case G_VARIANT_CLASS_ARRAY:
      if (g_variant_type_equal (type, G_VARIANT_TYPE_BYTESTRING))
        {
          gsize n = 0;
          const guint8 *data = g_variant_get_fixed_array (value, &n, 1);
          rc = sqlite3_bind_blob64 (s, index, data, n, SQLITE_TRANSIENT);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_FAILED,
                   "Parameter %d of “%s” has the type %s, which cannot be stored",
                   index, st->sql, g_variant_get_type_string (value));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      _fz_database_set_error (st->db, error, rc, "Could not bind a parameter");
      return FALSE;
    }
  return TRUE;
}

gboolean
fz_statement_bind (FzStatement  *stmt,
                   GVariant     *params,
                   GError      **error)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (params);
  gsize n;

  g_return_val_if_fail (g_variant_is_of_type (sunk, G_VARIANT_TYPE_TUPLE), FALSE);

  n = g_variant_n_children (sunk);
  if ((int) n != sqlite3_bind_parameter_count (stmt->stmt))
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_FAILED,
                   "“%s” takes %d parameters, %" G_GSIZE_FORMAT " were given",
                   stmt->sql, sqlite3_bind_parameter_count (stmt->stmt), n);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (sunk, i);
      if (!bind_one (stmt, (int) i + 1, child, error))
        return FALSE;
    }
  return TRUE;
}

void
fz_statement_bind_text (FzStatement *stmt, int index, const char *value)
{
  if (value)
    sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt->stmt, index);
}

void
fz_statement_bind_int64 (FzStatement *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (stmt->stmt, index, value);
}

void
fz_statement_bind_double (FzStatement *stmt, int index, double value)
{
  sqlite3_bind_double (stmt->stmt, index, value);
}

void
fz_statement_bind_null (FzStatement *stmt, int index)
{
  sqlite3_bind_null (stmt->stmt, index);
}

gboolean
fz_statement_step (FzStatement  *stmt,
                   GError      **error)
{
  FzGuard *guard = stmt->db->guard;
  int rc;

  if (guard && !sqlite3_stmt_busy (stmt->stmt))
    _fz_guard_statement_started (guard);
  if (stmt->upsert)
    _fz_guard_begin_upsert (guard);
  rc = sqlite3_step (stmt->stmt);
  if (stmt->upsert)
    _fz_guard_end_upsert (guard);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (guard)
    _fz_guard_statement_finished (guard);
  if (rc == SQLITE_DONE)
    return FALSE;
  _fz_database_set_error (stmt->db, error, rc, _("A database query failed"));
  sqlite3_reset (stmt->stmt);
  return FALSE;
}

gboolean
fz_statement_run (FzStatement  *stmt,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  while (fz_statement_step (stmt, &local_error))
    ;
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sqlite3_reset (stmt->stmt);
  return TRUE;
}

void
fz_statement_reset (FzStatement *stmt)
{
  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
}

int
fz_statement_column_count (FzStatement *stmt)
{
  return sqlite3_column_count (stmt->stmt);
}

const char *
fz_statement_column_name (FzStatement *stmt, int column)
{
  return sqlite3_column_name (stmt->stmt, column);
}

gboolean
fz_statement_is_null (FzStatement *stmt, int column)
{
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

const char *
fz_statement_get_text (FzStatement *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt->stmt, column);
}

char *
fz_statement_dup_text (FzStatement *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt->stmt, column));
}

gint64
fz_statement_get_int64 (FzStatement *stmt, int column)
{
  return sqlite3_column_int64 (stmt->stmt, column);
}

double
fz_statement_get_double (FzStatement *stmt, int column)
{
  return sqlite3_column_double (stmt->stmt, column);
}

sqlite3 *
_fz_database_get_handle (FzDatabase *self)
{
  return self->handle;
}
