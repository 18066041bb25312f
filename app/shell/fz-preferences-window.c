/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-account-dialog.h"
#include "fz-preferences-window.h"
#include "fz-window.h"

struct _FzPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  FzPluginManager      *manager;
  AdwPreferencesGroup  *plugins_group;
  AdwActionRow         *database_row;
  AdwPreferencesPage   *targets_page;
  AdwPreferencesPage   *accounts_page;
  GPtrArray            *account_groups; /* the groups of accounts_page, rebuilt */
  char                 *plan_id;
  GPtrArray            *rows;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (FzPreferencesWindow, fz_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
describe (FzPluginEntry *entry)
{
  switch (fz_plugin_entry_get_state (entry))
    {
    case FZ_PLUGIN_STATE_LOADED:
      {
        const char *dir = fz_plugin_entry_get_module_dir (entry);
        g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "fuzhu", "plugins", NULL);

        /* Where it came from, in words; a folder only when it is neither. */
        if (g_str_has_prefix (dir, user_dir))
          return g_strdup (_("Loaded from your plugin folder"));
        if (g_str_has_prefix (dir, FZ_PLUGINDIR))
          return g_strdup (_("Loaded, installed with Fuzhu"));
        return g_strdup_printf (_("Loaded from %s"), dir);
      }
    case FZ_PLUGIN_STATE_DISABLED:
      return g_strdup (_("Disabled"));
    case FZ_PLUGIN_STATE_FAILED:
    default:
      return g_strdup_printf (_("Failed: %s"), fz_plugin_entry_get_reason (entry));
    }
}

static void
switch_active_cb (GtkSwitch           *sw,
                  GParamSpec          *pspec,
                  FzPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (sw), "fz-plugin-id");
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!fz_plugin_manager_set_enabled (self->manager, id, gtk_switch_get_active (sw), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
rebuild (FzPreferencesWindow *self)
{
  GListModel *plugins = fz_plugin_manager_get_plugins (self->manager);
  guint n = g_list_model_get_n_items (plugins);

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->plugins_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzPluginEntry) entry = g_list_model_get_item (plugins, i);
      g_autofree char *subtitle = describe (entry);
      g_autofree char *switch_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (fz_plugin_entry_get_icon_name (entry)
                                                      ? fz_plugin_entry_get_icon_name (entry)
                                                      : "application-x-addon-symbolic");
      FzPluginState state = fz_plugin_entry_get_state (entry);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fz_plugin_entry_get_title (entry));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (state == FZ_PLUGIN_STATE_FAILED)
        gtk_widget_add_css_class (row, "error");

      gtk_switch_set_active (GTK_SWITCH (sw), state != FZ_PLUGIN_STATE_DISABLED);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (sw, fz_context_can (fz_plugin_manager_get_context (self->manager),
                                                    FZ_PERMISSION_MANAGE_PLUGINS));
      switch_label = g_strdup_printf (_("Enable %s"), fz_plugin_entry_get_title (entry));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      g_object_set_data_full (G_OBJECT (sw), "fz-plugin-id", g_strdup (fz_plugin_entry_get_id (entry)), g_free);
      g_object_set_data (G_OBJECT (row), "fz-switch", sw);
      g_signal_connect (sw, "notify::active", G_CALLBACK (switch_active_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      /* The row labels its switch with its title too, and GTK 4.8 would read
       * "Enable X X": the switch's own label says it all. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

      adw_preferences_group_add (self->plugins_group, row);
      g_ptr_array_add (self->rows, row);
    }
  self->updating = FALSE;
}

static void
update_row (FzPreferencesWindow *self,
            GtkWidget           *row,
            FzPluginEntry       *entry)
{
  g_autofree char *subtitle = describe (entry);
  GtkWidget *sw = g_object_get_data (G_OBJECT (row), "fz-switch");
  FzPluginState state = fz_plugin_entry_get_state (entry);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (state == FZ_PLUGIN_STATE_FAILED)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  self->updating = TRUE;
  gtk_switch_set_active (GTK_SWITCH (sw), state != FZ_PLUGIN_STATE_DISABLED);
  self->updating = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}

static void
plugins_changed_cb (FzPreferencesWindow *self,
                    guint                position,
                    guint                removed,
                    guint                added,
                    GListModel          *model)
{
  /* One plugin changed state, often from its own switch: update its row in
   * place rather than destroying the switch that is being toggled. */
  if (removed == 1 && added == 1 && position < self->rows->len)
    {
      g_autoptr(FzPluginEntry) entry = g_list_model_get_item (model, position);
      update_row (self, g_ptr_array_index (self->rows, position), entry);
      return;
    }
  rebuild (self);
}

static FzDatabase *
get_database (FzPreferencesWindow *self)
{
  return fz_context_get_database (fz_plugin_manager_get_context (self->manager));
}

/* A target is a GtkEntry in an action row, not an AdwEntryRow, whose focus
 * GTK 4.8 does not tell a screen reader. Enter saves it, as does the row's
 * Save button, shown once the text differs from the target saved. */

static void
show_target_error (GtkWidget  *entry,
                   const char *message)
{
  /* The tooltip first: GTK makes it the accessible description. */
  gtk_widget_set_tooltip_text (entry, message);
  if (message)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Leave empty for no target"), -1);
    }
}

