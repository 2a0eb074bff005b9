#include "roster.h"

#include "date.h"
#include "store_internal.h"

/*
 * :club, :day.  The NOT EXISTS keeps one membership per cooperative
 * (the latest) when a history of leaving and rejoining overlaps the day —
 * possible when old memberships have no joined date.
 */
#define ROSTER_SELECT                                                                              \
    "SELECT c.id, c.code, c.name, c.district_code, c.representative, c.phone,"                     \
    " m.role, m.joined_on, m.left_on, c.address, c.commune, c.ward"                                \
    " FROM membership m"                                                                           \
    " JOIN cooperative c ON c.id = m.coop_id"                                                      \
    " JOIN district d ON d.code = c.district_code"                                                 \
    " WHERE m.club_code = :club"                                                                      \
    " AND (m.joined_on IS NULL OR m.joined_on <= :day)"                                              \
    " AND (m.left_on IS NULL OR m.left_on > :day)"                                                   \
    " AND NOT EXISTS (SELECT 1 FROM membership n"                                                  \
    "  WHERE n.coop_id = m.coop_id AND n.club_code = m.club_code AND n.id > m.id"                  \
    "  AND (n.joined_on IS NULL OR n.joined_on <= :day)"                                             \
    "  AND (n.left_on IS NULL OR n.left_on > :day))"

/* One fixed text per order, so each is prepared once and kept. */
static const char *const roster_sql[HTX_ROSTER_SORT_COUNT] = {
    [HTX_ROSTER_BY_NAME] = ROSTER_SELECT " ORDER BY c.name_key, c.id",
    [HTX_ROSTER_BY_DISTRICT] = ROSTER_SELECT " ORDER BY d.sort_key, c.name_key, c.id",
    [HTX_ROSTER_BY_JOINED] = ROSTER_SELECT
    " ORDER BY coalesce(m.joined_on, '9999-12-31'), c.name_key, c.id",
};

static void entry_from_row(sqlite3_stmt *stmt, htx_roster_entry *e)
{
    e->coop_id = sqlite3_column_int64(stmt, 0);
    htx_column_copy(stmt, 1, e->code, sizeof e->code);
    htx_column_copy(stmt, 2, e->name, sizeof e->name);
    htx_column_copy(stmt, 3, e->district, sizeof e->district);
    htx_column_copy(stmt, 4, e->representative, sizeof e->representative);
    htx_column_copy(stmt, 5, e->phone, sizeof e->phone);
    char role[16];
    htx_column_copy(stmt, 6, role, sizeof role);
    int r = htx_role_parse(role);
    e->role = r < 0 ? HTX_ROLE_MEMBER : (htx_role)r;
    htx_column_copy(stmt, 7, e->joined, sizeof e->joined);
    htx_column_copy(stmt, 8, e->left, sizeof e->left);
    htx_column_copy(stmt, 9, e->address, sizeof e->address);
    htx_column_copy(stmt, 10, e->commune, sizeof e->commune);
    htx_column_copy(stmt, 11, e->ward, sizeof e->ward);
}

htx_status htx_roster_each(htx_store *s, const char *club_code, const char *as_of_iso,
                           htx_roster_sort sort, htx_roster_visitor visit, void *ctx,
                           htx_error *err)
{
    const htx_club *club = club_code ? htx_club_find(club_code) : NULL;
    if (!club)
        return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_CLUB, "club", club_code ? club_code : "", NULL);
    htx_date day;
    if (as_of_iso && as_of_iso[0]) {
        if (!htx_date_parse(as_of_iso, &day))
            return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_FORMAT, NULL, as_of_iso, NULL);
    } else {
        day = htx_date_today();
    }
    char day_iso[HTX_ISO_DATE_SIZE];
    htx_date_iso(day, day_iso);
    if ((int)sort < 0 || sort >= HTX_ROSTER_SORT_COUNT)
        sort = HTX_ROSTER_BY_NAME;

    sqlite3_stmt *stmt = htx_store_statement(s, roster_sql[sort], err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":club"), club->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":day"), day_iso, -1, SQLITE_TRANSIENT);
    htx_status st = HTX_OK;
    htx_roster_entry entry;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        entry_from_row(stmt, &entry);
        if (visit(&entry, ctx))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}
