/* The store: creation, migrations, constraints, transactions, audit log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "audit.h"
#include "browse.h"
#include "commune.h"
#include "import_maps.h"
#include "membership.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"
#include "test_sqlite.h"

typedef struct fixture {
    char dir[64];
    char path[128];
    htx_store *store;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    test_temp_path(f->dir, f->path, "htx.db");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    htx_store_close(f->store);
    test_remove_db(f->dir, f->path);
    free(f);
    return 0;
}

static void new_database_is_private_versioned_and_wal(void **state)
{
    fixture *f = *state;
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(scalar(f->path, "PRAGMA user_version"), htx_store_schema_version());
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM district"), 30);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM sector"), 7);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM club"), 5);

    sqlite3 *db;
    sqlite3_open(f->path, &db);
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, NULL);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

static void create_refuses_existing_file(void **state)
{
    fixture *f = *state;
    htx_store *other = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &other, &err), HTX_ERR_EXISTS);
    assert_null(other);
    assert_int_equal(err.msg, MSG_DB_EXISTS);
    /* and the file is still the database it was */
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM district"), 30);
}

static void open_reports_missing_foreign_and_newer_files(void **state)
{
    (void)state;
    char dir[64], path[128];
    test_temp_path(dir, path, "none.db");
    htx_store *s = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(path, HTX_OPEN_EXISTING, &s, &err), HTX_ERR_NOT_FOUND);
    assert_int_equal(err.msg, MSG_DB_MISSING);
    assert_int_equal(access(path, F_OK), -1); /* opening did not create it */

    FILE *text = fopen(path, "w");
    fputs("tên,mã số\nHTX A,0100233488\n", text);
    fclose(text);
    assert_int_equal(htx_store_open(path, HTX_OPEN_EXISTING, &s, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_DB_NOT_HTX);
    unlink(path);

    raw_exec(path, "CREATE TABLE t(x); PRAGMA user_version = 99;");
    assert_int_equal(htx_store_open(path, HTX_OPEN_EXISTING, &s, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_DB_NEWER);
    assert_string_equal(err.arg[1], "99");
    assert_int_equal(scalar(path, "PRAGMA user_version"), 99); /* untouched */

    unlink(path);
    raw_exec(path, "CREATE TABLE t(x);"); /* someone else's database */
    assert_int_equal(htx_store_open(path, HTX_OPEN_EXISTING, &s, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_DB_NOT_HTX);
    test_remove_db(dir, path);
}

/* Closes the store and changes its file with sql, as an older htx left it. */
static void rewrite_closed(fixture *f, const char *sql)
{
    htx_store_close(f->store);
    f->store = NULL;
    raw_exec(f->path, sql);
}

/* Undoes versions 13 and 12, the order columns and the word index. */
#define WITHOUT_WORD_INDEX                                                                          \
    UNDO_SCHEMA_V13                                                                                 \
    "DROP TRIGGER words_insert; DROP TRIGGER words_delete; DROP TRIGGER words_update;"            \
    "DROP TABLE search_word; DROP TABLE search_vocab; DROP TABLE name_bucket;"

/* Whoever opens a register an older htx made is told before the upgrade
 * runs, once: the next open finds it current and says nothing. */
typedef struct upgrade_told {
    int times, from, to;
} upgrade_told;

static void note_upgrade(void *ctx, int from_version, int to_version)
{
    upgrade_told *told = ctx;
    told->times++;
    told->from = from_version;
    told->to = to_version;
}

static void an_upgrade_is_told_before_it_runs(void **state)
{
    fixture *f = *state;
    rewrite_closed(f, UNDO_SCHEMA_V14 "PRAGMA user_version = 13;");
    upgrade_told told = {0, 0, 0};
    htx_error err;
    assert_int_equal(htx_store_open_telling(f->path, HTX_OPEN_EXISTING, note_upgrade, &told, &f->store, &err),
                     HTX_OK);
    assert_int_equal(told.times, 1);
    assert_int_equal(told.from, 13);
    assert_int_equal(told.to, htx_store_schema_version());
    assert_int_equal(scalar(f->path, "PRAGMA user_version"), htx_store_schema_version());
    htx_store_close(f->store);
    assert_int_equal(htx_store_open_telling(f->path, HTX_OPEN_EXISTING, note_upgrade, &told, &f->store, &err),
                     HTX_OK);
    assert_int_equal(told.times, 1);
}

static void migration_from_version_1_builds_district_tally(void **state)
{
    fixture *f = *state;
    /* Turn the file back into a version-1 database with rows in it. */
    rewrite_closed(f, WITHOUT_WORD_INDEX
             "DROP TRIGGER tally_insert; DROP TRIGGER tally_delete; DROP TRIGGER tally_move;"
             "DROP TABLE district_tally;"
             "DROP TABLE setting;"
             "DROP TRIGGER unit_tally_insert; DROP TRIGGER unit_tally_delete; DROP TRIGGER unit_tally_move;"
             "DROP TABLE commune_tally;"
             "DROP TRIGGER search_insert; DROP TRIGGER search_delete; DROP TRIGGER search_update;"
             "DROP TABLE cooperative_search;"
             "DROP INDEX cooperative_by_founded_key; DROP INDEX cooperative_by_members_key;"
             "CREATE INDEX cooperative_by_founded ON cooperative(founded, id);"
             "DROP INDEX cooperative_by_commune; ALTER TABLE cooperative DROP COLUMN commune;"
             "DROP TABLE commune_district; DROP TABLE commune;"
             "DROP INDEX cooperative_same_distinctive; DROP INDEX cooperative_by_distinctive;"
             "ALTER TABLE cooperative DROP COLUMN distinctive_key;"
             "ALTER TABLE cooperative DROP COLUMN distinctive_plain;"
             "CREATE INDEX cooperative_same_name ON cooperative(district_code, name_plain);"
             "DROP TABLE import_column_map;"
             "PRAGMA user_version = 1;"
             "INSERT INTO cooperative(code, name, name_key, name_plain, district_code, sector_code,"
             " created_at, updated_at) VALUES"
             " ('0100233488', 'HTX A', x'01', 'htx a', '018', 'trade', '2020-01-01', '2020-01-01'),"
             " ('0100112437', 'HTX B', x'02', 'htx b', '018', 'trade', '2020-01-01', '2020-01-01'),"
             " ('0100109106', 'HTX C', x'03', 'htx c', '001', 'trade', '2020-01-01', '2020-01-01');");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &f->store, &err), HTX_OK);
    assert_int_equal(scalar(f->path, "PRAGMA user_version"), htx_store_schema_version());
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM district_tally WHERE district_code = '018'"), 2);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM district_tally WHERE district_code = '001'"), 1);
    /* version 5 gave the rows already there their distinctive names */
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative WHERE distinctive_plain = 'b'"), 1);
    assert_int_equal(scalar(f->path, "SELECT sum(cooperatives) FROM district_tally"), 3);

    /* and the triggers keep it right afterwards */
    htx_coop c;
    test_make_coop(&c, "0314409058", "HTX Đồng Tâm", "Thanh Trì", "trade");
    assert_int_equal(htx_coop_insert(f->store, &c, "tester", &err), HTX_OK);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM district_tally WHERE district_code = '020'"), 1);
    htx_report r;
    htx_report_init(&r);
    htx_coop_set(&c, "district", "Gia Lâm", &r);
    assert_int_equal(htx_coop_update(f->store, &c, "tester", &err), HTX_OK);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM district_tally WHERE district_code = '020'"), 0);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM district_tally WHERE district_code = '018'"), 3);

    /* version 9's tally of units: the rows without one, then a unit given and changed */
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM commune_tally WHERE commune = ''"), 4);
    htx_coop_set(&c, "commune", "bat trang", &r);
    assert_int_equal(htx_coop_update(f->store, &c, "tester", &err), HTX_OK);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM commune_tally WHERE commune = 'Bát Tràng'"), 1);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM commune_tally WHERE commune = ''"), 3);
    int64_t counts[HTX_COMMUNE_LIMIT], without = 0, total = 0;
    assert_int_equal(htx_commune_counts(f->store, counts, &without, &total, &err), HTX_OK);
    assert_int_equal(total, 4);
    assert_int_equal(without, 3);
    assert_int_equal(counts[htx_commune_find("Bát Tràng") - HTX_COMMUNES], 1);
    assert_int_equal(htx_coop_delete(f->store, &c, "tester", &err), HTX_OK);
    assert_int_equal(scalar(f->path, "SELECT cooperatives FROM commune_tally WHERE commune = 'Bát Tràng'"), 0);
}

