/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include "fz-types.h"
#include "fz-targets.h"

G_BEGIN_DECLS

/* The yearly monitoring report (监测评估): for a year and a county (or the
 * city), every figure against its target. Counties send it to the city as a
 * file, which the city imports to see all counties side by side. */

#define FZ_REPORT_ERROR (fz_report_error_quark ())
typedef enum {
  FZ_REPORT_ERROR_INVALID, /* the file is not a report, or a field is wrong */
  FZ_REPORT_ERROR_FORMAT,  /* an output format that is not known */
} FzReportError;
GQuark fz_report_error_quark (void);

typedef struct {
  char         *figure_id;
  char         *title;
  char         *unit;
  char         *measure_title; /* NULL for the plan's targets */
  FzTargetKind  kind;
  double        in_year;
  double        to_date;
  gboolean      has_target;
  double        target;
} FzReportLine;

typedef struct {
  int        year;
  char      *county_code;
  char      *county_name;
  char      *plan_id;
  char      *plan_title;
  char      *generated;  /* ISO 8601 */
  char      *operator_name;
  GPtrArray *lines;      /* FzReportLine* */
} FzReport;

void      fz_report_free         (FzReport         *report);
/* Counts the report from the database and the loaded measures. */
FzReport *fz_report_build        (FzPluginManager  *manager,
                                  int               year,
                                  const char       *county_code,
                                  GError          **error);
/* Writes it by the file's extension: .json (for the city) or .xlsx. */
gboolean  fz_report_write        (FzReport         *report,
                                  const char       *path,
                                  GError          **error);
gboolean  fz_report_write_json   (FzReport         *report,
                                  const char       *path,
                                  GError          **error);
gboolean  fz_report_write_xlsx   (FzReport         *report,
                                  const char       *path,
                                  GError          **error);
/* The report as a printable document (A4, in Chinese). */
FzDocument *fz_report_to_document (FzReport        *report,
                                   GError         **error);
/* Reads a county's report file; a wrong one fails naming the file and field. */
FzReport *fz_report_read_json    (const char       *path,
                                  GError          **error);
/* Stores a county's report in the city's database, replacing the same
 * county and year if it was imported before (one transaction). */
gboolean  fz_report_import       (FzDatabase       *db,
                                  FzReport         *report,
                                  const char       *source,
                                  gboolean         *replaced,
                                  GError          **error);
/* The years that have imported reports, newest first. */
GArray   *fz_report_imported_years (FzDatabase     *db,
                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzReport, fz_report_free)

G_END_DECLS
