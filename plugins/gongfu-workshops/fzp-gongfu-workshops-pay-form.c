/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-data.h"
#include "fzp-gongfu-workshops-documents.h"
#include "fzp-gongfu-workshops-import.h"
#include "fzp-gongfu-workshops-pay-form.h"

/* The grid has a header row, then one row per worker. A grid rather than a
 * list view: a workshop's month has tens of workers, and a grid keeps every
 * entry in the Tab order, as a spreadsheet does. */
typedef struct {
  FzpGongfuWorkshopsWorker *worker;
  GtkDropDown              *basis;
  GtkEntry                 *quantity;
  GtkEntry                 *amount;
  GtkEntry                 *note;
  GtkLabel                 *status;
  gboolean                  whole_month;
} PayRow;

enum {
  COL_NAME,
  COL_BASIS,
  COL_QUANTITY,
  COL_AMOUNT,
  COL_NOTE,
  COL_STATUS,
};

struct _FzpGongfuWorkshopsPayForm
{
  AdwBin      parent_instance;
  FzContext  *context;
  gint64      workshop_id;
  guint       year;
  guint       month;
  GPtrArray  *workers;
  GArray     *rows;       /* PayRow */
  gboolean    dirty;
  gboolean    loading;
  double      min_monthly;
  double      min_hourly;

  GtkEntry   *month_entry;
  GtkButton  *next_button;
  GtkLabel   *summary_label;
  GtkLabel   *error_label;
  GtkLabel   *status_label;
  GtkStack   *grid_stack;
  GtkGrid    *pay_grid;
  GtkButton  *import_button;
  GtkButton  *export_button;
  GtkButton  *print_button;
};

G_DEFINE_FINAL_TYPE (FzpGongfuWorkshopsPayForm, fzp_gongfu_workshops_pay_form, ADW_TYPE_BIN)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (FzpGongfuWorkshopsPayForm *self);

static GtkWindow *
parent_window (FzpGongfuWorkshopsPayForm *self)
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

static FzpGongfuWorkshopsBasis
row_basis (PayRow *row)
{
  return gtk_drop_down_get_selected (row->basis) == 1 ? FZP_GONGFU_WORKSHOPS_BASIS_HOUR
                                                      : FZP_GONGFU_WORKSHOPS_BASIS_PIECE;
}

/* What the row's status says: no work, part of the month, or below the
 * minimum wage, as the figures count them. */
static void
update_row_status (FzpGongfuWorkshopsPayForm *self,
                   PayRow                    *row)
{
  const char *quantity_text = gtk_editable_get_text (GTK_EDITABLE (row->quantity));
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (row->amount));
  FzpGongfuWorkshopsBasis basis = row_basis (row);
  g_autofree char *text = NULL;
  double quantity = 0;
  gint64 fen = 0;
  gboolean parsed;

  parsed = fzp_gongfu_workshops_parse_quantity (quantity_text, basis, 31, &quantity, NULL) &&
           fzp_gongfu_workshops_parse_amount (amount_text, "", &fen, NULL);
  gtk_entry_set_placeholder_text (row->quantity, basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR ? _("hours") : _("pieces"));
  if (parsed && fzp_gongfu_workshops_is_no_work (quantity, fen))
    text = g_strdup (_("No work"));
  else if (parsed && fzp_gongfu_workshops_below_hourly_minimum (basis, quantity, fen, self->min_hourly))
    text = g_strdup (_("Below the hourly minimum"));
  else if (!row->whole_month)
    text = g_strdup (_("Part of the month"));
  else if (parsed && fzp_gongfu_workshops_below_monthly_minimum (fen, self->min_monthly))
    text = g_strdup (_("Below the minimum wage"));
  gtk_label_set_text (row->status, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row->status), text != NULL);
}

