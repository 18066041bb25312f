/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fuzhu.h"
#include "fzp-gongfu-workshops-rules.h"

G_DEFINE_QUARK (fzp-gongfu-workshops-error-quark, fzp_gongfu_workshops_error)

static void
format_iso (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* Hosts */

static const char *const host_nicks[] = { NULL, "village", "community", "home", "company" };

const char *
fzp_gongfu_workshops_host_to_nick (FzpGongfuWorkshopsHost host)
{
  return host <= FZP_GONGFU_WORKSHOPS_HOST_LAST ? host_nicks[host] : NULL;
}

FzpGongfuWorkshopsHost
fzp_gongfu_workshops_host_from_nick (const char *nick)
{
  for (guint i = 1; i <= FZP_GONGFU_WORKSHOPS_HOST_LAST; i++)
    if (g_strcmp0 (nick, host_nicks[i]) == 0)
      return (FzpGongfuWorkshopsHost) i;
  return FZP_GONGFU_WORKSHOPS_HOST_NONE;
}

const char *
fzp_gongfu_workshops_host_to_string (FzpGongfuWorkshopsHost host)
{
  switch (host)
    {
    case FZP_GONGFU_WORKSHOPS_HOST_VILLAGE:   return _("Village");
    case FZP_GONGFU_WORKSHOPS_HOST_COMMUNITY: return _("Community");
    case FZP_GONGFU_WORKSHOPS_HOST_HOME:      return _("Home for persons with disabilities");
    case FZP_GONGFU_WORKSHOPS_HOST_COMPANY:   return _("Company");
    case FZP_GONGFU_WORKSHOPS_HOST_NONE:
    default:                                  return "";
    }
}

const char *
fzp_gongfu_workshops_host_to_print (FzpGongfuWorkshopsHost host)
{
  static const char *const print[] = { "", "村", "社区", "残疾人之家", "企业" };

  return host <= FZP_GONGFU_WORKSHOPS_HOST_LAST ? print[host] : "";
}

gboolean
fzp_gongfu_workshops_parse_host (const char             *text,
                                 FzpGongfuWorkshopsHost *host,
                                 GError                **error)
{
  static const struct { const char *text; FzpGongfuWorkshopsHost host; } names[] = {
    { "村", FZP_GONGFU_WORKSHOPS_HOST_VILLAGE }, { "行政村", FZP_GONGFU_WORKSHOPS_HOST_VILLAGE },
    { "村集体", FZP_GONGFU_WORKSHOPS_HOST_VILLAGE }, { "社区", FZP_GONGFU_WORKSHOPS_HOST_COMMUNITY },
    { "残疾人之家", FZP_GONGFU_WORKSHOPS_HOST_HOME }, { "企业", FZP_GONGFU_WORKSHOPS_HOST_COMPANY },
    { "公司", FZP_GONGFU_WORKSHOPS_HOST_COMPANY },
  };
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *lower = g_ascii_strdown (norm, -1);
  FzpGongfuWorkshopsHost found = fzp_gongfu_workshops_host_from_nick (lower);

  for (guint i = 0; found == FZP_GONGFU_WORKSHOPS_HOST_NONE && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (norm, names[i].text))
      found = names[i].host;
  if (found == FZP_GONGFU_WORKSHOPS_HOST_NONE)
    {
      if (*norm == '\0')
        g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                             _("Host: say who hosts the workshop: village, community, home or company"));
      else
        g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                     _("Host: “%s” is none of village (村), community (社区), home (残疾人之家) or company (企业)"),
                     norm);
      return FALSE;
    }
  *host = found;
  return TRUE;
}

/* Basis of pay */

static const char *const basis_nicks[] = { NULL, "piece", "hour" };

const char *
fzp_gongfu_workshops_basis_to_nick (FzpGongfuWorkshopsBasis basis)
{
  return basis <= FZP_GONGFU_WORKSHOPS_BASIS_HOUR ? basis_nicks[basis] : NULL;
}

