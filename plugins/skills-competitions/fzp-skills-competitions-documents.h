/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fzp-skills-competitions-data.h"

G_BEGIN_DECLS

/* What the measure prints, printed in Chinese whatever the window speaks:
 * the award list (获奖名单, public, masked), the award certificates (获奖证书,
 * one per awardee with its serial from the certificate register), the
 * internal score sheet (成绩登记表) and the list of selected craftsmen. */

typedef enum {
  FZP_SKILLS_COMPETITIONS_DOCUMENT_AWARD_LIST,
  FZP_SKILLS_COMPETITIONS_DOCUMENT_CERTIFICATES,
  FZP_SKILLS_COMPETITIONS_DOCUMENT_SCORE_SHEET,
  FZP_SKILLS_COMPETITIONS_DOCUMENT_CRAFTSMEN,
  FZP_SKILLS_COMPETITIONS_N_DOCUMENTS
} FzpSkillsCompetitionsDocument;

extern const FzDocumentInfo fzp_skills_competitions_documents[FZP_SKILLS_COMPETITIONS_N_DOCUMENTS];

/* The key under which an entrant's award certificate is on the register. */
char       *fzp_skills_competitions_certificate_key (const FzpSkillsCompetitionsCompetition *competition,
                                                     const FzpSkillsCompetitionsEvent       *event,
                                                     const FzpSkillsCompetitionsEntrant     *entrant);

/* Builds @info (one of fzp_skills_competitions_documents) with @params:
 * competition=ID-OR-NAME and optionally event=ID-OR-NAME for the award
 * list, the certificates (also number=N for one entrant's) and the score
 * sheet; year=Y and kind=craftsman|technical-expert for the craftsmen.
 * Certificates are issued (or, printed again, looked up) in one
 * transaction and need published results. */
FzDocument *fzp_skills_competitions_build_document  (FzContext            *context,
                                                     const FzDocumentInfo *info,
                                                     GHashTable           *params,
                                                     GError              **error);

G_END_DECLS
