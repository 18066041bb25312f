/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "fuzhu.h"

/* The command line as a user runs it: the built `fuzhu` in a child process. */

typedef struct {
  char *dir;
  char *db;
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
fuzhu (Run        *run,
       const char *first,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* The isolated folders of this test, for the child too. */
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
  f->dir = g_dir_make_tmp ("fuzhu-cli-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "county.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->db);
  g_free (f->dir);
}

static void
test_version_and_usage (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_path = { 0 };

  fuzhu (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "fuzhu " PACKAGE_VERSION "\n");

  fuzhu (&help, "help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "plugins"));

  fuzhu (&unknown, "--database", f->db, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  fuzhu (&no_path, "--database", NULL);
  g_assert_cmpint (no_path.status, ==, 2);
  g_assert_nonnull (strstr (no_path.err, "--database"));
  g_clear_pointer (&no_path.out, g_free);
  g_clear_pointer (&no_path.err, g_free);
  fuzhu (&no_path, "plugins", "extra", NULL);
  g_assert_cmpint (no_path.status, ==, 2);
}

static void
test_plugins_listing (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };
  g_autofree char *drop = g_build_filename (g_get_user_data_dir (), "fuzhu", "plugins", "half-copied", NULL);
  g_autofree char *plugin_file = g_build_filename (drop, "half-copied.plugin", NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *expected_abi = g_strdup_printf ("[Plugin]\nModule=half-copied\nName=Half copied\nX-Fuzhu-ABI=%d\n",
                                                    FZ_ABI_VERSION);

  fuzhu (&before, "--database", f->db, "plugins", NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_nonnull (strstr (before.out, "template\tloaded\tTemplate measure\n"));

  /* A plugin whose folder was copied without its module: it fails, with its
   * reason, and every other line stays as it was. */
  g_assert_cmpint (g_mkdir_with_parents (drop, 0700), ==, 0);
  g_assert_true (g_file_set_contents (plugin_file, expected_abi, -1, NULL));
  fuzhu (&after, "--database", f->db, "plugins", NULL);
  g_assert_cmpint (after.status, ==, 0);

  lines = g_strsplit (after.out, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      if (g_str_equal (fields[0], "half-copied"))
        {
          g_assert_cmpuint (g_strv_length (fields), ==, 4);
          g_assert_cmpstr (fields[1], ==, "failed");
          g_assert_nonnull (strstr (fields[3], "half-copied"));
        }
      else
        g_assert_nonnull (strstr (before.out, lines[i]));
    }
  g_assert_nonnull (strstr (after.out, "half-copied\tfailed\t"));
}

static void
test_plugin_commands (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Run) add = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) bare = { 0 };
  g_auto(Run) wrong = { 0 };

  fuzhu (&add, "--database", f->db, "template", "add", "走访了三户", "--county", "龙游县", NULL);
  g_assert_cmpint (add.status, ==, 0);

  fuzhu (&empty, "--database", f->db, "template", "add", " ", NULL);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "Note"));

  fuzhu (&list, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "龙游县\t走访了三户\n"));
  g_assert_null (strstr (list.out, "\t \n"));

  /* The plugin without a command lists its commands. */
  fuzhu (&bare, "--database", f->db, "template", NULL);
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_nonnull (strstr (bare.err, "fuzhu template add"));

  fuzhu (&wrong, "--database", f->db, "template", "remove", NULL);
  g_assert_cmpint (wrong.status, ==, 2);
}

