/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-import.h"

#define N_COLUMNS FZP_GONGFU_WORKSHOPS_N_COLUMNS

static void
problem_clear (gpointer data)
{
  g_free (((FzpGongfuWorkshopsProblem *) data)->message);
}

static FzpGongfuWorkshopsImportResult *
result_new (const char *path)
{
  FzpGongfuWorkshopsImportResult *result = g_new0 (FzpGongfuWorkshopsImportResult, 1);

  result->path = g_strdup (path);
  result->problems = g_array_new (FALSE, TRUE, sizeof (FzpGongfuWorkshopsProblem));
  g_array_set_clear_func (result->problems, problem_clear);
  return result;
}

void
fzp_gongfu_workshops_import_result_free (FzpGongfuWorkshopsImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->encoding);
  g_array_unref (result->problems);
  g_free (result);
}

char *
fzp_gongfu_workshops_import_result_format_problem (FzpGongfuWorkshopsImportResult *result,
                                                   guint                           index)
{
  const FzpGongfuWorkshopsProblem *p;

  g_return_val_if_fail (index < result->problems->len, NULL);
  p = &g_array_index (result->problems, FzpGongfuWorkshopsProblem, index);
  return g_strdup_printf ("%s:%u: %s", result->path, p->line, p->message);
}

static void
add_problem (FzpGongfuWorkshopsImportResult *result,
             guint                           line,
             const char                     *message)
{
  FzpGongfuWorkshopsProblem p = { line, g_strdup (message) };

  g_array_append_val (result->problems, p);
}

static void
add_error (FzpGongfuWorkshopsImportResult *result,
           guint                           line,
           GError                        **error)
{
  add_problem (result, line, (*error)->message);
  g_clear_error (error);
}

/* One row that passed its checks. */
typedef struct {
  gint64                     workshop_id;
  guint                      year;
  guint                      month;
  FzpGongfuWorkshopsPayEntry entry;
  char                      *note;
} Row;

static void
row_clear (gpointer data)
{
  g_free (((Row *) data)->note);
}

typedef struct {
  FzContext                      *context;
  FzTable                        *table;
  FzpGongfuWorkshopsImportResult *result;
  int                             columns[N_COLUMNS];
  gint64                          workshop_id;
  guint                           year;
  guint                           month;
  GHashTable                     *workshops;  /* text -> id (gint64*) */
  GHashTable                     *seen;       /* "spell/month" -> line */
  GArray                         *rows;       /* Row */
  GDate                           today;
} Import;

static const char *
cell (Import                   *im,
      guint                     record,
      FzpGongfuWorkshopsColumn  column)
{
  if (im->columns[column] < 0)
    return "";
  return fz_table_get_field (im->table, record, (guint) im->columns[column]);
}

static gboolean
filled (Import                   *im,
        guint                     record,
        FzpGongfuWorkshopsColumn  column)
{
  g_autofree char *text = fz_normalize_text (cell (im, record, column));

  return *text != '\0';
}

static void
read_header (Import *im)
{
  guint line = fz_table_get_line (im->table, 0);
  guint n = fz_table_get_n_fields (im->table, 0);

  for (int c = 0; c < N_COLUMNS; c++)
    im->columns[c] = -1;
  for (guint i = 0; i < n; i++)
    {
      const char *header = fz_table_get_field (im->table, 0, i);
      int c = fzp_gongfu_workshops_match_column (header);

      if (c < 0)
        continue;
      if (im->columns[c] >= 0)
        {
          /* Translators: a field name, then two column headers */
          g_autofree char *message =
            g_strdup_printf (_("%1$s: the columns “%2$s” and “%3$s” both hold it; keep one"),
                             fzp_gongfu_workshops_column_label (c),
                             fz_table_get_field (im->table, 0, (guint) im->columns[c]), header);
          add_problem (im->result, line, message);
          continue;
        }
      im->columns[c] = (int) i;
    }
  if (im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER] < 0 && im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_CERT_NUMBER] < 0)
    add_problem (im->result, line,
                 _("There is no column for the identity number: name one 身份证号 or 残疾证号"));
  if (im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT] < 0)
    add_problem (im->result, line, _("There is no column for the amount: name one 金额 or 应发金额"));
  if (im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY] < 0 && im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_PIECES] < 0 &&
      im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_HOURS] < 0)
    add_problem (im->result, line,
                 _("There is no column for the pieces or hours: name one 件数 or 工时, or 计酬方式 with 数量"));
  if (im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_MONTH] < 0 && im->month == 0)
    add_problem (im->result, line, _("There is no column for the month (月份): say which month the sheet is for"));
  if (im->columns[FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP] < 0 && im->workshop_id == 0)
    add_problem (im->result, line, _("There is no column for the workshop (车间): say which workshop the sheet is for"));
}

