/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "fzp-skills-competitions-craftsmen-view.h"
#include "fzp-skills-competitions-data.h"
#include "fzp-skills-competitions-documents.h"

struct _FzpSkillsCompetitionsCraftsmenView
{
  AdwBin               parent_instance;
  FzContext           *context;
  GPtrArray           *nominations;   /* FzpSkillsCompetitionsNomination, by row */
  GPtrArray           *results;       /* FzpSkillsCompetitionsResult, after the first choice */
  GtkStringList       *rows;          /* one item per nomination: its index */
  GtkSingleSelection  *selection;
  GtkWidget           *invalid;

  AdwComboRow         *result_row;
  GtkEntry            *number_entry;
  AdwComboRow         *kind_row;
  GtkEntry            *year_entry;
  GtkEntry            *trade_entry;
  GtkEntry            *by_entry;
  GtkEntry            *grounds_entry;
  GtkLabel            *error_label;
  GtkLabel            *status_label;
  GtkStack            *stack;
  GtkColumnView       *view;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsCraftsmenView, fzp_skills_competitions_craftsmen_view, ADW_TYPE_BIN)

enum {
  COL_YEAR,
  COL_KIND,
  COL_NAME,
  COL_COUNTY,
  COL_TRADE,
  COL_BY,
  COL_RESULT,
  COL_DECISION,
  N_COLS
};

