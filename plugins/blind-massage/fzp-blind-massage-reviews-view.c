/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-documents.h"
#include "fzp-blind-massage-reviews-view.h"
#include "fzp-blind-massage-row.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

struct _FzpBlindMassageReviewsView
{
  AdwBin               parent_instance;
  FzContext           *context;
  GListStore          *store;
  GtkSingleSelection  *selection;
  GPtrArray           *items;     /* FzpBlindMassageReviewItem, as listed */
  GPtrArray           *codes;     /* county codes of the drop-down, NULL first */

  GtkEntry            *on_date;
  GtkDropDown         *county;
  GtkCheckButton      *overdue_only;
  GtkStack            *list_stack;
  GtkColumnView       *list;
  AdwStatusPage       *empty;
  GtkLabel            *count;
  AdwStatusPage       *none_selected;
  GtkBox              *form;
  AdwPreferencesGroup *form_group;
  AdwActionRow        *credits;
  AdwComboRow         *result;
  GtkEntry            *done_on;
  GtkEntry            *notes;
  GtkLabel            *error;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassageReviewsView, fzp_blind_massage_reviews_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static FzpBlindMassageReviewItem *
selected_item (FzpBlindMassageReviewsView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->selection);

  for (guint i = 0; row && i < self->items->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (self->items, i);
      if (item->practitioner_id == fzp_blind_massage_row_get_id (row)
          && item->year == fzp_blind_massage_row_get_extra (row))
        return item;
    }
  return NULL;
}

static void
show_form (FzpBlindMassageReviewsView *self)
{
  FzpBlindMassageReviewItem *item = selected_item (self);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *have = NULL;
  g_autofree char *need = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->result), GTK_WIDGET (self->done_on), GTK_WIDGET (self->notes), NULL };

  gtk_widget_set_visible (GTK_WIDGET (self->form), item != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->none_selected), item == NULL);
  fzp_blind_massage_ui_show_error (self->error, NULL, NULL, fields);
  if (item == NULL)
    return;

  /* TRANSLATORS: a year and a name */
  title = g_strdup_printf (_("Review of %d for %s"), item->year, item->name);
  adw_preferences_group_set_title (self->form_group, title);
  adw_preferences_group_set_description (self->form_group, item->id_number);

  /* Said before anything is typed: how far the year's continuing education
   * is from what a pass needs. */
  have = fzp_blind_massage_format_hours (item->earned);
  need = fzp_blind_massage_format_hours (item->required);
  if (item->short_by > 0)
    {
      g_autofree char *missing = fzp_blind_massage_format_hours (item->short_by);
      /* TRANSLATORS: hours short, hours done, hours required */
      text = g_strdup_printf (_("%s class hours short (%s of %s): the review cannot pass until they are made up"),
                              missing, have, need);
      gtk_widget_add_css_class (GTK_WIDGET (self->credits), "warning");
    }
  else
    {
      /* TRANSLATORS: hours done, hours required */
      text = g_strdup_printf (_("%s of %s class hours: complete"), have, need);
      gtk_widget_remove_css_class (GTK_WIDGET (self->credits), "warning");
    }
  escaped = g_markup_escape_text (text, -1);
  adw_action_row_set_subtitle (self->credits, escaped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->credits), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  /* Short of hours, the likely outcome is a deferral, not a pass. */
  adw_combo_row_set_selected (self->result, item->short_by > 0 ? 2 : 0);
  if (g_date_valid (&item->done_on))
    {
      g_autofree char *done = fzp_blind_massage_date_to_iso (&item->done_on);
      gtk_editable_set_text (GTK_EDITABLE (self->done_on), done);
      adw_combo_row_set_selected (self->result, item->result == FZP_BLIND_MASSAGE_RESULT_FAILED ? 1
                                                : item->result == FZP_BLIND_MASSAGE_RESULT_DEFERRED ? 2 : 0);
    }
  else
    {
      g_autofree char *today = fzp_blind_massage_ui_today ();
      gtk_editable_set_text (GTK_EDITABLE (self->done_on), today);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->notes), item->notes ? item->notes : "");
}

