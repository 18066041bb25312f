/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-form.h"
#include "fzp-welfare-posts-person-view.h"
#include "fzp-welfare-posts-store.h"

struct _FzpWelfarePostsPersonView
{
  AdwBin               parent_instance;
  FzContext           *context;
  FzPerson            *person;
  GPtrArray           *post_codes;  /* the codes of post_row's items */
  gint64               recognition; /* current, 0 when none */

  GtkEntry            *number_entry;
  GtkLabel            *lookup_error;
  AdwActionRow        *person_row;
  GtkWidget           *person_box;
  GtkEntry            *date_entry;
  AdwActionRow        *condition_rows[3];
  GtkImage            *condition_icons[3];
  GtkSwitch           *able_switch;
  GtkSwitch           *willing_switch;
  GtkSwitch           *supported_switch;
  AdwActionRow        *able_row;
  AdwActionRow        *willing_row;
  AdwActionRow        *supported_row;
  GtkEntry            *basis_entry;
  GtkEntry            *decided_entry;
  GtkLabel            *recognize_error;
  GtkWidget           *recognize_box;
  AdwPreferencesGroup *current_group;
  AdwActionRow        *current_row;
  GtkEntry            *last_day_entry;
  GtkEntry            *end_reason_entry;
  GtkLabel            *end_error;
  AdwComboRow         *post_row;
  GtkEntry            *start_entry;
  GtkEntry            *end_entry;
  AdwExpanderRow      *graduate_row;
  GtkEntry            *year_entry;
  GtkEntry            *school_entry;
  GtkLabel            *place_error;
  GtkListBox          *history;
};

G_DEFINE_FINAL_TYPE (FzpWelfarePostsPersonView, fzp_welfare_posts_person_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
reload_posts (FzpWelfarePostsPersonView *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr(FzStatement) st = NULL;
  GDate today;
  char day[11];

  g_ptr_array_set_size (self->post_codes, 0);
  fzp_welfare_posts_today (&today);
  fzp_welfare_posts_format_date (&today, day);
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT p.code, p.name, o.name, p.places - (SELECT count(*) FROM welfare_posts_placement pl "
                          " WHERE pl.post_id = p.id AND pl.start_date <= ?1 "
                          " AND (pl.end_date IS NULL OR pl.end_date >= ?1)), p.places "
                          "FROM welfare_posts_post p JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE p.closed IS NULL OR p.closed >= ?1 ORDER BY c.sort, p.code",
                          g_variant_new ("(s)", day), NULL);
  while (st && fz_statement_step (st, NULL))
    {
      /* Translators: post code, post name, organization, free places, places */
      g_autofree char *item = g_strdup_printf (_("%s %s — %s (%s of %s free today)"),
                                               fz_statement_get_text (st, 0), fz_statement_get_text (st, 1),
                                               fz_statement_get_text (st, 2), fz_statement_get_text (st, 3),
                                               fz_statement_get_text (st, 4));
      gtk_string_list_append (items, item);
      g_ptr_array_add (self->post_codes, fz_statement_dup_text (st, 0));
    }
  adw_combo_row_set_model (self->post_row, G_LIST_MODEL (items));
}

static void
reload_history (FzpWelfarePostsPersonView *self)
{
  g_autoptr(FzStatement) st = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history))))
    gtk_list_box_remove (self->history, child);
  if (self->person == NULL)
    return;
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT pl.id, p.code, p.name, o.name, pl.start_date, pl.end_date, pl.basis, "
                          "pl.graduation_year FROM welfare_posts_placement pl "
                          "JOIN welfare_posts_post p ON p.id = pl.post_id "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "WHERE pl.person_id = ?1 ORDER BY pl.start_date DESC",
                          g_variant_new ("(x)", fz_person_get_id (self->person)), NULL);
  while (st && fz_statement_step (st, NULL))
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s — %s", fz_statement_get_text (st, 1),
                                                fz_statement_get_text (st, 2), fz_statement_get_text (st, 3));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *basis = g_str_equal (fz_statement_get_text (st, 6), "graduate")
        ? g_strdup_printf (_("graduate of %s placed as a last resort"), fz_statement_get_text (st, 7))
        : g_strdup (_("hard-to-employ recognition"));
      g_autofree char *subtitle = fz_statement_is_null (st, 5)
        /* Translators: placement number, start, basis */
        ? g_strdup_printf (_("No. %s · from %s · %s"), fz_statement_get_text (st, 0), fz_statement_get_text (st, 4), basis)
        /* Translators: placement number, start, end, basis */
        : g_strdup_printf (_("No. %s · %s to %s · %s"), fz_statement_get_text (st, 0), fz_statement_get_text (st, 4),
                           fz_statement_get_text (st, 5), basis);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history, row);
    }
}

