/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-person.h"

G_BEGIN_DECLS

/* FzRegistry fills persons read from the database directly. */
struct _FzPerson
{
  GObject             parent_instance;
  gint64              id;
  char               *name;
  char               *id_number;
  char               *cert_number;
  guint               category;
  guint               grade;
  char               *county_code;
  char               *county_name;
  char               *township;
  char               *phone;
  FzEmploymentStatus  employment_status;
  char               *employment_form;
  char               *employment_date;
  FzSex               sex;
  char               *birth_date;
  char               *created;
  char               *updated;
};

/* Replaces *@field by a copy of @value; TRUE when it changed. */
gboolean _fz_replace_text (char       **field,
                             const char  *value);
void     _fz_person_notify  (FzPerson    *self);

G_END_DECLS
