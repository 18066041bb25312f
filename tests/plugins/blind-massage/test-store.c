/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage-store"

#include "config.h"

#include <locale.h>

#include "blind-massage-test.h"
#include "fzp-blind-massage-store.h"

/* The measure's data in a real database: practitioners, filings, titles,
 * education, reviews, clinics and posts, and the rules kept as data. */

static gint64
add_medical (BmFixture  *f,
             const char *number,
             const char *qualification,
             GDate       qualified,
             GDate       registered)
{
  g_autoptr(GError) error = NULL;
  FzpBlindMassageNewPractitioner add = {
    .number = number, .kind = FZP_BLIND_MASSAGE_KIND_MEDICAL,
    .qualification_number = qualification, .qualified_on = &qualified, .registered_on = &registered,
  };
  gint64 id = fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (BmFixture  *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_practitioners (BmFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *visual = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  g_autofree char *physical = g_strdup (bm_add_person (f->context, "张伟", "330822", "19900909", 3, FZ_CATEGORY_PHYSICAL));
  g_autoptr(FzpBlindMassagePractitioner) found = NULL;
  GDate qualified = bm_day (2019, 6, 30);
  FzpBlindMassageNewPractitioner add = {
    .number = visual, .kind = FZP_BLIND_MASSAGE_KIND_MEDICAL,
    .qualification_number = "YL2019-0001", .qualified_on = &qualified,
  };
  g_autofree char *cert = g_strdup_printf ("%s41", physical);

  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, &warning, &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (warning);

  /* Not a visual certificate: a warning, not a refusal. */
  add.number = physical;
  add.qualification_number = NULL;
  add.qualified_on = NULL;
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, &warning, &error), >, 0);
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "张伟"));
  g_assert_nonnull (strstr (warning, "not a visual one"));
  g_clear_pointer (&warning, g_free);

  /* The same trade twice: refused; the other trade: a second record. */
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), ==, 0);
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Identity number: "));
  g_clear_error (&error);
  add.kind = FZP_BLIND_MASSAGE_KIND_HEALTH;
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Found by the certificate number too; in both trades, the trade must be said. */
  g_assert_null (fzp_blind_massage_find_practitioner (f->context, cert, FZP_BLIND_MASSAGE_KIND_NONE, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID);
  g_clear_error (&error);
  found = fzp_blind_massage_find_practitioner (f->context, cert, FZP_BLIND_MASSAGE_KIND_HEALTH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->kind, ==, FZP_BLIND_MASSAGE_KIND_HEALTH);
  g_assert_cmpstr (found->county_code, ==, "330822");

  /* Someone not in the registry, a wrong number, a certificate number twice. */
  add.number = "11010519491231002X";
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Identity number: "));
  g_assert_nonnull (strstr (error->message, "registry"));
  g_clear_error (&error);
  add.number = "330802198001010017";
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error), ==, 0);
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHECK);
  g_clear_error (&error);
  add.number = physical;
  add.kind = FZP_BLIND_MASSAGE_KIND_MEDICAL;
  g_assert_false (fzp_blind_massage_set_qualification (f->context, found->id, "YL2019-0001", &qualified, &error));
  g_assert_nonnull (strstr (error->message, "another practitioner"));
  g_clear_error (&error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner"), ==, 3);
}

