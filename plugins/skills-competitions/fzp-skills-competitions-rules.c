/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "fuzhu.h"
#include "fzp-skills-competitions-rules.h"

G_DEFINE_QUARK (fzp-skills-competitions-error-quark, fzp_skills_competitions_error)

/* One table per enumeration: nick, label (msgid), printed words, and other
 * words people type for it. */
typedef struct {
  const char *nick;
  const char *label;
  const char *print;
  const char *other; /* another spelling accepted when parsing, or NULL */
} Names;

static const Names levels[] = {
  { "county", N_("County"), "县级", "县" },
  { "city", N_("City"), "市级", "市" },
  { "provincial-selection", N_("Selection for the provincial contest"), "省赛选拔赛", "选拔赛" },
  { "provincial", N_("Provincial contest"), "省级", "省" },
};

static const Names rules[] = {
  { "mean", N_("Mean of all judges"), "各评委评分的平均分", "平均分" },
  { "trimmed-mean", N_("Mean without the highest and lowest"), "去掉一个最高分和一个最低分后的平均分", "去掉最高最低分" },
};

static const Names tie_breaks[] = {
  { "shared", N_("Equal scores share the rank"), "得分相同者名次并列", "并列" },
  { "chief-judge", N_("Chief judge’s score decides"), "得分相同者以裁判长（评委一）评分高者列前", "裁判长" },
  { "untrimmed-mean", N_("Mean of all judges decides"), "得分相同者以全部评委评分的平均分高者列前", "全部平均分" },
};

static const Names bases[] = {
  { "count", N_("Number of awards"), "按名额", "名额" },
  { "share", N_("Share of entrants"), "按参赛人数比例", "比例" },
};

static const Names roundings[] = {
  { "half-up", N_("Round half up"), "四舍五入", "四舍五入" },
  { "floor", N_("Round down"), "向下取整", "向下取整" },
  { "ceil", N_("Round up"), "向上取整", "向上取整" },
};

static const Names nominations[] = {
  { "craftsman", N_("Craftsman with a disability"), "残疾人工匠", "工匠" },
  { "technical-expert", N_("Zhejiang technical expert"), "浙江省技术能手", "技术能手" },
};

static const Names decisions[] = {
  { "pending", N_("Pending"), "待定", "待定" },
  { "selected", N_("Selected"), "入选", "入选" },
  { "rejected", N_("Not selected"), "未入选", "未入选" },
};

static gboolean
names_parse (const Names *names,
             guint        n,
             const char  *text,
             guint       *value)
{
  g_autofree char *norm = fz_normalize_text (text);

  if (*norm == '\0')
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (norm, names[i].nick) == 0
        || g_str_equal (norm, names[i].print)
        || (names[i].other && g_str_equal (norm, names[i].other))
        || g_str_equal (norm, _(names[i].label)))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

#define NAMES_FUNCS(prefix, Type, table)                                              \
const char *                                                                          \
fzp_skills_competitions_##prefix##_to_nick (Type value)                               \
{                                                                                     \
  return (guint) value < G_N_ELEMENTS (table) ? table[value].nick : "";               \
}                                                                                     \
const char *                                                                          \
fzp_skills_competitions_##prefix##_to_label (Type value)                              \
{                                                                                     \
  return (guint) value < G_N_ELEMENTS (table) ? _(table[value].label) : "";           \
}                                                                                     \
gboolean                                                                              \
fzp_skills_competitions_##prefix##_parse (const char *text,                           \
                                          Type       *value)                          \
{                                                                                     \
  guint i;                                                                            \
  if (!names_parse (table, G_N_ELEMENTS (table), text, &i))                           \
    return FALSE;                                                                     \
  *value = (Type) i;                                                                  \
  return TRUE;                                                                        \
}

#define PRINT_FUNC(prefix, Type, table)                                               \
const char *                                                                          \
fzp_skills_competitions_##prefix##_to_print (Type value)                              \
{                                                                                     \
  return (guint) value < G_N_ELEMENTS (table) ? table[value].print : "";              \
}

