/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-exchange.h"
#include "fzp-blind-massage-store.h"

typedef enum {
  COL_NAME,
  COL_ID_NUMBER,
  COL_CERT_NUMBER,
  COL_KIND,
  COL_COUNTY,
  COL_QUALIFICATION,
  COL_QUALIFIED_ON,
  COL_REGISTERED_ON,
  COL_NOTES,
  COL_HOURS,
  N_COLUMNS
} Column;

/* The names staff give the columns, compared without spaces, brackets,
 * 、 , - _ * and with ASCII in lower case. The first is what export writes. */
static const char *const column_names[N_COLUMNS][8] = {
  [COL_NAME] = { "姓名", "name", NULL },
  [COL_ID_NUMBER] = { "身份证号", "身份证号码", "公民身份号码", "id_number", "identity_number", NULL },
  [COL_CERT_NUMBER] = { "残疾证号", "残疾人证号", "cert_number", "certificate_number", NULL },
  [COL_KIND] = { "按摩类别", "类别", "执业类别", "从业类别", "kind", NULL },
  [COL_COUNTY] = { "县(市、区)", "县市区", "所属县(市、区)", "county", NULL },
  [COL_QUALIFICATION] = { "资格证书编号", "证书编号", "资格证号", "qualification_number", "qualification", NULL },
  [COL_QUALIFIED_ON] = { "发证日期", "取证日期", "资格证书发证日期", "qualified_on", NULL },
  [COL_REGISTERED_ON] = { "登记日期", "registered_on", NULL },
  [COL_NOTES] = { "备注", "notes", NULL },
  [COL_HOURS] = { "学时", "继续教育学时", "hours", NULL },
};

static const char *
column_label (Column column)
{
  switch (column)
    {
    case COL_NAME: return _("Name");
    case COL_ID_NUMBER: return _("Identity number");
    case COL_CERT_NUMBER: return _("Certificate number");
    case COL_KIND: return _("Kind");
    case COL_COUNTY: return _("County");
    case COL_QUALIFICATION: return _("Qualification certificate");
    case COL_QUALIFIED_ON: return _("Date of issue");
    case COL_REGISTERED_ON: return _("Registered");
    case COL_NOTES: return _("Notes");
    case COL_HOURS: return _("Class hours");
    case N_COLUMNS:
    default: return "";
    }
}

static char *
header_key (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || strchr ("(),-_*", (int) (c < 0x80 ? c : ' ')) != NULL
          || c == 0x3001 || c == 0xFF0C)
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (key, FALSE);
}

void
fzp_blind_massage_import_free (FzpBlindMassageImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->problems);
  g_ptr_array_unref (import->warnings);
  g_free (import);
}

typedef struct {
  FzContext             *context;
  const char            *path;
  FzTable               *table;
  FzpBlindMassageImport *report;
  int                    columns[N_COLUMNS];
  gint64                 course_id;
} Import;

static void
problem (Import     *im,
         guint       line,
         const char *message)
{
  g_ptr_array_add (im->report->problems, g_strdup_printf ("%s:%u: %s", im->path, line, message));
}

static const char *
cell (Import *im,
      guint   record,
      Column  column)
{
  if (im->columns[column] < 0)
    return NULL;
  return fz_table_get_field (im->table, record, (guint) im->columns[column]);
}

static gboolean
read_header (Import *im)
{
  guint line = fz_table_get_line (im->table, 0);

  for (int c = 0; c < N_COLUMNS; c++)
    im->columns[c] = -1;
  for (guint i = 0; i < fz_table_get_n_fields (im->table, 0); i++)
    {
      g_autofree char *key = header_key (fz_table_get_field (im->table, 0, i));
      int c = -1;

      for (int k = 0; k < N_COLUMNS && *key && c < 0; k++)
        for (guint n = 0; column_names[k][n] && c < 0; n++)
          {
            g_autofree char *name = header_key (column_names[k][n]);

            if (g_str_equal (key, name))
              c = k;
          }
      if (c < 0)
        continue;  /* a column of the office's own: ignored */
      if (im->columns[c] >= 0)
        {
          /* TRANSLATORS: a field, then two column headers */
          g_autofree char *message = g_strdup_printf (_("%s: the columns “%s” and “%s” both hold it; keep one"),
                                                      column_label (c),
                                                      fz_table_get_field (im->table, 0, (guint) im->columns[c]),
                                                      fz_table_get_field (im->table, 0, i));
          problem (im, line, message);
        }
      else
        im->columns[c] = (int) i;
    }
  if (im->columns[COL_ID_NUMBER] < 0 && im->columns[COL_CERT_NUMBER] < 0)
    problem (im, line, _("Identity number: there is no column for it; name one 身份证号 or id_number"));
  return im->report->problems->len == 0;
}

