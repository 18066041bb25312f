/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "fuzz.h"

/* A fuzzing driver for gcc, which has no libFuzzer: runs a target's
 * LLVMFuzzerTestOneInput() over its seed corpus, then over mutations of the
 * seeds (bit flips, bytes set, inserted, deleted, repeated, dictionary
 * words, splices of two seeds), drawn from a PRNG of a given seed so that a
 * run can be repeated exactly, until a time or run budget is spent.
 *
 *   fuzz-TARGET [--seconds S] [--runs N] [--seed N] [--max-len BYTES]
 *               [--dict FILE] [--crash-dir DIR] CORPUS-DIR|FILE…
 *
 * A file given on its own is run once: that is how a crash is replayed.
 * When the target crashes or an assertion fails, the input is written to
 * CRASH-DIR/crash-TARGET-SEED-RUN before the process dies, and the command
 * that replays it is printed. Built with clang's -fsanitize=fuzzer the
 * same targets run under libFuzzer instead (see build-aux/fuzz). */

typedef struct {
  guint8 *data;
  gsize   len;
} Input;

static GPtrArray *seeds;  /* Input* */
static GPtrArray *words;  /* GBytes*, the dictionary */
static guint64    rng_state;

/* What the signal handlers write out: set before each run. */
static const guint8 *current_data;
static gsize         current_len;
static char          crash_path[4096];
static const char   *program;

