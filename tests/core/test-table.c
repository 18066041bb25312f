/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-table"

#include "config.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "fuzhu.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fuzhu-table-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* A sheet with the noise staff produce: a blank line, quoted commas and a
 * quoted new line, spaces around values. */
static const char sheet[] =
  "姓名,身份证号,备注\r\n"
  "张三, 11010519491231002X ,\"住址：柯城区, 荷花街道\"\r\n"
  "\r\n"
  "李四,440524188001010014,\"两行\r\n的备注\"\r\n"
  ",,\r\n"
  "王五,330802199001011234,\r\n";

static void
check_sheet (FzTable *table)
{
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 4);

  g_assert_cmpuint (fz_table_get_line (table, 0), ==, 1);
  g_assert_cmpstr (fz_table_get_field (table, 0, 0), ==, "姓名");
  g_assert_cmpstr (fz_table_get_field (table, 0, 2), ==, "备注");

  g_assert_cmpuint (fz_table_get_line (table, 1), ==, 2);
  g_assert_cmpstr (fz_table_get_field (table, 1, 1), ==, "11010519491231002X");
  g_assert_cmpstr (fz_table_get_field (table, 1, 2), ==, "住址：柯城区, 荷花街道");

  g_assert_cmpuint (fz_table_get_line (table, 2), ==, 4);
  g_assert_cmpstr (fz_table_get_field (table, 2, 0), ==, "李四");
  g_assert_cmpstr (fz_table_get_field (table, 2, 2), ==, "两行\r\n的备注");

  /* The blank record ",," on line 6 is skipped; the next keeps its line. */
  g_assert_cmpuint (fz_table_get_line (table, 3), ==, 7);
  g_assert_cmpstr (fz_table_get_field (table, 3, 0), ==, "王五");
  g_assert_cmpuint (fz_table_get_n_fields (table, 3), ==, 3);
  g_assert_cmpstr (fz_table_get_field (table, 3, 2), ==, "");
  g_assert_cmpstr (fz_table_get_field (table, 3, 9), ==, "");
}

static void
test_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = fz_table_read_data ("sheet.csv", (const guint8 *) sheet,
                                                 strlen (sheet), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "UTF-8");
  check_sheet (table);
}

/* Classic Mac OS line ends: a lone CR ends a line, for the line numbers
 * of the problems reported (found by the fuzz-csv target). */
static void
test_lone_cr_lines (void)
{
  static const char mac[] = "姓名,身份证号\r张三,1\r\r李四,\"两\r行\"\r王五,3";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = fz_table_read_data ("mac.csv", (const guint8 *) mac, strlen (mac), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 4);
  g_assert_cmpuint (fz_table_get_line (table, 0), ==, 1);
  g_assert_cmpuint (fz_table_get_line (table, 1), ==, 2);
  g_assert_cmpuint (fz_table_get_line (table, 2), ==, 4);
  g_assert_cmpstr (fz_table_get_field (table, 2, 1), ==, "两\r行");
  g_assert_cmpuint (fz_table_get_line (table, 3), ==, 6);
  g_assert_cmpstr (fz_table_get_field (table, 3, 0), ==, "王五");
}

static void
test_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strconcat ("\xEF\xBB\xBF", sheet, NULL);
  g_autoptr(FzTable) table = fz_table_read_data ("sheet.csv", (const guint8 *) data,
                                                 strlen (data), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "UTF-8 with BOM");
  /* The byte order mark is not part of the first header. */
  check_sheet (table);
}

static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autofree char *path = g_build_filename (f->dir, "excel.csv", NULL);
  gsize len = 0;
  g_autofree char *gb = g_convert (sheet, -1, "GB18030", "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  /* What Excel saves on Chinese Windows is not UTF-8. */
  g_assert_false (g_utf8_validate_len (gb, len, NULL));
  g_assert_true (g_file_set_contents (path, gb, (gssize) len, &error));

  table = fz_table_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "GB18030");
  check_sheet (table);
}

