/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "fuzhu.h"
#include "fz-account-dialog.h"
#include "fz-application.h"
#include "fz-preferences-window.h"
#include "fz-shell-pages.h"
#include "fz-window.h"

/* The main window with the keyboard alone, as a blind user meets it: real key
 * presses go through the X server (XTEST, under Xvfb) to the window, and every
 * control that Tab or the arrow keys reach must tell a screen reader its name. */

typedef struct {
  char            *dir;
  FzPluginManager *manager;
  FzWindow        *window;
} Fixture;

/* Given to the fixture for a database with an administrator's account, and
 * nobody signed in: the window starts at sign-in. */
static const int with_accounts = 1;

static Display *xdisplay;

/* Runs the main loop until @done says so. The limit only keeps a broken
 * build from hanging: key presses arrive in a few milliseconds. */
static gboolean
iterate_until (gboolean (*done) (gpointer data),
               gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* Presses @keysym, with @modifier held when it is not 0, on the real keyboard
 * of the X server, and waits until the window has handled both events. */
static void
press (GtkWindow *window,
       guint      modifier,
       guint      keysym)
{
  KeyCode mod = modifier ? XKeysymToKeycode (xdisplay, modifier) : 0;
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);
  guint serial;

  g_assert_cmpuint (code, !=, 0);
  /* The keys go to the window with the X input focus. */
  if (!gtk_window_is_active (window))
    gtk_window_present (window);
  g_assert_true (iterate_until (window_is_active, window));

  if (mod)
    XTestFakeKeyEvent (xdisplay, mod, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (mod)
    XTestFakeKeyEvent (xdisplay, mod, False, CurrentTime);

  /* A round trip after the keys: once its reply is in, so are their events,
   * queued on GDK's connection; then let GDK deliver everything it holds. */
  serial = NextRequest (xdisplay);
  XSync (xdisplay, False);
  g_assert_cmpuint (LastKnownRequestProcessed (xdisplay), >=, serial);
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Types @text key by key: lower-case ASCII letters, digits, '-' and
 * spaces, whose keysyms are their own codes. */
static void
type_text (GtkWindow  *window,
           const char *text)
{
  for (const char *p = text; *p; p++)
    {
      g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == ' ');
      press (window, 0, (guchar) *p);
    }
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzContext) context = NULL;
  g_autoptr(GSettings) settings = fz_settings_new_if_installed ();

  f->dir = g_dir_make_tmp ("fuzhu-keyboard-XXXXXX", NULL);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  db = fz_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);
  context = fz_context_new (db, settings, "tester");
  f->manager = fz_plugin_manager_new (context);
  fz_plugin_manager_load_all (f->manager);
  /* A registry with people in it: the pages as staff use them every day (an
   * empty one opens on the welcome page instead). */
  g_assert_true (fz_demo_add_persons (fz_context_get_registry (context), 11, 60, NULL, &error));
  g_assert_no_error (error);
  if (data == &with_accounts)
    {
      g_assert_true (fz_access_create_account (context, "admin", NULL, "admin-pass-2025",
                                               FZ_ROLE_ADMINISTRATOR, NULL, &error));
      g_assert_no_error (error);
      fz_access_sign_out (context);
    }

  f->window = fz_window_new (NULL, f->manager);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (iterate_until (window_is_active, f->window));
  iterate (100);
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

/* What GTK tells a screen reader has the focus when @focus has it: a text
 * field's entry, spin button or search entry rather than its inner GtkText.
 * NULL when GTK 4.8 tells it nothing, as for the field of an AdwEntryRow. */
static GtkWidget *
reported_focus (GtkWidget *focus)
{
  GtkWidget *owner;

  if (!GTK_IS_TEXT (focus))
    return focus;
  for (owner = gtk_widget_get_parent (focus); owner; owner = gtk_widget_get_parent (owner))
    if (GTK_IS_EDITABLE (owner) && gtk_editable_get_delegate (GTK_EDITABLE (owner)) == GTK_EDITABLE (focus))
      break;
  if (GTK_IS_ENTRY (owner) || GTK_IS_SPIN_BUTTON (owner) || GTK_IS_SEARCH_ENTRY (owner)
      || GTK_IS_PASSWORD_ENTRY (owner))
    return owner;
  return gtk_get_minor_version () >= 10 ? owner : NULL;
}

