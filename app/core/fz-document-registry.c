/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-document-registry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-document-registry.h"

typedef struct {
  char                 *owner;
  char                 *domain;
  char                 *name;  /* owner/id */
  const FzDocumentInfo *info;
} Entry;

struct _FzDocumentRegistry
{
  GObject  parent_instance;
  GArray  *entries; /* Entry */
};

G_DEFINE_FINAL_TYPE (FzDocumentRegistry, fz_document_registry, G_TYPE_OBJECT)

FzDocument *
fz_document_new_for_info (const FzDocumentInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return fz_document_new (info->privacy, info->orientation);
}

static gboolean
is_known_parameter (const FzDocumentInfo *info,
                    const char           *name)
{
  for (guint i = 0; info->parameters && info->parameters[i]; i++)
    if (g_str_equal (info->parameters[i], name))
      return TRUE;
  return FALSE;
}

static char *
known_parameters (const FzDocumentInfo *info)
{
  if (info->parameters == NULL || info->parameters[0] == NULL)
    return g_strdup (_("it takes none"));
  return g_strjoinv (", ", (char **) info->parameters);
}

GHashTable *
fz_document_info_parse_parameters (const FzDocumentInfo  *info,
                                   int                    argc,
                                   char                 **argv,
                                   GError               **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (argc == 0 || argv != NULL, NULL);

  for (int i = 0; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == argv[i])
        {
          g_autofree char *known = known_parameters (info);
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("“%s” is not NAME=VALUE; the document %s takes: %s"),
                       argv[i], info->id, known);
          return NULL;
        }
      name = g_strndup (argv[i], eq - argv[i]);
      if (!is_known_parameter (info, name))
        {
          g_autofree char *known = known_parameters (info);
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("The document %s has no parameter “%s”; it takes: %s"),
                       info->id, name, known);
          return NULL;
        }
      if (g_hash_table_contains (values, name))
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("The parameter “%s” is given twice"), name);
          return NULL;
        }
      g_hash_table_insert (values, g_steal_pointer (&name), g_strdup (eq + 1));
    }
  return g_steal_pointer (&values);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->owner);
  g_free (entry->domain);
  g_free (entry->name);
}

static void
fz_document_registry_finalize (GObject *object)
{
  FzDocumentRegistry *self = FZ_DOCUMENT_REGISTRY (object);

  g_array_unref (self->entries);

  G_OBJECT_CLASS (fz_document_registry_parent_class)->finalize (object);
}

static void
fz_document_registry_class_init (FzDocumentRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_document_registry_finalize;
}

static void
fz_document_registry_init (FzDocumentRegistry *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

FzDocumentRegistry *
fz_document_registry_new (void)
{
  return g_object_new (FZ_TYPE_DOCUMENT_REGISTRY, NULL);
}

static gboolean
is_kebab (const char *id)
{
  if (id == NULL || !g_ascii_islower (*id))
    return FALSE;
  for (const char *p = id; *p; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        continue;
      if (*p == '-' && p[1] != '\0' && p[1] != '-')
        continue;
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_name (FzDocumentRegistry *self,
          const char         *name)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (g_array_index (self->entries, Entry, i).name, name))
      return TRUE;
  return FALSE;
}

gboolean
fz_document_registry_add (FzDocumentRegistry    *self,
                          const char            *owner,
                          const char            *gettext_domain,
                          const FzDocumentInfo  *infos,
                          guint                  n_infos,
                          GError               **error)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT_REGISTRY (self), FALSE);
  g_return_val_if_fail (owner != NULL, FALSE);
  g_return_val_if_fail (infos != NULL || n_infos == 0, FALSE);

  /* Check all first: a measure's documents are added whole or not at all. */
  for (guint i = 0; i < n_infos; i++)
    {
      g_autofree char *name = g_strconcat (owner, "/", infos[i].id, NULL);
      gboolean repeated = FALSE;

      for (guint j = 0; j < i; j++)
        repeated |= g_strcmp0 (infos[i].id, infos[j].id) == 0;
      if (!is_kebab (infos[i].id) || infos[i].title == NULL)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("The measure %s offers a document “%s” without a kebab-case id and a title"),
                       owner, infos[i].id ? infos[i].id : "");
          return FALSE;
        }
      if (repeated || has_name (self, name))
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("The measure %s offers the document %s twice"), owner, infos[i].id);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_infos; i++)
    {
      Entry entry = {
        g_strdup (owner),
        g_strdup (gettext_domain ? gettext_domain : GETTEXT_PACKAGE),
        g_strconcat (owner, "/", infos[i].id, NULL),
        &infos[i],
      };
      g_array_append_val (self->entries, entry);
    }
  return TRUE;
}

void
fz_document_registry_remove_owner (FzDocumentRegistry *self,
                                   const char         *owner)
{
  g_return_if_fail (FZ_IS_DOCUMENT_REGISTRY (self));
  g_return_if_fail (owner != NULL);

  for (guint i = self->entries->len; i > 0; i--)
    if (g_str_equal (g_array_index (self->entries, Entry, i - 1).owner, owner))
      g_array_remove_index (self->entries, i - 1);
}

guint
fz_document_registry_get_n_items (FzDocumentRegistry *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT_REGISTRY (self), 0);
  return self->entries->len;
}

static Entry *
get_entry (FzDocumentRegistry *self,
           guint               position)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT_REGISTRY (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return &g_array_index (self->entries, Entry, position);
}

const FzDocumentInfo *
fz_document_registry_get_info (FzDocumentRegistry *self,
                               guint               position)
{
  Entry *entry = get_entry (self, position);
  return entry ? entry->info : NULL;
}

const char *
fz_document_registry_get_owner (FzDocumentRegistry *self,
                                guint               position)
{
  Entry *entry = get_entry (self, position);
  return entry ? entry->owner : NULL;
}

const char *
fz_document_registry_get_name (FzDocumentRegistry *self,
                               guint               position)
{
  Entry *entry = get_entry (self, position);
  return entry ? entry->name : NULL;
}

const char *
fz_document_registry_get_title (FzDocumentRegistry *self,
                                guint               position)
{
  Entry *entry = get_entry (self, position);
  return entry ? g_dgettext (entry->domain, entry->info->title) : NULL;
}

const FzDocumentInfo *
fz_document_registry_lookup (FzDocumentRegistry  *self,
                             const char          *name,
                             guint               *position,
                             GError             **error)
{
  guint found = G_MAXUINT;
  guint matches = 0;

  g_return_val_if_fail (FZ_IS_DOCUMENT_REGISTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (g_str_equal (entry->name, name))
        {
          found = i;
          matches = 1;
          break;
        }
      if (strchr (name, '/') == NULL && g_str_equal (entry->info->id, name))
        {
          found = i;
          matches++;
        }
    }

  if (matches == 0)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND,
                   _("No loaded measure offers a document “%s”; `fuzhu documents` lists those there are"),
                   name);
      return NULL;
    }
  if (matches > 1)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("Several measures offer a document “%s”: name it as MEASURE/%s"), name, name);
      return NULL;
    }
  if (position)
    *position = found;
  return g_array_index (self->entries, Entry, found).info;
}