static void
test_utf16_tabs (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "姓名\t身份证号\n张三\t11010519491231002X\n";
  gsize len = 0;
  g_autofree char *u16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_autofree char *data = g_malloc (len + 2);
  g_autoptr(FzTable) table = NULL;

  g_assert_no_error (error);
  memcpy (data, "\xFF\xFE", 2);
  memcpy (data + 2, u16, len);
  table = fz_table_read_data ("unicode.txt", (const guint8 *) data, len + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "UTF-16");
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 2);
  g_assert_cmpstr (fz_table_get_field (table, 1, 0), ==, "张三");
  g_assert_cmpstr (fz_table_get_field (table, 1, 1), ==, "11010519491231002X");
}

static void
test_refuse_binary (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  FzTable *table;

  table = fz_table_read_data ("book.xlsx", (const guint8 *) "PK\003\004rest", 8, &error);
  g_assert_null (table);
  g_assert_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "book.xlsx"));
  g_clear_error (&error);

  table = fz_table_read_data ("book.xls", (const guint8 *) "\xD0\xCF\x11\xE0\0\0", 6, &error);
  g_assert_null (table);
  g_assert_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT);
  g_clear_error (&error);

  table = fz_table_read_file (missing, &error);
  g_assert_null (table);
  g_assert_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_IO);
  g_clear_error (&error);

  table = fz_table_read_data ("empty.csv", (const guint8 *) "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 0);
  fz_table_free (table);
}

static void
test_write_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(FzTableWriter) writer = NULL;
  g_autoptr(FzTable) table = NULL;
  const char *header[] = { "姓名", "身份证号", "备注" };
  const char *row[] = { "张三", "11010519491231002X", "He said \"hi\", twice\nthen left" };
  const char *row2[] = { " 空格 ", NULL, "" };
  gsize len;

  writer = fz_table_writer_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (fz_table_writer_add_row (writer, header, 3, &error));
  g_assert_true (fz_table_writer_add_row (writer, row, 3, &error));
  g_assert_true (fz_table_writer_add_row (writer, row2, 3, &error));
  /* Nothing appears before the file is whole. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (fz_table_writer_close (writer, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF姓名,身份证号,备注\r\n"));

  table = fz_table_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 3);
  g_assert_cmpstr (fz_table_get_field (table, 1, 2), ==, row[2]);
  g_assert_cmpstr (fz_table_get_field (table, 2, 0), ==, " 空格 ");
}

static void
test_write_xlsx (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(FzTableWriter) writer = NULL;
  const char *header[] = { "姓名", "身份证号", "人数" };
  const char *row[] = { "张三", "330802199001011234", "12" };
  gsize len;

  writer = fz_table_writer_new (path, &error);
  g_assert_no_error (error);
  fz_table_writer_set_column (writer, 1, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  fz_table_writer_set_column (writer, 2, FZ_TABLE_COLUMN_NUMBER, 0);
  g_assert_true (fz_table_writer_add_row (writer, header, 3, &error));
  g_assert_true (fz_table_writer_add_row (writer, row, 3, &error));
  g_assert_true (fz_table_writer_close (writer, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);

  if (unzip != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("unzip -p '%s' xl/worksheets/sheet1.xml", path);
      g_autofree char *sheet_xml = NULL;
      int status = 0;

      g_assert_true (g_spawn_command_line_sync (cmd, &sheet_xml, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
      /* The identity number is a text cell holding all 18 digits; the count a number. */
      g_assert_nonnull (strstr (sheet_xml, "330802199001011234"));
      g_assert_null (strstr (sheet_xml, "<v>330802199001011234</v>"));
      g_assert_nonnull (strstr (sheet_xml, "<v>12</v>"));
    }
}

/* A workbook as Excel writes it: shared strings, rich text, a date, a
 * number, an 18-digit number Excel kept as a number, an empty row. */
