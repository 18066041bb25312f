/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-shell"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fz-audit-page.h"
#include "fz-dashboard-page.h"
#include "fz-reports-page.h"
#include "fz-shell-pages.h"

static GtkWidget *
placeholder (const char *icon_name,
             const char *title,
             const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);
  return status;
}

static GtkWidget *
create_dashboard (FzPluginManager *manager)
{
  return fz_dashboard_page_new (manager);
}

static GtkWidget *
create_registry (FzPluginManager *manager)
{
  return placeholder ("system-users-symbolic", _("Registry"),
                      _("The registry of certified persons will be shown here."));
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
