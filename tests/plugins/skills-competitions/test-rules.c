/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-skills-competitions"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"
#include "fzp-skills-competitions-rules.h"

/* The pure rules, at their edges: no database, no GTK. */

static gint64
score (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (fzp_skills_competitions_parse_score (text, 10000, &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
assert_bad_score (const char *text,
                  gint64      max,
                  const char *part)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_false (fzp_skills_competitions_parse_score (text, max, &value, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, part));
  g_assert_cmpint (value, ==, -1);
}

static void
test_parse_score (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_cmpint (score ("95"), ==, 9500);
  g_assert_cmpint (score ("95.5"), ==, 9550);
  g_assert_cmpint (score ("95.25"), ==, 9525);
  g_assert_cmpint (score ("95.250"), ==, 9525);   /* a trailing zero is no third decimal */
  g_assert_cmpint (score (" 100 "), ==, 10000);  /* the highest is allowed */
  g_assert_cmpint (score ("100.00"), ==, 10000);
  g_assert_cmpint (score ("0"), ==, 0);
  g_assert_cmpint (score ("-0"), ==, 0);
  g_assert_cmpint (score (".5"), ==, 50);
  g_assert_cmpint (score ("９５．５"), ==, 9550); /* typed with a Chinese input method */

  assert_bad_score ("100.01", 10000, "highest");
  assert_bad_score ("60.5", 6000, "60.00");
  assert_bad_score ("-1", 10000, "below 0");
  assert_bad_score ("95.555", 10000, "two decimals");
  assert_bad_score ("abc", 10000, "not a score");
  assert_bad_score ("", 10000, "missing");
  assert_bad_score ("95,5", 10000, "not a score");
  assert_bad_score ("1e2", 10000, "not a score");

  a = fzp_skills_competitions_format_score (9525);
  b = fzp_skills_competitions_format_score (5);
  g_assert_cmpstr (a, ==, "95.25");
  g_assert_cmpstr (b, ==, "0.05");
}

static void
test_final_score (void)
{
  g_autoptr(GError) error = NULL;
  gint64 final = 0;
  int high, low;

  /* The plain mean, rounded half up to a hundredth. */
  {
    gint64 s[] = { 9000, 9100, 9100 };          /* 90.6666… */
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_MEAN, s, 3, &final, &high, &low, &error));
    g_assert_cmpint (final, ==, 9067);
    g_assert_cmpint (high, ==, -1);
  }
  {
    gint64 s[] = { 9001, 9002 };                /* 90.015: half up */
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_MEAN, s, 2, &final, NULL, NULL, &error));
    g_assert_cmpint (final, ==, 9002);
  }
  {
    gint64 s[] = { 9001, 9001, 9002, 9002 };    /* 90.015 */
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_MEAN, s, 4, &final, NULL, NULL, &error));
    g_assert_cmpint (final, ==, 9002);
  }
  {
    gint64 s[] = { 9000, 9000, 9001 };          /* 90.0033: down */
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_MEAN, s, 3, &final, NULL, NULL, &error));
    g_assert_cmpint (final, ==, 9000);
  }

  /* Trimmed: one highest and one lowest go, one each even when equal. */
  {
    gint64 s[] = { 8000, 9900, 9000, 9100, 6000 };
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN, s, 5, &final, &high, &low, &error));
    g_assert_cmpint (final, ==, 8700);
    g_assert_cmpint (high, ==, 1);
    g_assert_cmpint (low, ==, 4);
  }
  {
    gint64 s[] = { 9500, 9500, 9500 };
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN, s, 3, &final, &high, &low, &error));
    g_assert_cmpint (final, ==, 9500);
    g_assert_cmpint (high, !=, low);
  }
  {
    gint64 s[] = { 9900, 9900, 7000, 7000 };    /* 99 and 70 kept once each */
    g_assert_true (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN, s, 4, &final, &high, &low, &error));
    g_assert_cmpint (final, ==, 8450);
    g_assert_cmpint (high, ==, 0);
    g_assert_cmpint (low, ==, 3);
  }
  {
    gint64 s[] = { 9000, 9500 };
    g_assert_false (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN, s, 2, &final, NULL, NULL, &error));
    g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE);
    g_clear_error (&error);
  }
  g_assert_false (fzp_skills_competitions_final_score (FZP_SKILLS_COMPETITIONS_RULE_MEAN, NULL, 0, &final, NULL, NULL, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE);
}

