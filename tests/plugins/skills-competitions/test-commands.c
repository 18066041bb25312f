/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-skills-competitions"

#include "config.h"

#include <locale.h>
#include <sys/wait.h>

#include "support.h"

/* The whole path from the command line, as staff run it without a display:
 * the built `fuzhu` in a child process on the fixture's database. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fuzhu (Fixture    *f,
       Run        *run,
       const char *first,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;
  va_list ap;

  run_clear (run);
  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->path);
  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* This test's own folders, for the child too. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);

  g_assert_true (g_spawn_sync (f->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("fuzhu %s did not exit: %s", first, run->err);
  run->status = WEXITSTATUS (wait_status);
}

static void
expect (Run        *run,
        int         status,
        const char *in_out,
        const char *in_err)
{
  if (run->status != status || (in_out && !strstr (run->out, in_out)) || (in_err && !strstr (run->err, in_err)))
    g_error ("expected exit %d with “%s” / “%s”, got %d:\nstdout: %s\nstderr: %s", status,
             in_out ? in_out : "", in_err ? in_err : "", run->status, run->out, run->err);
}

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

static char *
entrants_sheet (Fixture    *f,
                const char *file,
                const char *bad_name)
{
  g_autoptr(GString) text = g_string_new ("项目,参赛号,姓名,身份证号,县（市、区）\n");

  for (guint i = 0; i < 6; i++)
    {
      FzPerson *p = support_person (f, i);
      g_string_append_printf (text, "%s,%u,%s,%s,\n", i < 4 ? "盲人按摩" : "电子商务", i < 4 ? i + 1 : i - 3,
                              i == 2 && bad_name ? bad_name : fz_person_get_name (p), fz_person_get_id_number (p));
    }
  return support_write (f, file, text->str);
}

static void
test_end_to_end (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *bad = entrants_sheet (f, "bad.csv", "冒名");
  g_autofree char *good = entrants_sheet (f, "entrants.csv", NULL);
  g_autofree char *scores = NULL;
  g_autofree char *list = g_build_filename (f->dir, "list.pdf", NULL);
  g_autofree char *certs = g_build_filename (f->dir, "certs.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *serial = NULL;
  const char *name = "2025年衢州市残疾人职业技能竞赛";

  /* Usage errors: exit 2, nothing written. */
  fuzhu (f, &run, "skills-competitions", NULL);
  expect (&run, 2, NULL, "fuzhu skills-competitions import-scores");
  fuzhu (f, &run, "skills-competitions", "add-competition", name, "--level", "national", "--from", "2025-10-18",
         "--organizer", "衢州市残疾人联合会", NULL);
  expect (&run, 2, NULL, "--level");
  fuzhu (f, &run, "skills-competitions", "add-competition", name, "--level", "city", NULL);
  expect (&run, 2, NULL, "Usage:");
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_competition"), ==, 0);

  fuzhu (f, &run, "skills-competitions", "add-competition", name, "--level", "city", "--from", "2025-10-18",
         "--to", "2025-10-19", "--organizer", "衢州市残疾人联合会", "--venue", "衢州市残疾人职业技能培训中心", NULL);
  expect (&run, 0, "Added competition 1", NULL);
  fuzhu (f, &run, "skills-competitions", "add-event", name, "盲人按摩", "--judges", "周明，吴芳，郑强", NULL);
  expect (&run, 0, "Added event", NULL);
  fuzhu (f, &run, "skills-competitions", "add-event", "1", "电子商务", "--judges", "陈一,褚二,卫三",
         "--preset", "金银铜奖及优胜奖按名额", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "events", "1", NULL);
  expect (&run, 0, "盲人按摩\t周明,吴芳,郑强\ttrimmed-mean\tchief-judge\t100.00", NULL);

  /* A wrong row: FILE:LINE: field: message, exit 1, nothing entered. */
  fuzhu (f, &run, "skills-competitions", "import-entrants", name, "bad.csv", NULL);
  expect (&run, 1, NULL, "bad.csv:4: Name: the registry has");
  g_assert_true (g_str_has_prefix (run.err, "bad.csv:4: Name:"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM skills_competitions_entrant"), ==, 0);
  fuzhu (f, &run, "skills-competitions", "import-entrants", name, "entrants.csv", NULL);
  expect (&run, 0, "6 entered", NULL);

  scores = support_write (f, "scores.csv",
                          "项目,参赛号,评委1,评委2,评委3\n"
                          "盲人按摩,1,90,91,92\n"
                          "盲人按摩,2,95,95,95\n"
                          "盲人按摩,3,80,85,99\n"
                          "盲人按摩,4,70,71,72\n"
                          "电子商务,1,88,88,88\n"
                          "电子商务,2,89,89,89\n");
  fuzhu (f, &run, "skills-competitions", "compute-awards", name, NULL);
  expect (&run, 1, NULL, "lack scores");
  fuzhu (f, &run, "skills-competitions", "import-scores", name, "scores.csv", NULL);
  expect (&run, 0, "6 changed", NULL);
  fuzhu (f, &run, "skills-competitions", "results", name, "--event", "盲人按摩", NULL);
  expect (&run, 0, "\t2\t", NULL);
  g_assert_nonnull (strstr (run.out, "95.00\t1\t"));
  g_assert_nonnull (strstr (run.out, "91.00\t2\t"));
  fuzhu (f, &run, "skills-competitions", "compute-awards", name, NULL);
  expect (&run, 0, "盲人按摩: 2 awards for 4 entrants", NULL);
  g_assert_nonnull (strstr (run.out, "电子商务: 2 awards for 2 entrants"));

  fuzhu (f, &run, "skills-competitions", "change-award", name, "盲人按摩", "4", "三等奖", NULL);
  expect (&run, 2, NULL, "--reason");
  fuzhu (f, &run, "skills-competitions", "change-award", name, "盲人按摩", "4", "三等奖", "--reason", "仲裁委员会复核", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "publish", name, NULL);
  expect (&run, 0, "Published", NULL);

  /* Locked. */
  fuzhu (f, &run, "skills-competitions", "score", name, "盲人按摩", "1", "1", "99", NULL);
  expect (&run, 1, NULL, "published");
  fuzhu (f, &run, "skills-competitions", "import-scores", name, "scores.csv", NULL);
  expect (&run, 1, NULL, "published");
  fuzhu (f, &run, "skills-competitions", "competitions", NULL);
  expect (&run, 0, "\tcity\t2025-10-18\t2025-10-19\tpublished\t2\n", NULL);

  /* Printed headlessly. */
  fuzhu (f, &run, "documents", NULL);
  expect (&run, 0, "skills-competitions/award-list\t", NULL);
  g_assert_nonnull (strstr (run.out, "skills-competitions/award-list\tAward list\tpublic"));
  g_assert_nonnull (strstr (run.out, "skills-competitions/award-certificates\tAward certificates\tinternal"));
  fuzhu (f, &run, "print", "skills-competitions/award-list", "competition=2025年衢州市残疾人职业技能竞赛", "--output", list, NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "print", "skills-competitions/award-certificates", "competition=1", "--output", certs, NULL);
  expect (&run, 0, "(5 pages)", NULL);
  text = support_pdf_text (list);
  if (text)
    {
      FzPerson *winner = support_person (f, 1);
      g_autofree char *masked = fz_mask_identity_number (fz_person_get_id_number (winner), 6, 4);
      g_assert_nonnull (strstr (text, masked));
      g_assert_null (strstr (text, fz_person_get_id_number (winner)));
    }
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM fz_certificate", NULL, NULL, NULL, NULL));
  {
    g_autoptr(FzStatement) st = fz_database_query (f->db, "SELECT serial FROM fz_certificate ORDER BY id LIMIT 1", NULL, NULL);
    g_assert_true (fz_statement_step (st, NULL));
    serial = fz_statement_dup_text (st, 0);
  }
  fuzhu (f, &run, "verify", serial, NULL);
  expect (&run, 0, "\tvalid\t", NULL);
  g_assert_nonnull (strstr (run.out, "盲人按摩项目 二等奖"));

  /* Export for the record. */
  fuzhu (f, &run, "skills-competitions", "export-scores", name, "results.xlsx", NULL);
  expect (&run, 0, "Wrote 6 entrants", NULL);
  fuzhu (f, &run, "skills-competitions", "export-scores", name, "results.pdf", NULL);
  expect (&run, 2, NULL, NULL);
}

static void
test_rules_and_nominations (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  FzPerson *p = support_person (f, 12);

  /* Presets and the nomination rule are data an administrator edits. */
  fuzhu (f, &run, "skills-competitions", "set-preset", "县赛比例", "--awards", "一等奖:15%，二等奖:25%", "--rounding", "floor",
         "--rule", "mean", "--default", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "presets", NULL);
  expect (&run, 0, "县赛比例\tshare\t一等奖 15%, 二等奖 25% (Round down)\tmean\tchief-judge\tdefault\n", NULL);
  g_assert_null (strstr (run.out, "按比例\tshare\t一等奖 10%, 二等奖 20%, 三等奖 30% (Round half up)\ttrimmed-mean\tchief-judge\tdefault"));
  fuzhu (f, &run, "skills-competitions", "set-preset", "坏方案", "--awards", "一等奖:60,二等奖:50", NULL);
  expect (&run, 1, NULL, "more than 100%");

  fuzhu (f, &run, "skills-competitions", "expert-rule", "--on", "2025-06-01", NULL);
  expect (&run, 0, "2025-06-01\tprovincial\tfirst-places=1\tlarge-entrants=20\tlarge-places=2\n", NULL);
  fuzhu (f, &run, "skills-competitions", "set-expert-rule", "--from", "2026-01-01", "--large-entrants", "15", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "expert-rule", "--on", "2026-03-01", NULL);
  expect (&run, 0, "large-entrants=15\t", NULL);
  fuzhu (f, &run, "skills-competitions", "expert-rule", "--on", "2025-12-31", NULL);
  expect (&run, 0, "large-entrants=20\t", NULL);

  fuzhu (f, &run, "skills-competitions", "nominate", fz_person_get_id_number (p), "--year", "2025", "--kind", "craftsman",
         "--trade", "竹编", "--by", "龙游县残疾人联合会", NULL);
  expect (&run, 0, "Added nomination 1", NULL);
  fuzhu (f, &run, "skills-competitions", "nominate", fz_person_get_id_number (p), "--year", "2025", "--kind",
         "technical-expert", "--trade", "竹编", "--by", "龙游县残疾人联合会", NULL);
  expect (&run, 1, NULL, "Result:");
  fuzhu (f, &run, "skills-competitions", "decide", "1", "selected", "--note", "评审通过", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "nominations", "--year", "2025", NULL);
  expect (&run, 0, "\tcraftsman\t", NULL);
  g_assert_nonnull (strstr (run.out, "\tselected\t"));

  /* A competition changed, an entrant taken out again. */
  fuzhu (f, &run, "skills-competitions", "add-competition", "2026年龙游县残疾人职业技能竞赛", "--level", "county",
         "--county", "龙游县", "--from", "2026-04-01", "--organizer", "龙游县残疾人联合会", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "set-competition", "2026年龙游县残疾人职业技能竞赛", "--to", "2026-03-01", NULL);
  expect (&run, 1, NULL, "End date:");
  fuzhu (f, &run, "skills-competitions", "set-competition", "2026年龙游县残疾人职业技能竞赛", "--to", "2026-04-02",
         "--venue", "龙游县残疾人之家", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "competitions", NULL);
  expect (&run, 0, "\tcounty\t2026-04-01\t2026-04-02\topen\t0\n", NULL);
  fuzhu (f, &run, "skills-competitions", "add-event", "2026年龙游县残疾人职业技能竞赛", "手工编织", "--judges", "甲,乙",
         "--preset", "一二三等奖及优秀奖按名额", NULL);
  expect (&run, 1, NULL, "Judges:");
  fuzhu (f, &run, "skills-competitions", "add-event", "2026年龙游县残疾人职业技能竞赛", "手工编织", "--judges", "甲,乙,丙",
         NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "set-rules", "2026年龙游县残疾人职业技能竞赛", "手工编织", "--judges", "甲,乙",
         "--rule", "mean", NULL);
  expect (&run, 0, NULL, NULL);
  {
    g_autofree char *sheet = g_strdup_printf ("身份证号\n%s\n%s\n", fz_person_get_id_number (support_person (f, 30)),
                                              fz_person_get_id_number (support_person (f, 31)));
    g_autofree char *path = support_write (f, "two.csv", sheet);
    fuzhu (f, &run, "skills-competitions", "import-entrants", "2026年龙游县残疾人职业技能竞赛", "two.csv", "--event", "手工编织",
           NULL);
    expect (&run, 0, "2 entered", NULL);
  }
  fuzhu (f, &run, "skills-competitions", "withdraw", "2026年龙游县残疾人职业技能竞赛", "手工编织", "1", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "results", "2026年龙游县残疾人职业技能竞赛", NULL);
  expect (&run, 0, "手工编织\t2\t", NULL);
  g_assert_null (strstr (run.out, "手工编织\t1\t"));

  fuzhu (f, &run, "skills-competitions", "remove-event", "2026年龙游县残疾人职业技能竞赛", "手工编织", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "remove-competition", "2026年龙游县残疾人职业技能竞赛", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "competitions", NULL);
  expect (&run, 0, NULL, NULL);
  g_assert_cmpstr (run.out, ==, "");

  fuzhu (f, &run, "skills-competitions", "certificate-prefix", "qzjn", NULL);
  expect (&run, 0, NULL, NULL);
  fuzhu (f, &run, "skills-competitions", "certificate-prefix", NULL);
  expect (&run, 0, "QZJN\n", NULL);
  fuzhu (f, &run, "skills-competitions", "certificate-prefix", "衢州", NULL);
  expect (&run, 1, NULL, "Prefix:");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/commands/end-to-end", Fixture, NULL, support_setup,
              test_end_to_end, support_teardown);
  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/commands/rules-and-nominations", Fixture, NULL, support_setup,
              test_rules_and_nominations, support_teardown);
  return g_test_run ();
}
