/* Reading the register: Vietnamese order, search, filters, statistics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "membership.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"

typedef struct fixture {
    char dir[64];
    char path[128];
    htx_store *store;
} fixture;

/* Inserted out of order on purpose; expected order is in sorted_names. */
static const struct {
    const char *name, *district, *sector, *founded;
} rows[] = {
    {"HTX Đống Đa", "Đống Đa", "trade", "2019-01-01"},
    {"HTX Ân Thi", "Hoàn Kiếm", "trade", "2015-06-01"},
    {"HTX An Bình", "Gia Lâm", "industry", "2018-01-01"},
    {"HTX Dương Nội", "Hà Đông", "transport", "2001-02-03"},
    {"HTX Ăn Uống", "Tây Hồ", "trade", "2020-12-31"},
    {"HTX Đan Phượng", "Đan Phượng", "agriculture", "1999-09-09"},
    {"HTX Đông Anh", "Đông Anh", "transport", "2017-12-31"},
    {"HTX gốm sứ Tân Thịnh", "Gia Lâm", "industry", "2010-05-05"},
    {"HTX Đồng Tâm", "Thanh Trì", "trade", "2018-03-03"},
    {"HTX Hòa Bình", "Ba Vì", "other", "2005-01-01"},
    {"HTX đường sắt", "Long Biên", "transport", "2012-01-01"},
    {"HTX thủy sản Ứng Hòa", "Ứng Hòa", "agriculture", NULL},
};

static const char *const sorted_names[] = {
    "HTX An Bình",   "HTX Ăn Uống",    "HTX Ân Thi",    "HTX Dương Nội",
    "HTX Đan Phượng", "HTX Đông Anh",  "HTX Đống Đa",   "HTX Đồng Tâm", /* đa < tâm */
    "HTX đường sắt", "HTX gốm sứ Tân Thịnh", "HTX Hòa Bình", "HTX thủy sản Ứng Hòa",
};

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    test_temp_path(f->dir, f->path, "htx.db");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        htx_coop c;
        char code[16];
        test_code((int)i, code);
        test_make_coop(&c, code, rows[i].name, rows[i].district, rows[i].sector);
        if (rows[i].founded)
            snprintf(c.founded, sizeof c.founded, "%s", rows[i].founded);
        c.members = (int64_t)(i * 10);
        c.status = i == 3 ? HTX_DISSOLVED : HTX_ACTIVE;
        assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
        if (strcmp(rows[i].sector, "trade") == 0)
            assert_int_equal(htx_membership_add(f->store, c.id, "trade", HTX_ROLE_MEMBER, "", "t", &err),
                             HTX_OK);
    }
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

typedef struct collected {
    char names[32][801];
    int count;
} collected;

static int collect(const htx_coop *c, void *data)
{
    collected *out = data;
    if (out->count < 32)
        snprintf(out->names[out->count++], sizeof out->names[0], "%s", c->name);
    return 0;
}

static collected list(fixture *f, const htx_filter *filter)
{
    collected out = {.count = 0};
    htx_error err;
    assert_int_equal(htx_query_each(f->store, filter, collect, &out, &err), HTX_OK);
    return out;
}

static collected search(fixture *f, const char *query)
{
    htx_filter filter;
    htx_filter_init(&filter);
    filter.search = query;
    return list(f, &filter);
}

static bool found(const collected *c, const char *name)
{
    for (int i = 0; i < c->count; i++)
        if (strcmp(c->names[i], name) == 0)
            return true;
    return false;
}

static void names_sort_in_vietnamese_order(void **state)
{
    fixture *f = *state;
    htx_filter filter;
    htx_filter_init(&filter);
    collected got = list(f, &filter);
    assert_int_equal(got.count, 12);
    for (int i = 0; i < got.count; i++)
        assert_string_equal(got.names[i], sorted_names[i]);
}

