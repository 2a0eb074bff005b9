/* The import mappings remembered (import_maps.h): table import_column_map. */
#include "import_maps.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static int bind(sqlite3_stmt *stmt, const char *name, const char *text)
{
    return sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, name), text, -1, SQLITE_STATIC);
}

htx_status htx_import_maps_load(htx_store *s, const char *headers, char **fields, htx_error *err)
{
    *fields = NULL;
    sqlite3_stmt *stmt = htx_store_statement(s, "SELECT fields FROM import_column_map WHERE headers = :headers",
                                             err);
    if (!stmt)
        return HTX_ERR_DB;
    htx_status st = HTX_ERR_NOT_FOUND;
    if (bind(stmt, ":headers", headers) != SQLITE_OK) {
        st = htx_store_fail(s, err);
    } else {
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            const char *text = (const char *)sqlite3_column_text(stmt, 0);
            *fields = strdup(text ? text : "");
            st = *fields ? HTX_OK : htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        } else if (rc != SQLITE_DONE) {
            st = htx_store_fail(s, err);
        }
    }
    htx_stmt_release(stmt);
    return st;
}

htx_status htx_import_maps_save(htx_store *s, const char *headers, const char *fields, const char *user,
                                htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "INSERT INTO import_column_map (headers, fields, saved_at, saved_by)"
        " VALUES (:headers, :fields, :saved_at, :saved_by)"
        " ON CONFLICT (headers) DO UPDATE SET fields = excluded.fields, saved_at = excluded.saved_at,"
        " saved_by = excluded.saved_by",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    char now[20];
    htx_store_timestamp(now);
    htx_status st = HTX_OK;
    if (bind(stmt, ":headers", headers) != SQLITE_OK || bind(stmt, ":fields", fields) != SQLITE_OK ||
        bind(stmt, ":saved_at", now) != SQLITE_OK || bind(stmt, ":saved_by", user ? user : "htx") != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}
