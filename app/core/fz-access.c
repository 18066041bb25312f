/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-access"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <sqlite3.h>

#include "fz-access-private.h"
#include "fz-context.h"
#include "fz-database.h"

G_DEFINE_QUARK (fz-access-error-quark, fz_access_error)

/* Released steps are never edited; a change is a new step.
 *
 * Passwords are kept as libsodium's argon2id strings only; the CHECK makes
 * storing anything else (a password by mistake) fail. fz_audit is written
 * by triggers only and never changed: its own triggers refuse UPDATE and
 * DELETE, and the connection's authorizer refuses anything else. */
const FzMigration _fz_access_migrations[] = {
  { 1,
    "CREATE TABLE fz_operator ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),"
    "  display_name TEXT,"
    "  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),"
    "  role TEXT NOT NULL CHECK (role IN ('administrator', 'city-staff', 'county-staff', 'viewer')),"
    "  scope_county TEXT REFERENCES fz_county(code),"
    "  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  CHECK ((role = 'county-staff') = (scope_county IS NOT NULL)));"
    "CREATE TABLE fz_audit ("
    "  id INTEGER PRIMARY KEY,"
    "  time TEXT NOT NULL,"
    "  operator TEXT NOT NULL,"
    "  client TEXT,"
    "  action TEXT NOT NULL,"
    "  table_name TEXT NOT NULL,"
    "  record_id TEXT,"
    "  county_code TEXT,"
    "  old_values TEXT,"
    "  new_values TEXT);"
    /* A search by table, record, operator or days, newest first, reads its
     * index in order (an index ends with the rowid): no sort of every
     * match. Each index costs an import a few microseconds a row; an
     * action alone, rarely searched for, is not indexed. */
    "CREATE INDEX fz_audit_by_table ON fz_audit (table_name);"
    "CREATE INDEX fz_audit_by_record ON fz_audit (record_id);"
    "CREATE INDEX fz_audit_by_operator ON fz_audit (operator);"
    "CREATE INDEX fz_audit_by_time ON fz_audit (time);"
    "CREATE TRIGGER fz_audit_append_only_update BEFORE UPDATE ON fz_audit"
    "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only: its rows cannot be changed'); END;"
    "CREATE TRIGGER fz_audit_append_only_delete BEFORE DELETE ON fz_audit"
    "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only: its rows cannot be deleted'); END;" },
};
const guint _fz_access_n_migrations = G_N_ELEMENTS (_fz_access_migrations);

/* Roles and permissions */

static const char *role_nicks[] = {
  [FZ_ROLE_NONE] = "none",
  [FZ_ROLE_ADMINISTRATOR] = "administrator",
  [FZ_ROLE_CITY_STAFF] = "city-staff",
  [FZ_ROLE_COUNTY_STAFF] = "county-staff",
  [FZ_ROLE_VIEWER] = "viewer",
};

const char *
fz_role_to_nick (FzRole role)
{
  g_return_val_if_fail (role <= FZ_ROLE_VIEWER, "none");
  return role_nicks[role];
}

FzRole
fz_role_from_nick (const char *nick)
{
  for (guint i = FZ_ROLE_ADMINISTRATOR; i < G_N_ELEMENTS (role_nicks); i++)
    if (g_strcmp0 (nick, role_nicks[i]) == 0)
      return (FzRole) i;
  return FZ_ROLE_NONE;
}

const char *
fz_role_to_string (FzRole role)
{
  switch (role)
    {
    case FZ_ROLE_ADMINISTRATOR: return _("Administrator");
    case FZ_ROLE_CITY_STAFF:    return _("City staff");
    case FZ_ROLE_COUNTY_STAFF:  return _("County staff");
    case FZ_ROLE_VIEWER:        return _("Viewer");
    case FZ_ROLE_NONE:
    default:                    return _("Not signed in");
    }
}

