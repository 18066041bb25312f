/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-income-view.h"
#include "fzp-welfare-posts-page.h"
#include "fzp-welfare-posts-person-view.h"
#include "fzp-welfare-posts-placements-view.h"
#include "fzp-welfare-posts-posts-view.h"

struct _FzpWelfarePostsPage
{
  AdwBin                        parent_instance;

  AdwViewStack                 *stack;
  FzpWelfarePostsPostsView      *posts_view;
  FzpWelfarePostsPersonView     *person_view;
  FzpWelfarePostsPlacementsView *placements_view;
  FzpWelfarePostsIncomeView     *income_view;
};

G_DEFINE_FINAL_TYPE (FzpWelfarePostsPage, fzp_welfare_posts_page, ADW_TYPE_BIN)

/* A change in one view shows in the others. */
static void
changed_cb (FzpWelfarePostsPage *self)
{
  fzp_welfare_posts_posts_view_reload (self->posts_view);
  fzp_welfare_posts_person_view_reload (self->person_view);
  fzp_welfare_posts_placements_view_reload (self->placements_view);
}

static void
fzp_welfare_posts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FZP_TYPE_WELFARE_POSTS_PAGE);
  G_OBJECT_CLASS (fzp_welfare_posts_page_parent_class)->dispose (object);
}

static void
fzp_welfare_posts_page_class_init (FzpWelfarePostsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_welfare_posts_page_dispose;

  g_type_ensure (FZP_TYPE_WELFARE_POSTS_POSTS_VIEW);
  g_type_ensure (FZP_TYPE_WELFARE_POSTS_PERSON_VIEW);
  g_type_ensure (FZP_TYPE_WELFARE_POSTS_PLACEMENTS_VIEW);
  g_type_ensure (FZP_TYPE_WELFARE_POSTS_INCOME_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/welfare-posts/fzp-welfare-posts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPage, posts_view);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPage, person_view);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPage, placements_view);
  gtk_widget_class_bind_template_child (widget_class, FzpWelfarePostsPage, income_view);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
fzp_welfare_posts_page_init (FzpWelfarePostsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_welfare_posts_page_new (FzContext *context)
{
  FzpWelfarePostsPage *self = g_object_new (FZP_TYPE_WELFARE_POSTS_PAGE, NULL);

  fzp_welfare_posts_posts_view_set_context (self->posts_view, context);
  fzp_welfare_posts_person_view_set_context (self->person_view, context);
  fzp_welfare_posts_placements_view_set_context (self->placements_view, context);
  fzp_welfare_posts_income_view_set_context (self->income_view, context);
  return GTK_WIDGET (self);
}
