/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-rules.h"

G_DEFINE_QUARK (fzp-welfare-posts-error-quark, fzp_welfare_posts_error)

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
  g_set_error (error, FZP_WELFARE_POSTS_ERROR, code, _("%s: %s"), field, detail);
}

/* Kinds */

static const struct {
  const char *nick;
  const char *print;
  const char *names[8];
} kinds[] = {
  [FZP_WELFARE_POSTS_KIND_CARE] = { "care", "托养(庇护)照料机构管理服务",
    { "托养(庇护)照料机构管理服务", "托养照料机构管理服务", "托养(庇护)照料机构", "托养(庇护)照料", "托养",
      "庇护", "care institution", NULL } },
  [FZP_WELFARE_POSTS_KIND_LIAISON] = { "liaison", "残疾人专职委员",
    { "残疾人专职委员", "专职委员", "专委", "liaison officer", NULL } },
  [FZP_WELFARE_POSTS_KIND_HOME_STATION] = { "home-station", "残疾人之家就业驿站",
    { "残疾人之家就业驿站", "就业驿站", "残疾人之家", "驿站", "home station", "employment station", NULL } },
  [FZP_WELFARE_POSTS_KIND_OTHER] = { "other", "其他助残公益性岗位",
    { "其他助残公益性岗位", "其他助残岗位", "助残公益性岗位", "其他", "其它", "other", NULL } },
};

const char *
fzp_welfare_posts_kind_to_nick (FzpWelfarePostsKind kind)
{
  if (kind < FZP_WELFARE_POSTS_KIND_CARE || kind > FZP_WELFARE_POSTS_KIND_LAST)
    return NULL;
  return kinds[kind].nick;
}

FzpWelfarePostsKind
fzp_welfare_posts_kind_from_nick (const char *nick)
{
  for (int k = FZP_WELFARE_POSTS_KIND_CARE; k <= FZP_WELFARE_POSTS_KIND_LAST; k++)
    if (g_strcmp0 (kinds[k].nick, nick) == 0)
      return (FzpWelfarePostsKind) k;
  return 0;
}

const char *
fzp_welfare_posts_kind_to_string (FzpWelfarePostsKind kind)
{
  switch (kind)
    {
    case FZP_WELFARE_POSTS_KIND_CARE:         return _("Care institution management and services");
    case FZP_WELFARE_POSTS_KIND_LIAISON:      return _("Disability liaison officer");
    case FZP_WELFARE_POSTS_KIND_HOME_STATION: return _("Employment station of a Home for Persons with Disabilities");
    case FZP_WELFARE_POSTS_KIND_OTHER:        return _("Other disability-support post");
    default:                                  return "";
    }
}

const char *
fzp_welfare_posts_kind_to_print (FzpWelfarePostsKind kind)
{
  if (kind < FZP_WELFARE_POSTS_KIND_CARE || kind > FZP_WELFARE_POSTS_KIND_LAST)
    return "";
  return kinds[kind].print;
}

/* Compared without spaces, brackets, dashes and a final 岗位 or 类. */
static char *
name_key (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '(' || c == ')' || c == '-' || c == '_' || c == 0x3001 /* 、 */)
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  if (g_str_has_suffix (key->str, "岗位") && key->len > strlen ("岗位"))
    g_string_truncate (key, key->len - strlen ("岗位"));
  else if (g_str_has_suffix (key->str, "类") && key->len > strlen ("类"))
    g_string_truncate (key, key->len - strlen ("类"));
  return g_string_free (key, FALSE);
}

