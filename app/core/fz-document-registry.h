/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib-object.h>

#include "fz-types.h"
#include "fz-document.h"

G_BEGIN_DECLS

/* A kind of document a measure offers to print: given once, static, owned
 * by the measure, like FzCommandInfo. `fuzhu documents` lists them as
 * "<measure-id>/<id>"; `fuzhu print` takes NAME=VALUE for @parameters. */
typedef struct {
  const char         *id;          /* kebab-case, unique within its measure, e.g. "award-list" */
  const char         *title;       /* msgid, e.g. N_("Award list") */
  FzDocumentPrivacy   privacy;     /* PUBLIC (the zero value) for 公示 and award lists */
  FzOrientation       orientation;
  const char * const *parameters;  /* NULL-terminated names, e.g. { "year", "event", NULL }, or NULL */
} FzDocumentInfo;

/* A new empty document as @info declares it: its privacy and orientation
 * come from the declaration, not from whoever builds it. */
FzDocument *fz_document_new_for_info (const FzDocumentInfo *info);

/* Reads NAME=VALUE arguments for @info into a table of name -> value.
 * Fails with FZ_DOCUMENT_ERROR_INVALID, saying which names are known, on an
 * argument without '=', an unknown name or a name given twice. */
GHashTable *fz_document_info_parse_parameters (const FzDocumentInfo  *info,
                                               int                    argc,
                                               char                 **argv,
                                               GError               **error);

#define FZ_TYPE_DOCUMENT_REGISTRY (fz_document_registry_get_type ())
G_DECLARE_FINAL_TYPE (FzDocumentRegistry, fz_document_registry, FZ, DOCUMENT_REGISTRY, GObject)

/* The documents the loaded measures offer, in the order they were added. */
FzDocumentRegistry   *fz_document_registry_new          (void);
/* Adds the @n_infos documents of measure @owner, whose titles are
 * translated in @gettext_domain (NULL: Fuzhu's). Fails with
 * FZ_DOCUMENT_ERROR_INVALID, adding none, on an id that is not kebab-case
 * or that @owner offers already. */
gboolean              fz_document_registry_add          (FzDocumentRegistry    *self,
                                                         const char            *owner,
                                                         const char            *gettext_domain,
                                                         const FzDocumentInfo  *infos,
                                                         guint                  n_infos,
                                                         GError               **error);
/* Forgets the documents of @owner (a measure disabled or unloaded). */
void                  fz_document_registry_remove_owner (FzDocumentRegistry    *self,
                                                         const char            *owner);
guint                 fz_document_registry_get_n_items  (FzDocumentRegistry    *self);
const FzDocumentInfo *fz_document_registry_get_info     (FzDocumentRegistry    *self,
                                                         guint                  position);
const char           *fz_document_registry_get_owner    (FzDocumentRegistry    *self,
                                                         guint                  position);
/* "<owner>/<id>", the name the command line takes. */
const char           *fz_document_registry_get_name     (FzDocumentRegistry    *self,
                                                         guint                  position);
/* The title in the user's language. */
const char           *fz_document_registry_get_title    (FzDocumentRegistry    *self,
                                                         guint                  position);
/* Finds a document by "<owner>/<id>", or by its bare id when only one
 * measure offers that id. Sets @position (may be NULL). Fails with
 * FZ_DOCUMENT_ERROR_NOT_FOUND, or INVALID when a bare id is ambiguous. */
const FzDocumentInfo *fz_document_registry_lookup       (FzDocumentRegistry    *self,
                                                         const char            *name,
                                                         guint                 *position,
                                                         GError               **error);

G_END_DECLS
