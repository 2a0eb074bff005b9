#include "settings.h"

#include "store_internal.h"

htx_status htx_setting_read(htx_store *s, const char *scope, const char *key, char *out, size_t size,
                            bool *found, htx_error *err)
{
    if (size > 0)
        out[0] = '\0';
    *found = false;
    sqlite3_stmt *stmt =
        htx_store_statement(s, "SELECT value FROM setting WHERE scope = :scope AND key = :key", err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":scope"), scope, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":key"), key, -1, SQLITE_TRANSIENT);
    htx_status st = HTX_OK;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        htx_column_copy(stmt, 0, out, size);
        *found = true;
    } else if (rc != SQLITE_DONE) {
        st = htx_store_fail(s, err);
    }
    htx_stmt_release(stmt);
    return st;
}

htx_status htx_setting_write(htx_store *s, const char *scope, const char *key, const char *value,
                             htx_error *err)
{
    const char *sql = value ? "INSERT INTO setting(scope, key, value) VALUES (:scope, :key, :value)"
                              " ON CONFLICT(scope, key) DO UPDATE SET value = excluded.value"
                            : "DELETE FROM setting WHERE scope = :scope AND key = :key";
    /* One row, one statement: SQLite makes it atomic by itself. */
    sqlite3_stmt *stmt = htx_store_statement(s, sql, err);
    if (!stmt)
        return HTX_ERR_DB;
    htx_status st = HTX_OK;
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":scope"), scope, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":key"), key, -1, SQLITE_TRANSIENT);
    if (value)
        sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":value"), value, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}
