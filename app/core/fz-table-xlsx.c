/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-table"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <minizip/unzip.h>

#include "fz-table-private.h"

/* Reading the first sheet of an XLSX workbook (ECMA-376): minizip opens
 * the zip, libxml2's streaming reader reads the XML parts, so that a sheet
 * of 200,000 rows is never held whole in memory. */

#define NS_REL        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* No part of a workbook we read is larger than this, unpacked: a guard
 * against a zip bomb. */
#define MAX_PART_SIZE (G_GUINT64_CONSTANT (1) << 30)

typedef struct {
  const char  *path;
  unzFile      zip;
  GPtrArray   *shared;      /* char*, the shared strings */
  GArray      *date_styles; /* gboolean per cell style: a date format */
  gboolean     date1904;
} Workbook;

static void
set_format_error (GError     **error,
                  const char  *path,
                  const char  *what)
{
  g_set_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT,
               _("%s is not a workbook that can be read (%s); save it again from the spreadsheet"),
               path, what);
}

/* Opens part @name for reading; FALSE when the workbook has none. */
static gboolean
open_part (Workbook    *wb,
           const char  *name,
           GError     **error)
{
  unz_file_info64 info;

  if (unzLocateFile (wb->zip, name, 1) != UNZ_OK)
    return FALSE;
  if (unzGetCurrentFileInfo64 (wb->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      info.uncompressed_size > MAX_PART_SIZE ||
      unzOpenCurrentFile (wb->zip) != UNZ_OK)
    {
      set_format_error (error, wb->path, name);
      return FALSE;
    }
  return TRUE;
}

static int
read_part (void *context,
           char *buffer,
           int   len)
{
  Workbook *wb = context;

  return unzReadCurrentFile (wb->zip, buffer, (unsigned) len);
}

static int
close_part (void *context)
{
  Workbook *wb = context;

  return unzCloseCurrentFile (wb->zip) == UNZ_OK ? 0 : -1;
}

/* A streaming reader over part @name, or NULL (with @error set only when
 * the part exists but cannot be read). */
static xmlTextReaderPtr
read_xml_part (Workbook    *wb,
               const char  *name,
               GError     **error)
{
  xmlTextReaderPtr reader;

  if (!open_part (wb, name, error))
    return NULL;
  /* No network, no entities, no DTD: the parts are data, never fetched. */
  reader = xmlReaderForIO (read_part, close_part, wb, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
  if (reader == NULL)
    set_format_error (error, wb->path, name);
  return reader;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
get_attribute (xmlTextReaderPtr  reader,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
get_relationship_id (xmlTextReaderPtr reader)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id", (const xmlChar *) NS_REL);
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id", (const xmlChar *) NS_REL_STRICT);
  copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

/* Excel writes characters XML cannot hold as _xHHHH_. */
static void
append_unescaped (GString    *out,
                  const char *text)
{
  const char *p = text;

  while (*p)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);
          if (g_unichar_validate (c))
            g_string_append_unichar (out, c);
          p += 7;
          continue;
        }
      g_string_append_c (out, *p++);
    }
}

/* The text of a <t> element the reader is on. */
static void
append_text (xmlTextReaderPtr  reader,
             GString          *out)
{
  xmlChar *text = xmlTextReaderReadString (reader);

  if (text)
    append_unescaped (out, (const char *) text);
  xmlFree (text);
}

/* Rich text (<si>, <is>): the <t> of every run, without the phonetic
 * guides (<rPh>) Japanese workbooks add. The reader is on the opening
 * element @name. */
static void
read_rich_text (xmlTextReaderPtr  reader,
                const char       *name,
                GString          *out)
{
  int rc;

  if (xmlTextReaderIsEmptyElement (reader))
    return;
  rc = xmlTextReaderRead (reader);
  while (rc == 1 && !is_end (reader, name))
    {
      if (is_element (reader, "rPh"))
        {
          rc = xmlTextReaderNext (reader);
          continue;
        }
      if (is_element (reader, "t"))
        append_text (reader, out);
      rc = xmlTextReaderRead (reader);
    }
}

static gboolean
read_shared_strings (Workbook  *wb,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  xmlTextReaderPtr reader = read_xml_part (wb, "xl/sharedStrings.xml", &local_error);
  GString *text = g_string_new (NULL);
  int rc;

  if (reader == NULL)
    {
      g_string_free (text, TRUE);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;  /* a workbook of numbers has none */
    }
  while ((rc = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "si"))
      {
        g_string_truncate (text, 0);
        read_rich_text (reader, "si", text);
        g_ptr_array_add (wb->shared, g_strdup (text->str));
      }
  xmlFreeTextReader (reader);
  g_string_free (text, TRUE);
  if (rc != 0)
    {
      set_format_error (error, wb->path, "xl/sharedStrings.xml");
      return FALSE;
    }
  return TRUE;
}

/* Whether a number format shows a date: it has a year or a day in it,
 * outside quoted text and [colour] or [$-locale] parts. */
static gboolean
is_date_format (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && *p == '\\' && p[1])
        p++;
      else if (!quoted && !bracket && strchr ("yYdD", *p))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_builtin_date_format (guint id)
{
  /* 14-17 and 22 everywhere; 27-36 and 50-58 are the East Asian dates. */
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static gboolean
read_styles (Workbook  *wb,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);  /* id -> date? */
  xmlTextReaderPtr reader = read_xml_part (wb, "xl/styles.xml", &local_error);
  gboolean in_cell_xfs = FALSE;
  int rc;

  if (reader == NULL)
    {
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = get_attribute (reader, "numFmtId");
          g_autofree char *code = get_attribute (reader, "formatCode");

          if (id && code)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                 GINT_TO_POINTER (is_date_format (code)));
        }
      else if (is_element (reader, "cellXfs"))
        in_cell_xfs = TRUE;
      else if (is_end (reader, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (reader, "xf"))
        {
          g_autofree char *id_text = get_attribute (reader, "numFmtId");
          guint id = id_text ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          gboolean date;

          if (g_hash_table_contains (custom, GUINT_TO_POINTER (id)))
            date = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));
          else
            date = is_builtin_date_format (id);
          g_array_append_val (wb->date_styles, date);
        }
    }
  xmlFreeTextReader (reader);
  if (rc != 0)
    {
      set_format_error (error, wb->path, "xl/styles.xml");
      return FALSE;
    }
  return TRUE;
}

