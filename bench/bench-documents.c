/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-documents"

#include "config.h"

#include <glib/gstdio.h>

#include "fuzhu.h"

/* Times the document facility on the sizes the issue names: a 1,000-row
 * list and 200 certificates, each to PDF. `bench-documents [DIR]` keeps the
 * PDFs in DIR (to look at them); otherwise they go to a temporary folder
 * that is removed. Run with `meson test --benchmark` or by hand. */

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "郑" };
static const char * const given[] = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "建华", "晓明" };
static const char * const counties[] = { "柯城区", "衢江区", "常山县", "开化县", "龙游县", "江山市" };
static const char * const trades[] = {
  "盲人医疗按摩", "电子商务", "手工编织", "计算机文字录入", "西式面点", "中式烹调",
  "来料加工（服装辅料）", "茶艺", "竹编工艺品制作与销售（共富工坊）",
};

static char *
person_name (guint i)
{
  return g_strconcat (surnames[i % G_N_ELEMENTS (surnames)], given[(i / 7) % G_N_ELEMENTS (given)], NULL);
}

/* A well-formed identity number (GB 11643 check character). */
static char *
identity_number (guint i)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  char number[19];
  int sum = 0;

  static const char * const codes[] = { "330802", "330803", "330822", "330824", "330825", "330881" };

  g_snprintf (number, sizeof number, "%s%04u%02u%02u%03u", codes[i % G_N_ELEMENTS (codes)],
              1960 + i % 45, 1 + i % 12, 1 + i % 28, i % 1000);
  for (int k = 0; k < 17; k++)
    sum += (number[k] - '0') * weights[k];
  number[17] = check[sum % 11];
  number[18] = '\0';
  return g_strdup (number);
}

static FzDocument *
make_list (guint              n_rows,
           FzDocumentPrivacy  privacy)
{
  FzDocument *doc = fz_document_new (privacy, FZ_ORIENTATION_LANDSCAPE);
  FzDocumentTable *table;

  fz_document_set_title (doc, "2025年度衢州市残疾人就业补助对象公示名单");
  fz_document_set_subtitle (doc, "衢州市残疾人联合会　2025年12月15日");
  fz_document_add_paragraph (doc,
                             "根据《衢州市促进残疾人就业行动方案（2022—2025年）》（衢政办发〔2022〕33号），"
                             "现将2025年度残疾人就业补助对象名单予以公示。公示期为2025年12月15日至12月21日（五个工作日），"
                             "如有异议，请在公示期内向市残联就业服务指导中心反映。",
                             FZ_ALIGN_START);
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 1.0, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "残疾类别", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "县（市、区）", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "就业项目", 2.6, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "联系电话", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "补助金额（元）", 1.2, FZ_ALIGN_END, FZ_FIELD_PLAIN);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = person_name (i);
      g_autofree char *id = identity_number (i);
      g_autofree char *phone = g_strdup_printf ("13%u%08u", 5 + i % 5, 10000000 + i * 7919 % 89999999);
      g_autofree char *amount = g_strdup_printf ("%u.00", 1000 + (i % 5) * 500);
      const char *trade = trades[i % G_N_ELEMENTS (trades)];
      const char *category = (const char *[]) { "视力", "听力", "肢体", "智力" }[i % 4];

      fz_document_table_add_row (table, number, name, id, category, counties[i % G_N_ELEMENTS (counties)],
                                 trade, phone, amount);
    }
  fz_document_table_add_total_row (table, "合计", NULL, NULL, NULL, NULL, NULL, NULL, "—");
  return doc;
}

static FzDocument *
make_certificates (guint n)
{
  FzDocument *doc = fz_document_new (FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 12, 2025);
  fz_document_set_title (doc, "2025年衢州市残疾人职业技能竞赛获奖证书");
  for (guint i = 0; i < n; i++)
    {
      FzCertificate *cert = fz_document_add_certificate (doc);
      g_autofree char *name = person_name (i);
      g_autofree char *recipient = g_strconcat (name, " 同志：", NULL);
      g_autofree char *body = g_strdup_printf ("在2025年衢州市残疾人职业技能竞赛%s项目中，成绩优异，荣获%s。\n特发此证，以资鼓励。",
                                               trades[i % G_N_ELEMENTS (trades)],
                                               (const char *[]) { "一等奖", "二等奖", "三等奖", "优秀奖" }[i % 4]);
      g_autofree char *serial = g_strdup_printf ("FZ-2025-%06u", i + 1);

      fz_certificate_set_title (cert, "荣誉证书");
      fz_certificate_set_recipient (cert, recipient);
      fz_certificate_set_body (cert, body);
      fz_certificate_set_issuer (cert, "衢州市残疾人联合会");
      fz_certificate_set_date (cert, &date, FZ_DATE_STYLE_HANZI);
      fz_certificate_set_serial (cert, serial);
    }
  return doc;
}

static double
render (FzDocument *doc,
        const char *path,
        guint      *n_pages)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!fz_document_render_pdf (doc, path, &error))
    g_error ("%s", error->message);
  *n_pages = fz_document_get_n_pages (doc, NULL);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  gboolean keep = argc > 1;
  struct { const char *file; FzDocument *doc; } runs[] = {
    { "list-1000-public.pdf", NULL },
    { "list-1000-internal.pdf", NULL },
    { "certificates-200.pdf", NULL },
  };
  guint n_pages;
  double seconds;

  if (keep)
    {
      dir = g_strdup (argv[1]);
      g_mkdir_with_parents (dir, 0700);
    }
  else
    dir = g_dir_make_tmp ("fuzhu-bench-XXXXXX", NULL);

  /* Font discovery happens once per process: time it apart. */
  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(FzDocument) warm = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
    fz_document_add_paragraph (warm, "预热", FZ_ALIGN_START);
    fz_document_get_n_pages (warm, NULL);
    g_print ("font discovery and first layout: %.3f s\n", (g_get_monotonic_time () - start) / 1e6);
  }

  runs[0].doc = make_list (1000, FZ_DOCUMENT_PUBLIC);
  runs[1].doc = make_list (1000, FZ_DOCUMENT_INTERNAL);
  runs[2].doc = make_certificates (200);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *path = g_build_filename (dir, runs[i].file, NULL);
      gint64 start = g_get_monotonic_time ();
      double layout;

      fz_document_get_n_pages (runs[i].doc, NULL);
      layout = (g_get_monotonic_time () - start) / 1e6;
      seconds = render (runs[i].doc, path, &n_pages);
      g_print ("%-24s %4u pages: layout %.3f s, layout + PDF %.3f s\n",
               runs[i].file, n_pages, layout, layout + seconds);
      if (!keep)
        g_unlink (path);
      g_object_unref (runs[i].doc);
    }

  if (!keep)
    g_rmdir (dir);
  else
    g_print ("PDFs in %s\n", dir);
  return 0;
}
