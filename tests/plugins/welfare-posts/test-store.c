/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-welfare-posts-store"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fzp-welfare-posts-store.h"
#include "welfare-posts-test.h"

/* The measure's data through the functions the page, the commands and the
 * imports share, on a temporary database. */

static gint64
count (WpFixture  *f,
       const char *sql)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static gint64
recognize (WpFixture   *f,
           const char  *person,
           const char  *date,
           GError     **error)
{
  FzpWelfarePostsRecognitionFields fields = { person, date, "衢人社〔2024〕12号", "柯城区人力社保局", TRUE, TRUE, TRUE };

  return fzp_welfare_posts_recognize (f->context, &fields, error);
}

static gint64
place (WpFixture   *f,
       const char  *person,
       const char  *post,
       const char  *start,
       const char  *end,
       GError     **error)
{
  FzpWelfarePostsPlacementFields fields = { person, post, start, end, NULL, NULL, NULL };

  return fzp_welfare_posts_place (f->context, &fields, error);
}

static void
test_posts (WpFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = wp_add_post (f, "330802", 2, "2023-03-01");
  g_autofree char *person = wp_add_person (f, "林晓", "330802", "19900115", TRUE, 4, 3, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  FzpWelfarePostsPostFields fields = {
    .code = code, .name = "残疾人之家就业驿站管理员", .kind = "残疾人之家就业驿站", .organization = "柯城区残疾人之家",
    .county = "柯城区", .places = "1", .created = "2023-03-01",
  };
  FzpWelfarePostsPostFields wrong = {
    .name = "", .kind = "保洁", .organization = "某单位", .credit_code = "9133080012345",
    .county = "杭州", .places = "0", .monthly_pay = "很多", .created = "2023-02-30", .closed = "2020-01-01",
  };
  gboolean added = TRUE;
  gint64 id = 0;

  /* A code is given from the county and a running number; the employer
   * joins the registry. */
  g_assert_cmpstr (code, ==, "330802-0001");
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_organization WHERE name = '柯城区残疾人之家'"), ==, 1);

  /* Every wrong field is named, one a line, and nothing is written. */
  g_assert_false (fzp_welfare_posts_save_post (f->context, &wrong, NULL, NULL, &error));
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID);
  {
    const char *expected[] = { "Post name: ", "Kind of post: ", "County: ", "Places: ", "Monthly pay: ",
                               "Created: ", "Unified social credit code: " };
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_true (g_str_has_prefix (lines[i], expected[i]));
  }
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_post"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_organization"), ==, 1);

  /* Two persons in it: it cannot shrink to one place, nor close while they stay. */
  g_assert_cmpint (recognize (f, person, "2024-01-10", &error), >, 0);
  g_assert_cmpint (place (f, person, code, "2024-02-01", NULL, &error), >, 0);
  {
    g_autofree char *other = wp_add_person (f, "林秀", "330802", "19920310", FALSE, 5, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
    g_assert_cmpint (recognize (f, other, "2024-01-10", &error), >, 0);
    g_assert_cmpint (place (f, other, code, "2024-02-01", "2024-12-31", &error), >, 0);
  }
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_save_post (f->context, &fields, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Places: 1 is fewer than the persons it holds"));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_close_post (f->context, code, "2025-06-30", &error));
  g_assert_true (g_str_has_prefix (error->message, "Closed: someone holds the post after that day"));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_close_post (f->context, code, "2023-01-01", &error));
  g_clear_error (&error);

  /* After the second leaves, one place is enough; an update is not an addition. */
  fields.places = "1";
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_placement WHERE end_date IS NULL"), ==, 1);
  g_assert_true (fzp_welfare_posts_end_placement (f->context, 1, "2025-01-31", "辞职", &error));
  g_assert_false (fzp_welfare_posts_save_post (f->context, &fields, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_true (fzp_welfare_posts_close_post (f->context, code, "2025-01-31", &error));
  g_assert_no_error (error);
  fields.closed = "2025-01-31";
  fields.places = "2";
  g_assert_true (fzp_welfare_posts_save_post (f->context, &fields, &id, &added, &error));
  g_assert_no_error (error);
  g_assert_false (added);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (fzp_welfare_posts_find_post (f->context, "1", &error), ==, 1);
  g_assert_cmpint (fzp_welfare_posts_find_post (f->context, "330802-0001", &error), ==, 1);
  g_assert_cmpint (fzp_welfare_posts_find_post (f->context, "330802-0099", &error), ==, 0);
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND);
}

static void
test_recognition (WpFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* A woman: working age 16 to 54 by the default rule. */
  g_autofree char *woman = wp_add_person (f, "周芳", "330803", "19700510", FALSE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *young = wp_add_person (f, "周强", "330803", "20080510", TRUE, 2, 3, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *employed = wp_add_person (f, "吴军", "330822", "19850101", TRUE, 1, 3, FZ_EMPLOYMENT_EMPLOYED, "2020-01-01");
  g_autofree char *unknown = wp_add_person (f, "吴丽", "330822", "19850101", FALSE, 1, 3, FZ_EMPLOYMENT_UNKNOWN, NULL);
  FzpWelfarePostsRecognitionFields missing = { woman, "2025-05-09", "", "", FALSE, TRUE, FALSE };
  gint64 id;

  /* The last day of working age, and the day after it. */
  g_assert_cmpint (recognize (f, woman, "2025-05-10", &error), ==, 0);
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_CONDITION);
  g_assert_cmpstr (error->message, ==, "Working age: aged 55, outside 16 to 54");
  g_clear_error (&error);

  /* Sixteen that day, not the day before. */
  g_assert_cmpint (recognize (f, young, "2024-05-09", &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Working age: aged 15, outside 16 to 59");
  g_clear_error (&error);
  g_assert_cmpint (recognize (f, young, "2024-05-10", &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (recognize (f, employed, "2024-05-10", &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Unemployed: the registry says employed");
  g_clear_error (&error);
  g_assert_cmpint (recognize (f, unknown, "2024-05-10", &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Unemployed: the registry does not say"));
  g_clear_error (&error);

  /* The facts staff record, and the fields they fill. */
  g_assert_cmpint (fzp_welfare_posts_recognize (f->context, &missing, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Basis: the value is missing\nDecided by: the value is missing");
  g_clear_error (&error);
  missing.basis = "衢人社〔2024〕12号";
  missing.decided_by = "衢江区人力社保局";
  g_assert_cmpint (fzp_welfare_posts_recognize (f->context, &missing, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Able to work: not recorded"));
  g_assert_nonnull (strstr (error->message, "\nNot supported as extremely poor: "));
  g_clear_error (&error);
  g_assert_cmpint (recognize (f, woman, "2099-01-01", &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Date of recognition: it is in the future");
  g_clear_error (&error);

  id = recognize (f, woman, "2025-05-09", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count (f, "SELECT age FROM welfare_posts_recognition WHERE person_id = "
                             "(SELECT id FROM fz_person WHERE name = '周芳')"), ==, 54);
  /* One recognition at a time. */
  g_assert_cmpint (recognize (f, woman, "2025-05-09", &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Person: 周芳 holds recognition No. "));
  g_clear_error (&error);

  g_assert_false (fzp_welfare_posts_end_recognition (f->context, id, "2025-05-01", NULL, &error));
  g_clear_error (&error);
  g_assert_true (fzp_welfare_posts_end_recognition (f->context, id, "2025-06-30", "就业", &error));
  g_assert_false (fzp_welfare_posts_end_recognition (f->context, 999, "2025-06-30", NULL, &error));
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND);
}

static void
test_placements (WpFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *post = wp_add_post (f, "330802", 2, "2024-01-01");
  g_autofree char *other_post = wp_add_post (f, "330825", 1, "2024-01-01");
  g_autofree char *a = wp_add_person (f, "甲", "330802", "19900101", TRUE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *b = wp_add_person (f, "乙", "330802", "19910101", TRUE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *c = wp_add_person (f, "丙", "330802", "19920101", FALSE, 5, 1, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  gint64 first, rec;

  /* A recognition is needed on the first day. */
  rec = recognize (f, a, "2024-05-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (place (f, a, post, "2024-04-30", NULL, &error), ==, 0);
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE);
  g_assert_true (g_str_has_prefix (error->message, "Recognition: 甲 holds no hard-to-employ recognition on 2024-04-30"));
  g_clear_error (&error);
  first = place (f, a, post, "2024-05-01", "2024-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (count (f, "SELECT recognition_id FROM welfare_posts_placement"), ==, rec);

  /* One post per person at a time: not on the last day, from the next. */
  g_assert_cmpint (place (f, a, other_post, "2024-12-31", NULL, &error), ==, 0);
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_PLACED);
  g_assert_cmpstr (error->message, ==, "Person: 甲 holds a public-welfare post from 2024-05-01 to 2024-12-31 already; "
                                       "one person holds one post at a time");
  g_clear_error (&error);
  g_assert_cmpint (place (f, a, other_post, "2025-01-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  /* A post at capacity: two places, two persons on 2024-12-31. */
  g_assert_cmpint (recognize (f, b, "2024-05-01", &error), >, 0);
  g_assert_cmpint (recognize (f, c, "2024-05-01", &error), >, 0);
  g_assert_cmpint (place (f, b, post, "2024-06-01", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (place (f, c, post, "2024-12-31", NULL, &error), ==, 0);
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "Post: 330802-0001 has 2 places and all are taken on some day from 2024-12-31 on");
  g_clear_error (&error);
  g_assert_cmpint (place (f, c, post, "2025-01-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Reopening the first placement would put three persons in two places. */
  g_assert_false (fzp_welfare_posts_end_placement (f->context, first, "2025-01-01", NULL, &error));
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_PLACED);
  g_clear_error (&error);
  g_assert_true (fzp_welfare_posts_end_placement (f->context, first, "2024-11-30", "调岗", &error));
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_end_placement (f->context, first, "2024-04-01", NULL, &error));
  g_clear_error (&error);

  /* A placement that holds today makes the registry say employed. */
  {
    g_autoptr(FzPerson) person = fz_registry_find_person_by_id_number (f->registry, c, &error);
    g_assert_cmpint (fz_person_get_employment_status (person), ==, FZ_EMPLOYMENT_EMPLOYED);
    g_assert_cmpstr (fz_person_get_employment_form (person), ==, "公益性岗位就业");
    g_assert_cmpstr (fz_person_get_employment_date (person), ==, "2025-01-01");
  }

  g_assert_cmpint (place (f, "11010519491231002X", post, "2025-01-01", NULL, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Person: nobody with this number is in the registry; register the person first");
  g_clear_error (&error);
  g_assert_cmpint (place (f, c, "nope", "", NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Post: "));
  g_assert_nonnull (strstr (error->message, "\nStart: the value is missing"));
}

static void
test_graduates (WpFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *post = wp_add_post (f, "330881", 3, "2024-01-01");
  g_autofree char *grad = wp_add_person (f, "郑言", "330881", "20030601", TRUE, 2, 4, FZ_EMPLOYMENT_UNKNOWN, NULL);
  FzpWelfarePostsPlacementFields fields = { grad, post, "2025-09-01", NULL, "2024", "浙江大学", NULL };
  const char *keys[] = { "graduate-years" };
  const char *values[] = { "1" };

  /* Without a recognition: a graduate of the year, placed as a last resort. */
  g_assert_cmpint (fzp_welfare_posts_place (f->context, &fields, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Graduation year: a graduate of 2024 is not a graduate of the year in 2025");
  g_clear_error (&error);
  fields.graduation_year = "2025年";
  g_assert_cmpint (fzp_welfare_posts_place (f->context, &fields, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_placement WHERE basis = 'graduate' "
                             "AND graduation_year = 2025 AND recognition_id IS NULL AND school = '浙江大学'"), ==, 1);

  /* Where the rule allows a year more, from a day on. */
  g_assert_true (fzp_welfare_posts_end_placement (f->context, 1, "2025-09-30", NULL, &error));
  fields.start = "2025-10-01";
  fields.graduation_year = "2024";
  g_assert_true (fzp_welfare_posts_set_rules (f->context, "2025-10-01", keys, values, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fzp_welfare_posts_place (f->context, &fields, &error), >, 0);
  g_assert_no_error (error);

  fields.graduation_year = "二〇二四";
  fields.start = "2026-10-01";
  g_assert_cmpint (fzp_welfare_posts_place (f->context, &fields, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Graduation year: "));
}

static void
test_rules (WpFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FzpWelfarePostsRules rules;
  GDate before, after;
  const char *keys[] = { "taper-months", "taper-shares" };
  const char *good[] = { "6", "0.25,0.75" };
  const char *bad[] = { "6", "0.2,0.4,0.6,0.8" };
  const char *unknown[] = { "frobnicate" };

  g_date_clear (&before, 1);
  g_date_clear (&after, 1);
  g_date_set_dmy (&before, 31, 12, 2025);
  g_date_set_dmy (&after, 1, 1, 2026);

  /* The defaults of DOMAIN.md and the plan. */
  g_assert_true (fzp_welfare_posts_load_rules (f->context, &before, &rules, &error));
  g_assert_cmpuint (rules.exempt_months, ==, 36);
  g_assert_cmpuint (rules.taper_months, ==, 12);
  g_assert_cmpuint (rules.n_taper_shares, ==, 1);
  g_assert_cmpfloat (rules.taper_shares[0], ==, 0.5);

  /* Four shares do not divide six months: rejected, nothing written. */
  g_assert_false (fzp_welfare_posts_set_rules (f->context, "2026-01-01", keys, bad, 2, &error));
  g_assert_true (g_str_has_prefix (error->message, "On 2026-01-01: taper-shares: 4 shares do not divide 6 months"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_rule"), ==, 5);
  g_assert_false (fzp_welfare_posts_set_rules (f->context, "2026-01-01", unknown, good, 1, &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_set_rules (f->context, "", keys, good, 2, &error));
  g_clear_error (&error);

  g_assert_true (fzp_welfare_posts_set_rules (f->context, "2026-01-01", keys, good, 2, &error));
  g_assert_no_error (error);
  g_assert_true (fzp_welfare_posts_load_rules (f->context, &before, &rules, &error));
  g_assert_cmpuint (rules.taper_months, ==, 12);
  g_assert_true (fzp_welfare_posts_load_rules (f->context, &after, &rules, &error));
  g_assert_cmpuint (rules.taper_months, ==, 6);
  g_assert_cmpuint (rules.n_taper_shares, ==, 2);

  /* An earlier change must agree with the later rows too: from 2027 the
   * tapering lasts 4 months, which three shares cannot divide. */
  {
    const char *months_key[] = { "taper-months" };
    const char *four[] = { "4" };
    const char *shares_key[] = { "taper-shares" };
    const char *three[] = { "0.3,0.6,0.9" };

    g_assert_true (fzp_welfare_posts_set_rules (f->context, "2027-01-01", months_key, four, 1, &error));
    g_assert_no_error (error);
    g_assert_false (fzp_welfare_posts_set_rules (f->context, "2026-06-01", shares_key, three, 1, &error));
    g_assert_true (g_str_has_prefix (error->message, "On 2027-01-01: taper-shares: 3 shares do not divide 4 months"));
    g_clear_error (&error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_rule"), ==, 8);
  }
}

static void
test_income (WpFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Employed 2022-03-15 by the registry; mental disability in 柯城区. */
  g_autofree char *mental = wp_add_person (f, "钱多", "330802", "19900101", TRUE, 6, 3, FZ_EMPLOYMENT_EMPLOYED, "2022-03-15");
  g_autofree char *visual = wp_add_person (f, "钱少", "330824", "19900101", FALSE, 1, 1, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *notes = NULL;
  FzpWelfarePostsIncomeFields fields = { mental, "2025-03", "3100", NULL, FALSE, FALSE };
  FzpWelfarePostsIncome income;

  g_assert_true (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (income.counted, 800, 0.001);
  g_assert_cmpstr (notes, ==, "Employed since the registry's employment date.");
  g_clear_pointer (&notes, g_free);

  /* Supported employment: the 2025 minimum wage of 柯城区 (tier 2) is 2260. */
  fields.supported = TRUE;
  fields.month = "2026-05";
  fields.income = "2500";
  g_assert_true (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, &notes, &error));
  g_assert_cmpfloat (income.minimum_wage, ==, 2260);
  g_assert_cmpfloat (income.counted, ==, 240);
  g_assert_nonnull (strstr (notes, "Minimum wage in 柯城区 in that month: 2260.00 yuan."));
  g_clear_pointer (&notes, g_free);
  /* In 2024 the 2021 wage applied: 2070. */
  fields.month = "2024-05";
  g_assert_true (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, NULL, &error));
  g_assert_cmpfloat (income.minimum_wage, ==, 2070);
  g_assert_cmpfloat (income.counted, ==, 0);

  /* The given date wins; without the taper the rest counts whole. */
  fields.since = "2021-01-01";
  fields.month = "2025-03";
  fields.supported = FALSE;
  fields.no_taper = TRUE;
  g_assert_true (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, NULL, &error));
  g_assert_cmpfloat (income.counted, ==, 2500);

  /* Visual, grade 1: the exemption does not cover it, and says so. */
  fields.person = visual;
  fields.since = "2025-01-01";
  fields.supported = TRUE;
  fields.no_taper = FALSE;
  g_assert_true (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, &notes, &error));
  g_assert_false (income.supported);
  g_assert_nonnull (strstr (notes, "does not cover"));

  /* No date anywhere: asked for. */
  fields.since = NULL;
  g_assert_false (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Employed since: neither the registry nor a placement"));
  g_clear_error (&error);

  fields.person = "";
  fields.month = "March";
  fields.income = "-1";
  g_assert_false (fzp_welfare_posts_compute_income_for (f->context, &fields, &income, NULL, &error));
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
}

static char *
write_file (WpFixture  *f,
            const char *name,
            const char *utf8,
            gboolean    gbk)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (gbk)
    {
      gsize n = 0;
      g_autofree char *bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &n, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, bytes, (gssize) n, &error));
    }
  else
    g_assert_true (g_file_set_contents (path, utf8, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_import_posts (WpFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpWelfarePostsImport) report = NULL;
  /* As Excel saves it in a Chinese office: GBK, no BOM. */
  g_autofree char *good = write_file (f, "posts.csv",
    "岗位编号,岗位名称,岗位类别,用人单位,县（市、区）,乡镇（街道）,岗位数,月工资（元）,资金来源,开发日期\n"
    "KC-01,托养机构管理员,托养(庇护)照料机构管理服务,柯城区阳光家园,柯城区,府山街道,2,2300,残保金,2024-03-01\n"
    "QJ-01,专职委员,残疾人专职委员,衢江区残联,衢江,,1,\"2,100\",就业专项资金,2024/5/1\n"
    "LY-01,就业驿站,就业驿站,龙游县残疾人之家,龙游县,,3,,,2025年1月2日\n", TRUE);
  g_autofree char *bad = write_file (f, "bad.csv",
    "岗位编号,岗位名称,岗位类别,用人单位,县（市、区）,岗位数,开发日期\n"
    "KC-02,保洁,保洁员,柯城区阳光家园,柯城区,1,2024-03-01\n"
    "KC-03,,其他,,上海,0,2024-13-01\n", FALSE);
  g_autofree char *no_places = write_file (f, "columns.csv", "岗位名称,岗位类别,用人单位,县,开发日期\n保洁,其他,某单位,柯城,2024-01-01\n", FALSE);
  g_autofree char *xlsx = g_build_filename (f->dir, "posts.xlsx", NULL);
  guint n = 0;

  g_assert_false (fzp_welfare_posts_import_posts (f->context, bad, &report, &error));
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, ==, 6);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (report->problems, 0), "bad.csv:2: Kind of post: “保洁员” is not a kind of post; "
                                   "use 托养(庇护)照料机构管理服务, 残疾人专职委员, 残疾人之家就业驿站 or 其他助残公益性岗位"));
  for (guint i = 1; i < 6; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (report->problems, i), "bad.csv:3: "));
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_post"), ==, 0);
  /* Nor the organization the first row would have added. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_organization"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  g_assert_false (fzp_welfare_posts_import_posts (f->context, no_places, &report, &error));
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), "columns.csv:1: There is no column for the places"));
  g_clear_error (&error);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  g_assert_true (fzp_welfare_posts_import_posts (f->context, good, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "GB18030");
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpint (count (f, "SELECT sum(places) FROM welfare_posts_post"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_post WHERE code = 'QJ-01' AND monthly_pay = 2100 "
                             "AND created = '2024-05-01' AND county_code = '330803' AND kind = 'liaison'"), ==, 1);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  /* Again: nothing changes. */
  g_assert_true (fzp_welfare_posts_import_posts (f->context, good, &report, &error));
  g_assert_cmpuint (report->unchanged, ==, 3);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  /* Out as XLSX and back in: the same posts. */
  g_assert_true (fzp_welfare_posts_export_posts (f->context, xlsx, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  if (fz_table_can_read_xlsx ())
    {
      g_assert_true (fzp_welfare_posts_import_posts (f->context, xlsx, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report->unchanged, ==, 3);
    }
}

static void
test_import_placements (WpFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpWelfarePostsImport) report = NULL;
  g_autofree char *post = wp_add_post (f, "330802", 1, "2024-01-01");
  g_autofree char *a = wp_add_person (f, "金一", "330802", "19900101", TRUE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *b = wp_add_person (f, "金二", "330802", "19910101", TRUE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *later = NULL;
  g_autofree char *out = g_build_filename (f->dir, "placements.csv", NULL);
  g_autofree char *exported = NULL;
  guint n = 0;

  g_assert_cmpint (recognize (f, a, "2024-01-01", &error), >, 0);
  g_assert_cmpint (recognize (f, b, "2024-01-01", &error), >, 0);

  /* The second row asks for a place the first row took, on line 3. */
  csv = g_strdup_printf ("身份证号,姓名,岗位编号,上岗日期,离岗日期\n%s,金一,%s,2024-02-01,\n%s,金二,%s,2024-03-01,\n"
                         "11010519491231002X,无名,%s,2024-03-01,\n", a, post, b, post, post);
  path = write_file (f, "placements-in.csv", csv, FALSE);
  g_assert_false (fzp_welfare_posts_import_placements (f->context, path, &report, &error));
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0),
                            "placements-in.csv:3: Post: 330802-0001 has 1 place and it is taken"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 1), "placements-in.csv:4: Person: nobody"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_placement"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  /* A name that is not the registry's. */
  g_free (csv);
  csv = g_strdup_printf ("id_number,name,post_code,start,end\n%s,金三,%s,2024-02-01,2024-02-29\n", a, post);
  g_free (path);
  path = write_file (f, "wrong-name.csv", csv, FALSE);
  g_assert_false (fzp_welfare_posts_import_placements (f->context, path, &report, &error));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0),
                            "wrong-name.csv:2: Name: the registry has 金一 for this identity number, the sheet 金三"));
  g_clear_error (&error);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  /* In turn: 金一 until 29 February, 金二 from 1 March. */
  g_free (csv);
  csv = g_strdup_printf ("id_number,name,post_code,start,end\n%s,金一,%s,2024-02-01,2024-02-29\n%s,金二,%s,2024-03-01,\n",
                         a, post, b, post);
  again = write_file (f, "placements.csv.in", csv, FALSE);
  g_assert_true (fzp_welfare_posts_import_placements (f->context, again, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);
  g_rename (again, path);
  g_assert_true (fzp_welfare_posts_import_placements (f->context, path, &report, &error));
  g_assert_cmpuint (report->unchanged, ==, 2);
  g_clear_pointer (&report, fzp_welfare_posts_import_free);

  /* A later sheet ends 金二's placement. */
  g_free (csv);
  csv = g_strdup_printf ("身份证号,岗位编号,上岗日期,离岗日期,离岗原因\n%s,%s,2024-03-01,2025-06-30,退休\n", b, post);
  later = write_file (f, "later.csv", csv, FALSE);
  g_assert_true (fzp_welfare_posts_import_placements (f->context, later, &report, &error));
  g_assert_cmpuint (report->updated, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM welfare_posts_placement WHERE end_date = '2025-06-30' "
                             "AND end_reason = '退休'"), ==, 1);

  /* Exported with the identity number as text, the post and the basis. */
  g_assert_true (fzp_welfare_posts_export_placements (f->context, out, 2025, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (out, &exported, NULL, &error));
  g_assert_true (g_str_has_prefix (exported, "\xEF\xBB\xBF身份证号,姓名,岗位编号,上岗日期,离岗日期"));
  g_assert_nonnull (strstr (exported, b));
  g_assert_nonnull (strstr (exported, "就业困难人员认定"));
  g_assert_null (strstr (exported, a));
}

static void
test_indicators (WpFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzFigures) figures = NULL;
  g_autofree char *kc = wp_add_post (f, "330802", 3, "2023-06-01");
  g_autofree char *kc2 = wp_add_post (f, "330802", 2, "2024-02-01");
  g_autofree char *ly = wp_add_post (f, "330825", 4, "2024-02-01");
  g_autofree char *a = wp_add_person (f, "沈一", "330802", "19900101", TRUE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  g_autofree char *b = wp_add_person (f, "沈二", "330825", "19910101", TRUE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  const FzFigure *posts, *target, *persons, *started, *ended;

  g_assert_cmpint (recognize (f, a, "2023-01-01", &error), >, 0);
  g_assert_cmpint (recognize (f, b, "2023-01-01", &error), >, 0);
  g_assert_cmpint (place (f, a, kc, "2023-07-01", "2024-03-31", &error), >, 0);
  g_assert_cmpint (place (f, a, kc2, "2024-04-01", NULL, &error), >, 0);
  g_assert_cmpint (place (f, b, ly, "2024-02-01", "2025-01-31", &error), >, 0);
  g_assert_no_error (error);

  figures = fz_figures_compute (f->manager, 2022, 2025, &error);
  g_assert_no_error (error);
  posts = fz_figures_find (figures, "welfare-posts/new-posts");
  target = fz_figures_find (figures, "target/" FZ_TARGET_NEW_WELFARE_POSTS);
  persons = fz_figures_find (figures, "welfare-posts/persons-in-posts");
  started = fz_figures_find (figures, "welfare-posts/placements-started");
  ended = fz_figures_find (figures, "welfare-posts/placements-ended");
  g_assert_nonnull (posts);
  g_assert_nonnull (target);

  /* New posts count their places, per county and year, toward the 800. */
  g_assert_cmpstr (posts->target_key, ==, FZ_TARGET_NEW_WELFARE_POSTS);
  g_assert_cmpfloat (fz_figure_get (posts, 2023, "330802"), ==, 3);
  g_assert_cmpfloat (fz_figure_get (posts, 2024, "330802"), ==, 2);
  g_assert_cmpfloat (fz_figure_get (posts, 2024, "330825"), ==, 4);
  g_assert_cmpfloat (fz_figure_get (posts, 2024, FZ_CITY_CODE), ==, 6);
  g_assert_cmpfloat (fz_figure_to_date (posts, figures, 2025, FZ_CITY_CODE), ==, 9);
  g_assert_cmpfloat (fz_figure_to_date (target, figures, 2025, FZ_CITY_CODE), ==, 9);

  /* Persons in posts at the end of each year: a level, not added up. */
  g_assert_true (persons->level);
  g_assert_cmpfloat (fz_figure_get (persons, 2023, FZ_CITY_CODE), ==, 1);
  g_assert_cmpfloat (fz_figure_get (persons, 2024, "330802"), ==, 1);
  g_assert_cmpfloat (fz_figure_get (persons, 2024, "330825"), ==, 1);
  g_assert_cmpfloat (fz_figure_get (persons, 2025, FZ_CITY_CODE), ==, 1);
  g_assert_cmpfloat (fz_figure_to_date (persons, figures, 2025, FZ_CITY_CODE), ==, 1);

  g_assert_cmpfloat (fz_figure_get (started, 2024, FZ_CITY_CODE), ==, 2);
  g_assert_cmpfloat (fz_figure_get (ended, 2024, "330802"), ==, 1);
  g_assert_cmpfloat (fz_figure_get (ended, 2025, "330825"), ==, 1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/WelfarePosts/" path, WpFixture, NULL, \
                                    wp_fixture_setup, func, wp_fixture_teardown)
  ADD ("posts", test_posts);
  ADD ("recognition", test_recognition);
  ADD ("placements", test_placements);
  ADD ("graduates", test_graduates);
  ADD ("rules-as-data", test_rules);
  ADD ("income-calculator", test_income);
  ADD ("import-posts", test_import_posts);
  ADD ("import-placements", test_import_placements);
  ADD ("indicators", test_indicators);
#undef ADD
  return g_test_run ();
}
