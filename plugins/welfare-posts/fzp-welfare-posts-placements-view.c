/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-form.h"
#include "fzp-welfare-posts-placements-view.h"
#include "fzp-welfare-posts-row.h"
#include "fzp-welfare-posts-store.h"
#include "fzp-welfare-posts-transfer.h"

struct _FzpWelfarePostsPlacementsView
{
  AdwBin               parent_instance;
  FzContext           *context;
  GListStore          *rows;
  GtkSingleSelection  *selection;

  GtkDropDown         *scope;
  GtkStack            *list_stack;
  GtkColumnView       *list;
  AdwPreferencesGroup *end_group;
  GtkEntry            *last_day_entry;
  GtkEntry            *reason_entry;
  GtkLabel            *error_label;
  GtkButton           *end_button;
};

G_DEFINE_FINAL_TYPE (FzpWelfarePostsPlacementsView, fzp_welfare_posts_placements_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
fzp_welfare_posts_placements_view_reload (FzpWelfarePostsPlacementsView *self)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all = gtk_drop_down_get_selected (self->scope) == 1;
  GDate today;
  char day[11];

  if (self->context == NULL)
    return;
  fzp_welfare_posts_today (&today);
  fzp_welfare_posts_format_date (&today, day);
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT pl.id, pl.id, pe.name, pe.id_number, p.code || ' ' || p.name, o.name, c.name, "
                          "pl.start_date, pl.end_date, CASE pl.basis WHEN 'graduate' THEN ?3 || ' ' || pl.graduation_year "
                          "ELSE ?4 END FROM welfare_posts_placement pl "
                          "JOIN fz_person pe ON pe.id = pl.person_id JOIN welfare_posts_post p ON p.id = pl.post_id "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE ?1 OR (pl.start_date <= ?2 AND (pl.end_date IS NULL OR pl.end_date >= ?2)) "
                          "ORDER BY pl.start_date DESC, pl.id DESC",
                          g_variant_new ("(bsss)", all, day, _("Graduate of"), _("Recognition")), &error);
  if (st)
    fzp_welfare_posts_row_fill (self->rows, st, &error);
  if (error)
    g_warning ("Could not list the placements: %s", error->message);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) ? "list" : "empty");
}

static void
scope_changed_cb (FzpWelfarePostsPlacementsView *self)
{
  fzp_welfare_posts_placements_view_reload (self);
}

static void
selection_changed_cb (FzpWelfarePostsPlacementsView *self)
{
  FzpWelfarePostsRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->end_group), row != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_button), row != NULL);
  if (row == NULL)
    {
      adw_preferences_group_set_title (self->end_group, _("End a Placement"));
      adw_preferences_group_set_description (self->end_group, _("Choose a placement in the list first."));
      return;
    }
  /* Translators: placement number, person's name */
  title = g_strdup_printf (_("End Placement No. %s of %s"), fzp_welfare_posts_row_get_text (row, 0),
                           fzp_welfare_posts_row_get_text (row, 1));
  adw_preferences_group_set_title (self->end_group, title);
  adw_preferences_group_set_description (self->end_group, NULL);
  fzp_welfare_posts_form_show (self->error_label, NULL, 0, NULL);
}

static void
end_clicked_cb (FzpWelfarePostsPlacementsView *self)
{
  FzpWelfarePostsRow *row = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *rows[] = { GTK_WIDGET (self->last_day_entry), GTK_WIDGET (self->reason_entry) };
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    return;
  if (!fzp_welfare_posts_end_placement (self->context, fzp_welfare_posts_row_get_id (row),
                                        fzp_welfare_posts_form_text (self->last_day_entry),
                                        fzp_welfare_posts_form_text (self->reason_entry), &error))
    {
      GtkWidget *first = fzp_welfare_posts_form_show (self->error_label, rows, G_N_ELEMENTS (rows), error->message);
      if (first)
        gtk_widget_grab_focus (first);
      return;
    }
  fzp_welfare_posts_form_show (self->error_label, rows, G_N_ELEMENTS (rows), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
import_clicked_cb (FzpWelfarePostsPlacementsView *self)
{
  fzp_welfare_posts_transfer_import (GTK_WIDGET (self), self->context, FALSE);
}

static void
export_clicked_cb (FzpWelfarePostsPlacementsView *self)
{
  fzp_welfare_posts_transfer_export (GTK_WIDGET (self), self->context, FALSE);
}

static void
fzp_welfare_posts_placements_view_dispose (GObject *object)
{
  FzpWelfarePostsPlacementsView *self = FZP_WELFARE_POSTS_PLACEMENTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_WELFARE_POSTS_PLACEMENTS_VIEW);
  g_clear_object (&self->context);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (fzp_welfare_posts_placements_view_parent_class)->dispose (object);
}

static void
fzp_welfare_posts_placements_view_class_init (FzpWelfarePostsPlacementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_welfare_posts_placements_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/welfare-posts/fzp-welfare-posts-placements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, scope);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, list);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, end_group);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, last_day_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPlacementsView, end_button);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
fzp_welfare_posts_placements_view_init (FzpWelfarePostsPlacementsView *self)
{
  const char *scopes[] = { _("In posts today"), _("All placements"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (scopes);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->scope, G_LIST_MODEL (model));

  self->rows = g_list_store_new (FZP_TYPE_WELFARE_POSTS_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  fzp_welfare_posts_row_add_column (self->list, _("No."), 0, 50, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Name"), 1, 70, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Identity number"), 2, 165, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Post"), 3, 170, TRUE);
  fzp_welfare_posts_row_add_column (self->list, _("Organization"), 4, 170, TRUE);
  fzp_welfare_posts_row_add_column (self->list, _("County"), 5, 70, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Start"), 6, 96, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("End"), 7, 96, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Basis"), 8, 130, FALSE);
  selection_changed_cb (self);
}

void
fzp_welfare_posts_placements_view_set_context (FzpWelfarePostsPlacementsView *self,
                                               FzContext                     *context)
{
  g_set_object (&self->context, context);
  fzp_welfare_posts_form_set_today (self->last_day_entry);
  fzp_welfare_posts_placements_view_reload (self);
}
