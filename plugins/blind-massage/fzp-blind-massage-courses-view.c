/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-courses-view.h"
#include "fzp-blind-massage-row-model.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

struct _FzpBlindMassageCoursesView
{
  AdwBin                   parent_instance;
  FzContext               *context;
  FzpBlindMassageRowModel *courses_model;
  GtkSingleSelection      *courses_selection;
  FzpBlindMassageRowModel *attendance_model;
  GtkSingleSelection      *attendance_selection;

  GtkStack                *courses_stack;
  GtkColumnView           *courses;
  AdwStatusPage           *courses_empty;
  GtkColumnView           *attendance;
  GtkEntry                *course_name;
  GtkEntry                *course_organizer;
  GtkEntry                *course_from;
  GtkEntry                *course_to;
  GtkEntry                *course_hours;
  AdwComboRow             *course_kind;
  GtkLabel                *course_error;
  AdwPreferencesGroup     *attend_group;
  GtkEntry                *attend_number;
  GtkEntry                *attend_hours;
  GtkLabel                *attend_error;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassageCoursesView, fzp_blind_massage_courses_view, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *courses_sql =
  "SELECT c.id, c.name, coalesce(c.organizer, ''), c.held_from, c.held_to, printf('%g', c.hours),"
  " CASE c.kind WHEN 'medical' THEN ?1 WHEN 'health' THEN ?2 ELSE ?3 END,"
  " (SELECT count(*) FROM blind_massage_attendance a WHERE a.course_id = c.id)"
  " FROM blind_massage_course c ORDER BY c.held_from DESC, c.id DESC";

static const char *attendance_sql =
  "SELECT a.practitioner_id, f.name, f.id_number, printf('%g', coalesce(a.hours, c.hours))"
  " FROM blind_massage_attendance a JOIN blind_massage_course c ON c.id = a.course_id"
  " JOIN blind_massage_practitioner p ON p.id = a.practitioner_id JOIN fz_person f ON f.id = p.person_id"
  " WHERE a.course_id = ?1 ORDER BY f.id_number";

static gint64
selected_course (FzpBlindMassageCoursesView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->courses_selection);

  return row ? fzp_blind_massage_row_get_id (row) : 0;
}

static void
course_selected_cb (FzpBlindMassageCoursesView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->courses_selection);
  GtkWidget *none[] = { NULL };

  fzp_blind_massage_row_model_set_params (self->attendance_model, g_variant_new ("(x)", selected_course (self)));
  adw_preferences_group_set_title (self->attend_group, row ? fzp_blind_massage_row_get_field (row, 0) : _("Attendance"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->attend_group), row != NULL);
  fzp_blind_massage_ui_show_error (self->attend_error, NULL, NULL, none);
}

static void
course_clicked_cb (FzpBlindMassageCoursesView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->course_name), GTK_WIDGET (self->course_organizer),
                          GTK_WIDGET (self->course_from), GTK_WIDGET (self->course_to),
                          GTK_WIDGET (self->course_hours), NULL };
  static const FzpBlindMassageKind kinds[] = {
    FZP_BLIND_MASSAGE_KIND_NONE, FZP_BLIND_MASSAGE_KIND_MEDICAL, FZP_BLIND_MASSAGE_KIND_HEALTH
  };
  g_autofree char *hours_field = fzp_blind_massage_ui_field_name (GTK_WIDGET (self->course_hours));
  double hours = 0;
  GDate from, to;

  if (!fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->course_from), FALSE, &from, &error)
      || !fzp_blind_massage_ui_read_date (GTK_EDITABLE (self->course_to), TRUE, &to, &error)
      || !fzp_blind_massage_parse_hours (gtk_editable_get_text (GTK_EDITABLE (self->course_hours)), hours_field, &hours,
                                         &error)
      || fzp_blind_massage_add_course (self->context, gtk_editable_get_text (GTK_EDITABLE (self->course_name)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->course_organizer)), &from, &to, hours,
                                       kinds[MIN (adw_combo_row_get_selected (self->course_kind), 2)], &error) == 0)
    {
      fzp_blind_massage_ui_show_error (self->course_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->course_error, NULL, NULL, fields);
  gtk_editable_set_text (GTK_EDITABLE (self->course_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->course_hours), "");
  fzp_blind_massage_ui_toast (GTK_WIDGET (self), _("Course added"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
attend_clicked_cb (FzpBlindMassageCoursesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->attend_number), GTK_WIDGET (self->attend_hours), NULL };
  const char *hours_text = gtk_editable_get_text (GTK_EDITABLE (self->attend_hours));
  g_autofree char *hours_field = fzp_blind_massage_ui_field_name (GTK_WIDGET (self->attend_hours));
  gint64 course = selected_course (self);
  double hours = 0;

  if (course == 0)
    return;
  if ((*hours_text && !fzp_blind_massage_parse_hours (hours_text, hours_field, &hours, &error))
      || (p = fzp_blind_massage_find_practitioner (self->context,
                                                   gtk_editable_get_text (GTK_EDITABLE (self->attend_number)),
                                                   FZP_BLIND_MASSAGE_KIND_NONE, &error)) == NULL
      || !fzp_blind_massage_add_attendance (self->context, course, p->id, hours, &error))
    {
      fzp_blind_massage_ui_show_error (self->attend_error, error->message, fields[0], fields);
      return;
    }
  fzp_blind_massage_ui_show_error (self->attend_error, NULL, NULL, fields);
  gtk_editable_set_text (GTK_EDITABLE (self->attend_number), "");
  gtk_editable_set_text (GTK_EDITABLE (self->attend_hours), "");
  {
    g_autofree char *message = g_strdup_printf (_("%s attended"), p->name);
    fzp_blind_massage_ui_toast (GTK_WIDGET (self), message);
  }
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->attend_number));
}

