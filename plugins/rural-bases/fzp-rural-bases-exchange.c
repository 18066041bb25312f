/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-rural-bases-exchange.h"
#include "fzp-rural-bases-store.h"

typedef enum {
  COL_NUMBER,
  COL_NAME,
  COL_COUNTY,
  COL_TOWNSHIP,
  COL_VILLAGE,
  COL_INDUSTRY,
  COL_OPERATOR_KIND,
  COL_OPERATOR,
  COL_OPERATOR_CODE,
  COL_PHONE,
  COL_FOUNDED,
  COL_CLOSED,
  COL_HOMESTAY,
  COL_LEVEL,
  COL_RECOGNIZED,
  COL_DOCUMENT,
  COL_NOTE,
  /* people */
  COL_BASE,
  COL_BASE_COUNTY,
  COL_PERSON_NAME,
  COL_ID_NUMBER,
  COL_START,
  COL_END,
  COL_INCOME,
  COL_JOB,
  COL_KIND,
  N_COLUMNS
} Column;

/* How staff name the columns, compared after dropping white space,
 * brackets, 、 and *, with full-width letters folded and ASCII in lower
 * case. The first name is the one export writes. */
static const char *const column_names[N_COLUMNS][8] = {
  [COL_NUMBER] = { "基地编号", "编号", "number", NULL },
  [COL_NAME] = { "基地名称", "名称", "基地", "name", "base_name", NULL },
  [COL_COUNTY] = { "县(市、区)", "县市区", "县区", "所属县(市、区)", "县", "county", NULL },
  [COL_TOWNSHIP] = { "乡镇(街道)", "乡镇街道", "乡镇", "街道", "township", NULL },
  [COL_VILLAGE] = { "村(社区)", "村社区", "村", "行政村", "village", NULL },
  [COL_INDUSTRY] = { "产业类型", "产业", "行业", "行业类型", "industry", NULL },
  [COL_OPERATOR_KIND] = { "运营主体类型", "主体类型", "operator_kind", NULL },
  [COL_OPERATOR] = { "运营主体", "经营主体", "运营者", "经营者", "负责人", "operator", NULL },
  [COL_OPERATOR_CODE] = { "运营主体证件号", "统一社会信用代码", "信用代码", "operator_code", "credit_code", NULL },
  [COL_PHONE] = { "联系电话", "电话", "手机", "手机号码", "phone", NULL },
  [COL_FOUNDED] = { "成立日期", "成立时间", "创办时间", "创办日期", "founded", NULL },
  [COL_CLOSED] = { "停办日期", "停办时间", "closed", NULL },
  [COL_HOMESTAY] = { "民宿", "是否民宿", "homestay", NULL },
  [COL_LEVEL] = { "认定等级", "等级", "认定级别", "level", NULL },
  [COL_RECOGNIZED] = { "认定日期", "认定时间", "recognized_on", "recognised_on", NULL },
  [COL_DOCUMENT] = { "认定文号", "文号", "document_number", NULL },
  [COL_NOTE] = { "备注", "note", NULL },
  [COL_BASE] = { "基地名称", "基地", "所在基地", "base", NULL },
  [COL_BASE_COUNTY] = { "基地所在县(市、区)", "基地县(市、区)", "base_county", NULL },
  [COL_PERSON_NAME] = { "姓名", "残疾人姓名", "name", NULL },
  [COL_ID_NUMBER] = { "身份证号", "身份证号码", "公民身份号码", "证件号码", "残疾证号", "id_number", NULL },
  [COL_START] = { "开始日期", "入职日期", "就业日期", "开始时间", "帮扶日期", "start", NULL },
  [COL_END] = { "结束日期", "离职日期", "结束时间", "end", NULL },
  [COL_INCOME] = { "月收入(元)", "月收入", "月工资", "monthly_income", "income", NULL },
  [COL_JOB] = { "岗位", "工种", "job", NULL },
  [COL_KIND] = { "帮扶方式", "带动方式", "帮扶类型", "kind", NULL },
};

static const Column base_columns[] = {
  COL_NUMBER, COL_NAME, COL_COUNTY, COL_TOWNSHIP, COL_VILLAGE, COL_INDUSTRY, COL_OPERATOR_KIND, COL_OPERATOR,
  COL_OPERATOR_CODE, COL_PHONE, COL_FOUNDED, COL_CLOSED, COL_HOMESTAY, COL_LEVEL, COL_RECOGNIZED, COL_DOCUMENT,
  COL_NOTE,
};
static const Column employed_columns[] = {
  COL_BASE, COL_BASE_COUNTY, COL_PERSON_NAME, COL_ID_NUMBER, COL_START, COL_END, COL_INCOME, COL_JOB,
};
static const Column helped_columns[] = {
  COL_BASE, COL_BASE_COUNTY, COL_PERSON_NAME, COL_ID_NUMBER, COL_KIND, COL_START, COL_END, COL_NOTE,
};

