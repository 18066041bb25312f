/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fzp-gongfu-workshops-data.h"

G_BEGIN_DECLS

/* A month's pay as a spreadsheet: read whole or not at all, and written as a
 * sheet to fill in. */

typedef struct {
  guint  line;
  char  *message;
} FzpGongfuWorkshopsProblem;

typedef struct {
  char   *path;
  char   *encoding;
  guint   n_saved;      /* records added or changed */
  guint   n_unchanged;  /* rows that held what was recorded already */
  guint   n_skipped;    /* rows with neither a quantity nor an amount: not entered yet */
  GArray *problems;     /* FzpGongfuWorkshopsProblem; when any, nothing was written */
} FzpGongfuWorkshopsImportResult;

void  fzp_gongfu_workshops_import_result_free (FzpGongfuWorkshopsImportResult *result);
/* Problem @index as FILE:LINE: message. */
char *fzp_gongfu_workshops_import_result_format_problem (FzpGongfuWorkshopsImportResult *result,
                                                         guint                           index);

/* Imports the pay of a CSV file (any encoding a spreadsheet saves) or XLSX
 * workbook, its columns found by their usual headers (姓名, 身份证号 or 残疾证号,
 * 计酬方式 with 数量, or 件数 / 工时, 金额, and optionally 月份, 车间, 备注).
 * @workshop_id and @year/@month give what the sheet has no column for (0:
 * the sheet must say); when both are given they must agree. Each row is a
 * worker of that workshop in that month, named by identity or certificate
 * number; its name, when the sheet has one, must be the registry's. Rows
 * with neither a quantity nor an amount are skipped as not entered. All or
 * nothing, in one transaction: when any row is wrong nothing is written,
 * @result lists every problem with its line and the call fails with
 * FZP_GONGFU_WORKSHOPS_ERROR_INVALID. Importing the same file twice changes
 * nothing. @result is set whenever the file could be read. */
gboolean fzp_gongfu_workshops_import_pay (FzContext                       *context,
                                          const char                      *path,
                                          gint64                           workshop_id,
                                          guint                            year,
                                          guint                            month,
                                          FzpGongfuWorkshopsImportResult **result,
                                          GError                         **error);

/* Writes the month's sheet of a workshop to @path (.csv or .xlsx): one row
 * per worker of the month, with the pay recorded so far, ready to be filled
 * in and imported. @n_rows (may be NULL) tells how many workers. */
gboolean fzp_gongfu_workshops_export_pay (FzContext                       *context,
                                          const char                      *path,
                                          gint64                           workshop_id,
                                          guint                            year,
                                          guint                            month,
                                          guint                           *n_rows,
                                          GError                         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpGongfuWorkshopsImportResult, fzp_gongfu_workshops_import_result_free)

G_END_DECLS
