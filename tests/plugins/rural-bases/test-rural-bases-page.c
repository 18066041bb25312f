/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rural-bases-page"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "fuzhu.h"

/* The measure's page in a real window (run under Xvfb), driven through its
 * widgets as a user would: the list, the forms and what they say. */

typedef struct {
  char            *dir;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
  GtkWidget       *window;
  GtkWidget       *page;
  char            *id_number;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
child (GtkWidget  *widget,
       const char *type_name,
       const char *name)
{
  GType type = g_type_from_name (type_name);
  GObject *found;

  g_assert_true (type != G_TYPE_INVALID);
  found = gtk_widget_get_template_child (widget, type, name);
  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return child (f->page, "FzpRuralBasesPage", name);
}

static GtkWidget *
base_view_child (Fixture    *f,
                 const char *name)
{
  return child (page_child (f, "base_view"), "FzpRuralBasesBaseView", name);
}

/* The text field @name of @widget's template: a GtkEntry in an action row
 * (not an AdwEntryRow, whose focus GTK 4.8 does not tell a screen reader)
 * that is no Tab stop of its own, the entry being labelled by its title. */
static GtkWidget *
field (GtkWidget  *widget,
       const char *type_name,
       const char *name)
{
  g_autofree char *id = g_strconcat (name, "_entry", NULL);
  GtkWidget *entry = child (widget, type_name, id);
  GtkWidget *row = gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW);

  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_focusable (row));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == entry);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, "");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  return entry;
}

static GtkWidget *
base_view_field (Fixture    *f,
                 const char *name)
{
  return field (page_child (f, "base_view"), "FzpRuralBasesBaseView", name);
}

static void
add_person (Fixture *f)
{
  g_autoptr(FzPerson) p = fz_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = NULL;

  f->id_number = g_strdup ("330881198501110010");
  f->id_number[17] = fz_identity_check_character (f->id_number);
  cert = g_strconcat (f->id_number, "42", NULL);
  fz_person_set_name (p, "王一");
  fz_person_set_id_number (p, f->id_number);
  fz_person_set_cert_number (p, cert);
  fz_person_set_county_code (p, "330881");
  g_assert_true (fz_registry_add_person (fz_context_get_registry (f->context), p, &error));
  g_assert_no_error (error);
}

static void
open_page (Fixture *f)
{
  FzPluginEntry *entry = fz_plugin_manager_find (f->manager, "rural-bases");

  g_assert_nonnull (entry);
  g_assert_nonnull (fz_plugin_entry_get_measure (entry));
  f->page = fz_measure_create_page (fz_plugin_entry_get_measure (entry), f->context);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (200);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *paths[] = { g_getenv ("FUZHU_PLUGIN_PATH"), NULL };

  f->dir = g_dir_make_tmp ("fuzhu-rural-bases-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
  add_person (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (50);
  /* The page went with its window. */
  g_assert_null (f->page);
  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->id_number);
  g_free (f->dir);
}

static guint
n_rows (GtkWidget *column_view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view))));
}

static void
set_text (GtkWidget  *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate (50);
}

/* Every button says what it does, every field and list has a name a screen
 * reader can read, and nothing is out of reach of the keyboard. */
static void
assert_named (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL
      && gtk_widget_get_visible (widget) && gtk_button_get_child (GTK_BUTTON (widget)) == NULL)
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      if (label == NULL || *label == '\0')
        g_error ("A button without a label in %s", G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  /* GTK 4.8 does not tell a screen reader when an AdwEntryRow has the focus. */
  g_assert_false (ADW_IS_ENTRY_ROW (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), !=, "");
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    assert_named (c);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  open_page (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (page_child (f, "base_view"))))),
                   ==, "none");
  assert_named (f->page);
}