FzpGongfuWorkshopsBasis
fzp_gongfu_workshops_basis_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "piece") == 0)
    return FZP_GONGFU_WORKSHOPS_BASIS_PIECE;
  if (g_strcmp0 (nick, "hour") == 0)
    return FZP_GONGFU_WORKSHOPS_BASIS_HOUR;
  return FZP_GONGFU_WORKSHOPS_BASIS_NONE;
}

const char *
fzp_gongfu_workshops_basis_to_string (FzpGongfuWorkshopsBasis basis)
{
  switch (basis)
    {
    case FZP_GONGFU_WORKSHOPS_BASIS_PIECE: return _("By the piece");
    case FZP_GONGFU_WORKSHOPS_BASIS_HOUR:  return _("By the hour");
    case FZP_GONGFU_WORKSHOPS_BASIS_NONE:
    default:                               return "";
    }
}

const char *
fzp_gongfu_workshops_basis_to_print (FzpGongfuWorkshopsBasis basis)
{
  switch (basis)
    {
    case FZP_GONGFU_WORKSHOPS_BASIS_PIECE: return "计件";
    case FZP_GONGFU_WORKSHOPS_BASIS_HOUR:  return "计时";
    case FZP_GONGFU_WORKSHOPS_BASIS_NONE:
    default:                               return "";
    }
}

gboolean
fzp_gongfu_workshops_parse_basis (const char              *text,
                                  FzpGongfuWorkshopsBasis *basis,
                                  GError                 **error)
{
  static const char *const pieces[] = { "计件", "件", "按件", "piece", "pieces", "piecework" };
  static const char *const hours[] = { "计时", "时", "小时", "按时", "按小时", "hour", "hours", "hourly" };
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *lower = g_ascii_strdown (norm, -1);

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    if (g_str_equal (lower, pieces[i]))
      {
        *basis = FZP_GONGFU_WORKSHOPS_BASIS_PIECE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    if (g_str_equal (lower, hours[i]))
      {
        *basis = FZP_GONGFU_WORKSHOPS_BASIS_HOUR;
        return TRUE;
      }
  if (*norm == '\0')
    g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                         _("Basis: say whether the month was paid by the piece (计件) or by the hour (计时)"));
  else
    g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                 _("Basis: “%s” is neither by the piece (计件) nor by the hour (计时)"), norm);
  return FALSE;
}

/* Numbers */

/* Drops what people write around a number: a currency sign before, a unit
 * after, grouping commas. Returns NULL when nothing is left. */
static char *
strip_number (const char        *text,
              const char *const *prefixes,
              const char *const *suffixes)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *s = g_string_new (norm);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; prefixes && prefixes[i]; i++)
        if (g_str_has_prefix (s->str, prefixes[i]))
          {
            g_string_erase (s, 0, (gssize) strlen (prefixes[i]));
            again = TRUE;
          }
      for (guint i = 0; suffixes && suffixes[i]; i++)
        if (g_str_has_suffix (s->str, suffixes[i]))
          {
            g_string_truncate (s, s->len - strlen (suffixes[i]));
            again = TRUE;
          }
      g_strstrip (s->str);
      g_string_set_size (s, strlen (s->str));
    }
  for (gsize i = 0; i < s->len;)
    if (s->str[i] == ',')
      g_string_erase (s, (gssize) i, 1);
    else
      i++;
  return g_string_free (s, FALSE);
}

/* Reads a plain decimal number (digits, at most one point, optional
 * leading minus) whole; FALSE for anything else. */