static char *
label_property (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  char *label;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* Asked to compare with a value no label has, GTK returns the label. */
  label = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  if (label && *label)
    return label;
  g_free (label);
  return NULL;
}

/* The widget under @root that @widget is labelled by, when it is one. */
static GtkWidget *
labelled_by (GtkWidget *root,
             GtkWidget *widget)
{
  g_autofree char *differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                  root, NULL);
  if (differs == NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = labelled_by (child, widget);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_structural (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* GTK 4.8's accessible name (WAI-ARIA's computation, cut short): the label
 * property, then what the widgets it is labelled by have as theirs; with
 * neither, the type name ("GtkEntry") of anything but a container. */
static void
accumulate_name (GtkWidget *widget,
                 GPtrArray *names,
                 gboolean   recurse)
{
  char *label = label_property (widget);

  if (label)
    g_ptr_array_add (names, label);
  if (recurse && gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *by = labelled_by (GTK_WIDGET (gtk_widget_get_root (widget)), widget);

      /* Only a single label is looked for; several are taken on trust. */
      if (by)
        accumulate_name (by, names, FALSE);
      else
        g_ptr_array_add (names, g_strdup ("(labelled by several widgets)"));
    }
  if (names->len == 0 && !is_structural (widget))
    g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (widget)));
}

static char *
accessible_name (GtkWidget *widget)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  accumulate_name (widget, names, TRUE);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Why @name tells a listener nothing, or NULL when it is fine. */
static const char *
name_problem (const char *name)
{
  g_autofree char *plain = NULL;

  if (name == NULL || *name == '\0')
    return "no accessible name";
  if (g_type_from_name (name) != 0)
    return "no accessible name, only its type";
  /* "_Add Note Add Note", "Enable X X": a label property and the label it
   * is labelled by, both read. */
  plain = g_strdup (name);
  g_strdelimit (plain, "_", ' ');
  g_strstrip (plain);
  for (const char *space = strchr (plain, ' '); space; space = strchr (space + 1, ' '))
    {
      g_autofree char *head = g_strndup (plain, space - plain);
      if (g_str_has_suffix (head, space + 1))
        return "part of its name is read twice";
    }
  return NULL;
}

static char *
describe (GtkWidget *widget)
{
  g_autofree char *role = g_enum_to_string (GTK_TYPE_ACCESSIBLE_ROLE,
                                            gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)));
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w && !GTK_IS_WINDOW (w); w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);
      g_string_prepend (path, name && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)) ? name : G_OBJECT_TYPE_NAME (w));
      g_string_prepend_c (path, '/');
    }
  g_string_append_printf (path, " (role %s)", role);
  return g_string_free (path, FALSE);
}

static gboolean
any_transition_running (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (any_transition_running (child))
      return TRUE;
  return FALSE;
}

static gboolean
transitions_done (gpointer data)
{
  return !any_transition_running (GTK_WIDGET (data));
}

/* Whether @widget is inside a stack page that is not the one shown. */
static gboolean
in_hidden_page (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);
      if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != w)
        return TRUE;
    }
  return FALSE;
}

/* Tabs from the window's first control until focus comes back round, and
 * adds a line to @problems for each control that has no name, sits on a page
 * that is not shown, or is a second row of a list Tab should leave. Returns
 * the number of stops. */
