/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-documents.h"
#include "fzp-rural-bases-standards-view.h"
#include "fzp-rural-bases-store.h"
#include "fzp-rural-bases-ui.h"

/* The rules the measure keeps as data, for an administrator: recognition
 * standards and homestay rules, each from a date, and the certificates'
 * issuers. */
struct _FzpRuralBasesStandardsView
{
  AdwBin          parent_instance;
  FzContext      *context;
  GListStore     *criteria;
  GListStore     *rules;
  GtkCheckButton *kinds[FZP_RURAL_BASES_HELP_LAST + 1];

  GtkColumnView  *criteria_view;
  GtkLabel       *criteria_empty;
  AdwComboRow    *level_row;
  GtkEntry       *from_entry;
  GtkEntry       *employed_entry;
  GtkEntry       *helped_entry;
  GtkSwitch      *either_switch;
  GtkEntry       *ratio_entry;
  GtkEntry       *training_entry;
  GtkEntry       *months_entry;
  AdwComboRow    *requires_row;
  GtkLabel       *criterion_error;

  GtkColumnView  *rules_view;
  GtkLabel       *rules_empty;
  GtkEntry       *rule_from_entry;
  GtkEntry       *rule_employed_entry;
  GtkEntry       *rule_cooperating_entry;
  AdwExpanderRow *kinds_row;
  GtkSwitch      *local_switch;
  GtkLabel       *rule_error;

  GtkEntry       *issuer_county_entry;
  GtkEntry       *issuer_city_entry;
  GtkEntry       *issuer_province_entry;
  GtkEntry       *issuer_high_entry;
  GtkLabel       *issuer_error;
  GtkButton      *criterion_button;
  GtkButton      *rule_button;
  GtkButton      *issuer_button;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesStandardsView, fzp_rural_bases_standards_view, ADW_TYPE_BIN)

static GtkEntry *
issuer_row (FzpRuralBasesStandardsView *self,
            FzpRuralBasesLevel          level)
{
  switch (level)
    {
    case FZP_RURAL_BASES_LEVEL_COUNTY:        return self->issuer_county_entry;
    case FZP_RURAL_BASES_LEVEL_CITY:          return self->issuer_city_entry;
    case FZP_RURAL_BASES_LEVEL_PROVINCE:      return self->issuer_province_entry;
    case FZP_RURAL_BASES_LEVEL_HIGH_STANDARD: return self->issuer_high_entry;
    case FZP_RURAL_BASES_LEVEL_NONE:
    default:                                  return NULL;
    }
}

