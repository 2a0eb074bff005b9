/*
 * Encoding detection and every decoder (encoding.h) on any bytes, and the
 * round trip through every encoder.
 *
 * Properties: detection names a real encoding; a decode that succeeds gives
 * valid NFC UTF-8 without a NUL inside; AUTO decodes as the detected
 * encoding does; and for the text any decoder gives, encoding it into each
 * encoding (when that succeeds) and decoding it back gives the same text —
 * the typographic punctuation 8-bit code pages lack excepted, which becomes
 * its ASCII stand-in (htx_punctuation_stand_in).  With a BOM, the Unicode
 * encodings are recognised by detection alone; a BOM an encoding may carry
 * is not part of the text.
 */
#include "fuzz_support.h"

#include "encoding.h"

static bool is_unicode(htx_encoding enc)
{
    return enc == HTX_ENC_UTF8 || enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE;
}

/* What decoding text encoded in enc must give back: NFC, and in an 8-bit
 * encoding with the stand-ins for the punctuation it lacks. */
/* Whether cp is a capital letter with a tone mark: TCVN3 (VN3) has none of
 * them and writes the lower-case letter instead (its .VnTimeH fonts draw
 * them as capitals). */
static bool is_toned_capital(int32_t cp)
{
    if (utf8proc_tolower(cp) == cp)
        return false;
    utf8proc_int32_t parts[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, NULL);
    for (utf8proc_ssize_t i = 1; i < n; i++)
        if (parts[i] == 0x300 || parts[i] == 0x301 || parts[i] == 0x303 || parts[i] == 0x309 || parts[i] == 0x323)
            return true;
    return false;
}

static char *expected_back(const char *text, htx_encoding enc, bool bom)
{
    size_t len = strlen(text);
    char *copy = fuzz_alloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int k = fuzz_utf8_seq((const unsigned char *)text + i, len - i, &cp);
        FUZZ_CHECK(k > 0);
        const char *stand_in = is_unicode(enc) ? NULL : htx_punctuation_stand_in(cp);
        if (stand_in) {
            memcpy(copy + n, stand_in, strlen(stand_in));
            n += strlen(stand_in);
        } else if (enc == HTX_ENC_TCVN3 && is_toned_capital(cp)) {
            n += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)copy + n);
        } else {
            memcpy(copy + n, text + i, (size_t)k);
            n += (size_t)k;
        }
        i += (size_t)k;
    }
    copy[n] = '\0';
    /* A text that begins with U+FEFF begins, in UTF-8 or UTF-16 without a
     * BOM of its own, with what every reader takes for a byte-order mark. */
    const char *start = copy;
    if (is_unicode(enc) && !bom && strncmp(start, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)start);
    FUZZ_CHECK(nfc != NULL);
    free(copy);
    return nfc;
}

static void check_decoded(const char *out, size_t out_len, htx_encoding used)
{
    FUZZ_CHECK(out != NULL);
    FUZZ_CHECK(out[out_len] == '\0');
    FUZZ_CHECK(fuzz_utf8_valid(out, out_len));
    FUZZ_CHECK(fuzz_is_nfc(out));
    FUZZ_CHECK(used > HTX_ENC_AUTO && used < HTX_ENC_COUNT);
}

/* Encodes text in enc and decodes it back. */
static void round_trip(const char *text, htx_encoding enc, bool bom)
{
    unsigned char *bytes = NULL;
    size_t n = 0;
    htx_error err;
    htx_status st = htx_encode(text, strlen(text), enc, bom, &bytes, &n, &err);
    if (st != HTX_OK) {
        FUZZ_CHECK(st == HTX_ERR_INVALID && err.msg == MSG_CANNOT_ENCODE);
        FUZZ_CHECK(!is_unicode(enc)); /* Unicode holds every character */
        FUZZ_CHECK(bytes == NULL);
        return;
    }
    char *back = NULL;
    size_t back_len = 0;
    htx_encoding used = HTX_ENC_AUTO;
    /* With a BOM, detection alone must find the encoding. */
    htx_encoding asked = bom ? HTX_ENC_AUTO : enc;
    st = htx_decode(bytes, n, asked, &back, &back_len, &used, &err);
    if (st != HTX_OK) {
        fprintf(stderr, "fuzz: %s text does not decode back (error %d at %s)\n",
                htx_encoding_name(enc), (int)err.msg, err.arg[1]);
        FUZZ_CHECK(st == HTX_OK);
    }
    check_decoded(back, back_len, used);
    if (bom)
        FUZZ_CHECK(used == enc);
    char *expected = expected_back(text, enc, bom);
    if (strcmp(back, expected) != 0) {
        fprintf(stderr, "fuzz: %s round trip (bom %d): \"%s\" came back as \"%s\"\n",
                htx_encoding_name(enc), bom, expected, back);
        FUZZ_CHECK(strcmp(back, expected) == 0);
    }
    free(expected);
    free(back);
    free(bytes);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_keep_iconv_loaded();
    return 0;
}

