/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The post catalogue: a list with filters, import and export, and the form
 * that adds a post or changes the selected one. Emits "changed" after it
 * changed data. */
#define FZP_TYPE_WELFARE_POSTS_POSTS_VIEW (fzp_welfare_posts_posts_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsPostsView, fzp_welfare_posts_posts_view, FZP, WELFARE_POSTS_POSTS_VIEW, AdwBin)

void fzp_welfare_posts_posts_view_set_context (FzpWelfarePostsPostsView *self,
                                               FzContext                *context);
void fzp_welfare_posts_posts_view_reload      (FzpWelfarePostsPostsView *self);

G_END_DECLS
