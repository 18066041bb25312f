/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-city"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "fuzhu.h"
#include "fz-application.h"
#include "fz-person-list.h"
#include "fz-registry-page.h"
#include "fz-window.h"

/* Fuzhu at city scale, each figure beside what it is measured against, in
 * one run and one table.
 *
 *   bench-city [N]               a synthetic city of N persons (200,000)
 *   bench-city --window DB [--no-scroll]
 *                                (run by the first) the application on DB
 *                                with the registry page open: memory, then
 *                                frames while scrolling it end to end
 *
 * build-aux/bench runs it under its own Xvfb; `meson test --benchmark city`
 * does the same. FUZHU_EXE names the fuzhu program to time start-up with. */

#define SEED 2022
#define ROUNDS 2            /* imports of each kind: the best is kept */
#define STARTS 5            /* start-ups of each kind, after one to warm up: the median is kept */
#define FIGURE_RUNS 5
#define VISIBLE_ROWS 30     /* what the registry's list shows at once, and a little more */
#define SCROLL_FRAMES 1000  /* from the top of the list to its end */
#define WHEEL_FRAMES 300    /* then from its middle, three rows a frame, as a mouse wheel turns */
#define FRAME_BUDGET_MS (1000.0 / 60)
#define DOCUMENT_ROWS 1000

typedef struct {
  char *what;
  char *fuzhu;
  char *reference;
  char *target;
} Row;

static GPtrArray *rows;

static void
row_free (Row *row)
{
  g_free (row->what);
  g_free (row->fuzhu);
  g_free (row->reference);
  g_free (row->target);
  g_free (row);
}

/* Takes the strings. */
static void
add_row (char *what,
         char *fuzhu,
         char *reference,
         char *target)
{
  Row *row = g_new0 (Row, 1);

  row->what = what;
  row->fuzhu = fuzhu;
  row->reference = reference ? reference : g_strdup ("");
  row->target = target ? target : g_strdup ("");
  g_ptr_array_add (rows, row);
}

static double
now_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

/* CPU time, user and system, in ms, of this process or of its children
 * waited for: what a busy machine changes less than the wall clock. */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error ? error->message : "failed");
}

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

/* Progress, on stderr: the table alone goes to stdout. */
static void
say (const char *format,
     ...)
{
  static double start = 0;
  g_autofree char *text = NULL;
  va_list ap;

  va_start (ap, format);
  text = g_strdup_vprintf (format, ap);
  va_end (ap);

  if (start == 0)
    start = now_ms ();
  g_printerr ("[%6.1f s] %s\n", (now_ms () - start) / 1000, text);
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  parts = g_strsplit (text, " ", 4);
  if (g_strv_length (parts) < 3)
    return g_strdup ("unknown");
  return g_strdup_printf ("%s %s %s", parts[0], parts[1], parts[2]);
}

