/*
 * Search folding, collation keys and display cropping (fold.h, collate.h,
 * display.h).  The input is split in two texts (fuzz_split); folding and
 * collation take valid UTF-8, so invalid bytes are first made U+FFFD, while
 * cropping and sanitising, which must cope with anything, get the bytes.
 *
 * Properties:
 *  - every fold is valid UTF-8, trimmed, with single ASCII spaces, and
 *    folding it again changes nothing;
 *  - a query found in a text has its plain fold in the text's plain fold
 *    (the SQL prefilter is exact), finds the same in the text's search form,
 *    and a text always finds itself;
 *  - collation keys have no zero byte and stay under HTX_COLLATE_KEY_MAX;
 *    comparing keys byte-wise gives the sign of htx_collate_compare; the
 *    comparison is antisymmetric; NFC and NFD of a text get its key;
 *  - a crop is valid UTF-8, never wider than asked, fits its buffer, is the
 *    text itself when that fits, and pads to the width when there is room;
 *  - sanitised text is valid UTF-8 without a control character, and valid
 *    text without controls comes out as it went in.
 */
#include "fuzz_support.h"

#include "collate.h"
#include "display.h"
#include "fold.h"
#include "text.h"

static bool is_control(int32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

static bool has_control(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int n = fuzz_utf8_seq((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            return true; /* not even UTF-8 */
        if (is_control(cp))
            return true;
        i += (size_t)n;
    }
    return false;
}

static void check_folded(const char *folded)
{
    FUZZ_CHECK(folded != NULL);
    FUZZ_CHECK(fuzz_str_valid(folded));
    size_t len = strlen(folded);
    if (len > 0)
        FUZZ_CHECK(folded[0] != ' ' && folded[len - 1] != ' ');
    FUZZ_CHECK(strstr(folded, "  ") == NULL);
    FUZZ_CHECK(strpbrk(folded, "\t\n\v\f\r") == NULL);
}

static char *fold_checked(char *(*fold)(const char *), const char *text)
{
    char *folded = fold(text);
    check_folded(folded);
    char *again = fold(folded);
    check_folded(again);
    if (strcmp(again, folded) != 0) {
        fprintf(stderr, "fuzz: fold of \"%s\" is \"%s\", folded again \"%s\"\n", text, folded,
                again);
        FUZZ_CHECK(strcmp(again, folded) == 0);
    }
    free(again);
    return folded;
}

static void check_query(const char *query, const char *text)
{
    htx_query_pattern *p = htx_query_compile(query);
    FUZZ_CHECK(p != NULL);
    const char *plain = htx_query_plain(p);
    FUZZ_CHECK(fuzz_str_valid(plain));
    char *query_plain = htx_fold_plain(query);
    FUZZ_CHECK(query_plain && strcmp(plain, query_plain) == 0);
    free(query_plain);

    char *text_plain = htx_fold_plain(text);
    char *search = htx_fold_search_text(text);
    FUZZ_CHECK(text_plain && search);
    bool found = htx_query_matches(p, text);
    /* what the SQL prefilter relies on: a match holds the query's plain
     * parts, in order */
    if (found) {
        size_t count = 0;
        const char *const *parts = htx_query_plain_parts(p, &count);
        const char *at = text_plain;
        for (size_t i = 0; i < count && at; i++) {
            at = strstr(at, parts[i]);
            if (at)
                at += strlen(parts[i]);
        }
        FUZZ_CHECK(at != NULL);
    }
    FUZZ_CHECK(htx_query_matches(p, search) == found);
    free(text_plain);
    free(search);
    htx_query_free(p);

    htx_query_pattern *self = htx_query_compile(text);
    FUZZ_CHECK(self != NULL);
    if (!htx_query_matches(self, text)) {
        fprintf(stderr, "fuzz: \"%s\" does not find itself\n", text);
        FUZZ_CHECK(false);
    }
    htx_query_free(self);
}

static int key_compare(const unsigned char *a, size_t a_len, const unsigned char *b, size_t b_len)
{
    int c = memcmp(a, b, a_len < b_len ? a_len : b_len);
    if (c != 0)
        return fuzz_sign(c);
    return (a_len > b_len) - (a_len < b_len);
}

static unsigned char *key_checked(const char *text, size_t *len)
{
    unsigned char *key = NULL;
    FUZZ_CHECK(htx_collate_key(text, &key, len) == 0);
    FUZZ_CHECK(key != NULL);
    FUZZ_CHECK(*len <= HTX_COLLATE_KEY_MAX(strlen(text)));
    FUZZ_CHECK(memchr(key, 0, *len) == NULL);
    return key;
}

static void check_same_key(const unsigned char *key, size_t len, const char *equivalent)
{
    size_t other_len;
    unsigned char *other = key_checked(equivalent, &other_len);
    FUZZ_CHECK(key_compare(key, len, other, other_len) == 0);
    free(other);
}

static void check_collation(const char *a, const char *b)
{
    size_t a_len, b_len;
    unsigned char *ka = key_checked(a, &a_len);
    unsigned char *kb = key_checked(b, &b_len);
    int by_keys = key_compare(ka, a_len, kb, b_len);
    int ab = fuzz_sign(htx_collate_compare(a, b));
    int ba = fuzz_sign(htx_collate_compare(b, a));
    FUZZ_CHECK(ab == by_keys);
    FUZZ_CHECK(ab == -ba);
    FUZZ_CHECK(htx_collate_compare(a, a) == 0);

    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)a);
    char *nfd = (char *)utf8proc_NFD((const utf8proc_uint8_t *)a);
    FUZZ_CHECK(nfc && nfd);
    check_same_key(ka, a_len, nfc);
    check_same_key(ka, a_len, nfd);
    free(nfc);
    free(nfd);
    free(ka);
    free(kb);
}

