/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage-commands"

#include "config.h"

#include <locale.h>

#include "blind-massage-test.h"

/* `fuzhu blind-massage …` as a user runs it: the built fuzhu in a child
 * process, on a database the test made persons in. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

typedef struct {
  BmFixture base;
  char     *wang;
  char     *zhang;
} Fixture;

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
  g_ptr_array_add (argv, f->base.path);
  g_ptr_array_add (argv, (gpointer) "blind-massage");
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

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bm_fixture_setup (&f->base, data);
  f->wang = g_strdup (bm_add_person (f->base.context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  f->zhang = g_strdup (bm_add_person (f->base.context, "张伟", "330822", "19900909", 3, FZ_CATEGORY_PHYSICAL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->wang);
  g_free (f->zhang);
  bm_fixture_teardown (&f->base, data);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->base.db, sql, NULL, &n, NULL, NULL));
  return n;
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "add", f->wang, "--kind", "medical", "--qualification", "YL2019-0001", "--qualified", "2019-06-30",
         "--registered", "2024-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "王明"));

  /* A physical disability certificate: warned, added. */
  fuzhu (f, &run, "add", f->zhang, "--kind", "保健", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "not a visual one"));

  /* Rejected input: exit 1, the field named, nothing written. */
  fuzhu (f, &run, "add", "11010519491231002X", "--kind", "medical", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Identity number: "));
  fuzhu (f, &run, "add", f->zhang, "--kind", "足疗", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Kind: "));
  fuzhu (f, &run, "add", f->zhang, "--kind", "medical", "--qualified", "2019-02-30", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner"), ==, 2);

  /* Wrong usage: exit 2. */
  fuzhu (f, &run, "add", f->zhang, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage: fuzhu blind-massage add"));
  fuzhu (f, &run, "add", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fuzhu (f, &run, "list", "--colour", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fuzhu (f, &run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);

  fuzhu (f, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "王明\tmedical\t柯城区\tYL2019-0001"));
  g_assert_nonnull (strstr (run.out, "张伟\thealth\t常山县"));
  fuzhu (f, &run, "list", "--kind", "health", NULL);
  g_assert_null (strstr (run.out, "王明"));

  fuzhu (f, &run, "show", f->wang, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "YL2019-0001"));
}

static void
test_review_credits_short (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "add", f->wang, "--kind", "medical", "--qualification", "YL1", "--qualified", "2019-06-30",
         "--registered", "2024-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "course", "2024年继续教育培训班", "--from", "2024-05-10", "--to", "2024-05-12", "--hours", "20", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\n");
  fuzhu (f, &run, "attend", "1", f->wang, "--hours", "19", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "credits", f->wang, "--year", "2024", NULL);
  g_assert_cmpstr (run.out, ==, "2024\t19\t20\t1\n");

  /* Due on its due date, overdue the day after. */
  fuzhu (f, &run, "due", "--on", "2024-12-31", NULL);
  g_assert_nonnull (strstr (run.out, "2024\tdue\t2024-12-31\t"));
  fuzhu (f, &run, "due", "--on", "2025-01-01", "--overdue", NULL);
  g_assert_nonnull (strstr (run.out, "2024\toverdue\t2024-12-31\t"));
  g_assert_nonnull (strstr (run.out, "19/20\t1\n"));

  /* One hour short: no pass, by how many said, nothing written. */
  fuzhu (f, &run, "review", f->wang, "--year", "2024", "--result", "合格", "--on", "2024-12-20", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Continuing education: 19 of 20 class hours in 2024, 1 short"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_review"), ==, 0);

  fuzhu (f, &run, "attend", "1", f->wang, NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "review", f->wang, "--year", "2024", "--result", "合格", "--on", "2024-12-20", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "due", "--on", "2025-01-01", NULL);
  g_assert_null (strstr (run.out, "\t2024-12-31\t"));

  fuzhu (f, &run, "review", f->wang, "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fuzhu (f, &run, "attend", "1", "330802198001010017", "11010519491231002X", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "11010519491231002X: Identity number: "));
}

static void
test_filing_title_clinic_post (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "add", f->wang, "--kind", "medical", "--qualification", "YL1", "--qualified", "2019-06-30", NULL);
  fuzhu (f, &run, "clinic", "光明盲人按摩诊所", "--address", "柯城区荷花中路12号", "--county", "柯城区",
         "--licensee-number", f->wang, "--designated", "2023-05-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "file", f->wang, "--clinic", "光明盲人按摩诊所", "--from", "2023-01-01", "--to", "2025-12-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "clinics", NULL);
  g_assert_nonnull (strstr (run.out, "光明盲人按摩诊所\t柯城区\t王明\t2023-05-01\t"));

  /* A new workplace: refused, then as a change of workplace. */
  fuzhu (f, &run, "file", f->wang, "--at", "衢州市人民医院", "--from", "2024-07-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "From: "));
  fuzhu (f, &run, "file", f->wang, "--at", "衢州市人民医院", "--from", "2024-07-01", "--change", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_filing WHERE ended_on = '2024-06-30'"), ==, 1);
  fuzhu (f, &run, "file", f->wang, "--from", "2024-07-01", NULL);
  g_assert_cmpint (run.status, ==, 2);

  fuzhu (f, &run, "title", f->wang, "医疗按摩士", "--on", "2019-08-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "title", f->wang, "主治医疗按摩师", "--on", "2024-08-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Title: "));

  fuzhu (f, &run, "post", "衢州市人民医院", "--county", "柯城区", "--from", "2024-07-01", "--practitioner", f->wang, NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "posts", NULL);
  g_assert_nonnull (strstr (run.out, "衢州市人民医院\t\t柯城区\t2024-07-01\t\t王明"));
  fuzhu (f, &run, "end-post", "1", "--on", "2023-01-01", NULL);
  g_assert_cmpint (run.status, ==, 1);

  fuzhu (f, &run, "exam", "2019年全国盲人医疗按摩人员考试", "--kind", "medical", "--on", "2019-05-18", NULL);
  g_assert_cmpstr (run.out, ==, "1\n");
  fuzhu (f, &run, "result", "1", f->wang, "--written", "合格", "--practical", "pass", "--paper", "braille", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "show", f->wang, NULL);
  g_assert_nonnull (strstr (run.out, "2019年全国盲人医疗按摩人员考试"));
  g_assert_nonnull (strstr (run.out, "医疗按摩士"));
  g_assert_nonnull (strstr (run.out, "衢州市人民医院"));
}

static void
test_rules_and_import (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sheet = g_build_filename (f->base.dir, "sheet.csv", NULL);
  g_autofree char *out = g_build_filename (f->base.dir, "out.xlsx", NULL);
  g_autofree char *rows = g_strdup_printf ("姓名,身份证号,类别\n王明,%s,医疗\n张伟,%s,保健\n某某,11010519491231002X,医疗\n",
                                           f->wang, f->zhang);

  fuzhu (f, &run, "rules", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "medical\t2022-01-01\t1\t12-31\tno\t20\tno\t"));
  g_assert_nonnull (strstr (run.out, "2\t医疗按摩师\tyes"));

  /* The yearly hours from 2026: what is not given is kept. */
  fuzhu (f, &run, "set-rule", "--kind", "medical", "--from", "2026-01-01", "--hours", "24", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rules", NULL);
  g_assert_nonnull (strstr (run.out, "medical\t2026-01-01\t1\t12-31\tno\t24\tno\t"));
  fuzhu (f, &run, "set-rule", "--kind", "medical", "--from", "2026-01-01", "--due", "02-30", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Due date: "));
  fuzhu (f, &run, "set-rule", "--kind", "medical", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fuzhu (f, &run, "delete-rule", "--kind", "medical", "--from", "2026-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "title-level", "6", "医疗按摩专家", "--no-review", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A sheet with a wrong row: FILE:LINE: field: message, nothing written. */
  g_assert_true (g_file_set_contents (sheet, rows, -1, NULL));
  fuzhu (f, &run, "import", sheet, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "sheet.csv:4: Identity number: "));
  g_assert_cmpint (count (f, "SELECT count(*) FROM blind_massage_practitioner"), ==, 0);

  /* Without it: two added, the warning kept with its line. */
  rows[strlen (rows) - strlen ("某某,11010519491231002X,医疗\n")] = '\0';
  g_assert_true (g_file_set_contents (sheet, rows, -1, NULL));
  fuzhu (f, &run, "import", sheet, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 added, 0 updated, 0 unchanged"));
  g_assert_nonnull (strstr (run.err, "sheet.csv:3: "));

  fuzhu (f, &run, "export", out, "--kind", "medical", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 practitioner exported"));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/BlindMassage/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("commands/add-and-list", test_add_and_list);
  ADD ("commands/review-credits-short", test_review_credits_short);
  ADD ("commands/filing-title-clinic-post", test_filing_title_clinic_post);
  ADD ("commands/rules-and-import", test_rules_and_import);
#undef ADD

  return g_test_run ();
}
