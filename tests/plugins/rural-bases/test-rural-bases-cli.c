/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rural-bases-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "fuzhu.h"

/* `fuzhu rural-bases …` as a user runs it: the built fuzhu in a child
 * process, on a database the test filled with persons first. */

typedef struct {
  char *dir;
  char *db;
  char *id[3];  /* identity numbers of three persons of 江山市 */
} Fixture;

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
  g_ptr_array_add (argv, f->db);
  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("fuzhu %s did not exit: %s", first, run->err);
  run->status = WEXITSTATUS (wait_status);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzRegistry) registry = NULL;
  static const char *const names[] = { "王一", "李二", "张三" };

  f->dir = g_dir_make_tmp ("fuzhu-rural-bases-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "county.db", NULL);
  db = fz_database_open (f->db, &error);
  g_assert_no_error (error);
  registry = fz_registry_new (db);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(FzPerson) p = fz_person_new ();
      g_autofree char *cert = NULL;

      f->id[i] = g_strdup_printf ("33088119850%u1%u00%u0", i + 1, i + 1, i + 1);
      f->id[i][17] = fz_identity_check_character (f->id[i]);
      cert = g_strconcat (f->id[i], "42", NULL);
      fz_person_set_name (p, names[i]);
      fz_person_set_id_number (p, f->id[i]);
      fz_person_set_cert_number (p, cert);
      fz_person_set_county_code (p, "330881");
      g_assert_true (fz_registry_add_person (registry, p, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (f->id); i++)
    g_free (f->id[i]);
  g_free (f->db);
  g_free (f->dir);
}

static void
add_base (Fixture *f)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "rural-bases", "add", "贺村茶园基地", "--county", "江山市", "--township", "贺村镇",
         "--village", "耕读村", "--industry", "种植", "--founded", "2022-03-01", "--operator", "徐大明",
         "--phone", "13812345678", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "贺村茶园基地"));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  /* The bare plugin lists its commands. */
  fuzhu (f, &run, "rural-bases", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "fuzhu rural-bases recognize"));
  g_assert_nonnull (strstr (run.err, "fuzhu rural-bases import"));

  fuzhu (f, &run, "rural-bases", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* A missing argument or an unknown option is a usage error. */
  fuzhu (f, &run, "rural-bases", "add", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage: fuzhu rural-bases add NAME"));
  fuzhu (f, &run, "rural-bases", "list", "--colour", "red", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fuzhu (f, &run, "rural-bases", "import", "people", "x.csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_bases (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  /* Rejected input names the field and writes nothing. */
  fuzhu (f, &run, "rural-bases", "add", "无乡镇基地", "--county", "江山市", "--industry", "种植",
         "--founded", "2022-03-01", "--operator", "徐大明", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Township: the value is missing"));
  fuzhu (f, &run, "rural-bases", "add", "挖矿基地", "--county", "江山市", "--township", "贺村镇",
         "--industry", "挖矿", "--founded", "2022-03-01", "--operator", "徐大明", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Industry: “挖矿” is not one of"));
  fuzhu (f, &run, "rural-bases", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  add_base (f);
  fuzhu (f, &run, "rural-bases", "list", "--county", "江山", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\t贺村茶园基地\t江山市\t贺村镇\t耕读村\t种植\t-\t0\t0\t\n");

  fuzhu (f, &run, "rural-bases", "edit", "贺村茶园基地", "--homestay", "是", "--industry", "民宿", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "list", "--homestays", NULL);
  g_assert_nonnull (strstr (run.out, "乡村旅游/民宿\t-\t0\t0\t民宿\n"));
  fuzhu (f, &run, "rural-bases", "edit", "贺村茶园基地", "--closed", "2020-01-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Closed: 2020-01-01 is before the base was founded"));

  fuzhu (f, &run, "rural-bases", "show", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Base name: 贺村茶园基地"));
  g_assert_nonnull (strstr (run.out, "Homestay: yes"));
}

static void
test_people_and_recognition (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  add_base (f);
  for (guint i = 0; i < 3; i++)
    {
      fuzhu (f, &run, "rural-bases", "employ", "贺村茶园基地", f->id[i], "--from", "2024-01-01", "--income",
             "2,300", "--job", "采茶", NULL);
      g_assert_cmpint (run.status, ==, 0);
    }
  /* By name, when only one person has it. */
  fuzhu (f, &run, "rural-bases", "employ", "贺村茶园基地", "王一", "--from", "2024-01-01", "--income", "2300", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "王一 is employed at 贺村茶园基地 in that period already"));
  fuzhu (f, &run, "rural-bases", "employ", "贺村茶园基地", "110105194912310021", "--from", "2024-01-01",
         "--income", "2300", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Identity number"));
  fuzhu (f, &run, "rural-bases", "people", "贺村茶园基地", NULL);
  g_assert_nonnull (strstr (run.out, "employed\t"));
  g_assert_nonnull (strstr (run.out, "\t2300.00\n"));

  /* No training yet: the county standard is not met, and each reason is said. */
  fuzhu (f, &run, "rural-bases", "check", "贺村茶园基地", "县级", "--on", "2025-06-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Training sessions in the last twelve months: 0"));
  fuzhu (f, &run, "rural-bases", "recognize", "贺村茶园基地", "县级", "--on", "2025-06-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not meet the standard"));

  fuzhu (f, &run, "rural-bases", "train", "贺村茶园基地", "--on", "2025-03-01", "--topic", "茶叶修剪", "--hours", "3",
         f->id[0], f->id[1], NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 attendees"));
  fuzhu (f, &run, "rural-bases", "check", "贺村茶园基地", "county", "--on", "2025-06-01", NULL);
  g_assert_nonnull (strstr (run.out, "meets the standard"));
  fuzhu (f, &run, "rural-bases", "recognize", "贺村茶园基地", "县级", "--on", "2025-06-01", "--document",
         "江残联〔2025〕12号", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "list", NULL);
  g_assert_nonnull (strstr (run.out, "\t县级\t3\t0\t"));

  fuzhu (f, &run, "rural-bases", "assess", "贺村茶园基地", "--year", "2024", "--result", "合格", "--on", "2025-01-10",
         NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "assessments", "--year", "2024", NULL);
  g_assert_cmpstr (run.out, ==, "2024\t江山市\t贺村茶园基地\t-\t3\t0\t36\t82800.00\t0\t0\tpass\t2025-01-10\n");
  fuzhu (f, &run, "rural-bases", "figures", "--year", "2024", NULL);
  g_assert_nonnull (strstr (run.out, "employed\t江山市\t3\n"));
  g_assert_nonnull (strstr (run.out, "average-income\t衢州市\t2300\n"));

  fuzhu (f, &run, "rural-bases", "leave", "贺村茶园基地", f->id[2], "--on", "2025-08-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "leave", "贺村茶园基地", f->id[2], "--on", "2025-08-31", NULL);
  g_assert_cmpint (run.status, ==, 1);
  fuzhu (f, &run, "rural-bases", "assist", "贺村茶园基地", f->id[2], "--kind", "订单", "--from", "2025-09-01", NULL);
  g_assert_cmpint (run.status, ==, 0);

  fuzhu (f, &run, "rural-bases", "withdraw", "贺村茶园基地", "县级", "--on", "2025-10-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Reason: the value is missing"));
  fuzhu (f, &run, "rural-bases", "withdraw", "贺村茶园基地", "县级", "--on", "2025-10-01", "--reason", "停业整顿", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_rules_as_data (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fuzhu (f, &run, "rural-bases", "criteria", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "county\t1900-01-01\t3\t10\teither\t1.00\t1\t12\t-\n"));
  fuzhu (f, &run, "rural-bases", "criteria", "set", "county", "--from", "2026-01-01", "--employed", "5", "--helped",
         "10", "--income-ratio", "1.1", "--training", "2", "--months", "12", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "criteria", "list", NULL);
  g_assert_nonnull (strstr (run.out, "county\t2026-01-01\t5\t10\tboth\t1.10\t2\t12\t-\n"));
  fuzhu (f, &run, "rural-bases", "criteria", "set", "county", "--from", "2026-01-01", "--employed", "5", "--helped",
         "10", "--income-ratio", "1", "--training", "2", "--months", "12", "--requires", "city", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Required level"));
  fuzhu (f, &run, "rural-bases", "criteria", "set", "county", "--from", "2026-01-01", NULL);
  g_assert_cmpint (run.status, ==, 1);

  fuzhu (f, &run, "rural-bases", "homestay-rule", NULL);
  g_assert_cmpstr (run.out, ==, "1900-01-01\t1\t1\thandicraft\tlocal\n");
  fuzhu (f, &run, "rural-bases", "homestay-rule", "set", "--from", "2026-01-01", "--employed", "2", "--cooperating",
         "3", "--kinds", "手工,订单", "--local", "否", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "homestay-rule", "list", NULL);
  g_assert_nonnull (strstr (run.out, "2026-01-01\t2\t3\torders,handicraft\tanywhere\n"));

  fuzhu (f, &run, "rural-bases", "issuer", "county", "{county}残疾人工作委员会", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fuzhu (f, &run, "rural-bases", "issuer", NULL);
  g_assert_nonnull (strstr (run.out, "county\t{county}残疾人工作委员会\n"));
  g_assert_nonnull (strstr (run.out, "province\t浙江省残疾人联合会\n"));
}

static void
test_import_export_print (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sheet = g_build_filename (f->dir, "employed.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "homestays.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *line3 = NULL;

  add_base (f);
  text = g_strdup_printf ("基地名称,姓名,身份证号,入职日期,月收入\n"
                          "贺村茶园基地,王一,%s,2024-01-01,2300\n"
                          "贺村茶园基地,李二,%s,2024-02-30,2300\n", f->id[0], f->id[1]);
  g_assert_true (g_file_set_contents (sheet, text, -1, NULL));
  fuzhu (f, &run, "rural-bases", "import", "employed", sheet, NULL);
  g_assert_cmpint (run.status, ==, 1);
  line3 = g_strdup_printf ("%s:3: Start date", sheet);
  g_assert_nonnull (strstr (run.err, line3));
  fuzhu (f, &run, "rural-bases", "people", "贺村茶园基地", NULL);
  g_assert_cmpstr (run.out, ==, "");

  g_free (text);
  text = g_strdup_printf ("基地名称,姓名,身份证号,入职日期,月收入\n贺村茶园基地,王一,%s,2024-01-01,2300\n", f->id[0]);
  g_assert_true (g_file_set_contents (sheet, text, -1, NULL));
  fuzhu (f, &run, "rural-bases", "import", "employed", sheet, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "would add 1"));
  fuzhu (f, &run, "rural-bases", "import", "employed", sheet, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 added"));
  fuzhu (f, &run, "rural-bases", "import", "employed", sheet, NULL);
  g_assert_nonnull (strstr (run.out, "0 added, 0 updated, 1 unchanged"));

  fuzhu (f, &run, "rural-bases", "export", "bases", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Its documents, through the shell's own commands. */
  fuzhu (f, &run, "documents", NULL);
  g_assert_nonnull (strstr (run.out, "rural-bases/homestays\tHomestay priority list\tpublic"));
  g_assert_nonnull (strstr (run.out, "rural-bases/register\tRegister of rural bases\tinternal"));
  fuzhu (f, &run, "print", "rural-bases/homestays", "county=江山市", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  fuzhu (f, &run, "print", "rural-bases/certificate", "base=贺村茶园基地", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not recognised at any level"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/RuralBases/cli/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("usage", test_usage);
  ADD ("bases", test_bases);
  ADD ("people-and-recognition", test_people_and_recognition);
  ADD ("rules-as-data", test_rules_as_data);
  ADD ("import-export-print", test_import_export_print);
#undef ADD
  return g_test_run ();
}
