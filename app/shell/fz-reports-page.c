/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-reports-page.h"

struct _FzReportsPage
{
  AdwBin           parent_instance;
  FzPluginManager *manager;
  GArray          *years;
  gboolean         updating;

  GtkStack        *stack;
  GtkDropDown     *year_dropdown;
  GtkLabel        *received_label;
  GtkGrid         *grid;
};

G_DEFINE_FINAL_TYPE (FzReportsPage, fz_reports_page, ADW_TYPE_BIN)

static FzDatabase *
get_db (FzReportsPage *self)
{
  return fz_context_get_database (fz_plugin_manager_get_context (self->manager));
}

static GtkWidget *
cell (const char *text,
      gboolean    heading,
      float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
show_year (FzReportsPage *self)
{
  g_autoptr(GPtrArray) counties = fz_county_list (get_db (self), NULL);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint index = gtk_drop_down_get_selected (self->year_dropdown);
  int year;
  int row = 0;
  guint received = 0;
  char *last_figure = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
  if (self->years->len == 0 || index >= self->years->len || counties == NULL)
    return;
  year = g_array_index (self->years, int, index);

  gtk_grid_attach (self->grid, cell (_("Figure"), TRUE, 0), 0, 0, 1, 1);
  for (guint c = 0; c < counties->len; c++)
    gtk_grid_attach (self->grid, cell (((FzCounty *) g_ptr_array_index (counties, c))->name, TRUE, 1),
                     (int) c + 1, 0, 1, 1);

  /* One row per figure, in the order the counties reported them; a cell per
   * county: to date, and the target where one was set. */
  st = fz_database_query (get_db (self),
                          "SELECT f.figure_id, f.title, f.unit, f.county_code, f.to_date, f.target, f.kind "
                          "FROM fz_report_figure f WHERE f.year = ?1 ORDER BY f.position, f.figure_id",
                          g_variant_new ("(i)", year), &error);
  while (st && fz_statement_step (st, &error))
    {
      const char *figure = fz_statement_get_text (st, 0);
      const char *county = fz_statement_get_text (st, 3);
      gboolean percent = g_strcmp0 (fz_statement_get_text (st, 6), "percent") == 0;
      g_autofree char *text = NULL;
      g_autofree char *value = percent ? g_strdup_printf ("%.1f%%", fz_statement_get_double (st, 4))
                                       : g_strdup_printf ("%.0f", fz_statement_get_double (st, 4));

      if (g_strcmp0 (last_figure, figure) != 0)
        {
          g_autofree char *title = g_strdup_printf ("%s（%s）", fz_statement_get_text (st, 1), fz_statement_get_text (st, 2));
          g_free (last_figure);
          last_figure = g_strdup (figure);
          row++;
          gtk_grid_attach (self->grid, cell (title, FALSE, 0), 0, row, 1, 1);
        }
      if (fz_statement_is_null (st, 5))
        text = g_strdup (value);
      else
        text = g_strdup_printf (percent ? "%s / %.1f%%" : "%s / %.0f", value, fz_statement_get_double (st, 5));
      for (guint c = 0; c < counties->len; c++)
        if (g_str_equal (((FzCounty *) g_ptr_array_index (counties, c))->code, county))
          gtk_grid_attach (self->grid, cell (text, FALSE, 1), (int) c + 1, row, 1, 1);
    }
  g_free (last_figure);
  if (error)
    g_warning ("Could not read the reports: %s", error->message);

  {
    g_autoptr(FzStatement) count = fz_database_query (get_db (self),
                                                      "SELECT count(*) FROM fz_report_received WHERE year = ?1",
                                                      g_variant_new ("(i)", year), NULL);
    g_autofree char *text = NULL;
    if (count && fz_statement_step (count, NULL))
      received = (guint) fz_statement_get_int64 (count, 0);
    text = g_strdup_printf (ngettext ("%u of %u counties reported", "%u of %u counties reported", counties->len),
                            received, counties->len);
    gtk_label_set_text (self->received_label, text);
  }
}

void
fz_reports_page_reload (FzReportsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) years = fz_report_imported_years (get_db (self), NULL);

  g_clear_pointer (&self->years, g_array_unref);
  self->years = years ? g_steal_pointer (&years) : g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->years, int, i));
      gtk_string_list_append (labels, label);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, self->years->len ? "table" : "empty");
  show_year (self);
}

gboolean
fz_reports_page_import_file (FzReportsPage  *self,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(FzReport) report = fz_report_read_json (path, error);

  if (report == NULL || !fz_report_import (get_db (self), report, path, NULL, error))
    return FALSE;
  fz_reports_page_reload (self);
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == report->year)
      gtk_drop_down_set_selected (self->year_dropdown, i);
  return TRUE;
}

static void
toast (FzReportsPage *self,
       const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FzReportsPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (fz_reports_page_import_file (self, path, &error))
        toast (self, _("Report imported"));
      else
        toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FzReportsPage *self = FZ_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a County Report"), GTK_WINDOW (root),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Fuzhu yearly reports (*.json)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
year_changed_cb (FzReportsPage *self)
{
  if (!self->updating)
    show_year (self);
}

static void
fz_reports_page_dispose (GObject *object)
{
  FzReportsPage *self = FZ_REPORTS_PAGE (object);

  /* The stack is both the bin's child and a template child: let the bin let go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_REPORTS_PAGE);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (fz_reports_page_parent_class)->dispose (object);
}

static void
fz_reports_page_class_init (FzReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_reports_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzReportsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzReportsPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportsPage, grid);
  gtk_widget_class_install_action (widget_class, "reports.import", NULL, import_action);
}

static void
fz_reports_page_init (FzReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (year_changed_cb), self);
}

GtkWidget *
fz_reports_page_new (FzPluginManager *manager)
{
  FzReportsPage *self = g_object_new (FZ_TYPE_REPORTS_PAGE, NULL);

  self->manager = g_object_ref (manager);
  fz_reports_page_reload (self);
  return GTK_WIDGET (self);
}