/* A field of /proc/self/status, in kB (VmRSS, VmHWM). */
static guint64
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return 0;
  at = strstr (text, key);
  return at ? g_ascii_strtoull (at + strlen (key), NULL, 10) : 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The @p-th percentile (nearest rank) of @values, which it sorts. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_double);
  rank = (guint) (p / 100.0 * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

static char *
format_ms (double ms)
{
  if (ms >= 10000)
    return g_strdup_printf ("%.1f s", ms / 1000);
  if (ms >= 1000)
    return g_strdup_printf ("%.2f s", ms / 1000);
  if (ms >= 10)
    return g_strdup_printf ("%.0f ms", ms);
  return g_strdup_printf ("%.2f ms", ms);
}

static char *
format_count (guint n)
{
  GString *s = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%u", n);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* Runs @argv to its end; its stdout in @out (may be NULL). The time it
 * took in ms, or a negative number when it failed. */
static double
run (const char * const *argv,
     char               **envp,
     char               **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed: %s\n%s", argv[0], error->message, err ? err : "");
      return -1;
    }
  return now_ms () - start;
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Import */

static double
import_with_fuzhu (const char *sheet,
                   const char *db_path,
                   guint      *added,
                   double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzRegistry) registry = NULL;
  g_autoptr(FzImportReport) report = NULL;
  double start;
  gboolean ok;

  remove_database (db_path);
  db = fz_database_open (db_path, &error);
  check (db != NULL, error, "open the database");
  registry = fz_registry_new (db);
  start = now_ms ();
  *cpu = cpu_ms (RUSAGE_SELF);
  ok = fz_registry_import_file (registry, sheet, &report, &error);
  *cpu = cpu_ms (RUSAGE_SELF) - *cpu;
  if (!ok && report && fz_import_report_get_n_problems (report) > 0)
    {
      g_autofree char *first = fz_import_report_format_problem (report, 0);
      g_error ("The demo sheet was rejected: %s", first);
    }
  check (ok, error, "import");
  *added = fz_import_report_get_added (report);
  return now_ms () - start;
}

/* sqlite3's own import of the same file into a plain table: the floor. */
/* With @indexed, then the indexes fz_person has (two unique, four others),
 * made from the loaded rows: how much of the difference is indexing. */
static double
import_with_sqlite3 (const char *sqlite3,
                     const char *sheet,
                     const char *db_path,
                     gboolean    indexed,
                     double     *cpu)
{
  g_autofree char *command = g_strdup_printf (".import \"%s\" persons", sheet);
  const char *indexes =
    "CREATE UNIQUE INDEX p_id ON persons (\"身份证号\"); CREATE UNIQUE INDEX p_cert ON persons (\"残疾证号\"); "
    "CREATE INDEX p_county ON persons (\"县(市、区)\"); CREATE INDEX p_category ON persons (\"残疾类别\"); "
    "CREATE INDEX p_grade ON persons (\"残疾等级\"); CREATE INDEX p_status ON persons (\"就业状态\");";
  const char *argv[] = { sqlite3, "-batch", db_path, ".mode csv", command, indexed ? indexes : NULL, NULL };
  double t;

  remove_database (db_path);
  *cpu = cpu_ms (RUSAGE_CHILDREN);
  t = run (argv, NULL, NULL);
  *cpu = cpu_ms (RUSAGE_CHILDREN) - *cpu;
  return t;
}

static void
bench_import (const char  *dir,
              const char  *sheet,
              guint        n,
              char       **city_db)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *plain_db = g_build_filename (dir, "plain.db", NULL);
  double fuzhu = G_MAXDOUBLE, plain = G_MAXDOUBLE, fuzhu_cpu = G_MAXDOUBLE, plain_cpu = G_MAXDOUBLE;
  double indexed = G_MAXDOUBLE, indexed_cpu = G_MAXDOUBLE;
  guint added = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/import-%u.db", dir, round);
      double t, cpu;

      if (sqlite3)
        {
          t = import_with_sqlite3 (sqlite3, sheet, plain_db, FALSE, &cpu);
          if (t >= 0)
            {
              plain = MIN (plain, t);
              plain_cpu = MIN (plain_cpu, cpu);
            }
          say ("sqlite3 .import: %.0f ms, CPU %.0f ms", t, cpu);
          t = import_with_sqlite3 (sqlite3, sheet, plain_db, TRUE, &cpu);
          if (t >= 0)
            {
              indexed = MIN (indexed, t);
              indexed_cpu = MIN (indexed_cpu, cpu);
            }
          say ("sqlite3 .import and the same indexes: %.0f ms, CPU %.0f ms", t, cpu);
        }
      t = import_with_fuzhu (sheet, db_path, &added, &cpu);
      fuzhu = MIN (fuzhu, t);
      fuzhu_cpu = MIN (fuzhu_cpu, cpu);
      say ("fz_registry_import_file: %.0f ms, CPU %.0f ms", t, cpu);
      if (round + 1 < ROUNDS)
        remove_database (db_path);
      else
        *city_db = g_steal_pointer (&db_path);
    }
  remove_database (plain_db);
  g_assert (added == n);

  {
    g_autofree char *count = format_count (n);
    g_autofree char *fuzhu_text = format_ms (fuzhu);
    g_autofree char *fuzhu_cpu_text = format_ms (fuzhu_cpu);
    g_autofree char *plain_text = plain < G_MAXDOUBLE ? format_ms (plain) : NULL;
    g_autofree char *plain_cpu_text = plain < G_MAXDOUBLE ? format_ms (plain_cpu) : NULL;
    g_autofree char *indexed_text = indexed < G_MAXDOUBLE ? format_ms (indexed) : NULL;
    g_autofree char *indexed_cpu_text = indexed < G_MAXDOUBLE ? format_ms (indexed_cpu) : NULL;

    add_row (g_strdup_printf ("Import %s persons from CSV, every value validated (best of %u; CPU time in brackets)",
                              count, ROUNDS),
             g_strdup_printf ("%s (CPU %s)", fuzhu_text, fuzhu_cpu_text),
             plain < G_MAXDOUBLE && indexed < G_MAXDOUBLE
               ? g_strdup_printf ("sqlite3 `.import` into a plain table: %s (CPU %s); ratio %.1f× (CPU %.1f×). "
                                  "Then fz_person's six indexes made on it: %s (CPU %s)", plain_text, plain_cpu_text,
                                  fuzhu / plain, fuzhu_cpu / plain_cpu, indexed_text, indexed_cpu_text)
                                 : g_strdup ("sqlite3 not installed (build-aux/install-deps installs it)"),
             g_strdup ("≤ 1.5× sqlite3"));
  }
}

/* Search as you type */

typedef struct {
  const char *what;
  GArray     *times;  /* double, ms */
} Keystrokes;

/* One keystroke as the registry page handles it: count the matches, then
 * read the rows the list shows. */