gboolean
fzp_welfare_posts_kind_parse (const char          *text,
                              FzpWelfarePostsKind *kind,
                              GError             **error)
{
  g_autofree char *key = name_key (text ? text : "");

  if (*key == '\0')
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Kind of post"), "%s", _("the value is missing"));
      return FALSE;
    }
  for (int k = FZP_WELFARE_POSTS_KIND_CARE; k <= FZP_WELFARE_POSTS_KIND_LAST; k++)
    {
      g_autofree char *nick = name_key (kinds[k].nick);

      if (g_str_equal (key, nick))
        {
          *kind = (FzpWelfarePostsKind) k;
          return TRUE;
        }
      for (guint i = 0; kinds[k].names[i]; i++)
        {
          g_autofree char *name = name_key (kinds[k].names[i]);
          if (g_str_equal (key, name))
            {
              *kind = (FzpWelfarePostsKind) k;
              return TRUE;
            }
        }
    }
  set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Kind of post"),
                   _("“%s” is not a kind of post; use 托养(庇护)照料机构管理服务, 残疾人专职委员, 残疾人之家就业驿站 or 其他助残公益性岗位"),
                   text);
  return FALSE;
}

/* Values */

gboolean
fzp_welfare_posts_parse_money (const char  *text,
                               const char  *field,
                               double      *value,
                               GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  GString *digits = g_string_new (NULL);
  g_autofree char *plain = NULL;
  const char *p = norm;
  const char *dot;
  char *end = NULL;
  double v;

  if (g_str_has_prefix (p, "¥"))
    p += strlen ("¥");
  else if (g_str_has_prefix (p, "￥"))
    p += strlen ("￥");
  for (; *p; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);
  if (g_str_has_suffix (digits->str, "元"))
    g_string_truncate (digits, digits->len - strlen ("元"));
  plain = g_string_free (digits, FALSE);

  if (*plain == '\0')
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field, "%s", _("the value is missing"));
      return FALSE;
    }
  for (const char *c = plain; *c; c++)
    if (!g_ascii_isdigit (*c) && *c != '.')
      {
        set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field,
                         _("“%s” is not an amount of yuan"), text);
        return FALSE;
      }
  dot = strchr (plain, '.');
  if (dot && (strchr (dot + 1, '.') || strlen (dot + 1) > 2 || dot == plain))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field,
                       _("“%s” is not an amount of yuan and fen"), text);
      return FALSE;
    }
  v = g_ascii_strtod (plain, &end);
  if (end == NULL || *end != '\0' || !isfinite (v) || v > 10000000)
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field,
                       _("“%s” is not an amount of yuan"), text);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

gboolean
fzp_welfare_posts_parse_places (const char  *text,
                                const char  *field,
                                guint       *value,
                                GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  guint64 v = 0;

  if (*norm == '\0')
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field, "%s", _("the value is missing"));
      return FALSE;
    }
  if (g_str_has_suffix (norm, "个"))
    norm[strlen (norm) - strlen ("个")] = '\0';
  if (!g_ascii_string_to_unsigned (norm, 10, 1, 10000, &v, NULL))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field,
                       _("“%s” is not a whole number from 1 to 10000"), text);
      return FALSE;
    }
  *value = (guint) v;
  return TRUE;
}

gboolean
fzp_welfare_posts_parse_month (const char  *text,
                               const char  *field,
                               guint       *year,
                               guint       *month,
                               GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  guint parts[2] = { 0, 0 };
  guint n_parts = 0;
  guint digits = 0;

  if (*norm == '\0')
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field, "%s", _("the value is missing"));
      return FALSE;
    }
  if (strlen (norm) == 6 && strspn (norm, "0123456789") == 6)
    {
      parts[0] = (guint) g_ascii_strtoull (norm, NULL, 10) / 100;
      parts[1] = (guint) g_ascii_strtoull (norm + 4, NULL, 10);
      n_parts = 2;
    }
  else
    for (const char *p = norm; *p; )
      {
        if (g_ascii_isdigit (*p))
          {
            if (digits == 0 && ++n_parts > 2)
              break;
            if (++digits > 4)
              {
                n_parts = 3;
                break;
              }
            parts[n_parts - 1] = parts[n_parts - 1] * 10 + (guint) (*p - '0');
            p++;
            continue;
          }
        digits = 0;
        if (*p == '-' || *p == '/' || *p == '.')
          p++;
        else if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月"))
          p += strlen ("年");
        else
          {
            n_parts = 3;
            break;
          }
      }
  if (n_parts != 2 || parts[0] < 1900 || parts[0] > 2200 || parts[1] < 1 || parts[1] > 12)
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, field,
                       _("“%s” is not a month; write it as 2025-03"), text);
      return FALSE;
    }
  *year = parts[0];
  *month = parts[1];
  return TRUE;
}

