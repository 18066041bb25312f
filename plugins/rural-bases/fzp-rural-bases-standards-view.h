/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_RURAL_BASES_STANDARDS_VIEW (fzp_rural_bases_standards_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesStandardsView, fzp_rural_bases_standards_view, FZP, RURAL_BASES_STANDARDS_VIEW, AdwBin)

void fzp_rural_bases_standards_view_set_context (FzpRuralBasesStandardsView *self,
                                                 FzContext                  *context);
/* Reads the data again. */
void fzp_rural_bases_standards_view_reload      (FzpRuralBasesStandardsView *self);

G_END_DECLS
