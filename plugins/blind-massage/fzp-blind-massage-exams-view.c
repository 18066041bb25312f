/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-exams-view.h"
#include "fzp-blind-massage-row-model.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

struct _FzpBlindMassageExamsView
{
  AdwBin                   parent_instance;
  FzContext               *context;
  FzpBlindMassageRowModel *sessions_model;
  GtkSingleSelection      *sessions_selection;
  FzpBlindMassageRowModel *results_model;
  GtkNoSelection          *results_selection;

  GtkStack                *sessions_stack;
  GtkColumnView           *sessions;
  AdwStatusPage           *sessions_empty;
  GtkColumnView           *results;
  GtkEntry                *session_name;
  AdwComboRow             *session_kind;
  GtkEntry                *session_date;
  GtkLabel                *session_error;
  AdwPreferencesGroup     *result_group;
  GtkEntry                *result_number;
  AdwComboRow             *result_written;
  AdwComboRow             *result_practical;
  AdwComboRow             *result_paper;
  GtkLabel                *result_error;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassageExamsView, fzp_blind_massage_exams_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *sessions_sql =
  "SELECT s.id, s.name, CASE s.kind WHEN 'medical' THEN ?1 ELSE ?2 END, s.held_on,"
  " (SELECT count(*) FROM blind_massage_exam_result r WHERE r.session_id = s.id),"
  " (SELECT count(*) FROM blind_massage_exam_result r WHERE r.session_id = s.id"
  "   AND r.written = 'pass' AND r.practical = 'pass')"
  " FROM blind_massage_exam_session s ORDER BY s.held_on DESC, s.id DESC";

/* Marks as they were recorded, in the user's language. */
static const char *results_sql =
  "SELECT r.practitioner_id, f.name, f.id_number,"
  " CASE r.written WHEN 'pass' THEN ?2 WHEN 'fail' THEN ?3 ELSE ?4 END,"
  " CASE r.practical WHEN 'pass' THEN ?2 WHEN 'fail' THEN ?3 ELSE ?4 END,"
  " CASE r.paper WHEN 'braille' THEN ?5 WHEN 'large-print' THEN ?6 WHEN 'ordinary' THEN ?7 ELSE '' END"
  " FROM blind_massage_exam_result r JOIN blind_massage_practitioner p ON p.id = r.practitioner_id"
  " JOIN fz_person f ON f.id = p.person_id WHERE r.session_id = ?1 ORDER BY f.id_number";

static gint64
selected_session (FzpBlindMassageExamsView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->sessions_selection);

  return row ? fzp_blind_massage_row_get_id (row) : 0;
}

static GVariant *
results_params (gint64 session)
{
  return g_variant_new ("(xssssss)", session, _("Pass"), _("Fail"), _("Absent"), _("Braille"), _("Large print"),
                        _("Ordinary"));
}

static void
session_selected_cb (FzpBlindMassageExamsView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->sessions_selection);
  GtkWidget *none[] = { NULL };

  fzp_blind_massage_row_model_set_params (self->results_model, results_params (selected_session (self)));
  adw_preferences_group_set_title (self->result_group,
                                   row ? fzp_blind_massage_row_get_field (row, 0) : _("Result"));
  adw_preferences_group_set_description (self->result_group,
                                         row ? _("Record the result of one candidate; again corrects it.")
                                             : _("Choose an exam in the list first."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->result_group), row != NULL);
  fzp_blind_massage_ui_show_error (self->result_error, NULL, NULL, none);
}

