/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_RURAL_BASES_MEASURE (fzp_rural_bases_measure_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesMeasure, fzp_rural_bases_measure, FZP, RURAL_BASES_MEASURE, GObject)

G_END_DECLS
