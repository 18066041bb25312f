/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-person-dialog.h"

struct _FzPersonDialog
{
  AdwWindow     parent_instance;
  FzRegistry   *registry;
  FzPerson     *person;     /* the registry's, or NULL when adding */
  char        **county_codes;

  GtkWidget    *banner;
  GtkWidget    *name_row;
  GtkWidget    *id_row;
  GtkWidget    *cert_row;
  GtkWidget    *derived_row;
  GtkWidget    *county_row;
  GtkWidget    *township_row;
  GtkWidget    *phone_row;
  GtkWidget    *status_row;
  GtkWidget    *form_row;
  GtkWidget    *date_row;
  GtkWidget    *error_row;   /* the row marked wrong */
};

G_DEFINE_FINAL_TYPE (FzPersonDialog, fz_person_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const FzEmploymentStatus statuses[] = {
  FZ_EMPLOYMENT_UNKNOWN, FZ_EMPLOYMENT_EMPLOYED, FZ_EMPLOYMENT_UNEMPLOYED,
};

/* A field is a GtkEntry in an action row, not an AdwEntryRow: with GTK 4.8
 * and libadwaita 1.2 a screen reader is not told when an AdwEntryRow has the
 * focus. Returns the entry; the field's problems are set on it. */
static GtkWidget *
entry_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *description,
           const char          *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  /* Named by the row's title: the row's activatable widget is labelled by it. */
  if (description)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
    }
  g_object_set_data_full (G_OBJECT (entry), "fz-description", g_strdup (description), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  adw_preferences_group_add (group, row);
  return entry;
}

static void
clear_problem (FzPersonDialog *self)
{
  gtk_widget_set_visible (self->banner, FALSE);
  if (self->error_row)
    {
      const char *description = g_object_get_data (G_OBJECT (self->error_row), "fz-description");
      gtk_widget_remove_css_class (self->error_row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->error_row), GTK_ACCESSIBLE_STATE_INVALID);
      if (description)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->error_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->error_row = NULL;
    }
}

/* Messages start with the field ("Identity number: …"): mark that row, and
 * let the row itself carry the message so a screen reader reads it there. */
static void
show_problem (FzPersonDialog *self,
              const char     *message)
{
  struct { GtkWidget *row; const char *field; } fields[] = {
    { self->name_row, _("Name") }, { self->id_row, _("Identity number") },
    { self->cert_row, _("Certificate number") }, { self->county_row, _("County") },
    { self->township_row, _("Township") }, { self->phone_row, _("Phone") },
    { self->form_row, _("Employment form") }, { self->date_row, _("Employment date") },
  };

  clear_problem (self);
  gtk_label_set_text (GTK_LABEL (self->banner), message);
  gtk_widget_set_visible (self->banner, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_has_prefix (message, fields[i].field))
      {
        self->error_row = fields[i].row;
        gtk_widget_add_css_class (self->error_row, "error");
        gtk_accessible_update_state (GTK_ACCESSIBLE (self->error_row),
                                     GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
        gtk_widget_grab_focus (self->error_row);
        break;
      }
}

const char *
fz_person_dialog_get_problem (FzPersonDialog *self)
{
  return gtk_widget_get_visible (self->banner) ? gtk_label_get_text (GTK_LABEL (self->banner)) : NULL;
}

static char *
text_of (GtkWidget *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return *text ? g_steal_pointer (&text) : NULL;
}

/* The form as a person, for checking or saving. */
static FzPerson *
collect (FzPersonDialog *self)
{
  FzPerson *person = self->person ? g_object_ref (self->person) : fz_person_new ();
  guint county = adw_combo_row_get_selected (ADW_COMBO_ROW (self->county_row));
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row));
  g_autofree char *name = text_of (self->name_row);
  g_autofree char *id = text_of (self->id_row);
  g_autofree char *cert = text_of (self->cert_row);
  g_autofree char *township = text_of (self->township_row);
  g_autofree char *phone = text_of (self->phone_row);
  g_autofree char *form = text_of (self->form_row);
  g_autofree char *date = text_of (self->date_row);

  fz_person_set_name (person, name);
  fz_person_set_id_number (person, id);
  fz_person_set_cert_number (person, cert);
  /* From the certificate: the registry fills them while checking. */
  fz_person_set_category (person, 0);
  fz_person_set_grade (person, 0);
  fz_person_set_county_code (person, county > 0 && self->county_codes ? self->county_codes[county - 1] : NULL);
  fz_person_set_township (person, township);
  fz_person_set_phone (person, phone);
  fz_person_set_employment_status (person, status < G_N_ELEMENTS (statuses) ? statuses[status] : FZ_EMPLOYMENT_UNKNOWN);
  fz_person_set_employment_form (person, form);
  fz_person_set_employment_date (person, date);
  return person;
}

/* What the numbers tell, shown as they are typed: never typed twice. */
static void
update_derived (FzPersonDialog *self)
{
  g_autofree char *id = text_of (self->id_row);
  g_autofree char *cert = text_of (self->cert_row);
  g_autoptr(GString) text = g_string_new (NULL);
  FzIdentity identity;

  if (id && fz_validate_identity_number (id, NULL, &identity, NULL))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                               (GDateMonth) g_date_time_get_month (now),
                                               (GDateYear) g_date_time_get_year (now));
      g_string_append_printf (text, _("%s, born %04u-%02u-%02u, aged %u"), fz_sex_to_string (identity.sex),
                              g_date_get_year (&identity.birth_date), g_date_get_month (&identity.birth_date),
                              g_date_get_day (&identity.birth_date), fz_identity_get_age (&identity, today));
      if (cert && strlen (cert) == 20)
        {
          FzDisabilityCard card;
          if (fz_validate_certificate_number (cert, identity.number, 0, 0, &card, NULL))
            g_string_append_printf (text, _("; %s, grade %u"), fz_category_to_string (card.category), card.grade);
        }
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->derived_row),
                               text->len ? text->str : _("Shown from the identity and certificate numbers"));
}

