/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage-rules"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"
#include "fzp-blind-massage-rules.h"

/* The measure's pure rules at their edges: no database, no display. */

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static FzpBlindMassageReviewRule
yearly (double hours)
{
  FzpBlindMassageReviewRule rule = { 0 };

  rule.effective_from = day (2022, 1, 1);
  rule.cycle_years = 1;
  rule.due_month = 12;
  rule.due_day = 31;
  rule.credit_hours = hours;
  return rule;
}

static void
test_kind_and_result (void)
{
  g_autoptr(GError) error = NULL;
  FzpBlindMassageKind kind = FZP_BLIND_MASSAGE_KIND_NONE;
  FzpBlindMassageResult result = FZP_BLIND_MASSAGE_RESULT_NONE;
  FzpBlindMassageExamMark mark = 0;

  g_assert_true (fzp_blind_massage_kind_parse ("医疗", &kind, &error));
  g_assert_cmpint (kind, ==, FZP_BLIND_MASSAGE_KIND_MEDICAL);
  g_assert_true (fzp_blind_massage_kind_parse (" 盲人保健按摩 ", &kind, &error));
  g_assert_cmpint (kind, ==, FZP_BLIND_MASSAGE_KIND_HEALTH);
  g_assert_true (fzp_blind_massage_kind_parse ("Medical", &kind, &error));
  g_assert_cmpint (kind, ==, FZP_BLIND_MASSAGE_KIND_MEDICAL);
  g_assert_no_error (error);
  /* The two trades are never mixed up: anything else is refused. */
  g_assert_false (fzp_blind_massage_kind_parse ("按摩", &kind, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Kind: "));
  g_clear_error (&error);
  g_assert_cmpstr (fzp_blind_massage_kind_to_print (FZP_BLIND_MASSAGE_KIND_HEALTH), ==, "保健按摩");
  g_assert_cmpint (fzp_blind_massage_kind_from_nick ("medical"), ==, FZP_BLIND_MASSAGE_KIND_MEDICAL);

  g_assert_true (fzp_blind_massage_result_parse ("合格", &result, &error));
  g_assert_cmpint (result, ==, FZP_BLIND_MASSAGE_RESULT_PASSED);
  g_assert_true (fzp_blind_massage_result_parse ("不合格", &result, &error));
  g_assert_cmpint (result, ==, FZP_BLIND_MASSAGE_RESULT_FAILED);
  g_assert_true (fzp_blind_massage_result_parse ("deferred", &result, &error));
  g_assert_cmpint (result, ==, FZP_BLIND_MASSAGE_RESULT_DEFERRED);
  g_assert_false (fzp_blind_massage_result_is_done (FZP_BLIND_MASSAGE_RESULT_DEFERRED));
  g_assert_true (fzp_blind_massage_result_is_done (FZP_BLIND_MASSAGE_RESULT_FAILED));
  g_assert_false (fzp_blind_massage_result_parse ("良好", &result, &error));
  g_assert_true (g_str_has_prefix (error->message, "Result: "));
  g_clear_error (&error);

  g_assert_true (fzp_blind_massage_exam_mark_parse ("缺考", "Written exam", &mark, &error));
  g_assert_cmpint (mark, ==, FZP_BLIND_MASSAGE_EXAM_ABSENT);
  g_assert_false (fzp_blind_massage_exam_mark_parse ("90", "Written exam", &mark, &error));
  g_assert_true (g_str_has_prefix (error->message, "Written exam: "));
}

static void
test_review_years (void)
{
  FzpBlindMassageReviewRule rule = yearly (20);

  /* Counted from the year after qualification. */
  g_assert_false (fzp_blind_massage_review_is_due_year (&rule, 2020, 2020));
  g_assert_true (fzp_blind_massage_review_is_due_year (&rule, 2020, 2021));
  g_assert_false (fzp_blind_massage_review_is_due_year (&rule, 2020, 2019));

  rule.cycle_years = 2;
  g_assert_false (fzp_blind_massage_review_is_due_year (&rule, 2020, 2021));
  g_assert_true (fzp_blind_massage_review_is_due_year (&rule, 2020, 2022));
  g_assert_false (fzp_blind_massage_review_is_due_year (&rule, 2020, 2023));
  g_assert_true (fzp_blind_massage_review_is_due_year (&rule, 2020, 2024));

  rule.cycle_years = 0;
  g_assert_false (fzp_blind_massage_review_is_due_year (&rule, 2020, 2022));
  g_assert_false (fzp_blind_massage_review_is_due_year (NULL, 2020, 2022));
}

static void
test_review_due_date (void)
{
  FzpBlindMassageReviewRule rule = yearly (20);
  GDate due, expected;

  fzp_blind_massage_review_due_date (&rule, 2025, &due);
  expected = day (2025, 12, 31);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);

  /* Due by 31 March of the year after. */
  rule.due_month = 3;
  rule.due_day = 31;
  rule.due_year_offset = 1;
  fzp_blind_massage_review_due_date (&rule, 2025, &due);
  expected = day (2026, 3, 31);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);

  /* 29 February is the 28th in other years. */
  rule.due_month = 2;
  rule.due_day = 29;
  rule.due_year_offset = 0;
  fzp_blind_massage_review_due_date (&rule, 2025, &due);
  expected = day (2025, 2, 28);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
  fzp_blind_massage_review_due_date (&rule, 2024, &due);
  expected = day (2024, 2, 29);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
}

