/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-base-dialog.h"
#include "fzp-rural-bases-store.h"
#include "fzp-rural-bases-ui.h"

struct _FzpRuralBasesBaseDialog
{
  AdwWindow    parent_instance;
  FzContext   *context;
  gint64       base_id;
  GPtrArray   *county_codes;

  GtkEntry    *name_entry;
  AdwComboRow *county_row;
  GtkEntry    *township_entry;
  GtkEntry    *village_entry;
  AdwComboRow *industry_row;
  AdwComboRow *operator_kind_row;
  GtkEntry    *operator_entry;
  GtkEntry    *phone_entry;
  GtkEntry    *founded_entry;
  GtkEntry    *closed_entry;
  GtkSwitch   *homestay_switch;
  GtkEntry    *note_entry;
  GtkLabel    *error_label;
  GtkButton   *save_button;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesBaseDialog, fzp_rural_bases_base_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_cb (FzpRuralBasesBaseDialog *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->name_entry), GTK_WIDGET (self->county_row), GTK_WIDGET (self->township_entry),
                          GTK_WIDGET (self->village_entry), GTK_WIDGET (self->industry_row),
                          GTK_WIDGET (self->operator_entry), GTK_WIDGET (self->phone_entry), GTK_WIDGET (self->founded_entry),
                          GTK_WIDGET (self->closed_entry), GTK_WIDGET (self->note_entry), NULL };
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_base_new ();
  g_autoptr(GError) error = NULL;
  guint county = adw_combo_row_get_selected (self->county_row);
  const char *operator = fzp_rural_bases_ui_text (self->operator_entry);
  gboolean ok;

  base->id = self->base_id;
  base->name = g_strdup (fzp_rural_bases_ui_text (self->name_entry));
  base->county_code = g_strdup (county < self->county_codes->len ? g_ptr_array_index (self->county_codes, county)
                                                                  : NULL);
  base->township = g_strdup (fzp_rural_bases_ui_text (self->township_entry));
  base->village = g_strdup (fzp_rural_bases_ui_text (self->village_entry));
  base->industry = adw_combo_row_get_selected (self->industry_row) + 1;
  base->operator_kind = adw_combo_row_get_selected (self->operator_kind_row) + 1;
  base->phone = g_strdup (fzp_rural_bases_ui_text (self->phone_entry));
  base->note = g_strdup (fzp_rural_bases_ui_text (self->note_entry));
  base->homestay = gtk_switch_get_active (self->homestay_switch);

  switch (base->operator_kind)
    {
    case FZP_RURAL_BASES_OPERATOR_ORGANIZATION:
      ok = fzp_rural_bases_resolve_organization (self->context, operator, &base->operator_id, &error);
      break;
    case FZP_RURAL_BASES_OPERATOR_PERSON:
      ok = fzp_rural_bases_resolve_person (self->context, operator, &base->operator_id, NULL, &error);
      /* The registry's message names the person; the row here is the operator. */
      if (!ok)
        {
          const char *colon = strstr (error->message, ": ");
          g_autofree char *message = g_strdup_printf ("%s: %s", _("Operator"), colon ? colon + 2 : error->message);
          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      break;
    case FZP_RURAL_BASES_OPERATOR_NAMED:
    default:
      base->operator_name = g_strdup (operator);
      ok = TRUE;
      break;
    }
  if (!ok ||
      !fzp_rural_bases_ui_read_date (self->founded_entry, TRUE, &base->founded_on, &error) ||
      !fzp_rural_bases_ui_read_date (self->closed_entry, FALSE, &base->closed_on, &error) ||
      !fzp_rural_bases_save_base (self->context, base, &error))
    {
      fzp_rural_bases_ui_show_error (self->error_label, fields, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, base->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  save_cb (FZP_RURAL_BASES_BASE_DIALOG (widget));
  return TRUE;
}

static void
fill (FzpRuralBasesBaseDialog *self)
{
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autofree char *founded = NULL;
  g_autofree char *closed = NULL;

  if (self->base_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Base"));
      fzp_rural_bases_ui_set_today (self->founded_entry);
      return;
    }
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Base"));
  base = fzp_rural_bases_find_base (self->context, self->base_id, NULL);
  if (base == NULL)
    return;
  founded = fzp_rural_bases_ui_date_text (&base->founded_on);
  closed = fzp_rural_bases_ui_date_text (&base->closed_on);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), base->name);
  for (guint i = 0; i < self->county_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->county_codes, i), base->county_code) == 0)
      adw_combo_row_set_selected (self->county_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->township_entry), base->township);
  gtk_editable_set_text (GTK_EDITABLE (self->village_entry), base->village ? base->village : "");
  adw_combo_row_set_selected (self->industry_row, base->industry - 1);
  adw_combo_row_set_selected (self->operator_kind_row, base->operator_kind - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->operator_entry),
                         base->operator_code ? base->operator_code : base->operator_name);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), base->phone ? base->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->founded_entry), founded);
  gtk_editable_set_text (GTK_EDITABLE (self->closed_entry), closed);
  gtk_switch_set_active (self->homestay_switch, base->homestay);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), base->note ? base->note : "");
}

static void
fzp_rural_bases_base_dialog_dispose (GObject *object)
{
  FzpRuralBasesBaseDialog *self = FZP_RURAL_BASES_BASE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_RURAL_BASES_BASE_DIALOG);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_base_dialog_parent_class)->dispose (object);
}

static void
fzp_rural_bases_base_dialog_class_init (FzpRuralBasesBaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_rural_bases_base_dialog_dispose;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/rural-bases/fzp-rural-bases-base-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesBaseDialog, name)
  CHILD (name_entry);
  CHILD (county_row);
  CHILD (township_entry);
  CHILD (village_entry);
  CHILD (industry_row);
  CHILD (operator_kind_row);
  CHILD (operator_entry);
  CHILD (phone_entry);
  CHILD (founded_entry);
  CHILD (closed_entry);
  CHILD (homestay_switch);
  CHILD (note_entry);
  CHILD (error_label);
  CHILD (save_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

static void
fzp_rural_bases_base_dialog_init (FzpRuralBasesBaseDialog *self)
{
  g_autoptr(GListModel) industries = NULL;
  g_autoptr(GtkStringList) kinds = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  industries = fzp_rural_bases_ui_industries ();
  adw_combo_row_set_model (self->industry_row, industries);
  kinds = gtk_string_list_new ((const char *[]) { _("Organization in the registry"),
                                                  _("Certified person in the registry"),
                                                  _("Someone else, by name"), NULL });
  adw_combo_row_set_model (self->operator_kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->operator_kind_row, FZP_RURAL_BASES_OPERATOR_NAMED - 1);
}

GtkWidget *
fzp_rural_bases_base_dialog_new (GtkWindow *parent,
                                 FzContext *context,
                                 gint64     base_id)
{
  FzpRuralBasesBaseDialog *self = g_object_new (FZP_TYPE_RURAL_BASES_BASE_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GListModel) counties = NULL;

  self->context = g_object_ref (context);
  self->base_id = base_id;
  counties = fzp_rural_bases_ui_counties (context, NULL, &self->county_codes);
  adw_combo_row_set_model (self->county_row, counties);
  fill (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
  return GTK_WIDGET (self);
}