static void
test_rank_ties (void)
{
  FzpSkillsCompetitionsStanding s[] = {
    { TRUE, 9000, 9000, 27000 },
    { TRUE, 9500, 9400, 28500 },
    { TRUE, 9000, 9100, 26900 },
    { FALSE, 9900, 9900, 29700 },  /* absent or not fully scored: no rank */
    { TRUE, 8000, 8000, 24000 },
    { TRUE, 9000, 9100, 27100 },
  };
  guint ranks[G_N_ELEMENTS (s)];

  /* Shared: 1, 2, 2, 2, 5 — equal finals share, the next rank skips. */
  g_assert_cmpuint (fzp_skills_competitions_rank (s, G_N_ELEMENTS (s), FZP_SKILLS_COMPETITIONS_TIE_SHARED, ranks), ==, 5);
  g_assert_cmpuint (ranks[1], ==, 1);
  g_assert_cmpuint (ranks[0], ==, 2);
  g_assert_cmpuint (ranks[2], ==, 2);
  g_assert_cmpuint (ranks[5], ==, 2);
  g_assert_cmpuint (ranks[3], ==, 0);
  g_assert_cmpuint (ranks[4], ==, 5);

  /* The chief judge: 91 before 90; the two with 91 still share. */
  fzp_skills_competitions_rank (s, G_N_ELEMENTS (s), FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE, ranks);
  g_assert_cmpuint (ranks[1], ==, 1);
  g_assert_cmpuint (ranks[2], ==, 2);
  g_assert_cmpuint (ranks[5], ==, 2);
  g_assert_cmpuint (ranks[0], ==, 4);
  g_assert_cmpuint (ranks[4], ==, 5);

  /* The mean of all judges: 271 > 270 > 269. */
  fzp_skills_competitions_rank (s, G_N_ELEMENTS (s), FZP_SKILLS_COMPETITIONS_TIE_UNTRIMMED_MEAN, ranks);
  g_assert_cmpuint (ranks[5], ==, 2);
  g_assert_cmpuint (ranks[0], ==, 3);
  g_assert_cmpuint (ranks[2], ==, 4);

  /* Nobody ranked. */
  g_assert_cmpuint (fzp_skills_competitions_rank (s + 3, 1, FZP_SKILLS_COMPETITIONS_TIE_SHARED, ranks), ==, 0);
  g_assert_cmpuint (ranks[0], ==, 0);
}

static void
quotas (FzpSkillsCompetitionsBasis     basis,
        FzpSkillsCompetitionsRounding  rounding,
        const char                    *tiers,
        guint                          n_ranked,
        const guint                   *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree double *amounts = NULL;
  FzpSkillsCompetitionsScheme scheme = { basis, rounding };
  guint cumulative[8] = { 0 };

  scheme.n_tiers = fzp_skills_competitions_parse_tiers (tiers, &names, &amounts, &error);
  g_assert_no_error (error);
  scheme.awards = (const char * const *) names;
  scheme.amounts = amounts;
  g_assert_true (fzp_skills_competitions_quotas (&scheme, n_ranked, cumulative, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < scheme.n_tiers; i++)
    if (cumulative[i] != expected[i])
      g_error ("%s of %u (%s): tier %u ends at %u, not %u", tiers, n_ranked,
               fzp_skills_competitions_rounding_to_nick (rounding), i + 1, cumulative[i], expected[i]);
}

static void
test_quota_rounding (void)
{
  const char *shares = "一等奖:10,二等奖:20,三等奖:30";

  /* 10 entrants: exactly 1, 3, 6 whatever the rounding. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, shares, 10, (guint[]) { 1, 3, 6 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_FLOOR, shares, 10, (guint[]) { 1, 3, 6 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_CEIL, shares, 10, (guint[]) { 1, 3, 6 });
  /* 5 entrants: 0.5, 1.5, 3.0 — the halves decide. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, shares, 5, (guint[]) { 1, 2, 3 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_FLOOR, shares, 5, (guint[]) { 0, 1, 3 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_CEIL, shares, 5, (guint[]) { 1, 2, 3 });
  /* 4 entrants: 0.4, 1.2, 2.4 — under a half goes down. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, shares, 4, (guint[]) { 0, 1, 2 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_CEIL, shares, 4, (guint[]) { 1, 2, 3 });
  /* 14 entrants: 1.4, 4.2, 8.4 cumulatively (the parts alone would round to 1+3+4 = 8 too). */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, shares, 14, (guint[]) { 1, 4, 8 });
  /* 25 entrants: 2.5, 7.5, 15: cumulative rounding gives 3, 8, 15 (3+5+7), never more than 60% in all. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, shares, 25, (guint[]) { 3, 8, 15 });
  /* Shares with decimals, exactly: 12.5% of 8 is 1. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_FLOOR, "金奖:12.5,银奖:12.5", 8, (guint[]) { 1, 2 });
  /* Nobody, and a 100% scheme: everyone. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, shares, 0, (guint[]) { 0, 0, 0 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_CEIL, "优胜奖:100", 7, (guint[]) { 7 });
  /* Counts, capped by the entrants. */
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, "金奖:1,银奖:2,铜奖:3,优胜奖:4", 4,
          (guint[]) { 1, 3, 4, 4 });
  quotas (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, "一等奖:0,二等奖:2", 5, (guint[]) { 0, 2 });
}

