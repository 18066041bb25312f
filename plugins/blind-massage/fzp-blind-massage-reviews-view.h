/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The yearly reviews due and overdue on a date, and the form that records
 * one: a review cannot pass while the year's continuing education is short,
 * and the form says by how many hours.
 * Emits "changed" after it wrote something. */
#define FZP_TYPE_BLIND_MASSAGE_REVIEWS_VIEW (fzp_blind_massage_reviews_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageReviewsView, fzp_blind_massage_reviews_view, FZP, BLIND_MASSAGE_REVIEWS_VIEW, AdwBin)

GtkWidget *fzp_blind_massage_reviews_view_new    (FzContext *context);
void       fzp_blind_massage_reviews_view_reload (FzpBlindMassageReviewsView *self);

G_END_DECLS
