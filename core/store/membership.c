#include "membership.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "store_internal.h"

/* The cooperative's code, for messages and the audit log. */
static htx_status coop_code(htx_store *s, int64_t coop_id, char code[32], htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(s, "SELECT code FROM cooperative WHERE id = ?", err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_int64(stmt, 1, coop_id);
    int rc = sqlite3_step(stmt);
    htx_status st = HTX_OK;
    if (rc == SQLITE_ROW)
        htx_column_copy(stmt, 0, code, 32);
    else if (rc == SQLITE_DONE)
        st = htx_fail(err, HTX_ERR_NOT_FOUND, MSG_COOP_NOT_FOUND, NULL, "?", NULL);
    else
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

/* The current membership's id and joined date; HTX_ERR_NOT_FOUND if none. */
static htx_status current_membership(htx_store *s, int64_t coop_id, const char *club, int64_t *id,
                                     char joined[HTX_ISO_DATE_SIZE], htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT id, joined_on FROM membership"
        " WHERE coop_id = ? AND club_code = ? AND left_on IS NULL",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_int64(stmt, 1, coop_id);
    sqlite3_bind_text(stmt, 2, club, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    htx_status st = HTX_ERR_NOT_FOUND;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(stmt, 0);
        htx_column_copy(stmt, 1, joined, HTX_ISO_DATE_SIZE);
        st = HTX_OK;
    } else if (rc != SQLITE_DONE) {
        st = htx_store_fail(s, err);
    }
    htx_stmt_release(stmt);
    return st;
}

static htx_status audit_membership(htx_store *s, const char *user, const char *action,
                                   const char *code, const char *club, const char *role,
                                   const char *date_field, const char *date, htx_error *err)
{
    htx_changes ch;
    htx_status st = htx_changes_open(&ch, err);
    if (st != HTX_OK)
        return st;
    bool joining = strcmp(action, "join") == 0;
    htx_changes_add(&ch, "club", joining ? NULL : club, joining ? club : NULL);
    if (role)
        htx_changes_add(&ch, "role", NULL, role);
    if (date && date[0])
        htx_changes_add(&ch, date_field, NULL, date);
    st = htx_changes_finish(&ch, err);
    if (st == HTX_OK)
        st = htx_audit_record(s, user, action, code, ch.json, err);
    free(ch.json);
    return st;
}

htx_status htx_membership_add_in_tx(htx_store *s, int64_t coop_id, const char *club,
                                    htx_role role, const char *joined_iso, const char *user,
                                    htx_error *err)
{
    const htx_club *c = htx_club_find(club);
    if (!c)
        return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_CLUB, "club", club, NULL);
    char code[32];
    htx_status st = coop_code(s, coop_id, code, err);
    if (st != HTX_OK)
        return st;
    int64_t existing;
    char joined[HTX_ISO_DATE_SIZE];
    st = current_membership(s, coop_id, c->code, &existing, joined, err);
    if (st == HTX_OK)
        return htx_fail(err, HTX_ERR_DUPLICATE, MSG_MEMBERSHIP_EXISTS, "club", code, c->name);
    if (st != HTX_ERR_NOT_FOUND)
        return st;

    sqlite3_stmt *stmt = htx_store_statement(
        s, "INSERT INTO membership(coop_id, club_code, role, joined_on) VALUES (?, ?, ?, ?)", err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_int64(stmt, 1, coop_id);
    sqlite3_bind_text(stmt, 2, c->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, htx_role_code(role), -1, SQLITE_STATIC);
    htx_bind_text_or_null(stmt, 4, joined_iso);
    st = sqlite3_step(stmt) == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    if (st == HTX_OK)
        st = audit_membership(s, user, "join", code, c->code, htx_role_code(role), "joined",
                              joined_iso, err);
    return st;
}

htx_status htx_membership_add(htx_store *s, int64_t coop_id, const char *club, htx_role role,
                              const char *joined_iso, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(s, err);
    if (st != HTX_OK)
        return st;
    return htx_store_finish(s, htx_membership_add_in_tx(s, coop_id, club, role, joined_iso, user, err),
                            err);
}

static htx_status end_in_tx(htx_store *s, int64_t coop_id, const htx_club *c, const char *left_iso,
                            const char *user, htx_error *err)
{
    char code[32];
    htx_status st = coop_code(s, coop_id, code, err);
    if (st != HTX_OK)
        return st;
    int64_t id;
    char joined[HTX_ISO_DATE_SIZE];
    st = current_membership(s, coop_id, c->code, &id, joined, err);
    if (st == HTX_ERR_NOT_FOUND)
        return htx_fail(err, HTX_ERR_NOT_FOUND, MSG_MEMBERSHIP_NOT_FOUND, "club", code, c->name);
    if (st != HTX_OK)
        return st;
    if (joined[0] && strcmp(left_iso, joined) < 0)
        return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_ORDER, "left", left_iso, joined);

    sqlite3_stmt *stmt = htx_store_statement(s, "UPDATE membership SET left_on = ? WHERE id = ?", err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_text(stmt, 1, left_iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 2, id);
    st = sqlite3_step(stmt) == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    if (st == HTX_OK)
        st = audit_membership(s, user, "leave", code, c->code, NULL, "left", left_iso, err);
    return st;
}

htx_status htx_membership_end_in_tx(htx_store *s, int64_t coop_id, const char *club,
                                    const char *left_iso, const char *user, htx_error *err)
{
    const htx_club *c = htx_club_find(club);
    if (!c)
        return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_CLUB, "club", club, NULL);
    return end_in_tx(s, coop_id, c, left_iso, user, err);
}

htx_status htx_membership_end(htx_store *s, int64_t coop_id, const char *club,
                              const char *left_iso, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(s, err);
    if (st != HTX_OK)
        return st;
    return htx_store_finish(s, htx_membership_end_in_tx(s, coop_id, club, left_iso, user, err), err);
}

htx_status htx_membership_each(htx_store *s, int64_t coop_id, htx_membership_visitor visit,
                               void *ctx, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT m.id, m.coop_id, m.club_code, m.role, m.joined_on, m.left_on"
        " FROM membership m JOIN club k ON k.code = m.club_code"
        " WHERE m.coop_id = ? ORDER BY m.left_on IS NOT NULL, k.position, m.id",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_int64(stmt, 1, coop_id);
    htx_status st = HTX_OK;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        htx_membership m;
        char role[16];
        m.id = sqlite3_column_int64(stmt, 0);
        m.coop_id = sqlite3_column_int64(stmt, 1);
        htx_column_copy(stmt, 2, m.club, sizeof m.club);
        htx_column_copy(stmt, 3, role, sizeof role);
        int r = htx_role_parse(role);
        m.role = r < 0 ? HTX_ROLE_MEMBER : (htx_role)r;
        htx_column_copy(stmt, 4, m.joined, sizeof m.joined);
        htx_column_copy(stmt, 5, m.left, sizeof m.left);
        if (visit(&m, ctx))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

htx_status htx_club_member_counts(htx_store *s, int64_t counts[], htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s, "SELECT club_code, count(*) FROM membership WHERE left_on IS NULL GROUP BY club_code",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    for (size_t i = 0; i < HTX_CLUB_COUNT; i++)
        counts[i] = 0;
    htx_status st = HTX_OK;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *club = (const char *)sqlite3_column_text(stmt, 0);
        for (size_t i = 0; i < HTX_CLUB_COUNT; i++)
            if (club && strcmp(HTX_CLUBS[i].code, club) == 0)
                counts[i] = sqlite3_column_int64(stmt, 1);
    }
    if (rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}