static void
row_changed_cb (GtkWidget                 *widget,
                FzpGongfuWorkshopsPayForm *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  mark_invalid (widget, NULL);
  show_message (self->status_label, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PayRow *row = &g_array_index (self->rows, PayRow, i);
      if (widget == GTK_WIDGET (row->quantity) || widget == GTK_WIDGET (row->amount) ||
          widget == GTK_WIDGET (row->basis))
        update_row_status (self, row);
    }
}

static void
basis_changed_cb (GObject                   *dropdown,
                  GParamSpec                *pspec,
                  FzpGongfuWorkshopsPayForm *self)
{
  row_changed_cb (GTK_WIDGET (dropdown), self);
}

/* Enter moves down the column, like a spreadsheet; on the last row it saves. */
static void
entry_activate_cb (GtkEntry                  *entry,
                   FzpGongfuWorkshopsPayForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PayRow *row = &g_array_index (self->rows, PayRow, i);
      PayRow *next = i + 1 < self->rows->len ? &g_array_index (self->rows, PayRow, i + 1) : NULL;
      GtkEntry *column[] = { row->quantity, row->amount, row->note };
      GtkEntry *below[] = { next ? next->quantity : NULL, next ? next->amount : NULL, next ? next->note : NULL };

      for (guint c = 0; c < G_N_ELEMENTS (column); c++)
        if (column[c] == entry)
          {
            if (below[c])
              gtk_widget_grab_focus (GTK_WIDGET (below[c]));
            else
              gtk_widget_activate_action (GTK_WIDGET (self), "pay.save", NULL);
            return;
          }
    }
}