void
fzp_welfare_posts_format_date (const GDate *date,
                               char         out[11])
{
  if (date == NULL || !g_date_valid (date))
    {
      out[0] = '\0';
      return;
    }
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Periods */

static guint32
start_day (const FzpWelfarePostsPeriod *p)
{
  return g_date_get_julian (&p->start);
}

/* The last day, or the end of time for a period that has not ended. */
static guint32
end_day (const FzpWelfarePostsPeriod *p)
{
  return g_date_valid (&p->end) ? g_date_get_julian (&p->end) : G_MAXUINT32 - 1;
}

gboolean
fzp_welfare_posts_periods_overlap (const FzpWelfarePostsPeriod *a,
                                   const FzpWelfarePostsPeriod *b)
{
  return start_day (a) <= end_day (b) && start_day (b) <= end_day (a);
}

typedef struct {
  guint32 day;
  int     delta;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  /* On one day, leaving (the day after a last day) comes before arriving. */
  return x->delta - y->delta;
}

guint
fzp_welfare_posts_max_overlap (const FzpWelfarePostsPeriod *periods,
                               guint                        n_periods,
                               const FzpWelfarePostsPeriod *within)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint32 from = start_day (within);
  guint32 to = end_day (within);
  int count = 0;
  int best = 0;

  for (guint i = 0; i < n_periods; i++)
    {
      guint32 s = MAX (start_day (&periods[i]), from);
      guint32 e = MIN (end_day (&periods[i]), to);
      Event in = { s, +1 };
      Event out = { e + 1, -1 };

      if (s > e)
        continue;
      g_array_append_val (events, in);
      g_array_append_val (events, out);
    }
  g_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      count += g_array_index (events, Event, i).delta;
      best = MAX (best, count);
    }
  return (guint) best;
}

gboolean
fzp_welfare_posts_check_period (const FzpWelfarePostsPeriod *placement,
                                const FzpWelfarePostsPeriod *post,
                                GError                     **error)
{
  char a[11], b[11];

  if (!g_date_valid (&placement->start))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Start"), "%s", _("the value is missing"));
      return FALSE;
    }
  if (g_date_valid (&placement->end) && g_date_compare (&placement->end, &placement->start) < 0)
    {
      fzp_welfare_posts_format_date (&placement->start, a);
      fzp_welfare_posts_format_date (&placement->end, b);
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("End"),
                       _("%s is before the start, %s"), b, a);
      return FALSE;
    }
  if (g_date_compare (&placement->start, &post->start) < 0)
    {
      fzp_welfare_posts_format_date (&placement->start, a);
      fzp_welfare_posts_format_date (&post->start, b);
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Start"),
                       _("%s is before the post was created, on %s"), a, b);
      return FALSE;
    }
  if (g_date_valid (&post->end))
    {
      fzp_welfare_posts_format_date (&post->end, b);
      if (g_date_compare (&placement->start, &post->end) > 0)
        {
          fzp_welfare_posts_format_date (&placement->start, a);
          set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Start"),
                           _("%s is after the post was closed, on %s"), a, b);
          return FALSE;
        }
      if (!g_date_valid (&placement->end) || g_date_compare (&placement->end, &post->end) > 0)
        {
          set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("End"),
                           _("the post closes on %s: the placement must end by then"), b);
          return FALSE;
        }
    }
  return TRUE;
}

/* Recognition */