static const char *
column_label (Column column)
{
  switch (column)
    {
    case COL_NUMBER:        return _("Number");
    case COL_NAME:          return _("Base name");
    case COL_COUNTY:        return _("County");
    case COL_TOWNSHIP:      return _("Township");
    case COL_VILLAGE:       return _("Village");
    case COL_INDUSTRY:      return _("Industry");
    case COL_OPERATOR_KIND: return _("Kind of operator");
    case COL_OPERATOR:      return _("Operator");
    case COL_OPERATOR_CODE: return _("Operator's number");
    case COL_PHONE:         return _("Phone");
    case COL_FOUNDED:       return _("Founded");
    case COL_CLOSED:        return _("Closed");
    case COL_HOMESTAY:      return _("Homestay");
    case COL_LEVEL:         return _("Level");
    case COL_RECOGNIZED:    return _("Recognised on");
    case COL_DOCUMENT:      return _("Document number");
    case COL_NOTE:          return _("Note");
    case COL_BASE:          return _("Base");
    case COL_BASE_COUNTY:   return _("County of the base");
    case COL_PERSON_NAME:   return _("Name");
    case COL_ID_NUMBER:     return _("Identity number");
    case COL_START:         return _("Start date");
    case COL_END:           return _("End date");
    case COL_INCOME:        return _("Monthly income");
    case COL_JOB:           return _("Job");
    case COL_KIND:          return _("Kind of help");
    case N_COLUMNS:
    default:                return "";
    }
}

gboolean
fzp_rural_bases_sheet_parse (const char         *text,
                             FzpRuralBasesSheet *sheet)
{
  static const struct { const char *name; FzpRuralBasesSheet sheet; } names[] = {
    { "bases", FZP_RURAL_BASES_SHEET_BASES }, { "基地", FZP_RURAL_BASES_SHEET_BASES },
    { "employed", FZP_RURAL_BASES_SHEET_EMPLOYED }, { "就业", FZP_RURAL_BASES_SHEET_EMPLOYED },
    { "helped", FZP_RURAL_BASES_SHEET_HELPED }, { "带动", FZP_RURAL_BASES_SHEET_HELPED },
  };

  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i].name))
      {
        *sheet = names[i].sheet;
        return TRUE;
      }
  return FALSE;
}

void
fzp_rural_bases_import_report_free (FzpRuralBasesImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->encoding);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

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

/* Import */

typedef struct {
  FzContext                 *context;
  FzpRuralBasesSheet         sheet;
  FzTable                   *table;
  const char                *path;
  char                      *file_name;
  FzpRuralBasesImportReport *report;
  int                        columns[N_COLUMNS];
  GHashTable                *seen;      /* row key -> line */
  gboolean                   dry_run;
} Import;

static GQuark
dry_run_quark (void)
{
  return g_quark_from_static_string ("fzp-rural-bases-dry-run");
}

static const char *
cell (Import *im,
      guint   record,
      Column  column)
{
  if (im->columns[column] < 0)
    return "";
  return fz_table_get_field (im->table, record, (guint) im->columns[column]);
}

static gboolean
blank (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  return *norm == '\0';
}

static void
problem (Import     *im,
         guint       record,
         const char *message)
{
  g_ptr_array_add (im->report->problems,
                   g_strdup_printf ("%s:%u: %s", im->path, fz_table_get_line (im->table, record), message));
}

static void
problem_error (Import  *im,
               guint    record,
               GError  *error)
{
  problem (im, record, error->message);
}

static void
problem_field (Import     *im,
               guint       record,
               Column      column,
               const char *detail)
{
  /* Translators: a field name, then what is wrong with its value */
  g_autofree char *message = g_strdup_printf (_("%s: %s"), column_label (column), detail);
  problem (im, record, message);
}