static void
show_problem (FzpSkillsCompetitionsCraftsmenView *self,
              const char                         *message)
{
  struct { const char *field; GtkWidget *row; } fields[] = {
    { _("Identity number"), GTK_WIDGET (self->number_entry) },
    { _("Certificate"), GTK_WIDGET (self->number_entry) },
    { _("Person"), GTK_WIDGET (self->number_entry) },
    { _("Year"), GTK_WIDGET (self->year_entry) },
    { _("Trade"), GTK_WIDGET (self->trade_entry) },
    { _("Nominated by"), GTK_WIDGET (self->by_entry) },
    { _("Grounds"), GTK_WIDGET (self->grounds_entry) },
    { _("Result"), GTK_WIDGET (self->result_row) },
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
    self->invalid = GTK_WIDGET (self->number_entry);
  gtk_widget_add_css_class (self->invalid, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (self->invalid);
}

static void
show_status (FzpSkillsCompetitionsCraftsmenView *self,
             const char                         *message)
{
  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static void
field_changed_cb (FzpSkillsCompetitionsCraftsmenView *self)
{
  if (self->invalid)
    show_problem (self, NULL);
}

static FzpSkillsCompetitionsNomination *
nomination_of (FzpSkillsCompetitionsCraftsmenView *self,
               GtkListItem                        *item)
{
  GtkStringObject *object = gtk_list_item_get_item (item);
  guint index = (guint) atoi (gtk_string_object_get_string (object));

  return index < self->nominations->len ? g_ptr_array_index (self->nominations, index) : NULL;
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (item, gtk_inscription_new (NULL));
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  FzpSkillsCompetitionsCraftsmenView *self = user_data;
  FzpSkillsCompetitionsNomination *m = nomination_of (self, item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fzp-column"));
  g_autofree char *text = NULL;

  if (m == NULL)
    return;
  switch (column)
    {
    case COL_YEAR:
      text = g_strdup_printf ("%d", m->year);
      break;
    case COL_KIND:
      text = g_strdup (fzp_skills_competitions_nomination_to_label (m->kind));
      break;
    case COL_NAME:
      text = g_strdup (m->name);
      break;
    case COL_COUNTY:
      text = g_strdup (m->county_name);
      break;
    case COL_TRADE:
      text = g_strdup (m->trade);
      break;
    case COL_BY:
      text = g_strdup (m->nominated_by);
      break;
    case COL_RESULT:
      text = g_strdup (m->result ? m->result : m->basis);
      break;
    case COL_DECISION:
      text = m->decided ? g_strdup_printf ("%s (%s)", fzp_skills_competitions_decision_to_label (m->decision), m->decided)
                        : g_strdup (fzp_skills_competitions_decision_to_label (m->decision));
      break;
    default:
      break;
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
add_column (FzpSkillsCompetitionsCraftsmenView *self,
            const char                         *title,
            guint                               column,
            gboolean                            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "fzp-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->view, col);
  g_object_unref (col);
}

void
fzp_skills_competitions_craftsmen_view_reload (FzpSkillsCompetitionsCraftsmenView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nominations = NULL;
  g_autoptr(GtkStringList) results = gtk_string_list_new (NULL);
  guint n_rows;

  if (self->context == NULL)
    return;
  nominations = fzp_skills_competitions_list_nominations (self->context, 0, &error);
  if (nominations == NULL)
    {
      show_status (self, error->message);
      return;
    }
  g_clear_pointer (&self->nominations, g_ptr_array_unref);
  self->nominations = g_steal_pointer (&nominations);
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) items = NULL;

    for (guint i = 0; i < self->nominations->len; i++)
      {
        char index[16];
        g_snprintf (index, sizeof index, "%u", i);
        g_strv_builder_add (builder, index);
      }
    items = g_strv_builder_end (builder);
    gtk_string_list_splice (self->rows, 0, n_rows, (const char * const *) items);
  }
  gtk_stack_set_visible_child_name (self->stack, self->nominations->len ? "list" : "empty");

  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = fzp_skills_competitions_list_results (self->context, &error);
  if (self->results == NULL)
    {
      show_status (self, error->message);
      self->results = g_ptr_array_new ();
    }
  gtk_string_list_append (results, _("Not from a competition"));
  for (guint i = 0; i < self->results->len; i++)
    gtk_string_list_append (results, ((FzpSkillsCompetitionsResult *) g_ptr_array_index (self->results, i))->label);
  adw_combo_row_set_model (self->result_row, G_LIST_MODEL (results));
}

static void
result_changed_cb (FzpSkillsCompetitionsCraftsmenView *self)
{
  guint i = adw_combo_row_get_selected (self->result_row);
  FzpSkillsCompetitionsResult *r;

  if (self->results == NULL || i == 0 || i > self->results->len)
    return;
  r = g_ptr_array_index (self->results, i - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), r->id_number);
  gtk_editable_set_text (GTK_EDITABLE (self->trade_entry), r->event);
}

static void
add_clicked_cb (FzpSkillsCompetitionsCraftsmenView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) person = NULL;
  FzpSkillsCompetitionsNomination m = { 0 };
  guint result = adw_combo_row_get_selected (self->result_row);
  const char *year = gtk_editable_get_text (GTK_EDITABLE (self->year_entry));
  guint64 year_value = 0;

  if (!g_ascii_string_to_unsigned (year, 10, 2000, 2100, &year_value, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("Year: %s is not a year from 2000 to 2100"), year);
      show_problem (self, message);
      return;
    }
  person = fzp_skills_competitions_find_person (self->context, gtk_editable_get_text (GTK_EDITABLE (self->number_entry)),
                                                &error);
  if (person == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  m.year = (int) year_value;
  m.kind = (FzpSkillsCompetitionsNominationKind) adw_combo_row_get_selected (self->kind_row);
  m.person_id = fz_person_get_id (person);
  if (result > 0 && result <= self->results->len)
    m.entrant_id = ((FzpSkillsCompetitionsResult *) g_ptr_array_index (self->results, result - 1))->entrant_id;
  m.trade = (char *) gtk_editable_get_text (GTK_EDITABLE (self->trade_entry));
  m.nominated_by = (char *) gtk_editable_get_text (GTK_EDITABLE (self->by_entry));
  m.basis = (char *) gtk_editable_get_text (GTK_EDITABLE (self->grounds_entry));
  if (!fzp_skills_competitions_nominate (self->context, &m, &error))
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  show_status (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->grounds_entry), "");
  adw_combo_row_set_selected (self->result_row, 0);
  fzp_skills_competitions_craftsmen_view_reload (self);
}

static void
decide_response_cb (AdwMessageDialog                   *dialog,
                    const char                         *response,
                    FzpSkillsCompetitionsCraftsmenView *self)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "fzp-note");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "fzp-id");
  g_autoptr(GError) error = NULL;
  FzpSkillsCompetitionsDecision decision;

  if (!fzp_skills_competitions_decision_parse (response, &decision))
    return;
  if (!fzp_skills_competitions_decide (self->context, id, decision, NULL, gtk_editable_get_text (note), &error))
    show_status (self, error->message);
  else
    {
      show_status (self, NULL);
      fzp_skills_competitions_craftsmen_view_reload (self);
    }
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FzpSkillsCompetitionsCraftsmenView *self = FZP_SKILLS_COMPETITIONS_CRAFTSMEN_VIEW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  const char *decision = g_variant_get_string (parameter, NULL);
  FzpSkillsCompetitionsNomination *m;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *note;

  if (position == GTK_INVALID_LIST_POSITION || position >= self->nominations->len)
    {
      show_status (self, _("Choose a nomination in the list first"));
      return;
    }
  m = g_ptr_array_index (self->nominations, position);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   g_str_equal (decision, "selected") ? _("Selected?") : _("Not Selected?"), NULL);
  /* TRANSLATORS: 王伟 as 残疾人工匠 (2025) */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s as %s (%d). A decision is final."), m->name,
                                  fzp_skills_competitions_nomination_to_label (m->kind), m->year);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Note, e.g. the meeting that decided"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  note = gtk_entry_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), note);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), decision,
                                   g_str_equal (decision, "selected") ? _("_Selected") : _("_Not Selected"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), decision, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "fzp-note", note);
  g_object_set_data_full (G_OBJECT (dialog), "fzp-id", g_memdup2 (&m->id, sizeof m->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decide_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FzpSkillsCompetitionsCraftsmenView *self = FZP_SKILLS_COMPETITIONS_CRAFTSMEN_VIEW (widget);
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  FzpSkillsCompetitionsNominationKind kind = adw_combo_row_get_selected (self->kind_row);

  g_hash_table_insert (params, (gpointer) "year", (gpointer) gtk_editable_get_text (GTK_EDITABLE (self->year_entry)));
  g_hash_table_insert (params, (gpointer) "kind", (gpointer) fzp_skills_competitions_nomination_to_nick (kind));
  doc = fzp_skills_competitions_build_document (self->context,
                                                &fzp_skills_competitions_documents[FZP_SKILLS_COMPETITIONS_DOCUMENT_CRAFTSMEN],
                                                params, &error);
  if (doc == NULL || !fz_document_print (doc, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    show_status (self, error->message);
  else
    show_status (self, NULL);
}

static void
fzp_skills_competitions_craftsmen_view_dispose (GObject *object)
{
  FzpSkillsCompetitionsCraftsmenView *self = FZP_SKILLS_COMPETITIONS_CRAFTSMEN_VIEW (object);

  if (self->view)
    gtk_column_view_set_model (self->view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_SKILLS_COMPETITIONS_CRAFTSMEN_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->context);
  g_clear_pointer (&self->nominations, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_skills_competitions_craftsmen_view_parent_class)->dispose (object);
}

static void
fzp_skills_competitions_craftsmen_view_class_init (FzpSkillsCompetitionsCraftsmenViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_skills_competitions_craftsmen_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/skills-competitions/fzp-skills-competitions-craftsmen-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, result_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, number_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, year_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, trade_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, by_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, grounds_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, status_label);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsCraftsmenView, view);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_changed_cb);
  gtk_widget_class_install_action (widget_class, "craftsmen.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "craftsmen.print", NULL, print_action);
}

static void
fzp_skills_competitions_craftsmen_view_init (FzpSkillsCompetitionsCraftsmenView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, _("Year"), COL_YEAR, FALSE);
  add_column (self, _("Nominated as"), COL_KIND, FALSE);
  add_column (self, _("Name"), COL_NAME, FALSE);
  add_column (self, _("County"), COL_COUNTY, FALSE);
  add_column (self, _("Trade"), COL_TRADE, FALSE);
  add_column (self, _("Nominated by"), COL_BY, FALSE);
  add_column (self, _("Result or grounds"), COL_RESULT, TRUE);
  add_column (self, _("Decision"), COL_DECISION, FALSE);
  for (guint i = 0; i < FZP_SKILLS_COMPETITIONS_N_NOMINATIONS; i++)
    gtk_string_list_append (kinds, fzp_skills_competitions_nomination_to_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_editable_set_text (GTK_EDITABLE (self->year_entry), year);
  self->nominations = g_ptr_array_new ();
}

void
fzp_skills_competitions_craftsmen_view_set_context (FzpSkillsCompetitionsCraftsmenView *self,
                                                    FzContext                          *context)
{
  g_set_object (&self->context, context);
  fzp_skills_competitions_craftsmen_view_reload (self);
}
