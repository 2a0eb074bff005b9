/*
 * Schema migrations (private to core/).  Version n of the schema is reached
 * by running migrations 1..n in order, each in its own transaction, each
 * setting PRAGMA user_version to its number when it commits.
 */
#ifndef HTX_SCHEMA_H
#define HTX_SCHEMA_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "schema.h is private to core/store/: include the folder's public headers instead"
#endif

#include <stdint.h>

#include "store.h"

/* The version this build writes: the number of migrations in schema.c, so
 * that adding a migration is one edit there. */
extern const int htx_schema_latest;
#define HTX_SCHEMA_VERSION htx_schema_latest

/* Brings the schema from its current version up to target (<= HTX_SCHEMA_VERSION). */
htx_status htx_schema_migrate(htx_store *s, int target, htx_error *err);

/* Current PRAGMA user_version. */
htx_status htx_schema_current(htx_store *s, int *version, htx_error *err);

/*
 * Loading many rows inside one transaction the caller holds: between begin
 * and end, rows inserted into cooperative are not yet in the search index
 * nor in the district tally; end brings both up to date.  Only for a writer
 * that inserts through registry.c and ends its transaction right after (a
 * rollback undoes both calls).
 */
htx_status htx_schema_bulk_begin(htx_store *s, int64_t *last_id, htx_error *err);
htx_status htx_schema_bulk_end(htx_store *s, int64_t last_id, htx_error *err);

#endif
