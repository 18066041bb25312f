/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-form.h"
#include "fzp-welfare-posts-posts-view.h"
#include "fzp-welfare-posts-row.h"
#include "fzp-welfare-posts-store.h"
#include "fzp-welfare-posts-transfer.h"

struct _FzpWelfarePostsPostsView
{
  AdwBin               parent_instance;
  FzContext           *context;
  GPtrArray           *counties;   /* FzCounty */
  GListStore          *rows;
  GtkSingleSelection  *selection;
  gint64               editing;    /* the post in the form, 0 for a new one */

  GtkDropDown         *county_filter;
  GtkCheckButton      *open_only;
  GtkStack            *list_stack;
  GtkColumnView       *list;
  AdwPreferencesGroup *form_group;
  GtkEntry            *name_entry;
  AdwComboRow         *kind_row;
  GtkEntry            *organization_entry;
  GtkEntry            *credit_code_entry;
  AdwComboRow         *county_row;
  GtkEntry            *township_entry;
  GtkEntry            *places_entry;
  GtkEntry            *pay_entry;
  GtkEntry            *funding_entry;
  GtkEntry            *created_entry;
  GtkEntry            *closed_entry;
  GtkEntry            *code_entry;
  GtkLabel            *error_label;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (FzpWelfarePostsPostsView, fzp_welfare_posts_posts_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_problem (FzpWelfarePostsPostsView *self,
              const char               *message)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_entry), GTK_WIDGET (self->kind_row), GTK_WIDGET (self->organization_entry),
    GTK_WIDGET (self->credit_code_entry), GTK_WIDGET (self->county_row), GTK_WIDGET (self->township_entry),
    GTK_WIDGET (self->places_entry), GTK_WIDGET (self->pay_entry), GTK_WIDGET (self->funding_entry),
    GTK_WIDGET (self->created_entry), GTK_WIDGET (self->closed_entry), GTK_WIDGET (self->code_entry),
  };
  GtkWidget *first = fzp_welfare_posts_form_show (self->error_label, rows, G_N_ELEMENTS (rows), message);

  if (first)
    gtk_widget_grab_focus (first);
}

void
fzp_welfare_posts_posts_view_reload (FzpWelfarePostsPostsView *self)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  guint county = gtk_drop_down_get_selected (self->county_filter);
  const char *code = NULL;
  GDate today;
  char day[11];

  if (self->context == NULL)
    return;
  if (county != GTK_INVALID_LIST_POSITION && county > 0 && county <= self->counties->len)
    code = ((FzCounty *) g_ptr_array_index (self->counties, county - 1))->code;
  fzp_welfare_posts_today (&today);
  fzp_welfare_posts_format_date (&today, day);
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT p.id, p.code, p.name, CASE p.kind WHEN 'care' THEN ?4 WHEN 'liaison' THEN ?5 "
                          "WHEN 'home-station' THEN ?6 ELSE ?7 END, o.name, c.name, p.places, "
                          "(SELECT count(*) FROM welfare_posts_placement pl WHERE pl.post_id = p.id "
                          " AND pl.start_date <= ?3 AND (pl.end_date IS NULL OR pl.end_date >= ?3)), "
                          "p.created, p.closed FROM welfare_posts_post p "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE (?1 IS NULL OR p.county_code = ?1) "
                          "AND (?2 = 0 OR p.closed IS NULL OR p.closed >= ?3) ORDER BY c.sort, p.code",
                          g_variant_new ("(@msbsssss)",
                                         g_variant_new_maybe (G_VARIANT_TYPE_STRING,
                                                              code ? g_variant_new_string (code) : NULL),
                                         gtk_check_button_get_active (self->open_only), day,
                                         fzp_welfare_posts_kind_to_string (FZP_WELFARE_POSTS_KIND_CARE),
                                         fzp_welfare_posts_kind_to_string (FZP_WELFARE_POSTS_KIND_LIAISON),
                                         fzp_welfare_posts_kind_to_string (FZP_WELFARE_POSTS_KIND_HOME_STATION),
                                         fzp_welfare_posts_kind_to_string (FZP_WELFARE_POSTS_KIND_OTHER)),
                          &error);
  if (st)
    fzp_welfare_posts_row_fill (self->rows, st, &error);
  if (error)
    g_warning ("Could not list the posts: %s", error->message);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) ? "list" : "empty");
}

