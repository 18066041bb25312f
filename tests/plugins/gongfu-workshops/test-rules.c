/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gongfu-workshops"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"
#include "fzp-gongfu-workshops-rules.h"

/* The measure's rules on their own, each at its edges: no database. */

static GDate
day (const char *iso)
{
  GDate date;
  unsigned y, m, d;

  g_date_clear (&date, 1);
  if (iso && sscanf (iso, "%u-%u-%u", &y, &m, &d) == 3)
    g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static FzpGongfuWorkshopsSpell
spell (const char *joined,
       const char *left)
{
  FzpGongfuWorkshopsSpell s = { 1, "大俱源村共富工坊", day (joined), day (left) };

  return s;
}

static void
assert_amount (const char *text,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -1;

  if (!fzp_gongfu_workshops_parse_amount (text, "Amount", &fen, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_cmpint (fen, ==, expected);
}

static void
assert_amount_refused (const char *text,
                       const char *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -1;

  g_assert_false (fzp_gongfu_workshops_parse_amount (text, "Amount", &fen, &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Amount: "));
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s”: “%s” does not say “%s”", text, error->message, message_part);
  g_assert_cmpint (fen, ==, -1);
}

static void
test_amounts (void)
{
  assert_amount ("1234", 123400);
  assert_amount ("1,234.50", 123450);
  assert_amount ("¥1234.5", 123450);
  assert_amount ("￥ 1234.5 元", 123450);
  assert_amount ("１２３４．５", 123450);
  assert_amount ("0", 0);
  assert_amount ("-0", 0);
  assert_amount (".5", 50);
  assert_amount ("1234.4999999999998", 123450);
  assert_amount ("1000000", 100000000);
  assert_amount_refused ("1000000.01", "more than 1,000,000.00 yuan");
  assert_amount_refused ("1234.567", "more than two decimals");
  assert_amount_refused ("-1", "below zero");
  assert_amount_refused ("", "write the amount");
  assert_amount_refused ("abc", "not an amount");
  assert_amount_refused ("1e3", "not an amount");
  assert_amount_refused ("12.3.4", "not an amount");
}

static void
test_format_amount (void)
{
  struct { gint64 fen; const char *plain; const char *grouped; } cases[] = {
    { 0, "0.00", "0.00" },
    { 5, "0.05", "0.05" },
    { 100, "1.00", "1.00" },
    { 99999, "999.99", "999.99" },
    { 100000, "1000.00", "1,000.00" },
    { 123456789, "1234567.89", "1,234,567.89" },
    { -123456, "-1234.56", "-1,234.56" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = fzp_gongfu_workshops_format_amount (cases[i].fen);
      g_autofree char *grouped = fzp_gongfu_workshops_format_amount_grouped (cases[i].fen);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (grouped, ==, cases[i].grouped);
    }
}

static void
test_quantities (void)
{
  g_autoptr(GError) error = NULL;
  double q = -1;

  g_assert_true (fzp_gongfu_workshops_parse_quantity ("120", FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &q, &error));
  g_assert_cmpfloat (q, ==, 120);
  g_assert_true (fzp_gongfu_workshops_parse_quantity ("1,200件", FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &q, &error));
  g_assert_cmpfloat (q, ==, 1200);
  g_assert_true (fzp_gongfu_workshops_parse_quantity ("0", FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &q, &error));
  g_assert_cmpfloat (q, ==, 0);
  g_assert_false (fzp_gongfu_workshops_parse_quantity ("120.5", FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &q, &error));
  g_assert_nonnull (strstr (error->message, "whole number"));
  g_clear_error (&error);

  g_assert_true (fzp_gongfu_workshops_parse_quantity ("37.5小时", FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 31, &q, &error));
  g_assert_cmpfloat (q, ==, 37.5);
  /* February of a common year has 672 hours; not one more. */
  g_assert_true (fzp_gongfu_workshops_parse_quantity ("672", FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 28, &q, &error));
  g_assert_false (fzp_gongfu_workshops_parse_quantity ("672.01", FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 28, &q, &error));
  g_assert_true (g_str_has_prefix (error->message, "Hours: "));
  g_assert_nonnull (strstr (error->message, "672 hours"));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_parse_quantity ("7.125", FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 31, &q, &error));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_parse_quantity ("-1", FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &q, &error));
  g_assert_nonnull (strstr (error->message, "below zero"));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_parse_quantity ("", FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &q, &error));
  g_assert_true (g_str_has_prefix (error->message, "Pieces: "));
  g_clear_error (&error);

  {
    g_autofree char *a = fzp_gongfu_workshops_format_quantity (120);
    g_autofree char *b = fzp_gongfu_workshops_format_quantity (37.5);
    g_autofree char *c = fzp_gongfu_workshops_format_quantity (0.25);
    g_autofree char *d = fzp_gongfu_workshops_format_quantity (0);

    g_assert_cmpstr (a, ==, "120");
    g_assert_cmpstr (b, ==, "37.5");
    g_assert_cmpstr (c, ==, "0.25");
    g_assert_cmpstr (d, ==, "0");
  }
}

/* A month with no work is 0 and 0; anything else needs both. */
static void
test_check_pay (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fzp_gongfu_workshops_check_pay (FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 0, 0, &error));
  g_assert_true (fzp_gongfu_workshops_is_no_work (0, 0));
  g_assert_true (fzp_gongfu_workshops_check_pay (FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 10, 100, &error));
  g_assert_false (fzp_gongfu_workshops_is_no_work (10, 100));
  g_assert_false (fzp_gongfu_workshops_check_pay (FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 10, 0, &error));
  g_assert_true (g_str_has_prefix (error->message, "Amount: 10 pieces were made"));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_check_pay (FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 0, 100, &error));
  g_assert_true (g_str_has_prefix (error->message, "Hours: "));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_check_pay (FZP_GONGFU_WORKSHOPS_BASIS_NONE, 1, 100, &error));
  g_assert_true (g_str_has_prefix (error->message, "Basis: "));
}

