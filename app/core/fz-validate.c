/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-validate"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "fz-validate.h"

G_DEFINE_QUARK (fz-validate-error-quark, fz_validate_error)

static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_checks[] = "10X98765432";

static const char credit_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int credit_weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static const char *category_names[] = {
  NULL, N_("visual"), N_("hearing"), N_("speech"), N_("physical"),
  N_("intellectual"), N_("mental"), N_("multiple"),
};

/* How the categories are written in Chinese sheets, whatever the UI language. */
static const char *category_hanzi[] = {
  NULL, "视力", "听力", "言语", "肢体", "智力", "精神", "多重",
};
static const char *category_english[] = {
  NULL, "VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL", "MENTAL", "MULTIPLE",
};

/* Reports "Field: what is wrong". @field is already translated. */
static void G_GNUC_PRINTF (4, 5)
set_field_error (GError     **error,
                 int          code,
                 const char  *field,
                 const char  *format,
                 ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  /* The value quoted may be bytes that are not UTF-8: a message is shown. */
  if (!g_utf8_validate (detail, -1, NULL))
    {
      char *valid = g_utf8_make_valid (detail, -1);
      g_free (detail);
      detail = valid;
    }

  /* Translators: a field name, then what is wrong with its value */
  g_set_error (error, FZ_VALIDATE_ERROR, code, _("%s: %s"), field, detail);
}

static gunichar
fold_char (gunichar c)
{
  /* Full-width ASCII, as typed with a Chinese input method. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  switch (c)
    {
    case 0x3000: /* ideographic space */
    case 0x00A0: /* no-break space */
    case 0x2002: case 0x2003: case 0x2009: case 0x202F:
      return ' ';
    default:
      return c;
    }
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060;
}

char *
fz_normalize_text (const char *text)
{
  char *out, *w;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  /* Not UTF-8: U+FFFD for each byte that is not, which the checks refuse.
   * Not the bytes themselves: two of them around an invisible character
   * that is dropped would join into a character, never checked. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return fz_normalize_text (valid);
    }

  /* Folding never lengthens a character, so the text's own length is
   * enough; ASCII, most of a sheet, is copied as it is. */
  out = w = g_malloc (strlen (text) + 1);
  for (p = text; *p; )
    {
      gunichar c;
      const char *next;

      if ((guchar) *p < 0x80)
        {
          *w++ = *p++;
          continue;
        }
      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (!is_invisible (c))
        {
          gunichar folded = fold_char (c);

          if (folded == c)
            {
              memcpy (w, p, next - p);
              w += next - p;
            }
          else
            w += g_unichar_to_utf8 (folded, w);
        }
      p = next;
    }
  *w = '\0';
  return g_strstrip (out);
}

char *
fz_normalize_number (const char *text)
{
  char *norm = fz_normalize_text (text);
  char *w = norm;

  for (const char *r = norm; *r; r++)
    if (!g_ascii_isspace (*r))
      *w++ = g_ascii_toupper (*r);
  *w = '\0';
  return norm;
}

/* 3.30802E+17, 3.30802199001011E+17, 3E+17: what a spreadsheet shows for a
 * long number it holds as a number. @text is normalised (upper case). */
static gboolean
looks_scientific (const char *text)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  /* Spreadsheets always write the sign: 51330822E378432658 is a valid credit code. */
  if (p[0] != 'E' || p[1] != '+')
    return FALSE;
  p += 2;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

/* Characters as a person counts them; a byte that is not UTF-8 is one.
 * (g_utf8_strlen() would step past the end of such a string.) */
static guint
count_characters (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  return (guint) g_utf8_strlen (valid, -1);
}

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Not GDateTime: it reads the time zone file each time, and a sheet has
 * 200,000 numbers. */
static void
get_today (GDate *date)
{
  time_t t = time (NULL);
  struct tm tm;

  g_date_clear (date, 1);
  if (localtime_r (&t, &tm) == NULL)
    g_date_set_time_t (date, t);
  else
    g_date_set_dmy (date, (GDateDay) tm.tm_mday, (GDateMonth) (tm.tm_mon + 1),
                    (GDateYear) (tm.tm_year + 1900));
}

char
fz_identity_check_character (const char *number)
{
  int sum = 0;

  g_return_val_if_fail (number != NULL, 0);

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (number[i]))
        return 0;
      sum += (number[i] - '0') * id_weights[i];
    }
  return id_checks[sum % 11];
}