static void
clear_grid (FzpGongfuWorkshopsPayForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pay_grid))))
    gtk_grid_remove (self->pay_grid, child);
  g_array_set_size (self->rows, 0);
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkEntry *
add_entry (FzpGongfuWorkshopsPayForm *self,
           guint                      line,
           int                        column,
           const char                *name,
           const char                *accessible_label,
           int                        width_chars,
           gboolean                   numeric)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *widget_name = g_strdup_printf ("%s-%u", name, line - 1);

  gtk_widget_set_name (entry, widget_name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  if (numeric)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
    }
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect (entry, "changed", G_CALLBACK (row_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_grid_attach (self->pay_grid, entry, column, (int) line, 1, 1);
  return GTK_ENTRY (entry);
}

static void
add_row (FzpGongfuWorkshopsPayForm *self,
         FzpGongfuWorkshopsWorker  *worker,
         guint                      line)
{
  static const char *const bases[] = { N_("By the piece"), N_("By the hour"), NULL };
  const char *translated[] = { _(bases[0]), _(bases[1]), NULL };
  g_autofree char *masked = fz_mask_identity_number (worker->id_number, 6, 4);
  g_autofree char *basis_label = g_strdup_printf (_("How %s was paid"), worker->name);
  g_autofree char *quantity_label = g_strdup_printf (_("Pieces or hours of %s"), worker->name);
  g_autofree char *amount_label = g_strdup_printf (_("Pay of %s in yuan"), worker->name);
  g_autofree char *note_label = g_strdup_printf (_("Note on %s"), worker->name);
  g_autofree char *basis_name = g_strdup_printf ("pay-basis-%u", line - 1);
  FzpGongfuWorkshopsSpell spell;
  GtkWidget *name = gtk_label_new (worker->name);
  GtkWidget *basis = gtk_drop_down_new_from_strings (translated);
  GtkWidget *status = gtk_label_new (NULL);
  PayRow row = { worker, GTK_DROP_DOWN (basis), NULL, NULL, NULL, GTK_LABEL (status), FALSE };

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_tooltip_text (name, masked);
  gtk_grid_attach (self->pay_grid, name, COL_NAME, (int) line, 1, 1);

  gtk_widget_set_name (basis, basis_name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (basis), worker->basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR ? 1 : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (basis), GTK_ACCESSIBLE_PROPERTY_LABEL, basis_label, -1);
  g_signal_connect (basis, "notify::selected", G_CALLBACK (basis_changed_cb), self);
  gtk_grid_attach (self->pay_grid, basis, COL_BASIS, (int) line, 1, 1);

  row.quantity = add_entry (self, line, COL_QUANTITY, "pay-quantity", quantity_label, 8, TRUE);
  row.amount = add_entry (self, line, COL_AMOUNT, "pay-amount", amount_label, 10, TRUE);
  row.note = add_entry (self, line, COL_NOTE, "pay-note", note_label, 12, FALSE);

  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_grid_attach (self->pay_grid, status, COL_STATUS, (int) line, 1, 1);

  if (worker->has_pay)
    {
      g_autofree char *quantity = fzp_gongfu_workshops_format_quantity (worker->quantity);
      g_autofree char *amount = fzp_gongfu_workshops_format_amount (worker->amount);

      gtk_editable_set_text (GTK_EDITABLE (row.quantity), quantity);
      gtk_editable_set_text (GTK_EDITABLE (row.amount), amount);
      gtk_editable_set_text (GTK_EDITABLE (row.note), worker->note ? worker->note : "");
    }
  fzp_gongfu_workshops_worker_get_spell (worker, &spell);
  row.whole_month = fzp_gongfu_workshops_spell_covers_whole_month (&spell, self->year, self->month);
  g_array_append_val (self->rows, row);
  update_row_status (self, &g_array_index (self->rows, PayRow, self->rows->len - 1));
}

static void
update_summary (FzpGongfuWorkshopsPayForm *self)
{
  FzpGongfuWorkshopsScope scope = { self->workshop_id, NULL, self->year, self->month };
  FzpGongfuWorkshopsFigures figures;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  g_autofree char *average = NULL;
  g_autofree char *minimum = NULL;
  g_autofree char *text = NULL;

  if (self->workshop_id == 0 || !fzp_gongfu_workshops_compute_figures (self->context, &scope, &figures, &error))
    {
      gtk_label_set_text (self->summary_label, error ? error->message : "");
      return;
    }
  if (figures.pay.n_records == 0)
    {
      gtk_label_set_text (self->summary_label, _("No pay recorded for this month yet"));
      return;
    }
  total = fzp_gongfu_workshops_format_amount_grouped (figures.pay.total_fen);
  average = fzp_gongfu_workshops_format_amount_grouped (fzp_gongfu_workshops_pay_figures_average (&figures.pay));
  minimum = fzp_gongfu_workshops_format_amount_grouped ((gint64) (self->min_monthly * 100 + 0.5));
  /* Translators: records, total yuan, average yuan, how many below, the minimum wage */
  text = g_strdup_printf (_("%1$u paid, %2$s yuan in all; average of whole months %3$s yuan; %4$u below the minimum wage of %5$s"),
                          figures.pay.n_records, total, average, figures.pay.n_below, minimum);
  gtk_label_set_text (self->summary_label, text);
}

static void
update_month_controls (FzpGongfuWorkshopsPayForm *self)
{
  g_autofree char *m = fzp_gongfu_workshops_format_month (self->year, self->month);
  GDate today;

  fzp_gongfu_workshops_today (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), m);
  mark_invalid (GTK_WIDGET (self->month_entry), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            self->year * 12 + self->month < g_date_get_year (&today) * 12u + g_date_get_month (&today));
}

