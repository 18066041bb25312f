/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-documents.h"
#include "fzp-welfare-posts-store.h"

/* Privacy is declared here, not chosen by the caller: the public list
 * masks identity numbers and leaves category and grade out whatever the
 * code asks. */
const FzDocumentInfo fzp_welfare_posts_documents[] = {
  { "placement-roster", N_("Placement roster"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "year", "county", NULL } },
  { "placement-list", N_("Public placement list"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "year", "county", NULL } },
};
const guint fzp_welfare_posts_n_documents = G_N_ELEMENTS (fzp_welfare_posts_documents);

/* The categories and the basis, as printed. */
#define CATEGORY_PRINT_SQL(column) \
  "CASE " column " WHEN 1 THEN '视力' WHEN 2 THEN '听力' WHEN 3 THEN '言语' WHEN 4 THEN '肢体' " \
  "WHEN 5 THEN '智力' WHEN 6 THEN '精神' ELSE '多重' END"
#define GRADE_PRINT_SQL(column) \
  "CASE " column " WHEN 1 THEN '一级' WHEN 2 THEN '二级' WHEN 3 THEN '三级' ELSE '四级' END"
#define BASIS_PRINT_SQL \
  "CASE pl.basis WHEN 'graduate' THEN '应届高校毕业生兜底安置（' || pl.graduation_year || '届）' " \
  "ELSE '就业困难人员认定' END"

static gboolean
read_params (FzContext   *context,
             GHashTable  *params,
             int         *year,
             char       **county_code,
             char       **area,
             GError     **error)
{
  const char *y = params ? g_hash_table_lookup (params, "year") : NULL;
  const char *county = params ? g_hash_table_lookup (params, "county") : NULL;
  guint64 value = 0;

  if (y == NULL)
    {
      GDate today;

      fzp_welfare_posts_today (&today);
      *year = g_date_get_year (&today);
    }
  else if (!g_ascii_string_to_unsigned (y, 10, 1900, 2200, &value, NULL))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, _("year: “%s” is not a year"), y);
      return FALSE;
    }
  else
    *year = (int) value;

  *county_code = NULL;
  if (county && *county)
    {
      g_autofree char *name = NULL;

      if (!fz_registry_parse_county (fz_context_get_registry (context), county, county_code, error))
        return FALSE;
      name = fz_county_get_name (fz_context_get_database (context), *county_code);
      *area = g_strconcat ("衢州市", name, NULL);
    }
  else
    *area = g_strdup ("衢州市");
  return TRUE;
}

static GVariant *
maybe_text (const char *text)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, text ? g_variant_new_string (text) : NULL);
}

static FzDocument *
build_roster (FzContext             *context,
              const FzDocumentInfo  *info,
              int                    year,
              const char            *county_code,
              const char            *area,
              GError               **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *title = g_strdup_printf ("%d年%s残疾人公益性岗位在岗人员花名册", year, area);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  g_autofree char *made = NULL;
  g_autofree char *subtitle = NULL;
  FzDocumentTable *table;
  GDate today;

  fzp_welfare_posts_today (&today);
  made = fz_format_chinese_date (&today, FZ_DATE_STYLE_ARABIC);
  subtitle = g_strdup_printf ("%d年内在岗的全部人员（内部资料，注意保密）　制表日期：%s", year, made);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  fz_document_set_font_size (doc, 9);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "性别", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.4, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "残疾类别等级", 1.0, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "联系电话", 1.6, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "岗位编号", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "岗位", 1.7, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "用人单位", 1.8, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "县（市、区）", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "上岗日期", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "离岗日期", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "安置依据", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT row_number() OVER (ORDER BY c.sort, p.code, pl.start_date, pl.id), "
                          "pe.name, CASE pe.sex WHEN 1 THEN '男' ELSE '女' END, pe.id_number, "
                          CATEGORY_PRINT_SQL ("pe.category") " || " GRADE_PRINT_SQL ("pe.grade") ", pe.phone, "
                          "p.code, p.name, o.name, c.name, "
                          "pl.start_date, pl.end_date, " BASIS_PRINT_SQL " "
                          "FROM welfare_posts_placement pl JOIN welfare_posts_post p ON p.id = pl.post_id "
                          "JOIN fz_person pe ON pe.id = pl.person_id "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE pl.start_date <= ?2 AND (pl.end_date IS NULL OR pl.end_date >= ?1) "
                          "AND (?3 IS NULL OR p.county_code = ?3) "
                          "ORDER BY c.sort, p.code, pl.start_date, pl.id",
                          g_variant_new ("(ss@ms)", first, last, maybe_text (county_code)), error);
  if (st == NULL || !fz_document_table_add_rows_from_statement (table, st, error))
    return NULL;
  {
    g_autofree char *total = g_strdup_printf ("%u人", fz_document_table_get_n_rows (table));
    fz_document_table_add_total_row (table, "合计", total, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                     NULL, NULL, NULL);
  }
  return g_steal_pointer (&doc);
}