static void
assert_bad_scheme (FzpSkillsCompetitionsBasis  basis,
                   const char                 *tiers,
                   const char                 *part)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree double *amounts = NULL;
  FzpSkillsCompetitionsScheme scheme = { basis, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP };

  scheme.n_tiers = fzp_skills_competitions_parse_tiers (tiers, &names, &amounts, &error);
  if (scheme.n_tiers > 0)
    {
      scheme.awards = (const char * const *) names;
      scheme.amounts = amounts;
      g_assert_false (fzp_skills_competitions_scheme_check (&scheme, &error));
    }
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID);
  if (!strstr (error->message, part))
    g_error ("“%s”: “%s” does not say “%s”", tiers, error->message, part);
}

static void
test_scheme_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree double *amounts = NULL;
  g_autofree char *described = NULL;
  FzpSkillsCompetitionsScheme scheme = { FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP };

  /* As typed with a Chinese input method. */
  scheme.n_tiers = fzp_skills_competitions_parse_tiers ("一等奖：10%，二等奖:20、三等奖=30％", &names, &amounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scheme.n_tiers, ==, 3);
  g_assert_cmpstr (names[2], ==, "三等奖");
  g_assert_cmpfloat (amounts[2], ==, 30);
  scheme.awards = (const char * const *) names;
  scheme.amounts = amounts;
  described = fzp_skills_competitions_scheme_describe (&scheme, TRUE);
  g_assert_cmpstr (described, ==, "一等奖 10%、二等奖 20%、三等奖 30%（四舍五入）");

  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, "一等奖:50,二等奖:50.01", "more than 100");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, "一等奖:10.125", "two decimals");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_SHARE, "一等奖:-5", "percentage");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, "一等奖:1.5", "whole number");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, "一等奖:-1", "whole number");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, "一等奖:1,一等奖:2", "twice");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, "a:1,b:1,c:1,d:1,e:1,f:1,g:1,h:1,i:1", "1 to 8");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, "一等奖", "一等奖:10");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, "一等奖:x", "一等奖:10");
  assert_bad_scheme (FZP_SKILLS_COMPETITIONS_BASIS_COUNT, " , ", "no awards");
  /* 100% exactly is fine. */
  {
    g_autoptr(GError) e = NULL;
    g_auto(GStrv) n = NULL;
    g_autofree double *a = NULL;
    FzpSkillsCompetitionsScheme full = { FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_FLOOR };

    full.n_tiers = fzp_skills_competitions_parse_tiers ("一等奖:33.33,二等奖:33.33,三等奖:33.34", &n, &a, &e);
    full.awards = (const char * const *) n;
    full.amounts = a;
    g_assert_true (fzp_skills_competitions_scheme_check (&full, &e));
    g_assert_no_error (e);
  }
}

