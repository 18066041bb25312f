/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fz-print.h"
#include "fz-window.h"

typedef struct {
  GtkWindow       *parent;
  FzPluginManager *manager;
  char            *name;
  char            *title;
  FzPrintTarget    target;
  GHashTable      *params;
  GPtrArray       *entries;  /* GtkEntry* for the parameters */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->manager);
  g_free (job->name);
  g_free (job->title);
  g_clear_pointer (&job->params, g_hash_table_unref);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_free (job);
}

static void
toast (GtkWindow  *parent,
       const char *message)
{
  if (FZ_IS_WINDOW (parent))
    fz_window_add_toast (FZ_WINDOW (parent), message);
  else
    g_message ("%s", message);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  PrintJob        *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) document = fz_plugin_manager_build_document (job->manager, job->name, job->params, &error);

      if (document && fz_document_render_pdf (document, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Saved %s"), path);
          toast (job->parent, message);
        }
      else
        toast (job->parent, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  print_job_free (job);
}

static void
run_job (PrintJob *job)
{
  g_autoptr(GError) error = NULL;

  if (job->target == FZ_PRINT_TO_PRINTER)
    {
      g_autoptr(FzDocument) document = fz_plugin_manager_build_document (job->manager, job->name, job->params, &error);

      if (document == NULL || !fz_document_print (document, job->parent, &error))
        toast (job->parent, error->message);
      print_job_free (job);
      return;
    }
  else
    {
      GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export as PDF"), job->parent,
                                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                   _("_Export"), _("_Cancel"));
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *file_name = g_strdup_printf ("%s.pdf", job->title);

      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), job);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

static void
params_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PrintJob         *job)
{
  if (g_strcmp0 (response, "go") != 0)
    {
      print_job_free (job);
      return;
    }
  for (guint i = 0; i < job->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (job->entries, i);
      const char *name = g_object_get_data (G_OBJECT (entry), "fz-param");
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      if (*value)
        g_hash_table_insert (job->params, g_strdup (name), g_steal_pointer (&value));
    }
  run_job (job);
}

/* Known parameters get a title in the user's language and a sensible start. */
static void
describe_parameter (FzPluginManager  *manager,
                    const char       *domain,
                    const char       *name,
                    const char      **title,
                    char            **value)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_str_equal (name, "year"))
    {
      FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (manager));
      g_autoptr(FzPlan) plan = fz_plan_for_year (db, g_date_time_get_year (now), NULL);
      int year = g_date_time_get_year (now);

      /* This year, or the last year of the plan once it has ended. */
      if (plan)
        year = CLAMP (year, plan->start_year, plan->end_year);
      *title = _("Year");
      *value = g_strdup_printf ("%d", year);
    }
  else if (g_str_equal (name, "county"))
    {
      *title = _("County (empty for the whole city)");
      *value = g_strdup ("");
    }
  else if (g_str_equal (name, "date"))
    {
      /* The day a list is told on: today, unless another is typed. */
      *title = _("Date");
      *value = g_date_time_format (now, "%Y-%m-%d");
    }
  else if (g_str_equal (name, "person"))
    {
      *title = _("Identity number");
      *value = g_strdup ("");
    }
  else
    {
      /* A measure's own parameter: titled by its translation in the
       * measure's domain, NC_("document parameter", NAME), if it has one. */
      *title = g_dpgettext2 (domain, "document parameter", name);
      *value = g_strdup ("");
    }
}

void
fz_print_document (GtkWindow       *parent,
                   FzPluginManager *manager,
                   const char      *name,
                   FzPrintTarget    target)
{
  FzDocumentRegistry *registry = fz_plugin_manager_get_documents (manager);
  g_autoptr(GError) error = NULL;
  const FzDocumentInfo *info;
  const char *domain = GETTEXT_PACKAGE;
  PrintJob *job;
  guint position = 0;
  GtkWidget *dialog;
  GtkWidget *list;

  info = fz_document_registry_lookup (registry, name, &position, &error);
  if (info == NULL)
    {
      toast (parent, error->message);
      return;
    }

  job = g_new0 (PrintJob, 1);
  job->parent = g_object_ref (parent);
  job->manager = g_object_ref (manager);
  {
    FzPluginEntry *entry = fz_plugin_manager_find (manager, fz_document_registry_get_owner (registry, position));
    FzMeasure *measure = entry ? fz_plugin_entry_get_measure (entry) : NULL;

    if (measure && fz_measure_get_info (measure)->gettext_domain)
      domain = fz_measure_get_info (measure)->gettext_domain;
  }
  job->name = g_strdup (name);
  job->title = g_strdup (fz_document_registry_get_title (registry, position));
  job->target = target;
  job->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->entries = g_ptr_array_new ();

  if (info->parameters == NULL || info->parameters[0] == NULL)
    {
      run_job (job);
      return;
    }

  dialog = adw_message_dialog_new (parent, job->title, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               target == FZ_PRINT_TO_PDF ? _("What should the PDF cover?")
                                                         : _("What should the printout cover?"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; info->parameters[i]; i++)
    {
      /* A GtkEntry in an action row, named by its title, rather than an
       * AdwEntryRow, whose focus GTK 4.8 does not tell a screen reader. */
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *entry = gtk_entry_new ();
      const char *title = NULL;
      g_autofree char *value = NULL;

      describe_parameter (manager, domain, info->parameters[i], &title, &value);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), value);
      /* Enter prints, or exports: the dialog's default response. */
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      g_object_set_data_full (G_OBJECT (entry), "fz-param", g_strdup (info->parameters[i]), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (job->entries, entry);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "go", target == FZ_PRINT_TO_PDF ? _("_Export") : _("_Print"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (params_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

GMenuModel *
fz_print_menu_for_owner (FzPluginManager *manager,
                         const char      *owner)
{
  FzDocumentRegistry *registry = fz_plugin_manager_get_documents (manager);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = 0;

  for (guint i = 0; i < fz_document_registry_get_n_items (registry); i++)
    {
      g_autoptr(GMenu) section = NULL;
      g_autofree char *print_label = NULL;
      g_autofree char *export_label = NULL;
      const char *name = fz_document_registry_get_name (registry, i);
      const char *title = fz_document_registry_get_title (registry, i);
      GMenuItem *item;

      if (g_strcmp0 (fz_document_registry_get_owner (registry, i), owner) != 0)
        continue;
      section = g_menu_new ();
      print_label = g_strdup_printf (_("Print %s…"), title);
      export_label = g_strdup_printf (_("Export %s as PDF…"), title);
      item = g_menu_item_new (print_label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.print-document", g_variant_new_string (name));
      g_menu_append_item (section, item);
      g_object_unref (item);
      item = g_menu_item_new (export_label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.export-document", g_variant_new_string (name));
      g_menu_append_item (section, item);
      g_object_unref (item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      n++;
    }
  return n ? G_MENU_MODEL (g_steal_pointer (&menu)) : NULL;
}