static gboolean
read_decimal (const char *text,
              double     *value,
              guint      *decimals,
              gboolean   *negative)
{
  const char *p = text;
  guint digits = 0;
  char *end = NULL;

  *decimals = 0;
  *negative = FALSE;
  if (*p == '-')
    {
      *negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      (*decimals)++;
  if (*p != '\0' || digits + *decimals == 0)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end && *end == '\0' && isfinite (*value);
}

gboolean
fzp_gongfu_workshops_parse_amount (const char  *text,
                                   const char  *field,
                                   gint64      *fen,
                                   GError     **error)
{
  static const char *const prefixes[] = { "¥", "￥", "RMB", "rmb", "CNY", "人民币", NULL };
  static const char *const suffixes[] = { "元", "yuan", NULL };
  g_autofree char *number = strip_number (text, prefixes, suffixes);
  double value = 0, cents;
  guint decimals;
  gboolean negative;

  if (*number == '\0')
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: write the amount in yuan"), field);
      return FALSE;
    }
  if (!read_decimal (number, &value, &decimals, &negative))
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: “%s” is not an amount of money"), field, number);
      return FALSE;
    }
  if (negative && value != 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: %s is below zero"), field, number);
      return FALSE;
    }
  cents = value * 100;
  /* A spreadsheet's arithmetic leaves 1234.4999999999998: that is a fen
   * value all the same. More decimals than that are a slip. */
  if (decimals > 2 && fabs (cents - round (cents)) > 1e-6)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: %s has more than two decimals; money is counted to the fen"), field, number);
      return FALSE;
    }
  if (round (cents) > (double) FZP_GONGFU_WORKSHOPS_AMOUNT_MAX)
    {
      g_autofree char *max = fzp_gongfu_workshops_format_amount_grouped (FZP_GONGFU_WORKSHOPS_AMOUNT_MAX);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: %s is more than %s yuan; is it in fen, or mistyped?"), field, number, max);
      return FALSE;
    }
  *fen = (gint64) llround (cents);
  return TRUE;
}

char *
fzp_gongfu_workshops_format_amount (gint64 fen)
{
  const char *sign = fen < 0 ? "-" : "";
  guint64 abs_fen = (guint64) (fen < 0 ? -fen : fen);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign, abs_fen / 100, (guint) (abs_fen % 100));
}

char *
fzp_gongfu_workshops_format_amount_grouped (gint64 fen)
{
  g_autofree char *plain = fzp_gongfu_workshops_format_amount (fen);
  const char *point = strchr (plain, '.');
  const char *digits = plain[0] == '-' ? plain + 1 : plain;
  gsize n = (gsize) (point - digits);
  GString *s = g_string_new (plain[0] == '-' ? "-" : "");

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  g_string_append (s, point);
  return g_string_free (s, FALSE);
}

gboolean
fzp_gongfu_workshops_parse_quantity (const char              *text,
                                     FzpGongfuWorkshopsBasis  basis,
                                     guint                    days_in_month,
                                     double                  *quantity,
                                     GError                 **error)
{
  static const char *const suffixes[] = { "件", "个", "小时", "时", "h", "H", NULL };
  const char *field = basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR ? _("Hours") : _("Pieces");
  g_autofree char *number = strip_number (text, NULL, suffixes);
  double value = 0;
  guint decimals;
  gboolean negative;

  if (*number == '\0')
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR ? _("%s: write how many hours were worked")
                                                            : _("%s: write how many pieces were made"), field);
      return FALSE;
    }
  if (!read_decimal (number, &value, &decimals, &negative))
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: “%s” is not a number"), field, number);
      return FALSE;
    }
  if (negative && value != 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: %s is below zero"), field, number);
      return FALSE;
    }
  if (basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR)
    {
      if (decimals > 2 && fabs (value * 100 - round (value * 100)) > 1e-6)
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                       _("%s: %s has more than two decimals"), field, number);
          return FALSE;
        }
      if (value > 24.0 * days_in_month)
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                       _("%s: %s is more than the %u hours the month has"), field, number, 24 * days_in_month);
          return FALSE;
        }
      *quantity = round (value * 100) / 100;
      return TRUE;
    }
  if (fabs (value - round (value)) > 1e-9)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: %s is not a whole number of pieces"), field, number);
      return FALSE;
    }
  if (value > 10000000)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: %s is more than anyone makes in a month; is it mistyped?"), field, number);
      return FALSE;
    }
  *quantity = round (value);
  return TRUE;
}

char *
fzp_gongfu_workshops_format_quantity (double quantity)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *s = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", quantity));
  char *end = s + strlen (s) - 1;

  while (end > s && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return s;
}

