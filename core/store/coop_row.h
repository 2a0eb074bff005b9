/*
 * A cooperative as a row of table cooperative (private to core/store/): the
 * columns and parameters of its fields, pasted at compile time from
 * coop_fields.def, and the reading and binding of a record through them.
 *
 * The fields' columns are bound by name (":code", ":district_code" …, the
 * column's name), never by position, so a statement may list them in any
 * order beside its own parameters.  The columns derived from the record —
 * name_key, name_plain, created_at, updated_at, version — are the
 * statements' own (registry.c).
 */
#ifndef HTX_COOP_ROW_H
#define HTX_COOP_ROW_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "coop_row.h is private to core/store/: include the folder's public headers instead"
#endif

#include <sqlite3.h>

#include "coop.h"
#include "store.h"

/* Each makes one item of a list, comma first: ", c.code" … */
#define HTX_ROW_SELECTED_(id, key, member, column, ...) ", c." column
#define HTX_ROW_COLUMN_(id, key, member, column, ...) ", " column
#define HTX_ROW_PARAMETER_(id, key, member, column, ...) ", :" column
#define HTX_ROW_ASSIGNMENT_(id, key, member, column, ...) ", " column " = :" column

/* What a cooperative is read with, from "cooperative c": the id, the fields
 * in the order of coop_fields.def, then created_at, updated_at, version. */
#define HTX_COOP_COLUMNS                                                                           \
    "c.id" HTX_COOP_FIELDS(HTX_ROW_SELECTED_) ", c.created_at, c.updated_at, c.version"

/* For INSERT and UPDATE after a first item of their own: ", code, name …",
 * ", :code, :name …", ", code = :code, name = :name …". */
#define HTX_COOP_FIELD_COLUMNS HTX_COOP_FIELDS(HTX_ROW_COLUMN_)
#define HTX_COOP_FIELD_PARAMETERS HTX_COOP_FIELDS(HTX_ROW_PARAMETER_)
#define HTX_COOP_FIELD_ASSIGNMENTS HTX_COOP_FIELDS(HTX_ROW_ASSIGNMENT_)

/* Fills c from a row whose first columns are HTX_COOP_COLUMNS. */
void htx_coop_from_row(sqlite3_stmt *stmt, htx_coop *c);

/* Binds every field of c to its parameter (":" and the column's name) in
 * stmt.  The text bound points into c, which must outlive the step.  A
 * statement without one of the parameters is refused (HTX_ERR_DB): it
 * would store a NULL silently. */
htx_status htx_coop_bind(htx_store *s, sqlite3_stmt *stmt, const htx_coop *c, htx_error *err);

#endif
