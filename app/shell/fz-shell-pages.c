/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-shell"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fz-audit-page.h"
#include "fz-dashboard-page.h"
#include "fz-registry-page.h"
#include "fz-reports-page.h"
#include "fz-shell-pages.h"

static GtkWidget *
create_dashboard (FzPluginManager *manager)
{
  return fz_dashboard_page_new (manager);
}

static GtkWidget *
create_registry (FzPluginManager *manager)
{
  return fz_registry_page_new (manager);
}

static GtkWidget *
create_reports (FzPluginManager *manager)
{
  return fz_reports_page_new (manager);
}

static GtkWidget *
create_audit (FzPluginManager *manager)
{
  return fz_audit_page_new (manager);
}

static const FzShellPage builtin_pages[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", create_dashboard, FZ_PERMISSION_READ },
  { "registry", N_("Registry"), "system-users-symbolic", create_registry, FZ_PERMISSION_READ },
  { "reports", N_("County Reports"), "x-office-spreadsheet-symbolic", create_reports, FZ_PERMISSION_READ },
  { "audit", N_("Audit Trail"), "document-open-recent-symbolic", create_audit, FZ_PERMISSION_READ_AUDIT, TRUE },
};

guint
fz_shell_n_builtin_pages (void)
{
  return G_N_ELEMENTS (builtin_pages);
}

const FzShellPage *
fz_shell_get_builtin_page (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (builtin_pages), NULL);
  return &builtin_pages[index];
}

GtkWidget *
fz_shell_create_builtin_page (const char      *id,
                              FzPluginManager *manager)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_pages); i++)
    if (g_strcmp0 (builtin_pages[i].id, id) == 0)
      return builtin_pages[i].create (manager);
  return NULL;
}
