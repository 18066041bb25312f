/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage-documents"

#include "config.h"

#include <locale.h>

#include "blind-massage-test.h"
#include "fzp-blind-massage-store.h"

/* The four documents, printed to PDF through the plugin manager as the
 * shell and `fuzhu print` do, and read back with pdftotext. */

static char *
render (BmFixture   *f,
        const char  *name,
        GError     **error,
        ...)
{
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.pdf", f->dir, name);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *qualified = g_strconcat ("blind-massage/", name, NULL);
  int status = 0;
  va_list ap;

  va_start (ap, error);
  for (const char *key = va_arg (ap, const char *); key; key = va_arg (ap, const char *))
    g_hash_table_insert (params, (gpointer) key, va_arg (ap, gpointer));
  va_end (ap);

  doc = fz_plugin_manager_build_document (f->manager, qualified, params, error);
  if (doc == NULL)
    return NULL;
  g_assert_true (fz_document_render_pdf (doc, path, error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, error));
  g_assert_true (g_spawn_check_wait_status (status, error));
  /* Without the spaces and line breaks pdftotext puts into table cells. */
  {
    GString *text = g_string_new (out);
    g_string_replace (text, " ", "", 0);
    g_string_replace (text, "\n", "", 0);
    return g_string_free (text, FALSE);
  }
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is needed to read the PDFs back");
  return path != NULL;
}

typedef struct {
  char   *wang;
  char   *zhao;
  gint64  wang_id;
  gint64  zhao_id;
} People;

static void
people_clear (People *p)
{
  g_free (p->wang);
  g_free (p->zhao);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (People, people_clear)

/* Both registered here in 2024, so 2024 is the only review they owe: 王明
 * passed it with his hours; 赵强 is 1 hour short and overdue. */
static void
populate (BmFixture *f,
          People    *p)
{
  g_autoptr(GError) error = NULL;
  GDate qualified = bm_day (2019, 6, 30), registered = bm_day (2024, 1, 1), done = bm_day (2024, 12, 1);
  GDate from = bm_day (2024, 5, 10), filed = bm_day (2023, 1, 1);
  FzpBlindMassageNewPractitioner add = {
    .kind = FZP_BLIND_MASSAGE_KIND_MEDICAL, .qualified_on = &qualified, .registered_on = &registered,
  };
  FzpBlindMassageNewFiling filing = { .workplace = "衢州市柯城区光明盲人按摩诊所", .from = &filed, .number = "BA-2023-01" };
  gint64 course;

  p->wang = g_strdup (bm_add_person (f->context, "王明", "330802", "19800101", 1, FZ_CATEGORY_VISUAL));
  p->zhao = g_strdup (bm_add_person (f->context, "赵强", "330881", "19700303", 5, FZ_CATEGORY_VISUAL));
  add.number = p->wang;
  add.qualification_number = "YL2019-0001";
  p->wang_id = fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error);
  add.number = p->zhao;
  add.qualification_number = "YL2019-0002";
  p->zhao_id = fzp_blind_massage_add_practitioner (f->context, &add, NULL, &error);
  g_assert_no_error (error);
  course = fzp_blind_massage_add_course (f->context, "2024年盲人医疗按摩继续教育培训班", "衢州市盲人按摩指导中心", &from,
                                         NULL, 20, FZP_BLIND_MASSAGE_KIND_MEDICAL, &error);
  g_assert_true (fzp_blind_massage_add_attendance (f->context, course, p->wang_id, 0, &error));
  g_assert_true (fzp_blind_massage_add_attendance (f->context, course, p->zhao_id, 19, &error));
  g_assert_cmpint (fzp_blind_massage_add_filing (f->context, p->wang_id, &filing, FALSE, &error), >, 0);
  g_assert_true (fzp_blind_massage_award_title (f->context, p->wang_id, "医疗按摩士", &qualified, NULL, &error));
  g_assert_true (fzp_blind_massage_record_review (f->context, p->wang_id, 2024, FZP_BLIND_MASSAGE_RESULT_PASSED, &done,
                                                  NULL, &error));
  g_assert_no_error (error);
}

static void
test_review_list (BmFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(People) p = { 0 };
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  populate (f, &p);
  text = render (f, "review-list", &error, "year", "2024", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "衢州市2024年度盲人按摩人员证书年审名单"));
  /* Internal: numbers whole. */
  g_assert_nonnull (strstr (text, p.wang));
  g_assert_nonnull (strstr (text, p.zhao));
  g_assert_nonnull (strstr (text, "20/20"));
  g_assert_nonnull (strstr (text, "19/20"));
  g_assert_nonnull (strstr (text, "学时差1"));
  g_assert_nonnull (strstr (text, "合格1人"));
  g_assert_nonnull (strstr (text, "逾期未年审1人"));
  g_clear_pointer (&text, g_free);

  /* One county. */
  text = render (f, "review-list", &error, "year", "2024", "county", "江山", NULL);
  g_assert_nonnull (strstr (text, "江山市2024年度"));
  g_assert_null (strstr (text, "王明"));
  g_clear_pointer (&text, g_free);

  g_assert_null (render (f, "review-list", &error, "year", "二〇二四", NULL));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (render (f, "review-list", &error, "county", "杭州", NULL));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
}