/* The person of a row: found by number, or added when the row says who. */
static gboolean
ensure_person (Import  *im,
               guint    record,
               GError **error)
{
  FzRegistry *registry = fz_context_get_registry (im->context);
  const char *number = cell (im, record, COL_ID_NUMBER);
  const char *cert = cell (im, record, COL_CERT_NUMBER);
  const char *name = cell (im, record, COL_NAME);
  g_autofree char *norm = fz_normalize_number (number && *number ? number : cert);
  g_autoptr(FzPerson) person = NULL;
  g_autofree char *county = NULL;

  if (strlen (norm) == 20)
    norm[18] = '\0';
  if (*norm == '\0')
    return TRUE;  /* resolving it tells what is missing */
  if (!fz_validate_identity_number (norm, NULL, NULL, error))
    return FALSE;
  person = fz_registry_find_person_by_id_number (registry, norm, error);
  if (person || (error && *error))
    return person != NULL;
  if (cert == NULL || *cert == '\0' || name == NULL || *name == '\0')
    return TRUE;  /* not registered: resolving it says so */
  person = fz_person_new ();
  fz_person_set_name (person, name);
  fz_person_set_id_number (person, norm);
  fz_person_set_cert_number (person, cert);
  county = cell (im, record, COL_COUNTY) ? fz_county_lookup (fz_context_get_database (im->context),
                                                             cell (im, record, COL_COUNTY)) : NULL;
  if (county)
    fz_person_set_county_code (person, county);
  return fz_registry_add_person (registry, person, error);
}

