/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules of the workshops measure, pure C with no GTK and no database:
 * what a value may be, when a person may join or leave, which month of pay
 * is compared with the minimum wage. Every failure is a
 * FZP_GONGFU_WORKSHOPS_ERROR whose message names the field first. */

#define FZP_GONGFU_WORKSHOPS_ERROR (fzp_gongfu_workshops_error_quark ())

typedef enum {
  FZP_GONGFU_WORKSHOPS_ERROR_INVALID,   /* a value that cannot be */
  FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,  /* contradicts what is recorded (joining twice, paying after leaving) */
  FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND, /* no such workshop, person or organization */
} FzpGongfuWorkshopsError;

GQuark fzp_gongfu_workshops_error_quark (void);

/* Who hosts a workshop. */
typedef enum {
  FZP_GONGFU_WORKSHOPS_HOST_NONE      = 0,
  FZP_GONGFU_WORKSHOPS_HOST_VILLAGE   = 1, /* 村 */
  FZP_GONGFU_WORKSHOPS_HOST_COMMUNITY = 2, /* 社区 */
  FZP_GONGFU_WORKSHOPS_HOST_HOME      = 3, /* 残疾人之家 */
  FZP_GONGFU_WORKSHOPS_HOST_COMPANY   = 4, /* 企业 */
} FzpGongfuWorkshopsHost;

#define FZP_GONGFU_WORKSHOPS_HOST_LAST FZP_GONGFU_WORKSHOPS_HOST_COMPANY

/* "village", "community", "home", "company": the value stored. */
const char *fzp_gongfu_workshops_host_to_nick   (FzpGongfuWorkshopsHost host);
FzpGongfuWorkshopsHost fzp_gongfu_workshops_host_from_nick (const char *nick);
/* Translated, for the window. */
const char *fzp_gongfu_workshops_host_to_string (FzpGongfuWorkshopsHost host);
/* Chinese, for printed documents. */
const char *fzp_gongfu_workshops_host_to_print  (FzpGongfuWorkshopsHost host);
/* Reads 村, 社区, 残疾人之家, 企业 (公司) or the nicks. */
gboolean    fzp_gongfu_workshops_parse_host     (const char             *text,
                                                 FzpGongfuWorkshopsHost *host,
                                                 GError                **error);

/* How a month's work is paid. */
typedef enum {
  FZP_GONGFU_WORKSHOPS_BASIS_NONE  = 0,
  FZP_GONGFU_WORKSHOPS_BASIS_PIECE = 1, /* 计件: the quantity is pieces */
  FZP_GONGFU_WORKSHOPS_BASIS_HOUR  = 2, /* 计时: the quantity is hours */
} FzpGongfuWorkshopsBasis;

const char *fzp_gongfu_workshops_basis_to_nick   (FzpGongfuWorkshopsBasis basis);
FzpGongfuWorkshopsBasis fzp_gongfu_workshops_basis_from_nick (const char *nick);
const char *fzp_gongfu_workshops_basis_to_string (FzpGongfuWorkshopsBasis basis);
const char *fzp_gongfu_workshops_basis_to_print  (FzpGongfuWorkshopsBasis basis);
/* Reads 计件 (件), 计时 (时, 小时), piece(s), hour(s). */
gboolean    fzp_gongfu_workshops_parse_basis     (const char              *text,
                                                  FzpGongfuWorkshopsBasis *basis,
                                                  GError                 **error);

/* The largest amount one record may hold, in fen: a month's pay of a
 * million yuan is a typing slip, not a wage. */
#define FZP_GONGFU_WORKSHOPS_AMOUNT_MAX ((gint64) 100000000)

/* Reads an amount of money in yuan as staff write it (1234, 1,234.50,
 * ¥1234.5, 1234.50元, full-width digits) into fen. At most two decimals,
 * except the noise a spreadsheet leaves (1234.4999999999998) which is
 * rounded to the nearest fen. Rejects empty, negative and over
 * FZP_GONGFU_WORKSHOPS_AMOUNT_MAX, naming @field. */
gboolean    fzp_gongfu_workshops_parse_amount    (const char  *text,
                                                  const char  *field,
                                                  gint64      *fen,
                                                  GError     **error);
/* "1234.50": yuan with two decimals, no grouping. */
char       *fzp_gongfu_workshops_format_amount   (gint64       fen);
/* "1,234.50" for people to read. */
char       *fzp_gongfu_workshops_format_amount_grouped (gint64  fen);

