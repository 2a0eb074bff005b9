/*
 * The rules of the screens' lists, without a screen: what typing finds
 * (marks and case optional, the beginning of the name first, then the
 * beginning of a word), and how the columns of the list of cooperatives
 * share the width (the name first, the district when rows come from
 * several, the lesser columns dropped before them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "coop_columns.h"
#include "keys.h"
#include "typed_text.h"

/* In Vietnamese order, as the district panel shows them. */
static const char *const districts[] = {
    "Ba Đình", "Bắc Từ Liêm", "Đông Anh", "Đống Đa", "Thạch Thất", "Thanh Oai", "Thanh Trì", "Thanh Xuân",
};
#define DISTRICTS (int)(sizeof districts / sizeof districts[0])

static const char *district_label(int i, void *ctx)
{
    (void)ctx;
    return districts[i];
}

static int find(const char *typed)
{
    return typed_text_find(typed, DISTRICTS, district_label, NULL);
}

static void typing_finds_by_the_beginning_marks_optional(void **state)
{
    (void)state;
    assert_int_equal(find("thanh tri"), 6);
    assert_int_equal(find("thanh t"), 6);
    assert_int_equal(find("thanh"), 5);       /* the first so called: Thanh Oai */
    assert_int_equal(find("THANH XUÂN"), 7);  /* case and marks as typed */
    assert_int_equal(find("dong d"), 3);      /* Đống Đa, not Đông Anh */
    assert_int_equal(find("dong"), 2);        /* Đông Anh comes first */
    assert_int_equal(find("thach"), 4);
}

static void a_word_inside_the_name_is_the_second_chance(void **state)
{
    (void)state;
    assert_int_equal(find("tu liem"), 1); /* Bắc Từ Liêm */
    assert_int_equal(find("tri"), 6);     /* Thanh Trì */
    assert_int_equal(find("anh"), 2);     /* Đông Anh: "anh" begins a word, not "thanh" */
}

static void nothing_found_is_minus_one(void **state)
{
    (void)state;
    assert_int_equal(find("xyz"), -1);
    assert_int_equal(find(""), -1);
    assert_int_equal(find("   "), -1);
    assert_int_equal(find("hanh"), -1); /* inside a word only */
}

static void typed_text_edits_by_characters(void **state)
{
    (void)state;
    char text[16] = "";
    assert_true(typed_text_key(text, sizeof text, 't'));
    assert_true(typed_text_key(text, sizeof text, 0x1EF3)); /* ỳ: three bytes */
    assert_string_equal(text, "tỳ");
    assert_true(typed_text_key(text, sizeof text, TK_BACKSPACE));
    assert_string_equal(text, "t"); /* the whole character went */
    assert_true(typed_text_key(text, sizeof text, TK_CTRL_U));
    assert_string_equal(text, "");
    assert_false(typed_text_key(text, sizeof text, TK_BACKSPACE)); /* nothing to remove: Backspace's own meaning */
    assert_false(typed_text_key(text, sizeof text, TK_F10));
    for (int i = 0; i < 40; i++)
        typed_text_key(text, sizeof text, 'a'); /* never past its size */
    assert_int_equal(strlen(text), sizeof text - 1);
}

static void finding_stops_on_escape_and_ignores_a_leading_space(void **state)
{
    (void)state;
    typed_find f = {0};
    int found;
    assert_false(typed_find_key(&f, ' ', DISTRICTS, district_label, NULL, &found));
    assert_false(typed_find_active(&f));
    assert_true(typed_find_key(&f, 't', DISTRICTS, district_label, NULL, &found));
    assert_int_equal(found, 4); /* Thạch Thất */
    assert_true(typed_find_key(&f, 'x', DISTRICTS, district_label, NULL, &found));
    assert_int_equal(found, -1);
    assert_true(f.not_found);
    assert_true(typed_find_key(&f, TK_BACKSPACE, DISTRICTS, district_label, NULL, &found));
    assert_int_equal(found, 4);
    assert_false(f.not_found);
    assert_true(typed_find_key(&f, TK_ESCAPE, DISTRICTS, district_label, NULL, &found));
    assert_false(typed_find_active(&f));
    /* Esc with nothing typed is not for finding: the screen's own Esc */
    assert_false(typed_find_key(&f, TK_ESCAPE, DISTRICTS, district_label, NULL, &found));
}

/* ---- columns ---------------------------------------------------------------------------- */

static int used(const coop_columns *c)
{
    int total = 0, shown = 0;
    for (int k = 0; k < COL_COUNT; k++)
        if (c->width[k]) {
            total += c->width[k];
            shown++;
        }
    return total + shown - 1;
}

static void at_80_columns_a_name_of_40_and_its_district(void **state)
{
    (void)state;
    coop_columns c = coop_columns_fit(80, 10, true);
    assert_true(c.width[COL_NAME] >= 40);
    assert_int_equal(c.width[COL_DISTRICT], 12);
    assert_int_equal(c.width[COL_CODE], 10);
    assert_true(used(&c) <= 80);
    /* one district: its column is room for the others */
    coop_columns one = coop_columns_fit(80, 10, false);
    assert_int_equal(one.width[COL_DISTRICT], 0);
    assert_true(one.width[COL_NAME] >= 40);
    assert_true(one.width[COL_FOUNDED] > 0);
}

static void narrow_lists_drop_lesser_columns_before_the_name(void **state)
{
    (void)state;
    /* the list beside the district panel on a 80-column screen */
    coop_columns c = coop_columns_fit(60, 10, true);
    assert_true(c.width[COL_NAME] >= 36);
    assert_int_equal(c.width[COL_DISTRICT], 12);
    assert_int_equal(c.width[COL_SECTOR], 0);
    assert_int_equal(c.width[COL_MEMBERS], 0);
    assert_true(used(&c) <= 60);
    /* too narrow for the district: the name keeps what there is */
    coop_columns tiny = coop_columns_fit(40, 10, true);
    assert_int_equal(tiny.width[COL_DISTRICT], 0);
    assert_int_equal(tiny.width[COL_NAME], 29);
}

static void wide_lists_show_every_column(void **state)
{
    (void)state;
    coop_columns c = coop_columns_fit(99, 10, true);
    for (int k = 0; k < COL_COUNT; k++)
        assert_true(c.width[k] > 0);
    assert_true(c.width[COL_NAME] >= 44);
    assert_int_equal(used(&c), 99); /* the name takes what is left */
    /* a branch's longer code is given its width */
    coop_columns branch = coop_columns_fit(99, 14, true);
    assert_int_equal(branch.width[COL_CODE], 14);
    assert_true(branch.width[COL_NAME] >= 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(typing_finds_by_the_beginning_marks_optional),
        cmocka_unit_test(a_word_inside_the_name_is_the_second_chance),
        cmocka_unit_test(nothing_found_is_minus_one),
        cmocka_unit_test(typed_text_edits_by_characters),
        cmocka_unit_test(finding_stops_on_escape_and_ignores_a_leading_space),
        cmocka_unit_test(at_80_columns_a_name_of_40_and_its_district),
        cmocka_unit_test(narrow_lists_drop_lesser_columns_before_the_name),
        cmocka_unit_test(wide_lists_show_every_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
