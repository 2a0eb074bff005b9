/*
 * Opening a register: creating its file safely, refusing a file that is not
 * one, and bringing its schema up to date.  Above the connection
 * (connection.c) and the migrations (schema.c), which know nothing of it.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "search_words.h"
#include "store_internal.h"

int htx_store_schema_version(void)
{
    return HTX_SCHEMA_VERSION;
}

/* Creates the directories above path (as mkdir -p, mode 0700). */
static void make_parent_dirs(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(copy, 0700);
        *p = '/';
    }
    free(copy);
}

/* Creates an empty file that SQLite will fill.  O_EXCL makes "refuses to
 * overwrite" race-free, and the mode is set here because SQLite would use
 * the umask (typically 0644) and the register holds personal data. */
static htx_status create_file(const char *path, htx_error *err)
{
    make_parent_dirs(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return htx_fail(err, HTX_ERR_EXISTS, MSG_DB_EXISTS, NULL, path, NULL);
        return htx_fail_os(err, HTX_ERR_IO, MSG_DB_OPEN, NULL, path, errno);
    }
    fchmod(fd, 0600); /* in case the umask took bits away from the owner */
    close(fd);
    return HTX_OK;
}

static htx_status check_existing(htx_store *s, htx_error *err)
{
    int version = 0;
    htx_status st = htx_schema_current(s, &version, err);
    if (st != HTX_OK) {
        if ((sqlite3_extended_errcode(htx_store_db(s)) & 0xff) == SQLITE_NOTADB)
            return htx_fail(err, HTX_ERR_INVALID, MSG_DB_NOT_HTX, NULL, htx_store_path(s), NULL);
        return st;
    }
    if (version > HTX_SCHEMA_VERSION) {
        char v[16];
        snprintf(v, sizeof v, "%d", version);
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_NEWER, NULL, htx_store_path(s), v);
    }
    if (version < 0) {
        char v[16];
        snprintf(v, sizeof v, "%d", version);
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_VERSION_UNKNOWN, NULL, htx_store_path(s), v);
    }
    if (version == 0)
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_NOT_HTX, NULL, htx_store_path(s), NULL);
    return HTX_OK;
}

/* The connection's settings; a file that turns out not to be a database
 * shows up here, at the first statement that reads its header. */
static htx_status configure(htx_store *s, const char *path, htx_error *err)
{
    htx_status st = htx_connection_configure(s, err);
    if (st == HTX_OK || st == HTX_ERR_NOMEM)
        return st;
    if ((sqlite3_extended_errcode(htx_store_db(s)) & 0xff) == SQLITE_NOTADB)
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_NOT_HTX, NULL, path, NULL);
    return st;
}

static bool exists_beside(const char *path, const char *suffix)
{
    char other[4096];
    snprintf(other, sizeof other, "%s%s", path, suffix);
    return access(other, F_OK) == 0;
}

static void remove_beside(const char *path, const char *suffix)
{
    char other[4096];
    snprintf(other, sizeof other, "%s%s", path, suffix);
    unlink(other);
}

/*
 * Removes the -wal and -shm files a failed open made (they did not exist
 * before it).  Only when the -wal is empty and the -shm smaller than the
 * 32 KiB every working WAL index has: files another connection is using
 * are never taken away from it.
 */
static bool wal_empty(const char *path);

static void remove_failed_wal_files(const char *path, bool had_wal, bool had_shm)
{
    char shm[4096];
    snprintf(shm, sizeof shm, "%s-shm", path);
    struct stat st;
    bool shm_unused = stat(shm, &st) != 0 || st.st_size < 32768;
    if (!wal_empty(path) || !shm_unused)
        return;
    if (!had_wal)
        remove_beside(path, "-wal");
    if (!had_shm)
        remove_beside(path, "-shm");
}

/* An empty or absent -wal: every committed change is in the main file. */
static bool wal_empty(const char *path)
{
    char wal[4096];
    snprintf(wal, sizeof wal, "%s-wal", path);
    struct stat st;
    return stat(wal, &st) != 0 || st.st_size == 0;
}

