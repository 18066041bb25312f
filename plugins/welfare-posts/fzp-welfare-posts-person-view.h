/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* One person: the conditions of hard-to-employ recognition checked against
 * the registry, the recognition itself, and placing the person in a post.
 * Emits "changed" after it changed data. */
#define FZP_TYPE_WELFARE_POSTS_PERSON_VIEW (fzp_welfare_posts_person_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsPersonView, fzp_welfare_posts_person_view, FZP, WELFARE_POSTS_PERSON_VIEW, AdwBin)

void fzp_welfare_posts_person_view_set_context (FzpWelfarePostsPersonView *self,
                                                FzContext                 *context);
void fzp_welfare_posts_person_view_reload      (FzpWelfarePostsPersonView *self);
/* Looks @number (identity or certificate) up, as typing it would. */
void fzp_welfare_posts_person_view_show_person (FzpWelfarePostsPersonView *self,
                                                const char                *number);

G_END_DECLS
