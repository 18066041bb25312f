/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "fuzhu.h"

/* Documents are checked the way a person would: rendered to PDF, then read
 * back with poppler's pdftotext and pdfinfo. */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fuzhu-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

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

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

/* The text of every page, in order: pdftotext ends each page with \f. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* The last \f ends the last page; nothing follows it. */
  if (n > 0 && pages[n - 1][0] == '\0')
    {
      g_free (pages[n - 1]);
      pages[n - 1] = NULL;
    }
  return pages;
}

static char *
pdf_text (const char *path)
{
  g_auto(GStrv) pages = pdf_pages (path);
  return g_strjoinv ("\n", pages);
}

static char *
pdf_info (const char *path,
          const char *key)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* pdftotext drops the narrow spaces between Chinese characters, and a
 * wrapped cell comes out on several lines: compare without either. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (text);

  g_string_replace (out, " ", "", 0);
  g_string_replace (out, "\n", "", 0);
  return g_string_free (out, FALSE);
}

static guint
count_words (const char *text,
             const char *words)
{
  g_autofree char *a = squeeze (text);
  g_autofree char *b = squeeze (words);

  return count (a, b);
}

static gboolean
has_words (const char *text,
           const char *words)
{
  return count_words (text, words) > 0;
}

static char *
render (Fixture    *f,
        FzDocument *doc,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (fz_document_render_pdf (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Dates and masks */

static void
check_date (guint        day,
            guint        month,
            guint        year,
            FzDateStyle  style,
            const char  *expected)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  text = fz_format_chinese_date (&date, style);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_chinese_date (void)
{
  check_date (15, 12, 2025, FZ_DATE_STYLE_HANZI, "二〇二五年十二月十五日");
  check_date (1, 1, 2020, FZ_DATE_STYLE_HANZI, "二〇二〇年一月一日");
  check_date (15, 12, 2025, FZ_DATE_STYLE_ARABIC, "2025年12月15日");
  check_date (1, 1, 2020, FZ_DATE_STYLE_ARABIC, "2020年1月1日");
  check_date (10, 10, 2022, FZ_DATE_STYLE_HANZI, "二〇二二年十月十日");
  check_date (20, 11, 2022, FZ_DATE_STYLE_HANZI, "二〇二二年十一月二十日");
  check_date (31, 5, 2009, FZ_DATE_STYLE_HANZI, "二〇〇九年五月三十一日");
  check_date (29, 2, 2024, FZ_DATE_STYLE_HANZI, "二〇二四年二月二十九日");
}

static void
check_mask (char       *masked,
            const char *expected)
{
  g_assert_cmpstr (masked, ==, expected);
  g_free (masked);
}

static void
test_masks (void)
{
  FzMaskPolicy policy;

  check_mask (fz_mask_identity_number ("330802199001011234", 6, 4), "330802********1234");
  check_mask (fz_mask_identity_number ("11010519491231002x", 6, 4), "110105********002X");
  check_mask (fz_mask_identity_number ("330802 19900101 1234", 6, 4), "330802********1234");
  /* The lengths are the administrator's. */
  check_mask (fz_mask_identity_number ("330802199001011234", 3, 2), "330*************34");
  check_mask (fz_mask_identity_number ("330802199001011234", 0, 0), "******************");
  /* Too short to hide anything between: all of it is hidden. */
  check_mask (fz_mask_identity_number ("3308021234", 6, 4), "**********");
  check_mask (fz_mask_identity_number ("", 6, 4), "");

  check_mask (fz_mask_phone ("13812345678", 3, 4), "138****5678");
  check_mask (fz_mask_phone ("0570-8123456", 3, 4), "057*-***3456");
  check_mask (fz_mask_phone ("1234567", 3, 4), "*******");

  /* A disability card never shows its category and grade. */
  check_mask (fz_mask_for_public ("11010519491231002X12", FZ_FIELD_DISABILITY_CARD, NULL),
              "110105********002X**");
  check_mask (fz_mask_for_public ("13812345678", FZ_FIELD_PHONE, NULL), "138****5678");
  check_mask (fz_mask_for_public ("张三", FZ_FIELD_PLAIN, NULL), "张三");
  g_assert_null (fz_mask_for_public ("视力一级", FZ_FIELD_SENSITIVE, NULL));

  fz_mask_policy_init_default (&policy);
  g_assert_cmpuint (policy.id_keep_start, ==, 6);
  g_assert_cmpuint (policy.id_keep_end, ==, 4);
  policy.id_keep_start = 4;
  check_mask (fz_mask_for_public ("330802199001011234", FZ_FIELD_IDENTITY_NUMBER, &policy),
              "3308**********1234");
}

static void
test_mask_policy_settings (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "fuzhu.db", NULL);
  g_autoptr(FzDatabase) db = fz_database_open (path, &error);
  g_autoptr(FzContext) context = NULL;
  g_autoptr(FzDocument) doc = NULL;
  FzMaskPolicy policy;

  g_assert_no_error (error);
  context = fz_context_new (db, NULL, "tester");

  g_assert_true (fz_mask_policy_load (&policy, context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (policy.id_keep_start, ==, 6);

  g_assert_true (fz_context_set_value (context, "documents", "mask-id-start", "4", &error));
  g_assert_true (fz_context_set_value (context, "documents", "mask-phone-end", "many", &error));
  g_assert_true (fz_context_set_value (context, "documents", "printer-offset-x-mm", "-1.5", &error));
  g_assert_no_error (error);

  /* A wrong value is reported by name; the others still apply. */
  g_assert_false (fz_mask_policy_load (&policy, context, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "mask-phone-end"));
  g_clear_error (&error);
  g_assert_cmpuint (policy.id_keep_start, ==, 4);
  g_assert_cmpuint (policy.phone_keep_end, ==, 4);

  doc = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
  g_assert_false (fz_document_load_settings (doc, context, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fz_document_get_mask_policy (doc)->id_keep_start, ==, 4);

  g_object_unref (g_steal_pointer (&context));
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* Lists */

static const char *names[] = { "王伟", "李娜", "张秀英", "刘洋", "陈静", "杨磊", "赵敏", "黄强" };

static FzDocument *
make_list (FzDocumentPrivacy privacy,
           guint             n_rows,
           const char       *long_text)
{
  FzDocument *doc = fz_document_new (privacy, FZ_ORIENTATION_PORTRAIT);
  FzDocumentTable *table;

  fz_document_set_title (doc, "获奖人员名单");
  fz_document_set_subtitle (doc, "2025年衢州市残疾人职业技能竞赛");
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "联系电话", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "残疾类别", 1, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "备注", 2.5, FZ_ALIGN_START, FZ_FIELD_PLAIN);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = g_strdup_printf ("330802199001%06u", 100000 + i);
      g_autofree char *phone = g_strdup_printf ("138%08u", 10000000 + i);

      fz_document_table_add_row (table, number, names[i % G_N_ELEMENTS (names)], id, phone,
                                 "视力一级", long_text ? long_text : "一等奖");
    }
  fz_document_table_add_total_row (table, "合计", NULL, NULL, NULL, NULL, "共计若干人");
  return doc;
}

static void
test_list_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n;

  if (!have_poppler ())
    return;

  doc = make_list (FZ_DOCUMENT_INTERNAL, 120, NULL);
  path = render (f, doc, "list.pdf");
  n = pdf_n_pages (path);
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (n, ==, fz_document_get_n_pages (doc, NULL));

  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *footer = g_strdup_printf ("第 %u 页 共 %u 页", i + 1, n);

      /* The header row heads every page, the title only the first. */
      g_assert_cmpuint (count (pages[i], "身份证号"), ==, 1);
      g_assert_cmpuint (count (pages[i], "联系电话"), ==, 1);
      g_assert_cmpuint (count (pages[i], "获奖人员名单"), ==, i == 0 ? 1 : 0);
      g_assert_true (has_words (pages[i], footer));
    }
  /* Every row is there, once, and the totals row ends the table. */
  {
    g_autofree char *text = g_strjoinv ("\n", pages);
    for (guint i = 0; i < 120; i++)
      {
        g_autofree char *id = g_strdup_printf ("330802199001%06u", 100000 + i);
        g_assert_cmpuint (count (text, id), ==, 1);
      }
    g_assert_nonnull (strstr (pages[n - 1], "合计"));
    g_assert_nonnull (strstr (pages[n - 1], "共计若干人"));
  }

  {
    g_autofree char *title = pdf_info (path, "Title");
    g_autofree char *size = pdf_info (path, "Page size");
    g_assert_cmpstr (title, ==, "获奖人员名单");
    g_assert_nonnull (strstr (size, "595.276 x 841.89"));
  }
}

static void
test_public_masks (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FzDocument) public = NULL;
  g_autoptr(FzDocument) internal = NULL;
  g_autofree char *public_path = NULL;
  g_autofree char *internal_path = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *internal_text = NULL;
  struct stat st;

  if (!have_poppler ())
    return;

  public = make_list (FZ_DOCUMENT_PUBLIC, 5, NULL);
  internal = make_list (FZ_DOCUMENT_INTERNAL, 5, NULL);
  g_assert_cmpint (fz_document_get_privacy (public), ==, FZ_DOCUMENT_PUBLIC);
  public_path = render (f, public, "public.pdf");
  internal_path = render (f, internal, "internal.pdf");
  public_text = pdf_text (public_path);
  internal_text = pdf_text (internal_path);

  /* The caller gave full numbers to both: the public one masks them. */
  g_assert_nonnull (strstr (public_text, "330802********0000"));
  g_assert_nonnull (strstr (public_text, "330802********0004"));
  g_assert_nonnull (strstr (public_text, "138****0000"));
  g_assert_null (strstr (public_text, "330802199001"));
  g_assert_null (strstr (public_text, "13810000000"));
  /* Sensitive columns are left out whole, header and values. */
  g_assert_null (strstr (public_text, "残疾类别"));
  g_assert_null (strstr (public_text, "视力一级"));
  g_assert_nonnull (strstr (public_text, "王伟"));

  g_assert_nonnull (strstr (internal_text, "330802199001100000"));
  g_assert_nonnull (strstr (internal_text, "13810000000"));
  g_assert_nonnull (strstr (internal_text, "残疾类别"));
  g_assert_nonnull (strstr (internal_text, "视力一级"));
  g_assert_null (strstr (internal_text, "****"));

  /* A file with full identity numbers is its owner's alone. */
  g_assert_cmpint (g_stat (internal_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);
}

static void
test_mask_policy_applies (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  FzMaskPolicy policy = FZ_MASK_POLICY_INIT;

  if (!have_poppler ())
    return;

  doc = make_list (FZ_DOCUMENT_PUBLIC, 2, NULL);
  policy.id_keep_start = 3;
  policy.id_keep_end = 2;
  policy.phone_keep_start = 0;
  policy.phone_keep_end = 2;
  fz_document_set_mask_policy (doc, &policy);
  path = render (f, doc, "policy.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "330*************00"));
  g_assert_nonnull (strstr (text, "*********00"));
}

static void
test_wrapping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FzDocument) short_doc = NULL;
  g_autoptr(FzDocument) long_doc = NULL;
  g_autoptr(FzDocument) huge_doc = NULL;
  g_autoptr(GString) long_text = g_string_new ("开头标记");
  g_autoptr(GString) huge_text = g_string_new ("起始标记");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint short_pages, long_pages, huge_pages;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 12; i++)
    g_string_append (long_text, "该选手在盲人医疗按摩项目中表现突出，手法规范，");
  g_string_append (long_text, "结尾标记");
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (huge_text, "第%u句，继续教育完成情况良好。", i + 1);
  g_string_append (huge_text, "终止标记");

  short_doc = make_list (FZ_DOCUMENT_INTERNAL, 20, NULL);
  long_doc = make_list (FZ_DOCUMENT_INTERNAL, 20, long_text->str);
  short_pages = fz_document_get_n_pages (short_doc, NULL);
  long_pages = fz_document_get_n_pages (long_doc, NULL);
  g_assert_cmpuint (short_pages, ==, 1);
  /* The same rows grow with their wrapped text. */
  g_assert_cmpuint (long_pages, >, short_pages);

  path = render (f, long_doc, "long.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, long_pages);
  text = pdf_text (path);
  g_assert_cmpuint (count_words (text, "开头标记"), ==, 20);
  g_assert_cmpuint (count_words (text, "结尾标记"), ==, 20);
  /* Wrapped, not cut: the cell's text comes on several lines. */
  g_assert_null (strstr (text, long_text->str));

  /* One cell longer than a page goes on over the pages, nothing lost. */
  huge_doc = make_list (FZ_DOCUMENT_INTERNAL, 3, NULL);
  {
    FzDocumentTable *table = fz_document_add_table (huge_doc);
    fz_document_table_add_column (table, "年度", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
    fz_document_table_add_column (table, "说明", 5, FZ_ALIGN_START, FZ_FIELD_PLAIN);
    fz_document_table_add_row (table, "2024", huge_text->str);
    fz_document_table_add_row (table, "2025", "年审通过");
  }
  huge_pages = fz_document_get_n_pages (huge_doc, NULL);
  g_assert_cmpuint (huge_pages, >=, 3);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = render (f, huge_doc, "huge.pdf");
  text = pdf_text (path);
  g_assert_cmpuint (count_words (text, "起始标记"), ==, 1);
  g_assert_cmpuint (count_words (text, "终止标记"), ==, 1);
  g_assert_cmpuint (count_words (text, "年审通过"), ==, 1);
  /* Every sentence once: no line lost or repeated at a page break (each
   * sentence has one 句 and one 。, characters a line break cannot split). */
  g_assert_cmpuint (count (text, "句"), ==, 400);
  g_assert_cmpuint (count (text, "。"), ==, 400);
}

/* Certificates */

static void
test_certificates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, "fuzhu.db", NULL);
  g_autoptr(FzDatabase) db = fz_database_open (db_path, &error);
  g_autoptr(FzContext) context = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) serials = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  GDate date;

  g_assert_no_error (error);
  if (!have_poppler ())
    {
      g_assert_finalize_object (g_steal_pointer (&db));
      return;
    }
  context = fz_context_new (db, NULL, "tester");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 12, 2025);
  doc = fz_document_new (FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE);
  fz_document_set_title (doc, "获奖证书");
  for (guint i = 0; i < 3; i++)
    {
      FzCertificate *cert = fz_document_add_certificate (doc);
      g_autofree char *key = g_strdup_printf ("2025/massage/%u", i);
      g_autofree char *subject = g_strdup_printf ("%s 盲人医疗按摩项目 %s", names[i],
                                                  (const char *[]) { "一等奖", "二等奖", "三等奖" }[i]);
      g_autofree char *recipient = g_strdup_printf ("%s 同志：", names[i]);
      g_autofree char *body = g_strdup_printf ("在2025年衢州市残疾人职业技能竞赛盲人医疗按摩项目中荣获%s。\n特发此证，以资鼓励。",
                                               (const char *[]) { "一等奖", "二等奖", "三等奖" }[i]);
      FzCertificateRequest request = { "skills-competition", "award-certificate", key, subject,
                                       NULL, &date, NULL, NULL };
      g_autoptr(FzCertificateRecord) record = fz_certificate_register_issue (context, &request, NULL, &error);

      g_assert_no_error (error);
      fz_certificate_set_title (cert, "荣誉证书");
      fz_certificate_set_recipient (cert, recipient);
      fz_certificate_set_body (cert, body);
      fz_certificate_set_issuer (cert, "衢州市残疾人联合会");
      fz_certificate_set_date (cert, &record->issued, FZ_DATE_STYLE_HANZI);
      fz_certificate_set_serial (cert, record->serial);
      g_ptr_array_add (serials, g_strdup (record->serial));
    }

  path = render (f, doc, "certificates.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, 3);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      /* One certificate a page, with its own serial and recipient only. */
      g_assert_cmpuint (count (pages[i], serials->pdata[i]), ==, 1);
      for (guint j = 0; j < 3; j++)
        if (j != i)
          {
            g_assert_null (strstr (pages[i], serials->pdata[j]));
            g_assert_null (strstr (pages[i], names[j]));
          }
      g_assert_nonnull (strstr (pages[i], names[i]));
      g_assert_nonnull (strstr (pages[i], "证书编号"));
      g_assert_nonnull (strstr (pages[i], "二〇二五年十二月十五日"));
      g_assert_nonnull (strstr (pages[i], "衢州市残疾人联合会"));
      /* The spread title: 荣 誉 证 书. */
      g_assert_nonnull (strstr (pages[i], "荣"));
      g_assert_nonnull (strstr (pages[i], "书"));
      /* Certificates carry no page numbers. */
      g_assert_false (has_words (pages[i], "第 1 页"));
    }

  g_object_unref (g_steal_pointer (&context));
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* The x of the first word of @word's in pdftotext -bbox output. */
static double
word_x (const char *path,
        const char *word)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run (argv);
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *hit = strstr (html, needle);
  const char *x;

  g_assert_nonnull (hit);
  /* <word xMin="..." ...>: search back for the attribute. */
  for (x = hit; x > html && !g_str_has_prefix (x, "xMin=\""); x--)
    ;
  g_assert_true (g_str_has_prefix (x, "xMin=\""));
  return g_ascii_strtod (x + 6, NULL);
}