/* A BOM the encoding may carry is skipped: the text is what follows it
 * (VIQR is ASCII, and saved as UTF-8 may begin with that BOM). */
static void check_bom_skipped(const uint8_t *data, size_t size)
{
    static const struct {
        htx_encoding enc;
        const char *bom;
        size_t len;
    } boms[] = {{HTX_ENC_UTF8, "\xEF\xBB\xBF", 3}, {HTX_ENC_VIQR, "\xEF\xBB\xBF", 3},
                {HTX_ENC_UTF16BE, "\xFE\xFF", 2}};
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
        if (size < boms[i].len || memcmp(data, boms[i].bom, boms[i].len) != 0)
            continue;
        char *with = NULL, *without = NULL;
        size_t with_len, without_len;
        htx_error err;
        htx_status a = htx_decode(data, size, boms[i].enc, &with, &with_len, NULL, &err);
        htx_status b = htx_decode(data + boms[i].len, size - boms[i].len, boms[i].enc, &without,
                                  &without_len, NULL, &err);
        FUZZ_CHECK((a == HTX_OK) == (b == HTX_OK));
        if (a == HTX_OK && b == HTX_OK && strcmp(with, without) != 0) {
            /* Unless what follows begins with a BOM again: that one is skipped too. */
            FUZZ_CHECK(size >= 2 * boms[i].len &&
                       memcmp(data + boms[i].len, boms[i].bom, boms[i].len) == 0);
        }
        free(with);
        free(without);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_bom_skipped(data, size);
    bool has_bom = false;
    htx_encoding detected = htx_encoding_detect(data, size, &has_bom, NULL);
    FUZZ_CHECK(detected > HTX_ENC_AUTO && detected < HTX_ENC_COUNT);

    char *auto_text = NULL;
    bool auto_failed = false;
    htx_encoding auto_used = HTX_ENC_AUTO;
    for (int e = HTX_ENC_AUTO; e < HTX_ENC_COUNT; e++) {
        char *out = NULL;
        size_t out_len = 0;
        htx_encoding used = HTX_ENC_AUTO;
        htx_error err;
        htx_status st = htx_decode(data, size, (htx_encoding)e, &out, &out_len, &used, &err);
        if (st != HTX_OK) {
            FUZZ_CHECK(st == HTX_ERR_INVALID && err.msg == MSG_BAD_ENCODING);
            FUZZ_CHECK(out == NULL);
            if (e == HTX_ENC_AUTO) {
                auto_used = used;
                auto_failed = true;
            }
            continue;
        }
        check_decoded(out, out_len, used);
        if (e == HTX_ENC_AUTO) {
            FUZZ_CHECK(used == detected || (detected == HTX_ENC_UTF16 && used == HTX_ENC_UTF16BE));
            auto_text = out;
            auto_used = used;
            continue;
        }
        if (e != HTX_ENC_UTF16)
            FUZZ_CHECK(used == (htx_encoding)e);
        /* AUTO decodes exactly as the encoding it detected. */
        if (used == auto_used) {
            FUZZ_CHECK(!auto_failed);
            FUZZ_CHECK(auto_text && strcmp(out, auto_text) == 0);
        }
        /* UTF-16 without a BOM is decoded by guessing the byte order from
         * where the zero bytes are, which a text of a few characters such as
         * U+0400 does not settle: it goes with a BOM below. */
        for (int t = HTX_ENC_UTF8; t < HTX_ENC_COUNT; t++)
            if (t != HTX_ENC_UTF16)
                round_trip(out, (htx_encoding)t, false);
        round_trip(out, HTX_ENC_UTF8, true);
        round_trip(out, HTX_ENC_UTF16, true);
        round_trip(out, HTX_ENC_UTF16BE, true);
        free(out);
    }
    free(auto_text);
    return 0;
}
