/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* One entry of the audit trail, as a list item. */
#define FZ_TYPE_AUDIT_ITEM (fz_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (FzAuditItem, fz_audit_item, FZ, AUDIT_ITEM, GObject)

const FzAuditEntry *fz_audit_item_get_entry (FzAuditItem *self);

/* The entries of the audit trail a filter matches, newest first, as a
 * GListModel that reads them a page at a time as they are shown. */
#define FZ_TYPE_AUDIT_MODEL (fz_audit_model_get_type ())
G_DECLARE_FINAL_TYPE (FzAuditModel, fz_audit_model, FZ, AUDIT_MODEL, GObject)

FzAuditModel *fz_audit_model_new        (FzContext            *context);
/* Shows what @filter matches (NULL: everything); fails, leaving the list
 * as it was, with the error of fz_audit_count(). */
gboolean      fz_audit_model_set_filter (FzAuditModel         *self,
                                         const FzAuditFilter  *filter,
                                         GError              **error);
const FzAuditFilter *fz_audit_model_get_filter (FzAuditModel  *self);

G_END_DECLS
