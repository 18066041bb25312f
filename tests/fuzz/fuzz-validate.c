/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-validate"

#include "config.h"

#include <string.h>

#include "fz-validate.h"
#include "fuzz.h"

/* Every checker of fz-validate.h on one hostile string: the identity
 * number (GB 11643), the certificate number, the unified social credit code
 * (GB 32100), names, phones, categories, grades, sexes, employment and
 * dates. The input is the text up to its first NUL; the bytes after it, up
 * to the next, are the person's identity number for the certificate.
 *
 * Beyond not crashing: a value is accepted or refused with an error, never
 * both or neither; an error names its field and is readable UTF-8; what is
 * accepted agrees with check digits computed here independently, and is
 * accepted again, identically, when given back in its normalised form. */

/* A fixed day, so that a run can be repeated. */
static GDate today;

static void
assert_field_error (GError     *error,
                    const char *field)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == FZ_VALIDATE_ERROR);
  g_assert_nonnull (error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("The message of a refusal is not UTF-8: %s", error->message);
  if (!g_str_has_prefix (error->message, field) || strncmp (error->message + strlen (field), ": ", 2) != 0)
    g_error ("The message “%s” does not begin with its field “%s”", error->message, field);
}

/* GB 11643: the weights are 2^(17-i) mod 11, the check makes the weighted
 * sum of all 18 characters 1 mod 11 (X for 10). */
static char
oracle_identity_check (const char *number)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      int weight = 1;
      for (int k = 0; k < 17 - i; k++)
        weight = weight * 2 % 11;
      sum += (number[i] - '0') * weight;
    }
  sum = (12 - sum % 11) % 11;
  return sum == 10 ? 'X' : (char) ('0' + sum);
}

/* GB 32100: 31 characters, weights 3^i mod 31, the check makes the sum 0 mod 31. */
static const char credit_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int
credit_value (char c)
{
  const char *at = c ? strchr (credit_charset, c) : NULL;

  return at ? (int) (at - credit_charset) : -1;
}

static char
oracle_credit_check (const char *code)
{
  int sum = 0, weight = 1;

  for (int i = 0; i < 17; i++)
    {
      sum += credit_value (code[i]) * weight;
      weight = weight * 3 % 31;
    }
  return credit_charset[(31 - sum % 31) % 31];
}

static void
check_identity (const char *text)
{
  g_autoptr(GError) error = NULL;
  FzIdentity id, again;
  gboolean ok;

  memset (&id, 0, sizeof id);
  ok = fz_validate_identity_number (text, &today, &id, &error);
  if (!ok)
    {
      assert_field_error (error, "Identity number");
      return;
    }
  g_assert_no_error (error);

  g_assert_cmpuint (strlen (id.number), ==, 18);
  for (int i = 0; i < 17; i++)
    g_assert_true (g_ascii_isdigit (id.number[i]));
  g_assert_cmpint (id.number[17], ==, oracle_identity_check (id.number));
  g_assert_cmpint (fz_identity_check_character (id.number), ==, id.number[17]);
  g_assert_cmpint (strncmp (id.address_code, id.number, 6), ==, 0);
  g_assert_cmpuint (strlen (id.address_code), ==, 6);
  g_assert_true (g_date_valid (&id.birth_date));
  g_assert_cmpint (g_date_compare (&id.birth_date, &today), <=, 0);
  g_assert_cmpuint (g_date_get_year (&id.birth_date), >=, 1800);
  {
    g_autofree char *digits = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&id.birth_date),
                                               g_date_get_month (&id.birth_date), g_date_get_day (&id.birth_date));
    g_assert_cmpint (strncmp (id.number + 6, digits, 8), ==, 0);
  }
  g_assert_cmpint (id.sex, ==, (id.number[16] - '0') % 2 ? FZ_SEX_MALE : FZ_SEX_FEMALE);

  /* Given back as it was understood: the same. */
  memset (&again, 0, sizeof again);
  g_assert_true (fz_validate_identity_number (id.number, &today, &again, NULL));
  g_assert_cmpstr (again.number, ==, id.number);
  g_assert_cmpstr (again.address_code, ==, id.address_code);
  g_assert_cmpint (g_date_compare (&again.birth_date, &id.birth_date), ==, 0);
  g_assert_cmpint (again.sex, ==, id.sex);
}

