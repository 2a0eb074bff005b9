#include "encoding_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- names ---------------------------------------------------------------- */

static const char *const encoding_names[HTX_ENC_COUNT] = {
    "auto", "utf-8", "utf-16", "utf-16be", "cp1258", "viscii", "tcvn3", "tcvn-vn1", "vni", "viqr",
};

static void simplify_name(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; *in && n + 1 < size; in++) {
        char ch = *in;
        if (ch == '-' || ch == '_' || ch == ' ')
            continue;
        out[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    out[n] = '\0';
}

int htx_encoding_parse(const char *name)
{
    if (!name)
        return -1;
    char key[32];
    simplify_name(name, key, sizeof key);
    static const struct {
        const char *alias;
        htx_encoding enc;
    } aliases[] = {
        {"auto", HTX_ENC_AUTO},       {"utf8", HTX_ENC_UTF8},         {"utf16", HTX_ENC_UTF16},
        {"utf16le", HTX_ENC_UTF16},   {"utf16be", HTX_ENC_UTF16BE},   {"cp1258", HTX_ENC_CP1258},
        {"windows1258", HTX_ENC_CP1258}, {"viscii", HTX_ENC_VISCII},  {"tcvn3", HTX_ENC_TCVN3},
        {"tcvn", HTX_ENC_TCVN3},      {"abc", HTX_ENC_TCVN3},         {"tcvn3abc", HTX_ENC_TCVN3},
        {"tcvnvn1", HTX_ENC_TCVN_VN1}, {"vn1", HTX_ENC_TCVN_VN1},     {"tcvn57121", HTX_ENC_TCVN_VN1},
        {"tcvn5712vn1", HTX_ENC_TCVN_VN1}, {"vni", HTX_ENC_VNI},
        {"vniwindows", HTX_ENC_VNI},  {"vniwin", HTX_ENC_VNI},        {"viqr", HTX_ENC_VIQR},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, key) == 0)
            return (int)aliases[i].enc;
    return -1;
}

const char *htx_encoding_name(htx_encoding enc)
{
    return (unsigned)enc < HTX_ENC_COUNT ? encoding_names[enc] : "?";
}

htx_status htx_decode(const unsigned char *bytes, size_t len, htx_encoding enc, char **out,
                      size_t *out_len, htx_encoding *used, htx_error *err)
{
    *out = NULL;
    *out_len = 0;
    bool bom = false;
    if (enc == HTX_ENC_AUTO)
        enc = htx_encoding_detect(bytes, len, &bom, NULL);
    htx_encoding bom_enc = HTX_ENC_AUTO;
    size_t skip = enc_bom_length(bytes, len, &bom_enc);
    htx_encoding order;
    if (enc == HTX_ENC_UTF16 && bom_enc == HTX_ENC_UTF16BE)
        enc = HTX_ENC_UTF16BE; /* "utf-16" follows the BOM */
    else if (enc == HTX_ENC_UTF16 && bom_enc == HTX_ENC_AUTO && enc_looks_like_utf16(bytes, len, &order))
        enc = order; /* or, without one, where the zero bytes are */
    /* VIQR is ASCII, and a file of it saved as UTF-8 may carry that BOM. */
    if (bom_enc != enc && !(enc == HTX_ENC_VIQR && bom_enc == HTX_ENC_UTF8))
        skip = 0;
    if (used)
        *used = enc;

    enc_buffer decoded = {0};
    size_t bad = 0;
    htx_status st = enc_decode_as(bytes + skip, len - skip, enc, &decoded, &bad);
    if (st == HTX_OK) {
        char *nfc = htx_text_nfc(decoded.data);
        if (!nfc)
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        else {
            *out = nfc;
            *out_len = strlen(nfc);
        }
    } else if (st == HTX_ERR_NOMEM) {
        htx_fail(err, st, MSG_NOMEM, NULL, NULL, NULL);
    } else {
        /* The line a person can find in an editor, and the byte for a hex dump. */
        size_t at = bad + skip, line = 1;
        bool wide = enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE;
        for (size_t i = 0; i < at && i < len; i++)
            line += bytes[i] == '\n' && (!wide || (i % 2 == (enc == HTX_ENC_UTF16 ? 0u : 1u)));
        char offset[64];
        snprintf(offset, sizeof offset, "%zu (byte %zu)", line, at + 1);
        htx_fail(err, st, MSG_BAD_ENCODING, NULL, htx_encoding_name(enc), offset);
    }
    free(decoded.data);
    return st;
}

const char *htx_punctuation_stand_in(int32_t cp)
{
    switch (cp) {
    case 0x2013: case 0x2014: case 0x2212: return "-";
    case 0x2018: case 0x2019: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x00A0: return " ";
    default: return NULL;
    }
}

/* text with the typographic punctuation an 8-bit code page lacks replaced
 * (fresh, NUL-terminated; *len updated), or NULL when out of memory. */
