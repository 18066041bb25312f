/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-window"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fz-a11y.h"
#include "fz-account-dialog.h"
#include "fz-application.h"
#include "fz-print.h"
#include "fz-shell-pages.h"
#include "fz-sign-in-page.h"
#include "fz-window.h"

/* How often the window looks whether it has been idle long enough to lock. */
#define IDLE_CHECK_SECONDS 15

struct _FzWindow
{
  AdwApplicationWindow  parent_instance;

  FzPluginManager      *manager;
  GSettings            *settings;

  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *gate;      /* the pages, or the sign-in page in their place */
  FzSignInPage         *sign_in;
  gint64                last_activity;
  guint                 idle_source;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *content_box;
  GtkWidget            *sidebar_box;
  GtkMenuButton        *documents_button;
  GtkWidget            *menu_button;
};

G_DEFINE_FINAL_TYPE (FzWindow, fz_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_MANAGER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
row_get_page_id (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "fz-page-id");
}

static void show_welcome_if_empty (FzWindow *self);

static GtkWidget *
make_row (const char *id,
          const char *title,
          const char *icon_name,
          guint       position)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name ? icon_name : "application-x-addon-symbolic");
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The tooltip would be read again as the description: say the shortcut
   * that comes back to this page instead. */
  if (position < 9)
    {
      g_autofree char *keys = gtk_accelerator_get_label (GDK_KEY_1 + position, GDK_ALT_MASK);
      g_autofree char *aria_keys = g_strdup_printf ("Alt+%u", position + 1);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, keys,
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, aria_keys,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_set_data_full (G_OBJECT (row), "fz-page-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), "fz-page-title", g_strdup (title), g_free);
  return row;
}

static GtkWidget *
error_page (const char *title,
            const char *reason)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), reason);
  return status;
}


typedef struct {
  FzWindow *window;
  char     *id;
} FailLater;

static void
fail_later_free (gpointer data)
{
  FailLater *later = data;

  g_clear_weak_pointer (&later->window);
  g_free (later->id);
  g_free (later);
}

static gboolean
fail_later_cb (gpointer data)
{
  FailLater *later = data;
  FzPluginEntry *entry;
  g_autofree char *message = NULL;

  if (later->window == NULL)
    return G_SOURCE_REMOVE;
  entry = fz_plugin_manager_find (later->window->manager, later->id);
  if (entry == NULL)
    return G_SOURCE_REMOVE;
  message = g_strdup_printf (_("%s could not show its page and is turned off until Fuzhu starts again"),
                             fz_plugin_entry_get_title (entry));
  fz_plugin_manager_fail (later->window->manager, later->id,
                          _("Its page could not be built: the plugin returned no page"));
  fz_window_add_toast (later->window, message);
  return G_SOURCE_REMOVE;
}

static GtkWidget *
create_page (FzWindow   *self,
             const char *id)
{
  FzContext *context = fz_plugin_manager_get_context (self->manager);
  FzPluginEntry *entry;
  GtkWidget *page;

  page = fz_shell_create_builtin_page (id, self->manager);
  if (page)
    {
      fz_a11y_mend_tree (page);
      return page;
    }

  entry = fz_plugin_manager_find (self->manager, id);
  if (entry == NULL || fz_plugin_entry_get_measure (entry) == NULL)
    return NULL;

  page = fz_measure_create_page (fz_plugin_entry_get_measure (entry), context);
  if (page == NULL)
    {
      /* Turned off until the next start, with the reason in Preferences
       * and `fuzhu plugins`; after this selection is over, since the page
       * list changes with it. */
      FailLater *later = g_new0 (FailLater, 1);

      g_set_weak_pointer (&later->window, self);
      later->id = g_strdup (id);
      g_idle_add_full (G_PRIORITY_DEFAULT, fail_later_cb, later, fail_later_free);
      page = error_page (_("This measure could not show its page"),
                         _("The plugin returned no page. It is turned off until Fuzhu starts again; the other pages keep working."));
    }
  fz_a11y_mend_tree (page);
  return page;
}

static void sidebar_row_selected_cb (FzWindow      *self,
                                     GtkListBoxRow *row);

