/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-skills-competitions"

#include "config.h"

#include <locale.h>

#include "support.h"
#include "fzp-skills-competitions-import.h"
#include "fzp-skills-competitions-indicators.h"

/* The measure's data: every change in one transaction, results that follow
 * the scores, awards from the scheme, and a lock once published. */

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static FzpSkillsCompetitionsEntrant *
entrant (Fixture *f,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  FzpSkillsCompetitionsEntrant *e = fzp_skills_competitions_get_entrant (f->context, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = fzp_skills_competitions_list_presets (f->context, &error);
  FzpSkillsCompetitionsExpertRule rule;

  g_assert_no_error (error);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, FZP_SKILLS_COMPETITIONS_ID), ==,
                    fzp_skills_competitions_n_migrations);
  g_assert_cmpuint (presets->len, ==, 3);
  g_assert_true (((FzpSkillsCompetitionsPreset *) g_ptr_array_index (presets, 0))->is_default);
  g_assert_cmpuint (((FzpSkillsCompetitionsPreset *) g_ptr_array_index (presets, 0))->n_tiers, ==, 3);
  g_assert_cmpuint (((FzpSkillsCompetitionsPreset *) g_ptr_array_index (presets, 2))->n_tiers, ==, 4);

  /* DOMAIN's rule for 浙江省技术能手, as data. */
  g_assert_true (fzp_skills_competitions_get_expert_rule (f->context, "2025-01-01", &rule, &error));
  g_assert_cmpint (rule.level, ==, FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL);
  g_assert_cmpuint (rule.first_places, ==, 1);
  g_assert_cmpuint (rule.large_event_entrants, ==, 20);
  g_assert_cmpuint (rule.large_event_places, ==, 2);
}

