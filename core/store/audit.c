#include "audit.h"

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "store_internal.h"

htx_status htx_audit_record(htx_store *s, const char *user, const char *action,
                            const char *entity_key, const char *changes_json, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s, "INSERT INTO audit_log(at, user, action, entity_key, changes) VALUES (?, ?, ?, ?, ?)", err);
    if (!stmt)
        return HTX_ERR_DB;
    char at[20];
    htx_store_timestamp(at);
    sqlite3_bind_text(stmt, 1, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, entity_key, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 5, changes_json, -1, SQLITE_STATIC);
    htx_status st = sqlite3_step(stmt) == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

htx_status htx_audit_recent(htx_store *s, const char *coop_code, int limit,
                            htx_audit_visitor visit, void *ctx, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT id, at, user, action, entity_key, changes FROM audit_log"
        " WHERE entity_key = ? ORDER BY id DESC LIMIT ?",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_text(stmt, 1, coop_code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, limit);
    htx_status st = HTX_OK;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        htx_audit_entry e;
        e.id = sqlite3_column_int64(stmt, 0);
        htx_column_copy(stmt, 1, e.at, sizeof e.at);
        htx_column_copy(stmt, 2, e.user, sizeof e.user);
        htx_column_copy(stmt, 3, e.action, sizeof e.action);
        htx_column_copy(stmt, 4, e.entity_key, sizeof e.entity_key);
        const char *changes = (const char *)sqlite3_column_text(stmt, 5);
        e.changes = changes ? changes : "{}";
        if (visit(&e, ctx))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

const char *htx_audit_user(const char *override)
{
    if (override && override[0])
        return override;
    const char *user = getenv("USER");
    if (user && user[0])
        return user;
    /* Not thread-safe, but htx is single-threaded and this is read once. */
    struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_name ? pw->pw_name : "unknown";
}