static char *
target_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
target_changed_cb (GtkWidget *entry)
{
  GtkWidget *save = g_object_get_data (G_OBJECT (entry), "fz-save-button");
  g_autofree char *text = target_text (entry);

  gtk_widget_set_visible (save, gtk_editable_get_editable (GTK_EDITABLE (entry)) &&
                                g_strcmp0 (text, g_object_get_data (G_OBJECT (entry), "fz-saved")) != 0);
}

static void
target_applied_cb (GtkWidget           *entry,
                   FzPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (entry), "fz-target-key");
  const char *county = g_object_get_data (G_OBJECT (entry), "fz-county");
  GtkWidget *save = g_object_get_data (G_OBJECT (entry), "fz-save-button");
  g_autofree char *text = target_text (entry);
  g_autoptr(GError) error = NULL;
  double value = -1;

  if (!gtk_editable_get_editable (GTK_EDITABLE (entry)))
    return;
  if (*text)
    {
      char *end = NULL;
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || value < 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a number of zero or more"), text);
          show_target_error (entry, message);
          gtk_widget_grab_focus (entry);
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
          return;
        }
    }
  if (!fz_target_set (get_database (self), self->plan_id, key, county, value, &error))
    {
      show_target_error (entry, error->message);
      gtk_widget_grab_focus (entry);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  show_target_error (entry, NULL);
  g_object_set_data_full (G_OBJECT (entry), "fz-saved", g_steal_pointer (&text), g_free);
  /* The button goes: the focus stays in the row, on the field. */
  if (gtk_widget_has_focus (save))
    gtk_widget_grab_focus (entry);
  target_changed_cb (entry);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Target saved")));
}