void
fzp_rural_bases_standards_view_reload (FzpRuralBasesStandardsView *self)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  g_return_if_fail (FZP_IS_RURAL_BASES_STANDARDS_VIEW (self));

  g_list_store_remove_all (self->criteria);
  criteria = fzp_rural_bases_list_criteria (self->context, NULL);
  for (guint i = 0; criteria && i < criteria->len; i++)
    {
      FzpRuralBasesCriterion *c = g_ptr_array_index (criteria, i);
      g_autofree char *from = fzp_rural_bases_ui_date_text (&c->effective_from);
      g_autofree char *employed = g_strdup_printf ("%u", c->min_employed);
      g_autofree char *helped = g_strdup_printf ("%u", c->min_helped);
      g_autofree char *ratio = g_strdup_printf ("%.2f", c->min_income_ratio);
      g_autofree char *training = g_strdup_printf ("%u", c->min_training_sessions);
      g_autofree char *months = g_strdup_printf ("%u", c->min_operating_months);

      fzp_rural_bases_ui_append (self->criteria, 0, fzp_rural_bases_level_to_string (c->level), from, employed,
                                 c->either ? _("or") : _("and"), helped, ratio, training, months,
                                 c->required_level ? fzp_rural_bases_level_to_string (c->required_level) : "", NULL);
    }
  fzp_rural_bases_ui_set_empty (self->criteria_view, GTK_WIDGET (self->criteria_empty));

  g_list_store_remove_all (self->rules);
  rules = fzp_rural_bases_list_homestay_rules (self->context, NULL);
  for (guint i = 0; rules && i < rules->len; i++)
    {
      FzpRuralBasesHomestayRule *r = g_ptr_array_index (rules, i);
      g_autofree char *from = fzp_rural_bases_ui_date_text (&r->effective_from);
      g_autofree char *employed = g_strdup_printf ("%u", r->min_employed);
      g_autofree char *cooperating = g_strdup_printf ("%u", r->min_cooperating);
      GString *kinds = g_string_new (NULL);

      for (guint h = 1; h <= FZP_RURAL_BASES_HELP_LAST; h++)
        if (r->cooperation_kinds & (1u << h))
          {
            if (kinds->len)
              g_string_append (kinds, _(", "));
            g_string_append (kinds, fzp_rural_bases_help_to_string (h));
          }
      fzp_rural_bases_ui_append (self->rules, 0, from, employed, cooperating, kinds->str,
                                 r->local_only ? _("Local persons only") : _("Any county"), NULL);
      g_string_free (kinds, TRUE);
    }
  fzp_rural_bases_ui_set_empty (self->rules_view, GTK_WIDGET (self->rules_empty));

  for (FzpRuralBasesLevel level = FZP_RURAL_BASES_LEVEL_COUNTY; level <= FZP_RURAL_BASES_LEVEL_LAST; level++)
    {
      g_autofree char *issuer = fzp_rural_bases_dup_issuer (self->context, level, "{county}");
      gtk_editable_set_text (GTK_EDITABLE (issuer_row (self, level)), issuer);
    }
}

static void
set_number (GtkEntry    *row,
            guint        value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The form starts from the standard of the chosen level in force today. */
static void
level_changed_cb (FzpRuralBasesStandardsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  FzpRuralBasesCriterion c;
  gboolean found = FALSE;
  GDate today;

  if (self->context == NULL)
    return;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  if (!fzp_rural_bases_get_criterion (self->context, adw_combo_row_get_selected (self->level_row) + 1, &today, &c,
                                      &found, NULL) || !found)
    return;
  set_number (self->employed_entry, c.min_employed);
  set_number (self->helped_entry, c.min_helped);
  gtk_switch_set_active (self->either_switch, c.either);
  {
    g_autofree char *ratio = fzp_rural_bases_format_money (c.min_income_ratio);
    gtk_editable_set_text (GTK_EDITABLE (self->ratio_entry), ratio);
  }
  set_number (self->training_entry, c.min_training_sessions);
  set_number (self->months_entry, c.min_operating_months);
  adw_combo_row_set_selected (self->requires_row, c.required_level);
}

static void
fill_rule (FzpRuralBasesStandardsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  FzpRuralBasesHomestayRule rule;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  if (!fzp_rural_bases_get_homestay_rule (self->context, &today, &rule, NULL))
    return;
  set_number (self->rule_employed_entry, rule.min_employed);
  set_number (self->rule_cooperating_entry, rule.min_cooperating);
  for (guint h = 1; h <= FZP_RURAL_BASES_HELP_LAST; h++)
    gtk_check_button_set_active (self->kinds[h], (rule.cooperation_kinds & (1u << h)) != 0);
  gtk_switch_set_active (self->local_switch, rule.local_only);
}

static gboolean
read_count (GtkEntry     *row,
            guint        *value,
            GError      **error)
{
  return fzp_rural_bases_parse_count (fzp_rural_bases_ui_text (row), fzp_rural_bases_ui_title (row), 100000,
                                      value, error);
}

static void
save_criterion_cb (FzpRuralBasesStandardsView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->level_row), GTK_WIDGET (self->from_entry), GTK_WIDGET (self->employed_entry),
                          GTK_WIDGET (self->helped_entry), GTK_WIDGET (self->ratio_entry), GTK_WIDGET (self->training_entry),
                          GTK_WIDGET (self->months_entry), GTK_WIDGET (self->requires_row), NULL };
  g_autoptr(GError) error = NULL;
  FzpRuralBasesCriterion c = { 0 };

  c.level = adw_combo_row_get_selected (self->level_row) + 1;
  c.either = gtk_switch_get_active (self->either_switch);
  c.required_level = adw_combo_row_get_selected (self->requires_row);
  if (!fzp_rural_bases_ui_read_date (self->from_entry, TRUE, &c.effective_from, &error) ||
      !read_count (self->employed_entry, &c.min_employed, &error) ||
      !read_count (self->helped_entry, &c.min_helped, &error) ||
      !fzp_rural_bases_parse_money (fzp_rural_bases_ui_text (self->ratio_entry), fzp_rural_bases_ui_title (self->ratio_entry),
                                    &c.min_income_ratio, &error) ||
      !read_count (self->training_entry, &c.min_training_sessions, &error) ||
      !read_count (self->months_entry, &c.min_operating_months, &error) ||
      !fzp_rural_bases_set_criterion (self->context, &c, &error))
    {
      fzp_rural_bases_ui_show_error (self->criterion_error, fields, error->message);
      return;
    }
  fzp_rural_bases_ui_show_error (self->criterion_error, fields, NULL);
  fzp_rural_bases_standards_view_reload (self);
}