gboolean
fz_role_can (FzRole       role,
             FzPermission permission)
{
  switch (permission)
    {
    case FZ_PERMISSION_READ:
      return role != FZ_ROLE_NONE;
    case FZ_PERMISSION_WRITE:
    case FZ_PERMISSION_SEE_PERSONAL:
    case FZ_PERMISSION_EXPORT_PERSONAL:
    case FZ_PERMISSION_READ_AUDIT:
      return role == FZ_ROLE_ADMINISTRATOR || role == FZ_ROLE_CITY_STAFF || role == FZ_ROLE_COUNTY_STAFF;
    case FZ_PERMISSION_MANAGE_ACCOUNTS:
    case FZ_PERMISSION_MANAGE_PLUGINS:
    case FZ_PERMISSION_EDIT_TARGETS:
    case FZ_PERMISSION_RESTORE:
    default:
      return role == FZ_ROLE_ADMINISTRATOR;
    }
}

FzRole
_fz_access_get_role (FzDatabase *db)
{
  FzGuard *guard = _fz_database_get_guard (db);

  return guard ? _fz_guard_get_session (guard)->role : FZ_ROLE_ADMINISTRATOR;
}

gboolean
_fz_access_can (FzDatabase   *db,
                FzPermission  permission)
{
  return fz_role_can (_fz_access_get_role (db), permission);
}

gboolean
_fz_access_check (FzDatabase    *db,
                  FzPermission   permission,
                  const char    *doing,
                  GError       **error)
{
  FzRole role = _fz_access_get_role (db);

  if (fz_role_can (role, permission))
    return TRUE;
  if (role == FZ_ROLE_NONE)
    g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_SIGN_IN_REQUIRED,
                 _("Sign in first: nobody may %s before signing in"), doing);
  else
    g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_DENIED,
                 _("An account with the role “%s” may not %s"), fz_role_to_string (role), doing);
  return FALSE;
}

gboolean
fz_access_error_is_denied (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_DENIED) ||
          g_error_matches (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_DENIED) ||
          g_error_matches (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_SIGN_IN_REQUIRED));
}

/* Accounts */

G_DEFINE_BOXED_TYPE (FzAccount, fz_account, fz_account_copy, fz_account_free)

FzAccount *
fz_account_copy (const FzAccount *account)
{
  FzAccount *copy = g_new0 (FzAccount, 1);

  copy->id = account->id;
  copy->name = g_strdup (account->name);
  copy->display_name = g_strdup (account->display_name);
  copy->role = account->role;
  copy->county_code = g_strdup (account->county_code);
  copy->disabled = account->disabled;
  copy->created = g_strdup (account->created);
  copy->last_sign_in = g_strdup (account->last_sign_in);
  return copy;
}

void
fz_account_free (FzAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->display_name);
  g_free (account->county_code);
  g_free (account->created);
  g_free (account->last_sign_in);
  g_free (account);
}

static gboolean
sodium_ready (GError **error)
{
  static gsize ready = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&ready))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&ready, 1);
    }
  if (!ok)
    g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                         _("The password library (libsodium) could not start"));
  return ok;
}

/* argon2id with libsodium's interactive limits (64 MiB, about a tenth of a
 * second): a stolen database file costs that much per guess. */
static char *
hash_password (const char  *password,
               GError     **error)
{
  char *hash;

  if (!sodium_ready (error))
    return NULL;
  hash = g_malloc0 (crypto_pwhash_STRBYTES);
  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_free (hash);
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("There was not enough memory to protect the password"));
      return NULL;
    }
  return hash;
}

