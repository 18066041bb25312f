/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rural-bases-rules"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"
#include "fzp-rural-bases-rules.h"

/* The pure rules of rural bases, each at its edges. */

static GDate
day (guint y,
     guint m,
     guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static GDate
none (void)
{
  GDate date;

  g_date_clear (&date, 1);
  return date;
}

static void
test_vocabularies (void)
{
  FzpRuralBasesIndustry industry = 0;
  FzpRuralBasesLevel level = 0;
  FzpRuralBasesHelp help = 0;
  FzpRuralBasesResult result = 0;
  g_autoptr(GError) error = NULL;
  guint kinds = 0;

  /* Chinese names, variants, stored values and English names all read. */
  g_assert_true (fzp_rural_bases_industry_parse ("种植", &industry, NULL));
  g_assert_cmpint (industry, ==, FZP_RURAL_BASES_INDUSTRY_PLANTING);
  g_assert_true (fzp_rural_bases_industry_parse (" 民宿 ", &industry, NULL));
  g_assert_cmpint (industry, ==, FZP_RURAL_BASES_INDUSTRY_TOURISM);
  g_assert_true (fzp_rural_bases_industry_parse ("乡村旅游/民宿", &industry, NULL));
  g_assert_cmpint (industry, ==, FZP_RURAL_BASES_INDUSTRY_TOURISM);
  g_assert_true (fzp_rural_bases_industry_parse ("E-Commerce", &industry, NULL));
  g_assert_cmpint (industry, ==, FZP_RURAL_BASES_INDUSTRY_ECOMMERCE);
  g_assert_true (fzp_rural_bases_industry_parse ("logistics", &industry, NULL));
  g_assert_cmpint (industry, ==, FZP_RURAL_BASES_INDUSTRY_LOGISTICS);
  g_assert_false (fzp_rural_bases_industry_parse ("挖矿", &industry, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "Industry: “挖矿” is not one of 种植"));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_industry_parse ("", &industry, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);

  for (guint i = 1; i <= FZP_RURAL_BASES_INDUSTRY_LAST; i++)
    {
      g_assert_cmpint (fzp_rural_bases_industry_from_nick (fzp_rural_bases_industry_to_nick (i)), ==, i);
      g_assert_true (fzp_rural_bases_industry_parse (fzp_rural_bases_industry_to_print (i), &industry, NULL));
      g_assert_cmpint (industry, ==, i);
    }
  g_assert_null (fzp_rural_bases_industry_to_nick (99));
  g_assert_cmpstr (fzp_rural_bases_industry_to_string (0), ==, "");

  g_assert_true (fzp_rural_bases_level_parse ("市级", &level, NULL));
  g_assert_cmpint (level, ==, FZP_RURAL_BASES_LEVEL_CITY);
  g_assert_true (fzp_rural_bases_level_parse ("high-standard", &level, NULL));
  g_assert_cmpint (level, ==, FZP_RURAL_BASES_LEVEL_HIGH_STANDARD);
  g_assert_true (fzp_rural_bases_level_parse ("省级基地", &level, NULL));
  g_assert_cmpint (level, ==, FZP_RURAL_BASES_LEVEL_PROVINCE);
  g_assert_cmpstr (fzp_rural_bases_level_to_print (FZP_RURAL_BASES_LEVEL_COUNTY), ==, "县级");

  g_assert_true (fzp_rural_bases_help_parse ("订单收购", &help, NULL));
  g_assert_cmpint (help, ==, FZP_RURAL_BASES_HELP_ORDERS);
  g_assert_true (fzp_rural_bases_help_parse ("种苗", &help, NULL));
  g_assert_cmpint (help, ==, FZP_RURAL_BASES_HELP_SUPPLIES);

  g_assert_true (fzp_rural_bases_help_parse_set ("handicraft、订单", &kinds, NULL));
  g_assert_cmpuint (kinds, ==, (1u << FZP_RURAL_BASES_HELP_HANDICRAFT) | (1u << FZP_RURAL_BASES_HELP_ORDERS));
  {
    g_autofree char *nicks = fzp_rural_bases_help_set_to_nicks (kinds);
    g_autofree char *print = fzp_rural_bases_help_set_to_print (kinds);
    g_assert_cmpstr (nicks, ==, "orders,handicraft");
    g_assert_cmpstr (print, ==, "订单收购、手工业务合作");
  }
  g_assert_false (fzp_rural_bases_help_parse_set (" , ", &kinds, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (fzp_rural_bases_result_parse ("基本合格", &result, NULL));
  g_assert_cmpint (result, ==, FZP_RURAL_BASES_RESULT_BASIC);
  g_assert_true (fzp_rural_bases_result_parse ("不合格", &result, NULL));
  g_assert_cmpint (result, ==, FZP_RURAL_BASES_RESULT_FAIL);
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double money = -1;
  guint count = 0;
  gboolean yes = FALSE;
  int year = 0;

  g_assert_true (fzp_rural_bases_parse_money ("2,500元", "Income", &money, NULL));
  g_assert_cmpfloat (money, ==, 2500);
  g_assert_true (fzp_rural_bases_parse_money ("２２６０.５", "Income", &money, NULL));
  g_assert_cmpfloat (money, ==, 2260.5);
  g_assert_true (fzp_rural_bases_parse_money ("0", "Income", &money, NULL));
  g_assert_cmpfloat (money, ==, 0);
  g_assert_true (fzp_rural_bases_parse_money ("1000000", "Income", &money, NULL));
  g_assert_false (fzp_rural_bases_parse_money ("1000000.01", "Income", &money, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH);
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_money ("-5", "Income", &money, &error));
  g_assert_nonnull (strstr (error->message, "Income: “-5” is below zero"));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_money ("12.345", "Income", &money, &error));
  g_assert_nonnull (strstr (error->message, "more than 2 decimals"));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_money ("两千", "Income", &money, &error));
  g_assert_nonnull (strstr (error->message, "is not a number"));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_money (NULL, "Income", &money, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (fzp_rural_bases_parse_count ("12", "Persons", 12, &count, NULL));
  g_assert_cmpuint (count, ==, 12);
  g_assert_false (fzp_rural_bases_parse_count ("13", "Persons", 12, &count, &error));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_count ("1.5", "Persons", 12, &count, &error));
  g_clear_error (&error);

  g_assert_true (fzp_rural_bases_parse_hours ("0.25", "Hours", &money, NULL));
  g_assert_true (fzp_rural_bases_parse_hours ("200", "Hours", &money, NULL));
  g_assert_false (fzp_rural_bases_parse_hours ("0", "Hours", &money, &error));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_hours ("200.5", "Hours", &money, &error));
  g_clear_error (&error);

  g_assert_true (fzp_rural_bases_parse_yes_no ("是", "Homestay", FALSE, &yes, NULL));
  g_assert_true (yes);
  g_assert_true (fzp_rural_bases_parse_yes_no ("否", "Homestay", TRUE, &yes, NULL));
  g_assert_false (yes);
  g_assert_true (fzp_rural_bases_parse_yes_no ("", "Homestay", TRUE, &yes, NULL));
  g_assert_true (yes);
  g_assert_true (fzp_rural_bases_parse_yes_no ("YES", "Homestay", FALSE, &yes, NULL));
  g_assert_true (yes);
  g_assert_false (fzp_rural_bases_parse_yes_no ("maybe", "Homestay", FALSE, &yes, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_true (fzp_rural_bases_parse_year ("2000", "Year", &year, NULL));
  g_assert_true (fzp_rural_bases_parse_year ("2100", "Year", &year, NULL));
  g_assert_false (fzp_rural_bases_parse_year ("1999", "Year", &year, &error));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_parse_year ("2101", "Year", &year, &error));
  g_clear_error (&error);

  g_assert_true (fzp_rural_bases_check_text ("  龙游县小南海镇  ", "Township", 50, TRUE, &text, NULL));
  g_assert_cmpstr (text, ==, "龙游县小南海镇");
  g_clear_pointer (&text, g_free);
  g_assert_true (fzp_rural_bases_check_text ("   ", "Village", 50, FALSE, &text, NULL));
  g_assert_null (text);
  g_assert_false (fzp_rural_bases_check_text ("", "Township", 50, TRUE, &text, &error));
  g_assert_nonnull (strstr (error->message, "Township: the value is missing"));
  g_clear_error (&error);
  {
    g_autofree char *fifty = g_strnfill (50, 'a');
    g_autofree char *fifty_one = g_strnfill (51, 'a');

    g_assert_true (fzp_rural_bases_check_text (fifty, "Township", 50, TRUE, &text, NULL));
    g_clear_pointer (&text, g_free);
    g_assert_false (fzp_rural_bases_check_text (fifty_one, "Township", 50, TRUE, &text, &error));
    g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH);
    g_clear_error (&error);
  }
  g_assert_false (fzp_rural_bases_check_text ("a\nb", "Township", 50, TRUE, &text, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER);
}

static void
test_periods (void)
{
  g_autoptr(GError) error = NULL;
  GDate today = day (2025, 6, 30);
  GDate founded = day (2023, 3, 1);
  GDate closed = day (2025, 5, 31);
  GDate open = none ();
  GDate a, b;

  /* The start may be the founding day, not the day before. */
  a = day (2023, 3, 1);
  g_assert_true (fzp_rural_bases_check_period (&a, NULL, &founded, NULL, &today, NULL));
  a = day (2023, 2, 28);
  g_assert_false (fzp_rural_bases_check_period (&a, NULL, &founded, NULL, &today, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "before the base was founded (2023-03-01)"));
  g_clear_error (&error);
  /* Today yes, tomorrow no. */
  a = today;
  g_assert_true (fzp_rural_bases_check_period (&a, &open, &founded, &open, &today, NULL));
  a = day (2025, 7, 1);
  g_assert_false (fzp_rural_bases_check_period (&a, NULL, &founded, NULL, &today, &error));
  g_assert_nonnull (strstr (error->message, "in the future"));
  g_clear_error (&error);
  /* Not after the base closed. */
  a = closed;
  g_assert_true (fzp_rural_bases_check_period (&a, NULL, &founded, &closed, &today, NULL));
  a = day (2025, 6, 1);
  g_assert_false (fzp_rural_bases_check_period (&a, NULL, &founded, &closed, &today, &error));
  g_clear_error (&error);
  /* An end on the start day is one day; before it is wrong. */
  a = day (2024, 1, 10);
  b = a;
  g_assert_true (fzp_rural_bases_check_period (&a, &b, &founded, NULL, &today, NULL));
  b = day (2024, 1, 9);
  g_assert_false (fzp_rural_bases_check_period (&a, &b, &founded, NULL, &today, &error));
  g_assert_nonnull (strstr (error->message, "End date"));
  g_clear_error (&error);
  b = day (2025, 7, 1);
  g_assert_false (fzp_rural_bases_check_period (&a, &b, &founded, NULL, &today, &error));
  g_clear_error (&error);

  /* Overlaps: sharing one day is overlapping; the day after is not. */
  {
    GDate s1 = day (2024, 1, 1), e1 = day (2024, 3, 31);
    GDate s2 = day (2024, 3, 31), s3 = day (2024, 4, 1);

    g_assert_true (fzp_rural_bases_periods_overlap (&s1, &e1, &s2, &open));
    g_assert_false (fzp_rural_bases_periods_overlap (&s1, &e1, &s3, &open));
    g_assert_true (fzp_rural_bases_periods_overlap (&s3, NULL, &s1, NULL));
    g_assert_true (fzp_rural_bases_period_covers (&s1, &e1, &e1));
    g_assert_false (fzp_rural_bases_period_covers (&s1, &e1, &s3));
    g_assert_true (fzp_rural_bases_period_covers (&s1, NULL, &s3));
  }
}

static void
test_months (void)
{
  GDate s, e;

  /* A month begun counts whole. */
  s = day (2024, 12, 31);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, NULL, 2024), ==, 1);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, NULL, 2025), ==, 12);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, NULL, 2023), ==, 0);
  e = day (2025, 1, 1);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, &e, 2025), ==, 1);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, &e, 2026), ==, 0);
  s = day (2025, 3, 15);
  e = day (2025, 3, 15);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, &e, 2025), ==, 1);
  e = day (2025, 8, 1);
  g_assert_cmpuint (fzp_rural_bases_months_in_year (&s, &e, 2025), ==, 6);

  /* Whole months since founding, with short months. */
  s = day (2024, 3, 15);
  e = day (2025, 3, 14);
  g_assert_cmpuint (fzp_rural_bases_months_between (&s, &e), ==, 11);
  e = day (2025, 3, 15);
  g_assert_cmpuint (fzp_rural_bases_months_between (&s, &e), ==, 12);
  e = day (2024, 3, 1);
  g_assert_cmpuint (fzp_rural_bases_months_between (&s, &e), ==, 0);
  s = day (2025, 1, 31);
  e = day (2025, 2, 28);
  g_assert_cmpuint (fzp_rural_bases_months_between (&s, &e), ==, 1);
  e = day (2025, 2, 27);
  g_assert_cmpuint (fzp_rural_bases_months_between (&s, &e), ==, 0);

  {
    GDate parsed;
    char out[11];

    g_assert_true (fzp_rural_bases_date_from_iso ("2024-02-29", &parsed));
    fzp_rural_bases_format_date (&parsed, out);
    g_assert_cmpstr (out, ==, "2024-02-29");
    g_assert_false (fzp_rural_bases_date_from_iso ("2023-02-29", &parsed));
    g_assert_false (g_date_valid (&parsed));
    g_assert_false (fzp_rural_bases_date_from_iso (NULL, &parsed));
  }
}

