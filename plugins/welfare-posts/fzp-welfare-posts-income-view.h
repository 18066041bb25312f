/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The low-income household income rule: a calculator for a person and a
 * month that says how much counts and why, and the rules it uses, which
 * an administrator changes from a day on. */
#define FZP_TYPE_WELFARE_POSTS_INCOME_VIEW (fzp_welfare_posts_income_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsIncomeView, fzp_welfare_posts_income_view, FZP, WELFARE_POSTS_INCOME_VIEW, AdwBin)

void fzp_welfare_posts_income_view_set_context (FzpWelfarePostsIncomeView *self,
                                                FzContext                 *context);

G_END_DECLS
