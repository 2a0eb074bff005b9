/*
 * Benchmark: the first screen and key presses on a large register.
 *
 *   bench_browse [ROWS] [DIR]
 *
 * Generates (once, kept in DIR) a small register of 10,000 and a large one
 * of ROWS cooperatives (default 1,000,000), then on each opens the main
 * screen exactly as htx does — rendered into memory, no terminal — and
 * times the first screen, paging, jumping to the end, and an incremental
 * search, printing the figures and the large/small ratios.  Memory is the
 * process's peak resident size, measured in a child process per register so
 * one does not hide the other.  Figures, not pass/fail: machines differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commune.h"
#include "refdata.h"
#include "registry.h"
#include "view.h"
#include "views.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static const char *const activities[] = {
    "gốm sứ", "mây tre đan", "dịch vụ vận tải", "thương mại dịch vụ", "xây dựng", "cơ khí",
    "dệt may", "sơn mài", "môi trường", "dịch vụ tổng hợp", "điện năng", "chế biến nông sản",
};
static const char *const places[] = {
    "Đông Anh", "Phú Nghĩa", "Bát Tràng", "Ước Lễ", "Hồng Thái", "Thanh Hà", "Ứng Thiên", "Đại Áng",
    "Vân Nội", "Tân Hội", "Liên Hà", "Quảng Bá", "Đồng Quang", "Thủy Xuân Tiên", "Nhị Khê", "Hữu Bằng",
};

static void generate(const char *path, long rows)
{
    htx_store *s;
    htx_error err;
    if (htx_store_open(path, HTX_OPEN_CREATE_NEW, &s, &err) != HTX_OK) {
        fprintf(stderr, "bench: cannot create %s\n", path);
        exit(1);
    }
    double t0 = now();
    uint64_t seed = 2020;
    htx_store_begin(s, &err);
    static htx_coop c;
    long stem = 10000000;
    for (long i = 0; i < rows; i++) {
        htx_coop_init(&c);
        char nine[24];
        int check;
        do {
            snprintf(nine, sizeof nine, "%09ld", stem++);
            check = htx_code_check_digit(nine);
        } while (check < 0);
        snprintf(c.code, sizeof c.code, "%.9s%c", nine, (char)('0' + check));
        uint64_t r = next_random(&seed);
        snprintf(c.name, sizeof c.name, "HTX %s %s %ld", activities[r % 12], places[(r >> 8) % 16], i);
        snprintf(c.district, sizeof c.district, "%s", HTX_DISTRICTS[(r >> 16) % HTX_DISTRICT_COUNT].code);
        snprintf(c.sector, sizeof c.sector, "%s", HTX_SECTORS[(r >> 24) % 5].code);
        snprintf(c.founded, sizeof c.founded, "%04d-%02d-%02d", 1980 + (int)((r >> 32) % 41),
                 1 + (int)((r >> 40) % 12), 1 + (int)((r >> 44) % 28));
        c.members = (int64_t)((r >> 48) % 300);
        /* a unit of 2025 formed from the district, for the panel's counts by unit */
        const htx_commune *units[HTX_COMMUNE_LIMIT];
        int n = 0;
        for (size_t u = 0; u < HTX_COMMUNE_COUNT; u++)
            if (htx_commune_in_district(&HTX_COMMUNES[u], c.district))
                units[n++] = &HTX_COMMUNES[u];
        if (n > 0)
            snprintf(c.commune, sizeof c.commune, "%s", units[(r >> 56) % (uint64_t)n]->name);
        if (htx_coop_insert_in_tx(s, &c, "bench", &err) != HTX_OK) {
            fprintf(stderr, "bench: insert failed at row %ld\n", i);
            exit(1);
        }
    }
    htx_store_commit(s, &err);
    htx_store_close(s);
    printf("generated %ld rows in %.1f s\n", rows, now() - t0);
}

static void key(tui_app *app, tui_canvas *canvas, int k)
{
    tui_event e = {.type = EV_KEY, .key = k};
    app_dispatch(app, &e);
    app_render(app, canvas);
}

