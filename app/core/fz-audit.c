/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-access-private.h"
#include "fz-audit.h"
#include "fz-context.h"
#include "fz-table.h"
#include "fz-validate.h"

G_DEFINE_BOXED_TYPE (FzAuditEntry, fz_audit_entry, fz_audit_entry_copy, fz_audit_entry_free)

FzAuditEntry *
fz_audit_entry_copy (const FzAuditEntry *entry)
{
  FzAuditEntry *copy = g_new0 (FzAuditEntry, 1);

  copy->id = entry->id;
  copy->time = g_strdup (entry->time);
  copy->operator_name = g_strdup (entry->operator_name);
  copy->client = g_strdup (entry->client);
  copy->action = g_strdup (entry->action);
  copy->table_name = g_strdup (entry->table_name);
  copy->record_id = g_strdup (entry->record_id);
  copy->county_code = g_strdup (entry->county_code);
  copy->old_values = g_strdup (entry->old_values);
  copy->new_values = g_strdup (entry->new_values);
  return copy;
}

void
fz_audit_entry_free (FzAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->operator_name);
  g_free (entry->client);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->record_id);
  g_free (entry->county_code);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

const char *
fz_audit_action_to_string (const char *action)
{
  static const struct { const char *nick, *text; } actions[] = {
    { "insert", N_("Added") },
    { "update", N_("Changed") },
    { "delete", N_("Deleted") },
    { "sign-in", N_("Signed in") },
    { "sign-in-failed", N_("Sign-in failed") },
    { "sign-in-refused", N_("Sign-in refused (disabled)") },
    { "sign-out", N_("Signed out") },
    { "lock", N_("Locked") },
    { "unlock", N_("Unlocked") },
    { "unlock-failed", N_("Unlock failed") },
    { "export", N_("Exported") },
    { "import", N_("Imported") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i].nick) == 0)
      return _(actions[i].text);
  return action ? action : "";
}

