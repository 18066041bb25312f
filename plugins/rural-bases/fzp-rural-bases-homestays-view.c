/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-homestays-view.h"
#include "fzp-rural-bases-store.h"
#include "fzp-rural-bases-ui.h"

/* The homestays and which of them have priority in homestay ratings, on a
 * day, under the rule then in force. */
struct _FzpRuralBasesHomestaysView
{
  AdwBin         parent_instance;
  FzContext     *context;
  GListStore    *homestays;
  GPtrArray     *county_codes;

  GtkEntry      *date_entry;
  AdwComboRow   *county_row;
  GtkSwitch     *priority_switch;
  GtkLabel      *rule_label;
  GtkColumnView *homestays_view;
  GtkLabel      *homestays_empty;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesHomestaysView, fzp_rural_bases_homestays_view, ADW_TYPE_BIN)

static char *
describe_rule (const FzpRuralBasesHomestayRule *rule)
{
  g_autofree char *from = fzp_rural_bases_ui_date_text (&rule->effective_from);
  GString *kinds = g_string_new (NULL);
  GString *text = g_string_new (NULL);

  for (guint h = 1; h <= FZP_RURAL_BASES_HELP_LAST; h++)
    if (rule->cooperation_kinds & (1u << h))
      {
        if (kinds->len)
          g_string_append (kinds, _(", "));
        g_string_append (kinds, fzp_rural_bases_help_to_string (h));
      }
  if (g_date_get_year (&rule->effective_from) <= 1900)
    g_string_append (text, _("The default rule: "));
  else
    g_string_append_printf (text, _("The rule in force since %s: "), from);
  if (rule->min_employed > 0)
    g_string_append_printf (text, _("employs at least %u"), rule->min_employed);
  if (rule->min_employed > 0 && rule->min_cooperating > 0)
    g_string_append (text, _(", or "));
  if (rule->min_cooperating > 0)
    g_string_append_printf (text, _("works with at least %1$u (%2$s)"), rule->min_cooperating, kinds->str);
  g_string_append (text, rule->local_only ? _("; only persons registered in the homestay’s county count.")
                                          : _("; persons of any county count."));
  g_string_free (kinds, TRUE);
  return g_string_free (text, FALSE);
}

void
fzp_rural_bases_homestays_view_reload (FzpRuralBasesHomestaysView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->date_entry), NULL };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint county = adw_combo_row_get_selected (self->county_row);
  const char *code = county < self->county_codes->len ? g_ptr_array_index (self->county_codes, county) : NULL;
  FzpRuralBasesHomestayRule rule;
  GDate day;

  g_return_if_fail (FZP_IS_RURAL_BASES_HOMESTAYS_VIEW (self));

  g_list_store_remove_all (self->homestays);
  if (!fzp_rural_bases_ui_read_date (self->date_entry, TRUE, &day, &error) ||
      !fzp_rural_bases_get_homestay_rule (self->context, &day, &rule, &error) ||
      (list = fzp_rural_bases_list_homestays (self->context, &day, code, gtk_switch_get_active (self->priority_switch),
                                              &error)) == NULL)
    {
      gtk_label_set_text (self->rule_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->homestays_empty), FALSE);
      fzp_rural_bases_ui_show_error (self->rule_label, fields, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->rule_label), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->rule_label), "error");
  fzp_rural_bases_ui_show_error (self->rule_label, fields, NULL);
  {
    g_autofree char *text = describe_rule (&rule);
    gtk_label_set_text (self->rule_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->rule_label), TRUE);
  }
  for (guint i = 0; i < list->len; i++)
    {
      FzpRuralBasesHomestay *h = g_ptr_array_index (list, i);
      g_autofree char *place = g_strjoin (" ", h->base->township, h->base->village ? h->base->village : "", NULL);
      g_autofree char *employed = g_strdup_printf ("%u", h->employed);
      g_autofree char *cooperating = g_strdup_printf ("%u", h->cooperating);
      const char *why;

      switch ((guint) h->priority)
        {
        case FZP_RURAL_BASES_PRIORITY_EMPLOYS:
          why = _("Employs persons with disabilities");
          break;
        case FZP_RURAL_BASES_PRIORITY_COOPERATES:
          why = _("Works with them");
          break;
        case FZP_RURAL_BASES_PRIORITY_EMPLOYS | FZP_RURAL_BASES_PRIORITY_COOPERATES:
          why = _("Employs them and works with them");
          break;
        default:
          why = _("No priority");
          break;
        }
      fzp_rural_bases_ui_append (self->homestays, h->base->id, h->base->name, h->base->county_name, place,
                                 h->base->operator_name, h->base->phone ? h->base->phone : "", employed, cooperating,
                                 why, NULL);
    }
  gtk_label_set_text (self->homestays_empty, gtk_switch_get_active (self->priority_switch)
                                             ? _("No homestay has priority on that day.")
                                             : _("No base marked as a homestay operated on that day."));
  fzp_rural_bases_ui_set_empty (self->homestays_view, GTK_WIDGET (self->homestays_empty));
}

static void
reload_cb (FzpRuralBasesHomestaysView *self)
{
  if (self->context)
    fzp_rural_bases_homestays_view_reload (self);
}

static void
fzp_rural_bases_homestays_view_dispose (GObject *object)
{
  FzpRuralBasesHomestaysView *self = FZP_RURAL_BASES_HOMESTAYS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_RURAL_BASES_HOMESTAYS_VIEW);
  g_clear_object (&self->homestays);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_homestays_view_parent_class)->dispose (object);
}

static void
fzp_rural_bases_homestays_view_class_init (FzpRuralBasesHomestaysViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_rural_bases_homestays_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/rural-bases/fzp-rural-bases-homestays-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesHomestaysView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesHomestaysView, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesHomestaysView, priority_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesHomestaysView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesHomestaysView, homestays_view);
  gtk_widget_class_bind_template_child (widget_class, FzpRuralBasesHomestaysView, homestays_empty);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
}

static void
fzp_rural_bases_homestays_view_init (FzpRuralBasesHomestaysView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_switch_set_active (self->priority_switch, TRUE);
  fzp_rural_bases_ui_set_today (self->date_entry);

  self->homestays = fzp_rural_bases_ui_setup_list (self->homestays_view);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Homestay"), 0, 6, TRUE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("County"), 1, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Township and village"), 2, 9, FALSE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Operator"), 3, 7, FALSE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Phone"), 4, 7, FALSE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Employed"), 5, 3, FALSE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Working with"), 6, 4, FALSE);
  fzp_rural_bases_ui_add_column (self->homestays_view, _("Priority"), 7, 6, TRUE);
}

void
fzp_rural_bases_homestays_view_set_context (FzpRuralBasesHomestaysView *self,
                                            FzContext                  *context)
{
  g_autoptr(GListModel) counties = NULL;

  g_return_if_fail (FZP_IS_RURAL_BASES_HOMESTAYS_VIEW (self));

  g_set_object (&self->context, context);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  counties = fzp_rural_bases_ui_counties (context, _("Every county"), &self->county_codes);
  adw_combo_row_set_model (self->county_row, counties);
  fzp_rural_bases_homestays_view_reload (self);
}
