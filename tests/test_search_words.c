/* The word index of the names (schema v12): searches in name order read
 * from it give the rows the exact rule gives, page by page both ways and
 * listed whole, and it
 * follows every insert, rename, delete, bulk load and migration. */
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "browse.h"
#include "fold.h"
#include "bulk_load.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"
#include "test_sqlite.h"

#define ROWS 3000
#define LOADED 7000

typedef struct fixture {
    char dir[64], path[128];
    htx_store *store;
} fixture;

static const char *const activities[] = {"Gốm sứ", "Mây tre đan", "Thương mại dịch vụ", "Điện năng", "Cơ khí"};
/* Dashes stand between words as spaces do for a search. */
static const char *const places[] = {"Đông Anh", "Bát Tràng", "Thủy Xuân Tiên", "Đường Lâm", "Dương Xá",
                                     "Đông-Anh", "Đông - Anh", "Đông\xE2\x80\x93 Anh", "Tổng hợp Thanh Hà"};

/* ROWS names in one transaction, row by row through the triggers: the
 * register outgrows its single first bucket, and the next open makes
 * buckets. */
static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    test_temp_path(f->dir, f->path, "r.db");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    assert_int_equal(htx_store_begin(f->store, &err), HTX_OK);
    for (int i = 0; i < ROWS; i++) {
        htx_coop c;
        char code[16], name[128];
        test_code(i, code);
        snprintf(name, sizeof name, "%s %s %s %d", i % 3 ? "HTX" : "Hợp tác xã", activities[(i / 3) % 5],
                 places[(i / 15) % 9], i);
        test_make_coop(&c, code, name, i % 2 ? "Gia L\xC3\xA2m" : "\xC4\x90\xC3\xB4ng Anh", "trade");
        assert_int_equal(htx_coop_insert_in_tx(f->store, &c, "t", &err), HTX_OK);
    }
    assert_int_equal(htx_store_commit(f->store, &err), HTX_OK);
    htx_store_close(f->store);
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &f->store, &err), HTX_OK);
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

typedef struct ids {
    int count;
    int64_t id[ROWS + LOADED];
} ids;

typedef struct oracle {
    ids *out;
    htx_query_pattern *query; /* NULL: every row */
} oracle;

static int see_id(const htx_coop *c, void *ctx)
{
    oracle *o = ctx;
    if (!o->query || htx_query_matches(o->query, c->name))
        o->out->id[o->out->count++] = c->id;
    return 0;
}

/* The rows of the filter as the exact rule finds them (fold.h), tested on
 * every name in name order, without SQL's search. */
static void expected(fixture *f, const htx_filter *filter, ids *out)
{
    htx_error err;
    out->count = 0;
    htx_filter all = *filter;
    all.search = NULL;
    oracle o = {out, htx_query_compile(filter->search)};
    assert_int_equal(htx_query_each(f->store, &all, see_id, &o, &err), HTX_OK);
    htx_query_free(o.query);
}

/* The rows htx_query_each gives for the filter. */
static void listed(fixture *f, const htx_filter *filter, ids *out)
{
    htx_error err;
    out->count = 0;
    oracle o = {out, NULL};
    assert_int_equal(htx_query_each(f->store, filter, see_id, &o, &err), HTX_OK);
}

/* The same read a page at a time forwards from the first, and backwards
 * from the last. */
static void paged(fixture *f, const htx_filter *filter, bool backwards, ids *out)
{
    static htx_brief page[37];
    htx_error err;
    out->count = 0;
    int got = 0;
    htx_browse_dir dir = backwards ? HTX_BROWSE_LAST : HTX_BROWSE_FROM;
    htx_row_key at;
    do {
        assert_int_equal(htx_browse(f->store, filter, dir, out->count ? &at : NULL, 37, page, &got, &err), HTX_OK);
        for (int i = 0; i < got; i++)
            out->id[out->count++] = page[i].id;
        if (got > 0)
            at = page[got - 1].key;
        dir = backwards ? HTX_BROWSE_BEFORE : HTX_BROWSE_AFTER;
    } while (got == 37 && out->count < ROWS + LOADED);
    if (backwards)
        for (int i = 0; i < out->count / 2; i++) {
            int64_t t = out->id[i];
            out->id[i] = out->id[out->count - 1 - i];
            out->id[out->count - 1 - i] = t;
        }
}