static void
test_add_base_and_people (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FzPerson) person = NULL;
  GtkWidget *bases_view;
  GtkWidget *dialog = NULL;
  GtkWidget *error_label;
  GtkWidget *person_entry;

  open_page (f);
  bases_view = page_child (f, "bases_view");

  /* Ctrl+N opens the form for a new base. */
  g_assert_true (gtk_widget_activate_action (f->page, "rural-bases.new-base", NULL));
  iterate (100);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (gtk_window_get_toplevels (), i);
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "FzpRuralBasesBaseDialog"))
        dialog = GTK_WIDGET (w);
    }
  g_assert_nonnull (dialog);
  assert_named (dialog);

  /* Saving without a township says so above the form and marks the field. */
  set_text (field (dialog, "FzpRuralBasesBaseDialog", "name"), "贺村茶园基地");
  set_text (field (dialog, "FzpRuralBasesBaseDialog", "operator"), "徐大明");
  set_text (field (dialog, "FzpRuralBasesBaseDialog", "founded"), "2022-03-01");
  click (child (dialog, "FzpRuralBasesBaseDialog", "save_button"));
  error_label = child (dialog, "FzpRuralBasesBaseDialog", "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Township"));
  g_assert_true (gtk_widget_has_css_class (field (dialog, "FzpRuralBasesBaseDialog", "township"), "error"));
  g_assert_cmpuint (n_rows (bases_view), ==, 0);

  set_text (field (dialog, "FzpRuralBasesBaseDialog", "township"), "贺村镇");
  click (child (dialog, "FzpRuralBasesBaseDialog", "save_button"));
  iterate (100);
  g_assert_cmpuint (n_rows (bases_view), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))), ==, "list");

  /* The new base is chosen and shown beside the list. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (base_view_child (f, "title_label"))), ==, "贺村茶园基地");
  g_assert_false (gtk_widget_get_sensitive (base_view_child (f, "certificate_button")));
  assert_named (f->page);

  /* Employing someone the registry does not know: said under the form. */
  person_entry = base_view_field (f, "emp_person");
  set_text (person_entry, "李四");
  set_text (base_view_field (f, "emp_from"), "2024-01-01");
  set_text (base_view_field (f, "emp_income"), "2300");
  click (base_view_child (f, "employ_button"));
  g_assert_true (gtk_widget_get_visible (base_view_child (f, "emp_error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (base_view_child (f, "emp_error"))), "李四"));
  g_assert_true (gtk_widget_has_css_class (person_entry, "error"));
  g_assert_cmpuint (n_rows (base_view_child (f, "employed_view")), ==, 0);

  /* By identity number it works, and the registry learns the person works. */
  set_text (person_entry, f->id_number);
  click (base_view_child (f, "employ_button"));
  g_assert_false (gtk_widget_get_visible (base_view_child (f, "emp_error")));
  g_assert_false (gtk_widget_has_css_class (person_entry, "error"));
  g_assert_cmpuint (n_rows (base_view_child (f, "employed_view")), ==, 1);
  person = fz_registry_find_person_by_id_number (fz_context_get_registry (f->context), f->id_number, NULL);
  g_assert_cmpint (fz_person_get_employment_status (person), ==, FZ_EMPLOYMENT_EMPLOYED);

  /* The same person cannot be helped while employed there. */
  set_text (base_view_field (f, "help_person"), "王一");
  set_text (base_view_field (f, "help_from"), "2024-06-01");
  click (base_view_child (f, "help_button"));
  g_assert_true (gtk_widget_get_visible (base_view_child (f, "help_error")));
  g_assert_cmpuint (n_rows (base_view_child (f, "helped_view")), ==, 0);

  /* Recognition: checked first, refused without an exception, recorded with one. */
  set_text (base_view_field (f, "rec_date"), "2025-06-01");
  click (base_view_child (f, "check_button"));
  g_assert_true (gtk_widget_get_visible (base_view_child (f, "rec_check_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (base_view_child (f, "rec_check_label"))),
                            "Does not meet the standard"));
  click (base_view_child (f, "recognize_button"));
  g_assert_true (gtk_widget_get_visible (base_view_child (f, "rec_error")));
  /* Where to act next has the focus: the reason for an exception. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    GtkWidget *exception = base_view_field (f, "rec_exception");

    g_assert_true (focus == exception || gtk_widget_is_ancestor (focus, exception));
  }
  g_assert_cmpuint (n_rows (base_view_child (f, "recognitions_view")), ==, 0);
  set_text (base_view_field (f, "rec_exception"), "县残工委会议决定");
  click (base_view_child (f, "recognize_button"));
  g_assert_cmpuint (n_rows (base_view_child (f, "recognitions_view")), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (base_view_child (f, "certificate_button")));

  /* The yearly assessment from the records. */
  set_text (base_view_field (f, "assess_year"), "2024");
  iterate (50);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (base_view_child (f, "assess_figures_label"))),
                            "1 employed for 12 months"));
  click (base_view_child (f, "assess_button"));
  g_assert_cmpuint (n_rows (base_view_child (f, "assessments_view")), ==, 1);

  /* The list shows what changed. */
  g_assert_cmpuint (n_rows (bases_view), ==, 1);
}

