/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The rules that are data: the yearly review's cycle, due date, class hours
 * and requirements from a date, and the title ladder.
 * Emits "changed" after it wrote something. */
#define FZP_TYPE_BLIND_MASSAGE_RULES_VIEW (fzp_blind_massage_rules_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageRulesView, fzp_blind_massage_rules_view, FZP, BLIND_MASSAGE_RULES_VIEW, AdwBin)

GtkWidget *fzp_blind_massage_rules_view_new    (FzContext *context);
void       fzp_blind_massage_rules_view_reload (FzpBlindMassageRulesView *self);

G_END_DECLS
