/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-clinics-view.h"
#include "fzp-blind-massage-row-model.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

struct _FzpBlindMassageClinicsView
{
  AdwBin                   parent_instance;
  FzContext               *context;
  GPtrArray               *codes;   /* county codes of the combos, in order */
  FzpBlindMassageRowModel *clinics_model;
  GtkSingleSelection      *clinics_selection;
  FzpBlindMassageRowModel *posts_model;
  GtkSingleSelection      *posts_selection;

  GtkStack                *clinics_stack;
  GtkColumnView           *clinics;
  AdwStatusPage           *clinics_empty;
  GtkStack                *posts_stack;
  GtkColumnView           *posts;
  AdwStatusPage           *posts_empty;
  GtkEntry                *clinic_name;
  GtkEntry                *clinic_licensee;
  GtkEntry                *clinic_licensee_number;
  GtkEntry                *clinic_address;
  AdwComboRow             *clinic_county;
  GtkEntry                *clinic_licence;
  GtkEntry                *clinic_insured;
  GtkLabel                *clinic_error;
  AdwPreferencesGroup     *insurance_group;
  GtkEntry                *insurance_date;
  GtkLabel                *insurance_error;
  GtkEntry                *post_hospital;
  GtkEntry                *post_department;
  AdwComboRow             *post_county;
  GtkEntry                *post_from;
  GtkEntry                *post_number;
  GtkLabel                *post_error;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassageClinicsView, fzp_blind_massage_clinics_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Practitioners of a clinic: those whose filing in force is there. */
static const char *clinics_sql =
  "SELECT k.id, o.name, c.name, k.licensee, k.address, coalesce(k.license_number, ''),"
  " CASE WHEN k.insurance_from IS NULL THEN ''"
  "  WHEN k.insurance_until IS NOT NULL AND k.insurance_until < ?1 THEN ?2 || ' ' || k.insurance_until"
  "  ELSE k.insurance_from END,"
  " (SELECT count(*) FROM blind_massage_filing g WHERE g.clinic_id = k.id AND g.valid_from <= ?1"
  "  AND (g.valid_to IS NULL OR g.valid_to >= ?1) AND (g.ended_on IS NULL OR g.ended_on >= ?1))"
  " FROM blind_massage_clinic k JOIN fz_organization o ON o.id = k.organization_id"
  " JOIN fz_county c ON c.code = k.county_code ORDER BY c.sort, o.name";

static const char *posts_sql =
  "SELECT s.id, o.name, coalesce(s.department, ''), c.name, s.created_on, coalesce(s.abolished_on, ''),"
  " coalesce(f.name, ?1)"
  " FROM blind_massage_post s JOIN fz_organization o ON o.id = s.organization_id"
  " JOIN fz_county c ON c.code = s.county_code"
  " LEFT JOIN blind_massage_practitioner p ON p.id = s.practitioner_id LEFT JOIN fz_person f ON f.id = p.person_id"
  " ORDER BY s.abolished_on IS NOT NULL, c.sort, o.name, s.id";

static GVariant *
clinics_params (void)
{
  g_autofree char *today = fzp_blind_massage_ui_today ();

  return g_variant_new ("(ss)", today, _("ended"));
}

static const char *
county_code (FzpBlindMassageClinicsView *self,
             AdwComboRow                *combo)
{
  guint i = adw_combo_row_get_selected (combo);

  return i < self->codes->len ? g_ptr_array_index (self->codes, i) : NULL;
}

static gint64
selected_id (GtkSingleSelection *selection)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (selection);

  return row ? fzp_blind_massage_row_get_id (row) : 0;
}

static void
clinic_selected_cb (FzpBlindMassageClinicsView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->clinics_selection);
  GtkWidget *none[] = { NULL };

  adw_preferences_group_set_title (self->insurance_group,
                                   row ? fzp_blind_massage_row_get_field (row, 0) : _("Medical Insurance"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->insurance_group), row != NULL);
  fzp_blind_massage_ui_show_error (self->insurance_error, NULL, NULL, none);
}