static gboolean
verify_hash (const char *hash,
             const char *password)
{
  return hash != NULL && crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/* A hash to check a password against when the account does not exist, so
 * that an unknown name takes as long as a wrong password. */
static const char *
dummy_hash (void)
{
  static char *hash;

  if (hash == NULL)
    hash = hash_password ("fuzhu: no such account", NULL);
  return hash;
}

static FzGuard *
context_guard (FzContext *context)
{
  return _fz_database_get_guard (fz_context_get_database (context));
}

static char *
normalize_name (const char *name)
{
  g_autofree char *nfc = name ? g_utf8_normalize (name, -1, G_NORMALIZE_NFC) : NULL;

  return nfc ? g_strstrip (g_steal_pointer (&nfc)) : g_strdup ("");
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  glong length = g_utf8_strlen (name, -1);

  if (length == 0 || length > 64)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("An account name has 1 to 64 characters"));
      return FALSE;
    }
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                               _("An account name has no spaces"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fz_access_check_account_name (const char  *name,
                              GError     **error)
{
  g_autofree char *norm = normalize_name (name);

  return check_name (norm, error);
}

gboolean
fz_access_check_password (const char  *name,
                          const char  *password,
                          GError     **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < FZ_ACCESS_MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                   _("A password has at least %d characters"), FZ_ACCESS_MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  if (name && g_utf8_collate (name, password) == 0)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("A password must not be the account’s name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_role_county (FzDatabase  *db,
                   FzRole       role,
                   const char  *county_code,
                   GError     **error)
{
  gint64 found = 0;

  if (role == FZ_ROLE_NONE || role > FZ_ROLE_VIEWER)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("The role must be administrator, city staff, county staff or viewer"));
      return FALSE;
    }
  if (role != FZ_ROLE_COUNTY_STAFF)
    {
      if (county_code && *county_code)
        {
          g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                               _("Only county staff belong to a county"));
          return FALSE;
        }
      return TRUE;
    }
  if (county_code == NULL || *county_code == '\0' ||
      !fz_database_query_int64 (db, "SELECT count(*) FROM fz_county WHERE code = ?1 AND parent IS NOT NULL",
                                g_variant_new ("(s)", county_code), &found, NULL, error) ||
      found == 0)
    {
      g_clear_error (error);
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("County staff need one of the city’s counties"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fz_access_has_accounts (FzDatabase *database)
{
  FzGuard *guard;
  gint64 n = 0;

  g_return_val_if_fail (FZ_IS_DATABASE (database), FALSE);

  guard = _fz_database_get_guard (database);
  _fz_guard_enter_internal (guard);
  fz_database_query_int64 (database, "SELECT count(*) FROM main.fz_operator", NULL, &n, NULL, NULL);
  _fz_guard_leave_internal (guard);
  return n > 0;
}

gboolean
fz_access_file_has_accounts (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "SELECT EXISTS (SELECT 1 FROM main.fz_operator)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    has = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return has;
}

/* The audit trail's events */

char *
_fz_audit_export_details (const char *path,
                          gint64      rows,
                          const char *what)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (what)
    {
      json_builder_set_member_name (builder, "what");
      json_builder_add_string_value (builder, what);
    }
  if (path)
    {
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, path);
    }
  if (rows >= 0)
    {
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, rows);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
_fz_audit_record_event (FzDatabase  *db,
                        const char  *action,
                        const char  *table_name,
                        const char  *record_id,
                        const char  *details,
                        GError     **error)
{
  FzGuard *guard = _fz_database_get_guard (db);
  const FzSession *session = _fz_guard_get_session (guard);
  const char *county = session->role == FZ_ROLE_COUNTY_STAFF ? session->county_code : NULL;
  gboolean ok;

  /* Written past the authorizer, which keeps fz_audit to its triggers; json()
   * checks @details is JSON. */
  _fz_guard_enter_internal (guard);
  ok = fz_database_execute (db,
                            "INSERT INTO main.fz_audit (time, operator, client, action, table_name, record_id, "
                            "county_code, new_values) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                            "fz_audit_operator(), fz_audit_client(), ?1, ?2, ?3, ?4, json(?5))",
                            g_variant_new ("(ssmsmsms)", action, table_name, record_id, county, details),
                            error);
  _fz_guard_leave_internal (guard);
  return ok;
}