static void
test_competition_checks (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FzpSkillsCompetitionsCompetition c = {
    .name = "  2025年江山市残疾人职业技能竞赛 ",
    .level = FZP_SKILLS_COMPETITIONS_LEVEL_COUNTY,
    .starts = "2025/5/20",
    .ends = "2025年5月19日",
    .organizer = "江山市残疾人联合会",
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) found = NULL;

  g_assert_false (fzp_skills_competitions_add_competition (f->context, &c, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "County:"));
  g_clear_error (&error);

  c.county_code = "江山";
  g_assert_false (fzp_skills_competitions_add_competition (f->context, &c, &error));
  g_assert_true (g_str_has_prefix (error->message, "End date:"));
  g_clear_error (&error);

  c.ends = "2025年5月21日";
  g_assert_true (fzp_skills_competitions_add_competition (f->context, &c, &error));
  g_assert_no_error (error);

  found = fzp_skills_competitions_find_competition (f->context, "2025年江山市残疾人职业技能竞赛", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->county_code, ==, "330881");
  g_assert_cmpstr (found->starts, ==, "2025-05-20");
  g_assert_cmpstr (found->ends, ==, "2025-05-21");
  g_clear_pointer (&found, fzp_skills_competitions_competition_free);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c.id);
    found = fzp_skills_competitions_find_competition (f->context, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (found->id, ==, c.id);
  }

  /* The same name again. */
  g_assert_false (fzp_skills_competitions_add_competition (f->context, &c, &error));
  g_assert_true (g_str_has_prefix (error->message, "Name:"));
  g_clear_error (&error);
  g_assert_null (fzp_skills_competitions_find_competition (f->context, "没有的竞赛", &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_competition"), ==, 1);
}

static void
test_entrants_need_certificate (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) uncertified = fz_person_new ();
  char id_number[19] = "33082219800315221";
  gint64 competition = support_competition (f);
  gint64 event = support_event (f, competition, "手工编织", 3, NULL);
  gint64 first, second;

  id_number[17] = fz_identity_check_character (id_number);
  id_number[18] = '\0';
  fz_person_set_name (uncertified, "郑未证");
  fz_person_set_id_number (uncertified, id_number);
  fz_person_set_category (uncertified, 4);
  fz_person_set_grade (uncertified, 3);
  fz_person_set_county_code (uncertified, "330822");
  g_assert_true (fz_registry_add_person (fz_context_get_registry (f->context), uncertified, &error));
  g_assert_no_error (error);

  g_assert_cmpint (fzp_skills_competitions_enter (f->context, event, fz_person_get_id (uncertified), NULL, 0, 0, &error), ==, 0);
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Certificate:"));
  g_clear_error (&error);
  /* The database refuses it too. */
  g_assert_false (fz_database_execute (f->db, "INSERT INTO skills_competitions_entrant (event_id, person_id, county_code, number)"
                                              " VALUES (?1, ?2, '330822', 9)",
                                       g_variant_new ("(xx)", event, fz_person_get_id (uncertified)), &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Numbers are given in order; a county can be chosen. */
  first = fzp_skills_competitions_enter (f->context, event, fz_person_get_id (support_person (f, 0)), NULL, 0, 0, &error);
  g_assert_no_error (error);
  second = fzp_skills_competitions_enter (f->context, event, fz_person_get_id (support_person (f, 1)), "龙游县", 0, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) a = entrant (f, first);
    g_autoptr(FzpSkillsCompetitionsEntrant) b = entrant (f, second);
    g_assert_cmpuint (a->number, ==, 1);
    g_assert_cmpstr (a->county_code, ==, fz_person_get_county_code (support_person (f, 0)));
    g_assert_cmpuint (b->number, ==, 2);
    g_assert_cmpstr (b->county_name, ==, "龙游县");
  }
  /* Twice in one event, or someone else's number: refused. */
  g_assert_cmpint (fzp_skills_competitions_enter (f->context, event, fz_person_get_id (support_person (f, 0)), NULL, 0, 0, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Person:"));
  g_clear_error (&error);
  g_assert_cmpint (fzp_skills_competitions_enter (f->context, event, fz_person_get_id (support_person (f, 2)), NULL, 0, 2, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Number:"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant"), ==, 2);
}

static void
test_ranking_follows_scores (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_competition (f);
  gint64 event = support_event (f, competition, "计算机操作", 3, NULL);
  g_autofree gint64 *ids = support_enter (f, event, 0, 3);

  /* Trimmed mean of three judges is the middle score. */
  support_scores (f, ids[0], "90", "80", "70", NULL);
  support_scores (f, ids[1], "85", "99", "60", NULL);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) a = entrant (f, ids[0]);
    g_autoptr(FzpSkillsCompetitionsEntrant) b = entrant (f, ids[1]);
    g_autoptr(FzpSkillsCompetitionsEntrant) c = entrant (f, ids[2]);

    g_assert_true (a->has_final);
    g_assert_cmpint (a->final_score, ==, 8000);
    g_assert_cmpint (b->final_score, ==, 8500);
    g_assert_cmpuint (b->rank, ==, 1);
    g_assert_cmpuint (a->rank, ==, 2);
    g_assert_false (c->has_final);
    g_assert_cmpuint (c->rank, ==, 0);
    g_assert_cmpint (b->dropped_high, ==, 1);
    g_assert_cmpint (b->dropped_low, ==, 2);
  }

  /* Scores change, the ranking follows; equal finals go to the chief judge. */
  support_scores (f, ids[2], "85", "85", "85", NULL);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) b = entrant (f, ids[1]);
    g_autoptr(FzpSkillsCompetitionsEntrant) c = entrant (f, ids[2]);
    g_assert_cmpint (c->final_score, ==, 8500);
    g_assert_cmpuint (c->rank, ==, 1);   /* chief judge 85 = 85: … */
    g_assert_cmpuint (b->rank, ==, 1);   /* … still equal: they share */
  }
  support_scores (f, ids[1], "86", NULL);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) b = entrant (f, ids[1]);
    g_autoptr(FzpSkillsCompetitionsEntrant) c = entrant (f, ids[2]);
    g_assert_cmpint (b->final_score, ==, 8600);
    g_assert_cmpuint (b->rank, ==, 1);
    g_assert_cmpuint (c->rank, ==, 2);
  }

  /* Clearing a score unranks; the plain mean counts every judge. */
  g_assert_true (fzp_skills_competitions_set_score (f->context, ids[0], 2, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) a = entrant (f, ids[0]);
    g_assert_false (a->has_final);
    g_assert_cmpuint (a->rank, ==, 0);
  }
  g_assert_true (fzp_skills_competitions_set_event_rules (f->context, event, FZP_SKILLS_COMPETITIONS_RULE_MEAN,
                                                          FZP_SKILLS_COMPETITIONS_TIE_SHARED, 10000, &error));
  g_assert_no_error (error);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) b = entrant (f, ids[1]);
    g_assert_cmpint (b->final_score, ==, 8167);   /* (86 + 99 + 60) / 3 = 81.666… */
  }

  /* A score outside the event's range, a judge that is not there, and
   * fewer than three judges under the trimmed rule. */
  {
    gint64 too_high = 10001;
    g_assert_false (fzp_skills_competitions_set_score (f->context, ids[0], 2, &too_high, &error));
    g_assert_true (g_str_has_prefix (error->message, "Score:"));
    g_clear_error (&error);
    g_assert_false (fzp_skills_competitions_set_score (f->context, ids[0], 4, &too_high, &error));
    g_assert_true (g_str_has_prefix (error->message, "Judge:"));
    g_clear_error (&error);
  }
  g_assert_true (fzp_skills_competitions_set_event_rules (f->context, event, FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN,
                                                          FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE, 10000, &error));
  g_assert_no_error (error);
  g_assert_false (fzp_skills_competitions_set_judges (f->context, event, (const char *[]) { "甲", "乙", NULL }, &error));
  g_assert_true (g_str_has_prefix (error->message, "Judges:"));
  g_clear_error (&error);
  /* Lowering the highest score under scores already given is refused. */
  g_assert_false (fzp_skills_competitions_set_event_rules (f->context, event, FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN,
                                                           FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE, 9000, &error));
  g_assert_true (g_str_has_prefix (error->message, "Highest score:"));
}