/* The checks of an identity number, reported under @field so that a
 * certificate number can reuse them for its first 18 characters. @norm is
 * normalised. */
static gboolean
check_identity (const char   *norm,
                const char   *field,
                const GDate  *today,
                FzIdentity   *identity,
                GError      **error)
{
  gsize len = strlen (norm);
  GDate real_today;
  GDate birth;
  guint year, month, day;
  char expected;

  if (len == 0)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }
  if (looks_scientific (norm))
    {
      set_field_error (error, FZ_VALIDATE_ERROR_SPREADSHEET, field,
                       _("“%s” is what a spreadsheet shows when it stores the column as a number, which loses digits; format the column as text and enter the numbers again"),
                       norm);
      return FALSE;
    }
  if (len != 18)
    {
      if (len == 15 && all_digits (norm, 15))
        set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, field,
                         _("“%s” is an old 15-digit number; the 18-character number is needed"), norm);
      else
        set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, field,
                         _("“%s” has %u characters, 18 are needed"),
                         norm, count_characters (norm));
      return FALSE;
    }
  for (guint i = 0; i < 18; i++)
    {
      if (g_ascii_isdigit (norm[i]) || (i == 17 && norm[i] == 'X'))
        continue;
      if ((guchar) norm[i] >= 0x80)
        set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                         _("“%s” contains a character that is not a digit"), norm);
      else
        set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                         _("“%c” at position %u is not allowed: only digits, and X as the last character"),
                         norm[i], i + 1);
      return FALSE;
    }

  year = (norm[6] - '0') * 1000 + (norm[7] - '0') * 100 + (norm[8] - '0') * 10 + (norm[9] - '0');
  month = (norm[10] - '0') * 10 + (norm[11] - '0');
  day = (norm[12] - '0') * 10 + (norm[13] - '0');
  if (year < 1800 || !g_date_valid_dmy (day, month, year))
    {
      set_field_error (error, FZ_VALIDATE_ERROR_DATE, field,
                       _("the birth date %.8s in it is not a real date"), norm + 6);
      return FALSE;
    }
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  if (today == NULL)
    {
      get_today (&real_today);
      today = &real_today;
    }
  if (g_date_compare (&birth, today) > 0)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_DATE, field,
                       _("the birth date %04u-%02u-%02u in it is in the future"), year, month, day);
      return FALSE;
    }

  expected = fz_identity_check_character (norm);
  if (norm[17] != expected)
    {
      if (g_str_has_suffix (norm, "000"))
        set_field_error (error, FZ_VALIDATE_ERROR_SPREADSHEET, field,
                         _("“%s” ends in 000 and its check digit is wrong: a spreadsheet stored the column as a number and kept only 15 digits; format the column as text and enter the numbers again"),
                         norm);
      else
        set_field_error (error, FZ_VALIDATE_ERROR_CHECK, field,
                         _("the check digit should be %c, not %c"), expected, norm[17]);
      return FALSE;
    }

  if (identity)
    {
      memcpy (identity->number, norm, 18);
      identity->number[18] = '\0';
      memcpy (identity->address_code, norm, 6);
      identity->address_code[6] = '\0';
      identity->birth_date = birth;
      identity->sex = ((norm[16] - '0') % 2) ? FZ_SEX_MALE : FZ_SEX_FEMALE;
    }
  return TRUE;
}

gboolean
fz_validate_identity_number (const char   *text,
                             const GDate  *today,
                             FzIdentity   *identity,
                             GError      **error)
{
  g_autofree char *norm = fz_normalize_number (text);

  return check_identity (norm, _("Identity number"), today, identity, error);
}

guint
fz_identity_get_age (const FzIdentity *identity,
                     const GDate      *on)
{
  const GDate *b;
  int years;

  g_return_val_if_fail (identity != NULL, 0);
  g_return_val_if_fail (on != NULL && g_date_valid (on), 0);

  b = &identity->birth_date;
  years = (int) g_date_get_year (on) - (int) g_date_get_year (b);
  if (g_date_get_month (on) < g_date_get_month (b) ||
      (g_date_get_month (on) == g_date_get_month (b) &&
       g_date_get_day (on) < g_date_get_day (b)))
    years--;
  return years > 0 ? (guint) years : 0;
}

