/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-welfare-posts-rules"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fzp-welfare-posts-rules.h"

/* The pure rules, at their edges. */

static GDate
day (const char *text)
{
  GDate d;

  g_date_clear (&d, 1);
  g_assert_true (fz_parse_date (text, "day", &d, NULL));
  return d;
}

static FzpWelfarePostsPeriod
period (const char *start,
        const char *end)
{
  FzpWelfarePostsPeriod p;

  p.start = day (start);
  g_date_clear (&p.end, 1);
  if (end)
    p.end = day (end);
  return p;
}

/* The defaults the plugin's first schema step seeds. */
static void
default_rules (FzpWelfarePostsRules *rules)
{
  g_autoptr(GError) error = NULL;

  fzp_welfare_posts_rules_init (rules);
  g_assert_true (fzp_welfare_posts_rules_set (rules, "exempt-months", "36", &error));
  g_assert_true (fzp_welfare_posts_rules_set (rules, "taper-months", "12", &error));
  g_assert_true (fzp_welfare_posts_rules_set (rules, "taper-shares", "0.5", &error));
  g_assert_true (fzp_welfare_posts_rules_set (rules, "supported-categories", "4:2,5:4,6:4", &error));
  g_assert_true (fzp_welfare_posts_rules_set (rules, "graduate-years", "0", &error));
  g_assert_true (fzp_welfare_posts_rules_check (rules, &error));
  g_assert_no_error (error);
}