/* Creating and changing accounts */

static gboolean
require_manager (FzContext  *context,
                 GError    **error)
{
  return _fz_access_check (fz_context_get_database (context), FZ_PERMISSION_MANAGE_ACCOUNTS,
                           _("manage accounts"), error);
}

typedef struct {
  const char *name;
  const char *display_name;
  const char *hash;
  FzRole      role;
  const char *county_code;
  gint64      id;
} NewAccount;

static gboolean
create_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  NewAccount *add = user_data;
  gint64 taken = 0;

  if (!fz_database_query_int64 (db, "SELECT count(*) FROM fz_operator WHERE name = ?1",
                                g_variant_new ("(s)", add->name), &taken, NULL, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_EXISTS,
                   _("There is an account named “%s” already"), add->name);
      return FALSE;
    }
  if (!fz_database_execute (db,
                            "INSERT INTO fz_operator (name, display_name, password_hash, role, scope_county) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                            g_variant_new ("(smsssms)", add->name, add->display_name, add->hash,
                                           fz_role_to_nick (add->role), add->county_code),
                            error))
    return FALSE;
  add->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

static gboolean
start_session (FzContext   *context,
               gint64       id,
               const char  *name,
               FzRole       role,
               const char  *county_code,
               const char  *client,
               GError     **error)
{
  return _fz_guard_set_session (context_guard (context), role, id, name, county_code, client, FALSE, error);
}

gboolean
fz_access_create_account (FzContext   *context,
                          const char  *name,
                          const char  *display_name,
                          const char  *password,
                          FzRole       role,
                          const char  *county_code,
                          GError     **error)
{
  FzDatabase *db;
  const FzSession *session;
  g_autofree char *norm = normalize_name (name);
  g_autofree char *hash = NULL;
  g_autofree char *client = NULL;
  NewAccount add = { 0 };
  gboolean first;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  session = _fz_guard_get_session (context_guard (context));
  first = session->single_user;
  if (first && role != FZ_ROLE_ADMINISTRATOR)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("The first account must be an administrator’s"));
      return FALSE;
    }
  if (!first && !require_manager (context, error))
    return FALSE;
  if (!check_name (norm, error) ||
      !fz_access_check_password (norm, password, error) ||
      !check_role_county (db, role, county_code, error))
    return FALSE;

  hash = hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  add.name = norm;
  add.display_name = display_name && *display_name ? display_name : NULL;
  add.hash = hash;
  add.role = role;
  add.county_code = role == FZ_ROLE_COUNTY_STAFF ? county_code : NULL;
  if (!fz_database_transaction (db, create_txn, &add, error))
    {
      sodium_memzero (hash, strlen (hash));
      return FALSE;
    }
  sodium_memzero (hash, strlen (hash));

  /* The first administrator ends single-user mode, signed in. */
  if (first)
    {
      client = g_strdup (session->client);
      return start_session (context, add.id, norm, role, NULL, client, error) &&
             _fz_audit_record_event (db, "sign-in", "fz_operator", norm, NULL, error);
    }
  return TRUE;
}

static FzAccount *
account_from_row (FzStatement *row)
{
  FzAccount *account = g_new0 (FzAccount, 1);

  account->id = fz_statement_get_int64 (row, 0);
  account->name = fz_statement_dup_text (row, 1);
  account->display_name = fz_statement_dup_text (row, 2);
  account->role = fz_role_from_nick (fz_statement_get_text (row, 3));
  account->county_code = fz_statement_dup_text (row, 4);
  account->disabled = fz_statement_get_int64 (row, 5) != 0;
  account->created = fz_statement_dup_text (row, 6);
  account->last_sign_in = fz_statement_dup_text (row, 7);
  return account;
}

