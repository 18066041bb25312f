/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include "fzp-blind-massage-row.h"
#include "fzp-blind-massage-row-model.h"

#define PAGE_SIZE 100

struct _FzpBlindMassageRowModel
{
  GObject      parent_instance;
  FzDatabase  *db;
  char        *count_sql;
  char        *page_sql;
  GVariant    *params;    /* a tuple, never NULL */
  guint        n_items;
  GHashTable  *pages;     /* page number -> GPtrArray of rows */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpBlindMassageRowModel, fzp_blind_massage_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
count_rows (FzpBlindMassageRowModel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  /* Borrowed: the query takes a reference of its own while it runs. */
  if (!fz_database_query_int64 (self->db, self->count_sql, self->params, &n, NULL, &error))
    g_warning ("Could not count the rows of a list: %s", error->message);
  return (guint) MAX (n, 0);
}

/* The values of the query, then the page's limit and offset. */
static GVariant *
page_params (FzpBlindMassageRowModel *self,
             guint                    page)
{
  GVariantBuilder builder;
  GVariantIter iter;
  GVariant *child;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  g_variant_iter_init (&iter, self->params);
  while ((child = g_variant_iter_next_value (&iter)))
    {
      g_variant_builder_add_value (&builder, child);
      g_variant_unref (child);
    }
  g_variant_builder_add (&builder, "x", (gint64) PAGE_SIZE);
  g_variant_builder_add (&builder, "x", (gint64) page * PAGE_SIZE);
  return g_variant_builder_end (&builder);
}

static GPtrArray *
load_page (FzpBlindMassageRowModel *self,
           guint                    page)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  st = fz_database_query (self->db, self->page_sql, page_params (self, page), &error);
  while (st && fz_statement_step (st, &error))
    {
      int n = fz_statement_column_count (st);
      g_autofree const char **fields = g_new0 (const char *, MAX (n, 1));

      for (int i = 1; i < n; i++)
        fields[i - 1] = fz_statement_is_null (st, i) ? "" : fz_statement_get_text (st, i);
      g_ptr_array_add (rows, fzp_blind_massage_row_new (fz_statement_get_int64 (st, 0), 0, fields, (guint) MAX (n - 1, 0)));
    }
  if (error)
    g_warning ("Could not read the rows of a list: %s", error->message);
  return rows;
}

static GType
get_item_type (GListModel *model)
{
  return FZP_TYPE_BLIND_MASSAGE_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return FZP_BLIND_MASSAGE_ROW_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FzpBlindMassageRowModel *self = FZP_BLIND_MASSAGE_ROW_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  if (position % PAGE_SIZE >= rows->len)
    return NULL;  /* the table shrank under us; the next reload tells */
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
fzp_blind_massage_row_model_finalize (GObject *object)
{
  FzpBlindMassageRowModel *self = FZP_BLIND_MASSAGE_ROW_MODEL (object);

  g_clear_object (&self->db);
  g_free (self->count_sql);
  g_free (self->page_sql);
  g_clear_pointer (&self->params, g_variant_unref);
  g_hash_table_unref (self->pages);
  G_OBJECT_CLASS (fzp_blind_massage_row_model_parent_class)->finalize (object);
}

static void
fzp_blind_massage_row_model_class_init (FzpBlindMassageRowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fzp_blind_massage_row_model_finalize;
}

static void
fzp_blind_massage_row_model_init (FzpBlindMassageRowModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

FzpBlindMassageRowModel *
fzp_blind_massage_row_model_new (FzDatabase *database,
                                 const char *sql,
                                 GVariant   *params)
{
  FzpBlindMassageRowModel *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_ROW_MODEL, NULL);
  guint n_params;

  self->db = g_object_ref (database);
  self->params = g_variant_ref_sink (params ? params : g_variant_new_tuple (NULL, 0));
  n_params = (guint) g_variant_n_children (self->params);
  self->count_sql = g_strdup_printf ("SELECT count(*) FROM (%s)", sql);
  self->page_sql = g_strdup_printf ("%s LIMIT ?%u OFFSET ?%u", sql, n_params + 1, n_params + 2);
  self->n_items = count_rows (self);
  return self;
}

void
fzp_blind_massage_row_model_set_params (FzpBlindMassageRowModel *self,
                                        GVariant                *params)
{
  g_return_if_fail (FZP_IS_BLIND_MASSAGE_ROW_MODEL (self));

  g_clear_pointer (&self->params, g_variant_unref);
  self->params = g_variant_ref_sink (params ? params : g_variant_new_tuple (NULL, 0));
  fzp_blind_massage_row_model_reload (self);
}

void
fzp_blind_massage_row_model_reload (FzpBlindMassageRowModel *self)
{
  guint old;

  g_return_if_fail (FZP_IS_BLIND_MASSAGE_ROW_MODEL (self));

  old = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}
