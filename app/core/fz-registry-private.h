/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-database.h"
#include "fz-registry.h"

G_BEGIN_DECLS

/* The registry's schema steps, applied by fz_database_open() as the owner
 * "registry" (fz-database.c, core_owners). */
#define FZ_REGISTRY_N_MIGRATIONS 1
extern const FzMigration _fz_registry_migrations[FZ_REGISTRY_N_MIGRATIONS];
extern const guint       _fz_registry_n_migrations;

/* A category or grade that could not be read and was reported already. */
#define FZ_ALREADY_REPORTED G_MAXUINT

/* A person's values while they are checked and written: the registry's
 * one path from a form, a sheet or a plugin to fz_person. */
typedef struct {
  char               *name;
  char               *id_number;
  char               *cert_number;
  guint               category;
  guint               grade;
  char               *county_code;
  char               *township;
  char               *phone;
  FzEmploymentStatus  employment_status;
  char               *employment_form;
  char               *employment_date;
  /* Derived by _fz_registry_check_values() */
  FzSex               sex;
  char                birth_date[11];
} FzPersonValues;

void         _fz_person_values_clear          (FzPersonValues  *values);
/* Normalises @values in place and checks them all on @today (NULL: today), adding a GError (a
 * message naming the field) to @problems for each wrong value. TRUE when
 * there was none. */
gboolean     _fz_registry_check_values        (FzRegistry      *self,
                                               FzPersonValues  *values,
                                               const GDate     *today,
                                               GPtrArray       *problems);
/* Reads the person whose identity number is @id_number (normalised) into
 * @values; FALSE without an error when there is none. */
gboolean     _fz_registry_lookup_values       (FzRegistry      *self,
                                               const char      *id_number,
                                               gint64          *id,
                                               FzPersonValues  *values,
                                               GError         **error);
/* Writes checked values, in the caller's transaction: a new person when
 * @id is 0 (then set), else person @id, whose name was @old_name. In bulk,
 * a new person may be written later, with others: @tag (a line of a
 * sheet) tells which row _fz_registry_get_failed_tag() means when one of
 * them is refused. */
gboolean     _fz_registry_write_values        (FzRegistry      *self,
                                               gint64          *id,
                                               const FzPersonValues *values,
                                               const char      *old_name,
                                               guint            tag,
                                               GError         **error);
/* Bulk writing, for an import or the demo, in the caller's transaction
 * (begun already): new persons are numbered here and written many to a
 * statement, and names' grams are kept and written sorted at the end.
 * _fz_registry_end_bulk() writes what is waiting (with @write FALSE: drops
 * it) and must come before the transaction ends. The new persons are
 * audited as one "import" row naming @source (a file, or what made them),
 * its @encoding (or NULL) and the ids they were given; a change to a
 * person already registered is audited on its own, as always. */
gboolean     _fz_registry_begin_bulk          (FzRegistry      *self,
                                               GError         **error);
gboolean     _fz_registry_end_bulk            (FzRegistry      *self,
                                               gboolean         write,
                                               const char      *source,
                                               const char      *encoding,
                                               GError         **error);
/* The tag of the row a bulk write refused, 0 when none was. */
guint        _fz_registry_get_failed_tag      (FzRegistry      *self);
gboolean     _fz_person_values_equal          (const FzPersonValues *a,
                                               const FzPersonValues *b);

typedef gboolean (*FzPersonRowFunc) (FzStatement *row,
                                     gpointer     user_data,
                                     GError     **error);
/* Runs the listing query of @filter and calls @func for each row, whose
 * columns are those of _fz_registry_person_from_row(). @limit < 0: all. */
gboolean     _fz_registry_foreach_person      (FzRegistry           *self,
                                               const FzPersonFilter *filter,
                                               gint64                offset,
                                               gint64                limit,
                                               FzPersonRowFunc       func,
                                               gpointer              user_data,
                                               GError              **error);

/* Column indexes of the listing query. */
enum {
  FZ_PERSON_COL_ID,
  FZ_PERSON_COL_NAME,
  FZ_PERSON_COL_SEX,
  FZ_PERSON_COL_ID_NUMBER,
  FZ_PERSON_COL_CERT_NUMBER,
  FZ_PERSON_COL_CATEGORY,
  FZ_PERSON_COL_GRADE,
  FZ_PERSON_COL_COUNTY_CODE,
  FZ_PERSON_COL_COUNTY_NAME,
  FZ_PERSON_COL_TOWNSHIP,
  FZ_PERSON_COL_PHONE,
  FZ_PERSON_COL_EMPLOYMENT_STATUS,
  FZ_PERSON_COL_EMPLOYMENT_FORM,
  FZ_PERSON_COL_EMPLOYMENT_DATE,
  FZ_PERSON_COL_BIRTH_DATE,
  FZ_PERSON_COL_CREATED,
  FZ_PERSON_COL_UPDATED,
};

void         _fz_registry_emit_persons_changed (FzRegistry     *self);
/* Sets "Field: message" (@field translated) in the validation domain. */
void         _fz_set_field_error              (GError         **error,
                                               int              code,
                                               const char      *field,
                                               const char      *message);

G_END_DECLS