static guint
tab_round (GtkWindow  *window,
           GString    *problems,
           const char *where)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GtkWidget *last_list = NULL;
  GtkWidget *first;

  g_assert_true (iterate_until (transitions_done, window));
  gtk_window_set_focus (window, NULL);
  press (window, 0, XK_Tab);
  first = focus_of (window);
  g_assert_nonnull (first);

  for (GtkWidget *focus = first; ; )
    {
      GtkWidget *reported = reported_focus (focus);
      g_autofree char *name = reported ? accessible_name (reported) : NULL;
      g_autofree char *where_is = describe (focus);
      GtkWidget *list = GTK_IS_LIST_BOX_ROW (focus) ? gtk_widget_get_parent (focus) : NULL;

      g_test_message ("%s: %s “%s”", where, where_is, name ? name : "");
      if (reported == NULL)
        g_string_append_printf (problems, "%s: a screen reader is not told this field has the focus "
                                "(GTK 4.8 and AdwEntryRow; use a GtkEntry in an AdwActionRow): %s\n",
                                where, where_is);
      else if (name_problem (name))
        g_string_append_printf (problems, "%s: %s (“%s”): %s\n", where, name_problem (name), name, where_is);
      if (in_hidden_page (focus))
        g_string_append_printf (problems, "%s: Tab reached a page that is not shown: %s\n", where, where_is);
      /* Rows of a list that selects as it goes (the page list) are one stop;
       * boxed lists of forms and settings are a stop per row. */
      if (list && list == last_list
          && gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)) == GTK_SELECTION_BROWSE)
        g_string_append_printf (problems, "%s: Tab walks the rows of a list: %s\n", where, where_is);
      last_list = list;
      g_ptr_array_add (seen, focus);
      g_assert_cmpuint (seen->len, <, 200);

      press (window, 0, XK_Tab);
      g_assert_true (iterate_until (transitions_done, window));
      focus = focus_of (window);
      g_assert_nonnull (focus);
      if (g_ptr_array_find (seen, focus, NULL))
        break;
    }

  /* Shift+Tab goes back the same way. */
  for (guint i = seen->len; i > 0; i--)
    {
      g_autofree char *where_is = NULL;

      press (window, XK_Shift_L, XK_Tab);
      if (focus_of (window) != g_ptr_array_index (seen, i - 1))
        {
          where_is = describe (focus_of (window));
          g_string_append_printf (problems, "%s: Shift+Tab from stop %u went to %s\n", where, i, where_is);
          break;
        }
    }
  return seen->len;
}

static guint
n_pages (Fixture *f)
{
  g_autoptr(GPtrArray) measures = fz_plugin_manager_list_measures (f->manager);

  return fz_shell_n_builtin_pages () + measures->len;
}

static void
test_every_stop_has_a_name (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWindow *window = GTK_WINDOW (f->window);
  guint pages = n_pages (f);

  g_assert_cmpuint (pages, >=, 3);
  for (guint i = 0; i < pages; i++)
    {
      g_autofree char *where = NULL;
      g_autofree char *page = NULL;

      /* Alt+N for the first nine; past them, down the page list. */
      press (window, XK_Alt_L, XK_1 + MIN (i, 8));
      for (guint down = 8; down < i; down++)
        press (window, 0, XK_Down);
      page = g_strdup (fz_window_get_page (f->window));
      where = g_strdup_printf ("page %u (%s)", i + 1, page);
      g_assert_cmpuint (tab_round (window, problems, where), >=, 2);
      /* Going round the window does not turn the page. */
      if (g_strcmp0 (fz_window_get_page (f->window), page) != 0)
        g_string_append_printf (problems, "%s: going round with Tab turned the page to %s\n",
                                where, fz_window_get_page (f->window));
    }

  if (problems->len)
    g_error ("Controls a screen reader cannot name:\n%s", problems->str);
}

static void
test_alt_number_and_ctrl_l (Fixture       *f,
                            gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (f->window);
  GtkWidget *focus;
  g_autofree char *third = NULL;

  press (window, XK_Alt_L, XK_2);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "registry");
  press (window, XK_Alt_L, XK_1);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "dashboard");
  press (window, XK_Alt_L, XK_3);
  third = g_strdup (fz_window_get_page (f->window));
  g_assert_cmpstr (third, !=, "dashboard");
  g_assert_cmpstr (third, !=, "registry");

  /* A number past the last page changes nothing. */
  if (n_pages (f) < 9)
    {
      press (window, XK_Alt_L, XK_9);
      g_assert_cmpstr (fz_window_get_page (f->window), ==, third);
    }

  /* Ctrl+L leaves the page for the page list, on the page being shown. */
  gtk_window_set_focus (window, NULL);
  press (window, XK_Control_L, XK_l);
  focus = focus_of (window);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (focus)));

  /* The arrows move along the page list and the page follows. */
  press (window, 0, XK_Up);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "registry");
  press (window, 0, XK_Up);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "dashboard");
  press (window, 0, XK_Down);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "registry");
}

