/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_BLIND_MASSAGE_MEASURE (fzp_blind_massage_measure_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageMeasure, fzp_blind_massage_measure, FZP, BLIND_MASSAGE_MEASURE, GObject)

G_END_DECLS