gboolean
fz_window_show_page (FzWindow   *self,
                     const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (row_get_page_id (GTK_LIST_BOX_ROW (child)), id) == 0)
        {
          /* Selecting the selected row again tells nobody: show it anyway. */
          if (gtk_list_box_get_selected_row (self->sidebar) == GTK_LIST_BOX_ROW (child))
            sidebar_row_selected_cb (self, GTK_LIST_BOX_ROW (child));
          else
            gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }
  return FALSE;
}

const char *
fz_window_get_page (FzWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

void
fz_window_add_toast (FzWindow   *self,
                     const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The page's title over it, and in the window's title ("Registry — Fuzhu"),
 * which window lists and screen readers give. */
static void
set_page_title (FzWindow   *self,
                const char *title)
{
  g_autofree char *window_title = NULL;

  adw_window_title_set_title (self->content_title, title ? title : "");
  /* TRANSLATORS: the window's title: the page shown, then the program's name */
  window_title = title && *title ? g_strdup_printf (_("%s — Fuzhu"), title) : g_strdup (_("Fuzhu"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* The documents button offers what the page's owner prints: the core's on
 * the dashboard, a measure's on its page. */
static void
update_documents (FzWindow   *self,
                  const char *page_id)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (g_strcmp0 (page_id, "dashboard") == 0)
    menu = fz_print_menu_for_owner (self->manager, "core");
  else if (fz_plugin_manager_find (self->manager, page_id))
    menu = fz_print_menu_for_owner (self->manager, page_id);
  gtk_menu_button_set_menu_model (self->documents_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_button), menu != NULL);
}

static void
print_document_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FzWindow *self = FZ_WINDOW (widget);

  fz_print_document (GTK_WINDOW (self), self->manager, g_variant_get_string (parameter, NULL),
                     g_str_equal (action_name, "win.export-document") ? FZ_PRINT_TO_PDF : FZ_PRINT_TO_PRINTER);
}

static gboolean
open_documents (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  FzWindow *self = FZ_WINDOW (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->documents_button)))
    return FALSE;
  gtk_menu_button_popup (self->documents_button);
  return TRUE;
}

static void
sidebar_row_selected_cb (FzWindow      *self,
                         GtkListBoxRow *row)
{
  const char *id;
  GtkWidget *page;

  if (row == NULL)
    return;

  id = row_get_page_id (row);
  page = gtk_stack_get_child_by_name (self->stack, id);
  if (page == NULL)
    {
      page = create_page (self, id);
      if (page == NULL)
        return;
      gtk_stack_add_named (self->stack, page, id);
    }
  gtk_stack_set_visible_child (self->stack, page);
  set_page_title (self, g_object_get_data (G_OBJECT (row), "fz-page-title"));
  update_documents (self, id);
  /* For build-aux/screenshots, which names each picture by its page. */
  if (g_getenv ("FUZHU_TEST_REPORT"))
    {
      g_print ("fuzhu-test: page %s\n", id);
      fflush (stdout);
    }
  if (self->settings)
    g_settings_set_string (self->settings, "last-page", id);
}

static void
sidebar_row_activated_cb (FzWindow      *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_child_focus (self->content_box, GTK_DIR_TAB_FORWARD);
}

static void
back_clicked_cb (FzWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static FzContext *
get_context (FzWindow *self)
{
  return fz_plugin_manager_get_context (self->manager);
}

/* A row at the end of the page list; its place gives its Alt+N shortcut. */
static void
append_row (FzWindow   *self,
            const char *id,
            const char *title,
            const char *icon_name)
{
  guint position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child;
       child = gtk_widget_get_next_sibling (child))
    position++;
  gtk_list_box_append (self->sidebar, make_row (id, title, icon_name, position));
}

static void
add_builtin_rows (FzWindow *self,
                  gboolean  after_measures)
{
  FzContext *context = get_context (self);

  for (guint i = 0; i < fz_shell_n_builtin_pages (); i++)
    {
      const FzShellPage *page = fz_shell_get_builtin_page (i);

      if (page->after_measures == after_measures && fz_context_can (context, page->permission))
        append_row (self, page->id, _(page->title), page->icon_name);
    }
}

