/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-welfare-posts-cli"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "welfare-posts-test.h"

/* The command line and the documents as a user runs them: the built
 * `fuzhu` in a child process, on the fixture's database. */

static gint64
count (WpFixture  *f,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, NULL));
  return n;
}

static void
test_usage (WpFixture     *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "fuzhu welfare-posts income PERSON --month YYYY-MM --income YUAN"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, NULL, &err, "welfare-posts", "frobnicate", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, NULL, &err, "welfare-posts", "income", "330802199001011234", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage: fuzhu welfare-posts income PERSON"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, NULL, &err, "welfare-posts", "posts", "--bogus", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, NULL, &err, "welfare-posts", "end-placement", "x", "--on", "2025-01-01", NULL), ==, 2);
}

static void
test_posts_and_placements (WpFixture     *f,
                           gconstpointer  data)
{
  g_autofree char *person = wp_add_person (f, "陈静", "330881", "19880808", FALSE, 6, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "add-post", "--name", "专职委员", "--kind", "专职委员",
                             "--organization", "江山市残疾人联合会", "--county", "江山", "--places", "1",
                             "--pay", "2100", "--created", "2024-01-01", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Added post 330881-0001\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Wrong input: every field named, exit 1, nothing written. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "add-post", "--name", "保洁", "--kind", "保洁",
                             "--organization", "某单位", "--county", "江山", "--places", "0",
                             "--created", "2024-02-30", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "fuzhu: Kind of post: “保洁” is not a kind of post"));
  g_assert_nonnull (strstr (err, "\nPlaces: “0” is not a whole number from 1 to 10000"));
  g_assert_nonnull (strstr (err, "\nCreated: “2024-02-30” is not a date"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_post"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_organization"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The registry's conditions, then the recognition. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "check", person, "--on", "2024-03-01", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "yes\tWorking age\taged 35, within 16 to 54\n"));
  g_assert_nonnull (strstr (out, "ask\tAble to work\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "recognize", person, "--on", "2024-03-01",
                             "--basis", "江人社〔2024〕3号", "--decided-by", "江山市人力社保局",
                             "--able-to-work", "--willing-to-work", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Not supported as extremely poor: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "recognize", person, "--on", "2024-03-01",
                             "--basis", "江人社〔2024〕3号", "--decided-by", "江山市人力社保局",
                             "--able-to-work", "--willing-to-work", "--not-supported", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Recorded recognition 1\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "place", person, "330881-0001", "--from", "2024-03-01",
                             "--to", "2024-12-31", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Recorded placement 1\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* The post is full on those days. */
  {
    g_autofree char *other = wp_add_person (f, "陈亮", "330881", "19890101", TRUE, 4, 1, FZ_EMPLOYMENT_UNEMPLOYED, NULL);

    g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "place", other, "330881-0001", "--from", "2024-06-01",
                               "--graduated", "2024", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "fuzhu: Post: 330881-0001 has 1 place and it is taken"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "placements", "--year", "2024", NULL), ==, 0);
  {
    g_autofree char *line = g_strdup_printf ("1\t%s\t陈静\t330881-0001\t2024-03-01\t2024-12-31\trecognition-1\n", person);
    g_assert_cmpstr (out, ==, line);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "posts", "--county", "江山市", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "330881-0001\tliaison\t专职委员\t江山市残疾人联合会\t江山市\t1\t0\t2024-01-01\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "close-post", "330881-0001", "--on", "2024-12-31", NULL), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_post WHERE closed = '2024-12-31'"), ==, 1);
}

static void
test_import_rejected (WpFixture     *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "岗位.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "岗位.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (path,
    "岗位名称,岗位类别,用人单位,县(市、区),岗位数,开发日期\n"
    "托养机构管理员,托养,柯城区阳光家园,柯城区,2,2024-03-01\n"
    "驿站管理员,就业驿站,柯城区残疾人之家,柯城区,两个,2024-03-01\n", -1, NULL));
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "import-posts", path, NULL), ==, 1);
  expected = g_strdup_printf ("%s:3: Places: “两个” is not a whole number from 1 to 10000\n", path);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_nonnull (strstr (err, "1 problem; nothing was imported"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_post"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (path,
    "name,kind,organization,county,places,created\n"
    "托养机构管理员,托养,柯城区阳光家园,柯城区,2,2024-03-01\n", -1, NULL));
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "import-posts", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1 added, 0 updated, 0 unchanged\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "export-posts", xlsx, NULL), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "export-posts", "/tmp/岗位.ods", NULL), ==, 1);
}

