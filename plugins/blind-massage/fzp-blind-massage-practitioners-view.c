/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-practitioners-view.h"
#include "fzp-blind-massage-row-model.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

struct _FzpBlindMassagePractitionersView
{
  AdwBin                   parent_instance;
  FzContext               *context;
  FzpBlindMassageRowModel *model;
  GtkSingleSelection      *selection;
  gint64                   selected;      /* practitioner id shown in the details, 0: none */
  gboolean                 reloading;     /* the list is read again: its selection comes and goes */
  GPtrArray               *title_names;   /* names of the title levels, in the combo's order */

  GtkSearchEntry          *search;
  GtkDropDown             *kind_filter;
  GtkStack                *list_stack;
  GtkColumnView           *list;
  AdwStatusPage           *empty;
  GtkEntry             *add_number;
  AdwComboRow             *add_kind;
  GtkEntry             *add_qualification;
  GtkEntry             *add_qualified;
  GtkLabel                *add_person;
  GtkLabel                *add_error;
  GtkLabel                *none_selected;
  GtkBox                  *details;
  AdwPreferencesGroup     *summary;
  AdwActionRow            *info_qualification;
  AdwActionRow            *info_title;
  AdwActionRow            *info_filing;
  AdwActionRow            *info_credits;
  AdwActionRow            *info_review;
  GtkListBox              *history;
  GtkEntry             *qualify_number;
  GtkEntry             *qualify_date;
  GtkLabel                *qualify_error;
  GtkEntry             *filing_workplace;
  GtkEntry             *filing_number;
  GtkEntry             *filing_from;
  GtkEntry             *filing_to;
  GtkSwitch               *filing_change;
  GtkLabel                *filing_error;
  AdwPreferencesGroup     *title_group;
  AdwComboRow             *title_level;
  GtkEntry             *title_date;
  GtkLabel                *title_error;
  GtkEntry             *leave_date;
  GtkEntry             *leave_reason;
  GtkLabel                *leave_error;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassagePractitionersView, fzp_blind_massage_practitioners_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum {
  COL_NAME, COL_ID_NUMBER, COL_KIND, COL_COUNTY, COL_QUALIFICATION, COL_TITLE, COL_WORKPLACE, COL_HOURS, COL_STATUS
};

static const char *list_sql =
  "SELECT p.id, f.name, f.id_number, CASE p.kind WHEN 'medical' THEN ?3 ELSE ?4 END, c.name,"
  " coalesce(p.qualification_number, ''),"
  " coalesce((SELECT l.name FROM blind_massage_title t JOIN blind_massage_title_level l ON l.level = t.level"
  "   WHERE t.practitioner_id = p.id ORDER BY t.level DESC LIMIT 1), ''),"
  " coalesce((SELECT g.workplace FROM blind_massage_filing g WHERE g.practitioner_id = p.id AND g.valid_from <= ?5"
  "   AND (g.valid_to IS NULL OR g.valid_to >= ?5) AND (g.ended_on IS NULL OR g.ended_on >= ?5)"
  "   ORDER BY g.valid_from DESC LIMIT 1), ''),"
  " printf('%g', (SELECT coalesce(sum(coalesce(a.hours, k.hours)), 0) FROM blind_massage_attendance a"
  "   JOIN blind_massage_course k ON k.id = a.course_id"
  "   WHERE a.practitioner_id = p.id AND substr(k.held_to, 1, 4) = ?6)),"
  " CASE WHEN p.left_on IS NOT NULL AND p.left_on <= ?5 THEN ?7 ELSE '' END"
  " FROM blind_massage_practitioner p JOIN fz_person f ON f.id = p.person_id"
  " JOIN fz_county c ON c.code = p.county_code"
  " WHERE (?1 = '' OR instr(f.name, ?1) > 0 OR f.id_number LIKE ?1 || '%') AND (?2 IS NULL OR p.kind = ?2)"
  " ORDER BY c.sort, f.id_number";

static FzpBlindMassageKind
filter_kind (FzpBlindMassagePractitionersView *self)
{
  switch (gtk_drop_down_get_selected (self->kind_filter))
    {
    case 1: return FZP_BLIND_MASSAGE_KIND_MEDICAL;
    case 2: return FZP_BLIND_MASSAGE_KIND_HEALTH;
    default: return FZP_BLIND_MASSAGE_KIND_NONE;
    }
}

static GVariant *
list_params (FzpBlindMassagePractitionersView *self)
{
  g_autofree char *today = fzp_blind_massage_ui_today ();
  g_autofree char *year = g_strndup (today, 4);
  g_autofree char *text = self->search ? fz_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->search)))
                                       : g_strdup ("");

  /* Names are matched as typed; numbers without spaces, X in capitals. */
  if (self->search && !g_ascii_isdigit (*text))
    {
      g_free (text);
      text = fz_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->search)));
    }
  return g_variant_new ("(smssssss)", text, fzp_blind_massage_kind_to_nick (filter_kind (self)),
                        C_("trade", "Medical"), C_("trade", "Health"), today, year, _("Left"));
}