static void
rebuild_sidebar (FzWindow *self)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *selected = NULL;
  GtkListBoxRow *row;
  GtkWidget *child;

  row = gtk_list_box_get_selected_row (self->sidebar);
  selected = g_strdup (row ? row_get_page_id (row) : NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))))
    gtk_list_box_remove (self->sidebar, child);
  /* Nothing to show before someone signs in. */
  if (!fz_context_can (get_context (self), FZ_PERMISSION_READ))
    return;

  add_builtin_rows (self, FALSE);
  measures = fz_plugin_manager_list_measures (self->manager);
  for (guint i = 0; i < measures->len; i++)
    {
      FzMeasure *measure = g_ptr_array_index (measures, i);
      const FzMeasureInfo *info = fz_measure_get_info (measure);
      append_row (self, info->id, fz_measure_get_title (measure), info->icon_name);
    }
  add_builtin_rows (self, TRUE);

  /* Pages of measures that went away go with them. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); child; )
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (self->stack, child));
      FzPluginEntry *entry = fz_plugin_manager_find (self->manager, name);

      if (entry && fz_plugin_entry_get_measure (entry) == NULL)
        gtk_stack_remove (self->stack, child);
      child = next;
    }

  if (selected == NULL || !fz_window_show_page (self, selected))
    fz_window_show_page (self, "dashboard");
}

static void
plugins_changed_cb (FzWindow   *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  rebuild_sidebar (self);
}

static gboolean
select_nth (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  FzWindow *self = FZ_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, g_variant_get_int32 (args));

  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->sidebar, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static gboolean
focus_sidebar (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  FzWindow *self = FZ_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
  return TRUE;
}

/* The page list is a single stop for Tab, as a list is: the arrows move
 * along it (and the page follows), Tab goes on to the page and Shift+Tab back
 * to the menu. Left to GtkListBox, Tab would walk every row, turning pages
 * on the way, and never reach any page but the last. */
static gboolean
sidebar_tab_forward (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  FzWindow *self = FZ_WINDOW (user_data);

  if (!gtk_widget_child_focus (self->content_box, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (self->menu_button);
  return TRUE;
}

static gboolean
sidebar_tab_backward (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  FzWindow *self = FZ_WINDOW (user_data);

  return gtk_widget_grab_focus (self->menu_button);
}

static void
add_sidebar_tab_stops (FzWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct {
    guint            keyval;
    GdkModifierType  mods;
    GtkShortcutFunc  func;
  } keys[] = {
    { GDK_KEY_Tab, 0, sidebar_tab_forward },
    { GDK_KEY_KP_Tab, 0, sidebar_tab_forward },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, sidebar_tab_backward },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, sidebar_tab_backward },
    { GDK_KEY_KP_Tab, GDK_SHIFT_MASK, sidebar_tab_backward },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].mods),
                                                            gtk_callback_action_new (keys[i].func, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), controller);
}

/* Signing in and out, locking */

static gboolean
has_accounts_session (FzWindow *self)
{
  FzContext *context = get_context (self);

  return !fz_context_is_single_user (context) && fz_context_get_role (context) != FZ_ROLE_NONE;
}

static void
update_operator (FzWindow *self)
{
  FzContext *context = get_context (self);
  g_autofree char *subtitle = NULL;
  gboolean signed_in = has_accounts_session (self);

  if (signed_in && fz_context_get_county (context))
    {
      g_autofree char *county = fz_county_get_name (fz_context_get_database (context), fz_context_get_county (context));
      subtitle = g_strdup_printf ("%s · %s · %s", fz_context_get_operator (context),
                                  fz_role_to_string (fz_context_get_role (context)), county);
    }
  else if (signed_in)
    subtitle = g_strdup_printf ("%s · %s", fz_context_get_operator (context),
                                fz_role_to_string (fz_context_get_role (context)));
  adw_window_title_set_subtitle (self->sidebar_title, subtitle ? subtitle : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password", signed_in);
}

/* Closes the windows opened from this one (Preferences, its dialogs):
 * locked or signed out, nothing of the operator's stays usable. */
static void
close_dependents (FzWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      for (GtkWindow *w = gtk_window_get_transient_for (window); w; w = gtk_window_get_transient_for (w))
        if (w == GTK_WINDOW (self))
          {
            g_ptr_array_add (doomed, g_object_ref (window));
            break;
          }
    }
  for (guint i = 0; i < doomed->len; i++)
    gtk_window_destroy (g_ptr_array_index (doomed, i));
}

