/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-documents.h"

/* Privacy is declared here, once: the roster and the income statement are
 * for staff; the pay sheet passes from hand to hand for signing, so it is
 * public and masks identity numbers. */
static const FzDocumentInfo documents[] = {
  { "roster", N_("Workshop roster"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "workshop", "date", NULL } },
  { "income-statement", N_("Worker's yearly income statement"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "person", "year", NULL } },
  { "pay-sheet", N_("Monthly pay sheet for signing"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "workshop", "month", NULL } },
};

const FzDocumentInfo *
fzp_gongfu_workshops_document_infos (guint *n_infos)
{
  *n_infos = G_N_ELEMENTS (documents);
  return documents;
}

const FzDocumentInfo *
fzp_gongfu_workshops_document_info (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_strcmp0 (documents[i].id, id) == 0)
      return &documents[i];
  return NULL;
}

static const char *
sex_print (FzSex sex)
{
  return sex == FZ_SEX_MALE ? "男" : sex == FZ_SEX_FEMALE ? "女" : "";
}

static const char *
category_print (guint category)
{
  static const char *const names[] = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };

  return category < G_N_ELEMENTS (names) ? names[category] : "";
}

static const char *
grade_print (guint grade)
{
  static const char *const names[] = { "", "一级", "二级", "三级", "四级" };

  return grade < G_N_ELEMENTS (names) ? names[grade] : "";
}

static char *
date_print (const GDate *date)
{
  return g_date_valid (date) ? fz_format_chinese_date (date, FZ_DATE_STYLE_ARABIC) : g_strdup ("");
}

static char *
month_print (guint year,
             guint month)
{
  return g_strdup_printf ("%u年%u月", year, month);
}