gboolean
fz_validate_certificate_number (const char     *text,
                                const char     *id_number,
                                guint           category,
                                guint           grade,
                                FzDisabilityCard  *cert,
                                GError        **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  const char *field = _("Certificate number");
  gsize len = strlen (norm);
  guint cert_category, cert_grade;

  if (len == 0)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }
  if (looks_scientific (norm) ||
      (len == 20 && all_digits (norm, 20) && g_str_has_suffix (norm, "00000")))
    {
      set_field_error (error, FZ_VALIDATE_ERROR_SPREADSHEET, field,
                       _("“%s” was damaged by a spreadsheet that stored the column as a number, which keeps only 15 digits; format the column as text and enter the numbers again"),
                       norm);
      return FALSE;
    }
  if (len != 20)
    {
      if (len == 18 && id_number && strcmp (norm, id_number) == 0)
        set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, field, "%s",
                         _("it is only the identity number: the category and grade digits at the end are missing"));
      else
        set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, field,
                         _("“%s” has %u characters, 20 are needed (the identity number, the category and the grade)"),
                         norm, count_characters (norm));
      return FALSE;
    }

  if (id_number != NULL && *id_number != '\0')
    {
      g_autofree char *id_norm = fz_normalize_number (id_number);
      if (strncmp (norm, id_norm, 18) != 0)
        {
          set_field_error (error, FZ_VALIDATE_ERROR_MISMATCH, field,
                           _("“%s” does not begin with the person’s identity number %s"), norm, id_norm);
          return FALSE;
        }
    }
  else
    {
      char id_part[19];
      g_autoptr(GError) id_error = NULL;

      memcpy (id_part, norm, 18);
      id_part[18] = '\0';
      if (!check_identity (id_part, field, NULL, NULL, &id_error))
        {
          g_propagate_error (error, g_steal_pointer (&id_error));
          return FALSE;
        }
    }

  if (norm[18] < '1' || norm[18] > '0' + FZ_CATEGORY_LAST)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                       _("its 19th character is the category and must be 1 to 7, not “%c”"), norm[18]);
      return FALSE;
    }
  if (norm[19] < '1' || norm[19] > '0' + FZ_GRADE_LAST)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                       _("its 20th character is the grade and must be 1 to 4, not “%c”"), norm[19]);
      return FALSE;
    }
  cert_category = norm[18] - '0';
  cert_grade = norm[19] - '0';
  if (category != 0 && category != cert_category)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_MISMATCH, field,
                       _("it says category %u (%s), but the category given is %u (%s)"),
                       cert_category, fz_category_to_string (cert_category),
                       category, fz_category_to_string (category));
      return FALSE;
    }
  if (grade != 0 && grade != cert_grade)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_MISMATCH, field,
                       _("it says grade %u, but the grade given is %u"), cert_grade, grade);
      return FALSE;
    }

  if (cert)
    {
      memcpy (cert->number, norm, 20);
      cert->number[20] = '\0';
      cert->category = cert_category;
      cert->grade = cert_grade;
    }
  return TRUE;
}

char
fz_credit_code_check_character (const char *code)
{
  int sum = 0;
  int check;

  g_return_val_if_fail (code != NULL, 0);

  for (int i = 0; i < 17; i++)
    {
      const char *at = code[i] ? strchr (credit_charset, code[i]) : NULL;
      if (at == NULL)
        return 0;
      sum += (int) (at - credit_charset) * credit_weights[i];
    }
  check = 31 - sum % 31;
  return credit_charset[check == 31 ? 0 : check];
}

gboolean
fz_validate_credit_code (const char  *text,
                         char       **normalized,
                         GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  const char *field = _("Unified social credit code");
  gsize len = strlen (norm);
  char expected;

  if (len == 0)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }
  if (looks_scientific (norm))
    {
      set_field_error (error, FZ_VALIDATE_ERROR_SPREADSHEET, field,
                       _("“%s” is what a spreadsheet shows when it stores the column as a number, which loses digits; format the column as text and enter the numbers again"),
                       norm);
      return FALSE;
    }
  if (len != 18)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, field,
                       _("“%s” has %u characters, 18 are needed"), norm, count_characters (norm));
      return FALSE;
    }
  for (guint i = 0; i < 18; i++)
    if (strchr (credit_charset, norm[i]) == NULL)
      {
        if ((guchar) norm[i] >= 0x80)
          set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                           _("“%s” contains a character that is not a digit or a letter"), norm);
        else
          set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                           _("“%c” at position %u is not allowed (the letters I, O, S, V and Z are never used)"),
                           norm[i], i + 1);
        return FALSE;
      }
  expected = fz_credit_code_check_character (norm);
  if (norm[17] != expected)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_CHECK, field,
                       _("the check character should be %c, not %c"), expected, norm[17]);
      return FALSE;
    }
  if (normalized)
    *normalized = g_steal_pointer (&norm);
  return TRUE;
}

