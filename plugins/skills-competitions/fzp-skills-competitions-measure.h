/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_SKILLS_COMPETITIONS_MEASURE (fzp_skills_competitions_measure_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsMeasure, fzp_skills_competitions_measure, FZP, SKILLS_COMPETITIONS_MEASURE, GObject)

G_END_DECLS