static void
filter_changed_cb (FzpWelfarePostsPostsView *self)
{
  fzp_welfare_posts_posts_view_reload (self);
}

static void
clear_form (FzpWelfarePostsPostsView *self)
{
  GtkEntry *entries[] = { self->name_entry, self->organization_entry, self->credit_code_entry, self->township_entry,
                          self->places_entry, self->pay_entry, self->funding_entry, self->closed_entry, self->code_entry };

  self->editing = 0;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
  fzp_welfare_posts_form_set_today (self->created_entry);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_entry), TRUE);
  adw_preferences_group_set_title (self->form_group, _("New Post"));
  gtk_button_set_label (self->save_button, _("_Add Post"));
  show_problem (self, NULL);
}

static void
new_clicked_cb (FzpWelfarePostsPostsView *self)
{
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  clear_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
set_combo_to_county (FzpWelfarePostsPostsView *self,
                     const char               *code)
{
  for (guint i = 0; i < self->counties->len; i++)
    if (g_strcmp0 (((FzCounty *) g_ptr_array_index (self->counties, i))->code, code) == 0)
      adw_combo_row_set_selected (self->county_row, i);
}

/* Puts the selected post into the form, to change or close it. */
static void
selection_changed_cb (FzpWelfarePostsPostsView *self)
{
  FzpWelfarePostsRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *title = NULL;

  if (row == NULL)
    return;
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT p.code, p.name, p.kind, o.name, o.credit_code, p.county_code, p.township, "
                          "p.places, CASE WHEN p.monthly_pay IS NULL THEN NULL ELSE printf('%.2f', p.monthly_pay) END, "
                          "p.funding, p.created, p.closed FROM welfare_posts_post p "
                          "JOIN fz_organization o ON o.id = p.organization_id WHERE p.id = ?1",
                          g_variant_new ("(x)", fzp_welfare_posts_row_get_id (row)), NULL);
  if (st == NULL || !fz_statement_step (st, NULL))
    return;
  clear_form (self);
  self->editing = fzp_welfare_posts_row_get_id (row);
#define SET(entry, column) \
  gtk_editable_set_text (GTK_EDITABLE (entry), fz_statement_get_text (st, column) ? fz_statement_get_text (st, column) : "")
  SET (self->code_entry, 0);
  SET (self->name_entry, 1);
  SET (self->organization_entry, 3);
  SET (self->credit_code_entry, 4);
  SET (self->township_entry, 6);
  SET (self->places_entry, 7);
  SET (self->pay_entry, 8);
  SET (self->funding_entry, 9);
  SET (self->created_entry, 10);
  SET (self->closed_entry, 11);
#undef SET
  adw_combo_row_set_selected (self->kind_row,
                              (guint) fzp_welfare_posts_kind_from_nick (fz_statement_get_text (st, 2)) - 1);
  set_combo_to_county (self, fz_statement_get_text (st, 5));
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_entry), FALSE);
  title = g_strdup_printf (_("Post %s"), fz_statement_get_text (st, 0));
  adw_preferences_group_set_title (self->form_group, title);
  gtk_button_set_label (self->save_button, _("_Save Post"));
}