static void
remove_clicked_cb (FzpBlindMassageCoursesView *self)
{
  FzpBlindMassageRow *row = fzp_blind_massage_ui_get_selected (self->attendance_selection);
  g_autoptr(GError) error = NULL;
  GtkWidget *fields[] = { NULL };

  if (row == NULL)
    {
      fzp_blind_massage_ui_show_error (self->attend_error, _("Choose an attendee in the list first"), NULL, fields);
      return;
    }
  if (!fzp_blind_massage_remove_attendance (self->context, selected_course (self), fzp_blind_massage_row_get_id (row),
                                            &error))
    {
      fzp_blind_massage_ui_show_error (self->attend_error, error->message, NULL, fields);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

void
fzp_blind_massage_courses_view_reload (FzpBlindMassageCoursesView *self)
{
  gint64 keep;
  guint n;

  g_return_if_fail (FZP_IS_BLIND_MASSAGE_COURSES_VIEW (self));

  keep = selected_course (self);
  fzp_blind_massage_row_model_reload (self->courses_model);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->courses_model));
  for (guint i = 0; keep && i < n; i++)
    {
      g_autoptr(FzpBlindMassageRow) row = g_list_model_get_item (G_LIST_MODEL (self->courses_model), i);
      if (row && fzp_blind_massage_row_get_id (row) == keep)
        {
          gtk_single_selection_set_selected (self->courses_selection, i);
          break;
        }
    }
  gtk_stack_set_visible_child_name (self->courses_stack, n ? "list" : "empty");
  course_selected_cb (self);
}

static void
fzp_blind_massage_courses_view_dispose (GObject *object)
{
  FzpBlindMassageCoursesView *self = FZP_BLIND_MASSAGE_COURSES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_COURSES_VIEW);
  g_clear_object (&self->courses_selection);
  g_clear_object (&self->courses_model);
  g_clear_object (&self->attendance_selection);
  g_clear_object (&self->attendance_model);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_blind_massage_courses_view_parent_class)->dispose (object);
}

static void
fzp_blind_massage_courses_view_class_init (FzpBlindMassageCoursesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_courses_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-courses-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, FzpBlindMassageCoursesView, name)
  CHILD (courses_stack); CHILD (courses); CHILD (courses_empty); CHILD (attendance); CHILD (course_name);
  CHILD (course_organizer); CHILD (course_from); CHILD (course_to); CHILD (course_hours); CHILD (course_kind);
  CHILD (course_error); CHILD (attend_group); CHILD (attend_number); CHILD (attend_hours); CHILD (attend_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, course_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attend_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
fzp_blind_massage_courses_view_init (FzpBlindMassageCoursesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_blind_massage_courses_view_new (FzContext *context)
{
  FzpBlindMassageCoursesView *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_COURSES_VIEW, NULL);
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *today = fzp_blind_massage_ui_today ();

  self->context = g_object_ref (context);
  self->courses_model = fzp_blind_massage_row_model_new (db, courses_sql,
                                                         g_variant_new ("(sss)", C_("trade", "Medical"),
                                                                        C_("trade", "Health"), _("Both trades")));
  self->courses_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->courses_model)));
  gtk_single_selection_set_autoselect (self->courses_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->courses_selection, TRUE);
  g_signal_connect_object (self->courses_selection, "notify::selected-item", G_CALLBACK (course_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->courses, GTK_SELECTION_MODEL (self->courses_selection));
  fzp_blind_massage_ui_add_column (self->courses, _("Course"), 0, 16, TRUE);
  fzp_blind_massage_ui_add_column (self->courses, _("Organizer"), 1, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->courses, _("From"), 2, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->courses, _("To"), 3, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->courses, _("Class hours"), 4, 5, FALSE);
  fzp_blind_massage_ui_add_column (self->courses, _("Kind"), 5, 10, FALSE);
  fzp_blind_massage_ui_add_column (self->courses, _("Attendees"), 6, 4, FALSE);

  self->attendance_model = fzp_blind_massage_row_model_new (db, attendance_sql, g_variant_new ("(x)", (gint64) 0));
  self->attendance_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->attendance_model)));
  gtk_single_selection_set_autoselect (self->attendance_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->attendance_selection, TRUE);
  gtk_column_view_set_model (self->attendance, GTK_SELECTION_MODEL (self->attendance_selection));
  fzp_blind_massage_ui_add_column (self->attendance, _("Name"), 0, 6, FALSE);
  fzp_blind_massage_ui_add_column (self->attendance, _("Identity number"), 1, 18, TRUE);
  fzp_blind_massage_ui_add_column (self->attendance, _("Class hours"), 2, 5, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->course_from), today);
  fzp_blind_massage_courses_view_reload (self);
  return GTK_WIDGET (self);
}
