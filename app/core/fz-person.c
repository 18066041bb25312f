/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-person"

#include "config.h"

#include <string.h>

#include "fz-person-private.h"

G_DEFINE_FINAL_TYPE (FzPerson, fz_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_CERT_NUMBER,
  PROP_CATEGORY,
  PROP_GRADE,
  PROP_COUNTY_CODE,
  PROP_COUNTY_NAME,
  PROP_TOWNSHIP,
  PROP_PHONE,
  PROP_EMPLOYMENT_STATUS,
  PROP_EMPLOYMENT_FORM,
  PROP_EMPLOYMENT_DATE,
  PROP_SEX,
  PROP_BIRTH_DATE,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_fz_replace_text (char       **field,
                    const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
_fz_person_notify (FzPerson *self)
{
  /* After the registry rewrote a saved person (normalised, derived values). */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
fz_person_finalize (GObject *object)
{
  FzPerson *self = FZ_PERSON (object);

  g_free (self->name);
  g_free (self->id_number);
  g_free (self->cert_number);
  g_free (self->county_code);
  g_free (self->county_name);
  g_free (self->township);
  g_free (self->phone);
  g_free (self->employment_form);
  g_free (self->employment_date);
  g_free (self->birth_date);
  g_free (self->created);
  g_free (self->updated);

  G_OBJECT_CLASS (fz_person_parent_class)->finalize (object);
}

static void
fz_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FzPerson *self = FZ_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:                g_value_set_int64 (value, self->id); break;
    case PROP_NAME:              g_value_set_string (value, self->name); break;
    case PROP_ID_NUMBER:         g_value_set_string (value, self->id_number); break;
    case PROP_CERT_NUMBER:       g_value_set_string (value, self->cert_number); break;
    case PROP_CATEGORY:          g_value_set_uint (value, self->category); break;
    case PROP_GRADE:             g_value_set_uint (value, self->grade); break;
    case PROP_COUNTY_CODE:       g_value_set_string (value, self->county_code); break;
    case PROP_COUNTY_NAME:       g_value_set_string (value, self->county_name); break;
    case PROP_TOWNSHIP:          g_value_set_string (value, self->township); break;
    case PROP_PHONE:             g_value_set_string (value, self->phone); break;
    case PROP_EMPLOYMENT_STATUS: g_value_set_int (value, self->employment_status); break;
    case PROP_EMPLOYMENT_FORM:   g_value_set_string (value, self->employment_form); break;
    case PROP_EMPLOYMENT_DATE:   g_value_set_string (value, self->employment_date); break;
    case PROP_SEX:               g_value_set_int (value, self->sex); break;
    case PROP_BIRTH_DATE:        g_value_set_string (value, self->birth_date); break;
    case PROP_CREATED:           g_value_set_string (value, self->created); break;
    case PROP_UPDATED:           g_value_set_string (value, self->updated); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FzPerson *self = FZ_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:              fz_person_set_name (self, g_value_get_string (value)); break;
    case PROP_ID_NUMBER:         fz_person_set_id_number (self, g_value_get_string (value)); break;
    case PROP_CERT_NUMBER:       fz_person_set_cert_number (self, g_value_get_string (value)); break;
    case PROP_CATEGORY:          fz_person_set_category (self, g_value_get_uint (value)); break;
    case PROP_GRADE:             fz_person_set_grade (self, g_value_get_uint (value)); break;
    case PROP_COUNTY_CODE:       fz_person_set_county_code (self, g_value_get_string (value)); break;
    case PROP_TOWNSHIP:          fz_person_set_township (self, g_value_get_string (value)); break;
    case PROP_PHONE:             fz_person_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMPLOYMENT_STATUS: fz_person_set_employment_status (self, g_value_get_int (value)); break;
    case PROP_EMPLOYMENT_FORM:   fz_person_set_employment_form (self, g_value_get_string (value)); break;
    case PROP_EMPLOYMENT_DATE:   fz_person_set_employment_date (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_person_class_init (FzPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_person_finalize;
  object_class->get_property = fz_person_get_property;
  object_class->set_property = fz_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ID_NUMBER] = g_param_spec_string ("id-number", NULL, NULL, NULL, rw);
  properties[PROP_CERT_NUMBER] = g_param_spec_string ("cert-number", NULL, NULL, NULL, rw);
  properties[PROP_CATEGORY] = g_param_spec_uint ("category", NULL, NULL, 0, FZ_CATEGORY_LAST, 0, rw);
  properties[PROP_GRADE] = g_param_spec_uint ("grade", NULL, NULL, 0, FZ_GRADE_LAST, 0, rw);
  properties[PROP_COUNTY_CODE] = g_param_spec_string ("county-code", NULL, NULL, NULL, rw);
  properties[PROP_COUNTY_NAME] = g_param_spec_string ("county-name", NULL, NULL, NULL, ro);
  properties[PROP_TOWNSHIP] = g_param_spec_string ("township", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_EMPLOYMENT_STATUS] =
    g_param_spec_int ("employment-status", NULL, NULL, FZ_EMPLOYMENT_EMPLOYED, FZ_EMPLOYMENT_UNKNOWN,
                      FZ_EMPLOYMENT_UNKNOWN, rw);
  properties[PROP_EMPLOYMENT_FORM] = g_param_spec_string ("employment-form", NULL, NULL, NULL, rw);
  properties[PROP_EMPLOYMENT_DATE] = g_param_spec_string ("employment-date", NULL, NULL, NULL, rw);
  properties[PROP_SEX] = g_param_spec_int ("sex", NULL, NULL, FZ_SEX_UNKNOWN, FZ_SEX_FEMALE, FZ_SEX_UNKNOWN, ro);
  properties[PROP_BIRTH_DATE] = g_param_spec_string ("birth-date", NULL, NULL, NULL, ro);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_person_init (FzPerson *self)
{
  self->employment_status = FZ_EMPLOYMENT_UNKNOWN;
}

FzPerson *
fz_person_new (void)
{
  return g_object_new (FZ_TYPE_PERSON, NULL);
}

FzPerson *
fz_person_copy (FzPerson *self)
{
  FzPerson *copy;

  g_return_val_if_fail (FZ_IS_PERSON (self), NULL);

  copy = fz_person_new ();
  copy->name = g_strdup (self->name);
  copy->id_number = g_strdup (self->id_number);
  copy->cert_number = g_strdup (self->cert_number);
  copy->category = self->category;
  copy->grade = self->grade;
  copy->county_code = g_strdup (self->county_code);
  copy->county_name = g_strdup (self->county_name);
  copy->township = g_strdup (self->township);
  copy->phone = g_strdup (self->phone);
  copy->employment_status = self->employment_status;
  copy->employment_form = g_strdup (self->employment_form);
  copy->employment_date = g_strdup (self->employment_date);
  copy->sex = self->sex;
  copy->birth_date = g_strdup (self->birth_date);
  return copy;
}

#define STRING_ACCESSORS(field, PROP)                                    \
  const char *                                                           \
  fz_person_get_##field (FzPerson *self)                                 \
  {                                                                      \
    g_return_val_if_fail (FZ_IS_PERSON (self), NULL);                    \
    return self->field;                                                  \
  }

#define STRING_SETTER(field, PROP)                                       \
  void                                                                   \
  fz_person_set_##field (FzPerson   *self,                               \
                         const char *value)                              \
  {                                                                      \
    g_return_if_fail (FZ_IS_PERSON (self));                              \
    if (_fz_replace_text (&self->field, value))                        \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_SETTER (name, PROP_NAME)
STRING_ACCESSORS (id_number, PROP_ID_NUMBER)
STRING_SETTER (id_number, PROP_ID_NUMBER)
STRING_ACCESSORS (cert_number, PROP_CERT_NUMBER)
STRING_SETTER (cert_number, PROP_CERT_NUMBER)
STRING_ACCESSORS (county_code, PROP_COUNTY_CODE)
STRING_SETTER (county_code, PROP_COUNTY_CODE)
STRING_ACCESSORS (county_name, PROP_COUNTY_NAME)
STRING_ACCESSORS (township, PROP_TOWNSHIP)
STRING_SETTER (township, PROP_TOWNSHIP)
STRING_ACCESSORS (phone, PROP_PHONE)
STRING_SETTER (phone, PROP_PHONE)
STRING_ACCESSORS (employment_form, PROP_EMPLOYMENT_FORM)
STRING_SETTER (employment_form, PROP_EMPLOYMENT_FORM)
STRING_ACCESSORS (employment_date, PROP_EMPLOYMENT_DATE)
STRING_SETTER (employment_date, PROP_EMPLOYMENT_DATE)
STRING_ACCESSORS (birth_date, PROP_BIRTH_DATE)
STRING_ACCESSORS (created, PROP_CREATED)
STRING_ACCESSORS (updated, PROP_UPDATED)

gint64
fz_person_get_id (FzPerson *self)
{
  g_return_val_if_fail (FZ_IS_PERSON (self), 0);
  return self->id;
}

guint
fz_person_get_category (FzPerson *self)
{
  g_return_val_if_fail (FZ_IS_PERSON (self), 0);
  return self->category;
}

void
fz_person_set_category (FzPerson *self,
                        guint     category)
{
  g_return_if_fail (FZ_IS_PERSON (self));
  g_return_if_fail (category <= FZ_CATEGORY_LAST);
  if (self->category == category)
    return;
  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

guint
fz_person_get_grade (FzPerson *self)
{
  g_return_val_if_fail (FZ_IS_PERSON (self), 0);
  return self->grade;
}

void
fz_person_set_grade (FzPerson *self,
                     guint     grade)
{
  g_return_if_fail (FZ_IS_PERSON (self));
  g_return_if_fail (grade <= FZ_GRADE_LAST);
  if (self->grade == grade)
    return;
  self->grade = grade;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE]);
}

FzEmploymentStatus
fz_person_get_employment_status (FzPerson *self)
{
  g_return_val_if_fail (FZ_IS_PERSON (self), FZ_EMPLOYMENT_UNKNOWN);
  return self->employment_status;
}

void
fz_person_set_employment_status (FzPerson           *self,
                                 FzEmploymentStatus  status)
{
  g_return_if_fail (FZ_IS_PERSON (self));
  g_return_if_fail (status >= FZ_EMPLOYMENT_EMPLOYED && status <= FZ_EMPLOYMENT_UNKNOWN);
  if (self->employment_status == status)
    return;
  self->employment_status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYMENT_STATUS]);
}

FzSex
fz_person_get_sex (FzPerson *self)
{
  g_return_val_if_fail (FZ_IS_PERSON (self), FZ_SEX_UNKNOWN);
  return self->sex;
}

guint
fz_person_get_age (FzPerson    *self,
                   const GDate *on)
{
  FzIdentity identity;

  g_return_val_if_fail (FZ_IS_PERSON (self), 0);

  if (self->id_number == NULL || !fz_validate_identity_number (self->id_number, NULL, &identity, NULL))
    return 0;
  if (on == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return fz_identity_get_age (&identity, &today);
    }
  return fz_identity_get_age (&identity, on);
}

char *
fz_person_dup_masked_id_number (FzPerson *self)
{
  g_autofree char *masked = NULL;
  gsize n;

  g_return_val_if_fail (FZ_IS_PERSON (self), NULL);

  if (self->id_number == NULL)
    return g_strdup ("");
  n = strlen (self->id_number);
  if (n <= 10)
    return g_strdup (self->id_number);
  masked = g_strdup (self->id_number);
  memset (masked + 6, '*', n - 10);
  return g_steal_pointer (&masked);
}
