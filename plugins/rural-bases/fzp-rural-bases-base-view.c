/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-base-view.h"
#include "fzp-rural-bases-documents.h"
#include "fzp-rural-bases-store.h"
#include "fzp-rural-bases-ui.h"

struct _FzpRuralBasesBaseView
{
  AdwBin          parent_instance;
  FzContext      *context;
  gint64          base_id;
  GListStore     *recognitions;
  GListStore     *employed;
  GListStore     *helped;
  GListStore     *assessments;

  GtkStack       *stack;
  GtkScrolledWindow *scroller;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkButton      *certificate_button;
  AdwPreferencesGroup *recognition_group;

  GtkColumnView  *recognitions_view;
  GtkLabel       *recognitions_empty;
  AdwComboRow    *rec_level_row;
  GtkEntry       *rec_date_entry;
  GtkEntry       *rec_document_entry;
  GtkEntry       *rec_exception_entry;
  GtkLabel       *rec_check_label;
  GtkLabel       *rec_error;
  GtkEntry       *withdraw_reason_entry;
  GtkEntry       *withdraw_date_entry;
  GtkLabel       *withdraw_error;

  GtkColumnView  *employed_view;
  GtkLabel       *employed_empty;
  GtkEntry       *emp_person_entry;
  GtkEntry       *emp_from_entry;
  GtkEntry       *emp_income_entry;
  GtkEntry       *emp_job_entry;
  GtkLabel       *emp_error;
  GtkEntry       *emp_end_entry;
  GtkLabel       *emp_end_error;

  GtkColumnView  *helped_view;
  GtkLabel       *helped_empty;
  GtkEntry       *help_person_entry;
  AdwComboRow    *help_kind_row;
  GtkEntry       *help_from_entry;
  GtkEntry       *help_note_entry;
  GtkLabel       *help_error;
  GtkEntry       *help_end_entry;
  GtkLabel       *help_end_error;