static void
keystroke (FzPersonList *list,
           const char   *text,
           Keystrokes   *k)
{
  g_autoptr(GError) error = NULL;
  FzPersonFilter filter = { .text = text };
  double start = now_ms (), t;
  guint n;

  check (fz_person_list_set_filter (list, &filter, &error), error, "search");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  t = now_ms () - start;
  g_array_append_val (k->times, t);
}

/* Types @text one character at a time, after clearing the field. */
static void
type_text (FzPersonList *list,
           const char   *text,
           Keystrokes   *k)
{
  g_autoptr(GError) error = NULL;

  check (fz_person_list_set_filter (list, NULL, &error), error, "clear the search");
  for (const char *end = g_utf8_next_char (text); ; end = g_utf8_next_char (end))
    {
      g_autofree char *typed = g_strndup (text, end - text);

      keystroke (list, typed, k);
      if (*end == '\0')
        break;
    }
}

static void
bench_search (FzRegistry *registry,
              guint       n)
{
  g_autoptr(FzPersonList) list = fz_person_list_new (registry);
  Keystrokes kinds[] = {
    { "names, typed a character at a time", g_array_new (FALSE, FALSE, sizeof (double)) },
    { "given names (a part of the name)", g_array_new (FALSE, FALSE, sizeof (double)) },
    { "identity numbers, a digit at a time", g_array_new (FALSE, FALSE, sizeof (double)) },
  };
  const guint samples = 100;

  for (guint s = 0; s < samples; s++)
    {
      g_autoptr(GError) error = NULL;
      /* A fresh registry numbers its persons from 1, in the sheet's order. */
      g_autoptr(FzPerson) person = fz_registry_find_person (registry, 1 + (gint64) s * n / samples, &error);
      const char *name;

      check (person != NULL, error, "find a sample");
      name = fz_person_get_name (person);
      type_text (list, name, &kinds[0]);
      if (*g_utf8_next_char (name))
        type_text (list, g_utf8_next_char (name), &kinds[1]);
      if (s % 2 == 0)
        type_text (list, fz_person_get_id_number (person), &kinds[2]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint count = kinds[i].times->len;
      double p50 = percentile (kinds[i].times, 50);
      double p95 = percentile (kinds[i].times, 95);
      double max = g_array_index (kinds[i].times, double, count - 1);
      g_autofree char *persons = format_count (n);

      add_row (g_strdup_printf ("Search as you type on %s persons: %s (%u keystrokes; count + first rows)",
                                persons, kinds[i].what, count),
               g_strdup_printf ("p50 %.2f ms, p95 %.2f ms (max %.1f ms)", p50, p95, max),
               NULL,
               g_strdup ("p95 < 10 ms"));
      g_array_unref (kinds[i].times);
    }
}

/* Dashboard figures */

static void
bench_figures (FzPluginManager *manager)
{
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (manager));
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPlan) plan = fz_plan_for_year (db, g_date_time_get_year (today), &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0;
  guint n_figures = 0;

  check (plan != NULL, error, "find the plan");
  for (guint i = 0; i <= FIGURE_RUNS; i++)
    {
      double start = now_ms (), t;
      g_autoptr(FzFigures) figures = fz_figures_compute (manager, plan->start_year, plan->end_year, &error);

      check (figures != NULL, error, "compute the figures");
      t = now_ms () - start;
      n_figures = fz_figures_get_n_figures (figures);
      if (i == 0)
        first = t;
      else
        g_array_append_val (times, t);
    }
  add_row (g_strdup_printf ("Dashboard: %u figures recomputed for %d–%d on the whole city (median of %u)",
                            n_figures, plan->start_year, plan->end_year, FIGURE_RUNS),
           format_ms (percentile (times, 50)),
           g_strdup_printf ("the first time: %s", format_ms (first)),
           g_strdup ("< 200 ms"));
}

/* Documents */

