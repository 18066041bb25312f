/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-skills-competitions"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "support.h"

/* The page in a real GTK window (run under Xvfb): the score grid from the
 * keyboard, the ranking following, inline problems, the lock. The page
 * comes from the loaded module, so it is driven as a user drives it: through
 * its widgets, found in the tree. */

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_label (GtkWidget  *root,
           const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part))
    return TRUE;
  if (GTK_IS_INSCRIPTION (root) && gtk_widget_get_mapped (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)) &&
      strstr (gtk_inscription_get_text (GTK_INSCRIPTION (root)), part))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, part))
      return TRUE;
  return FALSE;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The drop-down of competitions (0) or of events (1). */
static GtkDropDown *
drop_down (GtkWidget *page,
           guint      which)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (page, GTK_TYPE_DROP_DOWN, found);
  g_assert_cmpuint (found->len, >, which);
  return g_ptr_array_index (found, which);
}

/* The score cell of judge @seat in row @position, as the grid binds it. */
static GtkWidget *
cell_at (GtkWidget *page,
         guint      position,
         guint      seat)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (page, GTK_TYPE_ENTRY, found);
  for (guint i = 0; i < found->len; i++)
    {
      GObject *entry = g_ptr_array_index (found, i);
      if (g_object_get_data (entry, "fzp-row") &&
          GPOINTER_TO_UINT (g_object_get_data (entry, "fzp-seat")) == seat &&
          GPOINTER_TO_UINT (g_object_get_data (entry, "fzp-position")) == position)
        return GTK_WIDGET (entry);
    }
  return NULL;
}

static GtkWidget *
button (GtkWidget  *page,
        const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (page, GTK_TYPE_BUTTON, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (found, i)), label) == 0)
      return g_ptr_array_index (found, i);
  g_error ("no button “%s”", label);
  return NULL;
}

/* Whether the keyboard focus of the window is in @cell (whether or not the
 * window itself is the active one, which a busy X server may delay). */
static gboolean
focused (GtkWidget *cell)
{
  GtkWidget *focus = cell ? gtk_root_get_focus (gtk_widget_get_root (cell)) : NULL;

  return focus && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static guint
n_rows (GtkWidget *page)
{
  guint n = 0;

  while (cell_at (page, n, 1))
    n++;
  return n;
}

/* Sends @keyval to the key controller of @widget, as a keyboard would. */
static gboolean
press (GtkWidget *widget,
       guint      keyval,
       GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

typedef struct {
  Fixture    base;
  GtkWindow *window;
  GtkWidget *page;
  gint64     competition;
} PageFixture;

static void
page_setup (PageFixture   *f,
            gconstpointer  data)
{
  FzMeasure *measure;

  support_setup (&f->base, data);
  f->competition = support_published (&f->base, GPOINTER_TO_INT (data));
  measure = fz_plugin_entry_get_measure (fz_plugin_manager_find (f->base.manager, FZP_SKILLS_COMPETITIONS_ID));
  f->page = fz_measure_create_page (measure, f->base.context);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  iterate (300);
}

static void
page_teardown (PageFixture   *f,
               gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate (100);
  support_teardown (&f->base, data);
}

static void
test_grid_from_keyboard (PageFixture   *f,
                         gconstpointer  data)
{
  GtkWidget *cell;
  GtkWidget *next;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = fzp_skills_competitions_list_events (f->base.context, f->competition, &error);
  FzpSkillsCompetitionsEvent *commerce = g_ptr_array_index (events, 1);

  /* The competition is chosen; its second event, 电子商务, is chosen here. */
  g_assert_true (has_label (f->page, "2025年衢州市残疾人职业技能竞赛"));
  gtk_drop_down_set_selected (drop_down (f->page, 1), 1);
  iterate (300);
  g_assert_cmpuint (n_rows (f->page), ==, 4);
  g_assert_true (has_label (f->page, "一等奖"));

  /* Judge 1 of the last entrant: a score that makes them first. */
  cell = cell_at (f->page, 3, 1);
  g_assert_nonnull (cell);
  gtk_widget_grab_focus (cell);
  iterate (100);
  g_assert_true (focused (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), "99");
  /* Tab saves and goes to judge 2 of the same entrant. */
  g_assert_true (press (cell, GDK_KEY_Tab, 0));
  iterate (200);
  next = cell_at (f->page, 3, 2);
  g_assert_true (focused (next));
  gtk_editable_set_text (GTK_EDITABLE (next), "99");
  g_assert_true (press (next, GDK_KEY_Tab, 0));
  iterate (200);
  next = cell_at (f->page, 3, 3);
  g_assert_true (focused (next));
  gtk_editable_set_text (GTK_EDITABLE (next), "99");
  /* Enter saves; at the last row it stays. */
  g_assert_true (press (next, GDK_KEY_Return, 0));
  iterate (200);
  {
    g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (f->base.context, commerce->id, &error);
    FzpSkillsCompetitionsEntrant *last = g_ptr_array_index (entrants, 3);
    g_assert_cmpint (last->final_score, ==, 9900);
    g_assert_cmpuint (last->rank, ==, 1);
    /* The ranking changed: the awards went, to be computed again. */
    g_assert_null (last->award);
  }
  g_assert_true (has_label (f->page, "99.00"));
  g_assert_true (has_label (f->page, "not computed yet"));

  /* A wrong score: refused inline, the cell marked, nothing saved; Down
   * does not leave it. */
  cell = cell_at (f->page, 0, 1);
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "95.555");
  g_assert_true (press (cell, GDK_KEY_Down, 0));
  iterate (100);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_true (has_label (f->page, "more than two decimals"));
  g_assert_true (focused (cell));
  /* Escape undoes the typing. */
  g_assert_true (press (cell, GDK_KEY_Escape, 0));
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "90.50");
  /* Down goes to the same judge of the next entrant. */
  g_assert_true (press (cell, GDK_KEY_Down, 0));
  iterate (200);
  g_assert_true (focused (cell_at (f->page, 1, 1)));

  /* Shift+Tab from judge 1 goes to the last judge of the row above. */
  cell = cell_at (f->page, 1, 1);
  g_assert_true (press (cell, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  iterate (200);
  g_assert_true (focused (cell_at (f->page, 0, 3)));

  /* Entering a person without a certificate: refused inline, announced. */
  {
    g_autoptr(FzPerson) uncertified = fz_person_new ();
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    char id_number[19] = "33082519850620332";
    GtkWidget *person_entry = NULL;

    id_number[17] = fz_identity_check_character (id_number);
    id_number[18] = '\0';
    fz_person_set_name (uncertified, "钱未证");
    fz_person_set_id_number (uncertified, id_number);
    fz_person_set_category (uncertified, 2);
    fz_person_set_grade (uncertified, 3);
    fz_person_set_county_code (uncertified, "330825");
    g_assert_true (fz_registry_add_person (fz_context_get_registry (f->base.context), uncertified, &error));
    collect (f->page, GTK_TYPE_ENTRY, entries);
    for (guint i = 0; i < entries->len; i++)
      if (g_strcmp0 (gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i)), "Identity or certificate number") == 0)
        person_entry = g_ptr_array_index (entries, i);
    g_assert_nonnull (person_entry);
    gtk_editable_set_text (GTK_EDITABLE (person_entry), id_number);
    g_signal_emit_by_name (person_entry, "activate");
    iterate (100);
    g_assert_true (gtk_widget_has_css_class (person_entry, "error"));
    g_assert_true (has_label (f->page, "only certificate holders"));
    /* A certified one is entered, and the grid grows. */
    gtk_editable_set_text (GTK_EDITABLE (person_entry), fz_person_get_cert_number (support_person (&f->base, 35)));
    g_assert_false (gtk_widget_has_css_class (person_entry, "error"));
    g_signal_emit_by_name (person_entry, "activate");
    iterate (300);
    g_assert_cmpuint (n_rows (f->page), ==, 5);
  }

  /* Compute the awards again from the page: the new first is 一等奖. */
  g_assert_true (fzp_skills_competitions_set_absent (f->base.context,
                                                    fzp_skills_competitions_find_entrant (f->base.context, commerce->id, 5, NULL),
                                                    TRUE, &error));
  g_assert_true (gtk_widget_activate_action (f->page, "page.compute-awards", NULL));
  iterate (200);
  {
    g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (f->base.context, commerce->id, &error);
    g_assert_cmpstr (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, 3))->award, ==, "一等奖");
  }
}