static gboolean
read_header (Import   *im,
             GError  **error)
{
  const Column *wanted;
  guint n_wanted;
  guint n = fz_table_get_n_fields (im->table, 0);
  const Column *required;
  guint n_required;
  static const Column base_required[] = { COL_NAME, COL_COUNTY, COL_TOWNSHIP, COL_INDUSTRY, COL_OPERATOR, COL_FOUNDED };
  static const Column employed_required[] = { COL_BASE, COL_ID_NUMBER, COL_START, COL_INCOME };
  static const Column helped_required[] = { COL_BASE, COL_ID_NUMBER, COL_KIND, COL_START };

  switch (im->sheet)
    {
    case FZP_RURAL_BASES_SHEET_BASES:
      wanted = base_columns, n_wanted = G_N_ELEMENTS (base_columns);
      required = base_required, n_required = G_N_ELEMENTS (base_required);
      break;
    case FZP_RURAL_BASES_SHEET_EMPLOYED:
      wanted = employed_columns, n_wanted = G_N_ELEMENTS (employed_columns);
      required = employed_required, n_required = G_N_ELEMENTS (employed_required);
      break;
    case FZP_RURAL_BASES_SHEET_HELPED:
    default:
      wanted = helped_columns, n_wanted = G_N_ELEMENTS (helped_columns);
      required = helped_required, n_required = G_N_ELEMENTS (helped_required);
      break;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    im->columns[c] = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = header_key (fz_table_get_field (im->table, 0, i));

      if (*key == '\0')
        continue;
      for (guint w = 0; w < n_wanted; w++)
        {
          Column c = wanted[w];
          gboolean match = FALSE;

          for (guint k = 0; column_names[c][k] && !match; k++)
            {
              g_autofree char *name = header_key (column_names[c][k]);
              match = g_str_equal (key, name);
            }
          if (!match)
            continue;
          if (im->columns[c] >= 0)
            {
              g_autofree char *detail = g_strdup_printf (_("two columns hold it: “%1$s” and “%2$s”"),
                                                         fz_table_get_field (im->table, 0, (guint) im->columns[c]),
                                                         fz_table_get_field (im->table, 0, i));
              problem_field (im, 0, c, detail);
            }
          else
            im->columns[c] = (int) i;
          break;
        }
    }
  for (guint r = 0; r < n_required; r++)
    if (im->columns[required[r]] < 0)
      {
        g_autofree char *detail = g_strdup_printf (_("the sheet has no column for it (its header would be “%s”)"),
                                                   column_names[required[r]][0]);
        problem_field (im, 0, required[r], detail);
      }
  if (im->report->problems->len > 0)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("%s: the header row is not one this import reads; nothing was imported"), im->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_date_cell (Import     *im,
                guint       record,
                Column      column,
                gboolean    required,
                GDate      *date)
{
  const char *text = cell (im, record, column);
  g_autoptr(GError) error = NULL;

  g_date_clear (date, 1);
  if (!required && blank (text))
    return TRUE;
  if (!fz_parse_date (text, column_label (column), date, &error))
    {
      problem_error (im, record, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_person (Import   *im,
             guint     record,
             gint64   *person_id)
{
  g_autofree char *number = fz_normalize_number (cell (im, record, COL_ID_NUMBER));
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) person = NULL;
  FzIdentity identity;

  if (strlen (number) == 20)
    number[18] = '\0';
  if (!fz_validate_identity_number (number, NULL, &identity, &error))
    {
      problem_error (im, record, error);
      return FALSE;
    }
  person = fz_registry_find_person_by_id_number (fz_context_get_registry (im->context), identity.number, &error);
  if (error)
    {
      problem_error (im, record, error);
      return FALSE;
    }
  if (person == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("nobody with %s is in the registry; import the person there first"),
                                                 identity.number);
      problem_field (im, record, COL_ID_NUMBER, detail);
      return FALSE;
    }
  if (im->columns[COL_PERSON_NAME] >= 0 && !blank (cell (im, record, COL_PERSON_NAME)))
    {
      g_autofree char *name = fz_normalize_text (cell (im, record, COL_PERSON_NAME));

      if (!g_str_equal (name, fz_person_get_name (person)))
        {
          g_autofree char *detail = g_strdup_printf (_("the registry has %1$s for %2$s, not %3$s"),
                                                     fz_person_get_name (person), identity.number, name);
          problem_field (im, record, COL_PERSON_NAME, detail);
          return FALSE;
        }
    }
  *person_id = fz_person_get_id (person);
  return TRUE;
}

static FzpRuralBasesBase *
find_base (Import *im,
           guint   record)
{
  g_autofree char *name = fz_normalize_text (cell (im, record, COL_BASE));
  g_autofree char *county = fz_normalize_text (cell (im, record, COL_BASE_COUNTY));
  g_autofree char *text = *county ? g_strdup_printf ("%s/%s", county, name) : g_strdup (name);
  g_autoptr(GError) error = NULL;
  FzpRuralBasesBase *base = fzp_rural_bases_lookup_base (im->context, text, &error);

  if (base == NULL)
    problem_error (im, record, error);
  return base;
}

static gboolean
parse_operator_kind (const char             *text,
                     FzpRuralBasesOperator  *kind)
{
  static const char *const organization[] = { "单位", "组织", "企业", "合作社", "村集体", "organization", NULL };
  static const char *const person[] = { "持证残疾人", "残疾人", "person", NULL };
  static const char *const named[] = { "个人", "自然人", "其他个人", "named", NULL };
  g_autofree char *key = header_key (text);

  if (g_strv_contains (organization, key))
    *kind = FZP_RURAL_BASES_OPERATOR_ORGANIZATION;
  else if (g_strv_contains (person, key))
    *kind = FZP_RURAL_BASES_OPERATOR_PERSON;
  else if (g_strv_contains (named, key))
    *kind = FZP_RURAL_BASES_OPERATOR_NAMED;
  else
    return FALSE;
  return TRUE;
}

static const char *
operator_kind_to_print (FzpRuralBasesOperator kind)
{
  switch (kind)
    {
    case FZP_RURAL_BASES_OPERATOR_ORGANIZATION: return "单位";
    case FZP_RURAL_BASES_OPERATOR_PERSON:       return "持证残疾人";
    case FZP_RURAL_BASES_OPERATOR_NAMED:
    default:                                    return "个人";
    }
}

/* Works out who runs the base from the operator's kind, name and number. */
static gboolean
read_operator (Import            *im,
               guint              record,
               FzpRuralBasesBase *base)
{
  g_autofree char *name = fz_normalize_text (cell (im, record, COL_OPERATOR));
  g_autofree char *code = fz_normalize_number (cell (im, record, COL_OPERATOR_CODE));
  const char *kind_text = cell (im, record, COL_OPERATOR_KIND);
  FzpRuralBasesOperator kind = 0;
  g_autoptr(GError) error = NULL;

  if (!blank (kind_text) && !parse_operator_kind (kind_text, &kind))
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not one of 单位, 持证残疾人, 个人"), kind_text);
      problem_field (im, record, COL_OPERATOR_KIND, detail);
      return FALSE;
    }
  if (kind == 0)
    {
      if (*code && fz_validate_credit_code (code, NULL, NULL))
        kind = FZP_RURAL_BASES_OPERATOR_ORGANIZATION;
      else if (*code)
        kind = FZP_RURAL_BASES_OPERATOR_PERSON;
      else
        {
          gint64 id = 0;
          g_autoptr(GError) ignored = NULL;

          /* A name the registry knows as an organization is that organization. */
          kind = *name && fzp_rural_bases_resolve_organization (im->context, name, &id, &ignored)
                 ? FZP_RURAL_BASES_OPERATOR_ORGANIZATION : FZP_RURAL_BASES_OPERATOR_NAMED;
        }
    }
  base->operator_kind = kind;
  switch (kind)
    {
    case FZP_RURAL_BASES_OPERATOR_ORGANIZATION:
      if (!fzp_rural_bases_resolve_organization (im->context, *code ? code : name, &base->operator_id, &error))
        {
          problem_error (im, record, error);
          return FALSE;
        }
      return TRUE;
    case FZP_RURAL_BASES_OPERATOR_PERSON:
      if (!fzp_rural_bases_resolve_person (im->context, *code ? code : name, &base->operator_id, NULL, &error))
        {
          problem_error (im, record, error);
          return FALSE;
        }
      return TRUE;
    case FZP_RURAL_BASES_OPERATOR_NAMED:
    default:
      base->operator_name = g_steal_pointer (&name);
      return TRUE;
    }
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
same_base (const FzpRuralBasesBase *a,
           const FzpRuralBasesBase *b)
{
  return same_text (a->name, b->name) && same_text (a->county_code, b->county_code) &&
         same_text (a->township, b->township) && same_text (a->village, b->village) &&
         a->industry == b->industry && a->operator_kind == b->operator_kind &&
         (a->operator_kind == FZP_RURAL_BASES_OPERATOR_NAMED ? same_text (a->operator_name, b->operator_name)
                                                              : a->operator_id == b->operator_id) &&
         same_text (a->phone, b->phone) && same_date (&a->founded_on, &b->founded_on) &&
         same_date (&a->closed_on, &b->closed_on) && a->homestay == b->homestay && same_text (a->note, b->note);
}

static void
import_base_row (Import *im,
                 guint   record)
{
  FzDatabase *db = fz_context_get_database (im->context);
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_base_new ();
  g_autoptr(FzpRuralBasesBase) existing = NULL;
  g_autoptr(GError) error = NULL;
  guint before = im->report->problems->len;
  FzpRuralBasesLevel level = FZP_RURAL_BASES_LEVEL_NONE;
  GDate recognized;
  gboolean changed = FALSE;
  gint64 id = 0;
  gboolean found = FALSE;
  g_autofree char *key = NULL;

  base->name = g_strdup (cell (im, record, COL_NAME));
  base->county_code = g_strdup (cell (im, record, COL_COUNTY));
  base->township = g_strdup (cell (im, record, COL_TOWNSHIP));
  base->village = g_strdup (cell (im, record, COL_VILLAGE));
  base->phone = g_strdup (cell (im, record, COL_PHONE));
  base->note = g_strdup (cell (im, record, COL_NOTE));
  if (!fzp_rural_bases_industry_parse (cell (im, record, COL_INDUSTRY), &base->industry, &error))
    {
      problem_error (im, record, error);
      g_clear_error (&error);
    }
  read_date_cell (im, record, COL_FOUNDED, TRUE, &base->founded_on);
  read_date_cell (im, record, COL_CLOSED, FALSE, &base->closed_on);
  if (!fzp_rural_bases_parse_yes_no (cell (im, record, COL_HOMESTAY), column_label (COL_HOMESTAY), FALSE,
                                     &base->homestay, &error))
    {
      problem_error (im, record, error);
      g_clear_error (&error);
    }
  if (!blank (cell (im, record, COL_LEVEL)))
    {
      if (!fzp_rural_bases_level_parse (cell (im, record, COL_LEVEL), &level, &error))
        {
          problem_error (im, record, error);
          g_clear_error (&error);
        }
      else if (blank (cell (im, record, COL_RECOGNIZED)))
        problem_field (im, record, COL_RECOGNIZED, _("give the day the base was recognised at that level"));
      else
        read_date_cell (im, record, COL_RECOGNIZED, TRUE, &recognized);
    }
  read_operator (im, record, base);
  if (im->report->problems->len > before)
    return;
  if (!fzp_rural_bases_check_base (im->context, base, &error))
    {
      problem_error (im, record, error);
      return;
    }

  key = g_strdup_printf ("%s/%s", base->county_code, base->name);
  if (g_hash_table_contains (im->seen, key))
    {
      g_autofree char *detail = g_strdup_printf (_("the same base is on line %u too"),
                                                 GPOINTER_TO_UINT (g_hash_table_lookup (im->seen, key)));
      problem_field (im, record, COL_NAME, detail);
      return;
    }
  g_hash_table_insert (im->seen, g_strdup (key), GUINT_TO_POINTER (fz_table_get_line (im->table, record)));

  if (!fz_database_query_int64 (db, "SELECT id FROM rural_bases_base WHERE county_code = ?1 AND name = ?2",
                                g_variant_new ("(ss)", base->county_code, base->name), &id, &found, &error))
    {
      problem_error (im, record, error);
      return;
    }
  if (found)
    {
      existing = fzp_rural_bases_find_base (im->context, id, &error);
      if (existing == NULL)
        {
          problem_error (im, record, error);
          return;
        }
      base->id = id;
      changed = !same_base (base, existing);
    }
  if ((!found || changed) && !fzp_rural_bases_save_base (im->context, base, &error))
    {
      problem_error (im, record, error);
      return;
    }

  if (level != FZP_RURAL_BASES_LEVEL_NONE)
    {
      g_autoptr(GPtrArray) recognitions = fzp_rural_bases_list_recognitions (im->context, base->id, &error);
      gboolean holds = FALSE;

      if (recognitions == NULL)
        {
          problem_error (im, record, error);
          return;
        }
      for (guint i = 0; i < recognitions->len; i++)
        {
          FzpRuralBasesRecognitionRecord *r = g_ptr_array_index (recognitions, i);
          holds |= r->level == level && !g_date_valid (&r->withdrawn_on);
        }
      if (!holds)
        {
          g_autofree char *number = fz_normalize_text (cell (im, record, COL_DOCUMENT));
          g_autofree char *reason = g_strdup_printf (_("imported from %s"), im->file_name);

          if (fzp_rural_bases_recognize (im->context, base->id, level, &recognized, number, reason, &error) == 0)
            {
              problem_error (im, record, error);
              return;
            }
          changed = TRUE;
        }
    }
  if (!found)
    im->report->added++;
  else if (changed)
    im->report->updated++;
  else
    im->report->unchanged++;
}

static void
import_tie_row (Import *im,
                guint   record)
{
  FzDatabase *db = fz_context_get_database (im->context);
  gboolean employment = im->sheet == FZP_RURAL_BASES_SHEET_EMPLOYED;
  const char *table = employment ? "rural_bases_employment" : "rural_bases_help";
  g_autoptr(FzpRuralBasesBase) base = find_base (im, record);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *key = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *sql = NULL;
  guint before = im->report->problems->len;
  FzpRuralBasesHelp kind = FZP_RURAL_BASES_HELP_NONE;
  gint64 person_id = 0;
  double income = 0;
  GDate start, end;

  find_person (im, record, &person_id);
  read_date_cell (im, record, COL_START, TRUE, &start);
  read_date_cell (im, record, COL_END, FALSE, &end);
  if (employment && !fzp_rural_bases_parse_money (cell (im, record, COL_INCOME), column_label (COL_INCOME),
                                                  &income, &error))
    {
      problem_error (im, record, error);
      g_clear_error (&error);
    }
  if (!employment && !fzp_rural_bases_help_parse (cell (im, record, COL_KIND), &kind, &error))
    {
      problem_error (im, record, error);
      g_clear_error (&error);
    }
  if (!fzp_rural_bases_check_text (cell (im, record, employment ? COL_JOB : COL_NOTE),
                                   column_label (employment ? COL_JOB : COL_NOTE), 100, FALSE, &detail, &error))
    {
      problem_error (im, record, error);
      g_clear_error (&error);
    }
  if (base == NULL || im->report->problems->len > before)
    return;

  start_text = g_malloc (11);
  fzp_rural_bases_format_date (&start, start_text);
  if (g_date_valid (&end))
    {
      end_text = g_malloc (11);
      fzp_rural_bases_format_date (&end, end_text);
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s/%s", base->id, person_id,
                         fzp_rural_bases_help_to_nick (kind) ? fzp_rural_bases_help_to_nick (kind) : "", start_text);
  if (g_hash_table_contains (im->seen, key))
    {
      g_autofree char *message = g_strdup_printf (_("the same person and start date are on line %u too"),
                                                  GPOINTER_TO_UINT (g_hash_table_lookup (im->seen, key)));
      problem_field (im, record, COL_ID_NUMBER, message);
      return;
    }
  g_hash_table_insert (im->seen, g_strdup (key), GUINT_TO_POINTER (fz_table_get_line (im->table, record)));

  /* The same person from the same day is the same period: update it. */
  sql = g_strdup_printf ("SELECT id, ended_on, %s, %s FROM %s WHERE base_id = ?1 AND person_id = ?2 "
                         "AND started_on = ?3 AND (?4 IS NULL OR %s = ?4)",
                         employment ? "monthly_income" : "0", employment ? "job" : "note", table,
                         employment ? "NULL" : "kind");
  st = fz_database_query (db, sql, g_variant_new ("(xxsms)", base->id, person_id, start_text,
                                                  fzp_rural_bases_help_to_nick (kind)), &error);
  if (st && fz_statement_step (st, &error))
    {
      gint64 id = fz_statement_get_int64 (st, 0);
      g_autofree char *old_end = fz_statement_is_null (st, 1) ? NULL : fz_statement_dup_text (st, 1);
      double old_income = fz_statement_get_double (st, 2);
      g_autofree char *old_detail = fz_statement_is_null (st, 3) ? NULL : fz_statement_dup_text (st, 3);
      g_autoptr(GDateTime) moment = g_date_time_new_now_local ();
      GDate now;

      g_clear_pointer (&st, fz_statement_unref);
      /* A column the sheet does not have keeps what is recorded. */
      if (im->columns[COL_END] < 0)
        {
          g_free (end_text);
          end_text = g_strdup (old_end);
          fzp_rural_bases_date_from_iso (old_end, &end);
        }
      if (im->columns[employment ? COL_JOB : COL_NOTE] < 0)
        {
          g_free (detail);
          detail = g_strdup (old_detail);
        }
      if (same_text (old_end, end_text) && same_text (old_detail, detail) &&
          (!employment || (gint64) (old_income * 100 + 0.5) == (gint64) (income * 100 + 0.5)))
        {
          im->report->unchanged++;
          return;
        }
      g_date_clear (&now, 1);
      g_date_set_dmy (&now, (GDateDay) g_date_time_get_day_of_month (moment),
                      (GDateMonth) g_date_time_get_month (moment), (GDateYear) g_date_time_get_year (moment));
      if (!fzp_rural_bases_check_period (&start, &end, &base->founded_on, &base->closed_on, &now, &error))
        {
          problem_error (im, record, error);
          return;
        }
      /* Through the same transaction as the rest of the file. */
      if (!(employment
            ? fz_database_execute (db, "UPDATE rural_bases_employment SET ended_on = ?2, job = ?3, "
                                   "monthly_income = ?4 WHERE id = ?1",
                                   g_variant_new ("(xmsmsd)", id, end_text, detail, income), &error)
            : fz_database_execute (db, "UPDATE rural_bases_help SET ended_on = ?2, note = ?3 WHERE id = ?1",
                                   g_variant_new ("(xmsms)", id, end_text, detail), &error)))
        {
          problem_error (im, record, error);
          return;
        }
      im->report->updated++;
      return;
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (error)
    {
      problem_error (im, record, error);
      return;
    }

  if (employment)
    {
      if (fzp_rural_bases_employ (im->context, base->id, person_id, &start, &end, income, detail, &error) == 0)
        {
          problem_error (im, record, error);
          return;
        }
    }
  else if (fzp_rural_bases_help (im->context, base->id, person_id, kind, &start, &end, detail, &error) == 0)
    {
      problem_error (im, record, error);
      return;
    }
  im->report->added++;
}

static gboolean
import_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Import *im = user_data;
  guint n = fz_table_get_n_records (im->table);

  for (guint record = 1; record < n; record++)
    {
      if (im->sheet == FZP_RURAL_BASES_SHEET_BASES)
        import_base_row (im, record);
      else
        import_tie_row (im, record);
    }
  if (im->report->problems->len > 0)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE, "%1$s: %2$u problem; nothing was imported",
                                "%1$s: %2$u problems; nothing was imported", im->report->problems->len),
                   im->path, im->report->problems->len);
      return FALSE;
    }
  if (im->dry_run)
    {
      /* Checked and counted: now take it all back. */
      g_set_error_literal (error, dry_run_quark (), 0, "dry run");
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_rural_bases_import (FzContext                  *context,
                        FzpRuralBasesSheet          sheet,
                        const char                 *path,
                        gboolean                    dry_run,
                        FzpRuralBasesImportReport **report,
                        GError                    **error)
{
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzpRuralBasesImportReport) result = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_name = g_path_get_basename (path);
  Import im = { 0 };
  gboolean ok;

  if (report)
    *report = NULL;
  table = fz_table_read_file (path, error);
  if (table == NULL)
    return FALSE;
  result = g_new0 (FzpRuralBasesImportReport, 1);
  result->encoding = g_strdup (fz_table_get_encoding (table));
  result->problems = g_ptr_array_new_with_free_func (g_free);

  im.context = context;
  im.sheet = sheet;
  im.table = table;
  im.path = path;
  im.file_name = file_name;
  im.report = result;
  im.seen = seen;
  im.dry_run = dry_run;

  if (fz_table_get_n_records (table) == 0)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED, _("%s: the file is empty"), path);
      if (report)
        *report = g_steal_pointer (&result);
      return FALSE;
    }
  ok = read_header (&im, error) &&
       fz_database_transaction (fz_context_get_database (context), import_txn, &im, &local_error);
  if (local_error && g_error_matches (local_error, dry_run_quark (), 0))
    {
      g_clear_error (&local_error);
      ok = TRUE;
    }
  else if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  if (!ok)
    {
      /* What the report counted was taken back. */
      result->added = result->updated = result->unchanged = 0;
    }
  if (report)
    *report = g_steal_pointer (&result);
  return ok;
}

