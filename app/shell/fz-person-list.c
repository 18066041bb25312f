/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-person-list"

#include "config.h"

#include "fz-person-list.h"

#define PAGE_SIZE 128
#define MAX_PAGES 32

struct _FzPersonList
{
  GObject         parent_instance;
  FzRegistry     *registry;
  FzPersonFilter  filter;
  char           *text;
  char           *county_code;
  guint           n_items;
  GHashTable     *pages;  /* page number -> GPtrArray of FzPerson */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzPersonList, fz_person_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return FZ_TYPE_PERSON;
}

static guint
get_n_items (GListModel *model)
{
  return FZ_PERSON_LIST (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FzPersonList *self = FZ_PERSON_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Scrolling far keeps memory flat: forget old pages. */
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      rows = fz_registry_list_persons (self->registry, &self->filter, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Could not read persons %u to %u: %s", page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1,
                     error->message);
          return g_object_new (FZ_TYPE_PERSON, NULL);
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  /* The registry may have changed under us: a placeholder, not a crash. */
  if (position % PAGE_SIZE >= rows->len)
    return fz_person_new ();
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
fz_person_list_finalize (GObject *object)
{
  FzPersonList *self = FZ_PERSON_LIST (object);

  g_clear_object (&self->registry);
  g_hash_table_unref (self->pages);
  g_free (self->text);
  g_free (self->county_code);

  G_OBJECT_CLASS (fz_person_list_parent_class)->finalize (object);
}

static void
fz_person_list_class_init (FzPersonListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_person_list_finalize;
}

static void
fz_person_list_init (FzPersonList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
recount (FzPersonList  *self,
         GError       **error)
{
  guint old = self->n_items;
  guint n = 0;

  if (!fz_registry_count_persons (self->registry, &self->filter, &n, error))
    return FALSE;
  g_hash_table_remove_all (self->pages);
  self->n_items = n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, n);
  return TRUE;
}

FzPersonList *
fz_person_list_new (FzRegistry *registry)
{
  FzPersonList *self = g_object_new (FZ_TYPE_PERSON_LIST, NULL);

  self->registry = g_object_ref (registry);
  recount (self, NULL);
  return self;
}

gboolean
fz_person_list_set_filter (FzPersonList          *self,
                           const FzPersonFilter  *filter,
                           GError               **error)
{
  FzPersonFilter empty = { 0 };

  if (filter == NULL)
    filter = &empty;
  g_free (self->text);
  g_free (self->county_code);
  self->text = g_strdup (filter->text);
  self->county_code = g_strdup (filter->county_code);
  self->filter = *filter;
  self->filter.text = self->text;
  self->filter.county_code = self->county_code;
  return recount (self, error);
}

void
fz_person_list_reload (FzPersonList *self)
{
  g_autoptr(GError) error = NULL;

  if (!recount (self, &error))
    g_warning ("Could not count the persons: %s", error->message);
}
