/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-welfare-posts-rules.h"

G_BEGIN_DECLS

/* The measure's data: the post catalogue, recognitions, placements and the
 * rules kept as dated data. The page, the commands and the imports all go
 * through these functions, so they check the same things. Each change is
 * one transaction; values come as staff type them and are checked here.
 * Errors are FZP_WELFARE_POSTS_ERROR (a rule or a value: the message names
 * the field), FZ_VALIDATE_ERROR or FZ_DATABASE_ERROR. */

/* The kind column as its Chinese name, for SQL that prints or exports. */
#define FZP_WELFARE_POSTS_KIND_PRINT_SQL(column) \
  "CASE " column " WHEN 'care' THEN '托养(庇护)照料机构管理服务' WHEN 'liaison' THEN '残疾人专职委员' " \
  "WHEN 'home-station' THEN '残疾人之家就业驿站' ELSE '其他助残公益性岗位' END"

/* The schema steps (owner "welfare-posts"). */
extern const FzMigration fzp_welfare_posts_migrations[];
extern const guint       fzp_welfare_posts_n_migrations;

/* A post of the catalogue, as typed: NULL or "" for a value not given. */
typedef struct {
  const char *code;          /* 岗位编号: an existing code updates that post; none: one is given */
  const char *name;          /* 岗位名称 */
  const char *kind;          /* see fzp_welfare_posts_kind_parse() */
  const char *organization;  /* the employer's name: found in the registry, or added to it */
  const char *credit_code;   /* its unified social credit code, to find or add it */
  const char *county;        /* code or name */
  const char *township;
  const char *places;
  const char *monthly_pay;
  const char *funding;       /* 资金来源 */
  const char *created;       /* the day the post was created (开发) */
  const char *closed;        /* the day it was closed, or none */
} FzpWelfarePostsPostFields;

/* Adds the post, or updates the one with the same code. Places never fall
 * below the persons the post holds on any day, and a post closes only
 * after its placements end. Sets @id (may be NULL) and @added (may be
 * NULL). One transaction. */
gboolean  fzp_welfare_posts_save_post        (FzContext                       *context,
                                              const FzpWelfarePostsPostFields *fields,
                                              gint64                          *id,
                                              gboolean                        *added,
                                              GError                         **error);
/* Closes post @post (its code or number) on @date. */
gboolean  fzp_welfare_posts_close_post       (FzContext   *context,
                                              const char  *post,
                                              const char  *date,
                                              GError     **error);
/* Finds a post by its code or, for digits only, its number. */
gint64    fzp_welfare_posts_find_post        (FzContext   *context,
                                              const char  *post,
                                              GError     **error);
/* Persons in post @id on @day. */
guint     fzp_welfare_posts_count_holders    (FzContext   *context,
                                              gint64       post_id,
                                              const GDate *day,
                                              GError     **error);

/* Finds a person of the registry by identity or certificate number. */
FzPerson *fzp_welfare_posts_find_person      (FzContext   *context,
                                              const char  *number,
                                              GError     **error);
/* Fills what the registry tells of @person on @day (certificate, working
 * age by fz_rules_is_working_age(), employment status) into @facts,
 * leaving the facts staff record untouched. */
gboolean  fzp_welfare_posts_registry_facts   (FzContext            *context,
                                              FzPerson             *person,
                                              const GDate          *day,
                                              FzpWelfarePostsFacts *facts,
                                              GError              **error);

typedef struct {
  const char *person;        /* identity or certificate number */
  const char *date;          /* the day of the decision */
  const char *basis;         /* 认定依据, e.g. the decision's number */
  const char *decided_by;    /* who decided: department or officer */
  gboolean    able_to_work;
  gboolean    willing_to_work;
  gboolean    not_supported; /* not supported as 特困人员 */
} FzpWelfarePostsRecognitionFields;

/* Records a hard-to-employ recognition after checking every condition on
 * its day; fails with CONDITION naming each one that fails, or INVALID
 * when the person holds a recognition then already. Returns its number,
 * 0 on failure. */
gint64    fzp_welfare_posts_recognize        (FzContext                              *context,
                                              const FzpWelfarePostsRecognitionFields *fields,
                                              GError                                **error);
/* Ends recognition @id: @date is its last day. */
gboolean  fzp_welfare_posts_end_recognition  (FzContext   *context,
                                              gint64       id,
                                              const char  *date,
                                              const char  *reason,
                                              GError     **error);
/* The recognition of @person_id that holds on @day, 0 when none. */
gint64    fzp_welfare_posts_current_recognition (FzContext   *context,
                                                 gint64       person_id,
                                                 const GDate *day,
                                                 GError     **error);

