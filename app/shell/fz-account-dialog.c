/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-accounts"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fz-account-dialog.h"

struct _FzAccountDialog
{
  AdwWindow            parent_instance;
  FzContext           *context;
  FzAccountDialogMode  mode;
  FzAccount           *account;
  GPtrArray           *counties;  /* FzCounty */

  AdwWindowTitle      *title;
  GtkButton           *accept_button;
  GtkLabel            *description;
  AdwActionRow        *name_row;
  GtkWidget           *name_entry;
  AdwActionRow        *display_row;
  GtkWidget           *display_entry;
  AdwComboRow         *role_row;
  AdwComboRow         *county_row;
  AdwActionRow        *enabled_row;
  GtkSwitch           *enabled_switch;
  AdwActionRow        *current_row;
  GtkWidget           *current_entry;
  AdwActionRow        *password_row;
  GtkWidget           *password_entry;
  AdwActionRow        *repeat_row;
  GtkWidget           *repeat_entry;
  GtkLabel            *error_label;
  GtkWidget           *problem_field;  /* the field marked with the problem */
  char                *password_hint;
};

G_DEFINE_FINAL_TYPE (FzAccountDialog, fz_account_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The roles in the order of the role row. */
static const FzRole roles[] = { FZ_ROLE_ADMINISTRATOR, FZ_ROLE_CITY_STAFF, FZ_ROLE_COUNTY_STAFF, FZ_ROLE_VIEWER };

/* What a field says when nothing is wrong with it. */
static const char *
field_description (FzAccountDialog *self,
                   GtkWidget       *field)
{
  return field == self->password_entry ? self->password_hint : NULL;
}

/* Shows @message under the form, or clears it (NULL). @field, when given,
 * is the field the focus goes back to: it is marked, and carries the
 * problem as its description, so that a screen reader reads the field and
 * then the problem. The accept button carries it too, for a problem that
 * is no field's. */
static void
show_error (FzAccountDialog *self,
            const char      *message,
            GtkWidget       *field)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->accept_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->accept_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (self->problem_field)
    {
      const char *description = field_description (self, self->problem_field);

      gtk_widget_remove_css_class (self->problem_field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->problem_field), GTK_ACCESSIBLE_STATE_INVALID);
      if (description)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_field),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->problem_field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->problem_field = NULL;
    }
  if (message && field)
    {
      self->problem_field = field;
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (field);
    }
}

static void
changed_cb (FzAccountDialog *self)
{
  show_error (self, NULL, NULL);
}

static FzRole
selected_role (FzAccountDialog *self)
{
  guint i = adw_combo_row_get_selected (self->role_row);

  return i < G_N_ELEMENTS (roles) ? roles[i] : FZ_ROLE_NONE;
}

static const char *
selected_county (FzAccountDialog *self)
{
  guint i = adw_combo_row_get_selected (self->county_row);

  if (selected_role (self) != FZ_ROLE_COUNTY_STAFF || i >= self->counties->len)
    return NULL;
  return ((FzCounty *) g_ptr_array_index (self->counties, i))->code;
}

static void
role_changed_cb (FzAccountDialog *self)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->role_row));

  gtk_widget_set_visible (GTK_WIDGET (self->county_row),
                          shown && selected_role (self) == FZ_ROLE_COUNTY_STAFF);
}

static char *
password_text (GtkWidget *entry)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Clears every password field, whatever happened. */
static void
clear_passwords (FzAccountDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->current_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_entry), "");
}