static FzPerson *
row_person (Import  *im,
            guint    record,
            GError **error)
{
  FzRegistry *registry = fz_context_get_registry (im->context);
  g_autofree char *id_number = fz_normalize_number (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER));
  g_autofree char *cert = fz_normalize_number (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_CERT_NUMBER));
  g_autoptr(GError) local = NULL;
  FzPerson *person;

  if (*id_number)
    {
      if (!fz_validate_identity_number (id_number, &im->today, NULL, error))
        return NULL;
    }
  else if (*cert)
    {
      FzDisabilityCard card;

      if (!fz_validate_certificate_number (cert, NULL, 0, 0, &card, error))
        return NULL;
      g_free (id_number);
      id_number = g_strndup (card.number, 18);
    }
  else
    {
      g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                           _("Identity number: the row names nobody"));
      return NULL;
    }
  person = fz_registry_find_person_by_id_number (registry, id_number, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (person == NULL)
    g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                 _("Identity number: nobody with %s is in the registry"), id_number);
  return person;
}

static gint64
row_workshop (Import  *im,
              guint    record,
              GError **error)
{
  g_autofree char *text = fz_normalize_text (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP));
  gint64 *cached;
  gint64 id;

  if (*text == '\0')
    {
      if (im->workshop_id == 0)
        g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                             _("Workshop: the row does not say which workshop"));
      return im->workshop_id;
    }
  cached = g_hash_table_lookup (im->workshops, text);
  if (cached)
    id = *cached;
  else
    {
      g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_find_workshop (im->context, text, error);

      if (w == NULL)
        return 0;
      id = w->id;
      g_hash_table_insert (im->workshops, g_strdup (text), g_memdup2 (&id, sizeof id));
    }
  if (im->workshop_id != 0 && id != im->workshop_id)
    {
      g_autoptr(FzpGongfuWorkshopsWorkshop) asked = fzp_gongfu_workshops_get_workshop (im->context, im->workshop_id, NULL);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Workshop: the sheet says “%s”, but the import is for “%s”"), text, asked ? asked->name : "");
      return 0;
    }
  return id;
}

static gboolean
row_month (Import  *im,
           guint    record,
           guint   *year,
           guint   *month,
           GError **error)
{
  const char *text = cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_MONTH);

  if (!filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_MONTH))
    {
      if (im->month == 0)
        {
          g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                               _("Month: the row does not say which month"));
          return FALSE;
        }
      *year = im->year;
      *month = im->month;
      return TRUE;
    }
  if (!fzp_gongfu_workshops_parse_month (text, _("Month"), year, month, error))
    return FALSE;
  if (im->month != 0 && (*year != im->year || *month != im->month))
    {
      g_autofree char *sheet = fzp_gongfu_workshops_format_month (*year, *month);
      g_autofree char *asked = fzp_gongfu_workshops_format_month (im->year, im->month);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Month: the sheet says %s, but the import is for %s"), sheet, asked);
      return FALSE;
    }
  return TRUE;
}

