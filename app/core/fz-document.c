/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-document"

#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>

#include "fz-context.h"
#include "fz-document-private.h"

G_DEFINE_QUARK (fz-document-error-quark, fz_document_error)
G_DEFINE_TYPE (FzDocument, fz_document, G_TYPE_OBJECT)

/* Everything given to a document is printed: make sure Pango gets valid
 * UTF-8 whatever came out of a spreadsheet. */
static char *
dup_text (const char *text)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

static void
field_free (gpointer data)
{
  FzDocumentField *field = data;

  g_free (field->label);
  g_free (field->value);
  g_free (field);
}

static void
column_free (gpointer data)
{
  FzDocumentColumn *column = data;

  g_free (column->header);
  g_free (column);
}

static void
table_free (FzDocumentTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      FzDocumentRow *row = g_ptr_array_index (table->rows, i);
      for (guint c = 0; c < table->columns->len; c++)
        g_free (row->cells[c]);
      g_free (row);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static void
section_free (FzDocumentSection *section)
{
  g_free (section->heading);
  g_ptr_array_unref (section->fields);
  g_free (section);
}

static void
certificate_free (FzCertificate *cert)
{
  g_free (cert->title);
  g_free (cert->recipient);
  g_free (cert->body);
  g_free (cert->issuer);
  g_free (cert->serial);
  g_ptr_array_unref (cert->fields);
  g_free (cert);
}

static void
part_free (gpointer data)
{
  FzDocumentPart *part = data;

  switch (part->type)
    {
    case FZ_PART_TABLE:       table_free (part->object); break;
    case FZ_PART_SECTION:     section_free (part->object); break;
    case FZ_PART_CERTIFICATE: certificate_free (part->object); break;
    case FZ_PART_PARAGRAPH:
    case FZ_PART_PAGE_BREAK:
    default:
      break;
    }
  g_free (part->text);
  g_free (part);
}

void
_fz_document_changed (FzDocument *self)
{
  g_clear_pointer (&self->plan, _fz_document_plan_unref);
}

static void
fz_document_finalize (GObject *object)
{
  FzDocument *self = FZ_DOCUMENT (object);

  g_clear_pointer (&self->plan, _fz_document_plan_unref);
  g_ptr_array_unref (self->parts);
  g_free (self->title);
  g_free (self->subtitle);
  for (guint i = 0; i < FZ_FONT_N_ROLES; i++)
    {
      g_free (self->fonts[i]);
      g_free (self->resolved_family[i]);
    }

  G_OBJECT_CLASS (fz_document_parent_class)->finalize (object);
}

static void
fz_document_class_init (FzDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_document_finalize;
}

static void
fz_document_init (FzDocument *self)
{
  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->margin_mm[0] = 20.0;
  self->margin_mm[1] = 15.0;
  self->margin_mm[2] = 20.0;
  self->margin_mm[3] = 15.0;
  self->font_size = 10.5;
  self->page_numbers = TRUE;
  fz_mask_policy_init_default (&self->mask);
}

FzDocument *
fz_document_new (FzDocumentPrivacy privacy,
                 FzOrientation     orientation)
{
  FzDocument *self;

  g_return_val_if_fail (privacy == FZ_DOCUMENT_PUBLIC || privacy == FZ_DOCUMENT_INTERNAL, NULL);
  g_return_val_if_fail (orientation == FZ_ORIENTATION_PORTRAIT ||
                        orientation == FZ_ORIENTATION_LANDSCAPE, NULL);

  self = g_object_new (FZ_TYPE_DOCUMENT, NULL);
  self->privacy = privacy;
  self->orientation = orientation;
  fz_certificate_layout_init (&self->certificate_layout, orientation);
  return self;
}

FzDocumentPrivacy
fz_document_get_privacy (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), FZ_DOCUMENT_PUBLIC);
  return self->privacy;
}

FzOrientation
fz_document_get_orientation (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), FZ_ORIENTATION_PORTRAIT);
  return self->orientation;
}

void
fz_document_set_title (FzDocument *self,
                       const char *title)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_free (self->title);
  self->title = dup_text (title);
  _fz_document_changed (self);
}