static void
test_kinds (void)
{
  FzpWelfarePostsKind kind = 0;
  g_autoptr(GError) error = NULL;
  const char *care[] = { "托养(庇护)照料机构管理服务", "托养（庇护）照料机构管理服务岗位", "托养", "care", NULL };
  const char *liaison[] = { "残疾人专职委员", "专职委员", " 专委 ", "Liaison Officer", NULL };
  const char *station[] = { "残疾人之家就业驿站", "就业驿站", "home-station", NULL };
  const char *other[] = { "其他助残公益性岗位", "其他", "other", NULL };

  for (guint i = 0; care[i]; i++)
    {
      g_assert_true (fzp_welfare_posts_kind_parse (care[i], &kind, &error));
      g_assert_cmpint (kind, ==, FZP_WELFARE_POSTS_KIND_CARE);
    }
  for (guint i = 0; liaison[i]; i++)
    {
      g_assert_true (fzp_welfare_posts_kind_parse (liaison[i], &kind, &error));
      g_assert_cmpint (kind, ==, FZP_WELFARE_POSTS_KIND_LIAISON);
    }
  for (guint i = 0; station[i]; i++)
    {
      g_assert_true (fzp_welfare_posts_kind_parse (station[i], &kind, &error));
      g_assert_cmpint (kind, ==, FZP_WELFARE_POSTS_KIND_HOME_STATION);
    }
  for (guint i = 0; other[i]; i++)
    {
      g_assert_true (fzp_welfare_posts_kind_parse (other[i], &kind, &error));
      g_assert_cmpint (kind, ==, FZP_WELFARE_POSTS_KIND_OTHER);
    }
  g_assert_no_error (error);

  g_assert_false (fzp_welfare_posts_kind_parse ("保洁员", &kind, &error));
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Kind of post: "));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_kind_parse ("  ", &kind, &error));
  g_clear_error (&error);

  for (int k = FZP_WELFARE_POSTS_KIND_CARE; k <= FZP_WELFARE_POSTS_KIND_LAST; k++)
    {
      g_assert_cmpint (fzp_welfare_posts_kind_from_nick (fzp_welfare_posts_kind_to_nick (k)), ==, k);
      g_assert_true (fzp_welfare_posts_kind_parse (fzp_welfare_posts_kind_to_print (k), &kind, NULL));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_null (fzp_welfare_posts_kind_to_nick (0));
  g_assert_cmpint (fzp_welfare_posts_kind_from_nick ("nope"), ==, 0);
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  double money = 0;
  guint n = 0, year = 0, month = 0;

  g_assert_true (fzp_welfare_posts_parse_money ("2,300.50", "Pay", &money, &error));
  g_assert_cmpfloat (money, ==, 2300.5);
  g_assert_true (fzp_welfare_posts_parse_money ("￥２３００元", "Pay", &money, &error));
  g_assert_cmpfloat (money, ==, 2300);
  g_assert_true (fzp_welfare_posts_parse_money ("0", "Pay", &money, &error));
  g_assert_cmpfloat (money, ==, 0);
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_parse_money ("-5", "Pay", &money, &error));
  g_assert_cmpstr (error->message, ==, "Pay: “-5” is not an amount of yuan");
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_parse_money ("12.345", "Pay", &money, &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_parse_money ("", "Pay", &money, &error));
  g_assert_cmpstr (error->message, ==, "Pay: the value is missing");
  g_clear_error (&error);

  g_assert_true (fzp_welfare_posts_parse_places ("1", "Places", &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (fzp_welfare_posts_parse_places ("10000", "Places", &n, &error));
  g_assert_true (fzp_welfare_posts_parse_places ("3个", "Places", &n, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_parse_places ("0", "Places", &n, &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_parse_places ("10001", "Places", &n, &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_parse_places ("2.5", "Places", &n, &error));
  g_clear_error (&error);

  g_assert_true (fzp_welfare_posts_parse_month ("2025-03", "Month", &year, &month, &error));
  g_assert_cmpuint (year, ==, 2025);
  g_assert_cmpuint (month, ==, 3);
  g_assert_true (fzp_welfare_posts_parse_month ("2025年12月", "Month", &year, &month, &error));
  g_assert_cmpuint (month, ==, 12);
  g_assert_true (fzp_welfare_posts_parse_month ("202401", "Month", &year, &month, &error));
  g_assert_cmpuint (year, ==, 2024);
  g_assert_cmpuint (month, ==, 1);
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_parse_month ("2025-13", "Month", &year, &month, &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_parse_month ("2025-03-01", "Month", &year, &month, &error));
  g_clear_error (&error);
}

static void
test_periods (void)
{
  FzpWelfarePostsPeriod a = period ("2024-01-01", "2024-06-30");
  FzpWelfarePostsPeriod touching = period ("2024-06-30", NULL);
  FzpWelfarePostsPeriod after = period ("2024-07-01", NULL);
  FzpWelfarePostsPeriod open = period ("2023-01-01", NULL);

  /* The last day is a day in the post: a period from it shares that day. */
  g_assert_true (fzp_welfare_posts_periods_overlap (&a, &touching));
  g_assert_false (fzp_welfare_posts_periods_overlap (&a, &after));
  g_assert_false (fzp_welfare_posts_periods_overlap (&after, &a));
  g_assert_true (fzp_welfare_posts_periods_overlap (&open, &after));
  g_assert_true (fzp_welfare_posts_periods_overlap (&open, &open));
}

static void
test_max_overlap (void)
{
  FzpWelfarePostsPeriod holders[] = {
    period ("2024-01-01", "2024-03-31"),
    period ("2024-04-01", NULL),
    period ("2024-02-01", "2024-04-01"),
  };
  FzpWelfarePostsPeriod all = period ("2000-01-01", NULL);
  FzpWelfarePostsPeriod april_first = period ("2024-04-01", "2024-04-01");
  FzpWelfarePostsPeriod april_second = period ("2024-04-02", "2024-12-31");
  FzpWelfarePostsPeriod before = period ("2023-01-01", "2023-12-31");

  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 0, &all), ==, 0);
  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 1, &all), ==, 1);
  /* The first leaves on 31 March, the second comes on 1 April: never two
   * of those at once; the third is there on both days. */
  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 2, &all), ==, 1);
  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 3, &all), ==, 2);
  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 3, &april_first), ==, 2);
  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 3, &april_second), ==, 1);
  g_assert_cmpuint (fzp_welfare_posts_max_overlap (holders, 3, &before), ==, 0);
}