static void
test_awards (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_competition (f);
  gint64 event = support_event (f, competition, "烹饪", 3, NULL);
  g_autofree gint64 *ids = support_enter (f, event, 0, 5);
  g_autoptr(GPtrArray) entrants = NULL;
  const char *expected[] = { "一等奖", "二等奖", "三等奖", "三等奖", NULL };

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *s = g_strdup_printf ("%u", 90 - i);
      support_scores (f, ids[i], s, s, s, NULL);
    }
  /* One has no scores yet: refused, naming them. */
  g_assert_false (fzp_skills_competitions_compute_awards (f->context, event, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, fz_person_get_name (support_person (f, 4))));
  g_clear_error (&error);
  g_assert_false (fzp_skills_competitions_change_award (f->context, ids[0], "一等奖", "复核", &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* Absent: not ranked, not counted; 4 competed, 10/20/30 % half up end at
   * ranks 0, 1 and 2: no 一等奖, one 二等奖, one 三等奖. */
  g_assert_true (fzp_skills_competitions_set_absent (f->context, ids[4], TRUE, &error));
  g_assert_true (fzp_skills_competitions_compute_awards (f->context, event, &error));
  g_assert_no_error (error);
  entrants = fzp_skills_competitions_list_entrants (f->context, event, &error);
  g_assert_cmpstr (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, 0))->award, ==, "二等奖");
  g_assert_cmpstr (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, 1))->award, ==, "三等奖");
  g_assert_null (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, 2))->award);
  g_assert_null (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, 3))->award);
  g_assert_null (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, 4))->award);
  g_clear_pointer (&entrants, g_ptr_array_unref);

  /* Counts instead: 1, 1, 2. */
  {
    g_auto(GStrv) names = NULL;
    g_autofree double *amounts = NULL;
    FzpSkillsCompetitionsScheme scheme = { FZP_SKILLS_COMPETITIONS_BASIS_COUNT, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP };

    scheme.n_tiers = fzp_skills_competitions_parse_tiers ("一等奖:1,二等奖:1,三等奖:2", &names, &amounts, &error);
    scheme.awards = (const char * const *) names;
    scheme.amounts = amounts;
    g_assert_true (fzp_skills_competitions_set_event_scheme (f->context, event, &scheme, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant WHERE award IS NOT NULL"), ==, 0);
  g_assert_true (fzp_skills_competitions_compute_awards (f->context, event, &error));
  entrants = fzp_skills_competitions_list_entrants (f->context, event, &error);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, i))->award, ==, expected[i]);
  g_clear_pointer (&entrants, g_ptr_array_unref);

  /* A change by hand needs a reason and a known award, and is recorded. */
  g_assert_false (fzp_skills_competitions_change_award (f->context, ids[3], "二等奖", "  ", &error));
  g_assert_true (g_str_has_prefix (error->message, "Reason:"));
  g_clear_error (&error);
  g_assert_false (fzp_skills_competitions_change_award (f->context, ids[3], "特等奖", "复核", &error));
  g_assert_true (g_str_has_prefix (error->message, "Award:"));
  g_clear_error (&error);
  g_assert_false (fzp_skills_competitions_change_award (f->context, ids[4], "三等奖", "复核", &error));
  g_clear_error (&error);
  g_assert_true (fzp_skills_competitions_change_award (f->context, ids[3], NULL, "赛后查实违规使用辅助工具", &error));
  g_assert_no_error (error);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) d = entrant (f, ids[3]);
    g_autoptr(FzStatement) st = fz_database_query (f->db, "SELECT old_award, new_award, reason, changed_by "
                                                          "FROM skills_competitions_award_change", NULL, &error);
    g_assert_null (d->award);
    g_assert_true (d->award_manual);
    g_assert_true (fz_statement_step (st, &error));
    g_assert_cmpstr (fz_statement_get_text (st, 0), ==, "三等奖");
    g_assert_true (fz_statement_is_null (st, 1));
    g_assert_cmpstr (fz_statement_get_text (st, 2), ==, "赛后查实违规使用辅助工具");
    g_assert_cmpstr (fz_statement_get_text (st, 3), ==, "tester");
  }
  /* The record of changes is kept as it is. */
  g_assert_false (fz_database_exec (f->db, "DELETE FROM skills_competitions_award_change", &error));
  g_clear_error (&error);

  /* A score change that alters the ranking clears the awards … */
  support_scores (f, ids[3], "99", "99", "99", NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant WHERE award IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT awards_computed FROM skills_competitions_event"), ==, 0);
  /* … one that does not keeps them. */
  g_assert_true (fzp_skills_competitions_compute_awards (f->context, event, &error));
  support_scores (f, ids[3], "98", NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant WHERE award IS NOT NULL"), ==, 4);
}

static void
assert_published (GError **error)
{
  g_assert_error (*error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_PUBLISHED);
  g_clear_error (error);
}

static void
test_locked_results (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_published (f, FALSE);
  g_autoptr(GPtrArray) events = fzp_skills_competitions_list_events (f->context, competition, &error);
  FzpSkillsCompetitionsEvent *massage = g_ptr_array_index (events, 0);
  g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (f->context, massage->id, &error);
  FzpSkillsCompetitionsEntrant *first = g_ptr_array_index (entrants, 0);
  g_autoptr(FzpSkillsCompetitionsCompetition) c = NULL;
  gint64 score = 5000;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *raw[] = {
    "UPDATE skills_competitions_score SET score = 100",
    "DELETE FROM skills_competitions_score",
    "UPDATE skills_competitions_entrant SET award = '一等奖'",
    "DELETE FROM skills_competitions_entrant",
    "UPDATE skills_competitions_event SET score_rule = 'mean'",
    "DELETE FROM skills_competitions_event",
    "UPDATE skills_competitions_event_tier SET amount = 50",
    "UPDATE skills_competitions_judge SET name = 'x'",
    "UPDATE skills_competitions_competition SET name = 'x'",
    "UPDATE skills_competitions_competition SET published = NULL",
    "DELETE FROM skills_competitions_competition",
    "INSERT INTO skills_competitions_score (entrant_id, seat, score) SELECT id, 9, 1 FROM skills_competitions_entrant",
  };

  /* Publishing needs every event's awards. */
  g_assert_true (fzp_skills_competitions_set_score (f->context, first->id, 1, &score, &error));
  g_assert_no_error (error);
  g_assert_false (fzp_skills_competitions_publish (f->context, competition, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "盲人按摩"));
  g_clear_error (&error);
  score = 9500;
  g_assert_true (fzp_skills_competitions_set_score (f->context, first->id, 1, &score, &error));
  g_assert_true (fzp_skills_competitions_compute_awards (f->context, massage->id, &error));
  g_assert_true (fzp_skills_competitions_publish (f->context, competition, &error));
  g_assert_no_error (error);
  c = fzp_skills_competitions_get_competition (f->context, competition, &error);
  g_assert_nonnull (c->published);
  g_assert_cmpstr (c->published_by, ==, "tester");

  before = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                            count (f, "SELECT sum(score) FROM skills_competitions_score"),
                            count (f, "SELECT count(*) FROM skills_competitions_entrant WHERE award IS NOT NULL"));

  /* Every change through the code is refused … */
  g_assert_false (fzp_skills_competitions_set_score (f->context, first->id, 1, &score, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_set_score (f->context, first->id, 1, NULL, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_compute_awards (f->context, massage->id, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_change_award (f->context, first->id, "二等奖", "更正", &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_set_absent (f->context, first->id, TRUE, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_withdraw (f->context, first->id, &error));
  assert_published (&error);
  g_assert_cmpint (fzp_skills_competitions_enter (f->context, massage->id, fz_person_get_id (support_person (f, 30)),
                                                  NULL, 0, 0, &error), ==, 0);
  assert_published (&error);
  g_assert_cmpint (fzp_skills_competitions_add_event (f->context, competition, "烹饪", (const char *[]) { "a", "b", "c", NULL },
                                                      10000, NULL, &error), ==, 0);
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_set_event_rules (f->context, massage->id, FZP_SKILLS_COMPETITIONS_RULE_MEAN,
                                                           FZP_SKILLS_COMPETITIONS_TIE_SHARED, 10000, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_set_judges (f->context, massage->id, (const char *[]) { "a", "b", "c", NULL }, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_delete_event (f->context, massage->id, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_delete_competition (f->context, competition, &error));
  assert_published (&error);
  g_free (c->venue);
  c->venue = g_strdup ("别处");
  g_assert_false (fzp_skills_competitions_update_competition (f->context, c, &error));
  assert_published (&error);
  g_assert_false (fzp_skills_competitions_publish (f->context, competition, &error));
  assert_published (&error);

  /* … and so is every change straight to the database. */
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      if (fz_database_exec (f->db, raw[i], &error))
        g_error ("the database took “%s” after publication", raw[i]);
      g_assert_nonnull (strstr (error->message, "published"));
      g_clear_error (&error);
    }
  after = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                           count (f, "SELECT sum(score) FROM skills_competitions_score"),
                           count (f, "SELECT count(*) FROM skills_competitions_entrant WHERE award IS NOT NULL"));
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_entrants (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpSkillsCompetitionsImportReport) report = NULL;
  gint64 competition = support_competition (f);
  gint64 massage = support_event (f, competition, "盲人按摩", 3, NULL);
  FzPerson *a = support_person (f, 0);
  FzPerson *b = support_person (f, 1);
  FzPerson *c = support_person (f, 2);
  g_autoptr(GPtrArray) orgs = fz_registry_list_organizations (fz_context_get_registry (f->context), NULL, 0, 1, &error);
  FzOrganization *org = g_ptr_array_index (orgs, 0);
  g_autofree char *good_text = g_strdup_printf ("项目,参赛号,姓名,身份证号,县（市、区）,单位\n"
                                                "盲人按摩项目,3,%s,%s,,%s\n"
                                                "盲人按摩,,%s,%s,龙游县,\n"
                                                "电子商务,1,%s,%s,,\n",
                                                fz_person_get_name (a), fz_person_get_id_number (a),
                                                fz_organization_get_name (org),
                                                fz_person_get_name (b), fz_person_get_cert_number (b),
                                                fz_person_get_name (c), fz_person_get_id_number (c));
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *bad_text = NULL;
  gint64 commerce;

  /* The event 电子商务 is not there yet: nothing is written. */
  good = support_write (f, "entrants.csv", good_text);
  g_assert_false (fzp_skills_competitions_import_entrants (f->context, competition, 0, good, &report, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_REJECTED);
  g_clear_error (&error);
  g_assert_cmpuint (report->problems->len, ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("%s:4: Event: the competition has no event “电子商务”", good);
    g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==, expected);
  }
  g_clear_pointer (&report, fzp_skills_competitions_import_report_free);
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant"), ==, 0);

  commerce = support_event (f, competition, "电子商务", 3, NULL);
  g_assert_true (fzp_skills_competitions_import_entrants (f->context, competition, 0, good, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_clear_pointer (&report, fzp_skills_competitions_import_report_free);
  {
    g_autoptr(GPtrArray) list = fzp_skills_competitions_list_entrants (f->context, massage, &error);
    FzpSkillsCompetitionsEntrant *e0 = g_ptr_array_index (list, 0);
    FzpSkillsCompetitionsEntrant *e1 = g_ptr_array_index (list, 1);

    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpuint (e0->number, ==, 3);
    g_assert_cmpstr (e0->organization, ==, fz_organization_get_name (org));
    g_assert_cmpuint (e1->number, ==, 4);
    g_assert_cmpstr (e1->county_name, ==, "龙游县");
  }
  /* The same file again changes nothing. */
  g_assert_true (fzp_skills_competitions_import_entrants (f->context, competition, 0, good, &report, &error));
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 3);
  g_clear_pointer (&report, fzp_skills_competitions_import_report_free);

  /* Every wrong row is told, with its line; nothing is written. */
  bad_text = g_strdup_printf ("项目,姓名,身份证号,县(市、区),单位\n"
                              "电子商务,%s,3.30802E+17,,\n"
                              "电子商务,王冒名,%s,,\n"
                              "电子商务,%s,%s,杭州市,\n"
                              "电子商务,%s,%s,,不存在的公司\n"
                              "电子商务,%s,%s,,\n"
                              "电子商务,%s,%s,,\n",
                              fz_person_get_name (a),
                              fz_person_get_id_number (support_person (f, 5)),
                              fz_person_get_name (support_person (f, 6)), fz_person_get_id_number (support_person (f, 6)),
                              fz_person_get_name (support_person (f, 7)), fz_person_get_id_number (support_person (f, 7)),
                              fz_person_get_name (support_person (f, 8)), fz_person_get_id_number (support_person (f, 8)),
                              fz_person_get_name (support_person (f, 8)), fz_person_get_id_number (support_person (f, 8)));
  bad = support_write (f, "bad.csv", bad_text);
  g_assert_false (fzp_skills_competitions_import_entrants (f->context, competition, 0, bad, &report, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_REJECTED);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->problems, 0), bad));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), ":2: Identity number:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), "text"));   /* how to fix the sheet */
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 1), ":3: Name:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 2), ":4: County:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 3), ":5: Organization:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 4), ":7: Person:"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant"), ==, 3);
  (void) commerce;
}