NAMES_FUNCS (level, FzpSkillsCompetitionsLevel, levels)
PRINT_FUNC (level, FzpSkillsCompetitionsLevel, levels)
NAMES_FUNCS (rule, FzpSkillsCompetitionsScoreRule, rules)
PRINT_FUNC (rule, FzpSkillsCompetitionsScoreRule, rules)
NAMES_FUNCS (tie_break, FzpSkillsCompetitionsTieBreak, tie_breaks)
PRINT_FUNC (tie_break, FzpSkillsCompetitionsTieBreak, tie_breaks)
NAMES_FUNCS (basis, FzpSkillsCompetitionsBasis, bases)
NAMES_FUNCS (rounding, FzpSkillsCompetitionsRounding, roundings)
PRINT_FUNC (rounding, FzpSkillsCompetitionsRounding, roundings)
NAMES_FUNCS (nomination, FzpSkillsCompetitionsNominationKind, nominations)
PRINT_FUNC (nomination, FzpSkillsCompetitionsNominationKind, nominations)
NAMES_FUNCS (decision, FzpSkillsCompetitionsDecision, decisions)

/* Reads a non-negative decimal with at most @max_decimals decimals into
 * units of 10^-@max_decimals. FALSE for anything else; *too_precise tells a
 * number with more decimals apart. */
static gboolean
parse_decimal (const char *text,
               guint       max_decimals,
               gint64     *units,
               gboolean   *too_precise,
               gboolean   *negative)
{
  const char *p = text;
  gint64 whole = 0;
  gint64 frac = 0;
  guint n_frac = 0;
  guint n_whole = 0;

  *too_precise = FALSE;
  *negative = FALSE;
  if (*p == '+')
    p++;
  else if (*p == '-')
    {
      *negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, n_whole++)
    {
      if (whole > G_MAXINT64 / 100)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }
  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, n_frac++)
        {
          if (n_frac < max_decimals)
            frac = frac * 10 + (*p - '0');
          else if (*p != '0')
            *too_precise = TRUE;
        }
    }
  if (*p != '\0' || (n_whole == 0 && n_frac == 0))
    return FALSE;
  for (guint i = MIN (n_frac, max_decimals); i < max_decimals; i++)
    frac *= 10;
  if (whole > G_MAXINT64 / 1000)
    return FALSE;
  *units = whole;
  for (guint i = 0; i < max_decimals; i++)
    *units *= 10;
  *units += frac;
  return TRUE;
}

gboolean
fzp_skills_competitions_parse_score (const char  *text,
                                     gint64       max,
                                     gint64      *score,
                                     GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  g_autofree char *max_text = fzp_skills_competitions_format_score (max);
  gboolean too_precise;
  gboolean negative;
  gint64 value;

  if (*norm == '\0')
    {
      g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           _("the score is missing"));
      return FALSE;
    }
  if (!parse_decimal (norm, 2, &value, &too_precise, &negative))
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("“%s” is not a score"), norm);
      return FALSE;
    }
  if (negative && value != 0)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("%s is below 0"), norm);
      return FALSE;
    }
  if (too_precise)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("%s has more than two decimals"), norm);
      return FALSE;
    }
  if (value > max)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("%s is above the event’s highest score, %s"), norm, max_text);
      return FALSE;
    }
  *score = value;
  return TRUE;
}

char *
fzp_skills_competitions_format_score (gint64 score)
{
  const char *sign = score < 0 ? "-" : "";
  gint64 a = ABS (score);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", sign, a / 100, (int) (a % 100));
}

/* @sum / @n rounded half up; both not negative, @n > 0. */
static gint64
mean_half_up (gint64 sum,
              gint64 n)
{
  return (2 * sum + n) / (2 * n);
}

