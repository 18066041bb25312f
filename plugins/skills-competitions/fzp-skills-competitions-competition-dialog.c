/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-competition-dialog.h"
#include "fzp-skills-competitions-data.h"

struct _FzpSkillsCompetitionsCompetitionDialog
{
  AdwWindow    parent_instance;
  FzContext   *context;
  GPtrArray   *counties;
  GtkWidget   *invalid;      /* the field marked wrong, or NULL */

  GtkEntry    *name_entry;
  AdwComboRow *level_row;
  AdwComboRow *county_row;
  GtkEntry    *starts_entry;
  GtkEntry    *ends_entry;
  GtkEntry    *venue_entry;
  GtkEntry    *organizer_entry;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsCompetitionDialog, fzp_skills_competitions_competition_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (FzpSkillsCompetitionsCompetitionDialog *self,
              const char                             *message)
{
  /* The message names its field first, as "Start date: …". */
  struct { const char *field; GtkWidget *row; } fields[] = {
    { _("Name"), GTK_WIDGET (self->name_entry) },
    { _("County"), GTK_WIDGET (self->county_row) },
    { _("Start date"), GTK_WIDGET (self->starts_entry) },
    { _("End date"), GTK_WIDGET (self->ends_entry) },
    { _("Venue"), GTK_WIDGET (self->venue_entry) },
    { _("Organizer"), GTK_WIDGET (self->organizer_entry) },
  };

  if (self->invalid)
    {
      gtk_widget_remove_css_class (self->invalid, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->invalid = NULL;
    }
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:", fields[i].field);
      if (g_str_has_prefix (message, prefix))
        self->invalid = fields[i].row;
    }
  if (self->invalid == NULL)
    self->invalid = GTK_WIDGET (self->name_entry);
  gtk_widget_add_css_class (self->invalid, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (self->invalid);
}

static void
field_changed_cb (FzpSkillsCompetitionsCompetitionDialog *self)
{
  if (self->invalid)
    show_problem (self, NULL);
}

static void
save_clicked_cb (FzpSkillsCompetitionsCompetitionDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint county = adw_combo_row_get_selected (self->county_row);
  FzpSkillsCompetitionsCompetition c = { 0 };

  c.name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  c.level = (FzpSkillsCompetitionsLevel) adw_combo_row_get_selected (self->level_row);
  c.county_code = county > 0 && county <= self->counties->len
                  ? ((FzCounty *) g_ptr_array_index (self->counties, county - 1))->code : NULL;
  c.starts = (char *) gtk_editable_get_text (GTK_EDITABLE (self->starts_entry));
  c.ends = (char *) gtk_editable_get_text (GTK_EDITABLE (self->ends_entry));
  c.venue = (char *) gtk_editable_get_text (GTK_EDITABLE (self->venue_entry));
  c.organizer = (char *) gtk_editable_get_text (GTK_EDITABLE (self->organizer_entry));
  if (!fzp_skills_competitions_add_competition (self->context, &c, &error))
    {
      show_problem (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, c.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fzp_skills_competitions_competition_dialog_dispose (GObject *object)
{
  FzpSkillsCompetitionsCompetitionDialog *self = FZP_SKILLS_COMPETITIONS_COMPETITION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_SKILLS_COMPETITIONS_COMPETITION_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_skills_competitions_competition_dialog_parent_class)->dispose (object);
}

static void
fzp_skills_competitions_competition_dialog_class_init (FzpSkillsCompetitionsCompetitionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_skills_competitions_competition_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/skills-competitions/fzp-skills-competitions-competition-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, starts_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, ends_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, venue_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, organizer_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCompetitionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fzp_skills_competitions_competition_dialog_init (FzpSkillsCompetitionsCompetitionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_skills_competitions_competition_dialog_new (GtkWindow *parent,
                                                FzContext *context)
{
  FzpSkillsCompetitionsCompetitionDialog *self = g_object_new (FZP_TYPE_SKILLS_COMPETITIONS_COMPETITION_DIALOG,
                                                               "transient-for", parent, NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) counties = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) existing = NULL;

  self->context = g_object_ref (context);
  for (guint i = 0; i < FZP_SKILLS_COMPETITIONS_N_LEVELS; i++)
    gtk_string_list_append (levels, fzp_skills_competitions_level_to_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_selected (self->level_row, FZP_SKILLS_COMPETITIONS_LEVEL_CITY);

  self->counties = fz_county_list (fz_context_get_database (context), NULL);
  if (self->counties == NULL)
    self->counties = g_ptr_array_new ();
  gtk_string_list_append (counties, _("None"));
  for (guint i = 0; i < self->counties->len; i++)
    gtk_string_list_append (counties, ((FzCounty *) g_ptr_array_index (self->counties, i))->name);
  adw_combo_row_set_model (self->county_row, G_LIST_MODEL (counties));

  /* The organizer of the last competition is likely this one's too. */
  existing = fzp_skills_competitions_list_competitions (context, NULL);
  if (existing && existing->len > 0)
    gtk_editable_set_text (GTK_EDITABLE (self->organizer_entry),
                           ((FzpSkillsCompetitionsCompetition *) g_ptr_array_index (existing, 0))->organizer);
  return GTK_WIDGET (self);
}