static void
check_certificate (const char *text,
                   const char *id_number,
                   guint       category,
                   guint       grade)
{
  g_autoptr(GError) error = NULL;
  FzDisabilityCard card, again;
  gboolean ok;

  memset (&card, 0, sizeof card);
  ok = fz_validate_certificate_number (text, NULL, 0, 0, &card, &error);
  if (!ok)
    assert_field_error (error, "Certificate number");
  else
    {
      char id_part[19];

      g_assert_no_error (error);
      g_assert_cmpuint (strlen (card.number), ==, 20);
      memcpy (id_part, card.number, 18);
      id_part[18] = '\0';
      /* Its first 18 characters are an identity number (as of the real today). */
      g_assert_true (fz_validate_identity_number (id_part, NULL, NULL, NULL));
      g_assert_cmpint (id_part[17], ==, oracle_identity_check (id_part));
      g_assert_cmpuint (card.category, >=, 1);
      g_assert_cmpuint (card.category, <=, FZ_CATEGORY_LAST);
      g_assert_cmpuint (card.grade, >=, 1);
      g_assert_cmpuint (card.grade, <=, FZ_GRADE_LAST);
      g_assert_cmpint (card.number[18], ==, (char) ('0' + card.category));
      g_assert_cmpint (card.number[19], ==, (char) ('0' + card.grade));

      memset (&again, 0, sizeof again);
      g_assert_true (fz_validate_certificate_number (card.number, id_part, card.category, card.grade, &again, NULL));
      g_assert_cmpstr (again.number, ==, card.number);
      g_assert_cmpuint (again.category, ==, card.category);
      g_assert_cmpuint (again.grade, ==, card.grade);
    }

  /* With a person's identity number, category and grade to agree with. */
  g_clear_error (&error);
  memset (&card, 0, sizeof card);
  ok = fz_validate_certificate_number (text, id_number, category, grade, &card, &error);
  if (!ok)
    assert_field_error (error, "Certificate number");
  else
    {
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (card.number), ==, 20);
      if (id_number && *id_number)
        {
          g_autofree char *id_norm = fz_normalize_number (id_number);
          g_assert_cmpint (strncmp (card.number, id_norm, 18), ==, 0);
        }
      if (category)
        g_assert_cmpuint (card.category, ==, category);
      if (grade)
        g_assert_cmpuint (card.grade, ==, grade);
    }
}

static void
check_credit_code (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *again = NULL;

  if (!fz_validate_credit_code (text, &code, &error))
    {
      assert_field_error (error, "Unified social credit code");
      g_assert_null (code);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==, 18);
  for (int i = 0; i < 18; i++)
    g_assert_cmpint (credit_value (code[i]), >=, 0);
  g_assert_cmpint (code[17], ==, oracle_credit_check (code));
  g_assert_cmpint (fz_credit_code_check_character (code), ==, code[17]);

  g_assert_true (fz_validate_credit_code (code, &again, NULL));
  g_assert_cmpstr (again, ==, code);
}

static void
check_name (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *again = NULL;

  if (!fz_validate_name (text, &name, &error))
    {
      assert_field_error (error, "Name");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (name, -1), >=, 1);
  g_assert_cmpint (g_utf8_strlen (name, -1), <=, 64);
  g_assert_false (g_ascii_isspace (name[0]));
  g_assert_false (g_ascii_isspace (name[strlen (name) - 1]));
  for (const char *p = name; *p; p++)
    g_assert_false (g_ascii_isdigit (*p));

  g_assert_true (fz_validate_name (name, &again, NULL));
  g_assert_cmpstr (again, ==, name);
}

/* Groups of 7 to 15 digits, separated by / ; , or 、, with - + ( ) and
 * spaces between the digits. */
static gboolean
oracle_phone (const char *phone)
{
  guint digits = 0;

  g_assert_true (g_utf8_validate (phone, -1, NULL));
  for (const char *p = phone; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c == '/' || c == ';' || c == ',' || c == 0x3001)
        {
          if (digits < 7 || digits > 15)
            return FALSE;
          digits = 0;
          if (c == 0)
            return TRUE;
        }
      else if (c >= '0' && c <= '9')
        digits++;
      else if (c != '-' && c != '+' && c != '(' && c != ')' && c != ' ')
        return FALSE;
    }
}

