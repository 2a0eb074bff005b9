/* Unit tests for core/collate.c: Vietnamese sort keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "collate.h"

/* Compares by memcmp of the keys, as SQLite compares the BLOB column. */
static int key_compare(const char *a, const char *b)
{
    unsigned char *ka, *kb;
    size_t la, lb;
    assert_int_equal(htx_collate_key(a, &ka, &la), 0);
    assert_int_equal(htx_collate_key(b, &kb, &lb), 0);
    assert_true(la <= HTX_COLLATE_KEY_MAX(strlen(a)));
    assert_true(lb <= HTX_COLLATE_KEY_MAX(strlen(b)));
    int c = memcmp(ka, kb, la < lb ? la : lb);
    if (c == 0)
        c = (la > lb) - (la < lb);
    free(ka);
    free(kb);
    return c < 0 ? -1 : c > 0;
}

/* Each string sorts strictly before the next, by key and by compare. */
static void assert_ascending(const char *const *texts, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (key_compare(texts[i], texts[i + 1]) >= 0 ||
            htx_collate_compare(texts[i], texts[i + 1]) >= 0 ||
            htx_collate_compare(texts[i + 1], texts[i]) <= 0)
            fail_msg("expected \"%s\" < \"%s\"", texts[i], texts[i + 1]);
    }
}

#define ASSERT_ASCENDING(...)                                                              \
    do {                                                                                   \
        static const char *const list_[] = {__VA_ARGS__};                                  \
        assert_ascending(list_, sizeof list_ / sizeof list_[0]);                          \
    } while (0)

static void assert_key(const char *text, const unsigned char *expected, size_t len)
{
    unsigned char *key;
    size_t key_len;
    assert_int_equal(htx_collate_key(text, &key, &key_len), 0);
    assert_int_equal(key_len, len);
    assert_memory_equal(key, expected, len);
    free(key);
}

static void test_key_layout(void **state)
{
    (void)state;
    /* primary a=0x10 b=0x13 | secondary (tones) | tertiary (case) */
    static const unsigned char empty[] = {0x01, 0x01};
    assert_key("", empty, sizeof empty);
    static const unsigned char ab[] = {0x10, 0x13, 0x01, 0x02, 0x02, 0x01, 0x03, 0x02};
    assert_key("Ab", ab, sizeof ab);
    /* ắ: primary ă, secondary sắc */
    static const unsigned char a_breve_acute[] = {0x11, 0x01, 0x02, 0x06, 0x01, 0x02};
    assert_key("\xE1\xBA\xAF", a_breve_acute, sizeof a_breve_acute);
    assert_key("a\xCC\x86\xCC\x81", a_breve_acute, sizeof a_breve_acute);
    /* Đ: primary đ after d, upper case */
    static const unsigned char d_stroke[] = {0x16, 0x01, 0x02, 0x01, 0x03};
    assert_key("\xC4\x90", d_stroke, sizeof d_stroke);
}

static void test_alphabet(void **state)
{
    (void)state;
    ASSERT_ASCENDING("a", "\xC4\x83", "\xC3\xA2", "b", "c", "d", "\xC4\x91", "e", "\xC3\xAA",
                     "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "\xC3\xB4",
                     "\xC6\xA1", "p", "q", "r", "s", "t", "u", "\xC6\xB0", "v", "w", "x", "y",
                     "z");
    ASSERT_ASCENDING("An", "\xC4\x82n", "\xC3\x82n");                  /* An Ăn Ân */
    ASSERT_ASCENDING("az", "\xC4\x83", "\xC3\xA2", "b");              /* ă is a letter */
    ASSERT_ASCENDING("D\xC6\xB0\xC6\xA1ng", "\xC4\x90\x61n Ph\xC6\xB0\xE1\xBB\xA3ng",
                     "\xC4\x90\xC3\xB4ng Anh", "\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61");
    ASSERT_ASCENDING("u", "uy", "\xC6\xB0", "\xE1\xBB\xA8ng H\xC3\xB2\x61");
    ASSERT_ASCENDING("oz", "\xC3\xB4", "\xE1\xBB\x93z", "\xC6\xA1", "\xE1\xBB\x9D", "p");
}