static void
test_import_scores (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpSkillsCompetitionsImportReport) report = NULL;
  gint64 competition = support_competition (f);
  gint64 event = support_event (f, competition, "盲人按摩", 3, NULL);
  g_autofree gint64 *ids = support_enter (f, event, 0, 3);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(FzTable) table = NULL;
  g_autofree char *gbk = NULL;
  gsize gbk_len = 0;
  const char *good_text = "项目,参赛号,姓名,评委1,评委 2,郑评,缺赛\n"
                          "盲人按摩,1,,90,88.5,87,\n"
                          "盲人按摩,2,,91,92,93,\n"
                          "盲人按摩,3,,,,,缺赛\n";

  /* GBK without a byte order mark, as Chinese Excel saves CSV. */
  gbk = g_convert (good_text, -1, "GB18030", "UTF-8", NULL, &gbk_len, &error);
  g_assert_no_error (error);
  good = g_build_filename (f->dir, "scores.csv", NULL);
  g_assert_true (g_file_set_contents (good, gbk, (gssize) gbk_len, &error));
  g_assert_true (fzp_skills_competitions_import_scores (f->context, competition, 0, good, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "GB18030");
  g_assert_cmpuint (report->updated, ==, 3);
  g_clear_pointer (&report, fzp_skills_competitions_import_report_free);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) a = entrant (f, ids[0]);
    g_autoptr(FzpSkillsCompetitionsEntrant) b = entrant (f, ids[1]);
    g_autoptr(FzpSkillsCompetitionsEntrant) c = entrant (f, ids[2]);
    g_assert_cmpint (a->final_score, ==, 8850);
    g_assert_cmpuint (b->rank, ==, 1);
    g_assert_cmpuint (a->rank, ==, 2);
    g_assert_true (c->absent);
  }

  /* Wrong cells anywhere: nothing at all is written. */
  bad = support_write (f, "bad.csv",
                       "项目,参赛号,姓名,评委1,评委2,评委3,评委4\n"
                       "盲人按摩,1,,80,80,80,\n"
                       "盲人按摩,2,张冒名,95.555,101,,\n"
                       "盲人按摩,3,,70,,,\n"
                       "盲人按摩,9,,70,,,\n"
                       "盲人按摩,1,,,,,80\n");
  g_assert_false (fzp_skills_competitions_import_scores (f->context, competition, 0, bad, &report, &error));
  g_assert_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_REJECTED);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 6);
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), ":3: Name:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 1), ":3: 评委1: 95.555 has more than two decimals"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 2), ":3: 评委2: 101 is above"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 3), ":4: Scores:"));   /* absent */
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 4), ":5: Number:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 5), ":6: Number:"));   /* twice */
  g_clear_pointer (&report, fzp_skills_competitions_import_report_free);
  g_clear_error (&error);
  {
    g_autoptr(FzpSkillsCompetitionsEntrant) a = entrant (f, ids[0]);
    g_assert_cmpint (a->scores[0], ==, 9000);
  }

  /* An export reads back, and its extra columns are ignored. */
  exported = g_build_filename (f->dir, "export.csv", NULL);
  g_assert_true (fzp_skills_competitions_export_scores (f->context, competition, 0, exported, NULL, &error));
  g_assert_no_error (error);
  table = fz_table_read_file (exported, &error);
  g_assert_cmpuint (fz_table_get_n_records (table), ==, 4);
  g_assert_cmpstr (fz_table_get_field (table, 0, 6), ==, "评委1");
  g_assert_cmpstr (fz_table_get_field (table, 1, 3), ==, fz_person_get_id_number (support_person (f, 0)));
  g_assert_cmpstr (fz_table_get_field (table, 1, 8), ==, "87.00");
  g_assert_cmpstr (fz_table_get_field (table, 3, 9), ==, "缺赛");
  g_assert_true (fzp_skills_competitions_import_scores (f->context, competition, 0, exported, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->unchanged, ==, 3);
}