static void
update_empty (FzpBlindMassagePractitionersView *self)
{
  gboolean filtered = *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0'
                      || gtk_drop_down_get_selected (self->kind_filter) != 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (filtered)
    {
      adw_status_page_set_title (self->empty, _("No Practitioner Found"));
      adw_status_page_set_description (self->empty, _("No practitioner matches this search."));
    }
  else
    {
      adw_status_page_set_title (self->empty, _("No Practitioners Yet"));
      adw_status_page_set_description (self->empty,
                                       _("Add a person of the registry with the form beside this list, or import a "
                                         "sheet with “fuzhu blind-massage import FILE”."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
filter_changed_cb (FzpBlindMassagePractitionersView *self)
{
  if (self->model == NULL)
    return;
  self->reloading = TRUE;
  fzp_blind_massage_row_model_set_params (self->model, list_params (self));
  fzp_blind_massage_ui_select_id (self->selection, self->selected, 500);
  self->reloading = FALSE;
  update_empty (self);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
  adw_action_row_set_subtitle (row, escaped);
}

static void
emit_changed (FzpBlindMassagePractitionersView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The record of the practitioner selected */

static void
load_titles (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->title_names, 0);
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT name FROM blind_massage_title_level ORDER BY level", NULL, NULL);
  while (st && fz_statement_step (st, NULL))
    {
      gtk_string_list_append (names, fz_statement_get_text (st, 0));
      g_ptr_array_add (self->title_names, fz_statement_dup_text (st, 0));
    }
  adw_combo_row_set_model (self->title_level, G_LIST_MODEL (names));
}

static void
add_history (GPtrArray  *lines,
             char       *title,
             char       *subtitle)
{
  g_ptr_array_add (lines, title);
  g_ptr_array_add (lines, subtitle);
}

static void
show_details (FzpBlindMassagePractitionersView *self)
{
  FzDatabase *db = fz_context_get_database (self->context);
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *text = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  FzpBlindMassageReviewRule rule;
  gboolean found = FALSE;
  double hours = 0;
  GDate today;
  int year;

  p = self->selected ? fzp_blind_massage_get_practitioner (self->context, self->selected, NULL) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->details), p != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->none_selected), p == NULL);
  if (p == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  year = (int) g_date_get_year (&today);

  /* TRANSLATORS: a name, then medical or health massage */
  text = g_strdup_printf (_("%s, %s"), p->name, fzp_blind_massage_kind_to_string (p->kind));
  adw_preferences_group_set_title (self->summary, text);
  g_clear_pointer (&text, g_free);
  adw_preferences_group_set_description (self->summary, p->id_number);

  if (p->qualification_number)
    {
      g_autofree char *on = fzp_blind_massage_date_to_iso (&p->qualified_on);
      /* TRANSLATORS: a certificate number and its date */
      text = g_strdup_printf (_("%s, issued %s"), p->qualification_number, on);
      set_subtitle (self->info_qualification, text);
      g_clear_pointer (&text, g_free);
    }
  else
    set_subtitle (self->info_qualification, _("None yet: no review is owed until there is one"));

  st = fz_database_query (db,
                          "SELECT l.name, t.awarded_on FROM blind_massage_title t"
                          " JOIN blind_massage_title_level l ON l.level = t.level"
                          " WHERE t.practitioner_id = ?1 ORDER BY t.awarded_on, t.level",
                          g_variant_new ("(x)", p->id), NULL);
  set_subtitle (self->info_title, p->kind == FZP_BLIND_MASSAGE_KIND_MEDICAL ? _("None") : _("Titles are for medical massage"));
  while (st && fz_statement_step (st, NULL))
    {
      /* TRANSLATORS: a title and the date it was awarded */
      text = g_strdup_printf (_("%s since %s"), fz_statement_get_text (st, 0), fz_statement_get_text (st, 1));
      set_subtitle (self->info_title, text);
      g_clear_pointer (&text, g_free);
      add_history (lines, g_strdup_printf (_("Title: %s"), fz_statement_get_text (st, 0)),
                   g_strdup (fz_statement_get_text (st, 1)));
    }
  g_clear_pointer (&st, fz_statement_unref);

  set_subtitle (self->info_filing, _("None in force"));
  st = fz_database_query (db,
                          "SELECT workplace, valid_from, valid_to, ended_on, coalesce(filing_number, '')"
                          " FROM blind_massage_filing WHERE practitioner_id = ?1 ORDER BY valid_from, id",
                          g_variant_new ("(x)", p->id), NULL);
  while (st && fz_statement_step (st, NULL))
    {
      GDate from, to, ended, last;
      FzpBlindMassageFilingState state;
      g_autofree char *until = NULL;

      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 1), &from);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 2), &to);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 3), &ended);
      fzp_blind_massage_filing_last_day (&to, &ended, &last);
      state = fzp_blind_massage_filing_state (&from, &to, &ended, &today);
      until = g_date_valid (&last) ? fzp_blind_massage_date_to_iso (&last) : g_strdup (_("no end date"));
      if (state == FZP_BLIND_MASSAGE_FILING_ACTIVE)
        {
          if (g_date_valid (&last))
            /* TRANSLATORS: a workplace and the last day of its filing */
            text = g_strdup_printf (_("%s, until %s"), fz_statement_get_text (st, 0), until);
          else
            text = g_strdup_printf (_("%s, with no end date"), fz_statement_get_text (st, 0));
          set_subtitle (self->info_filing, text);
          g_clear_pointer (&text, g_free);
        }
      /* TRANSLATORS: from, to, state of a filing (In force, Expired...) */
      add_history (lines, g_strdup_printf (_("Filing: %s"), fz_statement_get_text (st, 0)),
                   g_strdup_printf (_("%s to %s, %s"), fz_statement_get_text (st, 1), until,
                                    fzp_blind_massage_filing_state_to_string (state)));
    }
  g_clear_pointer (&st, fz_statement_unref);

  st = fz_database_query (db,
                          "SELECT s.name, s.held_on, r.written, r.practical FROM blind_massage_exam_result r"
                          " JOIN blind_massage_exam_session s ON s.id = r.session_id"
                          " WHERE r.practitioner_id = ?1 ORDER BY s.held_on",
                          g_variant_new ("(x)", p->id), NULL);
  while (st && fz_statement_step (st, NULL))
    add_history (lines, g_strdup_printf (_("Exam: %s"), fz_statement_get_text (st, 0)),
                 /* TRANSLATORS: date, written result, practical result (pass, fail, absent) */
                 g_strdup_printf (_("%s, written %s, practical %s"), fz_statement_get_text (st, 1),
                                  fz_statement_get_text (st, 2), fz_statement_get_text (st, 3)));
  g_clear_pointer (&st, fz_statement_unref);

  fzp_blind_massage_get_credits (db, p->id, year, &hours, NULL);
  fzp_blind_massage_get_review_rule (db, p->kind, year, &rule, NULL, &found, NULL);
  {
    g_autofree char *have = fzp_blind_massage_format_hours (hours);
    g_autofree char *need = fzp_blind_massage_format_hours (rule.credit_hours);
    double short_by = fzp_blind_massage_credit_shortfall (rule.credit_hours, hours);

    if (!found || rule.credit_hours <= 0)
      /* TRANSLATORS: class hours, a year */
      text = g_strdup_printf (_("%s class hours in %d; none are required"), have, year);
    else if (short_by > 0)
      {
        g_autofree char *missing = fzp_blind_massage_format_hours (short_by);
        /* TRANSLATORS: hours done, hours required, year, hours short */
        text = g_strdup_printf (_("%s of %s class hours in %d: %s short"), have, need, year, missing);
      }
    else
      /* TRANSLATORS: hours done, hours required, year */
      text = g_strdup_printf (_("%s of %s class hours in %d: complete"), have, need, year);
    set_subtitle (self->info_credits, text);
    g_clear_pointer (&text, g_free);
  }

  query.practitioner_id = p->id;
  query.on = &today;
  query.flags = FZP_BLIND_MASSAGE_LIST_DUE | FZP_BLIND_MASSAGE_LIST_OVERDUE | FZP_BLIND_MASSAGE_LIST_DONE;
  reviews = fzp_blind_massage_list_reviews (self->context, &query, NULL);
  set_subtitle (self->info_review, _("No review is owed this year"));
  for (guint i = 0; reviews && i < reviews->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (reviews, i);
      g_autofree char *due = fzp_blind_massage_date_to_iso (&item->due);
      g_autofree char *done = fzp_blind_massage_date_to_iso (&item->done_on);

      if (item->state == FZP_BLIND_MASSAGE_REVIEW_DONE)
        /* TRANSLATORS: result (Passed, Failed) and date */
        text = g_strdup_printf (_("%s on %s"), fzp_blind_massage_result_to_string (item->result), done);
      else
        /* TRANSLATORS: state (Due, Overdue) and the due date */
        text = g_strdup_printf (_("%s, by %s"), fzp_blind_massage_review_state_to_string (item->state), due);
      if (item->year == year)
        set_subtitle (self->info_review, text);
      add_history (lines, g_strdup_printf (_("Review of %d"), item->year), g_steal_pointer (&text));
    }

  g_ptr_array_add (lines, NULL);
  fzp_blind_massage_ui_fill_list (self->history, (const char * const *) lines->pdata, _("Nothing recorded yet"));

  gtk_widget_set_visible (GTK_WIDGET (self->title_group), p->kind == FZP_BLIND_MASSAGE_KIND_MEDICAL);
  gtk_editable_set_text (GTK_EDITABLE (self->qualify_number), p->qualification_number ? p->qualification_number : "");
  {
    g_autofree char *on = fzp_blind_massage_date_to_iso (&p->qualified_on);
    gtk_editable_set_text (GTK_EDITABLE (self->qualify_date), on);
  }
}

