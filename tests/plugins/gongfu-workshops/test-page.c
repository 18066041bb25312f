/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gongfu-workshops"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "gw-test-util.h"

/* The measure's page in a real GTK window (run under Xvfb): made by the
 * loaded plugin as the main window makes it, and driven through its
 * widgets as a user would. */

typedef struct {
  GwFixture  gw;
  GtkWindow *window;
  GtkWidget *page;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static FzMeasure *
measure (Fixture *f)
{
  FzPluginEntry *entry = fz_plugin_manager_find (f->gw.manager, FZP_GONGFU_WORKSHOPS_OWNER);

  return fz_plugin_entry_get_measure (entry);
}

static void
show_page (Fixture *f)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->page = fz_measure_create_page (measure (f), f->gw.context);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  iterate (200);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gw_fixture_setup (&f->gw, data);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window)
    {
      g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
      gtk_window_destroy (f->window);
      iterate (50);
      g_assert_null (f->page);
    }
  gw_fixture_teardown (&f->gw, data);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type_name)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

static gboolean
is_entry_with_placeholder (GtkWidget     *widget,
                           gconstpointer  placeholder)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0;
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  part)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && gtk_widget_has_css_class (widget, "error") &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

static GtkWidget *
need (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  GtkWidget *found = find (root, match, data);

  if (found == NULL)
    g_error ("No widget for “%s”", (const char *) data);
  return found;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->gw.db, sql, NULL, &n, NULL, NULL));
  return n;
}

static void
choose_first_workshop (Fixture *f)
{
  GtkWidget *list = need (f->page, is_type, "GtkListView");
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  g_assert_true (gtk_selection_model_select_item (model, 0, TRUE));
  iterate (100);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  show_page (f);
  /* Nothing yet: the page says what to do, and offers to do it. */
  g_assert_nonnull (find (f->page, is_label, "No Workshops Yet"));
  g_assert_nonnull (find (f->page, is_label, "Choose a Workshop"));
  g_assert_true (gtk_widget_activate_action (f->page, "workshops.new", NULL));
  iterate (100);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    GtkWindow *dialog = NULL;

    for (GList *l = toplevels; l; l = l->next)
      if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "FzpGongfuWorkshopsWorkshopDialog"))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    g_assert_nonnull (find (GTK_WIDGET (dialog), is_label, "Workshop name"));
    /* Saving it empty tells why, at the field, and keeps it open. */
    g_signal_emit_by_name (need (GTK_WIDGET (dialog), is_button, "_Save"), "clicked");
    iterate (50);
    g_assert_nonnull (find (GTK_WIDGET (dialog), is_error_label, "Workshop name: write"));
    g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_workshop"), ==, 0);
    {
      GtkWidget *label = need (GTK_WIDGET (dialog), is_error_label, "Workshop name: write");
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
      GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

      /* The focus is back in the field, a GtkEntry in an action row (a screen
       * reader is not told of an AdwEntryRow's), which says what is wrong. */
      g_assert_nonnull (entry);
      g_assert_nonnull (gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW));
      gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           gtk_label_get_text (GTK_LABEL (label)));
      gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
      /* Typing clears it. */
      gtk_editable_set_text (GTK_EDITABLE (entry), "大俱源村共富工坊");
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID));
      g_assert_false (gtk_widget_has_css_class (entry, "error"));
      g_assert_false (gtk_widget_get_visible (label));
    }
    gtk_window_destroy (dialog);
    iterate (50);
  }
}

