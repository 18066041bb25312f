/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_DASHBOARD_PAGE (fz_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (FzDashboardPage, fz_dashboard_page, FZ, DASHBOARD_PAGE, AdwBin)

GtkWidget *fz_dashboard_page_new     (FzPluginManager *manager);
/* Counts every figure again from the database. */
void       fz_dashboard_page_refresh (FzDashboardPage *self);
/* Shows @year (within the plan) for @county_code (FZ_CITY_CODE for the city). */
void       fz_dashboard_page_select  (FzDashboardPage *self,
                                      int              year,
                                      const char      *county_code);

G_END_DECLS
