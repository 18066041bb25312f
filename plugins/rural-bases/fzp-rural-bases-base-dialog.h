/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The form that adds a base or changes one, with a message under each
 * field that is wrong. Emits "saved" with the base's id once it is saved. */
#define FZP_TYPE_RURAL_BASES_BASE_DIALOG (fzp_rural_bases_base_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesBaseDialog, fzp_rural_bases_base_dialog, FZP, RURAL_BASES_BASE_DIALOG, AdwWindow)

/* @base_id 0 adds a new base. */
GtkWidget *fzp_rural_bases_base_dialog_new (GtkWindow *parent,
                                            FzContext *context,
                                            gint64     base_id);

G_END_DECLS
