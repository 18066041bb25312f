/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-welfare-posts-page"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "welfare-posts-test.h"

/* The measure's page in a real GTK window (run under Xvfb), used the way
 * staff use it: typing into its fields and pressing its buttons. */

typedef struct {
  WpFixture  base;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

/* Runs the main loop until it is idle, and at least @ms milliseconds. */
static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  FzMeasure *measure;

  wp_fixture_setup (&f->base, data);
  measure = fz_plugin_entry_get_measure (fz_plugin_manager_find (f->base.manager, "welfare-posts"));
  f->page = fz_measure_create_page (measure, f->base.context);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (200);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (50);
  g_assert_null (f->page);
  wp_fixture_teardown (&f->base, data);
}

/* The first widget, depth first, for which @match holds. */
typedef gboolean (*Match) (GtkWidget *widget, const char *text);

static GtkWidget *
find (GtkWidget  *root,
      Match       match,
      const char *text)
{
  if (match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, text);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_status_titled (GtkWidget  *widget,
                  const char *title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_column_view (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_COLUMN_VIEW (widget) && gtk_widget_is_drawable (widget);
}

static gboolean
is_view_stack (GtkWidget  *widget,
               const char *unused)
{
  return ADW_IS_VIEW_STACK (widget);
}

static void
show_tab (Fixture    *f,
          const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (f->page, is_view_stack, NULL)), name);
  iterate (20);
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *widget = find (f->page, is_row_titled, title);

  if (widget == NULL)
    g_error ("No row titled “%s” is shown", title);
  return widget;
}

/* The text field of the row titled @title: a GtkEntry in an action row
 * (not an AdwEntryRow, whose focus GTK 4.8 does not tell a screen reader),
 * labelled by the title. */
static GtkWidget *
field (Fixture    *f,
       const char *title)
{
  GtkWidget *widget = row (f, title);
  GtkWidget *entry;

  g_assert_true (ADW_IS_ACTION_ROW (widget));
  g_assert_false (gtk_widget_get_focusable (widget));
  entry = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  return entry;
}

static void
type (Fixture    *f,
      const char *title,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (f, title)), text);
}

static void
press (Fixture    *f,
       const char *label)
{
  GtkWidget *button = find (f->page, is_button_labelled, label);

  if (button == NULL)
    g_error ("No button “%s” is shown", label);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate (20);
}

static guint
n_listed (Fixture *f)
{
  GtkWidget *view = find (f->page, is_column_view, NULL);

  g_assert_nonnull (view);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))));
}

static void
test_posts (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *problem;

  /* An empty catalogue says what to do. */
  g_assert_nonnull (find (f->page, is_status_titled, "No Posts"));

  type (f, "Post name", "残疾人之家就业驿站管理员");
  type (f, "Organization", "柯城区残疾人之家");
  type (f, "Places", "0");
  type (f, "Created", "2024-03-01");
  press (f, "_Add Post");

  /* The problem shows under the form and on its field, which has the focus. */
  problem = find (f->page, is_label_starting, "Places: ");
  g_assert_nonnull (problem);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (problem)), ==, GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_true (gtk_widget_has_css_class (field (f, "Places"), "error"));
  g_assert_true (gtk_widget_has_focus (field (f, "Places")) || gtk_widget_get_focus_child (field (f, "Places")) != NULL);
  g_assert_false (gtk_widget_has_css_class (field (f, "Post name"), "error"));
  g_assert_nonnull (find (f->page, is_status_titled, "No Posts"));

  /* Typing again clears it; a good post joins the list. */
  type (f, "Places", "2");
  g_assert_false (gtk_widget_has_css_class (field (f, "Places"), "error"));
  g_assert_null (find (f->page, is_label_starting, "Places: "));
  press (f, "_Add Post");
  g_assert_null (find (f->page, is_status_titled, "No Posts"));
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "Post name"))), ==, "");
  {
    gint64 n = 0;
    g_assert_true (fz_database_query_int64 (f->base.db, "SELECT count(*) FROM welfare_posts_post WHERE code = '330802-0001' "
                                            "AND kind = 'care' AND places = 2", NULL, &n, NULL, NULL));
    g_assert_cmpint (n, ==, 1);
  }
}

