/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib-object.h>

#include "fz-types.h"
#include "fz-validate.h"

G_BEGIN_DECLS

/* A certified person (持证残疾人) as the registry keeps them: a plain value
 * object, an item of the registry's lists. Setting properties changes
 * only the object; FzRegistry validates and saves it. Birth date and sex
 * are derived from the identity number when the person is saved, never
 * typed; category and grade come from the certificate number when it is
 * given. */

#define FZ_TYPE_PERSON (fz_person_get_type ())
G_DECLARE_FINAL_TYPE (FzPerson, fz_person, FZ, PERSON, GObject)

FzPerson           *fz_person_new                   (void);
/* A copy without the id, for editing in a form. */
FzPerson           *fz_person_copy                  (FzPerson           *self);

/* 0 until the person is saved. */
gint64              fz_person_get_id                (FzPerson           *self);
const char         *fz_person_get_name              (FzPerson           *self);
void                fz_person_set_name              (FzPerson           *self,
                                                     const char         *name);
const char         *fz_person_get_id_number         (FzPerson           *self);
void                fz_person_set_id_number         (FzPerson           *self,
                                                     const char         *id_number);
/* NULL when there is none. */
const char         *fz_person_get_cert_number       (FzPerson           *self);
void                fz_person_set_cert_number       (FzPerson           *self,
                                                     const char         *cert_number);
/* 1–7 (FzCategory), 0 when not known yet. */
guint               fz_person_get_category          (FzPerson           *self);
void                fz_person_set_category          (FzPerson           *self,
                                                     guint               category);
/* 1–4, 0 when not known yet. */
guint               fz_person_get_grade             (FzPerson           *self);
void                fz_person_set_grade             (FzPerson           *self,
                                                     guint               grade);
/* A code of fz_county (GB/T 2260), NULL when not known. */
const char         *fz_person_get_county_code       (FzPerson           *self);
void                fz_person_set_county_code       (FzPerson           *self,
                                                     const char         *county_code);
/* The county's name, filled when the person is read from the registry. */
const char         *fz_person_get_county_name       (FzPerson           *self);
const char         *fz_person_get_township          (FzPerson           *self);
void                fz_person_set_township          (FzPerson           *self,
                                                     const char         *township);
const char         *fz_person_get_phone             (FzPerson           *self);
void                fz_person_set_phone             (FzPerson           *self,
                                                     const char         *phone);
FzEmploymentStatus  fz_person_get_employment_status (FzPerson           *self);
void                fz_person_set_employment_status (FzPerson           *self,
                                                     FzEmploymentStatus  status);
/* Free text such as 按比例就业, 公益性岗位就业; NULL when not known. */
const char         *fz_person_get_employment_form   (FzPerson           *self);
void                fz_person_set_employment_form   (FzPerson           *self,
                                                     const char         *form);
/* YYYY-MM-DD, NULL when not known. */
const char         *fz_person_get_employment_date   (FzPerson           *self);
void                fz_person_set_employment_date   (FzPerson           *self,
                                                     const char         *date);

/* Derived from the identity number when saved or read. */
FzSex               fz_person_get_sex               (FzPerson           *self);
/* YYYY-MM-DD. */
const char         *fz_person_get_birth_date        (FzPerson           *self);
/* Age in whole years on @on (NULL: today), 0 when the birth date is not known. */
guint               fz_person_get_age               (FzPerson           *self,
                                                     const GDate        *on);
/* UTC, as 2025-01-31T08:00:00Z. */
const char         *fz_person_get_created           (FzPerson           *self);
const char         *fz_person_get_updated           (FzPerson           *self);

/* The identity number for public lists: the first 6 and last 4 characters
 * kept, the rest masked, as 330802********1234. */
char               *fz_person_dup_masked_id_number  (FzPerson           *self);

G_END_DECLS
