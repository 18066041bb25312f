/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-data.h"
#include "fzp-gongfu-workshops-documents.h"
#include "fzp-gongfu-workshops-page.h"
#include "fzp-gongfu-workshops-pay-form.h"
#include "fzp-gongfu-workshops-row.h"
#include "fzp-gongfu-workshops-workshop-dialog.h"

struct _FzpGongfuWorkshopsPage
{
  AdwBin                      parent_instance;
  FzContext                  *context;
  GListStore                 *workshops;
  GtkCustomFilter            *filter;
  GtkSingleSelection         *selection;
  GListStore                 *workers;
  GtkSingleSelection         *worker_selection;
  GListStore                 *orders;
  gint64                      workshop_id;
  gboolean                    workshop_open;
  gboolean                    reverting;

  GtkFlowBox                 *summary_box;
  GtkSearchEntry             *filter_entry;
  GtkStack                   *list_stack;
  GtkListView                *workshop_list;
  GtkStack                   *detail_stack;
  GtkLabel                   *title_label;
  GtkLabel                   *facts_label;
  GtkFlowBox                 *figures_box;
  GtkLabel                   *standard_label;
  AdwViewStack               *view_stack;
  GtkEntry                   *join_person_entry;
  GtkEntry                   *join_date_entry;
  GtkLabel                   *join_error_label;
  GtkCheckButton             *former_check;
  GtkStack                   *workers_stack;
  GtkColumnView              *workers_view;
  FzpGongfuWorkshopsPayForm  *pay_form;
  GtkLabel                   *partners_label;
  GtkEntry                   *order_partner_entry;
  GtkEntry                   *order_product_entry;
  GtkEntry                   *order_quantity_entry;
  GtkEntry                   *order_value_entry;
  GtkEntry                   *order_from_entry;
  GtkEntry                   *order_to_entry;
  GtkLabel                   *order_error_label;
  GtkStack                   *orders_stack;
  GtkColumnView              *orders_view;
};

G_DEFINE_FINAL_TYPE (FzpGongfuWorkshopsPage, fzp_gongfu_workshops_page, ADW_TYPE_BIN)

static void show_workshop (FzpGongfuWorkshopsPage *self);

