/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"
#include "fz-organization.h"
#include "fz-person.h"
#include "fz-validate.h"

G_BEGIN_DECLS

/* The registry of certified persons and of organizations, shared by every
 * measure. Every change is one transaction; every value is validated by
 * fz-validate first, so a wrong value fails with FZ_VALIDATE_ERROR and a
 * message naming the field. */

#define FZ_REGISTRY_ERROR (fz_registry_error_quark ())

typedef enum {
  FZ_REGISTRY_ERROR_DUPLICATE, /* the identity number or credit code is someone else's */
  FZ_REGISTRY_ERROR_NOT_FOUND, /* no such person or organization */
  FZ_REGISTRY_ERROR_REJECTED,  /* an import had wrong rows: nothing was written */
} FzRegistryError;

GQuark fz_registry_error_quark (void);

/* What to list. Zero-filled means everything. */
typedef struct {
  /* Matched against the name (any part of it, from one character), or
   * when it is a number, the beginning of the identity or certificate
   * number. NULL or "" for any. */
  const char         *text;
  const char         *county_code;       /* NULL for any */
  guint               category;          /* 0 for any */
  guint               grade;             /* 0 for any */
  FzEmploymentStatus  employment_status; /* FZ_EMPLOYMENT_ANY for any */
} FzPersonFilter;

typedef struct {
  const char         *text;              /* any part of the name, or the beginning of the credit code */
  const char         *county_code;       /* NULL for any */
  FzOrganizationType  kind;              /* FZ_ORGANIZATION_ANY for any */
} FzOrganizationFilter;

/* The outcome of an import. */
typedef struct _FzImportReport FzImportReport;

#define FZ_TYPE_IMPORT_REPORT (fz_import_report_get_type ())
GType           fz_import_report_get_type        (void) G_GNUC_CONST;
FzImportReport *fz_import_report_ref             (FzImportReport *report);
void            fz_import_report_unref           (FzImportReport *report);
const char     *fz_import_report_get_path        (FzImportReport *report);
/* The encoding the file was found to be in. */
const char     *fz_import_report_get_encoding    (FzImportReport *report);
guint           fz_import_report_get_added       (FzImportReport *report);
guint           fz_import_report_get_updated     (FzImportReport *report);
guint           fz_import_report_get_unchanged   (FzImportReport *report);
/* What was wrong, one problem a field: when there is any, nothing was written. */
guint           fz_import_report_get_n_problems  (FzImportReport *report);
/* The message ("Identity number: the check digit should be X, not 3") of
 * problem @index, and in @line (may be NULL) the line of the file it is on. */
const char     *fz_import_report_get_problem     (FzImportReport *report,
                                                  guint           index,
                                                  guint          *line);
/* Problem @index as FILE:LINE: message, as a compiler says it. */
char           *fz_import_report_format_problem  (FzImportReport *report,
                                                  guint           index);
/* One line for people: "3 added, 1 updated, 10 unchanged". */
char           *fz_import_report_dup_summary     (FzImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzImportReport, fz_import_report_unref)

#define FZ_TYPE_REGISTRY (fz_registry_get_type ())
G_DECLARE_FINAL_TYPE (FzRegistry, fz_registry, FZ, REGISTRY, GObject)

/* The registry over @database (whose schema fz_database_open() applied).
 * Signals: "persons-changed" and "organizations-changed" after any change
 * made through it, for lists to reload. */
FzRegistry     *fz_registry_new                      (FzDatabase            *database);
FzDatabase     *fz_registry_get_database             (FzRegistry            *self);

/* Counties */

/* The codes of the county-level units a person or organization can belong
 * to, in their usual order. Free with g_strfreev(). */
char          **fz_registry_dup_county_codes         (FzRegistry            *self);
/* The name of county @code, NULL when there is no such county. */
const char     *fz_registry_get_county_name          (FzRegistry            *self,
                                                      const char            *code);
/* Reads a county given by its code (330802), name (柯城区), short name
 * (柯城) or full name (衢州市柯城区). Fails with FZ_VALIDATE_ERROR_UNKNOWN. */
gboolean        fz_registry_parse_county             (FzRegistry            *self,
                                                      const char            *text,
                                                      char                 **code,
                                                      GError               **error);

/* Persons */