gboolean
fz_validate_name (const char  *text,
                  char       **normalized,
                  GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  const char *field = _("Name");
  glong n;

  if (*norm == '\0')
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }
  /* U+FFFD: bytes that were not UTF-8, or a conversion that went wrong before. */
  if (g_utf8_strchr (norm, -1, 0xFFFD) != NULL)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field, "%s", _("the text is not readable"));
      return FALSE;
    }
  n = g_utf8_strlen (norm, -1);
  if (n > 64)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, field,
                       _("it has %u characters, at most 64 are allowed"), (guint) n);
      return FALSE;
    }
  for (const char *p = norm; *p; p++)
    if (g_ascii_isdigit (*p))
      {
        set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                         _("“%s” contains digits; are the columns in the right order?"), norm);
        return FALSE;
      }
  if (normalized)
    *normalized = g_steal_pointer (&norm);
  return TRUE;
}

gboolean
fz_validate_phone (const char  *text,
                   char       **normalized,
                   GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  const char *field = _("Phone");
  guint digits = 0;
  gboolean ok = TRUE;

  if (normalized)
    *normalized = NULL;
  if (*norm == '\0')
    return TRUE;

  {
    g_autofree char *upper = g_ascii_strup (norm, -1);
    if (looks_scientific (upper))
      {
        set_field_error (error, FZ_VALIDATE_ERROR_SPREADSHEET, field,
                         _("“%s” is what a spreadsheet shows when it stores the column as a number, which loses digits; format the column as text and enter the numbers again"),
                         norm);
        return FALSE;
      }
  }

  /* Several numbers may be given, separated by / ; , or 、. */
  ok = g_utf8_validate (norm, -1, NULL);
  for (const char *p = norm; ok; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c == '/' || c == ';' || c == ',' || c == 0x3001)
        {
          ok = digits >= 7 && digits <= 15;
          digits = 0;
          if (c == 0)
            break;
        }
      /* Not g_ascii_isdigit (c) alone: it looks at the low byte, and 畷 is U+7537. */
      else if (c < 0x80 && g_ascii_isdigit (c))
        digits++;
      else if (c != '-' && c != '+' && c != '(' && c != ')' && c != ' ')
        ok = FALSE;
    }
  if (!ok)
    {
      set_field_error (error, FZ_VALIDATE_ERROR_CHARACTER, field,
                       _("“%s” is not a phone number (7 to 15 digits)"), norm);
      return FALSE;
    }
  if (normalized)
    *normalized = g_steal_pointer (&norm);
  return TRUE;
}

static gboolean
strip_suffix (char       *text,
              const char *suffix)
{
  gsize n = strlen (text), m = strlen (suffix);

  if (n > m && strcmp (text + n - m, suffix) == 0)
    {
      text[n - m] = '\0';
      return TRUE;
    }
  return FALSE;
}

static int
hanzi_number (const char *text)
{
  static const char *small[] = { "一", "二", "三", "四", "五", "六", "七" };
  static const char *formal[] = { "壹", "贰", "叁", "肆", "伍", "陆", "柒" };

  for (int i = 0; i < 7; i++)
    if (strcmp (text, small[i]) == 0 || strcmp (text, formal[i]) == 0)
      return i + 1;
  return 0;
}

static char *
join_categories (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i <= FZ_CATEGORY_LAST; i++)
    {
      if (i > 1)
        g_string_append (s, _(", "));
      g_string_append (s, _(category_names[i]));
    }
  return g_string_free (s, FALSE);
}

