/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-registry"

#include "config.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "fuzhu.h"

typedef struct {
  char       *dir;
  FzDatabase *db;
  FzRegistry *registry;
  guint       changed;
} Fixture;

static void
on_changed (FzRegistry *registry,
            Fixture    *f)
{
  f->changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("fuzhu-registry-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->registry = fz_registry_new (f->db);
  g_signal_connect (f->registry, "persons-changed", G_CALLBACK (on_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->registry);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count (Fixture              *f,
       const FzPersonFilter *filter)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (fz_registry_count_persons (f->registry, filter, &n, &error));
  g_assert_no_error (error);
  return n;
}

static guint
count_text (Fixture    *f,
            const char *text)
{
  FzPersonFilter filter = { .text = text };

  return count (f, &filter);
}

static FzPerson *
make_person (const char *name,
             const char *id_number,
             const char *cert_number,
             const char *county)
{
  FzPerson *p = fz_person_new ();

  fz_person_set_name (p, name);
  fz_person_set_id_number (p, id_number);
  fz_person_set_cert_number (p, cert_number);
  fz_person_set_county_code (p, county);
  return p;
}

/* A valid identity number for a birth date and a sequence. */
static char *
make_id (const char *address,
         const char *birth,
         guint       sequence)
{
  char *number = g_strdup_printf ("%s%s%03u0", address, birth, sequence);

  number[17] = fz_identity_check_character (number);
  return number;
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = fz_registry_dup_county_codes (f->registry);
  g_autofree char *code = NULL;
  gint64 n = 0;

  g_assert_cmpuint (fz_database_get_schema_version (f->db, "registry"), ==, 1);
  g_assert_true (fz_database_query_int64 (f->db,
                                          "SELECT count(*) FROM sqlite_master WHERE name IN "
                                          "('fz_person', 'fz_organization', 'fz_person_gram')",
                                          NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 3);

  g_assert_cmpuint (g_strv_length (codes), ==, 6);
  g_assert_cmpstr (codes[0], ==, "330802");
  g_assert_cmpstr (fz_registry_get_county_name (f->registry, "330881"), ==, "江山市");

  for (guint i = 0; i < 5; i++)
    {
      const char *forms[] = { "330825", "龙游县", "龙游", "衢州市龙游县", " 浙江省衢州市龙游县 " };
      g_assert_true (fz_registry_parse_county (f->registry, forms[i], &code, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, "330825");
      g_clear_pointer (&code, g_free);
    }
  g_assert_false (fz_registry_parse_county (f->registry, "杭州市", &code, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN);
  g_assert_true (g_str_has_prefix (error->message, "County: "));
  g_clear_error (&error);
  /* The city is not a county-level unit. */
  g_assert_false (fz_registry_parse_county (f->registry, "330800", &code, &error));
  g_clear_error (&error);
}

static void
test_add_person (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) p = make_person (" 张三 ", "  11010519491231002x ", "11010519491231002x42", "柯城区");
  g_autoptr(FzPerson) found = NULL;
  g_autoptr(FzPerson) by_number = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (31, G_DATE_DECEMBER, 2025);

  fz_person_set_phone (p, "１３８１２３４５６７８");
  fz_person_set_employment_status (p, FZ_EMPLOYMENT_EMPLOYED);
  fz_person_set_employment_date (p, "2023/5/1");
  g_assert_true (fz_registry_add_person (f->registry, p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);

  /* Normalised, derived, never typed twice. */
  g_assert_cmpint (fz_person_get_id (p), >, 0);
  g_assert_cmpstr (fz_person_get_name (p), ==, "张三");
  g_assert_cmpstr (fz_person_get_id_number (p), ==, "11010519491231002X");
  g_assert_cmpstr (fz_person_get_cert_number (p), ==, "11010519491231002X42");
  g_assert_cmpuint (fz_person_get_category (p), ==, FZ_CATEGORY_PHYSICAL);
  g_assert_cmpuint (fz_person_get_grade (p), ==, 2);
  g_assert_cmpint (fz_person_get_sex (p), ==, FZ_SEX_FEMALE);
  g_assert_cmpstr (fz_person_get_birth_date (p), ==, "1949-12-31");
  g_assert_cmpuint (fz_person_get_age (p, day), ==, 76);
  g_assert_cmpstr (fz_person_get_county_code (p), ==, "330802");
  g_assert_cmpstr (fz_person_get_county_name (p), ==, "柯城区");
  g_assert_cmpstr (fz_person_get_phone (p), ==, "13812345678");
  g_assert_cmpstr (fz_person_get_employment_date (p), ==, "2023-05-01");
  g_assert_nonnull (fz_person_get_created (p));

  found = fz_registry_find_person (f->registry, fz_person_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_person_get_name (found), ==, "张三");
  g_assert_cmpint (fz_person_get_employment_status (found), ==, FZ_EMPLOYMENT_EMPLOYED);
  g_assert_cmpstr (fz_person_get_county_name (found), ==, "柯城区");

  by_number = fz_registry_find_person_by_id_number (f->registry, "11010519491231002x", &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_number);
  g_assert_cmpint (fz_person_get_id (by_number), ==, fz_person_get_id (p));
  g_assert_null (fz_registry_find_person_by_id_number (f->registry, "440524188001010014", &error));
  g_assert_no_error (error);

  {
    g_autofree char *masked = fz_person_dup_masked_id_number (p);
    g_assert_cmpstr (masked, ==, "110105********002X");
  }
}

static void
test_add_invalid (Fixture       *f,
                  gconstpointer  data)
{
  struct {
    const char *name, *id, *cert, *county;
    guint category, grade;
    const char *prefix;
  } cases[] = {
    { "张三", "110105194912310023", NULL, NULL, 4, 2, "Identity number: " },
    { "张三", "3.30802E+17", NULL, NULL, 4, 2, "Identity number: " },
    { "张三", "11010519491231002X", "11010519491231002X42", NULL, 1, 0, "Certificate number: " },
    { "张三", "11010519491231002X", "44052418800101001442", NULL, 0, 0, "Certificate number: " },
    { "张三", "11010519491231002X", NULL, NULL, 0, 2, "Category: " },
    { "张三", "11010519491231002X", NULL, NULL, 4, 0, "Grade: " },
    { "张三", "11010519491231002X", NULL, "杭州", 4, 2, "County: " },
    { "",     "11010519491231002X", NULL, NULL, 4, 2, "Name: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzPerson) p = make_person (cases[i].name, cases[i].id, cases[i].cert, cases[i].county);

      fz_person_set_category (p, cases[i].category);
      fz_person_set_grade (p, cases[i].grade);
      g_assert_false (fz_registry_add_person (f->registry, p, &error));
      g_assert_error (error, FZ_VALIDATE_ERROR, error->code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
      g_assert_cmpint (fz_person_get_id (p), ==, 0);
    }
  g_assert_cmpuint (count (f, NULL), ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);

  /* Every problem is told, one a line. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FzPerson) p = make_person ("13800000000", "110105194912310023", NULL, "杭州");

    g_assert_false (fz_registry_check_person (f->registry, p, &error));
    g_assert_nonnull (strstr (error->message, "Name: "));
    g_assert_nonnull (strstr (error->message, "\nIdentity number: "));
    g_assert_nonnull (strstr (error->message, "\nCounty: "));
  }

  /* A wrong identity number is told once, not again as a missing category. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FzPerson) p = make_person ("张三", "110105194912310023", "11010519491231002342", NULL);

    g_assert_false (fz_registry_check_person (f->registry, p, &error));
    g_assert_true (g_str_has_prefix (error->message, "Identity number: "));
    g_assert_null (strchr (error->message, '\n'));
  }
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) a = make_person ("张三", "11010519491231002X", "11010519491231002X42", NULL);
  g_autoptr(FzPerson) b = make_person ("李四", "11010519491231002x", NULL, NULL);
  g_autoptr(FzPerson) c = make_person ("王五", "440524188001010014", "44052418800101001411", NULL);

  g_assert_true (fz_registry_add_person (f->registry, a, &error));
  g_assert_no_error (error);
  fz_person_set_category (b, 1);
  fz_person_set_grade (b, 1);
  g_assert_false (fz_registry_add_person (f->registry, b, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_clear_error (&error);

  /* Nor by changing someone else's number to it. */
  g_assert_true (fz_registry_add_person (f->registry, c, &error));
  fz_person_set_id_number (c, "11010519491231002X");
  fz_person_set_cert_number (c, NULL);
  g_assert_false (fz_registry_update_person (f->registry, c, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_DUPLICATE);
  g_assert_cmpuint (count (f, NULL), ==, 2);
}

static void
test_update_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) p = make_person ("王芳", "11010519491231002X", "11010519491231002X42", "330803");
  g_autoptr(FzPerson) again = NULL;
  gint64 id;

  g_assert_true (fz_registry_add_person (f->registry, p, &error));
  id = fz_person_get_id (p);
  g_assert_cmpuint (count_text (f, "芳"), ==, 1);

  fz_person_set_name (p, "李娜");
  fz_person_set_cert_number (p, "11010519491231002X13");
  fz_person_set_category (p, 0);
  fz_person_set_grade (p, 0);
  fz_person_set_employment_status (p, FZ_EMPLOYMENT_UNEMPLOYED);
  g_assert_true (fz_registry_update_person (f->registry, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fz_person_get_id (p), ==, id);
  g_assert_cmpuint (fz_person_get_category (p), ==, 1);

  /* The name index follows the name. */
  g_assert_cmpuint (count_text (f, "芳"), ==, 0);
  g_assert_cmpuint (count_text (f, "李娜"), ==, 1);
  again = fz_registry_find_person (f->registry, id, &error);
  g_assert_cmpstr (fz_person_get_name (again), ==, "李娜");
  g_assert_cmpuint (fz_person_get_grade (again), ==, 3);
  g_assert_cmpint (fz_person_get_employment_status (again), ==, FZ_EMPLOYMENT_UNEMPLOYED);

  g_assert_true (fz_registry_delete_person (f->registry, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, NULL), ==, 0);
  g_assert_cmpuint (count_text (f, "李"), ==, 0);
  g_assert_null (fz_registry_find_person (f->registry, id, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (fz_registry_delete_person (f->registry, id, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->changed, ==, 3);
}

static void
test_search_names (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "王芳", "王小芳", "李王", "欧阳娜娜", "张伟", "张伟华", "Anna 李", "王" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = make_id ("330802", "19800101", i + 1);
      g_autoptr(FzPerson) p = make_person (names[i], id, NULL, NULL);

      fz_person_set_category (p, 1 + i % 7);
      fz_person_set_grade (p, 1 + i % 4);
      g_assert_true (fz_registry_add_person (f->registry, p, &error));
      g_assert_no_error (error);
    }

  /* One and two characters, anywhere in the name. */
  g_assert_cmpuint (count_text (f, "王"), ==, 4);
  g_assert_cmpuint (count_text (f, "芳"), ==, 2);
  g_assert_cmpuint (count_text (f, "小芳"), ==, 1);
  g_assert_cmpuint (count_text (f, "伟"), ==, 2);
  g_assert_cmpuint (count_text (f, "张伟"), ==, 2);
  g_assert_cmpuint (count_text (f, "伟华"), ==, 1);
  g_assert_cmpuint (count_text (f, "娜"), ==, 1);
  /* Three and more characters. */
  g_assert_cmpuint (count_text (f, "欧阳娜"), ==, 1);
  g_assert_cmpuint (count_text (f, "欧阳娜娜"), ==, 1);
  g_assert_cmpuint (count_text (f, "张伟华"), ==, 1);
  g_assert_cmpuint (count_text (f, "张伟华的"), ==, 0);
  /* Noise in the query, Latin letters in any case, LIKE's characters taken literally. */
  g_assert_cmpuint (count_text (f, " 王\u3000"), ==, 4);
  g_assert_cmpuint (count_text (f, "anna"), ==, 1);
  g_assert_cmpuint (count_text (f, "ANN"), ==, 1);
  g_assert_cmpuint (count_text (f, "anna李"), ==, 1);
  g_assert_cmpuint (count_text (f, "Anna 李"), ==, 1);
  g_assert_cmpuint (count_text (f, "%"), ==, 0);
  g_assert_cmpuint (count_text (f, "王%"), ==, 0);
  g_assert_cmpuint (count_text (f, ""), ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (count_text (f, "赵"), ==, 0);

  {
    FzPersonFilter filter = { .text = "王" };
    g_autoptr(GPtrArray) page = fz_registry_list_persons (f->registry, &filter, 0, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 4);
    /* Registration order. */
    g_assert_cmpstr (fz_person_get_name (page->pdata[0]), ==, "王芳");
    g_assert_cmpstr (fz_person_get_name (page->pdata[1]), ==, "王小芳");
    g_assert_cmpstr (fz_person_get_name (page->pdata[2]), ==, "李王");
    g_assert_cmpstr (fz_person_get_name (page->pdata[3]), ==, "王");
  }
}

static void
test_search_numbers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (fz_demo_add_persons (f->registry, 7, 300, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 300);

  {
    g_autoptr(GPtrArray) all = fz_registry_list_persons (f->registry, NULL, 0, 1000, &error);
    FzPerson *someone = all->pdata[123];
    const char *id = fz_person_get_id_number (someone);
    const char *cert = fz_person_get_cert_number (someone);
    g_autofree char *id6 = g_strndup (id, 6);
    g_autofree char *id10 = g_strndup (id, 10);
    g_autofree char *cert19 = g_strndup (cert, 19);
    g_autofree char *wide = NULL;
    guint expect6 = 0, expect10 = 0;

    g_assert_cmpuint (all->len, ==, 300);
    for (guint i = 0; i < all->len; i++)
      {
        const char *other = fz_person_get_id_number (all->pdata[i]);
        expect6 += g_str_has_prefix (other, id6);
        expect10 += g_str_has_prefix (other, id10);
      }
    g_assert_cmpuint (count_text (f, id6), ==, expect6);
    g_assert_cmpuint (count_text (f, id10), ==, expect10);
    g_assert_cmpuint (count_text (f, id), ==, 1);
    g_assert_cmpuint (count_text (f, cert19), ==, 1);
    g_assert_cmpuint (count_text (f, cert), ==, 1);
    g_assert_cmpuint (count_text (f, "9"), ==, 0);

    /* Typed with a Chinese input method, or with a lowercase x. */
    wide = g_strdup_printf ("%s", "３３０８");
    g_assert_cmpuint (count_text (f, wide), ==, count_text (f, "3308"));
  }
}

static int
compare_id_numbers (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (fz_person_get_id_number (*(FzPerson **) a), fz_person_get_id_number (*(FzPerson **) b));
}

/* Every filter and every page against a count done by hand. */
static void
test_filters_paging (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_number = NULL;
  const char *texts[] = { NULL, "王", "芳", "张伟", "小", "3308", "33088", "欧阳" };
  const char *counties[] = { NULL, "330802", "330881" };

  g_assert_true (fz_demo_add_persons (f->registry, 42, 1500, NULL, &error));
  g_assert_no_error (error);
  all = fz_registry_list_persons (f->registry, NULL, 0, 5000, &error);
  g_assert_cmpuint (all->len, ==, 1500);
  /* A number lists in number order. */
  by_number = g_ptr_array_copy (all, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_sort (by_number, compare_id_numbers);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint c = 0; c < G_N_ELEMENTS (counties); c++)
      for (guint cat = 0; cat <= 7; cat += 4)
        for (guint grade = 0; grade <= 2; grade += 2)
          for (int status = FZ_EMPLOYMENT_ANY; status <= FZ_EMPLOYMENT_UNEMPLOYED; status++)
            {
              FzPersonFilter filter = { texts[t], counties[c], cat, grade, status };
              g_autoptr(GPtrArray) expected = g_ptr_array_new ();
              guint n = count (f, &filter);

              for (guint i = 0; i < all->len; i++)
                {
                  FzPerson *p = (texts[t] && g_ascii_isdigit (texts[t][0]) ? by_number : all)->pdata[i];
                  gboolean match = TRUE;

                  if (texts[t] && g_ascii_isdigit (texts[t][0]))
                    match = g_str_has_prefix (fz_person_get_id_number (p), texts[t]);
                  else if (texts[t])
                    match = strstr (fz_person_get_name (p), texts[t]) != NULL;
                  match = match && (!counties[c] || g_strcmp0 (fz_person_get_county_code (p), counties[c]) == 0);
                  match = match && (!cat || fz_person_get_category (p) == cat);
                  match = match && (!grade || fz_person_get_grade (p) == grade);
                  match = match && (!status || (int) fz_person_get_employment_status (p) == status);
                  if (match)
                    g_ptr_array_add (expected, p);
                }
              g_assert_cmpuint (n, ==, expected->len);

              /* Pages of 7 put together are the list, in order. */
              for (guint offset = 0; offset < expected->len + 7; offset += 7)
                {
                  g_autoptr(GPtrArray) page = fz_registry_list_persons (f->registry, &filter, offset, 7, &error);

                  g_assert_no_error (error);
                  g_assert_cmpuint (page->len, ==, MIN (7, expected->len - MIN (offset, expected->len)));
                  for (guint i = 0; i < page->len; i++)
                    g_assert_cmpint (fz_person_get_id (page->pdata[i]), ==,
                                     fz_person_get_id (expected->pdata[offset + i]));
                }
            }
}

static const char good_sheet[] =
  "姓名,性别,身份证号,残疾证号,残疾类别,残疾等级,县(市、区),乡镇(街道),联系电话,就业状态\r\n"
  "张三,女, 11010519491231002x ,11010519491231002X42,肢体,二级,柯城区,\"荷花街道, 三衢路\",13812345678,已就业\r\n"
  "\r\n"
  "李四,男,４４０５２４１８８００１０１００１４,,视力残疾,1,330881,双塔街道,,未就业\r\n"
  "  王五 ,男,330802199001011232,,4,肆级,衢州市龙游县,湖镇镇,0570-8012345,\r\n"
  ",,,,,,,,,\r\n";

static void
check_good_sheet (Fixture        *f,
                  FzImportReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) a = fz_registry_find_person_by_id_number (f->registry, "11010519491231002X", &error);
  g_autoptr(FzPerson) b = fz_registry_find_person_by_id_number (f->registry, "440524188001010014", &error);
  g_autoptr(FzPerson) c = fz_registry_find_person_by_id_number (f->registry, "330802199001011232", &error);

  g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, 0);
  g_assert_cmpuint (fz_import_report_get_added (report), ==, 3);
  g_assert_cmpuint (fz_import_report_get_updated (report), ==, 0);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  g_assert_cmpstr (fz_person_get_name (a), ==, "张三");
  g_assert_cmpstr (fz_person_get_township (a), ==, "荷花街道, 三衢路");
  g_assert_cmpuint (fz_person_get_category (a), ==, 4);
  g_assert_cmpint (fz_person_get_employment_status (a), ==, FZ_EMPLOYMENT_EMPLOYED);
  g_assert_cmpstr (fz_person_get_county_code (b), ==, "330881");
  g_assert_cmpuint (fz_person_get_category (b), ==, 1);
  g_assert_cmpuint (fz_person_get_grade (b), ==, 1);
  g_assert_null (fz_person_get_cert_number (b));
  g_assert_null (fz_person_get_phone (b));
  g_assert_cmpstr (fz_person_get_name (c), ==, "王五");
  g_assert_cmpstr (fz_person_get_county_code (c), ==, "330825");
  g_assert_cmpuint (fz_person_get_grade (c), ==, 4);
  g_assert_cmpint (fz_person_get_employment_status (c), ==, FZ_EMPLOYMENT_UNKNOWN);
}

static void
import_ok (Fixture         *f,
           const char      *path,
           FzImportReport **report)
{
  g_autoptr(GError) error = NULL;

  if (!fz_registry_import_file (f->registry, path, report, &error))
    {
      for (guint i = 0; *report && i < fz_import_report_get_n_problems (*report); i++)
        {
          g_autofree char *line = fz_import_report_format_problem (*report, i);
          g_test_message ("%s", line);
        }
      g_error ("%s", error->message);
    }
}

static void
test_import_utf8 (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (f, "utf8.csv", good_sheet, -1);
  g_autoptr(FzImportReport) report = NULL;

  import_ok (f, path, &report);
  g_assert_cmpstr (fz_import_report_get_encoding (report), ==, "UTF-8");
  check_good_sheet (f, report);
  g_assert_cmpuint (f->changed, ==, 1);
}

static void
test_import_utf8_bom (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", good_sheet, NULL);
  g_autofree char *path = write_file (f, "bom.csv", bom, -1);
  g_autoptr(FzImportReport) report = NULL;

  import_ok (f, path, &report);
  g_assert_cmpstr (fz_import_report_get_encoding (report), ==, "UTF-8 with BOM");
  check_good_sheet (f, report);
}

static void
test_import_gb18030 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *gb = g_convert (good_sheet, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autofree char *path = NULL;
  g_autoptr(FzImportReport) report = NULL;

  g_assert_no_error (error);
  path = write_file (f, "excel.csv", gb, (gssize) len);
  import_ok (f, path, &report);
  g_assert_cmpstr (fz_import_report_get_encoding (report), ==, "GB18030");
  check_good_sheet (f, report);
}

static void
test_import_english (Fixture       *f,
                     gconstpointer  data)
{
  const char *sheet =
    "Name,ID Number,Category,Grade,County,Employment Status\n"
    "Anna,11010519491231002X,physical,2,Kecheng 330802,employed\n";
  const char *fixed =
    "name,id_number,category,grade,county_code,employment_status\n"
    "Anna,11010519491231002X,physical,2,330802,employed\n";
  g_autofree char *bad_path = write_file (f, "english-bad.csv", sheet, -1);
  g_autofree char *path = write_file (f, "english.csv", fixed, -1);
  g_autoptr(FzImportReport) bad = NULL;
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Headers match in any case and spacing; the county must be one of ours. */
  g_assert_false (fz_registry_import_file (f->registry, bad_path, &bad, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED);
  g_assert_cmpuint (fz_import_report_get_n_problems (bad), ==, 1);
  {
    g_autofree char *line = fz_import_report_format_problem (bad, 0);
    g_autofree char *expect = g_strdup_printf ("%s:2: County: ", bad_path);
    g_assert_true (g_str_has_prefix (line, expect));
  }

  import_ok (f, path, &report);
  g_assert_cmpuint (fz_import_report_get_added (report), ==, 1);
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  const char *sheet =
    "姓名,身份证号,残疾证号,残疾类别,残疾等级,县(市、区),联系电话\n"        /* 1 */
    "好人,440524188001010014,,1,1,柯城区,\n"                                  /* 2 */
    "错校验,110105194912310023,,1,1,柯城区,\n"                                /* 3 */
    "\n"                                                                      /* 4 */
    "表格坏,3.30802E+17,,1,1,柯城区,\n"                                       /* 5 */
    "错县,11010519491231002X,,1,1,杭州市,\n"                                  /* 6 */
    "证不符,330802199001011232,33080219900101123252,1,2,柯城区,\n"            /* 7 */
    "重复,440524188001010014,,1,1,柯城区,\n"                                  /* 8 */
    "多错,330802199001011000,,9,五级,柯城区,12345\n"                          /* 9 */
    "\"好人二\",330802199001011259,,多重,三级,江山,13800000000\n";            /* 10 */
  g_autofree char *path = write_file (f, "bad.csv", sheet, -1);
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(FzPerson) before = make_person ("早已登记", "11010519491231002X", "11010519491231002X11", NULL);
  guint lines[] = { 3, 5, 6, 7, 8, 9, 9, 9, 9 };

  g_assert_true (fz_registry_add_person (f->registry, before, &error));
  f->changed = 0;

  g_assert_false (fz_registry_import_file (f->registry, path, &report, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED);
  g_assert_nonnull (report);

  for (guint i = 0; i < fz_import_report_get_n_problems (report); i++)
    {
      g_autofree char *line = fz_import_report_format_problem (report, i);
      g_string_append_printf (all, "%s\n", line);
    }
  g_test_message ("%s", all->str);
  g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      guint line = 0;
      fz_import_report_get_problem (report, i, &line);
      g_assert_cmpuint (line, ==, lines[i]);
    }

  /* FILE:LINE: field: message, each naming its field. */
  {
    g_autofree char *l3 = g_strdup_printf ("%s:3: Identity number: the check digit should be X, not 3\n", path);
    g_autofree char *l5 = g_strdup_printf ("%s:5: Identity number: ", path);
    g_autofree char *l6 = g_strdup_printf ("%s:6: County: ", path);
    g_autofree char *l7 = g_strdup_printf ("%s:7: Certificate number: ", path);
    g_autofree char *l8 = g_strdup_printf ("%s:8: Identity number: 440524188001010014 is also on line 2", path);
    g_autofree char *l9a = g_strdup_printf ("%s:9: Category: ", path);
    g_autofree char *l9b = g_strdup_printf ("%s:9: Grade: ", path);
    g_autofree char *l9c = g_strdup_printf ("%s:9: Phone: ", path);

    g_assert_nonnull (strstr (all->str, l3));
    g_assert_nonnull (strstr (all->str, l5));
    g_assert_nonnull (strstr (all->str, l6));
    g_assert_nonnull (strstr (all->str, l7));
    g_assert_nonnull (strstr (all->str, l8));
    g_assert_nonnull (strstr (all->str, l9a));
    g_assert_nonnull (strstr (all->str, l9b));
    g_assert_nonnull (strstr (all->str, l9c));
  }
  /* The number Excel damaged is named for what it is, with the way out. */
  {
    const char *message = fz_import_report_get_problem (report, 1, NULL);
    g_assert_nonnull (strstr (message, "3.30802E+17"));
    g_assert_nonnull (strstr (message, "format the column as text"));
    /* Line 9: category, grade, then the number that ends in 000, then the phone. */
    message = fz_import_report_get_problem (report, 7, NULL);
    g_assert_true (g_str_has_prefix (message, "Identity number: "));
    g_assert_nonnull (strstr (message, "format the column as text"));
  }

  /* Nothing was written, not even the good rows. */
  g_assert_cmpuint (count (f, NULL), ==, 1);
  g_assert_cmpuint (count_text (f, "好人"), ==, 0);
  g_assert_cmpuint (fz_import_report_get_added (report), ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_false (fz_database_in_transaction (f->db));
}

static void
test_import_sex_mismatch (Fixture       *f,
                          gconstpointer  data)
{
  /* Sex is derived from the identity number; a sex column must agree. */
  const char *sheet =
    "姓名,性别,身份证号,残疾类别,残疾等级\n"
    "张三,男,11010519491231002X,1,1\n"
    "李四,男,440524188001010014,1,1\n";
  g_autofree char *path = write_file (f, "sex.csv", sheet, -1);
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0;

  g_assert_false (fz_registry_import_file (f->registry, path, &report, &error));
  g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, 1);
  g_assert_cmpstr (fz_import_report_get_problem (report, 0, &line), ==,
                   "Sex: the identity number says female, the sheet says male");
  g_assert_cmpuint (line, ==, 2);
}

static void
test_import_header_problems (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *no_id = write_file (f, "no-id.csv", "姓名,电话\n张三,13800000000\n", -1);
  g_autofree char *twice = write_file (f, "twice.csv", "身份证号,公民身份号码\n1,2\n", -1);
  g_autofree char *empty = write_file (f, "empty.csv", "\n\n", -1);
  g_autofree char *xlsx = write_file (f, "book.xlsx", "PK\003\004....", 8);
  const char *paths[] = { no_id, twice, empty };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(FzImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0;

      g_assert_false (fz_registry_import_file (f->registry, paths[i], &report, &error));
      g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED);
      g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, 1);
      g_test_message ("%s", fz_import_report_get_problem (report, 0, &line));
      g_assert_cmpuint (line, ==, 1);
    }
  {
    g_autoptr(FzImportReport) report = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_false (fz_registry_import_file (f->registry, xlsx, &report, &error));
    g_assert_error (error, FZ_TABLE_ERROR, FZ_TABLE_ERROR_FORMAT);
    g_assert_null (report);
  }
}

static void
test_import_again_and_update (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = write_file (f, "sheet.csv", good_sheet, -1);
  const char *updated_sheet =
    "姓名,身份证号,残疾证号,残疾类别,残疾等级,县(市、区),就业状态,就业时间\n"
    "张三,11010519491231002X,11010519491231002X42,肢体,二级,柯城区,已就业,\n"   /* same (no date before) */
    "李四,440524188001010014,44052418800101001412,,,江山市,已就业,2024-03-01\n"  /* new cert, new job */
    "赵六,330802199001011259,,多重,三级,江山市,,\n";                             /* new */
  const char *partial_sheet =
    "身份证号,就业状态\n"
    "330802199001011232,已就业\n";
  g_autofree char *updated_path = write_file (f, "updated.csv", updated_sheet, -1);
  g_autofree char *partial_path = write_file (f, "partial.csv", partial_sheet, -1);
  g_autoptr(FzImportReport) first = NULL;
  g_autoptr(FzImportReport) second = NULL;
  g_autoptr(FzImportReport) third = NULL;
  g_autoptr(FzImportReport) fourth = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) b = NULL;
  g_autoptr(FzPerson) c = NULL;
  g_autofree char *summary = NULL;

  import_ok (f, path, &first);
  g_assert_cmpuint (fz_import_report_get_added (first), ==, 3);
  g_assert_cmpuint (f->changed, ==, 1);

  /* The same file again changes nothing. */
  import_ok (f, path, &second);
  g_assert_cmpuint (fz_import_report_get_added (second), ==, 0);
  g_assert_cmpuint (fz_import_report_get_updated (second), ==, 0);
  g_assert_cmpuint (fz_import_report_get_unchanged (second), ==, 3);
  g_assert_cmpuint (f->changed, ==, 1);
  summary = fz_import_report_dup_summary (second);
  g_assert_cmpstr (summary, ==, "0 added, 0 updated, 3 unchanged");

  /* An updated sheet updates by identity number. */
  import_ok (f, updated_path, &third);
  g_assert_cmpuint (fz_import_report_get_added (third), ==, 1);
  g_assert_cmpuint (fz_import_report_get_updated (third), ==, 1);
  g_assert_cmpuint (fz_import_report_get_unchanged (third), ==, 1);
  g_assert_cmpuint (count (f, NULL), ==, 4);
  b = fz_registry_find_person_by_id_number (f->registry, "440524188001010014", &error);
  g_assert_cmpstr (fz_person_get_cert_number (b), ==, "44052418800101001412");
  g_assert_cmpuint (fz_person_get_grade (b), ==, 2);
  g_assert_cmpint (fz_person_get_employment_status (b), ==, FZ_EMPLOYMENT_EMPLOYED);
  g_assert_cmpstr (fz_person_get_employment_date (b), ==, "2024-03-01");
  /* What the sheet has no column for is kept. */
  g_assert_cmpstr (fz_person_get_township (b), ==, "双塔街道");

  /* A sheet of only numbers and one column updates that column. */
  import_ok (f, partial_path, &fourth);
  g_assert_cmpuint (fz_import_report_get_updated (fourth), ==, 1);
  c = fz_registry_find_person_by_id_number (f->registry, "330802199001011232", &error);
  g_assert_cmpstr (fz_person_get_name (c), ==, "王五");
  g_assert_cmpstr (fz_person_get_phone (c), ==, "0570-8012345");
  g_assert_cmpint (fz_person_get_employment_status (c), ==, FZ_EMPLOYMENT_EMPLOYED);

  /* A new person in such a sheet needs a name, category and grade. */
  {
    g_autofree char *lacking = write_file (f, "lacking.csv", "身份证号\n330802199001011267\n", -1);
    g_autoptr(FzImportReport) report = NULL;

    g_assert_false (fz_registry_import_file (f->registry, lacking, &report, &error));
    g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, 3);
  }
}

static void
test_export_csv_roundtrip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = g_build_filename (f->dir, "one.csv", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two.csv", NULL);
  g_autofree char *other_db_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(FzImportReport) again = NULL;
  g_autoptr(FzImportReport) fresh = NULL;
  FzDatabase *other_db;
  FzRegistry *other;
  guint n = 0;

  g_assert_true (fz_demo_add_persons (f->registry, 3, 400, NULL, &error));
  g_assert_true (fz_registry_export_persons (f->registry, one, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 400);

  /* Into the same registry: nothing changes. */
  import_ok (f, one, &again);
  g_assert_cmpuint (fz_import_report_get_unchanged (again), ==, 400);
  g_assert_cmpuint (fz_import_report_get_added (again) + fz_import_report_get_updated (again), ==, 0);

  /* Into another: the same persons, exported the same. */
  other_db = fz_database_open (other_db_path, &error);
  g_assert_no_error (error);
  other = fz_registry_new (other_db);
  g_assert_true (fz_registry_import_file (other, one, &fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_import_report_get_added (fresh), ==, 400);
  g_assert_true (fz_registry_export_persons (other, two, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (one, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (two, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_str_has_prefix (a, "\xEF\xBB\xBF姓名,性别,出生日期,身份证号,残疾证号,残疾类别,残疾等级,县(市、区)"));
  g_assert_finalize_object (other);
  g_assert_finalize_object (other_db);

  /* A filtered export holds what the filter matches. */
  {
    FzPersonFilter filter = { .county_code = "330824", .grade = 1 };
    g_autofree char *three = g_build_filename (f->dir, "three.csv", NULL);

    g_assert_true (fz_registry_export_persons (f->registry, three, &filter, &n, &error));
    g_assert_cmpuint (n, ==, count (f, &filter));
  }
}

static void
test_export_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "persons.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  gsize len = 0;
  guint n = 0;

  g_assert_true (fz_demo_add_persons (f->registry, 5, 120, NULL, &error));
  g_assert_true (fz_registry_export_persons (f->registry, path, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 120);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);

  persons = fz_registry_list_persons (f->registry, NULL, 0, 200, &error);
  if (unzip != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("unzip -p '%s' xl/worksheets/sheet1.xml", path);
      g_autofree char *xml = NULL;
      guint rows = 0;
      int status = 0;

      g_assert_true (g_spawn_command_line_sync (cmd, &xml, NULL, &status, &error));
      g_assert_cmpint (status, ==, 0);
      for (const char *p = xml; (p = strstr (p, "<row ")); p++)
        rows++;
      g_assert_cmpuint (rows, ==, 121);
      /* Every identity and certificate number is there whole, as text. */
      for (guint i = 0; i < persons->len; i++)
        {
          const char *id = fz_person_get_id_number (persons->pdata[i]);
          g_autofree char *as_number = g_strdup_printf ("<v>%s</v>", id);

          g_assert_nonnull (strstr (xml, id));
          g_assert_nonnull (strstr (xml, fz_person_get_cert_number (persons->pdata[i])));
          g_assert_null (strstr (xml, as_number));
        }
    }
  else
    g_test_message ("unzip is missing: only the zip signature was checked");
}

static void
test_import_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "persons.xlsx", NULL);
  g_autofree char *one = g_build_filename (f->dir, "one.csv", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two.csv", NULL);
  g_autofree char *other_db_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.xlsx", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(FzImportReport) again = NULL;
  g_autoptr(FzImportReport) fresh = NULL;
  g_autoptr(FzImportReport) refused = NULL;
  FzDatabase *other_db;
  FzRegistry *other;

  if (!fz_table_can_read_xlsx ())
    {
      g_test_skip ("this build reads no XLSX (minizip or libxml2 missing)");
      return;
    }

  /* Export to XLSX, import it elsewhere: the same persons. */
  g_assert_true (fz_demo_add_persons (f->registry, 9, 400, NULL, &error));
  g_assert_true (fz_registry_export_persons (f->registry, xlsx, NULL, NULL, &error));
  g_assert_true (fz_registry_export_persons (f->registry, one, NULL, NULL, &error));
  g_assert_no_error (error);

  import_ok (f, xlsx, &again);
  g_assert_cmpstr (fz_import_report_get_encoding (again), ==, "XLSX");
  g_assert_cmpuint (fz_import_report_get_unchanged (again), ==, 400);

  other_db = fz_database_open (other_db_path, &error);
  other = fz_registry_new (other_db);
  g_assert_true (fz_registry_import_file (other, xlsx, &fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_import_report_get_added (fresh), ==, 400);
  g_assert_true (fz_registry_export_persons (other, two, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (one, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (two, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_finalize_object (other);
  g_assert_finalize_object (other_db);

  /* A sheet whose identity column Excel holds as numbers is refused, on its row. */
  {
    lxw_workbook *wb = workbook_new (damaged);
    lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
    guint line = 0;
    const char *message;

    worksheet_write_string (ws, 0, 0, "姓名", NULL);
    worksheet_write_string (ws, 0, 1, "身份证号", NULL);
    worksheet_write_string (ws, 0, 2, "残疾证号", NULL);
    worksheet_write_string (ws, 2, 0, "王五", NULL);
    worksheet_write_number (ws, 2, 1, 440524188001010014.0, NULL);
    worksheet_write_string (ws, 2, 2, "44052418800101001411", NULL);
    g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

    g_assert_false (fz_registry_import_file (f->registry, damaged, &refused, &error));
    g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED);
    message = fz_import_report_get_problem (refused, 0, &line);
    g_test_message ("%s", message);
    g_assert_cmpuint (line, ==, 3);
    g_assert_true (g_str_has_prefix (message, "Identity number: "));
    g_assert_nonnull (strstr (message, "format the column as text"));
  }
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = g_build_filename (f->dir, "demo1.csv", NULL);
  g_autofree char *two = g_build_filename (f->dir, "demo2.csv", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(FzImportReport) report = NULL;
  guint added = 0, single = 0, n;

  /* The same seed, the same city. */
  g_assert_true (fz_demo_write_persons (one, 11, 2000, &error));
  g_assert_true (fz_demo_write_persons (two, 11, 2000, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (one, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (two, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  /* Every generated number is valid: the import takes them all. */
  import_ok (f, one, &report);
  g_assert_cmpuint (fz_import_report_get_added (report), ==, 2000);

  /* The sheet and the generator agree. */
  g_assert_true (fz_demo_add_persons (f->registry, 11, 2000, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  /* Short names are common: one-character given names exist. */
  {
    g_autoptr(GPtrArray) all = fz_registry_list_persons (f->registry, NULL, 0, 2000, &error);
    for (guint i = 0; i < all->len; i++)
      single += g_utf8_strlen (fz_person_get_name (all->pdata[i]), -1) == 2;
    g_assert_cmpuint (single, >, 200);
  }

  g_assert_true (fz_demo_add_organizations (f->registry, 11, 50, &error));
  g_assert_no_error (error);
  g_assert_true (fz_registry_count_organizations (f->registry, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 50);
}

static void
test_organizations (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzOrganization) org = fz_organization_new ();
  g_autoptr(FzOrganization) dup = fz_organization_new ();
  g_autoptr(FzOrganization) bad = fz_organization_new ();
  g_autoptr(FzOrganization) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  FzOrganizationFilter by_type = { .kind = FZ_ORGANIZATION_INSTITUTION };
  FzOrganizationFilter by_name = { .text = "医院" };
  FzOrganizationFilter by_code = { .text = "9135" };
  guint n = 0;

  fz_organization_set_name (org, " 衢州市人民医院 ");
  fz_organization_set_credit_code (org, "91350100m000100y43");
  fz_organization_set_kind (org, FZ_ORGANIZATION_INSTITUTION);
  fz_organization_set_county_code (org, "柯城区");
  fz_organization_set_headcount (org, 1200);
  fz_organization_set_established_posts (org, 1100);
  g_assert_true (fz_registry_add_organization (f->registry, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fz_organization_get_id (org), >, 0);
  g_assert_cmpstr (fz_organization_get_name (org), ==, "衢州市人民医院");
  g_assert_cmpstr (fz_organization_get_credit_code (org), ==, "91350100M000100Y43");
  g_assert_cmpstr (fz_organization_get_county_code (org), ==, "330802");

  fz_organization_set_name (dup, "另一家");
  fz_organization_set_credit_code (dup, "91350100M000100Y43");
  g_assert_false (fz_registry_add_organization (f->registry, dup, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_DUPLICATE);
  g_clear_error (&error);

  fz_organization_set_name (bad, "错码公司");
  fz_organization_set_credit_code (bad, "91350100M000100Y44");
  g_assert_false (fz_registry_add_organization (f->registry, bad, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHECK);
  g_assert_true (g_str_has_prefix (error->message, "Unified social credit code: "));
  g_clear_error (&error);

  fz_organization_set_credit_code (bad, NULL);
  fz_organization_set_kind (bad, FZ_ORGANIZATION_PRIVATE_ENTERPRISE);
  g_assert_true (fz_registry_add_organization (f->registry, bad, &error));

  g_assert_true (fz_registry_count_organizations (f->registry, &by_type, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (fz_registry_count_organizations (f->registry, &by_name, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (fz_registry_count_organizations (f->registry, &by_code, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  list = fz_registry_list_organizations (f->registry, NULL, 0, 10, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (fz_organization_get_kind (list->pdata[1]), ==, FZ_ORGANIZATION_PRIVATE_ENTERPRISE);
  g_assert_cmpint (fz_organization_get_headcount (list->pdata[1]), ==, -1);

  fz_organization_set_headcount (org, 1300);
  g_assert_true (fz_registry_update_organization (f->registry, org, &error));
  found = fz_registry_find_organization (f->registry, fz_organization_get_id (org), &error);
  g_assert_cmpint (fz_organization_get_headcount (found), ==, 1300);
  g_assert_cmpint (fz_organization_get_established_posts (found), ==, 1100);
  g_assert_cmpstr (fz_organization_get_county_name (found), ==, "柯城区");

  g_assert_true (fz_registry_delete_organization (f->registry, fz_organization_get_id (org), &error));
  g_assert_true (fz_registry_count_organizations (f->registry, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 1);
}

/* An import writes new persons many to a statement: a row the database
 * refuses (here a trigger stands for a rule the checks do not know) is still
 * named by its own line, whether its batch was written in the middle of the
 * sheet or at its end, and nothing is written. Ids go on past the import's,
 * and are never given twice. */
static void
test_import_refused_in_batch (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "city.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  const guint refused_lines[] = { 10, 38 };

  g_assert_true (fz_demo_write_persons (path, 5, 40, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (refused_lines); i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[refused_lines[i] - 1], ",", -1);
      g_autofree char *trigger =
        g_strdup_printf ("CREATE TRIGGER refuse BEFORE INSERT ON fz_person WHEN NEW.id_number = '%s' "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END", cells[2]);
      g_autoptr(FzImportReport) report = NULL;
      guint line = 0;

      g_assert_true (fz_database_exec (f->db, trigger, &error));
      g_assert_no_error (error);
      g_assert_false (fz_registry_import_file (f->registry, path, &report, &error));
      g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED);
      g_clear_error (&error);
      g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, 1);
      g_assert_nonnull (strstr (fz_import_report_get_problem (report, 0, &line), "refused by the test"));
      g_assert_cmpuint (line, ==, refused_lines[i]);
      g_assert_cmpuint (count (f, NULL), ==, 0);
      g_assert_false (fz_database_in_transaction (f->db));
      g_assert_true (fz_database_exec (f->db, "DROP TRIGGER refuse", &error));
    }

  {
    g_autoptr(FzImportReport) report = NULL;
    g_autoptr(FzPerson) last = NULL;
    g_autofree char *next_id = make_id ("330802", "19800101", 123);
    g_autofree char *after_id = make_id ("330802", "19800101", 125);
    g_autoptr(FzPerson) next = make_person ("新来", next_id, NULL, NULL);
    g_autoptr(FzPerson) after = make_person ("又来", after_id, NULL, NULL);
    g_auto(GStrv) cells = g_strsplit (lines[40], ",", -1);

    g_assert_true (fz_registry_import_file (f->registry, path, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fz_import_report_get_added (report), ==, 40);
    last = fz_registry_find_person_by_id_number (f->registry, cells[2], &error);
    g_assert_nonnull (last);
    g_assert_cmpint (fz_person_get_id (last), ==, 40);

    fz_person_set_category (next, 1);
    fz_person_set_grade (next, 1);
    g_assert_true (fz_registry_add_person (f->registry, next, &error));
    g_assert_no_error (error);
    g_assert_cmpint (fz_person_get_id (next), ==, 41);
    g_assert_true (fz_registry_delete_person (f->registry, 41, &error));
    fz_person_set_category (after, 1);
    fz_person_set_grade (after, 1);
    g_assert_true (fz_registry_add_person (f->registry, after, &error));
    g_assert_cmpint (fz_person_get_id (after), ==, 42);
  }
}

/* Deep pages start from a remembered key instead of an OFFSET: they must
 * be the very rows an OFFSET gives, for every kind of listing, and follow a
 * change at once. */
static void
assert_pages_match (Fixture              *f,
                    const FzPersonFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = fz_registry_list_persons (f->registry, filter, 0, G_MAXINT, &error);
  const guint offsets[] = { 0, 511, 512, 513, 1023, 1024, 1500, 2047, 2600, 1100, 3999, 5000 };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autoptr(GPtrArray) page = fz_registry_list_persons (f->registry, filter, offsets[i], 50, &error);
      guint expected = offsets[i] < all->len ? MIN (50, all->len - offsets[i]) : 0;

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, expected);
      for (guint k = 0; k < page->len; k++)
        g_assert_cmpint (fz_person_get_id (page->pdata[k]), ==, fz_person_get_id (all->pdata[offsets[i] + k]));
    }
}

static void
test_deep_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FzPersonFilter everyone = { NULL };
  FzPersonFilter county = { .county_code = "330881" };
  FzPersonFilter number = { .text = "3308" };
  FzPersonFilter certificate = { .text = "33" };
  FzPersonFilter surname = { .text = "王" };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_true (fz_demo_add_persons (f->registry, 3, 4000, NULL, &error));
  g_assert_no_error (error);
  /* The first digits match everyone, counted as the whole table. */
  g_assert_cmpuint (count_text (f, "3"), ==, 4000);
  g_assert_cmpuint (count_text (f, "330"), ==, 4000);
  g_assert_cmpuint (count_text (f, "4"), ==, 0);
  g_assert_cmpuint (count_text (f, "330881"), <, 4000);
  /* In the demo city, an identity number carries the county of the person. */
  g_assert_cmpuint (count_text (f, "330881"), ==, count (f, &county));
  assert_pages_match (f, &everyone);
  assert_pages_match (f, &county);
  assert_pages_match (f, &number);
  assert_pages_match (f, &certificate);
  assert_pages_match (f, &surname);

  /* A change moves the rows under a remembered key. */
  before = fz_registry_list_persons (f->registry, NULL, 2000, 2, &error);
  g_assert_true (fz_registry_delete_person (f->registry, 100, &error));
  g_assert_no_error (error);
  after = fz_registry_list_persons (f->registry, NULL, 2000, 1, &error);
  g_assert_cmpint (fz_person_get_id (after->pdata[0]), ==, fz_person_get_id (before->pdata[1]));
  assert_pages_match (f, &everyone);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Registry/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("schema", test_schema);
  ADD ("add-person", test_add_person);
  ADD ("add-invalid", test_add_invalid);
  ADD ("duplicate", test_duplicate);
  ADD ("update-delete", test_update_delete);
  ADD ("search-names", test_search_names);
  ADD ("search-numbers", test_search_numbers);
  ADD ("filters-paging", test_filters_paging);
  ADD ("deep-pages", test_deep_pages);
  ADD ("import-utf8", test_import_utf8);
  ADD ("import-utf8-bom", test_import_utf8_bom);
  ADD ("import-gb18030", test_import_gb18030);
  ADD ("import-english", test_import_english);
  ADD ("import-all-or-nothing", test_import_all_or_nothing);
  ADD ("import-sex-mismatch", test_import_sex_mismatch);
  ADD ("import-header-problems", test_import_header_problems);
  ADD ("import-again-and-update", test_import_again_and_update);
  ADD ("import-refused-in-batch", test_import_refused_in_batch);
  ADD ("export-csv-roundtrip", test_export_csv_roundtrip);
  ADD ("export-xlsx", test_export_xlsx);
  ADD ("import-xlsx", test_import_xlsx);
  ADD ("demo", test_demo);
  ADD ("organizations", test_organizations);
#undef ADD

  return g_test_run ();
}