static FzDocument *
award_list (GPtrArray *persons)
{
  static const char *awards[] = { "一等奖", "二等奖", "三等奖", "优秀奖" };
  static const char *trades[] = { "盲人医疗按摩", "电子商务", "手工编织", "计算机文字录入", "西式面点", "中式烹调", "茶艺" };
  FzDocument *doc = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_LANDSCAPE);
  FzDocumentTable *table;

  fz_document_set_title (doc, "2025年衢州市残疾人职业技能竞赛获奖名单");
  fz_document_set_subtitle (doc, "衢州市残疾人联合会　2025年12月15日");
  fz_document_add_paragraph (doc, "现将获奖名单予以公示，公示期为五个工作日。如有异议，请在公示期内向市残联反映。", FZ_ALIGN_START);
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 1.0, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "残疾类别", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_SENSITIVE);
  fz_document_table_add_column (table, "县（市、区）", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "竞赛项目", 2.2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "联系电话", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "奖项", 1.0, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  for (guint i = 0; i < persons->len; i++)
    {
      FzPerson *p = g_ptr_array_index (persons, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      fz_document_table_add_row (table, number, fz_person_get_name (p), fz_person_get_id_number (p),
                                 fz_category_to_string (fz_person_get_category (p)),
                                 fz_person_get_county_name (p), trades[i % G_N_ELEMENTS (trades)],
                                 fz_person_get_phone (p), awards[i % G_N_ELEMENTS (awards)]);
    }
  return doc;
}

static FzDocument *
certificates (GPtrArray *persons)
{
  static const char *awards[] = { "一等奖", "二等奖", "三等奖", "优秀奖" };
  FzDocument *doc = fz_document_new (FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 12, 2025);
  fz_document_set_title (doc, "2025年衢州市残疾人职业技能竞赛获奖证书");
  for (guint i = 0; i < persons->len; i++)
    {
      FzPerson *p = g_ptr_array_index (persons, i);
      FzCertificate *cert = fz_document_add_certificate (doc);
      g_autofree char *recipient = g_strconcat (fz_person_get_name (p), " 同志：", NULL);
      g_autofree char *body = g_strdup_printf ("在2025年衢州市残疾人职业技能竞赛中成绩优异，荣获%s。\n特发此证，以资鼓励。",
                                               awards[i % G_N_ELEMENTS (awards)]);
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

/* Builds, lays out and writes a document: what a click on Export as PDF costs. */
static double
render (FzDocument * (*build) (GPtrArray *persons),
        GPtrArray   *persons,
        const char  *path,
        guint       *n_pages)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms (), t;
  g_autoptr(FzDocument) doc = build (persons);

  check (fz_document_render_pdf (doc, path, &error), error, "render a PDF");
  t = now_ms () - start;
  *n_pages = fz_document_get_n_pages (doc, NULL);
  g_unlink (path);
  return t;
}

static void
bench_documents (FzRegistry *registry,
                 const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = fz_registry_list_persons (registry, NULL, 0, DOCUMENT_ROWS, &error);
  g_autofree char *path = g_build_filename (dir, "document.pdf", NULL);
  g_autoptr(FzDocument) warm = fz_document_new (FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT);
  double start = now_ms (), fonts, list_ms, certs_ms;
  guint list_pages = 0, cert_pages = 0;

  check (persons != NULL, error, "read the persons");
  /* Fonts are found once a process: apart, as the reference. */
  fz_document_add_paragraph (warm, "预热", FZ_ALIGN_START);
  fz_document_get_n_pages (warm, NULL);
  fonts = now_ms () - start;

  list_ms = render (award_list, persons, path, &list_pages);
  certs_ms = render (certificates, persons, path, &cert_pages);
  add_row (g_strdup_printf ("A public award list of %u rows (numbers masked) to PDF, %u pages", persons->len, list_pages),
           format_ms (list_ms),
           g_strdup_printf ("finding the fonts, once a process: %s", format_ms (fonts)),
           g_strdup ("< 1 s"));
  add_row (g_strdup_printf ("%u certificates to PDF, %u pages", persons->len, cert_pages),
           format_ms (certs_ms), NULL, g_strdup ("< 5 s"));
}

/* The window, in child processes */

static char **
child_environment (const char *dir)
{
  char **envp = g_get_environ ();
  g_autofree char *data = g_build_filename (dir, "xdg-data", NULL);
  g_autofree char *config = g_build_filename (dir, "xdg-config", NULL);

  /* Not the user's plugins, settings or window size. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  return envp;
}

/* Start-up of a program to its first frame, in ms; negative on failure.
 * @figures: when the dashboard's figures were drawn (fuzhu only; negative
 * when its first page is another). NULL @db_path: bench-hello. */
static double
start_up (const char  *exe,
          const char  *db_path,
          char       **envp,
          double      *figures,
          char       **drawn_by)
{
  const char *argv[] = { "timeout", "60", exe, db_path ? "--database" : NULL, db_path, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_strdupv (envp), "FUZHU_BENCH_FIRST_FRAME", "figures", TRUE);
  g_autofree char *out = NULL;
  double start = now_ms ();
  const char *at;

  if (figures)
    *figures = -1;
  if (run (argv, env, &out) < 0 || (at = strstr (out, "first-frame ")) == NULL)
    return -1;
  if (figures && strstr (out, "figures-frame "))
    *figures = (double) g_ascii_strtoll (strstr (out, "figures-frame ") + strlen ("figures-frame "), NULL, 10) / 1000.0 - start;
  /* "first-frame TIME RENDERER" (fuzhu; bench-hello gives no renderer) */
  if (drawn_by)
    {
      const char *space = strchr (at + strlen ("first-frame "), ' ');
      g_free (*drawn_by);
      *drawn_by = space ? g_strndup (space + 1, strcspn (space + 1, "\n")) : NULL;
    }
  return (double) g_ascii_strtoll (at + strlen ("first-frame "), NULL, 10) / 1000.0 - start;
}

/* The median of STARTS start-ups after one to warm up (caches, and the
 * plugins' migrations); with @figures, the median time to the figures. */
static double
median_start_up (const char  *exe,
                 const char  *db_path,
                 char       **envp,
                 double      *figures,
                 char       **drawn_by)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));

  if (start_up (exe, db_path, envp, NULL, drawn_by) < 0)
    return -1;
  for (guint i = 0; i < STARTS; i++)
    {
      double f = -1;
      double t = start_up (exe, db_path, envp, &f, NULL);
      if (t < 0)
        return -1;
      g_array_append_val (times, t);
      if (f >= 0)
        g_array_append_val (shown, f);
    }
  if (figures)
    *figures = shown->len == STARTS ? percentile (shown, 50) : -1;
  return percentile (times, 50);
}

