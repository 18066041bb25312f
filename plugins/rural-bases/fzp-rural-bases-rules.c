/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fuzhu.h"
#include "fzp-rural-bases-rules.h"

/* A word of a vocabulary: how it is stored, shown, printed and typed. */
typedef struct {
  const char *nick;
  const char *msgid;
  const char *print;
  const char *aliases[6];
} Term;

static const Term industries[] = {
  { NULL, NULL, NULL, { NULL } },
  { "planting", N_("Planting"), "种植", { "种植业", "种植基地", NULL } },
  { "breeding", N_("Breeding"), "养殖", { "养殖业", "养殖基地", NULL } },
  { "processing", N_("Processing"), "加工", { "农产品加工", "来料加工", "加工业", NULL } },
  { "tourism", N_("Rural tourism and homestays"), "乡村旅游/民宿",
    { "乡村旅游", "民宿", "乡村旅游民宿", "农家乐", "homestay", NULL } },
  { "ecommerce", N_("Rural e-commerce"), "农村电商", { "电商", "农村电子商务", "电子商务", "e-commerce", NULL } },
  { "logistics", N_("Delivery and logistics"), "寄递物流", { "农村寄递物流", "物流", "快递", "寄递", "delivery", NULL } },
  { "handicraft", N_("Handicrafts"), "手工艺", { "手工", "手工业", "传统手工艺", "handicrafts", NULL } },
  { "other", N_("Other"), "其他", { "其它", NULL } },
};

static const Term levels[] = {
  { NULL, NULL, NULL, { NULL } },
  { "county", N_("County level"), "县级", { "县级基地", "县", "区级", "县(市、区)级", NULL } },
  { "city", N_("City level"), "市级", { "市级基地", "市", NULL } },
  { "province", N_("Provincial level"), "省级", { "省级基地", "省", "provincial", NULL } },
  { "high-standard", N_("High-standard"), "高标准", { "高标准基地", "高标准残疾人就业创业基地", "high_standard",
                                                      "highstandard", NULL } },
};

static const Term helps[] = {
  { NULL, NULL, NULL, { NULL } },
  { "supplies", N_("Seed and supplies"), "提供种苗农资", { "种苗", "农资", "种苗农资", "提供种苗", "seed", NULL } },
  { "orders", N_("Orders"), "订单收购", { "订单", "收购", "订单帮扶", NULL } },
  { "sales", N_("Sales"), "代销帮销", { "代销", "帮销", "销售", "产品销售", NULL } },
  { "skills", N_("Technical guidance"), "技术指导", { "技术", "技术帮扶", "指导", "guidance", NULL } },
  { "handicraft", N_("Handicraft work"), "手工业务合作", { "手工", "手工业", "手工合作", "手工业合作", "业务合作", NULL } },
  { "other", N_("Other"), "其他", { "其它", NULL } },
};

static const Term results[] = {
  { NULL, NULL, NULL, { NULL } },
  { "excellent", N_("Excellent"), "优秀", { "优", NULL } },
  { "pass", N_("Pass"), "合格", { "通过", "passed", NULL } },
  { "basic", N_("Basic pass"), "基本合格", { "basic pass", NULL } },
  { "fail", N_("Fail"), "不合格", { "未通过", "failed", NULL } },
};

/* Compared after folding full-width characters, dropping white space and
 * brackets, ASCII in lower case. */
static char *
term_key (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '(' || c == ')')
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (key, FALSE);
}

static guint
term_find (const Term *terms,
           guint       n_terms,
           const char *text)
{
  g_autofree char *key = term_key (text);

  if (*key == '\0')
    return 0;
  for (guint i = 1; i < n_terms; i++)
    {
      g_autofree char *nick = term_key (terms[i].nick);
      g_autofree char *print = term_key (terms[i].print);
      g_autofree char *english = term_key (terms[i].msgid);
      g_autofree char *local = term_key (g_dgettext (GETTEXT_PACKAGE, terms[i].msgid));

      if (g_str_equal (key, nick) || g_str_equal (key, print) || g_str_equal (key, english) ||
          g_str_equal (key, local))
        return i;
      for (guint a = 0; terms[i].aliases[a]; a++)
        {
          g_autofree char *alias = term_key (terms[i].aliases[a]);
          if (g_str_equal (key, alias))
            return i;
        }
    }
  return 0;
}