static void
test_review_state (void)
{
  FzpBlindMassageReviewRule rule = yearly (20);
  GDate on_due = day (2025, 12, 31);
  GDate day_after = day (2026, 1, 1);
  GDate early = day (2025, 1, 1);

  g_assert_cmpint (fzp_blind_massage_review_state (&rule, 2020, 2025, FZP_BLIND_MASSAGE_RESULT_NONE, &early), ==,
                   FZP_BLIND_MASSAGE_REVIEW_DUE);
  /* On its due date a review is due still; the day after, overdue. */
  g_assert_cmpint (fzp_blind_massage_review_state (&rule, 2020, 2025, FZP_BLIND_MASSAGE_RESULT_NONE, &on_due), ==,
                   FZP_BLIND_MASSAGE_REVIEW_DUE);
  g_assert_cmpint (fzp_blind_massage_review_state (&rule, 2020, 2025, FZP_BLIND_MASSAGE_RESULT_NONE, &day_after), ==,
                   FZP_BLIND_MASSAGE_REVIEW_OVERDUE);
  /* A deferral is not a review done. */
  g_assert_cmpint (fzp_blind_massage_review_state (&rule, 2020, 2025, FZP_BLIND_MASSAGE_RESULT_DEFERRED, &day_after),
                   ==, FZP_BLIND_MASSAGE_REVIEW_OVERDUE);
  g_assert_cmpint (fzp_blind_massage_review_state (&rule, 2020, 2025, FZP_BLIND_MASSAGE_RESULT_FAILED, &day_after),
                   ==, FZP_BLIND_MASSAGE_REVIEW_DONE);
  g_assert_cmpint (fzp_blind_massage_review_state (&rule, 2025, 2025, FZP_BLIND_MASSAGE_RESULT_NONE, &day_after), ==,
                   FZP_BLIND_MASSAGE_REVIEW_NOT_DUE);
}

static void
test_credits (void)
{
  g_assert_cmpfloat (fzp_blind_massage_credit_shortfall (20, 19), ==, 1);
  g_assert_cmpfloat (fzp_blind_massage_credit_shortfall (20, 20), ==, 0);
  g_assert_cmpfloat (fzp_blind_massage_credit_shortfall (20, 25), ==, 0);
  g_assert_cmpfloat_with_epsilon (fzp_blind_massage_credit_shortfall (20, 19.99), 0.01, 1e-9);
  /* Sums of tenths make 20, not a hair under it. */
  g_assert_cmpfloat (fzp_blind_massage_credit_shortfall (20, 19.9 + 0.1), ==, 0);
  g_assert_cmpfloat (fzp_blind_massage_credit_shortfall (0, 0), ==, 0);
}

static void
test_check_review (void)
{
  g_autoptr(GError) error = NULL;
  FzpBlindMassageReviewRule rule = yearly (20);
  GDate today = day (2026, 1, 15);
  GDate done = day (2025, 12, 1);
  GDate future = day (2026, 1, 16);
  GDate too_early = day (2024, 12, 31);

  /* One hour short: no pass, and the message says by how many. */
  g_assert_false (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, 19, TRUE,
                                                  &today, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_CREDITS_SHORT);
  g_assert_nonnull (strstr (error->message, "19 of 20 class hours in 2025, 1 short"));
  g_assert_true (g_str_has_prefix (error->message, "Continuing education: "));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, 19.5, TRUE,
                                                  &today, &error));
  g_assert_nonnull (strstr (error->message, "0.5 short"));
  g_clear_error (&error);

  /* Complete, or any other outcome: fine. */
  g_assert_true (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, 20, TRUE,
                                                 &today, &error));
  g_assert_true (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_FAILED, &done, 0, FALSE,
                                                 &today, &error));
  g_assert_true (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_DEFERRED, &done, 3, FALSE,
                                                 &today, &error));
  /* Today is allowed, tomorrow is not. */
  g_assert_true (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_FAILED, &today, 0, FALSE,
                                                 &today, &error));
  g_assert_no_error (error);
  g_assert_false (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_FAILED, &future, 0, FALSE,
                                                  &today, &error));
  g_assert_true (g_str_has_prefix (error->message, "Date of review: "));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_FAILED, &too_early, 0, FALSE,
                                                  &today, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_NONE, &done, 20, TRUE,
                                                  &today, &error));
  g_clear_error (&error);

  /* Where the rule asks for a filing in force, a pass needs one. */
  rule.require_filing = TRUE;
  g_assert_false (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, 20, FALSE,
                                                  &today, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NO_FILING);
  g_clear_error (&error);
  g_assert_true (fzp_blind_massage_check_review (&rule, 2025, FZP_BLIND_MASSAGE_RESULT_PASSED, &done, 20, TRUE,
                                                 &today, &error));
  g_assert_no_error (error);
}

