/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "fz-access.h"
#include "fz-database.h"

G_BEGIN_DECLS

/* The database layer's side of access control (fz-access-guard.c): one
 * FzGuard per connection, made by fz_database_open(). It keeps who is
 * signed in, and through SQL functions, triggers, TEMP views and an
 * authorizer it keeps the rules for every statement run on the connection. */

typedef struct _FzGuard FzGuard;

/* The access subsystem's own schema steps (owner "access"). */
extern const FzMigration _fz_access_migrations[];
extern const guint       _fz_access_n_migrations;

/* Registers the SQL functions and the authorizer on @handle. @db is not
 * referenced (the guard lives as long as the database). */
FzGuard    *_fz_guard_new                 (FzDatabase   *db,
                                           sqlite3      *handle);
void        _fz_guard_free                (FzGuard      *guard);

/* Sets the session once the schema is in place: single-user mode with the
 * system user when there is no account, else nobody signed in. */
gboolean    _fz_guard_start               (FzGuard      *guard,
                                           GError      **error);

/* Migrations: before the steps, the TEMP views of a county scope go (the
 * steps must see the tables themselves) and writes are allowed; after them,
 * in the same transaction, the guard and audit triggers of every table are
 * brought up to date (_fz_guard_install_triggers). _fz_guard_end_migration
 * then puts the scope back. */
void        _fz_guard_begin_migration     (FzGuard      *guard);
gboolean    _fz_guard_install_triggers    (FzGuard      *guard,
                                           GError      **error);
void        _fz_guard_end_migration       (FzGuard      *guard);

/* Around each statement run through FzDatabase, so that a write made
 * through a county scope's views leaves last_insert_rowid() and
 * fz_database_changes() as a write to the table would. */
void        _fz_guard_statement_started   (FzGuard      *guard);
void        _fz_guard_statement_finished  (FzGuard      *guard);
/* The number of rows the last statement changed through a scope view, or
 * -1 when it did not go through one. */
gint64      _fz_guard_get_forwarded_changes (FzGuard    *guard);

/* An INSERT ... ON CONFLICT into a scoped table, which SQLite refuses on
 * its view, made to name the table (main.T); NULL when @sql is not one.
 * Prepare and step the result between begin and end_upsert. */
char       *_fz_guard_rewrite_upsert      (FzGuard      *guard,
                                           const char   *sql);
void        _fz_guard_begin_upsert        (FzGuard      *guard);
void        _fz_guard_end_upsert          (FzGuard      *guard);

/* With @table, the new rows of @table are not audited one by one until
 * this is called again with NULL: the caller writes one audit row for them
 * all (an import: which file, which ids), in the same transaction.
 * Changes to existing rows are still audited each. */
void        _fz_guard_set_bulk_insert     (FzGuard      *guard,
                                           const char   *table);

/* Who is signed in. */
typedef struct {
  FzRole     role;
  gint64     operator_id;   /* fz_operator.id; 0 in single-user mode */
  char      *operator_name; /* the account, or the system user in single-user mode */
  char      *county_code;   /* county staff only */
  char      *client;        /* "window", "command line"... or NULL */
  gboolean   single_user;
} FzSession;

const FzSession *_fz_guard_get_session    (FzGuard      *guard);
/* Replaces the session (NULL operator: nobody signed in) and sets up the
 * county scope it needs. */
gboolean    _fz_guard_set_session         (FzGuard      *guard,
                                           FzRole        role,
                                           gint64        operator_id,
                                           const char   *operator_name,
                                           const char   *county_code,
                                           const char   *client,
                                           gboolean      single_user,
                                           GError      **error);
void        _fz_guard_set_client          (FzGuard      *guard,
                                           const char   *client);
/* Names the single-user operator (tests, and the system user). */
void        _fz_guard_set_single_user_name (FzGuard     *guard,
                                            const char  *name);
/* While raised, libfuzhu's own statements pass the authorizer and the write
 * rules (sign-in bookkeeping, audit events). Always paired. */
void        _fz_guard_enter_internal      (FzGuard      *guard);
void        _fz_guard_leave_internal      (FzGuard      *guard);
/* Whether the session reads through a county scope (county staff, or
 * nobody signed in), so that a query must not count rows behind it. */
gboolean    _fz_guard_is_scoped           (FzGuard      *guard);
/* TRUE when this connection reads identity, certificate and phone numbers
 * masked already (a viewer's): nothing to mask again. */
gboolean    _fz_guard_masks_personal      (FzGuard      *guard);

/* The guard of @db. */
FzGuard    *_fz_database_get_guard        (FzDatabase   *db);

/* Session helpers on a database. */
FzRole      _fz_access_get_role           (FzDatabase   *db);
gboolean    _fz_access_can                (FzDatabase   *db,
                                           FzPermission  permission);
/* Sets DENIED (or SIGN_IN_REQUIRED) unless the session has @permission;
 * @doing says what was refused ("export persons"). */
gboolean    _fz_access_check              (FzDatabase   *db,
                                           FzPermission  permission,
                                           const char   *doing,
                                           GError      **error);

/* Appends an event (sign-in, export...) to the audit trail, in the caller's
 * transaction if any. @details is a JSON object or NULL. */
gboolean    _fz_audit_record_event        (FzDatabase   *db,
                                           const char   *action,
                                           const char   *table_name,
                                           const char   *record_id,
                                           const char   *details,
                                           GError      **error);
/* @details as JSON for an export: {"what": @what, "file": @path, "rows":
 * @rows}, leaving out NULL strings and negative @rows. */
char       *_fz_audit_export_details      (const char   *path,
                                           gint64        rows,
                                           const char   *what);

G_END_DECLS