static void
load (FzpBlindMassageReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  FzpBlindMassageRow *previous = fzp_blind_massage_ui_get_selected (self->selection);
  gint64 keep_id = previous ? fzp_blind_massage_row_get_id (previous) : 0;
  gint64 keep_year = previous ? fzp_blind_massage_row_get_extra (previous) : 0;
  guint county = gtk_drop_down_get_selected (self->county);
  guint due = 0, overdue = 0, keep = GTK_INVALID_LIST_POSITION;
  g_autofree char *summary = NULL;
  GDate on;

  if (!fzp_blind_massage_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->on_date)), "", TRUE, &on, NULL)
      || !g_date_valid (&on))
    g_date_set_time_t (&on, time (NULL));
  query.on = &on;
  query.county_code = county < self->codes->len ? g_ptr_array_index (self->codes, county) : NULL;
  query.flags = gtk_check_button_get_active (self->overdue_only) ? FZP_BLIND_MASSAGE_LIST_OVERDUE : 0;
  items = fzp_blind_massage_list_reviews (self->context, &query, &error);
  if (items == NULL)
    {
      g_warning ("Could not list the reviews: %s", error->message);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_blind_massage_review_item_free);
    }

  g_list_store_remove_all (self->store);
  for (guint i = 0; i < items->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (items, i);
      g_autofree char *year = g_strdup_printf ("%d", item->year);
      g_autofree char *due_on = fzp_blind_massage_date_to_iso (&item->due);
      g_autofree char *have = fzp_blind_massage_format_hours (item->earned);
      g_autofree char *need = fzp_blind_massage_format_hours (item->required);
      g_autofree char *hours = g_strdup_printf ("%s/%s", have, need);
      g_autofree char *short_by = item->short_by > 0 ? fzp_blind_massage_format_hours (item->short_by) : g_strdup ("");
      const char *fields[] = {
        item->name, item->id_number, item->county_name, year,
        fzp_blind_massage_review_state_to_string (item->state), due_on, hours, short_by,
        fzp_blind_massage_result_to_string (item->result),
      };
      g_autoptr(FzpBlindMassageRow) row = fzp_blind_massage_row_new (item->practitioner_id, item->year, fields,
                                                                     G_N_ELEMENTS (fields));

      if (item->state == FZP_BLIND_MASSAGE_REVIEW_OVERDUE)
        overdue++;
      else
        due++;
      if (item->practitioner_id == keep_id && item->year == keep_year)
        keep = i;
      g_list_store_append (self->store, row);
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  gtk_single_selection_set_selected (self->selection, keep);

  /* TRANSLATORS: numbers of reviews */
  summary = g_strdup_printf (_("%u due, %u overdue"), due, overdue);
  gtk_label_set_text (self->count, summary);
  gtk_stack_set_visible_child_name (self->list_stack, self->items->len ? "list" : "empty");
  show_form (self);
}

static void
filter_changed_cb (FzpBlindMassageReviewsView *self)
{
  if (self->codes)
    load (self);
}

/* A date is read once it is whole. */
static void
date_changed_cb (FzpBlindMassageReviewsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->on_date));
  GDate date;

  if (self->codes && (*text == '\0' || fzp_blind_massage_parse_date (text, "", TRUE, &date, NULL)))
    load (self);
}

static void
selection_changed_cb (FzpBlindMassageReviewsView *self)
{
  show_form (self);
}

