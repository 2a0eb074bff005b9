/* The demo register: the Alliance's 2020 figures, valid data, the same every run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <utf8proc.h>

#include "demo.h"
#include "fold.h"
#include "test_support.h"
#include "validate.h"

/* One demo database shared by the read-only tests: populating takes most
 * of the time, so it is done once. */
typedef struct demo_db {
    char dir[64];
    char path[128];
} demo_db;

static void create_demo(demo_db *d)
{
    test_temp_path(d->dir, d->path, "demo.db");
    htx_store *store = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(d->path, HTX_OPEN_CREATE_NEW, &store, &err), HTX_OK);
    assert_int_equal(htx_demo_populate(store, &err), HTX_OK);
    htx_store_close(store);
}

static int setup_group(void **state)
{
    demo_db *d = calloc(1, sizeof *d);
    create_demo(d);
    *state = d;
    return 0;
}

static int teardown_group(void **state)
{
    demo_db *d = *state;
    test_remove_db(d->dir, d->path);
    free(d);
    return 0;
}

static sqlite3 *open_read_only(const demo_db *d)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(d->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return db;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
        fail();
    }
    return stmt;
}

/* A one-number query with an optional text parameter. */
static long long scalar(sqlite3 *db, const char *sql, const char *param)
{
    sqlite3_stmt *stmt = prepare(db, sql);
    if (param)
        sqlite3_bind_text(stmt, 1, param, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    long long v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
}

static const char *text_of(sqlite3_stmt *stmt, int col)
{
    const unsigned char *t = sqlite3_column_text(stmt, col);
    return t ? (const char *)t : "";
}

static void sector_counts_match_the_alliance_figures(void **state)
{
    sqlite3 *db = open_read_only(*state);
    static const struct {
        const char *sector;
        long long count;
    } expected[] = {
        {"industry", 293}, {"construction", 23}, {"trade", 253}, {"transport", 189}, {"other", 46},
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        assert_int_equal(
            scalar(db, "SELECT count(*) FROM cooperative WHERE sector_code = ?", expected[i].sector),
            expected[i].count);
    long long farms =
        scalar(db, "SELECT count(*) FROM cooperative WHERE sector_code = 'agriculture'", NULL);
    long long funds = scalar(db, "SELECT count(*) FROM cooperative WHERE sector_code = 'credit'", NULL);
    assert_in_range(farms, 30, 50);
    assert_in_range(funds, 8, 16);
    sqlite3_stmt *stmt = prepare(db, "SELECT name FROM cooperative WHERE sector_code = 'credit'");
    while (sqlite3_step(stmt) == SQLITE_ROW)
        assert_int_equal(strncmp(text_of(stmt, 0), "Quỹ tín dụng nhân dân ",
                                 strlen("Quỹ tín dụng nhân dân ")),
                         0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

static void founded_from_2018_adds_up_to_315(void **state)
{
    sqlite3 *db = open_read_only(*state);
    static const char five[] = "('industry', 'construction', 'trade', 'transport', 'other')";
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM cooperative WHERE founded >= '2018-01-01' AND sector_code IN %s",
             five);
    assert_int_equal(scalar(db, sql, NULL), 315);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM cooperative WHERE founded < '2018-01-01' AND sector_code IN %s",
             five);
    assert_int_equal(scalar(db, sql, NULL), 804 - 315);
    assert_int_equal(scalar(db, "SELECT count(*) FROM cooperative WHERE founded IS NULL"
                                " OR founded > '2020-12-31' OR founded < '1975-01-01'",
                            NULL),
                     0);
    assert_int_equal(scalar(db, "SELECT count(*) FROM cooperative WHERE founded >= '2018-01-01'"
                                " AND sector_code IN ('agriculture', 'credit')",
                            NULL),
                     0);
    /* Every year of 2018–2020 has some. */
    for (int year = 2018; year <= 2020; year++) {
        char y[16];
        snprintf(y, sizeof y, "%d", year);
        assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE substr(founded, 1, 4) = ?",
                           y) > 60);
    }
    sqlite3_close(db);
}