  GtkColumnView  *assessments_view;
  GtkLabel       *assessments_empty;
  GtkEntry       *assess_year_entry;
  AdwComboRow    *assess_result_row;
  GtkEntry       *assess_note_entry;
  GtkLabel       *assess_figures_label;
  GtkLabel       *assess_error;
  GtkButton      *check_button;
  GtkButton      *recognize_button;
  GtkButton      *withdraw_button;
  GtkButton      *employ_button;
  GtkButton      *emp_end_button;
  GtkButton      *help_button;
  GtkButton      *help_end_button;
  GtkButton      *assess_button;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesBaseView, fzp_rural_bases_base_view, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  SIGNAL_EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
load_recognitions (FzpRuralBasesBaseView *self)
{
  g_autoptr(GPtrArray) list = fzp_rural_bases_list_recognitions (self->context, self->base_id, NULL);

  g_list_store_remove_all (self->recognitions);
  for (guint i = 0; list && i < list->len; i++)
    {
      FzpRuralBasesRecognitionRecord *r = g_ptr_array_index (list, i);
      g_autofree char *on = fzp_rural_bases_ui_date_text (&r->recognized_on);
      g_autofree char *withdrawn = fzp_rural_bases_ui_date_text (&r->withdrawn_on);
      g_autofree char *state = g_date_valid (&r->withdrawn_on)
                               ? g_strdup_printf (_("Withdrawn on %1$s: %2$s"), withdrawn, r->withdrawn_reason)
                               : g_strdup (_("Standing"));
      g_autofree char *note = r->exception ? g_strdup_printf (_("Exception: %s"), r->exception) : g_strdup ("");
      FzpRuralBasesRow *row;

      row = fzp_rural_bases_ui_append (self->recognitions, r->id, fzp_rural_bases_level_to_string (r->level), on,
                                       r->document_number ? r->document_number : "", state, note, NULL);
      fzp_rural_bases_row_set_extra (row, r->level);
    }
  fzp_rural_bases_ui_set_empty (self->recognitions_view, GTK_WIDGET (self->recognitions_empty));
}

static void
load_ties (FzpRuralBasesBaseView *self,
           gboolean               employment)
{
  GListStore *store = employment ? self->employed : self->helped;
  g_autoptr(GPtrArray) list = fzp_rural_bases_list_ties (self->context, employment, self->base_id, NULL, NULL);

  g_list_store_remove_all (store);
  for (guint i = 0; list && i < list->len; i++)
    {
      FzpRuralBasesTie *t = g_ptr_array_index (list, i);
      g_autofree char *from = fzp_rural_bases_ui_date_text (&t->started_on);
      g_autofree char *to = fzp_rural_bases_ui_date_text (&t->ended_on);
      g_autofree char *income = fzp_rural_bases_format_money (t->monthly_income);

      if (employment)
        fzp_rural_bases_ui_append (store, t->id, t->name, t->id_number, from, to, income,
                                   t->detail ? t->detail : "", NULL);
      else
        fzp_rural_bases_ui_append (store, t->id, t->name, t->id_number, fzp_rural_bases_help_to_string (t->kind),
                                   from, to, t->detail ? t->detail : "", NULL);
    }
  fzp_rural_bases_ui_set_empty (employment ? self->employed_view : self->helped_view,
                                GTK_WIDGET (employment ? self->employed_empty : self->helped_empty));
}

static void
load_assessments (FzpRuralBasesBaseView *self)
{
  g_autoptr(GPtrArray) list = fzp_rural_bases_list_assessments (self->context, self->base_id, 0, NULL, NULL);

  g_list_store_remove_all (self->assessments);
  for (guint i = 0; list && i < list->len; i++)
    {
      FzpRuralBasesAssessment *a = g_ptr_array_index (list, i);
      const FzpRuralBasesYearFigures *f = &a->figures;
      g_autofree char *year = g_strdup_printf ("%d", a->year);
      g_autofree char *employed = g_strdup_printf ("%u", f->employed);
      g_autofree char *helped = g_strdup_printf ("%u", f->helped);
      g_autofree char *months = g_strdup_printf ("%u", f->employed_months);
      g_autofree char *paid = fzp_rural_bases_format_money (f->income_paid);
      g_autofree char *average = fzp_rural_bases_format_money (fzp_rural_bases_average_income (f->income_paid,
                                                                                                f->employed_months));
      g_autofree char *training = g_strdup_printf ("%u / %u", f->training_sessions, f->training_attendees);

      fzp_rural_bases_ui_append (self->assessments, a->year, year,
                                 a->level ? fzp_rural_bases_level_to_string (a->level) : _("Not recognised"),
                                 employed, helped, months, paid, average, training,
                                 fzp_rural_bases_result_to_string (a->result), NULL);
    }
  fzp_rural_bases_ui_set_empty (self->assessments_view, GTK_WIDGET (self->assessments_empty));
}

static void
update_figures (FzpRuralBasesBaseView *self)
{
  FzpRuralBasesYearFigures f;
  g_autofree char *text = NULL;
  g_autofree char *paid = NULL;
  int year = 0;

  if (self->base_id == 0 ||
      !fzp_rural_bases_parse_year (fzp_rural_bases_ui_text (self->assess_year_entry), "", &year, NULL) ||
      !fzp_rural_bases_compute_year (self->context, self->base_id, year, &f, NULL))
    {
      gtk_label_set_text (self->assess_figures_label, "");
      return;
    }
  paid = fzp_rural_bases_format_money (f.income_paid);
  text = g_strdup_printf (_("From the records of %1$d: %2$u employed for %3$u months in all, %4$s yuan paid; "
                            "%5$u helped; %6$u training sessions with %7$u attendees."),
                          year, f.employed, f.employed_months, paid, f.helped, f.training_sessions,
                          f.training_attendees);
  gtk_label_set_text (self->assess_figures_label, text);
}


static void
clear_errors (FzpRuralBasesBaseView *self)
{
  GtkLabel *labels[] = { self->rec_error, self->withdraw_error, self->emp_error, self->emp_end_error,
                         self->help_error, self->help_end_error, self->assess_error };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    fzp_rural_bases_ui_show_error (labels[i], NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rec_check_label), FALSE);
}

static void
reset_forms (FzpRuralBasesBaseView *self)
{
  GtkEntry *dates[] = { self->rec_date_entry, self->withdraw_date_entry, self->emp_from_entry, self->emp_end_entry,
                           self->help_from_entry, self->help_end_entry };
  GtkEntry *texts[] = { self->rec_document_entry, self->rec_exception_entry, self->withdraw_reason_entry,
                           self->emp_person_entry, self->emp_income_entry, self->emp_job_entry, self->help_person_entry,
                           self->help_note_entry, self->assess_note_entry };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *last_year = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    fzp_rural_bases_ui_set_today (dates[i]);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    gtk_editable_set_text (GTK_EDITABLE (texts[i]), "");
  /* Assessments are made after the year they are of. */
  gtk_editable_set_text (GTK_EDITABLE (self->assess_year_entry), last_year);
  clear_errors (self);
}

