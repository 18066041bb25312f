/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-registry"

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "fz-access-private.h"
#include "fz-registry-private.h"
#include "fz-table.h"

/* Import report */

typedef struct {
  guint  line;
  char  *message;
} Problem;

struct _FzImportReport
{
  gatomicrefcount  ref;
  char            *path;
  char            *encoding;
  guint            added;
  guint            updated;
  guint            unchanged;
  GArray          *problems;  /* Problem */
};

G_DEFINE_BOXED_TYPE (FzImportReport, fz_import_report, fz_import_report_ref, fz_import_report_unref)

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static FzImportReport *
fz_import_report_new (const char *path)
{
  FzImportReport *report = g_new0 (FzImportReport, 1);

  g_atomic_ref_count_init (&report->ref);
  report->path = g_strdup (path);
  report->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (report->problems, problem_clear);
  return report;
}

FzImportReport *
fz_import_report_ref (FzImportReport *report)
{
  g_atomic_ref_count_inc (&report->ref);
  return report;
}

void
fz_import_report_unref (FzImportReport *report)
{
  if (!g_atomic_ref_count_dec (&report->ref))
    return;
  g_free (report->path);
  g_free (report->encoding);
  g_array_unref (report->problems);
  g_free (report);
}

const char *
fz_import_report_get_path (FzImportReport *report)
{
  return report->path;
}

const char *
fz_import_report_get_encoding (FzImportReport *report)
{
  return report->encoding;
}

guint
fz_import_report_get_added (FzImportReport *report)
{
  return report->added;
}

guint
fz_import_report_get_updated (FzImportReport *report)
{
  return report->updated;
}

guint
fz_import_report_get_unchanged (FzImportReport *report)
{
  return report->unchanged;
}

guint
fz_import_report_get_n_problems (FzImportReport *report)
{
  return report->problems->len;
}

const char *
fz_import_report_get_problem (FzImportReport *report,
                              guint           index,
                              guint          *line)
{
  const Problem *p;

  g_return_val_if_fail (index < report->problems->len, NULL);
  p = &g_array_index (report->problems, Problem, index);
  if (line)
    *line = p->line;
  return p->message;
}

char *
fz_import_report_format_problem (FzImportReport *report,
                                 guint           index)
{
  const Problem *p;

  g_return_val_if_fail (index < report->problems->len, NULL);
  p = &g_array_index (report->problems, Problem, index);
  return g_strdup_printf ("%s:%u: %s", report->path, p->line, p->message);
}

char *
fz_import_report_dup_summary (FzImportReport *report)
{
  return g_strdup_printf (_("%u added, %u updated, %u unchanged"),
                          report->added, report->updated, report->unchanged);
}

static void
report_add (FzImportReport *report,
            guint           line,
            const char     *message)
{
  Problem p = { line, g_strdup (message) };

  g_array_append_val (report->problems, p);
}

/* Columns */

typedef enum {
  COL_NAME,
  COL_SEX,
  COL_ID_NUMBER,
  COL_CERT_NUMBER,
  COL_CATEGORY,
  COL_GRADE,
  COL_COUNTY,
  COL_TOWNSHIP,
  COL_PHONE,
  COL_EMPLOYMENT_STATUS,
  COL_EMPLOYMENT_FORM,
  COL_EMPLOYMENT_DATE,
  COL_BIRTH_DATE,
  N_COLUMNS
} Column;

/* How staff name the columns, compared after dropping white space,
 * brackets, 、 and * (a required-column mark in many templates), with
 * full-width letters folded and ASCII in lower case. */
