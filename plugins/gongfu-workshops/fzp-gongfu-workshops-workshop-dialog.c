/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-data.h"
#include "fzp-gongfu-workshops-workshop-dialog.h"

struct _FzpGongfuWorkshopsWorkshopDialog
{
  AdwWindow                   parent_instance;
  FzContext                  *context;
  FzpGongfuWorkshopsWorkshop *workshop;
  GPtrArray                  *counties;

  GtkLabel                   *error_label;
  GtkWidget                  *name_entry;
  AdwComboRow                *county_row;
  GtkWidget                  *township_entry;
  GtkWidget                  *opened_entry;
  GtkSwitch                  *proper_switch;
  AdwComboRow                *host_row;
  GtkWidget                  *host_name_entry;
  AdwActionRow               *host_company_row;
  GtkWidget                  *host_company_entry;
  GtkWidget                  *products_entry;
};

G_DEFINE_FINAL_TYPE (FzpGongfuWorkshopsWorkshopDialog, fzp_gongfu_workshops_workshop_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields a problem can be about: the widget marked with it (a text
 * field's entry, named by its row's title), the field's name that starts a
 * message about it ("Opened: …"), and what the field says otherwise. */
typedef struct {
  GtkWidget  *widget;
  const char *field;
  const char *description;
} Field;

static gboolean
field_at (FzpGongfuWorkshopsWorkshopDialog *self,
          guint                             index,
          Field                            *out)
{
  const Field all[] = {
    { self->name_entry, _("Workshop name"), NULL },
    { GTK_WIDGET (self->county_row), _("County"), NULL },
    { self->opened_entry, _("Opened"), _("The day it opened, as 2025-03-01") },
    { self->host_name_entry, _("Host"), _("The name of the village, community, home or company") },
    { self->host_company_entry, _("Company in the registry"),
      _("Its name or credit code as the registry has it; may stay empty") },
  };

  if (index >= G_N_ELEMENTS (all))
    return FALSE;
  *out = all[index];
  return TRUE;
}

static void
mark_field (const Field *field,
            const char  *message)
{
  GtkWidget *widget = field->widget;

  if (message)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      if (field->description)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        field->description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static gboolean
is_about (const char *message,
          const char *field)
{
  gsize n = strlen (field);

  return g_str_has_prefix (message, field) &&
         (g_str_has_prefix (message + n, ":") || g_str_has_prefix (message + n, "："));
}

/* Shows @message above the form and marks the field it is about, and
 * moves the focus there: messages start with the field's name. */
static void
show_error (FzpGongfuWorkshopsWorkshopDialog *self,
            const char                       *message)
{
  gboolean focused = FALSE;
  Field field;

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  for (guint i = 0; field_at (self, i, &field); i++)
    {
      gboolean about = message && is_about (message, field.field);

      mark_field (&field, about ? message : NULL);
      if (about && !focused && gtk_widget_is_visible (field.widget))
        {
          gtk_widget_grab_focus (field.widget);
          focused = TRUE;
        }
    }
}

static void
field_changed_cb (FzpGongfuWorkshopsWorkshopDialog *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    show_error (self, NULL);
}

static FzpGongfuWorkshopsHost
selected_host (FzpGongfuWorkshopsWorkshopDialog *self)
{
  return (FzpGongfuWorkshopsHost) (adw_combo_row_get_selected (self->host_row) + 1);
}

static void
host_changed_cb (FzpGongfuWorkshopsWorkshopDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->host_company_row),
                          selected_host (self) == FZP_GONGFU_WORKSHOPS_HOST_COMPANY);
}