gboolean
fz_parse_category (const char  *text,
                   guint       *category,
                   GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  const char *field = _("Category");

  if (*norm == '\0')
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }
  strip_suffix (norm, "类");
  strip_suffix (norm, "残疾");
  strip_suffix (norm, "类");
  if (strlen (norm) == 1 && norm[0] >= '1' && norm[0] <= '0' + FZ_CATEGORY_LAST)
    {
      *category = norm[0] - '0';
      return TRUE;
    }
  for (guint i = 1; i <= FZ_CATEGORY_LAST; i++)
    if (strcmp (norm, category_hanzi[i]) == 0 || strcmp (norm, category_english[i]) == 0)
      {
        *category = i;
        return TRUE;
      }
  /* The names in the user's language too, when it is neither. */
  for (guint i = 1; i <= FZ_CATEGORY_LAST; i++)
    {
      g_autofree char *translated = g_utf8_strup (_(category_names[i]), -1);

      if (strcmp (norm, translated) == 0)
        {
          *category = i;
          return TRUE;
        }
    }
  if (strcmp (norm, "VISION") == 0)
    *category = FZ_CATEGORY_VISUAL;
  else if (strcmp (norm, "PSYCHIATRIC") == 0)
    *category = FZ_CATEGORY_MENTAL;
  else
    {
      g_autofree char *list = join_categories ();
      g_autofree char *shown = fz_normalize_text (text);
      set_field_error (error, FZ_VALIDATE_ERROR_UNKNOWN, field,
                       _("“%s” is not a category; use 1 to 7 or one of %s"), shown, list);
      return FALSE;
    }
  return TRUE;
}

gboolean
fz_parse_grade (const char  *text,
                guint       *grade,
                GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  const char *field = _("Grade");
  const char *p = norm;
  int n;

  if (*norm == '\0')
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }
  strip_suffix (norm, "残疾");
  strip_suffix (norm, "级");
  if (g_str_has_prefix (p, "GRADE"))
    p += 5;
  n = hanzi_number (p);
  if (n == 0 && strlen (p) == 1 && g_ascii_isdigit (*p))
    n = *p - '0';
  if (n < 1 || n > FZ_GRADE_LAST)
    {
      g_autofree char *shown = fz_normalize_text (text);
      set_field_error (error, FZ_VALIDATE_ERROR_UNKNOWN, field,
                       _("“%s” is not a grade; use 1 to 4 or 一级 to 四级"), shown);
      return FALSE;
    }
  *grade = (guint) n;
  return TRUE;
}

