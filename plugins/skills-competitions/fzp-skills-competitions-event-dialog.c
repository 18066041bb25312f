/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-data.h"
#include "fzp-skills-competitions-event-dialog.h"

struct _FzpSkillsCompetitionsEventDialog
{
  AdwWindow                   parent_instance;
  FzContext                  *context;
  gint64                      competition_id;
  FzpSkillsCompetitionsEvent *event;      /* when editing */
  GPtrArray                  *presets;
  GtkWidget                  *invalid;

  GtkEntry                   *name_entry;
  GtkEntry                   *judges_entry;
  GtkEntry                   *max_entry;
  AdwComboRow                *preset_row;
  AdwComboRow                *rule_row;
  AdwComboRow                *tie_row;
  AdwComboRow                *basis_row;
  AdwComboRow                *rounding_row;
  GtkEntry                   *awards_entry;
  GtkLabel                   *error_label;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsEventDialog, fzp_skills_competitions_event_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (FzpSkillsCompetitionsEventDialog *self,
              const char                       *message)
{
  struct { const char *field; GtkWidget *row; } fields[] = {
    { _("Event"), GTK_WIDGET (self->name_entry) },
    { _("Judges"), GTK_WIDGET (self->judges_entry) },
    { _("Judge"), GTK_WIDGET (self->judges_entry) },
    { _("Highest score"), GTK_WIDGET (self->max_entry) },
    { _("Award scheme"), GTK_WIDGET (self->awards_entry) },
    { _("Rule"), GTK_WIDGET (self->rule_row) },
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
  for (guint i = 0; i < G_N_ELEMENTS (fields) && self->invalid == NULL; i++)
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
field_changed_cb (FzpSkillsCompetitionsEventDialog *self)
{
  if (self->invalid)
    show_problem (self, NULL);
}

static char *
tiers_text (guint                 n,
            char * const         *awards,
            const double         *amounts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (number, sizeof number, "%g", amounts[i]);
      g_string_append_printf (out, "%s%s:%s", i ? ", " : "", awards[i], number);
    }
  return g_string_free (out, FALSE);
}

static void
fill (FzpSkillsCompetitionsEventDialog *self,
      FzpSkillsCompetitionsScoreRule    rule,
      FzpSkillsCompetitionsTieBreak     tie_break,
      FzpSkillsCompetitionsBasis        basis,
      FzpSkillsCompetitionsRounding     rounding,
      guint                             n_tiers,
      char * const                     *awards,
      const double                     *amounts)
{
  g_autofree char *text = tiers_text (n_tiers, awards, amounts);

  adw_combo_row_set_selected (self->rule_row, rule);
  adw_combo_row_set_selected (self->tie_row, tie_break);
  adw_combo_row_set_selected (self->basis_row, basis);
  adw_combo_row_set_selected (self->rounding_row, rounding);
  gtk_editable_set_text (GTK_EDITABLE (self->awards_entry), text);
}

static void
preset_changed_cb (FzpSkillsCompetitionsEventDialog *self)
{
  guint i = adw_combo_row_get_selected (self->preset_row);
  FzpSkillsCompetitionsPreset *p;

  if (self->presets == NULL || i >= self->presets->len)
    return;
  p = g_ptr_array_index (self->presets, i);
  fill (self, p->rule, p->tie_break, p->basis, p->rounding, p->n_tiers, p->awards, p->amounts);
}

static GStrv
split_judges (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GString *s = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (s, c == 0xFF0C || c == 0x3001 || c == ';' || c == 0xFF1B ? ',' : c);
    }
  parts = g_strsplit (s->str, ",", -1);
  g_string_free (s, TRUE);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));
      if (*name)
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static gboolean
same_scheme (const FzpSkillsCompetitionsEvent  *event,
             const FzpSkillsCompetitionsScheme *scheme)
{
  if (event->basis != scheme->basis || event->rounding != scheme->rounding || event->n_tiers != scheme->n_tiers)
    return FALSE;
  for (guint i = 0; i < scheme->n_tiers; i++)
    if (g_strcmp0 (event->awards[i], scheme->awards[i]) != 0 || event->amounts[i] != scheme->amounts[i])
      return FALSE;
  return TRUE;
}