gboolean
fzp_gongfu_workshops_check_pay (FzpGongfuWorkshopsBasis  basis,
                                double                   quantity,
                                gint64                   fen,
                                GError                 **error)
{
  gboolean hours = basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR;

  if (basis == FZP_GONGFU_WORKSHOPS_BASIS_NONE)
    {
      g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                           _("Basis: say whether the month was paid by the piece (计件) or by the hour (计时)"));
      return FALSE;
    }
  if (quantity < 0 || fen < 0)
    {
      g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                           _("Amount: below zero"));
      return FALSE;
    }
  if (quantity > 0 && fen == 0)
    {
      g_autofree char *q = fzp_gongfu_workshops_format_quantity (quantity);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   hours ? _("Amount: %s hours were worked but nothing was paid; write the pay, or 0 hours for a month with no work")
                         : _("Amount: %s pieces were made but nothing was paid; write the pay, or 0 pieces for a month with no work"),
                   q);
      return FALSE;
    }
  if (quantity == 0 && fen > 0)
    {
      g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                           hours ? _("Hours: pay without hours; write the hours worked")
                                 : _("Pieces: pay without pieces; write how many pieces were made"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_gongfu_workshops_is_no_work (double quantity,
                                 gint64 fen)
{
  return quantity == 0 && fen == 0;
}

/* Months */

gboolean
fzp_gongfu_workshops_parse_month (const char  *text,
                                  const char  *field,
                                  guint       *year,
                                  guint       *month,
                                  GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  guint parts[3] = { 0 };
  guint lengths[3] = { 0 };
  guint n = 0;
  guint y = 0, m = 0, d = 0;
  const char *p = norm;

  if (*norm == '\0')
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("%s: write the month, as 2025-03"), field);
      return FALSE;
    }
  while (*p)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == 3 || lengths[n] >= 8)
            goto bad;
          parts[n] = parts[n] * 10 + (guint) (*p - '0');
          lengths[n]++;
          p++;
          if (!g_ascii_isdigit (*p))
            n++;
          continue;
        }
      if (*p == '-' || *p == '/' || *p == '.' || *p == ' ')
        p++;
      else if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月") || g_str_has_prefix (p, "日"))
        p += strlen ("年");
      else
        goto bad;
    }

  if (n == 1 && lengths[0] == 6)
    {
      y = parts[0] / 100;
      m = parts[0] % 100;
    }
  else if (n == 1 && lengths[0] == 8)
    {
      y = parts[0] / 10000;
      m = parts[0] / 100 % 100;
      d = parts[0] % 100;
    }
  else if ((n == 2 || n == 3) && lengths[0] == 4 && lengths[1] <= 2)
    {
      y = parts[0];
      m = parts[1];
      if (n == 3)
        {
          if (lengths[2] > 2)
            goto bad;
          d = parts[2];
        }
    }
  else
    goto bad;

  if (y < 1900 || y > 9999 || m < 1 || m > 12 || (d != 0 && !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)))
    goto bad;
  *year = y;
  *month = m;
  return TRUE;

bad:
  g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
               _("%s: “%s” is not a month; write it as 2025-03"), field, norm);
  return FALSE;
}

char *
fzp_gongfu_workshops_format_month (guint year,
                                   guint month)
{
  return g_strdup_printf ("%04u-%02u", year, month);
}

void
fzp_gongfu_workshops_month_bounds (guint  year,
                                   guint  month,
                                   GDate *first,
                                   GDate *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  g_date_set_dmy (first, 1, (GDateMonth) month, (GDateYear) year);
  g_date_set_dmy (last, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                  (GDateMonth) month, (GDateYear) year);
}

/* Spells */

static gboolean
spell_is_open (const FzpGongfuWorkshopsSpell *spell)
{
  return !g_date_valid (&spell->left);
}