static void
test_check_period (void)
{
  g_autoptr(GError) error = NULL;
  FzpWelfarePostsPeriod open_post = period ("2024-03-01", NULL);
  FzpWelfarePostsPeriod closed_post = period ("2024-03-01", "2024-12-31");
  FzpWelfarePostsPeriod p;

  p = period ("2024-03-01", NULL);
  g_assert_true (fzp_welfare_posts_check_period (&p, &open_post, &error));
  p = period ("2024-03-01", "2024-12-31");
  g_assert_true (fzp_welfare_posts_check_period (&p, &closed_post, &error));
  g_assert_no_error (error);

  p = period ("2024-02-29", NULL);
  g_assert_false (fzp_welfare_posts_check_period (&p, &open_post, &error));
  g_assert_cmpstr (error->message, ==, "Start: 2024-02-29 is before the post was created, on 2024-03-01");
  g_clear_error (&error);
  p = period ("2024-05-01", "2024-04-30");
  g_assert_false (fzp_welfare_posts_check_period (&p, &open_post, &error));
  g_assert_true (g_str_has_prefix (error->message, "End: "));
  g_clear_error (&error);
  p = period ("2024-05-01", NULL);
  g_assert_false (fzp_welfare_posts_check_period (&p, &closed_post, &error));
  g_assert_true (g_str_has_prefix (error->message, "End: the post closes on 2024-12-31"));
  g_clear_error (&error);
  p = period ("2024-05-01", "2025-01-01");
  g_assert_false (fzp_welfare_posts_check_period (&p, &closed_post, &error));
  g_clear_error (&error);
  p = period ("2025-01-01", "2025-01-31");
  g_assert_false (fzp_welfare_posts_check_period (&p, &closed_post, &error));
  g_assert_true (g_str_has_prefix (error->message, "Start: "));
  g_clear_error (&error);
}

static void
test_conditions (void)
{
  FzpWelfarePostsFacts ok = { TRUE, TRUE, 30, 16, 59, FZ_EMPLOYMENT_UNEMPLOYED, TRUE, TRUE, TRUE };
  FzpWelfarePostsFacts facts;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  g_assert_true (fzp_welfare_posts_check_facts (&ok, &error));
  g_assert_no_error (error);

  /* Each condition failing alone is named, and only it. */
  for (int c = 0; c < FZP_WELFARE_POSTS_N_CONDITIONS; c++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: ", fzp_welfare_posts_condition_to_string (c));

      facts = ok;
      switch (c)
        {
        case FZP_WELFARE_POSTS_CONDITION_CERTIFICATE:   facts.has_certificate = FALSE; break;
        case FZP_WELFARE_POSTS_CONDITION_WORKING_AGE:   facts.working_age = FALSE; facts.age = 60; break;
        case FZP_WELFARE_POSTS_CONDITION_UNEMPLOYED:    facts.employment = FZ_EMPLOYMENT_EMPLOYED; break;
        case FZP_WELFARE_POSTS_CONDITION_ABLE:          facts.able_to_work = FALSE; break;
        case FZP_WELFARE_POSTS_CONDITION_WILLING:       facts.willing_to_work = FALSE; break;
        case FZP_WELFARE_POSTS_CONDITION_NOT_SUPPORTED: facts.not_supported = FALSE; break;
        default: g_assert_not_reached ();
        }
      g_assert_false (fzp_welfare_posts_check_facts (&facts, &error));
      g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_CONDITION);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);
    }

  facts = ok;
  facts.working_age = FALSE;
  facts.age = 60;
  g_assert_false (fzp_welfare_posts_condition_holds (&facts, FZP_WELFARE_POSTS_CONDITION_WORKING_AGE, &why));
  g_assert_cmpstr (why, ==, "aged 60, outside 16 to 59");
  g_clear_pointer (&why, g_free);

  /* Unknown employment is not unemployment: the registry must say so. */
  facts = ok;
  facts.employment = FZ_EMPLOYMENT_UNKNOWN;
  facts.able_to_work = FALSE;
  g_assert_false (fzp_welfare_posts_check_facts (&facts, &error));
  g_assert_nonnull (strstr (error->message, "Unemployed: the registry does not say"));
  g_assert_nonnull (strstr (error->message, "\nAble to work: "));
}

