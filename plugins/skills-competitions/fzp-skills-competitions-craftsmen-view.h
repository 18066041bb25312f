/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* 残疾人工匠 and 浙江省技术能手: nominations, from awardees or otherwise, the
 * decisions on them, and the list of those selected. */

#define FZP_TYPE_SKILLS_COMPETITIONS_CRAFTSMEN_VIEW (fzp_skills_competitions_craftsmen_view_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsCraftsmenView, fzp_skills_competitions_craftsmen_view,
                      FZP, SKILLS_COMPETITIONS_CRAFTSMEN_VIEW, AdwBin)

void fzp_skills_competitions_craftsmen_view_set_context (FzpSkillsCompetitionsCraftsmenView *self,
                                                         FzContext                          *context);
/* Reads the nominations and the results again. */
void fzp_skills_competitions_craftsmen_view_reload      (FzpSkillsCompetitionsCraftsmenView *self);

G_END_DECLS