static void assert_same(const ids *a, const ids *b)
{
    assert_int_equal(a->count, b->count);
    for (int i = 0; i < a->count; i++)
        assert_int_equal(a->id[i], b->id[i]);
}

static void check_search_sorted(fixture *f, const char *search, const char *district, htx_sort sort)
{
    static ids want, forwards, backwards, all;
    htx_filter filter;
    htx_filter_init(&filter);
    filter.search = search;
    filter.district = district;
    filter.sort = sort;
    expected(f, &filter, &want);
    paged(f, &filter, false, &forwards);
    paged(f, &filter, true, &backwards);
    listed(f, &filter, &all);
    assert_same(&want, &forwards);
    assert_same(&want, &backwards);
    assert_same(&want, &all);
}

static void check_search(fixture *f, const char *search, const char *district)
{
    check_search_sorted(f, search, district, HTX_SORT_NAME);
}

static void searches_page_in_name_order_as_the_rule_finds(void **state)
{
    fixture *f = *state;
    assert_true(scalar(f->path, "SELECT count(*) FROM name_bucket") >= ROWS / 256);
    static const char *const searches[] = {
        "thuong",     "thương mại", "hop tac xa", "đường",    "duong",    "ddong",        "dong-anh",
        "tre dan bat", "an",        "x",          "zzz",      "hoa",      "xa 12",        "thủy xuân",
        "dong anh",    "g anh",     "hop t",      "ddong anh", "htx m",   "mây tre đan Đông-Anh 1",
    };
    for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
        check_search(f, searches[i], NULL);
        check_search(f, searches[i], "Gia L\xC3\xA2m");
    }
}

/* In another order than the names' a search reads its candidates from the
 * index and sorts them, or walks the order: either way the rows of the rule,
 * in that order, page by page both ways. */
static void searches_page_in_every_order_as_the_rule_finds(void **state)
{
    fixture *f = *state;
    static const htx_sort sorts[] = {HTX_SORT_CODE, HTX_SORT_FOUNDED, HTX_SORT_MEMBERS, HTX_SORT_DISTINCTIVE};
    static const char *const searches[] = {"thuong", "hop tac xa", "ddong", "dong-anh", "x", "zzz", "thủy xuân"};
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++)
        for (size_t j = 0; j < sizeof searches / sizeof searches[0]; j++) {
            check_search_sorted(f, searches[j], NULL, sorts[i]);
            check_search_sorted(f, searches[j], "Gia L\xC3\xA2m", sorts[i]);
        }
}

/* The store's check of store.h, here counting how often SQLite asks it:
 * about once per thousand steps, a measure of the work a read does. */
typedef struct asked {
    int times;
    bool answer;
} asked;

static bool ask(void *ctx)
{
    asked *a = ctx;
    a->times++;
    return a->answer;
}

static int steps_of_page(fixture *f, const htx_filter *filter, const htx_row_key *from)
{
    asked a = {0, false};
    htx_store_on_superseded(f->store, ask, &a);
    htx_store_cancellable(f->store, true);
    static htx_brief page[37];
    int got = 0;
    htx_error err;
    assert_int_equal(htx_browse(f->store, filter, HTX_BROWSE_FROM, from, 37, page, &got, &err), HTX_OK);
    htx_store_cancellable(f->store, false);
    htx_store_on_superseded(f->store, NULL, NULL);
    return a.times;
}

/* A page from the last rows of any order costs what the first page does:
 * the order's index is sought, not walked from its start (an order led by
 * an expression, the founding date or the members, once was). */
static void a_page_deep_in_any_order_is_sought(void **state)
{
    fixture *f = *state;
    static const htx_sort sorts[] = {HTX_SORT_NAME, HTX_SORT_CODE, HTX_SORT_FOUNDED, HTX_SORT_MEMBERS,
                                     HTX_SORT_DISTINCTIVE};
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
        htx_filter filter;
        htx_filter_init(&filter);
        filter.sort = sorts[i];
        static htx_brief last[2];
        int got = 0;
        htx_error err;
        assert_int_equal(htx_browse(f->store, &filter, HTX_BROWSE_LAST, NULL, 2, last, &got, &err), HTX_OK);
        assert_int_equal(got, 2);
        int first = steps_of_page(f, &filter, NULL);
        int deep = steps_of_page(f, &filter, &last[1].key);
        if (deep > first + 2)
            fail_msg("order %d: a page from the end took %d checks, the first %d", (int)sorts[i], deep, first);
    }
}

