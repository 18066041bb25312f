/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-documents.h"
#include "fzp-blind-massage-rules.h"
#include "fzp-blind-massage-store.h"

/* Privacy is declared here, not chosen by the caller: the overdue notice
 * is posted, so it masks identity numbers and leaves out phones. */
const FzDocumentInfo fzp_blind_massage_documents[] = {
  { "review-list", N_("Yearly review list"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "year", "county", NULL } },
  { "review-record", N_("Review record of a practitioner"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "person", "year", NULL } },
  { "overdue-notice", N_("Notice of overdue reviews"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "date", "county", NULL } },
  { "register", N_("Register of practitioners"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "county", NULL } },
};

const guint fzp_blind_massage_n_documents = G_N_ELEMENTS (fzp_blind_massage_documents);

/* Who prints: the federation of the city, or of the county asked for. */
#define CITY_NAME "衢州市"
#define ISSUER_SUFFIX "残疾人联合会"

const FzDocumentInfo *
fzp_blind_massage_find_document (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (fzp_blind_massage_documents); i++)
    if (g_str_equal (fzp_blind_massage_documents[i].id, id))
      return &fzp_blind_massage_documents[i];
  return NULL;
}

static const char *
param (GHashTable *params,
       const char *name)
{
  const char *value = params ? g_hash_table_lookup (params, name) : NULL;

  return value && *value ? value : NULL;
}

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

static gboolean
read_year (GHashTable  *params,
           int         *year,
           GError     **error)
{
  const char *text = param (params, "year");
  g_autoptr(GError) local_error = NULL;
  GDate now;

  if (text == NULL)
    {
      today (&now);
      *year = (int) g_date_get_year (&now);
      return TRUE;
    }
  if (!fzp_blind_massage_parse_year (text, year, &local_error))
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The county asked for (NULL: the whole city), and the name to print. */
static gboolean
read_county (FzContext   *context,
             GHashTable  *params,
             char       **code,
             char       **name,
             GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  const char *text = param (params, "county");

  *code = NULL;
  *name = g_strdup (CITY_NAME);
  if (text == NULL)
    return TRUE;
  *code = fz_county_lookup (db, text);
  if (*code == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("County: “%s” is not a county of the city"), text);
      return FALSE;
    }
  g_free (*name);
  *name = fz_county_get_name (db, *code);
  return TRUE;
}

static gboolean
read_date (GHashTable  *params,
           GDate       *date,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!fzp_blind_massage_parse_date (param (params, "date"), _("Date"), TRUE, date, &local_error))
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  if (!g_date_valid (date))
    today (date);
  return TRUE;
}

static char *
arabic_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return fz_format_chinese_date (date, FZ_DATE_STYLE_ARABIC);
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u人", n);
}

/* The yearly review list */

