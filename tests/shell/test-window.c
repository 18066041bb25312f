/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <epoxy/gl.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fuzhu.h"
#include "fz-application.h"
#include "fz-audit-page.h"
#include "fz-chart.h"
#include "fz-dashboard-page.h"
#include "fz-person-dialog.h"
#include "fz-preferences-window.h"
#include "fz-registry-page.h"
#include "fz-reports-page.h"
#include "fz-window.h"

/* The main window in a real GTK display (run under Xvfb). */

/* Given to the fixture for a database with accounts. */
static const int with_accounts = 1;

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
  g_settings_reset (settings, "lock-after-minutes");
  context = fz_context_new (db, settings, "tester");
  /* Operators' accounts, and nobody signed in: the window starts at sign-in. */
  if (data == &with_accounts)
    {
      g_assert_true (fz_access_create_account (context, "admin", NULL, "admin-pass-2025", FZ_ROLE_ADMINISTRATOR, NULL, &error));
      g_assert_true (fz_access_create_account (context, "kecheng", NULL, "kecheng-pass-2025",
                                               FZ_ROLE_COUNTY_STAFF, "330802", &error));
      g_assert_true (fz_access_create_account (context, "viewer", NULL, "viewer-pass-2025", FZ_ROLE_VIEWER, NULL, &error));
      g_assert_no_error (error);
      fz_access_sign_out (context);
    }
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
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
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

/* Under load, mapping can lag: wait (up to 10 s) for what a user would see. */
static gboolean
shows_label (GtkWidget  *root,
             const char *part)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!label_contains (root, part))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
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
  g_assert_true (shows_label (page, "3600"));
  g_assert_true (shows_label (page, "800"));
  g_assert_true (shows_label (page, "65.0%"));
  g_assert_true (shows_label (page, "Notes written"));

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
  g_assert_true (shows_label (page, "No County Reports Yet"));

  g_assert_true (fz_reports_page_import_file (FZ_REPORTS_PAGE (page), a, &error));
  g_assert_true (fz_reports_page_import_file (FZ_REPORTS_PAGE (page), b, &error));
  g_assert_no_error (error);
  iterate (100);
  g_assert_true (shows_label (page, "2 of 6 counties reported"));
  g_assert_true (shows_label (page, "常山县"));
  g_assert_true (shows_label (page, "已写备注"));
}

