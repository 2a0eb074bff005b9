/*
 * Vietnamese typing (vn_input.h): Telex and VNI, both tone styles.
 *
 * The input is used three ways: as a key sequence for vn_input_type, with
 * several sizes of output; as keys typed one by one into a word the way the
 * form does (the word is the engine's last rewrite, or the keys let in,
 * normalised as the editor does); and, split in two, as any NFC word and the
 * keys typed after it.
 *
 * Properties: the output is always NUL-terminated within its size, valid
 * UTF-8 and NFC; a rewrite fits the room given; with typing off the keys go
 * in unchanged.
 */
#include "fuzz_support.h"

#include "text.h"
#include "vn_input.h"

static const vn_input_mode modes[] = {VN_INPUT_OFF, VN_INPUT_TELEX, VN_INPUT_VNI};
static const vn_tone_style styles[] = {VN_TONE_OLD, VN_TONE_NEW};

static void check_type(vn_input_mode mode, vn_tone_style style, const char *keys,
                       const char *keys_valid, const char *keys_nfc)
{
    static const size_t sizes[] = {1, 2, 5, 16, 64, 4096};
    static char out[4096];
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t size = sizes[i];
        memset(out, 'X', size);
        vn_input_type(mode, style, keys, out, size);
        FUZZ_CHECK(memchr(out, 0, size) != NULL);
        FUZZ_CHECK(fuzz_str_valid(out));
        if (!fuzz_is_nfc(out)) {
            fprintf(stderr, "fuzz: %s typed into %zu bytes is not NFC: \"%s\"\n",
                    vn_input_mode_name(mode), size, out);
            FUZZ_CHECK(false);
        }
        /* Keys are typed, then normalised: the keys as typed must fit too. */
        if (mode == VN_INPUT_OFF && strlen(keys_valid) < size && strlen(keys_nfc) < size)
            FUZZ_CHECK(strcmp(out, keys_nfc) == 0);
    }
}

static bool continues_word(vn_input_mode mode, int32_t cp)
{
    return (mode == VN_INPUT_VNI && cp >= '0' && cp <= '9') || htx_cp_is_letter(cp);
}

/* One key on a word; returns the word after it (malloc'd, NFC). */
static char *key_on_word(vn_input_mode mode, vn_tone_style style, const char *word, uint32_t key)
{
    static const size_t sizes[] = {1, 4, 16, 272};
    char out[272];
    char *next = NULL;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t size = sizes[i];
        memset(out, 'X', sizeof out);
        vn_input_result r = vn_input_key(mode, style, word, NULL, key, out, size);
        FUZZ_CHECK(r == VN_INSERT || r == VN_REWRITE);
        if (mode == VN_INPUT_OFF)
            FUZZ_CHECK(r == VN_INSERT);
        if (r != VN_REWRITE)
            continue;
        FUZZ_CHECK(memchr(out, 0, size) != NULL);
        FUZZ_CHECK(fuzz_str_valid(out));
        if (!fuzz_is_nfc(out)) {
            fprintf(stderr, "fuzz: %s, word \"%s\" + U+%04X gives \"%s\", not NFC\n",
                    vn_input_mode_name(mode), word, (unsigned)key, out);
            FUZZ_CHECK(false);
        }
        if (i + 1 == sizeof sizes / sizeof sizes[0]) {
            next = strdup(out);
            FUZZ_CHECK(next != NULL);
        }
    }
    if (!next) {
        /* The key goes in as typed; the editor normalises. */
        char typed[5] = {0};
        size_t len = strlen(word);
        char *joined = fuzz_alloc(len + 5);
        memcpy(joined, word, len);
        int n = htx_utf8_encode((int32_t)key, typed);
        memcpy(joined + len, typed, (size_t)n);
        joined[len + (size_t)n] = '\0';
        next = (char *)utf8proc_NFC((const utf8proc_uint8_t *)joined);
        FUZZ_CHECK(next != NULL);
        free(joined);
    }
    return next;
}

/* Types the keys one by one from word, as the form does. */
static void type_keys(vn_input_mode mode, vn_tone_style style, const char *word, const char *keys)
{
    char *current = strdup(word);
    FUZZ_CHECK(current != NULL);
    size_t len = strlen(keys);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int n = fuzz_utf8_seq((const unsigned char *)keys + i, len - i, &cp);
        FUZZ_CHECK(n > 0);
        i += (size_t)n;
        if (!continues_word(mode, cp) || strlen(current) >= 255) {
            current[0] = '\0';
            if (!continues_word(mode, cp))
                continue;
        }
        char *next = key_on_word(mode, style, current, (uint32_t)cp);
        free(current);
        current = next;
    }
    free(current);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024)
        return 0; /* far longer than any word: only slower */
    char *keys = fuzz_string(data, size);
    char *valid = fuzz_make_valid(data, strlen(keys));
    char *keys_nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)valid);
    FUZZ_CHECK(keys_nfc != NULL);

    size_t first_len, second_len;
    const uint8_t *second;
    fuzz_split(data, size, &first_len, &second, &second_len);
    char *first = fuzz_make_valid(data, first_len);
    char *word = (char *)utf8proc_NFC((const utf8proc_uint8_t *)first);
    char *rest = fuzz_make_valid(second, second_len);
    FUZZ_CHECK(word != NULL);
    if (strlen(word) > 255)
        word[0] = '\0';

    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        for (size_t s = 0; s < sizeof styles / sizeof styles[0]; s++) {
            check_type(modes[m], styles[s], keys, valid, keys_nfc);
            type_keys(modes[m], styles[s], "", valid);
            type_keys(modes[m], styles[s], word, rest);
        }
    }
    /* Keys that are not code points are let in (and never crash). */
    static const uint32_t odd[] = {0, 0xD800, 0xDFFF, 0x110000, 0xFFFFFFFFu, 0x80, 0x301};
    char out[64];
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
        for (size_t m = 1; m < sizeof modes / sizeof modes[0]; m++)
            if (vn_input_key(modes[m], VN_TONE_OLD, word, NULL, odd[i], out, sizeof out) == VN_REWRITE)
                FUZZ_CHECK(fuzz_str_valid(out) && fuzz_is_nfc(out));

    free(keys);
    free(valid);
    free(keys_nfc);
    free(first);
    free(word);
    free(rest);
    return 0;
}