static void
bench_start_up (const char *city_db,
                const char *empty_db,
                char      **envp,
                const char *renderer,
                guint       n)
{
  const char *exe = g_getenv ("FUZHU_EXE");
  const char *hello = g_getenv ("FUZHU_BENCH_HELLO");
  g_autofree char *persons = format_count (n);
  g_auto(GStrv) env = renderer ? g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", renderer, TRUE)
                               : g_strdupv (envp);
  const char *label = renderer ? renderer : "Fuzhu's choice";
  double city, empty, figures = -1, floor = -1;
  g_autofree char *ours = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *drawn_by = NULL;

  if (exe == NULL)
    {
      add_row (g_strdup ("Start-up to the first frame"), g_strdup ("not measured: FUZHU_EXE is not set"), NULL, NULL);
      return;
    }
  say ("start-up, empty database, renderer %s", label);
  empty = median_start_up (exe, empty_db, env, NULL, &drawn_by);
  /* The bare window drawn as fuzhu drew. */
  if (hello && drawn_by && (g_str_equal (drawn_by, "GskCairoRenderer") || g_str_equal (drawn_by, "GskGLRenderer")))
    {
      g_auto(GStrv) hello_env = g_environ_setenv (g_strdupv (env), "GSK_RENDERER",
                                                  g_str_equal (drawn_by, "GskCairoRenderer") ? "cairo" : "gl", TRUE);

      say ("start-up, a bare libadwaita window, renderer %s", drawn_by);
      floor = median_start_up (hello, NULL, hello_env, NULL, NULL);
    }
  say ("start-up, the city, renderer %s", label);
  city = median_start_up (exe, city_db, env, &figures, NULL);
  if (city < 0)
    ours = g_strdup ("failed");
  else if (figures < 0)
    ours = format_ms (city);
  else
    {
      g_autofree char *a = format_ms (city);
      g_autofree char *b = format_ms (figures);
      ours = g_strdup_printf ("%s; the dashboard's figures drawn at %s", a, b);
    }
  {
    g_autofree char *e = empty < 0 ? g_strdup ("failed") : format_ms (empty);
    g_autofree char *h = floor < 0 ? g_strdup ("not measured") : format_ms (floor);
    reference = g_strdup_printf ("an empty database (the welcome page): %s; a bare libadwaita window "
                                 "(bench-hello: header bar and a label): %s", e, h);
  }
  add_row (g_strdup_printf ("Start-up of `fuzhu` to the first frame of its window (the dashboard), %s persons, "
                            "every plugin, renderer %s: %s (median of %u)", persons, label,
                            drawn_by ? drawn_by : "?", STARTS),
           g_steal_pointer (&ours), g_steal_pointer (&reference), g_strdup ("< 500 ms"));
}

static GHashTable *
parse_pairs (const char *text)
{
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *space = strchr (lines[i], ' ');
      if (space)
        g_hash_table_insert (pairs, g_strndup (lines[i], space - lines[i]), g_strdup (space + 1));
    }
  return pairs;
}

static double
pair_double (GHashTable *pairs,
             const char *key)
{
  const char *value = g_hash_table_lookup (pairs, key);
  return value ? g_ascii_strtod (value, NULL) : -1;
}

static char *
format_memory (GHashTable *pairs,
               const char *when)
{
  g_autofree char *rss = g_strconcat ("rss-", when, NULL);
  g_autofree char *anon = g_strconcat ("anon-", when, NULL);
  double rss_kb = pair_double (pairs, rss), anon_kb = pair_double (pairs, anon);

  /* Mapped files are mostly the database, which SQLite maps (mmap): the
   * kernel takes those pages back when it needs them. */
  return g_strdup_printf ("%.0f MB (%.0f MB private, %.0f MB mapped files)",
                          rss_kb / 1024, anon_kb / 1024, (rss_kb - anon_kb) / 1024);
}

/* The registry page on the city, then scrolled, and on an empty database,
 * in a child process each, with the renderer fuzhu chooses or @renderer. */