static void the_known_cooperatives_are_there_once(void **state)
{
    sqlite3 *db = open_read_only(*state);
    static const struct {
        const char *name, *district, *sector;
    } known[] = {
        {"HTX gốm sứ Tân Thịnh", "018", "industry"},
        {"HTX Đồng Tâm", "020", NULL},
        {"HTX sản xuất mây tre đan xuất khẩu Phú Nghĩa", "277", "industry"},
        {"HTX sơn khảm Ngọ Hạ", "280", "industry"},
        {"HTX thủ công mỹ nghệ Trái tim hồng", "016", "industry"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        sqlite3_stmt *stmt =
            prepare(db, "SELECT district_code, sector_code FROM cooperative WHERE name = ?");
        sqlite3_bind_text(stmt, 1, known[i].name, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
        assert_string_equal(text_of(stmt, 0), known[i].district);
        if (known[i].sector)
            assert_string_equal(text_of(stmt, 1), known[i].sector);
        assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
        sqlite3_finalize(stmt);
    }
    /* "đường" and "dương" both occur, so searches can tell them apart. */
    assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE name GLOB ?", "*[Đđ]ường*") > 0);
    assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE name GLOB ?", "*[Dd]ương*") > 0);
    /* A search for any of them, marks typed or not, finds that one only. */
    static const char *const searches[] = {"%dong tam%", "%tan thinh%", "%may tre%"};
    for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++)
        assert_int_equal(
            scalar(db, "SELECT count(*) FROM cooperative WHERE name_plain LIKE ?", searches[i]), 1);
    sqlite3_close(db);
}

/* In a 40-line terminal the list of Gia Lâm (or Thanh Trì) shows its known
 * cooperative without scrolling: few names sort before it. */
static void known_names_are_on_the_first_screen(void **state)
{
    sqlite3 *db = open_read_only(*state);
    static const char sql[] =
        "SELECT count(*) FROM cooperative c, cooperative k WHERE k.name = ?"
        " AND c.district_code = k.district_code AND c.name_key < k.name_key";
    assert_true(scalar(db, sql, "HTX gốm sứ Tân Thịnh") < 25);
    assert_true(scalar(db, sql, "HTX Đồng Tâm") < 25);
    sqlite3_close(db);
}

static void every_district_has_cooperatives(void **state)
{
    sqlite3 *db = open_read_only(*state);
    assert_int_equal(scalar(db, "SELECT count(DISTINCT district_code) FROM cooperative", NULL), 30);
    assert_int_equal(scalar(db, "SELECT count(*) FROM district d WHERE NOT EXISTS"
                                " (SELECT 1 FROM cooperative c WHERE c.district_code = d.code"
                                "  AND c.sector_code = 'trade')",
                            NULL),
                     0);
    /* The craft-village districts weigh more than the inner city. */
    assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE sector_code = 'industry'"
                           " AND district_code = ?",
                       "277") >
                3 * scalar(db, "SELECT count(*) FROM cooperative WHERE sector_code = 'industry'"
                               " AND district_code = ?",
                           "002"));
    sqlite3_close(db);
}

static void codes_are_valid_and_unique(void **state)
{
    sqlite3 *db = open_read_only(*state);
    sqlite3_stmt *stmt = prepare(db, "SELECT code FROM cooperative");
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const char *code = text_of(stmt, 0);
        assert_int_equal(strlen(code), 10);
        assert_memory_equal(code, "01", 2);
        assert_int_equal(htx_code_check_digit(code), code[9] - '0');
        char parsed[HTX_CODE_SIZE];
        htx_error err;
        assert_int_equal(htx_parse_code(code, parsed, &err), HTX_OK);
        assert_string_equal(parsed, code);
        assert_string_not_equal(code, "0100233488"); /* the documentation's example */
        rows++;
    }
    sqlite3_finalize(stmt);
    assert_int_equal(scalar(db, "SELECT count(DISTINCT code) FROM cooperative", NULL), rows);
    sqlite3_close(db);
}

static bool is_nfc(const char *text)
{
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)text);
    bool same = nfc && strcmp((const char *)nfc, text) == 0;
    free(nfc);
    return same;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Unique ignoring case, marks and the "HTX"/"Hợp tác xã" prefix; every text NFC. */