static void
test_rules_data (void)
{
  FzpWelfarePostsRules rules;
  g_autoptr(GError) error = NULL;
  g_autofree char *shares = NULL;
  g_autofree char *supported = NULL;

  default_rules (&rules);
  shares = fzp_welfare_posts_rules_format (&rules, "taper-shares");
  supported = fzp_welfare_posts_rules_format (&rules, "supported-categories");
  g_assert_cmpstr (shares, ==, "0.5");
  g_assert_cmpstr (supported, ==, "4:2,5:4,6:4");

  /* Physical grades 1–2, every grade of intellectual and mental. */
  g_assert_true (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_PHYSICAL, 1));
  g_assert_true (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_PHYSICAL, 2));
  g_assert_false (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_PHYSICAL, 3));
  g_assert_true (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_INTELLECTUAL, 4));
  g_assert_true (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_MENTAL, 4));
  g_assert_false (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_VISUAL, 1));
  g_assert_false (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_MULTIPLE, 1));
  g_assert_false (fzp_welfare_posts_supported_covers (&rules, 0, 0));

  g_assert_false (fzp_welfare_posts_rules_set (&rules, "taper-shares", "0.5,1.5", &error));
  g_assert_true (g_str_has_prefix (error->message, "taper-shares: "));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_rules_set (&rules, "supported-categories", "4:5", &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_rules_set (&rules, "supported-categories", "4:2,4:1", &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_rules_set (&rules, "exempt-months", "three", &error));
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_rules_set (&rules, "frobnicate", "1", &error));
  g_assert_nonnull (strstr (error->message, "exempt-months"));
  g_clear_error (&error);

  /* Four shares must divide the tapering year into whole months; five cannot. */
  g_assert_true (fzp_welfare_posts_rules_set (&rules, "taper-shares", "0.2,0.4,0.6,0.8", &error));
  g_assert_true (fzp_welfare_posts_rules_check (&rules, &error));
  g_assert_true (fzp_welfare_posts_rules_set (&rules, "taper-shares", "0.1,0.2,0.3,0.4,0.5", &error));
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_rules_check (&rules, &error));
  g_clear_error (&error);

  /* A rule left out is named. */
  fzp_welfare_posts_rules_init (&rules);
  g_assert_false (fzp_welfare_posts_rules_check (&rules, &error));
  g_assert_nonnull (strstr (error->message, "exempt-months"));
  g_clear_error (&error);

  /* Nobody covered is a valid rule too. */
  default_rules (&rules);
  g_assert_true (fzp_welfare_posts_rules_set (&rules, "supported-categories", "", &error));
  g_assert_false (fzp_welfare_posts_supported_covers (&rules, FZ_CATEGORY_MENTAL, 1));
}

static void
test_graduate (void)
{
  FzpWelfarePostsRules rules;
  g_autoptr(GError) error = NULL;
  GDate start = day ("2025-09-01");

  default_rules (&rules);
  g_assert_true (fzp_welfare_posts_check_graduate (&rules, 2025, &start, &error));
  g_assert_no_error (error);
  g_assert_false (fzp_welfare_posts_check_graduate (&rules, 2024, &start, &error));
  g_assert_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE);
  g_assert_cmpstr (error->message, ==, "Graduation year: a graduate of 2024 is not a graduate of the year in 2025");
  g_clear_error (&error);
  g_assert_false (fzp_welfare_posts_check_graduate (&rules, 2026, &start, &error));
  g_clear_error (&error);

  /* Where "of the year" means the year after too. */
  g_assert_true (fzp_welfare_posts_rules_set (&rules, "graduate-years", "1", &error));
  g_assert_true (fzp_welfare_posts_check_graduate (&rules, 2024, &start, &error));
  g_assert_false (fzp_welfare_posts_check_graduate (&rules, 2023, &start, &error));
  g_clear_error (&error);
}

