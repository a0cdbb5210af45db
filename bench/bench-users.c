/* bench-users.c: the issue-5 benchmark, the Users view at the scale of a municipality.
 *
 * The real licentia-server on a fresh copy of a database of 100,001 users (made once with
 * --demo --demo-users and kept in the build folder), and the app's own LicWindow on the display
 * (Xvfb under tools/bench). The program measures and prints; it is no test and asserts only what
 * would make a figure meaningless.
 *
 * "Shown" means painted: a time ends at the "after-paint" of the window's frame clock, in the
 * first frame after the rows arrived that has them on screen (mapped cells with their text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "lic-application.h"
#include "lic-client.h"
#include "lic-list-loader.h"
#include "lic-sign-in-window.h"
#include "lic-status-stack.h"
#include "lic-test-keyring.h"
#include "lic-test-server.h"
#include "lic-users-view.h"
#include "lic-window.h"

#define DEMO_USERS 100000
/* The database of DEMO_USERS is about 100 MB: a much smaller file is not one. */
#define MIN_DATABASE_BYTES (10 * 1024 * 1024)
#define USERNAME "demo-city"
#define PASSWORD "demo-city"

/* The targets of issue 5. */
#define TARGET_FIRST_PAGE_MS 300
#define TARGET_SEARCH_MS 100
#define TARGET_RSS_MB 150
#define TARGET_ASSIGN_MS 1000

/* Typed one letter at a time: broad at first ("m" matches a good part of the city), then
 * narrower, down to one family name. */
#define SEARCH_WORD "magnusson"
#define SEARCH_KEYS 6

#define BULK_USERS 10000
#define BULK_PRODUCT "Mattemolnet"
/* GET /users?limit=200 pages followed to reach a deep cursor: row 90,000. */
#define DEEP_PAGES 450
#define APP_PAGE G_STRINGIFY (LIC_LIST_LOADER_PAGE_SIZE)

#define WAIT_SECONDS 60

/* Iterates the main context until @condition holds; a wake-up every 20 ms re-checks it. Times
 * are taken in the callbacks themselves, never here. */
#define WAIT_UNTIL(condition, what) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
    guint wake_id_ = g_timeout_add (20, wake_cb, NULL); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("Gave up after %d s waiting for %s", WAIT_SECONDS, what); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_id_); \
  } G_STMT_END

typedef struct _Bench Bench;

/* Resident memory, in kB */
typedef struct
{
  gsize rss_kb;
  gsize anon_kb;
  gsize mesa_kb;
} Memory;

/* What the next painted frame must show for a time to end there. */
typedef gboolean (*ReadyFunc) (Bench *self);

/* A line of the results table; a line with only @figure heads a section. */
typedef struct
{
  char *figure;
  char *median;
  char *p90;
  char *max;
  char *n;
  char *target;
  char *result;
} Row;

struct _Bench
{
  /* Options */
  int sign_in_rounds;
  int search_rounds;
  int assign_rounds;
  int server_rounds;
  int scroll_pages;           /* 0: to the end of the list */
  char *database;
  char *output;

  LicTestServer *server;
  char *run_dir;
  GtkApplication *application;
  SoupSession *http;          /* for the server's own figures, outside LicClient */

  /* The window measured and its Users view */
  LicWindow *window;
  GtkWidget *search_entry;
  GtkWidget *column_view;
  LicStatusStack *status;
  LicListLoader *loader;
  GtkAdjustment *vadjustment;

  /* Frames */
  GdkFrameClock *frame_clock;
  gulong after_paint_id;
  ReadyFunc ready;
  gint64 painted_at;

  /* The loader's "items-changed": a new first page replaces the list at 0, the next pages are
   * appended after it. */
  guint replaced;
  guint replaced_before;
  guint appended;
  guint appended_before;

  /* Marks of the load under way, 0 until they happen */
  gint64 search_sent_at;        /* the search entry said "search-changed" */
  gint64 users_requested_at;    /* LicClient queued GET /users for a first page */
  gint64 replacing_at;          /* its page reached the list model: "items-changed" began */
  gint64 replaced_at;           /* every handler of that "items-changed" ran: rows were made */

  /* While scrolling: when each next page was asked for (GET /users with a cursor), in order,
   * and the time from there to the frame that had its rows */
  GArray *page_requested_at;
  GArray *page_ms;
  guint pages_painted;

  Memory first_page_memory;
  GPtrArray *rows;            /* of Row */
  GPtrArray *notes;           /* of char*, said under the table */
};

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}


/* Statistics and the table */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static GArray *
sorted_copy (GArray *values)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), values->len);

  g_array_append_vals (sorted, values->data, values->len);
  g_array_sort (sorted, compare_doubles);
  return sorted;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = sorted_copy (values);
  guint n = sorted->len;

  g_assert (n > 0);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

