/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_WELFARE_POSTS_PAGE (fzp_welfare_posts_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsPage, fzp_welfare_posts_page, FZP, WELFARE_POSTS_PAGE, AdwBin)

/* The measure's page: the post catalogue, recognition and placement of a
 * person, the placements, and the income rule with its editable rules. */
GtkWidget *fzp_welfare_posts_page_new (FzContext *context);

G_END_DECLS