static void
test_printer_offset (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *moved = NULL;
  FzCertificateLayout layout;
  FzCertificate *cert;

  if (!have_poppler ())
    return;

  doc = fz_document_new (FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_PORTRAIT);
  cert = fz_document_add_certificate (doc);
  fz_certificate_set_recipient (cert, "王伟");
  fz_certificate_set_serial (cert, "FZ-2025-000001");

  /* Pre-printed stock: the title is on the paper, the serial moved. */
  fz_certificate_layout_init (&layout, FZ_ORIENTATION_PORTRAIT);
  layout.serial.x_mm = 50.0;
  layout.title.hidden = TRUE;
  layout.frame = FALSE;
  fz_document_set_certificate_layout (doc, &layout);
  fz_certificate_set_title (cert, "荣誉证书");
  plain = render (f, doc, "plain.pdf");

  fz_document_set_printer_offset (doc, 10.0, 0.0);
  moved = render (f, doc, "moved.pdf");

  /* 50 mm from the paper's edge, then 10 mm more with the offset. */
  g_assert_cmpfloat (fabs (word_x (plain, "证书编号：FZ-2025-000001") - 50.0 * 72 / 25.4), <, 0.5);
  g_assert_cmpfloat (fabs (word_x (moved, "证书编号：FZ-2025-000001") -
                           word_x (plain, "证书编号：FZ-2025-000001") - 10.0 * 72 / 25.4), <, 0.5);
  {
    g_autofree char *text = pdf_text (plain);
    g_assert_null (strstr (text, "荣"));
  }
}

