/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-registry-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-person-dialog.h"
#include "fz-person-list.h"
#include "fz-a11y.h"
#include "fz-registry-page.h"
#include "fz-window.h"

struct _FzRegistryPage
{
  AdwBin           parent_instance;
  FzPluginManager *manager;
  FzRegistry      *registry;
  FzPersonList    *persons;
  char           **county_codes;
  guint            search_source;

  GtkSearchEntry  *search_entry;
  GtkDropDown     *county_dropdown;
  GtkDropDown     *category_dropdown;
  GtkDropDown     *grade_dropdown;
  GtkDropDown     *status_dropdown;
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkColumnView   *column_view;
};

G_DEFINE_FINAL_TYPE (FzRegistryPage, fz_registry_page, ADW_TYPE_BIN)

typedef enum {
  COL_NAME, COL_SEX, COL_ID, COL_CERT, COL_CATEGORY, COL_GRADE, COL_COUNTY, COL_TOWNSHIP, COL_PHONE, COL_STATUS,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  int         chars;
} columns[N_COLUMNS] = {
  /* Chinese characters are twice as wide as the average character counted here. */
  { N_("Name"), 9 }, { N_("Sex"), 6 }, { N_("Identity number"), 19 }, { N_("Certificate number"), 21 },
  { N_("Category"), 11 }, { N_("Grade"), 5 }, { N_("County"), 7 }, { N_("Township"), 10 },
  { N_("Phone"), 12 }, { N_("Employment"), 10 },
};

static char *
cell_text (FzPerson *person,
           Column    column)
{
  switch (column)
    {
    case COL_NAME:     return g_strdup (fz_person_get_name (person));
    case COL_SEX:      return g_strdup (fz_sex_to_string (fz_person_get_sex (person)));
    case COL_ID:       return g_strdup (fz_person_get_id_number (person));
    case COL_CERT:     return g_strdup (fz_person_get_cert_number (person));
    case COL_CATEGORY: return g_strdup (fz_category_to_string (fz_person_get_category (person)));
    case COL_GRADE:    return fz_person_get_grade (person) ? g_strdup_printf ("%u", fz_person_get_grade (person)) : NULL;
    case COL_COUNTY:   return g_strdup (fz_person_get_county_name (person));
    case COL_TOWNSHIP: return g_strdup (fz_person_get_township (person));
    case COL_PHONE:    return g_strdup (fz_person_get_phone (person));
    case COL_STATUS:   return g_strdup (fz_employment_status_to_string (fz_person_get_employment_status (person)));
    case N_COLUMNS:
    default:           return NULL;
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), (guint) columns[GPOINTER_TO_INT (data)].chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), (guint) columns[GPOINTER_TO_INT (data)].chars);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  FzPerson *person = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (data);
  g_autofree char *text = cell_text (person, column);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
  /* A screen reader reads a row by its person, not its first cell alone. */
  if (column == COL_NAME)
    {
      g_autofree char *label = g_strdup_printf ("%s, %s, %s, %s", fz_person_get_name (person),
                                                fz_person_get_id_number (person),
                                                fz_person_get_county_name (person) ? fz_person_get_county_name (person) : "",
                                                fz_employment_status_to_string (fz_person_get_employment_status (person)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      fz_a11y_name_row (gtk_list_item_get_child (item), label);
    }
}

static void
update_count (FzRegistryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->persons));
  g_autofree char *text = g_strdup_printf (ngettext ("%u person", "%u persons", n), n);
  gboolean filtering = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) ||
                       gtk_drop_down_get_selected (self->county_dropdown) > 0 ||
                       gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
                       gtk_drop_down_get_selected (self->grade_dropdown) > 0 ||
                       gtk_drop_down_get_selected (self->status_dropdown) > 0;

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : filtering ? "none" : "empty");
}

/* What the search field and the filters ask for; the strings stay the page's. */
static FzPersonFilter
current_filter (FzRegistryPage *self)
{
  guint county = gtk_drop_down_get_selected (self->county_dropdown);
  FzPersonFilter filter = {
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .county_code = county > 0 && self->county_codes ? self->county_codes[county - 1] : NULL,
    .category = gtk_drop_down_get_selected (self->category_dropdown),
    .grade = gtk_drop_down_get_selected (self->grade_dropdown),
    .employment_status = gtk_drop_down_get_selected (self->status_dropdown),
  };

  return filter;
}

static void
apply_filter (FzRegistryPage *self)
{
  g_autoptr(GError) error = NULL;
  FzPersonFilter filter = current_filter (self);

  if (!fz_person_list_set_filter (self->persons, &filter, &error))
    g_warning ("Could not search the registry: %s", error->message);
  update_count (self);
}

static void
filter_changed_cb (FzRegistryPage *self)
{
  apply_filter (self);
}

