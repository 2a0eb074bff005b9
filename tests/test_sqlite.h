/*
 * Helpers of the unit tests that look at a register's file with SQLite
 * itself, on a connection of their own (include after cmocka.h).
 */
#ifndef HTX_TEST_SQLITE_H
#define HTX_TEST_SQLITE_H

#include <sqlite3.h>

/* Runs a one-value query on a separate plain SQLite connection. */
static inline long long scalar(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    long long v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -999;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

/* Runs SQL on a separate plain connection, failing the test on an error. */
static inline void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(db);
}

/* How many groups of the figures' tally (schema v13) differ from the rows
 * counted: 0 when the triggers kept it right. */
#define FIGURES_THAT_DIFFER                                                                         \
    "SELECT count(*) FROM ("                                                                        \
    " SELECT * FROM (SELECT * FROM figures_tally WHERE cooperatives <> 0 EXCEPT " FIGURES_COUNTED ")" \
    " UNION ALL SELECT * FROM (" FIGURES_COUNTED " EXCEPT SELECT * FROM figures_tally))"
#define FIGURES_COUNTED                                                                             \
    "SELECT sector_code, coalesce(substr(founded, 1, 4), ''), status, coalesce(compliant, -1),"     \
    " coalesce(profitable, -1), count(*) FROM cooperative GROUP BY 1, 2, 3, 4, 5"

/* Undoes schema version 14 (the filters' columns in the indexes). */
#define UNDO_SCHEMA_V14                                                                             \
    "DROP INDEX cooperative_by_code_order;"                                                         \
    "DROP INDEX cooperative_by_name; CREATE INDEX cooperative_by_name ON cooperative(name_key, id);" \
    "DROP INDEX cooperative_by_distinctive;"                                                        \
    "CREATE INDEX cooperative_by_distinctive ON cooperative(distinctive_key, id);"                  \
    "DROP INDEX cooperative_by_founded_order;"                                                      \
    "CREATE INDEX cooperative_by_founded_order ON cooperative(founded_order, name_key, id);"        \
    "DROP INDEX cooperative_by_members_order;"                                                      \
    "CREATE INDEX cooperative_by_members_order ON cooperative(members_order, name_key, id);"        \
    "DROP INDEX cooperative_by_district;"                                                           \
    "CREATE INDEX cooperative_by_district ON cooperative(district_code, name_key, id);"             \
    "DROP INDEX cooperative_by_commune;"                                                            \
    "CREATE INDEX cooperative_by_commune ON cooperative(commune, name_key, id);"                    \
    "DROP INDEX cooperative_by_status;"                                                             \
    "CREATE INDEX cooperative_by_status ON cooperative(status, name_key, id);"                      \
    "DROP INDEX cooperative_by_sector; CREATE INDEX cooperative_by_sector ON cooperative(sector_code);"

/* Undoes schema versions 14 and 13 (the order columns): a register as
 * version 12 left it, but for its user_version. */
#define UNDO_SCHEMA_V13                                                                             \
    UNDO_SCHEMA_V14                                                                                 \
    "DROP INDEX cooperative_by_founded_order; DROP INDEX cooperative_by_members_order;"              \
    "DROP INDEX cooperative_by_status;"                                                             \
    "DROP TRIGGER figures_insert; DROP TRIGGER figures_delete; DROP TRIGGER figures_move;"          \
    "DROP TABLE figures_tally;"                                                                     \
    "ALTER TABLE cooperative DROP COLUMN founded_order;"                                            \
    "ALTER TABLE cooperative DROP COLUMN members_order;"                                            \
    "CREATE INDEX cooperative_by_founded_key"                                                       \
    "  ON cooperative(coalesce(founded, '9999-12-31'), name_key, id);"                              \
    "CREATE INDEX cooperative_by_members_key ON cooperative(coalesce(-members, 1), name_key, id);"

#endif
