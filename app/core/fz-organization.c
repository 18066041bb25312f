/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-organization"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-organization-private.h"
#include "fz-person-private.h"

G_DEFINE_FINAL_TYPE (FzOrganization, fz_organization, G_TYPE_OBJECT)

static const struct {
  const char *nick;
  const char *hanzi;
  const char *label;
} kinds[] = {
  [FZ_ORGANIZATION_ANY]                 = { "", "", "" },
  [FZ_ORGANIZATION_ORGAN]               = { "organ", "机关", N_("government organ") },
  [FZ_ORGANIZATION_INSTITUTION]         = { "institution", "事业单位", N_("public institution") },
  [FZ_ORGANIZATION_STATE_ENTERPRISE]    = { "state-enterprise", "国有企业", N_("state-owned enterprise") },
  [FZ_ORGANIZATION_PRIVATE_ENTERPRISE]  = { "private-enterprise", "民营企业", N_("private enterprise") },
  [FZ_ORGANIZATION_SOCIAL_ORGANIZATION] = { "social-organization", "社会组织", N_("social organization") },
  [FZ_ORGANIZATION_VILLAGE_COLLECTIVE]  = { "village-collective", "村集体", N_("village collective") },
  [FZ_ORGANIZATION_OTHER]               = { "other", "其他", N_("other") },
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CREDIT_CODE,
  PROP_KIND,
  PROP_COUNTY_CODE,
  PROP_COUNTY_NAME,
  PROP_HEADCOUNT,
  PROP_ESTABLISHED_POSTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fz_organization_type_to_nick (FzOrganizationType type)
{
  if (type < 1 || type > FZ_ORGANIZATION_TYPE_LAST)
    type = FZ_ORGANIZATION_OTHER;
  return kinds[type].nick;
}

FzOrganizationType
fz_organization_type_from_nick (const char *nick)
{
  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (nick, kinds[i].nick) == 0)
      return i;
  return FZ_ORGANIZATION_OTHER;
}

const char *
fz_organization_type_to_string (FzOrganizationType type)
{
  if (type < 1 || type > FZ_ORGANIZATION_TYPE_LAST)
    return "";
  return _(kinds[type].label);
}

gboolean
fz_organization_type_parse (const char         *text,
                            FzOrganizationType *type)
{
  g_autofree char *norm = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (norm, kinds[i].nick) == 0 || strcmp (norm, kinds[i].hanzi) == 0 ||
        strcmp (norm, _(kinds[i].label)) == 0)
      {
        *type = i;
        return TRUE;
      }
  if (strcmp (norm, "国企") == 0)
    *type = FZ_ORGANIZATION_STATE_ENTERPRISE;
  else if (strcmp (norm, "民企") == 0 || strcmp (norm, "私营企业") == 0)
    *type = FZ_ORGANIZATION_PRIVATE_ENTERPRISE;
  else
    return FALSE;
  return TRUE;
}

static void
fz_organization_finalize (GObject *object)
{
  FzOrganization *self = FZ_ORGANIZATION (object);

  g_free (self->name);
  g_free (self->credit_code);
  g_free (self->county_code);
  g_free (self->county_name);

  G_OBJECT_CLASS (fz_organization_parent_class)->finalize (object);
}