static void
clear_forms (FzpBlindMassagePractitionersView *self)
{
  g_autofree char *today = fzp_blind_massage_ui_today ();
  GtkWidget *none[] = { NULL };

  fzp_blind_massage_ui_show_error (self->qualify_error, NULL, GTK_WIDGET (self->qualify_number), none);
  fzp_blind_massage_ui_show_error (self->filing_error, NULL, GTK_WIDGET (self->filing_workplace), none);
  fzp_blind_massage_ui_show_error (self->title_error, NULL, GTK_WIDGET (self->title_date), none);
  fzp_blind_massage_ui_show_error (self->leave_error, NULL, GTK_WIDGET (self->leave_date), none);
  gtk_editable_set_text (GTK_EDITABLE (self->filing_workplace), "");
  gtk_editable_set_text (GTK_EDITABLE (self->filing_number), "");
  gtk_editable_set_text (GTK_EDITABLE (self->filing_from), today);
  gtk_editable_set_text (GTK_EDITABLE (self->filing_to), "");
  gtk_switch_set_active (self->filing_change, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->title_date), today);
  gtk_editable_set_text (GTK_EDITABLE (self->leave_date), today);
  gtk_editable_set_text (GTK_EDITABLE (self->leave_reason), "");
}

static void
selection_changed_cb (FzpBlindMassagePractitionersView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->selection);
  gint64 id = row ? fzp_blind_massage_row_get_id (row) : 0;

  if (self->reloading)
    return;
  if (id != self->selected)
    {
      self->selected = id;
      clear_forms (self);
    }
  show_details (self);
}