static GtkWindow *
parent_window (FzpGongfuWorkshopsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
mark_invalid (GtkWidget  *widget,
              const char *message)
{
  if (message)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Whether @message is about the field called @field ("Joined: …"). */
static gboolean
is_about (const char *message,
          const char *field)
{
  gsize n = strlen (field);

  return g_str_has_prefix (message, field) &&
         (g_str_has_prefix (message + n, ":") || g_str_has_prefix (message + n, "："));
}

static void
add_stat (GtkFlowBox *box,
          const char *caption,
          const char *value,
          gboolean    large)
{
  GtkWidget *stat = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_label_new (caption);
  GtkWidget *number = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_widget_add_css_class (top, "caption");
  gtk_widget_add_css_class (top, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_widget_add_css_class (number, large ? "title-4" : "heading");
  gtk_box_append (GTK_BOX (stat), top);
  gtk_box_append (GTK_BOX (stat), number);
  gtk_flow_box_insert (box, stat, -1);
  /* Figures to read, not to stop at with Tab; the box does not take the
   * focus either (can-focus is off in the .ui). */
  gtk_widget_set_focusable (gtk_widget_get_parent (stat), FALSE);
}

/* The year's figures as a row of captioned numbers; @message instead when
 * they could not be computed. */
static void
fill_stats (GtkFlowBox                      *box,
            const FzpGongfuWorkshopsFigures *f,
            guint                            year,
            gboolean                         with_workshops,
            const char                      *message)
{
  g_autofree char *workshops = NULL;
  g_autofree char *workers = NULL;
  g_autofree char *placed_caption = NULL;
  g_autofree char *placed = NULL;
  g_autofree char *paid_caption = NULL;
  g_autofree char *total = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *average = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *below = NULL;
  GtkWidget *child;
  gboolean large = with_workshops;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_flow_box_remove (box, child);
  if (message)
    {
      add_stat (box, _("Figures"), message, large);
      return;
    }
  if (with_workshops)
    {
      workshops = g_strdup_printf (_("%u (%u recognised)"), f->workshops, f->proper);
      add_stat (box, _("Workshops open"), workshops, large);
    }
  workers = g_strdup_printf ("%u", f->workers);
  add_stat (box, _("Working now"), workers, large);
  placed_caption = g_strdup_printf (_("Placed in %u"), year);
  placed = g_strdup_printf ("%u", f->placed);
  add_stat (box, placed_caption, placed, large);
  paid_caption = g_strdup_printf (_("Paid in %u"), year);
  total = fzp_gongfu_workshops_format_amount_grouped (f->pay.total_fen);
  paid = g_strdup_printf (_("%s yuan"), total);
  add_stat (box, paid_caption, paid, large);
  average = fzp_gongfu_workshops_format_amount_grouped (fzp_gongfu_workshops_pay_figures_average (&f->pay));
  average_text = g_strdup_printf (_("%s yuan"), average);
  add_stat (box, _("Average monthly pay"), average_text, large);
  below = g_strdup_printf (_("%u of %u months"), f->pay.n_below, f->pay.n_compared);
  add_stat (box, _("Below the minimum wage"), below, large);
}

static void
update_summary (FzpGongfuWorkshopsPage *self)
{
  FzpGongfuWorkshopsScope scope = { 0 };
  FzpGongfuWorkshopsFigures f;
  g_autoptr(GError) error = NULL;
  GDate today;

  fzp_gongfu_workshops_today (&today);
  scope.year = g_date_get_year (&today);
  if (!fzp_gongfu_workshops_compute_figures (self->context, &scope, &f, &error))
    fill_stats (self->summary_box, NULL, scope.year, TRUE, error->message);
  else
    fill_stats (self->summary_box, &f, scope.year, TRUE, NULL);
}

/* Lists */

static FzpGongfuWorkshopsRow *
selected_row (GtkSingleSelection *selection)
{
  return selection ? gtk_single_selection_get_selected_item (selection) : NULL;
}

static void
update_actions (FzpGongfuWorkshopsPage *self)
{
  FzpGongfuWorkshopsRow *worker = selected_row (self->worker_selection);
  gboolean chosen = self->workshop_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.edit", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.close", chosen && self->workshop_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.print-roster", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.leave",
                                 worker != NULL && !fzp_gongfu_workshops_row_get_past (worker));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.print-statement", worker != NULL);
}

static void
workshop_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
workshop_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  FzpGongfuWorkshopsRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), fzp_gongfu_workshops_row_get_field (row, 0));
  gtk_label_set_text (GTK_LABEL (subtitle), fzp_gongfu_workshops_row_get_field (row, 1));
  if (fzp_gongfu_workshops_row_get_past (row))
    gtk_widget_add_css_class (name, "dim-label");
  else
    gtk_widget_remove_css_class (name, "dim-label");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), GPOINTER_TO_UINT (user_data));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), GPOINTER_TO_UINT (user_data));
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  FzpGongfuWorkshopsRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                            fzp_gongfu_workshops_row_get_field (row, GPOINTER_TO_UINT (user_data)));
  if (fzp_gongfu_workshops_row_get_past (row))
    gtk_widget_add_css_class (cell, "dim-label");
  else
    gtk_widget_remove_css_class (cell, "dim-label");
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            guint          field,
            guint          min_chars,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (min_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (field));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static gboolean
filter_match (gpointer item,
              gpointer user_data)
{
  FzpGongfuWorkshopsPage *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  return *text == '\0' || strstr (fzp_gongfu_workshops_row_get_field (item, 0), text) != NULL ||
         strstr (fzp_gongfu_workshops_row_get_field (item, 1), text) != NULL;
}

