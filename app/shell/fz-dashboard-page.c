/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-chart.h"
#include "fz-dashboard-page.h"

struct _FzDashboardPage
{
  AdwBin           parent_instance;

  FzPluginManager *manager;
  FzFigures       *figures;
  GPtrArray       *counties;      /* FzCounty*, the city first */
  GPtrArray       *chart_ids;     /* figure ids in the chart dropdown */
  gboolean         updating;
  guint            refresh_idle;  /* the count after the frame that shows the page */
  gulong           paint_handler;

  GtkLabel        *plan_label;
  GtkDropDown     *year_dropdown;
  GtkDropDown     *county_dropdown;
  GtkDropDown     *chart_dropdown;
  GtkFlowBox      *targets_box;
  GtkBox          *charts_box;
  GtkBox          *measures_box;
  GtkLabel        *problems_label;
  FzChart         *county_chart;
  FzChart         *year_chart;
};

G_DEFINE_FINAL_TYPE (FzDashboardPage, fz_dashboard_page, ADW_TYPE_BIN)

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)))
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static int
selected_year (FzDashboardPage *self)
{
  return fz_figures_get_from_year (self->figures) + (int) gtk_drop_down_get_selected (self->year_dropdown);
}

static const char *
selected_county (FzDashboardPage *self)
{
  guint i = gtk_drop_down_get_selected (self->county_dropdown);

  if (i >= self->counties->len)
    return FZ_CITY_CODE;
  return ((FzCounty *) g_ptr_array_index (self->counties, i))->code;
}

static const char *
county_name (FzDashboardPage *self,
             const char      *code)
{
  for (guint i = 0; i < self->counties->len; i++)
    {
      FzCounty *county = g_ptr_array_index (self->counties, i);
      if (g_str_equal (county->code, code))
        return county->name;
    }
  return code;
}

static char *
format_figure (double value,
               FzTargetKind kind)
{
  if (kind == FZ_TARGET_PERCENT)
    return g_strdup_printf ("%.1f%%", value);
  /* A level may be an average of money: keep its fen. */
  if (kind == FZ_TARGET_LEVEL && value != (double) (gint64) value)
    return g_strdup_printf ("%'.2f", value);
  return g_strdup_printf ("%'.0f", value);
}

static GtkWidget *
target_card (FzDashboardPage *self,
             const FzFigure  *figure,
             int              year,
             const char      *county)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (figure->title);
  GtkWidget *value_label;
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *detail;
  GtkWidget *definition = gtk_label_new (figure->definition);
  double achieved = fz_figure_to_date (figure, self->figures, year, county);
  double goal = 0;
  gboolean has_goal = fz_figures_get_target (self->figures, figure, county, &goal);
  g_autofree char *achieved_text = format_figure (achieved, figure->kind);
  g_autofree char *value_text = NULL;
  g_autofree char *detail_text = NULL;
  g_autofree char *accessible = NULL;

  if (has_goal)
    {
      g_autofree char *goal_text = format_figure (goal, figure->kind);
      double share = goal > 0 ? achieved / goal : 0;

      value_text = g_strdup_printf ("%s / %s %s", achieved_text, goal_text,
                                    figure->kind == FZ_TARGET_PERCENT ? "" : figure->unit);
      if (figure->kind == FZ_TARGET_PERCENT)
        detail_text = achieved >= goal ? g_strdup (_("Target reached"))
                                       : g_strdup_printf (_("%.1f points below the target"), goal - achieved);
      else
        detail_text = g_strdup_printf (_("%.0f%% of the target"), share * 100);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (share, 0, 1));
    }
  else
    {
      value_text = g_strdup_printf ("%s %s", achieved_text, figure->kind == FZ_TARGET_PERCENT ? "" : figure->unit);
      detail_text = g_strdup (_("No target set for this area"));
      gtk_widget_set_visible (bar, FALSE);
    }
  value_label = gtk_label_new (value_text);
  detail = gtk_label_new (detail_text);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "fz-target-card");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (value_label, "fz-figure");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (definition, "dim-label");
  gtk_widget_add_css_class (definition, "caption");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_xalign (GTK_LABEL (definition), 0);
  gtk_label_set_wrap (GTK_LABEL (definition), TRUE);
  /* Narrow natural widths let three cards share a line. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (definition), 28);
  gtk_label_set_width_chars (GTK_LABEL (definition), 20);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, detail_text, -1);

  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), value_label);
  gtk_box_append (GTK_BOX (card), bar);
  gtk_box_append (GTK_BOX (card), detail);
  gtk_box_append (GTK_BOX (card), definition);

  /* One sentence for a screen reader: what, how much, of what, how counted. */
  accessible = g_strdup_printf ("%s: %s. %s. %s", figure->title, value_text, detail_text, figure->definition);
  g_object_set_data_full (G_OBJECT (card), "fz-description", g_steal_pointer (&accessible), g_free);
  return card;
}

