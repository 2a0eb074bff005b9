#include "bulk_load.h"

#include "schema.h"
#include "store_internal.h"

htx_status htx_bulk_load_begin(htx_store *s, htx_bulk_load *load, htx_error *err)
{
    load->last_id = 0;
    /* A large load touches many pages of the indexes: with SQLite's small
     * default cache and journals in temporary files, pages would be written
     * out and read back again and again before the commit. */
    htx_store_exec(s, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", NULL);
    htx_status st = htx_store_begin(s, err);
    if (st == HTX_OK)
        st = htx_schema_bulk_begin(s, &load->last_id, err);
    if (st != HTX_OK) {
        htx_store_rollback(s);
        htx_bulk_load_end(s);
    }
    return st;
}

htx_status htx_bulk_load_index(htx_store *s, const htx_bulk_load *load, htx_error *err)
{
    return htx_schema_bulk_end(s, load->last_id, err);
}

void htx_bulk_load_end(htx_store *s)
{
    /* SQLite's default, so that a long-lived screen does not keep the
     * load's cache. */
    htx_store_exec(s, "PRAGMA cache_size = -2000", NULL);
}