static void
import_row (Import *im,
            guint   record)
{
  FzpGongfuWorkshopsImportResult *result = im->result;
  guint line = fz_table_get_line (im->table, record);
  g_autoptr(FzPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_pieces = filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_PIECES);
  gboolean has_hours = filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_HOURS);
  gboolean has_quantity = filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY);
  gboolean has_amount = filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT);
  guint problems = result->problems->len;
  FzpGongfuWorkshopsBasis basis = FZP_GONGFU_WORKSHOPS_BASIS_NONE;
  const char *quantity_text = NULL;
  double quantity = 0;
  gint64 amount = 0;
  gint64 workshop_id;
  guint year = 0, month = 0;
  gboolean month_ok;

  /* A worker of the template whose month was not filled in yet. */
  if (!has_pieces && !has_hours && !has_quantity && !has_amount)
    {
      result->n_skipped++;
      return;
    }

  person = row_person (im, record, &error);
  if (person == NULL)
    add_error (result, line, &error);
  else if (filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_NAME))
    {
      g_autofree char *name = fz_normalize_text (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_NAME));

      if (!g_str_equal (name, fz_person_get_name (person)))
        {
          g_autofree char *message =
            g_strdup_printf (_("Name: the registry has %1$s for this identity number, the sheet %2$s"),
                             fz_person_get_name (person), name);
          add_problem (result, line, message);
        }
    }

  workshop_id = row_workshop (im, record, &error);
  if (error)
    add_error (result, line, &error);
  month_ok = row_month (im, record, &year, &month, &error);
  if (!month_ok)
    add_error (result, line, &error);

  if (filled (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_BASIS))
    {
      if (!fzp_gongfu_workshops_parse_basis (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_BASIS), &basis, &error))
        add_error (result, line, &error);
    }
  else if (has_pieces && has_hours)
    add_problem (result, line, _("Basis: both pieces and hours are given; a month is paid one way"));
  else if (has_pieces)
    basis = FZP_GONGFU_WORKSHOPS_BASIS_PIECE;
  else if (has_hours)
    basis = FZP_GONGFU_WORKSHOPS_BASIS_HOUR;
  else if (!fzp_gongfu_workshops_parse_basis ("", &basis, &error))
    add_error (result, line, &error);

  if (basis == FZP_GONGFU_WORKSHOPS_BASIS_PIECE)
    quantity_text = has_pieces ? cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_PIECES)
                               : cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY);
  else if (basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR)
    quantity_text = has_hours ? cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_HOURS)
                              : cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY);
  if (quantity_text &&
      !fzp_gongfu_workshops_parse_quantity (quantity_text, basis,
                                            month_ok ? g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) : 31,
                                            &quantity, &error))
    add_error (result, line, &error);
  if (!fzp_gongfu_workshops_parse_amount (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT), _("Amount"),
                                          &amount, &error))
    add_error (result, line, &error);

  if (result->problems->len > problems)
    return;
  if (!fzp_gongfu_workshops_check_pay (basis, quantity, amount, &error))
    {
      add_error (result, line, &error);
      return;
    }
  if (year * 12 + month > g_date_get_year (&im->today) * 12u + g_date_get_month (&im->today))
    {
      g_autofree char *m = fzp_gongfu_workshops_format_month (year, month);
      g_autofree char *message = g_strdup_printf (_("Month: %s has not begun"), m);
      add_problem (result, line, message);
      return;
    }

  {
    Row row = { workshop_id, year, month, { 0 }, NULL };
    g_autofree char *key = NULL;
    gpointer other;

    row.entry.spell_id = fzp_gongfu_workshops_find_spell (im->context, workshop_id, fz_person_get_id (person),
                                                          year, month, &error);
    if (row.entry.spell_id == 0)
      {
        add_error (result, line, &error);
        return;
      }
    key = g_strdup_printf ("%" G_GINT64_FORMAT "/%u-%u", row.entry.spell_id, year, month);
    other = g_hash_table_lookup (im->seen, key);
    if (other)
      {
        g_autofree char *message =
          g_strdup_printf (_("Identity number: %1$s is also on line %2$u for the same month"),
                           fz_person_get_name (person), GPOINTER_TO_UINT (other));
        add_problem (result, line, message);
        return;
      }
    g_hash_table_insert (im->seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    row.entry.basis = basis;
    row.entry.quantity = quantity;
    row.entry.amount = amount;
    row.note = fz_normalize_text (cell (im, record, FZP_GONGFU_WORKSHOPS_COLUMN_NOTE));
    g_array_append_val (im->rows, row);
  }
}

static gboolean
import_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Import *im = user_data;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* One save per workshop and month, each nested in this transaction. */
  for (guint i = 0; i < im->rows->len; i++)
    {
      Row *first = &g_array_index (im->rows, Row, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%u-%u", first->workshop_id, first->year, first->month);
      g_autoptr(GArray) entries = NULL;
      guint changed = 0;

      if (g_hash_table_contains (done, key))
        continue;
      entries = g_array_new (FALSE, TRUE, sizeof (FzpGongfuWorkshopsPayEntry));
      for (guint j = i; j < im->rows->len; j++)
        {
          Row *row = &g_array_index (im->rows, Row, j);

          if (row->workshop_id == first->workshop_id && row->year == first->year && row->month == first->month)
            {
              FzpGongfuWorkshopsPayEntry entry = row->entry;

              entry.note = row->note;
              g_array_append_val (entries, entry);
            }
        }
      if (!fzp_gongfu_workshops_save_month (im->context, first->workshop_id, first->year, first->month,
                                            (FzpGongfuWorkshopsPayEntry *) (gpointer) entries->data, entries->len,
                                            &changed, error))
        return FALSE;
      im->result->n_saved += changed;
      im->result->n_unchanged += entries->len - changed;
      g_hash_table_add (done, g_steal_pointer (&key));
    }
  return TRUE;
}

