/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-form.h"
#include "fzp-welfare-posts-income-view.h"
#include "fzp-welfare-posts-store.h"

struct _FzpWelfarePostsIncomeView
{
  AdwBin               parent_instance;
  FzContext           *context;
  GPtrArray           *rule_rows;    /* GtkEntry, one per key */
  GPtrArray           *rule_values;  /* what each showed when loaded */

  GtkEntry            *person_entry;
  GtkEntry            *month_entry;
  GtkEntry            *income_entry;
  GtkEntry            *since_entry;
  GtkSwitch           *supported_switch;
  GtkSwitch           *taper_switch;
  GtkLabel            *error_label;
  AdwPreferencesGroup *result_group;
  GtkLabel            *counted_label;
  GtkLabel            *left_out_label;
  GtkLabel            *why_label;
  AdwPreferencesGroup *rules_group;
  AdwActionRow        *from_row;
  GtkEntry            *from_entry;
  GtkLabel            *rules_error;
};

G_DEFINE_FINAL_TYPE (FzpWelfarePostsIncomeView, fzp_welfare_posts_income_view, ADW_TYPE_BIN)

static void
work_out_cb (FzpWelfarePostsIncomeView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->person_entry), GTK_WIDGET (self->month_entry), GTK_WIDGET (self->income_entry),
    GTK_WIDGET (self->since_entry),
  };
  FzpWelfarePostsIncomeFields f = {
    fzp_welfare_posts_form_text (self->person_entry),
    fzp_welfare_posts_form_text (self->month_entry),
    fzp_welfare_posts_form_text (self->income_entry),
    fzp_welfare_posts_form_text (self->since_entry),
    gtk_switch_get_active (self->supported_switch),
    !gtk_switch_get_active (self->taper_switch),
  };
  FzpWelfarePostsIncome income;
  g_autofree char *notes = NULL;
  g_autofree char *why = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *text = NULL;

  if (!fzp_welfare_posts_compute_income_for (self->context, &f, &income, &notes, &error))
    {
      GtkWidget *first = fzp_welfare_posts_form_show (self->error_label, rows, G_N_ELEMENTS (rows), error->message);

      gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
      if (first)
        gtk_widget_grab_focus (first);
      return;
    }
  fzp_welfare_posts_form_show (self->error_label, rows, G_N_ELEMENTS (rows), NULL);
  why = fzp_welfare_posts_explain_income (&income);
  counted = g_strdup_printf (_("%.2f yuan"), income.counted);
  left_out = g_strdup_printf (_("%.2f yuan"), income.left_out);
  text = g_strdup_printf ("%s\n%s", notes, why);
  gtk_label_set_text (self->counted_label, counted);
  gtk_label_set_text (self->left_out_label, left_out);
  gtk_label_set_text (self->why_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}

static void
load_rules (FzpWelfarePostsIncomeView *self)
{
  const char * const *keys = fzp_welfare_posts_rule_keys ();
  g_autoptr(GError) error = NULL;
  FzpWelfarePostsRules rules;
  GDate today;

  fzp_welfare_posts_today (&today);
  if (!fzp_welfare_posts_load_rules (self->context, &today, &rules, &error))
    {
      fzp_welfare_posts_form_show (self->rules_error, NULL, 0, error->message);
      return;
    }
  g_ptr_array_set_size (self->rule_values, 0);
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *value = fzp_welfare_posts_rules_format (&rules, keys[i]);

      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->rule_rows, i)), value);
      g_ptr_array_add (self->rule_values, g_steal_pointer (&value));
    }
}