static void
test_registry_page (Fixture       *f,
                    gconstpointer  data)
{
  FzContext *context = fz_plugin_manager_get_context (f->manager);
  FzRegistry *registry = fz_context_get_registry (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) first = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  GListModel *model;
  GtkWidget *page;
  guint added = 0, n_all, n_two;
  char prefix[3] = "";

  g_assert_true (fz_window_show_page (f->window, "registry"));
  iterate (100);
  page = find_type (GTK_WIDGET (f->window), FZ_TYPE_REGISTRY_PAGE);
  g_assert_nonnull (page);
  /* Empty: the page offers to import or load the demo city. */
  g_assert_true (shows_label (page, "No Persons Yet"));

  g_assert_true (fz_demo_add_persons (registry, 7, 3000, &added, &error));
  g_assert_no_error (error);
  fz_registry_page_search (FZ_REGISTRY_PAGE (page), "");
  iterate (100);
  model = fz_registry_page_get_model (FZ_REGISTRY_PAGE (page));
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, ==, 3000);
  g_assert_true (shows_label (page, "3000 persons"));

  /* Search as you type by a partial name: its first two characters, then one. */
  first = g_list_model_get_item (model, 1234);
  g_utf8_strncpy (prefix, fz_person_get_name (first), 1);
  {
    g_autofree char *two = g_utf8_substring (fz_person_get_name (first), 0, 2);
    fz_registry_page_search (FZ_REGISTRY_PAGE (page), two);
    iterate (50);
    n_two = g_list_model_get_n_items (model);
    g_assert_cmpuint (n_two, >=, 1);
    g_assert_cmpuint (n_two, <, n_all);
    for (guint i = 0; i < n_two; i++)
      {
        g_autoptr(FzPerson) p = g_list_model_get_item (model, i);
        g_assert_nonnull (strstr (fz_person_get_name (p), two));
      }
  }
  {
    g_autofree char *one = g_utf8_substring (fz_person_get_name (first), 1, 2);
    fz_registry_page_search (FZ_REGISTRY_PAGE (page), one);
    iterate (50);
    g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  }
  /* By the beginning of the identity number. */
  {
    g_autofree char *id = g_strndup (fz_person_get_id_number (first), 14);
    gboolean found = FALSE;
    fz_registry_page_search (FZ_REGISTRY_PAGE (page), id);
    iterate (50);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(FzPerson) p = g_list_model_get_item (model, i);
        found |= g_str_equal (fz_person_get_id_number (p), fz_person_get_id_number (first));
      }
    g_assert_true (found);
  }
  fz_registry_page_search (FZ_REGISTRY_PAGE (page), "没有这个人");
  iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (shows_label (page, "No Matches"));

  /* A bad sheet: nothing imported, every problem listed. */
  g_assert_true (g_file_set_contents (bad, "姓名,身份证号,残疾证号\n张三,3.30802E+17,\n李四,440524188001010015,\n", -1, NULL));
  g_assert_false (fz_registry_page_import_file (FZ_REGISTRY_PAGE (page), bad));
  iterate (100);
  {
    guint n = 0;
    g_assert_true (fz_registry_count_persons (registry, NULL, &n, NULL));
    g_assert_cmpuint (n, ==, 3000);
  }
}

static void
test_person_form (Fixture       *f,
                  gconstpointer  data)
{
  FzRegistry *registry = fz_context_get_registry (fz_plugin_manager_get_context (f->manager));
  FzPersonDialog *dialog = fz_person_dialog_new (GTK_WINDOW (f->window), registry, NULL);
  g_autoptr(FzPerson) saved = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate (100);
  fz_person_dialog_set_text (dialog, "name", "王芳");
  fz_person_dialog_set_text (dialog, "id-number", "11010519491231002Y");
  g_assert_false (fz_person_dialog_save (dialog));
  /* The problem names the field, inline, and nothing was saved. */
  g_assert_nonnull (fz_person_dialog_get_problem (dialog));
  g_assert_true (g_str_has_prefix (fz_person_dialog_get_problem (dialog), "Identity number"));
  g_assert_null (fz_registry_find_person_by_id_number (registry, "11010519491231002X", NULL));

  /* Sex and birth date come from the number, shown before saving. */
  fz_person_dialog_set_text (dialog, "id-number", "11010519491231002X");
  fz_person_dialog_set_text (dialog, "cert-number", "11010519491231002X12");
  iterate (50);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "1949-12-31"));
  g_assert_true (fz_person_dialog_save (dialog));
  iterate (100);
  saved = fz_registry_find_person_by_id_number (registry, "11010519491231002X", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (fz_person_get_name (saved), ==, "王芳");
  g_assert_cmpuint (fz_person_get_category (saved), ==, 1);
  g_assert_cmpuint (fz_person_get_grade (saved), ==, 2);
  g_assert_cmpint (fz_person_get_sex (saved), ==, FZ_SEX_FEMALE);
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  FzRegistry *registry = fz_context_get_registry (fz_plugin_manager_get_context (f->manager));
  GtkWidget *demo;
  guint n = 0;

  /* An empty database opens on the welcome page. */
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "welcome");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Welcome to Fuzhu"));

  /* Trying the demo city fills the registry and opens it. */
  demo = find_button (GTK_WIDGET (f->window), "Try a _Demo City");
  g_assert_nonnull (demo);
  g_signal_emit_by_name (demo, "clicked");
  iterate (200);
  g_assert_true (fz_registry_count_persons (registry, NULL, &n, NULL));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "registry");
  g_assert_null (find_button (GTK_WIDGET (f->window), "Try a _Demo City"));
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