static void
bench_window (const char *city_db,
              const char *empty_db,
              char      **envp,
              const char *renderer,
              guint       n)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *city_argv[] = { "timeout", "900", self, "--window", city_db, NULL };
  const char *empty_argv[] = { "timeout", "60", self, "--window", empty_db, "--no-scroll", NULL };
  g_auto(GStrv) env = renderer ? g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", renderer, TRUE)
                               : g_strdupv (envp);
  g_autofree char *city_out = NULL;
  g_autofree char *empty_out = NULL;
  g_autoptr(GHashTable) city = NULL;
  g_autoptr(GHashTable) empty = NULL;
  g_autofree char *persons = format_count (n);
  g_autofree char *city_open = NULL;
  g_autofree char *empty_open = NULL;
  const char *name;

  say ("the registry page, empty database, renderer %s", renderer ? renderer : "(Fuzhu's choice)");
  if (run (empty_argv, env, &empty_out) < 0)
    g_clear_pointer (&empty_out, g_free);
  say ("the registry page on the city, then scrolling it, renderer %s", renderer ? renderer : "(Fuzhu's choice)");
  if (run (city_argv, env, &city_out) < 0)
    g_clear_pointer (&city_out, g_free);
  city = parse_pairs (city_out);
  empty = parse_pairs (empty_out);
  name = g_hash_table_lookup (city, "renderer");
  if (name == NULL)
    {
      add_row (g_strdup ("Registry page"), g_strdup ("failed: see above"), NULL, NULL);
      return;
    }

  city_open = format_memory (city, "open");
  empty_open = g_hash_table_contains (empty, "rss-open") ? format_memory (empty, "open") : g_strdup ("failed");
  add_row (g_strdup_printf ("Resident memory (VmRSS) of the application with the registry page open on %s persons, "
                            "%s; after scrolling it end to end: peak VmHWM", persons, name),
           g_strdup_printf ("%s; after scrolling %.0f MB, peak %.0f MB", city_open,
                            pair_double (city, "rss-end") / 1024, pair_double (city, "hwm-end") / 1024),
           g_strdup_printf ("an empty database: %s", empty_open),
           g_strdup ("< 200 MB"));
  add_row (g_strdup_printf ("Scrolling the registry list end to end (%s rows) in %u frame-clock steps, %s: "
                            "frames over 16.7 ms from the start of the frame to the end of its paint",
                            persons, SCROLL_FRAMES, name),
           g_strdup_printf ("%.0f of %.0f dropped (frame p50 %.1f ms, p95 %.1f ms, max %.0f ms)",
                            pair_double (city, "over"), pair_double (city, "frames"), pair_double (city, "p50"),
                            pair_double (city, "p95"), pair_double (city, "max")),
           NULL, g_strdup ("none dropped"));
  add_row (g_strdup_printf ("Scrolling it from the middle three rows a frame, as a mouse wheel does, for %u frames, %s",
                            WHEEL_FRAMES, name),
           g_strdup_printf ("%.0f of %.0f dropped (frame p50 %.1f ms, p95 %.1f ms, max %.0f ms)",
                            pair_double (city, "wheel-over"), pair_double (city, "wheel-frames"),
                            pair_double (city, "wheel-p50"), pair_double (city, "wheel-p95"),
                            pair_double (city, "wheel-max")),
           NULL, g_strdup ("none dropped"));
}

typedef struct {
  GtkWidget     *window;
  GtkAdjustment *adjustment;
  gboolean       scroll;
  guint          ticks;
  guint          step;       /* of SCROLL_FRAMES + WHEEL_FRAMES; 0 before scrolling */
  guint          n_rows;
  double         wheel_start;
  double         paint_start;
  GArray        *frames;     /* double, ms: end to end */
  GArray        *wheel;      /* double, ms: with the wheel */
} Harness;

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Harness       *h)
{
  h->paint_start = now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Harness       *h)
{
  double t = now_ms () - h->paint_start;

  if (h->step > 0 && h->paint_start > 0)
    g_array_append_val (h->step <= SCROLL_FRAMES + 1 ? h->frames : h->wheel, t);
}

static void
print_frames (const char *prefix,
              GArray     *frames)
{
  guint over = 0;

  for (guint i = 0; i < frames->len; i++)
    if (g_array_index (frames, double, i) > FRAME_BUDGET_MS)
      over++;
  g_print ("%sframes %u\n%sover %u\n", prefix, frames->len, prefix, over);
  g_print ("%sp50 %.2f\n", prefix, percentile (frames, 50));
  g_print ("%sp95 %.2f\n", prefix, percentile (frames, 95));
  g_print ("%smax %.2f\n", prefix, frames->len ? g_array_index (frames, double, frames->len - 1) : 0);
}

static void
finish (Harness *h)
{
  g_print ("rss-end %" G_GUINT64_FORMAT "\n", status_kb ("VmRSS"));
  g_print ("anon-end %" G_GUINT64_FORMAT "\n", status_kb ("RssAnon"));
  g_print ("hwm-end %" G_GUINT64_FORMAT "\n", status_kb ("VmHWM"));
  print_frames ("", h->frames);
  print_frames ("wheel-", h->wheel);
  g_application_quit (g_application_get_default ());
}

