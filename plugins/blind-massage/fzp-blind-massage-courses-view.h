/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* Continuing education courses and who attended them.
 * Emits "changed" after it wrote something. */
#define FZP_TYPE_BLIND_MASSAGE_COURSES_VIEW (fzp_blind_massage_courses_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageCoursesView, fzp_blind_massage_courses_view, FZP, BLIND_MASSAGE_COURSES_VIEW, AdwBin)

GtkWidget *fzp_blind_massage_courses_view_new    (FzContext *context);
void       fzp_blind_massage_courses_view_reload (FzpBlindMassageCoursesView *self);

G_END_DECLS