static void
test_read_xlsx (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autofree char *path = g_build_filename (f->dir, "excel.xlsx", NULL);
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *date_format, *bold;
  lxw_datetime when = { 2023, 5, 1, 0, 0, 0 };
  lxw_rich_string_tuple part1 = { NULL, "荷花" }, part2 = { NULL, "街道" };
  lxw_rich_string_tuple *rich[] = { &part1, &part2, NULL };

  if (!fz_table_can_read_xlsx ())
    {
      g_test_skip ("this build reads no XLSX (minizip or libxml2 missing)");
      return;
    }

  wb = workbook_new (path);
  ws = workbook_add_worksheet (wb, "花名册");
  date_format = workbook_add_format (wb);
  format_set_num_format (date_format, "yyyy\"年\"m\"月\"d\"日\"");
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  part2.format = bold;
  worksheet_write_string (ws, 0, 0, "姓名", NULL);
  worksheet_write_string (ws, 0, 1, "身份证号", NULL);
  worksheet_write_string (ws, 0, 2, "乡镇(街道)", NULL);
  worksheet_write_string (ws, 0, 3, "就业时间", NULL);
  worksheet_write_string (ws, 0, 4, "人数", NULL);
  worksheet_write_string (ws, 1, 0, "张三", NULL);
  worksheet_write_string (ws, 1, 1, "11010519491231002X", NULL);
  worksheet_write_rich_string (ws, 1, 2, rich, NULL);
  worksheet_write_datetime (ws, 1, 3, &when, date_format);
  worksheet_write_number (ws, 1, 4, 12, NULL);
  /* Row 3 left empty; row 4 has an identity number typed as a number. */
  worksheet_write_string (ws, 3, 0, "李四", NULL);
  worksheet_write_number (ws, 3, 1, 330802199001011234.0, NULL);
  worksheet_write_string (ws, 3, 3, "两行\n的文字", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  table = fz_table_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "XLSX");
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 3);
  g_assert_cmpuint (fz_table_get_line (table, 0), ==, 1);
  g_assert_cmpstr (fz_table_get_field (table, 0, 2), ==, "乡镇(街道)");
  g_assert_cmpuint (fz_table_get_line (table, 1), ==, 2);
  g_assert_cmpstr (fz_table_get_field (table, 1, 1), ==, "11010519491231002X");
  g_assert_cmpstr (fz_table_get_field (table, 1, 2), ==, "荷花街道");
  g_assert_cmpstr (fz_table_get_field (table, 1, 3), ==, "2023-05-01");
  g_assert_cmpstr (fz_table_get_field (table, 1, 4), ==, "12");
  /* The empty row is skipped; the next keeps its row number. */
  g_assert_cmpuint (fz_table_get_line (table, 2), ==, 4);
  g_assert_cmpstr (fz_table_get_field (table, 2, 0), ==, "李四");
  g_assert_cmpstr (fz_table_get_field (table, 2, 2), ==, "");
  g_assert_cmpstr (fz_table_get_field (table, 2, 3), ==, "两行\n的文字");
  /* What Excel keeps of an 18-digit number: 15 digits, as a number. */
  {
    const char *damaged = fz_table_get_field (table, 2, 1);
    g_autoptr(GError) id_error = NULL;

    g_test_message ("the damaged number reads “%s”", damaged);
    g_assert_false (fz_validate_identity_number (damaged, NULL, NULL, &id_error));
    g_assert_error (id_error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_SPREADSHEET);
  }
}

/* A workbook no spreadsheet writes (the fuzz corpus's bad-refs.xlsx): row
 * numbers 0, -1 and 99999999999, cells beyond column XFD, shared strings
 * that are not there, and in date-formatted cells values that are no date
 * (NaN, 1e400, -5, 2958466). Each row gets a line from 1, and what is no
 * date stays as it was written. */