static void
session_clicked_cb (FzpBlindMassageExamsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->session_name), GTK_WIDGET (self->session_date), NULL };
  FzpBlindMassageKind kind = adw_combo_row_get_selected (self->session_kind) == 1 ? FZP_BLIND_MASSAGE_KIND_HEALTH
                                                                                  : FZP_BLIND_MASSAGE_KIND_MEDICAL;
  GDate date;

  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->session_date), FALSE, &date, &error)
      || fzp_blind_massage_add_exam_session (self->context, kind,
                                             gtk_editable_get_text (GTK_EDITABLE (self->session_name)), &date,
                                             &error) == 0)
    {
      fzp_blind_massage_ui_show_error (self->session_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->session_error, NULL, NULL, fields);
  gtk_editable_set_text (GTK_EDITABLE (self->session_name), "");
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), _("Exam added"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
result_clicked_cb (FzpBlindMassageExamsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->result_number), NULL };
  static const FzpBlindMassageExamMark marks[] = {
    FZP_BLIND_MASSAGE_EXAM_PASS, FZP_BLIND_MASSAGE_EXAM_FAIL, FZP_BLIND_MASSAGE_EXAM_ABSENT
  };
  static const char *papers[] = { "braille", "large-print", "ordinary" };
  gint64 session = selected_session (self);

  if (session == 0)
    return;
  p = fzp_blind_massage_find_practitioner (self->context, gtk_editable_get_text (GTK_EDITABLE (self->result_number)),
                                           FZP_BLIND_MASSAGE_KIND_NONE, &error);
  if (p == NULL
      || !fzp_blind_massage_record_exam_result (self->context, session, p->id,
                                                marks[MIN (adw_combo_row_get_selected (self->result_written), 2)],
                                                marks[MIN (adw_combo_row_get_selected (self->result_practical), 2)],
                                                papers[MIN (adw_combo_row_get_selected (self->result_paper), 2)],
                                                &error))
    {
      fzp_blind_massage_ui_show_error (self->result_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->result_error, NULL, NULL, fields);
  gtk_editable_set_text (GTK_EDITABLE (self->result_number), "");
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), _("Result recorded"));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
fzp_blind_massage_exams_view_reload (FzpBlindMassageExamsView *self)
{
  gint64 keep;
  guint n;

  g_return_if_fail (FZP_IS_BLIND_MASSAGE_EXAMS_VIEW (self));

  keep = selected_session (self);
  fzp_blind_massage_row_model_reload (self->sessions_model);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions_model));
  for (guint i = 0; keep && i < n; i++)
    {
      g_autoptr(FzpBlindMassageRow) row = g_list_model_get_item (G_LIST_MODEL (self->sessions_model), i);
      if (row && fzp_blind_massage_row_get_id (row) == keep)
        {
          gtk_single_selection_set_selected (self->sessions_selection, i);
          break;
        }
    }
  gtk_stack_set_visible_child_name (self->sessions_stack, n ? "list" : "empty");
  session_selected_cb (self);
}

static void
fzp_blind_massage_exams_view_dispose (GObject *object)
{
  FzpBlindMassageExamsView *self = FZP_BLIND_MASSAGE_EXAMS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_EXAMS_VIEW);
  g_clear_object (&self->sessions_selection);
  g_clear_object (&self->sessions_model);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results_model);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_blind_massage_exams_view_parent_class)->dispose (object);
}

static void
fzp_blind_massage_exams_view_class_init (FzpBlindMassageExamsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_exams_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-exams-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpBlindMassageExamsView, name)
  CHILD (sessions_stack); CHILD (sessions); CHILD (sessions_empty); CHILD (results); CHILD (session_name);
  CHILD (session_kind); CHILD (session_date); CHILD (session_error); CHILD (result_group); CHILD (result_number);
  CHILD (result_written); CHILD (result_practical); CHILD (result_paper); CHILD (result_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, session_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_clicked_cb);
}

static void
fzp_blind_massage_exams_view_init (FzpBlindMassageExamsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_blind_massage_exams_view_new (FzContext *context)
{
  FzpBlindMassageExamsView *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_EXAMS_VIEW, NULL);
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *today = fzp_blind_massage_ui_today ();

  self->context = g_object_ref (context);
  self->sessions_model = fzp_blind_massage_row_model_new (db, sessions_sql,
                                                          g_variant_new ("(ss)", C_("trade", "Medical"),
                                                                         C_("trade", "Health")));
  self->sessions_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sessions_model)));
  gtk_single_selection_set_autoselect (self->sessions_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sessions_selection, TRUE);
  g_signal_connect_object (self->sessions_selection, "notify::selected-item", G_CALLBACK (session_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->sessions, GTK_SELECTION_MODEL (self->sessions_selection));
  fzp_blind_massage_ui_add_column (self->sessions, _("Exam"), 0, 16, TRUE);
  fzp_blind_massage_ui_add_column (self->sessions, _("Kind"), 1, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->sessions, _("Held on"), 2, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->sessions, _("Candidates"), 3, 4, FALSE);
  fzp_blind_massage_ui_add_column (self->sessions, _("Passed"), 4, 4, FALSE);

  self->results_model = fzp_blind_massage_row_model_new (db, results_sql, results_params (0));
  self->results_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results_model)));
  gtk_column_view_set_model (self->results, GTK_SELECTION_MODEL (self->results_selection));
  fzp_blind_massage_ui_add_column (self->results, _("Name"), 0, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->results, _("Identity number"), 1, 18, FALSE);
  fzp_blind_massage_ui_add_column (self->results, _("Written"), 2, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->results, _("Practical"), 3, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->results, _("Paper"), 4, 6, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->session_date), today);
  fzp_blind_massage_exams_view_reload (self);
  return GTK_WIDGET (self);
}