static void
test_recognise_and_place (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *post = wp_add_post (&f->base, "330802", 1, "2024-01-01");
  g_autofree char *person = wp_add_person (&f->base, "王芳", "330802", "19900101", FALSE, 4, 2, FZ_EMPLOYMENT_UNEMPLOYED, NULL);
  GtkWidget *found;

  /* The page was made before the post: it follows when told. */
  show_tab (f, "person");
  type (f, "Identity or certificate number", "330802");
  g_signal_emit_by_name (field (f, "Identity or certificate number"), "activate");
  iterate (50);
  g_assert_nonnull (find (f->page, is_label_starting, "Identity number: "));
  g_assert_true (gtk_widget_has_css_class (field (f, "Identity or certificate number"), "error"));

  type (f, "Identity or certificate number", person);
  g_signal_emit_by_name (field (f, "Identity or certificate number"), "activate");
  iterate (20);
  found = row (f, "王芳");
  g_assert_nonnull (found);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (f, "Working age"))), "aged "));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (f, "Unemployed"))), ==, "the registry says unemployed");

  /* The facts staff confirm are asked for. */
  type (f, "Date of recognition", "2025-01-10");
  type (f, "Basis", "柯人社〔2025〕2号");
  type (f, "Decided by", "柯城区人力社保局");
  press (f, "Recor_d Recognition");
  g_assert_nonnull (find (f->page, is_label_starting, "Able to work: "));
  g_assert_true (gtk_widget_has_css_class (row (f, "Able to work"), "error"));
  for (const char *const *title = (const char *const []) { "Able to work", "Willing to work",
                                                            "Not supported as extremely poor", NULL }; *title; title++)
    {
      GtkWidget *sw = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row (f, *title)));
      gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
    }
  press (f, "Recor_d Recognition");
  g_assert_null (find (f->page, is_label_starting, "Able to work: "));
  g_assert_nonnull (find (f->page, is_row_titled, "Recognition No. 1 of 2025-01-10"));

  /* Placed in the one place of the post. */
  type (f, "Start", "2025-02-01");
  press (f, "Place in Pos_t");
  g_assert_nonnull (find (f->page, is_label_starting, "330802-0001 残疾人之家就业驿站管理员"));
  {
    gint64 n = 0;
    g_assert_true (fz_database_query_int64 (f->base.db, "SELECT count(*) FROM welfare_posts_placement", NULL, &n, NULL, NULL));
    g_assert_cmpint (n, ==, 1);
  }
  /* Again: one post per person at a time. */
  press (f, "Place in Pos_t");
  g_assert_nonnull (find (f->page, is_label_starting, "Person: 王芳 holds a public-welfare post"));

  /* The placements tab lists it, and ends it. */
  show_tab (f, "placements");
  g_assert_cmpuint (n_listed (f), ==, 1);
  {
    GtkWidget *view = find (f->page, is_column_view, NULL);
    gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)), 0, TRUE);
    iterate (50);
  }
  type (f, "Last day", "2025-01-01");
  press (f, "_End Placement");
  g_assert_nonnull (find (f->page, is_label_starting, "End: 2025-01-01 is before the start"));
  type (f, "Last day", "2025-12-31");
  press (f, "_End Placement");
  {
    gint64 n = 0;
    g_assert_true (fz_database_query_int64 (f->base.db, "SELECT count(*) FROM welfare_posts_placement "
                                            "WHERE end_date = '2025-12-31'", NULL, &n, NULL, NULL));
    g_assert_cmpint (n, ==, 1);
  }
}

static void
test_income (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *person = wp_add_person (&f->base, "李华", "330803", "19850505", TRUE, 5, 3, FZ_EMPLOYMENT_EMPLOYED, "2022-03-15");

  show_tab (f, "income");
  type (f, "Identity or certificate number", person);
  type (f, "Month", "2025-03");
  type (f, "Income", "3100");
  g_signal_emit_by_name (field (f, "Income"), "activate");
  iterate (50);
  g_assert_nonnull (find (f->page, is_label_starting, "800.00 yuan"));
  g_assert_nonnull (find (f->page, is_label_starting, "2300.00 yuan"));
  g_assert_nonnull (find (f->page, is_label_starting, "Employed since the registry's employment date."));

  type (f, "Month", "March");
  press (f, "_Work Out");
  g_assert_nonnull (find (f->page, is_label_starting, "Month: “March” is not a month"));
  g_assert_true (gtk_widget_has_css_class (field (f, "Month"), "error"));

  /* The rules, editable from a day on. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "Months left out"))), ==, "36");
  type (f, "Shares counted while tapering", "0.5,0.5,0.5,0.5,0.5");
  type (f, "In force from", "2030-01-01");
  press (f, "_Save Rules");
  g_assert_nonnull (find (f->page, is_label_starting, "On 2030-01-01: taper-shares: 5 shares do not divide 12 months"));
  g_assert_true (gtk_widget_has_css_class (field (f, "Shares counted while tapering"), "error"));
  type (f, "Shares counted while tapering", "0.4,0.6");
  press (f, "_Save Rules");
  g_assert_null (find (f->page, is_label_starting, "On 2030-01-01"));
  {
    gint64 n = 0;
    g_assert_true (fz_database_query_int64 (f->base.db, "SELECT count(*) FROM welfare_posts_rule WHERE key = 'taper-shares' "
                                            "AND effective_from = '2030-01-01' AND value = '0.4,0.6'", NULL, &n, NULL, NULL));
    g_assert_cmpint (n, ==, 1);
  }
}

/* Every control the keyboard reaches has a name: a label, a title, or an
 * icon button's tooltip (its accessible label in the .ui). */
static void
check_named (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      gtk_widget_get_focusable (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
      gtk_button_get_child (GTK_BUTTON (widget)) != NULL && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) == NULL)
    {
      if (gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("An icon button has no name: %s", G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_named (child);
}

static void
test_named (Fixture       *f,
            gconstpointer  data)
{
  const char *tabs[] = { "posts", "person", "placements", "income" };

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      show_tab (f, tabs[i]);
      check_named (f->page);
    }
  /* The page fits beside the sidebar of a 1100-pixel window. */
  {
    int min = 0;
    gtk_widget_measure (f->page, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <, 800);
  }
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-welfare-posts-home-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  int status;

  /* The user's folders are private to this run, but not the system's, so
   * that GTK finds its icons (as tests/shell/test-window.c does). */
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

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/WelfarePosts/page/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("posts", test_posts);
  ADD ("recognise-and-place", test_recognise_and_place);
  ADD ("income", test_income);
  ADD ("named", test_named);
#undef ADD

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
