/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-access"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-access-private.h"
#include "fz-database-private.h"
#include "fz-format.h"

/* The rules kept by the connection itself, whatever code runs a statement:
 *
 * - Guard triggers (permanent, BEFORE INSERT/UPDATE/DELETE on every table)
 *   call fz_may_write(), which refuses a viewer's writes, a county staff
 *   member's writes outside their county (tables with a county_code
 *   column) and anyone's but an administrator's writes to the accounts,
 *   targets and rules.
 * - Audit triggers (permanent, AFTER each change of every table) append the
 *   operator, time, table, record and the changed values to fz_audit, which
 *   triggers and the authorizer keep append-only.
 * - For county staff (and while nobody is signed in), a TEMP view with each
 *   scoped table's name shadows it, showing the county's rows only: SQLite
 *   resolves an unqualified name to TEMP first, so every query of every
 *   plugin goes through it. Writes to the view are forwarded to the table by
 *   fz_scope_write() (a trigger may not name main.T), where the guard and
 *   audit triggers run as for any write; last_insert_rowid() and the change
 *   count are then made to look as if the table had been written.
 * - The authorizer refuses to read a scoped table other than through its
 *   view or a trigger (main.T, written out, does not get past it), to drop
 *   the guard's triggers and views, and to touch fz_audit but by its
 *   triggers.
 *
 * Triggers are installed after every migration, in its transaction, so a
 * new plugin table is covered without the plugin doing anything. */

/* What a table's writes need. */
typedef enum {
  GUARD_ANY = 0,    /* anyone who may write */
  GUARD_COUNTY = 1, /* and county staff within their county */
  GUARD_ADMIN = 2,  /* an administrator only */
} GuardKind;

/* Tables only an administrator changes: accounts, the plan's targets and rules. */
static const char *const admin_tables[] = {
  "fz_operator", "fz_county", "fz_plan", "fz_target_kind", "fz_target",
  "fz_working_age", "fz_minimum_wage", "fz_county_wage_tier", NULL
};

/* Derived from another table and written with it, by libfuzhu: neither
 * guarded nor audited row by row (an import writes five grams a person),
 * as the table they derive from is. */
static const char *const derived_tables[] = { "fz_person_gram", NULL };

/* Values the audit trail never holds. */
static const struct { const char *table, *column; } secret_columns[] = {
  { "fz_operator", "password_hash" },
};

/* Columns a role without FZ_PERMISSION_SEE_PERSONAL reads masked, in every
 * table, core and plugin alike, by their name. */
static FzFieldKind
personal_kind (const char *column)
{
  if (g_str_equal (column, "id_number"))
    return FZ_FIELD_IDENTITY_NUMBER;
  if (g_str_equal (column, "cert_number"))
    return FZ_FIELD_DISABILITY_CARD;
  if (g_str_equal (column, "phone") || g_str_has_suffix (column, "_phone"))
    return FZ_FIELD_PHONE;
  return FZ_FIELD_PLAIN;
}

#define AUDIT_TABLE "fz_audit"
#define SCOPE_COLUMN "county_code"
/* SQLite's default limit on a function's arguments is 127. */
#define MAX_FORWARD_COLUMNS 62
#define JSON_CHUNK 60

typedef struct {
  char      *name;
  GPtrArray *columns;  /* char* */
  GPtrArray *key;      /* char*: primary key columns in order; empty: rowid */
  gboolean   has_county;
} TableInfo;

struct _FzGuard
{
  FzDatabase *db;       /* not referenced: the guard is the database's */
  sqlite3    *handle;
  FzSession   session;
  char       *county_name;   /* of session.county_code, for messages */
  GHashTable *county_names;  /* code -> name */
  guint       internal;
  guint       migrating;
  guint       upsert;     /* an UPSERT made to name main.T runs */
  guint       forwarding; /* fz_scope_write() runs its statement: main.T may be read */
  gboolean    scoped;
  gboolean    masked;          /* personal columns read through masking views */
  FzMaskPolicy mask_policy;    /* how much of them a view keeps */
  GHashTable *scope_tables;    /* name -> TableInfo*: tables behind a TEMP view */
  GHashTable *allowed_sources; /* views and triggers through which scoped tables may be read */
  GHashTable *forward_cache;   /* sql -> sqlite3_stmt* */
  /* Writes forwarded by the statement that runs now */
  gboolean    fwd_used;
  gboolean    fwd_rowid_set;
  gint64      fwd_rowid;
  gint64      fwd_changes;
  gint64      last_forwarded;  /* -1: the last statement forwarded nothing */
  /* A table whose new rows are written in bulk (an import): one audit row
   * for the whole of them, written by whoever set it, not one each. */
  char       *bulk_table;
};

static const char *trigger_prefixes[] = {
  "fz_guard_ins_", "fz_guard_upd_", "fz_guard_del_",
  "fz_audit_ins_", "fz_audit_upd_", "fz_audit_del_",
};

/* Helpers */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
table_info_free (gpointer data)
{
  TableInfo *t = data;

  if (t == NULL)
    return;
  g_free (t->name);
  g_ptr_array_unref (t->columns);
  g_ptr_array_unref (t->key);
  g_free (t);
}

static gboolean
strv_has (const char *const *list,
          const char        *value)
{
  return g_strv_contains (list, value);
}

static gboolean
is_secret (const char *table,
           const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (secret_columns); i++)
    if (g_str_equal (secret_columns[i].table, table) && g_str_equal (secret_columns[i].column, column))
      return TRUE;
  return FALSE;
}

/* "name" with inner quotes doubled: identifiers from the schema, never user data. */
static void
append_ident (GString    *s,
              const char *name)
{
  g_string_append_c (s, '"');
  for (const char *c = name; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *c);
    }
  g_string_append_c (s, '"');
}

static void
append_literal (GString    *s,
                const char *text)
{
  g_string_append_c (s, '\'');
  for (const char *c = text; *c; c++)
    {
      if (*c == '\'')
        g_string_append_c (s, '\'');
      g_string_append_c (s, *c);
    }
  g_string_append_c (s, '\'');
}

static void
append_prefixed_ident (GString    *s,
                       const char *prefix,
                       const char *name)
{
  g_autofree char *joined = g_strconcat (prefix, name, NULL);
  append_ident (s, joined);
}

static gboolean
run_sql (FzGuard     *guard,
         const char  *sql,
         GError     **error)
{
  char *message = NULL;
  int rc;

  guard->internal++;
  rc = sqlite3_exec (guard->handle, sql, NULL, NULL, &message);
  guard->internal--;
  if (rc != SQLITE_OK)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_FAILED, "%s (%s)",
                   message ? message : sqlite3_errstr (rc), sql);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* The schema as it is now: every ordinary table of main. */