/* Reads a quantity of @basis for a month of @days_in_month days: pieces are
 * whole numbers, hours have at most two decimals and cannot exceed the
 * hours of the month (24 × @days_in_month). Empty is an error. */
gboolean    fzp_gongfu_workshops_parse_quantity  (const char              *text,
                                                  FzpGongfuWorkshopsBasis  basis,
                                                  guint                    days_in_month,
                                                  double                  *quantity,
                                                  GError                 **error);
/* "120" or "37.5": no trailing zeros. */
char       *fzp_gongfu_workshops_format_quantity (double                   quantity);

/* A month's record is either no work (quantity and amount both 0) or work
 * paid (both above 0): a quantity without pay, or pay without a quantity,
 * is a slip. */
gboolean    fzp_gongfu_workshops_check_pay       (FzpGongfuWorkshopsBasis  basis,
                                                  double                   quantity,
                                                  gint64                   fen,
                                                  GError                 **error);
/* Whether a checked record is a month with no work. */
gboolean    fzp_gongfu_workshops_is_no_work      (double                   quantity,
                                                  gint64                   fen);

/* Reads a month as 2025-03, 2025/3, 2025.3, 202503, 2025年3月, or a date in
 * it (2025-03-01, as a spreadsheet's month column often holds), naming
 * @field. */
gboolean    fzp_gongfu_workshops_parse_month     (const char  *text,
                                                  const char  *field,
                                                  guint       *year,
                                                  guint       *month,
                                                  GError     **error);
/* "2025-03". */
char       *fzp_gongfu_workshops_format_month    (guint        year,
                                                  guint        month);
/* The first and the last day of a month. */
void        fzp_gongfu_workshops_month_bounds    (guint        year,
                                                  guint        month,
                                                  GDate       *first,
                                                  GDate       *last);

/* A person's time in one workshop: from the day they joined to the last day
 * they worked there (invalid @left while they still work there). Leaving
 * and joining again makes a new spell; the old one stays as history. */
typedef struct {
  gint64      workshop_id;
  const char *workshop_name; /* for messages */
  GDate       joined;
  GDate       left;
} FzpGongfuWorkshopsSpell;

/* Whether a person with @spells (in any order) may join a workshop that
 * opened on @opened (and closed on @closed, invalid while open) on
 * @joined, today being @today: not in the future, not before the workshop
 * opened or after it closed, and not while they work anywhere else: a
 * person works in one workshop at a time. CONFLICT names the workshop. */
gboolean    fzp_gongfu_workshops_check_join      (const FzpGongfuWorkshopsSpell *spells,
                                                  guint                          n_spells,
                                                  const GDate                   *joined,
                                                  const GDate                   *opened,
                                                  const GDate                   *closed,
                                                  const GDate                   *today,
                                                  GError                       **error);
/* Whether the open @spell may end on @left (the last day of work), today
 * being @today: not before it began, not in the future, and not before the
 * last month with pay recorded (@last_paid_year/@last_paid_month, 0 when
 * none). */
gboolean    fzp_gongfu_workshops_check_leave     (const FzpGongfuWorkshopsSpell *spell,
                                                  const GDate                   *left,
                                                  const GDate                   *today,
                                                  guint                          last_paid_year,
                                                  guint                          last_paid_month,
                                                  GError                       **error);

/* Whether the spell has a day in the month. */
gboolean    fzp_gongfu_workshops_spell_covers_month (const FzpGongfuWorkshopsSpell *spell,
                                                     guint                          year,
                                                     guint                          month);
/* Whether the spell covers every day of the month. Only such months are
 * compared with the monthly minimum wage: a month joined or left midway is
 * part-time by nature. */
gboolean    fzp_gongfu_workshops_spell_covers_whole_month (const FzpGongfuWorkshopsSpell *spell,
                                                           guint                          year,
                                                           guint                          month);
/* Whether pay may be recorded for the month: the spell covers it and it is
 * not after the month of @today. */
gboolean    fzp_gongfu_workshops_check_pay_month (const FzpGongfuWorkshopsSpell *spell,
                                                  guint                          year,
                                                  guint                          month,
                                                  const GDate                   *today,
                                                  GError                       **error);

