/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gongfu-workshops"

#include "config.h"

#include <locale.h>

#include "gw-test-util.h"
#include "fzp-gongfu-workshops-documents.h"

/* The documents as a person reads them: rendered to PDF through the loaded
 * plugin, then read back with poppler's pdftotext and pdfinfo. */

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text && info)
    return TRUE;
  g_test_skip ("pdftotext and pdfinfo (poppler-utils) are needed to read the PDFs back");
  return FALSE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

/* The PDF's text without the spaces and line breaks pdftotext puts between
 * Chinese characters and wrapped cells. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", path, "-", NULL };
  g_autofree char *text = run (argv);
  GString *out = g_string_new (text);

  g_string_replace (out, " ", "", 0);
  g_string_replace (out, "\n", "", 0);
  return g_string_free (out, FALSE);
}

static char *
pdf_page_size (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      return g_strstrip (g_strdup (lines[i] + strlen ("Page size:")));
  return NULL;
}

/* Builds @name through the plugin manager as `fuzhu print` does, writes it
 * and returns its text. */
static char *
render (GwFixture  *f,
        const char *name,
        GError    **error,
        ...)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *doc_name = g_strconcat (FZP_GONGFU_WORKSHOPS_OWNER, "/", name, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *pdf = g_strconcat (path, ".pdf", NULL);
  g_autoptr(GError) local = NULL;
  va_list ap;

  va_start (ap, error);
  for (const char *key = va_arg (ap, const char *); key; key = va_arg (ap, const char *))
    g_hash_table_insert (params, g_strdup (key), g_strdup (va_arg (ap, const char *)));
  va_end (ap);

  doc = fz_plugin_manager_build_document (f->manager, doc_name, params, error);
  if (doc == NULL)
    return NULL;
  g_assert_true (fz_document_render_pdf (doc, pdf, &local));
  g_assert_no_error (local);
  g_object_set_data_full (G_OBJECT (f->manager), "last-pdf", g_strdup (pdf), g_free);
  return pdf_text (pdf);
}

static gint64
setup_workshop (GwFixture *f)
{
  gint64 a = gw_add_workshop (f, "大俱源村共富工坊", "330802", "2024-01-01");
  FzOrganization *company = g_ptr_array_index (f->organizations, 0);

  g_assert_true (fzp_gongfu_workshops_set_partner (f->context, a, fz_organization_get_id (company), TRUE, NULL));
  gw_join (f, a, 0, "2024-01-01");
  gw_join (f, a, 1, "2024-02-10");
  gw_pay (f, a, 2024, 3, 0, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 1200, 210050);
  gw_pay (f, a, 2024, 3, 1, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 0, 0);
  gw_pay (f, a, 2024, 4, 0, FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 80, 160000);
  return a;
}

static void
test_declarations (GwFixture     *f,
                   gconstpointer  data)
{
  g_assert_cmpint (fzp_gongfu_workshops_document_info ("roster")->privacy, ==, FZ_DOCUMENT_INTERNAL);
  g_assert_cmpint (fzp_gongfu_workshops_document_info ("income-statement")->privacy, ==, FZ_DOCUMENT_INTERNAL);
  g_assert_cmpint (fzp_gongfu_workshops_document_info ("pay-sheet")->privacy, ==, FZ_DOCUMENT_PUBLIC);
  g_assert_null (fzp_gongfu_workshops_document_info ("nothing"));
}