/* A filter that keeps no rows, beside one that keeps many, reads none: the
 * tallies tell which filter leads, in every order (SQLite alone read the
 * district's rows in name order and tested each for the sector). */
static void a_filter_keeping_nothing_leads(void **state)
{
    fixture *f = *state;
    static const htx_sort sorts[] = {HTX_SORT_NAME, HTX_SORT_CODE, HTX_SORT_FOUNDED, HTX_SORT_MEMBERS,
                                     HTX_SORT_DISTINCTIVE};
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
        htx_filter all;
        htx_filter_init(&all);
        all.sort = sorts[i];
        int first = steps_of_page(f, &all, NULL);
        htx_filter empty_sector = all;
        empty_sector.district = "018"; /* Gia Lâm: half the rows */
        empty_sector.sector = "construction";
        htx_filter empty_status = all;
        empty_status.status = HTX_DISSOLVED;
        int by_sector = steps_of_page(f, &empty_sector, NULL);
        int by_status = steps_of_page(f, &empty_status, NULL);
        if (by_sector > first + 2 || by_status > first + 2)
            fail_msg("order %d: %d and %d checks for no rows, %d for a page", (int)sorts[i], by_sector, by_status,
                     first);
    }
}

/* A read made cancellable stops when the check says a newer request waits,
 * and fails as given up rather than as a short count; reads not made
 * cancellable are never stopped. */
static void a_newer_request_gives_up_the_read(void **state)
{
    fixture *f = *state;
    asked a = {0, true};
    htx_store_on_superseded(f->store, ask, &a);
    htx_filter filter;
    htx_filter_init(&filter);
    filter.sort = HTX_SORT_MEMBERS;
    /* none founded so late: every row is read in that order */
    snprintf(filter.founded_from, sizeof filter.founded_from, "2999-01-01");
    static htx_brief page[37];
    int got = 0;
    int64_t n = 0;
    bool complete = true;
    htx_error err;
    assert_int_equal(htx_browse(f->store, &filter, HTX_BROWSE_FROM, NULL, 37, page, &got, &err), HTX_OK);
    htx_store_cancellable(f->store, true);
    assert_int_equal(htx_browse(f->store, &filter, HTX_BROWSE_FROM, NULL, 37, page, &got, &err), HTX_ERR_CANCELLED);
    assert_int_equal(err.msg, MSG_READ_CANCELLED);
    htx_filter search;
    htx_filter_init(&search);
    search.search = "an"; /* most names: the count reads many candidates */
    assert_int_equal(htx_query_count_within(f->store, &search, INT64_MAX, 60, &n, &complete, &err), HTX_ERR_CANCELLED);
    assert_true(a.times > 0);
    htx_store_cancellable(f->store, false);
    assert_int_equal(htx_query_count_within(f->store, &search, INT64_MAX, 60, &n, &complete, &err), HTX_OK);
    assert_true(complete);
    assert_true(n > 0);
    assert_int_equal(htx_browse(f->store, &filter, HTX_BROWSE_FROM, NULL, 37, page, &got, &err), HTX_OK);
    assert_int_equal(got, 0);
    htx_store_on_superseded(f->store, NULL, NULL);
}

static void the_index_follows_renames_and_deletes(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop c;
    assert_int_equal(htx_coop_load_id(f->store, 1, &c, &err), HTX_OK);
    snprintf(c.name, sizeof c.name, "HTX Ngựa vằn Quảng Bá");
    assert_int_equal(htx_coop_update(f->store, &c, "t", &err), HTX_OK);
    check_search(f, "ngua van", NULL);
    assert_int_equal(scalar(f->path, "SELECT postings FROM search_vocab WHERE word = 'ngua'"), 1);
    assert_int_equal(htx_coop_delete(f->store, &c, "t", &err), HTX_OK);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM search_vocab WHERE word = 'ngua'"), 0);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM search_word WHERE id = 1"), 0);
    check_search(f, "thuong", NULL);
    assert_int_equal(scalar(f->path, "SELECT postings FROM search_vocab WHERE word = 'thuong'"),
                     scalar(f->path, "SELECT count(*) FROM cooperative WHERE name_plain LIKE '%thuong%'"));
}