static void
test_filings (BmFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *number = bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL);
  gint64 id = add_medical (f, number, "YL1", bm_day (2019, 6, 30), bm_day (2020, 1, 1));
  GDate from = bm_day (2023, 1, 1), to = bm_day (2024, 12, 31), move = bm_day (2024, 7, 1);
  GDate last = bm_day (2024, 12, 31), after = bm_day (2025, 1, 1), before_move = bm_day (2024, 6, 30);
  FzpBlindMassageNewFiling filing = { .workplace = "光明盲人按摩诊所", .from = &from, .to = &to, .number = "BA-1" };
  gboolean in_force = FALSE;
  g_autofree char *ended = NULL;

  g_assert_cmpint (fzp_blind_massage_add_filing (f->context, id, &filing, FALSE, &error), >, 0);
  g_assert_no_error (error);

  /* Registration expired: in force on its last day, not the day after. */
  g_assert_true (fzp_blind_massage_filing_in_force (f->db, id, &last, &in_force, &error));
  g_assert_true (in_force);
  g_assert_true (fzp_blind_massage_filing_in_force (f->db, id, &after, &in_force, &error));
  g_assert_false (in_force);

  /* A second workplace while the first is in force: refused... */
  filing.workplace = "衢州市人民医院";
  filing.from = &move;
  filing.to = NULL;
  g_assert_cmpint (fzp_blind_massage_add_filing (f->context, id, &filing, FALSE, &error), ==, 0);
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_FILING);
  g_assert_true (g_str_has_prefix (error->message, "From: "));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_filing"), ==, 1);
  /* ...unless it is a change of workplace, which ends the old one first. */
  g_assert_cmpint (fzp_blind_massage_add_filing (f->context, id, &filing, TRUE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_filing WHERE ended_on = '2024-06-30'"), ==, 1);
  g_assert_true (fzp_blind_massage_filing_in_force (f->db, id, &before_move, &in_force, &error));
  g_assert_true (in_force);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_filing WHERE valid_from <= '2024-06-30'"
                             " AND (ended_on IS NULL OR ended_on >= '2024-06-30')"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_filing WHERE valid_from <= '2024-07-01'"
                             " AND (ended_on IS NULL OR ended_on >= '2024-07-01')"), ==, 1);

  /* A change dated before the filing in force started: refused. */
  filing.from = &from;
  g_assert_cmpint (fzp_blind_massage_add_filing (f->context, id, &filing, TRUE, &error), ==, 0);
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_FILING);
  g_clear_error (&error);

  /* Ending the one in force; then none is. */
  g_assert_true (fzp_blind_massage_end_filing (f->context, id, &last, "退休", &error));
  g_assert_no_error (error);
  g_assert_true (fzp_blind_massage_filing_in_force (f->db, id, &after, &in_force, &error));
  g_assert_false (in_force);
  g_assert_false (fzp_blind_massage_end_filing (f->context, id, &after, NULL, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND);
}

static void
test_titles (BmFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *number = bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL);
  gint64 id = add_medical (f, number, "YL1", bm_day (2019, 6, 30), bm_day (2020, 1, 1));
  GDate first = bm_day (2019, 8, 1), second = bm_day (2024, 3, 1), third = bm_day (2025, 3, 1);
  g_autoptr(FzStatement) st = NULL;

  g_assert_true (fzp_blind_massage_award_title (f->context, id, "医疗按摩士", &first, NULL, &error));
  g_assert_no_error (error);
  /* The next step needs a passed review of the year before: none for 2023. */
  g_assert_false (fzp_blind_massage_award_title (f->context, id, "医疗按摩师", &second, NULL, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE);
  g_assert_nonnull (strstr (error->message, "2023"));
  g_clear_error (&error);
  /* The step needs no review once the ladder says so (the ladder is data). */
  g_assert_true (fzp_blind_massage_set_title_level (f->context, 2, "医疗按摩师", FALSE, &error));
  g_assert_true (fzp_blind_massage_award_title (f->context, id, "2", &second, "衢残联〔2024〕3号", &error));
  g_assert_no_error (error);
  /* Skipping a step, or going back: refused. */
  g_assert_false (fzp_blind_massage_award_title (f->context, id, "副主任医疗按摩师", &third, NULL, &error));
  g_assert_nonnull (strstr (error->message, "skips a step"));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_award_title (f->context, id, "医疗按摩士", &third, NULL, &error));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_award_title (f->context, id, "按摩大师", &third, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Title: "));
  g_clear_error (&error);

  st = fz_database_query (f->db, "SELECT group_concat(level, ',') FROM (SELECT level FROM blind_massage_title"
                                 " WHERE practitioner_id = ?1 ORDER BY awarded_on)",
                          g_variant_new ("(x)", id), &error);
  g_assert_true (fz_statement_step (st, &error));
  g_assert_cmpstr (fz_statement_get_text (st, 0), ==, "1,2");
}

/* A course of @hours in @year, attended by @practitioner. */
static void
attend (BmFixture  *f,
        const char *name,
        int         year,
        double      hours,
        gint64      practitioner)
{
  g_autoptr(GError) error = NULL;
  GDate from = bm_day (year, 5, 10);
  gint64 course = fzp_blind_massage_add_course (f->context, name, "衢州市盲人按摩指导中心", &from, NULL, hours,
                                                FZP_BLIND_MASSAGE_KIND_NONE, &error);

  g_assert_no_error (error);
  g_assert_true (fzp_blind_massage_add_attendance (f->context, course, practitioner, 0, &error));
  g_assert_no_error (error);
}