static GPtrArray *
read_tables (FzGuard  *guard,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (table_info_free);
  sqlite3_stmt *list = NULL;
  sqlite3_stmt *cols = NULL;
  int rc;

  guard->internal++;
  rc = sqlite3_prepare_v2 (guard->handle,
                           "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", -1, &list, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (guard->handle,
                             "SELECT name, pk FROM pragma_table_info(?1, 'main') ORDER BY cid", -1, &cols, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      TableInfo *t = g_new0 (TableInfo, 1);
      g_autoptr(GArray) pk_order = g_array_new (FALSE, FALSE, sizeof (int));

      t->name = g_strdup ((const char *) sqlite3_column_text (list, 0));
      t->columns = g_ptr_array_new_with_free_func (g_free);
      t->key = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tables, t);

      sqlite3_reset (cols);
      sqlite3_bind_text (cols, 1, t->name, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (cols)) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (cols, 0);
          int pk = sqlite3_column_int (cols, 1);

          g_ptr_array_add (t->columns, g_strdup (name));
          if (g_str_equal (name, SCOPE_COLUMN))
            t->has_county = TRUE;
          if (pk > 0)
            {
              g_array_append_val (pk_order, pk);
              g_ptr_array_add (t->key, g_strdup (name));
            }
        }
      if (rc != SQLITE_DONE)
        break;
      rc = SQLITE_OK;
      /* Key columns in their order in the PRIMARY KEY, not in the table. */
      for (guint i = 0; i < pk_order->len; i++)
        for (guint j = i + 1; j < pk_order->len; j++)
          if (g_array_index (pk_order, int, j) < g_array_index (pk_order, int, i))
            {
              int tmp = g_array_index (pk_order, int, i);
              gpointer name = t->key->pdata[i];

              g_array_index (pk_order, int, i) = g_array_index (pk_order, int, j);
              g_array_index (pk_order, int, j) = tmp;
              t->key->pdata[i] = t->key->pdata[j];
              t->key->pdata[j] = name;
            }
    }
  if (rc != SQLITE_DONE)
    _fz_database_set_error (guard->db, error, rc, _("Could not read the tables of the database"));
  sqlite3_finalize (list);
  sqlite3_finalize (cols);
  guard->internal--;
  return rc == SQLITE_DONE ? g_steal_pointer (&tables) : NULL;
}

static GuardKind
guard_kind (const TableInfo *t)
{
  if (strv_has (admin_tables, t->name))
    return GUARD_ADMIN;
  return t->has_county ? GUARD_COUNTY : GUARD_ANY;
}

/* SQL functions */

static const char *
county_name (FzGuard    *guard,
             const char *code)
{
  const char *name = code ? g_hash_table_lookup (guard->county_names, code) : NULL;

  return name ? name : (code ? code : _("no county"));
}

static void
deny (sqlite3_context *ctx,
      const char      *message)
{
  sqlite3_result_error (ctx, message, -1);
  sqlite3_result_error_code (ctx, SQLITE_AUTH);
}

static gboolean
in_county (FzGuard       *guard,
           sqlite3_value *value)
{
  return sqlite3_value_type (value) == SQLITE_TEXT &&
         g_strcmp0 ((const char *) sqlite3_value_text (value), guard->session.county_code) == 0;
}

/* fz_may_write(kind, table, op, new_county, old_county): 1, or an error. */
static void
sql_may_write (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);
  GuardKind kind = sqlite3_value_int (argv[0]);
  const char *op = (const char *) sqlite3_value_text (argv[2]);

  if (guard->internal > 0 || guard->migrating > 0)
    {
      sqlite3_result_int (ctx, 1);
      return;
    }
  switch (guard->session.role)
    {
    case FZ_ROLE_ADMINISTRATOR:
      sqlite3_result_int (ctx, 1);
      return;
    case FZ_ROLE_NONE:
      deny (ctx, _("Nobody is signed in: sign in to change anything"));
      return;
    case FZ_ROLE_VIEWER:
      deny (ctx, _("A viewer’s account cannot change anything"));
      return;
    case FZ_ROLE_CITY_STAFF:
    case FZ_ROLE_COUNTY_STAFF:
    default:
      break;
    }
  if (kind == GUARD_ADMIN)
    {
      deny (ctx, _("Only an administrator can change accounts, targets and rules"));
      return;
    }
  if (kind == GUARD_COUNTY && guard->session.role == FZ_ROLE_COUNTY_STAFF && op != NULL)
    {
      sqlite3_value *other = NULL;

      if (*op != 'd' && !in_county (guard, argv[3]))
        other = argv[3];
      else if (*op != 'i' && !in_county (guard, argv[4]))
        other = argv[4];
      if (other)
        {
          g_autofree char *message =
            g_strdup_printf (_("Your account may change the records of %s only, and this one belongs to %s"),
                             guard->county_name,
                             county_name (guard, (const char *) sqlite3_value_text (other)));
          deny (ctx, message);
          return;
        }
    }
  sqlite3_result_int (ctx, 1);
}

static void
sql_audit_operator (sqlite3_context  *ctx,
                    int               argc,
                    sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);

  if (guard->session.operator_name)
    sqlite3_result_text (ctx, guard->session.operator_name, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_text (ctx, "(not signed in)", -1, SQLITE_STATIC);
}

/* fz_audit_each_insert(table): 0 while the new rows of @table are audited
 * as one bulk write (_fz_guard_set_bulk_insert), else 1. */
static void
sql_audit_each_insert (sqlite3_context  *ctx,
                       int               argc,
                       sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);
  const char *table = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_int (ctx, guard->bulk_table == NULL || g_strcmp0 (table, guard->bulk_table) != 0);
}

static void
sql_audit_client (sqlite3_context  *ctx,
                  int               argc,
                  sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);

  if (guard->session.client)
    sqlite3_result_text (ctx, guard->session.client, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (ctx);
}

static void
sql_scope_county (sqlite3_context  *ctx,
                  int               argc,
                  sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);

  /* NULL while nobody is signed in: the views show nothing. */
  if (guard->session.role == FZ_ROLE_COUNTY_STAFF && guard->session.county_code)
    sqlite3_result_text (ctx, guard->session.county_code, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (ctx);
}

/* fz_mask_personal(value, kind): @value as a list shows it to a role that
 * may not see personal data. */
