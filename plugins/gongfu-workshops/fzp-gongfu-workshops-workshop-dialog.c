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
  AdwEntryRow                *name_row;
  AdwComboRow                *county_row;
  AdwEntryRow                *township_row;
  AdwEntryRow                *opened_row;
  GtkSwitch                  *proper_switch;
  AdwComboRow                *host_row;
  AdwEntryRow                *host_name_row;
  AdwEntryRow                *host_company_row;
  AdwEntryRow                *products_row;
};

G_DEFINE_FINAL_TYPE (FzpGongfuWorkshopsWorkshopDialog, fzp_gongfu_workshops_workshop_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
rows (FzpGongfuWorkshopsWorkshopDialog *self,
      guint                             index)
{
  GtkWidget *all[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->county_row), GTK_WIDGET (self->opened_row),
    GTK_WIDGET (self->host_name_row), GTK_WIDGET (self->host_company_row),
  };

  return index < G_N_ELEMENTS (all) ? all[index] : NULL;
}

static void
mark_row (GtkWidget  *row,
          const char *message)
{
  if (message)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else if (gtk_widget_has_css_class (row, "error"))
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows @message above the form and marks the row it is about: messages
 * start with the field's name, which is the row's title. */
static void
show_error (FzpGongfuWorkshopsWorkshopDialog *self,
            const char                       *message)
{
  GtkWidget *row;
  gboolean focused = FALSE;

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  for (guint i = 0; (row = rows (self, i)); i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      gboolean about = message && g_str_has_prefix (message, title) &&
                       (g_str_has_prefix (message + strlen (title), ":") ||
                        g_str_has_prefix (message + strlen (title), "："));

      /* "Host:" is about whichever host field is shown. */
      if (!about && message && row == GTK_WIDGET (self->host_name_row))
        {
          const char *host = _("Host");
          about = g_str_has_prefix (message, host) && (g_str_has_prefix (message + strlen (host), ":") ||
                                                       g_str_has_prefix (message + strlen (host), "："));
        }
      mark_row (row, about ? message : NULL);
      if (about && !focused && gtk_widget_get_visible (row))
        {
          gtk_widget_grab_focus (row);
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
  g_autofree char *company = fz_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->host_company_row)));
  guint county = adw_combo_row_get_selected (self->county_row);
  GDate opened;

  if (!fz_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->opened_row)), _("Opened"), &opened, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_free (w->name);
  w->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (w->county_code);
  w->county_code = county < self->counties->len
                     ? g_strdup (((FzCounty *) g_ptr_array_index (self->counties, county))->code) : NULL;
  g_free (w->township);
  w->township = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->township_row)));
  g_free (w->products);
  w->products = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->products_row)));
  w->opened = opened;
  w->proper = gtk_switch_get_active (self->proper_switch);
  w->host = selected_host (self);
  g_free (w->host_name);
  w->host_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_name_row)));
  w->host_organization_id = 0;
  if (w->host == FZP_GONGFU_WORKSHOPS_HOST_COMPANY && *company)
    {
      g_autoptr(FzOrganization) org = fzp_gongfu_workshops_lookup_organization (self->context, company, &error);

      if (org == NULL)
        {
          /* The lookup names the field "Company"; the row here is the registry's. */
          show_error (self, error->message);
          mark_row (GTK_WIDGET (self->host_company_row), error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->host_company_row));
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
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, township_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, opened_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, proper_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_name_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, host_company_row);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsWorkshopDialog, products_row);
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

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), w->name ? w->name : "");
  for (guint i = 0; i < self->counties->len; i++)
    if (g_strcmp0 (((FzCounty *) g_ptr_array_index (self->counties, i))->code, w->county_code) == 0)
      adw_combo_row_set_selected (self->county_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->township_row), w->township ? w->township : "");
  fzp_gongfu_workshops_date_to_iso (&w->opened, day);
  gtk_editable_set_text (GTK_EDITABLE (self->opened_row), day);
  gtk_switch_set_active (self->proper_switch, w->proper);
  adw_combo_row_set_selected (self->host_row, (guint) w->host - 1);
  host_changed_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->host_name_row), w->host_name ? w->host_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->host_company_row),
                         w->host_organization_name ? w->host_organization_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->products_row), w->products ? w->products : "");
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