static void
test_locked_page (PageFixture   *f,
                  gconstpointer  data)
{
  GtkWidget *cell;

  g_assert_true (has_label (f->page, "can no longer be changed"));
  cell = cell_at (f->page, 0, 1);
  g_assert_nonnull (cell);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell)));
  /* The grid reads from the keyboard still, but nothing is saved. */
  gtk_widget_grab_focus (cell);
  g_assert_true (press (cell, GDK_KEY_Down, 0));
  iterate (200);
  g_assert_true (focused (cell_at (f->page, 1, 1)));
  /* The buttons that change results are off; printing is on. */
  g_assert_false (gtk_widget_is_sensitive (button (f->page, "Compute _Awards")));
  g_assert_false (gtk_widget_is_sensitive (button (f->page, "_Publish Results…")));
  g_assert_false (gtk_widget_is_sensitive (button (f->page, "Import _Scores…")));
  g_assert_true (gtk_widget_is_sensitive (button (f->page, "E_xport Scores…")));
}

static void
test_empty_page (Fixture       *f,
                 gconstpointer  data)
{
  FzMeasure *measure = fz_plugin_entry_get_measure (fz_plugin_manager_find (f->manager, FZP_SKILLS_COMPETITIONS_ID));
  GtkWidget *page = fz_measure_create_page (measure, f->context);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  iterate (300);
  g_assert_true (has_label (page, "No Competitions Yet"));
  gtk_window_destroy (window);
  iterate (100);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-skills-page-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  int status;

  /* Private user folders, but not ISOLATE_DIRS: GTK needs the system's
   * icon themes (as tests/shell/test-window.c explains). */
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

  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/page/grid-from-keyboard", PageFixture, GINT_TO_POINTER (FALSE),
              page_setup, test_grid_from_keyboard, page_teardown);
  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/page/locked", PageFixture, GINT_TO_POINTER (TRUE),
              page_setup, test_locked_page, page_teardown);
  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/page/empty", Fixture, NULL,
              support_setup, test_empty_page, support_teardown);

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