static void
test_form_error_is_announced (Fixture       *f,
                              gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (f->window);
  GtkWidget *focus = NULL;
  GtkWidget *entry;
  g_autofree char *name = NULL;

  g_assert_true (fz_window_show_page (f->window, "template"));
  g_assert_true (iterate_until (transitions_done, window));

  /* Tab to the Add button and press it with nothing written. */
  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 20; i++)
    {
      press (window, 0, XK_Tab);
      focus = focus_of (window);
      if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "_Add Note") == 0)
        break;
    }
  g_assert_true (GTK_IS_BUTTON (focus));
  press (window, 0, XK_Return);

  /* The focus goes back to the field, which now says what is wrong: the
   * screen reader reads its name, then its description, the problem. */
  entry = reported_focus (focus_of (window));
  g_assert_true (GTK_IS_ENTRY (entry));
  name = accessible_name (entry);
  g_assert_cmpstr (name, ==, "Note");
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Note: write something first");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* Typing clears it. */
  press (window, 0, XK_a);
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Up to 200 characters");
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID));
}

static void
test_preferences_by_keyboard (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWidget *prefs = fz_preferences_window_new (f->manager);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (iterate_until (window_is_active, prefs));
  iterate (100);

  g_assert_cmpuint (tab_round (GTK_WINDOW (prefs), problems, "preferences, plugins"), >=, 2);
  if (problems->len)
    g_error ("Controls a screen reader cannot name:\n%s", problems->str);

  press (GTK_WINDOW (prefs), 0, XK_Escape);
  iterate (100);
}

/* What a screen reader is told has the focus in @window. */
static GtkWidget *
reported (GtkWindow *window)
{
  GtkWidget *focus = focus_of (window);

  return focus ? reported_focus (focus) : NULL;
}

/* Asserts that @widget has the focus, as a screen reader is told it, and
 * that it is read as @expected. */
static void
assert_stop (GtkWindow  *window,
             GtkWidget  *widget,
             const char *expected)
{
  GtkWidget *focus = reported (window);
  g_autofree char *name = NULL;

  if (focus != widget)
    {
      g_autofree char *is = focus ? describe (focus) : g_strdup ("nothing");
      g_autofree char *wanted = describe (widget);
      g_error ("The focus is on %s, not on %s", is, wanted);
    }
  name = accessible_name (widget);
  g_assert_cmpstr (name, ==, expected);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Asserts that @field, which has the focus, says @problem shown in
 * @label: as its description, marked invalid and styled as an error. */
static void
assert_problem_announced (GtkWidget *field,
                          GtkWidget *label)
{
  const char *problem = gtk_label_get_text (GTK_LABEL (label));

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (problem, !=, "");
  gtk_test_accessible_assert_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem);
  gtk_test_accessible_assert_state (field, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_has_css_class (field, "error"));
}

/* Signs in on the sign-in page by keys alone: the name, Enter, the
 * password, Enter. */
static void
sign_in_by_keys (Fixture    *f,
                 const char *name,
                 const char *password)
{
  GtkWindow *window = GTK_WINDOW (f->window);

  press (window, XK_Alt_L, XK_n);
  type_text (window, name);
  press (window, 0, XK_Return);
  type_text (window, password);
  press (window, 0, XK_Return);
  g_assert_true (iterate_until (transitions_done, window));
  iterate (100);
}

