/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gtk/gtk.h>

#include "fz-types.h"
#include "fz-database.h"
#include "fz-format.h"

G_BEGIN_DECLS

/* A document a measure describes and libfuzhu lays out (Pango) and draws
 * (cairo) on A4, the same way for the print dialog and for PDF files.
 *
 * A document is a run of parts: a title, paragraphs, tables and record
 * sections flow from page to page; each certificate takes a page of its own.
 * Text is given as it should be printed, in Chinese; the document masks
 * identity and phone numbers itself when it is public. */

#define FZ_DOCUMENT_ERROR (fz_document_error_quark ())

typedef enum {
  FZ_DOCUMENT_ERROR_FAILED,
  FZ_DOCUMENT_ERROR_INVALID,   /* the document, a setting or a value cannot be used */
  FZ_DOCUMENT_ERROR_WRITE,     /* the file could not be written */
  FZ_DOCUMENT_ERROR_NOT_FOUND, /* no such certificate serial or document */
  FZ_DOCUMENT_ERROR_MISMATCH,  /* a reprint that would certify something else */
  FZ_DOCUMENT_ERROR_REVOKED,   /* the certificate is revoked already */
} FzDocumentError;

GQuark fz_document_error_quark (void);

/* Public is the zero value on purpose: a forgotten declaration masks. */
typedef enum {
  FZ_DOCUMENT_PUBLIC   = 0, /* 公示, award lists: numbers masked, sensitive fields left out */
  FZ_DOCUMENT_INTERNAL = 1, /* for staff: everything as given */
} FzDocumentPrivacy;

typedef enum {
  FZ_ORIENTATION_PORTRAIT  = 0,
  FZ_ORIENTATION_LANDSCAPE = 1,
} FzOrientation;

typedef enum {
  FZ_ALIGN_START  = 0,
  FZ_ALIGN_CENTER = 1,
  FZ_ALIGN_END    = 2,
} FzAlign;

/* The faces a document uses. Each has a list of candidate families tried in
 * order; the first the system has is used, Noto CJK SC being the last. */
typedef enum {
  FZ_FONT_BODY = 0, /* 仿宋, else Noto Serif CJK SC */
  FZ_FONT_TITLE,    /* 小标宋, else Noto Serif CJK SC Bold */
  FZ_FONT_HEADING,  /* 黑体, else Noto Sans CJK SC: table headers, section headings */
  FZ_FONT_SCRIPT,   /* 楷体, else the body face: the recipient on certificates */
  FZ_FONT_N_ROLES
} FzFontRole;

typedef struct _FzDocumentTable   FzDocumentTable;
typedef struct _FzDocumentSection FzDocumentSection;
typedef struct _FzCertificate     FzCertificate;

#define FZ_TYPE_DOCUMENT (fz_document_get_type ())
G_DECLARE_FINAL_TYPE (FzDocument, fz_document, FZ, DOCUMENT, GObject)

/* A new, empty A4 document. @privacy decides what is printed of identity
 * and phone numbers; it cannot change later. */
FzDocument        *fz_document_new                 (FzDocumentPrivacy  privacy,
                                                    FzOrientation      orientation);
FzDocumentPrivacy  fz_document_get_privacy         (FzDocument        *self);
FzOrientation      fz_document_get_orientation     (FzDocument        *self);

/* The title heads the first page of flowing parts and names the PDF and
 * the print job; the subtitle (e.g. the notice's number and date) goes
 * under it. */
void               fz_document_set_title           (FzDocument        *self,
                                                    const char        *title);
const char        *fz_document_get_title           (FzDocument        *self);
void               fz_document_set_subtitle        (FzDocument        *self,
                                                    const char        *subtitle);

/* Margins of the pages that flow (not of certificates), in millimetres.
 * The default is 20 mm top and bottom, 15 mm left and right. */
void               fz_document_set_margins         (FzDocument        *self,
                                                    double             top_mm,
                                                    double             right_mm,
                                                    double             bottom_mm,
                                                    double             left_mm);
/* Moves everything printed by @x_mm to the right and @y_mm down, to make up
 * for how a printer feeds pre-printed stock. */
void               fz_document_set_printer_offset  (FzDocument        *self,
                                                    double             x_mm,
                                                    double             y_mm);
