/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The measure's page: practitioners, reviews, exams, education, clinics
 * and posts, and the rules, one view each, kept in step with each other. */
#define FZP_TYPE_BLIND_MASSAGE_PAGE (fzp_blind_massage_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassagePage, fzp_blind_massage_page, FZP, BLIND_MASSAGE_PAGE, AdwBin)

GtkWidget *fzp_blind_massage_page_new (FzContext *context);

G_END_DECLS
