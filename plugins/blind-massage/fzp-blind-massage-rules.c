/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "fuzhu.h"
#include "fzp-blind-massage-rules.h"

G_DEFINE_QUARK (fzp-blind-massage-error-quark, fzp_blind_massage_error)

/* Kinds */

const char *
fzp_blind_massage_kind_to_nick (FzpBlindMassageKind kind)
{
  switch (kind)
    {
    case FZP_BLIND_MASSAGE_KIND_MEDICAL: return "medical";
    case FZP_BLIND_MASSAGE_KIND_HEALTH: return "health";
    case FZP_BLIND_MASSAGE_KIND_NONE:
    default: return NULL;
    }
}

FzpBlindMassageKind
fzp_blind_massage_kind_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "medical") == 0)
    return FZP_BLIND_MASSAGE_KIND_MEDICAL;
  if (g_strcmp0 (nick, "health") == 0)
    return FZP_BLIND_MASSAGE_KIND_HEALTH;
  return FZP_BLIND_MASSAGE_KIND_NONE;
}

const char *
fzp_blind_massage_kind_to_string (FzpBlindMassageKind kind)
{
  switch (kind)
    {
    case FZP_BLIND_MASSAGE_KIND_MEDICAL: return _("medical massage");
    case FZP_BLIND_MASSAGE_KIND_HEALTH: return _("health massage");
    case FZP_BLIND_MASSAGE_KIND_NONE:
    default: return "";
    }
}

const char *
fzp_blind_massage_kind_to_print (FzpBlindMassageKind kind)
{
  switch (kind)
    {
    case FZP_BLIND_MASSAGE_KIND_MEDICAL: return "医疗按摩";
    case FZP_BLIND_MASSAGE_KIND_HEALTH: return "保健按摩";
    case FZP_BLIND_MASSAGE_KIND_NONE:
    default: return "";
    }
}

gboolean
fzp_blind_massage_kind_parse (const char          *text,
                              FzpBlindMassageKind *kind,
                              GError             **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *lower = g_ascii_strdown (norm, -1);
  static const char *medical[] = { "医疗", "医疗按摩", "盲人医疗按摩", "medical", "medical massage", NULL };
  static const char *health[] = { "保健", "保健按摩", "盲人保健按摩", "health", "health massage", NULL };

  if (g_strv_contains (medical, lower))
    {
      *kind = FZP_BLIND_MASSAGE_KIND_MEDICAL;
      return TRUE;
    }
  if (g_strv_contains (health, lower))
    {
      *kind = FZP_BLIND_MASSAGE_KIND_HEALTH;
      return TRUE;
    }
  g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
               _("Kind: “%s” is neither medical (医疗) nor health (保健) massage"), norm);
  return FALSE;
}

/* Review results */

const char *
fzp_blind_massage_result_to_nick (FzpBlindMassageResult result)
{
  switch (result)
    {
    case FZP_BLIND_MASSAGE_RESULT_PASSED: return "passed";
    case FZP_BLIND_MASSAGE_RESULT_FAILED: return "failed";
    case FZP_BLIND_MASSAGE_RESULT_DEFERRED: return "deferred";
    case FZP_BLIND_MASSAGE_RESULT_NONE:
    default: return NULL;
    }
}

FzpBlindMassageResult
fzp_blind_massage_result_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "passed") == 0)
    return FZP_BLIND_MASSAGE_RESULT_PASSED;
  if (g_strcmp0 (nick, "failed") == 0)
    return FZP_BLIND_MASSAGE_RESULT_FAILED;
  if (g_strcmp0 (nick, "deferred") == 0)
    return FZP_BLIND_MASSAGE_RESULT_DEFERRED;
  return FZP_BLIND_MASSAGE_RESULT_NONE;
}

const char *
fzp_blind_massage_result_to_string (FzpBlindMassageResult result)
{
  switch (result)
    {
    case FZP_BLIND_MASSAGE_RESULT_PASSED: return _("Passed");
    case FZP_BLIND_MASSAGE_RESULT_FAILED: return _("Failed");
    case FZP_BLIND_MASSAGE_RESULT_DEFERRED: return _("Deferred");
    case FZP_BLIND_MASSAGE_RESULT_NONE:
    default: return "";
    }
}

