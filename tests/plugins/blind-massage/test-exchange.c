/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage-exchange"

#include "config.h"

#include <locale.h>

#include "blind-massage-test.h"
#include "fzp-blind-massage-exchange.h"
#include "fzp-blind-massage-store.h"

/* Practitioners and attendance sheets in and out, as staff exchange them. */

static char *
write_sheet (BmFixture  *f,
             const char *name,
             const char *utf8,
             gboolean    gb18030)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (gb18030)
    {
      bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
    }
  else
    {
      bytes = g_strdup (utf8);
      length = strlen (utf8);
    }
  g_assert_true (g_file_set_contents (path, bytes, (gssize) length, &error));
  return path;
}

static gint64
count (BmFixture  *f,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, NULL));
  return n;
}

static void
test_import_practitioners (BmFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpBlindMassageImport) import = NULL;
  g_autofree char *wang = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  g_autofree char *zhang = g_strdup (bm_add_person (f->context, "张伟", "330822", "19900909", 3, FZ_CATEGORY_PHYSICAL));
  g_autofree char *new_id = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *bad_path = NULL;
  char first17[] = "33088119750505004";

  /* A person not yet in the registry comes with a name and a certificate. */
  new_id = g_strdup_printf ("%s%c", first17, fz_identity_check_character (first17));
  sheet = g_strdup_printf ("序号,姓名,身份证号,残疾证号,按摩类别,县（市、区）,资格证书编号,发证日期,登记日期,备注\r\n"
                           "1,王明,%s,,医疗,柯城区,YL2019-0001,2019/6/30,2020-01-01,\r\n"
                           "2,张伟,%s,,保健按摩,,,,,\r\n"
                           "3,李芳,%s,%s12,医疗按摩,江山市,YL2020-0003,2020年7月1日,,老会员\r\n",
                           wang, zhang, new_id, new_id);
  /* Saved by a Chinese Excel: GB18030, no byte order mark. */
  path = write_sheet (f, "practitioners.csv", sheet, TRUE);
  if (!fzp_blind_massage_import_practitioners (f->context, path, &import, &error))
    {
      for (guint i = 0; import && i < import->problems->len; i++)
        g_test_message ("%s", (const char *) g_ptr_array_index (import->problems, i));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (import->added, ==, 3);
  g_assert_cmpuint (import->problems->len, ==, 0);
  /* 张伟's certificate is not a visual one: said, and imported anyway. */
  g_assert_cmpuint (import->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (import->warnings, 0), "practitioners.csv:3: "));
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner WHERE kind = 'health'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner WHERE qualified_on = '2020-07-01'"
                             " AND county_code = '330881' AND notes = '老会员'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_person WHERE name = '李芳'"), ==, 1);
  g_clear_pointer (&import, fzp_blind_massage_import_free);

  /* The same sheet again changes nothing. */
  g_assert_true (fzp_blind_massage_import_practitioners (f->context, path, &import, &error));
  g_assert_cmpuint (import->added, ==, 0);
  g_assert_cmpuint (import->unchanged, ==, 3);
  g_clear_pointer (&import, fzp_blind_massage_import_free);

  /* Wrong rows: every problem with its line, and nothing written at all. */
  bad = g_strdup_printf ("name,id_number,kind,qualification_number,qualified_on\n"
                         "王明,%s,medical,YL2019-0009,2019-06-30\n"
                         "无名,11010519491231002X,medical,,\n"
                         "王明,%s,按摩,,\n"
                         "赵六,3.30802E+17,health,,\n"
                         "王明,%s,medical,,\n",
                         wang, wang, wang);
  bad_path = write_sheet (f, "bad.csv", bad, FALSE);
  g_assert_false (fzp_blind_massage_import_practitioners (f->context, bad_path, &import, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_REJECTED);
  g_assert_cmpuint (import->problems->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 0), "bad.csv:3: Identity number: "));
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 1), "bad.csv:4: Kind: "));
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 2), "bad.csv:5: "));
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 3), "bad.csv:6: Identity number: "));
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 3), "line 2"));
  /* Line 2 alone would have changed 王明's certificate: it did not. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner WHERE qualification_number = 'YL2019-0001'"),
                   ==, 1);
  g_clear_pointer (&import, fzp_blind_massage_import_free);
  g_clear_error (&error);

  /* A sheet without an identity column says so. */
  g_free (bad_path);
  bad_path = write_sheet (f, "names.csv", "姓名,类别\n王明,医疗\n", FALSE);
  g_assert_false (fzp_blind_massage_import_practitioners (f->context, bad_path, &import, &error));
  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 0), "names.csv:1: Identity number: "));
}