static void
load (FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  GDate first, last;

  self->loading = TRUE;
  clear_grid (self);
  g_clear_pointer (&self->workers, g_ptr_array_unref);
  update_month_controls (self);
  show_message (self->error_label, NULL);
  self->min_monthly = self->min_hourly = 0;

  if (self->context && self->workshop_id != 0)
    {
      w = fzp_gongfu_workshops_get_workshop (self->context, self->workshop_id, &error);
      fzp_gongfu_workshops_month_bounds (self->year, self->month, &first, &last);
      if (w && !fz_rules_get_minimum_wage (fz_context_get_database (self->context), w->county_code, &first,
                                           &self->min_monthly, &self->min_hourly, &error))
        g_clear_object (&w);
      if (w)
        self->workers = fzp_gongfu_workshops_list_month (self->context, self->workshop_id, self->year, self->month,
                                                         &error);
    }
  if (error)
    show_message (self->error_label, error->message);

  if (self->workers && self->workers->len > 0)
    {
      gtk_grid_attach (self->pay_grid, header_label (_("Worker")), COL_NAME, 0, 1, 1);
      gtk_grid_attach (self->pay_grid, header_label (_("Paid")), COL_BASIS, 0, 1, 1);
      gtk_grid_attach (self->pay_grid, header_label (_("Pieces or hours")), COL_QUANTITY, 0, 1, 1);
      gtk_grid_attach (self->pay_grid, header_label (_("Amount (yuan)")), COL_AMOUNT, 0, 1, 1);
      gtk_grid_attach (self->pay_grid, header_label (_("Note")), COL_NOTE, 0, 1, 1);
      for (guint i = 0; i < self->workers->len; i++)
        add_row (self, g_ptr_array_index (self->workers, i), i + 1);
      gtk_stack_set_visible_child_name (self->grid_stack, "grid");
    }
  else
    gtk_stack_set_visible_child_name (self->grid_stack, "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pay.save", self->workers && self->workers->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->workshop_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->workers && self->workers->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), self->workers && self->workers->len > 0);
  update_summary (self);
  self->dirty = FALSE;
  self->loading = FALSE;
}

gboolean
fzp_gongfu_workshops_pay_form_save (FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (FzpGongfuWorkshopsPayEntry));
  g_autoptr(GError) error = NULL;
  GtkWidget *first_bad = NULL;
  g_autofree char *first_message = NULL;
  guint n_bad = 0, changed = 0;
  guint days;

  if (self->workers == NULL || self->workers->len == 0)
    return FALSE;
  days = g_date_get_days_in_month ((GDateMonth) self->month, (GDateYear) self->year);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PayRow *row = &g_array_index (self->rows, PayRow, i);
      FzpGongfuWorkshopsPayEntry e = { row->worker->spell_id, 0, FALSE, row_basis (row), 0, 0,
                                       gtk_editable_get_text (GTK_EDITABLE (row->note)) };
      g_autofree char *quantity = fz_normalize_text (gtk_editable_get_text (GTK_EDITABLE (row->quantity)));
      g_autofree char *amount = fz_normalize_text (gtk_editable_get_text (GTK_EDITABLE (row->amount)));
      GtkWidget *bad = NULL;

      /* An empty row is a month not entered: clear what was there. */
      if (*quantity == '\0' && *amount == '\0')
        {
          e.clear = TRUE;
          if (row->worker->has_pay)
            g_array_append_val (entries, e);
          continue;
        }
      if (!fzp_gongfu_workshops_parse_quantity (quantity, e.basis, days, &e.quantity, &error))
        bad = GTK_WIDGET (row->quantity);
      else if (!fzp_gongfu_workshops_parse_amount (amount, _("Amount"), &e.amount, &error))
        bad = GTK_WIDGET (row->amount);
      else if (!fzp_gongfu_workshops_check_pay (e.basis, e.quantity, e.amount, &error))
        bad = e.amount == 0 ? GTK_WIDGET (row->amount) : GTK_WIDGET (row->quantity);
      if (bad)
        {
          /* Translators: a worker's name, then what is wrong */
          g_autofree char *message = g_strdup_printf (_("%1$s: %2$s"), row->worker->name, error->message);

          mark_invalid (bad, message);
          if (first_bad == NULL)
            {
              first_bad = bad;
              first_message = g_steal_pointer (&message);
            }
          n_bad++;
          g_clear_error (&error);
          continue;
        }
      g_array_append_val (entries, e);
    }
  if (first_bad)
    {
      g_autofree char *text = NULL;

      if (n_bad > 1)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more row to correct)",
                                             "%s (and %u more rows to correct)", n_bad - 1),
                                first_message, n_bad - 1);
      show_message (self->error_label, text ? text : first_message);
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }
  if (!fzp_gongfu_workshops_save_month (self->context, self->workshop_id, self->year, self->month,
                                        (FzpGongfuWorkshopsPayEntry *) (gpointer) entries->data, entries->len,
                                        &changed, &error))
    {
      show_message (self->error_label, error->message);
      return FALSE;
    }
  load (self);
  {
    g_autofree char *m = fzp_gongfu_workshops_format_month (self->year, self->month);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %s: %u record changed",
                                                          "Saved %s: %u records changed", changed),
                                             m, changed);
    show_message (self->status_label, text);
  }
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fzp_gongfu_workshops_pay_form_save (FZP_GONGFU_WORKSHOPS_PAY_FORM (widget));
}