static void
test_filing_state (void)
{
  GDate from = day (2023, 1, 1);
  GDate to = day (2025, 12, 31);
  GDate ended = day (2024, 6, 30);
  GDate before = day (2022, 12, 31);
  GDate last_day = day (2025, 12, 31);
  GDate expired = day (2026, 1, 1);
  GDate after_end = day (2024, 7, 1);
  GDate never = day (2022, 12, 31);
  GDate last;

  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, NULL, &before), ==, FZP_BLIND_MASSAGE_FILING_PENDING);
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, NULL, &from), ==, FZP_BLIND_MASSAGE_FILING_ACTIVE);
  /* Registration expired: in force on its last day, expired the next. */
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, NULL, &last_day), ==, FZP_BLIND_MASSAGE_FILING_ACTIVE);
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, NULL, &expired), ==, FZP_BLIND_MASSAGE_FILING_EXPIRED);
  /* Open-ended: in force for good. */
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, NULL, NULL, &expired), ==, FZP_BLIND_MASSAGE_FILING_ACTIVE);
  /* Ended early: its end is its last day. */
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, &ended, &ended), ==, FZP_BLIND_MASSAGE_FILING_ACTIVE);
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, &ended, &after_end), ==, FZP_BLIND_MASSAGE_FILING_ENDED);
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, &to, &ended, &expired), ==, FZP_BLIND_MASSAGE_FILING_ENDED);
  /* Ended the day before it started: it never was in force. */
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, NULL, &never, &before), ==, FZP_BLIND_MASSAGE_FILING_ENDED);
  g_assert_cmpint (fzp_blind_massage_filing_state (&from, NULL, &never, &from), ==, FZP_BLIND_MASSAGE_FILING_ENDED);

  fzp_blind_massage_filing_last_day (&to, &ended, &last);
  g_assert_cmpint (g_date_compare (&last, &ended), ==, 0);
  fzp_blind_massage_filing_last_day (NULL, NULL, &last);
  g_assert_false (g_date_valid (&last));
}

static void
test_filing_overlap (void)
{
  g_autoptr(GError) error = NULL;
  GDate a_from = day (2023, 1, 1);
  GDate a_last = day (2024, 6, 30);
  GDate next = day (2024, 7, 1);
  GDate same = day (2024, 6, 30);
  GDate earlier_to = day (2022, 12, 31);
  GDate earlier_from = day (2022, 1, 1);

  /* The day after the last day: no overlap; the last day itself: overlap. */
  g_assert_false (fzp_blind_massage_filings_overlap (&next, NULL, &a_from, &a_last));
  g_assert_true (fzp_blind_massage_filings_overlap (&same, NULL, &a_from, &a_last));
  /* An open filing overlaps everything after its start. */
  g_assert_true (fzp_blind_massage_filings_overlap (&next, NULL, &a_from, NULL));
  /* One that ended before the other began does not. */
  g_assert_false (fzp_blind_massage_filings_overlap (&earlier_from, &earlier_to, &a_from, NULL));

  g_assert_true (fzp_blind_massage_check_filing_term (&a_from, &a_from, &error));
  g_assert_true (fzp_blind_massage_check_filing_term (&a_from, NULL, &error));
  g_assert_false (fzp_blind_massage_check_filing_term (&a_from, &earlier_to, &error));
  g_assert_true (g_str_has_prefix (error->message, "To: "));
}