typedef struct names_seen {
    char names[8][801];
    int count;
} names_seen;

static int see_name(const htx_coop *c, void *data)
{
    names_seen *seen = data;
    if (seen->count < 8)
        snprintf(seen->names[seen->count++], sizeof seen->names[0], "%s", c->name);
    return 0;
}

/* Version 10 makes every name's keys again: numbers sort by value, and a
 * plain fold an earlier htx made with an invisible character is found. */
static void migration_to_version_10_makes_name_keys_again(void **state)
{
    fixture *f = *state;
    htx_error err;
    static const char *const names[] = {"HTX 10", "HTX 2", "HTX V\xE1\xBA\xA1n\xE2\x80\x8B Ph\xC3\xBA\x63"};
    for (int i = 0; i < 3; i++) {
        htx_coop c;
        char code[16];
        test_code(60 + i, code);
        test_make_coop(&c, code, "HTX", "Gia L\xC3\xA2m", "trade");
        snprintf(c.name, sizeof c.name, "%s", names[i]);
        assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
    }
    /* As version 9 left them: digits keyed one by one (HTX 10 first), the
     * invisible character kept in the plain fold. */
    rewrite_closed(f,
             "UPDATE cooperative SET name_key = x'1001', distinctive_key = x'1001' WHERE name = 'HTX 10';"
             "UPDATE cooperative SET name_key = x'1002', distinctive_key = x'1002' WHERE name = 'HTX 2';"
             "UPDATE cooperative SET name_plain = 'htx van' || char(0x200B) || ' phuc'"
             " WHERE name_plain = 'htx van phuc';"
             WITHOUT_WORD_INDEX
             "DROP TABLE import_column_map;" /* version 11's */
             "PRAGMA user_version = 9;");
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative WHERE name_plain = 'htx van phuc'"), 0);
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &f->store, &err), HTX_OK);
    assert_int_equal(scalar(f->path, "PRAGMA user_version"), htx_store_schema_version());
    htx_filter filter;
    htx_filter_init(&filter);
    names_seen seen = {.count = 0};
    for (int sort = 0; sort < 2; sort++) {
        seen.count = 0;
        filter.sort = sort == 0 ? HTX_SORT_NAME : HTX_SORT_DISTINCTIVE;
        assert_int_equal(htx_query_each(f->store, &filter, see_name, &seen, &err), HTX_OK);
        assert_int_equal(seen.count, 3);
        assert_string_equal(seen.names[0], "HTX 2");
        assert_string_equal(seen.names[1], "HTX 10");
    }
    filter.search = "van phuc";
    seen.count = 0;
    assert_int_equal(htx_query_each(f->store, &filter, see_name, &seen, &err), HTX_OK);
    assert_int_equal(seen.count, 1);
    assert_string_equal(seen.names[0], names[2]);
}