static gboolean
import_practitioner_row (Import  *im,
                         guint    record,
                         GError **error)
{
  FzDatabase *db = fz_context_get_database (im->context);
  const char *qualification = cell (im, record, COL_QUALIFICATION);
  const char *county_text = cell (im, record, COL_COUNTY);
  const char *notes = cell (im, record, COL_NOTES);
  const char *number = cell (im, record, COL_ID_NUMBER);
  g_autoptr(FzpBlindMassagePractitioner) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  FzpBlindMassageKind kind = FZP_BLIND_MASSAGE_KIND_NONE;
  GDate qualified_on, registered_on;
  g_autofree char *warning = NULL;
  g_autofree char *county = NULL;

  if (number == NULL || *number == '\0')
    number = cell (im, record, COL_CERT_NUMBER);
  if (cell (im, record, COL_KIND) == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Kind: there is no column for it; name one 按摩类别 (医疗 or 保健) or kind"));
      return FALSE;
    }
  if (!fzp_blind_massage_kind_parse (cell (im, record, COL_KIND), &kind, error))
    return FALSE;
  if (!fzp_blind_massage_parse_date (cell (im, record, COL_QUALIFIED_ON), _("Date of issue"), TRUE,
                                     &qualified_on, error)
      || !fzp_blind_massage_parse_date (cell (im, record, COL_REGISTERED_ON), _("Registered"), TRUE,
                                        &registered_on, error))
    return FALSE;
  if (county_text && *county_text)
    {
      county = fzp_blind_massage_lookup_county (db, county_text, error);
      if (county == NULL)
        return FALSE;
    }
  if (!ensure_person (im, record, error))
    return FALSE;

  existing = fzp_blind_massage_find_practitioner (im->context, number, kind, &local_error);
  if (existing == NULL && !g_error_matches (local_error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (existing == NULL)
    {
      FzpBlindMassageNewPractitioner add = {
        .number = number,
        .kind = kind,
        .county = county,
        .qualification_number = qualification,
        .qualified_on = &qualified_on,
        .registered_on = &registered_on,
        .notes = notes,
      };
      if (fzp_blind_massage_add_practitioner (im->context, &add, &warning, error) == 0)
        return FALSE;
      if (warning)
        g_ptr_array_add (im->report->warnings,
                         g_strdup_printf ("%s:%u: %s", im->path, fz_table_get_line (im->table, record), warning));
      im->report->added++;
      return TRUE;
    }

  /* Known: take what the sheet has and say whether anything changed. */
  {
    gboolean changed = FALSE;
    g_autofree char *qual = qualification ? fz_normalize_number (qualification) : NULL;
    g_autofree char *note = notes ? fz_normalize_text (notes) : NULL;
    g_autofree char *old_date = fzp_blind_massage_date_to_iso (&existing->qualified_on);
    g_autofree char *new_date = fzp_blind_massage_date_to_iso (&qualified_on);

    if (qual && *qual && (g_strcmp0 (qual, existing->qualification_number) != 0
                          || (g_date_valid (&qualified_on) && g_strcmp0 (old_date, new_date) != 0)))
      {
        if (!fzp_blind_massage_set_qualification (im->context, existing->id, qual,
                                                  g_date_valid (&qualified_on) ? &qualified_on : &existing->qualified_on,
                                                  error))
          return FALSE;
        changed = TRUE;
      }
    if (county && g_strcmp0 (county, existing->county_code) != 0)
      {
        if (!fz_database_execute (db, "UPDATE blind_massage_practitioner SET county_code = ?2 WHERE id = ?1",
                                  g_variant_new ("(xs)", existing->id, county), error))
          return FALSE;
        changed = TRUE;
      }
    if (note && g_strcmp0 (*note ? note : NULL, existing->notes) != 0)
      {
        if (!fz_database_execute (db, "UPDATE blind_massage_practitioner SET notes = ?2 WHERE id = ?1",
                                  g_variant_new ("(xms)", existing->id, *note ? note : NULL), error))
          return FALSE;
        changed = TRUE;
      }
    if (changed)
      im->report->updated++;
    else
      im->report->unchanged++;
  }
  return TRUE;
}

static gboolean
import_attendance_row (Import  *im,
                       guint    record,
                       GError **error)
{
  const char *number = cell (im, record, COL_ID_NUMBER);
  const char *hours_text = cell (im, record, COL_HOURS);
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  double hours = 0;

  if (number == NULL || *number == '\0')
    number = cell (im, record, COL_CERT_NUMBER);
  if (hours_text && *hours_text && !fzp_blind_massage_parse_hours (hours_text, _("Class hours"), &hours, error))
    return FALSE;
  p = fzp_blind_massage_find_practitioner (im->context, number, FZP_BLIND_MASSAGE_KIND_NONE, error);
  if (p == NULL)
    return FALSE;
  if (!fzp_blind_massage_add_attendance (im->context, im->course_id, p->id, hours, error))
    return FALSE;
  im->report->added++;
  return TRUE;
}

typedef gboolean (*RowFunc) (Import *im, guint record, GError **error);

typedef struct {
  Import  *im;
  RowFunc  row;
} ImportRun;

static gboolean
import_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  ImportRun *run = user_data;
  Import *im = run->im;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 1; r < fz_table_get_n_records (im->table); r++)
    {
      g_autoptr(GError) row_error = NULL;
      guint line = fz_table_get_line (im->table, r);
      const char *number = cell (im, r, COL_ID_NUMBER);
      g_autofree char *key = NULL;

      if (number == NULL || *number == '\0')
        number = cell (im, r, COL_CERT_NUMBER);
      key = g_strdup_printf ("%.18s/%s", number ? number : "", cell (im, r, COL_KIND) ? cell (im, r, COL_KIND) : "");
      if (number && *number && g_hash_table_contains (seen, key))
        {
          g_autofree char *message = g_strdup_printf (_("Identity number: %s is on line %u already"), number,
                                                      GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)));
          problem (im, line, message);
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
      if (!run->row (im, r, &row_error))
        problem (im, line, row_error->message);
    }
  if (im->report->problems->len > 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", im->report->problems->len),
                   im->path, im->report->problems->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_import (FzContext               *context,
            const char              *path,
            gint64                   course_id,
            RowFunc                  row,
            FzpBlindMassageImport  **import,
            GError                 **error)
{
  g_autoptr(FzTable) table = fz_table_read_file (path, error);
  g_autoptr(FzpBlindMassageImport) report = NULL;
  Import im = { 0 };
  ImportRun run = { &im, row };
  gboolean ok;

  if (import)
    *import = NULL;
  if (table == NULL)
    return FALSE;
  report = g_new0 (FzpBlindMassageImport, 1);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  im.context = context;
  im.path = path;
  im.table = table;
  im.report = report;
  im.course_id = course_id;

  if (fz_table_get_n_records (table) == 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_REJECTED, _("%s: the sheet is empty"), path);
      ok = FALSE;
    }
  else if (!read_header (&im))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_REJECTED,
                   _("%s: the header is not understood; nothing was imported"), path);
      ok = FALSE;
    }
  else
    ok = fz_database_transaction (fz_context_get_database (context), import_txn, &run, error);
  if (!ok)
    {
      report->added = report->updated = report->unchanged = 0;
      g_ptr_array_set_size (report->warnings, 0);
    }
  if (import)
    *import = g_steal_pointer (&report);
  return ok;
}

gboolean
fzp_blind_massage_import_practitioners (FzContext               *context,
                                        const char              *path,
                                        FzpBlindMassageImport  **import,
                                        GError                 **error)
{
  return run_import (context, path, 0, import_practitioner_row, import, error);
}