static void
update_charts (FzDashboardPage *self)
{
  guint index = gtk_drop_down_get_selected (self->chart_dropdown);
  const FzFigure *figure;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  int year = selected_year (self);
  const char *county = selected_county (self);
  g_autofree char *by_county = NULL;
  g_autofree char *by_year = NULL;
  double goal = -1;

  if (self->figures == NULL || index >= self->chart_ids->len)
    return;
  figure = fz_figures_find (self->figures, g_ptr_array_index (self->chart_ids, index));
  if (figure == NULL)
    return;

  /* Bars: each county to date. */
  for (guint i = 1; i < self->counties->len; i++)
    {
      FzCounty *c = g_ptr_array_index (self->counties, i);
      double v = fz_figure_to_date (figure, self->figures, year, c->code);
      g_ptr_array_add (labels, g_strdup (c->name));
      g_array_append_val (values, v);
    }
  by_county = g_strdup_printf (_("%s by county, to %d"), figure->title, year);
  g_ptr_array_add (labels, NULL);
  fz_chart_set_data (self->county_chart, by_county, figure->unit,
                     (const char *const *) labels->pdata, (double *) values->data, values->len, -1);

  /* Line: each year of the plan, for the chosen area. */
  g_ptr_array_set_size (labels, 0);
  g_array_set_size (values, 0);
  for (int y = fz_figures_get_from_year (self->figures); y <= fz_figures_get_to_year (self->figures); y++)
    {
      double v = fz_figure_to_date (figure, self->figures, y, county);
      g_ptr_array_add (labels, g_strdup_printf ("%d", y));
      g_array_append_val (values, v);
    }
  g_ptr_array_add (labels, NULL);
  if (!fz_figures_get_target (self->figures, figure, county, &goal))
    goal = -1;
  by_year = g_strdup_printf (_("%s over the years, %s"), figure->title, county_name (self, county));
  fz_chart_set_data (self->year_chart, by_year, figure->unit,
                     (const char *const *) labels->pdata, (double *) values->data, values->len, goal);
}

static void
update_view (FzDashboardPage *self)
{
  int year;
  const char *county;
  const char *measure = NULL;
  GtkWidget *group = NULL;
  const char *const *problems;
  g_autofree char *plan_text = NULL;
  FzPlan *plan;

  if (self->figures == NULL || self->updating)
    return;

  year = selected_year (self);
  county = selected_county (self);
  plan = fz_figures_get_plan (self->figures);
  plan_text = g_strdup_printf ("%s", plan->title);
  gtk_label_set_text (self->plan_label, plan_text);

  clear_box (GTK_WIDGET (self->targets_box));
  clear_box (GTK_WIDGET (self->measures_box));

  for (guint i = 0; i < fz_figures_get_n_figures (self->figures); i++)
    {
      const FzFigure *figure = fz_figures_get_figure (self->figures, i);

      if (figure->measure_id == NULL)
        {
          GtkWidget *card = target_card (self, figure, year, county);
          GtkWidget *child;

          gtk_flow_box_append (self->targets_box, card);
          /* The flow box's child takes the focus: it carries the card's words. */
          child = gtk_widget_get_parent (card);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, figure->title,
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          g_object_get_data (G_OBJECT (card), "fz-description"), -1);
          continue;
        }

      if (g_strcmp0 (measure, figure->measure_id) != 0)
        {
          measure = figure->measure_id;
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), figure->measure_title);
          gtk_box_append (self->measures_box, group);
        }
      {
        GtkWidget *row = adw_action_row_new ();
        double this_year = fz_figure_get (figure, year, county);
        double to_date = fz_figure_to_date (figure, self->figures, year, county);
        g_autofree char *a = format_figure (this_year, figure->kind);
        g_autofree char *b = format_figure (to_date, figure->kind);
        g_autofree char *text = figure->kind != FZ_TARGET_COUNT
          ? g_strdup_printf ("%s %s", a, figure->unit)
          : g_strdup_printf (_("%s %s in %d · %s since %d"), a, figure->unit, year, b,
                             fz_figures_get_from_year (self->figures));
        GtkWidget *value = gtk_label_new (text);
        g_autofree char *escaped = g_markup_escape_text (figure->title, -1);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
        gtk_widget_add_css_class (value, "numeric");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
        gtk_widget_set_focusable (row, TRUE);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      }
    }

  if (group == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "application-x-addon-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Measures Loaded"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Each loaded measure adds its own figures here. See Preferences → Plugins."));
      adw_status_page_set_child (ADW_STATUS_PAGE (status), NULL);
      gtk_box_append (self->measures_box, status);
    }

  problems = fz_figures_get_problems (self->figures);
  if (problems[0])
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) problems);
      gtk_label_set_text (self->problems_label, joined);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems[0] != NULL);

  update_charts (self);
}

