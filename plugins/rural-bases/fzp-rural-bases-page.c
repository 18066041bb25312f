/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include "fzp-rural-bases-page.h"

struct _FzpRuralBasesPage
{
  AdwBin     parent_instance;
  FzContext *context;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesPage, fzp_rural_bases_page, ADW_TYPE_BIN)

static void
fzp_rural_bases_page_dispose (GObject *object)
{
  FzpRuralBasesPage *self = FZP_RURAL_BASES_PAGE (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_rural_bases_page_parent_class)->dispose (object);
}

static void
fzp_rural_bases_page_class_init (FzpRuralBasesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fzp_rural_bases_page_dispose;
}

static void
fzp_rural_bases_page_init (FzpRuralBasesPage *self)
{
}

GtkWidget *
fzp_rural_bases_page_new (FzContext *context)
{
  FzpRuralBasesPage *self = g_object_new (FZP_TYPE_RURAL_BASES_PAGE, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