static void
fz_organization_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzOrganization *self = FZ_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ID:                g_value_set_int64 (value, self->id); break;
    case PROP_NAME:              g_value_set_string (value, self->name); break;
    case PROP_CREDIT_CODE:       g_value_set_string (value, self->credit_code); break;
    case PROP_KIND:              g_value_set_int (value, self->kind); break;
    case PROP_COUNTY_CODE:       g_value_set_string (value, self->county_code); break;
    case PROP_COUNTY_NAME:       g_value_set_string (value, self->county_name); break;
    case PROP_HEADCOUNT:         g_value_set_int (value, self->headcount); break;
    case PROP_ESTABLISHED_POSTS: g_value_set_int (value, self->established_posts); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_organization_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzOrganization *self = FZ_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:              fz_organization_set_name (self, g_value_get_string (value)); break;
    case PROP_CREDIT_CODE:       fz_organization_set_credit_code (self, g_value_get_string (value)); break;
    case PROP_KIND:              fz_organization_set_kind (self, g_value_get_int (value)); break;
    case PROP_COUNTY_CODE:       fz_organization_set_county_code (self, g_value_get_string (value)); break;
    case PROP_HEADCOUNT:         fz_organization_set_headcount (self, g_value_get_int (value)); break;
    case PROP_ESTABLISHED_POSTS: fz_organization_set_established_posts (self, g_value_get_int (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_organization_class_init (FzOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_organization_finalize;
  object_class->get_property = fz_organization_get_property;
  object_class->set_property = fz_organization_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_CREDIT_CODE] = g_param_spec_string ("credit-code", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 1, FZ_ORGANIZATION_TYPE_LAST,
                                              FZ_ORGANIZATION_OTHER, rw);
  properties[PROP_COUNTY_CODE] = g_param_spec_string ("county-code", NULL, NULL, NULL, rw);
  properties[PROP_COUNTY_NAME] = g_param_spec_string ("county-name", NULL, NULL, NULL, ro);
  properties[PROP_HEADCOUNT] = g_param_spec_int ("headcount", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_ESTABLISHED_POSTS] = g_param_spec_int ("established-posts", NULL, NULL, -1, G_MAXINT, -1, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_organization_init (FzOrganization *self)
{
  self->kind = FZ_ORGANIZATION_OTHER;
  self->headcount = -1;
  self->established_posts = -1;
}

FzOrganization *
fz_organization_new (void)
{
  return g_object_new (FZ_TYPE_ORGANIZATION, NULL);
}

gint64
fz_organization_get_id (FzOrganization *self)
{
  g_return_val_if_fail (FZ_IS_ORGANIZATION (self), 0);
  return self->id;
}

#define STRING_GETTER(field)                                             \
  const char *                                                           \
  fz_organization_get_##field (FzOrganization *self)                     \
  {                                                                      \
    g_return_val_if_fail (FZ_IS_ORGANIZATION (self), NULL);              \
    return self->field;                                                  \
  }
#define STRING_SETTER(field, PROP)                                       \
  void                                                                   \
  fz_organization_set_##field (FzOrganization *self,                     \
                               const char     *value)                    \
  {                                                                      \
    g_return_if_fail (FZ_IS_ORGANIZATION (self));                        \
    if (_fz_replace_text (&self->field, value))                        \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
  }

STRING_GETTER (name)
STRING_SETTER (name, PROP_NAME)
STRING_GETTER (credit_code)
STRING_SETTER (credit_code, PROP_CREDIT_CODE)
STRING_GETTER (county_code)
STRING_SETTER (county_code, PROP_COUNTY_CODE)
STRING_GETTER (county_name)

FzOrganizationType
fz_organization_get_kind (FzOrganization *self)
{
  g_return_val_if_fail (FZ_IS_ORGANIZATION (self), FZ_ORGANIZATION_OTHER);
  return self->kind;
}

void
fz_organization_set_kind (FzOrganization     *self,
                          FzOrganizationType  kind)
{
  g_return_if_fail (FZ_IS_ORGANIZATION (self));
  g_return_if_fail (kind >= 1 && kind <= FZ_ORGANIZATION_TYPE_LAST);
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint
fz_organization_get_headcount (FzOrganization *self)
{
  g_return_val_if_fail (FZ_IS_ORGANIZATION (self), -1);
  return self->headcount;
}

void
fz_organization_set_headcount (FzOrganization *self,
                               gint            headcount)
{
  g_return_if_fail (FZ_IS_ORGANIZATION (self));
  if (headcount < -1)
    headcount = -1;
  if (self->headcount == headcount)
    return;
  self->headcount = headcount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADCOUNT]);
}

gint
fz_organization_get_established_posts (FzOrganization *self)
{
  g_return_val_if_fail (FZ_IS_ORGANIZATION (self), -1);
  return self->established_posts;
}

void
fz_organization_set_established_posts (FzOrganization *self,
                                       gint            posts)
{
  g_return_if_fail (FZ_IS_ORGANIZATION (self));
  if (posts < -1)
    posts = -1;
  if (self->established_posts == posts)
    return;
  self->established_posts = posts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTABLISHED_POSTS]);
}
