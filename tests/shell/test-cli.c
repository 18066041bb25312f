/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Permission checks do not apply to root: a test of a read-only folder run
 * as root runs its `fuzhu` as this user instead. */
typedef struct {
  uid_t uid;
  gid_t gid;
  char *home;
} User;

static void
become_user (gpointer data)
{
  const User *user = data;

  if (setgroups (0, NULL) != 0 || setgid (user->gid) != 0 || setuid (user->uid) != 0)
    _exit (126);
}

static void
spawn_fuzhu (Run               *run,
             const User        *user,
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
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", user ? user->home : g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", user ? user->home : g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", user ? user->home : g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", user ? user->home : g_get_home_dir (), TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               user ? become_user : NULL, (gpointer) user,
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
  spawn_fuzhu (run, NULL, NULL, first, ap);
  va_end (ap);
}

static void
fuzhu_as (Run        *run,
          const User *user,
          const char *first,
          ...)
{
  va_list ap;

  va_start (ap, first);
  spawn_fuzhu (run, user, NULL, first, ap);
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
  spawn_fuzhu (run, NULL, env, first, ap);
  va_end (ap);
}

static void
run_reset (Run *run)
{
  run_clear (run);
  memset (run, 0, sizeof *run);
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
  g_autofree char *cmd = g_strdup_printf ("chmod -R u+w '%s' && rm -rf '%s'", f->dir, f->dir);

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

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, as one string. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The one line a command printed, without its newline. */
static char *
only_line (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  return g_strdup (lines[0]);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *backup = g_build_filename (f->dir, "monday.db", NULL);
  g_autofree char *typo = g_build_filename (f->dir, "typo.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "persons.csv", NULL);
  g_autofree char *line = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *kept;
  GStatBuf st;

  fuzhu (&run, "--database", f->db, "template", "add", "星期一的备注", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);

  fuzhu (&run, "--database", f->db, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  line = only_line (run.out);
  g_assert_true (g_str_has_prefix (line, "Backed up "));
  g_assert_true (g_str_has_suffix (line, backup));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  run_reset (&run);

  /* Never over an existing file; usage errors are usage errors. */
  fuzhu (&run, "--database", f->db, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "exists already"));
  run_reset (&run);
  fuzhu (&run, "--database", f->db, "backup", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "backup FILE"));
  run_reset (&run);
  fuzhu (&run, "--database", f->db, "backup", backup, "again.db", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_reset (&run);
  fuzhu (&run, "--database", f->db, "backup", "--force", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_reset (&run);

  /* A mistyped --database is not a new empty database to back up. */
  fuzhu (&run, "--database", typo, "backup", text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "There is no database"));
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
  run_reset (&run);

  fuzhu (&run, "--database", f->db, "template", "add", "星期二的备注", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);

  fuzhu (&run, "--database", f->db, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&line, g_free);
  line = only_line (run.out);
  g_assert_true (g_str_has_prefix (line, "Restored "));
  kept = strstr (line, "kept as ");
  g_assert_nonnull (kept);
  kept += strlen ("kept as ");
  g_assert_true (g_str_has_prefix (kept, f->db));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  run_reset (&run);

  fuzhu (&run, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "星期一的备注"));
  g_assert_null (strstr (run.out, "星期二的备注"));
  run_reset (&run);

  fuzhu (&run, "--database", kept, "template", "list", NULL);
  g_assert_nonnull (strstr (run.out, "星期二的备注"));
  run_reset (&run);

  /* Files that are no backup: refused with a reason, the database untouched. */
  g_assert_true (g_file_set_contents (text, "姓名,身份证号\n张三,11010519491231002X\n", -1, NULL));
  before = read_bytes (f->db);
  {
    const char *bad[][2] = {
      { text, "not an SQLite file" },
      { f->dir, "folder" },
      { typo, "no file" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        fuzhu (&run, "--database", f->db, "restore", bad[i][0], NULL);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, bad[i][0]));
        g_assert_nonnull (strstr (run.err, bad[i][1]));
        run_reset (&run);
      }
  }
  after = read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  fuzhu (&run, "--database", f->db, "restore", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = NULL;

  fuzhu (&run, "--database", f->db, "template", "add", "第一条", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);

  /* Another program holds a change open for longer than the busy timeout. */
  db = fz_database_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (fz_database_begin (db, &error));
  g_assert_true (fz_database_execute (db, "INSERT INTO template_note (body, county_code) VALUES (?1, ?2)",
                                      g_variant_new ("(ss)", "未提交", "330802"), &error));
  g_assert_no_error (error);

  fuzhu (&run, "--database", f->db, "template", "add-many", "100", "第二批", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "database is busy"));
  g_assert_nonnull (strstr (run.err, "Try again"));
  g_test_message ("%s", run.err);
  run_reset (&run);

  fz_database_rollback (db);
  g_clear_object (&db);

  /* Nothing of the refused command, nothing of the abandoned change. */
  fuzhu (&run, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "第一条"));
  g_assert_null (strstr (run.out, "第二批"));
  g_assert_null (strstr (run.out, "未提交"));
}

