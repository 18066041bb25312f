/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-base-dialog.h"
#include "fzp-rural-bases-base-view.h"
#include "fzp-rural-bases-homestays-view.h"
#include "fzp-rural-bases-page.h"
#include "fzp-rural-bases-standards-view.h"
#include "fzp-rural-bases-store.h"
#include "fzp-rural-bases-training-view.h"
#include "fzp-rural-bases-ui.h"

/* The measure's page: the bases with the one chosen beside them, and the
 * training, homestays and standards views. */
struct _FzpRuralBasesPage
{
  AdwBin                      parent_instance;
  FzContext                  *context;
  GListStore                 *bases;
  GPtrArray                  *county_codes;

  AdwViewStack               *views;
  GtkSearchEntry             *search_entry;
  GtkDropDown                *county_filter;
  GtkDropDown                *level_filter;
  GtkToggleButton            *homestays_filter;
  GtkStack                   *list_stack;
  GtkColumnView              *bases_view;
  GtkLabel                   *count_label;
  FzpRuralBasesBaseView      *base_view;
  FzpRuralBasesTrainingView  *training_view;
  FzpRuralBasesHomestaysView *homestays_view;
  FzpRuralBasesStandardsView *standards_view;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesPage, fzp_rural_bases_page, ADW_TYPE_BIN)

enum {
  COL_NAME,
  COL_COUNTY,
  COL_PLACE,
  COL_INDUSTRY,
  COL_LEVEL,
  COL_EMPLOYED,
  COL_HELPED,
};

static void
select_base (FzpRuralBasesPage *self,
             gint64             id)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->bases_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->bases));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzpRuralBasesRow) row = g_list_model_get_item (G_LIST_MODEL (self->bases), i);

      if (fzp_rural_bases_row_get_id (row) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }
}

static void
reload (FzpRuralBasesPage *self)
{
  FzpRuralBasesRow *selected = fzp_rural_bases_ui_get_selected (self->bases_view);
  gint64 keep = selected ? fzp_rural_bases_row_get_id (selected) : 0;
  guint county = gtk_drop_down_get_selected (self->county_filter);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  FzpRuralBasesFilter filter = { 0 };
  gboolean filtered;

  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.county_code = county < self->county_codes->len ? g_ptr_array_index (self->county_codes, county) : NULL;
  filter.level = gtk_drop_down_get_selected (self->level_filter);
  if (filter.level > FZP_RURAL_BASES_LEVEL_LAST)
    filter.level = FZP_RURAL_BASES_LEVEL_NONE;
  filter.homestays = gtk_toggle_button_get_active (self->homestays_filter);
  filtered = (filter.text && *filter.text) || filter.county_code || filter.level || filter.homestays;

  g_list_store_remove_all (self->bases);
  list = fzp_rural_bases_list_bases (self->context, &filter, &error);
  if (list == NULL)
    {
      g_warning ("Could not list the bases: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      FzpRuralBasesBase *b = g_ptr_array_index (list, i);
      g_autofree char *place = g_strjoin (" ", b->township, b->village ? b->village : "", NULL);
      g_autofree char *employed = g_strdup_printf ("%u", b->employed);
      g_autofree char *helped = g_strdup_printf ("%u", b->helped);
      g_autofree char *name = g_date_valid (&b->closed_on) ? g_strdup_printf (_("%s (closed)"), b->name)
                              : b->homestay ? g_strdup_printf (_("%s · homestay"), b->name) : g_strdup (b->name);

      fzp_rural_bases_ui_append (self->bases, b->id, name, b->county_name, place,
                                 fzp_rural_bases_industry_to_string (b->industry),
                                 b->level ? fzp_rural_bases_level_to_string (b->level) : "—",
                                 employed, helped, NULL);
    }
  if (list->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-match" : "empty");
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u base", "%u bases", list->len), list->len);
  gtk_label_set_text (self->count_label, count);
  if (keep)
    select_base (self, keep);
}

static void
selection_changed_cb (FzpRuralBasesPage *self)
{
  FzpRuralBasesRow *row = fzp_rural_bases_ui_get_selected (self->bases_view);

  fzp_rural_bases_base_view_show (self->base_view, row ? fzp_rural_bases_row_get_id (row) : 0);
}

static void
filter_changed_cb (FzpRuralBasesPage *self)
{
  /* The filters get their models before the list is there. */
  if (self->bases)
    reload (self);
}

static void
base_activated_cb (FzpRuralBasesPage *self,
                   guint              position)
{
  /* Enter on a row: on to its details. */
  gtk_widget_child_focus (GTK_WIDGET (self->base_view), GTK_DIR_TAB_FORWARD);
}

static void
saved_cb (FzpRuralBasesPage *self,
          gint64             id)
{
  reload (self);
  select_base (self, id);
  fzp_rural_bases_base_view_show (self->base_view, id);
}

static void
open_dialog (FzpRuralBasesPage *self,
             gint64             id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = fzp_rural_bases_base_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       self->context, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (FzpRuralBasesPage *self)
{
  open_dialog (self, 0);
}

static void
edit_requested_cb (FzpRuralBasesPage *self,
                   gint64             id)
{
  open_dialog (self, id);
}

static void
base_changed_cb (FzpRuralBasesPage *self)
{
  reload (self);
}

static void
view_changed_cb (FzpRuralBasesPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->views);

  if (self->bases == NULL || name == NULL)
    return;
  /* Each view shows the data as it is when it is shown. */
  if (g_str_equal (name, "bases"))
    {
      reload (self);
      selection_changed_cb (self);
    }
  else if (g_str_equal (name, "training"))
    fzp_rural_bases_training_view_reload (self->training_view);
  else if (g_str_equal (name, "homestays"))
    fzp_rural_bases_homestays_view_reload (self->homestays_view);
  else if (g_str_equal (name, "standards"))
    fzp_rural_bases_standards_view_reload (self->standards_view);
}

static void
new_base_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_dialog (FZP_RURAL_BASES_PAGE (widget), 0);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FzpRuralBasesPage *self = FZP_RURAL_BASES_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->views, "bases");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
fzp_rural_bases_page_dispose (GObject *object)
{
  FzpRuralBasesPage *self = FZP_RURAL_BASES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_RURAL_BASES_PAGE);
  g_clear_object (&self->bases);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_page_parent_class)->dispose (object);
}