static void
test_income_and_rules (WpFixture     *f,
                       gconstpointer  data)
{
  g_autofree char *person = wp_add_person (f, "方圆", "330822", "19900303", TRUE, 5, 2, FZ_EMPLOYMENT_EMPLOYED, "2022-03-15");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "income", person, "--month", "2025-03",
                             "--income", "3100", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Counted: 800.00 yuan\nLeft out: 2300.00 yuan\n"));
  g_assert_nonnull (strstr (out, "Employed since 2022-03-15: income left out until 2025-03-15, then tapering until 2026-03-15."));
  g_assert_nonnull (strstr (out, "Days of the month in work: 31 — 15 left out, 16 tapering, 0 counted whole."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Supported employment in 常山县 (tier 3, 2010 yuan from 2025). */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "income", person, "--month", "2026-06",
                             "--income", "2500", "--supported", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Counted: 490.00 yuan\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "income", person, "--month", "2025-13",
                             "--income", "-3", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Month: “2025-13” is not a month"));
  g_assert_nonnull (strstr (err, "\nIncome: “-3” is not an amount of yuan"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Rules are data: a taper in quarters from 2026, shown as in force on a day. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "set-rule", "taper-shares=0.1,0.2,0.3,0.4",
                             "--from", "2026-01-01", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Set 1 rule\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "rules", "--on", "2026-02-01", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "taper-shares\t0.1,0.2,0.3,0.4\t2026-01-01\t"));
  g_assert_nonnull (strstr (out, "exempt-months\t36\t1900-01-01\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "set-rule", "taper-shares=0.2,0.4,0.6,0.8,1",
                             "--from", "2026-01-01", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "5 shares do not divide 12 months"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "set-rule", "taper-shares", "--from", "2026-01-01", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* March 2026: 15 days in the last quarter (0.4), 16 counted whole. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "welfare-posts", "income", person, "--month", "2026-03",
                             "--income", "3100", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Counted: 2200.00 yuan\n"));
}

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  if (text)
    return TRUE;
  g_test_skip ("pdftotext (poppler-utils) is needed to read the PDFs back");
  return FALSE;
}

/* The PDF's text without the spaces and line breaks pdftotext puts between
 * Chinese characters and in wrapped cells. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GString *squeezed;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  squeezed = g_string_new (out);
  g_string_replace (squeezed, " ", "", 0);
  g_string_replace (squeezed, "\n", "", 0);
  return g_string_free (squeezed, FALSE);
}

static void
test_documents (WpFixture     *f,
                gconstpointer  data)
{
  g_autofree char *a = wp_add_person (f, "孙悦", "330824", "19920202", FALSE, 6, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *b = wp_add_person (f, "孙明", "330802", "19930303", TRUE, 4, 1, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *post = wp_add_post (f, "330824", 2, "2025-01-01");
  g_autofree char *list = g_build_filename (f->dir, "list.pdf", NULL);
  g_autofree char *roster = g_build_filename (f->dir, "roster.pdf", NULL);
  g_autofree char *masked = g_strdup_printf ("%.6s********%s", a, a + 14);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  g_assert_cmpint (wp_fuzhu (f, NULL, NULL, "welfare-posts", "recognize", a, "--on", "2025-02-01", "--basis", "开人社〔2025〕1号",
                             "--decided-by", "开化县人力社保局", "--able-to-work", "--willing-to-work", "--not-supported",
                             NULL), ==, 0);
  g_assert_cmpint (wp_fuzhu (f, NULL, NULL, "welfare-posts", "place", a, post, "--from", "2025-03-01", NULL), ==, 0);
  g_assert_cmpint (wp_fuzhu (f, NULL, NULL, "welfare-posts", "place", b, post, "--from", "2025-09-01",
                             "--graduated", "2025", "--school", "浙江工业大学", NULL), ==, 0);

  /* What is printed, and what is public, is declared. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "documents", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "welfare-posts/placement-roster\tPlacement roster\tinternal\tyear county\n"));
  g_assert_nonnull (strstr (out, "welfare-posts/placement-list\tPublic placement list\tpublic\tyear county\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The public list: masked numbers, no category, in Chinese. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "print", "welfare-posts/placement-list", "year=2025", "county=开化县",
                             "--output", list, NULL), ==, 0);
  text = pdf_text (list);
  g_assert_nonnull (strstr (text, "2025年衢州市开化县残疾人公益性岗位安置人员公示名单"));
  g_assert_nonnull (strstr (text, "孙悦"));
  g_assert_nonnull (strstr (text, masked));
  g_assert_null (strstr (text, a));
  g_assert_null (strstr (text, b));
  g_assert_null (strstr (text, "精神"));
  g_assert_null (strstr (text, "残疾类别"));
  g_assert_nonnull (strstr (text, "合计2人"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The internal roster: whole numbers, category and grade, the basis. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "print", "welfare-posts/placement-roster", "year=2025",
                             "--output", roster, NULL), ==, 0);
  text = pdf_text (roster);
  g_assert_nonnull (strstr (text, "2025年衢州市残疾人公益性岗位在岗人员花名册"));
  g_assert_nonnull (strstr (text, a));
  g_assert_nonnull (strstr (text, b));
  g_assert_nonnull (strstr (text, "精神二级"));
  g_assert_nonnull (strstr (text, "肢体一级"));
  g_assert_nonnull (strstr (text, "就业困难人员认定"));
  g_assert_nonnull (strstr (text, "应届高校毕业生兜底安置（2025届）"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nobody placed in 2024: an empty list still prints, with its total. */
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "print", "welfare-posts/placement-list", "year=2024",
                             "--output", list, NULL), ==, 0);
  text = pdf_text (list);
  g_assert_nonnull (strstr (text, "合计0人"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (wp_fuzhu (f, &out, &err, "print", "welfare-posts/placement-list", "year=next",
                             "--output", list, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "year: “next” is not a year"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/WelfarePosts/cli/" path, WpFixture, NULL, \
                                    wp_fixture_setup, func, wp_fixture_teardown)
  ADD ("usage", test_usage);
  ADD ("posts-and-placements", test_posts_and_placements);
  ADD ("import-rejected", test_import_rejected);
  ADD ("income-and-rules", test_income_and_rules);
  ADD ("documents", test_documents);
#undef ADD
  return g_test_run ();
}