static char *
partners_print (FzContext  *context,
                gint64      workshop_id,
                GError    **error)
{
  g_autoptr(GPtrArray) partners = fzp_gongfu_workshops_list_partners (context, workshop_id, error);
  g_autoptr(GString) s = g_string_new (NULL);

  if (partners == NULL)
    return NULL;
  for (guint i = 0; i < partners->len; i++)
    {
      if (i > 0)
        g_string_append (s, "、");
      g_string_append (s, fz_organization_get_name (g_ptr_array_index (partners, i)));
    }
  if (s->len == 0)
    g_string_append (s, "无");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
place_print (const FzpGongfuWorkshopsWorkshop *w)
{
  return w->township ? g_strdup_printf ("%s%s", w->county_name, w->township) : g_strdup (w->county_name);
}

FzDocument *
fzp_gongfu_workshops_build_roster (FzContext    *context,
                                   gint64        workshop_id,
                                   const GDate  *on,
                                   GError      **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (&documents[0]);
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, workshop_id, error);
  g_autoptr(GPtrArray) workers = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *host = NULL;
  g_autofree char *place = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *total = NULL;
  FzDocumentTable *table;
  GDate when;

  if (w == NULL)
    return NULL;
  if (on)
    when = *on;
  else
    fzp_gongfu_workshops_today (&when);
  workers = fzp_gongfu_workshops_list_workers (context, workshop_id, &when, error);
  if (workers == NULL)
    return NULL;
  partners = partners_print (context, workshop_id, error);
  if (partners == NULL)
    return NULL;

  day = date_print (&when);
  opened = date_print (&w->opened);
  host = fzp_gongfu_workshops_workshop_dup_host_print (w);
  place = place_print (w);
  title = g_strdup_printf ("%s残疾人员工花名册", w->name);
  subtitle = g_strdup_printf ("截至%s", day);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  facts = g_strdup_printf ("所在地：%s　　承办主体：%s　　类型：%s　　开办日期：%s\n合作企业：%s　　主要产品：%s",
                           place, host, w->proper ? "残疾人共富车间" : "共富工坊（车间）", opened, partners,
                           w->products ? w->products : "—");
  fz_document_add_paragraph (doc, facts, FZ_ALIGN_START);

  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "性别", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.4, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "残疾类别", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "残疾等级", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "联系电话", 1.6, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "进入车间日期", 1.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "备注", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  for (guint i = 0; i < workers->len; i++)
    {
      FzpGongfuWorkshopsWorker *worker = g_ptr_array_index (workers, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *joined = date_print (&worker->joined);

      fz_document_table_add_row (table, number, worker->name, sex_print (worker->sex), worker->id_number,
                                 category_print (worker->category), grade_print (worker->grade), worker->phone,
                                 joined, NULL);
    }
  total = g_strdup_printf ("%u人", workers->len);
  fz_document_table_add_total_row (table, "合计", total, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  if (workers->len == 0)
    fz_document_add_paragraph (doc, "该日无残疾人在本车间务工。", FZ_ALIGN_START);
  return g_steal_pointer (&doc);
}

FzDocument *
fzp_gongfu_workshops_build_income_statement (FzContext    *context,
                                             gint64        person_id,
                                             guint         year,
                                             GError      **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (&documents[1]);
  g_autoptr(FzPerson) person = fz_registry_find_person (fz_context_get_registry (context), person_id, error);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *title_year = g_strdup_printf ("%u年度", year);
  g_autofree char *from = g_strdup_printf ("%04u-01", year);
  g_autofree char *to = g_strdup_printf ("%04u-12", year);
  g_autofree char *first_day = g_strdup_printf ("%04u-01-01", year);
  g_autofree char *last_day = g_strdup_printf ("%04u-12-31", year);
  g_autofree char *place = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *issuer = NULL;
  FzDocumentSection *section;
  FzDocumentTable *table;
  gint64 total = 0, worked_total = 0, spells = 0;
  guint n_rows = 0, n_no_work = 0;
  GHashTableIter iter;
  gpointer key, value;
  guint worked_months = 0;
  GDate today;

  if (person == NULL)
    return NULL;
  if (!fz_database_query_int64 (fz_context_get_database (context),
                                "SELECT count(*) FROM gongfu_workshops_spell WHERE person_id = ?1 "
                                "AND joined <= ?3 AND (left_on IS NULL OR left_on >= ?2)",
                                g_variant_new ("(xss)", person_id, first_day, last_day), &spells, NULL, error))
    return NULL;
  if (spells == 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                   _("%s did not work in any workshop in %u"), fz_person_get_name (person), year);
      return NULL;
    }

  fz_document_set_title (doc, "残疾人务工收入证明");
  fz_document_set_subtitle (doc, title_year);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  section = fz_document_add_section (doc, "一、基本情况", 2);
  fz_document_section_add_field (section, "姓名", fz_person_get_name (person), FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "性别", sex_print (fz_person_get_sex (person)), FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "身份证号", fz_person_get_id_number (person), FZ_FIELD_IDENTITY_NUMBER);
  fz_document_section_add_field (section, "残疾证号", fz_person_get_cert_number (person), FZ_FIELD_DISABILITY_CARD);
  fz_document_section_add_field (section, "残疾类别", category_print (fz_person_get_category (person)), FZ_FIELD_SENSITIVE);
  fz_document_section_add_field (section, "残疾等级", grade_print (fz_person_get_grade (person)), FZ_FIELD_SENSITIVE);
  place = g_strdup_printf ("%s%s", fz_person_get_county_name (person) ? fz_person_get_county_name (person) : "",
                           fz_person_get_township (person) ? fz_person_get_township (person) : "");
  fz_document_section_add_wide_field (section, "户籍所在地", place, FZ_FIELD_PLAIN);

  fz_document_add_section (doc, "二、务工收入情况", 1);
  intro = g_strdup_printf ("兹证明%s于%u年在下列共富车间（工坊）务工，劳动报酬情况如下：",
                           fz_person_get_name (person), year);
  fz_document_add_paragraph (doc, intro, FZ_ALIGN_START);

  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "月份", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "车间（工坊）", 2.6, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "计酬方式", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "件数/工时", 1.0, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "金额（元）", 1.2, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "备注", 1.2, FZ_ALIGN_START, FZ_FIELD_PLAIN);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT p.month, w.name, p.basis, p.quantity, p.amount, p.note "
                          "FROM gongfu_workshops_pay p JOIN gongfu_workshops_spell s ON s.id = p.spell_id "
                          "JOIN gongfu_workshops_workshop w ON w.id = s.workshop_id "
                          "WHERE s.person_id = ?1 AND p.month BETWEEN ?2 AND ?3 ORDER BY p.month, s.joined",
                          g_variant_new ("(xss)", person_id, from, to), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    {
      guint y = 0, m = 0;
      g_autofree char *month_text = NULL;
      g_autofree char *quantity = fzp_gongfu_workshops_format_quantity (fz_statement_get_double (st, 3));
      g_autofree char *amount = fzp_gongfu_workshops_format_amount_grouped (fz_statement_get_int64 (st, 4));
      gint64 fen = fz_statement_get_int64 (st, 4);
      gboolean no_work = fzp_gongfu_workshops_is_no_work (fz_statement_get_double (st, 3), fen);
      const char *note = fz_statement_get_text (st, 5);
      gint64 *month_sum;

      fzp_gongfu_workshops_parse_month (fz_statement_get_text (st, 0), "", &y, &m, NULL);
      month_text = month_print (y, m);
      fz_document_table_add_row (table, month_text, fz_statement_get_text (st, 1),
                                 fzp_gongfu_workshops_basis_to_print (
                                   fzp_gongfu_workshops_basis_from_nick (fz_statement_get_text (st, 2))),
                                 quantity, amount, no_work ? (note && *note ? note : "本月无活") : note);
      n_rows++;
      total += fen;
      if (no_work)
        n_no_work++;
      /* A month with pay from two workshops is one month of income. */
      month_sum = g_hash_table_lookup (months, fz_statement_get_text (st, 0));
      if (month_sum == NULL)
        {
          month_sum = g_new0 (gint64, 1);
          g_hash_table_insert (months, fz_statement_dup_text (st, 0), month_sum);
        }
      *month_sum += fen;
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  total_text = fzp_gongfu_workshops_format_amount_grouped (total);
  fz_document_table_add_total_row (table, "合计", NULL, NULL, NULL, total_text, NULL);

  g_hash_table_iter_init (&iter, months);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *) value > 0)
      {
        worked_months++;
        worked_total += *(gint64 *) value;
      }
  if (n_rows == 0)
    summary = g_strdup_printf ("%u年无劳动报酬记录。", year);
  else
    {
      g_autofree char *average = fzp_gongfu_workshops_format_amount_grouped (
        worked_months ? (worked_total + worked_months / 2) / worked_months : 0);
      g_autofree char *no_work = n_no_work ? g_strdup_printf ("（另有%u个月无活）", n_no_work) : g_strdup ("");
      summary = g_strdup_printf ("%u年共有%u个月取得劳动报酬%s，合计%s元，有收入月份月均%s元。",
                                 year, worked_months, no_work, total_text, average);
    }
  fz_document_add_paragraph (doc, summary, FZ_ALIGN_START);
  fz_document_add_paragraph (doc, "特此证明。", FZ_ALIGN_START);
  fzp_gongfu_workshops_today (&today);
  today_text = date_print (&today);
  issuer = g_strdup_printf ("\n出具单位（盖章）：　　　　　　　　　　\n\n%s", today_text);
  fz_document_add_paragraph (doc, issuer, FZ_ALIGN_END);
  return g_steal_pointer (&doc);
}