/* On the frame clock: first let the page settle, then move the list by
 * one step a frame from its top to its end. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Harness *h = data;

  if (h->step == 0)
    {
      GtkWidget *page, *view;

      if (++h->ticks < 30)
        return G_SOURCE_CONTINUE;
      page = find_type (h->window, FZ_TYPE_REGISTRY_PAGE);
      view = page ? find_type (page, GTK_TYPE_COLUMN_VIEW) : NULL;
      /* An empty registry shows a status page instead of the list. */
      if (page == NULL || !gtk_widget_get_mapped (h->scroll ? view : page))
        {
          if (h->ticks > 600)
            g_error ("The registry page did not show");
          return G_SOURCE_CONTINUE;
        }
      h->n_rows = g_list_model_get_n_items (fz_registry_page_get_model (FZ_REGISTRY_PAGE (page)));
      g_print ("rows %u\n", h->n_rows);
      g_print ("rss-open %" G_GUINT64_FORMAT "\n", status_kb ("VmRSS"));
      g_print ("hwm-open %" G_GUINT64_FORMAT "\n", status_kb ("VmHWM"));
      g_print ("anon-open %" G_GUINT64_FORMAT "\n", status_kb ("RssAnon"));
      g_print ("file-open %" G_GUINT64_FORMAT "\n", status_kb ("RssFile"));
      g_print ("renderer %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (h->window))));
      if (!h->scroll)
        {
          finish (h);
          return G_SOURCE_REMOVE;
        }
      h->adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), h);
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), h);
    }

  if (h->step > SCROLL_FRAMES + WHEEL_FRAMES)
    {
      g_signal_handlers_disconnect_by_data (clock, h);
      finish (h);
      return G_SOURCE_REMOVE;
    }
  /* The list's height is an estimate that changes as rows are measured. */
  if (h->step <= SCROLL_FRAMES)
    gtk_adjustment_set_value (h->adjustment,
                              (gtk_adjustment_get_upper (h->adjustment) - gtk_adjustment_get_page_size (h->adjustment))
                              * h->step / SCROLL_FRAMES);
  else
    {
      double row = gtk_adjustment_get_upper (h->adjustment) / MAX (h->n_rows, 1);

      if (h->wheel_start == 0)
        h->wheel_start = gtk_adjustment_get_upper (h->adjustment) / 2;
      gtk_adjustment_set_value (h->adjustment, h->wheel_start + 3 * row * (h->step - SCROLL_FRAMES));
    }
  h->step++;
  return G_SOURCE_CONTINUE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Harness        *h)
{
  if (!FZ_IS_WINDOW (window) || h->window != NULL)
    return;
  h->window = GTK_WIDGET (window);
  fz_window_show_page (FZ_WINDOW (window), "registry");
  gtk_widget_add_tick_callback (h->window, tick_cb, h, NULL);
}

static int
window_main (const char *db_path,
             gboolean    scroll)
{
  g_autoptr(FzApplication) app = fz_application_new (db_path);
  Harness h = { .scroll = scroll, .frames = g_array_new (FALSE, FALSE, sizeof (double)),
                .wheel = g_array_new (FALSE, FALSE, sizeof (double)) };
  int status;

  /* As main.c does, less the command line. */
  g_set_application_name ("Fuzhu");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &h);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_array_unref (h.frames);
  g_array_unref (h.wheel);
  return status;
}

/* LibreOffice */

static void
bench_libreoffice (const char *dir,
                   guint       n)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *sheet = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *warm = g_build_filename (dir, "warm.csv", NULL);
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *out_dir = g_build_filename (dir, "lo-out", NULL);
  g_autofree char *db_path = g_build_filename (dir, "from-xlsx.db", NULL);
  g_autofree char *persons = format_count (n);
  g_autoptr(GError) error = NULL;
  const char *warm_argv[] = { "timeout", "300", soffice, profile_arg, "--headless", "--convert-to", "ods", "--outdir", out_dir, warm, NULL };
  const char *argv[] = { "timeout", "900", soffice, profile_arg, "--headless", "--convert-to", "csv", "--outdir", out_dir, sheet, NULL };
  g_autofree char *fuzhu_text = NULL;
  g_autofree char *fuzhu_cpu_text = NULL;
  g_autofree char *calc_text = NULL;
  g_autofree char *calc_cpu_text = NULL;
  double calc, calc_cpu, fuzhu, cpu;
  guint added = 0;

  if (soffice == NULL)
    {
      add_row (g_strdup_printf ("LibreOffice Calc opens the same %s-row sheet (.xlsx), headless", persons),
               g_strdup ("—"), g_strdup ("not installed (apt-get install libreoffice-calc-nogui)"), NULL);
      return;
    }
  check (fz_demo_write_persons (sheet, SEED, n, &error), error, "write the workbook");
  check (g_file_set_contents (warm, "a,b\n1,2\n", -1, &error), error, "write a sheet");
  say ("LibreOffice: making its profile");
  /* Its first start makes the profile, which staff have already. */
  run (warm_argv, NULL, NULL);
  say ("LibreOffice: opening the sheet");
  calc_cpu = cpu_ms (RUSAGE_CHILDREN);
  calc = run (argv, NULL, NULL);
  calc_cpu = cpu_ms (RUSAGE_CHILDREN) - calc_cpu;
  say ("Fuzhu: importing the same workbook");
  fuzhu = import_with_fuzhu (sheet, db_path, &added, &cpu);
  remove_database (db_path);
  fuzhu_text = format_ms (fuzhu);
  fuzhu_cpu_text = format_ms (cpu);
  calc_text = format_ms (calc);
  calc_cpu_text = format_ms (calc_cpu);
  add_row (g_strdup_printf ("Import the same %s persons from the workbook (.xlsx), every value validated", persons),
           g_strdup_printf ("%s (CPU %s)", fuzhu_text, fuzhu_cpu_text),
           calc < 0 ? g_strdup ("LibreOffice Calc failed")
                    : g_strdup_printf ("LibreOffice Calc, headless, opens it (and saves it as CSV): %s (CPU %s)",
                                       calc_text, calc_cpu_text),
           g_strdup ("what staff wait for today"));
}