static gboolean
apply (FzAccountDialog  *self,
       GError          **error)
{
  g_autofree char *password = password_text (self->password_entry);
  g_autofree char *repeat = password_text (self->repeat_entry);
  g_autofree char *current = password_text (self->current_entry);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  const char *display = gtk_editable_get_text (GTK_EDITABLE (self->display_entry));
  gboolean ok;

  /* The problems in the order of the fields. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_row)) && !fz_access_check_account_name (name, error))
    ok = FALSE;
  else if (gtk_widget_get_visible (GTK_WIDGET (self->repeat_row)) && g_strcmp0 (password, repeat) != 0)
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID,
                           _("The two new passwords differ"));
      ok = FALSE;
    }
  else
    switch (self->mode)
      {
      case FZ_ACCOUNT_DIALOG_FIRST_ADMINISTRATOR:
        ok = fz_access_create_account (self->context, name, display, password, FZ_ROLE_ADMINISTRATOR, NULL, error);
        break;
      case FZ_ACCOUNT_DIALOG_ADD:
        ok = fz_access_create_account (self->context, name, display, password, selected_role (self),
                                       selected_county (self), error);
        break;
      case FZ_ACCOUNT_DIALOG_EDIT:
        ok = fz_access_set_role (self->context, self->account->name, selected_role (self),
                                 selected_county (self), error) &&
             fz_access_set_disabled (self->context, self->account->name,
                                     !gtk_switch_get_active (self->enabled_switch), error);
        break;
      case FZ_ACCOUNT_DIALOG_RESET_PASSWORD:
        ok = fz_access_reset_password (self->context, self->account->name, password, error);
        break;
      case FZ_ACCOUNT_DIALOG_CHANGE_PASSWORD:
      default:
        ok = fz_access_change_password (self->context, current, password, error);
        break;
      }
  /* The passwords are not left in freed memory, whatever happened. */
  explicit_bzero (password, strlen (password));
  explicit_bzero (repeat, strlen (repeat));
  explicit_bzero (current, strlen (current));
  return ok;
}

static void
accept_cb (FzAccountDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!apply (self, &error))
    {
      GtkWidget *field = NULL;

      /* The focus goes back to the field to mend, the passwords empty. */
      if (self->mode == FZ_ACCOUNT_DIALOG_CHANGE_PASSWORD)
        field = self->current_entry;
      else if (gtk_widget_get_visible (GTK_WIDGET (self->name_row)) &&
               (g_error_matches (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_EXISTS) ||
                !fz_access_check_account_name (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)), NULL)))
        field = self->name_entry;
      else if (gtk_widget_get_visible (GTK_WIDGET (self->password_row)) &&
               (!fz_access_check_password (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->password_entry)), NULL) ||
                g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)),
                           gtk_editable_get_text (GTK_EDITABLE (self->repeat_entry))) != 0))
        field = self->password_entry;
      /* What is left is the role or its county. */
      else if (gtk_widget_get_visible (GTK_WIDGET (self->county_row)))
        field = GTK_WIDGET (self->county_row);
      else if (gtk_widget_get_visible (GTK_WIDGET (self->role_row)))
        field = GTK_WIDGET (self->role_row);
      else if (gtk_widget_get_visible (GTK_WIDGET (self->password_row)))
        field = self->password_entry;
      clear_passwords (self);
      show_error (self, error->message, field);
      return;
    }
  clear_passwords (self);
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fz_account_dialog_dispose (GObject *object)
{
  FzAccountDialog *self = FZ_ACCOUNT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_ACCOUNT_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->account, fz_account_free);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  g_clear_pointer (&self->password_hint, g_free);

  G_OBJECT_CLASS (fz_account_dialog_parent_class)->dispose (object);
}

static void
fz_account_dialog_class_init (FzAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_account_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, title);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, description);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, display_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, display_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, enabled_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, current_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, FzAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, accept_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
}

static void
fz_account_dialog_init (FzAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_rows (FzAccountDialog *self,
           gboolean         identity,
           gboolean         role,
           gboolean         enabled,
           gboolean         current,
           gboolean         password)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), identity);
  gtk_widget_set_visible (GTK_WIDGET (self->display_row), identity);
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), role);
  gtk_widget_set_visible (GTK_WIDGET (self->enabled_row), enabled);
  gtk_widget_set_visible (GTK_WIDGET (self->current_row), current);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), password);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), password);
  role_changed_cb (self);
}