/* Whether a spell that began on @joined is a placement (a person with a
 * disability newly given work), rather than a move from another workshop:
 * it is one unless the person's previous spell ended on the day before or
 * later (@previous_left; NULL or invalid when there was none). */
gboolean    fzp_gongfu_workshops_is_placement    (const GDate *joined,
                                                  const GDate *previous_left);

/* A month's pay of one worker compared with the county's minimum wage. */
gboolean    fzp_gongfu_workshops_below_monthly_minimum (gint64  fen,
                                                        double  monthly_yuan);
/* For pay by the hour: whether the rate was below the hourly minimum. */
gboolean    fzp_gongfu_workshops_below_hourly_minimum  (FzpGongfuWorkshopsBasis basis,
                                                        double                  hours,
                                                        gint64                  fen,
                                                        double                  hourly_yuan);

/* Pay figures over any set of monthly records. */
typedef struct {
  guint  n_records;       /* records, months with no work included */
  gint64 total_fen;       /* everything paid */
  guint  n_no_work;       /* months recorded with no work */
  guint  n_compared;      /* whole months with work: those compared with the minimum wage */
  gint64 compared_fen;    /* what they paid */
  guint  n_below;         /* of those, below the monthly minimum wage */
  guint  n_hourly;        /* records paid by the hour, with work */
  guint  n_below_hourly;  /* of those, at a rate below the hourly minimum */
} FzpGongfuWorkshopsPayFigures;

/* Adds one record: @whole_month tells whether the spell covered the whole
 * month; @monthly_yuan and @hourly_yuan are the minimum wage of the
 * workshop's county in force on the month's first day. */
void        fzp_gongfu_workshops_pay_figures_add (FzpGongfuWorkshopsPayFigures *figures,
                                                  FzpGongfuWorkshopsBasis       basis,
                                                  double                        quantity,
                                                  gint64                        fen,
                                                  gboolean                      whole_month,
                                                  double                        monthly_yuan,
                                                  double                        hourly_yuan);
/* The average monthly pay per worker, in fen, over the whole months with
 * work; 0 when there is none. */
gint64      fzp_gongfu_workshops_pay_figures_average (const FzpGongfuWorkshopsPayFigures *figures);

/* The recognition standard of a 残疾人共富车间 in force from a date: no
 * official text was found, so it is data an administrator keeps. */
typedef struct {
  GDate effective_from;
  guint min_workers;   /* persons with disabilities working there */
} FzpGongfuWorkshopsStandard;

/* Whether a workshop with @workers persons with disabilities meets
 * @standard; when not, @why (may be NULL) says what is missing. */
gboolean    fzp_gongfu_workshops_meets_standard  (const FzpGongfuWorkshopsStandard *standard,
                                                  guint                             workers,
                                                  char                            **why);

/* The columns of a month's pay sheet, matched by their usual Chinese or
 * English headers. */
typedef enum {
  FZP_GONGFU_WORKSHOPS_COLUMN_NAME,
  FZP_GONGFU_WORKSHOPS_COLUMN_ID_NUMBER,
  FZP_GONGFU_WORKSHOPS_COLUMN_CERT_NUMBER,
  FZP_GONGFU_WORKSHOPS_COLUMN_BASIS,
  FZP_GONGFU_WORKSHOPS_COLUMN_QUANTITY,
  FZP_GONGFU_WORKSHOPS_COLUMN_PIECES,
  FZP_GONGFU_WORKSHOPS_COLUMN_HOURS,
  FZP_GONGFU_WORKSHOPS_COLUMN_AMOUNT,
  FZP_GONGFU_WORKSHOPS_COLUMN_MONTH,
  FZP_GONGFU_WORKSHOPS_COLUMN_WORKSHOP,
  FZP_GONGFU_WORKSHOPS_COLUMN_NOTE,
  FZP_GONGFU_WORKSHOPS_N_COLUMNS
} FzpGongfuWorkshopsColumn;

/* The column @header names, or -1 for a column of the office's own.
 * Compared without spaces, brackets, 、 and *, ASCII in any case. */
int         fzp_gongfu_workshops_match_column    (const char               *header);
/* The header export writes (Chinese), which match_column reads back. */
const char *fzp_gongfu_workshops_column_header   (FzpGongfuWorkshopsColumn  column);
/* The field's name in the user's language, for messages. */
const char *fzp_gongfu_workshops_column_label    (FzpGongfuWorkshopsColumn  column);

G_END_DECLS