const char *
fzp_welfare_posts_condition_to_string (FzpWelfarePostsCondition condition)
{
  switch (condition)
    {
    case FZP_WELFARE_POSTS_CONDITION_CERTIFICATE:   return _("Disability certificate");
    case FZP_WELFARE_POSTS_CONDITION_WORKING_AGE:   return _("Working age");
    case FZP_WELFARE_POSTS_CONDITION_UNEMPLOYED:    return _("Unemployed");
    case FZP_WELFARE_POSTS_CONDITION_ABLE:          return _("Able to work");
    case FZP_WELFARE_POSTS_CONDITION_WILLING:       return _("Willing to work");
    case FZP_WELFARE_POSTS_CONDITION_NOT_SUPPORTED: return _("Not supported as extremely poor");
    case FZP_WELFARE_POSTS_N_CONDITIONS:
    default:                                        return "";
    }
}

gboolean
fzp_welfare_posts_condition_holds (const FzpWelfarePostsFacts *facts,
                                   FzpWelfarePostsCondition    condition,
                                   char                      **explanation)
{
  gboolean holds = FALSE;
  char *why = NULL;

  switch (condition)
    {
    case FZP_WELFARE_POSTS_CONDITION_CERTIFICATE:
      holds = facts->has_certificate;
      why = g_strdup (holds ? _("the registry has the certificate number")
                            : _("the registry has no certificate number for this person"));
      break;
    case FZP_WELFARE_POSTS_CONDITION_WORKING_AGE:
      holds = facts->working_age;
      why = g_strdup_printf (holds ? _("aged %u, within %u to %u") : _("aged %u, outside %u to %u"),
                             facts->age, facts->min_age, facts->max_age);
      break;
    case FZP_WELFARE_POSTS_CONDITION_UNEMPLOYED:
      holds = facts->employment == FZ_EMPLOYMENT_UNEMPLOYED;
      if (holds)
        why = g_strdup (_("the registry says unemployed"));
      else if (facts->employment == FZ_EMPLOYMENT_EMPLOYED)
        why = g_strdup (_("the registry says employed"));
      else
        why = g_strdup (_("the registry does not say; record the employment status there first"));
      break;
    case FZP_WELFARE_POSTS_CONDITION_ABLE:
      holds = facts->able_to_work;
      why = g_strdup (holds ? _("recorded as able to work") : _("not recorded as able to work"));
      break;
    case FZP_WELFARE_POSTS_CONDITION_WILLING:
      holds = facts->willing_to_work;
      why = g_strdup (holds ? _("recorded as willing to work") : _("not recorded as willing to work"));
      break;
    case FZP_WELFARE_POSTS_CONDITION_NOT_SUPPORTED:
      holds = facts->not_supported;
      why = g_strdup (holds ? _("recorded as not supported as extremely poor (特困人员)")
                            : _("supported as extremely poor (特困人员), or not recorded otherwise"));
      break;
    case FZP_WELFARE_POSTS_N_CONDITIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (explanation)
    *explanation = why;
  else
    g_free (why);
  return holds;
}

gboolean
fzp_welfare_posts_check_facts (const FzpWelfarePostsFacts *facts,
                               GError                    **error)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (int c = 0; c < FZP_WELFARE_POSTS_N_CONDITIONS; c++)
    {
      g_autofree char *why = NULL;

      if (fzp_welfare_posts_condition_holds (facts, c, &why))
        continue;
      if (failures->len)
        g_string_append_c (failures, '\n');
      g_string_append_printf (failures, _("%s: %s"), fzp_welfare_posts_condition_to_string (c), why);
    }
  if (failures->len == 0)
    return TRUE;
  g_set_error_literal (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_CONDITION, failures->str);
  return FALSE;
}

/* Rules as data */

enum {
  KEY_EXEMPT_MONTHS,
  KEY_TAPER_MONTHS,
  KEY_TAPER_SHARES,
  KEY_SUPPORTED,
  KEY_GRADUATE_YEARS,
  N_KEYS
};

