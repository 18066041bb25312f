/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gongfu-workshops"

#include "config.h"

#include <locale.h>
#include <sys/wait.h>

#include "gw-test-util.h"

/* `fuzhu gongfu-workshops …` as a user runs it: the built fuzhu in a child
 * process, on the fixture's database, with this test's own folders. */

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
fuzhu (GwFixture  *f,
       Run        *run,
       const char *first,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *db = g_build_filename (f->dir, "fuzhu.db", NULL);
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, db);
  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("fuzhu %s did not exit: %s", first, run->err);
  run->status = WEXITSTATUS (wait_status);
}

static void
assert_run (Run        *run,
            int         status,
            const char *out_part,
            const char *err_part)
{
  if (run->status != status || (out_part && !strstr (run->out, out_part)) || (err_part && !strstr (run->err, err_part)))
    g_error ("exit %d (wanted %d)\nout: %s\nerr: %s\nwanted out “%s”, err “%s”", run->status, status, run->out,
             run->err, out_part ? out_part : "", err_part ? err_part : "");
}

static gint64
count (GwFixture  *f,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, NULL));
  return n;
}

static const char *
id_of (GwFixture *f,
       guint      person)
{
  return fz_person_get_id_number (gw_person (f, person));
}

static void
test_usage (GwFixture     *f,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "gongfu-workshops", NULL);
  assert_run (&run, 2, NULL, "import-pay");
  fuzhu (f, &run, "gongfu-workshops", "join", "1", NULL);
  assert_run (&run, 2, NULL, "Usage: fuzhu gongfu-workshops join WORKSHOP PERSON");
  fuzhu (f, &run, "gongfu-workshops", "list", "--frobnicate", NULL);
  assert_run (&run, 2, NULL, NULL);
  fuzhu (f, &run, "gongfu-workshops", "add", "甲车间", "--county", "柯城", NULL);
  assert_run (&run, 2, NULL, "--host");
  fuzhu (f, &run, "gongfu-workshops", "frobnicate", NULL);
  assert_run (&run, 2, NULL, NULL);
  fuzhu (f, &run, "documents", NULL);
  assert_run (&run, 0, "gongfu-workshops/pay-sheet\tMonthly pay sheet for signing\tpublic\tworkshop month", NULL);
  g_assert_nonnull (strstr (run.out, "gongfu-workshops/roster\tWorkshop roster\tinternal"));
}

static void
test_workshops (GwFixture     *f,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "gongfu-workshops", "add", "大俱源村共富工坊", "--county", "柯城区", "--host", "村",
         "--host-name", "大俱源村", "--township", "石梁镇", "--products", "手工编织", "--opened", "2024-03-01",
         "--proper", NULL);
  assert_run (&run, 0, "Added workshop 大俱源村共富工坊 (1)", NULL);
  /* Rejected input writes nothing and says what is wrong. */
  fuzhu (f, &run, "gongfu-workshops", "add", "溪口村共富工坊", "--county", "杭州", "--host", "village",
         "--host-name", "溪口村", NULL);
  assert_run (&run, 1, NULL, "County: “杭州” is not a county of the city");
  fuzhu (f, &run, "gongfu-workshops", "add", "大俱源村共富工坊", "--county", "龙游", "--host", "home",
         "--host-name", "龙游县残疾人之家", NULL);
  assert_run (&run, 1, NULL, "Workshop name: another workshop");
  fuzhu (f, &run, "gongfu-workshops", "add", "溪口村共富工坊", "--county", "龙游", "--host", "castle", NULL);
  assert_run (&run, 1, NULL, "Host: ");
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_workshop"), ==, 1);

  fuzhu (f, &run, "gongfu-workshops", "edit", "1", "--not-proper", "--products", "藤编", NULL);
  assert_run (&run, 0, "Saved workshop 大俱源村共富工坊 (1)", NULL);
  fuzhu (f, &run, "gongfu-workshops", "list", NULL);
  assert_run (&run, 0, "1\t大俱源村共富工坊\t柯城区\tvillage\t大俱源村\tno\t2024-03-01\t\t0\tbelow\n", NULL);

  fuzhu (f, &run, "gongfu-workshops", "close", "大俱源村共富工坊", "--date", "2024-02-01", NULL);
  assert_run (&run, 1, NULL, "Closed: before the workshop opened");
  fuzhu (f, &run, "gongfu-workshops", "close", "大俱源村共富工坊", "--date", "2024-12-31", NULL);
  assert_run (&run, 0, "Closed workshop 大俱源村共富工坊", NULL);
  fuzhu (f, &run, "gongfu-workshops", "edit", "9", NULL);
  assert_run (&run, 1, NULL, "Workshop: there is no workshop 9");
}

