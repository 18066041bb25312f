/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fz-chart.h"

struct _FzChart
{
  GtkWidget    parent_instance;
  FzChartKind  kind;
  char        *title;
  char        *unit;
  GPtrArray   *labels;
  GArray      *values;
  double       target;
  char        *summary;
};

G_DEFINE_FINAL_TYPE (FzChart, fz_chart, GTK_TYPE_WIDGET)

static char *
format_value (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* The smallest 1, 2, 2.5 or 5 × 10^k at or above @value (at least 4), so
 * that the four grid steps read as round numbers. */
static double
nice_ceiling (double value)
{
  double magnitude;
  const double steps[] = { 1, 2, 2.5, 5, 10 };

  if (value <= 4)
    return 4;
  magnitude = pow (10, floor (log10 (value)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * magnitude >= value)
      return steps[i] * magnitude;
  return 10 * magnitude;
}

static void
draw_text (cairo_t    *cr,
           GtkWidget  *widget,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
fz_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  FzChart *self = FZ_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = self->values->len;
  double max = self->target > 0 ? self->target : 0;
  double left = 48, right = 16, top = 36, bottom = 40;
  double plot_w, plot_h;
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= left + right || height <= top + bottom)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  gdk_cairo_set_source_rgba (cr, &fg);
  if (self->title)
    {
      g_autofree char *heading = self->unit && *self->unit
        ? g_strdup_printf ("%s（%s）", self->title, self->unit) : g_strdup (self->title);
      draw_text (cr, widget, heading, 0, 4, 0, FALSE);
    }

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  max = nice_ceiling (max * 1.08);

  plot_w = width - left - right;
  plot_h = height - top - bottom;

  /* Axis and a few grid lines, faint. */
  cairo_set_line_width (cr, 1);
  for (int g = 0; g <= 4; g++)
    {
      double y = top + plot_h - plot_h * g / 4.0;
      g_autofree char *label = format_value (max * g / 4.0);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, g == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, left, round (y) + 0.5);
      cairo_line_to (cr, left + plot_w, round (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      draw_text (cr, widget, label, left - 6, y - 9, 1, TRUE);
    }

  if (n > 0)
    {
      double slot = plot_w / n;

#define X_AT(i) (left + slot * (i) + slot / 2)
#define Y_AT(v) (top + plot_h - plot_h * (v) / max)

      cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      if (self->kind == FZ_CHART_LINE)
        {
          cairo_set_line_width (cr, 3);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            cairo_line_to (cr, X_AT (i), Y_AT (g_array_index (self->values, double, i)));
          cairo_stroke (cr);
          for (guint i = 0; i < n; i++)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, X_AT (i), Y_AT (g_array_index (self->values, double, i)), 4.5, 0, 2 * G_PI);
              cairo_fill (cr);
            }
        }
      else
        {
          double bw = MIN (slot * 0.6, 56);

          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            {
              double y = Y_AT (g_array_index (self->values, double, i));
              cairo_rectangle (cr, X_AT (i) - bw / 2, y, bw, top + plot_h - y);
            }
          cairo_fill (cr);
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      for (guint i = 0; i < n; i++)
        {
          double v = g_array_index (self->values, double, i);
          g_autofree char *label = format_value (v);

          draw_text (cr, widget, label, X_AT (i), Y_AT (v) - 20, 0.5, TRUE);
          draw_text (cr, widget, g_ptr_array_index (self->labels, i), X_AT (i), top + plot_h + 6, 0.5, TRUE);
        }
#undef X_AT
#undef Y_AT
    }

  if (self->target > 0)
    {
      double y = top + plot_h - plot_h * self->target / max;
      g_autofree char *value = format_value (self->target);
      g_autofree char *label = g_strdup_printf (_("Target %s"), value);
      const double dash[] = { 6, 4 };

      cairo_set_source_rgb (cr, 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_text (cr, widget, label, left + plot_w, y - 20, 1, TRUE);
    }

  cairo_destroy (cr);
}

static void
fz_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 240, *natural = 420;
  else
    *minimum = 200, *natural = 240;
}

static void
fz_chart_finalize (GObject *object)
{
  FzChart *self = FZ_CHART (object);

  g_free (self->title);
  g_free (self->unit);
  g_free (self->summary);
  g_ptr_array_unref (self->labels);
  g_array_unref (self->values);

  G_OBJECT_CLASS (fz_chart_parent_class)->finalize (object);
}

static void
fz_chart_class_init (FzChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = fz_chart_finalize;
  widget_class->snapshot = fz_chart_snapshot;
  widget_class->measure = fz_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
fz_chart_init (FzChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  self->target = -1;
}

GtkWidget *
fz_chart_new (FzChartKind kind)
{
  FzChart *self = g_object_new (FZ_TYPE_CHART, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
fz_chart_set_data (FzChart           *self,
                   const char        *title,
                   const char        *unit,
                   const char *const *labels,
                   const double      *values,
                   guint              n,
                   double             target)
{
  GString *summary = g_string_new (NULL);

  g_return_if_fail (FZ_IS_CHART (self));

  g_free (self->title);
  g_free (self->unit);
  self->title = g_strdup (title);
  self->unit = g_strdup (unit);
  self->target = target;
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = format_value (values[i]);

      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->values, values[i]);
      g_string_append_printf (summary, "%s%s %s", i ? "; " : "", labels[i], value);
    }
  if (target > 0)
    {
      g_autofree char *value = format_value (target);
      g_string_append_printf (summary, "; ");
      g_string_append_printf (summary, _("Target %s"), value);
    }

  g_free (self->summary);
  self->summary = g_string_free (summary, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
fz_chart_get_summary (FzChart *self)
{
  return self->summary;
}
