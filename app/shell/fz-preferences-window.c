/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-preferences-window.h"

struct _FzPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  FzPluginManager      *manager;
  AdwPreferencesGroup  *plugins_group;
  AdwActionRow         *database_row;
  AdwPreferencesPage   *targets_page;
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

static void
show_target_error (AdwEntryRow *row,
                   const char  *message)
{
  if (message)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Leave empty for no target"), -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
    }
}

static void
target_applied_cb (AdwEntryRow         *row,
                   FzPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "fz-target-key");
  const char *county = g_object_get_data (G_OBJECT (row), "fz-county");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  double value = -1;

  if (*text)
    {
      char *end = NULL;
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || value < 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a number of zero or more"), text);
          show_target_error (row, message);
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
          return;
        }
    }
  if (!fz_target_set (get_database (self), self->plan_id, key, county, value, &error))
    {
      show_target_error (row, error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  show_target_error (row, NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Target saved")));
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

  if (plan == NULL || kinds == NULL || counties == NULL)
    return;
  self->plan_id = g_strdup (plan->id);

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
          GtkWidget *row = adw_entry_row_new ();
          g_autofree char *title = g_strdup_printf ("%s（%s）", name, kind->unit);
          g_autofree char *text = NULL;
          double value = 0;
          gboolean found = FALSE;

          fz_target_get (db, plan->id, kind->key, code, &value, &found, NULL);
          if (found)
            text = g_strdup_printf ("%g", value);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
          g_object_set_data_full (G_OBJECT (row), "fz-target-key", g_strdup (kind->key), g_free);
          g_object_set_data_full (G_OBJECT (row), "fz-county", g_strdup (code), g_free);
          show_target_error (ADW_ENTRY_ROW (row), NULL);
          g_signal_connect (row, "apply", G_CALLBACK (target_applied_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (self->targets_page, ADW_PREFERENCES_GROUP (group));
    }
}

static void
fz_preferences_window_dispose (GObject *object)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
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
}

static void
fz_preferences_window_init (FzPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
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
  g_signal_connect_object (fz_plugin_manager_get_plugins (manager), "items-changed",
                           G_CALLBACK (plugins_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
