/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_WELFARE_POSTS_MEASURE (fzp_welfare_posts_measure_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsMeasure, fzp_welfare_posts_measure, FZP, WELFARE_POSTS_MEASURE, GObject)

G_END_DECLS
