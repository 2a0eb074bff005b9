/*
 * The SQLite store: opening, schema migrations, transactions.
 *
 * The schema is versioned with PRAGMA user_version and brought forward by
 * migrations on open.  Connections run in WAL mode with foreign keys on and a
 * busy timeout, so a second terminal on the same file waits rather than
 * fails.  A new database file is created with mode 0600.
 */
#ifndef HTX_STORE_H
#define HTX_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"

typedef struct htx_store htx_store;

typedef enum htx_open_mode {
    HTX_OPEN_EXISTING,   /* the file must exist and be an htx database */
    HTX_OPEN_CREATE_NEW, /* the file must not exist */
    HTX_OPEN_READ,       /* as EXISTING, for commands that only read: where the
                            disk is full and SQLite cannot make its shared-memory
                            file, the register is read as it stands on the disk
                            (immutable), and nothing is left behind */
} htx_open_mode;

/* The schema version this build writes. */
int htx_store_schema_version(void);

htx_status htx_store_open(const char *path, htx_open_mode mode, htx_store **out, htx_error *err);

/* Told once, before a register an older htx made is brought up to this
 * build's schema: on a large register that takes a while (half a minute at
 * a million rows), and the person waiting should know why. */
typedef void (*htx_upgrade_notice)(void *ctx, int from_version, int to_version);

/* htx_store_open, telling notice (when not NULL) before an upgrade. */
htx_status htx_store_open_telling(const char *path, htx_open_mode mode, htx_upgrade_notice notice, void *ctx,
                                  htx_store **out, htx_error *err);
void htx_store_close(htx_store *s);

const char *htx_store_path(const htx_store *s);

/* Every write that spans rows runs between begin and commit.  begin takes
 * the write lock at once (BEGIN IMMEDIATE) so a conflict shows up before any
 * work is done; rollback is safe to call after a failed commit. */
htx_status htx_store_begin(htx_store *s, htx_error *err);
htx_status htx_store_commit(htx_store *s, htx_error *err);
void htx_store_rollback(htx_store *s);
/* Ends the transaction: commits when st (the outcome of the work) is HTX_OK,
 * rolls back otherwise; returns the final outcome. */
htx_status htx_store_finish(htx_store *s, htx_status st, htx_error *err);

/*
 * Reading for a screen may be given up once the user has asked for
 * something else: a key typed while the rows of the previous key are still
 * being looked for makes them pointless.  When a check is set and reads are
 * cancellable, SQLite asks it every thousand or so steps; a read it stops
 * fails with HTX_ERR_CANCELLED.  Writes are never stopped: a caller makes
 * reads cancellable around the reading only, and nothing is cancellable
 * until it says so.
 */
typedef bool (*htx_store_superseded_fn)(void *ctx);
void htx_store_on_superseded(htx_store *s, htx_store_superseded_fn superseded, void *ctx);
void htx_store_cancellable(htx_store *s, bool on);

/* Changes whenever another connection commits (PRAGMA data_version). */
htx_status htx_store_data_version(htx_store *s, int64_t *out, htx_error *err);

#endif
