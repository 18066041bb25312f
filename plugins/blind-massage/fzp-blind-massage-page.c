/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-clinics-view.h"
#include "fzp-blind-massage-courses-view.h"
#include "fzp-blind-massage-exams-view.h"
#include "fzp-blind-massage-page.h"
#include "fzp-blind-massage-practitioners-view.h"
#include "fzp-blind-massage-reviews-view.h"
#include "fzp-blind-massage-rules-view.h"

struct _FzpBlindMassagePage
{
  AdwBin            parent_instance;
  FzContext        *context;
  gboolean          reloading;

  AdwViewStack     *stack;
  AdwViewSwitcher  *switcher;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassagePage, fzp_blind_massage_page, ADW_TYPE_BIN)

typedef void       (*ReloadFunc) (gpointer   view);
typedef GtkWidget *(*CreateFunc) (FzContext *context);

/* Every view shows something of what another one changes (a course's hours
 * are a practitioner's credits, a review is on their record...): when one
 * writes, all that were opened read again. */
static void
view_changed_cb (FzpBlindMassagePage *self)
{
  if (self->reloading)
    return;
  self->reloading = TRUE;
  for (GtkWidget *bin = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); bin;
       bin = gtk_widget_get_next_sibling (bin))
    {
      ReloadFunc reload = g_object_get_data (G_OBJECT (bin), "fzp-reload");
      GtkWidget *view = ADW_IS_BIN (bin) ? adw_bin_get_child (ADW_BIN (bin)) : NULL;

      if (reload && view)
        reload (view);
    }
  self->reloading = FALSE;
}

/* A view is built the first time it is shown: the page opens at once, and
 * staff who never look at the rules do not pay for them. */
static void
ensure_view (FzpBlindMassagePage *self,
             GtkWidget           *bin)
{
  CreateFunc create = bin ? g_object_get_data (G_OBJECT (bin), "fzp-create") : NULL;
  GtkWidget *view;

  if (create == NULL || adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;
  view = create (self->context);
  g_signal_connect_object (view, "changed", G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (bin), view);
}

static void
visible_child_cb (FzpBlindMassagePage *self)
{
  ensure_view (self, adw_view_stack_get_visible_child (self->stack));
}

static void
add_view (FzpBlindMassagePage *self,
          CreateFunc           create,
          ReloadFunc           reload,
          const char          *name,
          const char          *title,
          const char          *icon_name)
{
  GtkWidget *bin = adw_bin_new ();
  AdwViewStackPage *page;

  g_object_set_data (G_OBJECT (bin), "fzp-create", create);
  g_object_set_data (G_OBJECT (bin), "fzp-reload", reload);
  page = adw_view_stack_add_titled (self->stack, bin, name, title);
  adw_view_stack_page_set_icon_name (page, icon_name);
}

static void
fzp_blind_massage_page_dispose (GObject *object)
{
  FzpBlindMassagePage *self = FZP_BLIND_MASSAGE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_BLIND_MASSAGE_PAGE);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_blind_massage_page_parent_class)->dispose (object);
}

static void
fzp_blind_massage_page_class_init (FzpBlindMassagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_blind_massage_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/blind-massage/fzp-blind-massage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpBlindMassagePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzpBlindMassagePage, switcher);
}

static void
fzp_blind_massage_page_init (FzpBlindMassagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
persons_changed_cb (FzpBlindMassagePage *self)
{
  view_changed_cb (self);
}

GtkWidget *
fzp_blind_massage_page_new (FzContext *context)
{
  FzpBlindMassagePage *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_PAGE, NULL);

  self->context = g_object_ref (context);
  add_view (self, fzp_blind_massage_practitioners_view_new,
            (ReloadFunc) fzp_blind_massage_practitioners_view_reload,
            "practitioners", _("Practitioners"), "system-users-symbolic");
  add_view (self, fzp_blind_massage_reviews_view_new,
            (ReloadFunc) fzp_blind_massage_reviews_view_reload,
            "reviews", _("Reviews"), "emblem-ok-symbolic");
  add_view (self, fzp_blind_massage_exams_view_new,
            (ReloadFunc) fzp_blind_massage_exams_view_reload,
            "exams", _("Exams"), "x-office-document-symbolic");
  add_view (self, fzp_blind_massage_courses_view_new,
            (ReloadFunc) fzp_blind_massage_courses_view_reload,
            "education", _("Education"), "accessories-dictionary-symbolic");
  add_view (self, fzp_blind_massage_clinics_view_new,
            (ReloadFunc) fzp_blind_massage_clinics_view_reload,
            "clinics", _("Clinics and Posts"), "mark-location-symbolic");
  add_view (self, fzp_blind_massage_rules_view_new,
            (ReloadFunc) fzp_blind_massage_rules_view_reload,
            "rules", _("Rules"), "preferences-system-symbolic");
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_child_cb), self,
                           G_CONNECT_SWAPPED);
  visible_child_cb (self);
  /* A name corrected in the registry shows here too. */
  g_signal_connect_object (fz_context_get_registry (context), "persons-changed", G_CALLBACK (persons_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
