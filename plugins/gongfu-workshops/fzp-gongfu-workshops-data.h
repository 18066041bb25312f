/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-gongfu-workshops-rules.h"

G_BEGIN_DECLS

/* The measure's data: workshops, the spells persons work in them, their
 * monthly pay, orders, and the recognition standard. Every change is one
 * transaction; a value that breaks a rule fails with
 * FZP_GONGFU_WORKSHOPS_ERROR (or FZ_VALIDATE_ERROR for a date) naming the
 * field, and nothing is written. Dates are YYYY-MM-DD in the database and
 * GDate here; an invalid GDate means "none". */

#define FZP_GONGFU_WORKSHOPS_OWNER "gongfu-workshops"

/* Dates as the database keeps them. */
gboolean    fzp_gongfu_workshops_date_from_iso (const char  *text,
                                                GDate       *date);
void        fzp_gongfu_workshops_date_to_iso   (const GDate *date,
                                                char         out[11]);
void        fzp_gongfu_workshops_today         (GDate       *today);

typedef struct {
  gint64                  id;                     /* 0 until saved */
  char                   *name;
  FzpGongfuWorkshopsHost  host;
  char                   *host_name;              /* the village, community or home; may be NULL for a company */
  gint64                  host_organization_id;   /* the company in the registry, 0 when none */
  char                   *county_code;
  char                   *township;
  char                   *products;
  gboolean                proper;                 /* a 残疾人共富车间 recognised as such */
  GDate                   opened;
  GDate                   closed;                 /* invalid while open */
  /* Filled when read: */
  char                   *county_name;
  char                   *host_organization_name;
  guint                   workers;                /* working there today */
} FzpGongfuWorkshopsWorkshop;

FzpGongfuWorkshopsWorkshop *fzp_gongfu_workshops_workshop_new  (void);
void                        fzp_gongfu_workshops_workshop_free (FzpGongfuWorkshopsWorkshop *workshop);
/* Who hosts it, in the user's language: "Village · 大俱源村". */
char                       *fzp_gongfu_workshops_workshop_dup_host_label (const FzpGongfuWorkshopsWorkshop *workshop);
/* The same in Chinese, for documents. */
char                       *fzp_gongfu_workshops_workshop_dup_host_print (const FzpGongfuWorkshopsWorkshop *workshop);

/* Checks and saves @workshop: a new one when its id is 0 (the id is then
 * set), else the changes. Name 1–100 characters and unique; county one of
 * the city's; opened a real day not in the future; closed not before it; a
 * village, community or home needs its name, a company its name or its
 * registry organization. Closing here does not end spells: use
 * fzp_gongfu_workshops_close_workshop(). */
gboolean    fzp_gongfu_workshops_save_workshop   (FzContext                   *context,
                                                  FzpGongfuWorkshopsWorkshop  *workshop,
                                                  GError                     **error);
/* NOT_FOUND when there is none. */
FzpGongfuWorkshopsWorkshop *fzp_gongfu_workshops_get_workshop (FzContext     *context,
                                                               gint64         id,
                                                               GError       **error);
/* By its id (digits) or its exact name. */
FzpGongfuWorkshopsWorkshop *fzp_gongfu_workshops_find_workshop (FzContext    *context,
                                                                const char   *id_or_name,
                                                                GError      **error);
/* Every workshop (of @county_code, NULL for all), open ones first, by name.
 * Returns an array of FzpGongfuWorkshopsWorkshop. */
GPtrArray  *fzp_gongfu_workshops_list_workshops  (FzContext                   *context,
                                                  const char                  *county_code,
                                                  GError                     **error);
/* Closes a workshop on @closed, ending there every spell still open in it
 * (one transaction). */
gboolean    fzp_gongfu_workshops_close_workshop  (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  const GDate                 *closed,
                                                  GError                     **error);

