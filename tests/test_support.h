/*
 * Helpers shared by the unit tests: temporary databases and records.
 */
#ifndef HTX_TEST_SUPPORT_H
#define HTX_TEST_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coop.h"
#include "store.h"

/* A fresh path in a new temporary directory: dir receives the directory. */
static inline void test_temp_path(char dir[64], char path[128], const char *file)
{
    snprintf(dir, 64, "%s/htx-test-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        abort();
    snprintf(path, 128, "%s/%s", dir, file);
}

/* Removes the database, its WAL files and the directory. */
static inline void test_remove_db(const char *dir, const char *path)
{
    char extra[160];
    unlink(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
    rmdir(dir);
}

/* A valid record, built through the same setters as every entry path. */
static inline void test_make_coop(htx_coop *c, const char *code, const char *name,
                                  const char *district, const char *sector)
{
    htx_report r;
    htx_report_init(&r);
    htx_coop_init(c);
    htx_coop_set(c, "code", code, &r);
    htx_coop_set(c, "name", name, &r);
    htx_coop_set(c, "district", district, &r);
    htx_coop_set(c, "sector", sector, &r);
    if (r.errors) {
        fprintf(stderr, "test_make_coop: %s is not valid\n", code);
        abort();
    }
}

/* Nine-digit stems whose check digit exists, turned into valid codes. */
static inline void test_code(int n, char out[16])
{
    for (int stem = 10000000 + n * 7;; stem++) {
        char nine[24];
        snprintf(nine, sizeof nine, "%09d", stem);
        int check = htx_code_check_digit(nine);
        if (check >= 0) {
            snprintf(out, 16, "%.9s%c", nine, (char)('0' + check));
            return;
        }
    }
}

#endif
