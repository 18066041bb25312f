/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fzp-skills-competitions-data.h"

G_BEGIN_DECLS

/* Entrants and scores from spreadsheets (CSV in any encoding Excel saves,
 * or XLSX), and scores back to one. Columns are found by their usual
 * Chinese or English headers. An import is all or nothing: when any row is
 * wrong nothing is written, the report lists every problem as
 * FILE:LINE: field: message, and the call fails with REJECTED. */

typedef struct {
  char      *path;
  char      *encoding;
  GPtrArray *problems;   /* "FILE:LINE: Field: message" */
  guint      added;      /* entrants entered */
  guint      updated;    /* entrants whose county, organization or number changed; scores changed */
  guint      unchanged;
  guint      rows;       /* rows read */
} FzpSkillsCompetitionsImportReport;

void fzp_skills_competitions_import_report_free (FzpSkillsCompetitionsImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpSkillsCompetitionsImportReport, fzp_skills_competitions_import_report_free)

/* Enters the persons of a sheet in the events of a competition. Columns:
 * 项目 (event; rows without one are for @event_id, when it is not 0), 身份证号 or 残疾证号, 姓名
 * (checked against the registry), and optionally 参赛号, 县(市、区) (else the
 * person's county) and 单位 (a registered organization, by name or credit
 * code). A person entered already is updated from the row. @report (may
 * be NULL) is set whenever the file could be read. */
gboolean fzp_skills_competitions_import_entrants (FzContext                           *context,
                                                  gint64                               competition_id,
                                                  gint64                               event_id,
                                                  const char                          *path,
                                                  FzpSkillsCompetitionsImportReport  **report,
                                                  GError                             **error);

/* Reads the judges' scores of a sheet: 项目 (rows without one are for
 * @event_id, when it is not 0), 参赛号 or 身份证号, optionally 姓名 (checked), one column per judge
 * (评委1, 评委2… or the judge's name), and optionally 缺赛 (缺赛, 弃权, 是…
 * mark the entrant absent). An empty score cell leaves the score as it is.
 * Other columns (最终得分, 名次, 奖项 of an export) are ignored. The events are
 * ranked again; awards whose ranking changed are cleared. */
gboolean fzp_skills_competitions_import_scores   (FzContext                           *context,
                                                  gint64                               competition_id,
                                                  gint64                               event_id,
                                                  const char                          *path,
                                                  FzpSkillsCompetitionsImportReport  **report,
                                                  GError                             **error);

/* Writes the entrants and scores of a competition (or of one event when
 * @event_id is not 0) to @path (.csv or .xlsx), with the headers the score
 * import reads, as a sheet for judges to fill in or a record of results. */
gboolean fzp_skills_competitions_export_scores   (FzContext                           *context,
                                                  gint64                               competition_id,
                                                  gint64                               event_id,
                                                  const char                          *path,
                                                  guint                               *n_rows,
                                                  GError                             **error);

G_END_DECLS