static const char * const rule_keys[] = {
  "exempt-months", "taper-months", "taper-shares", "supported-categories", "graduate-years", NULL
};

const char * const *
fzp_welfare_posts_rule_keys (void)
{
  return rule_keys;
}

static int
key_index (const char *key)
{
  for (int i = 0; i < N_KEYS; i++)
    if (g_strcmp0 (rule_keys[i], key) == 0)
      return i;
  return -1;
}

const char *
fzp_welfare_posts_rule_title (const char *key)
{
  switch (key_index (key))
    {
    case KEY_EXEMPT_MONTHS:  return _("Months left out");
    case KEY_TAPER_MONTHS:   return _("Months of tapering");
    case KEY_TAPER_SHARES:   return _("Shares counted while tapering");
    case KEY_SUPPORTED:      return _("Supported employment covers");
    case KEY_GRADUATE_YEARS: return _("Years a graduate counts as of the year");
    default:                 return NULL;
    }
}

const char *
fzp_welfare_posts_rule_describe (const char *key)
{
  switch (key_index (key))
    {
    case KEY_EXEMPT_MONTHS:
      return _("Months from first employment or re-employment in which the job income of a low-income household member is left out");
    case KEY_TAPER_MONTHS:
      return _("Months of the tapering period that follows");
    case KEY_TAPER_SHARES:
      return _("Share of the income counted in each equal part of the tapering period, e.g. 0.5 or 0.25,0.5,0.75");
    case KEY_SUPPORTED:
      return _("Disabilities whose supported-employment income up to the minimum wage is left out, as CATEGORY:GRADE (covered from grade 1 to that grade)");
    case KEY_GRADUATE_YEARS:
      return _("Years after graduating in which a graduate may still be placed as a graduate of the year");
    default:
      return NULL;
    }
}

void
fzp_welfare_posts_rules_init (FzpWelfarePostsRules *rules)
{
  memset (rules, 0, sizeof *rules);
}

static gboolean
parse_whole (const char  *key,
             const char  *value,
             guint        max,
             guint       *out,
             GError     **error)
{
  g_autofree char *norm = fz_normalize_number (value);
  guint64 v;

  if (!g_ascii_string_to_unsigned (norm, 10, 0, max, &v, NULL))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, key,
                       _("“%s” is not a whole number from 0 to %u"), value ? value : "", max);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

static gboolean
parse_shares (const char            *value,
              FzpWelfarePostsRules  *rules,
              GError               **error)
{
  g_autofree char *norm = fz_normalize_number (value);
  g_auto(GStrv) parts = g_strsplit (norm, ",", -1);
  guint n = g_strv_length (parts);
  double shares[FZP_WELFARE_POSTS_MAX_SHARES];

  if (*norm == '\0' || n > FZP_WELFARE_POSTS_MAX_SHARES)
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, rule_keys[KEY_TAPER_SHARES],
                       _("give 1 to %d shares from 0 to 1, separated by commas"), FZP_WELFARE_POSTS_MAX_SHARES);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;
      double v = g_ascii_strtod (parts[i], &end);

      if (*parts[i] == '\0' || end == NULL || *end != '\0' || !isfinite (v) || v < 0 || v > 1)
        {
          set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, rule_keys[KEY_TAPER_SHARES],
                           _("“%s” is not a share from 0 to 1"), parts[i]);
          return FALSE;
        }
      shares[i] = v;
    }
  memcpy (rules->taper_shares, shares, n * sizeof (double));
  rules->n_taper_shares = n;
  return TRUE;
}