static void
target_save_clicked_cb (GtkButton *save,
                        GtkWidget *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
build_targets (FzPreferencesWindow *self)
{
  FzDatabase *db = get_database (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(FzPlan) plan = fz_plan_for_year (db, g_date_time_get_year (now), NULL);
  g_autoptr(GPtrArray) kinds = fz_target_list_kinds (db, NULL);
  g_autoptr(GPtrArray) counties = fz_county_list (db, NULL);
  g_autofree char *city = fz_county_get_name (db, FZ_CITY_CODE);

  gboolean editable = fz_context_can (fz_plugin_manager_get_context (self->manager), FZ_PERMISSION_EDIT_TARGETS);

  if (plan == NULL || kinds == NULL || counties == NULL)
    return;
  self->plan_id = g_strdup (plan->id);
  if (!editable)
    {
      GtkWidget *note = adw_preferences_group_new ();

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (note), _("Only an administrator changes the targets."));
      adw_preferences_page_add (self->targets_page, ADW_PREFERENCES_GROUP (note));
    }

  for (guint k = 0; k < kinds->len; k++)
    {
      FzTargetInfo *kind = g_ptr_array_index (kinds, k);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *description = g_strdup_printf ("%s — %s", plan->title, kind->definition);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kind->title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      for (int c = -1; c < (int) counties->len; c++)
        {
          const char *code = c < 0 ? FZ_CITY_CODE : ((FzCounty *) g_ptr_array_index (counties, c))->code;
          const char *name = c < 0 ? city : ((FzCounty *) g_ptr_array_index (counties, c))->name;
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *entry = gtk_entry_new ();
          GtkWidget *save = gtk_button_new_from_icon_name ("object-select-symbolic");
          g_autofree char *title = g_strdup_printf ("%s（%s）", name, kind->unit);
          g_autofree char *text = NULL;
          double value = 0;
          gboolean found = FALSE;

          fz_target_get (db, plan->id, kind->key, code, &value, &found, NULL);
          if (found)
            text = g_strdup_printf ("%g", value);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          /* One Tab stop, the field, which the row's title names. */
          gtk_widget_set_focusable (row, FALSE);
          gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
          gtk_widget_set_hexpand (entry, TRUE);
          gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
          gtk_editable_set_editable (GTK_EDITABLE (entry), editable);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
          gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (save, _("Save the target"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Save the target"), -1);
          gtk_widget_add_css_class (save, "flat");
          gtk_widget_set_visible (save, FALSE);
          g_object_set_data_full (G_OBJECT (entry), "fz-target-key", g_strdup (kind->key), g_free);
          g_object_set_data_full (G_OBJECT (entry), "fz-county", g_strdup (code), g_free);
          g_object_set_data_full (G_OBJECT (entry), "fz-saved", g_strdup (text ? text : ""), g_free);
          g_object_set_data (G_OBJECT (entry), "fz-save-button", save);
          show_target_error (entry, NULL);
          g_signal_connect (entry, "activate", G_CALLBACK (target_applied_cb), self);
          g_signal_connect (entry, "changed", G_CALLBACK (target_changed_cb), NULL);
          g_signal_connect (save, "clicked", G_CALLBACK (target_save_clicked_cb), entry);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (self->targets_page, ADW_PREFERENCES_GROUP (group));
    }
}

/* Accounts */

static void rebuild_accounts (FzPreferencesWindow *self);

static FzContext *
get_context (FzPreferencesWindow *self)
{
  return fz_plugin_manager_get_context (self->manager);
}

static void
accounts_changed_cb (FzPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  rebuild_accounts (self);
  if (FZ_IS_WINDOW (parent))
    fz_window_update_operator (FZ_WINDOW (parent));
}

static void
open_dialog (FzPreferencesWindow *self,
             FzAccountDialogMode  mode,
             const FzAccount     *account)
{
  GtkWidget *dialog = fz_account_dialog_new (get_context (self), mode, account);

  g_signal_connect_object (dialog, "done", G_CALLBACK (accounts_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
first_administrator_cb (GtkButton           *button,
                        FzPreferencesWindow *self)
{
  open_dialog (self, FZ_ACCOUNT_DIALOG_FIRST_ADMINISTRATOR, NULL);
}

static void
change_password_cb (GtkButton           *button,
                    FzPreferencesWindow *self)
{
  open_dialog (self, FZ_ACCOUNT_DIALOG_CHANGE_PASSWORD, NULL);
}

static void
add_account_cb (GtkButton           *button,
                FzPreferencesWindow *self)
{
  open_dialog (self, FZ_ACCOUNT_DIALOG_ADD, NULL);
}

static void
edit_account_cb (GtkButton           *button,
                 FzPreferencesWindow *self)
{
  open_dialog (self, FZ_ACCOUNT_DIALOG_EDIT, g_object_get_data (G_OBJECT (button), "fz-account"));
}

static void
reset_password_cb (GtkButton           *button,
                   FzPreferencesWindow *self)
{
  open_dialog (self, FZ_ACCOUNT_DIALOG_RESET_PASSWORD, g_object_get_data (G_OBJECT (button), "fz-account"));
}

static GtkWidget *
row_button (const char *label,
            const char *accessible,
            GCallback   callback,
            gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (accessible)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static GtkWidget *
add_group (FzPreferencesWindow *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->accounts_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->account_groups, group);
  return group;
}

static char *
describe_account (FzPreferencesWindow *self,
                  const FzAccount     *account)
{
  GString *text = g_string_new (fz_role_to_string (account->role));

  if (account->county_code)
    {
      g_autofree char *county = fz_county_get_name (fz_context_get_database (get_context (self)), account->county_code);
      g_string_append_printf (text, " · %s", county ? county : account->county_code);
    }
  if (account->disabled)
    g_string_append_printf (text, " · %s", _("disabled"));
  if (account->last_sign_in)
    {
      g_autofree char *when = fz_audit_format_time (account->last_sign_in);
      g_string_append_printf (text, " · ");
      g_string_append_printf (text, _("last signed in %s"), when);
    }
  return g_string_free (text, FALSE);
}

static void
build_operator_group (FzPreferencesWindow *self)
{
  FzContext *context = get_context (self);
  GtkWidget *group = add_group (self, _("Operator"), NULL);
  GtkWidget *row = adw_action_row_new ();

  if (fz_context_is_single_user (context))
    {
      g_autofree char *subtitle =
        g_strdup_printf (_("Fuzhu runs as %s, who may do everything. Create an administrator, and everyone "
                           "signs in with their own account and role; every change is then recorded under "
                           "their name."), fz_context_get_operator (context));
      GtkWidget *button = row_button (_("C_reate Administrator…"), NULL, G_CALLBACK (first_administrator_cb), self);

      gtk_widget_set_name (button, "fz-create-administrator");
      gtk_widget_add_css_class (button, "suggested-action");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Single-user mode"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Signed in as %s"), fz_context_get_operator (context));
      GString *subtitle = g_string_new (fz_role_to_string (fz_context_get_role (context)));

      if (fz_context_get_county (context))
        {
          g_autofree char *county = fz_county_get_name (fz_context_get_database (context), fz_context_get_county (context));
          g_string_append_printf (subtitle, " · %s", county);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("_Change Password…"), NULL, G_CALLBACK (change_password_cb), self));
      g_string_free (subtitle, TRUE);
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
build_accounts_group (FzPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = fz_access_list_accounts (get_context (self), &error);
  GtkWidget *group;
  GtkWidget *add;

  if (accounts == NULL)
    return;
  group = add_group (self, _("Accounts"),
                     _("Administrators manage accounts, plugins and targets; city staff work on every county; "
                       "county staff on their own; viewers only look, with numbers masked."));
  add = row_button (_("_Add Account…"), NULL, G_CALLBACK (add_account_cb), self);
  gtk_widget_set_name (add, "fz-add-account");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  for (guint i = 0; i < accounts->len; i++)
    {
      FzAccount *account = accounts->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_account (self, account);
      g_autofree char *title = account->display_name
                                 ? g_strdup_printf ("%s (%s)", account->name, account->display_name)
                                 : g_strdup (account->name);
      g_autofree char *edit_label = g_strdup_printf (_("Edit the account %s"), account->name);
      g_autofree char *reset_label = g_strdup_printf (_("Set the password of %s"), account->name);
      GtkWidget *edit = row_button (_("_Edit…"), edit_label, G_CALLBACK (edit_account_cb), self);
      GtkWidget *reset = row_button (_("_Password…"), reset_label, G_CALLBACK (reset_password_cb), self);

      g_object_set_data_full (G_OBJECT (edit), "fz-account", fz_account_copy (account), (GDestroyNotify) fz_account_free);
      g_object_set_data_full (G_OBJECT (reset), "fz-account", fz_account_copy (account), (GDestroyNotify) fz_account_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
build_lock_group (FzPreferencesWindow *self)
{
  FzContext *context = get_context (self);
  GSettings *settings = fz_context_get_settings (context);
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *spin;

  if (settings == NULL)
    return;
  group = add_group (self, _("Locking"), NULL);
  row = adw_action_row_new ();
  spin = gtk_spin_button_new_with_range (0, 480, 1);
  gtk_widget_set_name (spin, "fz-lock-minutes");
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_settings_bind (settings, "lock-after-minutes", spin, "value", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_sensitive (spin, fz_context_can (context, FZ_PERMISSION_MANAGE_ACCOUNTS));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lock after idle minutes"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Lock after idle minutes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Once operators sign in, the window locks after this many minutes without a key "
                                 "press or a pointer move; 0 never locks it. Ctrl+Shift+L locks it at once."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
rebuild_accounts (FzPreferencesWindow *self)
{
  for (guint i = 0; i < self->account_groups->len; i++)
    adw_preferences_page_remove (self->accounts_page, g_ptr_array_index (self->account_groups, i));
  g_ptr_array_set_size (self->account_groups, 0);

  build_operator_group (self);
  if (fz_context_can (get_context (self), FZ_PERMISSION_MANAGE_ACCOUNTS) &&
      !fz_context_is_single_user (get_context (self)))
    build_accounts_group (self);
  build_lock_group (self);
}

static void
fz_preferences_window_dispose (GObject *object)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->account_groups, g_ptr_array_unref);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->plan_id, g_free);

  G_OBJECT_CLASS (fz_preferences_window_parent_class)->dispose (object);
}

static void
fz_preferences_window_class_init (FzPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, plugins_group);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, targets_page);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, accounts_page);
}

static void
fz_preferences_window_init (FzPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->account_groups = g_ptr_array_new ();
}

GtkWidget *
fz_preferences_window_new (FzPluginManager *manager)
{
  FzPreferencesWindow *self = g_object_new (FZ_TYPE_PREFERENCES_WINDOW, NULL);
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (manager));

  self->manager = g_object_ref (manager);
  adw_action_row_set_subtitle (self->database_row, fz_database_get_path (db));
  rebuild (self);
  build_targets (self);
  rebuild_accounts (self);
  g_signal_connect_object (fz_plugin_manager_get_plugins (manager), "items-changed",
                           G_CALLBACK (plugins_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