static void
sql_mask_personal (sqlite3_context  *ctx,
                   int               argc,
                   sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *masked = NULL;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL || text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  masked = fz_mask_for_public (text, (FzFieldKind) sqlite3_value_int (argv[1]), &guard->mask_policy);
  if (masked == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, masked, -1, SQLITE_TRANSIENT);
}

/* Forwarding writes through the scope views */

/* The conflict clause (" OR IGNORE"...) of the write statement running now,
 * which SQLite passes on to a trigger's statements but not to ours. */
static const char *
outer_conflict (FzGuard *guard)
{
  static const char *clauses[] = { "ROLLBACK", "ABORT", "REPLACE", "FAIL", "IGNORE" };
  static const char *results[] = { " OR ROLLBACK", " OR ABORT", " OR REPLACE", " OR FAIL", " OR IGNORE" };
  sqlite3_stmt *stmt = NULL;

  while ((stmt = sqlite3_next_stmt (guard->handle, stmt)) != NULL)
    {
      const char *sql;
      const char *p;

      if (!sqlite3_stmt_busy (stmt) || sqlite3_stmt_readonly (stmt) ||
          g_hash_table_contains (guard->forward_cache, sqlite3_sql (stmt)))
        continue;
      sql = sqlite3_sql (stmt);
      p = sql;
      while (g_ascii_isspace (*p))
        p++;
      if (g_ascii_strncasecmp (p, "REPLACE", 7) == 0)
        return " OR REPLACE";
      if (g_ascii_strncasecmp (p, "INSERT", 6) != 0 && g_ascii_strncasecmp (p, "UPDATE", 6) != 0)
        return "";
      p += 6;
      while (g_ascii_isspace (*p))
        p++;
      if (g_ascii_strncasecmp (p, "OR", 2) != 0 || !g_ascii_isspace (p[2]))
        return "";
      p += 2;
      while (g_ascii_isspace (*p))
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
        if (g_ascii_strncasecmp (p, clauses[i], strlen (clauses[i])) == 0)
          return results[i];
      return "";
    }
  return "";
}

static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      {
        const void *x = type == SQLITE_TEXT ? (const void *) sqlite3_value_text (a) : sqlite3_value_blob (a);
        const void *y = type == SQLITE_TEXT ? (const void *) sqlite3_value_text (b) : sqlite3_value_blob (b);
        int n = sqlite3_value_bytes (a);

        return n == sqlite3_value_bytes (b) && (n == 0 || memcmp (x, y, n) == 0);
      }
    }
}

/* WHERE clause finding the row whose old values are @old (bound from @first). */
static int
append_key (GString         *sql,
            const TableInfo *t,
            sqlite3_value  **old,
            GPtrArray       *binds,
            int              first)
{
  int n = first;

  if (t->key->len > 0)
    {
      g_string_append (sql, " WHERE ");
      for (guint k = 0; k < t->key->len; k++)
        {
          for (guint c = 0; c < t->columns->len; c++)
            if (g_str_equal (t->columns->pdata[c], t->key->pdata[k]))
              g_ptr_array_add (binds, old[c]);
          if (k > 0)
            g_string_append (sql, " AND ");
          append_ident (sql, t->key->pdata[k]);
          g_string_append_printf (sql, " IS ?%d", n++);
        }
      return n;
    }
  /* No key: the first row with these values. */
  g_string_append (sql, " WHERE rowid = (SELECT rowid FROM main.");
  append_ident (sql, t->name);
  g_string_append (sql, " WHERE ");
  for (guint c = 0; c < t->columns->len; c++)
    {
      if (c > 0)
        g_string_append (sql, " AND ");
      append_ident (sql, t->columns->pdata[c]);
      g_string_append_printf (sql, " IS ?%d", n++);
      g_ptr_array_add (binds, old[c]);
    }
  g_string_append (sql, " LIMIT 1)");
  return n;
}

/* fz_scope_write(table, op, values...): the write asked of a scope view,
 * made to the table. 'i': the new values; 'u': the old values, then the
 * new; 'd': the old values. */
static void
sql_scope_write (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  FzGuard *guard = sqlite3_user_data (ctx);
  const char *table = (const char *) sqlite3_value_text (argv[0]);
  const char *op = (const char *) sqlite3_value_text (argv[1]);
  const TableInfo *t = table ? g_hash_table_lookup (guard->scope_tables, table) : NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new ();
  sqlite3_value **values = argv + 2;
  sqlite3_stmt *stmt;
  guint n = t ? t->columns->len : 0;
  int rc;

  if (t == NULL || op == NULL ||
      (guint) argc != 2 + (*op == 'u' ? 2 * n : n))
    {
      sqlite3_result_error (ctx, "fz_scope_write: not a write through a county scope", -1);
      return;
    }

  if (*op == 'i')
    {
      guint used = 0;

      g_string_append_printf (sql, "INSERT%s INTO main.", outer_conflict (guard));
      append_ident (sql, t->name);
      /* A column the statement left out arrives as NULL: leave it out too,
       * so that its default applies. */
      for (guint c = 0; c < n; c++)
        if (sqlite3_value_type (values[c]) != SQLITE_NULL)
          {
            g_string_append (sql, used++ ? ", " : " (");
            append_ident (sql, t->columns->pdata[c]);
            g_ptr_array_add (binds, values[c]);
          }
      if (used == 0)
        g_string_append (sql, " DEFAULT VALUES");
      else
        {
          g_string_append (sql, ") VALUES (");
          for (guint i = 0; i < used; i++)
            g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
          g_string_append_c (sql, ')');
        }
    }
  else if (*op == 'u')
    {
      sqlite3_value **old = values;
      sqlite3_value **new = values + n;
      guint changed = 0;

      g_string_append_printf (sql, "UPDATE%s main.", outer_conflict (guard));
      append_ident (sql, t->name);
      for (guint c = 0; c < n; c++)
        if (!values_equal (old[c], new[c]))
          {
            g_string_append (sql, changed++ ? ", " : " SET ");
            append_ident (sql, t->columns->pdata[c]);
            g_string_append_printf (sql, " = ?%u", changed);
            g_ptr_array_add (binds, new[c]);
          }
      if (changed == 0)
        {
          /* SQLite counts a row set to what it was as changed. */
          guard->fwd_used = TRUE;
          guard->fwd_changes++;
          sqlite3_result_null (ctx);
          return;
        }
      append_key (sql, t, old, binds, (int) changed + 1);
    }
  else
    {
      g_string_append (sql, "DELETE FROM main.");
      append_ident (sql, t->name);
      append_key (sql, t, values, binds, 1);
    }

  /* The statement names main.T, which the authorizer lets it read; the
   * table's guard triggers judge the write as any other. */
  guard->forwarding++;
  stmt = g_hash_table_lookup (guard->forward_cache, sql->str);
  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (guard->handle, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          guard->forwarding--;
          sqlite3_result_error (ctx, sqlite3_errmsg (guard->handle), -1);
          sqlite3_result_error_code (ctx, sqlite3_extended_errcode (guard->handle));
          return;
        }
      g_hash_table_insert (guard->forward_cache, g_strdup (sqlite3_sql (stmt)), stmt);
    }
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_value (stmt, (int) i + 1, binds->pdata[i]);
  rc = sqlite3_step (stmt);
  guard->forwarding--;
  if (rc != SQLITE_DONE)
    {
      g_autofree char *message = g_strdup (sqlite3_errmsg (guard->handle));
      int code = sqlite3_extended_errcode (guard->handle);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_result_error (ctx, message, -1);
      sqlite3_result_error_code (ctx, code);
      return;
    }
  guard->fwd_used = TRUE;
  guard->fwd_changes += sqlite3_changes64 (guard->handle);
  if (*op == 'i' && sqlite3_changes64 (guard->handle) > 0)
    {
      guard->fwd_rowid = sqlite3_last_insert_rowid (guard->handle);
      guard->fwd_rowid_set = TRUE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_result_null (ctx);
}

