/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"

G_BEGIN_DECLS

#define FZ_DATABASE_ERROR (fz_database_error_quark ())

/* What a caller can act on, mapped from SQLite's result codes. */
typedef enum {
  FZ_DATABASE_ERROR_FAILED,     /* anything else; the message says what */
  FZ_DATABASE_ERROR_CONSTRAINT, /* UNIQUE, FOREIGN KEY, CHECK, NOT NULL */
  FZ_DATABASE_ERROR_BUSY,       /* another process holds the write lock */
  FZ_DATABASE_ERROR_CORRUPT,    /* not a database, or damaged */
  FZ_DATABASE_ERROR_TOO_NEW,    /* written by a newer Fuzhu: left untouched */
  FZ_DATABASE_ERROR_READONLY,   /* file or folder not writable */
  FZ_DATABASE_ERROR_FULL,       /* disk full */
  FZ_DATABASE_ERROR_MIGRATION,  /* a schema step failed and was rolled back */
  FZ_DATABASE_ERROR_NOT_FOUND,  /* a row that was asked for does not exist */
  FZ_DATABASE_ERROR_DENIED,     /* the signed-in operator may not do that (see fz-access.h) */
} FzDatabaseError;

GQuark fz_database_error_quark (void);

/* One schema step of an owner (core or a plugin). Versions start at 1 and
 * rise by one; a released step is never edited, a change is a new step. */
typedef struct {
  guint       version;
  const char *sql;
} FzMigration;

typedef gboolean (*FzTransactionFunc) (FzDatabase  *db,
                                       gpointer     user_data,
                                       GError     **error);

#define FZ_TYPE_DATABASE (fz_database_get_type ())
G_DECLARE_FINAL_TYPE (FzDatabase, fz_database, FZ, DATABASE, GObject)

/* The default location: $XDG_DATA_HOME/fuzhu/fuzhu.db. Free with g_free(). */
char        *fz_database_default_path     (void);

/* Opens (creating it, with its folder, readable by the owner only) the
 * database at @path, with foreign keys on and WAL journaling, then applies
 * the core schema. Fails with TOO_NEW, without writing anything, when the
 * file was made by a newer Fuzhu; CORRUPT when it is not a database. */
FzDatabase  *fz_database_open             (const char   *path,
                                           GError      **error);
const char  *fz_database_get_path         (FzDatabase   *self);

/* Applies the steps of @migrations that @owner has not had yet, all in one
 * transaction, and records the new version in fz_schema. When the database
 * records a version above the last of @migrations, fails with TOO_NEW and
 * changes nothing; a failing step rolls back every step (MIGRATION). */
gboolean     fz_database_migrate          (FzDatabase        *self,
                                           const char        *owner,
                                           const FzMigration *migrations,
                                           guint              n_migrations,
                                           GError           **error);
/* The version @owner is at, 0 when it has none. */
guint        fz_database_get_schema_version (FzDatabase *self,
                                             const char *owner);

/* Runs @sql, which must carry no user data (DDL, fixed statements). */
gboolean     fz_database_exec             (FzDatabase   *self,
                                           const char   *sql,
                                           GError      **error);
/* Runs one statement with @params (a tuple GVariant, may be floating,
 * or NULL) bound to ?1, ?2...: "s" text, "x"/"i"/"u"/"t"/"b" integers,
 * "d" real, "ms" or any maybe type empty = NULL, "ay" blob. */
gboolean     fz_database_execute          (FzDatabase   *self,
                                           const char   *sql,
                                           GVariant     *params,
                                           GError      **error);
/* The first column of the first row as an integer; @found tells whether
 * there was a row (may be NULL, in which case no row is an error). */
gboolean     fz_database_query_int64      (FzDatabase   *self,
                                           const char   *sql,
                                           GVariant     *params,
                                           gint64       *value,
                                           gboolean     *found,
                                           GError      **error);
gint64       fz_database_last_insert_rowid (FzDatabase  *self);
gint64       fz_database_changes          (FzDatabase   *self);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints. Every begin is matched by exactly one commit or rollback. */
gboolean     fz_database_begin            (FzDatabase   *self,
                                           GError      **error);
gboolean     fz_database_commit           (FzDatabase   *self,
                                           GError      **error);
void         fz_database_rollback         (FzDatabase   *self);
gboolean     fz_database_in_transaction   (FzDatabase   *self);
/* Runs @func in a transaction: committed when it returns TRUE, rolled
 * back whole when it returns FALSE (with @error set) or commit fails. */
gboolean     fz_database_transaction      (FzDatabase        *self,
                                           FzTransactionFunc  func,
                                           gpointer           user_data,
                                           GError           **error);

/* A prepared statement from the database's cache. Unref it when done: it is
 * reset and returned to the cache. Columns and parameters count from 0 and 1
 * as in SQLite. */
FzStatement *fz_database_prepare          (FzDatabase   *self,
                                           const char   *sql,
                                           GError      **error);
/* Prepares @sql and binds @params: the usual way to run a query. */
FzStatement *fz_database_query            (FzDatabase   *self,
                                           const char   *sql,
                                           GVariant     *params,
                                           GError      **error);

#define FZ_TYPE_STATEMENT (fz_statement_get_type ())
GType        fz_statement_get_type        (void) G_GNUC_CONST;
FzStatement *fz_statement_ref             (FzStatement  *stmt);
void         fz_statement_unref           (FzStatement  *stmt);
gboolean     fz_statement_bind            (FzStatement  *stmt,
                                           GVariant     *params,
                                           GError      **error);
void         fz_statement_bind_text       (FzStatement  *stmt,
                                           int           index,
                                           const char   *value);
void         fz_statement_bind_int64      (FzStatement  *stmt,
                                           int           index,
                                           gint64        value);
void         fz_statement_bind_double     (FzStatement  *stmt,
                                           int           index,
                                           double        value);
void         fz_statement_bind_null       (FzStatement  *stmt,
                                           int           index);
/* TRUE when a row is ready; FALSE at the end (error unset) or on failure. */
gboolean     fz_statement_step            (FzStatement  *stmt,
                                           GError      **error);
/* Steps to the end, for statements that return no rows. */
gboolean     fz_statement_run             (FzStatement  *stmt,
                                           GError      **error);
void         fz_statement_reset           (FzStatement  *stmt);
int          fz_statement_column_count    (FzStatement  *stmt);
const char  *fz_statement_column_name     (FzStatement  *stmt,
                                           int           column);
gboolean     fz_statement_is_null         (FzStatement  *stmt,
                                           int           column);
const char  *fz_statement_get_text        (FzStatement  *stmt,
                                           int           column);
char        *fz_statement_dup_text        (FzStatement  *stmt,
                                           int           column);
gint64       fz_statement_get_int64       (FzStatement  *stmt,
                                           int           column);
double       fz_statement_get_double      (FzStatement  *stmt,
                                           int           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzStatement, fz_statement_unref)

G_END_DECLS