static char *
term_choices (const Term *terms,
              guint       n_terms)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i < n_terms; i++)
    {
      if (i > 1)
        g_string_append (s, _(", "));
      g_string_append (s, terms[i].print);
    }
  return g_string_free (s, FALSE);
}

static gboolean
term_parse (const Term  *terms,
            guint        n_terms,
            const char  *field,
            const char  *text,
            guint       *value,
            GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  guint found;

  if (*norm == '\0')
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY,
                   /* Translators: a field name */
                   _("%s: the value is missing"), field);
      return FALSE;
    }
  found = term_find (terms, n_terms, norm);
  if (found == 0)
    {
      g_autofree char *choices = term_choices (terms, n_terms);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN,
                   /* Translators: a field name, the value given, then the values allowed */
                   _("%1$s: “%2$s” is not one of %3$s"), field, norm, choices);
      return FALSE;
    }
  *value = found;
  return TRUE;
}

static guint
term_from_nick (const Term *terms,
                guint       n_terms,
                const char *nick)
{
  for (guint i = 1; nick && i < n_terms; i++)
    if (g_str_equal (nick, terms[i].nick))
      return i;
  return 0;
}

#define VOCABULARY(name, Type, table, field_msgid)                                  \
  const char *                                                                      \
  fzp_rural_bases_##name##_to_nick (Type value)                                     \
  {                                                                                 \
    return (guint) value < G_N_ELEMENTS (table) ? table[value].nick : NULL;         \
  }                                                                                 \
  const char *                                                                      \
  fzp_rural_bases_##name##_to_string (Type value)                                   \
  {                                                                                 \
    if ((guint) value == 0 || (guint) value >= G_N_ELEMENTS (table))                \
      return "";                                                                    \
    return g_dgettext (GETTEXT_PACKAGE, table[value].msgid);                        \
  }                                                                                 \
  const char *                                                                      \
  fzp_rural_bases_##name##_to_print (Type value)                                    \
  {                                                                                 \
    return (guint) value < G_N_ELEMENTS (table) ? table[value].print : NULL;        \
  }                                                                                 \
  Type                                                                              \
  fzp_rural_bases_##name##_from_nick (const char *nick)                             \
  {                                                                                 \
    return (Type) term_from_nick (table, G_N_ELEMENTS (table), nick);               \
  }                                                                                 \
  gboolean                                                                          \
  fzp_rural_bases_##name##_parse (const char  *text,                                \
                                  Type        *value,                               \
                                  GError     **error)                               \
  {                                                                                 \
    guint v = 0;                                                                    \
    if (!term_parse (table, G_N_ELEMENTS (table), _(field_msgid), text, &v, error)) \
      return FALSE;                                                                 \
    *value = (Type) v;                                                              \
    return TRUE;                                                                    \
  }

VOCABULARY (industry, FzpRuralBasesIndustry, industries, N_("Industry"))
VOCABULARY (level, FzpRuralBasesLevel, levels, N_("Level"))
VOCABULARY (help, FzpRuralBasesHelp, helps, N_("Kind of help"))
VOCABULARY (result, FzpRuralBasesResult, results, N_("Result"))

gboolean
fzp_rural_bases_help_parse_set (const char  *text,
                                guint       *kinds,
                                GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_auto(GStrv) parts = NULL;
  guint set = 0;

  /* Commas, 、 and ，(folded to a comma) separate the kinds. */
  for (char *p = norm; *p; p++)
    if (*p == ';' || *p == '/')
      *p = ',';
  {
    g_autofree char *commas = NULL;
    g_auto(GStrv) pieces = g_strsplit (norm, "、", -1);
    commas = g_strjoinv (",", pieces);
    parts = g_strsplit (commas, ",", -1);
  }
  for (guint i = 0; parts[i]; i++)
    {
      FzpRuralBasesHelp help;
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (*part == '\0')
        continue;
      if (!fzp_rural_bases_help_parse (part, &help, error))
        return FALSE;
      set |= 1u << help;
    }
  if (set == 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY,
                   _("%s: the value is missing"), _("Kind of help"));
      return FALSE;
    }
  *kinds = set;
  return TRUE;
}