static void
test_import_attendance (BmFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpBlindMassageImport) import = NULL;
  g_autofree char *wang = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  g_autofree char *li = g_strdup (bm_add_person (f->context, "李芳", "330881", "19850505", 2, FZ_CATEGORY_VISUAL));
  g_autofree char *sheet = NULL;
  g_autofree char *path = NULL;
  GDate from = bm_day (2024, 5, 10), qualified = bm_day (2019, 6, 30);
  FzpBlindMassageNewPractitioner add = { .kind = FZP_BLIND_MASSAGE_KIND_MEDICAL, .qualified_on = &qualified };
  gint64 course, wang_id;
  double hours = 0;

  add.number = wang;
  add.qualification_number = "YL1";
  wang_id = fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error);
  add.number = li;
  add.qualification_number = "YL2";
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), >, 0);
  course = fzp_blind_massage_add_course (f->context, "培训班", NULL, &from, NULL, 18, FZP_BLIND_MASSAGE_KIND_NONE, &error);
  g_assert_no_error (error);

  sheet = g_strdup_printf ("\xEF\xBB\xBF姓名,身份证号,学时\n王明,%s,\n李芳,%s,16.5\n", wang, li);
  path = write_sheet (f, "sign-in.csv", sheet, FALSE);
  g_assert_true (fzp_blind_massage_import_attendance (f->context, course, path, &import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import->added, ==, 2);
  g_assert_true (fzp_blind_massage_get_credits (f->db, wang_id, 2024, &hours, &error));
  g_assert_cmpfloat (hours, ==, 18);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_attendance WHERE hours = 16.5"), ==, 1);
  g_clear_pointer (&import, fzp_blind_massage_import_free);

  /* More hours than the course had: refused whole. */
  g_free (sheet);
  g_free (path);
  sheet = g_strdup_printf ("身份证号,学时\n%s,19\n", wang);
  path = write_sheet (f, "too-many.csv", sheet, FALSE);
  g_assert_false (fzp_blind_massage_import_attendance (f->context, course, path, &import, &error));
  g_assert_nonnull (strstr (g_ptr_array_index (import->problems, 0), "too-many.csv:2: Class hours: "));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_import_attendance (f->context, 999, path, NULL, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND);
}

static void
test_export (BmFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpBlindMassageImport) import = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autofree char *wang = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  g_autofree char *li = g_strdup (bm_add_person (f->context, "李芳", "330881", "19850505", 2, FZ_CATEGORY_VISUAL));
  g_autofree char *csv = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "export.xlsx", NULL);
  GDate qualified = bm_day (2019, 6, 30);
  FzpBlindMassageNewPractitioner add = {
    .number = wang, .kind = FZP_BLIND_MASSAGE_KIND_MEDICAL, .qualification_number = "YL1", .qualified_on = &qualified,
  };
  guint n = 0;

  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), >, 0);
  add.number = li;
  add.kind = FZP_BLIND_MASSAGE_KIND_HEALTH;
  add.qualification_number = NULL;
  add.qualified_on = NULL;
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), >, 0);

  g_assert_true (fzp_blind_massage_export_practitioners (f->context, csv, FZP_BLIND_MASSAGE_KIND_NONE, NULL, 2024, &n,
                                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  table = fz_table_read_file (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "UTF-8 with BOM");
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 3);
  g_assert_cmpstr (fz_table_get_field (table, 0, 1), ==, "身份证号");
  g_assert_cmpstr (fz_table_get_field (table, 0, 3), ==, "按摩类别");
  g_assert_cmpstr (fz_table_get_field (table, 1, 1), ==, wang);
  g_assert_cmpstr (fz_table_get_field (table, 1, 3), ==, "医疗");
  g_assert_cmpstr (fz_table_get_field (table, 2, 3), ==, "保健");

  /* Read back, it changes nothing. */
  g_assert_true (fzp_blind_massage_import_practitioners (f->context, csv, &import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import->unchanged, ==, 2);
  g_clear_pointer (&import, fzp_blind_massage_import_free);

  /* One trade, one county; and as a workbook. */
  g_assert_true (fzp_blind_massage_export_practitioners (f->context, xlsx, FZP_BLIND_MASSAGE_KIND_HEALTH, "330881", 2024,
                                                         &n, &error));
  g_assert_cmpuint (n, ==, 1);
  if (fz_table_can_read_xlsx ())
    {
      g_autoptr(FzTable) book = fz_table_read_file (xlsx, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fz_table_get_n_records (book), ==, 2);
      g_assert_cmpstr (fz_table_get_field (book, 1, 1), ==, li);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/BlindMassage/" path, BmFixture, NULL, \
                                    bm_fixture_setup, func, bm_fixture_teardown)
  ADD ("import-practitioners", test_import_practitioners);
  ADD ("import-attendance", test_import_attendance);
  ADD ("export", test_export);
#undef ADD

  return g_test_run ();
}