static FzDocument *
build_list (FzContext             *context,
            const FzDocumentInfo  *info,
            int                    year,
            const char            *county_code,
            const char            *area,
            GError               **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *title = g_strdup_printf ("%d年%s残疾人公益性岗位安置人员公示名单", year, area);
  g_autofree char *intro = NULL;
  g_autofree char *y = g_strdup_printf ("%04d", year);
  g_autofree char *made = NULL;
  FzDocumentTable *table;
  GDate today;

  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  intro = g_strdup_printf ("根据《衢州市促进残疾人就业行动方案（2022—2025年）》（衢政办发〔2022〕33号）的有关规定，"
                           "现将%d年%s新安置到残疾人公益性岗位的人员名单予以公示。公示期间如有异议，"
                           "请向当地残疾人联合会反映。", year, area);
  fz_document_add_paragraph (doc, intro, FZ_ALIGN_START);

  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.0, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "残疾类别", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "岗位", 1.6, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "用人单位", 1.8, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "县（市、区）", 1.0, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "上岗日期", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT row_number() OVER (ORDER BY c.sort, pl.start_date, pl.id), pe.name, pe.id_number, "
                          CATEGORY_PRINT_SQL ("pe.category") ", p.name, o.name, c.name, pl.start_date "
                          "FROM welfare_posts_placement pl JOIN welfare_posts_post p ON p.id = pl.post_id "
                          "JOIN fz_person pe ON pe.id = pl.person_id "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE substr(pl.start_date, 1, 4) = ?1 AND (?2 IS NULL OR p.county_code = ?2) "
                          "ORDER BY c.sort, pl.start_date, pl.id",
                          g_variant_new ("(s@ms)", y, maybe_text (county_code)), error);
  if (st == NULL || !fz_document_table_add_rows_from_statement (table, st, error))
    return NULL;
  {
    g_autofree char *total = g_strdup_printf ("%u人", fz_document_table_get_n_rows (table));
    fz_document_table_add_total_row (table, "合计", total, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  fzp_welfare_posts_today (&today);
  made = fz_format_chinese_date (&today, FZ_DATE_STYLE_HANZI);
  {
    g_autofree char *issuer = g_strdup_printf ("%s残疾人联合会\n%s", area, made);
    fz_document_add_paragraph (doc, issuer, FZ_ALIGN_END);
  }
  return g_steal_pointer (&doc);
}

FzDocument *
fzp_welfare_posts_build_document (FzContext             *context,
                                  const FzDocumentInfo  *info,
                                  GHashTable            *params,
                                  GError               **error)
{
  g_autofree char *county_code = NULL;
  g_autofree char *area = NULL;
  int year = 0;

  if (!read_params (context, params, &year, &county_code, &area, error))
    return NULL;
  if (g_str_equal (info->id, "placement-roster"))
    return build_roster (context, info, year, county_code, area, error);
  return build_list (context, info, year, county_code, area, error);
}
