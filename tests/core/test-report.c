/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"

/* Two county offices and the city: each county writes its yearly report,
 * the city imports both and sees them side by side. */

typedef struct {
  char            *dir;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
} Office;

typedef struct {
  char   *dir;
  Office  county;
  Office  city;
} Fixture;

static void
office_open (Office     *office,
             const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *plugins = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", "template", NULL);
  const char *paths[] = { plugins, NULL };

  office->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  office->context = fz_context_new (office->db, NULL, "tester");
  office->manager = fz_plugin_manager_new_for_paths (office->context, paths);
  fz_plugin_manager_load_all (office->manager);
}

static void
office_close (Office *office)
{
  g_assert_finalize_object (office->manager);
  g_assert_finalize_object (office->context);
  g_assert_finalize_object (office->db);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("fuzhu-report-XXXXXX", NULL);
  office_open (&f->county, f->dir, "county.db");
  office_open (&f->city, f->dir, "city.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  office_close (&f->county);
  office_close (&f->city);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static void
add_notes (FzDatabase *db,
           const char *county,
           const char *date,
           int         n)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n; i++)
    g_assert_true (fz_database_execute (db, "INSERT INTO template_note (body, county_code, created) VALUES ('x', ?1, ?2)",
                                        g_variant_new ("(ss)", county, date), &error));
  g_assert_no_error (error);
}

static FzReportLine *
find_line (FzReport   *report,
           const char *id)
{
  for (guint i = 0; i < report->lines->len; i++)
    {
      FzReportLine *line = g_ptr_array_index (report->lines, i);
      if (g_str_equal (line->figure_id, id))
        return line;
    }
  return NULL;
}

