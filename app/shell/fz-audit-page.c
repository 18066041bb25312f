/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "fz-audit-model.h"
#include "fz-a11y.h"
#include "fz-audit-page.h"
#include "fz-window.h"

struct _FzAuditPage
{
  AdwBin           parent_instance;
  FzContext       *context;
  FzAuditModel    *model;
  GStrv            tables;        /* "" first: any */

  GtkDropDown     *table_dropdown;
  GtkDropDown     *action_dropdown;
  GtkEntry        *operator_entry;
  GtkEntry        *record_entry;
  GtkEntry        *since_entry;
  GtkEntry        *until_entry;
  GtkLabel        *status_label;
  GtkColumnView   *view;
};

G_DEFINE_FINAL_TYPE (FzAuditPage, fz_audit_page, ADW_TYPE_BIN)

/* The actions one may search for, "" first: any. */
static const char *actions[] = {
  "", "insert", "update", "delete", "sign-in", "sign-in-failed", "sign-in-refused", "sign-out",
  "lock", "unlock", "unlock-failed", "export",
};

typedef enum {
  COLUMN_TIME,
  COLUMN_OPERATOR,
  COLUMN_CLIENT,
  COLUMN_ACTION,
  COLUMN_TABLE,
  COLUMN_RECORD,
  COLUMN_CHANGES,
} Column;

/* "name: 张三; phone: 138… → 139…" from an entry's JSON values. */
static void
append_values (GString    *out,
               const char *old_json,
               const char *new_json)
{
  g_autoptr(JsonParser) old_parser = json_parser_new ();
  g_autoptr(JsonParser) new_parser = json_parser_new ();
  JsonObject *old_object = NULL;
  JsonObject *new_object = NULL;
  JsonObject *keys;
  g_autoptr(GList) members = NULL;

  if (old_json && json_parser_load_from_data (old_parser, old_json, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (old_parser)))
    old_object = json_node_get_object (json_parser_get_root (old_parser));
  if (new_json && json_parser_load_from_data (new_parser, new_json, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (new_parser)))
    new_object = json_node_get_object (json_parser_get_root (new_parser));
  keys = new_object ? new_object : old_object;
  if (keys == NULL)
    return;

  members = json_object_get_members (keys);
  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      JsonNode *before = old_object && new_object ? json_object_get_member (old_object, key) : NULL;
      JsonNode *after = json_object_get_member (keys, key);
      g_autofree char *before_text = before ? json_to_string (before, FALSE) : NULL;
      g_autofree char *after_text = json_to_string (after, FALSE);

      if (out->len)
        g_string_append (out, "; ");
      if (before_text)
        g_string_append_printf (out, "%s: %s → %s", key, before_text, after_text);
      else
        g_string_append_printf (out, "%s: %s", key, after_text);
    }
}

static char *
describe_changes (const FzAuditEntry *entry)
{
  GString *out = g_string_new (NULL);

  append_values (out, entry->old_values, entry->new_values);
  return g_string_free (out, FALSE);
}

static const char *
client_to_string (const char *client)
{
  if (g_strcmp0 (client, "window") == 0)
    return _("Window");
  if (g_strcmp0 (client, "command line") == 0)
    return _("Command line");
  return client ? client : "";
}

/* The operator, or what the audit trail writes for an attempt before
 * anyone signed in, in the reader's language. */
static const char *
operator_to_string (const char *operator_name)
{
  return g_strcmp0 (operator_name, "(not signed in)") == 0 ? _("(not signed in)") : operator_name;
}

/* A label rather than a GtkInscription: values mix Latin and Chinese, and
 * an inscription's one line, measured on the first font, cuts the taller
 * CJK glyphs of the fallback font. Only the rows on screen are bound. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  FzAuditItem *audit_item = gtk_list_item_get_item (item);
  const FzAuditEntry *e = audit_item ? fz_audit_item_get_entry (audit_item) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (e == NULL)
    return;
  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TIME:     text = fz_audit_format_time (e->time); break;
    case COLUMN_OPERATOR: text = g_strdup (operator_to_string (e->operator_name)); break;
    case COLUMN_CLIENT:   text = g_strdup (client_to_string (e->client)); break;
    case COLUMN_ACTION:   text = g_strdup (fz_audit_action_to_string (e->action)); break;
    case COLUMN_TABLE:    text = g_strdup (e->table_name); break;
    case COLUMN_RECORD:   text = g_strdup (e->record_id); break;
    case COLUMN_CHANGES:
    default:              text = describe_changes (e); break;
    }
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  /* The whole of a long value, on hover. */
  gtk_widget_set_tooltip_text (label, text && *text ? text : NULL);
  /* A screen reader reads a row as a whole: when, who, what, where. */
  if ((Column) GPOINTER_TO_INT (user_data) == COLUMN_TIME)
    {
      g_autofree char *time = fz_audit_format_time (e->time);
      g_autofree char *name = g_strdup_printf ("%s, %s, %s, %s %s", time, operator_to_string (e->operator_name),
                                               fz_audit_action_to_string (e->action),
                                               e->table_name ? e->table_name : "",
                                               e->record_id ? e->record_id : "");

      fz_a11y_name_row (label, name);
    }
}

