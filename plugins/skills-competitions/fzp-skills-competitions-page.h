/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_SKILLS_COMPETITIONS_PAGE (fzp_skills_competitions_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsPage, fzp_skills_competitions_page, FZP, SKILLS_COMPETITIONS_PAGE, AdwBin)

GtkWidget *fzp_skills_competitions_page_new (FzContext *context);

G_END_DECLS
