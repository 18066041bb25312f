/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-table"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <csv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "fz-table-private.h"

G_DEFINE_QUARK (fz-table-error-quark, fz_table_error)

typedef struct {
  guint first;   /* index of the first field in fields */
  guint n;
  guint line;
} Record;

struct _FzTable
{
  GStringChunk *chunk;    /* the text of every field */
  GPtrArray    *fields;   /* char* into chunk */
  GArray       *records;  /* Record */
  const char   *encoding;
};

FzTable *
_fz_table_new (const char *encoding)
{
  FzTable *table = g_new0 (FzTable, 1);

  table->chunk = g_string_chunk_new (64 * 1024);
  table->fields = g_ptr_array_new ();
  table->records = g_array_new (FALSE, FALSE, sizeof (Record));
  table->encoding = encoding;
  return table;
}

void
_fz_table_add_record (FzTable            *table,
                      const char * const *fields,
                      guint               n_fields,
                      guint               line)
{
  Record r = { table->fields->len, n_fields, line };

  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (table->fields, g_string_chunk_insert (table->chunk, fields[i] ? fields[i] : ""));
  g_array_append_val (table->records, r);
}

gboolean
fz_table_can_read_xlsx (void)
{
#ifdef HAVE_XLSX_IMPORT
  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
fz_table_format_from_path (const char     *path,
                           FzTableFormat  *format,
                           GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    *format = FZ_TABLE_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = FZ_TABLE_FORMAT_XLSX;
  else
    {
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT,
                   _("%s: the file name should end in .csv or .xlsx"), path);
      return FALSE;
    }
  return TRUE;
}

void
fz_table_free (FzTable *self)
{
  if (self == NULL)
    return;
  g_string_chunk_free (self->chunk);
  g_ptr_array_unref (self->fields);
  g_array_unref (self->records);
  g_free (self);
}

/* Parsing */

typedef struct {
  FzTable  *table;
  guint     line;        /* line of the chunk being parsed */
  guint     start_line;  /* where the record being parsed began */
  guint     first;       /* its first field */
  gboolean  in_record;
} Parse;

static void
on_field (void   *text,
          size_t  len,
          void   *data)
{
  Parse *p = data;
  char *field = g_string_chunk_insert_len (p->table->chunk, text ? text : "", (gssize) len);

  if (!p->in_record)
    {
      /* A record whose first line we did not see start (a lone CR before it). */
      p->in_record = TRUE;
      p->start_line = p->line;
    }
  g_ptr_array_add (p->table->fields, field);
}

static gboolean
is_blank (const char *text)
{
  for (const char *c = text; *c; c++)
    if (!g_ascii_isspace (*c))
      return FALSE;
  return TRUE;
}

static void
on_record (int   terminator,
           void *data)
{
  Parse *p = data;
  guint n = p->table->fields->len - p->first;
  gboolean blank = TRUE;

  for (guint i = p->first; i < p->table->fields->len && blank; i++)
    blank = is_blank (g_ptr_array_index (p->table->fields, i));

  if (blank)
    g_ptr_array_set_size (p->table->fields, p->first);
  else
    {
      Record r = { p->first, n, p->start_line };
      g_array_append_val (p->table->records, r);
    }
  p->first = p->table->fields->len;
  p->in_record = FALSE;
}