static void
filter_changed_cb (FzpGongfuWorkshopsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
reload_workshops (FzpGongfuWorkshopsPage *self,
                  gint64                  select_id)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  guint n;

  /* Rebuilding the list is no choice of the user's: no questions. */
  self->reverting = TRUE;
  list = fzp_gongfu_workshops_list_workshops (self->context, NULL, &error);
  g_list_store_remove_all (self->workshops);
  if (list == NULL)
    {
      self->reverting = FALSE;
      g_warning ("Could not list the workshops: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      FzpGongfuWorkshopsWorkshop *w = g_ptr_array_index (list, i);
      g_autofree char *host = fzp_gongfu_workshops_workshop_dup_host_label (w);
      g_autofree char *subtitle = NULL;
      g_autoptr(FzpGongfuWorkshopsRow) row = NULL;

      if (g_date_valid (&w->closed))
        subtitle = g_strdup_printf (_("%s · %s · closed"), w->county_name, host);
      else
        /* Translators: county, host, number of workers */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s · %2$s · %3$u worker",
                                                 "%1$s · %2$s · %3$u workers", w->workers),
                                    w->county_name, host, w->workers);
      row = fzp_gongfu_workshops_row_new (w->id, 0, (const char *[]) { w->name, subtitle, NULL });
      fzp_gongfu_workshops_row_set_past (row, g_date_valid (&w->closed));
      g_list_store_append (self->workshops, row);
    }
  gtk_stack_set_visible_child_name (self->list_stack, list->len > 0 ? "list" : "empty");

  model = gtk_single_selection_get_model (self->selection);
  n = g_list_model_get_n_items (model);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n && select_id != 0; i++)
    {
      g_autoptr(FzpGongfuWorkshopsRow) row = g_list_model_get_item (model, i);
      if (fzp_gongfu_workshops_row_get_id (row) == select_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->reverting = FALSE;
  show_workshop (self);
  update_summary (self);
}

static void
reload_workers (FzpGongfuWorkshopsPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all = gtk_check_button_get_active (self->former_check);
  GDate today;

  g_list_store_remove_all (self->workers);
  if (self->workshop_id == 0)
    return;
  fzp_gongfu_workshops_today (&today);
  list = fzp_gongfu_workshops_list_workers (self->context, self->workshop_id, all ? NULL : &today, &error);
  if (list == NULL)
    {
      show_message (self->join_error_label, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      FzpGongfuWorkshopsWorker *w = g_ptr_array_index (list, i);
      g_autofree char *masked = fz_mask_identity_number (w->id_number, 6, 4);
      g_autoptr(FzpGongfuWorkshopsRow) row = NULL;
      char joined[11], left[11];

      fzp_gongfu_workshops_date_to_iso (&w->joined, joined);
      fzp_gongfu_workshops_date_to_iso (&w->left, left);
      row = fzp_gongfu_workshops_row_new (w->spell_id, w->person_id,
                                          (const char *[]) { w->name, masked, joined, left,
                                                             w->leave_reason ? w->leave_reason : "", NULL });
      fzp_gongfu_workshops_row_set_past (row, g_date_valid (&w->left));
      g_list_store_append (self->workers, row);
    }
  gtk_stack_set_visible_child_name (self->workers_stack, list->len > 0 ? "list" : "empty");
  update_actions (self);
}

static void
reload_orders (FzpGongfuWorkshopsPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_list_store_remove_all (self->orders);
  if (self->workshop_id == 0)
    return;
  list = fzp_gongfu_workshops_list_orders (self->context, self->workshop_id, &error);
  partners = list ? fzp_gongfu_workshops_list_partners (self->context, self->workshop_id, &error) : NULL;
  if (partners == NULL)
    {
      gtk_label_set_text (self->order_error_label, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      FzpGongfuWorkshopsOrder *o = g_ptr_array_index (list, i);
      g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, o->quantity);
      g_autofree char *value = fzp_gongfu_workshops_format_amount_grouped (o->value);
      g_autoptr(FzpGongfuWorkshopsRow) row = NULL;
      char starts[11], ends[11];

      fzp_gongfu_workshops_date_to_iso (&o->starts, starts);
      fzp_gongfu_workshops_date_to_iso (&o->ends, ends);
      row = fzp_gongfu_workshops_row_new (o->id, o->organization_id,
                                          (const char *[]) { o->organization_name, o->product, quantity, value,
                                                             starts, ends, NULL });
      g_list_store_append (self->orders, row);
    }
  gtk_stack_set_visible_child_name (self->orders_stack, list->len > 0 ? "list" : "empty");
  for (guint i = 0; i < partners->len; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, fz_organization_get_name (g_ptr_array_index (partners, i)));
    }
  text = partners->len ? g_strdup_printf (_("Partner companies: %s"), names->str)
                       : g_strdup (_("No partner companies yet: the company of the first order becomes one."));
  gtk_label_set_text (self->partners_label, text);
}

static void
show_workshop (FzpGongfuWorkshopsPage *self)
{
  FzpGongfuWorkshopsRow *row = selected_row (self->selection);
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(GError) error = NULL;
  FzpGongfuWorkshopsScope scope = { 0 };
  FzpGongfuWorkshopsFigures f;
  FzpGongfuWorkshopsStandard standard;
  g_autofree char *host = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *why = NULL;
  char opened[11], closed[11];
  GDate today;

  gint64 previous = self->workshop_id;

  fzp_gongfu_workshops_today (&today);
  self->workshop_id = row ? fzp_gongfu_workshops_row_get_id (row) : 0;
  if (self->workshop_id != 0)
    w = fzp_gongfu_workshops_get_workshop (self->context, self->workshop_id, &error);
  if (w == NULL)
    {
      self->workshop_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      fzp_gongfu_workshops_pay_form_set_workshop (self->pay_form, 0);
      update_actions (self);
      return;
    }
  self->workshop_open = !g_date_valid (&w->closed);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_label_set_text (self->title_label, w->name);

  host = fzp_gongfu_workshops_workshop_dup_host_label (w);
  fzp_gongfu_workshops_date_to_iso (&w->opened, opened);
  fzp_gongfu_workshops_date_to_iso (&w->closed, closed);
  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (parts, g_strdup_printf ("%s%s%s", w->county_name, w->township ? " " : "",
                                             w->township ? w->township : ""));
    g_ptr_array_add (parts, g_strdup (host));
    g_ptr_array_add (parts, g_strdup (w->proper ? _("recognised disability workshop") : _("workshop")));
    g_ptr_array_add (parts, g_strdup_printf (_("opened %s"), opened));
    if (*closed)
      g_ptr_array_add (parts, g_strdup_printf (_("closed %s"), closed));
    if (w->products)
      g_ptr_array_add (parts, g_strdup_printf (_("makes %s"), w->products));
    g_ptr_array_add (parts, NULL);
    facts = g_strjoinv (" · ", (char **) parts->pdata);
  }
  gtk_label_set_text (self->facts_label, facts);

  scope.workshop_id = w->id;
  scope.year = g_date_get_year (&today);
  if (fzp_gongfu_workshops_compute_figures (self->context, &scope, &f, &error))
    fill_stats (self->figures_box, &f, scope.year, FALSE, NULL);
  else
    fill_stats (self->figures_box, NULL, scope.year, FALSE, error->message);
  g_clear_error (&error);

  if (fzp_gongfu_workshops_get_standard (self->context, &today, &standard, &error))
    {
      g_autofree char *text = NULL;

      if (fzp_gongfu_workshops_meets_standard (&standard, w->workers, &why))
        text = g_strdup_printf (_("Meets the standard of a recognised disability workshop: at least %u workers"),
                                standard.min_workers);
      else
        text = g_strdup_printf (_("Below the standard of a recognised disability workshop: %s"), why);
      gtk_label_set_text (self->standard_label, text);
    }
  else
    gtk_label_set_text (self->standard_label, error->message);

  show_message (self->join_error_label, NULL);
  gtk_label_set_text (self->order_error_label, "");
  reload_workers (self);
  reload_orders (self);
  /* The same workshop again (after someone joined): a month being entered stays. */
  if (!fzp_gongfu_workshops_pay_form_get_dirty (self->pay_form) || w->id != previous)
    fzp_gongfu_workshops_pay_form_set_workshop (self->pay_form, w->id);
  update_actions (self);
}