gboolean
fzp_skills_competitions_final_score (FzpSkillsCompetitionsScoreRule   rule,
                                     const gint64                    *scores,
                                     guint                            n,
                                     gint64                          *final,
                                     int                             *dropped_high,
                                     int                             *dropped_low,
                                     GError                         **error)
{
  gint64 sum = 0;
  int high = -1;
  int low = -1;

  if (dropped_high)
    *dropped_high = -1;
  if (dropped_low)
    *dropped_low = -1;
  if (n == 0)
    {
      g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE,
                           _("There are no scores yet"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    sum += scores[i];
  if (rule == FZP_SKILLS_COMPETITIONS_RULE_MEAN)
    {
      *final = mean_half_up (sum, n);
      return TRUE;
    }
  if (n < 3)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE,
                   _("Dropping the highest and lowest scores needs at least three judges, not %u"), n);
      return FALSE;
    }
  /* The first of equal highest and the last of equal lowest: always two
   * different scores, even when every judge agreed. */
  high = 0;
  low = (int) n - 1;
  for (guint i = 0; i < n; i++)
    {
      if (scores[i] > scores[high])
        high = (int) i;
      if (scores[i] < scores[low] || (scores[i] == scores[low] && (int) i > low))
        low = (int) i;
    }
  sum -= scores[high] + scores[low];
  *final = mean_half_up (sum, n - 2);
  if (dropped_high)
    *dropped_high = high;
  if (dropped_low)
    *dropped_low = low;
  return TRUE;
}

typedef struct {
  const FzpSkillsCompetitionsStanding *standing;
  guint                                index;
} Sorted;

static int
compare_standing (const FzpSkillsCompetitionsStanding *a,
                  const FzpSkillsCompetitionsStanding *b,
                  FzpSkillsCompetitionsTieBreak        tie_break)
{
  if (a->final != b->final)
    return a->final > b->final ? -1 : 1;
  switch (tie_break)
    {
    case FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE:
      if (a->chief != b->chief)
        return a->chief > b->chief ? -1 : 1;
      break;
    case FZP_SKILLS_COMPETITIONS_TIE_UNTRIMMED_MEAN:
      /* Every ranked entrant has a score from every judge of the event, so
       * the higher total is the higher mean. */
      if (a->total != b->total)
        return a->total > b->total ? -1 : 1;
      break;
    case FZP_SKILLS_COMPETITIONS_TIE_SHARED:
    case FZP_SKILLS_COMPETITIONS_N_TIE_BREAKS:
    default:
      break;
    }
  return 0;
}

static int
compare_sorted (const Sorted                  *a,
                const Sorted                  *b,
                FzpSkillsCompetitionsTieBreak  tie_break)
{
  int c = compare_standing (a->standing, b->standing, tie_break);

  if (c != 0)
    return c;
  return a->index < b->index ? -1 : a->index > b->index;
}

guint
fzp_skills_competitions_rank (const FzpSkillsCompetitionsStanding *standings,
                              guint                                n,
                              FzpSkillsCompetitionsTieBreak        tie_break,
                              guint                               *ranks)
{
  g_autofree Sorted *sorted = g_new0 (Sorted, MAX (n, 1));
  guint n_ranked = 0;

  for (guint i = 0; i < n; i++)
    {
      ranks[i] = 0;
      if (standings[i].ranked)
        {
          sorted[n_ranked].standing = &standings[i];
          sorted[n_ranked].index = i;
          n_ranked++;
        }
    }
  /* A stable insertion sort: plenty for the entrants of one event. */
  for (guint i = 1; i < n_ranked; i++)
    {
      Sorted key = sorted[i];
      guint j = i;

      while (j > 0 && compare_sorted (&sorted[j - 1], &key, tie_break) > 0)
        {
          sorted[j] = sorted[j - 1];
          j--;
        }
      sorted[j] = key;
    }
  for (guint i = 0; i < n_ranked; i++)
    {
      guint rank = i + 1;

      if (i > 0 && compare_standing (sorted[i - 1].standing, sorted[i].standing, tie_break) == 0)
        rank = ranks[sorted[i - 1].index];
      ranks[sorted[i].index] = rank;
    }
  return n_ranked;
}

/* A percentage in hundredths of a percent, exactly; FALSE when it has more
 * than two decimals or is out of 0–100. */
static gboolean
share_to_basis_points (double  amount,
                       gint64 *points)
{
  double scaled = amount * 100.0;
  gint64 rounded = (gint64) (scaled + 0.5);

  if (amount < 0 || amount > 100 || ABS (scaled - (double) rounded) > 1e-6)
    return FALSE;
  *points = rounded;
  return TRUE;
}