static char *
help_set_join (guint       kinds,
               gboolean    print)
{
  GString *s = g_string_new (NULL);

  for (guint h = 1; h <= FZP_RURAL_BASES_HELP_LAST; h++)
    {
      if (!(kinds & (1u << h)))
        continue;
      if (s->len)
        g_string_append (s, print ? "、" : ",");
      g_string_append (s, print ? helps[h].print : helps[h].nick);
    }
  return g_string_free (s, FALSE);
}

char *
fzp_rural_bases_help_set_to_nicks (guint kinds)
{
  return help_set_join (kinds, FALSE);
}

char *
fzp_rural_bases_help_set_to_print (guint kinds)
{
  return help_set_join (kinds, TRUE);
}

/* Field values */

gboolean
fzp_rural_bases_check_text (const char  *text,
                            const char  *field,
                            guint        max_chars,
                            gboolean     required,
                            char       **normalized,
                            GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  glong length = g_utf8_strlen (norm, -1);

  if (length == 0)
    {
      if (!required)
        {
          *normalized = NULL;
          return TRUE;
        }
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY,
                   _("%s: the value is missing"), field);
      return FALSE;
    }
  if (length > (glong) max_chars)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   /* Translators: a field name, the length given, then the most allowed */
                   _("%1$s: %2$ld characters is too long; at most %3$u"), field, length, max_chars);
      return FALSE;
    }
  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER,
                     _("%s: a line break or control character cannot be part of it"), field);
        return FALSE;
      }
  *normalized = g_steal_pointer (&norm);
  return TRUE;
}

/* Reads a non-negative decimal number with at most @max_decimals decimals,
 * forgiving thousands separators and a trailing unit. */
static gboolean
parse_decimal (const char  *text,
               const char  *field,
               const char  *unit,
               guint        max_decimals,
               double      *value,
               GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  GString *digits = g_string_new (NULL);
  g_autofree char *number = NULL;
  guint decimals = 0;
  gboolean point = FALSE;
  const char *p = norm;

  if (*norm == '\0')
    {
      g_string_free (digits, TRUE);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), field);
      return FALSE;
    }
  if (*p == '-')
    {
      g_string_free (digits, TRUE);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER,
                   _("%1$s: “%2$s” is below zero"), field, norm);
      return FALSE;
    }
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          if (point)
            decimals++;
        }
      else if (*p == ',' && !point && digits->len > 0)
        continue;
      else if (*p == '.' && !point)
        {
          point = TRUE;
          g_string_append_c (digits, '.');
        }
      else
        break;
    }
  /* What is left may only be the unit. */
  if (*p != '\0' && !(unit && g_str_equal (p, unit)))
    {
      g_string_free (digits, TRUE);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER,
                   _("%1$s: “%2$s” is not a number"), field, norm);
      return FALSE;
    }
  number = g_string_free (digits, FALSE);
  if (*number == '\0' || g_str_equal (number, "."))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER,
                   _("%1$s: “%2$s” is not a number"), field, norm);
      return FALSE;
    }
  if (decimals > max_decimals)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_CHARACTER,
                   /* Translators: a field name, the value, then how many decimals are allowed */
                   _("%1$s: “%2$s” has more than %3$u decimals"), field, norm, max_decimals);
      return FALSE;
    }
  *value = g_ascii_strtod (number, NULL);
  return TRUE;
}

gboolean
fzp_rural_bases_parse_money (const char  *text,
                             const char  *field,
                             double      *value,
                             GError     **error)
{
  double v = 0;

  if (!parse_decimal (text, field, "元", 2, &v, error))
    return FALSE;
  if (v > 1000000)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   _("%s: more than 1,000,000 yuan is surely a typing error"), field);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