/* The hook bench/bench-city times start-up with: the real program draws its
 * window, says when its first frame was drawn, and quits by itself. */
/* Runs the real fuzhu on a new database with FUZHU_BENCH_FIRST_FRAME set
 * and GSK_RENDERER set to @renderer (NULL: unset); what it printed. */
static char *
run_first_frame (const char *renderer)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-first-frame-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzhu.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  const char *argv[] = { g_getenv ("FUZHU_EXE"), "--database", db, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "FUZHU_BENCH_FIRST_FRAME", "1", TRUE);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  envp = renderer ? g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE) : g_environ_unsetenv (envp, "GSK_RENDERER");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (out, "first-frame "));
  g_assert_cmpint (system (cmd), ==, 0);
  return out;
}

static void
test_bench_first_frame (void)
{
  gint64 before = g_get_monotonic_time ();
  g_autofree char *out = run_first_frame (g_getenv ("GSK_RENDERER"));
  gint64 drawn = g_ascii_strtoll (out + strlen ("first-frame "), NULL, 10);

  /* The same clock as ours: after we started it, before it was done. */
  g_assert_cmpint (drawn, >, before);
  g_assert_cmpint (drawn, <, g_get_monotonic_time ());
  /* Then the renderer that drew it. */
  g_assert_nonnull (strstr (out, " Gsk"));
}

/* The renderer the real fuzhu draws its first frame with, GSK_RENDERER set
 * to @forced or unset. */
static char *
first_frame_renderer (const char *forced)
{
  g_autofree char *out = run_first_frame (forced);
  const char *space = strchr (out + strlen ("first-frame "), ' ');

  g_assert_nonnull (space);
  return g_strstrip (g_strdup (space + 1));
}

/* Where OpenGL is a software rasteriser (as under Xvfb), fuzhu draws with
 * cairo; where it is a GPU's, with GL; GSK_RENDERER, when set, decides. */