static void
test_read_xlsx_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "xlsx", "bad-refs.xlsx", NULL);

  if (!fz_table_can_read_xlsx ())
    {
      g_test_skip ("this build reads no XLSX (minizip or libxml2 missing)");
      return;
    }
  table = fz_table_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 3);
  /* r="0" is the first row; r="-1" (blank: its one cell has no column) the
   * second; r="99999999999" the third. */
  g_assert_cmpuint (fz_table_get_line (table, 0), ==, 1);
  g_assert_cmpuint (fz_table_get_line (table, 1), ==, 3);
  g_assert_cmpuint (fz_table_get_n_fields (table, 1), ==, 16384);
  g_assert_cmpstr (fz_table_get_field (table, 1, 16383), ==, "3");
  g_assert_cmpuint (fz_table_get_line (table, 2), ==, 7);
  /* Shared strings -1 and 4294967296 are not there (not string 0); style 99 neither. */
  g_assert_cmpstr (fz_table_get_field (table, 2, 1), ==, "");
  g_assert_cmpstr (fz_table_get_field (table, 2, 2), ==, "");
  g_assert_cmpstr (fz_table_get_field (table, 2, 4), ==, "1");
  g_assert_cmpstr (fz_table_get_field (table, 2, 5), ==, "NaN");
  g_assert_cmpstr (fz_table_get_field (table, 2, 6), ==, "1e400");
  g_assert_cmpstr (fz_table_get_field (table, 2, 7), ==, "-5");
  g_assert_cmpstr (fz_table_get_field (table, 2, 8), ==, "2958466");
  g_assert_cmpstr (fz_table_get_field (table, 2, 9), ==, "1900-03-01");
}

static void
test_read_xlsx_roundtrip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ours.xlsx", NULL);
  g_autoptr(FzTableWriter) writer = NULL;
  const char *rows[3][3] = {
    { "姓名", "身份证号", "备注" },
    { "张三", "330802199001011234", "a & <c> ＆ 「引号」" },
    { " 空格 ", "", "He said \"hi\", twice" },
  };

  if (!fz_table_can_read_xlsx ())
    {
      g_test_skip ("this build reads no XLSX (minizip or libxml2 missing)");
      return;
    }
  writer = fz_table_writer_new (path, &error);
  fz_table_writer_set_column (writer, 1, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  for (guint r = 0; r < 3; r++)
    g_assert_true (fz_table_writer_add_row (writer, rows[r], 3, &error));
  g_assert_true (fz_table_writer_close (writer, &error));
  g_assert_no_error (error);

  table = fz_table_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 3);
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      g_assert_cmpstr (fz_table_get_field (table, r, c), ==, rows[r][c]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Table/utf8", test_utf8);
  g_test_add_func ("/Fuzhu/Table/utf8-bom", test_utf8_bom);
  g_test_add_func ("/Fuzhu/Table/lone-cr-lines", test_lone_cr_lines);
  g_test_add ("/Fuzhu/Table/gb18030", Fixture, NULL, fixture_setup, test_gb18030, fixture_teardown);
  g_test_add_func ("/Fuzhu/Table/utf16-tabs", test_utf16_tabs);
  g_test_add ("/Fuzhu/Table/refuse-binary", Fixture, NULL, fixture_setup, test_refuse_binary, fixture_teardown);
  g_test_add ("/Fuzhu/Table/write-csv", Fixture, NULL, fixture_setup, test_write_csv, fixture_teardown);
  g_test_add ("/Fuzhu/Table/write-xlsx", Fixture, NULL, fixture_setup, test_write_xlsx, fixture_teardown);
  g_test_add ("/Fuzhu/Table/read-xlsx", Fixture, NULL, fixture_setup, test_read_xlsx, fixture_teardown);
  g_test_add_func ("/Fuzhu/Table/read-xlsx-hostile", test_read_xlsx_hostile);
  g_test_add ("/Fuzhu/Table/read-xlsx-roundtrip", Fixture, NULL, fixture_setup, test_read_xlsx_roundtrip, fixture_teardown);

  return g_test_run ();
}