/* Adding */

static FzpBlindMassageKind
add_kind (FzpBlindMassagePractitionersView *self)
{
  return adw_combo_row_get_selected (self->add_kind) == 1 ? FZP_BLIND_MASSAGE_KIND_HEALTH
                                                           : FZP_BLIND_MASSAGE_KIND_MEDICAL;
}

static GtkWidget **
add_fields (FzpBlindMassagePractitionersView *self,
            GtkWidget                       **fields)
{
  fields[0] = GTK_WIDGET (self->add_number);
  fields[1] = GTK_WIDGET (self->add_kind);
  fields[2] = GTK_WIDGET (self->add_qualification);
  fields[3] = GTK_WIDGET (self->add_qualified);
  fields[4] = NULL;
  return fields;
}

/* Says whose number it is as soon as it is whole, and warns when the
 * certificate is not a visual one: a warning, not a refusal. */
static void
add_number_changed_cb (FzpBlindMassagePractitionersView *self)
{
  g_autofree char *number = fz_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->add_number)));
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) person = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *fields[5];

  fzp_blind_massage_ui_show_error (self->add_error, NULL, NULL, add_fields (self, fields));
  gtk_widget_set_visible (GTK_WIDGET (self->add_person), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_person), "warning");
  if (strlen (number) != 18 && strlen (number) != 20)
    return;
  person = fzp_blind_massage_resolve_person (self->context, number, &warning, &error);
  if (person == NULL)
    {
      fzp_blind_massage_ui_show_error (self->add_error, error->message, GTK_WIDGET (self->add_number), fields);
      /* Typing goes on in the field. */
      gtk_widget_grab_focus (GTK_WIDGET (self->add_number));
      return;
    }
  if (warning)
    {
      gtk_label_set_text (self->add_person, warning);
      gtk_widget_add_css_class (GTK_WIDGET (self->add_person), "warning");
    }
  else
    {
      /* TRANSLATORS: a name and a county */
      g_autofree char *who = g_strdup_printf (_("%s, %s"), fz_person_get_name (person),
                                              fz_person_get_county_name (person) ? fz_person_get_county_name (person) : "");
      gtk_label_set_text (self->add_person, who);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->add_person), TRUE);
}