static void
load (FzpRuralBasesBaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *level = NULL;
  g_autofree char *founded = NULL;

  base = fzp_rural_bases_find_base (self->context, self->base_id, &error);
  if (base == NULL)
    {
      self->base_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  founded = fzp_rural_bases_ui_date_text (&base->founded_on);
  gtk_label_set_text (self->title_label, base->name);
  subtitle = g_strdup_printf (_("%1$s %2$s %3$s · %4$s · run by %5$s · founded %6$s%7$s"), base->county_name,
                              base->township, base->village ? base->village : "",
                              fzp_rural_bases_industry_to_string (base->industry), base->operator_name, founded,
                              base->homestay ? _(" · homestay") : "");
  gtk_label_set_text (self->subtitle_label, subtitle);
  level = base->level ? g_strdup_printf (_("Recognised at %s."), fzp_rural_bases_level_to_string (base->level))
                      : g_strdup (_("Not recognised yet."));
  adw_preferences_group_set_description (self->recognition_group, level);
  gtk_widget_set_sensitive (GTK_WIDGET (self->certificate_button), base->level != FZP_RURAL_BASES_LEVEL_NONE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->certificate_button),
                               base->level ? NULL : _("A base has a certificate once it is recognised"));

  load_recognitions (self);
  load_ties (self, TRUE);
  load_ties (self, FALSE);
  load_assessments (self);
  update_figures (self);
  gtk_stack_set_visible_child_name (self->stack, "base");
}

void
fzp_rural_bases_base_view_show (FzpRuralBasesBaseView *self,
                                gint64                 id)
{
  g_return_if_fail (FZP_IS_RURAL_BASES_BASE_VIEW (self));

  if (id != self->base_id)
    {
      self->base_id = id;
      reset_forms (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  if (id == 0 || self->context == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  load (self);
}

static void
changed (FzpRuralBasesBaseView *self)
{
  load (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Recognition */

static gboolean
read_level_and_date (FzpRuralBasesBaseView  *self,
                     FzpRuralBasesLevel     *level,
                     GDate                  *day,
                     GError                **error)
{
  *level = adw_combo_row_get_selected (self->rec_level_row) + 1;
  return fzp_rural_bases_ui_read_date (self->rec_date_entry, TRUE, day, error);
}

static void
check_clicked_cb (FzpRuralBasesBaseView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->rec_date_entry), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unmet = NULL;
  g_autofree char *d = NULL;
  FzpRuralBasesLevel level;
  GDate day;
  GString *text;

  fzp_rural_bases_ui_show_error (self->rec_error, fields, NULL);
  if (!read_level_and_date (self, &level, &day, &error) ||
      (unmet = fzp_rural_bases_check_recognition (self->context, self->base_id, level, &day, &error)) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->rec_check_label), FALSE);
      fzp_rural_bases_ui_show_error (self->rec_error, fields, error->message);
      return;
    }
  d = fzp_rural_bases_ui_date_text (&day);
  text = g_string_new (NULL);
  if (unmet->len == 0)
    g_string_append_printf (text, _("Meets the standard for %1$s on %2$s."), fzp_rural_bases_level_to_string (level), d);
  else
    g_string_append_printf (text, _("Does not meet the standard for %1$s on %2$s:"),
                            fzp_rural_bases_level_to_string (level), d);
  for (guint i = 0; i < unmet->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (unmet, i));
  gtk_label_set_text (self->rec_check_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->rec_check_label), TRUE);
  /* The outcome takes the focus, so that a screen reader reads it out. */
  gtk_widget_grab_focus (GTK_WIDGET (self->rec_check_label));
  g_string_free (text, TRUE);
}

static void
recognize_clicked_cb (FzpRuralBasesBaseView *self)
{
  /* A refusal for an unmet standard names no field: the reason for an
   * exception is where to act, so it comes first. */
  GtkWidget *fields[] = { GTK_WIDGET (self->rec_exception_entry), GTK_WIDGET (self->rec_level_row),
                          GTK_WIDGET (self->rec_date_entry), GTK_WIDGET (self->rec_document_entry), NULL };
  g_autoptr(GError) error = NULL;
  FzpRuralBasesLevel level;
  GDate day;

  if (!read_level_and_date (self, &level, &day, &error) ||
      fzp_rural_bases_recognize (self->context, self->base_id, level, &day,
                                 fzp_rural_bases_ui_text (self->rec_document_entry),
                                 fzp_rural_bases_ui_text (self->rec_exception_entry), &error) == 0)
    {
      fzp_rural_bases_ui_show_error (self->rec_error, fields, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->rec_document_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->rec_exception_entry), "");
  clear_errors (self);
  changed (self);
}

static void
withdraw_clicked_cb (FzpRuralBasesBaseView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->withdraw_reason_entry), GTK_WIDGET (self->withdraw_date_entry), NULL };
  FzpRuralBasesRow *row = fzp_rural_bases_ui_get_selected (self->recognitions_view);
  g_autoptr(GError) error = NULL;
  GDate day;

  if (row == NULL)
    {
      fzp_rural_bases_ui_show_error (self->withdraw_error, NULL, _("Choose the recognition to withdraw in the history above."));
      gtk_widget_grab_focus (GTK_WIDGET (self->recognitions_view));
      return;
    }
  if (!fzp_rural_bases_ui_read_date (self->withdraw_date_entry, TRUE, &day, &error) ||
      !fzp_rural_bases_withdraw (self->context, self->base_id, fzp_rural_bases_row_get_extra (row), &day,
                                 fzp_rural_bases_ui_text (self->withdraw_reason_entry), &error))
    {
      fzp_rural_bases_ui_show_error (self->withdraw_error, fields, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->withdraw_reason_entry), "");
  clear_errors (self);
  changed (self);
}

