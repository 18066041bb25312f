/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* Blind medical massage clinics, their medical insurance designation, and
 * blind massage posts at hospitals.
 * Emits "changed" after it wrote something. */
#define FZP_TYPE_BLIND_MASSAGE_CLINICS_VIEW (fzp_blind_massage_clinics_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageClinicsView, fzp_blind_massage_clinics_view, FZP, BLIND_MASSAGE_CLINICS_VIEW, AdwBin)

GtkWidget *fzp_blind_massage_clinics_view_new    (FzContext *context);
void       fzp_blind_massage_clinics_view_reload (FzpBlindMassageClinicsView *self);

G_END_DECLS