static void
add_column (FzAuditPage *self,
            Column       column,
            const char  *title,
            int          chars,
            gboolean     expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (chars > 0)
    gtk_column_view_column_set_fixed_width (col, chars * 9);
  gtk_column_view_append_column (self->view, col);
  g_object_unref (col);
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
show_status (FzAuditPage *self,
             const char  *message,
             gboolean     is_error)
{
  gtk_label_set_text (self->status_label, message);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

gboolean
fz_audit_page_search (FzAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  guint table = gtk_drop_down_get_selected (self->table_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  FzAuditFilter filter = {
    .table_name = self->tables && table < g_strv_length (self->tables) ? self->tables[table] : NULL,
    .operator_name = g_strstrip (g_strdup (entry_text (self->operator_entry))),
    .record_id = g_strstrip (g_strdup (entry_text (self->record_entry))),
    .action = action < G_N_ELEMENTS (actions) ? actions[action] : NULL,
    .since = g_strstrip (g_strdup (entry_text (self->since_entry))),
    .until = g_strstrip (g_strdup (entry_text (self->until_entry))),
  };
  gboolean ok = fz_audit_model_set_filter (self->model, &filter, &error);

  g_free ((char *) filter.operator_name);
  g_free ((char *) filter.record_id);
  g_free ((char *) filter.since);
  g_free ((char *) filter.until);
  if (!ok)
    {
      show_status (self, error->message, TRUE);
      return FALSE;
    }
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
    g_autofree char *message = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
    show_status (self, message, FALSE);
  }
  return TRUE;
}

static void
search_cb (FzAuditPage *self)
{
  fz_audit_page_search (self);
}

gboolean
fz_audit_page_export (FzAuditPage  *self,
                      const char   *path,
                      GError      **error)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_AUDIT_PAGE (self), FALSE);

  if (!fz_audit_export (self->context, fz_audit_model_get_filter (self->model), path, &n, error))
    return FALSE;
  {
    g_autofree char *message = g_strdup_printf (ngettext ("Exported %u entry to %s", "Exported %u entries to %s", n),
                                                n, path);
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

    show_status (self, message, FALSE);
    if (FZ_IS_WINDOW (root))
      fz_window_add_toast (FZ_WINDOW (root), message);
  }
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  FzAuditPage *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path && !g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".xlsx") &&
          !g_str_has_suffix (path, ".CSV") && !g_str_has_suffix (path, ".XLSX"))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);
          g_free (path);
          path = with;
        }
      if (path && !fz_audit_page_export (self, path, &error))
        show_status (self, error->message, TRUE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_cb (FzAuditPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export the Audit Trail"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_set_name (csv, _("CSV, UTF-8 (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("audit-trail.xlsx"));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fz_audit_page_dispose (GObject *object)
{
  FzAuditPage *self = FZ_AUDIT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_AUDIT_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->tables, g_strfreev);

  G_OBJECT_CLASS (fz_audit_page_parent_class)->dispose (object);
}

static void
fz_audit_page_class_init (FzAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_audit_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, operator_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, record_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FzAuditPage, view);
  gtk_widget_class_bind_template_callback (widget_class, search_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_cb);
}

static void
fz_audit_page_init (FzAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fz_audit_page_new (FzPluginManager *manager)
{
  FzAuditPage *self = g_object_new (FZ_TYPE_AUDIT_PAGE, NULL);
  g_autoptr(GtkStringList) table_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) action_names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) tables = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;
  GtkNoSelection *selection;

  self->context = g_object_ref (fz_plugin_manager_get_context (manager));
  self->model = fz_audit_model_new (self->context);

  known = fz_audit_dup_table_names (self->context, NULL);
  g_strv_builder_add (tables, "");
  gtk_string_list_append (table_names, _("Any table"));
  for (guint i = 0; known && known[i]; i++)
    {
      g_strv_builder_add (tables, known[i]);
      gtk_string_list_append (table_names, known[i]);
    }
  self->tables = g_strv_builder_end (tables);
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (table_names));
  gtk_string_list_append (action_names, _("Any action"));
  for (guint i = 1; i < G_N_ELEMENTS (actions); i++)
    gtk_string_list_append (action_names, fz_audit_action_to_string (actions[i]));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (action_names));

  add_column (self, COLUMN_TIME, _("Time"), 18, FALSE);
  add_column (self, COLUMN_OPERATOR, _("Operator"), 11, FALSE);
  add_column (self, COLUMN_CLIENT, _("Source"), 12, FALSE);
  add_column (self, COLUMN_ACTION, _("Action"), 13, FALSE);
  add_column (self, COLUMN_TABLE, _("Table"), 15, FALSE);
  add_column (self, COLUMN_RECORD, _("Record"), 8, FALSE);
  add_column (self, COLUMN_CHANGES, _("Values"), 0, TRUE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  fz_audit_page_search (self);
  return GTK_WIDGET (self);
}