static void names_are_unique_and_nfc(void **state)
{
    sqlite3 *db = open_read_only(*state);
    sqlite3_stmt *stmt = prepare(db, "SELECT name, ward, address, representative, products, notes"
                                     " FROM cooperative");
    char *keys[2000];
    size_t n = 0;
    int long_prefix = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int col = 0; col < 6; col++)
            assert_true(is_nfc(text_of(stmt, col)));
        const char *name = text_of(stmt, 0);
        const char *rest = name;
        if (strncmp(name, "HTX ", 4) == 0)
            rest = name + 4;
        else if (strncmp(name, "Hợp tác xã ", strlen("Hợp tác xã ")) == 0)
            rest = name + strlen("Hợp tác xã "), long_prefix++;
        assert_true(n < sizeof keys / sizeof keys[0]);
        keys[n] = htx_fold_plain(rest);
        assert_non_null(keys[n]);
        n++;
    }
    sqlite3_finalize(stmt);
    qsort(keys, n, sizeof keys[0], compare_strings);
    for (size_t i = 1; i < n; i++)
        if (strcmp(keys[i - 1], keys[i]) == 0) {
            fprintf(stderr, "two cooperatives named \"%s\"\n", keys[i]);
            fail();
        }
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    assert_true(long_prefix > 20);
    sqlite3_close(db);
}

static void values_are_in_canonical_form(void **state)
{
    sqlite3 *db = open_read_only(*state);
    sqlite3_stmt *stmt = prepare(db, "SELECT phone, email, members, capital, ward, address, products,"
                                     " representative FROM cooperative");
    int rows = 0, phones = 0, landlines = 0, emails = 0, few_members = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        rows++;
        htx_error err;
        const char *phone = text_of(stmt, 0);
        if (phone[0]) {
            char parsed[HTX_PHONE_SIZE];
            assert_int_equal(htx_parse_phone(phone, parsed, &err), HTX_OK);
            assert_string_equal(parsed, phone);
            phones++;
            landlines += strncmp(phone, "024", 3) == 0;
        }
        const char *email = text_of(stmt, 1);
        if (email[0]) {
            char parsed[HTX_EMAIL_SIZE];
            assert_int_equal(htx_parse_email(email, parsed, &err), HTX_OK);
            assert_string_equal(parsed, email);
            for (const char *p = email; *p; p++)
                assert_true((unsigned char)*p < 0x80);
            emails++;
        }
        if (sqlite3_column_type(stmt, 2) != SQLITE_NULL) {
            long long members = sqlite3_column_int64(stmt, 2);
            assert_in_range(members, 3, 3000);
            few_members += members < 5;
        }
        if (sqlite3_column_type(stmt, 3) != SQLITE_NULL) {
            long long capital = sqlite3_column_int64(stmt, 3);
            assert_in_range(capital, 50000000, 20000000000);
            assert_int_equal(capital % 1000000, 0);
        }
        const char *ward = text_of(stmt, 4);
        assert_true(strncmp(ward, "Phường ", strlen("Phường ")) == 0 ||
                    strncmp(ward, "Xã ", strlen("Xã ")) == 0 ||
                    strncmp(ward, "Thị trấn ", strlen("Thị trấn ")) == 0);
        assert_true(text_of(stmt, 5)[0] != '\0');
        assert_true(text_of(stmt, 6)[0] != '\0');
        assert_true(text_of(stmt, 7)[0] != '\0');
    }
    sqlite3_finalize(stmt);
    assert_true(phones > rows / 2 && phones < rows);
    assert_true(landlines > 0 && landlines < phones);
    assert_true(emails > rows / 5 && emails < rows / 2);
    assert_in_range(few_members, 1, 30);

    long long active = scalar(db, "SELECT count(*) FROM cooperative WHERE status = 'active'", NULL);
    assert_in_range(active * 100 / rows, 85, 95);
    assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE status = 'suspended'", NULL) > 0);
    assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE status = 'dissolved'", NULL) > 0);
    long long compliant = scalar(db, "SELECT count(*) FROM cooperative WHERE compliant = 1", NULL);
    assert_in_range(compliant * 100 / rows, 78, 92);
    long long profitable = scalar(db, "SELECT count(*) FROM cooperative WHERE profitable = 1", NULL);
    assert_in_range(profitable * 100 / rows, 62, 78);
    assert_true(scalar(db, "SELECT count(*) FROM cooperative WHERE profitable IS NULL", NULL) > 0);
    sqlite3_close(db);
}

