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
run_fuzhu (Run               *run,
           const char *const *extra_env,
           const char        *first,
           va_list            ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* NAME=VALUE pairs for this run only. */
  for (guint i = 0; extra_env && extra_env[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (extra_env[i], "=", 2);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

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
fuzhu (Run        *run,
       const char *first,
       ...)
{
  va_list ap;

  va_start (ap, first);
  run_fuzhu (run, NULL, first, ap);
  va_end (ap);
}

/* With NAME=VALUE pairs in its environment. */
static void
fuzhu_env (Run               *run,
           const char *const *env,
           const char        *first,
           ...)
{
  va_list ap;

  va_start (ap, first);
  run_fuzhu (run, env, first, ap);
  va_end (ap);
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

static char *
password_file (Fixture    *f,
               const char *name,
               const char *password,
               int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = g_strconcat (password, "\n", NULL);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *admin_pw = password_file (f, "admin.pw", "admin-pass-2025", 0600);
  g_autofree char *county_pw = password_file (f, "county.pw", "county-pass-2025", 0600);
  g_autofree char *open_pw = password_file (f, "open.pw", "admin-pass-2025", 0644);
  g_autofree char *csv = g_build_filename (f->dir, "audit.csv", NULL);
  g_autofree char *as_admin = g_strconcat ("FUZHU_PASSWORD_FILE=", admin_pw, NULL);
  g_autofree char *as_county = g_strconcat ("FUZHU_PASSWORD_FILE=", county_pw, NULL);
  g_autofree char *as_open = g_strconcat ("FUZHU_PASSWORD_FILE=", open_pw, NULL);
  g_autofree char *new_admin = g_strconcat ("FUZHU_NEW_PASSWORD_FILE=", admin_pw, NULL);
  g_autofree char *new_county = g_strconcat ("FUZHU_NEW_PASSWORD_FILE=", county_pw, NULL);
  const char *first_env[] = { new_admin, NULL };
  const char *admin_env[] = { as_admin, "FUZHU_USER=admin", NULL };
  const char *add_env[] = { as_admin, new_county, NULL };
  const char *county_env[] = { as_county, NULL };
  const char *wrong_env[] = { as_admin, "FUZHU_USER=kecheng", NULL };
  const char *open_env[] = { as_open, NULL };
  g_auto(Run) first = { 0 };
  g_auto(Run) nobody = { 0 };
  g_auto(Run) note1 = { 0 };
  g_auto(Run) note2 = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) open = { 0 };
  g_auto(Run) outside = { 0 };
  g_auto(Run) audit = { 0 };
  g_auto(Run) county_audit = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) accounts = { 0 };
  g_autofree char *written = NULL;
  GStatBuf st;

  /* Single-user mode makes the first administrator. */
  fuzhu_env (&first, first_env, "--database", f->db, "accounts", "add", "admin", "--role", "administrator", NULL);
  g_assert_cmpint (first.status, ==, 0);

  /* From then on the command line signs in first. */
  fuzhu (&nobody, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (nobody.status, ==, 1);
  g_assert_nonnull (strstr (nobody.err, "--user"));
  fuzhu_env (&note1, admin_env, "--database", f->db, "template", "add", "柯城的走访", "--county", "柯城区", NULL);
  g_assert_cmpint (note1.status, ==, 0);
  fuzhu_env (&note2, admin_env, "--database", f->db, "template", "add", "龙游的走访", "--county", "龙游县", NULL);
  g_assert_cmpint (note2.status, ==, 0);
  fuzhu_env (&add, add_env, "--database", f->db, "--user", "admin", "accounts", "add", "kecheng",
             "--role", "county-staff", "--county", "柯城区", NULL);
  g_assert_cmpint (add.status, ==, 0);

  /* County staff list their county's notes: the plugin's own query, scoped. */
  fuzhu_env (&list, county_env, "--database", f->db, "--user", "kecheng", "template", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "柯城区\t柯城的走访\n"));
  g_assert_null (strstr (list.out, "龙游"));
  fuzhu_env (&outside, county_env, "--database", f->db, "--user=kecheng", "template", "add", "越界", "--county", "龙游县", NULL);
  g_assert_cmpint (outside.status, ==, 1);
  g_assert_nonnull (strstr (outside.err, "柯城区"));

  /* A wrong password, and a password file others can read, are refused. */
  fuzhu_env (&wrong, wrong_env, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "password is wrong"));
  g_assert_cmpstr (wrong.out, ==, "");
  fuzhu_env (&open, open_env, "--database", f->db, "--user", "admin", "template", "list", NULL);
  g_assert_cmpint (open.status, ==, 1);
  g_assert_nonnull (strstr (open.err, "chmod 600"));

  /* The audit trail names who did it, from the command line. */
  fuzhu_env (&audit, admin_env, "--database", f->db, "audit", "--table", "template_note", NULL);
  g_assert_cmpint (audit.status, ==, 0);
  g_assert_nonnull (strstr (audit.out, "\tadmin\tcommand line\tinsert\ttemplate_note\t1\t\t{\"id\":1,"));
  g_assert_nonnull (strstr (audit.out, "\"body\":\"龙游的走访\""));
  fuzhu_env (&county_audit, county_env, "--database", f->db, "--user", "kecheng", "audit", "--table", "template_note", NULL);
  g_assert_cmpint (county_audit.status, ==, 0);
  g_assert_nonnull (strstr (county_audit.out, "柯城的走访"));
  g_assert_null (strstr (county_audit.out, "龙游的走访"));
  fuzhu_env (&export, admin_env, "--database", f->db, "audit", "--since", "2020-01-01", "--output", csv, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "时间,操作员,来源,操作,数据表"));
  g_assert_nonnull (strstr (written, "柯城的走访"));
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* No password in any output, and none in the database. */
  fuzhu_env (&accounts, admin_env, "--database", f->db, "accounts", NULL);
  g_assert_cmpint (accounts.status, ==, 0);
  g_assert_nonnull (strstr (accounts.out, "kecheng\tcounty-staff\t330802\tenabled\t"));
  g_assert_null (strstr (accounts.out, "pass-2025"));
  g_assert_null (strstr (audit.out, "pass-2025"));
  g_assert_null (strstr (written, "pass-2025"));
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
  g_test_add ("/Fuzhu/Cli/bad-database", Fixture, NULL, fixture_setup, test_bad_database, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/sign-in", Fixture, NULL, fixture_setup, test_sign_in, fixture_teardown);

  return g_test_run ();
}