static void
save_clicked_cb (FzpWelfarePostsPostsView *self)
{
  g_autoptr(GError) error = NULL;
  guint county = adw_combo_row_get_selected (self->county_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  FzpWelfarePostsPostFields f = {
    fzp_welfare_posts_form_text (self->code_entry),
    fzp_welfare_posts_form_text (self->name_entry),
    kind < FZP_WELFARE_POSTS_KIND_LAST ? fzp_welfare_posts_kind_to_nick (kind + 1) : NULL,
    fzp_welfare_posts_form_text (self->organization_entry),
    fzp_welfare_posts_form_text (self->credit_code_entry),
    county < self->counties->len ? ((FzCounty *) g_ptr_array_index (self->counties, county))->code : NULL,
    fzp_welfare_posts_form_text (self->township_entry),
    fzp_welfare_posts_form_text (self->places_entry),
    fzp_welfare_posts_form_text (self->pay_entry),
    fzp_welfare_posts_form_text (self->funding_entry),
    fzp_welfare_posts_form_text (self->created_entry),
    fzp_welfare_posts_form_text (self->closed_entry),
  };
  gint64 id = 0;

  if (!fzp_welfare_posts_save_post (self->context, &f, &id, NULL, &error))
    {
      show_problem (self, error->message);
      return;
    }
  clear_form (self);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
field_changed_cb (FzpWelfarePostsPostsView *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    show_problem (self, NULL);
}

static void
import_clicked_cb (FzpWelfarePostsPostsView *self)
{
  fzp_welfare_posts_transfer_import (GTK_WIDGET (self), self->context, TRUE);
}

static void
export_clicked_cb (FzpWelfarePostsPostsView *self)
{
  fzp_welfare_posts_transfer_export (GTK_WIDGET (self), self->context, TRUE);
}

static void
fzp_welfare_posts_posts_view_dispose (GObject *object)
{
  FzpWelfarePostsPostsView *self = FZP_WELFARE_POSTS_POSTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_WELFARE_POSTS_POSTS_VIEW);
  g_clear_object (&self->context);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_welfare_posts_posts_view_parent_class)->dispose (object);
}

static void
fzp_welfare_posts_posts_view_class_init (FzpWelfarePostsPostsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_welfare_posts_posts_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/welfare-posts/fzp-welfare-posts-posts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, county_filter);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, open_only);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, list);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, form_group);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, organization_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, credit_code_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, county_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, township_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, places_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, pay_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, funding_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, created_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, closed_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, code_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPostsView, save_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
fzp_welfare_posts_posts_view_init (FzpWelfarePostsPostsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int k = FZP_WELFARE_POSTS_KIND_CARE; k <= FZP_WELFARE_POSTS_KIND_LAST; k++)
    gtk_string_list_append (kinds, fzp_welfare_posts_kind_to_string (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->rows = g_list_store_new (FZP_TYPE_WELFARE_POSTS_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  fzp_welfare_posts_row_add_column (self->list, _("Code"), 0, 110, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Post"), 1, 170, TRUE);
  fzp_welfare_posts_row_add_column (self->list, _("Kind"), 2, 150, TRUE);
  fzp_welfare_posts_row_add_column (self->list, _("Organization"), 3, 170, TRUE);
  fzp_welfare_posts_row_add_column (self->list, _("County"), 4, 70, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Places"), 5, 60, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("In Post"), 6, 60, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Created"), 7, 96, FALSE);
  fzp_welfare_posts_row_add_column (self->list, _("Closed"), 8, 96, FALSE);

  fzp_welfare_posts_form_describe (GTK_WIDGET (self->created_entry), _("A date, as 2025-03-01"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->closed_entry), _("Empty while the post is open"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->code_entry), _("Empty: a code is given, as 330802-0001"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->organization_entry),
                                   _("Found in the registry by name or credit code; a new one is added to it"));
}

void
fzp_welfare_posts_posts_view_set_context (FzpWelfarePostsPostsView *self,
                                          FzContext                *context)
{
  g_autoptr(GtkStringList) filter = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_set_object (&self->context, context);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  self->counties = fz_county_list (fz_context_get_database (context), NULL);
  if (self->counties == NULL)
    self->counties = g_ptr_array_new ();
  gtk_string_list_append (filter, _("All counties"));
  for (guint i = 0; i < self->counties->len; i++)
    {
      const char *name = ((FzCounty *) g_ptr_array_index (self->counties, i))->name;
      gtk_string_list_append (filter, name);
      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->county_filter, G_LIST_MODEL (filter));
  adw_combo_row_set_model (self->county_row, G_LIST_MODEL (names));
  clear_form (self);
  fzp_welfare_posts_posts_view_reload (self);
}
