/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-skills-competitions-competition-dialog.h"
#include "fzp-skills-competitions-craftsmen-view.h"
#include "fzp-skills-competitions-data.h"
#include "fzp-skills-competitions-documents.h"
#include "fzp-skills-competitions-event-dialog.h"
#include "fzp-skills-competitions-import.h"
#include "fzp-skills-competitions-page.h"
#include "fzp-skills-competitions-score-grid.h"

struct _FzpSkillsCompetitionsPage
{
  AdwBin                            parent_instance;
  FzContext                        *context;
  GArray                           *competition_ids;
  GArray                           *event_ids;
  FzpSkillsCompetitionsCompetition *competition;   /* shown, or NULL */
  FzpSkillsCompetitionsEvent       *event;         /* shown, or NULL */
  gboolean                          filling;       /* the drop-downs are being filled */

  AdwToastOverlay                  *toasts;
  AdwViewStack                     *view_stack;
  GtkStack                         *main_stack;
  GtkDropDown                      *competition_drop;
  GtkDropDown                      *event_drop;
  GtkLabel                         *summary_label;
  GtkLabel                         *locked_label;
  GtkEntry                         *person_entry;
  GtkLabel                         *status_label;
  FzpSkillsCompetitionsScoreGrid   *grid;
  FzpSkillsCompetitionsCraftsmenView *craftsmen;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsPage, fzp_skills_competitions_page, ADW_TYPE_BIN)

static void show_event (FzpSkillsCompetitionsPage *self);

static void
toast (FzpSkillsCompetitionsPage *self,
       const char                *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* The problem of the last action, shown under the buttons and announced. */
static void
show_problem (FzpSkillsCompetitionsPage *self,
              const char                *message)
{
  gtk_label_set_text (self->status_label, message ? message : "");
  /* An alert: screen readers read it out as it appears. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static GtkWindow *
parent_window (FzpSkillsCompetitionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
is_locked (FzpSkillsCompetitionsPage *self)
{
  return self->competition == NULL || self->competition->published != NULL;
}

static void
update_actions (FzpSkillsCompetitionsPage *self)
{
  gboolean open = !is_locked (self);
  gboolean has_event = self->event != NULL;
  gboolean has_rows = fzp_skills_competitions_score_grid_get_n_rows (self->grid) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-event", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.event-settings", open && has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import-entrants", open && has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import-scores", open && has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-scores", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.compute-awards", open && has_rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.change-award", open && has_rows && self->event->awards_computed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.publish", open && has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print", self->competition != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", self->competition != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_entry), open && has_event);
}

static void
update_summary (FzpSkillsCompetitionsPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  FzpSkillsCompetitionsCompetition *c = self->competition;

  if (c == NULL)
    return;
  g_string_append_printf (text, "%s · %s", fzp_skills_competitions_level_to_label (c->level), c->starts);
  if (!g_str_equal (c->starts, c->ends))
    g_string_append_printf (text, " – %s", c->ends);
  if (c->venue)
    g_string_append_printf (text, " · %s", c->venue);
  /* TRANSLATORS: who organizes the competition and issues its certificates */
  g_string_append_printf (text, _(" · Organizer: %s"), c->organizer);
  if (self->event)
    {
      FzpSkillsCompetitionsScheme scheme;
      g_autofree char *awards = NULL;
      g_autofree char *max = fzp_skills_competitions_format_score (self->event->max_score);

      fzp_skills_competitions_event_get_scheme (self->event, &scheme);
      awards = fzp_skills_competitions_scheme_describe (&scheme, FALSE);
      g_string_append_c (text, '\n');
      /* TRANSLATORS: an event's rules: final score rule; tie-break; highest score; awards */
      g_string_append_printf (text, _("%s; %s; out of %s; awards: %s"),
                              fzp_skills_competitions_rule_to_label (self->event->rule),
                              fzp_skills_competitions_tie_break_to_label (self->event->tie_break), max, awards);
      if (!self->event->awards_computed)
        g_string_append_printf (text, _(" (not computed yet)"));
    }
  gtk_label_set_text (self->summary_label, text->str);

  if (c->published)
    {
      g_autofree char *locked = g_strdup_printf (_("Results published on %.10s by %s: they can no longer be changed."),
                                                 c->published, c->published_by);
      gtk_label_set_text (self->locked_label, locked);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->locked_label), c->published != NULL);
}