static const char *const column_names[N_COLUMNS][10] = {
  [COL_NAME] = { "姓名", "名字", "残疾人姓名", "name", NULL },
  [COL_SEX] = { "性别", "sex", "gender", NULL },
  [COL_ID_NUMBER] = { "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "身份证件号码",
                      "id_number", "idnumber", "identity_number", NULL },
  [COL_CERT_NUMBER] = { "残疾证号", "残疾证号码", "残疾人证号", "残疾人证号码", "残疾证", "cert_number",
                        "certnumber", "certificate_number", "certificate", NULL },
  [COL_CATEGORY] = { "残疾类别", "类别", "残疾类型", "category", "disability_category", NULL },
  [COL_GRADE] = { "残疾等级", "等级", "残疾级别", "grade", "disability_grade", NULL },
  [COL_COUNTY] = { "县(市、区)", "县市区", "县(市,区)", "县区", "所属县(市、区)", "所属县市区", "县",
                   "county", "county_code", NULL },
  [COL_TOWNSHIP] = { "乡镇(街道)", "乡镇街道", "乡镇", "街道", "所属乡镇(街道)", "township", NULL },
  [COL_PHONE] = { "联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "phone", NULL },
  [COL_EMPLOYMENT_STATUS] = { "就业状态", "是否就业", "就业情况", "employment_status", "employment", NULL },
  [COL_EMPLOYMENT_FORM] = { "就业形式", "就业方式", "employment_form", NULL },
  [COL_EMPLOYMENT_DATE] = { "就业时间", "就业日期", "employment_date", NULL },
  [COL_BIRTH_DATE] = { "出生日期", "birth_date", NULL },
};

/* What export writes, in this order: the first name of each column. */
static const Column export_columns[] = {
  COL_NAME, COL_SEX, COL_BIRTH_DATE, COL_ID_NUMBER, COL_CERT_NUMBER, COL_CATEGORY, COL_GRADE,
  COL_COUNTY, COL_TOWNSHIP, COL_PHONE, COL_EMPLOYMENT_STATUS, COL_EMPLOYMENT_FORM,
  COL_EMPLOYMENT_DATE,
};

static char *
header_key (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '(' || c == ')' || c == ',' || c == '*' || c == '-' ||
          c == '_' || c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */)
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (key, FALSE);
}

static int
match_column (const char *header)
{
  g_autofree char *key = header_key (header);

  if (*key == '\0')
    return -1;
  for (int c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; column_names[c][i]; i++)
      {
        g_autofree char *name = header_key (column_names[c][i]);
        if (strcmp (key, name) == 0)
          return c;
      }
  return -1;
}

static const char *
column_label (Column column)
{
  switch (column)
    {
    case COL_NAME:              return _("Name");
    case COL_SEX:               return _("Sex");
    case COL_ID_NUMBER:         return _("Identity number");
    case COL_CERT_NUMBER:       return _("Certificate number");
    case COL_CATEGORY:          return _("Category");
    case COL_GRADE:             return _("Grade");
    case COL_COUNTY:            return _("County");
    case COL_TOWNSHIP:          return _("Township");
    case COL_PHONE:             return _("Phone");
    case COL_EMPLOYMENT_STATUS: return _("Employment status");
    case COL_EMPLOYMENT_FORM:   return _("Employment form");
    case COL_EMPLOYMENT_DATE:   return _("Employment date");
    case COL_BIRTH_DATE:        return _("Birth date");
    case N_COLUMNS:
    default:                    return "";
    }
}

/* Import */

typedef struct {
  FzRegistry     *self;
  FzTable        *table;
  FzImportReport *report;
  int             columns[N_COLUMNS];  /* field index, -1 when absent */
  GHashTable     *seen;                /* identity number -> line */
  GPtrArray      *row_problems;        /* GError* of the row being read */
  GDate           today;
  gboolean        registry_empty;      /* nobody to look up: all are new */
} Import;

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
present (Import *im,
         Column  column)
{
  return im->columns[column] >= 0;
}

static gboolean
read_header (Import *im)
{
  guint n = fz_table_get_n_fields (im->table, 0);
  guint line = fz_table_get_line (im->table, 0);

  for (int c = 0; c < N_COLUMNS; c++)
    im->columns[c] = -1;

  for (guint i = 0; i < n; i++)
    {
      const char *header = fz_table_get_field (im->table, 0, i);
      int c = match_column (header);

      if (c < 0)
        continue;  /* a column of the office's own: ignored */
      if (im->columns[c] >= 0)
        {
          /* Translators: a field name, then two column headers */
          g_autofree char *message =
            g_strdup_printf (_("%s: the columns “%s” and “%s” both hold it; keep one"),
                             column_label (c), fz_table_get_field (im->table, 0, (guint) im->columns[c]),
                             header);
          report_add (im->report, line, message);
          continue;
        }
      im->columns[c] = (int) i;
    }
  if (im->columns[COL_ID_NUMBER] < 0)
    report_add (im->report, line,
                _("There is no column for the identity number: name one 身份证号, 公民身份号码 or id_number"));
  return im->report->problems->len == 0;
}