static void
changed (FzpBlindMassageClinicsView *self,
         const char                 *message)
{
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clinic_clicked_cb (FzpBlindMassageClinicsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->clinic_name), GTK_WIDGET (self->clinic_licensee),
                          GTK_WIDGET (self->clinic_licensee_number), GTK_WIDGET (self->clinic_address),
                          GTK_WIDGET (self->clinic_county), GTK_WIDGET (self->clinic_licence),
                          GTK_WIDGET (self->clinic_insured), NULL };
  FzpBlindMassageNewClinic clinic = { 0 };
  GDate insured;

  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->clinic_insured), TRUE, &insured, &error))
    {
      fzp_blind_massage_ui_show_error (self->clinic_error, error->message, fields[6], fields);
      return;
    }
  clinic.name = gtk_editable_get_text (GTK_EDITABLE (self->clinic_name));
  clinic.licensee = gtk_editable_get_text (GTK_EDITABLE (self->clinic_licensee));
  clinic.licensee_number = gtk_editable_get_text (GTK_EDITABLE (self->clinic_licensee_number));
  clinic.address = gtk_editable_get_text (GTK_EDITABLE (self->clinic_address));
  clinic.county = county_code (self, self->clinic_county);
  clinic.license_number = gtk_editable_get_text (GTK_EDITABLE (self->clinic_licence));
  clinic.insurance_from = &insured;
  if (fzp_blind_massage_add_clinic (self->context, &clinic, &error) == 0)
    {
      fzp_blind_massage_ui_show_error (self->clinic_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->clinic_error, NULL, NULL, fields);
  for (guint i = 0; fields[i]; i++)
    if (GTK_IS_EDITABLE (fields[i]))
      gtk_editable_set_text (GTK_EDITABLE (fields[i]), "");
  changed (self, _("Clinic added"));
}

static void
designate (FzpBlindMassageClinicsView *self,
           gboolean                    start)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->insurance_date), NULL };
  gint64 clinic = selected_id (self->clinics_selection);
  GDate date;

  if (clinic == 0)
    return;
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->insurance_date), FALSE, &date, &error)
      || !fzp_blind_massage_set_clinic_insurance (self->context, clinic, start ? &date : NULL, start ? NULL : &date,
                                                  &error))
    {
      fzp_blind_massage_ui_show_error (self->insurance_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->insurance_error, NULL, NULL, fields);
  changed (self, start ? _("Designated for medical insurance") : _("Designation ended"));
}

static void
designate_clicked_cb (FzpBlindMassageClinicsView *self)
{
  designate (self, TRUE);
}

static void
undesignate_clicked_cb (FzpBlindMassageClinicsView *self)
{
  designate (self, FALSE);
}

static void
post_clicked_cb (FzpBlindMassageClinicsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->post_hospital), GTK_WIDGET (self->post_department),
                          GTK_WIDGET (self->post_county), GTK_WIDGET (self->post_from),
                          GTK_WIDGET (self->post_number), NULL };
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->post_number));
  GDate from;

  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->post_from), FALSE, &from, &error)
      || (*number && (p = fzp_blind_massage_find_practitioner (self->context, number, FZP_BLIND_MASSAGE_KIND_MEDICAL,
                                                               &error)) == NULL)
      || fzp_blind_massage_add_post (self->context, gtk_editable_get_text (GTK_EDITABLE (self->post_hospital)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->post_department)),
                                     county_code (self, self->post_county), &from, p ? p->id : 0, &error) == 0)
    {
      fzp_blind_massage_ui_show_error (self->post_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->post_error, NULL, NULL, fields);
  gtk_editable_set_text (GTK_EDITABLE (self->post_department), "");
  gtk_editable_set_text (GTK_EDITABLE (self->post_number), "");
  changed (self, _("Post added"));
}

static void
abolish_clicked_cb (FzpBlindMassageClinicsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->post_from), NULL };
  gint64 post = selected_id (self->posts_selection);
  GDate on;

  if (post == 0)
    {
      fzp_blind_massage_ui_show_error (self->post_error, _("Choose a post in the list first"), NULL, fields);
      return;
    }
  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->post_from), FALSE, &on, &error)
      || !fzp_blind_massage_end_post (self->context, post, &on, &error))
    {
      fzp_blind_massage_ui_show_error (self->post_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->post_error, NULL, NULL, fields);
  changed (self, _("Post abolished"));
}

void
fzp_blind_massage_clinics_view_reload (FzpBlindMassageClinicsView *self)
{
  gint64 clinic, post;

  g_return_if_fail (FZP_IS_BLIND_MASSAGE_CLINICS_VIEW (self));

  clinic = selected_id (self->clinics_selection);
  post = selected_id (self->posts_selection);
  fzp_blind_massage_row_model_set_params (self->clinics_model, clinics_params ());
  fzp_blind_massage_row_model_reload (self->posts_model);
  fzp_blind_massage_ui_select_id (self->clinics_selection, clinic, 500);
  fzp_blind_massage_ui_select_id (self->posts_selection, post, 500);
  gtk_stack_set_visible_child_name (self->clinics_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->clinics_model)) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->posts_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->posts_model)) ? "list" : "empty");
  clinic_selected_cb (self);
}

