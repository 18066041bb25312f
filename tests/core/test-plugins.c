/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-plugins"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "fuzhu.h"

typedef struct {
  char       *dir;
  FzDatabase *db;
  GSettings  *settings;
  FzContext  *context;
} Fixture;

/* The template's own folder: the measures built beside it in plugins/ are
 * tested on their own, and these counts stay the template's. */
static const char *
plugin_dir (void)
{
  static char *dir;
  if (dir == NULL)
    /* The template's own folder: the other measures of the build tree are
     * tested on their own. */
    dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", "template", NULL);
  return dir;
}

static const char *
fixtures_dir (void)
{
  static char *dir;
  if (dir == NULL)
    dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "plugins", "fixtures", NULL);
  return dir;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("fuzhu-plugins-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "disabled-plugins");
  f->context = fz_context_new (f->db, f->settings, "tester");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->settings);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static FzPluginManager *
load (Fixture *f)
{
  const char *paths[] = { plugin_dir (), fixtures_dir (), NULL };
  FzPluginManager *manager = fz_plugin_manager_new_for_paths (f->context, paths);

  fz_plugin_manager_load_all (manager);
  return manager;
}

static void
assert_state (FzPluginManager *manager,
              const char      *id,
              FzPluginState    state,
              const char      *reason_part)
{
  FzPluginEntry *entry = fz_plugin_manager_find (manager, id);

  g_assert_nonnull (entry);
  g_assert_cmpstr (fz_plugin_state_to_string (fz_plugin_entry_get_state (entry)), ==,
                   fz_plugin_state_to_string (state));
  if (reason_part)
    {
      g_assert_nonnull (fz_plugin_entry_get_reason (entry));
      if (strstr (fz_plugin_entry_get_reason (entry), reason_part) == NULL)
        g_error ("Reason for %s is “%s”, which does not mention “%s”", id,
                 fz_plugin_entry_get_reason (entry), reason_part);
    }
  if (state == FZ_PLUGIN_STATE_LOADED)
    g_assert_nonnull (fz_plugin_entry_get_measure (entry));
  else
    g_assert_null (fz_plugin_entry_get_measure (entry));
}


