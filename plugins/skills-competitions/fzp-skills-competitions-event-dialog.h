/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The form of an event: its judges (the first is the chief judge), its
 * highest score, its scoring rule and tie-break, and its award scheme. A
 * new event starts from a preset; an existing one is edited in place, all
 * in one transaction. ::saved gives the event's id. */

#define FZP_TYPE_SKILLS_COMPETITIONS_EVENT_DIALOG (fzp_skills_competitions_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FzpSkillsCompetitionsEventDialog, fzp_skills_competitions_event_dialog,
                      FZP, SKILLS_COMPETITIONS_EVENT_DIALOG, AdwWindow)

/* @event_id 0: a new event of @competition_id. */
GtkWidget *fzp_skills_competitions_event_dialog_new (GtkWindow *parent,
                                                     FzContext *context,
                                                     gint64     competition_id,
                                                     gint64     event_id);

G_END_DECLS
