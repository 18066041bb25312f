/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"
#include "fzp-skills-competitions-row.h"

G_BEGIN_DECLS

/* The judges' scores of one event as a grid that works from the keyboard
 * alone: one editable cell per judge and entrant; Enter or Down saves and
 * goes to the same judge's cell of the next entrant, Tab and Shift+Tab to
 * the next and previous judge, Escape undoes the typing. The final score,
 * rank and award follow as scores are saved. ::changed is emitted after
 * every change saved, ::problem with a message to show (NULL clears it). */

#define FZP_TYPE_SKILLS_COMPETITIONS_SCORE_GRID (fzp_skills_competitions_score_grid_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsScoreGrid, fzp_skills_competitions_score_grid, FZP, SKILLS_COMPETITIONS_SCORE_GRID, AdwBin)

GtkWidget                *fzp_skills_competitions_score_grid_new          (void);
/* Shows @event_id of @context (0: none); @locked makes every cell read-only. */
void                      fzp_skills_competitions_score_grid_set_event    (FzpSkillsCompetitionsScoreGrid *self,
                                                                           FzContext                      *context,
                                                                           gint64                          event_id,
                                                                           gboolean                        locked);
/* Reads the event's entrants again, keeping the rows (and the focus). */
void                      fzp_skills_competitions_score_grid_reload       (FzpSkillsCompetitionsScoreGrid *self);
/* The entrant whose row is selected, or NULL. */
FzpSkillsCompetitionsRow *fzp_skills_competitions_score_grid_get_selected (FzpSkillsCompetitionsScoreGrid *self);
guint                     fzp_skills_competitions_score_grid_get_n_rows   (FzpSkillsCompetitionsScoreGrid *self);
/* Moves the keyboard focus to the cell of judge @seat (from 1) in row
 * @position; FALSE when there is no such cell. */
gboolean                  fzp_skills_competitions_score_grid_focus_cell   (FzpSkillsCompetitionsScoreGrid *self,
                                                                           guint                           position,
                                                                           guint                           seat);
/* The editable cell of judge @seat in row @position, when it is shown. */
GtkWidget                *fzp_skills_competitions_score_grid_get_cell     (FzpSkillsCompetitionsScoreGrid *self,
                                                                           guint                           position,
                                                                           guint                           seat);

G_END_DECLS