static void
test_title_steps (void)
{
  g_autoptr(GError) error = NULL;

  /* A practitioner comes with the title they hold. */
  g_assert_true (fzp_blind_massage_check_title_step (0, 3, "主治医疗按摩师", TRUE, FALSE, 2025, &error));
  g_assert_true (fzp_blind_massage_check_title_step (1, 2, "医疗按摩师", TRUE, TRUE, 2025, &error));
  g_assert_true (fzp_blind_massage_check_title_step (1, 2, "医疗按摩师", FALSE, FALSE, 2025, &error));
  g_assert_no_error (error);

  g_assert_false (fzp_blind_massage_check_title_step (1, 3, "主治医疗按摩师", TRUE, TRUE, 2025, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE);
  g_assert_nonnull (strstr (error->message, "skips a step"));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_check_title_step (2, 2, "医疗按摩师", TRUE, TRUE, 2025, &error));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_check_title_step (2, 3, "主治医疗按摩师", TRUE, FALSE, 2025, &error));
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_check_title_step (2, 0, "", TRUE, TRUE, 2025, &error));
  g_assert_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID);
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  double hours = 0;
  guint month = 0, d = 0;
  int year = 0;
  struct { double hours; const char *text; } formats[] = {
    { 20, "20" }, { 19.5, "19.5" }, { 0.25, "0.25" }, { 1.1, "1.1" }, { 0, "0" },
  };
  const char *bad_hours[] = { "", "0", "-1", "1000.5", "1.234", "abc", "2 0x", NULL };

  g_assert_true (fzp_blind_massage_parse_hours ("２０", "Class hours", &hours, &error));
  g_assert_cmpfloat (hours, ==, 20);
  g_assert_true (fzp_blind_massage_parse_hours ("0.5", "Class hours", &hours, &error));
  g_assert_true (fzp_blind_massage_parse_hours ("1000", "Class hours", &hours, &error));
  g_assert_no_error (error);
  for (guint i = 0; bad_hours[i]; i++)
    {
      g_assert_false (fzp_blind_massage_parse_hours (bad_hours[i], "Class hours", &hours, &error));
      g_assert_true (g_str_has_prefix (error->message, "Class hours: "));
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = fzp_blind_massage_format_hours (formats[i].hours);
      g_assert_cmpstr (text, ==, formats[i].text);
    }

  g_assert_true (fzp_blind_massage_parse_month_day ("12-31", &month, &d, &error));
  g_assert_cmpuint (month, ==, 12);
  g_assert_cmpuint (d, ==, 31);
  g_assert_true (fzp_blind_massage_parse_month_day ("3月31日", &month, &d, &error));
  g_assert_cmpuint (month, ==, 3);
  g_assert_true (fzp_blind_massage_parse_month_day ("2/29", &month, &d, &error));
  g_assert_no_error (error);
  g_assert_false (fzp_blind_massage_parse_month_day ("02-30", &month, &d, &error));
  g_clear_error (&error);
  g_assert_false (fzp_blind_massage_parse_month_day ("13-01", &month, &d, &error));
  g_clear_error (&error);

  g_assert_true (fzp_blind_massage_parse_year ("2025", &year, &error));
  g_assert_cmpint (year, ==, 2025);
  g_assert_false (fzp_blind_massage_parse_year ("25", &year, &error));
  g_assert_true (g_str_has_prefix (error->message, "Year: "));
}

static void
test_rule_check (void)
{
  g_autoptr(GError) error = NULL;
  FzpBlindMassageReviewRule rule = yearly (20);

  g_assert_true (fzp_blind_massage_review_rule_check (&rule, &error));
  rule.cycle_years = FZP_BLIND_MASSAGE_CYCLE_MAX + 1;
  g_assert_false (fzp_blind_massage_review_rule_check (&rule, &error));
  g_assert_true (g_str_has_prefix (error->message, "Cycle: "));
  g_clear_error (&error);
  rule = yearly (20);
  rule.due_month = 4;
  rule.due_day = 31;
  g_assert_false (fzp_blind_massage_review_rule_check (&rule, &error));
  g_assert_true (g_str_has_prefix (error->message, "Due date: "));
  g_clear_error (&error);
  rule = yearly (20);
  rule.due_year_offset = 2;
  g_assert_false (fzp_blind_massage_review_rule_check (&rule, &error));
  g_clear_error (&error);
  rule = yearly (-1);
  g_assert_false (fzp_blind_massage_review_rule_check (&rule, &error));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/kind-and-result", test_kind_and_result);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/review-years", test_review_years);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/review-due-date", test_review_due_date);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/review-state", test_review_state);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/credits", test_credits);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/check-review", test_check_review);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/filing-state", test_filing_state);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/filing-overlap", test_filing_overlap);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/title-steps", test_title_steps);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/values", test_values);
  g_test_add_func ("/Fuzhu/Plugins/BlindMassage/rule-check", test_rule_check);

  return g_test_run ();
}