static void test_tones(void **state)
{
    (void)state;
    /* none < huyền < hỏi < ngã < sắc < nặng */
    ASSERT_ASCENDING("a", "\xC3\xA0", "\xE1\xBA\xA3", "\xC3\xA3", "\xC3\xA1", "\xE1\xBA\xA1");
    ASSERT_ASCENDING("ma", "m\xC3\xA0", "m\xE1\xBA\xA3", "m\xC3\xA3", "m\xC3\xA1",
                     "m\xE1\xBA\xA1");
    ASSERT_ASCENDING("HTX Anh", "HTX \xE1\xBA\xA2nh", "HTX \xC3\x81nh");
    /* the letter decides before the tone: ạ < ă, ự < v */
    ASSERT_ASCENDING("\xE1\xBA\xA1", "\xC4\x83", "\xE1\xBA\xB7", "\xC3\xA2");
    ASSERT_ASCENDING("\xE1\xBB\xB1", "v");
    /* the primary of the whole string decides before any tone */
    ASSERT_ASCENDING("\xC3\xA1", "ab", "\xC3\xA0\x63");
    /* tones compare from the first letter on */
    ASSERT_ASCENDING("ba", "b\xC3\xA0", "b\xC3\xA1");
    ASSERT_ASCENDING("ma\xCC\x80n", "m\xC3\xA1n");
    ASSERT_ASCENDING("\xC3\xA0\x61", "\xC3\xA1\x61");
    ASSERT_ASCENDING("a\xC3\xA0", "\xC3\xA0\x61");
    /* other diacritics after the five tones */
    ASSERT_ASCENDING("\xE1\xBA\xA1", "\xC3\xA4");  /* ạ < ä */
    ASSERT_ASCENDING("\xC3\xA0\xE1\xBA\xA1", "a\xCC\x80\xCC\x89\x61"); /* [à][ạ] < [à̉][a] */
    ASSERT_ASCENDING("n", "\xC3\xB1", "nn");       /* ñ: n with ngã */
}

static void test_case(void **state)
{
    (void)state;
    ASSERT_ASCENDING("an", "An", "AN", "\xC3\xA0n", "\xC3\x80n");
    ASSERT_ASCENDING("\xC4\x91\xE1\xBB\x91ng \xC4\x91\x61", "\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61",
                     "\xC4\x90\xE1\xBB\x90NG \xC4\x90\x41");
    ASSERT_ASCENDING("d\xC6\xB0\xC6\xA1ng", "D\xC6\xB0\xC6\xA1ng", "d\xC6\xB0\xE1\xBB\x9Dng");
    /* a case difference never outweighs a tone or a letter */
    ASSERT_ASCENDING("AN", "\xC3\xA0n", "b");
}

static void test_space_punctuation_digits(void **state)
{
    (void)state;
    /* white space < punctuation < symbols < digits < letters < other scripts */
    ASSERT_ASCENDING("a b", "a_b", "a-b", "a,b", "a.b", "a(b", "a/b", "a+b", "a$b", "a0",
                     "a9", "aa", "az", "a\xC3\xB8", "a\xCE\xB1", "a\xE4\xB8\xAD");
    ASSERT_ASCENDING("Ba V\xC3\xAC", "Ba-V\xC3\xAC", "Ba1", "Ba\xC4\x91");
    /* numbers by their value, as ICU with numeric ordering */
    ASSERT_ASCENDING("HTX 1", "HTX 2", "HTX 10", "HTX A");
    ASSERT_ASCENDING("HTX 2", "HTX 9", "HTX 10", "HTX 11", "HTX 100", "HTX 1000");
    ASSERT_ASCENDING("HTX s\xE1\xBB\x91 9 Ph\xC3\xBA Xuy\xC3\xAAn", "HTX s\xE1\xBB\x91 10",
                     "HTX s\xE1\xBB\x91 10 An", "HTX s\xE1\xBB\x91 10A", "HTX s\xE1\xBB\x91 10B",
                     "HTX s\xE1\xBB\x91 12");
    ASSERT_ASCENDING("a0", "a1", "a01x", "a2", "a9", "a19", "a99999999999999999999", "a100000000000000000000");
    ASSERT_ASCENDING("T\xE1\xBB\x95 3", "T\xE1\xBB\x95 3-2", "T\xE1\xBB\x95 3/2", "T\xE1\xBB\x95 21");
    ASSERT_ASCENDING("HTX (s\xE1\xBB\x91 1)", "HTX 1", "HTX An");
    /* a prefix sorts first */
    ASSERT_ASCENDING("", " ", "a", "a ", "a a", "ab");
    ASSERT_ASCENDING("H\xC3\xA0", "H\xC3\xA0 \xC4\x90\xC3\xB4ng", "Hai");
    /* typographic quotes and dashes sit next to their ASCII forms */
    ASSERT_ASCENDING("a-b", "a\xE2\x80\x93\x62", "a,b");
    ASSERT_ASCENDING("a'b", "a\xE2\x80\x99\x62", "a\"b", "a(b");
}

