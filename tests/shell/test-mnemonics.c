/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-mnemonics"

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <glib/gi18n.h>

#include "fuzhu.h"
#include "fz-application.h"
#include "fz-preferences-window.h"
#include "fz-shell-pages.h"
#include "fz-window.h"

/* Alt and a letter go to one control: two labels of a page with the same
 * underlined letter would make Alt+letter stop at the first and need
 * pressing again, which a user who cannot see the screen does not know.
 * Every page of the window, with every measure, and the preferences, each
 * in the language the test runs in (meson runs it in English and in
 * Chinese, where the letters are the English ones in brackets), each page
 * as it opens and again with the first record of its list chosen (a record
 * is added to each measure first). Each page must also fit the window's
 * first size beside the sidebar. */

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The mnemonic letters of the labels shown under @root: letter -> the
 * labels' texts, joined. */
static void
collect (GtkWidget  *root,
         GHashTable *letters)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_LABEL (root))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (root));

      if (keyval != GDK_KEY_VoidSymbol)
        {
          gpointer key = GUINT_TO_POINTER (gdk_keyval_to_lower (keyval));
          GString *texts = g_hash_table_lookup (letters, key);

          if (texts == NULL)
            g_hash_table_insert (letters, key, texts = g_string_new (NULL));
          g_string_append_printf (texts, "%s“%s”", texts->len ? ", " : "", gtk_label_get_label (GTK_LABEL (root)));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, letters);
}