static void
add_clicked_cb (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  FzpBlindMassageNewPractitioner add = { 0 };
  GtkWidget *fields[5];
  GDate qualified;
  gint64 id;

  add_fields (self, fields);
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->add_qualified), TRUE, &qualified, &error))
    {
      fzp_blind_massage_ui_show_error (self->add_error, error->message, GTK_WIDGET (self->add_qualified), fields);
      return;
    }
  add.number = gtk_editable_get_text (GTK_EDITABLE (self->add_number));
  add.kind = add_kind (self);
  add.qualification_number = gtk_editable_get_text (GTK_EDITABLE (self->add_qualification));
  add.qualified_on = &qualified;
  id = fzp_blind_massage_add_practitioner (self->context, &add, &warning, &error);
  if (id == 0)
    {
      fzp_blind_massage_ui_show_error (self->add_error, error->message, GTK_WIDGET (self->add_number), fields);
      return;
    }
  {
    g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (self->context, id, NULL);
    g_autofree char *message = g_strdup_printf (_("Added %s, %s"), p ? p->name : "",
                                                fzp_blind_massage_kind_to_string (add.kind));
    fzp_blind_massage_ui_toast (GTK_WIDGET (self), message);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->add_number), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_qualification), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_qualified), "");
  fzp_blind_massage_ui_show_error (self->add_error, NULL, NULL, fields);
  emit_changed (self);
}

/* Changing the one selected */

static void
done (FzpBlindMassagePractitionersView *self,
      const char                       *message)
{
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), message);
  clear_forms (self);
  emit_changed (self);
}

static void
qualify_clicked_cb (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->qualify_number), GTK_WIDGET (self->qualify_date), NULL };
  GDate date;

  if (self->selected == 0)
    return;
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->qualify_date), FALSE, &date, &error)
      || !fzp_blind_massage_set_qualification (self->context, self->selected,
                                               gtk_editable_get_text (GTK_EDITABLE (self->qualify_number)), &date, &error))
    {
      fzp_blind_massage_ui_show_error (self->qualify_error, error->message, fields[0], fields);
      return;
    }
  done (self, _("Qualification saved"));
}

static void
filing_clicked_cb (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->filing_workplace), GTK_WIDGET (self->filing_number),
                          GTK_WIDGET (self->filing_from), GTK_WIDGET (self->filing_to), NULL };
  const char *workplace = gtk_editable_get_text (GTK_EDITABLE (self->filing_workplace));
  FzpBlindMassageNewFiling filing = { 0 };
  GDate from, to;

  if (self->selected == 0)
    return;
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->filing_from), FALSE, &from, &error)
      || !fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->filing_to), TRUE, &to, &error))
    {
      fzp_blind_massage_ui_show_error (self->filing_error, error->message, fields[2], fields);
      return;
    }
  /* At a clinic of this measure when the name is one: it then counts among
   * the clinic's practitioners. */
  filing.clinic_id = fzp_blind_massage_find_clinic (self->context, workplace, NULL);
  filing.workplace = workplace;
  filing.number = gtk_editable_get_text (GTK_EDITABLE (self->filing_number));
  filing.from = &from;
  filing.to = &to;
  if (fzp_blind_massage_add_filing (self->context, self->selected, &filing,
                                    gtk_switch_get_active (self->filing_change), &error) == 0)
    {
      fzp_blind_massage_ui_show_error (self->filing_error, error->message, fields[2], fields);
      return;
    }
  done (self, _("Practice filing saved"));
}