static unsigned char
guess_delimiter (const char *text,
                 gsize       len)
{
  const char *end = memchr (text, '\n', len);
  guint commas = 0, tabs = 0, semicolons = 0;

  if (end == NULL)
    end = text + len;
  for (const char *c = text; c < end; c++)
    {
      if (*c == ',')
        commas++;
      else if (*c == '\t')
        tabs++;
      else if (*c == ';')
        semicolons++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static int
is_csv_space (unsigned char c)
{
  return c == ' ' || c == '\t';
}

static int
is_tab_space (unsigned char c)
{
  return c == ' ';
}

/* The length of the line at @at, with its end: LF, CRLF, or a lone CR
 * (what Excel for the old Mac OS saves), as a text editor counts lines. */
static gsize
line_length (const char *at,
             const char *end)
{
  for (const char *c = at; c < end; c++)
    {
      if (*c == '\n')
        return (gsize) (c - at) + 1;
      if (*c == '\r')
        return (gsize) (c - at) + (c + 1 < end && c[1] == '\n' ? 2 : 1);
    }
  return (gsize) (end - at);
}

static gboolean
parse_csv (FzTable     *table,
           const char  *name,
           const char  *text,
           gsize        len,
           GError     **error)
{
  struct csv_parser parser;
  Parse p = { table, 1, 1, 0, FALSE };
  const char *at = text;
  const char *end = text + len;
  unsigned char delimiter = guess_delimiter (text, len);

  if (csv_init (&parser, 0) != 0)
    g_error ("Out of memory");
  csv_set_delim (&parser, delimiter);
  csv_set_space_func (&parser, delimiter == '\t' ? is_tab_space : is_csv_space);

  /* Fed a line at a time so that each record knows where it began. */
  while (at < end)
    {
      gsize n = line_length (at, end);

      if (!p.in_record)
        {
          for (gsize i = 0; i < n; i++)
            if (!g_ascii_isspace (at[i]))
              {
                p.in_record = TRUE;
                p.start_line = p.line;
                break;
              }
        }
      if (csv_parse (&parser, at, n, on_field, on_record, &p) != n)
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_PARSE,
                       _("%s:%u: could not read the table: %s"),
                       name, p.line, csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          return FALSE;
        }
      at += n;
      p.line++;
    }
  if (csv_fini (&parser, on_field, on_record, &p) != 0)
    {
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_PARSE,
                   _("%s:%u: could not read the table: %s"),
                   name, p.start_line, csv_strerror (csv_error (&parser)));
      csv_free (&parser);
      return FALSE;
    }
  csv_free (&parser);
  return TRUE;
}

FzTable *
fz_table_read_data (const char    *name,
                    const guint8  *data,
                    gsize          length,
                    GError       **error)
{
  g_autoptr(FzTable) table = _fz_table_new (NULL);
  g_autofree char *converted = NULL;
  const char *text = (const char *) data;
  gsize len = length;

  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT,
                   _("%s is an Excel workbook (.xlsx), not a CSV file; save it as CSV first"), name);
      return NULL;
    }
  if (len >= 4 && memcmp (data, "\xD0\xCF\x11\xE0", 4) == 0)
    {
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT,
                   _("%s is an old Excel workbook (.xls); save it as CSV first"), name);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
      table->encoding = "UTF-8 with BOM";
      if (!g_utf8_validate_len (text, len, NULL))
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_ENCODING,
                       _("%s says it is UTF-8 text but is not; save it again as CSV"), name);
          return NULL;
        }
    }
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      gsize written = 0;
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      converted = g_convert (text + 2, (gssize) len - 2, "UTF-8", from, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_ENCODING,
                       _("%s says it is UTF-16 text but is not; save it again as CSV"), name);
          return NULL;
        }
      text = converted;
      len = written;
      table->encoding = "UTF-16";
    }
  else if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT,
                   _("%s is not a text file; save the sheet as CSV first"), name);
      return NULL;
    }
  else if (g_utf8_validate_len (text, len, NULL))
    table->encoding = "UTF-8";
  else
    {
      gsize written = 0;
      g_autoptr(GError) local_error = NULL;

      /* What Excel saves on Chinese Windows: GBK, of which GB18030 is a superset. */
      converted = g_convert (text, (gssize) len, "UTF-8", "GB18030", NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_ENCODING,
                       _("%s is neither UTF-8 nor GB18030 (GBK) text: %s"), name, local_error->message);
          return NULL;
        }
      text = converted;
      len = written;
      table->encoding = "GB18030";
    }

  if (!parse_csv (table, name, text, len, error))
    return NULL;
  return g_steal_pointer (&table);
}

FzTable *
fz_table_read_file (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                   _("Could not read %s: %s"), path, local_error->message);
      return NULL;
    }