static void
print_table (guint n,
             const char *load_before,
             const char *load_after)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *persons = format_count (n);

  g_print ("\nFuzhu at city scale: %s persons, %s, %u cores, load average %s at the start, %s at the end\n\n",
           persons, date, g_get_num_processors (), load_before, load_after);
  g_print ("| What | Fuzhu | Measured against | Target |\n| --- | --- | --- | --- |\n");
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_print ("| %s | %s | %s | %s |\n", row->what, row->fuzhu, row->reference, row->target);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *city_db = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *load_before = NULL;
  g_autofree char *load_after = NULL;
  g_autofree char *cleanup = NULL;
  g_auto(GStrv) envp = NULL;
  guint n = 200000;

  setlocale (LC_ALL, "");
  if (argc >= 3 && g_str_equal (argv[1], "--window"))
    return window_main (argv[2], !(argc >= 4 && g_str_equal (argv[3], "--no-scroll")));
  if (argc > 1)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (argv[1], 10, 1000, 10000000, &value, &error))
        {
          g_printerr ("usage: bench-city [NUMBER-OF-PERSONS]: %s\n", error->message);
          return 2;
        }
      n = (guint) value;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  load_before = load_average ();
  dir = g_dir_make_tmp ("fuzhu-bench-city-XXXXXX", &error);
  check (dir != NULL, error, "make a folder");
  sheet = g_build_filename (dir, "persons.csv", NULL);
  envp = child_environment (dir);

  say ("writing a city of %u persons to %s", n, sheet);
  check (fz_demo_write_persons (sheet, SEED, n, &error), error, "write the sheet");
  bench_import (dir, sheet, n, &city_db);

  {
    g_autoptr(FzDatabase) db = fz_database_open (city_db, &error);
    g_autoptr(FzContext) context = NULL;
    g_autoptr(FzPluginManager) manager = NULL;
    FzRegistry *registry;

    check (db != NULL, error, "open the city");
    context = fz_context_new (db, NULL, "bench");
    registry = fz_context_get_registry (context);
    check (fz_demo_add_organizations (registry, SEED, 2000, &error), error, "add organizations");
    manager = fz_plugin_manager_new (context);
    fz_plugin_manager_load_all (manager);

    say ("search as you type");
    bench_search (registry, n);
    say ("dashboard figures");
    bench_figures (manager);
    say ("documents");
    bench_documents (registry, dir);
  }

  empty_db = g_build_filename (dir, "empty.db", NULL);
  {
    g_autoptr(FzDatabase) db = fz_database_open (empty_db, &error);
    check (db != NULL, error, "make an empty database");
  }
  if (g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY"))
    {
      /* Xvfb has no GPU: GL is Mesa's software rasteriser there, whose
       * shaders are compiled at start. */
      /* As fuzhu chooses (cairo where OpenGL is a software rasteriser,
       * as under Xvfb), then GL forced, as GTK 4.8 would choose alone. */
      bench_start_up (city_db, empty_db, envp, NULL, n);
      bench_start_up (city_db, empty_db, envp, "gl", n);
      bench_window (city_db, empty_db, envp, NULL, n);
      bench_window (city_db, empty_db, envp, "gl", n);
    }
  else
    add_row (g_strdup ("Start-up, memory and scrolling"), g_strdup ("not measured: no display (build-aux/bench runs Xvfb)"),
             NULL, NULL);

  bench_libreoffice (dir, n);

  load_after = load_average ();
  print_table (n, load_before, load_after);

  if (g_getenv ("FUZHU_BENCH_KEEP") == NULL)
    {
      cleanup = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cleanup) != 0)
        g_printerr ("Could not remove %s\n", dir);
    }
  else
    g_printerr ("The city is in %s\n", dir);
  g_ptr_array_unref (rows);
  return 0;
}