static void check_crop(const char *text, bool valid)
{
    static const size_t widths[] = {0, 1, 2, 3, 4, 5, 7, 10, 16, 25, 40, 80};
    static const size_t sizes[] = {1, 2, 3, 4, 5, 8, 16, 64, 4096};
    size_t text_cols = htx_text_width(text);
    char out[4096];
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            size_t max_cols = widths[w], size = sizes[s];
            memset(out, 'X', size);
            size_t cols = htx_text_crop(text, max_cols, out, size);
            FUZZ_CHECK(memchr(out, 0, size) != NULL);
            FUZZ_CHECK(fuzz_str_valid(out));
            FUZZ_CHECK(cols <= max_cols);
            FUZZ_CHECK(htx_text_width(out) == cols);
            if (valid && text_cols <= max_cols && strlen(text) < size)
                FUZZ_CHECK(strcmp(out, text) == 0);

            memset(out, 'X', size);
            cols = htx_text_pad(text, max_cols, out, size);
            FUZZ_CHECK(memchr(out, 0, size) != NULL);
            FUZZ_CHECK(fuzz_str_valid(out));
            FUZZ_CHECK(cols <= max_cols);
            FUZZ_CHECK(htx_text_width(out) == cols);
            if (size > 4 * max_cols + 4)
                FUZZ_CHECK(cols == max_cols);
        }
    }
}

static bool has_invisible(const char *text)
{
    int32_t cp;
    for (const char *p = text; *p;) {
        int n = htx_utf8_decode(p, &cp);
        if (n <= 0)
            return false;
        if (htx_cp_is_ignorable(cp))
            return true;
        p += n;
    }
    return false;
}

static void check_sanitize(const char *text, bool valid)
{
    char *safe = htx_text_sanitize(text);
    FUZZ_CHECK(safe != NULL);
    FUZZ_CHECK(fuzz_str_valid(safe));
    FUZZ_CHECK(!has_control(safe));
    /* valid text without controls comes back as it was, but for invisible
     * characters (zero width, BOM, bidi), which are made visible */
    if (valid && !has_control(text) && !has_invisible(text))
        FUZZ_CHECK(strcmp(safe, text) == 0);
    free(safe);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t first_len, second_len;
    const uint8_t *second;
    fuzz_split(data, size, &first_len, &second, &second_len);
    char *raw[2] = {fuzz_string(data, first_len), fuzz_string(second, second_len)};
    char *text[2] = {fuzz_make_valid(data, first_len), fuzz_make_valid(second, second_len)};

    for (int i = 0; i < 2; i++) {
        bool valid = fuzz_str_valid(raw[i]);
        check_crop(raw[i], valid);
        check_sanitize(raw[i], valid);
        free(fold_checked(htx_fold_plain, text[i]));
        free(fold_checked(htx_fold_words, text[i]));
        char *search = fold_checked(htx_fold_search_text, text[i]);
        FUZZ_CHECK(fuzz_is_nfc(search));
        free(search);
    }
    check_query(text[0], text[1]);
    check_query(text[1], text[0]);
    check_collation(text[0], text[1]);

    for (int i = 0; i < 2; i++) {
        free(raw[i]);
        free(text[i]);
    }
    return 0;
}
