/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* Text helpers for printed documents and for lists on screen: Chinese dates
 * and the masks of public lists. No GTK. */

typedef enum {
  FZ_DATE_STYLE_HANZI  = 0, /* 二〇二五年十二月十五日: certificates, official documents */
  FZ_DATE_STYLE_ARABIC = 1, /* 2025年12月15日: tables, lists */
} FzDateStyle;

/* Formats a valid @date in @style. Returns a newly allocated string. */
char *fz_format_chinese_date (const GDate *date,
                              FzDateStyle  style);

/* What a value is, so that a public document knows what to hide. */
typedef enum {
  FZ_FIELD_PLAIN = 0,
  FZ_FIELD_IDENTITY_NUMBER,  /* 身份证号: first and last characters kept */
  FZ_FIELD_DISABILITY_CARD,  /* 残疾人证号: as the identity number, and the category and grade digits hidden */
  FZ_FIELD_PHONE,            /* 电话: first and last digits kept */
  FZ_FIELD_SENSITIVE,        /* 残疾类别/等级 and the like: left out of public documents whole */
} FzFieldKind;

/* How much of a number a public document keeps. No official pattern exists,
 * so these are data an administrator can change (fz_setting, owner
 * "documents", keys "mask-id-start", "mask-id-end", "mask-phone-start",
 * "mask-phone-end"). */
typedef struct {
  guint id_keep_start;     /* default 6: the address code */
  guint id_keep_end;       /* default 4 */
  guint phone_keep_start;  /* default 3 */
  guint phone_keep_end;    /* default 4 */
} FzMaskPolicy;

#define FZ_MASK_POLICY_INIT { 6, 4, 3, 4 }

void     fz_mask_policy_init_default (FzMaskPolicy  *policy);
/* Fills @policy with the defaults, then with what the administrator set in
 * @context's database. Fails with FZ_DOCUMENT_ERROR_INVALID, naming the key,
 * when a stored value is not a small number; @policy then holds the
 * defaults for that key. */
gboolean fz_mask_policy_load         (FzMaskPolicy  *policy,
                                      FzContext     *context,
                                      GError       **error);

/* Keeps the first @keep_start and the last @keep_end characters of
 * @number and replaces each one between with '*':
 * 330802199001011234 -> 330802********1234. Spaces are dropped and a final
 * 'x' is written 'X'. When the number is too short to hide anything between
 * the kept parts, every character is masked, so that a short or damaged
 * value never shows whole. Returns a newly allocated string. */
char *fz_mask_identity_number     (const char  *number,
                                   guint        keep_start,
                                   guint        keep_end);

/* Keeps the first @keep_start and last @keep_end digits of @phone and masks
 * the digits between, leaving separators as they are:
 * 13812345678 -> 138****5678. Too few digits: every digit is masked. */
char *fz_mask_phone               (const char  *phone,
                                   guint        keep_start,
                                   guint        keep_end);

/* @text as a public document prints a value of @kind under @policy (NULL
 * for the defaults): masked identity, card and phone numbers, NULL for
 * FZ_FIELD_SENSITIVE (the value is not printed at all), @text itself for
 * FZ_FIELD_PLAIN. Returns a newly allocated string or NULL. */
char *fz_mask_for_public          (const char         *text,
                                   FzFieldKind         kind,
                                   const FzMaskPolicy *policy);

G_END_DECLS