const char *
fzp_blind_massage_result_to_print (FzpBlindMassageResult result)
{
  switch (result)
    {
    case FZP_BLIND_MASSAGE_RESULT_PASSED: return "合格";
    case FZP_BLIND_MASSAGE_RESULT_FAILED: return "不合格";
    case FZP_BLIND_MASSAGE_RESULT_DEFERRED: return "暂缓";
    case FZP_BLIND_MASSAGE_RESULT_NONE:
    default: return "";
    }
}

gboolean
fzp_blind_massage_result_parse (const char            *text,
                                FzpBlindMassageResult *result,
                                GError               **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *lower = g_ascii_strdown (norm, -1);
  static const char *passed[] = { "合格", "通过", "passed", "pass", NULL };
  static const char *failed[] = { "不合格", "未通过", "failed", "fail", NULL };
  static const char *deferred[] = { "暂缓", "缓审", "deferred", "defer", NULL };

  if (g_strv_contains (passed, lower))
    *result = FZP_BLIND_MASSAGE_RESULT_PASSED;
  else if (g_strv_contains (failed, lower))
    *result = FZP_BLIND_MASSAGE_RESULT_FAILED;
  else if (g_strv_contains (deferred, lower))
    *result = FZP_BLIND_MASSAGE_RESULT_DEFERRED;
  else
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Result: “%s” is not passed (合格), failed (不合格) or deferred (暂缓)"), norm);
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_blind_massage_result_is_done (FzpBlindMassageResult result)
{
  return result == FZP_BLIND_MASSAGE_RESULT_PASSED || result == FZP_BLIND_MASSAGE_RESULT_FAILED;
}

/* Exam marks */

const char *
fzp_blind_massage_exam_mark_to_nick (FzpBlindMassageExamMark mark)
{
  switch (mark)
    {
    case FZP_BLIND_MASSAGE_EXAM_PASS: return "pass";
    case FZP_BLIND_MASSAGE_EXAM_FAIL: return "fail";
    case FZP_BLIND_MASSAGE_EXAM_ABSENT: return "absent";
    default: return NULL;
    }
}

FzpBlindMassageExamMark
fzp_blind_massage_exam_mark_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "pass") == 0)
    return FZP_BLIND_MASSAGE_EXAM_PASS;
  if (g_strcmp0 (nick, "fail") == 0)
    return FZP_BLIND_MASSAGE_EXAM_FAIL;
  return FZP_BLIND_MASSAGE_EXAM_ABSENT;
}

const char *
fzp_blind_massage_exam_mark_to_print (FzpBlindMassageExamMark mark)
{
  switch (mark)
    {
    case FZP_BLIND_MASSAGE_EXAM_PASS: return "合格";
    case FZP_BLIND_MASSAGE_EXAM_FAIL: return "不合格";
    case FZP_BLIND_MASSAGE_EXAM_ABSENT: return "缺考";
    default: return "";
    }
}

gboolean
fzp_blind_massage_exam_mark_parse (const char              *text,
                                   const char              *field,
                                   FzpBlindMassageExamMark *mark,
                                   GError                 **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *lower = g_ascii_strdown (norm, -1);
  static const char *pass[] = { "合格", "通过", "pass", "passed", NULL };
  static const char *fail[] = { "不合格", "未通过", "fail", "failed", NULL };
  static const char *absent[] = { "缺考", "absent", NULL };

  if (g_strv_contains (pass, lower))
    *mark = FZP_BLIND_MASSAGE_EXAM_PASS;
  else if (g_strv_contains (fail, lower))
    *mark = FZP_BLIND_MASSAGE_EXAM_FAIL;
  else if (g_strv_contains (absent, lower))
    *mark = FZP_BLIND_MASSAGE_EXAM_ABSENT;
  else
    {
      /* TRANSLATORS: a field (Written exam), then what was typed */
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: “%s” is not pass (合格), fail (不合格) or absent (缺考)"), field, norm);
      return FALSE;
    }
  return TRUE;
}

/* Reviews */

static guint
days_in_month (guint month,
               int   year)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