gboolean
fzp_gongfu_workshops_check_join (const FzpGongfuWorkshopsSpell *spells,
                                 guint                          n_spells,
                                 const GDate                   *joined,
                                 const GDate                   *opened,
                                 const GDate                   *closed,
                                 const GDate                   *today,
                                 GError                       **error)
{
  char day[11], other[11];

  format_iso (joined, day);
  if (g_date_compare (joined, today) > 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Joined: %s is in the future"), day);
      return FALSE;
    }
  if (opened && g_date_valid (opened) && g_date_compare (joined, opened) < 0)
    {
      format_iso (opened, other);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Joined: %s is before the workshop opened on %s"), day, other);
      return FALSE;
    }
  if (closed && g_date_valid (closed) && g_date_compare (joined, closed) > 0)
    {
      format_iso (closed, other);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Joined: the workshop closed on %s"), other);
      return FALSE;
    }
  for (guint i = 0; i < n_spells; i++)
    {
      const FzpGongfuWorkshopsSpell *s = &spells[i];

      format_iso (&s->joined, other);
      if (spell_is_open (s))
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                       _("Person: works at %s since %s already; record that they left first"),
                       s->workshop_name ? s->workshop_name : "", other);
          return FALSE;
        }
      if (g_date_compare (&s->left, joined) >= 0)
        {
          char until[11];

          format_iso (&s->left, until);
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                       _("Joined: the person worked at %s from %s to %s; a person works in one workshop at a time"),
                       s->workshop_name ? s->workshop_name : "", other, until);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fzp_gongfu_workshops_check_leave (const FzpGongfuWorkshopsSpell *spell,
                                  const GDate                   *left,
                                  const GDate                   *today,
                                  guint                          last_paid_year,
                                  guint                          last_paid_month,
                                  GError                       **error)
{
  char day[11], other[11];

  format_iso (left, day);
  if (!spell_is_open (spell))
    {
      format_iso (&spell->left, other);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Left: the person left on %s already"), other);
      return FALSE;
    }
  if (g_date_compare (left, &spell->joined) < 0)
    {
      format_iso (&spell->joined, other);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Left: %s is before the person joined on %s"), day, other);
      return FALSE;
    }
  if (g_date_compare (left, today) > 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Left: %s is in the future"), day);
      return FALSE;
    }
  if (last_paid_year > 0 &&
      (last_paid_year * 12 + last_paid_month) > (g_date_get_year (left) * 12u + g_date_get_month (left)))
    {
      g_autofree char *month = fzp_gongfu_workshops_format_month (last_paid_year, last_paid_month);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Left: pay is recorded for %s, after %s; correct the date or that month's pay"),
                   month, day);
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_gongfu_workshops_spell_covers_month (const FzpGongfuWorkshopsSpell *spell,
                                         guint                          year,
                                         guint                          month)
{
  GDate first, last;

  fzp_gongfu_workshops_month_bounds (year, month, &first, &last);
  return g_date_compare (&spell->joined, &last) <= 0 &&
         (spell_is_open (spell) || g_date_compare (&spell->left, &first) >= 0);
}

gboolean
fzp_gongfu_workshops_spell_covers_whole_month (const FzpGongfuWorkshopsSpell *spell,
                                               guint                          year,
                                               guint                          month)
{
  GDate first, last;

  fzp_gongfu_workshops_month_bounds (year, month, &first, &last);
  return g_date_compare (&spell->joined, &first) <= 0 &&
         (spell_is_open (spell) || g_date_compare (&spell->left, &last) >= 0);
}

gboolean
fzp_gongfu_workshops_check_pay_month (const FzpGongfuWorkshopsSpell *spell,
                                      guint                          year,
                                      guint                          month,
                                      const GDate                   *today,
                                      GError                       **error)
{
  g_autofree char *m = fzp_gongfu_workshops_format_month (year, month);
  char joined[11];

  if (year * 12 + month > g_date_get_year (today) * 12u + g_date_get_month (today))
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Month: %s has not begun"), m);
      return FALSE;
    }
  if (!fzp_gongfu_workshops_spell_covers_month (spell, year, month))
    {
      format_iso (&spell->joined, joined);
      if (spell_is_open (spell))
        g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                     _("Month: the person did not work at %s in %s; they joined on %s"),
                     spell->workshop_name ? spell->workshop_name : "", m, joined);
      else
        {
          char left[11];

          format_iso (&spell->left, left);
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                       _("Month: the person did not work at %s in %s; they worked there from %s to %s"),
                       spell->workshop_name ? spell->workshop_name : "", m, joined, left);
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_gongfu_workshops_is_placement (const GDate *joined,
                                   const GDate *previous_left)
{
  GDate day_before;

  if (previous_left == NULL || !g_date_valid (previous_left))
    return TRUE;
  day_before = *joined;
  g_date_subtract_days (&day_before, 1);
  return g_date_compare (previous_left, &day_before) < 0;
}

/* Pay and the minimum wage */

gboolean
fzp_gongfu_workshops_below_monthly_minimum (gint64 fen,
                                            double monthly_yuan)
{
  return monthly_yuan > 0 && fen < llround (monthly_yuan * 100);
}

gboolean
fzp_gongfu_workshops_below_hourly_minimum (FzpGongfuWorkshopsBasis basis,
                                           double                  hours,
                                           gint64                  fen,
                                           double                  hourly_yuan)
{
  if (basis != FZP_GONGFU_WORKSHOPS_BASIS_HOUR || hours <= 0 || hourly_yuan <= 0)
    return FALSE;
  /* Hours and the rate have two decimals each: compare at a ten-thousandth of a fen. */
  return (double) fen < hours * hourly_yuan * 100 - 1e-4;
}

void
fzp_gongfu_workshops_pay_figures_add (FzpGongfuWorkshopsPayFigures *figures,
                                      FzpGongfuWorkshopsBasis       basis,
                                      double                        quantity,
                                      gint64                        fen,
                                      gboolean                      whole_month,
                                      double                        monthly_yuan,
                                      double                        hourly_yuan)
{
  figures->n_records++;
  figures->total_fen += fen;
  if (fzp_gongfu_workshops_is_no_work (quantity, fen))
    {
      figures->n_no_work++;
      return;
    }
  if (basis == FZP_GONGFU_WORKSHOPS_BASIS_HOUR)
    {
      figures->n_hourly++;
      if (fzp_gongfu_workshops_below_hourly_minimum (basis, quantity, fen, hourly_yuan))
        figures->n_below_hourly++;
    }
  if (whole_month)
    {
      figures->n_compared++;
      figures->compared_fen += fen;
      if (fzp_gongfu_workshops_below_monthly_minimum (fen, monthly_yuan))
        figures->n_below++;
    }
}

gint64
fzp_gongfu_workshops_pay_figures_average (const FzpGongfuWorkshopsPayFigures *figures)
{
  if (figures->n_compared == 0)
    return 0;
  return (figures->compared_fen + figures->n_compared / 2) / figures->n_compared;
}

/* Standard */

gboolean
fzp_gongfu_workshops_meets_standard (const FzpGongfuWorkshopsStandard *standard,
                                     guint                             workers,
                                     char                            **why)
{
  char from[11];

  if (workers >= standard->min_workers)
    return TRUE;
  if (why && g_date_get_year (&standard->effective_from) <= 1900)
    *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u person with disabilities works there; the standard asks for at least %u",
                                         "%u persons with disabilities work there; the standard asks for at least %u",
                                         workers),
                            workers, standard->min_workers);
  else if (why)
    {
      format_iso (&standard->effective_from, from);
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u person with disabilities works there; the standard in force since %s asks for at least %u",
                                           "%u persons with disabilities work there; the standard in force since %s asks for at least %u",
                                           workers),
                              workers, from, standard->min_workers);
    }
  return FALSE;
}