/* The body text size of flowing parts, in points (default 10.5, 五号). */
void               fz_document_set_font_size       (FzDocument        *self,
                                                    double             size_pt);
/* Candidate families for @role, comma-separated, tried in order before
 * the Noto CJK fallback; NULL restores the built-in list. */
void               fz_document_set_font            (FzDocument        *self,
                                                    FzFontRole         role,
                                                    const char        *families);
/* The family @role will be printed with on this system, and whether it is
 * bold. The string is valid until the next fz_document_set_font(). */
const char        *fz_document_get_font_family     (FzDocument        *self,
                                                    FzFontRole         role,
                                                    gboolean          *bold);
void               fz_document_set_mask_policy     (FzDocument        *self,
                                                    const FzMaskPolicy *policy);
const FzMaskPolicy *fz_document_get_mask_policy    (FzDocument        *self);
/* "第 N 页 共 M 页" under each flowing page; on by default. Certificates
 * never carry it. */
void               fz_document_set_page_numbers    (FzDocument        *self,
                                                    gboolean           show);
/* Applies what the administrator keeps in @context's database (fz_setting,
 * owner "documents"): the mask policy (see FzMaskPolicy), the printer
 * offset ("printer-offset-x-mm", "printer-offset-y-mm") and the font
 * lists ("font-body", "font-title", "font-heading", "font-script"). Fails
 * with FZ_DOCUMENT_ERROR_INVALID naming a wrong value; the other settings
 * are applied still. */
gboolean           fz_document_load_settings       (FzDocument        *self,
                                                    FzContext         *context,
                                                    GError           **error);

/* Flowing parts, in the order they are added. */
void               fz_document_add_paragraph       (FzDocument        *self,
                                                    const char        *text,
                                                    FzAlign            align);
/* The next part starts on a new page. */
void               fz_document_add_page_break      (FzDocument        *self);
/* A table, owned by @self: add its columns, then its rows. Its header row
 * is repeated at the top of every page it runs onto. */
FzDocumentTable   *fz_document_add_table           (FzDocument        *self);
/* A titled group of label–value fields, @pairs_per_row (1 to 3) pairs on
 * each row, like a registration form. Owned by @self. */
FzDocumentSection *fz_document_add_section         (FzDocument        *self,
                                                    const char        *heading,
                                                    guint              pairs_per_row);
/* A certificate on a page of its own, laid out by the document's
 * certificate layout. Owned by @self. */
FzCertificate     *fz_document_add_certificate     (FzDocument        *self);

/* @width is relative to the other columns' (e.g. 1, 2, 4); @kind says what
 * the column holds, which decides what a public document prints of it: a
 * FZ_FIELD_SENSITIVE column is left out of a public document. */
void               fz_document_table_add_column    (FzDocumentTable   *table,
                                                    const char        *header,
                                                    double             width,
                                                    FzAlign            align,
                                                    FzFieldKind        kind);
/* Exactly one `const char *` per column follows, NULL for an empty cell.
 * Columns are fixed once the first row is added. */
void               fz_document_table_add_row       (FzDocumentTable   *table,
                                                    ...);
void               fz_document_table_add_rowv      (FzDocumentTable   *table,
                                                    const char * const *cells,
                                                    guint              n_cells);
/* A totals row (合计), in bold; also one value per column. */
void               fz_document_table_add_total_row (FzDocumentTable   *table,
                                                    ...);
void               fz_document_table_add_total_rowv (FzDocumentTable  *table,
                                                    const char * const *cells,
                                                    guint              n_cells);
/* Steps @stmt to its end and adds a row for each of its rows, column i of
 * the statement filling column i of the table (numbers as text, NULL as an
 * empty cell). */
gboolean           fz_document_table_add_rows_from_statement (FzDocumentTable *table,
                                                    FzStatement       *stmt,
                                                    GError           **error);
guint              fz_document_table_get_n_rows    (FzDocumentTable   *table);

void               fz_document_section_add_field   (FzDocumentSection *section,
                                                    const char        *label,
                                                    const char        *value,
                                                    FzFieldKind        kind);
/* A field that takes a whole row (an address, remarks). */
void               fz_document_section_add_wide_field (FzDocumentSection *section,
                                                    const char        *label,
                                                    const char        *value,
                                                    FzFieldKind        kind);

/* Where a certificate's parts go, measured from the paper's top-left corner
 * (before the printer offset), so that a layout can match pre-printed stock. */
