/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The measure's page: competitions and their events, with the score grid
 * of the chosen event and the actions of the whole path (entrants, scores,
 * awards, publication, printing); and the craftsmen's nominations. */

#define FZP_TYPE_SKILLS_COMPETITIONS_PAGE (fzp_skills_competitions_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsPage, fzp_skills_competitions_page, FZP, SKILLS_COMPETITIONS_PAGE, AdwBin)

GtkWidget *fzp_skills_competitions_page_new            (FzContext                 *context);
/* Shows the competition @competition_id and its event @event_id (0: the
 * first); FALSE when there is no such competition. */
gboolean   fzp_skills_competitions_page_select         (FzpSkillsCompetitionsPage *self,
                                                        gint64                     competition_id,
                                                        gint64                     event_id);

G_END_DECLS