/* splitmix64: small, good enough, the same everywhere. */
static guint64
rng_next (void)
{
  guint64 z = (rng_state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* 0 to @n - 1; 0 when @n is 0. */
static gsize
rng_below (gsize n)
{
  return n ? (gsize) (rng_next () % n) : 0;
}

static void
say (const char *text)
{
  (void) !write (STDERR_FILENO, text, strlen (text));
}

static void
save_input (void)
{
  int fd;

  if (current_data == NULL || crash_path[0] == '\0')
    return;
  fd = open (crash_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  for (gsize done = 0; done < current_len; )
    {
      ssize_t n = write (fd, current_data + done, current_len - done);
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  close (fd);
  /* Only async-signal-safe calls here. */
  say ("fuzz: the input is saved; replay it with\n  ");
  say (program);
  say (" ");
  say (crash_path);
  say ("\n");
  current_data = NULL;
}

static void
on_fatal_signal (int sig)
{
  save_input ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/* AddressSanitizer's last word, when it is linked in. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

static void
install_handlers (void)
{
  static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGALRM };

  for (guint i = 0; i < G_N_ELEMENTS (fatal); i++)
    signal (fatal[i], on_fatal_signal);
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback (save_input);
}

static void
add_seed (const char *path)
{
  g_autoptr(GError) error = NULL;
  Input *input = g_new0 (Input, 1);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, &input->len, &error))
    g_error ("%s", error->message);
  input->data = (guint8 *) contents;
  g_ptr_array_add (seeds, input);
}

static void
add_corpus (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_seed (path);
      return;
    }
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* The order of a folder listing is no order: sort, so that a seed repeats a run. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    add_seed (g_ptr_array_index (names, i));
}

/* libFuzzer's dictionary format: one "word" per line (\\, \" and \xNN
 * escapes), optionally name=; # comments. */
static void
load_dictionary (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *p = strchr (lines[i], '"');
      const char *end = strrchr (lines[i], '"');
      GByteArray *word;

      if (g_str_has_prefix (g_strchug (lines[i]), "#") || p == NULL || end == p)
        continue;
      word = g_byte_array_new ();
      for (p++; p < end; p++)
        {
          guint8 c = (guint8) *p;

          if (*p == '\\' && p + 1 < end)
            {
              p++;
              if (*p == 'x' && p + 2 < end && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
                {
                  c = (guint8) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]));
                  p += 2;
                }
              else
                c = (guint8) *p;
            }
          g_byte_array_append (word, &c, 1);
        }
      g_ptr_array_add (words, g_byte_array_free_to_bytes (word));
    }
}

static void
buffer_insert (GByteArray   *buf,
               gsize         at,
               const guint8 *bytes,
               gsize         n)
{
  g_byte_array_set_size (buf, buf->len + (guint) n);
  memmove (buf->data + at + n, buf->data + at, buf->len - n - at);
  memcpy (buf->data + at, bytes, n);
}

static const guint8 interesting[] = {
  0x00, 0x01, 0x7F, 0x80, 0xBF, 0xC0, 0xE0, 0xF0, 0xFE, 0xFF,
  '"', ',', ';', '\t', '\n', '\r', ' ', '<', '>', '&', '=', '/', '_', '0', '9', 'X', 'x', 'E', '+', '-',
};

/* One mutation of @buf, kept at most @max_len long. */
static void
mutate_once (GByteArray *buf,
             gsize       max_len)
{
  gsize len = buf->len;

  switch (rng_below (10))
    {
    case 0: /* flip a bit */
      if (len)
        buf->data[rng_below (len)] ^= (guint8) (1u << rng_below (8));
      break;
    case 1: /* a random byte */
      if (len)
        buf->data[rng_below (len)] = (guint8) rng_next ();
      break;
    case 2: /* an interesting byte */
      if (len)
        buf->data[rng_below (len)] = interesting[rng_below (G_N_ELEMENTS (interesting))];
      break;
    case 3: /* insert random bytes */
      {
        guint8 bytes[8];
        gsize n = 1 + rng_below (sizeof bytes);

        for (gsize i = 0; i < n; i++)
          bytes[i] = (guint8) rng_next ();
        buffer_insert (buf, rng_below (len + 1), bytes, n);
      }
      break;
    case 4: /* delete a run of bytes */
      if (len)
        {
          gsize at = rng_below (len);
          gsize n = 1 + rng_below (MIN (len - at, 32));
          g_byte_array_remove_range (buf, (guint) at, (guint) n);
        }
      break;
    case 5: /* copy a run of bytes elsewhere */
      if (len)
        {
          gsize from = rng_below (len);
          gsize n = 1 + rng_below (MIN (len - from, 64));
          g_autofree guint8 *copy = g_memdup2 (buf->data + from, n);
          buffer_insert (buf, rng_below (len + 1), copy, n);
        }
      break;
    case 6: /* repeat a run of bytes many times: huge fields, long lines */
      if (len)
        {
          gsize from = rng_below (len);
          gsize n = 1 + rng_below (MIN (len - from, 16));
          gsize times = 1 + rng_below (512);
          g_autofree guint8 *copy = g_memdup2 (buf->data + from, n);
          for (gsize i = 0; i < times && buf->len + n <= max_len; i++)
            buffer_insert (buf, from, copy, n);
        }
      break;
    case 7: /* a word of the dictionary, inserted or written over */
      if (words->len)
        {
          GBytes *word = g_ptr_array_index (words, rng_below (words->len));
          gsize n = 0;
          const guint8 *bytes = g_bytes_get_data (word, &n);
          gsize at = rng_below (len + 1);

          if (rng_below (2) && at + n <= len)
            memcpy (buf->data + at, bytes, n);
          else
            buffer_insert (buf, at, bytes, n);
        }
      break;
    case 8: /* splice: the start of this one, the end of another seed */
      {
        Input *other = g_ptr_array_index (seeds, rng_below (seeds->len));
        gsize cut = rng_below (len + 1);
        gsize from = rng_below (other->len + 1);

        g_byte_array_set_size (buf, (guint) cut);
        g_byte_array_append (buf, other->data + from, (guint) (other->len - from));
      }
      break;
    case 9: /* truncate */
    default:
      if (len)
        g_byte_array_set_size (buf, (guint) rng_below (len));
      break;
    }
  if (buf->len > max_len)
    g_byte_array_set_size (buf, (guint) max_len);
}

static void
run_one (const guint8 *data,
         gsize         len,
         guint         timeout)
{
  /* A copy of exactly @len bytes, so that reading past the end is caught;
   * never NULL, as libFuzzer's never is, even for no bytes. */
  g_autofree guint8 *copy = g_malloc (MAX (len, 1));

  if (len)
    memcpy (copy, data, len);

  current_data = copy;
  current_len = len;
  alarm (timeout);
  LLVMFuzzerTestOneInput (copy, len);
  alarm (0);
  current_data = NULL;
}

int
main (int   argc,
      char *argv[])
{
  double seconds = 0;
  gint64 max_runs = 0;
  gint64 seed = 1;
  gint64 max_len = 0;
  gint64 timeout = 20;
  g_autofree char *dict = NULL;
  g_autofree char *crash_dir = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *target = g_path_get_basename (argv[0]);
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, "Mutate for this long (default: only the seeds)", "S" },
    { "runs", 0, 0, G_OPTION_ARG_INT64, &max_runs, "Stop after this many mutations", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "The PRNG's seed (default 1)", "N" },
    { "max-len", 0, 0, G_OPTION_ARG_INT64, &max_len, "Longest input made (default: twice the longest seed, at least 4096)", "BYTES" },
    { "timeout", 0, 0, G_OPTION_ARG_INT64, &timeout, "Seconds one input may take (default 20)", "S" },
    { "dict", 0, 0, G_OPTION_ARG_FILENAME, &dict, "A dictionary of words to insert (libFuzzer's format)", "FILE" },
    { "crash-dir", 0, 0, G_OPTION_ARG_FILENAME, &crash_dir, "Where a crashing input is saved (default .)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "CORPUS-DIR|FILE…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CORPUS-DIR|FILE… — run a fuzz target");
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  gboolean replay;
  gint64 start, deadline, runs = 0;
  gsize longest = 0;
  Input *base = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || paths == NULL)
    {
      g_printerr ("%s: %s\n", target, error ? error->message : "no corpus given");
      return 2;
    }
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize (&argc, &argv);

  seeds = g_ptr_array_new ();
  words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  replay = paths[1] == NULL && !g_file_test (paths[0], G_FILE_TEST_IS_DIR);
  for (guint i = 0; paths[i]; i++)
    add_corpus (paths[i]);
  if (seeds->len == 0)
    g_error ("No seeds in the corpus");
  if (dict)
    load_dictionary (dict);
  for (guint i = 0; i < seeds->len; i++)
    longest = MAX (longest, ((Input *) g_ptr_array_index (seeds, i))->len);
  if (max_len <= 0)
    max_len = (gint64) MAX (2 * longest, 4096);
  rng_state = (guint64) seed;
  g_snprintf (crash_path, sizeof crash_path, "%s/crash-%s-%" G_GINT64_FORMAT,
              crash_dir ? crash_dir : ".", target, seed);
  program = argv[0];
  install_handlers ();

  /* Every seed as it is. */
  for (guint i = 0; i < seeds->len; i++)
    {
      Input *input = g_ptr_array_index (seeds, i);
      run_one (input->data, input->len, (guint) timeout);
    }
  if (replay)
    {
      g_print ("%s: %s ran without a failure\n", target, paths[0]);
      return 0;
    }

  /* Then mutations: mostly of a fresh seed, sometimes of the last mutant, to go further. */
  start = g_get_monotonic_time ();
  deadline = start + (gint64) (seconds * G_USEC_PER_SEC);
  while ((max_runs > 0 && runs < max_runs) ||
         (max_runs <= 0 && seconds > 0 && g_get_monotonic_time () < deadline))
    {
      guint n_mutations = 1 + (guint) rng_below (rng_below (2) ? 2 : 8);

      if (base == NULL || rng_below (4) != 0 || buf->len == 0)
        {
          base = g_ptr_array_index (seeds, rng_below (seeds->len));
          g_byte_array_set_size (buf, 0);
          g_byte_array_append (buf, base->data, (guint) base->len);
        }
      for (guint i = 0; i < n_mutations; i++)
        mutate_once (buf, (gsize) max_len);
      runs++;
      g_snprintf (crash_path, sizeof crash_path, "%s/crash-%s-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                  crash_dir ? crash_dir : ".", target, seed, runs);
      run_one (buf->data, buf->len, (guint) timeout);
    }

  g_print ("%s: %u seeds, then %" G_GINT64_FORMAT " mutations (seed %" G_GINT64_FORMAT ") in %.1f s\n",
           target, seeds->len, runs, seed, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  for (guint i = 0; i < seeds->len; i++)
    {
      Input *input = g_ptr_array_index (seeds, i);
      g_free (input->data);
      g_free (input);
    }
  g_ptr_array_unref (seeds);
  g_ptr_array_unref (words);
  return 0;
}