static void
selection_changed_cb (FzDashboardPage *self)
{
  update_view (self);
}

static void
chart_changed_cb (FzDashboardPage *self)
{
  update_charts (self);
}

void
fz_dashboard_page_refresh (FzDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(FzPlan) plan = NULL;
  g_autoptr(GtkStringList) years = NULL;
  g_autoptr(GtkStringList) charts = NULL;
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (self->manager));
  int current = g_date_time_get_year (now);
  int keep_year = self->figures ? selected_year (self) : 0;
  guint keep_chart = gtk_drop_down_get_selected (self->chart_dropdown);

  plan = fz_plan_for_year (db, current, &error);
  if (plan == NULL)
    {
      gtk_label_set_text (self->problems_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
      return;
    }

  g_clear_pointer (&self->figures, fz_figures_free);
  self->figures = fz_figures_compute (self->manager, plan->start_year, plan->end_year, &error);
  if (self->figures == NULL)
    {
      gtk_label_set_text (self->problems_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
      return;
    }

  self->updating = TRUE;
  years = gtk_string_list_new (NULL);
  for (int y = plan->start_year; y <= plan->end_year; y++)
    {
      g_autofree char *label = g_strdup_printf ("%d", y);
      gtk_string_list_append (years, label);
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  if (keep_year == 0)
    keep_year = CLAMP (current, plan->start_year, plan->end_year);
  gtk_drop_down_set_selected (self->year_dropdown, (guint) (keep_year - plan->start_year));

  charts = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->chart_ids, 0);
  for (guint i = 0; i < fz_figures_get_n_figures (self->figures); i++)
    {
      const FzFigure *figure = fz_figures_get_figure (self->figures, i);
      g_autofree char *label = figure->measure_title
        ? g_strdup_printf ("%s — %s", figure->measure_title, figure->title) : g_strdup (figure->title);
      gtk_string_list_append (charts, label);
      g_ptr_array_add (self->chart_ids, g_strdup (figure->id));
    }
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (charts));
  if (keep_chart != GTK_INVALID_LIST_POSITION && keep_chart < self->chart_ids->len)
    gtk_drop_down_set_selected (self->chart_dropdown, keep_chart);
  self->updating = FALSE;

  update_view (self);
}

void
fz_dashboard_page_select (FzDashboardPage *self,
                          int              year,
                          const char      *county_code)
{
  if (self->figures)
    {
      int from = fz_figures_get_from_year (self->figures);
      int to = fz_figures_get_to_year (self->figures);
      if (year >= from && year <= to)
        gtk_drop_down_set_selected (self->year_dropdown, (guint) (year - from));
    }
  for (guint i = 0; i < self->counties->len; i++)
    if (g_str_equal (((FzCounty *) g_ptr_array_index (self->counties, i))->code, county_code))
      gtk_drop_down_set_selected (self->county_dropdown, i);
}

static void
refresh_clicked_cb (FzDashboardPage *self)
{
  fz_dashboard_page_refresh (self);
}

/* FUZHU_BENCH_FIRST_FRAME=figures (bench/bench-city.c): when the frame
 * that shows the figures is drawn, print its time and quit. */