gboolean
fzp_blind_massage_review_rule_check (const FzpBlindMassageReviewRule *rule,
                                     GError                         **error)
{
  if (!g_date_valid (&rule->effective_from))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("From: a date is needed"));
      return FALSE;
    }
  if (rule->cycle_years > FZP_BLIND_MASSAGE_CYCLE_MAX)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Cycle: %u years is too long; at most %d (0 means no review)"),
                   rule->cycle_years, FZP_BLIND_MASSAGE_CYCLE_MAX);
      return FALSE;
    }
  /* 29 February is allowed: in other years it means 28 February. */
  if (rule->due_month < 1 || rule->due_month > 12 || rule->due_day < 1
      || rule->due_day > days_in_month (rule->due_month, 2000))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Due date: %02u-%02u is not a day of the year"), rule->due_month, rule->due_day);
      return FALSE;
    }
  if (rule->due_year_offset > 1)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Due date: a review is due in its year or in the year after"));
      return FALSE;
    }
  if (!(rule->credit_hours >= 0 && rule->credit_hours <= 1000))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Class hours: between 0 and 1000"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_blind_massage_review_is_due_year (const FzpBlindMassageReviewRule *rule,
                                      int                              qualified_year,
                                      int                              year)
{
  if (rule == NULL || rule->cycle_years == 0 || year <= qualified_year)
    return FALSE;
  return (year - qualified_year) % (int) rule->cycle_years == 0;
}

void
fzp_blind_massage_review_due_date (const FzpBlindMassageReviewRule *rule,
                                   int                              year,
                                   GDate                           *due)
{
  int due_year = year + (int) rule->due_year_offset;
  guint day = MIN (rule->due_day, days_in_month (rule->due_month, due_year));

  g_date_clear (due, 1);
  g_date_set_dmy (due, (GDateDay) day, (GDateMonth) rule->due_month, (GDateYear) due_year);
}

FzpBlindMassageReviewState
fzp_blind_massage_review_state (const FzpBlindMassageReviewRule *rule,
                                int                              qualified_year,
                                int                              year,
                                FzpBlindMassageResult            result,
                                const GDate                     *on)
{
  GDate due;

  if (!fzp_blind_massage_review_is_due_year (rule, qualified_year, year))
    return FZP_BLIND_MASSAGE_REVIEW_NOT_DUE;
  if (fzp_blind_massage_result_is_done (result))
    return FZP_BLIND_MASSAGE_REVIEW_DONE;
  fzp_blind_massage_review_due_date (rule, year, &due);
  return g_date_compare (on, &due) <= 0 ? FZP_BLIND_MASSAGE_REVIEW_DUE : FZP_BLIND_MASSAGE_REVIEW_OVERDUE;
}

const char *
fzp_blind_massage_review_state_to_string (FzpBlindMassageReviewState state)
{
  switch (state)
    {
    case FZP_BLIND_MASSAGE_REVIEW_DUE: return _("Due");
    case FZP_BLIND_MASSAGE_REVIEW_OVERDUE: return _("Overdue");
    case FZP_BLIND_MASSAGE_REVIEW_DONE: return _("Done");
    case FZP_BLIND_MASSAGE_REVIEW_NOT_DUE:
    default: return _("Not due");
    }
}

const char *
fzp_blind_massage_review_state_to_print (FzpBlindMassageReviewState state)
{
  switch (state)
    {
    case FZP_BLIND_MASSAGE_REVIEW_DUE: return "待年审";
    case FZP_BLIND_MASSAGE_REVIEW_OVERDUE: return "逾期未年审";
    case FZP_BLIND_MASSAGE_REVIEW_DONE: return "已年审";
    case FZP_BLIND_MASSAGE_REVIEW_NOT_DUE:
    default: return "无需年审";
    }
}

double
fzp_blind_massage_credit_shortfall (double required,
                                    double earned)
{
  /* Hours are kept to the hundredth: compare in hundredths, so that
   * 19.9 + 0.1 is 20 and not a hair short. */
  gint64 need = (gint64) llround (required * 100);
  gint64 have = (gint64) llround (earned * 100);

  return need > have ? (double) (need - have) / 100 : 0;
}