GtkWidget *
fz_account_dialog_new (FzContext           *context,
                       FzAccountDialogMode  mode,
                       const FzAccount     *account)
{
  FzAccountDialog *self = g_object_new (FZ_TYPE_ACCOUNT_DIALOG, NULL);
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) county_names = gtk_string_list_new (NULL);
  const char *title = NULL;
  const char *accept = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);

  self->context = g_object_ref (context);
  self->mode = mode;
  self->account = account ? fz_account_copy (account) : NULL;
  self->counties = fz_county_list (fz_context_get_database (context), NULL);
  if (self->counties == NULL)
    self->counties = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (role_names, fz_role_to_string (roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (role_names));
  for (guint i = 0; i < self->counties->len; i++)
    gtk_string_list_append (county_names, ((FzCounty *) g_ptr_array_index (self->counties, i))->name);
  adw_combo_row_set_model (self->county_row, G_LIST_MODEL (county_names));
  self->password_hint = g_strdup_printf (_("At least %d characters"), FZ_ACCESS_MIN_PASSWORD_LENGTH);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->password_hint, -1);

  switch (mode)
    {
    case FZ_ACCOUNT_DIALOG_FIRST_ADMINISTRATOR:
      title = _("Create the Administrator");
      accept = _("C_reate");
      description = g_strdup (_("Fuzhu now runs in single-user mode: whoever uses this computer account may do "
                                "everything. Once an administrator exists, everyone signs in with their own "
                                "account, and the administrator gives each one a role."));
      show_rows (self, TRUE, FALSE, FALSE, FALSE, TRUE);
      break;
    case FZ_ACCOUNT_DIALOG_ADD:
      title = _("Add an Account");
      accept = _("_Add");
      description = g_strdup (_("City staff work on every county, county staff on one, viewers only look. "
                                "Tell the new operator their password in person."));
      adw_combo_row_set_selected (self->role_row, 1);
      show_rows (self, TRUE, TRUE, FALSE, FALSE, TRUE);
      break;
    case FZ_ACCOUNT_DIALOG_EDIT:
      g_return_val_if_fail (account != NULL, NULL);
      title = _("Edit Account");
      accept = _("_Save");
      description = g_strdup_printf (_("The role of %s decides what they may see and change."), account->name);
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (roles[i] == account->role)
          adw_combo_row_set_selected (self->role_row, i);
      for (guint i = 0; i < self->counties->len; i++)
        if (g_strcmp0 (((FzCounty *) g_ptr_array_index (self->counties, i))->code, account->county_code) == 0)
          adw_combo_row_set_selected (self->county_row, i);
      gtk_switch_set_active (self->enabled_switch, !account->disabled);
      show_rows (self, FALSE, TRUE, TRUE, FALSE, FALSE);
      break;
    case FZ_ACCOUNT_DIALOG_RESET_PASSWORD:
      g_return_val_if_fail (account != NULL, NULL);
      title = _("Set Password");
      accept = _("_Set");
      description = g_strdup_printf (_("A new password for %s, who can change it after signing in."), account->name);
      show_rows (self, FALSE, FALSE, FALSE, FALSE, TRUE);
      break;
    case FZ_ACCOUNT_DIALOG_CHANGE_PASSWORD:
    default:
      title = _("Change Password");
      accept = _("C_hange");
      description = g_strdup_printf (_("The password of %s. Nobody else needs to know it."),
                                     fz_context_get_operator (context));
      show_rows (self, FALSE, FALSE, FALSE, TRUE, TRUE);
      break;
    }
  adw_window_title_set_title (self->title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->accept_button, accept);
  gtk_label_set_text (self->description, description);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->accept_button));
  /* Typing starts in the first field. */
  {
    GtkWidget *rows[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->current_row),
                          GTK_WIDGET (self->password_row), GTK_WIDGET (self->role_row) };
    GtkWidget *first[] = { self->name_entry, self->current_entry,
                           self->password_entry, GTK_WIDGET (self->role_row) };
    for (guint i = 0; i < G_N_ELEMENTS (first); i++)
      if (gtk_widget_get_visible (rows[i]))
        {
          gtk_window_set_focus (GTK_WINDOW (self), first[i]);
          break;
        }
  }
  return GTK_WIDGET (self);
}