static void search_ignores_marks_not_typed(void **state)
{
    fixture *f = *state;
    const char *dong_tam[] = {"dong tam", "DONG TAM", "Đông Tâm", "đồng tâm", "đồng"};
    for (size_t i = 0; i < sizeof dong_tam / sizeof dong_tam[0]; i++) {
        collected got = search(f, dong_tam[i]);
        assert_true(found(&got, "HTX Đồng Tâm"));
    }
    collected d = search(f, "d");
    assert_true(found(&d, "HTX Dương Nội"));
    assert_true(found(&d, "HTX Đông Anh"));
    collected dd = search(f, "HTX đ");
    assert_false(found(&dd, "HTX Dương Nội"));
    assert_true(found(&dd, "HTX Đông Anh"));
    collected duong = search(f, "đường");
    assert_int_equal(duong.count, 1);
    assert_string_equal(duong.names[0], "HTX đường sắt");
    collected tone = search(f, "đống");
    assert_int_equal(tone.count, 1);
    assert_string_equal(tone.names[0], "HTX Đống Đa");
    /* the two tone placements are the same word */
    collected hoa = search(f, "hoà bình");
    assert_int_equal(hoa.count, 1);
    collected thuy = search(f, "thuỷ sản");
    assert_int_equal(thuy.count, 1);
    collected none = search(f, "xyz");
    assert_int_equal(none.count, 0);
    /* a code or part of one */
    char code[16];
    test_code(7, code);
    collected by_code = search(f, code);
    assert_int_equal(by_code.count, 1);
    assert_string_equal(by_code.names[0], "HTX gốm sứ Tân Thịnh");
    /* LIKE wildcards typed by the user are literal */
    collected percent = search(f, "%");
    assert_int_equal(percent.count, 0);
}

/* How staff search: dd for đ, dashes for spaces, a tone anywhere in its
 * vowel cluster, the last word's tone free to move. */
static void search_as_staff_type(void **state)
{
    fixture *f = *state;
    collected dd = search(f, "ddong");
    assert_int_equal(dd.count, 3);
    assert_true(found(&dd, "HTX Đông Anh") && found(&dd, "HTX Đồng Tâm") && found(&dd, "HTX Đống Đa"));
    static const struct {
        const char *query, *only;
    } cases[] = {
        {"htx ddan phuong", "HTX Đan Phượng"},
        {"dong-anh", "HTX Đông Anh"},
        {"htx–hoà–bình", "HTX Hòa Bình"},
        {"thủy sản ứng hòa", "HTX thủy sản Ứng Hòa"},
        {"đừơng", "HTX đường sắt"}, /* the tone on the other vowel of ươ */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collected got = search(f, cases[i].query);
        if (got.count != 1 || strcmp(got.names[0], cases[i].only) != 0)
            fail_msg("\"%s\" finds %d names, not only \"%s\"", cases[i].query, got.count, cases[i].only);
    }
    assert_int_equal(search(f, "đúơng").count, 0); /* đường has huyền, not sắc */
    assert_int_equal(search(f, "hòa").count, 2);   /* Hòa Bình, Ứng Hòa */
}

/* A name stored with invisible characters before entry refused them is
 * found as if they were not there. */
static void search_skips_invisible_characters(void **state)
{
    fixture *f = *state;
    static const char *const names[] = {"HTX V\xE1\xBA\xA1n Ph\xE2\x80\x8B\xC3\xBA\x63",
                                        "\xEF\xBB\xBFHTX Kim Lan"};
    htx_error err;
    for (size_t i = 0; i < 2; i++) {
        htx_coop c;
        char code[16];
        test_code(40 + (int)i, code);
        test_make_coop(&c, code, "HTX", "Gia L\xC3\xA2m", "trade");
        snprintf(c.name, sizeof c.name, "%s", names[i]); /* as an older htx stored it */
        assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
    }
    static const struct {
        const char *query;
        size_t name;
    } queries[] = {{"v\xE1\xBA\xA1n ph\xC3\xBA\x63", 0}, {"phuc", 0}, {"htx kim", 1}, {"HTX Kim Lan", 1}};
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        collected got = search(f, queries[q].query);
        if (!found(&got, names[queries[q].name]))
            fail_msg("\"%s\" does not find \"%s\"", queries[q].query, names[queries[q].name]);
    }
}

static void filters_combine(void **state)
{
    fixture *f = *state;
    htx_filter filter;
    htx_filter_init(&filter);
    int64_t n = 0;
    htx_error err;
    filter.district = "018";
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 2);
    filter.sector = "industry";
    filter.search = "tan thinh";
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 1);

    htx_filter_init(&filter);
    snprintf(filter.founded_from, sizeof filter.founded_from, "2018-01-01");
    snprintf(filter.founded_to, sizeof filter.founded_to, "2020-12-31");
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 4);

    /* a founding year alone counts within a range that holds its whole year */
    htx_coop c;
    char code[16];
    test_code(70, code);
    test_make_coop(&c, code, "HTX Năm Một", "Gia L\xC3\xA2m", "trade");
    snprintf(c.founded, sizeof c.founded, "2018-00-00");
    assert_int_equal(htx_coop_insert(f->store, &c, "t", &err), HTX_OK);
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 5); /* 2018-01-01 … 2020-12-31 holds 2018 */
    snprintf(filter.founded_from, sizeof filter.founded_from, "2018-06-01");
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 2); /* from June 2018: the year alone is not said to be in it */
    htx_filter_init(&filter);
    filter.search = "nam mot";
    snprintf(filter.founded_to, sizeof filter.founded_to, "2018-06-30");
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 0);
    snprintf(filter.founded_to, sizeof filter.founded_to, "2018-12-31");
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 1); /* the year alone comes in with its 31 December */

    htx_filter_init(&filter);
    filter.club = "trade";
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    assert_int_equal(n, 4);
    filter.club = NULL;
    filter.status = HTX_DISSOLVED;
    collected got = list(f, &filter);
    assert_int_equal(got.count, 1);
    assert_string_equal(got.names[0], "HTX Dương Nội");
}