static void insert_load_round_trip_and_audit(void **state)
{
    fixture *f = *state;
    htx_coop c, back;
    test_make_coop(&c, "0100233488", "HTX gốm sứ Tân Thịnh", "gia lam", "industry");
    htx_report r;
    htx_report_init(&r);
    htx_coop_set(&c, "founded", "05/03/2019", &r);
    htx_coop_set(&c, "members", "27", &r);
    htx_coop_set(&c, "capital", "1.500.000.000 đ", &r);
    htx_coop_set(&c, "phone", "+84 912 345 678", &r);
    htx_coop_set(&c, "notes", "dòng một\ndòng hai", &r);
    assert_int_equal(r.errors, 0);
    htx_error err;
    assert_int_equal(htx_coop_insert(f->store, &c, "lan", &err), HTX_OK);
    assert_true(c.id > 0);
    assert_int_equal(c.version, 1);

    assert_int_equal(htx_coop_load(f->store, "0100233488", &back, &err), HTX_OK);
    assert_string_equal(back.name, "HTX gốm sứ Tân Thịnh");
    assert_string_equal(back.district, "018");
    assert_string_equal(back.founded, "2019-03-05");
    assert_int_equal(back.members, 27);
    assert_int_equal(back.capital, 1500000000LL);
    assert_string_equal(back.phone, "0912345678");
    assert_string_equal(back.notes, "dòng một\ndòng hai");
    assert_int_equal(back.profitable, -1);
    assert_int_equal(back.version, 1);

    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                                     " AND user = 'lan' AND entity_key = '0100233488'"
                                     " AND changes LIKE '%\"capital\": [null, \"1500000000\"]%'"),
                     1);
    /* unknown values are stored as NULL, not as sentinels */
    assert_int_equal(scalar(f->path, "SELECT profitable IS NULL AND email IS NULL FROM cooperative"), 1);
}