static char *with_stand_ins(const char *text, size_t *len)
{
    char *copy = malloc(*len + 1); /* every stand-in is shorter than what it stands for */
    if (!copy)
        return NULL;
    size_t n = 0;
    int32_t cp;
    for (size_t i = 0; i < *len;) {
        int k = htx_utf8_decode(text + i, &cp);
        if (k <= 0)
            k = 1;
        const char *stand_in = htx_punctuation_stand_in(cp);
        if (stand_in) {
            memcpy(copy + n, stand_in, strlen(stand_in));
            n += strlen(stand_in);
        } else {
            memcpy(copy + n, text + i, (size_t)k);
            n += (size_t)k;
        }
        i += (size_t)k;
    }
    copy[n] = '\0';
    *len = n;
    return copy;
}

/* The line (from 1) of the first occurrence of cp in text. */
static long line_of(const char *text, int32_t cp)
{
    long line = 1;
    int32_t c;
    for (int k; (k = htx_utf8_decode(text, &c)) > 0 && c != cp; text += k)
        line += c == '\n';
    return line;
}

/* One code point into TCVN3 (VN3, through iconv's VN1); false when it has
 * no place there. */
static bool encode_tcvn3_one(int32_t cp, enc_buffer *out)
{
    char utf8[4];
    int n = htx_utf8_encode(enc_tcvn3_letter(cp), utf8);
    size_t before = out->len, bad;
    if (n == 0 || !enc_iconv("TCVN5712-1", "UTF-8", utf8, (size_t)n, out, &bad))
        return false;
    size_t written = out->len - before;
    return enc_tcvn3_invalid_at((const unsigned char *)out->data + before, written) == written;
}

/* TCVN3 (ABC): toned capitals written lower case, the whole text through
 * iconv's VN1 at once; where that writes a byte VN3 lacks (or fails), the
 * characters one by one find the one to name in *bad. */
static bool encode_tcvn3(const char *text, enc_buffer *out, int32_t *bad)
{
    enc_buffer folded = {0};
    int32_t cp;
    for (const char *p = text; *p;) {
        int n = htx_utf8_decode(p, &cp);
        enc_buf_cp(&folded, enc_tcvn3_letter(cp));
        p += n;
    }
    size_t before = out->len, bad_offset;
    bool ok = folded.failed ||
              (folded.len == 0 || enc_iconv("TCVN5712-1", "UTF-8", folded.data, folded.len, out, &bad_offset));
    /* nothing written (an empty text) has nothing invalid; out->data may
     * still be NULL then */
    ok = ok && (out->len == before ||
                enc_tcvn3_invalid_at((const unsigned char *)out->data + before, out->len - before) ==
                    out->len - before);
    out->failed |= folded.failed;
    free(folded.data);
    if (ok)
        return true;
    enc_buffer scratch = {0};
    *bad = 0;
    for (int n; *bad == 0 && (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        scratch.len = 0;
        if (!encode_tcvn3_one(cp, &scratch))
            *bad = cp;
    }
    free(scratch.data);
    return false;
}

htx_status htx_encode(const char *text, size_t len, htx_encoding enc, bool bom,
                      unsigned char **out, size_t *out_len, htx_error *err)
{
    *out = NULL;
    *out_len = 0;
    enc_buffer b = {0};
    if (enc == HTX_ENC_AUTO)
        enc = HTX_ENC_UTF8;
    if (bom && enc == HTX_ENC_UTF8)
        enc_buf_bytes(&b, "\xEF\xBB\xBF", 3);
    else if (bom && enc == HTX_ENC_UTF16)
        enc_buf_bytes(&b, "\xFF\xFE", 2);
    else if (bom && enc == HTX_ENC_UTF16BE)
        enc_buf_bytes(&b, "\xFE\xFF", 2);

    bool ok = true;
    int32_t bad = 0;
    size_t bad_offset = 0;
    bool unicode = enc == HTX_ENC_UTF8 || enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE;
    char *copy = unicode ? strndup(text, len) : with_stand_ins(text, &len);
    if (!copy) {
        free(b.data);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    if (enc == HTX_ENC_UTF8)
        enc_buf_bytes(&b, copy, len);
    else if (enc == HTX_ENC_VNI)
        ok = enc_encode_vni(copy, &b, &bad);
    else if (enc == HTX_ENC_VIQR)
        ok = enc_encode_viqr(copy, &b, &bad);
    else if (enc == HTX_ENC_TCVN3)
        ok = encode_tcvn3(copy, &b, &bad);
    else if (!enc_iconv(enc_iconv_name(enc), "UTF-8", copy, len, &b, &bad_offset)) {
        ok = false;
        htx_utf8_decode(copy + bad_offset, &bad);
    }
    long bad_line = ok ? 0 : line_of(copy, bad);
    free(copy);
    if (b.failed) {
        free(b.data);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    if (!ok) {
        free(b.data);
        char shown[48], line[24];
        char utf8[5] = {0};
        if (htx_utf8_encode(bad, utf8) <= 0 || bad < 0x20)
            utf8[0] = '\0';
        snprintf(shown, sizeof shown, "\"%s\" (U+%04X)", utf8, (unsigned)bad);
        snprintf(line, sizeof line, "%ld", bad_line);
        return htx_fail(err, HTX_ERR_INVALID, MSG_CANNOT_ENCODE, NULL, shown, line);
    }
    *out = (unsigned char *)(b.data ? b.data : calloc(1, 1));
    *out_len = b.len;
    return *out ? HTX_OK : htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
}