gboolean
fzp_skills_competitions_scheme_check (const FzpSkillsCompetitionsScheme  *scheme,
                                      GError                            **error)
{
  gint64 total = 0;

  if (scheme->n_tiers == 0 || scheme->n_tiers > 8)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Award scheme: give 1 to 8 awards, not %u"), scheme->n_tiers);
      return FALSE;
    }
  for (guint i = 0; i < scheme->n_tiers; i++)
    {
      g_autofree char *name = fz_normalize_text (scheme->awards[i]);
      double amount = scheme->amounts[i];

      if (*name == '\0' || g_utf8_strlen (name, -1) > 20)
        {
          g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                       _("Award scheme: award %u needs a name of 1 to 20 characters"), i + 1);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (scheme->awards[j], scheme->awards[i]) == 0)
          {
            g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                         _("Award scheme: “%s” is given twice"), name);
            return FALSE;
          }
      if (scheme->basis == FZP_SKILLS_COMPETITIONS_BASIS_COUNT)
        {
          if (amount < 0 || amount > 10000 || amount != (double) (gint64) amount)
            {
              g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           _("Award scheme: %s: the number of awards must be a whole number from 0"), name);
              return FALSE;
            }
        }
      else
        {
          gint64 points;

          if (!share_to_basis_points (amount, &points))
            {
              g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           _("Award scheme: %s: a share is a percentage from 0 to 100 with at most two decimals"), name);
              return FALSE;
            }
          total += points;
        }
    }
  if (total > 10000)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Award scheme: the shares add up to more than %d%%"), 100);
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_skills_competitions_quotas (const FzpSkillsCompetitionsScheme  *scheme,
                                guint                               n_ranked,
                                guint                              *cumulative,
                                GError                            **error)
{
  gint64 sum = 0;

  if (!fzp_skills_competitions_scheme_check (scheme, error))
    return FALSE;
  for (guint i = 0; i < scheme->n_tiers; i++)
    {
      gint64 upto;

      if (scheme->basis == FZP_SKILLS_COMPETITIONS_BASIS_COUNT)
        {
          sum += (gint64) scheme->amounts[i];
          upto = sum;
        }
      else
        {
          gint64 points = 0;
          gint64 numerator;

          share_to_basis_points (scheme->amounts[i], &points);
          sum += points;
          /* n_ranked × sum / 10000, rounded as the scheme says. */
          numerator = (gint64) n_ranked * sum;
          switch (scheme->rounding)
            {
            case FZP_SKILLS_COMPETITIONS_ROUND_FLOOR:
              upto = numerator / 10000;
              break;
            case FZP_SKILLS_COMPETITIONS_ROUND_CEIL:
              upto = (numerator + 9999) / 10000;
              break;
            case FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP:
            case FZP_SKILLS_COMPETITIONS_N_ROUNDINGS:
            default:
              upto = (numerator + 5000) / 10000;
              break;
            }
        }
      cumulative[i] = (guint) MIN (upto, (gint64) n_ranked);
    }
  return TRUE;
}

void
fzp_skills_competitions_assign_awards (const guint *ranks,
                                       guint        n,
                                       const guint *cumulative,
                                       guint        n_tiers,
                                       guint       *tiers)
{
  for (guint i = 0; i < n; i++)
    {
      tiers[i] = 0;
      if (ranks[i] == 0)
        continue;
      for (guint k = 0; k < n_tiers; k++)
        if (ranks[i] <= cumulative[k])
          {
            tiers[i] = k + 1;
            break;
          }
    }
}

gboolean
fzp_skills_competitions_expert_eligible (const FzpSkillsCompetitionsExpertRule  *rule,
                                         FzpSkillsCompetitionsLevel              level,
                                         guint                                   rank,
                                         guint                                   n_entrants,
                                         GError                                **error)
{
  if (level != rule->level)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Only results of a contest at the level “%s” can be put forward"),
                   fzp_skills_competitions_level_to_label (rule->level));
      return FALSE;
    }
  if (rank == 0)
    {
      g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           _("The entrant has no rank in the event"));
      return FALSE;
    }
  if (rank <= rule->first_places)
    return TRUE;
  if (n_entrants >= rule->large_event_entrants && rank <= rule->large_event_places)
    return TRUE;
  if (rank <= rule->large_event_places)
    g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Place %u qualifies only in an event of at least %u entrants; this one had %u"),
                 rank, rule->large_event_entrants, n_entrants);
  else
    g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Place %u does not qualify: up to place %u does, or %u in an event of at least %u entrants"),
                 rank, rule->first_places, rule->large_event_places, rule->large_event_entrants);
  return FALSE;
}