static void
test_hostile_database (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *folder = g_build_filename (f->dir, "folder.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* A database cut off in the middle, as on a full USB stick. */
  fuzhu (&run, "--database", f->db, "template", "add-many", "3000", "走访", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);
  whole = read_bytes (f->db);
  g_assert_true (g_file_set_contents (f->db, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2, NULL));
  before = read_bytes (f->db);
  fuzhu (&run, "--database", f->db, "template", "add", "新的", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, f->db));
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_test_message ("%s", run.err);
  run_reset (&run);
  after = read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  /* A folder where the database should be. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fuzhu (&run, "--database", folder, "template", "list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, folder));
  g_test_message ("%s", run.err);
  run_reset (&run);

  /* An empty file is what a new database looks like before its first use
   * (Fuzhu creates the file empty, then SQLite fills it): it is used. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  fuzhu (&run, "--database", empty, "template", "add", "第一条", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *ro = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *home = g_build_filename (f->dir, "home", NULL);
  g_autofree char *db = g_build_filename (ro, "county.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  g_autofree char *copy = g_build_filename (ro, "copy.db", NULL);
  g_autofree char *fresh = g_build_filename (ro, "new.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *list_before = NULL;
  g_autofree char *list_after = NULL;
  User nobody = { 0 };
  User *user = NULL;

  g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  if (getuid () == 0)
    {
      /* Root writes anywhere: the commands run as an ordinary user. */
      struct passwd *pw = getpwnam ("nobody");

      if (pw == NULL)
        {
          g_test_skip ("Running as root and there is no user “nobody” to drop to");
          return;
        }
      nobody.uid = pw->pw_uid;
      nobody.gid = pw->pw_gid;
      nobody.home = home;
      user = &nobody;
      g_assert_cmpint (chown (f->dir, nobody.uid, nobody.gid), ==, 0);
      g_assert_cmpint (chown (ro, nobody.uid, nobody.gid), ==, 0);
      g_assert_cmpint (chown (home, nobody.uid, nobody.gid), ==, 0);
      fuzhu_as (&run, user, "--version", NULL);
      if (run.status != 0)
        {
          g_test_skip ("Running as root, and “nobody” cannot run the built fuzhu");
          return;
        }
      run_reset (&run);
    }

  fuzhu_as (&run, user, "--database", db, "template", "add", "写入", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);
  fuzhu_as (&run, user, "--database", other, "template", "add", "别处", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);
  fuzhu_as (&run, user, "--database", other, "backup", good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);

  g_assert_cmpint (g_chmod (ro, 0500), ==, 0);
  before = read_bytes (db);
  list_before = listing (ro);

  /* Each refused with the folder named, nothing written. */
  fuzhu_as (&run, user, "--database", db, "template", "add", "只读", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_nonnull (strstr (run.err, ro));
  g_test_message ("%s", run.err);
  run_reset (&run);

  /* A new database there: not created. */
  fuzhu_as (&run, user, "--database", fresh, "template", "list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "read-only"));
  run_reset (&run);

  fuzhu_as (&run, user, "--database", other, "backup", copy, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ro));
  g_assert_nonnull (strstr (run.err, "Permission denied"));
  g_test_message ("%s", run.err);
  run_reset (&run);

  fuzhu_as (&run, user, "--database", db, "restore", good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ro));
  g_assert_nonnull (strstr (run.err, "Permission denied"));
  g_test_message ("%s", run.err);
  run_reset (&run);

  after = read_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
  list_after = listing (ro);
  g_assert_cmpstr (list_after, ==, list_before);
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

