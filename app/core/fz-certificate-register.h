/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib-object.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* The register of issued certificates (owner "documents", table
 * fz_certificate). Every certificate gets a serial number PREFIX-YEAR-NNNNNN
 * (e.g. FZ-2025-000123) that is never given again, not even after the
 * certificate is revoked; printing the same certificate again keeps its
 * number; anyone holding one can have it checked by its number. Rows are
 * never deleted. Errors are FZ_DOCUMENT_ERROR or FZ_DATABASE_ERROR. */

/* What is asked of the register when a certificate is to be printed. */
typedef struct {
  const char  *owner;       /* the measure's id, e.g. "skills-competition" */
  const char  *kind;        /* the measure's document id, e.g. "award-certificate" */
  const char  *subject_key; /* the measure's stable key for what is certified, e.g. "2025/event-3/entrant-17":
                             * the same key means the same certificate, printed again */
  const char  *subject;     /* what it certifies, for people: "张三 2025年衢州市残疾人职业技能竞赛 盲人按摩项目 一等奖" */
  const char  *person;      /* a reference to the person, or NULL */
  const GDate *issued;      /* the date printed on it; NULL: today */
  const char  *payload;     /* anything the owner wants kept with it (JSON), or NULL */
  const char  *prefix;      /* 1 to 12 of A-Z 0-9; NULL: "FZ" */
} FzCertificateRequest;

/* A certificate as the register has it. */
typedef struct {
  char     *serial;
  char     *owner;
  char     *kind;
  char     *subject_key;
  char     *subject;
  char     *person;       /* or NULL */
  GDate     issued;
  char     *issued_by;    /* the operator who issued it */
  guint     prints;       /* how many times it was printed */
  gboolean  revoked;
  GDate     revoked_on;   /* invalid unless revoked */
  char     *revoked_reason;
  char     *revoked_by;
  char     *payload;      /* or NULL */
} FzCertificateRecord;

#define FZ_TYPE_CERTIFICATE_RECORD (fz_certificate_record_get_type ())
GType                fz_certificate_record_get_type  (void) G_GNUC_CONST;
FzCertificateRecord *fz_certificate_record_copy      (const FzCertificateRecord *record);
void                 fz_certificate_record_free      (FzCertificateRecord *record);

/* Issues the certificate @request describes, or, when one for the same
 * owner, kind and subject key is on the register and not revoked, returns
 * that one with its serial and first date (a reprint, counted; @reprint set
 * to TRUE). A new serial is allocated in a transaction (nested in the
 * caller's when there is one). Fails with FZ_DOCUMENT_ERROR_INVALID on a
 * missing field or a bad prefix, and FZ_DOCUMENT_ERROR_MISMATCH when the
 * certificate on the register certifies another subject: revoke it and
 * issue anew to change what it says. */
FzCertificateRecord *fz_certificate_register_issue   (FzContext                  *context,
                                                      const FzCertificateRequest *request,
                                                      gboolean                   *reprint,
                                                      GError                    **error);

/* The certificate numbered @serial, revoked or not (see ->revoked). The
 * serial is read leniently: spaces, full-width characters and lower case
 * as typed with a Chinese input method are accepted. Fails with
 * FZ_DOCUMENT_ERROR_NOT_FOUND when no certificate has that number. */
FzCertificateRecord *fz_certificate_register_verify  (FzContext                  *context,
                                                      const char                 *serial,
                                                      GError                    **error);

/* The live (not revoked) certificate for @owner, @kind and @subject_key,
 * or NULL with @error unset when there is none. */
FzCertificateRecord *fz_certificate_register_lookup  (FzContext                  *context,
                                                      const char                 *owner,
                                                      const char                 *kind,
                                                      const char                 *subject_key,
                                                      GError                    **error);

/* Revokes the certificate numbered @serial for @reason (required) on @date
 * (NULL: today). Its number stays taken. Fails with NOT_FOUND, or REVOKED
 * when it was revoked already. */
gboolean             fz_certificate_register_revoke  (FzContext                  *context,
                                                      const char                 *serial,
                                                      const char                 *reason,
                                                      const GDate                *date,
                                                      GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzCertificateRecord, fz_certificate_record_free)

G_END_DECLS