static gboolean
parse_supported (const char            *value,
                 FzpWelfarePostsRules  *rules,
                 GError               **error)
{
  g_autofree char *norm = fz_normalize_number (value);
  g_auto(GStrv) parts = g_strsplit (norm, ",", -1);
  guint grades[FZ_CATEGORY_LAST + 1] = { 0 };

  for (guint i = 0; parts[i]; i++)
    {
      guint64 category = 0, grade = 0;
      g_auto(GStrv) pair = NULL;

      if (*parts[i] == '\0' && parts[1] == NULL)
        break;  /* "" covers nobody */
      pair = g_strsplit (parts[i], ":", 2);
      if (g_strv_length (pair) != 2 ||
          !g_ascii_string_to_unsigned (pair[0], 10, 1, FZ_CATEGORY_LAST, &category, NULL) ||
          !g_ascii_string_to_unsigned (pair[1], 10, 1, FZ_GRADE_LAST, &grade, NULL))
        {
          set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, rule_keys[KEY_SUPPORTED],
                           _("“%s” is not CATEGORY:GRADE, a category 1–7 and a grade 1–4"), parts[i]);
          return FALSE;
        }
      if (grades[category] != 0)
        {
          set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, rule_keys[KEY_SUPPORTED],
                           _("category %u is given twice"), (guint) category);
          return FALSE;
        }
      grades[category] = (guint) grade;
    }
  memcpy (rules->supported_max_grade, grades, sizeof grades);
  return TRUE;
}

gboolean
fzp_welfare_posts_rules_set (FzpWelfarePostsRules  *rules,
                             const char            *key,
                             const char            *value,
                             GError               **error)
{
  int k = key_index (key);
  gboolean ok = FALSE;

  switch (k)
    {
    case KEY_EXEMPT_MONTHS:
      ok = parse_whole (key, value, 240, &rules->exempt_months, error);
      break;
    case KEY_TAPER_MONTHS:
      ok = parse_whole (key, value, 120, &rules->taper_months, error);
      break;
    case KEY_TAPER_SHARES:
      ok = parse_shares (value, rules, error);
      break;
    case KEY_SUPPORTED:
      ok = parse_supported (value, rules, error);
      break;
    case KEY_GRADUATE_YEARS:
      ok = parse_whole (key, value, 10, &rules->graduate_years, error);
      break;
    default:
      {
        g_autofree char *known = g_strjoinv (", ", (char **) rule_keys);
        g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID,
                     _("“%s” is not a rule; the rules are %s"), key ? key : "", known);
      }
      return FALSE;
    }
  if (ok)
    rules->set |= 1u << k;
  return ok;
}

gboolean
fzp_welfare_posts_rules_check (const FzpWelfarePostsRules *rules,
                               GError                    **error)
{
  for (int k = 0; k < N_KEYS; k++)
    if (!(rules->set & (1u << k)))
      {
        g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND,
                     _("No rule “%s” is in force on that day"), rule_keys[k]);
        return FALSE;
      }
  if (rules->taper_months > 0 && rules->taper_months % rules->n_taper_shares != 0)
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, rule_keys[KEY_TAPER_SHARES],
                       _("%u shares do not divide %u months into whole months"),
                       rules->n_taper_shares, rules->taper_months);
      return FALSE;
    }
  return TRUE;
}

char *
fzp_welfare_posts_rules_format (const FzpWelfarePostsRules *rules,
                                const char                 *key)
{
  GString *out;

  switch (key_index (key))
    {
    case KEY_EXEMPT_MONTHS:
      return g_strdup_printf ("%u", rules->exempt_months);
    case KEY_TAPER_MONTHS:
      return g_strdup_printf ("%u", rules->taper_months);
    case KEY_GRADUATE_YEARS:
      return g_strdup_printf ("%u", rules->graduate_years);
    case KEY_TAPER_SHARES:
      out = g_string_new (NULL);
      for (guint i = 0; i < rules->n_taper_shares; i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_printf (out, "%s%s", i ? "," : "",
                                  g_ascii_formatd (buf, sizeof buf, "%g", rules->taper_shares[i]));
        }
      return g_string_free (out, FALSE);
    case KEY_SUPPORTED:
      out = g_string_new (NULL);
      for (guint c = 1; c <= FZ_CATEGORY_LAST; c++)
        if (rules->supported_max_grade[c])
          g_string_append_printf (out, "%s%u:%u", out->len ? "," : "", c, rules->supported_max_grade[c]);
      return g_string_free (out, FALSE);
    default:
      return NULL;
    }
}

