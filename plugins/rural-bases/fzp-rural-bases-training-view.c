/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-store.h"
#include "fzp-rural-bases-training-view.h"
#include "fzp-rural-bases-ui.h"

/* Practical training: the sessions, who attended the chosen one, and the
 * form for a new session. */
struct _FzpRuralBasesTrainingView
{
  AdwBin         parent_instance;
  FzContext     *context;
  GListStore    *sessions;
  GListStore    *attendees;
  GArray        *base_ids;     /* of base_row's entries; 0 for none */
  GPtrArray     *county_codes; /* of county_row's entries */

  GtkColumnView *sessions_view;
  GtkLabel      *sessions_empty;
  GtkColumnView *attendees_view;
  GtkLabel      *attendees_empty;
  GtkEntry      *attendee_entry;
  GtkLabel      *attend_error;
  AdwComboRow   *base_row;
  AdwComboRow   *county_row;
  GtkEntry      *date_entry;
  GtkEntry      *topic_entry;
  GtkEntry      *hours_entry;
  GtkEntry      *place_entry;
  GtkEntry      *trainer_entry;
  GtkEntry      *attendees_entry;
  GtkLabel      *add_error;
  GtkButton      *add_button;
  GtkButton      *attend_button;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesTrainingView, fzp_rural_bases_training_view, ADW_TYPE_BIN)

static gint64
selected_session (FzpRuralBasesTrainingView *self)
{
  FzpRuralBasesRow *row = fzp_rural_bases_ui_get_selected (self->sessions_view);

  return row ? fzp_rural_bases_row_get_id (row) : 0;
}

static void
load_attendees (FzpRuralBasesTrainingView *self)
{
  gint64 session = selected_session (self);
  g_autoptr(GPtrArray) list = session ? fzp_rural_bases_list_attendees (self->context, session, NULL) : NULL;

  g_list_store_remove_all (self->attendees);
  for (guint i = 0; list && i < list->len; i++)
    {
      FzpRuralBasesTie *t = g_ptr_array_index (list, i);
      g_autofree char *county = t->person_county ? fz_county_get_name (fz_context_get_database (self->context),
                                                                       t->person_county) : NULL;

      fzp_rural_bases_ui_append (self->attendees, t->person_id, t->name, t->id_number, county ? county : "", NULL);
    }
  gtk_label_set_text (self->attendees_empty, session ? _("Nobody is recorded as attending this session.")
                                                     : _("Choose a session above to see who attended it."));
  fzp_rural_bases_ui_set_empty (self->attendees_view, GTK_WIDGET (self->attendees_empty));
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (self->attendee_entry), ADW_TYPE_ACTION_ROW), session != 0);
}

static void
load_bases (FzpRuralBasesTrainingView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) bases = NULL;
  FzpRuralBasesFilter filter = { .open_only = TRUE };
  guint selected = adw_combo_row_get_selected (self->base_row);
  gint64 keep = selected < self->base_ids->len ? g_array_index (self->base_ids, gint64, selected) : 0;
  gint64 none = 0;

  g_array_set_size (self->base_ids, 0);
  gtk_string_list_append (names, _("None: held by the federation"));
  g_array_append_val (self->base_ids, none);
  bases = fzp_rural_bases_list_bases (self->context, &filter, NULL);
  for (guint i = 0; bases && i < bases->len; i++)
    {
      FzpRuralBasesBase *b = g_ptr_array_index (bases, i);
      g_autofree char *name = g_strdup_printf ("%s (%s)", b->name, b->county_name);

      gtk_string_list_append (names, name);
      g_array_append_val (self->base_ids, b->id);
    }
  adw_combo_row_set_model (self->base_row, G_LIST_MODEL (names));
  for (guint i = 0; i < self->base_ids->len; i++)
    if (g_array_index (self->base_ids, gint64, i) == keep)
      adw_combo_row_set_selected (self->base_row, i);
}