static void
fzp_rural_bases_page_class_init (FzpRuralBasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_rural_bases_page_dispose;

  g_type_ensure (FZP_TYPE_RURAL_BASES_BASE_VIEW);
  g_type_ensure (FZP_TYPE_RURAL_BASES_TRAINING_VIEW);
  g_type_ensure (FZP_TYPE_RURAL_BASES_HOMESTAYS_VIEW);
  g_type_ensure (FZP_TYPE_RURAL_BASES_STANDARDS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/rural-bases/fzp-rural-bases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, views);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, county_filter);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, level_filter);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, homestays_filter);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, bases_view);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, base_view);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, training_view);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, homestays_view);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesPage, standards_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "rural-bases.new-base", NULL, new_base_action);
  gtk_widget_class_install_action (widget_class, "rural-bases.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "rural-bases.new-base", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "rural-bases.find", NULL);
}

static void
fzp_rural_bases_page_init (FzpRuralBasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_rural_bases_page_new (FzContext *context)
{
  FzpRuralBasesPage *self = g_object_new (FZP_TYPE_RURAL_BASES_PAGE, NULL);
  g_autoptr(GListModel) counties = NULL;
  g_autoptr(GListModel) levels = NULL;

  self->context = g_object_ref (context);
  counties = fzp_rural_bases_ui_counties (context, _("Every county"), &self->county_codes);
  levels = fzp_rural_bases_ui_levels (_("Every level"));
  gtk_drop_down_set_model (self->county_filter, counties);
  gtk_drop_down_set_model (self->level_filter, levels);

  self->bases = fzp_rural_bases_ui_setup_list (self->bases_view);
  fzp_rural_bases_ui_add_column (self->bases_view, _("Base"), COL_NAME, 9, TRUE);
  fzp_rural_bases_ui_add_column (self->bases_view, _("County"), COL_COUNTY, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->bases_view, _("Industry"), COL_INDUSTRY, 7, FALSE);
  fzp_rural_bases_ui_add_column (self->bases_view, _("Level"), COL_LEVEL, 5, FALSE);
  fzp_rural_bases_ui_add_column (self->bases_view, _("Employed"), COL_EMPLOYED, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->bases_view, _("Helped"), COL_HELPED, 3, FALSE);
  g_signal_connect_object (gtk_column_view_get_model (self->bases_view), "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  fzp_rural_bases_base_view_set_context (self->base_view, context);
  fzp_rural_bases_training_view_set_context (self->training_view, context);
  fzp_rural_bases_homestays_view_set_context (self->homestays_view, context);
  fzp_rural_bases_standards_view_set_context (self->standards_view, context);
  reload (self);
  return GTK_WIDGET (self);
}