gboolean
fzp_welfare_posts_supported_covers (const FzpWelfarePostsRules *rules,
                                    guint                       category,
                                    guint                       grade)
{
  if (category < 1 || category > FZ_CATEGORY_LAST || grade < 1 || grade > FZ_GRADE_LAST)
    return FALSE;
  return grade <= rules->supported_max_grade[category];
}

gboolean
fzp_welfare_posts_check_graduate (const FzpWelfarePostsRules *rules,
                                  guint                       graduation_year,
                                  const GDate                *start,
                                  GError                    **error)
{
  guint year = g_date_get_year (start);

  if (graduation_year > year)
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE, _("Graduation year"),
                       _("%u is after the placement starts, in %u"), graduation_year, year);
      return FALSE;
    }
  if (year - graduation_year > rules->graduate_years)
    {
      if (rules->graduate_years == 0)
        set_field_error (error, FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE, _("Graduation year"),
                         _("a graduate of %u is not a graduate of the year in %u"), graduation_year, year);
      else
        set_field_error (error, FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE, _("Graduation year"),
                         _("a graduate of %u counts as a graduate of the year until %u only"),
                         graduation_year, graduation_year + rules->graduate_years);
      return FALSE;
    }
  return TRUE;
}

/* The income rule */

/* @since plus @months, as the Civil Code ends a period: on the
 * corresponding day, or the month's last day where there is none. */
static void
add_months (const GDate *since,
            guint        months,
            GDate       *out)
{
  *out = *since;
  g_date_add_months (out, months);
}

void
fzp_welfare_posts_income_ends (const FzpWelfarePostsRules *rules,
                               const GDate                *since,
                               GDate                      *exempt_end,
                               GDate                      *taper_end)
{
  add_months (since, rules->exempt_months, exempt_end);
  add_months (since, rules->exempt_months + rules->taper_months, taper_end);
}

FzpWelfarePostsPhase
fzp_welfare_posts_income_phase (const FzpWelfarePostsRules *rules,
                                const GDate                *since,
                                const GDate                *day,
                                gboolean                    taper_granted,
                                double                     *share)
{
  GDate exempt_end, taper_end;
  double counted = 1;
  FzpWelfarePostsPhase phase;

  fzp_welfare_posts_income_ends (rules, since, &exempt_end, &taper_end);
  if (g_date_compare (day, since) < 0)
    {
      phase = FZP_WELFARE_POSTS_PHASE_BEFORE;
      counted = 0;
    }
  else if (g_date_compare (day, &exempt_end) <= 0)
    {
      phase = FZP_WELFARE_POSTS_PHASE_EXEMPT;
      counted = 0;
    }
  else if (g_date_compare (day, &taper_end) <= 0)
    {
      guint part_months = rules->taper_months / MAX (rules->n_taper_shares, 1);

      phase = FZP_WELFARE_POSTS_PHASE_TAPER;
      counted = 1;
      if (taper_granted)
        for (guint k = 0; k < rules->n_taper_shares; k++)
          {
            GDate part_end;

            add_months (since, rules->exempt_months + (k + 1) * part_months, &part_end);
            if (g_date_compare (day, &part_end) <= 0 || k + 1 == rules->n_taper_shares)
              {
                counted = rules->taper_shares[k];
                break;
              }
          }
    }
  else
    phase = FZP_WELFARE_POSTS_PHASE_COUNTED;
  if (share)
    *share = counted;
  return phase;
}

static double
round_fen (double value)
{
  return round (value * 100) / 100;
}