FzDocument *
fzp_gongfu_workshops_build_pay_sheet (FzContext    *context,
                                      gint64        workshop_id,
                                      guint         year,
                                      guint         month,
                                      GError      **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (&documents[2]);
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, workshop_id, error);
  g_autoptr(GPtrArray) workers = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *place = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *footer = NULL;
  FzDocumentTable *table;
  gint64 total = 0;
  guint n = 0;
  GDate today;

  if (w == NULL)
    return NULL;
  workers = fzp_gongfu_workshops_list_month (context, workshop_id, year, month, error);
  if (workers == NULL)
    return NULL;
  for (guint i = 0; i < workers->len; i++)
    if (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (workers, i))->has_pay)
      n++;
  if (n == 0)
    {
      g_autofree char *m = fzp_gongfu_workshops_format_month (year, month);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                   _("No pay is recorded for %s at %s: enter the month first"), m, w->name);
      return NULL;
    }

  month_text = month_print (year, month);
  title = g_strdup_printf ("%s%s劳动报酬发放签领表", w->name, month_text);
  place = place_print (w);
  subtitle = g_strdup_printf ("所在地：%s　　　　单位：元", place);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "计酬方式", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "件数/工时", 1.1, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "金额", 1.1, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "领款人签名", 1.8, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "备注", 1.0, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  n = 0;
  for (guint i = 0; i < workers->len; i++)
    {
      FzpGongfuWorkshopsWorker *worker = g_ptr_array_index (workers, i);
      g_autofree char *number = NULL;
      g_autofree char *quantity = NULL;
      g_autofree char *amount = NULL;
      gboolean no_work;

      if (!worker->has_pay)
        continue;
      number = g_strdup_printf ("%u", ++n);
      quantity = fzp_gongfu_workshops_format_quantity (worker->quantity);
      amount = fzp_gongfu_workshops_format_amount_grouped (worker->amount);
      no_work = fzp_gongfu_workshops_is_no_work (worker->quantity, worker->amount);
      /* The empty lines make the row tall enough to sign in. */
      fz_document_table_add_row (table, number, worker->name, worker->id_number,
                                 fzp_gongfu_workshops_basis_to_print (worker->basis), quantity, amount, "\n\n",
                                 no_work && (worker->note == NULL || *worker->note == '\0') ? "本月无活" : worker->note);
      total += worker->amount;
    }
  total_text = fzp_gongfu_workshops_format_amount_grouped (total);
  count = g_strdup_printf ("%u人", n);
  fz_document_table_add_total_row (table, "合计", count, NULL, NULL, NULL, total_text, NULL, NULL);

  fzp_gongfu_workshops_today (&today);
  today_text = date_print (&today);
  footer = g_strdup_printf ("\n制表人：　　　　　　　审核人：　　　　　　　车间负责人（签字）：　　　　　　　\n\n制表日期：%s",
                            today_text);
  fz_document_add_paragraph (doc, footer, FZ_ALIGN_START);
  return g_steal_pointer (&doc);
}

