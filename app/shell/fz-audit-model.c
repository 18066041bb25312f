/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-audit"

#include "config.h"

#include "fz-audit-model.h"

#define PAGE_SIZE 200
#define MAX_PAGES 20

/* FzAuditItem: a list item holding one entry. */

struct _FzAuditItem
{
  GObject       parent_instance;
  FzAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (FzAuditItem, fz_audit_item, G_TYPE_OBJECT)

static void
fz_audit_item_finalize (GObject *object)
{
  g_clear_pointer (&FZ_AUDIT_ITEM (object)->entry, fz_audit_entry_free);
  G_OBJECT_CLASS (fz_audit_item_parent_class)->finalize (object);
}

static void
fz_audit_item_class_init (FzAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_audit_item_finalize;
}

static void
fz_audit_item_init (FzAuditItem *self)
{
}

const FzAuditEntry *
fz_audit_item_get_entry (FzAuditItem *self)
{
  g_return_val_if_fail (FZ_IS_AUDIT_ITEM (self), NULL);
  return self->entry;
}

/* FzAuditModel: pages of PAGE_SIZE entries, read when first asked for and
 * kept (at most MAX_PAGES of them) until the filter changes. The trail only
 * grows, and grows at its top: a page read stays right for this listing. */

struct _FzAuditModel
{
  GObject        parent_instance;
  FzContext     *context;
  FzAuditFilter  filter;
  char          *strings[6];  /* the filter's own copies */
  guint          n_items;
  GHashTable    *pages;       /* page number -> GPtrArray of FzAuditItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzAuditModel, fz_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return FZ_TYPE_AUDIT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return FZ_AUDIT_MODEL (model)->n_items;
}

static GPtrArray *
load_page (FzAuditModel *self,
           guint         page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *items;

  entries = fz_audit_list (self->context, &self->filter, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (entries == NULL)
    {
      g_debug ("Could not read the audit trail: %s", error->message);
      return NULL;
    }
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      FzAuditItem *item = g_object_new (FZ_TYPE_AUDIT_ITEM, NULL);

      item->entry = g_steal_pointer (&entries->pdata[i]);
      g_ptr_array_add (items, item);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FzAuditModel *self = FZ_AUDIT_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  if (items == NULL || position % PAGE_SIZE >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
fz_audit_model_finalize (GObject *object)
{
  FzAuditModel *self = FZ_AUDIT_MODEL (object);

  g_clear_object (&self->context);
  g_hash_table_unref (self->pages);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (fz_audit_model_parent_class)->finalize (object);
}

static void
fz_audit_model_class_init (FzAuditModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_audit_model_finalize;
}

static void
fz_audit_model_init (FzAuditModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

FzAuditModel *
fz_audit_model_new (FzContext *context)
{
  FzAuditModel *self = g_object_new (FZ_TYPE_AUDIT_MODEL, NULL);

  self->context = g_object_ref (context);
  return self;
}

static char *
copy_field (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

gboolean
fz_audit_model_set_filter (FzAuditModel         *self,
                           const FzAuditFilter  *filter,
                           GError              **error)
{
  FzAuditFilter empty = { 0 };
  guint before = self->n_items;
  guint n = 0;

  g_return_val_if_fail (FZ_IS_AUDIT_MODEL (self), FALSE);

  if (filter == NULL)
    filter = &empty;
  if (!fz_audit_count (self->context, filter, &n, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  self->strings[0] = copy_field (filter->table_name);
  self->strings[1] = copy_field (filter->operator_name);
  self->strings[2] = copy_field (filter->record_id);
  self->strings[3] = copy_field (filter->action);
  self->strings[4] = copy_field (filter->since);
  self->strings[5] = copy_field (filter->until);
  self->filter = (FzAuditFilter) { self->strings[0], self->strings[1], self->strings[2],
                                   self->strings[3], self->strings[4], self->strings[5] };
  g_hash_table_remove_all (self->pages);
  self->n_items = n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, n);
  return TRUE;
}

const FzAuditFilter *
fz_audit_model_get_filter (FzAuditModel *self)
{
  g_return_val_if_fail (FZ_IS_AUDIT_MODEL (self), NULL);
  return &self->filter;
}