void
fzp_rural_bases_training_view_reload (FzpRuralBasesTrainingView *self)
{
  gint64 keep = selected_session (self);
  g_autoptr(GPtrArray) list = NULL;
  GtkSingleSelection *selection;

  g_return_if_fail (FZP_IS_RURAL_BASES_TRAINING_VIEW (self));

  load_bases (self);
  g_list_store_remove_all (self->sessions);
  list = fzp_rural_bases_list_trainings (self->context, 0, NULL, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->sessions_view));
  for (guint i = 0; list && i < list->len; i++)
    {
      FzpRuralBasesTraining *t = g_ptr_array_index (list, i);
      g_autofree char *held = fzp_rural_bases_ui_date_text (&t->held_on);
      g_autofree char *hours = g_strdup_printf ("%g", t->hours);
      g_autofree char *attendees = g_strdup_printf ("%u", t->n_attendees);

      fzp_rural_bases_ui_append (self->sessions, t->id, held, t->county_name, t->base_name ? t->base_name : "",
                                 t->topic, hours, attendees, NULL);
      if (t->id == keep)
        gtk_single_selection_set_selected (selection, i);
    }
  fzp_rural_bases_ui_set_empty (self->sessions_view, GTK_WIDGET (self->sessions_empty));
  load_attendees (self);
}

/* "Person: …" from the registry becomes "@title: …" of the row it was typed in. */
static char *
as_field_of (GtkEntry   *row,
             const char  *message)
{
  const char *colon = strstr (message, ": ");

  return g_strdup_printf ("%s: %s", fzp_rural_bases_ui_title (row), colon ? colon + 2 : message);
}

