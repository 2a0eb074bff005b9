/*
 * Converting bytes of one encoding into UTF-8 (and UTF-8 into iconv's
 * charsets): the layer under decoding, encoding and detection, which all
 * try decodings (encoding.c, encoding_detect.c).
 */
#include "encoding_internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The iconv name of each encoding iconv handles; NULL for the others. */
const char *enc_iconv_name(htx_encoding enc)
{
    switch (enc) {
    case HTX_ENC_UTF16: return "UTF-16LE";
    case HTX_ENC_UTF16BE: return "UTF-16BE";
    case HTX_ENC_CP1258: return "WINDOWS-1258";
    case HTX_ENC_VISCII: return "VISCII";
    case HTX_ENC_TCVN3: /* VN3, the part of VN1 it holds (encoding_tcvn3.c) */
    case HTX_ENC_TCVN_VN1: return "TCVN5712-1";
    default: return NULL;
    }
}

/* ---- iconv ------------------------------------------------------------------ */

/* Converts between charsets; on an invalid or unconvertible sequence returns
 * false with *bad_offset its offset in the input. */
bool enc_iconv(const char *to, const char *from, const char *in, size_t len, enc_buffer *out,
                      size_t *bad_offset)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) {
        *bad_offset = 0;
        return false;
    }
    char *src = (char *)in;
    size_t left = len;
    bool ok = true;
    enc_buf_reserve(out, len * 2 + 16);
    while (ok && left > 0 && !out->failed) {
        char *dst = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        out->len = (size_t)(dst - out->data);
        out->data[out->len] = '\0';
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                enc_buf_reserve(out, out->cap);
            else
                ok = false;
        }
    }
    /* Flush what the converter holds back: glibc's CP1258 and TCVN decoders
     * keep the last letter in case a combining tone follows.  With too
     * little room it would be lost silently, so grow and try again. */
    while (ok && !out->failed) {
        char *dst = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, NULL, NULL, &dst, &room);
        out->len = (size_t)(dst - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            enc_buf_reserve(out, out->cap);
        else
            ok = false;
    }
    *bad_offset = (size_t)(src - in);
    iconv_close(cd);
    return ok;
}

/* ---- byte-order marks ------------------------------------------------------ */

static bool has_prefix(const unsigned char *b, size_t len, const char *prefix, size_t n)
{
    return len >= n && memcmp(b, prefix, n) == 0;
}

size_t enc_bom_length(const unsigned char *b, size_t len, htx_encoding *enc)
{
    if (has_prefix(b, len, "\xEF\xBB\xBF", 3)) {
        *enc = HTX_ENC_UTF8;
        return 3;
    }
    if (has_prefix(b, len, "\xFF\xFE", 2)) {
        *enc = HTX_ENC_UTF16;
        return 2;
    }
    if (has_prefix(b, len, "\xFE\xFF", 2)) {
        *enc = HTX_ENC_UTF16BE;
        return 2;
    }
    return 0;
}

/* ---- decode / encode ------------------------------------------------------ */

htx_status enc_decode_as(const unsigned char *bytes, size_t len, htx_encoding enc, enc_buffer *out,
                            size_t *bad_offset)
{
    switch (enc) {
    case HTX_ENC_UTF8:
    case HTX_ENC_VIQR: {
        long bad = htx_utf8_invalid_at((const char *)bytes, len);
        if (bad >= 0) {
            *bad_offset = (size_t)bad;
            return HTX_ERR_INVALID;
        }
        if (enc == HTX_ENC_UTF8) {
            enc_buf_bytes(out, bytes, len);
        } else {
            char *copy = malloc(len + 1);
            if (!copy)
                return HTX_ERR_NOMEM;
            memcpy(copy, bytes, len);
            copy[len] = '\0';
            enc_decode_viqr(copy, out);
            free(copy);
        }
        break;
    }
    case HTX_ENC_VNI:
        enc_decode_vni(bytes, len, out);
        break;
    default:
        if (enc == HTX_ENC_TCVN3 && (*bad_offset = enc_tcvn3_invalid_at(bytes, len)) < len)
            return HTX_ERR_INVALID;
        if (!enc_iconv("UTF-8", enc_iconv_name(enc), (const char *)bytes, len, out, bad_offset))
            return out->failed ? HTX_ERR_NOMEM : HTX_ERR_INVALID;
        break;
    }
    if (!out->data)
        enc_buf_bytes(out, "", 0);
    if (out->failed)
        return HTX_ERR_NOMEM;
    /* A NUL byte decoded from the file would cut every string short. */
    size_t nul = strlen(out->data);
    if (nul != out->len) {
        *bad_offset = nul;
        return HTX_ERR_INVALID;
    }
    return HTX_OK;
}