#define ACCOUNT_COLUMNS \
  "o.id, o.name, o.display_name, o.role, o.scope_county, o.disabled, o.created, " \
  "(SELECT a.time FROM main.fz_audit a WHERE a.operator = o.name AND a.action = 'sign-in' " \
  " ORDER BY a.id DESC LIMIT 1)"

GPtrArray *
fz_access_list_accounts (FzContext  *context,
                         GError    **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_account_free);
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  FzDatabase *db;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);

  if (!require_manager (context, error))
    return NULL;
  db = fz_context_get_database (context);
  stmt = fz_database_query (db, "SELECT " ACCOUNT_COLUMNS " FROM fz_operator o ORDER BY o.name", NULL, error);
  if (stmt == NULL)
    return NULL;
  while (fz_statement_step (stmt, &local_error))
    g_ptr_array_add (accounts, account_from_row (stmt));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

/* Reads account @name (past the rules: before anyone is signed in too).
 * NULL without an error when there is none. */
static FzAccount *
find_account (FzDatabase  *db,
              const char  *name,
              char       **hash,
              GError     **error)
{
  FzGuard *guard = _fz_database_get_guard (db);
  g_autoptr(FzStatement) stmt = NULL;
  FzAccount *account = NULL;

  _fz_guard_enter_internal (guard);
  stmt = fz_database_query (db, "SELECT " ACCOUNT_COLUMNS ", o.password_hash FROM main.fz_operator o "
                                "WHERE o.name = ?1", g_variant_new ("(s)", name), error);
  if (stmt && fz_statement_step (stmt, error))
    {
      account = account_from_row (stmt);
      if (hash)
        *hash = fz_statement_dup_text (stmt, 8);
    }
  g_clear_pointer (&stmt, fz_statement_unref);
  _fz_guard_leave_internal (guard);
  return account;
}

static gboolean
require_account (FzDatabase  *db,
                 const char  *name,
                 FzAccount  **account,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *account = find_account (db, name, NULL, &local_error);
  if (*account)
    return TRUE;
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_NOT_FOUND, _("There is no account named “%s”"), name);
  return FALSE;
}

/* Whether the change leaves at least one enabled administrator besides @id. */
static gboolean
other_administrators (FzDatabase  *db,
                      gint64       id,
                      gboolean    *others,
                      GError     **error)
{
  gint64 n = 0;

  if (!fz_database_query_int64 (db,
                                "SELECT count(*) FROM fz_operator WHERE role = 'administrator' "
                                "AND disabled = 0 AND id <> ?1",
                                g_variant_new ("(x)", id), &n, NULL, error))
    return FALSE;
  *others = n > 0;
  return TRUE;
}

typedef struct {
  FzAccount  *account;
  FzRole      role;
  const char *county_code;
  int         disabled;   /* -1: unchanged */
} AccountChange;

static gboolean
change_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  AccountChange *change = user_data;
  gboolean was_admin = change->account->role == FZ_ROLE_ADMINISTRATOR && !change->account->disabled;
  gboolean stays_admin = change->role == FZ_ROLE_ADMINISTRATOR &&
                         (change->disabled < 0 ? !change->account->disabled : !change->disabled);
  gboolean others = TRUE;

  if (was_admin && !stays_admin)
    {
      if (!other_administrators (db, change->account->id, &others, error))
        return FALSE;
      if (!others)
        {
          g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_LAST_ADMINISTRATOR,
                       _("%s is the last enabled administrator: make another administrator first"),
                       change->account->name);
          return FALSE;
        }
    }
  return fz_database_execute (db,
                              "UPDATE fz_operator SET role = ?2, scope_county = ?3, "
                              "disabled = coalesce(?4, disabled) WHERE id = ?1",
                              g_variant_new ("(xsmsmx)", change->account->id, fz_role_to_nick (change->role),
                                             change->role == FZ_ROLE_COUNTY_STAFF ? change->county_code : NULL,
                                             change->disabled >= 0, (gint64) MAX (change->disabled, 0)),
                              error);
}