gboolean
fzp_blind_massage_check_review (const FzpBlindMassageReviewRule *rule,
                                int                              year,
                                FzpBlindMassageResult            result,
                                const GDate                     *done_on,
                                double                           earned_hours,
                                gboolean                         filing_in_force,
                                const GDate                     *today,
                                GError                         **error)
{
  GDate now;
  double short_by;

  if (result == FZP_BLIND_MASSAGE_RESULT_NONE)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Result: choose passed, failed or deferred"));
      return FALSE;
    }
  if (done_on == NULL || !g_date_valid (done_on))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Date of review: a date is needed"));
      return FALSE;
    }
  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }
  if (g_date_compare (done_on, today) > 0)
    {
      g_autofree char *iso = fzp_blind_massage_date_to_iso (done_on);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Date of review: %s is in the future"), iso);
      return FALSE;
    }
  if ((int) g_date_get_year (done_on) < year)
    {
      g_autofree char *iso = fzp_blind_massage_date_to_iso (done_on);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Date of review: %s is before the year %d under review"), iso, year);
      return FALSE;
    }
  if (result != FZP_BLIND_MASSAGE_RESULT_PASSED)
    return TRUE;

  short_by = fzp_blind_massage_credit_shortfall (rule->credit_hours, earned_hours);
  if (short_by > 0)
    {
      g_autofree char *have = fzp_blind_massage_format_hours (earned_hours);
      g_autofree char *need = fzp_blind_massage_format_hours (rule->credit_hours);
      g_autofree char *missing = fzp_blind_massage_format_hours (short_by);

      /* TRANSLATORS: %1$s hours done, %2$s hours needed, %3$d year, %4$s hours short */
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_CREDITS_SHORT,
                   _("Continuing education: %s of %s class hours in %d, %s short, so the review cannot pass"),
                   have, need, year, missing);
      return FALSE;
    }
  if (rule->require_filing && !filing_in_force)
    {
      g_autofree char *iso = fzp_blind_massage_date_to_iso (done_on);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NO_FILING,
                   _("Practice filing: none in force on %s, so the review cannot pass"), iso);
      return FALSE;
    }
  return TRUE;
}

/* Filings */

void
fzp_blind_massage_filing_last_day (const GDate *to,
                                   const GDate *ended,
                                   GDate       *last)
{
  g_date_clear (last, 1);
  if (ended && g_date_valid (ended))
    *last = *ended;
  if (to && g_date_valid (to) && (!g_date_valid (last) || g_date_compare (to, last) < 0))
    *last = *to;
}

FzpBlindMassageFilingState
fzp_blind_massage_filing_state (const GDate *from,
                                const GDate *to,
                                const GDate *ended,
                                const GDate *on)
{
  GDate last;

  if (g_date_compare (on, from) < 0)
    {
      /* Ended before it started: it never will. */
      if (ended && g_date_valid (ended) && g_date_compare (ended, from) < 0)
        return FZP_BLIND_MASSAGE_FILING_ENDED;
      return FZP_BLIND_MASSAGE_FILING_PENDING;
    }
  fzp_blind_massage_filing_last_day (to, ended, &last);
  if (!g_date_valid (&last) || g_date_compare (on, &last) <= 0)
    return FZP_BLIND_MASSAGE_FILING_ACTIVE;
  /* Past its last day: ended when the end came first, else its term ran out. */
  if (ended && g_date_valid (ended) && (to == NULL || !g_date_valid (to) || g_date_compare (ended, to) <= 0))
    return FZP_BLIND_MASSAGE_FILING_ENDED;
  return FZP_BLIND_MASSAGE_FILING_EXPIRED;
}

const char *
fzp_blind_massage_filing_state_to_string (FzpBlindMassageFilingState state)
{
  switch (state)
    {
    case FZP_BLIND_MASSAGE_FILING_PENDING: return _("Not yet in force");
    case FZP_BLIND_MASSAGE_FILING_ACTIVE: return _("In force");
    case FZP_BLIND_MASSAGE_FILING_EXPIRED: return _("Expired");
    case FZP_BLIND_MASSAGE_FILING_ENDED:
    default: return _("Ended");
    }
}

const char *
fzp_blind_massage_filing_state_to_print (FzpBlindMassageFilingState state)
{
  switch (state)
    {
    case FZP_BLIND_MASSAGE_FILING_PENDING: return "未生效";
    case FZP_BLIND_MASSAGE_FILING_ACTIVE: return "有效";
    case FZP_BLIND_MASSAGE_FILING_EXPIRED: return "已过期";
    case FZP_BLIND_MASSAGE_FILING_ENDED:
    default: return "已终止";
    }
}