static void
copy_values (FzPersonValues       *to,
             const FzPersonValues *from)
{
  *to = *from;
  to->name = g_strdup (from->name);
  to->id_number = g_strdup (from->id_number);
  to->cert_number = g_strdup (from->cert_number);
  to->county_code = g_strdup (from->county_code);
  to->township = g_strdup (from->township);
  to->phone = g_strdup (from->phone);
  to->employment_form = g_strdup (from->employment_form);
  to->employment_date = g_strdup (from->employment_date);
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = (value && *value) ? g_strdup (value) : NULL;
}

/* Reads, checks and (while the file has no problem) writes one row. */
static gboolean
import_row (Import   *im,
            guint     record,
            GError  **error)
{
  FzRegistry *self = im->self;
  GPtrArray *problems = im->row_problems;
  guint line = fz_table_get_line (im->table, record);
  g_autofree char *id_number = fz_normalize_number (cell (im, record, COL_ID_NUMBER));
  FzPersonValues existing = { 0 };
  FzPersonValues v = { 0 };
  gboolean exists = FALSE;
  gint64 id = 0;
  FzSex sheet_sex = FZ_SEX_UNKNOWN;
  GError *local = NULL;
  const char *text;

  g_ptr_array_set_size (problems, 0);

  if (fz_validate_identity_number (id_number, &im->today, NULL, NULL))
    {
      gpointer other = g_hash_table_lookup (im->seen, id_number);

      if (other != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s is also on line %u"), id_number, GPOINTER_TO_UINT (other));
          _fz_set_field_error (&local, FZ_VALIDATE_ERROR_MISMATCH, _("Identity number"), message);
          g_ptr_array_add (problems, local);
          goto out;
        }
      g_hash_table_insert (im->seen, g_strdup (id_number), GUINT_TO_POINTER (line));
      if (!im->registry_empty)
        exists = _fz_registry_lookup_values (self, id_number, &id, &existing, &local);
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }

  /* A registered person keeps what the sheet has no column for. */
  if (exists)
    copy_values (&v, &existing);
  else
    v.employment_status = FZ_EMPLOYMENT_UNKNOWN;

  set_text (&v.id_number, id_number);
  if (present (im, COL_NAME))
    set_text (&v.name, cell (im, record, COL_NAME));
  if (present (im, COL_CERT_NUMBER))
    {
      set_text (&v.cert_number, cell (im, record, COL_CERT_NUMBER));
      /* A new certificate brings its own category and grade. */
      if (v.cert_number)
        v.category = v.grade = 0;
    }
  if (present (im, COL_CATEGORY))
    {
      text = cell (im, record, COL_CATEGORY);
      v.category = 0;
      if (*text && !fz_parse_category (text, &v.category, &local))
        {
          g_ptr_array_add (problems, g_steal_pointer (&local));
          v.category = FZ_ALREADY_REPORTED;
        }
    }
  if (present (im, COL_GRADE))
    {
      text = cell (im, record, COL_GRADE);
      v.grade = 0;
      if (*text && !fz_parse_grade (text, &v.grade, &local))
        {
          g_ptr_array_add (problems, g_steal_pointer (&local));
          v.grade = FZ_ALREADY_REPORTED;
        }
    }
  if (present (im, COL_COUNTY))
    {
      g_autofree char *code = NULL;

      text = cell (im, record, COL_COUNTY);
      if (*text && !fz_registry_parse_county (self, text, &code, &local))
        g_ptr_array_add (problems, g_steal_pointer (&local));
      set_text (&v.county_code, code);
    }
  if (present (im, COL_TOWNSHIP))
    set_text (&v.township, cell (im, record, COL_TOWNSHIP));
  if (present (im, COL_PHONE))
    set_text (&v.phone, cell (im, record, COL_PHONE));
  if (present (im, COL_EMPLOYMENT_STATUS) &&
      !fz_parse_employment_status (cell (im, record, COL_EMPLOYMENT_STATUS), &v.employment_status, &local))
    g_ptr_array_add (problems, g_steal_pointer (&local));
  if (present (im, COL_EMPLOYMENT_FORM))
    set_text (&v.employment_form, cell (im, record, COL_EMPLOYMENT_FORM));
  if (present (im, COL_EMPLOYMENT_DATE))
    set_text (&v.employment_date, cell (im, record, COL_EMPLOYMENT_DATE));
  if (present (im, COL_SEX) && *(text = cell (im, record, COL_SEX)) &&
      !fz_parse_sex (text, &sheet_sex, &local))
    g_ptr_array_add (problems, g_steal_pointer (&local));

  _fz_registry_check_values (self, &v, &im->today, problems);

  /* Sex comes from the identity number; a sex column must agree with it. */
  if (sheet_sex != FZ_SEX_UNKNOWN && v.sex != FZ_SEX_UNKNOWN && sheet_sex != v.sex)
    {
      g_autofree char *message =
        g_strdup_printf (_("the identity number says %s, the sheet says %s"),
                         fz_sex_to_string (v.sex), fz_sex_to_string (sheet_sex));
      _fz_set_field_error (&local, FZ_VALIDATE_ERROR_MISMATCH, _("Sex"), message);
      g_ptr_array_add (problems, g_steal_pointer (&local));
    }

  /* Once the file has a problem nothing is written: the rest is only checked. */
  if (problems->len == 0 && im->report->problems->len == 0)
    {
      if (exists && _fz_person_values_equal (&existing, &v))
        im->report->unchanged++;
      else
        {
          if (!_fz_registry_write_values (self, &id, &v, exists ? existing.name : NULL, line, &local))
            {
              guint at = _fz_registry_get_failed_tag (self);

              /* A constraint the checks did not foresee: still a row's
               * problem, this one's or, written with it, an earlier one's. */
              if (at != 0 && at != line)
                {
                  report_add (im->report, at, local->message);
                  g_clear_error (&local);
                }
              else
                g_ptr_array_add (problems, g_steal_pointer (&local));
            }
          else if (exists)
            im->report->updated++;
          else
            im->report->added++;
        }
    }

out:
  for (guint i = 0; i < problems->len; i++)
    report_add (im->report, line, ((GError *) g_ptr_array_index (problems, i))->message);
  _fz_person_values_clear (&existing);
  _fz_person_values_clear (&v);
  return TRUE;
}