static void
test_sign_in_by_keyboard (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWindow *window = GTK_WINDOW (f->window);
  FzContext *context = fz_plugin_manager_get_context (f->manager);
  GtkWidget *name = find_named (GTK_WIDGET (window), "fz-sign-in-name");
  GtkWidget *password = find_named (GTK_WIDGET (window), "fz-sign-in-password");
  GtkWidget *accept = find_named (GTK_WIDGET (window), "fz-sign-in-accept");
  GtkWidget *error_label = find_named (GTK_WIDGET (window), "fz-sign-in-error");

  g_assert_true (GTK_IS_ENTRY (name));
  g_assert_true (GTK_IS_PASSWORD_ENTRY (password));
  g_assert_true (GTK_IS_BUTTON (accept));
  g_assert_true (gtk_widget_get_mapped (password));
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_NONE);

  /* Every stop has a name, and Shift+Tab goes back the same way. */
  g_assert_cmpuint (tab_round (window, problems, "sign-in"), >=, 3);
  if (problems->len)
    g_error ("Controls a screen reader cannot name:\n%s", problems->str);

  /* Tab reaches the account name, the password and Sign In, in that order. */
  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 10 && reported (window) != name; i++)
    press (window, 0, XK_Tab);
  assert_stop (window, name, "Account name");
  press (window, 0, XK_Tab);
  assert_stop (window, password, "Password");
  press (window, 0, XK_Tab);
  assert_stop (window, accept, "Sign In");

  /* The title's mnemonic goes to its field; Enter in the name goes on to
   * the password, Enter there signs in. */
  press (window, XK_Alt_L, XK_n);
  assert_stop (window, name, "Account name");
  type_text (window, "admin");
  press (window, 0, XK_Return);
  assert_stop (window, password, "Password");
  type_text (window, "wrong-pass-2025");
  press (window, 0, XK_Return);

  /* Refused: the focus is back in the password, emptied, which says why. */
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_NONE);
  assert_stop (window, password, "Password");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "admin");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "password is wrong"));
  assert_problem_announced (password, error_label);

  /* Typing again clears the problem. */
  press (window, XK_Alt_L, XK_n);
  press (window, XK_Alt_L, XK_p);
  assert_stop (window, password, "Password");
  type_text (window, "admin-pass-2025");
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (password), GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_false (gtk_widget_has_css_class (password, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  press (window, 0, XK_Return);

  /* Signed in: the pages, and the keys that go round them. */
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_ADMINISTRATOR);
  g_assert_true (iterate_until (transitions_done, window));
  g_assert_false (gtk_widget_get_mapped (password));
  press (window, XK_Alt_L, XK_2);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "registry");
  press (window, XK_Alt_L, XK_1);
  g_assert_cmpstr (fz_window_get_page (f->window), ==, "dashboard");
}

static void
test_change_password_by_keyboard (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  FzContext *context = fz_plugin_manager_get_context (f->manager);
  g_autoptr(GError) error = NULL;
  GtkWidget *watched;
  GtkWindow *dialog;
  GtkWidget *current, *password, *repeat, *error_label;

  sign_in_by_keys (f, "admin", "admin-pass-2025");
  g_assert_cmpint (fz_context_get_role (context), ==, FZ_ROLE_ADMINISTRATOR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.change-password", NULL));
  dialog = GTK_WINDOW (find_toplevel (FZ_TYPE_ACCOUNT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (iterate_until (window_is_active, dialog));
  iterate (100);
  current = find_named (GTK_WIDGET (dialog), "fz-account-current");
  password = find_named (GTK_WIDGET (dialog), "fz-account-password");
  repeat = find_named (GTK_WIDGET (dialog), "fz-account-repeat");
  error_label = find_named (GTK_WIDGET (dialog), "fz-account-error");

  /* It opens in the current password; every stop has a name. */
  assert_stop (dialog, current, "Current password");
  g_assert_cmpuint (tab_round (dialog, problems, "change password"), >=, 5);
  if (problems->len)
    g_error ("Controls a screen reader cannot name:\n%s", problems->str);

  /* A wrong current password, the new one twice, Enter. */
  press (dialog, XK_Alt_L, XK_u);
  assert_stop (dialog, current, "Current password");
  type_text (dialog, "not-the-password");
  press (dialog, 0, XK_Tab);
  assert_stop (dialog, password, "New password");
  gtk_test_accessible_assert_property (password, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "At least 8 characters");
  type_text (dialog, "admin-pass-2026");
  press (dialog, 0, XK_Tab);
  assert_stop (dialog, repeat, "New password again");
  type_text (dialog, "admin-pass-2026");
  press (dialog, 0, XK_Return);

  /* Refused: every password emptied, and back to the first, which says why. */
  assert_stop (dialog, current, "Current password");
  assert_problem_announced (current, error_label);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (repeat)), ==, "");

  /* Right, with the mnemonics: changed, and the dialog closes. */
  type_text (dialog, "admin-pass-2025");
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (current), GTK_ACCESSIBLE_STATE_INVALID));
  press (dialog, XK_Alt_L, XK_p);
  assert_stop (dialog, password, "New password");
  type_text (dialog, "admin-pass-2026");
  press (dialog, XK_Alt_L, XK_g);
  assert_stop (dialog, repeat, "New password again");
  type_text (dialog, "admin-pass-2026");
  watched = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);
  press (dialog, 0, XK_Return);
  iterate (100);
  g_assert_null (watched);
  g_assert_true (fz_access_verify_password (context, "admin-pass-2026", &error));
  g_assert_no_error (error);
}

/* Adding an account: each problem goes back to its own field, which says
 * it (a name with a space to the name, passwords that differ to the new
 * password), and the account is made once they are mended. */