static void
fill_events (FzpSkillsCompetitionsPage *self,
             gint64                     select_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_array_set_size (self->event_ids, 0);
  if (self->competition)
    events = fzp_skills_competitions_list_events (self->context, self->competition->id, &error);
  if (error)
    show_problem (self, error->message);
  for (guint i = 0; events && i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *e = g_ptr_array_index (events, i);
      gtk_string_list_append (names, e->name);
      g_array_append_val (self->event_ids, e->id);
      if (e->id == select_id)
        selected = i;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->event_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->event_drop, self->event_ids->len ? selected : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  show_event (self);
}

static void
show_event (FzpSkillsCompetitionsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->event_drop);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->event, fzp_skills_competitions_event_free);
  if (i < self->event_ids->len)
    self->event = fzp_skills_competitions_get_event (self->context, g_array_index (self->event_ids, gint64, i), &error);
  if (error)
    show_problem (self, error->message);
  fzp_skills_competitions_score_grid_set_event (self->grid, self->context, self->event ? self->event->id : 0,
                                                is_locked (self));
  update_summary (self);
  update_actions (self);
}

/* Reads the competition and the event again (after a change). */
static void
refresh (FzpSkillsCompetitionsPage *self)
{
  gint64 competition_id = self->competition ? self->competition->id : 0;
  gint64 event_id = self->event ? self->event->id : 0;

  fzp_skills_competitions_page_select (self, competition_id, event_id);
}

/* The craftsmen's results come from published competitions: read them
 * again when their view is shown. */
static void
view_changed_cb (FzpSkillsCompetitionsPage *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "craftsmen") == 0)
    fzp_skills_competitions_craftsmen_view_reload (self->craftsmen);
}

static void
fill_competitions (FzpSkillsCompetitionsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->competition_ids, 0);
  list = fzp_skills_competitions_list_competitions (self->context, &error);
  if (error)
    show_problem (self, error->message);
  for (guint i = 0; list && i < list->len; i++)
    {
      FzpSkillsCompetitionsCompetition *c = g_ptr_array_index (list, i);
      /* TRANSLATORS: a competition in the list, marked when its results are published */
      g_autofree char *label = c->published ? g_strdup_printf (_("%s (published)"), c->name) : g_strdup (c->name);
      gtk_string_list_append (names, label);
      g_array_append_val (self->competition_ids, c->id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->competition_drop, G_LIST_MODEL (names));
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, self->competition_ids->len ? "competition" : "none");
}

static void
load_competition (FzpSkillsCompetitionsPage *self,
                  gint64                     competition_id,
                  gint64                     event_id)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->competition, fzp_skills_competitions_competition_free);
  if (competition_id > 0)
    self->competition = fzp_skills_competitions_get_competition (self->context, competition_id, &error);
  if (error)
    show_problem (self, error->message);
  fill_events (self, event_id);
}

gboolean
fzp_skills_competitions_page_select (FzpSkillsCompetitionsPage *self,
                                     gint64                     competition_id,
                                     gint64                     event_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  fill_competitions (self);
  for (guint i = 0; i < self->competition_ids->len; i++)
    if (g_array_index (self->competition_ids, gint64, i) == competition_id)
      position = i;
  if (position == GTK_INVALID_LIST_POSITION && self->competition_ids->len > 0 && competition_id == 0)
    position = 0;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->competition_drop, position);
  self->filling = FALSE;
  load_competition (self, position != GTK_INVALID_LIST_POSITION ? g_array_index (self->competition_ids, gint64, position) : 0,
                    event_id);
  return self->competition != NULL && (competition_id == 0 || self->competition->id == competition_id);
}

/* The list stays as it is while its own choice is handled: only what is
 * shown under it changes. */
static void
competition_selected_cb (FzpSkillsCompetitionsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->competition_drop);

  if (self->filling || i >= self->competition_ids->len)
    return;
  show_problem (self, NULL);
  load_competition (self, g_array_index (self->competition_ids, gint64, i), 0);
}

static void
event_selected_cb (FzpSkillsCompetitionsPage *self)
{
  if (self->filling)
    return;
  show_problem (self, NULL);
  show_event (self);
}

static void
grid_changed_cb (FzpSkillsCompetitionsPage *self)
{
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;

  /* Awards may have been cleared by a new ranking. */
  if (self->event)
    event = fzp_skills_competitions_get_event (self->context, self->event->id, NULL);
  if (event)
    {
      g_clear_pointer (&self->event, fzp_skills_competitions_event_free);
      self->event = g_steal_pointer (&event);
    }
  update_summary (self);
  update_actions (self);
}

