/*
 * Loading many cooperatives in one transaction (the importer).
 *
 * Every insert into the register normally feeds the search index and the
 * district tally through triggers; on a large load that costs a search-index
 * flush per row.  Between htx_bulk_load_begin and htx_bulk_load_index the
 * new rows are inserted without them, and htx_bulk_load_index brings both
 * up to date in one statement each.  The caller inserts through registry.h
 * and then commits or rolls back with store.h: a rollback undoes the whole
 * load, the triggers included.
 *
 * A load that at least doubles a table (the register, the change log) also
 * goes in without that table's secondary indexes, which htx_bulk_load_index
 * builds again from their own CREATE INDEX statements: SQLite builds an
 * index by sorting, many times faster than by as many inserts at random
 * places, and the load is what holds the write lock.  The unique index of
 * the codes stays: it is what refuses a code registered meanwhile.
 */
#ifndef HTX_BULK_LOAD_H
#define HTX_BULK_LOAD_H

#include <stdint.h>

#include "store.h"

#define HTX_BULK_LOAD_MAX_INDEXES 32

typedef struct htx_bulk_load {
    int64_t last_id; /* the highest cooperative id before the load */
    /* The indexes set aside for the load, as they were created. */
    char *indexes[HTX_BULK_LOAD_MAX_INDEXES];
    int index_count;
} htx_bulk_load;

/* While the rows of a load are checked, before the write lock: one read
 * transaction (BEGIN DEFERRED, which in WAL mode stops no writer) rather
 * than one per look-up, each with its own round of file locks. */
htx_status htx_bulk_check_begin(htx_store *s, htx_error *err);
void htx_bulk_check_end(htx_store *s);

/* Opens the transaction (BEGIN IMMEDIATE) with a cache sized for a load of
 * about rows cooperatives. */
htx_status htx_bulk_load_begin(htx_store *s, htx_bulk_load *load, long rows, htx_error *err);

/* Indexes and counts the rows inserted since begin, inside the transaction. */
htx_status htx_bulk_load_index(htx_store *s, htx_bulk_load *load, htx_error *err);

/* After the commit or rollback: the connection's ordinary cache again. */
void htx_bulk_load_end(htx_store *s, htx_bulk_load *load);

#endif
