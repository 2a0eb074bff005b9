#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "collate.h"
#include "coop_row.h"
#include "legal_form.h"
#include "name_forms.h"
#include "store_internal.h"

/*
 * The statements that write a record.  The fields' columns come from
 * coop_fields.def (coop_row.h); beside them each statement has the columns
 * derived from the record, bound by bind_record below.
 */
static const char insert_sql[] =
    "INSERT INTO cooperative(name_key, name_plain, distinctive_key, distinctive_plain, created_at,"
    " updated_at, version" HTX_COOP_FIELD_COLUMNS ")"
    " VALUES (:name_key, :name_plain, :distinctive_key, :distinctive_plain, :updated_at, :updated_at, 1"
    HTX_COOP_FIELD_PARAMETERS ")";
static const char update_sql[] =
    "UPDATE cooperative SET name_key = :name_key, name_plain = :name_plain,"
    " distinctive_key = :distinctive_key, distinctive_plain = :distinctive_plain,"
    " updated_at = :updated_at, version = version + 1" HTX_COOP_FIELD_ASSIGNMENTS
    " WHERE id = :id AND version = :version";

/* The index of a parameter the statement is known to have. */
static int parameter(sqlite3_stmt *stmt, const char *name)
{
    return sqlite3_bind_parameter_index(stmt, name);
}

/* Binds the fields and the derived name forms and time; the record and
 * forms must outlive the step (bound without copying). */
static htx_status bind_record(htx_store *s, sqlite3_stmt *stmt, const htx_coop *c,
                              const htx_name_forms *f, htx_error *err)
{
    htx_status st = htx_coop_bind(s, stmt, c, err);
    if (st != HTX_OK)
        return st;
    int rc = htx_name_forms_bind(stmt, f);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, parameter(stmt, ":updated_at"), c->updated_at, -1,
                               SQLITE_STATIC);
    return rc == SQLITE_OK ? HTX_OK : htx_store_fail(s, err);
}

