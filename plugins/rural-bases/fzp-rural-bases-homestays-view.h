/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_RURAL_BASES_HOMESTAYS_VIEW (fzp_rural_bases_homestays_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesHomestaysView, fzp_rural_bases_homestays_view, FZP, RURAL_BASES_HOMESTAYS_VIEW, AdwBin)

void fzp_rural_bases_homestays_view_set_context (FzpRuralBasesHomestaysView *self,
                                                 FzContext                  *context);
/* Reads the data again. */
void fzp_rural_bases_homestays_view_reload      (FzpRuralBasesHomestaysView *self);

G_END_DECLS