static void
test_months (void)
{
  const char *good[] = { "2025-03", "2025/3", "2025.3", "202503", "2025年3月", "2025-03-01", "20250331",
                         " 2025 - 03 ", "２０２５－０３" };
  const char *bad[] = { "2025-13", "2025-00", "25-03", "2025-02-30", "", "abc", "2025-3-1-2", "2025-003",
                        "1899-12", "2025年3月份" };
  GDate first, last;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint y = 0, m = 0;

      if (!fzp_gongfu_workshops_parse_month (good[i], "Month", &y, &m, &error))
        g_error ("“%s” was refused: %s", good[i], error->message);
      g_assert_cmpuint (y, ==, 2025);
      g_assert_cmpuint (m, ==, 3);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint y = 0, m = 0;

      if (fzp_gongfu_workshops_parse_month (bad[i], "Month", &y, &m, &error))
        g_error ("“%s” was taken as %u-%u", bad[i], y, m);
      g_assert_true (g_str_has_prefix (error->message, "Month: "));
    }

  fzp_gongfu_workshops_month_bounds (2024, 2, &first, &last);
  g_assert_cmpuint (g_date_get_day (&first), ==, 1);
  g_assert_cmpuint (g_date_get_day (&last), ==, 29);
  fzp_gongfu_workshops_month_bounds (2025, 2, &first, &last);
  g_assert_cmpuint (g_date_get_day (&last), ==, 28);
  {
    g_autofree char *m = fzp_gongfu_workshops_format_month (2025, 3);
    g_assert_cmpstr (m, ==, "2025-03");
  }
}