static void
assert_phase (const FzpWelfarePostsRules *rules,
              const char                 *since,
              const char                 *when,
              gboolean                    taper,
              FzpWelfarePostsPhase        expected,
              double                      expected_share)
{
  GDate s = day (since);
  GDate d = day (when);
  double share = -1;

  g_assert_cmpint (fzp_welfare_posts_income_phase (rules, &s, &d, taper, &share), ==, expected);
  g_assert_cmpfloat_with_epsilon (share, expected_share, 1e-9);
}

static void
test_income_phases (void)
{
  FzpWelfarePostsRules rules;
  GDate since = day ("2022-03-15");
  GDate exempt_end, taper_end;
  char a[11], b[11];

  default_rules (&rules);
  fzp_welfare_posts_income_ends (&rules, &since, &exempt_end, &taper_end);
  fzp_welfare_posts_format_date (&exempt_end, a);
  fzp_welfare_posts_format_date (&taper_end, b);
  g_assert_cmpstr (a, ==, "2025-03-15");
  g_assert_cmpstr (b, ==, "2026-03-15");

  assert_phase (&rules, "2022-03-15", "2022-03-14", TRUE, FZP_WELFARE_POSTS_PHASE_BEFORE, 0);
  assert_phase (&rules, "2022-03-15", "2022-03-15", TRUE, FZP_WELFARE_POSTS_PHASE_EXEMPT, 0);
  /* The day the 3 years end is still left out; the next day tapers. */
  assert_phase (&rules, "2022-03-15", "2025-03-15", TRUE, FZP_WELFARE_POSTS_PHASE_EXEMPT, 0);
  assert_phase (&rules, "2022-03-15", "2025-03-16", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 0.5);
  /* The last day of tapering, then income counts whole. */
  assert_phase (&rules, "2022-03-15", "2026-03-15", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 0.5);
  assert_phase (&rules, "2022-03-15", "2026-03-16", TRUE, FZP_WELFARE_POSTS_PHASE_COUNTED, 1);
  /* Without a tapering period, the tapering days count whole. */
  assert_phase (&rules, "2022-03-15", "2025-03-16", FALSE, FZP_WELFARE_POSTS_PHASE_TAPER, 1);

  /* Employed on 29 February: no such day in 2027, so the month's last. */
  assert_phase (&rules, "2024-02-29", "2027-02-28", TRUE, FZP_WELFARE_POSTS_PHASE_EXEMPT, 0);
  assert_phase (&rules, "2024-02-29", "2027-03-01", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 0.5);

  /* A taper in steps: quarters counting a quarter, a half, three quarters, all. */
  g_assert_true (fzp_welfare_posts_rules_set (&rules, "taper-shares", "0.25,0.5,0.75,1", NULL));
  assert_phase (&rules, "2022-03-15", "2025-06-15", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 0.25);
  assert_phase (&rules, "2022-03-15", "2025-06-16", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 0.5);
  assert_phase (&rules, "2022-03-15", "2026-03-15", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 1);

  /* No exempt period at all. */
  g_assert_true (fzp_welfare_posts_rules_set (&rules, "exempt-months", "0", NULL));
  assert_phase (&rules, "2022-03-15", "2022-03-15", TRUE, FZP_WELFARE_POSTS_PHASE_EXEMPT, 0);
  assert_phase (&rules, "2022-03-15", "2022-03-16", TRUE, FZP_WELFARE_POSTS_PHASE_TAPER, 0.25);
}

