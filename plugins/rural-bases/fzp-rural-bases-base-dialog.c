/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include "fzp-rural-bases-base-dialog.h"

struct _FzpRuralBasesBaseDialog
{
  AdwWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesBaseDialog, fzp_rural_bases_base_dialog, ADW_TYPE_WINDOW)

static void
fzp_rural_bases_base_dialog_class_init (FzpRuralBasesBaseDialogClass *klass)
{
}

static void
fzp_rural_bases_base_dialog_init (FzpRuralBasesBaseDialog *self)
{
}

GtkWidget *
fzp_rural_bases_base_dialog_new (GtkWindow *parent,
                                 FzContext *context,
                                 gint64     base_id)
{
  return g_object_new (FZP_TYPE_RURAL_BASES_BASE_DIALOG, "transient-for", parent, NULL);
}