/* The path of the first visible sheet, from the workbook and its relations. */
static char *
find_first_sheet (Workbook  *wb,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *rid = NULL;
  char *target = NULL;
  xmlTextReaderPtr reader;

  reader = read_xml_part (wb, "xl/workbook.xml", &local_error);
  if (reader == NULL)
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_format_error (error, wb->path, "xl/workbook.xml");
      return NULL;
    }
  while (xmlTextReaderRead (reader) == 1 && rid == NULL)
    {
      if (is_element (reader, "workbookPr"))
        {
          g_autofree char *d1904 = get_attribute (reader, "date1904");
          wb->date1904 = d1904 && (strcmp (d1904, "1") == 0 || strcmp (d1904, "true") == 0);
        }
      else if (is_element (reader, "sheet"))
        {
          g_autofree char *state = get_attribute (reader, "state");
          if (state == NULL || strcmp (state, "visible") == 0)
            rid = get_relationship_id (reader);
        }
    }
  xmlFreeTextReader (reader);
  if (rid == NULL)
    {
      set_format_error (error, wb->path, _("it has no sheet"));
      return NULL;
    }

  reader = read_xml_part (wb, "xl/_rels/workbook.xml.rels", &local_error);
  if (reader == NULL)
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_format_error (error, wb->path, "xl/_rels/workbook.xml.rels");
      return NULL;
    }
  while (xmlTextReaderRead (reader) == 1 && target == NULL)
    if (is_element (reader, "Relationship"))
      {
        g_autofree char *id = get_attribute (reader, "Id");
        g_autofree char *t = get_attribute (reader, "Target");

        if (id && t && strcmp (id, rid) == 0)
          target = t[0] == '/' ? g_strdup (t + 1) : g_strconcat ("xl/", t, NULL);
      }
  xmlFreeTextReader (reader);
  if (target == NULL)
    set_format_error (error, wb->path, "xl/_rels/workbook.xml.rels");
  return target;
}

/* A1 -> 0, AB7 -> 27; -1 when @ref has no letters. */
static int
column_of (const char *ref)
{
  int column = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > 16384)
        return -1;
    }
  return p == ref ? -1 : column - 1;
}

static char *
serial_to_date (Workbook   *wb,
                const char *value)
{
  char *end = NULL;
  double serial = g_ascii_strtod (value, &end);
  GDate date;

  /* So written that NaN fails too: a NaN passed on is undefined behaviour. */
  if (end == value || *end != '\0' || !(serial >= 1 && serial <= 2958465))
    return NULL;
  g_date_clear (&date, 1);
  if (wb->date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (serial < 61)
    /* Before Excel's 29 February 1900, which never was. */
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) serial);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* A row's number as its r attribute gives it: Excel's rows are 1 to
 * 1,048,576. A missing or impossible one (0, -1, 99999999999) is taken as
 * the row after @previous, so that a record is never on "line 0". */
static guint
row_number (const char *r,
            guint       previous)
{
  char *end = NULL;
  guint64 n;

  if (r == NULL || !g_ascii_isdigit (*r))
    return previous + 1;
  n = g_ascii_strtoull (r, &end, 10);
  if (*end != '\0' || n < 1 || n > 1048576)
    return previous + 1;
  return (guint) n;
}