/* Columns of a pay sheet */

static const char *const column_names[FZP_GONGFU_WORKSHOPS_N_COLUMNS][14] = {
  [FZP_GONGFU_WORKSHOPS_COLUMN_NAME] = { "姓名", "名字", "残疾人姓名", "职工姓名", "员工姓名", "name", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER] = { "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码",
                                              "身份证件号码", "id_number", "idnumber", "identity_number", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_CERT_NUMBER] = { "残疾证号", "残疾证号码", "残疾人证号", "残疾人证号码", "残疾证",
                                                "cert_number", "certificate_number", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_BASIS] = { "计酬方式", "计薪方式", "计发方式", "计件/计时", "计件或计时", "basis",
                                          "pay_basis", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY] = { "数量", "工作量", "计件数量/工时", "件数/工时", "quantity", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_PIECES] = { "件数", "计件数量", "数量(件)", "产量", "完成件数", "pieces", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_HOURS] = { "工时", "小时数", "工作时长", "时长", "工时(小时)", "hours", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT] = { "金额", "金额(元)", "工资", "工资(元)", "报酬", "劳动报酬", "应发金额",
                                           "实发金额", "应发工资", "实发工资", "amount", "pay", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_MONTH] = { "月份", "所属月份", "年月", "发放月份", "month", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP] = { "车间", "车间名称", "工坊", "共富车间", "共富工坊", "workshop", NULL },
  [FZP_GONGFU_WORKSHOPS_COLUMN_NOTE] = { "备注", "说明", "note", "notes", "remarks", NULL },
};