static void
test_assign_awards (void)
{
  guint tiers[8];

  /* A tie across the line between 一等奖 (1 place) and 二等奖: both get 一等奖,
   * and 二等奖 shrinks by one. */
  {
    guint ranks[] = { 1, 1, 3, 4, 5, 0 };
    guint cumulative[] = { 1, 3, 5 };
    fzp_skills_competitions_assign_awards (ranks, G_N_ELEMENTS (ranks), cumulative, 3, tiers);
    g_assert_cmpuint (tiers[0], ==, 1);
    g_assert_cmpuint (tiers[1], ==, 1);
    g_assert_cmpuint (tiers[2], ==, 2);
    g_assert_cmpuint (tiers[3], ==, 3);
    g_assert_cmpuint (tiers[4], ==, 3);
    g_assert_cmpuint (tiers[5], ==, 0);
  }
  /* A tie straddling the last awarded place: both get the award. */
  {
    guint ranks[] = { 1, 2, 3, 3, 5 };
    guint cumulative[] = { 1, 3 };
    fzp_skills_competitions_assign_awards (ranks, G_N_ELEMENTS (ranks), cumulative, 2, tiers);
    g_assert_cmpuint (tiers[2], ==, 2);
    g_assert_cmpuint (tiers[3], ==, 2);
    g_assert_cmpuint (tiers[4], ==, 0);
  }
  /* A tier with no places is skipped. */
  {
    guint ranks[] = { 1, 2 };
    guint cumulative[] = { 0, 1, 2 };
    fzp_skills_competitions_assign_awards (ranks, G_N_ELEMENTS (ranks), cumulative, 3, tiers);
    g_assert_cmpuint (tiers[0], ==, 2);
    g_assert_cmpuint (tiers[1], ==, 3);
  }
}

static void
test_expert_rule (void)
{
  FzpSkillsCompetitionsExpertRule rule = { FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 1, 20, 2 };
  g_autoptr(GError) error = NULL;

  g_assert_true (fzp_skills_competitions_expert_eligible (&rule, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 1, 3, &error));
  g_assert_true (fzp_skills_competitions_expert_eligible (&rule, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 2, 20, &error));
  g_assert_no_error (error);

  g_assert_false (fzp_skills_competitions_expert_eligible (&rule, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 2, 19, &error));
  g_assert_nonnull (strstr (error->message, "at least 20"));
  g_clear_error (&error);
  g_assert_false (fzp_skills_competitions_expert_eligible (&rule, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 3, 40, &error));
  g_clear_error (&error);
  g_assert_false (fzp_skills_competitions_expert_eligible (&rule, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 0, 40, &error));
  g_clear_error (&error);
  g_assert_false (fzp_skills_competitions_expert_eligible (&rule, FZP_SKILLS_COMPETITIONS_LEVEL_CITY, 1, 40, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID);
}

static void
test_names (void)
{
  FzpSkillsCompetitionsScoreRule rule;
  FzpSkillsCompetitionsLevel level;
  FzpSkillsCompetitionsTieBreak tie;

  g_assert_true (fzp_skills_competitions_rule_parse ("trimmed-mean", &rule));
  g_assert_cmpint (rule, ==, FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN);
  g_assert_true (fzp_skills_competitions_rule_parse ("平均分", &rule));
  g_assert_cmpint (rule, ==, FZP_SKILLS_COMPETITIONS_RULE_MEAN);
  g_assert_true (fzp_skills_competitions_level_parse ("市级", &level));
  g_assert_cmpint (level, ==, FZP_SKILLS_COMPETITIONS_LEVEL_CITY);
  g_assert_true (fzp_skills_competitions_level_parse ("Provincial-Selection", &level));
  g_assert_cmpint (level, ==, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL_SELECTION);
  g_assert_true (fzp_skills_competitions_tie_break_parse ("裁判长", &tie));
  g_assert_cmpint (tie, ==, FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE);
  g_assert_false (fzp_skills_competitions_tie_break_parse ("coin", &tie));
  g_assert_false (fzp_skills_competitions_level_parse ("", &level));
  g_assert_cmpstr (fzp_skills_competitions_level_to_nick (FZP_SKILLS_COMPETITIONS_N_LEVELS), ==, "");
  g_assert_cmpstr (fzp_skills_competitions_rule_to_print (FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN), ==,
                   "去掉一个最高分和一个最低分后的平均分");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/parse-score", test_parse_score);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/final-score", test_final_score);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/rank-ties", test_rank_ties);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/quota-rounding", test_quota_rounding);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/scheme-checks", test_scheme_checks);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/assign-awards", test_assign_awards);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/expert-rule", test_expert_rule);
  g_test_add_func ("/Fuzhu/Plugins/SkillsCompetitions/rules/names", test_names);
  return g_test_run ();
}