static void
record_clicked_cb (FzpBlindMassageReviewsView *self)
{
  FzpBlindMassageReviewItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->result), GTK_WIDGET (self->done_on), GTK_WIDGET (self->notes), NULL };
  static const FzpBlindMassageResult results[] = {
    FZP_BLIND_MASSAGE_RESULT_PASSED, FZP_BLIND_MASSAGE_RESULT_FAILED, FZP_BLIND_MASSAGE_RESULT_DEFERRED
  };
  guint chosen = MIN (adw_combo_row_get_selected (self->result), 2);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  int year;
  GDate date;

  if (item == NULL)
    return;
  name = g_strdup (item->name);
  year = item->year;
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->done_on), FALSE, &date, &error)
      || !fzp_blind_massage_record_review (self->context, item->practitioner_id, item->year, results[chosen], &date,
                                           gtk_editable_get_text (GTK_EDITABLE (self->notes)), &error))
    {
      /* The credits message is about the result chosen: mark the result. */
      fzp_blind_massage_ui_show_error (self->error, error->message, GTK_WIDGET (self->result), fields);
      return;
    }
  /* TRANSLATORS: a year, a name, a result */
  message = g_strdup_printf (_("Review of %d for %s: %s"), year, name, fzp_blind_massage_result_to_string (results[chosen]));
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
print_clicked_cb (FzpBlindMassageReviewsView *self)
{
  FzpBlindMassageReviewItem *item = selected_item (self);
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { NULL };

  if (item == NULL)
    return;
  g_hash_table_insert (params, (gpointer) "person", g_strdup (item->id_number));
  g_hash_table_insert (params, (gpointer) "year", g_strdup_printf ("%d", item->year));
  doc = fzp_blind_massage_build_document (self->context, fzp_blind_massage_find_document ("review-record"), params,
                                          &error);
  if (doc == NULL || !fz_document_print (doc, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error))
    fzp_blind_massage_ui_show_error (self->error, error->message, NULL, fields);
}

void
fzp_blind_massage_reviews_view_reload (FzpBlindMassageReviewsView *self)
{
  g_return_if_fail (FZP_IS_BLIND_MASSAGE_REVIEWS_VIEW (self));
  load (self);
}

static void
fzp_blind_massage_reviews_view_dispose (GObject *object)
{
  FzpBlindMassageReviewsView *self = FZP_BLIND_MASSAGE_REVIEWS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_REVIEWS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_blind_massage_reviews_view_parent_class)->dispose (object);
}

static void
fzp_blind_massage_reviews_view_class_init (FzpBlindMassageReviewsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_reviews_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-reviews-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpBlindMassageReviewsView, name)
  CHILD (on_date); CHILD (county); CHILD (overdue_only); CHILD (list_stack); CHILD (list); CHILD (empty);
  CHILD (count); CHILD (none_selected); CHILD (form); CHILD (form_group); CHILD (credits); CHILD (result);
  CHILD (done_on); CHILD (notes); CHILD (error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
}

static void
fzp_blind_massage_reviews_view_init (FzpBlindMassageReviewsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_blind_massage_reviews_view_new (FzContext *context)
{
  FzpBlindMassageReviewsView *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_REVIEWS_VIEW, NULL);
  g_autoptr(GtkStringList) counties = NULL;
  g_autofree char *today = fzp_blind_massage_ui_today ();
  GPtrArray *codes = NULL;

  self->context = g_object_ref (context);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_blind_massage_review_item_free);
  self->store = g_list_store_new (FZP_TYPE_BLIND_MASSAGE_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  fzp_blind_massage_ui_add_column (self->list, _("Name"), 0, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Year"), 3, 4, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("State"), 4, 8, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Due date"), 5, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Class hours"), 6, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Short by"), 7, 4, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Result"), 8, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("County"), 2, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->list, _("Identity number"), 1, 19, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->on_date), today);
  counties = fzp_blind_massage_ui_counties (fz_context_get_database (context), _("Whole city"), &codes);
  gtk_drop_down_set_model (self->county, G_LIST_MODEL (counties));
  self->codes = codes;
  load (self);
  return GTK_WIDGET (self);
}