static void
put_cell (GPtrArray *cells,
          int        column,
          char      *value)
{
  if ((guint) column >= cells->len)
    g_ptr_array_set_size (cells, column + 1);
  g_free (g_ptr_array_index (cells, column));
  g_ptr_array_index (cells, column) = value;
}

static void
finish_row (FzTable   *table,
            GPtrArray *cells,
            guint      line)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < cells->len && blank; i++)
    {
      const char *c = g_ptr_array_index (cells, i);
      for (; c && *c && blank; c++)
        blank = g_ascii_isspace (*c);
    }
  if (!blank)
    _fz_table_add_record (table, (const char * const *) cells->pdata, cells->len, line);
  g_ptr_array_set_size (cells, 0);
}

static gboolean
read_sheet (Workbook    *wb,
            const char  *part,
            FzTable     *table,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr reader = read_xml_part (wb, part, &local_error);
  guint row = 0;
  int column = -1;
  gboolean in_row = FALSE;
  int rc;

  if (reader == NULL)
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_format_error (error, wb->path, part);
      return FALSE;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "row"))
        {
          g_autofree char *r = get_attribute (reader, "r");

          row = row_number (r, row);
          column = -1;
          in_row = TRUE;
          if (xmlTextReaderIsEmptyElement (reader))
            {
              finish_row (table, cells, row);
              in_row = FALSE;
            }
        }
      else if (is_end (reader, "row"))
        {
          finish_row (table, cells, row);
          in_row = FALSE;
        }
      else if (in_row && is_element (reader, "c"))
        {
          g_autofree char *ref = get_attribute (reader, "r");
          g_autofree char *type = get_attribute (reader, "t");
          g_autofree char *style = get_attribute (reader, "s");
          g_autofree char *value = NULL;
          gboolean has_inline = FALSE;

          column = ref ? column_of (ref) : column + 1;
          if (column < 0)
            continue;
          g_string_truncate (text, 0);
          if (!xmlTextReaderIsEmptyElement (reader))
            while (xmlTextReaderRead (reader) == 1 && !is_end (reader, "c"))
              {
                if (is_element (reader, "v"))
                  {
                    xmlChar *v = xmlTextReaderReadString (reader);
                    g_free (value);
                    value = g_strdup (v ? (const char *) v : "");
                    xmlFree (v);
                  }
                else if (is_element (reader, "is"))
                  {
                    read_rich_text (reader, "is", text);
                    has_inline = TRUE;
                  }
              }

          if (type && strcmp (type, "s") == 0)
            {
              /* Compared as read, not cut to a guint: 4294967296 is not string 0. */
              guint64 index = value ? g_ascii_strtoull (value, NULL, 10) : G_MAXUINT64;
              put_cell (cells, column, g_strdup (index < wb->shared->len ? (const char *) g_ptr_array_index (wb->shared, (guint) index) : ""));
            }
          else if (type && strcmp (type, "inlineStr") == 0)
            put_cell (cells, column, has_inline ? g_strdup (text->str) : g_strdup (""));
          else if (type && strcmp (type, "b") == 0)
            put_cell (cells, column, g_strdup (g_strcmp0 (value, "1") == 0 ? "TRUE" : "FALSE"));
          else if (value != NULL)
            {
              guint64 s = style ? g_ascii_strtoull (style, NULL, 10) : 0;
              char *date = NULL;

              if ((type == NULL || strcmp (type, "n") == 0) && s < wb->date_styles->len &&
                  g_array_index (wb->date_styles, gboolean, (guint) s))
                date = serial_to_date (wb, value);
              if (date)
                put_cell (cells, column, date);
              else
                {
                  GString *unescaped = g_string_new (NULL);
                  append_unescaped (unescaped, value);
                  put_cell (cells, column, g_string_free (unescaped, FALSE));
                }
            }
        }
    }
  xmlFreeTextReader (reader);
  if (rc != 0)
    {
      set_format_error (error, wb->path, part);
      return FALSE;
    }
  return TRUE;
}

FzTable *
_fz_table_read_xlsx (const char  *path,
                     GError     **error)
{
  g_autoptr(FzTable) table = _fz_table_new ("XLSX");
  g_autofree char *sheet = NULL;
  Workbook wb = { path, NULL, NULL, NULL, FALSE };
  gboolean ok;

  wb.zip = unzOpen64 (path);
  if (wb.zip == NULL)
    {
      set_format_error (error, path, _("not a zip file"));
      return NULL;
    }
  wb.shared = g_ptr_array_new_with_free_func (g_free);
  wb.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));

  ok = (sheet = find_first_sheet (&wb, error)) != NULL &&
       read_styles (&wb, error) &&
       read_shared_strings (&wb, error) &&
       read_sheet (&wb, sheet, table, error);

  unzClose (wb.zip);
  g_ptr_array_unref (wb.shared);
  g_array_unref (wb.date_styles);
  return ok ? g_steal_pointer (&table) : NULL;
}