static char *
write_report (Fixture    *f,
              const char *county,
              int         year,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReport) report = fz_report_build (f->county.manager, year, county, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (fz_report_write (report, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_build_and_roll_up (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReport) report = NULL;
  g_autoptr(FzReport) read = NULL;
  g_autofree char *jiangshan = NULL;
  g_autofree char *longyou = NULL;
  FzReportLine *notes, *employment;
  gboolean replaced = TRUE;
  gint64 n = 0;

  add_notes (f->county.db, "330881", "2023-04-01", 2);
  add_notes (f->county.db, "330881", "2024-04-01", 3);
  add_notes (f->county.db, "330825", "2024-09-09", 5);
  g_assert_true (fz_target_set (f->county.db, "2022-2025", FZ_TARGET_NEW_EMPLOYMENT, "330881", 500, &error));

  report = fz_report_build (f->county.manager, 2024, "330881", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->county_name, ==, "江山市");
  g_assert_cmpstr (report->plan_id, ==, "2022-2025");
  notes = find_line (report, "template/notes");
  g_assert_nonnull (notes);
  g_assert_cmpfloat (notes->in_year, ==, 3);
  g_assert_cmpfloat (notes->to_date, ==, 5);
  /* Reports are documents: Chinese titles, whatever the window speaks. */
  employment = find_line (report, "target/new-employment");
  g_assert_cmpstr (employment->title, ==, "新增残疾人就业");
  g_assert_cmpstr (notes->measure_title, ==, "措施模板");
  g_assert_true (employment->has_target);
  g_assert_cmpfloat (employment->target, ==, 500);

  /* The JSON file reads back the same. */
  jiangshan = write_report (f, "330881", 2024, "jiangshan-2024.json");
  read = fz_report_read_json (jiangshan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->year, ==, 2024);
  g_assert_cmpuint (read->lines->len, ==, report->lines->len);
  g_assert_cmpfloat (find_line (read, "template/notes")->to_date, ==, 5);
  g_assert_false (find_line (read, "target/new-welfare-posts")->has_target);

  /* The city imports two counties; the same county-year again replaces. */
  longyou = write_report (f, "330825", 2024, "longyou-2024.json");
  g_assert_true (fz_report_import (f->city.db, read, jiangshan, &replaced, &error));
  g_assert_false (replaced);
  {
    g_autoptr(FzReport) ly = fz_report_read_json (longyou, &error);
    g_assert_true (fz_report_import (f->city.db, ly, longyou, &replaced, &error));
    g_assert_false (replaced);
    g_assert_true (fz_report_import (f->city.db, ly, longyou, &replaced, &error));
    g_assert_true (replaced);
  }
  g_assert_true (fz_database_query_int64 (f->city.db, "SELECT count(*) FROM fz_report_received", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 2);
  g_assert_true (fz_database_query_int64 (f->city.db, "SELECT count(*) FROM fz_report_figure", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 2 * (gint64) report->lines->len);
  g_assert_true (fz_database_query_int64 (f->city.db,
                                          "SELECT sum(to_date) FROM fz_report_figure WHERE figure_id = 'template/notes'",
                                          NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 5 + 5);
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *cmd = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  add_notes (f->county.db, "330802", "2025-01-10", 4);
  path = write_report (f, FZ_CITY_CODE, 2025, "city-2025.xlsx");
  cmd = g_strdup_printf ("unzip -p '%s' xl/sharedStrings.xml", path);
  g_assert_true (g_spawn_command_line_sync (cmd, &strings, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (strings, "衢州市2025年残疾人就业工作落实情况"));
  g_assert_nonnull (strstr (strings, "新增残疾人公益性岗位"));
  g_assert_nonnull (strstr (strings, "已写备注"));
}

static void
expect_rejected (Fixture    *f,
                 const char *contents,
                 const char *field)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReport) report = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  report = fz_report_read_json (path, &error);
  g_assert_null (report);
  g_assert_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_INVALID);
  if (!strstr (error->message, path) || !strstr (error->message, field))
    g_error ("“%s” does not name the file and the field %s", error->message, field);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "stranger.json", NULL);
  gint64 n = -1;

  expect_rejected (f, "姓名,身份证号\n", "");
  expect_rejected (f, "{\"format\": \"something-else\"}", "format");
  expect_rejected (f, "{\"format\": \"fuzhu-annual-report\", \"year\": \"2024\"}", "year");
  expect_rejected (f, "{\"format\": \"fuzhu-annual-report\", \"year\": 2024, \"county\": {\"code\": \"330881\", \"name\": \"江山市\"},"
                      " \"plan\": {\"id\": \"p\", \"title\": \"t\"}, \"figures\": [{\"id\": \"a\", \"title\": \"t\", \"unit\": \"u\","
                      " \"measure\": null, \"kind\": \"count\", \"in_year\": -3, \"to_date\": 1, \"target\": null}]}",
                   "figures[0].in_year");

  /* A county that is not this city's: nothing is written. */
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"fuzhu-annual-report\", \"version\": 1, \"year\": 2024,"
                                      " \"county\": {\"code\": \"330106\", \"name\": \"西湖区\"},"
                                      " \"plan\": {\"id\": \"p\", \"title\": \"t\"}, \"figures\": []}", -1, NULL));
  report = fz_report_read_json (path, &error);
  g_assert_no_error (error);
  g_assert_false (fz_report_import (f->city.db, report, path, NULL, &error));
  g_assert_nonnull (strstr (error->message, "county.code"));
  g_assert_true (fz_database_query_int64 (f->city.db, "SELECT count(*) FROM fz_report_received", NULL, &n, NULL, NULL));
  g_assert_cmpint (n, ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Report/build-and-roll-up", Fixture, NULL, fixture_setup, test_build_and_roll_up, fixture_teardown);
  g_test_add ("/Fuzhu/Report/xlsx", Fixture, NULL, fixture_setup, test_xlsx, fixture_teardown);
  g_test_add ("/Fuzhu/Report/bad-files", Fixture, NULL, fixture_setup, test_bad_files, fixture_teardown);

  return g_test_run ();
}