gboolean
fz_access_set_role (FzContext   *context,
                    const char  *name,
                    FzRole       role,
                    const char  *county_code,
                    GError     **error)
{
  FzDatabase *db;
  g_autoptr(FzAccount) account = NULL;
  AccountChange change;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  if (!require_manager (context, error) ||
      !check_role_county (db, role, county_code, error) ||
      !require_account (db, name, &account, error))
    return FALSE;
  change = (AccountChange) { account, role, county_code, -1 };
  return fz_database_transaction (db, change_txn, &change, error);
}

gboolean
fz_access_set_disabled (FzContext   *context,
                        const char  *name,
                        gboolean     disabled,
                        GError     **error)
{
  FzDatabase *db;
  const FzSession *session;
  g_autoptr(FzAccount) account = NULL;
  AccountChange change;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  session = _fz_guard_get_session (context_guard (context));
  if (!require_manager (context, error) || !require_account (db, name, &account, error))
    return FALSE;
  if (disabled && account->id == session->operator_id)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("You cannot disable the account you are signed in with"));
      return FALSE;
    }
  change = (AccountChange) { account, account->role, account->county_code, disabled ? 1 : 0 };
  return fz_database_transaction (db, change_txn, &change, error);
}

static gboolean
store_hash (FzDatabase  *db,
            gint64       id,
            const char  *password,
            GError     **error)
{
  g_autofree char *hash = hash_password (password, error);
  gboolean ok;

  if (hash == NULL)
    return FALSE;
  ok = fz_database_execute (db, "UPDATE fz_operator SET password_hash = ?2 WHERE id = ?1",
                            g_variant_new ("(xs)", id, hash), error);
  sodium_memzero (hash, strlen (hash));
  return ok;
}

gboolean
fz_access_reset_password (FzContext   *context,
                          const char  *name,
                          const char  *new_password,
                          GError     **error)
{
  FzDatabase *db;
  g_autoptr(FzAccount) account = NULL;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  if (!require_manager (context, error) ||
      !require_account (db, name, &account, error) ||
      !fz_access_check_password (account->name, new_password, error))
    return FALSE;
  return store_hash (db, account->id, new_password, error);
}

/* Signing in and out */

gboolean
fz_access_sign_in (FzContext   *context,
                   const char  *name,
                   const char  *password,
                   const char  *client,
                   GError     **error)
{
  FzDatabase *db;
  FzGuard *guard;
  g_autofree char *norm = normalize_name (name);
  g_autofree char *hash = NULL;
  g_autoptr(FzAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean matches;
  gboolean rehash;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  guard = context_guard (context);
  if (!sodium_ready (error))
    return FALSE;

  account = *norm ? find_account (db, norm, &hash, &local_error) : NULL;
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Unknown names are checked against a hash too: no quicker answer. */
  matches = verify_hash (account ? hash : dummy_hash (), password ? password : "") && account != NULL;
  rehash = matches && crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                      crypto_pwhash_MEMLIMIT_INTERACTIVE) > 0;

  if (!matches || account->disabled)
    {
      /* Nobody is signed in now. A name that is no account is not kept: it
       * may be a password typed in the wrong field. */
      if (_fz_guard_get_session (guard)->role != FZ_ROLE_NONE)
        _fz_guard_set_session (guard, FZ_ROLE_NONE, 0, NULL, NULL, client, FALSE, NULL);
      _fz_audit_record_event (db, matches ? "sign-in-refused" : "sign-in-failed", "fz_operator",
                              account ? account->name : "(unknown account)", NULL, NULL);
      if (matches)
        g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_DISABLED,
                     _("The account “%s” is disabled: ask an administrator"), account->name);
      else
        g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_WRONG_PASSWORD,
                             _("The account name or the password is wrong"));
      return FALSE;
    }

  if (!start_session (context, account->id, account->name, account->role, account->county_code, client, error))
    return FALSE;
  /* Stronger limits since the hash was made: keep the stronger one. */
  if (rehash)
    {
      _fz_guard_enter_internal (guard);
      store_hash (db, account->id, password, NULL);
      _fz_guard_leave_internal (guard);
    }
  return _fz_audit_record_event (db, "sign-in", "fz_operator", account->name, NULL, error);
}