static void
test_level_on (void)
{
  FzpRuralBasesRecognition history[] = {
    { FZP_RURAL_BASES_LEVEL_COUNTY, day (2022, 5, 1), none () },
    { FZP_RURAL_BASES_LEVEL_CITY, day (2023, 6, 1), day (2024, 6, 1) },
    { FZP_RURAL_BASES_LEVEL_CITY, day (2025, 1, 10), none () },
  };
  GDate d;

  d = day (2022, 4, 30);
  g_assert_cmpint (fzp_rural_bases_level_on (history, 3, &d), ==, FZP_RURAL_BASES_LEVEL_NONE);
  d = day (2022, 5, 1);
  g_assert_cmpint (fzp_rural_bases_level_on (history, 3, &d), ==, FZP_RURAL_BASES_LEVEL_COUNTY);
  d = day (2023, 6, 1);
  g_assert_cmpint (fzp_rural_bases_level_on (history, 3, &d), ==, FZP_RURAL_BASES_LEVEL_CITY);
  /* Withdrawn on a day: that day it no longer stands. */
  d = day (2024, 5, 31);
  g_assert_cmpint (fzp_rural_bases_level_on (history, 3, &d), ==, FZP_RURAL_BASES_LEVEL_CITY);
  d = day (2024, 6, 1);
  g_assert_cmpint (fzp_rural_bases_level_on (history, 3, &d), ==, FZP_RURAL_BASES_LEVEL_COUNTY);
  d = day (2025, 1, 10);
  g_assert_cmpint (fzp_rural_bases_level_on (history, 3, &d), ==, FZP_RURAL_BASES_LEVEL_CITY);
  g_assert_cmpint (fzp_rural_bases_level_on (NULL, 0, &d), ==, FZP_RURAL_BASES_LEVEL_NONE);
}

