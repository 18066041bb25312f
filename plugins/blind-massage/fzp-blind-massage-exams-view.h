/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* Exam sessions, and the results of each.
 * Emits "changed" after it wrote something. */
#define FZP_TYPE_BLIND_MASSAGE_EXAMS_VIEW (fzp_blind_massage_exams_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageExamsView, fzp_blind_massage_exams_view, FZP, BLIND_MASSAGE_EXAMS_VIEW, AdwBin)

GtkWidget *fzp_blind_massage_exams_view_new    (FzContext *context);
void       fzp_blind_massage_exams_view_reload (FzpBlindMassageExamsView *self);

G_END_DECLS
