/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-document"

#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fz-document-private.h"

/* Lays a document out once into pages (a "plan") and draws pages of a plan
 * on any cairo context: the PDF writer and the print operation call the
 * same _fz_document_plan_draw_page().
 *
 * The few words the layout prints itself (第 N 页 共 M 页, 证书编号) are
 * Chinese literals, not msgids: documents are printed in Chinese whatever
 * language the staff's desktop speaks.
 *
 * Everything is measured in points. Layouts are made in a Pango context of
 * our own with hinting off, so that line breaks do not depend on the
 * device: a page breaks the same on paper, in the preview and in the PDF. */

#define CELL_PAD_X   3.0
#define CELL_PAD_Y   2.5
#define RULE_WIDTH   0.6
#define TABLE_GAP    8.0
#define EPSILON      0.01

/* 公文 red for certificate titles and frames; grey on a black-and-white printer. */
#define CERT_RED     0.62, 0.09, 0.08

typedef struct {
  PangoLayout *layout;       /* NULL: an empty cell */
  double       x;            /* from the left edge of the text block */
  double       width;
  double       text_height;
  gboolean     shade;
  GArray      *line_bottoms; /* double; made when the row has to be split */
} Cell;

typedef enum {
  ROW_PLAIN, /* a paragraph or a heading: no rules */
  ROW_GRID,  /* a table or form row: ruled cells */
} RowStyle;

typedef struct {
  Cell     *cells;
  guint     n_cells;
  RowStyle  style;
  double    pad_x;
  double    pad_y;
  double    space_after;
  double    height;         /* pad, text, pad, space after */
  gboolean  keep_with_next; /* never the last thing on a page */
} Row;

typedef struct {
  Row    *row;
  double  y;
  double  height;  /* without the space after */
  double *from;    /* for a row split over pages, per cell the shown part */
  double *to;      /* of its text; both NULL for a whole row */
} Placed;

typedef struct {
  PangoLayout *layout;
  double       x;
  double       y;
  gboolean     red;
} Item;

typedef struct {
  gboolean  certificate;
  GArray   *placed;  /* Placed, on a flowing page */
  GArray   *items;   /* Item, on a certificate page */
} Page;

struct _FzDocumentPlan
{
  gatomicrefcount      ref;
  PangoContext        *context;
  char                *title;
  double               page_w;
  double               page_h;
  double               left;
  double               top;
  double               bottom;        /* where the text block ends */
  double               text_width;
  double               offset_x;
  double               offset_y;
  double               font_size;
  gboolean             page_numbers;
  char                *family[FZ_FONT_N_ROLES];
  gboolean             bold[FZ_FONT_N_ROLES];
  FzCertificateLayout  cert;
  GPtrArray           *rows;          /* Row*, owned */
  GPtrArray           *pages;         /* Page*, owned */
};

/* Fonts */

/* fontconfig answers any family with some font (DejaVu Sans for 仿宋), so
 * the candidates are checked against the families the system really has. */
static const char * const builtin_fonts[FZ_FONT_N_ROLES] = {
  [FZ_FONT_BODY]    = "FangSong,仿宋,FZFangSong-Z02,FZFangSong-Z02S,方正仿宋_GBK,方正仿宋简体,"
                      "FangSong_GB2312,仿宋_GB2312,STFangsong,华文仿宋",
  [FZ_FONT_TITLE]   = "FZXiaoBiaoSong-B05,FZXiaoBiaoSong-B05S,方正小标宋简体,方正小标宋_GBK,"
                      "方正小标宋,STZhongsong,华文中宋",
  [FZ_FONT_HEADING] = "SimHei,黑体,FZHei-B01,FZHei-B01S,方正黑体_GBK,方正黑体简体,STHeiti,华文黑体",
  [FZ_FONT_SCRIPT]  = "KaiTi,楷体,FZKai-Z03,FZKai-Z03S,方正楷体_GBK,方正楷体简体,KaiTi_GB2312,"
                      "楷体_GB2312,STKaiti,华文楷体,AR PL UKai CN,AR PL KaitiM GB,LXGW WenKai",
};

/* Debian's fonts-noto-cjk; a bold fallback stands in for the heavier face. */
static const struct {
  const char *family;
  const char *generic;
  gboolean    bold;
} fallback_fonts[FZ_FONT_N_ROLES] = {
  [FZ_FONT_BODY]    = { "Noto Serif CJK SC", "Serif", FALSE },
  [FZ_FONT_TITLE]   = { "Noto Serif CJK SC", "Serif", TRUE },
  [FZ_FONT_HEADING] = { "Noto Sans CJK SC",  "Sans",  TRUE },
  [FZ_FONT_SCRIPT]  = { NULL, NULL, FALSE }, /* the body face */
};

static const char *
find_family (GHashTable *have,
             const char *list)
{
  g_auto(GStrv) names = NULL;

  if (list == NULL)
    return NULL;
  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *key = g_utf8_casefold (g_strstrip (names[i]), -1);
      const char *found = g_hash_table_lookup (have, key);
      if (found)
        return found;
    }
  return NULL;
}

