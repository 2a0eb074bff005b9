#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static htx_status io_failure(const char *path, int code, htx_error *err)
{
    return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, code);
}

static void release(htx_outfile *o)
{
    free(o->temp);
    free(o->path);
    o->temp = o->path = NULL;
    o->file = NULL;
}

htx_status htx_outfile_open(htx_outfile *o, const char *path, htx_error *err)
{
    memset(o, 0, sizeof *o);
    o->path = strdup(path);
    if (!o->path)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        o->file = fopen(path, "wb");
        if (!o->file) {
            int code = errno;
            release(o);
            return io_failure(path, code, err);
        }
        return HTX_OK;
    }
    size_t size = strlen(path) + 8;
    o->temp = malloc(size);
    if (!o->temp) {
        release(o);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    snprintf(o->temp, size, "%s.XXXXXX", path);
    int fd = mkstemp(o->temp);
    if (fd < 0) {
        int code = errno;
        release(o);
        return io_failure(path, code, err);
    }
    /* Every output holds register data (names, representatives, phones):
     * it stays private to its owner, as the database is, whatever the
     * umask or the mode of the file it replaces.  mkstemp already made it
     * so; the call says it. */
    fchmod(fd, HTX_OUTFILE_MODE);
    o->file = fdopen(fd, "wb");
    if (!o->file) {
        int code = errno;
        close(fd);
        unlink(o->temp);
        release(o);
        return io_failure(path, code, err);
    }
    return HTX_OK;
}

/* The same file as path, or as its -wal or -shm: device and inode, so a
 * second name, a link or "./" cannot get past it. */
static bool is_part_of_register(const struct stat *target, const char *register_path)
{
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    char name[4096];
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        struct stat st;
        snprintf(name, sizeof name, "%s%s", register_path, suffixes[i]);
        if (stat(name, &st) == 0 && st.st_dev == target->st_dev && st.st_ino == target->st_ino)
            return true;
    }
    return false;
}

htx_status htx_outfile_check(const char *path, const htx_outfile_rules *rules, htx_error *err)
{
    struct stat target;
    if (stat(path, &target) == 0) {
        if (rules->register_path && is_part_of_register(&target, rules->register_path))
            return htx_fail(err, HTX_ERR_INVALID, MSG_OUTPUT_IS_REGISTER, NULL, path, NULL);
        /* A device or a pipe (-o /dev/stdout) is written, not replaced. */
        if (S_ISREG(target.st_mode) && !rules->replace)
            return htx_fail(err, HTX_ERR_EXISTS, MSG_OUTPUT_EXISTS, NULL, path, NULL);
    }
    return HTX_OK;
}

htx_status htx_outfile_open_checked(htx_outfile *o, const char *path, const htx_outfile_rules *rules,
                                    htx_error *err)
{
    memset(o, 0, sizeof *o);
    htx_status st = htx_outfile_check(path, rules, err);
    return st == HTX_OK ? htx_outfile_open(o, path, err) : st;
}

const char *htx_outfile_name(const htx_outfile *o)
{
    return o->temp ? o->temp : o->path;
}

/* The directory entry of a rename reaches the disk only with its
 * directory: without this a power cut could bring the old file back. */
static void sync_directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

htx_status htx_outfile_commit(htx_outfile *o, htx_error *err)
{
    int code = 0;
    if (fflush(o->file) != 0 || ferror(o->file))
        code = errno ? errno : EIO;
    /* On the disk before it takes the name: a crash leaves either the old
     * file or the whole new one, never a named, half-written one. */
    if (!code && o->temp && fsync(fileno(o->file)) != 0)
        code = errno;
    if (fclose(o->file) != 0 && !code)
        code = errno;
    if (!code && o->temp && rename(o->temp, o->path) != 0)
        code = errno;
    if (!code && o->temp)
        sync_directory_of(o->path);
    if (code && o->temp)
        unlink(o->temp);
    htx_status st = code ? io_failure(o->path, code, err) : HTX_OK;
    release(o);
    return st;
}

void htx_outfile_abandon(htx_outfile *o)
{
    if (!o->file)
        return;
    fclose(o->file);
    if (o->temp)
        unlink(o->temp);
    release(o);
}
