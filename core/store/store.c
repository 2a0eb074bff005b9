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
        return htx_fail(err, HTX_ERR_IO, MSG_DB_OPEN, NULL, path, strerror(errno));
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

htx_status htx_store_open(const char *path, htx_open_mode mode, htx_store **out, htx_error *err)
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

    htx_store *s = NULL;
    st = htx_connection_open(path, &s, err);
    /* Checked before anything is written: a file that is not a register htx
     * knows (empty, another program's database, a schema from a newer or
     * unknown version) is left exactly as it was. */
    if (st == HTX_OK && mode == HTX_OPEN_EXISTING)
        st = check_existing(s, err);
    if (st == HTX_OK)
        st = configure(s, path, err);
    if (st == HTX_OK)
        st = htx_schema_migrate(s, HTX_SCHEMA_VERSION, err);
    if (st == HTX_OK) {
        *out = s;
        return HTX_OK;
    }
    htx_store_close(s);
    if (mode == HTX_OPEN_CREATE_NEW)
        unlink(path); /* nothing half-made stays behind */
    return st;
}