static htx_status code_taken(htx_store *s, const char *code, int64_t exclude_id, htx_error *err)
{
    sqlite3_stmt *stmt =
        htx_store_statement(s, "SELECT 1 FROM cooperative WHERE code = :code AND id <> :id", err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_text(stmt, parameter(stmt, ":code"), code, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, parameter(stmt, ":id"), exclude_id);
    int rc = sqlite3_step(stmt);
    htx_status st = HTX_OK;
    if (rc == SQLITE_ROW)
        st = htx_fail(err, HTX_ERR_DUPLICATE, MSG_CODE_DUPLICATE, "code", code, NULL);
    else if (rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

/* The audit JSON for the fields of after that differ from before (every
 * field that has a value, when before is NULL). */
static htx_status describe_changes(const htx_coop *before, const htx_coop *after, char **json,
                                   int *count, htx_error *err)
{
    htx_changes ch;
    htx_status st = htx_changes_open(&ch, err);
    if (st != HTX_OK)
        return st;
    char old_value[8192], new_value[8192]; /* notes can be this long */
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_field_id id = htx_fields[i].id;
        htx_coop_value(after, id, HTX_VALUE_RAW, HTX_LANG_EN, new_value, sizeof new_value);
        if (before) {
            htx_coop_value(before, id, HTX_VALUE_RAW, HTX_LANG_EN, old_value, sizeof old_value);
            if (strcmp(old_value, new_value) == 0)
                continue;
        } else if (!new_value[0]) {
            continue;
        }
        htx_changes_add(&ch, htx_fields[i].key, before && old_value[0] ? old_value : NULL,
                        new_value[0] ? new_value : NULL);
    }
    *count = ch.count;
    st = htx_changes_finish(&ch, err);
    *json = ch.json;
    return st;
}

htx_status htx_coop_insert_in_tx(htx_store *s, htx_coop *c, const char *user, htx_error *err)
{
    htx_status st = code_taken(s, c->code, 0, err);
    if (st != HTX_OK)
        return st;
    htx_name_forms forms;
    st = htx_name_forms_make(c->name, &forms, err);
    if (st != HTX_OK)
        return st;

    htx_store_timestamp(c->updated_at);
    memcpy(c->created_at, c->updated_at, sizeof c->created_at);
    c->version = 1;
    sqlite3_stmt *stmt = htx_store_statement(s, insert_sql, err);
    if (!stmt) {
        htx_name_forms_free(&forms);
        return HTX_ERR_DB;
    }
    st = bind_record(s, stmt, c, &forms, err);
    if (st == HTX_OK) {
        if (sqlite3_step(stmt) == SQLITE_DONE)
            c->id = sqlite3_last_insert_rowid(htx_store_db(s));
        else
            st = htx_store_fail(s, err);
    }
    htx_stmt_release(stmt);
    htx_name_forms_free(&forms);

    if (st == HTX_OK) {
        char *json = NULL;
        int count = 0;
        st = describe_changes(NULL, c, &json, &count, err);
        if (st == HTX_OK)
            st = htx_audit_record(s, user, "create", c->code, json, err);
        free(json);
    }
    return st;
}

htx_status htx_coop_prepare_insert(const htx_coop *c, htx_coop_prepared *p, htx_error *err)
{
    memset(p, 0, sizeof *p);
    htx_name_forms forms;
    htx_status st = htx_name_forms_make(c->name, &forms, err);
    if (st != HTX_OK)
        return st;
    p->name_key = forms.key;
    p->name_key_len = forms.key_len;
    p->name_plain = forms.plain;
    p->distinctive_key = forms.distinctive_key;
    p->distinctive_key_len = forms.distinctive_key_len;
    p->distinctive_plain = forms.distinctive_plain;
    int count = 0;
    st = describe_changes(NULL, c, &p->changes, &count, err);
    if (st != HTX_OK)
        htx_coop_prepared_free(p);
    return st;
}

void htx_coop_prepared_free(htx_coop_prepared *p)
{
    free(p->name_key);
    free(p->name_plain);
    free(p->distinctive_key);
    free(p->distinctive_plain);
    free(p->changes);
    memset(p, 0, sizeof *p);
}

htx_status htx_coop_insert_prepared_in_tx(htx_store *s, htx_coop *c, const htx_coop_prepared *p,
                                          const char *user, htx_error *err)
{
    htx_store_timestamp(c->updated_at);
    memcpy(c->created_at, c->updated_at, sizeof c->created_at);
    c->version = 1;
    sqlite3_stmt *stmt = htx_store_statement(s, insert_sql, err);
    if (!stmt)
        return HTX_ERR_DB;
    htx_name_forms forms = {p->name_key, p->name_key_len, p->name_plain,
                            p->distinctive_key, p->distinctive_key_len, p->distinctive_plain};
    htx_status st = bind_record(s, stmt, c, &forms, err);
    if (st == HTX_OK) {
        if (sqlite3_step(stmt) == SQLITE_DONE)
            c->id = sqlite3_last_insert_rowid(htx_store_db(s));
        else if (sqlite3_extended_errcode(htx_store_db(s)) == SQLITE_CONSTRAINT_UNIQUE)
            st = htx_fail(err, HTX_ERR_DUPLICATE, MSG_CODE_DUPLICATE, "code", c->code, NULL);
        else
            st = htx_store_fail(s, err);
    }
    htx_stmt_release(stmt);
    if (st == HTX_OK)
        st = htx_audit_record(s, user, "create", c->code, p->changes, err);
    return st;
}

htx_status htx_coop_insert(htx_store *s, htx_coop *c, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(s, err);
    if (st != HTX_OK)
        return st;
    int64_t id_before = c->id;
    st = htx_store_finish(s, htx_coop_insert_in_tx(s, c, user, err), err);
    if (st != HTX_OK)
        c->id = id_before;
    return st;
}

static htx_status load_where(htx_store *s, const char *sql, const char *code, int64_t id,
                             htx_coop *out, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(s, sql, err);
    if (!stmt)
        return HTX_ERR_DB;
    if (code)
        sqlite3_bind_text(stmt, parameter(stmt, ":code"), code, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(stmt, parameter(stmt, ":id"), id);
    htx_status st = HTX_OK;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        htx_coop_from_row(stmt, out);
    } else if (rc == SQLITE_DONE) {
        char shown[32];
        snprintf(shown, sizeof shown, "%s", code ? code : "?");
        st = htx_fail(err, HTX_ERR_NOT_FOUND, MSG_COOP_NOT_FOUND, NULL, shown, NULL);
    } else {
        st = htx_store_fail(s, err);
    }
    htx_stmt_release(stmt);
    return st;
}

htx_status htx_coop_load(htx_store *s, const char *code, htx_coop *out, htx_error *err)
{
    return load_where(s, "SELECT " HTX_COOP_COLUMNS " FROM cooperative c WHERE c.code = :code",
                      code, 0, out, err);
}

htx_status htx_coop_load_id(htx_store *s, int64_t id, htx_coop *out, htx_error *err)
{
    return load_where(s, "SELECT " HTX_COOP_COLUMNS " FROM cooperative c WHERE c.id = :id", NULL, id,
                      out, err);
}

static htx_status update_in_tx(htx_store *s, htx_coop *c, const char *user, htx_error *err)
{
    htx_coop stored;
    htx_status st = htx_coop_load_id(s, c->id, &stored, err);
    if (st != HTX_OK)
        return st;
    if (stored.version != c->version) {
        char version[24];
        snprintf(version, sizeof version, "%lld", (long long)stored.version);
        return htx_fail(err, HTX_ERR_CONFLICT, MSG_CONFLICT, NULL, stored.code, version);
    }
    if (strcmp(stored.code, c->code) != 0 && (st = code_taken(s, c->code, c->id, err)) != HTX_OK)
        return st;

    char *json = NULL;
    int count = 0;
    st = describe_changes(&stored, c, &json, &count, err);
    if (st != HTX_OK || count == 0) {
        free(json);
        return st; /* nothing changed: nothing written, version kept */
    }

    htx_name_forms forms;
    st = htx_name_forms_make(c->name, &forms, err);
    if (st != HTX_OK) {
        free(json);
        return st;
    }
    char updated_at[20];
    memcpy(updated_at, c->updated_at, sizeof updated_at);
    htx_store_timestamp(c->updated_at);
    sqlite3_stmt *stmt = htx_store_statement(s, update_sql, err);
    if (!stmt) {
        st = HTX_ERR_DB;
    } else {
        st = bind_record(s, stmt, c, &forms, err);
        sqlite3_bind_int64(stmt, parameter(stmt, ":id"), c->id);
        sqlite3_bind_int64(stmt, parameter(stmt, ":version"), c->version);
        if (st == HTX_OK && sqlite3_step(stmt) != SQLITE_DONE)
            st = htx_store_fail(s, err);
        htx_stmt_release(stmt);
    }
    htx_name_forms_free(&forms);
    if (st == HTX_OK)
        st = htx_audit_record(s, user, "update", c->code, json, err);
    free(json);
    if (st == HTX_OK)
        c->version++;
    else
        memcpy(c->updated_at, updated_at, sizeof updated_at);
    return st;
}

htx_status htx_coop_update_in_tx(htx_store *s, htx_coop *c, const char *user, htx_error *err)
{
    return update_in_tx(s, c, user, err);
}

htx_status htx_coop_update(htx_store *s, htx_coop *c, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(s, err);
    if (st != HTX_OK)
        return st;
    int64_t version = c->version;
    st = htx_store_finish(s, update_in_tx(s, c, user, err), err);
    if (st != HTX_OK)
        c->version = version; /* a failed commit must not leave the bumped version */
    return st;
}

static htx_status delete_in_tx(htx_store *s, const htx_coop *c, const char *user, htx_error *err)
{
    htx_coop stored;
    htx_status st = htx_coop_load_id(s, c->id, &stored, err);
    if (st != HTX_OK)
        return st;
    if (stored.version != c->version) {
        char version[24];
        snprintf(version, sizeof version, "%lld", (long long)stored.version);
        return htx_fail(err, HTX_ERR_CONFLICT, MSG_CONFLICT, NULL, stored.code, version);
    }
    /* Every old value goes to the log: the record can be typed in again. */
    htx_changes ch;
    st = htx_changes_open(&ch, err);
    if (st != HTX_OK)
        return st;
    char value[8192];
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_coop_value(&stored, htx_fields[i].id, HTX_VALUE_RAW, HTX_LANG_EN, value, sizeof value);
        if (value[0])
            htx_changes_add(&ch, htx_fields[i].key, value, NULL);
    }
    st = htx_changes_finish(&ch, err);
    if (st != HTX_OK)
        return st;
    sqlite3_stmt *stmt =
        htx_store_statement(s, "DELETE FROM cooperative WHERE id = :id AND version = :version", err);
    if (!stmt) {
        free(ch.json);
        return HTX_ERR_DB;
    }
    sqlite3_bind_int64(stmt, parameter(stmt, ":id"), c->id);
    sqlite3_bind_int64(stmt, parameter(stmt, ":version"), c->version);
    st = sqlite3_step(stmt) == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    if (st == HTX_OK)
        st = htx_audit_record(s, user, "delete", stored.code, ch.json, err);
    free(ch.json);
    return st;
}

htx_status htx_coop_delete(htx_store *s, const htx_coop *c, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(s, err);
    if (st != HTX_OK)
        return st;
    return htx_store_finish(s, delete_in_tx(s, c, user, err), err);
}

htx_status htx_coop_find_similar(htx_store *s, const char *name, const char *district, int64_t exclude_id,
                                 htx_coop found[], int max, int *count, htx_error *err)
{
    *count = 0;
    htx_distinctive_name d;
    if (htx_distinctive_name_of(name, &d) != 0)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT " HTX_COOP_COLUMNS " FROM cooperative c"
        " WHERE c.district_code = :district_code AND c.distinctive_plain = :distinctive_plain"
        " AND c.id <> :id ORDER BY c.id",
        err);
    if (!stmt) {
        htx_distinctive_name_free(&d);
        return HTX_ERR_DB;
    }
    sqlite3_bind_text(stmt, parameter(stmt, ":district_code"), district, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, parameter(stmt, ":distinctive_plain"), d.comparison, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, parameter(stmt, ":id"), exclude_id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (*count < max)
            htx_coop_from_row(stmt, &found[*count]);
        ++*count;
    }
    htx_status st = rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    htx_distinctive_name_free(&d);
    return st;
}