static void
test_join_and_leave (GwFixture     *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  gw_add_workshop (f, "甲车间", "330802", "2024-01-01");
  gw_add_workshop (f, "乙车间", "330825", "2024-01-01");
  fuzhu (f, &run, "gongfu-workshops", "join", "甲车间", id_of (f, 0), "--date", "2024-03-01", NULL);
  assert_run (&run, 0, "joined 甲车间 on 2024-03-01", NULL);
  /* Joining twice: refused, and said why. */
  fuzhu (f, &run, "gongfu-workshops", "join", "乙车间", id_of (f, 0), "--date", "2024-04-01", NULL);
  assert_run (&run, 1, NULL, "works at 甲车间 since 2024-03-01");
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_spell"), ==, 1);
  fuzhu (f, &run, "gongfu-workshops", "join", "甲车间", "110105194912310021", NULL);
  assert_run (&run, 1, NULL, "Identity number: ");
  fuzhu (f, &run, "gongfu-workshops", "join", "甲车间", id_of (f, 1), "--date", "2024-13-01", NULL);
  assert_run (&run, 1, NULL, "Joined: ");

  fuzhu (f, &run, "gongfu-workshops", "leave", id_of (f, 0), "--date", "2024-06-30", "--reason", "外出务工", NULL);
  assert_run (&run, 0, "left on 2024-06-30", NULL);
  fuzhu (f, &run, "gongfu-workshops", "join", "乙车间", id_of (f, 0), "--date", "2024-09-01", NULL);
  assert_run (&run, 0, NULL, NULL);
  fuzhu (f, &run, "gongfu-workshops", "workers", "甲车间", NULL);
  assert_run (&run, 0, NULL, NULL);
  g_assert_cmpstr (run.out, ==, "");
  fuzhu (f, &run, "gongfu-workshops", "workers", "甲车间", "--all", NULL);
  assert_run (&run, 0, "\t2024-03-01\t2024-06-30\t外出务工\n", NULL);
  fuzhu (f, &run, "gongfu-workshops", "workers", "乙车间", NULL);
  assert_run (&run, 0, "\t2024-09-01\t\t\n", NULL);
}

static void
test_pay_and_figures (GwFixture     *f,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  gw_add_workshop (f, "甲车间", "330802", "2024-01-01");
  gw_join (f, 1, 0, "2024-01-01");
  gw_join (f, 1, 1, "2024-01-01");
  fuzhu (f, &run, "gongfu-workshops", "pay", "甲车间", "2024-03", id_of (f, 0), "--pieces", "1200", "--amount",
         "2,100.50", NULL);
  assert_run (&run, 0, "Saved the pay of", NULL);
  fuzhu (f, &run, "gongfu-workshops", "pay", "甲车间", "2024-03", id_of (f, 1), "--pieces", "0", "--amount", "0", NULL);
  assert_run (&run, 0, NULL, NULL);
  fuzhu (f, &run, "gongfu-workshops", "pay", "甲车间", "2024-03", id_of (f, 1), "--hours", "800", "--amount", "10", NULL);
  assert_run (&run, 1, NULL, "Hours: 800 is more than the 744 hours the month has");
  fuzhu (f, &run, "gongfu-workshops", "pay", "甲车间", "2024-03", id_of (f, 1), "--amount", "10", NULL);
  assert_run (&run, 2, NULL, "--pieces or --hours");
  fuzhu (f, &run, "gongfu-workshops", "figures", "--month", "2024-03", NULL);
  assert_run (&run, 0, "pay-records\t2\npay-total\t2100.50\nno-work-months\t1\ncompared-months\t1\n"
                       "average-monthly-pay\t2100.50\nbelow-minimum\t0\n", NULL);
  fuzhu (f, &run, "gongfu-workshops", "figures", "--year", "2024", "--county", "龙游", NULL);
  assert_run (&run, 0, "workers\t0\nplaced\t0\npay-records\t0\n", NULL);
  fuzhu (f, &run, "gongfu-workshops", "figures", "--year", "2024", "--month", "2024-03", NULL);
  assert_run (&run, 2, NULL, NULL);
}