static gboolean
require (GHashTable  *params,
         const char  *name,
         const char **value,
         GError     **error)
{
  *value = params ? g_hash_table_lookup (params, name) : NULL;
  if (*value == NULL || **value == '\0')
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, _("%s: give it as %s=…"), name, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_year (const char  *text,
            guint       *year,
            GError     **error)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    {
      GDate today;

      fzp_gongfu_workshops_today (&today);
      *year = g_date_get_year (&today);
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1900, 9999, &value, NULL))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, _("year: “%s” is not a year"), text);
      return FALSE;
    }
  *year = (guint) value;
  return TRUE;
}

FzDocument *
fzp_gongfu_workshops_build_document (FzContext            *context,
                                     const FzDocumentInfo *info,
                                     GHashTable           *params,
                                     GError              **error)
{
  const char *text = NULL;

  if (g_str_equal (info->id, "roster"))
    {
      g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
      const char *date = params ? g_hash_table_lookup (params, "date") : NULL;
      GDate on;

      if (!require (params, "workshop", &text, error))
        return NULL;
      w = fzp_gongfu_workshops_find_workshop (context, text, error);
      if (w == NULL)
        return NULL;
      if (date && *date && !fz_parse_date (date, "date", &on, error))
        return NULL;
      return fzp_gongfu_workshops_build_roster (context, w->id, date && *date ? &on : NULL, error);
    }
  if (g_str_equal (info->id, "income-statement"))
    {
      g_autoptr(FzPerson) person = NULL;
      guint year;

      if (!require (params, "person", &text, error))
        return NULL;
      person = fzp_gongfu_workshops_lookup_person (context, text, error);
      if (person == NULL || !parse_year (g_hash_table_lookup (params, "year"), &year, error))
        return NULL;
      return fzp_gongfu_workshops_build_income_statement (context, fz_person_get_id (person), year, error);
    }
  if (g_str_equal (info->id, "pay-sheet"))
    {
      g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
      const char *month_text;
      guint year, month;

      if (!require (params, "workshop", &text, error) || !require (params, "month", &month_text, error))
        return NULL;
      w = fzp_gongfu_workshops_find_workshop (context, text, error);
      if (w == NULL || !fzp_gongfu_workshops_parse_month (month_text, "month", &year, &month, error))
        return NULL;
      return fzp_gongfu_workshops_build_pay_sheet (context, w->id, year, month, error);
    }
  g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND, _("No such document: %s"), info->id);
  return NULL;
}
