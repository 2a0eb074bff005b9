/*
 * The columns a cooperative is read with, shared by registry.c and query.c
 * (private to core/).  HTX_COOP_COLUMNS selects them from "cooperative c".
 */
#ifndef HTX_COOP_ROW_H
#define HTX_COOP_ROW_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "coop_row.h is private to core/store/: include the folder's public headers instead"
#endif

#include <sqlite3.h>

#include "coop.h"

#define HTX_COOP_COLUMNS                                                                    \
    "c.id, c.code, c.name, c.district_code, c.ward, c.address, c.sector_code, c.founded, "  \
    "c.members, c.capital, c.representative, c.phone, c.email, c.products, c.status, "     \
    "c.compliant, c.profitable, c.notes, c.created_at, c.updated_at, c.version"

/* Fills c from a row whose first columns are HTX_COOP_COLUMNS. */
void htx_coop_from_row(sqlite3_stmt *stmt, htx_coop *c);

#endif