/* Nearest rank: the smallest value at least @p of the values are not above. */
static double
percentile (GArray *values,
            double  p)
{
  g_autoptr(GArray) sorted = sorted_copy (values);
  guint rank = (guint) (p * sorted->len);

  /* Rounded up, but 0.9 × 10 is 9 even when the product comes out as 9.000000001. */
  if (rank < p * sorted->len - 1e-9)
    rank++;
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

static char *
format_ms (double ms)
{
  if (ms >= 10000)
    return g_strdup_printf ("%.1f s", ms / 1000);
  if (ms >= 10)
    return g_strdup_printf ("%.0f ms", ms);
  return g_strdup_printf ("%.1f ms", ms);
}

static void
row_free (Row *row)
{
  g_free (row->figure);
  g_free (row->median);
  g_free (row->p90);
  g_free (row->max);
  g_free (row->n);
  g_free (row->target);
  g_free (row->result);
  g_free (row);
}

static void
add_section (Bench      *self,
             const char *title)
{
  Row *row = g_new0 (Row, 1);

  row->figure = g_strdup (title);
  g_ptr_array_add (self->rows, row);
}

static const char *
verdict (double value,
         double target)
{
  return value < target ? "pass" : "MISS";
}

/* Median, p90 and max of @ms; a @target_ms above 0 is compared with the median. */
static void
add_samples (Bench      *self,
             const char *figure,
             GArray     *ms,
             double      target_ms)
{
  Row *row = g_new0 (Row, 1);
  double mid = median (ms);

  row->figure = g_strdup (figure);
  row->median = format_ms (mid);
  row->p90 = format_ms (percentile (ms, 0.9));
  row->max = format_ms (percentile (ms, 1.0));
  row->n = g_strdup_printf ("%u", ms->len);
  if (target_ms > 0)
    {
      g_autofree char *target = format_ms (target_ms);

      row->target = g_strdup_printf ("< %s", target);
      row->result = g_strdup (verdict (mid, target_ms));
    }
  g_ptr_array_add (self->rows, row);
}

/* One figure, not a distribution. */
static void
add_value (Bench      *self,
           const char *figure,
           const char *value,
           const char *target,
           const char *result)
{
  Row *row = g_new0 (Row, 1);

  row->figure = g_strdup (figure);
  row->median = g_strdup (value);
  row->n = g_strdup ("1");
  row->target = g_strdup (target);
  row->result = g_strdup (result);
  g_ptr_array_add (self->rows, row);
}

static void
add_note (Bench      *self,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (Bench      *self,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
cell (const char *text)
{
  return text != NULL ? text : "";
}

/* Pads to @width characters (not bytes: the figures have arrows and ellipses). */
static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong length = g_utf8_strlen (cell (text), -1);

  if (right)
    for (glong i = length; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, cell (text));
  if (!right)
    for (glong i = length; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

#define N_COLUMNS 7

static const char *
row_cell (const Row *row,
          guint      column)
{
  const char *cells[N_COLUMNS] = {
    row->figure, row->median, row->p90, row->max, row->n, row->target, row->result,
  };

  return cells[column];
}

static const char * const headers[N_COLUMNS] = {
  "Figure", "Median", "p90", "Max", "n", "Target", "Result",
};

static char *
text_table (Bench *self)
{
  GString *out = g_string_new (NULL);
  guint widths[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      widths[c] = (guint) g_utf8_strlen (headers[c], -1);
      for (guint r = 0; r < self->rows->len; r++)
        {
          const Row *row = g_ptr_array_index (self->rows, r);

          if (row->median != NULL)
            widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cell (row_cell (row, c)), -1));
        }
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      append_padded (out, headers[c], widths[c], c > 0 && c < 5);
      g_string_append (out, c + 1 < N_COLUMNS ? "  " : "\n");
    }
  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);

      if (row->median == NULL)
        {
          g_string_append_printf (out, "\n%s\n", row->figure);
          continue;
        }
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          append_padded (out, row_cell (row, c), widths[c], c > 0 && c < 5);
          g_string_append (out, c + 1 < N_COLUMNS ? "  " : "\n");
        }
    }
  return g_string_free (out, FALSE);
}

static char *
markdown_table (Bench *self)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "| Figure | Median | p90 | Max | n | Target | Result |\n");
  g_string_append (out, "|---|--:|--:|--:|--:|---|---|\n");
  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);

      if (row->median == NULL)
        {
          g_string_append_printf (out, "| **%s** | | | | | | |\n", row->figure);
          continue;
        }
      g_string_append (out, "|");
      for (guint c = 0; c < N_COLUMNS; c++)
        g_string_append_printf (out, " %s |", cell (row_cell (row, c)));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}


/* The machine */

/* The value of the first "KEY: value" line of a file such as /proc/cpuinfo. */
static char *
read_field (const char *path,
            const char *key)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize key_length = strlen (key);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key)
        && strchr (" \t:", lines[i][key_length]) != NULL)
      return g_strstrip (g_strdup (strchr (lines[i], ':') + 1));
  return NULL;
}

static gsize
status_kb (const char *key)
{
  g_autofree char *value = read_field ("/proc/self/status", key);

  return value != NULL ? (gsize) g_ascii_strtoull (value, NULL, 10) : 0;
}

/* The resident part of Mesa's GL: GDK 4.8 on X11 opens GL when the display opens, to choose a
 * visual, whichever renderer draws; under Xvfb that is llvmpipe, with all of LLVM. */
static gsize
mesa_kb (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean mesa = FALSE;
  gsize total = 0;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return 0;
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* A mapping's first line is its address range, "start-end perms …", then its fields. */
      if (g_ascii_isxdigit (line[0]) && strchr (line, '-') != NULL
          && strchr (line, '-') < strchr (line, ' '))
        mesa = strstr (line, "/libLLVM") != NULL || strstr (line, "/dri/") != NULL
               || strstr (line, "/libgallium") != NULL || strstr (line, "/libz3.") != NULL;
      else if (mesa && g_str_has_prefix (line, "Rss:"))
        total += (gsize) g_ascii_strtoull (line + strlen ("Rss:"), NULL, 10);
    }
  return total;
}

static void
memory_now (Memory *memory)
{
  memory->rss_kb = status_kb ("VmRSS");
  memory->anon_kb = status_kb ("RssAnon");
  memory->mesa_kb = mesa_kb ();
}

static gsize
rss_peak_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gsize) usage.ru_maxrss;
}

static char *
format_mb (gsize kb)
{
  return g_strdup_printf ("%.0f MB", kb / 1024.0);
}

static void
add_memory (Bench        *self,
            const char   *when,
            const Memory *memory)
{
  g_autofree char *rss = format_mb (memory->rss_kb);
  g_autofree char *anon = format_mb (memory->anon_kb);
  g_autofree char *mesa = format_mb (memory->mesa_kb);
  g_autofree char *figure = g_strdup_printf ("RSS %s", when);

  add_value (self, figure, rss, NULL, NULL);
  add_value (self, "· of which anonymous (heap: the app's objects, GTK's, caches)", anon, NULL,
             NULL);
  add_value (self, "· of which Mesa's GL, loaded by GDK (libLLVM, DRI driver)", mesa, NULL,
             NULL);
}

static char *
machine_text (Bench *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *cpu = read_field ("/proc/cpuinfo", "model name");
  g_autofree char *memory = read_field ("/proc/meminfo", "MemTotal");
  g_autofree char *debian = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M %Z");
  const char *revision = g_getenv ("LICENTIA_BENCH_REVISION");
  const char *renderer = "?";
  int width = 0, height = 0;
  struct utsname system;

  if (g_file_get_contents ("/etc/debian_version", &debian, NULL, NULL))
    g_strstrip (debian);
  uname (&system);
  if (self->window != NULL)
    {
      GskRenderer *gsk_renderer = gtk_native_get_renderer (GTK_NATIVE (self->window));

      if (gsk_renderer != NULL)
        renderer = G_OBJECT_TYPE_NAME (gsk_renderer);
      width = gtk_widget_get_width (GTK_WIDGET (self->window));
      height = gtk_widget_get_height (GTK_WIDGET (self->window));
    }

  g_string_append_printf (out, "- Date: %s\n", date);
  if (revision != NULL && *revision != '\0')
    g_string_append_printf (out, "- Revision: %s\n", revision);
  g_string_append_printf (out, "- CPU: %s, %u cores\n", cpu != NULL ? cpu : "?",
                          g_get_num_processors ());
  g_string_append_printf (out, "- RAM: %.1f GiB\n",
                          memory != NULL ? g_ascii_strtoull (memory, NULL, 10) / 1048576.0 : 0);
  g_string_append_printf (out, "- System: Debian %s, Linux %s %s\n",
                          debian != NULL ? debian : "?", system.release, system.machine);
  g_string_append_printf (out, "- Libraries: GTK %u.%u.%u, libadwaita %u.%u.%u, GLib %u.%u.%u, "
                          "libsoup %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version (), adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version (), glib_major_version,
                          glib_minor_version, glib_micro_version, soup_get_major_version (),
                          soup_get_minor_version (), soup_get_micro_version ());
  g_string_append_printf (out, "- Display: X %s (Xvfb under tools/bench), renderer %s, "
                          "accessibility %s, window %d×%d\n",
                          g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : "?", renderer,
                          g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0 ? "off" : "on",
                          width, height);
  g_string_append_printf (out, "- App and server on the same machine, over loopback; the server "
                          "with its default %u threads\n", g_get_num_processors ());
  return g_string_free (out, FALSE);
}


