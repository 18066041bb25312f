/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fzp-gongfu-workshops-data.h"

G_BEGIN_DECLS

/* What the measure prints, in Chinese whatever the window's language. */

/* The declarations, as the measure offers them; NULL for an unknown id. */
const FzDocumentInfo *fzp_gongfu_workshops_document_info (const char *id);
const FzDocumentInfo *fzp_gongfu_workshops_document_infos (guint *n_infos);

/* The roster (花名册) of the persons with disabilities working in a
 * workshop on @on (NULL: today). Internal: full numbers, category, grade. */
FzDocument *fzp_gongfu_workshops_build_roster           (FzContext    *context,
                                                         gint64        workshop_id,
                                                         const GDate  *on,
                                                         GError      **error);
/* A worker's income statement (务工收入证明) for @year: every month of pay
 * in any workshop, the total and the monthly average. Internal. Fails with
 * NOT_FOUND when the person worked in no workshop that year. */
FzDocument *fzp_gongfu_workshops_build_income_statement (FzContext    *context,
                                                         gint64        person_id,
                                                         guint         year,
                                                         GError      **error);
/* The month's pay sheet of a workshop, for each worker to sign for their
 * pay (签领表). Public: the workers see one another's rows, so identity
 * numbers are masked. Fails with NOT_FOUND when no pay is recorded. */
FzDocument *fzp_gongfu_workshops_build_pay_sheet        (FzContext    *context,
                                                         gint64        workshop_id,
                                                         guint         year,
                                                         guint         month,
                                                         GError      **error);
/* Builds @info from NAME=VALUE @params: workshop=ID-OR-NAME, date=DAY,
 * person=NUMBER-OR-NAME, year=Y, month=YYYY-MM. */
FzDocument *fzp_gongfu_workshops_build_document         (FzContext            *context,
                                                         const FzDocumentInfo *info,
                                                         GHashTable           *params,
                                                         GError              **error);

G_END_DECLS
