/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-document.h"

G_BEGIN_DECLS

/* The model (fz-document.c) and its layout and drawing
 * (fz-document-render.c) share these. */

typedef struct {
  char        *header;
  double       width;
  FzAlign      align;
  FzFieldKind  kind;
} FzDocumentColumn;

typedef struct {
  gboolean  total;
  char     *cells[]; /* one per column, never NULL */
} FzDocumentRow;

struct _FzDocumentTable
{
  FzDocument *doc;     /* the owner */
  GPtrArray  *columns; /* FzDocumentColumn* */
  GPtrArray  *rows;    /* FzDocumentRow* */
};

typedef struct {
  char        *label;
  char        *value;
  FzFieldKind  kind;
  gboolean     wide;
} FzDocumentField;

struct _FzDocumentSection
{
  FzDocument *doc;
  char       *heading;
  guint       pairs_per_row;
  GPtrArray  *fields;  /* FzDocumentField* */
};

struct _FzCertificate
{
  FzDocument  *doc;
  char        *title;
  char        *recipient;
  char        *body;
  char        *issuer;
  char        *serial;
  GDate        date;   /* invalid: no date printed */
  FzDateStyle  date_style;
  GPtrArray   *fields; /* FzDocumentField* */
};

typedef enum {
  FZ_PART_PARAGRAPH,
  FZ_PART_PAGE_BREAK,
  FZ_PART_TABLE,
  FZ_PART_SECTION,
  FZ_PART_CERTIFICATE,
} FzPartType;

typedef struct {
  FzPartType type;
  char      *text;    /* paragraph */
  FzAlign    align;   /* paragraph */
  gpointer   object;  /* FzDocumentTable*, FzDocumentSection* or FzCertificate* */
} FzDocumentPart;

/* What fz-document-render.c makes of a document: pages ready to draw. */
typedef struct _FzDocumentPlan FzDocumentPlan;

struct _FzDocument
{
  GObject              parent_instance;

  FzDocumentPrivacy    privacy;
  FzOrientation        orientation;
  char                *title;
  char                *subtitle;
  double               margin_mm[4]; /* top, right, bottom, left */
  double               offset_x_mm;
  double               offset_y_mm;
  double               font_size;
  char                *fonts[FZ_FONT_N_ROLES]; /* the caller's candidates, or NULL */
  FzMaskPolicy         mask;
  gboolean             page_numbers;
  FzCertificateLayout  certificate_layout;
  GPtrArray           *parts;        /* FzDocumentPart* */

  FzDocumentPlan      *plan;         /* laid out, until the next change */
  char                *resolved_family[FZ_FONT_N_ROLES];
  gboolean             resolved_bold[FZ_FONT_N_ROLES];
};

#define FZ_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* Any change to the model drops the laid-out pages. */
void            _fz_document_changed      (FzDocument      *self);

/* The text @self prints for a value of @kind: masked in a public document,
 * NULL when it must not be printed at all. */
char           *_fz_document_printed_text (FzDocument      *self,
                                           const char      *text,
                                           FzFieldKind      kind);

FzDocumentPlan *_fz_document_plan_new     (FzDocument      *self,
                                           GError         **error);
FzDocumentPlan *_fz_document_plan_ref     (FzDocumentPlan  *plan);
void            _fz_document_plan_unref   (FzDocumentPlan  *plan);
guint           _fz_document_plan_get_n_pages (FzDocumentPlan *plan);
void            _fz_document_plan_draw_page   (FzDocumentPlan *plan,
                                               cairo_t        *cr,
                                               guint           page);
/* Resolves the family of each font role on this system into @self. */
void            _fz_document_resolve_fonts    (FzDocument     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzDocumentPlan, _fz_document_plan_unref)

G_END_DECLS
