/*
 * Benchmark: what one save costs, with the durability htx uses.
 *
 *   bench_save [SAVES] [DIR]
 *
 * Makes the demo register in DIR and saves one cooperative SAVES times
 * (default 200) through the registry, as the form and `htx edit` do: each
 * save its own transaction with its audit entry, committed with
 * synchronous = FULL (in WAL mode, the setting that keeps a commit through
 * a power cut).  For comparison it then runs the same number of one-row
 * UPDATE transactions with plain SQLite on the same file, under NORMAL and
 * under FULL, so the cost of the durability is read as a ratio from one
 * run.  Figures, not pass/fail: disks differ.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "demo.h"
#include "coop.h"
#include "registry.h"
#include "store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The cooperative every save changes: a code the demo keeps free. */
static htx_status add_one(htx_store *s)
{
    htx_coop c;
    htx_coop_init(&c);
    htx_report report;
    htx_report_init(&report);
    htx_coop_set(&c, "code", "0100233488", &report);
    htx_coop_set(&c, "name", "HTX Đồng Tâm", &report);
    htx_coop_set(&c, "district", "Thanh Trì", &report);
    htx_coop_set(&c, "sector", "trade", &report);
    htx_error err;
    return htx_coop_insert(s, &c, "bench", &err);
}

static double htx_saves(const char *path, int saves)
{
    htx_store *s = NULL;
    htx_error err;
    if (htx_store_open(path, HTX_OPEN_EXISTING, &s, &err) != HTX_OK) {
        fprintf(stderr, "bench_save: cannot open %s\n", path);
        exit(1);
    }
    htx_coop c;
    if (htx_coop_load(s, "0100233488", &c, &err) != HTX_OK) {
        fprintf(stderr, "bench_save: the demo has no 0100233488\n");
        exit(1);
    }
    double start = now();
    for (int i = 0; i < saves; i++) {
        c.members = 10 + i % 50;
        if (htx_coop_update(s, &c, "bench", &err) != HTX_OK) {
            fprintf(stderr, "bench_save: save %d failed\n", i);
            exit(1);
        }
    }
    double took = now() - start;
    htx_store_close(s);
    return took;
}

static double raw_updates(const char *path, int saves, const char *synchronous)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        exit(1);
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA synchronous = %s", synchronous);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    sqlite3_exec(db, pragma, NULL, NULL, NULL);
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2(db, "UPDATE cooperative SET members = :members WHERE code = '0100233488'",
                       -1, &stmt, NULL);
    double start = now();
    for (int i = 0; i < saves; i++) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":members"), 10 + i % 50);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    double took = now() - start;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return took;
}

int main(int argc, char **argv)
{
    int saves = argc > 1 ? atoi(argv[1]) : 200;
    const char *dir = argc > 2 ? argv[2] : ".";
    if (saves < 1)
        saves = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/bench_save.db", dir);
    unlink(path);
    htx_store *s = NULL;
    htx_error err;
    if (htx_store_open(path, HTX_OPEN_CREATE_NEW, &s, &err) != HTX_OK ||
        htx_demo_populate(s, &err) != HTX_OK || add_one(s) != HTX_OK) {
        fprintf(stderr, "bench_save: cannot make the demo register in %s\n", dir);
        return 1;
    }
    htx_store_close(s);

    double htx_full = htx_saves(path, saves);
    double raw_normal = raw_updates(path, saves, "NORMAL");
    double raw_full = raw_updates(path, saves, "FULL");
    printf("saves: %d on the demo register\n", saves);
    printf("htx save (registry, audit entry, synchronous FULL): %.3f ms a save\n",
           1000 * htx_full / saves);
    printf("one-row UPDATE, synchronous NORMAL:                  %.3f ms\n", 1000 * raw_normal / saves);
    printf("one-row UPDATE, synchronous FULL:                    %.3f ms (%.1fx NORMAL)\n",
           1000 * raw_full / saves, raw_normal > 0 ? raw_full / raw_normal : 0);
    unlink(path);
    return 0;
}
