#include "backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "store_internal.h"

/* Pages copied between two looks at the source: small enough that a
 * colleague's save waits at most a few milliseconds for the copy. */
#define PAGES_PER_STEP 256

void htx_backup_default_name(const char *dir, char *out, size_t size)
{
    char iso[HTX_ISO_DATE_SIZE];
    htx_date_iso(htx_date_today(), iso);
    snprintf(out, size, "%s/htx-%s.db", dir, iso);
}

static htx_status io_failure(const char *path, int code, htx_error *err)
{
    return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, code);
}

/* Copies every page of the register into the open database dest. */
static htx_status copy_pages(htx_store *s, sqlite3 *dest, htx_error *err)
{
    sqlite3_backup *backup = sqlite3_backup_init(dest, "main", htx_store_db(s), "main");
    if (!backup)
        return htx_fail(err, HTX_ERR_DB, MSG_DB_ERROR, NULL, sqlite3_errmsg(dest), NULL);
    int rc;
    do {
        rc = sqlite3_backup_step(backup, PAGES_PER_STEP);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(5);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return htx_store_fail(s, err);
    return HTX_OK;
}

/* The copy reaches the disk before it takes its name, and the name with
 * its directory: a crash leaves the old backup or the whole new one. */
static int sync_file_and_directory(const char *temp, const char *path)
{
    int fd = open(temp, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int code = fsync(fd) == 0 ? 0 : errno;
    close(fd);
    if (code)
        return code;
    if (rename(temp, path) != 0)
        return errno;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (dir) {
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
        free(dir);
    }
    return 0;
}

htx_status htx_store_backup(htx_store *s, const char *path, htx_error *err)
{
    size_t size = strlen(path) + 8;
    char *temp = malloc(size);
    if (!temp)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    snprintf(temp, size, "%s.XXXXXX", path);
    int fd = mkstemp(temp); /* 0600: the copy holds the register's personal data */
    if (fd < 0) {
        htx_status st = io_failure(path, errno, err);
        free(temp);
        return st;
    }
    close(fd);
    sqlite3 *dest = NULL;
    htx_status st = HTX_OK;
    if (sqlite3_open_v2(temp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        st = io_failure(path, EIO, err);
    else
        st = copy_pages(s, dest, err);
    /* The copy keeps no WAL of its own: one file is the whole backup. */
    if (st == HTX_OK && sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
        st = htx_fail(err, HTX_ERR_DB, MSG_DB_ERROR, NULL, sqlite3_errmsg(dest), NULL);
    if (sqlite3_close(dest) != SQLITE_OK && st == HTX_OK)
        st = io_failure(path, EIO, err);
    if (st == HTX_OK) {
        int code = sync_file_and_directory(temp, path);
        if (code)
            st = io_failure(path, code, err);
    }
    if (st != HTX_OK)
        unlink(temp);
    free(temp);
    return st;
}

static htx_status count_rows(htx_store *s, const char *sql, long *count, char *first, size_t size,
                             bool ok_means_nothing, htx_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(htx_store_db(s), sql, -1, &stmt, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(stmt, 0);
        if (ok_means_nothing && text && strcmp(text, "ok") == 0)
            continue;
        if (*count == 0 && first[0] == '\0')
            snprintf(first, size, "%s", text ? text : "");
        (*count)++;
    }
    htx_status st = rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    sqlite3_finalize(stmt);
    return st;
}

htx_status htx_store_check(htx_store *s, htx_check_result *out, htx_error *err)
{
    memset(out, 0, sizeof *out);
    htx_status st = count_rows(s, "PRAGMA integrity_check", &out->problems, out->first,
                               sizeof out->first, true, err);
    if (st == HTX_OK)
        st = count_rows(s, "PRAGMA foreign_key_check", &out->broken_links, out->first,
                        sizeof out->first, false, err);
    out->intact = out->problems == 0 && out->broken_links == 0;
    return st;
}