static void
test_workshop_and_workers (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *person;
  GtkWidget *column_view;
  gint64 a = gw_add_workshop (&f->gw, "大俱源村共富工坊", "330802", "2024-01-01");

  gw_join (&f->gw, a, 0, "2024-01-01");
  gw_join (&f->gw, a, 1, "2024-01-01");
  show_page (f);
  g_assert_null (find (f->page, is_label, "No Workshops Yet"));
  choose_first_workshop (f);
  g_assert_nonnull (find (f->page, is_label, "大俱源村共富工坊"));
  g_assert_nonnull (find (f->page, is_label, "Working now"));

  column_view = need (f->page, is_type, "GtkColumnView");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)))),
                    ==, 2);

  /* Someone joins from the registry, by identity number. */
  person = need (f->page, is_entry_with_placeholder, "Identity number, certificate number or name");
  gtk_editable_set_text (GTK_EDITABLE (person), fz_person_get_id_number (gw_person (&f->gw, 2)));
  g_signal_emit_by_name (person, "activate");
  iterate (100);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_spell"), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (person)), ==, "");
  column_view = need (f->page, is_type, "GtkColumnView");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)))),
                    ==, 3);

  /* Joining twice: the form says why, at the field, and writes nothing. */
  person = need (f->page, is_entry_with_placeholder, "Identity number, certificate number or name");
  gtk_editable_set_text (GTK_EDITABLE (person), fz_person_get_id_number (gw_person (&f->gw, 2)));
  g_signal_emit_by_name (person, "activate");
  iterate (100);
  g_assert_nonnull (find (f->page, is_error_label, "works at 大俱源村共富工坊"));
  g_assert_true (gtk_widget_has_css_class (person, "error"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_spell"), ==, 3);
  /* Typing again clears the complaint. */
  gtk_editable_set_text (GTK_EDITABLE (person), "x");
  g_assert_false (gtk_widget_has_css_class (person, "error"));
}

static void
test_month_form (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *form;
  GtkWidget *quantity;
  GtkWidget *amount;
  gint64 a = gw_add_workshop (&f->gw, "大俱源村共富工坊", "330802", "2024-01-01");

  gw_join (&f->gw, a, 0, "2024-01-01");
  gw_join (&f->gw, a, 1, "2024-01-01");
  show_page (f);
  choose_first_workshop (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (need (f->page, is_type, "AdwViewStack")), "pay");
  iterate (50);
  form = need (f->page, is_type, "FzpGongfuWorkshopsPayForm");

  /* The form opens on last month, one row per worker. */
  quantity = need (form, is_named, "pay-quantity-0");
  amount = need (form, is_named, "pay-amount-0");
  g_assert_nonnull (find (form, is_named, "pay-amount-1"));
  g_assert_null (find (form, is_named, "pay-amount-2"));

  /* A wrong row: shown at the entry, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (quantity), "abc");
  gtk_editable_set_text (GTK_EDITABLE (amount), "2100");
  g_assert_true (gtk_widget_activate_action (form, "pay.save", NULL));
  iterate (50);
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_nonnull (find (form, is_error_label, "is not a number"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay"), ==, 0);

  /* Enter in the last row's amount saves the month: one record, one left empty. */
  gtk_editable_set_text (GTK_EDITABLE (quantity), "1200");
  gtk_editable_set_text (GTK_EDITABLE (amount), "2,100.50");
  g_signal_emit_by_name (need (form, is_named, "pay-amount-1"), "activate");
  iterate (100);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay"), ==, 1);
  g_assert_cmpint (count (f, "SELECT amount FROM gongfu_workshops_pay"), ==, 210050);

  /* A month with no work for the second worker. */
  gtk_editable_set_text (GTK_EDITABLE (need (form, is_named, "pay-quantity-1")), "0");
  gtk_editable_set_text (GTK_EDITABLE (need (form, is_named, "pay-amount-1")), "0");
  g_assert_true (gtk_widget_activate_action (form, "pay.save", NULL));
  iterate (100);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay WHERE amount = 0"), ==, 1);
  g_assert_nonnull (find (form, is_label, "No work"));

  /* Choosing another workshop with the month half entered asks first; Cancel keeps it. */
  {
    gint64 b = gw_add_workshop (&f->gw, "乙车间", "330825", "2024-01-01");
    GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (need (f->page, is_type, "GtkListView")));
    GList *toplevels;
    AdwMessageDialog *dialog = NULL;

    g_assert_cmpint (b, >, 0);
    /* The new workshop appears when the list reloads: after a join elsewhere, say. */
    gw_join (&f->gw, b, 5, "2024-01-01");
    gtk_editable_set_text (GTK_EDITABLE (need (form, is_named, "pay-note-0")), "未保存");
    g_assert_true (gtk_widget_activate_action (f->page, "workshops.edit", NULL));
    iterate (50);
    for (GList *l = toplevels = gtk_window_list_toplevels (); l; l = l->next)
      if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "FzpGongfuWorkshopsWorkshopDialog"))
        {
          /* Saving the workshop unchanged reloads the list; the month's edits stay. */
          g_signal_emit_by_name (need (l->data, is_button, "_Save"), "clicked");
        }
    g_list_free (toplevels);
    iterate (100);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (need (form, is_named, "pay-note-0"))), ==, "未保存");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
    /* 乙车间 sorts after 大俱源村共富工坊 in 龙游县. */
    g_assert_true (gtk_selection_model_select_item (model, 1, TRUE));
    iterate (50);
    for (GList *l = toplevels = gtk_window_list_toplevels (); l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "cancel");
    iterate (50);
    g_assert_true (gtk_selection_model_is_selected (model, 0));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (need (form, is_named, "pay-note-0"))), ==, "未保存");
    gtk_editable_set_text (GTK_EDITABLE (need (form, is_named, "pay-note-0")), "");
  }

  /* Emptying a row clears its record. */
  gtk_editable_set_text (GTK_EDITABLE (need (form, is_named, "pay-quantity-0")), "");
  gtk_editable_set_text (GTK_EDITABLE (need (form, is_named, "pay-amount-0")), "");
  g_assert_true (gtk_widget_activate_action (form, "pay.save", NULL));
  iterate (100);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay"), ==, 1);
}