/* Export */

static gboolean
write_row (FzTableWriter  *writer,
           const char    **fields,
           guint           n,
           GError        **error)
{
  return fz_table_writer_add_row (writer, (const char * const *) fields, n, error);
}

static gboolean
export_bases (FzContext      *context,
              FzTableWriter  *writer,
              const char     *county_code,
              guint          *n_rows,
              GError        **error)
{
  FzpRuralBasesFilter filter = { .county_code = county_code };
  g_autoptr(GPtrArray) bases = fzp_rural_bases_list_bases (context, &filter, error);
  const char *header[G_N_ELEMENTS (base_columns)];

  if (bases == NULL)
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (base_columns); c++)
    header[c] = column_names[base_columns[c]][0];
  fz_table_writer_set_column (writer, 1, FZ_TABLE_COLUMN_TEXT, 24);
  fz_table_writer_set_column (writer, 7, FZ_TABLE_COLUMN_TEXT, 20);
  fz_table_writer_set_column (writer, 8, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  fz_table_writer_set_column (writer, 9, FZ_TABLE_COLUMN_IDENTIFIER, 14);
  if (!write_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;
  for (guint i = 0; i < bases->len; i++)
    {
      FzpRuralBasesBase *b = g_ptr_array_index (bases, i);
      g_autoptr(GPtrArray) recognitions = fzp_rural_bases_list_recognitions (context, b->id, error);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);
      char founded[11], closed[11] = "", recognized[11] = "";
      const char *document = NULL;
      const char *fields[G_N_ELEMENTS (base_columns)];

      if (recognitions == NULL)
        return FALSE;
      fzp_rural_bases_format_date (&b->founded_on, founded);
      if (g_date_valid (&b->closed_on))
        fzp_rural_bases_format_date (&b->closed_on, closed);
      for (guint r = 0; r < recognitions->len; r++)
        {
          FzpRuralBasesRecognitionRecord *rec = g_ptr_array_index (recognitions, r);
          if (rec->level == b->level && !g_date_valid (&rec->withdrawn_on))
            {
              fzp_rural_bases_format_date (&rec->recognized_on, recognized);
              document = rec->document_number;
            }
        }
      fields[0] = number;
      fields[1] = b->name;
      fields[2] = b->county_name;
      fields[3] = b->township;
      fields[4] = b->village;
      fields[5] = fzp_rural_bases_industry_to_print (b->industry);
      fields[6] = operator_kind_to_print (b->operator_kind);
      fields[7] = b->operator_name;
      fields[8] = b->operator_code;
      fields[9] = b->phone;
      fields[10] = founded;
      fields[11] = closed;
      fields[12] = b->homestay ? "是" : "否";
      fields[13] = b->level ? fzp_rural_bases_level_to_print (b->level) : NULL;
      fields[14] = recognized;
      fields[15] = document;
      fields[16] = b->note;
      if (!write_row (writer, fields, G_N_ELEMENTS (fields), error))
        return FALSE;
    }
  *n_rows = bases->len;
  return TRUE;
}