/* The database: made once, copied for each run */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Loading 100,000 users takes the server several seconds; it prints its port once they are
 * stored, so a clean stop right after leaves the finished database. Made under a name of this
 * process and renamed, so that neither an interrupted run nor another one making it at the same
 * time leaves half a database to be reused. */
static void
ensure_database (Bench *self)
{
  g_autofree char *partial = NULL;
  g_autofree char *maildir = NULL;
  g_autofree char *users = g_strdup_printf ("%d", DEMO_USERS);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  GStatBuf status;
  guint16 port = 0;
  gint64 start;

  if (g_stat (self->database, &status) == 0)
    {
      if (status.st_size >= MIN_DATABASE_BYTES)
        return;
      g_printerr ("%s is not a whole database (%" G_GINT64_FORMAT " bytes): making it again\n",
                  self->database, (gint64) status.st_size);
      g_unlink (self->database);
    }

  folder = g_path_get_dirname (self->database);
  g_mkdir_with_parents (folder, 0755);
  partial = g_strdup_printf ("%s.partial-%d", self->database, (int) getpid ());
  maildir = g_strconcat (partial, ".maildir", NULL);

  g_printerr ("Making the database of %d users, once: %s\n", DEMO_USERS, self->database);
  start = g_get_monotonic_time ();
  {
    const char *argv[] = {
      g_getenv ("LICENTIA_SERVER"), "--address", "127.0.0.1", "--port", "0",
      "--database", partial, "--maildir", maildir, "--demo", "--demo-users", users, NULL,
    };

    process = lic_test_spawn_listener (argv, &port);
  }
  g_subprocess_send_signal (process, SIGTERM);
  if (!g_subprocess_wait_check (process, NULL, &error))
    g_error ("licentia-server did not stop cleanly: %s", error->message);
  remove_tree (maildir);
  for (guint i = 0; i < 2; i++)
    {
      const char *suffixes[] = { "-wal", "-shm" };
      g_autofree char *path = g_strconcat (partial, suffixes[i], NULL);

      g_unlink (path);
    }
  if (g_rename (partial, self->database) != 0)
    g_error ("Could not rename %s: %s", partial, g_strerror (errno));
  g_printerr ("Made in %.1f s\n", ms_since (start) / 1000);
}

/* A fresh copy for each run, so that what a run changes (imported users, assignments) never
 * reaches the next. It goes to the temporary folder, not beside the database: there nothing
 * else touches it while the server works on it. */
static void
start_server (Bench *self)
{
  const char *folder = g_get_tmp_dir ();
  g_autofree char *name_template = g_strdup_printf ("bench-run-%d-XXXXXX", (int) getpid ());
  g_autofree char *template = g_build_filename (folder, name_template, NULL);
  g_autofree char *copy = NULL;
  g_autofree char *maildir = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (self->database);
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  GStatBuf status;

  /* What a run that crashed left behind, a copy of 100 MB: the folder of a process that is no
   * more. Another run's, at the same time, stays. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *number;
      char *end = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, "bench-run-"))
        continue;
      number = name + strlen ("bench-run-");
      pid = g_ascii_strtoull (number, &end, 10);
      if (end != number && *end == '-' && pid > 0 && pid < G_MAXINT
          && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *stale = g_build_filename (folder, name, NULL);

          remove_tree (stale);
        }
    }

  self->run_dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (self->run_dir);
  copy = g_build_filename (self->run_dir, "licentia.db", NULL);
  maildir = g_build_filename (self->run_dir, "maildir", NULL);
  destination = g_file_new_for_path (copy);
  if (!g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("Could not copy the database: %s", error->message);
  if (g_stat (copy, &status) != 0 || status.st_size < MIN_DATABASE_BYTES)
    g_error ("The copy of %s is not a whole database: was it changed meanwhile?", self->database);

  /* The last --database given wins: the test server's own empty one is never made. */
  {
    const char *args[] = { "--database", copy, "--maildir", maildir, NULL };

    self->server = lic_test_server_start (args);
  }
}


/* The server's own figures: plain HTTP requests, outside LicClient and its JSON parsing */

static GBytes *
http_request (Bench       *self,
              const char  *method,
              const char  *path,
              const char  *token,
              const char  *body,
              double      *ms)
{
  g_autofree char *url = g_strconcat (lic_test_server_get_url (self->server), "/api/v1", path,
                                      NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *answer;
  gint64 start;

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  start = g_get_monotonic_time ();
  answer = soup_session_send_and_read (self->http, message, NULL, &error);
  if (ms != NULL)
    *ms = ms_since (start);
  if (answer == NULL)
    g_error ("%s %s: %s", method, path, error->message);
  if (soup_message_get_status (message) >= 300)
    g_error ("%s %s: HTTP %u: %.*s", method, path, soup_message_get_status (message),
             (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
  return answer;
}

/* @rounds times, after one request to warm up. */
static GArray *
time_requests (Bench      *self,
               const char *method,
               const char *path,
               const char *token,
               const char *body,
               int         rounds)
{
  GArray *ms = g_array_new (FALSE, FALSE, sizeof (double));

  g_bytes_unref (http_request (self, method, path, token, body, NULL));
  for (int i = 0; i < rounds; i++)
    {
      double one;

      g_bytes_unref (http_request (self, method, path, token, body, &one));
      g_array_append_val (ms, one);
    }
  return ms;
}

static char *
next_cursor_of (GBytes *answer)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                   (gssize) g_bytes_get_size (answer), NULL))
    g_error ("A page of users that is not JSON");
  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (object, "next_cursor", NULL));
}