gboolean
fzp_blind_massage_import_attendance (FzContext               *context,
                                     gint64                   course_id,
                                     const char              *path,
                                     FzpBlindMassageImport  **import,
                                     GError                 **error)
{
  gboolean exists = FALSE;

  if (!fz_database_query_int64 (fz_context_get_database (context), "SELECT 1 FROM blind_massage_course WHERE id = ?1",
                                g_variant_new ("(x)", course_id), NULL, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                           _("Course: there is no such course"));
      return FALSE;
    }
  return run_import (context, path, course_id, import_attendance_row, import, error);
}

gboolean
fzp_blind_massage_export_practitioners (FzContext            *context,
                                        const char           *path,
                                        FzpBlindMassageKind   kind,
                                        const char           *county_code,
                                        int                   year,
                                        guint                *n_exported,
                                        GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzTableWriter) writer = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *y = g_strdup_printf ("%04d", year);
  g_autofree char *today = NULL;
  static const char *header[] = {
    "姓名", "身份证号", "残疾证号", "按摩类别", "县(市、区)", "资格证书编号", "发证日期", "登记日期",
    "职称", "执业地点", "备案有效期至", "继续教育学时", "年审结果", "退出日期", "备注",
  };
  guint n = 0;

  {
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_time_t (&d, time (NULL));
    today = fzp_blind_massage_date_to_iso (&d);
  }
  writer = fz_table_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  fz_table_writer_set_column (writer, 0, FZ_TABLE_COLUMN_TEXT, 10);
  fz_table_writer_set_column (writer, 1, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  fz_table_writer_set_column (writer, 2, FZ_TABLE_COLUMN_IDENTIFIER, 24);
  fz_table_writer_set_column (writer, 5, FZ_TABLE_COLUMN_IDENTIFIER, 20);
  fz_table_writer_set_column (writer, 9, FZ_TABLE_COLUMN_TEXT, 24);
  fz_table_writer_set_column (writer, 11, FZ_TABLE_COLUMN_NUMBER, 8);
  if (!fz_table_writer_add_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;

  st = fz_database_query (db,
                          "SELECT f.name, f.id_number, f.cert_number,"
                          " CASE p.kind WHEN 'medical' THEN '医疗' ELSE '保健' END, c.name,"
                          " p.qualification_number, p.qualified_on, p.registered_on,"
                          " (SELECT l.name FROM blind_massage_title t JOIN blind_massage_title_level l ON l.level = t.level"
                          "   WHERE t.practitioner_id = p.id ORDER BY t.level DESC LIMIT 1),"
                          " (SELECT workplace FROM blind_massage_filing g WHERE g.practitioner_id = p.id"
                          "   AND g.valid_from <= ?3 AND (g.valid_to IS NULL OR g.valid_to >= ?3)"
                          "   AND (g.ended_on IS NULL OR g.ended_on >= ?3) ORDER BY g.valid_from DESC LIMIT 1),"
                          " (SELECT g.valid_to FROM blind_massage_filing g WHERE g.practitioner_id = p.id"
                          "   AND g.valid_from <= ?3 AND (g.valid_to IS NULL OR g.valid_to >= ?3)"
                          "   AND (g.ended_on IS NULL OR g.ended_on >= ?3) ORDER BY g.valid_from DESC LIMIT 1),"
                          " (SELECT coalesce(sum(coalesce(a.hours, k.hours)), 0) FROM blind_massage_attendance a"
                          "   JOIN blind_massage_course k ON k.id = a.course_id"
                          "   WHERE a.practitioner_id = p.id AND substr(k.held_to, 1, 4) = ?4),"
                          " (SELECT CASE r.result WHEN 'passed' THEN '合格' WHEN 'failed' THEN '不合格' ELSE '暂缓' END"
                          "   FROM blind_massage_review r WHERE r.practitioner_id = p.id AND r.year = ?4),"
                          " p.left_on, p.notes"
                          " FROM blind_massage_practitioner p JOIN fz_person f ON f.id = p.person_id"
                          " JOIN fz_county c ON c.code = p.county_code"
                          " WHERE (?1 IS NULL OR p.kind = ?1) AND (?2 IS NULL OR p.county_code = ?2)"
                          " ORDER BY c.sort, p.kind DESC, f.id_number",
                          g_variant_new ("(msmsss)", fzp_blind_massage_kind_to_nick (kind), county_code, today, y),
                          error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      const char *fields[G_N_ELEMENTS (header)];
      g_autofree char *hours = fzp_blind_massage_format_hours (fz_statement_get_double (st, 11));

      for (guint i = 0; i < G_N_ELEMENTS (header); i++)
        fields[i] = fz_statement_is_null (st, (int) i) ? NULL : fz_statement_get_text (st, (int) i);
      fields[11] = hours;
      if (!fz_table_writer_add_row (writer, fields, G_N_ELEMENTS (fields), error))
        return FALSE;
      n++;
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!fz_table_writer_close (writer, error))
    return FALSE;
  if (n_exported)
    *n_exported = n;
  return TRUE;
}