/* Records */

static FzDocument *
make_record (FzDocumentPrivacy privacy)
{
  FzDocument *doc = fz_document_new (privacy, FZ_ORIENTATION_PORTRAIT);
  FzDocumentSection *section;

  fz_document_set_title (doc, "盲人医疗按摩人员执业备案登记表");
  section = fz_document_add_section (doc, "一、基本情况", 2);
  fz_document_section_add_field (section, "姓名", "张三", FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "性别", "男", FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "身份证号", "11010519491231002X", FZ_FIELD_IDENTITY_NUMBER);
  fz_document_section_add_field (section, "残疾人证号", "11010519491231002X11", FZ_FIELD_DISABILITY_CARD);
  fz_document_section_add_field (section, "联系电话", "13812345678", FZ_FIELD_PHONE);
  fz_document_section_add_field (section, "残疾等级", "视力一级", FZ_FIELD_SENSITIVE);
  fz_document_section_add_wide_field (section, "户籍地址", "浙江省衢州市柯城区荷花街道某某社区88号", FZ_FIELD_PLAIN);
  section = fz_document_add_section (doc, "二、执业信息", 3);
  fz_document_section_add_field (section, "执业机构", "柯城区某某盲人医疗按摩所", FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "职称", "医疗按摩师", FZ_FIELD_PLAIN);
  fz_document_section_add_field (section, "资格证书编号", "ZG-2019-0031", FZ_FIELD_PLAIN);
  return doc;
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FzDocument) internal = NULL;
  g_autoptr(FzDocument) public = NULL;
  g_autofree char *internal_path = NULL;
  g_autofree char *public_path = NULL;
  g_autofree char *internal_text = NULL;
  g_autofree char *public_text = NULL;

  if (!have_poppler ())
    return;

  internal = make_record (FZ_DOCUMENT_INTERNAL);
  public = make_record (FZ_DOCUMENT_PUBLIC);
  internal_path = render (f, internal, "record.pdf");
  public_path = render (f, public, "record-public.pdf");
  g_assert_cmpuint (pdf_n_pages (internal_path), ==, 1);
  internal_text = pdf_text (internal_path);
  public_text = pdf_text (public_path);

  g_assert_nonnull (strstr (internal_text, "一、基本情况"));
  g_assert_nonnull (strstr (internal_text, "11010519491231002X"));
  g_assert_nonnull (strstr (internal_text, "11010519491231002X11"));
  g_assert_nonnull (strstr (internal_text, "视力一级"));
  /* Labels stay on one line. */
  g_assert_nonnull (strstr (internal_text, "资格证书编号"));
  g_assert_true (has_words (internal_text, "第 1 页 共 1 页"));

  g_assert_nonnull (strstr (public_text, "110105********002X"));
  g_assert_nonnull (strstr (public_text, "110105********002X**"));
  g_assert_nonnull (strstr (public_text, "138****5678"));
  g_assert_null (strstr (public_text, "19491231"));
  g_assert_null (strstr (public_text, "残疾等级"));
  g_assert_null (strstr (public_text, "视力一级"));
}