void
_fz_document_resolve_fonts (FzDocument *self)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  PangoFontFamily **families = NULL;
  int n_families = 0;
  /* Resolved in this order: the script face falls back on the body's. */
  static const FzFontRole order[] = { FZ_FONT_BODY, FZ_FONT_TITLE, FZ_FONT_HEADING, FZ_FONT_SCRIPT };

  pango_font_map_list_families (map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    {
      const char *name = pango_font_family_get_name (families[i]);
      g_hash_table_insert (have, g_utf8_casefold (name, -1), g_strdup (name));
    }
  g_free (families);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      FzFontRole role = order[i];
      const char *family = find_family (have, self->fonts[role]);
      gboolean bold = FALSE;

      if (family == NULL)
        family = find_family (have, builtin_fonts[role]);
      if (family == NULL && fallback_fonts[role].family == NULL)
        {
          family = self->resolved_family[FZ_FONT_BODY];
          bold = self->resolved_bold[FZ_FONT_BODY];
        }
      else if (family == NULL)
        {
          family = find_family (have, fallback_fonts[role].family);
          if (family == NULL)
            family = fallback_fonts[role].generic;
          bold = fallback_fonts[role].bold;
        }

      g_debug ("Font for role %u: %s%s", role, family, bold ? " Bold" : "");
      g_free (self->resolved_family[role]);
      self->resolved_family[role] = g_strdup (family);
      self->resolved_bold[role] = bold;
    }
}

/* Layouts */

static PangoLayout *
make_layout (FzDocumentPlan *plan,
             const char     *text,
             FzFontRole      role,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  align,
             double          line_spacing)
{
  PangoLayout *layout = pango_layout_new (plan->context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, plan->family[role]);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold || plan->bold[role])
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) line_spacing);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h = 0;

  pango_layout_get_size (layout, NULL, &h);
  return pango_units_to_double (h);
}

static double
layout_width (PangoLayout *layout)
{
  int w = 0;

  pango_layout_get_size (layout, &w, NULL);
  return pango_units_to_double (w);
}

static PangoAlignment
pango_align (FzAlign align)
{
  switch (align)
    {
    case FZ_ALIGN_CENTER: return PANGO_ALIGN_CENTER;
    case FZ_ALIGN_END:    return PANGO_ALIGN_RIGHT;
    case FZ_ALIGN_START:
    default:              return PANGO_ALIGN_LEFT;
    }
}

/* Plans */

static void
page_free (gpointer data)
{
  Page *page = data;

  if (page->placed)
    {
      for (guint i = 0; i < page->placed->len; i++)
        {
          Placed *p = &g_array_index (page->placed, Placed, i);
          g_free (p->from);
          g_free (p->to);
        }
      g_array_unref (page->placed);
    }
  if (page->items)
    {
      for (guint i = 0; i < page->items->len; i++)
        g_object_unref (g_array_index (page->items, Item, i).layout);
      g_array_unref (page->items);
    }
  g_free (page);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_clear_pointer (&row->cells[i].line_bottoms, g_array_unref);
    }
  g_free (row->cells);
  g_free (row);
}

FzDocumentPlan *
_fz_document_plan_ref (FzDocumentPlan *plan)
{
  g_atomic_ref_count_inc (&plan->ref);
  return plan;
}

void
_fz_document_plan_unref (FzDocumentPlan *plan)
{
  if (!g_atomic_ref_count_dec (&plan->ref))
    return;

  g_ptr_array_unref (plan->pages);
  g_ptr_array_unref (plan->rows);
  g_object_unref (plan->context);
  for (guint i = 0; i < FZ_FONT_N_ROLES; i++)
    g_free (plan->family[i]);
  g_free (plan->title);
  g_free (plan);
}

guint
_fz_document_plan_get_n_pages (FzDocumentPlan *plan)
{
  return plan->pages->len;
}

static Page *
add_page (FzDocumentPlan *plan,
          gboolean        certificate)
{
  Page *page = g_new0 (Page, 1);

  page->certificate = certificate;
  if (certificate)
    page->items = g_array_new (FALSE, FALSE, sizeof (Item));
  else
    page->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (plan->pages, page);
  return page;
}

/* Rows */

static Row *
row_new (FzDocumentPlan *plan,
         guint           n_cells,
         RowStyle        style)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (Cell, n_cells);
  row->n_cells = n_cells;
  row->style = style;
  row->pad_x = style == ROW_GRID ? CELL_PAD_X : 0.0;
  row->pad_y = style == ROW_GRID ? CELL_PAD_Y : 0.0;
  g_ptr_array_add (plan->rows, row);
  return row;
}