/* Persons employed and helped */

static void
employ_clicked_cb (FzpRuralBasesBaseView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->emp_person_entry), GTK_WIDGET (self->emp_from_entry),
                          GTK_WIDGET (self->emp_income_entry), GTK_WIDGET (self->emp_job_entry), NULL };
  g_autoptr(GError) error = NULL;
  gint64 person = 0;
  double income = 0;
  GDate start;

  if (!fzp_rural_bases_resolve_person (self->context, fzp_rural_bases_ui_text (self->emp_person_entry), &person, NULL,
                                       &error) ||
      !fzp_rural_bases_ui_read_date (self->emp_from_entry, TRUE, &start, &error) ||
      !fzp_rural_bases_parse_money (fzp_rural_bases_ui_text (self->emp_income_entry),
                                    fzp_rural_bases_ui_title (self->emp_income_entry), &income, &error) ||
      fzp_rural_bases_employ (self->context, self->base_id, person, &start, NULL, income,
                              fzp_rural_bases_ui_text (self->emp_job_entry), &error) == 0)
    {
      fzp_rural_bases_ui_show_error (self->emp_error, fields, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->emp_person_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->emp_income_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->emp_job_entry), "");
  fzp_rural_bases_ui_show_error (self->emp_error, fields, NULL);
  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->emp_person_entry));
}

static void
end_tie (FzpRuralBasesBaseView *self,
         gboolean               employment)
{
  GtkColumnView *view = employment ? self->employed_view : self->helped_view;
  GtkEntry *end_entry = employment ? self->emp_end_entry : self->help_end_entry;
  GtkLabel *label = employment ? self->emp_end_error : self->help_end_error;
  GtkWidget *fields[] = { GTK_WIDGET (end_entry), NULL };
  FzpRuralBasesRow *row = fzp_rural_bases_ui_get_selected (view);
  g_autoptr(GError) error = NULL;
  GDate day;

  if (row == NULL)
    {
      fzp_rural_bases_ui_show_error (label, NULL, employment ? _("Choose the employment to end in the list above.")
                                                             : _("Choose the help to end in the list above."));
      gtk_widget_grab_focus (GTK_WIDGET (view));
      return;
    }
  if (!fzp_rural_bases_ui_read_date (end_entry, TRUE, &day, &error) ||
      !fzp_rural_bases_end_tie (self->context, employment, fzp_rural_bases_row_get_id (row), &day, &error))
    {
      fzp_rural_bases_ui_show_error (label, fields, error->message);
      return;
    }
  fzp_rural_bases_ui_show_error (label, fields, NULL);
  changed (self);
}