/* "Hợp tác xã Đồng Tâm" is "HTX Đồng Tâm" of the same district, not of
 * another; a credit fund of that name is not. */
static void similar_names_are_found_by_their_distinctive_part(void **state)
{
    fixture *f = *state;
    htx_coop c;
    htx_error err;
    test_make_coop(&c, "0100233488", "HTX Đồng Tâm", "thanh tri", "trade");
    assert_int_equal(htx_coop_insert(f->store, &c, "lan", &err), HTX_OK);
    test_make_coop(&c, "0100112437", "HTX DV Đồng   Tâm", "thanh tri", "trade");
    assert_int_equal(htx_coop_insert(f->store, &c, "lan", &err), HTX_OK);
    htx_coop found[HTX_SIMILAR_MAX];
    int count = -1;
    assert_int_equal(htx_coop_find_similar(f->store, "Hợp tác xã Đồng Tâm", "020", 0, found, HTX_SIMILAR_MAX,
                                           &count, &err), HTX_OK);
    assert_int_equal(count, 2);
    assert_string_equal(found[0].code, "0100233488"); /* oldest first */
    assert_int_equal(htx_coop_find_similar(f->store, "Hợp tác xã Đồng Tâm", "020", found[0].id, found, 1,
                                           &count, &err), HTX_OK);
    assert_int_equal(count, 1);
    assert_string_equal(found[0].code, "0100112437");
    assert_int_equal(htx_coop_find_similar(f->store, "Hợp tác xã Đồng Tâm", "018", 0, found, HTX_SIMILAR_MAX,
                                           &count, &err), HTX_OK);
    assert_int_equal(count, 0);
    assert_int_equal(htx_coop_find_similar(f->store, "QTDND Đồng Tâm", "020", 0, found, HTX_SIMILAR_MAX,
                                           &count, &err), HTX_OK);
    assert_int_equal(count, 0);
}

static void duplicate_code_is_refused_and_nothing_changes(void **state)
{
    fixture *f = *state;
    htx_coop a, b;
    htx_error err;
    test_make_coop(&a, "0100233488", "HTX Một", "Ba Đình", "trade");
    test_make_coop(&b, "0100233488", "HTX Hai", "Tây Hồ", "trade");
    assert_int_equal(htx_coop_insert(f->store, &a, "t", &err), HTX_OK);
    assert_int_equal(htx_coop_insert(f->store, &b, "t", &err), HTX_ERR_DUPLICATE);
    assert_int_equal(err.msg, MSG_CODE_DUPLICATE);
    assert_string_equal(err.field, "code");
    assert_int_equal(b.id, 0);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative"), 1);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log"), 1);
}

static void update_is_optimistically_locked(void **state)
{
    fixture *f = *state;
    htx_coop mine, theirs;
    htx_error err;
    htx_report r;
    htx_report_init(&r);
    test_make_coop(&mine, "0100233488", "HTX Một", "Ba Đình", "trade");
    assert_int_equal(htx_coop_insert(f->store, &mine, "t", &err), HTX_OK);
    assert_int_equal(htx_coop_load(f->store, "0100233488", &theirs, &err), HTX_OK);

    htx_coop_set(&theirs, "phone", "024 3825 3640", &r);
    assert_int_equal(htx_coop_update(f->store, &theirs, "other", &err), HTX_OK);
    assert_int_equal(theirs.version, 2);

    htx_coop_set(&mine, "name", "HTX Một Trăm", &r);
    assert_int_equal(htx_coop_update(f->store, &mine, "me", &err), HTX_ERR_CONFLICT);
    assert_int_equal(err.msg, MSG_CONFLICT);
    assert_string_equal(err.arg[1], "2");
    assert_int_equal(mine.version, 1);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative WHERE name = 'HTX Một'"), 1);

    /* after reloading, the save goes through and records old and new */
    assert_int_equal(htx_coop_load(f->store, "0100233488", &mine, &err), HTX_OK);
    htx_coop_set(&mine, "name", "HTX Một Trăm", &r);
    assert_int_equal(htx_coop_update(f->store, &mine, "me", &err), HTX_OK);
    assert_int_equal(mine.version, 3);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log WHERE action = 'update' AND user = 'me'"
                                     " AND changes = '{\"name\": [\"HTX Một\", \"HTX Một Trăm\"]}'"),
                     1);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log WHERE user = 'other'"
                                     " AND changes = '{\"phone\": [null, \"02438253640\"]}'"),
                     1);

    /* an unchanged save writes nothing */
    long long entries = scalar(f->path, "SELECT count(*) FROM audit_log");
    assert_int_equal(htx_coop_update(f->store, &mine, "me", &err), HTX_OK);
    assert_int_equal(mine.version, 3);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log"), entries);
}