static GtkWidget *
find_leaflet (GtkWidget *root)
{
  if (ADW_IS_LEAFLET (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_leaflet (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The page shown: the visible child of the window's page stack (the stack
 * inside the toast overlay). */
static GtkWidget *
visible_page (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && ADW_IS_TOAST_OVERLAY (gtk_widget_get_parent (root)))
    return gtk_stack_get_visible_child (GTK_STACK (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = visible_page (child);
      if (found)
        return found;
    }
  return NULL;
}

/* Chooses the first record of the first list shown in @root, as a click
 * would: selected and activated. FALSE when no list shows one. */
static gboolean
choose_first_record (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LIST_BOX (root))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (root), 0);

      if (row && gtk_list_box_row_get_selectable (row))
        {
          gtk_list_box_select_row (GTK_LIST_BOX (root), row);
          g_signal_emit_by_name (row, "activate");
          return TRUE;
        }
    }
  if (GTK_IS_LIST_VIEW (root) || GTK_IS_COLUMN_VIEW (root))
    {
      GtkSelectionModel *model = GTK_IS_LIST_VIEW (root) ? gtk_list_view_get_model (GTK_LIST_VIEW (root))
                                                         : gtk_column_view_get_model (GTK_COLUMN_VIEW (root));

      if (model && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
        {
          gtk_selection_model_select_item (model, 0, TRUE);
          g_signal_emit_by_name (root, "activate", 0);
          return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (choose_first_record (child))
      return TRUE;
  return FALSE;
}

/* Runs `fuzhu --database @db ARGS…`, which must succeed. */
static void
run_fuzhu (const char *db,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("fuzhu %s %s failed: %s", (char *) argv->pdata[3], (char *) argv->pdata[4], err);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Appends to @problems the letters two labels of @window share. */
static void
check_window (GtkWidget  *window,
              const char *where,
              GString    *problems)
{
  g_autoptr(GHashTable) letters = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  collect (window, letters);
  g_hash_table_iter_init (&iter, letters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GString *texts = value;

      n++;
      g_test_message ("  %s: Alt+%s %s", where, gdk_keyval_name (GPOINTER_TO_UINT (key)), texts->str);
      if (strstr (texts->str, "”, “"))
        g_string_append_printf (problems, "%s: Alt+%s is %s\n", where,
                                gdk_keyval_name (GPOINTER_TO_UINT (key)), texts->str);
    }
  g_test_message ("%s: %u mnemonics", where, n);
}

static void
test_unique (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-mnemonics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fuzhu.db", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(FzDatabase) db = fz_database_open (path, &error);
  g_autoptr(GSettings) settings = fz_settings_new_if_installed ();
  g_autoptr(FzContext) context = NULL;
  g_autoptr(FzPluginManager) manager = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  FzWindow *window;
  GtkWidget *preferences;
  guint shown = 0;

  g_assert_no_error (error);
  context = fz_context_new (db, settings, "tester");
  /* Persons, so that the pages show their lists rather than empty states. */
  g_assert_true (fz_demo_add_persons (fz_context_get_registry (context), 7, 200, NULL, &error));
  g_assert_no_error (error);
  /* A record in each measure, as staff would add them, so that choosing one
   * shows what a page shows only then. */
  {
    g_autoptr(GPtrArray) persons = fz_registry_list_persons (fz_context_get_registry (context), NULL, 0, 1, &error);
    const char *id;

    g_assert_no_error (error);
    id = fz_person_get_id_number (persons->pdata[0]);
    run_fuzhu (path, "blind-massage", "add", id, "--kind", "medical", "--qualification", "Q2020001",
               "--qualified", "2020-01-01", NULL);
    run_fuzhu (path, "blind-massage", "file", id, "--at", "康复按摩店", "--from", "2021-01-01", NULL);
    run_fuzhu (path, "gongfu-workshops", "add", "来料加工车间", "--county", "衢江区", "--host", "village",
               "--host-name", "上方村", NULL);
    run_fuzhu (path, "rural-bases", "add", "胡柚基地", "--county", "常山县", "--township", "天马街道",
               "--industry", "种植", "--founded", "2020-05-01", "--operator", "张三", NULL);
    run_fuzhu (path, "welfare-posts", "add-post", "--name", "保洁", "--kind", "其他助残公益性岗位",
               "--organization", "柯城区残联", "--county", "柯城区", "--places", "3", "--created", "2023-01-01", NULL);
    run_fuzhu (path, "skills-competitions", "add-competition", "第七届残疾人职业技能竞赛", "--level", "city",
               "--from", "2025-10-18", "--organizer", "衢州市残联", NULL);
    run_fuzhu (path, "skills-competitions", "add-event", "1", "盲人按摩", "--judges", "张明,李华,王芳", NULL);
  }
  manager = fz_plugin_manager_new (context);
  fz_plugin_manager_load_all (manager);
  window = fz_window_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);

  for (guint i = 0; i < fz_shell_n_builtin_pages (); i++)
    g_ptr_array_add (ids, (gpointer) fz_shell_get_builtin_page (i)->id);
  measures = fz_plugin_manager_list_measures (manager);
  for (guint i = 0; i < measures->len; i++)
    g_ptr_array_add (ids, (gpointer) fz_measure_get_info (measures->pdata[i])->id);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];

      if (!fz_window_show_page (window, id))
        continue;
      iterate (300);
      /* At the window's first size the page fits beside the sidebar: a page
       * too wide would fold the window to the sidebar alone. */
      if (adw_leaflet_get_folded (ADW_LEAFLET (find_leaflet (GTK_WIDGET (window)))))
        g_string_append_printf (problems, "%s: too wide for a window %d pixels wide beside the sidebar\n",
                                id, gtk_widget_get_width (GTK_WIDGET (window)));
      check_window (GTK_WIDGET (window), id, problems);
      shown++;
      /* Then with its first record chosen. */
      if (choose_first_record (visible_page (GTK_WIDGET (window))))
        {
          g_autofree char *where = g_strdup_printf ("%s, a record chosen", id);

          iterate (300);
          check_window (GTK_WIDGET (window), where, problems);
        }
    }
  /* The core pages and the five measures at least. */
  g_assert_cmpuint (shown, >=, 8);

  preferences = fz_preferences_window_new (manager);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  iterate (300);
  check_window (preferences, "preferences", problems);
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);

  if (problems->len)
    g_error ("Labels sharing a mnemonic (language %s):\n%s", g_getenv ("LANGUAGE"), problems->str);
  g_assert_cmpint (system (cleanup), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FUZHU_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (gdk_display_get_default () == NULL)
    return 77;
  /* Pages swap at once: a page going away is not still shown beside the next. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add_func ("/Fuzhu/Mnemonics/unique", test_unique);
  return g_test_run ();
}