void
_fz_guard_statement_started (FzGuard *guard)
{
  guard->fwd_used = FALSE;
  guard->fwd_rowid_set = FALSE;
  guard->fwd_changes = 0;
}

void
_fz_guard_statement_finished (FzGuard *guard)
{
  if (guard->fwd_used)
    {
      /* SQLite puts back the rowid of before the view's trigger ran. */
      if (guard->fwd_rowid_set)
        sqlite3_set_last_insert_rowid (guard->handle, guard->fwd_rowid);
      guard->last_forwarded = guard->fwd_changes;
    }
  else
    guard->last_forwarded = -1;
  guard->fwd_used = FALSE;
  guard->fwd_rowid_set = FALSE;
  guard->fwd_changes = 0;
}

gint64
_fz_guard_get_forwarded_changes (FzGuard *guard)
{
  return guard->last_forwarded;
}

/* UPSERT: SQLite refuses it on a view ("cannot UPSERT a view"), so an
 * INSERT ... ON CONFLICT into a scoped table is made to name main.T. The
 * guard triggers still check the county of the row inserted and of the row
 * updated instead; what the statement reads of the table (its DO UPDATE
 * clause) is not returned, though a crafted WHERE there could tell one bit. */

static const char *
skip_space (const char *p)
{
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (p[0] == '-' && p[1] == '-')
        {
          while (*p && *p != '\n')
            p++;
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          p = end ? end + 2 : p + strlen (p);
          continue;
        }
      return p;
    }
}

static gboolean
take_word (const char **p,
           const char  *word)
{
  gsize n = strlen (word);

  if (g_ascii_strncasecmp (*p, word, n) != 0 || g_ascii_isalnum ((*p)[n]) || (*p)[n] == '_')
    return FALSE;
  *p = skip_space (*p + n);
  return TRUE;
}

char *
_fz_guard_rewrite_upsert (FzGuard    *guard,
                          const char *sql)
{
  const char *p = skip_space (sql);
  const char *name_start;
  g_autofree char *name = NULL;

  if (!guard->scoped)
    return NULL;
  if (!take_word (&p, "INSERT"))
    return NULL;
  if (take_word (&p, "OR"))
    {
      while (g_ascii_isalpha (*p))
        p++;
      p = skip_space (p);
    }
  if (!take_word (&p, "INTO"))
    return NULL;

  name_start = p;
  if (*p == '"' || *p == '`' || *p == '[')
    {
      char close = *p == '[' ? ']' : *p;
      GString *unquoted = g_string_new (NULL);

      for (p++; *p; p++)
        {
          if (*p == close && p[1] == close && close != ']')
            p++;
          else if (*p == close)
            break;
          g_string_append_c (unquoted, *p);
        }
      if (*p != close)
        {
          g_string_free (unquoted, TRUE);
          return NULL;
        }
      p++;
      name = g_string_free (unquoted, FALSE);
    }
  else
    {
      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      name = g_strndup (name_start, p - name_start);
    }
  /* Qualified already, or not one of the scope's tables. */
  if (*skip_space (p) == '.' || !g_hash_table_contains (guard->scope_tables, name) ||
      g_str_equal (name, AUDIT_TABLE))
    return NULL;
  return g_strdup_printf ("%.*smain.%s", (int) (name_start - sql), sql, name_start);
}

void
_fz_guard_begin_upsert (FzGuard *guard)
{
  guard->upsert++;
}

void
_fz_guard_end_upsert (FzGuard *guard)
{
  g_return_if_fail (guard->upsert > 0);
  guard->upsert--;
}

/* The authorizer */