static void constraints_hold_outside_htx_too(void **state)
{
    fixture *f = *state;
    sqlite3 *db;
    sqlite3_open(f->path, &db);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    const char *bad[] = {
        /* unknown district */
        "INSERT INTO cooperative(code, name, name_key, name_plain, district_code, sector_code, created_at,"
        " updated_at) VALUES ('1', 'x', x'01', 'x', '999', 'trade', 'a', 'a')",
        /* bad status */
        "INSERT INTO cooperative(code, name, name_key, name_plain, district_code, sector_code, status,"
        " created_at, updated_at) VALUES ('2', 'x', x'01', 'x', '001', 'trade', 'gone', 'a', 'a')",
        /* negative members */
        "INSERT INTO cooperative(code, name, name_key, name_plain, district_code, sector_code, members,"
        " created_at, updated_at) VALUES ('3', 'x', x'01', 'x', '001', 'trade', -1, 'a', 'a')",
        /* a date that is not ISO */
        "INSERT INTO cooperative(code, name, name_key, name_plain, district_code, sector_code, founded,"
        " created_at, updated_at) VALUES ('4', 'x', x'01', 'x', '001', 'trade', '05/03/2019', 'a', 'a')",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(sqlite3_exec(db, bad[i], NULL, NULL, NULL) & 0xff, SQLITE_CONSTRAINT);
    sqlite3_close(db);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative"), 0);
}

static void rolled_back_transaction_leaves_nothing(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop a, b;
    test_make_coop(&a, "0100233488", "HTX Một", "Ba Đình", "trade");
    test_make_coop(&b, "0100112437", "HTX Hai", "Ba Đình", "trade");
    assert_int_equal(htx_store_begin(f->store, &err), HTX_OK);
    assert_int_equal(htx_coop_insert_in_tx(f->store, &a, "t", &err), HTX_OK);
    assert_int_equal(htx_coop_insert_in_tx(f->store, &b, "t", &err), HTX_OK);
    htx_store_rollback(f->store);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative"), 0);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log"), 0);
    assert_int_equal(scalar(f->path, "SELECT sum(cooperatives) FROM district_tally"), 0);

    /* a failure inside htx_store_finish's transaction rolls it all back */
    assert_int_equal(htx_store_begin(f->store, &err), HTX_OK);
    htx_status st = htx_coop_insert_in_tx(f->store, &a, "t", &err);
    htx_coop dup = a;
    if (st == HTX_OK)
        st = htx_coop_insert_in_tx(f->store, &dup, "t", &err);
    assert_int_equal(htx_store_finish(f->store, st, &err), HTX_ERR_DUPLICATE);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative"), 0);
}

static void second_connection_waits_and_sees_data_version(void **state)
{
    fixture *f = *state;
    htx_store *other = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &other, &err), HTX_OK);
    int64_t before = 0, after = 0;
    assert_int_equal(htx_store_data_version(f->store, &before, &err), HTX_OK);
    htx_coop c;
    test_make_coop(&c, "0100233488", "HTX Một", "Ba Đình", "trade");
    assert_int_equal(htx_coop_insert(other, &c, "t", &err), HTX_OK);
    assert_int_equal(htx_store_data_version(f->store, &after, &err), HTX_OK);
    assert_true(after != before);
    htx_store_close(other);
}

static int count_visit(const htx_membership *m, void *data)
{
    (void)m;
    (*(int *)data)++;
    return 0;
}

