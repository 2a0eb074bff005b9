#include "bulk_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "store_internal.h"

/* Sets aside the secondary indexes of table (those with a CREATE INDEX
 * statement: not the ones of its UNIQUE constraints) for the load. */
static htx_status set_indexes_aside(htx_store *s, htx_bulk_load *load, const char *table, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
    char *names[HTX_BULK_LOAD_MAX_INDEXES];
    int count = 0, first = load->index_count, rc;
    htx_status st = HTX_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && load->index_count < HTX_BULK_LOAD_MAX_INDEXES) {
        const char *name = (const char *)sqlite3_column_text(stmt, 0);
        const char *sql = (const char *)sqlite3_column_text(stmt, 1);
        names[count] = name ? sqlite3_mprintf("DROP INDEX \"%w\"", name) : NULL;
        load->indexes[load->index_count] = sql ? strdup(sql) : NULL;
        if (!names[count] || !load->indexes[load->index_count]) {
            sqlite3_free(names[count]);
            free(load->indexes[load->index_count]);
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            break;
        }
        count++;
        load->index_count++;
    }
    if (st == HTX_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    for (int i = 0; i < count; i++) {
        if (st == HTX_OK)
            st = htx_store_exec(s, names[i], err);
        sqlite3_free(names[i]);
    }
    if (st != HTX_OK) {
        /* Nothing set aside: the caller rolls the drops back. */
        for (int i = first; i < load->index_count; i++)
            free(load->indexes[i]);
        load->index_count = first;
    }
    return st;
}

/* Whether rows new rows at least double table (its largest rowid: rowids
 * only grow, so this is at least its row count). */
static htx_status doubled_by(htx_store *s, const char *sql, long rows, bool *yes, htx_error *err)
{
    int64_t last = 0;
    htx_status st = htx_store_int64(s, sql, &last, err);
    *yes = st == HTX_OK && rows >= 1000 && rows >= last;
    return st;
}

htx_status htx_bulk_check_begin(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, "BEGIN DEFERRED", err);
}

void htx_bulk_check_end(htx_store *s)
{
    htx_store_rollback(s); /* nothing was written */
}

htx_status htx_bulk_load_begin(htx_store *s, htx_bulk_load *load, long rows, htx_error *err)
{
    memset(load, 0, sizeof *load);
    /* A large load touches many pages of the indexes: with SQLite's small
     * default cache and journals in temporary files, pages would be written
     * out and read back again and again before the commit.  32 MiB holds the
     * hot pages of a load of a million rows, and keeps an import's memory
     * well below what a large file would take whole. */
    htx_store_exec(s, "PRAGMA cache_size = -16384; PRAGMA temp_store = FILE", NULL);
    /* The commit would copy the whole load from the WAL into the database
     * before returning (SQLite's automatic checkpoint): that is done after
     * it, by htx_bulk_load_end, where it keeps no one waiting. */
    htx_store_exec(s, "PRAGMA wal_autocheckpoint = 0", NULL);
    htx_status st = htx_store_begin(s, err);
    if (st == HTX_OK)
        st = htx_schema_bulk_begin(s, &load->last_id, err);
    bool register_doubled = false, log_doubled = false;
    if (st == HTX_OK)
        st = doubled_by(s, "SELECT coalesce(max(id), 0) FROM cooperative", rows, &register_doubled, err);
    if (st == HTX_OK)
        st = doubled_by(s, "SELECT coalesce(max(rowid), 0) FROM audit_log", rows, &log_doubled, err);
    if (st == HTX_OK && register_doubled)
        st = set_indexes_aside(s, load, "cooperative", err);
    if (st == HTX_OK && log_doubled)
        st = set_indexes_aside(s, load, "audit_log", err);
    if (st != HTX_OK) {
        htx_store_rollback(s);
        htx_bulk_load_end(s, load);
    }
    return st;
}

htx_status htx_bulk_load_index(htx_store *s, htx_bulk_load *load, htx_error *err)
{
    htx_status st = HTX_OK;
    for (int i = 0; i < load->index_count && st == HTX_OK; i++)
        st = htx_store_exec(s, load->indexes[i], err);
    if (st == HTX_OK)
        st = htx_schema_bulk_end(s, load->last_id, err);
    return st;
}

void htx_bulk_load_end(htx_store *s, htx_bulk_load *load)
{
    for (int i = 0; i < load->index_count; i++)
        free(load->indexes[i]);
    load->index_count = 0;
    /* SQLite's defaults, so that a long-lived screen does not keep the
     * load's cache.  The checkpoint is a passive one: it copies what it can
     * without waiting for a reader or making a writer wait. */
    htx_store_exec(s, "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA wal_autocheckpoint = 1000",
                   NULL);
    sqlite3_wal_checkpoint_v2(htx_store_db(s), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}
