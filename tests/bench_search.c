/*
 * Benchmark: keys in the search box on registers of any size.
 *
 *   bench_search REGISTER...
 *
 * On each register (made by bench_browse) opens the main screen exactly as
 * htx does, rendered into memory, and types each query of a list key by key
 * ("/", the letters, Enter, then "/" and Esc to clear it), timing every key
 * until the screen is drawn.  Prints p50 and p95 per query and for Enter
 * and Esc, in milliseconds.  Figures, not pass/fail: machines differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "registry.h"
#include "view.h"
#include "views.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double timed_key(tui_app *app, tui_canvas *canvas, int k)
{
    double t0 = now();
    tui_event e = {.type = EV_KEY, .key = k};
    app_dispatch(app, &e);
    app_render(app, canvas);
    return (now() - t0) * 1e3;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    int i = (int)(p * (n - 1) + 0.5);
    return n > 0 ? v[i] : 0;
}

static const char *const queries[] = {
    "a", "x", "thuong", "hop tac xa", "may tre", "HTX mây tre đan Bát Tràng 1", "thuy xuan tien", "zz", "0100",
};
#define QUERIES (sizeof queries / sizeof queries[0])

static void measure(const char *path)
{
    htx_store *s;
    htx_error err;
    if (htx_store_open(path, HTX_OPEN_EXISTING, &s, &err) != HTX_OK) {
        fprintf(stderr, "bench: cannot open %s\n", path);
        exit(1);
    }
    tui_app app;
    app_init(&app, s, HTX_LANG_VI, path);
    tui_canvas canvas;
    canvas_init(&canvas, 120, 40);
    app_push(&app, view_main_new(&app, NULL, NULL));
    app_render(&app, &canvas);
    timed_key(&app, &canvas, TK_TAB);
    printf("%s\n  %-30s %8s %8s %8s\n", path, "query", "p50", "p95", "max");
    double enter[QUERIES], esc[QUERIES];
    for (size_t q = 0; q < QUERIES; q++) {
        double keys[128];
        int n = 0;
        timed_key(&app, &canvas, '/');
        /* whole UTF-8 characters, as the terminal delivers them */
        for (const char *p = queries[q]; *p && n < 128;) {
            int len = 1;
            unsigned char c = (unsigned char)*p;
            int cp = c;
            if (c >= 0xF0) len = 4, cp = c & 7;
            else if (c >= 0xE0) len = 3, cp = c & 15;
            else if (c >= 0xC0) len = 2, cp = c & 31;
            for (int i = 1; i < len; i++)
                cp = (cp << 6) | (p[i] & 63);
            keys[n++] = timed_key(&app, &canvas, cp);
            p += len;
        }
        enter[q] = timed_key(&app, &canvas, TK_ENTER);
        timed_key(&app, &canvas, '/');
        esc[q] = timed_key(&app, &canvas, TK_ESCAPE);
        double worst = 0;
        for (int i = 0; i < n; i++)
            worst = keys[i] > worst ? keys[i] : worst;
        printf("  %-30s %8.1f %8.1f %8.1f\n", queries[q], percentile(keys, n, 0.5), percentile(keys, n, 0.95),
               worst);
    }
    printf("  %-30s %8.1f %8.1f\n", "Enter", percentile(enter, QUERIES, 0.5), percentile(enter, QUERIES, 0.95));
    printf("  %-30s %8.1f %8.1f\n", "Esc", percentile(esc, QUERIES, 0.5), percentile(esc, QUERIES, 0.95));
    canvas_free(&canvas);
    app_free(&app);
    htx_store_close(s);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        measure(argv[i]);
    return 0;
}