char *
fzp_skills_competitions_check_text (const char  *text,
                                    const char  *field,
                                    guint        max,
                                    GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  glong length = g_utf8_strlen (norm, -1);

  if (length == 0)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("%s: the value is missing"), field);
      return NULL;
    }
  if ((guint) length > max)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("%s: %ld characters is too long; at most %u"), field, length, max);
      return NULL;
    }
  return g_steal_pointer (&norm);
}

static char *
format_amount (double amount)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* At most two decimals, without trailing zeros: 10, 12.5, 33.33. */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", amount);
  if (strchr (buffer, '.'))
    {
      char *end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buffer);
}

guint
fzp_skills_competitions_parse_tiers (const char   *text,
                                     char       ***awards,
                                     double      **amounts,
                                     GError      **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) parts = NULL;
  GString *unified = g_string_new (NULL);

  /* One separator and one colon, whatever the input method typed. */
  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0C || c == 0x3001 || c == ';' || c == 0xFF1B)
        g_string_append_c (unified, ',');
      else if (c == 0xFF1A || c == '=')
        g_string_append_c (unified, ':');
      else if (c == 0xFF05)
        g_string_append_c (unified, '%');
      else
        g_string_append_unichar (unified, c);
    }
  parts = g_strsplit (unified->str, ",", -1);
  g_string_free (unified, TRUE);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      char *colon;
      char *end = NULL;
      double amount;

      if (*part == '\0')
        continue;
      colon = strrchr (part, ':');
      if (colon == NULL)
        {
          g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                       _("Award scheme: “%s” should be an award and its amount, as 一等奖:10"), part);
          return 0;
        }
      *colon = '\0';
      g_strstrip (part);
      g_strstrip (colon + 1);
      if (g_str_has_suffix (colon + 1, "%"))
        colon[1 + strlen (colon + 1) - 1] = '\0';
      amount = g_ascii_strtod (colon + 1, &end);
      if (colon[1] == '\0' || end == NULL || *end != '\0' || *part == '\0')
        {
          g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                       _("Award scheme: “%s” should be an award and its amount, as 一等奖:10"), parts[i]);
          return 0;
        }
      g_strv_builder_add (names, part);
      g_array_append_val (values, amount);
    }
  if (values->len == 0)
    {
      g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           _("Award scheme: no awards are given"));
      return 0;
    }
  *awards = g_strv_builder_end (names);
  *amounts = g_memdup2 (values->data, values->len * sizeof (double));
  return values->len;
}

char *
fzp_skills_competitions_scheme_describe (const FzpSkillsCompetitionsScheme *scheme,
                                         gboolean                           print)
{
  GString *out = g_string_new (NULL);
  gboolean share = scheme->basis == FZP_SKILLS_COMPETITIONS_BASIS_SHARE;

  for (guint i = 0; i < scheme->n_tiers; i++)
    {
      g_autofree char *amount = format_amount (scheme->amounts[i]);

      if (i > 0)
        g_string_append (out, print ? "、" : _(", "));
      if (print)
        g_string_append_printf (out, share ? "%s %s%%" : "%s %s 名", scheme->awards[i], amount);
      else if (share)
        /* TRANSLATORS: an award and its share of the entrants, e.g. "一等奖 10%" */
        g_string_append_printf (out, _("%s %s%%"), scheme->awards[i], amount);
      else
        /* TRANSLATORS: an award and how many are given, e.g. "一等奖 × 3" */
        g_string_append_printf (out, _("%s × %s"), scheme->awards[i], amount);
    }
  if (share)
    {
      if (print)
        g_string_append_printf (out, "（%s）", fzp_skills_competitions_rounding_to_print (scheme->rounding));
      else
        g_string_append_printf (out, _(" (%s)"), fzp_skills_competitions_rounding_to_label (scheme->rounding));
    }
  return g_string_free (out, FALSE);
}