#ifdef HAVE_XLSX_IMPORT
  if (g_mapped_file_get_length (file) >= 4 &&
      memcmp (g_mapped_file_get_contents (file), "PK\003\004", 4) == 0)
    return _fz_table_read_xlsx (path, error);
#endif
  return fz_table_read_data (path, (const guint8 *) g_mapped_file_get_contents (file),
                             g_mapped_file_get_length (file), error);
}

const char *
fz_table_get_encoding (FzTable *self)
{
  return self->encoding;
}

guint
fz_table_get_n_records (FzTable *self)
{
  return self->records->len;
}

guint
fz_table_get_n_fields (FzTable *self,
                       guint    record)
{
  g_return_val_if_fail (record < self->records->len, 0);
  return g_array_index (self->records, Record, record).n;
}

const char *
fz_table_get_field (FzTable *self,
                    guint    record,
                    guint    field)
{
  const Record *r;

  g_return_val_if_fail (record < self->records->len, "");
  r = &g_array_index (self->records, Record, record);
  if (field >= r->n)
    return "";
  return g_ptr_array_index (self->fields, r->first + field);
}

guint
fz_table_get_line (FzTable *self,
                   guint    record)
{
  g_return_val_if_fail (record < self->records->len, 0);
  return g_array_index (self->records, Record, record).line;
}

/* Writing */

typedef struct {
  FzTableColumn kind;
  double        width;
} Column;

struct _FzTableWriter
{
  FzTableFormat  format;
  char          *path;
  char          *tmp_path;
  GArray        *columns;    /* Column */
  guint          row;

  /* CSV */
  FILE          *file;
  GString       *line;

  /* XLSX */
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *bold;
  lxw_format    *text;
};

FzTableWriter *
fz_table_writer_new (const char  *path,
                     GError     **error)
{
  g_autoptr(FzTableWriter) self = g_new0 (FzTableWriter, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int fd;

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  self->path = g_strdup (path);
  if (!fz_table_format_from_path (path, &self->format, error))
    return NULL;

  /* A fresh name beside the target, so that the final rename is atomic. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* Tables exported hold records of persons: their owner's alone. */
  fd = g_mkstemp_full (self->tmp_path, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                   _("Could not write %s: %s"), path, g_strerror (saved));
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }

  if (self->format == FZ_TABLE_FORMAT_CSV)
    {
      self->file = fdopen (fd, "wb");
      if (self->file == NULL)
        g_error ("Out of memory");
      self->line = g_string_sized_new (256);
      fputs ("\xEF\xBB\xBF", self->file);
    }
  else
    {
      lxw_workbook_options options = { .constant_memory = LXW_TRUE };

      close (fd);
      self->workbook = workbook_new_opt (self->tmp_path, &options);
      if (self->workbook == NULL)
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO, _("Could not write %s"), path);
          return NULL;
        }
      self->sheet = workbook_add_worksheet (self->workbook, NULL);
      self->bold = workbook_add_format (self->workbook);
      format_set_bold (self->bold);
      self->text = workbook_add_format (self->workbook);
      format_set_num_format (self->text, "@");
    }
  return g_steal_pointer (&self);
}

void
fz_table_writer_set_column (FzTableWriter *self,
                            guint          column,
                            FzTableColumn  kind,
                            double         width)
{
  Column *c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->row == 0);

  if (column >= self->columns->len)
    g_array_set_size (self->columns, column + 1);
  c = &g_array_index (self->columns, Column, column);
  c->kind = kind;
  c->width = width;

  if (self->sheet)
    worksheet_set_column (self->sheet, (lxw_col_t) column, (lxw_col_t) column,
                          width > 0 ? width : LXW_DEF_COL_WIDTH,
                          kind == FZ_TABLE_COLUMN_IDENTIFIER ? self->text : NULL);
}

