/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* The audit trail: every insert, update and delete of every table, core and
 * plugin, and the sign-ins, locks and exports, as triggers and libfuzhu
 * recorded them (fz_audit). Append-only: nothing here changes it. Reading
 * it needs FZ_PERMISSION_READ_AUDIT; county staff see their county's rows. */

/* What to list. Zero-filled means everything. */
typedef struct {
  const char *table_name;    /* exactly, e.g. "fz_person" or "template_note"; NULL or "" for any */
  const char *operator_name; /* exactly; NULL or "" for any */
  const char *record_id;     /* exactly; NULL or "" for any */
  const char *action;        /* "insert", "update", "delete", "sign-in"...; NULL or "" for any */
  const char *since;         /* YYYY-MM-DD, local date, included; NULL or "" for no bound */
  const char *until;         /* YYYY-MM-DD, local date, included; NULL or "" for no bound */
} FzAuditFilter;

typedef struct {
  gint64  id;
  char   *time;          /* UTC, ISO 8601 with milliseconds */
  char   *operator_name;
  char   *client;        /* "window", "command line", or NULL */
  char   *action;
  char   *table_name;
  char   *record_id;     /* the row's key: its id, the key value, or a JSON array of key values */
  char   *county_code;
  char   *old_values;    /* JSON object: the values before (update: the changed columns only) */
  char   *new_values;    /* JSON object: the values after, or an event's details */
} FzAuditEntry;

#define FZ_TYPE_AUDIT_ENTRY (fz_audit_entry_get_type ())
GType         fz_audit_entry_get_type  (void) G_GNUC_CONST;
FzAuditEntry *fz_audit_entry_copy      (const FzAuditEntry *entry);
void          fz_audit_entry_free      (FzAuditEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzAuditEntry, fz_audit_entry_free)

/* How many entries @filter (NULL for all) matches. Fails with
 * FZ_VALIDATE_ERROR for a date that is not YYYY-MM-DD, FZ_ACCESS_ERROR
 * when the role may not read the audit trail. */
gboolean      fz_audit_count           (FzContext            *context,
                                        const FzAuditFilter  *filter,
                                        guint                *n_entries,
                                        GError              **error);
/* Entries @offset to @offset + @limit - 1 of those @filter matches, newest
 * first. Returns an array of FzAuditEntry. */
GPtrArray    *fz_audit_list            (FzContext            *context,
                                        const FzAuditFilter  *filter,
                                        guint                 offset,
                                        guint                 limit,
                                        GError              **error);
typedef gboolean (*FzAuditFunc) (const FzAuditEntry  *entry,
                                 gpointer             user_data,
                                 GError             **error);
/* Calls @func for each entry @filter matches, newest first, with one query
 * (no paging): for long listings. Stops, failing, when @func fails. */
gboolean      fz_audit_foreach         (FzContext            *context,
                                        const FzAuditFilter  *filter,
                                        FzAuditFunc           func,
                                        gpointer              user_data,
                                        GError              **error);
/* Writes the entries @filter matches to @path, CSV or XLSX by its extension,
 * readable by its owner only, with local times. Needs
 * FZ_PERMISSION_EXPORT_PERSONAL too (the values hold personal data), and is
 * itself recorded in the audit trail. */
gboolean      fz_audit_export          (FzContext            *context,
                                        const FzAuditFilter  *filter,
                                        const char           *path,
                                        guint                *n_exported,
                                        GError              **error);
/* The tables the audit trail names, sorted: for a search form. */
char        **fz_audit_dup_table_names (FzContext            *context,
                                        GError              **error);
/* @time (as in FzAuditEntry) as local time, "YYYY-MM-DD HH:MM:SS". */
char         *fz_audit_format_time     (const char           *time);
/* @action ("insert"...) in the user's language. */
const char   *fz_audit_action_to_string (const char          *action);

G_END_DECLS