/* Drops every page: they were made for the operator who leaves. */
static void
drop_pages (FzWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))))
    gtk_list_box_remove (self->sidebar, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))))
    gtk_stack_remove (self->stack, child);
  set_page_title (self, NULL);
  update_documents (self, NULL);
}

static void
show_pages (FzWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  update_operator (self);
  self->last_activity = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->gate, "pages");
  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
show_sign_in (FzWindow *self,
              gboolean  locked)
{
  close_dependents (self);
  fz_sign_in_page_set_locked (self->sign_in, locked);
  gtk_stack_set_visible_child_name (self->gate, "sign-in");
  update_operator (self);
  fz_sign_in_page_focus (self->sign_in);
}

static void
signed_in_cb (FzWindow     *self,
              FzSignInPage *page)
{
  if (fz_sign_in_page_get_locked (page))
    {
      show_pages (self);
      return;
    }
  drop_pages (self);
  rebuild_sidebar (self);
  if (self->settings)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-page");
      fz_window_show_page (self, last);
    }
  show_pages (self);
  show_welcome_if_empty (self);
}

void
fz_window_sign_out (FzWindow *self)
{
  g_return_if_fail (FZ_IS_WINDOW (self));

  fz_access_sign_out (get_context (self));
  drop_pages (self);
  show_sign_in (self, FALSE);
}

void
fz_window_lock (FzWindow *self)
{
  g_return_if_fail (FZ_IS_WINDOW (self));

  if (!has_accounts_session (self) || fz_window_is_locked (self))
    return;
  fz_access_record_lock (get_context (self), TRUE);
  show_sign_in (self, TRUE);
}

gboolean
fz_window_is_locked (FzWindow *self)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->gate), "sign-in") == 0 &&
         fz_sign_in_page_get_locked (self->sign_in);
}

void
fz_window_update_operator (FzWindow *self)
{
  g_return_if_fail (FZ_IS_WINDOW (self));
  update_operator (self);
  /* A role that changed may see other pages. */
  rebuild_sidebar (self);
}