/*
 * A command that only reads, where SQLite could not set the connection up
 * (typically a full disk: the shared-memory file cannot grow).  When every
 * commit is in the main file, the register is read as it stands there; the
 * -wal and -shm files the failed attempt made are removed, so a read leaves
 * nothing behind.  With changes still in a -wal, reading the main file
 * alone would show an older register: the first error stands.
 */
static htx_status open_as_it_stands(const char *path, htx_store **out, htx_error *err)
{
    htx_error first = *err;
    if (!wal_empty(path))
        return first.status;
    htx_store *s = NULL;
    htx_status st = htx_connection_open_immutable(path, &s, err);
    int version = 0;
    if (st == HTX_OK)
        st = check_existing(s, err);
    /* An older schema would need its migration, which is a write. */
    if (st == HTX_OK && htx_schema_current(s, &version, err) == HTX_OK && version < HTX_SCHEMA_VERSION)
        st = HTX_ERR_IO;
    if (st == HTX_OK) {
        *out = s;
        return HTX_OK;
    }
    htx_store_close(s);
    *err = first;
    return first.status;
}

/* A register filled row by row outgrows the word index's buckets; the
 * first open after that makes them again, once. */
static htx_status rebalance_search_words(htx_store *s, htx_error *err)
{
    bool outgrown = false;
    htx_status st = htx_search_words_outgrown(s, &outgrown, err);
    if (st != HTX_OK || !outgrown)
        return st;
    st = htx_store_begin(s, err);
    if (st == HTX_OK)
        st = htx_search_words_outgrown(s, &outgrown, err);
    if (st == HTX_OK && outgrown)
        st = htx_search_words_rebuild(s, err);
    if (st == HTX_OK)
        return htx_store_commit(s, err);
    htx_store_rollback(s);
    return st;
}

/* Tells notice when the register is behind this build's schema. */
static htx_status tell_upgrade(htx_store *s, htx_upgrade_notice notice, void *ctx, htx_error *err)
{
    int version = 0;
    htx_status st = htx_schema_current(s, &version, err);
    if (st == HTX_OK && notice && version > 0 && version < HTX_SCHEMA_VERSION)
        notice(ctx, version, HTX_SCHEMA_VERSION);
    return st;
}

htx_status htx_store_open(const char *path, htx_open_mode mode, htx_store **out, htx_error *err)
{
    return htx_store_open_telling(path, mode, NULL, NULL, out, err);
}

htx_status htx_store_open_telling(const char *path, htx_open_mode mode, htx_upgrade_notice notice, void *ctx,
                                  htx_store **out, htx_error *err)
{
    *out = NULL;
    htx_status st;
    if (mode == HTX_OPEN_CREATE_NEW) {
        st = create_file(path, err);
        if (st != HTX_OK)
            return st;
    } else if (access(path, F_OK) != 0) {
        return htx_fail(err, HTX_ERR_NOT_FOUND, MSG_DB_MISSING, NULL, path, NULL);
    }

    bool had_wal = exists_beside(path, "-wal"), had_shm = exists_beside(path, "-shm");
    htx_store *s = NULL;
    st = htx_connection_open(path, &s, err);
    /* Checked before anything is written: a file that is not a register htx
     * knows (empty, another program's database, a schema from a newer or
     * unknown version) is left exactly as it was. */
    if (st == HTX_OK && mode != HTX_OPEN_CREATE_NEW)
        st = check_existing(s, err);
    if (st == HTX_OK)
        st = configure(s, path, err);
    if (st == HTX_OK && mode != HTX_OPEN_CREATE_NEW)
        st = tell_upgrade(s, notice, ctx, err);
    if (st == HTX_OK)
        st = htx_schema_migrate(s, HTX_SCHEMA_VERSION, err);
    if (st == HTX_OK) {
        /* Only speed depends on it: a register that cannot be written now
         * (read-only, locked by a long write) opens as it is. */
        htx_error ignored;
        rebalance_search_words(s, &ignored);
    }
    if (st == HTX_OK) {
        *out = s;
        return HTX_OK;
    }
    htx_store_close(s);
    if (mode == HTX_OPEN_CREATE_NEW)
        unlink(path); /* nothing half-made stays behind */
    remove_failed_wal_files(path, had_wal, had_shm);
    if (mode == HTX_OPEN_READ && st == HTX_ERR_IO)
        return open_as_it_stands(path, out, err);
    return st;
}