typedef struct {
  FzpGongfuWorkshopsPayForm *self;
  guint                      year;
  guint                      month;
} MonthChange;

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MonthChange      *change)
{
  if (g_str_equal (response, "discard"))
    {
      change->self->year = change->year;
      change->self->month = change->month;
      load (change->self);
    }
  else
    update_month_controls (change->self);
  g_object_unref (change->self);
  g_free (change);
}

static void
go_to_month (FzpGongfuWorkshopsPayForm *self,
             guint                      year,
             guint                      month)
{
  MonthChange *change;
  GtkWidget *dialog;
  g_autofree char *m = NULL;

  if (!self->dirty)
    {
      self->year = year;
      self->month = month;
      show_message (self->status_label, NULL);
      load (self);
      return;
    }
  m = fzp_gongfu_workshops_format_month (self->year, self->month);
  dialog = adw_message_dialog_new (parent_window (self), _("Discard the Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("The pay of %s was changed and not saved."), m);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  change = g_new0 (MonthChange, 1);
  change->self = g_object_ref (self);
  change->year = year;
  change->month = month;
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), change);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
previous_clicked_cb (FzpGongfuWorkshopsPayForm *self)
{
  if (self->month == 1)
    go_to_month (self, self->year - 1, 12);
  else
    go_to_month (self, self->year, self->month - 1);
}

static void
next_clicked_cb (FzpGongfuWorkshopsPayForm *self)
{
  if (self->month == 12)
    go_to_month (self, self->year + 1, 1);
  else
    go_to_month (self, self->year, self->month + 1);
}

static void
month_activate_cb (FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(GError) error = NULL;
  guint year, month;

  if (!fzp_gongfu_workshops_parse_month (gtk_editable_get_text (GTK_EDITABLE (self->month_entry)), _("Month"),
                                         &year, &month, &error))
    {
      mark_invalid (GTK_WIDGET (self->month_entry), error->message);
      show_message (self->error_label, error->message);
      return;
    }
  go_to_month (self, year, month);
}

static void
show_problems (FzpGongfuWorkshopsPayForm      *self,
               const char                     *heading,
               const char                     *message,
               FzpGongfuWorkshopsImportResult *result)
{
  g_autoptr(GString) body = g_string_new (message);
  GtkWidget *dialog;
  guint shown = result ? MIN (result->problems->len, 20) : 0;

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = fzp_gongfu_workshops_import_result_format_problem (result, i);
      g_string_append_printf (body, "\n%s", line);
    }
  if (result && result->problems->len > shown)
    g_string_append_printf (body, "\n%s", _("…and more: correct these first."));
  dialog = adw_message_dialog_new (parent_window (self), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog           *chooser,
                    int                        response,
                    FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzpGongfuWorkshopsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_object_unref (chooser);
  if (path == NULL)
    {
      g_object_unref (self);
      return;
    }
  if (!fzp_gongfu_workshops_import_pay (self->context, path, self->workshop_id, self->year, self->month,
                                        &result, &error))
    show_problems (self, _("Nothing Was Imported"), error->message, result);
  else
    {
      g_autofree char *text = g_strdup_printf (_("Imported: %u saved, %u unchanged, %u rows without pay skipped"),
                                               result->n_saved, result->n_unchanged, result->n_skipped);
      load (self);
      show_message (self->status_label, text);
      g_signal_emit (self, signals[SAVED], 0);
    }
  g_object_unref (self);
}

static void
import_clicked_cb (FzpGongfuWorkshopsPayForm *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->dirty)
    {
      show_message (self->error_label, _("Save the month or undo the changes before importing."));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Import the Month's Pay"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog           *chooser,
                    int                        response,
                    FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_object_unref (chooser);
  if (path && !fzp_gongfu_workshops_export_pay (self->context, path, self->workshop_id, self->year, self->month,
                                                &n, &error))
    show_message (self->error_label, error->message);
  else if (path)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the sheet of %u worker to %s",
                                                            "Wrote the sheet of %u workers to %s", n), n, path);
      show_message (self->status_label, text);
    }
  g_object_unref (self);
}