typedef struct {
  double   x_mm;
  double   y_mm;
  double   width_mm;
  double   height_mm; /* the text shrinks until it fits; 0: a single line that shrinks to the width */
  double   size_pt;   /* the largest font size */
  FzAlign  align;
  gboolean hidden;    /* already on the stock: not printed */
} FzCertificateBox;

typedef enum {
  FZ_SEAL_OUTLINE = 0, /* a light dashed circle where the seal goes */
  FZ_SEAL_NONE    = 1, /* the place is only left free */
} FzSealStyle;

typedef struct {
  FzCertificateBox title;
  FzCertificateBox recipient;
  FzCertificateBox body;    /* the achievement or licence text, then the fields */
  FzCertificateBox issuer;
  FzCertificateBox date;
  FzCertificateBox serial;
  FzCertificateBox seal;    /* the square around the seal's circle */
  FzSealStyle      seal_style;
  gboolean         frame;   /* a border, for plain paper */
} FzCertificateLayout;

/* The built-in layout for plain A4 paper in @orientation. */
void               fz_certificate_layout_init      (FzCertificateLayout *layout,
                                                    FzOrientation        orientation);
/* Every certificate of @self is laid out by @layout (copied). */
void               fz_document_set_certificate_layout (FzDocument     *self,
                                                    const FzCertificateLayout *layout);

/* The title, e.g. 荣誉证书 (NULL prints none). */
void               fz_certificate_set_title        (FzCertificate     *cert,
                                                    const char        *title);
/* As it should be printed, e.g. "张三 同志：". */
void               fz_certificate_set_recipient    (FzCertificate     *cert,
                                                    const char        *recipient);
/* Paragraphs separated by "\n", each with the customary two-character
 * indent. */
void               fz_certificate_set_body         (FzCertificate     *cert,
                                                    const char        *body);
/* A "label：value" line under the body (licence number, category...),
 * masked like a table cell of @kind in a public document. */
void               fz_certificate_add_field        (FzCertificate     *cert,
                                                    const char        *label,
                                                    const char        *value,
                                                    FzFieldKind        kind);
void               fz_certificate_set_issuer       (FzCertificate     *cert,
                                                    const char        *issuer);
void               fz_certificate_set_date         (FzCertificate     *cert,
                                                    const GDate       *date,
                                                    FzDateStyle        style);
/* The register's serial (see fz_certificate_register_issue()); printed as
 * "证书编号：SERIAL". */
void               fz_certificate_set_serial       (FzCertificate     *cert,
                                                    const char        *serial);

/* The page size in points (A4 in the document's orientation). */
void               fz_document_get_page_size       (FzDocument        *self,
                                                    double            *width_pt,
                                                    double            *height_pt);
/* Lays the document out (once, until it is changed) and returns its number
 * of pages; 0 with FZ_DOCUMENT_ERROR_INVALID when there is nothing to print
 * or a table has no columns. */
guint              fz_document_get_n_pages         (FzDocument        *self,
                                                    GError           **error);
/* Draws page @page (from 0) of a document laid out by
 * fz_document_get_n_pages() on @cr, whose user space is in points with the
 * origin at the paper's top-left corner. */
void               fz_document_draw_page           (FzDocument        *self,
                                                    cairo_t           *cr,
                                                    guint              page);
/* Writes the document as a PDF file at @path, replacing it. Fails with
 * INVALID (see fz_document_get_n_pages()) or WRITE. */
gboolean           fz_document_render_pdf          (FzDocument        *self,
                                                    const char        *path,
                                                    GError           **error);
/* A print operation for @self on A4 in its orientation, drawing with the
 * same code as the PDF: run it with GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG
 * (which offers a preview), _PREVIEW or _EXPORT. It keeps a reference to
 * the laid-out pages, so @self may change or go meanwhile. */
GtkPrintOperation *fz_document_create_print_operation (FzDocument     *self,
                                                    GError           **error);
/* Shows the print dialog for @self over @parent and prints, waiting until
 * the job is handed to the printer or the dialog is closed. Returns FALSE
 * with @error only on a failure; a cancelled dialog is no error. */
gboolean           fz_document_print               (FzDocument        *self,
                                                    GtkWindow         *parent,
                                                    GError           **error);

G_END_DECLS