static void
test_software_gl_draws_with_cairo (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *forced = NULL;
  g_autofree char *gl_renderer = NULL;
  const char *asked = g_getenv ("GSK_RENDERER");

  g_assert_true (fz_application_gl_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (fz_application_gl_is_software ("softpipe"));
  g_assert_false (fz_application_gl_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (fz_application_gl_is_software (NULL));

  /* Where the environment asks for a renderer (build-aux/sanitize asks for
   * cairo: Mesa's shader compiler deadlocks under ASan's unwinder), fuzhu
   * must keep it, and OpenGL is not touched here. */
  if (asked != NULL)
    {
      chosen = first_frame_renderer (asked);
      if (g_str_equal (asked, "cairo"))
        g_assert_cmpstr (chosen, ==, "GskCairoRenderer");
      g_test_message ("GSK_RENDERER=%s is set: its choice kept (%s); OpenGL not tried", asked, chosen);
      return;
    }
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    {
      g_test_skip ("No OpenGL on this display");
      return;
    }
  gdk_gl_context_make_current (context);
  gl_renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  g_test_message ("OpenGL here: %s", gl_renderer);

  chosen = first_frame_renderer (NULL);
  g_assert_cmpstr (chosen, ==, fz_application_gl_is_software (gl_renderer) ? "GskCairoRenderer" : "GskGLRenderer");
  forced = first_frame_renderer ("gl");
  g_assert_cmpstr (forced, ==, "GskGLRenderer");
}

/* Operators */

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *field = find_named (root, name);

  g_assert_true (GTK_IS_EDITABLE (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
press (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = find_named (root, name);

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  /* "clicked" itself: activating a button clicks it only after an animation. */
  g_signal_emit_by_name (button, "clicked");
  iterate (100);
}

static gboolean
sign_in_shown (Fixture *f)
{
  GtkWidget *name = find_named (GTK_WIDGET (f->window), "fz-sign-in-password");

  return name && gtk_widget_get_mapped (name);
}

static void
sign_in_through_window (Fixture    *f,
                        const char *name,
                        const char *password)
{
  set_text (GTK_WIDGET (f->window), "fz-sign-in-name", name);
  set_text (GTK_WIDGET (f->window), "fz-sign-in-password", password);
  press (GTK_WIDGET (f->window), "fz-sign-in-accept");
}

static gint64
audit_count (Fixture    *f,
             const char *where)
{
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (f->manager));
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM fz_audit WHERE ", where, NULL);
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (db, sql, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_sign_in_lock_sign_out (Fixture       *f,
                            gconstpointer  data)
{
  FzContext *context = fz_plugin_manager_get_context (f->manager);
  GtkWidget *error_label;
  GtkWidget *page;

  /* Nothing shows before signing in. */
  g_assert_true (sign_in_shown (f));
  g_assert_null (find_label (find_sidebar (f->window), "Dashboard"));
  g_assert_false (fz_window_is_locked (f->window));

  /* A wrong password says so, and lets nobody in. */
  sign_in_through_window (f, "kecheng", "not-the-password");
  error_label = find_named (GTK_WIDGET (f->window), "fz-sign-in-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "password is wrong"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (f->window), "fz-sign-in-password"))), ==, "");
  g_assert_true (sign_in_shown (f));

  sign_in_through_window (f, "kecheng", "kecheng-pass-2025");
  g_assert_false (sign_in_shown (f));
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_COUNTY_STAFF);
  g_assert_nonnull (find_label (find_sidebar (f->window), "Dashboard"));
  /* County staff read their county's audit trail. */
  g_assert_nonnull (find_label (find_sidebar (f->window), "Audit Trail"));

  /* A note written in the window is the signed-in operator's, from the window. */
  g_assert_true (fz_window_show_page (f->window, "template"));
  iterate (100);
  page = gtk_widget_get_ancestor (find_label (GTK_WIDGET (f->window), "New Note"), ADW_TYPE_BIN);
  g_assert_nonnull (page);
  gtk_editable_set_text (GTK_EDITABLE (find_type (page, GTK_TYPE_ENTRY)), "窗口里写的备注");
  g_signal_emit_by_name (find_button_labelled (page, "_Add Note"), "clicked");
  iterate (100);
  g_assert_cmpint (audit_count (f, "table_name = 'template_note' AND action = 'insert' AND operator = 'kecheng' "
                                   "AND client = 'window' AND county_code = '330802' "
                                   "AND json_extract(new_values, '$.body') = '窗口里写的备注'"), ==, 1);

  /* Locked, the pages hide and wait for the password. */
  fz_window_lock (f->window);
  iterate (100);
  g_assert_true (fz_window_is_locked (f->window));
  g_assert_true (sign_in_shown (f));
  g_assert_false (gtk_widget_is_visible (find_named (GTK_WIDGET (f->window), "fz-sign-in-name")));
  set_text (GTK_WIDGET (f->window), "fz-sign-in-password", "kecheng-pass-2025");
  press (GTK_WIDGET (f->window), "fz-sign-in-accept");
  g_assert_false (fz_window_is_locked (f->window));
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "template");
  g_assert_cmpint (audit_count (f, "action = 'lock' AND operator = 'kecheng'"), ==, 1);
  g_assert_cmpint (audit_count (f, "action = 'unlock' AND operator = 'kecheng'"), ==, 1);

  /* Idle for longer than the setting says: locked (the time is given, not waited for). */
  g_settings_set_int (fz_context_get_settings (context), "lock-after-minutes", 5);
  fz_window_check_idle (f->window, g_get_monotonic_time () + 4 * 60 * G_USEC_PER_SEC);
  g_assert_false (fz_window_is_locked (f->window));
  fz_window_check_idle (f->window, g_get_monotonic_time () + 6 * 60 * G_USEC_PER_SEC);
  g_assert_true (fz_window_is_locked (f->window));
  /* Signing out from the locked window: the pages go with the operator. */
  press (GTK_WIDGET (f->window), "fz-sign-in-switch");
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_NONE);
  g_assert_true (sign_in_shown (f));
  g_assert_true (gtk_widget_is_visible (find_named (GTK_WIDGET (f->window), "fz-sign-in-name")));
  g_assert_null (find_label (find_sidebar (f->window), "Dashboard"));
  g_assert_null (find_type (GTK_WIDGET (f->window), FZ_TYPE_DASHBOARD_PAGE));

  /* A viewer sees no audit trail, and cannot switch plugins. */
  sign_in_through_window (f, "viewer", "viewer-pass-2025");
  g_assert_nonnull (find_label (find_sidebar (f->window), "Dashboard"));
  g_assert_null (find_label (find_sidebar (f->window), "Audit Trail"));
  {
    GtkWidget *prefs = fz_preferences_window_new (f->manager);
    GtkWidget *row;

    gtk_window_present (GTK_WINDOW (prefs));
    iterate (200);
    row = gtk_widget_get_ancestor (find_label (prefs, "Template measure"), ADW_TYPE_ACTION_ROW);
    g_assert_false (gtk_widget_get_sensitive (find_type (row, GTK_TYPE_SWITCH)));
    g_assert_null (find_named (prefs, "fz-add-account"));
    gtk_window_destroy (GTK_WINDOW (prefs));
    iterate (50);
  }
  fz_window_sign_out (f->window);
}

static void
test_audit_page (Fixture       *f,
                 gconstpointer  data)
{
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (f->manager));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "audit.xlsx", NULL);
  GtkWidget *page;
  GtkWidget *status;
  GStatBuf st;

  sign_in_through_window (f, "admin", "admin-pass-2025");
  g_assert_true (fz_database_execute (db, "INSERT INTO template_note (body, county_code) VALUES ('审计', '330881')",
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_window_show_page (f->window, "audit"));
  iterate (200);
  page = find_type (GTK_WIDGET (f->window), FZ_TYPE_AUDIT_PAGE);
  g_assert_nonnull (page);
  g_assert_nonnull (find_type (page, GTK_TYPE_COLUMN_VIEW));
  status = find_named (page, "fz-audit-status");

  /* Searched by table and operator, and exported. */
  g_assert_true (select_in_dropdowns (page, "template_note"));
  set_text (page, "fz-audit-operator", "admin");
  press (page, "fz-audit-search");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "1 entry");
  set_text (page, "fz-audit-since", "1.5.2025");
  press (page, "fz-audit-search");
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  set_text (page, "fz-audit-since", "");
  press (page, "fz-audit-search");
  g_assert_true (fz_audit_page_export (FZ_AUDIT_PAGE (page), path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (audit_count (f, "action = 'export' AND table_name = 'fz_audit' AND operator = 'admin' "
                                   "AND client = 'window' AND json_extract(new_values, '$.rows') = 1"), ==, 1);
}

/* A target is typed in a field and saved with Enter or the row's button;
 * one that is no number is refused at the field, which says why. */
static void
test_targets_form (Fixture       *f,
                   gconstpointer  data)
{
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (f->manager));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(FzPlan) plan = fz_plan_for_year (db, g_date_time_get_year (now), NULL);
  g_autoptr(GPtrArray) kinds = fz_target_list_kinds (db, NULL);
  GtkWidget *prefs = fz_preferences_window_new (f->manager);
  GtkWidget *entry, *row, *save, *focus;
  const char *key;
  double value = 0, value_before = 0;
  gboolean found = FALSE, found_before = FALSE;

  g_assert_nonnull (plan);
  g_assert_nonnull (kinds);
  key = ((FzTargetInfo *) g_ptr_array_index (kinds, 0))->key;
  fz_target_get (db, plan->id, key, FZ_CITY_CODE, &value_before, &found_before, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "fz-targets-page");
  iterate (200);

  /* The first field is the city's target of the first kind: a GtkEntry in
   * an action row that is no Tab stop of its own. */
  entry = find_type (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs))),
                     GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  row = gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_focusable (row));
  save = find_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_visible (save));
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Leave empty for no target");

  /* Not a number: refused at the field, which keeps the focus. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "三千");
  g_assert_true (gtk_widget_get_visible (save));
  g_signal_emit_by_name (entry, "activate");
  iterate (50);
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "“三千” is not a number of zero or more");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  focus = gtk_root_get_focus (GTK_ROOT (prefs));
  g_assert_true (focus && gtk_widget_is_ancestor (focus, entry));
  fz_target_get (db, plan->id, key, FZ_CITY_CODE, &value, &found, NULL);
  g_assert_true (found == found_before && value == value_before);

  /* A number, saved with the button: the problem and the button go. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "140");
  g_signal_emit_by_name (save, "clicked");
  iterate (50);
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Leave empty for no target");
  g_assert_false (gtk_widget_get_visible (save));
  fz_target_get (db, plan->id, key, FZ_CITY_CODE, &value, &found, NULL);
  g_assert_true (found);
  g_assert_cmpfloat (value, ==, 140);

  /* Emptied and saved with Enter: no target. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");
  iterate (50);
  fz_target_get (db, plan->id, key, FZ_CITY_CODE, &value, &found, NULL);
  g_assert_false (found);

  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate (50);
}

/* A document's parameters are asked for in fields a screen reader is told
 * of, and Enter in one gives the dialog's default response. */