gboolean
fzp_gongfu_workshops_import_pay (FzContext                       *context,
                                 const char                      *path,
                                 gint64                           workshop_id,
                                 guint                            year,
                                 guint                            month,
                                 FzpGongfuWorkshopsImportResult **result,
                                 GError                         **error)
{
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzpGongfuWorkshopsImportResult) res = NULL;
  g_autoptr(GHashTable) workshops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  Import im = { 0 };

  if (result)
    *result = NULL;
  table = fz_table_read_file (path, error);
  if (table == NULL)
    return FALSE;
  g_array_set_clear_func (rows, row_clear);
  res = result_new (path);
  res->encoding = g_strdup (fz_table_get_encoding (table));
  im.context = context;
  im.table = table;
  im.result = res;
  im.workshop_id = workshop_id;
  im.year = year;
  im.month = month;
  im.workshops = workshops;
  im.seen = seen;
  im.rows = rows;
  fzp_gongfu_workshops_today (&im.today);

  if (fz_table_get_n_records (table) < 2)
    add_problem (res, 1, _("The sheet has no rows of pay under its header"));
  else
    {
      read_header (&im);
      if (res->problems->len == 0)
        for (guint r = 1; r < fz_table_get_n_records (table); r++)
          import_row (&im, r);
    }

  if (res->problems->len == 0 && rows->len == 0)
    add_problem (res, fz_table_get_line (table, 0), _("No row has pay filled in: nothing to import"));
  if (res->problems->len == 0 &&
      !fz_database_transaction (fz_context_get_database (context), import_txn, &im, error))
    {
      res->n_saved = res->n_unchanged = 0;
      if (result)
        *result = g_steal_pointer (&res);
      return FALSE;
    }
  if (res->problems->len > 0)
    {
      res->n_saved = res->n_unchanged = 0;
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", res->problems->len),
                   path, res->problems->len);
      if (result)
        *result = g_steal_pointer (&res);
      return FALSE;
    }
  if (result)
    *result = g_steal_pointer (&res);
  return TRUE;
}

gboolean
fzp_gongfu_workshops_export_pay (FzContext    *context,
                                 const char   *path,
                                 gint64        workshop_id,
                                 guint         year,
                                 guint         month,
                                 guint        *n_rows,
                                 GError      **error)
{
  static const FzpGongfuWorkshopsColumn columns[] = {
    FZP_GONGFU_WORKSHOPS_COLUMN_MONTH, FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP, FZP_GONGFU_WORKSHOPS_COLUMN_NAME,
    FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER, FZP_GONGFU_WORKSHOPS_COLUMN_BASIS, FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY,
    FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT, FZP_GONGFU_WORKSHOPS_COLUMN_NOTE,
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, workshop_id, error);
  g_autoptr(GPtrArray) workers = NULL;
  g_autoptr(FzTableWriter) writer = NULL;
  g_autofree char *m = fzp_gongfu_workshops_format_month (year, month);
  const char *header[G_N_ELEMENTS (columns)];

  if (w == NULL)
    return FALSE;
  workers = fzp_gongfu_workshops_list_month (context, workshop_id, year, month, error);
  if (workers == NULL)
    return FALSE;
  writer = fz_table_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    header[i] = fzp_gongfu_workshops_column_header (columns[i]);
  /* Month and numbers as text cells: Excel would turn 2025-03 into a date. */
  fz_table_writer_set_column (writer, 0, FZ_TABLE_COLUMN_IDENTIFIER, 10);
  fz_table_writer_set_column (writer, 1, FZ_TABLE_COLUMN_TEXT, 24);
  fz_table_writer_set_column (writer, 2, FZ_TABLE_COLUMN_TEXT, 10);
  fz_table_writer_set_column (writer, 3, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  fz_table_writer_set_column (writer, 4, FZ_TABLE_COLUMN_TEXT, 10);
  fz_table_writer_set_column (writer, 5, FZ_TABLE_COLUMN_NUMBER, 10);
  fz_table_writer_set_column (writer, 6, FZ_TABLE_COLUMN_NUMBER, 12);
  fz_table_writer_set_column (writer, 7, FZ_TABLE_COLUMN_TEXT, 20);
  if (!fz_table_writer_add_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;
  for (guint i = 0; i < workers->len; i++)
    {
      FzpGongfuWorkshopsWorker *worker = g_ptr_array_index (workers, i);
      g_autofree char *quantity = worker->has_pay ? fzp_gongfu_workshops_format_quantity (worker->quantity) : NULL;
      g_autofree char *amount = worker->has_pay ? fzp_gongfu_workshops_format_amount (worker->amount) : NULL;
      const char *fields[] = {
        m, w->name, worker->name, worker->id_number, fzp_gongfu_workshops_basis_to_print (worker->basis),
        quantity, amount, worker->note,
      };

      if (!fz_table_writer_add_row (writer, fields, G_N_ELEMENTS (fields), error))
        return FALSE;
    }
  if (!fz_table_writer_close (writer, error))
    return FALSE;
  if (n_rows)
    *n_rows = workers->len;
  return TRUE;
}