/* Once there are accounts, only an administrator replaces the database. */
static void
test_restore_needs_administrator (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *admin_pw = password_file (f, "admin.pw", "admin-pass-2025", 0600);
  g_autofree char *county_pw = password_file (f, "county.pw", "county-pass-2025", 0600);
  g_autofree char *backup = g_build_filename (f->dir, "before-accounts.db", NULL);
  g_autofree char *as_admin = g_strconcat ("FUZHU_PASSWORD_FILE=", admin_pw, NULL);
  g_autofree char *as_county = g_strconcat ("FUZHU_PASSWORD_FILE=", county_pw, NULL);
  g_autofree char *new_admin = g_strconcat ("FUZHU_NEW_PASSWORD_FILE=", admin_pw, NULL);
  g_autofree char *new_county = g_strconcat ("FUZHU_NEW_PASSWORD_FILE=", county_pw, NULL);
  const char *first_env[] = { new_admin, NULL };
  const char *add_env[] = { as_admin, new_county, "FUZHU_USER=admin", NULL };
  const char *admin_env[] = { as_admin, "FUZHU_USER=admin", NULL };
  const char *county_env[] = { as_county, "FUZHU_USER=kecheng", NULL };
  g_auto(Run) run = { 0 };

  fuzhu (&run, "--database", f->db, "template", "add", "账户之前的走访", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);
  fuzhu (&run, "--database", f->db, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);
  fuzhu_env (&run, first_env, "--database", f->db, "accounts", "add", "admin", "--role", "administrator", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);
  fuzhu_env (&run, add_env, "--database", f->db, "accounts", "add", "kecheng",
             "--role", "county-staff", "--county", "柯城区", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_reset (&run);

  /* Nobody signed in, and county staff: refused, the database untouched. */
  fuzhu (&run, "--database", f->db, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--user"));
  run_reset (&run);
  fuzhu_env (&run, county_env, "--database", f->db, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "restore a backup"));
  run_reset (&run);
  /* Not replaced: the accounts are still there, sign-in still asked. */
  fuzhu (&run, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--user"));
  run_reset (&run);

  /* The administrator may; the backup had no accounts, so single-user again. */
  fuzhu_env (&run, admin_env, "--database", f->db, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, backup));
  run_reset (&run);
  fuzhu (&run, "--database", f->db, "template", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "账户之前的走访"));
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
  g_test_add ("/Fuzhu/Cli/backup-restore", Fixture, NULL, fixture_setup, test_backup_restore, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/busy", Fixture, NULL, fixture_setup, test_busy, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/hostile-database", Fixture, NULL, fixture_setup, test_hostile_database, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/read-only-folder", Fixture, NULL, fixture_setup, test_read_only_folder, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/sign-in", Fixture, NULL, fixture_setup, test_sign_in, fixture_teardown);
  g_test_add ("/Fuzhu/Cli/restore-needs-administrator", Fixture, NULL, fixture_setup,
              test_restore_needs_administrator, fixture_teardown);

  return g_test_run ();
}