static void
test_nominations (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  FzpSkillsCompetitionsCompetition c = {
    .name = "第七届浙江省残疾人职业技能竞赛",
    .level = FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL,
    .starts = "2025-06-10",
    .ends = "2025-06-12",
    .organizer = "浙江省残疾人联合会",
  };
  gint64 event;
  g_autofree gint64 *ids = NULL;
  FzpSkillsCompetitionsExpertRule rule = { FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL, 1, 3, 2 };
  FzpSkillsCompetitionsNomination m = {
    .year = 2025,
    .kind = FZP_SKILLS_COMPETITIONS_NOMINATION_TECHNICAL_EXPERT,
    .trade = "盲人医疗按摩",
    .nominated_by = "衢州市残疾人联合会",
  };

  g_assert_true (fzp_skills_competitions_add_competition (f->context, &c, &error));
  event = support_event (f, c.id, "盲人医疗按摩", 3, NULL);
  ids = support_enter (f, event, 0, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *s = g_strdup_printf ("%u", 90 - i);
      support_scores (f, ids[i], s, s, s, NULL);
    }
  g_assert_true (fzp_skills_competitions_compute_awards (f->context, event, &error));

  /* From results only once they are published. */
  m.person_id = fz_person_get_id (support_person (f, 1));
  m.entrant_id = ids[1];
  g_assert_false (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_assert_nonnull (strstr (error->message, "not published"));
  g_clear_error (&error);
  g_assert_true (fzp_skills_competitions_publish (f->context, c.id, &error));

  /* Second place of 3 entrants: not under the default rule (20) … */
  g_assert_false (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_assert_nonnull (strstr (error->message, "at least 20"));
  g_clear_error (&error);
  /* … but under a rule in force from before the contest, which is data. */
  g_assert_true (fzp_skills_competitions_set_expert_rule (f->context, "2025-06-01", &rule, &error));
  g_assert_no_error (error);
  g_assert_true (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_assert_no_error (error);
  /* Not twice; not someone else's result; not without a result. */
  g_assert_false (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_clear_error (&error);
  m.person_id = fz_person_get_id (support_person (f, 0));
  g_assert_false (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_assert_nonnull (strstr (error->message, "not the person"));
  g_clear_error (&error);
  m.entrant_id = 0;
  g_assert_false (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_clear_error (&error);

  /* A craftsman may come from elsewhere. */
  m.kind = FZP_SKILLS_COMPETITIONS_NOMINATION_CRAFTSMAN;
  m.person_id = fz_person_get_id (support_person (f, 20));
  m.trade = "竹编";
  m.nominated_by = "龙游县残疾人联合会";
  m.basis = "从事竹编三十年，带徒二十余人";
  g_assert_true (fzp_skills_competitions_nominate (f->context, &m, &error));
  g_assert_no_error (error);
  g_assert_true (fzp_skills_competitions_decide (f->context, m.id, FZP_SKILLS_COMPETITIONS_DECISION_SELECTED,
                                                 "2025-11-01", "市残联党组会议研究决定", &error));
  g_assert_no_error (error);
  g_assert_false (fzp_skills_competitions_decide (f->context, m.id, FZP_SKILLS_COMPETITIONS_DECISION_REJECTED, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "decided already"));
  g_clear_error (&error);

  list = fzp_skills_competitions_list_nominations (f->context, 2025, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((FzpSkillsCompetitionsNomination *) g_ptr_array_index (list, 0))->kind, ==,
                   FZP_SKILLS_COMPETITIONS_NOMINATION_CRAFTSMAN);
  g_assert_cmpint (((FzpSkillsCompetitionsNomination *) g_ptr_array_index (list, 0))->decision, ==,
                   FZP_SKILLS_COMPETITIONS_DECISION_SELECTED);
  g_assert_nonnull (strstr (((FzpSkillsCompetitionsNomination *) g_ptr_array_index (list, 1))->result, "第2名"));
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  g_autoptr(FzIndicatorValues) later = fz_indicator_values_new ();
  const FzIndicatorInfo *info = fzp_skills_competitions_indicators;
  FzpSkillsCompetitionsCompetition county = {
    .name = "2025年江山市残疾人职业技能竞赛", .level = FZP_SKILLS_COMPETITIONS_LEVEL_COUNTY, .county_code = "330881",
    .starts = "2025-04-01", .organizer = "江山市残疾人联合会",
  };
  double entrants = 0, awardees = 0;

  support_published (f, TRUE);
  g_assert_true (fzp_skills_competitions_add_competition (f->context, &county, &error));
  g_assert_true (fzp_skills_competitions_compute_indicators (f->context, 2025, values, &error));
  g_assert_no_error (error);

  /* Held: the county's own, and the city counts both. */
  g_assert_cmpfloat (fz_indicator_values_get (values, &info[0], "330881"), ==, 1);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info[0], FZ_CITY_CODE), ==, 2);
  /* 14 persons competed, 3 + 3 won (10 entrants at 10/20/30 %: 1 + 2 + 3 = 6; 3 of 4 by count). */
  entrants = fz_indicator_values_get (values, &info[1], FZ_CITY_CODE);
  awardees = fz_indicator_values_get (values, &info[2], FZ_CITY_CODE);
  g_assert_cmpfloat (entrants, ==, 14);
  g_assert_cmpfloat (awardees, ==, 9);
  g_assert_true (info[0].target == NULL && info[1].target == NULL && info[2].target == NULL);

  g_assert_true (fzp_skills_competitions_compute_indicators (f->context, 2026, later, &error));
  g_assert_cmpfloat (fz_indicator_values_get (later, &info[1], FZ_CITY_CODE), ==, 0);

  /* On the dashboard: counts, the city's competitions its own figure. */
  {
    g_autoptr(FzFigures) figures = fz_figures_compute (f->manager, 2025, 2025, &error);
    const FzFigure *held = fz_figures_find (figures, "skills-competitions/competitions");
    const FzFigure *won = fz_figures_find (figures, "skills-competitions/awardees");

    g_assert_no_error (error);
    g_assert_nonnull (held);
    g_assert_cmpint (held->kind, ==, FZ_TARGET_COUNT);
    g_assert_cmpfloat (fz_figure_get (held, 2025, FZ_CITY_CODE), ==, 2);
    g_assert_cmpfloat (fz_figure_get (held, 2025, "330881"), ==, 1);
    g_assert_cmpint (won->kind, ==, FZ_TARGET_COUNT);
    g_assert_cmpfloat (fz_figure_get (won, 2025, FZ_CITY_CODE), ==, 9);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/" name, Fixture, NULL, support_setup, func, support_teardown)
  ADD ("schema", test_schema);
  ADD ("competition-checks", test_competition_checks);
  ADD ("entrants-need-certificate", test_entrants_need_certificate);
  ADD ("ranking-follows-scores", test_ranking_follows_scores);
  ADD ("awards", test_awards);
  ADD ("locked-results", test_locked_results);
  ADD ("import-entrants", test_import_entrants);
  ADD ("import-scores", test_import_scores);
  ADD ("nominations", test_nominations);
  ADD ("indicators", test_indicators);
#undef ADD
  return g_test_run ();
}