static gboolean
has_prefix_in (const char        *name,
               const char *const *prefixes,
               guint              n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_guard_object (const char *name)
{
  static const char *prefixes[] = { "fz_guard_", "fz_audit_", "fz_scope_" };

  return name != NULL && has_prefix_in (name, prefixes, G_N_ELEMENTS (prefixes));
}

static int
authorize (void       *data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *db_name,
           const char *source)
{
  FzGuard *guard = data;

  if (guard->internal > 0)
    return SQLITE_OK;

  switch (action)
    {
    case SQLITE_READ:
      /* The hash stays out of reach: it reads as NULL. */
      if (g_strcmp0 (arg1, "fz_operator") == 0 && g_strcmp0 (arg2, "password_hash") == 0)
        return SQLITE_IGNORE;
      /* A scoped table is read through its view, or by a trigger, or by
       * the DO UPDATE of an UPSERT whose every write the guard checks. */
      if (guard->scoped && guard->upsert == 0 && guard->forwarding == 0 &&
          g_strcmp0 (db_name, "main") == 0 && arg1 &&
          g_hash_table_contains (guard->scope_tables, arg1) &&
          (source == NULL || !g_hash_table_contains (guard->allowed_sources, source)) &&
          /* A viewer's views filter no rows, only mask columns: SQLite may
           * count their rows on the table itself (count(*) of a flattened
           * view), and only the masked columns must be read through them. */
          (!guard->masked || (arg2 && personal_kind (arg2) != FZ_FIELD_PLAIN)))
        return SQLITE_DENY;
      return SQLITE_OK;

    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      /* fz_audit is written by the audit triggers only. */
      if (g_strcmp0 (arg1, AUDIT_TABLE) == 0 && g_strcmp0 (db_name, "main") == 0 &&
          (action != SQLITE_INSERT || source == NULL || !g_str_has_prefix (source, "fz_audit_")))
        return SQLITE_DENY;
      return SQLITE_OK;

    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TEMP_TABLE:
      return g_strcmp0 (arg1, AUDIT_TABLE) == 0 ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_ALTER_TABLE:
      return g_strcmp0 (arg2, AUDIT_TABLE) == 0 ? SQLITE_DENY : SQLITE_OK;

    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_TEMP_TRIGGER:
      return g_strcmp0 (arg2, AUDIT_TABLE) == 0 ? SQLITE_DENY : SQLITE_OK;

    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_TEMP_TRIGGER:
      if (g_strcmp0 (arg2, AUDIT_TABLE) == 0)
        return SQLITE_DENY;
      /* A migration that rebuilds its table drops the table's triggers
       * with it; they are put back at its end. */
      if (is_guard_object (arg1) && guard->migrating == 0)
        return SQLITE_DENY;
      return SQLITE_OK;

    case SQLITE_DROP_TEMP_VIEW:
      return arg1 && g_hash_table_contains (guard->allowed_sources, arg1) ? SQLITE_DENY : SQLITE_OK;

    case SQLITE_PRAGMA:
      return g_strcmp0 (arg1, "writable_schema") == 0 ? SQLITE_DENY : SQLITE_OK;

    default:
      return SQLITE_OK;
    }
}

/* Triggers */

static void
append_value (GString    *s,
              const char *table,
              const char *row,
              const char *column)
{
  g_autoptr(GString) ref = g_string_new (row);

  g_string_append_c (ref, '.');
  append_ident (ref, column);
  if (is_secret (table, column))
    g_string_append_printf (s, "iif(%s IS NULL, NULL, '[hidden]')", ref->str);
  else
    /* JSON holds no blob: its size stands for it. */
    g_string_append_printf (s, "iif(typeof(%s) = 'blob', printf('(%%d bytes)', length(%s)), %s)",
                            ref->str, ref->str, ref->str);
}

/* json_object(...) of every column of @row (NEW or OLD); past JSON_CHUNK
 * columns, json_insert() adds the rest in pieces, as a function takes at
 * most 127 arguments. */
static void
append_json_row (GString         *s,
                 const TableInfo *t,
                 const char      *row)
{
  guint n = t->columns->len;
  g_autoptr(GString) expr = g_string_new ("json_object(");

  for (guint c = 0; c < n; c++)
    {
      const char *column = t->columns->pdata[c];

      if (c > 0 && c % JSON_CHUNK == 0)
        {
          g_string_prepend (expr, "json_insert(");
          g_string_append (expr, "), ");
        }
      else if (c > 0)
        g_string_append (expr, ", ");
      if (c >= JSON_CHUNK)
        {
          g_autoptr(GString) path = g_string_new ("$.");
          append_ident (path, column);
          append_literal (expr, path->str);
        }
      else
        append_literal (expr, column);
      g_string_append (expr, ", ");
      append_value (expr, t->name, row, column);
    }
  g_string_append_c (expr, ')');
  g_string_append (s, expr->str);
}

static void
append_record_id (GString         *s,
                  const TableInfo *t,
                  const char      *row)
{
  if (t->key->len == 0)
    {
      g_string_append_printf (s, "%s.rowid", row);
      return;
    }
  if (t->key->len > 1)
    g_string_append (s, "json_array(");
  for (guint k = 0; k < t->key->len; k++)
    {
      if (k > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, "%s.", row);
      append_ident (s, t->key->pdata[k]);
    }
  if (t->key->len > 1)
    g_string_append_c (s, ')');
}

static char *
guard_trigger_sql (const TableInfo *t,
                   char             op)
{
  GString *s = g_string_new ("CREATE TRIGGER ");
  const char *name = op == 'i' ? "fz_guard_ins_" : op == 'u' ? "fz_guard_upd_" : "fz_guard_del_";
  const char *when = op == 'i' ? "INSERT" : op == 'u' ? "UPDATE" : "DELETE";
  GuardKind kind = guard_kind (t);

  append_prefixed_ident (s, name, t->name);
  g_string_append_printf (s, " BEFORE %s ON ", when);
  append_ident (s, t->name);
  g_string_append_printf (s, " BEGIN SELECT fz_may_write(%d, ", kind);
  append_literal (s, t->name);
  g_string_append_printf (s, ", '%c', ", op);
  if (kind == GUARD_COUNTY)
    g_string_append_printf (s, "%s, %s",
                            op == 'd' ? "NULL" : "NEW.\"" SCOPE_COLUMN "\"",
                            op == 'i' ? "NULL" : "OLD.\"" SCOPE_COLUMN "\"");
  else
    g_string_append (s, "NULL, NULL");
  g_string_append (s, "); END");
  return g_string_free (s, FALSE);
}

static char *
audit_trigger_sql (const TableInfo *t,
                   char             op)
{
  GString *s = g_string_new ("CREATE TRIGGER ");
  const char *name = op == 'i' ? "fz_audit_ins_" : op == 'u' ? "fz_audit_upd_" : "fz_audit_del_";
  const char *when = op == 'i' ? "INSERT" : op == 'u' ? "UPDATE" : "DELETE";
  const char *action = op == 'i' ? "'insert'" : op == 'u' ? "'update'" : "'delete'";
  const char *row = op == 'd' ? "OLD" : "NEW";

  append_prefixed_ident (s, name, t->name);
  g_string_append_printf (s, " AFTER %s ON ", when);
  append_ident (s, t->name);
  if (op == 'i')
    {
      g_string_append (s, " WHEN fz_audit_each_insert(");
      append_literal (s, t->name);
      g_string_append (s, ")");
    }
  g_string_append (s, " BEGIN INSERT INTO " AUDIT_TABLE " (time, operator, client, action, table_name, "
                      "record_id, county_code, old_values, new_values) ");
  g_string_append (s, op == 'u' ? "SELECT " : "VALUES (");
  g_string_append_printf (s, "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), fz_audit_operator(), "
                             "fz_audit_client(), %s, ", action);
  append_literal (s, t->name);
  g_string_append (s, ", ");
  append_record_id (s, t, row);
  g_string_append (s, ", ");
  if (t->has_county)
    g_string_append_printf (s, "%s.\"" SCOPE_COLUMN "\", ", row);
  else
    g_string_append (s, "NULL, ");

  if (op == 'i')
    {
      g_string_append (s, "NULL, ");
      append_json_row (s, t, "NEW");
      g_string_append (s, ")");
    }
  else if (op == 'd')
    {
      append_json_row (s, t, "OLD");
      g_string_append (s, ", NULL)");
    }
  else
    {
      /* The changed columns only: one row per column, those that differ kept. */
      g_string_append (s, "json_group_object(column1, column2), json_group_object(column1, column3) FROM (VALUES ");
      for (guint c = 0; c < t->columns->len; c++)
        {
          const char *column = t->columns->pdata[c];

          g_string_append (s, c ? ", (" : "(");
          append_literal (s, column);
          g_string_append (s, ", ");
          append_value (s, t->name, "OLD", column);
          g_string_append (s, ", ");
          append_value (s, t->name, "NEW", column);
          g_string_append (s, ", OLD.");
          append_ident (s, column);
          g_string_append (s, " IS NOT NEW.");
          append_ident (s, column);
          g_string_append (s, ")");
        }
      g_string_append (s, ") WHERE column4 HAVING count(*) > 0");
    }
  g_string_append (s, "; END");
  return g_string_free (s, FALSE);
}

static char *
trigger_name (const char *prefix,
              const char *table)
{
  return g_strconcat (prefix, table, NULL);
}

/* The DROP and CREATE TRIGGER statements that bring the triggers up to
 * date, or "" when they are. */
static GString *
triggers_script (FzGuard  *guard,
                 GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) script = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 has_audit = 0;
  int rc;

  if (!fz_database_query_int64 (guard->db,
                                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" AUDIT_TABLE "'",
                                NULL, &has_audit, NULL, error))
    return NULL;
  /* Before the access schema exists (its own first step) there is nothing to install. */
  if (!has_audit)
    return g_steal_pointer (&script);

  tables = read_tables (guard, error);
  if (tables == NULL)
    return NULL;
  for (guint i = 0; i < tables->len; i++)
    {
      const TableInfo *t = tables->pdata[i];
      const char ops[] = { 'i', 'u', 'd' };

      if (g_str_equal (t->name, AUDIT_TABLE) || strv_has (derived_tables, t->name))
        continue;
      for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
        {
          g_hash_table_insert (wanted, trigger_name (trigger_prefixes[o], t->name), guard_trigger_sql (t, ops[o]));
          g_hash_table_insert (wanted, trigger_name (trigger_prefixes[3 + o], t->name), audit_trigger_sql (t, ops[o]));
        }
    }

  guard->internal++;
  rc = sqlite3_prepare_v2 (guard->handle,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                           "(name LIKE 'fz\\_guard\\_%' ESCAPE '\\' OR name LIKE 'fz\\_audit\\_%' ESCAPE '\\')",
                           -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (has_prefix_in (name, trigger_prefixes, G_N_ELEMENTS (trigger_prefixes)))
        g_hash_table_insert (have, g_strdup (name), g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  guard->internal--;
  if (rc != SQLITE_DONE)
    {
      _fz_database_set_error (guard->db, error, rc, _("Could not read the triggers of the database"));
      return NULL;
    }

  /* Those of tables gone, renamed or changed go; the missing come. */
  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *sql = g_hash_table_lookup (wanted, key);

      if (sql == NULL || !g_str_equal (sql, value))
        {
          g_string_append (script, "DROP TRIGGER ");
          append_ident (script, key);
          g_string_append (script, ";\n");
        }
    }
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *sql = g_hash_table_lookup (have, key);

      if (sql == NULL || !g_str_equal (sql, value))
        {
          g_string_append (script, value);
          g_string_append (script, ";\n");
        }
    }
  return g_steal_pointer (&script);
}