static void other_sort_orders(void **state)
{
    fixture *f = *state;
    htx_filter filter;
    htx_filter_init(&filter);
    filter.sort = HTX_SORT_FOUNDED;
    collected got = list(f, &filter);
    assert_string_equal(got.names[0], "HTX Đan Phượng");           /* 1999 */
    assert_string_equal(got.names[10], "HTX Ăn Uống");             /* 2020-12-31 */
    assert_string_equal(got.names[11], "HTX thủy sản Ứng Hòa");    /* unknown: last */
    filter.sort = HTX_SORT_MEMBERS;
    got = list(f, &filter);
    assert_string_equal(got.names[0], "HTX thủy sản Ứng Hòa"); /* 110 members */
    filter.sort = HTX_SORT_DISTRICT;
    got = list(f, &filter);
    assert_string_equal(got.names[0], "HTX Hòa Bình");                 /* Ba Vì */
    assert_string_equal(got.names[11], "HTX thủy sản Ứng Hòa");        /* Ứng Hòa */
}

typedef struct stat_list {
    char keys[200][64];
    int64_t counts[200];
    int count;
} stat_list;

static int collect_stat(const htx_stat_row *row, void *data)
{
    stat_list *s = data;
    if (s->count == 200)
        return 1;
    snprintf(s->keys[s->count], sizeof s->keys[s->count], "%s", row->key);
    s->counts[s->count++] = row->count;
    return 0;
}

static void statistics_list_every_group(void **state)
{
    fixture *f = *state;
    htx_filter filter;
    htx_filter_init(&filter);
    htx_error err;
    stat_list s = {.count = 0};
    assert_int_equal(htx_query_stats(f->store, &filter, HTX_STATS_SECTOR, HTX_LANG_VI, collect_stat, &s, &err),
                     HTX_OK);
    assert_int_equal(s.count, 7);
    assert_string_equal(s.keys[0], "industry");
    assert_int_equal(s.counts[0], 2);
    assert_string_equal(s.keys[2], "trade");
    assert_int_equal(s.counts[2], 4);
    assert_string_equal(s.keys[6], "credit");
    assert_int_equal(s.counts[6], 0);

    s.count = 0;
    assert_int_equal(htx_query_stats(f->store, &filter, HTX_STATS_DISTRICT, HTX_LANG_VI, collect_stat, &s, &err),
                     HTX_OK);
    assert_int_equal(s.count, 30);
    assert_string_equal(s.keys[0], "001");  /* Ba Đình */
    assert_string_equal(s.keys[29], "281"); /* Ứng Hòa */

    s.count = 0;
    assert_int_equal(htx_query_stats(f->store, &filter, HTX_STATS_YEAR, HTX_LANG_VI, collect_stat, &s, &err),
                     HTX_OK);
    assert_string_equal(s.keys[0], "1999");
    int64_t total = 0;
    for (int i = 0; i < s.count; i++)
        total += s.counts[i];
    assert_int_equal(total, 11); /* the one without a founding date is not counted */

    s.count = 0;
    assert_int_equal(htx_query_stats(f->store, &filter, HTX_STATS_CLUB, HTX_LANG_VI, collect_stat, &s, &err),
                     HTX_OK);
    assert_int_equal(s.count, 5);
    assert_int_equal(s.counts[1], 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(names_sort_in_vietnamese_order, setup, teardown),
        cmocka_unit_test_setup_teardown(search_ignores_marks_not_typed, setup, teardown),
        cmocka_unit_test_setup_teardown(search_skips_invisible_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(search_as_staff_type, setup, teardown),
        cmocka_unit_test_setup_teardown(filters_combine, setup, teardown),
        cmocka_unit_test_setup_teardown(other_sort_orders, setup, teardown),
        cmocka_unit_test_setup_teardown(statistics_list_every_group, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
