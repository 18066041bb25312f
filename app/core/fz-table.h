/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Tables as staff exchange them: CSV in whatever encoding the spreadsheet
 * saved it, and XLSX for export. */

#define FZ_TABLE_ERROR (fz_table_error_quark ())

typedef enum {
  FZ_TABLE_ERROR_IO,        /* could not read or write the file */
  FZ_TABLE_ERROR_ENCODING,  /* neither UTF-8, UTF-16 nor GB18030 */
  FZ_TABLE_ERROR_FORMAT,    /* not a kind of file that can be read or written here */
  FZ_TABLE_ERROR_PARSE,     /* the CSV could not be parsed */
} FzTableError;

GQuark fz_table_error_quark (void);

typedef enum {
  FZ_TABLE_FORMAT_CSV,
  FZ_TABLE_FORMAT_XLSX,
} FzTableFormat;

/* The format named by the extension of @path (.csv, .txt or .xlsx, in any
 * case); FORMAT when it is another. */
gboolean       fz_table_format_from_path   (const char     *path,
                                            FzTableFormat  *format,
                                            GError        **error);

/* A table read whole into memory: records of text fields (UTF-8), each
 * knowing the line of the file where it begins. Blank records (no field
 * with anything but white space) are skipped. */
typedef struct _FzTable FzTable;

/* Reads a CSV file, finding the encoding without asking: a UTF-8 byte
 * order mark means UTF-8, a UTF-16 one UTF-16; else the file is UTF-8 when
 * it is valid UTF-8, and GB18030 (which includes GBK and GB2312) otherwise.
 * Fields are separated by commas, or by tabs when the first line has more
 * tabs than commas; quoted fields may hold commas, quotes and new lines.
 * An XLSX workbook is read too when fz_table_can_read_xlsx(): its first
 * visible sheet, each record's line being its row number, dates as
 * YYYY-MM-DD, numbers as Excel holds them (a long number it damaged stays
 * recognisable, as 3.30802199001011E+17). Fails with FORMAT, naming what
 * it is, for an old workbook (.xls) or another binary file. */
FzTable       *fz_table_read_file          (const char     *path,
                                            GError        **error);
/* As fz_table_read_file() on bytes in memory; @name is used in messages. */
FzTable       *fz_table_read_data          (const char     *name,
                                            const guint8   *data,
                                            gsize           length,
                                            GError        **error);
/* Whether this build reads XLSX workbooks (it needs minizip and libxml2). */
gboolean       fz_table_can_read_xlsx      (void);
/* "UTF-8", "UTF-8 with BOM", "UTF-16", "GB18030" or "XLSX". */
const char    *fz_table_get_encoding       (FzTable        *self);
guint          fz_table_get_n_records      (FzTable        *self);
guint          fz_table_get_n_fields       (FzTable        *self,
                                            guint           record);
/* The field, "" past the end of the record. */
const char    *fz_table_get_field          (FzTable        *self,
                                            guint           record,
                                            guint           field);
/* The line (from 1) of the file where @record begins. */
guint          fz_table_get_line           (FzTable        *self,
                                            guint           record);
void           fz_table_free               (FzTable        *self);

/* How a column is written to a workbook (CSV is all text). */
typedef enum {
  FZ_TABLE_COLUMN_TEXT,        /* a text cell */
  FZ_TABLE_COLUMN_IDENTIFIER,  /* a text cell in a column formatted as text, so
                                * that numbers typed later stay text too */
  FZ_TABLE_COLUMN_NUMBER,      /* a number cell when the field is a number */
} FzTableColumn;

typedef struct _FzTableWriter FzTableWriter;

/* Starts writing a table to @path, in the format its extension names.
 * Nothing appears at @path until fz_table_writer_close() succeeds; the
 * file is then replaced whole. CSV is written as UTF-8 with a byte order
 * mark and CRLF line ends, which Excel and WPS open cleanly. */
FzTableWriter *fz_table_writer_new         (const char     *path,
                                            GError        **error);
/* Sets how @column (from 0) is written, and its width in characters
 * (0 for the default). Call before the first row. */
void           fz_table_writer_set_column  (FzTableWriter  *self,
                                            guint           column,
                                            FzTableColumn   kind,
                                            double          width);
/* Writes one row; the first row written is the header, in bold. NULL
 * fields are empty. */
gboolean       fz_table_writer_add_row     (FzTableWriter  *self,
                                            const char * const *fields,
                                            guint           n_fields,
                                            GError        **error);
/* Finishes the file and puts it at its path. */
gboolean       fz_table_writer_close       (FzTableWriter  *self,
                                            GError        **error);
/* Frees the writer; a file that was not closed is discarded. */
void           fz_table_writer_free        (FzTableWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzTable, fz_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzTableWriter, fz_table_writer_free)

G_END_DECLS
