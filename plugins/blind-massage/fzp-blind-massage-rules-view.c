/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-row-model.h"
#include "fzp-blind-massage-rules-view.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

struct _FzpBlindMassageRulesView
{
  AdwBin                   parent_instance;
  FzContext               *context;
  FzpBlindMassageRowModel *rules_model;
  GtkSingleSelection      *rules_selection;
  FzpBlindMassageRowModel *titles_model;
  GtkSingleSelection      *titles_selection;

  GtkColumnView           *rules;
  GtkColumnView           *titles;
  AdwComboRow             *rule_kind;
  GtkEntry                *rule_from;
  GtkEntry                *rule_cycle;
  GtkEntry                *rule_due;
  GtkSwitch               *rule_next_year;
  GtkEntry                *rule_hours;
  GtkSwitch               *rule_filing;
  GtkEntry                *rule_requirements;
  GtkLabel                *rule_error;
  GtkEntry                *title_level;
  GtkEntry                *title_name;
  GtkSwitch               *title_review;
  GtkLabel                *title_error;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassageRulesView, fzp_blind_massage_rules_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { R_KIND, R_FROM, R_CYCLE, R_DUE, R_HOURS, R_FILING, R_REQUIREMENTS, R_KIND_NICK, R_MONTH_DAY, R_OFFSET };

static const char *rules_sql =
  "SELECT rowid, CASE kind WHEN 'medical' THEN ?1 ELSE ?2 END, effective_from,"
  " CASE cycle_years WHEN 0 THEN ?3 ELSE cycle_years END,"
  " printf('%02d-%02d', due_month, due_day) || CASE due_year_offset WHEN 1 THEN ?4 ELSE '' END,"
  " printf('%g', credit_hours), CASE require_filing WHEN 1 THEN ?5 ELSE ?6 END, coalesce(requirements, ''),"
  " kind, printf('%02d-%02d', due_month, due_day), due_year_offset"
  " FROM blind_massage_review_rule ORDER BY kind DESC, effective_from";

static const char *titles_sql =
  "SELECT level, level, name, CASE needs_passed_review WHEN 1 THEN ?1 ELSE ?2 END, needs_passed_review"
  " FROM blind_massage_title_level ORDER BY level";

static void
rule_selected_cb (FzpBlindMassageRulesView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->rules_selection);
  GtkWidget *none[] = { NULL };

  fzp_blind_massage_ui_show_error (self->rule_error, NULL, NULL, none);
  if (row == NULL)
    return;
  /* The form starts from the rule chosen: change what differs, from a date. */
  adw_combo_row_set_selected (self->rule_kind,
                              g_str_equal (fzp_blind_massage_row_get_field (row, R_KIND_NICK), "health") ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->rule_from), fzp_blind_massage_row_get_field (row, R_FROM));
  gtk_editable_set_text (GTK_EDITABLE (self->rule_cycle),
                         g_ascii_isdigit (*fzp_blind_massage_row_get_field (row, R_CYCLE))
                         ? fzp_blind_massage_row_get_field (row, R_CYCLE) : "0");
  gtk_editable_set_text (GTK_EDITABLE (self->rule_due), fzp_blind_massage_row_get_field (row, R_MONTH_DAY));
  gtk_switch_set_active (self->rule_next_year, g_str_equal (fzp_blind_massage_row_get_field (row, R_OFFSET), "1"));
  gtk_editable_set_text (GTK_EDITABLE (self->rule_hours), fzp_blind_massage_row_get_field (row, R_HOURS));
  gtk_switch_set_active (self->rule_filing, g_str_equal (fzp_blind_massage_row_get_field (row, R_FILING), _("Yes")));
  gtk_editable_set_text (GTK_EDITABLE (self->rule_requirements), fzp_blind_massage_row_get_field (row, R_REQUIREMENTS));
}

static void
title_selected_cb (FzpBlindMassageRulesView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->titles_selection);

  if (row == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->title_level), fzp_blind_massage_row_get_field (row, 0));
  gtk_editable_set_text (GTK_EDITABLE (self->title_name), fzp_blind_massage_row_get_field (row, 1));
  gtk_switch_set_active (self->title_review, g_str_equal (fzp_blind_massage_row_get_field (row, 3), "1"));
}