const char *
fz_document_get_title (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
fz_document_set_subtitle (FzDocument *self,
                          const char *subtitle)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_free (self->subtitle);
  self->subtitle = dup_text (subtitle);
  _fz_document_changed (self);
}

void
fz_document_set_margins (FzDocument *self,
                         double      top_mm,
                         double      right_mm,
                         double      bottom_mm,
                         double      left_mm)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (top_mm >= 0 && right_mm >= 0 && bottom_mm >= 0 && left_mm >= 0);
  g_return_if_fail (top_mm + bottom_mm < 200 && left_mm + right_mm < 150);

  self->margin_mm[0] = top_mm;
  self->margin_mm[1] = right_mm;
  self->margin_mm[2] = bottom_mm;
  self->margin_mm[3] = left_mm;
  _fz_document_changed (self);
}

void
fz_document_set_printer_offset (FzDocument *self,
                                double      x_mm,
                                double      y_mm)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  self->offset_x_mm = x_mm;
  self->offset_y_mm = y_mm;
  _fz_document_changed (self);
}

void
fz_document_set_font_size (FzDocument *self,
                           double      size_pt)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (size_pt >= 5.0 && size_pt <= 48.0);
  self->font_size = size_pt;
  _fz_document_changed (self);
}

void
fz_document_set_font (FzDocument *self,
                      FzFontRole  role,
                      const char *families)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (role < FZ_FONT_N_ROLES);

  g_free (self->fonts[role]);
  self->fonts[role] = families && *families ? dup_text (families) : NULL;
  for (guint i = 0; i < FZ_FONT_N_ROLES; i++)
    g_clear_pointer (&self->resolved_family[i], g_free);
  _fz_document_changed (self);
}

const char *
fz_document_get_font_family (FzDocument *self,
                             FzFontRole  role,
                             gboolean   *bold)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (role < FZ_FONT_N_ROLES, NULL);

  if (self->resolved_family[role] == NULL)
    _fz_document_resolve_fonts (self);
  if (bold)
    *bold = self->resolved_bold[role];
  return self->resolved_family[role];
}

void
fz_document_set_mask_policy (FzDocument         *self,
                             const FzMaskPolicy *policy)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));

  if (policy)
    self->mask = *policy;
  else
    fz_mask_policy_init_default (&self->mask);
  _fz_document_changed (self);
}

const FzMaskPolicy *
fz_document_get_mask_policy (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);
  return &self->mask;
}

void
fz_document_set_page_numbers (FzDocument *self,
                              gboolean    show)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  self->page_numbers = !!show;
  _fz_document_changed (self);
}

static gboolean
load_offset (FzContext   *context,
             const char  *key,
             double      *value,
             GError     **error)
{
  g_autofree char *text = fz_context_get_value (context, "documents", key);
  char *end = NULL;
  double v;

  if (text == NULL)
    return TRUE;
  v = g_ascii_strtod (g_strstrip (text), &end);
  if (end == text || *end != '\0' || v < -50.0 || v > 50.0)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("The setting “%s” of documents is “%s”, which is not a distance in millimetres from -50 to 50"),
                   key, text);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

gboolean
fz_document_load_settings (FzDocument  *self,
                           FzContext   *context,
                           GError     **error)
{
  static const char * const font_keys[FZ_FONT_N_ROLES] = {
    "font-body", "font-title", "font-heading", "font-script",
  };
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) local_error = NULL;
  FzMaskPolicy policy;
  double x = self->offset_x_mm, y = self->offset_y_mm;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  if (!fz_mask_policy_load (&policy, context, &local_error))
    first_error = g_steal_pointer (&local_error);
  fz_document_set_mask_policy (self, &policy);

  if (!load_offset (context, "printer-offset-x-mm", &x, &local_error) && first_error == NULL)
    first_error = g_steal_pointer (&local_error);
  g_clear_error (&local_error);
  if (!load_offset (context, "printer-offset-y-mm", &y, &local_error) && first_error == NULL)
    first_error = g_steal_pointer (&local_error);
  g_clear_error (&local_error);
  fz_document_set_printer_offset (self, x, y);

  for (guint i = 0; i < FZ_FONT_N_ROLES; i++)
    {
      g_autofree char *families = fz_context_get_value (context, "documents", font_keys[i]);
      if (families)
        fz_document_set_font (self, i, families);
    }

  if (first_error)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

