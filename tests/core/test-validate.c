/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include "fuzhu.h"

static GDate *
make_date (guint year, guint month, guint day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_message (const GError *error,
                const char   *field,
                const char   *part)
{
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, field) || strstr (error->message, part) == NULL)
    g_error ("“%s” should begin with “%s” and mention “%s”", error->message, field, part);
}

static void
test_identity_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = make_date (2025, 12, 31);
  g_autoptr(GDate) day = NULL;
  FzIdentity id;

  g_assert_true (fz_validate_identity_number ("11010519491231002X", today, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id.number, ==, "11010519491231002X");
  g_assert_cmpstr (id.address_code, ==, "110105");
  g_assert_cmpint (g_date_get_year (&id.birth_date), ==, 1949);
  g_assert_cmpint (g_date_get_month (&id.birth_date), ==, 12);
  g_assert_cmpint (g_date_get_day (&id.birth_date), ==, 31);
  g_assert_cmpint (id.sex, ==, FZ_SEX_FEMALE);
  g_assert_cmpuint (fz_identity_get_age (&id, today), ==, 76);
  day = make_date (2025, 12, 30);
  g_assert_cmpuint (fz_identity_get_age (&id, day), ==, 75);

  g_assert_true (fz_validate_identity_number ("440524188001010014", today, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id.sex, ==, FZ_SEX_MALE);
  g_assert_cmpint (g_date_get_year (&id.birth_date), ==, 1880);

  /* Spreadsheet noise is forgiven: spaces, U+3000, full-width digits, lowercase x. */
  g_assert_true (fz_validate_identity_number ("  11010519491231002x\u3000", today, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id.number, ==, "11010519491231002X");
  g_assert_true (fz_validate_identity_number ("１１０１０５１９４９１２３１００２Ｘ", today, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id.number, ==, "11010519491231002X");
  g_assert_true (fz_validate_identity_number ("\t440524188001010014 ", NULL, NULL, &error));
  g_assert_no_error (error);

  /* An unknown (abolished) address code is not refused. */
  {
    char number[19] = "99999919800101001";
    number[17] = fz_identity_check_character (number);
    number[18] = '\0';
    g_assert_true (fz_validate_identity_number (number, today, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_identity_bad (void)
{
  g_autoptr(GDate) today = make_date (2025, 6, 1);
  struct {
    const char *text;
    int         code;
    const char *part;
  } cases[] = {
    { "",                     FZ_VALIDATE_ERROR_EMPTY,       "missing" },
    { "110105194912310023",   FZ_VALIDATE_ERROR_CHECK,       "should be X, not 3" },
    { "440524188001010013",   FZ_VALIDATE_ERROR_CHECK,       "should be 4, not 3" },
    { "11010519491231002",    FZ_VALIDATE_ERROR_LENGTH,      "18 are needed" },
    { "1101051949123100201",  FZ_VALIDATE_ERROR_LENGTH,      "18 are needed" },
    { "110105491231002",      FZ_VALIDATE_ERROR_LENGTH,      "15-digit" },
    { "1101051949123100A2",   FZ_VALIDATE_ERROR_CHARACTER,   "position 17" },
    { "11010519491331002X",   FZ_VALIDATE_ERROR_DATE,        "not a real date" },
    { "110105194902300020",   FZ_VALIDATE_ERROR_DATE,        "not a real date" },
    { "110105203001010020",   FZ_VALIDATE_ERROR_DATE,        "future" },
    { "3.30802E+17",          FZ_VALIDATE_ERROR_SPREADSHEET, "as text" },
    { "3.30802199001011e+17", FZ_VALIDATE_ERROR_SPREADSHEET, "as text" },
    { "330802199001011000",   FZ_VALIDATE_ERROR_SPREADSHEET, "as text" },
    { "张三",                 FZ_VALIDATE_ERROR_LENGTH,      "18 are needed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("identity number “%s”", cases[i].text);
      g_assert_false (fz_validate_identity_number (cases[i].text, today, NULL, &error));
      g_assert_error (error, FZ_VALIDATE_ERROR, cases[i].code);
      assert_message (error, "Identity number: ", cases[i].part);
    }
}

static void
test_certificate (void)
{
  g_autoptr(GError) error = NULL;
  FzDisabilityCard cert;
  struct {
    const char *text;
    const char *id;
    guint       category;
    guint       grade;
    int         code;
    const char *part;
  } bad[] = {
    { "",                        NULL, 0, 0, FZ_VALIDATE_ERROR_EMPTY,       "missing" },
    { "11010519491231002X4",     NULL, 0, 0, FZ_VALIDATE_ERROR_LENGTH,      "20 are needed" },
    { "11010519491231002X",      "11010519491231002X", 0, 0, FZ_VALIDATE_ERROR_LENGTH, "category and grade" },
    { "11010519491231002X82",    NULL, 0, 0, FZ_VALIDATE_ERROR_CHARACTER,   "must be 1 to 7" },
    { "11010519491231002X45",    NULL, 0, 0, FZ_VALIDATE_ERROR_CHARACTER,   "must be 1 to 4" },
    { "11010519491231002X42",    "440524188001010014", 0, 0, FZ_VALIDATE_ERROR_MISMATCH, "does not begin" },
    { "11010519491231002X42",    "11010519491231002X", 1, 0, FZ_VALIDATE_ERROR_MISMATCH, "category 4" },
    { "11010519491231002X42",    "11010519491231002X", 4, 3, FZ_VALIDATE_ERROR_MISMATCH, "grade 2" },
    { "11010519491231002342",    NULL, 0, 0, FZ_VALIDATE_ERROR_CHECK,       "should be X" },
    { "3.30802E+19",             NULL, 0, 0, FZ_VALIDATE_ERROR_SPREADSHEET, "as text" },
  };

  g_assert_true (fz_validate_certificate_number ("11010519491231002X42", "11010519491231002X",
                                                 4, 2, &cert, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cert.number, ==, "11010519491231002X42");
  g_assert_cmpuint (cert.category, ==, 4);
  g_assert_cmpuint (cert.grade, ==, 2);

  /* Without the person's numbers, the certificate tells them. */
  g_assert_true (fz_validate_certificate_number (" 44052418800101001471 ", NULL, 0, 0, &cert, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cert.category, ==, 7);
  g_assert_cmpuint (cert.grade, ==, 1);

  g_assert_true (fz_validate_certificate_number ("11010519491231002x42", "11010519491231002x",
                                                 0, 0, &cert, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cert.number, ==, "11010519491231002X42");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local = NULL;

      g_test_message ("certificate number “%s”", bad[i].text);
      g_assert_false (fz_validate_certificate_number (bad[i].text, bad[i].id, bad[i].category,
                                                      bad[i].grade, NULL, &local));
      g_assert_error (local, FZ_VALIDATE_ERROR, bad[i].code);
      assert_message (local, "Certificate number: ", bad[i].part);
    }
}

static void
test_credit_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *norm = NULL;
  struct {
    const char *text;
    int         code;
    const char *part;
  } bad[] = {
    { "",                   FZ_VALIDATE_ERROR_EMPTY,     "missing" },
    { "91350100M000100Y4",  FZ_VALIDATE_ERROR_LENGTH,    "18 are needed" },
    { "91350100M000100Y44", FZ_VALIDATE_ERROR_CHECK,     "should be 3, not 4" },
    { "91350100MO00100Y43", FZ_VALIDATE_ERROR_CHARACTER, "position 10" },
    { "91110000600037341I", FZ_VALIDATE_ERROR_CHARACTER, "position 18" },
  };

  g_assert_true (fz_validate_credit_code ("91350100M000100Y43", &norm, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "91350100M000100Y43");
  g_clear_pointer (&norm, g_free);
  g_assert_true (fz_validate_credit_code (" 91110000600037341l ", &norm, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "91110000600037341L");
  g_assert_cmpint (fz_credit_code_check_character ("91350100M000100Y4"), ==, '3');
  /* Not to be taken for a number a spreadsheet wrote as 5.1E+17. */
  g_clear_pointer (&norm, g_free);
  g_assert_true (fz_validate_credit_code ("51330822E378432658", &norm, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local = NULL;

      g_test_message ("credit code “%s”", bad[i].text);
      g_assert_false (fz_validate_credit_code (bad[i].text, NULL, &local));
      g_assert_error (local, FZ_VALIDATE_ERROR, bad[i].code);
      assert_message (local, "Unified social credit code: ", bad[i].part);
    }
}

static void
test_normalize (void)
{
  struct { const char *in, *text, *number; } cases[] = {
    { NULL,                    "",             "" },
    { "  张三  ",              "张三",         "张三" },
    { "\u3000李四\u3000",      "李四",         "李四" },
    { "１２３ ａｂｃ",         "123 abc",      "123ABC" },
    { "\xef\xbb\xbf王五",      "王五",         "王五" },
    { "330802 1990 x",         "330802 1990 x", "3308021990X" },
    { "县（市、区）",           "县(市、区)",   "县(市、区)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fz_normalize_text (cases[i].in);
      g_autofree char *number = fz_normalize_number (cases[i].in);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (number, ==, cases[i].number);
    }
}

static void
test_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *norm = NULL;
  guint value = 0;
  FzSex sex = FZ_SEX_UNKNOWN;
  FzEmploymentStatus status = FZ_EMPLOYMENT_ANY;
  GDate date;
  struct { const char *text; guint value; } categories[] = {
    { "1", 1 }, { "视力", 1 }, { "视力残疾", 1 }, { "听力类", 2 }, { "言语", 3 }, { "肢体残疾", 4 },
    { "智力", 5 }, { "精神", 6 }, { "多重", 7 }, { "７", 7 }, { "Physical", 4 }, { "mental", 6 },
  };
  struct { const char *text; guint value; } grades[] = {
    { "1", 1 }, { "一级", 1 }, { "二", 2 }, { "3级", 3 }, { "肆级", 4 }, { "grade 2", 2 }, { "４", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_assert_true (fz_parse_category (categories[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (value, ==, categories[i].value);
    }
  g_assert_false (fz_parse_category ("8", &value, &error));
  assert_message (error, "Category: ", "not a category");
  g_clear_error (&error);
  g_assert_false (fz_parse_category ("", &value, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_assert_true (fz_parse_grade (grades[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (value, ==, grades[i].value);
    }
  g_assert_false (fz_parse_grade ("五级", &value, &error));
  assert_message (error, "Grade: ", "not a grade");
  g_clear_error (&error);

  g_assert_true (fz_parse_sex ("女", &sex, &error));
  g_assert_cmpint (sex, ==, FZ_SEX_FEMALE);
  g_assert_true (fz_parse_sex (" male", &sex, &error));
  g_assert_cmpint (sex, ==, FZ_SEX_MALE);
  g_assert_false (fz_parse_sex ("未知", &sex, &error));
  assert_message (error, "Sex: ", "not a sex");
  g_clear_error (&error);

  g_assert_true (fz_parse_employment_status ("已就业", &status, &error));
  g_assert_cmpint (status, ==, FZ_EMPLOYMENT_EMPLOYED);
  g_assert_true (fz_parse_employment_status ("未就业 ", &status, &error));
  g_assert_cmpint (status, ==, FZ_EMPLOYMENT_UNEMPLOYED);
  g_assert_true (fz_parse_employment_status ("", &status, &error));
  g_assert_cmpint (status, ==, FZ_EMPLOYMENT_UNKNOWN);
  g_assert_true (fz_parse_employment_status ("Employed", &status, &error));
  g_assert_cmpint (status, ==, FZ_EMPLOYMENT_EMPLOYED);
  g_assert_false (fz_parse_employment_status ("maybe", &status, &error));
  assert_message (error, "Employment status: ", "not an employment status");
  g_clear_error (&error);

  g_assert_true (fz_parse_date ("2023-05-01", "Date", &date, &error));
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_true (fz_parse_date ("2023年5月1日", "Date", &date, &error));
  g_assert_cmpint (g_date_get_month (&date), ==, 5);
  g_assert_true (fz_parse_date ("2023/12/31", "Date", &date, &error));
  g_assert_cmpint (g_date_get_day (&date), ==, 31);
  g_assert_true (fz_parse_date ("20230501", "Date", &date, &error));
  g_assert_true (fz_parse_date ("２０２３.５.１", "Date", &date, &error));
  g_assert_no_error (error);
  g_assert_false (fz_parse_date ("2023-02-30", "Date", &date, &error));
  assert_message (error, "Date: ", "not a date");
  g_clear_error (&error);
  g_assert_false (fz_parse_date ("May 2023", "Date", &date, &error));
  g_clear_error (&error);
  g_assert_false (fz_parse_date ("2023-05-01-02", "Date", &date, &error));
  g_clear_error (&error);

  g_assert_true (fz_validate_name (" 欧阳娜娜 ", &norm, &error));
  g_assert_cmpstr (norm, ==, "欧阳娜娜");
  g_clear_pointer (&norm, g_free);
  g_assert_false (fz_validate_name ("13812345678", NULL, &error));
  assert_message (error, "Name: ", "digits");
  g_clear_error (&error);
  g_assert_false (fz_validate_name ("\u3000", NULL, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (fz_validate_phone ("１３８１２３４５６７８", &norm, &error));
  g_assert_cmpstr (norm, ==, "13812345678");
  g_clear_pointer (&norm, g_free);
  g_assert_true (fz_validate_phone ("0570-8012345", &norm, &error));
  g_clear_pointer (&norm, g_free);
  g_assert_true (fz_validate_phone ("", &norm, &error));
  g_assert_null (norm);
  g_assert_true (fz_validate_phone ("13812345678/0570-8012345", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (fz_validate_phone ("12345", NULL, &error));
  assert_message (error, "Phone: ", "not a phone number");
  g_clear_error (&error);
  g_assert_false (fz_validate_phone ("1.38123E+10", NULL, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_SPREADSHEET);
  g_clear_error (&error);
}

/* Found by the fuzz-validate target (tests/fuzz): characters whose code
 * point ends in the byte of a digit were counted as digits. */
static void
test_phone_digits_are_ascii (void)
{
  g_autoptr(GError) error = NULL;

  /* 畷 is U+7537, 丰 U+4E30. */
  g_assert_false (fz_validate_phone ("畷3812345678", NULL, &error));
  assert_message (error, "Phone: ", "not a phone number");
  g_clear_error (&error);
  g_assert_false (fz_validate_phone ("丰丰丰丰丰丰丰", NULL, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER);
}

/* Bytes that are not UTF-8 (a command-line argument in another encoding):
 * refused with a message that is UTF-8, and never read past their end (a
 * lead byte last, which claims bytes that are not there; found by the
 * fuzz-validate target, seen under AddressSanitizer or valgrind). */
static void
test_not_utf8 (void)
{
  static const char *values[] = { "\xF0", "33080219900101123\xE4", "\xD5\xC5\xC8\xFD", "\x80\x80" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *norm = fz_normalize_number (values[i]);
      guint number;
      FzSex sex;
      FzEmploymentStatus status;

      g_assert_true (g_utf8_validate (norm, -1, NULL));
      g_assert_nonnull (g_utf8_strchr (norm, -1, 0xFFFD));
      g_assert_false (fz_validate_identity_number (values[i], NULL, NULL, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_validate_certificate_number (values[i], NULL, 0, 0, NULL, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_validate_credit_code (values[i], NULL, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_validate_name (values[i], NULL, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_validate_phone (values[i], NULL, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_parse_sex (values[i], &sex, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_parse_employment_status (values[i], &status, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      g_assert_false (fz_parse_grade (values[i], &number, &error));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }
  /* The one character counted as one, not as what its first byte claims. */
  g_assert_false (fz_validate_identity_number ("\xF0", NULL, NULL, &error));
  assert_message (error, "Identity number: ", "has 1 characters");
  g_clear_error (&error);

  /* Two stray bytes around an invisible U+FEFF, dropped, made U+3000 (an
   * ideographic space) that was kept at the front of a name (found by the
   * fuzz-validate target under libFuzzer). */
  {
    g_autofree char *norm = fz_normalize_text ("\xE3\x80\xEF\xBB\xBF\x80就业");

    g_assert_cmpstr (norm, ==, "\uFFFD\uFFFD\uFFFD就业");
    g_assert_false (fz_validate_name ("\xE3\x80\xEF\xBB\xBF\x80就业", NULL, &error));
    assert_message (error, "Name: ", "not readable");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Validate/identity-good", test_identity_good);
  g_test_add_func ("/Fuzhu/Validate/identity-bad", test_identity_bad);
  g_test_add_func ("/Fuzhu/Validate/certificate", test_certificate);
  g_test_add_func ("/Fuzhu/Validate/credit-code", test_credit_code);
  g_test_add_func ("/Fuzhu/Validate/normalize", test_normalize);
  g_test_add_func ("/Fuzhu/Validate/fields", test_fields);
  g_test_add_func ("/Fuzhu/Validate/phone-digits-are-ascii", test_phone_digits_are_ascii);
  g_test_add_func ("/Fuzhu/Validate/not-utf8", test_not_utf8);

  return g_test_run ();
}