static void
cell_set (FzDocumentPlan *plan,
          Row            *row,
          guint           index,
          double          x,
          double          width,
          const char     *text,
          FzFontRole      role,
          double          size,
          FzAlign         align,
          gboolean        shade)
{
  Cell *cell = &row->cells[index];

  cell->x = x;
  cell->width = width;
  cell->shade = shade;
  if (text == NULL || *text == '\0')
    return;
  cell->layout = make_layout (plan, text, role, size, FALSE, MAX (width - 2 * row->pad_x, 1.0),
                              pango_align (align), 0.0);
  cell->text_height = layout_height (cell->layout);
}

static void
row_finish (Row *row)
{
  double tallest = 0.0;

  for (guint i = 0; i < row->n_cells; i++)
    tallest = MAX (tallest, row->cells[i].text_height);
  row->height = tallest + 2 * row->pad_y + row->space_after;
}

static GArray *
line_bottoms (Cell *cell)
{
  PangoLayoutIter *iter;

  if (cell->line_bottoms)
    return cell->line_bottoms;

  cell->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = pango_units_to_double (y1);
      g_array_append_val (cell->line_bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return cell->line_bottoms;
}

/* Flowing rows over pages */

typedef struct {
  FzDocumentPlan *plan;
  Page           *page;     /* the page being filled, NULL before the first or after a break */
  double          y;
  gboolean        has_body; /* holds more than a repeated header */
} Flow;

static void
flow_put (Flow   *flow,
          Row    *row,
          double  height,
          double *from,
          double *to)
{
  Placed placed = { row, flow->y, height, from, to };

  g_array_append_val (flow->page->placed, placed);
  flow->y += height;
}

static void
flow_start_page (Flow *flow,
                 Row  *header)
{
  flow->page = add_page (flow->plan, FALSE);
  flow->y = flow->plan->top;
  flow->has_body = FALSE;
  if (header)
    flow_put (flow, header, header->height, NULL, NULL);
}

static void
flow_space (Flow   *flow,
            double  space)
{
  if (flow->page && flow->y + space < flow->plan->bottom)
    flow->y += space;
}

/* A row taller than a whole page goes line by line over as many pages as
 * it needs, each cell showing the lines that fit; a single line taller than
 * a page is shown cut off rather than looping for ever. */
static void
flow_split_row (Flow *flow,
                Row  *row,
                Row  *header)
{
  g_autofree double *from = g_new0 (double, row->n_cells);

  for (;;)
    {
      double inner, tallest = 0.0;
      double *to = g_new (double, row->n_cells);
      gboolean done = TRUE;

      if (flow->page == NULL)
        flow_start_page (flow, header);
      inner = flow->plan->bottom - flow->y - 2 * row->pad_y;

      for (guint c = 0; c < row->n_cells; c++)
        {
          Cell *cell = &row->cells[c];
          GArray *bottoms;

          to[c] = from[c];
          if (cell->layout == NULL || from[c] >= cell->text_height - EPSILON)
            continue;

          bottoms = line_bottoms (cell);
          for (guint i = 0; i < bottoms->len; i++)
            {
              double b = g_array_index (bottoms, double, i);
              if (b <= from[c] + EPSILON)
                continue;
              if (b - from[c] <= inner + EPSILON)
                to[c] = b;
              else
                {
                  if (to[c] == from[c])
                    to[c] = b;
                  break;
                }
            }
          tallest = MAX (tallest, to[c] - from[c]);
          if (to[c] < cell->text_height - EPSILON)
            done = FALSE;
        }

      flow_put (flow, row, tallest + 2 * row->pad_y,
                g_memdup2 (from, row->n_cells * sizeof (double)), to);
      flow->has_body = TRUE;
      memcpy (from, to, row->n_cells * sizeof (double));
      if (done)
        {
          flow->y += row->space_after;
          return;
        }
      flow->page = NULL;
    }
}

/* Places @row on the current page, or at the top of the next one (under
 * @header when a table goes on). @next is the row after it, which a
 * keep-with-next row must not be parted from. */
static void
flow_row (Flow *flow,
          Row  *row,
          Row  *next,
          Row  *header)
{
  FzDocumentPlan *plan = flow->plan;
  double body = plan->bottom - plan->top;

  for (;;)
    {
      double room, need;

      if (flow->page == NULL)
        flow_start_page (flow, header);
      room = plan->bottom - flow->y;
      need = row->height - row->space_after;

      /* Taller than any page: it is split anyway, so start it here rather
       * than leave the rest of this page empty. */
      if (need > body - (header ? header->height : 0.0) &&
          room > 2 * row->pad_y + 2.5 * plan->font_size)
        {
          flow_split_row (flow, row, header);
          return;
        }

      if (row->keep_with_next && next)
        need = row->height + MIN (next->height, body / 4);

      if (need <= room + EPSILON)
        {
          flow_put (flow, row, row->height - row->space_after, NULL, NULL);
          flow->y += row->space_after;
          flow->has_body = TRUE;
          return;
        }
      if (!flow->has_body)
        {
          /* It would not fit better on the next page either. */
          if (row->height - row->space_after <= room + EPSILON)
            {
              flow_put (flow, row, row->height - row->space_after, NULL, NULL);
              flow->y += row->space_after;
              flow->has_body = TRUE;
            }
          else
            flow_split_row (flow, row, header);
          return;
        }
      flow->page = NULL;
    }
}

static void
flow_rows (Flow      *flow,
           GPtrArray *rows,
           Row       *header)
{
  for (guint i = 0; i < rows->len; i++)
    flow_row (flow, rows->pdata[i], i + 1 < rows->len ? rows->pdata[i + 1] : NULL, header);
}

/* Building the parts */

static Row *
plain_row (FzDocumentPlan *plan,
           const char     *text,
           FzFontRole      role,
           double          size,
           FzAlign         align,
           double          space_after)
{
  Row *row = row_new (plan, 1, ROW_PLAIN);

  cell_set (plan, row, 0, 0.0, plan->text_width, text, role, size, align, FALSE);
  row->space_after = space_after;
  row_finish (row);
  return row;
}

/* A paragraph of notes; a left-aligned one is justified and its first
 * line indented by two characters, as Chinese prose is set. */
static Row *
paragraph_row (FzDocumentPlan *plan,
               const char     *text,
               FzAlign         align)
{
  Row *row = row_new (plan, 1, ROW_PLAIN);
  Cell *cell = &row->cells[0];

  cell_set (plan, row, 0, 0.0, plan->text_width, text, FZ_FONT_BODY, plan->font_size, align, FALSE);
  if (cell->layout && align == FZ_ALIGN_START)
    {
      pango_layout_set_indent (cell->layout, pango_units_from_double (2 * plan->font_size));
      pango_layout_set_justify (cell->layout, TRUE);
      cell->text_height = layout_height (cell->layout);
    }
  row->space_after = plan->font_size * 0.6;
  row_finish (row);
  return row;
}

static void
build_title (FzDocumentPlan *plan,
             FzDocument     *doc,
             Flow           *flow)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  Row *row;

  if (doc->title && *doc->title)
    {
      row = plain_row (plan, doc->title, FZ_FONT_TITLE, 18.0, FZ_ALIGN_CENTER,
                       doc->subtitle ? 4.0 : 12.0);
      row->keep_with_next = TRUE;
      g_ptr_array_add (rows, row);
    }
  if (doc->subtitle && *doc->subtitle)
    {
      row = plain_row (plan, doc->subtitle, FZ_FONT_BODY, plan->font_size + 1.5, FZ_ALIGN_CENTER, 10.0);
      row->keep_with_next = TRUE;
      g_ptr_array_add (rows, row);
    }
  flow_rows (flow, rows, NULL);
}

