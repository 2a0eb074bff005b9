/*
 * The connection to the register's SQLite file: the handle, the cache of
 * prepared statements, transactions and the helpers every storage module
 * binds and reads with.  It knows nothing of the schema (schema.c) nor of
 * how a register is opened (store.c), which both sit above it.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fold.h"
#include "store_internal.h"

/* Room for every fixed statement core/ prepares. */
#define STATEMENT_CACHE_SIZE 64

struct htx_store {
    sqlite3 *db;
    char *path;
    struct {
        char *sql;
        sqlite3_stmt *stmt;
    } cache[STATEMENT_CACHE_SIZE];
    int cached;
    double deadline; /* CLOCK_MONOTONIC seconds; 0: none */
    htx_store_superseded_fn superseded; /* store.h; NULL: reads are never given up */
    void *superseded_ctx;
    bool cancellable; /* the reads now running may be given up */
    bool cancelled;   /* the last interrupt was the check's, not the deadline's */
};

sqlite3 *htx_store_db(htx_store *s)
{
    return s->db;
}

const char *htx_store_path(const htx_store *s)
{
    return s->path;
}

/*
 * SQLite's result as a message that says what to do, in the user's
 * language: "attempt to write a readonly database" means nothing to the
 * desk.  Only a code without advice of its own falls back to SQLite's words.
 */
static htx_status fail_with_code(int code, int system_errno, const char *path, const char *sqlite_words,
                                 htx_error *err)
{
    switch (code & 0xff) {
    case SQLITE_INTERRUPT: return htx_fail(err, HTX_ERR_CANCELLED, MSG_READ_CANCELLED, NULL, NULL, NULL);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return htx_fail(err, HTX_ERR_DB, MSG_DB_BUSY, NULL, NULL, NULL);
    case SQLITE_NOMEM: return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    case SQLITE_FULL: return htx_fail(err, HTX_ERR_IO, MSG_DISK_FULL, NULL, path, NULL);
    case SQLITE_READONLY: return htx_fail(err, HTX_ERR_IO, MSG_DB_READONLY, NULL, path, NULL);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return htx_fail(err, HTX_ERR_DB, MSG_DB_CORRUPT, NULL, path, NULL);
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN: return htx_fail(err, HTX_ERR_IO, MSG_DB_CANTOPEN, NULL, path, NULL);
    case SQLITE_IOERR:
        /* A write that failed for want of room reports an I/O error. */
        if (system_errno == ENOSPC || system_errno == EDQUOT)
            return htx_fail(err, HTX_ERR_IO, MSG_DISK_FULL, NULL, path, NULL);
        return htx_fail(err, HTX_ERR_IO, MSG_DB_IO, NULL, path, NULL);
    default: return htx_fail(err, HTX_ERR_DB, MSG_DB_ERROR, NULL, sqlite_words, NULL);
    }
}

htx_status htx_store_fail(htx_store *s, htx_error *err)
{
    return fail_with_code(sqlite3_extended_errcode(s->db), sqlite3_system_errno(s->db), s->path,
                          sqlite3_errmsg(s->db), err);
}

sqlite3_stmt *htx_store_statement(htx_store *s, const char *sql, htx_error *err)
{
    for (int i = 0; i < s->cached; i++)
        if (strcmp(s->cache[i].sql, sql) == 0)
            return s->cache[i].stmt;

    /* Only fixed SQL texts come here, so the cache cannot fill up unless a
     * caller passes generated SQL: that is a bug, reported as an error. */
    if (s->cached == STATEMENT_CACHE_SIZE) {
        htx_fail(err, HTX_ERR_DB, MSG_DB_ERROR, NULL, "statement cache full", NULL);
        return NULL;
    }
    char *copy = strdup(sql);
    if (!copy) {
        htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        return NULL;
    }
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        free(copy);
        htx_store_fail(s, err);
        return NULL;
    }
    s->cache[s->cached].sql = copy;
    s->cache[s->cached].stmt = stmt;
    s->cached++;
    return stmt;
}

void htx_stmt_release(sqlite3_stmt *stmt)
{
    if (!stmt)
        return;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
}

int htx_bind_text_or_null(sqlite3_stmt *stmt, int index, const char *text)
{
    if (!text || !text[0])
        return sqlite3_bind_null(stmt, index);
    return sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT);
}

int htx_bind_int_or_null(sqlite3_stmt *stmt, int index, int64_t value)
{
    if (value < 0)
        return sqlite3_bind_null(stmt, index);
    return sqlite3_bind_int64(stmt, index, value);
}

void htx_column_copy(sqlite3_stmt *stmt, int col, char *out, size_t size)
{
    const char *text = (const char *)sqlite3_column_text(stmt, col);
    size_t n = text ? (size_t)sqlite3_column_bytes(stmt, col) : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, text, n);
    out[n] = '\0';
}

void htx_store_timestamp(char out[20])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

htx_status htx_store_exec(htx_store *s, const char *sql, htx_error *err)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    return HTX_OK;
}

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Called every thousand or so virtual machine steps: a non-zero answer
 * makes the statement stop with SQLITE_INTERRUPT. */
static int should_stop(void *ctx)
{
    htx_store *s = ctx;
    if (s->deadline > 0 && monotonic_seconds() > s->deadline)
        return 1;
    if (s->cancellable && s->superseded && s->superseded(s->superseded_ctx)) {
        s->cancelled = true;
        return 1;
    }
    return 0;
}

/* The handler costs a call per thousand steps: installed only while a
 * deadline or a cancellable read can use it. */