static void
test_add_account_by_keyboard (Fixture       *f,
                              gconstpointer  data)
{
  FzContext *context = fz_plugin_manager_get_context (f->manager);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  GtkWindow *dialog;
  GtkWidget *name, *password, *repeat, *error_label;
  gboolean found = FALSE;

  sign_in_by_keys (f, "admin", "admin-pass-2025");
  dialog = GTK_WINDOW (fz_account_dialog_new (context, FZ_ACCOUNT_DIALOG_ADD, NULL));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (f->window));
  gtk_window_present (dialog);
  g_assert_true (iterate_until (window_is_active, dialog));
  iterate (100);
  name = find_named (GTK_WIDGET (dialog), "fz-account-name");
  password = find_named (GTK_WIDGET (dialog), "fz-account-password");
  repeat = find_named (GTK_WIDGET (dialog), "fz-account-repeat");
  error_label = find_named (GTK_WIDGET (dialog), "fz-account-error");

  gtk_widget_grab_focus (name);
  assert_stop (dialog, name, "Account name");
  type_text (dialog, "li si");
  gtk_widget_grab_focus (password);
  type_text (dialog, "lisi-pass-2025");
  gtk_widget_grab_focus (repeat);
  type_text (dialog, "lisi-pass-2025");
  press (dialog, 0, XK_Return);
  /* The name is wrong: back to it, and it says why. */
  assert_stop (dialog, name, "Account name");
  assert_problem_announced (name, error_label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "no spaces"));
  g_assert_false (gtk_widget_has_css_class (password, "error"));

  /* The name mended, the passwords differ: to the new password. */
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  type_text (dialog, "lisi");
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_STATE_INVALID));
  gtk_widget_grab_focus (password);
  type_text (dialog, "lisi-pass-2025");
  gtk_widget_grab_focus (repeat);
  type_text (dialog, "lisi-pass-2026");
  press (dialog, 0, XK_Return);
  assert_stop (dialog, password, "New password");
  assert_problem_announced (password, error_label);
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  /* Both right: the account is made. */
  type_text (dialog, "lisi-pass-2025");
  gtk_widget_grab_focus (repeat);
  type_text (dialog, "lisi-pass-2025");
  press (dialog, 0, XK_Return);
  iterate (200);
  accounts = fz_access_list_accounts (context, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    found |= g_str_equal (((FzAccount *) accounts->pdata[i])->name, "lisi");
  g_assert_true (found);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-keyboard-home-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  GdkDisplay *display;
  int event_base, error_base, major, minor;
  int status;

  /* As in test-window: private user folders, the system's icons and MIME data. */
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
  display = gdk_display_get_default ();
  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_message ("Real key presses need an X server with XTEST: run the tests under xvfb-run");
      return 77;
    }
  xdisplay = gdk_x11_display_get_xdisplay (display);
  if (!XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor))
    {
      g_test_message ("The X server has no XTEST extension");
      return 77;
    }
  adw_init ();

  g_test_add ("/Fuzhu/Keyboard/every-stop-has-a-name", Fixture, NULL,
              fixture_setup, test_every_stop_has_a_name, fixture_teardown);
  g_test_add ("/Fuzhu/Keyboard/alt-number-and-ctrl-l", Fixture, NULL,
              fixture_setup, test_alt_number_and_ctrl_l, fixture_teardown);
  g_test_add ("/Fuzhu/Keyboard/form-error-is-announced", Fixture, NULL,
              fixture_setup, test_form_error_is_announced, fixture_teardown);
  g_test_add ("/Fuzhu/Keyboard/preferences", Fixture, NULL,
              fixture_setup, test_preferences_by_keyboard, fixture_teardown);
  g_test_add ("/Fuzhu/Keyboard/sign-in", Fixture, &with_accounts,
              fixture_setup, test_sign_in_by_keyboard, fixture_teardown);
  g_test_add ("/Fuzhu/Keyboard/add-account", Fixture, &with_accounts,
              fixture_setup, test_add_account_by_keyboard, fixture_teardown);
  g_test_add ("/Fuzhu/Keyboard/change-password", Fixture, &with_accounts,
              fixture_setup, test_change_password_by_keyboard, fixture_teardown);

  status = g_test_run ();
  if (system (cleanup) != 0)
    g_warning ("Could not remove %s", home);
  return status;
}
