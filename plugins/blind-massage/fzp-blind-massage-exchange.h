/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-blind-massage-rules.h"

G_BEGIN_DECLS

/* Practitioners and course attendance to and from the sheets staff keep,
 * through fz-table: CSV in whatever encoding Excel saved, or XLSX. */

/* What an import did. */
typedef struct {
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *problems;  /* "FILE:LINE: field: message"; when any, nothing was written */
  GPtrArray *warnings;  /* "FILE:LINE: message", written anyway */
} FzpBlindMassageImport;

void fzp_blind_massage_import_free (FzpBlindMassageImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpBlindMassageImport, fzp_blind_massage_import_free)

/* Imports practitioners, matching columns by their usual headers: 身份证号
 * (or 公民身份号码, 残疾证号, id_number), 类别 (医疗/保健, kind), and as far as
 * the sheet has them 姓名, 县(市、区), 资格证书编号, 发证日期, 登记日期, 备注.
 * A person not yet in the registry is added when the row has a name and a
 * disability certificate number. A practitioner already there is updated
 * from the columns the sheet has. All or nothing in one transaction: with
 * any problem nothing is written and the call fails with REJECTED;
 * importing the same sheet again changes nothing. @import is set whenever
 * the file could be read. */
gboolean fzp_blind_massage_import_practitioners (FzContext               *context,
                                                 const char              *path,
                                                 FzpBlindMassageImport  **import,
                                                 GError                 **error);
/* Imports the attendance of course @course_id: 身份证号 and, optionally,
 * 学时 (the hours attended; empty: the course's). All or nothing. */
gboolean fzp_blind_massage_import_attendance    (FzContext               *context,
                                                 gint64                   course_id,
                                                 const char              *path,
                                                 FzpBlindMassageImport  **import,
                                                 GError                 **error);
/* Writes the practitioners (@kind NONE: both; @county_code NULL: every
 * county) to @path, CSV or XLSX by its extension, with Chinese headers
 * that the import reads back; identity columns are text cells. Continuing
 * education and the review are those of @year. */
gboolean fzp_blind_massage_export_practitioners (FzContext               *context,
                                                 const char              *path,
                                                 FzpBlindMassageKind      kind,
                                                 const char              *county_code,
                                                 int                      year,
                                                 guint                   *n_exported,
                                                 GError                 **error);

G_END_DECLS
