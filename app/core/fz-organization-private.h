/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-organization.h"

G_BEGIN_DECLS

struct _FzOrganization
{
  GObject             parent_instance;
  gint64              id;
  char               *name;
  char               *credit_code;
  FzOrganizationType  kind;
  char               *county_code;
  char               *county_name;
  gint                headcount;
  gint                established_posts;
};

G_END_DECLS