/* The letters that break naive text handling all occur in the names of people
 * (đ only as a capital: it begins a syllable, and names are capitalised). */
static void representatives_use_the_hard_letters(void **state)
{
    sqlite3 *db = open_read_only(*state);
    static const char *const letters[] = {"Đ", "ư", "ơ", "ă", "â", "ê", "ô", "Ư", "Ơ", "Ô", "Â",
                                          "Ánh", "Ước", "Ứng", "Ổn", "Ẩn", "Ấn", "Ỷ", NULL};
    for (size_t i = 0; letters[i]; i++) {
        char pattern[32];
        snprintf(pattern, sizeof pattern, "*%s*", letters[i]);
        if (scalar(db, "SELECT count(*) FROM cooperative WHERE representative GLOB ?", pattern) == 0) {
            fprintf(stderr, "no representative's name has \"%s\"\n", letters[i]);
            fail();
        }
    }
    sqlite3_close(db);
}

static void clubs_have_one_chair_and_fitting_members(void **state)
{
    sqlite3 *db = open_read_only(*state);
    static const struct {
        const char *club, *sector;
        long long at_least;
    } clubs[] = {
        {"agriculture", "agriculture", 20}, {"trade", "trade", 50}, {"plastic", "industry", 20},
        {"industry", "industry", 70},       {"credit", "credit", 8},
    };
    for (size_t i = 0; i < sizeof clubs / sizeof clubs[0]; i++) {
        const char *club = clubs[i].club;
        assert_int_equal(scalar(db, "SELECT count(*) FROM membership WHERE club_code = ?"
                                    " AND role = 'chair' AND left_on IS NULL",
                                club),
                         1);
        assert_in_range(scalar(db, "SELECT count(*) FROM membership WHERE club_code = ?"
                                   " AND role = 'vice-chair' AND left_on IS NULL",
                               club),
                        1, 2);
        assert_true(scalar(db, "SELECT count(*) FROM membership WHERE club_code = ?"
                               " AND left_on IS NULL",
                           club) >= clubs[i].at_least);
        sqlite3_stmt *stmt = prepare(db, "SELECT count(*) FROM membership m"
                                         " JOIN cooperative c ON c.id = m.coop_id"
                                         " WHERE m.club_code = ?1 AND c.sector_code <> ?2");
        sqlite3_bind_text(stmt, 1, club, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, clubs[i].sector, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int64(stmt, 0), 0);
        sqlite3_finalize(stmt);
    }
    /* Plastics club members make plastic goods. */
    assert_int_equal(scalar(db, "SELECT count(*) FROM membership m JOIN cooperative c"
                                " ON c.id = m.coop_id WHERE m.club_code = 'plastic'"
                                " AND c.name_plain NOT LIKE '%nhua%'",
                            NULL),
                     0);
    /* Joined after founding, by the end of 2020; left (if at all) after joining. */
    assert_int_equal(scalar(db, "SELECT count(*) FROM membership m JOIN cooperative c"
                                " ON c.id = m.coop_id WHERE m.joined_on IS NULL"
                                " OR m.joined_on <= c.founded OR m.joined_on > '2020-12-31'"
                                " OR m.left_on < m.joined_on OR m.left_on > '2020-12-31'",
                            NULL),
                     0);
    /* Leaders are active; nobody dissolved is a current member. */
    assert_int_equal(scalar(db, "SELECT count(*) FROM membership m JOIN cooperative c"
                                " ON c.id = m.coop_id WHERE m.role <> 'member'"
                                " AND c.status <> 'active'",
                            NULL),
                     0);
    assert_int_equal(scalar(db, "SELECT count(*) FROM membership m JOIN cooperative c"
                                " ON c.id = m.coop_id WHERE m.left_on IS NULL"
                                " AND c.status = 'dissolved'",
                            NULL),
                     0);
    assert_true(scalar(db, "SELECT count(*) FROM membership WHERE left_on IS NOT NULL", NULL) > 0);
    sqlite3_close(db);
}