/* Partners: the companies that send a workshop orders. */
gboolean    fzp_gongfu_workshops_set_partner     (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  gint64                       organization_id,
                                                  gboolean                     partner,
                                                  GError                     **error);
/* Returns an array of FzOrganization, by name. */
GPtrArray  *fzp_gongfu_workshops_list_partners   (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  GError                     **error);

/* Finds a registered person by identity number, certificate number, or a
 * name only one person has. NOT_FOUND otherwise, saying why. */
FzPerson       *fzp_gongfu_workshops_lookup_person       (FzContext   *context,
                                                          const char  *text,
                                                          GError     **error);
/* Finds an organization by its id (digits), credit code or exact name. */
FzOrganization *fzp_gongfu_workshops_lookup_organization (FzContext   *context,
                                                          const char  *text,
                                                          GError     **error);

/* A spell of a person in a workshop, with a month's pay when asked. */
typedef struct {
  gint64                   spell_id;
  gint64                   workshop_id;
  char                    *workshop_name;
  gint64                   person_id;
  char                    *name;
  char                    *id_number;
  char                    *phone;
  FzSex                    sex;
  guint                    category;
  guint                    grade;
  GDate                    joined;
  GDate                    left;            /* invalid while working there */
  char                    *leave_reason;
  /* For fzp_gongfu_workshops_list_month(): */
  gboolean                 has_pay;
  FzpGongfuWorkshopsBasis  basis;           /* when no pay: the basis of their last month, else by the piece */
  double                   quantity;
  gint64                   amount;          /* fen */
  char                    *note;
} FzpGongfuWorkshopsWorker;

void        fzp_gongfu_workshops_worker_free     (FzpGongfuWorkshopsWorker *worker);
/* @worker's spell as the rules take it. */
void        fzp_gongfu_workshops_worker_get_spell (const FzpGongfuWorkshopsWorker *worker,
                                                   FzpGongfuWorkshopsSpell        *spell);

/* A person joins a workshop on @joined (NULL: today). Fails with CONFLICT
 * while they work anywhere, or when the day falls in an earlier spell.
 * Returns the new spell's id, 0 on failure. */
gint64      fzp_gongfu_workshops_join            (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  gint64                       person_id,
                                                  const GDate                 *joined,
                                                  GError                     **error);
/* The person's open spell ends on @left (NULL: today), their last day. */
gboolean    fzp_gongfu_workshops_leave           (FzContext                   *context,
                                                  gint64                       person_id,
                                                  const GDate                 *left,
                                                  const char                  *reason,
                                                  GError                     **error);
/* The spells of @workshop_id: those open on @on, or every one ever (history)
 * when @on is NULL, newest first. Array of FzpGongfuWorkshopsWorker. */
GPtrArray  *fzp_gongfu_workshops_list_workers    (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  const GDate                 *on,
                                                  GError                     **error);
/* Every spell of a person, in any workshop, oldest first. */
GPtrArray  *fzp_gongfu_workshops_list_person_spells (FzContext                *context,
                                                     gint64                    person_id,
                                                     GError                  **error);
/* The spells of @workshop_id that have a day in the month, by name, each
 * with the month's pay when it is recorded: the rows of the month form. */
GPtrArray  *fzp_gongfu_workshops_list_month      (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  guint                        year,
                                                  guint                        month,
                                                  GError                     **error);

/* One row of a month's pay. */
typedef struct {
  gint64                   spell_id;  /* the spell paid; 0: the person's spell in the workshop that month */
  gint64                   person_id; /* used when spell_id is 0 */
  gboolean                 clear;     /* remove the month's record (a row left empty) */
  FzpGongfuWorkshopsBasis  basis;
  double                   quantity;
  gint64                   amount;    /* fen */
  const char              *note;
} FzpGongfuWorkshopsPayEntry;

/* Saves the month's pay of a workshop, all rows in one transaction: every
 * spell must be of the workshop and cover the month, the month must have
 * begun, and each row must pass fzp_gongfu_workshops_check_pay(). A record
 * already there is replaced. @n_changed (may be NULL) tells how many
 * records were added, changed or removed. */