static void
test_bad_database (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *text = g_strnfill (4096, 'x');

  g_assert_true (g_file_set_contents (f->db, text, -1, NULL));
  fuzhu (&run, "--database", f->db, "plugins", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, f->db));
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) too_high = { 0 };
  g_auto(Run) not_number = { 0 };
  g_auto(Run) bad_county = { 0 };
  g_auto(Run) unset = { 0 };
  g_auto(Run) after = { 0 };

  fuzhu (&list, "--database", f->db, "targets", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "new-employment\t330800\t衢州市\t3600\t人\n"));
  g_assert_nonnull (strstr (list.out, "new-welfare-posts\t330800\t衢州市\t800\t"));
  g_assert_nonnull (strstr (list.out, "employment-rate\t330800\t衢州市\t65\t%\n"));

  fuzhu (&set, "--database", f->db, "targets", "set", "new-welfare-posts", "140", "--county", "常山县", NULL);
  g_assert_cmpint (set.status, ==, 0);
  fuzhu (&again, "--database", f->db, "targets", NULL);
  g_assert_nonnull (strstr (again.out, "new-welfare-posts\t330822\t常山县\t140\t"));

  fuzhu (&too_high, "--database", f->db, "targets", "set", "employment-rate", "101", NULL);
  g_assert_cmpint (too_high.status, ==, 1);
  fuzhu (&not_number, "--database", f->db, "targets", "set", "new-employment", "三千", NULL);
  g_assert_cmpint (not_number.status, ==, 1);
  g_assert_nonnull (strstr (not_number.err, "三千"));
  fuzhu (&bad_county, "--database", f->db, "targets", "set", "new-employment", "9", "--county", "西湖区", NULL);
  g_assert_cmpint (bad_county.status, ==, 1);

  fuzhu (&unset, "--database", f->db, "targets", "unset", "new-welfare-posts", "--county", "330822", NULL);
  g_assert_cmpint (unset.status, ==, 0);
  fuzhu (&after, "--database", f->db, "targets", NULL);
  g_assert_null (strstr (after.out, "330822"));
  /* Nothing else moved. */
  g_assert_cmpstr (after.out, ==, list.out);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) print = { 0 };
  g_auto(Run) bad_year = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) add = { 0 };
  g_autofree char *pdf = g_build_filename (f->dir, "notes.pdf", NULL);
  g_autofree char *report = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  fuzhu (&list, "--database", f->db, "documents", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "core/annual-report\tYearly monitoring report\tinternal\tyear county\n"));
  g_assert_nonnull (strstr (list.out, "template/notes\tNotes by county\tinternal\tyear\n"));

  fuzhu (&add, "--database", f->db, "template", "add", "慰问了五户", "--county", "开化县", NULL);
  fuzhu (&print, "--database", f->db, "print", "notes", "--output", pdf, NULL);
  g_assert_cmpint (print.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  if (pdftotext)
    {
      g_autofree char *cmd = g_strdup_printf ("pdftotext '%s' -", pdf);
      int status = 0;
      g_assert_true (g_spawn_command_line_sync (cmd, &text.out, &text.err, &status, NULL));
      g_assert_nonnull (strstr (text.out, "备注清单"));
      g_assert_nonnull (strstr (text.out, "慰问了五户"));
      g_assert_nonnull (strstr (text.out, "开化县"));
    }

  g_clear_pointer (&print.out, g_free);
  g_clear_pointer (&print.err, g_free);
  fuzhu (&print, "--database", f->db, "print", "core/annual-report", "year=2024", "county=龙游", "--output", report, NULL);
  g_assert_cmpint (print.status, ==, 0);

  fuzhu (&bad_year, "--database", f->db, "print", "annual-report", "year=1999", "--output", report, NULL);
  g_assert_cmpint (bad_year.status, ==, 1);
  g_assert_nonnull (strstr (bad_year.err, "1999"));
  fuzhu (&unknown, "--database", f->db, "print", "no-such-document", "--output", report, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  fuzhu (&no_output, "--database", f->db, "print", "notes", NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  fuzhu (&verify, "--database", f->db, "verify", "FZ-2025-000042", NULL);
  g_assert_cmpint (verify.status, ==, 1);
  g_assert_nonnull (strstr (verify.err, "FZ-2025-000042"));
}

static void
test_persons (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) export_csv = { 0 };
  g_auto(Run) export_xlsx = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) usage = { 0 };
  g_autofree char *csv = g_build_filename (f->dir, "persons.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "persons.xlsx", NULL);
  g_autofree char *wrong = g_build_filename (f->dir, "wrong.csv", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *contents = NULL;

  fuzhu (&demo, "--database", f->db, "demo", "--persons", "300", "--organizations", "5", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  fuzhu (&export_csv, "--database", f->db, "export", "persons", csv, NULL);
  g_assert_cmpint (export_csv.status, ==, 0);
  g_assert_nonnull (strstr (export_csv.out, "300"));
  fuzhu (&export_xlsx, "--database", f->db, "export", "persons", xlsx, NULL);
  g_assert_cmpint (export_xlsx.status, ==, 0);

  /* The export imports into another office's database as it is. */
  fuzhu (&again, "--database", other, "import", "persons", csv, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "300 added"));

  /* A wrong sheet: one line per problem, FILE:LINE: field: message; nothing written. */
  g_assert_true (g_file_set_contents (wrong, "姓名,身份证号\n张三,11010519491231002X\n李四,3.30802E+17\n王五,440524188001010015\n", -1, NULL));
  fuzhu (&bad, "--database", other, "import", "persons", wrong, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  contents = g_strdup_printf ("%s:3: Identity number:", wrong);
  g_assert_nonnull (strstr (bad.err, contents));
  g_free (contents);
  contents = g_strdup_printf ("%s:4: Identity number:", wrong);
  g_assert_nonnull (strstr (bad.err, contents));
  g_assert_null (strstr (bad.out, "added"));

  fuzhu (&usage, "--database", f->db, "export", "people", csv, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Cli/version-and-usage", Fixture, NULL, fixture_setup, test_version_and_usage, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/plugins-listing", Fixture, NULL, fixture_setup, test_plugins_listing, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/plugin-commands", Fixture, NULL, fixture_setup, test_plugin_commands, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/targets", Fixture, NULL, fixture_setup, test_targets, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/documents", Fixture, NULL, fixture_setup, test_documents, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/persons", Fixture, NULL, fixture_setup, test_persons, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/bad-database", Fixture, NULL, fixture_setup, test_bad_database, fixture_teardown);

  return g_test_run ();
}
