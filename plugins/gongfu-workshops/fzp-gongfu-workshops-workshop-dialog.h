/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The form that adds a workshop or changes one. Emits "saved" with the
 * workshop's id, then closes. */
#define FZP_TYPE_GONGFU_WORKSHOPS_WORKSHOP_DIALOG (fzp_gongfu_workshops_workshop_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FzpGongfuWorkshopsWorkshopDialog, fzp_gongfu_workshops_workshop_dialog,
                      FZP, GONGFU_WORKSHOPS_WORKSHOP_DIALOG, AdwWindow)

/* @workshop_id 0 for a new workshop. */
GtkWidget *fzp_gongfu_workshops_workshop_dialog_new (GtkWindow *parent,
                                                     FzContext *context,
                                                     gint64     workshop_id);

G_END_DECLS