static char *
users_path (guint       limit,
            const char *q,
            const char *cursor)
{
  GString *path = g_string_new (NULL);

  g_string_printf (path, "/users?limit=%u", limit);

  if (q != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (q, NULL, FALSE);

      g_string_append_printf (path, "&q=%s", escaped);
    }
  if (cursor != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);

      g_string_append_printf (path, "&cursor=%s", escaped);
    }
  return g_string_free (path, FALSE);
}


/* Frames */

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->page_ms != NULL)
    for (; self->pages_painted < self->appended; self->pages_painted++)
      {
        double ms;

        g_assert (self->pages_painted < self->page_requested_at->len);
        ms = (now - g_array_index (self->page_requested_at, gint64, self->pages_painted)) / 1000.0;
        g_array_append_val (self->page_ms, ms);
      }
  if (self->painted_at == 0 && self->ready != NULL && self->ready (self))
    self->painted_at = now;
}

static void
stop_watching_frames (Bench *self)
{
  /* A destroyed window's surface may have disposed of its clock, and of the handler. */
  if (self->frame_clock != NULL
      && g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

/* Each toplevel paints on a frame clock of its own, there once it is realized (presented). */
static void
watch_frames (Bench     *self,
              GtkWidget *window)
{
  stop_watching_frames (self);
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (window));
  self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
}

static void
expect_frame (Bench     *self,
              ReadyFunc  ready)
{
  self->ready = ready;
  self->painted_at = 0;
}

static gboolean
any_frame (Bench *self)
{
  return TRUE;
}

/* Depth first, in template order: the first match is the one nearest the top of the window. */
static GtkWidget *
find_widget (GtkWidget     *root,
             gboolean     (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  GtkWidget *found = find_widget (root, is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_shown_inscription (GtkWidget     *widget,
                      gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

/* A new first page arrived, and its first row is on screen. */
static gboolean
first_page_shown (Bench *self)
{
  g_autoptr(LicUser) first = NULL;

  if (self->replaced == self->replaced_before
      || lic_status_stack_get_status (self->status) != LIC_STATUS_CONTENT
      || g_list_model_get_n_items (G_LIST_MODEL (self->loader)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (self->loader), 0);
  return find_widget (self->column_view, is_shown_inscription, lic_user_get_name (first)) != NULL;
}

static gboolean
search_shown (Bench *self)
{
  return self->search_sent_at != 0 && first_page_shown (self);
}

/* A next page was appended: its rows are laid out below those shown. */
static gboolean
next_page_shown (Bench *self)
{
  return self->appended > self->appended_before;
}

/* Connected after the view's selection model, so this runs once GtkColumnView has dealt with
 * the change. */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Bench      *self)
{
  if (position == 0)
    {
      self->replaced++;
      if (self->replaced_at == 0)
        self->replaced_at = g_get_monotonic_time ();
    }
  else
    self->appended++;
}

/* A hook runs before every handler: here, when the loader's list starts to change, before
 * GtkColumnView (through the selection model) makes its rows. */
static gboolean
items_changing_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  Bench *self = user_data;

  if (g_value_get_object (&values[0]) == (gpointer) self->loader
      && g_value_get_uint (&values[1]) == 0 && self->replacing_at == 0)
    self->replacing_at = g_get_monotonic_time ();
  return TRUE;
}

/* When LicClient asks for a page of users: libsoup queues each request as it is made. Only the
 * app's sessions count, not the one that measures the server. */
static gboolean
request_queued_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  Bench *self = user_data;
  GUri *uri = soup_message_get_uri (g_value_get_object (&values[1]));
  const char *query = g_uri_get_query (uri);
  gint64 now = g_get_monotonic_time ();

  if (g_value_get_object (&values[0]) == (gpointer) self->http
      || g_strcmp0 (g_uri_get_path (uri), "/api/v1/users") != 0)
    return TRUE;
  if (query != NULL && strstr (query, "cursor=") != NULL)
    {
      if (self->page_requested_at != NULL)
        g_array_append_val (self->page_requested_at, now);
    }
  else if (self->users_requested_at == 0)
    self->users_requested_at = now;
  return TRUE;
}

/* The search entry says so once the typist paused (its search delay); the view reloads in a
 * handler of this signal, so a hook, which runs before every handler, sees it first. */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  Bench *self = user_data;

  if (g_value_get_object (&values[0]) == (gpointer) self->search_entry)
    self->search_sent_at = g_get_monotonic_time ();
  return TRUE;
}

static void
watch_users_view (Bench     *self,
                  LicWindow *window)
{
  GtkWidget *users = find_of_type (GTK_WIDGET (window), LIC_TYPE_USERS_VIEW);
  GtkSelectionModel *selection;
  g_autoptr(GListModel) model = NULL;

  self->window = window;
  self->search_entry = find_of_type (users, GTK_TYPE_SEARCH_ENTRY);
  self->column_view = find_of_type (users, GTK_TYPE_COLUMN_VIEW);
  self->status = LIC_STATUS_STACK (gtk_widget_get_ancestor (self->column_view,
                                                            LIC_TYPE_STATUS_STACK));
  self->vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (self->column_view, GTK_TYPE_SCROLLED_WINDOW)));
  /* Whichever selection model the view uses, its "model" is the loader. */
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (self->column_view));
  g_object_get (selection, "model", &model, NULL);
  g_assert_true (LIC_IS_LIST_LOADER (model));
  self->loader = LIC_LIST_LOADER (model);
  self->replaced = self->replaced_before = 0;
  self->appended = self->appended_before = 0;
  g_signal_connect (self->loader, "items-changed", G_CALLBACK (items_changed_cb), self);
  watch_frames (self, GTK_WIDGET (window));
}


/* 1. Sign-in to the first page of Users shown */

/* The parts of one load, in ms. */
typedef struct
{
  GArray *total;
  GArray *request;              /* GET /users asked → its page in the list model */
  GArray *rows;                 /* the list's "items-changed": GtkColumnView makes its rows */
  GArray *paint;                /* rows made → the frame that shows them */
} Parts;