static void test_equivalent_forms(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3", "Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 xa\xCC\x83"},
        {"H\xE1\xBB\xA3p", "Ho\xCC\xA3\xCC\x9Bp"},                       /* marks unordered */
        {"H\xE1\xBB\xA3p", "H\xC6\xA1\xCC\xA3p"},                        /* CP1258 style */
        {"\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61", "\xC4\x90o\xCC\x82\xCC\x81ng \xC4\x90\x61"},
        {"\xE1\xBB\xA8ng H\xC3\xB2\x61", "U\xCC\x9B\xCC\x81ng Ho\xCC\x80\x61"},
        {"t\xC3\xA1\x63", "ta\xCD\x81\x63"},                              /* U+0341 */
        {"Ph\xC3\xBA\x63 Th\xE1\xBB\x8D", "Phu\xCC\x81\x63 Tho\xCC\xA3"},
        {"a\xC2\xAD\x62", "ab"},                                          /* soft hyphen */
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        unsigned char *k1, *k2;
        size_t l1, l2;
        assert_int_equal(htx_collate_key(pairs[i][0], &k1, &l1), 0);
        assert_int_equal(htx_collate_key(pairs[i][1], &k2, &l2), 0);
        assert_int_equal(l1, l2);
        assert_memory_equal(k1, k2, l1);
        assert_int_equal(htx_collate_compare(pairs[i][0], pairs[i][1]), 0);
        free(k1);
        free(k2);
    }
}

static const char *const hanoi_districts[30] = {
    "Ba \xC4\x90\xC3\xACnh",
    "Ba V\xC3\xAC",
    "B\xE1\xBA\xAF\x63 T\xE1\xBB\xAB Li\xC3\xAAm",
    "C\xE1\xBA\xA7u Gi\xE1\xBA\xA5y",
    "Ch\xC6\xB0\xC6\xA1ng M\xE1\xBB\xB9",
    "\xC4\x90\x61n Ph\xC6\xB0\xE1\xBB\xA3ng",
    "\xC4\x90\xC3\xB4ng Anh",
    "\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61",
    "Gia L\xC3\xA2m",
    "H\xC3\xA0 \xC4\x90\xC3\xB4ng",
    "Hai B\xC3\xA0 Tr\xC6\xB0ng",
    "Ho\xC3\xA0i \xC4\x90\xE1\xBB\xA9\x63",
    "Ho\xC3\xA0n Ki\xE1\xBA\xBFm",
    "Ho\xC3\xA0ng Mai",
    "Long Bi\xC3\xAAn",
    "M\xC3\xAA Linh",
    "M\xE1\xBB\xB9 \xC4\x90\xE1\xBB\xA9\x63",
    "Nam T\xE1\xBB\xAB Li\xC3\xAAm",
    "Ph\xC3\xBA Xuy\xC3\xAAn",
    "Ph\xC3\xBA\x63 Th\xE1\xBB\x8D",
    "Qu\xE1\xBB\x91\x63 Oai",
    "S\xC3\xB3\x63 S\xC6\xA1n",
    "S\xC6\xA1n T\xC3\xA2y",
    "T\xC3\xA2y H\xE1\xBB\x93",
    "Th\xE1\xBA\xA1\x63h Th\xE1\xBA\xA5t",
    "Thanh Oai",
    "Thanh Tr\xC3\xAC",
    "Thanh Xu\xC3\xA2n",
    "Th\xC6\xB0\xE1\xBB\x9Dng T\xC3\xADn",
    "\xE1\xBB\xA8ng H\xC3\xB2\x61",
};