static void
append_csv_field (GString    *line,
                  const char *field)
{
  gboolean quote = FALSE;
  gsize n = strlen (field);

  if (n > 0 && (g_ascii_isspace (field[0]) || g_ascii_isspace (field[n - 1])))
    quote = TRUE;
  for (const char *c = field; *c && !quote; c++)
    if (*c == ',' || *c == '"' || *c == '\n' || *c == '\r')
      quote = TRUE;

  if (!quote)
    {
      g_string_append_len (line, field, (gssize) n);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *c = field; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

static FzTableColumn
column_kind (FzTableWriter *self,
             guint          column)
{
  if (column < self->columns->len)
    return g_array_index (self->columns, Column, column).kind;
  return FZ_TABLE_COLUMN_TEXT;
}

static gboolean
parse_number (const char *field,
              double     *value)
{
  char *end = NULL;

  if (*field == '\0')
    return FALSE;
  *value = g_ascii_strtod (field, &end);
  return end != NULL && *end == '\0';
}

gboolean
fz_table_writer_add_row (FzTableWriter       *self,
                         const char * const  *fields,
                         guint                n_fields,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);

  if (self->format == FZ_TABLE_FORMAT_CSV)
    {
      g_string_truncate (self->line, 0);
      for (guint i = 0; i < n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (self->line, ',');
          append_csv_field (self->line, fields[i] ? fields[i] : "");
        }
      g_string_append (self->line, "\r\n");
      if (fwrite (self->line->str, 1, self->line->len, self->file) != self->line->len)
        {
          int saved = errno;
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                       _("Could not write %s: %s"), self->path, g_strerror (saved));
          return FALSE;
        }
    }
  else
    {
      if (self->row >= LXW_ROW_MAX)
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT,
                       _("Could not write %s: a workbook sheet holds at most %u rows"),
                       self->path, (guint) LXW_ROW_MAX);
          return FALSE;
        }
      for (guint i = 0; i < n_fields; i++)
        {
          const char *field = fields[i] ? fields[i] : "";
          lxw_format *format = self->row == 0 ? self->bold : NULL;
          FzTableColumn kind = column_kind (self, i);
          double number;
          lxw_error rc;

          if (*field == '\0' && self->row > 0)
            continue;
          if (self->row > 0 && kind == FZ_TABLE_COLUMN_IDENTIFIER)
            format = self->text;
          if (self->row > 0 && kind == FZ_TABLE_COLUMN_NUMBER && parse_number (field, &number))
            rc = worksheet_write_number (self->sheet, self->row, (lxw_col_t) i, number, format);
          else
            rc = worksheet_write_string (self->sheet, self->row, (lxw_col_t) i, field, format);
          if (rc != LXW_NO_ERROR)
            {
              g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                           _("Could not write %s: %s"), self->path, lxw_strerror (rc));
              return FALSE;
            }
        }
    }
  self->row++;
  return TRUE;
}

gboolean
fz_table_writer_close (FzTableWriter  *self,
                       GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);

  if (self->file)
    {
      FILE *file = g_steal_pointer (&self->file);
      if (fflush (file) != 0 || fsync (fileno (file)) != 0 || fclose (file) != 0)
        {
          int saved = errno;
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                       _("Could not write %s: %s"), self->path, g_strerror (saved));
          return FALSE;
        }
    }
  if (self->workbook)
    {
      lxw_error rc = workbook_close (g_steal_pointer (&self->workbook));
      if (rc != LXW_NO_ERROR)
        {
          g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                       _("Could not write %s: %s"), self->path, lxw_strerror (rc));
          return FALSE;
        }
      self->sheet = NULL;
    }
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      int saved = errno;
      g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO,
                   _("Could not write %s: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

void
fz_table_writer_free (FzTableWriter *self)
{
  if (self == NULL)
    return;
  if (self->file)
    fclose (self->file);
  if (self->workbook)
    {
      /* libxlsxwriter has no way to abandon a workbook but to write it. */
      workbook_close (self->workbook);
    }
  if (self->tmp_path)
    g_unlink (self->tmp_path);
  if (self->line)
    g_string_free (self->line, TRUE);
  g_array_unref (self->columns);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}