static FzDocumentPart *
add_part (FzDocument *self,
          FzPartType  type)
{
  FzDocumentPart *part = g_new0 (FzDocumentPart, 1);

  part->type = type;
  g_ptr_array_add (self->parts, part);
  _fz_document_changed (self);
  return part;
}

void
fz_document_add_paragraph (FzDocument *self,
                           const char *text,
                           FzAlign     align)
{
  FzDocumentPart *part;

  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  part = add_part (self, FZ_PART_PARAGRAPH);
  part->text = dup_text (text);
  part->align = align;
}

void
fz_document_add_page_break (FzDocument *self)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  add_part (self, FZ_PART_PAGE_BREAK);
}

FzDocumentTable *
fz_document_add_table (FzDocument *self)
{
  FzDocumentTable *table;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  table = g_new0 (FzDocumentTable, 1);
  table->doc = self;
  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->rows = g_ptr_array_new ();
  add_part (self, FZ_PART_TABLE)->object = table;
  return table;
}

FzDocumentSection *
fz_document_add_section (FzDocument *self,
                         const char *heading,
                         guint       pairs_per_row)
{
  FzDocumentSection *section;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (pairs_per_row >= 1 && pairs_per_row <= 3, NULL);

  section = g_new0 (FzDocumentSection, 1);
  section->doc = self;
  section->heading = dup_text (heading);
  section->pairs_per_row = pairs_per_row;
  section->fields = g_ptr_array_new_with_free_func (field_free);
  add_part (self, FZ_PART_SECTION)->object = section;
  return section;
}

FzCertificate *
fz_document_add_certificate (FzDocument *self)
{
  FzCertificate *cert;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  cert = g_new0 (FzCertificate, 1);
  cert->doc = self;
  cert->fields = g_ptr_array_new_with_free_func (field_free);
  cert->date_style = FZ_DATE_STYLE_HANZI;
  add_part (self, FZ_PART_CERTIFICATE)->object = cert;
  return cert;
}

/* Tables */

void
fz_document_table_add_column (FzDocumentTable *table,
                              const char      *header,
                              double           width,
                              FzAlign          align,
                              FzFieldKind      kind)
{
  FzDocumentColumn *column;

  g_return_if_fail (table != NULL);
  g_return_if_fail (width > 0);
  /* Rows hold one cell per column: the columns are fixed by then. */
  g_return_if_fail (table->rows->len == 0);

  column = g_new0 (FzDocumentColumn, 1);
  column->header = dup_text (header ? header : "");
  column->width = width;
  column->align = align;
  column->kind = kind;
  g_ptr_array_add (table->columns, column);
  _fz_document_changed (table->doc);
}

static void
add_row (FzDocumentTable    *table,
         gboolean            total,
         const char * const *cells,
         guint               n_cells)
{
  guint n_columns = table->columns->len;
  FzDocumentRow *row;

  row = g_malloc0 (sizeof (FzDocumentRow) + n_columns * sizeof (char *));
  row->total = total;
  for (guint c = 0; c < n_columns; c++)
    row->cells[c] = dup_text (c < n_cells && cells[c] ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
  _fz_document_changed (table->doc);
}

void
fz_document_table_add_rowv (FzDocumentTable    *table,
                            const char * const *cells,
                            guint               n_cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (table->columns->len > 0);
  g_return_if_fail (n_cells <= table->columns->len);
  g_return_if_fail (cells != NULL || n_cells == 0);

  add_row (table, FALSE, cells, n_cells);
}

void
fz_document_table_add_total_rowv (FzDocumentTable    *table,
                                  const char * const *cells,
                                  guint               n_cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (table->columns->len > 0);
  g_return_if_fail (n_cells <= table->columns->len);
  g_return_if_fail (cells != NULL || n_cells == 0);

  add_row (table, TRUE, cells, n_cells);
}

static void
add_row_va (FzDocumentTable *table,
            gboolean         total,
            va_list          args)
{
  guint n = table->columns->len;
  g_autofree const char **cells = g_new0 (const char *, n);

  /* Exactly one per column: a NULL is an empty cell, not the end. */
  for (guint c = 0; c < n; c++)
    cells[c] = va_arg (args, const char *);
  add_row (table, total, cells, n);
}

void
fz_document_table_add_row (FzDocumentTable *table,
                           ...)
{
  va_list args;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->columns->len > 0);

  va_start (args, table);
  add_row_va (table, FALSE, args);
  va_end (args);
}