static void
test_print_parameters (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;
  GtkWidget *entry, *row, *go;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-document", "s", "annual-report"));
  iterate (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);

  entry = find_type (dialog, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  row = gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_focusable (row));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == entry);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Year");
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (entry))), ==, 4);
  g_assert_true (gtk_entry_get_activates_default (GTK_ENTRY (entry)));
  go = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_BUTTON (go));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (go)), ==, "_Export");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  iterate (50);
}

/* Single-user mode, then Preferences makes the first administrator. */
static void
test_first_administrator (Fixture       *f,
                          gconstpointer  data)
{
  FzContext *context = fz_plugin_manager_get_context (f->manager);
  GtkWidget *prefs = fz_preferences_window_new (f->manager);
  GtkWidget *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (fz_context_is_single_user (context));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "fz-accounts-page");
  iterate (200);
  g_assert_true (label_contains (prefs, "Single-user mode"));
  press (prefs, "fz-create-administrator");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (find_named (window, "fz-account-name"))
        dialog = window;
    }
  g_assert_nonnull (dialog);

  /* Passwords that differ, or too short, are said so in the dialog. */
  set_text (dialog, "fz-account-name", "boss");
  set_text (dialog, "fz-account-password", "boss-pass-2025");
  set_text (dialog, "fz-account-repeat", "boss-pass-2026");
  press (dialog, "fz-account-accept");
  g_assert_true (gtk_widget_get_visible (find_named (dialog, "fz-account-error")));
  g_assert_true (fz_context_is_single_user (context));
  set_text (dialog, "fz-account-password", "boss");
  set_text (dialog, "fz-account-repeat", "boss");
  press (dialog, "fz-account-accept");
  g_assert_true (label_contains (dialog, "at least 8 characters"));

  set_text (dialog, "fz-account-password", "boss-pass-2025");
  set_text (dialog, "fz-account-repeat", "boss-pass-2025");
  press (dialog, "fz-account-accept");
  iterate (100);
  g_assert_false (fz_context_is_single_user (context));
  g_assert_cmpstr (fz_context_get_operator (context), ==, "boss");
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_ADMINISTRATOR);
  /* The window says who is signed in; Preferences lists the account. */
  g_assert_true (label_contains (GTK_WIDGET (f->window), "boss · Administrator"));
  g_assert_true (label_contains (prefs, "Signed in as boss"));
  g_assert_nonnull (find_named (prefs, "fz-add-account"));
  g_assert_false (fz_window_is_locked (f->window));

  /* Locking closes Preferences: nothing of the operator's stays open. */
  {
    GtkWidget *watched = prefs;

    g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &watched);
    fz_window_lock (f->window);
    iterate (100);
    g_assert_true (fz_window_is_locked (f->window));
    g_assert_null (watched);
  }
}