static void changes_are_logged_as_the_demo_user(void **state)
{
    sqlite3 *db = open_read_only(*state);
    assert_int_equal(scalar(db, "SELECT count(*) FROM audit_log WHERE user <> 'htx-demo'", NULL), 0);
    assert_int_equal(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'create'", NULL),
                     scalar(db, "SELECT count(*) FROM cooperative", NULL));
    assert_int_equal(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'join'", NULL),
                     scalar(db, "SELECT count(*) FROM membership", NULL));
    assert_int_equal(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'leave'", NULL),
                     scalar(db, "SELECT count(*) FROM membership WHERE left_on IS NOT NULL", NULL));
    sqlite3_close(db);
}

/* FNV-1a over every value of a query's rows, skipping columns named in skip. */
static uint64_t digest_query(sqlite3 *db, const char *sql, const char *const skip[],
                             uint64_t h)
{
    sqlite3_stmt *stmt = prepare(db, sql);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int col = 0; col < sqlite3_column_count(stmt); col++) {
            bool skipped = false;
            for (size_t k = 0; skip[k] && !skipped; k++)
                skipped = strcmp(sqlite3_column_name(stmt, col), skip[k]) == 0;
            if (skipped)
                continue;
            const unsigned char *v = sqlite3_column_blob(stmt, col);
            int len = sqlite3_column_bytes(stmt, col);
            for (int i = 0; i < len; i++)
                h = (h ^ v[i]) * UINT64_C(0x100000001b3);
            h = (h ^ (uint64_t)sqlite3_column_type(stmt, col)) * UINT64_C(0x100000001b3);
        }
    }
    sqlite3_finalize(stmt);
    return h;
}

static uint64_t digest(const demo_db *d)
{
    sqlite3 *db = open_read_only(d);
    static const char *const timestamps[] = {"created_at", "updated_at", "at", NULL};
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    h = digest_query(db, "SELECT * FROM cooperative ORDER BY id", timestamps, h);
    h = digest_query(db, "SELECT * FROM membership ORDER BY id", timestamps, h);
    h = digest_query(db, "SELECT * FROM audit_log ORDER BY id", timestamps, h);
    sqlite3_close(db);
    return h;
}

static void the_same_register_every_time(void **state)
{
    demo_db other;
    create_demo(&other);
    uint64_t first = digest(*state), second = digest(&other);
    test_remove_db(other.dir, other.path);
    assert_true(first == second);
}

/* Populating a register that has data fails as a whole and changes nothing. */
static void a_failed_population_changes_nothing(void **state)
{
    demo_db *d = *state;
    uint64_t before = digest(d);
    htx_store *store = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(d->path, HTX_OPEN_EXISTING, &store, &err), HTX_OK);
    assert_int_not_equal(htx_demo_populate(store, &err), HTX_OK);
    htx_store_close(store);
    assert_true(digest(d) == before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sector_counts_match_the_alliance_figures),
        cmocka_unit_test(founded_from_2018_adds_up_to_315),
        cmocka_unit_test(the_known_cooperatives_are_there_once),
        cmocka_unit_test(known_names_are_on_the_first_screen),
        cmocka_unit_test(every_district_has_cooperatives),
        cmocka_unit_test(codes_are_valid_and_unique),
        cmocka_unit_test(names_are_unique_and_nfc),
        cmocka_unit_test(values_are_in_canonical_form),
        cmocka_unit_test(representatives_use_the_hard_letters),
        cmocka_unit_test(clubs_have_one_chair_and_fitting_members),
        cmocka_unit_test(changes_are_logged_as_the_demo_user),
        cmocka_unit_test(the_same_register_every_time),
        cmocka_unit_test(a_failed_population_changes_nothing),
    };
    return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