static void
test_other_views (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *views;
  GtkWidget *standards;
  GtkWidget *training;

  open_page (f);
  views = page_child (f, "views");

  /* Each view is reached and reads its data when shown. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "standards");
  iterate (100);
  standards = page_child (f, "standards_view");
  g_assert_cmpuint (n_rows (child (standards, "FzpRuralBasesStandardsView", "criteria_view")), ==, 4);
  /* The form starts from the county standard in force. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (standards, "FzpRuralBasesStandardsView",
                                                                      "employed"))), ==, "3");
  set_text (field (standards, "FzpRuralBasesStandardsView", "from"), "2026-01-01");
  set_text (field (standards, "FzpRuralBasesStandardsView", "employed"), "five");
  click (child (standards, "FzpRuralBasesStandardsView", "criterion_button"));
  g_assert_true (gtk_widget_get_visible (child (standards, "FzpRuralBasesStandardsView", "criterion_error")));
  g_assert_true (gtk_widget_has_css_class (field (standards, "FzpRuralBasesStandardsView", "employed"), "error"));
  set_text (field (standards, "FzpRuralBasesStandardsView", "employed"), "5");
  click (child (standards, "FzpRuralBasesStandardsView", "criterion_button"));
  g_assert_cmpuint (n_rows (child (standards, "FzpRuralBasesStandardsView", "criteria_view")), ==, 5);
  assert_named (standards);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "training");
  iterate (100);
  training = page_child (f, "training_view");
  set_text (field (training, "FzpRuralBasesTrainingView", "date"), "2025-03-01");
  set_text (field (training, "FzpRuralBasesTrainingView", "topic"), "农村电商直播");
  set_text (field (training, "FzpRuralBasesTrainingView", "hours"), "3");
  set_text (field (training, "FzpRuralBasesTrainingView", "attendees"), f->id_number);
  click (child (training, "FzpRuralBasesTrainingView", "add_button"));
  g_assert_false (gtk_widget_get_visible (child (training, "FzpRuralBasesTrainingView", "add_error")));
  g_assert_cmpuint (n_rows (child (training, "FzpRuralBasesTrainingView", "sessions_view")), ==, 1);
  assert_named (training);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "homestays");
  iterate (100);
  assert_named (page_child (f, "homestays_view"));
  g_assert_true (gtk_widget_get_visible (child (page_child (f, "homestays_view"), "FzpRuralBasesHomestaysView",
                                                "homestays_empty")));
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-rural-bases-home-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  int status;

  /* Private user folders, but the system's icons (see test-window.c). */
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

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/RuralBases/page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("empty", test_empty);
  ADD ("add-base-and-people", test_add_base_and_people);
  ADD ("other-views", test_other_views);
#undef ADD

  status = g_test_run ();
  g_assert_cmpint (system (cleanup), ==, 0);
  return status;
}
