/* Unit tests for core/text/name_match.c: how a typed name finds a name,
 * and which names are close enough to suggest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "fold.h"
#include "name_match.h"

static htx_name_fit fit(const char *typed, const char *name)
{
    char *a = htx_fold_words(typed);
    char *b = htx_fold_words(name);
    htx_name_fit f = htx_name_fit_folded(a, b);
    free(a);
    free(b);
    return f;
}

static void test_fits_whole_start_inside(void **state)
{
    (void)state;
    assert_int_equal(fit("thương mại – dịch vụ", "Thương mại - Dịch vụ"), HTX_FIT_WHOLE);
    assert_int_equal(fit("THUONG MAI", "Thương mại – Dịch vụ"), HTX_FIT_START);
    assert_int_equal(fit("thanh t", "Thanh Trì"), HTX_FIT_START);
    assert_int_equal(fit("tieu thu cong nghiep", "Công nghiệp – Tiểu thủ công nghiệp"), HTX_FIT_INSIDE);
    assert_int_equal(fit("tri", "Thanh Trì"), HTX_FIT_INSIDE);
    /* the beginning of a word, never its middle */
    assert_int_equal(fit("anh t", "Thanh Trì"), HTX_FIT_NONE);
    assert_int_equal(fit("ri", "Thanh Trì"), HTX_FIT_NONE);
    assert_int_equal(fit("", "Thanh Trì"), HTX_FIT_NONE);
    assert_int_equal(fit("  - ", "Thanh Trì"), HTX_FIT_NONE);
}

static void test_edit_distance_counts_characters(void **state)
{
    (void)state;
    assert_int_equal(htx_edit_distance("list", "list"), 0);
    assert_int_equal(htx_edit_distance("lsit", "list"), 1); /* two letters swapped */
    assert_int_equal(htx_edit_distance("lis", "list"), 1);
    assert_int_equal(htx_edit_distance("lisst", "list"), 1);
    assert_int_equal(htx_edit_distance("lust", "list"), 1);
    assert_int_equal(htx_edit_distance("", "list"), 4);
    assert_int_equal(htx_edit_distance("kitten", "sitting"), 3);
    /* a letter with marks is one character, not its bytes */
    assert_int_equal(htx_edit_distance("Trì", "Tri"), 1);
    assert_int_equal(htx_edit_distance("đ", "d"), 1);
}

static size_t distance(const char *typed, const char *name)
{
    char *a = htx_fold_words(typed);
    char *b = htx_fold_words(name);
    size_t d = htx_name_distance(a, b);
    free(a);
    free(b);
    return d;
}

static void test_distance_to_a_name_or_its_words(void **state)
{
    (void)state;
    assert_int_equal(distance("hoan kim", "Hoàn Kiếm"), 1);
    assert_int_equal(distance("dich vj", "Thương mại – Dịch vụ"), 1);
    assert_int_equal(distance("thuong mia", "Thương mại – Dịch vụ"), 1);
    assert_int_equal(distance("gia lm", "Gia Lâm"), 1);
    assert_true(distance("xyz", "Ba Vì") > 2);
}

static void test_close_means_a_few_slips_for_the_length(void **state)
{
    (void)state;
    assert_false(htx_name_is_close("xy", 1)); /* too short to guess from */
    assert_true(htx_name_is_close("lsit", 1));
    assert_false(htx_name_is_close("lsit", 2));
    assert_true(htx_name_is_close("hoan kim", 2));
    assert_false(htx_name_is_close("hoan kim", 3));
    assert_true(htx_name_is_close("tieu thu cong ngiep", 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fits_whole_start_inside),
        cmocka_unit_test(test_edit_distance_counts_characters),
        cmocka_unit_test(test_distance_to_a_name_or_its_words),
        cmocka_unit_test(test_close_means_a_few_slips_for_the_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
