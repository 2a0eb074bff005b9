/*
 * Writing a file that replaces another only when the writing succeeded:
 * the data goes to a temporary file beside the target, which takes the
 * target's name on commit (rename, atomic on one file system).  A failed or
 * refused export, roster or rejects file therefore leaves whatever was
 * there before.  A target that exists and is not a regular file (a device,
 * a pipe: -o /dev/stdout) is written directly, and never removed.
 *
 * Every output holds register data, so the file is HTX_OUTFILE_MODE (0600,
 * like the database) whatever the umask, and it is on the disk (fsync)
 * before it takes its name.
 */
#ifndef HTX_OUTFILE_H
#define HTX_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

#define HTX_OUTFILE_MODE 0600

typedef struct htx_outfile {
    FILE *file;  /* write here */
    char *temp;  /* the temporary name; NULL when writing straight to path */
    char *path;
} htx_outfile;

/* Errors: MSG_IO with the path and the system's reason. */
htx_status htx_outfile_open(htx_outfile *o, const char *path, htx_error *err);

/* What an output chosen by the user may not do. */
typedef struct htx_outfile_rules {
    const char *register_path; /* the open register: never replaced, nor its
                                  -wal and -shm (same device and inode, whatever
                                  the name or link); NULL for none */
    bool replace;              /* an existing file may be replaced */
} htx_outfile_rules;

/* Whether path may be written under rules, and htx_outfile_open for a path
 * the user typed.  Errors: MSG_OUTPUT_IS_REGISTER
 * (HTX_ERR_INVALID), MSG_OUTPUT_EXISTS (HTX_ERR_EXISTS) when the file exists
 * and rules->replace is false, and those of htx_outfile_open. */
htx_status htx_outfile_check(const char *path, const htx_outfile_rules *rules, htx_error *err);
htx_status htx_outfile_open_checked(htx_outfile *o, const char *path, const htx_outfile_rules *rules,
                                    htx_error *err);

/* The name to give another writer that wants a path (the PDF library). */
const char *htx_outfile_name(const htx_outfile *o);

/* Closes the file and gives it its name; on failure nothing is left of it. */
htx_status htx_outfile_commit(htx_outfile *o, htx_error *err);

/* Closes and removes the temporary file: the target is as it was. */
void htx_outfile_abandon(htx_outfile *o);

#endif
