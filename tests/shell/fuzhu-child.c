/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fuzhu-child"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzhu-child.h"

void
fuzhu_child_startv (FuzhuChild          *child,
                    const char          *database,
                    const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) database);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* The isolated folders of this test, for the child too. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);

  g_assert_nonnull (argv->pdata[0]);
  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &child->pid, NULL, &child->out_fd, &child->err_fd, &error);
  g_assert_no_error (error);
}

void
fuzhu_child_start (FuzhuChild *child,
                   const char *database,
                   ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, database);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  fuzhu_child_startv (child, database, (const char * const *) args->pdata);
}

gboolean
fuzhu_child_poll (FuzhuChild *child,
                  int        *wait_status)
{
  pid_t r;

  do
    r = waitpid (child->pid, wait_status, WNOHANG);
  while (r < 0 && errno == EINTR);
  g_assert_cmpint (r, >=, 0);
  return r == child->pid;
}

void
fuzhu_child_wait (FuzhuChild *child,
                  int        *wait_status)
{
  pid_t r;

  do
    r = waitpid (child->pid, wait_status, 0);
  while (r < 0 && errno == EINTR);
  g_assert_cmpint (r, ==, child->pid);
}

gboolean
fuzhu_child_kill (FuzhuChild *child,
                  int        *wait_status)
{
  if (fuzhu_child_poll (child, wait_status))
    return FALSE;
  g_assert_cmpint (kill (child->pid, SIGKILL), ==, 0);
  fuzhu_child_wait (child, wait_status);
  return WIFSIGNALED (*wait_status) && WTERMSIG (*wait_status) == SIGKILL;
}

static char *
drain (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  /* The child has ended: read to the end of the pipe. */
  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (text, buffer, n);
    }
  close (fd);
  return g_string_free (text, FALSE);
}

void
fuzhu_child_collect (FuzhuChild  *child,
                     char       **out,
                     char       **err)
{
  *out = drain (child->out_fd);
  *err = drain (child->err_fd);
  g_spawn_close_pid (child->pid);
  child->pid = 0;
}