static void
parts_init (Parts *parts)
{
  parts->total = g_array_new (FALSE, FALSE, sizeof (double));
  parts->request = g_array_new (FALSE, FALSE, sizeof (double));
  parts->rows = g_array_new (FALSE, FALSE, sizeof (double));
  parts->paint = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
parts_clear (Parts *parts)
{
  g_clear_pointer (&parts->total, g_array_unref);
  g_clear_pointer (&parts->request, g_array_unref);
  g_clear_pointer (&parts->rows, g_array_unref);
  g_clear_pointer (&parts->paint, g_array_unref);
}

static void
append_ms (GArray *array,
           gint64  from,
           gint64  to)
{
  double ms = (to - from) / 1000.0;

  g_array_append_val (array, ms);
}

static void
parts_add (Bench *self,
           Parts *parts,
           gint64 start)
{
  g_assert (start <= self->users_requested_at
            && self->users_requested_at <= self->replacing_at
            && self->replacing_at <= self->replaced_at
            && self->replaced_at <= self->painted_at);
  append_ms (parts->total, start, self->painted_at);
  append_ms (parts->request, self->users_requested_at, self->replacing_at);
  append_ms (parts->rows, self->replacing_at, self->replaced_at);
  append_ms (parts->paint, self->replaced_at, self->painted_at);
}

/* The rows of the three parts after the request, under a load's total. */
static void
add_parts (Bench *self,
           Parts *parts)
{
  add_samples (self, "· of which: GET /users asked → page in the list model", parts->request, 0);
  add_samples (self, "· of which: GtkColumnView making the rows (\"items-changed\")",
               parts->rows, 0);
  add_samples (self, "· of which: rows made → painted (next frame)", parts->paint, 0);
}

static void
reset_marks (Bench *self)
{
  self->replaced_before = self->replaced;
  self->search_sent_at = 0;
  self->users_requested_at = 0;
  self->replacing_at = 0;
  self->replaced_at = 0;
}

/* As the app goes: the sign-in window is up, the admin signs in, and the main window takes its
 * place on the Users view (lic-application.c, show_main_window()). The time runs from the
 * request to the frame that shows the first page. */
static void
sign_in_round (Bench    *self,
               Parts    *parts,
               GArray   *signing_in,
               GArray   *making_window,
               gboolean  keep_window)
{
  GtkWindow *sign_in = GTK_WINDOW (lic_sign_in_window_new (self->application));
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (self->server));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LicWindow *window;
  gint64 start, signed_in;

  gtk_window_present (sign_in);
  watch_frames (self, GTK_WIDGET (sign_in));
  expect_frame (self, any_frame);
  WAIT_UNTIL (self->painted_at != 0, "the sign-in window");

  reset_marks (self);
  start = g_get_monotonic_time ();
  lic_client_sign_in_async (client, USERNAME, PASSWORD, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "signing in");
  if (!lic_client_sign_in_finish (client, result, &error))
    g_error ("Could not sign in as %s: %s", USERNAME, error->message);
  signed_in = g_get_monotonic_time ();

  window = lic_window_new (self->application, client);
  lic_window_set_visible_view (window, "users");
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (sign_in);
  watch_users_view (self, window);
  expect_frame (self, first_page_shown);
  WAIT_UNTIL (self->painted_at != 0, "the first page of users");
  parts_add (self, parts, start);
  append_ms (signing_in, start, signed_in);
  append_ms (making_window, signed_in, self->users_requested_at);

  if (self->first_page_memory.rss_kb == 0)
    memory_now (&self->first_page_memory);
  if (!keep_window)
    {
      stop_watching_frames (self);
      gtk_window_destroy (GTK_WINDOW (window));
      self->window = NULL;
    }
}

static void
bench_sign_in (Bench *self)
{
  Parts parts;
  g_autoptr(GArray) signing_in = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) making_window = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *first = NULL;

  g_printerr ("Sign-in to the first page of Users, %d rounds\n", self->sign_in_rounds);
  parts_init (&parts);
  for (int i = 0; i < self->sign_in_rounds; i++)
    sign_in_round (self, &parts, signing_in, making_window, i + 1 == self->sign_in_rounds);

  add_section (self, "Sign-in → first page of Users shown");
  add_samples (self, "sign-in request → first page painted", parts.total, TARGET_FIRST_PAGE_MS);
  first = format_ms (g_array_index (parts.total, double, 0));
  add_value (self, "the first round alone (the process's first main window)", first, NULL, NULL);
  add_samples (self, "· of which: POST /session through LicClient", signing_in, 0);
  add_samples (self, "· of which: LicWindow made and shown until GET /users is asked",
               making_window, 0);
  add_parts (self, &parts);
  parts_clear (&parts);
}


/* 2. A search keystroke to the updated list */

/* Appends @key as a keystroke does, or with a NULL @key empties the entry (which searches at
 * once, no delay). Not gtk_editable_set_text(): GTK 4.8 deletes the old text first, and the
 * search entry then searches for the empty text at once, as no typist would. */
static void
type_search (Bench      *self,
             const char *key,
             Parts      *parts,
             GArray     *keyed_ms)
{
  GtkEditable *editable = GTK_EDITABLE (self->search_entry);
  gint64 keyed;
  double ms;

  reset_marks (self);
  expect_frame (self, search_shown);
  keyed = g_get_monotonic_time ();
  if (key != NULL)
    {
      int position = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);

      gtk_editable_insert_text (editable, key, -1, &position);
    }
  else
    gtk_editable_delete_text (editable, 0, -1);
  WAIT_UNTIL (self->painted_at != 0, "the list searched for");
  if (parts == NULL)
    return;
  parts_add (self, parts, self->search_sent_at);
  ms = (self->painted_at - keyed) / 1000.0;
  g_array_append_val (keyed_ms, ms);
}

static void
bench_search (Bench       *self,
              const char  *token)
{
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (double));
  Parts parts;
  g_autoptr(GArray) server_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) client_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (self->server));
  g_autoptr(GAsyncResult) result = NULL;
  guint hook;

  g_printerr ("Search, %d rounds of %d keystrokes\n", self->search_rounds, SEARCH_KEYS);
  parts_init (&parts);
  hook = g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY),
                                     0, search_changed_hook, self, NULL);
  for (int round = 0; round < self->search_rounds; round++)
    {
      for (guint k = 0; k < SEARCH_KEYS; k++)
        {
          char key[2] = { SEARCH_WORD[k], '\0' };

          type_search (self, key, &parts, keyed);
        }
      /* An empty search goes at once: back to everyone. */
      type_search (self, NULL, NULL, NULL);
    }
  g_signal_remove_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), hook);

  /* The same requests, from outside the window: the server (and loopback) alone, then
   * LicClient with its JSON parsing, as the view's loader calls it. */
  lic_client_sign_in_async (client, USERNAME, PASSWORD, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "signing in");
  g_assert_true (lic_client_sign_in_finish (client, result, NULL));
  for (guint k = 1; k <= SEARCH_KEYS; k++)
    {
      g_autofree char *text = g_strndup (SEARCH_WORD, k);
      g_autofree char *path = users_path (LIC_LIST_LOADER_PAGE_SIZE, text, NULL);
      g_autoptr(GArray) ms = time_requests (self, "GET", path, token, NULL, self->search_rounds);
      g_autoptr(LicUserQuery) query = lic_user_query_new (text);

      g_array_append_vals (server_ms, ms->data, ms->len);
      for (int round = 0; round < self->search_rounds; round++)
        {
          g_autoptr(GAsyncResult) page_result = NULL;
          g_autoptr(GListModel) page = NULL;
          gint64 start = g_get_monotonic_time ();
          double one;

          lic_client_list_users_async (client, query, NULL, LIC_LIST_LOADER_PAGE_SIZE, NULL,
                                       store_result, &page_result);
          WAIT_UNTIL (page_result != NULL, "a page of users");
          page = lic_client_list_users_finish (client, page_result, NULL, NULL);
          one = ms_since (start);
          g_assert_nonnull (page);
          g_array_append_val (client_ms, one);
        }
    }

  add_section (self, "Search keystroke → updated list (q = m, ma, … magnus)");
  add_samples (self, "(a) server: GET /users?q=…&limit=" APP_PAGE " over HTTP", server_ms, 0);
  add_samples (self, "(a′) the same through LicClient (HTTP + JSON → LicUser)", client_ms,
               0);
  add_samples (self, "(b) search sent → updated list painted", parts.total, TARGET_SEARCH_MS);
  add_parts (self, &parts);
  add_samples (self, "(c) keystroke → updated list painted (incl. the 250 ms search delay)",
               keyed, 0);
  parts_clear (&parts);
}