static gboolean
build_table (FzDocumentPlan   *plan,
             FzDocument       *doc,
             FzDocumentTable  *table,
             Flow             *flow,
             GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree guint *shown = NULL;
  g_autofree double *xs = NULL;
  g_autofree double *ws = NULL;
  guint n_shown = 0;
  double total = 0.0, x = 0.0;
  Row *header;

  if (table->columns->len == 0)
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                           _("A table of the document has no columns"));
      return FALSE;
    }

  /* A public document leaves sensitive columns out altogether. */
  shown = g_new0 (guint, table->columns->len);
  for (guint c = 0; c < table->columns->len; c++)
    {
      FzDocumentColumn *column = g_ptr_array_index (table->columns, c);
      if (doc->privacy == FZ_DOCUMENT_PUBLIC && column->kind == FZ_FIELD_SENSITIVE)
        continue;
      shown[n_shown++] = c;
      total += column->width;
    }
  if (n_shown == 0)
    return TRUE;

  xs = g_new0 (double, n_shown);
  ws = g_new0 (double, n_shown);
  for (guint i = 0; i < n_shown; i++)
    {
      FzDocumentColumn *column = g_ptr_array_index (table->columns, shown[i]);
      xs[i] = x;
      ws[i] = plan->text_width * column->width / total;
      x += ws[i];
    }

  header = row_new (plan, n_shown, ROW_GRID);
  header->keep_with_next = TRUE;
  for (guint i = 0; i < n_shown; i++)
    {
      FzDocumentColumn *column = g_ptr_array_index (table->columns, shown[i]);
      cell_set (plan, header, i, xs[i], ws[i], column->header, FZ_FONT_HEADING,
                plan->font_size, FZ_ALIGN_CENTER, TRUE);
    }
  row_finish (header);
  g_ptr_array_add (rows, header);

  for (guint r = 0; r < table->rows->len; r++)
    {
      FzDocumentRow *source = g_ptr_array_index (table->rows, r);
      Row *row = row_new (plan, n_shown, ROW_GRID);

      for (guint i = 0; i < n_shown; i++)
        {
          FzDocumentColumn *column = g_ptr_array_index (table->columns, shown[i]);
          const char *value = source->cells[shown[i]];
          g_autofree char *printed = NULL;

          if (column->kind != FZ_FIELD_PLAIN)
            value = printed = _fz_document_printed_text (doc, value, column->kind);
          cell_set (plan, row, i, xs[i], ws[i], value,
                    source->total ? FZ_FONT_HEADING : FZ_FONT_BODY,
                    plan->font_size, column->align, source->total);
        }
      row_finish (row);
      g_ptr_array_add (rows, row);
    }

  /* The header row flows first like any row, and heads every later page. */
  flow_row (flow, header, rows->len > 1 ? rows->pdata[1] : NULL, NULL);
  g_ptr_array_remove_index (rows, 0);
  flow_rows (flow, rows, header);
  flow_space (flow, TABLE_GAP);
  return TRUE;
}