/* The registry's conditions on the recognition day, each with why. */
static void
update_conditions (FzpWelfarePostsPersonView *self)
{
  FzpWelfarePostsFacts facts = { 0 };
  g_autoptr(GError) error = NULL;
  GDate day;

  if (self->person == NULL)
    return;
  g_date_clear (&day, 1);
  if (!fz_parse_date (fzp_welfare_posts_form_text (self->date_entry), "", &day, NULL))
    fzp_welfare_posts_today (&day);
  if (!fzp_welfare_posts_registry_facts (self->context, self->person, &day, &facts, &error))
    {
      fzp_welfare_posts_form_show (self->recognize_error, NULL, 0, error->message);
      return;
    }
  for (int c = 0; c < 3; c++)
    {
      g_autofree char *why = NULL;
      gboolean holds = fzp_welfare_posts_condition_holds (&facts, c, &why);

      adw_action_row_set_subtitle (self->condition_rows[c], why);
      gtk_image_set_from_icon_name (self->condition_icons[c], holds ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->condition_icons[c]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      holds ? _("Met") : _("Not met"), -1);
      if (holds)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->condition_icons[c]), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->condition_icons[c]), "success");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->condition_icons[c]), "success");
          gtk_widget_add_css_class (GTK_WIDGET (self->condition_icons[c]), "error");
        }
    }
}

static void
update_recognition (FzpWelfarePostsPersonView *self)
{
  g_autoptr(FzStatement) st = NULL;
  GDate today;

  self->recognition = 0;
  if (self->person == NULL)
    return;
  fzp_welfare_posts_today (&today);
  self->recognition = fzp_welfare_posts_current_recognition (self->context, fz_person_get_id (self->person),
                                                             &today, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->current_group), self->recognition != 0);
  gtk_widget_set_visible (self->recognize_box, self->recognition == 0);
  if (self->recognition == 0)
    return;
  st = fz_database_query (fz_context_get_database (self->context),
                          "SELECT recognized_on, basis, decided_by, ended_on FROM welfare_posts_recognition "
                          "WHERE id = ?1", g_variant_new ("(x)", self->recognition), NULL);
  if (st && fz_statement_step (st, NULL))
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->recognition);
      /* Translators: recognition number, date */
      g_autofree char *title = g_strdup_printf (_("Recognition No. %s of %s"), number, fz_statement_get_text (st, 0));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", fz_statement_get_text (st, 1),
                                                   fz_statement_get_text (st, 2),
                                                   fz_statement_is_null (st, 3) ? "" : " · ",
                                                   fz_statement_is_null (st, 3) ? "" : fz_statement_get_text (st, 3));
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), title);
      adw_action_row_set_subtitle (self->current_row, escaped);
    }
}

void
fzp_welfare_posts_person_view_reload (FzpWelfarePostsPersonView *self)
{
  if (self->context == NULL)
    return;
  reload_posts (self);
  update_conditions (self);
  update_recognition (self);
  reload_history (self);
}

static void
clear_problems (FzpWelfarePostsPersonView *self)
{
  fzp_welfare_posts_form_show (self->recognize_error, NULL, 0, NULL);
  fzp_welfare_posts_form_show (self->place_error, NULL, 0, NULL);
  fzp_welfare_posts_form_show (self->end_error, NULL, 0, NULL);
}