/* A measure that loads but cannot build its page is turned off with its
 * reason, and the window goes on. */
static void
test_page_that_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-broken-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fuzhu.db", NULL);
  g_autofree char *plugins = g_test_build_filename (G_TEST_BUILT, "plugins", "fixtures", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  const char *paths[] = { plugins, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = fz_database_open (path, &error);
  g_autoptr(FzContext) context = NULL;
  g_autoptr(FzPluginManager) manager = NULL;
  FzPluginEntry *entry;
  FzWindow *window;

  g_assert_no_error (error);
  context = fz_context_new (db, NULL, "tester");
  manager = fz_plugin_manager_new_for_paths (context, paths);
  fz_plugin_manager_load_all (manager);
  entry = fz_plugin_manager_find (manager, "broken-page");
  g_assert_nonnull (entry);
  g_assert_cmpint (fz_plugin_entry_get_state (entry), ==, FZ_PLUGIN_STATE_LOADED);

  window = fz_window_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (window));
  iterate (100);
  g_assert_nonnull (find_label (find_sidebar (window), "Broken page"));
  g_assert_true (fz_window_show_page (window, "broken-page"));
  iterate (200);

  g_assert_cmpint (fz_plugin_entry_get_state (entry), ==, FZ_PLUGIN_STATE_FAILED);
  g_assert_nonnull (strstr (fz_plugin_entry_get_reason (entry), "page"));
  g_assert_null (find_label (find_sidebar (window), "Broken page"));
  g_assert_cmpstr (fz_window_get_page (window), ==, "dashboard");
  g_assert_nonnull (find_label (find_sidebar (window), "Registry"));
  g_assert_true (fz_window_show_page (window, "registry"));
  iterate (50);
  g_assert_cmpstr (fz_window_get_page (window), ==, "registry");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
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
  /* Pages swap at once: what a test looks at is what is shown. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

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

  g_test_add ("/Fuzhu/Window/registry-page", Fixture, NULL,
              fixture_setup, test_registry_page, fixture_teardown);
  g_test_add ("/Fuzhu/Window/person-form", Fixture, NULL,
              fixture_setup, test_person_form, fixture_teardown);

  g_test_add ("/Fuzhu/Window/welcome", Fixture, NULL, fixture_setup, test_welcome, fixture_teardown);
  g_test_add_func ("/Fuzhu/Window/backup-on-quit", test_backup_on_quit);
  g_test_add_func ("/Fuzhu/Window/bench-first-frame", test_bench_first_frame);
  g_test_add_func ("/Fuzhu/Window/software-gl-draws-with-cairo", test_software_gl_draws_with_cairo);
  g_test_add_func ("/Fuzhu/Window/page-that-fails", test_page_that_fails);
  g_test_add ("/Fuzhu/Window/sign-in-lock-sign-out", Fixture, &with_accounts,
              fixture_setup, test_sign_in_lock_sign_out, fixture_teardown);
  g_test_add ("/Fuzhu/Window/audit-page", Fixture, &with_accounts,
              fixture_setup, test_audit_page, fixture_teardown);
  g_test_add ("/Fuzhu/Window/first-administrator", Fixture, NULL,
              fixture_setup, test_first_administrator, fixture_teardown);
  g_test_add ("/Fuzhu/Window/targets-form", Fixture, NULL,
              fixture_setup, test_targets_form, fixture_teardown);
  g_test_add ("/Fuzhu/Window/print-parameters", Fixture, NULL,
              fixture_setup, test_print_parameters, fixture_teardown);

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