/* 3. Scrolling the whole list */

static void
bench_scroll (Bench *self)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *total_text = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *peak_text = NULL;
  g_autofree char *figure = NULL;
  Memory scrolled;
  guint n_items;
  gint64 start;
  double total;
  double peak;

  g_printerr ("Scrolling the whole list\n");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (self->loader)), ==,
                    LIC_LIST_LOADER_PAGE_SIZE);
  self->page_requested_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  self->appended = self->pages_painted = 0;
  start = g_get_monotonic_time ();
  while (!lic_list_loader_get_complete (self->loader)
         && (self->scroll_pages == 0 || (int) self->appended < self->scroll_pages))
    {
      gint64 asked;
      double one;

      self->appended_before = self->appended;
      expect_frame (self, next_page_shown);
      asked = g_get_monotonic_time ();
      /* To the bottom, as a dragged scrollbar would: the loader asks for the next page, unless
       * it has asked already. */
      gtk_adjustment_set_value (self->vadjustment,
                                gtk_adjustment_get_upper (self->vadjustment)
                                - gtk_adjustment_get_page_size (self->vadjustment));
      WAIT_UNTIL (self->painted_at != 0, "the next page of users");
      one = (self->painted_at - asked) / 1000.0;
      g_array_append_val (steps, one);
      if (self->appended / 100 != self->appended_before / 100)
        g_printerr ("  %u pages, %u users\n", self->appended,
                    g_list_model_get_n_items (G_LIST_MODEL (self->loader)));
    }
  WAIT_UNTIL (self->pages_painted == self->appended, "the last pages painted");
  total = ms_since (start);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->loader));

  add_section (self, "Scrolling the whole list");
  figure = g_strdup_printf ("a next page (%d rows): GET /users?cursor= asked → painted",
                            LIC_LIST_LOADER_PAGE_SIZE);
  add_samples (self, figure, self->page_ms, 0);
  add_samples (self, "scrolled to the bottom → new rows painted", steps, 0);
  g_clear_pointer (&figure, g_free);
  total_text = format_ms (total);
  figure = g_strdup_printf ("all %u users: %u pages after the first, in %u scrolls", n_items,
                            self->appended, steps->len);
  add_value (self, figure, total_text, NULL, NULL);
  rate = g_strdup_printf ("%.0f pages/s", self->appended / (total / 1000));
  add_value (self, "pages per second", rate, NULL, NULL);
  g_clear_pointer (&self->page_requested_at, g_array_unref);
  g_clear_pointer (&self->page_ms, g_array_unref);
  g_clear_pointer (&figure, g_free);

  add_section (self, "Memory of the app (this process: the app's code, one window)");
  memory_now (&scrolled);
  figure = g_strdup_printf ("with all %u users loaded", n_items);
  add_memory (self, "at the first page of Users shown", &self->first_page_memory);
  add_memory (self, figure, &scrolled);
  peak = rss_peak_kb () / 1024.0;
  peak_text = g_strdup_printf ("%.0f MB", peak);
  add_value (self, "peak RSS (getrusage ru_maxrss)", peak_text, "< 150 MB",
             verdict (peak, TARGET_RSS_MB));
}


/* 4. Server figures */

static void
bench_server (Bench      *self,
              const char *token)
{
  g_autoptr(GArray) session = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) deep = NULL;
  g_autoptr(GArray) search = NULL;
  g_autoptr(GArray) schools = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *deep_path = NULL;
  g_autofree char *search_path = users_path (LIC_LIST_LOADER_PAGE_SIZE, "ma", NULL);
  g_autofree char *first_path = users_path (LIC_LIST_LOADER_PAGE_SIZE, NULL, NULL);
  const char *credentials = "{\"username\": \"" USERNAME "\", \"password\": \"" PASSWORD "\"}";

  g_printerr ("Server figures\n");
  session = time_requests (self, "POST", "/session", NULL, credentials, self->server_rounds);
  first = time_requests (self, "GET", first_path, token, NULL, self->server_rounds);
  search = time_requests (self, "GET", search_path, token, NULL, self->server_rounds);
  schools = time_requests (self, "GET", "/schools?limit=200", token, NULL, self->server_rounds);

  /* Cursors are opaque: follow them to row 90,000. */
  for (int i = 0; i < DEEP_PAGES; i++)
    {
      g_autofree char *path = users_path (200, NULL, cursor);
      g_autoptr(GBytes) answer = http_request (self, "GET", path, token, NULL, NULL);

      g_free (cursor);
      cursor = next_cursor_of (answer);
      g_assert_nonnull (cursor);
    }
  deep_path = users_path (LIC_LIST_LOADER_PAGE_SIZE, NULL, cursor);
  deep = time_requests (self, "GET", deep_path, token, NULL, self->server_rounds);

  add_section (self, "Server (HTTP over loopback, limit=" APP_PAGE " as the app asks)");
  add_samples (self, "POST /session (argon2id password check)", session, 0);
  add_samples (self, "GET /users, first page", first, 0);
  add_samples (self, "GET /users, a deep page (cursor at row 90,000)", deep, 0);
  add_samples (self, "GET /users?q=ma", search, 0);
  add_samples (self, "GET /schools (200 schools; the view's filter)", schools, 0);
}