gboolean
_fz_guard_install_triggers (FzGuard  *guard,
                            GError  **error)
{
  g_autoptr(GString) script = triggers_script (guard, error);
  gboolean own_transaction;

  if (script == NULL)
    return FALSE;
  if (script->len == 0)
    return TRUE;

  /* Outside a migration: under the write lock, and looked at again, as
   * another process may be doing the same. */
  own_transaction = !fz_database_in_transaction (guard->db);
  if (own_transaction)
    {
      if (!fz_database_begin (guard->db, error))
        return FALSE;
      g_string_free (script, TRUE);
      script = triggers_script (guard, error);
    }
  g_debug ("Installing guard and audit triggers:\n%s", script ? script->str : "");
  if (script == NULL || (script->len > 0 && !run_sql (guard, script->str, error)))
    {
      if (own_transaction)
        fz_database_rollback (guard->db);
      g_prefix_error (error, _("Could not install the audit trail’s triggers: "));
      return FALSE;
    }
  return !own_transaction || fz_database_commit (guard->db, error);
}

/* County scope */

static void
clear_forward_cache (FzGuard *guard)
{
  g_hash_table_remove_all (guard->forward_cache);
}

static gboolean
drop_scope (FzGuard  *guard,
            GError  **error)
{
  g_autoptr(GString) script = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  clear_forward_cache (guard);
  /* Views created here are in allowed_sources with every trigger name;
   * only the views are dropped (their triggers go with them). */
  g_hash_table_iter_init (&iter, guard->allowed_sources);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GPOINTER_TO_INT (g_hash_table_lookup (guard->allowed_sources, key)) == 1)
      {
        g_string_append (script, "DROP VIEW IF EXISTS temp.");
        append_ident (script, key);
        g_string_append (script, ";\n");
      }
  g_hash_table_remove_all (guard->allowed_sources);
  g_hash_table_remove_all (guard->scope_tables);
  guard->scoped = FALSE;
  guard->masked = FALSE;
  return script->len == 0 || run_sql (guard, script->str, error);
}

/* The INSTEAD OF trigger of a scope view for @op: it forwards the write to
 * the table (a county scope), or, when @refuse, gives the guard's refusal
 * (a viewer's masking view, which nobody may write through). */
