#include "coop_row.h"

#include <string.h>

#include "store_internal.h"

static int64_t int_or_unknown(sqlite3_stmt *stmt, int col)
{
    return sqlite3_column_type(stmt, col) == SQLITE_NULL ? -1 : sqlite3_column_int64(stmt, col);
}

void htx_coop_from_row(sqlite3_stmt *stmt, htx_coop *c)
{
    htx_coop_init(c);
    c->id = sqlite3_column_int64(stmt, 0);
    htx_column_copy(stmt, 1, c->code, sizeof c->code);
    htx_column_copy(stmt, 2, c->name, sizeof c->name);
    htx_column_copy(stmt, 3, c->district, sizeof c->district);
    htx_column_copy(stmt, 4, c->ward, sizeof c->ward);
    htx_column_copy(stmt, 5, c->address, sizeof c->address);
    htx_column_copy(stmt, 6, c->sector, sizeof c->sector);
    htx_column_copy(stmt, 7, c->founded, sizeof c->founded);
    c->members = int_or_unknown(stmt, 8);
    c->capital = int_or_unknown(stmt, 9);
    htx_column_copy(stmt, 10, c->representative, sizeof c->representative);
    htx_column_copy(stmt, 11, c->phone, sizeof c->phone);
    htx_column_copy(stmt, 12, c->email, sizeof c->email);
    htx_column_copy(stmt, 13, c->products, sizeof c->products);
    char status[16];
    htx_column_copy(stmt, 14, status, sizeof status);
    for (int s = 0; s < HTX_STATUS_COUNT; s++)
        if (strcmp(status, htx_status_code((htx_coop_status)s)) == 0)
            c->status = (htx_coop_status)s;
    c->compliant = sqlite3_column_int(stmt, 15) != 0;
    c->profitable = (int)int_or_unknown(stmt, 16);
    htx_column_copy(stmt, 17, c->notes, sizeof c->notes);
    htx_column_copy(stmt, 18, c->created_at, sizeof c->created_at);
    htx_column_copy(stmt, 19, c->updated_at, sizeof c->updated_at);
    c->version = sqlite3_column_int64(stmt, 20);
}