gboolean
fz_parse_sex (const char  *text,
              FzSex       *sex,
              GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  gboolean text_ok;

  if (*norm == '\0')
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, _("Sex"), "%s", _("the value is missing"));
      return FALSE;
    }
  /* g_utf8_collate() reads past the end of bytes that are not UTF-8. */
  text_ok = g_utf8_validate (norm, -1, NULL);
  if (strcmp (norm, "男") == 0 || strcmp (norm, "男性") == 0 || strcmp (norm, "MALE") == 0 ||
      strcmp (norm, "M") == 0 || strcmp (norm, "1") == 0 ||
      (text_ok && g_utf8_collate (norm, _("male")) == 0))
    *sex = FZ_SEX_MALE;
  else if (strcmp (norm, "女") == 0 || strcmp (norm, "女性") == 0 || strcmp (norm, "FEMALE") == 0 ||
           strcmp (norm, "F") == 0 || strcmp (norm, "2") == 0 ||
           (text_ok && g_utf8_collate (norm, _("female")) == 0))
    *sex = FZ_SEX_FEMALE;
  else
    {
      g_autofree char *shown = fz_normalize_text (text);
      set_field_error (error, FZ_VALIDATE_ERROR_UNKNOWN, _("Sex"),
                       _("“%s” is not a sex; use 男 or 女"), shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
fz_parse_employment_status (const char          *text,
                            FzEmploymentStatus  *status,
                            GError             **error)
{
  static const char *employed[] = { "已就业", "就业", "在业", "在岗", "是", "EMPLOYED", "YES", "Y" };
  static const char *unemployed[] = { "未就业", "失业", "无业", "待业", "否", "UNEMPLOYED", "NO", "N" };
  static const char *unknown[] = { "", "未知", "不详", "UNKNOWN" };
  g_autofree char *norm = fz_normalize_number (text);

  for (guint i = 0; i < G_N_ELEMENTS (employed); i++)
    if (strcmp (norm, employed[i]) == 0)
      {
        *status = FZ_EMPLOYMENT_EMPLOYED;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (unemployed); i++)
    if (strcmp (norm, unemployed[i]) == 0)
      {
        *status = FZ_EMPLOYMENT_UNEMPLOYED;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    if (strcmp (norm, unknown[i]) == 0)
      {
        *status = FZ_EMPLOYMENT_UNKNOWN;
        return TRUE;
      }
  for (int s = FZ_EMPLOYMENT_EMPLOYED; s <= FZ_EMPLOYMENT_UNKNOWN && g_utf8_validate (norm, -1, NULL); s++)
    if (g_utf8_collate (norm, fz_employment_status_to_string (s)) == 0)
      {
        *status = s;
        return TRUE;
      }
  {
    g_autofree char *shown = fz_normalize_text (text);
    set_field_error (error, FZ_VALIDATE_ERROR_UNKNOWN, _("Employment status"),
                     _("“%s” is not an employment status; use 已就业, 未就业 or 未知"), shown);
  }
  return FALSE;
}

gboolean
fz_parse_date (const char  *text,
               const char  *field,
               GDate       *date,
               GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  guint parts[3] = { 0, 0, 0 };
  guint n_parts = 0;
  guint digits = 0;
  const char *p;

  if (*norm == '\0')
    {
      set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, field, "%s", _("the value is missing"));
      return FALSE;
    }

  if (strlen (norm) == 8 && all_digits (norm, 8))
    {
      parts[0] = (guint) g_ascii_strtoull (norm, NULL, 10) / 10000;
      parts[1] = (guint) (g_ascii_strtoull (norm + 4, NULL, 10) / 100);
      parts[2] = (guint) g_ascii_strtoull (norm + 6, NULL, 10);
      n_parts = 3;
    }
  else
    {
      /* Groups of digits separated by - / . or 年 月 日. */
      for (p = norm; *p && n_parts <= 3; )
        {
          if (g_ascii_isdigit (*p))
            {
              if ((digits == 0 && n_parts == 3) || digits > 3)
                {
                  n_parts = 4;
                  break;
                }
              if (digits == 0)
                n_parts++;
              parts[n_parts - 1] = parts[n_parts - 1] * 10 + (guint) (*p - '0');
              digits++;
              p++;
              continue;
            }
          digits = 0;
          if (*p == '-' || *p == '/' || *p == '.')
            p++;
          else if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月") || g_str_has_prefix (p, "日"))
            p += strlen ("年");
          else
            {
              n_parts = 4;
              break;
            }
        }
    }

  if (n_parts != 3 || parts[0] < 1900 || parts[0] > 2200 ||
      !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    {
      g_autofree char *shown = fz_normalize_text (text);
      set_field_error (error, FZ_VALIDATE_ERROR_DATE, field,
                       _("“%s” is not a date; write it as 2023-05-01"), shown);
      return FALSE;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]);
  return TRUE;
}

const char *
fz_category_to_string (guint category)
{
  if (category < 1 || category > FZ_CATEGORY_LAST)
    return "";
  return _(category_names[category]);
}

const char *
fz_sex_to_string (FzSex sex)
{
  switch (sex)
    {
    case FZ_SEX_MALE:   return _("male");
    case FZ_SEX_FEMALE: return _("female");
    case FZ_SEX_UNKNOWN:
    default:            return "";
    }
}

const char *
fz_employment_status_to_string (FzEmploymentStatus status)
{
  switch (status)
    {
    case FZ_EMPLOYMENT_EMPLOYED:   return _("employed");
    case FZ_EMPLOYMENT_UNEMPLOYED: return _("unemployed");
    case FZ_EMPLOYMENT_UNKNOWN:    return _("unknown");
    case FZ_EMPLOYMENT_ANY:
    default:                       return "";
    }
}

const char *
fz_employment_status_to_nick (FzEmploymentStatus status)
{
  switch (status)
    {
    case FZ_EMPLOYMENT_EMPLOYED:   return "employed";
    case FZ_EMPLOYMENT_UNEMPLOYED: return "unemployed";
    case FZ_EMPLOYMENT_UNKNOWN:
    case FZ_EMPLOYMENT_ANY:
    default:                       return "unknown";
    }
}

FzEmploymentStatus
fz_employment_status_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "employed") == 0)
    return FZ_EMPLOYMENT_EMPLOYED;
  if (g_strcmp0 (nick, "unemployed") == 0)
    return FZ_EMPLOYMENT_UNEMPLOYED;
  return FZ_EMPLOYMENT_UNKNOWN;
}
