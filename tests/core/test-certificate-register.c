/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-certificate-register"

#include "config.h"

#include "fuzhu.h"

typedef struct {
  char       *dir;
  char       *path;
  FzDatabase *db;
  FzContext  *context;
  GDate       date;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fuzhu-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (f->path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "登记员");
  g_date_clear (&f->date, 1);
  g_date_set_dmy (&f->date, 15, 12, 2025);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static FzCertificateRecord *
issue (Fixture    *f,
       const char *key,
       const char *subject,
       gboolean   *reprint,
       GError    **error)
{
  FzCertificateRequest request = {
    .owner = "skills-competition",
    .kind = "award-certificate",
    .subject_key = key,
    .subject = subject,
    .person = "330802199001011234",
    .issued = &f->date,
    .payload = "{\"event\":3,\"award\":1}",
  };

  return fz_certificate_register_issue (f->context, &request, reprint, error);
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The register is a core owner, there as soon as the database opens. */
  g_assert_cmpuint (fz_database_get_schema_version (f->db, "documents"), ==, 1);
  g_assert_true (fz_database_exec (f->db, "SELECT serial, revoked FROM fz_certificate", &error));
  g_assert_no_error (error);
}

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) first = NULL;
  g_autoptr(FzCertificateRecord) second = NULL;
  g_autoptr(FzCertificateRecord) copy = NULL;
  gboolean reprint = TRUE;

  first = issue (f, "2025/3/17", "王伟 盲人医疗按摩项目 一等奖", &reprint, &error);
  g_assert_no_error (error);
  g_assert_false (reprint);
  g_assert_cmpstr (first->serial, ==, "FZ-2025-000001");
  g_assert_cmpstr (first->owner, ==, "skills-competition");
  g_assert_cmpstr (first->subject, ==, "王伟 盲人医疗按摩项目 一等奖");
  g_assert_cmpstr (first->person, ==, "330802199001011234");
  g_assert_cmpstr (first->issued_by, ==, "登记员");
  g_assert_cmpint (g_date_compare (&first->issued, &f->date), ==, 0);
  g_assert_cmpuint (first->prints, ==, 1);
  g_assert_false (first->revoked);

  second = issue (f, "2025/3/18", "李娜 盲人医疗按摩项目 二等奖", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->serial, ==, "FZ-2025-000002");

  copy = g_boxed_copy (FZ_TYPE_CERTIFICATE_RECORD, second);
  g_assert_cmpstr (copy->subject, ==, second->subject);
  g_assert_true (copy->serial != second->serial);
}

static void
test_reprint_keeps_number (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) first = NULL;
  g_autoptr(FzCertificateRecord) again = NULL;
  g_autoptr(FzCertificateRecord) found = NULL;
  gboolean reprint = FALSE;
  GDate later;

  first = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);

  /* Printed again a month later: same number, first date, counted. */
  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 20, 1, 2026);
  f->date = later;
  again = issue (f, "2025/3/17", "王伟 一等奖", &reprint, &error);
  g_assert_no_error (error);
  g_assert_true (reprint);
  g_assert_cmpstr (again->serial, ==, first->serial);
  g_assert_cmpint (g_date_compare (&again->issued, &first->issued), ==, 0);
  g_assert_cmpuint (again->prints, ==, 2);

  found = fz_certificate_register_lookup (f->context, "skills-competition", "award-certificate",
                                          "2025/3/17", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->serial, ==, first->serial);
  g_assert_null (fz_certificate_register_lookup (f->context, "skills-competition", "award-certificate",
                                                 "2025/3/99", &error));
  g_assert_no_error (error);

  /* The same key certifying something else is not a reprint. */
  g_assert_null (issue (f, "2025/3/17", "王伟 二等奖", NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, first->serial));
}