static char *
scope_trigger_sql (const TableInfo *t,
                   char             op,
                   gboolean         refuse)
{
  GString *s = g_string_new ("CREATE TEMP TRIGGER ");
  const char *name = op == 'i' ? "fz_scope_ins_" : op == 'u' ? "fz_scope_upd_" : "fz_scope_del_";
  const char *when = op == 'i' ? "INSERT" : op == 'u' ? "UPDATE" : "DELETE";

  append_prefixed_ident (s, name, t->name);
  g_string_append_printf (s, " INSTEAD OF %s ON ", when);
  append_ident (s, t->name);
  if (refuse)
    {
      g_string_append_printf (s, " BEGIN SELECT fz_may_write(%d, ", GUARD_ANY);
      append_literal (s, t->name);
      g_string_append_printf (s, ", '%c', NULL, NULL); END", op);
      return g_string_free (s, FALSE);
    }
  g_string_append (s, " BEGIN SELECT fz_scope_write(");
  append_literal (s, t->name);
  g_string_append_printf (s, ", '%c'", op);
  if (op != 'i')
    for (guint c = 0; c < t->columns->len; c++)
      {
        g_string_append (s, ", OLD.");
        append_ident (s, t->columns->pdata[c]);
      }
  if (op != 'd')
    for (guint c = 0; c < t->columns->len; c++)
      {
        g_string_append (s, ", NEW.");
        append_ident (s, t->columns->pdata[c]);
      }
  g_string_append (s, "); END");
  return g_string_free (s, FALSE);
}

/* The lengths an administrator set for masking (owner "documents" of
 * fz_setting, as fz_mask_policy_load() reads them); the defaults for any
 * missing or wrong. */
static void
load_mask_policy (FzGuard *guard)
{
  sqlite3_stmt *stmt = NULL;

  fz_mask_policy_init_default (&guard->mask_policy);
  guard->internal++;
  if (sqlite3_prepare_v2 (guard->handle,
                          "SELECT key, value FROM main.fz_setting WHERE owner = 'documents'",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *key = (const char *) sqlite3_column_text (stmt, 0);
        const char *text = (const char *) sqlite3_column_text (stmt, 1);
        guint *value = NULL;
        guint64 n = 0;

        if (g_strcmp0 (key, "mask-id-start") == 0)
          value = &guard->mask_policy.id_keep_start;
        else if (g_strcmp0 (key, "mask-id-end") == 0)
          value = &guard->mask_policy.id_keep_end;
        else if (g_strcmp0 (key, "mask-phone-start") == 0)
          value = &guard->mask_policy.phone_keep_start;
        else if (g_strcmp0 (key, "mask-phone-end") == 0)
          value = &guard->mask_policy.phone_keep_end;
        if (value && text && g_ascii_string_to_unsigned (text, 10, 0, 18, &n, NULL))
          *value = (guint) n;
      }
  sqlite3_finalize (stmt);
  guard->internal--;
}

static gboolean
apply_scope (FzGuard  *guard,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GString) script = g_string_new (NULL);
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean county, mask;
  int rc;

  if (!drop_scope (guard, error))
    return FALSE;
  if (guard->session.single_user)
    return TRUE;
  /* County staff, and nobody before sign-in, see one county (or none). A
   * viewer sees every county, with identity, certificate and phone numbers
   * masked: the same views, masking instead of filtering, so that a
   * plugin's own query cannot show them by accident either. */
  county = guard->session.role == FZ_ROLE_NONE || guard->session.role == FZ_ROLE_COUNTY_STAFF;
  mask = guard->session.role == FZ_ROLE_VIEWER;
  if (!county && !mask)
    return TRUE;
  if (mask)
    load_mask_policy (guard);

  tables = read_tables (guard, error);
  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      TableInfo *t = tables->pdata[i];
      gboolean personal = FALSE;

      for (guint c = 0; mask && c < t->columns->len; c++)
        personal |= personal_kind (t->columns->pdata[c]) != FZ_FIELD_PLAIN;
      if (!(county && t->has_county) && !personal)
        continue;
      g_string_append (script, "CREATE TEMP VIEW ");
      append_ident (script, t->name);
      if (personal)
        {
          g_string_append (script, " AS SELECT ");
          for (guint c = 0; c < t->columns->len; c++)
            {
              const char *column = t->columns->pdata[c];
              FzFieldKind kind = personal_kind (column);

              if (c > 0)
                g_string_append (script, ", ");
              if (kind != FZ_FIELD_PLAIN)
                {
                  g_string_append (script, "fz_mask_personal(");
                  append_ident (script, column);
                  g_string_append_printf (script, ", %d) AS ", (int) kind);
                }
              append_ident (script, column);
            }
          g_string_append (script, " FROM main.");
        }
      else
        g_string_append (script, " AS SELECT * FROM main.");
      append_ident (script, t->name);
      if (county)
        g_string_append (script, " WHERE \"" SCOPE_COLUMN "\" = fz_scope_county()");
      g_string_append (script, ";\n");
      /* The audit trail is read through its view, never written; a viewer
       * writes nothing (the guard refuses it on the table). */
      /* Writes to a viewer's view get the guard's own refusal. */
      if (!county || (!g_str_equal (t->name, AUDIT_TABLE) && t->columns->len <= MAX_FORWARD_COLUMNS))
        for (const char *op = "iud"; *op; op++)
          {
            g_autofree char *sql = scope_trigger_sql (t, *op, !county);
            g_string_append (script, sql);
            g_string_append (script, ";\n");
          }
      g_hash_table_insert (guard->allowed_sources, g_strdup (t->name), GINT_TO_POINTER (1));
      g_hash_table_insert (guard->scope_tables, g_strdup (t->name), g_steal_pointer (&tables->pdata[i]));
    }

  /* A view of main binds its tables in main: a TEMP copy of it reads them
   * through the scope instead. */
  guard->internal++;
  rc = sqlite3_prepare_v2 (guard->handle, "SELECT name, sql FROM sqlite_master WHERE type = 'view'",
                           -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      if (sql && g_ascii_strncasecmp (sql, "CREATE VIEW", 11) == 0 &&
          !g_hash_table_contains (guard->allowed_sources, name))
        {
          g_ptr_array_add (views, g_strconcat ("CREATE TEMP VIEW", sql + 11, NULL));
          g_hash_table_insert (guard->allowed_sources, g_strdup (name), GINT_TO_POINTER (1));
        }
    }
  sqlite3_finalize (stmt);
  guard->internal--;

  if (!run_sql (guard, script->str, error))
    return FALSE;
  for (guint i = 0; i < views->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      /* One that cannot be copied stays refused to county staff. */
      if (!run_sql (guard, views->pdata[i], &local_error))
        g_debug ("A view is left out of the county scope: %s", local_error->message);
    }

  /* Triggers read the tables themselves; that is how writes work. */
  guard->internal++;
  rc = sqlite3_prepare_v2 (guard->handle,
                           "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                           "UNION ALL SELECT name FROM sqlite_temp_master WHERE type = 'trigger'",
                           -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (guard->allowed_sources, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (2));
  sqlite3_finalize (stmt);
  guard->internal--;
  if (rc != SQLITE_DONE)
    {
      _fz_database_set_error (guard->db, error, rc, _("Could not read the triggers of the database"));
      return FALSE;
    }
  guard->scoped = TRUE;
  guard->masked = mask;
  return TRUE;
}

