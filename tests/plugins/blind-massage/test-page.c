/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage-page"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "blind-massage-test.h"
#include "fzp-blind-massage-store.h"

/* The measure's page in a real GTK window (run under Xvfb): what staff
 * type and click, and what the page tells them and a screen reader. */

typedef struct {
  BmFixture  base;
  GtkWindow *window;
  GtkWidget *page;
  char      *wang;
  char      *zhang;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
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
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = find_named (f->page, name);

  if (widget == NULL)
    g_error ("The page has no widget named %s", name);
  return widget;
}

static void
type (Fixture    *f,
      const char *name,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (f, name)), text);
  iterate (20);
}

static void
click (Fixture    *f,
       const char *name)
{
  g_signal_emit_by_name (named (f, name), "clicked");
  iterate (50);
}

static void
show_view (Fixture    *f,
           const char *view)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (named (f, "bm-stack")), view);
  iterate (100);
}

static guint
n_rows (Fixture    *f,
        const char *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (named (f, list)))));
}

static void
select_row (Fixture    *f,
            const char *list,
            guint       position)
{
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (named (f, list)));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), position);
  iterate (50);
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  GtkWidget *label = named (f, name);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bm_fixture_setup (&f->base, data);
  f->wang = g_strdup (bm_add_person (f->base.context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  f->zhang = g_strdup (bm_add_person (f->base.context, "张伟", "330822", "19900909", 3, FZ_CATEGORY_PHYSICAL));
  f->page = fz_measure_create_page (bm_fixture_measure (&f->base), f->base.context);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  iterate (200);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate (50);
  /* The page is gone with its window, and lets go of the context. */
  g_assert_null (f->page);
  g_free (f->wang);
  g_free (f->zhang);
  bm_fixture_teardown (&f->base, data);
}

static void
test_add_practitioner (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *number = named (f, "bm-add-number");
  GtkStack *stack = NULL;
  const char *said;

  /* Nobody yet: the list says what to do. */
  stack = GTK_STACK (gtk_widget_get_ancestor (named (f, "bm-practitioners"), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* A wrong number is told as soon as it is whole, on the field itself. */
  type (f, "bm-add-number", "330802198001010017");
  said = label_text (f, "bm-add-error");
  g_assert_nonnull (said);
  g_assert_true (g_str_has_prefix (said, "Identity number: "));
  g_assert_true (gtk_widget_has_css_class (number, "error"));
  g_assert_true (gtk_widget_has_focus (number) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), number));

  /* Someone with a physical disability certificate: a warning, not an error. */
  type (f, "bm-add-number", f->zhang);
  g_assert_null (label_text (f, "bm-add-error"));
  g_assert_false (gtk_widget_has_css_class (number, "error"));
  said = label_text (f, "bm-add-person");
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, "not a visual one"));
  click (f, "bm-add-button");
  g_assert_cmpuint (n_rows (f, "bm-practitioners"), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "");

  /* The same person and trade again: refused, in words. */
  type (f, "bm-add-number", f->zhang);
  click (f, "bm-add-button");
  said = label_text (f, "bm-add-error");
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, "already"));
  g_assert_cmpuint (n_rows (f, "bm-practitioners"), ==, 1);

  /* Searching by name. */
  type (f, "bm-add-number", f->wang);
  click (f, "bm-add-button");
  g_assert_cmpuint (n_rows (f, "bm-practitioners"), ==, 2);
  type (f, "bm-search", "王");
  iterate (300);
  g_assert_cmpuint (n_rows (f, "bm-practitioners"), ==, 1);
  type (f, "bm-search", "没有这个人");
  iterate (300);
  g_assert_cmpuint (n_rows (f, "bm-practitioners"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  type (f, "bm-search", "");
  iterate (300);

  /* Selected, the record shows; a filing overlapping the one in force is refused. */
  select_row (f, "bm-practitioners", 0);
  g_assert_true (gtk_widget_get_visible (named (f, "bm-details")));
  type (f, "bm-filing-workplace", "光明盲人按摩诊所");
  click (f, "bm-filing-button");
  g_assert_null (label_text (f, "bm-filing-error"));
  type (f, "bm-filing-workplace", "衢州市人民医院");
  click (f, "bm-filing-button");
  said = label_text (f, "bm-filing-error");
  g_assert_nonnull (said);
  g_assert_true (g_str_has_prefix (said, "From: "));
}

static void
test_review_says_how_short (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate qualified = bm_day (2019, 6, 30), registered = bm_day (2024, 1, 1);
  FzpBlindMassageNewPractitioner add = {
    .number = f->wang, .kind = FZP_BLIND_MASSAGE_KIND_MEDICAL, .qualification_number = "YL1",
    .qualified_on = &qualified, .registered_on = &registered,
  };
  AdwActionRow *credits;
  const char *said;

  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->base.context, &add, NULL, &error), >, 0);
  g_assert_no_error (error);
  /* What another program wrote shows once the page reads again. */
  g_signal_emit_by_name (fz_context_get_registry (f->base.context), "persons-changed");
  iterate (50);

  /* A course of 2024 with 17 of its 18 hours attended, entered on the page. */
  show_view (f, "education");
  type (f, "bm-course-name", "2024年继续教育培训班");
  click (f, "bm-course-button");
  /* Its start date is today: the hours were refused first, then fixed. */
  said = label_text (f, "bm-course-error");
  g_assert_nonnull (said);
  g_assert_true (g_str_has_prefix (said, "Class hours: "));
  type (f, "bm-course-hours", "18");
  click (f, "bm-course-button");
  g_assert_null (label_text (f, "bm-course-error"));
  g_assert_cmpuint (n_rows (f, "bm-courses"), ==, 1);
  select_row (f, "bm-courses", 0);
  type (f, "bm-attend-number", f->wang);
  click (f, "bm-attend-button");
  g_assert_null (label_text (f, "bm-attend-error"));
  g_assert_cmpuint (n_rows (f, "bm-attendance"), ==, 1);

  /* The course is this year's: the reviews list, at its date, shows the
   * review with how short the hours are, before anything is typed. */
  show_view (f, "reviews");
  g_assert_cmpuint (n_rows (f, "bm-reviews"), >=, 1);
  select_row (f, "bm-reviews", n_rows (f, "bm-reviews") - 1);
  credits = ADW_ACTION_ROW (named (f, "bm-review-credits"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (credits), "18 of 20"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (credits), "2 class hours short"));

  /* Asked to pass, it refuses and says by how many. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "bm-review-result")), 0);
  click (f, "bm-review-button");
  said = label_text (f, "bm-review-error");
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, "2 short"));
  g_assert_true (gtk_widget_has_css_class (named (f, "bm-review-result"), "error"));

  /* Deferred is recorded; the review stays in the list. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "bm-review-result")), 2);
  click (f, "bm-review-button");
  g_assert_null (label_text (f, "bm-review-error"));
  {
    gint64 n = 0;
    g_assert_true (fz_database_query_int64 (f->base.db, "SELECT count(*) FROM blind_massage_review WHERE result = 'deferred'",
                                            NULL, &n, NULL, NULL));
    g_assert_cmpint (n, ==, 1);
  }
}

static void
test_views_and_rules (Fixture       *f,
                      gconstpointer  data)
{
  const char *views[] = { "practitioners", "reviews", "exams", "education", "clinics", "rules" };
  const char *said;

  /* Every view opens, with its empty lists saying what to do. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (f, views[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (named (f, "bm-stack"))), ==, views[i]);
    }

  /* The default rule and the title ladder are there to change. */
  g_assert_cmpuint (n_rows (f, "bm-rules"), ==, 2);
  g_assert_cmpuint (n_rows (f, "bm-titles"), ==, 5);
  select_row (f, "bm-rules", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "bm-rule-hours"))), ==, "20");
  type (f, "bm-rule-from", "2027-01-01");
  type (f, "bm-rule-hours", "abc");
  click (f, "bm-rule-button");
  said = label_text (f, "bm-rule-error");
  g_assert_nonnull (said);
  g_assert_true (g_str_has_prefix (said, "Class hours: "));
  g_assert_true (gtk_widget_has_css_class (named (f, "bm-rule-hours"), "error"));
  type (f, "bm-rule-hours", "24");
  click (f, "bm-rule-button");
  g_assert_null (label_text (f, "bm-rule-error"));
  g_assert_cmpuint (n_rows (f, "bm-rules"), ==, 3);

  /* A clinic and a post, through the forms. */
  show_view (f, "clinics");
  type (f, "bm-clinic-name", "光明盲人按摩诊所");
  click (f, "bm-clinic-button");
  said = label_text (f, "bm-clinic-error");
  g_assert_nonnull (said);
  g_assert_true (g_str_has_prefix (said, "Licensee: "));
  g_assert_cmpuint (n_rows (f, "bm-clinics"), ==, 0);
  type (f, "bm-post-hospital", "衢州市人民医院");
  click (f, "bm-post-button");
  g_assert_null (label_text (f, "bm-post-error"));
  g_assert_cmpuint (n_rows (f, "bm-posts"), ==, 1);

  /* An exam session. */
  show_view (f, "exams");
  type (f, "bm-session-name", "2025年全国盲人医疗按摩人员考试");
  g_signal_emit_by_name (named (f, "bm-session-name"), "activate");
  iterate (50);
  g_assert_cmpuint (n_rows (f, "bm-sessions"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-bm-page-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  int status;

  /* The user's folders are this run's own, the system's are not hidden: GTK
   * needs the icon themes to draw (see tests/shell/test-window.c). */
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

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/BlindMassage/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("page/add-practitioner", test_add_practitioner);
  ADD ("page/review-says-how-short", test_review_says_how_short);
  ADD ("page/views-and-rules", test_views_and_rules);
#undef ADD

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