static void
grid_problem_cb (FzpSkillsCompetitionsPage *self,
                 const char                *message)
{
  show_problem (self, message);
}

/* Entering one person */

static void
mark_person_entry (FzpSkillsCompetitionsPage *self,
                   const char                *message)
{
  GtkWidget *entry = GTK_WIDGET (self->person_entry);

  if (message)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
person_changed_cb (FzpSkillsCompetitionsPage *self)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (self->person_entry), "error"))
    {
      mark_person_entry (self, NULL);
      show_problem (self, NULL);
    }
}

static void
enter_person_cb (FzpSkillsCompetitionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) person = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->person_entry));
  gint64 id;

  if (self->event == NULL || is_locked (self))
    return;
  person = fzp_skills_competitions_find_person (self->context, text, &error);
  id = person ? fzp_skills_competitions_enter (self->context, self->event->id, fz_person_get_id (person), NULL, 0, 0, &error)
              : 0;
  if (id == 0)
    {
      mark_person_entry (self, error->message);
      show_problem (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->person_entry));
      return;
    }
  {
    /* TRANSLATORS: a person was entered in an event */
    g_autofree char *message = g_strdup_printf (_("%s entered in %s"), fz_person_get_name (person), self->event->name);
    toast (self, message);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->person_entry), "");
  mark_person_entry (self, NULL);
  show_problem (self, NULL);
  refresh (self);
}

/* Dialogs */

static void
competition_saved_cb (FzpSkillsCompetitionsPage *self,
                      gint64                     id)
{
  show_problem (self, NULL);
  fzp_skills_competitions_page_select (self, id, 0);
}