typedef struct {
  const char *label;
  char       *value;
} Pair;

static Row *
section_row (FzDocumentPlan *plan,
             GArray         *pairs,
             guint           pairs_per_row,
             double          label_w,
             gboolean        wide)
{
  double pair_w = plan->text_width / (wide ? 1 : pairs_per_row);
  Row *row = row_new (plan, pairs->len * 2, ROW_GRID);

  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);
      double x = i * pair_w;
      /* The last value reaches the right edge when the row is not full. */
      double value_w = i + 1 == pairs->len ? plan->text_width - x - label_w : pair_w - label_w;

      cell_set (plan, row, 2 * i, x, label_w, pair->label, FZ_FONT_BODY, plan->font_size,
                FZ_ALIGN_CENTER, TRUE);
      cell_set (plan, row, 2 * i + 1, x + label_w, value_w, pair->value, FZ_FONT_BODY,
                plan->font_size, FZ_ALIGN_START, FALSE);
      g_clear_pointer (&pair->value, g_free);
    }
  row_finish (row);
  g_array_set_size (pairs, 0);
  return row;
}

static void
build_section (FzDocumentPlan    *plan,
               FzDocument        *doc,
               FzDocumentSection *section,
               Flow              *flow)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pair));
  double pair_w = plan->text_width / section->pairs_per_row;
  double label_w = pair_w * (section->pairs_per_row == 1 ? 0.2 : 0.32);

  /* Labels as wide as the widest needs, up to half a pair, so that a
   * label like 资格证书编号 stays on one line. */
  for (guint i = 0; i < section->fields->len; i++)
    {
      FzDocumentField *field = g_ptr_array_index (section->fields, i);
      g_autoptr(PangoLayout) probe = make_layout (plan, field->label, FZ_FONT_BODY, plan->font_size,
                                                  FALSE, -1, PANGO_ALIGN_LEFT, 0.0);
      label_w = MAX (label_w, layout_width (probe) + 2 * CELL_PAD_X + 2.0);
    }
  label_w = MIN (label_w, pair_w / 2);

  if (section->heading && *section->heading)
    {
      Row *heading = plain_row (plan, section->heading, FZ_FONT_HEADING, plan->font_size + 1.5,
                                FZ_ALIGN_START, 4.0);
      heading->keep_with_next = TRUE;
      g_ptr_array_add (rows, heading);
      if (flow->has_body)
        flow_space (flow, 6.0);
    }

  for (guint i = 0; i < section->fields->len; i++)
    {
      FzDocumentField *field = g_ptr_array_index (section->fields, i);
      Pair pair = { field->label, _fz_document_printed_text (doc, field->value, field->kind) };

      if (pair.value == NULL)
        continue; /* not printed in a public document */

      if (field->wide)
        {
          if (pending->len > 0)
            g_ptr_array_add (rows, section_row (plan, pending, section->pairs_per_row, label_w, FALSE));
          g_array_append_val (pending, pair);
          g_ptr_array_add (rows, section_row (plan, pending, section->pairs_per_row, label_w, TRUE));
          continue;
        }
      g_array_append_val (pending, pair);
      if (pending->len == section->pairs_per_row)
        g_ptr_array_add (rows, section_row (plan, pending, section->pairs_per_row, label_w, FALSE));
    }
  if (pending->len > 0)
    g_ptr_array_add (rows, section_row (plan, pending, section->pairs_per_row, label_w, FALSE));

  flow_rows (flow, rows, NULL);
  flow_space (flow, TABLE_GAP);
}

/* Certificates */

static void
add_item (Page        *page,
          PangoLayout *layout,
          double       x,
          double       y,
          gboolean     red)
{
  Item item = { layout, x, y, red };

  g_array_append_val (page->items, item);
}

