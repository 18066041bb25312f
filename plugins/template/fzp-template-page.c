/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-template"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-template-measure.h"
#include "fzp-template-page.h"

struct _FzpTemplatePage
{
  AdwBin       parent_instance;
  FzContext   *context;
  GPtrArray   *counties;

  GtkEntry    *note_entry;
  AdwComboRow *county_row;
  GtkButton   *add_button;
  GtkLabel    *error_label;
  GtkListBox  *notes;
};

G_DEFINE_FINAL_TYPE (FzpTemplatePage, fzp_template_page, ADW_TYPE_BIN)

static void
reload (FzpTemplatePage *self)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes))))
    gtk_list_box_remove (self->notes, child);

  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT n.body, n.created, c.name FROM template_note n "
                          "JOIN fz_county c ON c.code = n.county_code ORDER BY n.id DESC LIMIT 100",
                          NULL, &error);
  while (st && fz_statement_step (st, &error))
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", fz_statement_get_text (st, 2),
                                                   fz_statement_get_text (st, 1));
      g_autofree char *escaped = g_markup_escape_text (fz_statement_get_text (st, 0), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->notes, row);
      n++;
    }
  if (error)
    g_warning ("Could not list the notes: %s", error->message);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No notes yet: write the first one above."));
      gtk_list_box_append (self->notes, row);
    }
}

static void
show_error (FzpTemplatePage *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->note_entry), "error");
      /* Announce it: the field's description now carries the problem, and
       * the focus goes back to the field, so a screen reader reads both. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->note_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Up to 200 characters"), -1);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
note_changed_cb (FzpTemplatePage *self)
{
  show_error (self, NULL);
}

static void
add_clicked_cb (FzpTemplatePage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->county_row);
  FzCounty *county;

  if (selected >= self->counties->len)
    return;
  county = g_ptr_array_index (self->counties, selected);
  if (fzp_template_add_note (self->context, gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                             county->code, &error) == 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  show_error (self, NULL);
  reload (self);
}

static void
fzp_template_page_dispose (GObject *object)
{
  FzpTemplatePage *self = FZP_TEMPLATE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_TEMPLATE_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->counties, g_ptr_array_unref);

  G_OBJECT_CLASS (fzp_template_page_parent_class)->dispose (object);
}

static void
fzp_template_page_class_init (FzpTemplatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_template_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/template/fzp-template-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpTemplatePage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpTemplatePage, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzpTemplatePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, FzpTemplatePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpTemplatePage, notes);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
}

static void
fzp_template_page_init (FzpTemplatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_template_page_new (FzContext *context)
{
  FzpTemplatePage *self = g_object_new (FZP_TYPE_TEMPLATE_PAGE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->context = g_object_ref (context);
  self->counties = fz_county_list (fz_context_get_database (context), NULL);
  if (self->counties == NULL)
    self->counties = g_ptr_array_new ();
  /* County staff write for their own county only: offer no other. libfuzhu
   * would refuse the others anyway; the form need not invite it. */
  for (guint i = self->counties->len; fz_context_get_county (context) && i > 0; i--)
    if (g_strcmp0 (((FzCounty *) g_ptr_array_index (self->counties, i - 1))->code, fz_context_get_county (context)) != 0)
      g_ptr_array_remove_index (self->counties, i - 1);
  for (guint i = 0; i < self->counties->len; i++)
    gtk_string_list_append (names, ((FzCounty *) g_ptr_array_index (self->counties, i))->name);
  /* A viewer reads the notes and writes none. */
  if (!fz_context_can (context, FZ_PERMISSION_WRITE))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->county_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
    }
  adw_combo_row_set_model (self->county_row, G_LIST_MODEL (names));
  reload (self);
  return GTK_WIDGET (self);
}