static void
lookup_cb (FzpWelfarePostsPersonView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  GDate today;

  g_clear_object (&self->person);
  clear_problems (self);
  self->person = fzp_welfare_posts_find_person (self->context, fzp_welfare_posts_form_text (self->number_entry), &error);
  gtk_widget_set_visible (self->person_box, self->person != NULL);
  if (self->person == NULL)
    {
      fzp_welfare_posts_form_show_on (self->lookup_error, GTK_WIDGET (self->number_entry), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
      return;
    }
  fzp_welfare_posts_form_show_on (self->lookup_error, GTK_WIDGET (self->number_entry), NULL);
  fzp_welfare_posts_today (&today);
  /* Translators: county, age, category, grade, employment status */
  subtitle = g_strdup_printf (_("%s · aged %u · %s, grade %u · %s"),
                              fz_person_get_county_name (self->person) ? fz_person_get_county_name (self->person) : "—",
                              fz_person_get_age (self->person, &today),
                              fz_category_to_string (fz_person_get_category (self->person)),
                              fz_person_get_grade (self->person),
                              fz_employment_status_to_string (fz_person_get_employment_status (self->person)));
  escaped = g_markup_escape_text (fz_person_get_name (self->person), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), escaped);
  adw_action_row_set_subtitle (self->person_row, subtitle);
  fzp_welfare_posts_person_view_reload (self);
}

void
fzp_welfare_posts_person_view_show_person (FzpWelfarePostsPersonView *self,
                                           const char                *number)
{
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), number);
  lookup_cb (self);
}

static void
date_changed_cb (FzpWelfarePostsPersonView *self)
{
  update_conditions (self);
}

static void
recognize_clicked_cb (FzpWelfarePostsPersonView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->date_entry), GTK_WIDGET (self->basis_entry), GTK_WIDGET (self->decided_entry),
    GTK_WIDGET (self->able_row), GTK_WIDGET (self->willing_row), GTK_WIDGET (self->supported_row),
    GTK_WIDGET (self->condition_rows[0]), GTK_WIDGET (self->condition_rows[1]), GTK_WIDGET (self->condition_rows[2]),
  };
  FzpWelfarePostsRecognitionFields f = {
    fz_person_get_id_number (self->person),
    fzp_welfare_posts_form_text (self->date_entry),
    fzp_welfare_posts_form_text (self->basis_entry),
    fzp_welfare_posts_form_text (self->decided_entry),
    gtk_switch_get_active (self->able_switch),
    gtk_switch_get_active (self->willing_switch),
    gtk_switch_get_active (self->supported_switch),
  };
  GtkWidget *first;

  if (fzp_welfare_posts_recognize (self->context, &f, &error) == 0)
    {
      first = fzp_welfare_posts_form_show (self->recognize_error, rows, G_N_ELEMENTS (rows), error->message);
      if (first)
        gtk_widget_grab_focus (first);
      return;
    }
  fzp_welfare_posts_form_show (self->recognize_error, rows, G_N_ELEMENTS (rows), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->basis_entry), "");
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->post_row));
}

static void
end_recognition_clicked_cb (FzpWelfarePostsPersonView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = { GTK_WIDGET (self->last_day_entry), GTK_WIDGET (self->end_reason_entry) };

  if (!fzp_welfare_posts_end_recognition (self->context, self->recognition,
                                          fzp_welfare_posts_form_text (self->last_day_entry),
                                          fzp_welfare_posts_form_text (self->end_reason_entry), &error))
    {
      fzp_welfare_posts_form_show (self->end_error, rows, G_N_ELEMENTS (rows), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->last_day_entry));
      return;
    }
  fzp_welfare_posts_form_show (self->end_error, rows, G_N_ELEMENTS (rows), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->end_reason_entry), "");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
place_clicked_cb (FzpWelfarePostsPersonView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->post_row), GTK_WIDGET (self->start_entry), GTK_WIDGET (self->end_entry),
    GTK_WIDGET (self->year_entry), GTK_WIDGET (self->school_entry), GTK_WIDGET (self->graduate_row),
  };
  guint post = adw_combo_row_get_selected (self->post_row);
  gboolean graduate = adw_expander_row_get_enable_expansion (self->graduate_row);
  FzpWelfarePostsPlacementFields f = {
    fz_person_get_id_number (self->person),
    post < self->post_codes->len ? g_ptr_array_index (self->post_codes, post) : NULL,
    fzp_welfare_posts_form_text (self->start_entry),
    fzp_welfare_posts_form_text (self->end_entry),
    graduate ? fzp_welfare_posts_form_text (self->year_entry) : NULL,
    graduate ? fzp_welfare_posts_form_text (self->school_entry) : NULL,
    NULL,
  };
  GtkWidget *first;

  if (fzp_welfare_posts_place (self->context, &f, &error) == 0)
    {
      first = fzp_welfare_posts_form_show (self->place_error, rows, G_N_ELEMENTS (rows), error->message);
      if (first)
        gtk_widget_grab_focus (first);
      return;
    }
  fzp_welfare_posts_form_show (self->place_error, rows, G_N_ELEMENTS (rows), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->end_entry), "");
  g_signal_emit (self, signals[CHANGED], 0);
  /* The registry may now say employed. */
  lookup_cb (self);
}