static void
sign_out_cb (FzWindow *self)
{
  fz_window_sign_out (self);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  fz_window_sign_out (FZ_WINDOW (widget));
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fz_window_lock (FZ_WINDOW (widget));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FzWindow *self = FZ_WINDOW (widget);
  GtkWidget *dialog = fz_account_dialog_new (get_context (self), FZ_ACCOUNT_DIALOG_CHANGE_PASSWORD, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Any key press, click or pointer move counts as activity. */
static void
touched_cb (FzWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
key_touched_cb (FzWindow              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  touched_cb (self);
  return GDK_EVENT_PROPAGATE;
}

void
fz_window_check_idle (FzWindow *self,
                      gint64    now)
{
  int minutes;

  g_return_if_fail (FZ_IS_WINDOW (self));

  if (self->settings == NULL || !has_accounts_session (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->gate), "sign-in") == 0)
    return;
  minutes = g_settings_get_int (self->settings, "lock-after-minutes");
  if (minutes > 0 && now - self->last_activity >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    fz_window_lock (self);
}

static gboolean
idle_check_cb (gpointer user_data)
{
  fz_window_check_idle (FZ_WINDOW (user_data), g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

static void
watch_activity (FzWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_touched_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (touched_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (touched_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->last_activity = g_get_monotonic_time ();
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
}

static gboolean
fz_window_close_request (GtkWindow *window)
{
  FzWindow *self = FZ_WINDOW (window);

  if (self->settings)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (fz_window_parent_class)->close_request (window);
}

static void
welcome_go (FzWindow   *self,
            const char *page,
            const char *action)
{
  GtkWidget *welcome = gtk_stack_get_child_by_name (self->stack, "welcome");

  /* Show the page for real (the sidebar's choice may be this page already). */
  fz_window_show_page (self, page);
  if (welcome)
    gtk_stack_remove (self->stack, welcome);
  if (action)
    gtk_widget_activate_action (gtk_stack_get_visible_child (self->stack), action, NULL);
}

static void
welcome_import_cb (FzWindow *self)
{
  welcome_go (self, "registry", "registry.import");
}

static void
welcome_demo_cb (FzWindow *self)
{
  welcome_go (self, "registry", "registry.demo");
}

static void
welcome_empty_cb (FzWindow *self)
{
  welcome_go (self, "dashboard", NULL);
}

static GtkWidget *
welcome_button (FzWindow   *self,
                const char *label,
                GCallback   callback,
                gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

/* A new, empty database opens on a welcome: bring in the registry, try a
 * synthetic city, or start empty. */
static void
show_welcome_if_empty (FzWindow *self)
{
  FzContext *context = fz_plugin_manager_get_context (self->manager);
  GtkWidget *status, *box;
  guint n = 0;

  /* Only someone who may add records is offered to. */
  if (!fz_context_can (context, FZ_PERMISSION_WRITE) ||
      !fz_registry_count_persons (fz_context_get_registry (context), NULL, &n, NULL) || n > 0)
    return;

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), APP_ID);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Welcome to Fuzhu"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Fuzhu keeps the registry of certified persons, the work of each measure of the employment plan, the progress against its targets, and the documents you print. Start by bringing in the registry you keep today."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), welcome_button (self, _("_Import the Registry from a Spreadsheet…"),
                                                 G_CALLBACK (welcome_import_cb), TRUE));
  gtk_box_append (GTK_BOX (box), welcome_button (self, _("Try a _Demo City"), G_CALLBACK (welcome_demo_cb), FALSE));
  gtk_box_append (GTK_BOX (box), welcome_button (self, _("_Start Empty"), G_CALLBACK (welcome_empty_cb), FALSE));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  gtk_stack_add_named (self->stack, status, "welcome");
  gtk_stack_set_visible_child (self->stack, status);
  set_page_title (self, _("Welcome"));
  gtk_widget_set_visible (GTK_WIDGET (self->documents_button), FALSE);
  fz_a11y_mend_tree (status);
}

static void
fz_window_constructed (GObject *object)
{
  FzWindow *self = FZ_WINDOW (object);
  FzContext *context = fz_plugin_manager_get_context (self->manager);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (fz_window_parent_class)->constructed (object);

  self->settings = fz_context_get_settings (context) ? g_object_ref (fz_context_get_settings (context)) : NULL;
  if (self->settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last = g_settings_get_string (self->settings, "last-page");
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

  g_signal_connect_object (fz_plugin_manager_get_plugins (self->manager), "items-changed",
                           G_CALLBACK (plugins_changed_cb), self, G_CONNECT_SWAPPED);

  /* The audit trail says the window's changes came from the window. */
  fz_access_set_client (context, "window");
  self->sign_in = FZ_SIGN_IN_PAGE (fz_sign_in_page_new (context));
  g_signal_connect_object (self->sign_in, "signed-in", G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sign_in, "sign-out", G_CALLBACK (sign_out_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->gate, GTK_WIDGET (self->sign_in), "sign-in");
  watch_activity (self);

  if (fz_context_get_role (context) == FZ_ROLE_NONE)
    {
      show_sign_in (self, FALSE);
      return;
    }
  rebuild_sidebar (self);
  if (last)
    fz_window_show_page (self, last);
  show_pages (self);
  show_welcome_if_empty (self);
}

static void
fz_window_dispose (GObject *object)
{
  FzWindow *self = FZ_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_WINDOW);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fz_window_parent_class)->dispose (object);
}

static void
fz_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FzWindow *self = FZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_window_class_init (FzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fz_window_constructed;
  object_class->dispose = fz_window_dispose;
  object_class->set_property = fz_window_set_property;
  window_class->close_request = fz_window_close_request;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL, FZ_TYPE_PLUGIN_MANAGER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, documents_button);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.print-document", "s", print_document_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", "s", print_document_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, open_documents, NULL);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, select_nth, "i", i);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, focus_sidebar, NULL);

  fz_a11y_install_workarounds ();
}

static void
fz_window_init (FzWindow *self)
{
  GtkWidget *pages;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_sidebar_tab_stops (self);

  /* The pages, and in their place while nobody is signed in or the window
   * is locked, the sign-in page (added once the context is known). */
  pages = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  self->gate = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->gate, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (self->gate, pages, "pages");
  g_object_unref (pages);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->gate));
}

FzWindow *
fz_window_new (GtkApplication  *app,
               FzPluginManager *manager)
{
  return g_object_new (FZ_TYPE_WINDOW,
                       "application", app,
                       "manager", manager,
                       NULL);
}