static void
test_hosts_and_bases (void)
{
  struct { const char *text; FzpGongfuWorkshopsHost host; } hosts[] = {
    { "村", FZP_GONGFU_WORKSHOPS_HOST_VILLAGE }, { "Village", FZP_GONGFU_WORKSHOPS_HOST_VILLAGE },
    { "社区", FZP_GONGFU_WORKSHOPS_HOST_COMMUNITY }, { "残疾人之家", FZP_GONGFU_WORKSHOPS_HOST_HOME },
    { "home", FZP_GONGFU_WORKSHOPS_HOST_HOME }, { "企业", FZP_GONGFU_WORKSHOPS_HOST_COMPANY },
    { " 公司 ", FZP_GONGFU_WORKSHOPS_HOST_COMPANY },
  };
  g_autoptr(GError) error = NULL;
  FzpGongfuWorkshopsHost host;
  FzpGongfuWorkshopsBasis basis;

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_assert_true (fzp_gongfu_workshops_parse_host (hosts[i].text, &host, &error));
      g_assert_no_error (error);
      g_assert_cmpint (host, ==, hosts[i].host);
    }
  g_assert_false (fzp_gongfu_workshops_parse_host ("castle", &host, &error));
  g_assert_true (g_str_has_prefix (error->message, "Host: "));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_parse_host ("", &host, &error));
  g_clear_error (&error);
  for (guint h = 1; h <= FZP_GONGFU_WORKSHOPS_HOST_LAST; h++)
    g_assert_cmpint (fzp_gongfu_workshops_host_from_nick (fzp_gongfu_workshops_host_to_nick (h)), ==, h);
  g_assert_cmpint (fzp_gongfu_workshops_host_from_nick ("castle"), ==, FZP_GONGFU_WORKSHOPS_HOST_NONE);

  g_assert_true (fzp_gongfu_workshops_parse_basis ("计件", &basis, NULL));
  g_assert_cmpint (basis, ==, FZP_GONGFU_WORKSHOPS_BASIS_PIECE);
  g_assert_true (fzp_gongfu_workshops_parse_basis ("Pieces", &basis, NULL));
  g_assert_cmpint (basis, ==, FZP_GONGFU_WORKSHOPS_BASIS_PIECE);
  g_assert_true (fzp_gongfu_workshops_parse_basis ("计时", &basis, NULL));
  g_assert_cmpint (basis, ==, FZP_GONGFU_WORKSHOPS_BASIS_HOUR);
  g_assert_true (fzp_gongfu_workshops_parse_basis ("hour", &basis, NULL));
  g_assert_cmpint (basis, ==, FZP_GONGFU_WORKSHOPS_BASIS_HOUR);
  g_assert_false (fzp_gongfu_workshops_parse_basis ("按月", &basis, &error));
  g_assert_true (g_str_has_prefix (error->message, "Basis: "));
  g_assert_cmpstr (fzp_gongfu_workshops_basis_to_print (FZP_GONGFU_WORKSHOPS_BASIS_HOUR), ==, "计时");
}

static void
assert_join (const FzpGongfuWorkshopsSpell *spells,
             guint                          n,
             const char                    *joined,
             const char                    *closed,
             int                            code)
{
  g_autoptr(GError) error = NULL;
  GDate j = day (joined), opened = day ("2024-03-01"), c = day (closed), today = day ("2025-06-15");
  gboolean ok = fzp_gongfu_workshops_check_join (spells, n, &j, &opened, &c, &today, &error);

  if (code < 0)
    {
      if (!ok)
        g_error ("joining on %s was refused: %s", joined, error->message);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, code);
}