gboolean
fzp_blind_massage_check_filing_term (const GDate  *from,
                                     const GDate  *to,
                                     GError      **error)
{
  if (from == NULL || !g_date_valid (from))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("From: a date is needed"));
      return FALSE;
    }
  if (to && g_date_valid (to) && g_date_compare (to, from) < 0)
    {
      g_autofree char *a = fzp_blind_massage_date_to_iso (from);
      g_autofree char *b = fzp_blind_massage_date_to_iso (to);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("To: %s is before the start, %s"), b, a);
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_blind_massage_filings_overlap (const GDate *from,
                                   const GDate *to,
                                   const GDate *other_from,
                                   const GDate *other_last)
{
  gboolean starts_before_other_ends = other_last == NULL || !g_date_valid (other_last)
                                      || g_date_compare (from, other_last) <= 0;
  gboolean other_starts_before_end = to == NULL || !g_date_valid (to)
                                     || g_date_compare (other_from, to) <= 0;

  return starts_before_other_ends && other_starts_before_end;
}

/* Titles */

gboolean
fzp_blind_massage_check_title_step (guint        current_level,
                                    guint        new_level,
                                    const char  *name,
                                    gboolean     needs_passed_review,
                                    gboolean     review_passed,
                                    int          award_year,
                                    GError     **error)
{
  if (new_level == 0)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Title: choose a title"));
      return FALSE;
    }
  if (current_level == 0)
    return TRUE;
  if (new_level <= current_level)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE,
                   _("Title: %s is not above the title held now"), name);
      return FALSE;
    }
  if (new_level > current_level + 1)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE,
                   _("Title: %s skips a step; titles rise one step at a time"), name);
      return FALSE;
    }
  if (needs_passed_review && !review_passed)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE,
                   _("Title: %s needs a passed yearly review for %d"), name, award_year - 1);
      return FALSE;
    }
  return TRUE;
}

/* Values */

gboolean
fzp_blind_massage_parse_hours (const char  *text,
                               const char  *field,
                               double      *hours,
                               GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  char *end = NULL;
  double value;

  if (*norm == '\0')
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: a number of class hours is needed"), field);
      return FALSE;
    }
  value = g_ascii_strtod (norm, &end);
  if (end == norm || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: “%s” is not a number"), field, norm);
      return FALSE;
    }
  if (value <= 0 || value > 1000)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: %s is not between 0 and 1000 class hours"), field, norm);
      return FALSE;
    }
  if (fabs (value * 100 - round (value * 100)) > 1e-6)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: %s has more than two decimals"), field, norm);
      return FALSE;
    }
  *hours = value;
  return TRUE;
}

char *
fzp_blind_massage_format_hours (double hours)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", round (hours * 100) / 100));
  char *dot = strchr (text, '.');

  if (dot)
    {
      char *end = text + strlen (text) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (g_str_equal (text, "-0"))
    text[0] = '0', text[1] = '\0';
  return text;
}

gboolean
fzp_blind_massage_parse_month_day (const char  *text,
                                   guint       *month,
                                   guint       *day,
                                   GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  guint m = 0, d = 0;
  char tail[8] = "";
  int n;

  n = sscanf (norm, "%u-%u%7s", &m, &d, tail);
  if (n != 2)
    n = sscanf (norm, "%u/%u%7s", &m, &d, tail);
  if (n != 2)
    {
      n = sscanf (norm, "%u月%u%7s", &m, &d, tail);
      if (n == 3 && g_str_equal (tail, "日"))
        n = 2;
    }
  if (n != 2 || m < 1 || m > 12 || d < 1 || d > days_in_month (m, 2000))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Due date: “%s” is not a day of the year such as 12-31"), norm);
      return FALSE;
    }
  *month = m;
  *day = d;
  return TRUE;
}

gboolean
fzp_blind_massage_parse_year (const char  *text,
                              int         *year,
                              GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  gint64 value = 0;

  if (strlen (norm) != 4 || !g_ascii_string_to_signed (norm, 10, 1950, 2200, &value, NULL))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Year: “%s” is not a year"), norm);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

char *
fzp_blind_massage_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
fzp_blind_massage_date_from_iso (const char *text,
                                 GDate      *date)
{
  guint y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}