char *
fz_audit_format_time (const char *time)
{
  g_autoptr(GDateTime) utc = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (time ? time : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* The UTC instant where local date @text (+ @days) begins, as fz_audit
 * writes times, for comparing as text. */
static gboolean
local_day_start (const char  *text,
                 const char  *field,
                 int          days,
                 char       **utc,
                 GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  GDate date;

  if (!fz_parse_date (text, field, &date, error))
    return FALSE;
  g_date_add_days (&date, days);
  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  in_utc = g_date_time_to_utc (start);
  *utc = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%S");
  return TRUE;
}

typedef struct {
  GString   *where;
  GPtrArray *params;  /* char*, in the order of the ? */
} Query;

static void
query_clear (Query *q)
{
  g_string_free (q->where, TRUE);
  g_ptr_array_unref (q->params);
}

static void
query_add (Query      *q,
           const char *fragment,
           const char *value)
{
  g_string_append_printf (q->where, " AND %s", fragment);
  g_ptr_array_add (q->params, g_strdup (value));
}

static gboolean
query_init (Query                *q,
            const FzAuditFilter  *filter,
            GError              **error)
{
  q->where = g_string_new ("1");
  q->params = g_ptr_array_new_with_free_func (g_free);
  if (filter == NULL)
    return TRUE;
  if (filter->table_name && *filter->table_name)
    query_add (q, "table_name = ?", filter->table_name);
  if (filter->record_id && *filter->record_id)
    {
      /* A record an import added is in that import's row, which names the
       * range of ids it gave (_fz_registry_end_bulk); both sides of the OR
       * are looked up in the index on record_id. */
      query_add (q, "(record_id = ? OR (record_id IS NULL AND action = 'import' AND "
                    "CAST(? AS INTEGER) BETWEEN json_extract(new_values, '$.first_id') "
                    "AND json_extract(new_values, '$.last_id')))", filter->record_id);
      g_ptr_array_add (q->params, g_strdup (filter->record_id));
    }
  if (filter->operator_name && *filter->operator_name)
    query_add (q, "operator = ?", filter->operator_name);
  if (filter->action && *filter->action)
    query_add (q, "action = ?", filter->action);
  if (filter->since && *filter->since)
    {
      g_autofree char *utc = NULL;
      if (!local_day_start (filter->since, _("From"), 0, &utc, error))
        return FALSE;
      query_add (q, "time >= ?", utc);
    }
  if (filter->until && *filter->until)
    {
      g_autofree char *utc = NULL;
      if (!local_day_start (filter->until, _("To"), 1, &utc, error))
        return FALSE;
      query_add (q, "time < ?", utc);
    }
  return TRUE;
}

static void
query_bind (Query       *q,
            FzStatement *stmt)
{
  for (guint i = 0; i < q->params->len; i++)
    fz_statement_bind_text (stmt, (int) i + 1, q->params->pdata[i]);
}

static gboolean
require_audit (FzContext  *context,
               GError    **error)
{
  return _fz_access_check (fz_context_get_database (context), FZ_PERMISSION_READ_AUDIT,
                           _("read the audit trail"), error);
}

gboolean
fz_audit_count (FzContext            *context,
                const FzAuditFilter  *filter,
                guint                *n_entries,
                GError              **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean ok = FALSE;
  Query q;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (n_entries != NULL, FALSE);

  if (!require_audit (context, error))
    return FALSE;
  if (!query_init (&q, filter, error))
    {
      query_clear (&q);
      return FALSE;
    }
  sql = g_strconcat ("SELECT count(*) FROM fz_audit WHERE ", q.where->str, NULL);
  stmt = fz_database_prepare (fz_context_get_database (context), sql, error);
  if (stmt)
    {
      query_bind (&q, stmt);
      ok = fz_statement_step (stmt, error);
      if (ok)
        *n_entries = (guint) fz_statement_get_int64 (stmt, 0);
    }
  query_clear (&q);
  return ok;
}

typedef gboolean (*EntryFunc) (FzStatement  *row,
                               gpointer      user_data,
                               GError      **error);

#define ENTRY_COLUMNS \
  "id, time, operator, client, action, table_name, record_id, county_code, old_values, new_values"

static gboolean
foreach_entry (FzContext            *context,
               const FzAuditFilter  *filter,
               gint64                offset,
               gint64                limit,
               EntryFunc             func,
               gpointer              user_data,
               GError              **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  Query q;

  if (!query_init (&q, filter, error))
    {
      query_clear (&q);
      return FALSE;
    }
  sql = g_strconcat ("SELECT " ENTRY_COLUMNS " FROM fz_audit WHERE ", q.where->str,
                     " ORDER BY id DESC LIMIT ? OFFSET ?", NULL);
  stmt = fz_database_prepare (fz_context_get_database (context), sql, error);
  if (stmt)
    {
      query_bind (&q, stmt);
      fz_statement_bind_int64 (stmt, (int) q.params->len + 1, limit);
      fz_statement_bind_int64 (stmt, (int) q.params->len + 2, offset);
    }
  query_clear (&q);
  if (stmt == NULL)
    return FALSE;
  while (fz_statement_step (stmt, &local_error))
    if (!func (stmt, user_data, error))
      return FALSE;
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static FzAuditEntry *
entry_from_row (FzStatement *row)
{
  FzAuditEntry *entry = g_new0 (FzAuditEntry, 1);

  entry->id = fz_statement_get_int64 (row, 0);
  entry->time = fz_statement_dup_text (row, 1);
  entry->operator_name = fz_statement_dup_text (row, 2);
  entry->client = fz_statement_dup_text (row, 3);
  entry->action = fz_statement_dup_text (row, 4);
  entry->table_name = fz_statement_dup_text (row, 5);
  entry->record_id = fz_statement_dup_text (row, 6);
  entry->county_code = fz_statement_dup_text (row, 7);
  entry->old_values = fz_statement_dup_text (row, 8);
  entry->new_values = fz_statement_dup_text (row, 9);
  return entry;
}

static gboolean
collect_entry (FzStatement  *row,
               gpointer      user_data,
               GError      **error)
{
  g_ptr_array_add (user_data, entry_from_row (row));
  return TRUE;
}

typedef struct {
  FzAuditFunc func;
  gpointer    user_data;
} Foreach;

static gboolean
call_entry (FzStatement  *row,
            gpointer      user_data,
            GError      **error)
{
  Foreach *each = user_data;
  g_autoptr(FzAuditEntry) entry = entry_from_row (row);

  return each->func (entry, each->user_data, error);
}

gboolean
fz_audit_foreach (FzContext            *context,
                  const FzAuditFilter  *filter,
                  FzAuditFunc           func,
                  gpointer              user_data,
                  GError              **error)
{
  Foreach each = { func, user_data };

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return require_audit (context, error) &&
         foreach_entry (context, filter, 0, -1, call_entry, &each, error);
}

GPtrArray *
fz_audit_list (FzContext            *context,
               const FzAuditFilter  *filter,
               guint                 offset,
               guint                 limit,
               GError              **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_audit_entry_free);

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);

  if (!require_audit (context, error) ||
      !foreach_entry (context, filter, offset, limit, collect_entry, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

typedef struct {
  FzTableWriter *writer;
  guint          count;
} Export;

static gboolean
export_entry (FzStatement  *row,
              gpointer      user_data,
              GError      **error)
{
  Export *export = user_data;
  g_autofree char *time = fz_audit_format_time (fz_statement_get_text (row, 1));
  const char *fields[] = {
    time,
    fz_statement_get_text (row, 2),
    fz_statement_get_text (row, 3),
    fz_statement_get_text (row, 4),
    fz_statement_get_text (row, 5),
    fz_statement_get_text (row, 6),
    fz_statement_get_text (row, 7),
    fz_statement_get_text (row, 8),
    fz_statement_get_text (row, 9),
  };

  export->count++;
  return fz_table_writer_add_row (export->writer, fields, G_N_ELEMENTS (fields), error);
}

gboolean
fz_audit_export (FzContext            *context,
                 const FzAuditFilter  *filter,
                 const char           *path,
                 guint                *n_exported,
                 GError              **error)
{
  FzDatabase *db;
  g_autoptr(FzTableWriter) writer = NULL;
  g_autofree char *details = NULL;
  /* Headers as staff's sheets have them, whatever the UI language. */
  const char *header[] = { "时间", "操作员", "来源", "操作", "数据表", "记录", "县(市、区)代码", "原值", "新值" };
  Export export = { 0 };

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = fz_context_get_database (context);
  if (!require_audit (context, error) ||
      !_fz_access_check (db, FZ_PERMISSION_EXPORT_PERSONAL, _("export the audit trail"), error))
    return FALSE;

  writer = fz_table_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  fz_table_writer_set_column (writer, 0, FZ_TABLE_COLUMN_TEXT, 20);
  fz_table_writer_set_column (writer, 5, FZ_TABLE_COLUMN_IDENTIFIER, 12);
  fz_table_writer_set_column (writer, 6, FZ_TABLE_COLUMN_IDENTIFIER, 10);
  fz_table_writer_set_column (writer, 7, FZ_TABLE_COLUMN_TEXT, 60);
  fz_table_writer_set_column (writer, 8, FZ_TABLE_COLUMN_TEXT, 60);
  export.writer = writer;
  if (!fz_table_writer_add_row (writer, header, G_N_ELEMENTS (header), error) ||
      !foreach_entry (context, filter, 0, -1, export_entry, &export, error) ||
      !fz_table_writer_close (writer, error))
    {
      g_prefix_error (error, _("Could not export the audit trail to %s: "), path);
      return FALSE;
    }
  if (n_exported)
    *n_exported = export.count;
  details = _fz_audit_export_details (path, export.count, "audit trail");
  return _fz_audit_record_event (db, "export", "fz_audit", NULL, details, error);
}

char **
fz_audit_dup_table_names (FzContext  *context,
                          GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);

  if (!require_audit (context, error))
    return NULL;
  /* The index on table_name answers this without reading the rows. */
  stmt = fz_database_query (fz_context_get_database (context),
                            "SELECT DISTINCT table_name FROM fz_audit ORDER BY table_name", NULL, error);
  if (stmt == NULL)
    return NULL;
  while (fz_statement_step (stmt, &local_error))
    g_strv_builder_add (builder, fz_statement_get_text (stmt, 0));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strv_builder_end (builder);
}