static void
restore_cache_size (FzDatabase *db,
                    gint64      cache_size)
{
  g_autofree char *sql = NULL;

  if (cache_size == 0)
    return;
  /* A number SQLite gave, not user data. */
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  fz_database_exec (db, sql, NULL);
}

gboolean
fz_registry_import_file (FzRegistry       *self,
                         const char       *path,
                         FzImportReport  **report,
                         GError          **error)
{
  FzDatabase *db;
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzImportReport) rep = NULL;
  g_autoptr(GError) local_error = NULL;
  Import im = { 0 };
  g_autofree char *absolute = NULL;
  gint64 cache_size = 0;
  guint n;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report)
    *report = NULL;
  db = fz_registry_get_database (self);
  if (!_fz_access_check (db, FZ_PERMISSION_WRITE, _("change the registry"), error))
    return FALSE;

  table = fz_table_read_file (path, error);
  if (table == NULL)
    return FALSE;
  absolute = g_canonicalize_filename (path, NULL);

  rep = fz_import_report_new (path);
  rep->encoding = g_strdup (fz_table_get_encoding (table));
  im.self = self;
  im.table = table;
  im.report = rep;
  g_date_clear (&im.today, 1);
  g_date_set_time_t (&im.today, time (NULL));
  n = fz_table_get_n_records (table);

  if (n == 0)
    report_add (rep, 1, _("The file is empty: the first row should name the columns"));
  else if (read_header (&im))
    {
      im.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      im.row_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

      /* A city's registry does not fit SQLite's default 2 MB page cache: up to 256 MB while importing. */
      if (fz_database_query_int64 (db, "PRAGMA cache_size", NULL, &cache_size, NULL, NULL))
        fz_database_exec (db, "PRAGMA cache_size = -262144", NULL);

      /* One transaction for the whole file: all or nothing, and fast. */
      if (!fz_database_begin (db, &local_error))
        goto failed;
      if (!_fz_registry_begin_bulk (self, &local_error))
        {
          fz_database_rollback (db);
          goto failed;
        }
      /* A county's first import (the registry it kept in a sheet) looks
       * nobody up: within the transaction, nobody else can add anyone. */
      {
        gint64 anyone = 1;

        if (!fz_database_query_int64 (db, "SELECT EXISTS (SELECT 1 FROM fz_person)", NULL, &anyone, NULL,
                                      &local_error))
          {
            _fz_registry_end_bulk (self, FALSE, NULL, NULL, NULL);
            fz_database_rollback (db);
            goto failed;
          }
        im.registry_empty = anyone == 0;
      }
      for (guint r = 1; r < n; r++)
        if (!import_row (&im, r, &local_error))
          {
            _fz_registry_end_bulk (self, FALSE, NULL, NULL, NULL);
            fz_database_rollback (db);
            goto failed;
          }
      if (rep->problems->len > 0)
        {
          _fz_registry_end_bulk (self, FALSE, NULL, NULL, NULL);
          fz_database_rollback (db);
        }
      else if (!_fz_registry_end_bulk (self, TRUE, absolute, rep->encoding, &local_error))
        {
          fz_database_rollback (db);
          /* A row the checks let through and the database refused. */
          if (_fz_registry_get_failed_tag (self) == 0)
            goto failed;
          report_add (rep, _fz_registry_get_failed_tag (self), local_error->message);
          g_clear_error (&local_error);
        }
      else if (!fz_database_commit (db, &local_error))
        {
          fz_database_rollback (db);
          goto failed;
        }
    }

  g_clear_pointer (&im.seen, g_hash_table_unref);
  g_clear_pointer (&im.row_problems, g_ptr_array_unref);
  restore_cache_size (db, cache_size);

  if (rep->problems->len > 0)
    {
      rep->added = rep->updated = rep->unchanged = 0;
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED,
                   _("Nothing was imported from %s; problems found: %u"), path, rep->problems->len);
      if (report)
        *report = g_steal_pointer (&rep);
      return FALSE;
    }

  if (rep->added + rep->updated > 0)
    {
      /* Let the query planner learn the new shape of the tables. */
      fz_database_exec (db, "PRAGMA optimize", NULL);
      _fz_registry_emit_persons_changed (self);
    }
  if (report)
    *report = g_steal_pointer (&rep);
  return TRUE;