typedef struct {
  const char *person;          /* identity or certificate number */
  const char *post;            /* code or number */
  const char *start;
  const char *end;             /* its last day, or none */
  const char *graduation_year; /* given: placed as a graduate of the year (二(七)) */
  const char *school;
  const char *end_reason;
} FzpWelfarePostsPlacementFields;

/* Places a person in a post after checking: the period lies in the post's
 * life; the person holds no other public-welfare post on any of its days
 * (PLACED); the post has a free place on every one of them (FULL); the
 * person holds a current recognition on the first day, or is a graduate of
 * the year placed as a last resort (NOT_ELIGIBLE). Marks the person
 * employed (公益性岗位就业) in the registry when the registry did not say
 * so. Returns its number, 0 on failure. */
gint64    fzp_welfare_posts_place            (FzContext                            *context,
                                              const FzpWelfarePostsPlacementFields *fields,
                                              GError                              **error);
/* Ends placement @id: @date is the last day in the post. */
gboolean  fzp_welfare_posts_end_placement    (FzContext   *context,
                                              gint64       id,
                                              const char  *date,
                                              const char  *reason,
                                              GError     **error);

/* Rules */

/* The rules in force on @day. */
gboolean  fzp_welfare_posts_load_rules       (FzContext            *context,
                                              const GDate          *day,
                                              FzpWelfarePostsRules *rules,
                                              GError              **error);
/* Sets @n rules (@keys[i] to @values[i]) in force from @from, checking
 * that the rules then agree, on @from and at every later change. One
 * transaction. */
gboolean  fzp_welfare_posts_set_rules        (FzContext          *context,
                                              const char         *from,
                                              const char * const *keys,
                                              const char * const *values,
                                              guint               n,
                                              GError            **error);

/* The income rule for a person and a month. */
typedef struct {
  const char *person;     /* identity or certificate number */
  const char *month;      /* 2025-03 */
  const char *income;     /* the month's job income */
  const char *since;      /* first employment or re-employment; none: the registry's
                           * employment date, else the start of the latest placement */
  gboolean    supported;  /* the income is from supported employment (帮扶性就业) */
  gboolean    no_taper;   /* the tapering period was not granted */
} FzpWelfarePostsIncomeFields;

/* Works the rule out; @notes (may be NULL) gets where the date of
 * employment and the minimum wage came from, and why the supported
 * employment exemption does not apply when it does not. */
gboolean  fzp_welfare_posts_compute_income_for (FzContext                         *context,
                                                const FzpWelfarePostsIncomeFields *fields,
                                                FzpWelfarePostsIncome             *income,
                                                char                             **notes,
                                                GError                           **error);

/* Import and export, as the registry does: CSV (any encoding Excel saves)
 * or XLSX, Chinese or English headers; all or nothing. */
typedef struct {
  char      *path;
  char      *encoding;
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *problems;  /* "FILE:LINE: field: message" */
} FzpWelfarePostsImport;

void      fzp_welfare_posts_import_free      (FzpWelfarePostsImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpWelfarePostsImport, fzp_welfare_posts_import_free)

/* Posts: 岗位编号, 岗位名称, 岗位类别, 用人单位, 统一社会信用代码,
 * 县(市、区), 乡镇(街道), 岗位数, 月工资, 资金来源, 开发日期, 撤销日期.
 * A row whose code exists updates that post. Fails with INVALID when any
 * row is wrong; @import (always set when the file was read) lists them. */
gboolean  fzp_welfare_posts_import_posts     (FzContext              *context,
                                              const char             *path,
                                              FzpWelfarePostsImport **import,
                                              GError                **error);
/* Placements: 身份证号, 姓名, 岗位编号, 上岗日期, 离岗日期, 离岗原因,
 * 毕业年份, 毕业院校. A row for a person, post and start already recorded
 * updates its end. */
gboolean  fzp_welfare_posts_import_placements (FzContext              *context,
                                               const char             *path,
                                               FzpWelfarePostsImport **import,
                                               GError                **error);
gboolean  fzp_welfare_posts_export_posts     (FzContext   *context,
                                              const char  *path,
                                              guint       *n_rows,
                                              GError     **error);
/* Placements in force at any time of @year (0: all). */
gboolean  fzp_welfare_posts_export_placements (FzContext   *context,
                                               const char  *path,
                                               int          year,
                                               guint       *n_rows,
                                               GError     **error);

/* Today, in local time. */
void      fzp_welfare_posts_today            (GDate *today);

G_END_DECLS