static void
set_entry (GtkWidget  *root,
           const char *placeholder,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (need (root, is_entry_with_placeholder, placeholder)), text);
}

static void
test_orders (Fixture       *f,
             gconstpointer  data)
{
  FzOrganization *company = g_ptr_array_index (f->gw.organizations, 1);

  gw_add_workshop (&f->gw, "大俱源村共富工坊", "330802", "2024-01-01");
  show_page (f);
  choose_first_workshop (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (need (f->page, is_type, "AdwViewStack")), "orders");
  iterate (50);
  g_assert_nonnull (find (f->page, is_label, "No Orders Yet"));

  /* A partner without an order. */
  set_entry (f->page, "Partner company: name or credit code", fz_organization_get_name (company));
  g_signal_emit_by_name (need (f->page, is_button, "Add as _Partner"), "clicked");
  iterate (50);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_partner"), ==, 1);

  /* An order that ends before it starts: said at the field, nothing saved. */
  set_entry (f->page, "Product", "藤编收纳篮");
  set_entry (f->page, "Pieces", "5000");
  set_entry (f->page, "Value in yuan", "25,000");
  set_entry (f->page, "From (2025-03-01)", "2024-06-01");
  set_entry (f->page, "To (2025-05-31)", "2024-05-31");
  g_signal_emit_by_name (need (f->page, is_button, "_Add Order"), "clicked");
  iterate (50);
  g_assert_nonnull (find (f->page, is_label, "Period: it ends before it starts"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_order"), ==, 0);

  set_entry (f->page, "To (2025-05-31)", "2024-08-31");
  g_signal_emit_by_name (need (f->page, is_button, "_Add Order"), "clicked");
  iterate (50);
  g_assert_cmpint (count (f, "SELECT value FROM gongfu_workshops_order"), ==, 2500000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (need (f->page, is_named, "orders-view"))))), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-gongfu-page-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  int status;

  /* Private user folders, but the system's icon themes: as test-window does,
   * not G_TEST_OPTION_ISOLATE_DIRS. */
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
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

#define ADD(name, func) \
  g_test_add ("/Fuzhu/Plugins/GongfuWorkshops/page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("empty", test_empty);
  ADD ("workshop-and-workers", test_workshop_and_workers);
  ADD ("month-form", test_month_form);
  ADD ("orders", test_orders);
#undef ADD

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