static void
bench_figures_painted_cb (GdkFrameClock   *clock,
                          FzDashboardPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, bench_figures_painted_cb, self);
  g_print ("figures-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (g_application_get_default ());
}

static gboolean
refresh_idle_cb (gpointer data)
{
  FzDashboardPage *self = data;

  self->refresh_idle = 0;
  fz_dashboard_page_refresh (self);
  if (g_strcmp0 (g_getenv ("FUZHU_BENCH_FIRST_FRAME"), "figures") == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (bench_figures_painted_cb), self, 0);
  return G_SOURCE_REMOVE;
}

static void
page_painted_cb (GdkFrameClock   *clock,
                 FzDashboardPage *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
fz_dashboard_page_map (GtkWidget *widget)
{
  FzDashboardPage *self = FZ_DASHBOARD_PAGE (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (fz_dashboard_page_parent_class)->map (widget);
  /* Figures change as staff work elsewhere: count again when shown. On a
   * city the count takes a tenth of a second, so the page is drawn first
   * (the window appears, with the last figures or none) and counts right
   * after the frame that shows it. */
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    {
      fz_dashboard_page_refresh (self);
      return;
    }
  if (self->paint_handler == 0 && self->refresh_idle == 0)
    {
      self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (page_painted_cb), self);
      gtk_widget_queue_draw (widget);
    }
}

static void
fz_dashboard_page_unmap (GtkWidget *widget)
{
  FzDashboardPage *self = FZ_DASHBOARD_PAGE (widget);

  /* Nothing counts for a page nobody sees. */
  if (self->paint_handler)
    g_clear_signal_handler (&self->paint_handler, gtk_widget_get_frame_clock (widget));
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  GTK_WIDGET_CLASS (fz_dashboard_page_parent_class)->unmap (widget);
}

static void
fz_dashboard_page_dispose (GObject *object)
{
  FzDashboardPage *self = FZ_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_DASHBOARD_PAGE);
  g_clear_pointer (&self->figures, fz_figures_free);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  g_clear_pointer (&self->chart_ids, g_ptr_array_unref);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (fz_dashboard_page_parent_class)->dispose (object);
}

static void
fz_dashboard_page_class_init (FzDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_dashboard_page_dispose;
  widget_class->map = fz_dashboard_page_map;
  widget_class->unmap = fz_dashboard_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fuzhu/Fuzhu/fz-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, plan_label);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, county_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, targets_box);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, measures_box);
  gtk_widget_class_bind_template_child (widget_class, FzDashboardPage, problems_label);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
}

static void
fz_dashboard_page_init (FzDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart_ids = g_ptr_array_new_with_free_func (g_free);

  self->county_chart = FZ_CHART (fz_chart_new (FZ_CHART_BARS));
  self->year_chart = FZ_CHART (fz_chart_new (FZ_CHART_LINE));
  gtk_widget_set_focusable (GTK_WIDGET (self->county_chart), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->year_chart), TRUE);
  gtk_box_append (self->charts_box, GTK_WIDGET (self->county_chart));
  gtk_box_append (self->charts_box, GTK_WIDGET (self->year_chart));

  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->county_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (chart_changed_cb), self);
}

GtkWidget *
fz_dashboard_page_new (FzPluginManager *manager)
{
  FzDashboardPage *self = g_object_new (FZ_TYPE_DASHBOARD_PAGE, NULL);
  FzDatabase *db = fz_context_get_database (fz_plugin_manager_get_context (manager));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  FzCounty *city = g_new0 (FzCounty, 1);
  g_autoptr(GPtrArray) counties = fz_county_list (db, NULL);

  self->manager = g_object_ref (manager);
  self->counties = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_county_free);
  city->code = g_strdup (FZ_CITY_CODE);
  city->name = fz_county_get_name (db, FZ_CITY_CODE);
  g_ptr_array_add (self->counties, city);
  for (guint i = 0; counties && i < counties->len; i++)
    g_ptr_array_add (self->counties, g_steal_pointer (&g_ptr_array_index (counties, i)));
  if (counties)
    g_ptr_array_set_free_func (counties, NULL);

  self->updating = TRUE;
  for (guint i = 0; i < self->counties->len; i++)
    gtk_string_list_append (names, ((FzCounty *) g_ptr_array_index (self->counties, i))->name);
  gtk_drop_down_set_model (self->county_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;
  return GTK_WIDGET (self);
}