static void load(fixture *f, int first, int count, const char *name)
{
    htx_error err;
    htx_bulk_load bulk;
    assert_int_equal(htx_bulk_load_begin(f->store, &bulk, count, &err), HTX_OK);
    for (int i = first; i < first + count; i++) {
        htx_coop c;
        char code[16], text[128];
        test_code(ROWS + i, code);
        snprintf(text, sizeof text, "%s %d", name, i);
        test_make_coop(&c, code, text, "Gia L\xC3\xA2m", "trade");
        assert_int_equal(htx_coop_insert_in_tx(f->store, &c, "t", &err), HTX_OK);
    }
    assert_int_equal(htx_bulk_load_index(f->store, &bulk, &err), HTX_OK);
    assert_int_equal(htx_store_commit(f->store, &err), HTX_OK);
    htx_bulk_load_end(f->store, &bulk);
}

/* A few rows are indexed after the load into the buckets there are; rows
 * that outgrow them make the buckets again. */
static void bulk_loads_are_indexed_at_their_end(void **state)
{
    fixture *f = *state;
    long long buckets = scalar(f->path, "SELECT count(*) FROM name_bucket");
    load(f, 0, 10, "HTX Ngựa vằn");
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM name_bucket"), buckets);
    assert_int_equal(scalar(f->path, "SELECT postings FROM search_vocab WHERE word = 'ngua'"), 10);
    check_search(f, "ngựa", NULL);
    load(f, 10, LOADED - 10, "Hợp tác xã Ngựa vằn");
    assert_true(scalar(f->path, "SELECT count(*) FROM name_bucket") > buckets);
    assert_int_equal(scalar(f->path, "SELECT postings FROM search_vocab WHERE word = 'ngua'"), LOADED);
    assert_int_equal(scalar(f->path, FIGURES_THAT_DIFFER), 0); /* the bulk load counted its rows */
    check_search(f, "ngua van", NULL);
    check_search(f, "thuong", NULL);
}

/* Names whose words are hard to cut (digits inside and between words, runs
 * of spaces, a word twice, quotes and a backslash), each inserted once row
 * by row through the trigger and once by a bulk load: both give the same
 * terms, and the vocabulary counts each name once per term. */
static void bulk_loads_index_names_as_the_trigger_does(void **state)
{
    static const char *const names[] = {
        "HTX 3D in 3 chi\xE1\xBB\x81u", "Hợp tác xã  Sao  Mai 12a34b", "HTX đông anh Đông Anh đông",
        "HTX \"Ngọc\" Lâm \\ Gia", "HTX Tổng hợp 2/9 7x khu1a", "HTX a a a a",
    };
    enum { NAMES = sizeof names / sizeof names[0] };
    fixture *f = *state;
    htx_error err;
    for (int i = 0; i < NAMES; i++) {
        htx_coop c;
        char code[16];
        test_code(ROWS + LOADED + i, code);
        test_make_coop(&c, code, names[i], "Gia L\xC3\xA2m", "trade");
        assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
    }
    htx_bulk_load bulk;
    assert_int_equal(htx_bulk_load_begin(f->store, &bulk, NAMES, &err), HTX_OK);
    for (int i = 0; i < NAMES; i++) {
        htx_coop c;
        char code[16];
        test_code(ROWS + LOADED + NAMES + i, code);
        test_make_coop(&c, code, names[i], "Gia L\xC3\xA2m", "trade");
        assert_int_equal(htx_coop_insert_in_tx(f->store, &c, "t", &err), HTX_OK);
    }
    assert_int_equal(htx_bulk_load_index(f->store, &bulk, &err), HTX_OK);
    assert_int_equal(htx_store_commit(f->store, &err), HTX_OK);
    htx_bulk_load_end(f->store, &bulk);
    char sql[512];
    for (int i = 0; i < NAMES; i++) {
        /* The terms of the i-th name row by row, and those of its twin. */
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM search_word w JOIN cooperative c ON c.id = w.id"
                 " WHERE c.id = (SELECT max(id) FROM cooperative) - %d", NAMES - 1 - i);
        long long bulk_terms = scalar(f->path, sql);
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM (SELECT word FROM search_word WHERE id = (SELECT max(id) FROM cooperative) - %d"
                 " INTERSECT SELECT word FROM search_word WHERE id = (SELECT max(id) FROM cooperative) - %d)",
                 NAMES - 1 - i, 2 * NAMES - 1 - i);
        long long shared = scalar(f->path, sql);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM search_word WHERE id = (SELECT max(id) FROM cooperative) - %d",
                 2 * NAMES - 1 - i);
        long long trigger_terms = scalar(f->path, sql);
        assert_true(trigger_terms > 0);
        assert_int_equal(bulk_terms, trigger_terms);
        assert_int_equal(shared, trigger_terms);
    }
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM search_word WHERE word = 'a a'"), 2); /* one per twin */
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM search_vocab v WHERE postings <>"
                                     " (SELECT count(*) FROM search_word w WHERE w.word = v.word)"),
                     0);
    check_search(f, "sao mai", NULL);
}

