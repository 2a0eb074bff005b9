/*
 * Backups and checks of the register.
 *
 * A backup is a consistent copy taken while colleagues keep working:
 * SQLite's online backup API copies the pages a few at a time, starting
 * again when another connection writes in between, so the copy is one
 * committed state of the register.  It is written beside the target and
 * renamed only when whole (0600, on the disk first), like every output.
 *
 * A check reads the whole file: SQLite's integrity check (every page, every
 * index against its table) and the foreign keys (memberships of cooperatives
 * and clubs that exist).
 */
#ifndef HTX_BACKUP_H
#define HTX_BACKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

/* The default name of today's backup: DIR/htx-YYYY-MM-DD.db (today from
 * HTX_TODAY when set, for tests; the local date otherwise). */
void htx_backup_default_name(const char *dir, char *out, size_t size);

/* Copies the register into path, replacing a file there only when the copy
 * is whole.  Errors: MSG_IO (path), the store's messages. */
htx_status htx_store_backup(htx_store *s, const char *path, htx_error *err);

typedef struct htx_check_result {
    bool intact;          /* the integrity check found nothing */
    long problems;        /* lines the integrity check reported */
    long broken_links;    /* rows whose foreign key points nowhere */
    char first[512];      /* SQLite's first finding, for the log */
} htx_check_result;

/* Runs both checks; HTX_OK when they could run, whatever they found. */
htx_status htx_store_check(htx_store *s, htx_check_result *out, htx_error *err);

#endif
