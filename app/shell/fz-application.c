/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-application"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <epoxy/gl.h>

#include "fz-a11y.h"
#include "fz-application.h"
#include "fz-preferences-window.h"
#include "fz-window.h"

struct _FzApplication
{
  AdwApplication   parent_instance;
  char            *database_path;
  FzPluginManager *manager;
  GError          *open_error;
};

G_DEFINE_TYPE (FzApplication, fz_application, ADW_TYPE_APPLICATION)

GSettings *
fz_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

char *
fz_application_id_for_database (const char *database_path)
{
  g_autofree char *path = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *checksum = NULL;

  if (database_path == NULL)
    return g_strdup (APP_ID);
  path = g_canonicalize_filename (database_path, NULL);
  default_path = fz_database_default_path ();
  if (g_str_equal (path, default_path))
    return g_strdup (APP_ID);
  /* A D-Bus name element: letters and digits, not starting with a digit. */
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  checksum[16] = '\0';
  return g_strconcat (APP_ID ".Database", checksum, NULL);
}

FzApplication *
fz_application_new (const char *database_path)
{
  g_autofree char *id = fz_application_id_for_database (database_path);
  FzApplication *self = g_object_new (FZ_TYPE_APPLICATION,
                                      "application-id", id,
                                      "flags", G_APPLICATION_DEFAULT_FLAGS,
                                      "resource-base-path", "/org/fuzhu/Fuzhu",
                                      NULL);
  self->database_path = g_strdup (database_path);
  /* A benchmark's start must not hand over to a Fuzhu already running. */
  if (g_getenv ("FUZHU_BENCH_FIRST_FRAME"))
    g_application_set_flags (G_APPLICATION (self), G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_NON_UNIQUE);
  return self;
}

/* For tests/shell/test-single-instance.c: with FUZHU_TEST_REPORT set, a
 * line on stdout when this process starts up as the primary instance (and
 * opens the database) and each time it is activated, with how many windows
 * it has then. Nothing else reads it. */
static void
test_report (FzApplication *self,
             const char    *what)
{
  if (g_getenv ("FUZHU_TEST_REPORT") == NULL)
    return;
  g_print ("fuzhu-test: %s windows=%u\n", what,
           g_list_length (gtk_application_get_windows (GTK_APPLICATION (self))));
  fflush (stdout);
}

FzPluginManager *
fz_application_get_plugin_manager (FzApplication *self)
{
  return self->manager;
}

gboolean
fz_application_gl_is_software (const char *renderer)
{
  static const char *const software[] = { "llvmpipe", "softpipe", "SWR", "Software Rasterizer", NULL };

  if (renderer == NULL)
    return FALSE;
  for (guint i = 0; software[i]; i++)
    if (strstr (renderer, software[i]))
      return TRUE;
  return FALSE;
}

/* GTK 4.8 draws with OpenGL whenever it can, even when OpenGL is Mesa's
 * software rasteriser (a computer without a GPU driver, a virtual machine,
 * a remote desktop: common in offices). There cairo is the faster of the
 * two by far (bench-city: scrolling the registry drops no frame instead of
 * every one, start-up 0.25 s sooner, 90 MB less memory), so Fuzhu asks for
 * it, unless GSK_RENDERER says otherwise. Windows made after this take it;
 * so would a GTK program Fuzhu starts, which is as well on such a machine. */
static void
choose_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  const char *renderer;

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return;
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  if (fz_application_gl_is_software (renderer))
    {
      g_debug ("OpenGL is %s, a software rasteriser: drawing with cairo", renderer);
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
    }
  gdk_gl_context_clear_current ();
}

static void
fz_application_startup (GApplication *app)
{
  FzApplication *self = FZ_APPLICATION (app);
  g_autofree char *path = NULL;
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(FzContext) context = NULL;

  G_APPLICATION_CLASS (fz_application_parent_class)->startup (app);

  /* Window managers other than GNOME Shell take the icon from the window. */
  gtk_window_set_default_icon_name (APP_ID);
  fz_a11y_install_workarounds ();
  choose_renderer ();

  path = self->database_path ? g_strdup (self->database_path) : fz_database_default_path ();
  db = fz_database_open (path, &self->open_error);
  test_report (self, "startup");
  if (db == NULL)
    return;

  settings = fz_settings_new_if_installed ();
  context = fz_context_new (db, settings, NULL);
  self->manager = fz_plugin_manager_new (context);
  fz_plugin_manager_load_all (self->manager);
}

