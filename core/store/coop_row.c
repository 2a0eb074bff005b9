/*
 * Reading and binding a record field by field, through the plain values
 * (htx_scalar) the model turns each field into.  The kinds' own rules stay
 * in the model (field_kind.c): here there are only the three shapes a
 * column value has, NULL, integer and text, so a new kind changes nothing.
 */
#include "coop_row.h"

#include "store_internal.h"

static const char *const field_parameters[HTX_FIELD_COUNT] = {
#define HTX_ROW_PARAMETER_NAME_(id, key, member, column, ...) [HTX_F_##id] = ":" column,
    HTX_COOP_FIELDS(HTX_ROW_PARAMETER_NAME_)
#undef HTX_ROW_PARAMETER_NAME_
};

/* The column as the field's kind holds a known value. */
static htx_scalar read_scalar(sqlite3_stmt *stmt, int col, htx_scalar_type known)
{
    if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
        return (htx_scalar){.type = HTX_SCALAR_NULL};
    if (known == HTX_SCALAR_INTEGER)
        return (htx_scalar){.type = HTX_SCALAR_INTEGER, .integer = sqlite3_column_int64(stmt, col)};
    const char *text = (const char *)sqlite3_column_text(stmt, col);
    if (!text) /* out of memory converting the value: read as unknown */
        return (htx_scalar){.type = HTX_SCALAR_NULL};
    return (htx_scalar){.type = HTX_SCALAR_TEXT, .text = text,
                        .length = (size_t)sqlite3_column_bytes(stmt, col)};
}

void htx_coop_from_row(sqlite3_stmt *stmt, htx_coop *c)
{
    htx_coop_init(c);
    int col = 0;
    c->id = sqlite3_column_int64(stmt, col++);
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_scalar value = read_scalar(stmt, col++, htx_field_kinds[htx_fields[i].kind].scalar);
        htx_coop_set_scalar(c, (htx_field_id)i, &value);
    }
    htx_column_copy(stmt, col++, c->created_at, sizeof c->created_at);
    htx_column_copy(stmt, col++, c->updated_at, sizeof c->updated_at);
    c->version = sqlite3_column_int64(stmt, col);
}

static int bind_scalar(sqlite3_stmt *stmt, int index, const htx_scalar *value)
{
    switch (value->type) {
    case HTX_SCALAR_INTEGER: return sqlite3_bind_int64(stmt, index, value->integer);
    case HTX_SCALAR_TEXT:
        return sqlite3_bind_text(stmt, index, value->text, (int)value->length, SQLITE_STATIC);
    case HTX_SCALAR_NULL: break;
    }
    return sqlite3_bind_null(stmt, index);
}

htx_status htx_coop_bind(htx_store *s, sqlite3_stmt *stmt, const htx_coop *c, htx_error *err)
{
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        int index = sqlite3_bind_parameter_index(stmt, field_parameters[i]);
        if (index == 0)
            return htx_fail(err, HTX_ERR_DB, MSG_DB_ERROR, NULL, field_parameters[i], NULL);
        htx_scalar value;
        htx_coop_scalar(c, (htx_field_id)i, &value);
        if (bind_scalar(stmt, index, &value) != SQLITE_OK)
            return htx_store_fail(s, err);
    }
    return HTX_OK;
}