static void
test_load_good_and_broken (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FzPluginManager) manager = load (f);
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = TRUE;

  /* The good one loads and migrates, whatever happens to the others. */
  assert_state (manager, "template", FZ_PLUGIN_STATE_LOADED, NULL);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "template"), ==, 2);

  assert_state (manager, "missing-module", FZ_PLUGIN_STATE_FAILED, "missing-module");
  assert_state (manager, "wrong-abi", FZ_PLUGIN_STATE_FAILED, "ABI 999");
  assert_state (manager, "broken-migration", FZ_PLUGIN_STATE_FAILED, "version 2");

  /* The broken migration left nothing behind: its first step went too. */
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "broken-migration"), ==, 0);
  g_assert_true (fz_database_query_int64 (f->db,
                                          "SELECT 1 FROM sqlite_master WHERE name = 'broken_migration_item'",
                                          NULL, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  /* Every measure of the build tree loads (the template and whatever
   * measures are built beside it), and none of the broken fixtures. */
  measures = fz_plugin_manager_list_measures (manager);
  found = FALSE;
  for (guint i = 0; i < measures->len; i++)
    {
      const char *id = fz_measure_get_id (g_ptr_array_index (measures, i));

      g_assert_cmpstr (id, !=, "missing-module");
      g_assert_cmpstr (id, !=, "wrong-abi");
      g_assert_cmpstr (id, !=, "broken-migration");
      found = found || g_str_equal (id, "template");
    }
  g_assert_true (found);
  g_assert_cmpuint (g_list_model_get_n_items (fz_plugin_manager_get_plugins (manager)), ==, measures->len + 3);
}

static void
test_dropped_into_user_dir (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *drop = g_build_filename (g_get_user_data_dir (), "fuzhu", "plugins", "missing-module", NULL);
  g_autofree char *src = g_build_filename (fixtures_dir (), "missing-module", "missing-module.plugin", NULL);
  g_autofree char *dst = g_build_filename (drop, "missing-module.plugin", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(FzPluginManager) manager = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (drop, 0700), ==, 0);
  g_assert_true (g_file_get_contents (src, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (dst, contents, -1, &error));

  /* The default search path: $FUZHU_PLUGIN_PATH (the build tree) and the user's folder. */
  manager = fz_plugin_manager_new (f->context);
  fz_plugin_manager_load_all (manager);
  assert_state (manager, "template", FZ_PLUGIN_STATE_LOADED, NULL);
  assert_state (manager, "missing-module", FZ_PLUGIN_STATE_FAILED, NULL);
  g_assert_nonnull (strstr (fz_plugin_entry_get_module_dir (fz_plugin_manager_find (manager, "missing-module")),
                            g_get_user_data_dir ()));
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_disable_enable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FzPluginManager) manager = load (f);
  g_autoptr(FzPluginManager) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_auto(GStrv) disabled = NULL;
  guint changes = 0;

  guint n_measures;

  g_signal_connect (fz_plugin_manager_get_plugins (manager), "items-changed",
                    G_CALLBACK (count_changes), &changes);

  measures = fz_plugin_manager_list_measures (manager);
  n_measures = measures->len;
  g_clear_pointer (&measures, g_ptr_array_unref);
  g_assert_true (fz_plugin_manager_set_enabled (manager, "template", FALSE, &error));
  g_assert_no_error (error);
  assert_state (manager, "template", FZ_PLUGIN_STATE_DISABLED, NULL);
  g_assert_cmpuint (changes, ==, 1);
  measures = fz_plugin_manager_list_measures (manager);
  g_assert_cmpuint (measures->len, ==, n_measures - 1);
  for (guint i = 0; i < measures->len; i++)
    g_assert_cmpstr (fz_measure_get_id (g_ptr_array_index (measures, i)), !=, "template");
  g_clear_pointer (&measures, g_ptr_array_unref);

  /* Remembered in the settings: the next start leaves it disabled, its data kept. */
  disabled = g_settings_get_strv (f->settings, "disabled-plugins");
  g_assert_true (g_strv_contains ((const char *const *) disabled, "template"));
  again = load (f);
  assert_state (again, "template", FZ_PLUGIN_STATE_DISABLED, NULL);
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "template"), ==, 2);

  g_assert_true (fz_plugin_manager_set_enabled (manager, "template", TRUE, &error));
  assert_state (manager, "template", FZ_PLUGIN_STATE_LOADED, NULL);
  g_assert_cmpuint (changes, ==, 2);
  g_clear_pointer (&disabled, g_strfreev);
  disabled = g_settings_get_strv (f->settings, "disabled-plugins");
  g_assert_false (g_strv_contains ((const char *const *) disabled, "template"));

  /* A plugin that failed can be disabled, which silences it. */
  g_assert_true (fz_plugin_manager_set_enabled (manager, "broken-migration", FALSE, &error));
  assert_state (manager, "broken-migration", FZ_PLUGIN_STATE_DISABLED, NULL);

  g_assert_false (fz_plugin_manager_set_enabled (manager, "no-such-plugin", FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static GString *printed;

static void
keep_printed (const char *text)
{
  g_string_append (printed, text);
}

static void
test_measure_contract (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FzPluginManager) manager = load (f);
  FzMeasure *measure = fz_plugin_entry_get_measure (fz_plugin_manager_find (manager, "template"));
  const FzMeasureInfo *info = fz_measure_get_info (measure);
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char *add_ok[] = { (char *) "add", (char *) "一条备注", (char *) "--county", (char *) "江山市", NULL };
  char *add_ok2[] = { (char *) "add", (char *) "another", (char *) "--county", (char *) "330881", NULL };
  char *add_ok3[] = { (char *) "add", (char *) "third", (char *) "--county", (char *) "柯城", NULL };
  char *add_empty[] = { (char *) "add", (char *) "   ", NULL };
  char *add_bad_county[] = { (char *) "add", (char *) "x", (char *) "--county", (char *) "杭州", NULL };
  char *nothing[] = { (char *) "frobnicate", NULL };
  GPrintFunc previous;
  gint64 n = -1;

  g_assert_cmpstr (info->id, ==, "template");
  g_assert_cmpstr (fz_measure_get_title (measure), ==, "Template measure");
  g_assert_nonnull (fz_measure_find_command (measure, "add"));

  /* What a command tells the user goes to stdout: keep it, out of the TAP
   * stream, and check it. */
  printed = g_string_new (NULL);
  previous = g_set_print_handler (keep_printed);
  g_assert_cmpint (fz_measure_run_command (measure, f->context, 4, add_ok, &error), ==, FZ_EXIT_OK);
  g_assert_no_error (error);
  g_assert_cmpint (fz_measure_run_command (measure, f->context, 4, add_ok2, &error), ==, FZ_EXIT_OK);
  g_assert_cmpint (fz_measure_run_command (measure, f->context, 4, add_ok3, &error), ==, FZ_EXIT_OK);
  g_set_print_handler (previous);
  g_assert_cmpstr (printed->str, ==, "Added note 1\nAdded note 2\nAdded note 3\n");
  g_string_free (g_steal_pointer (&printed), TRUE);

  /* Rejected input writes nothing and says which field is wrong. */
  g_assert_cmpint (fz_measure_run_command (measure, f->context, 2, add_empty, &error), ==, FZ_EXIT_REJECTED);
  g_assert_nonnull (strstr (error->message, "Note"));
  g_clear_error (&error);
  g_assert_cmpint (fz_measure_run_command (measure, f->context, 4, add_bad_county, &error), ==, FZ_EXIT_REJECTED);
  g_assert_nonnull (strstr (error->message, "杭州"));
  g_clear_error (&error);
  g_assert_cmpint (fz_measure_run_command (measure, f->context, 1, nothing, &error), ==, FZ_EXIT_USAGE);
  g_clear_error (&error);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM template_note", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 3);

  /* Indicators per county, and the city as their sum. */
  g_assert_true (fz_measure_compute_indicators (measure, f->context, g_date_time_get_year (now), values, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], "330881"), ==, 2);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], "330802"), ==, 1);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], "330803"), ==, 0);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], FZ_CITY_CODE), ==, 3);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Plugins/load-good-and-broken", Fixture, NULL,
              fixture_setup, test_load_good_and_broken, fixture_teardown);
  g_test_add ("/Fuzhu/Plugins/dropped-into-user-dir", Fixture, NULL,
              fixture_setup, test_dropped_into_user_dir, fixture_teardown);
  g_test_add ("/Fuzhu/Plugins/disable-enable", Fixture, NULL,
              fixture_setup, test_disable_enable, fixture_teardown);
  g_test_add ("/Fuzhu/Plugins/measure-contract", Fixture, NULL,
              fixture_setup, test_measure_contract, fixture_teardown);

  return g_test_run ();
}