static void
export_clicked_cb (FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (self->context, self->workshop_id, NULL);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (w == NULL)
    return;
  name = g_strdup_printf ("%s-%04u-%02u.xlsx", w->name, self->year, self->month);
  chooser = gtk_file_chooser_native_new (_("Export the Month's Sheet"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_clicked_cb (FzpGongfuWorkshopsPayForm *self)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (self->dirty)
    {
      show_message (self->error_label, _("Save the month before printing its pay sheet."));
      return;
    }
  doc = fzp_gongfu_workshops_build_pay_sheet (self->context, self->workshop_id, self->year, self->month, &error);
  if (doc == NULL || !fz_document_print (doc, parent_window (self), &error))
    show_message (self->error_label, error->message);
}

static void
fzp_gongfu_workshops_pay_form_dispose (GObject *object)
{
  FzpGongfuWorkshopsPayForm *self = FZP_GONGFU_WORKSHOPS_PAY_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_GONGFU_WORKSHOPS_PAY_FORM);
  g_clear_object (&self->context);
  g_clear_pointer (&self->workers, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (fzp_gongfu_workshops_pay_form_parent_class)->dispose (object);
}

static void
fzp_gongfu_workshops_pay_form_class_init (FzpGongfuWorkshopsPayFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_gongfu_workshops_pay_form_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/fuzhu/Fuzhu/plugins/gongfu-workshops/fzp-gongfu-workshops-pay-form.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, month_entry);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, next_button);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, pay_grid);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, import_button);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, export_button);
  gtk_widget_class_bind_template_child (widget_class, FzpGongfuWorkshopsPayForm, print_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_install_action (widget_class, "pay.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pay.save", NULL);
}

static void
fzp_gongfu_workshops_pay_form_init (FzpGongfuWorkshopsPayForm *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, TRUE, sizeof (PayRow));
  /* Pay is entered after the month: start on the month before this one. */
  fzp_gongfu_workshops_today (&today);
  g_date_subtract_months (&today, 1);
  self->year = g_date_get_year (&today);
  self->month = g_date_get_month (&today);
  load (self);
}

void
fzp_gongfu_workshops_pay_form_set_context (FzpGongfuWorkshopsPayForm *self,
                                           FzContext                 *context)
{
  g_set_object (&self->context, context);
  load (self);
}

void
fzp_gongfu_workshops_pay_form_set_workshop (FzpGongfuWorkshopsPayForm *self,
                                            gint64                     workshop_id)
{
  self->workshop_id = workshop_id;
  show_message (self->status_label, NULL);
  load (self);
}

void
fzp_gongfu_workshops_pay_form_set_month (FzpGongfuWorkshopsPayForm *self,
                                         guint                      year,
                                         guint                      month)
{
  g_return_if_fail (month >= 1 && month <= 12);
  self->year = year;
  self->month = month;
  show_message (self->status_label, NULL);
  load (self);
}

gboolean
fzp_gongfu_workshops_pay_form_get_dirty (FzpGongfuWorkshopsPayForm *self)
{
  return self->dirty;
}

guint
fzp_gongfu_workshops_pay_form_get_n_rows (FzpGongfuWorkshopsPayForm *self)
{
  return self->rows->len;
}