static void
search_activate_cb (FzRegistryPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
fz_registry_page_search (FzRegistryPage *self,
                         const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* As the search entry would after its short delay. */
  apply_filter (self);
}

GListModel *
fz_registry_page_get_model (FzRegistryPage *self)
{
  return G_LIST_MODEL (self->persons);
}

static GtkWindow *
parent_window (FzRegistryPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
toast (FzRegistryPage *self,
       const char     *message)
{
  GtkWindow *window = parent_window (self);

  if (FZ_IS_WINDOW (window))
    fz_window_add_toast (FZ_WINDOW (window), message);
}

static void
person_saved_cb (FzRegistryPage *self)
{
  fz_person_list_reload (self->persons);
  update_count (self);
}

static void
open_person (FzRegistryPage *self,
             FzPerson       *person)
{
  FzPersonDialog *dialog = fz_person_dialog_new (parent_window (self), self->registry, person);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  /* The form edits the person in place: read it back whatever happened. */
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (FzRegistryPage *self,
                  guint           position)
{
  g_autoptr(FzPerson) person = g_list_model_get_item (G_LIST_MODEL (self->persons), position);

  if (person && fz_person_get_id (person) > 0)
    open_person (self, person);
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  open_person (FZ_REGISTRY_PAGE (widget), NULL);
}

static void
show_problems (FzRegistryPage *self,
               FzImportReport *report,
               const char     *path)
{
  guint n = fz_import_report_get_n_problems (report);
  g_autofree char *heading = g_strdup_printf (ngettext ("%u Problem: Nothing Was Imported", "%u Problems: Nothing Was Imported", n), n);
  g_autofree char *body = g_strdup_printf (_("Correct these rows in %s and import it again. The registry was not changed."), path);
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  for (guint i = 0; i < n; i++)
    {
      guint line = 0;
      const char *problem = fz_import_report_get_problem (report, i, &line);
      g_autofree char *title = g_strdup_printf (_("Line %u"), line);
      g_autofree char *escaped = g_markup_escape_text (problem, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_focusable (row, TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
fz_registry_page_import_file (FzRegistryPage *self,
                              const char     *path)
{
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!fz_registry_import_file (self->registry, path, &report, &error))
    {
      if (report && fz_import_report_get_n_problems (report) > 0)
        show_problems (self, report, path);
      else
        toast (self, error->message);
      return FALSE;
    }
  {
    g_autofree char *summary = fz_import_report_dup_summary (report);
    toast (self, summary);
  }
  fz_person_list_reload (self->persons);
  update_count (self);
  return TRUE;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FzRegistryPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      fz_registry_page_import_file (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  FzRegistryPage *self = FZ_REGISTRY_PAGE (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Persons"), parent_window (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (*.csv, *.xlsx)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.XLSX");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FzRegistryPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      guint n = 0;
      FzPersonFilter filter = current_filter (self);

      if (fz_registry_export_persons (self->registry, path, &filter, &n, &error))
        {
          g_autofree char *message = g_strdup_printf (ngettext ("Exported %u person", "Exported %u persons", n), n);
          toast (self, message);
        }
      else
        toast (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  FzRegistryPage *self = FZ_REGISTRY_PAGE (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export Persons"), parent_window (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("persons.xlsx"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
demo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  FzRegistryPage *self = FZ_REGISTRY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (!fz_demo_add_persons (self->registry, 2025, 2000, &added, &error) ||
      !fz_demo_add_organizations (self->registry, 2025, 200, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Loaded a synthetic city: all names and numbers are made up"));
  fz_person_list_reload (self->persons);
  update_count (self);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  gtk_widget_grab_focus (GTK_WIDGET (FZ_REGISTRY_PAGE (widget)->search_entry));
  return TRUE;
}

static void
fz_registry_page_dispose (GObject *object)
{
  FzRegistryPage *self = FZ_REGISTRY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_REGISTRY_PAGE);
  g_clear_object (&self->persons);
  g_clear_object (&self->registry);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->county_codes, g_strfreev);

  G_OBJECT_CLASS (fz_registry_page_parent_class)->dispose (object);
}

static void
fz_registry_page_class_init (FzRegistryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_registry_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-registry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, county_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzRegistryPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "registry.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "registry.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "registry.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "registry.demo", NULL, demo_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "registry.add", NULL);
}

static void
fz_registry_page_init (FzRegistryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *any,
               const char  *const *names,
               guint        n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n && names[i]; i++)
    gtk_string_list_append (list, names[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

GtkWidget *
fz_registry_page_new (FzPluginManager *manager)
{
  FzRegistryPage *self = g_object_new (FZ_TYPE_REGISTRY_PAGE, NULL);
  FzContext *context = fz_plugin_manager_get_context (manager);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;
  const char *categories[FZ_CATEGORY_LAST];
  const char *grades[] = { _("Grade 1"), _("Grade 2"), _("Grade 3"), _("Grade 4") };
  const char *statuses[] = { fz_employment_status_to_string (FZ_EMPLOYMENT_EMPLOYED),
                             fz_employment_status_to_string (FZ_EMPLOYMENT_UNEMPLOYED),
                             fz_employment_status_to_string (FZ_EMPLOYMENT_UNKNOWN) };

  self->manager = g_object_ref (manager);
  self->registry = g_object_ref (fz_context_get_registry (context));
  self->persons = fz_person_list_new (self->registry);

  self->county_codes = fz_registry_dup_county_codes (self->registry);
  for (guint i = 0; self->county_codes && self->county_codes[i]; i++)
    g_ptr_array_add (names, (gpointer) fz_registry_get_county_name (self->registry, self->county_codes[i]));
  g_ptr_array_add (names, NULL);
  fill_dropdown (self->county_dropdown, _("All counties"), (const char *const *) names->pdata, names->len);
  for (guint i = 0; i < FZ_CATEGORY_LAST; i++)
    categories[i] = fz_category_to_string (i + 1);
  fill_dropdown (self->category_dropdown, _("All categories"), categories, FZ_CATEGORY_LAST);
  fill_dropdown (self->grade_dropdown, _("All grades"), grades, G_N_ELEMENTS (grades));
  fill_dropdown (self->status_dropdown, _("Any employment"), statuses, G_N_ELEMENTS (statuses));
  g_signal_connect_swapped (self->county_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->category_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->grade_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COL_TOWNSHIP)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->persons)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  update_count (self);
  return GTK_WIDGET (self);
}