static void
test_review_credits_one_short (BmFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *number = bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL);
  gint64 id = add_medical (f, number, "YL1", bm_day (2019, 6, 30), bm_day (2020, 1, 1));
  GDate done = bm_day (2024, 12, 1);
  double hours = 0;

  attend (f, "2024年继续教育培训班", 2024, 19, id);
  g_assert_true (fzp_blind_massage_get_credits (f->db, id, 2024, &hours, &error));
  g_assert_cmpfloat (hours, ==, 19);

  /* 19 of 20: the review cannot pass, and says by how many. */
  g_assert_false (fzp_blind_massage_record_review (f->context, id, 2024, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                   &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_CREDITS_SHORT);
  g_assert_nonnull (strstr (error->message, "19 of 20 class hours in 2024, 1 short"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_review"), ==, 0);

  /* Deferred meanwhile; an hour in 2023 does not count for 2024. */
  g_assert_true (fzp_blind_massage_record_review (f->context, id, 2024, FZP_BLIND_MASSAGE_RESULT_DEFERRED, &done,
                                                  "差1学时", &error));
  g_assert_no_error (error);
  attend (f, "2023年讲座", 2023, 1, id);
  g_assert_false (fzp_blind_massage_record_review (f->context, id, 2024, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                   &error));
  g_clear_error (&error);

  /* The missing hour made up: it passes, and the hours are kept with it. */
  attend (f, "2024年讲座", 2024, 1, id);
  g_assert_true (fzp_blind_massage_record_review (f->context, id, 2024, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_review WHERE result = 'passed' AND hours = 20"
                             " AND hours_required = 20 AND reviewer = 'tester'"), ==, 1);

  /* No review of the year of qualification. */
  g_assert_false (fzp_blind_massage_record_review (f->context, id, 2019, FZP_BLIND_MASSAGE_RESULT_FAILED, &done, NULL,
                                                   &error));
  g_assert_true (g_str_has_prefix (error->message, "Year: "));
}

static void
test_due_and_overdue (BmFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  g_autofree char *b = g_strdup (bm_add_person (f->context, "李芳", "330881", "19850505", 2, FZ_CATEGORY_VISUAL));
  g_autofree char *c = g_strdup (bm_add_person (f->context, "赵强", "330803", "19700303", 5, FZ_CATEGORY_VISUAL));
  gint64 wang = add_medical (f, a, "YL1", bm_day (2023, 6, 30), bm_day (2023, 7, 1));
  gint64 li = add_medical (f, b, "YL2", bm_day (2020, 6, 30), bm_day (2024, 3, 1));
  gint64 zhao = add_medical (f, c, "YL3", bm_day (2020, 6, 30), bm_day (2021, 1, 1));
  GDate on_due = bm_day (2024, 12, 31), day_after = bm_day (2025, 1, 1), left = bm_day (2024, 12, 31);
  FzpBlindMassageReviewQuery query = { .on = &on_due, .year = 2024 };
  g_autoptr(GPtrArray) items = NULL;
  FzpBlindMassageReviewItem *item;

  /* 赵强 stopped on the due date of 2024: that review is not owed. */
  g_assert_true (fzp_blind_massage_set_left (f->context, zhao, &left, "迁出", &error));
  g_assert_no_error (error);

  /* On the due date: due; the day after: overdue. */
  items = fzp_blind_massage_list_reviews (f->context, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      g_assert_cmpint (item->state, ==, FZP_BLIND_MASSAGE_REVIEW_DUE);
      g_assert_cmpint (item->year, ==, 2024);
      g_assert_cmpfloat (item->short_by, ==, 20);
      g_assert_true (item->practitioner_id == wang || item->practitioner_id == li);
    }
  g_clear_pointer (&items, g_ptr_array_unref);
  query.on = &day_after;
  query.year = 0;
  query.flags = FZP_BLIND_MASSAGE_LIST_OVERDUE;
  items = fzp_blind_massage_list_reviews (f->context, &query, &error);
  /* 王明 qualified in 2023 owes 2024; 赵强 owes 2022 and 2023 (the rules
   * start in 2022); 李芳, registered here in 2024, owes 2024 only: 2022
   * and 2023 fell due before she came. By county: 柯城区 330802, 衢江区
   * 330803, 江山市 330881. */
  g_assert_cmpuint (items->len, ==, 4);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->practitioner_id, ==, wang);
  g_assert_cmpint (item->year, ==, 2024);
  g_assert_cmpint (item->state, ==, FZP_BLIND_MASSAGE_REVIEW_OVERDUE);
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->practitioner_id, ==, zhao);
  g_assert_cmpint (item->year, ==, 2022);
  item = g_ptr_array_index (items, 2);
  g_assert_cmpint (item->year, ==, 2023);
  item = g_ptr_array_index (items, 3);
  g_assert_cmpint (item->practitioner_id, ==, li);
  g_assert_cmpint (item->year, ==, 2024);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Due and overdue: the reviews of 2025 are due too, except 赵强's. */
  query.flags = 0;
  items = fzp_blind_massage_list_reviews (f->context, &query, &error);
  g_assert_cmpuint (items->len, ==, 6);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Overdue only, one county. */
  query.flags = FZP_BLIND_MASSAGE_LIST_OVERDUE;
  query.county_code = "330881";
  items = fzp_blind_massage_list_reviews (f->context, &query, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Done on 10 January: overdue still on the 9th, told on a day past. */
  {
    GDate done = bm_day (2025, 1, 10), before = bm_day (2025, 1, 9);

    g_assert_true (fzp_blind_massage_record_review (f->context, li, 2024, FZP_BLIND_MASSAGE_RESULT_FAILED, &done, NULL,
                                                    &error));
    g_assert_no_error (error);
    query.on = &before;
    items = fzp_blind_massage_list_reviews (f->context, &query, &error);
    g_assert_cmpuint (items->len, ==, 1);
    g_clear_pointer (&items, g_ptr_array_unref);
    query.on = &done;
    items = fzp_blind_massage_list_reviews (f->context, &query, &error);
    g_assert_cmpuint (items->len, ==, 0);
  }
}

static void
test_rules_are_data (BmFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *number = bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL);
  gint64 id = add_medical (f, number, "YL1", bm_day (2019, 6, 30), bm_day (2020, 1, 1));
  FzpBlindMassageReviewRule rule;
  g_autofree char *requirements = NULL;
  gboolean found = FALSE;
  GDate done = bm_day (2025, 11, 1), on = bm_day (2025, 11, 2);
  FzpBlindMassageReviewQuery query = { .on = &on, .year = 2025 };
  g_autoptr(GPtrArray) items = NULL;

  /* The default: 20 class hours a year, every year, by 31 December. */
  g_assert_true (fzp_blind_massage_get_review_rule (f->db, FZP_BLIND_MASSAGE_KIND_MEDICAL, 2025, &rule, &requirements,
                                                    &found, &error));
  g_assert_true (found);
  g_assert_cmpfloat (rule.credit_hours, ==, 20);
  g_assert_cmpuint (rule.cycle_years, ==, 1);
  g_assert_nonnull (strstr (requirements, "继续教育"));
  /* Before the first rule, no review is asked. */
  g_assert_true (fzp_blind_massage_get_review_rule (f->db, FZP_BLIND_MASSAGE_KIND_MEDICAL, 2021, &rule, NULL,
                                                    &found, &error));
  g_assert_false (found);

  /* From 2025, 24 hours by 31 March of the year after. */
  rule.effective_from = bm_day (2025, 1, 1);
  rule.cycle_years = 1;
  rule.due_month = 3;
  rule.due_day = 31;
  rule.due_year_offset = 1;
  rule.credit_hours = 24;
  g_assert_true (fzp_blind_massage_set_review_rule (f->context, FZP_BLIND_MASSAGE_KIND_MEDICAL, &rule, "证书", &error));
  g_assert_no_error (error);
  attend (f, "2025年培训班", 2025, 20, id);
  g_assert_false (fzp_blind_massage_record_review (f->context, id, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                   &error));
  g_assert_nonnull (strstr (error->message, "20 of 24 class hours in 2025, 4 short"));
  g_clear_error (&error);
  items = fzp_blind_massage_list_reviews (f->context, &query, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (g_date_get_year (&((FzpBlindMassageReviewItem *) g_ptr_array_index (items, 0))->due), ==, 2026);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A rule from the middle of a year counts from the next one. */
  rule.effective_from = bm_day (2025, 7, 1);
  rule.credit_hours = 30;
  g_assert_true (fzp_blind_massage_set_review_rule (f->context, FZP_BLIND_MASSAGE_KIND_MEDICAL, &rule, NULL, &error));
  g_assert_true (fzp_blind_massage_get_review_rule (f->db, FZP_BLIND_MASSAGE_KIND_MEDICAL, 2025, &rule, NULL, &found,
                                                    &error));
  g_assert_cmpfloat (rule.credit_hours, ==, 24);
  g_assert_true (fzp_blind_massage_get_review_rule (f->db, FZP_BLIND_MASSAGE_KIND_MEDICAL, 2026, &rule, NULL, &found,
                                                    &error));
  g_assert_cmpfloat (rule.credit_hours, ==, 30);

  /* A rule can go again; one that is not there cannot. */
  g_assert_true (fzp_blind_massage_delete_review_rule (f->context, FZP_BLIND_MASSAGE_KIND_MEDICAL, &rule.effective_from,
                                                       &error));
  g_assert_false (fzp_blind_massage_delete_review_rule (f->context, FZP_BLIND_MASSAGE_KIND_MEDICAL,
                                                        &rule.effective_from, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A wrong rule is refused whole. */
  rule.cycle_years = 99;
  g_assert_false (fzp_blind_massage_set_review_rule (f->context, FZP_BLIND_MASSAGE_KIND_MEDICAL, &rule, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Cycle: "));
  g_clear_error (&error);

  /* The rule may ask for a filing in force on the day of the review. */
  g_assert_true (fzp_blind_massage_get_review_rule (f->db, FZP_BLIND_MASSAGE_KIND_MEDICAL, 2025, &rule, NULL, &found,
                                                    &error));
  rule.require_filing = TRUE;
  rule.credit_hours = 20;
  g_assert_true (fzp_blind_massage_set_review_rule (f->context, FZP_BLIND_MASSAGE_KIND_MEDICAL, &rule, NULL, &error));
  g_assert_false (fzp_blind_massage_record_review (f->context, id, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                   &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NO_FILING);
  g_clear_error (&error);
  {
    GDate from = bm_day (2024, 1, 1), to = bm_day (2025, 10, 31);
    FzpBlindMassageNewFiling filing = { .workplace = "光明诊所", .from = &from, .to = &to };

    /* Expired the day before the review: still no pass. */
    g_assert_cmpint (fzp_blind_massage_add_filing (f->context, id, &filing, FALSE, &error), >, 0);
    g_assert_false (fzp_blind_massage_record_review (f->context, id, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                     &error));
    g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NO_FILING);
    g_clear_error (&error);
    to = bm_day (2025, 11, 1);
    from = bm_day (2025, 11, 1);
    filing.from = &from;
    filing.to = NULL;
    g_assert_cmpint (fzp_blind_massage_add_filing (f->context, id, &filing, FALSE, &error), >, 0);
    g_assert_true (fzp_blind_massage_record_review (f->context, id, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, NULL,
                                                    &error));
    g_assert_no_error (error);
  }
}

static void
test_clinics_posts_indicators (BmFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  FzMeasure *measure = bm_fixture_measure (f);
  const FzMeasureInfo *info = fz_measure_get_info (measure);
  g_autofree char *a = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  g_autofree char *b = g_strdup (bm_add_person (f->context, "李芳", "330881", "19850505", 2, FZ_CATEGORY_VISUAL));
  gint64 wang = add_medical (f, a, "YL1", bm_day (2019, 6, 30), bm_day (2020, 1, 1));
  GDate opened = bm_day (2020, 5, 1), insured = bm_day (2023, 5, 1), ended = bm_day (2024, 6, 30);
  GDate post_from = bm_day (2023, 3, 1), done = bm_day (2023, 12, 1);
  FzpBlindMassageNewClinic clinic = {
    .name = "衢州市柯城区光明盲人按摩诊所", .licensee_number = a, .address = "柯城区荷花中路12号",
    .county = "柯城区", .license_number = "PDY-001", .opened_on = &opened, .insurance_from = &insured,
  };
  FzpBlindMassageNewPractitioner health = { .number = b, .kind = FZP_BLIND_MASSAGE_KIND_HEALTH };
  gint64 clinic_id, second;
  const FzIndicatorInfo *find = NULL;

  clinic_id = fzp_blind_massage_add_clinic (f->context, &clinic, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clinic_id, >, 0);
  /* It is an organization of the registry too. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_organization WHERE name = '衢州市柯城区光明盲人按摩诊所'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_clinic WHERE licensee = '王明'"), ==, 1);
  g_assert_cmpint (fzp_blind_massage_add_clinic (f->context, &clinic, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Name: "));
  g_clear_error (&error);
  clinic.name = "江山市盲人按摩诊所";
  clinic.county = "江山市";
  clinic.license_number = NULL;
  clinic.insurance_from = NULL;
  clinic.licensee_number = NULL;
  clinic.licensee = "李芳";
  second = fzp_blind_massage_add_clinic (f->context, &clinic, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fzp_blind_massage_find_clinic (f->context, "江山市盲人按摩诊所", &error), ==, second);
  g_assert_true (fzp_blind_massage_set_clinic_insurance (f->context, second, &insured, NULL, &error));
  g_assert_true (fzp_blind_massage_set_clinic_insurance (f->context, second, NULL, &ended, &error));
  g_assert_false (fzp_blind_massage_set_clinic_insurance (f->context, second, NULL, &opened, &error));
  g_assert_true (g_str_has_prefix (error->message, "Designated until: "));
  g_clear_error (&error);

  /* A post at a hospital, found or added in the registry as an institution. */
  g_assert_cmpint (fzp_blind_massage_add_post (f->context, "衢州市人民医院", "康复医学科", "330802", &post_from, wang,
                                               &error), >, 0);
  g_assert_cmpint (fzp_blind_massage_add_post (f->context, "衢州市人民医院", "中医科", "柯城", &post_from, 0,
                                               &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fz_organization WHERE name = '衢州市人民医院'"
                             " AND type = 'institution'"), ==, 1);
  g_assert_true (fzp_blind_massage_end_post (f->context, 2, &ended, &error));
  g_assert_false (fzp_blind_massage_end_post (f->context, 2, &ended, &error));
  g_clear_error (&error);

  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &health, NULL, &error), >, 0);
  g_assert_true (fzp_blind_massage_record_review (f->context, wang, 2023, FZP_BLIND_MASSAGE_RESULT_FAILED, &done, NULL,
                                                  &error));
  g_assert_no_error (error);

  /* 2023: 1 medical (柯城区), no health one (李芳 is registered today), a
   * review done and none overdue, two clinics designated, two posts. */
  g_assert_true (fz_measure_compute_indicators (measure, f->context, 2023, values, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < info->n_indicators; i++)
    {
      const FzIndicatorInfo *ind = &info->indicators[i];
      double city = fz_indicator_values_get (values, ind, FZ_CITY_CODE);

      g_assert_null (ind->target);
      if (g_str_equal (ind->id, "medical-practitioners"))
        g_assert_cmpfloat (fz_indicator_values_get (values, ind, "330802"), ==, 1);
      else if (g_str_equal (ind->id, "health-practitioners"))
        g_assert_cmpfloat (city, ==, 0);
      else if (g_str_equal (ind->id, "reviews-done"))
        g_assert_cmpfloat (city, ==, 1);
      else if (g_str_equal (ind->id, "reviews-overdue"))
        g_assert_cmpfloat (city, ==, 0);
      else if (g_str_equal (ind->id, "designated-clinics"))
        {
          g_assert_cmpfloat (city, ==, 2);
          find = ind;
        }
      else if (g_str_equal (ind->id, "hospital-posts"))
        g_assert_cmpfloat (city, ==, 2);
    }
  g_assert_nonnull (find);
  g_clear_pointer (&values, fz_indicator_values_free);

  /* 2024: the second clinic's designation and post ended in June; the
   * 2024 review is overdue. */
  values = fz_indicator_values_new ();
  g_assert_true (fz_measure_compute_indicators (measure, f->context, 2024, values, &error));
  g_assert_cmpfloat (fz_indicator_values_get (values, find, FZ_CITY_CODE), ==, 1);
  g_assert_cmpfloat (fz_indicator_values_get (values, find, "330881"), ==, 0);
  for (guint i = 0; i < info->n_indicators; i++)
    if (g_str_equal (info->indicators[i].id, "reviews-overdue"))
      g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[i], "330802"), ==, 1);
    else if (g_str_equal (info->indicators[i].id, "hospital-posts"))
      g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[i], FZ_CITY_CODE), ==, 1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/BlindMassage/" path, BmFixture, NULL, \
                                    bm_fixture_setup, func, bm_fixture_teardown)
  ADD ("practitioners", test_practitioners);
  ADD ("filings", test_filings);
  ADD ("titles", test_titles);
  ADD ("review-credits-one-short", test_review_credits_one_short);
  ADD ("due-and-overdue", test_due_and_overdue);
  ADD ("rules-are-data", test_rules_are_data);
  ADD ("clinics-posts-indicators", test_clinics_posts_indicators);
#undef ADD

  return g_test_run ();
}