/* Short titles are spread out, 荣 誉 证 书 style. */
static void
space_letters (PangoLayout *layout,
               const char  *text,
               double       size)
{
  glong n = g_utf8_strlen (text, -1);
  double em = n <= 4 ? 0.4 : n <= 6 ? 0.2 : 0.0;
  PangoAttrList *attrs;

  if (em == 0.0)
    return;
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (pango_units_from_double (size * em)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* One line in a box: shrinks until it is as wide as the box at most. */
static void
add_line_item (FzDocumentPlan         *plan,
               Page                   *page,
               const FzCertificateBox *box,
               const char             *text,
               FzFontRole              role,
               gboolean                spaced,
               gboolean                red)
{
  double width = FZ_MM_TO_PT (box->width_mm);
  double size = box->size_pt;
  PangoLayout *layout = NULL;
  double w, x;

  if (box->hidden || text == NULL || *text == '\0')
    return;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_clear_object (&layout);
      layout = make_layout (plan, text, role, size, FALSE, -1, PANGO_ALIGN_LEFT, 0.0);
      if (spaced)
        space_letters (layout, text, size);
      w = layout_width (layout);
      if (w <= width + EPSILON || size <= 6.0)
        break;
      size = MAX (6.0, floor (size * width / w * 4.0) / 4.0 - 0.25);
    }

  switch (box->align)
    {
    case FZ_ALIGN_CENTER: x = (width - w) / 2; break;
    case FZ_ALIGN_END:    x = width - w; break;
    case FZ_ALIGN_START:
    default:              x = 0.0; break;
    }
  add_item (page, layout, FZ_MM_TO_PT (box->x_mm) + x, FZ_MM_TO_PT (box->y_mm), red);
}

/* The body paragraphs, then the fields, in the body box: both shrink
 * together until they fit its height. */
static void
add_body_items (FzDocumentPlan *plan,
                FzDocument     *doc,
                Page           *page,
                FzCertificate  *cert)
{
  const FzCertificateBox *box = &plan->cert.body;
  double width = FZ_MM_TO_PT (box->width_mm);
  double height = FZ_MM_TO_PT (box->height_mm);
  g_autoptr(GString) lines = g_string_new (NULL);
  PangoLayout *body = NULL, *fields = NULL;
  double size;

  if (box->hidden)
    return;

  for (guint i = 0; i < cert->fields->len; i++)
    {
      FzDocumentField *field = g_ptr_array_index (cert->fields, i);
      g_autofree char *value = _fz_document_printed_text (doc, field->value, field->kind);

      if (value == NULL)
        continue;
      if (lines->len)
        g_string_append_c (lines, '\n');
      g_string_append_printf (lines, "%s：%s", field->label, value);
    }

  for (size = box->size_pt; ; size -= 0.5)
    {
      double h = 0.0;

      g_clear_object (&body);
      g_clear_object (&fields);
      if (cert->body && *cert->body)
        {
          body = make_layout (plan, cert->body, FZ_FONT_BODY, size, FALSE, width,
                              pango_align (box->align), 1.25);
          /* Two characters' indent at the start of each paragraph. */
          pango_layout_set_indent (body, pango_units_from_double (2 * size));
          pango_layout_set_justify (body, box->align == FZ_ALIGN_START);
          h += layout_height (body);
        }
      if (lines->len)
        {
          fields = make_layout (plan, lines->str, FZ_FONT_BODY, size * 0.85, FALSE, width,
                                pango_align (box->align), 1.1);
          h += layout_height (fields) + (body ? size * 0.8 : 0.0);
        }
      if (box->height_mm <= 0 || h <= height + EPSILON || size <= 8.0)
        break;
    }

  if (body)
    add_item (page, body, FZ_MM_TO_PT (box->x_mm), FZ_MM_TO_PT (box->y_mm), FALSE);
  if (fields)
    add_item (page, fields, FZ_MM_TO_PT (box->x_mm),
              FZ_MM_TO_PT (box->y_mm) + (body ? layout_height (body) + size * 0.8 : 0.0), FALSE);
}

static void
build_certificate (FzDocumentPlan *plan,
                   FzDocument     *doc,
                   FzCertificate  *cert)
{
  Page *page = add_page (plan, TRUE);
  const FzCertificateLayout *layout = &plan->cert;
  g_autofree char *date = NULL;
  g_autofree char *serial = NULL;

  add_line_item (plan, page, &layout->title, cert->title, FZ_FONT_TITLE, TRUE, TRUE);
  add_line_item (plan, page, &layout->recipient, cert->recipient, FZ_FONT_SCRIPT, FALSE, FALSE);
  add_body_items (plan, doc, page, cert);
  add_line_item (plan, page, &layout->issuer, cert->issuer, FZ_FONT_BODY, FALSE, FALSE);
  if (g_date_valid (&cert->date))
    date = fz_format_chinese_date (&cert->date, cert->date_style);
  add_line_item (plan, page, &layout->date, date, FZ_FONT_BODY, FALSE, FALSE);
  if (cert->serial && *cert->serial)
    serial = g_strconcat ("证书编号：", cert->serial, NULL);
  add_line_item (plan, page, &layout->serial, serial, FZ_FONT_BODY, FALSE, FALSE);
}

FzDocumentPlan *
_fz_document_plan_new (FzDocument  *self,
                       GError     **error)
{
  g_autoptr(FzDocumentPlan) plan = g_new0 (FzDocumentPlan, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options;
  Flow flow = { NULL, };
  gboolean titled = FALSE;

  g_atomic_ref_count_init (&plan->ref);
  plan->rows = g_ptr_array_new_with_free_func (row_free);
  plan->pages = g_ptr_array_new_with_free_func (page_free);

  plan->context = pango_font_map_create_context (map);
  pango_context_set_language (plan->context, pango_language_from_string ("zh-cn"));
  pango_context_set_base_dir (plan->context, PANGO_DIRECTION_LTR);
  pango_cairo_context_set_resolution (plan->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (plan->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (plan->context, FALSE);

  if (self->resolved_family[0] == NULL)
    _fz_document_resolve_fonts (self);
  for (guint i = 0; i < FZ_FONT_N_ROLES; i++)
    {
      plan->family[i] = g_strdup (self->resolved_family[i]);
      plan->bold[i] = self->resolved_bold[i];
    }

  plan->title = g_strdup (self->title);
  fz_document_get_page_size (self, &plan->page_w, &plan->page_h);
  plan->top = FZ_MM_TO_PT (self->margin_mm[0]);
  plan->bottom = plan->page_h - FZ_MM_TO_PT (self->margin_mm[2]);
  plan->left = FZ_MM_TO_PT (self->margin_mm[3]);
  plan->text_width = plan->page_w - plan->left - FZ_MM_TO_PT (self->margin_mm[1]);
  plan->offset_x = FZ_MM_TO_PT (self->offset_x_mm);
  plan->offset_y = FZ_MM_TO_PT (self->offset_y_mm);
  plan->font_size = self->font_size;
  plan->page_numbers = self->page_numbers;
  plan->cert = self->certificate_layout;

  flow.plan = plan;
  for (guint i = 0; i < self->parts->len; i++)
    {
      FzDocumentPart *part = g_ptr_array_index (self->parts, i);

      switch (part->type)
        {
        case FZ_PART_CERTIFICATE:
          build_certificate (plan, self, part->object);
          flow.page = NULL;
          continue;
        case FZ_PART_PAGE_BREAK:
          if (flow.has_body)
            flow.page = NULL;
          continue;
        case FZ_PART_PARAGRAPH:
        case FZ_PART_TABLE:
        case FZ_PART_SECTION:
        default:
          break;
        }

      /* The title heads the first flowing page. */
      if (!titled)
        {
          build_title (plan, self, &flow);
          titled = TRUE;
        }

      switch (part->type)
        {
        case FZ_PART_PARAGRAPH:
          flow_row (&flow, paragraph_row (plan, part->text, part->align), NULL, NULL);
          break;
        case FZ_PART_TABLE:
          if (!build_table (plan, self, part->object, &flow, error))
            return NULL;
          break;
        case FZ_PART_SECTION:
          build_section (plan, self, part->object, &flow);
          break;
        case FZ_PART_CERTIFICATE:
        case FZ_PART_PAGE_BREAK:
        default:
          g_assert_not_reached ();
        }
    }

  if (plan->pages->len == 0)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("The document “%s” has nothing to print"), self->title ? self->title : "");
      return NULL;
    }
  return g_steal_pointer (&plan);
}

/* Drawing */

static void
draw_flow_page (FzDocumentPlan *plan,
                cairo_t        *cr,
                Page           *page)
{
  for (guint i = 0; i < page->placed->len; i++)
    {
      Placed *p = &g_array_index (page->placed, Placed, i);
      Row *row = p->row;

      for (guint c = 0; c < row->n_cells; c++)
        {
          Cell *cell = &row->cells[c];
          double x = plan->left + cell->x;

          if (cell->shade)
            {
              cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
              cairo_rectangle (cr, x, p->y, cell->width, p->height);
              cairo_fill (cr);
            }
          if (cell->layout == NULL)
            continue;

          cairo_save (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          if (p->from == NULL)
            {
              /* Grid cells are centred in their row's height. */
              double y = row->style == ROW_GRID
                         ? p->y + (p->height - cell->text_height) / 2
                         : p->y + row->pad_y;
              cairo_move_to (cr, x + row->pad_x, y);
            }
          else
            {
              cairo_rectangle (cr, x, p->y + row->pad_y, cell->width, p->to[c] - p->from[c]);
              cairo_clip (cr);
              cairo_move_to (cr, x + row->pad_x, p->y + row->pad_y - p->from[c]);
            }
          pango_cairo_show_layout (cr, cell->layout);
          cairo_restore (cr);
        }

      if (row->style == ROW_GRID)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, RULE_WIDTH);
          for (guint c = 0; c < row->n_cells; c++)
            cairo_rectangle (cr, plan->left + row->cells[c].x, p->y, row->cells[c].width, p->height);
          cairo_stroke (cr);
        }
    }
}

static void
draw_footer (FzDocumentPlan *plan,
             cairo_t        *cr,
             guint           index)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  text = g_strdup_printf ("第 %u 页 共 %u 页", index + 1, plan->pages->len);
  layout = make_layout (plan, text, FZ_FONT_BODY, 9.0, FALSE, plan->text_width, PANGO_ALIGN_CENTER, 0.0);
  h = layout_height (layout);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* Half way down the bottom margin. */
  cairo_move_to (cr, plan->left, plan->bottom + (plan->page_h - plan->bottom - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_certificate_page (FzDocumentPlan *plan,
                       cairo_t        *cr,
                       Page           *page)
{
  const FzCertificateLayout *layout = &plan->cert;

  if (layout->frame)
    {
      double m = FZ_MM_TO_PT (8.0), n = FZ_MM_TO_PT (10.5);

      cairo_set_source_rgb (cr, CERT_RED);
      cairo_set_line_width (cr, 2.4);
      cairo_rectangle (cr, m, m, plan->page_w - 2 * m, plan->page_h - 2 * m);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 0.7);
      cairo_rectangle (cr, n, n, plan->page_w - 2 * n, plan->page_h - 2 * n);
      cairo_stroke (cr);
    }

  if (layout->seal_style == FZ_SEAL_OUTLINE && !layout->seal.hidden && layout->seal.width_mm > 0)
    {
      double r = FZ_MM_TO_PT (layout->seal.width_mm) / 2;
      static const double dash[] = { 3.0, 2.5 };

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
      cairo_set_line_width (cr, 0.8);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_arc (cr, FZ_MM_TO_PT (layout->seal.x_mm) + r, FZ_MM_TO_PT (layout->seal.y_mm) + r,
                 r, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      Item *item = &g_array_index (page->items, Item, i);

      if (item->red)
        cairo_set_source_rgb (cr, CERT_RED);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
    }
}

void
_fz_document_plan_draw_page (FzDocumentPlan *plan,
                             cairo_t        *cr,
                             guint           index)
{
  Page *page;

  g_return_if_fail (index < plan->pages->len);

  page = g_ptr_array_index (plan->pages, index);
  cairo_save (cr);
  cairo_translate (cr, plan->offset_x, plan->offset_y);
  if (page->certificate)
    draw_certificate_page (plan, cr, page);
  else
    {
      draw_flow_page (plan, cr, page);
      if (plan->page_numbers)
        draw_footer (plan, cr, index);
    }
  cairo_restore (cr);
}

/* PDF */

typedef struct {
  GOutputStream *stream;
  GError        *error;
} PdfSink;

static cairo_status_t
write_pdf (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error == NULL &&
      g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

gboolean
fz_document_render_pdf (FzDocument  *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(FzDocumentPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (fz_document_get_n_pages (self, error) == 0)
    return FALSE;
  plan = _fz_document_plan_ref (self->plan);

  /* Written beside and renamed over @path when complete; an internal list
   * carries identity numbers, so it is readable by its owner only. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           self->privacy == FZ_DOCUMENT_INTERNAL ? G_FILE_CREATE_PRIVATE : G_FILE_CREATE_NONE,
                           NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_WRITE,
                   _("Could not write the PDF file %s: %s"), path, local_error->message);
      return FALSE;
    }
  sink.stream = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_pdf, &sink, plan->page_w, plan->page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fuzhu " PACKAGE_VERSION);
  if (plan->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plan->title);
  cr = cairo_create (surface);
  for (guint i = 0; i < plan->pages->len; i++)
    {
      _fz_document_plan_draw_page (plan, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing cancelled leaves whatever was at @path in place. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_WRITE,
                   _("Could not write the PDF file %s: %s"), path,
                   sink.error ? sink.error->message : cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_WRITE,
                   _("Could not write the PDF file %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Printing */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  FzDocumentPlan *plan = user_data;

  _fz_document_plan_draw_page (plan, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
release_plan (gpointer  data,
              GClosure *closure)
{
  _fz_document_plan_unref (data);
}

GtkPrintOperation *
fz_document_create_print_operation (FzDocument  *self,
                                    GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPaperSize *paper;
  guint n_pages;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  n_pages = fz_document_get_n_pages (self, error);
  if (n_pages == 0)
    return NULL;

  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_paper_size_free (paper);
  gtk_page_setup_set_orientation (setup, self->orientation == FZ_ORIENTATION_LANDSCAPE
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
  /* Positions are from the paper's corner (pre-printed stock), in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (self->title)
    gtk_print_operation_set_job_name (operation, self->title);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         _fz_document_plan_ref (self->plan),
                         release_plan, 0);
  return g_steal_pointer (&operation);
}

gboolean
fz_document_print (FzDocument  *self,
                   GtkWindow   *parent,
                   GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  operation = fz_document_create_print_operation (self, error);
  if (operation == NULL)
    return FALSE;

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_FAILED,
                   _("Could not print “%s”: %s"), self->title ? self->title : "",
                   local_error ? local_error->message : "");
      return FALSE;
    }
  return TRUE;
}