static void
field_changed_cb (FzPersonDialog *self)
{
  update_derived (self);
}

void
fz_person_dialog_set_text (FzPersonDialog *self,
                           const char     *field,
                           const char     *text)
{
  GtkWidget *row = g_str_equal (field, "name") ? self->name_row
                 : g_str_equal (field, "id-number") ? self->id_row
                 : g_str_equal (field, "cert-number") ? self->cert_row
                 : g_str_equal (field, "township") ? self->township_row
                 : g_str_equal (field, "phone") ? self->phone_row
                 : g_str_equal (field, "employment-form") ? self->form_row
                 : g_str_equal (field, "employment-date") ? self->date_row : NULL;

  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

gboolean
fz_person_dialog_save (FzPersonDialog *self)
{
  g_autoptr(FzPerson) person = collect (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->person)
    ok = fz_registry_update_person (self->registry, person, &error);
  else
    ok = fz_registry_add_person (self->registry, person, &error);
  if (!ok)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  clear_problem (self);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (FzPersonDialog *self)
{
  fz_person_dialog_save (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FzPersonDialog   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!fz_registry_delete_person (self->registry, fz_person_get_id (self->person), &error))
    {
      show_problem (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_clicked_cb (FzPersonDialog *self)
{
  g_autofree char *body = g_strdup_printf (_("%s and everything recorded about them in this registry will be removed."),
                                           fz_person_get_name (self->person));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Person?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  fz_person_dialog_save (FZ_PERSON_DIALOG (widget));
  return TRUE;
}

static void
fz_person_dialog_dispose (GObject *object)
{
  FzPersonDialog *self = FZ_PERSON_DIALOG (object);

  g_clear_object (&self->registry);
  g_clear_object (&self->person);
  g_clear_pointer (&self->county_codes, g_strfreev);

  G_OBJECT_CLASS (fz_person_dialog_parent_class)->dispose (object);
}

static void
fz_person_dialog_class_init (FzPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fz_person_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fz_person_dialog_init (FzPersonDialog *self)
{
}

FzPersonDialog *
fz_person_dialog_new (GtkWindow  *parent,
                      FzRegistry *registry,
                      FzPerson   *person)
{
  FzPersonDialog *self = g_object_new (FZ_TYPE_PERSON_DIALOG,
                                       "modal", TRUE,
                                       "transient-for", parent,
                                       "default-width", 560,
                                       "default-height", 720,
                                       "title", person ? _("Edit Person") : _("Add Person"),
                                       NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *where = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *work = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) counties = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);

  self->registry = g_object_ref (registry);
  self->person = person ? g_object_ref (person) : NULL;

  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  self->banner = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner), 0);
  gtk_widget_add_css_class (self->banner, "error");
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);

  adw_preferences_group_set_title (who, _("Person"));
  self->name_row = entry_row (who, _("Name"), NULL, person ? fz_person_get_name (person) : NULL);
  self->id_row = entry_row (who, _("Identity number"), _("18 characters; birth date and sex come from it"),
                            person ? fz_person_get_id_number (person) : NULL);
  self->cert_row = entry_row (who, _("Certificate number"),
                              _("20 characters: the identity number, the category and the grade"),
                              person ? fz_person_get_cert_number (person) : NULL);
  self->derived_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->derived_row), _("From the numbers"));
  adw_preferences_group_add (who, self->derived_row);

  adw_preferences_group_set_title (where, _("Where"));
  self->county_codes = fz_registry_dup_county_codes (registry);
  gtk_string_list_append (counties, _("Not known"));
  for (guint i = 0; self->county_codes && self->county_codes[i]; i++)
    gtk_string_list_append (counties, fz_registry_get_county_name (registry, self->county_codes[i]));
  self->county_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->county_row), _("County"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->county_row), G_LIST_MODEL (counties));
  for (guint i = 0; person && self->county_codes && self->county_codes[i]; i++)
    if (g_strcmp0 (self->county_codes[i], fz_person_get_county_code (person)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->county_row), i + 1);
  adw_preferences_group_add (where, self->county_row);
  self->township_row = entry_row (where, _("Township"), NULL, person ? fz_person_get_township (person) : NULL);
  self->phone_row = entry_row (where, _("Phone"), NULL, person ? fz_person_get_phone (person) : NULL);

  adw_preferences_group_set_title (work, _("Employment"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, fz_employment_status_to_string (statuses[i]));
  self->status_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Employment status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (status_names));
  for (guint i = 0; person && i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == fz_person_get_employment_status (person))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), i);
  adw_preferences_group_add (work, self->status_row);
  self->form_row = entry_row (work, _("Employment form"), _("e.g. 按比例就业, 集中就业, 公益性岗位就业"),
                              person ? fz_person_get_employment_form (person) : NULL);
  self->date_row = entry_row (work, _("Employment date"), _("YYYY-MM-DD; counts toward the year's new employment"),
                              person ? fz_person_get_employment_date (person) : NULL);

  gtk_box_append (GTK_BOX (content), self->banner);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (who));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (where));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (work));
  if (person)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Person…"));
      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_set_halign (delete, GTK_ALIGN_END);
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
      gtk_box_append (GTK_BOX (content), delete);
    }
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->id_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->cert_row, "changed", G_CALLBACK (field_changed_cb), self);
  update_derived (self);
  gtk_widget_grab_focus (self->name_row);
  return self;
}