static gboolean
read_persons (FzpRuralBasesTrainingView  *self,
              GtkEntry                   *row,
              GArray                     *ids,
              GError                    **error)
{
  g_autofree char *text = fz_normalize_text (fzp_rural_bases_ui_text (row));
  g_auto(GStrv) parts = NULL;

  /* Commas of either width, 、 and ; separate the persons. */
  for (char *p = text; *p; p++)
    if (*p == ';' || *p == '\n')
      *p = ',';
  {
    g_auto(GStrv) pieces = g_strsplit (text, "、", -1);
    g_autofree char *joined = g_strjoinv (",", pieces);
    parts = g_strsplit (joined, ",", -1);
  }
  for (guint i = 0; parts[i]; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      gint64 id = 0;

      if (*part == '\0')
        continue;
      if (!fzp_rural_bases_resolve_person (self->context, part, &id, NULL, &local_error))
        {
          g_autofree char *message = as_field_of (row, local_error->message);

          g_set_error_literal (error, local_error->domain, local_error->code, message);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static void
add_clicked_cb (FzpRuralBasesTrainingView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->base_row), GTK_WIDGET (self->county_row), GTK_WIDGET (self->date_entry),
                          GTK_WIDGET (self->topic_entry), GTK_WIDGET (self->hours_entry), GTK_WIDGET (self->place_entry),
                          GTK_WIDGET (self->trainer_entry), GTK_WIDGET (self->attendees_entry), NULL };
  g_autoptr(FzpRuralBasesTraining) training = g_new0 (FzpRuralBasesTraining, 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint base = adw_combo_row_get_selected (self->base_row);
  guint county = adw_combo_row_get_selected (self->county_row);

  training->base_id = base < self->base_ids->len ? g_array_index (self->base_ids, gint64, base) : 0;
  training->county_code = g_strdup (county < self->county_codes->len ? g_ptr_array_index (self->county_codes, county)
                                                                      : NULL);
  training->topic = g_strdup (fzp_rural_bases_ui_text (self->topic_entry));
  training->place = g_strdup (fzp_rural_bases_ui_text (self->place_entry));
  training->trainer = g_strdup (fzp_rural_bases_ui_text (self->trainer_entry));
  if (!fzp_rural_bases_ui_read_date (self->date_entry, TRUE, &training->held_on, &error) ||
      !fzp_rural_bases_parse_hours (fzp_rural_bases_ui_text (self->hours_entry),
                                    fzp_rural_bases_ui_title (self->hours_entry), &training->hours, &error) ||
      !read_persons (self, self->attendees_entry, ids, &error) ||
      fzp_rural_bases_add_training (self->context, training, (const gint64 *) (gpointer) ids->data, ids->len,
                                    &error) == 0)
    {
      fzp_rural_bases_ui_show_error (self->add_error, fields, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->topic_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->hours_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->attendees_entry), "");
  fzp_rural_bases_ui_show_error (self->add_error, fields, NULL);
  fzp_rural_bases_training_view_reload (self);
}

static void
change_attendance (FzpRuralBasesTrainingView *self,
                   gboolean                   remove)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->attendee_entry), NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 session = selected_session (self);

  if (session == 0)
    {
      fzp_rural_bases_ui_show_error (self->attend_error, NULL, _("Choose a session in the list above first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->sessions_view));
      return;
    }
  if (remove)
    {
      FzpRuralBasesRow *row = fzp_rural_bases_ui_get_selected (self->attendees_view);
      gint64 id = row ? fzp_rural_bases_row_get_id (row) : 0;

      if (row == NULL)
        {
          fzp_rural_bases_ui_show_error (self->attend_error, NULL, _("Choose the attendee to remove in the list above."));
          gtk_widget_grab_focus (GTK_WIDGET (self->attendees_view));
          return;
        }
      g_array_append_val (ids, id);
    }
  else if (!read_persons (self, self->attendee_entry, ids, &error))
    {
      fzp_rural_bases_ui_show_error (self->attend_error, fields, error->message);
      return;
    }
  if (!fzp_rural_bases_set_attendance (self->context, session, (const gint64 *) (gpointer) ids->data, ids->len, remove,
                                       &error))
    {
      fzp_rural_bases_ui_show_error (self->attend_error, fields, error->message);
      return;
    }
  if (!remove)
    gtk_editable_set_text (GTK_EDITABLE (self->attendee_entry), "");
  fzp_rural_bases_ui_show_error (self->attend_error, fields, NULL);
  fzp_rural_bases_training_view_reload (self);
}

static void
attend_clicked_cb (FzpRuralBasesTrainingView *self)
{
  change_attendance (self, FALSE);
}

static void
remove_clicked_cb (FzpRuralBasesTrainingView *self)
{
  change_attendance (self, TRUE);
}

static void
base_changed_cb (FzpRuralBasesTrainingView *self)
{
  /* A base's session is in the base's county. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->county_row), adw_combo_row_get_selected (self->base_row) == 0);
}

static void
fzp_rural_bases_training_view_dispose (GObject *object)
{
  FzpRuralBasesTrainingView *self = FZP_RURAL_BASES_TRAINING_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_RURAL_BASES_TRAINING_VIEW);
  g_clear_object (&self->sessions);
  g_clear_object (&self->attendees);
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_training_view_parent_class)->dispose (object);
}

static void
fzp_rural_bases_training_view_class_init (FzpRuralBasesTrainingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_rural_bases_training_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/rural-bases/fzp-rural-bases-training-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesTrainingView, name)
  CHILD (sessions_view);
  CHILD (sessions_empty);
  CHILD (attendees_view);
  CHILD (attendees_empty);
  CHILD (attendee_entry);
  CHILD (attend_error);
  CHILD (base_row);
  CHILD (county_row);
  CHILD (date_entry);
  CHILD (topic_entry);
  CHILD (hours_entry);
  CHILD (place_entry);
  CHILD (trainer_entry);
  CHILD (attendees_entry);
  CHILD (add_error);
  CHILD (add_button);
  CHILD (attend_button);
  CHILD (remove_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attend_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_changed_cb);
}

static void
fzp_rural_bases_training_view_init (FzpRuralBasesTrainingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->base_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->sessions = fzp_rural_bases_ui_setup_list (self->sessions_view);
  fzp_rural_bases_ui_add_column (self->sessions_view, _("Held on"), 0, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->sessions_view, _("County"), 1, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->sessions_view, _("Base"), 2, 8, FALSE);
  fzp_rural_bases_ui_add_column (self->sessions_view, _("Topic"), 3, 6, TRUE);
  fzp_rural_bases_ui_add_column (self->sessions_view, _("Hours"), 4, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->sessions_view, _("Attendees"), 5, 4, FALSE);
  g_signal_connect_object (gtk_column_view_get_model (self->sessions_view), "selection-changed",
                           G_CALLBACK (load_attendees), self, G_CONNECT_SWAPPED);

  self->attendees = fzp_rural_bases_ui_setup_list (self->attendees_view);
  fzp_rural_bases_ui_add_column (self->attendees_view, _("Name"), 0, 6, TRUE);
  fzp_rural_bases_ui_add_column (self->attendees_view, _("Identity number"), 1, 11, FALSE);
  fzp_rural_bases_ui_add_column (self->attendees_view, _("County"), 2, 4, FALSE);
}

void
fzp_rural_bases_training_view_set_context (FzpRuralBasesTrainingView *self,
                                           FzContext                 *context)
{
  g_autoptr(GListModel) counties = NULL;

  g_return_if_fail (FZP_IS_RURAL_BASES_TRAINING_VIEW (self));

  g_set_object (&self->context, context);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  counties = fzp_rural_bases_ui_counties (context, NULL, &self->county_codes);
  adw_combo_row_set_model (self->county_row, counties);
  fzp_rural_bases_ui_set_today (self->date_entry);
  base_changed_cb (self);
  fzp_rural_bases_training_view_reload (self);
}