static void
save_rules_cb (FzpWelfarePostsIncomeView *self)
{
  const char * const *keys = fzp_welfare_posts_rule_keys ();
  g_autoptr(GPtrArray) changed_keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed_values = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; keys[i]; i++)
    {
      const char *text = fzp_welfare_posts_form_text (g_ptr_array_index (self->rule_rows, i));

      g_ptr_array_add (rows, g_ptr_array_index (self->rule_rows, i));
      if (g_strcmp0 (text, g_ptr_array_index (self->rule_values, i)) == 0)
        continue;
      g_ptr_array_add (changed_keys, (gpointer) keys[i]);
      g_ptr_array_add (changed_values, (gpointer) text);
    }
  g_ptr_array_add (rows, self->from_entry);
  if (changed_keys->len == 0)
    {
      fzp_welfare_posts_form_show (self->rules_error, NULL, 0, _("Change a rule first."));
      return;
    }
  if (!fzp_welfare_posts_set_rules (self->context, fzp_welfare_posts_form_text (self->from_entry),
                                    (const char * const *) changed_keys->pdata,
                                    (const char * const *) changed_values->pdata, changed_keys->len, &error))
    {
      GtkWidget *first = fzp_welfare_posts_form_show (self->rules_error, (GtkWidget **) rows->pdata, rows->len,
                                                      error->message);
      if (first)
        gtk_widget_grab_focus (first);
      return;
    }
  fzp_welfare_posts_form_show (self->rules_error, (GtkWidget **) rows->pdata, rows->len, NULL);
  load_rules (self);
}

static void
fzp_welfare_posts_income_view_dispose (GObject *object)
{
  FzpWelfarePostsIncomeView *self = FZP_WELFARE_POSTS_INCOME_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_WELFARE_POSTS_INCOME_VIEW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rule_values, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_welfare_posts_income_view_parent_class)->dispose (object);
}

static void
fzp_welfare_posts_income_view_class_init (FzpWelfarePostsIncomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_welfare_posts_income_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/welfare-posts/fzp-welfare-posts-income-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, person_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, month_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, income_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, since_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, supported_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, taper_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, result_group);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, counted_label);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, left_out_label);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, why_label);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, rules_group);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, from_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsIncomeView, rules_error);
  gtk_widget_class_bind_template_callback (widget_class, work_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_rules_cb);
}

static void
fzp_welfare_posts_income_view_init (FzpWelfarePostsIncomeView *self)
{
  const char * const *keys = fzp_welfare_posts_rule_keys ();
  GDate today;
  char month[8];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rule_rows = g_ptr_array_new ();
  self->rule_values = g_ptr_array_new_with_free_func (g_free);

  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->person_entry), _("Person"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->month_entry), _("As 2025-03"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->income_entry), _("The month's job income, in yuan"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->since_entry),
                                   _("Empty: the registry's employment date, else the start of the latest placement"));
  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->from_entry), _("In force from"));
  fzp_welfare_posts_today (&today);
  g_snprintf (month, sizeof month, "%04u-%02u", g_date_get_year (&today), g_date_get_month (&today));
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), month);
  fzp_welfare_posts_form_set_today (self->from_entry);

  /* One row per rule, before the day they are in force from. */
  for (guint i = 0; keys[i]; i++)
    {
      GtkWidget *entry = fzp_welfare_posts_form_add_entry (self->rules_group, fzp_welfare_posts_rule_title (keys[i]),
                                                           fzp_welfare_posts_rule_describe (keys[i]));

      fzp_welfare_posts_form_set_field (entry, keys[i]);
      gtk_widget_set_tooltip_text (gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW),
                                   fzp_welfare_posts_rule_describe (keys[i]));
      g_ptr_array_add (self->rule_rows, entry);
    }
  /* The day goes last. */
  g_object_ref (self->from_row);
  adw_preferences_group_remove (self->rules_group, GTK_WIDGET (self->from_row));
  adw_preferences_group_add (self->rules_group, GTK_WIDGET (self->from_row));
  g_object_unref (self->from_row);
}

void
fzp_welfare_posts_income_view_set_context (FzpWelfarePostsIncomeView *self,
                                           FzContext                 *context)
{
  g_set_object (&self->context, context);
  load_rules (self);
}