static void
show_open_error (FzApplication *self)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_title (GTK_WINDOW (window), _("Fuzhu"));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The database could not be opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), self->open_error->message);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* FUZHU_BENCH_FIRST_FRAME (bench/bench-city.c): when the window's first
 * frame is drawn, print the time on the monotonic clock, in microseconds,
 * and the renderer that drew it, and quit, so that start-up is timed on the real program. Set to
 * "figures", it goes on until the dashboard has drawn its figures
 * (fz-dashboard-page.c prints that time and quits). */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      FzApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GskRenderer *renderer = window ? gtk_native_get_renderer (GTK_NATIVE (window)) : NULL;

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  /* The time, then what drew the frame. */
  g_print ("first-frame %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (),
           renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  /* With "figures", the dashboard quits once its figures are drawn; any
   * other first page (the welcome page of an empty registry) has none. */
  if (g_strcmp0 (g_getenv ("FUZHU_BENCH_FIRST_FRAME"), "figures") != 0 ||
      window == NULL || g_strcmp0 (fz_window_get_page (FZ_WINDOW (window)), "dashboard") != 0)
    g_application_quit (G_APPLICATION (self));
}

static void
bench_realize_cb (GtkWidget     *window,
                  FzApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), self, 0);
}

static void
fz_application_activate (GApplication *app)
{
  FzApplication *self = FZ_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* A second start raises the window that is already open. */
  if (window == NULL)
    {
      if (self->manager == NULL)
        {
          show_open_error (self);
          test_report (self, "activate");
          return;
        }
      window = GTK_WINDOW (fz_window_new (GTK_APPLICATION (app), self->manager));
      if (g_getenv ("FUZHU_BENCH_FIRST_FRAME"))
        g_signal_connect_object (window, "realize", G_CALLBACK (bench_realize_cb), self, 0);
    }
  gtk_window_present (window);
  test_report (self, "activate");
}

/* The day's backup, when the window closes: the one moment the database is
 * surely not in the middle of anything. */
static void
back_up_on_exit (FzApplication *self)
{
  FzContext *context = fz_plugin_manager_get_context (self->manager);
  GSettings *settings = fz_context_get_settings (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  guint keep = 7;

  if (settings)
    {
      if (!g_settings_get_boolean (settings, "backup-automatic"))
        return;
      keep = (guint) g_settings_get_int (settings, "backup-keep");
    }
  if (!fz_backup_automatic (fz_context_get_database (context), keep, NULL, &made, &error))
    g_warning ("Could not make the day's automatic backup: %s", error->message);
  else if (made)
    g_debug ("Backed up to %s", made);
}

static void
fz_application_shutdown (GApplication *app)
{
  FzApplication *self = FZ_APPLICATION (app);

  G_APPLICATION_CLASS (fz_application_parent_class)->shutdown (app);

  if (self->manager)
    back_up_on_exit (self);
}

static void
fz_application_finalize (GObject *object)
{
  FzApplication *self = FZ_APPLICATION (object);

  g_clear_object (&self->manager);
  g_clear_error (&self->open_error);
  g_free (self->database_path);

  G_OBJECT_CLASS (fz_application_parent_class)->finalize (object);
}

static void
fz_application_class_init (FzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = fz_application_finalize;
  app_class->startup = fz_application_startup;
  app_class->activate = fz_application_activate;
  app_class->shutdown = fz_application_shutdown;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close the windows first, as closing the last one would: their pages let
   * go of the database before the day's backup is made and it is closed. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (app));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Fuzhu developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Fuzhu"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Fuzhu developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keeps the work of the employment plan for persons with disabilities: the registry, the measures, the targets and the documents."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  FzApplication *self = FZ_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *prefs;

  if (self->manager == NULL)
    return;
  /* Nothing of the database before someone signs in, or while locked. */
  if (fz_context_get_role (fz_plugin_manager_get_context (self->manager)) == FZ_ROLE_NONE ||
      (FZ_IS_WINDOW (parent) && fz_window_is_locked (FZ_WINDOW (parent))))
    return;
  prefs = fz_preferences_window_new (self->manager);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
fz_application_init (FzApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);
}