static void
test_criteria (void)
{
  FzpRuralBasesCriterion c = {
    .level = FZP_RURAL_BASES_LEVEL_CITY, .min_employed = 5, .min_helped = 20, .either = TRUE,
    .min_income_ratio = 1.0, .min_training_sessions = 2, .min_operating_months = 24,
    .required_level = FZP_RURAL_BASES_LEVEL_COUNTY,
  };
  FzpRuralBasesStanding s = {
    .employed = 5, .helped = 0, .average_income = 2260, .minimum_wage = 2260, .training_sessions = 2,
    .operating_months = 24, .held_level = FZP_RURAL_BASES_LEVEL_COUNTY,
  };
  g_autoptr(GPtrArray) unmet = NULL;
  g_autoptr(GError) error = NULL;

  c.effective_from = day (2020, 1, 1);
  /* Exactly at every minimum meets it. */
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);

  /* Either way suffices: helping 20 without employing 5. */
  s.employed = 0;
  s.helped = 20;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);
  s.helped = 19;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "at least 5 employed or 20 helped"));
  g_clear_pointer (&unmet, g_ptr_array_unref);

  /* Both asked: each is reported. */
  c.either = FALSE;
  s.employed = 4;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 2);
  g_clear_pointer (&unmet, g_ptr_array_unref);
  c.either = TRUE;
  s.employed = 5;

  /* Income: one fen below the minimum wage fails, at it passes. */
  s.average_income = 2259.99;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "2259.99"));
  g_clear_pointer (&unmet, g_ptr_array_unref);
  c.min_income_ratio = 1.2;
  s.average_income = 2712;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);
  /* No minimum wage recorded: said so, not guessed. */
  s.minimum_wage = 0;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "no minimum wage"));
  g_clear_pointer (&unmet, g_ptr_array_unref);
  s.minimum_wage = 2260;
  /* A base that only helps has no income to compare. */
  s.employed = 0;
  s.helped = 30;
  s.average_income = 0;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);

  /* Training, months and the level below. */
  s.training_sessions = 1;
  s.operating_months = 23;
  s.held_level = FZP_RURAL_BASES_LEVEL_NONE;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 3);
  g_clear_pointer (&unmet, g_ptr_array_unref);
  /* Holding a higher level than the one required also serves. */
  s.training_sessions = 2;
  s.operating_months = 24;
  s.held_level = FZP_RURAL_BASES_LEVEL_PROVINCE;
  unmet = fzp_rural_bases_unmet_criteria (&c, &s);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);

  /* What an administrator may save. */
  g_assert_true (fzp_rural_bases_check_criterion (&c, NULL));
  c.required_level = FZP_RURAL_BASES_LEVEL_CITY;
  g_assert_false (fzp_rural_bases_check_criterion (&c, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH);
  g_clear_error (&error);
  c.required_level = FZP_RURAL_BASES_LEVEL_NONE;
  c.min_helped = 0;
  g_assert_false (fzp_rural_bases_check_criterion (&c, &error));
  g_clear_error (&error);
  c.either = FALSE;
  g_assert_true (fzp_rural_bases_check_criterion (&c, NULL));
  c.min_income_ratio = 10.01;
  g_assert_false (fzp_rural_bases_check_criterion (&c, &error));
  g_clear_error (&error);
  c.min_income_ratio = 10;
  g_assert_true (fzp_rural_bases_check_criterion (&c, NULL));
}