static void
save_rule_cb (FzpRuralBasesStandardsView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->rule_from_entry), GTK_WIDGET (self->rule_employed_entry),
                          GTK_WIDGET (self->rule_cooperating_entry), GTK_WIDGET (self->kinds_row), NULL };
  g_autoptr(GError) error = NULL;
  FzpRuralBasesHomestayRule rule = { 0 };

  rule.local_only = gtk_switch_get_active (self->local_switch);
  for (guint h = 1; h <= FZP_RURAL_BASES_HELP_LAST; h++)
    if (gtk_check_button_get_active (self->kinds[h]))
      rule.cooperation_kinds |= 1u << h;
  if (!fzp_rural_bases_ui_read_date (self->rule_from_entry, TRUE, &rule.effective_from, &error) ||
      !read_count (self->rule_employed_entry, &rule.min_employed, &error) ||
      !read_count (self->rule_cooperating_entry, &rule.min_cooperating, &error) ||
      !fzp_rural_bases_set_homestay_rule (self->context, &rule, &error))
    {
      fzp_rural_bases_ui_show_error (self->rule_error, fields, error->message);
      /* The checks to tick are inside the expander. */
      if (g_str_has_prefix (error->message, _("Kind of help")))
        adw_expander_row_set_expanded (self->kinds_row, TRUE);
      return;
    }
  fzp_rural_bases_ui_show_error (self->rule_error, fields, NULL);
  fzp_rural_bases_standards_view_reload (self);
}

static void
save_issuers_cb (FzpRuralBasesStandardsView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->issuer_county_entry), GTK_WIDGET (self->issuer_city_entry),
                          GTK_WIDGET (self->issuer_province_entry), GTK_WIDGET (self->issuer_high_entry), NULL };
  g_autoptr(GError) error = NULL;

  for (FzpRuralBasesLevel level = FZP_RURAL_BASES_LEVEL_COUNTY; level <= FZP_RURAL_BASES_LEVEL_LAST; level++)
    {
      GtkEntry *row = issuer_row (self, level);
      g_autofree char *text = NULL;
      g_autofree char *key = g_strdup_printf ("issuer-%s", fzp_rural_bases_level_to_nick (level));

      if (!fzp_rural_bases_check_text (fzp_rural_bases_ui_text (row), fzp_rural_bases_ui_title (row), 60, TRUE, &text,
                                       &error) ||
          !fz_context_set_value (self->context, FZP_RURAL_BASES_ID, key, text, &error))
        {
          fzp_rural_bases_ui_show_error (self->issuer_error, fields, error->message);
          return;
        }
    }
  fzp_rural_bases_ui_show_error (self->issuer_error, fields, NULL);
  fzp_rural_bases_standards_view_reload (self);
}