static void
fzp_blind_massage_clinics_view_dispose (GObject *object)
{
  FzpBlindMassageClinicsView *self = FZP_BLIND_MASSAGE_CLINICS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_CLINICS_VIEW);
  g_clear_object (&self->clinics_selection);
  g_clear_object (&self->clinics_model);
  g_clear_object (&self->posts_selection);
  g_clear_object (&self->posts_model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  G_OBJECT_CLASS (fzp_blind_massage_clinics_view_parent_class)->dispose (object);
}

static void
fzp_blind_massage_clinics_view_class_init (FzpBlindMassageClinicsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_clinics_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-clinics-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpBlindMassageClinicsView, name)
  CHILD (clinics_stack); CHILD (clinics); CHILD (clinics_empty); CHILD (posts_stack); CHILD (posts);
  CHILD (posts_empty); CHILD (clinic_name); CHILD (clinic_licensee); CHILD (clinic_licensee_number);
  CHILD (clinic_address); CHILD (clinic_county); CHILD (clinic_licence); CHILD (clinic_insured);
  CHILD (clinic_error); CHILD (insurance_group); CHILD (insurance_date); CHILD (insurance_error);
  CHILD (post_hospital); CHILD (post_department); CHILD (post_county); CHILD (post_from); CHILD (post_number);
  CHILD (post_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, clinic_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, designate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, undesignate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, post_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, abolish_clicked_cb);
}

static void
fzp_blind_massage_clinics_view_init (FzpBlindMassageClinicsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_blind_massage_clinics_view_new (FzContext *context)
{
  FzpBlindMassageClinicsView *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_CLINICS_VIEW, NULL);
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *today = fzp_blind_massage_ui_today ();
  g_autoptr(GtkStringList) counties = NULL;
  GPtrArray *codes = NULL;

  self->context = g_object_ref (context);
  counties = fzp_blind_massage_ui_counties (db, NULL, &codes);
  self->codes = codes;
  adw_combo_row_set_model (self->clinic_county, G_LIST_MODEL (counties));
  adw_combo_row_set_model (self->post_county, G_LIST_MODEL (counties));

  self->clinics_model = fzp_blind_massage_row_model_new (db, clinics_sql, clinics_params ());
  self->clinics_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->clinics_model)));
  gtk_single_selection_set_autoselect (self->clinics_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->clinics_selection, TRUE);
  g_signal_connect_object (self->clinics_selection, "notify::selected-item", G_CALLBACK (clinic_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->clinics, GTK_SELECTION_MODEL (self->clinics_selection));
  fzp_blind_massage_ui_add_column (self->clinics, _("Clinic"), 0, 16, TRUE);
  fzp_blind_massage_ui_add_column (self->clinics, _("County"), 1, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->clinics, _("Licensee"), 2, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->clinics, _("Address"), 3, 12, FALSE);
  fzp_blind_massage_ui_add_column (self->clinics, _("Licence number"), 4, 12, FALSE);
  fzp_blind_massage_ui_add_column (self->clinics, _("Insurance since"), 5, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->clinics, _("Practitioners"), 6, 4, FALSE);

  self->posts_model = fzp_blind_massage_row_model_new (db, posts_sql, g_variant_new ("(s)", _("vacant")));
  self->posts_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->posts_model)));
  gtk_single_selection_set_autoselect (self->posts_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->posts_selection, TRUE);
  gtk_column_view_set_model (self->posts, GTK_SELECTION_MODEL (self->posts_selection));
  fzp_blind_massage_ui_add_column (self->posts, _("Hospital"), 0, 14, TRUE);
  fzp_blind_massage_ui_add_column (self->posts, _("Department"), 1, 8, FALSE);
  fzp_blind_massage_ui_add_column (self->posts, _("County"), 2, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->posts, _("From"), 3, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->posts, _("Abolished"), 4, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->posts, _("Practitioner"), 5, 6, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->insurance_date), today);
  gtk_editable_set_text (GTK_EDITABLE (self->post_from), today);
  fzp_blind_massage_clinics_view_reload (self);
  return GTK_WIDGET (self);
}