static gboolean
export_ties (FzContext      *context,
             FzTableWriter  *writer,
             gboolean        employment,
             const char     *county_code,
             guint          *n_rows,
             GError        **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  const Column *columns = employment ? employed_columns : helped_columns;
  const char *header[8];
  guint n = 0;

  for (guint c = 0; c < 8; c++)
    header[c] = column_names[columns[c]][0];
  fz_table_writer_set_column (writer, 0, FZ_TABLE_COLUMN_TEXT, 24);
  fz_table_writer_set_column (writer, 3, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  if (employment)
    fz_table_writer_set_column (writer, 6, FZ_TABLE_COLUMN_NUMBER, 12);
  if (!write_row (writer, header, 8, error))
    return FALSE;
  if (employment)
    st = fz_database_query (fz_context_get_database (context),
                            "SELECT b.name, c.name, p.name, p.id_number, t.started_on, t.ended_on, t.monthly_income, "
                            "t.job FROM rural_bases_employment t JOIN rural_bases_base b ON b.id = t.base_id "
                            "JOIN fz_county c ON c.code = b.county_code JOIN fz_person p ON p.id = t.person_id "
                            "WHERE ?1 IS NULL OR b.county_code = ?1 ORDER BY c.sort, b.name, t.started_on, t.id",
                            g_variant_new ("(ms)", county_code), error);
  else
    st = fz_database_query (fz_context_get_database (context),
                            "SELECT b.name, c.name, p.name, p.id_number, t.kind, t.started_on, t.ended_on, t.note "
                            "FROM rural_bases_help t JOIN rural_bases_base b ON b.id = t.base_id "
                            "JOIN fz_county c ON c.code = b.county_code JOIN fz_person p ON p.id = t.person_id "
                            "WHERE ?1 IS NULL OR b.county_code = ?1 ORDER BY c.sort, b.name, t.started_on, t.id",
                            g_variant_new ("(ms)", county_code), error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      const char *fields[8];
      g_autofree char *income = NULL;

      for (guint c = 0; c < 8; c++)
        fields[c] = fz_statement_is_null (st, (int) c) ? NULL : fz_statement_get_text (st, (int) c);
      if (employment)
        {
          income = fzp_rural_bases_format_money (fz_statement_get_double (st, 6));
          fields[6] = income;
        }
      else
        fields[4] = fzp_rural_bases_help_to_print (fzp_rural_bases_help_from_nick (fields[4]));
      if (!write_row (writer, fields, 8, error))
        return FALSE;
      n++;
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *n_rows = n;
  return TRUE;
}

gboolean
fzp_rural_bases_export (FzContext           *context,
                        FzpRuralBasesSheet   sheet,
                        const char          *path,
                        const char          *county_code,
                        guint               *n_rows,
                        GError             **error)
{
  g_autoptr(FzTableWriter) writer = fz_table_writer_new (path, error);
  guint n = 0;
  gboolean ok;

  if (writer == NULL)
    return FALSE;
  if (sheet == FZP_RURAL_BASES_SHEET_BASES)
    ok = export_bases (context, writer, county_code, &n, error);
  else
    ok = export_ties (context, writer, sheet == FZP_RURAL_BASES_SHEET_EMPLOYED, county_code, &n, error);
  if (!ok || !fz_table_writer_close (writer, error))
    return FALSE;
  if (n_rows)
    *n_rows = n;
  return TRUE;
}