static void
test_never_reused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) first = NULL;
  g_autoptr(FzCertificateRecord) second = NULL;
  g_autoptr(FzCertificateRecord) checked = NULL;
  g_autoptr(FzCertificateRecord) after_import = NULL;
  gint64 n = 0;
  gboolean reprint = TRUE;

  first = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (fz_certificate_register_revoke (f->context, first->serial, "成绩复核后更正为二等奖",
                                                 NULL, &error));
  g_assert_no_error (error);

  /* Issued again after revocation: a new number, never the old one. */
  second = issue (f, "2025/3/17", "王伟 二等奖", &reprint, &error);
  g_assert_no_error (error);
  g_assert_false (reprint);
  g_assert_cmpstr (second->serial, !=, first->serial);
  g_assert_cmpstr (second->serial, ==, "FZ-2025-000002");

  /* The revoked one still answers, as revoked, with its reason. */
  checked = fz_certificate_register_verify (f->context, first->serial, &error);
  g_assert_no_error (error);
  g_assert_true (checked->revoked);
  g_assert_true (g_date_valid (&checked->revoked_on));
  g_assert_cmpstr (checked->revoked_reason, ==, "成绩复核后更正为二等奖");
  g_assert_cmpstr (checked->revoked_by, ==, "登记员");
  g_assert_cmpstr (checked->subject, ==, "王伟 一等奖");

  /* Rows cannot be deleted or renumbered, even by hand. */
  g_assert_false (fz_database_execute (f->db, "DELETE FROM fz_certificate WHERE serial = ?1",
                                       g_variant_new ("(s)", first->serial), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (fz_database_execute (f->db, "UPDATE fz_certificate SET serial = ?1 WHERE serial = ?2",
                                       g_variant_new ("(ss)", "FZ-2025-999999", first->serial), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM fz_certificate", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 2);

  /* A number the counter has not seen (restored data) is skipped, not reused. */
  g_assert_true (fz_database_execute (f->db,
                                      "INSERT INTO fz_certificate (serial, owner, kind, subject_key, subject,"
                                      " issued, issued_by) VALUES (?1, 'x', 'y', 'z', '导入', '2025-01-01', 'import')",
                                      g_variant_new ("(s)", "FZ-2025-000003"), &error));
  g_assert_no_error (error);
  after_import = issue (f, "2025/3/18", "李娜 三等奖", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after_import->serial, ==, "FZ-2025-000004");
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) issued = NULL;
  g_autoptr(FzCertificateRecord) typed = NULL;
  g_autoptr(FzCertificateRecord) checked = NULL;

  issued = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);

  checked = fz_certificate_register_verify (f->context, "FZ-2025-000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (checked->subject, ==, "王伟 一等奖");
  g_assert_false (checked->revoked);

  /* As typed with a Chinese input method: full width, lower case, spaces. */
  typed = fz_certificate_register_verify (f->context, " ｆｚ－２０２５—０００００１ ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (typed->serial, ==, issued->serial);

  /* An unknown number says so plainly, naming it. */
  g_assert_null (fz_certificate_register_verify (f->context, "FZ-2025-000002", &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "FZ-2025-000002"));
  g_clear_error (&error);
  g_assert_null (fz_certificate_register_verify (f->context, "'; DROP TABLE fz_certificate; --", &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (fz_certificate_register_verify (f->context, "", &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND);
}

static void
test_revoke_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) record = NULL;
  GDate date;

  record = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);

  g_assert_false (fz_certificate_register_revoke (f->context, record->serial, "  ", NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_certificate_register_revoke (f->context, "FZ-2025-000099", "错误", NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, 1, 2026);
  g_assert_true (fz_certificate_register_revoke (f->context, record->serial, "信息有误", &date, &error));
  g_assert_no_error (error);
  g_assert_false (fz_certificate_register_revoke (f->context, record->serial, "再次", NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_REVOKED);
  g_assert_nonnull (strstr (error->message, "2026-01-02"));
  g_assert_false (fz_database_in_transaction (f->db));
}

static void
test_prefixes_and_years (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) a = NULL;
  g_autoptr(FzCertificateRecord) b = NULL;
  g_autoptr(FzCertificateRecord) c = NULL;
  GDate next_year;
  FzCertificateRequest request = {
    .owner = "blind-massage",
    .kind = "annual-review",
    .subject_key = "2025/person/9",
    .subject = "张三 2025年度证书年审合格",
    .issued = &f->date,
    .prefix = "QZMA",
  };

  a = fz_certificate_register_issue (f->context, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->serial, ==, "QZMA-2025-000001");
  g_assert_null (a->person);
  g_assert_null (a->payload);

  /* Each prefix and year counts on its own. */
  g_date_clear (&next_year, 1);
  g_date_set_dmy (&next_year, 1, 1, 2026);
  request.issued = &next_year;
  request.subject_key = "2026/person/9";
  request.subject = "张三 2026年度证书年审合格";
  b = fz_certificate_register_issue (f->context, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->serial, ==, "QZMA-2026-000001");
  c = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_cmpstr (c->serial, ==, "FZ-2025-000001");

  request.prefix = "qz-1";
  request.subject_key = "other";
  g_assert_null (fz_certificate_register_issue (f->context, &request, NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  request.prefix = NULL;
  request.subject = " ";
  g_assert_null (fz_certificate_register_issue (f->context, &request, NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
}

static gboolean
issue_then_fail (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  Fixture *f = user_data;
  g_autoptr(FzCertificateRecord) record = issue (f, "2025/3/17", "王伟 一等奖", NULL, error);

  if (record == NULL)
    return FALSE;
  g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_FAILED, "the print run was cancelled");
  return FALSE;
}

static void
test_inside_caller_transaction (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) record = NULL;
  gint64 n = -1;

  /* A print run that fails takes its certificates with it: none was handed out. */
  g_assert_false (fz_database_transaction (f->db, issue_then_fail, f, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM fz_certificate", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 0);
  g_assert_false (fz_database_in_transaction (f->db));

  record = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->serial, ==, "FZ-2025-000001");
}

static void
test_survives_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzCertificateRecord) first = NULL;
  g_autoptr(FzCertificateRecord) second = NULL;

  first = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fz_certificate_register_revoke (f->context, first->serial, "作废", NULL, &error));

  g_assert_finalize_object (g_steal_pointer (&f->context));
  g_assert_finalize_object (g_steal_pointer (&f->db));
  f->db = fz_database_open (f->path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "登记员");

  second = issue (f, "2025/3/17", "王伟 一等奖", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->serial, ==, "FZ-2025-000002");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/CertificateRegister/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("schema", test_schema);
  ADD ("issue", test_issue);
  ADD ("reprint-keeps-number", test_reprint_keeps_number);
  ADD ("never-reused", test_never_reused);
  ADD ("verify", test_verify);
  ADD ("revoke-errors", test_revoke_errors);
  ADD ("prefixes-and-years", test_prefixes_and_years);
  ADD ("inside-caller-transaction", test_inside_caller_transaction);
  ADD ("survives-reopen", test_survives_reopen);
#undef ADD

  return g_test_run ();
}
