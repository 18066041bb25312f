/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The placements: those in posts today or all of them, import and export,
 * and ending the selected one. Emits "changed" after it changed data. */
#define FZP_TYPE_WELFARE_POSTS_PLACEMENTS_VIEW (fzp_welfare_posts_placements_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsPlacementsView, fzp_welfare_posts_placements_view, FZP, WELFARE_POSTS_PLACEMENTS_VIEW, AdwBin)

void fzp_welfare_posts_placements_view_set_context (FzpWelfarePostsPlacementsView *self,
                                                    FzContext                     *context);
void fzp_welfare_posts_placements_view_reload      (FzpWelfarePostsPlacementsView *self);

G_END_DECLS
