/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* Import and export of bases and their people as staff exchange them:
 * CSV (any encoding Excel saves) or XLSX, with the usual Chinese or
 * English headers. Export writes what import reads back; importing the
 * same file again changes nothing. */

typedef enum {
  FZP_RURAL_BASES_SHEET_BASES,    /* the bases, with their standing recognition */
  FZP_RURAL_BASES_SHEET_EMPLOYED, /* persons employed at bases */
  FZP_RURAL_BASES_SHEET_HELPED,   /* persons helped by bases */
} FzpRuralBasesSheet;

/* Reads "bases", "employed" or "helped" (and 基地, 就业, 带动). */
gboolean fzp_rural_bases_sheet_parse (const char         *text,
                                      FzpRuralBasesSheet *sheet);

typedef struct {
  char      *encoding;
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *problems; /* "FILE:LINE: field: message", one a problem */
} FzpRuralBasesImportReport;

void     fzp_rural_bases_import_report_free (FzpRuralBasesImportReport *report);

/* Imports @path as @sheet, all or nothing in one transaction: when any row
 * is wrong nothing is written, @report (set whenever the file could be
 * read) lists every problem, and the call fails with
 * FZ_COMMAND_ERROR_REJECTED. With @dry_run everything is checked and
 * counted but nothing is kept. Persons must be in the registry already
 * (found by identity number); an operator is an organization of the
 * registry (by credit code or name), a person of the registry (by identity
 * number) or anyone else by name. A recognition level in a base's row that
 * the base does not hold yet is recorded as of its date, with the file
 * named as the reason for not checking it against today's standard. */
gboolean fzp_rural_bases_import             (FzContext                  *context,
                                             FzpRuralBasesSheet          sheet,
                                             const char                 *path,
                                             gboolean                    dry_run,
                                             FzpRuralBasesImportReport **report,
                                             GError                    **error);
/* Writes @sheet of @county_code (NULL: the city) to @path, CSV or XLSX by
 * its extension, with Chinese headers; @n_rows (may be NULL) tells how
 * many rows. Identity numbers are text cells. */
gboolean fzp_rural_bases_export             (FzContext                  *context,
                                             FzpRuralBasesSheet          sheet,
                                             const char                 *path,
                                             const char                 *county_code,
                                             guint                      *n_rows,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpRuralBasesImportReport, fzp_rural_bases_import_report_free)

G_END_DECLS
