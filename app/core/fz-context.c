/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-context"

#include "config.h"

#include "fz-access-private.h"
#include "fz-context.h"
#include "fz-database.h"
#include "fz-registry.h"

struct _FzContext
{
  GObject     parent_instance;
  FzDatabase *database;
  FzRegistry *registry;
  GSettings  *settings;
};

G_DEFINE_TYPE (FzContext, fz_context, G_TYPE_OBJECT)

static void
fz_context_finalize (GObject *object)
{
  FzContext *self = FZ_CONTEXT (object);

  g_clear_object (&self->registry);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fz_context_parent_class)->finalize (object);
}

static void
fz_context_class_init (FzContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_context_finalize;
}

static void
fz_context_init (FzContext *self)
{
}

FzContext *
fz_context_new (FzDatabase *database,
                GSettings  *settings,
                const char *operator_name)
{
  FzContext *self;

  g_return_val_if_fail (FZ_IS_DATABASE (database), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FZ_TYPE_CONTEXT, NULL);
  self->database = g_object_ref (database);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (operator_name)
    fz_context_set_operator (self, operator_name);
  return self;
}

FzDatabase *
fz_context_get_database (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);
  return self->database;
}

FzRegistry *
fz_context_get_registry (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);
  if (self->registry == NULL)
    self->registry = fz_registry_new (self->database);
  return self->registry;
}

GSettings *
fz_context_get_settings (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);
  return self->settings;
}

static const FzSession *
session (FzContext *self)
{
  return _fz_guard_get_session (_fz_database_get_guard (self->database));
}

const char *
fz_context_get_operator (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);
  return session (self)->operator_name;
}

void
fz_context_set_operator (FzContext  *self,
                         const char *operator_name)
{
  g_return_if_fail (FZ_IS_CONTEXT (self));
  g_return_if_fail (operator_name != NULL);

  if (session (self)->single_user)
    _fz_guard_set_single_user_name (_fz_database_get_guard (self->database), operator_name);
}

FzRole
fz_context_get_role (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), FZ_ROLE_NONE);
  return session (self)->role;
}

const char *
fz_context_get_county (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);
  return session (self)->role == FZ_ROLE_COUNTY_STAFF ? session (self)->county_code : NULL;
}

gboolean
fz_context_is_single_user (FzContext *self)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), FALSE);
  return session (self)->single_user;
}

gboolean
fz_context_can (FzContext    *self,
                FzPermission  permission)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), FALSE);
  return fz_role_can (session (self)->role, permission);
}

gboolean
fz_context_check (FzContext     *self,
                  FzPermission   permission,
                  const char    *doing,
                  GError       **error)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), FALSE);
  return _fz_access_check (self->database, permission, doing, error);
}

char *
fz_context_mask (FzContext   *self,
                 const char  *text,
                 FzFieldKind  kind)
{
  FzMaskPolicy policy;

  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);

  if (text == NULL)
    return NULL;
  if (kind == FZ_FIELD_PLAIN || fz_context_can (self, FZ_PERMISSION_SEE_PERSONAL))
    return g_strdup (text);
  /* A value the administrator set wrong leaves the defaults: still masked. */
  fz_mask_policy_load (&policy, self, NULL);
  if (kind == FZ_FIELD_SENSITIVE)
    return g_strdup ("*");
  return fz_mask_for_public (text, kind, &policy);
}

char *
fz_context_get_value (FzContext  *self,
                      const char *owner,
                      const char *key)
{
  g_autoptr(FzStatement) st = NULL;

  g_return_val_if_fail (FZ_IS_CONTEXT (self), NULL);

  st = fz_database_query (self->database,
                          "SELECT value FROM fz_setting WHERE owner = ?1 AND key = ?2",
                          g_variant_new ("(ss)", owner, key), NULL);
  if (st && fz_statement_step (st, NULL))
    return fz_statement_dup_text (st, 0);
  return NULL;
}

gboolean
fz_context_set_value (FzContext   *self,
                      const char  *owner,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (self), FALSE);

  return fz_database_execute (self->database,
                              "INSERT INTO fz_setting (owner, key, value) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value",
                              g_variant_new ("(ssms)", owner, key, value), error);
}