gboolean
fzp_rural_bases_parse_count (const char  *text,
                             const char  *field,
                             guint        max,
                             guint       *value,
                             GError     **error)
{
  double v = 0;

  if (!parse_decimal (text, field, NULL, 0, &v, error))
    return FALSE;
  if (v > max)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   _("%1$s: %2$.0f is more than %3$u"), field, v, max);
      return FALSE;
    }
  *value = (guint) v;
  return TRUE;
}

gboolean
fzp_rural_bases_parse_hours (const char  *text,
                             const char  *field,
                             double      *value,
                             GError     **error)
{
  double v = 0;

  if (!parse_decimal (text, field, NULL, 2, &v, error))
    return FALSE;
  if (v <= 0 || v > 200)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   _("%s: give more than 0 and at most 200 hours"), field);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

gboolean
fzp_rural_bases_parse_yes_no (const char  *text,
                              const char  *field,
                              gboolean     fallback,
                              gboolean    *value,
                              GError     **error)
{
  static const char *const yes[] = { "是", "有", "yes", "y", "true", "1", "√", "✓", NULL };
  static const char *const no[] = { "否", "无", "不是", "no", "n", "false", "0", "×", "✗", NULL };
  g_autofree char *key = term_key (text);

  if (*key == '\0')
    {
      *value = fallback;
      return TRUE;
    }
  if (g_strv_contains (yes, key))
    {
      *value = TRUE;
      return TRUE;
    }
  if (g_strv_contains (no, key))
    {
      *value = FALSE;
      return TRUE;
    }
  g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN,
               _("%1$s: “%2$s” is neither 是 nor 否"), field, key);
  return FALSE;
}

gboolean
fzp_rural_bases_parse_year (const char  *text,
                            const char  *field,
                            int         *year,
                            GError     **error)
{
  guint v = 0;

  if (!fzp_rural_bases_parse_count (text, field, 9999, &v, error))
    return FALSE;
  if (v < 2000 || v > 2100)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$u is not a year from 2000 to 2100"), field, v);
      return FALSE;
    }
  *year = (int) v;
  return TRUE;
}

/* Dates */

static gboolean
is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