gboolean
_fz_guard_is_scoped (FzGuard *guard)
{
  return guard->scoped;
}

gboolean
_fz_guard_masks_personal (FzGuard *guard)
{
  return guard != NULL && guard->scoped && guard->masked;
}

void
_fz_guard_set_bulk_insert (FzGuard    *guard,
                           const char *table)
{
  g_free (guard->bulk_table);
  guard->bulk_table = g_strdup (table);
}

void
_fz_guard_begin_migration (FzGuard *guard)
{
  g_autoptr(GError) error = NULL;

  if (guard->migrating++ == 0 && guard->scoped && !drop_scope (guard, &error))
    g_warning ("Could not lift the county scope for a migration: %s", error->message);
}

void
_fz_guard_end_migration (FzGuard *guard)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (guard->migrating > 0);
  if (--guard->migrating == 0 && !apply_scope (guard, &error))
    g_warning ("Could not set the county scope again after a migration: %s", error->message);
}

/* Session */

static void
session_clear (FzSession *session)
{
  g_clear_pointer (&session->operator_name, g_free);
  g_clear_pointer (&session->county_code, g_free);
  g_clear_pointer (&session->client, g_free);
  session->role = FZ_ROLE_NONE;
  session->operator_id = 0;
  session->single_user = FALSE;
}

static void
load_county_names (FzGuard *guard)
{
  sqlite3_stmt *stmt = NULL;

  g_hash_table_remove_all (guard->county_names);
  guard->internal++;
  if (sqlite3_prepare_v2 (guard->handle, "SELECT code, name FROM main.fz_county", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_insert (guard->county_names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  guard->internal--;
}

gboolean
_fz_guard_set_session (FzGuard     *guard,
                       FzRole       role,
                       gint64       operator_id,
                       const char  *operator_name,
                       const char  *county_code,
                       const char  *client,
                       gboolean     single_user,
                       GError     **error)
{
  g_autofree char *keep_client = g_strdup (client);

  session_clear (&guard->session);
  guard->session.role = role;
  guard->session.operator_id = operator_id;
  guard->session.operator_name = g_strdup (operator_name);
  guard->session.county_code = g_strdup (county_code);
  guard->session.client = g_steal_pointer (&keep_client);
  guard->session.single_user = single_user;
  load_county_names (guard);
  g_free (guard->county_name);
  guard->county_name = g_strdup (county_name (guard, county_code));
  if (guard->migrating > 0)
    return TRUE;
  return apply_scope (guard, error);
}

const FzSession *
_fz_guard_get_session (FzGuard *guard)
{
  return &guard->session;
}

void
_fz_guard_set_single_user_name (FzGuard    *guard,
                                const char *name)
{
  g_return_if_fail (guard->session.single_user);
  g_free (guard->session.operator_name);
  guard->session.operator_name = g_strdup (name);
}

void
_fz_guard_set_client (FzGuard    *guard,
                      const char *client)
{
  g_free (guard->session.client);
  guard->session.client = g_strdup (client);
}

void
_fz_guard_enter_internal (FzGuard *guard)
{
  guard->internal++;
}

void
_fz_guard_leave_internal (FzGuard *guard)
{
  g_return_if_fail (guard->internal > 0);
  guard->internal--;
}

gboolean
_fz_guard_start (FzGuard  *guard,
                 GError  **error)
{
  gint64 accounts = 0;

  _fz_guard_enter_internal (guard);
  if (!fz_database_query_int64 (guard->db, "SELECT count(*) FROM main.fz_operator", NULL, &accounts, NULL, error) ||
      !_fz_guard_install_triggers (guard, error))
    {
      _fz_guard_leave_internal (guard);
      return FALSE;
    }
  _fz_guard_leave_internal (guard);
  if (accounts == 0)
    return _fz_guard_set_session (guard, FZ_ROLE_ADMINISTRATOR, 0, g_get_user_name (), NULL, NULL, TRUE, error);
  return _fz_guard_set_session (guard, FZ_ROLE_NONE, 0, NULL, NULL, NULL, FALSE, error);
}

FzGuard *
_fz_guard_new (FzDatabase *db,
               sqlite3    *handle)
{
  FzGuard *guard = g_new0 (FzGuard, 1);
  const int flags = SQLITE_UTF8;

  guard->db = db;
  guard->handle = handle;
  guard->last_forwarded = -1;
  /* Until _fz_guard_start(): the migrations at open are made by the program
   * for the system user, with no scope to set up. */
  guard->session.operator_name = g_strdup (g_get_user_name ());
  guard->session.role = FZ_ROLE_ADMINISTRATOR;
  guard->session.single_user = TRUE;
  guard->county_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guard->scope_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, table_info_free);
  guard->allowed_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guard->forward_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  sqlite3_create_function (handle, "fz_may_write", 5, flags, guard, sql_may_write, NULL, NULL);
  sqlite3_create_function (handle, "fz_audit_operator", 0, flags, guard, sql_audit_operator, NULL, NULL);
  sqlite3_create_function (handle, "fz_audit_client", 0, flags, guard, sql_audit_client, NULL, NULL);
  sqlite3_create_function (handle, "fz_audit_each_insert", 1, flags, guard, sql_audit_each_insert, NULL, NULL);
  /* Deterministic within a statement, so that a view's county is a constant
   * the query planner looks up in an index. */
  sqlite3_create_function (handle, "fz_scope_county", 0, flags | SQLITE_DETERMINISTIC, guard,
                           sql_scope_county, NULL, NULL);
  sqlite3_create_function (handle, "fz_scope_write", -1, flags, guard, sql_scope_write, NULL, NULL);
  sqlite3_create_function (handle, "fz_mask_personal", 2, flags | SQLITE_DETERMINISTIC, guard,
                           sql_mask_personal, NULL, NULL);
  sqlite3_set_authorizer (handle, authorize, guard);
  return guard;
}

void
_fz_guard_free (FzGuard *guard)
{
  if (guard == NULL)
    return;
  sqlite3_set_authorizer (guard->handle, NULL, NULL);
  g_hash_table_unref (guard->forward_cache);
  g_hash_table_unref (guard->allowed_sources);
  g_hash_table_unref (guard->scope_tables);
  g_hash_table_unref (guard->county_names);
  session_clear (&guard->session);
  g_free (guard->county_name);
  g_free (guard->bulk_table);
  g_free (guard);
}