static FzDocument *
build_review_list (FzContext             *context,
                   const FzDocumentInfo  *info,
                   GHashTable            *params,
                   GError               **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *county = NULL;
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *on_text = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  FzDocumentTable *table;
  guint passed = 0, failed = 0, due = 0, overdue = 0;
  GDate on;
  int year;

  if (!read_year (params, &year, error) || !read_county (context, params, &county, &place, error))
    return NULL;
  today (&on);
  query.on = &on;
  query.year = year;
  query.county_code = county;
  query.flags = FZP_BLIND_MASSAGE_LIST_DUE | FZP_BLIND_MASSAGE_LIST_OVERDUE | FZP_BLIND_MASSAGE_LIST_DONE;
  items = fzp_blind_massage_list_reviews (context, &query, error);
  if (items == NULL)
    return NULL;

  title = g_strdup_printf ("%s%d年度盲人按摩人员证书年审名单", place, year);
  on_text = arabic_date (&on);
  subtitle = g_strdup_printf ("状态截至%s", on_text);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  /* Thirteen columns across A4: a size smaller, so numbers keep to a line. */
  fz_document_set_font_size (doc, 9);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 0.8, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "类别", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "县（市、区）", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "资格证书编号", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "执业地点", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "联系电话", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "继续教育学时", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "应审日期", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "年审日期", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "结果", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "备注", 1.2, FZ_ALIGN_START, FZ_FIELD_PLAIN);

  for (guint i = 0; i < items->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (items, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *have = fzp_blind_massage_format_hours (item->earned);
      g_autofree char *need = fzp_blind_massage_format_hours (item->required);
      g_autofree char *hours = g_strdup_printf ("%s/%s", have, need);
      g_autofree char *due_on = fzp_blind_massage_date_to_iso (&item->due);
      g_autofree char *done_on = fzp_blind_massage_date_to_iso (&item->done_on);
      g_autofree char *remark = NULL;
      const char *outcome;

      if (item->state == FZP_BLIND_MASSAGE_REVIEW_DONE)
        outcome = fzp_blind_massage_result_to_print (item->result);
      else
        outcome = fzp_blind_massage_review_state_to_print (item->state);
      switch (item->state)
        {
        case FZP_BLIND_MASSAGE_REVIEW_DONE:
          if (item->result == FZP_BLIND_MASSAGE_RESULT_PASSED)
            passed++;
          else
            failed++;
          break;
        case FZP_BLIND_MASSAGE_REVIEW_OVERDUE:
          overdue++;
          break;
        case FZP_BLIND_MASSAGE_REVIEW_DUE:
        case FZP_BLIND_MASSAGE_REVIEW_NOT_DUE:
        default:
          due++;
          break;
        }
      if (item->state != FZP_BLIND_MASSAGE_REVIEW_DONE && item->short_by > 0)
        {
          g_autofree char *missing = fzp_blind_massage_format_hours (item->short_by);
          remark = g_strdup_printf ("学时差%s", missing);
        }
      else if (item->notes)
        remark = g_strdup (item->notes);
      fz_document_table_add_row (table, number, item->name, item->id_number,
                                 item->kind == FZP_BLIND_MASSAGE_KIND_MEDICAL ? "医疗" : "保健", item->county_name,
                                 item->qualification_number, item->workplace, item->phone, hours, due_on,
                                 done_on, outcome, remark);
    }
  {
    g_autofree char *total = count_text (items->len);
    g_autofree char *summary = g_strdup_printf ("合计%u人：合格%u人，不合格%u人，待年审%u人，逾期未年审%u人。",
                                                items->len, passed, failed, due, overdue);
    fz_document_table_add_total_row (table, "合计", total, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                     NULL, NULL, NULL);
    fz_document_add_paragraph (doc, items->len ? summary : "本年度无应参加年审的人员。", FZ_ALIGN_START);
  }
  return g_steal_pointer (&doc);
}

/* The review record of one practitioner */