static FzpBlindMassageKind
rule_kind (FzpBlindMassageRulesView *self)
{
  return adw_combo_row_get_selected (self->rule_kind) == 1 ? FZP_BLIND_MASSAGE_KIND_HEALTH
                                                            : FZP_BLIND_MASSAGE_KIND_MEDICAL;
}

static gboolean
read_rule (FzpBlindMassageRulesView   *self,
           FzpBlindMassageReviewRule  *rule,
           GError                    **error)
{
  g_autofree char *cycle = fz_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->rule_cycle)));
  g_autofree char *hours = fz_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->rule_hours)));
  g_autofree char *cycle_field = fzp_blind_massage_ui_field_name (GTK_WIDGET (self->rule_cycle));
  g_autofree char *hours_field = fzp_blind_massage_ui_field_name (GTK_WIDGET (self->rule_hours));
  guint64 years = 0;

  memset (rule, 0, sizeof *rule);
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->rule_from), FALSE, &rule->effective_from, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (cycle, 10, 0, 1000, &years, NULL))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: “%s” is not a number of years"), cycle_field, cycle);
      return FALSE;
    }
  rule->cycle_years = (guint) years;
  if (!fzp_blind_massage_parse_month_day (gtk_editable_get_text (GTK_EDITABLE (self->rule_due)),
                                          &rule->due_month, &rule->due_day, error))
    return FALSE;
  rule->due_year_offset = gtk_switch_get_active (self->rule_next_year) ? 1 : 0;
  if (g_str_equal (hours, "0"))
    rule->credit_hours = 0;
  else if (!fzp_blind_massage_parse_hours (hours, hours_field, &rule->credit_hours, error))
    return FALSE;
  rule->require_filing = gtk_switch_get_active (self->rule_filing);
  return TRUE;
}

static GtkWidget **
rule_fields (FzpBlindMassageRulesView *self,
             GtkWidget               **fields)
{
  fields[0] = GTK_WIDGET (self->rule_from);
  fields[1] = GTK_WIDGET (self->rule_cycle);
  fields[2] = GTK_WIDGET (self->rule_due);
  fields[3] = GTK_WIDGET (self->rule_hours);
  fields[4] = GTK_WIDGET (self->rule_requirements);
  fields[5] = NULL;
  return fields;
}

static void
rule_clicked_cb (FzpBlindMassageRulesView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[6];
  FzpBlindMassageReviewRule rule;

  rule_fields (self, fields);
  if (!read_rule (self, &rule, &error)
      || !fzp_blind_massage_set_review_rule (self->context, rule_kind (self), &rule,
                                             gtk_editable_get_text (GTK_EDITABLE (self->rule_requirements)), &error))
    {
      fzp_blind_massage_ui_show_error (self->rule_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->rule_error, NULL, NULL, fields);
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), _("Review rule saved"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_rule_clicked_cb (FzpBlindMassageRulesView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[6];
  GDate from;

  rule_fields (self, fields);
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->rule_from), FALSE, &from, &error)
      || !fzp_blind_massage_delete_review_rule (self->context, rule_kind (self), &from, &error))
    {
      fzp_blind_massage_ui_show_error (self->rule_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->rule_error, NULL, NULL, fields);
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), _("Review rule deleted"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
title_clicked_cb (FzpBlindMassageRulesView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->title_level), GTK_WIDGET (self->title_name), NULL };
  g_autofree char *level_text = fz_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->title_level)));
  guint64 level = 0;

  if (!g_ascii_string_to_unsigned (level_text, 10, 0, 1000, &level, NULL))
    level = 0;
  if (!fzp_blind_massage_set_title_level (self->context, (guint) level,
                                          gtk_editable_get_text (GTK_EDITABLE (self->title_name)),
                                          gtk_switch_get_active (self->title_review), &error))
    {
      fzp_blind_massage_ui_show_error (self->title_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->title_error, NULL, NULL, fields);
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), _("Title saved"));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
fzp_blind_massage_rules_view_reload (FzpBlindMassageRulesView *self)
{
  g_return_if_fail (FZP_IS_BLIND_MASSAGE_RULES_VIEW (self));

  fzp_blind_massage_row_model_reload (self->rules_model);
  fzp_blind_massage_row_model_reload (self->titles_model);
}

