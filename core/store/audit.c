#include "audit.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_internal.h"
#include "textout.h"

htx_status htx_changes_open(htx_changes *ch, htx_error *err)
{
    memset(ch, 0, sizeof *ch);
    FILE *f = open_memstream(&ch->json, &ch->size);
    if (!f)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    fputc('{', f);
    ch->stream = f;
    return HTX_OK;
}

static void json_value(FILE *f, const char *value)
{
    if (value)
        htx_json_string(f, value);
    else
        fputs("null", f);
}

void htx_changes_add(htx_changes *ch, const char *field, const char *old_value, const char *new_value)
{
    FILE *f = ch->stream;
    if (ch->count++)
        fputs(", ", f);
    htx_json_string(f, field);
    fputs(": [", f);
    json_value(f, old_value);
    fputs(", ", f);
    json_value(f, new_value);
    fputc(']', f);
}

htx_status htx_changes_finish(htx_changes *ch, htx_error *err)
{
    FILE *f = ch->stream;
    fputc('}', f);
    int failed = ferror(f);
    fclose(f);
    ch->stream = NULL;
    if (failed || !ch->json) {
        free(ch->json);
        ch->json = NULL;
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    return HTX_OK;
}

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