failed:
  g_clear_pointer (&im.seen, g_hash_table_unref);
  g_clear_pointer (&im.row_problems, g_ptr_array_unref);
  restore_cache_size (db, cache_size);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Could not import %s: "), path);
  return FALSE;
}

/* Export */

static const char *grade_names[] = { "", "一级", "二级", "三级", "四级" };
static const char *category_names[] = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };

static gboolean
export_row (FzStatement  *row,
            gpointer      user_data,
            GError      **error)
{
  FzTableWriter *writer = ((gpointer *) user_data)[0];
  guint *count = ((gpointer *) user_data)[1];
  const char *fields[G_N_ELEMENTS (export_columns)];
  guint category = (guint) fz_statement_get_int64 (row, FZ_PERSON_COL_CATEGORY);
  guint grade = (guint) fz_statement_get_int64 (row, FZ_PERSON_COL_GRADE);
  FzEmploymentStatus status =
    fz_employment_status_from_nick (fz_statement_get_text (row, FZ_PERSON_COL_EMPLOYMENT_STATUS));

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    {
      const char *value = NULL;

      /* Values as Chinese sheets write them, whatever the UI language. */
      switch (export_columns[i])
        {
        case COL_NAME:        value = fz_statement_get_text (row, FZ_PERSON_COL_NAME); break;
        case COL_SEX:         value = fz_statement_get_int64 (row, FZ_PERSON_COL_SEX) == FZ_SEX_MALE ? "男" : "女"; break;
        case COL_BIRTH_DATE:  value = fz_statement_get_text (row, FZ_PERSON_COL_BIRTH_DATE); break;
        case COL_ID_NUMBER:   value = fz_statement_get_text (row, FZ_PERSON_COL_ID_NUMBER); break;
        case COL_CERT_NUMBER: value = fz_statement_get_text (row, FZ_PERSON_COL_CERT_NUMBER); break;
        case COL_CATEGORY:    value = category <= FZ_CATEGORY_LAST ? category_names[category] : ""; break;
        case COL_GRADE:       value = grade <= FZ_GRADE_LAST ? grade_names[grade] : ""; break;
        case COL_COUNTY:      value = fz_statement_get_text (row, FZ_PERSON_COL_COUNTY_NAME); break;
        case COL_TOWNSHIP:    value = fz_statement_get_text (row, FZ_PERSON_COL_TOWNSHIP); break;
        case COL_PHONE:       value = fz_statement_get_text (row, FZ_PERSON_COL_PHONE); break;
        case COL_EMPLOYMENT_STATUS:
          value = status == FZ_EMPLOYMENT_EMPLOYED ? "已就业" :
                  status == FZ_EMPLOYMENT_UNEMPLOYED ? "未就业" : "未知";
          break;
        case COL_EMPLOYMENT_FORM: value = fz_statement_get_text (row, FZ_PERSON_COL_EMPLOYMENT_FORM); break;
        case COL_EMPLOYMENT_DATE: value = fz_statement_get_text (row, FZ_PERSON_COL_EMPLOYMENT_DATE); break;
        case N_COLUMNS:
        default:
          break;
        }
      fields[i] = value;
    }
  (*count)++;
  return fz_table_writer_add_row (writer, fields, G_N_ELEMENTS (fields), error);
}