void
fzp_rural_bases_format_date (const GDate *date,
                             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

gboolean
fzp_rural_bases_date_from_iso (const char *text,
                               GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
fzp_rural_bases_check_period (const GDate *start,
                              const GDate *end,
                              const GDate *founded,
                              const GDate *closed,
                              const GDate *today,
                              GError     **error)
{
  char a[11], b[11];

  fzp_rural_bases_format_date (start, a);
  if (g_date_compare (start, today) > 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s is in the future"), _("Start date"), a);
      return FALSE;
    }
  if (is_set (founded) && g_date_compare (start, founded) < 0)
    {
      fzp_rural_bases_format_date (founded, b);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s is before the base was founded (%3$s)"), _("Start date"), a, b);
      return FALSE;
    }
  if (is_set (closed) && g_date_compare (start, closed) > 0)
    {
      fzp_rural_bases_format_date (closed, b);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s is after the base closed (%3$s)"), _("Start date"), a, b);
      return FALSE;
    }
  if (is_set (end))
    {
      fzp_rural_bases_format_date (end, b);
      if (g_date_compare (end, start) < 0)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                       _("%1$s: %2$s is before the start, %3$s"), _("End date"), b, a);
          return FALSE;
        }
      if (g_date_compare (end, today) > 0)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                       _("%1$s: %2$s is in the future"), _("End date"), b);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fzp_rural_bases_periods_overlap (const GDate *start1,
                                 const GDate *end1,
                                 const GDate *start2,
                                 const GDate *end2)
{
  /* Each starts before the other ends. */
  if (is_set (end2) && g_date_compare (start1, end2) > 0)
    return FALSE;
  if (is_set (end1) && g_date_compare (start2, end1) > 0)
    return FALSE;
  return TRUE;
}

gboolean
fzp_rural_bases_period_covers (const GDate *start,
                               const GDate *end,
                               const GDate *day)
{
  return g_date_compare (start, day) <= 0 && (!is_set (end) || g_date_compare (end, day) >= 0);
}

guint
fzp_rural_bases_months_in_year (const GDate *start,
                                const GDate *end,
                                int          year)
{
  int first, last;

  if (year < 1 || (int) g_date_get_year (start) > year)
    return 0;
  if (is_set (end) && (int) g_date_get_year (end) < year)
    return 0;
  first = (int) g_date_get_year (start) < year ? 1 : (int) g_date_get_month (start);
  last = is_set (end) && (int) g_date_get_year (end) == year ? (int) g_date_get_month (end) : 12;
  return last >= first ? (guint) (last - first + 1) : 0;
}

guint
fzp_rural_bases_months_between (const GDate *founded,
                                const GDate *on)
{
  int months;

  if (g_date_compare (on, founded) < 0)
    return 0;
  months = ((int) g_date_get_year (on) - (int) g_date_get_year (founded)) * 12
           + ((int) g_date_get_month (on) - (int) g_date_get_month (founded));
  /* A month is whole on the same day of the month, or on the last day of a
   * shorter month (founded 31 January, 28 February is one month). */
  if (g_date_get_day (on) < g_date_get_day (founded) &&
      !(g_date_is_last_of_month (on) && months > 0))
    months--;
  return months > 0 ? (guint) months : 0;
}

/* Recognition */

FzpRuralBasesLevel
fzp_rural_bases_level_on (const FzpRuralBasesRecognition *recognitions,
                          guint                           n_recognitions,
                          const GDate                    *day)
{
  FzpRuralBasesLevel best = FZP_RURAL_BASES_LEVEL_NONE;

  for (guint i = 0; i < n_recognitions; i++)
    {
      const FzpRuralBasesRecognition *r = &recognitions[i];

      if (g_date_compare (&r->recognized_on, day) > 0)
        continue;
      if (is_set (&r->withdrawn_on) && g_date_compare (&r->withdrawn_on, day) <= 0)
        continue;
      if (r->level > best)
        best = r->level;
    }
  return best;
}

static gboolean
cents_at_least (double value,
                double minimum)
{
  return llround (value * 100) >= llround (minimum * 100);
}

GPtrArray *
fzp_rural_bases_unmet_criteria (const FzpRuralBasesCriterion *c,
                                const FzpRuralBasesStanding  *s)
{
  GPtrArray *unmet = g_ptr_array_new_with_free_func (g_free);

  if (c->either)
    {
      if (s->employed < c->min_employed && s->helped < c->min_helped)
        g_ptr_array_add (unmet, g_strdup_printf (_("Persons employed and helped: %1$u employed and %2$u helped, "
                                                   "the standard asks at least %3$u employed or %4$u helped"),
                                                 s->employed, s->helped, c->min_employed, c->min_helped));
    }
  else
    {
      if (s->employed < c->min_employed)
        g_ptr_array_add (unmet, g_strdup_printf (_("Persons employed: %1$u, the standard asks at least %2$u"),
                                                 s->employed, c->min_employed));
      if (s->helped < c->min_helped)
        g_ptr_array_add (unmet, g_strdup_printf (_("Persons helped: %1$u, the standard asks at least %2$u"),
                                                 s->helped, c->min_helped));
    }
  /* Income is asked of those employed: a base that only helps has none. */
  if (c->min_income_ratio > 0 && s->employed > 0)
    {
      double needed = round (c->min_income_ratio * s->minimum_wage * 100) / 100;

      if (s->minimum_wage <= 0)
        g_ptr_array_add (unmet, g_strdup (_("Average monthly income: no minimum wage is recorded for the "
                                            "county on that day, so it cannot be compared")));
      else if (!cents_at_least (s->average_income, needed))
        g_ptr_array_add (unmet, g_strdup_printf (_("Average monthly income: %1$.2f yuan, the standard asks at "
                                                   "least %2$.2f (%3$.2f × the minimum wage of %4$.2f)"),
                                                 s->average_income, needed, c->min_income_ratio,
                                                 s->minimum_wage));
    }
  if (s->training_sessions < c->min_training_sessions)
    g_ptr_array_add (unmet, g_strdup_printf (_("Training sessions in the last twelve months: %1$u, the "
                                               "standard asks at least %2$u"),
                                             s->training_sessions, c->min_training_sessions));
  if (s->operating_months < c->min_operating_months)
    g_ptr_array_add (unmet, g_strdup_printf (_("Months in operation: %1$u, the standard asks at least %2$u"),
                                             s->operating_months, c->min_operating_months));
  if (c->required_level != FZP_RURAL_BASES_LEVEL_NONE && s->held_level < c->required_level)
    g_ptr_array_add (unmet, g_strdup_printf (_("Recognition: the standard asks that the base is recognised at "
                                               "%s or higher first"),
                                             fzp_rural_bases_level_to_string (c->required_level)));
  return unmet;
}

gboolean
fzp_rural_bases_check_criterion (const FzpRuralBasesCriterion *criterion,
                                 GError                      **error)
{
  if (criterion->level == FZP_RURAL_BASES_LEVEL_NONE || criterion->level > FZP_RURAL_BASES_LEVEL_LAST)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Level"));
      return FALSE;
    }
  if (!g_date_valid (&criterion->effective_from))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"),
                   _("Effective from"));
      return FALSE;
    }
  if (criterion->required_level >= criterion->level)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%1$s: a base cannot need %2$s to be recognised at %3$s"), _("Required level"),
                   fzp_rural_bases_level_to_string (criterion->required_level),
                   fzp_rural_bases_level_to_string (criterion->level));
      return FALSE;
    }
  if (criterion->either && (criterion->min_employed == 0 || criterion->min_helped == 0))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%s: when either minimum suffices, both must be above 0"), _("Persons employed or helped"));
      return FALSE;
    }
  if (criterion->min_income_ratio < 0 || criterion->min_income_ratio > 10)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   _("%s: give a multiple of the minimum wage from 0 to 10"), _("Income ratio"));
      return FALSE;
    }
  return TRUE;
}