static void
end_employment_clicked_cb (FzpRuralBasesBaseView *self)
{
  end_tie (self, TRUE);
}

static void
help_clicked_cb (FzpRuralBasesBaseView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->help_person_entry), GTK_WIDGET (self->help_kind_row),
                          GTK_WIDGET (self->help_from_entry), GTK_WIDGET (self->help_note_entry), NULL };
  g_autoptr(GError) error = NULL;
  gint64 person = 0;
  GDate start;

  if (!fzp_rural_bases_resolve_person (self->context, fzp_rural_bases_ui_text (self->help_person_entry), &person, NULL,
                                       &error) ||
      !fzp_rural_bases_ui_read_date (self->help_from_entry, TRUE, &start, &error) ||
      fzp_rural_bases_help (self->context, self->base_id, person, adw_combo_row_get_selected (self->help_kind_row) + 1,
                            &start, NULL, fzp_rural_bases_ui_text (self->help_note_entry), &error) == 0)
    {
      fzp_rural_bases_ui_show_error (self->help_error, fields, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->help_person_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->help_note_entry), "");
  fzp_rural_bases_ui_show_error (self->help_error, fields, NULL);
  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->help_person_entry));
}

static void
end_help_clicked_cb (FzpRuralBasesBaseView *self)
{
  end_tie (self, FALSE);
}

/* Assessment */

static void
assess_clicked_cb (FzpRuralBasesBaseView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->assess_year_entry), GTK_WIDGET (self->assess_result_row),
                          GTK_WIDGET (self->assess_note_entry), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  if (!fzp_rural_bases_parse_year (fzp_rural_bases_ui_text (self->assess_year_entry),
                                   fzp_rural_bases_ui_title (self->assess_year_entry), &year, &error) ||
      !fzp_rural_bases_assess (self->context, self->base_id, year, NULL,
                               adw_combo_row_get_selected (self->assess_result_row) + 1,
                               fzp_rural_bases_ui_text (self->assess_note_entry), &today, &error))
    {
      fzp_rural_bases_ui_show_error (self->assess_error, fields, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->assess_note_entry), "");
  fzp_rural_bases_ui_show_error (self->assess_error, fields, NULL);
  changed (self);
}

static void
year_changed_cb (FzpRuralBasesBaseView *self)
{
  if (self->context)
    update_figures (self);
}

/* The base itself */

static void
edit_clicked_cb (FzpRuralBasesBaseView *self)
{
  g_signal_emit (self, signals[SIGNAL_EDIT], 0, self->base_id);
}

static void
certificate_clicked_cb (FzpRuralBasesBaseView *self)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const FzDocumentInfo *info = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  for (guint i = 0; i < fzp_rural_bases_n_documents; i++)
    if (g_str_equal (fzp_rural_bases_documents[i].id, "certificate"))
      info = &fzp_rural_bases_documents[i];
  g_hash_table_insert (params, (gpointer) "base", g_strdup_printf ("%" G_GINT64_FORMAT, self->base_id));
  doc = fzp_rural_bases_build_document (self->context, info, params, &error);
  if (doc == NULL || !fz_document_print (doc, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error))
    fzp_rural_bases_ui_show_error (self->rec_error, NULL, error->message);
}

static void
fzp_rural_bases_base_view_dispose (GObject *object)
{
  FzpRuralBasesBaseView *self = FZP_RURAL_BASES_BASE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_RURAL_BASES_BASE_VIEW);
  g_clear_object (&self->recognitions);
  g_clear_object (&self->employed);
  g_clear_object (&self->helped);
  g_clear_object (&self->assessments);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_base_view_parent_class)->dispose (object);
}