static void install_progress_handler(htx_store *s)
{
    bool wanted = s->deadline > 0 || (s->cancellable && s->superseded);
    sqlite3_progress_handler(s->db, wanted ? 1000 : 0, wanted ? should_stop : NULL, s);
}

bool htx_store_deadline_passed(htx_store *s)
{
    return s->deadline > 0 && monotonic_seconds() > s->deadline;
}

void htx_store_deadline(htx_store *s, double seconds)
{
    s->deadline = seconds > 0 ? monotonic_seconds() + seconds : 0;
    install_progress_handler(s);
}

bool htx_store_cancelled(const htx_store *s)
{
    return s->cancelled;
}

void htx_store_on_superseded(htx_store *s, htx_store_superseded_fn superseded, void *ctx)
{
    s->superseded = superseded;
    s->superseded_ctx = ctx;
    install_progress_handler(s);
}

void htx_store_cancellable(htx_store *s, bool on)
{
    s->cancellable = on;
    s->cancelled = false;
    install_progress_handler(s);
}

htx_status htx_store_run_each(htx_store *s, const char *const *sql, size_t count, int64_t value, htx_error *err)
{
    for (size_t i = 0; i < count; i++) {
        sqlite3_stmt *stmt = htx_store_statement(s, sql[i], err);
        if (!stmt)
            return HTX_ERR_DB;
        sqlite3_bind_int64(stmt, 1, value);
        htx_status st = sqlite3_step(stmt) == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
        htx_stmt_release(stmt);
        if (st != HTX_OK)
            return st;
    }
    return HTX_OK;
}

htx_status htx_store_begin(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, "BEGIN IMMEDIATE", err);
}

htx_status htx_store_commit(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, "COMMIT", err);
}

void htx_store_rollback(htx_store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

htx_status htx_store_finish(htx_store *s, htx_status st, htx_error *err)
{
    if (st == HTX_OK)
        st = htx_store_commit(s, err);
    if (st != HTX_OK)
        htx_store_rollback(s);
    return st;
}

htx_status htx_store_data_version(htx_store *s, int64_t *out, htx_error *err)
{
    return htx_store_int64(s, "PRAGMA data_version", out, err);
}

htx_status htx_store_int64(htx_store *s, const char *sql, int64_t *out, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(s, sql, err);
    if (!stmt)
        return HTX_ERR_DB;
    htx_status st = HTX_OK;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    else
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

/*
 * htx_match(name, query): the search rule of fold.h as an SQL function.  The
 * compiled query is kept as auxiliary data of the query argument, so it is
 * compiled once per statement execution, not once per row.
 */
static void free_pattern(void *p)
{
    htx_query_free(p);
}

static void sql_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    htx_query_pattern *p = sqlite3_get_auxdata(ctx, 1);
    if (!p) {
        const char *query = (const char *)sqlite3_value_text(argv[1]);
        p = htx_query_compile(query ? query : "");
        if (!p) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        sqlite3_set_auxdata(ctx, 1, p, free_pattern);
        p = sqlite3_get_auxdata(ctx, 1); /* may have been freed by SQLite on OOM */
        if (!p) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
    }
    sqlite3_result_int(ctx, text && htx_query_matches(p, text));
}

htx_status htx_connection_configure(htx_store *s, htx_error *err)
{
    /* WAL lets a terminal read while another writes.  synchronous = FULL
     * because in WAL mode NORMAL may lose the last commits on power loss
     * (SQLite's documentation): a save that said "saved" must stay saved. */
    return htx_store_exec(s,
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = FULL;",
                          err);
}

/* "file:" URI of path, with the characters a URI gives meaning escaped. */
static char *file_uri(const char *path, bool immutable)
{
    size_t len = strlen(path);
    char *uri = malloc(len * 3 + 32);
    if (!uri)
        return NULL;
    size_t o = 0;
    o += (size_t)sprintf(uri, "file:");
    for (const char *p = path; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '%' || ch == '?' || ch == '#' || ch < 0x20)
            o += (size_t)sprintf(uri + o, "%%%02X", ch);
        else
            uri[o++] = (char)ch;
    }
    uri[o] = '\0';
    if (immutable)
        strcat(uri, "?immutable=1");
    return uri;
}

static htx_status open_with(const char *path, bool immutable, htx_store **out, htx_error *err);

htx_status htx_connection_open(const char *path, htx_store **out, htx_error *err)
{
    return open_with(path, false, out, err);
}

htx_status htx_connection_open_immutable(const char *path, htx_store **out, htx_error *err)
{
    return open_with(path, true, out, err);
}

static htx_status open_with(const char *path, bool immutable, htx_store **out, htx_error *err)
{
    *out = NULL;
    htx_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    char *uri = file_uri(path, immutable);
    if (!uri) {
        htx_store_close(s);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    int flags = (immutable ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        htx_status st = s->db ? htx_store_fail(s, err)
                              : fail_with_code(rc, 0, path, sqlite3_errstr(rc), err);
        htx_store_close(s);
        return st;
    }
    /* The busy timeout makes a writer wait for a colleague's short
     * transaction instead of failing. */
    sqlite3_busy_timeout(s->db, 5000);
    if (sqlite3_create_function(s->db, "htx_match", 2,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                sql_match, NULL, NULL) != SQLITE_OK) {
        htx_status st = htx_store_fail(s, err);
        htx_store_close(s);
        return st;
    }
    *out = s;
    return HTX_OK;
}

void htx_store_close(htx_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->cached; i++) {
        sqlite3_finalize(s->cache[i].stmt);
        free(s->cache[i].sql);
    }
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}