static void
test_homestay_rule (void)
{
  FzpRuralBasesHomestayRule rule = {
    .min_employed = 1, .min_cooperating = 2, .cooperation_kinds = 1u << FZP_RURAL_BASES_HELP_HANDICRAFT,
    .local_only = TRUE,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *both = NULL;

  rule.effective_from = day (2022, 1, 1);
  g_assert_cmpint (fzp_rural_bases_homestay_priority (&rule, 0, 0), ==, FZP_RURAL_BASES_PRIORITY_NONE);
  g_assert_cmpint (fzp_rural_bases_homestay_priority (&rule, 1, 0), ==, FZP_RURAL_BASES_PRIORITY_EMPLOYS);
  g_assert_cmpint (fzp_rural_bases_homestay_priority (&rule, 0, 1), ==, FZP_RURAL_BASES_PRIORITY_NONE);
  g_assert_cmpint (fzp_rural_bases_homestay_priority (&rule, 0, 2), ==, FZP_RURAL_BASES_PRIORITY_COOPERATES);
  g_assert_cmpint (fzp_rural_bases_homestay_priority (&rule, 3, 5), ==,
                   FZP_RURAL_BASES_PRIORITY_EMPLOYS | FZP_RURAL_BASES_PRIORITY_COOPERATES);
  both = fzp_rural_bases_priority_to_print (FZP_RURAL_BASES_PRIORITY_EMPLOYS | FZP_RURAL_BASES_PRIORITY_COOPERATES);
  g_assert_cmpstr (both, ==, "吸纳残疾人就业、开展手工业务合作");

  /* A minimum of 0 turns that way off, it does not make everyone qualify. */
  rule.min_employed = 0;
  g_assert_cmpint (fzp_rural_bases_homestay_priority (&rule, 5, 0), ==, FZP_RURAL_BASES_PRIORITY_NONE);
  g_assert_true (fzp_rural_bases_check_homestay_rule (&rule, NULL));
  rule.min_cooperating = 0;
  g_assert_false (fzp_rural_bases_check_homestay_rule (&rule, &error));
  g_clear_error (&error);
  rule.min_cooperating = 1;
  rule.cooperation_kinds = 0;
  g_assert_false (fzp_rural_bases_check_homestay_rule (&rule, &error));
  g_assert_nonnull (strstr (error->message, "Kind of help"));
}

static void
test_figures (void)
{
  g_autofree char *money = NULL;

  g_assert_cmpfloat (fzp_rural_bases_average_income (0, 0), ==, 0);
  g_assert_cmpfloat (fzp_rural_bases_average_income (10000, 3), ==, 3333.33);
  g_assert_cmpfloat (fzp_rural_bases_average_income (20000, 3), ==, 6666.67);
  money = fzp_rural_bases_format_money (2500);
  g_assert_cmpstr (money, ==, "2500.00");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Plugins/RuralBases/vocabularies", test_vocabularies);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/values", test_values);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/periods", test_periods);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/months", test_months);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/level-on", test_level_on);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/criteria", test_criteria);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/homestay-rule", test_homestay_rule);
  g_test_add_func ("/Fuzhu/Plugins/RuralBases/figures", test_figures);
  return g_test_run ();
}