void
fz_document_table_add_total_row (FzDocumentTable *table,
                                 ...)
{
  va_list args;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->columns->len > 0);

  va_start (args, table);
  add_row_va (table, TRUE, args);
  va_end (args);
}

gboolean
fz_document_table_add_rows_from_statement (FzDocumentTable  *table,
                                           FzStatement      *stmt,
                                           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n;
  g_autofree const char **cells = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (table->columns->len > 0, FALSE);

  n = MIN (table->columns->len, (guint) MAX (fz_statement_column_count (stmt), 0));
  cells = g_new0 (const char *, n);
  while (fz_statement_step (stmt, &local_error))
    {
      for (guint c = 0; c < n; c++)
        cells[c] = fz_statement_get_text (stmt, c);
      add_row (table, FALSE, cells, n);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

guint
fz_document_table_get_n_rows (FzDocumentTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

/* Sections */

static void
add_field (GPtrArray   *fields,
           const char  *label,
           const char  *value,
           FzFieldKind  kind,
           gboolean     wide)
{
  FzDocumentField *field = g_new0 (FzDocumentField, 1);

  field->label = dup_text (label ? label : "");
  field->value = dup_text (value ? value : "");
  field->kind = kind;
  field->wide = wide;
  g_ptr_array_add (fields, field);
}

void
fz_document_section_add_field (FzDocumentSection *section,
                               const char        *label,
                               const char        *value,
                               FzFieldKind        kind)
{
  g_return_if_fail (section != NULL);
  add_field (section->fields, label, value, kind, FALSE);
  _fz_document_changed (section->doc);
}

void
fz_document_section_add_wide_field (FzDocumentSection *section,
                                    const char        *label,
                                    const char        *value,
                                    FzFieldKind        kind)
{
  g_return_if_fail (section != NULL);
  add_field (section->fields, label, value, kind, TRUE);
  _fz_document_changed (section->doc);
}

/* Certificates */

static void
set_box (FzCertificateBox *box,
         double            x_mm,
         double            y_mm,
         double            width_mm,
         double            height_mm,
         double            size_pt,
         FzAlign           align)
{
  box->x_mm = x_mm;
  box->y_mm = y_mm;
  box->width_mm = width_mm;
  box->height_mm = height_mm;
  box->size_pt = size_pt;
  box->align = align;
  box->hidden = FALSE;
}

void
fz_certificate_layout_init (FzCertificateLayout *layout,
                            FzOrientation        orientation)
{
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  layout->seal_style = FZ_SEAL_OUTLINE;
  layout->frame = TRUE;

  /* The seal (about 42 mm across) overlaps the issuer and the date, as a
   * seal on a Chinese certificate does. */
  if (orientation == FZ_ORIENTATION_LANDSCAPE)
    {
      set_box (&layout->title,      20,  32, 257,  0, 42, FZ_ALIGN_CENTER);
      set_box (&layout->recipient,  42,  64, 213,  0, 22, FZ_ALIGN_START);
      set_box (&layout->body,       42,  82, 213, 58, 18, FZ_ALIGN_START);
      set_box (&layout->issuer,    160, 148,  95,  0, 18, FZ_ALIGN_CENTER);
      set_box (&layout->date,      160, 162,  95,  0, 16, FZ_ALIGN_CENTER);
      set_box (&layout->seal,      186, 134,  42, 42,  0, FZ_ALIGN_CENTER);
      set_box (&layout->serial,     42, 182, 150,  0, 10.5, FZ_ALIGN_START);
    }
  else
    {
      set_box (&layout->title,      20,  48, 170,  0, 42, FZ_ALIGN_CENTER);
      set_box (&layout->recipient,  30,  92, 150,  0, 22, FZ_ALIGN_START);
      set_box (&layout->body,       30, 112, 150, 78, 18, FZ_ALIGN_START);
      set_box (&layout->issuer,     95, 205,  90,  0, 18, FZ_ALIGN_CENTER);
      set_box (&layout->date,       95, 220,  90,  0, 16, FZ_ALIGN_CENTER);
      set_box (&layout->seal,      119, 192,  42, 42,  0, FZ_ALIGN_CENTER);
      set_box (&layout->serial,     30, 262, 150,  0, 10.5, FZ_ALIGN_START);
    }
}

void
fz_document_set_certificate_layout (FzDocument                *self,
                                    const FzCertificateLayout *layout)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (layout != NULL);

  self->certificate_layout = *layout;
  _fz_document_changed (self);
}

#define SET_CERT_TEXT(field)                  \
  G_STMT_START {                              \
    g_return_if_fail (cert != NULL);          \
    g_free (cert->field);                     \
    cert->field = dup_text (field);           \
    _fz_document_changed (cert->doc);         \
  } G_STMT_END

void
fz_certificate_set_title (FzCertificate *cert,
                          const char    *title)
{
  SET_CERT_TEXT (title);
}

void
fz_certificate_set_recipient (FzCertificate *cert,
                              const char    *recipient)
{
  SET_CERT_TEXT (recipient);
}

void
fz_certificate_set_body (FzCertificate *cert,
                         const char    *body)
{
  SET_CERT_TEXT (body);
}

void
fz_certificate_set_issuer (FzCertificate *cert,
                           const char    *issuer)
{
  SET_CERT_TEXT (issuer);
}

void
fz_certificate_set_serial (FzCertificate *cert,
                           const char    *serial)
{
  SET_CERT_TEXT (serial);
}

#undef SET_CERT_TEXT

void
fz_certificate_add_field (FzCertificate *cert,
                          const char    *label,
                          const char    *value,
                          FzFieldKind    kind)
{
  g_return_if_fail (cert != NULL);
  add_field (cert->fields, label, value, kind, FALSE);
  _fz_document_changed (cert->doc);
}

void
fz_certificate_set_date (FzCertificate *cert,
                         const GDate   *date,
                         FzDateStyle    style)
{
  g_return_if_fail (cert != NULL);
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date)
    cert->date = *date;
  else
    g_date_clear (&cert->date, 1);
  cert->date_style = style;
  _fz_document_changed (cert->doc);
}

/* Privacy */

char *
_fz_document_printed_text (FzDocument  *self,
                           const char  *text,
                           FzFieldKind  kind)
{
  if (self->privacy == FZ_DOCUMENT_INTERNAL)
    return g_strdup (text);
  return fz_mask_for_public (text, kind, &self->mask);
}

/* Output */

void
fz_document_get_page_size (FzDocument *self,
                           double     *width_pt,
                           double     *height_pt)
{
  /* A4, 210 × 297 mm. */
  double w = FZ_MM_TO_PT (210.0), h = FZ_MM_TO_PT (297.0);

  g_return_if_fail (FZ_IS_DOCUMENT (self));

  if (self->orientation == FZ_ORIENTATION_LANDSCAPE)
    {
      double t = w;
      w = h;
      h = t;
    }
  if (width_pt)
    *width_pt = w;
  if (height_pt)
    *height_pt = h;
}

guint
fz_document_get_n_pages (FzDocument  *self,
                         GError     **error)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  if (self->plan == NULL)
    self->plan = _fz_document_plan_new (self, error);
  if (self->plan == NULL)
    return 0;
  return _fz_document_plan_get_n_pages (self->plan);
}

void
fz_document_draw_page (FzDocument *self,
                       cairo_t    *cr,
                       guint       page)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->plan != NULL);
  g_return_if_fail (page < _fz_document_plan_get_n_pages (self->plan));

  _fz_document_plan_draw_page (self->plan, cr, page);
}