static void migration_from_version_11_indexes_every_name(void **state)
{
    fixture *f = *state;
    htx_store_close(f->store);
    f->store = NULL;
    raw_exec(f->path, UNDO_SCHEMA_V13
                      "DROP TRIGGER words_insert; DROP TRIGGER words_delete; DROP TRIGGER words_update;"
                      "DROP TABLE search_word; DROP TABLE search_vocab; DROP TABLE name_bucket;"
                      "PRAGMA user_version = 11;");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &f->store, &err), HTX_OK);
    assert_int_equal(scalar(f->path, "PRAGMA user_version"), htx_store_schema_version());
    /* "Hợp tác xã Gốm sứ Đông Anh 0": seven words (the number is none) and
     * six pairs of them */
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM search_word WHERE id = 1"), 13);
    assert_int_equal(scalar(f->path, "SELECT count(*) FROM search_word WHERE id = 1 AND word = 'su dong'"), 1);
    assert_int_equal(scalar(f->path, "SELECT postings FROM search_vocab WHERE word = 'htx'"), ROWS - ROWS / 3);
    check_search(f, "mây tre", NULL);
}

/* A count or a position out of time says so, with what it had counted;
 * given time, it is exact. */
static void counts_stop_at_their_deadline(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_filter filter;
    htx_filter_init(&filter);
    filter.search = "htx";
    int64_t n = -1;
    bool complete = true;
    assert_int_equal(htx_query_count_within(f->store, &filter, INT64_MAX, 1e-9, &n, &complete, &err), HTX_OK);
    assert_false(complete);
    assert_true(n >= 0 && n < ROWS - ROWS / 3);
    assert_int_equal(htx_query_count_within(f->store, &filter, INT64_MAX, 60, &n, &complete, &err), HTX_OK);
    assert_true(complete);
    assert_int_equal(n, ROWS - ROWS / 3);
    assert_int_equal(htx_query_count_within(f->store, &filter, 100, 60, &n, &complete, &err), HTX_OK);
    assert_false(complete);
    assert_int_equal(n, 100);

    static htx_brief last[1];
    int got = 0;
    assert_int_equal(htx_browse(f->store, &filter, HTX_BROWSE_LAST, NULL, 1, last, &got, &err), HTX_OK);
    bool known = true;
    assert_int_equal(htx_browse_position(f->store, &filter, &last[0].key, 1e-9, &n, &known, &err), HTX_OK);
    assert_false(known);
    assert_int_equal(htx_browse_position(f->store, &filter, &last[0].key, 60, &n, &known, &err), HTX_OK);
    assert_true(known);
    assert_int_equal(n, ROWS - ROWS / 3 - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(searches_page_in_name_order_as_the_rule_finds, setup, teardown),
        cmocka_unit_test_setup_teardown(searches_page_in_every_order_as_the_rule_finds, setup, teardown),
        cmocka_unit_test_setup_teardown(a_page_deep_in_any_order_is_sought, setup, teardown),
        cmocka_unit_test_setup_teardown(a_filter_keeping_nothing_leads, setup, teardown),
        cmocka_unit_test_setup_teardown(a_newer_request_gives_up_the_read, setup, teardown),
        cmocka_unit_test_setup_teardown(the_index_follows_renames_and_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_loads_are_indexed_at_their_end, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_loads_index_names_as_the_trigger_does, setup, teardown),
        cmocka_unit_test_setup_teardown(counts_stop_at_their_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(migration_from_version_11_indexes_every_name, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