static void
new_competition_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  GtkWidget *dialog = fzp_skills_competitions_competition_dialog_new (parent_window (self), self->context);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (competition_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
event_saved_cb (FzpSkillsCompetitionsPage *self,
                gint64                     id)
{
  show_problem (self, NULL);
  fzp_skills_competitions_page_select (self, self->competition->id, id);
}

static void
event_dialog (FzpSkillsCompetitionsPage *self,
              gint64                     event_id)
{
  GtkWidget *dialog;

  if (self->competition == NULL)
    return;
  dialog = fzp_skills_competitions_event_dialog_new (parent_window (self), self->context, self->competition->id, event_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (event_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  event_dialog (FZP_SKILLS_COMPETITIONS_PAGE (widget), 0);
}

static void
event_settings_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);

  if (self->event)
    event_dialog (self, self->event->id);
}

/* Shows what an import found wrong, every line, in a dialog. */
static void
show_import_problems (FzpSkillsCompetitionsPage         *self,
                      FzpSkillsCompetitionsImportReport *report,
                      const char                        *message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  for (guint i = 0; report && i < report->problems->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (report->problems, i));
  show_problem (self, message);
  if (text->len == 0)
    return;
  dialog = adw_message_dialog_new (parent_window (self), _("Nothing Was Imported"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s",
                                  _("Correct these rows of the sheet and import it again; no row was written."));
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems found in the sheet"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog           *chooser,
                    int                        response,
                    FzpSkillsCompetitionsPage *self)
{
  gboolean scores = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "fzp-scores"));

  if (response == GTK_RESPONSE_ACCEPT && self->competition && self->event)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(FzpSkillsCompetitionsImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      /* Rows that name no event are for the event shown; a sheet with an
       * event column may fill every event of the competition. */
      if (scores)
        ok = fzp_skills_competitions_import_scores (self->context, self->competition->id, self->event->id, path,
                                                    &report, &error);
      else
        ok = fzp_skills_competitions_import_entrants (self->context, self->competition->id, self->event->id, path,
                                                      &report, &error);
      if (!ok)
        show_import_problems (self, report, error->message);
      else
        {
          g_autofree char *message = scores
            ? g_strdup_printf (_("%u rows read: %u changed, %u unchanged"), report->rows, report->updated, report->unchanged)
            : g_strdup_printf (_("%u entered, %u updated, %u unchanged"), report->added, report->updated, report->unchanged);
          show_problem (self, NULL);
          toast (self, message);
          refresh (self);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_sheet (FzpSkillsCompetitionsPage *self,
              gboolean                   scores)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (scores ? _("Import Scores") : _("Import Entrants"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.XLSX");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "fzp-scores", GINT_TO_POINTER (scores));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_entrants_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  import_sheet (FZP_SKILLS_COMPETITIONS_PAGE (widget), FALSE);
}

static void
import_scores_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  import_sheet (FZP_SKILLS_COMPETITIONS_PAGE (widget), TRUE);
}

static void
export_response_cb (GtkNativeDialog           *chooser,
                    int                        response,
                    FzpSkillsCompetitionsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->competition)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      guint n = 0;

      if (fzp_skills_competitions_export_scores (self->context, self->competition->id, 0, path, &n, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Wrote %u entrants to %s"), n, path);
          toast (self, message);
        }
      else
        show_problem (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_scores_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->competition == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Scores"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* Printed names are Chinese: so is the file's. */
  name = g_strdup_printf ("%s成绩.xlsx", self->competition->name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
compute_awards_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->event == NULL)
    return;
  if (!fzp_skills_competitions_compute_awards (self->context, self->event->id, &error))
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  toast (self, _("Awards computed from the ranking and the event’s scheme"));
  refresh (self);
}

typedef struct {
  FzpSkillsCompetitionsPage *page;
  gint64                     entrant_id;
  GtkDropDown               *award;
  GtkEntry                  *reason;
} ChangeAward;

static void
change_award_free (gpointer  data,
                   GClosure *closure)
{
  ChangeAward *change = data;

  g_object_unref (change->page);
  g_free (change);
}

static void
change_reason_cb (GtkEditable *reason,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));
  adw_message_dialog_set_response_enabled (dialog, "change", *text != '\0');
}

static void
change_award_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ChangeAward      *change)
{
  FzpSkillsCompetitionsPage *self = change->page;
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (change->award);
  const char *award = NULL;

  if (g_str_equal (response, "change") && self->event)
    {
      if (i < self->event->n_tiers)
        award = self->event->awards[i];
      if (!fzp_skills_competitions_change_award (self->context, change->entrant_id, award,
                                                 gtk_editable_get_text (GTK_EDITABLE (change->reason)), &error))
        show_problem (self, error->message);
      else
        {
          show_problem (self, NULL);
          toast (self, _("Award changed; the reason is recorded"));
          refresh (self);
        }
    }
}

static void
change_award_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  FzpSkillsCompetitionsRow *row = fzp_skills_competitions_score_grid_get_selected (self->grid);
  g_autoptr(GtkStringList) awards = gtk_string_list_new (NULL);
  ChangeAward *change;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *award_label;
  GtkWidget *reason_label;
  guint current;

  if (self->event == NULL)
    return;
  if (row == NULL)
    {
      show_problem (self, _("Choose the entrant whose award changes: select their row in the grid first"));
      return;
    }
  for (guint i = 0; i < self->event->n_tiers; i++)
    gtk_string_list_append (awards, self->event->awards[i]);
  gtk_string_list_append (awards, _("No award"));
  current = self->event->n_tiers;
  for (guint i = 0; i < self->event->n_tiers; i++)
    if (g_strcmp0 (self->event->awards[i], fzp_skills_competitions_row_get_award (row)) == 0)
      current = i;

  change = g_new0 (ChangeAward, 1);
  change->page = g_object_ref (self);
  change->entrant_id = fzp_skills_competitions_row_get_id (row);
  dialog = adw_message_dialog_new (parent_window (self), _("Change Award"), NULL);
  /* TRANSLATORS: No. 3 王伟 */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("No. %u %s. The change and its reason are recorded, and shown on the score sheet."),
                                  fzp_skills_competitions_row_get_number (row), fzp_skills_competitions_row_get_name (row));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  award_label = gtk_label_new_with_mnemonic (_("_Award"));
  gtk_label_set_xalign (GTK_LABEL (award_label), 0);
  change->award = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (awards)), NULL));
  gtk_drop_down_set_selected (change->award, current);
  gtk_label_set_mnemonic_widget (GTK_LABEL (award_label), GTK_WIDGET (change->award));
  reason_label = gtk_label_new_with_mnemonic (_("_Reason (required)"));
  gtk_label_set_xalign (GTK_LABEL (reason_label), 0);
  change->reason = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (reason_label), GTK_WIDGET (change->reason));
  gtk_box_append (GTK_BOX (box), award_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (change->award));
  gtk_box_append (GTK_BOX (box), reason_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (change->reason));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "change", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (change->reason, "changed", G_CALLBACK (change_reason_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (change_award_response_cb), change,
                         change_award_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
publish_response_cb (AdwMessageDialog          *dialog,
                     const char                *response,
                     FzpSkillsCompetitionsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "publish") || self->competition == NULL)
    return;
  if (!fzp_skills_competitions_publish (self->context, self->competition->id, &error))
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  toast (self, _("Results published: the award list and the certificates can be printed"));
  refresh (self);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  GtkWidget *dialog;

  if (self->competition == NULL)
    return;
  dialog = adw_message_dialog_new (parent_window (self), _("Publish the Results?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("After publication no score, award or entrant of “%s” can be changed, here or anywhere."),
                                  self->competition->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "publish", _("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing */

static FzDocument *
build (FzpSkillsCompetitionsPage  *self,
       const char                 *id,
       GError                    **error)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (params, (gpointer) "competition", g_strdup_printf ("%lld", (long long) self->competition->id));
  for (guint i = 0; i < FZP_SKILLS_COMPETITIONS_N_DOCUMENTS; i++)
    if (g_str_equal (fzp_skills_competitions_documents[i].id, id))
      return fzp_skills_competitions_build_document (self->context, &fzp_skills_competitions_documents[i], params, error);
  g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND, _("No document “%s” here"), id);
  return NULL;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  if (self->competition == NULL)
    return;
  doc = build (self, g_variant_get_string (parameter, NULL), &error);
  if (doc == NULL || !fz_document_print (doc, parent_window (self), &error))
    show_problem (self, error->message);
  else
    show_problem (self, NULL);
}

static void
export_pdf_response_cb (GtkNativeDialog           *chooser,
                        int                        response,
                        FzpSkillsCompetitionsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (chooser), "fzp-document");

  if (response == GTK_RESPONSE_ACCEPT && self->competition)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = build (self, id, &error);

      if (doc && fz_document_render_pdf (doc, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Saved %s"), path);
          show_problem (self, NULL);
          toast (self, message);
        }
      else
        show_problem (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char *suffix = g_str_equal (id, "award-list") ? "获奖名单" : g_str_equal (id, "award-certificates") ? "获奖证书" : "成绩登记表";
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->competition == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s%s.pdf", self->competition->name, suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "fzp-document", g_strdup (id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fzp_skills_competitions_page_dispose (GObject *object)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (object);

  /* The bin's child is a named template child: let the bin drop it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_SKILLS_COMPETITIONS_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->competition_ids, g_array_unref);
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->competition, fzp_skills_competitions_competition_free);
  g_clear_pointer (&self->event, fzp_skills_competitions_event_free);
  G_OBJECT_CLASS (fzp_skills_competitions_page_parent_class)->dispose (object);
}

static void
fzp_skills_competitions_page_class_init (FzpSkillsCompetitionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_skills_competitions_page_dispose;

  g_type_ensure (FZP_TYPE_SKILLS_COMPETITIONS_SCORE_GRID);
  g_type_ensure (FZP_TYPE_SKILLS_COMPETITIONS_CRAFTSMEN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/skills-competitions/fzp-skills-competitions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, competition_drop);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, event_drop);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, locked_label);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, person_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsPage, craftsmen);
  gtk_widget_class_bind_template_callback (widget_class, grid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_problem_cb);
  gtk_widget_class_bind_template_callback (widget_class, enter_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.new-competition", NULL, new_competition_action);
  gtk_widget_class_install_action (widget_class, "page.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "page.event-settings", NULL, event_settings_action);
  gtk_widget_class_install_action (widget_class, "page.import-entrants", NULL, import_entrants_action);
  gtk_widget_class_install_action (widget_class, "page.import-scores", NULL, import_scores_action);
  gtk_widget_class_install_action (widget_class, "page.export-scores", NULL, export_scores_action);
  gtk_widget_class_install_action (widget_class, "page.compute-awards", NULL, compute_awards_action);
  gtk_widget_class_install_action (widget_class, "page.change-award", NULL, change_award_action);
  gtk_widget_class_install_action (widget_class, "page.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "page.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", "s", export_pdf_action);
}

static void
fzp_skills_competitions_page_init (FzpSkillsCompetitionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->competition_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (self->competition_drop, "notify::selected", G_CALLBACK (competition_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_drop, "notify::selected", G_CALLBACK (event_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (view_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
fzp_skills_competitions_page_new (FzContext *context)
{
  FzpSkillsCompetitionsPage *self = g_object_new (FZP_TYPE_SKILLS_COMPETITIONS_PAGE, NULL);

  self->context = g_object_ref (context);
  fzp_skills_competitions_craftsmen_view_set_context (self->craftsmen, context);
  fzp_skills_competitions_page_select (self, 0, 0);
  return GTK_WIDGET (self);
}
