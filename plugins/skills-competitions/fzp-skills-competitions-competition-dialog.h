/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The form of a new competition. Problems show under the form, on the
 * field they concern, and are announced; ::saved gives the new id. */

#define FZP_TYPE_SKILLS_COMPETITIONS_COMPETITION_DIALOG (fzp_skills_competitions_competition_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsCompetitionDialog, fzp_skills_competitions_competition_dialog,
                      FZP, SKILLS_COMPETITIONS_COMPETITION_DIALOG, AdwWindow)

GtkWidget *fzp_skills_competitions_competition_dialog_new (GtkWindow *parent,
                                                           FzContext *context);

G_END_DECLS