/* Output paths */

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) empty = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
  g_autoptr(FzDocument) no_columns = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
  g_autoptr(FzDocument) fine = NULL;
  g_autofree char *path = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no", "such", "folder", "x.pdf", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *content = NULL;

  g_assert_cmpuint (fz_document_get_n_pages (empty, &error), ==, 0);
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_document_render_pdf (empty, path, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  fz_document_add_table (no_columns);
  g_assert_false (fz_document_render_pdf (no_columns, path, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  fine = make_list (FZ_DOCUMENT_PUBLIC, 3, NULL);
  g_assert_false (fz_document_render_pdf (fine, nowhere, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);

  /* Text that is not UTF-8 (a spreadsheet in GBK) prints, mended. */
  kept = g_build_filename (f->dir, "mended.pdf", NULL);
  fz_document_add_paragraph (fine, "\xd5\xc5\xc8\xfd 备注", FZ_ALIGN_START);
  g_assert_true (fz_document_render_pdf (fine, kept, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kept, &content, NULL, NULL));
  g_assert_true (g_str_has_prefix (content, "%PDF-"));
}

static void
test_fonts (void)
{
  g_autoptr(FzDocument) doc = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
  g_autofree char *body = NULL;
  const char *title, *script;
  gboolean bold = TRUE;

  body = g_strdup (fz_document_get_font_family (doc, FZ_FONT_BODY, &bold));
  g_assert_nonnull (body);
  title = fz_document_get_font_family (doc, FZ_FONT_TITLE, NULL);
  g_assert_nonnull (title);
  script = fz_document_get_font_family (doc, FZ_FONT_SCRIPT, NULL);
  g_assert_nonnull (script);
  g_test_message ("body %s%s, title %s, script %s", body, bold ? " bold" : "", title, script);

  /* A family the system lacks is passed over, never trusted to fontconfig. */
  fz_document_set_font (doc, FZ_FONT_BODY, "No Such Font Family 仿宋 XYZ");
  g_assert_cmpstr (fz_document_get_font_family (doc, FZ_FONT_BODY, NULL), !=, "No Such Font Family 仿宋 XYZ");
  if (g_strcmp0 (body, "Noto Serif CJK SC") == 0)
    {
      /* Without a 仿宋, Debian's serif CJK face, with a bold one for titles. */
      g_assert_cmpstr (fz_document_get_font_family (doc, FZ_FONT_TITLE, &bold), ==, "Noto Serif CJK SC");
      g_assert_true (bold);
      fz_document_set_font (doc, FZ_FONT_BODY, "No Such Font, noto sans cjk sc");
      g_assert_cmpstr (fz_document_get_font_family (doc, FZ_FONT_BODY, &bold), ==, "Noto Sans CJK SC");
      g_assert_false (bold);
    }
}

static void
test_print_operation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *written = NULL;
  g_auto(GStrv) printed_pages = NULL;
  g_auto(GStrv) written_pages = NULL;
  int n_pages = 0;

  if (!have_poppler ())
    return;

  doc = make_list (FZ_DOCUMENT_PUBLIC, 70, NULL);
  operation = fz_document_create_print_operation (doc, &error);
  g_assert_no_error (error);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, ==, (int) fz_document_get_n_pages (doc, NULL));

  /* The document may go while the operation runs. */
  g_clear_object (&doc);

  /* GTK's own print path, to a file: the same pages as the PDF writer. */
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  doc = make_list (FZ_DOCUMENT_PUBLIC, 70, NULL);
  written = render (f, doc, "written.pdf");
  g_assert_cmpuint (pdf_n_pages (printed), ==, (guint) n_pages);
  printed_pages = pdf_pages (printed);
  written_pages = pdf_pages (written);
  g_assert_cmpuint (g_strv_length (printed_pages), ==, g_strv_length (written_pages));
  for (guint i = 0; printed_pages[i]; i++)
    g_assert_cmpstr (printed_pages[i], ==, written_pages[i]);
}

static void
test_changes_relayout (void)
{
  g_autoptr(FzDocument) doc = make_list (FZ_DOCUMENT_PUBLIC, 10, NULL);
  FzDocumentTable *table;
  guint before;

  before = fz_document_get_n_pages (doc, NULL);
  g_assert_cmpuint (before, ==, 1);
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "项目", 1, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  for (guint i = 0; i < 200; i++)
    fz_document_table_add_row (table, "盲人医疗按摩");
  g_assert_cmpuint (fz_document_table_get_n_rows (table), ==, 200);
  g_assert_cmpuint (fz_document_get_n_pages (doc, NULL), >, before);

  fz_document_add_page_break (doc);
  fz_document_add_paragraph (doc, "附件：说明", FZ_ALIGN_START);
  fz_document_add_certificate (doc);
  fz_document_add_paragraph (doc, "以上", FZ_ALIGN_START);
  /* A break, a certificate page, then a new flowing page. */
  g_assert_cmpuint (fz_document_get_n_pages (doc, NULL), >=, before + 4);
}

static void
test_rows_from_statement (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "fuzhu.db", NULL);
  g_autoptr(FzDatabase) db = fz_database_open (path, &error);
  g_autoptr(FzDocument) doc = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
  FzDocumentTable *table = fz_document_add_table (doc);

  g_assert_no_error (error);
  fz_document_table_add_column (table, "代码", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "名称", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "上级", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  {
    g_autoptr(FzStatement) st = fz_database_query (db, "SELECT code, name, parent FROM fz_county ORDER BY sort",
                                                   NULL, &error);
    g_assert_no_error (error);
    g_assert_true (fz_document_table_add_rows_from_statement (table, st, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (fz_document_table_get_n_rows (table), ==, 7);
  g_assert_cmpuint (fz_document_get_n_pages (doc, &error), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* The registry of documents measures offer */

static const FzDocumentInfo competition_documents[] = {
  { "award-list", "Award list", FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "year", "event", NULL } },
  { "award-certificate", "Award certificates", FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "year", NULL } },
};

static const FzDocumentInfo massage_documents[] = {
  { "award-list", "Appraisal list", FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_LANDSCAPE, NULL },
};

static void
test_registry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocumentRegistry) registry = fz_document_registry_new ();
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GHashTable) params = NULL;
  const FzDocumentInfo *info;
  guint position = 99;
  char *good[] = { "year=2025", "event=盲人按摩", NULL };
  char *unknown[] = { "county=330802", NULL };
  char *bare[] = { "2025", NULL };
  char *twice[] = { "year=2024", "year=2025", NULL };
  static const FzDocumentInfo bad[] = {
    { "Award_List", "Bad", FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT, NULL },
  };

  g_assert_true (fz_document_registry_add (registry, "skills-competition", NULL, competition_documents,
                                           G_N_ELEMENTS (competition_documents), &error));
  g_assert_no_error (error);
  g_assert_true (fz_document_registry_add (registry, "blind-massage", NULL, massage_documents,
                                           G_N_ELEMENTS (massage_documents), &error));
  g_assert_cmpuint (fz_document_registry_get_n_items (registry), ==, 3);
  g_assert_cmpstr (fz_document_registry_get_name (registry, 0), ==, "skills-competition/award-list");
  g_assert_cmpstr (fz_document_registry_get_owner (registry, 2), ==, "blind-massage");
  g_assert_cmpstr (fz_document_registry_get_title (registry, 1), ==, "Award certificates");

  /* Again, or with a bad id: refused whole. */
  g_assert_false (fz_document_registry_add (registry, "blind-massage", NULL, massage_documents, 1, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_document_registry_add (registry, "other", NULL, bad, 1, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fz_document_registry_get_n_items (registry), ==, 3);

  info = fz_document_registry_lookup (registry, "award-certificate", &position, &error);
  g_assert_no_error (error);
  g_assert_true (info == &competition_documents[1]);
  g_assert_cmpuint (position, ==, 1);
  info = fz_document_registry_lookup (registry, "blind-massage/award-list", &position, &error);
  g_assert_true (info == &massage_documents[0]);
  g_assert_null (fz_document_registry_lookup (registry, "award-list", NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fz_document_registry_lookup (registry, "no-such-list", NULL, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The declaration decides privacy. */
  doc = fz_document_new_for_info (&competition_documents[0]);
  g_assert_cmpint (fz_document_get_privacy (doc), ==, FZ_DOCUMENT_PUBLIC);
  g_clear_object (&doc);
  doc = fz_document_new_for_info (&competition_documents[1]);
  g_assert_cmpint (fz_document_get_privacy (doc), ==, FZ_DOCUMENT_INTERNAL);
  g_assert_cmpint (fz_document_get_orientation (doc), ==, FZ_ORIENTATION_LANDSCAPE);

  params = fz_document_info_parse_parameters (&competition_documents[0], 2, good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (params, "event"), ==, "盲人按摩");
  g_assert_null (fz_document_info_parse_parameters (&competition_documents[0], 1, unknown, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "year, event"));
  g_clear_error (&error);
  g_assert_null (fz_document_info_parse_parameters (&competition_documents[0], 1, bare, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fz_document_info_parse_parameters (&competition_documents[0], 2, twice, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  fz_document_registry_remove_owner (registry, "skills-competition");
  g_assert_cmpuint (fz_document_registry_get_n_items (registry), ==, 1);
  g_assert_nonnull (fz_document_registry_lookup (registry, "award-list", NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Document/chinese-date", test_chinese_date);
  g_test_add_func ("/Fuzhu/Document/masks", test_masks);
  g_test_add ("/Fuzhu/Document/mask-policy-settings", Fixture, NULL,
              fixture_setup, test_mask_policy_settings, fixture_teardown);
  g_test_add ("/Fuzhu/Document/list-pages", Fixture, NULL,
              fixture_setup, test_list_pages, fixture_teardown);
  g_test_add ("/Fuzhu/Document/public-masks", Fixture, NULL,
              fixture_setup, test_public_masks, fixture_teardown);
  g_test_add ("/Fuzhu/Document/mask-policy-applies", Fixture, NULL,
              fixture_setup, test_mask_policy_applies, fixture_teardown);
  g_test_add ("/Fuzhu/Document/wrapping", Fixture, NULL,
              fixture_setup, test_wrapping, fixture_teardown);
  g_test_add ("/Fuzhu/Document/certificates", Fixture, NULL,
              fixture_setup, test_certificates, fixture_teardown);
  g_test_add ("/Fuzhu/Document/printer-offset", Fixture, NULL,
              fixture_setup, test_printer_offset, fixture_teardown);
  g_test_add ("/Fuzhu/Document/record", Fixture, NULL,
              fixture_setup, test_record, fixture_teardown);
  g_test_add ("/Fuzhu/Document/errors", Fixture, NULL,
              fixture_setup, test_errors, fixture_teardown);
  g_test_add_func ("/Fuzhu/Document/fonts", test_fonts);
  g_test_add ("/Fuzhu/Document/print-operation", Fixture, NULL,
              fixture_setup, test_print_operation, fixture_teardown);
  g_test_add_func ("/Fuzhu/Document/changes-relayout", test_changes_relayout);
  g_test_add ("/Fuzhu/Document/rows-from-statement", Fixture, NULL,
              fixture_setup, test_rows_from_statement, fixture_teardown);
  g_test_add_func ("/Fuzhu/Document/registry", test_registry);

  return g_test_run ();
}
