/* A club's roster: who is a member on a given day, in Vietnamese order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "membership.h"
#include "registry.h"
#include "roster.h"
#include "test_support.h"

typedef struct fixture {
    char dir[64];
    char path[128];
    htx_store *store;
} fixture;

/*
 * The Plastics club's history, in the order it is recorded:
 *   Đồng Tâm   chair since 2019-01-01
 *   An Bình    member, joined date unknown
 *   Ăn Uống    joins on 2025-06-01
 *   Dương Nội  member 2010-01-01 … 2020-01-01
 *   Hòa Bình   member with no dates until 2019-06-30, then again (no date)
 *   Ứng Hòa    only in the trade club
 */
enum { DONG_TAM, AN_BINH, AN_UONG, DUONG_NOI, HOA_BINH, UNG_HOA, COOP_COUNT };

static const struct {
    const char *name, *district;
} coops[COOP_COUNT] = {
    [DONG_TAM] = {"HTX Đồng Tâm", "Ba Đình"},   [AN_BINH] = {"HTX An Bình", "Tây Hồ"},
    [AN_UONG] = {"HTX Ăn Uống", "Gia Lâm"},     [DUONG_NOI] = {"HTX Dương Nội", "Hà Đông"},
    [HOA_BINH] = {"HTX Hòa Bình", "Đống Đa"},   [UNG_HOA] = {"HTX Ứng Hòa", "Ứng Hòa"},
};

static int64_t ids[COOP_COUNT];

static void join(fixture *f, int coop, const char *club, htx_role role, const char *joined)
{
    htx_error err;
    assert_int_equal(htx_membership_add(f->store, ids[coop], club, role, joined, "t", &err), HTX_OK);
}