static void
test_roster (GwFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  FzPerson *p = gw_person (f, 0);

  if (!have_poppler ())
    return;
  setup_workshop (f);
  text = render (f, "roster", &error, "workshop", "大俱源村共富工坊", "date", "2024-02-01", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "大俱源村共富工坊残疾人员工花名册"));
  g_assert_nonnull (strstr (text, "截至2024年2月1日"));
  g_assert_nonnull (strstr (text, fz_organization_get_name (g_ptr_array_index (f->organizations, 0))));
  /* For staff: the whole number, category and grade. */
  g_assert_nonnull (strstr (text, fz_person_get_id_number (p)));
  g_assert_nonnull (strstr (text, "残疾类别"));
  g_assert_nonnull (strstr (text, fz_person_get_name (p)));
  /* Only who worked there on that day: the second joined later. */
  g_assert_null (strstr (text, fz_person_get_id_number (gw_person (f, 1))));
  g_assert_nonnull (strstr (text, "合计1人"));
  size = pdf_page_size (g_object_get_data (G_OBJECT (f->manager), "last-pdf"));
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.2"));

  g_assert_null (render (f, "roster", &error, "workshop", "没有这个车间", NULL));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (render (f, "roster", &error, NULL));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
}

static void
test_income_statement (GwFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;
  FzPerson *p = gw_person (f, 0);

  if (!have_poppler ())
    return;
  setup_workshop (f);
  text = render (f, "income-statement", &error, "person", fz_person_get_id_number (p), "year", "2024", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "残疾人务工收入证明"));
  g_assert_nonnull (strstr (text, "2024年度"));
  g_assert_nonnull (strstr (text, fz_person_get_id_number (p)));
  g_assert_nonnull (strstr (text, "2024年3月"));
  g_assert_nonnull (strstr (text, "2,100.50"));
  g_assert_nonnull (strstr (text, "计时"));
  g_assert_nonnull (strstr (text, "3,700.50"));
  /* Two months with pay: 3,700.50 / 2. */
  g_assert_nonnull (strstr (text, "共有2个月取得劳动报酬"));
  g_assert_nonnull (strstr (text, "月均1,850.25元"));
  g_assert_nonnull (strstr (text, "出具单位（盖章）"));

  /* The second worker had a month with no work. */
  second = render (f, "income-statement", &error, "person", fz_person_get_id_number (gw_person (f, 1)),
                   "year", "2024", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (second, "本月无活"));
  g_assert_nonnull (strstr (second, "另有1个月无活"));

  /* Someone who worked in no workshop that year has no statement. */
  g_assert_null (render (f, "income-statement", &error, "person", fz_person_get_id_number (p), "year", "2023", NULL));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (render (f, "income-statement", &error, "person", fz_person_get_id_number (p), "year", "二〇二四", NULL));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
}

static void
test_pay_sheet_is_masked (GwFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;
  const char *id_number = fz_person_get_id_number (gw_person (f, 0));

  if (!have_poppler ())
    return;
  setup_workshop (f);
  text = render (f, "pay-sheet", &error, "workshop", "大俱源村共富工坊", "month", "2024年3月", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "大俱源村共富工坊2024年3月劳动报酬发放签领表"));
  g_assert_nonnull (strstr (text, "领款人签名"));
  g_assert_nonnull (strstr (text, fz_person_get_name (gw_person (f, 0))));
  g_assert_nonnull (strstr (text, "2,100.50"));
  g_assert_nonnull (strstr (text, "本月无活"));
  g_assert_nonnull (strstr (text, "合计2人"));
  /* Workers sign on one sheet: nobody's number shows whole. */
  masked = fz_mask_identity_number (id_number, 6, 4);
  g_assert_nonnull (strstr (text, masked));
  g_assert_null (strstr (text, id_number));
  g_assert_null (strstr (text, fz_person_get_id_number (gw_person (f, 1))));

  g_assert_null (render (f, "pay-sheet", &error, "workshop", "大俱源村共富工坊", "month", "2024-05", NULL));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (render (f, "pay-sheet", &error, "workshop", "大俱源村共富工坊", "month", "2024-13", NULL));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/Fuzhu/Plugins/GongfuWorkshops/documents/" name, GwFixture, NULL, gw_fixture_setup, func, gw_fixture_teardown)
  ADD ("declarations", test_declarations);
  ADD ("roster", test_roster);
  ADD ("income-statement", test_income_statement);
  ADD ("pay-sheet-is-masked", test_pay_sheet_is_masked);
#undef ADD

  return g_test_run ();
}