static void
test_join (void)
{
  FzpGongfuWorkshopsSpell working[] = { spell ("2024-05-01", NULL) };
  FzpGongfuWorkshopsSpell left[] = { spell ("2024-05-01", "2025-03-31") };

  assert_join (NULL, 0, "2024-03-01", NULL, -1);      /* the day it opened */
  assert_join (NULL, 0, "2024-02-29", NULL, FZP_GONGFU_WORKSHOPS_ERROR_INVALID);
  assert_join (NULL, 0, "2025-06-15", NULL, -1);      /* today */
  assert_join (NULL, 0, "2025-06-16", NULL, FZP_GONGFU_WORKSHOPS_ERROR_INVALID);
  assert_join (NULL, 0, "2025-01-31", "2025-01-31", -1);
  assert_join (NULL, 0, "2025-02-01", "2025-01-31", FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  /* Joining twice: one workshop at a time. */
  assert_join (working, 1, "2025-06-01", NULL, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  /* Rejoining: not on the last day of the old spell, from the day after. */
  assert_join (left, 1, "2025-03-31", NULL, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  assert_join (left, 1, "2025-04-01", NULL, -1);
  /* Nor back into the years the old spell covers. */
  assert_join (left, 1, "2024-06-01", NULL, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
}

static void
test_leave (void)
{
  FzpGongfuWorkshopsSpell open = spell ("2025-03-10", NULL);
  FzpGongfuWorkshopsSpell done = spell ("2025-03-10", "2025-04-30");
  GDate today = day ("2025-06-15");
  g_autoptr(GError) error = NULL;
  GDate d;

  d = day ("2025-03-10");
  g_assert_true (fzp_gongfu_workshops_check_leave (&open, &d, &today, 0, 0, &error));
  d = day ("2025-03-09");
  g_assert_false (fzp_gongfu_workshops_check_leave (&open, &d, &today, 0, 0, &error));
  g_assert_true (g_str_has_prefix (error->message, "Left: "));
  g_clear_error (&error);
  d = day ("2025-06-16");
  g_assert_false (fzp_gongfu_workshops_check_leave (&open, &d, &today, 0, 0, &error));
  g_clear_error (&error);
  /* Pay recorded for May: leaving in May is fine, in April is not. */
  d = day ("2025-05-01");
  g_assert_true (fzp_gongfu_workshops_check_leave (&open, &d, &today, 2025, 5, &error));
  d = day ("2025-04-30");
  g_assert_false (fzp_gongfu_workshops_check_leave (&open, &d, &today, 2025, 5, &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "2025-05"));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_check_leave (&done, &d, &today, 0, 0, &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
}

static void
test_months_of_a_spell (void)
{
  FzpGongfuWorkshopsSpell from_10th = spell ("2025-03-10", NULL);
  FzpGongfuWorkshopsSpell q1 = spell ("2025-01-01", "2025-03-31");
  FzpGongfuWorkshopsSpell short_march = spell ("2025-01-01", "2025-03-30");
  GDate today = day ("2025-06-15");
  g_autoptr(GError) error = NULL;

  g_assert_true (fzp_gongfu_workshops_spell_covers_month (&from_10th, 2025, 3));
  g_assert_false (fzp_gongfu_workshops_spell_covers_whole_month (&from_10th, 2025, 3));
  g_assert_true (fzp_gongfu_workshops_spell_covers_whole_month (&from_10th, 2025, 4));
  g_assert_false (fzp_gongfu_workshops_spell_covers_month (&from_10th, 2025, 2));
  g_assert_true (fzp_gongfu_workshops_spell_covers_whole_month (&q1, 2025, 3));
  g_assert_false (fzp_gongfu_workshops_spell_covers_month (&q1, 2025, 4));
  g_assert_false (fzp_gongfu_workshops_spell_covers_whole_month (&short_march, 2025, 3));

  g_assert_true (fzp_gongfu_workshops_check_pay_month (&from_10th, 2025, 6, &today, &error));
  g_assert_false (fzp_gongfu_workshops_check_pay_month (&from_10th, 2025, 7, &today, &error));
  g_assert_nonnull (strstr (error->message, "has not begun"));
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_check_pay_month (&from_10th, 2025, 2, &today, &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_check_pay_month (&q1, 2025, 4, &today, &error));
  g_assert_nonnull (strstr (error->message, "2025-03-31"));
}

static void
test_placement (void)
{
  GDate joined = day ("2025-04-01");
  GDate eve = day ("2025-03-31");
  GDate two_days = day ("2025-03-30");
  GDate none;

  g_date_clear (&none, 1);
  g_assert_true (fzp_gongfu_workshops_is_placement (&joined, NULL));
  g_assert_true (fzp_gongfu_workshops_is_placement (&joined, &none));
  /* Moving from one workshop to another the next day places nobody. */
  g_assert_false (fzp_gongfu_workshops_is_placement (&joined, &eve));
  g_assert_true (fzp_gongfu_workshops_is_placement (&joined, &two_days));
}

static void
test_minimum_wage (void)
{
  FzpGongfuWorkshopsPayFigures f = { 0 };

  g_assert_false (fzp_gongfu_workshops_below_monthly_minimum (201000, 2010));
  g_assert_true (fzp_gongfu_workshops_below_monthly_minimum (200999, 2010));
  g_assert_false (fzp_gongfu_workshops_below_monthly_minimum (0, 0));
  g_assert_false (fzp_gongfu_workshops_below_hourly_minimum (FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 100, 200000, 20));
  g_assert_true (fzp_gongfu_workshops_below_hourly_minimum (FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 100, 199999, 20));
  g_assert_false (fzp_gongfu_workshops_below_hourly_minimum (FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 37.5, 82500, 22));
  g_assert_true (fzp_gongfu_workshops_below_hourly_minimum (FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 37.5, 82499, 22));
  g_assert_false (fzp_gongfu_workshops_below_hourly_minimum (FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 100, 1, 20));

  /* No work, a part month, a whole month below, one above, an hour rate below. */
  fzp_gongfu_workshops_pay_figures_add (&f, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 0, 0, TRUE, 2010, 20);
  fzp_gongfu_workshops_pay_figures_add (&f, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 300, 60000, FALSE, 2010, 20);
  fzp_gongfu_workshops_pay_figures_add (&f, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 900, 180001, TRUE, 2010, 20);
  fzp_gongfu_workshops_pay_figures_add (&f, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 1200, 250000, TRUE, 2010, 20);
  fzp_gongfu_workshops_pay_figures_add (&f, FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 100, 150000, FALSE, 2010, 20);
  g_assert_cmpuint (f.n_records, ==, 5);
  g_assert_cmpint (f.total_fen, ==, 640001);
  g_assert_cmpuint (f.n_no_work, ==, 1);
  g_assert_cmpuint (f.n_compared, ==, 2);
  g_assert_cmpuint (f.n_below, ==, 1);
  g_assert_cmpuint (f.n_hourly, ==, 1);
  g_assert_cmpuint (f.n_below_hourly, ==, 1);
  /* (180001 + 250000) / 2, rounded half up. */
  g_assert_cmpint (fzp_gongfu_workshops_pay_figures_average (&f), ==, 215001);
  memset (&f, 0, sizeof f);
  g_assert_cmpint (fzp_gongfu_workshops_pay_figures_average (&f), ==, 0);
}

static void
test_standard (void)
{
  FzpGongfuWorkshopsStandard seed = { day ("1900-01-01"), 5 };
  FzpGongfuWorkshopsStandard later = { day ("2026-01-01"), 8 };
  g_autofree char *why = NULL;
  g_autofree char *why_later = NULL;

  g_assert_true (fzp_gongfu_workshops_meets_standard (&seed, 5, NULL));
  g_assert_false (fzp_gongfu_workshops_meets_standard (&seed, 4, &why));
  g_assert_cmpstr (why, ==, "4 persons with disabilities work there; the standard asks for at least 5");
  g_assert_false (fzp_gongfu_workshops_meets_standard (&later, 7, &why_later));
  g_assert_nonnull (strstr (why_later, "since 2026-01-01"));
}

static void
test_columns (void)
{
  struct { const char *header; int column; } cases[] = {
    { "姓名", FZP_GONGFU_WORKSHOPS_COLUMN_NAME },
    { " 身份证号码 ", FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER },
    { "公民身份号码", FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER },
    { "残疾人证号", FZP_GONGFU_WORKSHOPS_COLUMN_CERT_NUMBER },
    { "金额（元）", FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT },
    { "AMOUNT", FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT },
    { "应发金额", FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT },
    { "实发金额（元）", FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT },
    { "数量(件)", FZP_GONGFU_WORKSHOPS_COLUMN_PIECES },
    { "备注（其他）", FZP_GONGFU_WORKSHOPS_COLUMN_NOTE },
    { "(元)", -1 },
    { "件数", FZP_GONGFU_WORKSHOPS_COLUMN_PIECES },
    { "工时(小时)", FZP_GONGFU_WORKSHOPS_COLUMN_HOURS },
    { "计酬方式", FZP_GONGFU_WORKSHOPS_COLUMN_BASIS },
    { "*月份", FZP_GONGFU_WORKSHOPS_COLUMN_MONTH },
    { "Workshop", FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP },
    { "备注", FZP_GONGFU_WORKSHOPS_COLUMN_NOTE },
    { "联系电话", -1 },
    { "", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (fzp_gongfu_workshops_match_column (cases[i].header), ==, cases[i].column);
  /* What export writes, import reads back. */
  for (int c = 0; c < FZP_GONGFU_WORKSHOPS_N_COLUMNS; c++)
    g_assert_cmpint (fzp_gongfu_workshops_match_column (fzp_gongfu_workshops_column_header (c)), ==, c);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/amounts", test_amounts);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/format-amount", test_format_amount);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/quantities", test_quantities);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/check-pay", test_check_pay);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/months", test_months);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/hosts-and-bases", test_hosts_and_bases);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/join", test_join);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/leave", test_leave);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/months-of-a-spell", test_months_of_a_spell);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/placement", test_placement);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/minimum-wage", test_minimum_wage);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/standard", test_standard);
  g_test_add_func ("/Fuzhu/Plugins/GongfuWorkshops/rules/columns", test_columns);

  return g_test_run ();
}