static void
check_phone (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *again = NULL;

  if (!fz_validate_phone (text, &phone, &error))
    {
      assert_field_error (error, "Phone");
      return;
    }
  g_assert_no_error (error);
  if (phone == NULL)
    return;  /* none given */
  if (!oracle_phone (phone))
    g_error ("“%s” was accepted as a phone number", phone);
  g_assert_true (fz_validate_phone (phone, &again, NULL));
  g_assert_cmpstr (again, ==, phone);
}

static void
check_parsers (const char *text)
{
  g_autoptr(GError) error = NULL;
  guint value = 0;
  FzSex sex = FZ_SEX_UNKNOWN;
  FzEmploymentStatus status = FZ_EMPLOYMENT_ANY;
  GDate date;

  if (fz_parse_category (text, &value, &error))
    {
      g_assert_cmpuint (value, >=, 1);
      g_assert_cmpuint (value, <=, FZ_CATEGORY_LAST);
    }
  else
    assert_field_error (error, "Category");
  g_clear_error (&error);

  if (fz_parse_grade (text, &value, &error))
    {
      g_assert_cmpuint (value, >=, 1);
      g_assert_cmpuint (value, <=, FZ_GRADE_LAST);
    }
  else
    assert_field_error (error, "Grade");
  g_clear_error (&error);

  if (fz_parse_sex (text, &sex, &error))
    g_assert_true (sex == FZ_SEX_MALE || sex == FZ_SEX_FEMALE);
  else
    assert_field_error (error, "Sex");
  g_clear_error (&error);

  if (fz_parse_employment_status (text, &status, &error))
    g_assert_true (status >= FZ_EMPLOYMENT_EMPLOYED && status <= FZ_EMPLOYMENT_UNKNOWN);
  else
    assert_field_error (error, "Employment status");
  g_clear_error (&error);

  g_date_clear (&date, 1);
  if (fz_parse_date (text, "Date", &date, &error))
    {
      g_autofree char *iso = NULL;
      GDate again;

      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), >=, 1900);
      g_assert_cmpuint (g_date_get_year (&date), <=, 2200);
      iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date));
      g_date_clear (&again, 1);
      g_assert_true (fz_parse_date (iso, "Date", &again, NULL));
      g_assert_cmpint (g_date_compare (&again, &date), ==, 0);
    }
  else
    assert_field_error (error, "Date");
}

static void
check_normalize (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *number = fz_normalize_number (text);
  gsize n = strlen (norm);

  g_autofree char *norm2 = fz_normalize_text (norm);
  g_autofree char *number2 = fz_normalize_number (number);

  /* Whatever the bytes: UTF-8 out, and normalising twice changes nothing. */
  g_assert_true (g_utf8_validate (norm, -1, NULL));
  g_assert_true (g_utf8_validate (number, -1, NULL));
  g_assert_true (n == 0 || (!g_ascii_isspace (norm[0]) && !g_ascii_isspace (norm[n - 1])));
  for (const char *p = number; *p; p++)
    g_assert_true (!g_ascii_isspace (*p) && !g_ascii_islower (*p));
  g_assert_cmpstr (norm2, ==, norm);
  g_assert_cmpstr (number2, ==, number);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const guint8 *nul = memchr (data, '\0', size);
  g_autofree char *text = g_strndup ((const char *) data, nul ? (gsize) (nul - data) : size);
  g_autofree char *id_number = nul ? g_strndup ((const char *) nul + 1, size - (gsize) (nul - data) - 1) : NULL;

  if (!g_date_valid (&today))
    {
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, G_DATE_JUNE, 2025);
    }

  check_normalize (text);
  check_identity (text);
  check_certificate (text, id_number, size % (FZ_CATEGORY_LAST + 1), (size / 8) % (FZ_GRADE_LAST + 1));
  check_credit_code (text);
  check_name (text);
  check_phone (text);
  check_parsers (text);
  return 0;
}