static char *
header_key (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '(' || c == ')' || c == ',' || c == '*' || c == '-' ||
          c == '_' || c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */ || c == 0xFF08 || c == 0xFF09)
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (key, FALSE);
}

static int
match_key (const char *key)
{
  if (*key == '\0')
    return -1;
  for (int c = 0; c < FZP_GONGFU_WORKSHOPS_N_COLUMNS; c++)
    for (guint i = 0; column_names[c][i]; i++)
      {
        g_autofree char *name = header_key (column_names[c][i]);
        if (g_str_equal (key, name))
          return c;
      }
  return -1;
}

int
fzp_gongfu_workshops_match_column (const char *header)
{
  g_autofree char *key = header_key (header);
  g_autofree char *norm = NULL;
  char *open;
  int column = match_key (key);

  /* 应发金额（元）, 工时（小时）: a unit in brackets after a known name. */
  if (column < 0)
    {
      norm = fz_normalize_text (header);
      open = strrchr (norm, '(');
      if (open && open != norm && g_str_has_suffix (norm, ")"))
        {
          g_autofree char *bare = NULL;

          *open = '\0';
          bare = header_key (norm);
          column = match_key (bare);
        }
    }
  return column;
}

const char *
fzp_gongfu_workshops_column_header (FzpGongfuWorkshopsColumn column)
{
  static const char *const headers[FZP_GONGFU_WORKSHOPS_N_COLUMNS] = {
    "姓名", "身份证号", "残疾证号", "计酬方式", "数量", "件数", "工时", "金额(元)", "月份", "车间", "备注",
  };

  return column < FZP_GONGFU_WORKSHOPS_N_COLUMNS ? headers[column] : "";
}

const char *
fzp_gongfu_workshops_column_label (FzpGongfuWorkshopsColumn column)
{
  switch (column)
    {
    case FZP_GONGFU_WORKSHOPS_COLUMN_NAME:        return _("Name");
    case FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER:   return _("Identity number");
    case FZP_GONGFU_WORKSHOPS_COLUMN_CERT_NUMBER: return _("Certificate number");
    case FZP_GONGFU_WORKSHOPS_COLUMN_BASIS:       return _("Basis");
    case FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY:    return _("Quantity");
    case FZP_GONGFU_WORKSHOPS_COLUMN_PIECES:      return _("Pieces");
    case FZP_GONGFU_WORKSHOPS_COLUMN_HOURS:       return _("Hours");
    case FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT:      return _("Amount");
    case FZP_GONGFU_WORKSHOPS_COLUMN_MONTH:       return _("Month");
    case FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP:    return _("Workshop");
    case FZP_GONGFU_WORKSHOPS_COLUMN_NOTE:        return _("Note");
    case FZP_GONGFU_WORKSHOPS_N_COLUMNS:
    default:                                      return "";
    }
}