void
fz_access_set_client (FzContext  *context,
                      const char *client)
{
  g_return_if_fail (FZ_IS_CONTEXT (context));
  _fz_guard_set_client (context_guard (context), client);
}

void
fz_access_sign_out (FzContext *context)
{
  FzGuard *guard;
  const FzSession *session;
  g_autofree char *client = NULL;

  g_return_if_fail (FZ_IS_CONTEXT (context));

  guard = context_guard (context);
  session = _fz_guard_get_session (guard);
  if (session->single_user || session->role == FZ_ROLE_NONE)
    return;
  _fz_audit_record_event (fz_context_get_database (context), "sign-out", "fz_operator",
                          session->operator_name, NULL, NULL);
  client = g_strdup (session->client);
  _fz_guard_set_session (guard, FZ_ROLE_NONE, 0, NULL, NULL, client, FALSE, NULL);
}

/* Checks the signed-in operator's password; a wrong one is recorded as
 * @failure in the audit trail (NULL: not recorded). */
static gboolean
verify_password (FzContext   *context,
                 const char  *password,
                 const char  *failure,
                 GError     **error)
{
  FzDatabase *db;
  const FzSession *session;
  g_autofree char *hash = NULL;
  g_autoptr(FzAccount) account = NULL;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  session = _fz_guard_get_session (context_guard (context));
  if (session->single_user || session->operator_id == 0)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_SIGN_IN_REQUIRED,
                           _("Nobody is signed in"));
      return FALSE;
    }
  if (!sodium_ready (error))
    return FALSE;
  account = find_account (db, session->operator_name, &hash, error);
  if (account == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_NOT_FOUND,
                     _("There is no account named “%s”"), session->operator_name);
      return FALSE;
    }
  ok = verify_hash (hash, password ? password : "");
  if (!ok)
    {
      if (failure)
        _fz_audit_record_event (db, failure, "fz_operator", account->name, NULL, NULL);
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_WRONG_PASSWORD,
                           _("The password is wrong"));
    }
  return ok;
}

gboolean
fz_access_verify_password (FzContext   *context,
                           const char  *password,
                           GError     **error)
{
  return verify_password (context, password, "unlock-failed", error);
}

gboolean
fz_access_change_password (FzContext   *context,
                           const char  *old_password,
                           const char  *new_password,
                           GError     **error)
{
  FzDatabase *db;
  FzGuard *guard;
  const FzSession *session;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  db = fz_context_get_database (context);
  guard = context_guard (context);
  session = _fz_guard_get_session (guard);
  if (!verify_password (context, old_password, NULL, error) ||
      !fz_access_check_password (session->operator_name, new_password, error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("The new password is the old one"));
      return FALSE;
    }
  /* Any role changes its own password; the accounts table is otherwise an
   * administrator's, so this passes as libfuzhu's own write (still audited). */
  _fz_guard_enter_internal (guard);
  ok = store_hash (db, session->operator_id, new_password, error);
  _fz_guard_leave_internal (guard);
  return ok;
}

void
fz_access_record_lock (FzContext *context,
                       gboolean   locked)
{
  const FzSession *session;

  g_return_if_fail (FZ_IS_CONTEXT (context));

  session = _fz_guard_get_session (context_guard (context));
  _fz_audit_record_event (fz_context_get_database (context), locked ? "lock" : "unlock", "fz_operator",
                          session->operator_name, NULL, NULL);
}
