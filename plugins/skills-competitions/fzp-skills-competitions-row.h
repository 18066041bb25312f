/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fzp-skills-competitions-data.h"

G_BEGIN_DECLS

/* One entrant as the score grid shows it: an item of its list model whose
 * properties change in place as scores are entered, so that the cells
 * follow without the row being rebuilt (and without losing the focus). */

#define FZP_TYPE_SKILLS_COMPETITIONS_ROW (fzp_skills_competitions_row_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsRow, fzp_skills_competitions_row, FZP, SKILLS_COMPETITIONS_ROW, GObject)

FzpSkillsCompetitionsRow *fzp_skills_competitions_row_new        (const FzpSkillsCompetitionsEntrant *entrant);
/* Takes the entrant's current values; notifies the properties that
 * changed and emits ::scores-changed when a score did. */
void        fzp_skills_competitions_row_update     (FzpSkillsCompetitionsRow           *self,
                                                    const FzpSkillsCompetitionsEntrant *entrant);
gint64      fzp_skills_competitions_row_get_id     (FzpSkillsCompetitionsRow           *self);
guint       fzp_skills_competitions_row_get_number (FzpSkillsCompetitionsRow           *self);
const char *fzp_skills_competitions_row_get_name   (FzpSkillsCompetitionsRow           *self);
const char *fzp_skills_competitions_row_get_award  (FzpSkillsCompetitionsRow           *self);
gboolean    fzp_skills_competitions_row_get_absent (FzpSkillsCompetitionsRow           *self);
/* The score of judge @seat (from 1) as text ("95.50"), "" when none. */
char       *fzp_skills_competitions_row_dup_score  (FzpSkillsCompetitionsRow           *self,
                                                    guint                               seat);
/* Whether judge @seat's score was dropped by the trimmed rule. */
gboolean    fzp_skills_competitions_row_is_dropped (FzpSkillsCompetitionsRow           *self,
                                                    guint                               seat);

G_END_DECLS
