/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* One base in full: its recognitions, the persons it employs and helps,
 * and its yearly assessments, each with the form that adds to it.
 * Signals: "changed" after it changed the base's data; "edit" (gint64 id)
 * when the user asks to change the base itself. */
#define FZP_TYPE_RURAL_BASES_BASE_VIEW (fzp_rural_bases_base_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesBaseView, fzp_rural_bases_base_view, FZP, RURAL_BASES_BASE_VIEW, AdwBin)

void fzp_rural_bases_base_view_set_context (FzpRuralBasesBaseView *self,
                                            FzContext             *context);
/* Shows base @id, or a hint to choose one when @id is 0. */
void fzp_rural_bases_base_view_show        (FzpRuralBasesBaseView *self,
                                            gint64                 id);

G_END_DECLS