static void
fzp_welfare_posts_person_view_dispose (GObject *object)
{
  FzpWelfarePostsPersonView *self = FZP_WELFARE_POSTS_PERSON_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_WELFARE_POSTS_PERSON_VIEW);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_pointer (&self->post_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_welfare_posts_person_view_parent_class)->dispose (object);
}

static void
fzp_welfare_posts_person_view_class_init (FzpWelfarePostsPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_welfare_posts_person_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/welfare-posts/fzp-welfare-posts-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, number_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, lookup_error);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, person_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, person_box);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, date_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "certificate_row", FALSE,
                                             G_STRUCT_OFFSET (FzpWelfarePostsPersonView, condition_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "age_row", FALSE,
                                             G_STRUCT_OFFSET (FzpWelfarePostsPersonView, condition_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "unemployed_row", FALSE,
                                             G_STRUCT_OFFSET (FzpWelfarePostsPersonView, condition_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "certificate_icon", FALSE,
                                             G_STRUCT_OFFSET (FzpWelfarePostsPersonView, condition_icons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "age_icon", FALSE,
                                             G_STRUCT_OFFSET (FzpWelfarePostsPersonView, condition_icons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "unemployed_icon", FALSE,
                                             G_STRUCT_OFFSET (FzpWelfarePostsPersonView, condition_icons[2]));
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, able_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, willing_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, supported_switch);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, able_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, willing_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, supported_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, basis_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, decided_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, recognize_error);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, recognize_box);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, current_group);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, current_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, last_day_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, end_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, end_error);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, post_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, start_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, end_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, graduate_row);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, year_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, school_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, place_error);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPersonView, history);
  gtk_widget_class_bind_template_callback (widget_class, lookup_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recognize_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_recognition_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_clicked_cb);
}

static void
fzp_welfare_posts_person_view_init (FzpWelfarePostsPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->post_codes = g_ptr_array_new_with_free_func (g_free);

  fzp_welfare_posts_form_describe (GTK_WIDGET (self->number_entry),
                                   _("18 characters, or the 20 of a disability certificate; then press Enter"));
  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->able_row), fzp_welfare_posts_condition_to_string (FZP_WELFARE_POSTS_CONDITION_ABLE));
  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->willing_row), fzp_welfare_posts_condition_to_string (FZP_WELFARE_POSTS_CONDITION_WILLING));
  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->supported_row), fzp_welfare_posts_condition_to_string (FZP_WELFARE_POSTS_CONDITION_NOT_SUPPORTED));
  for (int c = 0; c < 3; c++)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->condition_rows[c]),
                                     fzp_welfare_posts_condition_to_string (c));
      gtk_widget_set_focusable (GTK_WIDGET (self->condition_rows[c]), TRUE);
    }
  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->graduate_row), _("Recognition"));
  fzp_welfare_posts_form_set_field (GTK_WIDGET (self->post_row), _("Post"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->end_entry), _("Its last day; empty while the placement goes on"));
  fzp_welfare_posts_form_describe (GTK_WIDGET (self->date_entry), _("A date, as 2025-03-01"));
}

void
fzp_welfare_posts_person_view_set_context (FzpWelfarePostsPersonView *self,
                                           FzContext                 *context)
{
  g_set_object (&self->context, context);
  fzp_welfare_posts_form_set_today (self->date_entry);
  fzp_welfare_posts_form_set_today (self->start_entry);
  fzp_welfare_posts_form_set_today (self->last_day_entry);
  gtk_widget_set_visible (self->person_box, FALSE);
  fzp_welfare_posts_person_view_reload (self);
}