static void
test_import_and_export (GwFixture     *f,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sheet = g_build_filename (f->dir, "三月.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "三月.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *bad_text = NULL;
  g_autofree char *good_text = NULL;
  g_autofree char *line3 = NULL;
  g_autofree char *line4 = NULL;

  gw_add_workshop (f, "甲车间", "330802", "2024-01-01");
  gw_join (f, 1, 0, "2024-01-01");
  gw_join (f, 1, 1, "2024-01-01");

  fuzhu (f, &run, "gongfu-workshops", "export-pay", sheet, "--workshop", "甲车间", "--month", "2024-03", NULL);
  assert_run (&run, 0, "Wrote 2 workers to", NULL);
  g_assert_true (g_file_test (sheet, G_FILE_TEST_EXISTS));
  fuzhu (f, &run, "gongfu-workshops", "export-pay", sheet, "--workshop", "甲车间", NULL);
  assert_run (&run, 2, NULL, "--month");

  /* Every problem on its own line as FILE:LINE: field: message; nothing written. */
  bad_text = g_strdup_printf ("身份证号,件数,金额\n%s,100,500\n%s,abc,500\n%s,100,\n",
                              id_of (f, 0), id_of (f, 1), id_of (f, 1));
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));
  fuzhu (f, &run, "gongfu-workshops", "import-pay", bad, "--workshop", "甲车间", "--month", "2024-03", NULL);
  line3 = g_strdup_printf ("%s:3: Pieces: “abc” is not a number\n", bad);
  line4 = g_strdup_printf ("%s:4: Amount: write the amount in yuan\n", bad);
  assert_run (&run, 1, NULL, line3);
  g_assert_nonnull (strstr (run.err, line4));
  g_assert_nonnull (strstr (run.err, "2 problems; nothing was imported"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay"), ==, 0);

  good_text = g_strdup_printf ("月份,车间,身份证号,计酬方式,数量,金额\n2024-03,甲车间,%s,计件,100,500\n"
                               "2024-03,甲车间,%s,计时,40,960\n", id_of (f, 0), id_of (f, 1));
  g_assert_true (g_file_set_contents (csv, good_text, -1, NULL));
  fuzhu (f, &run, "gongfu-workshops", "import-pay", csv, NULL);
  assert_run (&run, 0, "2 saved, 0 unchanged, 0 rows without pay skipped (UTF-8)", NULL);
  g_assert_cmpint (count (f, "SELECT sum(amount) FROM gongfu_workshops_pay"), ==, 146000);
  fuzhu (f, &run, "gongfu-workshops", "import-pay", csv, "--month", "2024-04", NULL);
  assert_run (&run, 1, NULL, "Month: the sheet says 2024-03, but the import is for 2024-04");
}

static void
test_orders_partners_standard (GwFixture     *f,
                               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *company = fz_organization_get_name (g_ptr_array_index (f->organizations, 0));
  g_autofree char *listed = NULL;

  gw_add_workshop (f, "甲车间", "330802", "2024-01-01");
  fuzhu (f, &run, "gongfu-workshops", "order", "甲车间", "--partner", company, "--product", "藤编收纳篮",
         "--quantity", "5000", "--value", "25000", "--from", "2024-04-01", "--to", "2024-06-30", NULL);
  assert_run (&run, 0, "Added order 1", NULL);
  fuzhu (f, &run, "gongfu-workshops", "order", "甲车间", "--partner", "没有这家公司", "--product", "藤编收纳篮",
         "--quantity", "5000", "--value", "25000", "--from", "2024-04-01", "--to", "2024-06-30", NULL);
  assert_run (&run, 1, NULL, "Company: “没有这家公司” is not in the registry");
  fuzhu (f, &run, "gongfu-workshops", "orders", NULL);
  listed = g_strdup_printf ("1\t甲车间\t%s\t藤编收纳篮\t5000\t25000.00\t2024-04-01\t2024-06-30\n", company);
  assert_run (&run, 0, listed, NULL);
  fuzhu (f, &run, "gongfu-workshops", "partner", "甲车间", company, "--remove", NULL);
  assert_run (&run, 0, "is no longer a partner", NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_partner"), ==, 0);

  fuzhu (f, &run, "gongfu-workshops", "standard", NULL);
  assert_run (&run, 0, "1900-01-01\t5\n", NULL);
  fuzhu (f, &run, "gongfu-workshops", "standard", "set", "--from", "2026-01-01", "--min-workers", "8", NULL);
  assert_run (&run, 0, NULL, NULL);
  fuzhu (f, &run, "gongfu-workshops", "standard", "list", NULL);
  assert_run (&run, 0, "1900-01-01\t5\n2026-01-01\t8\n", NULL);
  fuzhu (f, &run, "gongfu-workshops", "standard", "set", "--from", "2026-01-01", NULL);
  assert_run (&run, 2, NULL, "--min-workers");
}

static void
test_print (GwFixture     *f,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pdf = g_build_filename (f->dir, "sheet.pdf", NULL);

  gw_add_workshop (f, "甲车间", "330802", "2024-01-01");
  gw_join (f, 1, 0, "2024-01-01");
  gw_pay (f, 1, 2024, 3, 0, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 100, 50000);
  fuzhu (f, &run, "print", "gongfu-workshops/pay-sheet", "workshop=甲车间", "month=2024-03", "--output", pdf, NULL);
  assert_run (&run, 0, NULL, NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  fuzhu (f, &run, "print", "gongfu-workshops/pay-sheet", "workshop=甲车间", "month=2024-04", "--output", pdf, NULL);
  assert_run (&run, 1, NULL, "No pay is recorded for 2024-04");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/Fuzhu/Plugins/GongfuWorkshops/commands/" name, GwFixture, NULL, gw_fixture_setup, func, gw_fixture_teardown)
  ADD ("usage", test_usage);
  ADD ("workshops", test_workshops);
  ADD ("join-and-leave", test_join_and_leave);
  ADD ("pay-and-figures", test_pay_and_figures);
  ADD ("import-and-export", test_import_and_export);
  ADD ("orders-partners-standard", test_orders_partners_standard);
  ADD ("print", test_print);
#undef ADD

  return g_test_run ();
}