static int compare_texts(const void *a, const void *b)
{
    return htx_collate_compare(*(const char *const *)a, *(const char *const *)b);
}

typedef struct keyed {
    const char *text;
    unsigned char *key;
    size_t len;
} keyed;

static int compare_keys(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
    return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static void test_hanoi_districts(void **state)
{
    (void)state;
    assert_ascending(hanoi_districts, 30);

    /* Sort a scrambled copy both ways: compare() and memcmp of keys. */
    const char *scrambled[30];
    for (size_t i = 0; i < 30; i++)
        scrambled[i] = hanoi_districts[(i * 7 + 3) % 30]; /* 7 is prime to 30 */
    qsort(scrambled, 30, sizeof scrambled[0], compare_texts);
    for (size_t i = 0; i < 30; i++)
        assert_string_equal(scrambled[i], hanoi_districts[i]);

    keyed rows[30];
    for (size_t i = 0; i < 30; i++) {
        rows[i].text = hanoi_districts[(i * 11 + 5) % 30];
        assert_int_equal(htx_collate_key(rows[i].text, &rows[i].key, &rows[i].len), 0);
    }
    qsort(rows, 30, sizeof rows[0], compare_keys);
    for (size_t i = 0; i < 30; i++) {
        assert_string_equal(rows[i].text, hanoi_districts[i]);
        free(rows[i].key);
    }
}

static void test_key_bound(void **state)
{
    (void)state;
    /* Texts that expand most: Hangul (3 jamo per syllable), marks of other
     * scripts, stacked marks, punctuation outside ASCII. */
    static const char *const texts[] = {
        "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",
        "\xD8\xA2\xD8\xA2\xD8\xA2",
        "\xE0\xA5\x98\xE0\xA5\x98",
        "a\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85\xCC\x86\xCC\x87\xCC\x88\xCC\x89",
        "\xE2\x80\xBB\xE2\x80\xBB\xC2\xA7",
        "\xF0\x9D\x85\xA0\xF0\x9D\x85\xA0",
        "\xE1\xBE\x82",
        ",",
        "a",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        unsigned char *key;
        size_t len;
        assert_int_equal(htx_collate_key(texts[i], &key, &len), 0);
        assert_true(len <= HTX_COLLATE_KEY_MAX(strlen(texts[i])));
        /* two level separators, and never a zero byte */
        size_t separators = 0;
        for (size_t j = 0; j < len; j++) {
            assert_true(key[j] != 0);
            separators += key[j] == 0x01;
        }
        assert_int_equal(separators, 2);
        free(key);
    }
}

/* Canonical equivalence where a character decomposes into letters, not a
 * letter and marks: a Hangul syllable (U+D17F) and its jamo in NFD. */
static void test_equivalent_beyond_marks(void **state)
{
    (void)state;
    assert_int_equal(key_compare("\xED\x85\xBF", "\xE1\x84\x90\xE1\x85\xA7\xE1\x86\xBE"), 0);
    assert_int_equal(htx_collate_compare("\xED\x85\xBF", "\xE1\x84\x90\xE1\x85\xA7\xE1\x86\xBE"), 0);
    assert_int_equal(key_compare("An \xED\x85\xBF", "An \xE1\x84\x90\xE1\x85\xA7\xE1\x86\xBE"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_layout),
        cmocka_unit_test(test_alphabet),
        cmocka_unit_test(test_tones),
        cmocka_unit_test(test_case),
        cmocka_unit_test(test_space_punctuation_digits),
        cmocka_unit_test(test_equivalent_forms),
        cmocka_unit_test(test_equivalent_beyond_marks),
        cmocka_unit_test(test_hanoi_districts),
        cmocka_unit_test(test_key_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