static void
discard_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     FzpGongfuWorkshopsPage *self)
{
  gint64 previous = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "previous"));

  if (g_str_equal (response, "discard"))
    {
      show_workshop (self);
      return;
    }
  /* Back to the workshop whose month is being entered, edits kept. */
  self->reverting = TRUE;
  fzp_gongfu_workshops_page_select_workshop (self, previous);
  self->reverting = FALSE;
}

static void
selection_changed_cb (FzpGongfuWorkshopsPage *self)
{
  FzpGongfuWorkshopsRow *row = selected_row (self->selection);
  gint64 chosen = row ? fzp_gongfu_workshops_row_get_id (row) : 0;
  GtkWidget *dialog;

  if (self->reverting)
    return;
  if (chosen == self->workshop_id || !fzp_gongfu_workshops_pay_form_get_dirty (self->pay_form))
    {
      show_workshop (self);
      return;
    }
  dialog = adw_message_dialog_new (parent_window (self), _("Discard the Changes?"),
                                   _("The month's pay of this workshop was changed and not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "previous", GSIZE_TO_POINTER (self->workshop_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
worker_selection_changed_cb (FzpGongfuWorkshopsPage *self)
{
  update_actions (self);
}

/* Workers */

static void
join_changed_cb (FzpGongfuWorkshopsPage *self)
{
  show_message (self->join_error_label, NULL);
  mark_invalid (GTK_WIDGET (self->join_person_entry), NULL);
  mark_invalid (GTK_WIDGET (self->join_date_entry), NULL);
}

static void
join_clicked_cb (FzpGongfuWorkshopsPage *self)
{
  g_autoptr(FzPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = fz_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->join_date_entry)));
  GtkWidget *bad = GTK_WIDGET (self->join_person_entry);
  GDate day;

  if (self->workshop_id == 0)
    return;
  if (*date_text == '\0')
    fzp_gongfu_workshops_today (&day);
  else if (!fz_parse_date (date_text, _("Joined"), &day, &error))
    bad = GTK_WIDGET (self->join_date_entry);
  if (error == NULL)
    person = fzp_gongfu_workshops_lookup_person (self->context,
                                                 gtk_editable_get_text (GTK_EDITABLE (self->join_person_entry)), &error);
  if (person && fzp_gongfu_workshops_join (self->context, self->workshop_id, fz_person_get_id (person), &day, &error) == 0 &&
      is_about (error->message, _("Joined")))
    bad = GTK_WIDGET (self->join_date_entry);
  if (error)
    {
      show_message (self->join_error_label, error->message);
      mark_invalid (bad, error->message);
      gtk_widget_grab_focus (bad);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->join_person_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->join_date_entry), "");
  reload_workshops (self, self->workshop_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->join_person_entry));
}