static void
save_clicked_cb (FzpGongfuWorkshopsWorkshopDialog *self)
{
  FzpGongfuWorkshopsWorkshop *w = self->workshop;
  g_autoptr(GError) error = NULL;
  g_autofree char *company = fz_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->host_company_entry)));
  guint county = adw_combo_row_get_selected (self->county_row);
  GDate opened;

  if (!fz_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->opened_entry)), _("Opened"), &opened, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_free (w->name);
  w->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  g_free (w->county_code);
  w->county_code = county < self->counties->len
                     ? g_strdup (((FzCounty *) g_ptr_array_index (self->counties, county))->code) : NULL;
  g_free (w->township);
  w->township = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->township_entry)));
  g_free (w->products);
  w->products = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->products_entry)));
  w->opened = opened;
  w->proper = gtk_switch_get_active (self->proper_switch);
  w->host = selected_host (self);
  g_free (w->host_name);
  w->host_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_name_entry)));
  w->host_organization_id = 0;
  if (w->host == FZP_GONGFU_WORKSHOPS_HOST_COMPANY && *company)
    {
      g_autoptr(FzOrganization) org = fzp_gongfu_workshops_lookup_organization (self->context, company, &error);

      if (org == NULL)
        {
          /* The lookup names the field "Company"; the row here is the registry's. */
          Field field;

          show_error (self, error->message);
          for (guint i = 0; field_at (self, i, &field); i++)
            if (field.widget == self->host_company_entry)
              mark_field (&field, error->message);
          gtk_widget_grab_focus (self->host_company_entry);
          return;
        }
      w->host_organization_id = fz_organization_get_id (org);
    }
  if (!fzp_gongfu_workshops_save_workshop (self->context, w, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, w->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fzp_gongfu_workshops_workshop_dialog_dispose (GObject *object)
{
  FzpGongfuWorkshopsWorkshopDialog *self = FZP_GONGFU_WORKSHOPS_WORKSHOP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_GONGFU_WORKSHOPS_WORKSHOP_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->workshop, fzp_gongfu_workshops_workshop_free);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_gongfu_workshops_workshop_dialog_parent_class)->dispose (object);
}

static void
fzp_gongfu_workshops_workshop_dialog_class_init (FzpGongfuWorkshopsWorkshopDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_gongfu_workshops_workshop_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/fuzhu/Fuzhu/plugins/gongfu-workshops/fzp-gongfu-workshops-workshop-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, township_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, opened_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, proper_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_company_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_company_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, products_entry);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, host_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fzp_gongfu_workshops_workshop_dialog_init (FzpGongfuWorkshopsWorkshopDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_gongfu_workshops_workshop_dialog_new (GtkWindow *parent,
                                          FzContext *context,
                                          gint64     workshop_id)
{
  FzpGongfuWorkshopsWorkshopDialog *self = g_object_new (FZP_TYPE_GONGFU_WORKSHOPS_WORKSHOP_DIALOG,
                                                         "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  FzpGongfuWorkshopsWorkshop *w = NULL;
  char day[11];

  self->context = g_object_ref (context);
  self->counties = fz_county_list (fz_context_get_database (context), NULL);
  if (self->counties == NULL)
    self->counties = g_ptr_array_new ();
  for (guint i = 0; i < self->counties->len; i++)
    gtk_string_list_append (names, ((FzCounty *) g_ptr_array_index (self->counties, i))->name);
  adw_combo_row_set_model (self->county_row, G_LIST_MODEL (names));

  if (workshop_id != 0)
    w = fzp_gongfu_workshops_get_workshop (context, workshop_id, NULL);
  if (w == NULL)
    {
      w = fzp_gongfu_workshops_workshop_new ();
      w->host = FZP_GONGFU_WORKSHOPS_HOST_VILLAGE;
      fzp_gongfu_workshops_today (&w->opened);
      gtk_window_set_title (GTK_WINDOW (self), _("New Workshop"));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Workshop"));
  self->workshop = w;

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), w->name ? w->name : "");
  for (guint i = 0; i < self->counties->len; i++)
    if (g_strcmp0 (((FzCounty *) g_ptr_array_index (self->counties, i))->code, w->county_code) == 0)
      adw_combo_row_set_selected (self->county_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->township_entry), w->township ? w->township : "");
  fzp_gongfu_workshops_date_to_iso (&w->opened, day);
  gtk_editable_set_text (GTK_EDITABLE (self->opened_entry), day);
  gtk_switch_set_active (self->proper_switch, w->proper);
  adw_combo_row_set_selected (self->host_row, (guint) w->host - 1);
  host_changed_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->host_name_entry), w->host_name ? w->host_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->host_company_entry),
                         w->host_organization_name ? w->host_organization_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->products_entry), w->products ? w->products : "");
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return GTK_WIDGET (self);
}