gboolean
fz_registry_export_persons (FzRegistry            *self,
                            const char            *path,
                            const FzPersonFilter  *filter,
                            guint                 *n_exported,
                            GError               **error)
{
  g_autoptr(FzTableWriter) writer = NULL;
  const char *header[G_N_ELEMENTS (export_columns)];
  guint count = 0;
  gpointer data[2];

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_fz_access_check (fz_registry_get_database (self), FZ_PERMISSION_EXPORT_PERSONAL,
                         _("export persons"), error))
    return FALSE;
  writer = fz_table_writer_new (path, error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    {
      Column c = export_columns[i];

      header[i] = column_names[c][0];
      switch (c)
        {
        case COL_ID_NUMBER:
          fz_table_writer_set_column (writer, i, FZ_TABLE_COLUMN_IDENTIFIER, 21);
          break;
        case COL_CERT_NUMBER:
          fz_table_writer_set_column (writer, i, FZ_TABLE_COLUMN_IDENTIFIER, 23);
          break;
        case COL_PHONE:
          fz_table_writer_set_column (writer, i, FZ_TABLE_COLUMN_IDENTIFIER, 14);
          break;
        case COL_BIRTH_DATE:
        case COL_EMPLOYMENT_DATE:
        case COL_COUNTY:
        case COL_TOWNSHIP:
          fz_table_writer_set_column (writer, i, FZ_TABLE_COLUMN_TEXT, 12);
          break;
        case COL_NAME:
        case COL_SEX:
        case COL_CATEGORY:
        case COL_GRADE:
        case COL_EMPLOYMENT_STATUS:
        case COL_EMPLOYMENT_FORM:
        case N_COLUMNS:
        default:
          break;
        }
    }
  if (!fz_table_writer_add_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;

  data[0] = writer;
  data[1] = &count;
  if (!_fz_registry_foreach_person (self, filter, 0, -1, export_row, data, error) ||
      !fz_table_writer_close (writer, error))
    {
      g_prefix_error (error, _("Could not export to %s: "), path);
      return FALSE;
    }
  if (n_exported)
    *n_exported = count;
  /* Who took personal data away, and where to. */
  {
    g_autofree char *details = _fz_audit_export_details (path, count, "persons");
    return _fz_audit_record_event (fz_registry_get_database (self), "export", "fz_person", NULL, details, error);
  }
}