gboolean    fzp_gongfu_workshops_save_month      (FzContext                        *context,
                                                  gint64                            workshop_id,
                                                  guint                             year,
                                                  guint                             month,
                                                  const FzpGongfuWorkshopsPayEntry *entries,
                                                  guint                             n_entries,
                                                  guint                            *n_changed,
                                                  GError                          **error);
/* The latest spell of @person_id in @workshop_id with a day in the month;
 * 0 with @error (saying when they did work there) when there is none. */
gint64      fzp_gongfu_workshops_find_spell      (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  gint64                       person_id,
                                                  guint                        year,
                                                  guint                        month,
                                                  GError                     **error);

/* An order a partner gives a workshop. */
typedef struct {
  gint64  id;
  gint64  workshop_id;
  gint64  organization_id;
  char   *organization_name;  /* filled when read */
  char   *product;
  gint64  quantity;
  gint64  value;              /* fen */
  GDate   starts;
  GDate   ends;
} FzpGongfuWorkshopsOrder;

void        fzp_gongfu_workshops_order_free      (FzpGongfuWorkshopsOrder *order);
/* Checks and adds an order (setting its id); the company becomes a
 * partner of the workshop if it was not. One transaction. */
gboolean    fzp_gongfu_workshops_add_order       (FzContext                   *context,
                                                  FzpGongfuWorkshopsOrder     *order,
                                                  GError                     **error);
/* The orders of @workshop_id (0: all), newest first. */
GPtrArray  *fzp_gongfu_workshops_list_orders     (FzContext                   *context,
                                                  gint64                       workshop_id,
                                                  GError                     **error);

/* The recognition standard in force on @on. */
gboolean    fzp_gongfu_workshops_get_standard    (FzContext                   *context,
                                                  const GDate                 *on,
                                                  FzpGongfuWorkshopsStandard  *standard,
                                                  GError                     **error);
/* Adds (or replaces) the standard in force from standard->effective_from. */
gboolean    fzp_gongfu_workshops_set_standard    (FzContext                   *context,
                                                  const FzpGongfuWorkshopsStandard *standard,
                                                  GError                     **error);
/* Every standard, oldest first: an array of FzpGongfuWorkshopsStandard. */
GArray     *fzp_gongfu_workshops_list_standards  (FzContext                   *context,
                                                  GError                     **error);

/* What the figures cover. */
typedef struct {
  gint64      workshop_id;  /* 0: every workshop */
  const char *county_code;  /* NULL: the whole city */
  guint       year;
  guint       month;        /* 0: the whole year */
} FzpGongfuWorkshopsScope;

typedef struct {
  GDate                        on;          /* the day workshops and workers are counted: the period's end, or today */
  guint                        workshops;   /* open on that day */
  guint                        proper;      /* of those, 残疾人共富车间 */
  guint                        workers;     /* working on that day */
  guint                        placed;      /* persons placed in the period (see fzp_gongfu_workshops_is_placement()) */
  FzpGongfuWorkshopsPayFigures pay;         /* the period's pay */
} FzpGongfuWorkshopsFigures;

/* Computes the figures of @scope: pay is compared with the minimum wage of
 * the workshop's county in force on each month's first day
 * (fz_rules_get_minimum_wage()). */
gboolean    fzp_gongfu_workshops_compute_figures (FzContext                     *context,
                                                  const FzpGongfuWorkshopsScope *scope,
                                                  FzpGongfuWorkshopsFigures     *figures,
                                                  GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpGongfuWorkshopsWorkshop, fzp_gongfu_workshops_workshop_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpGongfuWorkshopsWorker, fzp_gongfu_workshops_worker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpGongfuWorkshopsOrder, fzp_gongfu_workshops_order_free)

G_END_DECLS
