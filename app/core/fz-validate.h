/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* The numbers and values people carry, checked in one place for forms,
 * import and plugins alike. Pure functions: no GTK, no database.
 *
 * Every failure is a FZ_VALIDATE_ERROR whose message, in the user's
 * language, names the field and says what is wrong, as
 * "Identity number: the check digit should be X, not 3". */

#define FZ_VALIDATE_ERROR (fz_validate_error_quark ())

typedef enum {
  FZ_VALIDATE_ERROR_EMPTY,      /* a required value is missing */
  FZ_VALIDATE_ERROR_LENGTH,     /* too short or too long */
  FZ_VALIDATE_ERROR_CHARACTER,  /* a character that cannot be there */
  FZ_VALIDATE_ERROR_DATE,       /* not a real date, or in the future */
  FZ_VALIDATE_ERROR_CHECK,      /* the check character is wrong */
  FZ_VALIDATE_ERROR_SPREADSHEET,/* a spreadsheet stored the number as a number and damaged it */
  FZ_VALIDATE_ERROR_MISMATCH,   /* disagrees with another value of the same person */
  FZ_VALIDATE_ERROR_UNKNOWN,    /* not one of the values that are known */
} FzValidateError;

GQuark fz_validate_error_quark (void);

/* Sex as in GB/T 2261.1. */
typedef enum {
  FZ_SEX_UNKNOWN = 0,
  FZ_SEX_MALE    = 1,
  FZ_SEX_FEMALE  = 2,
} FzSex;

/* Employment status of a person. 0 is never stored: in a filter it means any. */
typedef enum {
  FZ_EMPLOYMENT_ANY        = 0,
  FZ_EMPLOYMENT_EMPLOYED   = 1,
  FZ_EMPLOYMENT_UNEMPLOYED = 2,
  FZ_EMPLOYMENT_UNKNOWN    = 3,
} FzEmploymentStatus;

/* Disability categories, the 19th character of a certificate number. */
typedef enum {
  FZ_CATEGORY_NONE         = 0,
  FZ_CATEGORY_VISUAL       = 1, /* 视力 */
  FZ_CATEGORY_HEARING      = 2, /* 听力 */
  FZ_CATEGORY_SPEECH       = 3, /* 言语 */
  FZ_CATEGORY_PHYSICAL     = 4, /* 肢体 */
  FZ_CATEGORY_INTELLECTUAL = 5, /* 智力 */
  FZ_CATEGORY_MENTAL       = 6, /* 精神 */
  FZ_CATEGORY_MULTIPLE     = 7, /* 多重 */
} FzCategory;

#define FZ_CATEGORY_LAST 7
#define FZ_GRADE_LAST    4

/* What a valid resident identity number (GB 11643) tells. */
typedef struct {
  char   number[19];       /* 17 digits then a digit or X, NUL-terminated */
  char   address_code[7];  /* may be an abolished code: never refused */
  GDate  birth_date;
  FzSex  sex;
} FzIdentity;

/* What a valid disability certificate number tells. */
typedef struct {
  char   number[21];       /* the identity number, the category, the grade */
  guint  category;         /* 1–7 */
  guint  grade;            /* 1–4 */
} FzDisabilityCard;

/* Forgives spreadsheet noise in any cell: trims white space (also the
 * ideographic space U+3000 and no-break spaces) and turns full-width
 * ASCII (０-９, Ａ-Ｚ, （ ）...) into ASCII. Always UTF-8: a byte that is
 * not becomes U+FFFD. Never NULL; NULL gives "". */
char       *fz_normalize_text               (const char *text);
/* As fz_normalize_text() for a number or code: also drops white space
 * inside and upper-cases ASCII letters (a lowercase x becomes X). */
char       *fz_normalize_number             (const char *text);

/* Checks a resident identity number on @today (NULL: the real today):
 * 18 characters, a real birth date not after @today, the check character.
 * Tells a number damaged by a spreadsheet (3.30802E+17, or 18 digits
 * ending in 000 with a wrong check) apart, with how to fix the sheet.
 * Unknown address codes are accepted. Fills @identity (may be NULL). */
gboolean    fz_validate_identity_number     (const char    *text,
                                             const GDate   *today,
                                             FzIdentity    *identity,
                                             GError       **error);
/* The check character (0-9 or X) of the first 17 digits of @number. */
char        fz_identity_check_character     (const char    *number);
/* Age in whole years on @on, 0 when born after it. */
guint       fz_identity_get_age             (const FzIdentity *identity,
                                             const GDate   *on);

/* Checks a (second-generation) disability certificate number: the
 * identity number, then the category (1–7) and the grade (1–4). When
 * @id_number is given the certificate must begin with it; when @category
 * or @grade are not 0 they must agree with it (MISMATCH). Fills @cert
 * (may be NULL). */
gboolean    fz_validate_certificate_number  (const char    *text,
                                             const char    *id_number,
                                             guint          category,
                                             guint          grade,
                                             FzDisabilityCard *cert,
                                             GError       **error);

/* Checks a unified social credit code (GB 32100-2015): 18 characters of
 * 0-9 and A-Y without I O S V Z, and the check character. @normalized
 * (may be NULL) receives the code in upper case. */
gboolean    fz_validate_credit_code         (const char    *text,
                                             char         **normalized,
                                             GError       **error);
/* The check character of the first 17 characters of @code, or 0 when one
 * of them is not allowed. */
char        fz_credit_code_check_character  (const char    *code);

/* A person's name: not empty, at most 64 characters, no digits (a
 * number in the name column usually means the columns are shifted). */
gboolean    fz_validate_name                (const char    *text,
                                             char         **normalized,
                                             GError       **error);
/* A phone number: 7 to 15 digits, with - + ( ) and spaces allowed
 * between them. Empty gives NULL and succeeds. */
gboolean    fz_validate_phone               (const char    *text,
                                             char         **normalized,
                                             GError       **error);

/* Reads a category as 1–7, 视力…多重 (with or without 残疾 or 类) or
 * the English names. */
gboolean    fz_parse_category               (const char    *text,
                                             guint         *category,
                                             GError       **error);
/* Reads a grade as 1–4, 一级…四级, 一…四, 1级. */
gboolean    fz_parse_grade                  (const char    *text,
                                             guint         *grade,
                                             GError       **error);
/* Reads 男/女, male/female, M/F or 1/2. */
gboolean    fz_parse_sex                    (const char    *text,
                                             FzSex         *sex,
                                             GError       **error);
/* Reads 已就业/未就业/未知 and the like, or employed/unemployed/unknown.
 * Empty is unknown. */
gboolean    fz_parse_employment_status      (const char    *text,
                                             FzEmploymentStatus *status,
                                             GError       **error);
/* Reads a date as 2023-05-01, 2023/5/1, 2023.5.1, 20230501 or
 * 2023年5月1日, naming @field (a translated field label) on failure. */
gboolean    fz_parse_date                   (const char    *text,
                                             const char    *field,
                                             GDate         *date,
                                             GError       **error);

/* Translated names for display; "" when out of range. */
const char *fz_category_to_string           (guint          category);
const char *fz_sex_to_string                (FzSex          sex);
const char *fz_employment_status_to_string  (FzEmploymentStatus status);
/* The value stored in the database: "employed", "unemployed", "unknown". */
const char *fz_employment_status_to_nick    (FzEmploymentStatus status);
FzEmploymentStatus fz_employment_status_from_nick (const char *nick);

G_END_DECLS