static void memberships_are_unique_dated_and_audited(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop c;
    test_make_coop(&c, "0100233488", "HTX Một", "Ba Đình", "trade");
    assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);

    assert_int_equal(htx_membership_add(f->store, c.id, "CLB Thuong mai - Dich vu", HTX_ROLE_CHAIR,
                                        "2019-05-01", "t", &err),
                     HTX_OK);
    assert_int_equal(htx_membership_add(f->store, c.id, "trade", HTX_ROLE_MEMBER, "2020-01-01", "t", &err),
                     HTX_ERR_DUPLICATE);
    assert_int_equal(err.msg, MSG_MEMBERSHIP_EXISTS);
    assert_int_equal(htx_membership_add(f->store, c.id, "no such club", HTX_ROLE_MEMBER, "", "t", &err),
                     HTX_ERR_INVALID);
    assert_int_equal(htx_membership_end(f->store, c.id, "trade", "2018-01-01", "t", &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_DATE_ORDER);
    assert_int_equal(htx_membership_end(f->store, c.id, "plastic", "2021-01-01", "t", &err),
                     HTX_ERR_NOT_FOUND);

    int64_t counts[5];
    assert_int_equal(htx_club_member_counts(f->store, counts, &err), HTX_OK);
    assert_int_equal(counts[1], 1);
    assert_int_equal(htx_membership_end(f->store, c.id, "trade", "2021-06-30", "t", &err), HTX_OK);
    assert_int_equal(htx_club_member_counts(f->store, counts, &err), HTX_OK);
    assert_int_equal(counts[1], 0);
    /* after leaving, joining again is a new membership */
    assert_int_equal(htx_membership_add(f->store, c.id, "trade", HTX_ROLE_MEMBER, "2022-01-01", "t", &err),
                     HTX_OK);
    int n = 0;
    assert_int_equal(htx_membership_each(f->store, c.id, count_visit, &n, &err), HTX_OK);
    assert_int_equal(n, 2);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log WHERE action IN ('join', 'leave')"), 3);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log WHERE action = 'leave'"
                                     " AND changes = '{\"club\": [\"trade\", null], \"left\": [null, \"2021-06-30\"]}'"),
                     1);
}

static void delete_is_locked_cascades_and_is_logged(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop c, stale;
    htx_report r;
    htx_report_init(&r);
    test_make_coop(&c, "0100233488", "HTX Một", "Ba Đình", "trade");
    assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
    assert_int_equal(htx_membership_add(f->store, c.id, "trade", HTX_ROLE_MEMBER, "2020-01-01", "t", &err), HTX_OK);
    stale = c;
    htx_coop_set(&c, "members", "9", &r);
    assert_int_equal(htx_coop_update(f->store, &c, "t", &err), HTX_OK);

    assert_int_equal(htx_coop_delete(f->store, &stale, "t", &err), HTX_ERR_CONFLICT);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative"), 1);
    assert_int_equal(htx_coop_delete(f->store, &c, "lan", &err), HTX_OK);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM cooperative"), 0);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM membership"), 0);
    assert_int_equal(scalar(f->path, "SELECT sum(cooperatives) FROM district_tally"), 0);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND user = 'lan'"
                                     " AND changes LIKE '%\"name\": [\"HTX Một\", null]%'"
                                     " AND changes LIKE '%\"members\": [\"9\", null]%'"),
                     1);
    assert_int_equal(htx_coop_delete(f->store, &c, "lan", &err), HTX_ERR_NOT_FOUND);
}

/* The figures' tally (schema v13) follows inserts, every change of what it
 * counts by, unknowns included, and deletes. */
static void figures_follow_every_change(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_report r;
    htx_report_init(&r);
    htx_coop a, b;
    test_make_coop(&a, "0100233488", "HTX Một", "Ba Đình", "trade");
    test_make_coop(&b, "0100112437", "HTX Hai", "Ba Đình", "trade");
    assert_int_equal(htx_coop_insert(f->store, &a, "t", &err), HTX_OK);
    assert_int_equal(htx_coop_insert(f->store, &b, "t", &err), HTX_OK);
    assert_int_equal(scalar(f->path, FIGURES_THAT_DIFFER), 0);
    static const char *const changes[][2] = {
        {"founded", "2018"}, {"founded", "03/04/2019"}, {"sector", "transport"}, {"status", "dissolved"},
        {"compliant", "1"},  {"profitable", "0"},       {"founded", ""},         {"profitable", ""},
    };
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        htx_coop_set(&a, changes[i][0], changes[i][1], &r);
        assert_int_equal(htx_coop_update(f->store, &a, "t", &err), HTX_OK);
        assert_int_equal(htx_coop_load_id(f->store, a.id, &a, &err), HTX_OK);
        if (scalar(f->path, FIGURES_THAT_DIFFER) != 0)
            fail_msg("after %s = \"%s\" the tally is off", changes[i][0], changes[i][1]);
    }
    htx_targets t;
    assert_int_equal(htx_query_targets(f->store, &t, &err), HTX_OK);
    assert_int_equal(t.base, 1); /* the dissolved one is not counted */
    assert_int_equal(htx_coop_delete(f->store, &a, "t", &err), HTX_OK);
    assert_int_equal(scalar(f->path, FIGURES_THAT_DIFFER), 0);
    assert_int_equal(scalar(f->path, "SELECT sum(cooperatives) FROM figures_tally"), 1);
}