/* Homestays */

FzpRuralBasesPriority
fzp_rural_bases_homestay_priority (const FzpRuralBasesHomestayRule *rule,
                                   guint                            employed,
                                   guint                            cooperating)
{
  FzpRuralBasesPriority priority = FZP_RURAL_BASES_PRIORITY_NONE;

  if (rule->min_employed > 0 && employed >= rule->min_employed)
    priority |= FZP_RURAL_BASES_PRIORITY_EMPLOYS;
  if (rule->min_cooperating > 0 && rule->cooperation_kinds != 0 && cooperating >= rule->min_cooperating)
    priority |= FZP_RURAL_BASES_PRIORITY_COOPERATES;
  return priority;
}

char *
fzp_rural_bases_priority_to_print (FzpRuralBasesPriority priority)
{
  GString *s = g_string_new (NULL);

  if (priority & FZP_RURAL_BASES_PRIORITY_EMPLOYS)
    g_string_append (s, "吸纳残疾人就业");
  if (priority & FZP_RURAL_BASES_PRIORITY_COOPERATES)
    {
      if (s->len)
        g_string_append (s, "、");
      g_string_append (s, "开展手工业务合作");
    }
  return g_string_free (s, FALSE);
}

gboolean
fzp_rural_bases_check_homestay_rule (const FzpRuralBasesHomestayRule *rule,
                                     GError                         **error)
{
  if (!g_date_valid (&rule->effective_from))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"),
                   _("Effective from"));
      return FALSE;
    }
  if (rule->min_employed == 0 && rule->min_cooperating == 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY,
                   _("Homestay rule: with both minimums at 0 no homestay would ever have priority"));
      return FALSE;
    }
  if (rule->min_cooperating > 0 && rule->cooperation_kinds == 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"),
                   _("Kind of help"));
      return FALSE;
    }
  return TRUE;
}

/* Figures */

double
fzp_rural_bases_average_income (double income_paid,
                                guint  person_months)
{
  if (person_months == 0)
    return 0;
  return round (income_paid / person_months * 100) / 100;
}

char *
fzp_rural_bases_format_money (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}
