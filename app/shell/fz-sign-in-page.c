/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-sign-in"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-sign-in-page.h"

struct _FzSignInPage
{
  AdwBin       parent_instance;
  FzContext   *context;
  gboolean     locked;

  AdwStatusPage *status;
  AdwActionRow  *name_row;
  GtkEntry      *name_entry;
  GtkWidget     *password_entry;
  GtkLabel      *error_label;
  GtkButton     *accept_button;
  GtkButton     *switch_button;
};

G_DEFINE_FINAL_TYPE (FzSignInPage, fz_sign_in_page, ADW_TYPE_BIN)

enum { SIGNED_IN, SIGN_OUT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (FzSignInPage *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message)
    {
      /* On the field that gets the focus back, so that a screen reader
       * reads the field and then the problem. */
      gtk_widget_add_css_class (self->password_entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->password_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->password_entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->password_entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->password_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
changed_cb (FzSignInPage *self)
{
  show_error (self, NULL);
}

static void
name_activated_cb (FzSignInPage *self)
{
  gtk_widget_grab_focus (self->password_entry);
}

static void
clear_password (FzSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
}

static void
accept_cb (FzSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  gboolean ok;

  if (self->locked)
    {
      ok = fz_access_verify_password (self->context, password, &error);
      if (ok)
        fz_access_record_lock (self->context, FALSE);
    }
  else
    ok = fz_access_sign_in (self->context, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                            password, "window", &error);
  /* The typed password does not stay in the entry, right or wrong. */
  clear_password (self);
  if (!ok)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (self->password_entry);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
switch_clicked_cb (FzSignInPage *self)
{
  clear_password (self);
  g_signal_emit (self, signals[SIGN_OUT], 0);
}

void
fz_sign_in_page_set_locked (FzSignInPage *self,
                            gboolean      locked)
{
  g_return_if_fail (FZ_IS_SIGN_IN_PAGE (self));

  self->locked = locked;
  clear_password (self);
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->switch_button), locked);
  if (locked)
    {
      g_autofree char *description =
        g_strdup_printf (_("Locked by %s. Give the password again to go on, or sign out for another operator."),
                         fz_context_get_operator (self->context));

      adw_status_page_set_title (self->status, _("Locked"));
      adw_status_page_set_description (self->status, description);
      gtk_button_set_label (self->accept_button, _("_Unlock"));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
      adw_status_page_set_title (self->status, _("Sign In"));
      adw_status_page_set_description (self->status,
                                       _("This database has operators’ accounts: sign in to see and change its records."));
      gtk_button_set_label (self->accept_button, _("Sign _In"));
    }
}

gboolean
fz_sign_in_page_get_locked (FzSignInPage *self)
{
  g_return_val_if_fail (FZ_IS_SIGN_IN_PAGE (self), FALSE);
  return self->locked;
}

void
fz_sign_in_page_focus (FzSignInPage *self)
{
  g_return_if_fail (FZ_IS_SIGN_IN_PAGE (self));

  if (!self->locked && *gtk_editable_get_text (GTK_EDITABLE (self->name_entry)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else
    gtk_widget_grab_focus (self->password_entry);
}

static void
fz_sign_in_page_dispose (GObject *object)
{
  FzSignInPage *self = FZ_SIGN_IN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fz_sign_in_page_parent_class)->dispose (object);
}

static void
fz_sign_in_page_class_init (FzSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_sign_in_page_dispose;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGN_OUT] = g_signal_new ("sign-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, status);
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, password_entry);
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, accept_button);
  gtk_widget_class_bind_template_child (widget_class, FzSignInPage, switch_button);
  gtk_widget_class_bind_template_callback (widget_class, accept_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_clicked_cb);
}

static void
fz_sign_in_page_init (FzSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fz_sign_in_page_new (FzContext *context)
{
  FzSignInPage *self = g_object_new (FZ_TYPE_SIGN_IN_PAGE, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
