/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "fuzhu.h"
#include "fz-application.h"
#include "fz-chart.h"
#include "fz-dashboard-page.h"
#include "fz-preferences-window.h"
#include "fz-reports-page.h"
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
  /* Settings live in memory for the whole run: start each test afresh. */
  g_settings_reset (settings, "disabled-plugins");
  g_settings_reset (settings, "last-page");
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

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_sidebar (FzWindow *window)
{
  GtkWidget *sidebar = find_named (GTK_WIDGET (window), "fz-sidebar");

  g_assert_true (GTK_IS_LIST_BOX (sidebar));
  return sidebar;
}

static void
test_sidebar_has_measure (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *sidebar = find_sidebar (f->window);
  GtkWidget *label = find_label (sidebar, "Template measure");
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_assert_true (GTK_IS_LIST_BOX (gtk_widget_get_parent (row)));
  g_assert_nonnull (find_label (sidebar, "Registry"));
  g_assert_nonnull (find_label (sidebar, "Dashboard"));

  /* Choosing it shows the measure's own page. */
  g_assert_true (fz_window_show_page (f->window, "template"));
  iterate (100);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "template");
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "New Note"));

  /* A page that prints has the documents button, offering its documents. */
  {
    GtkWidget *button = find_named (GTK_WIDGET (f->window), "fz-documents");
    GMenuModel *menu;
    g_autofree char *item = NULL;

    g_assert_true (GTK_IS_MENU_BUTTON (button));
    g_assert_true (gtk_widget_get_visible (button));
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_nonnull (menu);
    menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &item));
    g_assert_cmpstr (item, ==, "Print Notes by county…");
    g_object_unref (menu);

    g_assert_true (fz_window_show_page (f->window, "registry"));
    iterate (50);
    g_assert_false (gtk_widget_get_visible (button));
  }
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
  g_assert_null (find_label (find_sidebar (f->window), "Template measure"));
  g_assert_false (fz_window_show_page (f->window, "template"));
  /* The window falls back to the dashboard rather than a dead page. */
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "dashboard");

  g_assert_true (fz_plugin_manager_set_enabled (f->manager, "template", TRUE, &error));
  iterate (100);
  g_assert_nonnull (find_label (find_sidebar (f->window), "Template measure"));
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
  g_assert_null (find_label (find_sidebar (f->window), "Template measure"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate (50);
}

static gboolean
label_contains (GtkWidget  *root,
                const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) && gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (label_contains (child, part))
      return TRUE;
  return FALSE;
}

/* Selects @text in whichever drop-down offers it. */
static gboolean
select_in_dropdowns (GtkWidget  *root,
                     const char *text)
{
  if (GTK_IS_DROP_DOWN (root))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (root));
      for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
          if (GTK_IS_STRING_OBJECT (item) && g_str_equal (gtk_string_object_get_string (item), text))
            {
              gtk_drop_down_set_selected (GTK_DROP_DOWN (root), i);
              return TRUE;
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (select_in_dropdowns (child, text))
      return TRUE;
  return FALSE;
}

static void
test_dashboard_shows_figures (Fixture       *f,
                              gconstpointer  data)
{
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (f->manager));
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  FzChart *bars;
  FzChart *line;

  g_assert_true (fz_database_execute (db,
                                      "INSERT INTO template_note (body, county_code, created) VALUES "
                                      "('a', '330881', '2023-02-01'), ('b', '330881', '2023-03-01'), "
                                      "('c', '330803', '2024-01-01')", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (fz_window_show_page (f->window, "template"));
  iterate (50);
  g_assert_true (fz_window_show_page (f->window, "dashboard"));
  iterate (200);

  page = find_type (GTK_WIDGET (f->window), FZ_TYPE_DASHBOARD_PAGE);
  g_assert_nonnull (page);
  /* The three targets of the plan, with their goals. */
  g_assert_true (label_contains (page, "3600"));
  g_assert_true (label_contains (page, "800"));
  g_assert_true (label_contains (page, "65.0%"));
  g_assert_true (label_contains (page, "Notes written"));

  /* The charts say in words what they draw. */
  fz_dashboard_page_select (FZ_DASHBOARD_PAGE (page), 2024, "330881");
  iterate (100);
  bars = FZ_CHART (find_type (page, FZ_TYPE_CHART));
  g_assert_nonnull (bars);
  line = FZ_CHART (find_type (gtk_widget_get_next_sibling (GTK_WIDGET (bars)), FZ_TYPE_CHART));
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (fz_chart_get_summary (bars), "江山市 0"));

  /* With the template's figure charted: to 2024, 江山市 has 2 and 衢江区 1. */
  g_assert_true (select_in_dropdowns (page, "Template measure — Notes written"));
  iterate (100);
  g_assert_nonnull (strstr (fz_chart_get_summary (bars), "衢江区 1"));
  g_assert_nonnull (strstr (fz_chart_get_summary (bars), "江山市 2"));
  /* Over the years in 江山市, added up: 0, 2, 2, 2. */
  g_assert_nonnull (strstr (fz_chart_get_summary (line), "2022 0; 2023 2; 2024 2; 2025 2"));
}

static void
test_reports_side_by_side (Fixture       *f,
                           gconstpointer  data)
{
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (f->manager));
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_build_filename (f->dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.json", NULL);
  GtkWidget *page;

  g_assert_true (fz_database_execute (db,
                                      "INSERT INTO template_note (body, county_code, created) VALUES "
                                      "('a', '330822', '2024-02-01'), ('b', '330822', '2024-03-01'), "
                                      "('c', '330824', '2024-01-01')", NULL, &error));
  {
    g_autoptr(FzReport) ra = fz_report_build (f->manager, 2024, "330822", &error);
    g_autoptr(FzReport) rb = fz_report_build (f->manager, 2024, "330824", &error);
    g_assert_no_error (error);
    g_assert_true (fz_report_write (ra, a, &error));
    g_assert_true (fz_report_write (rb, b, &error));
  }

  g_assert_true (fz_window_show_page (f->window, "reports"));
  iterate (100);
  page = find_type (GTK_WIDGET (f->window), FZ_TYPE_REPORTS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (label_contains (page, "No County Reports Yet"));

  g_assert_true (fz_reports_page_import_file (FZ_REPORTS_PAGE (page), a, &error));
  g_assert_true (fz_reports_page_import_file (FZ_REPORTS_PAGE (page), b, &error));
  g_assert_no_error (error);
  iterate (100);
  g_assert_true (label_contains (page, "2 of 6 counties reported"));
  g_assert_true (label_contains (page, "常山县"));
  g_assert_true (label_contains (page, "已写备注"));
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

  g_test_add ("/Fuzhu/Window/dashboard-shows-figures", Fixture, NULL,
              fixture_setup, test_dashboard_shows_figures, fixture_teardown);

  g_test_add ("/Fuzhu/Window/reports-side-by-side", Fixture, NULL,
              fixture_setup, test_reports_side_by_side, fixture_teardown);

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