static FzDocument *
build_review_record (FzContext             *context,
                     const FzDocumentInfo  *info,
                     GHashTable            *params,
                     GError               **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  g_autoptr(FzPerson) person = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzCertificateRecord) record = NULL;
  FzpBlindMassageReviewItem *item = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  FzDocumentSection *section;
  FzDocumentTable *table;
  const char *number = param (params, "person");
  g_autofree char *title = NULL;
  g_autofree char *exams = NULL;
  g_autofree char *grade_text = NULL;
  GDate on;
  int year;

  if (number == NULL)
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                           _("person: give the practitioner’s identity number"));
      return NULL;
    }
  if (!read_year (params, &year, error))
    return NULL;
  p = fzp_blind_massage_find_practitioner (context, number, FZP_BLIND_MASSAGE_KIND_NONE, &local_error);
  if (p == NULL && g_error_matches (local_error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID))
    {
      /* In both trades: the record is about the reviewed one, medical. */
      g_clear_error (&local_error);
      p = fzp_blind_massage_find_practitioner (context, number, FZP_BLIND_MASSAGE_KIND_MEDICAL, &local_error);
    }
  if (p == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, "person: %s", local_error->message);
      return NULL;
    }
  person = fz_registry_find_person (fz_context_get_registry (context), p->person_id, error);
  if (person == NULL)
    return NULL;

  today (&on);
  query.on = &on;
  query.year = year;
  query.practitioner_id = p->id;
  query.flags = FZP_BLIND_MASSAGE_LIST_DUE | FZP_BLIND_MASSAGE_LIST_OVERDUE | FZP_BLIND_MASSAGE_LIST_DONE;
  items = fzp_blind_massage_list_reviews (context, &query, error);
  if (items == NULL)
    return NULL;
  if (items->len > 0)
    item = g_ptr_array_index (items, 0);

  /* A review that is done carries a number from the certificate register,
   * so that a printed record can be checked later (fuzhu verify). */
  if (item && item->state == FZP_BLIND_MASSAGE_REVIEW_DONE)
    {
      g_autofree char *key = fzp_blind_massage_review_key (p->id, year);
      g_autofree char *subject = g_strdup_printf ("%s %d年度盲人%s人员证书年审 %s", p->name, year,
                                                  fzp_blind_massage_kind_to_print (p->kind),
                                                  fzp_blind_massage_result_to_print (item->result));
      FzCertificateRequest request = {
        .owner = FZP_BLIND_MASSAGE_OWNER,
        .kind = "review-record",
        .subject_key = key,
        .subject = subject,
        .person = p->id_number,
        .issued = &item->done_on,
        .prefix = "BM",
      };

      record = fz_certificate_register_issue (context, &request, NULL, error);
      if (record == NULL)
        return NULL;
    }

  title = g_strdup_printf ("盲人%s人员证书年审记录表", fzp_blind_massage_kind_to_print (p->kind));
  fz_document_set_title (doc, title);
  {
    g_autofree char *sub = record ? g_strdup_printf ("%d年度　　记录编号：%s", year, record->serial)
                                  : g_strdup_printf ("%d年度", year);
    fz_document_set_subtitle (doc, sub);
  }
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  section = fz_document_add_section (doc, "一、基本情况", 2);
  fz_document_section_add_field (section, "姓名", p->name, FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "性别", fz_person_get_sex (person) == FZ_SEX_FEMALE ? "女" : "男",
                                 FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "身份证号", p->id_number, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_section_add_field (section, "残疾人证号", p->cert_number, FZ_FIELD_DISABILITY_CARD);
  grade_text = g_strdup_printf ("%s残疾%s级", (const char *[]) { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" }
                                                [MIN (p->category, 7u)],
                                (const char *[]) { "", "一", "二", "三", "四" }[MIN (fz_person_get_grade (person), 4u)]);
  fz_document_section_add_field (section, "残疾类别等级", grade_text, FZ_FIELD_SENSITIVE);
  fz_document_section_add_field (section, "联系电话", p->phone, FZ_FIELD_PHONE);
  fz_document_section_add_field (section, "县（市、区）", p->county_name, FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "从业类别", fzp_blind_massage_kind_to_print (p->kind), FZ_FIELD_PLAIN);

  section = fz_document_add_section (doc, "二、资格与职称", 2);
  {
    g_autofree char *issued = arabic_date (&p->qualified_on);
    g_autofree char *held = NULL;
    g_autofree char *held_on = NULL;
    g_autoptr(GString) history = g_string_new (NULL);

    fz_document_section_add_field (section, "资格证书编号", p->qualification_number, FZ_FIELD_PLAIN);
    fz_document_section_add_field (section, "发证日期", issued, FZ_FIELD_PLAIN);
    st = fz_database_query (db,
                            "SELECT l.name, t.awarded_on FROM blind_massage_title t"
                            " JOIN blind_massage_title_level l ON l.level = t.level"
                            " WHERE t.practitioner_id = ?1 ORDER BY t.awarded_on, t.level",
                            g_variant_new ("(x)", p->id), error);
    if (st == NULL)
      return NULL;
    while (fz_statement_step (st, &local_error))
      {
        GDate d;
        g_autofree char *when = NULL;

        fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 1), &d);
        when = arabic_date (&d);
        g_free (held);
        held = fz_statement_dup_text (st, 0);
        g_free (held_on);
        held_on = g_strdup (when);
        g_string_append_printf (history, "%s%s %s", history->len ? "；" : "", when, held);
      }
    if (local_error)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    g_clear_pointer (&st, fz_statement_unref);
    fz_document_section_add_field (section, "现职称", held, FZ_FIELD_PLAIN);
    fz_document_section_add_field (section, "取得日期", held_on, FZ_FIELD_PLAIN);
    fz_document_section_add_wide_field (section, "职称经历", history->len ? history->str : "无", FZ_FIELD_PLAIN);

    st = fz_database_query (db,
                            "SELECT s.name, r.written, r.practical FROM blind_massage_exam_result r"
                            " JOIN blind_massage_exam_session s ON s.id = r.session_id"
                            " WHERE r.practitioner_id = ?1 ORDER BY s.held_on",
                            g_variant_new ("(x)", p->id), error);
    if (st == NULL)
      return NULL;
    g_string_truncate (history, 0);
    while (fz_statement_step (st, &local_error))
      g_string_append_printf (history, "%s%s（笔试%s，实操%s）", history->len ? "；" : "", fz_statement_get_text (st, 0),
                              fzp_blind_massage_exam_mark_to_print (fzp_blind_massage_exam_mark_from_nick (fz_statement_get_text (st, 1))),
                              fzp_blind_massage_exam_mark_to_print (fzp_blind_massage_exam_mark_from_nick (fz_statement_get_text (st, 2))));
    if (local_error)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    g_clear_pointer (&st, fz_statement_unref);
    exams = g_strdup (history->len ? history->str : "无");
    fz_document_section_add_wide_field (section, "考试记录", exams, FZ_FIELD_PLAIN);
  }

  section = fz_document_add_section (doc, "三、执业备案", 2);
  {
    g_autofree char *end_of_year = g_strdup_printf ("%04d-12-31", year);
    g_autofree char *start_of_year = g_strdup_printf ("%04d-01-01", year);
    gboolean any = FALSE;

    /* The filings that were in force at some time in the year. */
    st = fz_database_query (db,
                            "SELECT workplace, coalesce(filing_number, ''), valid_from, valid_to, ended_on"
                            " FROM blind_massage_filing WHERE practitioner_id = ?1 AND valid_from <= ?2"
                            " AND coalesce(min(coalesce(valid_to, '9999'), coalesce(ended_on, '9999')), '9999') >= ?3"
                            " ORDER BY valid_from",
                            g_variant_new ("(xss)", p->id, end_of_year, start_of_year), error);
    if (st == NULL)
      return NULL;
    while (fz_statement_step (st, &local_error))
      {
        GDate from, to, ended, last;
        g_autofree char *a = NULL, *b = NULL, *term = NULL;

        fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 2), &from);
        fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 3), &to);
        fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 4), &ended);
        fzp_blind_massage_filing_last_day (&to, &ended, &last);
        a = arabic_date (&from);
        b = g_date_valid (&last) ? arabic_date (&last) : g_strdup ("长期");
        term = g_strdup_printf ("%s至%s（%s）", a, b,
                                fzp_blind_massage_filing_state_to_print (fzp_blind_massage_filing_state (&from, &to, &ended, &on)));
        fz_document_section_add_field (section, "执业地点", fz_statement_get_text (st, 0), FZ_FIELD_PLAIN);
        fz_document_section_add_field (section, "备案编号", fz_statement_get_text (st, 1), FZ_FIELD_PLAIN);
        fz_document_section_add_wide_field (section, "备案期限", term, FZ_FIELD_PLAIN);
        any = TRUE;
      }
    if (local_error)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    g_clear_pointer (&st, fz_statement_unref);
    if (!any)
      fz_document_section_add_wide_field (section, "执业地点", "本年度无执业备案", FZ_FIELD_PLAIN);
  }

  {
    g_autofree char *heading = g_strdup_printf ("四、%d年度继续教育", year);
    g_autofree char *y = g_strdup_printf ("%04d", year);
    double total = 0;

    fz_document_add_section (doc, heading, 1);
    table = fz_document_add_table (doc);
    fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
    fz_document_table_add_column (table, "课程名称", 3, FZ_ALIGN_START, FZ_FIELD_PLAIN);
    fz_document_table_add_column (table, "举办单位", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
    fz_document_table_add_column (table, "日期", 1.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
    fz_document_table_add_column (table, "学时", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
    st = fz_database_query (db,
                            "SELECT c.name, coalesce(c.organizer, ''), c.held_from, c.held_to, coalesce(a.hours, c.hours)"
                            " FROM blind_massage_attendance a JOIN blind_massage_course c ON c.id = a.course_id"
                            " WHERE a.practitioner_id = ?1 AND substr(c.held_to, 1, 4) = ?2 ORDER BY c.held_from",
                            g_variant_new ("(xs)", p->id, y), error);
    if (st == NULL)
      return NULL;
    for (guint n = 1; fz_statement_step (st, &local_error); n++)
      {
        g_autofree char *index = g_strdup_printf ("%u", n);
        g_autofree char *hours = fzp_blind_massage_format_hours (fz_statement_get_double (st, 4));
        g_autofree char *when = g_str_equal (fz_statement_get_text (st, 2), fz_statement_get_text (st, 3))
                                ? g_strdup (fz_statement_get_text (st, 2))
                                : g_strdup_printf ("%s至%s", fz_statement_get_text (st, 2), fz_statement_get_text (st, 3) + 5);

        total += fz_statement_get_double (st, 4);
        fz_document_table_add_row (table, index, fz_statement_get_text (st, 0), fz_statement_get_text (st, 1), when, hours);
      }
    if (local_error)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    g_clear_pointer (&st, fz_statement_unref);
    {
      g_autofree char *sum = fzp_blind_massage_format_hours (total);
      fz_document_table_add_total_row (table, "合计", NULL, NULL, NULL, sum);
    }
  }

  section = fz_document_add_section (doc, "五、年审情况", 2);
  if (item == NULL)
    fz_document_section_add_wide_field (section, "年审", "按现行规则本年度无需年审", FZ_FIELD_PLAIN);
  else
    {
      g_autofree char *due = arabic_date (&item->due);
      g_autofree char *done = arabic_date (&item->done_on);
      g_autofree char *need = fzp_blind_massage_format_hours (item->required);
      g_autofree char *have = fzp_blind_massage_format_hours (item->earned);
      g_autofree char *missing = fzp_blind_massage_format_hours (item->short_by);
      const char *outcome = item->state == FZP_BLIND_MASSAGE_REVIEW_DONE
                            ? fzp_blind_massage_result_to_print (item->result)
                            : fzp_blind_massage_review_state_to_print (item->state);

      fz_document_section_add_field (section, "应审日期", due, FZ_FIELD_PLAIN);
      fz_document_section_add_field (section, "年审日期", done, FZ_FIELD_PLAIN);
      fz_document_section_add_field (section, "要求学时", need, FZ_FIELD_PLAIN);
      fz_document_section_add_field (section, "已完成学时", have, FZ_FIELD_PLAIN);
      fz_document_section_add_field (section, "尚差学时", missing, FZ_FIELD_PLAIN);
      fz_document_section_add_field (section, "年审结论", outcome, FZ_FIELD_PLAIN);
      fz_document_section_add_wide_field (section, "备注", item->notes, FZ_FIELD_PLAIN);
    }
  fz_document_add_paragraph (doc, "经办人（签字）：　　　　　　　审核人（签字）：　　　　　　　（盖章）", FZ_ALIGN_START);
  {
    g_autofree char *printed = fz_format_chinese_date (&on, FZ_DATE_STYLE_ARABIC);
    g_autofree char *line = g_strdup_printf ("打印日期：%s", printed);
    fz_document_add_paragraph (doc, line, FZ_ALIGN_END);
  }
  return g_steal_pointer (&doc);
}

/* The notice of overdue reviews (public) */

static FzDocument *
build_overdue_notice (FzContext             *context,
                      const FzDocumentInfo  *info,
                      GHashTable            *params,
                      GError               **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *county = NULL;
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;
  g_autofree char *on_text = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *signed_on = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  FzDocumentTable *table;
  GDate on;

  if (!read_date (params, &on, error) || !read_county (context, params, &county, &place, error))
    return NULL;
  query.on = &on;
  query.county_code = county;
  query.flags = FZP_BLIND_MASSAGE_LIST_OVERDUE;
  items = fzp_blind_massage_list_reviews (context, &query, error);
  if (items == NULL)
    return NULL;

  title = g_strdup_printf ("关于%s盲人按摩人员逾期未参加证书年审的通知", place);
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  on_text = arabic_date (&on);
  if (items->len == 0)
    opening = g_strdup_printf ("截至%s，无逾期未参加证书年审的盲人按摩人员。", on_text);
  else
    opening = g_strdup_printf ("根据盲人医疗按摩人员管理有关规定，执业人员应按期参加证书年审。截至%s，"
                               "下列人员未按期参加证书年审，请本人尽快携带有关材料到所在县（市、区）"
                               "残疾人联合会补办年审手续。", on_text);
  fz_document_add_paragraph (doc, opening, FZ_ALIGN_START);

  /* What to bring, as the rules of the years concerned say. */
  for (guint i = 0; i < items->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (items, i);
      FzpBlindMassageReviewRule rule;
      g_autofree char *requirements = NULL;
      gboolean found = FALSE;

      if (!fzp_blind_massage_get_review_rule (db, item->kind, item->year, &rule, &requirements, &found, error))
        return NULL;
      if (requirements && !g_ptr_array_find_with_equal_func (needs, requirements, g_str_equal, NULL))
        g_ptr_array_add (needs, g_steal_pointer (&requirements));
    }
  for (guint i = 0; i < needs->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("需携带材料：%s。", (const char *) g_ptr_array_index (needs, i));
      fz_document_add_paragraph (doc, line, FZ_ALIGN_START);
    }

  /* One row a person, with every year they owe. */
  if (items->len > 0)
    {
      guint persons = 0;

      table = fz_document_add_table (doc);
      fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "姓名", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
      fz_document_table_add_column (table, "县（市、区）", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "未年审年度", 2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "最早应审日期", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "逾期天数", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      for (guint i = 0; i < items->len; )
        {
          FzpBlindMassageReviewItem *first = g_ptr_array_index (items, i);
          g_autoptr(GString) years = g_string_new (NULL);
          g_autofree char *number = g_strdup_printf ("%u", ++persons);
          g_autofree char *due = arabic_date (&first->due);
          g_autofree char *days = g_strdup_printf ("%d", g_date_days_between (&first->due, &on));

          /* Items come by person and then by year: the first is the oldest. */
          for (; i < items->len; i++)
            {
              FzpBlindMassageReviewItem *item = g_ptr_array_index (items, i);
              if (item->practitioner_id != first->practitioner_id)
                break;
              g_string_append_printf (years, "%s%d", years->len ? "、" : "", item->year);
            }
          fz_document_table_add_row (table, number, first->name, first->id_number, first->county_name, years->str,
                                     due, days);
        }
      {
        g_autofree char *total = count_text (persons);
        fz_document_table_add_total_row (table, "合计", total, NULL, NULL, NULL, NULL, NULL);
      }
    }

  issuer = g_strdup_printf ("%s%s", place, ISSUER_SUFFIX);
  signed_on = fz_format_chinese_date (&on, FZ_DATE_STYLE_HANZI);
  fz_document_add_paragraph (doc, issuer, FZ_ALIGN_END);
  fz_document_add_paragraph (doc, signed_on, FZ_ALIGN_END);
  return g_steal_pointer (&doc);
}

/* The register of practitioners */

static gboolean
add_register_table (FzDocument           *doc,
                    FzDatabase           *db,
                    FzpBlindMassageKind   kind,
                    const char           *county,
                    const char           *day,
                    guint                *n_rows,
                    GError              **error)
{
  g_autoptr(FzStatement) st = NULL;
  FzDocumentTable *table = fz_document_add_table (doc);
  gboolean medical = kind == FZP_BLIND_MASSAGE_KIND_MEDICAL;

  fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 0.8, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "性别", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "残疾类别等级", 1, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "县（市、区）", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, medical ? "资格证书编号" : "职业资格证书编号", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "发证日期", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "职称", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "执业地点", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "备案有效期至", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "联系电话", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);

  st = fz_database_query (db,
                          "SELECT row_number() OVER (ORDER BY c.sort, f.id_number), f.name,"
                          " CASE f.sex WHEN 2 THEN '女' ELSE '男' END, f.id_number,"
                          " CASE f.category WHEN 1 THEN '视力' WHEN 2 THEN '听力' WHEN 3 THEN '言语' WHEN 4 THEN '肢体'"
                          "  WHEN 5 THEN '智力' WHEN 6 THEN '精神' ELSE '多重' END"
                          "  || CASE f.grade WHEN 1 THEN '一级' WHEN 2 THEN '二级' WHEN 3 THEN '三级' ELSE '四级' END,"
                          " c.name, p.qualification_number, p.qualified_on,"
                          " (SELECT l.name FROM blind_massage_title t JOIN blind_massage_title_level l ON l.level = t.level"
                          "   WHERE t.practitioner_id = p.id AND t.awarded_on <= ?3 ORDER BY t.level DESC LIMIT 1),"
                          " g.workplace, CASE WHEN g.id IS NULL THEN NULL WHEN g.valid_to IS NULL AND g.ended_on IS NULL THEN '长期'"
                          "  ELSE min(coalesce(g.valid_to, '9999-12-31'), coalesce(g.ended_on, '9999-12-31')) END,"
                          " f.phone"
                          " FROM blind_massage_practitioner p JOIN fz_person f ON f.id = p.person_id"
                          " JOIN fz_county c ON c.code = p.county_code"
                          " LEFT JOIN blind_massage_filing g ON g.id = (SELECT h.id FROM blind_massage_filing h"
                          "   WHERE h.practitioner_id = p.id AND h.valid_from <= ?3"
                          "   AND (h.valid_to IS NULL OR h.valid_to >= ?3) AND (h.ended_on IS NULL OR h.ended_on >= ?3)"
                          "   ORDER BY h.valid_from DESC LIMIT 1)"
                          " WHERE p.kind = ?1 AND (?2 IS NULL OR p.county_code = ?2)"
                          "  AND p.registered_on <= ?3 AND (p.left_on IS NULL OR p.left_on > ?3)"
                          " ORDER BY c.sort, f.id_number",
                          g_variant_new ("(smss)", fzp_blind_massage_kind_to_nick (kind), county, day), error);
  if (st == NULL || !fz_document_table_add_rows_from_statement (table, st, error))
    return FALSE;
  *n_rows = fz_document_table_get_n_rows (table);
  {
    g_autofree char *total = count_text (*n_rows);
    fz_document_table_add_total_row (table, "合计", total, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return TRUE;
}

static FzDocument *
build_register (FzContext             *context,
                const FzDocumentInfo  *info,
                GHashTable            *params,
                GError               **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autofree char *county = NULL;
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  g_autofree char *on_text = NULL;
  guint n = 0;
  GDate on;

  if (!read_county (context, params, &county, &place, error))
    return NULL;
  today (&on);
  day = fzp_blind_massage_date_to_iso (&on);
  on_text = arabic_date (&on);
  title = g_strdup_printf ("%s盲人按摩人员花名册", place);
  subtitle = g_strdup_printf ("截至%s", on_text);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  fz_document_set_font_size (doc, 9);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  /* Medical and health massage are different trades: two tables. */
  fz_document_add_section (doc, "一、盲人医疗按摩人员", 1);
  if (!add_register_table (doc, fz_context_get_database (context), FZP_BLIND_MASSAGE_KIND_MEDICAL, county, day, &n, error))
    return NULL;
  fz_document_add_section (doc, "二、盲人保健按摩人员", 1);
  if (!add_register_table (doc, fz_context_get_database (context), FZP_BLIND_MASSAGE_KIND_HEALTH, county, day, &n, error))
    return NULL;
  return g_steal_pointer (&doc);
}

FzDocument *
fzp_blind_massage_build_document (FzContext             *context,
                                  const FzDocumentInfo  *info,
                                  GHashTable            *params,
                                  GError               **error)
{
  if (g_str_equal (info->id, "review-list"))
    return build_review_list (context, info, params, error);
  if (g_str_equal (info->id, "review-record"))
    return build_review_record (context, info, params, error);
  if (g_str_equal (info->id, "overdue-notice"))
    return build_overdue_notice (context, info, params, error);
  if (g_str_equal (info->id, "register"))
    return build_register (context, info, params, error);
  g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND, _("“blind-massage” prints no “%s”"), info->id);
  return NULL;
}