static void
test_overdue_notice_masks (BmFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(People) p = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;

  if (!have_poppler ())
    return;
  populate (f, &p);
  text = render (f, "overdue-notice", &error, "date", "2025-03-01", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "关于衢州市盲人按摩人员逾期未参加证书年审的通知"));
  g_assert_nonnull (strstr (text, "截至2025年3月1日"));
  /* Public: identity numbers masked to 6 and 4, no phones, no category. */
  masked = g_strdup_printf ("%.6s********%s", p.zhao, p.zhao + 14);
  g_assert_nonnull (strstr (text, masked));
  g_assert_null (strstr (text, p.zhao));
  g_assert_null (strstr (text, "13812345678"));
  g_assert_null (strstr (text, "视力"));
  /* 赵强 owes 2024, 60 days late on 1 March 2025; 王明 passed. */
  g_assert_nonnull (strstr (text, "赵强"));
  g_assert_null (strstr (text, "王明"));
  g_assert_nonnull (strstr (text, "60"));
  /* What to bring comes from the rule. */
  g_assert_nonnull (strstr (text, "需携带材料"));
  g_assert_nonnull (strstr (text, "衢州市残疾人联合会"));
  g_assert_nonnull (strstr (text, "二〇二五年三月一日"));
  g_clear_pointer (&text, g_free);

  text = render (f, "overdue-notice", &error, "date", "2024-12-31", NULL);
  g_assert_nonnull (strstr (text, "无逾期未参加证书年审的盲人按摩人员"));
}

static void
test_review_record (BmFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) record = NULL;
  g_autoptr(FzCertificateRecord) checked = NULL;
  g_auto(People) p = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *key = NULL;
  GDate done = bm_day (2024, 12, 2);

  if (!have_poppler ())
    return;
  populate (f, &p);
  text = render (f, "review-record", &error, "person", p.wang, "year", "2024", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "盲人医疗按摩人员证书年审记录表"));
  g_assert_nonnull (strstr (text, p.wang));
  g_assert_nonnull (strstr (text, "视力残疾一级"));
  g_assert_nonnull (strstr (text, "YL2019-0001"));
  g_assert_nonnull (strstr (text, "医疗按摩士"));
  g_assert_nonnull (strstr (text, "衢州市柯城区光明盲人按摩诊所"));
  g_assert_nonnull (strstr (text, "2024年盲人医疗按摩继续教育培训班"));
  g_assert_nonnull (strstr (text, "合格"));

  /* A review done carries a register number, the same when printed again. */
  key = fzp_blind_massage_review_key (p.wang_id, 2024);
  record = fz_certificate_register_lookup (f->context, "blind-massage", "review-record", key, &error);
  g_assert_nonnull (record);
  g_assert_true (g_str_has_prefix (record->serial, "BM-2024-"));
  g_assert_nonnull (strstr (text, record->serial));
  again = render (f, "review-record", &error, "person", p.wang, "year", "2024", NULL);
  g_assert_nonnull (strstr (again, record->serial));

  /* The result corrected: the record printed before is revoked with it. */
  g_assert_true (fzp_blind_massage_record_review (f->context, p.wang_id, 2024, FZP_BLIND_MASSAGE_RESULT_FAILED, &done,
                                                  "复核不合格", &error));
  g_assert_no_error (error);
  checked = fz_certificate_register_verify (f->context, record->serial, &error);
  g_assert_no_error (error);
  g_assert_true (checked->revoked);
  g_clear_pointer (&text, g_free);
  text = render (f, "review-record", &error, "person", p.wang, "year", "2024", NULL);
  g_assert_nonnull (strstr (text, "不合格"));
  g_assert_null (strstr (text, record->serial));

  /* 赵强's review is not done: no number, the hours short shown. */
  g_clear_pointer (&text, g_free);
  text = render (f, "review-record", &error, "person", p.zhao, "year", "2024", NULL);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "记录编号"));
  g_assert_nonnull (strstr (text, "逾期未年审"));

  g_assert_null (render (f, "review-record", &error, "year", "2024", NULL));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (render (f, "review-record", &error, "person", "11010519491231002X", NULL));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
}

static void
test_register (BmFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(People) p = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *li = NULL;
  FzpBlindMassageNewPractitioner health = { .kind = FZP_BLIND_MASSAGE_KIND_HEALTH };

  if (!have_poppler ())
    return;
  populate (f, &p);
  li = g_strdup (bm_add_person (f->context, "李芳", "330802", "19850505", 2, FZ_CATEGORY_VISUAL));
  health.number = li;
  g_assert_cmpint (fzp_blind_massage_add_practitioner (f->context, &health, NULL, &error), >, 0);

  text = render (f, "register", &error, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "衢州市盲人按摩人员花名册"));
  /* Two trades, two tables: 李芳 is under health massage, after the medical ones. */
  g_assert_nonnull (strstr (text, "一、盲人医疗按摩人员"));
  g_assert_nonnull (strstr (text, "二、盲人保健按摩人员"));
  g_assert_true (strstr (text, "二、盲人保健按摩人员") < strstr (text, "李芳"));
  g_assert_true (strstr (text, "王明") < strstr (text, "二、盲人保健按摩人员"));
  g_assert_nonnull (strstr (text, "长期"));
  g_assert_nonnull (strstr (text, p.zhao));
  g_clear_pointer (&text, g_free);

  text = render (f, "register", &error, "county", "330881", NULL);
  g_assert_nonnull (strstr (text, "江山市盲人按摩人员花名册"));
  g_assert_null (strstr (text, "王明"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/BlindMassage/" path, BmFixture, NULL, \
                                    bm_fixture_setup, func, bm_fixture_teardown)
  ADD ("review-list", test_review_list);
  ADD ("overdue-notice-masks", test_overdue_notice_masks);
  ADD ("review-record", test_review_record);
  ADD ("register", test_register);
#undef ADD

  return g_test_run ();
}