static void
former_toggled_cb (FzpGongfuWorkshopsPage *self)
{
  reload_workers (self);
}

/* A small form in a message dialog: a field for each of @titles, whose
 * entries are put in @entries. A field is a GtkEntry in an action row, named
 * by the row's title, rather than an AdwEntryRow, whose focus GTK 4.8 does
 * not tell a screen reader. Enter in a field gives the "go" response. */
static GtkWidget *
form_dialog (FzpGongfuWorkshopsPage *self,
             const char             *heading,
             const char             *body,
             const char             *go_label,
             const char * const     *titles,
             const char * const     *values,
             GtkWidget             **entries)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; titles[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      entries[i] = gtk_entry_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_valign (entries[i], GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (entries[i], TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entries[i]), values[i] ? values[i] : "");
      gtk_entry_set_activates_default (GTK_ENTRY (entries[i]), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entries[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entries[i]);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "go", go_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static const char *
field_text (GtkWidget  *dialog,
            const char *key)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), key);

  return entry ? gtk_editable_get_text (GTK_EDITABLE (entry)) : "";
}

static void
leave_response_cb (AdwMessageDialog       *dialog,
                   const char             *response,
                   FzpGongfuWorkshopsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  GDate day;

  if (!g_str_equal (response, "go"))
    return;
  if (!fz_parse_date (field_text (GTK_WIDGET (dialog), "date"), _("Left"), &day, &error) ||
      !fzp_gongfu_workshops_leave (self->context, person_id, &day, field_text (GTK_WIDGET (dialog), "reason"), &error))
    {
      show_message (self->join_error_label, error->message);
      return;
    }
  reload_workshops (self, self->workshop_id);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (widget);
  FzpGongfuWorkshopsRow *worker = selected_row (self->worker_selection);
  const char *titles[] = { _("Last day of work"), _("Reason (optional)"), NULL };
  GtkWidget *entries[2];
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GDate today;
  char day[11];

  if (worker == NULL)
    return;
  fzp_gongfu_workshops_today (&today);
  fzp_gongfu_workshops_date_to_iso (&today, day);
  heading = g_strdup_printf (_("%s Leaves"), fzp_gongfu_workshops_row_get_field (worker, 0));
  dialog = form_dialog (self, heading, _("Their time here stays in the history; they may join again later."),
                        _("_Record Leaving"), titles, (const char *[]) { day, "", NULL }, entries);
  g_object_set_data (G_OBJECT (dialog), "date", entries[0]);
  g_object_set_data (G_OBJECT (dialog), "reason", entries[1]);
  g_object_set_data (G_OBJECT (dialog), "person", GSIZE_TO_POINTER (fzp_gongfu_workshops_row_get_other_id (worker)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_document (FzpGongfuWorkshopsPage *self,
                FzDocument             *doc,
                GError                 *error,
                GtkLabel               *error_label)
{
  g_autoptr(GError) print_error = NULL;

  if (doc == NULL)
    {
      show_message (error_label, error->message);
      return;
    }
  if (!fz_document_print (doc, parent_window (self), &print_error))
    show_message (error_label, print_error->message);
}

static void
statement_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       FzpGongfuWorkshopsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  guint64 year = 0;

  if (!g_str_equal (response, "go"))
    return;
  if (!g_ascii_string_to_unsigned (field_text (GTK_WIDGET (dialog), "year"), 10, 1900, 9999, &year, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("Year: “%s” is not a year"), field_text (GTK_WIDGET (dialog), "year"));
      show_message (self->join_error_label, message);
      return;
    }
  doc = fzp_gongfu_workshops_build_income_statement (self->context, person_id, (guint) year, &error);
  print_document (self, doc, error, self->join_error_label);
}

static void
print_statement_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (widget);
  FzpGongfuWorkshopsRow *worker = selected_row (self->worker_selection);
  const char *titles[] = { _("Year"), NULL };
  GtkWidget *entries[1];
  g_autofree char *heading = NULL;
  g_autofree char *year = NULL;
  GtkWidget *dialog;
  GDate today;

  if (worker == NULL)
    return;
  fzp_gongfu_workshops_today (&today);
  year = g_strdup_printf ("%u", g_date_get_year (&today));
  heading = g_strdup_printf (_("Income Statement of %s"), fzp_gongfu_workshops_row_get_field (worker, 0));
  dialog = form_dialog (self, heading, _("Every month of pay in any workshop in the year, with the total."),
                        _("_Print"), titles, (const char *[]) { year, NULL }, entries);
  g_object_set_data (G_OBJECT (dialog), "year", entries[0]);
  g_object_set_data (G_OBJECT (dialog), "person", GSIZE_TO_POINTER (fzp_gongfu_workshops_row_get_other_id (worker)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (statement_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Workshops */

static void
workshop_saved_cb (FzpGongfuWorkshopsPage *self,
                   gint64                  id)
{
  reload_workshops (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (widget);
  GtkWidget *dialog = fzp_gongfu_workshops_workshop_dialog_new (parent_window (self), self->context, 0);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (workshop_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (widget);
  GtkWidget *dialog;

  if (self->workshop_id == 0)
    return;
  dialog = fzp_gongfu_workshops_workshop_dialog_new (parent_window (self), self->context, self->workshop_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (workshop_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_response_cb (AdwMessageDialog       *dialog,
                   const char             *response,
                   FzpGongfuWorkshopsPage *self)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  if (!g_str_equal (response, "go"))
    return;
  if (!fz_parse_date (field_text (GTK_WIDGET (dialog), "date"), _("Closed"), &day, &error) ||
      !fzp_gongfu_workshops_close_workshop (self->context, self->workshop_id, &day, &error))
    {
      show_message (self->join_error_label, error->message);
      return;
    }
  reload_workshops (self, self->workshop_id);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (widget);
  const char *titles[] = { _("Closed on"), NULL };
  GtkWidget *entries[1];
  GtkWidget *dialog;
  GDate today;
  char day[11];

  if (self->workshop_id == 0)
    return;
  fzp_gongfu_workshops_today (&today);
  fzp_gongfu_workshops_date_to_iso (&today, day);
  dialog = form_dialog (self, _("Close the Workshop?"),
                        _("Everyone still working there leaves on that day. Its history and pay are kept."),
                        _("_Close Workshop"), titles, (const char *[]) { day, NULL }, entries);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_DESTRUCTIVE);
  /* Closing is not undone: Enter in the date does not close it. */
  gtk_entry_set_activates_default (GTK_ENTRY (entries[0]), FALSE);
  g_object_set_data (G_OBJECT (dialog), "date", entries[0]);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_roster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  if (self->workshop_id == 0)
    return;
  doc = fzp_gongfu_workshops_build_roster (self->context, self->workshop_id, NULL, &error);
  print_document (self, doc, error, self->join_error_label);
}

static void
pay_saved_cb (FzpGongfuWorkshopsPage *self)
{
  gint64 id = self->workshop_id;

  /* The month form keeps its own state; only the figures change. */
  update_summary (self);
  if (id != 0)
    {
      FzpGongfuWorkshopsScope scope = { id, NULL, 0, 0 };
      FzpGongfuWorkshopsFigures f;
      GDate today;

      fzp_gongfu_workshops_today (&today);
      scope.year = g_date_get_year (&today);
      if (fzp_gongfu_workshops_compute_figures (self->context, &scope, &f, NULL))
        fill_stats (self->figures_box, &f, scope.year, FALSE, NULL);
    }
}

/* Orders */

static void
order_changed_cb (FzpGongfuWorkshopsPage *self)
{
  GtkWidget *entries[] = {
    GTK_WIDGET (self->order_partner_entry), GTK_WIDGET (self->order_product_entry),
    GTK_WIDGET (self->order_quantity_entry), GTK_WIDGET (self->order_value_entry),
    GTK_WIDGET (self->order_from_entry), GTK_WIDGET (self->order_to_entry),
  };

  gtk_label_set_text (self->order_error_label, "");
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    mark_invalid (entries[i], NULL);
}

static void
partner_clicked_cb (FzpGongfuWorkshopsPage *self)
{
  g_autoptr(FzOrganization) org = NULL;
  g_autoptr(GError) error = NULL;

  if (self->workshop_id == 0)
    return;
  org = fzp_gongfu_workshops_lookup_organization (self->context,
                                                  gtk_editable_get_text (GTK_EDITABLE (self->order_partner_entry)),
                                                  &error);
  if (org == NULL ||
      !fzp_gongfu_workshops_set_partner (self->context, self->workshop_id, fz_organization_get_id (org), TRUE, &error))
    {
      gtk_label_set_text (self->order_error_label, error->message);
      mark_invalid (GTK_WIDGET (self->order_partner_entry), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->order_partner_entry));
      return;
    }
  reload_orders (self);
}

static void
order_clicked_cb (FzpGongfuWorkshopsPage *self)
{
  g_autoptr(FzpGongfuWorkshopsOrder) order = g_new0 (FzpGongfuWorkshopsOrder, 1);
  g_autoptr(FzOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bad = NULL;
  double pieces = 0;

  if (self->workshop_id == 0)
    return;
  if ((org = fzp_gongfu_workshops_lookup_organization (
         self->context, gtk_editable_get_text (GTK_EDITABLE (self->order_partner_entry)), &error)) == NULL)
    bad = GTK_WIDGET (self->order_partner_entry);
  else if (!fzp_gongfu_workshops_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (self->order_quantity_entry)),
                                                 FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &pieces, &error))
    bad = GTK_WIDGET (self->order_quantity_entry);
  else if (!fzp_gongfu_workshops_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->order_value_entry)),
                                               _("Value"), &order->value, &error))
    bad = GTK_WIDGET (self->order_value_entry);
  else if (!fz_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->order_from_entry)), _("From"),
                           &order->starts, &error))
    bad = GTK_WIDGET (self->order_from_entry);
  else if (!fz_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->order_to_entry)), _("To"), &order->ends, &error))
    bad = GTK_WIDGET (self->order_to_entry);
  else
    {
      order->workshop_id = self->workshop_id;
      order->organization_id = fz_organization_get_id (org);
      order->product = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->order_product_entry)));
      order->quantity = (gint64) pieces;
      if (!fzp_gongfu_workshops_add_order (self->context, order, &error))
        bad = is_about (error->message, _("Product")) ? GTK_WIDGET (self->order_product_entry)
            : is_about (error->message, _("Quantity")) ? GTK_WIDGET (self->order_quantity_entry)
            : is_about (error->message, _("Value")) ? GTK_WIDGET (self->order_value_entry)
            : GTK_WIDGET (self->order_from_entry);
    }
  if (bad)
    {
      gtk_label_set_text (self->order_error_label, error->message);
      mark_invalid (bad, error->message);
      gtk_widget_grab_focus (bad);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->order_product_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->order_quantity_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->order_value_entry), "");
  reload_orders (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->order_product_entry));
}