static void leave(fixture *f, int coop, const char *club, const char *left)
{
    htx_error err;
    assert_int_equal(htx_membership_end(f->store, ids[coop], club, left, "t", &err), HTX_OK);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    test_temp_path(f->dir, f->path, "htx.db");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    for (int i = 0; i < COOP_COUNT; i++) {
        htx_coop c;
        char code[16];
        test_code(i, code);
        test_make_coop(&c, code, coops[i].name, coops[i].district, "industry");
        if (i == DONG_TAM) {
            htx_report r;
            htx_report_init(&r);
            htx_coop_set(&c, "representative", "Nguyễn Văn An", &r);
            htx_coop_set(&c, "phone", "0912 345 678", &r);
            assert_int_equal(r.errors, 0);
        }
        assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
        ids[i] = c.id;
    }
    join(f, DONG_TAM, "plastic", HTX_ROLE_CHAIR, "2019-01-01");
    join(f, AN_BINH, "plastic", HTX_ROLE_MEMBER, "");
    join(f, AN_UONG, "plastic", HTX_ROLE_MEMBER, "2025-06-01");
    join(f, DUONG_NOI, "plastic", HTX_ROLE_VICE_CHAIR, "2010-01-01");
    leave(f, DUONG_NOI, "plastic", "2020-01-01");
    join(f, HOA_BINH, "plastic", HTX_ROLE_MEMBER, "");
    leave(f, HOA_BINH, "plastic", "2019-06-30");
    join(f, HOA_BINH, "plastic", HTX_ROLE_MEMBER, "");
    join(f, UNG_HOA, "trade", HTX_ROLE_MEMBER, "2018-05-05");
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

typedef struct roster {
    htx_roster_entry entries[16];
    int count;
    int stop_after; /* 0: never */
} roster;

static int collect(const htx_roster_entry *e, void *data)
{
    roster *r = data;
    if (r->count < 16)
        r->entries[r->count++] = *e;
    return r->stop_after && r->count == r->stop_after;
}

static roster read_roster(fixture *f, const char *club, const char *day, htx_roster_sort sort)
{
    roster r = {.count = 0};
    htx_error err;
    assert_int_equal(htx_roster_each(f->store, club, day, sort, collect, &r, &err), HTX_OK);
    return r;
}

static void assert_names(const roster *r, const int *expected, int count)
{
    assert_int_equal(r->count, count);
    for (int i = 0; i < count; i++)
        assert_string_equal(r->entries[i].name, coops[expected[i]].name);
}

static void current_members_in_vietnamese_order(void **state)
{
    fixture *f = *state;
    roster r = read_roster(f, "plastic", "2024-12-31", HTX_ROSTER_BY_NAME);
    const int expected[] = {AN_BINH, DONG_TAM, HOA_BINH};
    assert_names(&r, expected, 3);

    const htx_roster_entry *chair = &r.entries[1];
    assert_int_equal(chair->coop_id, ids[DONG_TAM]);
    assert_int_equal(chair->role, HTX_ROLE_CHAIR);
    assert_string_equal(chair->joined, "2019-01-01");
    assert_string_equal(chair->left, "");
    assert_string_equal(chair->district, "001");
    assert_string_equal(chair->representative, "Nguyễn Văn An");
    assert_string_equal(chair->phone, "0912345678");
    char code[16];
    test_code(DONG_TAM, code);
    assert_string_equal(chair->code, code);
    assert_string_equal(r.entries[0].joined, "");
}

static void past_days_show_past_members(void **state)
{
    fixture *f = *state;
    /* Dương Nội was a member then; Hòa Bình's two memberships both cover
     * the day, and it is listed once */
    roster r = read_roster(f, "plastic", "2015-01-01", HTX_ROSTER_BY_NAME);
    const int expected[] = {AN_BINH, DUONG_NOI, HOA_BINH};
    assert_names(&r, expected, 3);
    assert_string_equal(r.entries[1].left, "2020-01-01");
    assert_int_equal(r.entries[1].role, HTX_ROLE_VICE_CHAIR);
}

static void joined_and_left_days_are_boundaries(void **state)
{
    fixture *f = *state;
    /* a member on the day it joins */
    roster joining = read_roster(f, "plastic", "2019-01-01", HTX_ROSTER_BY_NAME);
    const int on_joining[] = {AN_BINH, DUONG_NOI, DONG_TAM, HOA_BINH}; /* d < đ */
    assert_names(&joining, on_joining, 4);
    /* no longer a member on the day it leaves */
    roster leaving = read_roster(f, "plastic", "2020-01-01", HTX_ROSTER_BY_NAME);
    const int on_leaving[] = {AN_BINH, DONG_TAM, HOA_BINH};
    assert_names(&leaving, on_leaving, 3);
    roster day_before = read_roster(f, "plastic", "2019-12-31", HTX_ROSTER_BY_NAME);
    assert_int_equal(day_before.count, 4);
    /* a future joining counts from its day */
    roster later = read_roster(f, "plastic", "2025-06-01", HTX_ROSTER_BY_NAME);
    const int after_joining[] = {AN_BINH, AN_UONG, DONG_TAM, HOA_BINH};
    assert_names(&later, after_joining, 4);
}

static void other_orders(void **state)
{
    fixture *f = *state;
    /* Ba Đình < Đống Đa < Tây Hồ */
    roster by_district = read_roster(f, "plastic", "2024-12-31", HTX_ROSTER_BY_DISTRICT);
    const int districts[] = {DONG_TAM, HOA_BINH, AN_BINH};
    assert_names(&by_district, districts, 3);
    /* unknown joined dates last, by name */
    roster by_joined = read_roster(f, "plastic", "2024-12-31", HTX_ROSTER_BY_JOINED);
    const int joined[] = {DONG_TAM, AN_BINH, HOA_BINH};
    assert_names(&by_joined, joined, 3);
}

static void other_clubs_and_names(void **state)
{
    fixture *f = *state;
    roster trade = read_roster(f, "trade", "2024-12-31", HTX_ROSTER_BY_NAME);
    const int expected[] = {UNG_HOA};
    assert_names(&trade, expected, 1);
    /* a club by its name, typed without marks */
    roster by_name = read_roster(f, "clb nhua ha noi", "2024-12-31", HTX_ROSTER_BY_NAME);
    assert_int_equal(by_name.count, 3);
    roster none = read_roster(f, "credit", "2024-12-31", HTX_ROSTER_BY_NAME);
    assert_int_equal(none.count, 0);
}

static void today_by_default(void **state)
{
    fixture *f = *state;
    setenv("HTX_TODAY", "2015-01-01", 1);
    roster r = read_roster(f, "plastic", NULL, HTX_ROSTER_BY_NAME);
    roster empty_day = read_roster(f, "plastic", "", HTX_ROSTER_BY_NAME);
    unsetenv("HTX_TODAY");
    const int expected[] = {AN_BINH, DUONG_NOI, HOA_BINH};
    assert_names(&r, expected, 3);
    assert_names(&empty_day, expected, 3);
}

static void visitor_stops(void **state)
{
    fixture *f = *state;
    roster r = {.count = 0, .stop_after = 1};
    htx_error err;
    assert_int_equal(htx_roster_each(f->store, "plastic", "2024-12-31", HTX_ROSTER_BY_NAME, collect, &r, &err),
                     HTX_OK);
    assert_int_equal(r.count, 1);
    /* the statement was released: reading again starts over */
    roster again = read_roster(f, "plastic", "2024-12-31", HTX_ROSTER_BY_NAME);
    assert_int_equal(again.count, 3);
}

static void bad_requests_are_refused(void **state)
{
    fixture *f = *state;
    roster r = {.count = 0};
    htx_error err;
    assert_int_equal(htx_roster_each(f->store, "chess", "2024-12-31", HTX_ROSTER_BY_NAME, collect, &r, &err),
                     HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_UNKNOWN_CLUB);
    assert_int_equal(htx_roster_each(f->store, NULL, "2024-12-31", HTX_ROSTER_BY_NAME, collect, &r, &err),
                     HTX_ERR_INVALID);
    assert_int_equal(htx_roster_each(f->store, "plastic", "2024-02-30", HTX_ROSTER_BY_NAME, collect, &r, &err),
                     HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_DATE_FORMAT);
    /* whatever is not a date is refused before any SQL */
    assert_int_equal(htx_roster_each(f->store, "plastic", "2024' OR '1'='1", HTX_ROSTER_BY_NAME, collect, &r,
                                     &err),
                     HTX_ERR_INVALID);
    assert_int_equal(r.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(current_members_in_vietnamese_order, setup, teardown),
        cmocka_unit_test_setup_teardown(past_days_show_past_members, setup, teardown),
        cmocka_unit_test_setup_teardown(joined_and_left_days_are_boundaries, setup, teardown),
        cmocka_unit_test_setup_teardown(other_orders, setup, teardown),
        cmocka_unit_test_setup_teardown(other_clubs_and_names, setup, teardown),
        cmocka_unit_test_setup_teardown(today_by_default, setup, teardown),
        cmocka_unit_test_setup_teardown(visitor_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_requests_are_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