static void
fzp_rural_bases_base_view_class_init (FzpRuralBasesBaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_rural_bases_base_view_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/rural-bases/fzp-rural-bases-base-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesBaseView, name)
  CHILD (scroller);
  CHILD (title_label);
  CHILD (subtitle_label);
  CHILD (certificate_button);
  CHILD (recognition_group);
  CHILD (recognitions_view);
  CHILD (recognitions_empty);
  CHILD (rec_level_row);
  CHILD (rec_date_entry);
  CHILD (rec_document_entry);
  CHILD (rec_exception_entry);
  CHILD (rec_check_label);
  CHILD (rec_error);
  CHILD (withdraw_reason_entry);
  CHILD (withdraw_date_entry);
  CHILD (withdraw_error);
  CHILD (employed_view);
  CHILD (employed_empty);
  CHILD (emp_person_entry);
  CHILD (emp_from_entry);
  CHILD (emp_income_entry);
  CHILD (emp_job_entry);
  CHILD (emp_error);
  CHILD (emp_end_entry);
  CHILD (emp_end_error);
  CHILD (helped_view);
  CHILD (helped_empty);
  CHILD (help_person_entry);
  CHILD (help_kind_row);
  CHILD (help_from_entry);
  CHILD (help_note_entry);
  CHILD (help_error);
  CHILD (help_end_entry);
  CHILD (help_end_error);
  CHILD (assessments_view);
  CHILD (assessments_empty);
  CHILD (assess_year_entry);
  CHILD (assess_result_row);
  CHILD (assess_note_entry);
  CHILD (assess_figures_label);
  CHILD (assess_error);
  CHILD (check_button);
  CHILD (recognize_button);
  CHILD (withdraw_button);
  CHILD (employ_button);
  CHILD (emp_end_button);
  CHILD (help_button);
  CHILD (help_end_button);
  CHILD (assess_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recognize_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, withdraw_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, employ_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_employment_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, help_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_help_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, assess_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, certificate_clicked_cb);
}

static void
fzp_rural_bases_base_view_init (FzpRuralBasesBaseView *self)
{
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GListModel) helps = NULL;
  g_autoptr(GListModel) results = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a template child, which disposing the
   * template would unparent before the bin does. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  levels = fzp_rural_bases_ui_levels (NULL);
  helps = fzp_rural_bases_ui_helps ();
  results = fzp_rural_bases_ui_results ();
  adw_combo_row_set_model (self->rec_level_row, levels);
  adw_combo_row_set_model (self->help_kind_row, helps);
  adw_combo_row_set_model (self->assess_result_row, results);
  adw_combo_row_set_selected (self->assess_result_row, FZP_RURAL_BASES_RESULT_PASS - 1);

  self->recognitions = fzp_rural_bases_ui_setup_list (self->recognitions_view);
  fzp_rural_bases_ui_add_column (self->recognitions_view, _("Level"), 0, 5, FALSE);
  fzp_rural_bases_ui_add_column (self->recognitions_view, _("Recognised on"), 1, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->recognitions_view, _("Document number"), 2, 8, FALSE);
  fzp_rural_bases_ui_add_column (self->recognitions_view, _("State"), 3, 6, TRUE);
  fzp_rural_bases_ui_add_column (self->recognitions_view, _("Note"), 4, 6, TRUE);

  self->employed = fzp_rural_bases_ui_setup_list (self->employed_view);
  fzp_rural_bases_ui_add_column (self->employed_view, _("Name"), 0, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->employed_view, _("Identity number"), 1, 11, FALSE);
  fzp_rural_bases_ui_add_column (self->employed_view, _("Start date"), 2, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->employed_view, _("End date"), 3, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->employed_view, _("Monthly income"), 4, 5, FALSE);
  fzp_rural_bases_ui_add_column (self->employed_view, _("Job"), 5, 6, TRUE);

  self->helped = fzp_rural_bases_ui_setup_list (self->helped_view);
  fzp_rural_bases_ui_add_column (self->helped_view, _("Name"), 0, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->helped_view, _("Identity number"), 1, 11, FALSE);
  fzp_rural_bases_ui_add_column (self->helped_view, _("Kind of help"), 2, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->helped_view, _("Start date"), 3, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->helped_view, _("End date"), 4, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->helped_view, _("Note"), 5, 6, TRUE);

  self->assessments = fzp_rural_bases_ui_setup_list (self->assessments_view);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Year"), 0, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Level"), 1, 5, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Employed"), 2, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Helped"), 3, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Months"), 4, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Income paid"), 5, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Monthly average"), 6, 5, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Training"), 7, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->assessments_view, _("Result"), 8, 6, TRUE);

  g_signal_connect_swapped (self->assess_year_entry, "changed", G_CALLBACK (year_changed_cb), self);
}

void
fzp_rural_bases_base_view_set_context (FzpRuralBasesBaseView *self,
                                       FzContext             *context)
{
  g_return_if_fail (FZP_IS_RURAL_BASES_BASE_VIEW (self));

  g_set_object (&self->context, context);
}