static void
fzp_rural_bases_standards_view_dispose (GObject *object)
{
  FzpRuralBasesStandardsView *self = FZP_RURAL_BASES_STANDARDS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_RURAL_BASES_STANDARDS_VIEW);
  g_clear_object (&self->criteria);
  g_clear_object (&self->rules);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_standards_view_parent_class)->dispose (object);
}

static void
fzp_rural_bases_standards_view_class_init (FzpRuralBasesStandardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_rural_bases_standards_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/rural-bases/fzp-rural-bases-standards-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesStandardsView, name)
  CHILD (criteria_view);
  CHILD (criteria_empty);
  CHILD (level_row);
  CHILD (from_entry);
  CHILD (employed_entry);
  CHILD (helped_entry);
  CHILD (either_switch);
  CHILD (ratio_entry);
  CHILD (training_entry);
  CHILD (months_entry);
  CHILD (requires_row);
  CHILD (criterion_error);
  CHILD (rules_view);
  CHILD (rules_empty);
  CHILD (rule_from_entry);
  CHILD (rule_employed_entry);
  CHILD (rule_cooperating_entry);
  CHILD (kinds_row);
  CHILD (local_switch);
  CHILD (rule_error);
  CHILD (issuer_county_entry);
  CHILD (issuer_city_entry);
  CHILD (issuer_province_entry);
  CHILD (issuer_high_entry);
  CHILD (issuer_error);
  CHILD (criterion_button);
  CHILD (rule_button);
  CHILD (issuer_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, save_criterion_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_rule_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_issuers_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_changed_cb);
}

static void
fzp_rural_bases_standards_view_init (FzpRuralBasesStandardsView *self)
{
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GListModel) required = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  levels = fzp_rural_bases_ui_levels (NULL);
  required = fzp_rural_bases_ui_levels (_("None"));
  adw_combo_row_set_model (self->level_row, levels);
  adw_combo_row_set_model (self->requires_row, required);
  fzp_rural_bases_ui_set_today (self->from_entry);
  fzp_rural_bases_ui_set_today (self->rule_from_entry);
  gtk_switch_set_active (self->either_switch, TRUE);
  gtk_switch_set_active (self->local_switch, TRUE);

  /* One check a kind of help, each named for screen readers by its row. */
  for (guint h = 1; h <= FZP_RURAL_BASES_HELP_LAST; h++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fzp_rural_bases_help_to_string (h));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      fzp_rural_bases_help_to_string (h), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->kinds_row, row);
      self->kinds[h] = GTK_CHECK_BUTTON (check);
    }
  gtk_check_button_set_active (self->kinds[FZP_RURAL_BASES_HELP_HANDICRAFT], TRUE);

  self->criteria = fzp_rural_bases_ui_setup_list (self->criteria_view);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Level"), 0, 5, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("From"), 1, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Employed"), 2, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("And/or"), 3, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Helped"), 4, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Income × minimum wage"), 5, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Sessions"), 6, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Months"), 7, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->criteria_view, _("Required level"), 8, 6, TRUE);

  self->rules = fzp_rural_bases_ui_setup_list (self->rules_view);
  fzp_rural_bases_ui_add_column (self->rules_view, _("From"), 0, 6, FALSE);
  fzp_rural_bases_ui_add_column (self->rules_view, _("Employed"), 1, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->rules_view, _("Working with"), 2, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->rules_view, _("Kinds of help"), 3, 6, TRUE);
  fzp_rural_bases_ui_add_column (self->rules_view, _("Who counts"), 4, 7, FALSE);
}

void
fzp_rural_bases_standards_view_set_context (FzpRuralBasesStandardsView *self,
                                            FzContext                  *context)
{
  g_return_if_fail (FZP_IS_RURAL_BASES_STANDARDS_VIEW (self));

  g_set_object (&self->context, context);
  fzp_rural_bases_standards_view_reload (self);
  level_changed_cb (self);
  fill_rule (self);
}
