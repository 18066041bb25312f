/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_RURAL_BASES_TRAINING_VIEW (fzp_rural_bases_training_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesTrainingView, fzp_rural_bases_training_view, FZP, RURAL_BASES_TRAINING_VIEW, AdwBin)

void fzp_rural_bases_training_view_set_context (FzpRuralBasesTrainingView *self,
                                                FzContext                 *context);
/* Reads the data again. */
void fzp_rural_bases_training_view_reload      (FzpRuralBasesTrainingView *self);

G_END_DECLS