static void
end_filing_clicked_cb (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { NULL };

  if (self->selected == 0)
    return;
  if (!fzp_blind_massage_end_filing (self->context, self->selected, NULL, NULL, &error))
    {
      fzp_blind_massage_ui_show_error (self->filing_error, error->message, GTK_WIDGET (self->filing_workplace), fields);
      return;
    }
  done (self, _("The filing in force ends today"));
}

static void
title_clicked_cb (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->title_level), GTK_WIDGET (self->title_date), NULL };
  guint level = adw_combo_row_get_selected (self->title_level);
  GDate date;

  if (self->selected == 0 || level >= self->title_names->len)
    return;
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->title_date), FALSE, &date, &error)
      || !fzp_blind_massage_award_title (self->context, self->selected, g_ptr_array_index (self->title_names, level),
                                         &date, NULL, &error))
    {
      fzp_blind_massage_ui_show_error (self->title_error, error->message, fields[0], fields);
      return;
    }
  done (self, _("Title awarded"));
}

static void
leave_clicked_cb (FzpBlindMassagePractitionersView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->leave_date), GTK_WIDGET (self->leave_reason), NULL };
  GDate date;

  if (self->selected == 0)
    return;
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->leave_date), FALSE, &date, &error)
      || !fzp_blind_massage_set_left (self->context, self->selected, &date,
                                      gtk_editable_get_text (GTK_EDITABLE (self->leave_reason)), &error))
    {
      fzp_blind_massage_ui_show_error (self->leave_error, error->message, fields[0], fields);
      return;
    }
  done (self, _("Leaving recorded"));
}

void
fzp_blind_massage_practitioners_view_reload (FzpBlindMassagePractitionersView *self)
{
  g_return_if_fail (FZP_IS_BLIND_MASSAGE_PRACTITIONERS_VIEW (self));

  load_titles (self);
  /* The practitioner shown stays shown, and chosen in the list when near its top. */
  self->reloading = TRUE;
  fzp_blind_massage_row_model_reload (self->model);
  fzp_blind_massage_ui_select_id (self->selection, self->selected, 500);
  self->reloading = FALSE;
  update_empty (self);
  show_details (self);
}

static void
fzp_blind_massage_practitioners_view_dispose (GObject *object)
{
  FzpBlindMassagePractitionersView *self = FZP_BLIND_MASSAGE_PRACTITIONERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_PRACTITIONERS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->title_names, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_blind_massage_practitioners_view_parent_class)->dispose (object);
}

static void
fzp_blind_massage_practitioners_view_class_init (FzpBlindMassagePractitionersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_practitioners_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-practitioners-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpBlindMassagePractitionersView, name)
  CHILD (search); CHILD (kind_filter); CHILD (list_stack); CHILD (list); CHILD (empty);
  CHILD (add_number); CHILD (add_kind); CHILD (add_qualification); CHILD (add_qualified);
  CHILD (add_person); CHILD (add_error); CHILD (none_selected); CHILD (details); CHILD (summary);
  CHILD (info_qualification); CHILD (info_title); CHILD (info_filing); CHILD (info_credits);
  CHILD (info_review); CHILD (history); CHILD (qualify_number); CHILD (qualify_date); CHILD (qualify_error);
  CHILD (filing_workplace); CHILD (filing_number); CHILD (filing_from); CHILD (filing_to);
  CHILD (filing_change); CHILD (filing_error); CHILD (title_group); CHILD (title_level); CHILD (title_date);
  CHILD (title_error); CHILD (leave_date); CHILD (leave_reason); CHILD (leave_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, qualify_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filing_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_filing_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_clicked_cb);
}

static void
fzp_blind_massage_practitioners_view_init (FzpBlindMassagePractitionersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->title_names = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
fzp_blind_massage_practitioners_view_new (FzContext *context)
{
  FzpBlindMassagePractitionersView *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_PRACTITIONERS_VIEW, NULL);

  self->context = g_object_ref (context);
  self->model = fzp_blind_massage_row_model_new (fz_context_get_database (context), list_sql, list_params (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  fzp_blind_massage_ui_add_column (self->list, _("Name"), COL_NAME, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Identity number"), COL_ID_NUMBER, 19, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Kind"), COL_KIND, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("County"), COL_COUNTY, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Title"), COL_TITLE, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Workplace"), COL_WORKPLACE, 14, TRUE);
  fzp_blind_massage_ui_add_column (self->list, _("Class hours"), COL_HOURS, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Status"), COL_STATUS, 4, FALSE);
  clear_forms (self);
  fzp_blind_massage_practitioners_view_reload (self);
  return GTK_WIDGET (self);
}
