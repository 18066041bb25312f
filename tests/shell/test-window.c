/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "fuzhu.h"
#include "fz-application.h"
#include "fz-preferences-window.h"
#include "fz-window.h"

/* The main window in a real GTK display (run under Xvfb). */

typedef struct {
  char            *dir;
  FzPluginManager *manager;
  FzWindow        *window;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzContext) context = NULL;
  g_autoptr(GSettings) settings = fz_settings_new_if_installed ();

  f->dir = g_dir_make_tmp ("fuzhu-window-XXXXXX", NULL);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  db = fz_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);
  context = fz_context_new (db, settings, "tester");
  f->manager = fz_plugin_manager_new (context);
  fz_plugin_manager_load_all (f->manager);

  f->window = fz_window_new (NULL, f->manager);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (200);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (50);
  g_assert_finalize_object (f->manager);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* Depth-first search for a widget of @type whose label or title is @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0
      && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_sidebar_has_measure (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *label = find_label (GTK_WIDGET (f->window), "Template measure");
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_assert_true (GTK_IS_LIST_BOX (gtk_widget_get_parent (row)));
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "Registry"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "Dashboard"));

  /* Choosing it shows the measure's own page. */
  g_assert_true (fz_window_show_page (f->window, "template"));
  iterate (100);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "template");
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "New Note"));
}

static void
test_disable_removes_from_sidebar (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_window_show_page (f->window, "template"));
  iterate (50);
  g_assert_true (fz_plugin_manager_set_enabled (f->manager, "template", FALSE, &error));
  g_assert_no_error (error);
  iterate (100);
  g_assert_null (find_label (GTK_WIDGET (f->window), "Template measure"));
  g_assert_false (fz_window_show_page (f->window, "template"));
  /* The window falls back to the dashboard rather than a dead page. */
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "dashboard");

  g_assert_true (fz_plugin_manager_set_enabled (f->manager, "template", TRUE, &error));
  iterate (100);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "Template measure"));
}

static void
test_preferences_lists_plugins (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *prefs = fz_preferences_window_new (f->manager);
  GtkWidget *label;
  GtkWidget *row;
  GtkWidget *sw = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  iterate (200);

  label = find_label (prefs, "Template measure");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Loaded"));

  /* Its switch turns the measure off, and the window's sidebar follows. */
  sw = find_type (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (sw);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  iterate (100);
  g_assert_cmpint (fz_plugin_entry_get_state (fz_plugin_manager_find (f->manager, "template")), ==,
                   FZ_PLUGIN_STATE_DISABLED);
  g_assert_null (find_label (GTK_WIDGET (f->window), "Template measure"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate (50);
}

static void
quit_when_shown (GApplication *app)
{
  /* The window is up (activate's default handler ran): close as a user would. */
  iterate (100);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Runs the application on @path until it has shown its window and quit. */
static void
run_application (const char *path)
{
  FzApplication *app = fz_application_new (path);

  /* Not the session's one-instance rule: this test is the only instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (quit_when_shown), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  iterate (100);
  g_assert_finalize_object (app);
}

static void
test_backup_on_quit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-quit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "county.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GSettings) settings = fz_settings_new_if_installed ();
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GRegex) name = g_regex_new ("^county-[0-9]{4}-[0-9]{2}-[0-9]{2}[.]db$", 0, 0, NULL);
  const char *first;

  /* Switched off: nothing is made. */
  g_settings_set_boolean (settings, "backup-automatic", FALSE);
  run_application (path);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  g_settings_reset (settings, "backup-automatic");
  run_application (path);
  listing = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (listing);
  first = g_dir_read_name (listing);
  g_assert_nonnull (first);
  g_assert_true (g_regex_match (name, first, 0, NULL));
  g_assert_null (g_dir_read_name (listing));

  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-window-home-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  int status;

  /* The user's folders are private to this run, but not the system's:
   * G_TEST_OPTION_ISOLATE_DIRS would also hide the MIME database and icon
   * themes that a real session has, and GTK cannot draw its icons then. */
  for (guint i = 0; i < 4; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);
      g_setenv (vars[i], dir, TRUE);
    }

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: run the tests under xvfb-run");
      return 77;
    }
  adw_init ();

  g_test_add ("/Fuzhu/Window/sidebar-has-measure", Fixture, NULL,
              fixture_setup, test_sidebar_has_measure, fixture_teardown);
  g_test_add ("/Fuzhu/Window/disable-removes-from-sidebar", Fixture, NULL,
              fixture_setup, test_disable_removes_from_sidebar, fixture_teardown);

  g_test_add ("/Fuzhu/Window/preferences-lists-plugins", Fixture, NULL,
              fixture_setup, test_preferences_lists_plugins, fixture_teardown);

  g_test_add_func ("/Fuzhu/Window/backup-on-quit", test_backup_on_quit);

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
