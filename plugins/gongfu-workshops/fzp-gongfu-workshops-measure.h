/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_GONGFU_WORKSHOPS_MEASURE (fzp_gongfu_workshops_measure_get_type ())
G_DECLARE_FINAL_TYPE (FzpGongfuWorkshopsMeasure, fzp_gongfu_workshops_measure, FZP, GONGFU_WORKSHOPS_MEASURE, GObject)

G_END_DECLS