static void
fzp_blind_massage_rules_view_dispose (GObject *object)
{
  FzpBlindMassageRulesView *self = FZP_BLIND_MASSAGE_RULES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_RULES_VIEW);
  g_clear_object (&self->rules_selection);
  g_clear_object (&self->rules_model);
  g_clear_object (&self->titles_selection);
  g_clear_object (&self->titles_model);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_blind_massage_rules_view_parent_class)->dispose (object);
}

static void
fzp_blind_massage_rules_view_class_init (FzpBlindMassageRulesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_rules_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-rules-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpBlindMassageRulesView, name)
  CHILD (rules); CHILD (titles); CHILD (rule_kind); CHILD (rule_from); CHILD (rule_cycle); CHILD (rule_due);
  CHILD (rule_next_year); CHILD (rule_hours); CHILD (rule_filing); CHILD (rule_requirements); CHILD (rule_error);
  CHILD (title_level); CHILD (title_name); CHILD (title_review); CHILD (title_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, rule_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_rule_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_clicked_cb);
}

static void
fzp_blind_massage_rules_view_init (FzpBlindMassageRulesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_blind_massage_rules_view_new (FzContext *context)
{
  FzpBlindMassageRulesView *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_RULES_VIEW, NULL);
  FzDatabase *db = fz_context_get_database (context);

  self->context = g_object_ref (context);
  self->rules_model = fzp_blind_massage_row_model_new (db, rules_sql,
                                                       g_variant_new ("(ssssss)", C_("trade", "Medical"),
                                                                      C_("trade", "Health"), _("no review"),
                                                                      _(", the year after"), _("Yes"), _("No")));
  self->rules_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rules_model)));
  gtk_single_selection_set_autoselect (self->rules_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->rules_selection, TRUE);
  g_signal_connect_object (self->rules_selection, "notify::selected-item", G_CALLBACK (rule_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->rules, GTK_SELECTION_MODEL (self->rules_selection));
  fzp_blind_massage_ui_add_column (self->rules, _("Kind"), R_KIND, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->rules, _("From"), R_FROM, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->rules, _("Cycle in years"), R_CYCLE, 4, FALSE);
  fzp_blind_massage_ui_add_column (self->rules, _("Due date"), R_DUE, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->rules, _("Class hours"), R_HOURS, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->rules, _("Filing required"), R_FILING, 4, FALSE);
  fzp_blind_massage_ui_add_column (self->rules, _("Requirements"), R_REQUIREMENTS, 20, TRUE);

  self->titles_model = fzp_blind_massage_row_model_new (db, titles_sql, g_variant_new ("(ss)", _("Yes"), _("No")));
  self->titles_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->titles_model)));
  gtk_single_selection_set_autoselect (self->titles_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->titles_selection, TRUE);
  g_signal_connect_object (self->titles_selection, "notify::selected-item", G_CALLBACK (title_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->titles, GTK_SELECTION_MODEL (self->titles_selection));
  fzp_blind_massage_ui_add_column (self->titles, _("Level"), 0, 4, FALSE);
  fzp_blind_massage_ui_add_column (self->titles, _("Title"), 1, 10, TRUE);
  fzp_blind_massage_ui_add_column (self->titles, _("Needs a passed review"), 2, 4, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->rule_due), "12-31");
  gtk_editable_set_text (GTK_EDITABLE (self->rule_cycle), "1");
  gtk_editable_set_text (GTK_EDITABLE (self->title_level), "");
  gtk_switch_set_active (self->title_review, TRUE);
  fzp_blind_massage_rules_view_reload (self);
  return GTK_WIDGET (self);
}