/* Life */

static void
fzp_gongfu_workshops_page_dispose (GObject *object)
{
  FzpGongfuWorkshopsPage *self = FZP_GONGFU_WORKSHOPS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_GONGFU_WORKSHOPS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->worker_selection);
  g_clear_object (&self->workshops);
  g_clear_object (&self->workers);
  g_clear_object (&self->orders);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_gongfu_workshops_page_parent_class)->dispose (object);
}

static void
fzp_gongfu_workshops_page_class_init (FzpGongfuWorkshopsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_gongfu_workshops_page_dispose;

  g_type_ensure (FZP_TYPE_GONGFU_WORKSHOPS_PAY_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/gongfu-workshops/fzp-gongfu-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, workshop_list);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, standard_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, join_person_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, join_date_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, join_error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, former_check);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, workers_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, workers_view);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, pay_form);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, partners_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_partner_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_product_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_quantity_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_value_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_from_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_to_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, order_error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, orders_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPage, orders_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, join_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, join_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, former_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, pay_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_changed_cb);

  gtk_widget_class_install_action (widget_class, "workshops.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "workshops.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "workshops.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "workshops.print-roster", NULL, print_roster_action);
  gtk_widget_class_install_action (widget_class, "workshops.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "workshops.print-statement", NULL, print_statement_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "workshops.new", NULL);
}

static void
fzp_gongfu_workshops_page_init (FzpGongfuWorkshopsPage *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->workshops = g_list_store_new (FZP_TYPE_GONGFU_WORKSHOPS_ROW);
  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->workshops)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (workshop_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (workshop_bind_cb), NULL);
  gtk_list_view_set_factory (self->workshop_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->workshop_list, GTK_SELECTION_MODEL (self->selection));

  self->workers = g_list_store_new (FZP_TYPE_GONGFU_WORKSHOPS_ROW);
  self->worker_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->workers)));
  gtk_single_selection_set_autoselect (self->worker_selection, TRUE);
  g_signal_connect_object (self->worker_selection, "notify::selected", G_CALLBACK (worker_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->workers_view, GTK_SELECTION_MODEL (self->worker_selection));
  add_column (self->workers_view, _("Name"), 0, 6, FALSE);
  add_column (self->workers_view, _("Identity number"), 1, 18, FALSE);
  add_column (self->workers_view, _("Joined"), 2, 10, FALSE);
  add_column (self->workers_view, _("Left"), 3, 10, FALSE);
  add_column (self->workers_view, _("Reason for leaving"), 4, 8, TRUE);

  self->orders = g_list_store_new (FZP_TYPE_GONGFU_WORKSHOPS_ROW);
  {
    g_autoptr(GtkNoSelection) none = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->orders)));
    gtk_column_view_set_model (self->orders_view, GTK_SELECTION_MODEL (none));
  }
  add_column (self->orders_view, _("Partner"), 0, 12, TRUE);
  add_column (self->orders_view, _("Product"), 1, 8, TRUE);
  add_column (self->orders_view, _("Quantity"), 2, 6, FALSE);
  add_column (self->orders_view, _("Value (yuan)"), 3, 10, FALSE);
  add_column (self->orders_view, _("From"), 4, 10, FALSE);
  add_column (self->orders_view, _("To"), 5, 10, FALSE);
}

GtkWidget *
fzp_gongfu_workshops_page_new (FzContext *context)
{
  FzpGongfuWorkshopsPage *self = g_object_new (FZP_TYPE_GONGFU_WORKSHOPS_PAGE, NULL);

  self->context = g_object_ref (context);
  fzp_gongfu_workshops_pay_form_set_context (self->pay_form, context);
  reload_workshops (self, 0);
  return GTK_WIDGET (self);
}

gboolean
fzp_gongfu_workshops_page_select_workshop (FzpGongfuWorkshopsPage *self,
                                           gint64                  id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzpGongfuWorkshopsRow) row = g_list_model_get_item (model, i);

      if (fzp_gongfu_workshops_row_get_id (row) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  return id == 0;
}
