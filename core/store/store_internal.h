/*
 * What core's storage modules share and nothing outside core/ sees: the
 * connection, a cache of prepared statements, and small binding helpers.
 */
#ifndef HTX_STORE_INTERNAL_H
#define HTX_STORE_INTERNAL_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "store_internal.h is private to core/store/: include the folder's public headers instead"
#endif

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

sqlite3 *htx_store_db(htx_store *s);

/* Opens the SQLite file at path (which must exist) with the busy timeout
 * and htx_match(), writing nothing to it: store.c first checks that the file
 * is a register it knows.  Knows nothing of the schema. */
htx_status htx_connection_open(const char *path, htx_store **out, htx_error *err);
/* The same, read-only, as the file stands (SQLite's immutable=1: no locks,
 * no -wal or -shm made or read): for reading when nothing else can be done. */
htx_status htx_connection_open_immutable(const char *path, htx_store **out, htx_error *err);
/* Then the settings that write to the file: WAL, foreign keys, durable
 * commits. */
htx_status htx_connection_configure(htx_store *s, htx_error *err);

/*
 * A prepared statement for sql, prepared once per connection and kept (sql
 * is compared by content).  Call htx_stmt_release() when done with it, which
 * resets it and clears its bindings.  NULL on failure with err set.
 */
sqlite3_stmt *htx_store_statement(htx_store *s, const char *sql, htx_error *err);
void htx_stmt_release(sqlite3_stmt *stmt);

/* Fills err from the connection's last error and returns HTX_ERR_DB (or
 * HTX_ERR_INVALID/… where the SQLite code says more). */
htx_status htx_store_fail(htx_store *s, htx_error *err);

/* Binds text, or NULL when text is empty (optional fields are stored NULL). */
int htx_bind_text_or_null(sqlite3_stmt *stmt, int index, const char *text);
/* Binds value, or NULL when value < 0 (unknown numbers). */
int htx_bind_int_or_null(sqlite3_stmt *stmt, int index, int64_t value);
/* Copies column text into out ("" for NULL), never splitting UTF-8. */
void htx_column_copy(sqlite3_stmt *stmt, int col, char *out, size_t size);

/* "yyyy-mm-dd hh:mm:ss", UTC, now. */
void htx_store_timestamp(char out[20]);

/* The first column of the first row of sql (a statement without parameters
 * that returns one row) into *out. */
htx_status htx_store_int64(htx_store *s, const char *sql, int64_t *out, htx_error *err);

/* Statements stop with SQLITE_INTERRUPT once seconds have passed from now;
 * 0 lifts the limit. */
void htx_store_deadline(htx_store *s, double seconds);
/* Whether the time set by htx_store_deadline has run out. */
bool htx_store_deadline_passed(htx_store *s);
/* Whether the check of store.h stopped a read since reads were last made
 * cancellable: an interrupt is then no deadline's, and the read is given up. */
bool htx_store_cancelled(const htx_store *s);

/* Runs each of count statements without result rows, value bound to ?1. */
htx_status htx_store_run_each(htx_store *s, const char *const *sql, size_t count, int64_t value, htx_error *err);

/* Runs a transaction-less statement with no result rows (DDL, pragmas). */
htx_status htx_store_exec(htx_store *s, const char *sql, htx_error *err);

#endif