static int first_audit(const htx_audit_entry *e, void *data)
{
    snprintf(data, 96, "%.15s %.63s", e->action, e->user);
    return 1;
}

static void audit_recent_is_newest_first(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop c;
    htx_report r;
    htx_report_init(&r);
    test_make_coop(&c, "0100233488", "HTX Một", "Ba Đình", "trade");
    assert_int_equal(htx_coop_insert(f->store, &c, "an", &err), HTX_OK);
    htx_coop_set(&c, "members", "12", &r);
    assert_int_equal(htx_coop_update(f->store, &c, "bình", &err), HTX_OK);
    char first[96] = "";
    assert_int_equal(htx_audit_recent(f->store, "0100233488", 5, first_audit, first, &err), HTX_OK);
    assert_string_equal(first, "update bình");
    assert_string_equal(htx_audit_user("chi"), "chi");
}

/* A register of version 10 gains the table of import mappings (version 11):
 * a mapping saved is found again by its headers, and replaced. */
static void migration_to_version_11_remembers_import_maps(void **state)
{
    fixture *f = *state;
    htx_store_close(f->store);
    f->store = NULL;
    raw_exec(f->path, WITHOUT_WORD_INDEX "DROP TABLE import_column_map; PRAGMA user_version = 10;");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &f->store, &err), HTX_OK);
    assert_int_equal(scalar(f->path, "PRAGMA user_version"), htx_store_schema_version());
    char *fields = NULL;
    assert_int_equal(htx_import_maps_load(f->store, "mst\tten don vi", &fields, &err), HTX_ERR_NOT_FOUND);
    assert_int_equal(htx_import_maps_save(f->store, "mst\tten don vi", "code\tname", "lan", &err), HTX_OK);
    assert_int_equal(htx_import_maps_save(f->store, "mst\tten don vi", "code\t-", "lan", &err), HTX_OK);
    assert_int_equal(htx_import_maps_load(f->store, "mst\tten don vi", &fields, &err), HTX_OK);
    assert_string_equal(fields, "code\t-");
    free(fields);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM import_column_map"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(new_database_is_private_versioned_and_wal, setup, teardown),
        cmocka_unit_test_setup_teardown(create_refuses_existing_file, setup, teardown),
        cmocka_unit_test(open_reports_missing_foreign_and_newer_files),
        cmocka_unit_test_setup_teardown(an_upgrade_is_told_before_it_runs, setup, teardown),
        cmocka_unit_test_setup_teardown(migration_from_version_1_builds_district_tally, setup, teardown),
        cmocka_unit_test_setup_teardown(migration_to_version_10_makes_name_keys_again, setup, teardown),
        cmocka_unit_test_setup_teardown(migration_to_version_11_remembers_import_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(insert_load_round_trip_and_audit, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_code_is_refused_and_nothing_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(similar_names_are_found_by_their_distinctive_part, setup, teardown),
        cmocka_unit_test_setup_teardown(update_is_optimistically_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(constraints_hold_outside_htx_too, setup, teardown),
        cmocka_unit_test_setup_teardown(rolled_back_transaction_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(second_connection_waits_and_sees_data_version, setup, teardown),
        cmocka_unit_test_setup_teardown(memberships_are_unique_dated_and_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(audit_recent_is_newest_first, setup, teardown),
        cmocka_unit_test_setup_teardown(delete_is_locked_cascades_and_is_logged, setup, teardown),
        cmocka_unit_test_setup_teardown(figures_follow_every_change, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
