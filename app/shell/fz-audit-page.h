/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_AUDIT_PAGE (fz_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (FzAuditPage, fz_audit_page, FZ, AUDIT_PAGE, AdwBin)

/* The audit trail, searched by table, operator, record, action and days,
 * and exported as CSV or XLSX. */
GtkWidget *fz_audit_page_new    (FzPluginManager *manager);
/* Runs the search the fields describe; FALSE (the reason shown) when one
 * of them is wrong. */
gboolean   fz_audit_page_search (FzAuditPage     *self);
/* Exports what the search shows to @path. */
gboolean   fz_audit_page_export (FzAuditPage     *self,
                                 const char      *path,
                                 GError         **error);

G_END_DECLS