static gboolean
save (FzpSkillsCompetitionsEventDialog  *self,
      gint64                            *id,
      GError                           **error)
{
  FzDatabase *db = fz_context_get_database (self->context);
  g_auto(GStrv) judges = split_judges (gtk_editable_get_text (GTK_EDITABLE (self->judges_entry)));
  g_auto(GStrv) awards = NULL;
  g_autofree double *amounts = NULL;
  FzpSkillsCompetitionsScheme scheme;
  FzpSkillsCompetitionsScoreRule rule = adw_combo_row_get_selected (self->rule_row);
  FzpSkillsCompetitionsTieBreak tie_break = adw_combo_row_get_selected (self->tie_row);
  gint64 max = 0;
  gboolean ok;

  if (!fzp_skills_competitions_parse_score (gtk_editable_get_text (GTK_EDITABLE (self->max_entry)),
                                            FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT, &max, error) || max == 0)
    {
      g_clear_error (error);
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Highest score: “%s” is not a score above 0"), gtk_editable_get_text (GTK_EDITABLE (self->max_entry)));
      return FALSE;
    }
  scheme.basis = adw_combo_row_get_selected (self->basis_row);
  scheme.rounding = adw_combo_row_get_selected (self->rounding_row);
  scheme.n_tiers = fzp_skills_competitions_parse_tiers (gtk_editable_get_text (GTK_EDITABLE (self->awards_entry)),
                                                        &awards, &amounts, error);
  if (scheme.n_tiers == 0)
    return FALSE;
  scheme.awards = (const char * const *) awards;
  scheme.amounts = amounts;
  if (!fzp_skills_competitions_scheme_check (&scheme, error))
    return FALSE;

  if (self->event == NULL)
    {
      /* The form holds the preset's values, changed or not. */
      *id = fzp_skills_competitions_add_event_full (self->context, self->competition_id,
                                                    gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                                    (const char * const *) judges, max, rule, tie_break, &scheme, error);
      return *id != 0;
    }
  if (!fz_database_begin (db, error))
    return FALSE;
  {
    gboolean judges_changed = !g_strv_equal ((const char * const *) judges, (const char * const *) self->event->judges);

    *id = self->event->id;
    /* Fewer judges may need the plain mean first, more judges the
     * trimmed one last: rules around the judges. */
    ok = (!judges_changed || rule != FZP_SKILLS_COMPETITIONS_RULE_MEAN ||
          fzp_skills_competitions_set_event_rules (self->context, *id, rule, tie_break, max, error)) &&
         (!judges_changed || fzp_skills_competitions_set_judges (self->context, *id, (const char * const *) judges, error)) &&
         ((rule == self->event->rule && tie_break == self->event->tie_break && max == self->event->max_score) ||
          fzp_skills_competitions_set_event_rules (self->context, *id, rule, tie_break, max, error)) &&
         (same_scheme (self->event, &scheme) ||
          fzp_skills_competitions_set_event_scheme (self->context, *id, &scheme, error));
  }
  if (!ok)
    {
      fz_database_rollback (db);
      return FALSE;
    }
  return fz_database_commit (db, error);
}

static void
save_clicked_cb (FzpSkillsCompetitionsEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!save (self, &id, &error))
    {
      show_problem (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fzp_skills_competitions_event_dialog_dispose (GObject *object)
{
  FzpSkillsCompetitionsEventDialog *self = FZP_SKILLS_COMPETITIONS_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_SKILLS_COMPETITIONS_EVENT_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event, fzp_skills_competitions_event_free);
  g_clear_pointer (&self->presets, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_skills_competitions_event_dialog_parent_class)->dispose (object);
}

static void
fzp_skills_competitions_event_dialog_class_init (FzpSkillsCompetitionsEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_skills_competitions_event_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/skills-competitions/fzp-skills-competitions-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, judges_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, max_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, tie_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, basis_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, awards_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsEventDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fzp_skills_competitions_event_dialog_init (FzpSkillsCompetitionsEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_choices (AdwComboRow  *row,
             guint         n,
             const char *(*label) (guint))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

GtkWidget *
fzp_skills_competitions_event_dialog_new (GtkWindow *parent,
                                          FzContext *context,
                                          gint64     competition_id,
                                          gint64     event_id)
{
  FzpSkillsCompetitionsEventDialog *self = g_object_new (FZP_TYPE_SKILLS_COMPETITIONS_EVENT_DIALOG,
                                                         "transient-for", parent, NULL);
  g_autoptr(GtkStringList) presets = gtk_string_list_new (NULL);

  self->context = g_object_ref (context);
  self->competition_id = competition_id;
  set_choices (self->rule_row, FZP_SKILLS_COMPETITIONS_N_RULES, (const char *(*) (guint)) fzp_skills_competitions_rule_to_label);
  set_choices (self->tie_row, FZP_SKILLS_COMPETITIONS_N_TIE_BREAKS,
               (const char *(*) (guint)) fzp_skills_competitions_tie_break_to_label);
  set_choices (self->basis_row, FZP_SKILLS_COMPETITIONS_N_BASES, (const char *(*) (guint)) fzp_skills_competitions_basis_to_label);
  set_choices (self->rounding_row, FZP_SKILLS_COMPETITIONS_N_ROUNDINGS,
               (const char *(*) (guint)) fzp_skills_competitions_rounding_to_label);

  if (event_id > 0)
    self->event = fzp_skills_competitions_get_event (context, event_id, NULL);
  if (self->event)
    {
      g_autofree char *judges = g_strjoinv (", ", self->event->judges);
      g_autofree char *max = fzp_skills_competitions_format_score (self->event->max_score);

      gtk_window_set_title (GTK_WINDOW (self), _("Event Settings"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->event->name);
      gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->judges_entry), judges);
      gtk_editable_set_text (GTK_EDITABLE (self->max_entry), max);
      gtk_widget_set_visible (GTK_WIDGET (self->preset_row), FALSE);
      fill (self, self->event->rule, self->event->tie_break, self->event->basis, self->event->rounding,
            self->event->n_tiers, self->event->awards, self->event->amounts);
      return GTK_WIDGET (self);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->max_entry), "100");
  self->presets = fzp_skills_competitions_list_presets (context, NULL);
  if (self->presets == NULL)
    self->presets = g_ptr_array_new ();
  for (guint i = 0; i < self->presets->len; i++)
    gtk_string_list_append (presets, ((FzpSkillsCompetitionsPreset *) g_ptr_array_index (self->presets, i))->name);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));
  for (guint i = 0; i < self->presets->len; i++)
    if (((FzpSkillsCompetitionsPreset *) g_ptr_array_index (self->presets, i))->is_default)
      adw_combo_row_set_selected (self->preset_row, i);
  preset_changed_cb (self);
  return GTK_WIDGET (self);
}