/* Validates @person as fz_registry_add_person() would, and normalises it
 * in place (numbers in upper case, birth date and sex derived, category
 * and grade taken from the certificate), without saving. For forms. */
gboolean        fz_registry_check_person             (FzRegistry            *self,
                                                      FzPerson              *person,
                                                      GError               **error);
/* Validates and saves a new person, then sets its id. Fails with
 * FZ_VALIDATE_ERROR for a wrong value, DUPLICATE when the identity number
 * is registered already. */
gboolean        fz_registry_add_person               (FzRegistry            *self,
                                                      FzPerson              *person,
                                                      GError               **error);
/* Validates and saves the changes to a person read from the registry. */
gboolean        fz_registry_update_person            (FzRegistry            *self,
                                                      FzPerson              *person,
                                                      GError               **error);
gboolean        fz_registry_delete_person            (FzRegistry            *self,
                                                      gint64                 id,
                                                      GError               **error);
/* NOT_FOUND when there is no person @id. */
FzPerson       *fz_registry_find_person              (FzRegistry            *self,
                                                      gint64                 id,
                                                      GError               **error);
/* NULL, without an error, when nobody has @id_number (normalised first). */
FzPerson       *fz_registry_find_person_by_id_number (FzRegistry            *self,
                                                      const char            *id_number,
                                                      GError               **error);

/* How many persons @filter (NULL for all) matches. */
gboolean        fz_registry_count_persons            (FzRegistry            *self,
                                                      const FzPersonFilter  *filter,
                                                      guint                 *n_persons,
                                                      GError               **error);
/* Persons @offset to @offset + @limit - 1 of those @filter matches, in a
 * stable order: by identity (or certificate) number when the text is a
 * number, else in registration order. A page for a list model that pages.
 * Returns an array of FzPerson. */
GPtrArray      *fz_registry_list_persons             (FzRegistry            *self,
                                                      const FzPersonFilter  *filter,
                                                      guint                  offset,
                                                      guint                  limit,
                                                      GError               **error);

/* Organizations */

gboolean        fz_registry_add_organization         (FzRegistry            *self,
                                                      FzOrganization        *organization,
                                                      GError               **error);
gboolean        fz_registry_update_organization      (FzRegistry            *self,
                                                      FzOrganization        *organization,
                                                      GError               **error);
gboolean        fz_registry_delete_organization      (FzRegistry            *self,
                                                      gint64                 id,
                                                      GError               **error);
FzOrganization *fz_registry_find_organization        (FzRegistry            *self,
                                                      gint64                 id,
                                                      GError               **error);
gboolean        fz_registry_count_organizations      (FzRegistry            *self,
                                                      const FzOrganizationFilter *filter,
                                                      guint                 *n_organizations,
                                                      GError               **error);
/* Returns an array of FzOrganization, in registration order. */
GPtrArray      *fz_registry_list_organizations       (FzRegistry            *self,
                                                      const FzOrganizationFilter *filter,
                                                      guint                  offset,
                                                      guint                  limit,
                                                      GError               **error);

/* Import and export */

/* Imports the persons of a CSV file (any encoding Excel saves) or, when
 * fz_table_can_read_xlsx(), of an XLSX workbook's first sheet, matching
 * its columns by their usual Chinese or English headers (姓名, 身份证号 or
 * 公民身份号码, 残疾证号, 残疾类别, 残疾等级, 县(市、区), 乡镇(街道),
 * 联系电话, 就业状态, name, id_number...). A person already registered
 * (same identity number) is updated from the columns the file has; the
 * others are kept. All or nothing, in one transaction: when any row is
 * wrong nothing is written, @report lists every problem with its line, and
 * the call fails with REJECTED. Importing the same file again changes
 * nothing. @report (may be NULL) is set whenever the file could be read. */
gboolean        fz_registry_import_file              (FzRegistry            *self,
                                                      const char            *path,
                                                      FzImportReport       **report,
                                                      GError               **error);
/* Exports the persons @filter (NULL for all) matches to @path, as CSV or
 * XLSX by its extension, with Chinese headers that import reads back;
 * @n_exported (may be NULL) tells how many. */
gboolean        fz_registry_export_persons           (FzRegistry            *self,
                                                      const char            *path,
                                                      const FzPersonFilter  *filter,
                                                      guint                 *n_exported,
                                                      GError               **error);

G_END_DECLS
