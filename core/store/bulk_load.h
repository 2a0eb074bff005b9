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
 */
#ifndef HTX_BULK_LOAD_H
#define HTX_BULK_LOAD_H

#include <stdint.h>

#include "store.h"

typedef struct htx_bulk_load {
    int64_t last_id; /* the highest cooperative id before the load */
} htx_bulk_load;

/* Opens the transaction (BEGIN IMMEDIATE) with a cache sized for a load. */
htx_status htx_bulk_load_begin(htx_store *s, htx_bulk_load *load, htx_error *err);

/* Indexes and counts the rows inserted since begin, inside the transaction. */
htx_status htx_bulk_load_index(htx_store *s, const htx_bulk_load *load, htx_error *err);

/* After the commit or rollback: the connection's ordinary cache again. */
void htx_bulk_load_end(htx_store *s);

#endif
