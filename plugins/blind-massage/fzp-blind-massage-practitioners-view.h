/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The practitioners: a list that pages from the database, the form to add
 * one, and for the one selected their record and the forms to change it.
 * Emits "changed" after it wrote something. */
#define FZP_TYPE_BLIND_MASSAGE_PRACTITIONERS_VIEW (fzp_blind_massage_practitioners_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassagePractitionersView, fzp_blind_massage_practitioners_view,
                      FZP, BLIND_MASSAGE_PRACTITIONERS_VIEW, AdwBin)

GtkWidget *fzp_blind_massage_practitioners_view_new    (FzContext                        *context);
void       fzp_blind_massage_practitioners_view_reload (FzpBlindMassagePractitionersView *self);

G_END_DECLS