/* Runs the measurements on one register; prints "label value" lines. */
static void measure(const char *path)
{
    double t0 = now();
    htx_store *s;
    htx_error err;
    if (htx_store_open(path, HTX_OPEN_EXISTING, &s, &err) != HTX_OK)
        exit(1);
    tui_app app;
    app_init(&app, s, HTX_LANG_VI, path);
    tui_canvas canvas;
    canvas_init(&canvas, 120, 40);
    app_push(&app, view_main_new(&app, NULL, NULL));
    app_render(&app, &canvas);
    double first = now() - t0;

    t0 = now();
    key(&app, &canvas, TK_TAB);
    for (int i = 0; i < 50; i++)
        key(&app, &canvas, TK_PAGE_DOWN);
    double page = (now() - t0) / 50;

    t0 = now();
    key(&app, &canvas, TK_END);
    double end = now() - t0;

    t0 = now();
    key(&app, &canvas, TK_HOME);
    double home = now() - t0;

    /* the side panel by unit, then by unit under its district (Ctrl-X with the panel in focus) */
    key(&app, &canvas, TK_TAB);
    t0 = now();
    key(&app, &canvas, TK_CTRL_X);
    double communes = now() - t0;
    t0 = now();
    key(&app, &canvas, TK_CTRL_X);
    double grouped = now() - t0;
    key(&app, &canvas, TK_CTRL_X);
    key(&app, &canvas, TK_TAB);

    key(&app, &canvas, '/');
    const char *typed = "dong anh";
    double worst_key = 0;
    for (const char *p = typed; *p; p++) {
        double k0 = now();
        key(&app, &canvas, *p);
        double k = now() - k0;
        if (k > worst_key)
            worst_key = k;
    }
    key(&app, &canvas, TK_ENTER);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("first_screen_ms %.1f\npage_down_ms %.2f\nend_ms %.1f\nhome_ms %.1f\nsearch_key_worst_ms %.1f\n"
           "communes_panel_ms %.1f\ngrouped_panel_ms %.1f\npeak_rss_mib %.1f\n",
           first * 1e3, page * 1e3, end * 1e3, home * 1e3, worst_key * 1e3, communes * 1e3, grouped * 1e3,
           ru.ru_maxrss / 1024.0);
    canvas_free(&canvas);
    app_free(&app);
    htx_store_close(s);
}

enum { FIGURES = 8 };

/* Measures in a child so each register's peak memory is its own. */
static void measure_in_child(const char *label, const char *path, double figures[FIGURES])
{
    int fds[2];
    if (pipe(fds) != 0)
        exit(1);
    fflush(stdout); /* or the child would print our buffered lines again */
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        measure(path);
        fflush(stdout);
        _exit(0);
    }
    close(fds[1]);
    FILE *in = fdopen(fds[0], "r");
    char name[64];
    double value;
    int i = 0;
    printf("%s:\n", label);
    while (i < FIGURES && fscanf(in, "%63s %lf", name, &value) == 2) {
        printf("  %-22s %10.2f\n", name, value);
        figures[i++] = value;
    }
    fclose(in);
    waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
    long rows = argc > 1 ? atol(argv[1]) : 1000000;
    const char *dir = argc > 2 ? argv[2] : ".";
    char small[512], large[512];
    snprintf(small, sizeof small, "%s/bench-10000.db", dir);
    snprintf(large, sizeof large, "%s/bench-%ld.db", dir, rows);
    struct stat st;
    if (stat(small, &st) != 0)
        generate(small, 10000);
    if (stat(large, &st) != 0)
        generate(large, rows);
    /* The keys-in-a-pty benchmark (bench_pty.py) reads 1,000 and 100,000 too. */
    static const long also[] = {1000, 100000};
    for (size_t i = 0; i < sizeof also / sizeof also[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/bench-%ld.db", dir, also[i]);
        if (stat(path, &st) != 0)
            generate(path, also[i]);
    }
    double a[FIGURES] = {0}, b[FIGURES] = {0};
    measure_in_child("10,000 cooperatives", small, a);
    char label[64];
    snprintf(label, sizeof label, "%ld cooperatives", rows);
    measure_in_child(label, large, b);
    static const char *const names[FIGURES] = {"first screen", "page down",    "end",
                                               "home",         "search key (worst)", "communes panel",
                                               "grouped panel", "peak memory"};
    printf("large/small ratios:\n");
    for (int i = 0; i < FIGURES; i++)
        printf("  %-22s %10.2f\n", names[i], a[i] > 0 ? b[i] / a[i] : 0);
    return 0;
}