static FzpWelfarePostsIncome
income_for (const char *since,
            guint       year,
            guint       month,
            double      amount)
{
  FzpWelfarePostsIncome income = { 0 };

  income.since = day (since);
  income.year = year;
  income.month = month;
  income.income = amount;
  income.taper_granted = TRUE;
  return income;
}

static void
test_income_months (void)
{
  FzpWelfarePostsRules rules;
  FzpWelfarePostsIncome income;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  default_rules (&rules);

  /* Inside the 3 years: nothing counts. */
  income = income_for ("2022-03-15", 2024, 6, 2500);
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpfloat (income.counted, ==, 0);
  g_assert_cmpfloat (income.left_out, ==, 2500);
  g_assert_cmpuint (income.days, ==, 30);
  g_assert_cmpuint (income.days_exempt, ==, 30);

  /* March 2025: 15 days left out, 16 tapering at half. */
  income = income_for ("2022-03-15", 2025, 3, 3100);
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpuint (income.days_exempt, ==, 15);
  g_assert_cmpuint (income.days_taper, ==, 16);
  g_assert_cmpfloat_with_epsilon (income.counted, 800, 0.001);
  g_assert_cmpfloat_with_epsilon (income.left_out, 2300, 0.001);

  /* A whole tapering month at half. */
  income = income_for ("2022-03-15", 2025, 9, 2000);
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpfloat (income.counted, ==, 1000);

  /* March 2026: 15 days tapering, 16 counted whole. */
  income = income_for ("2022-03-15", 2026, 3, 3100);
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpuint (income.days_taper, ==, 15);
  g_assert_cmpuint (income.days_counted, ==, 16);
  g_assert_cmpfloat_with_epsilon (income.counted, 750 + 1600, 0.001);

  /* Employed in the middle of a month: only the days in work weigh. */
  income = income_for ("2024-06-16", 2024, 6, 1500);
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpuint (income.days, ==, 15);
  g_assert_cmpfloat (income.counted, ==, 0);

  /* Supported employment: up to the minimum wage is left out first, the
   * period rule takes its share of the rest. */
  income = income_for ("2020-01-01", 2025, 3, 2600);
  income.supported = TRUE;
  income.minimum_wage = 2010;
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpfloat (income.wage_left_out, ==, 2010);
  g_assert_cmpfloat_with_epsilon (income.counted, 590, 0.001);
  income = income_for ("2020-01-01", 2025, 3, 1500);
  income.supported = TRUE;
  income.minimum_wage = 2010;
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpfloat (income.counted, ==, 0);
  g_assert_cmpfloat (income.left_out, ==, 1500);
  why = fzp_welfare_posts_explain_income (&income);
  g_assert_nonnull (strstr (why, "Supported employment: 1500.00 of 1500.00 yuan"));
  g_assert_no_error (error);

  /* Rounded to the fen. */
  income = income_for ("2022-03-15", 2025, 3, 1000);
  g_assert_true (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_cmpfloat_with_epsilon (income.counted, 258.06, 1e-9);
  g_assert_cmpfloat_with_epsilon (income.left_out, 741.94, 1e-9);

  income = income_for ("2025-04-01", 2025, 3, 1000);
  g_assert_false (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_assert_true (g_str_has_prefix (error->message, "Employed since: 2025-04-01 is after the month"));
  g_clear_error (&error);
  income = income_for ("2022-03-15", 2025, 3, -1);
  g_assert_false (fzp_welfare_posts_compute_income (&rules, &income, &error));
  g_clear_error (&error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/kinds", test_kinds);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/values", test_values);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/periods", test_periods);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/max-overlap", test_max_overlap);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/check-period", test_check_period);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/conditions", test_conditions);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/rules-data", test_rules_data);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/graduate", test_graduate);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/income-phases", test_income_phases);
  g_test_add_func ("/Fuzhu/Plugins/WelfarePosts/income-months", test_income_months);
  return g_test_run ();
}