/* 5. Bulk-assigning 10,000 users */

typedef struct
{
  gint64 pool_id;
  GArray *user_ids;           /* of gint64 */
  double import_ms;
  double checkout_ms;
} Bulk;

static LicClient *
signed_in_client (Bench *self)
{
  LicClient *client = lic_client_new (lic_test_server_get_url (self->server));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_sign_in_async (client, USERNAME, PASSWORD, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "signing in");
  if (!lic_client_sign_in_finish (client, result, &error))
    g_error ("Could not sign in: %s", error->message);
  return client;
}

static gint64
product_id_named (LicClient  *client,
                  const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_list_products_async (client, NULL, NULL, 200, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the products");
  products = lic_client_list_products_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(LicProduct) product = g_list_model_get_item (products, i);

      if (g_str_equal (lic_product_get_name (product), name))
        return lic_product_get_id (product);
    }
  g_error ("No product %s in the library", name);
}

/* Through the API, as an admin would: import 10,000 pupils into one school and buy a direct
 * line of 10,000 licenses for it (the demo's schools have about 500 people each). */
static void
set_up_bulk (Bench     *self,
             LicClient *client,
             Bulk      *bulk)
{
  gsize n_schools = 0;
  gint64 school_id = lic_client_get_school_ids (client, &n_schools)[0];
  gint64 product_id = product_id_named (client, BULK_PRODUCT);
  g_autoptr(GString) csv = g_string_new ("username,name,email,role,school_id,groups\n");
  g_autoptr(GBytes) csv_bytes = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LicUserQuery) query = lic_user_query_new ("benchmark");
  g_autoptr(GListModel) users = NULL;
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(LicProduct) product = NULL;
  g_autofree char *key = g_uuid_string_random ();
  gint64 created = 0;
  gint64 start;

  for (guint i = 1; i <= BULK_USERS; i++)
    g_string_append_printf (csv, "bench.pupil.%05u,Benchmark Pupil %05u,,student,%"
                            G_GINT64_FORMAT ",\n", i, i, school_id);
  csv_bytes = g_bytes_new (csv->str, csv->len);
  start = g_get_monotonic_time ();
  lic_client_import_users_async (client, csv_bytes, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the import");
  if (!lic_client_import_users_finish (client, result, &created, NULL, NULL, NULL, &error))
    g_error ("The import failed: %s", error->message);
  bulk->import_ms = ms_since (start);
  g_assert_cmpint (created, ==, BULK_USERS);
  g_clear_object (&result);

  query->school_id = school_id;
  lic_client_list_all_users_async (client, query, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the imported users");
  users = lic_client_list_all_users_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, BULK_USERS);
  bulk->user_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), BULK_USERS);
  for (guint i = 0; i < BULK_USERS; i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (users, i);
      gint64 id = lic_user_get_id (user);

      g_array_append_val (bulk->user_ids, id);
    }
  g_clear_object (&result);

  lic_client_add_cart_line_async (client, product_id, school_id, BULK_USERS, NULL, NULL, NULL,
                                  store_result, &result);
  WAIT_UNTIL (result != NULL, "the cart line");
  line = lic_client_add_cart_line_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  lic_client_get_cart_async (client, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the cart");
  cart = lic_client_get_cart_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  start = g_get_monotonic_time ();
  lic_client_checkout_async (client, key, lic_cart_get_total (cart), NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the checkout");
  order = lic_client_checkout_finish (client, result, &error);
  g_assert_no_error (error);
  bulk->checkout_ms = ms_since (start);
  g_clear_object (&result);

  /* The pool the line's licenses went to. */
  lic_client_get_product_async (client, product_id, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the product's pools");
  product = lic_client_get_product_finish (client, result, &schools, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(LicProductSchool) school = g_list_model_get_item (schools, i);

      if (lic_product_school_get_school_id (school) == school_id)
        {
          bulk->pool_id = lic_product_school_get_pool_id (school);
          g_assert_cmpint (lic_product_school_get_available (school)
                           - lic_product_school_get_assigned (school), >=, BULK_USERS);
        }
    }
  g_assert_cmpint (bulk->pool_id, >, 0);
}

static char *
user_ids_body (GArray *user_ids)
{
  GString *body = g_string_new ("{\"user_ids\": [");

  for (guint i = 0; i < user_ids->len; i++)
    g_string_append_printf (body, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (user_ids, gint64, i));
  g_string_append (body, "]}");
  return g_string_free (body, FALSE);
}

static void
bench_bulk_assign (Bench *self)
{
  g_autoptr(LicClient) client = signed_in_client (self);
  g_autoptr(GArray) assign = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unassign = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_assign = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_unassign = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *import_text = NULL;
  g_autofree char *checkout_text = NULL;
  Bulk bulk = { 0 };

  g_printerr ("Bulk-assigning %d users, %d rounds\n", BULK_USERS, self->assign_rounds);
  set_up_bulk (self, client, &bulk);
  body = user_ids_body (bulk.user_ids);
  path = g_strdup_printf ("/pools/%" G_GINT64_FORMAT "/assignments", bulk.pool_id);

  for (int round = 0; round < self->assign_rounds; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(LicPool) pool = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) answer = NULL;
      gint64 done = 0;
      gint64 start;
      double one;

      start = g_get_monotonic_time ();
      lic_client_assign_async (client, bulk.pool_id, (const gint64 *) bulk.user_ids->data,
                               bulk.user_ids->len, NULL, 0, NULL, NULL, store_result, &result);
      WAIT_UNTIL (result != NULL, "the assignment");
      pool = lic_client_assign_finish (client, result, &done, NULL, &error);
      one = ms_since (start);
      g_assert_no_error (error);
      g_assert_cmpint (done, ==, BULK_USERS);
      g_array_append_val (assign, one);
      g_clear_object (&result);
      g_clear_object (&pool);

      start = g_get_monotonic_time ();
      lic_client_unassign_async (client, bulk.pool_id, (const gint64 *) bulk.user_ids->data,
                                 bulk.user_ids->len, NULL, store_result, &result);
      WAIT_UNTIL (result != NULL, "the unassignment");
      pool = lic_client_unassign_finish (client, result, &done, &error);
      one = ms_since (start);
      g_assert_no_error (error);
      g_assert_cmpint (done, ==, BULK_USERS);
      g_array_append_val (unassign, one);

      /* The same bodies, made once, over plain HTTP: the server's part. */
      answer = http_request (self, "POST", path, lic_client_get_token (client), body, &one);
      g_array_append_val (raw_assign, one);
      g_clear_pointer (&answer, g_bytes_unref);
      answer = http_request (self, "DELETE", path, lic_client_get_token (client), body, &one);
      g_array_append_val (raw_unassign, one);
    }

  add_section (self, "Bulk-assigning 10,000 users (one pool, one request)");
  add_samples (self, "LicClient assign of 10,000 user ids (request → answer parsed)", assign,
               TARGET_ASSIGN_MS);
  add_samples (self, "LicClient unassign of the same", unassign, 0);
  add_samples (self, "server: POST /pools/{id}/assignments, body made beforehand", raw_assign, 0);
  add_samples (self, "server: DELETE /pools/{id}/assignments", raw_unassign, 0);
  import_text = format_ms (bulk.import_ms);
  add_value (self, "setup: POST /users/import of 10,000 pupils (LicClient)", import_text, NULL,
             NULL);
  checkout_text = format_ms (bulk.checkout_ms);
  add_value (self, "setup: checkout of a direct line of 10,000 licenses", checkout_text, NULL,
             NULL);
  g_array_unref (bulk.user_ids);
}


static void
write_results (Bench *self)
{
  g_autofree char *machine = machine_text (self);
  g_autofree char *text = text_table (self);
  g_autofree char *markdown = markdown_table (self);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) document = g_string_new ("# Licentia benchmark: Users with 100,001 users\n\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->notes->len; i++)
    g_string_append_printf (notes, "- %s\n", (const char *) g_ptr_array_index (self->notes, i));

  g_print ("\n%s\n%s\n%s", machine, text, notes->str);

  g_string_append_printf (document, "%s\n%s\n%s", machine, markdown, notes->str);
  if (!g_file_set_contents (self->output, document->str, (gssize) document->len, &error))
    g_error ("Could not write %s: %s", self->output, error->message);
  g_print ("\nWritten to %s\n", self->output);
}

static void
add_notes (Bench *self)
{
  add_note (self, "Medians are compared with the targets; p90 and max show the spread.");
  add_note (self, "Times end at the frame clock's \"after-paint\" of the first frame that has "
            "the new rows (their cells mapped, with their text).");
  add_note (self, "Search: the target is compared with (b), from the search being sent (the "
            "entry's \"search-changed\") to the updated list painted. (c) adds the view's "
            "deliberate wait for the typist to pause (SEARCH_DELAY_MS = 250 in "
            "lic-users-view.c), so it cannot be under 100 ms by design.");
  add_note (self, "RSS is this process's: the app's own code (LicApplication, LicSignInWindow, "
            "LicWindow, LicClient) and the benchmark's bookkeeping, after %d sign-ins (windows "
            "made and destroyed) and the searches.", self->sign_in_rounds);
  add_note (self, "Renderer: %s, as tools/run-demo and the UI tests run the app on this "
            "machine; GSK_RENDERER=gl tools/bench measures GL (llvmpipe here, no GPU).",
            g_getenv ("GSK_RENDERER"));
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = {
    .sign_in_rounds = 10, .search_rounds = 4, .assign_rounds = 5, .server_rounds = 20,
  };
  Bench *self = &bench;
  g_autoptr(GSubprocess) keyring = NULL;
  const GOptionEntry entries[] = {
    { "sign-in-rounds", 0, 0, G_OPTION_ARG_INT, &bench.sign_in_rounds,
      "Sign-ins measured (default 10)", "N" },
    { "search-rounds", 0, 0, G_OPTION_ARG_INT, &bench.search_rounds,
      "Times the search word is typed (default 4)", "N" },
    { "assign-rounds", 0, 0, G_OPTION_ARG_INT, &bench.assign_rounds,
      "Bulk assignments measured (default 5)", "N" },
    { "server-rounds", 0, 0, G_OPTION_ARG_INT, &bench.server_rounds,
      "Requests measured for each server figure (default 20)", "N" },
    { "scroll-pages", 0, 0, G_OPTION_ARG_INT, &bench.scroll_pages,
      "Stop scrolling after N pages (default: the whole list)", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &bench.database,
      "The database of 100,000 users, made if missing (default: in the build folder)", "PATH" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &bench.output,
      "Where the Markdown results go (default: results.md in the build folder)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the Users benchmark of issue 5");
  g_autoptr(GError) error = NULL;
  g_autoptr(LicClient) client = NULL;

  /* Runs from the build folder as it is; the environment may say otherwise. */
  g_setenv ("LICENTIA_SERVER", BENCH_SERVER, FALSE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  /* As the UI tests: the cairo renderer, the one that suits Xvfb (no GPU). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (bench.sign_in_rounds < 1 || bench.search_rounds < 1 || bench.assign_rounds < 1
      || bench.server_rounds < 1 || bench.scroll_pages < 0)
    {
      g_printerr ("Rounds must be at least 1\n");
      return 2;
    }
  if (bench.database == NULL)
    bench.database = g_strdup_printf ("%s/users-%d.db", BENCH_DIR, DEMO_USERS);
  if (bench.output == NULL)
    bench.output = g_build_filename (BENCH_DIR, "results.md", NULL);
  bench.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  bench.notes = g_ptr_array_new_with_free_func (g_free);

  gtk_init ();
  /* The session signed in is kept in a keyring: the tests' own, so that no keyring of the
   * machine is touched or prompts for a password. */
  keyring = lic_test_keyring_start ();
  /* The app itself, as main.c makes it, but not unique: another Licentia on the same session
   * bus must not take the windows. Registering runs its startup (libadwaita, style.css). */
  bench.application = GTK_APPLICATION (lic_application_new ());
  g_application_set_flags (G_APPLICATION (bench.application),
                           g_application_get_flags (G_APPLICATION (bench.application))
                           | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (bench.application), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  ensure_database (self);
  start_server (self);
  bench.http = soup_session_new ();
  g_signal_add_emission_hook (g_signal_lookup ("request-queued", SOUP_TYPE_SESSION), 0,
                              request_queued_hook, self, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                              items_changing_hook, self, NULL);

  bench_sign_in (self);
  client = signed_in_client (self);
  bench_search (self, lic_client_get_token (client));
  bench_scroll (self);
  bench_server (self, lic_client_get_token (client));
  bench_bulk_assign (self);
  add_notes (self);
  write_results (self);

  stop_watching_frames (self);
  if (bench.window != NULL)
    gtk_window_destroy (GTK_WINDOW (bench.window));
  g_clear_object (&bench.http);
  g_clear_pointer (&bench.server, lic_test_server_stop);
  remove_tree (bench.run_dir);
  g_free (bench.run_dir);
  g_clear_object (&bench.application);
  g_ptr_array_unref (bench.rows);
  g_ptr_array_unref (bench.notes);
  g_free (bench.database);
  g_free (bench.output);
  return 0;
}