gboolean
fzp_welfare_posts_compute_income (const FzpWelfarePostsRules *rules,
                                  FzpWelfarePostsIncome      *income,
                                  GError                    **error)
{
  GDate first, last, day;
  double weight = 0;
  char a[11];

  if (income->income < 0 || !isfinite (income->income))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Income"), "%s", _("it cannot be negative"));
      return FALSE;
    }
  if (!g_date_valid (&income->since))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Employed since"), "%s", _("the value is missing"));
      return FALSE;
    }
  if (!g_date_valid_dmy (1, (GDateMonth) income->month, (GDateYear) income->year))
    {
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Month"), "%s", _("the value is missing"));
      return FALSE;
    }
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) income->month, (GDateYear) income->year);
  last = first;
  g_date_add_days (&last, g_date_get_days_in_month ((GDateMonth) income->month, (GDateYear) income->year) - 1);
  if (g_date_compare (&income->since, &last) > 0)
    {
      fzp_welfare_posts_format_date (&income->since, a);
      set_field_error (error, FZP_WELFARE_POSTS_ERROR_INVALID, _("Employed since"),
                       _("%s is after the month; there is no job income to count yet"), a);
      return FALSE;
    }

  fzp_welfare_posts_income_ends (rules, &income->since, &income->exempt_end, &income->taper_end);
  income->days = income->days_exempt = income->days_taper = income->days_counted = 0;
  day = g_date_compare (&income->since, &first) > 0 ? income->since : first;
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      double share = 0;

      switch (fzp_welfare_posts_income_phase (rules, &income->since, &day, income->taper_granted, &share))
        {
        case FZP_WELFARE_POSTS_PHASE_EXEMPT:  income->days_exempt++; break;
        case FZP_WELFARE_POSTS_PHASE_TAPER:   income->days_taper++; break;
        case FZP_WELFARE_POSTS_PHASE_COUNTED: income->days_counted++; break;
        case FZP_WELFARE_POSTS_PHASE_BEFORE:
        default:                              continue;
        }
      income->days++;
      weight += share;
    }
  income->share = income->days ? weight / income->days : 0;
  income->wage_left_out = income->supported ? MIN (income->income, MAX (income->minimum_wage, 0)) : 0;
  income->counted = round_fen ((income->income - income->wage_left_out) * income->share);
  income->left_out = round_fen (income->income - income->counted);
  return TRUE;
}

static char *
money (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

char *
fzp_welfare_posts_explain_income (const FzpWelfarePostsIncome *income)
{
  GString *out = g_string_new (NULL);
  char since[11], exempt_end[11], taper_end[11];
  g_autofree char *total = money (income->income);
  g_autofree char *wage = money (income->minimum_wage);
  g_autofree char *wage_out = money (income->wage_left_out);
  g_autofree char *rest = money (income->income - income->wage_left_out);
  g_autofree char *counted = money (income->counted);
  g_autofree char *left_out = money (income->left_out);
  char share[G_ASCII_DTOSTR_BUF_SIZE];

  fzp_welfare_posts_format_date (&income->since, since);
  fzp_welfare_posts_format_date (&income->exempt_end, exempt_end);
  fzp_welfare_posts_format_date (&income->taper_end, taper_end);
  g_ascii_formatd (share, sizeof share, "%.4g", income->share * 100);

  g_string_append_printf (out, _("Employed since %s: income left out until %s, then tapering until %s."),
                          since, exempt_end, taper_end);
  g_string_append_c (out, '\n');
  if (!income->taper_granted)
    {
      g_string_append (out, _("No tapering period was granted: after the exempt period the income counts whole."));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, _("Days of the month in work: %u — %u left out, %u tapering, %u counted whole."),
                          income->days, income->days_exempt, income->days_taper, income->days_counted);
  g_string_append_c (out, '\n');
  if (income->supported)
    {
      g_string_append_printf (out, _("Supported employment: %s of %s yuan, up to the minimum wage of %s, is left out."),
                              wage_out, total, wage);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, _("%s%% of the remaining %s yuan counts: %s yuan counts as household income, %s yuan is left out."),
                          share, rest, counted, left_out);
  return g_string_free (out, FALSE);
}
